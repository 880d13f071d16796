/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One order of a {@link Route}: a live view, whose getters read the engine
 * each time.  Every step takes {@code now} (seconds since the epoch) and the
 * {@code actor} (the person acting); the departments' steps take the
 * department's unit code first.  An impossible step throws
 * MediateException (ESTATE) and changes nothing; an unknown department
 * ENOTFOUND.
 *
 * <pre>
 *   Order o = route.whistle(w);
 *   o.dispatch(now, "派单员");                       // by the routing rules
 *   o.acknowledge("YZ-JS-ZF", now + 600, "执法队 周斌");
 *   for (Order.Task t : o.tasks())
 *     System.out.println(t.department + " " + t.state + " " + Time.format(t.due(Route.Target.CHECK_IN)));
 * </pre>
 */
public final class Order {
  /** A department's task, as it was when read (a value). */
  public static final class Task {
    /** The department's unit code. */
    public final String department;
    public final Route.Role role;
    public final Route.TaskState state;
    /** Dispatched by a final decision: cannot be returned. */
    public final boolean forced;
    /** The clocks are stopped, waiting on the raiser. */
    public final boolean paused;
    public final boolean extensionPending;
    /** Approved extensions, in minutes of the SLA's time. */
    public final long extendedMinutes;
    /** Start of the current clocks. */
    public final long started;
    /** The raising unit's rating, or null. */
    public final Route.Satisfaction rating;
    private final long[] due, done;

    Task(mediate_task_info t) {
      department = t.getDepartment();
      role = Route.Role.of(t.getRole());
      state = Route.TaskState.of(t.getState());
      forced = t.getForced() != 0;
      paused = t.getPaused() != 0;
      extensionPending = t.getExtension_pending() != 0;
      extendedMinutes = t.getExtended_minutes();
      started = t.getStarted();
      due = t.getDue();
      done = t.getDone();
      rating = Route.Satisfaction.of(t.getRating());
    }

    /** The running deadline of a target, or null once met, while paused or not started. */
    public Long due(Route.Target target) {
      long v = due[target.ordinal()];
      return v == 0 ? null : v;
    }

    /** When a target was met, or null. */
    public Long done(Route.Target target) {
      long v = done[target.ordinal()];
      return v == 0 ? null : v;
    }

    /** True while the department still works on it. */
    public boolean isOpen() { return state.isOpen(); }

    @Override public String toString() {
      return department + " " + role.code() + " " + state.code();
    }
  }

  private final Route route;
  private final long number;

  Order(Route route, long number) {
    this.route = route;
    this.number = number;
  }

  /** The order number (1, 2, ...). */
  public long number() { return number; }

  public Route route() { return route; }

  private interface Reader<T> {
    T read(mediate_order_info info);
  }

  private <T> T info(Reader<T> reader) {
    mediate_order_info i = new mediate_order_info();
    try {
      i.setVersion(MediateNativeConstants.MEDIATE_ORDER_INFO_VERSION);
      MediateNative.mediate_route_order_info(i, route.ptr(), number);
      return reader.read(i);
    } finally {
      i.delete();
    }
  }

  // ---- what the raiser filed, and where it stands ----

  public Route.OrderState state() { return info(i -> Route.OrderState.of(i.getState())); }
  /** The raising unit's code. */
  public String unit() { return info(i -> i.getUnit()); }
  public String raiser() { return info(i -> i.getRaiser()); }
  /** The category code (changes on recategorize). */
  public String category() { return info(i -> i.getCategory()); }
  public Route.Urgency urgency() { return info(i -> Route.Urgency.of(i.getUrgency())); }
  public String place() { return info(i -> i.getPlace()); }
  public String description() { return info(i -> i.getDescription()); }
  /** The linked dispute case, or null. */
  public String caseId() { return info(i -> i.getCase_id()); }
  /** When it was raised. */
  public long raised() { return info(i -> i.getRaised()); }
  /** The dispatch level, or null before dispatch. */
  public Route.DispatchLevel level() { return info(i -> Route.DispatchLevel.of(i.getLevel())); }
  /** The 督办 flag. */
  public boolean isSupervised() { return info(i -> i.getSupervised() != 0); }
  /** Times reopened. */
  public long reopened() { return info(i -> i.getReopened()); }

  /** Every task, returned and rerouted ones included (values, in dispatch order). */
  public List<Task> tasks() {
    SWIGTYPE_p_mediate_route r = route.ptr();
    long n = info(i -> i.getTask_count());
    List<Task> out = new ArrayList<>((int) n);
    mediate_task_info t = new mediate_task_info();
    try {
      t.setVersion(MediateNativeConstants.MEDIATE_TASK_INFO_VERSION);
      for (long k = 0; k < n; k++) {
        MediateNative.mediate_route_task_info(t, r, number, k);
        out.add(new Task(t));
      }
    } finally {
      t.delete();
    }
    return Collections.unmodifiableList(out);
  }

  /** The current (latest) task of a department; MediateException (ENOTFOUND) if it has none. */
  public Task task(String department) {
    List<Task> all = tasks();
    for (int k = all.size() - 1; k >= 0; k--)
      if (all.get(k).department.equals(department))
        return all.get(k);
    throw new MediateException(new MediateError(MediateError.ENOTFOUND, "", 0, 0, "",
        "department \"" + department + "\" has no task in order " + number));
  }

  /** The tasks still being worked on. */
  public List<Task> openTasks() {
    List<Task> out = new ArrayList<>();
    for (Task t : tasks())
      if (t.isOpen())
        out.add(t);
    return Collections.unmodifiableList(out);
  }

  /** The audit entries of this order. */
  public List<AuditEntry> audit() { return route.audit(number); }

  // ---- the dispatcher ----

  /**
   * Dispatches by the routing rules (first match wins).  MediateException
   * (ENOTFOUND) when no rule matches: the order stays PENDING for a manual
   * dispatch.
   */
  public void dispatch(long now, String actor) {
    MediateNative.mediate_route_dispatch_auto(route.writable(), number, now, actor);
  }

  /** Dispatches by hand to a lead department and assisting departments at a level. */
  public void dispatch(long now, String actor, String lead, List<String> assist, Route.DispatchLevel level) {
    String[] a = assist == null ? new String[0] : assist.toArray(new String[0]);
    MediateNative.mediate_route_dispatch(route.writable(), number, now, actor, lead, a, nonNull(level, "level").c);
  }

  /** Sends a returned task to another department (new clocks). */
  public void reroute(String department, long now, String actor, String newDepartment) {
    MediateNative.mediate_route_reroute(route.writable(), number, department, now, actor, newDepartment);
  }

  /** The final decision: the returned task goes back and cannot be returned again. */
  public void force(String department, long now, String actor, String note) {
    MediateNative.mediate_route_force(route.writable(), number, department, now, actor, note);
  }

  /** Approves or refuses the pending extension request. */
  public void decideExtension(String department, long now, String actor, boolean approve, String note) {
    MediateNative.mediate_route_extension_decide(route.writable(), number, department, now, actor, approve ? 1 : 0,
        note);
  }

  /** Sets or clears the 督办 flag. */
  public void supervise(long now, String actor, boolean on) {
    MediateNative.mediate_route_supervise(route.writable(), number, now, actor, on ? 1 : 0);
  }

  /** New category and urgency: the SLA is re-picked, the pause ledger and extensions kept. */
  public void recategorize(long now, String actor, String category, Route.Urgency urgency) {
    MediateNative.mediate_route_recategorize(route.writable(), number, now, actor, category,
        nonNull(urgency, "urgency").c);
  }

  // ---- the departments ----

  /** The department acknowledges (签收). */
  public void acknowledge(String department, long now, String actor) {
    MediateNative.mediate_route_acknowledge(route.writable(), number, department, now, actor);
  }

  /** The department reports in on site (报到). */
  public void checkIn(String department, long now, String actor) {
    MediateNative.mediate_route_check_in(route.writable(), number, department, now, actor);
  }

  /** A progress note. */
  public void progress(String department, long now, String actor, String note) {
    MediateNative.mediate_route_progress(route.writable(), number, department, now, actor, note);
  }

  /** The department finishes with a result. */
  public void finish(String department, long now, String actor, String result) {
    MediateNative.mediate_route_finish(route.writable(), number, department, now, actor, result);
  }

  /** 退单: returns a wrongly routed task (before arriving on site, never after a forced dispatch). */
  public void returnTask(String department, long now, String actor, Route.ReturnReason reason, String note) {
    MediateNative.mediate_route_return(route.writable(), number, department, now, actor,
        nonNull(reason, "reason").c, note);
  }

  /** Asks for {@code minutes} more to finish (in the SLA's time). */
  public void requestExtension(String department, long now, String actor, long minutes, String reason) {
    MediateNative.mediate_route_extension_request(route.writable(), number, department, now, actor, minutes, reason);
  }

  /** Stops the task's clocks while waiting on the raiser. */
  public void pause(String department, long now, String actor, String reason) {
    MediateNative.mediate_route_pause(route.writable(), number, department, now, actor, reason);
  }

  /** Restarts the task's clocks. */
  public void resume(String department, long now, String actor) {
    MediateNative.mediate_route_resume(route.writable(), number, department, now, actor);
  }

  // ---- the raising unit ----

  /** Rates a finished department. */
  public void rate(String department, long now, String actor, Route.Satisfaction rating) {
    MediateNative.mediate_route_rate(route.writable(), number, department, now, actor, nonNull(rating, "rating").c);
  }

  /** Confirms a finished order: it is closed. */
  public void confirm(long now, String actor) {
    MediateNative.mediate_route_confirm(route.writable(), number, now, actor);
  }

  /** Sends a finished order back: a redo with new clocks. */
  public void reopen(long now, String actor, String reason) {
    MediateNative.mediate_route_reopen(route.writable(), number, now, actor, reason);
  }

  /** A null enum argument is refused like a NULL in C: MediateException (EINVAL). */
  static <T> T nonNull(T value, String what) {
    if (value == null)
      throw new MediateException(new MediateError(MediateError.EINVAL, "", 0, 0, "", what + " is null"));
    return value;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Order && ((Order) o).route == route && ((Order) o).number == number;
  }

  @Override public int hashCode() {
    return Long.hashCode(number) * 31 + System.identityHashCode(route);
  }

  @Override public String toString() {
    if (route.isClosed())
      return "Order(" + number + " of a closed route)";
    return "Order(" + number + " " + state().code() + " " + category() + " from " + unit() + ")";
  }
}
