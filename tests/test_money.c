/* SPDX-License-Identifier: MIT */
/* Money: int64_t fen, overflow checks, rounding, splits, text. */
#include "config.h"

#include <string.h>

#include "suites.h"
#include "testutil.h"

static void
test_add_sub_boundaries(void)
{
	int64_t v = 12345;

	CU_ASSERT_EQUAL(mediate_money_add(&v, 0, 0), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 0);
	CU_ASSERT_EQUAL(mediate_money_add(&v, 1, -1), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 0);
	CU_ASSERT_EQUAL(mediate_money_add(&v, -1, -1), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -2);
	/* 400,000 yuan of public works + 2,000,000 yuan of façades (Huacun street). */
	CU_ASSERT_EQUAL(mediate_money_add(&v, 40000000, 200000000), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 240000000);
	CU_ASSERT_EQUAL(mediate_money_add(&v, INT64_MAX, 0), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, INT64_MAX);
	CU_ASSERT_EQUAL(mediate_money_add(&v, INT64_MAX - 1, 1), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, INT64_MAX);
	CU_ASSERT_EQUAL(mediate_money_add(&v, MEDIATE_MONEY_MIN, 0), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, MEDIATE_MONEY_MIN);
	CU_ASSERT_EQUAL(mediate_money_add(&v, MEDIATE_MONEY_MAX, MEDIATE_MONEY_MIN), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 0);

	/* Overflow is refused and leaves the output alone. */
	v = 777;
	CU_ASSERT_EQUAL(mediate_money_add(&v, INT64_MAX, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(v, 777);
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_add(&v, MEDIATE_MONEY_MIN, -1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_add(&v, INT64_MAX, INT64_MAX), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_add(&v, INT64_MIN, 0), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_add(&v, 0, INT64_MIN), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_add(&v, INT64_MIN, INT64_MAX), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(v, 777);

	CU_ASSERT_EQUAL(mediate_money_sub(&v, 0, 1), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -1);
	CU_ASSERT_EQUAL(mediate_money_sub(&v, 0, INT64_MAX), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, MEDIATE_MONEY_MIN);
	v = 777;
	CU_ASSERT_EQUAL(mediate_money_sub(&v, -2, INT64_MAX), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_sub(&v, MEDIATE_MONEY_MIN, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_sub(&v, INT64_MAX, -1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_sub(&v, 0, INT64_MIN), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_sub(&v, INT64_MIN, INT64_MIN), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(v, 777);

	CU_ASSERT_EQUAL(mediate_money_add(NULL, 1, 2), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_money_sub(NULL, 1, 2), MEDIATE_EINVAL);
}

static void
test_mul(void)
{
	int64_t v = 5;

	CU_ASSERT_EQUAL(mediate_money_mul(&v, 150000, 12), MEDIATE_OK);   /* 1,500 yuan a month, a year */
	CU_ASSERT_EQUAL(v, 1800000);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, -250, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -750);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, INT64_MAX, 1), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, INT64_MAX);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, INT64_MAX, -1), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, MEDIATE_MONEY_MIN);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, 0, INT64_MAX), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 0);
	v = 5;
	CU_ASSERT_EQUAL(mediate_money_mul(&v, INT64_MAX, 2), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, INT64_MAX / 2 + 1, 2), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, (int64_t)1 << 32, (int64_t)1 << 31), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, -((int64_t)1 << 62), 2), MEDIATE_ERANGE); /* would be INT64_MIN */
	CU_ASSERT_EQUAL(mediate_money_mul(&v, INT64_MIN, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, 1, INT64_MIN), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul(&v, 0, INT64_MIN), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(v, 5);
	CU_ASSERT_EQUAL(mediate_money_mul(NULL, 1, 1), MEDIATE_EINVAL);
}

static void
test_mul_ratio_rounding(void)
{
	int64_t v = 9;

	/* Half away from zero, both signs. */
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 5, 1, 2), MEDIATE_OK);   /* 2.5 -> 3 */
	CU_ASSERT_EQUAL(v, 3);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, -5, 1, 2), MEDIATE_OK);  /* -2.5 -> -3 */
	CU_ASSERT_EQUAL(v, -3);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 5, -1, 2), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -3);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, -5, -1, 2), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 3);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 7, 1, 3), MEDIATE_OK);   /* 2.33 -> 2 */
	CU_ASSERT_EQUAL(v, 2);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 8, 1, 3), MEDIATE_OK);   /* 2.67 -> 3 */
	CU_ASSERT_EQUAL(v, 3);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, -7, 1, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -2);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, -8, 1, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -3);
	/* Per-mille: 1,234.55 yuan at 15 per mille = 18.51825 -> 18.52 yuan. */
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 123455, 15, 1000), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 1852);
	/* Proration: 3,000 yuan for 10 of 31 days = 967.741... -> 967.74. */
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 300000, 10, 31), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 96774);
	/* 0.005 yuan rounds to 0.01, -0.005 to -0.01. */
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 1, 500, 1000), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 1);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, -1, 500, 1000), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, -1);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, -1, 499, 1000), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, 0);
	/* Intermediate products beyond 64 bits are exact. */
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, INT64_MAX, INT64_MAX, INT64_MAX), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, INT64_MAX);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, INT64_MAX, -3, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(v, MEDIATE_MONEY_MIN);

	v = 9;
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, INT64_MAX, 3, 2), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, INT64_MIN, 1, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 1, INT64_MIN, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 100, 1, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(&v, 100, 1, -3), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(v, 9);
	CU_ASSERT_EQUAL(mediate_money_mul_ratio(NULL, 100, 1, 3), MEDIATE_EINVAL);
}

static int64_t
sum(const int64_t *p, size_t n)
{
	int64_t s = 0;
	size_t i;
	for (i = 0; i < n; i++)
		s += p[i];
	return s;
}

static void
test_split(void)
{
	int64_t parts[8];
	const uint32_t equal3[] = { 1, 1, 1 };
	const uint32_t team[] = { 50, 30, 20 };      /* lead, second, assistant */
	const uint32_t zero_mid[] = { 1, 0, 1 };
	const uint32_t zeros[] = { 0, 0 };
	const uint32_t big[] = { UINT32_MAX, UINT32_MAX, 1 };
	int64_t total;

	/* 100 fen in three: ties go to the lower index. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, 100, equal3, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], 34);
	CU_ASSERT_EQUAL(parts[1], 33);
	CU_ASSERT_EQUAL(parts[2], 33);
	/* 101 fen in three: 33.67 each, two extra fen to indices 0 and 1. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, 101, equal3, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], 34);
	CU_ASSERT_EQUAL(parts[1], 34);
	CU_ASSERT_EQUAL(parts[2], 33);
	/* Negative totals mirror positive ones and still add up. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, -100, equal3, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], -34);
	CU_ASSERT_EQUAL(parts[1], -33);
	CU_ASSERT_EQUAL(parts[2], -33);
	CU_ASSERT_EQUAL(sum(parts, 3), -100);
	/* A team award of 1,000.01 yuan split 50/30/20. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, 100001, team, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], 50001);   /* 50000.5: largest remainder */
	CU_ASSERT_EQUAL(parts[1], 30000);   /* 30000.3 */
	CU_ASSERT_EQUAL(parts[2], 20000);   /* 20000.2 */
	CU_ASSERT_EQUAL(sum(parts, 3), 100001);
	/* Largest remainder, not lowest index: 7 in 20/30/50 = 1.4, 2.1, 3.5. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, 7, (const uint32_t[]){ 20, 30, 50 }, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], 1);
	CU_ASSERT_EQUAL(parts[1], 2);
	CU_ASSERT_EQUAL(parts[2], 4);
	CU_ASSERT_EQUAL(mediate_money_split(parts, -7, (const uint32_t[]){ 20, 30, 50 }, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], -1);
	CU_ASSERT_EQUAL(parts[1], -2);
	CU_ASSERT_EQUAL(parts[2], -4);
	/* A zero weight gets nothing. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, 3, zero_mid, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], 2);
	CU_ASSERT_EQUAL(parts[1], 0);
	CU_ASSERT_EQUAL(parts[2], 1);
	/* Zero total, one part, extremes. */
	CU_ASSERT_EQUAL(mediate_money_split(parts, 0, team, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0] | parts[1] | parts[2], 0);
	CU_ASSERT_EQUAL(mediate_money_split(parts, -5, team, 1), MEDIATE_OK);
	CU_ASSERT_EQUAL(parts[0], -5);
	for (total = -1000; total <= 1000; total += 37) {
		CU_ASSERT_EQUAL(mediate_money_split(parts, total, team, 3), MEDIATE_OK);
		CU_ASSERT_EQUAL(sum(parts, 3), total);
		CU_ASSERT_EQUAL(mediate_money_split(parts, total, equal3, 3), MEDIATE_OK);
		CU_ASSERT_EQUAL(sum(parts, 3), total);
	}
	CU_ASSERT_EQUAL(mediate_money_split(parts, INT64_MAX, big, 3), MEDIATE_OK);
	CU_ASSERT(parts[0] - parts[1] >= 0 && parts[0] - parts[1] <= 1 && parts[1] > 0 && parts[2] >= 0);
	CU_ASSERT_EQUAL((__int128)parts[0] + parts[1] + parts[2], (__int128)INT64_MAX);
	CU_ASSERT_EQUAL(mediate_money_split(parts, MEDIATE_MONEY_MIN, big, 3), MEDIATE_OK);
	CU_ASSERT_EQUAL((__int128)parts[0] + parts[1] + parts[2], -(__int128)INT64_MAX);

	/* Refusals leave the parts alone. */
	parts[0] = parts[1] = 42;
	CU_ASSERT_EQUAL(mediate_money_split(parts, 100, zeros, 2), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_money_split(parts, INT64_MIN, team, 2), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_split(parts, 100, team, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_money_split(parts, 100, NULL, 2), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_money_split(NULL, 100, team, 2), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(parts[0], 42);
	CU_ASSERT_EQUAL(parts[1], 42);
}

static void
test_parse(void)
{
	static const struct {
		const char *text;
		int64_t fen;
	} good[] = {
		{ "1234.56", 123456 }, { "0.05", 5 }, { "-0.5", -50 }, { "+3", 300 }, { "0", 0 },
		{ "-0", 0 }, { "12", 1200 }, { "12.3", 1230 }, { "007.10", 710 },
		{ "92233720368547758.07", INT64_MAX }, { "-92233720368547758.07", MEDIATE_MONEY_MIN },
	};
	static const struct {
		const char *text;
		int code;
	} bad[] = {
		{ "1.234", MEDIATE_EPARSE }, { "1,", MEDIATE_EPARSE }, { "", MEDIATE_EPARSE },
		{ "abc", MEDIATE_EPARSE }, { "1e3", MEDIATE_EPARSE }, { "1,234.00", MEDIATE_EPARSE },
		{ " 12", MEDIATE_EPARSE }, { "12 ", MEDIATE_EPARSE }, { ".5", MEDIATE_EPARSE },
		{ "5.", MEDIATE_EPARSE }, { "-", MEDIATE_EPARSE }, { "+-1", MEDIATE_EPARSE },
		{ "--1", MEDIATE_EPARSE }, { "¥12", MEDIATE_EPARSE }, { "12元", MEDIATE_EPARSE },
		{ "0x10", MEDIATE_EPARSE }, { "NaN", MEDIATE_EPARSE }, { "1.2.3", MEDIATE_EPARSE },
		{ "92233720368547758.08", MEDIATE_ERANGE }, { "-92233720368547758.08", MEDIATE_ERANGE },
		{ "92233720368547759", MEDIATE_ERANGE },
		{ "99999999999999999999999999999999999999999999", MEDIATE_ERANGE },
	};
	size_t i;
	int64_t v;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		v = -1;
		CU_ASSERT_EQUAL(mediate_money_parse(&v, good[i].text), MEDIATE_OK);
		CU_ASSERT_EQUAL(v, good[i].fen);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = 4242;
		CU_ASSERT_EQUAL(mediate_money_parse(&v, bad[i].text), bad[i].code);
		CU_ASSERT_EQUAL(v, 4242);
		CU_ASSERT_EQUAL(mediate_error_last()->code, bad[i].code);
	}
	CU_ASSERT_EQUAL(mediate_money_parse(NULL, "1"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_money_parse(&v, NULL), MEDIATE_EINVAL);
}

static void
test_format(void)
{
	static const struct {
		int64_t fen;
		const char *text;
	} cases[] = {
		{ 123456, "1234.56" }, { 5, "0.05" }, { -50, "-0.50" }, { 300, "3.00" }, { 0, "0.00" },
		{ -1, "-0.01" }, { 1, "0.01" }, { 100, "1.00" }, { -100, "-1.00" },
		{ INT64_MAX, "92233720368547758.07" }, { MEDIATE_MONEY_MIN, "-92233720368547758.07" },
	};
	char buf[MEDIATE_MONEY_BUFSIZE];
	char small[8];
	size_t i;
	int64_t back;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CU_ASSERT_EQUAL(mediate_money_format(buf, sizeof buf, cases[i].fen), MEDIATE_OK);
		CU_ASSERT_STRING_EQUAL(buf, cases[i].text);
		CU_ASSERT_EQUAL(mediate_money_parse(&back, buf), MEDIATE_OK);
		CU_ASSERT_EQUAL(back, cases[i].fen);
	}
	/* Exactly enough room, then one byte short. */
	CU_ASSERT_EQUAL(mediate_money_format(small, 8, 123456), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(small, "1234.56");
	memcpy(small, "xxxxxxx", 8);
	CU_ASSERT_EQUAL(mediate_money_format(small, 7, 123456), MEDIATE_EBUFSIZE);
	CU_ASSERT_STRING_EQUAL(small, "xxxxxxx");
	CU_ASSERT_EQUAL(mediate_money_format(small, 0, 0), MEDIATE_EBUFSIZE);
	CU_ASSERT_EQUAL(mediate_money_format(small, 5, -1), MEDIATE_EBUFSIZE);  /* "-0.01" needs 6 */
	CU_ASSERT_EQUAL(mediate_money_format(small, 6, -1), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(small, "-0.01");
	CU_ASSERT_EQUAL(mediate_money_format(buf, sizeof buf, INT64_MIN), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(mediate_money_format(NULL, 32, 1), MEDIATE_EINVAL);
}

int
suite_money(void)
{
	TEST_SUITE(s, "money");
	TEST_ADD(s, test_add_sub_boundaries);
	TEST_ADD(s, test_mul);
	TEST_ADD(s, test_mul_ratio_rounding);
	TEST_ADD(s, test_split);
	TEST_ADD(s, test_parse);
	TEST_ADD(s, test_format);
	return 0;
}
