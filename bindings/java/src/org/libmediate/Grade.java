/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The grade of a case: level, points, resolution path, deadline, the bodies
 * of a joint mediation, and the explanation (every rule that fired).  A
 * plain value: the C result is read and freed by {@link #of}.
 */
public final class Grade {
  /** One rule of a grading. */
  public static final class Entry {
    public final String rule;
    public final String description;   // may be null
    public final boolean fired;
    public final long points;
    public final Level floor;          // may be null

    Entry(String rule, String description, boolean fired, long points, Level floor) {
      this.rule = rule;
      this.description = description;
      this.fired = fired;
      this.points = points;
      this.floor = floor;
    }

    @Override public String toString() { return (fired ? "+" : " ") + rule + " " + points; }
  }

  public final Level level;
  public final long points;
  public final Level thresholdLevel;
  public final Level floorLevel;        // null when no floor fired
  public final String decidingRule;     // null when the points decided
  public final String path;
  public final Long due;                // null when out of range
  public final List<Unit> jointBodies;
  public final List<Entry> trace;

  private Grade(Policy policy, SWIGTYPE_p_mediate_grade_result r) {
    level = Level.of(policy, MediateNative.mediate_grade_result_level(r));
    points = MediateNative.mediate_grade_result_points(r);
    thresholdLevel = Level.of(policy, MediateNative.mediate_grade_result_threshold_level(r));
    floorLevel = Level.of(policy, MediateNative.mediate_grade_result_floor_level(r));
    decidingRule = MediateNative.mediate_grade_result_deciding_rule(r);
    path = MediateNative.mediate_resolution_path_name(MediateNative.mediate_grade_result_path(r));
    long[] t = new long[1];
    Long d = null;
    try {
      MediateNative.mediate_grade_result_due(t, r);
      d = t[0];
    } catch (MediateException e) {
      d = null;
    }
    due = d;
    List<Unit> bodies = new ArrayList<>();
    long n = MediateNative.mediate_grade_result_joint_body_count(r);
    for (long i = 0; i < n; i++)
      bodies.add(new Unit(policy, MediateNative.mediate_grade_result_joint_body_at(r, i)));
    jointBodies = Collections.unmodifiableList(bodies);
    List<Entry> entries = new ArrayList<>();
    n = MediateNative.mediate_grade_result_trace_count(r);
    for (long i = 0; i < n; i++)
      entries.add(new Entry(MediateNative.mediate_grade_result_trace_rule(r, i),
                            MediateNative.mediate_grade_result_trace_description(r, i),
                            MediateNative.mediate_grade_result_trace_fired(r, i) != 0,
                            MediateNative.mediate_grade_result_trace_points(r, i),
                            Level.of(policy, MediateNative.mediate_grade_result_trace_floor(r, i))));
    trace = Collections.unmodifiableList(entries);
  }

  /** Grades a case with its policy's rules; traceAll also lists the rules that did not fire. */
  public static Grade of(Case c, boolean traceAll) {
    Policy policy = c.policy();
    long[] out = new long[1];
    MediateNative.mediate_grade(out, policy.ptr(), c.ptr(), traceAll ? MediateNative.MEDIATE_GRADE_TRACE_ALL : 0);
    SWIGTYPE_p_mediate_grade_result r = SWIGTYPE_p_mediate_grade_result.wrap(out[0]);
    try {
      return new Grade(policy, r);
    } finally {
      MediateNative.mediate_grade_result_free(r);
    }
  }

  /** The levels of the policy, lowest first. */
  public static List<Level> levels(Policy policy) {
    List<Level> out = new ArrayList<>();
    long n = MediateNative.mediate_policy_level_count(policy.ptr());
    for (long i = 0; i < n; i++)
      out.add(new Level(policy, MediateNative.mediate_policy_level_at(policy.ptr(), i)));
    return out;
  }

  /** The level with this code, or null. */
  public static Level level(Policy policy, String code) {
    return Level.of(policy, MediateNative.mediate_policy_level_find(policy.ptr(), code));
  }

  /** The ids of the grading rules, in policy order. */
  public static List<String> rules(Policy policy) {
    List<String> out = new ArrayList<>();
    long n = MediateNative.mediate_policy_grading_rule_count(policy.ptr());
    for (long i = 0; i < n; i++)
      out.add(MediateNative.mediate_policy_grading_rule_id(policy.ptr(), i));
    return out;
  }

  /** Grades many cases in one call: the level of each, in order (points in pointsOut if not null). */
  public static List<Level> batch(Policy policy, List<Case> cases, long[] pointsOut) {
    long[] out = new long[1];
    MediateNative.mediate_case_list_new(out);
    SWIGTYPE_p_mediate_case_list list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
    try {
      for (Case c : cases) {
        long[] copy = new long[1];
        MediateNative.mediate_case_clone(copy, c.ptr());
        try {
          MediateNative.mediate_case_list_append(list, SWIGTYPE_p_mediate_case.wrap(copy[0]));
        } catch (RuntimeException e) {
          MediateNative.mediate_case_free(SWIGTYPE_p_mediate_case.wrap(copy[0]));
          throw e;
        }
      }
      long[] g = new long[1];
      MediateNative.mediate_grade_batch(g, policy.ptr(), list);
      SWIGTYPE_p_mbind_grades grades = SWIGTYPE_p_mbind_grades.wrap(g[0]);
      try {
        List<Level> levels = new ArrayList<>();
        long n = MediateNative.mbind_grades_count(grades);
        for (long i = 0; i < n; i++) {
          levels.add(Level.of(policy, MediateNative.mbind_grades_level(grades, i)));
          if (pointsOut != null && i < pointsOut.length)
            pointsOut[(int) i] = MediateNative.mbind_grades_points(grades, i);
        }
        return levels;
      } finally {
        MediateNative.mbind_grades_free(grades);
      }
    } finally {
      MediateNative.mediate_case_list_free(list);
    }
  }

  /** Grades the case again and keeps the result on it (see mediate_case_regrade(3)). */
  public static Level regrade(Case c, long at, String actor, String unit, String reason) {
    MediateNative.mediate_case_regrade(c.ptr(), at, actor, unit, reason);
    return Level.of(c.policy(), MediateNative.mediate_case_level(c.ptr()));
  }

  /** The level that applies to the case (override first), or null before grading. */
  public static Level levelOf(Case c) {
    return Level.of(c.policy(), MediateNative.mediate_case_level(c.ptr()));
  }

  /** Whether re-grading may lower a case's level. */
  public static boolean allowsDowngrade(Policy policy) {
    return MediateNative.mediate_policy_grading_allows_downgrade(policy.ptr()) != 0;
  }

  /** The level the rules gave at the last re-grading, or null. */
  public static Level computedLevel(Case c) {
    return Level.of(c.policy(), MediateNative.mediate_case_computed_level(c.ptr()));
  }

  /** The points of the last re-grading. */
  public static long points(Case c) { return MediateNative.mediate_case_level_points(c.ptr()); }

  /** An officer's override of the level of a case. */
  public static final class LevelOverride {
    public final Level level;
    public final String reason, actor;
    public final long at;

    LevelOverride(Level level, String reason, String actor, long at) {
      this.level = level;
      this.reason = reason;
      this.actor = actor;
      this.at = at;
    }
  }

  /** The override of the case, or null. */
  public static LevelOverride overrideOf(Case c) {
    Level l = Level.of(c.policy(), MediateNative.mediate_case_level_override(c.ptr()));
    if (l == null)
      return null;
    return new LevelOverride(l, MediateNative.mediate_case_level_override_reason(c.ptr()),
                        MediateNative.mediate_case_level_override_actor(c.ptr()),
                        MediateNative.mediate_case_level_override_at(c.ptr()));
  }

  /** Sets the level of the case by hand until clearOverride. */
  public static void override(Case c, String level, long at, String actor, String unit, String reason) {
    MediateNative.mediate_case_override_level(c.ptr(), level, at, actor, unit, reason);
  }

  /** Withdraws the override: the rules' level applies again. */
  public static void clearOverride(Case c, long at, String actor, String unit, String reason) {
    MediateNative.mediate_case_clear_override(c.ptr(), at, actor, unit, reason);
  }

  @Override public String toString() { return level + " " + points + " " + path; }
}
