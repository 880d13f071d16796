/* SPDX-License-Identifier: MIT */
package org.libmediate;

/**
 * A timer event from {@link Route#tick(long)}: a warning (the SLA's warning
 * share of a target's time is used), a breach (its deadline passed) or a step
 * of the escalation ladder.  A value.
 */
public final class RouteEvent {
  /** What fell due. */
  public enum Kind {
    WARNING, BREACH, ESCALATION;

    /** "warning", "breach" or "escalation". */
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    static Kind of(mediate_route_event_kind c) { return values()[c.swigValue() - 1]; }
  }

  public final Kind kind;
  /** The order number. */
  public final long order;
  /** The task's department (unit code). */
  public final String department;
  public final Route.Target target;
  /** The ladder's step for an ESCALATION, else null. */
  public final Route.Escalation step;
  /** The instant it fell due. */
  public final long due;

  RouteEvent(mediate_route_event e) {
    kind = Kind.of(e.getKind());
    order = e.getOrder();
    department = e.getDepartment();
    target = Route.Target.of(e.getTarget());
    step = Route.Escalation.of(e.getStep());
    due = e.getDue();
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof RouteEvent))
      return false;
    RouteEvent e = (RouteEvent) o;
    return kind == e.kind && order == e.order && department.equals(e.department) && target == e.target
        && step == e.step && due == e.due;
  }

  @Override public int hashCode() {
    return java.util.Objects.hash(kind, order, department, target, step, due);
  }

  @Override public String toString() {
    return Time.format(due) + " " + kind.code() + (step != null ? " " + step.code() : "") + " order " + order
        + " " + department + " " + target.code();
  }
}
