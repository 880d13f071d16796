/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the mediators of a {@link Roster} to cases, with the aggregates of
 * a {@link Ratings} store (or null: the policy's prior for everyone) at one
 * time.  Use it in try-with-resources:
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml");
 *      Roster roster = Roster.load(p, "roster.yaml");
 *      Matcher m = new Matcher(roster, null, Time.parse("2026-12-01T09:00:00+08:00"))) {
 *   for (MatchResult.Candidate c : m.rank(aCase, 3, false))
 *     System.out.println(c.mediator.name() + " " + c.score + " " + c.components);
 *   MatchTeam team = m.formTeam(major, new String[] {"labour.wage_arrears", "contract.construction"}, 0);
 * }
 * </pre>
 *
 * <p>The matcher reads the roster and ratings once (mediate_matcher_new(3)):
 * build a new one after changing them.  It keeps both reachable.  Results
 * are plain values.  Scores are the sum over the components of the policy's
 * weight (0..1000) times the component's value (0..1000).  Several threads
 * may use one matcher at once.  Every failure throws {@link MediateException}.
 */
public final class Matcher implements AutoCloseable {
  private final Roster roster;     // keeps the roster reachable
  private final Ratings ratings;   // and the ratings (may be null)
  private final Owned<SWIGTYPE_p_mediate_matcher> handle;

  /** A matcher over the roster with the ratings (may be null) at time at (UTC seconds). */
  public Matcher(Roster roster, Ratings ratings, long at) {
    long[] out = new long[1];
    MediateNative.mediate_matcher_new(out, roster.ptr(), ratings != null ? ratings.ptr() : null, at);
    this.roster = roster;
    this.ratings = ratings;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_matcher.wrap(out[0]), MediateNative::mediate_matcher_free, "matcher");
  }

  SWIGTYPE_p_mediate_matcher ptr() {
    roster.ptr();                  // throws once the roster is closed
    return handle.get();
  }

  @Override public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  public Roster roster() { return roster; }
  public Ratings ratings() { return ratings; }

  /** The time of the matcher (UTC seconds). */
  public long at() { return MediateNative.mediate_matcher_at(ptr()); }

  private MatchResult result(long[] out) {
    SWIGTYPE_p_mediate_match_result r = SWIGTYPE_p_mediate_match_result.wrap(out[0]);
    try {
      return new MatchResult(this, r);
    } finally {
      MediateNative.mediate_match_result_free(r);
    }
  }

  /** The best k candidates for the case; withExcluded also lists every excluded mediator. */
  public MatchResult rank(Case c, long k, boolean withExcluded) {
    long[] out = new long[1];
    MediateNative.mediate_match_rank(out, ptr(), c.ptr(), k,
                                     withExcluded ? MediateNative.MEDIATE_MATCH_WITH_EXCLUDED : 0);
    return result(out);
  }

  /** A party asked for this mediator (id or staff number): accepted() or reason(). */
  public MatchResult request(Case c, String mediator) {
    long[] out = new long[1];
    MediateNative.mediate_match_request(out, ptr(), c.ptr(), mediator);
    return result(out);
  }

  /** The k nearest mediators offering door-to-door mediation at a place (micro-degrees), at time at. */
  public MatchResult nearest(int latMicro, int lonMicro, long at, long k) {
    long[] out = new long[1];
    MediateNative.mediate_match_nearest(out, ptr(), latMicro, lonMicro, at, k);
    return result(out);
  }

  /** Assigns the cases optimally under the mediators' free capacities (the cases are not changed). */
  public MatchBatch assignBatch(List<Case> cases) {
    SWIGTYPE_p_mediate_matcher m = ptr();
    long[] out = new long[1];
    MediateNative.mbind_case_refs_new(out);
    SWIGTYPE_p_mbind_case_refs refs = SWIGTYPE_p_mbind_case_refs.wrap(out[0]);
    SWIGTYPE_p_mediate_match_batch b;
    try {
      for (Case c : cases)
        MediateNative.mbind_case_refs_add(refs, c.ptr());
      MediateNative.mediate_match_assign_batch(out, m, refs);
      b = SWIGTYPE_p_mediate_match_batch.wrap(out[0]);
    } finally {
      MediateNative.mbind_case_refs_free(refs);
    }
    try {
      return new MatchBatch(this, new ArrayList<>(cases), b);
    } finally {
      MediateNative.mediate_match_batch_free(b);
    }
  }

  /** A joint-mediation team covering the needed category codes, at most maxSize people (0: the policy's). */
  public MatchTeam formTeam(Case c, String[] needs, long maxSize) {
    byte[][] raw = new byte[needs.length][];
    for (int i = 0; i < needs.length; i++) {
      if (needs[i] == null)
        throw new IllegalArgumentException("needs[" + i + "] is null");
      raw[i] = NativeStrings.encode(needs[i]);
    }
    long[] out = new long[1];
    MediateNative.mediate_match_form_team(out, ptr(), c.ptr(), raw, maxSize);
    SWIGTYPE_p_mediate_match_team t = SWIGTYPE_p_mediate_match_team.wrap(out[0]);
    try {
      return new MatchTeam(this, needs.clone(), t);
    } finally {
      MediateNative.mediate_match_team_free(t);
    }
  }

  // ---- the policy's matching section ----

  /** Component name to weight (0..1000), in MatchResult.COMPONENTS order. */
  public static Map<String, Long> weights(Policy policy) {
    Map<String, Long> w = new LinkedHashMap<>();
    for (int i = 0; i < MatchResult.COMPONENTS.size(); i++)
      w.put(MatchResult.COMPONENTS.get(i),
            MediateNative.mediate_policy_match_weight(policy.ptr(), mediate_match_component.swigToEnum(i + 1)));
    return Collections.unmodifiableMap(w);
  }

  /** The largest joint-mediation team formed by default. */
  public static long teamSize(Policy policy) {
    return MediateNative.mediate_policy_match_team_size(policy.ptr());
  }

  static MatchResult.Car car(Policy policy, long i) {
    int[] lat = new int[1], lon = new int[1];
    int[] base = null;
    try {
      MediateNative.mediate_policy_match_car_base(lat, lon, policy.ptr(), i);
      base = new int[] { lat[0], lon[0] };
    } catch (MediateException e) {
      if (e.getCode() != MediateError.ENOTFOUND)
        throw e;
    }
    return new MatchResult.Car(MediateNative.mediate_policy_match_car_code(policy.ptr(), i),
                               MediateNative.mediate_policy_match_car_name(policy.ptr(), i), base);
  }

  /** The mediation cars of the policy. */
  public static List<MatchResult.Car> cars(Policy policy) {
    List<MatchResult.Car> out = new ArrayList<>();
    long n = MediateNative.mediate_policy_match_car_count(policy.ptr());
    for (long i = 0; i < n; i++)
      out.add(car(policy, i));
    return Collections.unmodifiableList(out);
  }

  // ---- names ----

  /** The name of a component or reason value ("specialty", "recused"), or null. */
  public static String componentName(int value) {
    return MediateNative.mediate_match_component_name(mediate_match_component.swigToEnum(value));
  }

  public static int componentParse(String name) {
    int[] out = new int[1];
    MediateNative.mediate_match_component_parse(out, name);
    return out[0];
  }

  public static String reasonName(int value) {
    return MediateNative.mediate_match_reason_name(mediate_match_reason.swigToEnum(value));
  }

  public static int reasonParse(String name) {
    int[] out = new int[1];
    MediateNative.mediate_match_reason_parse(out, name);
    return out[0];
  }
}
