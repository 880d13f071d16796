/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One rating, borrowed from its {@link Ratings} (which it keeps reachable;
 * reading it after the store is closed throws MediateException ESTATE).
 * Read live: an exclusion shows at once.
 */
public final class Rating {
  private final Ratings ratings;
  private final SWIGTYPE_p_mediate_rating ptr;

  Rating(Ratings ratings, SWIGTYPE_p_mediate_rating ptr) {
    this.ratings = ratings;
    this.ptr = ptr;
  }

  private SWIGTYPE_p_mediate_rating p() {
    ratings.ptr();
    return ptr;
  }

  /** The number of the case rated. */
  public String caseNumber() { return MediateNative.mediate_rating_case_number(p()); }
  /** The id of the party who rated, within the case. */
  public String partyId() { return MediateNative.mediate_rating_party_id(p()); }
  /** 1 to 5. */
  public int stars() { return (int)MediateNative.mediate_rating_stars(p()); }
  /** The comment, or null. */
  public String comment() { return MediateNative.mediate_rating_comment(p()); }
  /** When it was given, seconds since the epoch (UTC). */
  public long at() { return MediateNative.mediate_rating_at(p()); }

  /** The ids of the mediators it is credited to. */
  public List<String> mediators() {
    SWIGTYPE_p_mediate_rating r = p();
    long n = MediateNative.mediate_rating_mediator_count(r);
    List<String> ids = new ArrayList<>();
    for (long i = 0; i < n; i++)
      ids.add(MediateNative.mediate_rating_mediator_at(r, i));
    return Collections.unmodifiableList(ids);
  }

  /** True after an upheld appeal ({@link Ratings#exclude}). */
  public boolean excluded() { return MediateNative.mediate_rating_excluded(p()) != 0; }
  /** Why it was excluded, or null. */
  public String exclusionReason() { return MediateNative.mediate_rating_exclusion_reason(p()); }
  /** Who excluded it, or null. */
  public String exclusionActor() { return MediateNative.mediate_rating_exclusion_actor(p()); }
  /** When it was excluded, 0 when it is not. */
  public long exclusionAt() { return MediateNative.mediate_rating_exclusion_at(p()); }

  @Override public boolean equals(Object o) {
    return o instanceof Rating && ((Rating)o).ratings == ratings
        && ((Rating)o).caseNumber().equals(caseNumber()) && ((Rating)o).partyId().equals(partyId());
  }

  @Override public int hashCode() {
    return caseNumber().hashCode() * 31 + partyId().hashCode();
  }

  @Override public String toString() {
    return caseNumber() + " " + partyId() + " " + stars() + (excluded() ? " excluded" : "");
  }
}
