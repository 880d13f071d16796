/* SPDX-License-Identifier: MIT */
/* UTF-8 validation at the boundary (RFC 3629). */
#include "config.h"

#include <string.h>

#include "suites.h"
#include "testutil.h"

static void
test_valid(void)
{
	static const char *const good[] = {
		"", "Lao Pan studio", "老潘调解工作室", "浙江省宁波市鄞州区钟公庙街道",
		"邻里纠纷 / Neighbour dispute", "¥1,234.56", "ẞ ǅ €",
		"\xF0\x9F\x98\x80",            /* U+1F600, 4 bytes */
		"\xF4\x8F\xBF\xBF",            /* U+10FFFF, the last code point */
		"\xEF\xBF\xBF",                /* U+FFFF */
		"\xEE\x80\x80",                /* U+E000, after the surrogates */
		"\xED\x9F\xBF",                /* U+D7FF, before them */
		"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xF0\x90\x80\x80",
		"\t\r\n\x01\x7F",
	};
	size_t i, bad = 77, n = 0;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		bad = 77;
		CU_ASSERT_EQUAL(mediate_utf8_validate(good[i], strlen(good[i]), &bad), MEDIATE_OK);
		CU_ASSERT_EQUAL(bad, 77);
	}
	CU_ASSERT_EQUAL(mediate_utf8_validate(NULL, 0, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_utf8_length(&n, "老潘 studio", strlen("老潘 studio")), MEDIATE_OK);
	CU_ASSERT_EQUAL(n, 9);
	CU_ASSERT_EQUAL(mediate_utf8_length(&n, "\xF0\x9F\x98\x80", 4), MEDIATE_OK);
	CU_ASSERT_EQUAL(n, 1);
	CU_ASSERT_EQUAL(mediate_utf8_length(&n, "", 0), MEDIATE_OK);
	CU_ASSERT_EQUAL(n, 0);
	/* Only len bytes are read: a valid prefix of an invalid buffer is fine. */
	CU_ASSERT_EQUAL(mediate_utf8_validate("调解\xFF", 6, NULL), MEDIATE_OK);
}

static void
test_invalid(void)
{
	static const struct {
		const char *s;
		size_t len;
		size_t offset;
	} bad[] = {
		{ "\xC0\xAF", 2, 0 },                    /* overlong '/' */
		{ "\xC1\xBF", 2, 0 },                    /* overlong */
		{ "ab\xE0\x80\xAF", 5, 2 },              /* overlong 3-byte */
		{ "\xF0\x80\x80\xAF", 4, 0 },            /* overlong 4-byte */
		{ "\xF0\x8F\xBF\xBF", 4, 0 },            /* overlong U+FFFF */
		{ "\xED\xA0\x80", 3, 0 },                /* U+D800 high surrogate */
		{ "x\xED\xBF\xBF", 4, 1 },               /* U+DFFF low surrogate */
		{ "\xED\xA0\xBD\xED\xB8\x80", 6, 0 },    /* CESU-8 pair */
		{ "\xF4\x90\x80\x80", 4, 0 },            /* U+110000 */
		{ "\xF5\x80\x80\x80", 4, 0 },
		{ "\xF8\x88\x80\x80\x80", 5, 0 },        /* 5-byte form */
		{ "\xFE", 1, 0 }, { "\xFF", 1, 0 },
		{ "\x80", 1, 0 },                        /* lone continuation */
		{ "调\xBF解", 7, 3 },
		{ "调解\xE8\xB0", 8, 6 },                /* truncated at the end */
		{ "调\xE8\xB0解", 8, 3 },                /* truncated in the middle */
		{ "\xF0\x9F\x98", 3, 0 },
		{ "\xC3", 1, 0 },
		{ "\xC3(", 2, 0 },
		{ "老潘\0工作室", 16, 6 },               /* NUL */
		{ "\0", 1, 0 },
	};
	size_t i, off, n = 99;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		off = 12345;
		CU_ASSERT_EQUAL(mediate_utf8_validate(bad[i].s, bad[i].len, &off), MEDIATE_EUTF8);
		CU_ASSERT_EQUAL(off, bad[i].offset);
		CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_EUTF8);
		CU_ASSERT_EQUAL(mediate_utf8_validate(bad[i].s, bad[i].len, NULL), MEDIATE_EUTF8);
		CU_ASSERT_EQUAL(mediate_utf8_length(&n, bad[i].s, bad[i].len), MEDIATE_EUTF8);
		CU_ASSERT_EQUAL(n, 99);
	}
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "NUL"));
	CU_ASSERT_EQUAL(mediate_utf8_validate(NULL, 3, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_utf8_length(NULL, "a", 1), MEDIATE_EINVAL);
}

static void
test_every_two_byte_lead(void)
{
	/* Exhaustively: each lead byte with one continuation byte. */
	unsigned c;
	char s[2];
	for (c = 0x80; c <= 0xFF; c++) {
		s[0] = (char)c;
		s[1] = (char)0x80;
		CU_ASSERT_EQUAL(mediate_utf8_validate(s, 2, NULL),
		                c >= 0xC2 && c <= 0xDF ? MEDIATE_OK : MEDIATE_EUTF8);
	}
}

int
suite_utf8(void)
{
	TEST_SUITE(s, "utf8");
	TEST_ADD(s, test_valid);
	TEST_ADD(s, test_invalid);
	TEST_ADD(s, test_every_two_byte_lead);
	return 0;
}
