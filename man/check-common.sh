# SPDX-License-Identifier: MIT
# Sourced by the man/check-*.sh scripts.  They run from the top build
# directory (where `make check` runs them) with $srcdir pointing at the top
# source directory.  man/check.env, written by make (man/local.mk), sets
# MAN_PAGES (every installed page), MAN_MANDOC, MAN_NM, MAN_CC, MAN_CFLAGS and
# MAN_LIBTOOL unless they are already set, so a check can be run by hand:
#   cd _build && srcdir=.. sh ../man/check-lint.sh
#   cd _build && srcdir=.. MAN_PAGES=man/man3/mediate_free.3 sh ../man/check-examples.sh
: "${srcdir:=.}"
top_builddir=.
if test -f man/check.env; then
	. ./man/check.env
else
	echo "man/check.env is missing: run this from the top build directory after make check-am or make man/check.env" >&2
	exit 99
fi
