/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The whistle &rarr; dispatch &rarr; report engine (吹哨-派单-报到).  A village
 * or community raises a whistle ({@link #whistle(Whistle)}); the dispatch
 * centre or the policy's routing rules send the {@link Order} to a lead
 * department and assisting departments; each acknowledges, reports in on
 * site and finishes within SLA deadlines on a {@link WorkCalendar}; the
 * raising unit rates and confirms, or reopens.  The engine keeps no clock:
 * every step takes the time {@code now}, and {@link #tick(long)} returns the
 * warnings, breaches and escalations that fell due, earliest first.
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml");
 *      Route r = Route.create(p, key)) {
 *   Order o = r.whistle(new Route.Whistle("YZ-JS-ZMT-G01", "public.streetscape",
 *       Time.parse("2026-10-09T16:30:00+08:00"), "走马塘村网格员 陈海燕").place("走马塘村老街23号"));
 *   o.dispatch(Time.parse("2026-10-09T16:40:00+08:00"), "姜山镇派单员 王立");   // by the rules
 *   for (RouteEvent e : r.tick(Time.parse("2026-10-12T10:00:00+08:00")))
 *     System.out.println(e);
 * }
 * </pre>
 *
 * <p>Times are long seconds since the epoch (UTC); order numbers are
 * {@code long} (1, 2, ...); enumerations are the Java enums below, whose
 * {@code code()} is the C API's name ("urgent", "on_site").  Every failure
 * throws {@link MediateException}: an impossible step with code ESTATE, and
 * nothing changes; an unknown order or department ENOTFOUND; a tampered
 * audit trail ETAMPER.  The engine keeps its policy reachable; one engine,
 * one thread at a time; an engine never closed is freed when unreachable.
 */
public final class Route implements AutoCloseable {
  // ---- enumerations ----

  /** Urgency of a whistle. */
  public enum Urgency {
    /** 一般 */ NORMAL(mediate_urgency.MEDIATE_URGENCY_NORMAL),
    /** 紧急 */ URGENT(mediate_urgency.MEDIATE_URGENCY_URGENT),
    /** 特急 */ CRITICAL(mediate_urgency.MEDIATE_URGENCY_CRITICAL);

    final mediate_urgency c;
    Urgency(mediate_urgency c) { this.c = c; }
    /** "normal", "urgent" or "critical". */
    public String code() { return MediateNative.mediate_urgency_name(c); }
    static Urgency of(mediate_urgency c) { return values()[c.swigValue() - 1]; }
    /** The urgency named {@code code}; MediateException (EINVAL) for an unknown name. */
    public static Urgency parse(String code) {
      int[] v = new int[1];
      MediateNative.mediate_urgency_parse(v, code);
      return of(mediate_urgency.swigToEnum(v[0]));
    }
  }

  /** State of an order. */
  public enum OrderState {
    /** Raised, waiting for (manual) dispatch. */ PENDING(mediate_order_state.MEDIATE_ORDER_PENDING),
    /** Departments at work. */ DISPATCHED(mediate_order_state.MEDIATE_ORDER_DISPATCHED),
    /** Every department finished; awaiting the raiser. */ FINISHED(mediate_order_state.MEDIATE_ORDER_FINISHED),
    /** Confirmed by the raising unit. */ CLOSED(mediate_order_state.MEDIATE_ORDER_CLOSED);

    final mediate_order_state c;
    OrderState(mediate_order_state c) { this.c = c; }
    public String code() { return MediateNative.mediate_order_state_name(c); }
    static OrderState of(mediate_order_state c) { return values()[c.swigValue() - 1]; }
  }

  /** State of a department's task. */
  public enum TaskState {
    ASSIGNED(mediate_task_state.MEDIATE_TASK_ASSIGNED),
    ACKNOWLEDGED(mediate_task_state.MEDIATE_TASK_ACKNOWLEDGED),
    ON_SITE(mediate_task_state.MEDIATE_TASK_ON_SITE),
    FINISHED(mediate_task_state.MEDIATE_TASK_FINISHED),
    /** 退单: waiting for the dispatcher. */ RETURNED(mediate_task_state.MEDIATE_TASK_RETURNED),
    /** Replaced by a task of another department. */ REROUTED(mediate_task_state.MEDIATE_TASK_REROUTED);

    final mediate_task_state c;
    TaskState(mediate_task_state c) { this.c = c; }
    public String code() { return MediateNative.mediate_task_state_name(c); }
    /** True while the department still works on it. */
    public boolean isOpen() { return this == ASSIGNED || this == ACKNOWLEDGED || this == ON_SITE; }
    static TaskState of(mediate_task_state c) { return values()[c.swigValue() - 1]; }
  }

  /** Role of a department in an order. */
  public enum Role {
    LEAD, ASSIST;
    /** "lead" or "assist". */
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    static Role of(mediate_role c) { return values()[c.swigValue() - 1]; }
  }

  /** The three deadlines of a task. */
  public enum Target {
    ACKNOWLEDGE, CHECK_IN, FINISH;
    /** "acknowledge", "check_in" or "finish". */
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    static Target of(mediate_target c) { return values()[c.swigValue() - 1]; }
  }

  /** Steps of the escalation ladder. */
  public enum Escalation {
    /** 提醒 */ REMINDER(mediate_escalation.MEDIATE_ESCALATE_REMINDER),
    /** 督办通知: also sets the order's supervision flag. */ SUPERVISION(mediate_escalation.MEDIATE_ESCALATE_SUPERVISION),
    /** 上报 to the level above. */ REPORT_UP(mediate_escalation.MEDIATE_ESCALATE_REPORT_UP);

    final mediate_escalation c;
    Escalation(mediate_escalation c) { this.c = c; }
    /** "reminder", "supervision" or "report_up". */
    public String code() { return MediateNative.mediate_escalation_name(c); }
    static Escalation of(mediate_escalation c) { return c == null ? null : values()[c.swigValue() - 1]; }
  }

  /** Reason of a return (退单). */
  public enum ReturnReason {
    /** 非本单位职责 */ NOT_OUR_DUTY(mediate_return_reason.MEDIATE_RETURN_NOT_OUR_DUTY),
    /** 不在辖区 */ OUTSIDE_AREA(mediate_return_reason.MEDIATE_RETURN_OUTSIDE_AREA),
    /** 信息不全 */ INSUFFICIENT(mediate_return_reason.MEDIATE_RETURN_INSUFFICIENT),
    /** 重复派单 */ DUPLICATE(mediate_return_reason.MEDIATE_RETURN_DUPLICATE);

    final mediate_return_reason c;
    ReturnReason(mediate_return_reason c) { this.c = c; }
    public String code() { return MediateNative.mediate_return_reason_name(c); }
    /** The reason named {@code code}; MediateException (EINVAL) for an unknown name. */
    public static ReturnReason parse(String code) {
      int[] v = new int[1];
      MediateNative.mediate_return_reason_parse(v, code);
      return values()[v[0] - 1];
    }
  }

  /** The raising unit's rating of a department. */
  public enum Satisfaction {
    /** 满意 */ SATISFIED(mediate_satisfaction.MEDIATE_SATISFIED),
    /** 基本满意 */ BASICALLY_SATISFIED(mediate_satisfaction.MEDIATE_BASICALLY_SATISFIED),
    /** 不满意 */ DISSATISFIED(mediate_satisfaction.MEDIATE_DISSATISFIED);

    final mediate_satisfaction c;
    Satisfaction(mediate_satisfaction c) { this.c = c; }
    public String code() { return MediateNative.mediate_satisfaction_name(c); }
    static Satisfaction of(mediate_satisfaction c) { return c == null ? null : values()[c.swigValue() - 1]; }
    /** The rating named {@code code}; MediateException (EINVAL) for an unknown name. */
    public static Satisfaction parse(String code) {
      int[] v = new int[1];
      MediateNative.mediate_satisfaction_parse(v, code);
      return values()[v[0] - 1];
    }
  }

  /** Level an order is dispatched at. */
  public enum DispatchLevel {
    TOWN(mediate_dispatch_level.MEDIATE_LEVEL_TOWN),
    COUNTY(mediate_dispatch_level.MEDIATE_LEVEL_COUNTY);

    final mediate_dispatch_level c;
    DispatchLevel(mediate_dispatch_level c) { this.c = c; }
    /** "town" or "county". */
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    static DispatchLevel of(mediate_dispatch_level c) { return c == null ? null : values()[c.swigValue() - 1]; }
  }

  // ---- values ----

  /**
   * A whistle as the raising unit files it: the unit (village, community or
   * grid), the category, the time and the raiser are required; urgency
   * (NORMAL), place, description and the linked case are optional.
   */
  public static final class Whistle {
    final String unit, category, raiser;
    final long time;
    Urgency urgency = Urgency.NORMAL;
    String place, description, caseId;

    public Whistle(String unit, String category, long time, String raiser) {
      this.unit = unit;
      this.category = category;
      this.time = time;
      this.raiser = raiser;
    }

    public Whistle urgency(Urgency u) { urgency = u; return this; }
    public Whistle place(String text) { place = text; return this; }
    public Whistle description(String text) { description = text; return this; }
    public Whistle caseId(String id) { caseId = id; return this; }
  }

  /**
   * Metrics of a period, from the audit trail: counts of tasks and the three
   * rates (response: acknowledged in time / (acknowledged + missed);
   * resolution: finished in time / (finished + missed); satisfaction:
   * (satisfied + basically) / rated; 0 when nothing was counted).  Missed:
   * the deadline passed in the period and was not met by its end.  A value.
   */
  public static final class Metrics {
    public final long dispatched, acknowledged, acknowledgedInTime, finished, finishedInTime,
        acknowledgeMissed, finishMissed, rated,
        satisfied, basicallySatisfied, dissatisfied, returns, extensionsRequested, extensionsApproved,
        escalations, reopens;
    public final double responseRate, resolutionRate, satisfactionRate;

    Metrics(mediate_route_metrics m) {
      dispatched = m.getDispatched();
      acknowledged = m.getAcknowledged();
      acknowledgedInTime = m.getAcknowledged_in_time();
      finished = m.getFinished();
      finishedInTime = m.getFinished_in_time();
      acknowledgeMissed = m.getAcknowledge_missed();
      finishMissed = m.getFinish_missed();
      rated = m.getRated();
      satisfied = m.getSatisfied();
      basicallySatisfied = m.getBasically_satisfied();
      dissatisfied = m.getDissatisfied();
      returns = m.getReturns();
      extensionsRequested = m.getExtensions_requested();
      extensionsApproved = m.getExtensions_approved();
      escalations = m.getEscalations();
      reopens = m.getReopens();
      responseRate = m.getResponse_rate();
      resolutionRate = m.getResolution_rate();
      satisfactionRate = m.getSatisfaction_rate();
    }

    @Override public String toString() {
      return String.format(java.util.Locale.ROOT,
          "dispatched=%d response=%.3f resolution=%.3f satisfaction=%.3f returns=%d extensions=%d/%d"
          + " escalations=%d reopens=%d", dispatched, responseRate, resolutionRate, satisfactionRate,
          returns, extensionsApproved, extensionsRequested, escalations, reopens);
    }
  }

  // ---- the handle ----

  private final Policy policy;   // keeps the policy reachable
  private final byte[] key;
  private final Owned<SWIGTYPE_p_mediate_route> handle;   // null on a view
  /* A read-only view: the engine's lender (null for an engine of our own). */
  private final java.util.function.Supplier<SWIGTYPE_p_mediate_route> lender;
  private volatile boolean viewClosed;

  private Route(Policy policy, byte[] key, long ptr) {
    this.policy = policy;
    this.key = key;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_route.wrap(ptr), MediateNative::mediate_route_free, "route engine");
    lender = null;
  }

  private Route(Policy policy, byte[] key, java.util.function.Supplier<SWIGTYPE_p_mediate_route> lender) {
    this.policy = policy;
    this.key = key.clone();
    handle = null;
    this.lender = lender;
  }

  /**
   * A read-only Route over an engine that its owner (a persistent store that
   * journals every step) lends: the queries, the audit trail and the metrics
   * work; whistle, tick and the steps of an order throw MediateException
   * (ESTATE).  engine returns the lent engine, or throws once the owner is
   * closed; closing the view frees nothing.
   */
  public static Route view(Policy policy, byte[] key,
      java.util.function.Supplier<SWIGTYPE_p_mediate_route> engine) {
    return new Route(policy, key, engine);
  }

  /**
   * An engine on a policy (it must have "sla" and may have "routing"), with
   * the key of the audit chain (16 to 64 bytes, copied).
   */
  public static Route create(Policy policy, byte[] key) {
    long[] out = new long[1];
    byte[] copy = key == null ? null : key.clone();
    MediateNative.mediate_route_new(out, policy.ptr(), copy);
    return new Route(policy, copy, out[0]);
  }

  SWIGTYPE_p_mediate_route ptr() {
    if (lender != null) {
      if (viewClosed)
        throw new MediateException(new MediateError(MediateError.ESTATE, "", 0, 0, "",
            "the route engine is closed"));
      return lender.get();
    }
    return handle.get();
  }

  /** The engine, for a call that changes it: refused on a read-only view. */
  SWIGTYPE_p_mediate_route writable() {
    SWIGTYPE_p_mediate_route r = ptr();
    if (lender != null)
      throw new MediateException(new MediateError(MediateError.ESTATE, "", 0, 0, "",
          "a read-only view of the engine: change it through its owner"));
    return r;
  }

  /** Frees the engine (a view frees nothing); safe to call twice. */
  @Override public void close() {
    if (lender != null)
      viewClosed = true;
    else
      handle.close();
  }

  public boolean isClosed() {
    if (lender != null)
      return viewClosed;
    return handle.isClosed();
  }

  /** True for a read-only view of an engine owned elsewhere. */
  public boolean isReadOnly() { return lender != null; }

  /** The policy of the engine. */
  public Policy policy() { return policy; }

  // ---- orders ----

  /** Raises a whistle: a new order, PENDING. */
  public Order whistle(Whistle w) {
    long[] number = new long[1];
    MediateNative.mbind_route_whistle(number, writable(), w.unit, w.raiser, w.category,
        Order.nonNull(w.urgency, "urgency").c, w.place,
        w.description, w.caseId, w.time);   // covers: mediate_route_whistle
    return new Order(this, number[0]);
  }

  /** The number of orders raised. */
  public long orderCount() { return MediateNative.mediate_route_order_count(ptr()); }

  /** The order with that number; MediateException (ENOTFOUND) when there is none. */
  public Order order(long number) {
    if (number < 1 || number > orderCount())
      throw new MediateException(new MediateError(MediateError.ENOTFOUND, "", 0, 0, "",
          "route: no order " + number));
    return new Order(this, number);
  }

  /** Every order, oldest first (a live view). */
  public List<Order> orders() {
    return new Orders();
  }

  private final class Orders extends AbstractList<Order> implements RandomAccess {
    @Override public int size() { return (int) orderCount(); }
    @Override public Order get(int i) {
      if (i < 0 || i >= size())
        throw new IndexOutOfBoundsException("index " + i + ", size " + size());
      return new Order(Route.this, i + 1);
    }
  }

  // ---- timers ----

  /**
   * The warnings, breaches and escalations due at or before now, earliest
   * first (ties in the order their timers were set).  now must not go
   * backwards.
   */
  public List<RouteEvent> tick(long now) {
    List<RouteEvent> out = new ArrayList<>();
    for (;;) {
      List<RouteEvent> got = tick(now, 256);
      out.addAll(got);
      if (got.size() < 256)
        return Collections.unmodifiableList(out);
    }
  }

  /** At most limit events due at or before now; the rest stay due for the next call. */
  public List<RouteEvent> tick(long now, int limit) {
    if (limit < 0)
      throw new IllegalArgumentException("limit < 0");
    mediate_route_event[] ev = new mediate_route_event[limit];
    for (int i = 0; i < limit; i++)
      ev[i] = new mediate_route_event();
    try {
      long[] n = new long[1];
      MediateNative.mediate_route_tick(writable(), now, ev, n);
      List<RouteEvent> out = new ArrayList<>((int) n[0]);
      for (int i = 0; i < n[0]; i++)
        out.add(new RouteEvent(ev[i]));
      return Collections.unmodifiableList(out);
    } finally {
      for (mediate_route_event e : ev)
        e.delete();
    }
  }

  // ---- audit trail ----

  /** The number of audit entries. */
  public long auditCount() { return MediateNative.mediate_route_audit_count(ptr()); }

  /** The audit trail: a copy of every entry, oldest first (values to store and verify later). */
  public List<AuditEntry> audit() {
    SWIGTYPE_p_mediate_route r = ptr();
    long n = MediateNative.mediate_route_audit_count(r);
    List<AuditEntry> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++)
      out.add(new AuditEntry(MediateNative.mediate_route_audit_at(r, i)));
    return Collections.unmodifiableList(out);
  }

  /** The audit entries of one order. */
  public List<AuditEntry> audit(long order) {
    List<AuditEntry> out = new ArrayList<>();
    for (AuditEntry e : audit())
      if (e.order == order)
        out.add(e);
    return Collections.unmodifiableList(out);
  }

  /** The hash of the last entry (32 bytes, all zero for an empty trail): store it apart. */
  public byte[] auditHead() {
    byte[] head = new byte[MediateNativeConstants.MEDIATE_AUDIT_HASH_BYTES];
    MediateNative.mediate_route_audit_head(head, ptr());
    return head;
  }

  /**
   * Verifies the engine's own trail against a head stored earlier; returns
   * the number of entries, throws MediateException (ETAMPER) when the trail
   * does not end at that head.
   */
  public long verifyAudit(byte[] head) {
    SWIGTYPE_p_mediate_route r = ptr();
    int n = (int) MediateNative.mediate_route_audit_count(r);
    mediate_audit_entry[] entries = new mediate_audit_entry[n];
    for (int i = 0; i < n; i++)
      entries[i] = MediateNative.mediate_route_audit_at(r, i);   // borrowed, used at once
    long[] bad = new long[1];
    MediateNative.mediate_audit_verify(bad, entries, head, key);
    return bad[0];
  }

  /** Verifies a trail of values against the head stored apart; see {@link #findTamper}. */
  public static long verifyAudit(List<AuditEntry> entries, byte[] head, byte[] key) {
    long[] bad = new long[1];
    verify(bad, entries, head, key);
    return bad[0];
  }

  /**
   * The index of the first entry of a trail that fails verification (an
   * entry edited, removed, inserted or moved; {@code entries.size()} when
   * entries were cut off the end), or -1 when the trail is intact.  Other
   * errors (a head of the wrong length, a bad key) throw MediateException.
   */
  public static long findTamper(List<AuditEntry> entries, byte[] head, byte[] key) {
    long[] bad = new long[] {-1};
    try {
      verify(bad, entries, head, key);
      return -1;
    } catch (MediateException e) {
      if (e.getCode() != MediateError.ETAMPER)
        throw e;
      return bad[0];
    }
  }

  private static void verify(long[] bad, List<AuditEntry> entries, byte[] head, byte[] key) {
    SWIGTYPE_p_mbind_audit trail = MediateNative.mbind_audit_new(entries.size());
    if (trail == null)
      throw new MediateException(new MediateError(MediateError.ENOMEM, "", 0, 0, "", "out of memory"));
    try {
      int i = 0;
      for (AuditEntry e : entries) {
        MediateNative.mbind_audit_set(trail, i++, e.seq, e.time, e.order, e.actor, e.unit, e.department,
            e.action, e.from, e.to, e.details, e.due, e.hash());
      }
      MediateNative.mbind_audit_verify(bad, trail, head, key);   // covers: mediate_audit_verify
    } finally {
      MediateNative.mbind_audit_free(trail);
    }
  }

  // ---- metrics ----

  /** Metrics of the audit entries with from &lt;= time &lt; to, for one department or all (null). */
  public Metrics metrics(long from, long to, String department) {
    mediate_route_metrics m = new mediate_route_metrics();
    try {
      m.setVersion(MediateNativeConstants.MEDIATE_ROUTE_METRICS_VERSION);
      MediateNative.mediate_route_metrics_get(m, ptr(), department, from, to);
      return new Metrics(m);
    } finally {
      m.delete();
    }
  }

  /** Whistles raised by unit or any unit below it in [from, to) (the whistle rate). */
  public long whistleCount(String unit, long from, long to) {
    long[] out = new long[1];
    MediateNative.mediate_route_whistle_count(out, ptr(), unit, from, to);
    return out[0];
  }

  @Override public String toString() {
    if (isClosed())
      return "Route(closed)";
    return "Route(" + orderCount() + " orders, " + auditCount() + " audit entries)";
  }
}
