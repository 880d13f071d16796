#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate --help / --version / help CMD / CMD --help and usage errors.
. "${srcdir:-.}/tests/cli/lib.sh"

run "$MEDIATE" --help
expect_status 0 "mediate --help"
expect_grep "$TMP/out" "usage: mediate [--help | --version]" "mediate --help"
for cmd in policy demo help; do
	expect_grep "$TMP/out" "  $cmd " "mediate --help lists $cmd"
done
expect_grep "$TMP/out" "Exit status: 0 success, 1 the input had errors, 2 usage error," "mediate --help"

run "$MEDIATE" -h
expect_status 0 "mediate -h"

run "$MEDIATE" --version
expect_status 0 "mediate --version"
version=$(sed -n 's/^mediate (libmediate) //p' "$TMP/out")
[ -n "$version" ] || fail "mediate --version: no 'mediate (libmediate) X.Y.Z' line"
expect_grep "$TMP/out" "libmediate $version (run time), $version (headers)" "mediate --version"
# The version agrees with the one configure knows.
if [ -f ./config.h ]; then
	expect_grep ./config.h "#define PACKAGE_VERSION \"$version\"" "version agrees with config.h"
fi

run "$MEDIATE" help policy
expect_status 0 "mediate help policy"
expect_grep "$TMP/out" "usage: mediate policy check [OPTIONS] FILE..." "mediate help policy"
cp "$TMP/out" "$TMP/help-policy"
run "$MEDIATE" policy --help
expect_status 0 "mediate policy --help"
cmp -s "$TMP/out" "$TMP/help-policy" || fail "mediate policy --help differs from mediate help policy"
run "$MEDIATE" policy check --help
expect_status 0 "mediate policy check --help"
cmp -s "$TMP/out" "$TMP/help-policy" || fail "mediate policy check --help differs from mediate help policy"

run "$MEDIATE" demo --help
expect_status 0 "mediate demo --help"
expect_grep "$TMP/out" "usage: mediate demo [--data DIR]" "mediate demo --help"
run "$MEDIATE" help demo
expect_grep "$TMP/out" "usage: mediate demo [--data DIR]" "mediate help demo"

run "$MEDIATE" help
expect_status 0 "mediate help"
expect_grep "$TMP/out" "Commands:" "mediate help"

# Usage errors exit 2 and say what is wrong on stderr, nothing on stdout.
run "$MEDIATE"
expect_status 2 "mediate without a command"
expect_grep "$TMP/err" "usage: mediate" "mediate without a command"

run "$MEDIATE" frobnicate
expect_status 2 "unknown command"
expect_file "$TMP/err" 'mediate: unknown command "frobnicate"
Try '\''mediate --help'\''.' "unknown command"
[ -s "$TMP/out" ] && fail "unknown command: printed on stdout"

run "$MEDIATE" --frobnicate
expect_status 2 "unknown global option"
expect_grep "$TMP/err" 'mediate: unknown option "--frobnicate"' "unknown global option"

run "$MEDIATE" help frobnicate
expect_status 2 "help on an unknown command"
expect_grep "$TMP/err" 'mediate: help: unknown command "frobnicate"' "help on an unknown command"

run "$MEDIATE" policy
expect_status 2 "policy without a subcommand"
expect_file "$TMP/err" "mediate: policy: expected a subcommand: check or show
Try 'mediate help policy'." "policy without a subcommand"

run "$MEDIATE" policy lint "$COUNTY"
expect_status 2 "policy lint"
expect_grep "$TMP/err" 'unknown subcommand "lint" (check or show)' "policy lint"

run "$MEDIATE" policy check
expect_status 2 "policy check without a file"
expect_grep "$TMP/err" "mediate: policy check: no policy file given" "policy check without a file"

run "$MEDIATE" policy check --max-depth
expect_status 2 "option without its value"
expect_grep "$TMP/err" 'mediate: policy check: option "--max-depth" needs a value' "option without its value"

run "$MEDIATE" policy check --max-depth=deep "$COUNTY"
expect_status 2 "option with a bad value"
expect_grep "$TMP/err" 'mediate: policy check: --max-depth expects a number, got "deep"' "option with a bad value"

run "$MEDIATE" policy check --colour "$COUNTY"
expect_status 2 "unknown option of policy check"
expect_grep "$TMP/err" 'mediate: policy check: unknown option "--colour"' "unknown option of policy check"

run "$MEDIATE" policy show -x "$COUNTY"
expect_status 2 "unknown short option of policy show"
expect_grep "$TMP/err" 'mediate: policy show: unknown option "-x"' "unknown short option"

run "$MEDIATE" demo --section nowhere
expect_status 2 "demo with an unknown section"
expect_grep "$TMP/err" 'mediate: demo: unknown section "nowhere"' "demo with an unknown section"

finish
