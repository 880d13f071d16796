# SPDX-License-Identifier: MIT
"""The route store through Python (mediate.capi, one to one): every
journaled call, reopening gives the same state, a refused call journals
nothing, an edited database, another policy or another key is refused.
Then the idiomatic mediate.RouteStore over it: the same story told in
钟公庙街道, replayed by a new store on the same file, its read-only Route
view, refusals, a failed write and tick."""

import gc
import os
import shutil
import sqlite3
import tempfile
import unittest
import weakref

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


# ---- the idiomatic layer: mediate.RouteStore ----

from mediate.route_store import RouteStore   # noqa: E402
from mediate.route import Route              # noqa: E402

ZGM_KEY = b"Zhonggongmiao route store key 26"
GRID = "YZ-ZGM-JJC-G01"             # 金家漕社区第1网格, 钟公庙街道
ZF, CJ, ZX, SW, HW = "YZ-ZGM-ZF", "YZ-ZGM-CJ", "YZ-ZGM-ZX", "YZ-ZGM-SW", "YZ-E-HW"
RAISER = "金家漕社区网格员 孙晓燕"
ZGM_DISPATCHER = "钟公庙街道派单员 毛建军"


class IdiomaticRouteStoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mediate-store-py-")
        self.db = os.path.join(self.dir, "zgm-route.db")
        self.p = mediate.Policy.load(COUNTY)
        self.s = RouteStore.open(self.p, self.db, ZGM_KEY)

    def tearDown(self):
        self.s.close()
        self.p.close()
        shutil.rmtree(self.dir)

    def whistle(self, when="2026-11-02T09:10:00+08:00", category="public.streetscape", urgency="normal",
                description="绿化带内生活垃圾堆积，散发异味"):
        return self.s.whistle(GRID, category, T(when), raiser=RAISER, urgency=urgency,
                              place="泰康中路金家漕菜场东侧", description=description)

    def state(self, s):
        """What a replay must give back: every order, every task, the audit trail."""
        r = s.route
        return ([(o.number, o.state, o.category, o.urgency, o.supervised, o.reopened, o.tasks) for o in r],
                list(r.audit), r.audit.head, s.journal_count)

    def test_story_and_replay(self):
        # covers: mediate_route_store_open mediate_route_store_route mediate_route_store_whistle
        s = self.s
        self.assertIs(mediate.RouteStore, RouteStore)
        self.assertIs(s.policy, self.p)
        self.assertEqual(s.path, self.db)
        self.assertEqual(s.journal_count, 0)
        a = self.whistle()
        self.assertEqual(a, 1)
        self.assertIsInstance(s.route, Route)
        o = s.route.order(a)
        self.assertEqual((o.state, o.unit, o.raiser, o.category), ("pending", GRID, RAISER, "public.streetscape"))
        self.assertEqual(s.journal_count, 1)

        # By the rules: 综合执法队 leads, 城建办 assists.
        s.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        self.assertEqual([(t.department, t.role, t.state) for t in o.tasks],
                         [(ZF, "lead", "assigned"), (CJ, "assist", "assigned")])
        s.acknowledge(a, CJ, T("2026-11-02T09:40:00+08:00"), "城建办 方志明")
        # 退单 and reroute to the sanitation company; an Order is taken for its number.
        s.return_(o, ZF, T("2026-11-02T09:50:00+08:00"), "执法队 林涛", "not_our_duty", "属环卫保洁职责")
        self.assertEqual(o.task(ZF).state, "returned")
        s.reroute(a, ZF, T("2026-11-02T10:00:00+08:00"), ZGM_DISPATCHER, HW)
        self.assertEqual([(t.department, t.role, t.state) for t in o.tasks],
                         [(ZF, "lead", "rerouted"), (CJ, "assist", "acknowledged"), (HW, "lead", "assigned")])
        s.acknowledge(a, HW, T("2026-11-02T10:30:00+08:00"), "环卫公司 吴刚")
        s.check_in(a, CJ, T("2026-11-02T11:00:00+08:00"), "城建办 方志明")
        s.check_in(a, HW, T("2026-11-02T11:10:00+08:00"), "环卫公司 吴刚")
        s.request_extension(a, HW, T("2026-11-02T14:00:00+08:00"), "环卫公司 吴刚", 240, "需调派压缩车清运")
        self.assertTrue(o.task(HW).extension_pending)
        s.decide_extension(a, HW, T("2026-11-02T14:30:00+08:00"), ZGM_DISPATCHER, True, "同意延期半天")
        self.assertEqual((o.task(HW).extension_pending, o.task(HW).extended_minutes), (False, 240))
        s.pause(a, HW, T("2026-11-02T15:00:00+08:00"), "环卫公司 吴刚", "等待物业开放地下车库")
        self.assertTrue(o.task(HW).paused)
        s.resume(a, HW, T("2026-11-03T09:00:00+08:00"), "环卫公司 吴刚")
        s.progress(a, HW, T("2026-11-03T10:00:00+08:00"), "环卫公司 吴刚", "已清运两车")
        s.finish(a, CJ, T("2026-11-03T11:00:00+08:00"), "城建办 方志明", "绿化带围挡已修复")
        s.finish(a, HW, T("2026-11-03T15:00:00+08:00"), "环卫公司 吴刚", "垃圾清运完毕并消杀")
        self.assertEqual(o.state, "finished")
        # The community reopens; the redo is finished, rated and confirmed.
        s.reopen(a, T("2026-11-04T09:00:00+08:00"), RAISER, "雨后仍有异味")
        self.assertEqual((o.state, o.reopened), ("dispatched", 1))
        redo = ((CJ, "城建办 方志明"), (HW, "环卫公司 吴刚"))
        for dept, who in redo:
            s.acknowledge(a, dept, T("2026-11-04T09:20:00+08:00"), who)
        for dept, who in redo:
            s.check_in(a, dept, T("2026-11-04T10:00:00+08:00"), who)
        for dept, who in redo:
            s.finish(a, dept, T("2026-11-04T16:00:00+08:00"), who, "复查处理完毕")
        s.rate(a, HW, T("2026-11-05T09:00:00+08:00"), RAISER, "satisfied")
        s.rate(a, CJ, T("2026-11-05T09:01:00+08:00"), RAISER, "basically_satisfied")
        self.assertEqual((o.task(HW).rating, o.task(CJ).rating), ("satisfied", "basically_satisfied"))
        s.confirm(a, T("2026-11-05T09:05:00+08:00"), RAISER)
        self.assertEqual(o.state, "closed")

        # A second order: no rule for 邻里 in 钟公庙街道, so by hand; return, force,
        # supervise, recategorize.
        b = self.whistle(when="2026-11-05T10:00:00+08:00", category="neighbour.noise", urgency="urgent",
                         description="楼上深夜装修噪声扰民")
        self.assertEqual(b, 2)
        with self.assertRaises(mediate.NotFound):
            s.dispatch(b, T("2026-11-05T10:05:00+08:00"), ZGM_DISPATCHER)
        s.dispatch(b, T("2026-11-05T10:10:00+08:00"), ZGM_DISPATCHER, lead=ZX, assist=[SW], level="county")
        ob = s.route.order(b)
        self.assertEqual((ob.level, [t.department for t in ob.tasks]), ("county", [ZX, SW]))
        s.return_(b, SW, T("2026-11-05T10:20:00+08:00"), "社会事务办 胡敏", "outside_area")
        s.force(b, SW, T("2026-11-05T10:30:00+08:00"), ZGM_DISPATCHER, "属地协办，不得再退")
        self.assertTrue(ob.task(SW).forced)
        s.supervise(b, T("2026-11-05T10:40:00+08:00"), "街道督查室")
        self.assertTrue(ob.supervised)
        s.supervise(b, T("2026-11-05T10:41:00+08:00"), "街道督查室", on=False)
        self.assertFalse(ob.supervised)
        s.recategorize(b, T("2026-11-05T10:50:00+08:00"), ZGM_DISPATCHER, "neighbour.boundary")
        self.assertEqual((ob.category, ob.urgency), ("neighbour.boundary", "urgent"))
        s.recategorize(b, T("2026-11-05T10:51:00+08:00"), ZGM_DISPATCHER, "neighbour.noise", urgency="normal")
        self.assertEqual(ob.urgency, "normal")
        events = s.tick(T("2026-11-09T12:00:00+08:00"))
        self.assertGreater(len(events), 0)
        self.assertEqual(s.route.audit.verify(), len(s.route.audit))
        self.assertEqual(s.journal_count, 34)      # 33 steps and a tick
        before = self.state(s)
        self.assertEqual(repr(s), "<RouteStore %r: 2 orders, 34 journal rows>" % self.db)

        # A new store on the same file replays the journal: same orders, same trail, same head.
        s.close()
        with RouteStore.open(self.p, self.db, ZGM_KEY) as again:
            self.assertEqual(self.state(again), before)
            self.assertEqual(again.route.order(a).state, "closed")
            self.assertEqual(again.route.audit.verify(before[2]), len(before[1]))
            # The events handed back before are not handed back again; a tick
            # that finds nothing due writes no row.
            self.assertEqual(again.tick(T("2026-11-09T12:00:00+08:00")), [])
            self.assertEqual(again.journal_count, 34)
            # The store goes on where it stopped.
            again.acknowledge(b, ZX, T("2026-11-09T13:30:00+08:00"), "综治中心 周蕾")
            self.assertEqual(again.route.order(b).task(ZX).state, "acknowledged")
        self.assertTrue(again.closed)

    def test_refused_open(self):
        # covers: mediate_route_store_close
        a = self.whistle()
        self.s.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        self.s.close()
        with self.assertRaises(mediate.Refused) as cm:          # another key
            RouteStore.open(self.p, self.db, b"not the key of this route store")
        self.assertIn("audit key", str(cm.exception))
        with open(COUNTY, encoding="utf-8") as f:
            text = f.read()
        # The same county under a new version of its policy, or under another name.
        for old, new in (('version: "2026.1"', 'version: "2026.2"'),
                         ("name: 鄞州区矛盾纠纷调解政策", "name: 海曙区矛盾纠纷调解政策")):
            with mediate.Policy.loads(text.replace(old, new, 1), "county-changed.yaml") as other:
                with self.assertRaises(mediate.Refused):
                    RouteStore.open(other, self.db, ZGM_KEY)
        with self.assertRaises(mediate.InvalidArgument):        # 16 to 64 bytes
            RouteStore.open(self.p, self.db, b"short")
        with self.assertRaises(TypeError):
            RouteStore.open(self.p, self.db, "a str is not a key")
        with self.assertRaises(mediate.InvalidArgument):
            RouteStore.open(self.p, "", ZGM_KEY)
        # Not a route store: another application's database, a text file.
        other_db = os.path.join(self.dir, "cases.db")
        con = sqlite3.connect(other_db)
        con.execute("CREATE TABLE cases (id TEXT PRIMARY KEY, title TEXT)")
        con.commit()
        con.close()
        with self.assertRaises(mediate.StoreError):
            RouteStore.open(self.p, other_db, ZGM_KEY)
        text_file = os.path.join(self.dir, "协议书.txt")
        with open(text_file, "w", encoding="utf-8") as f:
            f.write("调解协议书：甲方 张伟 乙方 王芳 双方就相邻通行问题达成如下协议。\n" * 20)
        with self.assertRaises(mediate.StoreError):
            RouteStore.open(self.p, text_file, ZGM_KEY)
        # An edited row.
        con = sqlite3.connect(self.db)
        con.execute("UPDATE journal SET actor = '派单员 张三' WHERE seq = 2")
        con.commit()
        con.close()
        with self.assertRaises(mediate.TamperDetected):
            RouteStore.open(self.p, self.db, ZGM_KEY)
        # A path-like path and a store in memory.
        import pathlib
        with RouteStore.open(self.p, pathlib.Path(self.dir) / "new.db", ZGM_KEY) as fresh:
            self.assertEqual(fresh.journal_count, 0)
        with RouteStore.open(self.p, ":memory:", ZGM_KEY) as mem:
            self.assertEqual(mem.whistle(GRID, "public.road", T("2026-11-02T09:10:00+08:00"), RAISER), 1)
            self.assertEqual(mem.journal_count, 1)

    def test_refused_step_changes_nothing(self):
        s = self.s
        a = self.whistle()
        s.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        rows, head = s.journal_count, s.route.audit.head
        o = s.route.order(a)
        with self.assertRaises(mediate.InvalidState):           # confirm a dispatched order
            s.confirm(a, T("2026-11-02T09:30:00+08:00"), RAISER)
        with self.assertRaises(mediate.InvalidState):           # finish before acknowledging
            s.finish(a, ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛", "已处理")
        with self.assertRaises(mediate.InvalidState):           # dispatch twice
            s.dispatch(a, T("2026-11-02T09:30:00+08:00"), ZGM_DISPATCHER, lead=CJ)
        with self.assertRaises(mediate.InvalidState):           # rate an unfinished task
            s.rate(a, ZF, T("2026-11-02T09:30:00+08:00"), RAISER, "satisfied")
        with self.assertRaises(mediate.NotFound):               # no task of 社会事务办
            s.acknowledge(a, SW, T("2026-11-02T09:30:00+08:00"), "社会事务办 胡敏")
        with self.assertRaises(mediate.NotFound):               # no order 9
            s.acknowledge(9, ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛")
        with self.assertRaises(mediate.InvalidArgument):        # time goes backwards
            s.acknowledge(a, ZF, T("2026-11-02T08:00:00+08:00"), "执法队 林涛")
        with self.assertRaises(mediate.InvalidArgument):        # unknown names
            s.return_(a, ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛", "too_busy")
        with self.assertRaises(mediate.InvalidArgument):
            s.dispatch(a, T("2026-11-02T09:30:00+08:00"), ZGM_DISPATCHER, lead=CJ, level="province")
        with self.assertRaises(mediate.InvalidArgument):
            self.whistle(when="2026-11-02T09:35:00+08:00", urgency="very")
        with self.assertRaises(mediate.NotFound):
            self.whistle(when="2026-11-02T09:35:00+08:00", category="public.weather")
        with self.assertRaises(TypeError):
            s.acknowledge(a, ZF, "2026-11-02T09:30:00+08:00", "执法队 林涛")
        with self.assertRaises(TypeError):
            s.acknowledge("1", ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛")
        self.assertEqual((s.journal_count, s.route.audit.head), (rows, head))
        self.assertEqual(len(s.route), 1)
        self.assertEqual([t.state for t in o.tasks], ["assigned", "assigned"])

    def test_write_failure_changes_nothing(self):
        # The database refuses the row: StoreError, nothing changes, and a view
        # taken before follows the engine the store rebuilt.
        s = self.s
        a = self.whistle()
        s.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        view = s.route
        o = view.order(a)
        head = view.audit.head
        con = sqlite3.connect(self.db)
        con.execute("CREATE TRIGGER full BEFORE INSERT ON journal WHEN NEW.call = 'acknowledge' "
                    "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        con.commit()
        with self.assertRaises(mediate.StoreError) as cm:
            s.acknowledge(a, ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛")
        self.assertIn("disk full", str(cm.exception))
        self.assertEqual(o.task(ZF).state, "assigned")
        self.assertEqual((view.audit.head, s.journal_count), (head, 2))
        self.assertIs(s.route, view)
        con.execute("DROP TRIGGER full")
        con.commit()
        con.close()
        s.acknowledge(a, ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛")
        self.assertEqual(o.task(ZF).state, "acknowledged")
        self.assertEqual(s.journal_count, 3)

    def test_two_stores_and_refresh(self):
        # covers: mediate_route_store_refresh mediate_route_store_journal_count
        a = self.whistle()
        with RouteStore.open(self.p, self.db, ZGM_KEY) as other:
            self.assertEqual(len(other.route), 1)
            other.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
            self.assertEqual(self.s.route.order(a).state, "pending")     # not looked yet
            self.s.refresh()
            self.assertEqual(self.s.route.order(a).state, "dispatched")
            self.assertEqual(self.s.journal_count, other.journal_count)
            self.assertEqual(self.s.route.audit.head, other.route.audit.head)

    def test_read_only_view_and_close(self):
        s = self.s
        a = self.whistle()
        v = s.route
        self.assertIs(s.route, v)
        self.assertEqual(repr(v), "<Route 1 orders, 1 audit entries>")
        with self.assertRaises(mediate.InvalidState):
            v.whistle(GRID, "public.road", T("2026-11-02T09:15:00+08:00"), RAISER)
        with self.assertRaises(mediate.InvalidState):
            v.order(a).dispatch(T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        with self.assertRaises(mediate.InvalidState):
            v.tick(T("2026-11-02T09:20:00+08:00"))
        self.assertEqual(s.journal_count, 1)
        # Closing the view frees nothing: the store hands out a new one.
        v.close()
        self.assertEqual(s.route.order(a).state, "pending")
        # A view keeps its store alive; a store nobody holds any more (nor
        # any view of it) is closed when collected.
        view = RouteStore.open(self.p, self.db, ZGM_KEY).route
        gc.collect()
        self.assertEqual(view.order(a).state, "pending")
        store = weakref.ref(view._owner)
        del view
        gc.collect()
        self.assertIsNone(store())
        o = s.route.order(a)
        v2 = o.route
        s.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        self.assertEqual(o.state, "dispatched")
        self.s.close()
        self.s.close()                                   # twice is fine
        self.assertTrue(self.s.closed)
        self.assertEqual(repr(self.s), "<RouteStore closed>")
        for use in (lambda: self.s.route, lambda: self.s.journal_count, lambda: o.state,
                    lambda: v2.order(a), lambda: len(v2.audit), lambda: self.s.refresh(),
                    lambda: self.s.acknowledge(a, ZF, T("2026-11-02T09:30:00+08:00"), "执法队 林涛"),
                    lambda: self.s.tick(T("2026-11-02T09:30:00+08:00"))):
            with self.assertRaises(mediate.InvalidState):
                use()
        # A policy closed under a store: the store refuses instead of using it.
        with mediate.Policy.load(COUNTY) as p2:
            mem = RouteStore.open(p2, ":memory:", ZGM_KEY)
        with self.assertRaises(mediate.InvalidState):
            mem.journal_count
        self.assertIn("closed policy", repr(mem))
        mem.close()

    def test_tick_in_deadline_order(self):
        # covers: mediate_route_store_tick
        s = self.s
        a = self.whistle()
        s.dispatch(a, T("2026-11-02T09:20:00+08:00"), ZGM_DISPATCHER)
        b = self.whistle(when="2026-11-02T10:00:00+08:00", category="public.road", urgency="urgent",
                         description="人行道井盖缺失")
        s.dispatch(b, T("2026-11-02T10:05:00+08:00"), ZGM_DISPATCHER)
        s.acknowledge(a, CJ, T("2026-11-02T10:10:00+08:00"), "城建办 方志明")
        rows = s.journal_count
        first = s.tick(T("2026-11-04T12:00:00+08:00"), limit=3)
        self.assertEqual(len(first), 3)
        self.assertEqual(s.journal_count, rows + 1)
        rest = s.tick(T("2026-11-04T12:00:00+08:00"))
        self.assertGreater(len(rest), 3)
        events = first + rest
        self.assertEqual(events, sorted(events, key=lambda e: e.due))
        self.assertEqual({e.order for e in events}, {a, b})
        self.assertEqual({e.kind for e in events}, {"warning", "breach", "escalation"})
        self.assertTrue(all(isinstance(e, mediate.RouteEvent) for e in events))
        e = events[0]
        self.assertIn(e.target, ("acknowledge", "check_in", "finish"))
        self.assertEqual(s.tick(T("2026-11-04T12:00:00+08:00")), [])
        with self.assertRaises(mediate.InvalidArgument):
            s.tick(T("2026-11-04T12:00:00+08:00"), limit=-1)
        # The escalations persisted: 督办 set by the ladder survives a replay.
        supervised = [o.supervised for o in s.route]
        s.close()
        with RouteStore.open(self.p, self.db, ZGM_KEY) as again:
            self.assertEqual([o.supervised for o in again.route], supervised)


if __name__ == "__main__":
    unittest.main()
