#!/bin/sh
# SPDX-License-Identifier: MIT
# The EXAMPLE of every man3 page is a complete program: extract the first
# `.Bd -literal` block of the EXAMPLE section, undo the roff escapes (\e is
# a backslash), and compile it against the public headers with warnings as
# errors, then link it against the built libmediate.la.  Nothing is run.
# A #line directive makes compiler messages point into the page itself.
. "${srcdir:-.}/man/check-common.sh"

la="$top_builddir/libmediate.la"
test -f "$la" || { echo "$la is not built" >&2; exit 99; }
# Link against the built library directly (libtool --mode=link costs about
# a second per program, and there are hundreds): the shared library when
# there is one, else the static one with the libraries it needs.
dlname= old_library= dependency_libs=
. "$la"
if test -n "$dlname" && test -f "$top_builddir/.libs/$dlname"; then
	link="$top_builddir/.libs/$dlname"
elif test -n "$old_library" && test -f "$top_builddir/.libs/$old_library"; then
	link="$top_builddir/.libs/$old_library $dependency_libs -lpthread"
else
	link=
fi
tmp="$top_builddir/man/examples.tmp"
rm -rf "$tmp"
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT

fail=0 n=0
for p in $MAN_PAGES; do
	case "$p" in
	*.3) ;;
	*) continue ;;
	esac
	f="$srcdir/$p"
	base=${p##*/}
	name=${base%.3}
	start=$(awk '/^\.Sh / { ex = ($0 == ".Sh EXAMPLE") } ex && /^\.Bd -literal/ { print NR + 1; exit }' "$f")
	if test -z "$start"; then
		echo "$p: no EXAMPLE section with a .Bd -literal program"
		fail=1
		continue
	fi
	n=$((n + 1))
	c="$tmp/$name.c"
	{
		echo "#line $start \"$p\""
		awk -v s="$start" 'NR >= s { if ($0 ~ /^\.Ed/) exit; print }' "$f" |
		sed -e 's/\\e/@MEDIATE_BACKSLASH@/g' -e 's/\\&//g' -e "s/\\\\(aq/'/g" \
		    -e 's/\\(dq/"/g' -e 's/\\-/-/g' -e 's/@MEDIATE_BACKSLASH@/\\/g'
	} > "$c"
	grep -q '^#include <mediate\.h>' "$c" || { echo "$p: the EXAMPLE does not include <mediate.h>"; fail=1; }
	grep -q 'main(' "$c" || { echo "$p: the EXAMPLE has no main()"; fail=1; }
	cflags="-std=c99 -Wall -Wextra -Werror $MAN_CFLAGS -I$srcdir/include -I$top_builddir/include"
	if test -n "$link"; then
		# One step: compile and link.
		if ! out=$($MAN_CC $cflags -o "$tmp/$name" "$c" $link 2>&1); then
			echo "$p: the EXAMPLE does not compile or link:"
			echo "$out"
			fail=1
			continue
		fi
	else
		if ! out=$($MAN_CC $cflags -c -o "$tmp/$name.o" "$c" 2>&1); then
			echo "$p: the EXAMPLE does not compile:"
			echo "$out"
			fail=1
			continue
		fi
		if ! out=$($MAN_LIBTOOL --mode=link --silent $MAN_CC $MAN_CFLAGS -o "$tmp/$name" "$tmp/$name.o" "$la" 2>&1); then
			echo "$p: the EXAMPLE does not link:"
			echo "$out"
			fail=1
			continue
		fi
	fi
	if test -n "$out"; then
		echo "$out"
	fi
	rm -f "$tmp/$name" "$tmp/$name.o"
done
test $fail = 0 && echo "man pages: $n EXAMPLE programs compile and link"
exit $fail
