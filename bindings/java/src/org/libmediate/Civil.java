/* SPDX-License-Identifier: MIT */
package org.libmediate;

/** A civil date and time at a UTC offset (weekday: 1 = Monday .. 7 = Sunday). Immutable. */
public final class Civil {
  public final int year, month, day, hour, minute, second, offsetMinutes, weekday;

  public Civil(int year, int month, int day, int hour, int minute, int second, int offsetMinutes) {
    this(year, month, day, hour, minute, second, offsetMinutes, 0);
  }

  Civil(int year, int month, int day, int hour, int minute, int second, int offsetMinutes,
      int weekday) {
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.offsetMinutes = offsetMinutes;
    this.weekday = weekday;
  }

  static Civil of(mediate_civil c) {
    return new Civil(c.getYear(), c.getMonth(), c.getDay(), c.getHour(), c.getMinute(),
        c.getSecond(), c.getOffset_minutes(), c.getWeekday());
  }

  mediate_civil toNative() {
    mediate_civil c = new mediate_civil();
    c.setYear(year);
    c.setMonth(month);
    c.setDay(day);
    c.setHour(hour);
    c.setMinute(minute);
    c.setSecond(second);
    c.setOffset_minutes(offsetMinutes);
    return c;
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof Civil))
      return false;
    Civil c = (Civil) o;
    return year == c.year && month == c.month && day == c.day && hour == c.hour
        && minute == c.minute && second == c.second && offsetMinutes == c.offsetMinutes
        && weekday == c.weekday;
  }

  @Override public int hashCode() {
    return java.util.Objects.hash(year, month, day, hour, minute, second, offsetMinutes, weekday);
  }

  @Override public String toString() {
    int off = Math.abs(offsetMinutes);
    return String.format("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day, hour,
        minute, second, offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
  }
}
