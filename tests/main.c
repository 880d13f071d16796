/* SPDX-License-Identifier: MIT */
/*
 * The C test runner: registers one CUnit suite per module and returns
 * non-zero when any test failed or could not run.
 *
 *   test_mediate            run every suite
 *   test_mediate SUITE...   run only the named suites
 */
#include "config.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

static char pathbuf[8][4096];
static int pathslot;

static const char *
join(const char *dir, const char *rel)
{
	char *b = pathbuf[pathslot++ % 8];
	snprintf(b, sizeof pathbuf[0], "%s/%s", dir, rel);
	return b;
}

const char *
test_data(const char *rel)
{
	const char *dir = getenv("MEDIATE_TEST_DATA");
	return join(dir != NULL ? dir : TEST_DATA_DIR, rel);
}

const char *
example_data(const char *rel)
{
	const char *dir = getenv("MEDIATE_EXAMPLE_DATA");
	return join(dir != NULL ? dir : EXAMPLE_DATA_DIR, rel);
}

const char *
yaml_test_suite_dir(void)
{
	const char *dir = getenv("MEDIATE_YAML_TEST_SUITE");
	FILE *f;
	if (dir == NULL)
		dir = YAML_TEST_SUITE_DIR;
	f = fopen(join(dir, "229Q/in.yaml"), "rb");
	if (f == NULL)
		return NULL;
	fclose(f);
	return dir;
}

char *
test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (n + 65536 + 1 > cap) {
			char *nb;
			cap = cap ? cap * 2 : 131072;
			nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, 65536, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

static const struct {
	const char *name;
	int (*add)(void);
} all[] = {
#define X(name) { #name, suite_##name },
	MEDIATE_TEST_SUITES(X)
#undef X
};

int
main(int argc, char **argv)
{
	size_t i;
	int j, rc;
	unsigned failed, inactive, run;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		int wanted = argc < 2;
		for (j = 1; j < argc; j++)
			if (strcmp(argv[j], all[i].name) == 0)
				wanted = 1;
		if (!wanted)
			continue;
		if ((rc = all[i].add()) != CUE_SUCCESS) {
			fprintf(stderr, "cannot register suite %s: %s\n", all[i].name, CU_get_error_msg());
			CU_cleanup_registry();
			return 2;
		}
	}
	CU_basic_set_mode(CU_BRM_NORMAL);
	CU_set_fail_on_inactive(CU_TRUE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_suites_failed();
	inactive = CU_get_number_of_tests_inactive() + CU_get_number_of_suites_inactive();
	run = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	if (run == 0) {
		fprintf(stderr, "no test ran\n");
		return 1;
	}
	return failed > 0 || inactive > 0 ? 1 : 0;
}
