#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate case check: the sample cases, compiler-style errors, exit codes.
. "${srcdir:-.}/tests/cli/lib.sh"

CASES="$srcdir/examples/data/cases.yaml"
SMALL="$srcdir/tests/data/cases/good-small.yaml"
BAD="$srcdir/tests/data/cases/bad"
ncases=$(grep -c '^- id: ' "$CASES")

# The sample cases are valid, against the sample county found by default
# and against an explicit policy.
run "$MEDIATE" case check "$CASES"
expect_status 0 "case check of the sample cases"
expect_file "$TMP/out" "$CASES: ok: $ncases cases" "case check of the sample cases"
[ -s "$TMP/err" ] && fail "case check of the sample cases wrote on stderr"
[ "$ncases" -ge 200 ] || fail "only $ncases sample cases"

run "$MEDIATE" case check -q --policy "$COUNTY" "$CASES" "$SMALL"
expect_status 0 "case check -q --policy"
[ -s "$TMP/out" ] && fail "case check -q printed on stdout"

# Bad files: every error compiler-style, the status 1, the good file ok.
run "$MEDIATE" case check --policy "$COUNTY" "$BAD/unknown-unit.yaml" "$SMALL" "$BAD/id-check-digit.yaml"
expect_status 1 "case check of bad files"
expect_file "$TMP/out" "$SMALL: ok: 1 case" "the good file among bad ones"
expect_file "$TMP/err" "$BAD/unknown-unit.yaml:8:9: cases[0].unit: unknown unit \"YZ-ZGM-SP\"; did you mean \"YZ-ZGM-SW\"?
$BAD/id-check-digit.yaml:29:15: cases[0].parties[0].document.number: resident ID: check character is 8, expected 2" \
	"case check of bad files"

# Every problem of one file is reported, in document order.
sed -e 's/amount: "1200.50"/amount: "-1"/' -e 's/    - elderly/    - old/' -e 's/^  category:/  categroy:/' \
	"$SMALL" >"$TMP/three.yaml"
run "$MEDIATE" case check --policy "$COUNTY" "$TMP/three.yaml"
expect_status 1 "case check of a file with three errors"
expect_file "$TMP/err" "$TMP/three.yaml:11:3: cases[0].categroy: unknown key \"categroy\"; did you mean \"category\"?
$TMP/three.yaml:18:13: cases[0].facts.amount: the amount in dispute cannot be negative (-100 fen)
$TMP/three.yaml:32:7: cases[0].parties[0].flags[0]: unknown party flag \"old\"" "three errors"

# A size limit.
run "$MEDIATE" case check --policy "$COUNTY" --max-bytes 1000 "$SMALL"
expect_status 1 "case check --max-bytes"
expect_grep "$TMP/err" "is larger than the limit of 1000 (max_document_bytes)" "case check --max-bytes"

# Usage and I/O errors.
run "$MEDIATE" case check
expect_status 2 "case check without a file"
run "$MEDIATE" case check --policy "$COUNTY" "$TMP/no-such-file.yaml"
expect_status 3 "case check of a missing file"
run "$MEDIATE" case frobnicate "$SMALL"
expect_status 2 "an unknown case subcommand"
run "$MEDIATE" case --help
expect_status 0 "case --help"
expect_grep "$TMP/out" "mediate case transition" "case --help"

finish
