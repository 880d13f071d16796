/* SPDX-License-Identifier: MIT */
/*
 * The case model: every transition allowed and refused, deadlines across
 * month ends and leap years, resident ID check digits, masking, agreement
 * signing and the judicial-confirmation window, bad input, allocation
 * failure, and the names of every enumeration.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "../lib/case_priv.h"

/* A small policy of the sample county: enough units and categories. */
static const char policy_yaml[] =
	"policy: {name: 测试政策, version: \"1\", language: zh}\n"
	"taxonomy:\n"
	"  - {code: neighbour, name: {zh: 邻里纠纷}}\n"
	"  - {code: neighbour.noise, parent: neighbour, name: {zh: 噪声扰民}}\n"
	"  - {code: labour, name: {zh: 劳动争议}}\n"
	"  - {code: labour.wage_arrears, parent: labour, name: {zh: 欠薪纠纷}}\n"
	"  - {code: family, name: {zh: 婚姻家庭纠纷}}\n"
	"org:\n"
	"  - {code: YZ, kind: county, name: {zh: 鄞州区}}\n"
	"  - {code: YZ-SJ, kind: department, parent: YZ, name: {zh: 鄞州区司法局}}\n"
	"  - {code: YZ-FY, kind: court, parent: YZ, name: {zh: 鄞州区人民法院}}\n"
	"  - {code: YZ-LX, kind: association, parent: YZ, name: {zh: 鄞州区律师协会}}\n"
	"  - {code: YZ-ZGM, kind: town, parent: YZ, name: {zh: 钟公庙街道}}\n"
	"  - {code: YZ-ZGM-PS, kind: police_station, parent: YZ-ZGM, name: {zh: 钟公庙派出所}}\n"
	"  - {code: YZ-ZGM-PS-TJ, kind: centre, parent: YZ-ZGM-PS, name: {zh: 钟公庙派出所人民调解工作室}}\n"
	"  - {code: YZ-ZGM-JJC, kind: community, parent: YZ-ZGM, name: {zh: 金家漕社区}}\n"
	"  - {code: YZ-ZGM-JJC-G01, kind: grid, parent: YZ-ZGM-JJC, name: {zh: 金家漕社区第1网格}}\n";

static mediate_policy *policy;

#define STUDIO "YZ-ZGM-PS-TJ"
#define MEDIATOR_USER "u-panzm"

static int
suite_init(void)
{
	return mediate_policy_load_buffer(&policy, policy_yaml, sizeof(policy_yaml) - 1, "case-test",
	                                  NULL, NULL) == 0 ? 0 : -1;
}

static int
suite_clean(void)
{
	mediate_policy_free(policy);
	policy = NULL;
	return 0;
}

/* Local time at +08:00. */
static int64_t
T(const char *text)
{
	int64_t t = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_time_parse(&t, NULL, text), 0);
	return t;
}

/* A case received at the station's studio on a 110 handover. */
static mediate_case *
new_case(const char *received)
{
	mediate_case *c = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_case_new(&c, policy, STUDIO, T(received), MEDIATE_OFFSET_CST,
	                                       "u-110-desk"), 0);
	return c;
}

/* Steps a case has taken so far: one hour apart from its reception. */
static int64_t clock_at;
static int64_t tick(void) { return clock_at += 3600; }

/*
 * Brings a fresh case to `state` by the shortest allowed path, with the
 * data every step needs (a lead mediator, a mode; agreements are oral so
 * they need no signatures).
 */
static void
reach(mediate_case *c, mediate_case_state state)
{
	clock_at = mediate_case_received_at(c);
	switch (state) {
	case MEDIATE_CASE_RECEIVED:
		return;
	case MEDIATE_CASE_WITHDRAWN:
	case MEDIATE_CASE_CLOSED:
		CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_WITHDRAWN, tick(), MEDIATOR_USER,
		                                              STUDIO, "申请人撤回"), 0);
		if (state == MEDIATE_CASE_CLOSED)
			CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_CLOSED, tick(),
			                                              MEDIATOR_USER, STUDIO, NULL), 0);
		return;
	case MEDIATE_CASE_TRANSFERRED:
		CU_ASSERT_EQUAL_FATAL(mediate_case_transfer(c, MEDIATE_TRANSFER_LITIGATION, "鄞州区人民法院",
		                                            tick(), MEDIATOR_USER, STUDIO, NULL), 0);
		return;
	default:
		break;
	}
	CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, tick(), MEDIATOR_USER, STUDIO,
	                                              "一般纠纷"), 0);
	if (state == MEDIATE_CASE_ASSESSED)
		return;
	CU_ASSERT_EQUAL_FATAL(mediate_case_add_mediator(c, "m-0012", "潘志明", MEDIATE_MEDIATOR_LEAD, tick(),
	                                                MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_case_set_mode(c, MEDIATE_MODE_ON_THE_SPOT), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, tick(), MEDIATOR_USER, STUDIO,
	                                              NULL), 0);
	if (state == MEDIATE_CASE_ASSIGNED)
		return;
	CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, tick(), MEDIATOR_USER,
	                                              STUDIO, NULL), 0);
	if (state == MEDIATE_CASE_IN_MEDIATION)
		return;
	if (state == MEDIATE_CASE_FAILED) {
		CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_FAILED, tick(), MEDIATOR_USER,
		                                              STUDIO, "双方分歧较大"), 0);
		return;
	}
	CU_ASSERT_EQUAL_FATAL(mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_ORAL, tick(), MEDIATOR_USER,
	                                                   STUDIO, "当场口头达成协议"), 0);
	if (state == MEDIATE_CASE_AGREEMENT)
		return;
	CU_ASSERT_EQUAL_FATAL(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, tick(), MEDIATOR_USER,
	                                              STUDIO, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_case_get_state(c), state);
}

/* The expected table, written out independently of lib/case_lifecycle.c. */
static const char expected[11][11] = {
	/*            -  rec ass asg med agr fai wit tra fol clo */
	/* -    */ { 0 },
	/* rec  */ { 0, 0,  1,  0,  0,  0,  0,  1,  1,  0,  0 },
	/* ass  */ { 0, 0,  0,  1,  0,  0,  0,  1,  1,  0,  0 },
	/* asg  */ { 0, 0,  0,  0,  1,  0,  0,  1,  1,  0,  0 },
	/* med  */ { 0, 0,  0,  0,  0,  1,  1,  1,  1,  0,  0 },
	/* agr  */ { 0, 0,  0,  0,  1,  0,  0,  0,  1,  1,  1 },
	/* fai  */ { 0, 0,  0,  0,  0,  0,  0,  0,  1,  0,  1 },
	/* wit  */ { 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  1 },
	/* tra  */ { 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  1 },
	/* fol  */ { 0, 0,  0,  0,  1,  0,  0,  0,  1,  0,  1 },
	/* clo  */ { 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0 },
};

static int
try_move(mediate_case *c, mediate_case_state to, int64_t at)
{
	if (to == MEDIATE_CASE_AGREEMENT)
		return mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_ORAL, at, MEDIATOR_USER, STUDIO, NULL);
	if (to == MEDIATE_CASE_TRANSFERRED)
		return mediate_case_transfer(c, MEDIATE_TRANSFER_ARBITRATION, "鄞州区劳动人事争议仲裁院", at,
		                             MEDIATOR_USER, STUDIO, NULL);
	return mediate_case_transition(c, to, at, MEDIATOR_USER, STUDIO, "测试");
}

static void
test_transition_table(void)
{
	int from, to;
	for (from = MEDIATE_CASE_RECEIVED; from <= MEDIATE_CASE_CLOSED; from++) {
		for (to = MEDIATE_CASE_RECEIVED; to <= MEDIATE_CASE_CLOSED; to++) {
			mediate_case *c = new_case("2026-11-03T09:30:00+08:00");
			size_t events;
			int rc;
			CU_ASSERT_EQUAL(mediate_case_transition_allowed((mediate_case_state)from,
			                                                (mediate_case_state)to), expected[from][to]);
			reach(c, (mediate_case_state)from);
			CU_ASSERT_EQUAL(mediate_case_get_state(c), from);
			if (from <= MEDIATE_CASE_ASSESSED) {
				/* What assigned and in_mediation need, so only the table decides. */
				CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-0012", "潘志明", MEDIATE_MEDIATOR_LEAD,
				                                          tick(), MEDIATOR_USER, STUDIO), 0);
				CU_ASSERT_EQUAL(mediate_case_set_mode(c, MEDIATE_MODE_THINK_TANK), 0);
			}
			events = mediate_case_event_count(c);
			rc = try_move(c, (mediate_case_state)to, tick());
			if (expected[from][to]) {
				const mediate_case_event *e = mediate_case_event_at(c, events);
				CU_ASSERT_EQUAL(rc, 0);
				if (rc != 0 || e == NULL) {
					fprintf(stderr, "%s -> %s: %s\n", mediate_case_state_name((mediate_case_state)from),
					        mediate_case_state_name((mediate_case_state)to), mediate_error_last()->text);
					mediate_case_free(c);
					continue;
				}
				CU_ASSERT_EQUAL(mediate_case_get_state(c), to);
				CU_ASSERT_EQUAL(mediate_case_event_count(c), events + 1);
				CU_ASSERT_EQUAL(mediate_case_event_get_kind(e), MEDIATE_EVENT_TRANSITION);
				CU_ASSERT_EQUAL(mediate_case_event_from(e), from);
				CU_ASSERT_EQUAL(mediate_case_event_to(e), to);
				CU_ASSERT_STRING_EQUAL(mediate_case_event_unit(e), STUDIO);
				CU_ASSERT_STRING_EQUAL(mediate_case_event_actor(e), MEDIATOR_USER);
				CU_ASSERT_EQUAL(mi_case_validate(c), 0);
			} else {
				CU_ASSERT_EQUAL(rc, MEDIATE_ESTATE);
				CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_ESTATE);
				CU_ASSERT_EQUAL(mediate_case_get_state(c), from);
				CU_ASSERT_EQUAL(mediate_case_event_count(c), events);
			}
			mediate_case_free(c);
		}
	}
	CU_ASSERT_EQUAL(mediate_case_transition_allowed((mediate_case_state)0, MEDIATE_CASE_ASSESSED), 0);
	CU_ASSERT_EQUAL(mediate_case_transition_allowed(MEDIATE_CASE_RECEIVED, (mediate_case_state)11), 0);
}

static void
test_transition_preconditions(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00");
	int64_t t = mediate_case_received_at(c);

	/* Assigned needs a lead mediator. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, t + 60, MEDIATOR_USER, STUDIO, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, t + 120, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-0031", "陈晓燕", MEDIATE_MEDIATOR_EXPERT, t + 130,
	                                          MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, t + 140, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-0012", "潘志明", MEDIATE_MEDIATOR_LEAD, t + 150,
	                                          MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-0013", "王建国", MEDIATE_MEDIATOR_LEAD, t + 150,
	                                          MEDIATOR_USER, STUDIO), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-0012", "潘志明", MEDIATE_MEDIATOR_EXPERT, t + 150,
	                                          MEDIATOR_USER, STUDIO), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, t + 160, MEDIATOR_USER, STUDIO, NULL), 0);
	/* In mediation needs a mode; joint mode needs a joint body. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t + 170, MEDIATOR_USER, STUDIO,
	                                        NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_set_mode(c, MEDIATE_MODE_JOINT), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t + 170, MEDIATOR_USER, STUDIO,
	                                        NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_add_joint_body(c, "YZ-FY"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_joint_body(c, "YZ-FY"), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_add_joint_body(c, "YZ-NOPE"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_joint_body_count(c), 1);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_case_joint_body_at(c, 0)), "YZ-FY");
	/* Agreement and transferred have their own functions. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t + 180, MEDIATOR_USER, STUDIO,
	                                        NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_AGREEMENT, t + 190, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_TRANSFERRED, t + 190, MEDIATOR_USER, STUDIO,
	                                        NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_transition(c, (mediate_case_state)42, t + 190, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_EINVAL);
	/* Mediators change only before an outcome. */
	CU_ASSERT_EQUAL(mediate_case_remove_mediator(c, "m-0031", t + 200, MEDIATOR_USER, STUDIO, "回避"), 0);
	CU_ASSERT_EQUAL(mediate_case_mediator_count(c), 1);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_FAILED, t + 210, MEDIATOR_USER, STUDIO, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_get_outcome(c), MEDIATE_OUTCOME_FAILED);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m-0040", "李红", MEDIATE_MEDIATOR_CO_MEDIATOR, t + 220,
	                                          MEDIATOR_USER, STUDIO), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_transfer(c, MEDIATE_TRANSFER_LITIGATION, "鄞州区人民法院", t + 230,
	                                      MEDIATOR_USER, STUDIO, "引导诉讼"), 0);
	CU_ASSERT_EQUAL(mediate_case_get_outcome(c), MEDIATE_OUTCOME_TRANSFERRED);
	CU_ASSERT_EQUAL(mediate_case_transfer_kind(c), MEDIATE_TRANSFER_LITIGATION);
	CU_ASSERT_STRING_EQUAL(mediate_case_transfer_body(c), "鄞州区人民法院");
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_CLOSED, t + 240, MEDIATOR_USER, STUDIO, NULL), 0);
	/* A closed case refuses edits but takes notes. */
	CU_ASSERT_EQUAL(mediate_case_set_amount(c, 100), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p9", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "赵六"),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_add_note(c, t + 250, MEDIATOR_USER, STUDIO, "归档"), 0);
	CU_ASSERT_EQUAL(mediate_case_get_state(c), MEDIATE_CASE_CLOSED);
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);
}

static void
test_timeline_never_goes_back(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00");
	int64_t t = mediate_case_received_at(c);
	const mediate_case_event *first = mediate_case_event_at(c, 0);
	CU_ASSERT_EQUAL(mediate_case_event_count(c), 1);
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(first), MEDIATE_EVENT_RECEIVED);
	CU_ASSERT_EQUAL(mediate_case_event_time(first), t);
	CU_ASSERT_STRING_EQUAL(mediate_case_event_actor(first), "u-110-desk");
	CU_ASSERT_PTR_NULL(mediate_case_event_details(first));
	/* Before the received time: refused, nothing changes. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, t - 1, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_get_state(c), MEDIATE_CASE_RECEIVED);
	CU_ASSERT_EQUAL(mediate_case_event_count(c), 1);
	/* The same second is fine. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, t, MEDIATOR_USER, STUDIO, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_add_note(c, t + 600, MEDIATOR_USER, STUDIO, "已电话联系双方"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_note(c, t + 599, MEDIATOR_USER, STUDIO, "迟到的记录"), MEDIATE_ERANGE);
	/* Unknown actor unit, empty actor. */
	CU_ASSERT_EQUAL(mediate_case_add_note(c, t + 700, MEDIATOR_USER, "YZ-NOPE", "x"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_add_note(c, t + 700, "", STUDIO, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_event_count(c), 3);
	/* Earlier events are the same objects with the same contents. */
	CU_ASSERT_PTR_EQUAL(mediate_case_event_at(c, 0), first);
	CU_ASSERT_EQUAL(mediate_case_event_time(first), t);
	CU_ASSERT_STRING_EQUAL(mediate_case_event_details(mediate_case_event_at(c, 2)), "已电话联系双方");
	CU_ASSERT_PTR_NULL(mediate_case_event_at(c, 3));
	mediate_case_free(c);
}

/* ---- deadlines ---------------------------------------------------------- */

static void
check_due(const char *accepted, const char *due)
{
	mediate_case *c = new_case(accepted);
	int64_t got = 0, acc = 0;
	char buf[MEDIATE_TIME_BUFSIZE];
	CU_ASSERT_EQUAL(mediate_case_mediation_due(&got, c), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_accepted_at(&acc, c), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, T(accepted), MEDIATOR_USER, STUDIO,
	                                        NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_accepted_at(&acc, c), 0);
	CU_ASSERT_EQUAL(acc, T(accepted));
	CU_ASSERT_EQUAL(mediate_case_mediation_due(&got, c), 0);
	mediate_time_format(buf, sizeof(buf), got, MEDIATE_OFFSET_CST);
	CU_ASSERT_STRING_EQUAL(buf, due);
	CU_ASSERT_EQUAL(mediate_case_is_overdue(c, got), 0);
	CU_ASSERT_EQUAL(mediate_case_is_overdue(c, got + 1), 1);
	mediate_case_free(c);
}

static void
test_mediation_time_limit(void)
{
	check_due("2026-01-31T10:00:00+08:00", "2026-02-28T10:00:00+08:00");
	check_due("2028-01-31T10:00:00+08:00", "2028-02-29T10:00:00+08:00");   /* leap year */
	check_due("2028-01-30T10:00:00+08:00", "2028-02-29T10:00:00+08:00");
	check_due("2100-01-31T10:00:00+08:00", "2100-02-28T10:00:00+08:00");   /* not a leap year */
	check_due("2000-01-31T10:00:00+08:00", "2000-02-29T10:00:00+08:00");   /* 400-year leap */
	check_due("2026-03-31T16:45:00+08:00", "2026-04-30T16:45:00+08:00");
	check_due("2026-12-15T09:00:00+08:00", "2027-01-15T09:00:00+08:00");   /* year end */
	/* 23:30 local on Jan 31 is Jan 31 at +08:00 although it is 15:30 UTC. */
	check_due("2026-01-31T23:30:00+08:00", "2026-02-28T23:30:00+08:00");
}

static void
test_extension(void)
{
	mediate_case *c = new_case("2026-01-31T10:00:00+08:00");
	int64_t due = 0, at = 0;
	reach(c, MEDIATE_CASE_IN_MEDIATION);
	CU_ASSERT_EQUAL(mediate_case_mediation_due(&due, c), 0);
	CU_ASSERT_EQUAL(due, T("2026-02-28T11:00:00+08:00"));   /* accepted an hour after reception */
	CU_ASSERT_EQUAL(mediate_case_extend(c, T("2026-02-20T17:00:00+08:00"), tick(), MEDIATOR_USER, STUDIO,
	                                    NULL), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_extension_count(c), 0);
	CU_ASSERT_EQUAL(mediate_case_extend(c, T("2026-03-15T17:00:00+08:00"), tick(), MEDIATOR_USER, STUDIO,
	                                    "双方同意延长调解期限"), 0);
	CU_ASSERT_EQUAL(mediate_case_mediation_due(&due, c), 0);
	CU_ASSERT_EQUAL(due, T("2026-03-15T17:00:00+08:00"));
	CU_ASSERT_EQUAL(mediate_case_extension_count(c), 1);
	CU_ASSERT_EQUAL(mediate_case_extension_at(&due, &at, c, 0), 0);
	CU_ASSERT_EQUAL(at, clock_at);
	CU_ASSERT_EQUAL(mediate_case_extension_at(&due, &at, c, 1), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(mediate_case_event_at(c, mediate_case_event_count(c) - 1)),
	                MEDIATE_EVENT_EXTENSION);
	CU_ASSERT_STRING_EQUAL(mediate_case_event_details(mediate_case_event_at(c, mediate_case_event_count(c) - 1)),
	                       "2026-03-15T17:00:00+08:00: 双方同意延长调解期限");
	CU_ASSERT_EQUAL(mediate_case_is_overdue(c, T("2026-03-01T00:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mediate_case_is_overdue(c, T("2026-03-16T00:00:00+08:00")), 1);
	/* After an outcome there is nothing to extend and nothing overdue. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_FAILED, tick(), MEDIATOR_USER, STUDIO, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_extend(c, T("2026-04-15T17:00:00+08:00"), tick(), MEDIATOR_USER, STUDIO,
	                                    NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_is_overdue(c, T("2027-01-01T00:00:00+08:00")), 0);
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);
}

/* ---- personal data ------------------------------------------------------ */

static void
test_resident_id(void)
{
	int y, m, d;
	/* Valid numbers (check characters computed by ISO 7064 MOD 11-2). */
	CU_ASSERT_EQUAL(mediate_resident_id_check("11010519491231002X"), 0);
	CU_ASSERT_EQUAL(mediate_resident_id_check("11010519491231002x"), 0);
	CU_ASSERT_EQUAL(mediate_resident_id_check("33021219850315241X"), 0);
	CU_ASSERT_EQUAL(mediate_resident_id_check("330203196207080030"), 0);
	CU_ASSERT_EQUAL(mediate_resident_id_check("51018219901111032X"), 0);
	CU_ASSERT_EQUAL(mediate_resident_id_check("440308200001011234"), 0);
	CU_ASSERT_EQUAL(mediate_resident_id_birth_date(&y, &m, &d, "33021219850315241X"), 0);
	CU_ASSERT(y == 1985 && m == 3 && d == 15);
	/* Wrong check characters. */
	CU_ASSERT_EQUAL(mediate_resident_id_check("110105194912310021"), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check("330212198503152419"), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check("330203196207080031"), MEDIATE_EVALIDATE);
	/* A transposition of two digits is caught. */
	CU_ASSERT_EQUAL(mediate_resident_id_check("330203169207080030"), MEDIATE_EVALIDATE);
	/* Right check character but no such birth date (2010 is not a leap year). */
	CU_ASSERT_EQUAL(mediate_resident_id_check("330212201002290042"), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "birth date"));
	/* Shape: length, letters, province. */
	CU_ASSERT_EQUAL(mediate_resident_id_check("33021219850315241"), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check("33021219850315241X0"), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check("3302121985031524AX"), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check("990212198503152418"), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check(""), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_resident_id_check(NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_resident_id_birth_date(&y, &m, NULL, "33021219850315241X"), MEDIATE_EINVAL);
}

static void
test_masking(void)
{
	char buf[MEDIATE_MASK_BUFSIZE];
	CU_ASSERT_EQUAL(mediate_mask_phone(buf, sizeof(buf), "13812345678"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "138****5678");
	CU_ASSERT_EQUAL(mediate_mask_phone(buf, sizeof(buf), "0574-87654321"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "057******4321");
	CU_ASSERT_EQUAL(mediate_mask_phone(buf, sizeof(buf), "110"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "*10");
	CU_ASSERT_EQUAL(mediate_mask_document(buf, sizeof(buf), "33021219850315241X"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "**************241X");
	CU_ASSERT_EQUAL(mediate_mask_document(buf, sizeof(buf), "E1234"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "*1234");
	CU_ASSERT_EQUAL(mediate_mask_document(buf, sizeof(buf), "123"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "123");
	CU_ASSERT_EQUAL(mediate_mask_phone(buf, 11, "13812345678"), MEDIATE_EBUFSIZE);
	CU_ASSERT_EQUAL(mediate_mask_phone(NULL, 11, "13812345678"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_mask_document(buf, sizeof(buf), "张三"), MEDIATE_EINVAL);
}

static void
test_parties(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00");
	const mediate_party *p;
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张建华"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_ORGANISATION,
	                                       "宁波市鄞州区金家漕物业服务有限公司"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "李四"),
	                MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_party_count(c), 2);
	CU_ASSERT_EQUAL(mediate_case_party_set_phone(c, "p1", "13812345678"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p1", MEDIATE_DOC_RESIDENT_ID, "33021219850315241x"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_address(c, "p1", "宁波市鄞州区钟公庙街道金家漕小区12幢302室"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_flags(c, "p1", MEDIATE_PARTY_NON_LOCAL | MEDIATE_PARTY_ELDERLY), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_flags(c, "p1", 0x100), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p2", MEDIATE_DOC_CREDIT_CODE, "91330212MA2GQ8K7X4"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p2", MEDIATE_DOC_CREDIT_CODE, "91330212MA2GQ8K7X5"),
	                MEDIATE_EVALIDATE);
	p = mediate_case_party_find(c, "p1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_STRING_EQUAL(mediate_party_id(p), "p1");
	CU_ASSERT_STRING_EQUAL(mediate_party_name(p), "张建华");
	CU_ASSERT_EQUAL(mediate_party_get_role(p), MEDIATE_PARTY_APPLICANT);
	CU_ASSERT_EQUAL(mediate_party_get_kind(p), MEDIATE_PARTY_PERSON);
	CU_ASSERT_STRING_EQUAL(mediate_party_phone(p), "13812345678");
	CU_ASSERT_STRING_EQUAL(mediate_party_phone_masked(p), "138****5678");
	CU_ASSERT_EQUAL(mediate_party_doc_type_of(p), MEDIATE_DOC_RESIDENT_ID);
	CU_ASSERT_STRING_EQUAL(mediate_party_document(p), "33021219850315241X");
	CU_ASSERT_STRING_EQUAL(mediate_party_document_masked(p), "**************241X");
	CU_ASSERT_EQUAL(mediate_party_flags(p), MEDIATE_PARTY_NON_LOCAL | MEDIATE_PARTY_ELDERLY);
	/* A bad number changes nothing. */
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p1", MEDIATE_DOC_RESIDENT_ID, "330212198503152419"),
	                MEDIATE_EVALIDATE);
	CU_ASSERT_STRING_EQUAL(mediate_party_document(p), "33021219850315241X");
	CU_ASSERT_EQUAL(mediate_case_party_set_phone(c, "p1", "138-1234-abcd"), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_party_phone(p), "13812345678");
	/* A baby born after the case was received is not a party of it. */
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p3", MEDIATE_PARTY_THIRD_PARTY, MEDIATE_PARTY_PERSON, "王小宝"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p3", MEDIATE_DOC_RESIDENT_ID, "330212202701010018"),
	                MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p3", MEDIATE_DOC_PASSPORT, "E12345678"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_party_document_masked(mediate_case_party_find(c, "p3")), "*****5678");
	CU_ASSERT_EQUAL(mediate_case_party_set_document(c, "p3", MEDIATE_DOC_PASSPORT, NULL), 0);
	CU_ASSERT_EQUAL(mediate_party_doc_type_of(mediate_case_party_find(c, "p3")), 0);
	CU_ASSERT_PTR_NULL(mediate_party_document(mediate_case_party_find(c, "p3")));
	/* Agents represent parties. */
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "a1", MEDIATE_PARTY_AGENT, MEDIATE_PARTY_PERSON, "周律师"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_represents(c, "a1", "p1"), 0);
	CU_ASSERT_EQUAL(mediate_case_party_set_represents(c, "p2", "p1"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_party_set_represents(c, "a1", "p7"), MEDIATE_ENOTFOUND);
	CU_ASSERT_STRING_EQUAL(mediate_party_represents(mediate_case_party_find(c, "a1")), "p1");
	CU_ASSERT_EQUAL(mediate_case_remove_party(c, "p1"), MEDIATE_ESTATE);   /* represented */
	CU_ASSERT_EQUAL(mediate_case_remove_party(c, "p3"), 0);
	CU_ASSERT_EQUAL(mediate_case_remove_party(c, "p3"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_party_count(c), 3);
	CU_ASSERT_STRING_EQUAL(mediate_party_id(mediate_case_party_at(c, 2)), "a1");
	CU_ASSERT_PTR_NULL(mediate_case_party_at(c, 3));
	CU_ASSERT_PTR_NULL(mediate_case_party_find(c, "p3"));
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);
}

/* ---- the written agreement --------------------------------------------- */

/* A neighbour water-leak case brought to a written agreement, unsigned. */
static mediate_case *
written_case(void)
{
	mediate_case *c = new_case("2026-02-03T09:30:00+08:00");
	mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张建华");
	mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李秀英");
	mediate_case_add_party(c, "a1", MEDIATE_PARTY_AGENT, MEDIATE_PARTY_PERSON, "周律师");
	mediate_case_party_set_represents(c, "a1", "p2");
	mediate_case_set_category(c, "neighbour");
	mediate_case_set_amount(c, 860000);
	reach(c, MEDIATE_CASE_IN_MEDIATION);
	CU_ASSERT_EQUAL(mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_WRITTEN, tick(), MEDIATOR_USER, STUDIO,
	                                             NULL), 0);
	return c;
}

static void
fill_agreement(mediate_case *c)
{
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_FACTS,
	                                                "李秀英家卫生间漏水致张建华家天花板受损。"), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_ISSUES, "赔偿数额。"), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_RESPONSIBILITIES,
	                                                "李秀英承担全部责任。"), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_TERMS,
	                                                "李秀英赔偿张建华修复费用8600元。"), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_PERFORMANCE_MANNER, "银行转账"), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_PERFORMANCE_PLACE,
	                                                "钟公庙派出所人民调解工作室"), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_deadline(c, T("2026-02-28T17:00:00+08:00")), 0);
}

static void
test_agreement_signing(void)
{
	mediate_case *c = written_case();
	const mediate_agreement *a;
	int64_t t, eff = 0, due = 0;

	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p1", tick(), MEDIATOR_USER, STUDIO), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_TERMS, "x"), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_draft_agreement(c, tick(), MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_draft_agreement(c, tick(), MEDIATOR_USER, STUDIO), MEDIATE_EEXISTS);
	a = mediate_case_agreement(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	/* Every content must be written before anyone signs. */
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p1", tick(), MEDIATOR_USER, STUDIO), MEDIATE_ESTATE);
	fill_agreement(c);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, (mediate_agreement_field)7, "x"), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_agreement_text(a, MEDIATE_AGREEMENT_PERFORMANCE_MANNER), "银行转账");
	/* Signers: parties that are not agents, and the lead mediator. */
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "a1", tick(), MEDIATOR_USER, STUDIO), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p9", tick(), MEDIATOR_USER, STUDIO), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p1", T("2026-02-04T10:00:00+08:00"), MEDIATOR_USER,
	                                            STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p1", T("2026-02-04T10:01:00+08:00"), MEDIATOR_USER,
	                                            STUDIO), MEDIATE_EEXISTS);
	/* Signed contents and the parties are frozen. */
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_TERMS, "改为9000元"), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_deadline(c, T("2026-03-28T17:00:00+08:00")), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p4", MEDIATE_PARTY_THIRD_PARTY, MEDIATE_PARTY_PERSON, "孙七"),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_party_set_role(c, "a1", MEDIATE_PARTY_THIRD_PARTY), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_remove_party(c, "p1"), MEDIATE_ESTATE);
	/* Not in effect: no follow-up, no closing, no confirmation. */
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_CLOSED, T("2026-02-04T10:02:00+08:00"),
	                                        MEDIATOR_USER, STUDIO, NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, T("2026-02-04T10:02:00+08:00"),
	                                        MEDIATOR_USER, STUDIO, NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, "鄞州区人民法院", T("2026-02-04T10:02:00+08:00"),
	                                                MEDIATOR_USER, STUDIO), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p2", T("2026-02-04T10:05:00+08:00"), MEDIATOR_USER,
	                                            STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_agreement_is_effective(a), 0);
	CU_ASSERT_EQUAL(mediate_agreement_effective_at(&eff, a), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_followup_due(&due, c), MEDIATE_ENOTFOUND);
	/* The lead mediator signs last: in effect from then. */
	t = T("2026-02-04T10:10:00+08:00");
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "m-0012", t, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_agreement_is_effective(a), 1);
	CU_ASSERT_EQUAL(mediate_agreement_effective_at(&eff, a), 0);
	CU_ASSERT_EQUAL(eff, t);
	CU_ASSERT_EQUAL(mediate_agreement_signature_count(a), 3);
	CU_ASSERT_STRING_EQUAL(mediate_agreement_signer_at(a, 2), "m-0012");
	CU_ASSERT_EQUAL(mediate_agreement_signed_at(a, 2), t);
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(mediate_case_event_at(c, mediate_case_event_count(c) - 2)),
	                MEDIATE_EVENT_AGREEMENT_SIGNED);
	CU_ASSERT_EQUAL(mediate_case_event_get_kind(mediate_case_event_at(c, mediate_case_event_count(c) - 1)),
	                MEDIATE_EVENT_AGREEMENT_EFFECTIVE);
	/* The first follow-up falls due at the deadline of performance. */
	CU_ASSERT_EQUAL(mediate_case_followup_due(&due, c), 0);
	CU_ASSERT_EQUAL(due, T("2026-02-28T17:00:00+08:00"));
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);
}

/* A written agreement in effect at `effective`. */
static mediate_case *
effective_case(const char *effective)
{
	mediate_case *c = written_case();
	int64_t t = T(effective);
	CU_ASSERT_EQUAL(mediate_case_draft_agreement(c, tick(), MEDIATOR_USER, STUDIO), 0);
	fill_agreement(c);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_deadline(c, t + 86400 * 20), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p1", t, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "p2", t, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, "m-0012", t, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_agreement_is_effective(mediate_case_agreement(c)), 1);
	return c;
}

static void
check_window(const char *effective, const char *last_second)
{
	mediate_case *c = effective_case(effective);
	char buf[MEDIATE_TIME_BUFSIZE];
	int64_t due = 0;
	CU_ASSERT_EQUAL(mediate_case_confirmation_due(&due, c), 0);
	mediate_time_format(buf, sizeof(buf), due, MEDIATE_OFFSET_CST);
	CU_ASSERT_STRING_EQUAL(buf, last_second);
	/* One second late is refused and changes nothing; the last second is fine. */
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, "鄞州区人民法院", due + 1, MEDIATOR_USER, STUDIO),
	                MEDIATE_EREFUSED);
	CU_ASSERT_EQUAL(mediate_agreement_confirmation(mediate_case_agreement(c)), MEDIATE_CONFIRMATION_NONE);
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, "鄞州区人民法院", due, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_agreement_confirmation(mediate_case_agreement(c)), MEDIATE_CONFIRMATION_APPLIED);
	mediate_case_free(c);
}

static void
test_confirmation_window(void)
{
	check_window("2026-03-01T15:00:00+08:00", "2026-03-31T23:59:59+08:00");
	check_window("2028-02-10T09:00:00+08:00", "2028-03-11T23:59:59+08:00");   /* Feb 2028 has 29 days */
	check_window("2026-02-10T09:00:00+08:00", "2026-03-12T23:59:59+08:00");
	check_window("2026-12-15T00:00:00+08:00", "2027-01-14T23:59:59+08:00");
	/* Effect at 23:59 local: the day of effect is local, not UTC. */
	check_window("2026-06-30T23:59:00+08:00", "2026-07-30T23:59:59+08:00");
}

static void
test_confirmation_decisions(void)
{
	mediate_case *c = effective_case("2026-03-01T15:00:00+08:00");
	const mediate_agreement *a = mediate_case_agreement(c);
	int64_t t = T("2026-03-05T09:00:00+08:00"), x = 0;

	CU_ASSERT_EQUAL(mediate_case_decide_confirmation(c, MEDIATE_CONFIRMATION_VALID, t, MEDIATOR_USER, "YZ-FY",
	                                                 NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, "鄞州区人民法院", t, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, "鄞州区人民法院", t, MEDIATOR_USER, STUDIO),
	                MEDIATE_ESTATE);
	CU_ASSERT_STRING_EQUAL(mediate_agreement_court(a), "鄞州区人民法院");
	CU_ASSERT_EQUAL(mediate_agreement_applied_at(&x, a), 0);
	CU_ASSERT_EQUAL(x, t);
	CU_ASSERT_EQUAL(mediate_agreement_decided_at(&x, a), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_decide_confirmation(c, MEDIATE_CONFIRMATION_APPLIED, t + 60, MEDIATOR_USER,
	                                                 "YZ-FY", NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_decide_confirmation(c, MEDIATE_CONFIRMATION_INVALID, t + 86400 * 10,
	                                                 "judge-01", "YZ-FY", "协议内容违反法律规定"), 0);
	CU_ASSERT_EQUAL(mediate_agreement_is_enforceable(a), 0);
	CU_ASSERT_EQUAL(mediate_agreement_decided_at(&x, a), 0);
	/* Invalid: re-mediation or litigation, nothing else. */
	t += 86400 * 11;
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_CLOSED, t, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, t, MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t, MEDIATOR_USER, STUDIO,
	                                        "重新调解"), 0);
	CU_ASSERT_PTR_NULL(mediate_case_agreement(c));
	CU_ASSERT_EQUAL(mediate_case_get_outcome(c), MEDIATE_OUTCOME_NONE);
	CU_ASSERT_EQUAL(mediate_case_agreement_form(c), 0);
	CU_ASSERT_EQUAL(mediate_case_remediation_count(c), 1);
	CU_ASSERT_EQUAL(mediate_case_accepted_at(&x, c), 0);
	CU_ASSERT_EQUAL(x, t);
	CU_ASSERT_EQUAL(mediate_case_mediation_due(&x, c), 0);
	CU_ASSERT_EQUAL(x, T("2026-04-16T09:00:00+08:00"));
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);

	/* Valid: enforceable, followed up, closed; never mediated again. */
	c = effective_case("2026-03-01T15:00:00+08:00");
	a = mediate_case_agreement(c);
	t = T("2026-03-05T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, "鄞州区人民法院", t, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_decide_confirmation(c, MEDIATE_CONFIRMATION_VALID, t + 86400, "judge-01",
	                                                 "YZ-FY", NULL), 0);
	CU_ASSERT_EQUAL(mediate_agreement_is_enforceable(a), 1);
	CU_ASSERT_EQUAL(mediate_case_add_followup(c, MEDIATE_FOLLOWUP_PARTLY, NULL, t + 86400 * 2, MEDIATOR_USER,
	                                          STUDIO), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, t + 86400 * 2, MEDIATOR_USER, STUDIO,
	                                        NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_add_followup(c, MEDIATE_FOLLOWUP_PARTLY, "已支付4000元，余款月底前付清",
	                                          t + 86400 * 20, MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_followup_due(&x, c), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_schedule_followup(c, T("2026-03-31T17:00:00+08:00"), t + 86400 * 20,
	                                               MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_followup_due(&x, c), 0);
	CU_ASSERT_EQUAL(x, T("2026-03-31T17:00:00+08:00"));
	CU_ASSERT_EQUAL(mediate_case_add_followup(c, MEDIATE_FOLLOWUP_PERFORMED, "已全部履行",
	                                          T("2026-03-31T15:00:00+08:00"), MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(mediate_case_followup_count(c), 2);
	CU_ASSERT_EQUAL(mediate_followup_get_result(mediate_case_followup_at(c, 0)), MEDIATE_FOLLOWUP_PARTLY);
	CU_ASSERT_STRING_EQUAL(mediate_followup_notes(mediate_case_followup_at(c, 1)), "已全部履行");
	CU_ASSERT_STRING_EQUAL(mediate_followup_actor(mediate_case_followup_at(c, 1)), MEDIATOR_USER);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, T("2026-04-01T09:00:00+08:00"),
	                                        MEDIATOR_USER, STUDIO, NULL), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_CLOSED, T("2026-04-01T09:00:00+08:00"),
	                                        MEDIATOR_USER, STUDIO, "结案"), 0);
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);
}

static void
test_sessions(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00");
	const mediate_case_session *s;
	size_t idx = 99;
	mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张建华");
	mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李秀英");
	CU_ASSERT_EQUAL(mediate_case_add_session(c, &idx, tick(), "调解室一", 0, NULL, MEDIATOR_USER, STUDIO),
	                MEDIATE_ESTATE);
	reach(c, MEDIATE_CASE_IN_MEDIATION);
	CU_ASSERT_EQUAL(mediate_case_add_session(c, &idx, tick(), NULL, 0, NULL, MEDIATOR_USER, STUDIO),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_session(c, &idx, tick(), "钟公庙派出所调解室", 0,
	                                         "双方陈述事实，申请人要求赔偿8600元。", MEDIATOR_USER, STUDIO), 0);
	CU_ASSERT_EQUAL(idx, 0);
	CU_ASSERT_EQUAL(mediate_case_session_add_attendee(c, 0, "p1"), 0);
	CU_ASSERT_EQUAL(mediate_case_session_add_attendee(c, 0, "m-0012"), 0);
	CU_ASSERT_EQUAL(mediate_case_session_add_attendee(c, 0, "p1"), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_session_add_attendee(c, 0, "p8"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_session_add_attendee(c, 1, "p2"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_add_session(c, &idx, tick(), "远程视频调解室", 1, NULL, MEDIATOR_USER,
	                                         STUDIO), 0);
	CU_ASSERT_EQUAL(idx, 1);
	CU_ASSERT_EQUAL(mediate_case_session_count(c), 2);
	s = mediate_case_session_at(c, 0);
	CU_ASSERT_STRING_EQUAL(mediate_case_session_place(s), "钟公庙派出所调解室");
	CU_ASSERT_EQUAL(mediate_case_session_is_video(s), 0);
	CU_ASSERT_EQUAL(mediate_case_session_time(s), clock_at - 3600);
	CU_ASSERT_EQUAL(mediate_case_session_attendee_count(s), 2);
	CU_ASSERT_STRING_EQUAL(mediate_case_session_attendee_at(s, 1), "m-0012");
	CU_ASSERT_PTR_NULL(mediate_case_session_attendee_at(s, 2));
	CU_ASSERT_EQUAL(mediate_case_session_is_video(mediate_case_session_at(c, 1)), 1);
	/* Referenced parties and mediators stay. */
	CU_ASSERT_EQUAL(mediate_case_remove_party(c, "p1"), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_remove_mediator(c, "m-0012", tick(), MEDIATOR_USER, STUDIO, NULL),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_case_set_private_hearing(c, 5), 0);
	CU_ASSERT_EQUAL(mediate_case_private_hearing(c), 1);
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	mediate_case_free(c);
}

/* ---- identity, facts ---------------------------------------------------- */

static void
test_number_and_identity(void)
{
	char buf[MEDIATE_CASE_NUMBER_BUFSIZE];
	mediate_case *c;
	mediate_id id;
	CU_ASSERT_EQUAL(mediate_case_number_format(buf, sizeof(buf), "YZ-SJ", 2026, 123), 0);
	CU_ASSERT_STRING_EQUAL(buf, "YZ-SJ-2026-000123");
	CU_ASSERT_EQUAL(mediate_case_number_format(buf, sizeof(buf), "YZ-SJ", 2026, 0), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_number_format(buf, sizeof(buf), "YZ-SJ", 2026, 1000000), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_number_format(buf, 10, "YZ-SJ", 2026, 1), MEDIATE_EBUFSIZE);
	CU_ASSERT_EQUAL(mediate_case_number_format(buf, sizeof(buf), "YZ SJ", 2026, 1), MEDIATE_EINVAL);
	/* 00:30 on New Year's Day in Ningbo is still 2025 in UTC: the number says 2026. */
	c = new_case("2026-01-01T00:30:00+08:00");
	CU_ASSERT_PTR_NULL(mediate_case_number(c));
	CU_ASSERT_EQUAL(mediate_case_assign_number(c, 457), 0);
	CU_ASSERT_STRING_EQUAL(mediate_case_number(c), "YZ-ZGM-PS-TJ-2026-000457");
	CU_ASSERT_EQUAL(mediate_case_assign_number(c, 458), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_set_number(c, "YZ-SJ-2026-000123"), MEDIATE_EEXISTS);
	mediate_case_free(c);
	c = new_case("2026-01-01T00:30:00+08:00");
	CU_ASSERT_EQUAL(mediate_case_set_number(c, "YZ-SJ-2026-00012"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_number(c, "YZ-SJ-2026-000000"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_number(c, "YZ-SJ-26-000123"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_number(c, "YZ-XX-2026-000123"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_set_number(c, "YZ-SJ-2026-000123"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_case_number(c), "YZ-SJ-2026-000123");
	/* Identity: a fresh UUID, replaceable but never nil. */
	CU_ASSERT_EQUAL(mediate_id_is_nil(mediate_case_id(c)), 0);
	CU_ASSERT_EQUAL(strlen(mediate_case_id_text(c)), 36);
	CU_ASSERT_EQUAL(mediate_id_parse(&id, "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b"), 0);
	CU_ASSERT_EQUAL(mediate_case_set_id(c, &id), 0);
	CU_ASSERT_STRING_EQUAL(mediate_case_id_text(c), "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b");
	memset(&id, 0, sizeof(id));
	CU_ASSERT_EQUAL(mediate_case_set_id(c, &id), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_case_id_text(c), "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b");
	CU_ASSERT_PTR_EQUAL(mediate_case_policy(c), policy);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_case_unit(c)), STUDIO);
	CU_ASSERT_EQUAL(mediate_case_offset(c), MEDIATE_OFFSET_CST);
	mediate_case_free(c);
}

static void
test_facts_and_place(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00");
	int32_t lat = 0, lon = 0;
	CU_ASSERT_EQUAL(mediate_case_get_source(c), 0);
	CU_ASSERT_EQUAL(mediate_case_set_source(c, MEDIATE_SOURCE_POLICE_110, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_source(c, MEDIATE_SOURCE_POLICE_110, "330212202611030457"), 0);
	CU_ASSERT_EQUAL(mediate_case_get_source(c), MEDIATE_SOURCE_POLICE_110);
	CU_ASSERT_STRING_EQUAL(mediate_case_source_ref(c), "330212202611030457");
	CU_ASSERT_EQUAL(mediate_case_set_source(c, (mediate_case_source)9, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_category(c, "neighbour.noise"), 0);
	CU_ASSERT_STRING_EQUAL(mediate_category_code(mediate_case_category(c)), "neighbour.noise");
	CU_ASSERT_EQUAL(mediate_case_set_category(c, "neighbour.nosie"), MEDIATE_ENOTFOUND);
	CU_ASSERT_STRING_EQUAL(mediate_category_code(mediate_case_category(c)), "neighbour.noise");
	CU_ASSERT_EQUAL(mediate_case_set_address(c, "宁波市鄞州区钟公庙街道金家漕小区12幢"), 0);
	CU_ASSERT_EQUAL(mediate_case_set_grid(c, "YZ-ZGM-JJC-G01"), 0);
	CU_ASSERT_EQUAL(mediate_case_set_grid(c, "YZ-ZGM-JJC-G09"), MEDIATE_ENOTFOUND);
	CU_ASSERT_STRING_EQUAL(mediate_unit_code(mediate_case_grid(c)), "YZ-ZGM-JJC-G01");
	CU_ASSERT_EQUAL(mediate_case_coordinates(&lat, &lon, c), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_set_coordinates(c, 29857000, 121560000), 0);
	CU_ASSERT_EQUAL(mediate_case_set_coordinates(c, 90000001, 121560000), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_coordinates(&lat, &lon, c), 0);
	CU_ASSERT(lat == 29857000 && lon == 121560000);
	CU_ASSERT_EQUAL(mediate_case_clear_coordinates(c), 0);
	CU_ASSERT_EQUAL(mediate_case_coordinates(&lat, &lon, c), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_set_description(c, "楼上住户夜间噪声扰民，双方多次发生口角。"), 0);
	CU_ASSERT_EQUAL(mediate_case_set_people_involved(c, 5), 0);
	CU_ASSERT_EQUAL(mediate_case_people_involved(c), 5);
	CU_ASSERT_EQUAL(mediate_case_set_amount(c, 0), 0);
	CU_ASSERT_EQUAL(mediate_case_set_amount(c, 1250050), 0);
	CU_ASSERT_EQUAL(mediate_case_set_amount(c, -1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_amount(c), 1250050);
	CU_ASSERT_EQUAL(mediate_case_set_risks(c, MEDIATE_RISK_VIOLENCE_THREAT | MEDIATE_RISK_REPEAT_PETITION), 0);
	CU_ASSERT_EQUAL(mediate_case_set_risks(c, 0x20), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_risks(c), MEDIATE_RISK_VIOLENCE_THREAT | MEDIATE_RISK_REPEAT_PETITION);
	CU_ASSERT_EQUAL(mediate_case_set_prior_police_calls(c, 3), 0);
	CU_ASSERT_EQUAL(mediate_case_prior_police_calls(c), 3);
	CU_ASSERT_EQUAL(mediate_case_add_tag(c, "夜间噪声"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_tag(c, "110转办"), 0);
	CU_ASSERT_EQUAL(mediate_case_add_tag(c, "夜间噪声"), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_add_tag(c, ""), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_remove_tag(c, "夜间噪声"), 0);
	CU_ASSERT_EQUAL(mediate_case_remove_tag(c, "夜间噪声"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_tag_count(c), 1);
	CU_ASSERT_STRING_EQUAL(mediate_case_tag_at(c, 0), "110转办");
	CU_ASSERT_PTR_NULL(mediate_case_tag_at(c, 1));
	mediate_case_free(c);
}

/* ---- bad input ---------------------------------------------------------- */

static void
test_bad_input(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00"), *none = NULL;
	char id[16];
	unsigned int i;
	int rc = 0;

	/* Invalid UTF-8 and control characters in names. */
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张\xe5\xbc"),
	                MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON,
	                                       "\xc0\xaf"), MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张\n三"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p 1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张三"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "甲", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张三"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", (mediate_party_role)0, MEDIATE_PARTY_PERSON, "张三"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, (mediate_party_kind)3, "张三"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_party_count(c), 0);
	/* A NUL byte inside a string given with its length. */
	CU_ASSERT_EQUAL(mediate_case_set_description_len(c, "漏水\0纠纷", 13), MEDIATE_EUTF8);
	CU_ASSERT_PTR_NULL(mediate_case_description(c));
	CU_ASSERT_EQUAL(mediate_case_set_description_len(c, "漏水\0纠纷", 6), 0);
	CU_ASSERT_STRING_EQUAL(mediate_case_description(c), "漏水");
	CU_ASSERT_EQUAL(mediate_case_set_description(c, "一行\n二行\t制表"), 0);
	/* Too long. */
	{
		char *big = malloc(MEDIATE_CASE_MAX_TEXT_BYTES + 2);
		CU_ASSERT_PTR_NOT_NULL_FATAL(big);
		memset(big, 'a', MEDIATE_CASE_MAX_TEXT_BYTES + 1);
		big[MEDIATE_CASE_MAX_TEXT_BYTES + 1] = '\0';
		CU_ASSERT_EQUAL(mediate_case_set_description(c, big), MEDIATE_ELIMIT);
		big[MEDIATE_CASE_MAX_NAME_BYTES + 1] = '\0';
		CU_ASSERT_EQUAL(mediate_case_set_address(c, big), MEDIATE_ELIMIT);
		free(big);
	}
	/* 10,000 parties: the documented limit is 1,000. */
	for (i = 0; i < 10000; i++) {
		snprintf(id, sizeof(id), "p%u", i + 1);
		rc = mediate_case_add_party(c, id, i % 2 ? MEDIATE_PARTY_RESPONDENT : MEDIATE_PARTY_APPLICANT,
		                            MEDIATE_PARTY_PERSON, "群体纠纷当事人");
		if (rc != 0)
			break;
	}
	CU_ASSERT_EQUAL(i, MEDIATE_CASE_MAX_PARTIES);
	CU_ASSERT_EQUAL(rc, MEDIATE_ELIMIT);
	CU_ASSERT_EQUAL(mediate_case_party_count(c), MEDIATE_CASE_MAX_PARTIES);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "重复"),
	                MEDIATE_EEXISTS);
	/* Unknown things. */
	CU_ASSERT_EQUAL(mediate_case_set_category(c, "weather"), MEDIATE_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "weather"));
	CU_ASSERT_EQUAL(mediate_case_new(&none, policy, "YZ-NOWHERE", 0, 480, "u"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_new(&none, policy, STUDIO, 0, 1440, "u"), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_new(&none, policy, STUDIO, INT64_MAX, 480, "u"), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_case_new(&none, policy, STUDIO, 0, 480, "u\xff"), MEDIATE_EUTF8);
	CU_ASSERT_PTR_NULL(none);
	CU_ASSERT_EQUAL(mediate_case_party_set_phone(c, "nobody", "13812345678"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_case_set_mode(c, (mediate_case_mode)6), MEDIATE_EINVAL);
	mediate_case_free(c);
}

static void
test_null_arguments(void)
{
	mediate_case *c = new_case("2026-11-03T09:30:00+08:00"), *out = NULL;
	mediate_case_list *l = NULL;
	int64_t t = 0;
	int32_t a = 0;
	size_t idx;
	int64_t at = mediate_case_received_at(c) + 60;

	CU_ASSERT_EQUAL(mediate_case_new(NULL, policy, STUDIO, 0, 480, "u"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_new(&out, NULL, STUDIO, 0, 480, "u"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_new(&out, policy, NULL, 0, 480, "u"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_new(&out, policy, STUDIO, 0, 480, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_clone(NULL, c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_clone(&out, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_id(NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_number_format(NULL, 10, "YZ", 2026, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_assign_number(NULL, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_number(c, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_source(NULL, MEDIATE_SOURCE_WALK_IN, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_category(c, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_address(NULL, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_grid(NULL, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_coordinates(NULL, 0, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_coordinates(&a, NULL, c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_description(c, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_description_len(NULL, "x", 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_set_amount(NULL, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_tag(c, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, NULL, MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "x"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_party_set_name(c, NULL, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, NULL, "x", MEDIATE_MEDIATOR_LEAD, at, "u", STUDIO),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m1", "x", MEDIATE_MEDIATOR_LEAD, at, NULL, STUDIO),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_mediator(c, "m1", "x", MEDIATE_MEDIATOR_LEAD, at, "u", NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_session(NULL, &idx, at, "x", 0, NULL, "u", STUDIO), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_session_add_attendee(c, 0, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_transition(NULL, MEDIATE_CASE_ASSESSED, at, "u", STUDIO, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, at, NULL, STUDIO, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, at, "u", NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_transfer(c, MEDIATE_TRANSFER_LITIGATION, NULL, at, "u", STUDIO, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_reach_agreement(NULL, MEDIATE_AGREEMENT_ORAL, at, "u", STUDIO, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_note(c, at, "u", STUDIO, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_accepted_at(NULL, c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_mediation_due(&t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_extend(NULL, 0, at, "u", STUDIO, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_extension_at(NULL, &t, c, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_draft_agreement(NULL, at, "u", STUDIO), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_TERMS, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_agreement_set_deadline(NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_agreement_sign(c, NULL, at, "u", STUDIO), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_apply_confirmation(c, NULL, at, "u", STUDIO), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_decide_confirmation(NULL, MEDIATE_CONFIRMATION_VALID, at, "u", STUDIO, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_confirmation_due(NULL, c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_schedule_followup(NULL, 0, at, "u", STUDIO), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_followup_due(NULL, c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_add_followup(NULL, MEDIATE_FOLLOWUP_PERFORMED, NULL, at, "u", STUDIO),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_agreement_deadline(&t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_agreement_effective_at(&t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_agreement_applied_at(&t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_agreement_decided_at(&t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_new(NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_append(NULL, c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_state_parse(NULL, "closed"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_party_flag_parse(NULL, "minor"), MEDIATE_EINVAL);
	/* Getters are NULL-safe. */
	CU_ASSERT_PTR_NULL(mediate_case_number(NULL));
	CU_ASSERT_PTR_NULL(mediate_case_id(NULL));
	CU_ASSERT_EQUAL(mediate_case_get_state(NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_party_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_case_party_find(c, NULL));
	CU_ASSERT_PTR_NULL(mediate_party_name(NULL));
	CU_ASSERT_PTR_NULL(mediate_case_event_details(NULL));
	CU_ASSERT_EQUAL(mediate_case_event_time(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_agreement_text(NULL, MEDIATE_AGREEMENT_TERMS));
	CU_ASSERT_EQUAL(mediate_agreement_is_enforceable(NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_is_overdue(NULL, 0), 0);
	CU_ASSERT_PTR_NULL(mediate_case_list_at(NULL, 0));
	CU_ASSERT_EQUAL(mediate_case_list_count(NULL), 0);
	/* Nothing above changed the case. */
	CU_ASSERT_EQUAL(mediate_case_event_count(c), 1);
	CU_ASSERT_EQUAL(mediate_case_get_state(c), MEDIATE_CASE_RECEIVED);
	CU_ASSERT_EQUAL(mediate_case_party_count(c), 0);
	mediate_case_free(NULL);
	mediate_case_list_free(NULL);
	(void)l;
	mediate_case_free(c);
}

/* ---- enumerations ------------------------------------------------------- */

#define CHECK_ENUM(type, prefix, max, sample, value) do { \
		int v_; \
		for (v_ = 1; v_ <= (max); v_++) { \
			type back_ = (type)0; \
			const char *n_ = prefix##_name((type)v_); \
			CU_ASSERT_PTR_NOT_NULL_FATAL(n_); \
			CU_ASSERT_EQUAL(prefix##_parse(&back_, n_), 0); \
			CU_ASSERT_EQUAL(back_, v_); \
		} \
		CU_ASSERT_PTR_NULL(prefix##_name((type)0)); \
		CU_ASSERT_PTR_NULL(prefix##_name((type)((max) + 1))); \
		{ \
			type out_ = (type)0; \
			CU_ASSERT_EQUAL(prefix##_parse(&out_, "no_such_name"), MEDIATE_EINVAL); \
			CU_ASSERT_EQUAL(out_, 0); \
			CU_ASSERT_EQUAL(prefix##_parse(&out_, sample), 0); \
			CU_ASSERT_EQUAL(out_, value); \
		} \
	} while (0)

static void
test_enum_names(void)
{
	unsigned int bit, f = 0;
	CHECK_ENUM(mediate_case_state, mediate_case_state, 10, "in_mediation", MEDIATE_CASE_IN_MEDIATION);
	CHECK_ENUM(mediate_case_source, mediate_case_source, 8, "police_110", MEDIATE_SOURCE_POLICE_110);
	CHECK_ENUM(mediate_party_role, mediate_party_role, 4, "third_party", MEDIATE_PARTY_THIRD_PARTY);
	CHECK_ENUM(mediate_party_kind, mediate_party_kind, 2, "organisation", MEDIATE_PARTY_ORGANISATION);
	CHECK_ENUM(mediate_party_doc_type, mediate_party_doc_type, 7, "resident_id", MEDIATE_DOC_RESIDENT_ID);
	CHECK_ENUM(mediate_case_mediator_role, mediate_case_mediator_role, 3, "co_mediator",
	           MEDIATE_MEDIATOR_CO_MEDIATOR);
	CHECK_ENUM(mediate_case_mode, mediate_case_mode, 5, "think_tank", MEDIATE_MODE_THINK_TANK);
	CHECK_ENUM(mediate_case_outcome, mediate_case_outcome, 5, "withdrawn", MEDIATE_OUTCOME_WITHDRAWN);
	CHECK_ENUM(mediate_agreement_form, mediate_agreement_form, 2, "oral", MEDIATE_AGREEMENT_ORAL);
	CHECK_ENUM(mediate_transfer_kind, mediate_transfer_kind, 3, "administrative",
	           MEDIATE_TRANSFER_ADMINISTRATIVE);
	CHECK_ENUM(mediate_agreement_field, mediate_agreement_field, 6, "performance_place",
	           MEDIATE_AGREEMENT_PERFORMANCE_PLACE);
	CHECK_ENUM(mediate_confirmation_status, mediate_confirmation_status, 4, "invalid",
	           MEDIATE_CONFIRMATION_INVALID);
	CHECK_ENUM(mediate_followup_result, mediate_followup_result, 3, "not_performed",
	           MEDIATE_FOLLOWUP_NOT_PERFORMED);
	CHECK_ENUM(mediate_case_event_kind, mediate_case_event_kind, MEDIATE_EVENT_OVERRIDE_CLEARED, "agreement_effective",
	           MEDIATE_EVENT_AGREEMENT_EFFECTIVE);
	for (bit = 1; bit <= MEDIATE_PARTY_FLAGS_ALL; bit <<= 1) {
		CU_ASSERT_EQUAL(mediate_party_flag_parse(&f, mediate_party_flag_name(bit)), 0);
		CU_ASSERT_EQUAL(f, bit);
	}
	for (bit = 1; bit <= MEDIATE_RISK_ALL; bit <<= 1) {
		CU_ASSERT_EQUAL(mediate_case_risk_parse(&f, mediate_case_risk_name(bit)), 0);
		CU_ASSERT_EQUAL(f, bit);
	}
	CU_ASSERT_STRING_EQUAL(mediate_party_flag_name(MEDIATE_PARTY_NON_LOCAL), "non_local");
	CU_ASSERT_STRING_EQUAL(mediate_case_risk_name(MEDIATE_RISK_MASS_INCIDENT), "mass_incident");
	CU_ASSERT_PTR_NULL(mediate_party_flag_name(MEDIATE_PARTY_MINOR | MEDIATE_PARTY_ELDERLY));
	CU_ASSERT_PTR_NULL(mediate_case_risk_name(0x20));
	CU_ASSERT_EQUAL(mediate_case_risk_parse(&f, "earthquake"), MEDIATE_EINVAL);
}

/* ---- clone and lists ---------------------------------------------------- */

static void
test_clone_and_list(void)
{
	mediate_case *c = effective_case("2026-03-01T15:00:00+08:00"), *d = NULL, *e = NULL;
	mediate_case_list *l = NULL, *l2 = NULL;
	size_t i;
	mediate_case_party_set_phone(c, "p1", "13812345678");
	mediate_case_add_tag(c, "漏水");
	CU_ASSERT_EQUAL(mediate_case_clone(&d, c), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_STRING_EQUAL(mediate_case_id_text(d), mediate_case_id_text(c));
	CU_ASSERT_EQUAL(mediate_case_event_count(d), mediate_case_event_count(c));
	for (i = 0; i < mediate_case_event_count(c); i++) {
		CU_ASSERT_PTR_NOT_EQUAL(mediate_case_event_at(d, i), mediate_case_event_at(c, i));
		CU_ASSERT_EQUAL(mediate_case_event_time(mediate_case_event_at(d, i)),
		                mediate_case_event_time(mediate_case_event_at(c, i)));
	}
	CU_ASSERT_STRING_EQUAL(mediate_party_phone_masked(mediate_case_party_find(d, "p1")), "138****5678");
	CU_ASSERT_EQUAL(mediate_agreement_is_effective(mediate_case_agreement(d)), 1);
	CU_ASSERT_STRING_EQUAL(mediate_case_tag_at(d, 0), "漏水");
	CU_ASSERT_EQUAL(mi_case_validate(d), 0);
	/* Independent: changing the copy leaves the original alone. */
	CU_ASSERT_EQUAL(mediate_case_transition(d, MEDIATE_CASE_CLOSED, T("2026-03-02T09:00:00+08:00"), "u",
	                                        STUDIO, NULL), 0);
	CU_ASSERT_EQUAL(mediate_case_get_state(c), MEDIATE_CASE_AGREEMENT);

	CU_ASSERT_EQUAL(mediate_case_list_new(&l), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(l, c), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(l, c), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_list_append(l, d), 0);
	CU_ASSERT_EQUAL(mediate_case_list_count(l), 2);
	CU_ASSERT_PTR_EQUAL(mediate_case_list_at(l, 1), d);
	CU_ASSERT_PTR_NULL(mediate_case_list_at(l, 2));
	/* One owner: another list refuses a listed case, but takes its clone. */
	CU_ASSERT_EQUAL(mediate_case_list_new(&l2), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(l2, c), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_case_list_count(l2), 0);
	CU_ASSERT_EQUAL(mediate_case_clone(&e, c), 0);
	CU_ASSERT_EQUAL(mediate_case_list_append(l2, e), 0);
	CU_ASSERT_EQUAL(mediate_case_list_count(l2), 1);
	mediate_case_list_free(l2);
	mediate_case_list_free(l);   /* frees both cases */
}

/* ---- the importer's helpers -------------------------------------------- */

static void
test_validate_catches_inconsistency(void)
{
	mediate_case *c = NULL;
	int64_t t = T("2026-11-03T09:30:00+08:00");
	CU_ASSERT_EQUAL(mi_case_alloc(&c, policy), 0);
	c->unit = mediate_policy_unit_find(policy, STUDIO);
	c->received_at = t;
	CU_ASSERT_EQUAL(mi_case_validate(c), MEDIATE_EVALIDATE);   /* no events */
	CU_ASSERT_EQUAL(mi_case_push_event(c, t, "u", STUDIO, MEDIATE_EVENT_RECEIVED, MEDIATE_CASE_RECEIVED,
	                                   MEDIATE_CASE_RECEIVED, NULL), 0);
	CU_ASSERT_EQUAL(mi_case_validate(c), 0);
	CU_ASSERT_EQUAL(mi_case_push_event(c, t - 1, "u", STUDIO, MEDIATE_EVENT_NOTE, MEDIATE_CASE_RECEIVED,
	                                   MEDIATE_CASE_RECEIVED, "x"), MEDIATE_ERANGE);
	/* A transition the table forbids. */
	CU_ASSERT_EQUAL(mi_case_push_event(c, t + 1, "u", STUDIO, MEDIATE_EVENT_TRANSITION, MEDIATE_CASE_RECEIVED,
	                                   MEDIATE_CASE_CLOSED, NULL), 0);
	c->state = MEDIATE_CASE_CLOSED;
	c->outcome = MEDIATE_OUTCOME_WITHDRAWN;
	CU_ASSERT_EQUAL(mi_case_validate(c), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "cannot go from received to closed"));
	mediate_case_free(c);
}

/* ---- allocation failure ------------------------------------------------- */

static long alloc_budget = -1;   /* allocations left; -1: unlimited */
static void *fail_malloc(size_t n, void *u) { (void)u; if (alloc_budget == 0) return NULL; if (alloc_budget > 0) alloc_budget--; return malloc(n); }
static void *fail_realloc(void *p, size_t n, void *u) { (void)u; if (alloc_budget == 0) return NULL; if (alloc_budget > 0) alloc_budget--; return realloc(p, n); }
static void fail_free(void *p, void *u) { (void)u; free(p); }

/*
 * One scenario, run with allocation failing at every step in turn: every
 * failure is MEDIATE_ENOMEM, leaves the case as it was (its timeline and
 * counts), and nothing leaks (valgrind checks that part).
 */
static int
scenario(mediate_case **out)
{
	mediate_case *c = NULL;
	int64_t t = T("2026-02-03T09:30:00+08:00");
	size_t ev;
	int rc;
#define STEP(call) do { \
		ev = c ? mediate_case_event_count(c) : 0; \
		if ((rc = (call)) != 0) { \
			CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM); \
			if (c != NULL) \
				CU_ASSERT_EQUAL(mediate_case_event_count(c), ev); \
			*out = c; \
			return rc; \
		} \
	} while (0)
	STEP(mediate_case_new(&c, policy, STUDIO, t, MEDIATE_OFFSET_CST, "u-110-desk"));
	STEP(mediate_case_assign_number(c, 31));
	STEP(mediate_case_set_source(c, MEDIATE_SOURCE_POLICE_110, "330212202602030031"));
	STEP(mediate_case_set_description(c, "楼上漏水"));
	STEP(mediate_case_add_tag(c, "漏水"));
	STEP(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张建华"));
	STEP(mediate_case_party_set_phone(c, "p1", "13812345678"));
	STEP(mediate_case_party_set_document(c, "p1", MEDIATE_DOC_RESIDENT_ID, "33021219850315241X"));
	STEP(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李秀英"));
	STEP(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, t + 60, "u", STUDIO, "一般纠纷"));
	STEP(mediate_case_add_mediator(c, "m-0012", "潘志明", MEDIATE_MEDIATOR_LEAD, t + 120, "u", STUDIO));
	STEP(mediate_case_set_mode(c, MEDIATE_MODE_ON_THE_SPOT));
	STEP(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, t + 180, "u", STUDIO, NULL));
	STEP(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, t + 240, "u", STUDIO, NULL));
	STEP(mediate_case_extend(c, t + 86400 * 40, t + 250, "u", STUDIO, "双方同意"));
	STEP(mediate_case_add_session(c, NULL, t + 300, "调解室", 0, "笔录", "u", STUDIO));
	STEP(mediate_case_session_add_attendee(c, 0, "p1"));
	STEP(mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_WRITTEN, t + 360, "u", STUDIO, NULL));
	STEP(mediate_case_draft_agreement(c, t + 420, "u", STUDIO));
	STEP(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_FACTS, "事实"));
	STEP(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_ISSUES, "争议"));
	STEP(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_RESPONSIBILITIES, "责任"));
	STEP(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_TERMS, "赔偿8600元"));
	STEP(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_PERFORMANCE_MANNER, "转账"));
	STEP(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_PERFORMANCE_PLACE, "工作室"));
	STEP(mediate_case_agreement_set_deadline(c, t + 86400 * 10));
	STEP(mediate_case_agreement_sign(c, "p1", t + 480, "u", STUDIO));
	STEP(mediate_case_agreement_sign(c, "p2", t + 480, "u", STUDIO));
	STEP(mediate_case_agreement_sign(c, "m-0012", t + 480, "u", STUDIO));
	STEP(mediate_case_apply_confirmation(c, "鄞州区人民法院", t + 86400, "u", STUDIO));
	STEP(mediate_case_decide_confirmation(c, MEDIATE_CONFIRMATION_VALID, t + 86400 * 2, "judge", "YZ-FY", "有效"));
	STEP(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, t + 86400 * 3, "u", STUDIO, NULL));
	STEP(mediate_case_schedule_followup(c, t + 86400 * 11, t + 86400 * 3, "u", STUDIO));
	STEP(mediate_case_add_followup(c, MEDIATE_FOLLOWUP_PERFORMED, "已履行", t + 86400 * 11, "u", STUDIO));
	STEP(mediate_case_transfer(c, MEDIATE_TRANSFER_LITIGATION, "鄞州区人民法院", t + 86400 * 12, "u", STUDIO,
	                           "申请强制执行"));
	STEP(mediate_case_add_note(c, t + 86400 * 12, "u", STUDIO, "备注"));
	{
		mediate_case *d = NULL;
		STEP(mediate_case_clone(&d, c));
		mediate_case_free(d);
	}
#undef STEP
	*out = c;
	return 0;
}

static void
test_allocation_failure(void)
{
	mediate_allocator al = { MEDIATE_ALLOCATOR_VERSION, fail_malloc, fail_realloc, fail_free, NULL };
	long budget;
	int done = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&al), 0);
	for (budget = 0; budget < 2000 && !done; budget++) {
		mediate_case *c = NULL;
		int rc;
		alloc_budget = budget;
		rc = scenario(&c);
		alloc_budget = -1;
		if (c != NULL)
			CU_ASSERT_EQUAL(mi_case_validate(c), 0);
		mediate_case_free(c);
		if (rc == 0)
			done = 1;
	}
	mediate_allocator_set(NULL);
	CU_ASSERT_EQUAL(done, 1);
}

int
suite_case(void)
{
	CU_pSuite s = CU_add_suite("case", suite_init, suite_clean);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_transition_table);
	TEST_ADD(s, test_transition_preconditions);
	TEST_ADD(s, test_timeline_never_goes_back);
	TEST_ADD(s, test_mediation_time_limit);
	TEST_ADD(s, test_extension);
	TEST_ADD(s, test_resident_id);
	TEST_ADD(s, test_masking);
	TEST_ADD(s, test_parties);
	TEST_ADD(s, test_agreement_signing);
	TEST_ADD(s, test_confirmation_window);
	TEST_ADD(s, test_confirmation_decisions);
	TEST_ADD(s, test_sessions);
	TEST_ADD(s, test_number_and_identity);
	TEST_ADD(s, test_facts_and_place);
	TEST_ADD(s, test_bad_input);
	TEST_ADD(s, test_null_arguments);
	TEST_ADD(s, test_enum_names);
	TEST_ADD(s, test_clone_and_list);
	TEST_ADD(s, test_validate_catches_inconsistency);
	TEST_ADD(s, test_allocation_failure);
	return 0;
}
