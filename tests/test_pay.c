/* SPDX-License-Identifier: MIT */
/*
 * Pay: the policy section, proration across a table change, awards by the
 * version of the resolved day, team splits with remainders, caps hit
 * exactly, unit budgets, deductions, overflow, refusals, exports and the
 * sample county.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "ydoc.h"

static const char head[] =
	"policy: {name: 测试区, language: zh}\n"
	"taxonomy:\n"
	"  - {code: neighbour, name: {zh: 邻里纠纷, en: Neighbour}}\n"
	"  - {code: labour, name: {zh: 劳动争议, en: Labour}}\n"
	"org:\n"
	"  - {code: YZ, kind: county, name: 鄞州区}\n"
	"  - {code: YZ-ZGM, kind: town, parent: YZ, name: 钟公庙街道}\n"
	"  - {code: YZ-ZGM-PS, kind: police_station, parent: YZ-ZGM, name: 钟公庙派出所}\n"
	"  - {code: YZ-XY, kind: town, parent: YZ, name: 下应街道}\n"
	"  - {code: YZ-XY-PS, kind: police_station, parent: YZ-XY, name: 下应派出所}\n"
	"  - {code: YZ-FY, kind: court, parent: YZ, name: 鄞州区人民法院}\n"
	"grading:\n"
	"  levels:\n"
	"    - {code: general, name: 一般纠纷, points: 0, path: on_the_spot, deadline_days: 15}\n"
	"    - {code: difficult, name: 疑难纠纷, points: 40, path: think_tank, deadline_days: 30}\n"
	"    - {code: major, name: 重大纠纷, points: 80, path: joint, deadline_days: 30,\n"
	"       joint_bodies: {default: [YZ-FY]}}\n"
	"  rules:\n"
	"    - {id: amount-1m, description: 争议金额100万元以上, when: {amount_at_least: \"1000000.00\"}, points: 40}\n"
	"    - {id: people-30, description: 涉及30人以上, when: {people_at_least: 30}, points: 40}\n";

#define TABLE_2026 \
	"    - effective: 2026-01-01\n" \
	"      base: {full_time: \"3800.00\", part_time: \"1500.01\", retired_volunteer: \"800.00\", invited_expert: \"0.00\"}\n" \
	"      grade: [\"200.00\", \"300.00\", \"400.00\", \"550.00\", \"700.00\", \"900.00\", \"1100.00\", \"1300.00\", \"1500.00\"]\n" \
	"      incentives:\n" \
	"        general: {performed: \"60.00\", reached: \"50.00\", failed_process: \"10.00\", confirmed_bonus: \"20.00\"}\n" \
	"        difficult: {performed: \"240.00\", reached: \"200.00\", failed_process: \"40.00\", confirmed_bonus: \"80.00\"}\n" \
	"        major: {performed: \"600.00\", reached: \"500.00\", failed_process: \"100.00\", confirmed_bonus: \"200.00\"}\n" \
	"      rating_bands: [{from: 0, factor: 800}, {from: 4000, factor: 1000}, {from: 4500, factor: 1100}]\n" \
	"      roles: {lead: 60, co_mediator: 30, expert: 20}\n" \
	"      cap: \"300.00\"\n" \
	"      deductions: {upheld_complaint: \"200.00\"}\n" \
	"      unit_budgets: [{unit: YZ-XY-PS, amount: \"100.00\"}]\n"

#define TABLE_NOV16 \
	"    - effective: 2026-11-16\n" \
	"      reference_wage: \"7200.00\"\n" \
	"      base: {full_time: {permille: 550}, part_time: \"1600.00\", retired_volunteer: \"800.00\", invited_expert: \"0.00\"}\n" \
	"      grade: [{permille: 30}, {permille: 45}, {permille: 60}, \"600.00\", \"750.00\", \"950.00\", \"1150.00\", \"1350.00\", \"1550.00\"]\n" \
	"      incentives:\n" \
	"        general: {performed: \"70.00\", reached: \"100.01\", failed_process: \"15.00\", confirmed_bonus: \"25.00\"}\n" \
	"        difficult: {performed: \"260.00\", reached: \"220.00\", failed_process: \"50.00\", confirmed_bonus: \"90.00\"}\n" \
	"        major: {performed: \"650.00\", reached: \"550.00\", failed_process: \"120.00\", confirmed_bonus: \"220.00\"}\n" \
	"      rating_bands: [{from: 0, factor: 800}, {from: 4000, factor: 1000}, {from: 4500, factor: 1100}]\n" \
	"      roles: {lead: 60, co_mediator: 30, expert: 20}\n" \
	"      cap: \"300.00\"\n" \
	"      deductions: {upheld_complaint: \"200.00\"}\n" \
	"      unit_budgets: [{unit: YZ-XY-PS, amount: \"100.00\"}]\n"

static const char pay_ok[] = "pay:\n  utc_offset: \"+08:00\"\n  tables:\n" TABLE_2026 TABLE_NOV16;

static mediate_policy *
load_pay(const char *pay, mediate_error *err)
{
	char buf[16384];
	mediate_policy *p = NULL;
	mediate_error local;
	snprintf(buf, sizeof buf, "%s%s", head, pay);
	if (mediate_policy_load_buffer(&p, buf, strlen(buf), "pay.yaml", NULL, err ? err : &local) != 0)
		return NULL;
	return p;
}

static int64_t
at(const char *text)
{
	int64_t t = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_time_parse(&t, NULL, text), 0);
	return t;
}

/* Five mediators: two at 钟公庙, three at 下应 (which has a budget). */
static mediate_roster *
make_roster(const mediate_policy *p)
{
	mediate_roster *r = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(NULL, r, "m-pan", "M-0001", "潘志明", "YZ-ZGM-PS", MEDIATE_POST_FULL_TIME, 3), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(NULL, r, "m-chen", "M-0002", "陈晓燕", "YZ-ZGM-PS", MEDIATE_POST_PART_TIME, 4), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(NULL, r, "m-wang", "M-0003", "王建国", "YZ-XY-PS", MEDIATE_POST_RETIRED_VOLUNTEER, 5), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(NULL, r, "m-li", "M-0004", "李\"老\",师", "YZ-XY-PS", MEDIATE_POST_INVITED_EXPERT, 9), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(NULL, r, "m-zhao", "M-0005", "赵丽华", "YZ-XY-PS", MEDIATE_POST_FULL_TIME, 1), 0);
	return r;
}

static void
neutral_ratings(mediate_payroll *run)
{
	static const char *const ids[] = { "m-pan", "m-chen", "m-wang", "m-li", "m-zhao" };
	size_t i;
	for (i = 0; i < 5; i++)
		CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, ids[i], 4200), 0);
}

static const mediate_pay_line *
line_of(const mediate_payslip *s, mediate_pay_line_kind kind, size_t nth)
{
	size_t i;
	for (i = 0; i < mediate_payslip_line_count(s); i++)
		if (mediate_pay_line_get_kind(mediate_payslip_line_at(s, i)) == kind && nth-- == 0)
			return mediate_payslip_line_at(s, i);
	return NULL;
}

static int64_t
sum_lines(const mediate_payslip *s)
{
	int64_t sum = 0;
	size_t i;
	for (i = 0; i < mediate_payslip_line_count(s); i++)
		sum += mediate_pay_line_amount(mediate_payslip_line_at(s, i));
	return sum;
}

static void
test_proration_across_table_change(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r;
	mediate_payroll *run;
	const mediate_payslip *s;
	const mediate_pay_line *l;
	char *text = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	r = make_roster(p);
	/* November 2026: 30 days, the second table from the 16th: 15 + 15 days. */
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	s = mediate_payroll_find(run, "m-pan");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	/* full time: 3800.00 x 15/30 + (550 permille of 7200.00 = 3960.00) x 15/30 */
	l = line_of(s, MEDIATE_PAY_LINE_BASE, 0);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l), 190000);
	CU_ASSERT_EQUAL(mediate_pay_line_days(l), 15);
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_rule(l), "pay.tables[0].base.full_time");
	l = line_of(s, MEDIATE_PAY_LINE_BASE, 1);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l), 198000);
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_rule(l), "pay.tables[1].base.full_time");
	/* level 3: 400.00 x 15/30 + (60 permille of 7200.00 = 432.00) x 15/30 */
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_GRADE, 0)), 20000);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_GRADE, 1)), 21600);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_BASE), 388000);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_GRADE), 41600);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET), 429600);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, s, 1), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "550 per mille of the reference wage 7200.00"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "x 15/30 days"));
	mediate_free(text);
	/* part time 1500.01 x 15/30 = 750.005 -> 750.01 (half-up, per line) */
	s = mediate_payroll_find(run, "m-chen");
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_BASE, 0)), 75001);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_BASE, 1)), 80000);
	mediate_payroll_free(run);

	/* October: 31 days of the first table, one unprorated line each. */
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 10), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	s = mediate_payroll_find(run, "m-chen");
	CU_ASSERT_EQUAL(mediate_payslip_line_count(s), 2);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_BASE, 0)), 150001);
	CU_ASSERT_EQUAL(mediate_pay_line_days(line_of(s, MEDIATE_PAY_LINE_BASE, 0)), 31);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, s, 0), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "for the whole month (31 days) = 1500.01"));
	mediate_free(text);
	mediate_payroll_free(run);

	/* Before the first table: refused. */
	run = NULL;
	CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, r, NULL, 2025, 12), MEDIATE_ENOTFOUND);
	CU_ASSERT_PTR_NULL(run);
	CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, r, NULL, 2026, 13), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, r, NULL, 2026, 0), MEDIATE_ERANGE);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_award_uses_version_of_resolved_day(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	const mediate_payslip *s;
	char *text = NULL;

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000101", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-11-15T23:59:59+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000102", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-11-16T00:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000103", "difficult", MEDIATE_PAY_PERFORMED, 1,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-11-02T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000104", "major", MEDIATE_PAY_WITHDRAWN, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-11-03T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	s = mediate_payroll_find(run, "m-pan");
	/* lines: 2 base, 2 grade, then awards by resolved time, then the cap */
	CU_ASSERT_EQUAL_FATAL(mediate_payslip_line_count(s), 9);
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_case_number(mediate_payslip_line_at(s, 4)), "YZ-ZGM-PS-2026-000103");
	CU_ASSERT_EQUAL(mediate_pay_line_amount(mediate_payslip_line_at(s, 4)), 32000);  /* 240 + 80 */
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_rule(mediate_payslip_line_at(s, 4)),
	                       "pay.tables[0].incentives.difficult.performed");
	CU_ASSERT_EQUAL(mediate_pay_line_amount(mediate_payslip_line_at(s, 5)), 0);      /* withdrawn */
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_rule(mediate_payslip_line_at(s, 5)), "pay.zero.withdrawn");
	CU_ASSERT_EQUAL(mediate_pay_line_amount(mediate_payslip_line_at(s, 6)), 5000);   /* old table */
	CU_ASSERT_EQUAL(mediate_pay_line_amount(mediate_payslip_line_at(s, 7)), 10001);  /* new table */
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_rule(mediate_payslip_line_at(s, 7)),
	                       "pay.tables[1].incentives.general.reached");
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_AWARDS), 47001);
	/* cap 300.00 of the table in force on the last day */
	CU_ASSERT_EQUAL(mediate_pay_line_get_kind(mediate_payslip_line_at(s, 8)), MEDIATE_PAY_LINE_CAP);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(mediate_payslip_line_at(s, 8)), -17001);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_INCENTIVE), 30000);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, s, 4), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "240.00 + judicial confirmation bonus 80.00 = 320.00"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "effective 2026-01-01"));
	mediate_free(text);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, s, 8), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "awards of 470.01 exceed the monthly cap of 300.00"));
	mediate_free(text);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, s, 9), MEDIATE_ENOTFOUND);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_cap_hit_exactly(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	const mediate_payslip *s;
	char num[64];
	int i;

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 10), 0);
	neutral_ratings(run);
	/* six general agreements of 50.00: exactly the cap of 300.00 */
	for (i = 1; i <= 6; i++) {
		snprintf(num, sizeof num, "YZ-ZGM-PS-2026-%06d", i);
		CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", num, "general", MEDIATE_PAY_REACHED, 0,
		                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-10-12T15:00:00+08:00") + i), 0);
	}
	/* seven for m-chen: 350.00, cut by 50.00 */
	for (i = 11; i <= 17; i++) {
		snprintf(num, sizeof num, "YZ-ZGM-PS-2026-%06d", i);
		CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", num, "general", MEDIATE_PAY_REACHED, 0,
		                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-10-20T15:00:00+08:00") + i), 0);
	}
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	s = mediate_payroll_find(run, "m-pan");
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_AWARDS), 30000);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_CAP), 0);
	CU_ASSERT_PTR_NULL(line_of(s, MEDIATE_PAY_LINE_CAP, 0));
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_INCENTIVE), 30000);
	s = mediate_payroll_find(run, "m-chen");
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_AWARDS), 35000);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_CAP, 0)), -5000);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_INCENTIVE), 30000);
	CU_ASSERT_EQUAL(sum_lines(s), mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET));
	/* a second compute and any add are refused once computed */
	CU_ASSERT_EQUAL(mediate_payroll_compute(run), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-X-1", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-10-12T15:00:00+08:00")), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, "m-pan", 3000), MEDIATE_ESTATE);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_team_split_with_remainders(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	const mediate_pay_line *l1, *l2, *l3;
	int64_t t = at("2026-11-20T16:30:00+08:00");
	char *text = NULL;

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run);
	/* 100.01 yuan (new table, general reached) split 60:30:20 among three:
	 * 10001 x 60/110 = 5455.09, x 30/110 = 2727.54, x 20/110 = 1818.36;
	 * floors 5455 + 2727 + 1818 = 10000, the odd fen goes to the largest
	 * remainder (the co-mediator). Added in a scrambled order. */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-li", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_EXPERT, 3, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_compute(run), MEDIATE_EINVAL);   /* the team is incomplete */
	CU_ASSERT_FALSE(mediate_payroll_is_computed(run));
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_CO_MEDIATOR, 3, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 3, t), 0);
	/* a fourth member is over the team size */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-zhao", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_CO_MEDIATOR, 3, t), MEDIATE_ELIMIT);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	l1 = line_of(mediate_payroll_find(run, "m-pan"), MEDIATE_PAY_LINE_AWARD, 0);
	l2 = line_of(mediate_payroll_find(run, "m-chen"), MEDIATE_PAY_LINE_AWARD, 0);
	l3 = line_of(mediate_payroll_find(run, "m-li"), MEDIATE_PAY_LINE_AWARD, 0);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l1), 5455);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l2), 2728);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l3), 1818);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l1) + mediate_pay_line_amount(l2) + mediate_pay_line_amount(l3), 10001);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, mediate_payroll_find(run, "m-chen"), 4), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "co_mediator share 30/110 of a team of 3 (largest remainder) = 27.28"));
	mediate_free(text);
	mediate_payroll_free(run);

	/* The rating band factor applies to each share: 1100 permille of 54.55 = 60.005 -> 60.01. */
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run);
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, "m-pan", 4500), 0);
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, "m-chen", 3999), 0);
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, "m-li", 5001), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, "m-nobody", 4000), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 3, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_CO_MEDIATOR, 3, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-li", "YZ-ZGM-PS-2026-000200", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_EXPERT, 3, t), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(mediate_payroll_find(run, "m-pan"), MEDIATE_PAY_LINE_AWARD, 0)), 6001);
	/* 800 permille of 27.28 = 21.824 -> 21.82 */
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(mediate_payroll_find(run, "m-chen"), MEDIATE_PAY_LINE_AWARD, 0)), 2182);
	CU_ASSERT_EQUAL(mediate_payslip_rating_milli(mediate_payroll_find(run, "m-chen")), 3999);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_zero_cases(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	char *yaml = NULL, *csv = NULL;
	size_t i, len = 0;
	int64_t sum = 0;

	/* an empty ratings store: everybody has the policy's prior */
	{
		mediate_ratings *rs = NULL;
		CU_ASSERT_EQUAL_FATAL(mediate_ratings_new(&rs, p), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, rs, 2026, 12), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
		CU_ASSERT_EQUAL(mediate_payslip_rating_milli(mediate_payroll_payslip_at(run, 2)),
		                mediate_policy_rating_prior_milli(p));
		mediate_payroll_free(run);
		mediate_ratings_free(rs);
	}
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 12), 0);
	/* before computing: no results, no exports */
	CU_ASSERT_EQUAL(mediate_payroll_payslip_count(run), 0);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&yaml, &len, run, 0), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL(mediate_payroll_payslip_count(run), 5);
	/* ordered by staff number */
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_payslip_mediator(mediate_payroll_payslip_at(run, 0))), "M-0001");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_payslip_mediator(mediate_payroll_payslip_at(run, 4))), "M-0005");
	CU_ASSERT_PTR_NULL(mediate_payroll_payslip_at(run, 5));
	CU_ASSERT_EQUAL(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_AWARDS), 0);
	CU_ASSERT_EQUAL(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_INCENTIVE), 0);
	for (i = 0; i < mediate_payroll_payslip_count(run); i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(run, i);
		CU_ASSERT_EQUAL(mediate_payslip_line_count(s), 2);
		CU_ASSERT_EQUAL(sum_lines(s), mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET));
		sum += mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET);
	}
	/* 3960 + 1600 + 800 + 0 + 4 bases; grades 432 + 600 + 750 + 1550 + 216 */
	CU_ASSERT_EQUAL(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_BASE), 396000 + 160000 + 80000 + 0 + 396000);
	CU_ASSERT_EQUAL(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_GRADE), 43200 + 60000 + 75000 + 155000 + 21600);
	CU_ASSERT_EQUAL(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_NET), sum);
	CU_ASSERT_EQUAL(mediate_payroll_unit_count(run), 2);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_payroll_unit_at(run, 0)), "YZ-XY-PS");
	CU_ASSERT_EQUAL(mediate_payroll_unit_budget(run, 0), 10000);
	CU_ASSERT_EQUAL(mediate_payroll_unit_budget(run, 1), -1);
	CU_ASSERT_EQUAL(mediate_payroll_unit_total(run, 0, MEDIATE_PAY_TOTAL_NET) +
	                mediate_payroll_unit_total(run, 1, MEDIATE_PAY_TOTAL_NET), sum);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&yaml, &len, run, 0), 0);
	CU_ASSERT_EQUAL(strlen(yaml), len);
	CU_ASSERT_PTR_NOT_NULL(strstr(yaml, "month: \"2026-12\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(yaml, "name: \"李\\\"老\\\",师\""));
	CU_ASSERT_EQUAL(mediate_payroll_to_csv(&csv, &len, run, MEDIATE_PAYROLL_SUMMARY), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "staff_number,mediator_id,name,unit,post,level,base,grade,awards,cap,budget,incentive,deductions,net\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "M-0004,m-li,\"李\"\"老\"\",师\",YZ-XY-PS,invited_expert,9,0.00,1550.00,"));
	mediate_free(yaml);
	mediate_free(csv);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_overflow_refused(void)
{
	/* A base salary at the top of the money range: base + grade overflows. */
	static const char huge[] =
		"pay:\n  tables:\n"
		"    - effective: 2026-01-01\n"
		"      base: {full_time: \"92233720368547758.07\", part_time: \"1.00\", retired_volunteer: \"1.00\", invited_expert: \"0.00\"}\n"
		"      grade: [\"1.00\", \"1.00\", \"1.00\", \"1.00\", \"1.00\", \"1.00\", \"1.00\", \"1.00\", \"1.00\"]\n"
		"      incentives:\n"
		"        general: {performed: \"1.00\", reached: \"1.00\", failed_process: \"1.00\", confirmed_bonus: \"1.00\"}\n"
		"        difficult: {performed: \"1.00\", reached: \"1.00\", failed_process: \"1.00\", confirmed_bonus: \"1.00\"}\n"
		"        major: {performed: \"92233720368547000.00\", reached: \"1.00\", failed_process: \"1.00\", confirmed_bonus: \"1.00\"}\n"
		"      rating_bands: [{from: 0, factor: 1000}]\n"
		"      roles: {lead: 1, co_mediator: 1, expert: 1}\n";
	mediate_policy *p = load_pay(huge, NULL);
	mediate_roster *r;
	mediate_payroll *run;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	r = make_roster(p);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 3), 0);
	CU_ASSERT_EQUAL(mediate_payroll_compute(run), MEDIATE_ERANGE);
	CU_ASSERT_FALSE(mediate_payroll_is_computed(run));
	CU_ASSERT_EQUAL(mediate_payroll_payslip_count(run), 0);
	CU_ASSERT_EQUAL(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_NET), 0);
	mediate_payroll_free(run);

	/* Two major awards to a part-timer: the awards total overflows. */
	mediate_roster_remove(r, "m-pan");
	mediate_roster_remove(r, "m-zhao");
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 3), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "A-1", "major", MEDIATE_PAY_PERFORMED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-03-02T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_compute(run), 0);
	mediate_payroll_free(run);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 3), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "A-1", "major", MEDIATE_PAY_PERFORMED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-03-02T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "A-2", "major", MEDIATE_PAY_PERFORMED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-03-03T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_compute(run), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_payroll_payslip_count(run), 0);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
expect_bad_code(const char *pay, int code, const char *path, const char *text)
{
	mediate_error err;
	mediate_policy *p;
	memset(&err, 0, sizeof err);
	p = load_pay(pay, &err);
	CU_ASSERT_PTR_NULL(p);
	mediate_policy_free(p);
	CU_ASSERT_EQUAL(err.code, code);
	if (strcmp(err.path, path) != 0 || strstr(err.text, text) == NULL)
		fprintf(stderr, "\nexpected %s: %s\n     got %s: %s\n", path, text, err.path, err.text);
	CU_ASSERT_STRING_EQUAL(err.path, path);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.text, text));
	CU_ASSERT(err.line > 0);
}

static void
expect_bad(const char *pay, const char *path, const char *text)
{
	expect_bad_code(pay, MEDIATE_EVALIDATE, path, text);
}

static void
replace(char *buf, size_t size, const char *src, const char *from, const char *to)
{
	const char *p = strstr(src, from);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	snprintf(buf, size, "%.*s%s%s", (int)(p - src), src, to, p + strlen(from));
}

static void
test_bad_policies(void)
{
	char buf[8192];

	replace(buf, sizeof buf, pay_ok, "full_time: \"3800.00\"", "full_time: \"-3800.00\"");
	expect_bad(buf, "pay.tables[0].base.full_time", "may not be negative");
	replace(buf, sizeof buf, pay_ok, "        major: {performed: \"600.00\", reached: \"500.00\", failed_process: \"100.00\", confirmed_bonus: \"200.00\"}\n", "");
	expect_bad(buf, "pay.tables[0].incentives.major", "missing required key \"major\"");
	expect_bad("pay: {utc_offset: \"+08:00\"}\n", "pay.tables", "missing required key \"tables\"");
	expect_bad("pay: {tables: []}\n", "pay.tables", "between 1 and");
	replace(buf, sizeof buf, pay_ok, "effective: 2026-11-16", "effective: 2025-11-16");
	expect_bad(buf, "pay.tables[1].effective", "effective dates must increase");
	replace(buf, sizeof buf, pay_ok, "effective: 2026-11-16", "effective: 2026-11-31");
	expect_bad(buf, "pay.tables[1].effective", "is not a date");
	replace(buf, sizeof buf, pay_ok, "[{from: 0, factor: 800}, {from: 4000", "[{from: 100, factor: 800}, {from: 4000");
	expect_bad(buf, "pay.tables[0].rating_bands[0].from", "must start from 0");
	replace(buf, sizeof buf, pay_ok, "grade: [\"200.00\", ", "grade: [");
	expect_bad(buf, "pay.tables[0].grade", "one amount for each mediator level");
	replace(buf, sizeof buf, pay_ok, "      reference_wage: \"7200.00\"\n", "");
	expect_bad(buf, "pay.tables[1].base.full_time.permille", "needs the version's reference_wage");
	replace(buf, sizeof buf, pay_ok, "      cap: \"300.00\"\n", "      caps: \"300.00\"\n");
	expect_bad(buf, "pay.tables[0].caps", "did you mean \"cap\"");
	replace(buf, sizeof buf, pay_ok, "roles: {lead: 60,", "roles: {lead: 0,");
	expect_bad_code(buf, MEDIATE_ERANGE, "pay.tables[0].roles.lead", "");
	replace(buf, sizeof buf, pay_ok, "unit_budgets: [{unit: YZ-XY-PS,", "unit_budgets: [{unit: YZ-XY-P,");
	expect_bad(buf, "pay.tables[0].unit_budgets[0].unit", "YZ-XY-P");
	replace(buf, sizeof buf, pay_ok, "utc_offset: \"+08:00\"", "utc_offset: \"8h\"");
	expect_bad(buf, "pay.utc_offset", "not a UTC offset");
	/* the offsets in use run from -12:00 to +14:00 */
	replace(buf, sizeof buf, pay_ok, "utc_offset: \"+08:00\"", "utc_offset: \"+14:01\"");
	expect_bad(buf, "pay.utc_offset", "(-12:00 to +14:00)");
	replace(buf, sizeof buf, pay_ok, "utc_offset: \"+08:00\"", "utc_offset: \"-12:30\"");
	expect_bad(buf, "pay.utc_offset", "not a UTC offset");
	replace(buf, sizeof buf, pay_ok, "utc_offset: \"+08:00\"", "utc_offset: \"+08:60\"");
	expect_bad(buf, "pay.utc_offset", "not a UTC offset");
	/* a pay section without grading levels */
	{
		mediate_policy *p = NULL;
		mediate_error err;
		char doc[8192];
		const char *g = strstr(head, "grading:");
		snprintf(doc, sizeof doc, "%.*s%s", (int)(g - head), head, pay_ok);
		CU_ASSERT_NOT_EQUAL(mediate_policy_load_buffer(&p, doc, strlen(doc), "pay.yaml", NULL, &err), 0);
		CU_ASSERT_PTR_NULL(p);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.text, "grading section"));
	}
	/* a policy without a pay section: no payroll */
	{
		mediate_policy *p = NULL;
		mediate_roster *r;
		mediate_payroll *run = NULL;
		mediate_error err;
		CU_ASSERT_EQUAL_FATAL(mediate_policy_load_buffer(&p, head, strlen(head), "nopay.yaml", NULL, &err), 0);
		r = make_roster(p);
		CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), MEDIATE_ENOTFOUND);
		CU_ASSERT_PTR_NULL(run);
		mediate_roster_free(r);
		mediate_policy_free(p);
	}
}

static void
test_refusals_change_nothing(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	char *before = NULL, *after = NULL;
	int64_t t = at("2026-11-05T11:00:00+08:00");
	mediate_payroll *run2;

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 2, t), 0);
	/* wrong month */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000301", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-10-31T23:59:59+08:00")), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000301", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-12-01T00:00:00+08:00")), MEDIATE_ERANGE);
	/* unknown mediator, unknown level */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-nobody", "YZ-ZGM-PS-2026-000301", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000301", "urgent", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_ENOTFOUND);
	/* duplicate award, second lead, disagreeing facts */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_CO_MEDIATOR, 2, t), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 2, t), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000300", "major", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_EXPERT, 2, t), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_EXPERT, 2, t + 1), MEDIATE_EINVAL);
	/* invalid arguments */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-1", "general", MEDIATE_PAY_WITHDRAWN, 1,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-1", "general", (mediate_pay_outcome)9, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-1", "general", MEDIATE_PAY_REACHED, 0,
	                                          (mediate_case_mediator_role)0, 1, t), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-1", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 0, t), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_EINVAL);
	{
		char longnum[100];
		memset(longnum, 'A', sizeof longnum);
		longnum[96] = '\0';   /* 96 bytes: one too many */
		CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", longnum, "general", MEDIATE_PAY_REACHED, 0,
		                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_EINVAL);
		longnum[95] = '\0';   /* 95 bytes: a good number, but a time outside the month */
		CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", "upheld_complaint", longnum, NULL,
		                                              at("2026-12-01T00:00:00+08:00")), MEDIATE_ERANGE);
	}
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ\n1", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-\xff", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), MEDIATE_EUTF8);
	/* deductions */
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", "late_report", NULL, NULL, t), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-nobody", "upheld_complaint", NULL, NULL, t), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", "upheld_complaint", NULL, NULL,
	                                              at("2026-12-01T08:00:00+08:00")), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", "upheld_complaint", NULL, "\xc3", t), MEDIATE_EUTF8);

	/* The failed calls left nothing behind: the same payroll as one with the
	 * good award only (plus its partner). */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-chen", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_EXPERT, 2, t), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&before, NULL, run, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run2, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run2);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run2, "m-chen", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_EXPERT, 2, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run2, "m-pan", "YZ-ZGM-PS-2026-000300", "difficult", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 2, t), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run2), 0);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&after, NULL, run2, 0), 0);
	CU_ASSERT_STRING_EQUAL(before, after);
	mediate_free(before);
	mediate_free(after);
	mediate_payroll_free(run);
	mediate_payroll_free(run2);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_budget_and_deductions(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	const mediate_payslip *w, *l, *z;
	int64_t t = at("2026-10-09T10:00:00+08:00");
	char *text = NULL, *csv = NULL;

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 10), 0);
	neutral_ratings(run);
	/* 下应: 50.00 + 50.00 + 10.00 = 110.00 against a budget of 100.00:
	 * 10000 x 5000/11000 = 4545.45 twice and 10000 x 1000/11000 = 909.09;
	 * floors 4545 + 4545 + 909 = 9999, the fen goes to the largest remainder
	 * (0.45, a tie between m-wang and m-li: the lower staff number wins). */
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-wang", "YZ-XY-PS-2026-000001", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-li", "YZ-XY-PS-2026-000002", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-zhao", "YZ-XY-PS-2026-000003", "general", MEDIATE_PAY_FAILED_PROCESS, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, t), 0);
	/* deductions: the invited expert (no base salary, grade 1500.00 + 45.45)
	 * has eight upheld complaints: the eighth is limited to what is left */
	{
		int i;
		for (i = 0; i < 7; i++)
			CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-li", "upheld_complaint", NULL, NULL, t + 60 * i), 0);
	}
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-li", "upheld_complaint", "YZ-XY-PS-2026-000002",
	                                              "当事人投诉调解员态度生硬，经核实属实", t + 3600), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-zhao", "upheld_complaint", NULL, NULL, t + 7200), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	w = mediate_payroll_find(run, "m-wang");
	l = mediate_payroll_find(run, "m-li");
	z = mediate_payroll_find(run, "m-zhao");
	CU_ASSERT_EQUAL(mediate_payslip_total(w, MEDIATE_PAY_TOTAL_INCENTIVE), 4546);
	CU_ASSERT_EQUAL(mediate_payslip_total(w, MEDIATE_PAY_TOTAL_BUDGET), -454);
	CU_ASSERT_EQUAL(mediate_payslip_total(l, MEDIATE_PAY_TOTAL_INCENTIVE), 4545);
	CU_ASSERT_EQUAL(mediate_payslip_total(z, MEDIATE_PAY_TOTAL_INCENTIVE), 909);
	CU_ASSERT_EQUAL(mediate_payroll_unit_total(run, 0, MEDIATE_PAY_TOTAL_INCENTIVE), 10000);
	/* m-li: 1500.00 + 45.45, seven deductions of 200.00 and one limited to 145.45, net 0 */
	CU_ASSERT_EQUAL(mediate_payslip_total(l, MEDIATE_PAY_TOTAL_DEDUCTIONS), -154545);
	CU_ASSERT_EQUAL(mediate_payslip_total(l, MEDIATE_PAY_TOTAL_NET), 0);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, l, mediate_payslip_line_count(l) - 1), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "deduction upheld_complaint of 200.00"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "for case YZ-XY-PS-2026-000002: 当事人投诉"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "limited to 145.45"));
	mediate_free(text);
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, w, 3), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "exceed its budget of 100.00"));
	mediate_free(text);
	/* m-zhao: full-time salary, the whole 200.00 is deducted */
	CU_ASSERT_EQUAL(mediate_payslip_total(z, MEDIATE_PAY_TOTAL_DEDUCTIONS), -20000);
	CU_ASSERT_EQUAL(sum_lines(z), mediate_payslip_total(z, MEDIATE_PAY_TOTAL_NET));
	CU_ASSERT_EQUAL(mediate_payroll_to_csv(&csv, NULL, run, 0), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "M-0004,m-li,\"李\"\"老\"\",师\",YZ-XY-PS,deduction,YZ-XY-PS-2026-000002,"
	                                   "pay.tables[0].deductions.upheld_complaint,,-145.45,当事人投诉调解员态度生硬，经核实属实\r\n"));
	mediate_free(csv);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* A case through its lifecycle to an agreement found performed. */
static mediate_case *
resolved_case(const mediate_policy *p, uint32_t seq, int withdraw)
{
	mediate_case *c = NULL;
	int64_t t = at("2026-11-03T09:30:00+08:00");
	const char *u = "YZ-ZGM-PS";
	size_t s;
	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, p, u, t, MEDIATE_OFFSET_CST, "u-desk"), 0);
	CU_ASSERT_EQUAL(mediate_case_set_category(c, "neighbour"), 0);
	CU_ASSERT_EQUAL(mediate_case_assign_number(c, seq), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张建华"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李秀英"), 0);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, t + 60, "u-desk", u, "受理评估"), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, t + 600, "u-pan", u, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-pan", "潘志明", MEDIATE_MEDIATOR_LEAD, t + 900, "u-pan", u), 0);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-chen", "陈晓燕", MEDIATE_MEDIATOR_CO_MEDIATOR, t + 900, "u-pan", u), 0);
	if (withdraw) {
		CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_WITHDRAWN, t + 3600, "u-pan", u, "申请人撤回"), 0);
		return c;
	}
	CU_ASSERT_EQUAL(mediate_case_set_mode(c, MEDIATE_MODE_ON_THE_SPOT), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, t + 1200, "u-pan", u, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t + 1800, "u-pan", u, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_add_session(c, &s, t + 1800, "钟公庙派出所调解室", 0, NULL, "u-pan", u), 0);
	CU_ASSERT_EQUAL(mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_ORAL, t + 5400, "u-pan", u, "当场达成口头协议"), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, t + 86400, "u-pan", u, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_add_followup(c, MEDIATE_FOLLOWUP_PERFORMED, "已履行", t + 2 * 86400, "u-pan", u), 0);
	return c;
}

static void
test_cases_in(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	mediate_case *c1, *c2, *c3;
	mediate_case_list *list;
	mediate_pay_outcome o;
	int conf = -1;
	int64_t when = 0;
	size_t added = 99, failed = 99;
	const mediate_payslip *s;

	c1 = resolved_case(p, 1, 0);
	c2 = resolved_case(p, 2, 1);
	CU_ASSERT_EQUAL(mediate_pay_case_outcome(&o, &conf, &when, c1), 0);
	CU_ASSERT_EQUAL(o, MEDIATE_PAY_PERFORMED);
	CU_ASSERT_EQUAL(conf, 0);
	CU_ASSERT_EQUAL(when, at("2026-11-03T11:00:00+08:00"));
	CU_ASSERT_EQUAL(mediate_pay_case_outcome(&o, NULL, NULL, c2), 0);
	CU_ASSERT_EQUAL(o, MEDIATE_PAY_WITHDRAWN);
	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c3, p, "YZ-ZGM-PS", at("2026-11-04T09:00:00+08:00"), MEDIATE_OFFSET_CST, "u"), 0);
	CU_ASSERT_EQUAL(mediate_pay_case_outcome(&o, NULL, NULL, c3), MEDIATE_ESTATE);

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run);
	CU_ASSERT_EQUAL(mediate_payroll_add_case(run, c3), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_payroll_add_case(run, c1), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_case(run, c1), MEDIATE_EEXISTS);
	/* a list: c1 again fails, and then nothing of the list is added */
	CU_ASSERT_EQUAL_FATAL(mediate_case_list_new(&list), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(list, c2), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(list, c3), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(list, c1), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_cases(&added, &failed, run, list), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(failed, 2);
	CU_ASSERT_EQUAL(added, 99);
	mediate_payroll_free(run);

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	neutral_ratings(run);
	CU_ASSERT_EQUAL(mediate_payroll_add_cases(&added, &failed, run, list), 0);
	CU_ASSERT_EQUAL(added, 2);   /* c3 has not ended: skipped */
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	s = mediate_payroll_find(run, "m-pan");
	/* general performed 60.00 (first table) split 60:30 -> 40.00 / 20.00 */
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_AWARDS), 4000);
	CU_ASSERT_EQUAL(mediate_payslip_total(mediate_payroll_find(run, "m-chen"), MEDIATE_PAY_TOTAL_AWARDS), 2000);
	CU_ASSERT_EQUAL(mediate_payslip_line_count(s), 4 + 2);
	mediate_payroll_free(run);

	/* another month: skipped by the list, refused alone */
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 12), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_cases(&added, NULL, run, list), 0);
	CU_ASSERT_EQUAL(added, 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_case(run, c1), MEDIATE_ERANGE);
	mediate_payroll_free(run);
	mediate_case_list_free(list);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_same_inputs_same_bytes(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	static const char *const ids[] = { "m-pan", "m-chen", "m-wang", "m-li", "m-zhao" };
	static const mediate_case_mediator_role roles[] = { MEDIATE_MEDIATOR_LEAD, MEDIATE_MEDIATOR_CO_MEDIATOR,
		MEDIATE_MEDIATOR_EXPERT };
	static const char *const levels[] = { "general", "difficult", "major" };
	char *y[2], *c[2];
	int pass, i, k;

	for (pass = 0; pass < 2; pass++) {
		mediate_payroll *run;
		CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
		for (k = 0; k < 40; k++) {
			int j = pass == 0 ? k : 39 - k;   /* the second pass adds in reverse */
			char num[64];
			int m;
			snprintf(num, sizeof num, "YZ-ZGM-PS-2026-%06d", 500 + j);
			for (m = 0; m < 1 + j % 3; m++) {
				int mm = pass == 0 ? m : j % 3 - m;
				CU_ASSERT_EQUAL(mediate_payroll_add_award(run, ids[(j + mm) % 5], num, levels[j % 3],
				                                          (mediate_pay_outcome)(1 + j % 5), j % 5 < 2 && j % 7 == 0,
				                                          roles[mm], (unsigned int)(1 + j % 3),
				                                          at("2026-11-01T08:00:00+08:00") + 3600 * (j % 20)), 0);
			}
		}
		CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, pass ? "m-li" : "m-pan", "upheld_complaint", NULL, "一",
		                                              at("2026-11-20T08:00:00+08:00")), 0);
		CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, pass ? "m-pan" : "m-li", "upheld_complaint", NULL, "一",
		                                              at("2026-11-20T08:00:00+08:00")), 0);
		for (i = 0; i < 5; i++)
			CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, ids[i], 3500 + 300 * i), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
		for (i = 0; i < (int)mediate_payroll_payslip_count(run); i++) {
			const mediate_payslip *s = mediate_payroll_payslip_at(run, (size_t)i);
			CU_ASSERT_EQUAL(sum_lines(s), mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET));
		}
		CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&y[pass], NULL, run, 0), 0);
		CU_ASSERT_EQUAL(mediate_payroll_to_csv(&c[pass], NULL, run, 0), 0);
		mediate_payroll_free(run);
	}
	CU_ASSERT_STRING_EQUAL(y[0], y[1]);
	CU_ASSERT_STRING_EQUAL(c[0], c[1]);
	for (pass = 0; pass < 2; pass++) {
		mediate_free(y[pass]);
		mediate_free(c[pass]);
	}
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_nulls(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run = NULL;
	mediate_pay_outcome o;
	mediate_pay_line_kind k;
	char *s = NULL;
	size_t n;
	int64_t a, b;

	CU_ASSERT_EQUAL(mediate_payroll_new(NULL, p, r, NULL, 2026, 11), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_new(&run, NULL, r, NULL, 2026, 11), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, NULL, NULL, 2026, 11), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(run);
	/* a roster or ratings of another policy object (even one loaded from the same text) */
	{
		mediate_policy *q = load_pay(pay_ok, NULL);
		mediate_roster *qr = make_roster(q);
		mediate_ratings *qt = NULL, *pt = NULL;
		CU_ASSERT_EQUAL_FATAL(mediate_ratings_new(&qt, q), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_ratings_new(&pt, p), 0);
		CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, qr, NULL, 2026, 11), MEDIATE_EINVAL);
		CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "the roster belongs to another policy"));
		CU_ASSERT_EQUAL(mediate_payroll_new(&run, p, r, qt, 2026, 11), MEDIATE_EINVAL);
		CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "the ratings belong to another policy"));
		CU_ASSERT_PTR_NULL(run);
		CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, pt, 2026, 11), 0);
		mediate_payroll_free(run);
		run = NULL;
		mediate_ratings_free(pt);
		mediate_ratings_free(qt);
		mediate_roster_free(qr);
		mediate_policy_free(q);
	}
	mediate_payroll_free(NULL);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	CU_ASSERT_EQUAL(mediate_payroll_period(NULL, &b, run), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_period(&a, &b, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_period(&a, &b, run), 0);
	CU_ASSERT_EQUAL(a, at("2026-11-01T00:00:00+08:00"));
	CU_ASSERT_EQUAL(b, at("2026-12-01T00:00:00+08:00"));
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(NULL, "m-pan", 4000), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_set_rating(run, NULL, 4000), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_case(NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_case(run, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_cases(&n, NULL, run, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_cases(&n, NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(NULL, "m-pan", "X-1", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, NULL, "X-1", "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", NULL, "general", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-pan", "X-1", NULL, MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(NULL, "m-pan", "upheld_complaint", NULL, NULL, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, NULL, "upheld_complaint", NULL, NULL, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", NULL, NULL, NULL, a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_compute(NULL), MEDIATE_EINVAL);
	CU_ASSERT_FALSE(mediate_payroll_is_computed(NULL));
	CU_ASSERT_EQUAL(mediate_payroll_payslip_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_payroll_payslip_at(NULL, 0));
	CU_ASSERT_PTR_NULL(mediate_payroll_find(NULL, "m-pan"));
	CU_ASSERT_EQUAL(mediate_payroll_total(NULL, MEDIATE_PAY_TOTAL_NET), 0);
	CU_ASSERT_EQUAL(mediate_payroll_unit_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_payroll_unit_at(NULL, 0));
	CU_ASSERT_EQUAL(mediate_payroll_unit_total(NULL, 0, MEDIATE_PAY_TOTAL_NET), 0);
	CU_ASSERT_EQUAL(mediate_payroll_unit_budget(NULL, 0), -1);
	CU_ASSERT_PTR_NULL(mediate_payslip_mediator(NULL));
	CU_ASSERT_EQUAL(mediate_payslip_total(NULL, MEDIATE_PAY_TOTAL_NET), 0);
	CU_ASSERT_EQUAL(mediate_payslip_rating_milli(NULL), 0);
	CU_ASSERT_EQUAL(mediate_payslip_line_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_payslip_line_at(NULL, 0));
	CU_ASSERT_EQUAL(mediate_payslip_explain(&s, NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_pay_line_get_kind(NULL), 0);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_pay_line_case_number(NULL));
	CU_ASSERT_PTR_NULL(mediate_pay_line_rule(NULL));
	CU_ASSERT_EQUAL(mediate_pay_line_days(NULL), 0);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(NULL, NULL, run, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&s, NULL, NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_to_csv(NULL, NULL, run, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_to_csv(&s, NULL, NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payslip_to_yaml(&s, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_pay_case_outcome(NULL, NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&s, NULL, run, 8), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payslip_to_yaml(NULL, NULL, mediate_payroll_payslip_at(run, 0)), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_payroll_total(run, (mediate_pay_total)0), 0);
	CU_ASSERT_EQUAL(mediate_payroll_total(run, (mediate_pay_total)9), 0);
	/* names */
	CU_ASSERT_STRING_EQUAL(mediate_pay_outcome_name(MEDIATE_PAY_FAILED_PROCESS), "failed_process");
	CU_ASSERT_PTR_NULL(mediate_pay_outcome_name((mediate_pay_outcome)0));
	CU_ASSERT_PTR_NULL(mediate_pay_outcome_name((mediate_pay_outcome)6));
	CU_ASSERT_EQUAL(mediate_pay_outcome_parse(&o, "withdrawn"), 0);
	CU_ASSERT_EQUAL(o, MEDIATE_PAY_WITHDRAWN);
	CU_ASSERT_EQUAL(mediate_pay_outcome_parse(&o, "won"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_pay_outcome_parse(NULL, "reached"), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_kind_name(MEDIATE_PAY_LINE_BUDGET), "budget");
	CU_ASSERT_PTR_NULL(mediate_pay_line_kind_name((mediate_pay_line_kind)7));
	CU_ASSERT_EQUAL(mediate_pay_line_kind_parse(&k, "cap"), 0);
	CU_ASSERT_EQUAL(k, MEDIATE_PAY_LINE_CAP);
	CU_ASSERT_EQUAL(mediate_pay_line_kind_parse(&k, NULL), MEDIATE_EINVAL);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_sample_county(void)
{
	mediate_policy *p = NULL;
	mediate_roster *r = NULL;
	mediate_case_list *cases = NULL;
	mediate_payroll *run;
	mediate_error err;
	size_t i, j, added = 0, awards = 0;
	int64_t net = 0;
	char *yaml = NULL, *slip = NULL;

	CU_ASSERT_EQUAL_FATAL(mediate_policy_load_file(&p, example_data("county.yaml"), NULL, &err), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_load_file(&r, p, example_data("roster.yaml"), NULL, &err), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_case_list_load_file(&cases, p, example_data("cases.yaml"), NULL, &err), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_cases(&added, NULL, run, cases), 0);
	CU_ASSERT(added > 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL(mediate_payroll_payslip_count(run), mediate_roster_count(r));
	for (i = 0; i < mediate_payroll_payslip_count(run); i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(run, i);
		CU_ASSERT_EQUAL(sum_lines(s), mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET));
		CU_ASSERT(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_INCENTIVE) <= 324000);
		net += mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET);
		for (j = 0; j < mediate_payslip_line_count(s); j++)
			awards += mediate_pay_line_get_kind(mediate_payslip_line_at(s, j)) == MEDIATE_PAY_LINE_AWARD;
	}
	CU_ASSERT_EQUAL(net, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_NET));
	CU_ASSERT(mediate_payroll_total(run, MEDIATE_PAY_TOTAL_BASE) > 0);
	if (added > 0)
		CU_ASSERT(awards >= added);
	CU_ASSERT_EQUAL(mediate_payroll_to_yaml(&yaml, NULL, run, MEDIATE_PAYROLL_SUMMARY), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(yaml, "unit: \"YZ-LP\"\n      budget: \"22000.00\""));
	CU_ASSERT_EQUAL(mediate_payslip_to_yaml(&slip, NULL, mediate_payroll_payslip_at(run, 0)), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(slip, "payslip:\n  month: \"2026-11\"\n  mediator: \""));
	CU_ASSERT_PTR_NOT_NULL(strstr(slip, "\n  lines:\n    - {kind: base"));
	mediate_free(yaml);
	mediate_free(slip);
	mediate_payroll_free(run);
	mediate_case_list_free(cases);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* A version that leaves an amount unchanged does not split it: an odd
 * amount prorated 15/30 + 15/30 would round up twice and pay a fen more. */
static void
test_unchanged_amount_not_split(void)
{
	char buf[8192], buf2[8192];
	mediate_policy *p;
	mediate_roster *r;
	mediate_payroll *run;
	const mediate_payslip *s;
	const mediate_pay_line *l;
	char *text = NULL;

	replace(buf2, sizeof buf2, pay_ok, "full_time: {permille: 550}, part_time: \"1600.00\"",
	        "full_time: \"3800.00\", part_time: \"1500.01\"");
	replace(buf, sizeof buf, buf2, "grade: [{permille: 30},", "grade: [\"200.00\",");
	p = load_pay(buf, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	r = make_roster(p);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	/* part time 1500.01 in both versions: one line of 30 days, not 750.01 twice */
	s = mediate_payroll_find(run, "m-chen");
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_BASE), 150001);
	l = line_of(s, MEDIATE_PAY_LINE_BASE, 0);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(l), 150001);
	CU_ASSERT_EQUAL(mediate_pay_line_days(l), 30);
	CU_ASSERT_STRING_EQUAL(mediate_pay_line_rule(l), "pay.tables[0].base.part_time");
	CU_ASSERT_PTR_NULL(line_of(s, MEDIATE_PAY_LINE_BASE, 1));
	CU_ASSERT_EQUAL(mediate_payslip_explain(&text, s, 0), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "unchanged in pay.tables[1] (effective 2026-11-16)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "for the whole month (30 days) = 1500.01"));
	mediate_free(text);
	/* level 4 grade 550.00 -> 600.00 changed: still prorated 15/30 + 15/30 */
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_GRADE, 0)), 27500);
	CU_ASSERT_EQUAL(mediate_pay_line_amount(line_of(s, MEDIATE_PAY_LINE_GRADE, 1)), 30000);
	CU_ASSERT_EQUAL(mediate_pay_line_days(line_of(s, MEDIATE_PAY_LINE_GRADE, 1)), 15);
	CU_ASSERT_EQUAL(sum_lines(s), mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET));
	/* level 1 grade 200.00 in both: one line; level 3 400.00 -> 432.00: two */
	s = mediate_payroll_find(run, "m-zhao");
	CU_ASSERT_EQUAL(mediate_payslip_line_count(s), 2);
	CU_ASSERT_EQUAL(mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET), 380000 + 20000);
	s = mediate_payroll_find(run, "m-pan");
	CU_ASSERT_EQUAL(mediate_payslip_line_count(s), 3);
	CU_ASSERT_EQUAL(mediate_pay_line_get_kind(mediate_payslip_line_at(s, 1)), MEDIATE_PAY_LINE_GRADE);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* The YAML value at map key `key` of a payslip item, or NULL. */
static const char *
yaml_slip_value(const ynode *root, size_t slip, const char *key)
{
	const ynode *n = ymap_get(root, "payroll");
	size_t i;
	n = n != NULL ? ymap_get(n, "payslips") : NULL;
	if (n == NULL || n->kind != YNODE_SEQ)
		return NULL;
	for (n = n->first, i = 0; n != NULL && i < slip; n = n->next, i++)
		;
	n = n != NULL ? ymap_get(n, key) : NULL;
	return n != NULL && n->kind == YNODE_SCALAR ? n->str : NULL;
}

/* Names and notes with characters YAML may not write raw (C1 controls, NEL,
 * line and paragraph separators, BOM) come back the same from the YAML. */
/* CSV: a deduction's note in its own column; text a spreadsheet would run
 * as a formula (=, +, -, @ first) is kept as text with an apostrophe. */
static void
test_csv_note_and_formula_guard(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = NULL;
	mediate_payroll *run;
	char *csv = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add(NULL, r, "m-pan", "M-0001", "=潘志强", "YZ-ZGM-PS",
	                                         MEDIATE_POST_FULL_TIME, 3), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add(NULL, r, "m-li", "M-0002", "李秀英", "YZ-ZGM-PS",
	                                         MEDIATE_POST_FULL_TIME, 3), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", "upheld_complaint", NULL,
	                                              "=HYPERLINK(\"http://x\",\"点此\")",
	                                              at("2026-11-20T08:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-li", "upheld_complaint", NULL, "-1, 态度问题",
	                                              at("2026-11-21T08:00:00+08:00")), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_to_csv(&csv, NULL, run, 0), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "amount,note\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\r\nM-0001,m-pan,'=潘志强,YZ-ZGM-PS,base,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",-200.00,\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",-200.00,\"'-1, 态度问题\"\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\r\nM-0002,m-li,李秀英,YZ-ZGM-PS,base,"));
	mediate_free(csv);
	/* the summary guards the name too */
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_to_csv(&csv, NULL, run, MEDIATE_PAYROLL_SUMMARY), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\r\nM-0001,m-pan,'=潘志强,YZ-ZGM-PS,full_time,"));
	mediate_free(csv);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_yaml_round_trips_any_text(void)
{
	static const char name[] = "潘\xc2\x80志\xc2\x85明\xe2\x80\xa8\xe2\x80\xa9\xef\xbb\xbf\xc2\x9f\xc2\xa0!";
	static const char note[] = "投诉\r\n属实\t\"引号\"\\\xc2\x85\xe2\x80\xa8\xef\xbb\xbf\x7f\xf0\x9f\x98\x80" "end";
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_roster *r = NULL;
	mediate_payroll *run;
	mediate_error err;
	const char *v;
	char *yaml = NULL;
	ydiag d;
	ydoc doc;
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add(NULL, r, "m-pan", "M-0001", name, "YZ-ZGM-PS", MEDIATE_POST_FULL_TIME, 3), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 11), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-pan", "upheld_complaint", NULL, note,
	                                              at("2026-11-20T08:00:00+08:00")), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_to_yaml(&yaml, NULL, run, 0), 0);
	ydiag_init(&d, "payroll.yaml", &o, &err);
	rc = ydoc_parse(&doc, yaml, strlen(yaml), &d);
	ydiag_finish(&d);
	CU_ASSERT_EQUAL(rc, 0);
	if (rc != 0)
		fprintf(stderr, "\n%s\n", err.text);
	else {
		const ynode *lines;
		v = yaml_slip_value(doc.root, 0, "name");
		CU_ASSERT_PTR_NOT_NULL(v);
		CU_ASSERT(v != NULL && strcmp(v, name) == 0);
		lines = ymap_get(ymap_get(ymap_get(doc.root, "payroll"), "payslips")->first, "lines");
		CU_ASSERT_PTR_NOT_NULL_FATAL(lines);
		v = NULL;
		for (lines = lines->first; lines != NULL; lines = lines->next)
			if (ymap_get(lines, "note") != NULL)
				v = ymap_get(lines, "note")->str;
		CU_ASSERT(v != NULL && strcmp(v, note) == 0);
		ydoc_free(&doc);
	}
	mediate_free(yaml);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* The YAML summary gives each mediator's totals, as the CSV summary does,
 * not only the net. */
static void
test_yaml_summary_mediator_totals(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	mediate_payroll *run;
	char *yaml = NULL;

	CU_ASSERT_EQUAL_FATAL(mediate_payroll_new(&run, p, r, NULL, 2026, 10), 0);
	neutral_ratings(run);
	CU_ASSERT_EQUAL(mediate_payroll_add_award(run, "m-zhao", "YZ-XY-PS-2026-000001", "major", MEDIATE_PAY_REACHED, 0,
	                                          MEDIATE_MEDIATOR_LEAD, 1, at("2026-10-09T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_payroll_add_deduction(run, "m-zhao", "upheld_complaint", NULL, NULL,
	                                              at("2026-10-09T10:00:00+08:00")), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_compute(run), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_payroll_to_yaml(&yaml, NULL, run, MEDIATE_PAYROLL_SUMMARY), 0);
	/* 500.00 awarded, cut to the cap of 300.00 and to the budget of 100.00 */
	CU_ASSERT_PTR_NOT_NULL(strstr(yaml, "    - {staff_number: \"M-0005\", mediator: \"m-zhao\", name: \"赵丽华\", "
	                                    "unit: \"YZ-XY-PS\", totals: {base: \"3800.00\", grade: \"200.00\", "
	                                    "awards: \"500.00\", cap: \"-200.00\", budget: \"-200.00\", "
	                                    "incentive: \"100.00\", deductions: \"-200.00\", net: \"3900.00\"}}\n"));
	mediate_free(yaml);
	mediate_payroll_free(run);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* ---- allocation failure: every allocation of a run fails once in turn ---- */

struct budget {
	long left;     /* allocations still allowed; < 0: unlimited */
	int failed;    /* set when one was refused */
};

static void *
budget_malloc(size_t size, void *user)
{
	struct budget *b = user;
	if (b->left == 0) {
		b->failed = 1;
		b->left = -1;
		return NULL;
	}
	if (b->left > 0)
		b->left--;
	return malloc(size);
}

static void *
budget_realloc(void *ptr, size_t size, void *user)
{
	struct budget *b = user;
	if (b->left == 0) {
		b->failed = 1;
		b->left = -1;
		return NULL;
	}
	if (b->left > 0)
		b->left--;
	return realloc(ptr, size);
}

static void
budget_free(void *ptr, void *user)
{
	(void)user;
	free(ptr);
}

/* Runs expr; when it failed for want of memory, checks it said so and runs
 * it again with memory to spare: the failed call must have changed nothing. */
#define STEP(expr) do { \
	int rc_ = (expr); \
	if (b.failed && rc_ != 0) { \
		CU_ASSERT_EQUAL(rc_, MEDIATE_ENOMEM); \
		b.failed = 0; \
		retried++; \
		rc_ = (expr); \
	} \
	b.failed = 0; \
	CU_ASSERT_EQUAL(rc_, 0); \
	if (rc_ != 0) \
		goto done; \
} while (0)

static void
test_allocation_failure(void)
{
	mediate_policy *p = load_pay(pay_ok, NULL);
	mediate_roster *r = make_roster(p);
	static const char *const ids[] = { "m-pan", "m-chen", "m-wang", "m-li", "m-zhao" };
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, budget_malloc, budget_realloc, budget_free, NULL };
	struct budget b;
	char *reference = NULL;
	long k;
	int retried = 0, complete = 0;

	a.user = &b;
	for (k = -1; k < 200 && !complete; k++) {
		mediate_payroll *run = NULL;
		char *yaml = NULL, *csv = NULL, *why = NULL;
		int i;
		b.left = k;
		b.failed = 0;
		CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), 0);
		STEP(mediate_payroll_new(&run, p, r, NULL, 2026, 11));
		for (i = 0; i < 1500; i++) {
			char num[64];
			int64_t t = at("2026-11-01T09:00:00+08:00") + 1700 * i;
			snprintf(num, sizeof num, "YZ-ZGM-PS-2026-%06d", i + 1);
			STEP(mediate_payroll_add_award(run, ids[i % 5], num, i % 7 ? "general" : "difficult",
			                               MEDIATE_PAY_REACHED, 0, MEDIATE_MEDIATOR_LEAD, 1 + (i % 3 == 0), t));
			if (i % 3 == 0)
				STEP(mediate_payroll_add_award(run, ids[(i + 1) % 5], num, i % 7 ? "general" : "difficult",
				                               MEDIATE_PAY_REACHED, 0, MEDIATE_MEDIATOR_EXPERT, 2, t));
		}
		STEP(mediate_payroll_add_deduction(run, "m-zhao", "upheld_complaint", "YZ-ZGM-PS-2026-000001",
		                                   "回访不及时", at("2026-11-20T10:00:00+08:00")));
		STEP(mediate_payroll_compute(run));
		STEP(mediate_payroll_to_yaml(&yaml, NULL, run, 0));
		STEP(mediate_payroll_to_csv(&csv, NULL, run, MEDIATE_PAYROLL_SUMMARY));
		STEP(mediate_payslip_explain(&why, mediate_payroll_payslip_at(run, 0), 4));
		if (reference == NULL) {
			reference = malloc(strlen(yaml) + 1);
			CU_ASSERT_PTR_NOT_NULL_FATAL(reference);
			strcpy(reference, yaml);
		} else
			CU_ASSERT_STRING_EQUAL(yaml, reference);
		complete = b.left > 0;   /* nothing failed in this run: every allocation was tried */
	done:
		mediate_free(yaml);
		mediate_free(csv);
		mediate_free(why);
		mediate_payroll_free(run);
		CU_ASSERT_EQUAL(mediate_allocator_set(NULL), 0);
	}
	CU_ASSERT(complete);
	CU_ASSERT(retried > 10);

	/* The pay section of the policy under allocation failure. */
	for (k = 0, complete = 0; k < 5000 && !complete; k++) {
		mediate_policy *q = NULL;
		char doc[16384];
		mediate_error err;
		int rc;
		snprintf(doc, sizeof doc, "%s%s", head, pay_ok);
		b.left = k;
		b.failed = 0;
		CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), 0);
		rc = mediate_policy_load_buffer(&q, doc, strlen(doc), "pay.yaml", NULL, &err);
		if (rc == 0) {
			complete = !b.failed;
			mediate_policy_free(q);
		} else {
			CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
			CU_ASSERT_PTR_NULL(q);
		}
		CU_ASSERT_EQUAL(mediate_allocator_set(NULL), 0);
	}
	CU_ASSERT(complete);
	free(reference);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

int
suite_pay(void)
{
	TEST_SUITE(s, "pay");
	TEST_ADD(s, test_proration_across_table_change);
	TEST_ADD(s, test_award_uses_version_of_resolved_day);
	TEST_ADD(s, test_cap_hit_exactly);
	TEST_ADD(s, test_team_split_with_remainders);
	TEST_ADD(s, test_zero_cases);
	TEST_ADD(s, test_overflow_refused);
	TEST_ADD(s, test_bad_policies);
	TEST_ADD(s, test_refusals_change_nothing);
	TEST_ADD(s, test_budget_and_deductions);
	TEST_ADD(s, test_cases_in);
	TEST_ADD(s, test_same_inputs_same_bytes);
	TEST_ADD(s, test_nulls);
	TEST_ADD(s, test_sample_county);
	TEST_ADD(s, test_unchanged_amount_not_split);
	TEST_ADD(s, test_yaml_round_trips_any_text);
	TEST_ADD(s, test_csv_note_and_formula_guard);
	TEST_ADD(s, test_yaml_summary_mediator_totals);
	TEST_ADD(s, test_allocation_failure);
	return 0;
}
