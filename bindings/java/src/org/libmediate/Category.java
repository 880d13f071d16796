/* SPDX-License-Identifier: MIT */
package org.libmediate;

/** A dispute category of a policy's taxonomy; borrowed from (and keeping) its {@link Policy}. */
public final class Category {
  private final Policy policy;
  private final SWIGTYPE_p_mediate_category ptr;

  Category(Policy policy, SWIGTYPE_p_mediate_category ptr) {
    this.policy = policy;
    this.ptr = ptr;
  }

  SWIGTYPE_p_mediate_category p() {
    policy.ptr();   // throws once the policy is closed
    return ptr;
  }

  public Policy policy() { return policy; }

  /** The code ("family.marriage"). */
  public String code() { return MediateNative.mediate_category_code(p()); }

  /** The name in the policy's language. */
  public String name() { return MediateNative.mediate_category_name(p(), null); }

  /** The name in lang ("zh", "en"), falling back to the policy's language. */
  public String name(String lang) { return MediateNative.mediate_category_name(p(), lang); }

  /** The parent, or null for a root. */
  public Category parent() {
    SWIGTYPE_p_mediate_category c = MediateNative.mediate_category_parent(p());
    return c == null ? null : new Category(policy, c);
  }

  /** The position in the policy (document order). */
  public int index() { return (int) MediateNative.mediate_category_index(p()); }

  /** 0 for a root. */
  public int depth() { return (int) MediateNative.mediate_category_depth(p()); }

  /** True when ancestor is this category or one of its ancestors. */
  public boolean isWithin(Category ancestor) {
    if (ancestor == null || ancestor.policy != policy)
      return false;
    return MediateNative.mediate_category_is_within(p(), ancestor.p()) != 0;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Category && ((Category) o).policy == policy && ((Category) o).index() == index();
  }

  @Override public int hashCode() { return System.identityHashCode(policy) * 31 + index(); }

  @Override public String toString() { return policy.isClosed() ? "Category(closed policy)" : code(); }
}
