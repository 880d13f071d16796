# SPDX-License-Identifier: MIT
"""Matching through Python: the matcher, rank with its components and
exclusions, a party's request, optimal batches, joint teams, door-to-door
mediation, the policy's matching section, and errors as exceptions.

The roster (bindings/data/match-roster.yaml) is the one of
tests/cli/match.sh, so the scores are the hand-computed ones there, with the
weights of examples/data/county.yaml: specialty 400, rating 150, success
150, level 50, locality 150, load 50, language 30, mode 20."""

import os
import threading
import unittest

import mediate
from mediate import capi
from mediate.case import Case
from mediate.roster import Roster
from mediate.match import Matcher

from bindtest import data, EXAMPLES

POLICY = os.path.join(EXAMPLES, "county.yaml")
ROSTER = data("match-roster.yaml")
AT = mediate.time_parse("2026-12-01T09:00:00+08:00")


def case_yaml(number, category, people=2, mode=None, risks=None, parties=("刘德明", "陈秀英")):
    """A case received at the Baizhang police station on 2026-11-30."""
    lines = [
        "id: 7e3f1c2a-5b6d-4e8f-9a0b-1c2d3e4f5%s" % number[-3:],
        "number: %s" % number,
        "state: received",
        "received_at: 2026-11-30T10:20:00+08:00",
        "unit: YZ-BZ-PS",
        "category: %s" % category,
    ]
    if mode:
        lines += ["mediation:", "  mode: %s" % mode]
    lines += ["facts:", "  people_involved: %d" % people, '  amount: "0.00"']
    if risks:
        lines += ["  risks: [%s]" % risks]
    lines += ["parties:",
              "- {id: p1, role: applicant, kind: person, name: %s}" % parties[0],
              "- {id: p2, role: respondent, kind: person, name: %s}" % parties[1],
              "timeline:",
              "- {at: 2026-11-30T10:20:00+08:00, actor: mj_zhoulei, unit: YZ-BZ-PS, event: received}"]
    return "\n".join(lines) + "\n"


class MatchTest(unittest.TestCase):

    def setUp(self):
        self.policy = mediate.Policy.load(POLICY)
        self.roster = Roster.load(self.policy, ROSTER)
        self.matcher = Matcher(self.roster, at=AT)
        self.cases = []

    def tearDown(self):
        self.matcher.close()
        for c in self.cases:
            c.close()
        self.roster.close()
        self.policy.close()

    def case(self, *args, **kw):
        c = Case.from_yaml(self.policy, case_yaml(*args, **kw))
        self.cases.append(c)
        return c

    def major(self):
        c = self.case("YZ-BZ-PS-2026-000902", "labour.wage_arrears", people=30, risks="mass_incident",
                      parties=("宁波鄞州恒远建筑劳务有限公司", "李卫东"))
        c.regrade(AT, "tj_chenli", "YZ-BZ-PS", "预评估")
        self.assertEqual(c.level.code, "major")
        return c

    def test_names(self):
        # covers: mediate_match_component_name mediate_match_component_parse
        # covers: mediate_match_reason_name mediate_match_reason_parse
        self.assertEqual(mediate.match.COMPONENTS, ("specialty", "rating", "success", "level", "locality",
                                                    "load", "language", "mode"))
        self.assertEqual(mediate.match.REASONS[0], "eligible")
        self.assertIn("outcompeted", mediate.match.REASONS)
        self.assertEqual(mediate.match.component_parse("locality"), capi.MEDIATE_MATCH_LOCALITY)
        self.assertEqual(mediate.match.component_name(capi.MEDIATE_MATCH_SPECIALTY), "specialty")
        self.assertIsNone(mediate.match.component_name(0))
        self.assertEqual(mediate.match.reason_parse("recused"), capi.MEDIATE_MATCH_RECUSED)
        self.assertEqual(mediate.match.reason_name(capi.MEDIATE_MATCH_NOT_THINK_TANK), "not_think_tank")
        with self.assertRaises(mediate.InvalidArgument):
            mediate.match.component_parse("seniority")
        with self.assertRaises(mediate.InvalidArgument):
            mediate.match.reason_parse("busy")

    def test_policy_section(self):
        # covers: mediate_policy_match_weight mediate_policy_match_team_size
        # covers: mediate_policy_match_car_count mediate_policy_match_car_code
        # covers: mediate_policy_match_car_name mediate_policy_match_car_base
        w = self.policy.match_weights
        self.assertEqual(list(w.values()), [400, 150, 150, 50, 150, 50, 30, 20])
        self.assertEqual(capi.mediate_policy_match_weight(self.policy._handle(), 99), 0)
        self.assertEqual(self.policy.match_team_size, 5)
        cars = self.policy.match_cars
        self.assertEqual([c.code for c in cars], ["YZ-CAR-1", "YZ-CAR-2"])
        self.assertEqual(cars[0].name, "老潘流动调解车")
        self.assertEqual(cars[0].base, (29819500, 121548100))
        self.assertEqual(capi.mediate_policy_match_car_count(self.policy._handle()), 2)
        self.assertIsNone(capi.mediate_policy_match_car_code(self.policy._handle(), 2))
        with self.assertRaises(mediate.NotFound):
            capi.mediate_policy_match_car_base(self.policy._handle(), 2)

    def test_matcher(self):
        # covers: mediate_matcher_new mediate_matcher_free mediate_matcher_roster mediate_matcher_at
        self.assertEqual(self.matcher.at, AT)
        self.assertEqual(int(capi.mediate_matcher_roster(self.matcher._handle())),
                         int(self.roster._handle()))
        with Matcher(self.roster) as m:          # now, no ratings
            self.assertGreater(m.at, AT)
        self.assertTrue(m.closed)
        with self.assertRaises(mediate.InvalidState):
            m.rank(self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary"))
        m.close()                                # twice is fine
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_matcher_new(None, None, AT)

    def test_rank_components_and_exclusions(self):
        # covers: mediate_match_rank mediate_match_result_free mediate_match_result_count
        # covers: mediate_match_result_mediator mediate_match_result_score mediate_match_result_component
        # covers: mediate_match_result_distance mediate_match_result_excluded_count
        # covers: mediate_match_result_excluded_at mediate_match_result_excluded_reason
        # covers: mediate_match_result_examined
        c = self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary")
        r = self.matcher.rank(c, k=10, excluded=True)
        self.assertEqual([x.mediator.staff_number for x in r], ["M-9001", "M-9007", "M-9009", "M-9006", "M-9003"])
        best = r[0]
        self.assertEqual(best.mediator.name, "张国强")
        self.assertEqual(best.score, 542500)
        self.assertEqual(dict(best.components), {"specialty": 450, "rating": 750, "success": 0, "level": 600,
                                                 "locality": 1000, "load": 800, "language": 1000, "mode": 0})
        self.assertEqual(best.points("specialty"), 180000)
        self.assertEqual(sum(p for _, _, _, p in best.explain()), best.score)
        self.assertIsNone(best.distance)
        # A tie at 382500, broken by staff number.
        self.assertEqual((r[1].score, r[2].score), (382500, 382500))
        self.assertEqual(sorted(((e.mediator.staff_number, e.reason) for e in r.excluded)),
                         [("M-9002", "recused"), ("M-9004", "unavailable"), ("M-9005", "capacity_full"),
                          ("M-9008", "unavailable")])
        self.assertEqual(r.examined, 9)
        top = self.matcher.rank(c, k=1)
        self.assertEqual(len(top), 1)
        self.assertEqual(top.excluded, [])
        self.assertLessEqual(top.examined, 9)
        self.assertEqual(capi.mediate_match_result_component(None, 0, 1), -1)
        self.assertEqual(capi.mediate_match_result_distance(None, 0), -1)
        with self.assertRaises(mediate.InvalidArgument):
            self.matcher.rank(c, k=0)

    def test_rank_with_ratings(self):
        """Two agreements rated 5 stars: Bayesian (10 x 4.0 + 10) / 12 -> 791,
        Wilson lower bound of 2 of 2 -> 342 (see tests/cli/match.sh)."""
        from mediate.rating import Ratings
        c = self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary")
        with Ratings.load(self.policy, data("match-ratings.yaml")) as ratings, \
                Matcher(self.roster, ratings, AT) as m:
            self.assertIs(m.ratings, ratings)
            r = m.rank(c, k=3)
            self.assertEqual([x.mediator.staff_number for x in r], ["M-9001", "M-9007", "M-9009"])
            self.assertEqual(r[1].score, 439950)
            self.assertEqual((r[1].components["rating"], r[1].components["success"]), (791, 342))
            self.assertEqual(r[0].components["rating"], 750)       # the prior, without ratings

    def test_rank_filters(self):
        major = self.major()
        r = self.matcher.rank(major, excluded=True)
        self.assertEqual([x.mediator.name for x in r], ["陈志华"])
        reasons = {e.mediator.staff_number: e.reason for e in r.excluded}
        self.assertEqual(reasons["M-9001"], "level_too_low")
        self.assertEqual(reasons["M-9006"], "not_think_tank")
        video = self.case("YZ-BZ-PS-2026-000905", "neighbour.noise", mode="remote_video", parties=("王桂兰", "冯志刚"))
        r = self.matcher.rank(video, excluded=True)
        self.assertEqual(len(r), 0)
        reasons = {e.mediator.staff_number: e.reason for e in r.excluded}
        self.assertEqual(reasons["M-9001"], "mode_not_offered")
        self.assertEqual(reasons["M-9009"], "recused")

    def test_request(self):
        # covers: mediate_match_request
        c = self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary")
        refused = self.matcher.request(c, "M-9002")
        self.assertFalse(refused.accepted)
        self.assertEqual(refused.reason, "recused")
        self.assertEqual(refused.excluded[0].mediator.name, "刘海燕")
        off = self.matcher.request(c, self.roster.find_staff("M-9004"))
        self.assertEqual(off.reason, "unavailable")
        ok = self.matcher.request(c, "0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b01")
        self.assertTrue(ok.accepted)
        self.assertIsNone(ok.reason)
        self.assertEqual(ok[0].score, 542500)
        with self.assertRaises(mediate.NotFound):
            self.matcher.request(c, "M-0000")

    def test_assign_batch(self):
        # covers: mediate_match_assign_batch mediate_match_batch_free mediate_match_batch_count
        # covers: mediate_match_batch_mediator mediate_match_batch_score mediate_match_batch_reason
        # covers: mediate_match_batch_candidates mediate_match_batch_assigned
        # covers: mediate_match_batch_total_score mediate_match_batch_exact
        cases = [self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary"), self.major(),
                 self.case("YZ-BZ-PS-2026-000903", "neighbour.noise", mode="remote_video", parties=("赵建华", "钱玉芳")),
                 self.case("YZ-BZ-PS-2026-000904", "neighbour.noise", mode="remote_video", parties=("吴晓明", "郑丽娟")),
                 self.case("YZ-BZ-PS-2026-000905", "neighbour.noise", mode="remote_video", parties=("王桂兰", "冯志刚"))]
        b = self.matcher.assign_batch(cases)
        self.assertEqual(len(b), 5)
        self.assertIs(b[0].case, cases[0])
        self.assertEqual((b[0].mediator.staff_number, b[0].score, b[0].reason), ("M-9001", 542500, "eligible"))
        self.assertEqual(b[1].mediator.name, "陈志华")
        # 杨秀英 has one free place for the two remote-video cases.
        placed = [p for p in b[2:4] if p.mediator is not None]
        self.assertEqual([p.mediator.staff_number for p in placed], ["M-9009"])
        self.assertEqual(sorted(p.reason for p in b.unplaced), ["no_eligible", "outcompeted"])
        self.assertEqual(b[4].candidates, 0)
        self.assertEqual(b.assigned, 3)
        self.assertEqual(b.total_score, sum(p.score for p in b))
        self.assertTrue(b.exact)
        self.assertEqual(len(self.matcher.assign_batch([])), 0)
        # The cases were not changed.
        self.assertEqual(len(cases[0].mediators), 0)

    def test_form_team(self):
        # covers: mediate_match_form_team mediate_match_team_free mediate_match_team_count
        # covers: mediate_match_team_mediator mediate_match_team_score mediate_match_team_covers
        # covers: mediate_match_team_total_score mediate_match_team_reason mediate_match_team_uncovered
        major = self.major()
        t = self.matcher.form_team(major, ["labour.wage_arrears", self.policy.category("contract.construction")])
        self.assertTrue(t)
        self.assertEqual([(m.role, m.mediator.staff_number, m.covers) for m in t],
                         [("lead", "M-9003", ["labour.wage_arrears"]),
                          ("member", "M-9007", ["contract.construction"])])
        self.assertEqual(t.total_score, sum(m.score for m in t))
        self.assertEqual(t.reason, "eligible")
        self.assertIsNone(t.uncovered)
        small = self.matcher.form_team(major, ["labour.wage_arrears", "contract.construction"], max_size=1)
        self.assertFalse(small)
        self.assertEqual(small.reason, "not_covered")
        none = self.matcher.form_team(major, ["labour.wage_arrears", "medical.malpractice"])
        self.assertEqual(none.reason, "not_covered")
        self.assertEqual(none.uncovered.code, "medical.malpractice")
        with self.assertRaises(mediate.NotFound):
            self.matcher.form_team(major, ["labour.salary"])
        with self.assertRaises(mediate.InvalidArgument):
            self.matcher.form_team(major, ["labour", "labour"])
        with self.assertRaises(mediate.Utf8Error):
            self.matcher.form_team(major, ["labour\0x"])
        with self.assertRaises(TypeError):
            self.matcher.form_team(major, [None])

    def test_nearest(self):
        # covers: mediate_match_nearest mediate_match_result_car
        r = self.matcher.nearest(29860000, 121550000, k=5)
        self.assertEqual([(c.mediator.name, c.distance) for c in r], [("徐美华", 0)])
        self.assertEqual(r[0].score, 0)
        car, distance = r.car
        self.assertEqual(car.code, "YZ-CAR-1")
        self.assertGreater(distance, 4000)
        self.assertLess(distance, 6000)
        later = self.matcher.nearest(29860000, 121550000, at=mediate.time_parse("2026-12-06T09:00:00+08:00"))
        self.assertEqual([c.mediator.staff_number for c in later], ["M-9006", "M-9008"])
        self.assertIsNone(self.matcher.rank(self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary")).car)
        with self.assertRaises(mediate.OutOfRange):
            self.matcher.nearest(91000000, 121550000)

    def test_threads(self):
        """One matcher, several threads ranking at once."""
        c = self.case("YZ-BZ-PS-2026-000901", "neighbour.boundary")
        scores = []

        def work():
            for _ in range(50):
                scores.append(self.matcher.rank(c, k=3)[0].score)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(set(scores), {542500})
        self.assertEqual(len(scores), 200)


if __name__ == "__main__":
    unittest.main()
