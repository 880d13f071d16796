# SPDX-License-Identifier: MIT
# Bindings: one SWIG interface (bindings/mediate.i + one .i per module) for
# Python and Java, a hand-written idiomatic layer per language, tests run
# under `make check` through launchers that point at the build tree, and a
# check that every exported function is wrapped and tested in both.
# How a module adds its part: bindings/README.md.

# ---- the lists a module appends to ----

# Every SWIG interface file (bindings/<module>.i).
BINDINGS_SWIG_FILES = \
	bindings/mediate.i \
	bindings/python/mediate_python.i \
	bindings/java/mediate_java.i \
	bindings/core.i \
	bindings/policy.i \
	bindings/case.i \
	bindings/grade.i \
	bindings/match.i \
	bindings/route.i \
	bindings/route_store.i \
	bindings/pay.i \
	bindings/roster.i \
	bindings/rating.i
# The Python package (installed as the package "mediate").
BINDINGS_PY_FILES = \
	bindings/python/mediate/__init__.py \
	bindings/python/mediate/_errors.py \
	bindings/python/mediate/_owner.py \
	bindings/python/mediate/_caselist.py \
	bindings/python/mediate/case.py \
	bindings/python/mediate/grade.py \
	bindings/python/mediate/match.py \
	bindings/python/mediate/route.py \
	bindings/python/mediate/route_store.py \
	bindings/python/mediate/pay.py \
	bindings/python/mediate/roster.py \
	bindings/python/mediate/rating.py
# Python tests: bindings/python/tests/test_<module>.py (unittest, discovered).
BINDINGS_PY_TESTS = \
	bindings/python/tests/bindtest.py \
	bindings/python/tests/test_core.py \
	bindings/python/tests/test_policy.py \
	bindings/python/tests/test_route.py \
	bindings/python/tests/test_route_store.py \
	bindings/python/tests/test_case.py \
	bindings/python/tests/test_grade.py \
	bindings/python/tests/test_match.py \
	bindings/python/tests/test_rating.py \
	bindings/python/tests/test_pay.py \
	bindings/python/tests/test_roster.py
# Hand-written Java classes (package org.libmediate).
BINDINGS_JAVA_FILES = \
	bindings/java/src/org/libmediate/Category.java \
	bindings/java/src/org/libmediate/Civil.java \
	bindings/java/src/org/libmediate/Ids.java \
	bindings/java/src/org/libmediate/LoadOptions.java \
	bindings/java/src/org/libmediate/Mediate.java \
	bindings/java/src/org/libmediate/MediateError.java \
	bindings/java/src/org/libmediate/MediateException.java \
	bindings/java/src/org/libmediate/Money.java \
	bindings/java/src/org/libmediate/NativeStrings.java \
	bindings/java/src/org/libmediate/Owned.java \
	bindings/java/src/org/libmediate/Policy.java \
	bindings/java/src/org/libmediate/Time.java \
	bindings/java/src/org/libmediate/Unit.java \
	bindings/java/src/org/libmediate/UnitKind.java \
	bindings/java/src/org/libmediate/Utf8.java \
	bindings/java/src/org/libmediate/Case.java \
	bindings/java/src/org/libmediate/Level.java \
	bindings/java/src/org/libmediate/Grade.java \
	bindings/java/src/org/libmediate/Matcher.java \
	bindings/java/src/org/libmediate/MatchResult.java \
	bindings/java/src/org/libmediate/MatchBatch.java \
	bindings/java/src/org/libmediate/MatchTeam.java \
	bindings/java/src/org/libmediate/WorkCalendar.java \
	bindings/java/src/org/libmediate/Route.java \
	bindings/java/src/org/libmediate/RouteStore.java \
	bindings/java/src/org/libmediate/Order.java \
	bindings/java/src/org/libmediate/RouteEvent.java \
	bindings/java/src/org/libmediate/AuditEntry.java \
	bindings/java/src/org/libmediate/Ratings.java \
	bindings/java/src/org/libmediate/Rating.java \
	bindings/java/src/org/libmediate/RatingSummary.java \
	bindings/java/src/org/libmediate/Roster.java \
	bindings/java/src/org/libmediate/Mediator.java \
	bindings/java/src/org/libmediate/Payroll.java \
	bindings/java/src/org/libmediate/Payslip.java
# Java tests: bindings/java/tests/<Name>Test.java (discovered by TestRunner).
BINDINGS_JAVA_TESTS = \
	bindings/java/tests/Check.java \
	bindings/java/tests/CoreTest.java \
	bindings/java/tests/PolicyTest.java \
	bindings/java/tests/RouteTest.java \
	bindings/java/tests/RouteStoreTest.java \
	bindings/java/tests/CaseTest.java \
	bindings/java/tests/GradeTest.java \
	bindings/java/tests/MatchTest.java \
	bindings/java/tests/PayTest.java \
	bindings/java/tests/TestRunner.java \
	bindings/java/tests/RatingTest.java \
	bindings/java/tests/RosterTest.java
# Data shared by the Python and Java tests.
BINDINGS_DATA_FILES = \
	bindings/data/county.yaml \
	bindings/data/grading.yaml \
	bindings/data/match-roster.yaml \
	bindings/data/match-ratings.yaml \
	bindings/data/bad-policy.yaml \
	bindings/data/pay.yaml \
	bindings/data/pay-roster.yaml \
	bindings/data/pay-cases.yaml \
	bindings/data/roster.yaml

# ---- common ----

BINDINGS_DIST = \
	bindings/README.md \
	bindings/env.sh.in \
	bindings/check-coverage.sh \
	bindings/python/run-tests.sh \
	bindings/java/run-tests.sh \
	$(BINDINGS_SWIG_FILES) \
	$(BINDINGS_PY_FILES) \
	$(BINDINGS_PY_TESTS) \
	$(BINDINGS_JAVA_FILES) \
	$(BINDINGS_JAVA_TESTS) \
	$(BINDINGS_DATA_FILES)
EXTRA_DIST += $(BINDINGS_DIST)

BINDINGS_SWIGFLAGS = -Wall -I$(top_srcdir)/bindings -I$(top_srcdir)/include -I$(top_builddir)/include
# The wrappers are regenerated when an interface or a public header changes.
BINDINGS_SWIG_DEPS = $(BINDINGS_SWIG_FILES) $(include_HEADERS) $(mediateinclude_HEADERS) \
	$(nodist_mediateinclude_HEADERS)
# SWIG's generated C is not held to the library's warning flags.
BINDINGS_WRAP_CFLAGS = $(VISIBILITY_CFLAGS) -fno-strict-aliasing -Wno-unused-parameter

if ENABLE_PYTHON
BINDINGS_PY_ENABLED = yes
else
BINDINGS_PY_ENABLED = no
endif
if ENABLE_JAVA
BINDINGS_JAVA_ENABLED = yes
else
BINDINGS_JAVA_ENABLED = no
endif

# The environment of every launcher: paths into the build tree.
bindings/env.sh: $(srcdir)/bindings/env.sh.in Makefile
	$(AM_V_GEN)$(MKDIR_P) bindings && \
	sed -e 's|@abs_top_srcdir[@]|$(abs_top_srcdir)|g' \
	    -e 's|@abs_top_builddir[@]|$(abs_top_builddir)|g' \
	    -e 's|@have_python[@]|$(BINDINGS_PY_ENABLED)|g' \
	    -e 's|@have_java[@]|$(BINDINGS_JAVA_ENABLED)|g' \
	    -e 's|@PYTHON[@]|$(PYTHON)|g' \
	    -e 's|@JAVA[@]|$(JAVA)|g' \
	    -e 's|@JAVAC[@]|$(JAVAC)|g' \
	    -e 's|@NM[@]|$(NM)|g' \
	    -e 's|@BINDINGS_DIST[@]|$(strip $(BINDINGS_DIST))|g' \
	    $(srcdir)/bindings/env.sh.in > $@.tmp && mv -f $@.tmp $@

check_SCRIPTS += bindings/env.sh
TESTS += bindings/check-coverage.sh
CLEANFILES += bindings/env.sh

# ---- Python ----

if ENABLE_PYTHON
mediatepydir = $(pyexecdir)/mediate
mediatepy_LTLIBRARIES = bindings/python/_capi.la
nodist_bindings_python__capi_la_SOURCES = bindings/python/mediate_wrap.c
bindings_python__capi_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(PYTHON_INCLUDE)
bindings_python__capi_la_CFLAGS = $(BINDINGS_WRAP_CFLAGS)
bindings_python__capi_la_LDFLAGS = -module -avoid-version -shared
bindings_python__capi_la_LIBADD = libmediate.la
dist_mediatepy_DATA = $(BINDINGS_PY_FILES)
nodist_mediatepy_DATA = bindings/python/pkg/mediate/capi.py

# SWIG writes capi.py straight into the build-tree package.
bindings/python/mediate_wrap.c: $(BINDINGS_SWIG_DEPS)
	$(AM_V_GEN)$(MKDIR_P) bindings/python/pkg/mediate && \
	$(SWIG) -python -threads $(BINDINGS_SWIGFLAGS) -outdir bindings/python/pkg/mediate \
	  -o $@ $(top_srcdir)/bindings/mediate.i
bindings/python/pkg/mediate/capi.py: bindings/python/mediate_wrap.c
	@test -f $@ || { rm -f bindings/python/mediate_wrap.c; \
	  $(MAKE) $(AM_MAKEFLAGS) bindings/python/mediate_wrap.c; }

# The build-tree package: the sources, capi.py and the extension together.
bindings/python/pkg/mediate/_capi.so: bindings/python/_capi.la \
		bindings/python/pkg/mediate/capi.py $(addprefix $(srcdir)/,$(BINDINGS_PY_FILES))
	$(AM_V_GEN)$(MKDIR_P) bindings/python/pkg/mediate && \
	for f in $(BINDINGS_PY_FILES); do \
	  cp -f $(srcdir)/$$f bindings/python/pkg/mediate/ || exit 1; \
	done && \
	cp -f bindings/python/.libs/_capi.so $@

# bindings/python/pyrun SCRIPT...: runs $(PYTHON) on the build tree.
bindings/python/pyrun: bindings/env.sh bindings/python/pkg/mediate/_capi.so
	$(AM_V_GEN)printf '#!/bin/sh\n# Generated by make: runs Python on the build tree.\n. "%s/bindings/env.sh"\nexec "$$PYTHON" "$$@"\n' \
	  '$(abs_top_builddir)' > $@.tmp && chmod +x $@.tmp && mv -f $@.tmp $@

noinst_SCRIPTS += bindings/python/pyrun
TESTS += bindings/python/run-tests.sh
endif
CLEANFILES += bindings/python/mediate_wrap.c bindings/python/pyrun \
	bindings/python/pkg/mediate/*.py bindings/python/pkg/mediate/*.so

# ---- Java ----

if ENABLE_JAVA
jnilibdir = $(libdir)/jni
jnilib_LTLIBRARIES = bindings/java/libmediate_jni.la
nodist_bindings_java_libmediate_jni_la_SOURCES = bindings/java/mediate_jwrap.c
bindings_java_libmediate_jni_la_CPPFLAGS = $(AM_CPPFLAGS) $(JNI_CFLAGS)
bindings_java_libmediate_jni_la_CFLAGS = $(BINDINGS_WRAP_CFLAGS)
bindings_java_libmediate_jni_la_LDFLAGS = -module -avoid-version -shared
bindings_java_libmediate_jni_la_LIBADD = libmediate.la
mediatejardir = $(datadir)/java
mediatejar_DATA = bindings/java/libmediate.jar

# SWIG's Java classes go to bindings/java/gen (emptied first: stale classes
# of a removed type must not linger).
bindings/java/mediate_jwrap.c: $(BINDINGS_SWIG_DEPS)
	$(AM_V_GEN)rm -f bindings/java/gen/org/libmediate/*.java && \
	$(MKDIR_P) bindings/java/gen/org/libmediate && \
	$(SWIG) -java -package org.libmediate $(BINDINGS_SWIGFLAGS) \
	  -outdir bindings/java/gen/org/libmediate -o $@ $(top_srcdir)/bindings/mediate.i

bindings/java/libmediate.jar: bindings/java/mediate_jwrap.c \
		$(addprefix $(srcdir)/,$(BINDINGS_JAVA_FILES))
	$(AM_V_GEN)rm -f bindings/java/classes/org/libmediate/*.class && \
	$(MKDIR_P) bindings/java/classes && \
	$(JAVAC) -encoding UTF-8 -Xlint:all -Xlint:-serial -nowarn -d bindings/java/classes \
	  bindings/java/gen/org/libmediate/*.java \
	  $(addprefix $(srcdir)/,$(BINDINGS_JAVA_FILES)) && \
	$(JAR) cf $@.tmp -C bindings/java/classes org && mv -f $@.tmp $@

# bindings/java/jrun [JAVA ARGS...]: runs $(JAVA) with the jar and JNI library.
bindings/java/jrun: bindings/env.sh bindings/java/libmediate.jar bindings/java/libmediate_jni.la
	$(AM_V_GEN)printf '#!/bin/sh\n# Generated by make: runs Java on the build tree.\n. "%s/bindings/env.sh"\nexec "$$JAVA" -Djava.library.path="$$MEDIATE_JNI_DIR" -cp "$$MEDIATE_JAR$${CLASSPATH:+:$$CLASSPATH}" "$$@"\n' \
	  '$(abs_top_builddir)' > $@.tmp && chmod +x $@.tmp && mv -f $@.tmp $@

noinst_SCRIPTS += bindings/java/jrun
TESTS += bindings/java/run-tests.sh
endif
CLEANFILES += bindings/java/mediate_jwrap.c bindings/java/libmediate.jar bindings/java/jrun \
	bindings/java/gen/org/libmediate/*.java bindings/java/classes/org/libmediate/*.class
