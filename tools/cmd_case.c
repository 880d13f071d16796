/* SPDX-License-Identifier: MIT */
/*
 * mediate case check FILE...                 validate case files
 * mediate case show FILE [NUMBER...]         print cases (readable or YAML)
 * mediate case transition FILE NUMBER STATE  move a case, write the file back
 * and the "cases" section of `mediate demo`.
 *
 * A case file is either one case (a mapping) or a list of cases
 * (format: mediate-cases); see mediate-case(5).  Cases are checked against
 * a policy: --policy FILE, or county.yaml of the sample data directory.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

/* Case lists are larger than the 1 MiB default of a document. */
#define CASE_MAX_BYTES ((size_t)256 << 20)
#define CASE_MAX_NODES ((size_t)50000000)

#define CASE_USAGE \
	"usage: mediate case check [OPTIONS] FILE...\n" \
	"       mediate case show [OPTIONS] [--mask] [--yaml] FILE [NUMBER...]\n" \
	"       mediate case transition [OPTIONS] FILE NUMBER STATE --actor ID --unit CODE\n" \
	"                               [--at TIME] [--note TEXT] [--form written|oral]\n" \
	"                               [--transfer KIND --body TEXT]\n" \
	"\n" \
	"A FILE holds one case or a list of cases (mediate-case(5)); cases are\n" \
	"validated against the policy.\n" \
	"\n" \
	"check       Loads and validates each FILE.  Errors are printed on standard\n" \
	"            error as FILE:LINE:COLUMN: PATH: MESSAGE; a valid file gets\n" \
	"            \"FILE: ok: N cases\" on standard output.\n" \
	"  -q, --quiet          print nothing for valid files\n" \
	"show        Prints the cases of FILE (or those with the given case numbers\n" \
	"            or UUIDs) in a readable layout.\n" \
	"  -m, --mask           mask phone and document numbers (138****5678)\n" \
	"  -y, --yaml           print YAML (mediate-case(5)) instead\n" \
	"transition  Moves the case NUMBER (a case number or UUID) of FILE to STATE\n" \
	"            (assessed, assigned, in_mediation, agreement, failed, withdrawn,\n" \
	"            transferred, follow_up, closed) and writes FILE back, only when\n" \
	"            the lifecycle allows it.  The timeline records the actor.\n" \
	"  -a, --actor ID       the user id of who does it (required)\n" \
	"  -u, --unit CODE      the actor's org unit (required)\n" \
	"  -t, --at TIME        when, like 2026-11-03T09:30:00+08:00 (default: now)\n" \
	"  -n, --note TEXT      details for the timeline\n" \
	"      --form FORM      agreement: written (default) or oral\n" \
	"      --transfer KIND  transferred: litigation, arbitration or administrative\n" \
	"      --body TEXT      transferred: the receiving body\n" \
	"\n" \
	"Options of every subcommand:\n" \
	"  -p, --policy FILE    the policy (default: county.yaml of the data directory)\n" \
	"  -d, --data DIR       the sample data directory (see mediate demo)\n" \
	"      --max-bytes N    refuse files larger than N bytes (default 268435456)\n" \
	"\n" \
	"Exit status: 0 ok, 1 a file has errors or the transition is refused,\n" \
	"2 usage, 3 a file cannot be read or written, 4 internal error.\n"

static int run_case(int argc, char **argv);

const cli_command cli_cmd_case = {
	"case",
	"check, show and move cases of a case file",
	CASE_USAGE,
	run_case
};

typedef struct case_args {
	const char *sub;          /* "case check" ... for messages */
	const char *policy_path;
	const char *data_dir;
	size_t max_bytes;
	int quiet, mask, yaml;
	const char *actor, *unit, *at, *note, *form, *transfer, *body;
} case_args;

enum { OPT_FORM = 256, OPT_TRANSFER, OPT_BODY, OPT_MAX_BYTES };

static int
parse_options(case_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "mask", no_argument, NULL, 'm' },
		{ "yaml", no_argument, NULL, 'y' },
		{ "policy", required_argument, NULL, 'p' },
		{ "data", required_argument, NULL, 'd' },
		{ "actor", required_argument, NULL, 'a' },
		{ "unit", required_argument, NULL, 'u' },
		{ "at", required_argument, NULL, 't' },
		{ "note", required_argument, NULL, 'n' },
		{ "form", required_argument, NULL, OPT_FORM },
		{ "transfer", required_argument, NULL, OPT_TRANSFER },
		{ "body", required_argument, NULL, OPT_BODY },
		{ "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long v;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qmyp:d:a:u:t:n:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': a->quiet = 1; break;
		case 'm': a->mask = 1; break;
		case 'y': a->yaml = 1; break;
		case 'p': a->policy_path = optarg; break;
		case 'd': a->data_dir = optarg; break;
		case 'a': a->actor = optarg; break;
		case 'u': a->unit = optarg; break;
		case 't': a->at = optarg; break;
		case 'n': a->note = optarg; break;
		case OPT_FORM: a->form = optarg; break;
		case OPT_TRANSFER: a->transfer = optarg; break;
		case OPT_BODY: a->body = optarg; break;
		case OPT_MAX_BYTES:
			if (cli_parse_count(a->sub, "--max-bytes", optarg, (unsigned long)SIZE_MAX, &v) != 0)
				return CLI_EXIT_USAGE;
			a->max_bytes = v;
			break;
		case 'h':
			cli_print_help(&cli_cmd_case);
			return -1;
		default: return cli_bad_option(a->sub, c, argv);
		}
	}
	return 0;
}

static int
load_policy(const case_args *a, mediate_policy **out)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];
	int rc;
	if (a->policy_path != NULL)
		return cli_load_policy(out, a->policy_path, NULL);
	if ((rc = cli_find_data_dir(a->sub, a->data_dir, dir, sizeof dir)) != 0)
		return rc;
	snprintf(path, sizeof path, "%s/county.yaml", dir);
	return cli_load_policy(out, path, NULL);
}

/* Loads FILE as a list (a single-case file becomes a list of one). */
static int
load_cases(const case_args *a, const mediate_policy *policy, const char *path, mediate_case_list **out,
           int *single)
{
	return cli_load_cases(a->sub, policy, path, a->max_bytes, CASE_MAX_NODES, out, single);
}

static int
case_check(case_args *a, int argc, char **argv)
{
	mediate_policy *policy = NULL;
	int i, worst = CLI_EXIT_OK, rc;

	if (optind >= argc)
		return cli_usage_error(a->sub, "no case file given");
	if ((rc = load_policy(a, &policy)) != 0)
		return rc;
	for (i = optind; i < argc; i++) {
		mediate_case_list *list = NULL;
		int single;
		rc = load_cases(a, policy, argv[i], &list, &single);
		if (rc == 0 && !a->quiet)
			printf("%s: ok: %zu case%s\n", argv[i], mediate_case_list_count(list),
			       mediate_case_list_count(list) == 1 ? "" : "s");
		if (rc > worst)
			worst = rc;
		mediate_case_list_free(list);
	}
	mediate_policy_free(policy);
	return worst;
}

static void
put_time(FILE *out, int64_t t, int offset)
{
	char b[MEDIATE_TIME_BUFSIZE];
	if (mediate_time_format(b, sizeof b, t, offset) != 0)
		snprintf(b, sizeof b, "?");
	fputs(b, out);
}

static void
show_case(FILE *out, const mediate_case *c, int mask)
{
	const mediate_category *cat = mediate_case_category(c);
	const mediate_agreement *ag = mediate_case_agreement(c);
	int off = mediate_case_offset(c);
	char money[MEDIATE_MONEY_BUFSIZE];
	size_t i;

	fprintf(out, "%s  %s  %s", mediate_case_number(c) != NULL ? mediate_case_number(c) : "(no number)",
	        mediate_case_state_name(mediate_case_get_state(c)), cat != NULL ? mediate_category_code(cat) : "-");
	if (cat != NULL)
		fprintf(out, " %s", cli_category_name(cat, NULL));
	fprintf(out, "\n  id        %s\n  received  ", mediate_case_id_text(c));
	put_time(out, mediate_case_received_at(c), off);
	fprintf(out, " at %s %s", mediate_unit_code(mediate_case_unit(c)), cli_unit_name(mediate_case_unit(c), NULL));
	if (mediate_case_get_source(c) != 0)
		fprintf(out, ", %s%s%s", mediate_case_source_name(mediate_case_get_source(c)),
		        mediate_case_source_ref(c) ? " " : "", mediate_case_source_ref(c) ? mediate_case_source_ref(c) : "");
	fputc('\n', out);
	if (mediate_case_address(c) != NULL)
		fprintf(out, "  place     %s\n", mediate_case_address(c));
	if (mediate_case_description(c) != NULL)
		fprintf(out, "  facts     %s\n", mediate_case_description(c));
	if (mediate_case_amount(c) != 0 && mediate_money_format(money, sizeof money, mediate_case_amount(c)) == 0)
		fprintf(out, "  amount    %s yuan\n", money);
	if (mediate_case_risks(c) != 0) {
		unsigned bit;
		fputs("  risks    ", out);
		for (bit = 1; bit <= MEDIATE_RISK_ALL; bit <<= 1)
			if (mediate_case_risks(c) & bit)
				fprintf(out, " %s", mediate_case_risk_name(bit));
		fputc('\n', out);
	}
	for (i = 0; i < mediate_case_party_count(c); i++) {
		const mediate_party *p = mediate_case_party_at(c, i);
		const char *phone = mask ? mediate_party_phone_masked(p) : mediate_party_phone(p);
		const char *doc = mask ? mediate_party_document_masked(p) : mediate_party_document(p);
		fprintf(out, "  %s %-4s %-11s %s", i == 0 ? "party" : "     ", mediate_party_id(p),
		        mediate_party_role_name(mediate_party_get_role(p)), mediate_party_name(p));
		if (phone != NULL)
			fprintf(out, "  %s", phone);
		if (doc != NULL)
			fprintf(out, "  %s %s", mediate_party_doc_type_name(mediate_party_doc_type_of(p)), doc);
		fputc('\n', out);
	}
	for (i = 0; i < mediate_case_mediator_count(c); i++) {
		const mediate_case_mediator *m = mediate_case_mediator_at(c, i);
		fprintf(out, "  %s %s %s (%s)\n", i == 0 ? "mediator " : "         ", mediate_case_mediator_id(m),
		        mediate_case_mediator_name(m), mediate_case_mediator_role_name(mediate_case_mediator_get_role(m)));
	}
	if (mediate_case_get_mode(c) != 0)
		fprintf(out, "  mode      %s, %zu session%s\n", mediate_case_mode_name(mediate_case_get_mode(c)),
		        mediate_case_session_count(c), mediate_case_session_count(c) == 1 ? "" : "s");
	if (mediate_case_get_outcome(c) != MEDIATE_OUTCOME_NONE && mediate_case_get_outcome(c) != 0) {
		fprintf(out, "  outcome   %s", mediate_case_outcome_name(mediate_case_get_outcome(c)));
		if (mediate_case_agreement_form(c) != 0)
			fprintf(out, " (%s)", mediate_agreement_form_name(mediate_case_agreement_form(c)));
		if (mediate_case_transfer_body(c) != NULL)
			fprintf(out, " to %s", mediate_case_transfer_body(c));
		fputc('\n', out);
	}
	if (ag != NULL) {
		int64_t t;
		fprintf(out, "  agreement %zu signature%s", mediate_agreement_signature_count(ag),
		        mediate_agreement_signature_count(ag) == 1 ? "" : "s");
		if (mediate_agreement_effective_at(&t, ag) == 0) {
			fputs(", effective ", out);
			put_time(out, t, off);
		}
		if (mediate_agreement_confirmation(ag) != MEDIATE_CONFIRMATION_NONE)
			fprintf(out, ", judicial confirmation %s",
			        mediate_confirmation_status_name(mediate_agreement_confirmation(ag)));
		fputc('\n', out);
	}
	fputs("  timeline\n", out);
	for (i = 0; i < mediate_case_event_count(c); i++) {
		const mediate_case_event *e = mediate_case_event_at(c, i);
		fputs("    ", out);
		put_time(out, mediate_case_event_time(e), off);
		fprintf(out, "  %s", mediate_case_event_kind_name(mediate_case_event_get_kind(e)));
		if (mediate_case_event_get_kind(e) == MEDIATE_EVENT_TRANSITION)
			fprintf(out, " %s -> %s", mediate_case_state_name(mediate_case_event_from(e)),
			        mediate_case_state_name(mediate_case_event_to(e)));
		fprintf(out, "  %s@%s", mediate_case_event_actor(e), mediate_case_event_unit(e));
		if (mediate_case_event_details(e) != NULL)
			fprintf(out, "  %s", mediate_case_event_details(e));
		fputc('\n', out);
	}
}

static const mediate_case *
find_case(const mediate_case_list *list, const char *key, size_t *index)
{
	size_t i;
	for (i = 0; i < mediate_case_list_count(list); i++) {
		const mediate_case *c = mediate_case_list_at(list, i);
		if ((mediate_case_number(c) != NULL && strcmp(mediate_case_number(c), key) == 0) ||
		    strcmp(mediate_case_id_text(c), key) == 0) {
			if (index != NULL)
				*index = i;
			return c;
		}
	}
	return NULL;
}

static int
case_show(case_args *a, int argc, char **argv)
{
	mediate_policy *policy = NULL;
	mediate_case_list *list = NULL, *chosen = NULL;
	int rc, single, i;
	size_t k;

	if (optind >= argc)
		return cli_usage_error(a->sub, "no case file given");
	if ((rc = load_policy(a, &policy)) != 0)
		return rc;
	if ((rc = load_cases(a, policy, argv[optind], &list, &single)) != 0) {
		mediate_policy_free(policy);
		return rc;
	}
	for (i = optind + 1; i < argc; i++)
		if (find_case(list, argv[i], NULL) == NULL) {
			cli_warn(a->sub, "%s: no case %s", argv[optind], argv[i]);
			rc = CLI_EXIT_INPUT;
		}
	if (rc == 0 && a->yaml) {
		char *y = NULL;
		size_t len = 0;
		unsigned flags = a->mask ? MEDIATE_CASE_YAML_MASK : 0;
		if (optind + 1 == argc) {
			rc = single ? mediate_case_to_yaml(&y, &len, mediate_case_list_at(list, 0), flags)
			            : mediate_case_list_to_yaml(&y, &len, list, flags);
		} else if (argc - optind == 2) {
			rc = mediate_case_to_yaml(&y, &len, find_case(list, argv[optind + 1], NULL), flags);
		} else {
			/* Several chosen cases: a list of copies of them. */
			rc = mediate_case_list_new(&chosen);
			for (i = optind + 1; rc == 0 && i < argc; i++) {
				mediate_case *copy = NULL;
				rc = mediate_case_clone(&copy, find_case(list, argv[i], NULL));
				if (rc == 0 && (rc = mediate_case_list_append(chosen, copy)) != 0)
					mediate_case_free(copy);
			}
			if (rc == 0)
				rc = mediate_case_list_to_yaml(&y, &len, chosen, flags);
			mediate_case_list_free(chosen);
		}
		if (rc == 0)
			fwrite(y, 1, len, stdout);
		mediate_free(y);
		rc = cli_exit_for_status(rc);
	} else if (rc == 0) {
		int first = 1;
		for (k = 0; k < mediate_case_list_count(list); k++) {
			const mediate_case *c = mediate_case_list_at(list, k);
			int wanted = optind + 1 == argc;
			for (i = optind + 1; i < argc && !wanted; i++)
				wanted = find_case(list, argv[i], NULL) == c;
			if (!wanted)
				continue;
			if (!first)
				fputc('\n', stdout);
			first = 0;
			show_case(stdout, c, a->mask);
		}
	}
	mediate_case_list_free(list);
	mediate_policy_free(policy);
	return rc;
}

/* Writes data to path through a temporary file and a rename. */
static int
write_back(const char *sub, const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX + 32];
	FILE *f;
	if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)time(NULL)) >= (int)sizeof tmp) {
		cli_warn(sub, "%s: the path is too long", path);
		return CLI_EXIT_IO;
	}
	f = fopen(tmp, "wb");
	if (f == NULL || fwrite(data, 1, len, f) != len || fflush(f) != 0) {
		cli_warn(sub, "%s: cannot write: %s", tmp, strerror(errno));
		if (f != NULL)
			fclose(f);
		remove(tmp);
		return CLI_EXIT_IO;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		cli_warn(sub, "%s: cannot replace: %s", path, strerror(errno));
		remove(tmp);
		return CLI_EXIT_IO;
	}
	return 0;
}

static int
case_transition(case_args *a, int argc, char **argv)
{
	mediate_policy *policy = NULL;
	mediate_case_list *list = NULL;
	mediate_case_state to, from;
	const char *path, *key;
	mediate_case *c;
	int64_t at;
	char *y = NULL;
	size_t len = 0, index = 0;
	int rc, single;

	if (argc - optind != 3)
		return cli_usage_error(a->sub, "expected FILE NUMBER STATE");
	path = argv[optind];
	key = argv[optind + 1];
	if (mediate_case_state_parse(&to, argv[optind + 2]) != 0)
		return cli_usage_error(a->sub, "unknown state \"%s\"", argv[optind + 2]);
	if (a->actor == NULL || a->unit == NULL)
		return cli_usage_error(a->sub, "--actor and --unit are required");
	if (a->at != NULL) {
		if (mediate_time_parse(&at, NULL, a->at) != 0)
			return cli_usage_error(a->sub, "--at: %s", mediate_error_last()->text);
	} else {
		at = (int64_t)time(NULL);
	}
	if ((rc = load_policy(a, &policy)) != 0)
		return rc;
	if ((rc = load_cases(a, policy, path, &list, &single)) != 0)
		goto out;
	if (find_case(list, key, &index) == NULL) {
		cli_warn(a->sub, "%s: no case %s", path, key);
		rc = CLI_EXIT_INPUT;
		goto out;
	}
	c = mediate_case_list_at(list, index);
	from = mediate_case_get_state(c);
	if (to == MEDIATE_CASE_AGREEMENT) {
		mediate_agreement_form form = MEDIATE_AGREEMENT_WRITTEN;
		if (a->form != NULL && mediate_agreement_form_parse(&form, a->form) != 0) {
			rc = cli_usage_error(a->sub, "--form: written or oral, not \"%s\"", a->form);
			goto out;
		}
		rc = mediate_case_reach_agreement(c, form, at, a->actor, a->unit, a->note);
	} else if (to == MEDIATE_CASE_TRANSFERRED) {
		mediate_transfer_kind kind;
		if (a->transfer == NULL || a->body == NULL || mediate_transfer_kind_parse(&kind, a->transfer) != 0) {
			rc = cli_usage_error(a->sub, "transferred needs --transfer litigation|arbitration|administrative "
			                     "and --body TEXT");
			goto out;
		}
		rc = mediate_case_transfer(c, kind, a->body, at, a->actor, a->unit, a->note);
	} else {
		rc = mediate_case_transition(c, to, at, a->actor, a->unit, a->note);
	}
	if (rc != 0) {
		cli_warn(a->sub, "%s: %s: %s", path, key, mediate_error_last()->text);
		rc = rc == MEDIATE_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
		goto out;
	}
	rc = single ? mediate_case_to_yaml(&y, &len, c, 0) : mediate_case_list_to_yaml(&y, &len, list, 0);
	if (rc != 0) {
		cli_warn(a->sub, "%s: %s", path, mediate_error_last()->text);
		rc = cli_exit_for_status(rc);
		goto out;
	}
	if ((rc = write_back(a->sub, path, y, len)) == 0)
		printf("%s: %s: %s -> %s\n", path, key, mediate_case_state_name(from), mediate_case_state_name(to));
out:
	mediate_free(y);
	mediate_case_list_free(list);
	mediate_policy_free(policy);
	return rc;
}

static int
run_case(int argc, char **argv)
{
	case_args a;
	char sub[32];
	int rc;

	memset(&a, 0, sizeof a);
	a.max_bytes = CASE_MAX_BYTES;
	if (argc < 2)
		return cli_usage_error("case", "expected check, show or transition");
	if (cli_is_help(argv[1]))
		return cli_print_help(&cli_cmd_case);
	snprintf(sub, sizeof sub, "case %.20s", argv[1]);
	a.sub = sub;
	if ((rc = parse_options(&a, argc - 1, argv + 1)) != 0)
		return rc < 0 ? CLI_EXIT_OK : rc;
	/* getopt worked on argv + 1: optind counts from there. */
	argc--;
	argv++;
	if (strcmp(argv[0], "check") == 0)
		return case_check(&a, argc, argv);
	if (strcmp(argv[0], "show") == 0)
		return case_show(&a, argc, argv);
	if (strcmp(argv[0], "transition") == 0)
		return case_transition(&a, argc, argv);
	return cli_usage_error("case", "unknown subcommand \"%s\" (check, show or transition)", argv[0]);
}

/* ---- the demo section ---- */

int demo_cases(cli_demo *d);

int
demo_cases(cli_demo *d)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_case_list *list = NULL;
	mediate_error err;
	size_t by_state[MEDIATE_CASE_STATE_COUNT + 1] = { 0 }, by_source[9] = { 0 };
	size_t i, n, shown = 0, agreements = 0, confirmed = 0, police = 0;
	int64_t total = 0;
	char money[MEDIATE_MONEY_BUFSIZE];
	int s, rc;

	o.max_document_bytes = CASE_MAX_BYTES;
	o.max_nodes = CASE_MAX_NODES;
	o.on_error = cli_print_error;
	rc = mediate_case_list_load_file(&list, d->policy, cli_demo_path(d, "cases.yaml"), &o, &err);
	if (rc != 0)
		return cli_exit_for_status(rc);
	n = mediate_case_list_count(list);
	for (i = 0; i < n; i++) {
		const mediate_case *c = mediate_case_list_at(list, i);
		const mediate_agreement *a = mediate_case_agreement(c);
		by_state[mediate_case_get_state(c)]++;
		if (mediate_case_get_source(c) >= 1 && mediate_case_get_source(c) <= 8)
			by_source[mediate_case_get_source(c)]++;
		police += mediate_case_get_source(c) == MEDIATE_SOURCE_POLICE_110;
		agreements += mediate_case_get_outcome(c) == MEDIATE_OUTCOME_AGREEMENT;
		confirmed += a != NULL && mediate_agreement_is_enforceable(a);
		if (mediate_money_add(&total, total, mediate_case_amount(c)) != 0)
			total = MEDIATE_MONEY_MAX;
	}
	fprintf(d->out, "file:   %s\ncases:  %zu (%zu handed over from 110 calls)\n", cli_demo_path(d, "cases.yaml"), n,
	        police);
	mediate_money_format(money, sizeof money, total);
	fprintf(d->out, "amount in dispute: %s yuan; agreements: %zu, judicially confirmed: %zu\n", money, agreements,
	        confirmed);
	fputs("\nBy state:\n", d->out);
	for (s = 1; s <= MEDIATE_CASE_STATE_COUNT; s++) {
		fputs("  ", d->out);
		cli_put_padded(d->out, mediate_case_state_name((mediate_case_state)s), 16);
		fprintf(d->out, "%4zu\n", by_state[s]);
	}
	fputs("\nBy source:\n", d->out);
	for (s = 1; s <= 8; s++) {
		fputs("  ", d->out);
		cli_put_padded(d->out, mediate_case_source_name((mediate_case_source)s), 22);
		fprintf(d->out, "%4zu\n", by_source[s]);
	}
	/* One case of each of a few states, the story of the lifecycle. */
	fputs("\nA few cases:\n", d->out);
	for (s = MEDIATE_CASE_IN_MEDIATION; s <= MEDIATE_CASE_CLOSED && shown < 3; s += 5)
		for (i = 0; i < n; i++) {
			const mediate_case *c = mediate_case_list_at(list, i);
			if ((int)mediate_case_get_state(c) != s)
				continue;
			fputc('\n', d->out);
			show_case(d->out, c, 1);
			shown++;
			break;
		}
	mediate_case_list_free(list);
	return CLI_EXIT_OK;
}
