/* SPDX-License-Identifier: MIT */
/*
 * Ratings (include/mediate/rating.h): the policy section, each integrity
 * rule refused with nothing changed, exclusion, the aggregates against
 * values computed by hand, decay, YAML round trips, bad YAML by class, the
 * YAML test suite, allocation failure.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "../lib/rating_priv.h"

/* A small policy: the studio of a police station, a few categories. */
#define POLICY_HEAD \
	"policy: {name: 评价测试, version: \"1\", language: zh}\n" \
	"taxonomy:\n" \
	"  - {code: neighbour, name: {zh: 邻里纠纷}}\n" \
	"  - {code: labour, name: {zh: 劳动争议}}\n" \
	"org:\n" \
	"  - {code: YZ, kind: county, name: {zh: 鄞州区}}\n" \
	"  - {code: YZ-ZGM, kind: town, parent: YZ, name: {zh: 钟公庙街道}}\n" \
	"  - {code: YZ-ZGM-PS, kind: police_station, parent: YZ-ZGM, name: {zh: 钟公庙派出所}}\n" \
	"  - {code: YZ-ZGM-PS-TJ, kind: centre, parent: YZ-ZGM-PS, name: {zh: 钟公庙派出所人民调解工作室}}\n"

static mediate_policy *plain;     /* no section "ratings": the defaults */
static mediate_policy *no_prior;  /* C = 0 */
static mediate_policy *decaying;  /* C = 0, half-life 30 days */

#define STUDIO "YZ-ZGM-PS-TJ"
#define USER "u-panzm"
#define M1 "6f1c2a4e-8b7d-4c3e-9a51-2d0e7f3b9c01"
#define M2 "0b9e5d47-3f62-4a18-b7c4-5e1a9d2f6c88"
#define DAY 86400

static mediate_policy *
policy_with(const char *section)
{
	char buf[4096];
	mediate_policy *p = NULL;
	snprintf(buf, sizeof buf, "%s%s", POLICY_HEAD, section);
	if (mediate_policy_load_buffer(&p, buf, strlen(buf), "rating-test", NULL, NULL) != 0)
		return NULL;
	return p;
}

static int
setup(void)
{
	plain = policy_with("");
	no_prior = policy_with("ratings: {prior_mean: 4.0, prior_weight: 0}\n");
	decaying = policy_with("ratings:\n  prior_weight: 0\n  half_life_days: 30\n");
	return plain != NULL && no_prior != NULL && decaying != NULL ? 0 : -1;
}

static int
teardown(void)
{
	mediate_policy_free(plain);
	mediate_policy_free(no_prior);
	mediate_policy_free(decaying);
	return 0;
}

#define OK(expr) CU_ASSERT_EQUAL_FATAL((expr), 0)

static int64_t
T(const char *text)
{
	int64_t t = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_time_parse(&t, NULL, text), 0);
	return t;
}

static const char *const names[] = {
	"张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周婷", "吴强",
	"徐丽", "孙杰", "胡军", "朱红", "高峰", "林涛", "何颖", "郭斌", "马超", "罗琳"
};

/*
 * A case of the studio numbered seq, received at `received`, with `parties`
 * parties p1..pN (p1 applicant, p2 respondent, the rest third parties) and
 * an agent a1 of p1, mediated by lead (and co when not NULL), ended with
 * `how` five hours after reception (MEDIATE_OUTCOME_NONE: left in
 * mediation).
 */
static mediate_case *
make_case(const mediate_policy *pol, uint32_t seq, const char *received, size_t parties, const char *lead,
          const char *co, mediate_case_outcome how)
{
	mediate_case *c = NULL;
	int64_t t = T(received);
	size_t i;
	char id[16];

	OK(mediate_case_new(&c, pol, STUDIO, t, MEDIATE_OFFSET_CST, "u-110-desk"));
	if (seq > 0)
		OK(mediate_case_assign_number(c, seq));
	OK(mediate_case_set_category(c, "neighbour"));
	for (i = 1; i <= parties; i++) {
		snprintf(id, sizeof id, "p%zu", i);
		OK(mediate_case_add_party(c, id, i == 1 ? MEDIATE_PARTY_APPLICANT
		                                 : i == 2 ? MEDIATE_PARTY_RESPONDENT : MEDIATE_PARTY_THIRD_PARTY,
		                          MEDIATE_PARTY_PERSON, names[(i - 1) % 20]));
	}
	OK(mediate_case_add_party(c, "a1", MEDIATE_PARTY_AGENT, MEDIATE_PARTY_PERSON, "浙江甬正律师事务所 钱律师"));
	OK(mediate_case_party_set_represents(c, "a1", "p1"));
	if (how == MEDIATE_OUTCOME_WITHDRAWN && lead == NULL) {
		OK(mediate_case_transition(c, MEDIATE_CASE_WITHDRAWN, t + 5 * 3600, USER, STUDIO, "申请人撤回"));
		return c;
	}
	OK(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, t + 3600, USER, STUDIO, "一般纠纷"));
	OK(mediate_case_add_mediator(c, lead, "潘志明", MEDIATE_MEDIATOR_LEAD, t + 2 * 3600, USER, STUDIO));
	if (co != NULL)
		OK(mediate_case_add_mediator(c, co, "俞秀英", MEDIATE_MEDIATOR_CO_MEDIATOR, t + 2 * 3600, USER, STUDIO));
	OK(mediate_case_set_mode(c, MEDIATE_MODE_ON_THE_SPOT));
	OK(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, t + 3 * 3600, USER, STUDIO, NULL));
	OK(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t + 4 * 3600, USER, STUDIO, NULL));
	switch (how) {
	case MEDIATE_OUTCOME_AGREEMENT:
		OK(mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_ORAL, t + 5 * 3600, USER, STUDIO, "当场达成口头协议"));
		break;
	case MEDIATE_OUTCOME_FAILED:
		OK(mediate_case_transition(c, MEDIATE_CASE_FAILED, t + 5 * 3600, USER, STUDIO, "双方分歧较大"));
		break;
	case MEDIATE_OUTCOME_WITHDRAWN:
		OK(mediate_case_transition(c, MEDIATE_CASE_WITHDRAWN, t + 5 * 3600, USER, STUDIO, "申请人撤回"));
		break;
	case MEDIATE_OUTCOME_TRANSFERRED:
		OK(mediate_case_transfer(c, MEDIATE_TRANSFER_LITIGATION, "宁波市鄞州区人民法院", t + 5 * 3600, USER,
		                         STUDIO, NULL));
		break;
	default:
		break;
	}
	return c;
}

static mediate_ratings *
new_store(const mediate_policy *pol)
{
	mediate_ratings *r = NULL;
	OK(mediate_ratings_new(&r, pol));
	return r;
}

/* The store as YAML (the caller frees it). */
static char *
snap(const mediate_ratings *r)
{
	char *y = NULL;
	size_t len = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_ratings_to_yaml(&y, &len, r), 0);
	CU_ASSERT_EQUAL(strlen(y), len);
	return y;
}

static mediate_rating_summary
summary(const mediate_ratings *r, const char *id, int64_t at)
{
	mediate_rating_summary s;
	memset(&s, 0xAB, sizeof s);
	OK(mediate_ratings_summary(&s, r, id, at));
	return s;
}

/* ---- the policy section ---- */

static int errors_seen;
static void
count_error(const mediate_error *e, void *user)
{
	(void)e;
	(void)user;
	errors_seen++;
}

static void
expect_bad_policy(const char *section, int code, unsigned long line, const char *path, const char *text)
{
	char buf[4096];
	mediate_policy *p = NULL;
	mediate_error err;
	int rc;
	snprintf(buf, sizeof buf, "%s%s", POLICY_HEAD, section);
	rc = mediate_policy_load_buffer(&p, buf, strlen(buf), "bad.yaml", NULL, &err);
	CU_ASSERT_EQUAL(rc, code);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_EQUAL(err.line, line);
	CU_ASSERT_STRING_EQUAL(err.path, path);
	if (strstr(err.text, text) == NULL) {
		fprintf(stderr, "\n  expected \"%s\" in \"%s\"", text, err.text);
		CU_FAIL("message");
	}
	mediate_policy_free(p);
}

static void
test_policy_section(void)
{
	mediate_policy *p;

	/* Absent: the defaults m = 4.0, C = 10, z = 1.96, no decay. */
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_milli(plain), 4000);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_weight(plain), 10);
	CU_ASSERT_EQUAL(mediate_policy_rating_z_milli(plain), 1960);
	CU_ASSERT_EQUAL(mediate_policy_rating_half_life_days(plain), 0);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_milli(NULL), 4000);
	CU_ASSERT_EQUAL(mediate_policy_rating_half_life_days(decaying), 30);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_weight(decaying), 0);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_milli(decaying), 4000);

	p = policy_with("ratings:\n  prior_mean: 4.2\n  prior_weight: 25\n  z: 2.576\n  half_life_days: 180\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_milli(p), 4200);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_weight(p), 25);
	CU_ASSERT_EQUAL(mediate_policy_rating_z_milli(p), 2576);
	CU_ASSERT_EQUAL(mediate_policy_rating_half_life_days(p), 180);
	mediate_policy_free(p);
	p = policy_with("ratings: {prior_mean: 5}\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_milli(p), 5000);
	CU_ASSERT_EQUAL(mediate_policy_rating_prior_weight(p), 10);
	mediate_policy_free(p);

	/* The line of the section is line 10 of the document. */
	expect_bad_policy("ratings:\n  prior_mean: 5.5\n", MEDIATE_ERANGE, 11, "ratings.prior_mean", "out of range");
	expect_bad_policy("ratings:\n  prior_mean: 0.9\n", MEDIATE_ERANGE, 11, "ratings.prior_mean", "out of range");
	expect_bad_policy("ratings:\n  prior_mean: 4.2345\n", MEDIATE_EVALIDATE, 11, "ratings.prior_mean",
	                  "at most 3 decimals");
	expect_bad_policy("ratings:\n  prior_mean: \"4.2\"\n", MEDIATE_EVALIDATE, 11, "ratings.prior_mean", "quoted");
	expect_bad_policy("ratings:\n  prior_mean: 4.\n", MEDIATE_EVALIDATE, 11, "ratings.prior_mean", "not a number");
	expect_bad_policy("ratings:\n  z: 0\n", MEDIATE_ERANGE, 11, "ratings.z", "out of range");
	expect_bad_policy("ratings:\n  z: -1.96\n", MEDIATE_EVALIDATE, 11, "ratings.z", "not a number");
	expect_bad_policy("ratings:\n  prior_weight: -1\n", MEDIATE_ERANGE, 11, "ratings.prior_weight", "out of range");
	expect_bad_policy("ratings:\n  prior_weight: 2.5\n", MEDIATE_EVALIDATE, 11, "ratings.prior_weight",
	                  "whole number");
	expect_bad_policy("ratings:\n  halflife_days: 30\n", MEDIATE_EVALIDATE, 11, "ratings.halflife_days",
	                  "did you mean \"half_life_days\"");
	expect_bad_policy("ratings: [4.0]\n", MEDIATE_EVALIDATE, 10, "ratings", "mapping");
	expect_bad_policy("ratings:\n", MEDIATE_EVALIDATE, 10, "ratings", "mapping");
	{
		/* Every error of the section is reported. */
		mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
		char buf[4096];
		mediate_policy *bad = NULL;
		o.on_error = count_error;
		errors_seen = 0;
		snprintf(buf, sizeof buf, "%s%s", POLICY_HEAD,
		         "ratings: {prior_mean: 9, prior_weight: x, z: 0, half_life_days: -3}\n");
		CU_ASSERT_NOT_EQUAL(mediate_policy_load_buffer(&bad, buf, strlen(buf), "bad.yaml", &o, NULL), 0);
		CU_ASSERT_EQUAL(errors_seen, 4);
		CU_ASSERT_PTR_NULL(bad);
	}
}

/* ---- integrity rules ---- */

/* A refused add: the code, and the store unchanged. */
static void
refused(mediate_ratings *r, const mediate_case *c, const char *party, unsigned stars, const char *comment,
        int64_t at, int code)
{
	char *before = snap(r), *after;
	const mediate_rating *out = (const mediate_rating *)&out;
	size_t n = mediate_ratings_count(r);
	/* The aggregates well after the attempt (a time out of range is tried
	 * too: then at 2030, without overflowing). */
	int64_t later = at >= 0 && at < INT64_C(1893427200) ? at + 1000 * DAY : INT64_C(1893427200);
	mediate_rating_summary s0 = summary(r, M1, later), s1;
	int rc = mediate_ratings_add(&out, r, c, party, stars, comment, at);
	CU_ASSERT_EQUAL(rc, code);
	if (rc != code)
		fprintf(stderr, "\n  add(%s, %u) = %d, expected %d", party ? party : "NULL", stars, rc, code);
	CU_ASSERT_EQUAL(mediate_error_last()->code, code);
	CU_ASSERT_EQUAL(mediate_ratings_count(r), n);
	after = snap(r);
	CU_ASSERT_STRING_EQUAL(before, after);
	s1 = summary(r, M1, later);
	CU_ASSERT_EQUAL(memcmp(&s0, &s1, sizeof s0), 0);
	mediate_free(before);
	mediate_free(after);
}

static void
test_integrity_rules(void)
{
	mediate_ratings *r = new_store(plain);
	mediate_case *done = make_case(plain, 1, "2026-03-02T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	mediate_case *open = make_case(plain, 2, "2026-03-02T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_NONE);
	mediate_case *unnumbered = make_case(plain, 0, "2026-03-02T09:00:00+08:00", 2, M1, NULL,
	                                     MEDIATE_OUTCOME_AGREEMENT);
	mediate_case *nobody = make_case(plain, 3, "2026-03-02T09:00:00+08:00", 2, NULL, NULL, MEDIATE_OUTCOME_WITHDRAWN);
	int64_t end = T("2026-03-02T14:00:00+08:00");
	const mediate_rating *x = NULL;
	char long_comment[502];

	/* A valid rating first, so that "nothing changed" is not trivial. */
	OK(mediate_ratings_add(&x, r, done, "p1", 5, "调解员很耐心，讲法讲理", end));
	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_STRING_EQUAL(mediate_rating_case_number(x), "YZ-ZGM-PS-TJ-2026-000001");

	refused(r, done, "p1", 3, NULL, end + 60, MEDIATE_EEXISTS);          /* one per party per case */
	refused(r, done, "a1", 4, NULL, end, MEDIATE_EINVAL);                /* an agent */
	refused(r, done, "p9", 4, NULL, end, MEDIATE_ENOTFOUND);             /* not a party */
	refused(r, open, "p1", 4, NULL, end, MEDIATE_ESTATE);                /* still in mediation */
	refused(r, done, "p2", 4, NULL, end - 1, MEDIATE_ERANGE);            /* before the case ended */
	refused(r, unnumbered, "p1", 4, NULL, end, MEDIATE_EINVAL);          /* no case number */
	refused(r, nobody, "p1", 4, NULL, end, MEDIATE_EINVAL);              /* no mediators */
	refused(r, done, "p2", 0, NULL, end, MEDIATE_ERANGE);
	refused(r, done, "p2", 6, NULL, end, MEDIATE_ERANGE);
	refused(r, done, "p2", 4, "\xE8\xB0", end, MEDIATE_EUTF8);
	refused(r, done, "p2", 4, "", end, MEDIATE_EINVAL);
	refused(r, done, "p2", 4, "好\x01", end, MEDIATE_EINVAL);
	memset(long_comment, 'a', 501);
	long_comment[501] = '\0';
	refused(r, done, "p2", 4, long_comment, end, MEDIATE_ELIMIT);
	refused(r, done, NULL, 4, NULL, end, MEDIATE_EINVAL);
	refused(r, NULL, "p2", 4, NULL, end, MEDIATE_EINVAL);
	refused(r, done, "p2", 4, NULL, INT64_MAX, MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_ratings_add(NULL, NULL, done, "p2", 4, NULL, end), MEDIATE_EINVAL);

	/* 500 bytes is allowed; the other party rates, at the very end time. */
	long_comment[500] = '\0';
	OK(mediate_ratings_add(NULL, r, done, "p2", 4, long_comment, end));
	CU_ASSERT_EQUAL(mediate_ratings_count(r), 2);
	x = mediate_ratings_find(r, "YZ-ZGM-PS-TJ-2026-000001", "p2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(strlen(mediate_rating_comment(x)), 500);
	CU_ASSERT_EQUAL(mediate_rating_stars(x), 4);
	CU_ASSERT_EQUAL(mediate_rating_at(x), end);
	CU_ASSERT_EQUAL(mediate_rating_mediator_count(x), 1);
	CU_ASSERT_STRING_EQUAL(mediate_rating_mediator_at(x, 0), M1);
	CU_ASSERT_PTR_NULL(mediate_rating_mediator_at(x, 1));
	CU_ASSERT_PTR_NULL(mediate_ratings_find(r, "YZ-ZGM-PS-TJ-2026-000001", "p3"));
	CU_ASSERT_PTR_NULL(mediate_ratings_find(r, "YZ-ZGM-PS-TJ-2026-000002", "p1"));
	CU_ASSERT_PTR_NULL(mediate_ratings_at(r, 2));
	CU_ASSERT_PTR_EQUAL(mediate_ratings_at(r, 1), x);

	/* Recording an open case, or one without a number or mediators. */
	CU_ASSERT_EQUAL(mediate_ratings_record_case(r, open), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_ratings_record_case(r, unnumbered), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_ratings_record_case(r, nobody), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_ratings_record_case(NULL, done), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_ratings_record_case(r, NULL), MEDIATE_EINVAL);

	mediate_case_free(done);
	mediate_case_free(open);
	mediate_case_free(unnumbered);
	mediate_case_free(nobody);
	mediate_ratings_free(r);
}

/* Follow-up and closed cases are rated too; the end is found in the timeline. */
static void
test_end_from_timeline(void)
{
	mediate_ratings *r = new_store(plain);
	mediate_case *c = make_case(plain, 7, "2026-04-01T10:00:00+08:00", 2, M1, M2, MEDIATE_OUTCOME_AGREEMENT);
	int64_t end = T("2026-04-01T15:00:00+08:00");
	mediate_rating_summary s;

	OK(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, end + DAY, USER, STUDIO, NULL));
	OK(mediate_case_transition(c, MEDIATE_CASE_CLOSED, end + 10 * DAY, USER, STUDIO, NULL));
	/* Ended at the agreement, not when it was closed. */
	OK(mediate_ratings_add(NULL, r, c, "p2", 5, NULL, end + 60));
	CU_ASSERT_EQUAL(mediate_ratings_add(NULL, r, c, "p1", 5, NULL, end - 60), MEDIATE_ERANGE);
	/* The rating is credited to both mediators. */
	s = summary(r, M2, end + 60);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_EQUAL(s.ended, 1);
	CU_ASSERT_EQUAL(s.agreements, 1);
	s = summary(r, M1, end + 60);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_EQUAL(s.stars[4], 1);
	/* Before the end nothing counts. */
	s = summary(r, M1, end - 1);
	CU_ASSERT_EQUAL(s.count, 0);
	CU_ASSERT_EQUAL(s.ended, 0);
	mediate_case_free(c);
	mediate_ratings_free(r);
}

/* Recording again replaces the case's record: outcome and team. */
static void
test_record_again(void)
{
	mediate_ratings *r = new_store(plain);
	mediate_case *c = make_case(plain, 8, "2026-05-06T08:30:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	int64_t end = T("2026-05-06T13:30:00+08:00"), later = end + 30 * DAY;
	mediate_rating_summary s;
	char *y;

	OK(mediate_ratings_record_case(r, c));
	OK(mediate_ratings_record_case(r, c));   /* the same again: one record */
	s = summary(r, M1, later);
	CU_ASSERT_EQUAL(s.ended, 1);
	CU_ASSERT_EQUAL(s.agreements, 1);
	CU_ASSERT_EQUAL(s.count, 0);
	CU_ASSERT_EQUAL(s.success_milli, 1000);

	/* Re-mediation with a new co-mediator, then it fails. */
	OK(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, end + DAY, USER, STUDIO, "协议未履行，重新调解"));
	OK(mediate_case_add_mediator(c, M2, "俞秀英", MEDIATE_MEDIATOR_CO_MEDIATOR, end + DAY, USER, STUDIO));
	CU_ASSERT_EQUAL(mediate_ratings_record_case(r, c), MEDIATE_ESTATE);
	OK(mediate_case_transition(c, MEDIATE_CASE_FAILED, end + 2 * DAY, USER, STUDIO, NULL));
	OK(mediate_ratings_record_case(r, c));
	s = summary(r, M1, later);
	CU_ASSERT_EQUAL(s.ended, 1);
	CU_ASSERT_EQUAL(s.agreements, 0);
	CU_ASSERT_EQUAL(s.success_milli, 0);
	CU_ASSERT_EQUAL(s.wilson_milli, 0);
	s = summary(r, M2, later);
	CU_ASSERT_EQUAL(s.ended, 1);
	/* Ended at the failure now: a day before it, nothing counts. */
	s = summary(r, M2, end + DAY);
	CU_ASSERT_EQUAL(s.ended, 0);
	y = snap(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(y, "result: failed"));
	CU_ASSERT_PTR_NULL(strstr(y, "result: agreement"));
	mediate_free(y);

	/* Failed, then transferred to court: the record follows the case. */
	OK(mediate_case_transfer(c, MEDIATE_TRANSFER_LITIGATION, "宁波市鄞州区人民法院", end + 3 * DAY, USER, STUDIO,
	                         NULL));
	OK(mediate_ratings_record_case(r, c));
	y = snap(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(y, "result: transferred"));
	mediate_free(y);
	mediate_case_free(c);
	mediate_ratings_free(r);
}

static void
test_exclusion(void)
{
	mediate_ratings *r = new_store(no_prior);
	mediate_case *c = make_case(no_prior, 11, "2026-06-01T09:00:00+08:00", 3, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	int64_t end = T("2026-06-01T14:00:00+08:00");
	const mediate_rating *x;
	mediate_rating_summary s;
	char *before, *after;

	OK(mediate_ratings_add(NULL, r, c, "p1", 5, NULL, end + 3600));
	OK(mediate_ratings_add(NULL, r, c, "p2", 1, "调解员偏袒对方", end + 7200));
	s = summary(r, M1, end + DAY);
	CU_ASSERT_EQUAL(s.count, 2);
	CU_ASSERT_EQUAL(s.mean_milli, 3000);

	before = snap(r);
	CU_ASSERT_EQUAL(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p3", "恶意评价", "u-jdk", end + DAY),
	                MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p2", NULL, "u-jdk", end + DAY),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p2", "恶意评价", NULL, end + DAY),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p2", "", "u-jdk", end + DAY),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p2", "恶意评价", "u-jdk", end),
	                MEDIATE_ERANGE);   /* before the rating */
	CU_ASSERT_EQUAL(mediate_ratings_exclude(NULL, "YZ-ZGM-PS-TJ-2026-000011", "p2", "x", "u", end + DAY),
	                MEDIATE_EINVAL);
	after = snap(r);
	CU_ASSERT_STRING_EQUAL(before, after);
	mediate_free(before);
	mediate_free(after);

	OK(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p2",
	                           "申诉成立：评价人系对方当事人亲属代评，经区调委会复核予以排除", "u-jdk",
	                           end + 3 * DAY));
	/* A second exclusion is refused and changes nothing. */
	before = snap(r);
	CU_ASSERT_EQUAL(mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000011", "p2", "再次申诉", "u-other",
	                                        end + 5 * DAY), MEDIATE_EEXISTS);
	after = snap(r);
	CU_ASSERT_STRING_EQUAL(before, after);
	mediate_free(before);
	mediate_free(after);

	x = mediate_ratings_find(r, "YZ-ZGM-PS-TJ-2026-000011", "p2");
	CU_ASSERT_TRUE(mediate_rating_excluded(x));
	CU_ASSERT_STRING_EQUAL(mediate_rating_exclusion_actor(x), "u-jdk");
	CU_ASSERT_EQUAL(mediate_rating_exclusion_at(x), end + 3 * DAY);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_rating_exclusion_reason(x), "申诉成立"));
	x = mediate_ratings_find(r, "YZ-ZGM-PS-TJ-2026-000011", "p1");
	CU_ASSERT_FALSE(mediate_rating_excluded(x));
	CU_ASSERT_PTR_NULL(mediate_rating_exclusion_reason(x));
	CU_ASSERT_PTR_NULL(mediate_rating_exclusion_actor(x));
	CU_ASSERT_EQUAL(mediate_rating_exclusion_at(x), 0);

	/* Excluded from the aggregates from the exclusion on; still on record. */
	s = summary(r, M1, end + 4 * DAY);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_EQUAL(s.excluded, 1);
	CU_ASSERT_EQUAL(s.stars[0], 0);
	CU_ASSERT_EQUAL(s.mean_milli, 5000);
	CU_ASSERT_EQUAL(s.bayes_milli, 5000);
	s = summary(r, M1, end + DAY);
	CU_ASSERT_EQUAL(s.count, 2);
	CU_ASSERT_EQUAL(s.excluded, 0);
	CU_ASSERT_EQUAL(mediate_ratings_count(r), 2);
	/* The party whose rating was excluded still cannot rate again. */
	CU_ASSERT_EQUAL(mediate_ratings_add(NULL, r, c, "p2", 4, NULL, end + 5 * DAY), MEDIATE_EEXISTS);
	mediate_case_free(c);
	mediate_ratings_free(r);
}

/* ---- aggregates against hand-computed values ---- */

static void
test_bayesian_average(void)
{
	mediate_ratings *r = new_store(plain), *r0 = new_store(no_prior);
	mediate_case *c = make_case(plain, 21, "2026-07-01T09:00:00+08:00", 16, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	mediate_case *c0 = make_case(no_prior, 21, "2026-07-01T09:00:00+08:00", 16, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	int64_t end = T("2026-07-01T14:00:00+08:00");
	static const unsigned five[5] = { 5, 5, 4, 3, 5 };
	mediate_rating_summary s;
	size_t i;
	char id[8];

	/* m = 4.0, C = 10: (10 x 4 + 22) / 15 = 4.1333 -> 4133; mean 4.4. */
	for (i = 0; i < 5; i++) {
		snprintf(id, sizeof id, "p%zu", i + 1);
		OK(mediate_ratings_add(NULL, r, c, id, five[i], NULL, end + (int64_t)i * 60));
	}
	s = summary(r, M1, end + DAY);
	CU_ASSERT_EQUAL(s.count, 5);
	CU_ASSERT_EQUAL(s.excluded, 0);
	CU_ASSERT_EQUAL(s.stars[0], 0);
	CU_ASSERT_EQUAL(s.stars[1], 0);
	CU_ASSERT_EQUAL(s.stars[2], 1);
	CU_ASSERT_EQUAL(s.stars[3], 1);
	CU_ASSERT_EQUAL(s.stars[4], 3);
	CU_ASSERT_EQUAL(s.mean_milli, 4400);
	CU_ASSERT_EQUAL(s.bayes_milli, 4133);
	CU_ASSERT_EQUAL(s.ended, 1);
	CU_ASSERT_EQUAL(s.agreements, 1);
	CU_ASSERT_EQUAL(s.success_milli, 1000);
	/* Ratings after `at` are ignored: after two of them, (40 + 10) / 12 = 4.1667. */
	s = summary(r, M1, end + 60);
	CU_ASSERT_EQUAL(s.count, 2);
	CU_ASSERT_EQUAL(s.bayes_milli, 4167);

	/* 16 ratings, 15 fours and a five: mean 65 / 16 = 4.0625 -> 4063 (a half,
	 * away from zero); with C = 10: (40 + 65) / 26 = 4.03846 -> 4038. */
	for (i = 0; i < 16; i++) {
		snprintf(id, sizeof id, "p%zu", i + 1);
		OK(mediate_ratings_add(NULL, r0, c0, id, i == 0 ? 5 : 4, NULL, end));
	}
	s = summary(r0, M1, end);
	CU_ASSERT_EQUAL(s.count, 16);
	CU_ASSERT_EQUAL(s.mean_milli, 4063);
	CU_ASSERT_EQUAL(s.bayes_milli, 4063);   /* C = 0: the plain mean */
	mediate_case_free(c);
	c = make_case(plain, 22, "2026-07-01T09:00:00+08:00", 16, M2, NULL, MEDIATE_OUTCOME_AGREEMENT);
	for (i = 0; i < 16; i++) {
		snprintf(id, sizeof id, "p%zu", i + 1);
		OK(mediate_ratings_add(NULL, r, c, id, i == 0 ? 5 : 4, NULL, end));
	}
	s = summary(r, M2, end);
	CU_ASSERT_EQUAL(s.mean_milli, 4063);
	CU_ASSERT_EQUAL(s.bayes_milli, 4038);

	/* Nothing on record: the prior. */
	s = summary(r, "4d2a7c1e-0000-4000-8000-000000000000", end);
	CU_ASSERT_EQUAL(s.count, 0);
	CU_ASSERT_EQUAL(s.mean_milli, 0);
	CU_ASSERT_EQUAL(s.bayes_milli, 4000);
	CU_ASSERT_EQUAL(s.ended, 0);
	CU_ASSERT_EQUAL(s.success_milli, 0);
	CU_ASSERT_EQUAL(s.wilson_milli, 0);
	s = summary(r0, "nobody", end);
	CU_ASSERT_EQUAL(s.bayes_milli, 4000);
	{
		mediate_rating_summary t;
		CU_ASSERT_EQUAL(mediate_ratings_summary(NULL, r, M1, end), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_summary(&t, NULL, M1, end), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_summary(&t, r, NULL, end), MEDIATE_EINVAL);
	}
	mediate_case_free(c);
	mediate_case_free(c0);
	mediate_ratings_free(r);
	mediate_ratings_free(r0);
}

/* Ten ended cases, nine agreements: Wilson lower bound at z = 1.96 is 0.596. */
static void
test_wilson(void)
{
	mediate_policy *p99 = policy_with("ratings: {z: 2.576}\n");
	mediate_ratings *r = new_store(plain), *r99;
	mediate_rating_summary s;
	int64_t end = 0;
	uint32_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p99);
	r99 = new_store(p99);
	for (i = 0; i < 10; i++) {
		char when[40];
		mediate_case *c;
		snprintf(when, sizeof when, "2026-08-%02uT09:00:00+08:00", i + 1);
		c = make_case(plain, 100 + i, when, 2, M1, NULL, i == 4 ? MEDIATE_OUTCOME_FAILED : MEDIATE_OUTCOME_AGREEMENT);
		OK(mediate_ratings_record_case(r, c));
		OK(mediate_ratings_record_case(r99, c));
		end = mediate_case_received_at(c) + 5 * 3600;
		mediate_case_free(c);
	}
	s = summary(r, M1, end);
	CU_ASSERT_EQUAL(s.ended, 10);
	CU_ASSERT_EQUAL(s.agreements, 9);
	CU_ASSERT_EQUAL(s.success_milli, 900);
	CU_ASSERT_EQUAL(s.wilson_milli, 596);
	CU_ASSERT_EQUAL(s.count, 0);
	CU_ASSERT_EQUAL(s.bayes_milli, 4000);
	/* z = 2.576 (99%): 0.4927 -> 493. */
	s = summary(r99, M1, end);
	CU_ASSERT_EQUAL(s.wilson_milli, 493);
	/* Before the last case ended: 8 of 9, (8/9, n = 9) -> 0.5650 -> 565. */
	s = summary(r, M1, end - 1);
	CU_ASSERT_EQUAL(s.ended, 9);
	CU_ASSERT_EQUAL(s.agreements, 8);
	CU_ASSERT_EQUAL(s.success_milli, 889);
	CU_ASSERT_EQUAL(s.wilson_milli, 565);
	mediate_ratings_free(r);
	mediate_ratings_free(r99);
	mediate_policy_free(p99);
}

/* Half-life 30 days: a rating and an outcome 30 days old weigh one half. */
static void
test_decay(void)
{
	mediate_ratings *r = new_store(decaying);
	mediate_case *old = make_case(decaying, 31, "2026-09-01T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	mediate_case *recent = make_case(decaying, 32, "2026-10-01T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_FAILED);
	int64_t t_old = T("2026-09-01T14:00:00+08:00"), t_new = T("2026-10-01T14:00:00+08:00");
	mediate_rating_summary s;

	OK(mediate_ratings_add(NULL, r, old, "p1", 1, "等了很久才调解", t_old));
	OK(mediate_ratings_add(NULL, r, recent, "p1", 5, NULL, t_new));
	CU_ASSERT_EQUAL(t_new - t_old, 30 * DAY);
	/* Weights 0.5 and 1: (0.5 x 1 + 5) / 1.5 = 3.6667; the plain mean is 3. */
	s = summary(r, M1, t_new);
	CU_ASSERT_EQUAL(s.count, 2);
	CU_ASSERT_EQUAL(s.mean_milli, 3000);
	CU_ASSERT_EQUAL(s.bayes_milli, 3667);
	/* Outcomes weigh the same: n = 1.5, p = 0.5 / 1.5 -> Wilson 0.0358 -> 36. */
	CU_ASSERT_EQUAL(s.ended, 2);
	CU_ASSERT_EQUAL(s.agreements, 1);
	CU_ASSERT_EQUAL(s.success_milli, 500);
	CU_ASSERT_EQUAL(s.wilson_milli, 36);
	/* One more half-life: weights 0.25 and 0.5: (0.25 + 2.5) / 0.75 = 3.6667 still. */
	s = summary(r, M1, t_new + 30 * DAY);
	CU_ASSERT_EQUAL(s.bayes_milli, 3667);
	/* At the time of the first rating only it counts, at full weight. */
	s = summary(r, M1, t_old);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_EQUAL(s.bayes_milli, 1000);
	mediate_case_free(old);
	mediate_case_free(recent);
	mediate_ratings_free(r);
	{
		/* With a prior: m = 4, C = 1, half-life 30: (4 + 0.5 x 1 + 5) / 2.5 = 3.8. */
		mediate_policy *p = policy_with("ratings: {prior_weight: 1, half_life_days: 30}\n");
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		r = new_store(p);
		old = make_case(p, 31, "2026-09-01T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
		recent = make_case(p, 32, "2026-10-01T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_FAILED);
		OK(mediate_ratings_add(NULL, r, old, "p1", 1, NULL, t_old));
		OK(mediate_ratings_add(NULL, r, recent, "p2", 5, NULL, t_new));
		s = summary(r, M1, t_new);
		CU_ASSERT_EQUAL(s.bayes_milli, 3800);
		mediate_case_free(old);
		mediate_case_free(recent);
		mediate_ratings_free(r);
		mediate_policy_free(p);
	}
}

/*
 * Decay at the extremes: a half-life of one day and an outcome about 1030
 * to 1074 days old weighs a subnormal n, for which the Wilson formula is
 * inf - inf (it gave INT32_MIN); and a time asked near INT64_MAX for a
 * rating before 1970 overflowed at - t (the Bayesian average became
 * INT32_MIN).  Every aggregate stays in range.
 */
static void
test_decay_extremes(void)
{
	mediate_policy *p = policy_with("ratings: {prior_weight: 0, half_life_days: 1}\n");
	mediate_ratings *r;
	mediate_case *c, *old;
	mediate_rating_summary s;
	int64_t end, d;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	r = new_store(p);
	c = make_case(p, 41, "2026-09-01T09:00:00+08:00", 2, M1, NULL, MEDIATE_OUTCOME_AGREEMENT);
	end = mediate_case_received_at(c) + 5 * 3600;
	OK(mediate_ratings_add(NULL, r, c, "p1", 4, NULL, end));
	for (d = 1000; d <= 1100; d += 5) {
		s = summary(r, M1, end + d * DAY);
		CU_ASSERT(s.wilson_milli >= 0 && s.wilson_milli <= 1000);
		CU_ASSERT(s.bayes_milli >= 1000 && s.bayes_milli <= 5000);
		CU_ASSERT_EQUAL(s.success_milli, 1000);
	}
	s = summary(r, M1, end + 1060 * DAY);
	CU_ASSERT_EQUAL(s.wilson_milli, 0);
	CU_ASSERT_EQUAL(s.bayes_milli, 4000);

	old = make_case(p, 42, "1960-06-01T09:00:00+08:00", 2, M2, NULL, MEDIATE_OUTCOME_FAILED);
	OK(mediate_ratings_add(NULL, r, old, "p2", 2, NULL, mediate_case_received_at(old) + DAY));
	s = summary(r, M2, INT64_MAX);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_EQUAL(s.mean_milli, 2000);
	CU_ASSERT_EQUAL(s.bayes_milli, 2000);   /* every weight underflowed: the plain mean */
	CU_ASSERT_EQUAL(s.wilson_milli, 0);
	s = summary(r, M1, INT64_MAX);
	CU_ASSERT(s.bayes_milli >= 1000 && s.bayes_milli <= 5000);
	mediate_case_free(c);
	mediate_case_free(old);
	mediate_ratings_free(r);
	mediate_policy_free(p);
}

/* The private fast path gives the same as one summary at a time. */
static void
test_summaries_many(void)
{
	mediate_ratings *r = new_store(plain);
	mediate_case *c = make_case(plain, 41, "2026-02-03T09:00:00+08:00", 3, M1, M2, MEDIATE_OUTCOME_AGREEMENT);
	mediate_case *d = make_case(plain, 42, "2026-02-04T09:00:00+08:00", 2, M2, NULL, MEDIATE_OUTCOME_WITHDRAWN);
	const char *ids[4] = { M1, "nobody", M2, NULL };
	mediate_rating_summary many[4], one;
	int64_t at = T("2026-03-01T00:00:00+08:00");
	size_t i;

	OK(mediate_ratings_add(NULL, r, c, "p1", 5, NULL, at - DAY));
	OK(mediate_ratings_add(NULL, r, c, "p3", 2, "态度一般", at - DAY));
	OK(mediate_ratings_add(NULL, r, d, "p2", 4, NULL, at - DAY));
	OK(mi_ratings_summaries(many, r, ids, 4, at));
	for (i = 0; i < 3; i++) {
		one = summary(r, ids[i], at);
		CU_ASSERT_EQUAL(memcmp(&one, &many[i], sizeof one), 0);
	}
	CU_ASSERT_EQUAL(many[3].count, 0);
	CU_ASSERT_EQUAL(many[3].bayes_milli, 4000);
	CU_ASSERT_EQUAL(many[2].count, 3);
	CU_ASSERT_EQUAL(many[2].ended, 2);
	CU_ASSERT_EQUAL(many[2].agreements, 1);
	CU_ASSERT_PTR_NOT_NULL(mi_ratings_mediator(r, M1));
	CU_ASSERT_PTR_NULL(mi_ratings_mediator(r, "nobody"));
	CU_ASSERT_EQUAL(mi_ratings_summaries(NULL, r, ids, 1, at), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mi_ratings_summaries(many, r, ids, 0, at), 0);
	mediate_case_free(c);
	mediate_case_free(d);
	mediate_ratings_free(r);
}

/* ---- YAML ---- */

#define HEAD "format: mediate-ratings\nversion: 1\n"

/* A store with a bit of everything: tricky comments, an exclusion, a team. */
static mediate_ratings *
rich_store(void)
{
	static const char *const comments[] = {
		"调解员很耐心，讲法讲理，感谢！",
		"8 点就到了: 效率高 #好评",
		"- 不满意\n第二行",
		"yes",
		"\"引号\" 和 'single'",
		"  前后空格  ",
	};
	mediate_ratings *r = new_store(plain);
	mediate_case *c = make_case(plain, 51, "2026-03-09T09:15:00+08:00", 8, M1, M2, MEDIATE_OUTCOME_AGREEMENT);
	mediate_case *d = make_case(plain, 52, "2026-03-10T09:15:00+08:00", 2, M2, NULL, MEDIATE_OUTCOME_TRANSFERRED);
	int64_t end = mediate_case_received_at(c) + 5 * 3600;
	size_t i;
	char id[8];

	for (i = 0; i < 6; i++) {
		snprintf(id, sizeof id, "p%zu", i + 1);
		OK(mediate_ratings_add(NULL, r, c, id, (unsigned)(5 - i % 5), comments[i], end + (int64_t)i * 600));
	}
	OK(mediate_ratings_add(NULL, r, c, "p7", 3, NULL, end + DAY));
	OK(mediate_ratings_exclude(r, mediate_case_number(c), "p4", "申诉成立：非本案当事人本人评价", "u-jdk",
	                           end + 2 * DAY));
	OK(mediate_ratings_record_case(r, d));
	mediate_case_free(c);
	mediate_case_free(d);
	return r;
}

static void
same_store(const mediate_ratings *a, const mediate_ratings *b)
{
	size_t i, j;
	CU_ASSERT_EQUAL_FATAL(mediate_ratings_count(a), mediate_ratings_count(b));
	for (i = 0; i < mediate_ratings_count(a); i++) {
		const mediate_rating *x = mediate_ratings_at(a, i), *y = mediate_ratings_at(b, i);
		CU_ASSERT_STRING_EQUAL(mediate_rating_case_number(x), mediate_rating_case_number(y));
		CU_ASSERT_STRING_EQUAL(mediate_rating_party_id(x), mediate_rating_party_id(y));
		CU_ASSERT_EQUAL(mediate_rating_stars(x), mediate_rating_stars(y));
		CU_ASSERT_EQUAL(mediate_rating_at(x), mediate_rating_at(y));
		CU_ASSERT((mediate_rating_comment(x) == NULL) == (mediate_rating_comment(y) == NULL));
		if (mediate_rating_comment(x) != NULL && mediate_rating_comment(y) != NULL)
			CU_ASSERT_STRING_EQUAL(mediate_rating_comment(x), mediate_rating_comment(y));
		CU_ASSERT_EQUAL(mediate_rating_excluded(x), mediate_rating_excluded(y));
		CU_ASSERT_EQUAL(mediate_rating_exclusion_at(x), mediate_rating_exclusion_at(y));
		CU_ASSERT_EQUAL_FATAL(mediate_rating_mediator_count(x), mediate_rating_mediator_count(y));
		for (j = 0; j < mediate_rating_mediator_count(x); j++)
			CU_ASSERT_STRING_EQUAL(mediate_rating_mediator_at(x, j), mediate_rating_mediator_at(y, j));
	}
}

static void
test_yaml_roundtrip(void)
{
	mediate_ratings *r = rich_store(), *back = NULL, *empty;
	char *y = snap(r), *y2;
	mediate_error err;
	mediate_rating_summary s1, s2;
	int64_t at = T("2026-12-31T00:00:00+08:00");

	if (mediate_ratings_load_buffer(&back, plain, y, strlen(y), "rich.yaml", NULL, &err) != 0)
		fprintf(stderr, "\n  %s:%lu:%lu: %s: %s\n%s", err.file, err.line, err.column, err.path, err.text, y);
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	same_store(r, back);
	y2 = snap(back);
	CU_ASSERT_STRING_EQUAL(y, y2);
	s1 = summary(r, M2, at);
	s2 = summary(back, M2, at);
	CU_ASSERT_EQUAL(memcmp(&s1, &s2, sizeof s1), 0);
	CU_ASSERT_EQUAL(s1.ended, 2);
	CU_ASSERT_EQUAL(s1.excluded, 1);
	CU_ASSERT_EQUAL(s1.count, 6);
	/* A store loaded from YAML keeps the rules: p1 of case 51 cannot rate twice. */
	{
		mediate_case *c = make_case(plain, 51, "2026-03-09T09:15:00+08:00", 8, M1, M2, MEDIATE_OUTCOME_AGREEMENT);
		CU_ASSERT_EQUAL(mediate_ratings_add(NULL, back, c, "p1", 5, NULL, at), MEDIATE_EEXISTS);
		OK(mediate_ratings_add(NULL, back, c, "p8", 5, NULL, at));
		mediate_case_free(c);
	}
	mediate_free(y);
	mediate_free(y2);
	mediate_ratings_free(back);
	mediate_ratings_free(r);

	/* The empty store. */
	empty = new_store(plain);
	y = snap(empty);
	CU_ASSERT_STRING_EQUAL(y, "format: mediate-ratings\nversion: 1\noutcomes: []\nratings: []\n");
	OK(mediate_ratings_load_buffer(&back, plain, y, strlen(y), "empty.yaml", NULL, NULL));
	CU_ASSERT_EQUAL(mediate_ratings_count(back), 0);
	mediate_ratings_free(back);
	mediate_free(y);
	mediate_ratings_free(empty);
	/* outcomes and ratings may be left out. */
	OK(mediate_ratings_load_buffer(&back, plain, HEAD, strlen(HEAD), "min.yaml", NULL,
	                               NULL));
	CU_ASSERT_EQUAL(mediate_ratings_count(back), 0);
	mediate_ratings_free(back);
}

/* The case of a list with this number, or NULL. */
static const mediate_case *
list_find(const mediate_case_list *l, const char *number)
{
	size_t i;
	for (i = 0; i < mediate_case_list_count(l); i++) {
		const mediate_case *c = mediate_case_list_at(l, i);
		if (mediate_case_number(c) != NULL && strcmp(mediate_case_number(c), number) == 0)
			return c;
	}
	return NULL;
}

/*
 * The sample file loads, and writing it back gives the same bytes; and the
 * same store built through the API from the sample cases (every ended case
 * recorded, then every rating added, then the exclusion) is that file: the
 * sample keeps every integrity rule that needs the cases.
 */
static void
test_sample_file(void)
{
	mediate_load_options big = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_policy *county = NULL;
	mediate_ratings *r = NULL, *built = NULL;
	mediate_case_list *cases = NULL;
	mediate_error err;
	char *file, *y;
	size_t len = 0, ylen = 0, i, excluded = 0, recorded = 0;

	file = test_read_file(example_data("ratings.yaml"), &len);
	if (file == NULL) {
		CU_PASS("examples/data/ratings.yaml is not there yet");
		return;
	}
	OK(mediate_policy_load_file(&county, example_data("county.yaml"), NULL, NULL));
	if (mediate_ratings_load_file(&r, county, example_data("ratings.yaml"), NULL, &err) != 0)
		fprintf(stderr, "\n  %s:%lu:%lu: %s: %s", err.file, err.line, err.column, err.path, err.text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT(mediate_ratings_count(r) > 100);
	for (i = 0; i < mediate_ratings_count(r); i++)
		excluded += (size_t)mediate_rating_excluded(mediate_ratings_at(r, i));
	CU_ASSERT_EQUAL(excluded, 1);
	OK(mediate_ratings_to_yaml(&y, &ylen, r));
	CU_ASSERT_EQUAL(ylen, len);
	CU_ASSERT(ylen == len && memcmp(y, file, len) == 0);
	mediate_free(y);

	big.max_document_bytes = (size_t)64 << 20;
	big.max_nodes = (size_t)10000000;
	OK(mediate_case_list_load_file(&cases, county, example_data("cases.yaml"), &big, &err));
	OK(mediate_ratings_new(&built, county));
	for (i = 0; i < mediate_case_list_count(cases); i++)
		if (mediate_ratings_record_case(built, mediate_case_list_at(cases, i)) == 0)
			recorded++;
	for (i = 0; i < mediate_ratings_count(r); i++) {
		const mediate_rating *x = mediate_ratings_at(r, i);
		const mediate_case *c = list_find(cases, mediate_rating_case_number(x));
		int rc;
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		rc = mediate_ratings_add(NULL, built, c, mediate_rating_party_id(x), mediate_rating_stars(x),
		                         mediate_rating_comment(x), mediate_rating_at(x));
		if (rc != 0)
			fprintf(stderr, "\n  %s %s: %s", mediate_rating_case_number(x), mediate_rating_party_id(x),
			        mediate_error_last()->text);
		CU_ASSERT_EQUAL(rc, 0);
		if (mediate_rating_excluded(x))
			OK(mediate_ratings_exclude(built, mediate_rating_case_number(x), mediate_rating_party_id(x),
			                           mediate_rating_exclusion_reason(x), mediate_rating_exclusion_actor(x),
			                           mediate_rating_exclusion_at(x)));
	}
	CU_ASSERT(recorded > 100);
	OK(mediate_ratings_to_yaml(&y, &ylen, built));
	CU_ASSERT(ylen == len && memcmp(y, file, len) == 0);
	mediate_free(y);
	mediate_ratings_free(built);
	mediate_case_list_free(cases);
	mediate_ratings_free(r);
	mediate_policy_free(county);
	free(file);
}

#define OUTCOME1 \
	"outcomes:\n" \
	"- case: YZ-ZGM-PS-TJ-2026-000001\n" \
	"  result: agreement\n" \
	"  ended_at: 2026-03-02T14:00:00+08:00\n" \
	"  mediators:\n" \
	"  - " M1 "\n"

static void
bad_yaml(const char *doc, int code, unsigned long line, unsigned long col, const char *path, const char *text)
{
	mediate_ratings *r = (mediate_ratings *)&r;
	mediate_error err;
	int rc = mediate_ratings_load_buffer(&r, plain, doc, strlen(doc), "bad.yaml", NULL, &err);
	CU_ASSERT_EQUAL(rc, code);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_EQUAL(err.code, rc);
	CU_ASSERT_EQUAL(err.line, line);
	if (col != 0)
		CU_ASSERT_EQUAL(err.column, col);
	CU_ASSERT_STRING_EQUAL(err.file, "bad.yaml");
	if (path != NULL)
		CU_ASSERT_STRING_EQUAL(err.path, path);
	if (rc != code || err.line != line || (text != NULL && strstr(err.text, text) == NULL) ||
	    (path != NULL && strcmp(err.path, path) != 0)) {
		fprintf(stderr, "\n  rc %d %lu:%lu %s: %s  (expected %d line %lu \"%s\")", rc, err.line, err.column,
		        err.path, err.text, code, line, text ? text : "");
		CU_FAIL("error");
	}
	if (r != NULL && r != (mediate_ratings *)&r)
		mediate_ratings_free(r);
}

static void
test_bad_yaml(void)
{
	/* Syntax, and what the shared reader refuses. */
	bad_yaml(HEAD "ratings: [\n", MEDIATE_EPARSE, 4, 0, NULL, NULL);
	bad_yaml("", MEDIATE_EVALIDATE, 1, 1, NULL, "empty");
	bad_yaml("- 1\n", MEDIATE_EVALIDATE, 1, 1, "", "mapping");
	bad_yaml(HEAD "ratings: &a []\n", MEDIATE_EPARSE, 3, 0, NULL, NULL);
	bad_yaml(HEAD "outcomes: []\n\xFF: x\n", MEDIATE_EUTF8, 4, 0, NULL, NULL);
	/* The header. */
	bad_yaml("format: mediate-cases\nversion: 1\n", MEDIATE_EVALIDATE, 1, 9, "format", "not mediate-ratings");
	bad_yaml("format: mediate-ratings\nversion: 2\n", MEDIATE_EVALIDATE, 2, 10, "version", "not supported");
	bad_yaml("version: 1\n", MEDIATE_EVALIDATE, 1, 1, "format", "missing required key");
	bad_yaml(HEAD "rating: []\n", MEDIATE_EVALIDATE, 3, 1, "rating", "did you mean \"ratings\"");
	/* Outcomes. */
	bad_yaml(HEAD OUTCOME1 "- case: YZ-ZGM-PS-TJ-2026-000001\n  result: failed\n"
	         "  ended_at: 2026-03-03T14:00:00+08:00\n  mediators: [" M1 "]\n",
	         MEDIATE_EVALIDATE, 9, 9, "outcomes[1].case", "already has an outcome");
	bad_yaml(HEAD "outcomes:\n- case: XX-2026-000001\n  result: agreement\n  ended_at: 2026-03-02T14:00:00+08:00\n"
	         "  mediators: [m1]\n", MEDIATE_ENOTFOUND, 4, 9, "outcomes[0].case", "unknown unit");
	bad_yaml(HEAD "outcomes:\n- case: 2026-000001\n  result: agreement\n  ended_at: 2026-03-02T14:00:00+08:00\n"
	         "  mediators: [m1]\n", MEDIATE_EVALIDATE, 4, 9, "outcomes[0].case", "expected <unit>");
	bad_yaml(HEAD "outcomes:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  result: none\n"
	         "  ended_at: 2026-03-02T14:00:00+08:00\n  mediators: [m1]\n",
	         MEDIATE_EVALIDATE, 5, 11, "outcomes[0].result", "not an outcome");
	bad_yaml(HEAD "outcomes:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  result: agreement\n"
	         "  ended_at: 2026-03-02 14:00\n  mediators: [m1]\n",
	         MEDIATE_EPARSE, 6, 13, "outcomes[0].ended_at", NULL);
	bad_yaml(HEAD "outcomes:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  result: agreement\n"
	         "  ended_at: 2026-03-02T14:00:00+08:00\n  mediators: []\n",
	         MEDIATE_EVALIDATE, 7, 14, "outcomes[0].mediators", "at least one");
	bad_yaml(HEAD "outcomes:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  result: agreement\n"
	         "  ended_at: 2026-03-02T14:00:00+08:00\n  mediators: [m1, m1]\n",
	         MEDIATE_EVALIDATE, 7, 19, "outcomes[0].mediators[1]", "twice");
	bad_yaml(HEAD "outcomes:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  result: agreement\n"
	         "  ended_at: 2026-03-02T14:00:00+08:00\n  mediators: [王调解员]\n",
	         MEDIATE_EINVAL, 7, 15, "outcomes[0].mediators[0]", "only letters");
	/* Ratings. */
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 6\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n",
	         MEDIATE_ERANGE, 12, 10, "ratings[0].stars", "out of range");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: \"5\"\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n",
	         MEDIATE_EVALIDATE, 12, 10, "ratings[0].stars", "quoted");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 5\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n"
	         "- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 1\n"
	         "  at: 2026-03-03T15:00:00+08:00\n  mediators: [" M1 "]\n",
	         MEDIATE_EEXISTS, 16, 10, "ratings[1].party", "one rating per party per case");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000002\n  party: p1\n  stars: 5\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n",
	         MEDIATE_EVALIDATE, 10, 9, "ratings[0].case", "has no outcome");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 5\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  comment: \"\\x01\"\n  mediators: [" M1 "]\n",
	         MEDIATE_EINVAL, 14, 12, "ratings[0].comment", "control character");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 5\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n"
	         "  excluded: {at: 2026-03-02T14:59:59+08:00, actor: u-jdk, reason: 申诉成立}\n",
	         MEDIATE_ERANGE, 15, 18, "ratings[0].excluded.at", "before the rating");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 5\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n"
	         "  excluded: {at: 2026-03-04T09:00:00+08:00, actor: u-jdk}\n",
	         MEDIATE_EVALIDATE, 15, 13, "ratings[0].excluded.reason", "missing required key");
	bad_yaml(HEAD OUTCOME1 "ratings:\n- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  star: 5\n"
	         "  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n",
	         MEDIATE_EVALIDATE, 12, 3, "ratings[0].star", "did you mean \"stars\"");
	{
		/* Every error is reported, in document order, and nothing is returned. */
		static const char doc[] = HEAD OUTCOME1
			"ratings:\n"
			"- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p1\n  stars: 0\n"
			"  at: 2026-03-02T15:00:00+08:00\n  mediators: [" M1 "]\n"
			"- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p2\n  stars: 4\n"
			"  at: yesterday\n  mediators: [" M1 "]\n"
			"- case: YZ-ZGM-PS-TJ-2026-000001\n  party: p3\n  stars: 4\n"
			"  at: 2026-03-02T15:00:00+08:00\n  mediators: []\n";
		mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
		mediate_ratings *r = NULL;
		mediate_error err;
		o.on_error = count_error;
		errors_seen = 0;
		CU_ASSERT_EQUAL(mediate_ratings_load_buffer(&r, plain, doc, sizeof doc - 1, "all.yaml", &o, &err),
		                MEDIATE_ERANGE);
		CU_ASSERT_EQUAL(errors_seen, 3);
		CU_ASSERT_EQUAL(err.line, 12);
		CU_ASSERT_PTR_NULL(r);
	}
	{
		/* Limits and arguments. */
		mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
		mediate_ratings *r = NULL;
		mediate_error err;
		o.max_document_bytes = 10;
		CU_ASSERT_EQUAL(mediate_ratings_load_buffer(&r, plain, HEAD, strlen(HEAD), "x", &o, &err), MEDIATE_ELIMIT);
		o.max_document_bytes = MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES;
		o.version = 99;
		CU_ASSERT_EQUAL(mediate_ratings_load_buffer(&r, plain, HEAD, strlen(HEAD), "x", &o, &err), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_load_buffer(NULL, plain, HEAD, strlen(HEAD), "x", NULL, &err),
		                MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_load_buffer(&r, NULL, HEAD, strlen(HEAD), "x", NULL, &err),
		                MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_load_file(&r, plain, "/nonexistent/ratings.yaml", NULL, &err), MEDIATE_EIO);
		CU_ASSERT_STRING_EQUAL(err.file, "/nonexistent/ratings.yaml");
		CU_ASSERT_EQUAL(mediate_ratings_load_file(&r, plain, NULL, NULL, &err), MEDIATE_EINVAL);
		CU_ASSERT_PTR_NULL(r);
		CU_ASSERT_EQUAL(mediate_ratings_to_yaml(NULL, NULL, NULL), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_new(NULL, plain), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_ratings_new(&r, NULL), MEDIATE_EINVAL);
		mediate_ratings_free(NULL);
		CU_ASSERT_EQUAL(mediate_ratings_count(NULL), 0);
		CU_ASSERT_PTR_NULL(mediate_ratings_at(NULL, 0));
		CU_ASSERT_PTR_NULL(mediate_ratings_find(NULL, "a", "b"));
		CU_ASSERT_PTR_NULL(mediate_rating_case_number(NULL));
		CU_ASSERT_PTR_NULL(mediate_rating_party_id(NULL));
		CU_ASSERT_EQUAL(mediate_rating_stars(NULL), 0);
		CU_ASSERT_PTR_NULL(mediate_rating_comment(NULL));
		CU_ASSERT_EQUAL(mediate_rating_at(NULL), 0);
		CU_ASSERT_EQUAL(mediate_rating_mediator_count(NULL), 0);
		CU_ASSERT_PTR_NULL(mediate_rating_mediator_at(NULL, 0));
		CU_ASSERT_EQUAL(mediate_rating_excluded(NULL), 0);
		CU_ASSERT_PTR_NULL(mediate_rating_exclusion_reason(NULL));
		CU_ASSERT_PTR_NULL(mediate_rating_exclusion_actor(NULL));
		CU_ASSERT_EQUAL(mediate_rating_exclusion_at(NULL), 0);
	}
}

/* ---- the YAML test suite: nothing crashes, leaks or is accepted ---- */

static void
yts_one(const char *dir, unsigned *inputs, unsigned *bad)
{
	char path[4300];
	char *data;
	size_t len;
	mediate_ratings *r = NULL;
	mediate_error err;
	int rc;

	snprintf(path, sizeof path, "%s/in.yaml", dir);
	if ((data = test_read_file(path, &len)) == NULL)
		return;
	(*inputs)++;
	rc = mediate_ratings_load_buffer(&r, plain, data, len, "in.yaml", NULL, &err);
	if (rc == 0 || r != NULL || (err.line == 0 && rc != MEDIATE_ELIMIT) || err.code != rc) {
		fprintf(stderr, "\n  %s: rc %d line %lu", dir, rc, err.line);
		(*bad)++;
	}
	mediate_ratings_free(r);
	free(data);
}

static void
test_yaml_test_suite(void)
{
	const char *root = yaml_test_suite_dir();
	char rootbuf[4096], path[4200], sub[4300];
	unsigned inputs = 0, bad = 0;
	DIR *d, *d2;
	struct dirent *e, *e2;

	if (root == NULL) {
		CU_PASS("the YAML test suite is not here: skipped");
		return;
	}
	snprintf(rootbuf, sizeof rootbuf, "%s", root);
	d = opendir(rootbuf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%.3800s/%.200s", rootbuf, e->d_name);
		yts_one(path, &inputs, &bad);
		if ((d2 = opendir(path)) == NULL)
			continue;
		while ((e2 = readdir(d2)) != NULL) {
			if (e2->d_name[0] < '0' || e2->d_name[0] > '9')
				continue;
			snprintf(sub, sizeof sub, "%.4000s/%.200s", path, e2->d_name);
			yts_one(sub, &inputs, &bad);
		}
		closedir(d2);
	}
	closedir(d);
	CU_ASSERT(inputs > 300);
	CU_ASSERT_EQUAL(bad, 0);
}

/* ---- allocation failure: ENOMEM, nothing leaks, nothing changes ---- */

static long alloc_left = -1;

static void *
fail_malloc(size_t n, void *user)
{
	(void)user;
	if (alloc_left == 0)
		return NULL;
	if (alloc_left > 0)
		alloc_left--;
	return malloc(n);
}

static void *
fail_realloc(void *p, size_t n, void *user)
{
	(void)user;
	if (alloc_left == 0)
		return NULL;
	if (alloc_left > 0)
		alloc_left--;
	return realloc(p, n);
}

static void
fail_free(void *p, void *user)
{
	(void)user;
	free(p);
}

static void
test_allocation_failure(void)
{
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, fail_malloc, fail_realloc, fail_free, NULL };
	mediate_ratings *base = rich_store();
	mediate_case *c = make_case(plain, 61, "2026-11-02T09:00:00+08:00", 3, M1,
	                            "9a3e1f60-1c2b-4d5e-8f70-a1b2c3d4e5f6", MEDIATE_OUTCOME_AGREEMENT);
	char *y = snap(base), *y2;
	long n, bad = 0, add_ok = -1, load_ok = -1, excl_ok = -1;

	CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), 0);
	for (n = 0; n < 10000 && (add_ok < 0 || load_ok < 0 || excl_ok < 0); n++) {
		mediate_ratings *r = NULL;
		int rc;
		/* Load. */
		alloc_left = n;
		rc = mediate_ratings_load_buffer(&r, plain, y, strlen(y), "y", NULL, NULL);
		alloc_left = -1;
		if (rc == 0 && load_ok < 0)
			load_ok = n;
		else if (rc != 0 && (rc != MEDIATE_ENOMEM || r != NULL))
			bad++;
		if (rc != 0)
			continue;
		/* Add, then exclude: on failure the store is as before. */
		alloc_left = n;
		rc = mediate_ratings_add(NULL, r, c, "p2", 4, "调解及时", mediate_case_received_at(c) + DAY);
		alloc_left = -1;
		if (rc == 0 && add_ok < 0)
			add_ok = n;
		if (rc != 0) {
			y2 = snap(r);
			if (rc != MEDIATE_ENOMEM || strcmp(y, y2) != 0)
				bad++;
			mediate_free(y2);
		} else {
			alloc_left = n;
			rc = mediate_ratings_exclude(r, "YZ-ZGM-PS-TJ-2026-000061", "p2", "申诉成立", "u-jdk",
			                             mediate_case_received_at(c) + 2 * DAY);
			alloc_left = -1;
			if (rc == 0 && excl_ok < 0)
				excl_ok = n;
			if (rc != 0 && (rc != MEDIATE_ENOMEM ||
			                mediate_rating_excluded(mediate_ratings_find(r, "YZ-ZGM-PS-TJ-2026-000061", "p2"))))
				bad++;
		}
		mediate_ratings_free(r);
	}
	CU_ASSERT_EQUAL(mediate_allocator_set(NULL), 0);
	CU_ASSERT(load_ok > 10);
	CU_ASSERT(add_ok >= 0);
	CU_ASSERT(excl_ok >= 0);
	CU_ASSERT_EQUAL(bad, 0);
	mediate_free(y);
	mediate_case_free(c);
	mediate_ratings_free(base);
}

int
suite_rating(void)
{
	CU_pSuite s = CU_add_suite("rating", setup, teardown);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_policy_section);
	TEST_ADD(s, test_integrity_rules);
	TEST_ADD(s, test_end_from_timeline);
	TEST_ADD(s, test_record_again);
	TEST_ADD(s, test_exclusion);
	TEST_ADD(s, test_bayesian_average);
	TEST_ADD(s, test_wilson);
	TEST_ADD(s, test_decay);
	TEST_ADD(s, test_decay_extremes);
	TEST_ADD(s, test_summaries_many);
	TEST_ADD(s, test_yaml_roundtrip);
	TEST_ADD(s, test_sample_file);
	TEST_ADD(s, test_bad_yaml);
	TEST_ADD(s, test_yaml_test_suite);
	TEST_ADD(s, test_allocation_failure);
	return CUE_SUCCESS;
}
