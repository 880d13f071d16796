#!/bin/sh
# SPDX-License-Identifier: MIT
# The symbols exported by libmediate.so are exactly the functions declared
# with MEDIATE_EXTERN in the public headers: nothing missing, nothing extra.
# Run by `make check` from the top build directory; can be run by hand.
set -u
. ./tests/check.env || exit 99

lib="$abs_top_builddir/.libs/libmediate.so"
if [ ! -f "$lib" ]; then
	echo "check-exports: $lib not built (--disable-shared?): skipped"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mediate-exports.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# Declared: every MEDIATE_EXTERN declaration, joined onto one line, up to
# the "(" of a function or the ";" of an object; the last identifier is the
# name.  Preprocessor lines (the macro's own #define) are left out.
cat "$abs_top_srcdir"/include/mediate/*.h "$abs_top_builddir/include/mediate/version.h" |
	grep -v '^[[:space:]]*#' | sed -e 's|/\*.*\*/||g' | tr '\n' ' ' | tr -s ' \t' ' ' |
	grep -o 'MEDIATE_EXTERN [^;(]*[;(]' |
	sed -e 's/[;(]$//' -e 's/ *$//' -e 's/.*[^A-Za-z0-9_]//' |
	grep '^mediate_' | sort -u > "$tmp/declared"

# Exported: defined dynamic symbols, less the version node (type A).
$NM -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' | sed 's/@.*//' | sort -u > "$tmp/exported"

fail=0
if [ ! -s "$tmp/declared" ]; then
	echo "FAIL: no MEDIATE_EXTERN declaration found"
	fail=1
fi
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
extra=$(comm -13 "$tmp/declared" "$tmp/exported")
if [ -n "$missing" ]; then
	echo "FAIL: declared MEDIATE_EXTERN but not exported (not defined, or hidden):"
	echo "$missing" | sed 's/^/    /'
	fail=1
fi
if [ -n "$extra" ]; then
	echo "FAIL: exported but not declared MEDIATE_EXTERN in a public header:"
	echo "$extra" | sed 's/^/    /'
	fail=1
fi
echo "check-exports: $(wc -l < "$tmp/declared") declared, $(wc -l < "$tmp/exported") exported: $([ $fail = 0 ] && echo ok || echo FAILED)"
exit $fail
