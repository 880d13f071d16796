/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One mediator's pay for the month: who, the rating whose band factor was
 * used, every line in order (base and grade salary, case awards, cap and
 * budget cuts, deductions) and the totals.  The fields are read when the
 * payslip is taken from its {@link Payroll}; {@link #explain(int)} and
 * {@link #toYaml()} ask the payroll again (it must still be open).  Amounts
 * are fen.
 */
public final class Payslip {
  /** One line of a payslip (a plain value). */
  public static final class Line {
    /** Position on the payslip (for {@link Payslip#explain(int)}). */
    public final int index;
    /** "base", "grade", "award", "cap", "budget" or "deduction". */
    public final String kind;
    /** Fen; negative for cap, budget and deduction lines. */
    public final long amount;
    /** The case of an award or deduction, else null. */
    public final String caseNumber;
    /** The policy path of the rule used, e.g. "pay.tables[0].incentives.major.performed". */
    public final String rule;
    /** Days covered by a base or grade line, else 0. */
    public final long days;

    Line(int index, SWIGTYPE_p_mediate_pay_line l) {
      this.index = index;
      mediate_pay_line_kind k = MediateNative.mediate_pay_line_get_kind(l);
      kind = k == null ? null : MediateNative.mediate_pay_line_kind_name(k);
      amount = MediateNative.mediate_pay_line_amount(l);
      caseNumber = MediateNative.mediate_pay_line_case_number(l);
      rule = MediateNative.mediate_pay_line_rule(l);
      days = MediateNative.mediate_pay_line_days(l);
    }

    @Override public String toString() {
      return kind + " " + (caseNumber != null ? caseNumber + " " : "") + rule + " " + Money.format(amount);
    }
  }

  private final Payroll payroll;
  private final SWIGTYPE_p_mediate_payslip ptr;
  public final String mediatorId, staffNumber, name, unitCode, post;
  public final long level;
  /** The rating (thousandths of a star) whose band factor was used. */
  public final int ratingMilli;
  public final Payroll.Totals totals;
  private final List<Line> lines;

  Payslip(Payroll payroll, SWIGTYPE_p_mediate_payslip ptr) {
    this.payroll = payroll;
    this.ptr = ptr;
    SWIGTYPE_p_mediate_mediator m = MediateNative.mediate_payslip_mediator(ptr);
    mediatorId = MediateNative.mediate_mediator_id(m);
    staffNumber = MediateNative.mediate_mediator_staff_number(m);
    name = MediateNative.mediate_mediator_name(m);
    unitCode = MediateNative.mediate_unit_code(MediateNative.mediate_mediator_unit(m));
    post = MediateNative.mediate_post_type_name(MediateNative.mediate_mediator_post(m));
    level = MediateNative.mediate_mediator_level(m);
    ratingMilli = MediateNative.mediate_payslip_rating_milli(ptr);
    totals = new Payroll.Totals(w -> MediateNative.mediate_payslip_total(ptr, w));
    List<Line> ls = new ArrayList<>();
    long n = MediateNative.mediate_payslip_line_count(ptr);
    for (long i = 0; i < n; i++)
      ls.add(new Line((int) i, MediateNative.mediate_payslip_line_at(ptr, i)));
    lines = Collections.unmodifiableList(ls);
  }

  private SWIGTYPE_p_mediate_payslip p() {
    payroll.ptr();   // throws once the payroll is closed
    return ptr;
  }

  public Payroll payroll() { return payroll; }

  /** The lines in order. */
  public List<Line> lines() { return lines; }

  /** The net pay in fen. */
  public long net() { return totals.net; }

  /** The mediator's unit. */
  public Unit unit() {
    return new Unit(payroll.policy, MediateNative.mediate_mediator_unit(MediateNative.mediate_payslip_mediator(p())));
  }

  /** One total, read again from the payroll. */
  public long total(mediate_pay_total what) {
    return MediateNative.mediate_payslip_total(p(), what);
  }

  /** How line index was computed: the rule, the table version, every factor and the rounding. */
  public String explain(int index) {
    byte[][] out = new byte[1][];
    MediateNative.mediate_payslip_explain(out, p(), index);
    return new String(out[0], StandardCharsets.UTF_8);
  }

  /** The payslip as YAML (the layout of {@link Payroll#toYaml(boolean)}). */
  public String toYaml() {
    byte[][] out = new byte[1][];
    MediateNative.mediate_payslip_to_yaml(out, p());
    return new String(out[0], StandardCharsets.UTF_8);
  }

  @Override public String toString() {
    return staffNumber + " " + name + " net " + Money.format(totals.net);
  }
}
