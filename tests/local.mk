# SPDX-License-Identifier: MIT
if HAVE_CUNIT
check_PROGRAMS += tests/test_mediate
TESTS += tests/test_mediate

tests_test_mediate_SOURCES = \
	tests/main.c \
	tests/suites.h \
	tests/testutil.h \
	tests/test_errors.c \
	tests/test_grade.c \
	tests/test_pay.c \
	tests/test_case.c \
	tests/test_case_yaml.c \
	tests/test_calendar.c \
	tests/test_route.c \
	tests/test_route_store.c \
	tests/test_alloc_hooks.c \
	tests/test_money.c \
	tests/test_time.c \
	tests/test_utf8.c \
	tests/test_id.c \
	tests/test_ydoc.c \
	tests/test_policy.c \
	tests/test_assign.c \
	tests/test_match.c \
	tests/test_roster.c \
	tests/test_rating.c
tests_test_mediate_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_DATA_DIR='"$(abs_top_srcdir)/tests/data"' \
	-DEXAMPLE_DATA_DIR='"$(abs_top_srcdir)/examples/data"' \
	-DYAML_TEST_SUITE_DIR='"$(abs_top_srcdir)/../shared/corpora/yaml-test-suite"'
tests_test_mediate_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_mediate_LDADD = $(MEDIATE_CORE_LIBS) $(CUNIT_LIBS)
endif

EXTRA_DIST += tests/data

# ---- allocation failure (tests/test_alloc.c) ----
# A program of its own (no CUnit): it replaces malloc for the whole process.
check_PROGRAMS += tests/test_alloc
TESTS += tests/test_alloc
tests_test_alloc_SOURCES = tests/test_alloc.c
tests_test_alloc_CPPFLAGS = $(AM_CPPFLAGS) -DTEST_DATA_DIR='"$(abs_top_srcdir)/tests/data"'
tests_test_alloc_LDADD = $(MEDIATE_CORE_LIBS)

# ---- public headers and exported symbols ----
TESTS += tests/check-headers.sh tests/check-exports.sh
EXTRA_DIST += tests/check-headers.sh tests/check-exports.sh
check_SCRIPTS += tests/check.env
CLEANFILES += tests/check.env

tests/check.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests && { \
	  echo '# Written by make (tests/local.mk) for tests/check-*.sh.'; \
	  echo 'abs_top_srcdir="$(abs_top_srcdir)"'; \
	  echo 'abs_top_builddir="$(abs_top_builddir)"'; \
	  echo 'CC="$(CC)"'; \
	  echo 'CXX="$(CXX)"'; \
	  echo 'NM="$(NM)"'; \
	} > $@.tmp && mv -f $@.tmp $@

# ---- make check-memory: valgrind and ASan/UBSan ----
# check-valgrind runs the C test programs under valgrind.  test_alloc
# replaces malloc itself; --soname-synonyms keeps valgrind's malloc in libc
# only, under ours.  check-asan configures a second build of the same
# sources in _asan with the sanitizers and runs `make check` there.  From an
# in-tree build the source directory is configured already, which configure
# refuses for a second build; the sources are then copied with `make
# distdir` first.
VALGRIND_FLAGS = --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite,indirect,possible -q
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer
ASAN_DIR = $(abs_top_builddir)/_asan
YAML_TEST_SUITE = $(abs_top_srcdir)/../shared/corpora/yaml-test-suite

.PHONY: check-memory check-valgrind check-asan clean-asan
check-memory: check-valgrind check-asan

check-valgrind: tests/test_mediate tests/test_alloc
	@if test "x$(VALGRIND)" = xno || test -z "$(VALGRIND)"; then \
	  echo "check-valgrind: valgrind was not found by configure"; exit 1; fi
	$(LIBTOOL) --mode=execute $(VALGRIND) $(VALGRIND_FLAGS) tests/test_mediate
	$(LIBTOOL) --mode=execute $(VALGRIND) $(VALGRIND_FLAGS) --soname-synonyms=somalloc=nouserintercepts tests/test_alloc
	@echo "check-valgrind: clean"

check-asan:
	@set -e; \
	if test -f "$(abs_top_srcdir)/config.status" && test "$(abs_top_srcdir)" != "$(ASAN_DIR)/src"; then \
	  rm -rf "$(ASAN_DIR)/src"; $(MKDIR_P) "$(ASAN_DIR)"; \
	  $(MAKE) $(AM_MAKEFLAGS) distdir distdir="$(ASAN_DIR)/src"; \
	  src="$(ASAN_DIR)/src"; \
	else \
	  src="$(abs_top_srcdir)"; \
	fi; \
	$(MKDIR_P) "$(ASAN_DIR)/build"; cd "$(ASAN_DIR)/build"; \
	if test ! -f config.status || test "$$src/configure" -nt config.status; then \
	  "$$src/configure" -q --disable-python --disable-java \
	    CC="$(CC)" CXX="$(CXX)" CFLAGS="$(ASAN_FLAGS)" CXXFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)"; \
	fi; \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
	MEDIATE_YAML_TEST_SUITE="$(YAML_TEST_SUITE)" \
	  $(MAKE) $(AM_MAKEFLAGS) check; \
	echo "check-asan: clean"

clean-asan:
	-rm -rf "$(ASAN_DIR)"
clean-local: clean-asan
