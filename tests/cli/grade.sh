#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate grade: levels, explanations, the distribution, errors.
. "${srcdir:-.}/tests/cli/lib.sh"

datadir="$srcdir/examples/data"

run "$MEDIATE" grade --data "$datadir" "$datadir/cases.yaml"
expect_status 0 "mediate grade on the sample cases"
[ -s "$TMP/err" ] && { fail "mediate grade wrote on stderr"; sed 's/^/  /' "$TMP/err" >&2; }
expect_grep "$TMP/out" "240 cases graded:" "grade: the count"
grep -qE '^  general +一般纠纷 +on_the_spot +[0-9]+ ' "$TMP/out" || fail "grade: the general line"
grep -qE '^  major +重大纠纷 +joint +[0-9]+ ' "$TMP/out" || fail "grade: the major line"
# A land expropriation dispute of more than 500,000 yuan: major, joint with the court,
# the law enforcement bureau and the petition bureau.
grep -qE '^YZ-TJ-2026-000006 +land\.expropriation +major +90 +joint +due 2026-02-14  with: YZ-FY YZ-ZF YZ-XF$' "$TMP/out" ||
	fail "grade: YZ-TJ-2026-000006 is major by 90 points"

run "$MEDIATE" grade --data "$datadir" --explain "$datadir/cases.yaml"
expect_status 0 "mediate grade --explain"
grep -qE '^      \+ land-expropriation +\+30  征地拆迁补偿纠纷$' "$TMP/out" || fail "grade --explain: a fired rule"
grep -qE 'floor: mass-incident' "$TMP/out" || fail "grade --explain: a floor that decided"

run "$MEDIATE" grade --data "$datadir" --explain --all "$datadir/cases.yaml"
expect_status 0 "mediate grade --explain --all"
grep -qE '^        petition-referral' "$TMP/out" || fail "grade --all: a rule that did not fire"

# Errors: no file, an unknown option, a missing file, a policy without grading.
run "$MEDIATE" grade --data "$datadir"
expect_status 2 "mediate grade without a file"
run "$MEDIATE" grade --bogus x
expect_status 2 "mediate grade with an unknown option"
run "$MEDIATE" grade --data "$datadir" "$TMP/none.yaml"
expect_status 3 "mediate grade on a missing file"
sed -n '/^grading:/q;p' "$datadir/county.yaml" >"$TMP/nograding.yaml"
run "$MEDIATE" grade --policy "$TMP/nograding.yaml" "$datadir/cases.yaml"
expect_status 1 "mediate grade with a policy without grading"
expect_grep "$TMP/err" "the policy has no grading section" "grade: the policy has no grading"

run "$MEDIATE" demo --data "$datadir" --section grading
expect_status 0 "mediate demo --section grading"
expect_grep "$TMP/out" "240 sample cases graded by 16 rules:" "demo: the grading section"
finish
