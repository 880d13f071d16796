# SPDX-License-Identifier: MIT
"""Grading through Python: levels, grade() with its trace, grade_batch(),
re-grading and overrides on a case, and errors raised as exceptions."""

import unittest

import mediate
from mediate import capi
from mediate.case import Case

from bindtest import data

POLICY = data("grading.yaml")
T0 = mediate.time_parse("2026-11-03T09:30:00+08:00")


class GradeTest(unittest.TestCase):

    def setUp(self):
        self.policy = mediate.Policy.load(POLICY)

    def tearDown(self):
        self.policy.close()

    def new_case(self, category, people=0, amount=0, risks=0):
        c = Case.new(self.policy, "YZ-ZGM-PS", T0, actor="police-0457")
        capi.mediate_case_set_category(c._handle(), category)
        capi.mediate_case_set_people_involved(c._handle(), people)
        capi.mediate_case_set_amount(c._handle(), amount)
        capi.mediate_case_set_risks(c._handle(), risks)
        return c

    def test_levels(self):
        # covers: mediate_policy_level_count mediate_policy_level_at mediate_level_code
        # covers: mediate_level_name mediate_level_rank mediate_level_threshold mediate_level_path
        # covers: mediate_level_deadline_days mediate_level_min_mediator_level
        # covers: mediate_level_requires_think_tank mediate_resolution_path_name
        levels = self.policy.levels
        self.assertEqual([l.code for l in levels], ["general", "difficult", "major"])
        d = levels[1]
        self.assertEqual(d.name(), "疑难纠纷")
        self.assertEqual(d.name("en"), "Difficult")
        self.assertEqual((d.rank, d.threshold, d.path, d.deadline_days), (1, 40, "think_tank", 30))
        self.assertEqual(d.min_mediator_level, 3)
        self.assertTrue(d.requires_think_tank)
        self.assertFalse(levels[0].requires_think_tank)
        self.assertLess(levels[0], levels[2])

    def test_find_rules_and_bodies(self):
        # covers: mediate_policy_level_find mediate_policy_grading_rule_count
        # covers: mediate_policy_grading_rule_id mediate_policy_grading_allows_downgrade
        # covers: mediate_level_joint_body_count mediate_level_joint_body_at
        major = self.policy.level("major")
        self.assertEqual(major.rank, 2)
        self.assertIsNone(self.policy.level("urgent"))
        self.assertEqual(self.policy.grading_rules, ["amount-100k", "people-10", "mass-incident"])
        self.assertFalse(self.policy.grading_allows_downgrade)
        medical = self.policy.category("medical")
        self.assertEqual([u.code for u in major.joint_bodies(medical)], ["YZ-FY", "YZ-YTW"])
        self.assertEqual([u.code for u in major.joint_bodies()], ["YZ-FY"])
        self.assertEqual(capi.mediate_level_joint_body_count(major._p(), None), 1)

    def test_resolution_path_parse(self):
        # covers: mediate_resolution_path_parse
        self.assertEqual(mediate.resolution_path_parse("joint"), capi.MEDIATE_PATH_JOINT)
        self.assertEqual(mediate.resolution_path_name(capi.MEDIATE_PATH_ON_THE_SPOT), "on_the_spot")
        with self.assertRaises(mediate.NotFound):
            mediate.resolution_path_parse("court")

    def test_grade_with_trace(self):
        # covers: mediate_grade mediate_grade_result_free mediate_grade_result_level
        # covers: mediate_grade_result_points mediate_grade_result_threshold_level
        # covers: mediate_grade_result_floor_level mediate_grade_result_deciding_rule
        # covers: mediate_grade_result_path mediate_grade_result_due
        # covers: mediate_grade_result_joint_body_count mediate_grade_result_joint_body_at
        # covers: mediate_grade_result_trace_count mediate_grade_result_trace_rule
        # covers: mediate_grade_result_trace_description mediate_grade_result_trace_fired
        # covers: mediate_grade_result_trace_points mediate_grade_result_trace_floor
        with self.new_case("labour.wage_arrears", people=12, risks=capi.MEDIATE_RISK_MASS_INCIDENT) as c:
            r = mediate.grade(c)
            self.assertEqual(r.level.code, "major")
            self.assertEqual(r.points, 40)
            self.assertEqual(r.threshold_level.code, "difficult")
            self.assertEqual(r.floor_level.code, "major")
            self.assertEqual(r.deciding_rule, "mass-incident")
            self.assertEqual(r.path, "joint")
            self.assertEqual(mediate.time_format(r.due), "2026-12-03T09:30:00+08:00")
            self.assertEqual([u.code for u in r.joint_bodies], ["YZ-FY"])
            self.assertEqual([(e.rule, e.fired, e.points) for e in r.trace],
                             [("people-10", True, 40), ("mass-incident", True, 0)])
            self.assertEqual(r.trace[0].description, "涉及10人以上")
            self.assertEqual(r.trace[1].floor.code, "major")
            full = c.grade(trace_all=True)
            self.assertEqual(len(full.trace), 3)
            self.assertFalse(full.trace[0].fired)

    def test_grade_errors(self):
        with Case.new(self.policy, "YZ-ZGM-PS", T0, actor="police-0457") as c:
            with self.assertRaises(mediate.ValidationError) as cm:
                mediate.grade(c)       # no category yet
            self.assertIn("no category", cm.exception.text)
        bare = mediate.Policy.loads("policy: {name: x}\ntaxonomy: [{code: a, name: A}]\n"
                                    "org: [{code: YZ, kind: county, name: 鄞州区}]\n")
        with bare, Case.new(bare, "YZ", T0, actor="u1") as c:
            capi.mediate_case_set_category(c._handle(), "a")
            with self.assertRaises(mediate.NotFound):
                mediate.grade(c)

    def test_batch(self):
        # covers: mediate_grade_batch
        cases = [self.new_case("neighbour.noise"), self.new_case("medical", amount=15000000),
                 self.new_case("labour", people=30, amount=20000000)]
        try:
            got = [(l.code, p) for l, p in mediate.grade_batch(self.policy, cases)]
            self.assertEqual(got, [("general", 0), ("general", 30), ("difficult", 70)])
            self.assertEqual([mediate.grade(c).level.code for c in cases],
                             ["general", "general", "difficult"])
        finally:
            for c in cases:
                c.close()

    def test_regrade_and_override(self):
        # covers: mediate_case_regrade mediate_case_override_level mediate_case_clear_override
        # covers: mediate_case_level mediate_case_computed_level mediate_case_level_points
        # covers: mediate_case_level_override mediate_case_level_override_reason
        # covers: mediate_case_level_override_actor mediate_case_level_override_at
        with self.new_case("labour.wage_arrears") as c:
            self.assertIsNone(c.level)
            self.assertEqual(c.regrade(T0 + 60, "police-0457", "YZ-ZGM-PS", "受理时预判").code, "general")
            capi.mediate_case_set_people_involved(c._handle(), 12)
            c.regrade(T0 + 120, "police-0457", "YZ-ZGM-PS", "核实涉及12名工人")
            self.assertEqual((c.level.code, c.computed_level.code, c.level_points), ("difficult", "difficult", 40))
            self.assertEqual(c.timeline[len(c.timeline) - 1].details,
                             "general -> difficult (40 points): 核实涉及12名工人")
            c.override_level("major", T0 + 180, "director-0002", "YZ-TJ", "涉及区重点工程")
            o = c.level_override
            self.assertEqual((o["level"].code, o["reason"], o["actor"], o["at"]),
                             ("major", "涉及区重点工程", "director-0002", T0 + 180))
            self.assertEqual(c.level.code, "major")
            with self.assertRaises(mediate.NotFound):
                c.override_level("urgent", T0 + 200, "director-0002", "YZ-TJ", "x")
            with self.assertRaises(mediate.InvalidArgument):
                c.override_level("general", T0 + 200, "director-0002", "YZ-TJ", "")
            c.clear_override(T0 + 240, "director-0002", "YZ-TJ", "工程方已垫付")
            self.assertIsNone(c.level_override)
            self.assertEqual(c.level.code, "difficult")
            with self.assertRaises(mediate.InvalidState):
                c.clear_override(T0 + 300, "director-0002", "YZ-TJ", "again")

    def test_level_keeps_policy_alive(self):
        level = mediate.Policy.load(POLICY).levels[2]
        self.assertEqual(level.code, "major")


if __name__ == "__main__":
    unittest.main()
