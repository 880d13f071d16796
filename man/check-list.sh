#!/bin/sh
# SPDX-License-Identifier: MIT
# The pages installed (dist_man_MANS in the local.mk fragments) and the pages
# under man/ must agree, so a page that was written but not listed fails here
# instead of silently not being installed.  Every man3 page named after a
# function must also follow the house layout: the .Dt, the first .Nm and the
# file name agree, and the sections come in this order:
#   NAME LIBRARY SYNOPSIS DESCRIPTION RETURN VALUE ERRORS EXAMPLE SEE ALSO
. "${srcdir:-.}/man/check-common.sh"

fail=0
listed=$(printf '%s\n' $MAN_PAGES | sort -u)
present=$(cd "$srcdir" && find man -type f -name '*.[1-9]' | sort)

for p in $present; do
	case " $(echo $listed) " in
	*" $p "*) ;;
	*) echo "$p: not installed: add it to dist_man_MANS (man/local.mk)"; fail=1 ;;
	esac
done
for p in $listed; do
	test -f "$srcdir/$p" || { echo "$p: listed in dist_man_MANS but missing"; fail=1; }
done

expected="NAME|LIBRARY|SYNOPSIS|DESCRIPTION|RETURN VALUE|ERRORS|EXAMPLE|SEE ALSO"
for p in $listed; do
	f="$srcdir/$p"
	test -f "$f" || continue
	base=${p##*/}
	name=${base%.*}
	sect=${base##*.}
	dt=$(sed -n 's/^\.Dt  *\([^ ]*\)  *\([^ ]*\).*/\1 \2/p' "$f" | head -n 1)
	want_dt="$(echo "$name" | tr 'a-z' 'A-Z') $sect"
	if test "$dt" != "$want_dt"; then
		echo "$p: .Dt is \"$dt\", expected \"$want_dt\""; fail=1
	fi
	nm=$(awk '/^\.Sh NAME/ { n = 1; next } n && /^\.Nm / { print $2; exit }' "$f" | tr -d ',')
	if test "$nm" != "$name"; then
		echo "$p: the first .Nm of NAME is \"$nm\", expected \"$name\""; fail=1
	fi
	case "$sect:$name" in
	3:mediate_*)
		got=$(sed -n 's/^\.Sh  *//p' "$f" | tr '\n' '|' | sed 's/|$//')
		if test "$got" != "$expected"; then
			echo "$p: sections are \"$got\""
			echo "$p:   expected \"$expected\""
			fail=1
		fi
		grep -q '^\.In mediate\.h' "$f" || { echo "$p: SYNOPSIS lacks .In mediate.h"; fail=1; } ;;
	esac
done
if test $fail = 0; then
	echo "man pages: $(echo "$listed" | wc -l) listed, all present, layout ok"
fi
exit $fail
