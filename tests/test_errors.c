/* SPDX-License-Identifier: MIT */
/* Error codes, messages, the per-thread last error and its formatting. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

static void
test_strerror_every_code(void)
{
	int code;
	for (code = MEDIATE_OK; code >= MEDIATE_EINTERNAL; code--) {
		CU_ASSERT_PTR_NOT_NULL(mediate_strerror(code));
		CU_ASSERT_STRING_NOT_EQUAL(mediate_strerror(code), "unknown error");
		CU_ASSERT_EQUAL(strncmp(mediate_error_name(code), "MEDIATE_", 8), 0);
		CU_ASSERT_STRING_NOT_EQUAL(mediate_error_name(code), "MEDIATE_E?");
	}
	CU_ASSERT_STRING_EQUAL(mediate_strerror(12345), "unknown error");
	CU_ASSERT_STRING_EQUAL(mediate_error_name(-999), "MEDIATE_E?");
	CU_ASSERT_STRING_EQUAL(mediate_error_name(MEDIATE_EINVAL), "MEDIATE_EINVAL");
}

static void
test_codes_are_stable(void)
{
	/* Codes are append-only: their numbers are part of the ABI. */
	CU_ASSERT_EQUAL(MEDIATE_EINVAL, -1);
	CU_ASSERT_EQUAL(MEDIATE_ENOMEM, -2);
	CU_ASSERT_EQUAL(MEDIATE_ERANGE, -3);
	CU_ASSERT_EQUAL(MEDIATE_EPARSE, -4);
	CU_ASSERT_EQUAL(MEDIATE_EVALIDATE, -5);
	CU_ASSERT_EQUAL(MEDIATE_ELIMIT, -6);
	CU_ASSERT_EQUAL(MEDIATE_EUTF8, -7);
	CU_ASSERT_EQUAL(MEDIATE_ENOTFOUND, -8);
	CU_ASSERT_EQUAL(MEDIATE_EEXISTS, -9);
	CU_ASSERT_EQUAL(MEDIATE_ESTATE, -10);
	CU_ASSERT_EQUAL(MEDIATE_EIO, -11);
	CU_ASSERT_EQUAL(MEDIATE_ESTORE, -12);
	CU_ASSERT_EQUAL(MEDIATE_EREFUSED, -13);
	CU_ASSERT_EQUAL(MEDIATE_EINFEASIBLE, -14);
	CU_ASSERT_EQUAL(MEDIATE_ETAMPER, -15);
	CU_ASSERT_EQUAL(MEDIATE_EBUFSIZE, -16);
	CU_ASSERT_EQUAL(MEDIATE_EINTERNAL, -17);
}

static void
test_last_error_set_and_clear(void)
{
	int64_t v;
	mediate_error_clear();
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_money_parse(&v, "12.345"), MEDIATE_EPARSE);
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_EPARSE);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "12.345"));
	mediate_error_clear();
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_OK);
	CU_ASSERT_STRING_EQUAL(mediate_error_last()->text, "");
}

static void *
thread_body(void *arg)
{
	int64_t v;
	(void)arg;
	mediate_error_clear();
	mediate_money_parse(&v, "abc");
	return (void *)(intptr_t)mediate_error_last()->code;
}

static void
test_last_error_is_per_thread(void)
{
	pthread_t t;
	void *res;
	int64_t out;
	mediate_error_clear();
	CU_ASSERT_EQUAL(mediate_money_add(&out, INT64_MAX, 1), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(pthread_create(&t, NULL, thread_body, NULL), 0);
	CU_ASSERT_EQUAL(pthread_join(t, &res), 0);
	CU_ASSERT_EQUAL((int)(intptr_t)res, MEDIATE_EPARSE);
	/* This thread still sees its own error. */
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_ERANGE);
}

static void
test_format(void)
{
	mediate_error e;
	char buf[256];
	size_t n;

	memset(&e, 0, sizeof e);
	e.version = MEDIATE_ERROR_VERSION;
	e.code = MEDIATE_EVALIDATE;
	strcpy(e.file, "county.yaml");
	e.line = 12;
	e.column = 5;
	strcpy(e.path, "org[3].parent");
	strcpy(e.text, "unknown parent unit \"YZ-XX\"");
	n = mediate_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "county.yaml:12:5: org[3].parent: unknown parent unit \"YZ-XX\"");
	CU_ASSERT_EQUAL(n, strlen(buf));
	/* Truncation reports the length needed, like snprintf. */
	n = mediate_error_format(buf, 8, &e);
	CU_ASSERT_EQUAL(strlen(buf), 7);
	CU_ASSERT(n > 7);
	/* Unknown parts are left out. */
	e.file[0] = '\0';
	e.line = e.column = 0;
	e.path[0] = '\0';
	mediate_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "unknown parent unit \"YZ-XX\"");
	e.text[0] = '\0';
	mediate_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "invalid content");
	CU_ASSERT_EQUAL(mediate_error_format(buf, sizeof buf, NULL), 0);
}

static void
test_version_agrees(void)
{
	char expect[32];
	snprintf(expect, sizeof expect, "%d.%d.%d", MEDIATE_VERSION_MAJOR, MEDIATE_VERSION_MINOR,
	         MEDIATE_VERSION_PATCH);
	CU_ASSERT_STRING_EQUAL(mediate_version(), MEDIATE_VERSION_STRING);
	CU_ASSERT_STRING_EQUAL(mediate_version(), expect);
	CU_ASSERT_EQUAL(mediate_version_number(), MEDIATE_VERSION_NUMBER);
	CU_ASSERT_EQUAL(mediate_version_number(),
	                (unsigned)((MEDIATE_VERSION_MAJOR << 16) | (MEDIATE_VERSION_MINOR << 8) | MEDIATE_VERSION_PATCH));
}

int
suite_errors(void)
{
	TEST_SUITE(s, "errors");
	TEST_ADD(s, test_strerror_every_code);
	TEST_ADD(s, test_codes_are_stable);
	TEST_ADD(s, test_last_error_set_and_clear);
	TEST_ADD(s, test_last_error_is_per_thread);
	TEST_ADD(s, test_format);
	TEST_ADD(s, test_version_agrees);
	return 0;
}
