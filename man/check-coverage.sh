#!/bin/sh
# SPDX-License-Identifier: MIT
# Every symbol the built library exports has its page man/man3/SYMBOL.3, and
# every man3 page named mediate_* documents a symbol the library exports (a
# renamed or removed function leaves no stale page).
. "${srcdir:-.}/man/check-common.sh"

la="$top_builddir/libmediate.la"
if ! test -f "$la"; then
	echo "$la is not built" >&2
	exit 99
fi
dlname= old_library=
. "$la"
if test -n "$dlname" && test -f "$top_builddir/.libs/$dlname"; then
	lib="$top_builddir/.libs/$dlname"
	syms=$($MAN_NM -D --defined-only "$lib")
elif test -n "$old_library" && test -f "$top_builddir/.libs/$old_library"; then
	lib="$top_builddir/.libs/$old_library"
	syms=$($MAN_NM -g --defined-only "$lib")
else
	echo "no shared or static library next to $la" >&2
	exit 99
fi
# "0000000000004a10 T mediate_free@@MEDIATE_0" -> "mediate_free"; the
# version node itself is an absolute symbol (A) and is left out.
exported=$(echo "$syms" | awk 'NF >= 3 && $2 ~ /^[TDBRVWiu]$/ { print $3 }' |
	sed 's/@.*//' | grep '^mediate_' | sort -u)
if test -z "$exported"; then
	echo "$lib exports no mediate_* symbol?" >&2
	exit 99
fi
fail=0 missing=0
for s in $exported; do
	if ! test -f "$srcdir/man/man3/$s.3"; then
		echo "$s: exported by the library but has no page man/man3/$s.3"
		missing=$((missing + 1))
		fail=1
	fi
done
for f in "$srcdir"/man/man3/mediate_*.3; do
	test -f "$f" || continue
	s=${f##*/}
	s=${s%.3}
	case "
$exported
" in
	*"
$s
"*) ;;
	*) echo "man/man3/$s.3: documents $s, which the library does not export"; fail=1 ;;
	esac
done
total=$(echo "$exported" | wc -l)
if test $fail = 0; then
	echo "man pages: all $total exported symbols documented"
else
	echo "man pages: $missing of $total exported symbols have no page"
	if test $missing -gt 0; then
		# One line per module (mediate_<module>_...), to see whose they are.
		for s in $exported; do
			test -f "$srcdir/man/man3/$s.3" || echo "$s"
		done | sed 's/^mediate_\([a-z0-9]*\).*/\1/' | sort | uniq -c |
		awk '{ printf "  %-14s %d missing\n", $2, $1 }'
	fi
fi
exit $fail
