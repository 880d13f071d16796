#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate case show: readable and YAML output, masking of personal data.
. "${srcdir:-.}/tests/cli/lib.sh"

CASES="$srcdir/examples/data/cases.yaml"
SMALL="$srcdir/tests/data/cases/good-small.yaml"

run "$MEDIATE" case show --policy "$COUNTY" "$SMALL"
expect_status 0 "case show"
expect_grep "$TMP/out" "YZ-ZGM-PS-2026-000457  in_mediation  neighbour.noise 噪声扰民" "case show heading"
expect_grep "$TMP/out" "王建国  13805741234  resident_id 330212195403152312" "case show of a party"
expect_grep "$TMP/out" "2026-11-03T10:30:00+08:00  transition assigned -> in_mediation  tj_m0011@YZ-ZGM-PS-TJ" \
	"case show of the timeline"

run "$MEDIATE" case show --mask --policy "$COUNTY" "$SMALL"
expect_status 0 "case show --mask"
expect_grep "$TMP/out" "王建国  138****1234  resident_id **************2312" "case show --mask"
grep -q 13805741234 "$TMP/out" && fail "case show --mask printed the phone number"

# YAML output is the canonical form: the same bytes as the (canonical) file.
run "$MEDIATE" case show --yaml --policy "$COUNTY" "$SMALL"
expect_status 0 "case show --yaml"
cmp -s "$TMP/out" "$SMALL" || fail "case show --yaml differs from the canonical file"
run "$MEDIATE" case show --yaml --policy "$COUNTY" "$CASES"
cmp -s "$TMP/out" "$CASES" || fail "case show --yaml of the sample cases differs from the file"

run "$MEDIATE" case show --yaml --mask --policy "$COUNTY" "$SMALL"
expect_grep "$TMP/out" 'phone: "138****1234"' "case show --yaml --mask"
expect_grep "$TMP/out" 'number: "**************2312"' "case show --yaml --mask"

# One case of the sample list by its number; an unknown number.
number=$(sed -n 's/^  number: //p' "$CASES" | sed -n 7p)
run "$MEDIATE" case show --policy "$COUNTY" "$CASES" "$number"
expect_status 0 "case show NUMBER"
[ "$(grep -c '^  id ' "$TMP/out")" -eq 1 ] || fail "case show NUMBER printed other than one case"
expect_grep "$TMP/out" "$number" "case show NUMBER"
run "$MEDIATE" case show --policy "$COUNTY" "$CASES" YZ-TJ-2026-999999
expect_status 1 "case show of an unknown number"
expect_grep "$TMP/err" "no case YZ-TJ-2026-999999" "case show of an unknown number"

# The demo section reads the sample cases and counts them by state.
run "$MEDIATE" demo --data "$srcdir/examples/data" --section cases
expect_status 0 "demo --section cases"
ncases=$(grep -c '^- id: ' "$CASES")
nclosed=$(grep -c '^  state: closed$' "$CASES")
expect_grep "$TMP/out" "cases:  $ncases (" "demo --section cases: the count"
expect_grep "$TMP/out" "$(printf '  %-16s%4d' closed "$nclosed")" "demo --section cases: closed cases"
expect_grep "$TMP/out" "By state:" "demo --section cases"
grep -qE '1[3-9][0-9]{9}' "$TMP/out" && fail "the demo printed a full phone number"

finish
