/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whistle &rarr; dispatch &rarr; report engine kept in an SQLite database
 * (mediate_route_store_open(3)): every successful step is journaled, and
 * opening the store replays the journal, checking each row's keyed hash and
 * the audit head after it.  An edited database, one of another policy
 * (name or version) or another key is refused (MediateException with code
 * ETAMPER or EREFUSED).
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml");
 *      RouteStore s = RouteStore.open(p, "route.db", key)) {
 *   long o = s.whistle(new Route.Whistle("YZ-ZH-SZQ-G01", "public.road",
 *       Time.parse("2026-11-02T09:10:00+08:00"), "网格员 俞丽娟").place("宋诏桥路12号"));
 *   s.dispatch(o, Time.parse("2026-11-02T09:20:00+08:00"), "派单员 郑洁");   // by the rules
 *   s.acknowledge(o, "YZ-ZH-CJ", Time.parse("2026-11-02T10:05:00+08:00"), "城建办 徐斌");
 *   System.out.println(s.route().order(o).state());                          // queries
 * }
 * </pre>
 *
 * <p>The steps take the order number and the same arguments as the methods
 * of {@link Order}; a refused step throws (ESTATE for an impossible one) and
 * journals nothing; when the database cannot be written the step throws
 * ESTORE and nothing changes.  {@link #route()} is a read-only {@link Route}
 * for the queries, the audit trail and the metrics.  One store, one thread
 * at a time; a store never closed is closed when unreachable.
 */
public final class RouteStore implements AutoCloseable {
  private final Policy policy;   // keeps the policy reachable
  private final Owned<SWIGTYPE_p_mediate_route_store> handle;
  private final Route view;

  private RouteStore(Policy policy, byte[] key, long ptr) {
    this.policy = policy;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_route_store.wrap(ptr), MediateNative::mediate_route_store_close, "route store");
    view = Route.view(policy, key, this::engine);
  }

  /**
   * Opens the store at path (created when missing) for a policy, with the
   * key of the audit chain (16 to 64 bytes), and replays its journal.
   */
  public static RouteStore open(Policy policy, String path, byte[] key) {
    long[] out = new long[1];
    MediateNative.mediate_route_store_open(out, policy.ptr(), path, key);
    return new RouteStore(policy, key, out[0]);
  }

  SWIGTYPE_p_mediate_route_store ptr() {
    return handle.get();
  }

  private SWIGTYPE_p_mediate_route engine() {
    return MediateNative.mediate_route_store_route(ptr());
  }

  /** A read-only view of the engine: orders, tasks, audit trail, metrics. */
  public Route route() { return view; }

  /** The policy of the store. */
  public Policy policy() { return policy; }

  /** The rows of the journal: the successful steps so far, ticks that handed back events included. */
  public long journalCount() { return MediateNative.mediate_route_store_journal_count(ptr()); }

  /** Replays the steps other processes appended since this store last looked. */
  public void refresh() { MediateNative.mediate_route_store_refresh(ptr()); }

  private static <T> T nonNull(T value, String what) {
    if (value == null)
      throw new MediateException(new MediateError(MediateError.EINVAL, "", 0, 0, "", what + " is null"));
    return value;
  }

  // ---- the journaled steps ----

  /** Raises a whistle; returns the new order's number. */
  public long whistle(Route.Whistle w) {
    long[] number = new long[1];
    nonNull(w, "whistle");
    MediateNative.mbind_route_store_whistle(number, ptr(), w.unit, w.raiser, w.category,
        nonNull(w.urgency, "urgency").c, w.place, w.description, w.caseId, w.time);
    return number[0];
  }

  /** Dispatches by the routing rules (NOTFOUND when none matches). */
  public void dispatch(long order, long now, String actor) {
    MediateNative.mediate_route_store_dispatch_auto(ptr(), order, now, actor);
  }

  /** Dispatches by hand to a lead department and assisting departments. */
  public void dispatch(long order, long now, String actor, String lead, List<String> assist,
      Route.DispatchLevel level) {
    String[] a = assist == null ? new String[0] : assist.toArray(new String[0]);
    MediateNative.mediate_route_store_dispatch(ptr(), order, now, actor, lead, a, nonNull(level, "level").c);
  }

  public void acknowledge(long order, String department, long now, String actor) {
    MediateNative.mediate_route_store_acknowledge(ptr(), order, department, now, actor);
  }

  public void checkIn(long order, String department, long now, String actor) {
    MediateNative.mediate_route_store_check_in(ptr(), order, department, now, actor);
  }

  public void progress(long order, String department, long now, String actor, String note) {
    MediateNative.mediate_route_store_progress(ptr(), order, department, now, actor, note);
  }

  public void finish(long order, String department, long now, String actor, String result) {
    MediateNative.mediate_route_store_finish(ptr(), order, department, now, actor, result);
  }

  /** 退单: a department returns a wrongly routed order. */
  public void returnTask(long order, String department, long now, String actor, Route.ReturnReason reason,
      String note) {
    MediateNative.mediate_route_store_return(ptr(), order, department, now, actor, nonNull(reason, "reason").c,
        note);
  }

  /** The dispatcher sends a returned task to another department. */
  public void reroute(long order, String department, long now, String actor, String newDepartment) {
    MediateNative.mediate_route_store_reroute(ptr(), order, department, now, actor, newDepartment);
  }

  /** The dispatcher's final decision: the returned task goes back for good. */
  public void force(long order, String department, long now, String actor, String note) {
    MediateNative.mediate_route_store_force(ptr(), order, department, now, actor, note);
  }

  public void requestExtension(long order, String department, long now, String actor, long minutes,
      String reason) {
    MediateNative.mediate_route_store_extension_request(ptr(), order, department, now, actor, minutes, reason);
  }

  public void decideExtension(long order, String department, long now, String actor, boolean approve,
      String note) {
    MediateNative.mediate_route_store_extension_decide(ptr(), order, department, now, actor, approve ? 1 : 0,
        note);
  }

  public void pause(long order, String department, long now, String actor, String reason) {
    MediateNative.mediate_route_store_pause(ptr(), order, department, now, actor, reason);
  }

  public void resume(long order, String department, long now, String actor) {
    MediateNative.mediate_route_store_resume(ptr(), order, department, now, actor);
  }

  public void rate(long order, String department, long now, String actor, Route.Satisfaction rating) {
    MediateNative.mediate_route_store_rate(ptr(), order, department, now, actor, nonNull(rating, "rating").c);
  }

  public void confirm(long order, long now, String actor) {
    MediateNative.mediate_route_store_confirm(ptr(), order, now, actor);
  }

  public void reopen(long order, long now, String actor, String reason) {
    MediateNative.mediate_route_store_reopen(ptr(), order, now, actor, reason);
  }

  /** 督办 flag on or off. */
  public void supervise(long order, long now, String actor, boolean on) {
    MediateNative.mediate_route_store_supervise(ptr(), order, now, actor, on ? 1 : 0);
  }

  public void recategorize(long order, long now, String actor, String category, Route.Urgency urgency) {
    MediateNative.mediate_route_store_recategorize(ptr(), order, now, actor, category,
        nonNull(urgency, "urgency").c);
  }

  /**
   * The warnings, breaches and escalations due at or before now, earliest
   * first.  A tick with events is journaled: each event is handed back once,
   * across closing and opening the store; a tick that finds nothing due
   * writes nothing.
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

  /** At most limit events due at or before now; the rest stay due. */
  public List<RouteEvent> tick(long now, int limit) {
    if (limit < 0)
      throw new IllegalArgumentException("limit < 0");
    mediate_route_event[] ev = new mediate_route_event[limit];
    for (int i = 0; i < limit; i++)
      ev[i] = new mediate_route_event();
    try {
      long[] n = new long[1];
      MediateNative.mediate_route_store_tick(ptr(), now, ev, n);
      List<RouteEvent> out = new ArrayList<>((int) n[0]);
      for (int i = 0; i < n[0]; i++)
        out.add(new RouteEvent(ev[i]));
      return Collections.unmodifiableList(out);
    } finally {
      for (mediate_route_event e : ev)
        e.delete();
    }
  }

  /** Closes the database (every step is already committed); safe to call twice. */
  @Override public void close() {
    handle.close();
  }

  @Override public String toString() {
    if (handle.isClosed())
      return "RouteStore(closed)";
    return "RouteStore(" + journalCount() + " journal rows)";
  }
}
