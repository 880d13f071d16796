#!/bin/sh
# SPDX-License-Identifier: MIT
# examples/java/ShowPolicy.java prints what examples/c/show_policy prints.
# Run by make check when the Java binding is enabled.
. "${srcdir:-.}/tests/cli/lib.sh"

[ -f bindings/env.sh ] || { echo "SKIP: bindings/env.sh is not built" >&2; exit 77; }
. ./bindings/env.sh
[ "$MEDIATE_HAVE_JAVA" = yes ] || { echo "SKIP: the Java binding is disabled" >&2; exit 77; }

run "$JAVAC" -encoding UTF-8 -Xlint:all -Werror -d "$TMP/classes" -cp "$MEDIATE_JAR" \
	"$srcdir/examples/java/ShowPolicy.java"
expect_status 0 "javac ShowPolicy.java"
[ "$status" -eq 0 ] || finish
CLASSPATH="$TMP/classes"
export CLASSPATH

run ./examples/c/show_policy "$COUNTY"
expect_status 0 "the C example"
cp "$TMP/out" "$TMP/c.out"

run ./bindings/java/jrun ShowPolicy "$COUNTY"
expect_status 0 "ShowPolicy on the sample county"
if ! cmp -s "$TMP/c.out" "$TMP/out"; then
	fail "ShowPolicy does not print what the C example prints"
	diff -u "$TMP/c.out" "$TMP/out" | head -20 | sed 's/^/  /' >&2
fi
expect_grep "$TMP/out" "org: $COUNTY_UNITS units" "ShowPolicy: the org tree"

run ./bindings/java/jrun ShowPolicy "$DATA/typo-key.yaml"
expect_status 1 "ShowPolicy on a bad file"
expect_file "$TMP/err" "$DATA/typo-key.yaml:11:5: taxonomy[3].parnet: unknown key \"parnet\"; did you mean \"parent\"?" \
	"ShowPolicy on a bad file"

run ./bindings/java/jrun ShowPolicy
expect_status 2 "ShowPolicy without a file"

finish
