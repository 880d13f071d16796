/* SPDX-License-Identifier: MIT */
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.libmediate.*;

/**
 * Matching through Java: the matcher, rank with components and exclusions,
 * a party's request, optimal batches, joint teams, door-to-door mediation,
 * the policy's matching section and errors as MediateException.  The roster
 * (bindings/data/match-roster.yaml) is the one of tests/cli/match.sh, so the
 * scores are the hand-computed ones there (weights of examples/data/county.yaml:
 * specialty 400, rating 150, success 150, level 50, locality 150, load 50,
 * language 30, mode 20).
 */
public class MatchTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String EXAMPLES = System.getenv("MEDIATE_EXAMPLES_DATA") != null
      ? System.getenv("MEDIATE_EXAMPLES_DATA") : "examples/data";
  static final String POLICY = EXAMPLES + "/county.yaml";
  static final String ROSTER = DATA + "/match-roster.yaml";
  static final long AT = Time.parse("2026-12-01T09:00:00+08:00");

  /** A case received at the Baizhang police station on 2026-11-30. */
  static Case newCase(Policy p, String number, String category, int people, String mode, String risks,
                      String applicant, String respondent) {
    String yaml =
        "id: 7e3f1c2a-5b6d-4e8f-9a0b-1c2d3e4f5" + number.substring(number.length() - 3) + "\n"
        + "number: " + number + "\n"
        + "state: received\n"
        + "received_at: 2026-11-30T10:20:00+08:00\n"
        + "unit: YZ-BZ-PS\n"
        + "category: " + category + "\n"
        + (mode == null ? "" : "mediation:\n  mode: " + mode + "\n")
        + "facts:\n"
        + "  people_involved: " + people + "\n"
        + "  amount: \"0.00\"\n"
        + (risks == null ? "" : "  risks: [" + risks + "]\n")
        + "parties:\n"
        + "- {id: p1, role: applicant, kind: person, name: " + applicant + "}\n"
        + "- {id: p2, role: respondent, kind: person, name: " + respondent + "}\n"
        + "timeline:\n"
        + "- {at: 2026-11-30T10:20:00+08:00, actor: mj_zhoulei, unit: YZ-BZ-PS, event: received}\n";
    return Case.fromYaml(p, yaml, number + ".yaml");
  }

  static Case boundary(Policy p) {
    return newCase(p, "YZ-BZ-PS-2026-000901", "neighbour.boundary", 2, null, null, "刘德明", "陈秀英");
  }

  static Case major(Policy p) {
    Case c = newCase(p, "YZ-BZ-PS-2026-000902", "labour.wage_arrears", 30, null, "mass_incident",
                     "宁波鄞州恒远建筑劳务有限公司", "李卫东");
    Check.equal("major", Grade.regrade(c, AT, "tj_chenli", "YZ-BZ-PS", "预评估").code());
    return c;
  }

  static Case video(Policy p, String number, String applicant, String respondent) {
    return newCase(p, number, "neighbour.noise", 2, "remote_video", null, applicant, respondent);
  }

  public void testNames() {
    // covers: mediate_match_component_name mediate_match_component_parse
    // covers: mediate_match_reason_name mediate_match_reason_parse
    Check.equal(List.of("specialty", "rating", "success", "level", "locality", "load", "language", "mode"),
                MatchResult.COMPONENTS);
    Check.equal("locality", Matcher.componentName(Matcher.componentParse("locality")));
    Check.equal(6, Matcher.reasonParse("recused"));
    Check.equal("outcompeted", Matcher.reasonName(9));
    Check.equal("eligible", MediateNative.mediate_match_reason_name(mediate_match_reason.MEDIATE_MATCH_ELIGIBLE));
    MediateException e = Check.raises(MediateException.class, () -> Matcher.componentParse("seniority"));
    Check.equal(MediateError.EINVAL, e.getCode());
    Check.raises(MediateException.class, () -> Matcher.reasonParse("busy"));
  }

  public void testPolicySection() {
    // covers: mediate_policy_match_weight mediate_policy_match_team_size mediate_policy_match_car_count
    // covers: mediate_policy_match_car_code mediate_policy_match_car_name mediate_policy_match_car_base
    try (Policy p = Policy.load(POLICY)) {
      Map<String, Long> w = Matcher.weights(p);
      Check.equal(List.of(400L, 150L, 150L, 50L, 150L, 50L, 30L, 20L), new ArrayList<>(w.values()));
      Check.equal(5, Matcher.teamSize(p));
      List<MatchResult.Car> cars = Matcher.cars(p);
      Check.equal(2, cars.size());
      Check.equal("YZ-CAR-1", cars.get(0).code);
      Check.equal("老潘流动调解车", cars.get(0).name);
      Check.equal(29819500, cars.get(0).base[0]);
      Check.equal(121548100, cars.get(0).base[1]);
      Check.equal("姜山流动调解车", cars.get(1).name);
      Check.equal(29692100, cars.get(1).base[0]);
      int[] lat = new int[1], lon = new int[1];
      MediateException e = Check.raises(MediateException.class,
          () -> MediateNative.mediate_policy_match_car_base(lat, lon, null, 0));
      Check.equal(MediateError.EINVAL, e.getCode());
    }
  }

  public void testMatcher() {
    // covers: mediate_matcher_new mediate_matcher_free mediate_matcher_roster mediate_matcher_at
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER)) {
      Matcher m = new Matcher(r, null, AT);
      Check.equal(AT, m.at());
      Check.isTrue(m.roster() == r, "the matcher keeps its roster");
      Check.isNull(MediateNative.mediate_matcher_roster(null));   // a NULL matcher has no roster
      m.close();
      Check.isTrue(m.isClosed(), "closed");
      m.close();
      MediateException e = Check.raises(MediateException.class, () -> m.at());
      Check.equal(MediateError.ESTATE, e.getCode());
      long[] out = new long[1];
      e = Check.raises(MediateException.class, () -> MediateNative.mediate_matcher_new(out, null, null, AT));
      Check.equal(MediateError.EINVAL, e.getCode());
    }
  }

  public void testRank() {
    // covers: mediate_match_rank mediate_match_result_free mediate_match_result_count
    // covers: mediate_match_result_mediator mediate_match_result_score mediate_match_result_component
    // covers: mediate_match_result_distance mediate_match_result_excluded_count
    // covers: mediate_match_result_excluded_at mediate_match_result_excluded_reason mediate_match_result_examined
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Matcher m = new Matcher(r, null, AT); Case c = boundary(p)) {
      MatchResult res = m.rank(c, 10, true);
      List<String> staff = new ArrayList<>();
      for (MatchResult.Candidate cand : res)
        staff.add(cand.mediator.staffNumber());
      Check.equal(List.of("M-9001", "M-9007", "M-9009", "M-9006", "M-9003"), staff);
      MatchResult.Candidate best = res.get(0);
      Check.equal("张国强", best.mediator.name());
      Check.equal(542500, best.score);
      Check.equal(450, (long) best.components.get("specialty"));
      Check.equal(1000, (long) best.components.get("locality"));
      Check.equal(800, (long) best.components.get("load"));
      Check.equal(180000, best.points("specialty"));
      long sum = 0;
      for (String comp : MatchResult.COMPONENTS)
        sum += best.points(comp);
      Check.equal(best.score, sum);
      Check.equal(-1, best.distance);
      Check.equal(382500, res.get(1).score);            // a tie, broken by staff number
      Check.equal(382500, res.get(2).score);
      List<String> ex = new ArrayList<>();
      for (MatchResult.Exclusion x : res.excluded)
        ex.add(x.mediator.staffNumber() + " " + x.reason);
      Check.equal(List.of("M-9002 recused", "M-9004 unavailable", "M-9005 capacity_full", "M-9008 unavailable"), ex);
      Check.equal(9, res.examined);
      MatchResult top = m.rank(c, 1, false);
      Check.equal(1, top.size());
      Check.equal(0, top.excluded.size());
      Check.equal(-1, MediateNative.mediate_match_result_component(null, 0, mediate_match_component.MEDIATE_MATCH_LOAD));
      MediateException e = Check.raises(MediateException.class, () -> m.rank(c, 0, false));
      Check.equal(MediateError.EINVAL, e.getCode());
    }
  }

  /** Two agreements rated 5 stars: Bayesian -> 791, Wilson lower bound of 2 of 2 -> 342. */
  public void testRankWithRatings() {
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Ratings ratings = Ratings.load(p, DATA + "/match-ratings.yaml");
         Matcher m = new Matcher(r, ratings, AT); Case c = boundary(p)) {
      Check.isTrue(m.ratings() == ratings, "the matcher keeps its ratings");
      MatchResult res = m.rank(c, 3, false);
      Check.equal("M-9007", res.get(1).mediator.staffNumber());
      Check.equal(439950, res.get(1).score);
      Check.equal(791, (long) res.get(1).components.get("rating"));
      Check.equal(342, (long) res.get(1).components.get("success"));
      Check.equal(750, (long) res.get(0).components.get("rating"));
    }
  }

  public void testFilters() {
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Matcher m = new Matcher(r, null, AT); Case c = major(p);
         Case v = video(p, "YZ-BZ-PS-2026-000905", "王桂兰", "冯志刚")) {
      MatchResult res = m.rank(c, 10, true);
      Check.equal(1, res.size());
      Check.equal("陈志华", res.get(0).mediator.name());
      boolean low = false, notTank = false;
      for (MatchResult.Exclusion x : res.excluded) {
        low |= x.mediator.staffNumber().equals("M-9001") && x.reason.equals("level_too_low");
        notTank |= x.mediator.staffNumber().equals("M-9006") && x.reason.equals("not_think_tank");
      }
      Check.isTrue(low && notTank, "level_too_low and not_think_tank");
      MatchResult none = m.rank(v, 10, true);
      Check.equal(0, none.size());
      boolean mode = false;
      for (MatchResult.Exclusion x : none.excluded)
        mode |= x.mediator.staffNumber().equals("M-9001") && x.reason.equals("mode_not_offered");
      Check.isTrue(mode, "mode_not_offered");
    }
  }

  public void testRequest() {
    // covers: mediate_match_request
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Matcher m = new Matcher(r, null, AT); Case c = boundary(p)) {
      MatchResult refused = m.request(c, "M-9002");
      Check.isTrue(!refused.accepted(), "refused");
      Check.equal("recused", refused.reason());
      Check.equal("刘海燕", refused.excluded.get(0).mediator.name());
      Check.equal("unavailable", m.request(c, "0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b04").reason());
      MatchResult ok = m.request(c, "M-9001");
      Check.isTrue(ok.accepted(), "accepted");
      Check.isNull(ok.reason());
      Check.equal(542500, ok.get(0).score);
      MediateException e = Check.raises(MediateException.class, () -> m.request(c, "M-0000"));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
    }
  }

  public void testAssignBatch() {
    // covers: mediate_match_assign_batch mediate_match_batch_free mediate_match_batch_count
    // covers: mediate_match_batch_mediator mediate_match_batch_score mediate_match_batch_reason
    // covers: mediate_match_batch_candidates mediate_match_batch_assigned
    // covers: mediate_match_batch_total_score mediate_match_batch_exact
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Matcher m = new Matcher(r, null, AT); Case a = boundary(p); Case b = major(p);
         Case c = video(p, "YZ-BZ-PS-2026-000903", "赵建华", "钱玉芳");
         Case d = video(p, "YZ-BZ-PS-2026-000904", "吴晓明", "郑丽娟");
         Case e = video(p, "YZ-BZ-PS-2026-000905", "王桂兰", "冯志刚")) {
      MatchBatch batch = m.assignBatch(List.of(a, b, c, d, e));
      Check.equal(5, batch.size());
      Check.isTrue(batch.get(0).c == a, "the placements keep the case order");
      Check.equal("M-9001", batch.get(0).mediator.staffNumber());
      Check.equal(542500, batch.get(0).score);
      Check.equal("eligible", batch.get(0).reason);
      Check.equal("陈志华", batch.get(1).mediator.name());
      int video = 0;
      for (int i = 2; i < 4; i++)
        if (batch.get(i).mediator != null) {
          Check.equal("M-9009", batch.get(i).mediator.staffNumber());
          video++;
        }
      Check.equal(1, video);                              // 杨秀英 has one free place
      List<String> reasons = new ArrayList<>();
      for (MatchBatch.Placement u : batch.unplaced())
        reasons.add(u.reason);
      reasons.sort(null);
      Check.equal(List.of("no_eligible", "outcompeted"), reasons);
      Check.equal(0, batch.get(4).candidates);
      Check.equal(3, batch.assigned);
      long sum = 0;
      for (MatchBatch.Placement pl : batch)
        sum += pl.score;
      Check.equal(sum, batch.totalScore);
      Check.isTrue(batch.exact, "optimal");
      Check.equal(0, m.assignBatch(List.of()).size());
    }
  }

  public void testFormTeam() {
    // covers: mediate_match_form_team mediate_match_team_free mediate_match_team_count
    // covers: mediate_match_team_mediator mediate_match_team_score mediate_match_team_covers
    // covers: mediate_match_team_total_score mediate_match_team_reason mediate_match_team_uncovered
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Matcher m = new Matcher(r, null, AT); Case c = major(p)) {
      MatchTeam t = m.formTeam(c, new String[] {"labour.wage_arrears", "contract.construction"}, 0);
      Check.equal(2, t.size());
      Check.equal("lead", t.lead().role);
      Check.equal("M-9003", t.get(0).mediator.staffNumber());
      Check.equal(List.of("labour.wage_arrears"), t.get(0).covers);
      Check.equal("M-9007", t.get(1).mediator.staffNumber());
      Check.equal(List.of("contract.construction"), t.get(1).covers);
      Check.equal(t.get(0).score + t.get(1).score, t.totalScore);
      Check.equal("eligible", t.reason);
      Check.isNull(t.uncovered);
      MatchTeam small = m.formTeam(c, new String[] {"labour.wage_arrears", "contract.construction"}, 1);
      Check.equal(0, small.size());
      Check.equal("not_covered", small.reason);
      MatchTeam none = m.formTeam(c, new String[] {"labour.wage_arrears", "medical.malpractice"}, 0);
      Check.equal("medical.malpractice", none.uncovered.code());
      MediateException e = Check.raises(MediateException.class,
          () -> m.formTeam(c, new String[] {"labour.salary"}, 0));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
      e = Check.raises(MediateException.class, () -> m.formTeam(c, new String[] {"labour", "labour"}, 0));
      Check.equal(MediateError.EINVAL, e.getCode());
    }
  }

  public void testNearest() {
    // covers: mediate_match_nearest mediate_match_result_car
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Matcher m = new Matcher(r, null, AT)) {
      MatchResult res = m.nearest(29860000, 121550000, AT, 5);
      Check.equal(1, res.size());
      Check.equal("徐美华", res.get(0).mediator.name());
      Check.equal(0, res.get(0).distance);
      Check.equal("YZ-CAR-1", res.car.code);
      Check.isTrue(res.carDistance > 4000 && res.carDistance < 6000, "the car is about 4.5 km away");
      MatchResult later = m.nearest(29860000, 121550000, Time.parse("2026-12-06T09:00:00+08:00"), 5);
      Check.equal(2, later.size());
      Check.equal("M-9008", later.get(1).mediator.staffNumber());
      MediateException e = Check.raises(MediateException.class, () -> m.nearest(91000000, 121550000, AT, 5));
      Check.equal(MediateError.ERANGE, e.getCode());
    }
  }
}
