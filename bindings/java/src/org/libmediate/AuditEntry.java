/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a route's audit trail, as a value to store and verify later
 * with {@link Route#verifyAudit(java.util.List, byte[], byte[])}: the
 * sequence number (from 1), time, order, actor, the unit that acted, the
 * department concerned ("" for none), the action ("whistle", "dispatch",
 * "acknowledge", ... "escalate"), the states before and after ("" for none),
 * details, the step's deadline then (0 for none) and the 32-byte keyed hash
 * over the entry and its predecessor.  Strings are never null.
 *
 * <p>The public constructor rebuilds an entry read back from storage; an
 * entry rebuilt with any field changed no longer verifies.
 */
public final class AuditEntry {
  public final long seq, time, order;
  public final String actor, unit, department, action, from, to, details;
  public final long due;
  private final byte[] hash;

  public AuditEntry(long seq, long time, long order, String actor, String unit, String department,
      String action, String from, String to, String details, long due, byte[] hash) {
    this.seq = seq;
    this.time = time;
    this.order = order;
    this.actor = actor == null ? "" : actor;
    this.unit = unit == null ? "" : unit;
    this.department = department == null ? "" : department;
    this.action = action == null ? "" : action;
    this.from = from == null ? "" : from;
    this.to = to == null ? "" : to;
    this.details = details == null ? "" : details;
    this.due = due;
    this.hash = hash == null ? new byte[0] : hash.clone();
  }

  AuditEntry(mediate_audit_entry e) {
    this(e.getSeq(), e.getTime(), e.getOrder(), e.getActor(), e.getUnit(), e.getDepartment(), e.getAction(),
        e.getFrom(), e.getTo(), e.getDetails(), e.getDue(), e.getHash());
  }

  /** The keyed hash (a copy). */
  public byte[] hash() { return hash.clone(); }

  /** The same entry with other details (it no longer verifies). */
  public AuditEntry withDetails(String newDetails) {
    return new AuditEntry(seq, time, order, actor, unit, department, action, from, to, newDetails, due, hash);
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof AuditEntry))
      return false;
    AuditEntry e = (AuditEntry) o;
    return seq == e.seq && time == e.time && order == e.order && due == e.due && actor.equals(e.actor)
        && unit.equals(e.unit) && department.equals(e.department) && action.equals(e.action)
        && from.equals(e.from) && to.equals(e.to) && details.equals(e.details) && Arrays.equals(hash, e.hash);
  }

  @Override public int hashCode() {
    return Objects.hash(seq, time, order, action, department) * 31 + Arrays.hashCode(hash);
  }

  @Override public String toString() {
    return seq + " " + Time.format(time) + " order " + order + " " + action + " " + department + " "
        + from + "->" + to + " " + details;
  }
}
