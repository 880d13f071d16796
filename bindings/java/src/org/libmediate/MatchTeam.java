/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A joint-mediation team ({@link Matcher#formTeam}): the lead first, then
 * the members (this list), each with the needed categories it covers, and
 * the total score.  When no team could be formed the list is empty and
 * {@link #reason} / {@link #uncovered} say why.  A plain value.
 */
public final class MatchTeam extends AbstractList<MatchTeam.Member> {
  /** A person of the team. */
  public static final class Member {
    /** "lead" or "member". */
    public final String role;
    public final Mediator mediator;
    public final long score;
    /** The needed category codes this person covers. */
    public final List<String> covers;

    Member(String role, Mediator mediator, long score, List<String> covers) {
      this.role = role;
      this.mediator = mediator;
      this.score = score;
      this.covers = Collections.unmodifiableList(covers);
    }

    @Override public String toString() { return role + " " + mediator.staffNumber() + " " + covers; }
  }

  private final List<Member> members;
  public final long totalScore;
  /** "eligible" when formed, else "no_eligible" or "not_covered". */
  public final String reason;
  /** The needed category nobody eligible covers, or null. */
  public final Category uncovered;

  MatchTeam(Matcher matcher, String[] needs, SWIGTYPE_p_mediate_match_team t) {
    Roster roster = matcher.roster();
    List<Member> list = new ArrayList<>();
    long n = MediateNative.mediate_match_team_count(t);
    for (long i = 0; i < n; i++) {
      long bits = MediateNative.mediate_match_team_covers(t, i);
      List<String> covers = new ArrayList<>();
      for (int j = 0; j < needs.length; j++)
        if ((bits & (1L << j)) != 0)
          covers.add(needs[j]);
      list.add(new Member(i == 0 ? "lead" : "member",
                          new Mediator(roster, MediateNative.mediate_match_team_mediator(t, i)),
                          MediateNative.mediate_match_team_score(t, i), covers));
    }
    members = Collections.unmodifiableList(list);
    totalScore = MediateNative.mediate_match_team_total_score(t);
    reason = MediateNative.mediate_match_reason_name(MediateNative.mediate_match_team_reason(t));
    SWIGTYPE_p_mediate_category u = MediateNative.mediate_match_team_uncovered(t);
    uncovered = u != null ? new Category(roster.policy(), u) : null;
  }

  @Override public Member get(int i) { return members.get(i); }
  @Override public int size() { return members.size(); }

  /** The lead, or null when no team was formed. */
  public Member lead() { return members.isEmpty() ? null : members.get(0); }
}
