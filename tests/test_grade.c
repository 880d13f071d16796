/* SPDX-License-Identifier: MIT */
/* Grading: the policy section, every condition kind, floors vs points, ties,
 * explanations, batch grading and bad policies. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

/* 2026-11-03T09:30:00+08:00 */
#define T0 1793669400LL

static const char base_policy[] =
	"policy: {name: 测试区, language: zh}\n"
	"taxonomy:\n"
	"  - {code: neighbour, name: {zh: 邻里纠纷, en: Neighbour}}\n"
	"  - {code: neighbour.noise, parent: neighbour, name: {zh: 噪音扰民, en: Noise}}\n"
	"  - {code: labour, name: {zh: 劳动争议, en: Labour}}\n"
	"  - {code: labour.wage_arrears, parent: labour, name: {zh: 欠薪, en: Wage arrears}}\n"
	"  - {code: medical, name: {zh: 医疗纠纷, en: Medical}}\n"
	"org:\n"
	"  - {code: YZ, kind: county, name: 鄞州区}\n"
	"  - {code: YZ-ZGM, kind: town, parent: YZ, name: 钟公庙街道}\n"
	"  - {code: YZ-ZGM-PS, kind: police_station, parent: YZ-ZGM, name: 钟公庙派出所}\n"
	"  - {code: YZ-XY, kind: town, parent: YZ, name: 下应街道}\n"
	"  - {code: YZ-XY-PS, kind: police_station, parent: YZ-XY, name: 下应派出所}\n"
	"  - {code: YZ-FY, kind: court, parent: YZ, name: 鄞州区人民法院}\n"
	"  - {code: YZ-YTW, kind: association, parent: YZ, name: 医调委}\n";

static const char levels3[] =
	"grading:\n"
	"  levels:\n"
	"    - {code: general, name: {zh: 一般纠纷, en: General}, points: 0, path: on_the_spot, deadline_days: 15}\n"
	"    - {code: difficult, name: {zh: 疑难纠纷, en: Difficult}, points: 40, path: think_tank,\n"
	"       deadline_days: 30, mediator_level: 3, think_tank: true}\n"
	"    - code: major\n"
	"      name: {zh: 重大纠纷, en: Major}\n"
	"      points: 80\n"
	"      path: joint\n"
	"      deadline_days: 30\n"
	"      mediator_level: 4\n"
	"      joint_bodies:\n"
	"        default: [YZ-FY]\n"
	"        by_category: [{category: medical, bodies: [YZ-FY, YZ-YTW]}]\n";

static mediate_policy *
load(const char *rules, mediate_error *err)
{
	char buf[16384];
	mediate_policy *p = NULL;
	mediate_error local;
	snprintf(buf, sizeof buf, "%s%s%s", base_policy, levels3, rules);
	if (mediate_policy_load_buffer(&p, buf, strlen(buf), "grading.yaml", NULL, err ? err : &local) != 0)
		return NULL;
	return p;
}

static mediate_case *
make_case(const mediate_policy *p, const char *unit, const char *category)
{
	mediate_case *c = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, p, unit, T0, MEDIATE_OFFSET_CST, "police-0457"), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_case_set_category(c, category), 0);
	return c;
}

static const mediate_level *
level_of(const mediate_policy *p, const mediate_case *c, int64_t *points)
{
	mediate_grade_result *r = NULL;
	const mediate_level *l;
	if (mediate_grade(&r, p, c, 0) != 0)
		fprintf(stderr, "\ngrade: %s\n", mediate_error_last()->text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	l = mediate_grade_result_level(r);
	if (points != NULL)
		*points = mediate_grade_result_points(r);
	mediate_grade_result_free(r);
	return l;
}

static const char *
code_of(const mediate_policy *p, const mediate_case *c)
{
	return mediate_level_code(level_of(p, c, NULL));
}

/* Loads a policy with one rule "r" of the given condition (+10 points and a
 * floor of major) and checks that it fires on c1 and not on c2. */
static void
check_condition(const char *when, void (*setup_yes)(mediate_case *), void (*setup_no)(mediate_case *),
                const char *category_yes, const char *category_no, const char *unit_yes, const char *unit_no)
{
	char rules[2048];
	mediate_policy *p;
	mediate_case *yes, *no;
	mediate_error err;

	snprintf(rules, sizeof rules, "  rules:\n    - {id: r, when: %s, points: 10, floor: major}\n"
	         "    - {id: never, when: {tag: 从未使用}, floor: difficult}\n", when);
	p = load(rules, &err);
	if (p == NULL) {
		char msg[1024];
		mediate_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "\n%s\n", msg);
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	yes = make_case(p, unit_yes, category_yes);
	no = make_case(p, unit_no, category_no);
	if (setup_yes)
		setup_yes(yes);
	if (setup_no)
		setup_no(no);
	CU_ASSERT_STRING_EQUAL(code_of(p, yes), "major");
	CU_ASSERT_STRING_EQUAL(code_of(p, no), "general");
	mediate_case_free(yes);
	mediate_case_free(no);
	mediate_policy_free(p);
}

static void amount_100k(mediate_case *c) { mediate_case_set_amount(c, 10000000); }
static void amount_99999(mediate_case *c) { mediate_case_set_amount(c, 9999999); }
static void people_30(mediate_case *c) { mediate_case_set_people_involved(c, 30); }
static void people_29(mediate_case *c) { mediate_case_set_people_involved(c, 29); }
static void risk_mass(mediate_case *c) { mediate_case_set_risks(c, MEDIATE_RISK_MASS_INCIDENT | MEDIATE_RISK_MEDIA_ATTENTION); }
static void risk_media(mediate_case *c) { mediate_case_set_risks(c, MEDIATE_RISK_MEDIA_ATTENTION); }
static void calls_3(mediate_case *c) { mediate_case_set_prior_police_calls(c, 3); }
static void calls_2(mediate_case *c) { mediate_case_set_prior_police_calls(c, 2); }
static void src_110(mediate_case *c) { mediate_case_set_source(c, MEDIATE_SOURCE_POLICE_110, "110-20261103-0457"); }
static void src_walk(mediate_case *c) { mediate_case_set_source(c, MEDIATE_SOURCE_WALK_IN, NULL); }
static void tag_loud(mediate_case *c) { mediate_case_add_tag(c, "深夜噪音"); mediate_case_add_tag(c, "repeat"); }
static void tag_other(mediate_case *c) { mediate_case_add_tag(c, "repeat"); }

static void
minor_party(mediate_case *c)
{
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "王小明"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李建国"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_flags(c, "p2", MEDIATE_PARTY_MINOR), 0);
}

static void
adult_parties(mediate_case *c)
{
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "王小明"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_flags(c, "p1", MEDIATE_PARTY_NON_LOCAL), 0);
}

static void
test_each_condition_kind(void)
{
	/* category matches descendants */
	check_condition("{category: labour}", NULL, NULL, "labour.wage_arrears", "neighbour.noise", "YZ-ZGM-PS", "YZ-ZGM-PS");
	check_condition("{category: [medical, labour]}", NULL, NULL, "medical", "neighbour", "YZ-ZGM-PS", "YZ-ZGM-PS");
	/* unit matches descendants */
	check_condition("{unit: YZ-XY}", NULL, NULL, "neighbour", "neighbour", "YZ-XY-PS", "YZ-ZGM-PS");
	check_condition("{source: police_110}", src_110, src_walk, "neighbour", "neighbour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{source: police_110}", src_110, NULL, "neighbour", "neighbour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{amount_at_least: \"100000.00\"}", amount_100k, amount_99999, "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{amount_below: \"100000.00\"}", amount_99999, amount_100k, "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{people_at_least: 30}", people_30, people_29, "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{people_below: 30}", people_29, people_30, "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{risk: mass_incident}", risk_mass, risk_media, "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{prior_calls_at_least: 3}", calls_3, calls_2, "neighbour", "neighbour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{party_flag: [minor, elderly]}", minor_party, adult_parties, "family" + 0 == NULL ? "" : "neighbour",
	                "neighbour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{tag: 深夜噪音}", tag_loud, tag_other, "neighbour", "neighbour", "YZ-XY-PS", "YZ-XY-PS");
	/* combinators */
	check_condition("{all: [{category: labour}, {people_at_least: 30}]}", people_30, people_30,
	                "labour", "neighbour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{category: labour, people_at_least: 30}", people_30, people_29,
	                "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{any: [{category: medical}, {people_at_least: 30}]}", people_30, people_29,
	                "labour", "labour", "YZ-XY-PS", "YZ-XY-PS");
	check_condition("{not: {category: neighbour}}", NULL, NULL, "labour", "neighbour.noise", "YZ-XY-PS", "YZ-XY-PS");
}

static const char sample_rules[] =
	"  rules:\n"
	"    - {id: amount, description: 争议金额10万元以上, when: {amount_at_least: \"100000.00\"}, points: 30}\n"
	"    - {id: people, when: {people_at_least: 10}, points: 40}\n"
	"    - {id: mass, description: 有群体性事件苗头, when: {risk: mass_incident}, floor: major}\n"
	"    - {id: calm, when: {category: neighbour.noise}, points: -5}\n";

static void
test_points_floors_and_ties(void)
{
	mediate_policy *p = load(sample_rules, NULL);
	mediate_case *c;
	mediate_grade_result *r = NULL;
	int64_t pts;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	c = make_case(p, "YZ-ZGM-PS", "labour.wage_arrears");
	/* 0 points: the lowest level */
	CU_ASSERT_STRING_EQUAL(mediate_level_code(level_of(p, c, &pts)), "general");
	CU_ASSERT_EQUAL(pts, 0);
	/* exactly on a threshold reaches it: 40 -> difficult */
	mediate_case_set_people_involved(c, 10);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(level_of(p, c, &pts)), "difficult");
	CU_ASSERT_EQUAL(pts, 40);
	/* 70 points: still difficult, one below major's 80 is not major */
	mediate_case_set_amount(c, 10000000);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(level_of(p, c, &pts)), "difficult");
	CU_ASSERT_EQUAL(pts, 70);
	/* a floor wins over points and is named as the deciding rule */
	mediate_case_set_risks(c, MEDIATE_RISK_MASS_INCIDENT);
	CU_ASSERT_EQUAL_FATAL(mediate_grade(&r, p, c, 0), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_grade_result_level(r)), "major");
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_grade_result_threshold_level(r)), "difficult");
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_grade_result_floor_level(r)), "major");
	CU_ASSERT_STRING_EQUAL(mediate_grade_result_deciding_rule(r), "mass");
	CU_ASSERT_EQUAL(mediate_grade_result_path(r), MEDIATE_PATH_JOINT);
	CU_ASSERT_EQUAL(mediate_grade_result_trace_count(r), 3);
	CU_ASSERT_STRING_EQUAL(mediate_grade_result_trace_rule(r, 0), "amount");
	CU_ASSERT_STRING_EQUAL(mediate_grade_result_trace_description(r, 0), "争议金额10万元以上");
	CU_ASSERT_EQUAL(mediate_grade_result_trace_points(r, 0), 30);
	CU_ASSERT_EQUAL(mediate_grade_result_trace_points(r, 1), 40);
	CU_ASSERT_PTR_NULL(mediate_grade_result_trace_floor(r, 0));
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_grade_result_trace_floor(r, 2)), "major");
	CU_ASSERT_PTR_NULL(mediate_grade_result_trace_description(r, 1));
	CU_ASSERT_PTR_NULL(mediate_grade_result_trace_rule(r, 3));
	/* joint bodies: the level's default for labour */
	CU_ASSERT_EQUAL(mediate_grade_result_joint_body_count(r), 1);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_grade_result_joint_body_at(r, 0)), "YZ-FY");
	CU_ASSERT_PTR_NULL(mediate_grade_result_joint_body_at(r, 1));
	mediate_grade_result_free(r);
	/* when points reach the floor's level too, the points decide */
	mediate_case_set_amount(c, 20000000);
	mediate_case_set_people_involved(c, 50);
	mediate_case_set_risks(c, 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(level_of(p, c, NULL)), "difficult");
	mediate_case_free(c);

	/* negative points never go below the lowest level */
	c = make_case(p, "YZ-ZGM-PS", "neighbour.noise");
	CU_ASSERT_STRING_EQUAL(mediate_level_code(level_of(p, c, &pts)), "general");
	CU_ASSERT_EQUAL(pts, -5);
	mediate_case_free(c);
	mediate_policy_free(p);
}

static void
test_trace_all_and_joint_bodies(void)
{
	mediate_policy *p = load(sample_rules, NULL);
	mediate_case *c;
	mediate_grade_result *r = NULL;
	size_t i, fired = 0;
	int64_t due;
	char buf[MEDIATE_TIME_BUFSIZE];

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	c = make_case(p, "YZ-XY-PS", "medical");
	mediate_case_set_risks(c, MEDIATE_RISK_MASS_INCIDENT);
	CU_ASSERT_EQUAL_FATAL(mediate_grade(&r, p, c, MEDIATE_GRADE_TRACE_ALL), 0);
	CU_ASSERT_EQUAL(mediate_grade_result_trace_count(r), 4);
	for (i = 0; i < 4; i++) {
		CU_ASSERT_STRING_EQUAL(mediate_grade_result_trace_rule(r, i), mediate_policy_grading_rule_id(p, i));
		fired += mediate_grade_result_trace_fired(r, i) != 0;
	}
	CU_ASSERT_EQUAL(fired, 1);
	CU_ASSERT_EQUAL(mediate_grade_result_trace_points(r, 0), 0);   /* did not fire */
	/* medical has its own list of bodies */
	CU_ASSERT_EQUAL(mediate_grade_result_joint_body_count(r), 2);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_grade_result_joint_body_at(r, 1)), "YZ-YTW");
	/* the deadline: receipt + 30 days, in +08:00 */
	CU_ASSERT_EQUAL(mediate_grade_result_due(&due, r), 0);
	mediate_time_format(buf, sizeof buf, due, MEDIATE_OFFSET_CST);
	CU_ASSERT_STRING_EQUAL(buf, "2026-12-03T09:30:00+08:00");
	mediate_grade_result_free(r);
	mediate_case_free(c);
	mediate_policy_free(p);
}

static void
test_levels_in_policy(void)
{
	mediate_policy *p = load(sample_rules, NULL);
	const mediate_level *l;
	const mediate_category *medical, *labour;
	mediate_resolution_path path;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(mediate_policy_level_count(p), 3);
	CU_ASSERT_EQUAL(mediate_policy_grading_rule_count(p), 4);
	CU_ASSERT_FALSE(mediate_policy_grading_allows_downgrade(p));
	l = mediate_policy_level_find(p, "difficult");
	CU_ASSERT_PTR_EQUAL(l, mediate_policy_level_at(p, 1));
	CU_ASSERT_EQUAL(mediate_level_rank(l), 1);
	CU_ASSERT_EQUAL(mediate_level_threshold(l), 40);
	CU_ASSERT_STRING_EQUAL(mediate_level_name(l, "zh"), "疑难纠纷");
	CU_ASSERT_STRING_EQUAL(mediate_level_name(l, "en"), "Difficult");
	CU_ASSERT_STRING_EQUAL(mediate_level_name(l, "fr"), "疑难纠纷");
	CU_ASSERT_EQUAL(mediate_level_path(l), MEDIATE_PATH_THINK_TANK);
	CU_ASSERT_EQUAL(mediate_level_deadline_days(l), 30);
	CU_ASSERT_EQUAL(mediate_level_min_mediator_level(l), 3);
	CU_ASSERT_TRUE(mediate_level_requires_think_tank(l));
	CU_ASSERT_EQUAL(mediate_level_joint_body_count(l, NULL), 0);
	l = mediate_policy_level_at(p, 0);
	CU_ASSERT_EQUAL(mediate_level_min_mediator_level(l), 1);   /* default */
	CU_ASSERT_FALSE(mediate_level_requires_think_tank(l));
	l = mediate_policy_level_at(p, 2);
	medical = mediate_policy_category_find(p, "medical");
	labour = mediate_policy_category_find(p, "labour.wage_arrears");
	CU_ASSERT_EQUAL(mediate_level_joint_body_count(l, medical), 2);
	CU_ASSERT_EQUAL(mediate_level_joint_body_count(l, labour), 1);
	CU_ASSERT_EQUAL(mediate_level_joint_body_count(l, NULL), 1);
	CU_ASSERT_PTR_NULL(mediate_level_joint_body_at(l, medical, 2));
	CU_ASSERT_PTR_NULL(mediate_policy_level_at(p, 3));
	CU_ASSERT_PTR_NULL(mediate_policy_level_find(p, "urgent"));
	CU_ASSERT_PTR_NULL(mediate_policy_grading_rule_id(p, 4));
	CU_ASSERT_STRING_EQUAL(mediate_resolution_path_name(MEDIATE_PATH_ON_THE_SPOT), "on_the_spot");
	CU_ASSERT_PTR_NULL(mediate_resolution_path_name((mediate_resolution_path)9));
	CU_ASSERT_EQUAL(mediate_resolution_path_parse(&path, "joint"), 0);
	CU_ASSERT_EQUAL(path, MEDIATE_PATH_JOINT);
	CU_ASSERT_EQUAL(mediate_resolution_path_parse(&path, "court"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_resolution_path_parse(NULL, "joint"), MEDIATE_EINVAL);
	mediate_policy_free(p);
}

static void
test_rule_order_does_not_matter(void)
{
	static const char reversed[] =
		"  rules:\n"
		"    - {id: calm, when: {category: neighbour.noise}, points: -5}\n"
		"    - {id: mass, description: 有群体性事件苗头, when: {risk: mass_incident}, floor: major}\n"
		"    - {id: people, when: {people_at_least: 10}, points: 40}\n"
		"    - {id: amount, when: {amount_at_least: \"100000.00\"}, points: 30}\n";
	mediate_policy *a = load(sample_rules, NULL), *b = load(reversed, NULL);
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	for (i = 0; i < 32; i++) {
		mediate_case *ca = make_case(a, "YZ-ZGM-PS", i & 1 ? "neighbour.noise" : "labour");
		mediate_case *cb = make_case(b, "YZ-ZGM-PS", i & 1 ? "neighbour.noise" : "labour");
		int64_t pa, pb;
		mediate_case_set_amount(ca, i & 2 ? 15000000 : 100);
		mediate_case_set_amount(cb, i & 2 ? 15000000 : 100);
		mediate_case_set_people_involved(ca, i & 4 ? 12 : 2);
		mediate_case_set_people_involved(cb, i & 4 ? 12 : 2);
		mediate_case_set_risks(ca, i & 8 ? MEDIATE_RISK_MASS_INCIDENT : 0);
		mediate_case_set_risks(cb, i & 8 ? MEDIATE_RISK_MASS_INCIDENT : 0);
		CU_ASSERT_STRING_EQUAL(mediate_level_code(level_of(a, ca, &pa)), mediate_level_code(level_of(b, cb, &pb)));
		CU_ASSERT_EQUAL(pa, pb);
		mediate_case_free(ca);
		mediate_case_free(cb);
	}
	mediate_policy_free(a);
	mediate_policy_free(b);
}

static void
test_batch_matches_single(void)
{
	mediate_policy *p = load(sample_rules, NULL);
	mediate_case *cases[20];
	const mediate_level *levels[20];
	int64_t points[20];
	size_t i, failed = 99;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	for (i = 0; i < 20; i++) {
		cases[i] = make_case(p, "YZ-XY-PS", i % 3 ? "labour" : "neighbour.noise");
		mediate_case_set_people_involved(cases[i], (uint32_t)i);
		mediate_case_set_amount(cases[i], (int64_t)i * 1000000);
	}
	CU_ASSERT_EQUAL(mediate_grade_batch(p, (const mediate_case *const *)cases, 20, levels, points, &failed), 0);
	for (i = 0; i < 20; i++) {
		int64_t pts;
		CU_ASSERT_PTR_EQUAL(levels[i], level_of(p, cases[i], &pts));
		CU_ASSERT_EQUAL(points[i], pts);
	}
	/* a case without a category stops the batch at its index */
	mediate_case_free(cases[7]);
	CU_ASSERT_EQUAL(mediate_case_new(&cases[7], p, "YZ-XY-PS", T0, MEDIATE_OFFSET_CST, "police-1"), 0);
	CU_ASSERT_EQUAL(mediate_grade_batch(p, (const mediate_case *const *)cases, 20, levels, NULL, &failed),
	                MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(failed, 7);
	CU_ASSERT_EQUAL(mediate_grade_batch(p, NULL, 0, NULL, NULL, NULL), 0);
	CU_ASSERT_EQUAL(mediate_grade_batch(NULL, (const mediate_case *const *)cases, 20, levels, NULL, NULL),
	                MEDIATE_EINVAL);
	for (i = 0; i < 20; i++)
		mediate_case_free(cases[i]);
	mediate_policy_free(p);
}

static void
test_null_and_missing(void)
{
	mediate_policy *p = load(sample_rules, NULL), *bare = NULL;
	mediate_case *c, *nocat = NULL, *other = NULL;
	mediate_grade_result *r = NULL;
	int64_t due;
	mediate_error err;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	c = make_case(p, "YZ-XY-PS", "labour");
	CU_ASSERT_EQUAL(mediate_grade(NULL, p, c, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_grade(&r, NULL, c, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_grade(&r, p, NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_grade(&r, p, c, 0x80), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_EQUAL(mediate_case_new(&nocat, p, "YZ-XY-PS", T0, MEDIATE_OFFSET_CST, "police-1"), 0);
	CU_ASSERT_EQUAL(mediate_grade(&r, p, nocat, 0), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "no category"));
	/* a policy without a grading section */
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&bare, base_policy, strlen(base_policy), "bare.yaml", NULL, &err), 0);
	CU_ASSERT_EQUAL(mediate_grade(&r, bare, c, 0), MEDIATE_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "no grading section"));
	/* a case of another policy */
	CU_ASSERT_EQUAL(mediate_case_new(&other, bare, "YZ-XY-PS", T0, MEDIATE_OFFSET_CST, "police-1"), 0);
	CU_ASSERT_EQUAL(mediate_case_set_category(other, "labour"), 0);
	CU_ASSERT_EQUAL(mediate_grade(&r, p, other, 0), MEDIATE_EINVAL);
	mediate_case_free(other);
	CU_ASSERT_EQUAL(mediate_policy_level_count(bare), 0);
	CU_ASSERT_PTR_NULL(mediate_policy_level_at(bare, 0));
	/* getters accept NULL */
	CU_ASSERT_PTR_NULL(mediate_grade_result_level(NULL));
	CU_ASSERT_EQUAL(mediate_grade_result_trace_count(NULL), 0);
	CU_ASSERT_EQUAL(mediate_grade_result_due(&due, NULL), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(mediate_level_code(NULL));
	CU_ASSERT_EQUAL(mediate_level_joint_body_count(NULL, NULL), 0);
	mediate_grade_result_free(NULL);
	mediate_case_free(nocat);
	mediate_case_free(c);
	mediate_policy_free(bare);
	mediate_policy_free(p);
}

/* A policy whose grading section is `section` must fail with exactly `want`. */
static void
expect_bad(const char *section, const char *want)
{
	char buf[16384], msg[1024];
	mediate_policy *p = NULL;
	mediate_error err;
	int rc;
	snprintf(buf, sizeof buf, "%s%s", base_policy, section);
	rc = mediate_policy_load_buffer(&p, buf, strlen(buf), "bad.yaml", NULL, &err);
	CU_ASSERT_NOT_EQUAL(rc, 0);
	CU_ASSERT_PTR_NULL(p);
	mediate_error_format(msg, sizeof msg, &err);
	if (strcmp(msg, want) != 0)
		fprintf(stderr, "\n  got:  %s\n  want: %s\n", msg, want);
	CU_ASSERT_STRING_EQUAL(msg, want);
	mediate_policy_free(p);
}

static void
test_bad_policies(void)
{
	/* base_policy is 15 lines: the grading section starts on line 16 */
	expect_bad("grading:\n  levels:\n    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_day: 15}\n",
	           "bad.yaml:18:63: grading.levels[0].deadline_day: unknown key \"deadline_day\"; did you mean \"deadline_days\"?");
	expect_bad("grading:\n  levels:\n    - {code: general, name: 一般, points: 0, path: on_spot, deadline_days: 15}\n",
	           "bad.yaml:18:50: grading.levels[0].path: unknown resolution path \"on_spot\" (on_the_spot, think_tank, joint)");
	expect_bad("grading:\n  levels:\n    - {code: general, name: 一般, points: 5, path: on_the_spot, deadline_days: 15}\n",
	           "bad.yaml:18:41: grading.levels[0].points: the lowest level must start at 0 points, not 5");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "    - {code: difficult, name: 疑难, points: 40, path: think_tank, deadline_days: 30}\n"
	           "    - {code: major, name: 重大, points: 40, path: think_tank, deadline_days: 30}\n",
	           "bad.yaml:20:39: grading.levels[2].points: thresholds must increase from level to level: 40 is not above 40 (level \"difficult\")");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "    - {code: major, name: 重大, points: 80, path: joint, deadline_days: 30}\n",
	           "bad.yaml:19:7: grading.levels[1].joint_bodies: a level resolved jointly needs \"joint_bodies\"");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "    - {code: difficult, name: 疑难, points: 40, path: think_tank, deadline_days: 30}\n"
	           "  rules:\n    - {id: r1, when: {amount_at_least: \"100000.00\"}, points: 30}\n",
	           "bad.yaml:19:43: grading.levels[1].points: level \"difficult\" is unreachable: it needs 40 points, "
	           "the rules add at most 30, and no rule sets it as a floor");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {category: labor}, points: 30}\n",
	           "bad.yaml:20:33: grading.rules[0].when.category: unknown category \"labor\"; did you mean \"labour\"?");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {risk: riot}, points: 30}\n",
	           "bad.yaml:20:29: grading.rules[0].when.risk: unknown risk flag \"riot\" (violence_threat, repeat_petition, "
	           "mass_incident, media_attention, vulnerable_party)");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {people_atleast: 3}, points: 30}\n",
	           "bad.yaml:20:23: grading.rules[0].when.people_atleast: unknown key \"people_atleast\"; did you mean \"people_at_least\"?");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {people_at_least: many}, points: 30}\n",
	           "bad.yaml:20:40: grading.rules[0].when.people_at_least: expected a whole number, found \"many\"");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {tag: x}, points: 0}\n",
	           "bad.yaml:20:7: grading.rules[0]: rule \"r1\" neither adds points nor sets a floor");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {tag: x}, floor: majr}\n",
	           "bad.yaml:20:39: grading.rules[0].floor: unknown level \"majr\"");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {tag: x}, points: 3}\n    - {id: r1, when: {tag: y}, points: 3}\n",
	           "bad.yaml:21:12: grading.rules[1].id: duplicate rule id \"r1\"");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15}\n"
	           "  rules:\n    - {id: r1, when: {amount_at_least: 1000.001}, points: 3}\n",
	           "bad.yaml:20:40: grading.rules[0].when.amount_at_least: money \"1000.001\": more than two decimals "
	           "(amounts are exact to the fen)");
	expect_bad("grading:\n  levels: []\n", "bad.yaml:17:11: grading.levels: at least one level is needed");
	expect_bad("grading:\n  levels:\n"
	           "    - {code: general, name: 一般, points: 0, path: on_the_spot, deadline_days: 15, think_tank: yes}\n",
	           "bad.yaml:18:94: grading.levels[0].think_tank: expected true or false, found \"yes\"");
}

static void
test_sample_policy_grades_realistically(void)
{
	mediate_policy *p = NULL;
	mediate_error err;
	mediate_case *c;
	const char *path = example_data("county.yaml");

	if (mediate_policy_load_file(&p, path, NULL, &err) != 0) {
		char msg[1024];
		mediate_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "\n%s\n", msg);
		CU_FAIL_FATAL("the sample county does not load");
	}
	/* a neighbour quarrel over noise is general */
	c = make_case(p, "YZ-ZGM-PS", "neighbour.noise");
	mediate_case_set_source(c, MEDIATE_SOURCE_POLICE_110, "110-20261103-0457");
	CU_ASSERT_STRING_EQUAL(code_of(p, c), "general");
	mediate_case_free(c);
	/* 30 unpaid workers threatening to gather: major, joint with the court,
	 * the labour arbitration court and the HR bureau */
	c = make_case(p, "YZ-ZGM-PS", "labour.wage_arrears");
	mediate_case_set_people_involved(c, 30);
	mediate_case_set_amount(c, 126000000);    /* 1,260,000.00 yuan */
	mediate_case_set_risks(c, MEDIATE_RISK_MASS_INCIDENT);
	{
		mediate_grade_result *r = NULL;
		CU_ASSERT_EQUAL_FATAL(mediate_grade(&r, p, c, 0), 0);
		CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_grade_result_level(r)), "major");
		CU_ASSERT_EQUAL(mediate_grade_result_path(r), MEDIATE_PATH_JOINT);
		CU_ASSERT_EQUAL(mediate_grade_result_joint_body_count(r), 3);
		CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_grade_result_joint_body_at(r, 1)), "YZ-ZC");
		mediate_grade_result_free(r);
	}
	mediate_case_free(c);
	/* a medical dispute with a large claim is difficult (think tank) */
	c = make_case(p, "YZ-TJ", "medical.malpractice");
	mediate_case_set_amount(c, 38000000);     /* 380,000.00 yuan */
	CU_ASSERT_STRING_EQUAL(code_of(p, c), "difficult");
	mediate_case_free(c);
	mediate_policy_free(p);
}

static const mediate_case_event *
last_event(const mediate_case *c)
{
	return mediate_case_event_at(c, mediate_case_event_count(c) - 1);
}

static void
test_regrade_override_escalation(void)
{
	mediate_policy *p = load(sample_rules, NULL);
	mediate_case *c;
	size_t events;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	c = make_case(p, "YZ-ZGM-PS", "labour.wage_arrears");
	CU_ASSERT_PTR_NULL(mediate_case_level(c));
	/* first grading: none -> general, recorded */
	events = mediate_case_event_count(c);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 60, "officer-zhang", "YZ-ZGM-PS", "受理时预判"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "general");
	CU_ASSERT_EQUAL(mediate_case_event_count(c), events + 1);
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(last_event(c)), MEDIATE_EVENT_GRADED);
	CU_ASSERT_STRING_EQUAL(mediate_case_event_details(last_event(c)), "none -> general (0 points): 受理时预判");
	CU_ASSERT_STRING_EQUAL(mediate_case_event_actor(last_event(c)), "officer-zhang");
	/* same facts: nothing new in the timeline */
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 120, "officer-zhang", "YZ-ZGM-PS", "复核"), 0);
	CU_ASSERT_EQUAL(mediate_case_event_count(c), events + 1);
	/* facts change: 12 workers -> difficult */
	mediate_case_set_people_involved(c, 12);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 180, "officer-zhang", "YZ-ZGM-PS", "核实涉及12名工人"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "difficult");
	CU_ASSERT_EQUAL(mediate_case_level_points(c), 40);
	CU_ASSERT_STRING_EQUAL(mediate_case_event_details(last_event(c)),
	                       "general -> difficult (40 points): 核实涉及12名工人");
	/* escalation only: fewer people does not lower the level, and says so once */
	mediate_case_set_people_involved(c, 3);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 240, "officer-zhang", "YZ-ZGM-PS", "部分工人已结清"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "difficult");
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_computed_level(c)), "difficult");
	CU_ASSERT_EQUAL(mediate_case_level_points(c), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_case_event_details(last_event(c)), "does not allow downgrades"));
	events = mediate_case_event_count(c);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 300, "officer-zhang", "YZ-ZGM-PS", "再次复核"), 0);
	CU_ASSERT_EQUAL(mediate_case_event_count(c), events);
	/* an override wins until cleared */
	CU_ASSERT_EQUAL(mediate_case_override_level(c, "major", T0 + 360, "director-li", "YZ", "涉及在建重点工程"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "major");
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level_override(c)), "major");
	CU_ASSERT_STRING_EQUAL(mediate_case_level_override_reason(c), "涉及在建重点工程");
	CU_ASSERT_STRING_EQUAL(mediate_case_level_override_actor(c), "director-li");
	CU_ASSERT_EQUAL(mediate_case_level_override_at(c), T0 + 360);
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(last_event(c)), MEDIATE_EVENT_LEVEL_OVERRIDE);
	mediate_case_set_people_involved(c, 40);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 420, "officer-zhang", "YZ-ZGM-PS", "人数增加"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "major");
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_case_event_details(last_event(c)), "override major stays"));
	/* refusals change nothing */
	events = mediate_case_event_count(c);
	CU_ASSERT_EQUAL(mediate_case_override_level(c, "urgent", T0 + 480, "director-li", "YZ", "x"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_override_level(c, "general", T0 + 480, "director-li", "YZ", ""), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_override_level(c, "general", T0 - 1, "director-li", "YZ", "倒填时间"),
	                mediate_case_override_level(c, "general", T0 - 1, "director-li", "YZ", "倒填时间"));
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "major");
	CU_ASSERT_EQUAL(mediate_case_event_count(c), events);
	CU_ASSERT_EQUAL(mediate_case_regrade(NULL, T0, "a", "YZ", "r"), MEDIATE_EINVAL);
	/* clearing goes back to the rules' level */
	CU_ASSERT_EQUAL(mediate_case_clear_override(c, T0 + 540, "director-li", "YZ", "工程方已承诺垫付"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "difficult");   /* 40 people: 40 points */
	CU_ASSERT_PTR_NULL(mediate_case_level_override(c));
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(last_event(c)), MEDIATE_EVENT_OVERRIDE_CLEARED);
	CU_ASSERT_EQUAL(mediate_case_clear_override(c, T0 + 600, "director-li", "YZ", "again"), MEDIATE_ESTATE);
	CU_ASSERT_STRING_EQUAL(mediate_case_event_kind_name(MEDIATE_EVENT_GRADED), "graded");
	mediate_case_free(c);
	mediate_policy_free(p);
}

static void
test_downgrade_when_allowed(void)
{
	static const char rules[] =
		"  downgrade: true\n"
		"  rules:\n"
		"    - {id: people, when: {people_at_least: 10}, points: 40}\n"
		"    - {id: mass, when: {risk: mass_incident}, floor: major}\n";
	mediate_policy *p = load(rules, NULL);
	mediate_case *c;
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(mediate_policy_grading_allows_downgrade(p));
	c = make_case(p, "YZ-ZGM-PS", "labour");
	mediate_case_set_people_involved(c, 12);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 60, "officer-zhang", "YZ-ZGM-PS", "预判"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "difficult");
	mediate_case_set_people_involved(c, 2);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 120, "officer-zhang", "YZ-ZGM-PS", "仅两人"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(c)), "general");
	CU_ASSERT_STRING_EQUAL(mediate_case_event_details(last_event(c)), "difficult -> general (0 points): 仅两人");
	mediate_case_free(c);
	mediate_policy_free(p);
}

static void
test_grade_state_round_trips_through_yaml(void)
{
	mediate_policy *p = load(sample_rules, NULL);
	mediate_case *c, *back = NULL;
	char *yaml = NULL, *again = NULL, *bad;
	size_t len = 0, len2 = 0;
	mediate_error err;
	const char *at;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	c = make_case(p, "YZ-ZGM-PS", "labour.wage_arrears");
	mediate_case_set_people_involved(c, 12);
	CU_ASSERT_EQUAL(mediate_case_regrade(c, T0 + 60, "officer-zhang", "YZ-ZGM-PS", "核实涉及12名工人"), 0);
	CU_ASSERT_EQUAL(mediate_case_override_level(c, "major", T0 + 120, "director-li", "YZ", "涉及区重点工程"), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_case_to_yaml(&yaml, &len, c, 0), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(yaml, "grade:\n  level: difficult\n  points: 40\n  override:\n    level: major\n"));
	if (mediate_case_from_yaml(&back, p, yaml, len, "case.yaml", NULL, &err) != 0)
		fprintf(stderr, "\n%s:%lu:%lu: %s: %s\n", err.file, err.line, err.column, err.path, err.text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_level(back)), "major");
	CU_ASSERT_STRING_EQUAL(mediate_level_code(mediate_case_computed_level(back)), "difficult");
	CU_ASSERT_EQUAL(mediate_case_level_points(back), 40);
	CU_ASSERT_STRING_EQUAL(mediate_case_level_override_reason(back), "涉及区重点工程");
	CU_ASSERT_STRING_EQUAL(mediate_case_level_override_actor(back), "director-li");
	CU_ASSERT_EQUAL(mediate_case_level_override_at(back), T0 + 120);
	CU_ASSERT_EQUAL_FATAL(mediate_case_to_yaml(&again, &len2, back, 0), 0);
	CU_ASSERT_EQUAL(len, len2);
	CU_ASSERT_STRING_EQUAL(yaml, again);
	mediate_case_free(back);
	back = NULL;
	/* an unknown level is refused with its place */
	bad = strdup(yaml);
	CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
	at = strstr(bad, "    level: major");
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	memcpy(bad + (at - bad) + 11, "majer", 5);
	CU_ASSERT_EQUAL(mediate_case_from_yaml(&back, p, bad, strlen(bad), "case.yaml", NULL, &err), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NULL(back);
	CU_ASSERT_STRING_EQUAL(err.path, "grade.override.level");
	CU_ASSERT_STRING_EQUAL(err.text, "the policy has no grading level \"majer\"");
	free(bad);
	mediate_free(yaml);
	mediate_free(again);
	mediate_case_free(c);
	mediate_policy_free(p);
}

static void
test_party_flags_follow_the_parties(void)
{
	static const char rules[] =
		"  rules:\n"
		"    - {id: minor, when: {party_flag: minor}, points: 40}\n"
		"    - {id: never, when: {tag: 从未使用}, floor: major}\n";
	mediate_policy *p = load(rules, NULL);
	mediate_case *c, *copy = NULL;
	int64_t pts;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	c = make_case(p, "YZ-ZGM-PS", "neighbour");
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张桂芳"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "陈小宝"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_flags(c, "p2", MEDIATE_PARTY_MINOR | MEDIATE_PARTY_NON_LOCAL), 0);
	level_of(p, c, &pts);
	CU_ASSERT_EQUAL(pts, 40);
	CU_ASSERT_EQUAL(mediate_case_clone(&copy, c), 0);
	level_of(p, copy, &pts);
	CU_ASSERT_EQUAL(pts, 40);
	/* the flag cleared, then the party gone: the rule no longer fires */
	CU_ASSERT_EQUAL(mediate_case_party_set_flags(c, "p2", MEDIATE_PARTY_NON_LOCAL), 0);
	level_of(p, c, &pts);
	CU_ASSERT_EQUAL(pts, 0);
	CU_ASSERT_EQUAL(mediate_case_remove_party(copy, "p2"), 0);
	level_of(p, copy, &pts);
	CU_ASSERT_EQUAL(pts, 0);
	mediate_case_free(copy);
	mediate_case_free(c);
	mediate_policy_free(p);
}

int
suite_grade(void)
{
	TEST_SUITE(s, "grade");
	TEST_ADD(s, test_each_condition_kind);
	TEST_ADD(s, test_points_floors_and_ties);
	TEST_ADD(s, test_trace_all_and_joint_bodies);
	TEST_ADD(s, test_levels_in_policy);
	TEST_ADD(s, test_rule_order_does_not_matter);
	TEST_ADD(s, test_batch_matches_single);
	TEST_ADD(s, test_null_and_missing);
	TEST_ADD(s, test_bad_policies);
	TEST_ADD(s, test_sample_policy_grades_realistically);
	TEST_ADD(s, test_regrade_override_escalation);
	TEST_ADD(s, test_downgrade_when_allowed);
	TEST_ADD(s, test_grade_state_round_trips_through_yaml);
	TEST_ADD(s, test_party_flags_follow_the_parties);
	return 0;
}
