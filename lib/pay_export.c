/* SPDX-License-Identifier: MIT */
/*
 * Pay: explaining lines, and the payroll as YAML and CSV.
 *
 * Everything here reads a computed payroll only, and writes in a fixed order
 * with fixed formats (amounts as yuan with two decimals, strings always
 * double-quoted in YAML), so the same payroll always gives the same bytes.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pay_priv.h"

static const char *const total_keys[MI_PAY_NTOTALS] = { NULL, "base", "grade", "awards", "cap", "budget",
	"incentive", "deductions", "net" };

/* Formats an amount; buf has MEDIATE_MONEY_BUFSIZE bytes. */
static const char *
money(char *buf, int64_t v)
{
	if (mediate_money_format(buf, MEDIATE_MONEY_BUFSIZE, v) != 0)
		strcpy(buf, "?");
	return buf;
}

static const char *
level_code(const mediate_payroll *run, uint32_t rank)
{
	return mediate_level_code(mediate_policy_level_at(run->policy, rank));
}

/* ---- explain ---- */

static void
explain_fixed(mi_buf *b, const mediate_payroll *run, const mediate_payslip *slip, const mediate_pay_line *l)
{
	const mi_pay_table *t = &run->pay->tables[l->table];
	char m1[MEDIATE_MONEY_BUFSIZE], m2[MEDIATE_MONEY_BUFSIZE];
	int32_t pm;

	if (l->kind == MEDIATE_PAY_LINE_BASE) {
		mediate_post_type post = mediate_mediator_post(slip->m);
		pm = t->base_permille[post];
		mi_buf_printf(b, "base salary of a %s post: %s", mediate_post_type_name(post), money(m1, l->aux));
	} else {
		unsigned int level = mediate_mediator_level(slip->m);
		pm = t->grade_permille[level];
		mi_buf_printf(b, "grade salary of mediator level %u: %s", level, money(m1, l->aux));
	}
	mi_buf_printf(b, " (%s, effective %s", l->rule, t->effective_text);
	if (pm > 0)
		mi_buf_printf(b, "; %ld per mille of the reference wage %s", (long)pm, money(m2, t->reference_wage));
	if (l->award > l->table) {
		/* the line covers later versions that left the amount unchanged */
		uint32_t k;
		for (k = (uint32_t)l->table + 1; k <= l->award; k++)
			mi_buf_printf(b, "; unchanged in pay.tables[%lu] (effective %s)", (unsigned long)k,
			              run->pay->tables[k].effective_text);
	}
	mi_buf_puts(b, ")");
	if (l->days == run->days)
		mi_buf_printf(b, " for the whole month (%u days) = %s", l->days, money(m1, l->amount));
	else
		mi_buf_printf(b, " x %u/%u days in force this month = %s (half-up to the fen)", l->days, run->days,
		              money(m1, l->amount));
}

static void
explain_award(mi_buf *b, const mediate_payroll *run, const mediate_payslip *slip, const mediate_pay_line *l)
{
	const mi_pay_award *aw = &run->awards[l->award];
	const mi_pay_case *pc = &run->cases[aw->pcase];
	const mi_pay_table *t = &run->pay->tables[l->table];
	char m1[MEDIATE_MONEY_BUFSIZE], m2[MEDIATE_MONEY_BUFSIZE], m3[MEDIATE_MONEY_BUFSIZE];
	char when[MEDIATE_TIME_BUFSIZE];

	if (mediate_time_format(when, sizeof when, pc->at, run->pay->offset) != 0)
		strcpy(when, "?");
	mi_buf_printf(b, "case %s (%s, %s, resolved %s): ", pc->number, level_code(run, pc->level),
	              mediate_pay_outcome_name((mediate_pay_outcome)pc->outcome), when);
	if (pc->outcome == MEDIATE_PAY_WITHDRAWN || pc->outcome == MEDIATE_PAY_FAILED) {
		mi_buf_printf(b, "no award: a %s case pays nothing (%s) = 0.00",
		              pc->outcome == MEDIATE_PAY_WITHDRAWN ? "withdrawn" : "failed case without a session on record",
		              l->rule);
		return;
	}
	if (pc->confirmed) {
		int64_t bonus = t->incentive[pc->level * MI_PAY_NCOL + MI_PAY_COL_BONUS];
		mi_buf_printf(b, "%s + judicial confirmation bonus %s = %s", money(m1, pc->amount - bonus),
		              money(m2, bonus), money(m3, pc->amount));
	} else
		mi_buf_puts(b, money(m1, pc->amount));
	mi_buf_printf(b, " (%s, effective %s)", l->rule, t->effective_text);
	if (pc->team_size > 1)
		mi_buf_printf(b, "; %s share %u/%u of a team of %u (largest remainder) = %s",
		              mediate_case_mediator_role_name((mediate_case_mediator_role)aw->role), l->weight,
		              l->weight_total, pc->team_size, money(m1, l->aux));
	else
		mi_buf_printf(b, "; sole %s = %s",
		              mediate_case_mediator_role_name((mediate_case_mediator_role)aw->role), money(m1, l->aux));
	{
		size_t i = t->band_count;
		while (i > 1 && t->bands[i - 1].from > slip->used_rating)
			i--;
		mi_buf_printf(b, "; rating %ld.%03ld in the band from %ld.%03ld (pay.tables[%lu].rating_bands[%lu]) x %ld/1000 = %s (half-up to the fen)",
		              (long)(slip->used_rating / 1000), (long)(slip->used_rating % 1000),
		              (long)(t->bands[i - 1].from / 1000), (long)(t->bands[i - 1].from % 1000),
		              (unsigned long)l->table, (unsigned long)(i - 1), (long)l->factor, money(m2, l->amount));
	}
}

static void
explain_line(mi_buf *b, const mediate_payroll *run, const mediate_payslip *slip, const mediate_pay_line *l)
{
	const mi_pay_table *t = &run->pay->tables[l->table];
	char m1[MEDIATE_MONEY_BUFSIZE], m2[MEDIATE_MONEY_BUFSIZE], m3[MEDIATE_MONEY_BUFSIZE];

	switch (l->kind) {
	case MEDIATE_PAY_LINE_BASE:
	case MEDIATE_PAY_LINE_GRADE:
		explain_fixed(b, run, slip, l);
		break;
	case MEDIATE_PAY_LINE_AWARD:
		explain_award(b, run, slip, l);
		break;
	case MEDIATE_PAY_LINE_CAP:
		mi_buf_printf(b, "awards of %s exceed the monthly cap of %s (%s, effective %s", money(m1, l->aux),
		              money(m2, t->cap), l->rule, t->effective_text);
		if (t->cap_permille > 0)
			mi_buf_printf(b, "; %ld per mille of the reference wage %s", (long)t->cap_permille,
			              money(m1, t->reference_wage));
		mi_buf_printf(b, "): %s", money(m3, l->amount));
		break;
	case MEDIATE_PAY_LINE_BUDGET: {
		const mi_pay_unit *u = &run->units[slip->unit];
		mi_buf_printf(b, "the incentives of unit %s (%s) exceed its budget of %s (%s, effective %s): the budget "
		              "is shared in proportion to each mediator's capped incentive (largest remainder): %s -> ",
		              mediate_unit_code(u->unit), money(m1, u->totals[MEDIATE_PAY_TOTAL_AWARDS] +
		                                                     u->totals[MEDIATE_PAY_TOTAL_CAP]),
		              money(m2, u->budget), l->rule, t->effective_text, money(m3, l->aux));
		mi_buf_printf(b, "%s: %s", money(m1, l->aux + l->amount), money(m2, l->amount));
		break;
	}
	case MEDIATE_PAY_LINE_DEDUCTION:
		mi_buf_printf(b, "deduction %s of %s (%s, effective %s)", strrchr(l->rule, '.') + 1,
		              money(m1, l->aux), l->rule, t->effective_text);
		if (l->number != NULL)
			mi_buf_printf(b, " for case %s", l->number);
		if (run->deductions[l->award].note != NULL)
			mi_buf_printf(b, ": %s", run->deductions[l->award].note);
		if (l->limited)
			mi_buf_printf(b, "; limited to %s so that the month's pay does not fall below zero",
			              money(m2, -l->amount));
		mi_buf_printf(b, " = %s", money(m3, l->amount));
		break;
	default:
		mi_buf_puts(b, "?");
	}
}

mediate_status
mediate_payslip_explain(char **out, const mediate_payslip *slip, size_t index)
{
	mi_buf b = { 0 };
	if (out == NULL || slip == NULL)
		return mi_err(MEDIATE_EINVAL, "payslip explain: NULL argument");
	if (index >= slip->line_count)
		return mi_err(MEDIATE_ENOTFOUND, "payslip explain: no line %zu (the payslip has %zu)", index,
		              slip->line_count);
	explain_line(&b, slip->run, slip, &slip->lines[index]);
	if (b.failed || b.data == NULL) {
		mi_buf_free(&b);
		return mi_nomem();
	}
	*out = b.data;
	return 0;
}

/* ---- YAML ---- */

static void
yaml_str(mi_buf *b, const char *s)
{
	const char *p;
	mi_buf_puts(b, "\"");
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\') {
			mi_buf_append(b, "\\", 1);
			mi_buf_append(b, p, 1);
		} else if (c == '\n')
			mi_buf_puts(b, "\\n");
		else if (c == '\t')
			mi_buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			mi_buf_printf(b, "\\x%02x", c);
		else if (c == 0xC2 && (unsigned char)p[1] < 0xA0) {
			/* C1 controls and NEL: not printable, or a line break to YAML */
			mi_buf_printf(b, "\\x%02x", (unsigned char)p[1]);   /* U+0080..U+009F */
			p++;
		} else if ((c == 0xE2 && (unsigned char)p[1] == 0x80 &&
		            ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) ||
		           (c == 0xEF && (((unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) ||
		                          ((unsigned char)p[1] == 0xBF &&
		                           ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF))))) {
			/* U+2028, U+2029 (line breaks to YAML), U+FEFF, U+FFFE, U+FFFF */
			mi_buf_printf(b, "\\u%04X", ((c & 0x0F) << 12) | (((unsigned char)p[1] & 0x3F) << 6) |
			                           ((unsigned char)p[2] & 0x3F));
			p += 2;
		} else
			mi_buf_append(b, p, 1);
	}
	mi_buf_puts(b, "\"");
}

static void
yaml_totals(mi_buf *b, const int64_t *totals)
{
	char m[MEDIATE_MONEY_BUFSIZE];
	size_t k;
	mi_buf_puts(b, "{");
	for (k = 1; k < MI_PAY_NTOTALS; k++)
		mi_buf_printf(b, "%s%s: \"%s\"", k > 1 ? ", " : "", total_keys[k], money(m, totals[k]));
	mi_buf_puts(b, "}");
}

static void
yaml_slip(mi_buf *b, const mediate_payslip *s, const char *first, const char *ind)
{
	char m[MEDIATE_MONEY_BUFSIZE];
	size_t k;
	mi_buf_printf(b, "%smediator: ", first);
	yaml_str(b, mediate_mediator_id(s->m));
	mi_buf_printf(b, "\n%sstaff_number: ", ind);
	yaml_str(b, mediate_mediator_staff_number(s->m));
	mi_buf_printf(b, "\n%sname: ", ind);
	yaml_str(b, mediate_mediator_name(s->m));
	mi_buf_printf(b, "\n%sunit: ", ind);
	yaml_str(b, mediate_unit_code(mediate_mediator_unit(s->m)));
	mi_buf_printf(b, "\n%spost: %s\n%slevel: %u\n%srating_milli: %ld\n%stotals: ", ind,
	              mediate_post_type_name(mediate_mediator_post(s->m)), ind, mediate_mediator_level(s->m), ind,
	              (long)s->used_rating, ind);
	yaml_totals(b, s->totals);
	mi_buf_printf(b, "\n%slines:\n", ind);
	for (k = 0; k < s->line_count; k++) {
		const mediate_pay_line *l = &s->lines[k];
		mi_buf_printf(b, "%s  - {kind: %s", ind, mediate_pay_line_kind_name((mediate_pay_line_kind)l->kind));
		if (l->number != NULL) {
			mi_buf_puts(b, ", case: ");
			yaml_str(b, l->number);
		}
		mi_buf_puts(b, ", rule: ");
		yaml_str(b, l->rule);
		if (l->days > 0)
			mi_buf_printf(b, ", days: %u", l->days);
		if (l->kind == MEDIATE_PAY_LINE_DEDUCTION && s->run->deductions[l->award].note != NULL) {
			mi_buf_puts(b, ", note: ");
			yaml_str(b, s->run->deductions[l->award].note);
		}
		if (l->limited)
			mi_buf_puts(b, ", limited: true");
		mi_buf_printf(b, ", amount: \"%s\"}\n", money(m, l->amount));
	}
}

static int
finish(mi_buf *b, char **out, size_t *len)
{
	if (b->failed || b->data == NULL) {
		mi_buf_free(b);
		return mi_nomem();
	}
	*out = b->data;
	if (len != NULL)
		*len = b->len;
	return 0;
}

mediate_status
mediate_payroll_to_yaml(char **out, size_t *len, const mediate_payroll *run, unsigned int flags)
{
	mi_buf b = { 0 };
	char m[MEDIATE_MONEY_BUFSIZE];
	size_t i;
	int off;

	if (out == NULL || run == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll to YAML: NULL argument");
	if (flags & ~MEDIATE_PAYROLL_SUMMARY)
		return mi_err(MEDIATE_EINVAL, "payroll to YAML: unknown flags 0x%x", flags);
	if (!run->computed)
		return mi_err(MEDIATE_ESTATE, "payroll to YAML: compute the payroll first");
	off = run->pay->offset < 0 ? -run->pay->offset : run->pay->offset;
	mi_buf_printf(&b, "payroll:\n  month: \"%04d-%02d\"\n  utc_offset: \"%c%02d:%02d\"\n  days: %u\n"
	              "  mediators: %zu\n  cases: %zu\n  awards: %zu\n  deductions: %zu\n  totals: ",
	              run->year, run->month, run->pay->offset < 0 ? '-' : '+', off / 60, off % 60, run->days,
	              run->slip_count, run->case_count, run->award_count, run->deduction_count);
	yaml_totals(&b, run->totals);
	mi_buf_puts(&b, "\n  units:\n");
	for (i = 0; i < run->unit_count; i++) {
		mi_buf_puts(&b, "    - unit: ");
		yaml_str(&b, mediate_unit_code(run->units[i].unit));
		if (run->units[i].budget >= 0)
			mi_buf_printf(&b, "\n      budget: \"%s\"", money(m, run->units[i].budget));
		mi_buf_puts(&b, "\n      totals: ");
		yaml_totals(&b, run->units[i].totals);
		mi_buf_puts(&b, "\n");
	}
	if (flags & MEDIATE_PAYROLL_SUMMARY) {
		mi_buf_puts(&b, "  mediators_totals:\n");
		for (i = 0; i < run->slip_count; i++) {
			const mediate_payslip *s = &run->slips[i];
			mi_buf_puts(&b, "    - {staff_number: ");
			yaml_str(&b, mediate_mediator_staff_number(s->m));
			mi_buf_puts(&b, ", mediator: ");
			yaml_str(&b, mediate_mediator_id(s->m));
			mi_buf_puts(&b, ", name: ");
			yaml_str(&b, mediate_mediator_name(s->m));
			mi_buf_puts(&b, ", unit: ");
			yaml_str(&b, mediate_unit_code(mediate_mediator_unit(s->m)));
			mi_buf_puts(&b, ", totals: ");
			yaml_totals(&b, s->totals);
			mi_buf_puts(&b, "}\n");
		}
	} else {
		mi_buf_puts(&b, "  payslips:\n");
		for (i = 0; i < run->slip_count; i++)
			yaml_slip(&b, &run->slips[i], "    - ", "      ");
	}
	return finish(&b, out, len);
}

mediate_status
mediate_payslip_to_yaml(char **out, size_t *len, const mediate_payslip *slip)
{
	mi_buf b = { 0 };
	if (out == NULL || slip == NULL)
		return mi_err(MEDIATE_EINVAL, "payslip to YAML: NULL argument");
	mi_buf_printf(&b, "payslip:\n  month: \"%04d-%02d\"\n", slip->run->year, slip->run->month);
	yaml_slip(&b, slip, "  ", "  ");
	return finish(&b, out, len);
}

/* ---- CSV (RFC 4180) ---- */

/* One field; prefix (may be "") goes before s, inside the quotes if any. */
static void
csv_put(mi_buf *b, const char *prefix, const char *s, int last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		const char *p;
		mi_buf_puts(b, "\"");
		mi_buf_puts(b, prefix);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				mi_buf_puts(b, "\"");
			mi_buf_append(b, p, 1);
		}
		mi_buf_puts(b, "\"");
	} else {
		mi_buf_puts(b, prefix);
		mi_buf_puts(b, s);
	}
	mi_buf_puts(b, last ? "\r\n" : ",");
}

static void
csv_field(mi_buf *b, const char *s, int last)
{
	csv_put(b, "", s, last);
}

/*
 * A free text field (a name, a note): a spreadsheet would run text that
 * starts with =, +, -, @, a tab or a CR as a formula, so such text gets a
 * leading apostrophe (OWASP's advice against CSV injection).
 */
static void
csv_text(mi_buf *b, const char *s, int last)
{
	int formula = s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	csv_put(b, formula ? "'" : "", s, last);
}

mediate_status
mediate_payroll_to_csv(char **out, size_t *len, const mediate_payroll *run, unsigned int flags)
{
	mi_buf b = { 0 };
	char m[MEDIATE_MONEY_BUFSIZE], num[24];
	size_t i, k;

	if (out == NULL || run == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll to CSV: NULL argument");
	if (flags & ~MEDIATE_PAYROLL_SUMMARY)
		return mi_err(MEDIATE_EINVAL, "payroll to CSV: unknown flags 0x%x", flags);
	if (!run->computed)
		return mi_err(MEDIATE_ESTATE, "payroll to CSV: compute the payroll first");
	if (flags & MEDIATE_PAYROLL_SUMMARY) {
		mi_buf_puts(&b, "staff_number,mediator_id,name,unit,post,level,base,grade,awards,cap,budget,incentive,"
		            "deductions,net\r\n");
		for (i = 0; i < run->slip_count; i++) {
			const mediate_payslip *s = &run->slips[i];
			csv_field(&b, mediate_mediator_staff_number(s->m), 0);
			csv_field(&b, mediate_mediator_id(s->m), 0);
			csv_text(&b, mediate_mediator_name(s->m), 0);
			csv_field(&b, mediate_unit_code(mediate_mediator_unit(s->m)), 0);
			csv_field(&b, mediate_post_type_name(mediate_mediator_post(s->m)), 0);
			snprintf(num, sizeof num, "%u", mediate_mediator_level(s->m));
			csv_field(&b, num, 0);
			for (k = 1; k < MI_PAY_NTOTALS; k++)
				csv_field(&b, money(m, s->totals[k]), k == MI_PAY_NTOTALS - 1);
		}
	} else {
		mi_buf_puts(&b, "staff_number,mediator_id,name,unit,kind,case_number,rule,days,amount,note\r\n");
		for (i = 0; i < run->slip_count; i++) {
			const mediate_payslip *s = &run->slips[i];
			for (k = 0; k < s->line_count; k++) {
				const mediate_pay_line *l = &s->lines[k];
				csv_field(&b, mediate_mediator_staff_number(s->m), 0);
				csv_field(&b, mediate_mediator_id(s->m), 0);
				csv_text(&b, mediate_mediator_name(s->m), 0);
				csv_field(&b, mediate_unit_code(mediate_mediator_unit(s->m)), 0);
				csv_field(&b, mediate_pay_line_kind_name((mediate_pay_line_kind)l->kind), 0);
				csv_field(&b, l->number, 0);
				csv_field(&b, l->rule, 0);
				if (l->days > 0)
					snprintf(num, sizeof num, "%u", l->days);
				else
					num[0] = '\0';
				csv_field(&b, num, 0);
				csv_field(&b, money(m, l->amount), 0);
				csv_text(&b, l->kind == MEDIATE_PAY_LINE_DEDUCTION ? run->deductions[l->award].note : NULL, 1);
			}
		}
	}
	return finish(&b, out, len);
}
