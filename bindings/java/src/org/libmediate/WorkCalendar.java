/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A working-time calendar of a policy (section "calendars"): working hours
 * per weekday, public holidays and make-up working days (调休) per year, and
 * the UTC offset the hours are written in.  Named so as not to clash with
 * {@link java.util.Calendar}.
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml")) {
 *   WorkCalendar cal = WorkCalendar.of(p, "cn-office");
 *   long due = cal.addMinutes(Time.parse("2026-10-09T16:40:00+08:00"), 120);
 *   // 2026-10-10T09:40:00+08:00: the Saturday is a make-up working day
 *   WorkCalendar.DayKind k = cal.dayKind(LocalDate.of(2026, 10, 10));   // MAKEUP
 * }
 * </pre>
 *
 * <p>Times are long seconds since the epoch (UTC), as everywhere in the
 * binding.  A calendar is borrowed from its policy and keeps it reachable;
 * using it after the policy is closed throws MediateException (ESTATE).
 * Calendars are immutable and may be shared between threads.
 */
public final class WorkCalendar {
  /** What kind of day a civil date is. */
  public enum DayKind {
    /** An ordinary working day. */
    WORKING(1, "working"),
    /** A weekday without working hours (weekend). */
    REST(2, "rest"),
    /** A listed public holiday. */
    HOLIDAY(3, "holiday"),
    /** A listed make-up working day (调休). */
    MAKEUP(4, "makeup");

    private final int value;
    private final String code;

    DayKind(int value, String code) {
      this.value = value;
      this.code = code;
    }

    /** The C value (MEDIATE_DAY_*). */
    public int value() { return value; }
    /** "working", "rest", "holiday" or "makeup". */
    public String code() { return code; }
    /** True for WORKING and MAKEUP. */
    public boolean isWorking() { return this == WORKING || this == MAKEUP; }

    /** The kind of a C value. */
    public static DayKind of(int value) {
      for (DayKind k : values())
        if (k.value == value)
          return k;
      throw new IllegalArgumentException("unknown day kind value " + value);
    }
  }

  private final Policy policy;   // keeps the policy reachable
  private final SWIGTYPE_p_mediate_calendar ptr;

  private WorkCalendar(Policy policy, SWIGTYPE_p_mediate_calendar ptr) {
    this.policy = policy;
    this.ptr = ptr;
  }

  /** The calendar {@code code} of the policy, or null. */
  public static WorkCalendar find(Policy policy, String code) {
    SWIGTYPE_p_mediate_calendar c = MediateNative.mediate_policy_calendar_find(policy.ptr(), code);
    return c == null ? null : new WorkCalendar(policy, c);
  }

  /** The calendar {@code code} of the policy; throws MediateException (ENOTFOUND) when there is none. */
  public static WorkCalendar of(Policy policy, String code) {
    WorkCalendar c = find(policy, code);
    if (c == null)
      throw new MediateException(new MediateError(MediateError.ENOTFOUND, "", 0, 0, "",
          "no calendar \"" + code + "\" in the policy"));
    return c;
  }

  /** Every calendar of the policy in document order (an unmodifiable list). */
  public static List<WorkCalendar> all(Policy policy) {
    SWIGTYPE_p_mediate_policy p = policy.ptr();
    long n = MediateNative.mediate_policy_calendar_count(p);
    List<WorkCalendar> out = new ArrayList<>();
    for (long i = 0; i < n; i++)
      out.add(new WorkCalendar(policy, MediateNative.mediate_policy_calendar_at(p, i)));
    return Collections.unmodifiableList(out);
  }

  private SWIGTYPE_p_mediate_calendar p() {
    policy.ptr();   // throws once the policy is closed
    return ptr;
  }

  /** The policy the calendar belongs to. */
  public Policy policy() { return policy; }

  /** The code ("cn-office"). */
  public String code() { return MediateNative.mediate_calendar_code(p()); }

  /** The name in lang ("zh", "en"; null: the policy's language). */
  public String name(String lang) { return MediateNative.mediate_calendar_name(p(), lang); }

  /** The UTC offset of the hours in minutes east of UTC (480 for +08:00). */
  public int offsetMinutes() { return MediateNative.mediate_calendar_offset(p()); }

  /** The UTC offset of the hours. */
  public ZoneOffset zoneOffset() { return ZoneOffset.ofTotalSeconds(offsetMinutes() * 60); }

  /** The kind of the civil date year-month-day; MediateException (EINVAL) for an impossible date. */
  public DayKind dayKind(int year, int month, int day) {
    int[] out = new int[1];
    MediateNative.mediate_calendar_day_kind(out, p(), year, month, day);
    return DayKind.of(out[0]);
  }

  public DayKind dayKind(LocalDate date) {
    return dayKind(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** True for an ordinary or a make-up working day. */
  public boolean isWorkingDay(LocalDate date) { return dayKind(date).isWorking(); }

  /**
   * The earliest instant at which {@code minutes} working minutes have
   * elapsed since t.  A deadline at the end of a working period is that end
   * (17:30), not the start of the next one; 0 minutes gives t.
   */
  public long addMinutes(long t, long minutes) {
    long[] out = new long[1];
    MediateNative.mediate_calendar_add_minutes(out, p(), t, minutes);
    return out[0];
  }

  /** addMinutes for a date-time; the result is at the calendar's offset. */
  public OffsetDateTime addMinutes(OffsetDateTime t, long minutes) {
    return Time.toOffsetDateTime(addMinutes(Time.fromOffsetDateTime(t), minutes), offsetMinutes());
  }

  /** addMinutes(t, 60 * hours). */
  public long addHours(long t, long hours) { return addMinutes(t, 60 * hours); }

  /** Working minutes from {@code from} to {@code to} (negative when to &lt; from). */
  public long minutesBetween(long from, long to) {
    long[] out = new long[1];
    MediateNative.mediate_calendar_minutes_between(out, p(), from, to);
    return out[0];
  }

  /** t itself when it is working time, else the instant work next starts. */
  public long nextWorking(long t) {
    long[] out = new long[1];
    MediateNative.mediate_calendar_next_working(out, p(), t);
    return out[0];
  }

  /** True when t falls in the working hours of a working or make-up day. */
  public boolean isWorkingTime(long t) { return nextWorking(t) == t; }

  @Override public boolean equals(Object o) {
    return o instanceof WorkCalendar && ((WorkCalendar) o).policy == policy
        && SWIGTYPE_p_mediate_calendar.getCPtr(((WorkCalendar) o).ptr) == SWIGTYPE_p_mediate_calendar.getCPtr(ptr);
  }

  @Override public int hashCode() {
    return Long.hashCode(SWIGTYPE_p_mediate_calendar.getCPtr(ptr));
  }

  @Override public String toString() {
    if (policy.isClosed())
      return "WorkCalendar(of a closed policy)";
    return "WorkCalendar(" + code() + " " + name(null) + " " + zoneOffset() + ")";
  }
}
