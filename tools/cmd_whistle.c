/* SPDX-License-Identifier: MIT */
/*
 * mediate whistle / dispatch / report / tick / board: the whistle ->
 * dispatch -> report engine (吹哨-派单-报到) one step per invocation, kept
 * in a route store (an SQLite journal, include/mediate/route_store.h).
 *
 *   mediate whistle  --store DB --unit U --category C ...   raise; prints the order number
 *   mediate dispatch --store DB ORDER [--auto | --lead D ...] and the dispatcher's decisions
 *   mediate report   --store DB ORDER ACTION ...            a department's or the raiser's step
 *   mediate tick     --store DB [--at TIME]                 warnings, breaches, escalations due
 *   mediate board    --store DB [--department D] [--audit]  open orders with the time left
 *
 * Every command takes --policy/--data like `mediate route`, the audit key
 * from --key-file or $MEDIATE_AUDIT_KEY, --at (default: the current time)
 * and --actor (default: $MEDIATE_ACTOR, then $USER).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define COMMON_USAGE \
	"Common options:\n" \
	"  -s, --store DB       the route store, an SQLite file (default: $MEDIATE_STORE);\n" \
	"                       mediate whistle creates it, the others need it\n" \
	"  -k, --key-file FILE  the audit key: the bytes of FILE less one final newline,\n" \
	"                       16 to 64 bytes (default: $MEDIATE_AUDIT_KEY); the same\n" \
	"                       key every time, or the store is refused\n" \
	"  -p, --policy FILE    the policy (default: county.yaml of the data directory);\n" \
	"                       the same name and version every time\n" \
	"  -d, --data DIR       the sample data directory (see mediate demo)\n" \
	"  -t, --at TIME        when the step happens, like 2026-11-02T09:10:00+08:00\n" \
	"                       (default: now); never earlier than the last step\n" \
	"  -a, --actor NAME     who acts, for the audit trail (default: $MEDIATE_ACTOR,\n" \
	"                       then $USER)\n" \
	"  -h, --help           this text\n" \
	"\n" \
	"Exit status: 0 on success, 1 when the step is refused or an input is\n" \
	"invalid (the store is then unchanged) or the store was edited, 2 for a wrong\n" \
	"command line or a missing key, 3 when a file or the store cannot be read\n" \
	"or written.\n"

static int run_whistle(int argc, char **argv);
static int run_dispatch(int argc, char **argv);
static int run_report(int argc, char **argv);
static int run_tick(int argc, char **argv);
static int run_board(int argc, char **argv);

const cli_command cli_cmd_whistle = {
	"whistle",
	"raise a whistle (吹哨) into a route store; prints the order number",
	"usage: mediate whistle --store DB --unit UNIT --category CODE [--urgency U]\n"
	"                       [--place TEXT] [--text TEXT] [--raiser NAME] [--case NUMBER]\n"
	"                       [--at TIME] [options]\n"
	"\n"
	"A village, community or grid (UNIT, a code of the policy's org tree) raises\n"
	"a problem of category CODE.  The new order waits for dispatch; its number\n"
	"is printed on standard output.\n"
	"\n"
	"  -u, --unit UNIT      the raising unit\n"
	"  -c, --category CODE  a category of the policy's taxonomy\n"
	"  -U, --urgency U      normal (default), urgent or critical\n"
	"  -P, --place TEXT     where\n"
	"  -x, --text TEXT      what happened\n"
	"  -r, --raiser NAME    who raised it (default: the actor)\n"
	"  -n, --case NUMBER    the dispute case it concerns\n"
	"\n" COMMON_USAGE,
	run_whistle
};

const cli_command cli_cmd_dispatch = {
	"dispatch",
	"dispatch an order (派单), re-route, force, decide extensions, supervise",
	"usage: mediate dispatch --store DB ORDER [--auto] [options]\n"
	"       mediate dispatch --store DB ORDER --lead DEPT [--assist D,D...] [--level L]\n"
	"       mediate dispatch --store DB ORDER --reroute DEPT --to NEW\n"
	"       mediate dispatch --store DB ORDER --force DEPT [--note TEXT]\n"
	"       mediate dispatch --store DB ORDER --extension approve|refuse --department DEPT\n"
	"       mediate dispatch --store DB ORDER --supervise on|off\n"
	"       mediate dispatch --store DB ORDER --recategorize CODE [--urgency U]\n"
	"\n"
	"The dispatch centre's decisions on an order:\n"
	"  --auto               dispatch by the policy's routing rules (the default)\n"
	"  --lead DEPT          dispatch by hand to a lead department, with\n"
	"  --assist D,D...      assisting departments, at\n"
	"  --level L            town (default) or county level\n"
	"  --reroute DEPT --to NEW   send DEPT's returned task (退单) to NEW\n"
	"  --force DEPT         final decision: DEPT's returned task goes back to it\n"
	"                       and cannot be returned again\n"
	"  --extension approve|refuse --department DEPT   decide DEPT's pending\n"
	"                       extension request\n"
	"  --supervise on|off   the supervision flag (督办)\n"
	"  --recategorize CODE  a new category (and --urgency): the SLA is picked again\n"
	"  --note TEXT          a note for --force, --extension\n"
	"\n" COMMON_USAGE,
	run_dispatch
};

const cli_command cli_cmd_report = {
	"report",
	"a department reports in (报到) on an order; the raiser rates, confirms, reopens",
	"usage: mediate report --store DB ORDER --department DEPT ACTION [ARGS] [options]\n"
	"       mediate report --store DB ORDER rate --department DEPT SATISFACTION\n"
	"       mediate report --store DB ORDER confirm | reopen REASON\n"
	"\n"
	"A department's steps on its task of ORDER (--department DEPT):\n"
	"  ack                      acknowledge (签收)\n"
	"  check-in                 arrive on site (到场报到)\n"
	"  progress TEXT            a progress note\n"
	"  finish TEXT              finish with a result (办结)\n"
	"  return REASON TEXT       return a wrongly routed order (退单); REASON is\n"
	"                           not_our_duty, outside_area, insufficient or duplicate\n"
	"  extend MINUTES REASON    ask for MINUTES more to finish (decided by\n"
	"                           mediate dispatch --extension)\n"
	"  pause REASON             stop the clocks while waiting on the raiser\n"
	"  resume                   restart them\n"
	"The raising unit's steps, once every department finished:\n"
	"  rate SATISFACTION        rate DEPT: satisfied, basically_satisfied or\n"
	"                           dissatisfied\n"
	"  confirm                  confirm and close the order (every department rated)\n"
	"  reopen REASON            send the order back to work, with new clocks\n"
	"\n"
	"  -D, --department DEPT    the department\n"
	"\n" COMMON_USAGE,
	run_report
};

const cli_command cli_cmd_tick = {
	"tick",
	"print the warnings, breaches and escalations that fell due",
	"usage: mediate tick --store DB [--at TIME] [options]\n"
	"\n"
	"Moves the clock of the store to TIME and prints, in deadline order, the\n"
	"warnings, breaches and escalations that fell due since the last tick, one\n"
	"a line:\n"
	"  DUE  #ORDER DEPARTMENT TARGET KIND [STEP]\n"
	"Each is printed once: the tick is journaled, and its escalations (督办\n"
	"sets the supervision flag) are in the audit trail.\n"
	"\n" COMMON_USAGE,
	run_tick
};

const cli_command cli_cmd_board = {
	"board",
	"open orders by department with the working time left (看板); --audit",
	"usage: mediate board --store DB [--at TIME] [--department DEPT] [--calendar CODE]\n"
	"                     [--audit [--head HEX]] [options]\n"
	"\n"
	"Lists the open orders by department: each task's next deadline and the\n"
	"working time left at TIME (or how long overdue) on the calendar CODE (default:\n"
	"the policy's first), then the orders waiting for dispatch and those waiting\n"
	"for the raiser.  Changes nothing.\n"
	"\n"
	"  -D, --department DEPT  only this department\n"
	"  -C, --calendar CODE    the working-time calendar of the time left\n"
	"  -A, --audit            verify the audit chain and print its head; keep the\n"
	"                         head elsewhere to detect a cut journal later\n"
	"  -H, --head HEX         with --audit: the head the chain must end at\n"
	"\n" COMMON_USAGE,
	run_board
};

/* ---- what the five share ---- */

typedef struct wopts {
	const char *store, *policy, *data, *key_file, *at, *actor;
	int64_t now;
} wopts;

#define COMMON_LONGOPTS \
	{ "store", required_argument, NULL, 's' }, \
	{ "key-file", required_argument, NULL, 'k' }, \
	{ "policy", required_argument, NULL, 'p' }, \
	{ "data", required_argument, NULL, 'd' }, \
	{ "at", required_argument, NULL, 't' }, \
	{ "actor", required_argument, NULL, 'a' }, \
	{ "help", no_argument, NULL, 'h' }
#define COMMON_SHORTOPTS ":s:k:p:d:t:a:h"

/* Returns 1 when c was a common option. */
static int
common_opt(wopts *o, int c)
{
	switch (c) {
	case 's': o->store = optarg; return 1;
	case 'k': o->key_file = optarg; return 1;
	case 'p': o->policy = optarg; return 1;
	case 'd': o->data = optarg; return 1;
	case 't': o->at = optarg; return 1;
	case 'a': o->actor = optarg; return 1;
	}
	return 0;
}

/* A libmediate status as an exit code: EINVAL here comes from the user's input. */
static int
exit_for(int rc)
{
	if (rc == MEDIATE_EINVAL)
		return CLI_EXIT_INPUT;
	if (rc == MEDIATE_ESTORE)
		return CLI_EXIT_IO;
	return cli_exit_for_status(rc);
}

static int
fail(const char *cmd, int rc)
{
	cli_warn(cmd, "%s", mediate_error_last()->text);
	return exit_for(rc);
}

/* Reads the audit key into key[64]. */
static int
read_key(const char *cmd, const wopts *o, unsigned char key[64], size_t *len)
{
	const char *env = getenv("MEDIATE_AUDIT_KEY");
	size_t n;

	if (o->key_file != NULL) {
		unsigned char buf[80];
		FILE *f = fopen(o->key_file, "rb");
		if (f == NULL) {
			cli_warn(cmd, "cannot read the key file %s", o->key_file);
			return CLI_EXIT_IO;
		}
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		if (n > 0 && buf[n - 1] == '\n')
			n--;
		if (n > 0 && buf[n - 1] == '\r')
			n--;
		if (n < 16 || n > 64) {
			cli_warn(cmd, "the key file %s must hold 16 to 64 bytes%s", o->key_file,
			         n > 64 ? "" : ", not fewer");
			return CLI_EXIT_INPUT;
		}
		memcpy(key, buf, n);
		*len = n;
		return 0;
	}
	if (env == NULL || env[0] == '\0')
		return cli_usage_error(cmd, "no audit key: give --key-file FILE or set MEDIATE_AUDIT_KEY (16 to 64 bytes)");
	n = strlen(env);
	if (n < 16 || n > 64) {
		cli_warn(cmd, "MEDIATE_AUDIT_KEY must hold 16 to 64 bytes, not %zu", n);
		return CLI_EXIT_INPUT;
	}
	memcpy(key, env, n);
	*len = n;
	return 0;
}

/* Completes the options (store, time, actor) before anything is opened. */
static int
finish_opts(const char *cmd, wopts *o)
{
	if (o->store == NULL)
		o->store = getenv("MEDIATE_STORE");
	if (o->store == NULL || o->store[0] == '\0')
		return cli_usage_error(cmd, "no store: give --store DB or set MEDIATE_STORE");
	if (o->at != NULL) {
		if (mediate_time_parse(&o->now, NULL, o->at) != 0) {
			cli_warn(cmd, "--at: %s", mediate_error_last()->text);
			return CLI_EXIT_INPUT;
		}
	} else {
		o->now = (int64_t)time(NULL);
	}
	if (o->actor == NULL)
		o->actor = getenv("MEDIATE_ACTOR");
	if (o->actor == NULL || o->actor[0] == '\0')
		o->actor = getenv("USER");
	if (o->actor == NULL || o->actor[0] == '\0')
		o->actor = "mediate";
	return 0;
}

/* A file of zero bytes with no write-ahead log beside it: no database yet. */
static int
is_empty_file(const char *path)
{
	char wal[4200];
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size != 0)
		return 0;
	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &sb) != 0 || sb.st_size == 0;
}

/* Loads the policy and opens the store (create: whistle may make a new one). */
static int
open_store(const char *cmd, wopts *o, int create, mediate_policy **pol, mediate_route_store **st)
{
	unsigned char key[64];
	size_t keylen = 0;
	char dir[4096], path[4200];
	const char *policy_path = o->policy;
	int rc;

	*pol = NULL;
	*st = NULL;
	if ((rc = finish_opts(cmd, o)) != 0 || (rc = read_key(cmd, o, key, &keylen)) != 0)
		return rc;
	if (!create && access(o->store, F_OK) != 0) {
		cli_warn(cmd, "no route store %s (mediate whistle creates it)", o->store);
		return CLI_EXIT_IO;
	}
	if (!create && is_empty_file(o->store)) {
		/* SQLite would take it for a new database and make it an empty store. */
		cli_warn(cmd, "%s is an empty file, not a route store (mediate whistle creates one)", o->store);
		return CLI_EXIT_IO;
	}
	if (policy_path == NULL) {
		if ((rc = cli_find_data_dir(cmd, o->data, dir, sizeof dir)) != 0)
			return rc;
		snprintf(path, sizeof path, "%s/county.yaml", dir);
		policy_path = path;
	}
	if ((rc = cli_load_policy(pol, policy_path, NULL)) != CLI_EXIT_OK)
		return rc;
	if ((rc = mediate_route_store_open(st, *pol, o->store, key, keylen)) != 0) {
		rc = fail(cmd, rc);
		mediate_policy_free(*pol);
		*pol = NULL;
		return rc;
	}
	return 0;
}

static void
close_store(mediate_policy *pol, mediate_route_store *st)
{
	mediate_route_store_close(st);
	mediate_policy_free(pol);
}

static int
parse_order(const char *cmd, const char *text, uint64_t *out)
{
	unsigned long v = 0;
	if (text[0] == '#')
		text++;
	if (cli_parse_count(cmd, "ORDER", text, 4000000000UL, &v) != 0)
		return CLI_EXIT_USAGE;
	if (v == 0)
		return cli_usage_error(cmd, "orders are numbered from 1");
	*out = v;
	return 0;
}

static int
time_offset(const mediate_policy *p)
{
	return mediate_policy_calendar_count(p) > 0 ? mediate_calendar_offset(mediate_policy_calendar_at(p, 0))
	                                            : MEDIATE_OFFSET_CST;
}

/* "2026-11-03 21:50" in the policy's local time. */
static void
print_time(FILE *out, int64_t t, int offset)
{
	char buf[MEDIATE_TIME_BUFSIZE];
	if (mediate_time_format(buf, sizeof buf, t, offset) != 0) {
		fprintf(out, "%lld", (long long)t);
		return;
	}
	buf[16] = '\0';
	buf[10] = ' ';
	fputs(buf, out);
}

static const char *
unit_name(const mediate_policy *p, const char *code)
{
	const mediate_unit *u = mediate_policy_unit_find(p, code);
	return u != NULL ? cli_unit_name(u, NULL) : code;
}

static const char *
target_name(mediate_target t)
{
	switch (t) {
	case MEDIATE_TARGET_ACKNOWLEDGE: return "签收 acknowledge";
	case MEDIATE_TARGET_CHECK_IN: return "报到 check-in";
	case MEDIATE_TARGET_FINISH: return "办结 finish";
	}
	return "?";
}

/* Prints the departments of an order: "lead YZ-ZH-CJ 中河街道城建办 + assist ...". */
static void
print_tasks(FILE *out, const mediate_route *r, const mediate_policy *p, uint64_t no)
{
	mediate_order_info oi;
	size_t i, shown = 0;
	oi.version = MEDIATE_ORDER_INFO_VERSION;
	if (mediate_route_order_info(&oi, r, no) != 0)
		return;
	fprintf(out, "order %llu %s (%s):", (unsigned long long)no, mediate_order_state_name(oi.state),
	        oi.level == MEDIATE_LEVEL_COUNTY ? "county 区级" : oi.level == MEDIATE_LEVEL_TOWN ? "town 镇街级"
	        : "not dispatched 待派单");
	for (i = 0; i < oi.task_count; i++) {
		mediate_task_info ti;
		ti.version = MEDIATE_TASK_INFO_VERSION;
		if (mediate_route_task_info(&ti, r, no, i) != 0 || ti.state == MEDIATE_TASK_REROUTED)
			continue;
		fprintf(out, "%s %s %s %s", shown++ ? " +" : "", ti.role == MEDIATE_ROLE_LEAD ? "lead" : "assist",
		        ti.department, unit_name(p, ti.department));
	}
	fputc('\n', out);
}

/* "order 3: YZ-ZH-CJ 中河街道城建办 acknowledged": the department's live task. */
static void
print_task(FILE *out, const mediate_route *r, const mediate_policy *p, uint64_t no, const char *dept)
{
	mediate_order_info oi;
	size_t i;
	oi.version = MEDIATE_ORDER_INFO_VERSION;
	if (mediate_route_order_info(&oi, r, no) != 0)
		return;
	for (i = oi.task_count; i-- > 0;) {
		mediate_task_info ti;
		ti.version = MEDIATE_TASK_INFO_VERSION;
		if (mediate_route_task_info(&ti, r, no, i) == 0 && strcmp(ti.department, dept) == 0) {
			fprintf(out, "order %llu: %s %s %s%s%s\n", (unsigned long long)no, dept, unit_name(p, dept),
			        mediate_task_state_name(ti.state), ti.paused ? ", paused" : "",
			        ti.extension_pending ? ", extension requested" : "");
			return;
		}
	}
}

/* ---- mediate whistle ---- */

static int
run_whistle(int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ "unit", required_argument, NULL, 'u' },
		{ "category", required_argument, NULL, 'c' },
		{ "urgency", required_argument, NULL, 'U' },
		{ "place", required_argument, NULL, 'P' },
		{ "text", required_argument, NULL, 'x' },
		{ "raiser", required_argument, NULL, 'r' },
		{ "case", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	wopts o;
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	const char *urgency = NULL;
	mediate_policy *pol;
	mediate_route_store *st;
	uint64_t no = 0;
	int c, rc;

	memset(&o, 0, sizeof o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "u:c:U:P:x:r:n:", longopts, NULL)) != -1) {
		if (common_opt(&o, c))
			continue;
		switch (c) {
		case 'u': w.unit = optarg; break;
		case 'c': w.category = optarg; break;
		case 'U': urgency = optarg; break;
		case 'P': w.place = optarg; break;
		case 'x': w.description = optarg; break;
		case 'r': w.raiser = optarg; break;
		case 'n': w.case_id = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_whistle);
		default: return cli_bad_option("whistle", c, argv);
		}
	}
	if (optind != argc)
		return cli_usage_error("whistle", "unexpected argument \"%s\"", argv[optind]);
	if (w.unit == NULL || w.category == NULL)
		return cli_usage_error("whistle", "--unit and --category are needed");
	if (urgency != NULL && mediate_urgency_parse(&w.urgency, urgency) != 0)
		return cli_usage_error("whistle", "--urgency: normal, urgent or critical, not \"%s\"", urgency);
	if ((rc = open_store("whistle", &o, 1, &pol, &st)) != 0)
		return rc;
	if (w.raiser == NULL)
		w.raiser = o.actor;
	w.time = o.now;
	if ((rc = mediate_route_store_whistle(&no, st, &w)) != 0)
		rc = fail("whistle", rc);
	else
		printf("%llu\n", (unsigned long long)no);
	close_store(pol, st);
	return rc;
}

/* ---- mediate dispatch ---- */

static int
parse_level(const char *text, mediate_dispatch_level *out)
{
	if (strcmp(text, "town") == 0)
		*out = MEDIATE_LEVEL_TOWN;
	else if (strcmp(text, "county") == 0)
		*out = MEDIATE_LEVEL_COUNTY;
	else
		return -1;
	return 0;
}

enum { D_AUTO = 1, D_MANUAL, D_REROUTE, D_FORCE, D_EXTENSION, D_SUPERVISE, D_RECATEGORIZE };

static int
set_action(int *action, int a)
{
	if (*action != 0 && *action != a)
		return cli_usage_error("dispatch", "give one of --auto, --lead, --reroute, --force, --extension, "
		                       "--supervise, --recategorize");
	*action = a;
	return 0;
}

static int
run_dispatch(int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ "auto", no_argument, NULL, 'A' },
		{ "lead", required_argument, NULL, 'L' },
		{ "assist", required_argument, NULL, 'S' },
		{ "level", required_argument, NULL, 'l' },
		{ "reroute", required_argument, NULL, 'R' },
		{ "to", required_argument, NULL, 'T' },
		{ "force", required_argument, NULL, 'F' },
		{ "extension", required_argument, NULL, 'E' },
		{ "department", required_argument, NULL, 'D' },
		{ "supervise", required_argument, NULL, 'V' },
		{ "recategorize", required_argument, NULL, 'G' },
		{ "urgency", required_argument, NULL, 'U' },
		{ "note", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	wopts o;
	const char *lead = NULL, *assist = NULL, *level = NULL, *dept = NULL, *to = NULL, *decision = NULL;
	const char *supervise = NULL, *category = NULL, *urgency = NULL, *note = NULL;
	const char *codes[64];
	char assist_buf[2048];
	size_t nassist = 0;
	mediate_dispatch_level lv = MEDIATE_LEVEL_TOWN;
	mediate_urgency urg = 0;
	mediate_policy *pol;
	mediate_route_store *st;
	uint64_t no = 0;
	int c, rc, action = 0;

	memset(&o, 0, sizeof o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "AL:S:l:R:T:F:E:D:V:G:U:N:", longopts, NULL)) != -1) {
		if (common_opt(&o, c))
			continue;
		rc = 0;
		switch (c) {
		case 'A': rc = set_action(&action, D_AUTO); break;
		case 'L': rc = set_action(&action, D_MANUAL); lead = optarg; break;
		case 'S': assist = optarg; break;
		case 'l': level = optarg; break;
		case 'R': rc = set_action(&action, D_REROUTE); dept = optarg; break;
		case 'T': to = optarg; break;
		case 'F': rc = set_action(&action, D_FORCE); dept = optarg; break;
		case 'E': rc = set_action(&action, D_EXTENSION); decision = optarg; break;
		case 'D': dept = optarg; break;
		case 'V': rc = set_action(&action, D_SUPERVISE); supervise = optarg; break;
		case 'G': rc = set_action(&action, D_RECATEGORIZE); category = optarg; break;
		case 'U': urgency = optarg; break;
		case 'N': note = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_dispatch);
		default: return cli_bad_option("dispatch", c, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_usage_error("dispatch", "one ORDER number is needed");
	if ((rc = parse_order("dispatch", argv[optind], &no)) != 0)
		return rc;
	if (action == 0)
		action = D_AUTO;
	if ((assist != NULL || level != NULL) && action != D_MANUAL)
		return cli_usage_error("dispatch", "--assist and --level go with --lead");
	if (to != NULL && action != D_REROUTE)
		return cli_usage_error("dispatch", "--to goes with --reroute");
	if (action == D_REROUTE && to == NULL)
		return cli_usage_error("dispatch", "--reroute DEPT needs --to NEW");
	if (action == D_EXTENSION && dept == NULL)
		return cli_usage_error("dispatch", "--extension needs --department DEPT");
	if (action == D_EXTENSION && strcmp(decision, "approve") != 0 && strcmp(decision, "refuse") != 0)
		return cli_usage_error("dispatch", "--extension: approve or refuse, not \"%s\"", decision);
	if (action == D_SUPERVISE && strcmp(supervise, "on") != 0 && strcmp(supervise, "off") != 0)
		return cli_usage_error("dispatch", "--supervise: on or off, not \"%s\"", supervise);
	if (urgency != NULL && action != D_RECATEGORIZE)
		return cli_usage_error("dispatch", "--urgency goes with --recategorize");
	if (level != NULL && parse_level(level, &lv) != 0)
		return cli_usage_error("dispatch", "--level: town or county, not \"%s\"", level);
	if (assist != NULL) {
		char *p;
		if (strlen(assist) >= sizeof assist_buf)
			return cli_usage_error("dispatch", "--assist is too long");
		strcpy(assist_buf, assist);
		for (p = strtok(assist_buf, ","); p != NULL; p = strtok(NULL, ",")) {
			if (nassist == sizeof codes / sizeof codes[0])
				return cli_usage_error("dispatch", "--assist lists too many departments");
			codes[nassist++] = p;
		}
	}
	if ((rc = open_store("dispatch", &o, 0, &pol, &st)) != 0)
		return rc;
	if (action == D_RECATEGORIZE) {
		mediate_order_info oi;
		oi.version = MEDIATE_ORDER_INFO_VERSION;
		if (urgency != NULL && mediate_urgency_parse(&urg, urgency) != 0) {
			close_store(pol, st);
			return cli_usage_error("dispatch", "--urgency: normal, urgent or critical, not \"%s\"", urgency);
		}
		if (urgency == NULL && mediate_route_order_info(&oi, mediate_route_store_route(st), no) == 0)
			urg = oi.urgency;
		else if (urgency == NULL)
			urg = MEDIATE_URGENCY_NORMAL;
	}
	switch (action) {
	case D_AUTO: rc = mediate_route_store_dispatch_auto(st, no, o.now, o.actor); break;
	case D_MANUAL: rc = mediate_route_store_dispatch(st, no, o.now, o.actor, lead, codes, nassist, lv); break;
	case D_REROUTE: rc = mediate_route_store_reroute(st, no, dept, o.now, o.actor, to); break;
	case D_FORCE:
		rc = mediate_route_store_force(st, no, dept, o.now, o.actor, note != NULL ? note : "最终裁定 final decision");
		break;
	case D_EXTENSION:
		rc = mediate_route_store_extension_decide(st, no, dept, o.now, o.actor, strcmp(decision, "approve") == 0,
		                                          note);
		break;
	case D_SUPERVISE: rc = mediate_route_store_supervise(st, no, o.now, o.actor, strcmp(supervise, "on") == 0); break;
	case D_RECATEGORIZE: rc = mediate_route_store_recategorize(st, no, o.now, o.actor, category, urg); break;
	}
	if (rc != 0)
		rc = fail("dispatch", rc);
	else
		print_tasks(stdout, mediate_route_store_route(st), pol, no);
	close_store(pol, st);
	return rc;
}

/* ---- mediate report ---- */

enum { R_ACK, R_CHECKIN, R_PROGRESS, R_FINISH, R_RETURN, R_EXTEND, R_PAUSE, R_RESUME, R_RATE, R_CONFIRM, R_REOPEN };

static const struct report_action {
	const char *name;
	int dept;        /* needs --department */
	int nargs;
} report_actions[] = {
	{ "ack", 1, 0 }, { "check-in", 1, 0 }, { "progress", 1, 1 }, { "finish", 1, 1 }, { "return", 1, 2 },
	{ "extend", 1, 2 }, { "pause", 1, 1 }, { "resume", 1, 0 }, { "rate", 1, 1 }, { "confirm", 0, 0 },
	{ "reopen", 0, 1 },
};
#define NREPORT (sizeof report_actions / sizeof report_actions[0])

static int
run_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ "department", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	wopts o;
	const char *dept = NULL, **args;
	mediate_policy *pol;
	mediate_route_store *st;
	mediate_return_reason reason = 0;
	mediate_satisfaction rating = 0;
	unsigned long minutes = 0;
	uint64_t no = 0;
	size_t a;
	int c, rc, nargs;

	memset(&o, 0, sizeof o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "D:", longopts, NULL)) != -1) {
		if (common_opt(&o, c))
			continue;
		switch (c) {
		case 'D': dept = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_report);
		default: return cli_bad_option("report", c, argv);
		}
	}
	if (argc - optind < 2)
		return cli_usage_error("report", "ORDER and an action are needed (ack, check-in, progress, finish, return, "
		                       "extend, pause, resume, rate, confirm, reopen)");
	if ((rc = parse_order("report", argv[optind], &no)) != 0)
		return rc;
	for (a = 0; a < NREPORT; a++)
		if (strcmp(report_actions[a].name, argv[optind + 1]) == 0)
			break;
	if (a == NREPORT)
		return cli_usage_error("report", "unknown action \"%s\"", argv[optind + 1]);
	args = (const char **)argv + optind + 2;
	nargs = argc - optind - 2;
	if (nargs != report_actions[a].nargs)
		return cli_usage_error("report", "%s takes %d argument%s, not %d (see mediate help report)",
		                       report_actions[a].name, report_actions[a].nargs,
		                       report_actions[a].nargs == 1 ? "" : "s", nargs);
	if (report_actions[a].dept && dept == NULL)
		return cli_usage_error("report", "%s needs --department DEPT", report_actions[a].name);
	if (!report_actions[a].dept && dept != NULL)
		return cli_usage_error("report", "%s concerns the whole order: no --department", report_actions[a].name);
	if (a == R_RETURN && mediate_return_reason_parse(&reason, args[0]) != 0)
		return cli_usage_error("report", "return: REASON is not_our_duty, outside_area, insufficient or "
		                       "duplicate, not \"%s\"", args[0]);
	if (a == R_RATE && mediate_satisfaction_parse(&rating, args[0]) != 0)
		return cli_usage_error("report", "rate: satisfied, basically_satisfied or dissatisfied, not \"%s\"",
		                       args[0]);
	if (a == R_EXTEND && cli_parse_count("report", "MINUTES", args[0], 1000000UL, &minutes) != 0)
		return CLI_EXIT_USAGE;
	if ((rc = open_store("report", &o, 0, &pol, &st)) != 0)
		return rc;
	switch (a) {
	case R_ACK: rc = mediate_route_store_acknowledge(st, no, dept, o.now, o.actor); break;
	case R_CHECKIN: rc = mediate_route_store_check_in(st, no, dept, o.now, o.actor); break;
	case R_PROGRESS: rc = mediate_route_store_progress(st, no, dept, o.now, o.actor, args[0]); break;
	case R_FINISH: rc = mediate_route_store_finish(st, no, dept, o.now, o.actor, args[0]); break;
	case R_RETURN: rc = mediate_route_store_return(st, no, dept, o.now, o.actor, reason, args[1]); break;
	case R_EXTEND:
		rc = mediate_route_store_extension_request(st, no, dept, o.now, o.actor, (int64_t)minutes, args[1]);
		break;
	case R_PAUSE: rc = mediate_route_store_pause(st, no, dept, o.now, o.actor, args[0]); break;
	case R_RESUME: rc = mediate_route_store_resume(st, no, dept, o.now, o.actor); break;
	case R_RATE: rc = mediate_route_store_rate(st, no, dept, o.now, o.actor, rating); break;
	case R_CONFIRM: rc = mediate_route_store_confirm(st, no, o.now, o.actor); break;
	case R_REOPEN: rc = mediate_route_store_reopen(st, no, o.now, o.actor, args[0]); break;
	}
	if (rc != 0)
		rc = fail("report", rc);
	else if (dept != NULL && a != R_RATE)
		print_task(stdout, mediate_route_store_route(st), pol, no, dept);
	else
		print_tasks(stdout, mediate_route_store_route(st), pol, no);
	close_store(pol, st);
	return rc;
}

/* ---- mediate tick ---- */

static void
print_event(FILE *out, const mediate_route_event *e, int offset)
{
	print_time(out, e->due, offset);
	fprintf(out, "  #%llu %s %s ", (unsigned long long)e->order, e->department, target_name(e->target));
	switch (e->kind) {
	case MEDIATE_EVENT_WARNING: fputs("warning 预警\n", out); break;
	case MEDIATE_EVENT_BREACH: fputs("BREACH 超时\n", out); break;
	case MEDIATE_EVENT_ESCALATION:
		fprintf(out, "escalation %s%s\n", mediate_escalation_name(e->step),
		        e->step == MEDIATE_ESCALATE_REMINDER ? " 提醒"
		        : e->step == MEDIATE_ESCALATE_SUPERVISION ? " 督办" : " 上报");
		break;
	}
}

static int
run_tick(int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	wopts o;
	mediate_policy *pol;
	mediate_route_store *st;
	mediate_route_event ev[64];
	size_t n = 0, i, total = 0;
	int c, rc, offset;

	memset(&o, 0, sizeof o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		if (common_opt(&o, c))
			continue;
		if (c == 'h')
			return cli_print_help(&cli_cmd_tick);
		return cli_bad_option("tick", c, argv);
	}
	if (optind != argc)
		return cli_usage_error("tick", "unexpected argument \"%s\"", argv[optind]);
	if ((rc = open_store("tick", &o, 0, &pol, &st)) != 0)
		return rc;
	offset = time_offset(pol);
	do {
		if ((rc = mediate_route_store_tick(st, o.now, ev, sizeof ev / sizeof ev[0], &n)) != 0) {
			rc = fail("tick", rc);
			break;
		}
		for (i = 0; i < n; i++)
			print_event(stdout, &ev[i], offset);
		total += n;
	} while (n == sizeof ev / sizeof ev[0]);
	if (rc == 0 && total == 0)
		printf("nothing due\n");
	close_store(pol, st);
	return rc;
}

/* ---- mediate board ---- */

typedef struct board_row {
	const char *dept;
	uint64_t order;
	mediate_task_state state;
	int which;          /* the clock of the next deadline, -1 for none */
	int64_t due;
	int paused;
} board_row;

static int
row_cmp(const void *a, const void *b)
{
	const board_row *x = a, *y = b;
	int c = strcmp(x->dept, y->dept);
	if (c != 0)
		return c;
	if ((x->which < 0) != (y->which < 0))
		return x->which < 0 ? 1 : -1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void
print_left(FILE *out, const mediate_calendar *cal, int64_t now, int64_t due)
{
	int64_t left = 0, clock = (due - now) / 60;
	if (cal != NULL && mediate_calendar_minutes_between(&left, cal, now, due) == 0)
		fprintf(out, "%s %lldh%02lldm working, ", left < 0 ? "overdue" : "left", (long long)(llabs(left) / 60),
		        (long long)(llabs(left) % 60));
	fprintf(out, "%s%lldh%02lldm on the clock\n", cal == NULL ? (clock < 0 ? "overdue " : "left ") : "",
	        (long long)(llabs(clock) / 60), (long long)(llabs(clock) % 60));
}

static int
print_board(FILE *out, const mediate_route *r, const mediate_policy *p, const mediate_calendar *cal, int64_t now,
            const char *only)
{
	static const char *const which_names[] = { "签收 acknowledge", "报到 check-in", "办结 finish" };
	uint64_t o, norders = mediate_route_order_count(r);
	board_row *rows = NULL;
	size_t n = 0, cap = 0, i;
	int offset = time_offset(p), pending = 0, waiting = 0;
	const char *last = NULL;

	for (o = 1; o <= norders; o++) {
		mediate_order_info oi;
		oi.version = MEDIATE_ORDER_INFO_VERSION;
		if (mediate_route_order_info(&oi, r, o) != 0 || oi.state == MEDIATE_ORDER_CLOSED)
			continue;
		for (i = 0; i < oi.task_count; i++) {
			mediate_task_info ti;
			board_row *b;
			int k;
			ti.version = MEDIATE_TASK_INFO_VERSION;
			if (mediate_route_task_info(&ti, r, o, i) != 0 || ti.state == MEDIATE_TASK_REROUTED ||
			    (only != NULL && strcmp(only, ti.department) != 0))
				continue;
			if (n == cap) {
				board_row *nr = realloc(rows, (cap ? cap * 2 : 32) * sizeof *rows);
				if (nr == NULL) {
					free(rows);
					return CLI_EXIT_INTERNAL;
				}
				rows = nr;
				cap = cap ? cap * 2 : 32;
			}
			b = &rows[n++];
			b->dept = ti.department;
			b->order = o;
			b->state = ti.state;
			b->paused = ti.paused;
			b->which = -1;
			b->due = 0;
			for (k = 0; k < 3; k++)
				if (ti.due[k] != 0 && (b->which < 0 || ti.due[k] < b->due)) {
					b->due = ti.due[k];
					b->which = k;
				}
		}
	}
	qsort(rows, n, sizeof *rows, row_cmp);
	for (i = 0; i < n; i++) {
		const board_row *b = &rows[i];
		if (last == NULL || strcmp(last, b->dept) != 0) {
			fprintf(out, "%s%s %s\n", last != NULL ? "\n" : "", b->dept, unit_name(p, b->dept));
			last = b->dept;
		}
		fprintf(out, "  #%-4llu ", (unsigned long long)b->order);
		cli_put_padded(out, mediate_task_state_name(b->state), 13);
		if (b->which < 0) {
			fprintf(out, "%s\n", b->paused ? "paused 暂停计时" : b->state == MEDIATE_TASK_RETURNED
			                     ? "returned, waiting for the dispatcher 待改派"
			                     : "done, waiting for the others or the raiser");
			continue;
		}
		cli_put_padded(out, which_names[b->which], 18);
		fputs("by ", out);
		print_time(out, b->due, offset);
		fputs("  ", out);
		print_left(out, cal, now, b->due);
	}
	if (n == 0)
		fprintf(out, "no open task%s\n", only != NULL ? " of this department" : "");
	free(rows);
	/* The orders nobody is working on: waiting for dispatch or for the raiser. */
	if (only == NULL) {
		for (o = 1; o <= norders; o++) {
			mediate_order_info oi;
			oi.version = MEDIATE_ORDER_INFO_VERSION;
			if (mediate_route_order_info(&oi, r, o) != 0)
				continue;
			if (oi.state == MEDIATE_ORDER_PENDING) {
				if (!pending++)
					fprintf(out, "\nwaiting for dispatch 待派单\n");
				fprintf(out, "  #%-4llu %s %s, %s: %s\n", (unsigned long long)o, oi.unit, unit_name(p, oi.unit),
				        oi.category, oi.description != NULL ? oi.description : "");
			}
		}
		for (o = 1; o <= norders; o++) {
			mediate_order_info oi;
			oi.version = MEDIATE_ORDER_INFO_VERSION;
			if (mediate_route_order_info(&oi, r, o) != 0)
				continue;
			if (oi.state == MEDIATE_ORDER_FINISHED) {
				if (!waiting++)
					fprintf(out, "\nwaiting for the raiser to rate and confirm 待评价\n");
				fprintf(out, "  #%-4llu %s %s\n", (unsigned long long)o, oi.unit, unit_name(p, oi.unit));
			}
		}
	}
	return CLI_EXIT_OK;
}

static int
parse_hex(const char *text, unsigned char out[MEDIATE_AUDIT_HASH_BYTES])
{
	size_t i;
	if (strlen(text) != 2 * MEDIATE_AUDIT_HASH_BYTES)
		return -1;
	for (i = 0; i < MEDIATE_AUDIT_HASH_BYTES; i++) {
		unsigned v = 0;
		int k;
		for (k = 0; k < 2; k++) {
			char ch = text[2 * i + k];
			v <<= 4;
			if (ch >= '0' && ch <= '9')
				v |= (unsigned)(ch - '0');
			else if (ch >= 'a' && ch <= 'f')
				v |= (unsigned)(ch - 'a' + 10);
			else if (ch >= 'A' && ch <= 'F')
				v |= (unsigned)(ch - 'A' + 10);
			else
				return -1;
		}
		out[i] = (unsigned char)v;
	}
	return 0;
}

/* Verifies the engine's audit chain against its head or a head kept elsewhere. */
static int
print_audit(FILE *out, const mediate_route_store *st, const char *head_text, const unsigned char *key, size_t keylen)
{
	const mediate_route *r = mediate_route_store_route(st);
	size_t n = mediate_route_audit_count(r), i, bad = 0;
	unsigned char head[MEDIATE_AUDIT_HASH_BYTES], want[MEDIATE_AUDIT_HASH_BYTES];
	mediate_audit_entry *copy = malloc((n ? n : 1) * sizeof *copy);
	int rc;

	if (copy == NULL)
		return CLI_EXIT_INTERNAL;
	for (i = 0; i < n; i++)
		copy[i] = *mediate_route_audit_at(r, i);
	mediate_route_audit_head(head, r);
	if (head_text != NULL)
		memcpy(want, head, sizeof want), parse_hex(head_text, want);
	else
		memcpy(want, head, sizeof want);
	rc = mediate_audit_verify(&bad, copy, n, want, key, keylen);
	free(copy);
	fprintf(out, "\naudit trail: %zu entries from %llu journal rows: ", n,
	        (unsigned long long)mediate_route_store_journal_count(st));
	if (rc != 0) {
		fprintf(out, "does NOT end at the given head (first difference at entry %zu): entries were "
		        "removed or the journal was cut\n", bad + 1);
		return CLI_EXIT_INPUT;
	}
	fprintf(out, "chain verified%s\nhead ", head_text != NULL ? " against the given head" : "");
	for (i = 0; i < sizeof head; i++)
		fprintf(out, "%02x", head[i]);
	fputc('\n', out);
	return CLI_EXIT_OK;
}

static int
run_board(int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ "department", required_argument, NULL, 'D' },
		{ "calendar", required_argument, NULL, 'C' },
		{ "audit", no_argument, NULL, 'A' },
		{ "head", required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 }
	};
	wopts o;
	const char *dept = NULL, *calendar = NULL, *head = NULL;
	const mediate_calendar *cal = NULL;
	mediate_policy *pol;
	mediate_route_store *st;
	unsigned char key[64], hbuf[MEDIATE_AUDIT_HASH_BYTES];
	size_t keylen = 0;
	int c, rc, audit = 0;

	memset(&o, 0, sizeof o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "D:C:AH:", longopts, NULL)) != -1) {
		if (common_opt(&o, c))
			continue;
		switch (c) {
		case 'D': dept = optarg; break;
		case 'C': calendar = optarg; break;
		case 'A': audit = 1; break;
		case 'H': head = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_board);
		default: return cli_bad_option("board", c, argv);
		}
	}
	if (optind != argc)
		return cli_usage_error("board", "unexpected argument \"%s\"", argv[optind]);
	if (head != NULL && !audit)
		return cli_usage_error("board", "--head goes with --audit");
	if (head != NULL && parse_hex(head, hbuf) != 0)
		return cli_usage_error("board", "--head needs %d hexadecimal digits", 2 * MEDIATE_AUDIT_HASH_BYTES);
	if ((rc = open_store("board", &o, 0, &pol, &st)) != 0)
		return rc;
	if (dept != NULL && mediate_policy_unit_find(pol, dept) == NULL) {
		cli_warn("board", "no unit \"%s\" in the policy", dept);
		close_store(pol, st);
		return CLI_EXIT_INPUT;
	}
	if (calendar != NULL && (cal = mediate_policy_calendar_find(pol, calendar)) == NULL) {
		cli_warn("board", "the policy has no calendar \"%s\"", calendar);
		close_store(pol, st);
		return CLI_EXIT_INPUT;
	}
	if (cal == NULL && mediate_policy_calendar_count(pol) > 0)
		cal = mediate_policy_calendar_at(pol, 0);
	printf("board at ");
	print_time(stdout, o.now, time_offset(pol));
	printf("%s%s\n\n", cal != NULL ? ", working time of " : "", cal != NULL ? mediate_calendar_code(cal) : "");
	rc = print_board(stdout, mediate_route_store_route(st), pol, cal, o.now, dept);
	if (rc == 0 && audit && (rc = read_key("board", &o, key, &keylen)) == 0)
		rc = print_audit(stdout, st, head, key, keylen);
	close_store(pol, st);
	return rc;
}
