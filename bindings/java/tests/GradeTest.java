/* SPDX-License-Identifier: MIT */
import java.util.ArrayList;
import java.util.List;

import org.libmediate.*;

/**
 * Grading through Java: levels, Grade.of with its trace, batch grading,
 * re-grading and overrides, errors as MediateException.
 */
public class GradeTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String POLICY = DATA + "/grading.yaml";
  static final long T0 = 1793669400L;   // 2026-11-03T09:30:00+08:00

  /** A case received at 钟公庙派出所, from its YAML form. */
  static Case newCase(Policy p, String category, int people, String amount, String risks) {
    String yaml =
        "id: 0b6f3c52-4a8e-4d21-9c1e-5f2a7d9e8c41\n"
        + "state: received\n"
        + "received_at: 2026-11-03T09:30:00+08:00\n"
        + "unit: YZ-ZGM-PS\n"
        + "category: " + category + "\n"
        + "facts:\n"
        + "  people_involved: " + people + "\n"
        + "  amount: \"" + amount + "\"\n"
        + (risks.isEmpty() ? "" : "  risks: [" + risks + "]\n")
        + "timeline:\n"
        + "- at: 2026-11-03T09:30:00+08:00\n"
        + "  actor: police-0457\n"
        + "  unit: YZ-ZGM-PS\n"
        + "  event: received\n";
    return Case.fromYaml(p, yaml, "case.yaml");
  }

  public void testLevels() {
    // covers: mediate_policy_level_count mediate_policy_level_at mediate_level_code mediate_level_name
    // covers: mediate_level_rank mediate_level_threshold mediate_level_path mediate_level_deadline_days
    // covers: mediate_level_min_mediator_level mediate_level_requires_think_tank mediate_resolution_path_name
    try (Policy p = Policy.load(POLICY)) {
      List<Level> levels = Grade.levels(p);
      Check.equal(3, levels.size());
      Level d = levels.get(1);
      Check.equal("difficult", d.code());
      Check.equal("疑难纠纷", d.name());
      Check.equal("Difficult", d.name("en"));
      Check.equal(1, d.rank());
      Check.equal(40, d.threshold());
      Check.equal("think_tank", d.path());
      Check.equal(30, d.deadlineDays());
      Check.equal(3, d.minMediatorLevel());
      Check.isTrue(d.requiresThinkTank(), "difficult needs the think tank");
      Check.isTrue(levels.get(0).compareTo(levels.get(2)) < 0, "general < major");
    }
  }

  public void testFindRulesBodiesAndPaths() {
    // covers: mediate_policy_level_find mediate_policy_grading_rule_count mediate_policy_grading_rule_id
    // covers: mediate_policy_grading_allows_downgrade mediate_level_joint_body_count mediate_level_joint_body_at
    // covers: mediate_resolution_path_parse
    try (Policy p = Policy.load(POLICY)) {
      Level major = Grade.level(p, "major");
      Check.equal(2, major.rank());
      Check.isNull(Grade.level(p, "urgent"));
      Check.equal(List.of("amount-100k", "people-10", "mass-incident"), Grade.rules(p));
      Check.isTrue(!Grade.allowsDowngrade(p), "escalation only");
      List<String> codes = new ArrayList<>();
      for (Unit u : major.jointBodies(p.category("medical")))
        codes.add(u.code());
      Check.equal(List.of("YZ-FY", "YZ-YTW"), codes);
      Check.equal(1, major.jointBodies(null).size());
      int[] path = new int[1];
      MediateNative.mediate_resolution_path_parse(path, "joint");
      Check.equal(mediate_resolution_path.MEDIATE_PATH_JOINT.swigValue(), path[0]);
      MediateException e = Check.raises(MediateException.class,
          () -> MediateNative.mediate_resolution_path_parse(path, "court"));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
    }
  }

  public void testGradeWithTrace() {
    // covers: mediate_grade mediate_grade_result_free mediate_grade_result_level mediate_grade_result_points
    // covers: mediate_grade_result_threshold_level mediate_grade_result_floor_level
    // covers: mediate_grade_result_deciding_rule mediate_grade_result_path mediate_grade_result_due
    // covers: mediate_grade_result_joint_body_count mediate_grade_result_joint_body_at
    // covers: mediate_grade_result_trace_count mediate_grade_result_trace_rule
    // covers: mediate_grade_result_trace_description mediate_grade_result_trace_fired
    // covers: mediate_grade_result_trace_points mediate_grade_result_trace_floor
    try (Policy p = Policy.load(POLICY);
         Case c = newCase(p, "labour.wage_arrears", 12, "0.00", "mass_incident")) {
      Grade g = Grade.of(c, false);
      Check.equal("major", g.level.code());
      Check.equal(40, g.points);
      Check.equal("difficult", g.thresholdLevel.code());
      Check.equal("major", g.floorLevel.code());
      Check.equal("mass-incident", g.decidingRule);
      Check.equal("joint", g.path);
      Check.equal(T0 + 30L * 86400, (long) g.due);
      Check.equal(1, g.jointBodies.size());
      Check.equal("YZ-FY", g.jointBodies.get(0).code());
      Check.equal(2, g.trace.size());
      Check.equal("people-10", g.trace.get(0).rule);
      Check.equal("涉及10人以上", g.trace.get(0).description);
      Check.equal(40, g.trace.get(0).points);
      Check.equal("major", g.trace.get(1).floor.code());
      Grade all = Grade.of(c, true);
      Check.equal(3, all.trace.size());
      Check.isTrue(!all.trace.get(0).fired, "amount-100k did not fire");
    }
  }

  public void testBatch() {
    // covers: mediate_grade_batch
    try (Policy p = Policy.load(POLICY);
         Case a = newCase(p, "neighbour.noise", 2, "0.00", "");
         Case b = newCase(p, "medical", 2, "150000.00", "");
         Case c = newCase(p, "labour", 30, "200000.00", "")) {
      long[] points = new long[3];
      List<Level> levels = Grade.batch(p, List.of(a, b, c), points);
      Check.equal("general", levels.get(0).code());
      Check.equal("general", levels.get(1).code());
      Check.equal("difficult", levels.get(2).code());
      Check.equal(30, points[1]);
      Check.equal(70, points[2]);
    }
  }

  public void testRegradeAndOverride() {
    // covers: mediate_case_regrade mediate_case_override_level mediate_case_clear_override
    // covers: mediate_case_level mediate_case_computed_level mediate_case_level_points
    // covers: mediate_case_level_override mediate_case_level_override_reason
    // covers: mediate_case_level_override_actor mediate_case_level_override_at
    try (Policy p = Policy.load(POLICY);
         Case c = newCase(p, "labour.wage_arrears", 12, "0.00", "")) {
      Check.isNull(Grade.levelOf(c));
      Check.equal("difficult", Grade.regrade(c, T0 + 60, "police-0457", "YZ-ZGM-PS", "受理时预判").code());
      Check.equal(40, Grade.points(c));
      Check.equal("difficult", Grade.computedLevel(c).code());
      Grade.override(c, "major", T0 + 120, "director-0002", "YZ-TJ", "涉及区重点工程");
      Check.equal("major", Grade.levelOf(c).code());
      Check.equal("major", Grade.overrideOf(c).level.code());
      Check.equal("涉及区重点工程", Grade.overrideOf(c).reason);
      Check.equal("director-0002", Grade.overrideOf(c).actor);
      Check.equal(T0 + 120, Grade.overrideOf(c).at);
      MediateException e = Check.raises(MediateException.class,
          () -> Grade.override(c, "urgent", T0 + 180, "director-0002", "YZ-TJ", "x"));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
      Grade.clearOverride(c, T0 + 240, "director-0002", "YZ-TJ", "工程方已垫付");
      Check.isNull(Grade.overrideOf(c));
      Check.equal("difficult", Grade.levelOf(c).code());
      e = Check.raises(MediateException.class,
          () -> Grade.clearOverride(c, T0 + 300, "director-0002", "YZ-TJ", "again"));
      Check.equal(MediateError.ESTATE, e.getCode());
    }
  }
}
