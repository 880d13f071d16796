# SPDX-License-Identifier: MIT
"""Whistle -> dispatch -> report through Python: calendars with the 2026
holidays, routing, every step of an order, refused steps, tick, metrics
and tamper detection of the audit chain (mediate.capi, one to one)."""

import os
import unittest

import mediate
from mediate import capi

from bindtest import EXAMPLES

COUNTY = os.path.join(EXAMPLES, "county.yaml")
KEY = b"Yinzhou whistle audit key 2026!!"


def T(text):
    return capi.mediate_time_parse(text)[0]


class CalendarTest(unittest.TestCase):
    def setUp(self):
        self.p = capi.mediate_policy_load_file(COUNTY, None)
        self.c = capi.mediate_policy_calendar_find(self.p, "cn-office")

    def tearDown(self):
        capi.mediate_policy_free(self.p)

    def test_lookup(self):
        self.assertEqual(capi.mediate_policy_calendar_count(self.p), 1)
        self.assertEqual(capi.mediate_calendar_code(capi.mediate_policy_calendar_at(self.p, 0)), "cn-office")
        self.assertIsNone(capi.mediate_policy_calendar_at(self.p, 1))
        self.assertIsNone(capi.mediate_policy_calendar_find(self.p, "nope"))
        self.assertEqual(capi.mediate_calendar_name(self.c, "zh"), "机关工作时间")
        self.assertEqual(capi.mediate_calendar_offset(self.c), 480)

    def test_days_and_deadlines(self):
        self.assertEqual(capi.mediate_calendar_day_kind(self.c, 2026, 10, 10), capi.MEDIATE_DAY_MAKEUP)
        self.assertEqual(capi.mediate_calendar_day_kind(self.c, 2026, 10, 1), capi.MEDIATE_DAY_HOLIDAY)
        self.assertEqual(capi.mediate_calendar_day_kind(self.c, 2026, 10, 11), capi.MEDIATE_DAY_REST)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_calendar_day_kind(self.c, 2026, 2, 30)
        # Over National Day: 90 minutes on 30 September, 30 on 8 October.
        self.assertEqual(capi.mediate_calendar_add_minutes(self.c, T("2026-09-30T16:00:00+08:00"), 120),
                         T("2026-10-08T09:00:00+08:00"))
        self.assertEqual(capi.mediate_calendar_minutes_between(self.c, T("2026-09-30T16:00:00+08:00"),
                                                               T("2026-10-08T09:00:00+08:00")), 120)
        self.assertEqual(capi.mediate_calendar_next_working(self.c, T("2026-09-30T18:00:00+08:00")),
                         T("2026-10-08T08:30:00+08:00"))
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_calendar_add_minutes(self.c, 0, -1)


class RouteTest(unittest.TestCase):
    def setUp(self):
        self.p = capi.mediate_policy_load_file(COUNTY, None)
        self.r = capi.mediate_route_new(self.p, KEY)

    def tearDown(self):
        capi.mediate_route_free(self.r)
        capi.mediate_policy_free(self.p)

    def whistle(self, when="2026-11-03T09:30:00+08:00", category="public.road", urgency=None):
        w = capi.mediate_whistle()
        w.version = capi.MEDIATE_WHISTLE_VERSION
        w.unit = "YZ-ZH-SZQ-G01"
        w.raiser = "宋诏桥社区网格员 俞丽娟"
        w.category = category
        w.urgency = urgency or capi.MEDIATE_URGENCY_NORMAL
        w.place = "宋诏桥路12号"
        w.description = "人行道地砖松动"
        w.time = T(when)
        return capi.mediate_route_whistle(self.r, w)

    def test_names(self):
        self.assertEqual(capi.mediate_urgency_name(capi.MEDIATE_URGENCY_URGENT), "urgent")
        self.assertEqual(capi.mediate_urgency_parse("critical"), capi.MEDIATE_URGENCY_CRITICAL)
        self.assertEqual(capi.mediate_order_state_name(capi.MEDIATE_ORDER_CLOSED), "closed")
        self.assertEqual(capi.mediate_task_state_name(capi.MEDIATE_TASK_ON_SITE), "on_site")
        self.assertEqual(capi.mediate_escalation_name(capi.MEDIATE_ESCALATE_SUPERVISION), "supervision")
        self.assertEqual(capi.mediate_return_reason_name(capi.MEDIATE_RETURN_DUPLICATE), "duplicate")
        self.assertEqual(capi.mediate_return_reason_parse("outside_area"), capi.MEDIATE_RETURN_OUTSIDE_AREA)
        self.assertEqual(capi.mediate_satisfaction_name(capi.MEDIATE_SATISFIED), "satisfied")
        self.assertEqual(capi.mediate_satisfaction_parse("dissatisfied"), capi.MEDIATE_DISSATISFIED)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_urgency_parse("very")

    def test_new_refuses_a_short_key(self):
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_route_new(self.p, b"short")
        with self.assertRaises(TypeError):
            capi.mediate_route_new(self.p, "a text is not a key of bytes")

    def test_full_loop(self):
        o = self.whistle()
        self.assertEqual(o, 1)
        self.assertEqual(capi.mediate_route_order_count(self.r), 1)
        capi.mediate_route_dispatch_auto(self.r, o, T("2026-11-03T09:40:00+08:00"), "派单员 郑洁")
        info = capi.mediate_route_order_info(self.r, o)
        self.assertEqual(info.state, capi.MEDIATE_ORDER_DISPATCHED)
        self.assertEqual(info.unit, "YZ-ZH-SZQ-G01")
        self.assertEqual(info.task_count, 1)
        t = capi.mediate_route_task_info(self.r, o, 0)
        self.assertEqual(t.department, "YZ-ZH-CJ")
        self.assertEqual(t.state, capi.MEDIATE_TASK_ASSIGNED)
        # Refused steps raise and change nothing.
        with self.assertRaises(mediate.InvalidState):
            capi.mediate_route_check_in(self.r, o, "YZ-ZH-CJ", T("2026-11-03T09:50:00+08:00"), "徐斌")
        with self.assertRaises(mediate.NotFound):
            capi.mediate_route_acknowledge(self.r, o, "YZ-ZGM-CJ", T("2026-11-03T09:50:00+08:00"), "徐斌")
        capi.mediate_route_acknowledge(self.r, o, "YZ-ZH-CJ", T("2026-11-03T10:00:00+08:00"), "徐斌")
        capi.mediate_route_pause(self.r, o, "YZ-ZH-CJ", T("2026-11-03T10:10:00+08:00"), "徐斌", "等待业主开门")
        self.assertTrue(capi.mediate_route_task_info(self.r, o, 0).paused)
        capi.mediate_route_resume(self.r, o, "YZ-ZH-CJ", T("2026-11-03T10:40:00+08:00"), "徐斌")
        capi.mediate_route_check_in(self.r, o, "YZ-ZH-CJ", T("2026-11-03T11:00:00+08:00"), "徐斌")
        capi.mediate_route_progress(self.r, o, "YZ-ZH-CJ", T("2026-11-03T11:30:00+08:00"), "徐斌", "已设置围挡")
        capi.mediate_route_extension_request(self.r, o, "YZ-ZH-CJ", T("2026-11-03T11:40:00+08:00"), "徐斌", 450,
                                             "地砖需定制")
        capi.mediate_route_extension_decide(self.r, o, "YZ-ZH-CJ", T("2026-11-03T11:50:00+08:00"), "郑洁", 1, "同意")
        self.assertEqual(capi.mediate_route_task_info(self.r, o, 0).extended_minutes, 450)
        capi.mediate_route_finish(self.r, o, "YZ-ZH-CJ", T("2026-11-04T15:00:00+08:00"), "徐斌", "更换地砖36块")
        capi.mediate_route_reopen(self.r, o, T("2026-11-04T16:00:00+08:00"), "俞丽娟", "雨后仍有松动")
        self.assertEqual(capi.mediate_route_order_info(self.r, o).reopened, 1)
        capi.mediate_route_acknowledge(self.r, o, "YZ-ZH-CJ", T("2026-11-05T09:00:00+08:00"), "徐斌")
        capi.mediate_route_check_in(self.r, o, "YZ-ZH-CJ", T("2026-11-05T09:30:00+08:00"), "徐斌")
        capi.mediate_route_finish(self.r, o, "YZ-ZH-CJ", T("2026-11-05T11:00:00+08:00"), "徐斌", "整体重铺")
        capi.mediate_route_rate(self.r, o, "YZ-ZH-CJ", T("2026-11-05T15:00:00+08:00"), "俞丽娟",
                                capi.MEDIATE_SATISFIED)
        capi.mediate_route_confirm(self.r, o, T("2026-11-05T15:01:00+08:00"), "俞丽娟")
        self.assertEqual(capi.mediate_route_order_info(self.r, o).state, capi.MEDIATE_ORDER_CLOSED)
        m = capi.mediate_route_metrics_get(self.r, None, T("2026-11-01T00:00:00+08:00"),
                                           T("2026-12-01T00:00:00+08:00"))
        self.assertEqual(m.acknowledged, 2)
        self.assertEqual(m.reopens, 1)
        self.assertAlmostEqual(m.satisfaction_rate, 1.0)
        self.assertEqual(capi.mediate_route_whistle_count(self.r, "YZ-ZH", T("2026-11-01T00:00:00+08:00"),
                                                          T("2026-12-01T00:00:00+08:00")), 1)

    def test_return_reroute_force_supervise_recategorize(self):
        o = self.whistle()
        capi.mediate_route_dispatch(self.r, o, T("2026-11-03T09:40:00+08:00"), "郑洁", "YZ-ZH-ZF",
                                    ["YZ-ZH-CJ"], capi.MEDIATE_LEVEL_TOWN)
        capi.mediate_route_return(self.r, o, "YZ-ZH-ZF", T("2026-11-03T10:00:00+08:00"), "执法队",
                                  capi.MEDIATE_RETURN_NOT_OUR_DUTY, "属城建")
        capi.mediate_route_reroute(self.r, o, "YZ-ZH-ZF", T("2026-11-03T10:10:00+08:00"), "郑洁", "YZ-ZH-SW")
        capi.mediate_route_return(self.r, o, "YZ-ZH-SW", T("2026-11-03T10:20:00+08:00"), "社会事务办",
                                  capi.MEDIATE_RETURN_NOT_OUR_DUTY, None)
        capi.mediate_route_force(self.r, o, "YZ-ZH-SW", T("2026-11-03T10:30:00+08:00"), "郑洁", "就近处置")
        with self.assertRaises(mediate.InvalidState):
            capi.mediate_route_return(self.r, o, "YZ-ZH-SW", T("2026-11-03T10:40:00+08:00"), "社会事务办",
                                      capi.MEDIATE_RETURN_NOT_OUR_DUTY, None)
        capi.mediate_route_supervise(self.r, o, T("2026-11-03T10:50:00+08:00"), "督查室", 1)
        self.assertTrue(capi.mediate_route_order_info(self.r, o).supervised)
        capi.mediate_route_recategorize(self.r, o, T("2026-11-03T11:00:00+08:00"), "郑洁", "public.drainage",
                                        capi.MEDIATE_URGENCY_URGENT)
        self.assertEqual(capi.mediate_route_order_info(self.r, o).category, "public.drainage")
        self.assertEqual(capi.mediate_route_order_info(self.r, o).task_count, 3)

    def test_tick_and_audit(self):
        o = self.whistle("2026-11-06T16:00:00+08:00")   # a Friday afternoon
        capi.mediate_route_dispatch_auto(self.r, o, T("2026-11-06T16:00:00+08:00"), "郑洁")
        events = capi.mediate_route_tick(self.r, T("2026-11-09T12:00:00+08:00"), 3)
        self.assertEqual(len(events), 3)
        self.assertEqual([e.kind for e in events], [capi.MEDIATE_EVENT_WARNING, capi.MEDIATE_EVENT_BREACH,
                                                    capi.MEDIATE_EVENT_ESCALATION])
        self.assertEqual(events[1].due, T("2026-11-09T09:00:00+08:00"))
        self.assertEqual(events[1].department, "YZ-ZH-CJ")
        self.assertEqual(events[2].step, capi.MEDIATE_ESCALATE_REMINDER)
        rest = capi.mediate_route_tick(self.r, T("2026-11-09T12:00:00+08:00"), 100)
        self.assertTrue(all(a.due <= b.due for a, b in zip(rest, rest[1:])))
        n = capi.mediate_route_audit_count(self.r)
        entries = [capi.mediate_route_audit_at(self.r, i) for i in range(n)]
        self.assertEqual(entries[0].action, "whistle")
        self.assertEqual(entries[0]._from, "")
        head = capi.mediate_route_audit_head(self.r)
        self.assertEqual(len(head), 32)
        self.assertEqual(capi.mediate_audit_verify(entries, head, KEY), n)
        # Truncated, reordered, and with the wrong key: all refused.
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify(entries[:-1], head, KEY)
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify([entries[1], entries[0]] + entries[2:], head, KEY)
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify(entries, head, b"another key, another chain!!!!!!")
        # Edited (this changes the engine's own entry: it is borrowed).
        entries[1].details = "被篡改"
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify(entries, head, KEY)


if __name__ == "__main__":
    unittest.main()
