/* SPDX-License-Identifier: MIT */
/*
 * The whistle -> dispatch -> report engine: every transition allowed and
 * refused (refused ones change nothing), routing rules, SLA deadlines over
 * weekends, holidays and 调休 days, pauses, extensions, recategorizing,
 * escalation timing through tick(), tamper detection of the audit chain
 * and the metrics.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route_priv.h"
#include "suites.h"
#include "testutil.h"

static mediate_policy *pol;
static const unsigned char key[32] = "Danjingshan audit key 2026-03-09";

#define OK(x) CU_ASSERT_EQUAL_FATAL((x), 0)

static int64_t
T(const char *text)
{
	int64_t t = 0;
	if (mediate_time_parse(&t, NULL, text) != 0) {
		fprintf(stderr, "bad time in test: %s\n", text);
		abort();
	}
	return t;
}

static int
setup(void)
{
	mediate_error err;
	if (mediate_policy_load_file(&pol, test_data("route/policy.yaml"), NULL, &err) != 0) {
		char buf[1024];
		mediate_error_format(buf, sizeof buf, &err);
		fprintf(stderr, "%s\n", buf);
		return 1;
	}
	return 0;
}

static int
teardown(void)
{
	mediate_policy_free(pol);
	return 0;
}

static mediate_route *
engine(void)
{
	mediate_route *r = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_route_new(&r, pol, key, sizeof key), 0);
	return r;
}

static uint64_t
whistle(mediate_route *r, const char *unit, const char *category, mediate_urgency u, const char *when)
{
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	uint64_t no = 0;
	w.unit = unit;
	w.raiser = "花村街社区网格员 李秀英";
	w.category = category;
	w.urgency = u;
	w.place = "丹景山镇花村街12号门前";
	w.description = "路面塌陷约1平方米，雨天积水，老人出行不便";
	w.time = T(when);
	CU_ASSERT_EQUAL_FATAL(mediate_route_whistle(&no, r, &w), 0);
	return no;
}

static mediate_task_info
task(mediate_route *r, uint64_t no, size_t i)
{
	mediate_task_info ti;
	memset(&ti, 0, sizeof ti);
	ti.version = MEDIATE_TASK_INFO_VERSION;
	CU_ASSERT_EQUAL(mediate_route_task_info(&ti, r, no, i), 0);
	return ti;
}

static mediate_order_info
order(mediate_route *r, uint64_t no)
{
	mediate_order_info oi;
	memset(&oi, 0, sizeof oi);
	oi.version = MEDIATE_ORDER_INFO_VERSION;
	CU_ASSERT_EQUAL(mediate_route_order_info(&oi, r, no), 0);
	return oi;
}

/* ---- engine and whistle ---- */

static void
test_new_and_names(void)
{
	mediate_route *r = (mediate_route *)1;
	mediate_policy *bare;
	static const char doc[] = "policy: {name: x}\ntaxonomy: [{code: a, name: A}]\norg: [{code: U, kind: town, name: U}]\n";
	mediate_urgency u;
	mediate_return_reason rr;
	mediate_satisfaction sat;

	CU_ASSERT_EQUAL(mediate_route_new(NULL, pol, key, 32), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_new(&r, NULL, key, 32), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_new(&r, pol, NULL, 32), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_new(&r, pol, key, 15), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_new(&r, pol, key, 65), MEDIATE_EINVAL);
	OK(mediate_policy_load_buffer(&bare, doc, strlen(doc), "bare.yaml", NULL, NULL));
	CU_ASSERT_EQUAL(mediate_route_new(&r, bare, key, 32), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "sla"));
	mediate_policy_free(bare);
	OK(mediate_route_new(&r, pol, key, 16));
	mediate_route_free(r);
	mediate_route_free(NULL);

	CU_ASSERT_STRING_EQUAL(mediate_urgency_name(MEDIATE_URGENCY_CRITICAL), "critical");
	CU_ASSERT_PTR_NULL(mediate_urgency_name(0));
	CU_ASSERT_PTR_NULL(mediate_urgency_name(4));
	OK(mediate_urgency_parse(&u, "urgent"));
	CU_ASSERT_EQUAL(u, MEDIATE_URGENCY_URGENT);
	CU_ASSERT_EQUAL(mediate_urgency_parse(&u, "Urgent"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(u, MEDIATE_URGENCY_URGENT);
	CU_ASSERT_STRING_EQUAL(mediate_error_last()->text, "unknown urgency \"Urgent\" (normal, urgent or critical)");
	CU_ASSERT_EQUAL(mediate_urgency_parse(NULL, "urgent"), MEDIATE_EINVAL);
	CU_ASSERT_STRING_EQUAL(mediate_order_state_name(MEDIATE_ORDER_CLOSED), "closed");
	CU_ASSERT_PTR_NULL(mediate_order_state_name(5));
	CU_ASSERT_STRING_EQUAL(mediate_task_state_name(MEDIATE_TASK_ON_SITE), "on_site");
	CU_ASSERT_STRING_EQUAL(mediate_task_state_name(MEDIATE_TASK_REROUTED), "rerouted");
	CU_ASSERT_PTR_NULL(mediate_task_state_name(7));
	CU_ASSERT_STRING_EQUAL(mediate_escalation_name(MEDIATE_ESCALATE_REPORT_UP), "report_up");
	CU_ASSERT_PTR_NULL(mediate_escalation_name(0));
	OK(mediate_return_reason_parse(&rr, "outside_area"));
	CU_ASSERT_EQUAL(rr, MEDIATE_RETURN_OUTSIDE_AREA);
	CU_ASSERT_STRING_EQUAL(mediate_return_reason_name(MEDIATE_RETURN_DUPLICATE), "duplicate");
	CU_ASSERT_EQUAL(mediate_return_reason_parse(&rr, "lazy"), MEDIATE_EINVAL);
	OK(mediate_satisfaction_parse(&sat, "basically_satisfied"));
	CU_ASSERT_EQUAL(sat, MEDIATE_BASICALLY_SATISFIED);
	CU_ASSERT_STRING_EQUAL(mediate_satisfaction_name(MEDIATE_DISSATISFIED), "dissatisfied");
	CU_ASSERT_EQUAL(mediate_satisfaction_parse(&sat, NULL), MEDIATE_EINVAL);
}

static void
test_whistle_refused(void)
{
	mediate_route *r = engine();
	mediate_whistle w = MEDIATE_WHISTLE_INIT, bad;
	uint64_t no = 99;
	w.unit = "DJS-HC-G01";
	w.raiser = "网格员 王建华";
	w.category = "public.drainage";
	w.urgency = MEDIATE_URGENCY_URGENT;
	w.time = T("2026-03-09T10:00:00+08:00");

	CU_ASSERT_EQUAL(mediate_route_whistle(NULL, r, &w), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, NULL, &w), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, NULL), MEDIATE_EINVAL);
	bad = w; bad.version = 2;
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_EINVAL);
	bad = w; bad.unit = "DJS-CJ";     /* a department does not blow the whistle */
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_EINVAL);
	bad = w; bad.unit = "DJS-XX";
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_ENOTFOUND);
	bad = w; bad.category = "public.flood";
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_ENOTFOUND);
	bad = w; bad.urgency = 9;
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_EINVAL);
	bad = w; bad.raiser = NULL;
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_EINVAL);
	bad = w; bad.raiser = "";
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_EINVAL);
	bad = w; bad.place = "花村街\xff";
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &bad), MEDIATE_EUTF8);
	CU_ASSERT_EQUAL(no, 99);
	CU_ASSERT_EQUAL(mediate_route_order_count(r), 0);
	CU_ASSERT_EQUAL(mediate_route_audit_count(r), 0);

	OK(mediate_route_whistle(&no, r, &w));
	CU_ASSERT_EQUAL(no, 1);
	{
		mediate_order_info oi = order(r, 1);
		CU_ASSERT_EQUAL(oi.state, MEDIATE_ORDER_PENDING);
		CU_ASSERT_STRING_EQUAL(oi.unit, "DJS-HC-G01");
		CU_ASSERT_STRING_EQUAL(oi.raiser, "网格员 王建华");
		CU_ASSERT_STRING_EQUAL(oi.category, "public.drainage");
		CU_ASSERT_EQUAL(oi.urgency, MEDIATE_URGENCY_URGENT);
		CU_ASSERT_PTR_NULL(oi.place);
		CU_ASSERT_EQUAL(oi.raised, w.time);
		CU_ASSERT_EQUAL(oi.task_count, 0);
		CU_ASSERT_EQUAL(oi.level, 0);
	}
	/* Time never goes backwards. */
	w.time -= 1;
	CU_ASSERT_EQUAL(mediate_route_whistle(&no, r, &w), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_order_count(r), 1);
	{
		mediate_order_info oi;
		memset(&oi, 0, sizeof oi);
		CU_ASSERT_EQUAL(mediate_route_order_info(&oi, r, 1), MEDIATE_EINVAL);   /* version not set */
		oi.version = MEDIATE_ORDER_INFO_VERSION;
		CU_ASSERT_EQUAL(mediate_route_order_info(&oi, r, 2), MEDIATE_ENOTFOUND);
		CU_ASSERT_EQUAL(mediate_route_order_info(&oi, r, 0), MEDIATE_ENOTFOUND);
	}
	mediate_route_free(r);
}

/* ---- routing rules ---- */

static void
test_dispatch_auto(void)
{
	mediate_route *r = engine();
	uint64_t a, b, c, d, e;
	mediate_task_info ti;

	a = whistle(r, "DJS-HC-G01", "public.safety_hazard", MEDIATE_URGENCY_CRITICAL, "2026-03-09T09:00:00+08:00");
	b = whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_CRITICAL, "2026-03-09T09:01:00+08:00");
	c = whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:02:00+08:00");
	d = whistle(r, "DJS-HC-G01", "public.streetscape", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:03:00+08:00");
	e = whistle(r, "DJS-GS", "public.streetscape", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:04:00+08:00");
	OK(mediate_route_dispatch_auto(r, a, T("2026-03-09T09:10:00+08:00"), "派单员 张敏"));
	CU_ASSERT_EQUAL(order(r, a).task_count, 3);
	CU_ASSERT_EQUAL(order(r, a).state, MEDIATE_ORDER_DISPATCHED);
	ti = task(r, a, 0);
	CU_ASSERT_STRING_EQUAL(ti.department, "DJS-AJ");
	CU_ASSERT_EQUAL(ti.role, MEDIATE_ROLE_LEAD);
	CU_ASSERT_EQUAL(ti.state, MEDIATE_TASK_ASSIGNED);
	CU_ASSERT_STRING_EQUAL(task(r, a, 1).department, "DJS-PS");
	CU_ASSERT_EQUAL(task(r, a, 1).role, MEDIATE_ROLE_ASSIST);
	CU_ASSERT_STRING_EQUAL(task(r, a, 2).department, "DJS-GD");
	OK(mediate_route_dispatch_auto(r, b, T("2026-03-09T09:10:00+08:00"), "派单员 张敏"));
	CU_ASSERT_EQUAL(order(r, b).level, MEDIATE_LEVEL_COUNTY);
	CU_ASSERT_STRING_EQUAL(task(r, b, 1).department, "DJS-AJ");
	OK(mediate_route_dispatch_auto(r, c, T("2026-03-09T09:10:00+08:00"), "派单员 张敏"));
	CU_ASSERT_EQUAL(order(r, c).level, MEDIATE_LEVEL_TOWN);
	CU_ASSERT_EQUAL(order(r, c).task_count, 1);
	/* The rule names the community; a grid inside it matches. */
	OK(mediate_route_dispatch_auto(r, d, T("2026-03-09T09:10:00+08:00"), "派单员 张敏"));
	CU_ASSERT_STRING_EQUAL(task(r, d, 0).department, "DJS-ZF");
	/* Nothing matches a village's streetscape whistle: manual dispatch. */
	{
		size_t n = mediate_route_audit_count(r);
		CU_ASSERT_EQUAL(mediate_route_dispatch_auto(r, e, T("2026-03-09T09:10:00+08:00"), "派单员 张敏"),
		                MEDIATE_ENOTFOUND);
		CU_ASSERT_EQUAL(order(r, e).state, MEDIATE_ORDER_PENDING);
		CU_ASSERT_EQUAL(mediate_route_audit_count(r), n);
	}
	{
		const char *assist[] = { "DJS-CJ", "DJS-ZF" };
		const char *dup[] = { "DJS-CJ", "DJS-CJ" };
		const char *self[] = { "DJS-ZF" };
		const char *village[] = { "DJS-GS" };
		int64_t t = T("2026-03-09T09:20:00+08:00");
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-ZF", dup, 2, MEDIATE_LEVEL_TOWN),
		                MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-ZF", self, 1, MEDIATE_LEVEL_TOWN),
		                MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-ZF", village, 1, MEDIATE_LEVEL_TOWN),
		                MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-QQ", NULL, 0, MEDIATE_LEVEL_TOWN),
		                MEDIATE_ENOTFOUND);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-ZF", NULL, 1, MEDIATE_LEVEL_TOWN),
		                MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-ZF", NULL, 0, 3), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, NULL, "DJS-ZF", NULL, 0, MEDIATE_LEVEL_TOWN), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(order(r, e).state, MEDIATE_ORDER_PENDING);
		OK(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-SFS", assist, 2, MEDIATE_LEVEL_TOWN));
		CU_ASSERT_EQUAL(order(r, e).task_count, 3);
		CU_ASSERT_EQUAL(mediate_route_dispatch(r, e, t, "派单员 张敏", "DJS-SFS", NULL, 0, MEDIATE_LEVEL_TOWN),
		                MEDIATE_ESTATE);
		CU_ASSERT_EQUAL(mediate_route_dispatch_auto(r, a, t, "派单员 张敏"), MEDIATE_ESTATE);
	}
	mediate_route_free(r);
}

/* ---- the transition matrix ---- */

enum { S_PENDING, S_ASSIGNED, S_ACK, S_ONSITE, S_PAUSED, S_EXTPENDING, S_RETURNED, S_FORCED, S_FINISHED,
       S_RATED, S_CLOSED, NSTATES };
enum { A_DISPATCH, A_ACK, A_CHECKIN, A_PROGRESS, A_FINISH, A_RETURN, A_REROUTE, A_FORCE, A_EXTREQ, A_EXTDECIDE,
       A_PAUSE, A_RESUME, A_RATE, A_CONFIRM, A_REOPEN, NACTIONS };
static const char *const state_names[] = { "pending", "assigned", "acknowledged", "on_site", "paused",
	                                   "extension pending", "returned", "forced", "finished", "rated", "closed" };
static const char *const action_names[] = { "dispatch", "acknowledge", "check_in", "progress", "finish", "return",
	                                    "reroute", "force", "extension_request", "extension_decide", "pause",
	                                    "resume", "rate", "confirm", "reopen" };

#define D "DJS-CJ"
static int64_t clock_now;

static int
act(mediate_route *r, int a)
{
	const char *who = "村镇建设办公室 刘志强";
	int64_t t = (clock_now += 600);
	switch (a) {
	case A_DISPATCH: return mediate_route_dispatch(r, 1, t, "派单员 张敏", D, NULL, 0, MEDIATE_LEVEL_TOWN);
	case A_ACK: return mediate_route_acknowledge(r, 1, D, t, who);
	case A_CHECKIN: return mediate_route_check_in(r, 1, D, t, who);
	case A_PROGRESS: return mediate_route_progress(r, 1, D, t, who, "已联系施工队，明日进场");
	case A_FINISH: return mediate_route_finish(r, 1, D, t, who, "路面已修复，积水已排除");
	case A_RETURN: return mediate_route_return(r, 1, D, t, who, MEDIATE_RETURN_NOT_OUR_DUTY, "属供电所管辖线路");
	case A_REROUTE: return mediate_route_reroute(r, 1, D, t, "派单员 张敏", "DJS-GD");
	case A_FORCE: return mediate_route_force(r, 1, D, t, "派单员 张敏", "经研判属村建办职责");
	case A_EXTREQ: return mediate_route_extension_request(r, 1, D, t, who, 450, "需等待沥青材料到货");
	case A_EXTDECIDE: return mediate_route_extension_decide(r, 1, D, t, "派单员 张敏", 1, "同意");
	case A_PAUSE: return mediate_route_pause(r, 1, D, t, who, "等待群众提供现场钥匙");
	case A_RESUME: return mediate_route_resume(r, 1, D, t, who);
	case A_RATE: return mediate_route_rate(r, 1, D, t, "花村街社区 陈书记", MEDIATE_SATISFIED);
	case A_CONFIRM: return mediate_route_confirm(r, 1, t, "花村街社区 陈书记");
	case A_REOPEN: return mediate_route_reopen(r, 1, t, "花村街社区 陈书记", "雨后再次积水");
	}
	return -999;
}

static mediate_route *
reach(int s)
{
	static const int paths[NSTATES][6] = {
		[S_PENDING] = { -1 },
		[S_ASSIGNED] = { A_DISPATCH, -1 },
		[S_ACK] = { A_DISPATCH, A_ACK, -1 },
		[S_ONSITE] = { A_DISPATCH, A_ACK, A_CHECKIN, -1 },
		[S_PAUSED] = { A_DISPATCH, A_ACK, A_PAUSE, -1 },
		[S_EXTPENDING] = { A_DISPATCH, A_ACK, A_EXTREQ, -1 },
		[S_RETURNED] = { A_DISPATCH, A_RETURN, -1 },
		[S_FORCED] = { A_DISPATCH, A_RETURN, A_FORCE, -1 },
		[S_FINISHED] = { A_DISPATCH, A_ACK, A_CHECKIN, A_FINISH, -1 },
		[S_RATED] = { A_DISPATCH, A_ACK, A_CHECKIN, A_FINISH, A_RATE, -1 },
		[S_CLOSED] = { A_DISPATCH, A_ACK, A_CHECKIN, A_FINISH, A_RATE, A_CONFIRM },
	};
	mediate_route *r = engine();
	int i;
	clock_now = T("2026-03-09T09:00:00+08:00");
	whistle(r, "DJS-HC", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	for (i = 0; i < 6 && paths[s][i] >= 0; i++) {
		int rc = act(r, paths[s][i]);
		CU_ASSERT_EQUAL_FATAL(rc, 0);
		if (s == S_CLOSED && i == 5)
			break;
	}
	return r;
}

struct snap {
	size_t naudit;
	unsigned char head[MEDIATE_AUDIT_HASH_BYTES];
	mediate_order_info oi;
	mediate_task_info ti;
};

static void
snapshot(mediate_route *r, struct snap *s)
{
	memset(s, 0, sizeof *s);
	s->naudit = mediate_route_audit_count(r);
	mediate_route_audit_head(s->head, r);
	s->oi = order(r, 1);
	s->ti.version = MEDIATE_TASK_INFO_VERSION;
	if (s->oi.task_count > 0)
		mediate_route_task_info(&s->ti, r, 1, 0);
}

static void
test_transition_matrix(void)
{
	/* Expected result of each action in each state: 0 allowed, else the error. */
	static const int E = MEDIATE_ESTATE, N = MEDIATE_ENOTFOUND;
	static const int expect[NSTATES][NACTIONS] = {
		/*              DISP ACK CHK PRG FIN RET RER FRC EXQ EXD PAU RES RAT CNF REO */
		[S_PENDING]   = { 0, N, N, N, N, N, N, N, N, N, N, N, N, E, E },
		[S_ASSIGNED]  = { E, 0, E, E, E, 0, E, E, E, E, E, E, E, E, E },
		[S_ACK]       = { E, E, 0, 0, E, 0, E, E, 0, E, 0, E, E, E, E },
		[S_ONSITE]    = { E, E, E, 0, 0, E, E, E, 0, E, 0, E, E, E, E },
		[S_PAUSED]    = { E, E, E, 0, E, E, E, E, 0, E, E, 0, E, E, E },
		[S_EXTPENDING] = { E, E, 0, 0, E, 0, E, E, E, 0, 0, E, E, E, E },
		[S_RETURNED]  = { E, E, E, E, E, E, 0, 0, E, E, E, E, E, E, E },
		[S_FORCED]    = { E, 0, E, E, E, E, E, E, E, E, E, E, E, E, E },
		[S_FINISHED]  = { E, E, E, E, E, E, E, E, E, E, E, E, 0, E, 0 },
		[S_RATED]     = { E, E, E, E, E, E, E, E, E, E, E, E, E, 0, 0 },
		[S_CLOSED]    = { E, E, E, E, E, E, E, E, E, E, E, E, E, E, E },
	};
	int s, a;
	for (s = 0; s < NSTATES; s++)
		for (a = 0; a < NACTIONS; a++) {
			mediate_route *r = reach(s);
			struct snap before, after;
			int rc;
			snapshot(r, &before);
			rc = act(r, a);
			if (rc != expect[s][a])
				fprintf(stderr, "\n  %s in state %s: got %d (%s), expected %d\n", action_names[a], state_names[s],
				        rc, mediate_error_last()->text, expect[s][a]);
			CU_ASSERT_EQUAL(rc, expect[s][a]);
			if (rc != 0) {
				/* A refused step changes nothing at all. */
				snapshot(r, &after);
				CU_ASSERT_EQUAL(after.naudit, before.naudit);
				CU_ASSERT_EQUAL(memcmp(after.head, before.head, sizeof before.head), 0);
				CU_ASSERT_EQUAL(memcmp(&after.oi, &before.oi, sizeof before.oi), 0);
				CU_ASSERT_EQUAL(memcmp(&after.ti, &before.ti, sizeof before.ti), 0);
			} else {
				CU_ASSERT(mediate_route_audit_count(r) > before.naudit);
			}
			{
				unsigned char head[MEDIATE_AUDIT_HASH_BYTES];
				size_t n = mediate_route_audit_count(r), i;
				mediate_audit_entry *copy = malloc((n ? n : 1) * sizeof *copy);
				for (i = 0; i < n; i++)
					copy[i] = *mediate_route_audit_at(r, i);
				mediate_route_audit_head(head, r);
				CU_ASSERT_EQUAL(mediate_audit_verify(NULL, copy, n, head, key, sizeof key), 0);
				free(copy);
			}
			mediate_route_free(r);
		}
}

static void
test_state_effects(void)
{
	mediate_route *r;
	mediate_task_info ti;

	/* Finishing the only task finishes the order; reopening starts new clocks. */
	r = reach(S_FINISHED);
	CU_ASSERT_EQUAL(order(r, 1).state, MEDIATE_ORDER_FINISHED);
	ti = task(r, 1, 0);
	CU_ASSERT_EQUAL(ti.state, MEDIATE_TASK_FINISHED);
	CU_ASSERT(ti.done[2] > 0);
	CU_ASSERT_EQUAL(act(r, A_REOPEN), 0);
	CU_ASSERT_EQUAL(order(r, 1).state, MEDIATE_ORDER_DISPATCHED);
	CU_ASSERT_EQUAL(order(r, 1).reopened, 1);
	ti = task(r, 1, 0);
	CU_ASSERT_EQUAL(ti.state, MEDIATE_TASK_ASSIGNED);
	CU_ASSERT_EQUAL(ti.started, clock_now);
	CU_ASSERT_EQUAL(ti.done[0], 0);
	CU_ASSERT(ti.due[0] > clock_now);
	mediate_route_free(r);

	/* Rerouting: the returned task stays as history, a new one takes over. */
	r = reach(S_RETURNED);
	CU_ASSERT_EQUAL(task(r, 1, 0).state, MEDIATE_TASK_RETURNED);
	CU_ASSERT_EQUAL(mediate_route_reroute(r, 1, D, clock_now + 1, "派单员 张敏", D), MEDIATE_EEXISTS);
	CU_ASSERT_EQUAL(mediate_route_reroute(r, 1, D, clock_now + 1, "派单员 张敏", "DJS-HC"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(act(r, A_REROUTE), 0);
	CU_ASSERT_EQUAL(order(r, 1).task_count, 2);
	CU_ASSERT_EQUAL(task(r, 1, 0).state, MEDIATE_TASK_REROUTED);
	ti = task(r, 1, 1);
	CU_ASSERT_STRING_EQUAL(ti.department, "DJS-GD");
	CU_ASSERT_EQUAL(ti.role, MEDIATE_ROLE_LEAD);
	CU_ASSERT_EQUAL(ti.state, MEDIATE_TASK_ASSIGNED);
	/* The old department has no task any more. */
	CU_ASSERT_EQUAL(act(r, A_ACK), MEDIATE_ENOTFOUND);
	OK(mediate_route_acknowledge(r, 1, "DJS-GD", clock_now + 60, "供电所 赵工"));
	mediate_route_free(r);

	/* A forced task cannot be returned again. */
	r = reach(S_FORCED);
	CU_ASSERT(task(r, 1, 0).forced);
	CU_ASSERT_EQUAL(act(r, A_ACK), 0);
	CU_ASSERT_EQUAL(act(r, A_RETURN), MEDIATE_ESTATE);
	mediate_route_free(r);

	/* Confirmation needs every department rated. */
	r = engine();
	clock_now = T("2026-03-09T09:00:00+08:00");
	whistle(r, "DJS-HC", "public.safety_hazard", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 1, clock_now += 60, "派单员 张敏"));
	{
		const char *deps[] = { "DJS-AJ", "DJS-PS", "DJS-GD" };
		int i;
		for (i = 0; i < 3; i++) {
			OK(mediate_route_acknowledge(r, 1, deps[i], clock_now += 60, "值班员"));
			OK(mediate_route_check_in(r, 1, deps[i], clock_now += 60, "值班员"));
		}
		for (i = 0; i < 3; i++) {
			OK(mediate_route_finish(r, 1, deps[i], clock_now += 60, "值班员", "隐患已排除"));
			CU_ASSERT_EQUAL(order(r, 1).state, i < 2 ? MEDIATE_ORDER_DISPATCHED : MEDIATE_ORDER_FINISHED);
		}
		OK(mediate_route_rate(r, 1, "DJS-AJ", clock_now += 60, "陈书记", MEDIATE_SATISFIED));
		OK(mediate_route_rate(r, 1, "DJS-PS", clock_now += 60, "陈书记", MEDIATE_BASICALLY_SATISFIED));
		CU_ASSERT_EQUAL(mediate_route_confirm(r, 1, clock_now += 60, "陈书记"), MEDIATE_ESTATE);
		CU_ASSERT_EQUAL(mediate_route_rate(r, 1, "DJS-PS", clock_now += 60, "陈书记", MEDIATE_SATISFIED),
		                MEDIATE_ESTATE);
		CU_ASSERT_EQUAL(mediate_route_rate(r, 1, "DJS-GD", clock_now += 60, "陈书记", 0), MEDIATE_EINVAL);
		OK(mediate_route_rate(r, 1, "DJS-GD", clock_now += 60, "陈书记", MEDIATE_DISSATISFIED));
		OK(mediate_route_confirm(r, 1, clock_now += 60, "陈书记"));
		CU_ASSERT_EQUAL(order(r, 1).state, MEDIATE_ORDER_CLOSED);
		CU_ASSERT_EQUAL(task(r, 1, 2).rating, MEDIATE_DISSATISFIED);
	}
	mediate_route_free(r);

	/* Supervision flag. */
	r = reach(S_ASSIGNED);
	OK(mediate_route_supervise(r, 1, clock_now += 60, "镇党委 督查室", 1));
	CU_ASSERT(order(r, 1).supervised);
	CU_ASSERT_EQUAL(mediate_route_supervise(r, 1, clock_now += 60, "镇党委 督查室", 1), MEDIATE_ESTATE);
	OK(mediate_route_supervise(r, 1, clock_now += 60, "镇党委 督查室", 0));
	CU_ASSERT(!order(r, 1).supervised);
	/* Bad arguments. */
	CU_ASSERT_EQUAL(mediate_route_acknowledge(NULL, 1, D, clock_now + 60, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_acknowledge(r, 1, NULL, clock_now + 60, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_acknowledge(r, 1, D, clock_now + 60, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_acknowledge(r, 7, D, clock_now + 60, "x"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_route_acknowledge(r, 1, D, clock_now - 1, "x"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_return(r, 1, D, clock_now + 60, "x", 0, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_progress(r, 1, D, clock_now + 60, "x", NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(task(r, 1, 0).state, MEDIATE_TASK_ASSIGNED);
	mediate_route_free(r);
}

/* ---- deadlines ---- */

static void
test_deadlines_working_time(void)
{
	mediate_route *r = engine();
	mediate_task_info ti;
	/* Friday afternoon before the Spring Festival: the 调休 Saturday counts,
	 * the nine days off do not. */
	whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_NORMAL, "2026-02-13T15:50:00+08:00");
	OK(mediate_route_dispatch_auto(r, 1, T("2026-02-13T16:00:00+08:00"), "派单员 张敏"));
	ti = task(r, 1, 0);
	CU_ASSERT_EQUAL(ti.started, T("2026-02-13T16:00:00+08:00"));
	CU_ASSERT_EQUAL(ti.due[0], T("2026-02-14T09:00:00+08:00"));   /* 2h: 90 min Fri + 30 Sat */
	CU_ASSERT_EQUAL(ti.due[1], T("2026-02-14T16:00:00+08:00"));   /* 1d = 450 min: 90 Fri + 360 Sat */
	CU_ASSERT_EQUAL(ti.due[2], T("2026-02-27T16:00:00+08:00"));   /* 5 working days */
	/* An ordinary weekend. */
	whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-06T16:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 2, T("2026-03-06T16:00:00+08:00"), "派单员 张敏"));
	ti = task(r, 2, 0);
	CU_ASSERT_EQUAL(ti.due[0], T("2026-03-09T09:00:00+08:00"));
	CU_ASSERT_EQUAL(ti.due[1], T("2026-03-09T16:00:00+08:00"));
	CU_ASSERT_EQUAL(ti.due[2], T("2026-03-13T16:00:00+08:00"));
	/* The urgent safety hazard runs on calendar time. */
	whistle(r, "DJS-GS", "public.safety_hazard", MEDIATE_URGENCY_URGENT, "2026-03-07T22:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 3, T("2026-03-07T22:05:00+08:00"), "派单员 张敏"));
	ti = task(r, 3, 0);
	CU_ASSERT_EQUAL(ti.due[0], T("2026-03-07T22:20:00+08:00"));
	CU_ASSERT_EQUAL(ti.due[1], T("2026-03-07T23:05:00+08:00"));
	CU_ASSERT_EQUAL(ti.due[2], T("2026-03-08T22:05:00+08:00"));
	/* Met targets have no deadline any more. */
	OK(mediate_route_acknowledge(r, 3, "DJS-AJ", T("2026-03-07T22:10:00+08:00"), "应急办 值班员"));
	ti = task(r, 3, 0);
	CU_ASSERT_EQUAL(ti.due[0], 0);
	CU_ASSERT_EQUAL(ti.done[0], T("2026-03-07T22:10:00+08:00"));
	CU_ASSERT_EQUAL(ti.due[1], T("2026-03-07T23:05:00+08:00"));
	mediate_route_free(r);
}

static void
test_pause_and_extension(void)
{
	mediate_route *r = engine();
	mediate_task_info ti;
	whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T08:50:00+08:00");
	OK(mediate_route_dispatch_auto(r, 1, T("2026-03-09T09:00:00+08:00"), "派单员 张敏"));
	CU_ASSERT_EQUAL(task(r, 1, 0).due[2], T("2026-03-16T09:00:00+08:00"));
	OK(mediate_route_acknowledge(r, 1, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "刘志强"));
	/* Waiting on the raiser from Tuesday 8:30 to Wednesday 8:30: one working day. */
	OK(mediate_route_pause(r, 1, "DJS-CJ", T("2026-03-10T08:30:00+08:00"), "刘志强", "村民外出，无法进入现场"));
	ti = task(r, 1, 0);
	CU_ASSERT(ti.paused);
	CU_ASSERT_EQUAL(ti.due[1], 0);
	CU_ASSERT_EQUAL(ti.due[2], 0);
	{
		mediate_route_event ev[8];
		size_t n = 99;
		/* Nothing falls due while the clocks stand still. */
		OK(mediate_route_tick(r, T("2026-03-11T08:29:00+08:00"), ev, 8, &n));
		CU_ASSERT_EQUAL(n, 0);
	}
	OK(mediate_route_resume(r, 1, "DJS-CJ", T("2026-03-11T08:30:00+08:00"), "刘志强"));
	ti = task(r, 1, 0);
	CU_ASSERT(!ti.paused);
	CU_ASSERT_EQUAL(ti.due[1], T("2026-03-11T09:00:00+08:00"));   /* 1d after 9:00 Monday, +1 day paused */
	CU_ASSERT_EQUAL(ti.due[2], T("2026-03-17T09:00:00+08:00"));
	/* A pause over a weekend costs no working time. */
	OK(mediate_route_pause(r, 1, "DJS-CJ", T("2026-03-13T17:30:00+08:00"), "刘志强", "周末无人"));
	OK(mediate_route_resume(r, 1, "DJS-CJ", T("2026-03-16T08:30:00+08:00"), "刘志强"));
	CU_ASSERT_EQUAL(task(r, 1, 0).due[2], T("2026-03-17T09:00:00+08:00"));
	/* Extensions: a refused one changes nothing, an approved one moves the finish deadline. */
	OK(mediate_route_extension_request(r, 1, "DJS-CJ", T("2026-03-16T09:00:00+08:00"), "刘志强", 450, "材料未到"));
	CU_ASSERT(task(r, 1, 0).extension_pending);
	CU_ASSERT_EQUAL(mediate_route_extension_request(r, 1, "DJS-CJ", T("2026-03-16T09:01:00+08:00"), "刘志强", 60, "再延"),
	                MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_route_extension_request(r, 1, "DJS-CJ", T("2026-03-16T09:01:00+08:00"), "刘志强", 0, "x"),
	                MEDIATE_EINVAL);
	OK(mediate_route_extension_decide(r, 1, "DJS-CJ", T("2026-03-16T09:10:00+08:00"), "张敏", 0, "理由不足"));
	CU_ASSERT_EQUAL(task(r, 1, 0).due[2], T("2026-03-17T09:00:00+08:00"));
	CU_ASSERT_EQUAL(mediate_route_extension_decide(r, 1, "DJS-CJ", T("2026-03-16T09:11:00+08:00"), "张敏", 1, NULL),
	                MEDIATE_ESTATE);
	OK(mediate_route_extension_request(r, 1, "DJS-CJ", T("2026-03-16T09:20:00+08:00"), "刘志强", 450 * 2, "沥青厂停产"));
	OK(mediate_route_extension_decide(r, 1, "DJS-CJ", T("2026-03-16T09:30:00+08:00"), "张敏", 1, "同意延期两个工作日"));
	ti = task(r, 1, 0);
	CU_ASSERT_EQUAL(ti.extended_minutes, 900);
	CU_ASSERT_EQUAL(ti.due[2], T("2026-03-19T09:00:00+08:00"));
	/* A new category and urgency re-pick the SLA; the ledger is kept: the
	 * finish clock is now one calendar day from Monday 9:00 plus the 900
	 * extension minutes, which ends on Wednesday 0:00, plus the first pause
	 * in calendar time (24 h); the second pause starts after that. */
	OK(mediate_route_recategorize(r, 1, T("2026-03-16T10:00:00+08:00"), "张敏", "public.safety_hazard",
	                              MEDIATE_URGENCY_URGENT));
	ti = task(r, 1, 0);
	CU_ASSERT_STRING_EQUAL(order(r, 1).category, "public.safety_hazard");
	CU_ASSERT_EQUAL(ti.due[2], T("2026-03-09T09:00:00+08:00") + 86400 + 900 * 60 + 86400);
	OK(mediate_route_recategorize(r, 1, T("2026-03-16T10:05:00+08:00"), "张敏", "public.road", MEDIATE_URGENCY_NORMAL));
	CU_ASSERT_EQUAL(task(r, 1, 0).due[2], T("2026-03-19T09:00:00+08:00"));
	CU_ASSERT_EQUAL(mediate_route_recategorize(r, 1, T("2026-03-16T10:06:00+08:00"), "张敏", "public.x", 1),
	                MEDIATE_ENOTFOUND);
	mediate_route_free(r);
}

/* ---- tick and escalation ---- */

static void
test_tick_escalation(void)
{
	mediate_route *r = engine();
	mediate_route_event ev[64];
	size_t n = 0, i;
	static const struct { mediate_route_event_kind kind; mediate_target target; mediate_escalation step; const char *due; } want[] = {
		/* acknowledge: 2h, warning at 80% = 96 min */
		{ MEDIATE_EVENT_WARNING, MEDIATE_TARGET_ACKNOWLEDGE, 0, "2026-02-14T08:36:00+08:00" },
		{ MEDIATE_EVENT_BREACH, MEDIATE_TARGET_ACKNOWLEDGE, 0, "2026-02-14T09:00:00+08:00" },
		{ MEDIATE_EVENT_ESCALATION, MEDIATE_TARGET_ACKNOWLEDGE, MEDIATE_ESCALATE_REMINDER, "2026-02-14T09:00:00+08:00" },
		{ MEDIATE_EVENT_ESCALATION, MEDIATE_TARGET_ACKNOWLEDGE, MEDIATE_ESCALATE_SUPERVISION, "2026-02-14T14:30:00+08:00" },
		/* check in: 1d = 450 min, warning at 360 min */
		{ MEDIATE_EVENT_WARNING, MEDIATE_TARGET_CHECK_IN, 0, "2026-02-14T14:30:00+08:00" },
		{ MEDIATE_EVENT_BREACH, MEDIATE_TARGET_CHECK_IN, 0, "2026-02-14T16:00:00+08:00" },
		{ MEDIATE_EVENT_ESCALATION, MEDIATE_TARGET_CHECK_IN, MEDIATE_ESCALATE_REMINDER, "2026-02-14T16:00:00+08:00" },
		{ MEDIATE_EVENT_ESCALATION, MEDIATE_TARGET_ACKNOWLEDGE, MEDIATE_ESCALATE_REPORT_UP, "2026-02-24T09:00:00+08:00" },
	};
	whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_NORMAL, "2026-02-13T15:50:00+08:00");
	OK(mediate_route_dispatch_auto(r, 1, T("2026-02-13T16:00:00+08:00"), "派单员 张敏"));
	OK(mediate_route_tick(r, T("2026-02-14T08:35:59+08:00"), ev, 64, &n));
	CU_ASSERT_EQUAL(n, 0);
	OK(mediate_route_tick(r, T("2026-02-24T09:00:00+08:00"), ev, 64, &n));
	CU_ASSERT_EQUAL(n, sizeof want / sizeof want[0]);
	for (i = 0; i < n && i < sizeof want / sizeof want[0]; i++) {
		CU_ASSERT_EQUAL(ev[i].kind, want[i].kind);
		CU_ASSERT_EQUAL(ev[i].target, want[i].target);
		CU_ASSERT_EQUAL(ev[i].step, want[i].step);
		CU_ASSERT_EQUAL(ev[i].due, T(want[i].due));
		CU_ASSERT_EQUAL(ev[i].order, 1);
		CU_ASSERT_STRING_EQUAL(ev[i].department, "DJS-CJ");
		if (ev[i].due != T(want[i].due))
			fprintf(stderr, "\n  event %zu: kind %d target %d due %lld\n", i, ev[i].kind, ev[i].target,
			        (long long)ev[i].due);
	}
	/* The supervision notice set the flag; every escalation is in the audit trail. */
	CU_ASSERT(order(r, 1).supervised);
	{
		size_t esc = 0;
		for (i = 0; i < mediate_route_audit_count(r); i++)
			esc += strcmp(mediate_route_audit_at(r, i)->action, "escalate") == 0;
		CU_ASSERT_EQUAL(esc, 4);
	}
	/* Nothing more until the next stage; time may not go back. */
	OK(mediate_route_tick(r, T("2026-02-24T09:00:00+08:00"), ev, 64, &n));
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(mediate_route_tick(r, T("2026-02-24T08:00:00+08:00"), ev, 64, &n), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_tick(r, T("2026-02-24T10:00:00+08:00"), NULL, 1, &n), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_tick(r, T("2026-02-24T10:00:00+08:00"), ev, 1, NULL), MEDIATE_EINVAL);
	/* Acknowledging late stops the acknowledge ladder but not the others. */
	OK(mediate_route_acknowledge(r, 1, "DJS-CJ", T("2026-02-24T10:00:00+08:00"), "刘志强"));
	OK(mediate_route_check_in(r, 1, "DJS-CJ", T("2026-02-24T11:00:00+08:00"), "刘志强"));
	/* Finish: 5d -> Fri 27 Feb 16:00, warning at 80% = 1800 min -> Thu 26 Feb 16:00. */
	OK(mediate_route_tick(r, T("2026-02-26T15:59:59+08:00"), ev, 64, &n));
	CU_ASSERT_EQUAL(n, 0);
	OK(mediate_route_tick(r, T("2026-02-27T16:00:00+08:00"), ev, 64, &n));
	CU_ASSERT_EQUAL_FATAL(n, 3);
	CU_ASSERT_EQUAL(ev[0].kind, MEDIATE_EVENT_WARNING);
	CU_ASSERT_EQUAL(ev[0].target, MEDIATE_TARGET_FINISH);
	CU_ASSERT_EQUAL(ev[0].due, T("2026-02-26T16:00:00+08:00"));
	CU_ASSERT_EQUAL(ev[1].kind, MEDIATE_EVENT_BREACH);
	CU_ASSERT_EQUAL(ev[1].due, T("2026-02-27T16:00:00+08:00"));
	CU_ASSERT_EQUAL(ev[2].step, MEDIATE_ESCALATE_REMINDER);
	mediate_route_free(r);
}

static void
test_tick_order_and_cap(void)
{
	mediate_route *r = engine();
	mediate_route_event ev[4];
	size_t n, total = 0, i;
	int64_t last = 0;
	/* Twelve orders dispatched a minute apart on calendar time. */
	for (i = 0; i < 12; i++) {
		char when[64];
		snprintf(when, sizeof when, "2026-03-07T22:%02zu:00+08:00", i);
		whistle(r, "DJS-HC-G01", "public.safety_hazard", MEDIATE_URGENCY_CRITICAL, when);
		OK(mediate_route_dispatch_auto(r, i + 1, T(when), "派单员 张敏"));
	}
	/* In small batches: every event, earliest first, nothing lost. */
	do {
		OK(mediate_route_tick(r, T("2026-03-08T02:59:00+08:00"), ev, 4, &n));
		for (i = 0; i < n; i++) {
			CU_ASSERT(ev[i].due >= last);
			last = ev[i].due;
		}
		total += n;
	} while (n == 4);
	/* Per order 3 departments x (ack: warn, breach, reminder, supervision at
	 * +4h) + (check in: warn, breach, reminder) = 7 events before 02:59. */
	CU_ASSERT_EQUAL(total, 12 * 3 * 7);
	mediate_route_free(r);
}

/* ---- audit chain ---- */

static mediate_route *
busy_engine(void)
{
	mediate_route *r = engine();
	whistle(r, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 1, T("2026-03-09T09:05:00+08:00"), "派单员 张敏"));
	OK(mediate_route_acknowledge(r, 1, "DJS-CJ", T("2026-03-09T09:20:00+08:00"), "刘志强"));
	OK(mediate_route_check_in(r, 1, "DJS-CJ", T("2026-03-09T11:00:00+08:00"), "刘志强"));
	OK(mediate_route_progress(r, 1, "DJS-CJ", T("2026-03-09T15:00:00+08:00"), "刘志强", "已开挖，正在回填"));
	OK(mediate_route_finish(r, 1, "DJS-CJ", T("2026-03-10T16:00:00+08:00"), "刘志强", "路面修复完毕"));
	OK(mediate_route_rate(r, 1, "DJS-CJ", T("2026-03-11T10:00:00+08:00"), "陈书记", MEDIATE_SATISFIED));
	OK(mediate_route_confirm(r, 1, T("2026-03-11T10:01:00+08:00"), "陈书记"));
	return r;
}

static void
test_audit_tamper(void)
{
	mediate_route *r = busy_engine();
	unsigned char head[MEDIATE_AUDIT_HASH_BYTES], zero[MEDIATE_AUDIT_HASH_BYTES] = { 0 };
	size_t n = mediate_route_audit_count(r), i, bad = 12345;
	mediate_audit_entry *e = malloc(n * sizeof *e), *c = malloc(n * sizeof *c);
	static const unsigned char other_key[32] = "another key of thirty-two bytes";

	CU_ASSERT_EQUAL_FATAL(n, 10);   /* whistle dispatch assign ack check_in progress finish complete rate confirm */
	for (i = 0; i < n; i++)
		e[i] = *mediate_route_audit_at(r, i);
	CU_ASSERT_PTR_NULL(mediate_route_audit_at(r, n));
	OK(mediate_route_audit_head(head, r));
	CU_ASSERT_STRING_EQUAL(e[0].action, "whistle");
	CU_ASSERT_STRING_EQUAL(e[0].to, "pending");
	CU_ASSERT_STRING_EQUAL(e[0].unit, "DJS-HC-G01");
	CU_ASSERT_STRING_EQUAL(e[3].action, "acknowledge");
	CU_ASSERT_STRING_EQUAL(e[3].from, "assigned");
	CU_ASSERT_STRING_EQUAL(e[3].to, "acknowledged");
	CU_ASSERT_STRING_EQUAL(e[3].actor, "刘志强");
	CU_ASSERT_STRING_EQUAL(e[3].department, "DJS-CJ");
	CU_ASSERT_EQUAL(e[3].due, T("2026-03-09T11:05:00+08:00"));
	CU_ASSERT_EQUAL(e[3].seq, 4);
	OK(mediate_audit_verify(&bad, e, n, head, key, sizeof key));
	CU_ASSERT_EQUAL(bad, n);

	/* Edited: a field of entry 5 (the finish result). */
	memcpy(c, e, n * sizeof *c);
	c[6].details = "路面修复完毕。";
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 6);
	memcpy(c, e, n * sizeof *c);
	c[3].time += 1;
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 3);
	memcpy(c, e, n * sizeof *c);
	c[2].due = 0;
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 2);
	memcpy(c, e, n * sizeof *c);
	c[1].hash[0] ^= 1;
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 1);
	/* Removed: entry 4 is dropped. */
	memcpy(c, e, 4 * sizeof *c);
	memcpy(c + 4, e + 5, (n - 5) * sizeof *c);
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n - 1, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 4);
	/* Removed, with the later sequence numbers rewritten to hide it. */
	for (i = 4; i < n - 1; i++)
		c[i].seq = i + 1;
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n - 1, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 4);
	/* Reordered: entries 5 and 6 swapped. */
	memcpy(c, e, n * sizeof *c);
	c[5] = e[6];
	c[6] = e[5];
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 5);
	c[5].seq = 6;
	c[6].seq = 7;
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, c, n, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 5);
	/* Truncated: the last two entries cut off. */
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, e, n - 2, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, n - 2);
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, e, 0, head, key, sizeof key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, e, 0, zero, key, sizeof key), 0);
	/* The wrong key recognises nothing. */
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, e, n, head, other_key, sizeof other_key), MEDIATE_ETAMPER);
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, e, n, head, key, 8), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, NULL, n, head, key, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_audit_verify(&bad, e, n, NULL, key, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_audit_head(NULL, r), MEDIATE_EINVAL);
	/* Deterministic: the same steps give the same chain. */
	{
		mediate_route *r2 = busy_engine();
		unsigned char h2[MEDIATE_AUDIT_HASH_BYTES];
		OK(mediate_route_audit_head(h2, r2));
		CU_ASSERT_EQUAL(memcmp(h2, head, sizeof head), 0);
		mediate_route_free(r2);
	}
	free(e);
	free(c);
	mediate_route_free(r);
}

/* ---- metrics ---- */

static void
test_metrics(void)
{
	mediate_route *r = engine();
	mediate_route_metrics m;
	size_t count;
	int64_t from = T("2026-03-01T00:00:00+08:00"), to = T("2026-04-01T00:00:00+08:00");

	/* Order 1: acknowledged and finished in time, satisfied. */
	whistle(r, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 1, T("2026-03-09T09:00:00+08:00"), "张敏"));
	OK(mediate_route_acknowledge(r, 1, "DJS-CJ", T("2026-03-09T10:00:00+08:00"), "刘志强"));
	OK(mediate_route_check_in(r, 1, "DJS-CJ", T("2026-03-09T11:00:00+08:00"), "刘志强"));
	OK(mediate_route_finish(r, 1, "DJS-CJ", T("2026-03-10T11:00:00+08:00"), "刘志强", "已修复"));
	OK(mediate_route_rate(r, 1, "DJS-CJ", T("2026-03-10T12:00:00+08:00"), "陈书记", MEDIATE_SATISFIED));
	/* Order 2: acknowledged late (2h budget), returned, rerouted; the new
	 * department asks for an extension and finishes late; dissatisfied;
	 * the village reopens. */
	whistle(r, "DJS-GS", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-10T12:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 2, T("2026-03-10T13:30:00+08:00"), "张敏"));
	OK(mediate_route_acknowledge(r, 2, "DJS-CJ", T("2026-03-10T16:00:00+08:00"), "刘志强"));
	OK(mediate_route_return(r, 2, "DJS-CJ", T("2026-03-10T16:10:00+08:00"), "刘志强", MEDIATE_RETURN_NOT_OUR_DUTY,
	                        "电杆倾斜属供电所"));
	OK(mediate_route_reroute(r, 2, "DJS-CJ", T("2026-03-10T16:30:00+08:00"), "张敏", "DJS-GD"));
	OK(mediate_route_acknowledge(r, 2, "DJS-GD", T("2026-03-10T16:40:00+08:00"), "赵工"));
	OK(mediate_route_check_in(r, 2, "DJS-GD", T("2026-03-11T09:00:00+08:00"), "赵工"));
	OK(mediate_route_extension_request(r, 2, "DJS-GD", T("2026-03-11T10:00:00+08:00"), "赵工", 60, "等待停电窗口"));
	OK(mediate_route_extension_decide(r, 2, "DJS-GD", T("2026-03-11T10:30:00+08:00"), "张敏", 1, NULL));
	OK(mediate_route_finish(r, 2, "DJS-GD", T("2026-03-20T10:00:00+08:00"), "赵工", "电杆已扶正加固"));
	OK(mediate_route_rate(r, 2, "DJS-GD", T("2026-03-20T11:00:00+08:00"), "关口村 村主任", MEDIATE_DISSATISFIED));
	OK(mediate_route_reopen(r, 2, T("2026-03-20T11:05:00+08:00"), "关口村 村主任", "拉线仍松动"));

	memset(&m, 0, sizeof m);
	CU_ASSERT_EQUAL(mediate_route_metrics_get(&m, r, NULL, from, to), MEDIATE_EINVAL);   /* version */
	m.version = MEDIATE_ROUTE_METRICS_VERSION;
	OK(mediate_route_metrics_get(&m, r, NULL, from, to));
	CU_ASSERT_EQUAL(m.dispatched, 3);
	CU_ASSERT_EQUAL(m.acknowledged, 3);
	CU_ASSERT_EQUAL(m.acknowledged_in_time, 2);
	CU_ASSERT_EQUAL(m.finished, 2);
	CU_ASSERT_EQUAL(m.finished_in_time, 1);
	CU_ASSERT_EQUAL(m.rated, 2);
	CU_ASSERT_EQUAL(m.satisfied, 1);
	CU_ASSERT_EQUAL(m.dissatisfied, 1);
	CU_ASSERT_EQUAL(m.returns, 1);
	CU_ASSERT_EQUAL(m.extensions_requested, 1);
	CU_ASSERT_EQUAL(m.extensions_approved, 1);
	CU_ASSERT_EQUAL(m.reopens, 1);
	CU_ASSERT_DOUBLE_EQUAL(m.response_rate, 2.0 / 3.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(m.resolution_rate, 0.5, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(m.satisfaction_rate, 0.5, 1e-12);
	OK(mediate_route_metrics_get(&m, r, "DJS-CJ", from, to));
	CU_ASSERT_EQUAL(m.dispatched, 2);
	CU_ASSERT_EQUAL(m.acknowledged_in_time, 1);
	CU_ASSERT_EQUAL(m.returns, 1);
	CU_ASSERT_EQUAL(m.finished, 1);
	CU_ASSERT_EQUAL(m.reopens, 0);
	OK(mediate_route_metrics_get(&m, r, "DJS-GD", from, to));
	CU_ASSERT_EQUAL(m.finished_in_time, 0);
	CU_ASSERT_EQUAL(m.reopens, 1);
	CU_ASSERT_DOUBLE_EQUAL(m.satisfaction_rate, 0.0, 1e-12);
	CU_ASSERT_EQUAL(m.acknowledge_missed, 0);

	/* Order 3 is never acknowledged; by the 27th its deadline (and that of
	 * the redo of order 2) has passed: both count against the response
	 * rate of March, as missed. */
	whistle(r, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-23T09:00:00+08:00");
	OK(mediate_route_dispatch_auto(r, 3, T("2026-03-23T09:00:00+08:00"), "张敏"));
	{
		mediate_route_event ev[16];
		size_t got;
		do {
			OK(mediate_route_tick(r, T("2026-03-27T09:00:00+08:00"), ev, 16, &got));
		} while (got == 16);
	}
	OK(mediate_route_metrics_get(&m, r, NULL, from, to));
	CU_ASSERT_EQUAL(m.acknowledged, 3);
	CU_ASSERT_EQUAL(m.acknowledge_missed, 2);
	CU_ASSERT_DOUBLE_EQUAL(m.response_rate, 2.0 / 5.0, 1e-12);
	CU_ASSERT_EQUAL(m.finish_missed, 0);   /* 5 working days: the 27th 11:05 and the 30th 09:00 */
	OK(mediate_route_metrics_get(&m, r, "DJS-CJ", from, to));
	CU_ASSERT_EQUAL(m.acknowledge_missed, 1);
	/* Acknowledged in April, late: still a miss of March (the audit entry
	 * keeps the deadline), and a late acknowledgement of April. */
	OK(mediate_route_acknowledge(r, 3, "DJS-CJ", T("2026-04-01T09:30:00+08:00"), "刘志强"));
	OK(mediate_route_metrics_get(&m, r, NULL, from, to));
	CU_ASSERT_EQUAL(m.acknowledged, 3);
	CU_ASSERT_EQUAL(m.acknowledge_missed, 2);
	/* By now (1 April) both finish deadlines of March have passed too. */
	CU_ASSERT_EQUAL(m.finish_missed, 2);
	CU_ASSERT_DOUBLE_EQUAL(m.resolution_rate, 1.0 / 4.0, 1e-12);
	OK(mediate_route_metrics_get(&m, r, "DJS-CJ", to, T("2026-05-01T00:00:00+08:00")));
	CU_ASSERT_EQUAL(m.acknowledged, 1);
	CU_ASSERT_EQUAL(m.acknowledged_in_time, 0);
	CU_ASSERT_EQUAL(m.acknowledge_missed, 0);
	CU_ASSERT_DOUBLE_EQUAL(m.response_rate, 0.0, 1e-12);
	/* A period before anything happened. */
	OK(mediate_route_metrics_get(&m, r, NULL, T("2026-02-01T00:00:00+08:00"), from));
	CU_ASSERT_EQUAL(m.dispatched, 0);
	CU_ASSERT_DOUBLE_EQUAL(m.response_rate, 0.0, 1e-12);
	CU_ASSERT_EQUAL(mediate_route_metrics_get(NULL, r, NULL, from, to), MEDIATE_EINVAL);

	/* Whistle rate per village / community (a grid counts for its community). */
	OK(mediate_route_whistle_count(&count, r, "DJS-HC", from, to));
	CU_ASSERT_EQUAL(count, 2);
	OK(mediate_route_whistle_count(&count, r, "DJS-GS", from, to));
	CU_ASSERT_EQUAL(count, 1);
	OK(mediate_route_whistle_count(&count, r, "DJS", from, to));
	CU_ASSERT_EQUAL(count, 3);
	OK(mediate_route_whistle_count(&count, r, "DJS", from, T("2026-03-10T00:00:00+08:00")));
	CU_ASSERT_EQUAL(count, 1);
	CU_ASSERT_EQUAL(mediate_route_whistle_count(&count, r, "DJS-QQ", from, to), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_route_whistle_count(NULL, r, "DJS", from, to), MEDIATE_EINVAL);
	mediate_route_free(r);
}

/* ---- allocation failure ---- */

static long fail_after = -1;   /* allocations left before one fails; -1: never */

static void *
f_malloc(size_t n, void *u)
{
	(void)u;
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	return malloc(n);
}

static void *
f_realloc(void *p, size_t n, void *u)
{
	(void)u;
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	return realloc(p, n);
}

static void
f_free(void *p, void *u)
{
	(void)u;
	free(p);
}

static int64_t at(int k) { return T("2026-03-09T09:00:00+08:00") + (int64_t)k * 600; }

static int st_whistle(mediate_route *r)
{
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	uint64_t no;
	w.unit = "DJS-HC-G01"; w.raiser = "网格员 李秀英"; w.category = "public.safety_hazard";
	w.urgency = MEDIATE_URGENCY_CRITICAL; w.place = "花村街配电箱旁"; w.description = "配电箱门锈蚀脱落，电线裸露";
	w.time = at(0);
	return mediate_route_whistle(&no, r, &w);
}
static int st_dispatch(mediate_route *r) { return mediate_route_dispatch_auto(r, 1, at(1), "派单员 张敏"); }
static int st_ack(mediate_route *r) { return mediate_route_acknowledge(r, 1, "DJS-AJ", at(2), "应急办 周涛"); }
static int st_ack2(mediate_route *r) { return mediate_route_acknowledge(r, 1, "DJS-PS", at(2), "民警 吴刚"); }
static int st_return(mediate_route *r) { return mediate_route_return(r, 1, "DJS-GD", at(2), "供电所 赵工", MEDIATE_RETURN_DUPLICATE, "已由另一工单处理"); }
static int st_force(mediate_route *r) { return mediate_route_force(r, 1, "DJS-GD", at(3), "派单员 张敏", "须现场配合断电"); }
static int st_pause(mediate_route *r) { return mediate_route_pause(r, 1, "DJS-AJ", at(3), "应急办 周涛", "等待物业开门"); }
static size_t tick_n;
static int st_tick(mediate_route *r)
{
	mediate_route_event ev[64];
	tick_n = 0;
	return mediate_route_tick(r, at(40), ev, 64, &tick_n);
}
static int st_resume(mediate_route *r) { return mediate_route_resume(r, 1, "DJS-AJ", at(41), "应急办 周涛"); }
static int st_checkin(mediate_route *r) { return mediate_route_check_in(r, 1, "DJS-AJ", at(42), "应急办 周涛"); }
static int st_extreq(mediate_route *r) { return mediate_route_extension_request(r, 1, "DJS-AJ", at(43), "应急办 周涛", 120, "需供电所配合"); }
static int st_extok(mediate_route *r) { return mediate_route_extension_decide(r, 1, "DJS-AJ", at(44), "派单员 张敏", 1, NULL); }
static int st_recat(mediate_route *r) { return mediate_route_recategorize(r, 1, at(45), "派单员 张敏", "public.road", MEDIATE_URGENCY_NORMAL); }
static int st_supervise(mediate_route *r) { return mediate_route_supervise(r, 1, at(46), "镇党委 督查室", 0); }

static void
test_allocation_failure(void)
{
	static int (*const steps[])(mediate_route *) = { st_whistle, st_dispatch, st_ack, st_ack2, st_return, st_force,
		                                         st_pause, st_tick, st_resume, st_checkin, st_extreq, st_extok,
		                                         st_recat, st_supervise };
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, f_malloc, f_realloc, f_free, NULL };
	mediate_policy *p = NULL;
	mediate_route *r = NULL;
	size_t i, failures = 0;
	long k;
	char *doc;
	size_t len;
	int rc;

	OK(mediate_allocator_set(&a));
	/* The policy with calendars, sla and routing. */
	doc = test_read_file(test_data("route/policy.yaml"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	for (k = 0;; k++) {
		fail_after = k;
		rc = mediate_policy_load_buffer(&p, doc, len, "policy.yaml", NULL, NULL);
		fail_after = -1;
		if (rc == 0)
			break;
		CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
		CU_ASSERT_PTR_NULL(p);
		failures++;
		if (k > 100000)
			break;
	}
	free(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	for (k = 0;; k++) {
		fail_after = k;
		rc = mediate_route_new(&r, p, key, sizeof key);
		fail_after = -1;
		if (rc == 0)
			break;
		CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
		failures++;
	}
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		for (k = 0; k < 1000; k++) {
			if (k == 0 && steps[i] == st_supervise)
				CU_ASSERT(order(r, 1).supervised);   /* set by the supervision notices */
			size_t naudit = mediate_route_audit_count(r);
			unsigned char h0[MEDIATE_AUDIT_HASH_BYTES], h1[MEDIATE_AUDIT_HASH_BYTES];
			mediate_route_audit_head(h0, r);
			fail_after = k;
			rc = steps[i](r);
			fail_after = -1;
			if (rc == 0 && steps[i] == st_tick && tick_n > 0) {
				/* Some events came out before memory ran out: tick again. */
				k = -1;
				continue;
			}
			if (rc == 0)
				break;
			if (rc != MEDIATE_ENOMEM)
				fprintf(stderr, "\n  step %zu: %d %s\n", i, rc, mediate_error_last()->text);
			CU_ASSERT_EQUAL_FATAL(rc, MEDIATE_ENOMEM);
			failures++;
			CU_ASSERT_EQUAL(mediate_route_audit_count(r), naudit);
			mediate_route_audit_head(h1, r);
			CU_ASSERT_EQUAL(memcmp(h0, h1, sizeof h0), 0);
		}
		CU_ASSERT_EQUAL(rc, 0);
	}
	CU_ASSERT(failures > 20);
	{
		size_t n = mediate_route_audit_count(r);
		mediate_audit_entry *e = malloc(n * sizeof *e);
		unsigned char head[MEDIATE_AUDIT_HASH_BYTES];
		for (i = 0; i < n; i++)
			e[i] = *mediate_route_audit_at(r, i);
		mediate_route_audit_head(head, r);
		CU_ASSERT_EQUAL(mediate_audit_verify(NULL, e, n, head, key, sizeof key), 0);
		free(e);
	}
	mediate_route_free(r);
	mediate_policy_free(p);
	OK(mediate_allocator_set(NULL));
}

/* ---- the sample county ---- */

static void
test_sample_county(void)
{
	mediate_policy *county = NULL;
	mediate_route *r = NULL;
	mediate_error err;
	mediate_day_kind k;
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	uint64_t no;
	const mediate_calendar *c;

	if (mediate_policy_load_file(&county, example_data("county.yaml"), NULL, &err) != 0) {
		char buf[1024];
		mediate_error_format(buf, sizeof buf, &err);
		fprintf(stderr, "\n  %s\n", buf);
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(county);
	c = mediate_policy_calendar_find(county, "cn-office");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	OK(mediate_calendar_day_kind(&k, c, 2026, 10, 10));
	CU_ASSERT_EQUAL(k, MEDIATE_DAY_MAKEUP);
	OK(mediate_calendar_day_kind(&k, c, 2026, 2, 17));
	CU_ASSERT_EQUAL(k, MEDIATE_DAY_HOLIDAY);
	OK(mediate_route_new(&r, county, key, sizeof key));
	w.unit = "YZ-ZH-SZQ-G01";
	w.raiser = "宋诏桥社区网格员 俞丽娟";
	w.category = "public.road";
	w.place = "宋诏桥路与天童南路交叉口";
	w.description = "人行道地砖松动，老人绊倒";
	w.time = T("2026-11-03T09:30:00+08:00");
	OK(mediate_route_whistle(&no, r, &w));
	OK(mediate_route_dispatch_auto(r, no, T("2026-11-03T09:40:00+08:00"), "综治中心 派单员"));
	CU_ASSERT_STRING_EQUAL(task(r, no, 0).department, "YZ-ZH-CJ");
	CU_ASSERT_EQUAL(task(r, no, 0).due[0], T("2026-11-03T11:40:00+08:00"));
	mediate_route_free(r);
	mediate_policy_free(county);
}

/* ---- the timer queue against a brute-force model ---- */

static void
test_timer_queue(void)
{
	enum { N = 300 };
	mi_timerq q;
	int64_t due[N];
	uint64_t seq[N];
	int live[N];
	uint64_t next = 1;
	unsigned rng = 7;
	int round, op;

	for (round = 0; round < 2; round++) {
		memset(live, 0, sizeof live);
		mi_timerq_init(&q);
		if (round == 1) {
			/* Start near the end of the 32-bit sequence numbers: they get renumbered. */
			q.next_seq = (uint64_t)UINT32_MAX - 50;
		}
		next = 1;
		for (op = 0; op < 20000; op++) {
			uint32_t id;
			rng = rng * 1103515245u + 12345u;
			id = (rng >> 8) % N;
			rng = rng * 1103515245u + 12345u;
			switch ((rng >> 8) % 4) {
			case 0:
			case 1:   /* set or move, with many equal due times */
				rng = rng * 1103515245u + 12345u;
				due[id] = (int64_t)((rng >> 8) % 50);
				seq[id] = next++;
				live[id] = 1;
				CU_ASSERT_EQUAL_FATAL(mi_timerq_set(&q, id, due[id]), 0);
				break;
			case 2:
				mi_timerq_cancel(&q, id);
				live[id] = 0;
				break;
			default: {
				const mi_timer *t = mi_timerq_peek(&q);
				int best = -1, i;
				for (i = 0; i < N; i++)
					if (live[i] && (best < 0 || due[i] < due[best] || (due[i] == due[best] && seq[i] < seq[best])))
						best = i;
				if (best < 0) {
					CU_ASSERT_PTR_NULL(t);
					break;
				}
				CU_ASSERT_PTR_NOT_NULL_FATAL(t);
				CU_ASSERT_EQUAL(t->id, (uint32_t)best);
				CU_ASSERT_EQUAL(t->due, due[best]);
				mi_timerq_pop(&q);
				live[best] = 0;
			}
			}
			if (op % 97 == 0)
				CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		}
		CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		if (round == 1)
			CU_ASSERT(q.next_seq < (uint64_t)UINT32_MAX);   /* it was renumbered */
		mi_timerq_free(&q);
	}
}

/* The model's earliest live timer, or -1. */
static int
model_min(const int64_t *due, const uint64_t *seq, const int *live, int n)
{
	int best = -1, i;
	for (i = 0; i < n; i++)
		if (live[i] && (best < 0 || due[i] < due[best] || (due[i] == due[best] && seq[i] < seq[best])))
			best = i;
	return best;
}

static uint64_t
xrand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Due times that land in every part of the calendar queue: the current slot,
 * the wheel, beyond the wheel, the past, slot edges, bursts and the extremes. */
static int64_t
spread_due(uint64_t *rng, int64_t now, const mi_timerq *q)
{
	const int64_t slot = (int64_t)1 << MI_TIMERQ_SHIFT;
	const int64_t wheel = slot * MI_TIMERQ_SLOTS;
	uint64_t r = xrand(rng);
	switch (r % 10) {
	case 0:
		return now + 3600;                                     /* a burst of equal times */
	case 1:
		return now - (int64_t)(xrand(rng) % (uint64_t)(3 * wheel));   /* the past, up to 145 days */
	case 2:
		return now + wheel - 2 * slot + (int64_t)(xrand(rng) % (uint64_t)(4 * slot));   /* the wheel's end */
	case 3:
		return now + (int64_t)(xrand(rng) % (uint64_t)(20 * wheel));  /* up to 2.7 years */
	case 4: {
		static const int64_t edge[] = { INT64_MIN, INT64_MIN + 1, -1, 0, 1, INT64_MAX - 1, INT64_MAX };
		return edge[(r >> 8) % 7];
	}
	case 6: {
		/* Either side of the wheel's end and of the current slot's end, as the queue stands. */
		static const uint64_t off[] = { MI_TIMERQ_SLOTS, MI_TIMERQ_SLOTS - 1, MI_TIMERQ_SLOTS + 1, 0, 1 };
		uint64_t sl = q->cur_slot + off[(r >> 8) % 5];
		uint64_t u = (sl << MI_TIMERQ_SHIFT) + ((r >> 16) % 2 ? (uint64_t)slot - 1 : 0);
		return (int64_t)(u ^ UINT64_C(0x8000000000000000));
	}
	case 5:
		return (now / slot + (int64_t)((r >> 8) % 5)) * slot - 1 + (int64_t)((r >> 16) % 3);   /* slot edges */
	case 7:
		return now + (int64_t)(xrand(rng) % 4) * 86400;   /* more ties, in the wheel */
	default:
		return now + (int64_t)(xrand(rng) % (uint64_t)(30 * 86400));  /* 30 days ahead */
	}
}

/* Random sets, moves, cancels, pops and ticks against the model, with due
 * times in every part of the queue; also across a renumbering. */
static void
test_timer_queue_spread(void)
{
	enum { N = 400 };
	mi_timerq q;
	int64_t due[N];
	uint64_t seq[N], next, rng = 0x9E3779B97F4A7C15ULL;
	int live[N];
	int round, op;

	for (round = 0; round < 3; round++) {
		int64_t now = INT64_C(1772323200);   /* 2026-03-01T08:00:00+08:00 */
		memset(live, 0, sizeof live);
		mi_timerq_init(&q);
		if (round == 1)
			q.next_seq = (uint64_t)UINT32_MAX - 700;   /* renumbered mid-way, with timers everywhere */
		next = 1;
		for (op = 0; op < 30000; op++) {
			uint32_t id = (uint32_t)(xrand(&rng) % N);
			unsigned kind = (unsigned)(xrand(&rng) % 10);
			if (kind < 5) {
				due[id] = spread_due(&rng, now, &q);
				seq[id] = next++;
				live[id] = 1;
				CU_ASSERT_EQUAL_FATAL(mi_timerq_set(&q, id, due[id]), 0);
			} else if (kind < 7) {
				mi_timerq_cancel(&q, id);
				live[id] = 0;
			} else if (kind < 9) {
				const mi_timer *t = mi_timerq_peek(&q);
				int best = model_min(due, seq, live, N);
				if (best < 0) {
					CU_ASSERT_PTR_NULL(t);
				} else {
					CU_ASSERT_PTR_NOT_NULL_FATAL(t);
					CU_ASSERT_EQUAL_FATAL(t->id, (uint32_t)best);
					CU_ASSERT_EQUAL(t->due, due[best]);
					mi_timerq_pop(&q);
					live[best] = 0;
				}
			} else {
				/* A tick: everything due by now, in order; the clock moves on. */
				const mi_timer *t;
				int best;
				now += (int64_t)(xrand(&rng) % (round == 2 ? 40u * 86400u : 86400u));
				while ((best = model_min(due, seq, live, N)) >= 0 && due[best] <= now) {
					t = mi_timerq_peek(&q);
					CU_ASSERT_PTR_NOT_NULL_FATAL(t);
					CU_ASSERT_EQUAL_FATAL(t->id, (uint32_t)best);
					mi_timerq_pop(&q);
					live[best] = 0;
				}
				t = mi_timerq_peek(&q);
				if (best < 0) {
					CU_ASSERT_PTR_NULL(t);
				} else {
					CU_ASSERT_PTR_NOT_NULL_FATAL(t);
					CU_ASSERT(t->due > now);
					CU_ASSERT_EQUAL(t->id, (uint32_t)best);
				}
			}
			if (op % 211 == 0)
				CU_ASSERT_EQUAL_FATAL(mi_timerq_check(&q), 0);
			if (round == 1 && op % 1000 == 999)
				q.next_seq = (uint64_t)UINT32_MAX - 3;   /* renumber again soon */
		}
		CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		if (round == 1) {
			CU_ASSERT(q.next_seq < (uint64_t)UINT32_MAX);   /* it was renumbered */
		}
		/* Draining gives the model's order. */
		for (;;) {
			const mi_timer *t = mi_timerq_peek(&q);
			int best = model_min(due, seq, live, N);
			if (best < 0) {
				CU_ASSERT_PTR_NULL(t);
				break;
			}
			CU_ASSERT_PTR_NOT_NULL_FATAL(t);
			CU_ASSERT_EQUAL_FATAL(t->id, (uint32_t)best);
			mi_timerq_pop(&q);
			live[best] = 0;
		}
		CU_ASSERT_EQUAL(q.count, 0);
		CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		mi_timerq_free(&q);
	}
}

/* Bulk loads in the orders that stress the window: ascending, descending,
 * one due time for all (ties by set order), half in the far future, then a
 * move of every timer; each drains in (due, seq) order. */
static void
test_timer_queue_bulk(void)
{
	enum { N = 20000 };
	const int64_t t0 = INT64_C(1772323200);
	int64_t *due = malloc(N * sizeof *due);
	uint32_t *order = malloc(N * sizeof *order);
	int pattern;

	CU_ASSERT_PTR_NOT_NULL_FATAL(due);
	CU_ASSERT_PTR_NOT_NULL_FATAL(order);
	for (pattern = 0; pattern < 5; pattern++) {
		mi_timerq q;
		uint32_t i, got = 0;
		int64_t last_due = INT64_MIN;
		uint32_t last_rank = 0;
		uint32_t *rank = malloc(N * sizeof *rank);   /* order of the last set */
		CU_ASSERT_PTR_NOT_NULL_FATAL(rank);
		mi_timerq_init(&q);
		for (i = 0; i < N; i++) {
			uint32_t id = pattern == 1 ? N - 1 - i : i;
			switch (pattern) {
			case 0: due[id] = t0 + (int64_t)i * 97; break;                 /* ascending, 22 days */
			case 1: due[id] = t0 + (int64_t)(N - 1 - i) * 389; break;      /* descending, 90 days */
			case 2: due[id] = t0; break;                                    /* all at once */
			default: due[id] = t0 + (int64_t)((i * 7919u) % N) * (i % 2 ? 13 : 7001); break;
			}
			rank[id] = i;
			if (i == N / 2)
				q.next_seq = (uint64_t)UINT32_MAX + 1;   /* renumbered now, half loaded */
			CU_ASSERT_EQUAL_FATAL(mi_timerq_set(&q, id, due[id]), 0);
		}
		if (pattern == 4) {
			/* Move every timer: far ones near, near ones far, ties by the new order. */
			for (i = 0; i < N; i++) {
				uint32_t id = (i * 7u) % N;
				due[id] = due[id] > t0 + 86400 * 60 ? t0 + (int64_t)(i % 50) : t0 + 86400 * 200 - (int64_t)(i % 50);
				rank[id] = N + i;
				CU_ASSERT_EQUAL_FATAL(mi_timerq_set(&q, id, due[id]), 0);
			}
		}
		CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		for (;;) {
			const mi_timer *t = mi_timerq_peek(&q);
			if (t == NULL)
				break;
			CU_ASSERT_EQUAL_FATAL(t->due, due[t->id]);
			CU_ASSERT_FATAL(t->due > last_due || (t->due == last_due && rank[t->id] > last_rank));
			last_due = t->due;
			last_rank = rank[t->id];
			order[got++] = t->id;
			mi_timerq_pop(&q);
			if (got % 4999 == 0)
				CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		}
		CU_ASSERT_EQUAL(got, (uint32_t)N);
		CU_ASSERT_EQUAL(mi_timerq_check(&q), 0);
		if (pattern == 2) {
			for (i = 0; i < N; i++)
				CU_ASSERT_EQUAL(order[i], i);
		}
		mi_timerq_free(&q);
		free(rank);
	}
	free(due);
	free(order);
}


/*
 * A random walk over every call of the engine on the sample county, most
 * of the calls refused (wrong department, wrong state, time going back,
 * invalid text or enumeration): every refused call leaves the audit trail,
 * its head, the order count and the order it named as they were, and the
 * trail always verifies.  Deterministic (a fixed xorshift seed).
 */
static unsigned long long walk_rs;

static unsigned long long
walk_rnd(void)
{
	walk_rs ^= walk_rs << 13;
	walk_rs ^= walk_rs >> 7;
	walk_rs ^= walk_rs << 17;
	return walk_rs;
}

#define WALK_PICK(a) ((a)[walk_rnd() % (sizeof(a) / sizeof((a)[0]))])

static void
test_random_walk(void)
{
	static const char *const depts[] = { "YZ-GA", "YZ-E-GD", "YZ-E-RQ", "YZ-ZF", "YZ-ZJ", "YZ-E-ZLS", "YZ-E-HW",
		                             "YZ-ZH-CJ", "YZ-ZGM-CJ", "YZ-NOPE" };
	static const char *const units[] = { "YZ-DW-TT-G01", "YZ-JS-ZMT-G02", "YZ-ZH", "YZ-ZF", "YZ-XX" };
	static const char *const cats[] = { "public.safety_hazard", "public.drainage", "public.sanitation", "public.road",
		                            "public.environment", "bogus", "family" };
	static const char *const texts[] = { "路面塌陷", "河道漂浮物多，疑有上游倾倒", "现场已处理", "", NULL,
		                             "\xff\xfe", "a\x01" "b" };
	mediate_policy *p = NULL;
	mediate_route *r = NULL;
	unsigned char wkey[32];
	int64_t now = T("2026-11-02T08:00:00+08:00");
	unsigned long ok = 0, refused = 0, changed = 0;
	int it;

	memset(wkey, 0x5a, sizeof wkey);
	walk_rs = 0x2545F4914F6CDD1DULL;
	CU_ASSERT_EQUAL_FATAL(mediate_policy_load_file(&p, example_data("county.yaml"), NULL, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(mediate_route_new(&r, p, wkey, sizeof wkey), 0);
	for (it = 0; it < 20000; it++) {
		uint64_t nord = mediate_route_order_count(r), no;
		const char *d = WALK_PICK(depts);
		const char *actor = walk_rnd() % 20 ? "派单员 王倩" : (walk_rnd() % 2 ? "" : NULL);
		int64_t t = now + (int64_t)(walk_rnd() % 7200) - (walk_rnd() % 50 == 0 ? 86400 : 0);
		int op = (int)(walk_rnd() % 24), rc = 0, had;
		size_t naudit;
		unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
		mediate_order_info o1, o2;

		no = nord == 0 ? 1 : walk_rnd() % 10 == 0 ? 1 + walk_rnd() % (nord + 1)
		                                          : nord > 5 ? nord - walk_rnd() % 5 : 1 + walk_rnd() % nord;
		o1.version = o2.version = MEDIATE_ORDER_INFO_VERSION;
		had = mediate_route_order_info(&o1, r, no) == 0;
		if (had && o1.task_count > 0 && walk_rnd() % 10 < 8) {
			mediate_task_info ti;
			ti.version = MEDIATE_TASK_INFO_VERSION;
			if (mediate_route_task_info(&ti, r, no, walk_rnd() % o1.task_count) == 0)
				d = ti.department;
		}
		naudit = mediate_route_audit_count(r);
		mediate_route_audit_head(h1, r);
		switch (op) {
		case 0: case 1: case 2: case 3: {
			mediate_whistle w = MEDIATE_WHISTLE_INIT;
			uint64_t got = 0;
			w.unit = walk_rnd() % 8 ? units[walk_rnd() % 2] : WALK_PICK(units);
			w.raiser = walk_rnd() % 10 ? "李秀英" : NULL;
			w.category = walk_rnd() % 8 ? cats[walk_rnd() % 5] : WALK_PICK(cats);
			w.urgency = (mediate_urgency)(walk_rnd() % 8 ? 1 + walk_rnd() % 3 : walk_rnd() % 5);
			w.place = WALK_PICK(texts);
			w.description = WALK_PICK(texts);
			w.time = t;
			rc = mediate_route_whistle(&got, r, &w);
			break;
		}
		case 4: case 5: rc = mediate_route_dispatch_auto(r, no, t, actor); break;
		case 6: {
			const char *as[3];
			as[0] = WALK_PICK(depts);
			as[1] = WALK_PICK(depts);
			as[2] = WALK_PICK(depts);
			rc = mediate_route_dispatch(r, no, t, actor, d, as, walk_rnd() % 4, (mediate_dispatch_level)(walk_rnd() % 4));
			break;
		}
		case 7: rc = mediate_route_acknowledge(r, no, d, t, actor); break;
		case 8: rc = mediate_route_check_in(r, no, d, t, actor); break;
		case 9: rc = mediate_route_progress(r, no, d, t, actor, WALK_PICK(texts)); break;
		case 10: rc = mediate_route_finish(r, no, d, t, actor, WALK_PICK(texts)); break;
		case 11:
			rc = mediate_route_return(r, no, d, t, actor, (mediate_return_reason)(walk_rnd() % 6), WALK_PICK(texts));
			break;
		case 12: rc = mediate_route_reroute(r, no, d, t, actor, WALK_PICK(depts)); break;
		case 13: rc = mediate_route_force(r, no, d, t, actor, WALK_PICK(texts)); break;
		case 14:
			rc = mediate_route_extension_request(r, no, d, t, actor, (int64_t)(walk_rnd() % 3000) - 100,
			                                     WALK_PICK(texts));
			break;
		case 15: rc = mediate_route_extension_decide(r, no, d, t, actor, (int)(walk_rnd() % 3), WALK_PICK(texts)); break;
		case 16: rc = mediate_route_pause(r, no, d, t, actor, WALK_PICK(texts)); break;
		case 17: rc = mediate_route_resume(r, no, d, t, actor); break;
		case 18: rc = mediate_route_rate(r, no, d, t, actor, (mediate_satisfaction)(walk_rnd() % 5)); break;
		case 19: rc = mediate_route_confirm(r, no, t, actor); break;
		case 20: rc = mediate_route_reopen(r, no, t, actor, WALK_PICK(texts)); break;
		case 21: rc = mediate_route_supervise(r, no, t, actor, (int)(walk_rnd() % 3)); break;
		case 22: rc = mediate_route_recategorize(r, no, t, actor, WALK_PICK(cats), (mediate_urgency)(walk_rnd() % 5)); break;
		default: {
			mediate_route_event ev[8];
			size_t n = 0;
			t += (int64_t)(walk_rnd() % 3) * 86400;
			rc = mediate_route_tick(r, t, ev, walk_rnd() % 9, &n);
			break;
		}
		}
		mediate_route_audit_head(h2, r);
		if (rc != 0) {
			int moved = mediate_route_audit_count(r) != naudit || memcmp(h1, h2, sizeof h1) != 0 ||
			            mediate_route_order_count(r) != nord;
			if (!moved && had)
				moved = mediate_route_order_info(&o2, r, no) != 0 || o1.state != o2.state ||
				        o1.supervised != o2.supervised || o1.task_count != o2.task_count ||
				        o1.urgency != o2.urgency || o1.level != o2.level || o1.reopened != o2.reopened;
			if (moved && changed++ == 0)
				fprintf(stderr, "\n  step %d: call %d refused (%s) but changed the engine\n", it, op,
				        mediate_error_last()->text);
			refused++;
		} else {
			ok++;
			if (t > now)
				now = t;
		}
		if (walk_rnd() % 40 == 0)
			now += 3600 * (int64_t)(walk_rnd() % 30);
	}
	CU_ASSERT_EQUAL(changed, 0);
	CU_ASSERT(ok > 4000);          /* the walk does get somewhere */
	CU_ASSERT(mediate_route_order_count(r) > 1000);
	{
		unsigned char h[MEDIATE_AUDIT_HASH_BYTES];
		size_t bad = 0;
		OK(mediate_route_audit_head(h, r));
		OK(mediate_audit_verify(&bad, mediate_route_audit_at(r, 0), mediate_route_audit_count(r), h, wkey,
		                        sizeof wkey));
	}
	mediate_route_free(r);
	mediate_policy_free(p);
}

int
suite_route(void)
{
	CU_pSuite s = CU_add_suite("route", setup, teardown);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_new_and_names);
	TEST_ADD(s, test_whistle_refused);
	TEST_ADD(s, test_dispatch_auto);
	TEST_ADD(s, test_transition_matrix);
	TEST_ADD(s, test_state_effects);
	TEST_ADD(s, test_deadlines_working_time);
	TEST_ADD(s, test_pause_and_extension);
	TEST_ADD(s, test_tick_escalation);
	TEST_ADD(s, test_tick_order_and_cap);
	TEST_ADD(s, test_audit_tamper);
	TEST_ADD(s, test_metrics);
	TEST_ADD(s, test_allocation_failure);
	TEST_ADD(s, test_sample_county);
	TEST_ADD(s, test_timer_queue);
	TEST_ADD(s, test_timer_queue_spread);
	TEST_ADD(s, test_timer_queue_bulk);
	TEST_ADD(s, test_random_walk);
	return 0;
}
