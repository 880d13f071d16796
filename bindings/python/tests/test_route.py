# SPDX-License-Identifier: MIT
"""Whistle -> dispatch -> report through Python: calendars with the 2026
holidays, routing, every step of an order, refused steps, tick, metrics
and tamper detection of the audit chain (mediate.capi, one to one)."""

import datetime
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
        # Array members are read whole: acknowledge in 2 working hours, check in
        # within 1 working day, finish within 5; nothing done yet; not rated.
        self.assertEqual(t.due, (T("2026-11-03T11:40:00+08:00"), T("2026-11-04T09:40:00+08:00"),
                                 T("2026-11-10T09:40:00+08:00")))
        self.assertEqual(t.done, (0, 0, 0))
        self.assertEqual(t.rating, 0)
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
        self.assertEqual(len(entries[0].hash), 32)
        self.assertIsInstance(entries[0].hash, bytes)
        with self.assertRaises(mediate.TamperDetected) as cm:
            capi.mediate_audit_verify(entries[:-1], head, KEY)
        self.assertEqual(cm.exception.index, n - 1)
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify([entries[1], entries[0]] + entries[2:], head, KEY)
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify(entries, head, b"another key, another chain!!!!!!")
        # Edited (this changes the engine's own entry: it is borrowed).
        entries[1].details = "被篡改"
        with self.assertRaises(mediate.TamperDetected):
            capi.mediate_audit_verify(entries, head, KEY)



# ---- the idiomatic layer (mediate.route) ----

from mediate.route import Calendar, Route, calendars, verify_audit   # noqa: E402

JS_KEY = b"Jiangshan town audit key 2026 ok"
VILLAGE_GRID = "YZ-JS-ZMT-G01"      # 走马塘村第1网格, 姜山镇
ZF, CJ, NY, ZX = "YZ-JS-ZF", "YZ-JS-CJ", "YZ-JS-NY", "YZ-JS-ZX"
RAISER = "走马塘村网格员 陈海燕"
DISPATCHER = "姜山镇派单员 王立"


class IdiomaticCalendarTest(unittest.TestCase):
    def setUp(self):
        self.p = mediate.Policy.load(COUNTY)
        self.cal = Calendar(self.p, "cn-office")

    def tearDown(self):
        self.p.close()

    def test_lookup(self):
        # covers: mediate_policy_calendar_find mediate_policy_calendar_at mediate_policy_calendar_count
        self.assertEqual([c.code for c in calendars(self.p)], ["cn-office"])
        self.assertEqual(calendars(self.p)[0], self.cal)
        self.assertEqual(self.cal.name("zh"), "机关工作时间")
        self.assertEqual(self.cal.name("en"), "Government office hours")
        self.assertEqual(self.cal.offset, 480)
        self.assertEqual(self.cal.tzinfo.utcoffset(None).total_seconds(), 8 * 3600)
        self.assertIsNone(Calendar.find(self.p, "cn-factory"))
        with self.assertRaises(mediate.NotFound):
            Calendar(self.p, "cn-factory")
        self.assertIs(mediate.Calendar, Calendar)

    def test_days(self):
        self.assertEqual(self.cal.day_kind(2026, 10, 9), "working")      # Friday after National Day
        self.assertEqual(self.cal.day_kind(2026, 10, 10), "makeup")      # 调休: Saturday at work
        self.assertEqual(self.cal.day_kind(datetime.date(2026, 10, 11)), "rest")
        self.assertEqual(self.cal.day_kind(2026, 10, 1), "holiday")      # 国庆节
        self.assertTrue(self.cal.is_working_day(2026, 10, 10))
        self.assertFalse(self.cal.is_working_day(2026, 10, 3))
        with self.assertRaises(mediate.InvalidArgument):
            self.cal.day_kind(2026, 2, 30)

    def test_working_time(self):
        self.assertTrue(self.cal.is_working_time(T("2026-10-10T10:00:00+08:00")))    # 调休 Saturday
        self.assertFalse(self.cal.is_working_time(T("2026-10-11T10:00:00+08:00")))   # Sunday
        self.assertFalse(self.cal.is_working_time(T("2026-10-09T12:30:00+08:00")))   # lunch break
        self.assertFalse(self.cal.is_working_time(T("2026-10-05T10:00:00+08:00")))   # holiday
        cst = datetime.timezone(datetime.timedelta(hours=8))
        self.assertTrue(self.cal.is_working_time(datetime.datetime(2026, 10, 12, 9, 0, tzinfo=cst)))
        # Friday 16:40 + 2 working hours: 50 minutes on Friday, 70 on the make-up Saturday.
        self.assertEqual(self.cal.add_hours(T("2026-10-09T16:40:00+08:00"), 2), T("2026-10-10T09:40:00+08:00"))
        # A deadline at the end of a period is that end, not the next start.
        self.assertEqual(self.cal.add_minutes(T("2026-10-09T17:00:00+08:00"), 30), T("2026-10-09T17:30:00+08:00"))
        # Saturday 17:00 + 60: the Sunday is skipped.
        self.assertEqual(self.cal.add_minutes(T("2026-10-10T17:00:00+08:00"), 60), T("2026-10-12T09:00:00+08:00"))
        self.assertEqual(self.cal.minutes_between(T("2026-09-30T16:00:00+08:00"), T("2026-10-08T09:00:00+08:00")), 120)
        self.assertEqual(self.cal.minutes_between(T("2026-10-08T09:00:00+08:00"), T("2026-09-30T16:00:00+08:00")), -120)
        self.assertEqual(self.cal.next_working(T("2026-10-10T18:00:00+08:00")), T("2026-10-12T08:30:00+08:00"))
        self.assertEqual(self.cal.next_working(T("2026-10-10T10:00:00+08:00")), T("2026-10-10T10:00:00+08:00"))
        with self.assertRaises(mediate.InvalidArgument):
            self.cal.add_minutes(T("2026-10-09T16:40:00+08:00"), -1)
        with self.assertRaises(TypeError):
            self.cal.next_working("2026-10-10T10:00:00+08:00")
        with self.assertRaises(mediate.InvalidArgument):
            self.cal.next_working(datetime.datetime(2026, 10, 10, 10, 0))    # naive

    def test_closed_policy(self):
        self.p.close()
        with self.assertRaises(mediate.InvalidState):
            self.cal.code
        with self.assertRaises(mediate.InvalidState):
            self.cal.add_minutes(0, 1)


class IdiomaticRouteTest(unittest.TestCase):
    def setUp(self):
        self.p = mediate.Policy.load(COUNTY)
        self.r = Route(self.p, JS_KEY)

    def tearDown(self):
        self.r.close()
        self.p.close()

    def whistle(self, when="2026-10-09T16:30:00+08:00", category="public.streetscape", urgency="normal",
                unit=VILLAGE_GRID):
        return self.r.whistle(unit, category, T(when), raiser=RAISER, urgency=urgency,
                              place="走马塘村老街23号", description="沿街立面墙皮大面积脱落，危及行人")

    def test_story(self):
        """A week of one whistle in 姜山镇: auto dispatch on Friday afternoon,
        escalation over the 调休 Saturday and the weekend, return + reroute,
        pause, extension, finish, reopen, finish, rate, confirm, metrics."""
        r = self.r
        o = self.whistle()
        self.assertEqual(o.number, 1)
        self.assertEqual(len(r), 1)
        self.assertEqual(r.order(1), o)
        self.assertEqual((o.state, o.unit, o.raiser, o.category, o.urgency), 
                         ("pending", VILLAGE_GRID, RAISER, "public.streetscape", "normal"))
        self.assertEqual(o.place, "走马塘村老街23号")
        self.assertEqual(o.raised, T("2026-10-09T16:30:00+08:00"))
        self.assertIsNone(o.case_id)
        self.assertIsNone(o.level)
        self.assertEqual(o.tasks, [])

        # The routing rules: 姜山镇 streetscape -> 综合执法队, assisted by 城建办.
        o.dispatch(T("2026-10-09T16:40:00+08:00"), DISPATCHER)
        self.assertEqual((o.state, o.level), ("dispatched", "town"))
        self.assertEqual([(t.department, t.role, t.state) for t in o.tasks],
                         [(ZF, "lead", "assigned"), (CJ, "assist", "assigned")])
        # 2 working hours from Friday 16:40 end on the make-up Saturday, not on Monday.
        zf = o.task(ZF)
        self.assertEqual(zf.due, {"acknowledge": T("2026-10-10T09:40:00+08:00"),
                                  "check_in": T("2026-10-10T16:40:00+08:00"),
                                  "finish": T("2026-10-15T16:40:00+08:00")})
        self.assertEqual(zf.done, {"acknowledge": None, "check_in": None, "finish": None})
        self.assertTrue(zf.open)
        o.acknowledge(CJ, T("2026-10-09T17:00:00+08:00"), "城建办 李国强")
        self.assertEqual(o.task(CJ).done["acknowledge"], T("2026-10-09T17:00:00+08:00"))

        # Saturday noon: the lead missed its acknowledgement at 09:40.
        events = r.tick(T("2026-10-10T12:00:00+08:00"))
        self.assertEqual([(e.kind, e.order, e.department, e.target, e.step, e.due) for e in events], [
            ("warning", 1, ZF, "acknowledge", None, T("2026-10-10T09:16:00+08:00")),   # 80 % of 120 minutes
            ("breach", 1, ZF, "acknowledge", None, T("2026-10-10T09:40:00+08:00")),
            ("escalation", 1, ZF, "acknowledge", "reminder", T("2026-10-10T09:40:00+08:00")),
        ])
        self.assertFalse(o.supervised)
        self.assertEqual(r.tick(T("2026-10-10T12:00:00+08:00")), [])
        # Monday 10:00: supervision 4 working hours after the breach (Saturday
        # 15:10), report-up one working day after (Monday 09:40, the Sunday skipped).
        events = r.tick(T("2026-10-12T10:00:00+08:00"))
        self.assertTrue(all(a.due <= b.due for a, b in zip(events, events[1:])))
        ladder = [(e.step, e.due) for e in events if e.kind == "escalation" and e.department == ZF
                  and e.target == "acknowledge"]
        self.assertEqual(ladder, [("supervision", T("2026-10-10T15:10:00+08:00")),
                                  ("report_up", T("2026-10-12T09:40:00+08:00"))])
        self.assertIn(("breach", CJ, "check_in", T("2026-10-10T16:40:00+08:00")),
                      [(e.kind, e.department, e.target, e.due) for e in events])
        self.assertTrue(o.supervised)                                # 督办 set by the ladder

        # 退单: not the enforcement team's duty; the dispatcher reroutes to 农业农村办.
        o.return_(ZF, T("2026-10-12T10:10:00+08:00"), "执法队 周斌", "not_our_duty", "属村级自管房屋立面")
        self.assertEqual(o.task(ZF).state, "returned")
        o.reroute(ZF, T("2026-10-12T10:20:00+08:00"), DISPATCHER, NY)
        self.assertEqual([(t.department, t.role, t.state) for t in o.tasks],
                         [(ZF, "lead", "rerouted"), (CJ, "assist", "acknowledged"), (NY, "lead", "assigned")])
        self.assertFalse(o.task(ZF).open)
        self.assertEqual(o.task(NY).due["acknowledge"], T("2026-10-12T13:50:00+08:00"))   # new clocks

        o.acknowledge(NY, T("2026-10-12T11:00:00+08:00"), "农业农村办 张伟")
        o.check_in(CJ, T("2026-10-12T14:00:00+08:00"), "李国强")
        o.check_in(NY, T("2026-10-12T14:30:00+08:00"), "张伟")
        self.assertEqual(o.task(NY).due["finish"], T("2026-10-19T10:20:00+08:00"))
        # Waiting for the owner: 180 working minutes paused move the deadline.
        o.pause(NY, T("2026-10-12T15:00:00+08:00"), "张伟", "等待房主回村开门")
        self.assertTrue(o.task(NY).paused)
        self.assertIsNone(o.task(NY).due["finish"])
        o.resume(NY, T("2026-10-13T09:00:00+08:00"), "张伟")
        self.assertEqual(o.task(NY).due["finish"], T("2026-10-19T14:50:00+08:00"))
        o.progress(NY, T("2026-10-13T10:00:00+08:00"), "张伟", "已拉警戒线，清理脱落墙皮")
        o.request_extension(NY, T("2026-10-13T11:00:00+08:00"), "张伟", 900, "需房主同意并筹款修缮外立面")
        self.assertTrue(o.task(NY).extension_pending)
        o.decide_extension(NY, T("2026-10-13T11:30:00+08:00"), DISPATCHER, True, "同意延期两个工作日")
        t = o.task(NY)
        self.assertEqual((t.extension_pending, t.extended_minutes), (False, 900))
        self.assertEqual(t.due["finish"], T("2026-10-21T14:50:00+08:00"))

        o.finish(CJ, T("2026-10-14T16:00:00+08:00"), "李国强", "出具立面修缮技术方案")
        self.assertEqual(o.state, "dispatched")
        o.finish(NY, T("2026-10-20T16:00:00+08:00"), "张伟", "外立面重新抹灰刷漆")
        self.assertEqual(o.state, "finished")
        self.assertEqual(o.open_tasks, [])

        # The village reopens: a redo with new clocks for both departments.
        o.reopen(T("2026-10-21T09:00:00+08:00"), RAISER, "雨后檐口仍有掉落")
        self.assertEqual((o.state, o.reopened), ("dispatched", 1))
        self.assertEqual([t.department for t in o.open_tasks], [CJ, NY])
        self.assertEqual(o.task(NY).due["acknowledge"], T("2026-10-21T11:00:00+08:00"))
        o.acknowledge(CJ, T("2026-10-21T09:20:00+08:00"), "李国强")
        o.acknowledge(NY, T("2026-10-21T09:30:00+08:00"), "张伟")
        o.check_in(NY, T("2026-10-21T10:00:00+08:00"), "张伟")
        o.check_in(CJ, T("2026-10-21T10:05:00+08:00"), "李国强")
        o.finish(CJ, T("2026-10-22T14:00:00+08:00"), "李国强", "檐口加固方案复核")
        o.finish(NY, T("2026-10-22T15:00:00+08:00"), "张伟", "檐口加固完毕")
        self.assertEqual(o.state, "finished")

        # Refused steps raise and change nothing.
        n = len(r.audit)
        with self.assertRaises(mediate.InvalidState):
            o.finish(NY, T("2026-10-22T15:10:00+08:00"), "张伟", "再次办结")
        with self.assertRaises(mediate.InvalidState):
            o.return_(NY, T("2026-10-22T15:10:00+08:00"), "张伟", "duplicate")
        with self.assertRaises(mediate.NotFound):            # rerouted: no longer its task
            o.acknowledge(ZF, T("2026-10-22T15:10:00+08:00"), "周斌")
        with self.assertRaises(mediate.NotFound):
            o.acknowledge("YZ-JS-SW", T("2026-10-22T15:10:00+08:00"), "社会事务办")
        with self.assertRaises(mediate.InvalidArgument):
            o.rate(NY, T("2026-10-22T15:10:00+08:00"), RAISER, "very_happy")
        with self.assertRaises(mediate.InvalidArgument):        # time goes backwards
            o.rate(NY, T("2026-10-01T09:00:00+08:00"), RAISER, "satisfied")
        self.assertEqual(len(r.audit), n)
        self.assertEqual(o.state, "finished")

        o.rate(NY, T("2026-10-23T09:00:00+08:00"), RAISER, "satisfied")
        o.rate(CJ, T("2026-10-23T09:01:00+08:00"), RAISER, "basically_satisfied")
        with self.assertRaises(mediate.InvalidState):
            o.rate(CJ, T("2026-10-23T09:02:00+08:00"), RAISER, "dissatisfied")
        self.assertEqual((o.task(NY).rating, o.task(CJ).rating, o.task(ZF).rating),
                         ("satisfied", "basically_satisfied", None))
        o.confirm(T("2026-10-23T09:05:00+08:00"), RAISER)
        self.assertEqual(o.state, "closed")
        with self.assertRaises(mediate.InvalidState):
            o.reopen(T("2026-10-23T10:00:00+08:00"), RAISER, "还想再改")
        with self.assertRaises(mediate.InvalidState):
            o.confirm(T("2026-10-23T10:00:00+08:00"), RAISER)

        # Metrics of October, all departments and one.
        m = r.metrics(T("2026-10-01T00:00:00+08:00"), T("2026-11-01T00:00:00+08:00"))
        self.assertEqual((m.returns, m.extensions_requested, m.extensions_approved, m.reopens), (1, 1, 1, 1))
        self.assertEqual((m.rated, m.satisfied, m.basically_satisfied, m.dissatisfied), (2, 1, 1, 0))
        self.assertAlmostEqual(m.satisfaction_rate, 1.0)
        self.assertGreaterEqual(m.escalations, 5)
        ny = r.metrics(T("2026-10-01T00:00:00+08:00"), T("2026-11-01T00:00:00+08:00"), department=NY)
        self.assertEqual((ny.acknowledged, ny.acknowledged_in_time, ny.finished, ny.finished_in_time), (2, 2, 2, 2))
        self.assertEqual((ny.acknowledge_missed, ny.finish_missed), (0, 0))
        self.assertAlmostEqual(ny.response_rate, 1.0)
        self.assertAlmostEqual(ny.resolution_rate, 1.0)
        none = r.metrics(T("2026-11-01T00:00:00+08:00"), T("2026-12-01T00:00:00+08:00"))
        self.assertEqual((none.dispatched, none.response_rate), (0, 0.0))
        self.assertEqual(r.whistle_count("YZ-JS", T("2026-10-01T00:00:00+08:00"), T("2026-11-01T00:00:00+08:00")), 1)
        self.assertEqual(r.whistle_count("YZ-ZH", T("2026-10-01T00:00:00+08:00"), T("2026-11-01T00:00:00+08:00")), 0)

        # The audit trail tells the story and verifies.
        actions = [e.action for e in o.audit]
        self.assertEqual(actions[:5], ["whistle", "dispatch", "assign", "assign", "acknowledge"])
        for a in ("escalate", "return", "reroute", "pause", "resume", "reopen", "rate", "confirm"):
            self.assertIn(a, actions)
        self.assertEqual(r.audit.verify(), len(r.audit))

    def test_manual_dispatch_force_supervise_recategorize(self):
        # 邻里 (neighbour) whistles of 姜山镇 match no rule: manual dispatch.
        o = self.whistle(category="neighbour", urgency="urgent")
        with self.assertRaises(mediate.NotFound):
            o.dispatch(T("2026-10-09T16:35:00+08:00"), DISPATCHER)
        self.assertEqual(o.state, "pending")
        o.dispatch(T("2026-10-09T16:40:00+08:00"), DISPATCHER, lead=ZX, assist=[CJ], level="county")
        self.assertEqual((o.level, [t.department for t in o.tasks]), ("county", [ZX, CJ]))
        with self.assertRaises(mediate.InvalidState):
            o.dispatch(T("2026-10-09T16:41:00+08:00"), DISPATCHER, lead=ZF)
        o.return_(CJ, T("2026-10-09T16:50:00+08:00"), "城建办 李国强", "outside_area")
        o.force(CJ, T("2026-10-09T17:00:00+08:00"), DISPATCHER, "属地协办，不得再退")
        self.assertTrue(o.task(CJ).forced)
        self.assertEqual(o.task(CJ).state, "assigned")
        with self.assertRaises(mediate.InvalidState):
            o.return_(CJ, T("2026-10-09T17:05:00+08:00"), "李国强", "not_our_duty", "再次退单")
        with self.assertRaises(mediate.InvalidState):
            o.reroute(CJ, T("2026-10-09T17:05:00+08:00"), DISPATCHER, NY)
        o.supervise(T("2026-10-09T17:10:00+08:00"), "镇督查室")
        self.assertTrue(o.supervised)
        o.supervise(T("2026-10-09T17:11:00+08:00"), "镇督查室", on=False)
        self.assertFalse(o.supervised)
        o.recategorize(T("2026-10-09T17:20:00+08:00"), DISPATCHER, "public.safety_hazard")
        self.assertEqual((o.category, o.urgency), ("public.safety_hazard", "urgent"))
        # public.safety_hazard + urgent: 15 minutes to acknowledge, on the clock.
        self.assertEqual(o.task(ZX).due["acknowledge"], T("2026-10-09T16:55:00+08:00"))
        o.recategorize(T("2026-10-09T17:21:00+08:00"), DISPATCHER, "public.streetscape", urgency="normal")
        self.assertEqual(o.urgency, "normal")
        # tick with a limit leaves the rest due.
        first = self.r.tick(T("2026-10-12T12:00:00+08:00"), limit=2)
        self.assertEqual(len(first), 2)
        rest = self.r.tick(T("2026-10-12T12:00:00+08:00"))
        self.assertGreater(len(rest), 0)
        self.assertLessEqual(first[-1].due, rest[0].due)

    def test_names(self):
        from mediate import route
        self.assertEqual(route.URGENCIES, ("normal", "urgent", "critical"))
        self.assertEqual(route.ORDER_STATES, ("pending", "dispatched", "finished", "closed"))
        self.assertEqual(route.TASK_STATES,
                         ("assigned", "acknowledged", "on_site", "finished", "returned", "rerouted"))
        self.assertEqual(route.ESCALATIONS, ("reminder", "supervision", "report_up"))
        self.assertEqual(route.RETURN_REASONS, ("not_our_duty", "outside_area", "insufficient", "duplicate"))
        self.assertEqual(route.SATISFACTIONS, ("satisfied", "basically_satisfied", "dissatisfied"))
        # The C values are accepted where names go.
        o = self.whistle(urgency=capi.MEDIATE_URGENCY_CRITICAL)
        self.assertEqual(o.urgency, "critical")
        self.assertEqual(repr(o), "<Order 1 pending public.streetscape from YZ-JS-ZMT-G01>")
        self.assertEqual(repr(self.r), "<Route 1 orders, 1 audit entries>")

    def test_bad_input(self):
        with self.assertRaises(mediate.InvalidArgument):
            Route(self.p, b"too short")
        with self.assertRaises(TypeError):
            Route(self.p, "a str is not a key")
        with self.assertRaises(mediate.InvalidArgument):
            self.whistle(urgency="very")
        with self.assertRaises(mediate.NotFound):
            self.whistle(unit="YZ-JS-NOPE")
        with self.assertRaises(mediate.InvalidArgument):       # a department raises no whistle
            self.whistle(unit=ZF)
        with self.assertRaises(mediate.NotFound):
            self.whistle(category="public.weather")
        with self.assertRaises(mediate.Utf8Error):
            self.r.whistle(VILLAGE_GRID, "public.road", T("2026-10-09T16:30:00+08:00"), raiser="陈\x00海燕")
        self.assertEqual(len(self.r), 0)
        with self.assertRaises(mediate.NotFound):
            self.r.order(1)
        o = self.whistle()
        with self.assertRaises(mediate.InvalidArgument):
            o.dispatch(T("2026-10-09T16:40:00+08:00"), DISPATCHER, lead=ZF, level="province")
        with self.assertRaises(mediate.NotFound):
            o.task(ZF)
        self.assertEqual([o.number for o in self.r], [1])
        self.r.close()
        self.r.close()
        with self.assertRaises(mediate.InvalidState):
            o.state
        with self.assertRaises(mediate.InvalidState):
            len(self.r.audit)

    def test_read_only_view(self):
        # A view of an engine owned elsewhere (a store that journals steps).
        o = self.whistle()
        v = Route._view(self.r, self.p, self.r._ptr, JS_KEY)
        self.assertEqual(v.order(1).state, "pending")
        self.assertEqual(len(v.audit), 1)
        self.assertEqual(v.audit.verify(), 1)
        with self.assertRaises(mediate.InvalidState):
            v.order(1).dispatch(T("2026-10-09T16:40:00+08:00"), DISPATCHER)
        with self.assertRaises(mediate.InvalidState):
            v.tick(T("2026-10-09T16:40:00+08:00"))
        with self.assertRaises(mediate.InvalidState):
            v.whistle(VILLAGE_GRID, "public.road", T("2026-10-09T16:40:00+08:00"), RAISER)
        v.close()                                   # frees nothing
        o.dispatch(T("2026-10-09T16:40:00+08:00"), DISPATCHER)
        self.assertEqual(o.state, "dispatched")
        v2 = Route._view(self.r, self.p, self.r._ptr, JS_KEY)
        self.r.close()                              # the owner goes: the view refuses
        with self.assertRaises(mediate.InvalidState):
            v2.order(1)

    def test_audit_tamper(self):
        o = self.whistle()
        o.dispatch(T("2026-10-09T16:40:00+08:00"), DISPATCHER)
        o.acknowledge(ZF, T("2026-10-09T16:50:00+08:00"), "执法队 周斌")
        stored_head = self.r.audit.head               # kept apart from the trail
        entries = list(self.r.audit)                  # values, as an application stores them
        self.assertEqual(len(stored_head), 32)
        self.assertEqual([e.seq for e in entries], list(range(1, len(entries) + 1)))
        self.assertEqual((entries[0].action, entries[0].from_state, entries[0].to_state), ("whistle", "", "pending"))
        self.assertEqual(entries[-1].actor, "执法队 周斌")
        self.assertEqual(len(entries[-1].hash), 32)
        self.assertEqual(self.r.audit[-1], entries[-1])
        self.assertEqual(self.r.audit[1:3], entries[1:3])
        self.assertEqual(verify_audit(entries, stored_head, JS_KEY), len(entries))
        self.assertEqual(self.r.audit.verify(stored_head), len(entries))

        def tampered(trail, index):
            with self.assertRaises(mediate.TamperDetected) as cm:
                verify_audit(trail, stored_head, JS_KEY)
            self.assertEqual(cm.exception.index, index)

        edited = list(entries)
        edited[2] = edited[2]._replace(details="lead=YZ-JS-CJ")          # edited
        tampered(edited, 2)
        tampered(entries[:1] + entries[2:], 1)                             # removed
        tampered([entries[0], entries[2], entries[1]] + entries[3:], 1)    # reordered
        tampered(entries[:-1], len(entries) - 1)                           # cut off the end
        with self.assertRaises(mediate.TamperDetected):
            verify_audit(entries, stored_head, b"another key, another chain!!!!!")
        with self.assertRaises(mediate.InvalidArgument):
            verify_audit(entries, stored_head[:16], JS_KEY)
        with self.assertRaises(mediate.InvalidArgument):
            verify_audit([e._replace(hash=b"short") for e in entries], stored_head, JS_KEY)
        # The trail grows: it no longer ends at the old head.
        o.check_in(ZF, T("2026-10-09T17:10:00+08:00"), "执法队 周斌")
        with self.assertRaises(mediate.TamperDetected) as cm:
            self.r.audit.verify(stored_head)
        self.assertEqual(cm.exception.index, len(entries) + 1)
        self.assertEqual(self.r.audit.verify(), len(entries) + 1)
        self.assertEqual(verify_audit([], bytes(32), JS_KEY), 0)


if __name__ == "__main__":
    unittest.main()
