/* SPDX-License-Identifier: MIT */
import org.libmediate.*;

/**
 * The route store through Java: every journaled call, reopening gives the
 * same state and audit head, a refused call journals nothing, ticks are
 * handed back once, another key or policy version is refused.
 */
public class RouteStoreTest {
  static final String EXAMPLES = System.getenv("MEDIATE_EXAMPLES_DATA") != null
      ? System.getenv("MEDIATE_EXAMPLES_DATA") : "examples/data";
  static final String COUNTY = EXAMPLES + "/county.yaml";
  static final byte[] KEY = "Yinzhou route store audit key 26".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  static final String DISPATCHER = "派单员 郑洁";

  static long t(String text) {
    return Time.parse(text);
  }

  static MediateException raisesCode(int code, Check.Body body) {
    MediateException e = Check.raises(MediateException.class, body);
    Check.equal(code, e.getCode());
    return e;
  }

  static SWIGTYPE_p_mediate_policy load() {
    long[] out = new long[1];
    MediateNative.mediate_policy_load_file(out, COUNTY, null);
    return SWIGTYPE_p_mediate_policy.wrap(out[0]);
  }

  static SWIGTYPE_p_mediate_route_store open(SWIGTYPE_p_mediate_policy p, String path, byte[] key) {
    long[] out = new long[1];
    MediateNative.mediate_route_store_open(out, p, path, key);
    return SWIGTYPE_p_mediate_route_store.wrap(out[0]);
  }

  static long whistle(SWIGTYPE_p_mediate_route_store s, String unit, String category, String when) {
    mediate_whistle w = new mediate_whistle();
    w.setVersion(MediateNativeConstants.MEDIATE_WHISTLE_VERSION);
    w.setUnit(unit);
    w.setRaiser("网格员 俞丽娟");
    w.setCategory(category);
    w.setUrgency(mediate_urgency.MEDIATE_URGENCY_NORMAL);
    w.setPlace("宋诏桥路12号");
    w.setDescription("人行道地砖松动，已有老人绊倒");
    w.setTime(t(when));
    long[] order = new long[1];
    MediateNative.mediate_route_store_whistle(order, s, w);
    return order[0];
  }

  static byte[] head(SWIGTYPE_p_mediate_route_store s) {
    byte[] h = new byte[MediateNativeConstants.MEDIATE_AUDIT_HASH_BYTES];
    MediateNative.mediate_route_audit_head(h, MediateNative.mediate_route_store_route(s));
    return h;
  }

  static String tempDb() throws java.io.IOException {
    java.io.File dir = java.nio.file.Files.createTempDirectory("mediate-store-").toFile();
    dir.deleteOnExit();
    return new java.io.File(dir, "route.db").getPath();
  }

  static void remove(String db) {
    for (String suffix : new String[] {"", "-wal", "-shm"})
      new java.io.File(db + suffix).delete();
    new java.io.File(db).getParentFile().delete();
  }

  public void testStoryAndReopen() throws Exception {
    String db = tempDb();
    SWIGTYPE_p_mediate_policy p = load();
    SWIGTYPE_p_mediate_route_store s = open(p, db, KEY);
    try {
      long a = whistle(s, "YZ-ZH-SZQ-G01", "public.road", "2026-11-02T09:10:00+08:00");
      Check.equal(1L, a);
      MediateNative.mediate_route_store_dispatch_auto(s, a, t("2026-11-02T09:20:00+08:00"), DISPATCHER);
      MediateNative.mediate_route_store_acknowledge(s, a, "YZ-ZH-CJ", t("2026-11-02T10:05:00+08:00"), "城建办 徐斌");
      MediateNative.mediate_route_store_pause(s, a, "YZ-ZH-CJ", t("2026-11-02T10:10:00+08:00"), "城建办 徐斌", "等待物业开门");
      MediateNative.mediate_route_store_resume(s, a, "YZ-ZH-CJ", t("2026-11-02T13:40:00+08:00"), "城建办 徐斌");
      MediateNative.mediate_route_store_check_in(s, a, "YZ-ZH-CJ", t("2026-11-02T15:30:00+08:00"), "城建办 徐斌");
      MediateNative.mediate_route_store_extension_request(s, a, "YZ-ZH-CJ", t("2026-11-02T15:40:00+08:00"),
          "城建办 徐斌", 240, "地砖需订货");
      MediateNative.mediate_route_store_extension_decide(s, a, "YZ-ZH-CJ", t("2026-11-02T15:50:00+08:00"),
          DISPATCHER, 1, "同意");
      MediateNative.mediate_route_store_progress(s, a, "YZ-ZH-CJ", t("2026-11-03T09:00:00+08:00"), "城建办 徐斌", "地砖已到");
      MediateNative.mediate_route_store_finish(s, a, "YZ-ZH-CJ", t("2026-11-03T16:00:00+08:00"), "城建办 徐斌", "更换地砖36块");
      MediateNative.mediate_route_store_reopen(s, a, t("2026-11-04T09:00:00+08:00"), "网格员 俞丽娟", "又有一块松动");
      MediateNative.mediate_route_store_acknowledge(s, a, "YZ-ZH-CJ", t("2026-11-04T09:30:00+08:00"), "城建办 徐斌");
      MediateNative.mediate_route_store_check_in(s, a, "YZ-ZH-CJ", t("2026-11-04T10:30:00+08:00"), "城建办 徐斌");
      MediateNative.mediate_route_store_finish(s, a, "YZ-ZH-CJ", t("2026-11-04T11:30:00+08:00"), "城建办 徐斌", "已更换");
      MediateNative.mediate_route_store_rate(s, a, "YZ-ZH-CJ", t("2026-11-04T14:00:00+08:00"), "网格员 俞丽娟",
          mediate_satisfaction.MEDIATE_SATISFIED);
      MediateNative.mediate_route_store_confirm(s, a, t("2026-11-04T14:01:00+08:00"), "网格员 俞丽娟");

      long b = whistle(s, "YZ-ZGM-JJC", "public.streetscape", "2026-11-04T14:10:00+08:00");
      MediateNative.mediate_route_store_dispatch(s, b, t("2026-11-04T14:20:00+08:00"), DISPATCHER, "YZ-ZGM-ZF",
          new String[] {"YZ-ZGM-CJ"}, mediate_dispatch_level.MEDIATE_LEVEL_TOWN);
      MediateNative.mediate_route_store_return(s, b, "YZ-ZGM-ZF", t("2026-11-04T14:30:00+08:00"), "执法队 林涛",
          mediate_return_reason.MEDIATE_RETURN_NOT_OUR_DUTY, "属环卫公司职责");
      MediateNative.mediate_route_store_reroute(s, b, "YZ-ZGM-ZF", t("2026-11-04T14:40:00+08:00"), DISPATCHER, "YZ-E-HW");
      MediateNative.mediate_route_store_return(s, b, "YZ-E-HW", t("2026-11-04T14:50:00+08:00"), "环卫公司 吴刚",
          mediate_return_reason.MEDIATE_RETURN_OUTSIDE_AREA, "不在清运范围");
      MediateNative.mediate_route_store_force(s, b, "YZ-E-HW", t("2026-11-04T15:00:00+08:00"), DISPATCHER, "最终裁定");
      MediateNative.mediate_route_store_supervise(s, b, t("2026-11-04T15:05:00+08:00"), "区综治中心 主任", 1);
      MediateNative.mediate_route_store_recategorize(s, b, t("2026-11-04T15:10:00+08:00"), DISPATCHER,
          "public.sanitation", mediate_urgency.MEDIATE_URGENCY_URGENT);
      mediate_route_event[] ev = new mediate_route_event[4];
      for (int i = 0; i < ev.length; i++)
        ev[i] = new mediate_route_event();
      long[] n = new long[1];
      MediateNative.mediate_route_store_tick(s, t("2026-11-09T12:00:00+08:00"), ev, n);
      Check.equal(4L, n[0]);
      Check.isTrue(ev[0].getDue() <= ev[3].getDue(), "events in deadline order");

      long lastDue = ev[3].getDue();
      byte[] before = head(s);
      long rows = MediateNative.mediate_route_store_journal_count(s);
      Check.equal(25L, rows);
      MediateNative.mediate_route_store_close(s);
      s = null;
      s = open(p, db, KEY);
      Check.isTrue(java.util.Arrays.equals(before, head(s)), "the same audit head after reopening");
      Check.equal(rows, MediateNative.mediate_route_store_journal_count(s));
      MediateNative.mediate_route_store_refresh(s);
      mediate_order_info oi = new mediate_order_info();
      oi.setVersion(MediateNativeConstants.MEDIATE_ORDER_INFO_VERSION);
      MediateNative.mediate_route_order_info(oi, MediateNative.mediate_route_store_route(s), b);
      Check.equal("public.sanitation", oi.getCategory());
      Check.equal(1, oi.getSupervised());
      MediateNative.mediate_route_order_info(oi, MediateNative.mediate_route_store_route(s), a);
      Check.equal(mediate_order_state.MEDIATE_ORDER_CLOSED, oi.getState());
      // The four events handed back before are not handed back again; the rest are.
      MediateNative.mediate_route_store_tick(s, t("2026-11-09T12:00:00+08:00"), ev, n);
      Check.isTrue(n[0] > 0 && ev[0].getDue() >= lastDue, "the events after those handed back");
    } finally {
      MediateNative.mediate_route_store_close(s);
      MediateNative.mediate_policy_free(p);
      remove(db);
    }
  }

  public void testRefusedAndForeign() throws Exception {
    String db = tempDb();
    SWIGTYPE_p_mediate_policy p = load();
    SWIGTYPE_p_mediate_route_store s = open(p, db, KEY);
    try {
      final SWIGTYPE_p_mediate_route_store st = s;
      long a = whistle(s, "YZ-ZH-SZQ-G01", "public.road", "2026-11-02T09:10:00+08:00");
      raisesCode(MediateError.ESTATE, () -> MediateNative.mediate_route_store_confirm(st, a,
          t("2026-11-02T09:20:00+08:00"), "网格员 俞丽娟"));
      raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_route_store_dispatch_auto(st, a,
          t("2026-11-02T08:00:00+08:00"), DISPATCHER));
      raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_route_store_dispatch_auto(null, a,
          t("2026-11-02T09:20:00+08:00"), DISPATCHER));
      Check.equal(1L, MediateNative.mediate_route_store_journal_count(s));
      MediateNative.mediate_route_store_close(s);
      s = null;
      byte[] other = "another key, not the store's one".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      raisesCode(MediateError.EREFUSED, () -> open(p, db, other));
      s = open(p, db, KEY);
      Check.equal(1L, MediateNative.mediate_route_store_journal_count(s));
    } finally {
      MediateNative.mediate_route_store_close(s);
      MediateNative.mediate_policy_free(p);
      remove(db);
    }
  }

  /** The idiomatic layer: RouteStore with a read-only Route view. */
  public void testRouteStoreClass() throws Exception {
    String db = tempDb();
    try (Policy p = Policy.load(COUNTY)) {
      long o;
      try (RouteStore s = RouteStore.open(p, db, KEY)) {
        o = s.whistle(new Route.Whistle("YZ-ZH-SZQ-G01", "public.road", t("2026-11-02T09:10:00+08:00"),
            "网格员 俞丽娟").place("宋诏桥路12号").description("人行道地砖松动"));
        Check.equal(1L, o);
        s.dispatch(o, t("2026-11-02T09:20:00+08:00"), DISPATCHER);
        s.acknowledge(o, "YZ-ZH-CJ", t("2026-11-02T10:05:00+08:00"), "城建办 徐斌");
        s.pause(o, "YZ-ZH-CJ", t("2026-11-02T10:10:00+08:00"), "城建办 徐斌", "等待物业开门");
        s.resume(o, "YZ-ZH-CJ", t("2026-11-02T13:40:00+08:00"), "城建办 徐斌");
        s.checkIn(o, "YZ-ZH-CJ", t("2026-11-02T15:30:00+08:00"), "城建办 徐斌");
        s.requestExtension(o, "YZ-ZH-CJ", t("2026-11-02T15:40:00+08:00"), "城建办 徐斌", 240, "地砖需订货");
        s.decideExtension(o, "YZ-ZH-CJ", t("2026-11-02T15:50:00+08:00"), DISPATCHER, true, "同意");
        s.progress(o, "YZ-ZH-CJ", t("2026-11-03T09:00:00+08:00"), "城建办 徐斌", "地砖已到");
        s.finish(o, "YZ-ZH-CJ", t("2026-11-03T16:00:00+08:00"), "城建办 徐斌", "更换地砖36块");
        // An impossible step: confirm before rating.
        raisesCode(MediateError.ESTATE, () -> s.confirm(o, t("2026-11-03T16:10:00+08:00"), "网格员 俞丽娟"));
        s.rate(o, "YZ-ZH-CJ", t("2026-11-03T16:20:00+08:00"), "网格员 俞丽娟", Route.Satisfaction.SATISFIED);
        s.confirm(o, t("2026-11-03T16:21:00+08:00"), "网格员 俞丽娟");
        long b = s.whistle(new Route.Whistle("YZ-ZGM-JJC", "public.streetscape", t("2026-11-04T14:10:00+08:00"),
            "金家漕社区 书记 陈建国").urgency(Route.Urgency.URGENT));
        s.dispatch(b, t("2026-11-04T14:20:00+08:00"), DISPATCHER, "YZ-ZGM-ZF",
            java.util.Arrays.asList("YZ-ZGM-CJ"), Route.DispatchLevel.TOWN);
        s.returnTask(b, "YZ-ZGM-ZF", t("2026-11-04T14:30:00+08:00"), "执法队 林涛", Route.ReturnReason.NOT_OUR_DUTY,
            "属环卫公司职责");
        s.reroute(b, "YZ-ZGM-ZF", t("2026-11-04T14:40:00+08:00"), DISPATCHER, "YZ-E-HW");
        s.returnTask(b, "YZ-E-HW", t("2026-11-04T14:50:00+08:00"), "环卫公司 吴刚", Route.ReturnReason.DUPLICATE, null);
        s.force(b, "YZ-E-HW", t("2026-11-04T15:00:00+08:00"), DISPATCHER, "最终裁定");
        s.supervise(b, t("2026-11-04T15:05:00+08:00"), "区综治中心 主任", true);
        s.recategorize(b, t("2026-11-04T15:10:00+08:00"), DISPATCHER, "public.sanitation", Route.Urgency.URGENT);
        java.util.List<RouteEvent> ev = s.tick(t("2026-11-09T12:00:00+08:00"));
        Check.isTrue(ev.size() > 0, "events due");
        Check.equal(0, s.tick(t("2026-11-09T12:00:00+08:00")).size());
        // The view answers queries and refuses changes.
        Check.equal(Route.OrderState.CLOSED, s.route().order(o).state());
        raisesCode(MediateError.ESTATE, () -> s.route().order(b).confirm(t("2026-11-09T12:00:00+08:00"), "x"));
        Check.isTrue(s.toString().contains("journal rows"), "toString");
      }
      RouteStore s = RouteStore.open(p, db, KEY);
      try {
        Check.equal(Route.OrderState.CLOSED, s.route().order(o).state());
        Check.equal("public.sanitation", s.route().order(2).category());
        Check.isTrue(s.route().order(2).isSupervised(), "supervised after reopening");
        Check.equal(0, s.tick(t("2026-11-09T12:00:00+08:00")).size());
        s.refresh();
        Check.equal(21L, s.journalCount());      // the two idle ticks wrote no row
      } finally {
        s.close();
      }
      s.close();
      raisesCode(MediateError.ESTATE, () -> s.journalCount());
    } finally {
      remove(db);
    }
  }
}
