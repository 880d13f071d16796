#!/bin/sh
# SPDX-License-Identifier: MIT
# Every installed page must lint clean: `mandoc -Tlint -W warning` prints
# nothing.  Skipped (exit 77) when configure found no mandoc.
. "${srcdir:-.}/man/check-common.sh"

if test -z "$MAN_MANDOC" || test "$MAN_MANDOC" = no || ! command -v "$MAN_MANDOC" >/dev/null 2>&1; then
	echo "SKIP: mandoc was not found by configure: man pages are not linted (Debian: apt-get install mandoc)"
	exit 77
fi
fail=0 n=0
for p in $MAN_PAGES; do
	n=$((n + 1))
	out=$("$MAN_MANDOC" -Tlint -W warning "$srcdir/$p" 2>&1)
	if test -n "$out"; then
		echo "$out"
		fail=1
	fi
done
test $fail = 0 && echo "mandoc -Tlint -W warning: $n pages clean"
exit $fail
