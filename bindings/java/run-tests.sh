#!/bin/sh
# SPDX-License-Identifier: MIT
# Compiles bindings/java/tests/*.java against the build tree's jar and runs
# every *Test class through TestRunner.  Run by `make check` from the top
# build directory; by hand: sh bindings/java/run-tests.sh [-v] [TestClass...].
. ./bindings/env.sh || exit 99
if test "$MEDIATE_HAVE_JAVA" != yes; then
	echo "Java binding not built: skipped"
	exit 77
fi
tests="$MEDIATE_TOP_SRCDIR/bindings/java/tests"
out=`mktemp -d "${TMPDIR:-/tmp}/mediate-java-tests.XXXXXX"` || exit 99
trap 'rm -rf "$out"' 0 1 2 15
"$JAVAC" -encoding UTF-8 -Xlint:all -cp "$MEDIATE_JAR" -d "$out" "$tests"/*.java || exit 1
verbose=
if test "x$1" = x-v; then
	verbose=-v
	shift
fi
"$JAVA" -Xcheck:jni -Djava.library.path="$MEDIATE_JNI_DIR" -cp "$MEDIATE_JAR:$out" \
	TestRunner $verbose "$out" "$@"
