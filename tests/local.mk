# SPDX-License-Identifier: MIT
if HAVE_CUNIT
check_PROGRAMS += tests/test_mediate
TESTS += tests/test_mediate

tests_test_mediate_SOURCES = \
	tests/main.c \
	tests/suites.h \
	tests/testutil.h \
	tests/test_errors.c
tests_test_mediate_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_DATA_DIR='"$(abs_top_srcdir)/tests/data"' \
	-DEXAMPLE_DATA_DIR='"$(abs_top_srcdir)/examples/data"' \
	-DYAML_TEST_SUITE_DIR='"$(abs_top_srcdir)/../shared/corpora/yaml-test-suite"'
tests_test_mediate_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_mediate_LDADD = $(MEDIATE_CORE_LIBS) $(CUNIT_LIBS)
endif

EXTRA_DIST += tests/data
