# SPDX-License-Identifier: MIT
"""Ratings through Python: the idiomatic layer (mediate.rating) and every C
function of the rating module through mediate.capi."""

import os
import tempfile
import unittest

import mediate
from mediate import capi
from mediate.case import Case
from mediate.rating import Ratings, Rating, RatingSummary, parameters

from bindtest import data

COUNTY = data("county.yaml")
STUDIO = "YZ-ZGM-PS-TJ"
LEAD = "6f1c2a4e-8b7d-4c3e-9a51-2d0e7f3b9c01"
EXPERT = "0b9e5d47-3f62-4a18-b7c4-5e1a9d2f6c88"
T0 = mediate.time_parse("2026-03-02T09:00:00+08:00")
END = T0 + 5 * 3600
DAY = 86400


def ended_case(policy, seq, outcome="agreement", t=T0, expert=False):
    """A numbered case of the studio with parties p1, p2 and agent a1,
    ended (agreement, failed) five hours after reception."""
    c = Case.new(policy, STUDIO, t, actor="u-110-desk")
    c.assign_number(seq)
    c.add_party("p1", "applicant", "person", "王秀兰")
    c.add_party("p2", "respondent", "person", "李建军")
    c.add_party("a1", "agent", "person", "钱律师", represents="p1")
    c.transition("assessed", t + 3600, "u-pan", STUDIO, "一般纠纷")
    c.add_mediator(LEAD, "潘志明", "lead", t + 2 * 3600, "u-pan", STUDIO)
    if expert:
        c.add_mediator(EXPERT, "陈晓燕", "expert", t + 2 * 3600, "u-pan", STUDIO)
    c.mode = "on_the_spot"
    c.transition("assigned", t + 3 * 3600, "u-pan", STUDIO)
    c.transition("in_mediation", t + 4 * 3600, "u-pan", STUDIO)
    if outcome == "agreement":
        c.reach_agreement("oral", t + 5 * 3600, "u-pan", STUDIO, "当场达成口头协议")
    elif outcome is not None:
        c.transition(outcome, t + 5 * 3600, "u-pan", STUDIO, "双方分歧较大")
    return c


class RatingTest(unittest.TestCase):

    def setUp(self):
        self.policy = mediate.Policy.load(COUNTY)

    def tearDown(self):
        self.policy.close()

    def test_parameters(self):
        p = parameters(self.policy)
        self.assertEqual(p, (4000, 10, 1960, 0))
        self.assertEqual(capi.mediate_policy_rating_prior_milli(self.policy._handle()), 4000)
        self.assertEqual(capi.mediate_policy_rating_prior_weight(self.policy._handle()), 10)
        self.assertEqual(capi.mediate_policy_rating_z_milli(self.policy._handle()), 1960)
        self.assertEqual(capi.mediate_policy_rating_half_life_days(self.policy._handle()), 0)
        # bindings/data/county.yaml has no section "ratings": the defaults.
        with open(COUNTY, encoding="utf-8") as f:
            text = f.read()
        with mediate.Policy.loads(text + "\nratings:\n  prior_mean: 4.2\n  prior_weight: 25\n"
                                  "  z: 2.576\n  half_life_days: 180\n", "custom.yaml") as p2:
            self.assertEqual(parameters(p2), (4200, 25, 2576, 180))
        with self.assertRaises(mediate.OutOfRange) as cm:
            mediate.Policy.loads(text + "\nratings: {prior_mean: 9, z: 0}\n", "bad.yaml")
        self.assertEqual([e.path for e in cm.exception.errors], ["ratings.prior_mean", "ratings.z"])

    def test_add_find_and_getters(self):
        with ended_case(self.policy, 1, expert=True) as c, Ratings.new(self.policy) as r:
            self.assertEqual(len(r), 0)
            x = r.add(c, "p1", 5, "调解员很耐心，讲法讲理", at=END + 3600)     # covers: mediate_ratings_add
            self.assertIsInstance(x, Rating)
            self.assertEqual(x.case_number, "YZ-ZGM-PS-TJ-2026-000001")   # covers: mediate_rating_case_number
            self.assertEqual(x.party_id, "p1")                           # covers: mediate_rating_party_id
            self.assertEqual(x.stars, 5)                                 # covers: mediate_rating_stars
            self.assertEqual(x.comment, "调解员很耐心，讲法讲理")             # covers: mediate_rating_comment
            self.assertEqual(x.at, END + 3600)                           # covers: mediate_rating_at
            # covers: mediate_rating_mediator_count mediate_rating_mediator_at
            self.assertEqual(x.mediators, [LEAD, EXPERT])
            self.assertFalse(x.excluded)
            self.assertIsNone(x.exclusion_reason)
            r.add(c, "p2", 3, at=END + 7200)
            self.assertEqual(len(r), 2)                                  # covers: mediate_ratings_count
            self.assertEqual([y.party_id for y in r], ["p1", "p2"])      # covers: mediate_ratings_at
            self.assertEqual(r[-1].stars, 3)
            self.assertIsNone(r[1].comment)
            self.assertEqual(r.find(c.number, "p2"), r[1])               # covers: mediate_ratings_find
            self.assertIsNone(r.find(c.number, "p3"))
            with self.assertRaises(IndexError):
                r[2]
            # The raw functions.
            h = r._handle()
            self.assertEqual(capi.mediate_ratings_count(h), 2)
            raw = capi.mediate_ratings_at(h, 0)
            self.assertEqual(capi.mediate_rating_stars(raw), 5)
            self.assertEqual(capi.mediate_rating_mediator_count(raw), 2)
            self.assertEqual(capi.mediate_rating_mediator_at(raw, 1), EXPERT)
            self.assertIsNone(capi.mediate_rating_mediator_at(raw, 2))
            self.assertIsNone(capi.mediate_ratings_at(h, 5))
            self.assertIsNotNone(capi.mediate_ratings_find(h, c.number, "p1"))

    def test_integrity_rules(self):
        with ended_case(self.policy, 2) as c, ended_case(self.policy, 3, outcome=None) as open_case, \
                Ratings.new(self.policy) as r:
            r.add(c, "p1", 4, at=END)
            before = r.to_yaml()
            with self.assertRaises(mediate.AlreadyExists):
                r.add(c, "p1", 2, at=END + 60)
            with self.assertRaises(mediate.InvalidArgument):
                r.add(c, "a1", 4, at=END)                       # an agent
            with self.assertRaises(mediate.NotFound):
                r.add(c, "p9", 4, at=END)                       # not a party
            with self.assertRaises(mediate.InvalidState):
                r.add(open_case, "p1", 4, at=END)               # still in mediation
            with self.assertRaises(mediate.InvalidState):
                r.record_case(open_case)
            with self.assertRaises(mediate.OutOfRange) as cm:
                r.add(c, "p2", 4, at=END - 1)                   # before the end
            self.assertIn("before case YZ-ZGM-PS-TJ-2026-000002 ended", cm.exception.text)
            with self.assertRaises(mediate.OutOfRange):
                r.add(c, "p2", 6, at=END)
            with self.assertRaises(mediate.LimitExceeded):
                r.add(c, "p2", 4, "好" * 200, at=END)            # 600 bytes
            with self.assertRaises(mediate.Utf8Error):
                r.add(c, "p2", 4, "好\0坏", at=END)
            self.assertEqual(r.to_yaml(), before)
            self.assertEqual(len(r), 1)

    def test_summary_and_record(self):
        with Ratings.new(self.policy) as r:
            # Ten cases, nine agreements: Wilson lower bound 0.596.
            for i in range(10):
                with ended_case(self.policy, 10 + i, "failed" if i == 3 else "agreement", t=T0 + i * DAY) as c:
                    r.record_case(c)                            # covers: mediate_ratings_record_case
                    if i < 5:
                        r.add(c, "p1", (5, 5, 4, 3, 5)[i], at=END + i * DAY)
            s = r.summary(LEAD, at=T0 + 20 * DAY)               # covers: mediate_ratings_summary
            self.assertIsInstance(s, RatingSummary)
            self.assertEqual((s.count, s.excluded, s.stars), (5, 0, (0, 0, 1, 1, 3)))
            self.assertEqual(s.mean_milli, 4400)
            self.assertEqual(s.bayes_milli, 4133)               # (10 x 4 + 22) / 15
            self.assertAlmostEqual(s.bayes, 4.133)
            self.assertEqual((s.ended, s.agreements, s.success_milli, s.wilson_milli), (10, 9, 900, 596))
            self.assertAlmostEqual(s.wilson, 0.596)
            # Nothing on record: the prior.
            s = r.summary("nobody", at=T0)
            self.assertEqual((s.count, s.bayes_milli, s.ended, s.wilson_milli), (0, 4000, 0, 0))
            raw = capi.mediate_ratings_summary(r._handle(), LEAD, T0 + 20 * DAY)
            self.assertEqual(raw.stars, (0, 0, 1, 1, 3))
            self.assertEqual(raw.count, 5)
            with self.assertRaises(AttributeError):
                raw.count = 3

    def test_exclusion(self):
        with ended_case(self.policy, 40) as c, Ratings.new(self.policy) as r:
            r.add(c, "p1", 5, at=END)
            r.add(c, "p2", 1, "不公平", at=END + 60)
            r.exclude(c.number, "p2", "申诉成立：评价与调解服务无关", "u-jdk", at=END + 2 * DAY)  # covers: mediate_ratings_exclude
            x = r.find(c.number, "p2")
            self.assertTrue(x.excluded)                               # covers: mediate_rating_excluded
            self.assertEqual(x.exclusion_reason, "申诉成立：评价与调解服务无关")  # covers: mediate_rating_exclusion_reason
            self.assertEqual(x.exclusion_actor, "u-jdk")              # covers: mediate_rating_exclusion_actor
            self.assertEqual(x.exclusion_at, END + 2 * DAY)           # covers: mediate_rating_exclusion_at
            self.assertIn("excluded", repr(x))
            with self.assertRaises(mediate.AlreadyExists):
                r.exclude(c.number, "p2", "再次申诉", "u-jdk", at=END + 3 * DAY)
            with self.assertRaises(mediate.NotFound):
                r.exclude(c.number, "p3", "x", "u-jdk", at=END + 3 * DAY)
            self.assertEqual(r.summary(LEAD, at=END + 3 * DAY)[2:4], (1, 1))
            self.assertEqual(r.summary(LEAD, at=END + DAY).count, 2)

    def test_yaml_roundtrip_and_files(self):
        with ended_case(self.policy, 50) as c, Ratings.new(self.policy) as r:  # covers: mediate_ratings_new
            r.add(c, "p1", 4, "8 点: 到得很早 #好评", at=END)
            r.add(c, "p2", 2, "- 不满意\n第二行", at=END + 60)
            r.exclude(c.number, "p2", "申诉成立", "u-jdk", at=END + DAY)
            text = r.to_yaml()                                   # covers: mediate_ratings_to_yaml
            self.assertTrue(text.startswith("format: mediate-ratings\nversion: 1\n"))
            with Ratings.loads(self.policy, text, "r.yaml") as back:   # covers: mediate_ratings_load_buffer
                self.assertEqual(back.to_yaml(), text)
                self.assertEqual([(x.party_id, x.comment) for x in back],
                                 [("p1", "8 点: 到得很早 #好评"), ("p2", "- 不满意\n第二行")])
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "ratings.yaml")
                r.save(path)
                with Ratings.load(self.policy, path) as back:  # covers: mediate_ratings_load_file
                    self.assertEqual(len(back), 2)
                    self.assertTrue(back[1].excluded)
                with self.assertRaises(mediate.IoError):
                    Ratings.load(self.policy, os.path.join(d, "missing.yaml"))
        r.close()                                                # covers: mediate_ratings_free
        self.assertTrue(r.closed)
        with self.assertRaises(mediate.InvalidState):
            len(r)

    def test_bad_yaml_reports_every_error(self):
        bad = ("format: mediate-ratings\nversion: 1\n"
               "outcomes:\n- {case: YZ-ZGM-PS-TJ-2026-000001, result: agreement,"
               " ended_at: 2026-03-02T14:00:00+08:00, mediators: [m1]}\n"
               "ratings:\n"
               "- {case: YZ-ZGM-PS-TJ-2026-000001, party: p1, stars: 7, at: 2026-03-03T09:00:00+08:00,"
               " mediators: [m1]}\n"
               "- {case: YZ-ZGM-PS-TJ-2026-000001, party: p2, stars: 4, at: soon, mediators: [m1]}\n")
        with self.assertRaises(mediate.OutOfRange) as cm:
            Ratings.loads(self.policy, bad, "bad.yaml")
        e = cm.exception
        self.assertEqual((e.file, e.line, e.path), ("bad.yaml", 6, "ratings[0].stars"))
        self.assertEqual([x.line for x in e.errors], [6, 7])
        with self.assertRaises(mediate.ParseError):
            Ratings.loads(self.policy, "format: [", "x.yaml")
        with self.assertRaises(mediate.ValidationError):
            Ratings.loads(self.policy, b"format: mediate-cases\nversion: 1\n")

    def test_sample_file(self):
        from bindtest import EXAMPLES
        path = os.path.join(EXAMPLES, "ratings.yaml")
        if not os.path.exists(path):
            self.skipTest("examples/data/ratings.yaml is not there")
        with mediate.Policy.load(os.path.join(EXAMPLES, "county.yaml")) as county, \
                Ratings.load(county, path) as r:
            self.assertGreater(len(r), 100)
            self.assertTrue(any(x.excluded for x in r))
            with open(path, encoding="utf-8") as f:
                self.assertEqual(r.to_yaml(), f.read())


if __name__ == "__main__":
    unittest.main()
