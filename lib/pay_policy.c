/* SPDX-License-Identifier: MIT */
/*
 * Pay: the policy section "pay" (mediate-policy(5)).
 *
 *   pay:
 *     utc_offset: "+08:00"          # days and months are counted here
 *     tables:                       # versions, effective dates ascending
 *       - effective: 2026-01-01
 *         reference_wage: "6500.00" # optional: amounts may then be {permille: N}
 *         base: {full_time: .., part_time: .., retired_volunteer: .., invited_expert: ..}
 *         grade: [level 1, .., level 9]
 *         incentives: {<level>: {performed: .., reached: .., failed_process: .., confirmed_bonus: ..}}
 *         rating_bands: [{from: 0, factor: 800}, {from: 3500, factor: 1000}, ..]
 *         roles: {lead: 60, co_mediator: 30, expert: 10}
 *         cap: "3000.00"            # optional
 *         deductions: {upheld_complaint: "200.00"}         # optional
 *         unit_budgets: [{unit: YZ-SJ, amount: "20000.00"}] # optional
 *
 * Every version is complete (nothing is inherited from the one before), so a
 * version can be read on its own.  Every amount is >= 0.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pay_priv.h"
#include "grade_priv.h"

/* The grading section's level codes, by rank (grade.h getters). */
static const char *const post_keys[] = { "full_time", "part_time", "retired_volunteer", "invited_expert", NULL };
static const char *const col_keys[] = { "performed", "reached", "failed_process", "confirmed_bonus", NULL };
static const char *const role_keys[] = { "lead", "co_mediator", "expert", NULL };

static int
parse_date(const char *s, int *y, int *m, int *dd)
{
	int i;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*dd = (s[8] - '0') * 10 + (s[9] - '0');
	return 0;
}

static char *
rule_path(size_t t, const char *a, const char *b)
{
	mi_buf buf = { 0 };
	mi_buf_printf(&buf, "pay.tables[%zu].%s", t, a);
	if (b != NULL)
		mi_buf_printf(&buf, ".%s", b);
	if (buf.failed) {
		mi_buf_free(&buf);
		return NULL;
	}
	return buf.data;
}

/* A non-negative amount: "1234.56", or {permille: N} of the reference wage. */
static int
load_amount(const mi_pay_table *t, const ynode *n, ydiag *d, ypath *path, int64_t *out, int32_t *permille)
{
	static const char *const keys[] = { "permille", NULL };
	*permille = 0;
	if (n != NULL && n->kind == YNODE_MAP) {
		int64_t pm;
		size_t mark;
		const ynode *v;
		if (ymap_check_keys(d, n, path, keys) > 0)
			return MEDIATE_EVALIDATE;
		if ((v = yreq(d, n, path, "permille")) == NULL)
			return MEDIATE_EVALIDATE;
		mark = ypath_key(path, "permille");
		if (yget_int(d, v, path, 0, 100000, &pm) != 0) {
			ypath_pop(path, mark);
			return MEDIATE_EVALIDATE;
		}
		if (t->reference_wage < 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path,
			             "a per-mille standard needs the version's reference_wage");
			ypath_pop(path, mark);
			return MEDIATE_EVALIDATE;
		}
		ypath_pop(path, mark);
		if (mediate_money_mul_ratio(out, t->reference_wage, pm, 1000) != 0) {
			ydiag_report(d, MEDIATE_ERANGE, n, path, "amount overflows");
			return MEDIATE_EVALIDATE;
		}
		*permille = (int32_t)pm;
		return 0;
	}
	if (yget_money(d, n, path, out) != 0)
		return MEDIATE_EVALIDATE;
	if (*out < 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "amounts of pay tables may not be negative");
		return MEDIATE_EVALIDATE;
	}
	return 0;
}

static int
load_table(mediate_policy *p, struct mi_pay *pay, size_t ti, const ynode *e, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "effective", "reference_wage", "base", "grade", "incentives",
		"rating_bands", "roles", "cap", "deductions", "unit_budgets", NULL };
	mi_pay_table *t = &pay->tables[ti];
	const ynode *v, *it;
	const char *s;
	size_t mark, m2, i, j;
	int rc = 0;
	int64_t x;

	t->reference_wage = -1;
	t->cap = -1;
	if (yget_map(d, e, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, e, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;

	if ((v = yreq(d, e, path, "effective")) != NULL) {
		mark = ypath_key(path, "effective");
		if (yget_str(d, v, path, &s) == 0) {
			mediate_civil c;
			memset(&c, 0, sizeof c);
			c.offset_minutes = pay->offset;
			if (parse_date(s, &c.year, &c.month, &c.day) != 0 || mediate_time_from_civil(&t->effective, &c) != 0) {
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "\"%s\" is not a date like 2026-01-01", s);
				rc = MEDIATE_EVALIDATE;
			} else {
				memcpy(t->effective_text, s, 10);
				t->effective_text[10] = '\0';
				if (ti > 0 && pay->tables[ti - 1].effective_text[0] != '\0' &&
				    t->effective <= pay->tables[ti - 1].effective) {
					ydiag_report(d, MEDIATE_EVALIDATE, v, path,
					             "effective dates must increase: %s is not after %s", s,
					             pay->tables[ti - 1].effective_text);
					rc = MEDIATE_EVALIDATE;
				}
			}
		} else
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	} else
		rc = MEDIATE_EVALIDATE;

	if ((v = ymap_get(e, "reference_wage")) != NULL) {
		mark = ypath_key(path, "reference_wage");
		if (yget_money(d, v, path, &x) != 0)
			rc = MEDIATE_EVALIDATE;
		else if (x <= 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the reference wage must be positive");
			rc = MEDIATE_EVALIDATE;
		} else
			t->reference_wage = x;
		ypath_pop(path, mark);
	}

	/* base: every post type */
	if ((v = yreq(d, e, path, "base")) != NULL) {
		mark = ypath_key(path, "base");
		if (yget_map(d, v, path) != 0 || ymap_check_keys(d, v, path, post_keys) > 0)
			rc = MEDIATE_EVALIDATE;
		else
			for (i = 0; post_keys[i] != NULL; i++) {
				const ynode *a = yreq(d, v, path, post_keys[i]);
				if (a == NULL) {
					rc = MEDIATE_EVALIDATE;
					continue;
				}
				m2 = ypath_key(path, post_keys[i]);
				if (load_amount(t, a, d, path, &t->base[i + 1], &t->base_permille[i + 1]) != 0)
					rc = MEDIATE_EVALIDATE;
				ypath_pop(path, m2);
			}
		ypath_pop(path, mark);
	} else
		rc = MEDIATE_EVALIDATE;

	/* grade: one amount per mediator level */
	if ((v = yreq(d, e, path, "grade")) != NULL) {
		mark = ypath_key(path, "grade");
		if (yget_seq(d, v, path) != 0)
			rc = MEDIATE_EVALIDATE;
		else if (v->count != MEDIATE_MEDIATOR_LEVEL_MAX) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path,
			             "the grade salary needs one amount for each mediator level 1..%d, found %zu",
			             MEDIATE_MEDIATOR_LEVEL_MAX, v->count);
			rc = MEDIATE_EVALIDATE;
		} else
			for (it = v->first, i = 1; it != NULL; it = it->next, i++) {
				m2 = ypath_index(path, i - 1);
				if (load_amount(t, it, d, path, &t->grade[i], &t->grade_permille[i]) != 0)
					rc = MEDIATE_EVALIDATE;
				ypath_pop(path, m2);
			}
		ypath_pop(path, mark);
	} else
		rc = MEDIATE_EVALIDATE;

	/* incentives: every grading level x every column */
	t->incentive = mi_calloc(pay->level_count * MI_PAY_NCOL, sizeof *t->incentive);
	t->incentive_rule = mi_calloc(pay->level_count * MI_PAY_NCOL, sizeof *t->incentive_rule);
	if (t->incentive == NULL || t->incentive_rule == NULL)
		return MEDIATE_ENOMEM;
	if ((v = yreq(d, e, path, "incentives")) != NULL) {
		mark = ypath_key(path, "incentives");
		if (yget_map(d, v, path) != 0)
			rc = MEDIATE_EVALIDATE;
		else {
			for (it = v->first; it != NULL; it = it->next)
				if (it->str != NULL && mediate_policy_level_find(p, it->str) == NULL) {
					ydiag_report(d, MEDIATE_EVALIDATE, it, path,
					             "unknown level \"%s\" (levels are those of the grading section)", it->str);
					rc = MEDIATE_EVALIDATE;
				}
			for (i = 0; i < pay->level_count; i++) {
				const char *code = mediate_level_code(mediate_policy_level_at(p, i));
				const ynode *lv = yreq(d, v, path, code);
				if (lv == NULL) {
					rc = MEDIATE_EVALIDATE;
					continue;
				}
				m2 = ypath_key(path, code);
				if (yget_map(d, lv, path) != 0 || ymap_check_keys(d, lv, path, col_keys) > 0)
					rc = MEDIATE_EVALIDATE;
				else
					for (j = 0; j < MI_PAY_NCOL; j++) {
						const ynode *a = yreq(d, lv, path, col_keys[j]);
						size_t m3;
						int32_t pm;
						if (a == NULL) {
							rc = MEDIATE_EVALIDATE;
							continue;
						}
						m3 = ypath_key(path, col_keys[j]);
						if (load_amount(t, a, d, path, &t->incentive[i * MI_PAY_NCOL + j], &pm) != 0)
							rc = MEDIATE_EVALIDATE;
						ypath_pop(path, m3);
						if ((t->incentive_rule[i * MI_PAY_NCOL + j] =
						     rule_path(ti, "incentives", NULL)) == NULL)
							return MEDIATE_ENOMEM;
						{
							char *r = t->incentive_rule[i * MI_PAY_NCOL + j];
							mi_buf b = { 0 };
							mi_buf_printf(&b, "%s.%s.%s", r, code, col_keys[j]);
							mi_free(r);
							t->incentive_rule[i * MI_PAY_NCOL + j] = b.data;
							if (b.failed) {
								mi_buf_free(&b);
								t->incentive_rule[i * MI_PAY_NCOL + j] = NULL;
								return MEDIATE_ENOMEM;
							}
						}
					}
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	} else
		rc = MEDIATE_EVALIDATE;

	/* rating bands */
	if ((v = yreq(d, e, path, "rating_bands")) != NULL) {
		static const char *const bkeys[] = { "from", "factor", NULL };
		mark = ypath_key(path, "rating_bands");
		if (yget_seq(d, v, path) != 0)
			rc = MEDIATE_EVALIDATE;
		else if (v->count == 0 || v->count > MI_PAY_MAX_BANDS) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "between 1 and %d rating bands are needed",
			             MI_PAY_MAX_BANDS);
			rc = MEDIATE_EVALIDATE;
		} else {
			t->bands = mi_calloc(v->count, sizeof *t->bands);
			if (t->bands == NULL)
				return MEDIATE_ENOMEM;
			t->band_count = v->count;
			for (it = v->first, i = 0; it != NULL; it = it->next, i++) {
				const ynode *a;
				int64_t from = -1, factor = 0;
				m2 = ypath_index(path, i);
				if (yget_map(d, it, path) != 0 || ymap_check_keys(d, it, path, bkeys) > 0) {
					rc = MEDIATE_EVALIDATE;
					ypath_pop(path, m2);
					continue;
				}
				if ((a = yreq(d, it, path, "from")) != NULL) {
					size_t m3 = ypath_key(path, "from");
					if (yget_int(d, a, path, 0, 5000, &from) != 0)
						rc = MEDIATE_EVALIDATE;
					else if (i == 0 && from != 0) {
						ydiag_report(d, MEDIATE_EVALIDATE, a, path,
						             "the first rating band must start from 0, not %lld", (long long)from);
						rc = MEDIATE_EVALIDATE;
					} else if (i > 0 && from <= t->bands[i - 1].from) {
						ydiag_report(d, MEDIATE_EVALIDATE, a, path,
						             "rating bands must start higher and higher: %lld is not above %d",
						             (long long)from, t->bands[i - 1].from);
						rc = MEDIATE_EVALIDATE;
					}
					ypath_pop(path, m3);
				} else
					rc = MEDIATE_EVALIDATE;
				if ((a = yreq(d, it, path, "factor")) != NULL) {
					size_t m3 = ypath_key(path, "factor");
					if (yget_int(d, a, path, 0, 10000, &factor) != 0)
						rc = MEDIATE_EVALIDATE;
					ypath_pop(path, m3);
				} else
					rc = MEDIATE_EVALIDATE;
				t->bands[i].from = (int32_t)from;
				t->bands[i].factor = (int32_t)factor;
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	} else
		rc = MEDIATE_EVALIDATE;

	/* role weights */
	if ((v = yreq(d, e, path, "roles")) != NULL) {
		mark = ypath_key(path, "roles");
		if (yget_map(d, v, path) != 0 || ymap_check_keys(d, v, path, role_keys) > 0)
			rc = MEDIATE_EVALIDATE;
		else
			for (i = 0; role_keys[i] != NULL; i++) {
				const ynode *a = yreq(d, v, path, role_keys[i]);
				if (a == NULL) {
					rc = MEDIATE_EVALIDATE;
					continue;
				}
				m2 = ypath_key(path, role_keys[i]);
				if (yget_int(d, a, path, 1, 1000000, &x) != 0)
					rc = MEDIATE_EVALIDATE;
				else
					t->role_weight[i + 1] = (uint32_t)x;
				ypath_pop(path, m2);
			}
		ypath_pop(path, mark);
	} else
		rc = MEDIATE_EVALIDATE;

	if ((v = ymap_get(e, "cap")) != NULL) {
		mark = ypath_key(path, "cap");
		if (load_amount(t, v, d, path, &t->cap, &t->cap_permille) != 0)
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	}

	if ((v = ymap_get(e, "deductions")) != NULL) {
		mark = ypath_key(path, "deductions");
		if (yget_map(d, v, path) != 0)
			rc = MEDIATE_EVALIDATE;
		else if (v->count > 0) {
			t->deduction_code = mi_calloc(v->count, sizeof *t->deduction_code);
			t->deduction_amount = mi_calloc(v->count, sizeof *t->deduction_amount);
			t->deduction_rule = mi_calloc(v->count, sizeof *t->deduction_rule);
			if (t->deduction_code == NULL || t->deduction_amount == NULL || t->deduction_rule == NULL)
				return MEDIATE_ENOMEM;
			t->deduction_count = v->count;
			for (it = v->first, i = 0; it != NULL; it = it->next, i++) {
				int32_t pm;
				size_t k;
				m2 = ypath_key(path, it->str != NULL ? it->str : "?");
				for (k = 0; it->str != NULL && it->str[k] != '\0'; k++)
					if (!((it->str[k] >= 'a' && it->str[k] <= 'z') || it->str[k] == '_' ||
					      (it->str[k] >= '0' && it->str[k] <= '9')))
						break;
				if (it->str == NULL || k == 0 || it->str[k] != '\0' || k > 64) {
					ydiag_report(d, MEDIATE_EVALIDATE, it, path,
					             "a deduction code is 1..64 of [a-z0-9_], like upheld_complaint");
					rc = MEDIATE_EVALIDATE;
				} else if ((t->deduction_code[i] = mi_strdup(it->str)) == NULL ||
				           (t->deduction_rule[i] = rule_path(ti, "deductions", it->str)) == NULL)
					return MEDIATE_ENOMEM;
				if (load_amount(t, it->value, d, path, &t->deduction_amount[i], &pm) != 0)
					rc = MEDIATE_EVALIDATE;
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	}

	if ((v = ymap_get(e, "unit_budgets")) != NULL) {
		static const char *const ukeys[] = { "unit", "amount", NULL };
		mark = ypath_key(path, "unit_budgets");
		if (yget_seq(d, v, path) != 0)
			rc = MEDIATE_EVALIDATE;
		else if (v->count > 0) {
			t->budget_unit = mi_calloc(v->count, sizeof *t->budget_unit);
			t->budget_amount = mi_calloc(v->count, sizeof *t->budget_amount);
			t->budget_rule = mi_calloc(v->count, sizeof *t->budget_rule);
			if (t->budget_unit == NULL || t->budget_amount == NULL || t->budget_rule == NULL)
				return MEDIATE_ENOMEM;
			t->budget_count = v->count;
			for (it = v->first, i = 0; it != NULL; it = it->next, i++) {
				const ynode *a;
				m2 = ypath_index(path, i);
				{
					mi_buf b = { 0 };
					mi_buf_printf(&b, "pay.tables[%zu].unit_budgets[%zu]", ti, i);
					if (b.failed) {
						mi_buf_free(&b);
						return MEDIATE_ENOMEM;
					}
					t->budget_rule[i] = b.data;
				}
				if (yget_map(d, it, path) != 0 || ymap_check_keys(d, it, path, ukeys) > 0) {
					rc = MEDIATE_EVALIDATE;
					ypath_pop(path, m2);
					continue;
				}
				if ((a = yreq(d, it, path, "unit")) != NULL) {
					size_t m3 = ypath_key(path, "unit");
					t->budget_unit[i] = mi_policy_unit_ref(p, a, d, path);
					if (t->budget_unit[i] == NULL)
						rc = MEDIATE_EVALIDATE;
					for (j = 0; j < i && t->budget_unit[i] != NULL; j++)
						if (t->budget_unit[j] == t->budget_unit[i]) {
							ydiag_report(d, MEDIATE_EVALIDATE, a, path, "a second budget for unit \"%s\"",
							             mediate_unit_code(t->budget_unit[i]));
							rc = MEDIATE_EVALIDATE;
						}
					ypath_pop(path, m3);
				} else
					rc = MEDIATE_EVALIDATE;
				if ((a = yreq(d, it, path, "amount")) != NULL) {
					size_t m3 = ypath_key(path, "amount");
					int32_t pm;
					if (load_amount(t, a, d, path, &t->budget_amount[i], &pm) != 0)
						rc = MEDIATE_EVALIDATE;
					ypath_pop(path, m3);
				} else
					rc = MEDIATE_EVALIDATE;
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	}

	for (i = 0; post_keys[i] != NULL; i++)
		if ((t->base_rule[i + 1] = rule_path(ti, "base", post_keys[i])) == NULL)
			return MEDIATE_ENOMEM;
	for (i = 1; i < MI_PAY_LEVELS; i++) {
		mi_buf b = { 0 };
		mi_buf_printf(&b, "pay.tables[%zu].grade[%zu]", ti, i - 1);
		if (b.failed) {
			mi_buf_free(&b);
			return MEDIATE_ENOMEM;
		}
		t->grade_rule[i] = b.data;
	}
	if ((t->cap_rule = rule_path(ti, "cap", NULL)) == NULL)
		return MEDIATE_ENOMEM;
	return rc;
}

int
mi_pay_load(mediate_policy *p, const ynode *node, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "utc_offset", "tables", NULL };
	struct mi_pay *pay;
	const ynode *v, *it;
	size_t mark, i;
	int rc = 0, r;

	if (node == NULL)
		return 0;
	if (yget_map(d, node, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, node, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;
	if (mediate_policy_level_count(p) == 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, node, path,
		             "the pay section needs the grading section's levels (incentives are by level)");
		return MEDIATE_EVALIDATE;
	}
	pay = mi_calloc(1, sizeof *pay);
	if (pay == NULL)
		return MEDIATE_ENOMEM;
	p->pay = pay;
	pay->offset = MEDIATE_OFFSET_CST;
	pay->level_count = mediate_policy_level_count(p);
	if ((v = ymap_get(node, "utc_offset")) != NULL) {
		const char *s;
		mark = ypath_key(path, "utc_offset");
		if (yget_str(d, v, path, &s) == 0) {
			if (mi_zone_offset_parse(s, &pay->offset) != 0) {
				ydiag_report(d, MEDIATE_EVALIDATE, v, path,
				             "\"%.40s\" is not a UTC offset like +08:00 (-12:00 to +14:00)", s);
				rc = MEDIATE_EVALIDATE;
			}
		} else
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, node, path, "tables")) == NULL)
		return MEDIATE_EVALIDATE;
	mark = ypath_key(path, "tables");
	if (yget_seq(d, v, path) != 0) {
		ypath_pop(path, mark);
		return MEDIATE_EVALIDATE;
	}
	if (v->count == 0 || v->count > MI_PAY_MAX_TABLES) {
		ydiag_report(d, MEDIATE_EVALIDATE, v, path, "between 1 and %d pay tables are needed", MI_PAY_MAX_TABLES);
		ypath_pop(path, mark);
		return MEDIATE_EVALIDATE;
	}
	pay->tables = mi_calloc(v->count, sizeof *pay->tables);
	if (pay->tables == NULL)
		return MEDIATE_ENOMEM;
	pay->table_count = v->count;
	for (it = v->first, i = 0; it != NULL && !ydiag_full(d); it = it->next, i++) {
		size_t m2 = ypath_index(path, i);
		r = load_table(p, pay, i, it, d, path);
		ypath_pop(path, m2);
		if (r == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = r;
	}
	ypath_pop(path, mark);
	return rc;
}

static void
free_table(mi_pay_table *t, size_t level_count)
{
	size_t i;
	for (i = 0; i < MI_PAY_POSTS; i++)
		mi_free(t->base_rule[i]);
	for (i = 0; i < MI_PAY_LEVELS; i++)
		mi_free(t->grade_rule[i]);
	if (t->incentive_rule != NULL)
		for (i = 0; i < level_count * MI_PAY_NCOL; i++)
			mi_free(t->incentive_rule[i]);
	mi_free(t->incentive_rule);
	mi_free(t->incentive);
	mi_free(t->bands);
	mi_free(t->cap_rule);
	for (i = 0; i < t->deduction_count; i++) {
		mi_free(t->deduction_code[i]);
		mi_free(t->deduction_rule[i]);
	}
	mi_free(t->deduction_code);
	mi_free(t->deduction_rule);
	mi_free(t->deduction_amount);
	for (i = 0; i < t->budget_count; i++)
		mi_free(t->budget_rule[i]);
	mi_free(t->budget_rule);
	mi_free(t->budget_unit);
	mi_free(t->budget_amount);
}

void
mi_pay_free(mediate_policy *p)
{
	size_t i;
	if (p->pay == NULL)
		return;
	for (i = 0; i < p->pay->table_count; i++)
		free_table(&p->pay->tables[i], p->pay->level_count);
	mi_free(p->pay->tables);
	mi_free(p->pay);
	p->pay = NULL;
}

const mi_pay_table *
mi_pay_table_at(const struct mi_pay *pay, int64_t t)
{
	size_t lo = 0, hi = pay->table_count;
	/* the last table with effective <= t */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pay->tables[mid].effective <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? NULL : &pay->tables[lo - 1];
}
