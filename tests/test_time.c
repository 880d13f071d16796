/* SPDX-License-Identifier: MIT */
/* Time: ISO 8601 text, civil dates at an offset, calendar arithmetic. */
#include "config.h"

#include <string.h>

#include "suites.h"
#include "testutil.h"

/* 2026-11-03T09:30:00+08:00, a Tuesday: a call to the Yinzhou 110 centre. */
#define T_CALL 1793669400LL

static int64_t
parse(const char *s)
{
	int64_t t = 0;
	CU_ASSERT_EQUAL_FATAL(mediate_time_parse(&t, NULL, s), MEDIATE_OK);
	return t;
}

static const char *
fmt(int64_t t, int offset)
{
	static char buf[MEDIATE_TIME_BUFSIZE];
	strcpy(buf, "?");
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, t, offset), MEDIATE_OK);
	return buf;
}

static void
test_parse_format_roundtrip(void)
{
	static const struct {
		const char *in;
		int64_t t;
		int offset;
		const char *out;
	} cases[] = {
		{ "2026-11-03T09:30:00+08:00", T_CALL, 480, "2026-11-03T09:30:00+08:00" },
		{ "2026-11-03T01:30:00Z", T_CALL, 0, "2026-11-03T01:30:00+00:00" },
		{ "2026-11-03t01:30:00z", T_CALL, 0, "2026-11-03T01:30:00+00:00" },
		{ "2026-11-03 09:30:00+08:00", T_CALL, 480, "2026-11-03T09:30:00+08:00" },
		{ "2026-11-02T20:30:00-05:00", T_CALL, -300, "2026-11-02T20:30:00-05:00" },
		{ "2026-11-03T07:00:00+05:30", T_CALL, 330, "2026-11-03T07:00:00+05:30" },
		{ "2026-11-02T22:00:00-03:30", T_CALL, -210, "2026-11-02T22:00:00-03:30" },
		{ "1970-01-01T00:00:00Z", 0, 0, "1970-01-01T00:00:00+00:00" },
		{ "1970-01-01T08:00:00+08:00", 0, 480, "1970-01-01T08:00:00+08:00" },
		{ "1969-12-31T23:59:59Z", -1, 0, "1969-12-31T23:59:59+00:00" },
		{ "2024-02-29T23:59:59+08:00", 1709222399LL, 480, "2024-02-29T23:59:59+08:00" },
		{ "2000-02-29T12:00:00+08:00", 951796800LL, 480, "2000-02-29T12:00:00+08:00" },
		{ "2100-02-28T12:00:00+08:00", 4107470400LL, 480, "2100-02-28T12:00:00+08:00" },
		{ "2026-12-31T23:59:59+08:00", 1798732799LL, 480, "2026-12-31T23:59:59+08:00" },
		{ "0001-01-01T00:00:00Z", -62135596800LL, 0, "0001-01-01T00:00:00+00:00" },
		{ "9999-12-31T23:59:59Z", 253402300799LL, 0, "9999-12-31T23:59:59+00:00" },
		{ "2026-06-15T12:00:00+23:59", 1781438460LL, 1439, "2026-06-15T12:00:00+23:59" },
		{ "2026-06-15T12:00:00-23:59", 1781611140LL, -1439, "2026-06-15T12:00:00-23:59" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t t = 1;
		int off = 12345;
		CU_ASSERT_EQUAL(mediate_time_parse(&t, &off, cases[i].in), MEDIATE_OK);
		CU_ASSERT_EQUAL(t, cases[i].t);
		CU_ASSERT_EQUAL(off, cases[i].offset);
		CU_ASSERT_STRING_EQUAL(fmt(cases[i].t, cases[i].offset), cases[i].out);
	}
	/* The same instant shown at other offsets. */
	CU_ASSERT_STRING_EQUAL(fmt(T_CALL, -480), "2026-11-02T17:30:00-08:00");
	CU_ASSERT_STRING_EQUAL(fmt(T_CALL, MEDIATE_OFFSET_CST), "2026-11-03T09:30:00+08:00");
}

static void
test_edges_of_the_range(void)
{
	int64_t t = 0;
	int off;
	char buf[MEDIATE_TIME_BUFSIZE];

	/* Year 1 and 9999 at any offset: what parses, formats back. */
	CU_ASSERT_EQUAL(mediate_time_parse(&t, &off, "0001-01-01T00:00:00+08:00"), MEDIATE_OK);
	CU_ASSERT_EQUAL(t, -62135596800LL - 8 * 3600);
	CU_ASSERT_STRING_EQUAL(fmt(t, off), "0001-01-01T00:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_parse(&t, &off, "9999-12-31T23:59:59-08:00"), MEDIATE_OK);
	CU_ASSERT_EQUAL(t, 253402300799LL + 8 * 3600);
	CU_ASSERT_STRING_EQUAL(fmt(t, off), "9999-12-31T23:59:59-08:00");
	/* ...but not one second beyond in local time. */
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, -62135596800LL - 8 * 3600 - 1, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, 253402300799LL, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, 253402300800LL, 0), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, -62135596801LL, 0), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, INT64_MAX, 0), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, INT64_MIN, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, INT64_MAX, -1439), MEDIATE_ERANGE);
	/* Year 0 and 10000 do not exist here. */
	t = 5;
	CU_ASSERT_EQUAL(mediate_time_parse(&t, NULL, "0000-12-31T23:59:59Z"), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_parse(&t, NULL, "10000-01-01T00:00:00Z"), MEDIATE_EPARSE);
	CU_ASSERT_EQUAL(t, 5);
}

static void
test_month_ends_and_leap_years(void)
{
	static const struct {
		const char *text;
		int code;
	} cases[] = {
		{ "2024-02-29T00:00:00+08:00", MEDIATE_OK },      /* divisible by 4 */
		{ "2023-02-29T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2100-02-29T00:00:00+08:00", MEDIATE_ERANGE },  /* century, not by 400 */
		{ "2000-02-29T00:00:00+08:00", MEDIATE_OK },      /* by 400 */
		{ "1900-02-29T00:00:00Z", MEDIATE_ERANGE },
		{ "2026-04-30T00:00:00+08:00", MEDIATE_OK },
		{ "2026-04-31T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-06-31T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-09-31T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-11-31T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-12-31T00:00:00+08:00", MEDIATE_OK },
		{ "2026-01-32T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-13-01T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-00-10T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-01-00T00:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-01-01T24:00:00+08:00", MEDIATE_ERANGE },
		{ "2026-01-01T23:60:00+08:00", MEDIATE_ERANGE },
		{ "2026-12-31T23:59:60+08:00", MEDIATE_ERANGE },  /* no leap seconds */
	};
	size_t i;
	mediate_civil c;
	int64_t t;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = 99;
		CU_ASSERT_EQUAL(mediate_time_parse(&t, NULL, cases[i].text), cases[i].code);
		if (cases[i].code != MEDIATE_OK)
			CU_ASSERT_EQUAL(t, 99);
	}
	/* Day 366 of 2024 is 2024-12-31. */
	t = parse("2024-01-01T00:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&t, t, 365, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(t, 480), "2024-12-31T00:00:00+08:00");
	/* The civil form round-trips and checks its fields. */
	CU_ASSERT_EQUAL(mediate_time_to_civil(&c, T_CALL, 480), MEDIATE_OK);
	CU_ASSERT_EQUAL(c.year, 2026);
	CU_ASSERT_EQUAL(c.month, 11);
	CU_ASSERT_EQUAL(c.day, 3);
	CU_ASSERT_EQUAL(c.hour, 9);
	CU_ASSERT_EQUAL(c.minute, 30);
	CU_ASSERT_EQUAL(c.second, 0);
	CU_ASSERT_EQUAL(c.offset_minutes, 480);
	CU_ASSERT_EQUAL(mediate_time_from_civil(&t, &c), MEDIATE_OK);
	CU_ASSERT_EQUAL(t, T_CALL);
	c.offset_minutes = 1440;
	CU_ASSERT_EQUAL(mediate_time_from_civil(&t, &c), MEDIATE_ERANGE);
	c.offset_minutes = 480;
	c.day = 31;   /* November has 30 */
	CU_ASSERT_EQUAL(mediate_time_from_civil(&t, &c), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_to_civil(&c, T_CALL, 1440), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_to_civil(&c, T_CALL, -1440), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_to_civil(NULL, T_CALL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_time_from_civil(NULL, &c), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_time_from_civil(&t, NULL), MEDIATE_EINVAL);
}

static void
test_add_months(void)
{
	int64_t t, u;

	/* Jan 31 + 1 month clamps to the end of February. */
	t = parse("2024-01-31T10:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2024-02-29T10:00:00+08:00");
	t = parse("2026-01-31T10:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2026-02-28T10:00:00+08:00");
	t = parse("2100-01-31T10:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2100-02-28T10:00:00+08:00");
	t = parse("2000-01-31T10:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2000-02-29T10:00:00+08:00");
	/* Across a year, backwards, and by 12. */
	t = parse("2026-11-30T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 3, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2027-02-28T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, -11, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2025-12-30T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, -12, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2025-11-30T09:00:00+08:00");
	t = parse("2024-02-29T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 12, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2025-02-28T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 0, 480), MEDIATE_OK);
	CU_ASSERT_EQUAL(u, t);
	/* The calendar is the one at the offset: 2026-01-31T20:00Z is Feb 1 in Beijing. */
	t = parse("2026-01-31T20:00:00Z");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2026-03-01T04:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 0), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 0), "2026-02-28T20:00:00+00:00");
	/* Leaving years 1-9999 is refused. */
	u = 7;
	t = parse("9999-12-01T00:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, 1, 480), MEDIATE_ERANGE);
	t = parse("0001-01-15T00:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, t, -1, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, T_CALL, 2147483647, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_add_months(&u, T_CALL, -2147483647 - 1, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(u, 7);
	CU_ASSERT_EQUAL(mediate_time_add_months(NULL, T_CALL, 1, 480), MEDIATE_EINVAL);
}

static void
test_add_days(void)
{
	int64_t t, u;

	t = parse("2026-12-30T18:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, t, 3, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2027-01-02T18:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, u, -3, 480), MEDIATE_OK);
	CU_ASSERT_EQUAL(u, t);
	t = parse("2024-02-28T08:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2024-02-29T08:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, t, 366, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2025-02-28T08:00:00+08:00");
	t = parse("2100-02-28T08:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, t, 1, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2100-03-01T08:00:00+08:00");
	/* Across many years: 2026-11-03 + 10000 days. */
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, T_CALL, 10000, 480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, 480), "2054-03-21T09:30:00+08:00");
	/* Out of range and extreme counts. */
	u = 3;
	t = parse("9999-12-31T00:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, t, 1, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, T_CALL, 2147483647, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, T_CALL, -2147483647 - 1, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, INT64_MAX, 1, 480), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(u, 3);
	/* Year 9999 at -08:00 is reachable by adding days. */
	t = parse("9999-12-30T20:00:00-08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(&u, t, 1, -480), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(fmt(u, -480), "9999-12-31T20:00:00-08:00");
	CU_ASSERT_EQUAL(mediate_time_add_days(NULL, T_CALL, 1, 480), MEDIATE_EINVAL);
}

static void
test_weekday(void)
{
	mediate_civil c;
	static const struct {
		const char *text;
		int offset;
		int weekday;
	} cases[] = {
		{ "2026-11-03T09:30:00+08:00", 480, 2 },   /* Tuesday */
		{ "2026-11-03T01:30:00Z", 480, 2 },
		{ "2026-11-03T01:30:00Z", -480, 1 },       /* still Monday in California */
		{ "1970-01-01T00:00:00Z", 0, 4 },          /* Thursday */
		{ "1969-12-31T23:59:59Z", 0, 3 },
		{ "2024-02-29T12:00:00+08:00", 480, 4 },
		{ "2000-01-01T00:00:00+08:00", 480, 6 },
		{ "2026-11-08T23:59:59+08:00", 480, 7 },   /* Sunday */
		{ "0001-01-01T00:00:00Z", 0, 1 },          /* proleptic Gregorian: Monday */
		{ "9999-12-31T00:00:00Z", 0, 5 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&c, 0, sizeof c);
		CU_ASSERT_EQUAL(mediate_time_to_civil(&c, parse(cases[i].text), cases[i].offset), MEDIATE_OK);
		CU_ASSERT_EQUAL(c.weekday, cases[i].weekday);
	}
}

static void
test_malformed_text(void)
{
	static const char *const bad[] = {
		"", "2026", "2026-11-03", "2026-11-03T09:30", "2026-11-03T09:30:00",
		"2026-11-03T09:30:00+0800", "2026-11-03T09:30:00+08", "2026-11-03T09:30:00 +08:00",
		"2026-11-03T09:30:00.5+08:00", "2026-11-03T09:30:00+08:00 ", "2026-11-03X09:30:00Z",
		"26-11-03T09:30:00+08:00", "2026/11/03T09:30:00+08:00", "2026-1-03T09:30:00+08:00",
		"2026-11-03T9:30:00+08:00", "2026-11-03T09:30:00+24:00", "2026-11-03T09:30:00+08:60",
		"2026-11-03T09:30:00ZZ", "2026-11-03T09:30:00UTC", "二〇二六年十一月三日",
		"2026-11-03T09:30:00＋08:00", "+2026-11-03T09:30:00Z", "2026-11-03T09:30:00+8:00",
	};
	size_t i;
	int64_t t;
	int off;
	char buf[MEDIATE_TIME_BUFSIZE];

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		t = 11;
		off = 22;
		CU_ASSERT_EQUAL(mediate_time_parse(&t, &off, bad[i]), MEDIATE_EPARSE);
		CU_ASSERT_EQUAL(t, 11);
		CU_ASSERT_EQUAL(off, 22);
	}
	CU_ASSERT_EQUAL(mediate_time_parse(NULL, NULL, "2026-11-03T09:30:00+08:00"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_time_parse(&t, NULL, NULL), MEDIATE_EINVAL);
	/* Formatting: too small a buffer, bad offsets, NULL. */
	CU_ASSERT_EQUAL(mediate_time_format(buf, 25, T_CALL, 480), MEDIATE_EBUFSIZE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, 26, T_CALL, 480), MEDIATE_OK);
	CU_ASSERT_EQUAL(strlen(buf), 25);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, T_CALL, 1440), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(buf, sizeof buf, T_CALL, -1440), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_time_format(NULL, 32, T_CALL, 480), MEDIATE_EINVAL);
}

int
suite_time(void)
{
	TEST_SUITE(s, "time");
	TEST_ADD(s, test_parse_format_roundtrip);
	TEST_ADD(s, test_edges_of_the_range);
	TEST_ADD(s, test_month_ends_and_leap_years);
	TEST_ADD(s, test_add_months);
	TEST_ADD(s, test_add_days);
	TEST_ADD(s, test_weekday);
	TEST_ADD(s, test_malformed_text);
	return 0;
}
