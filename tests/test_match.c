/* SPDX-License-Identifier: MIT */
/*
 * Matching (lib/match.c, lib/match_policy.c): the policy section, each hard
 * filter, each score component, ties, capacity exactly full, nobody
 * eligible, a party's request (accepted, refused for recusal), the index
 * against a full scan, batch optimum against brute force, the team against
 * brute force, nearest ordering and cars, bad arguments.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "internal.h"
#include "match_priv.h"
#include "roster_priv.h"

/* 2026-11-16 10:00 +08:00 */
#define T0 INT64_C(1794794400)
#define DAY INT64_C(86400)

static const char base_policy[] =
	"policy: {name: 鄞州区测试政策, version: \"1\", language: zh}\n"
	"taxonomy:\n"
	"  - {code: family, name: {zh: 婚姻家庭纠纷, en: Family}}\n"
	"  - {code: family.marriage, parent: family, name: {zh: 婚姻纠纷, en: Marriage}}\n"
	"  - {code: family.elder_support, parent: family, name: {zh: 赡养纠纷, en: Elder support}}\n"
	"  - {code: neighbour, name: {zh: 邻里纠纷, en: Neighbours}}\n"
	"  - {code: neighbour.noise, parent: neighbour, name: {zh: 噪声扰民, en: Noise}}\n"
	"  - {code: labour, name: {zh: 劳动争议, en: Labour}}\n"
	"  - {code: labour.wage_arrears, parent: labour, name: {zh: 欠薪纠纷, en: Wage arrears}}\n"
	"  - {code: medical, name: {zh: 医疗纠纷, en: Medical}}\n"
	"  - {code: traffic, name: {zh: 交通事故纠纷, en: Traffic}}\n"
	"org:\n"
	"  - {code: YZ, kind: county, name: 鄞州区}\n"
	"  - {code: YZ-TJ, kind: centre, parent: YZ, name: 鄞州区矛盾纠纷调解中心}\n"
	"  - {code: YZ-FY, kind: court, parent: YZ, name: 鄞州区人民法院}\n"
	"  - {code: YZ-ZGM, kind: town, parent: YZ, name: 钟公庙街道}\n"
	"  - {code: YZ-ZGM-PS, kind: police_station, parent: YZ-ZGM, name: 钟公庙派出所}\n"
	"  - {code: YZ-ZGM-PS-TJ, kind: centre, parent: YZ-ZGM-PS, name: 钟公庙派出所人民调解工作室}\n"
	"  - {code: YZ-ZGM-JJC, kind: community, parent: YZ-ZGM, name: 金家漕社区}\n"
	"  - {code: YZ-XY, kind: town, parent: YZ, name: 下应街道}\n"
	"  - {code: YZ-XY-PS, kind: police_station, parent: YZ-XY, name: 下应派出所}\n"
	"  - {code: YZ-XY-PS-TJ, kind: centre, parent: YZ-XY-PS, name: 下应派出所人民调解工作室}\n"
	"  - {code: YZ-YTW, kind: association, parent: YZ, name: 医调委}\n"
	"grading:\n"
	"  levels:\n"
	"    - {code: general, name: {zh: 一般纠纷, en: General}, points: 0, path: on_the_spot, deadline_days: 15}\n"
	"    - {code: difficult, name: {zh: 疑难纠纷, en: Difficult}, points: 40, path: think_tank,\n"
	"       deadline_days: 30, mediator_level: 3, think_tank: true}\n"
	"    - {code: major, name: {zh: 重大纠纷, en: Major}, points: 80, path: joint, deadline_days: 30,\n"
	"       mediator_level: 4, think_tank: true, joint_bodies: {default: [YZ-FY, YZ-YTW]}}\n"
	"  rules:\n"
	"    - {id: amount-1m, description: 争议金额100万元以上, when: {amount_at_least: \"1000000.00\"}, points: 80}\n";

static mediate_policy *
load_policy(const char *matching, mediate_error *err)
{
	char buf[16384];
	mediate_policy *p = NULL;
	mediate_error local;
	snprintf(buf, sizeof buf, "%s%s", base_policy, matching != NULL ? matching : "");
	if (mediate_policy_load_buffer(&p, buf, strlen(buf), "match.yaml", NULL, err ? err : &local) != 0)
		return NULL;
	return p;
}

/* A mediator: specialties as "family.marriage:5,labour:2". */
static const mediate_mediator *
add_med(mediate_roster *r, const char *staff, const char *name, const char *unit, unsigned level,
        const char *specs, unsigned cap, unsigned load)
{
	const mediate_mediator *m = NULL;
	char id[64], buf[256], *tok, *save = NULL;
	snprintf(id, sizeof id, "id-%s", staff);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add(&m, r, id, staff, name, unit, MEDIATE_POST_FULL_TIME, level), 0);
	snprintf(buf, sizeof buf, "%s", specs != NULL ? specs : "");
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(tok, ':');
		CU_ASSERT_PTR_NOT_NULL_FATAL(colon);
		*colon = '\0';
		CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, id, tok, (unsigned)atoi(colon + 1)), 0);
	}
	CU_ASSERT_EQUAL(mediate_roster_set_capacity(r, id, cap), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_load(r, id, load), 0);
	return m;
}

static mediate_case *
new_case(const mediate_policy *p, const char *unit, const char *category)
{
	mediate_case *c = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, p, unit, T0 - 3600, MEDIATE_OFFSET_CST, "police-0457"), 0);
	if (category != NULL)
		CU_ASSERT_EQUAL(mediate_case_set_category(c, category), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "王小明"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李建国"), 0);
	return c;
}

static void
set_level(mediate_case *c, const char *level)
{
	CU_ASSERT_EQUAL(mediate_case_override_level(c, level, T0 - 1800, "officer-12", "YZ-ZGM-PS", "预判定级"), 0);
}

static int64_t
weighted(const mediate_policy *p, const int32_t *v)
{
	int64_t s = 0;
	int k;
	for (k = 1; k <= MEDIATE_MATCH_COMPONENT_COUNT; k++)
		s += (int64_t)mediate_policy_match_weight(p, (mediate_match_component)k) * v[k];
	return s;
}

/* ---------------------------------------------------------------------- */

static void
test_policy_section(void)
{
	mediate_policy *p;
	mediate_error err;
	int32_t lat, lon;

	/* Absent: the documented defaults. */
	p = load_policy(NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_SPECIALTY), 400);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_RATING), 150);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_MODE), 20);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, (mediate_match_component)9), 0);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(NULL, MEDIATE_MATCH_RATING), 0);
	CU_ASSERT_EQUAL(mediate_policy_match_team_size(p), 5);
	CU_ASSERT_EQUAL(mediate_policy_match_car_count(p), 0);
	CU_ASSERT_EQUAL(mi_matching_of(p)->prune, MI_PRUNE_SAFE);
	mediate_policy_free(p);

	p = load_policy("matching:\n"
	                "  weights: {specialty: 500, locality: 0}\n"
	                "  specialty: {exact: [100, 200, 300, 400, 1000], ancestor: [0, 0, 100, 200, 300]}\n"
	                "  locality: {station: 900, town: 500, county: 100, distance_scale_m: 3000}\n"
	                "  level_step: 0\n"
	                "  valued_modes: [mobile]\n"
	                "  team_size: 3\n"
	                "  batch_pruning: top_k\n"
	                "  batch_top_k: 7\n"
	                "  cars:\n"
	                "    - {code: YZ-CAR-1, name: 移动调解车一号, base: YZ-TJ, lat: 29.8190, lon: 121.548}\n"
	                "    - {code: YZ-CAR-2, name: 移动调解车二号, base: YZ-XY-PS}\n",
	                &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_SPECIALTY), 500);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_LOCALITY), 0);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_RATING), 150);   /* default kept */
	CU_ASSERT_EQUAL(mi_matching_of(p)->exact[5], 1000);
	CU_ASSERT_EQUAL(mi_matching_of(p)->ancestor[3], 100);
	CU_ASSERT_EQUAL(mi_matching_of(p)->loc_town, 500);
	CU_ASSERT_EQUAL(mi_matching_of(p)->distance_scale, 3000);
	CU_ASSERT_EQUAL(mi_matching_of(p)->valued_modes, 1u << MEDIATE_MODE_MOBILE);
	CU_ASSERT_EQUAL(mi_matching_of(p)->prune, MI_PRUNE_TOPK);
	CU_ASSERT_EQUAL(mi_matching_of(p)->top_k, 7);
	CU_ASSERT_EQUAL(mediate_policy_match_team_size(p), 3);
	CU_ASSERT_EQUAL(mediate_policy_match_car_count(p), 2);
	CU_ASSERT_STRING_EQUAL(mediate_policy_match_car_code(p, 0), "YZ-CAR-1");
	CU_ASSERT_STRING_EQUAL(mediate_policy_match_car_name(p, 1), "移动调解车二号");
	CU_ASSERT_PTR_NULL(mediate_policy_match_car_code(p, 2));
	CU_ASSERT_EQUAL(mediate_policy_match_car_base(&lat, &lon, p, 0), 0);
	CU_ASSERT_EQUAL(lat, 29819000);
	CU_ASSERT_EQUAL(lon, 121548000);
	CU_ASSERT_EQUAL(mediate_policy_match_car_base(&lat, &lon, p, 1), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_policy_match_car_base(&lat, &lon, p, 2), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_policy_match_car_base(NULL, &lon, p, 0), MEDIATE_EINVAL);
	mediate_policy_free(p);
}

static void
expect_error(const char *matching, const char *path, const char *words)
{
	mediate_error err;
	mediate_policy *p = load_policy(matching, &err);
	CU_ASSERT_PTR_NULL(p);
	mediate_policy_free(p);
	if (p == NULL) {
		CU_ASSERT_STRING_EQUAL(err.path, path);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.text, words));
		if (strcmp(err.path, path) != 0 || strstr(err.text, words) == NULL)
			fprintf(stderr, "\n  want %s, got %s: %s\n", path, err.path, err.text);
		CU_ASSERT(err.line > 0);
	}
}

static void
test_policy_errors(void)
{
	expect_error("matching:\n  weights: {specialty: 1001}\n", "matching.weights.specialty", "1000");
	expect_error("matching:\n  weights: {specialyt: 10}\n", "matching.weights.specialyt", "specialty");
	expect_error("matching:\n  wieghts: {}\n", "matching.wieghts", "weights");
	expect_error("matching:\n  specialty: {exact: [1, 2, 3]}\n", "matching.specialty.exact", "5 values");
	expect_error("matching:\n  specialty: {exact: [100, 200, 300, 400, 500], ancestor: [600, 0, 0, 0, 0]}\n",
	             "matching.specialty", "ancestor");
	expect_error("matching:\n  locality: {station: 100, town: 600}\n", "matching.locality", "station");
	expect_error("matching:\n  locality: {distance_scale_m: 0}\n", "matching.locality.distance_scale_m", "1");
	expect_error("matching:\n  valued_modes: [mobil]\n", "matching.valued_modes[0]", "mobile");
	expect_error("matching:\n  valued_modes: [mobile, mobile]\n", "matching.valued_modes[1]", "twice");
	expect_error("matching:\n  team_size: 9\n", "matching.team_size", "8");
	expect_error("matching:\n  batch_pruning: saef\n", "matching.batch_pruning", "safe");
	expect_error("matching:\n  cars: [{code: C1, name: 一号车}]\n", "matching.cars[0]", "base unit or coordinates");
	expect_error("matching:\n  cars: [{code: C1, name: 一号车, base: YZ-TJJ}]\n", "matching.cars[0].base", "YZ-TJ");
	expect_error("matching:\n  cars: [{code: C1, name: 一号车, lat: 29.8}]\n", "matching.cars[0]", "both");
	expect_error("matching:\n  cars: [{code: C1, name: 一号车, lat: 91.0, lon: 121.5}]\n", "matching.cars[0].lat",
	             "range");
	expect_error("matching:\n  cars: [{code: C1, name: 一号车, lat: 29.81234567, lon: 121.5}]\n",
	             "matching.cars[0].lat", "6 decimal");
	expect_error("matching:\n  cars:\n    - {code: C1, name: 一号车, base: YZ-TJ}\n    - {code: C1, name: 二号车, base: YZ-TJ}\n",
	             "matching.cars[1].code", "duplicate");
	expect_error("matching:\n  cars: [{code: \"车 1\", name: 一号车, base: YZ-TJ}]\n", "matching.cars[0].code",
	             "car code");
	expect_error("matching: [1]\n", "matching", "map");
}

static void
test_names(void)
{
	mediate_match_component c = MEDIATE_MATCH_RATING;
	mediate_match_reason r = MEDIATE_MATCH_RECUSED;
	int k;
	for (k = 1; k <= MEDIATE_MATCH_COMPONENT_COUNT; k++) {
		const char *n = mediate_match_component_name((mediate_match_component)k);
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		CU_ASSERT_EQUAL(mediate_match_component_parse(&c, n), 0);
		CU_ASSERT_EQUAL((int)c, k);
	}
	for (k = 0; k <= MEDIATE_MATCH_NOT_COVERED; k++) {
		const char *n = mediate_match_reason_name((mediate_match_reason)k);
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		CU_ASSERT_EQUAL(mediate_match_reason_parse(&r, n), 0);
		CU_ASSERT_EQUAL((int)r, k);
	}
	CU_ASSERT_STRING_EQUAL(mediate_match_reason_name(MEDIATE_MATCH_RECUSED), "recused");
	CU_ASSERT_STRING_EQUAL(mediate_match_component_name(MEDIATE_MATCH_LOCALITY), "locality");
	CU_ASSERT_PTR_NULL(mediate_match_component_name((mediate_match_component)0));
	CU_ASSERT_PTR_NULL(mediate_match_component_name((mediate_match_component)9));
	CU_ASSERT_PTR_NULL(mediate_match_reason_name((mediate_match_reason)11));
	c = MEDIATE_MATCH_MODE;
	CU_ASSERT_EQUAL(mediate_match_component_parse(&c, "skill"), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_error_last()->text, "unknown match component \"skill\" (specialty, rating, "
	                       "success, level, locality, load, language or mode)");
	CU_ASSERT_EQUAL(mediate_match_reason_parse(&r, "busy"), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "(eligible, unavailable, capacity_full, "));
	CU_ASSERT_EQUAL(c, MEDIATE_MATCH_MODE);
	CU_ASSERT_EQUAL(mediate_match_component_parse(NULL, "load"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_reason_parse(&r, NULL), MEDIATE_EINVAL);
}

/* The reason rank gives for the mediator with this staff number, or -1 when it is a candidate. */
static int
reason_for(const mediate_match_result *res, const char *staff)
{
	size_t i;
	for (i = 0; i < mediate_match_result_excluded_count(res); i++)
		if (strcmp(mediate_mediator_staff_number(mediate_match_result_excluded_at(res, i)), staff) == 0)
			return (int)mediate_match_result_excluded_reason(res, i);
	for (i = 0; i < mediate_match_result_count(res); i++)
		if (strcmp(mediate_mediator_staff_number(mediate_match_result_mediator(res, i)), staff) == 0)
			return -1;
	return -2;
}

static void
test_filters(void)
{
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = NULL;
	mediate_case *c;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	add_med(r, "YZ-0001", "潘志明", "YZ-ZGM-PS-TJ", 4, "family:5", 6, 1);        /* eligible */
	add_med(r, "YZ-0002", "陈秀英", "YZ-ZGM-PS-TJ", 4, "family:5", 6, 1);        /* off duty */
	CU_ASSERT_EQUAL(mediate_roster_set_duty(r, "id-YZ-0002", MEDIATE_DUTY_OFF), 0);
	add_med(r, "YZ-0003", "林国栋", "YZ-ZGM-PS-TJ", 4, "family:5", 6, 0);        /* on leave at T0 */
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, "id-YZ-0003", T0 - DAY, T0 + DAY, "年假"), 0);
	add_med(r, "YZ-0004", "张海燕", "YZ-ZGM-PS-TJ", 4, "family:5", 3, 3);        /* capacity exactly full */
	add_med(r, "YZ-0005", "何文斌", "YZ-ZGM-PS-TJ", 4, "family:5", 3, 2);        /* one place left */
	add_med(r, "YZ-0006", "胡建军", "YZ-ZGM-PS-TJ", 2, "family:5", 6, 0);        /* level too low */
	add_med(r, "YZ-0007", "徐丽华", "YZ-ZGM-PS-TJ", 4, "family:5", 6, 0);        /* not think tank */
	add_med(r, "YZ-0008", "孙永康", "YZ-ZGM-PS-TJ", 4, "family:5", 6, 0);        /* recused */
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, "id-YZ-0008", NULL, "李建国", "邻居"), 0);
	add_med(r, "YZ-0009", "马晓东", "YZ-ZGM-PS-TJ", 4, "family:5", 6, 0);        /* leave is over */
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, "id-YZ-0009", T0 - 10 * DAY, T0, "病假"), 0);
	{
		const char *tt[] = { "id-YZ-0001", "id-YZ-0002", "id-YZ-0003", "id-YZ-0004", "id-YZ-0005",
			             "id-YZ-0006", "id-YZ-0008", "id-YZ-0009" };
		size_t i;
		for (i = 0; i < sizeof tt / sizeof tt[0]; i++)
			CU_ASSERT_EQUAL(mediate_roster_set_think_tank(r, tt[i], 1), 0);
	}
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_PTR_EQUAL(mediate_matcher_roster(mt), r);
	CU_ASSERT_EQUAL(mediate_matcher_at(mt), T0);

	c = new_case(p, "YZ-ZGM-PS", "family.marriage");
	set_level(c, "difficult");
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, MEDIATE_MATCH_WITH_EXCLUDED), 0);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0001"), -1);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0002"), MEDIATE_MATCH_UNAVAILABLE);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0003"), MEDIATE_MATCH_UNAVAILABLE);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0004"), MEDIATE_MATCH_CAPACITY_FULL);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0005"), -1);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0006"), MEDIATE_MATCH_LEVEL_TOO_LOW);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0007"), MEDIATE_MATCH_NOT_THINK_TANK);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0008"), MEDIATE_MATCH_RECUSED);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0009"), -1);
	CU_ASSERT_EQUAL(mediate_match_result_count(res), 3);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_count(res), 6);
	CU_ASSERT_EQUAL(mediate_match_result_examined(res), 9);
	/* excluded in staff order */
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_excluded_at(res, 0)), "YZ-0002");
	mediate_match_result_free(res);

	/* Without the flag: the same candidates, no excluded list. */
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(res), 3);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_count(res), 0);
	mediate_match_result_free(res);

	/* Mode: a door-to-door case needs mediators offering mobile. */
	CU_ASSERT_EQUAL(mediate_case_set_mode(c, MEDIATE_MODE_MOBILE), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, MEDIATE_MATCH_WITH_EXCLUDED), 0);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0001"), MEDIATE_MATCH_MODE_NOT_OFFERED);
	CU_ASSERT_EQUAL(mediate_match_result_count(res), 0);
	mediate_match_result_free(res);
	mediate_matcher_free(mt);
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, "id-YZ-0005", MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT) |
	                                                       MEDIATE_MODE_BIT(MEDIATE_MODE_MOBILE)), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 1);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 0)), "YZ-0005");
	mediate_match_result_free(res);

	/* Mode think_tank on a general case still requires the think tank. */
	mediate_case_free(c);
	c = new_case(p, "YZ-ZGM-PS", "family.marriage");
	set_level(c, "general");
	CU_ASSERT_EQUAL(mediate_case_set_mode(c, MEDIATE_MODE_THINK_TANK), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, MEDIATE_MATCH_WITH_EXCLUDED), 0);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0007"), MEDIATE_MATCH_NOT_THINK_TANK);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0006"), -1);   /* level 2 is enough for a general case */
	mediate_match_result_free(res);

	mediate_case_free(c);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_components(void)
{
	mediate_policy *p = load_policy(NULL, NULL);
	const struct mi_matching *cfg;
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = NULL;
	mediate_case *c;
	int32_t v[MEDIATE_MATCH_COMPONENT_COUNT + 1];
	size_t i;
	int k;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	cfg = mi_matching_of(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	/* exact specialty p4, same station, level 3, cap 4 load 1, speaks wuu, offers remote video */
	add_med(r, "YZ-0101", "潘志明", "YZ-ZGM-PS-TJ", 3, "family.marriage:4,labour:5", 4, 1);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, "id-YZ-0101", "zh"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, "id-YZ-0101", "wuu"), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, "id-YZ-0101", MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT) |
	                                                       MEDIATE_MODE_BIT(MEDIATE_MODE_REMOTE_VIDEO)), 0);
	/* ancestor specialty p5, same town (community, no station), level 1 */
	add_med(r, "YZ-0102", "陈秀英", "YZ-ZGM-JJC", 1, "family:5", 2, 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, "id-YZ-0102", "zh"), 0);
	/* no fitting specialty, other town: county tier */
	add_med(r, "YZ-0103", "林国栋", "YZ-XY-PS-TJ", 1, "traffic:5", 5, 4);
	/* the county centre: county tier; a court judge outside any town: county tier too */
	add_med(r, "YZ-0104", "张海燕", "YZ-TJ", 2, "family.elder_support:5", 1, 0);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);

	c = new_case(p, "YZ-ZGM-PS", "family.marriage");
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 4);
	for (i = 0; i < 4; i++) {
		const char *st = mediate_mediator_staff_number(mediate_match_result_mediator(res, i));
		for (k = 1; k <= MEDIATE_MATCH_COMPONENT_COUNT; k++)
			v[k] = mediate_match_result_component(res, i, (mediate_match_component)k);
		CU_ASSERT_EQUAL(mediate_match_result_score(res, i), weighted(p, v));
		/* no ratings: the prior 4.0 stars -> 750; no success record */
		CU_ASSERT_EQUAL(v[MEDIATE_MATCH_RATING], 750);
		CU_ASSERT_EQUAL(v[MEDIATE_MATCH_SUCCESS], 0);
		CU_ASSERT_EQUAL(mediate_match_result_distance(res, i), -1);
		if (strcmp(st, "YZ-0101") == 0) {
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_SPECIALTY], (int32_t)cfg->exact[4]);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOCALITY], (int32_t)cfg->loc_station);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LEVEL], 1000 - 2 * (int32_t)cfg->level_step);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOAD], 750);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LANGUAGE], 1000);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_MODE], 500);
		} else if (strcmp(st, "YZ-0102") == 0) {
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_SPECIALTY], (int32_t)cfg->ancestor[5]);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOCALITY], (int32_t)cfg->loc_town);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LEVEL], 1000);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOAD], 1000);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LANGUAGE], 1000);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_MODE], 0);
		} else if (strcmp(st, "YZ-0103") == 0) {
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_SPECIALTY], 0);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOCALITY], (int32_t)cfg->loc_county);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOAD], 200);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LANGUAGE], 0);
		} else {
			CU_ASSERT_STRING_EQUAL(st, "YZ-0104");
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_SPECIALTY], 0);   /* a sibling is no fit */
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LOCALITY], (int32_t)cfg->loc_county);
			CU_ASSERT_EQUAL(v[MEDIATE_MATCH_LEVEL], 1000 - (int32_t)cfg->level_step);
		}
		if (i > 0)
			CU_ASSERT(mediate_match_result_score(res, i - 1) >= mediate_match_result_score(res, i));
	}
	CU_ASSERT_EQUAL(mediate_match_result_component(res, 0, (mediate_match_component)0), -1);
	CU_ASSERT_EQUAL(mediate_match_result_component(res, 4, MEDIATE_MATCH_LOAD), -1);
	CU_ASSERT_PTR_NULL(mediate_match_result_mediator(res, 4));
	CU_ASSERT_EQUAL(mediate_match_result_score(res, 4), 0);
	mediate_match_result_free(res);

	/* A case that needs the Wu dialect: only YZ-0101 speaks it. */
	CU_ASSERT_EQUAL(mediate_case_add_tag(c, "lang:wuu"), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, 0), 0);
	for (i = 0; i < mediate_match_result_count(res); i++) {
		const char *st = mediate_mediator_staff_number(mediate_match_result_mediator(res, i));
		CU_ASSERT_EQUAL(mediate_match_result_component(res, i, MEDIATE_MATCH_LANGUAGE),
		                strcmp(st, "YZ-0101") == 0 ? 1000 : 0);
	}
	mediate_match_result_free(res);

	/* Mobile: the distance scale replaces the tiers when both have coordinates. */
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, "id-YZ-0103", MEDIATE_MODE_BIT(MEDIATE_MODE_MOBILE)), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_coordinates(r, "id-YZ-0103", 29820000, 121550000), 0);
	mediate_matcher_free(mt);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_EQUAL(mediate_case_set_mode(c, MEDIATE_MODE_MOBILE), 0);
	CU_ASSERT_EQUAL(mediate_case_set_coordinates(c, 29820000 + 45000, 121550000), 0);   /* ~5.0 km north */
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 1);
	{
		int64_t d = mediate_match_result_distance(res, 0);
		CU_ASSERT(d >= 5000 && d <= 5010);
		CU_ASSERT_EQUAL(mediate_match_result_component(res, 0, MEDIATE_MATCH_LOCALITY),
		                (int32_t)(1000 * (int64_t)cfg->distance_scale / (cfg->distance_scale + d)));
		CU_ASSERT_EQUAL(mediate_match_result_component(res, 0, MEDIATE_MATCH_MODE), 500);
	}
	mediate_match_result_free(res);

	mediate_case_free(c);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* Rating and success come from the ratings store at the matcher's time. */
static void
test_rating_components(void)
{
	static const char doc[] =
		"format: mediate-ratings\nversion: 1\noutcomes:\n"
		"- {case: YZ-TJ-2026-000001, result: agreement, ended_at: 2026-10-03T11:00:00+08:00, mediators: [id-YZ-0701]}\n"
		"- {case: YZ-TJ-2026-000002, result: agreement, ended_at: 2026-10-09T11:00:00+08:00, mediators: [id-YZ-0701]}\n"
		"- {case: YZ-TJ-2026-000003, result: failed, ended_at: 2026-10-20T11:00:00+08:00, mediators: [id-YZ-0701]}\n"
		"- {case: YZ-TJ-2026-000004, result: agreement, ended_at: 2026-11-02T11:00:00+08:00, mediators: [id-YZ-0702]}\n"
		"ratings:\n"
		"- {case: YZ-TJ-2026-000001, party: p1, stars: 5, at: 2026-10-04T09:00:00+08:00, comment: 调解员很耐心, mediators: [id-YZ-0701]}\n"
		"- {case: YZ-TJ-2026-000002, party: p1, stars: 5, at: 2026-10-10T09:00:00+08:00, mediators: [id-YZ-0701]}\n"
		"- {case: YZ-TJ-2026-000003, party: p2, stars: 2, at: 2026-10-21T09:00:00+08:00, mediators: [id-YZ-0701]}\n"
		"- {case: YZ-TJ-2026-000004, party: p1, stars: 1, at: 2026-11-03T09:00:00+08:00, mediators: [id-YZ-0702]}\n";
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_ratings *rt = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = NULL;
	mediate_error err;
	mediate_case *c;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	add_med(r, "YZ-0701", "潘志明", "YZ-ZGM-PS-TJ", 2, "family:3", 4, 0);
	add_med(r, "YZ-0702", "陈秀英", "YZ-ZGM-PS-TJ", 2, "family:3", 4, 0);
	add_med(r, "YZ-0703", "林国栋", "YZ-ZGM-PS-TJ", 2, "family:3", 4, 0);   /* nothing on record */
	if (mediate_ratings_load_buffer(&rt, p, doc, strlen(doc), "ratings.yaml", NULL, &err) != 0)
		fprintf(stderr, "\n  ratings: %s: %s\n", err.path, err.text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(rt);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, rt, T0), 0);
	c = new_case(p, "YZ-ZGM-PS", "family");
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 3, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 3);
	for (i = 0; i < 3; i++) {
		const mediate_mediator *m = mediate_match_result_mediator(res, i);
		mediate_rating_summary sum;
		int32_t want;
		CU_ASSERT_EQUAL_FATAL(mediate_ratings_summary(&sum, rt, mediate_mediator_id(m), T0), 0);
		want = (sum.bayes_milli - 1000) / 4;
		CU_ASSERT_EQUAL(mediate_match_result_component(res, i, MEDIATE_MATCH_RATING), want < 0 ? 0 : want);
		CU_ASSERT_EQUAL(mediate_match_result_component(res, i, MEDIATE_MATCH_SUCCESS), sum.wilson_milli);
	}
	/* 潘志明 (two agreements of three, 5 5 2 stars) first; 陈秀英 (one agreement,
	 * one star: Bayes 3.727 -> 681, Wilson 207) before 林国栋 (prior 750, no record). */
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 0)), "YZ-0701");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 1)), "YZ-0702");
	CU_ASSERT_EQUAL(mediate_match_result_component(res, 1, MEDIATE_MATCH_RATING), 681);
	CU_ASSERT_EQUAL(mediate_match_result_component(res, 1, MEDIATE_MATCH_SUCCESS), 207);
	CU_ASSERT(mediate_match_result_component(res, 0, MEDIATE_MATCH_SUCCESS) > 0);
	CU_ASSERT_EQUAL(mediate_match_result_component(res, 2, MEDIATE_MATCH_SUCCESS), 0);
	CU_ASSERT_EQUAL(mediate_match_result_component(res, 2, MEDIATE_MATCH_RATING), 750);
	mediate_match_result_free(res);
	/* Before any outcome, everyone is at the prior. */
	mediate_matcher_free(mt);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, rt, T0 - 60 * DAY), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 3, 0), 0);
	for (i = 0; i < mediate_match_result_count(res); i++)
		CU_ASSERT_EQUAL(mediate_match_result_component(res, i, MEDIATE_MATCH_RATING), 750);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 0)), "YZ-0701");
	mediate_match_result_free(res);
	mediate_case_free(c);
	mediate_matcher_free(mt);
	mediate_ratings_free(rt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_ties_and_request(void)
{
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = NULL, *req = NULL;
	mediate_case *c;
	int64_t s0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	/* Identical but for names and staff numbers, added in reverse order. */
	add_med(r, "YZ-0203", "王建平", "YZ-ZGM-PS-TJ", 2, "neighbour:4", 4, 0);
	add_med(r, "YZ-0201", "李春梅", "YZ-ZGM-PS-TJ", 2, "neighbour:4", 4, 0);
	add_med(r, "YZ-0202", "赵德胜", "YZ-ZGM-PS-TJ", 2, "neighbour:4", 4, 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, "id-YZ-0202", "p2", NULL, "亲属"), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	c = new_case(p, "YZ-ZGM-PS", "neighbour.noise");
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 2, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 2);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 0)), "YZ-0201");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 1)), "YZ-0203");
	s0 = mediate_match_result_score(res, 0);
	CU_ASSERT_EQUAL(s0, mediate_match_result_score(res, 1));

	/* The party asks for 王建平 by staff number: accepted with the same score. */
	CU_ASSERT_EQUAL_FATAL(mediate_match_request(&req, mt, c, "YZ-0203"), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(req), 1);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_count(req), 0);
	CU_ASSERT_EQUAL(mediate_match_result_score(req, 0), s0);
	CU_ASSERT_EQUAL(mediate_match_result_component(req, 0, MEDIATE_MATCH_SPECIALTY),
	                mediate_match_result_component(res, 1, MEDIATE_MATCH_SPECIALTY));
	mediate_match_result_free(req);
	/* ... and for 赵德胜 by id: refused, a relative of the respondent. */
	CU_ASSERT_EQUAL_FATAL(mediate_match_request(&req, mt, c, "id-YZ-0202"), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(req), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_excluded_count(req), 1);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_reason(req, 0), MEDIATE_MATCH_RECUSED);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_name(mediate_match_result_excluded_at(req, 0)), "赵德胜");
	CU_ASSERT_EQUAL(mediate_match_result_excluded_reason(req, 1), MEDIATE_MATCH_ELIGIBLE);
	CU_ASSERT_PTR_NULL(mediate_match_result_excluded_at(req, 1));
	mediate_match_result_free(req);
	req = (mediate_match_result *)1;
	CU_ASSERT_EQUAL(mediate_match_request(&req, mt, c, "YZ-9999"), MEDIATE_ENOTFOUND);
	CU_ASSERT_PTR_EQUAL(req, (mediate_match_result *)1);
	mediate_match_result_free(res);

	/* Nobody eligible: an empty result, not an error. */
	set_level(c, "major");
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, MEDIATE_MATCH_WITH_EXCLUDED), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(res), 0);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_count(res), 3);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0201"), MEDIATE_MATCH_LEVEL_TOO_LOW);
	mediate_match_result_free(res);
	CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 10, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(res), 0);
	mediate_match_result_free(res);

	mediate_case_free(c);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* ---------------------------------------------------------------------- */
/* Random rosters                                                          */

static uint64_t rng_state;

static uint32_t
rnd(uint32_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)((rng_state >> 33) % n);
}

static const char *const units[] = { "YZ-ZGM-PS-TJ", "YZ-ZGM-JJC", "YZ-XY-PS-TJ", "YZ-TJ", "YZ-FY", "YZ-ZGM-PS" };
static const char *const cats[] = { "family", "family.marriage", "family.elder_support", "neighbour",
	                            "neighbour.noise", "labour", "labour.wage_arrears", "medical", "traffic" };
static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
	                                "马", "朱", "胡", "郭", "何", "林", "罗", "高" };
static const char *const given[] = { "建国", "秀英", "志明", "海燕", "国栋", "丽华", "永康", "晓东", "春梅",
	                             "德胜" };

static mediate_roster *
random_roster(const mediate_policy *p, size_t n, int with_leave)
{
	mediate_roster *r = NULL;
	size_t i;
	if (mediate_roster_new(&r, p) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		char staff[32], name[64], specs[128], id[64];
		size_t ns = 1 + rnd(3), j, len = 0;
		const mediate_mediator *m;
		unsigned cap = 1 + rnd(5);
		snprintf(staff, sizeof staff, "YZ-%05zu", (i * 7919) % 100000);
		snprintf(name, sizeof name, "%s%s", surnames[rnd(20)], given[rnd(10)]);
		specs[0] = '\0';
		for (j = 0; j < ns; j++)
			len += (size_t)snprintf(specs + len, sizeof specs - len, "%s%s:%u", j ? "," : "", cats[rnd(9)],
			                        1 + rnd(5));
		m = add_med(r, staff, name, units[rnd(6)], 1 + rnd(5), specs, cap, rnd(cap + 1));
		snprintf(id, sizeof id, "%s", mediate_mediator_id(m));
		if (rnd(3) == 0)
			mediate_roster_set_think_tank(r, id, 1);
		if (rnd(4) == 0)
			mediate_roster_add_language(r, id, "wuu");
		if (rnd(3) == 0)
			mediate_roster_set_modes(r, id, MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT) |
			                                    MEDIATE_MODE_BIT(1 + 3 * rnd(2) + rnd(2)));
		if (with_leave && rnd(10) == 0)
			mediate_roster_add_leave(r, id, T0 - DAY, T0 + DAY, "年假");
		if (rnd(15) == 0)
			mediate_roster_add_recusal(r, id, NULL, "李建国", "同事");
	}
	return r;
}

static mediate_case *
random_case(const mediate_policy *p)
{
	static const char *const cunits[] = { "YZ-ZGM-PS", "YZ-XY-PS", "YZ-TJ", "YZ-ZGM-JJC" };
	static const char *const levels[] = { "general", "general", "general", "difficult", "major" };
	mediate_case *c = new_case(p, cunits[rnd(4)], rnd(8) ? cats[rnd(9)] : NULL);
	set_level(c, levels[rnd(5)]);
	if (rnd(3) == 0)
		mediate_case_set_mode(c, rnd(2) ? MEDIATE_MODE_REMOTE_VIDEO : MEDIATE_MODE_ON_THE_SPOT);
	if (rnd(4) == 0)
		mediate_case_add_tag(c, "lang:wuu");
	if (rnd(2) == 0)
		mediate_case_set_grid(c, rnd(2) ? "YZ-ZGM-JJC" : "YZ-XY");
	return c;
}

/* The indexed rank (branch and bound) gives exactly the full scan's answer. */
static void
test_index_matches_full_scan(void)
{
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r;
	mediate_matcher *mt = NULL;
	int trial;
	size_t pruned = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	rng_state = 42;
	r = random_roster(p, 1500, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	for (trial = 0; trial < 60; trial++) {
		mediate_case *c = random_case(p);
		mediate_match_result *a = NULL, *b = NULL;
		size_t k = 1 + rnd(25), i;
		CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&a, mt, c, k, 0), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&b, mt, c, k, MEDIATE_MATCH_WITH_EXCLUDED), 0);
		CU_ASSERT_EQUAL(mediate_match_result_count(a), mediate_match_result_count(b));
		for (i = 0; i < mediate_match_result_count(a) && i < mediate_match_result_count(b); i++) {
			CU_ASSERT_PTR_EQUAL(mediate_match_result_mediator(a, i), mediate_match_result_mediator(b, i));
			CU_ASSERT_EQUAL(mediate_match_result_score(a, i), mediate_match_result_score(b, i));
		}
		{
			size_t elig = 1500 - mediate_match_result_excluded_count(b);
			CU_ASSERT_EQUAL(mediate_match_result_count(b), elig < k ? elig : k);
		}
		if (mediate_match_result_examined(a) < 1500 / 4)
			pruned++;
		mediate_match_result_free(a);
		mediate_match_result_free(b);
		mediate_case_free(c);
	}
	CU_ASSERT(pruned > 30);   /* the index does prune */
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* ---------------------------------------------------------------------- */
/* Batch against brute force                                               */

#define BN 6
#define BM 6

static size_t bf_count;
static int64_t bf_total;

static void
bf_batch(int64_t sc[BN][BM], int ok[BN][BM], int *cap, size_t n, size_t m, size_t i, size_t cnt, int64_t tot)
{
	size_t j;
	if (i == n) {
		if (cnt > bf_count || (cnt == bf_count && tot > bf_total)) {
			bf_count = cnt;
			bf_total = tot;
		}
		return;
	}
	bf_batch(sc, ok, cap, n, m, i + 1, cnt, tot);
	for (j = 0; j < m; j++)
		if (ok[i][j] && cap[j] > 0) {
			cap[j]--;
			bf_batch(sc, ok, cap, n, m, i + 1, cnt + 1, tot + sc[i][j]);
			cap[j]++;
		}
}

static void
test_batch_brute_force(void)
{
	static const char *const prunes[] = { "", "matching: {batch_pruning: none}\n",
		                              "matching: {batch_pruning: top_k, batch_top_k: 2}\n" };
	int trial, pi;

	rng_state = 7;
	for (pi = 0; pi < 3; pi++) {
		mediate_policy *p = load_policy(prunes[pi], NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		for (trial = 0; trial < 25; trial++) {
			mediate_roster *r = random_roster(p, BM, 1);
			mediate_matcher *mt = NULL;
			mediate_case *cs[BN];
			mediate_match_batch *b = NULL;
			int64_t sc[BN][BM];
			int ok[BN][BM], cap[BM];
			size_t i, j, n = 2 + rnd(BN - 1), placed = 0;
			int64_t total = 0;
			CU_ASSERT_PTR_NOT_NULL_FATAL(r);
			CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
			for (i = 0; i < n; i++)
				cs[i] = random_case(p);
			/* scores and eligibility from request, capacities from the roster */
			for (j = 0; j < BM; j++) {
				const mediate_mediator *m = mediate_roster_at(r, j);
				cap[j] = mediate_mediator_duty_at(m, T0) == MEDIATE_DUTY_ON ?
				         (int)mediate_mediator_free_capacity(m) : 0;
				for (i = 0; i < n; i++) {
					mediate_match_result *q = NULL;
					CU_ASSERT_EQUAL_FATAL(mediate_match_request(&q, mt, cs[i], mediate_mediator_id(m)), 0);
					ok[i][j] = mediate_match_result_count(q) == 1;
					sc[i][j] = mediate_match_result_score(q, 0);
					mediate_match_result_free(q);
				}
			}
			bf_count = 0;
			bf_total = 0;
			bf_batch(sc, ok, cap, n, BM, 0, 0, 0);
			CU_ASSERT_EQUAL_FATAL(mediate_match_assign_batch(&b, mt, (const mediate_case *const *)cs, n), 0);
			CU_ASSERT_EQUAL(mediate_match_batch_count(b), n);
			for (i = 0; i < n; i++) {
				const mediate_mediator *m = mediate_match_batch_mediator(b, i);
				if (m != NULL) {
					placed++;
					total += mediate_match_batch_score(b, i);
					CU_ASSERT_EQUAL(mediate_match_batch_reason(b, i), MEDIATE_MATCH_ELIGIBLE);
					CU_ASSERT(ok[i][m->index]);
					CU_ASSERT_EQUAL(mediate_match_batch_score(b, i), sc[i][m->index]);
				} else {
					int any = 0;
					for (j = 0; j < BM; j++)
						any |= ok[i][j] && cap[j] > 0;
					CU_ASSERT_EQUAL(mediate_match_batch_reason(b, i),
					                any ? MEDIATE_MATCH_OUTCOMPETED : MEDIATE_MATCH_NO_ELIGIBLE);
				}
			}
			CU_ASSERT_EQUAL(placed, mediate_match_batch_assigned(b));
			CU_ASSERT_EQUAL(total, mediate_match_batch_total_score(b));
			if (mediate_match_batch_exact(b)) {
				CU_ASSERT_EQUAL(placed, bf_count);
				CU_ASSERT_EQUAL(total, bf_total);
			} else
				CU_ASSERT_EQUAL(pi, 2);
			for (j = 0; j < BM; j++) {   /* capacities respected */
				int used = 0;
				for (i = 0; i < n; i++)
					used += mediate_match_batch_mediator(b, i) == mediate_roster_at(r, j);
				CU_ASSERT(used <= cap[j]);
			}
			mediate_match_batch_free(b);
			for (i = 0; i < n; i++)
				mediate_case_free(cs[i]);
			mediate_matcher_free(mt);
			mediate_roster_free(r);
		}
		mediate_policy_free(p);
	}
}

static void
test_batch_capacity_full(void)
{
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_batch *b = NULL;
	mediate_case *cs[4];
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	add_med(r, "YZ-0301", "潘志明", "YZ-ZGM-PS-TJ", 3, "labour:5", 3, 1);   /* two places */
	add_med(r, "YZ-0302", "陈秀英", "YZ-ZGM-PS-TJ", 3, "labour:2", 2, 2);   /* full */
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	for (i = 0; i < 4; i++)
		cs[i] = new_case(p, "YZ-ZGM-PS", "labour.wage_arrears");
	CU_ASSERT_EQUAL(mediate_case_add_party(cs[3], "p3", MEDIATE_PARTY_THIRD_PARTY, MEDIATE_PARTY_PERSON, "吴海波"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, "id-YZ-0301", NULL, "吴海波", "亲属"), 0);
	mediate_matcher_free(mt);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_assign_batch(&b, mt, (const mediate_case *const *)cs, 4), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_assigned(b), 2);
	CU_ASSERT_PTR_NOT_NULL(mediate_match_batch_mediator(b, 0));
	CU_ASSERT_PTR_NOT_NULL(mediate_match_batch_mediator(b, 1));
	CU_ASSERT_EQUAL(mediate_match_batch_reason(b, 2), MEDIATE_MATCH_OUTCOMPETED);   /* later cases lose ties */
	CU_ASSERT_EQUAL(mediate_match_batch_reason(b, 3), MEDIATE_MATCH_NO_ELIGIBLE);   /* recused, other full */
	CU_ASSERT_EQUAL(mediate_match_batch_candidates(b, 3), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_candidates(b, 0), 1);
	CU_ASSERT_EQUAL(mediate_match_batch_total_score(b),
	                mediate_match_batch_score(b, 0) + mediate_match_batch_score(b, 1));
	CU_ASSERT(mediate_match_batch_exact(b));
	CU_ASSERT_PTR_NULL(mediate_match_batch_mediator(b, 4));
	mediate_match_batch_free(b);
	/* no cases */
	CU_ASSERT_EQUAL_FATAL(mediate_match_assign_batch(&b, mt, NULL, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_count(b), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_total_score(b), 0);
	mediate_match_batch_free(b);
	for (i = 0; i < 4; i++)
		mediate_case_free(cs[i]);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* ---------------------------------------------------------------------- */
/* Team against brute force                                                */

#define TM 10

static void
test_team_brute_force(void)
{
	/* Without the specialty weight a member's score is the request score, so
	 * brute force can use mediate_match_request(); general cases only, so the
	 * lead and the members face the same filters. */
	mediate_policy *p = load_policy("matching: {weights: {specialty: 0}}\n", NULL);
	static const char *const needs_all[] = { "family", "labour", "medical", "traffic", "neighbour.noise" };
	int trial;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	rng_state = 99;
	for (trial = 0; trial < 40; trial++) {
		mediate_roster *r = random_roster(p, TM, 0);
		mediate_matcher *mt = NULL;
		mediate_match_team *t = NULL;
		mediate_case *c = new_case(p, "YZ-ZGM-PS", cats[rnd(9)]);
		size_t nn = 1 + rnd(4), maxs = 1 + rnd(4), i, j;
		const char *needs[5];
		int ok[TM];
		int64_t sc[TM];
		unsigned mask[TM], full = (1u << nn) - 1, s;
		size_t best_size = 0;
		int64_t best_total = 0;
		uint32_t best_lead = 0, best_set = 0;
		int found = 0;
		const mediate_mediator *bypos[TM];

		set_level(c, "general");
		for (i = 0; i < nn; i++)
			needs[i] = needs_all[(trial + i) % 5];
		CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
		/* bypos: staff order (the matcher's tie order) */
		for (i = 0; i < TM; i++)
			bypos[i] = mediate_roster_at(r, i);
		for (i = 0; i < TM; i++)
			for (j = i + 1; j < TM; j++)
				if (strcmp(mediate_mediator_staff_number(bypos[j]), mediate_mediator_staff_number(bypos[i])) < 0) {
					const mediate_mediator *x = bypos[i];
					bypos[i] = bypos[j];
					bypos[j] = x;
				}
		for (i = 0; i < TM; i++) {
			mediate_match_result *q = NULL;
			size_t n2;
			CU_ASSERT_EQUAL_FATAL(mediate_match_request(&q, mt, c, mediate_mediator_id(bypos[i])), 0);
			ok[i] = mediate_match_result_count(q) == 1;
			sc[i] = mediate_match_result_score(q, 0);
			mediate_match_result_free(q);
			mask[i] = 0;
			for (j = 0; j < nn; j++)
				for (n2 = 0; n2 < mediate_mediator_specialty_count(bypos[i]); n2++)
					if (mediate_category_is_within(mediate_policy_category_find(p, needs[j]),
					                               mediate_mediator_specialty_at(bypos[i], n2)))
						mask[i] |= 1u << j;
		}
		for (s = 1; s < (1u << TM); s++) {
			unsigned cov = 0, lead;
			size_t size = 0;
			int64_t tot = 0;
			int bad = 0;
			for (i = 0; i < TM; i++)
				if (s & (1u << i)) {
					bad |= !ok[i];
					cov |= mask[i];
					tot += sc[i];
					size++;
				}
			if (bad || cov != full || size > maxs)
				continue;
			for (lead = 0; lead < TM; lead++) {
				int better;
				if (!(s & (1u << lead)))
					continue;
				if (!found || size < best_size)
					better = 1;
				else if (size > best_size)
					better = 0;
				else if (tot != best_total)
					better = tot > best_total;
				else if (lead != best_lead)
					better = lead < best_lead;
				else {
					/* members as sorted positions: lexicographic order */
					uint32_t a = s & ~(1u << lead), bb = best_set & ~(1u << best_lead);
					better = 0;
					while (a != bb) {
						uint32_t la = a & -a, lb = bb & -bb;
						if (la != lb) {
							better = la < lb;
							break;
						}
						a &= a - 1;
						bb &= bb - 1;
					}
				}
				if (better) {
					found = 1;
					best_size = size;
					best_total = tot;
					best_lead = lead;
					best_set = s;
				}
			}
		}
		CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, needs, nn, maxs), 0);
		if (!found) {
			CU_ASSERT_EQUAL(mediate_match_team_count(t), 0);
			CU_ASSERT_NOT_EQUAL(mediate_match_team_reason(t), MEDIATE_MATCH_ELIGIBLE);
		} else {
			unsigned got = 0, cov = 0;
			CU_ASSERT_EQUAL(mediate_match_team_reason(t), MEDIATE_MATCH_ELIGIBLE);
			CU_ASSERT_EQUAL(mediate_match_team_count(t), best_size);
			CU_ASSERT_EQUAL(mediate_match_team_total_score(t), best_total);
			CU_ASSERT_PTR_EQUAL(mediate_match_team_mediator(t, 0), bypos[best_lead]);
			for (i = 0; i < mediate_match_team_count(t); i++) {
				for (j = 0; j < TM; j++)
					if (bypos[j] == mediate_match_team_mediator(t, i)) {
						got |= 1u << j;
						CU_ASSERT_EQUAL(mediate_match_team_score(t, i), sc[j]);
						CU_ASSERT_EQUAL(mediate_match_team_covers(t, i), mask[j]);
					}
				cov |= mediate_match_team_covers(t, i);
			}
			CU_ASSERT_EQUAL(got, best_set);
			CU_ASSERT_EQUAL(cov, full);
		}
		mediate_match_team_free(t);
		mediate_case_free(c);
		mediate_matcher_free(mt);
		mediate_roster_free(r);
	}
	mediate_policy_free(p);
}

/*
 * Ties: six needs, eight identical candidates for each.  Every team of
 * one per need has the same total; the lowest staff numbers win.  (The
 * search tries only the first free one of identical candidates, so this
 * stays cheap; see mediate_match_form_team(3).)
 */
static void
test_team_ties(void)
{
	static const char *const needs[] = { "family.marriage", "family.elder_support", "neighbour.noise",
		                             "labour.wage_arrears", "medical", "traffic" };
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_team *t = NULL;
	mediate_case *c;
	unsigned seen = 0;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	for (i = 0; i < 48; i++) {
		char staff[16], spec[48];
		snprintf(staff, sizeof staff, "YZ-%04zu", 1000 + i);
		snprintf(spec, sizeof spec, "%s:3", needs[i % 6]);
		add_med(r, staff, "陈立群", "YZ-ZGM-PS-TJ", 5, spec, 4, 0);
	}
	c = new_case(p, "YZ-ZGM-PS", "medical");
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, needs, 6, 8), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_team_count(t), 6);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_team_mediator(t, 0)), "YZ-1000");
	for (i = 0; i < 6; i++) {
		const char *sn = mediate_mediator_staff_number(mediate_match_team_mediator(t, i));
		int k = atoi(sn + 3) - 1000;
		CU_ASSERT(k >= 0 && k < 6);   /* the first of each need */
		if (k >= 0 && k < 6)
			seen |= 1u << k;
		CU_ASSERT_EQUAL(mediate_match_team_covers(t, i), 1u << k);
	}
	CU_ASSERT_EQUAL(seen, 0x3fu);
	/* a team of at most five cannot cover six needs with single-need candidates */
	mediate_match_team_free(t);
	CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, needs, 6, 5), 0);
	CU_ASSERT_EQUAL(mediate_match_team_count(t), 0);
	CU_ASSERT_EQUAL(mediate_match_team_reason(t), MEDIATE_MATCH_NOT_COVERED);
	mediate_match_team_free(t);
	mediate_matcher_free(mt);
	mediate_case_free(c);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_team_roles(void)
{
	mediate_policy *p = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_team *t = NULL;
	mediate_case *c;
	const char *needs[] = { "medical", "labour" };
	const char *bad1[] = { "medical", "medical" };
	const char *bad2[] = { "medicine" };

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	/* A think-tank lead of level 5, a level-1 doctor of the 医调委 and a labour arbitrator. */
	add_med(r, "YZ-0401", "潘志明", "YZ-TJ", 5, "family:5", 3, 0);
	CU_ASSERT_EQUAL(mediate_roster_set_think_tank(r, "id-YZ-0401", 1), 0);
	add_med(r, "YZ-0402", "郭文静", "YZ-YTW", 1, "medical:5", 2, 0);
	add_med(r, "YZ-0403", "罗振华", "YZ-FY", 2, "labour.wage_arrears:4,labour:3", 2, 0);
	add_med(r, "YZ-0404", "高明远", "YZ-FY", 2, "traffic:5", 2, 0);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	c = new_case(p, "YZ-ZGM-PS", "medical");
	set_level(c, "major");
	CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, needs, 2, 0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_team_count(t), 3);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_team_mediator(t, 0)), "YZ-0401");
	CU_ASSERT_EQUAL(mediate_match_team_covers(t, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_team_covers(t, 1) | mediate_match_team_covers(t, 2), 3);
	CU_ASSERT_EQUAL(mediate_match_team_total_score(t), mediate_match_team_score(t, 0) +
	                mediate_match_team_score(t, 1) + mediate_match_team_score(t, 2));
	CU_ASSERT_PTR_NULL(mediate_match_team_uncovered(t));
	CU_ASSERT_PTR_NULL(mediate_match_team_mediator(t, 3));
	mediate_match_team_free(t);
	/* Two people are not enough. */
	CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, needs, 2, 2), 0);
	CU_ASSERT_EQUAL(mediate_match_team_count(t), 0);
	CU_ASSERT_EQUAL(mediate_match_team_reason(t), MEDIATE_MATCH_NOT_COVERED);
	CU_ASSERT_PTR_NULL(mediate_match_team_uncovered(t));
	mediate_match_team_free(t);
	/* Nobody covers land. */
	{
		const char *land[] = { "medical", "neighbour" };
		CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, land, 2, 5), 0);
		CU_ASSERT_EQUAL(mediate_match_team_reason(t), MEDIATE_MATCH_NOT_COVERED);
		CU_ASSERT_PTR_EQUAL(mediate_match_team_uncovered(t), mediate_policy_category_find(p, "neighbour"));
		mediate_match_team_free(t);
	}
	/* No lead: the only think-tank member is on leave. */
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, "id-YZ-0401", T0 - DAY, T0 + DAY, "出差"), 0);
	mediate_matcher_free(mt);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_form_team(&t, mt, c, needs, 2, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_team_reason(t), MEDIATE_MATCH_NO_ELIGIBLE);
	CU_ASSERT_EQUAL(mediate_match_team_count(t), 0);
	mediate_match_team_free(t);
	/* Bad arguments. */
	t = (mediate_match_team *)1;
	CU_ASSERT_EQUAL(mediate_match_form_team(&t, mt, c, bad1, 2, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_form_team(&t, mt, c, bad2, 1, 0), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_match_form_team(&t, mt, c, needs, 2, 9), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_form_team(&t, mt, c, needs, 9, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_form_team(&t, mt, c, NULL, 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_form_team(&t, NULL, c, needs, 2, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_form_team(NULL, mt, c, needs, 2, 0), MEDIATE_EINVAL);
	CU_ASSERT_PTR_EQUAL(t, (mediate_match_team *)1);
	CU_ASSERT_EQUAL(mediate_match_team_count(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_team_reason(NULL), MEDIATE_MATCH_ELIGIBLE);
	mediate_match_team_free(NULL);
	mediate_case_free(c);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* ---------------------------------------------------------------------- */

static void
test_nearest(void)
{
	mediate_policy *p = load_policy("matching:\n  cars:\n"
	                                "    - {code: YZ-CAR-1, name: 移动调解车一号, lat: 29.8190, lon: 121.5480}\n"
	                                "    - {code: YZ-CAR-2, name: 移动调解车二号, lat: 29.7600, lon: 121.5600}\n"
	                                "    - {code: YZ-CAR-3, name: 移动调解车三号, base: YZ-XY-PS}\n",
	                                NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = NULL;
	size_t car = 9;
	int64_t cd = 0;
	const unsigned mob = MEDIATE_MODE_BIT(MEDIATE_MODE_MOBILE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	add_med(r, "YZ-0501", "潘志明", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 0);   /* 3.1 km */
	mediate_roster_set_coordinates(r, "id-YZ-0501", 29847000, 121548000);
	mediate_roster_set_modes(r, "id-YZ-0501", mob);
	add_med(r, "YZ-0502", "陈秀英", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 0);   /* 1 km */
	mediate_roster_set_coordinates(r, "id-YZ-0502", 29828000, 121548000);
	mediate_roster_set_modes(r, "id-YZ-0502", mob);
	add_med(r, "YZ-0503", "林国栋", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 0);   /* 0.5 km, on leave tomorrow */
	mediate_roster_set_coordinates(r, "id-YZ-0503", 29823500, 121548000);
	mediate_roster_set_modes(r, "id-YZ-0503", mob);
	mediate_roster_add_leave(r, "id-YZ-0503", T0 + DAY / 2, T0 + 3 * DAY, "年假");
	add_med(r, "YZ-0504", "张海燕", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 3);   /* full */
	mediate_roster_set_coordinates(r, "id-YZ-0504", 29819000, 121548000);
	mediate_roster_set_modes(r, "id-YZ-0504", mob);
	add_med(r, "YZ-0505", "何文斌", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 0);   /* no coordinates */
	mediate_roster_set_modes(r, "id-YZ-0505", mob);
	add_med(r, "YZ-0506", "胡建军", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 0);   /* no mobile */
	mediate_roster_set_coordinates(r, "id-YZ-0506", 29819000, 121548000);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);

	CU_ASSERT_EQUAL_FATAL(mediate_match_nearest(&res, mt, 29819000, 121548000, T0, 10), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 3);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 0)), "YZ-0503");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 1)), "YZ-0502");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 2)), "YZ-0501");
	CU_ASSERT(llabs(mediate_match_result_distance(res, 0) - 500) <= 2);
	CU_ASSERT(llabs(mediate_match_result_distance(res, 1) - 1001) <= 3);
	CU_ASSERT(llabs(mediate_match_result_distance(res, 2) - 3113) <= 2);
	CU_ASSERT_EQUAL(mediate_match_result_score(res, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_count(res), 2);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0504"), MEDIATE_MATCH_CAPACITY_FULL);
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0505"), MEDIATE_MATCH_NO_LOCATION);
	CU_ASSERT_EQUAL(mediate_match_result_car(&car, &cd, res), 0);
	CU_ASSERT_EQUAL(car, 0);
	CU_ASSERT_EQUAL(cd, 0);
	mediate_match_result_free(res);

	/* Tomorrow: 林国栋 is on leave; k limits the list; the southern car is nearer. */
	CU_ASSERT_EQUAL_FATAL(mediate_match_nearest(&res, mt, 29770000, 121560000, T0 + DAY, 1), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_result_count(res), 1);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_match_result_mediator(res, 0)), "YZ-0502");
	CU_ASSERT_EQUAL(reason_for(res, "YZ-0503"), MEDIATE_MATCH_UNAVAILABLE);
	CU_ASSERT_EQUAL(mediate_match_result_car(&car, &cd, res), 0);
	CU_ASSERT_EQUAL(car, 1);
	CU_ASSERT(llabs(cd - 1112) <= 3);
	mediate_match_result_free(res);

	res = (mediate_match_result *)1;
	CU_ASSERT_EQUAL(mediate_match_nearest(&res, mt, 90000001, 0, T0, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_match_nearest(&res, mt, 0, -180000001, T0, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_match_nearest(&res, mt, 0, 0, T0, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_nearest(&res, NULL, 0, 0, T0, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_nearest(NULL, mt, 0, 0, T0, 1), MEDIATE_EINVAL);
	CU_ASSERT_PTR_EQUAL(res, (mediate_match_result *)1);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);

	/* Without cars: no car. */
	p = load_policy(NULL, NULL);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_match_nearest(&res, mt, 29819000, 121548000, T0, 3), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(res), 0);
	CU_ASSERT_EQUAL(mediate_match_result_car(&car, &cd, res), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_match_result_car(NULL, &cd, res), MEDIATE_EINVAL);
	mediate_match_result_free(res);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
	CU_ASSERT(mi_match_distance(29819000, 121548000, 29819000, 121548000) == 0);
}

static void
test_bad_arguments(void)
{
	mediate_policy *p = load_policy(NULL, NULL), *other = load_policy(NULL, NULL);
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = (mediate_match_result *)1;
	mediate_match_batch *b = (mediate_match_batch *)1;
	mediate_case *c, *oc;
	const mediate_case *cs[2];

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(other);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	add_med(r, "YZ-0601", "潘志明", "YZ-ZGM-PS-TJ", 3, "family:5", 3, 0);
	CU_ASSERT_EQUAL(mediate_matcher_new(NULL, r, NULL, T0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_matcher_new(&mt, NULL, NULL, T0), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(mt);
	{
		/* ratings kept under another policy than the roster's */
		mediate_ratings *rt = NULL;
		CU_ASSERT_EQUAL_FATAL(mediate_ratings_new(&rt, other), 0);
		CU_ASSERT_EQUAL(mediate_matcher_new(&mt, r, rt, T0), MEDIATE_EINVAL);
		CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "another policy"));
		CU_ASSERT_PTR_NULL(mt);
		mediate_ratings_free(rt);
	}
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	c = new_case(p, "YZ-ZGM-PS", "family");
	oc = new_case(other, "YZ-ZGM-PS", "family");
	CU_ASSERT_EQUAL(mediate_match_rank(NULL, mt, c, 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_rank(&res, NULL, c, 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_rank(&res, mt, NULL, 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_rank(&res, mt, c, 0, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_rank(&res, mt, c, MEDIATE_MATCH_K_MAX + 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_rank(&res, mt, c, 1, 0x10), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_rank(&res, mt, oc, 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_request(&res, mt, c, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_request(&res, mt, oc, "YZ-0601"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_request(NULL, mt, c, "YZ-0601"), MEDIATE_EINVAL);
	CU_ASSERT_PTR_EQUAL(res, (mediate_match_result *)1);
	cs[0] = c;
	cs[1] = NULL;
	CU_ASSERT_EQUAL(mediate_match_assign_batch(&b, mt, cs, 2), MEDIATE_EINVAL);
	cs[1] = oc;
	CU_ASSERT_EQUAL(mediate_match_assign_batch(&b, mt, cs, 2), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_assign_batch(&b, mt, NULL, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_match_assign_batch(NULL, mt, cs, 1), MEDIATE_EINVAL);
	/* The same case twice would be given two mediators (capacity 3 here). */
	cs[1] = c;
	CU_ASSERT_EQUAL(mediate_match_assign_batch(&b, mt, cs, 2), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "cases 0 and 1 are the same case"));
	/* ... and so would two copies of it (same id), wherever they stand */
	{
		mediate_case *copy = NULL;
		const mediate_case *three[3];
		CU_ASSERT_EQUAL_FATAL(mediate_case_clone(&copy, c), 0);
		three[0] = c;
		three[1] = new_case(p, "YZ-ZGM-PS", "neighbour");
		three[2] = copy;
		CU_ASSERT_EQUAL(mediate_match_assign_batch(&b, mt, three, 3), MEDIATE_EINVAL);
		CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "cases 0 and 2 are the same case"));
		CU_ASSERT_PTR_EQUAL(b, (mediate_match_batch *)1);
		mediate_case_free((mediate_case *)three[1]);
		mediate_case_free(copy);
	}
	CU_ASSERT_EQUAL(mediate_match_assign_batch(&b, NULL, cs, 1), MEDIATE_EINVAL);
	CU_ASSERT_PTR_EQUAL(b, (mediate_match_batch *)1);
	/* NULL handles in getters and frees */
	mediate_matcher_free(NULL);
	mediate_match_result_free(NULL);
	mediate_match_batch_free(NULL);
	CU_ASSERT_PTR_NULL(mediate_matcher_roster(NULL));
	CU_ASSERT_EQUAL(mediate_matcher_at(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_result_count(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_count(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_result_examined(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_result_distance(NULL, 0), -1);
	CU_ASSERT_EQUAL(mediate_match_batch_count(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_assigned(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_exact(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_reason(NULL, 0), MEDIATE_MATCH_ELIGIBLE);
	CU_ASSERT_EQUAL(mediate_match_batch_candidates(NULL, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_team_total_score(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_team_covers(NULL, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_team_score(NULL, 0), 0);
	CU_ASSERT_PTR_NULL(mediate_match_team_mediator(NULL, 0));
	CU_ASSERT_PTR_NULL(mediate_match_team_uncovered(NULL));
	CU_ASSERT_PTR_NULL(mediate_match_batch_mediator(NULL, 0));
	CU_ASSERT_EQUAL(mediate_match_batch_score(NULL, 0), 0);
	CU_ASSERT_EQUAL(mediate_match_batch_total_score(NULL), 0);
	CU_ASSERT_EQUAL(mediate_match_result_excluded_reason(NULL, 0), MEDIATE_MATCH_ELIGIBLE);
	CU_ASSERT_PTR_NULL(mediate_match_result_excluded_at(NULL, 0));
	CU_ASSERT_EQUAL(mediate_policy_match_team_size(NULL), 0);
	CU_ASSERT_EQUAL(mediate_policy_match_car_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_policy_match_car_name(NULL, 0));
	mediate_case_free(c);
	mediate_case_free(oc);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
	mediate_policy_free(other);
}

/* ---------------------------------------------------------------------- */
/* Allocation failure: ENOMEM, *out untouched, nothing leaked               */

static long fail_after, live_blocks;

static void *
f_malloc(size_t size, void *user)
{
	void *q;
	(void)user;
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	q = malloc(size);
	if (q != NULL)
		live_blocks++;
	return q;
}

static void *
f_realloc(void *ptr, size_t size, void *user)
{
	void *q;
	(void)user;
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	q = realloc(ptr, size);
	if (q != NULL && ptr == NULL)
		live_blocks++;
	return q;
}

static void
f_free(void *ptr, void *user)
{
	(void)user;
	if (ptr != NULL)
		live_blocks--;
	free(ptr);
}

static void
test_allocation_failure(void)
{
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, f_malloc, f_realloc, f_free, NULL };
	mediate_policy *p = load_policy("matching:\n  cars: [{code: YZ-CAR-1, name: 移动调解车一号, lat: 29.819, lon: 121.548}]\n",
	                                NULL);
	mediate_roster *r;
	mediate_matcher *mt = NULL;
	mediate_case *cs[4];
	const char *needs[] = { "family", "labour" };
	int op;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	rng_state = 5;
	r = random_roster(p, 40, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	for (i = 0; i < 4; i++) {
		cs[i] = random_case(p);
		set_level(cs[i], "general");
	}
	CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
	for (op = 0; op < 7; op++) {
		long k;
		int ok = 0;
		for (k = 0; k < 5000 && !ok; k++) {
			void *out = (void *)1;
			int rc = MEDIATE_EINVAL;
			live_blocks = 0;
			fail_after = k;
			CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), MEDIATE_OK);
			switch (op) {
			case 0: rc = mediate_matcher_new((mediate_matcher **)&out, r, NULL, T0); break;
			case 1: rc = mediate_match_rank((mediate_match_result **)&out, mt, cs[0], 5, 0); break;
			case 2: rc = mediate_match_rank((mediate_match_result **)&out, mt, cs[1], 5, MEDIATE_MATCH_WITH_EXCLUDED); break;
			case 3: rc = mediate_match_request((mediate_match_result **)&out, mt, cs[2], "YZ-00000"); break;
			case 4: rc = mediate_match_nearest((mediate_match_result **)&out, mt, 29819000, 121548000, T0, 3); break;
			case 5: rc = mediate_match_assign_batch((mediate_match_batch **)&out, mt, (const mediate_case *const *)cs, 4); break;
			default: rc = mediate_match_form_team((mediate_match_team **)&out, mt, cs[3], needs, 2, 3); break;
			}
			if (rc == MEDIATE_OK) {
				ok = 1;
				switch (op) {
				case 0: mediate_matcher_free(out); break;
				case 5: mediate_match_batch_free(out); break;
				case 6: mediate_match_team_free(out); break;
				default: mediate_match_result_free(out); break;
				}
			} else {
				CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
				CU_ASSERT_PTR_EQUAL(out, (void *)1);
			}
			mediate_allocator_set(NULL);
			CU_ASSERT_EQUAL(live_blocks, 0);
		}
		CU_ASSERT(ok);
		CU_ASSERT(k > 1);
	}
	for (i = 0; i < 4; i++)
		mediate_case_free(cs[i]);
	mediate_matcher_free(mt);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

/* The sample county: its matching section loads and ranks the sample roster. */
static void
test_sample_county(void)
{
	mediate_policy *p = NULL;
	mediate_roster *r = NULL;
	mediate_matcher *mt = NULL;
	mediate_match_result *res = NULL;
	mediate_error err;
	mediate_case *c;

	if (mediate_policy_load_file(&p, example_data("county.yaml"), NULL, &err) != 0) {
		fprintf(stderr, "\n  county.yaml: %s:%lu: %s\n", err.path, err.line, err.text);
		CU_FAIL_FATAL("county.yaml does not load");
	}
	CU_ASSERT(mediate_policy_match_car_count(p) >= 1);
	CU_ASSERT_EQUAL(mediate_policy_match_weight(p, MEDIATE_MATCH_SPECIALTY) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_RATING) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_SUCCESS) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_LEVEL) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_LOCALITY) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_LOAD) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_LANGUAGE) +
	                mediate_policy_match_weight(p, MEDIATE_MATCH_MODE), 1000);
	if (mediate_roster_load_file(&r, p, example_data("roster.yaml"), NULL, &err) == 0) {
		CU_ASSERT_EQUAL_FATAL(mediate_matcher_new(&mt, r, NULL, T0), 0);
		c = new_case(p, "YZ-ZGM-PS", "neighbour.noise");
		CU_ASSERT_EQUAL_FATAL(mediate_match_rank(&res, mt, c, 5, 0), 0);
		CU_ASSERT_EQUAL(mediate_match_result_count(res), 5);
		mediate_match_result_free(res);
		mediate_case_free(c);
		mediate_matcher_free(mt);
		mediate_roster_free(r);
	}
	mediate_policy_free(p);
}

int
suite_match(void)
{
	TEST_SUITE(s, "match");
	TEST_ADD(s, test_policy_section);
	TEST_ADD(s, test_policy_errors);
	TEST_ADD(s, test_names);
	TEST_ADD(s, test_filters);
	TEST_ADD(s, test_components);
	TEST_ADD(s, test_rating_components);
	TEST_ADD(s, test_ties_and_request);
	TEST_ADD(s, test_index_matches_full_scan);
	TEST_ADD(s, test_batch_brute_force);
	TEST_ADD(s, test_batch_capacity_full);
	TEST_ADD(s, test_team_brute_force);
	TEST_ADD(s, test_team_roles);
	TEST_ADD(s, test_team_ties);
	TEST_ADD(s, test_nearest);
	TEST_ADD(s, test_bad_arguments);
	TEST_ADD(s, test_allocation_failure);
	TEST_ADD(s, test_sample_county);
	return 0;
}
