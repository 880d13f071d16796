/* SPDX-License-Identifier: MIT */
/*
 * The roster: every setter's refusals (NULL, bad UTF-8, unknown codes, out of
 * range, duplicates) and that a refused call changes nothing; leave and duty;
 * recusal by party id and by name; the published menu (filters, order, ties,
 * paging, phones masked or published); the YAML loader (the sample roster,
 * bad entries reported with line and path, the YAML test suite) and the round
 * trip; a roster of 50,000 mediators built through the API.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "../lib/roster_priv.h"

#define STUDIO "YZ-ZGM-PS-TJ"
#define ID1 "7d1c5a0e-3f4b-4c8e-9a21-5b6f0c3d2e11"

static mediate_policy *policy;

static int64_t
T(const char *text)
{
	int64_t t = 0;
	int off;
	CU_ASSERT_EQUAL_FATAL(mediate_time_parse(&t, &off, text), 0);
	return t;
}

static mediate_policy *
load_policy_with(const char *extra)
{
	size_t len;
	char *data = test_read_file(example_data("county.yaml"), &len), *all;
	mediate_policy *p = NULL;
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	all = malloc(len + strlen(extra) + 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(all);
	memcpy(all, data, len);
	all[len] = '\n';
	strcpy(all + len + 1, extra);
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, all, strlen(all), "county+roster.yaml", NULL, NULL), 0);
	free(data);
	free(all);
	return p;
}

static int
setup(void)
{
	return mediate_policy_load_file(&policy, example_data("county.yaml"), NULL, NULL) == 0 ? 0 : -1;
}

static int
teardown(void)
{
	mediate_policy_free(policy);
	return 0;
}

/* A roster with one mediator ID1 (潘志明, staff YZ-0001) of STUDIO. */
static mediate_roster *
one(void)
{
	mediate_roster *r = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, policy), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add(NULL, r, ID1, "YZ-0001", "潘志明", STUDIO,
	                                         MEDIATE_POST_FULL_TIME, 3), 0);
	return r;
}

/* ---- names ---- */

static void
test_enum_names(void)
{
	mediate_post_type p;
	mediate_duty d;
	CU_ASSERT_STRING_EQUAL(mediate_post_type_name(MEDIATE_POST_INVITED_EXPERT), "invited_expert");
	CU_ASSERT_STRING_EQUAL(mediate_post_type_name(MEDIATE_POST_RETIRED_VOLUNTEER), "retired_volunteer");
	CU_ASSERT_PTR_NULL(mediate_post_type_name((mediate_post_type)0));
	CU_ASSERT_PTR_NULL(mediate_post_type_name((mediate_post_type)5));
	CU_ASSERT_EQUAL(mediate_post_type_parse(&p, "part_time"), 0);
	CU_ASSERT_EQUAL(p, MEDIATE_POST_PART_TIME);
	CU_ASSERT_EQUAL(mediate_post_type_parse(&p, "volunteer"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(p, MEDIATE_POST_PART_TIME);              /* unchanged */
	CU_ASSERT_STRING_EQUAL(mediate_error_last()->text, "unknown post type \"volunteer\" (full_time, part_time, "
	                       "retired_volunteer or invited_expert)");
	CU_ASSERT_EQUAL(mediate_post_type_parse(NULL, "part_time"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_post_type_parse(&p, NULL), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_duty_name(MEDIATE_DUTY_LEAVE), "leave");
	CU_ASSERT_PTR_NULL(mediate_duty_name((mediate_duty)4));
	CU_ASSERT_EQUAL(mediate_duty_parse(&d, "off"), 0);
	CU_ASSERT_EQUAL(d, MEDIATE_DUTY_OFF);
	CU_ASSERT_EQUAL(mediate_duty_parse(&d, "On"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_duty_parse(NULL, "on"), MEDIATE_EINVAL);
}

/* ---- add, find, remove ---- */

static void
test_add_defaults(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_PTR_EQUAL(mediate_roster_policy(r), policy);
	CU_ASSERT_PTR_EQUAL(mediate_roster_find_staff(r, "YZ-0001"), m);
	CU_ASSERT_PTR_EQUAL(mediate_roster_at(r, 0), m);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_id(m), ID1);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(m), "YZ-0001");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_name(m), "潘志明");
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_mediator_unit(m)), STUDIO);
	CU_ASSERT_EQUAL(mediate_mediator_post(m), MEDIATE_POST_FULL_TIME);
	CU_ASSERT_EQUAL(mediate_mediator_level(m), 3);
	CU_ASSERT_EQUAL(mediate_mediator_duty(m), MEDIATE_DUTY_ON);
	CU_ASSERT_EQUAL(mediate_mediator_modes(m), MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT));
	CU_ASSERT_TRUE(mediate_mediator_offers(m, MEDIATE_MODE_ON_THE_SPOT));
	CU_ASSERT_FALSE(mediate_mediator_offers(m, MEDIATE_MODE_MOBILE));
	CU_ASSERT_EQUAL(mediate_mediator_capacity(m), 1);
	CU_ASSERT_EQUAL(mediate_mediator_load(m), 0);
	CU_ASSERT_EQUAL(mediate_mediator_free_capacity(m), 1);
	CU_ASSERT_PTR_NULL(mediate_mediator_phone(m));
	CU_ASSERT_EQUAL(mediate_mediator_specialty_count(m), 0);
	CU_ASSERT_EQUAL(mediate_mediator_language_count(m), 0);
	CU_ASSERT_EQUAL(mediate_mediator_leave_count(m), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recusal_count(m), 0);
	CU_ASSERT_FALSE(mediate_mediator_think_tank(m));
	CU_ASSERT_PTR_NULL(mediate_mediator_external_body(m));
	CU_ASSERT_PTR_NULL(mediate_roster_at(r, 1));
	CU_ASSERT_PTR_NULL(mediate_roster_find(r, "nobody"));
	CU_ASSERT_PTR_NULL(mediate_roster_find(r, NULL));
	CU_ASSERT_PTR_NULL(mediate_roster_find_staff(NULL, "YZ-0001"));
	mediate_roster_free(r);
}

static void
test_add_refusals(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = NULL;
	char longid[80];
	memset(longid, 'a', 65);
	longid[65] = '\0';
	CU_ASSERT_EQUAL(mediate_roster_new(NULL, policy), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_new(&r, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, NULL, NULL, "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, NULL, "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", NULL, STUDIO, MEDIATE_POST_PART_TIME, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李娜", NULL, MEDIATE_POST_PART_TIME, 1), MEDIATE_EINVAL);
	/* Duplicates. */
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, ID1, "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, "other-id", "YZ-0001", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EEXISTS);
	/* Shapes. */
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, "bad id", "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, "", "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, longid, "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_ELIMIT);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ.0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002-000000000000000000000000000", "李娜", STUDIO,
	                                   MEDIATE_POST_PART_TIME, 1), MEDIATE_ELIMIT);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李\xff娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "", STUDIO, MEDIATE_POST_PART_TIME, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李\n娜", STUDIO, MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李娜", "YZ-NOWHERE", MEDIATE_POST_PART_TIME, 1),
	                MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李娜", STUDIO, (mediate_post_type)0, 1),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 0),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 10),
	                MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(m);
	CU_ASSERT_EQUAL(mediate_roster_count(r), 1);
	CU_ASSERT_PTR_NULL(mediate_roster_find_staff(r, "YZ-0002"));
	/* A generated id: a UUID. */
	CU_ASSERT_EQUAL(mediate_roster_add(&m, r, NULL, "YZ-0002", "李娜", STUDIO, MEDIATE_POST_PART_TIME, 9), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	{
		mediate_id uuid;
		CU_ASSERT_EQUAL(mediate_id_parse(&uuid, mediate_mediator_id(m)), 0);
	}
	CU_ASSERT_PTR_EQUAL(mediate_roster_find(r, mediate_mediator_id(m)), m);
	CU_ASSERT_EQUAL(mediate_roster_count(r), 2);
	mediate_roster_free(r);
	mediate_roster_free(NULL);
}

static void
test_remove(void)
{
	mediate_roster *r = NULL;
	const mediate_mediator *a, *b, *c;
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, policy), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(&a, r, "m-a", "A-1", "周建国", STUDIO, MEDIATE_POST_FULL_TIME, 2), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(&b, r, "m-b", "A-2", "陈美娟", STUDIO, MEDIATE_POST_FULL_TIME, 2), 0);
	CU_ASSERT_EQUAL(mediate_roster_add(&c, r, "m-c", "A-3", "胡海峰", STUDIO, MEDIATE_POST_FULL_TIME, 2), 0);
	CU_ASSERT_EQUAL(mediate_roster_remove(r, "m-z"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_remove(NULL, "m-a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_remove(r, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_remove(r, "m-a"), 0);
	/* The last one moves into the gap; the others keep their pointers. */
	CU_ASSERT_EQUAL(mediate_roster_count(r), 2);
	CU_ASSERT_PTR_EQUAL(mediate_roster_at(r, 0), c);
	CU_ASSERT_PTR_EQUAL(mediate_roster_at(r, 1), b);
	CU_ASSERT_EQUAL(c->index, 0);
	CU_ASSERT_PTR_NULL(mediate_roster_find(r, "m-a"));
	CU_ASSERT_PTR_NULL(mediate_roster_find_staff(r, "A-1"));
	CU_ASSERT_PTR_EQUAL(mediate_roster_find(r, "m-b"), b);
	CU_ASSERT_PTR_EQUAL(mediate_roster_find_staff(r, "A-3"), c);
	/* The freed id and staff number may be used again. */
	CU_ASSERT_EQUAL(mediate_roster_add(&a, r, "m-a", "A-1", "周建国", STUDIO, MEDIATE_POST_FULL_TIME, 2), 0);
	CU_ASSERT_EQUAL(mediate_roster_remove(r, "m-c"), 0);
	CU_ASSERT_EQUAL(mediate_roster_remove(r, "m-b"), 0);
	CU_ASSERT_EQUAL(mediate_roster_remove(r, "m-a"), 0);
	CU_ASSERT_EQUAL(mediate_roster_count(r), 0);
	mediate_roster_free(r);
}

/* ---- setters ---- */

static void
test_setters(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	int32_t lat, lon;

	/* Every setter: NULL roster, NULL id, unknown id. */
	CU_ASSERT_EQUAL(mediate_roster_set_name(NULL, ID1, "潘志明"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_name(r, NULL, "潘志明"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_name(r, "nobody", "潘志明"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_set_level(r, "nobody", 2), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_set_capacity(NULL, ID1, 2), MEDIATE_EINVAL);

	CU_ASSERT_EQUAL(mediate_roster_set_name(r, ID1, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_name(r, ID1, "潘\xc0\xaf"), MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(mediate_roster_set_name(r, ID1, "老潘（潘志明）老潘（潘志明）老潘（潘志明）老潘（潘志明）"),
	                MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_name(m), "潘志明");
	CU_ASSERT_EQUAL(mediate_roster_set_name(r, ID1, "潘志明（老潘）"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_name(m), "潘志明（老潘）");

	CU_ASSERT_EQUAL(mediate_roster_set_unit(r, ID1, "YZ-NOWHERE"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_set_unit(r, ID1, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_unit(r, ID1, "YZ-LP"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_mediator_unit(m)), "YZ-LP");

	CU_ASSERT_EQUAL(mediate_roster_set_post(r, ID1, (mediate_post_type)9), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_post(r, ID1, MEDIATE_POST_RETIRED_VOLUNTEER), 0);
	CU_ASSERT_EQUAL(mediate_mediator_post(m), MEDIATE_POST_RETIRED_VOLUNTEER);

	CU_ASSERT_EQUAL(mediate_roster_set_level(r, ID1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_level(r, ID1, 10), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_mediator_level(m), 3);
	CU_ASSERT_EQUAL(mediate_roster_set_level(r, ID1, MEDIATE_MEDIATOR_LEVEL_MAX), 0);
	CU_ASSERT_EQUAL(mediate_mediator_level(m), 9);

	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, "1380574"), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, "1234"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, "138-0574-1234"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, "13+8"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, "+861380574123412345678"), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_phone(m), "1380574");
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, "+8613805741234"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_phone(m), "+8613805741234");
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, ID1, NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_mediator_phone(m));

	CU_ASSERT_EQUAL(mediate_roster_set_think_tank(r, ID1, 7), 0);
	CU_ASSERT_EQUAL(mediate_mediator_think_tank(m), 1);
	CU_ASSERT_EQUAL(mediate_roster_set_think_tank(r, ID1, 0), 0);
	CU_ASSERT_EQUAL(mediate_mediator_think_tank(m), 0);

	CU_ASSERT_EQUAL(mediate_roster_set_external_body(r, ID1, "YZ-QQ"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_set_external_body(r, ID1, "YZ-FY"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_mediator_external_body(m)), "YZ-FY");
	CU_ASSERT_EQUAL(mediate_roster_set_external_body(r, ID1, NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_mediator_external_body(m));

	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, ID1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, ID1, 1u), MEDIATE_EINVAL);       /* bit 0: no mode */
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, ID1, 1u << 6), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, ID1, MEDIATE_MODE_BIT(MEDIATE_MODE_MOBILE) |
	                                               MEDIATE_MODE_BIT(MEDIATE_MODE_REMOTE_VIDEO)), 0);
	CU_ASSERT_TRUE(mediate_mediator_offers(m, MEDIATE_MODE_MOBILE));
	CU_ASSERT_FALSE(mediate_mediator_offers(m, MEDIATE_MODE_ON_THE_SPOT));
	CU_ASSERT_FALSE(mediate_mediator_offers(m, (mediate_case_mode)0));

	CU_ASSERT_EQUAL(mediate_mediator_coordinates(&lat, &lon, m), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_set_coordinates(r, ID1, 90000001, 0), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_roster_set_coordinates(r, ID1, 0, -180000001), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_roster_set_coordinates(r, ID1, 29816000, 121547000), 0);
	CU_ASSERT_EQUAL(mediate_mediator_coordinates(&lat, &lon, m), 0);
	CU_ASSERT_EQUAL(lat, 29816000);
	CU_ASSERT_EQUAL(lon, 121547000);
	CU_ASSERT_EQUAL(mediate_mediator_coordinates(NULL, &lon, m), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_clear_coordinates(r, ID1), 0);
	CU_ASSERT_EQUAL(mediate_mediator_coordinates(&lat, &lon, m), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_clear_coordinates(r, "nobody"), MEDIATE_ENOTFOUND);

	CU_ASSERT_EQUAL(mediate_roster_set_capacity(r, ID1, 1001), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_mediator_capacity(m), 1);
	CU_ASSERT_EQUAL(mediate_roster_set_capacity(r, ID1, 1000), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_capacity(r, ID1, 6), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_load(r, ID1, 1001), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_load(r, ID1, 4), 0);
	CU_ASSERT_EQUAL(mediate_mediator_free_capacity(m), 2);
	CU_ASSERT_EQUAL(mediate_roster_set_capacity(r, ID1, 3), 0);   /* lowered below the load: full */
	CU_ASSERT_EQUAL(mediate_mediator_load(m), 4);
	CU_ASSERT_EQUAL(mediate_mediator_free_capacity(m), 0);

	CU_ASSERT_EQUAL(mediate_roster_set_duty(r, ID1, MEDIATE_DUTY_LEAVE), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_duty(r, ID1, (mediate_duty)0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_duty(r, ID1, MEDIATE_DUTY_OFF), 0);
	CU_ASSERT_EQUAL(mediate_mediator_duty(m), MEDIATE_DUTY_OFF);

	/* NULL mediators in getters. */
	CU_ASSERT_PTR_NULL(mediate_mediator_id(NULL));
	CU_ASSERT_EQUAL(mediate_mediator_level(NULL), 0);
	CU_ASSERT_EQUAL(mediate_mediator_free_capacity(NULL), 0);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(NULL, 0), 0);
	CU_ASSERT_PTR_NULL(mediate_mediator_specialty_at(NULL, 0));
	CU_ASSERT_FALSE(mediate_mediator_speaks(NULL, "zh"));
	mediate_roster_free(r);
}

static void
test_specialties(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	const mediate_category *noise = mediate_policy_category_find(policy, "neighbour.noise");
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour.nois", 3), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, NULL, 3), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour.noise", 6), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_mediator_specialty_count(m), 0);
	/* Kept sorted by the policy's category order. */
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "traffic.injury", 2), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "family", 5), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour.noise", 4), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_mediator_specialty_count(m), 3);
	CU_ASSERT_STRING_EQUAL(mediate_category_code(mediate_mediator_specialty_at(m, 0)), "family");
	CU_ASSERT_STRING_EQUAL(mediate_category_code(mediate_mediator_specialty_at(m, 1)), "neighbour.noise");
	CU_ASSERT_STRING_EQUAL(mediate_category_code(mediate_mediator_specialty_at(m, 2)), "traffic.injury");
	CU_ASSERT_EQUAL(mediate_mediator_proficiency_at(m, 0), 5);
	CU_ASSERT_EQUAL(mediate_mediator_proficiency_at(m, 3), 0);
	CU_ASSERT_PTR_NULL(mediate_mediator_specialty_at(m, 3));
	CU_ASSERT_EQUAL(mediate_mediator_proficiency(m, noise), 4);
	/* Exactly this category: neither an ancestor nor a child counts. */
	CU_ASSERT_EQUAL(mediate_mediator_proficiency(m, mediate_policy_category_find(policy, "neighbour")), 0);
	CU_ASSERT_EQUAL(mediate_mediator_proficiency(m, mediate_policy_category_find(policy, "family.marriage")), 0);
	CU_ASSERT_EQUAL(mediate_mediator_proficiency(m, NULL), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour.noise", 1), 0);
	CU_ASSERT_EQUAL(mediate_mediator_proficiency(m, noise), 1);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour.noise", 0), 0);
	CU_ASSERT_EQUAL(mediate_mediator_specialty_count(m), 2);
	CU_ASSERT_EQUAL(mediate_mediator_proficiency(m, noise), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour.noise", 0), 0);   /* not there: no-op */
	CU_ASSERT_EQUAL(mediate_mediator_specialty_count(m), 2);
	mediate_roster_free(r);
}

static void
test_languages(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	static const char *const bad[] = { "", "z", "zh_CN", "zh-", "-zh", "zh--CN", "zh-abcdefghi", "1zh",
	                                   "中文", "toolongprimary", NULL };
	size_t i;
	for (i = 0; bad[i] != NULL; i++)
		CU_ASSERT_EQUAL(mediate_roster_add_language(r, ID1, bad[i]), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, ID1, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_mediator_language_count(m), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, ID1, "zh"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, ID1, "wuu"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, ID1, "zh-Hant-HK"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, ID1, "ZH"), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_mediator_language_count(m), 3);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_language_at(m, 1), "wuu");
	CU_ASSERT_PTR_NULL(mediate_mediator_language_at(m, 3));
	CU_ASSERT_TRUE(mediate_mediator_speaks(m, "WUU"));
	CU_ASSERT_FALSE(mediate_mediator_speaks(m, "en"));
	CU_ASSERT_EQUAL(mediate_roster_remove_language(r, ID1, "en"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_remove_language(r, ID1, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_remove_language(r, ID1, "Zh"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_language_count(m), 2);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_language_at(m, 0), "wuu");
	mediate_roster_free(r);
}

static void
test_leave_and_duty(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	int64_t from, until;
	const char *reason;
	int64_t nov20 = T("2026-11-20T00:00:00+08:00"), nov27 = T("2026-11-27T00:00:00+08:00");
	int64_t dec01 = T("2026-12-01T00:00:00+08:00"), dec05 = T("2026-12-05T00:00:00+08:00");

	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov27, nov20, "年假"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov20, nov20, "年假"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov20, nov27, "年\xfe假"), MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, dec01, dec05, "业务培训"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov20, nov27, "年假"), 0);
	/* Overlaps, on either side or inside; touching periods are fine. */
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov20 + 86400, nov27 + 86400, NULL), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov20 - 86400, nov20 + 1, NULL), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov20 - 86400, dec05 + 86400, NULL), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, dec01 + 3600, dec01 + 7200, NULL), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_mediator_leave_count(m), 2);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, ID1, nov27, dec01, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_mediator_leave_count(m), 3);
	/* Sorted by start. */
	CU_ASSERT_EQUAL(mediate_mediator_leave_at(&from, &until, &reason, m, 0), 0);
	CU_ASSERT_EQUAL(from, nov20);
	CU_ASSERT_EQUAL(until, nov27);
	CU_ASSERT_STRING_EQUAL(reason, "年假");
	CU_ASSERT_EQUAL(mediate_mediator_leave_at(&from, &until, &reason, m, 1), 0);
	CU_ASSERT_PTR_NULL(reason);
	CU_ASSERT_EQUAL(mediate_mediator_leave_at(&from, &until, &reason, m, 3), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_mediator_leave_at(NULL, &until, &reason, m, 0), MEDIATE_EINVAL);

	/* duty_at: inside a period [from, until) it is leave. */
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, nov20 - 1), MEDIATE_DUTY_ON);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, nov20), MEDIATE_DUTY_LEAVE);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, nov27 + 3600), MEDIATE_DUTY_LEAVE);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, dec05 - 1), MEDIATE_DUTY_LEAVE);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, dec05), MEDIATE_DUTY_ON);
	CU_ASSERT_EQUAL(mediate_roster_set_duty(r, ID1, MEDIATE_DUTY_OFF), 0);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, dec05), MEDIATE_DUTY_OFF);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, nov20), MEDIATE_DUTY_LEAVE);

	CU_ASSERT_EQUAL(mediate_roster_remove_leave(r, ID1, nov20 + 1), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_remove_leave(r, ID1, nov27), 0);
	CU_ASSERT_EQUAL(mediate_mediator_leave_count(m), 2);
	CU_ASSERT_EQUAL(mediate_mediator_duty_at(m, nov27 + 3600), MEDIATE_DUTY_OFF);
	mediate_roster_free(r);
}

static void
test_recusals(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	mediate_case *c = NULL;
	const char *pid, *name, *rel;
	size_t idx = 99;

	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, NULL, NULL, "亲属"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, "bad id", NULL, "亲属"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, NULL, " \xe3\x80\x80 ", "亲属"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, NULL, "王\xff", "亲属"), MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, NULL, "王建国", "亲\x01属"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_mediator_recusal_count(m), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, NULL, " 王建国\xe3\x80\x80", "亲属"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, "p7", NULL, "同事"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, "org-1", "宁波某物业公司", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_mediator_recusal_count(m), 3);
	CU_ASSERT_EQUAL(mediate_mediator_recusal_at(&pid, &name, &rel, m, 0), 0);
	CU_ASSERT_PTR_NULL(pid);
	CU_ASSERT_STRING_EQUAL(name, "王建国");   /* trimmed */
	CU_ASSERT_STRING_EQUAL(rel, "亲属");
	CU_ASSERT_EQUAL(mediate_mediator_recusal_at(&pid, &name, &rel, m, 3), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_mediator_recusal_at(&pid, NULL, &rel, m, 0), MEDIATE_EINVAL);

	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, policy, STUDIO, T("2026-11-20T10:00:00+08:00"),
	                                       MEDIATE_OFFSET_CST, "mj_wangjun"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "李秀英"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, &idx), 0);
	CU_ASSERT_EQUAL(idx, 99);
	/* By name, exact after trimming. */
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "王建"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p3", MEDIATE_PARTY_THIRD_PARTY, MEDIATE_PARTY_PERSON, "王建国 "), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, &idx), 1);
	CU_ASSERT_EQUAL(idx, 0);
	CU_ASSERT_EQUAL(mediate_roster_remove_recusal(r, ID1, 3), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_remove_recusal(r, ID1, 0), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, &idx), 0);
	/* By party id. */
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p7", MEDIATE_PARTY_THIRD_PARTY, MEDIATE_PARTY_PERSON, "赵六"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, &idx), 1);
	CU_ASSERT_EQUAL(idx, 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(NULL, c, &idx), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, NULL, &idx), 0);
	mediate_case_free(c);
	mediate_roster_free(r);
}

/*
 * Names are compared as people write them: white space anywhere, the dot
 * of a transliterated name in any of its forms, full-width Latin letters
 * and letter case make no difference; other characters do.
 */
static void
test_recusal_name_forms(void)
{
	static const struct {
		const char *declared, *party;
		int same;
	} cases[] = {
		{ "王建国", "王 建国", 1 },
		{ "王建国", "王\xe3\x80\x80建\xc2\xa0国\xe2\x80\x8b", 1 },
		{ "买买提·艾力", "买买提•艾力", 1 },              /* U+2022 */
		{ "买买提·艾力", "买买提\xe3\x83\xbb艾力", 1 },      /* U+30FB */
		{ "买买提·艾力", "买买提．艾力", 1 },              /* U+FF0E */
		{ "买买提·艾力", "买买提.艾力", 1 },
		{ "买买提·艾力", "买买提艾力", 0 },
		{ "John Smith", "ＪＯＨＮ　ＳＭＩＴＨ", 1 },
		{ "宁波某物业公司", "宁波某物业有限公司", 0 },
		{ "王建国", "王建囯", 0 },                         /* a variant character is another name */
		{ "王建国", "王建", 0 },
	};
	mediate_roster *r = one();
	mediate_case *c = NULL;
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CU_ASSERT_EQUAL_FATAL(mediate_roster_add_recusal(r, ID1, NULL, cases[i].declared, "亲属"), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, policy, STUDIO, T("2026-11-20T10:00:00+08:00"),
		                                       MEDIATE_OFFSET_CST, "mj_wangjun"), 0);
		CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON,
		                                       cases[i].party), 0);
		if (mediate_mediator_recuses(m, c, NULL) != cases[i].same) {
			fprintf(stderr, "\n  recusal \"%s\" vs party \"%s\": expected %d\n", cases[i].declared,
			        cases[i].party, cases[i].same);
			CU_FAIL("name form");
		}
		mediate_case_free(c);
		CU_ASSERT_EQUAL(mediate_roster_remove_recusal(r, ID1, 0), 0);
	}
	mediate_roster_free(r);
}

/* Names pasted from a web form or a document carry U+00A0, U+2002 or a
 * zero-width space at the ends: the recusal still applies. */
static void
test_recusal_unicode_spaces(void)
{
	mediate_roster *r = one();
	const mediate_mediator *m = mediate_roster_find(r, ID1);
	mediate_case *c = NULL;
	const char *pid, *name, *rel;
	size_t idx = 99;

	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, ID1, NULL, "\xc2\xa0\xe2\x80\x8b\xef\xbb\xbf", "亲属"),
	                MEDIATE_EINVAL);   /* blank */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add_recusal(r, ID1, NULL, "\xe2\x80\x82王建国\xc2\xa0", "亲属"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recusal_at(&pid, &name, &rel, m, 0), 0);
	CU_ASSERT_STRING_EQUAL(name, "王建国");
	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, policy, STUDIO, T("2026-11-20T10:00:00+08:00"),
	                                       MEDIATE_OFFSET_CST, "mj_wangjun"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON,
	                                       "\xc2\xa0王建\xc2\xa0"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, &idx), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON,
	                                       "\xef\xbb\xbf王建国\xe2\x80\x8b\xc2\xa0\xe3\x80\x80"), 0);
	CU_ASSERT_EQUAL(mediate_mediator_recuses(m, c, &idx), 1);
	CU_ASSERT_EQUAL(idx, 0);
	mediate_case_free(c);
	mediate_roster_free(r);
}

/* ---- the menu ---- */

static void
add_full(mediate_roster *r, const char *staff, const char *name, const char *unit, const char *cat,
         unsigned int prof, unsigned int modes, const char *phone)
{
	char id[40];
	snprintf(id, sizeof id, "id-%s", staff);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_add(NULL, r, id, staff, name, unit, MEDIATE_POST_FULL_TIME, 3), 0);
	if (cat != NULL)
		CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, id, cat, prof), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, id, modes), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_phone(r, id, phone), 0);
}

static mediate_roster *
menu_roster(const mediate_policy *p)
{
	mediate_roster *r = NULL;
	unsigned int spot = MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT);
	unsigned int video = spot | MEDIATE_MODE_BIT(MEDIATE_MODE_REMOTE_VIDEO);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, p), 0);
	add_full(r, "S-05", "俞国庆", "YZ-ZGM-PS-TJ", "neighbour.noise", 4, spot, "13805741234");
	add_full(r, "S-02", "邬海燕", "YZ-ZGM-PS-TJ", "neighbour", 4, video, "13905742345");
	add_full(r, "S-09", "竺德伟", "YZ-SN-PS-TJ", "neighbour.water_leak", 5, video, "13705743456");
	add_full(r, "S-01", "包佳敏", "YZ-SN-PS-TJ", "family.marriage", 5, spot, "13605744567");
	add_full(r, "S-07", "毛立群", "YZ-ZGM-PS-TJ", "neighbour.boundary", 2, spot, NULL);
	add_full(r, "S-03", "舒娜", "YZ-ZGM-PS-TJ", NULL, 0, spot, "13505745678");
	/* S-08 is on leave in late November, S-04 off duty. */
	add_full(r, "S-08", "柴磊", "YZ-ZGM-PS-TJ", "neighbour.noise", 5, spot, "13405746789");
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, "id-S-08", T("2026-11-20T00:00:00+08:00"),
	                                         T("2026-11-27T00:00:00+08:00"), "年假"), 0);
	add_full(r, "S-04", "乐桂英", "YZ-ZGM-PS-TJ", "neighbour.noise", 5, spot, "13305747890");
	CU_ASSERT_EQUAL(mediate_roster_set_duty(r, "id-S-04", MEDIATE_DUTY_OFF), 0);
	return r;
}

static void
test_menu(void)
{
	mediate_roster *r = menu_roster(policy);
	mediate_menu *menu = NULL;
	int64_t at = T("2026-11-23T09:00:00+08:00");

	CU_ASSERT_EQUAL(mediate_roster_menu(NULL, r, NULL, NULL, NULL, 0, at, 0, 10), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_menu(&menu, NULL, NULL, NULL, NULL, 0, at, 0, 10), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, at, 0, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, at, 0, 501), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_menu(&menu, r, NULL, "neighbor", NULL, 0, at, 0, 10), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_menu(&menu, r, NULL, NULL, "YZ-NOWHERE", 0, at, 0, 10), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, (mediate_case_mode)9, at, 0, 10),
	                MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(menu);

	/* Everyone on duty: S-08 (leave) and S-04 (off) are not shown.  By best
	 * proficiency x 1000, ties by staff number. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, at, 0, 10), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 6);
	CU_ASSERT_EQUAL_FATAL(mediate_menu_count(menu), 6);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 0)), "S-01");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 1)), "S-09");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 2)), "S-02");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 3)), "S-05");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 4)), "S-07");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 5)), "S-03");
	CU_ASSERT_EQUAL(mediate_menu_score(menu, 0), 5000);
	CU_ASSERT_EQUAL(mediate_menu_score(menu, 4), 2000);
	CU_ASSERT_EQUAL(mediate_menu_score(menu, 5), 0);
	CU_ASSERT_PTR_NULL(mediate_menu_mediator_at(menu, 6));
	CU_ASSERT_EQUAL(mediate_menu_score(menu, 6), 0);
	/* Phones masked: the policy does not publish them. */
	CU_ASSERT_STRING_EQUAL(mediate_menu_phone(menu, 0), "136****4567");
	CU_ASSERT_PTR_NULL(mediate_menu_phone(menu, 4));
	CU_ASSERT_PTR_NULL(mediate_menu_phone(menu, 6));
	mediate_menu_free(menu);

	/* A week later S-08 is back. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, T("2026-11-27T00:00:00+08:00"), 0, 10), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 7);
	mediate_menu_free(menu);

	/* Category with descendants: neighbour covers neighbour.*. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, "neighbour", NULL, 0, at, 0, 10), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 4);   /* S-09, S-02, S-05, S-07 */
	mediate_menu_free(menu);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, "neighbour.noise", NULL, 0, at, 0, 10), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 1);   /* S-05 (S-08 on leave, S-04 off) */
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 0)), "S-05");
	mediate_menu_free(menu);
	/* Unit within: the town takes its station's studio. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, NULL, "YZ-SN", 0, at, 0, 10), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 2);
	mediate_menu_free(menu);
	/* Mode. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, "neighbour", "YZ-ZGM", MEDIATE_MODE_REMOTE_VIDEO,
	                                          at, 0, 10), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 1);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 0)), "S-02");
	mediate_menu_free(menu);
	/* Paging: 6 by 4 is a page of 4 and a page of 2; past the end is empty. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, at, 1, 4), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 6);
	CU_ASSERT_EQUAL(mediate_menu_count(menu), 2);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 0)), "S-07");
	mediate_menu_free(menu);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, at, 2, 4), 0);
	CU_ASSERT_EQUAL(mediate_menu_total(menu), 6);
	CU_ASSERT_EQUAL(mediate_menu_count(menu), 0);
	mediate_menu_free(menu);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, NULL, NULL, 0, at, (size_t)-1, 500), 0);
	CU_ASSERT_EQUAL(mediate_menu_count(menu), 0);
	mediate_menu_free(menu);
	mediate_menu_free(NULL);
	CU_ASSERT_EQUAL(mediate_menu_total(NULL), 0);
	mediate_roster_free(r);
}

static void
test_menu_ratings_and_phones(void)
{
	mediate_policy *p = load_policy_with("roster:\n  publish_phone: true\n");
	mediate_roster *r;
	mediate_ratings *ratings = NULL;
	mediate_menu *menu = NULL;
	size_t i;
	if (p == NULL)
		return;
	r = menu_roster(p);
	CU_ASSERT_EQUAL_FATAL(mediate_ratings_new(&ratings, p), 0);
	/* Nothing rated: every mediator has the prior; the order is by staff number. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, ratings, NULL, NULL, 0, T("2026-11-23T09:00:00+08:00"),
	                                          0, 10), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_menu_count(menu), 6);
	for (i = 0; i < 6; i++)
		CU_ASSERT_EQUAL(mediate_menu_score(menu, i), mediate_policy_rating_prior_milli(p));
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 0)), "S-01");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 1)), "S-02");
	CU_ASSERT_STRING_EQUAL(mediate_mediator_staff_number(mediate_menu_mediator_at(menu, 5)), "S-09");
	/* Published phones. */
	CU_ASSERT_STRING_EQUAL(mediate_menu_phone(menu, 0), "13605744567");
	mediate_menu_free(menu);
	mediate_ratings_free(ratings);
	mediate_roster_free(r);
	mediate_policy_free(p);
}

static void
test_policy_section(void)
{
	mediate_policy *p = NULL;
	mediate_error err;
	size_t len;
	char *data = test_read_file(example_data("county.yaml"), &len), *all;
	static const char extra[] = "\nroster:\n  publish_phones: true\n";
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	all = malloc(len + sizeof extra);
	CU_ASSERT_PTR_NOT_NULL_FATAL(all);
	memcpy(all, data, len);
	memcpy(all + len, extra, sizeof extra);
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, all, strlen(all), "county.yaml", NULL, &err), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_STRING_EQUAL(err.path, "roster.publish_phones");
	CU_ASSERT_PTR_NOT_NULL(strstr(err.text, "publish_phone"));
	strcpy(all + len, "\nroster:\n  publish_phone: yes\n");
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, all, strlen(all), "county.yaml", NULL, &err), MEDIATE_EVALIDATE);
	CU_ASSERT_STRING_EQUAL(err.path, "roster.publish_phone");
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_FALSE(mi_roster_policy_publish_phone(policy));
	free(all);
	free(data);
}

/* ---- YAML ---- */

static void
test_sample_roster(void)
{
	mediate_roster *r = NULL;
	mediate_error err;
	const mediate_mediator *m;
	char *yaml = NULL, *file;
	size_t len = 0, flen, i, experts = 0;
	int32_t lat, lon;
	CU_ASSERT_EQUAL_FATAL(mediate_roster_load_file(&r, policy, example_data("roster.yaml"), NULL, &err), 0);
	CU_ASSERT(mediate_roster_count(r) >= 250);
	m = mediate_roster_find_staff(r, "M-0001");
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_STRING_EQUAL(mediate_mediator_name(m), "潘志明");
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_mediator_unit(m)), "YZ-LP");
	CU_ASSERT_TRUE(mediate_mediator_offers(m, MEDIATE_MODE_MOBILE));
	CU_ASSERT_EQUAL(mediate_mediator_coordinates(&lat, &lon, m), 0);
	CU_ASSERT(lat > 29700000 && lat < 29950000 && lon > 121400000 && lon < 121750000);
	for (i = 0; i < mediate_roster_count(r); i++) {
		m = mediate_roster_at(r, i);
		if (mediate_mediator_think_tank(m) && mediate_mediator_external_body(m) != NULL)
			experts++;
	}
	CU_ASSERT(experts >= 30);
	/* The writer writes the canonical layout: the file itself. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&yaml, &len, r), 0);
	file = test_read_file(example_data("roster.yaml"), &flen);
	CU_ASSERT_PTR_NOT_NULL_FATAL(file);
	CU_ASSERT_EQUAL(len, flen);
	CU_ASSERT(len == flen && memcmp(yaml, file, len) == 0);
	CU_ASSERT_EQUAL(strlen(yaml), len);
	free(file);
	mediate_free(yaml);
	mediate_roster_free(r);
}

/* Every field of two rosters, mediator by mediator. */
static void
assert_equal_rosters(const mediate_roster *a, const mediate_roster *b)
{
	size_t i, k;
	CU_ASSERT_EQUAL_FATAL(mediate_roster_count(a), mediate_roster_count(b));
	for (i = 0; i < mediate_roster_count(a); i++) {
		const mediate_mediator *x = mediate_roster_at(a, i), *y = mediate_roster_at(b, i);
		CU_ASSERT_STRING_EQUAL(x->id, y->id);
		CU_ASSERT_STRING_EQUAL(x->staff, y->staff);
		CU_ASSERT_STRING_EQUAL(x->name, y->name);
		CU_ASSERT_PTR_EQUAL(x->unit, y->unit);
		CU_ASSERT_EQUAL(x->post, y->post);
		CU_ASSERT_EQUAL(x->level, y->level);
		CU_ASSERT((x->phone == NULL && y->phone == NULL) ||
		          (x->phone && y->phone && strcmp(x->phone, y->phone) == 0));
		CU_ASSERT_EQUAL_FATAL(x->specialty_count, y->specialty_count);
		for (k = 0; k < x->specialty_count; k++) {
			CU_ASSERT_EQUAL(x->specialties[k].category, y->specialties[k].category);
			CU_ASSERT_EQUAL(x->specialties[k].proficiency, y->specialties[k].proficiency);
		}
		CU_ASSERT_EQUAL(x->think_tank, y->think_tank);
		CU_ASSERT_PTR_EQUAL(x->external_body, y->external_body);
		CU_ASSERT_EQUAL_FATAL(x->language_count, y->language_count);
		for (k = 0; k < x->language_count; k++)
			CU_ASSERT_STRING_EQUAL(x->languages[k], y->languages[k]);
		CU_ASSERT_EQUAL(x->modes, y->modes);
		CU_ASSERT_EQUAL(x->has_coordinates, y->has_coordinates);
		CU_ASSERT_EQUAL(x->lat, y->lat);
		CU_ASSERT_EQUAL(x->lon, y->lon);
		CU_ASSERT_EQUAL(x->capacity, y->capacity);
		CU_ASSERT_EQUAL(x->load, y->load);
		CU_ASSERT_EQUAL(x->duty, y->duty);
		CU_ASSERT_EQUAL_FATAL(x->leave_count, y->leave_count);
		for (k = 0; k < x->leave_count; k++) {
			CU_ASSERT_EQUAL(x->leaves[k].from, y->leaves[k].from);
			CU_ASSERT_EQUAL(x->leaves[k].until, y->leaves[k].until);
			CU_ASSERT((x->leaves[k].reason == NULL && y->leaves[k].reason == NULL) ||
			          (x->leaves[k].reason && y->leaves[k].reason &&
			           strcmp(x->leaves[k].reason, y->leaves[k].reason) == 0));
		}
		CU_ASSERT_EQUAL_FATAL(x->recusal_count, y->recusal_count);
		for (k = 0; k < x->recusal_count; k++) {
			const mi_recusal *p = &x->recusals[k], *q = &y->recusals[k];
			CU_ASSERT((p->party_id == NULL) == (q->party_id == NULL));
			CU_ASSERT((p->name == NULL) == (q->name == NULL));
			CU_ASSERT((p->relationship == NULL) == (q->relationship == NULL));
			if (p->party_id && q->party_id)
				CU_ASSERT_STRING_EQUAL(p->party_id, q->party_id);
			if (p->name && q->name)
				CU_ASSERT_STRING_EQUAL(p->name, q->name);
			if (p->relationship && q->relationship)
				CU_ASSERT_STRING_EQUAL(p->relationship, q->relationship);
		}
	}
}

static void
test_round_trip(void)
{
	mediate_roster *r = menu_roster(policy), *back = NULL;
	char *yaml = NULL, *again = NULL;
	size_t len = 0, len2 = 0;
	mediate_error err;
	/* Texts that need quoting, and every optional field. */
	CU_ASSERT_EQUAL(mediate_roster_add(NULL, r, "2026", "1234", "true", "YZ-ZK", MEDIATE_POST_INVITED_EXPERT, 7), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_think_tank(r, "2026", 1), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_external_body(r, "2026", "YZ-LX"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, "2026", "en"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_language(r, "2026", "wuu"), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_coordinates(r, "2026", -33868800, -151209300), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, "2026", NULL, "\"王\" #1: 张三", "亲属: 表兄"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_recusal(r, "2026", "org-9", NULL, NULL), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, "2026", T("2026-12-24T12:00:00+08:00"),
	                                         T("2026-12-31T18:30:00+08:00"), "- 探亲 -"), 0);
	CU_ASSERT_EQUAL(mediate_roster_add_leave(r, "2026", T("2027-01-04T00:00:00+08:00"),
	                                         T("2027-01-05T00:00:00+08:00"), NULL), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_capacity(r, "2026", 0), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_load(r, "2026", 3), 0);
	CU_ASSERT_EQUAL(mediate_roster_set_modes(r, "2026", MI_ROSTER_MODE_MASK), 0);

	CU_ASSERT_EQUAL(mediate_roster_to_yaml(NULL, &len, r), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_to_yaml(&yaml, &len, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&yaml, &len, r), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_load_buffer(&back, policy, yaml, len, "round-trip.yaml", NULL, &err), 0);
	assert_equal_rosters(r, back);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&again, &len2, back), 0);
	CU_ASSERT_EQUAL(len, len2);
	CU_ASSERT_STRING_EQUAL(yaml, again);
	mediate_free(yaml);
	mediate_free(again);
	mediate_roster_free(back);
	mediate_roster_free(r);

	/* An empty roster. */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, policy), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&yaml, NULL, r), 0);
	CU_ASSERT_STRING_EQUAL(yaml, "format: mediate-roster\nversion: 1\nmediators: []\n");
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&back, policy, yaml, strlen(yaml), "empty.yaml", NULL, NULL), 0);
	CU_ASSERT_EQUAL(mediate_roster_count(back), 0);
	mediate_roster_free(back);
	mediate_free(yaml);
	mediate_roster_free(r);
}

/*
 * Texts with characters YAML reads as line breaks even inside quotes (U+0085,
 * U+2028, U+2029) or refuses in a stream (C1 controls, U+FFFE): the writer
 * put them raw, and the document did not load back (or loaded another name).
 */
static void
test_round_trip_line_breaks(void)
{
	static const char *const texts[] = {
		"\xe2\x80\xa8王建国", "张三\xc2\x85", "李\xe2\x80\xa9四 x", "a\xc2\x80" "b\xc2\x9f",
		"x\xef\xbf\xbe" "y\xef\xbf\xbf", "\xef\xbb\xbf" "BOM", "\xc2\xa0赵六"
	};
	size_t i;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		mediate_roster *r = one(), *back = NULL;
		char *yaml = NULL, *again = NULL;
		size_t len = 0, len2 = 0;
		mediate_error err;
		CU_ASSERT_EQUAL_FATAL(mediate_roster_set_name(r, ID1, texts[i]), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_roster_add_recusal(r, ID1, NULL, texts[i], texts[i]), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_roster_add_leave(r, ID1, T("2026-12-24T12:00:00+08:00"),
		                                               T("2026-12-31T18:30:00+08:00"), texts[i]), 0);
		CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&yaml, &len, r), 0);
		CU_ASSERT_EQUAL(mediate_roster_load_buffer(&back, policy, yaml, len, "line-breaks.yaml", NULL, &err), 0);
		if (back == NULL) {
			fprintf(stderr, "\n  text %zu: %s\n%s", i, err.text, yaml);
		} else {
			assert_equal_rosters(r, back);
			CU_ASSERT_STRING_EQUAL(mediate_mediator_name(mediate_roster_at(back, 0)), texts[i]);
			CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&again, &len2, back), 0);
			CU_ASSERT_STRING_EQUAL(yaml, again);
		}
		mediate_free(yaml);
		mediate_free(again);
		mediate_roster_free(back);
		mediate_roster_free(r);
	}
}

struct diag_log {
	unsigned int n;
	char lines[32][600];
};

static void
on_error(const mediate_error *e, void *user)
{
	struct diag_log *log = user;
	if (log->n < 32)
		mediate_error_format(log->lines[log->n++], sizeof log->lines[0], e);
}

#define HEAD "format: mediate-roster\nversion: 1\nmediators:\n"
#define GOOD "- id: a1\n  staff: S-1\n  name: 史伟\n  unit: YZ-XX-PS-TJ\n  post: full_time\n  level: 3\n"

static const struct bad_doc {
	const char *yaml;
	int code;
	unsigned long line;
	const char *path;
	const char *text;     /* in the message */
} bad_docs[] = {
	{ "", MEDIATE_EVALIDATE, 1, "", "empty" },
	{ "- 1\n", MEDIATE_EVALIDATE, 1, "", "mapping" },
	{ "format: mediate-cases\nversion: 1\nmediators: []\n", MEDIATE_EVALIDATE, 1, "format", "mediate-roster" },
	{ "format: mediate-roster\nversion: 2\nmediators: []\n", MEDIATE_EVALIDATE, 2, "version", "not supported" },
	{ "format: mediate-roster\nversion: 1\nmediator: []\n", MEDIATE_EVALIDATE, 3, "mediator", "mediators" },
	{ HEAD "- id: a1\n  staff: S-1\n  name: 史伟\n  unit: YZ-XX-PS-TJ\n  post: full_time\n", MEDIATE_EVALIDATE, 4,
	  "mediators[0].level", "missing" },
	{ HEAD GOOD "  levle: 3\n", MEDIATE_EVALIDATE, 10, "mediators[0].levle", "level" },
	{ HEAD GOOD "  specialties: {neighbour.nosie: 3}\n", MEDIATE_EVALIDATE, 10,
	  "mediators[0].specialties.neighbour.nosie", "neighbour.noise" },
	{ HEAD GOOD "  specialties: {neighbour: 6}\n", MEDIATE_ERANGE, 10, "mediators[0].specialties.neighbour", "" },
	{ HEAD GOOD "  specialties: {neighbour: 0}\n", MEDIATE_ERANGE, 10, "mediators[0].specialties.neighbour", "" },
	{ HEAD GOOD "  modes: [on_the_spot, mobil]\n", MEDIATE_EVALIDATE, 10, "mediators[0].modes[1]", "mobile" },
	{ HEAD GOOD "  modes: []\n", MEDIATE_EINVAL, 10, "mediators[0].modes", "at least one" },
	{ HEAD GOOD "  duty: leave\n", MEDIATE_EVALIDATE, 10, "mediators[0].duty", "leave" },
	{ HEAD GOOD "  capacity: 1001\n", MEDIATE_ERANGE, 10, "mediators[0].capacity", "" },
	{ HEAD GOOD "  coordinates: {lat: 91.0, lon: 121.5}\n", MEDIATE_ERANGE, 10, "mediators[0].coordinates.lat", "" },
	{ HEAD GOOD "  coordinates: {lat: 29.8}\n", MEDIATE_EVALIDATE, 10, "mediators[0].coordinates.lon", "lon" },
	{ HEAD GOOD "  phone: 138-0574\n", MEDIATE_EINVAL, 10, "mediators[0].phone", "digits" },
	{ HEAD GOOD "  languages: [zh, zh]\n", MEDIATE_EEXISTS, 10, "mediators[0].languages[1]", "" },
	{ HEAD GOOD "  external_body: YZ-FX\n", MEDIATE_EVALIDATE, 10, "mediators[0].external_body", "YZ-FY" },
	{ HEAD GOOD "  think_tank: yes\n", MEDIATE_EVALIDATE, 10, "mediators[0].think_tank", "true or false" },
	{ HEAD GOOD "  leave:\n  - {from: 2026-11-20T00:00:00+08:00, until: 2026-11-27T00:00:00+08:00}\n"
	  "  - {from: 2026-11-26T00:00:00+08:00, until: 2026-11-28T00:00:00+08:00}\n", MEDIATE_EEXISTS, 12,
	  "mediators[0].leave[1]", "overlaps" },
	{ HEAD GOOD "  leave:\n  - {from: 2026-11-20T00:00:00+08:00}\n", MEDIATE_EVALIDATE, 11,
	  "mediators[0].leave[0].until", "missing" },
	{ HEAD GOOD "  recusals:\n  - {relationship: 亲属}\n", MEDIATE_EINVAL, 11, "mediators[0].recusals[0]",
	  "party id or a name" },
	{ HEAD GOOD GOOD, MEDIATE_EEXISTS, 10, "mediators[1].id", "used twice" },
	{ HEAD GOOD "- id: a2\n  staff: S-1\n  name: 孙军\n  unit: YZ-XX-PS-TJ\n  post: full_time\n  level: 3\n",
	  MEDIATE_EEXISTS, 11, "mediators[1].staff", "used twice" },
	{ HEAD "- id: a1\n  staff: S-1\n  name: 史伟\n  unit: YZ-XX-PS\n  post: fulltime\n  level: 0\n",
	  MEDIATE_EVALIDATE, 8, "mediators[0].post", "full_time" },
	{ HEAD "- id: a1\n  staff: S-1\n  name: 史伟\n  unit: YZ-XX-PS-TK\n  post: full_time\n  level: 3\n",
	  MEDIATE_EVALIDATE, 7, "mediators[0].unit", "YZ-XX-PS-TJ" },
	{ HEAD "- id: a 1\n  staff: S-1\n  name: 史伟\n  unit: YZ-XX-PS-TJ\n  post: full_time\n  level: 3\n",
	  MEDIATE_EINVAL, 4, "mediators[0].id", "letters" },
	{ HEAD "- id: a1\n  staff: S-1\n  name: \"史\\x01伟\"\n  unit: YZ-XX-PS-TJ\n  post: full_time\n  level: 3\n",
	  MEDIATE_EINVAL, 6, "mediators[0].name", "control" },
};

static void
test_bad_documents(void)
{
	size_t i;
	for (i = 0; i < sizeof bad_docs / sizeof bad_docs[0]; i++) {
		const struct bad_doc *b = &bad_docs[i];
		mediate_roster *r = NULL;
		mediate_error err;
		int rc = mediate_roster_load_buffer(&r, policy, b->yaml, strlen(b->yaml), "bad.yaml", NULL, &err);
		CU_ASSERT_EQUAL(rc, b->code);
		CU_ASSERT_PTR_NULL(r);
		CU_ASSERT_EQUAL(err.code, b->code);
		CU_ASSERT_EQUAL(err.line, b->line);
		CU_ASSERT_STRING_EQUAL(err.path, b->path);
		CU_ASSERT_STRING_EQUAL(err.file, "bad.yaml");
		CU_ASSERT_PTR_NOT_NULL(strstr(err.text, b->text));
		if (rc != b->code || err.line != b->line || strcmp(err.path, b->path) != 0 || !strstr(err.text, b->text))
			fprintf(stderr, "\n  bad doc %zu: rc %d line %lu path %s: %s", i, rc, err.line, err.path, err.text);
		mediate_roster_free(r);
	}
}

static void
test_all_errors_reported(void)
{
	/* Three bad entries, and a bad field of an entry whose identity is bad:
	 * every error is reported, in document order. */
	static const char doc[] = HEAD
		"- id: a1\n  staff: S-1\n  name: 史伟\n  unit: YZ-XX-PS-TJ\n  post: full_time\n  level: 10\n"
		"  capacity: -1\n"
		"- id: a2\n  staff: S-2\n  name: 孙军\n  unit: YZ-XX-PS-TJ\n  post: part_time\n  level: 2\n"
		"  specialties: {labor: 3}\n"
		"- id: a3\n  staff: S-3\n  name: 应静\n  unit: YZ-ML-PS-TJ\n  post: part_time\n  level: 2\n"
		"  modes: [on_the_spot]\n  duty: away\n";
	mediate_load_options opts = MEDIATE_LOAD_OPTIONS_INIT;
	struct diag_log log;
	mediate_roster *r = NULL;
	mediate_error err;
	memset(&log, 0, sizeof log);
	opts.on_error = on_error;
	opts.on_error_user = &log;
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&r, policy, doc, strlen(doc), "three.yaml", &opts, &err),
	                MEDIATE_ERANGE);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_EQUAL_FATAL(log.n, 4);
	CU_ASSERT_PTR_NOT_NULL(strstr(log.lines[0], "three.yaml:9:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log.lines[0], "mediators[0].level"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log.lines[1], "mediators[0].capacity"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log.lines[2], "mediators[1].specialties.labor"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log.lines[2], "labour"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log.lines[3], "mediators[2].duty"));
	CU_ASSERT_EQUAL(err.line, 9);
}

static void
test_load_arguments(void)
{
	mediate_roster *r = NULL;
	mediate_error err;
	mediate_load_options opts = MEDIATE_LOAD_OPTIONS_INIT;
	CU_ASSERT_EQUAL(mediate_roster_load_file(NULL, policy, example_data("roster.yaml"), NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_load_file(&r, NULL, example_data("roster.yaml"), NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_load_file(&r, policy, NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_load_file(&r, policy, test_data("no-such-roster.yaml"), NULL, &err), MEDIATE_EIO);
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&r, policy, NULL, 3, "x", NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&r, NULL, "x", 1, "x", NULL, NULL), MEDIATE_EINVAL);
	opts.max_document_bytes = 1000;
	CU_ASSERT_EQUAL(mediate_roster_load_file(&r, policy, example_data("roster.yaml"), &opts, &err), MEDIATE_ELIMIT);
	opts = (mediate_load_options)MEDIATE_LOAD_OPTIONS_INIT;
	opts.version = 99;
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&r, policy, HEAD GOOD, strlen(HEAD GOOD), "x", &opts, &err),
	                MEDIATE_EINVAL);
	opts = (mediate_load_options)MEDIATE_LOAD_OPTIONS_INIT;
	opts.max_depth = 3;
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&r, policy, HEAD GOOD "  leave:\n  - {from: 2026-11-20T00:00:00+08:00, "
	                                           "until: 2026-11-21T00:00:00+08:00}\n",
	                                           strlen(HEAD GOOD) + 79, "x", &opts, &err), MEDIATE_ELIMIT);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&r, policy, HEAD GOOD, strlen(HEAD GOOD), "ok.yaml", NULL, NULL), 0);
	CU_ASSERT_EQUAL(mediate_roster_count(r), 1);
	mediate_roster_free(r);
}

/* ---- the YAML test suite ---- */

struct yts_totals {
	unsigned inputs, error_inputs, refused, accepted, bad;
};

static void
yts_one(const char *dir, struct yts_totals *t)
{
	char path[4200];
	char *data;
	size_t len;
	mediate_roster *r = NULL;
	mediate_error err;
	int marked_error, rc;
	FILE *f;

	snprintf(path, sizeof path, "%s/in.yaml", dir);
	if ((data = test_read_file(path, &len)) == NULL)
		return;
	snprintf(path, sizeof path, "%s/error", dir);
	f = fopen(path, "rb");
	marked_error = f != NULL;
	if (f != NULL)
		fclose(f);
	t->inputs++;
	t->error_inputs += marked_error;
	rc = mediate_roster_load_buffer(&r, policy, data, len, "in.yaml", NULL, &err);
	if (rc == 0) {
		t->accepted++;
		t->bad++;   /* none of them is a roster */
		fprintf(stderr, "\n  %s: accepted as a roster", dir);
		mediate_roster_free(r);
	} else {
		t->refused++;
		if (err.line == 0 || err.code != rc || r != NULL) {
			t->bad++;
			fprintf(stderr, "\n  %s: refused without a line: %s", dir, err.text);
		}
	}
	free(data);
}

static void
test_yaml_test_suite(void)
{
	const char *root = yaml_test_suite_dir();
	char rootbuf[4096], path[4200], sub[4300];
	struct yts_totals t = { 0, 0, 0, 0, 0 };
	DIR *d, *d2;
	struct dirent *e, *e2;

	if (root == NULL) {
		CU_PASS("the YAML test suite (../shared/corpora/yaml-test-suite) is not here: skipped");
		printf("\n    yaml-test-suite not found: skipped ");
		return;
	}
	snprintf(rootbuf, sizeof rootbuf, "%s", root);
	d = opendir(rootbuf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%.3800s/%.200s", rootbuf, e->d_name);
		yts_one(path, &t);
		if ((d2 = opendir(path)) == NULL)
			continue;
		while ((e2 = readdir(d2)) != NULL) {
			if (e2->d_name[0] < '0' || e2->d_name[0] > '9')
				continue;
			snprintf(sub, sizeof sub, "%.4000s/%.200s", path, e2->d_name);
			yts_one(sub, &t);
		}
		closedir(d2);
	}
	closedir(d);
	printf("\n    yaml-test-suite: %u inputs (%u marked error): %u refused, %u accepted, %u wrong ",
	       t.inputs, t.error_inputs, t.refused, t.accepted, t.bad);
	CU_ASSERT(t.inputs > 300);
	CU_ASSERT(t.error_inputs > 0);
	CU_ASSERT_EQUAL(t.refused, t.inputs);
	CU_ASSERT_EQUAL(t.bad, 0);
}

/* ---- allocation failure ---- */

/* Hooks that fail every allocation once a budget is spent (-1: never). */
struct failing {
	long budget;
	long live;
};

static void *
fail_malloc(size_t size, void *user)
{
	struct failing *f = user;
	void *p;
	if (f->budget == 0)
		return NULL;
	if ((p = malloc(size)) == NULL)
		return NULL;
	if (f->budget > 0)
		f->budget--;
	f->live++;
	return p;
}

static void *
fail_realloc(void *old, size_t size, void *user)
{
	struct failing *f = user;
	void *p;
	if (old == NULL)
		return fail_malloc(size, user);
	if (f->budget == 0)
		return NULL;
	if ((p = realloc(old, size)) == NULL)
		return NULL;
	if (f->budget > 0)
		f->budget--;
	return p;
}

static void
fail_free(void *p, void *user)
{
	if (p != NULL)
		((struct failing *)user)->live--;
	free(p);
}

/* The roster's YAML, written without failures (a fresh string, or NULL). */
static char *
snapshot(const mediate_roster *r, struct failing *f)
{
	char *y = NULL, *copy;
	long saved = f->budget;
	f->budget = -1;
	if (mediate_roster_to_yaml(&y, NULL, r) != 0)
		return NULL;
	copy = strdup(y);
	mediate_free(y);
	f->budget = saved;
	return copy;
}

enum { OP_ADD, OP_PHONE, OP_SPECIALTY, OP_LANGUAGE, OP_LEAVE, OP_RECUSAL, OP_NAME, OP_MENU, OP_YAML, OP_LOAD,
       OP_COUNT };

static int
run_op(int op, mediate_roster *r, const char *yaml)
{
	mediate_menu *menu = NULL;
	mediate_roster *back = NULL;
	char *out = NULL;
	int rc;
	switch (op) {
	case OP_ADD:
		return mediate_roster_add(NULL, r, NULL, "YZ-0002", "陈美娟", STUDIO, MEDIATE_POST_PART_TIME, 2);
	case OP_PHONE:
		return mediate_roster_set_phone(r, ID1, "13805741234");
	case OP_SPECIALTY:
		return mediate_roster_set_specialty(r, ID1, "family.marriage", 4);
	case OP_LANGUAGE:
		return mediate_roster_add_language(r, ID1, "wuu");
	case OP_LEAVE:
		return mediate_roster_add_leave(r, ID1, 1795622400, 1796227200, "年假");
	case OP_RECUSAL:
		return mediate_roster_add_recusal(r, ID1, "p7", "王建国", "亲属");
	case OP_NAME:
		return mediate_roster_set_name(r, ID1, "潘志明（老潘）");
	case OP_MENU:
		rc = mediate_roster_menu(&menu, r, NULL, "neighbour", NULL, 0, 0, 0, 10);
		CU_ASSERT(rc != 0 || mediate_menu_count(menu) == 1);
		mediate_menu_free(menu);
		return rc;
	case OP_YAML:
		rc = mediate_roster_to_yaml(&out, NULL, r);
		CU_ASSERT((rc == 0) == (out != NULL));
		mediate_free(out);
		return rc;
	default:
		rc = mediate_roster_load_buffer(&back, policy, yaml, strlen(yaml), "nomem.yaml", NULL, NULL);
		CU_ASSERT((rc == 0) == (back != NULL));
		if (rc == 0)
			CU_ASSERT_EQUAL(mediate_roster_count(back), 1);
		mediate_roster_free(back);
		return rc;
	}
}

static void
test_allocation_failure(void)
{
	static const char yaml[] = HEAD GOOD "  phone: \"13805741234\"\n  specialties: {neighbour: 4, family: 2}\n"
		"  languages: [zh, wuu]\n  leave:\n  - {from: 2026-11-20T00:00:00+08:00, until: 2026-11-27T00:00:00+08:00, "
		"reason: 年假}\n  recusals:\n  - {name: 王建国, relationship: 亲属}\n";
	struct failing f = { -1, 0 };
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, fail_malloc, fail_realloc, fail_free, NULL };
	int op;
	a.user = &f;
	CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), 0);
	for (op = 0; op < OP_COUNT; op++) {
		long n;
		int done = 0, refused = 0;
		for (n = 0; n < 400 && !done; n++) {
			mediate_roster *r;
			char *before, *after;
			int rc;
			f.budget = -1;
			r = one();
			CU_ASSERT_EQUAL(mediate_roster_set_specialty(r, ID1, "neighbour", 3), 0);
			before = snapshot(r, &f);
			f.budget = n;
			rc = run_op(op, r, yaml);
			f.budget = -1;
			if (rc == MEDIATE_ENOMEM) {
				refused++;
				/* A failed call changes nothing. */
				after = snapshot(r, &f);
				CU_ASSERT_PTR_NOT_NULL(before);
				CU_ASSERT_PTR_NOT_NULL(after);
				if (before != NULL && after != NULL)
					CU_ASSERT_STRING_EQUAL(before, after);
				free(after);
			} else {
				CU_ASSERT_EQUAL(rc, 0);
				done = 1;
			}
			free(before);
			mediate_roster_free(r);
			/* Nothing leaks, whatever failed. */
			CU_ASSERT_EQUAL(f.live, 0);
			if (f.live != 0) {
				fprintf(stderr, "\n  op %d, budget %ld: %ld blocks leaked", op, n, f.live);
				f.live = 0;
			}
		}
		CU_ASSERT_TRUE(done);
		CU_ASSERT(refused > 0);   /* every operation allocates, so budget 0 fails it */
	}
	CU_ASSERT_EQUAL(mediate_allocator_set(NULL), 0);
}

/* ---- a large roster ---- */

static void
test_large_roster(void)
{
	static const char *const studios[] = { "YZ-ZH-PS-TJ", "YZ-ZGM-PS-TJ", "YZ-SN-PS-TJ", "YZ-XY-PS-TJ" };
	static const char *const cats[] = { "neighbour.noise", "family.marriage", "traffic.damage", "labour" };
	enum { N = 50000 };
	mediate_roster *r = NULL, *back = NULL;
	mediate_load_options opts = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_menu *menu = NULL;
	char id[40], staff[40], *yaml = NULL;
	size_t i, len = 0, found = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_roster_new(&r, policy), 0);
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof id, "m%06zu", i * 7919 % 1000003);
		snprintf(staff, sizeof staff, "YZ-%05zu", i);
		if (mediate_roster_add(NULL, r, id, staff, "调解员", studios[i % 4], MEDIATE_POST_PART_TIME,
		                       (unsigned int)(i % 9) + 1) != 0 ||
		    mediate_roster_set_specialty(r, id, cats[i % 4], (unsigned int)(i % 5) + 1) != 0 ||
		    mediate_roster_set_capacity(r, id, 4) != 0) {
			CU_FAIL("add");
			break;
		}
	}
	CU_ASSERT_EQUAL_FATAL(mediate_roster_count(r), N);
	for (i = 0; i < N; i++) {
		const mediate_mediator *m;
		snprintf(id, sizeof id, "m%06zu", i * 7919 % 1000003);
		snprintf(staff, sizeof staff, "YZ-%05zu", i);
		m = mediate_roster_find(r, id);
		found += m != NULL && m == mediate_roster_find_staff(r, staff) && m->index == i;
	}
	CU_ASSERT_EQUAL(found, N);
	/* Remove every third; the rest are still found. */
	for (i = 0; i < N; i += 3) {
		snprintf(id, sizeof id, "m%06zu", i * 7919 % 1000003);
		CU_ASSERT_EQUAL(mediate_roster_remove(r, id), 0);
	}
	found = 0;
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof id, "m%06zu", i * 7919 % 1000003);
		found += (mediate_roster_find(r, id) != NULL) == (i % 3 != 0);
	}
	CU_ASSERT_EQUAL(found, N);
	for (i = 0; i < mediate_roster_count(r); i++)
		CU_ASSERT_EQUAL(mediate_roster_at(r, i)->index, i);
	CU_ASSERT_EQUAL_FATAL(mediate_roster_menu(&menu, r, NULL, "neighbour", "YZ", 0, 0, 0, 20), 0);
	CU_ASSERT_EQUAL(mediate_menu_count(menu), 20);
	CU_ASSERT_EQUAL(mediate_menu_score(menu, 0), 5000);
	mediate_menu_free(menu);
	/* Through YAML (a larger document than the default limit allows). */
	CU_ASSERT_EQUAL_FATAL(mediate_roster_to_yaml(&yaml, &len, r), 0);
	opts.max_document_bytes = len + 1;
	CU_ASSERT_EQUAL(mediate_roster_load_buffer(&back, policy, yaml, len, "large.yaml", &opts, NULL), 0);
	CU_ASSERT_EQUAL(mediate_roster_count(back), mediate_roster_count(r));
	mediate_roster_free(back);
	mediate_free(yaml);
	mediate_roster_free(r);
}

int
suite_roster(void)
{
	CU_pSuite s = CU_add_suite("roster", setup, teardown);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_enum_names);
	TEST_ADD(s, test_add_defaults);
	TEST_ADD(s, test_add_refusals);
	TEST_ADD(s, test_remove);
	TEST_ADD(s, test_setters);
	TEST_ADD(s, test_specialties);
	TEST_ADD(s, test_languages);
	TEST_ADD(s, test_leave_and_duty);
	TEST_ADD(s, test_recusals);
	TEST_ADD(s, test_recusal_name_forms);
	TEST_ADD(s, test_recusal_unicode_spaces);
	TEST_ADD(s, test_menu);
	TEST_ADD(s, test_menu_ratings_and_phones);
	TEST_ADD(s, test_policy_section);
	TEST_ADD(s, test_sample_roster);
	TEST_ADD(s, test_round_trip);
	TEST_ADD(s, test_round_trip_line_breaks);
	TEST_ADD(s, test_bad_documents);
	TEST_ADD(s, test_all_errors_reported);
	TEST_ADD(s, test_load_arguments);
	TEST_ADD(s, test_yaml_test_suite);
	TEST_ADD(s, test_allocation_failure);
	TEST_ADD(s, test_large_roster);
	return 0;
}
