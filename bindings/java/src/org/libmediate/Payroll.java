/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The payroll of one month: base salary by post type + grade salary by
 * level + an incentive per case resolved in the month (by level, outcome
 * and rating band, split among the team by role), within the monthly cap
 * and unit budgets, less deductions (policy section {@code pay},
 * mediate-policy(5)).  Money is {@code long} fen everywhere; {@link
 * Money#format(long)} or {@link #yuan(long)} show it as yuan.
 *
 * <pre>
 * try (Payroll run = new Payroll(policy, roster, ratings, 2026, 11)) {
 *   run.addCaseFile("cases.yaml");
 *   run.compute();
 *   Payslip slip = run.find("M-0047");
 *   for (Payslip.Line l : slip.lines())
 *     System.out.println(l.kind + " " + Payroll.yuan(l.amount) + " " + slip.explain(l.index));
 * }
 * </pre>
 *
 * <p>Add cases, raw awards and deductions, then {@link #compute()} once;
 * afterwards the payroll is read-only.  The payroll keeps its policy,
 * roster and ratings reachable; payslips keep the payroll reachable.  A
 * payroll that is never closed is freed when it becomes unreachable.  One
 * payroll, one thread at a time.
 */
public final class Payroll implements AutoCloseable {
  /** The totals of a payslip, a unit or the payroll, in fen. */
  public static final class Totals {
    /** Base and grade salary lines. */
    public final long base, grade;
    /** Award lines before the cap and budget; cap and budget lines (&lt;= 0). */
    public final long awards, cap, budget;
    /** awards + cap + budget. */
    public final long incentive;
    /** Deduction lines (&lt;= 0). */
    public final long deductions;
    /** Every line. */
    public final long net;

    interface Source {
      long get(mediate_pay_total what);
    }

    Totals(Source s) {
      base = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_BASE);
      grade = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_GRADE);
      awards = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_AWARDS);
      cap = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_CAP);
      budget = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_BUDGET);
      incentive = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_INCENTIVE);
      deductions = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_DEDUCTIONS);
      net = s.get(mediate_pay_total.MEDIATE_PAY_TOTAL_NET);
    }

    @Override public String toString() {
      return "base " + yuan(base) + " grade " + yuan(grade) + " incentive " + yuan(incentive)
          + " deductions " + yuan(deductions) + " net " + yuan(net);
    }
  }

  /** A unit with mediators on the roster: its totals and budget (read at once). */
  public static final class UnitPay {
    public final Unit unit;
    public final Totals totals;
    /** The unit's incentive budget for the month in fen, or null when it has none. */
    public final Long budget;

    UnitPay(Payroll run, long index) {
      SWIGTYPE_p_mediate_payroll p = run.ptr();
      unit = new Unit(run.policy, MediateNative.mediate_payroll_unit_at(p, index));
      totals = new Totals(w -> MediateNative.mediate_payroll_unit_total(p, index, w));
      long b = MediateNative.mediate_payroll_unit_budget(p, index);
      budget = b < 0 ? null : b;
    }

    @Override public String toString() { return unit.code() + " " + totals; }
  }

  /** How an ended case counts for pay. */
  public static final class CaseOutcome {
    /** "performed", "reached", "failed_process", "failed" or "withdrawn". */
    public final String outcome;
    /** Whether a court confirmed the agreement. */
    public final boolean confirmed;
    /** When the case was resolved, UTC seconds. */
    public final long resolvedAt;

    CaseOutcome(String outcome, boolean confirmed, long resolvedAt) {
      this.outcome = outcome;
      this.confirmed = confirmed;
      this.resolvedAt = resolvedAt;
    }

    @Override public String toString() { return outcome + (confirmed ? " confirmed" : "") + " " + resolvedAt; }
  }

  final Policy policy;           // kept reachable
  final Roster roster;
  final Ratings ratings;         // may be null
  private final Owned<SWIGTYPE_p_mediate_payroll> handle;
  public final int year, month;

  /**
   * A payroll for month (1..12) of year over every mediator of the roster.
   * ratings may be null: every mediator then has the policy's prior rating.
   */
  public Payroll(Policy policy, Roster roster, Ratings ratings, int year, int month) {
    long[] out = new long[1];
    MediateNative.mediate_payroll_new(out, policy.ptr(), roster.ptr(), ratings != null ? ratings.ptr() : null,
                                      year, month);
    this.policy = policy;
    this.roster = roster;
    this.ratings = ratings;
    this.year = year;
    this.month = month;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_payroll.wrap(out[0]), MediateNative::mediate_payroll_free, "payroll");
  }

  SWIGTYPE_p_mediate_payroll ptr() {
    return handle.get();
  }

  @Override public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  public Policy policy() { return policy; }
  public Roster roster() { return roster; }

  // ---- money and names ----

  /** Fen as yuan text with two decimals: 380000 gives "3800.00". */
  public static String yuan(long fen) {
    return Money.format(fen);
  }

  /** Fen as yuan with thousands separators: 380000 gives "3,800.00". Exact. */
  public static String yuanGrouped(long fen) {
    String t = Money.format(fen);
    String sign = t.startsWith("-") ? "-" : "";
    if (!sign.isEmpty())
      t = t.substring(1);
    int dot = t.indexOf('.');
    StringBuilder whole = new StringBuilder(t.substring(0, dot));
    for (int i = whole.length() - 3; i > 0; i -= 3)
      whole.insert(i, ',');
    return sign + whole + t.substring(dot);
  }

  /** The name of a pay outcome ("reached"), or null. */
  public static String outcomeName(mediate_pay_outcome o) {
    return MediateNative.mediate_pay_outcome_name(o);
  }

  /** The pay outcome of a name; throws MediateException (EINVAL) for an unknown one. */
  public static mediate_pay_outcome outcomeParse(String name) {
    int[] out = new int[1];
    MediateNative.mediate_pay_outcome_parse(out, name);
    return mediate_pay_outcome.swigToEnum(out[0]);
  }

  /** The name of a line kind ("award"), or null. */
  public static String lineKindName(mediate_pay_line_kind k) {
    return MediateNative.mediate_pay_line_kind_name(k);
  }

  /** The line kind of a name; throws MediateException (EINVAL) for an unknown one. */
  public static mediate_pay_line_kind lineKindParse(String name) {
    int[] out = new int[1];
    MediateNative.mediate_pay_line_kind_parse(out, name);
    return mediate_pay_line_kind.swigToEnum(out[0]);
  }

  /** How an ended case counts for pay; throws MediateException (ESTATE) when it has not ended. */
  public static CaseOutcome caseOutcome(Case c) {
    int[] outcome = new int[1];
    int[] confirmed = new int[1];
    long[] at = new long[1];
    MediateNative.mediate_pay_case_outcome(outcome, confirmed, at, c.ptr());
    return new CaseOutcome(MediateNative.mediate_pay_outcome_name(mediate_pay_outcome.swigToEnum(outcome[0])),
                           confirmed[0] != 0, at[0]);
  }

  // ---- inputs ----

  /** The month: {start, end} in UTC seconds, end excluded. */
  public long[] period() {
    long[] start = new long[1], end = new long[1];
    MediateNative.mediate_payroll_period(start, end, ptr());
    return new long[] { start[0], end[0] };
  }

  /** Uses this rating (0..5000 thousandths of a star) for a mediator instead of the ratings store. */
  public void setRating(String mediatorId, int bayesMilli) {
    MediateNative.mediate_payroll_set_rating(ptr(), mediatorId, bayesMilli);
  }

  /** Adds the awards of an ended case resolved in the month. */
  public void addCase(Case c) {
    MediateNative.mediate_payroll_add_case(ptr(), c.ptr());
  }

  /** Adds every case that ended within the month, skipping the others; all or nothing. Returns the number added. */
  public long addCases(List<Case> cases) {
    long[] out = new long[1];
    MediateNative.mediate_case_list_new(out);
    SWIGTYPE_p_mediate_case_list list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
    try {
      for (Case c : cases) {
        long[] copy = new long[1];
        MediateNative.mediate_case_clone(copy, c.ptr());
        try {
          MediateNative.mediate_case_list_append(list, SWIGTYPE_p_mediate_case.wrap(copy[0]));
        } catch (RuntimeException e) {
          MediateNative.mediate_case_free(SWIGTYPE_p_mediate_case.wrap(copy[0]));
          throw e;
        }
      }
      return addList(list);
    } finally {
      MediateNative.mediate_case_list_free(list);
    }
  }

  /** Adds every case of a YAML file of cases that ended within the month. Returns the number added. */
  public long addCaseFile(String path) {
    long[] out = new long[1];
    MediateNative.mediate_case_list_load_file(out, policy.ptr(), path, null);
    SWIGTYPE_p_mediate_case_list list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
    try {
      return addList(list);
    } finally {
      MediateNative.mediate_case_list_free(list);
    }
  }

  private long addList(SWIGTYPE_p_mediate_case_list list) {
    long[] added = new long[1], failed = new long[1];
    MediateNative.mediate_payroll_add_cases(added, failed, ptr(), list);
    return added[0];
  }

  /**
   * Adds one raw award: the mediator took part in case caseNumber of level
   * code {@code level} with role ("lead", "co_mediator", "expert") in a
   * team of teamSize; the case was resolved at resolvedAt with outcome
   * ("performed", "reached", "failed_process", "failed", "withdrawn");
   * confirmed when a court confirmed its agreement.
   */
  public void addAward(String mediatorId, String caseNumber, String level, String outcome, boolean confirmed,
                       String role, int teamSize, long resolvedAt) {
    int[] r = new int[1];
    MediateNative.mediate_case_mediator_role_parse(r, role);
    MediateNative.mediate_payroll_add_award(ptr(), mediatorId, caseNumber, level, outcomeParse(outcome),
                                            confirmed ? 1 : 0, mediate_case_mediator_role.swigToEnum(r[0]),
                                            teamSize, resolvedAt);
  }

  /** Adds a deduction of the policy (e.g. "upheld_complaint") at a time within the month; caseNumber and note may be null. */
  public void addDeduction(String mediatorId, String code, String caseNumber, String note, long at) {
    MediateNative.mediate_payroll_add_deduction(ptr(), mediatorId, code, caseNumber, note, at);
  }

  /** Computes every payslip (once); then the payroll is read-only. */
  public Payroll compute() {
    MediateNative.mediate_payroll_compute(ptr());
    return this;
  }

  public boolean isComputed() {
    return MediateNative.mediate_payroll_is_computed(ptr()) != 0;
  }

  // ---- results ----

  /** Every payslip, in order of staff number (empty before compute()). */
  public List<Payslip> payslips() {
    SWIGTYPE_p_mediate_payroll p = ptr();
    List<Payslip> out = new ArrayList<>();
    long n = MediateNative.mediate_payroll_payslip_count(p);
    for (long i = 0; i < n; i++)
      out.add(new Payslip(this, MediateNative.mediate_payroll_payslip_at(p, i)));
    return Collections.unmodifiableList(out);
  }

  /** The payslip of a mediator by id or staff number, or null. */
  public Payslip find(String who) {
    SWIGTYPE_p_mediate_payroll p = ptr();
    SWIGTYPE_p_mediate_payslip s = MediateNative.mediate_payroll_find(p, who);
    if (s == null) {
      SWIGTYPE_p_mediate_mediator m = MediateNative.mediate_roster_find_staff(roster.ptr(), who);
      if (m != null)
        s = MediateNative.mediate_payroll_find(p, MediateNative.mediate_mediator_id(m));
    }
    return s != null ? new Payslip(this, s) : null;
  }

  /** The overall totals. */
  public Totals totals() {
    SWIGTYPE_p_mediate_payroll p = ptr();
    return new Totals(w -> MediateNative.mediate_payroll_total(p, w));
  }

  /** The units with mediators on the roster, in order of code. */
  public List<UnitPay> units() {
    SWIGTYPE_p_mediate_payroll p = ptr();
    List<UnitPay> out = new ArrayList<>();
    long n = MediateNative.mediate_payroll_unit_count(p);
    for (long i = 0; i < n; i++)
      out.add(new UnitPay(this, i));
    return Collections.unmodifiableList(out);
  }

  // ---- export ----

  /** The payroll as YAML: totals and (unless summary) every payslip with its lines. */
  public String toYaml(boolean summary) {
    byte[][] out = new byte[1][];
    MediateNative.mediate_payroll_to_yaml(out, ptr(), summary ? MediateNative.MEDIATE_PAYROLL_SUMMARY : 0);
    return new String(out[0], StandardCharsets.UTF_8);
  }

  /** The payroll as CSV (RFC 4180, CRLF): a row per line, or with summary a row per mediator. */
  public String toCsv(boolean summary) {
    byte[][] out = new byte[1][];
    MediateNative.mediate_payroll_to_csv(out, ptr(), summary ? MediateNative.MEDIATE_PAYROLL_SUMMARY : 0);
    return new String(out[0], StandardCharsets.UTF_8);
  }

  @Override public String toString() {
    return String.format("Payroll %04d-%02d%s", year, month, isClosed() ? " (closed)" : "");
  }
}
