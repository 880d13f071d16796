# SPDX-License-Identifier: MIT
"""Pay through Python: a payroll of November 2026 under a policy whose
table changes on the 16th (salaries prorated 15/30 + 15/30), team awards
split by role weights with remainders, rating bands, a monthly cap, a unit
budget cut, a deduction; payroll from case files; exports; errors.

Every expected amount below is computed by hand from bindings/data/pay.yaml
(the comments show how), in fen."""

import unittest

import mediate
from mediate import capi
from mediate import pay
from mediate.case import load_cases
from mediate.pay import Payroll, yuan, format_yuan
from mediate.rating import Ratings
from mediate.roster import Roster

from bindtest import data

POLICY = data("pay.yaml")
ROSTER = data("pay-roster.yaml")
CASES = data("pay-cases.yaml")

CHEN, ZHOU, SUN, LIN = "zgm-chen-liqun", "zgm-zhou-meihua", "tj-sun-deming", "zgm-lin-xiuying"


def t(text):
    return mediate.time_parse(text)


class PayTest(unittest.TestCase):

    def setUp(self):
        self.policy = mediate.Policy.load(POLICY)
        self.roster = Roster.load(self.policy, ROSTER)

    def tearDown(self):
        self.roster.close()
        self.policy.close()

    def payroll(self):
        return Payroll(self.policy, self.roster, None, 2026, 11)

    def full_month(self, run):
        """The awards of November: four cases, a deduction, fixed ratings."""
        # covers: mediate_payroll_set_rating mediate_payroll_add_award mediate_payroll_add_deduction
        run.set_rating(CHEN, 4600)      # band from 4.500: x 1100/1000
        run.set_rating(ZHOU, 3700)      # band from 3.500: x 900/1000
        run.set_rating(SUN, 4000)       # band from 4.000: x 1000/1000
        run.set_rating(LIN, 4200)
        # A difficult case agreed on the 20th (second table), confirmed by the court:
        # 200.00 + 80.00 = 280.00 split 60/25/15 = 168.00, 70.00, 42.00.
        at = t("2026-11-20T10:00:00+08:00")
        run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "difficult", "reached", at, "lead", 3, confirmed=True)
        run.add_award(ZHOU, "YZ-ZGM-PS-2026-000301", "difficult", "reached", at, "co_mediator", 3, True)
        run.add_award(SUN, "YZ-ZGM-PS-2026-000301", "difficult", pay.outcome_parse("reached"), at,
                      capi.MEDIATE_MEDIATOR_EXPERT, 3, True)
        # A general case failed after a session on the 5th (first table): 10.00 split
        # 60/25/25 of 110 = 5.4545, 2.2727, 2.2727 -> 5.45, 2.27, 2.27 and the fen
        # left over to the largest remainder: 5.46.
        at = t("2026-11-05T15:00:00+08:00")
        for who, role in ((CHEN, "lead"), (ZHOU, "co_mediator"), (LIN, "co_mediator")):
            run.add_award(who, "YZ-ZGM-PS-2026-000302", "general", "failed_process", at, role, 3)
        # Two major cases performed, 孙德明 alone: 600.00 each.
        run.add_award(SUN, "YZ-TJ-2026-000303", "major", "performed", t("2026-11-25T09:00:00+08:00"))
        run.add_award(SUN, "YZ-TJ-2026-000304", "major", "performed", t("2026-11-26T09:00:00+08:00"))
        run.add_deduction(ZHOU, "upheld_complaint", t("2026-11-18T16:00:00+08:00"),
                          "YZ-ZGM-PS-2026-000301", "当事人投诉调解员态度生硬，经核实属实")

    # ---- names and money ----

    def test_names(self):
        # covers: mediate_pay_outcome_name mediate_pay_outcome_parse
        # covers: mediate_pay_line_kind_name mediate_pay_line_kind_parse
        self.assertEqual([pay.outcome_name(i) for i in range(1, 6)], list(pay.OUTCOMES))
        self.assertEqual([pay.line_kind_name(i) for i in range(1, 7)], list(pay.LINE_KINDS))
        self.assertEqual(pay.outcome_parse("failed_process"), capi.MEDIATE_PAY_FAILED_PROCESS)
        self.assertEqual(pay.line_kind_parse("budget"), capi.MEDIATE_PAY_LINE_BUDGET)
        self.assertIsNone(pay.outcome_name(0))
        self.assertIsNone(pay.line_kind_name(99))
        with self.assertRaises(mediate.InvalidArgument):
            pay.outcome_parse("settled")
        with self.assertRaises(mediate.InvalidArgument):
            pay.line_kind_parse("bonus")

    def test_yuan(self):
        self.assertEqual(yuan(380000), "3800.00")
        self.assertEqual(yuan(-51), "-0.51")
        self.assertEqual(format_yuan(123456789), "1,234,567.89")
        self.assertEqual(format_yuan(-2420000, symbol=True), "-¥24,200.00")
        self.assertEqual(format_yuan(99, grouping=False), "0.99")

    # ---- salaries ----

    def test_salaries_prorated_across_the_table_change(self):
        # covers: mediate_payroll_new mediate_payroll_free mediate_payroll_period mediate_payroll_compute
        # covers: mediate_payroll_is_computed mediate_payroll_find mediate_payslip_line_count
        # covers: mediate_payslip_line_at mediate_pay_line_get_kind mediate_pay_line_amount
        # covers: mediate_pay_line_rule mediate_pay_line_days mediate_pay_line_case_number
        with self.payroll() as run:
            self.assertEqual(run.period, (t("2026-11-01T00:00:00+08:00"), t("2026-12-01T00:00:00+08:00")))
            self.assertFalse(run.computed)
            self.assertEqual(len(run), 0)                 # no payslip before compute()
            run.compute()
            self.assertTrue(run.computed)
            slip = run.find("M-0101")                     # by staff number
            self.assertEqual(slip.mediator_id, CHEN)
            # full time, level 4: 3800.00 x 15/30 + 4100.00 x 15/30; the grade
            # salary 550.00 is the same in both tables: one line of 30 days
            self.assertEqual([(l.kind, l.rule, l.days, l.amount, l.case_number) for l in slip.lines], [
                ("base", "pay.tables[0].base.full_time", 15, 190000, None),
                ("base", "pay.tables[1].base.full_time", 15, 205000, None),
                ("grade", "pay.tables[0].grade[3]", 30, 55000, None),
            ])
            self.assertEqual(slip.net, 450000)
            self.assertEqual((slip.mediator.id, slip.mediator.name), (CHEN, "陈立群"))
            self.assertEqual((slip.post, slip.level, slip.unit.code), ("full_time", 4, "YZ-ZGM-PS-TJ"))
            self.assertEqual(run.find(SUN).totals.base, 0)           # an invited expert has no base
            self.assertEqual(run.find(SUN).totals.grade, 90000)
            self.assertIsNone(run.find("M-9999"))

    # ---- the full month ----

    def test_team_split_rating_cap_budget_and_deduction(self):
        # covers: mediate_payroll_payslip_count mediate_payroll_payslip_at mediate_payslip_mediator
        # covers: mediate_payslip_total mediate_payslip_rating_milli mediate_payroll_total
        run = self.payroll()
        self.full_month(run)
        run.compute()
        slips = run.payslips
        self.assertEqual([s.staff_number for s in slips], ["M-0101", "M-0102", "M-0103", "M-0104"])
        self.assertEqual([s.name for s in slips], ["陈立群", "周美华", "孙德明", "林秀英"])
        self.assertEqual([s.rating_milli for s in slips], [4600, 3700, 4000, 4200])
        chen, zhou, sun, lin = slips
        # 陈立群: 5.46 x 1.1 = 6.006 -> 6.01 (the 5th, first), 168.00 x 1.1 = 184.80 (the 20th)
        awards = [(l.case_number, l.amount) for l in chen if l.kind == "award"]
        self.assertEqual(awards, [("YZ-ZGM-PS-2026-000302", 601), ("YZ-ZGM-PS-2026-000301", 18480)])
        # 周美华: 2.27 x 0.9 = 2.043 -> 2.04; 70.00 x 0.9 = 63.00
        self.assertEqual([l.amount for l in zhou if l.kind == "award"], [204, 6300])
        self.assertEqual([l.amount for l in lin if l.kind == "award"], [227])
        # 孙德明: 42.00 + 600.00 + 600.00 = 1242.00 above the cap of 1000.00: one line of -242.00
        self.assertEqual(sun.totals.awards, 124200)
        cap = [l for l in sun if l.kind == "cap"]
        self.assertEqual([(l.amount, l.rule) for l in cap], [(-24200, "pay.tables[1].cap")])
        self.assertEqual(sun.totals.incentive, 100000)
        # The studio's budget is 200.00 in the version of the month's last day; its three
        # mediators earned 190.81 + 65.04 + 2.27 = 258.12.  The budget is shared in
        # proportion by largest remainder: 147.85, 50.39, 1.76; cuts -42.96, -14.65, -0.51.
        self.assertEqual([s.total("budget") for s in (chen, zhou, lin)], [-4296, -1465, -51])
        self.assertEqual([s.totals.incentive for s in (chen, zhou, lin)], [14785, 5039, 176])
        ded = [l for l in zhou if l.kind == "deduction"]
        self.assertEqual([(l.amount, l.case_number, l.rule) for l in ded],
                         [(-20000, "YZ-ZGM-PS-2026-000301", "pay.tables[1].deductions.upheld_complaint")])
        self.assertEqual([s.net for s in slips], [464785, 165039, 190000, 120176])
        # Every payslip's lines add up to its net, and the nets to the payroll's.
        for s in slips:
            self.assertEqual(sum(l.amount for l in s), s.net)
            tt = s.totals
            self.assertEqual(tt.base + tt.grade + tt.incentive + tt.deductions, tt.net)
            self.assertEqual(tt.awards + tt.cap + tt.budget, tt.incentive)
        self.assertEqual(run.total("net"), 940000)
        self.assertEqual(run.totals, pay.Totals(395000 + 150000 + 80000, 55000 + 30000 + 90000 + 40000,
                                                19081 + 6504 + 124200 + 227, -24200, -5812,
                                                14785 + 5039 + 100000 + 176, -20000, 940000))
        run.close()
        run.close()                                       # twice is fine

    def test_units(self):
        # covers: mediate_payroll_unit_count mediate_payroll_unit_at mediate_payroll_unit_total
        # covers: mediate_payroll_unit_budget
        with self.payroll() as run:
            self.full_month(run)
            run.compute()
            units = run.units
            self.assertEqual([u.code for u in units], ["YZ-TJ", "YZ-ZGM-PS-TJ"])
            tj, zgm = units
            self.assertIsNone(tj.budget)
            self.assertEqual(zgm.budget, 20000)
            self.assertEqual(zgm.unit.name(), "钟公庙派出所人民调解工作室")
            self.assertEqual(tj.total("net"), 190000)
            self.assertEqual(zgm.totals.net, 464785 + 165039 + 120176)
            self.assertEqual(zgm.totals.budget, -5812)
            self.assertEqual([s.staff_number for s in zgm.payslips], ["M-0101", "M-0102", "M-0104"])
            self.assertEqual(sum(u.totals.net for u in units), run.totals.net)

    def test_explain(self):
        # covers: mediate_payslip_explain
        with self.payroll() as run:
            self.full_month(run)
            run.compute()
            sun = run.find(SUN)
            texts = [sun.explain(l) for l in sun]
            self.assertEqual(len(texts), len(sun))
            self.assertIn("pay.tables[0].grade[5]", texts[1])   # one grade line: unchanged amount
            self.assertIn("effective 2026-11-16", texts[2])
            award = next(l for l in sun.lines if l.case_number == "YZ-TJ-2026-000303")
            self.assertIn("YZ-TJ-2026-000303", sun.explain(award.index))
            self.assertIn("600.00", sun.explain(award.index))
            with self.assertRaises(mediate.NotFound):
                sun.explain(len(sun))

    # ---- cases ----

    def test_cases_from_a_file(self):
        # covers: mediate_payroll_add_cases mediate_pay_case_outcome mediate_payroll_add_case
        cases = load_cases(self.policy, CASES)
        try:
            agreed, withdrawn, october, open_case = cases
            self.assertEqual(pay.case_outcome(agreed),
                             pay.CaseOutcome("reached", False, t("2026-11-20T10:00:00+08:00")))
            self.assertEqual(pay.case_outcome(withdrawn).outcome, "withdrawn")
            with self.assertRaises(mediate.InvalidState):
                pay.case_outcome(open_case)
            with self.payroll() as run:
                self.assertEqual(run.add_cases(cases), 2)        # October's and the open one skipped
                with self.assertRaises(mediate.OutOfRange):
                    run.add_case(october)                      # resolved in another month
                with self.assertRaises(mediate.InvalidState):
                    run.add_case(open_case)                    # not ended
                with self.assertRaises(mediate.AlreadyExists):
                    run.add_case(agreed)                       # already in
                run.compute()
                # difficult, reached, 20th: 200.00 split 60/25 of 85 = 141.176, 58.824
                # -> 141.17 + 58.82 = 199.99, the fen left to the lead: 141.18; rating
                # prior 4.000 (factor 1000).
                self.assertEqual([(l.case_number, l.amount) for l in run.find(CHEN) if l.kind == "award"],
                                 [("YZ-ZGM-PS-2026-000201", 14118)])
                self.assertEqual([l.amount for l in run.find(ZHOU) if l.kind == "award"], [5882])
                # withdrawn: a line of 0.00 all the same
                self.assertEqual([(l.kind, l.amount) for l in run.find(LIN) if l.kind == "award"], [("award", 0)])
                self.assertEqual(run.find(CHEN).rating_milli, 4000)
            with self.payroll() as run:
                self.assertEqual(run.add_case_file(CASES), 2)
                run.compute()
                self.assertEqual(run.totals.awards, 14118 + 5882)
            with self.payroll() as run:
                run.add_case(agreed)
                run.compute()
                self.assertEqual(run.totals.awards, 20000)
        finally:
            for c in cases:
                c.close()

    def test_ratings_store_chooses_the_band(self):
        # Two parties give one star each after the agreement of the 20th: the
        # Bayesian average is (10 x 4.000 + 1 + 1) / 12 = 3.500, the band from
        # 3.500 (x 900/1000): 141.18 x 0.9 = 127.062 -> 127.06, 58.82 x 0.9 =
        # 52.938 -> 52.94; a mediator without ratings keeps the prior 4.000.
        cases = load_cases(self.policy, CASES)
        try:
            with Ratings.new(self.policy) as ratings:
                for party in ("p1", "p2"):
                    ratings.add(cases[0], party, 1, "调解员偏袒对方", t("2026-11-21T09:00:00+08:00"))
                with Payroll(self.policy, self.roster, ratings, 2026, 11) as run:
                    run.add_case(cases[0])
                    run.compute()
                    chen, zhou = run.find(CHEN), run.find(ZHOU)
                    self.assertEqual((chen.rating_milli, zhou.rating_milli), (3500, 3500))
                    self.assertEqual(run.find(SUN).rating_milli, 4000)
                    self.assertEqual([l.amount for l in chen if l.kind == "award"], [12706])
                    self.assertEqual([l.amount for l in zhou if l.kind == "award"], [5294])
                    self.assertIs(run.ratings, ratings)
        finally:
            for c in cases:
                c.close()

    # ---- exports ----

    def test_exports(self):
        # covers: mediate_payroll_to_yaml mediate_payroll_to_csv mediate_payslip_to_yaml
        texts = []
        for reverse in (False, True):
            run = self.payroll()
            if reverse:
                # Ratings and awards in another order: the same bytes.
                for who in (LIN, SUN, ZHOU, CHEN):
                    run.set_rating(who, {CHEN: 4600, ZHOU: 3700, SUN: 4000, LIN: 4200}[who])
                run.add_deduction(ZHOU, "upheld_complaint", t("2026-11-18T16:00:00+08:00"),
                                  "YZ-ZGM-PS-2026-000301", "当事人投诉调解员态度生硬，经核实属实")
                run.add_award(SUN, "YZ-TJ-2026-000304", "major", "performed", t("2026-11-26T09:00:00+08:00"))
                run.add_award(SUN, "YZ-TJ-2026-000303", "major", "performed", t("2026-11-25T09:00:00+08:00"))
                at = t("2026-11-05T15:00:00+08:00")
                for who, role in ((LIN, "co_mediator"), (ZHOU, "co_mediator"), (CHEN, "lead")):
                    run.add_award(who, "YZ-ZGM-PS-2026-000302", "general", "failed_process", at, role, 3)
                at = t("2026-11-20T10:00:00+08:00")
                run.add_award(SUN, "YZ-ZGM-PS-2026-000301", "difficult", "reached", at, "expert", 3, True)
                run.add_award(ZHOU, "YZ-ZGM-PS-2026-000301", "difficult", "reached", at, "co_mediator", 3, True)
                run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "difficult", "reached", at, "lead", 3, True)
            else:
                self.full_month(run)
            run.compute()
            texts.append((run.to_yaml(), run.to_csv(), run.to_yaml(summary=True), run.to_csv(summary=True),
                          run.find("M-0102").to_yaml()))
            run.close()
        self.assertEqual(texts[0], texts[1])
        full_yaml, csv, sum_yaml, sum_csv, slip_yaml = texts[0]
        self.assertIn("2026-11", full_yaml)
        self.assertIn("周美华", full_yaml)
        self.assertIn("YZ-ZGM-PS-2026-000302", full_yaml)
        self.assertNotIn("YZ-ZGM-PS-2026-000302", sum_yaml)
        self.assertIn('"9400.00"', sum_yaml)
        rows = csv.split("\r\n")
        self.assertEqual(rows[0], "staff_number,mediator_id,name,unit,kind,case_number,rule,days,amount,note")
        self.assertEqual(rows[-1], "")                               # CRLF after the last row
        self.assertIn("M-0103,tj-sun-deming,孙德明,YZ-TJ,cap,,pay.tables[1].cap,,-242.00,", rows)
        self.assertEqual(sum(1 for r in rows[1:] if r), (3 + 2 + 2 + 2) + (2 + 2 + 3 + 1) + 1 + 3 + 1)
        srows = sum_csv.split("\r\n")
        self.assertTrue(srows[0].startswith("staff_number,mediator_id,name,unit,post,level,base,grade"))
        self.assertIn("M-0101,zgm-chen-liqun,陈立群,YZ-ZGM-PS-TJ,full_time,4,3950.00,550.00,190.81,"
                      "0.00,-42.96,147.85,0.00,4647.85", srows)
        self.assertIn("M-0102", slip_yaml)
        self.assertIn("upheld_complaint", slip_yaml)
        self.assertNotIn("M-0101", slip_yaml)

    # ---- errors ----

    def test_errors(self):
        with self.assertRaises(mediate.OutOfRange):
            Payroll(self.policy, self.roster, None, 2026, 13)
        with self.assertRaises(mediate.OutOfRange):
            Payroll(self.policy, self.roster, None, 0, 11)
        # a month before the first table is in force
        with self.assertRaises(mediate.NotFound):
            Payroll(self.policy, self.roster, None, 2025, 12)
        with self.payroll() as run:
            at = t("2026-11-20T10:00:00+08:00")
            with self.assertRaises(mediate.NotFound):
                run.add_award("zgm-nobody", "YZ-ZGM-PS-2026-000301", "general", "reached", at)
            with self.assertRaises(mediate.NotFound):
                run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "urgent", "reached", at)
            with self.assertRaises(mediate.OutOfRange):
                run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "general", "reached", t("2026-12-01T00:00:00+08:00"))
            with self.assertRaises(mediate.InvalidArgument):
                run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "general", "settled", at)
            with self.assertRaises(mediate.NotFound):
                run.add_deduction(CHEN, "late_report", at)
            with self.assertRaises(mediate.OutOfRange):
                run.set_rating(CHEN, 5001)
            run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "general", "reached", at, "lead", 2)
            with self.assertRaises(mediate.AlreadyExists):
                run.add_award(CHEN, "YZ-ZGM-PS-2026-000301", "general", "reached", at, "lead", 2)
            # a team of two with one award: compute refuses and changes nothing
            with self.assertRaises(mediate.InvalidArgument):
                run.compute()
            self.assertFalse(run.computed)
            run.add_award(ZHOU, "YZ-ZGM-PS-2026-000301", "general", "reached", at, "co_mediator", 2)
            run.compute()
            with self.assertRaises(mediate.InvalidState):
                run.compute()
            with self.assertRaises(mediate.InvalidState):
                run.add_deduction(CHEN, "upheld_complaint", at)
            slip = run.find(CHEN)
        with self.assertRaises(mediate.InvalidState):
            slip.net                                          # the payroll is closed
        with self.assertRaises(mediate.InvalidState):
            run.to_yaml()


if __name__ == "__main__":
    unittest.main()
