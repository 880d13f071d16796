/* SPDX-License-Identifier: MIT */
/*
 * The CUnit suites, one per module.  To add one: write tests/test_NAME.c
 * defining "int suite_NAME(void)" (it adds a CU suite and its tests and
 * returns 0, or a CUnit error), list it here, and add the file to
 * tests/local.mk.
 */
#ifndef MEDIATE_TEST_SUITES_H
#define MEDIATE_TEST_SUITES_H

#define MEDIATE_TEST_SUITES(X) \
	X(errors) \
	X(grade) \
	X(pay) \
	X(case) \
	X(case_yaml) \
	X(calendar) \
	X(route) \
	X(route_store) \
	X(common) \
	X(money) \
	X(time) \
	X(utf8) \
	X(id) \
	X(ydoc) \
	X(policy) \
	X(yaml_suite) \
	X(assign) \
	X(match) \
	X(roster) \
	X(rating)

#define X(name) int suite_##name(void);
MEDIATE_TEST_SUITES(X)
#undef X

#endif
