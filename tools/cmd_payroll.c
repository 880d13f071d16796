/* SPDX-License-Identifier: MIT */
/*
 * mediate payroll --month YYYY-MM [options]: the monthly payroll of the
 * mediators (base + grade salary + incentive per resolved case), and the
 * "payroll" section of `mediate demo`.
 *
 * Reads the policy (section pay), the roster, the ratings and the case
 * files, runs mediate_payroll_*() for the month and prints the result as
 * text (per unit and overall totals, one row per mediator, or one payslip
 * with every line and, with --explain, how each line was computed), YAML or
 * CSV (the library's exports, byte-identical for the same inputs).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The sample files are small, but a real county's case file is not. */
#define PAYROLL_MAX_BYTES ((size_t)256 << 20)
#define PAYROLL_MAX_NODES ((size_t)50000000)
#define PAYROLL_MAX_CASE_FILES 64
#define PAYROLL_MAX_DEDUCTIONS 256
#define PAYROLL_DEDUCTION_MAX 1024   /* bytes of one --deduction */

#define PAYROLL_USAGE \
	"usage: mediate payroll --month YYYY-MM [OPTIONS]\n" \
	"\n" \
	"Computes the month's pay of every mediator of the roster: base salary by post\n" \
	"type, grade salary by level, and the incentive (以奖代补) for each case resolved\n" \
	"in the month by its level, outcome and the mediator's rating, with the caps\n" \
	"and unit budgets of the policy (mediate-policy(5), section pay).  Prints the\n" \
	"totals per unit and overall and one row per mediator, or one payslip.\n" \
	"Cases of the month that carry no level (never graded) are graded by the\n" \
	"policy's rules first, as 'mediate grade' does.\n" \
	"\n" \
	"  -m, --month YYYY-MM     the month (required), e.g. 2026-11\n" \
	"  -f, --format FORMAT     text (default), yaml or csv\n" \
	"  -s, --payslip WHO       only the payslip of this mediator: a staff number\n" \
	"                          or a mediator id\n" \
	"  -e, --explain           text: explain every line of the payslips printed\n" \
	"                          (without --payslip: every payslip in full)\n" \
	"  -S, --summary           totals only: units and overall (yaml and csv: one\n" \
	"                          row or entry per mediator, no lines)\n" \
	"  -o, --output FILE       write to FILE instead of standard output\n" \
	"  -p, --policy FILE       the policy (default: county.yaml of the data directory)\n" \
	"  -r, --roster FILE       the roster (default: roster.yaml of the data directory)\n" \
	"  -R, --ratings FILE      the ratings (default: ratings.yaml of the data\n" \
	"                          directory, if there is one)\n" \
	"      --no-ratings        use no ratings: every mediator has the policy's prior\n" \
	"  -c, --cases FILE        a case file (default: cases.yaml of the data\n" \
	"                          directory); may be repeated\n" \
	"  -D, --deduction WHO,CODE,TIME[,CASE[,NOTE]]\n" \
	"                          a deduction of the policy's pay.deductions (e.g.\n" \
	"                          upheld_complaint) from the mediator WHO (staff\n" \
	"                          number or id) at TIME in the month (RFC 3339, e.g.\n" \
	"                          2026-11-20T10:00:00+08:00), for case CASE, with a\n" \
	"                          NOTE (the rest of the text); may be repeated\n" \
	"  -d, --data DIR          the sample data directory (see mediate demo)\n" \
	"  -h, --help              this text\n" \
	"\n" \
	"Exit status: 0 on success, 1 when an input had errors (a mediator of a case\n" \
	"not on the roster, a policy without a pay section, an unknown --payslip or\n" \
	"deduction code, a deduction outside the month),\n" \
	"2 for a wrong command line (a malformed month), 3 when a file could not be\n" \
	"read or written.\n"

static int run_payroll(int argc, char **argv);
int demo_payroll(cli_demo *d);

const cli_command cli_cmd_payroll = {
	"payroll",
	"the monthly pay of the mediators: salary, case awards, payslips",
	PAYROLL_USAGE,
	run_payroll
};

/* ---- inputs ---- */

/* One --deduction, split in place: WHO,CODE,TIME[,CASE[,NOTE]]. */
typedef struct pay_deduction {
	const char *spec;        /* as given, for messages */
	char buf[PAYROLL_DEDUCTION_MAX];
	const char *who, *code, *case_number, *note;
	int64_t at;
} pay_deduction;

/* Splits spec into d; 0, or a CLI usage error printed. */
static int
parse_deduction(pay_deduction *d, const char *spec)
{
	char *f[5] = { NULL, NULL, NULL, NULL, NULL };
	char *p;
	int n = 0, off;

	memset(d, 0, sizeof *d);
	d->spec = spec;
	if (strlen(spec) >= sizeof d->buf)
		return cli_usage_error("payroll", "--deduction: longer than %d bytes", PAYROLL_DEDUCTION_MAX - 1);
	strcpy(d->buf, spec);
	for (p = d->buf; n < 5; n++) {
		f[n] = p;
		if (n == 4 || (p = strchr(p, ',')) == NULL)
			break;
		*p++ = '\0';
	}
	if (f[1] == NULL || f[2] == NULL || *f[0] == '\0' || *f[1] == '\0')
		return cli_usage_error("payroll", "--deduction \"%s\": expected WHO,CODE,TIME[,CASE[,NOTE]]", spec);
	if (mediate_time_parse(&d->at, &off, f[2]) != 0)
		return cli_usage_error("payroll", "--deduction \"%s\": \"%s\" is not a time like 2026-11-20T10:00:00+08:00",
		                       spec, f[2]);
	d->who = f[0];
	d->code = f[1];
	d->case_number = f[3] != NULL && *f[3] != '\0' ? f[3] : NULL;
	d->note = f[4] != NULL && *f[4] != '\0' ? f[4] : NULL;
	return 0;
}

typedef struct pay_job {
	const mediate_policy *policy;
	mediate_roster *roster;
	mediate_ratings *ratings;
	mediate_payroll *run;
	size_t cases_added;      /* cases resolved in the month, over every file */
	size_t cases_seen;       /* cases read, over every file */
	size_t cases_graded;     /* of the added, those graded here (no kept level) */
	int days;                /* days in the month */
} pay_job;

static void
job_free(pay_job *j)
{
	mediate_payroll_free(j->run);
	mediate_ratings_free(j->ratings);
	mediate_roster_free(j->roster);
	memset(j, 0, sizeof *j);
}

static void
load_options(mediate_load_options *o)
{
	mediate_load_options init = MEDIATE_LOAD_OPTIONS_INIT;
	*o = init;
	o->max_document_bytes = PAYROLL_MAX_BYTES;
	o->max_nodes = PAYROLL_MAX_NODES;
	o->on_error = cli_print_error;
}

/* Reports the last error of libmediate (after what, if not NULL) and returns its exit code. */
static int
fail_status(const char *cmd, const char *what, int status)
{
	if (what != NULL)
		cli_warn(cmd, "%s: %s", what, mediate_error_last()->text);
	else
		cli_warn(cmd, "%s", mediate_error_last()->text);
	return cli_exit_for_status(status);
}

/*
 * Adds one case of a case file if it ended within [start, end).  A case
 * with a kept level (mediate_case_level()) goes in whole through
 * mediate_payroll_add_case(); one that was never graded (sample and
 * imported files often carry no grade) is graded by the policy's rules and
 * goes in as one raw award per mediator, with the same outcome, role, team
 * size and time.  Returns 0 or a libmediate status (the last error says
 * what).
 */
static int
add_one_case(pay_job *j, const mediate_case *c, int64_t start, int64_t end)
{
	mediate_pay_outcome outcome;
	mediate_grade_result *r = NULL;
	const char *number, *level;
	int confirmed = 0, rc;
	int64_t at = 0;
	size_t i, n;

	rc = mediate_pay_case_outcome(&outcome, &confirmed, &at, c);
	if (rc == MEDIATE_ESTATE)
		return 0;                  /* not ended: not in any payroll yet */
	if (rc != 0)
		return rc;
	if (at < start || at >= end)
		return 0;                  /* another month's */
	if (mediate_case_level(c) != NULL) {
		if ((rc = mediate_payroll_add_case(j->run, c)) == 0)
			j->cases_added++;
		return rc;
	}
	if ((number = mediate_case_number(c)) == NULL)
		return mediate_payroll_add_case(j->run, c);   /* refused with the library's message */
	if ((rc = mediate_grade(&r, j->policy, c, 0)) != 0)
		return rc;
	level = mediate_level_code(mediate_grade_result_level(r));
	n = mediate_case_mediator_count(c);
	if (n == 0)
		rc = mediate_payroll_add_case(j->run, c);     /* refused: no mediator */
	for (i = 0; i < n && rc == 0; i++) {
		const mediate_case_mediator *m = mediate_case_mediator_at(c, i);
		rc = mediate_payroll_add_award(j->run, mediate_case_mediator_id(m), number, level, outcome, confirmed,
		                               mediate_case_mediator_get_role(m), (unsigned int)n, at);
	}
	mediate_grade_result_free(r);
	if (rc == 0) {
		j->cases_added++;
		j->cases_graded++;
	}
	return rc;
}

/*
 * Loads the roster, the ratings (ratings_path may be NULL) and the cases,
 * and computes the payroll of the month into j.  Returns a CLI exit code;
 * j is freed on failure.
 */
static int
job_run(pay_job *j, const char *cmd, const mediate_policy *p, const char *roster_path, const char *ratings_path,
        const char *const *case_paths, size_t ncase_paths, const pay_deduction *deductions, size_t ndeductions,
        int year, int month)
{
	mediate_load_options o;
	mediate_error err;
	int64_t start = 0, end = 0;
	size_t i, k;
	int rc;

	memset(j, 0, sizeof *j);
	j->policy = p;
	load_options(&o);
	rc = mediate_roster_load_file(&j->roster, p, roster_path, &o, &err);
	if (rc != 0)
		return cli_exit_for_status(rc);
	if (ratings_path != NULL) {
		rc = mediate_ratings_load_file(&j->ratings, p, ratings_path, &o, &err);
		if (rc != 0) {
			job_free(j);
			return cli_exit_for_status(rc);
		}
	}
	rc = mediate_payroll_new(&j->run, p, j->roster, j->ratings, year, month);
	if (rc != 0) {
		rc = fail_status(cmd, NULL, rc);
		job_free(j);
		return rc == CLI_EXIT_INTERNAL && mediate_error_last()->code != MEDIATE_ENOMEM ? CLI_EXIT_INPUT : rc;
	}
	mediate_payroll_period(&start, &end, j->run);
	j->days = (int)((end - start) / 86400);
	for (i = 0; i < ncase_paths; i++) {
		mediate_case_list *list = NULL;
		rc = mediate_case_list_load_file(&list, p, case_paths[i], &o, &err);
		if (rc != 0) {
			job_free(j);
			return cli_exit_for_status(rc);
		}
		for (k = 0; k < mediate_case_list_count(list); k++) {
			const mediate_case *c = mediate_case_list_at(list, k);
			rc = add_one_case(j, c, start, end);
			if (rc != 0) {
				const char *number = mediate_case_number(c);
				cli_warn(cmd, "%s: case %s: %s", case_paths[i], number != NULL ? number : mediate_case_id_text(c),
				         mediate_error_last()->text);
				mediate_case_list_free(list);
				job_free(j);
				/* A case the payroll refuses is bad input, not a bug of the tool. */
				return rc == MEDIATE_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
			}
		}
		j->cases_seen += mediate_case_list_count(list);
		mediate_case_list_free(list);
	}
	for (i = 0; i < ndeductions; i++) {
		const pay_deduction *d = &deductions[i];
		const mediate_mediator *m = mediate_roster_find_staff(j->roster, d->who);
		if (m == NULL)
			m = mediate_roster_find(j->roster, d->who);
		if (m == NULL) {
			cli_warn(cmd, "--deduction \"%s\": no mediator \"%s\" on the roster", d->spec, d->who);
			job_free(j);
			return CLI_EXIT_INPUT;
		}
		rc = mediate_payroll_add_deduction(j->run, mediate_mediator_id(m), d->code, d->case_number, d->note, d->at);
		if (rc != 0) {
			cli_warn(cmd, "--deduction \"%s\": %s", d->spec, mediate_error_last()->text);
			job_free(j);
			return rc == MEDIATE_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
		}
	}
	rc = mediate_payroll_compute(j->run);
	if (rc != 0) {
		fail_status(cmd, NULL, rc);
		job_free(j);
		return rc == MEDIATE_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
	}
	return CLI_EXIT_OK;
}

/* ---- text output ---- */

static const char *
yuan(char *buf, size_t size, int64_t fen)
{
	if (mediate_money_format(buf, size, fen) != 0)
		snprintf(buf, size, "?");
	return buf;
}

/* Prints an amount right-aligned in width columns. */
static void
put_amount(FILE *out, int64_t fen, int width)
{
	char b[MEDIATE_MONEY_BUFSIZE];
	fprintf(out, "%*s", width, yuan(b, sizeof b, fen));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Cases with an award line (*awarded: with a non-zero one), award lines and
 * mediators with an award over the whole payroll.  Returns 0 or
 * CLI_EXIT_INTERNAL.
 */
static int
count_awards(const mediate_payroll *run, size_t *cases, size_t *awarded, size_t *awards, size_t *mediators)
{
	size_t n = mediate_payroll_payslip_count(run), i, k, na = 0, nz = 0, cap = 0;
	const char **all = NULL, **nonzero = NULL;

	*cases = *awarded = *awards = *mediators = 0;
	for (i = 0; i < n; i++)
		cap += mediate_payslip_line_count(mediate_payroll_payslip_at(run, i));
	all = malloc((cap ? cap : 1) * sizeof *all);
	nonzero = malloc((cap ? cap : 1) * sizeof *nonzero);
	if (all == NULL || nonzero == NULL) {
		free(all);
		free(nonzero);
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(run, i);
		int any = 0;
		for (k = 0; k < mediate_payslip_line_count(s); k++) {
			const mediate_pay_line *l = mediate_payslip_line_at(s, k);
			if (mediate_pay_line_get_kind(l) != MEDIATE_PAY_LINE_AWARD || mediate_pay_line_case_number(l) == NULL)
				continue;
			all[na++] = mediate_pay_line_case_number(l);
			if (mediate_pay_line_amount(l) != 0) {
				nonzero[nz++] = mediate_pay_line_case_number(l);
				any = 1;
			}
		}
		*mediators += (size_t)any;
	}
	*awards = na;
	qsort(all, na, sizeof *all, cmp_str);
	qsort(nonzero, nz, sizeof *nonzero, cmp_str);
	for (i = 0; i < na; i++)
		if (i == 0 || strcmp(all[i], all[i - 1]) != 0)
			(*cases)++;
	for (i = 0; i < nz; i++)
		if (i == 0 || strcmp(nonzero[i], nonzero[i - 1]) != 0)
			(*awarded)++;
	free(all);
	free(nonzero);
	return 0;
}

static size_t
unit_name_width(const mediate_payroll *run, const char *lang)
{
	size_t i, w, max = 4;
	for (i = 0; i < mediate_payroll_unit_count(run); i++) {
		w = cli_width(cli_unit_name(mediate_payroll_unit_at(run, i), lang));
		if (w > max)
			max = w;
	}
	return max + 2;
}

static size_t
unit_code_width(const mediate_payroll *run)
{
	size_t i, w, max = 5;
	for (i = 0; i < mediate_payroll_unit_count(run); i++) {
		w = strlen(mediate_unit_code(mediate_payroll_unit_at(run, i)));
		if (w > max)
			max = w;
	}
	return max + 2;
}

/* Mediators of a unit, and those of them with an award line. */
static void
unit_counts(const mediate_payroll *run, const mediate_unit *u, size_t *staff, size_t *awards)
{
	size_t i, k, n = mediate_payroll_payslip_count(run);
	*staff = *awards = 0;
	for (i = 0; i < n; i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(run, i);
		if (mediate_mediator_unit(mediate_payslip_mediator(s)) != u)
			continue;
		(*staff)++;
		for (k = 0; k < mediate_payslip_line_count(s); k++)
			if (mediate_pay_line_get_kind(mediate_payslip_line_at(s, k)) == MEDIATE_PAY_LINE_AWARD)
				(*awards)++;
	}
}

/* The totals per unit and overall, and what the month amounted to. */
static int
print_summary(FILE *out, const pay_job *j, const char *month_text, const char *lang)
{
	const mediate_payroll *run = j->run;
	char b[MEDIATE_TIME_BUFSIZE], e[MEDIATE_TIME_BUFSIZE];
	int64_t start = 0, end = 0;
	size_t i, codew = unit_code_width(run), namew = unit_name_width(run, lang);
	size_t cases, awarded, awards, with_awards, paid = 0, tot_staff = 0, tot_awards = 0;
	static const struct {
		mediate_pay_total what;
		const char *label;
	} overall[] = {
		{ MEDIATE_PAY_TOTAL_BASE, "base salary" },
		{ MEDIATE_PAY_TOTAL_GRADE, "grade salary" },
		{ MEDIATE_PAY_TOTAL_AWARDS, "case awards" },
		{ MEDIATE_PAY_TOTAL_CAP, "monthly cap" },
		{ MEDIATE_PAY_TOTAL_BUDGET, "unit budgets" },
		{ MEDIATE_PAY_TOTAL_INCENTIVE, "incentive" },
		{ MEDIATE_PAY_TOTAL_DEDUCTIONS, "deductions" },
		{ MEDIATE_PAY_TOTAL_NET, "net pay" }
	};

	if (count_awards(run, &cases, &awarded, &awards, &with_awards) != 0) {
		cli_warn("payroll", "out of memory");
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < mediate_payroll_payslip_count(run); i++)
		if (mediate_payslip_total(mediate_payroll_payslip_at(run, i), MEDIATE_PAY_TOTAL_NET) > 0)
			paid++;
	mediate_payroll_period(&start, &end, run);
	mediate_time_format(b, sizeof b, start, MEDIATE_OFFSET_CST);
	mediate_time_format(e, sizeof e, end, MEDIATE_OFFSET_CST);
	fprintf(out, "Payroll %s: %s", month_text, mediate_policy_name(j->policy));
	fprintf(out, "\nperiod:  %s .. %s (%d days)\n", b, e, j->days);
	fprintf(out, "cases:   %zu read, %zu resolved in the month, %zu with an award (%zu award lines)\n",
	        j->cases_seen, j->cases_added, awarded, awards);
	if (j->cases_graded > 0)
		fprintf(out, "         %zu of them had no kept level and were graded by the policy's rules\n",
		        j->cases_graded);
	fprintf(out, "staff:   %zu mediators, %zu paid, %zu with case awards\n",
	        mediate_payroll_payslip_count(run), paid, with_awards);

	fprintf(out, "\nBy unit:\n  ");
	cli_put_padded(out, "unit", codew);
	cli_put_padded(out, "name", namew);
	fprintf(out, "%5s %6s %11s %10s %10s %10s %11s %10s\n", "staff", "awards", "base", "grade", "incentive",
	        "deduct", "net", "budget");
	for (i = 0; i < mediate_payroll_unit_count(run); i++) {
		const mediate_unit *u = mediate_payroll_unit_at(run, i);
		int64_t budget = mediate_payroll_unit_budget(run, i);
		size_t staff, aw;
		unit_counts(run, u, &staff, &aw);
		tot_staff += staff;
		tot_awards += aw;
		fputs("  ", out);
		cli_put_padded(out, mediate_unit_code(u), codew);
		cli_put_padded(out, cli_unit_name(u, lang), namew);
		fprintf(out, "%5zu %6zu ", staff, aw);
		put_amount(out, mediate_payroll_unit_total(run, i, MEDIATE_PAY_TOTAL_BASE), 11);
		fputc(' ', out);
		put_amount(out, mediate_payroll_unit_total(run, i, MEDIATE_PAY_TOTAL_GRADE), 10);
		fputc(' ', out);
		put_amount(out, mediate_payroll_unit_total(run, i, MEDIATE_PAY_TOTAL_INCENTIVE), 10);
		fputc(' ', out);
		put_amount(out, mediate_payroll_unit_total(run, i, MEDIATE_PAY_TOTAL_DEDUCTIONS), 10);
		fputc(' ', out);
		put_amount(out, mediate_payroll_unit_total(run, i, MEDIATE_PAY_TOTAL_NET), 11);
		fputc(' ', out);
		if (budget >= 0)
			put_amount(out, budget, 10);
		else
			fprintf(out, "%10s", "-");
		fputc('\n', out);
	}
	fputs("  ", out);
	cli_put_padded(out, "total", codew + namew);
	fprintf(out, "%5zu %6zu ", tot_staff, tot_awards);
	put_amount(out, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_BASE), 11);
	fputc(' ', out);
	put_amount(out, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_GRADE), 10);
	fputc(' ', out);
	put_amount(out, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_INCENTIVE), 10);
	fputc(' ', out);
	put_amount(out, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_DEDUCTIONS), 10);
	fputc(' ', out);
	put_amount(out, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_NET), 11);
	fputc('\n', out);

	fprintf(out, "\nOverall:\n");
	for (i = 0; i < sizeof overall / sizeof overall[0]; i++) {
		fputs("  ", out);
		cli_put_padded(out, overall[i].label, 14);
		put_amount(out, mediate_payroll_total(run, overall[i].what), 14);
		fputc('\n', out);
	}
	return CLI_EXIT_OK;
}

static const char *
post_name(const mediate_mediator *m)
{
	const char *s = mediate_post_type_name(mediate_mediator_post(m));
	return s != NULL ? s : "?";
}

/* One row per mediator. */
static void
print_mediators(FILE *out, const mediate_payroll *run)
{
	size_t i, k, n = mediate_payroll_payslip_count(run), namew = 6, staffw = 6, unitw = 6, w;

	for (i = 0; i < n; i++) {
		const mediate_mediator *m = mediate_payslip_mediator(mediate_payroll_payslip_at(run, i));
		if ((w = cli_width(mediate_mediator_name(m))) + 2 > namew)
			namew = w + 2;
		if ((w = strlen(mediate_mediator_staff_number(m))) + 2 > staffw)
			staffw = w + 2;
		if ((w = strlen(mediate_unit_code(mediate_mediator_unit(m)))) + 2 > unitw)
			unitw = w + 2;
	}
	fprintf(out, "\nBy mediator:\n  ");
	cli_put_padded(out, "staff", staffw);
	cli_put_padded(out, "name", namew);
	cli_put_padded(out, "unit", unitw);
	fprintf(out, "%-17s %5s %6s %6s %10s %10s %10s %10s\n", "post", "level", "rating", "awards", "salary",
	        "incentive", "deduct", "net");
	for (i = 0; i < n; i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(run, i);
		const mediate_mediator *m = mediate_payslip_mediator(s);
		int32_t r = mediate_payslip_rating_milli(s);
		size_t aw = 0;
		for (k = 0; k < mediate_payslip_line_count(s); k++)
			if (mediate_pay_line_get_kind(mediate_payslip_line_at(s, k)) == MEDIATE_PAY_LINE_AWARD)
				aw++;
		fputs("  ", out);
		cli_put_padded(out, mediate_mediator_staff_number(m), staffw);
		cli_put_padded(out, mediate_mediator_name(m), namew);
		cli_put_padded(out, mediate_unit_code(mediate_mediator_unit(m)), unitw);
		fprintf(out, "%-17s %5u %2d.%03d %6zu ", post_name(m), mediate_mediator_level(m), (int)(r / 1000),
		        (int)(r % 1000), aw);
		put_amount(out, mediate_payslip_total(s, MEDIATE_PAY_TOTAL_BASE) +
		                mediate_payslip_total(s, MEDIATE_PAY_TOTAL_GRADE), 10);
		fputc(' ', out);
		put_amount(out, mediate_payslip_total(s, MEDIATE_PAY_TOTAL_INCENTIVE), 10);
		fputc(' ', out);
		put_amount(out, mediate_payslip_total(s, MEDIATE_PAY_TOTAL_DEDUCTIONS), 10);
		fputc(' ', out);
		put_amount(out, mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET), 10);
		fputc('\n', out);
	}
}

/* One payslip with every line (and, with explain_it, how each was computed). */
static int
print_payslip(FILE *out, const mediate_payslip *s, int days, const char *month_text, const char *lang,
              int explain_it)
{
	const mediate_mediator *m = mediate_payslip_mediator(s);
	const mediate_unit *u = mediate_mediator_unit(m);
	int32_t r = mediate_payslip_rating_milli(s);
	size_t k, n = mediate_payslip_line_count(s), rulew = 6, casew = 6, w;
	static const struct {
		mediate_pay_total what;
		const char *label;
	} totals[] = {
		{ MEDIATE_PAY_TOTAL_BASE, "base salary" },
		{ MEDIATE_PAY_TOTAL_GRADE, "grade salary" },
		{ MEDIATE_PAY_TOTAL_AWARDS, "case awards" },
		{ MEDIATE_PAY_TOTAL_CAP, "monthly cap" },
		{ MEDIATE_PAY_TOTAL_BUDGET, "unit budget" },
		{ MEDIATE_PAY_TOTAL_INCENTIVE, "incentive" },
		{ MEDIATE_PAY_TOTAL_DEDUCTIONS, "deductions" },
		{ MEDIATE_PAY_TOTAL_NET, "net pay" }
	};

	fprintf(out, "Payslip %s: %s %s, %s ", month_text, mediate_mediator_staff_number(m), mediate_mediator_name(m),
	        mediate_unit_code(u));
	fputs(cli_unit_name(u, lang), out);
	fprintf(out, "\nmediator: %s\n", mediate_mediator_id(m));
	fprintf(out, "post:     %s, level %u, rating %d.%03d\n", post_name(m), mediate_mediator_level(m),
	        (int)(r / 1000), (int)(r % 1000));
	for (k = 0; k < n; k++) {
		const mediate_pay_line *l = mediate_payslip_line_at(s, k);
		const char *cn = mediate_pay_line_case_number(l), *rule = mediate_pay_line_rule(l);
		if (cn != NULL && (w = strlen(cn)) + 2 > casew)
			casew = w + 2;
		if (rule != NULL && (w = strlen(rule)) + 2 > rulew)
			rulew = w + 2;
	}
	fprintf(out, "  %3s  %-10s ", "#", "kind");
	cli_put_padded(out, "case", casew);
	cli_put_padded(out, "rule", rulew);
	fprintf(out, "%5s %10s\n", "days", "amount");
	for (k = 0; k < n; k++) {
		const mediate_pay_line *l = mediate_payslip_line_at(s, k);
		const char *kind = mediate_pay_line_kind_name(mediate_pay_line_get_kind(l));
		const char *cn = mediate_pay_line_case_number(l), *rule = mediate_pay_line_rule(l);
		unsigned int ld = mediate_pay_line_days(l);
		char dtext[16] = "";
		fprintf(out, "  %3zu  %-10s ", k + 1, kind != NULL ? kind : "?");
		cli_put_padded(out, cn != NULL ? cn : "-", casew);
		cli_put_padded(out, rule != NULL ? rule : "-", rulew);
		if (ld > 0)
			snprintf(dtext, sizeof dtext, "%u/%d", ld, days);
		fprintf(out, "%5s ", dtext);
		put_amount(out, mediate_pay_line_amount(l), 10);
		fputc('\n', out);
		if (explain_it) {
			char *text = NULL;
			int rc = mediate_payslip_explain(&text, s, k);
			if (rc != 0)
				return fail_status("payroll", "explaining a line", rc);
			fprintf(out, "         = %s\n", text);
			mediate_free(text);
		}
	}
	for (k = 0; k < sizeof totals / sizeof totals[0]; k++) {
		fputs("  ", out);
		cli_put_padded(out, totals[k].label, 14);
		put_amount(out, mediate_payslip_total(s, totals[k].what), 12);
		fputc('\n', out);
	}
	return CLI_EXIT_OK;
}

/* ---- yaml and csv ---- */

/*
 * Writes the header record of an RFC 4180 document and the records whose
 * first field is exactly `first` (a staff number: never quoted).
 */
static void
csv_filter(FILE *out, const char *csv, size_t len, const char *first)
{
	size_t i = 0, start, flen = strlen(first), rec = 0;

	while (i < len) {
		int quoted = 0;
		start = i;
		while (i < len) {
			if (csv[i] == '"')
				quoted = !quoted;
			else if (!quoted && csv[i] == '\n') {
				i++;
				break;
			}
			i++;
		}
		if (rec++ == 0 || (i - start > flen && strncmp(csv + start, first, flen) == 0 && csv[start + flen] == ','))
			fwrite(csv + start, 1, i - start, out);
	}
}

/* ---- the command ---- */

enum { FMT_TEXT, FMT_YAML, FMT_CSV };

/* Parses YYYY-MM (year 1..9999, month 1..12); returns 0 or -1. */
static int
parse_month(const char *s, int *year, int *month)
{
	int i;
	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*month = (s[5] - '0') * 10 + (s[6] - '0');
	return *year >= 1 && *month >= 1 && *month <= 12 ? 0 : -1;
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

/* Finds the payslip of a staff number or mediator id, or NULL. */
static const mediate_payslip *
find_payslip(const pay_job *j, const char *who)
{
	const mediate_mediator *m = mediate_roster_find_staff(j->roster, who);
	if (m == NULL)
		m = mediate_roster_find(j->roster, who);
	return m != NULL ? mediate_payroll_find(j->run, mediate_mediator_id(m)) : NULL;
}

static int
write_output(FILE *out, const pay_job *j, int format, const char *month_text, const char *who, int summary,
             int explain_it)
{
	const mediate_payslip *slip = NULL;
	const char *lang = mediate_policy_language(j->policy);
	char *text = NULL;
	size_t len = 0, i;
	int rc = 0;

	if (who != NULL && (slip = find_payslip(j, who)) == NULL) {
		cli_warn("payroll", "no mediator with staff number or id \"%s\" on the roster", who);
		return CLI_EXIT_INPUT;
	}
	switch (format) {
	case FMT_YAML:
		rc = slip != NULL ? mediate_payslip_to_yaml(&text, &len, slip)
		                  : mediate_payroll_to_yaml(&text, &len, j->run, summary ? MEDIATE_PAYROLL_SUMMARY : 0);
		break;
	case FMT_CSV:
		rc = mediate_payroll_to_csv(&text, &len, j->run, summary ? MEDIATE_PAYROLL_SUMMARY : 0);
		break;
	default:
		if (slip != NULL)
			return print_payslip(out, slip, j->days, month_text, lang, explain_it);
		if ((rc = print_summary(out, j, month_text, lang)) != 0)
			return rc;
		if (summary)
			return CLI_EXIT_OK;
		if (!explain_it) {
			print_mediators(out, j->run);
			return CLI_EXIT_OK;
		}
		for (i = 0; i < mediate_payroll_payslip_count(j->run); i++) {
			fputc('\n', out);
			rc = print_payslip(out, mediate_payroll_payslip_at(j->run, i), j->days, month_text, lang, 1);
			if (rc != 0)
				return rc;
		}
		return CLI_EXIT_OK;
	}
	if (rc != 0)
		return fail_status("payroll", "export", rc);
	if (format == FMT_CSV && slip != NULL)
		csv_filter(out, text, len, mediate_mediator_staff_number(mediate_payslip_mediator(slip)));
	else
		fwrite(text, 1, len, out);
	mediate_free(text);
	return CLI_EXIT_OK;
}

static int
run_payroll(int argc, char **argv)
{
	enum { OPT_NO_RATINGS = 256 };
	static const struct option longopts[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "payslip", required_argument, NULL, 's' },
		{ "explain", no_argument, NULL, 'e' },
		{ "summary", no_argument, NULL, 'S' },
		{ "output", required_argument, NULL, 'o' },
		{ "policy", required_argument, NULL, 'p' },
		{ "roster", required_argument, NULL, 'r' },
		{ "ratings", required_argument, NULL, 'R' },
		{ "no-ratings", no_argument, NULL, OPT_NO_RATINGS },
		{ "cases", required_argument, NULL, 'c' },
		{ "deduction", required_argument, NULL, 'D' },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static pay_deduction deductions[PAYROLL_MAX_DEDUCTIONS];
	size_t ndeductions = 0;
	const char *month_text = NULL, *who = NULL, *output = NULL, *policy_path = NULL, *roster_path = NULL;
	const char *ratings_path = NULL, *data_dir = NULL;
	const char *case_paths[PAYROLL_MAX_CASE_FILES];
	size_t ncase = 0;
	char dir[4096], ppath[4200], rpath[4200], tpath[4200], cpath[4200];
	int c, rc, year = 0, month = 0, format = FMT_TEXT, explain_it = 0, summary = 0, no_ratings = 0;
	mediate_policy *p = NULL;
	pay_job job;
	FILE *out = stdout;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":m:f:s:eSo:p:r:R:c:D:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm': month_text = optarg; break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FMT_TEXT;
			else if (strcmp(optarg, "yaml") == 0)
				format = FMT_YAML;
			else if (strcmp(optarg, "csv") == 0)
				format = FMT_CSV;
			else
				return cli_usage_error("payroll", "unknown format \"%s\" (text, yaml or csv)", optarg);
			break;
		case 's': who = optarg; break;
		case 'e': explain_it = 1; break;
		case 'S': summary = 1; break;
		case 'o': output = optarg; break;
		case 'p': policy_path = optarg; break;
		case 'r': roster_path = optarg; break;
		case 'R': ratings_path = optarg; break;
		case OPT_NO_RATINGS: no_ratings = 1; break;
		case 'c':
			if (ncase == PAYROLL_MAX_CASE_FILES)
				return cli_usage_error("payroll", "more than %d case files", PAYROLL_MAX_CASE_FILES);
			case_paths[ncase++] = optarg;
			break;
		case 'D':
			if (ndeductions == PAYROLL_MAX_DEDUCTIONS)
				return cli_usage_error("payroll", "more than %d deductions", PAYROLL_MAX_DEDUCTIONS);
			if ((rc = parse_deduction(&deductions[ndeductions], optarg)) != 0)
				return rc;
			ndeductions++;
			break;
		case 'd': data_dir = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_payroll);
		default: return cli_bad_option("payroll", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error("payroll", "unexpected argument \"%s\"", argv[optind]);
	if (month_text == NULL)
		return cli_usage_error("payroll", "no month given (--month YYYY-MM)");
	if (parse_month(month_text, &year, &month) != 0)
		return cli_usage_error("payroll", "\"%s\" is not a month: expected YYYY-MM, like 2026-11", month_text);
	if (explain_it && format != FMT_TEXT)
		return cli_usage_error("payroll", "--explain applies to the text format");
	if (summary && (explain_it || who != NULL))
		return cli_usage_error("payroll", "--summary excludes --explain and --payslip");
	if (no_ratings && ratings_path != NULL)
		return cli_usage_error("payroll", "--ratings and --no-ratings exclude each other");

	/* Defaults from the data directory, found only when one is needed. */
	if (policy_path == NULL || roster_path == NULL || ncase == 0 || (ratings_path == NULL && !no_ratings)) {
		if ((rc = cli_find_data_dir("payroll", data_dir, dir, sizeof dir)) != 0)
			return rc;
		if (policy_path == NULL) {
			snprintf(ppath, sizeof ppath, "%s/county.yaml", dir);
			policy_path = ppath;
		}
		if (roster_path == NULL) {
			snprintf(rpath, sizeof rpath, "%s/roster.yaml", dir);
			roster_path = rpath;
		}
		if (ncase == 0) {
			snprintf(cpath, sizeof cpath, "%s/cases.yaml", dir);
			case_paths[ncase++] = cpath;
		}
		if (ratings_path == NULL && !no_ratings) {
			snprintf(tpath, sizeof tpath, "%s/ratings.yaml", dir);
			if (file_exists(tpath))
				ratings_path = tpath;
		}
	}
	if ((rc = cli_load_policy(&p, policy_path, NULL)) != 0)
		return rc;
	rc = job_run(&job, "payroll", p, roster_path, no_ratings ? NULL : ratings_path, case_paths, ncase, deductions,
	             ndeductions, year, month);
	if (rc != 0) {
		mediate_policy_free(p);
		return rc;
	}
	if (output != NULL && (out = fopen(output, "wb")) == NULL) {
		cli_warn("payroll", "%s: cannot write: %s", output, strerror(errno));
		job_free(&job);
		mediate_policy_free(p);
		return CLI_EXIT_IO;
	}
	rc = write_output(out, &job, format, month_text, who, summary, explain_it);
	if (out != stdout) {
		if (fclose(out) != 0 && rc == 0) {
			cli_warn("payroll", "%s: write error", output);
			rc = CLI_EXIT_IO;
		}
	} else if (fflush(stdout) != 0 && rc == 0) {
		rc = CLI_EXIT_IO;
	}
	job_free(&job);
	mediate_policy_free(p);
	return rc;
}

/* ---- the demo ---- */

/*
 * The payroll of November 2026 for the sample county: totals per unit and
 * overall, and the payslip with the most lines, every line explained.
 */
int
demo_payroll(cli_demo *d)
{
	char rpath[4200], tpath[4200], cpath[4200];
	const char *cases[1];
	const mediate_payslip *best = NULL;
	size_t i, most = 0;
	pay_job job;
	int rc;

	snprintf(rpath, sizeof rpath, "%s", cli_demo_path(d, "roster.yaml"));
	snprintf(tpath, sizeof tpath, "%s", cli_demo_path(d, "ratings.yaml"));
	snprintf(cpath, sizeof cpath, "%s", cli_demo_path(d, "cases.yaml"));
	if (!file_exists(rpath)) {
		fprintf(d->out, "(no roster.yaml in %s: no payroll)\n", d->data_dir);
		return CLI_EXIT_OK;
	}
	cases[0] = cpath;
	rc = job_run(&job, "demo", d->policy, rpath, file_exists(tpath) ? tpath : NULL, cases, 1, NULL, 0, 2026, 11);
	if (rc != 0)
		return rc;
	rc = print_summary(d->out, &job, "2026-11", mediate_policy_language(d->policy));
	/* The fullest payslip: the most lines, then the highest incentive. */
	for (i = 0; rc == 0 && i < mediate_payroll_payslip_count(job.run); i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(job.run, i);
		size_t n = mediate_payslip_line_count(s);
		if (best == NULL || n > most ||
		    (n == most && mediate_payslip_total(s, MEDIATE_PAY_TOTAL_INCENTIVE) >
		                  mediate_payslip_total(best, MEDIATE_PAY_TOTAL_INCENTIVE))) {
			best = s;
			most = n;
		}
	}
	if (rc == 0 && best != NULL) {
		fprintf(d->out, "\nThe payslip with the most lines, each explained:\n\n");
		rc = print_payslip(d->out, best, job.days, "2026-11", mediate_policy_language(d->policy), 1);
	}
	job_free(&job);
	return rc;
}
