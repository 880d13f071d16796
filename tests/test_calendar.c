/* SPDX-License-Identifier: MIT */
/*
 * Working-time calendars: the 2026 holidays and make-up days, deadlines
 * across weekends, lunch breaks, holidays and 调休 Saturdays, checked by
 * hand and against a minute-by-minute oracle; and every error of the
 * "calendars" policy section.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

static mediate_policy *pol;
static const mediate_calendar *cal;

static int64_t
T(const char *text)
{
	int64_t t = 0;
	if (mediate_time_parse(&t, NULL, text) != 0) {
		fprintf(stderr, "bad time in test: %s\n", text);
		abort();
	}
	return t;
}

static int
setup(void)
{
	mediate_error err;
	if (mediate_policy_load_file(&pol, test_data("route/policy.yaml"), NULL, &err) != 0) {
		char buf[1024];
		mediate_error_format(buf, sizeof buf, &err);
		fprintf(stderr, "%s\n", buf);
		return 1;
	}
	cal = mediate_policy_calendar_find(pol, "cn-office");
	return cal == NULL;
}

static int
teardown(void)
{
	mediate_policy_free(pol);
	return 0;
}

static void
test_lookup(void)
{
	CU_ASSERT_EQUAL(mediate_policy_calendar_count(pol), 1);
	CU_ASSERT_PTR_EQUAL(mediate_policy_calendar_at(pol, 0), cal);
	CU_ASSERT_PTR_NULL(mediate_policy_calendar_at(pol, 1));
	CU_ASSERT_PTR_NULL(mediate_policy_calendar_find(pol, "cn-offic"));
	CU_ASSERT_PTR_NULL(mediate_policy_calendar_find(NULL, "cn-office"));
	CU_ASSERT_PTR_NULL(mediate_policy_calendar_find(pol, NULL));
	CU_ASSERT_STRING_EQUAL(mediate_calendar_code(cal), "cn-office");
	CU_ASSERT_STRING_EQUAL(mediate_calendar_name(cal, "zh"), "机关工作时间");
	CU_ASSERT_STRING_EQUAL(mediate_calendar_name(cal, "en"), "Government office hours");
	CU_ASSERT_EQUAL(mediate_calendar_offset(cal), 480);
	CU_ASSERT_PTR_NULL(mediate_calendar_code(NULL));
	CU_ASSERT_PTR_NULL(mediate_calendar_name(NULL, "zh"));
	CU_ASSERT_EQUAL(mediate_policy_calendar_count(NULL), 0);
}

static mediate_day_kind
kind(int y, int m, int d)
{
	mediate_day_kind k = 0;
	CU_ASSERT_EQUAL(mediate_calendar_day_kind(&k, cal, y, m, d), 0);
	return k;
}

static int
weekday_of(int y, int m, int d)
{
	mediate_civil c = { y, m, d, 12, 0, 0, 480, 0 };
	int64_t t;
	CU_ASSERT_EQUAL(mediate_time_from_civil(&t, &c), 0);
	CU_ASSERT_EQUAL(mediate_time_to_civil(&c, t, 480), 0);
	return c.weekday;
}

static void
test_2026_holidays(void)
{
	/* Each holiday period and make-up day of the State Council notice, with
	 * the weekday the notice states. */
	static const struct { int m, d, wd; mediate_day_kind k; } days[] = {
		{ 1, 1, 4, MEDIATE_DAY_HOLIDAY }, { 1, 3, 6, MEDIATE_DAY_HOLIDAY }, { 1, 4, 7, MEDIATE_DAY_MAKEUP },
		{ 2, 14, 6, MEDIATE_DAY_MAKEUP }, { 2, 15, 7, MEDIATE_DAY_HOLIDAY }, { 2, 17, 2, MEDIATE_DAY_HOLIDAY },
		{ 2, 23, 1, MEDIATE_DAY_HOLIDAY }, { 2, 24, 2, MEDIATE_DAY_WORKING }, { 2, 28, 6, MEDIATE_DAY_MAKEUP },
		{ 4, 4, 6, MEDIATE_DAY_HOLIDAY }, { 4, 6, 1, MEDIATE_DAY_HOLIDAY }, { 4, 7, 2, MEDIATE_DAY_WORKING },
		{ 5, 1, 5, MEDIATE_DAY_HOLIDAY }, { 5, 5, 2, MEDIATE_DAY_HOLIDAY }, { 5, 9, 6, MEDIATE_DAY_MAKEUP },
		{ 6, 19, 5, MEDIATE_DAY_HOLIDAY }, { 6, 21, 7, MEDIATE_DAY_HOLIDAY },
		{ 9, 20, 7, MEDIATE_DAY_MAKEUP }, { 9, 25, 5, MEDIATE_DAY_HOLIDAY }, { 9, 27, 7, MEDIATE_DAY_HOLIDAY },
		{ 10, 1, 4, MEDIATE_DAY_HOLIDAY }, { 10, 7, 3, MEDIATE_DAY_HOLIDAY }, { 10, 8, 4, MEDIATE_DAY_WORKING },
		{ 10, 10, 6, MEDIATE_DAY_MAKEUP }, { 10, 11, 7, MEDIATE_DAY_REST }, { 3, 7, 6, MEDIATE_DAY_REST },
	};
	mediate_day_kind k;
	size_t i;
	for (i = 0; i < sizeof days / sizeof days[0]; i++) {
		CU_ASSERT_EQUAL(weekday_of(2026, days[i].m, days[i].d), days[i].wd);
		CU_ASSERT_EQUAL(kind(2026, days[i].m, days[i].d), days[i].k);
	}
	/* 33 holiday days in 2026 (3 + 9 + 3 + 5 + 3 + 3 + 7), 6 make-up days. */
	{
		int m, d, hol = 0, mk = 0, work = 0;
		static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= dim[m - 1]; d++) {
				k = kind(2026, m, d);
				hol += k == MEDIATE_DAY_HOLIDAY;
				mk += k == MEDIATE_DAY_MAKEUP;
				work += k == MEDIATE_DAY_WORKING || k == MEDIATE_DAY_MAKEUP;
			}
		CU_ASSERT_EQUAL(hol, 33);
		CU_ASSERT_EQUAL(mk, 6);
		/* 261 weekdays in 2026, minus the 19 holiday days on weekdays, plus 6. */
		CU_ASSERT_EQUAL(work, 248);
	}
	/* Outside the listed years only the weekly hours count. */
	CU_ASSERT_EQUAL(kind(2025, 12, 31), MEDIATE_DAY_WORKING);
	CU_ASSERT_EQUAL(kind(2027, 1, 1), MEDIATE_DAY_WORKING);
	CU_ASSERT_EQUAL(kind(2027, 1, 2), MEDIATE_DAY_REST);
	CU_ASSERT_EQUAL(mediate_calendar_day_kind(&k, cal, 2026, 2, 29), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_calendar_day_kind(&k, cal, 2026, 13, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_calendar_day_kind(NULL, cal, 2026, 1, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_calendar_day_kind(&k, NULL, 2026, 1, 1), MEDIATE_EINVAL);
}

static int64_t
add(const char *from, int64_t minutes)
{
	int64_t out = 0;
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(&out, cal, T(from), minutes), 0);
	return out;
}

static void
test_add_minutes(void)
{
	/* Over a weekend: one hour on Friday, one on Monday. */
	CU_ASSERT_EQUAL(add("2026-03-06T16:30:00+08:00", 120), T("2026-03-09T09:30:00+08:00"));
	/* A deadline that ends with the working day is the end of the day. */
	CU_ASSERT_EQUAL(add("2026-03-09T16:30:00+08:00", 60), T("2026-03-09T17:30:00+08:00"));
	CU_ASSERT_EQUAL(add("2026-03-09T11:00:00+08:00", 60), T("2026-03-09T12:00:00+08:00"));
	/* Across the lunch break. */
	CU_ASSERT_EQUAL(add("2026-03-09T11:30:00+08:00", 60), T("2026-03-09T14:00:00+08:00"));
	/* Starting outside working hours. */
	CU_ASSERT_EQUAL(add("2026-03-07T10:00:00+08:00", 30), T("2026-03-09T09:00:00+08:00"));
	CU_ASSERT_EQUAL(add("2026-03-09T07:00:00+08:00", 1), T("2026-03-09T08:31:00+08:00"));
	CU_ASSERT_EQUAL(add("2026-03-09T12:40:00+08:00", 5), T("2026-03-09T13:35:00+08:00"));
	/* New Year: 1-3 January off, Sunday 4 January worked. */
	CU_ASSERT_EQUAL(add("2025-12-31T17:00:00+08:00", 60), T("2026-01-04T09:00:00+08:00"));
	/* Spring Festival: Saturday 14 February is worked, then nine days off. */
	CU_ASSERT_EQUAL(add("2026-02-13T17:00:00+08:00", 60), T("2026-02-14T09:00:00+08:00"));
	CU_ASSERT_EQUAL(add("2026-02-13T17:00:00+08:00", 30 + 450 + 30), T("2026-02-24T09:00:00+08:00"));
	/* National Day: the last minute of 30 September, then 8 October. */
	CU_ASSERT_EQUAL(add("2026-09-30T17:29:00+08:00", 2), T("2026-10-08T08:31:00+08:00"));
	/* Sunday 20 September and Saturday 10 October are worked. */
	CU_ASSERT_EQUAL(add("2026-09-18T17:30:00+08:00", 450), T("2026-09-20T17:30:00+08:00"));
	CU_ASSERT_EQUAL(add("2026-10-09T17:00:00+08:00", 30), T("2026-10-09T17:30:00+08:00"));
	CU_ASSERT_EQUAL(add("2026-10-09T17:00:00+08:00", 31), T("2026-10-10T08:31:00+08:00"));
	/* Five working days over Labour Day (1-5 May off, 9 May worked). */
	CU_ASSERT_EQUAL(add("2026-04-30T10:00:00+08:00", 5 * 450), T("2026-05-11T10:00:00+08:00"));
	/* Past the end of the listed years. */
	CU_ASSERT_EQUAL(add("2026-12-31T17:00:00+08:00", 60), T("2027-01-01T09:00:00+08:00"));
	/* A year of working days: 248 in 2026. */
	CU_ASSERT_EQUAL(add("2025-12-31T17:30:00+08:00", 248 * 450), T("2026-12-31T17:30:00+08:00"));
	/* Times in UTC are the same instants. */
	CU_ASSERT_EQUAL(add("2026-03-06T08:30:00Z", 120), T("2026-03-09T09:30:00+08:00"));
	/* Zero minutes is the instant itself, even outside working hours. */
	CU_ASSERT_EQUAL(add("2026-03-07T10:00:00+08:00", 0), T("2026-03-07T10:00:00+08:00"));
}

static void
test_add_errors(void)
{
	int64_t out = 42;
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(&out, cal, T("2026-03-06T16:30:00+08:00"), -1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(NULL, cal, 0, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(&out, NULL, 0, 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(&out, cal, T("9999-12-31T16:00:00+08:00"), 450 * 3), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(&out, cal, INT64_MAX, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_calendar_add_minutes(&out, cal, 0, INT64_MAX), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(out, 42);
}

static int64_t
between(const char *a, const char *b)
{
	int64_t out = -999;
	CU_ASSERT_EQUAL(mediate_calendar_minutes_between(&out, cal, T(a), T(b)), 0);
	return out;
}

static void
test_between(void)
{
	CU_ASSERT_EQUAL(between("2026-03-06T16:30:00+08:00", "2026-03-09T09:30:00+08:00"), 120);
	CU_ASSERT_EQUAL(between("2026-03-09T09:30:00+08:00", "2026-03-06T16:30:00+08:00"), -120);
	CU_ASSERT_EQUAL(between("2026-03-09T08:00:00+08:00", "2026-03-09T18:00:00+08:00"), 450);
	CU_ASSERT_EQUAL(between("2026-03-09T12:00:00+08:00", "2026-03-09T13:30:00+08:00"), 0);
	CU_ASSERT_EQUAL(between("2026-02-13T17:00:00+08:00", "2026-02-24T09:00:00+08:00"), 30 + 450 + 30);
	CU_ASSERT_EQUAL(between("2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00"), 248 * 450);
	/* Outside the table: a plain week. */
	CU_ASSERT_EQUAL(between("2030-03-04T00:00:00+08:00", "2030-03-11T00:00:00+08:00"), 5 * 450);
	CU_ASSERT_EQUAL(between("2019-03-04T00:00:00+08:00", "2019-03-11T00:00:00+08:00"), 5 * 450);
	{
		int64_t out;
		CU_ASSERT_EQUAL(mediate_calendar_minutes_between(NULL, cal, 0, 0), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_calendar_minutes_between(&out, NULL, 0, 0), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_calendar_minutes_between(&out, cal, INT64_MIN, 0), MEDIATE_ERANGE);
	}
}

static int64_t
next(const char *a)
{
	int64_t out = 0;
	CU_ASSERT_EQUAL(mediate_calendar_next_working(&out, cal, T(a)), 0);
	return out;
}

static void
test_next_working(void)
{
	CU_ASSERT_EQUAL(next("2026-03-09T10:00:00+08:00"), T("2026-03-09T10:00:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-03-09T08:30:00+08:00"), T("2026-03-09T08:30:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-03-09T12:00:00+08:00"), T("2026-03-09T13:30:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-03-09T17:30:00+08:00"), T("2026-03-10T08:30:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-03-07T10:00:00+08:00"), T("2026-03-09T08:30:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-09-30T18:00:00+08:00"), T("2026-10-08T08:30:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-09-19T10:00:00+08:00"), T("2026-09-20T08:30:00+08:00"));
	CU_ASSERT_EQUAL(next("2026-02-14T18:00:00+08:00"), T("2026-02-24T08:30:00+08:00"));
	{
		int64_t out;
		CU_ASSERT_EQUAL(mediate_calendar_next_working(NULL, cal, 0), MEDIATE_EINVAL);
		CU_ASSERT_EQUAL(mediate_calendar_next_working(&out, NULL, 0), MEDIATE_EINVAL);
	}
}

/* The oracle: is the minute starting at t working time? */
static int
working_minute(int64_t t)
{
	mediate_civil c;
	mediate_day_kind k;
	int m;
	mediate_time_to_civil(&c, t, 480);
	mediate_calendar_day_kind(&k, cal, c.year, c.month, c.day);
	if (k != MEDIATE_DAY_WORKING && k != MEDIATE_DAY_MAKEUP)
		return 0;
	m = c.hour * 60 + c.minute;
	return (m >= 8 * 60 + 30 && m < 12 * 60) || (m >= 13 * 60 + 30 && m < 17 * 60 + 30);
}

static int64_t
between_t(int64_t a, int64_t b)
{
	int64_t out = -999;
	CU_ASSERT_EQUAL(mediate_calendar_minutes_between(&out, cal, a, b), 0);
	return out;
}

static void
test_against_oracle(void)
{
	int64_t base = T("2025-12-20T00:00:00+08:00"), span = T("2027-01-10T00:00:00+08:00") - base;
	unsigned seed = 20260101;
	int i;
	for (i = 0; i < 300; i++) {
		int64_t t, minutes, got, x, left, w = 0, bt;
		seed = seed * 1103515245u + 12345u;
		t = base + (int64_t)((seed >> 8) % (uint64_t)(span / 60)) * 60;
		seed = seed * 1103515245u + 12345u;
		minutes = 1 + (seed >> 8) % 3000;
		CU_ASSERT_EQUAL_FATAL(mediate_calendar_add_minutes(&got, cal, t, minutes), 0);
		/* Walk minute by minute until `minutes` working minutes have passed. */
		for (x = t, left = minutes; left > 0; x += 60)
			if (working_minute(x))
				left--;
		CU_ASSERT_EQUAL(got, x);
		/* And the working minutes between t and a random later instant. */
		bt = t + (int64_t)(seed % 20000) * 60;
		for (x = t; x < bt; x += 60)
			w += working_minute(x);
		CU_ASSERT_EQUAL(between_t(t, bt), w);
	}
}

static const char base_doc[] =
	"policy: {name: 测试, language: zh}\n"
	"taxonomy:\n"
	"  - {code: public, name: 公共事务}\n"
	"  - {code: public.road, parent: public, name: 道路设施}\n"
	"org:\n"
	"  - {code: DJS, kind: town, name: 丹景山镇}\n"
	"  - {code: DJS-ZX, kind: centre, parent: DJS, name: 综治中心}\n"
	"  - {code: DJS-CJ, kind: department, parent: DJS, name: 村镇建设办公室}\n"
	"  - {code: DJS-ZF, kind: department, parent: DJS, name: 综合行政执法队}\n"
	"  - {code: DJS-HC, kind: community, parent: DJS, name: 花村街社区}\n";
#define BASE_LINES 10

static const char cal_ok[] =
	"calendars:\n"
	"  - code: cn-office\n"
	"    hours: {mon: [08:30-12:00, 13:30-17:30], tue: [08:30-12:00, 13:30-17:30]}\n";

/* Loads base + extra and checks the first error: code, line (relative to
 * the extra text, 1-based), path and a piece of the message. */
static void
check_bad(const char *extra, int code, unsigned long line, const char *path, const char *text)
{
	char doc[8192];
	mediate_policy *p = (mediate_policy *)1;
	mediate_error err;
	int rc;
	snprintf(doc, sizeof doc, "%s%s", base_doc, extra);
	rc = mediate_policy_load_buffer(&p, doc, strlen(doc), "bad.yaml", NULL, &err);
	CU_ASSERT_EQUAL(rc, code);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_EQUAL(err.line, BASE_LINES + line);
	CU_ASSERT_STRING_EQUAL(err.path, path);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.text, text));
	CU_ASSERT_STRING_EQUAL(err.file, "bad.yaml");
	if (rc != code || err.line != BASE_LINES + line || strcmp(err.path, path) != 0 || strstr(err.text, text) == NULL)
		fprintf(stderr, "\n  got %d %lu:%lu %s: %s\n", rc, err.line, err.column, err.path, err.text);
	if (rc == 0)
		mediate_policy_free(p);
}

static void
test_bad_calendars(void)
{
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [8:30-12:00]}\n", MEDIATE_EVALIDATE, 3,
	          "calendars[0].hours.mon[0]", "is not a working period like 08:30-12:00");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00, 11:30-17:30]}\n", MEDIATE_EVALIDATE, 3,
	          "calendars[0].hours.mon[1]", "overlaps");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [12:00-08:30]}\n", MEDIATE_EVALIDATE, 3,
	          "calendars[0].hours.mon[0]", "ends before it starts");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00], tues: [08:30-12:00]}\n", MEDIATE_EVALIDATE,
	          3, "calendars[0].hours.tues", "did you mean \"tue\"");
	check_bad("calendars:\n  - code: c1\n    hours: {sat: []}\n", MEDIATE_EVALIDATE, 3, "calendars[0]",
	          "at least one weekday");
	check_bad("calendars:\n  - code: c1\n", MEDIATE_EVALIDATE, 2, "calendars[0].hours", "missing required key");
	check_bad("calendars:\n  - code: C1\n    hours: {mon: [08:30-12:00]}\n", MEDIATE_EVALIDATE, 2,
	          "calendars[0].code", "is not valid");
	check_bad("calendars:\n  - code: c1\n    utc_offset: \"+8\"\n    hours: {mon: [08:30-12:00]}\n",
	          MEDIATE_EVALIDATE, 3, "calendars[0].utc_offset", "not a UTC offset");
	check_bad("calendars:\n  - code: c1\n    utc_offset: \"+19:59\"\n    hours: {mon: [08:30-12:00]}\n",
	          MEDIATE_EVALIDATE, 3, "calendars[0].utc_offset", "(-12:00 to +14:00)");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n",
	          MEDIATE_EVALIDATE, 4, "calendars[1].code", "duplicate calendar code");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - year: 2026\n"
	          "        holidays: [2026-02-30]\n",
	          MEDIATE_EVALIDATE, 6, "calendars[0].years[0].holidays[0]", "is not a date");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - year: 2026\n"
	          "        holidays: [2026-10-07..2026-10-01]\n",
	          MEDIATE_EVALIDATE, 6, "calendars[0].years[0].holidays[0]", "is not a date");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - year: 2026\n"
	          "        workdays: [2026-01-05]\n",
	          MEDIATE_EVALIDATE, 6, "calendars[0].years[0].workdays[0]", "already an ordinary working day");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - year: 2026\n"
	          "        holidays: [2026-01-01..2026-01-04]\n        workdays: [2026-01-04]\n",
	          MEDIATE_EVALIDATE, 7, "calendars[0].years[0].workdays[0]", "both as a holiday and as a make-up");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - year: 2026\n"
	          "      - year: 2026\n",
	          MEDIATE_EVALIDATE, 6, "calendars[0].years[1].year", "listed twice");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - year: 2026\n"
	          "        holidays: [2030-01-01]\n",
	          MEDIATE_EVALIDATE, 6, "calendars[0].years[0].holidays[0]", "not near the year 2026");
	check_bad("calendars:\n  - code: c1\n    hours: {mon: [08:30-12:00]}\n    years:\n      - yaer: 2026\n",
	          MEDIATE_EVALIDATE, 5, "calendars[0].years[0].yaer", "did you mean \"year\"");
	check_bad("calendars: {code: c1}\n", MEDIATE_EVALIDATE, 1, "calendars", "expected a list");
}

static void
test_bad_sla(void)
{
	char buf[4096];
#define SLA(text) (snprintf(buf, sizeof buf, "%s%s", cal_ok, text), buf)
	check_bad(SLA("sla:\n  targets:\n    - {calendar: cn-ofice, acknowledge: 2h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 6, "sla.targets[0].calendar", "did you mean \"cn-office\"");
	check_bad(SLA("sla:\n  targets:\n    - {category: public.road, acknowledge: 2h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 6, "sla.targets[0]", "the last target must match every order");
	check_bad(SLA("sla:\n  targets:\n    - {acknowledge: 2x, check_in: 1d, finish: 5d}\n"), MEDIATE_EVALIDATE, 6,
	          "sla.targets[0].acknowledge", "is not a duration");
	check_bad(SLA("sla:\n  targets:\n    - {acknowledge: 2h, check_in: 1d, finish: 4h}\n"), MEDIATE_EVALIDATE, 6,
	          "sla.targets[0].finish", "shorter than the check_in target");
	check_bad(SLA("sla:\n  targets:\n    - {acknowledge: 2h, check_in: 1d}\n"), MEDIATE_EVALIDATE, 6,
	          "sla.targets[0].finish", "missing required key");
	check_bad(SLA("sla:\n  targets:\n    - {acknowledge: 2h, check_in: 1d, finish: 5d, warn_at: 100}\n"),
	          MEDIATE_ERANGE, 6, "sla.targets[0].warn_at", "out of range");
	check_bad(SLA("sla:\n  targets:\n    - {category: public.rood, acknowledge: 2h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 6, "sla.targets[0].category", "did you mean \"public.road\"");
	check_bad(SLA("sla:\n  targets:\n    - {urgency: urgnet, acknowledge: 2h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 6, "sla.targets[0].urgency", "did you mean \"urgent\"");
	check_bad(SLA("sla:\n  targets:\n    - {acknowledge: 2h, check_in: 1d, finish: 5d}\n"
	              "    - {acknowledge: 1h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 7, "sla.targets[1]", "can never apply");
	check_bad(SLA("sla:\n  escalation:\n    - {step: reminder, after: 4h}\n    - {step: supervision, after: 1h}\n"
	              "  targets:\n    - {acknowledge: 2h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 7, "sla.escalation[1].after", "later than the one before");
	check_bad(SLA("sla:\n  escalation:\n    - {step: remind, after: 4h}\n"
	              "  targets:\n    - {acknowledge: 2h, check_in: 1d, finish: 5d}\n"),
	          MEDIATE_EVALIDATE, 6, "sla.escalation[0].step", "did you mean \"reminder\"");
	check_bad(SLA("sla:\n  targets: []\n"), MEDIATE_EVALIDATE, 5, "sla.targets", "must not be empty");
	check_bad(SLA("sla:\n  target: []\n"), MEDIATE_EVALIDATE, 5, "sla.target", "did you mean \"targets\"");
#undef SLA
}

static void
test_bad_routing(void)
{
	check_bad("routing:\n  centre: DJS-ZZ\n", MEDIATE_EVALIDATE, 2, "routing.centre", "unknown unit \"DJS-ZZ\"");
	check_bad("routing:\n  rules:\n    - {category: public.road, lead: DJS-HC}\n", MEDIATE_EVALIDATE, 3,
	          "routing.rules[0].lead", "is a community");
	check_bad("routing:\n  rules:\n    - {category: public.road, lead: DJS-CJ, assist: [DJS-ZF, DJS-ZF]}\n",
	          MEDIATE_EVALIDATE, 3, "routing.rules[0].assist[1]", "listed twice");
	check_bad("routing:\n  rules:\n    - {category: public.road, lead: DJS-CJ, assist: [DJS-CJ]}\n",
	          MEDIATE_EVALIDATE, 3, "routing.rules[0].assist[0]", "already the lead");
	check_bad("routing:\n  rules:\n    - {lead: DJS-CJ}\n    - {category: public.road, lead: DJS-ZF}\n",
	          MEDIATE_EVALIDATE, 4, "routing.rules[1]", "can never apply");
	check_bad("routing:\n  rules:\n    - {category: public.road, lead: DJS-CJ, level: province}\n",
	          MEDIATE_EVALIDATE, 3, "routing.rules[0].level", "unknown dispatch level");
	check_bad("routing:\n  rules:\n    - {category: public.road}\n", MEDIATE_EVALIDATE, 3, "routing.rules[0].lead",
	          "missing required key");
	check_bad("routing:\n  rules:\n    - {category: public.road, lead: DJS-CJ, unit: DJS-HCX}\n", MEDIATE_EVALIDATE, 3,
	          "routing.rules[0].unit", "did you mean \"DJS-HC\"");
	check_bad("routing:\n  rules:\n    - {category: public.road, lead: DJS-CJ, asist: [DJS-ZF]}\n",
	          MEDIATE_EVALIDATE, 3, "routing.rules[0].asist", "did you mean \"assist\"");
}

int
suite_calendar(void)
{
	CU_pSuite s = CU_add_suite("calendar", setup, teardown);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_lookup);
	TEST_ADD(s, test_2026_holidays);
	TEST_ADD(s, test_add_minutes);
	TEST_ADD(s, test_add_errors);
	TEST_ADD(s, test_between);
	TEST_ADD(s, test_next_working);
	TEST_ADD(s, test_against_oracle);
	TEST_ADD(s, test_bad_calendars);
	TEST_ADD(s, test_bad_sla);
	TEST_ADD(s, test_bad_routing);
	return 0;
}
