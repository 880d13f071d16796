/* SPDX-License-Identifier: MIT */
/*
 * libmediate: working-time calendars.
 *
 * A calendar is part of a loaded policy (section "calendars", see
 * mediate-policy(5)): working hours per weekday, public holidays and make-up
 * working days (调休) listed per year, and the UTC offset the hours are
 * written in.  It answers three questions in time that does not depend on
 * the length of the interval in minutes: what instant lies N working minutes
 * after t, how many working minutes lie between two instants, and when work
 * next resumes.  Calendars are borrowed from their policy, immutable and
 * safe to share between threads.
 */
#ifndef MEDIATE_CALENDAR_H
#define MEDIATE_CALENDAR_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/policy.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_calendar mediate_calendar;

/* What kind of day a civil date is in a calendar.  Only ever appended. */
typedef enum mediate_day_kind {
	MEDIATE_DAY_WORKING = 1,   /* an ordinary working day */
	MEDIATE_DAY_REST = 2,      /* a weekday without working hours (weekend) */
	MEDIATE_DAY_HOLIDAY = 3,   /* a listed public holiday */
	MEDIATE_DAY_MAKEUP = 4     /* a listed make-up working day (调休) */
} mediate_day_kind;

MEDIATE_EXTERN size_t mediate_policy_calendar_count(const mediate_policy *policy);
MEDIATE_EXTERN const mediate_calendar *mediate_policy_calendar_at(const mediate_policy *policy, size_t index);
MEDIATE_EXTERN const mediate_calendar *mediate_policy_calendar_find(const mediate_policy *policy,
                                                                    const char *code);
MEDIATE_EXTERN const char *mediate_calendar_code(const mediate_calendar *calendar);
MEDIATE_EXTERN const char *mediate_calendar_name(const mediate_calendar *calendar, const char *lang);
/* The UTC offset of the calendar's hours, in minutes east of UTC. */
MEDIATE_EXTERN int mediate_calendar_offset(const mediate_calendar *calendar);

/* The kind of the civil date year-month-day. */
MEDIATE_EXTERN mediate_status mediate_calendar_day_kind(mediate_day_kind *out, const mediate_calendar *calendar,
                                                        int year, int month, int day);
/*
 * The earliest instant at which `minutes` working minutes have elapsed
 * since t.  A deadline that falls exactly at the end of a working period is
 * that end (17:30), not the start of the next one.  minutes = 0 gives t.
 */
MEDIATE_EXTERN mediate_status mediate_calendar_add_minutes(int64_t *out, const mediate_calendar *calendar,
                                                           int64_t t, int64_t minutes);
/* Working minutes from `from` to `to` (whole minutes, negative if to < from). */
MEDIATE_EXTERN mediate_status mediate_calendar_minutes_between(int64_t *out, const mediate_calendar *calendar,
                                                               int64_t from, int64_t to);
/* t itself when t is working time, else the instant work next starts. */
MEDIATE_EXTERN mediate_status mediate_calendar_next_working(int64_t *out, const mediate_calendar *calendar,
                                                            int64_t t);

MEDIATE_END_DECLS

#endif /* MEDIATE_CALENDAR_H */
