# SPDX-License-Identifier: MIT
"""The route store through Python (mediate.capi, one to one): every
journaled call, reopening gives the same state, a refused call journals
nothing, an edited database, another policy or another key is refused."""

import os
import shutil
import sqlite3
import tempfile
import unittest

import mediate
from mediate import capi

from bindtest import EXAMPLES

COUNTY = os.path.join(EXAMPLES, "county.yaml")
KEY = b"Yinzhou route store audit key 26"
DISPATCHER = "派单员 郑洁"


def T(text):
    return capi.mediate_time_parse(text)[0]


class RouteStoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mediate-store-")
        self.db = os.path.join(self.dir, "route.db")
        self.p = capi.mediate_policy_load_file(COUNTY, None)
        self.s = capi.mediate_route_store_open(self.p, self.db, KEY)

    def tearDown(self):
        capi.mediate_route_store_close(self.s)
        capi.mediate_policy_free(self.p)
        shutil.rmtree(self.dir)

    def reopen(self):
        capi.mediate_route_store_close(self.s)
        self.s = None
        self.s = capi.mediate_route_store_open(self.p, self.db, KEY)
        return capi.mediate_route_store_route(self.s)

    def whistle(self, unit, category, when, urgency=capi.MEDIATE_URGENCY_NORMAL, text="人行道地砖松动"):
        w = capi.mediate_whistle()
        w.version = capi.MEDIATE_WHISTLE_VERSION
        w.unit = unit
        w.raiser = "网格员 俞丽娟"
        w.category = category
        w.urgency = urgency
        w.place = "宋诏桥路12号"
        w.description = text
        w.time = T(when)
        return capi.mediate_route_store_whistle(self.s, w)

    def test_story_and_reopen(self):
        s = self.s
        a = self.whistle("YZ-ZH-SZQ-G01", "public.road", "2026-11-02T09:10:00+08:00")
        self.assertEqual(a, 1)
        capi.mediate_route_store_dispatch_auto(s, a, T("2026-11-02T09:20:00+08:00"), DISPATCHER)
        capi.mediate_route_store_acknowledge(s, a, "YZ-ZH-CJ", T("2026-11-02T10:05:00+08:00"), "城建办 徐斌")
        capi.mediate_route_store_pause(s, a, "YZ-ZH-CJ", T("2026-11-02T10:10:00+08:00"), "城建办 徐斌", "等待物业开门")
        capi.mediate_route_store_resume(s, a, "YZ-ZH-CJ", T("2026-11-02T13:40:00+08:00"), "城建办 徐斌")
        capi.mediate_route_store_check_in(s, a, "YZ-ZH-CJ", T("2026-11-02T15:30:00+08:00"), "城建办 徐斌")
        capi.mediate_route_store_extension_request(s, a, "YZ-ZH-CJ", T("2026-11-02T15:40:00+08:00"), "城建办 徐斌",
                                                   240, "地砖需订货")
        capi.mediate_route_store_extension_decide(s, a, "YZ-ZH-CJ", T("2026-11-02T15:50:00+08:00"), DISPATCHER, 1, "同意")
        capi.mediate_route_store_progress(s, a, "YZ-ZH-CJ", T("2026-11-03T09:00:00+08:00"), "城建办 徐斌", "地砖已到")
        capi.mediate_route_store_finish(s, a, "YZ-ZH-CJ", T("2026-11-03T16:00:00+08:00"), "城建办 徐斌", "更换地砖36块")
        capi.mediate_route_store_reopen(s, a, T("2026-11-04T09:00:00+08:00"), "网格员 俞丽娟", "又有一块松动")
        capi.mediate_route_store_acknowledge(s, a, "YZ-ZH-CJ", T("2026-11-04T09:30:00+08:00"), "城建办 徐斌")
        capi.mediate_route_store_check_in(s, a, "YZ-ZH-CJ", T("2026-11-04T10:30:00+08:00"), "城建办 徐斌")
        capi.mediate_route_store_finish(s, a, "YZ-ZH-CJ", T("2026-11-04T11:30:00+08:00"), "城建办 徐斌", "已更换")
        capi.mediate_route_store_rate(s, a, "YZ-ZH-CJ", T("2026-11-04T14:00:00+08:00"), "网格员 俞丽娟",
                                      capi.MEDIATE_SATISFIED)
        capi.mediate_route_store_confirm(s, a, T("2026-11-04T14:01:00+08:00"), "网格员 俞丽娟")

        b = self.whistle("YZ-ZGM-JJC", "public.streetscape", "2026-11-04T14:10:00+08:00", text="绿化带垃圾堆积")
        capi.mediate_route_store_dispatch(s, b, T("2026-11-04T14:20:00+08:00"), DISPATCHER, "YZ-ZGM-ZF",
                                          ["YZ-ZGM-CJ"], capi.MEDIATE_LEVEL_TOWN)
        capi.mediate_route_store_return(s, b, "YZ-ZGM-ZF", T("2026-11-04T14:30:00+08:00"), "执法队 林涛",
                                        capi.MEDIATE_RETURN_NOT_OUR_DUTY, "属环卫公司职责")
        capi.mediate_route_store_reroute(s, b, "YZ-ZGM-ZF", T("2026-11-04T14:40:00+08:00"), DISPATCHER, "YZ-E-HW")
        capi.mediate_route_store_return(s, b, "YZ-E-HW", T("2026-11-04T14:50:00+08:00"), "环卫公司 吴刚",
                                        capi.MEDIATE_RETURN_OUTSIDE_AREA, "不在清运范围")
        capi.mediate_route_store_force(s, b, "YZ-E-HW", T("2026-11-04T15:00:00+08:00"), DISPATCHER, "最终裁定")
        capi.mediate_route_store_supervise(s, b, T("2026-11-04T15:05:00+08:00"), "区综治中心 主任", 1)
        capi.mediate_route_store_recategorize(s, b, T("2026-11-04T15:10:00+08:00"), DISPATCHER,
                                              "public.sanitation", capi.MEDIATE_URGENCY_URGENT)
        events = capi.mediate_route_store_tick(s, T("2026-11-09T12:00:00+08:00"), 1000)
        self.assertTrue(len(events) > 0)
        self.assertEqual(events, sorted(events, key=lambda e: e.due))

        r = capi.mediate_route_store_route(s)
        head = capi.mediate_route_audit_head(r)
        rows = capi.mediate_route_store_journal_count(s)
        self.assertEqual(rows, 25)
        r = self.reopen()
        self.assertEqual(capi.mediate_route_audit_head(r), head)
        self.assertEqual(capi.mediate_route_store_journal_count(self.s), rows)
        self.assertEqual(capi.mediate_route_order_info(r, a).state, capi.MEDIATE_ORDER_CLOSED)
        info = capi.mediate_route_order_info(r, b)
        self.assertEqual(info.category, "public.sanitation")
        self.assertEqual(info.supervised, 1)
        # Events handed back before the reopen are not handed back again.
        self.assertEqual(capi.mediate_route_store_tick(self.s, T("2026-11-09T12:00:00+08:00"), 10), [])
        capi.mediate_route_store_refresh(self.s)

    def test_refused_and_null(self):
        a = self.whistle("YZ-ZH-SZQ-G01", "public.road", "2026-11-02T09:10:00+08:00")
        with self.assertRaises(mediate.InvalidState):
            capi.mediate_route_store_confirm(self.s, a, T("2026-11-02T09:20:00+08:00"), "网格员 俞丽娟")
        with self.assertRaises(mediate.NotFound):
            capi.mediate_route_store_acknowledge(self.s, a, "YZ-ZH-CJ", T("2026-11-02T09:20:00+08:00"), "徐斌")
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_route_store_dispatch_auto(self.s, a, T("2026-11-02T08:00:00+08:00"), DISPATCHER)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_route_store_dispatch_auto(None, a, T("2026-11-02T09:20:00+08:00"), DISPATCHER)
        self.assertEqual(capi.mediate_route_store_journal_count(self.s), 1)
        self.assertIsNone(capi.mediate_route_store_route(None))
        capi.mediate_route_store_close(None)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_route_store_open(self.p, self.db, b"short")

    def test_tamper_policy_and_key(self):
        a = self.whistle("YZ-ZH-SZQ-G01", "public.road", "2026-11-02T09:10:00+08:00")
        capi.mediate_route_store_dispatch_auto(self.s, a, T("2026-11-02T09:20:00+08:00"), DISPATCHER)
        capi.mediate_route_store_close(self.s)
        self.s = None
        with self.assertRaises(mediate.Refused):
            capi.mediate_route_store_open(self.p, self.db, b"another key, not the store's one")
        # The same county under a new version of its policy.
        with open(COUNTY, encoding="utf-8") as f:
            text = f.read().replace('version: "2026.1"', 'version: "2026.2"', 1)
        other = capi.mediate_policy_load_buffer(text.encode("utf-8"), "county-2026.2.yaml", None)
        try:
            self.assertEqual(capi.mediate_policy_version(other), "2026.2")
            with self.assertRaises(mediate.Refused):
                capi.mediate_route_store_open(other, self.db, KEY)
        finally:
            capi.mediate_policy_free(other)
        con = sqlite3.connect(self.db)
        con.execute("UPDATE journal SET s4 = '人行道地砖全部松动' WHERE seq = 1")
        con.commit()
        con.close()
        with self.assertRaises(mediate.TamperDetected) as cm:
            capi.mediate_route_store_open(self.p, self.db, KEY)
        self.assertIn("keyed hash", str(cm.exception))
        self.s = capi.mediate_route_store_open(self.p, ":memory:", KEY)


if __name__ == "__main__":
    unittest.main()
