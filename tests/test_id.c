/* SPDX-License-Identifier: MIT */
/* Identifiers: UUIDs in canonical text. */
#include "config.h"

#include <string.h>

#include "suites.h"
#include "testutil.h"

static void
test_generate_unique(void)
{
	enum { N = 200 };
	static mediate_id ids[N];
	char text[MEDIATE_ID_BUFSIZE];
	size_t i, j;

	for (i = 0; i < N; i++) {
		CU_ASSERT_EQUAL_FATAL(mediate_id_generate(&ids[i]), MEDIATE_OK);
		CU_ASSERT_FALSE(mediate_id_is_nil(&ids[i]));
		/* Version 4, RFC 4122 variant. */
		CU_ASSERT_EQUAL(ids[i].bytes[6] >> 4, 4);
		CU_ASSERT_EQUAL(ids[i].bytes[8] & 0xC0, 0x80);
		CU_ASSERT_EQUAL(mediate_id_format(text, sizeof text, &ids[i]), MEDIATE_OK);
		CU_ASSERT_EQUAL(text[14], '4');
	}
	for (i = 0; i < N; i++)
		for (j = i + 1; j < N; j++)
			CU_ASSERT_NOT_EQUAL(mediate_id_compare(&ids[i], &ids[j]), 0);
	CU_ASSERT_EQUAL(mediate_id_generate(NULL), MEDIATE_EINVAL);
}

static void
test_roundtrip(void)
{
	mediate_id a, b;
	char text[MEDIATE_ID_BUFSIZE], again[MEDIATE_ID_BUFSIZE];

	CU_ASSERT_EQUAL(mediate_id_parse(&a, "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b"), MEDIATE_OK);
	CU_ASSERT_EQUAL(a.bytes[0], 0x3f);
	CU_ASSERT_EQUAL(a.bytes[15], 0x3b);
	CU_ASSERT_EQUAL(mediate_id_format(text, sizeof text, &a), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(text, "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b");
	/* Upper case is accepted and written back in lower case. */
	CU_ASSERT_EQUAL(mediate_id_parse(&b, "3F2B8C9E-0D4A-4F6B-9A51-2C7E8D1F0A3B"), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_id_compare(&a, &b), 0);
	CU_ASSERT_EQUAL(mediate_id_format(again, sizeof again, &b), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(again, text);
	/* A generated one round-trips too. */
	CU_ASSERT_EQUAL(mediate_id_generate(&a), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_id_format(text, sizeof text, &a), MEDIATE_OK);
	CU_ASSERT_EQUAL(strlen(text), 36);
	CU_ASSERT_EQUAL(mediate_id_parse(&b, text), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_id_compare(&a, &b), 0);
	/* Ordering is by bytes. */
	CU_ASSERT_EQUAL(mediate_id_parse(&a, "00000000-0000-0000-0000-000000000001"), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_id_parse(&b, "00000000-0000-0000-0000-000000000002"), MEDIATE_OK);
	CU_ASSERT(mediate_id_compare(&a, &b) < 0);
	CU_ASSERT(mediate_id_compare(&b, &a) > 0);
	CU_ASSERT_EQUAL(mediate_id_compare(NULL, NULL), 0);
	CU_ASSERT(mediate_id_compare(NULL, &a) < 0);
	CU_ASSERT(mediate_id_compare(&a, NULL) > 0);
	/* Too small a buffer. */
	memset(text, 'x', sizeof text);
	CU_ASSERT_EQUAL(mediate_id_format(text, MEDIATE_ID_BUFSIZE - 1, &a), MEDIATE_EBUFSIZE);
	CU_ASSERT_EQUAL(text[0], 'x');
	CU_ASSERT_EQUAL(mediate_id_format(NULL, 64, &a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_id_format(text, sizeof text, NULL), MEDIATE_EINVAL);
}

static void
test_sloppy_forms_refused(void)
{
	static const char *const bad[] = {
		"", "3f2b8c9e0d4a4f6b9a512c7e8d1f0a3b",             /* no hyphens */
		"{3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b}",           /* braces */
		"urn:uuid:3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b",
		"3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b ", " 3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b",
		"3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3", "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3bb",
		"3f2b8c9e-0d4a-4f6b-9a512c7e-8d1f0a3b", "3f2b8c9g-0d4a-4f6b-9a51-2c7e8d1f0a3b",
		"3f2b8c9e_0d4a_4f6b_9a51_2c7e8d1f0a3b", "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3\xE8",
		"案件编号-0d4a-4f6b-9a51-2c7e8d1f0a3b",
	};
	mediate_id id;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&id, 0xAB, sizeof id);
		CU_ASSERT_EQUAL(mediate_id_parse(&id, bad[i]), MEDIATE_EPARSE);
		CU_ASSERT_EQUAL(id.bytes[0], 0xAB);
		CU_ASSERT_EQUAL(id.bytes[15], 0xAB);
	}
	CU_ASSERT_EQUAL(mediate_id_parse(NULL, "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_id_parse(&id, NULL), MEDIATE_EINVAL);
}

static void
test_nil(void)
{
	mediate_id id;
	char text[MEDIATE_ID_BUFSIZE];

	memset(&id, 0, sizeof id);
	CU_ASSERT_TRUE(mediate_id_is_nil(&id));
	CU_ASSERT_EQUAL(mediate_id_format(text, sizeof text, &id), MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(text, "00000000-0000-0000-0000-000000000000");
	CU_ASSERT_EQUAL(mediate_id_parse(&id, "00000000-0000-0000-0000-000000000001"), MEDIATE_OK);
	CU_ASSERT_FALSE(mediate_id_is_nil(&id));
	CU_ASSERT_EQUAL(mediate_id_parse(&id, "00000000-0000-0000-0000-000000000000"), MEDIATE_OK);
	CU_ASSERT_TRUE(mediate_id_is_nil(&id));
}

int
suite_id(void)
{
	TEST_SUITE(s, "id");
	TEST_ADD(s, test_generate_unique);
	TEST_ADD(s, test_roundtrip);
	TEST_ADD(s, test_sloppy_forms_refused);
	TEST_ADD(s, test_nil);
	return 0;
}
