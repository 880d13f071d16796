# SPDX-License-Identifier: MIT
# Sourced by the CLI tests.  They run from the top build directory (make
# check sets $srcdir); the tool is ./tools/mediate unless $MEDIATE says
# otherwise.  A test prints nothing when it passes and the reason when it
# fails, and exits 0 or 1 (77 when it must be skipped).

set -u
: "${srcdir:=.}"
MEDIATE=${MEDIATE:-./tools/mediate}
DATA="$srcdir/tests/cli/data"
COUNTY="$srcdir/examples/data/county.yaml"
# What the sample county holds: update these when county.yaml changes.
COUNTY_CATEGORIES=44
COUNTY_UNITS=243
# The checks compare exact English output.
LC_ALL=C.UTF-8
export LC_ALL
# Tests must not pick up a data directory from the environment.
unset MEDIATE_DATA

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mediate-cli.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() {
	echo "FAIL ($(basename "$0")): $*" >&2
	failures=$((failures + 1))
}

# run CMD ARGS...: runs it, keeping stdout in $TMP/out, stderr in $TMP/err
# and the exit status in $status.
run() {
	status=0
	"$@" >"$TMP/out" 2>"$TMP/err" || status=$?
}

# expect_status N DESCRIPTION: the last run exited with N.
expect_status() {
	if [ "$status" -ne "$1" ]; then
		fail "$2: exit status $status, expected $1"
		sed 's/^/  stderr: /' "$TMP/err" >&2
	fi
}

# expect_file FILE EXPECTED-TEXT DESCRIPTION: FILE holds exactly the text.
expect_file() {
	printf '%s\n' "$2" >"$TMP/expected"
	if ! cmp -s "$TMP/expected" "$1"; then
		fail "$3: output differs from the expected text"
		diff -u "$TMP/expected" "$1" | sed 's/^/  /' >&2
	fi
}

# expect_grep FILE PATTERN DESCRIPTION: a line of FILE matches (fixed string).
expect_grep() {
	if ! grep -qF -- "$2" "$1"; then
		fail "$3: no line with \"$2\""
		sed 's/^/  | /' "$1" | head -20 >&2
	fi
}

finish() {
	[ "$failures" -eq 0 ] || exit 1
	exit 0
}
