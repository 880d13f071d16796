/* SPDX-License-Identifier: MIT */
import java.util.ArrayList;
import java.util.List;

import org.libmediate.*;

/**
 * Pay through Java: a payroll of November 2026 whose pay table changes on
 * the 16th (salaries 15/30 + 15/30), team awards split by role weights with
 * remainders, rating bands, a cap, a unit budget cut and a deduction; cases
 * from a file; exports; errors as MediateException.  Every amount is
 * computed by hand from bindings/data/pay.yaml, in fen.
 */
public class PayTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String POLICY = DATA + "/pay.yaml";
  static final String ROSTER = DATA + "/pay-roster.yaml";
  static final String CASES = DATA + "/pay-cases.yaml";
  static final String CHEN = "zgm-chen-liqun", ZHOU = "zgm-zhou-meihua", SUN = "tj-sun-deming",
      LIN = "zgm-lin-xiuying";

  static long t(String text) { return Time.parse(text); }

  /** The awards of November: four cases, a deduction, fixed ratings. */
  static void fullMonth(Payroll run) {
    // covers: mediate_payroll_set_rating mediate_payroll_add_award mediate_payroll_add_deduction
    run.setRating(CHEN, 4600);   // x 1100/1000
    run.setRating(ZHOU, 3700);   // x 900/1000
    run.setRating(SUN, 4000);
    run.setRating(LIN, 4200);
    // difficult, reached, confirmed, the 20th: 280.00 split 60/25/15 = 168.00, 70.00, 42.00
    long at = t("2026-11-20T10:00:00+08:00");
    run.addAward(CHEN, "YZ-ZGM-PS-2026-000301", "difficult", "reached", true, "lead", 3, at);
    run.addAward(ZHOU, "YZ-ZGM-PS-2026-000301", "difficult", "reached", true, "co_mediator", 3, at);
    run.addAward(SUN, "YZ-ZGM-PS-2026-000301", "difficult", "reached", true, "expert", 3, at);
    // general, failed after a session, the 5th: 10.00 split 60/25/25 = 5.46, 2.27, 2.27
    at = t("2026-11-05T15:00:00+08:00");
    run.addAward(CHEN, "YZ-ZGM-PS-2026-000302", "general", "failed_process", false, "lead", 3, at);
    run.addAward(ZHOU, "YZ-ZGM-PS-2026-000302", "general", "failed_process", false, "co_mediator", 3, at);
    run.addAward(LIN, "YZ-ZGM-PS-2026-000302", "general", "failed_process", false, "co_mediator", 3, at);
    run.addAward(SUN, "YZ-TJ-2026-000303", "major", "performed", false, "lead", 1, t("2026-11-25T09:00:00+08:00"));
    run.addAward(SUN, "YZ-TJ-2026-000304", "major", "performed", false, "lead", 1, t("2026-11-26T09:00:00+08:00"));
    run.addDeduction(ZHOU, "upheld_complaint", "YZ-ZGM-PS-2026-000301", "当事人投诉调解员态度生硬，经核实属实",
                     t("2026-11-18T16:00:00+08:00"));
  }

  static List<Long> amounts(Payslip s, String kind) {
    List<Long> out = new ArrayList<>();
    for (Payslip.Line l : s.lines())
      if (l.kind.equals(kind))
        out.add(l.amount);
    return out;
  }

  public void testNames() {
    // covers: mediate_pay_outcome_name mediate_pay_outcome_parse mediate_pay_line_kind_name
    // covers: mediate_pay_line_kind_parse
    Check.equal("failed_process", Payroll.outcomeName(mediate_pay_outcome.MEDIATE_PAY_FAILED_PROCESS));
    Check.equal(mediate_pay_outcome.MEDIATE_PAY_WITHDRAWN, Payroll.outcomeParse("withdrawn"));
    Check.equal("budget", Payroll.lineKindName(mediate_pay_line_kind.MEDIATE_PAY_LINE_BUDGET));
    Check.equal(mediate_pay_line_kind.MEDIATE_PAY_LINE_DEDUCTION, Payroll.lineKindParse("deduction"));
    MediateException e = Check.raises(MediateException.class, () -> Payroll.outcomeParse("settled"));
    Check.equal(MediateError.EINVAL, e.getCode());
    Check.raises(MediateException.class, () -> Payroll.lineKindParse("bonus"));
    Check.equal("3,800.00", Payroll.yuanGrouped(380000));
    Check.equal("-1,234,567.89", Payroll.yuanGrouped(-123456789));
    Check.equal("0.51", Payroll.yuan(51));
  }

  public void testSalariesProrated() {
    // covers: mediate_payroll_new mediate_payroll_free mediate_payroll_period mediate_payroll_compute
    // covers: mediate_payroll_is_computed mediate_payroll_find mediate_payslip_line_count mediate_payslip_line_at
    // covers: mediate_pay_line_get_kind mediate_pay_line_amount mediate_pay_line_rule mediate_pay_line_days
    // covers: mediate_pay_line_case_number mediate_payslip_mediator
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Payroll run = new Payroll(p, r, null, 2026, 11)) {
      long[] period = run.period();
      Check.equal(t("2026-11-01T00:00:00+08:00"), period[0]);
      Check.equal(t("2026-12-01T00:00:00+08:00"), period[1]);
      Check.isTrue(!run.isComputed(), "not computed yet");
      Check.equal(0, run.payslips().size());
      run.compute();
      Check.isTrue(run.isComputed(), "computed");
      Payslip chen = run.find("M-0101");
      Check.equal(CHEN, chen.mediatorId);
      Check.equal("陈立群", chen.name);
      Check.equal("full_time", chen.post);
      Check.equal(4, chen.level);
      Check.equal("YZ-ZGM-PS-TJ", chen.unitCode);
      List<Payslip.Line> ls = chen.lines();
      Check.equal(3, ls.size());                              // grade unchanged: one line
      Check.equal("base", ls.get(0).kind);
      Check.equal("pay.tables[0].base.full_time", ls.get(0).rule);
      Check.equal(15, ls.get(0).days);
      Check.equal(190000, ls.get(0).amount);                  // 3800.00 x 15/30
      Check.equal(205000, ls.get(1).amount);                  // 4100.00 x 15/30
      Check.equal("pay.tables[0].grade[3]", ls.get(2).rule);
      Check.equal(30, ls.get(2).days);
      Check.equal(55000, ls.get(2).amount);                   // 550.00 in both tables
      Check.isNull(ls.get(2).caseNumber);
      Check.equal(450000, chen.net());
      Check.isNull(run.find("M-9999"));
    }
  }

  public void testFullMonth() {
    // covers: mediate_payroll_payslip_count mediate_payroll_payslip_at mediate_payslip_total
    // covers: mediate_payslip_rating_milli mediate_payroll_total mediate_payroll_unit_count
    // covers: mediate_payroll_unit_at mediate_payroll_unit_total mediate_payroll_unit_budget
    // covers: mediate_payslip_explain
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Payroll run = new Payroll(p, r, null, 2026, 11)) {
      fullMonth(run);
      run.compute();
      List<Payslip> slips = run.payslips();
      Check.equal(4, slips.size());
      Payslip chen = slips.get(0), zhou = slips.get(1), sun = slips.get(2), lin = slips.get(3);
      Check.equal("M-0104", lin.staffNumber);
      Check.equal(3700, zhou.ratingMilli);
      Check.equal(List.of(601L, 18480L), amounts(chen, "award"));   // 5.46 x 1.1, 168.00 x 1.1
      Check.equal(List.of(204L, 6300L), amounts(zhou, "award"));    // 2.27 x 0.9, 70.00 x 0.9
      Check.equal(List.of(227L), amounts(lin, "award"));
      Check.equal(List.of(-24200L), amounts(sun, "cap"));           // 1242.00 capped at 1000.00
      // the studio's budget of 200.00 shared 147.85, 50.39, 1.76
      Check.equal(List.of(-4296L), amounts(chen, "budget"));
      Check.equal(List.of(-1465L), amounts(zhou, "budget"));
      Check.equal(List.of(-51L), amounts(lin, "budget"));
      Check.equal(List.of(-20000L), amounts(zhou, "deduction"));
      Check.equal(464785, chen.totals.net);
      Check.equal(165039, zhou.totals.net);
      Check.equal(190000, sun.net());
      Check.equal(120176, lin.total(mediate_pay_total.MEDIATE_PAY_TOTAL_NET));
      for (Payslip s : slips) {
        long sum = 0;
        for (Payslip.Line l : s.lines())
          sum += l.amount;
        Check.equal(s.totals.net, sum);
      }
      Payroll.Totals all = run.totals();
      Check.equal(940000, all.net);
      Check.equal(-24200, all.cap);
      Check.equal(-5812, all.budget);
      Check.equal(-20000, all.deductions);
      List<Payroll.UnitPay> units = run.units();
      Check.equal(2, units.size());
      Check.equal("YZ-TJ", units.get(0).unit.code());
      Check.isNull(units.get(0).budget);
      Check.equal((Object) 20000L, units.get(1).budget);
      Check.equal(750000, units.get(1).totals.net);
      Check.equal(190000, units.get(0).totals.net);
      // explanations name the table version and the amounts
      Check.isTrue(sun.explain(3).contains("effective 2026-11-16"), sun.explain(3));
      Payslip.Line capLine = sun.lines().get(sun.lines().size() - 1);
      Check.equal("cap", capLine.kind);
      Check.isTrue(sun.explain(capLine.index).contains("1000.00"), sun.explain(capLine.index));
      MediateException e = Check.raises(MediateException.class, () -> sun.explain(99));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
    }
  }

  public void testCasesFromAFile() {
    // covers: mediate_payroll_add_cases mediate_payroll_add_case mediate_pay_case_outcome
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER)) {
      List<Case> cases = Case.loadFile(p, CASES);
      try {
        Payroll.CaseOutcome o = Payroll.caseOutcome(cases.get(0));
        Check.equal("reached", o.outcome);
        Check.isTrue(!o.confirmed, "not confirmed");
        Check.equal(t("2026-11-20T10:00:00+08:00"), o.resolvedAt);
        Check.equal("withdrawn", Payroll.caseOutcome(cases.get(1)).outcome);
        MediateException e = Check.raises(MediateException.class, () -> Payroll.caseOutcome(cases.get(3)));
        Check.equal(MediateError.ESTATE, e.getCode());
        try (Payroll run = new Payroll(p, r, null, 2026, 11)) {
          Check.equal(2, run.addCases(cases));
          e = Check.raises(MediateException.class, () -> run.addCase(cases.get(2)));   // October's
          Check.equal(MediateError.ERANGE, e.getCode());
          e = Check.raises(MediateException.class, () -> run.addCase(cases.get(0)));   // already in
          Check.equal(MediateError.EEXISTS, e.getCode());
          run.compute();
          // 200.00 split 60/25 of 85: 141.18 (with the fen left over) and 58.82
          Check.equal(List.of(14118L), amounts(run.find(CHEN), "award"));
          Check.equal(List.of(5882L), amounts(run.find(ZHOU), "award"));
          Check.equal(List.of(0L), amounts(run.find(LIN), "award"));       // withdrawn
        }
        try (Payroll run = new Payroll(p, r, null, 2026, 11)) {
          Check.equal(2, run.addCaseFile(CASES));
          run.compute();
          Check.equal(20000, run.totals().awards);
        }
        try (Payroll run = new Payroll(p, r, null, 2026, 11)) {
          run.addCase(cases.get(0));
          run.compute();
          Check.equal(20000, run.totals().awards);
        }
      } finally {
        for (Case c : cases)
          c.close();
      }
    }
  }

  public void testRatingsStoreChoosesTheBand() {
    // Two one-star ratings after the agreement of the 20th: (10 x 4.000 + 1 + 1) / 12 = 3.500,
    // the band x 900/1000: 141.18 -> 127.06, 58.82 -> 52.94; no ratings: the prior 4.000.
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER); Ratings ratings = Ratings.create(p)) {
      List<Case> cases = Case.loadFile(p, CASES);
      try {
        ratings.add(cases.get(0), "p1", 1, "调解员偏袒对方", t("2026-11-21T09:00:00+08:00"));
        ratings.add(cases.get(0), "p2", 1, null, t("2026-11-21T09:05:00+08:00"));
        try (Payroll run = new Payroll(p, r, ratings, 2026, 11)) {
          run.addCase(cases.get(0));
          run.compute();
          Check.equal(3500, run.find(CHEN).ratingMilli);
          Check.equal(4000, run.find(SUN).ratingMilli);
          Check.equal(List.of(12706L), amounts(run.find(CHEN), "award"));
          Check.equal(List.of(5294L), amounts(run.find(ZHOU), "award"));
        }
      } finally {
        for (Case c : cases)
          c.close();
      }
    }
  }

  public void testExports() {
    // covers: mediate_payroll_to_yaml mediate_payroll_to_csv mediate_payslip_to_yaml
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER);
         Payroll a = new Payroll(p, r, null, 2026, 11); Payroll b = new Payroll(p, r, null, 2026, 11)) {
      fullMonth(a);
      fullMonth(b);
      a.compute();
      b.compute();
      Check.equal(a.toYaml(false), b.toYaml(false));
      Check.equal(a.toCsv(false), b.toCsv(false));
      String csv = a.toCsv(false);
      Check.isTrue(csv.startsWith("staff_number,mediator_id,name,unit,kind,case_number,rule,days,amount,note\r\n"), csv);
      Check.isTrue(csv.contains("\r\nM-0103,tj-sun-deming,孙德明,YZ-TJ,cap,,pay.tables[1].cap,,-242.00,\r\n"), csv);
      String sum = a.toCsv(true);
      Check.isTrue(sum.contains("M-0102,zgm-zhou-meihua,周美华,YZ-ZGM-PS-TJ,part_time,2,1500.00,300.00,65.04,"
                                + "0.00,-14.65,50.39,-200.00,1650.39\r\n"), sum);
      Check.isTrue(a.toYaml(true).contains("\"9400.00\""), a.toYaml(true));
      Check.isTrue(!a.toYaml(true).contains("YZ-TJ-2026-000303"), "summary without lines");
      String slip = a.find(SUN).toYaml();
      Check.isTrue(slip.contains("YZ-TJ-2026-000303") && slip.contains("孙德明"), slip);
    }
  }

  public void testErrors() {
    try (Policy p = Policy.load(POLICY); Roster r = Roster.load(p, ROSTER)) {
      MediateException e = Check.raises(MediateException.class, () -> new Payroll(p, r, null, 2026, 13));
      Check.equal(MediateError.ERANGE, e.getCode());
      e = Check.raises(MediateException.class, () -> new Payroll(p, r, null, 2025, 12));   // no table yet
      Check.equal(MediateError.ENOTFOUND, e.getCode());
      Payroll run = new Payroll(p, r, null, 2026, 11);
      long at = t("2026-11-20T10:00:00+08:00");
      e = Check.raises(MediateException.class,
          () -> run.addAward("zgm-nobody", "YZ-ZGM-PS-2026-000301", "general", "reached", false, "lead", 1, at));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
      e = Check.raises(MediateException.class,
          () -> run.addAward(CHEN, "YZ-ZGM-PS-2026-000301", "general", "reached", false, "lead", 1,
                             t("2026-10-31T23:59:59+08:00")));
      Check.equal(MediateError.ERANGE, e.getCode());
      e = Check.raises(MediateException.class, () -> run.addDeduction(CHEN, "late_report", null, null, at));
      Check.equal(MediateError.ENOTFOUND, e.getCode());
      e = Check.raises(MediateException.class, () -> run.setRating(CHEN, -1));
      Check.equal(MediateError.ERANGE, e.getCode());
      run.addAward(CHEN, "YZ-ZGM-PS-2026-000301", "general", "reached", false, "lead", 2, at);
      e = Check.raises(MediateException.class, () -> run.compute());    // a team of 2 with 1 award
      Check.equal(MediateError.EINVAL, e.getCode());
      Check.isTrue(!run.isComputed(), "compute failed: nothing changed");
      run.addAward(ZHOU, "YZ-ZGM-PS-2026-000301", "general", "reached", false, "co_mediator", 2, at);
      run.compute();
      e = Check.raises(MediateException.class, () -> run.compute());
      Check.equal(MediateError.ESTATE, e.getCode());
      Payslip s = run.find(CHEN);
      run.close();
      run.close();
      Check.isTrue(run.isClosed(), "closed");
      e = Check.raises(MediateException.class, () -> s.explain(0));
      Check.equal(MediateError.ESTATE, e.getCode());
      Check.raises(MediateException.class, () -> run.totals());
    }
  }
}
