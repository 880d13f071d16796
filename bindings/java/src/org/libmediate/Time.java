/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Time: long seconds since the Unix epoch, UTC; offsets in minutes east of
 * UTC ({@link #OFFSET_CST} = 480 for +08:00); text in ISO 8601 with an offset.
 */
public final class Time {
  private Time() {}

  /** China Standard Time (+08:00) in minutes. */
  public static final int OFFSET_CST = MediateNativeConstants.MEDIATE_OFFSET_CST;

  /** "2026-11-03T09:30:00+08:00" gives 1793669400. */
  public static long parse(String text) {
    long[] out = new long[1];
    MediateNative.mediate_time_parse(out, null, text);
    return out[0];
  }

  /** The offset written in the text, in minutes ("+08:00" gives 480). */
  public static int parseOffset(String text) {
    long[] out = new long[1];
    int[] offset = new int[1];
    MediateNative.mediate_time_parse(out, offset, text);
    return offset[0];
  }

  /** t at the offset: "2026-11-03T09:30:00+08:00". */
  public static String format(long t, int offsetMinutes) {
    byte[] buf = new byte[MediateNativeConstants.MEDIATE_TIME_BUFSIZE];
    MediateNative.mediate_time_format(buf, t, offsetMinutes);
    return NativeStrings.fromBuffer(buf);
  }

  /** t in China Standard Time. */
  public static String format(long t) {
    return format(t, OFFSET_CST);
  }

  public static Civil toCivil(long t, int offsetMinutes) {
    mediate_civil c = new mediate_civil();
    try {
      MediateNative.mediate_time_to_civil(c, t, offsetMinutes);
      return Civil.of(c);
    } finally {
      c.delete();
    }
  }

  public static long fromCivil(Civil civil) {
    long[] out = new long[1];
    mediate_civil c = civil.toNative();
    try {
      MediateNative.mediate_time_from_civil(out, c);
      return out[0];
    } finally {
      c.delete();
    }
  }

  /** The same wall-clock time, days later, at the offset. */
  public static long addDays(long t, int days, int offsetMinutes) {
    long[] out = new long[1];
    MediateNative.mediate_time_add_days(out, t, days, offsetMinutes);
    return out[0];
  }

  /** Months later in the civil calendar; the day is clamped (Jan 31 + 1 = Feb 28/29). */
  public static long addMonths(long t, int months, int offsetMinutes) {
    long[] out = new long[1];
    MediateNative.mediate_time_add_months(out, t, months, offsetMinutes);
    return out[0];
  }

  public static OffsetDateTime toOffsetDateTime(long t, int offsetMinutes) {
    Civil c = toCivil(t, offsetMinutes);
    return OffsetDateTime.of(c.year, c.month, c.day, c.hour, c.minute, c.second, 0,
        ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
  }

  public static long fromOffsetDateTime(OffsetDateTime dt) {
    return fromCivil(new Civil(dt.getYear(), dt.getMonthValue(), dt.getDayOfMonth(),
        dt.getHour(), dt.getMinute(), dt.getSecond(), dt.getOffset().getTotalSeconds() / 60));
  }
}
