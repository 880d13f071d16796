#!/bin/sh
# SPDX-License-Identifier: MIT
# examples/python/show_policy.py prints what examples/c/show_policy prints.
# Run by make check when the Python binding is enabled.
. "${srcdir:-.}/tests/cli/lib.sh"

[ -f bindings/env.sh ] || { echo "SKIP: bindings/env.sh is not built" >&2; exit 77; }
. ./bindings/env.sh
[ "$MEDIATE_HAVE_PYTHON" = yes ] || { echo "SKIP: the Python binding is disabled" >&2; exit 77; }
example="$srcdir/examples/python/show_policy.py"

run ./examples/c/show_policy "$COUNTY"
expect_status 0 "the C example"
cp "$TMP/out" "$TMP/c.out"

run "$PYTHON" "$example" "$COUNTY"
expect_status 0 "show_policy.py on the sample county"
if ! cmp -s "$TMP/c.out" "$TMP/out"; then
	fail "show_policy.py does not print what the C example prints"
	diff -u "$TMP/c.out" "$TMP/out" | head -20 | sed 's/^/  /' >&2
fi
expect_grep "$TMP/out" "org: $COUNTY_UNITS units" "show_policy.py: the org tree"

run "$PYTHON" "$example" "$DATA/typo-key.yaml"
expect_status 1 "show_policy.py on a bad file"
expect_file "$TMP/err" "$DATA/typo-key.yaml:11:5: taxonomy[3].parnet: unknown key \"parnet\"; did you mean \"parent\"?" \
	"show_policy.py on a bad file"

run "$PYTHON" "$example"
expect_status 2 "show_policy.py without a file"

finish
