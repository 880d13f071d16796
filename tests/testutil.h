/* SPDX-License-Identifier: MIT */
/* Helpers shared by the CUnit suites. */
#ifndef MEDIATE_TESTUTIL_H
#define MEDIATE_TESTUTIL_H

#include <CUnit/CUnit.h>
#include <stddef.h>

#include "mediate.h"

/* Absolute path of a file under tests/data (static buffer, per call). */
const char *test_data(const char *relative);
/* Absolute path of a file under examples/data. */
const char *example_data(const char *relative);
/* Directory of the YAML test suite, or NULL when it is not available. */
const char *yaml_test_suite_dir(void);
/* Reads a whole file; the caller frees it with free(). NULL on failure. */
char *test_read_file(const char *path, size_t *len);

/* Adds a suite or returns the CUnit error from the calling function. */
#define TEST_SUITE(var, name) \
	CU_pSuite var = CU_add_suite((name), NULL, NULL); \
	if (var == NULL) return CU_get_error()
#define TEST_ADD(suite, fn) \
	if (CU_add_test((suite), #fn, (fn)) == NULL) return CU_get_error()

#endif
