/* SPDX-License-Identifier: MIT */
package org.libmediate;

/** An org unit (county, police station, community...); borrowed from (and keeping) its {@link Policy}. */
public final class Unit {
  private final Policy policy;
  private final SWIGTYPE_p_mediate_unit ptr;

  Unit(Policy policy, SWIGTYPE_p_mediate_unit ptr) {
    this.policy = policy;
    this.ptr = ptr;
  }

  private SWIGTYPE_p_mediate_unit p() {
    policy.ptr();   // throws once the policy is closed
    return ptr;
  }

  public Policy policy() { return policy; }

  /** The code ("YZ-ZGM-PS"). */
  public String code() { return MediateNative.mediate_unit_code(p()); }

  /** The name in the policy's language. */
  public String name() { return MediateNative.mediate_unit_name(p(), null); }

  /** The name in lang ("zh", "en"), falling back to the policy's language. */
  public String name(String lang) { return MediateNative.mediate_unit_name(p(), lang); }

  /** The kind (county, police_station...). */
  public UnitKind kind() {
    return UnitKind.of(MediateNative.mediate_unit_get_kind(p()).swigValue());
  }

  /** The address the policy gives, or null. */
  public String address() { return MediateNative.mediate_unit_address(p()); }

  /** The parent, or null for a root. */
  public Unit parent() {
    SWIGTYPE_p_mediate_unit u = MediateNative.mediate_unit_parent(p());
    return u == null ? null : new Unit(policy, u);
  }

  public int index() { return (int) MediateNative.mediate_unit_index(p()); }

  /** 0 for a root. */
  public int depth() { return (int) MediateNative.mediate_unit_depth(p()); }

  /** True when ancestor is this unit or one of its ancestors. */
  public boolean isWithin(Unit ancestor) {
    if (ancestor == null || ancestor.policy != policy)
      return false;
    return MediateNative.mediate_unit_is_within(p(), ancestor.p()) != 0;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Unit && ((Unit) o).policy == policy && ((Unit) o).index() == index();
  }

  @Override public int hashCode() { return System.identityHashCode(policy) * 31 + index(); }

  @Override public String toString() { return policy.isClosed() ? "Unit(closed policy)" : code(); }
}
