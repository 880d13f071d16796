/* SPDX-License-Identifier: MIT */
/*
 * mediate match rank|batch|team|nearest, and the "matching" section of
 * `mediate demo`.
 *
 * Every sub-command loads a policy, a roster (mediate-roster(5)) and,
 * optionally, the ratings (mediate-ratings(5)), builds one matcher at the
 * time asked (mediate_matcher_new(3)) and asks it one kind of question:
 *
 *   rank     the best k mediators of each case, the score of each broken
 *            into its components, the excluded mediators and why, or the
 *            answer to a party's request for a named mediator;
 *   batch    the cases awaiting a mediator assigned in one optimal batch;
 *   team     a joint-mediation team covering the specialties a case needs;
 *   nearest  the nearest mediators (and mediation car) for door-to-door
 *            mediation at a place.
 *
 * The matcher reads the level a case keeps (mediate_case_level(3)); cases
 * that were never graded are graded here first, in memory (the case file
 * is not written), so that the grade's minimum mediator level and
 * think-tank requirement apply.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

#define MATCH_MAX_BYTES ((size_t)256 << 20)
#define MATCH_MAX_NODES ((size_t)50000000)
#define MATCH_ACTOR "mediate-match"
#define MATCH_REASON "pre-assessment before matching"

#define MATCH_USAGE \
	"usage: mediate match rank [OPTIONS] CASEFILE\n" \
	"       mediate match batch [OPTIONS] CASEFILE\n" \
	"       mediate match team [OPTIONS] --number N --need CAT[,CAT...] CASEFILE\n" \
	"       mediate match nearest [OPTIONS] --lat DEG --lon DEG\n" \
	"\n" \
	"Matches the mediators of a roster (mediate-roster(5)) to cases\n" \
	"(mediate-case(5)) with the weights of the policy's section matching\n" \
	"(mediate-policy(5)).  A case that was never graded is graded first (in\n" \
	"memory: CASEFILE is not changed), since its grade sets the lowest\n" \
	"mediator level and whether the think tank is required.\n" \
	"\n" \
	"  rank     the best mediators for the case --number, or for every case of\n" \
	"           the file awaiting a mediator (state received or assessed, no\n" \
	"           lead mediator), each score broken into its components\n" \
	"  batch    assigns the cases awaiting a mediator (or those of --state) in\n" \
	"           one optimal batch: the assignment, the total score, the cases\n" \
	"           left unplaced and why\n" \
	"  team     a joint-mediation team for the case --number: a lead and\n" \
	"           members covering every --need specialty, best total score\n" \
	"  nearest  the nearest available mediators offering door-to-door (mobile)\n" \
	"           mediation to a place, and the nearest mediation car\n" \
	"\n" \
	"  -n, --number N       the case: its number or UUID\n" \
	"  -k, --top K          rank, nearest: how many candidates (default 10)\n" \
	"  -e, --explain        rank: each component as value x weight = points\n" \
	"  -x, --excluded       rank: also every excluded mediator and the reason\n" \
	"  -q, --request ID     rank: a party asked for this mediator (id or staff\n" \
	"                       number): accepted with the score, or refused with\n" \
	"                       the reason\n" \
	"  -s, --state S[,S..]  batch: the cases in these states, mediators or not\n" \
	"                       (\"all\": every case of the file)\n" \
	"      --need C[,C..]   team: the category codes the team must cover\n" \
	"      --size T         team: at most T people (default: matching.team_size)\n" \
	"      --lat DEG        nearest: latitude in decimal degrees (29.8195)\n" \
	"      --lon DEG        nearest: longitude in decimal degrees (121.5481)\n" \
	"  -t, --at TIME        when the matching happens: duty status, leave, rating\n" \
	"                       decay (like 2026-12-01T09:00:00+08:00; default now)\n" \
	"  -p, --policy FILE    the policy (default: county.yaml of the data directory)\n" \
	"  -r, --roster FILE    the roster (default: roster.yaml of the data directory)\n" \
	"  -R, --ratings FILE   the ratings (default: ratings.yaml of the data\n" \
	"                       directory, if there is one, when the roster is\n" \
	"                       taken from there too)\n" \
	"      --no-ratings     ignore ratings: every mediator gets the prior\n" \
	"  -d, --data DIR       the sample data directory (see mediate demo)\n" \
	"  -h, --help           this text\n" \
	"\n" \
	"Exit status: 0 success (also when a case has no candidate or stays\n" \
	"unplaced); 1 an input had errors, the requested mediator was refused, or\n" \
	"no team could be formed; 2 a wrong command line; 3 a file could not be read.\n"

static int run_match(int argc, char **argv);

const cli_command cli_cmd_match = {
	"match",
	"match mediators to cases: rank, optimal batch, joint team, nearest",
	MATCH_USAGE,
	run_match
};

/* ---- shared by the command and the demo ---- */

/* The case as people name it: its number, else its UUID. */
static const char *
case_label(const mediate_case *c)
{
	return mediate_case_number(c) != NULL ? mediate_case_number(c) : mediate_case_id_text(c);
}

static const char *
level_label(const mediate_case *c)
{
	const mediate_level *l = mediate_case_level(c);
	return l != NULL ? mediate_level_code(l) : "ungraded";
}

static int
has_lead(const mediate_case *c)
{
	size_t i;
	for (i = 0; i < mediate_case_mediator_count(c); i++)
		if (mediate_case_mediator_get_role(mediate_case_mediator_at(c, i)) == MEDIATE_MEDIATOR_LEAD)
			return 1;
	return 0;
}

/* A case waiting for a mediator: received or assessed, no lead yet. */
static int
awaits_mediator(const mediate_case *c)
{
	mediate_case_state s = mediate_case_get_state(c);
	return (s == MEDIATE_CASE_RECEIVED || s == MEDIATE_CASE_ASSESSED) && !has_lead(c);
}

/*
 * Grades a case that has no kept level (in memory), at the matching time or
 * just after its last event, so that the matcher sees its grade.  Closed
 * cases and cases without a category stay ungraded.  Returns 0 or a CLI
 * exit code (after a message).
 */
static int
prepare_case(const char *cmd, mediate_case *c, int64_t at)
{
	size_t n;
	int64_t t = at;
	int rc;

	if (mediate_case_level(c) != NULL || mediate_case_category(c) == NULL ||
	    mediate_case_get_state(c) == MEDIATE_CASE_CLOSED ||
	    mediate_policy_level_count(mediate_case_policy(c)) == 0)
		return 0;
	n = mediate_case_event_count(c);
	if (n > 0 && mediate_case_event_time(mediate_case_event_at(c, n - 1)) > t)
		t = mediate_case_event_time(mediate_case_event_at(c, n - 1));
	rc = mediate_case_regrade(c, t, MATCH_ACTOR, mediate_unit_code(mediate_case_unit(c)), MATCH_REASON);
	if (rc != 0) {
		cli_warn(cmd, "%s: cannot grade the case: %s", case_label(c), mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	return 0;
}

static const char *
mediator_unit_code(const mediate_mediator *m)
{
	const mediate_unit *u = mediate_mediator_unit(m);
	return u != NULL ? mediate_unit_code(u) : "-";
}

/* "M-0047  史伟      YZ-XX-PS-TJ    L3" */
static void
put_mediator(FILE *out, const mediate_mediator *m)
{
	cli_put_padded(out, mediate_mediator_staff_number(m), 8);
	cli_put_padded(out, mediate_mediator_name(m), 8);
	cli_put_padded(out, mediator_unit_code(m), 14);
	fprintf(out, "L%u", mediate_mediator_level(m));
}

static size_t
component_width(mediate_match_component comp)
{
	size_t w = strlen(mediate_match_component_name(comp));
	return (w < 4 ? 4 : w) + 1;
}

static void
put_components_header(FILE *out)
{
	int comp;
	for (comp = 1; comp <= MEDIATE_MATCH_COMPONENT_COUNT; comp++)
		fprintf(out, " %*s", (int)component_width((mediate_match_component)comp) - 1,
		        mediate_match_component_name((mediate_match_component)comp));
}

/* The table of candidates: rank, mediator, score and the components' values. */
static void
put_candidates_header(FILE *out, const char *indent)
{
	fprintf(out, "%s   #  ", indent);
	cli_put_padded(out, "staff", 8);
	cli_put_padded(out, "name", 8);
	cli_put_padded(out, "unit", 14);
	fprintf(out, "lvl     score");
	put_components_header(out);
	fputc('\n', out);
}

static void
put_candidate(FILE *out, const char *indent, const mediate_match_result *r, size_t i)
{
	int comp;
	fprintf(out, "%s%4zu  ", indent, i + 1);
	put_mediator(out, mediate_match_result_mediator(r, i));
	fprintf(out, " %9lld", (long long)mediate_match_result_score(r, i));
	for (comp = 1; comp <= MEDIATE_MATCH_COMPONENT_COUNT; comp++)
		fprintf(out, " %*d", (int)component_width((mediate_match_component)comp) - 1,
		        (int)mediate_match_result_component(r, i, (mediate_match_component)comp));
	fputc('\n', out);
}

/* Each component of candidate i: value x weight = points, and the sum. */
static void
put_explanation(FILE *out, const char *indent, const mediate_policy *p, const mediate_match_result *r, size_t i)
{
	int comp;
	int64_t sum = 0, dist = mediate_match_result_distance(r, i);
	for (comp = 1; comp <= MEDIATE_MATCH_COMPONENT_COUNT; comp++) {
		int32_t v = mediate_match_result_component(r, i, (mediate_match_component)comp);
		uint32_t w = mediate_policy_match_weight(p, (mediate_match_component)comp);
		int64_t pts = (int64_t)v * (int64_t)w;
		sum += pts;
		fprintf(out, "%s%-10s %4d x %4u = %7lld", indent,
		        mediate_match_component_name((mediate_match_component)comp), (int)v, (unsigned)w, (long long)pts);
		if (comp == MEDIATE_MATCH_LOCALITY && dist >= 0)
			fprintf(out, "   (%lld m away)", (long long)dist);
		fputc('\n', out);
	}
	fprintf(out, "%s%-10s %21lld\n", indent, "score", (long long)sum);
}

/* "unavailable 3, capacity_full 12" over the excluded entries of a result. */
static void
put_reason_counts(FILE *out, const mediate_match_result *r)
{
	size_t counts[32] = { 0 }, i, n = mediate_match_result_excluded_count(r);
	int reason, first = 1;
	for (i = 0; i < n; i++) {
		unsigned int why = (unsigned int)mediate_match_result_excluded_reason(r, i);
		if (why < 32)
			counts[why]++;
	}
	for (reason = 1; reason < 32; reason++) {
		if (counts[reason] == 0)
			continue;
		fprintf(out, "%s%s %zu", first ? "" : ", ", mediate_match_reason_name((mediate_match_reason)reason),
		        counts[reason]);
		first = 0;
	}
}

/* What a reason means, for people. */
static const char *
reason_text(mediate_match_reason r)
{
	switch (r) {
	case MEDIATE_MATCH_UNAVAILABLE: return "off duty or on leave at the time";
	case MEDIATE_MATCH_CAPACITY_FULL: return "no free capacity";
	case MEDIATE_MATCH_LEVEL_TOO_LOW: return "level below the minimum of the case's grade";
	case MEDIATE_MATCH_NOT_THINK_TANK: return "the case needs a member of the think tank";
	case MEDIATE_MATCH_MODE_NOT_OFFERED: return "does not offer the case's mode of mediation";
	case MEDIATE_MATCH_RECUSED: return "declared a recusal naming a party of the case";
	case MEDIATE_MATCH_NO_LOCATION: return "no coordinates on the roster";
	case MEDIATE_MATCH_NO_ELIGIBLE: return "no mediator may take the case";
	case MEDIATE_MATCH_OUTCOMPETED: return "every eligible mediator's free places went to other cases";
	case MEDIATE_MATCH_NOT_COVERED: return "a needed specialty cannot be covered";
	default: return "eligible";
	}
}

static void
format_time(char *buf, size_t size, int64_t t, int offset)
{
	if (mediate_time_format(buf, size, t, offset) != 0)
		snprintf(buf, size, "%lld", (long long)t);
}

/* ---- the command's arguments and inputs ---- */

enum {
	OPT_NEED = 256,
	OPT_SIZE,
	OPT_LAT,
	OPT_LON,
	OPT_NO_RATINGS
};

/* Which sub-commands an option applies to. */
#define SUB_RANK 0x1u
#define SUB_BATCH 0x2u
#define SUB_TEAM 0x4u
#define SUB_NEAREST 0x8u
#define SUB_ALL 0xFu

typedef struct match_args {
	const char *sub;
	unsigned int sub_bit;
	const char *policy_path, *roster_path, *ratings_path, *data;
	int no_ratings;
	const char *number;
	unsigned long k;
	int explain, excluded;
	const char *request;
	const char *states;
	unsigned int state_mask;   /* bit 1 << state of --state */
	const char *needs;
	unsigned long size;
	int size_given;
	const char *lat, *lon;
	const char *at_text;
	unsigned int seen;       /* sub-command bits of the options given, to refuse misplaced ones */
	const char *seen_name;   /* the last option that does not apply */
} match_args;

typedef struct match_env {
	mediate_policy *policy;
	mediate_roster *roster;
	mediate_ratings *ratings;   /* NULL: no ratings */
	mediate_matcher *matcher;
	int64_t at;
	int offset;                 /* minutes east of UTC, for printing times */
	char ratings_label[4200];
} match_env;

static void
env_free(match_env *e)
{
	mediate_matcher_free(e->matcher);
	mediate_ratings_free(e->ratings);
	mediate_roster_free(e->roster);
	mediate_policy_free(e->policy);
	memset(e, 0, sizeof *e);
}

static int
file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * Loads the policy, roster and ratings and builds the matcher at the time
 * asked.  Returns a CLI exit code; on success e holds everything.
 */
static int
env_load(match_env *e, const match_args *a)
{
	char dir[4096], ppath[4200], rpath[4200], tpath[4200];
	const char *policy_path = a->policy_path, *roster_path = a->roster_path, *ratings_path = a->ratings_path;
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error err;
	int rc, from_data = 0;

	memset(e, 0, sizeof *e);
	e->offset = MEDIATE_OFFSET_CST;
	if (a->at_text != NULL) {
		if (mediate_time_parse(&e->at, &e->offset, a->at_text) != 0)
			return cli_usage_error("match", "--at: %s", mediate_error_last()->text);
	} else {
		e->at = (int64_t)time(NULL);
	}
	if (policy_path == NULL || roster_path == NULL || a->data != NULL) {
		if ((rc = cli_find_data_dir("match", a->data, dir, sizeof dir)) != 0)
			return rc;
		if (policy_path == NULL) {
			snprintf(ppath, sizeof ppath, "%s/county.yaml", dir);
			policy_path = ppath;
		}
		if (roster_path == NULL) {
			snprintf(rpath, sizeof rpath, "%s/roster.yaml", dir);
			roster_path = rpath;
			from_data = 1;
		}
		if (ratings_path == NULL && !a->no_ratings && (from_data || a->data != NULL)) {
			snprintf(tpath, sizeof tpath, "%s/ratings.yaml", dir);
			if (file_exists(tpath))
				ratings_path = tpath;
		}
	}
	if (a->no_ratings)
		ratings_path = NULL;
	if ((rc = cli_load_policy(&e->policy, policy_path, NULL)) != 0)
		return rc;
	o.max_document_bytes = MATCH_MAX_BYTES;
	o.max_nodes = MATCH_MAX_NODES;
	o.on_error = cli_print_error;
	if ((rc = mediate_roster_load_file(&e->roster, e->policy, roster_path, &o, &err)) != 0) {
		env_free(e);
		return cli_exit_for_status(rc);
	}
	if (ratings_path != NULL &&
	    (rc = mediate_ratings_load_file(&e->ratings, e->policy, ratings_path, &o, &err)) != 0) {
		env_free(e);
		return cli_exit_for_status(rc);
	}
	snprintf(e->ratings_label, sizeof e->ratings_label, "%s", ratings_path != NULL ? ratings_path : "none");
	if ((rc = mediate_matcher_new(&e->matcher, e->roster, e->ratings, e->at)) != 0) {
		cli_warn("match", "%s", mediate_error_last()->text);
		env_free(e);
		return cli_exit_for_status(rc);
	}
	return 0;
}

/* A case list (format: mediate-cases) or a single case document. */
static int
load_cases(const mediate_policy *p, const char *path, mediate_case_list **out)
{
	return cli_load_cases("match", p, path, MATCH_MAX_BYTES, MATCH_MAX_NODES, out, NULL);
}

static mediate_case *
find_case(const mediate_case_list *list, const char *key)
{
	size_t i;
	for (i = 0; i < mediate_case_list_count(list); i++) {
		mediate_case *c = mediate_case_list_at(list, i);
		if ((mediate_case_number(c) != NULL && strcmp(mediate_case_number(c), key) == 0) ||
		    strcmp(mediate_case_id_text(c), key) == 0)
			return c;
	}
	return NULL;
}

/*
 * Parses decimal degrees ("29.8195", "-0.5", at most 6 decimals) into
 * micro-degrees within +-limit degrees.  Returns 0 or -1.
 */
static int
parse_degrees(const char *text, int limit, int32_t *out)
{
	const char *s = text;
	int neg = 0, digits = 0, decimals = 0;
	int64_t v = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9' && digits < 4) {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0)
		return -1;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9' && decimals < 6) {
			v = v * 10 + (*s++ - '0');
			decimals++;
		}
		if (decimals == 0)
			return -1;
	}
	if (*s != '\0')
		return -1;
	for (; decimals < 6; decimals++)
		v *= 10;
	if (v > (int64_t)limit * 1000000)
		return -1;
	*out = (int32_t)(neg ? -v : v);
	return 0;
}

/* ---- rank ---- */

static void
put_case_header(FILE *out, const mediate_case *c)
{
	const mediate_category *cat = mediate_case_category(c);
	mediate_case_mode mode = mediate_case_get_mode(c);
	fprintf(out, "%s  %s  %s  mode %s  unit %s\n", case_label(c), cat != NULL ? mediate_category_code(cat) : "-",
	        level_label(c), mode != 0 ? mediate_case_mode_name(mode) : "-",
	        mediate_unit_code(mediate_case_unit(c)));
}

/* rank --request: 0 when accepted, 1 when refused, or an exit code. */
static int
request_one(const match_env *e, const mediate_case *c, const char *who)
{
	mediate_match_result *r = NULL;
	int rc = mediate_match_request(&r, e->matcher, c, who);

	if (rc == MEDIATE_ENOTFOUND) {
		cli_warn("match", "%s: the roster has no mediator \"%s\"", case_label(c), who);
		return CLI_EXIT_INPUT;
	}
	if (rc != 0) {
		cli_warn("match", "%s: %s", case_label(c), mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	if (mediate_match_result_count(r) > 0) {
		const mediate_mediator *m = mediate_match_result_mediator(r, 0);
		printf("  request %s %s: accepted, score %lld\n", mediate_mediator_staff_number(m),
		       mediate_mediator_name(m), (long long)mediate_match_result_score(r, 0));
		put_explanation(stdout, "      ", e->policy, r, 0);
		rc = CLI_EXIT_OK;
	} else {
		const mediate_mediator *m = mediate_match_result_excluded_at(r, 0);
		mediate_match_reason why = mediate_match_result_excluded_reason(r, 0);
		size_t ri;
		printf("  request %s %s: refused: %s (%s", m != NULL ? mediate_mediator_staff_number(m) : who,
		       m != NULL ? mediate_mediator_name(m) : "", mediate_match_reason_name(why), reason_text(why));
		if (why == MEDIATE_MATCH_RECUSED && m != NULL && mediate_mediator_recuses(m, c, &ri) == 1) {
			const char *pid = NULL, *name = NULL, *rel = NULL;
			if (mediate_mediator_recusal_at(&pid, &name, &rel, m, ri) == 0)
				printf(": %s%s%s", name != NULL ? name : pid, rel != NULL ? ", " : "", rel != NULL ? rel : "");
		}
		printf(")\n");
		rc = CLI_EXIT_INPUT;
	}
	mediate_match_result_free(r);
	return rc;
}

static int
rank_one(const match_env *e, const match_args *a, const mediate_case *c)
{
	mediate_match_result *r = NULL;
	size_t i, n;
	int rc;

	put_case_header(stdout, c);
	if (a->request != NULL)
		return request_one(e, c, a->request);
	rc = mediate_match_rank(&r, e->matcher, c, a->k, a->excluded ? MEDIATE_MATCH_WITH_EXCLUDED : 0);
	if (rc != 0) {
		cli_warn("match", "%s: %s", case_label(c), mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	n = mediate_match_result_count(r);
	if (n == 0) {
		printf("  no eligible mediator\n");
	} else {
		put_candidates_header(stdout, "");
		for (i = 0; i < n; i++) {
			put_candidate(stdout, "", r, i);
			if (a->explain)
				put_explanation(stdout, "        ", e->policy, r, i);
		}
	}
	printf("  %zu candidate%s shown, %zu of %zu mediators examined\n", n, n == 1 ? "" : "s",
	       mediate_match_result_examined(r), mediate_roster_count(e->roster));
	if (a->excluded) {
		size_t nx = mediate_match_result_excluded_count(r);
		printf("  excluded: %zu", nx);
		if (nx > 0) {
			printf(" (");
			put_reason_counts(stdout, r);
			printf(")");
		}
		putchar('\n');
		for (i = 0; i < nx; i++) {
			printf("        ");
			put_mediator(stdout, mediate_match_result_excluded_at(r, i));
			printf("  %s\n", mediate_match_reason_name(mediate_match_result_excluded_reason(r, i)));
		}
	}
	mediate_match_result_free(r);
	return CLI_EXIT_OK;
}

static int
run_rank(const match_env *e, const match_args *a, mediate_case_list *list, const char *path)
{
	size_t i, n = mediate_case_list_count(list), done = 0;
	int rc, worst = 0;

	if (a->number != NULL) {
		mediate_case *c = find_case(list, a->number);
		if (c == NULL) {
			cli_warn("match", "%s: no case %s", path, a->number);
			return CLI_EXIT_INPUT;
		}
		if ((rc = prepare_case("match", c, e->at)) != 0)
			return rc;
		return rank_one(e, a, c);
	}
	for (i = 0; i < n; i++) {
		mediate_case *c = mediate_case_list_at(list, i);
		if (n > 1 && !awaits_mediator(c))
			continue;
		if (done++ > 0)
			putchar('\n');
		if ((rc = prepare_case("match", c, e->at)) == 0)
			rc = rank_one(e, a, c);
		worst = rc > worst ? rc : worst;
	}
	if (done == 0) {
		cli_warn("match", "%s: no case awaits a mediator (received or assessed, without a lead); "
		         "name one with --number", path);
		return CLI_EXIT_INPUT;
	}
	return worst;
}

/* ---- batch ---- */

/* Parses --state: a comma-separated list of state names, or "all". */
static int
parse_states(const char *text, unsigned int *mask)
{
	char buf[256], *tok, *save = NULL;
	if (strlen(text) >= sizeof buf)
		return cli_usage_error("match", "--state: too long");
	strcpy(buf, text);
	*mask = 0;
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		mediate_case_state s;
		if (strcmp(tok, "all") == 0) {
			*mask = ~0u;
			continue;
		}
		if (mediate_case_state_parse(&s, tok) != 0)
			return cli_usage_error("match", "--state: unknown state \"%s\"", tok);
		*mask |= 1u << (unsigned int)s;
	}
	if (*mask == 0)
		return cli_usage_error("match", "--state: no state given");
	return 0;
}

static int
run_batch(const match_env *e, const match_args *a, mediate_case_list *list, const char *path)
{
	size_t i, n = mediate_case_list_count(list), m = 0, unplaced = 0;
	size_t why[32] = { 0 };
	const mediate_case **cases;
	mediate_match_batch *b = NULL;
	unsigned int mask = a->state_mask;
	char at[MEDIATE_TIME_BUFSIZE];
	int rc, worst = 0;

	cases = calloc(n ? n : 1, sizeof *cases);
	if (cases == NULL) {
		cli_warn("match", "out of memory");
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		mediate_case *c = mediate_case_list_at(list, i);
		if (a->states != NULL ? !(mask & (1u << (unsigned int)mediate_case_get_state(c))) : !awaits_mediator(c))
			continue;
		if ((rc = prepare_case("match", c, e->at)) != 0) {
			worst = rc > worst ? rc : worst;
			continue;
		}
		cases[m++] = c;
	}
	format_time(at, sizeof at, e->at, e->offset);
	printf("%s: %zu case%s %s, %zu mediators, at %s, ratings: %s\n", path, m, m == 1 ? "" : "s",
	       a->states != NULL ? "in the states asked" : "awaiting a mediator", mediate_roster_count(e->roster), at,
	       e->ratings_label);
	rc = mediate_match_assign_batch(&b, e->matcher, cases, m);
	if (rc != 0) {
		cli_warn("match", "%s", mediate_error_last()->text);
		free(cases);
		return cli_exit_for_status(rc);
	}
	for (i = 0; i < m; i++) {
		const mediate_mediator *med = mediate_match_batch_mediator(b, i);
		const mediate_category *cat = mediate_case_category(cases[i]);
		printf("  ");
		cli_put_padded(stdout, case_label(cases[i]), 26);
		cli_put_padded(stdout, cat != NULL ? mediate_category_code(cat) : "-", 32);
		cli_put_padded(stdout, level_label(cases[i]), 10);
		if (med != NULL) {
			printf("-> ");
			put_mediator(stdout, med);
			printf("  score %lld  (%zu candidate%s)\n", (long long)mediate_match_batch_score(b, i),
			       mediate_match_batch_candidates(b, i), mediate_match_batch_candidates(b, i) == 1 ? "" : "s");
		} else {
			unsigned int r = (unsigned int)mediate_match_batch_reason(b, i);
			printf("unplaced: %s (%s)\n", mediate_match_reason_name((mediate_match_reason)r),
			       reason_text((mediate_match_reason)r));
			unplaced++;
			if (r < 32)
				why[r]++;
		}
	}
	printf("placed %zu of %zu, total score %lld, %s\n", mediate_match_batch_assigned(b), m,
	       (long long)mediate_match_batch_total_score(b),
	       mediate_match_batch_exact(b) ? "optimal" : "top_k pruning: possibly not optimal");
	if (unplaced > 0) {
		int r, first = 1;
		printf("unplaced: %zu (", unplaced);
		for (r = 1; r < 32; r++)
			if (why[r] > 0) {
				printf("%s%s %zu", first ? "" : ", ", mediate_match_reason_name((mediate_match_reason)r), why[r]);
				first = 0;
			}
		printf(")\n");
	}
	mediate_match_batch_free(b);
	free(cases);
	return worst;
}

/* ---- team ---- */

/* Splits --need into at most MEDIATE_MATCH_TEAM_MAX codes (in buf). */
static int
parse_needs(const char *text, char *buf, size_t size, const char **needs, size_t *n)
{
	char *tok, *save = NULL;
	if (strlen(text) >= size)
		return cli_usage_error("match", "--need: too long");
	strcpy(buf, text);
	*n = 0;
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		if (*n == MEDIATE_MATCH_TEAM_MAX)
			return cli_usage_error("match", "--need: at most %u specialties", MEDIATE_MATCH_TEAM_MAX);
		needs[(*n)++] = tok;
	}
	if (*n == 0)
		return cli_usage_error("match", "--need: no category given");
	return 0;
}

/* The needs person i of the team covers, as "a, b". */
static void
put_covers(FILE *out, unsigned int bits, const char *const *needs, size_t n)
{
	size_t j;
	int first = 1;
	for (j = 0; j < n; j++)
		if (bits & (1u << j)) {
			fprintf(out, "%s%s", first ? "" : ", ", needs[j]);
			first = 0;
		}
	if (first)
		fputs("-", out);
}

/* Prints a formed team, or why none could be; 0 when formed, else 1. */
static int
put_team(FILE *out, const char *indent, const mediate_match_team *t, const char *const *needs, size_t n)
{
	size_t i, count = mediate_match_team_count(t);
	if (count == 0) {
		const mediate_category *u = mediate_match_team_uncovered(t);
		fprintf(out, "%sno team: %s", indent, mediate_match_reason_name(mediate_match_team_reason(t)));
		if (u != NULL)
			fprintf(out, " (nobody eligible covers %s)", mediate_category_code(u));
		fputc('\n', out);
		return CLI_EXIT_INPUT;
	}
	for (i = 0; i < count; i++) {
		fprintf(out, "%s%-7s ", indent, i == 0 ? "lead" : "member");
		put_mediator(out, mediate_match_team_mediator(t, i));
		fprintf(out, " %9lld  covers ", (long long)mediate_match_team_score(t, i));
		put_covers(out, mediate_match_team_covers(t, i), needs, n);
		fputc('\n', out);
	}
	fprintf(out, "%steam of %zu, total score %lld\n", indent, count, (long long)mediate_match_team_total_score(t));
	return CLI_EXIT_OK;
}

static int
run_team(const match_env *e, const match_args *a, mediate_case_list *list, const char *path)
{
	char buf[1024];
	const char *needs[MEDIATE_MATCH_TEAM_MAX];
	size_t n = 0, i;
	mediate_match_team *t = NULL;
	mediate_case *c;
	int rc;

	if ((rc = parse_needs(a->needs, buf, sizeof buf, needs, &n)) != 0)
		return rc;
	if ((c = find_case(list, a->number)) == NULL) {
		cli_warn("match", "%s: no case %s", path, a->number);
		return CLI_EXIT_INPUT;
	}
	if ((rc = prepare_case("match", c, e->at)) != 0)
		return rc;
	rc = mediate_match_form_team(&t, e->matcher, c, needs, n, a->size_given ? (size_t)a->size : 0);
	if (rc != 0) {
		cli_warn("match", "%s: %s", case_label(c), mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	put_case_header(stdout, c);
	printf("  needs ");
	for (i = 0; i < n; i++)
		printf("%s%s", i ? ", " : "", needs[i]);
	printf("; at most %zu people\n",
	       a->size_given ? (size_t)a->size : mediate_policy_match_team_size(e->policy));
	rc = put_team(stdout, "  ", t, needs, n);
	mediate_match_team_free(t);
	return rc;
}

/* ---- nearest ---- */

static int
run_nearest(const match_env *e, const match_args *a)
{
	mediate_match_result *r = NULL;
	int32_t lat, lon;
	size_t i, n, car;
	int64_t dist;
	char at[MEDIATE_TIME_BUFSIZE];
	int rc;

	if (parse_degrees(a->lat, 90, &lat) != 0)
		return cli_usage_error("match", "--lat expects decimal degrees from -90 to 90, got \"%s\"", a->lat);
	if (parse_degrees(a->lon, 180, &lon) != 0)
		return cli_usage_error("match", "--lon expects decimal degrees from -180 to 180, got \"%s\"", a->lon);
	rc = mediate_match_nearest(&r, e->matcher, lat, lon, e->at, a->k);
	if (rc != 0) {
		cli_warn("match", "%s", mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	format_time(at, sizeof at, e->at, e->offset);
	printf("door-to-door mediation at %.6f,%.6f, %s:\n", lat / 1e6, lon / 1e6, at);
	n = mediate_match_result_count(r);
	if (n == 0)
		printf("  no available mediator offers door-to-door mediation\n");
	for (i = 0; i < n; i++) {
		printf("%4zu  ", i + 1);
		put_mediator(stdout, mediate_match_result_mediator(r, i));
		printf("  %7lld m\n", (long long)mediate_match_result_distance(r, i));
	}
	if (mediate_match_result_excluded_count(r) > 0) {
		printf("  not available: %zu (", mediate_match_result_excluded_count(r));
		put_reason_counts(stdout, r);
		printf(")\n");
	}
	if (mediate_match_result_car(&car, &dist, r) == 0)
		printf("  car: %s %s, %lld m away\n", mediate_policy_match_car_code(e->policy, car),
		       mediate_policy_match_car_name(e->policy, car), (long long)dist);
	else
		printf("  car: none (the policy lists no mediation car with a base position)\n");
	mediate_match_result_free(r);
	return CLI_EXIT_OK;
}

/* ---- the command ---- */

/* Records an option and the sub-commands it applies to. */
static void
seen(match_args *a, unsigned int subs, const char *name)
{
	a->seen |= subs;
	if (!(subs & a->sub_bit))
		a->seen_name = name;
}

static int
parse_args(match_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "top", required_argument, NULL, 'k' },
		{ "explain", no_argument, NULL, 'e' },
		{ "excluded", no_argument, NULL, 'x' },
		{ "request", required_argument, NULL, 'q' },
		{ "state", required_argument, NULL, 's' },
		{ "need", required_argument, NULL, OPT_NEED },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ "lat", required_argument, NULL, OPT_LAT },
		{ "lon", required_argument, NULL, OPT_LON },
		{ "at", required_argument, NULL, 't' },
		{ "policy", required_argument, NULL, 'p' },
		{ "roster", required_argument, NULL, 'r' },
		{ "ratings", required_argument, NULL, 'R' },
		{ "no-ratings", no_argument, NULL, OPT_NO_RATINGS },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:k:exq:s:t:p:r:R:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'n': a->number = optarg; seen(a, SUB_RANK | SUB_TEAM, "--number"); break;
		case 'k':
			if (cli_parse_count("match", "--top", optarg, MEDIATE_MATCH_K_MAX, &a->k) != 0)
				return CLI_EXIT_USAGE;
			if (a->k == 0)
				return cli_usage_error("match", "--top expects a number from 1 to %u", MEDIATE_MATCH_K_MAX);
			seen(a, SUB_RANK | SUB_NEAREST, "--top");
			break;
		case 'e': a->explain = 1; seen(a, SUB_RANK, "--explain"); break;
		case 'x': a->excluded = 1; seen(a, SUB_RANK, "--excluded"); break;
		case 'q': a->request = optarg; seen(a, SUB_RANK, "--request"); break;
		case 's': a->states = optarg; seen(a, SUB_BATCH, "--state"); break;
		case OPT_NEED: a->needs = optarg; seen(a, SUB_TEAM, "--need"); break;
		case OPT_SIZE:
			if (cli_parse_count("match", "--size", optarg, MEDIATE_MATCH_TEAM_MAX, &a->size) != 0)
				return CLI_EXIT_USAGE;
			if (a->size == 0)
				return cli_usage_error("match", "--size expects a number from 1 to %u", MEDIATE_MATCH_TEAM_MAX);
			a->size_given = 1;
			seen(a, SUB_TEAM, "--size");
			break;
		case OPT_LAT: a->lat = optarg; seen(a, SUB_NEAREST, "--lat"); break;
		case OPT_LON: a->lon = optarg; seen(a, SUB_NEAREST, "--lon"); break;
		case 't': a->at_text = optarg; break;
		case 'p': a->policy_path = optarg; break;
		case 'r': a->roster_path = optarg; break;
		case 'R': a->ratings_path = optarg; break;
		case OPT_NO_RATINGS: a->no_ratings = 1; break;
		case 'd': a->data = optarg; break;
		case 'h': return -1;
		default: return cli_bad_option("match", c, argv);
		}
	}
	return 0;
}

static int
run_match(int argc, char **argv)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} subs[] = { { "rank", SUB_RANK }, { "batch", SUB_BATCH }, { "team", SUB_TEAM }, { "nearest", SUB_NEAREST } };
	match_args a;
	match_env e;
	mediate_case_list *list = NULL;
	const char *path = NULL;
	size_t i;
	int rc;

	memset(&a, 0, sizeof a);
	a.k = 10;
	if (argc < 2)
		return cli_usage_error("match", "a sub-command is needed: rank, batch, team or nearest");
	if (cli_is_help(argv[1]))
		return cli_print_help(&cli_cmd_match);
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0) {
			a.sub = subs[i].name;
			a.sub_bit = subs[i].bit;
		}
	if (a.sub == NULL)
		return cli_usage_error("match", "unknown sub-command \"%s\" (rank, batch, team, nearest)", argv[1]);
	rc = parse_args(&a, argc - 1, argv + 1);
	if (rc < 0)
		return cli_print_help(&cli_cmd_match);
	if (rc != 0)
		return rc;
	/* argv + 1 was parsed: its optind counts from the sub-command. */
	if (a.seen_name != NULL)
		return cli_usage_error("match", "%s does not apply to 'match %s'", a.seen_name, a.sub);
	if (a.sub_bit == SUB_NEAREST) {
		if (optind + 1 < argc)
			return cli_usage_error("match", "nearest takes no case file");
		if (a.lat == NULL || a.lon == NULL)
			return cli_usage_error("match", "nearest needs --lat and --lon");
	} else {
		if (optind + 1 >= argc)
			return cli_usage_error("match", "%s needs a case file", a.sub);
		if (optind + 2 < argc)
			return cli_usage_error("match", "%s takes one case file, got %d", a.sub, argc - optind - 1);
		path = argv[optind + 1];
	}
	if (a.sub_bit == SUB_TEAM && (a.number == NULL || a.needs == NULL))
		return cli_usage_error("match", "team needs --number and --need");
	if (a.request != NULL && a.number == NULL)
		return cli_usage_error("match", "--request needs --number (the case the party asks about)");
	if (a.states != NULL && (rc = parse_states(a.states, &a.state_mask)) != 0)
		return rc;
	if ((rc = env_load(&e, &a)) != 0)
		return rc;
	if (path != NULL && (rc = load_cases(e.policy, path, &list)) != 0) {
		env_free(&e);
		return rc;
	}
	switch (a.sub_bit) {
	case SUB_RANK: rc = run_rank(&e, &a, list, path); break;
	case SUB_BATCH: rc = run_batch(&e, &a, list, path); break;
	case SUB_TEAM: rc = run_team(&e, &a, list, path); break;
	default: rc = run_nearest(&e, &a); break;
	}
	mediate_case_list_free(list);
	env_free(&e);
	return rc;
}

/* ---- the demo ---- */

int demo_matching(cli_demo *d);

/* The demo's morning: Tuesday 1 December 2026, 09:00 in Ningbo. */
#define DEMO_AT_TEXT "2026-12-01T09:00:00+08:00"

/* The station (or centre) a mediator works for: the nearest police
 * station at or above the mediator's unit, else the unit itself. */
static const mediate_unit *
home_unit(const mediate_mediator *m)
{
	const mediate_unit *u;
	for (u = mediate_mediator_unit(m); u != NULL; u = mediate_unit_parent(u))
		if (mediate_unit_get_kind(u) == MEDIATE_UNIT_POLICE_STATION)
			return u;
	return mediate_mediator_unit(m);
}

/* A second specialty a joint team for a major case of this family needs. */
static const char *
team_partner_need(const mediate_category *cat)
{
	static const char *const table[][2] = {
		{ "labour", "contract.construction" },   /* wage arrears down a subcontracting chain */
		{ "land", "contract" },
		{ "medical", "tort" },
		{ "traffic", "medical" },
		{ "property_management", "contract" },
		{ "consumer", "contract.sale" },
		{ "family", "contract" },
	};
	size_t i;
	while (cat != NULL && mediate_category_parent(cat) != NULL)
		cat = mediate_category_parent(cat);
	for (i = 0; cat != NULL && i < sizeof table / sizeof table[0]; i++)
		if (strcmp(mediate_category_code(cat), table[i][0]) == 0)
			return table[i][1];
	return NULL;
}

/* The batch of the demo and its counts by station and level. */
static int
demo_batch(cli_demo *d, const mediate_matcher *mt, const mediate_case **cases, size_t n, int list_them)
{
	const mediate_policy *p = d->policy;
	size_t nunits = mediate_policy_unit_count(p), nlevels = mediate_policy_level_count(p);
	size_t *counts, i, j, why[32] = { 0 }, unplaced = 0, ungraded = 0;
	mediate_match_batch *b = NULL;
	int rc, r, first = 1;

	rc = mediate_match_assign_batch(&b, mt, cases, n);
	if (rc != 0) {
		cli_warn("demo", "matching: %s", mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	/* counts[unit index * (levels + 1) + level rank]; the last column: ungraded */
	counts = calloc(nunits * (nlevels + 1) + 1, sizeof *counts);
	if (counts == NULL) {
		mediate_match_batch_free(b);
		cli_warn("demo", "out of memory");
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		const mediate_mediator *m = mediate_match_batch_mediator(b, i);
		const mediate_level *l = mediate_case_level(cases[i]);
		const mediate_category *cat = mediate_case_category(cases[i]);
		if (list_them) {
			fputs("  ", d->out);
			cli_put_padded(d->out, case_label(cases[i]), 26);
			cli_put_padded(d->out, cat != NULL ? mediate_category_code(cat) : "-", 32);
			cli_put_padded(d->out, level_label(cases[i]), 10);
		}
		if (m == NULL) {
			unsigned int w = (unsigned int)mediate_match_batch_reason(b, i);
			unplaced++;
			if (w < 32)
				why[w]++;
			if (list_them)
				fprintf(d->out, "unplaced: %s\n", mediate_match_reason_name((mediate_match_reason)w));
			continue;
		}
		if (list_them) {
			fputs("-> ", d->out);
			put_mediator(d->out, m);
			fprintf(d->out, "  score %lld\n", (long long)mediate_match_batch_score(b, i));
		}
		for (j = 0; j < nunits; j++)
			if (mediate_policy_unit_at(p, j) == home_unit(m))
				break;
		if (j < nunits)
			counts[j * (nlevels + 1) + (l != NULL ? mediate_level_rank(l) : nlevels)]++;
		if (l == NULL)
			ungraded++;
	}
	/* By the station (or centre) of the mediator and the level of the case. */
	fprintf(d->out, "\n  %-14s", "placed with");
	for (j = 0; j < nlevels; j++)
		fprintf(d->out, " %9s", mediate_level_code(mediate_policy_level_at(p, j)));
	if (ungraded > 0)
		fprintf(d->out, " %9s", "ungraded");
	fputs("  unit\n", d->out);
	for (i = 0; i < nunits; i++) {
		size_t tot = 0;
		for (j = 0; j <= nlevels; j++)
			tot += counts[i * (nlevels + 1) + j];
		if (tot == 0)
			continue;
		fprintf(d->out, "  %-14s", mediate_unit_code(mediate_policy_unit_at(p, i)));
		for (j = 0; j < nlevels; j++)
			fprintf(d->out, " %9zu", counts[i * (nlevels + 1) + j]);
		if (ungraded > 0)
			fprintf(d->out, " %9zu", counts[i * (nlevels + 1) + nlevels]);
		fprintf(d->out, "  %s\n", cli_unit_name(mediate_policy_unit_at(p, i), mediate_policy_language(p)));
	}
	fprintf(d->out, "  placed %zu of %zu cases, total score %lld, %s; unplaced: ", mediate_match_batch_assigned(b),
	        n, (long long)mediate_match_batch_total_score(b),
	        mediate_match_batch_exact(b) ? "optimal" : "top_k pruning: possibly not optimal");
	for (r = 1; r < 32; r++)
		if (why[r] > 0) {
			fprintf(d->out, "%s%s %zu", first ? "" : ", ", mediate_match_reason_name((mediate_match_reason)r),
			        why[r]);
			first = 0;
		}
	fprintf(d->out, "%s\n", first ? "none" : "");
	free(counts);
	mediate_match_batch_free(b);
	return 0;
}

/* The top candidates of one case with the explanation of the best. */
static void
demo_explain(cli_demo *d, const mediate_matcher *mt, const mediate_case *c, const char *why)
{
	mediate_match_result *r = NULL;
	size_t i, n;

	fprintf(d->out, "\n%s:\n  ", why);
	put_case_header(d->out, c);
	if (mediate_match_rank(&r, mt, c, 3, MEDIATE_MATCH_WITH_EXCLUDED) != 0) {
		fprintf(d->out, "  (%s)\n", mediate_error_last()->text);
		return;
	}
	n = mediate_match_result_count(r);
	put_candidates_header(d->out, "  ");
	for (i = 0; i < n; i++)
		put_candidate(d->out, "  ", r, i);
	if (n > 0) {
		fprintf(d->out, "    why %s comes first:\n", mediate_mediator_name(mediate_match_result_mediator(r, 0)));
		put_explanation(d->out, "      ", d->policy, r, 0);
	}
	fprintf(d->out, "    excluded: %zu (", mediate_match_result_excluded_count(r));
	put_reason_counts(d->out, r);
	fprintf(d->out, ")\n");
	mediate_match_result_free(r);
}

int
demo_matching(cli_demo *d)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error err;
	mediate_roster *roster = NULL;
	mediate_ratings *ratings = NULL;
	mediate_matcher *mt = NULL;
	mediate_case_list *list = NULL;
	const mediate_case **waiting = NULL, **open = NULL;
	const mediate_case *general = NULL, *difficult = NULL, *major = NULL;
	size_t i, n, nwait = 0, nopen = 0;
	int64_t at;
	int rc = CLI_EXIT_OK, st, offset;

	o.max_document_bytes = MATCH_MAX_BYTES;
	o.max_nodes = MATCH_MAX_NODES;
	o.on_error = cli_print_error;
	if (mediate_policy_level_count(d->policy) == 0) {
		fprintf(d->out, "(the policy has no grading section)\n");
		return CLI_EXIT_OK;
	}
	if (!file_exists(cli_demo_path(d, "roster.yaml"))) {
		fprintf(d->out, "(no roster.yaml in the data directory)\n");
		return CLI_EXIT_OK;
	}
	if (mediate_time_parse(&at, &offset, DEMO_AT_TEXT) != 0)
		return CLI_EXIT_INTERNAL;
	if ((st = mediate_roster_load_file(&roster, d->policy, cli_demo_path(d, "roster.yaml"), &o, &err)) != 0)
		return cli_exit_for_status(st);
	if (file_exists(cli_demo_path(d, "ratings.yaml")) &&
	    (st = mediate_ratings_load_file(&ratings, d->policy, cli_demo_path(d, "ratings.yaml"), &o, &err)) != 0) {
		rc = cli_exit_for_status(st);
		goto out;
	}
	if ((st = mediate_case_list_load_file(&list, d->policy, cli_demo_path(d, "cases.yaml"), &o, &err)) != 0) {
		rc = cli_exit_for_status(st);
		goto out;
	}
	if ((st = mediate_matcher_new(&mt, roster, ratings, at)) != 0) {
		cli_warn("demo", "matching: %s", mediate_error_last()->text);
		rc = cli_exit_for_status(st);
		goto out;
	}
	n = mediate_case_list_count(list);
	waiting = calloc(n ? n : 1, sizeof *waiting);
	open = calloc(n ? n : 1, sizeof *open);
	if (waiting == NULL || open == NULL) {
		rc = CLI_EXIT_INTERNAL;
		cli_warn("demo", "out of memory");
		goto out;
	}
	for (i = 0; i < n; i++) {
		mediate_case *c = mediate_case_list_at(list, i);
		if (mediate_case_get_state(c) == MEDIATE_CASE_CLOSED)
			continue;
		if ((rc = prepare_case("demo", c, at)) != 0)
			goto out;
		open[nopen++] = c;
		if (awaits_mediator(c))
			waiting[nwait++] = c;
	}
	fprintf(d->out, "%zu mediators on the roster, ratings: %s, on %s.\n", mediate_roster_count(roster),
	        ratings != NULL ? "ratings.yaml" : "none (every mediator gets the prior)", DEMO_AT_TEXT);
	fprintf(d->out, "Scores: the sum of weight x value (0..1000) of");
	for (i = 1; i <= MEDIATE_MATCH_COMPONENT_COUNT; i++)
		fprintf(d->out, " %s %u%s", mediate_match_component_name((mediate_match_component)i),
		        (unsigned)mediate_policy_match_weight(d->policy, (mediate_match_component)i),
		        i < MEDIATE_MATCH_COMPONENT_COUNT ? "," : ".\n");
	fprintf(d->out, "\nThe %zu sample cases awaiting a mediator, assigned in one optimal batch:\n", nwait);
	if ((rc = demo_batch(d, mt, waiting, nwait, 1)) != 0)
		goto out;
	fprintf(d->out, "\nA busy morning: the %zu open sample cases assigned again at once, by the station\n"
	        "of their mediator and their level:\n", nopen);
	if ((rc = demo_batch(d, mt, open, nopen, 0)) != 0)
		goto out;
	/* One case of each level: waiting ones first. */
	for (i = 0; i < nwait + nopen; i++) {
		const mediate_case *c = i < nwait ? waiting[i] : open[i - nwait];
		const mediate_level *l = mediate_case_level(c);
		if (l == NULL)
			continue;
		if (mediate_level_path(l) == MEDIATE_PATH_ON_THE_SPOT && general == NULL)
			general = c;
		else if (mediate_level_path(l) == MEDIATE_PATH_THINK_TANK && difficult == NULL)
			difficult = c;
		else if (mediate_level_path(l) == MEDIATE_PATH_JOINT && major == NULL)
			major = c;
	}
	if (general != NULL)
		demo_explain(d, mt, general, "A general dispute, mediated on the spot");
	if (difficult != NULL)
		demo_explain(d, mt, difficult, "A difficult dispute: think-tank members of the grade's level only");
	if (major != NULL) {
		const char *needs[2];
		size_t nn = 0;
		mediate_match_team *t = NULL;
		demo_explain(d, mt, major, "A major dispute: the lead of a joint mediation team");
		needs[nn++] = mediate_category_code(mediate_case_category(major));
		if (team_partner_need(mediate_case_category(major)) != NULL)
			needs[nn++] = team_partner_need(mediate_case_category(major));
		if (mediate_match_form_team(&t, mt, major, needs, nn, 0) == 0) {
			fprintf(d->out, "    the joint team covering %s%s%s (at most %zu people):\n", needs[0],
			        nn > 1 ? " and " : "", nn > 1 ? needs[1] : "", mediate_policy_match_team_size(d->policy));
			put_team(d->out, "      ", t, needs, nn);
			mediate_match_team_free(t);
		} else {
			fprintf(d->out, "    (no team: %s)\n", mediate_error_last()->text);
		}
	}
	rc = 0;
out:
	free(waiting);
	free(open);
	mediate_case_list_free(list);
	mediate_matcher_free(mt);
	mediate_ratings_free(ratings);
	mediate_roster_free(roster);
	return rc;
}
