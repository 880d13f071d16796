/* SPDX-License-Identifier: MIT */
/*
 * libmediate: time.
 *
 * Instants are int64_t seconds since 1970-01-01T00:00:00Z.  Text uses ISO
 * 8601 / RFC 3339 with an explicit offset ("2026-11-03T09:30:00+08:00").  The
 * proleptic Gregorian calendar is used; supported years are 0001-9999.
 */
#ifndef MEDIATE_DATETIME_H
#define MEDIATE_DATETIME_H

#include "mediate/common.h"

MEDIATE_BEGIN_DECLS

/* China Standard Time, the default offset of the sample data, in minutes. */
#define MEDIATE_OFFSET_CST 480
/* Enough for "2026-11-03T09:30:00+08:00" and its NUL. */
#define MEDIATE_TIME_BUFSIZE 32

/* A civil (wall-clock) date and time at a UTC offset. */
typedef struct mediate_civil {
	int year;            /* 1..9999 */
	int month;           /* 1..12 */
	int day;             /* 1..31 */
	int hour;            /* 0..23 */
	int minute;          /* 0..59 */
	int second;          /* 0..59 (leap seconds are not represented) */
	int offset_minutes;  /* -1439..1439, east of UTC positive */
	int weekday;         /* output only: 1 = Monday .. 7 = Sunday (ISO) */
} mediate_civil;

MEDIATE_EXTERN mediate_status mediate_time_to_civil(mediate_civil *out, int64_t t, int offset_minutes);
MEDIATE_EXTERN mediate_status mediate_time_from_civil(int64_t *out, const mediate_civil *civil);
/*
 * Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM" (a space
 * may replace 'T'; fractional seconds are refused).  offset_minutes, if not
 * NULL, receives the offset written in the text.
 */
MEDIATE_EXTERN mediate_status mediate_time_parse(int64_t *out, int *offset_minutes, const char *text);
/* Formats t at the given offset; "Z" is never written, "+00:00" is. */
MEDIATE_EXTERN mediate_status mediate_time_format(char *buf, size_t size, int64_t t, int offset_minutes);
/*
 * Adds months in the civil calendar at the offset, clamping the day to the
 * end of the target month (Jan 31 + 1 month = Feb 28 or 29).
 */
MEDIATE_EXTERN mediate_status mediate_time_add_months(int64_t *out, int64_t t, int months, int offset_minutes);
/* Adds days in the civil calendar (same wall-clock time, n days later). */
MEDIATE_EXTERN mediate_status mediate_time_add_days(int64_t *out, int64_t t, int days, int offset_minutes);

MEDIATE_END_DECLS

#endif /* MEDIATE_DATETIME_H */
