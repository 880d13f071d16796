/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.List;

/**
 * A grading level of a policy (general, difficult, major...); borrowed from
 * (and keeping) its {@link Policy}.  Levels compare by rank.
 */
public final class Level implements Comparable<Level> {
  private final Policy policy;
  private final SWIGTYPE_p_mediate_level ptr;

  Level(Policy policy, SWIGTYPE_p_mediate_level ptr) {
    this.policy = policy;
    this.ptr = ptr;
  }

  static Level of(Policy policy, SWIGTYPE_p_mediate_level ptr) {
    return ptr == null ? null : new Level(policy, ptr);
  }

  SWIGTYPE_p_mediate_level p() {
    policy.ptr();   // throws once the policy is closed
    return ptr;
  }

  public Policy policy() { return policy; }

  /** The code ("major"). */
  public String code() { return MediateNative.mediate_level_code(p()); }

  /** The name in the policy's language. */
  public String name() { return MediateNative.mediate_level_name(p(), null); }

  /** The name in lang ("zh", "en"), falling back to the policy's language. */
  public String name(String lang) { return MediateNative.mediate_level_name(p(), lang); }

  /** 0 for the lowest level. */
  public int rank() { return (int) MediateNative.mediate_level_rank(p()); }

  /** The points total from which a case reaches this level. */
  public long threshold() { return MediateNative.mediate_level_threshold(p()); }

  /** "on_the_spot", "think_tank" or "joint". */
  public String path() { return MediateNative.mediate_resolution_path_name(MediateNative.mediate_level_path(p())); }

  public int deadlineDays() { return (int) MediateNative.mediate_level_deadline_days(p()); }

  public int minMediatorLevel() { return (int) MediateNative.mediate_level_min_mediator_level(p()); }

  public boolean requiresThinkTank() { return MediateNative.mediate_level_requires_think_tank(p()) != 0; }

  /** The units that mediate a case of this category jointly (category may be null). */
  public List<Unit> jointBodies(Category category) {
    SWIGTYPE_p_mediate_category c = category == null ? null : category.p();
    long n = MediateNative.mediate_level_joint_body_count(p(), c);
    List<Unit> out = new ArrayList<>();
    for (long i = 0; i < n; i++)
      out.add(new Unit(policy, MediateNative.mediate_level_joint_body_at(p(), c, i)));
    return out;
  }

  @Override public int compareTo(Level o) { return Integer.compare(rank(), o.rank()); }

  @Override public boolean equals(Object o) {
    return o instanceof Level && ((Level) o).policy == policy && ((Level) o).rank() == rank();
  }

  @Override public int hashCode() { return System.identityHashCode(policy) * 31 + rank(); }

  @Override public String toString() { return policy.isClosed() ? "Level(closed policy)" : code(); }
}
