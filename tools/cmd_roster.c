/* SPDX-License-Identifier: MIT */
/*
 * mediate roster check FILE...          validate rosters, errors compiler-style
 * mediate roster show FILE [--staff N]  list the mediators, or one in full
 * mediate roster menu [filters]         the published menu, as a portal shows it
 *
 * and the "roster" section of `mediate demo`.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

#define ROSTER_USAGE \
	"usage: mediate roster check [--policy FILE] [--data DIR] [--quiet] FILE...\n" \
	"       mediate roster show [--policy FILE] [--data DIR] [--staff N] FILE\n" \
	"       mediate roster menu [--category C] [--unit U] [--mode M] [--at TIME]\n" \
	"                           [--page N] [--page-size N] [--ratings FILE | --no-ratings]\n" \
	"                           [--roster FILE] [--policy FILE] [--data DIR]\n" \
	"\n" \
	"check  Loads and validates each roster FILE (mediate-roster(5)) against the\n" \
	"       policy.  Every error is printed on standard error the way compilers do:\n" \
	"           FILE:LINE:COLUMN: PATH: MESSAGE\n" \
	"       and a valid file gets one line on standard output:\n" \
	"           FILE: ok: N mediators (F full_time, P part_time, R retired_volunteer,\n" \
	"           E invited_expert), T in the think tank\n" \
	"  -q, --quiet             print nothing for valid files\n" \
	"\n" \
	"show   Prints one line per mediator: staff number, name, unit, post, level,\n" \
	"       load / capacity, duty and specialties; with --staff, every field of\n" \
	"       that mediator (a staff number or a mediator id).\n" \
	"  -s, --staff N           only this mediator, in full\n" \
	"\n" \
	"menu   Prints a page of the published menu: the mediators on duty at TIME who\n" \
	"       match every filter, best published score first (the Bayesian average\n" \
	"       of their ratings, or without ratings their best proficiency x 1000),\n" \
	"       ties by staff number; phones as the policy publishes them.\n" \
	"  -c, --category C        a specialty in category C or below it\n" \
	"  -u, --unit U            a mediator of unit U or below it\n" \
	"  -m, --mode M            offering mode M: on_the_spot, think_tank, joint,\n" \
	"                          remote_video or mobile\n" \
	"  -t, --at TIME           on duty at TIME, e.g. 2026-11-23T09:00:00+08:00\n" \
	"                          (default: now)\n" \
	"  -P, --page N            the page, from 1 (default 1)\n" \
	"  -n, --page-size N       mediators per page, 1..500 (default 10)\n" \
	"  -R, --ratings FILE      the ratings (default: ratings.yaml of the data\n" \
	"                          directory, if there is one)\n" \
	"      --no-ratings        order by proficiency, even when ratings exist\n" \
	"  -r, --roster FILE       the roster (default: roster.yaml of the data directory)\n" \
	"\n" \
	"Common options:\n" \
	"  -p, --policy FILE       the policy (default: county.yaml of the data directory)\n" \
	"  -d, --data DIR          the sample data directory (see mediate demo)\n" \
	"  -h, --help              this text\n" \
	"\n" \
	"Exit status: 0 on success, 1 when an input had errors (or --staff names\n" \
	"nobody, or a filter names an unknown code), 2 for a wrong command line, 3\n" \
	"when a file could not be read.\n"

static int run_roster(int argc, char **argv);
int demo_roster(cli_demo *d);

const cli_command cli_cmd_roster = {
	"roster",
	"check and show roster files; the published menu of mediators",
	ROSTER_USAGE,
	run_roster
};

/* A real county's roster is larger than the default document limit. */
#define ROSTER_MAX_BYTES ((size_t)256 << 20)
#define ROSTER_MAX_NODES ((size_t)50000000)

static void
load_options(mediate_load_options *o)
{
	mediate_load_options init = MEDIATE_LOAD_OPTIONS_INIT;
	*o = init;
	o->max_document_bytes = ROSTER_MAX_BYTES;
	o->max_nodes = ROSTER_MAX_NODES;
	o->on_error = cli_print_error;
}

static int
file_exists(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	fclose(f);
	return 1;
}

/* The policy: --policy, else county.yaml of the data directory. */
static int
load_policy(mediate_policy **out, const char *cmd, const char *policy_path, const char *data_dir)
{
	char dir[4096], path[4200];
	int rc;
	if (policy_path == NULL) {
		if ((rc = cli_find_data_dir(cmd, data_dir, dir, sizeof dir)) != 0)
			return rc;
		snprintf(path, sizeof path, "%s/county.yaml", dir);
		policy_path = path;
	}
	return cli_load_policy(out, policy_path, NULL);
}

static int
load_roster(mediate_roster **out, const mediate_policy *p, const char *path)
{
	mediate_load_options o;
	mediate_error err;
	load_options(&o);
	return cli_exit_for_status(mediate_roster_load_file(out, p, path, &o, &err));
}

/* ---- check ---- */

static int
roster_check(int argc, char **argv, const char *policy_path, const char *data_dir, int quiet)
{
	mediate_policy *p = NULL;
	int i, worst = CLI_EXIT_OK, rc;
	if (optind >= argc)
		return cli_usage_error("roster check", "no roster file given");
	if ((rc = load_policy(&p, "roster check", policy_path, data_dir)) != 0)
		return rc;
	for (i = optind; i < argc; i++) {
		mediate_roster *r = NULL;
		size_t posts[5] = { 0, 0, 0, 0, 0 }, tt = 0, k;
		rc = load_roster(&r, p, argv[i]);
		if (rc == CLI_EXIT_OK && !quiet) {
			for (k = 0; k < mediate_roster_count(r); k++) {
				const mediate_mediator *m = mediate_roster_at(r, k);
				posts[mediate_mediator_post(m)]++;
				tt += mediate_mediator_think_tank(m) != 0;
			}
			printf("%s: ok: %zu mediators (%zu full_time, %zu part_time, %zu retired_volunteer, "
			       "%zu invited_expert), %zu in the think tank\n", argv[i], mediate_roster_count(r),
			       posts[MEDIATE_POST_FULL_TIME], posts[MEDIATE_POST_PART_TIME],
			       posts[MEDIATE_POST_RETIRED_VOLUNTEER], posts[MEDIATE_POST_INVITED_EXPERT], tt);
		}
		mediate_roster_free(r);
		if (rc > worst)
			worst = rc;
	}
	mediate_policy_free(p);
	return worst;
}

/* ---- show ---- */

static void
print_specialties(FILE *out, const mediate_mediator *m, size_t max)
{
	size_t i, n = mediate_mediator_specialty_count(m);
	for (i = 0; i < n && i < max; i++)
		fprintf(out, "%s%s:%u", i ? " " : "", mediate_category_code(mediate_mediator_specialty_at(m, i)),
		        mediate_mediator_proficiency_at(m, i));
	if (n > max)
		fprintf(out, " +%zu", n - max);
}

static void
print_modes(FILE *out, const mediate_mediator *m)
{
	int mode, first = 1;
	for (mode = MEDIATE_MODE_ON_THE_SPOT; mode <= MEDIATE_MODE_MOBILE; mode++)
		if (mediate_mediator_offers(m, (mediate_case_mode)mode)) {
			fprintf(out, "%s%s", first ? "" : ", ", mediate_case_mode_name((mediate_case_mode)mode));
			first = 0;
		}
}

static void
print_micro(FILE *out, int32_t v)
{
	long long x = v;
	fprintf(out, "%s%lld.%06lld", x < 0 ? "-" : "", (x < 0 ? -x : x) / 1000000, (x < 0 ? -x : x) % 1000000);
}

static void
show_one(FILE *out, const mediate_mediator *m)
{
	const mediate_unit *u = mediate_mediator_unit(m), *b = mediate_mediator_external_body(m);
	int32_t lat, lon;
	size_t i;
	fprintf(out, "id:            %s\n", mediate_mediator_id(m));
	fprintf(out, "staff:         %s\n", mediate_mediator_staff_number(m));
	fprintf(out, "name:          %s\n", mediate_mediator_name(m));
	fprintf(out, "unit:          %s %s\n", mediate_unit_code(u), mediate_unit_name(u, NULL));
	fprintf(out, "post:          %s\n", mediate_post_type_name(mediate_mediator_post(m)));
	fprintf(out, "level:         %u\n", mediate_mediator_level(m));
	if (mediate_mediator_phone(m) != NULL)
		fprintf(out, "phone:         %s\n", mediate_mediator_phone(m));
	fprintf(out, "think tank:    %s\n", mediate_mediator_think_tank(m) ? "yes" : "no");
	if (b != NULL)
		fprintf(out, "external body: %s %s\n", mediate_unit_code(b), mediate_unit_name(b, NULL));
	fprintf(out, "specialties:  ");
	for (i = 0; i < mediate_mediator_specialty_count(m); i++) {
		const mediate_category *c = mediate_mediator_specialty_at(m, i);
		fprintf(out, " %s %s (%u)", mediate_category_code(c), mediate_category_name(c, NULL),
		        mediate_mediator_proficiency_at(m, i));
	}
	fprintf(out, "\nlanguages:    ");
	for (i = 0; i < mediate_mediator_language_count(m); i++)
		fprintf(out, " %s", mediate_mediator_language_at(m, i));
	fprintf(out, "\nmodes:         ");
	print_modes(out, m);
	fputc('\n', out);
	if (mediate_mediator_coordinates(&lat, &lon, m) == 0) {
		fprintf(out, "coordinates:   ");
		print_micro(out, lat);
		fputs(", ", out);
		print_micro(out, lon);
		fputc('\n', out);
	}
	fprintf(out, "load:          %u of %u (%u free)\n", mediate_mediator_load(m), mediate_mediator_capacity(m),
	        mediate_mediator_free_capacity(m));
	fprintf(out, "duty:          %s\n", mediate_duty_name(mediate_mediator_duty(m)));
	for (i = 0; i < mediate_mediator_leave_count(m); i++) {
		int64_t from, until;
		const char *reason;
		char a[MEDIATE_TIME_BUFSIZE], z[MEDIATE_TIME_BUFSIZE];
		mediate_mediator_leave_at(&from, &until, &reason, m, i);
		mediate_time_format(a, sizeof a, from, MEDIATE_OFFSET_CST);
		mediate_time_format(z, sizeof z, until, MEDIATE_OFFSET_CST);
		fprintf(out, "leave:         %s .. %s%s%s\n", a, z, reason ? " " : "", reason ? reason : "");
	}
	for (i = 0; i < mediate_mediator_recusal_count(m); i++) {
		const char *pid, *name, *rel;
		mediate_mediator_recusal_at(&pid, &name, &rel, m, i);
		fprintf(out, "recusal:       %s%s%s%s%s%s%s\n", pid ? "party " : "", pid ? pid : "",
		        pid && name ? " " : "", name ? name : "", rel ? " (" : "", rel ? rel : "", rel ? ")" : "");
	}
}

static int
roster_show(int argc, char **argv, const char *policy_path, const char *data_dir, const char *staff)
{
	mediate_policy *p = NULL;
	mediate_roster *r = NULL;
	size_t i;
	int rc;
	if (optind >= argc)
		return cli_usage_error("roster show", "no roster file given");
	if (optind + 1 < argc)
		return cli_usage_error("roster show", "one roster file at a time");
	if ((rc = load_policy(&p, "roster show", policy_path, data_dir)) != 0)
		return rc;
	if ((rc = load_roster(&r, p, argv[optind])) != 0) {
		mediate_policy_free(p);
		return rc;
	}
	if (staff != NULL) {
		const mediate_mediator *m = mediate_roster_find_staff(r, staff);
		if (m == NULL)
			m = mediate_roster_find(r, staff);
		if (m == NULL) {
			cli_warn("roster show", "%s: no mediator with staff number or id \"%s\"", argv[optind], staff);
			rc = CLI_EXIT_INPUT;
		} else {
			show_one(stdout, m);
		}
	} else {
		printf("%zu mediators\n", mediate_roster_count(r));
		for (i = 0; i < mediate_roster_count(r); i++) {
			const mediate_mediator *m = mediate_roster_at(r, i);
			printf("%-8s ", mediate_mediator_staff_number(m));
			cli_put_padded(stdout, mediate_mediator_name(m), 8);
			cli_put_padded(stdout, mediate_unit_code(mediate_mediator_unit(m)), 14);
			cli_put_padded(stdout, mediate_post_type_name(mediate_mediator_post(m)), 18);
			printf("L%u %3u/%-3u %-3s ", mediate_mediator_level(m), mediate_mediator_load(m),
			       mediate_mediator_capacity(m), mediate_duty_name(mediate_mediator_duty(m)));
			print_specialties(stdout, m, 3);
			putchar('\n');
		}
	}
	mediate_roster_free(r);
	mediate_policy_free(p);
	return rc;
}

/* ---- menu ---- */

typedef struct menu_args {
	const char *category, *unit, *ratings_path, *roster_path;
	mediate_case_mode mode;
	int64_t at;
	size_t page, page_size;
	int no_ratings;
} menu_args;

static int
print_menu(FILE *out, const char *cmd, const mediate_policy *p, const mediate_roster *r,
           const mediate_ratings *ratings, const menu_args *a)
{
	mediate_menu *menu = NULL;
	char when[MEDIATE_TIME_BUFSIZE];
	size_t i, pages;
	int rc;
	if ((rc = mediate_roster_menu(&menu, r, ratings, a->category, a->unit, a->mode, a->at, a->page - 1,
	                              a->page_size)) != 0) {
		cli_warn(cmd, "%s", mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	mediate_time_format(when, sizeof when, a->at, MEDIATE_OFFSET_CST);
	pages = (mediate_menu_total(menu) + a->page_size - 1) / a->page_size;
	if (pages == 0)
		pages = 1;
	fprintf(out, "%zu mediators on duty at %s", mediate_menu_total(menu), when);
	if (a->category != NULL) {
		const mediate_category *c = mediate_policy_category_find(p, a->category);
		fprintf(out, ", %s %s", a->category, mediate_category_name(c, NULL));
	}
	if (a->unit != NULL) {
		const mediate_unit *u = mediate_policy_unit_find(p, a->unit);
		fprintf(out, ", in %s %s", a->unit, mediate_unit_name(u, NULL));
	}
	if ((int)a->mode != 0)
		fprintf(out, ", offering %s", mediate_case_mode_name(a->mode));
	fprintf(out, "; page %zu of %zu; score: %s\n", a->page, pages,
	        ratings != NULL ? "Bayesian average of ratings (stars x 1000)" : "best proficiency x 1000");
	for (i = 0; i < mediate_menu_count(menu); i++) {
		const mediate_mediator *m = mediate_menu_mediator_at(menu, i);
		const char *phone = mediate_menu_phone(menu, i);
		fprintf(out, "%3zu. %5d  %-8s ", (a->page - 1) * a->page_size + i + 1, (int)mediate_menu_score(menu, i),
		        mediate_mediator_staff_number(m));
		cli_put_padded(out, mediate_mediator_name(m), 8);
		cli_put_padded(out, mediate_unit_name(mediate_mediator_unit(m), NULL), 26);
		cli_put_padded(out, phone != NULL ? phone : "-", 12);
		print_specialties(out, m, 3);
		fputc('\n', out);
	}
	mediate_menu_free(menu);
	return CLI_EXIT_OK;
}

static int
roster_menu(const char *policy_path, const char *data_dir, menu_args *a)
{
	char dir[4096], rpath[4200], tpath[4200];
	mediate_policy *p = NULL;
	mediate_roster *r = NULL;
	mediate_ratings *ratings = NULL;
	int rc, need_dir = a->roster_path == NULL || policy_path == NULL || (a->ratings_path == NULL && !a->no_ratings);

	if (need_dir && (rc = cli_find_data_dir("roster menu", data_dir, dir, sizeof dir)) != 0) {
		if (a->roster_path == NULL || policy_path == NULL)
			return rc;
		need_dir = 0;   /* only the optional ratings were to come from it */
	}
	if ((rc = load_policy(&p, "roster menu", policy_path, data_dir)) != 0)
		return rc;
	if (a->roster_path == NULL) {
		snprintf(rpath, sizeof rpath, "%s/roster.yaml", dir);
		a->roster_path = rpath;
	}
	if (a->ratings_path == NULL && !a->no_ratings && need_dir) {
		snprintf(tpath, sizeof tpath, "%s/ratings.yaml", dir);
		if (file_exists(tpath))
			a->ratings_path = tpath;
	}
	if ((rc = load_roster(&r, p, a->roster_path)) == 0 && a->ratings_path != NULL && !a->no_ratings) {
		mediate_load_options o;
		mediate_error err;
		load_options(&o);
		rc = cli_exit_for_status(mediate_ratings_load_file(&ratings, p, a->ratings_path, &o, &err));
	}
	if (rc == 0)
		rc = print_menu(stdout, "roster menu", p, r, ratings, a);
	mediate_ratings_free(ratings);
	mediate_roster_free(r);
	mediate_policy_free(p);
	return rc;
}

/* ---- the command ---- */

static int
run_roster(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "policy", required_argument, NULL, 'p' },
		{ "data", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "staff", required_argument, NULL, 's' },
		{ "category", required_argument, NULL, 'c' },
		{ "unit", required_argument, NULL, 'u' },
		{ "mode", required_argument, NULL, 'm' },
		{ "at", required_argument, NULL, 't' },
		{ "page", required_argument, NULL, 'P' },
		{ "page-size", required_argument, NULL, 'n' },
		{ "ratings", required_argument, NULL, 'R' },
		{ "no-ratings", no_argument, NULL, 'N' },
		{ "roster", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *policy_path = NULL, *data_dir = NULL, *staff = NULL;
	menu_args a;
	unsigned long v;
	int c, quiet = 0;
	char cmd[32];

	/* Options may come before or after the subcommand (getopt permutes). */
	for (c = 1, sub = ""; c < argc && *sub == '\0'; c++)
		if (strcmp(argv[c], "check") == 0 || strcmp(argv[c], "show") == 0 || strcmp(argv[c], "menu") == 0)
			sub = argv[c];
	snprintf(cmd, sizeof cmd, "roster%s%s", *sub ? " " : "", sub);
	memset(&a, 0, sizeof a);
	a.page = 1;
	a.page_size = 10;
	a.at = (int64_t)time(NULL);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":p:d:qs:c:u:m:t:P:n:R:r:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			return cli_print_help(&cli_cmd_roster);
		case 'p':
			policy_path = optarg;
			break;
		case 'd':
			data_dir = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			staff = optarg;
			break;
		case 'c':
			a.category = optarg;
			break;
		case 'u':
			a.unit = optarg;
			break;
		case 'm':
			if (mediate_case_mode_parse(&a.mode, optarg) != 0)
				return cli_usage_error(cmd, "unknown mode \"%s\" (on_the_spot, think_tank, joint, "
				                       "remote_video or mobile)", optarg);
			break;
		case 't':
			if (mediate_time_parse(&a.at, NULL, optarg) != 0)
				return cli_usage_error(cmd, "--at: %s", mediate_error_last()->text);
			break;
		case 'P':
			if (cli_parse_count(cmd, "--page", optarg, 1000000000, &v) != 0)
				return CLI_EXIT_USAGE;
			if (v == 0)
				return cli_usage_error(cmd, "--page counts from 1");
			a.page = v;
			break;
		case 'n':
			if (cli_parse_count(cmd, "--page-size", optarg, 500, &v) != 0)
				return CLI_EXIT_USAGE;
			if (v == 0)
				return cli_usage_error(cmd, "--page-size is 1..500");
			a.page_size = v;
			break;
		case 'R':
			a.ratings_path = optarg;
			break;
		case 'N':
			a.no_ratings = 1;
			break;
		case 'r':
			a.roster_path = optarg;
			break;
		default:
			return cli_bad_option(cmd, c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("roster", "check, show or menu expected");
	sub = argv[optind++];
	if (strcmp(sub, "check") != 0 && strcmp(sub, "show") != 0 && strcmp(sub, "menu") != 0)
		return cli_usage_error("roster", "unknown subcommand \"%s\" (check, show or menu)", sub);
	if (strcmp(sub, "check") == 0)
		return roster_check(argc, argv, policy_path, data_dir, quiet);
	if (strcmp(sub, "show") == 0)
		return roster_show(argc, argv, policy_path, data_dir, staff);
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument \"%s\"", argv[optind]);
	return roster_menu(policy_path, data_dir, &a);
}

/* ---- demo ---- */

int
demo_roster(cli_demo *d)
{
	mediate_roster *r = NULL;
	mediate_load_options o;
	mediate_error err;
	size_t posts[5] = { 0, 0, 0, 0, 0 }, levels[MEDIATE_MEDIATOR_LEVEL_MAX + 1], i, k, stations = 0;
	size_t studios = 0, centre = 0, experts = 0, shown = 0, offers[6] = { 0, 0, 0, 0, 0, 0 }, leave = 0;
	const char *path = cli_demo_path(d, "roster.yaml");
	menu_args a;
	int64_t at;

	if (!file_exists(path)) {
		fprintf(d->out, "(no roster.yaml in %s)\n", d->data_dir);
		return CLI_EXIT_OK;
	}
	load_options(&o);
	if (mediate_roster_load_file(&r, d->policy, path, &o, &err) != 0)
		return CLI_EXIT_INPUT;
	memset(levels, 0, sizeof levels);
	mediate_time_parse(&at, NULL, "2026-11-23T09:00:00+08:00");
	for (i = 0; i < mediate_roster_count(r); i++) {
		const mediate_mediator *m = mediate_roster_at(r, i);
		const mediate_unit *u = mediate_mediator_unit(m), *parent = mediate_unit_parent(u);
		posts[mediate_mediator_post(m)]++;
		levels[mediate_mediator_level(m)]++;
		if (parent != NULL && mediate_unit_get_kind(parent) == MEDIATE_UNIT_POLICE_STATION)
			studios++;
		else if (mediate_mediator_think_tank(m))
			experts++;
		else
			centre++;
		for (k = 1; k <= 5; k++)
			offers[k] += mediate_mediator_offers(m, (mediate_case_mode)k) != 0;
		leave += mediate_mediator_duty_at(m, at) == MEDIATE_DUTY_LEAVE;
	}
	for (i = 0; i < mediate_policy_unit_count(d->policy); i++)
		stations += mediate_unit_get_kind(mediate_policy_unit_at(d->policy, i)) == MEDIATE_UNIT_POLICE_STATION;
	fprintf(d->out, "%zu mediators: %zu in the studios of the %zu police stations, %zu at the county "
	        "centre and the 老潘 studio, %zu in the think tank\n", mediate_roster_count(r), studios, stations,
	        centre, experts);
	fprintf(d->out, "  by post: full_time %zu, part_time %zu, retired_volunteer %zu, invited_expert %zu\n",
	        posts[1], posts[2], posts[3], posts[4]);
	fprintf(d->out, "  by level:");
	for (k = 1; k <= MEDIATE_MEDIATOR_LEVEL_MAX; k++)
		if (levels[k] > 0)
			fprintf(d->out, " L%zu %zu", k, levels[k]);
	fprintf(d->out, "\n  offering: on_the_spot %zu, think_tank %zu, joint %zu, remote_video %zu, mobile %zu\n",
	        offers[1], offers[2], offers[3], offers[4], offers[5]);
	fprintf(d->out, "  on leave on 2026-11-23: %zu\n", leave);
	fprintf(d->out, "\nthink-tank experts (first 8):\n");
	for (i = 0; i < mediate_roster_count(r) && shown < 8; i++) {
		const mediate_mediator *m = mediate_roster_at(r, i);
		const mediate_unit *b = mediate_mediator_external_body(m);
		if (!mediate_mediator_think_tank(m))
			continue;
		fprintf(d->out, "  %-7s ", mediate_mediator_staff_number(m));
		cli_put_padded(d->out, mediate_mediator_name(m), 8);
		cli_put_padded(d->out, b != NULL ? mediate_unit_name(b, NULL) : "-", 30);
		for (k = 0; k < mediate_mediator_specialty_count(m); k++)
			fprintf(d->out, "%s%s", k ? "、" : "",
			        mediate_category_name(mediate_mediator_specialty_at(m, k), NULL));
		fputc('\n', d->out);
		shown++;
	}
	fprintf(d->out, "\nthe published menu: neighbour disputes (邻里纠纷) in 钟公庙街道, 2026-11-23 09:00\n");
	memset(&a, 0, sizeof a);
	a.category = "neighbour";
	a.unit = "YZ-ZGM";
	a.at = at;
	a.page = 1;
	a.page_size = 5;
	{
		/* With the sample ratings when there are some. */
		mediate_ratings *ratings = NULL;
		const char *tpath = cli_demo_path(d, "ratings.yaml");
		if (file_exists(tpath) && mediate_ratings_load_file(&ratings, d->policy, tpath, &o, &err) != 0)
			ratings = NULL;
		print_menu(d->out, "demo", d->policy, r, ratings, &a);
		mediate_ratings_free(ratings);
	}
	mediate_roster_free(r);
	return CLI_EXIT_OK;
}
