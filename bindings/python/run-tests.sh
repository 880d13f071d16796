#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs every Python binding test (bindings/python/tests/test_*.py) with the
# build tree's package and library.  Run by `make check` from the top build
# directory; by hand: sh bindings/python/run-tests.sh [unittest args].
. ./bindings/env.sh || exit 99
if test "$MEDIATE_HAVE_PYTHON" != yes; then
	echo "Python binding not built: skipped"
	exit 77
fi
tests="$MEDIATE_TOP_SRCDIR/bindings/python/tests"
exec "$PYTHON" -m unittest discover -s "$tests" -t "$tests" -p 'test_*.py' "$@"
