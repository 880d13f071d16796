/* SPDX-License-Identifier: MIT */
/*
 * mediate grade [--policy P] [--data DIR] [--explain] [--all] FILE...
 * and the "grading" section of `mediate demo`.
 *
 * Grades every case of the case files against the policy's grading rules
 * and prints, per case, the level, the points, the resolution path and what
 * decided; --explain adds every rule that fired (--all: every rule).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define GRADE_MAX_BYTES ((size_t)256 << 20)
#define GRADE_MAX_NODES ((size_t)50000000)

#define GRADE_USAGE \
	"usage: mediate grade [OPTIONS] FILE...\n" \
	"\n" \
	"Grades each case of the case files (mediate-case(5)) with the grading rules\n" \
	"of the policy (mediate-policy(5), section grading) and prints one line per\n" \
	"case: number, category, level, points, resolution path, and the rule whose\n" \
	"floor decided (if one did), then the distribution by level.\n" \
	"\n" \
	"  -e, --explain        also list every rule that fired and what it added\n" \
	"  -a, --all            with --explain: list the rules that did not fire too\n" \
	"  -p, --policy FILE    the policy (default: county.yaml of the data directory)\n" \
	"  -d, --data DIR       the sample data directory (see mediate demo)\n" \
	"  -h, --help           this text\n" \
	"\n" \
	"Exit status: 0 when every case was graded, 1 when a file or a case had\n" \
	"errors, 2 for a wrong command line, 3 when a file could not be read.\n"

static int run_grade(int argc, char **argv);

const cli_command cli_cmd_grade = {
	"grade",
	"grade cases: level, points, resolution path and the rules that decided",
	GRADE_USAGE,
	run_grade
};

static void
explain(FILE *out, const mediate_grade_result *r)
{
	size_t i, n = mediate_grade_result_trace_count(r);
	for (i = 0; i < n; i++) {
		const char *desc = mediate_grade_result_trace_description(r, i);
		const mediate_level *floor = mediate_grade_result_trace_floor(r, i);
		int fired = mediate_grade_result_trace_fired(r, i);
		fprintf(out, "      %s %-22s", fired ? "+" : " ", mediate_grade_result_trace_rule(r, i));
		if (fired && mediate_grade_result_trace_points(r, i) != 0)
			fprintf(out, " %+4lld", (long long)mediate_grade_result_trace_points(r, i));
		else
			fprintf(out, "     ");
		if (floor != NULL)
			fprintf(out, "  floor %s", mediate_level_code(floor));
		if (desc != NULL)
			fprintf(out, "  %s", desc);
		fputc('\n', out);
	}
}

/* Prints one case's grade and counts it in by_level (if not NULL); returns 0
 * or a CLI exit code. */
static int
grade_one(FILE *out, const mediate_policy *p, const mediate_case *c, int flags, int explain_it,
          size_t *by_level)
{
	mediate_grade_result *r = NULL;
	const mediate_level *l;
	const char *number = mediate_case_number(c);
	char due[MEDIATE_TIME_BUFSIZE] = "";
	int64_t t;
	size_t j, nb;
	int rc;

	rc = mediate_grade(&r, p, c, (unsigned int)flags);
	if (rc != 0) {
		cli_warn("grade", "%s: %s", number ? number : mediate_case_id_text(c), mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	l = mediate_grade_result_level(r);
	if (by_level != NULL)
		by_level[mediate_level_rank(l)]++;
	if (mediate_grade_result_due(&t, r) == 0)
		mediate_time_format(due, sizeof due, t, mediate_case_offset(c));
	fprintf(out, "%-24s %-28s %-10s %4lld  %-11s due %.10s", number ? number : mediate_case_id_text(c),
	        mediate_category_code(mediate_case_category(c)), mediate_level_code(l),
	        (long long)mediate_grade_result_points(r), mediate_resolution_path_name(mediate_grade_result_path(r)),
	        due);
	if (mediate_grade_result_deciding_rule(r) != NULL)
		fprintf(out, "  floor: %s", mediate_grade_result_deciding_rule(r));
	nb = mediate_grade_result_joint_body_count(r);
	if (nb > 0) {
		fprintf(out, "  with:");
		for (j = 0; j < nb; j++)
			fprintf(out, " %s", mediate_unit_code(mediate_grade_result_joint_body_at(r, j)));
	}
	fputc('\n', out);
	if (explain_it)
		explain(out, r);
	mediate_grade_result_free(r);
	return 0;
}

static void
print_distribution(FILE *out, const mediate_policy *p, const size_t *by_level, size_t total, const char *lang)
{
	size_t i;
	for (i = 0; i < mediate_policy_level_count(p); i++) {
		const mediate_level *l = mediate_policy_level_at(p, i);
		fprintf(out, "  %-10s ", mediate_level_code(l));
		cli_put_padded(out, mediate_level_name(l, NULL), 10);
		fprintf(out, " %-12s %5zu  (%4.1f%%)", mediate_resolution_path_name(mediate_level_path(l)), by_level[i],
		        total ? 100.0 * (double)by_level[i] / (double)total : 0.0);
		if (lang != NULL)
			fprintf(out, "  %s", mediate_level_name(l, lang));
		fputc('\n', out);
	}
}

static int
run_grade(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "explain", no_argument, NULL, 'e' },
		{ "all", no_argument, NULL, 'a' },
		{ "policy", required_argument, NULL, 'p' },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *policy_path = NULL, *data_dir = NULL;
	char dir[4096], path[4200];
	mediate_policy *p = NULL;
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	int c, explain_it = 0, all = 0, worst = 0, rc, i;
	size_t by_level[64] = { 0 }, total = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":eap:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': explain_it = 1; break;
		case 'a': all = 1; break;
		case 'p': policy_path = optarg; break;
		case 'd': data_dir = optarg; break;
		case 'h': cli_print_help(&cli_cmd_grade); return CLI_EXIT_OK;
		default: return cli_bad_option("grade", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("grade", "no case file given");
	if (policy_path == NULL) {
		if ((rc = cli_find_data_dir("grade", data_dir, dir, sizeof dir)) != 0)
			return rc;
		snprintf(path, sizeof path, "%s/county.yaml", dir);
		policy_path = path;
	}
	if ((rc = cli_load_policy(&p, policy_path, NULL)) != 0)
		return rc;
	if (mediate_policy_level_count(p) == 0) {
		cli_warn("grade", "%s: the policy has no grading section", policy_path);
		mediate_policy_free(p);
		return CLI_EXIT_INPUT;
	}
	o.max_document_bytes = GRADE_MAX_BYTES;
	o.max_nodes = GRADE_MAX_NODES;
	o.on_error = cli_print_error;
	for (i = optind; i < argc; i++) {
		mediate_case_list *list = NULL;
		mediate_error err;
		size_t k, n;
		rc = mediate_case_list_load_file(&list, p, argv[i], &o, &err);
		if (rc != 0) {
			rc = cli_exit_for_status(rc);
			worst = rc > worst ? rc : worst;
			continue;
		}
		n = mediate_case_list_count(list);
		for (k = 0; k < n; k++) {
			rc = grade_one(stdout, p, mediate_case_list_at(list, k), all ? MEDIATE_GRADE_TRACE_ALL : 0,
			               explain_it, by_level);
			if (rc != 0)
				worst = rc > worst ? rc : worst;
			else
				total++;
		}
		mediate_case_list_free(list);
	}
	printf("\n%zu cases graded:\n", total);
	print_distribution(stdout, p, by_level, total, NULL);
	mediate_policy_free(p);
	return worst;
}

int demo_grading(cli_demo *d);

/* The demo: the sample cases by level and resolution path, and how a few were decided. */
int
demo_grading(cli_demo *d)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_case_list *list = NULL;
	mediate_error err;
	const mediate_policy *p = d->policy;
	size_t by_level[64] = { 0 }, i, n, shown[64] = { 0 };
	int rc;

	if (mediate_policy_level_count(p) == 0) {
		fprintf(d->out, "(the policy has no grading section)\n");
		return 0;
	}
	o.max_document_bytes = GRADE_MAX_BYTES;
	o.max_nodes = GRADE_MAX_NODES;
	o.on_error = cli_print_error;
	rc = mediate_case_list_load_file(&list, p, cli_demo_path(d, "cases.yaml"), &o, &err);
	if (rc != 0)
		return cli_exit_for_status(rc);
	n = mediate_case_list_count(list);
	{
		const mediate_level **levels = calloc(n ? n : 1, sizeof *levels);
		const mediate_case **cases = calloc(n ? n : 1, sizeof *cases);
		if (levels == NULL || cases == NULL) {
			free(levels);
			free(cases);
			mediate_case_list_free(list);
			return CLI_EXIT_INTERNAL;
		}
		for (i = 0; i < n; i++)
			cases[i] = mediate_case_list_at(list, i);
		rc = mediate_grade_batch(p, cases, n, levels, NULL, NULL);
		if (rc == 0)
			for (i = 0; i < n; i++)
				by_level[mediate_level_rank(levels[i])]++;
		free(levels);
		free(cases);
	}
	if (rc != 0) {
		cli_warn("demo", "grading: %s", mediate_error_last()->text);
		mediate_case_list_free(list);
		return cli_exit_for_status(rc);
	}
	fprintf(d->out, "%zu sample cases graded by %zu rules:\n", n, mediate_policy_grading_rule_count(p));
	print_distribution(d->out, p, by_level, n, d->lang);
	fprintf(d->out, "\nHow one case of each level was decided:\n");
	for (i = 0; i < n; i++) {
		const mediate_case *c = mediate_case_list_at(list, i);
		mediate_grade_result *r = NULL;
		size_t rank;
		if (mediate_grade(&r, p, c, 0) != 0)
			continue;
		rank = mediate_level_rank(mediate_grade_result_level(r));
		/* the most explained case: one with a few rules firing */
		if (!shown[rank] && mediate_grade_result_trace_count(r) >= (rank == 0 ? 0u : 2u)) {
			shown[rank] = 1;
			mediate_grade_result_free(r);
			fprintf(d->out, "  ");
			grade_one(d->out, p, c, 0, 1, NULL);
			continue;
		}
		mediate_grade_result_free(r);
	}
	mediate_case_list_free(list);
	return 0;
}
