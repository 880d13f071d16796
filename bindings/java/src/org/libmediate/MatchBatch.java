/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An optimal batch assignment ({@link Matcher#assignBatch}): one placement
 * per case, in the order given (this list), the number placed, the total
 * score and whether the assignment is proven optimal.  A plain value.
 */
public final class MatchBatch extends AbstractList<MatchBatch.Placement> {
  /** One case: its mediator (null when unplaced), score, reason and candidates considered. */
  public static final class Placement {
    public final Case c;
    public final Mediator mediator;
    public final long score;
    /** "eligible" when placed, else "no_eligible" or "outcompeted". */
    public final String reason;
    public final long candidates;

    Placement(Case c, Mediator mediator, long score, String reason, long candidates) {
      this.c = c;
      this.mediator = mediator;
      this.score = score;
      this.reason = reason;
      this.candidates = candidates;
    }

    @Override public String toString() {
      return (mediator != null ? mediator.staffNumber() + " " + score : "unplaced " + reason);
    }
  }

  private final List<Placement> placements;
  public final long assigned;
  public final long totalScore;
  /** True when proven optimal; false when top_k pruning may have cut it. */
  public final boolean exact;

  MatchBatch(Matcher matcher, List<Case> cases, SWIGTYPE_p_mediate_match_batch b) {
    Roster roster = matcher.roster();
    List<Placement> list = new ArrayList<>();
    long n = MediateNative.mediate_match_batch_count(b);
    for (long i = 0; i < n; i++) {
      SWIGTYPE_p_mediate_mediator m = MediateNative.mediate_match_batch_mediator(b, i);
      list.add(new Placement(cases.get((int) i), m != null ? new Mediator(roster, m) : null,
                             MediateNative.mediate_match_batch_score(b, i),
                             MediateNative.mediate_match_reason_name(MediateNative.mediate_match_batch_reason(b, i)),
                             MediateNative.mediate_match_batch_candidates(b, i)));
    }
    placements = Collections.unmodifiableList(list);
    assigned = MediateNative.mediate_match_batch_assigned(b);
    totalScore = MediateNative.mediate_match_batch_total_score(b);
    exact = MediateNative.mediate_match_batch_exact(b) != 0;
  }

  @Override public Placement get(int i) { return placements.get(i); }
  @Override public int size() { return placements.size(); }

  /** The placements left without a mediator. */
  public List<Placement> unplaced() {
    List<Placement> out = new ArrayList<>();
    for (Placement p : placements)
      if (p.mediator == null)
        out.add(p);
    return out;
  }
}
