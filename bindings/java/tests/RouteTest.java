/* SPDX-License-Identifier: MIT */
import org.libmediate.*;

/**
 * Whistle, dispatch, report through Java: calendars with the 2026 holidays,
 * routing, every step of an order, refused steps, tick, metrics and tamper
 * detection of the audit chain.
 */
public class RouteTest {
  static final String EXAMPLES = System.getenv("MEDIATE_EXAMPLES_DATA") != null
      ? System.getenv("MEDIATE_EXAMPLES_DATA") : "examples/data";
  static final String COUNTY = EXAMPLES + "/county.yaml";
  static final byte[] KEY = "Yinzhou whistle audit key 2026!!".getBytes(java.nio.charset.StandardCharsets.UTF_8);

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

  static SWIGTYPE_p_mediate_route engine(SWIGTYPE_p_mediate_policy p) {
    long[] out = new long[1];
    MediateNative.mediate_route_new(out, p, KEY);
    return SWIGTYPE_p_mediate_route.wrap(out[0]);
  }

  static long whistle(SWIGTYPE_p_mediate_route r, String when) {
    mediate_whistle w = new mediate_whistle();
    w.setVersion(MediateNativeConstants.MEDIATE_WHISTLE_VERSION);
    w.setUnit("YZ-ZH-SZQ-G01");
    w.setRaiser("宋诏桥社区网格员 俞丽娟");
    w.setCategory("public.road");
    w.setUrgency(mediate_urgency.MEDIATE_URGENCY_NORMAL);
    w.setPlace("宋诏桥路12号");
    w.setDescription("人行道地砖松动");
    w.setTime(t(when));
    long[] order = new long[1];
    MediateNative.mediate_route_whistle(order, r, w);
    return order[0];
  }

  public void testCalendar() {
    SWIGTYPE_p_mediate_policy p = load();
    try {
      Check.equal(1, MediateNative.mediate_policy_calendar_count(p));
      SWIGTYPE_p_mediate_calendar c = MediateNative.mediate_policy_calendar_find(p, "cn-office");
      Check.equal("cn-office", MediateNative.mediate_calendar_code(MediateNative.mediate_policy_calendar_at(p, 0)));
      Check.equal("机关工作时间", MediateNative.mediate_calendar_name(c, "zh"));
      Check.equal(480, MediateNative.mediate_calendar_offset(c));
      int[] kind = new int[1];
      MediateNative.mediate_calendar_day_kind(kind, c, 2026, 9, 20);
      Check.equal(mediate_day_kind.MEDIATE_DAY_MAKEUP.swigValue(), kind[0]);
      long[] out = new long[1];
      MediateNative.mediate_calendar_add_minutes(out, c, t("2026-09-30T16:00:00+08:00"), 120);
      Check.equal(t("2026-10-08T09:00:00+08:00"), out[0]);
      MediateNative.mediate_calendar_minutes_between(out, c, t("2026-09-30T16:00:00+08:00"),
          t("2026-10-08T09:00:00+08:00"));
      Check.equal(120, out[0]);
      MediateNative.mediate_calendar_next_working(out, c, t("2026-09-30T18:00:00+08:00"));
      Check.equal(t("2026-10-08T08:30:00+08:00"), out[0]);
      raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_calendar_add_minutes(new long[1], c, 0, -1));
    } finally {
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testNames() {
    Check.equal("urgent", MediateNative.mediate_urgency_name(mediate_urgency.MEDIATE_URGENCY_URGENT));
    int[] v = new int[1];
    MediateNative.mediate_urgency_parse(v, "critical");
    Check.equal(mediate_urgency.MEDIATE_URGENCY_CRITICAL.swigValue(), v[0]);
    Check.equal("closed", MediateNative.mediate_order_state_name(mediate_order_state.MEDIATE_ORDER_CLOSED));
    Check.equal("on_site", MediateNative.mediate_task_state_name(mediate_task_state.MEDIATE_TASK_ON_SITE));
    Check.equal("report_up", MediateNative.mediate_escalation_name(mediate_escalation.MEDIATE_ESCALATE_REPORT_UP));
    Check.equal("duplicate", MediateNative.mediate_return_reason_name(mediate_return_reason.MEDIATE_RETURN_DUPLICATE));
    MediateNative.mediate_return_reason_parse(v, "outside_area");
    Check.equal(mediate_return_reason.MEDIATE_RETURN_OUTSIDE_AREA.swigValue(), v[0]);
    Check.equal("satisfied", MediateNative.mediate_satisfaction_name(mediate_satisfaction.MEDIATE_SATISFIED));
    MediateNative.mediate_satisfaction_parse(v, "dissatisfied");
    Check.equal(mediate_satisfaction.MEDIATE_DISSATISFIED.swigValue(), v[0]);
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_urgency_parse(new int[1], "very"));
  }

  public void testFullLoop() {
    SWIGTYPE_p_mediate_policy p = load();
    SWIGTYPE_p_mediate_route r = engine(p);
    try {
      raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_route_new(new long[1], p, new byte[4]));
      long o = whistle(r, "2026-11-03T09:30:00+08:00");
      Check.equal(1, o);
      Check.equal(1, MediateNative.mediate_route_order_count(r));
      MediateNative.mediate_route_dispatch_auto(r, o, t("2026-11-03T09:40:00+08:00"), "派单员 郑洁");
      mediate_order_info oi = new mediate_order_info();
      oi.setVersion(MediateNativeConstants.MEDIATE_ORDER_INFO_VERSION);
      MediateNative.mediate_route_order_info(oi, r, o);
      Check.equal(mediate_order_state.MEDIATE_ORDER_DISPATCHED, oi.getState());
      mediate_task_info ti = new mediate_task_info();
      ti.setVersion(MediateNativeConstants.MEDIATE_TASK_INFO_VERSION);
      MediateNative.mediate_route_task_info(ti, r, o, 0);
      Check.equal("YZ-ZH-CJ", ti.getDepartment());
      String d = "YZ-ZH-CJ";
      raisesCode(MediateError.ESTATE,
          () -> MediateNative.mediate_route_check_in(r, o, d, t("2026-11-03T09:50:00+08:00"), "徐斌"));
      MediateNative.mediate_route_acknowledge(r, o, d, t("2026-11-03T10:00:00+08:00"), "徐斌");
      MediateNative.mediate_route_pause(r, o, d, t("2026-11-03T10:10:00+08:00"), "徐斌", "等待业主开门");
      MediateNative.mediate_route_resume(r, o, d, t("2026-11-03T10:40:00+08:00"), "徐斌");
      MediateNative.mediate_route_check_in(r, o, d, t("2026-11-03T11:00:00+08:00"), "徐斌");
      MediateNative.mediate_route_progress(r, o, d, t("2026-11-03T11:30:00+08:00"), "徐斌", "已设置围挡");
      MediateNative.mediate_route_extension_request(r, o, d, t("2026-11-03T11:40:00+08:00"), "徐斌", 450, "地砖需定制");
      MediateNative.mediate_route_extension_decide(r, o, d, t("2026-11-03T11:50:00+08:00"), "郑洁", 1, "同意");
      MediateNative.mediate_route_task_info(ti, r, o, 0);
      Check.equal(450, ti.getExtended_minutes());
      MediateNative.mediate_route_finish(r, o, d, t("2026-11-04T15:00:00+08:00"), "徐斌", "更换地砖36块");
      MediateNative.mediate_route_reopen(r, o, t("2026-11-04T16:00:00+08:00"), "俞丽娟", "雨后仍有松动");
      MediateNative.mediate_route_acknowledge(r, o, d, t("2026-11-05T09:00:00+08:00"), "徐斌");
      MediateNative.mediate_route_check_in(r, o, d, t("2026-11-05T09:30:00+08:00"), "徐斌");
      MediateNative.mediate_route_finish(r, o, d, t("2026-11-05T11:00:00+08:00"), "徐斌", "整体重铺");
      MediateNative.mediate_route_rate(r, o, d, t("2026-11-05T15:00:00+08:00"), "俞丽娟",
          mediate_satisfaction.MEDIATE_SATISFIED);
      MediateNative.mediate_route_confirm(r, o, t("2026-11-05T15:01:00+08:00"), "俞丽娟");
      MediateNative.mediate_route_order_info(oi, r, o);
      Check.equal(mediate_order_state.MEDIATE_ORDER_CLOSED, oi.getState());
      Check.equal(1L, oi.getReopened());
      mediate_route_metrics m = new mediate_route_metrics();
      m.setVersion(MediateNativeConstants.MEDIATE_ROUTE_METRICS_VERSION);
      MediateNative.mediate_route_metrics_get(m, r, null, t("2026-11-01T00:00:00+08:00"), t("2026-12-01T00:00:00+08:00"));
      Check.equal(2L, m.getAcknowledged());
      Check.isTrue(m.getSatisfaction_rate() == 1.0, "satisfaction rate");
      long[] count = new long[1];
      MediateNative.mediate_route_whistle_count(count, r, "YZ-ZH", t("2026-11-01T00:00:00+08:00"),
          t("2026-12-01T00:00:00+08:00"));
      Check.equal(1, count[0]);
    } finally {
      MediateNative.mediate_route_free(r);
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testReturnRerouteForce() {
    SWIGTYPE_p_mediate_policy p = load();
    SWIGTYPE_p_mediate_route r = engine(p);
    try {
      long o = whistle(r, "2026-11-03T09:30:00+08:00");
      MediateNative.mediate_route_dispatch(r, o, t("2026-11-03T09:40:00+08:00"), "郑洁", "YZ-ZH-ZF",
          new String[] {"YZ-ZH-CJ"}, mediate_dispatch_level.MEDIATE_LEVEL_TOWN);
      MediateNative.mediate_route_return(r, o, "YZ-ZH-ZF", t("2026-11-03T10:00:00+08:00"), "执法队",
          mediate_return_reason.MEDIATE_RETURN_NOT_OUR_DUTY, "属城建");
      MediateNative.mediate_route_reroute(r, o, "YZ-ZH-ZF", t("2026-11-03T10:10:00+08:00"), "郑洁", "YZ-ZH-SW");
      MediateNative.mediate_route_return(r, o, "YZ-ZH-SW", t("2026-11-03T10:20:00+08:00"), "社会事务办",
          mediate_return_reason.MEDIATE_RETURN_NOT_OUR_DUTY, null);
      MediateNative.mediate_route_force(r, o, "YZ-ZH-SW", t("2026-11-03T10:30:00+08:00"), "郑洁", "就近处置");
      raisesCode(MediateError.ESTATE, () -> MediateNative.mediate_route_return(r, o, "YZ-ZH-SW",
          t("2026-11-03T10:40:00+08:00"), "社会事务办", mediate_return_reason.MEDIATE_RETURN_NOT_OUR_DUTY, null));
      MediateNative.mediate_route_supervise(r, o, t("2026-11-03T10:50:00+08:00"), "督查室", 1);
      MediateNative.mediate_route_recategorize(r, o, t("2026-11-03T11:00:00+08:00"), "郑洁", "public.drainage",
          mediate_urgency.MEDIATE_URGENCY_URGENT);
      mediate_order_info oi = new mediate_order_info();
      oi.setVersion(MediateNativeConstants.MEDIATE_ORDER_INFO_VERSION);
      MediateNative.mediate_route_order_info(oi, r, o);
      Check.equal("public.drainage", oi.getCategory());
      Check.equal(1, oi.getSupervised());
      Check.equal(3L, oi.getTask_count());
    } finally {
      MediateNative.mediate_route_free(r);
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testTickAndAudit() {
    SWIGTYPE_p_mediate_policy p = load();
    SWIGTYPE_p_mediate_route r = engine(p);
    try {
      long o = whistle(r, "2026-11-06T16:00:00+08:00");
      MediateNative.mediate_route_dispatch_auto(r, o, t("2026-11-06T16:00:00+08:00"), "郑洁");
      mediate_route_event[] ev = new mediate_route_event[3];
      for (int i = 0; i < ev.length; i++)
        ev[i] = new mediate_route_event();
      long[] n = new long[1];
      MediateNative.mediate_route_tick(r, t("2026-11-09T12:00:00+08:00"), ev, n);
      Check.equal(3, n[0]);
      Check.equal(mediate_route_event_kind.MEDIATE_EVENT_WARNING, ev[0].getKind());
      Check.equal(mediate_route_event_kind.MEDIATE_EVENT_BREACH, ev[1].getKind());
      Check.equal(t("2026-11-09T09:00:00+08:00"), ev[1].getDue());
      Check.equal("YZ-ZH-CJ", ev[1].getDepartment());
      Check.equal(mediate_escalation.MEDIATE_ESCALATE_REMINDER, ev[2].getStep());

      int count = (int)MediateNative.mediate_route_audit_count(r);
      mediate_audit_entry[] entries = new mediate_audit_entry[count];
      for (int i = 0; i < count; i++)
        entries[i] = MediateNative.mediate_route_audit_at(r, i);
      Check.equal("whistle", entries[0].getAction());
      byte[] head = new byte[MediateNativeConstants.MEDIATE_AUDIT_HASH_BYTES];
      MediateNative.mediate_route_audit_head(head, r);
      long[] bad = new long[1];
      MediateNative.mediate_audit_verify(bad, entries, head, KEY);
      Check.equal(count, bad[0]);
      mediate_audit_entry[] cut = java.util.Arrays.copyOf(entries, count - 1);
      raisesCode(MediateError.ETAMPER, () -> MediateNative.mediate_audit_verify(new long[1], cut, head, KEY));
      mediate_audit_entry[] swapped = entries.clone();
      swapped[0] = entries[1];
      swapped[1] = entries[0];
      raisesCode(MediateError.ETAMPER, () -> MediateNative.mediate_audit_verify(new long[1], swapped, head, KEY));
      entries[1].setDetails("被篡改");
      raisesCode(MediateError.ETAMPER, () -> MediateNative.mediate_audit_verify(bad, entries, head, KEY));
    } finally {
      MediateNative.mediate_route_free(r);
      MediateNative.mediate_policy_free(p);
    }
  }
}
