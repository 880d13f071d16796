/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@link Matcher#rank}, {@link Matcher#request} or
 * {@link Matcher#nearest}: the candidates, best first (this list), the
 * mediators excluded by a hard filter and why, how many mediators were
 * examined, and (from nearest) the nearest mediation car.  A plain value:
 * the C result is read and freed when it is made.
 */
public final class MatchResult extends AbstractList<MatchResult.Candidate> {
  /** The component names, in the order of enum mediate_match_component. */
  public static final List<String> COMPONENTS;

  static {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= MediateNative.MEDIATE_MATCH_COMPONENT_COUNT; i++)
      names.add(MediateNative.mediate_match_component_name(mediate_match_component.swigToEnum(i)));
    COMPONENTS = Collections.unmodifiableList(names);
  }

  /** One candidate: the mediator, the score and the value of each component. */
  public static final class Candidate {
    public final Mediator mediator;
    public final long score;
    /** Component name to value 0..1000, in COMPONENTS order. */
    public final Map<String, Integer> components;
    /** Metres to the case (mobile) or the place (nearest), or -1 when unknown. */
    public final long distance;
    private final Map<String, Long> weights;

    Candidate(Mediator mediator, long score, Map<String, Integer> components, long distance,
              Map<String, Long> weights) {
      this.mediator = mediator;
      this.score = score;
      this.components = Collections.unmodifiableMap(components);
      this.distance = distance;
      this.weights = weights;
    }

    /** The share of one component in the score: value x weight. */
    public long points(String component) {
      Integer v = components.get(component);
      if (v == null)
        throw new IllegalArgumentException("no component " + component);
      return v * weights.get(component);
    }

    @Override public String toString() {
      return mediator.staffNumber() + " " + mediator.name() + " " + score;
    }
  }

  /** A mediator excluded by a hard filter, and the reason ("recused"...). */
  public static final class Exclusion {
    public final Mediator mediator;
    public final String reason;

    Exclusion(Mediator mediator, String reason) {
      this.mediator = mediator;
      this.reason = reason;
    }

    @Override public String toString() { return mediator.staffNumber() + " " + reason; }
  }

  /** A mediation car of the policy; base is {lat, lon} in micro-degrees, or null. */
  public static final class Car {
    public final String code, name;
    public final int[] base;

    Car(String code, String name, int[] base) {
      this.code = code;
      this.name = name;
      this.base = base;
    }

    @Override public String toString() { return code + " " + name; }
  }

  private final List<Candidate> candidates;
  /** The excluded mediators, in staff-number order. */
  public final List<Exclusion> excluded;
  /** How many mediators rank looked at. */
  public final long examined;
  /** From nearest: the nearest car, or null. */
  public final Car car;
  /** From nearest: metres to the nearest car, or -1. */
  public final long carDistance;

  MatchResult(Matcher matcher, SWIGTYPE_p_mediate_match_result r) {
    Roster roster = matcher.roster();
    Map<String, Long> weights = Matcher.weights(roster.policy());
    List<Candidate> list = new ArrayList<>();
    long n = MediateNative.mediate_match_result_count(r);
    for (long i = 0; i < n; i++) {
      Map<String, Integer> comps = new LinkedHashMap<>();
      for (int j = 0; j < COMPONENTS.size(); j++)
        comps.put(COMPONENTS.get(j),
                  MediateNative.mediate_match_result_component(r, i, mediate_match_component.swigToEnum(j + 1)));
      list.add(new Candidate(new Mediator(roster, MediateNative.mediate_match_result_mediator(r, i)),
                             MediateNative.mediate_match_result_score(r, i), comps,
                             MediateNative.mediate_match_result_distance(r, i), weights));
    }
    candidates = Collections.unmodifiableList(list);
    List<Exclusion> ex = new ArrayList<>();
    n = MediateNative.mediate_match_result_excluded_count(r);
    for (long i = 0; i < n; i++)
      ex.add(new Exclusion(new Mediator(roster, MediateNative.mediate_match_result_excluded_at(r, i)),
                           MediateNative.mediate_match_reason_name(MediateNative.mediate_match_result_excluded_reason(r, i))));
    excluded = Collections.unmodifiableList(ex);
    examined = MediateNative.mediate_match_result_examined(r);
    long[] index = new long[1], dist = new long[1];
    Car c = null;
    long d = -1;
    try {
      MediateNative.mediate_match_result_car(index, dist, r);
      c = Matcher.car(roster.policy(), index[0]);
      d = dist[0];
    } catch (MediateException e) {
      if (e.getCode() != MediateError.ENOTFOUND)
        throw e;
    }
    car = c;
    carDistance = d;
  }

  @Override public Candidate get(int i) { return candidates.get(i); }
  @Override public int size() { return candidates.size(); }

  /** For a request: whether the mediator may take the case. */
  public boolean accepted() { return !candidates.isEmpty(); }

  /** For a refused request: why ("recused", "unavailable"...); null when accepted. */
  public String reason() {
    return !candidates.isEmpty() || excluded.isEmpty() ? null : excluded.get(0).reason;
  }
}
