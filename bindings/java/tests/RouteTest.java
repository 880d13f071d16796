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
      long[] due = ti.getDue();
      Check.equal(3, due.length);
      Check.equal(t("2026-11-03T11:40:00+08:00"), due[0]);
      Check.equal(t("2026-11-10T09:40:00+08:00"), due[2]);
      Check.equal(0L, ti.getDone()[0]);
      Check.isNull(ti.getRating());
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
      Check.equal(32, entries[0].getHash().length);
      Check.isNull(ev[0].getStep());
      mediate_audit_entry[] cut = java.util.Arrays.copyOf(entries, count - 1);
      long[] where = new long[] {-1};
      raisesCode(MediateError.ETAMPER, () -> MediateNative.mediate_audit_verify(where, cut, head, KEY));
      Check.equal(count - 1, where[0]);
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

  // ---- the idiomatic layer: WorkCalendar, Route, Order, RouteEvent, AuditEntry ----

  static final byte[] JS_KEY = "Jiangshan town audit key 2026 ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  static final String GRID = "YZ-JS-ZMT-G01";       // 走马塘村第1网格, 姜山镇
  static final String ZF = "YZ-JS-ZF", CJ = "YZ-JS-CJ", NY = "YZ-JS-NY", ZX = "YZ-JS-ZX";
  static final String RAISER = "走马塘村网格员 陈海燕", DISPATCHER = "姜山镇派单员 王立";

  /** A time boxed, to compare with Order.Task.due/done (Long or null). */
  static Long at(String text) {
    return t(text);
  }

  static Route.Whistle facade(String category) {
    return new Route.Whistle(GRID, category, t("2026-10-09T16:30:00+08:00"), RAISER)
        .place("走马塘村老街23号").description("沿街立面墙皮大面积脱落，危及行人");
  }

  static java.util.List<String> states(Order o) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Order.Task k : o.tasks())
      out.add(k.department + " " + k.role.code() + " " + k.state.code());
    return out;
  }

  public void testWorkCalendar() {
    Policy p = Policy.load(COUNTY);
    try {
      WorkCalendar cal = WorkCalendar.of(p, "cn-office");
      Check.equal(java.util.Collections.singletonList(cal), WorkCalendar.all(p));
      Check.equal("cn-office", cal.code());
      Check.equal("机关工作时间", cal.name("zh"));
      Check.equal(480, cal.offsetMinutes());
      Check.equal(java.time.ZoneOffset.ofHours(8), cal.zoneOffset());
      Check.isNull(WorkCalendar.find(p, "cn-factory"));
      raisesCode(MediateError.ENOTFOUND, () -> WorkCalendar.of(p, "cn-factory"));
      Check.equal(WorkCalendar.DayKind.WORKING, cal.dayKind(2026, 10, 9));
      Check.equal(WorkCalendar.DayKind.MAKEUP, cal.dayKind(java.time.LocalDate.of(2026, 10, 10)));   // 调休
      Check.equal(WorkCalendar.DayKind.REST, cal.dayKind(2026, 10, 11));
      Check.equal(WorkCalendar.DayKind.HOLIDAY, cal.dayKind(2026, 10, 1));
      Check.equal("makeup", WorkCalendar.DayKind.MAKEUP.code());
      Check.isTrue(cal.isWorkingDay(java.time.LocalDate.of(2026, 10, 10)), "make-up Saturday");
      raisesCode(MediateError.EINVAL, () -> cal.dayKind(2026, 2, 30));
      Check.isTrue(cal.isWorkingTime(t("2026-10-10T10:00:00+08:00")), "Saturday 10:00 at work");
      Check.isTrue(!cal.isWorkingTime(t("2026-10-11T10:00:00+08:00")), "Sunday");
      Check.isTrue(!cal.isWorkingTime(t("2026-10-09T12:30:00+08:00")), "lunch");
      Check.equal(t("2026-10-10T09:40:00+08:00"), cal.addHours(t("2026-10-09T16:40:00+08:00"), 2));
      Check.equal(t("2026-10-09T17:30:00+08:00"), cal.addMinutes(t("2026-10-09T17:00:00+08:00"), 30));
      Check.equal(t("2026-10-12T09:00:00+08:00"), cal.addMinutes(t("2026-10-10T17:00:00+08:00"), 60));
      Check.equal(java.time.OffsetDateTime.parse("2026-10-12T09:00+08:00"),
          cal.addMinutes(java.time.OffsetDateTime.parse("2026-10-10T09:00Z"), 60));
      Check.equal(120, cal.minutesBetween(t("2026-09-30T16:00:00+08:00"), t("2026-10-08T09:00:00+08:00")));
      Check.equal(t("2026-10-12T08:30:00+08:00"), cal.nextWorking(t("2026-10-10T18:00:00+08:00")));
      raisesCode(MediateError.EINVAL, () -> cal.addMinutes(0, -1));
      p.close();
      raisesCode(MediateError.ESTATE, () -> cal.code());
    } finally {
      p.close();
    }
  }

  /**
   * A week of one whistle in 姜山镇: auto dispatch on Friday afternoon,
   * escalation over the 调休 Saturday and the weekend, return + reroute,
   * pause, extension, finish, reopen, rate, confirm, metrics, audit.
   */
  public void testIdiomaticStory() {
    try (Policy p = Policy.load(COUNTY); Route r = Route.create(p, JS_KEY)) {
      Order o = r.whistle(facade("public.streetscape"));
      Check.equal(1L, o.number());
      Check.equal(1L, r.orderCount());
      Check.equal(o, r.order(1));
      Check.equal(java.util.Collections.singletonList(o), r.orders());
      Check.equal(Route.OrderState.PENDING, o.state());
      Check.equal(GRID, o.unit());
      Check.equal(RAISER, o.raiser());
      Check.equal(Route.Urgency.NORMAL, o.urgency());
      Check.equal("走马塘村老街23号", o.place());
      Check.equal(t("2026-10-09T16:30:00+08:00"), o.raised());
      Check.isNull(o.caseId());
      Check.isNull(o.level());

      o.dispatch(t("2026-10-09T16:40:00+08:00"), DISPATCHER);
      Check.equal(Route.DispatchLevel.TOWN, o.level());
      Check.equal(java.util.Arrays.asList(ZF + " lead assigned", CJ + " assist assigned"), states(o));
      Order.Task zf = o.task(ZF);
      Check.equal(at("2026-10-10T09:40:00+08:00"), zf.due(Route.Target.ACKNOWLEDGE));   // 调休 Saturday
      Check.equal(at("2026-10-10T16:40:00+08:00"), zf.due(Route.Target.CHECK_IN));
      Check.equal(at("2026-10-15T16:40:00+08:00"), zf.due(Route.Target.FINISH));
      Check.isNull(zf.done(Route.Target.ACKNOWLEDGE));
      Check.isNull(zf.rating);
      o.acknowledge(CJ, t("2026-10-09T17:00:00+08:00"), "城建办 李国强");
      Check.equal(at("2026-10-09T17:00:00+08:00"), o.task(CJ).done(Route.Target.ACKNOWLEDGE));

      java.util.List<RouteEvent> ev = r.tick(t("2026-10-10T12:00:00+08:00"));
      Check.equal(3, ev.size());
      Check.equal(RouteEvent.Kind.WARNING, ev.get(0).kind);
      Check.equal(t("2026-10-10T09:16:00+08:00"), ev.get(0).due);
      Check.equal(RouteEvent.Kind.BREACH, ev.get(1).kind);
      Check.equal(ZF, ev.get(1).department);
      Check.equal(Route.Target.ACKNOWLEDGE, ev.get(1).target);
      Check.isNull(ev.get(1).step);
      Check.equal(1L, ev.get(1).order);
      Check.equal(RouteEvent.Kind.ESCALATION, ev.get(2).kind);
      Check.equal(Route.Escalation.REMINDER, ev.get(2).step);
      Check.equal(t("2026-10-10T09:40:00+08:00"), ev.get(2).due);
      Check.isTrue(!o.isSupervised(), "not yet supervised");
      Check.equal(0, r.tick(t("2026-10-10T12:00:00+08:00")).size());
      ev = r.tick(t("2026-10-12T10:00:00+08:00"));
      java.util.List<String> ladder = new java.util.ArrayList<>();
      for (int i = 0; i < ev.size(); i++) {
        RouteEvent e = ev.get(i);
        if (i > 0)
          Check.isTrue(ev.get(i - 1).due <= e.due, "deadline order");
        if (e.kind == RouteEvent.Kind.ESCALATION && e.department.equals(ZF) && e.target == Route.Target.ACKNOWLEDGE)
          ladder.add(e.step.code() + " " + Time.format(e.due));
      }
      Check.equal(java.util.Arrays.asList("supervision 2026-10-10T15:10:00+08:00",
          "report_up 2026-10-12T09:40:00+08:00"), ladder);
      Check.isTrue(o.isSupervised(), "督办 set by the ladder");

      o.returnTask(ZF, t("2026-10-12T10:10:00+08:00"), "执法队 周斌", Route.ReturnReason.NOT_OUR_DUTY, "属村级自管房屋立面");
      Check.equal(Route.TaskState.RETURNED, o.task(ZF).state);
      o.reroute(ZF, t("2026-10-12T10:20:00+08:00"), DISPATCHER, NY);
      Check.equal(java.util.Arrays.asList(ZF + " lead rerouted", CJ + " assist acknowledged", NY + " lead assigned"),
          states(o));
      Check.equal(at("2026-10-12T13:50:00+08:00"), o.task(NY).due(Route.Target.ACKNOWLEDGE));
      o.acknowledge(NY, t("2026-10-12T11:00:00+08:00"), "农业农村办 张伟");
      o.checkIn(CJ, t("2026-10-12T14:00:00+08:00"), "李国强");
      o.checkIn(NY, t("2026-10-12T14:30:00+08:00"), "张伟");
      o.pause(NY, t("2026-10-12T15:00:00+08:00"), "张伟", "等待房主回村开门");
      Check.isTrue(o.task(NY).paused, "paused");
      Check.isNull(o.task(NY).due(Route.Target.FINISH));
      o.resume(NY, t("2026-10-13T09:00:00+08:00"), "张伟");
      Check.equal(at("2026-10-19T14:50:00+08:00"), o.task(NY).due(Route.Target.FINISH));
      o.progress(NY, t("2026-10-13T10:00:00+08:00"), "张伟", "已拉警戒线，清理脱落墙皮");
      o.requestExtension(NY, t("2026-10-13T11:00:00+08:00"), "张伟", 900, "需房主同意并筹款修缮外立面");
      Check.isTrue(o.task(NY).extensionPending, "extension pending");
      o.decideExtension(NY, t("2026-10-13T11:30:00+08:00"), DISPATCHER, true, "同意延期两个工作日");
      Check.equal(900L, o.task(NY).extendedMinutes);
      Check.equal(at("2026-10-21T14:50:00+08:00"), o.task(NY).due(Route.Target.FINISH));
      o.finish(CJ, t("2026-10-14T16:00:00+08:00"), "李国强", "出具立面修缮技术方案");
      o.finish(NY, t("2026-10-20T16:00:00+08:00"), "张伟", "外立面重新抹灰刷漆");
      Check.equal(Route.OrderState.FINISHED, o.state());
      Check.equal(0, o.openTasks().size());

      o.reopen(t("2026-10-21T09:00:00+08:00"), RAISER, "雨后檐口仍有掉落");
      Check.equal(Route.OrderState.DISPATCHED, o.state());
      Check.equal(1L, o.reopened());
      Check.equal(2, o.openTasks().size());
      o.acknowledge(CJ, t("2026-10-21T09:20:00+08:00"), "李国强");
      o.acknowledge(NY, t("2026-10-21T09:30:00+08:00"), "张伟");
      o.checkIn(NY, t("2026-10-21T10:00:00+08:00"), "张伟");
      o.checkIn(CJ, t("2026-10-21T10:05:00+08:00"), "李国强");
      o.finish(CJ, t("2026-10-22T14:00:00+08:00"), "李国强", "檐口加固方案复核");
      o.finish(NY, t("2026-10-22T15:00:00+08:00"), "张伟", "檐口加固完毕");

      // Refused steps throw and change nothing.
      long n = r.auditCount();
      raisesCode(MediateError.ESTATE, () -> o.finish(NY, t("2026-10-22T15:10:00+08:00"), "张伟", "再次办结"));
      raisesCode(MediateError.ESTATE, () -> o.returnTask(NY, t("2026-10-22T15:10:00+08:00"), "张伟",
          Route.ReturnReason.DUPLICATE, null));
      raisesCode(MediateError.ENOTFOUND, () -> o.acknowledge(ZF, t("2026-10-22T15:10:00+08:00"), "周斌"));
      raisesCode(MediateError.EINVAL, () -> o.rate(NY, t("2026-10-01T09:00:00+08:00"), RAISER,
          Route.Satisfaction.SATISFIED));   // time goes backwards
      raisesCode(MediateError.EINVAL, () -> Route.Satisfaction.parse("very_happy"));
      Check.equal(n, r.auditCount());
      Check.equal(Route.OrderState.FINISHED, o.state());

      o.rate(NY, t("2026-10-23T09:00:00+08:00"), RAISER, Route.Satisfaction.parse("satisfied"));
      o.rate(CJ, t("2026-10-23T09:01:00+08:00"), RAISER, Route.Satisfaction.BASICALLY_SATISFIED);
      raisesCode(MediateError.ESTATE, () -> o.rate(CJ, t("2026-10-23T09:02:00+08:00"), RAISER,
          Route.Satisfaction.DISSATISFIED));
      Check.equal(Route.Satisfaction.SATISFIED, o.task(NY).rating);
      Check.equal("basically_satisfied", o.task(CJ).rating.code());
      o.confirm(t("2026-10-23T09:05:00+08:00"), RAISER);
      Check.equal(Route.OrderState.CLOSED, o.state());
      raisesCode(MediateError.ESTATE, () -> o.reopen(t("2026-10-23T10:00:00+08:00"), RAISER, "还想再改"));

      Route.Metrics m = r.metrics(t("2026-10-01T00:00:00+08:00"), t("2026-11-01T00:00:00+08:00"), null);
      Check.equal(1L, m.returns);
      Check.equal(1L, m.extensionsApproved);
      Check.equal(1L, m.reopens);
      Check.equal(2L, m.rated);
      Check.equal(1L, m.basicallySatisfied);
      Check.isTrue(m.satisfactionRate == 1.0, "satisfaction rate " + m);
      Check.isTrue(m.escalations >= 5, "escalations " + m);
      Route.Metrics ny = r.metrics(t("2026-10-01T00:00:00+08:00"), t("2026-11-01T00:00:00+08:00"), NY);
      Check.equal(2L, ny.finishedInTime);
      Check.equal(0L, ny.acknowledgeMissed + ny.finishMissed);
      Check.isTrue(ny.responseRate == 1.0 && ny.resolutionRate == 1.0, "NY rates " + ny);
      Check.equal(1L, r.whistleCount("YZ-JS", t("2026-10-01T00:00:00+08:00"), t("2026-11-01T00:00:00+08:00")));

      java.util.List<AuditEntry> trail = o.audit();
      Check.equal("whistle", trail.get(0).action);
      Check.equal("", trail.get(0).from);
      Check.equal("pending", trail.get(0).to);
      Check.equal("confirm", trail.get(trail.size() - 1).action);
      Check.equal(r.auditCount(), r.verifyAudit(r.auditHead()));
    }
  }

  public void testIdiomaticDispatcher() {
    try (Policy p = Policy.load(COUNTY); Route r = Route.create(p, JS_KEY)) {
      // 邻里 whistles of 姜山镇 match no routing rule: manual dispatch.
      Order o = r.whistle(facade("neighbour").urgency(Route.Urgency.parse("urgent")));
      raisesCode(MediateError.ENOTFOUND, () -> o.dispatch(t("2026-10-09T16:35:00+08:00"), DISPATCHER));
      Check.equal(Route.OrderState.PENDING, o.state());
      o.dispatch(t("2026-10-09T16:40:00+08:00"), DISPATCHER, ZX, java.util.Arrays.asList(CJ),
          Route.DispatchLevel.COUNTY);
      Check.equal(Route.DispatchLevel.COUNTY, o.level());
      Check.equal(java.util.Arrays.asList(ZX + " lead assigned", CJ + " assist assigned"), states(o));
      o.returnTask(CJ, t("2026-10-09T16:50:00+08:00"), "城建办 李国强", Route.ReturnReason.OUTSIDE_AREA, null);
      o.force(CJ, t("2026-10-09T17:00:00+08:00"), DISPATCHER, "属地协办，不得再退");
      Check.isTrue(o.task(CJ).forced, "forced");
      raisesCode(MediateError.ESTATE, () -> o.returnTask(CJ, t("2026-10-09T17:05:00+08:00"), "李国强",
          Route.ReturnReason.NOT_OUR_DUTY, "再次退单"));
      o.supervise(t("2026-10-09T17:10:00+08:00"), "镇督查室", true);
      Check.isTrue(o.isSupervised(), "supervised");
      o.supervise(t("2026-10-09T17:11:00+08:00"), "镇督查室", false);
      Check.isTrue(!o.isSupervised(), "not supervised");
      o.recategorize(t("2026-10-09T17:20:00+08:00"), DISPATCHER, "public.safety_hazard", Route.Urgency.URGENT);
      Check.equal("public.safety_hazard", o.category());
      Check.equal(at("2026-10-09T16:55:00+08:00"), o.task(ZX).due(Route.Target.ACKNOWLEDGE));   // 15 minutes
      java.util.List<RouteEvent> first = r.tick(t("2026-10-12T12:00:00+08:00"), 2);
      Check.equal(2, first.size());
      java.util.List<RouteEvent> rest = r.tick(t("2026-10-12T12:00:00+08:00"));
      Check.isTrue(rest.size() > 0 && first.get(1).due <= rest.get(0).due, "the rest stays due");
      raisesCode(MediateError.EINVAL, () -> Route.create(p, new byte[8]));
      raisesCode(MediateError.ENOTFOUND, () -> r.whistle(new Route.Whistle("YZ-JS-NOPE", "public.road",
          t("2026-10-12T12:00:00+08:00"), RAISER)));
      raisesCode(MediateError.EINVAL, () -> r.whistle(new Route.Whistle(ZF, "public.road",
          t("2026-10-12T12:00:00+08:00"), RAISER)));    // a department raises no whistle
      raisesCode(MediateError.ENOTFOUND, () -> r.order(2));
      raisesCode(MediateError.EINVAL, () -> o.rate(CJ, t("2026-10-12T12:00:00+08:00"), RAISER, null));
      raisesCode(MediateError.EINVAL, () -> o.acknowledge(null, t("2026-10-12T12:00:00+08:00"), "李国强"));
      raisesCode(MediateError.EINVAL, () -> r.whistle(facade("public.road").urgency(null)));
      raisesCode(MediateError.ENOTFOUND, () -> o.task(NY));
    }
  }

  public void testReadOnlyView() {
    SWIGTYPE_p_mediate_policy rp = load();
    try (Policy p = Policy.load(COUNTY)) {
      SWIGTYPE_p_mediate_route raw = engine(rp);     // an engine owned elsewhere (a store)
      try {
        long n = whistle(raw, "2026-11-03T09:30:00+08:00");
        Route v = Route.view(p, KEY, () -> raw);
        Check.isTrue(v.isReadOnly(), "read-only");
        Order o = v.order(n);
        Check.equal(Route.OrderState.PENDING, o.state());
        Check.equal("YZ-ZH-SZQ-G01", o.unit());
        Check.equal(1, v.audit().size());
        Check.equal(1L, v.verifyAudit(v.auditHead()));
        raisesCode(MediateError.ESTATE, () -> o.dispatch(t("2026-11-03T09:40:00+08:00"), "郑洁"));
        raisesCode(MediateError.ESTATE, () -> v.tick(t("2026-11-03T09:40:00+08:00")));
        raisesCode(MediateError.ESTATE, () -> v.whistle(facade("public.road")));
        Check.equal(Route.OrderState.PENDING, o.state());
        v.close();
        raisesCode(MediateError.ESTATE, () -> o.state());
      } finally {
        MediateNative.mediate_route_free(raw);
      }
    } finally {
      MediateNative.mediate_policy_free(rp);
    }
  }

  public void testIdiomaticClose() {
    try (Policy p = Policy.load(COUNTY)) {
      Route r = Route.create(p, JS_KEY);
      Order o = r.whistle(facade("public.road"));
      Check.equal("Route(1 orders, 1 audit entries)", r.toString());
      r.close();
      r.close();
      Check.isTrue(r.isClosed(), "closed");
      raisesCode(MediateError.ESTATE, () -> o.state());
      raisesCode(MediateError.ESTATE, () -> r.audit());
    }
  }

  public void testIdiomaticAuditTamper() {
    try (Policy p = Policy.load(COUNTY); Route r = Route.create(p, JS_KEY)) {
      Order o = r.whistle(facade("public.streetscape"));
      o.dispatch(t("2026-10-09T16:40:00+08:00"), DISPATCHER);
      o.acknowledge(ZF, t("2026-10-09T16:50:00+08:00"), "执法队 周斌");
      byte[] head = r.auditHead();                       // stored apart from the trail
      java.util.List<AuditEntry> trail = r.audit();      // values, as an application stores them
      int n = trail.size();
      Check.equal(32, head.length);
      Check.equal(32, trail.get(n - 1).hash().length);
      Check.equal("执法队 周斌", trail.get(n - 1).actor);
      Check.equal((long) n, Route.verifyAudit(trail, head, JS_KEY));
      Check.equal(-1L, Route.findTamper(trail, head, JS_KEY));
      // Rebuilt from storage, field by field: still verifies.
      java.util.List<AuditEntry> stored = new java.util.ArrayList<>();
      for (AuditEntry e : trail)
        stored.add(new AuditEntry(e.seq, e.time, e.order, e.actor, e.unit, e.department, e.action, e.from, e.to,
            e.details, e.due, e.hash()));
      Check.equal(trail, stored);
      Check.equal(-1L, Route.findTamper(stored, head, JS_KEY));

      java.util.List<AuditEntry> edited = new java.util.ArrayList<>(trail);
      edited.set(2, trail.get(2).withDetails("lead=YZ-JS-CJ"));
      Check.equal(2L, Route.findTamper(edited, head, JS_KEY));
      raisesCode(MediateError.ETAMPER, () -> Route.verifyAudit(edited, head, JS_KEY));
      java.util.List<AuditEntry> removed = new java.util.ArrayList<>(trail);
      removed.remove(1);
      Check.equal(1L, Route.findTamper(removed, head, JS_KEY));
      java.util.List<AuditEntry> swapped = new java.util.ArrayList<>(trail);
      java.util.Collections.swap(swapped, 1, 2);
      Check.equal(1L, Route.findTamper(swapped, head, JS_KEY));
      Check.equal((long) n - 1, Route.findTamper(trail.subList(0, n - 1), head, JS_KEY));   // cut off
      raisesCode(MediateError.ETAMPER, () -> Route.verifyAudit(trail,
          head, "another key, another chain!!!!!".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      raisesCode(MediateError.EINVAL, () -> Route.findTamper(trail, new byte[16], JS_KEY));
      o.checkIn(ZF, t("2026-10-09T17:10:00+08:00"), "执法队 周斌");
      raisesCode(MediateError.ETAMPER, () -> r.verifyAudit(head));     // the trail grew past the old head
      Check.equal((long) n + 1, r.verifyAudit(r.auditHead()));
      Check.equal(0L, Route.verifyAudit(java.util.Collections.emptyList(), new byte[32], JS_KEY));
    }
  }
}
