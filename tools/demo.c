/* SPDX-License-Identifier: MIT */
/*
 * mediate demo: loads the sample county (examples/data/county.yaml) and
 * prints what the library knows about it, one section after another.
 *
 * ADDING A SECTION (cases, grading, matching, pay, routing...):
 *   1. write `int demo_NAME(cli_demo *d)` -- in this file or in your own
 *      tools/ file (then put the prototype `int demo_NAME(cli_demo *d);`
 *      just above it); it prints to d->out, may read its own sample file
 *      with cli_demo_path(d, "cases.yaml"), and returns a CLI_EXIT_* code;
 *      on an error it prints a message and returns non-zero (the demo goes
 *      on with the other sections and exits with the highest code);
 *   2. add one line X(NAME, "Title") to DEMO_SECTIONS below, where the
 *      section belongs in the story.
 * `mediate demo --list` shows the sections; `--section NAME` runs some.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define DEMO_SECTIONS(X) \
	X(policy, "The policy") \
	X(county, "The county") \
	X(centres, "Mediation centres") \
	X(stations, "Police stations and their mediation studios") \
	X(towns, "Towns, communities and grids") \
	X(bodies, "Departments, enterprises, courts and associations") \
	X(taxonomy, "Dispute taxonomy") \
	X(cases, "Sample cases by state") \
	X(grading, "Grading: general, difficult and major disputes") \
	X(matching, "Matching: mediators for the waiting cases, one optimal batch") \
	X(roster, "The roster of mediators and the published menu") \
	X(payroll, "Pay: the payroll of November 2026 and a payslip") \
	X(routing, "Whistle, dispatch, report: a week of orders")

#define DEMO_DECLARE(name, title) int demo_##name(cli_demo *d);
#define DEMO_ENTRY(name, title) { #name, title, demo_##name },
DEMO_SECTIONS(DEMO_DECLARE)

static const struct {
	const char *name;
	const char *title;
	int (*run)(cli_demo *d);
} sections[] = { DEMO_SECTIONS(DEMO_ENTRY) };
#define NSECTIONS (sizeof sections / sizeof sections[0])

#define DEMO_USAGE \
	"usage: mediate demo [--data DIR] [--lang LANG] [--section NAME]... [--list]\n" \
	"\n" \
	"Loads the sample county (county.yaml in the data directory) and prints\n" \
	"what libmediate knows about it: the county, its mediation centres,\n" \
	"police stations, towns, communities and grids, the bodies that take\n" \
	"dispatched orders, and the dispute taxonomy.\n" \
	"\n" \
	"  -d, --data DIR      the sample data directory; without it: $MEDIATE_DATA,\n" \
	"                      then the source tree's examples/data, then the\n" \
	"                      installed data directory\n" \
	"  -l, --lang LANG     the second language of names (default en)\n" \
	"  -s, --section NAME  print only this section (may be repeated)\n" \
	"      --list          list the sections and exit\n"

static int run_demo(int argc, char **argv);

const cli_command cli_cmd_demo = {
	"demo",
	"print what the library knows about the sample county",
	DEMO_USAGE,
	run_demo
};

const char *
cli_demo_path(const cli_demo *d, const char *file)
{
	static char buf[PATH_MAX + 64];
	int n = snprintf(buf, sizeof buf, "%s/%s", d->data_dir, file);
	/* A path too long to exist: the load then fails with "not found". */
	if (n < 0 || (size_t)n >= sizeof buf)
		snprintf(buf, sizeof buf, "%s", file);
	return buf;
}

/* ---- helpers of the sections ---- */

static const char *
own_lang(const cli_demo *d)
{
	return mediate_policy_language(d->policy);
}

/* Prints "zh-name  en-name" with the first padded to width. */
static void
put_unit_names(const cli_demo *d, const mediate_unit *u, size_t width)
{
	const char *own = cli_unit_name(u, own_lang(d));
	const char *other = mediate_unit_name(u, d->lang);
	if (other != NULL && strcmp(own, other) != 0) {
		cli_put_padded(d->out, own, width);
		fputs(other, d->out);
	} else {
		fputs(own, d->out);
	}
}

static size_t
count_kind(const mediate_policy *p, mediate_unit_kind kind)
{
	size_t i, n = 0;
	for (i = 0; i < mediate_policy_unit_count(p); i++)
		if (mediate_unit_get_kind(mediate_policy_unit_at(p, i)) == kind)
			n++;
	return n;
}

/* The nearest ancestor (or the unit itself) of the given kind, or NULL. */
static const mediate_unit *
ancestor_of_kind(const mediate_unit *u, mediate_unit_kind kind)
{
	for (; u != NULL; u = mediate_unit_parent(u))
		if (mediate_unit_get_kind(u) == kind)
			return u;
	return NULL;
}

/* The widest name, in the policy's language, of the units of a kind. */
static size_t
name_width(const cli_demo *d, mediate_unit_kind kind)
{
	size_t i, w, max = 0;
	for (i = 0; i < mediate_policy_unit_count(d->policy); i++) {
		const mediate_unit *u = mediate_policy_unit_at(d->policy, i);
		if (kind != 0 && mediate_unit_get_kind(u) != kind)
			continue;
		w = cli_width(cli_unit_name(u, own_lang(d)));
		if (w > max)
			max = w;
	}
	return max + 2;
}

static size_t
code_width(const cli_demo *d, mediate_unit_kind kind)
{
	size_t i, w, max = 0;
	for (i = 0; i < mediate_policy_unit_count(d->policy); i++) {
		const mediate_unit *u = mediate_policy_unit_at(d->policy, i);
		if (kind != 0 && mediate_unit_get_kind(u) != kind)
			continue;
		w = strlen(mediate_unit_code(u));
		if (w > max)
			max = w;
	}
	return max + 2;
}

/* ---- the sections ---- */

int
demo_policy(cli_demo *d)
{
	const mediate_policy *p = d->policy;
	fprintf(d->out, "file:       %s\n", cli_demo_path(d, "county.yaml"));
	fprintf(d->out, "policy:     %s\n", mediate_policy_name(p));
	fprintf(d->out, "version:    %s\n", mediate_policy_version(p) != NULL ? mediate_policy_version(p) : "(none)");
	fprintf(d->out, "language:   %s (names also shown in %s)\n", own_lang(d), d->lang);
	fprintf(d->out, "library:    libmediate %s\n", mediate_version());
	fprintf(d->out, "categories: %zu\n", mediate_policy_category_count(p));
	fprintf(d->out, "org units:  %zu\n", mediate_policy_unit_count(p));
	return CLI_EXIT_OK;
}

int
demo_county(cli_demo *d)
{
	const mediate_policy *p = d->policy;
	size_t i, k;

	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		if (mediate_unit_get_kind(u) != MEDIATE_UNIT_COUNTY)
			continue;
		fprintf(d->out, "%s  ", mediate_unit_code(u));
		put_unit_names(d, u, cli_width(cli_unit_name(u, own_lang(d))) + 2);
		fputc('\n', d->out);
	}
	fprintf(d->out, "\nOrg units by kind:\n");
	for (k = MEDIATE_UNIT_COUNTY; k <= MEDIATE_UNIT_ASSOCIATION; k++) {
		size_t n = count_kind(p, (mediate_unit_kind)k);
		if (n == 0)
			continue;
		fputs("  ", d->out);
		cli_put_padded(d->out, mediate_unit_kind_name((mediate_unit_kind)k), 16);
		fprintf(d->out, "%4zu\n", n);
	}
	fputs("  ", d->out);
	cli_put_padded(d->out, "total", 16);
	fprintf(d->out, "%4zu\n", mediate_policy_unit_count(p));
	return CLI_EXIT_OK;
}

int
demo_centres(cli_demo *d)
{
	const mediate_policy *p = d->policy;
	size_t i, studios = 0, codew = code_width(d, MEDIATE_UNIT_CENTRE), namew = name_width(d, MEDIATE_UNIT_CENTRE);

	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		const mediate_unit *parent = mediate_unit_parent(u);
		if (mediate_unit_get_kind(u) != MEDIATE_UNIT_CENTRE)
			continue;
		/* The studios inside the stations are shown with their stations. */
		if (ancestor_of_kind(u, MEDIATE_UNIT_POLICE_STATION) != NULL) {
			studios++;
			continue;
		}
		{
			/* A centre inside a centre (the studio, the think tank) is indented. */
			int inner = parent != NULL && mediate_unit_get_kind(parent) == MEDIATE_UNIT_CENTRE;
			char code[128];
			snprintf(code, sizeof code, "%s%s", inner ? "  " : "", mediate_unit_code(u));
			fputs("  ", d->out);
			cli_put_padded(d->out, code, codew + 2);
		}
		put_unit_names(d, u, namew);
		fputc('\n', d->out);
	}
	fprintf(d->out, "  + %zu people's mediation studios inside police stations (next section)\n", studios);
	return CLI_EXIT_OK;
}

int
demo_stations(cli_demo *d)
{
	const mediate_policy *p = d->policy;
	size_t i, j, n = 0, codew = code_width(d, MEDIATE_UNIT_POLICE_STATION);
	size_t namew = name_width(d, MEDIATE_UNIT_POLICE_STATION), townw = name_width(d, MEDIATE_UNIT_TOWN);

	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		const mediate_unit *town;
		const mediate_unit *studio = NULL;
		if (mediate_unit_get_kind(u) != MEDIATE_UNIT_POLICE_STATION)
			continue;
		n++;
		town = ancestor_of_kind(mediate_unit_parent(u), MEDIATE_UNIT_TOWN);
		for (j = 0; j < mediate_policy_unit_count(p) && studio == NULL; j++) {
			const mediate_unit *s = mediate_policy_unit_at(p, j);
			if (mediate_unit_parent(s) == u && mediate_unit_get_kind(s) == MEDIATE_UNIT_CENTRE)
				studio = s;
		}
		fprintf(d->out, "%3zu  ", n);
		cli_put_padded(d->out, mediate_unit_code(u), codew);
		cli_put_padded(d->out, cli_unit_name(u, own_lang(d)), namew);
		cli_put_padded(d->out, town != NULL ? cli_unit_name(town, own_lang(d)) : "-", townw);
		fputs(studio != NULL ? "studio " : "no studio", d->out);
		if (studio != NULL)
			fputs(mediate_unit_code(studio), d->out);
		fputc('\n', d->out);
	}
	fprintf(d->out, "%zu police stations; a dispute called in on 110 is handed to the studio in the station.\n", n);
	return CLI_EXIT_OK;
}

int
demo_towns(cli_demo *d)
{
	const mediate_policy *p = d->policy;
	size_t i, j, codew = code_width(d, MEDIATE_UNIT_TOWN), namew = name_width(d, MEDIATE_UNIT_TOWN);
	size_t tot[4] = { 0, 0, 0, 0 }, ntowns = 0;

	fputs("     ", d->out);
	cli_put_padded(d->out, "code", codew);
	cli_put_padded(d->out, "name", namew);
	fputs("communities villages grids departments\n", d->out);
	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *t = mediate_policy_unit_at(p, i);
		size_t n[4] = { 0, 0, 0, 0 };
		if (mediate_unit_get_kind(t) != MEDIATE_UNIT_TOWN)
			continue;
		for (j = 0; j < mediate_policy_unit_count(p); j++) {
			const mediate_unit *u = mediate_policy_unit_at(p, j);
			if (u == t || !mediate_unit_is_within(u, t))
				continue;
			switch (mediate_unit_get_kind(u)) {
			case MEDIATE_UNIT_COMMUNITY: n[0]++; break;
			case MEDIATE_UNIT_VILLAGE: n[1]++; break;
			case MEDIATE_UNIT_GRID: n[2]++; break;
			case MEDIATE_UNIT_DEPARTMENT: n[3]++; break;
			default: break;
			}
		}
		fprintf(d->out, "%3zu  ", ++ntowns);
		cli_put_padded(d->out, mediate_unit_code(t), codew);
		cli_put_padded(d->out, cli_unit_name(t, own_lang(d)), namew);
		fprintf(d->out, "%11zu %8zu %5zu %11zu\n", n[0], n[1], n[2], n[3]);
		for (j = 0; j < 4; j++)
			tot[j] += n[j];
	}
	fputs("     ", d->out);
	cli_put_padded(d->out, "total", codew + namew);
	fprintf(d->out, "%11zu %8zu %5zu %11zu\n", tot[0], tot[1], tot[2], tot[3]);
	return CLI_EXIT_OK;
}

int
demo_bodies(cli_demo *d)
{
	static const mediate_unit_kind kinds[] = {
		MEDIATE_UNIT_DEPARTMENT, MEDIATE_UNIT_ENTERPRISE, MEDIATE_UNIT_COURT, MEDIATE_UNIT_ASSOCIATION
	};
	const mediate_policy *p = d->policy;
	size_t i, k, town_depts = 0, codew = code_width(d, 0), namew = 0;

	/* The county-level bodies are listed; town departments are counted. */
	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		size_t w = cli_width(cli_unit_name(u, own_lang(d))) + 2;
		if (ancestor_of_kind(u, MEDIATE_UNIT_TOWN) == NULL && w > namew)
			namew = w;
	}
	if (codew > 14)
		codew = 14;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		fprintf(d->out, "%s:\n", mediate_unit_kind_name(kinds[k]));
		for (i = 0; i < mediate_policy_unit_count(p); i++) {
			const mediate_unit *u = mediate_policy_unit_at(p, i);
			if (mediate_unit_get_kind(u) != kinds[k])
				continue;
			if (ancestor_of_kind(u, MEDIATE_UNIT_TOWN) != NULL) {
				town_depts++;
				continue;
			}
			fputs("  ", d->out);
			cli_put_padded(d->out, mediate_unit_code(u), codew);
			put_unit_names(d, u, namew);
			fputc('\n', d->out);
		}
	}
	fprintf(d->out, "+ %zu departments of the towns (综治中心, 综合执法队, 城建办 ...), counted above\n", town_depts);
	return CLI_EXIT_OK;
}

int
demo_taxonomy(cli_demo *d)
{
	const mediate_policy *p = d->policy;
	cli_tree t;
	size_t i, c, codew = 0, namew = 0, w, roots = 0;

	for (i = 0; i < mediate_policy_category_count(p); i++) {
		const mediate_category *cat = mediate_policy_category_at(p, i);
		w = 2 * mediate_category_depth(cat) + strlen(mediate_category_code(cat)) + 2;
		if (w > codew)
			codew = w;
		w = cli_width(cli_category_name(cat, own_lang(d))) + 2;
		if (w > namew)
			namew = w;
	}
	if (cli_tree_categories(&t, p) != 0) {
		cli_warn("demo", "out of memory");
		return CLI_EXIT_INTERNAL;
	}
	/* Two levels in the sample; deeper trees print the same way. */
	for (i = t.root; i != CLI_NONE; i = t.next[i]) {
		size_t stack[64], depth = 0;
		roots++;
		stack[0] = i;
		c = i;
		for (;;) {
			const mediate_category *cat = mediate_policy_category_at(p, c);
			const char *own = cli_category_name(cat, own_lang(d));
			const char *other = mediate_category_name(cat, d->lang);
			char code[160];
			snprintf(code, sizeof code, "%*s%s", (int)(2 * depth + 2), "", mediate_category_code(cat));
			cli_put_padded(d->out, code, codew + 2);
			cli_put_padded(d->out, own, namew);
			fprintf(d->out, "%s\n", other != NULL && strcmp(other, own) != 0 ? other : "");
			/* Next in pre-order, within this root. */
			if (t.first[c] != CLI_NONE && depth + 1 < sizeof stack / sizeof stack[0]) {
				stack[++depth] = c = t.first[c];
				continue;
			}
			while (depth > 0 && t.next[stack[depth]] == CLI_NONE)
				depth--;
			if (depth == 0)
				break;
			stack[depth] = c = t.next[stack[depth]];
		}
	}
	fprintf(d->out, "%zu categories in %zu families\n", mediate_policy_category_count(p), roots);
	cli_tree_free(&t);
	return CLI_EXIT_OK;
}

/* ---- the command ---- */

static int
find_section(const char *name)
{
	size_t i;
	for (i = 0; i < NSECTIONS; i++)
		if (strcmp(sections[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
run_demo(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "section", required_argument, NULL, 's' },
		{ "list", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char selected[NSECTIONS];
	char dir[PATH_MAX];
	const char *data = NULL;
	mediate_policy *policy = NULL;
	cli_demo d;
	int c, rc, worst = CLI_EXIT_OK, any_selected = 0, list = 0;
	size_t i;

	memset(selected, 0, sizeof selected);
	memset(&d, 0, sizeof d);
	d.out = stdout;
	d.lang = "en";
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:l:s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			data = optarg;
			break;
		case 'l':
			d.lang = optarg;
			break;
		case 's':
			if (find_section(optarg) < 0)
				return cli_usage_error("demo", "unknown section \"%s\" (see 'mediate demo --list')", optarg);
			selected[find_section(optarg)] = 1;
			any_selected = 1;
			break;
		case 'L':
			list = 1;
			break;
		case 'h':
			return cli_print_help(&cli_cmd_demo);
		default: return cli_bad_option("demo", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error("demo", "unexpected argument \"%s\"", argv[optind]);
	if (list) {
		for (i = 0; i < NSECTIONS; i++) {
			cli_put_padded(stdout, sections[i].name, 12);
			printf("%s\n", sections[i].title);
		}
		return CLI_EXIT_OK;
	}
	if ((rc = cli_find_data_dir("demo", data, dir, sizeof dir)) != 0)
		return rc;
	d.data_dir = dir;
	if ((rc = cli_load_policy(&policy, cli_demo_path(&d, "county.yaml"), NULL)) != CLI_EXIT_OK)
		return rc;
	d.policy = policy;
	printf("libmediate demo: the sample county of %s\n", dir);
	for (i = 0; i < NSECTIONS; i++) {
		char title[256];
		if (any_selected && !selected[i])
			continue;
		snprintf(title, sizeof title, "%zu. %s", i + 1, sections[i].title);
		cli_heading(stdout, title);
		rc = sections[i].run(&d);
		if (rc > worst)
			worst = rc;
		fflush(stdout);
	}
	mediate_policy_free(policy);
	return worst;
}
