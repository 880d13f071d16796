#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate rate: a rating is added only when every integrity rule holds; a
# refused rating leaves the ratings file byte for byte as it was.
. "${srcdir:-.}/tests/cli/lib.sh"

CASES="$srcdir/tests/cli/data/rate-cases.yaml"
ENDED=YZ-BZ-PS-2026-000001        # agreement on 2026-01-25T13:21+08:00; p3 is an agent
OPEN=YZ-TX-PS-2026-000005         # still in mediation
MEDIATOR=fcf435ef-80a5-5c9b-8995-e5ee06b9a265
R="$TMP/ratings.yaml"
set -- --policy "$COUNTY" --ratings "$R"

# The first rating creates the file.
run "$MEDIATE" rate "$@" --case "$CASES" --number $ENDED --party p1 --stars 5 \
	--comment "调解员很耐心，当场把维修费用算清楚了" --at 2026-01-26T09:00:00+08:00
expect_status 0 "the first rating"
expect_file "$TMP/out" "$R: p1 rated $ENDED: 5 stars, credited to 戴伟 ($MEDIATOR) (new file)" "the first rating"
expect_grep "$R" "format: mediate-ratings" "the new ratings file"
expect_grep "$R" "  result: agreement" "the outcome recorded"
expect_grep "$R" "  comment: 调解员很耐心，当场把维修费用算清楚了" "the comment"
cp "$R" "$TMP/before.yaml"

# Each refusal: exit 1, a message that says why, the file unchanged.
refused() {
	what=$1
	shift
	run "$MEDIATE" rate --policy "$COUNTY" --ratings "$R" "$@"
	expect_status 1 "$what"
	cmp -s "$TMP/before.yaml" "$R" || fail "$what: the ratings file changed"
	ls "$TMP" | grep -q '^ratings\.yaml\.' && fail "$what: a temporary file was left behind"
}
refused "a second rating by the same party" --case "$CASES" --number $ENDED --party p1 --stars 1 \
	--at 2026-01-27T09:00:00+08:00
expect_file "$TMP/err" "mediate: rate: refused: party p1 has already rated case $ENDED" "a second rating"
refused "an agent" --case "$CASES" --number $ENDED --party p3 --stars 4 --at 2026-01-27T09:00:00+08:00
expect_grep "$TMP/err" "is an agent" "an agent"
refused "a non-party" --case "$CASES" --number $ENDED --party p7 --stars 4 --at 2026-01-27T09:00:00+08:00
expect_grep "$TMP/err" "\"p7\" is not a party of case $ENDED" "a non-party"
refused "an open case" --case "$CASES" --number $OPEN --party p1 --stars 4 --at 2026-11-27T09:00:00+08:00
expect_grep "$TMP/err" "has not ended (state in_mediation)" "an open case"
refused "a rating before the end" --case "$CASES" --number $ENDED --party p2 --stars 4 \
	--at 2026-01-25T13:20:00+08:00
expect_grep "$TMP/err" "is before case $ENDED ended (2026-01-25T13:21:00+08:00)" "a rating before the end"
refused "six stars" --case "$CASES" --number $ENDED --party p2 --stars 6 --at 2026-01-27T09:00:00+08:00
refused "an unknown case" --case "$CASES" --number YZ-BZ-PS-2026-000999 --party p2 --stars 4
expect_grep "$TMP/err" "no case YZ-BZ-PS-2026-000999" "an unknown case"

# The other party rates: two ratings on record.
run "$MEDIATE" rate "$@" --case "$CASES" --number $ENDED --party p2 --stars 3 --at 2026-01-27T09:00:00+08:00
expect_status 0 "the second party"
[ "$(grep -c '^- case:' "$R")" -eq 3 ] || fail "expected one outcome and two ratings"

# The aggregates: (10 x 4 + 5 + 3) / 12 = 4.000; one agreement in one case.
run "$MEDIATE" rate "$@" --summary $MEDIATOR --at 2026-02-01T00:00:00+08:00
expect_status 0 "the summary"
expect_file "$TMP/out" "mediator    $MEDIATOR
at          2026-02-01T00:00:00+08:00
ratings     2 counted, 0 excluded
stars       1:0 2:0 3:1 4:0 5:1
mean        4.000
bayes       4.000 (prior 4.000, weight 10)
ended       1
agreements  1
success     1.000
wilson      0.207 (z 1.960)" "the summary"
# Before the first rating only the outcome counts.
run "$MEDIATE" rate "$@" --summary $MEDIATOR --at 2026-01-25T20:00:00+08:00
expect_grep "$TMP/out" "ratings     0 counted, 0 excluded" "the summary before the ratings"
expect_grep "$TMP/out" "ended       1" "the summary before the ratings"
# Nobody on record: the prior.
run "$MEDIATE" rate "$@" --summary nobody-here --at 2026-02-01T00:00:00+08:00
expect_status 0 "a mediator with nothing on record"
expect_grep "$TMP/out" "(nothing on record: the prior)" "a mediator with nothing on record"
expect_grep "$TMP/out" "bayes       4.000" "a mediator with nothing on record"

# A file of one case needs no --number (and a wrong one is refused).
run "$MEDIATE" case show --yaml --policy "$COUNTY" "$CASES" $ENDED
cp "$TMP/out" "$TMP/one.yaml"
run "$MEDIATE" rate --policy "$COUNTY" --ratings "$TMP/one-ratings.yaml" --case "$TMP/one.yaml" --party p2 --stars 4 \
	--at 2026-01-27T09:00:00+08:00
expect_status 0 "a single-case file"
expect_grep "$TMP/one-ratings.yaml" "  party: p2" "a single-case file"
run "$MEDIATE" rate --policy "$COUNTY" --ratings "$TMP/one-ratings.yaml" --case "$TMP/one.yaml" --number $OPEN \
	--party p1 --stars 4 --at 2026-01-27T09:00:00+08:00
expect_status 1 "a single-case file with another --number"
expect_grep "$TMP/err" "the case is $ENDED, not $OPEN" "a single-case file with another --number"

# The written file is a valid ratings file that the library reads back.
printf 'format: mediate-ratings\nversion: 1\nratings:\n- {case: %s, party: p1, stars: 9}\n' $ENDED >"$TMP/bad.yaml"
run "$MEDIATE" rate --policy "$COUNTY" --ratings "$TMP/bad.yaml" --summary $MEDIATOR
expect_status 1 "a bad ratings file"
expect_grep "$TMP/err" "$TMP/bad.yaml:4:" "a bad ratings file: file:line"
cp "$TMP/bad.yaml" "$TMP/bad-before.yaml"
run "$MEDIATE" rate --policy "$COUNTY" --ratings "$TMP/bad.yaml" --case "$CASES" --number $ENDED --party p2 --stars 4
expect_status 1 "adding to a bad ratings file"
cmp -s "$TMP/bad.yaml" "$TMP/bad-before.yaml" || fail "a bad ratings file was rewritten"

# Usage errors.
run "$MEDIATE" rate "$@" --case "$CASES" --number $ENDED --stars 4
expect_status 2 "no --party"
run "$MEDIATE" rate "$@" --case "$CASES" --number $ENDED --party p2
expect_status 2 "no --stars"
run "$MEDIATE" rate "$@" --case "$CASES" --party p2 --stars 4
expect_status 2 "a list without --number"
run "$MEDIATE" rate "$@" --summary $MEDIATOR --party p1
expect_status 2 "--summary with --party"
run "$MEDIATE" rate "$@" --case "$CASES" --number $ENDED --party p2 --stars 4 --at tomorrow
expect_status 2 "a bad --at"
run "$MEDIATE" rate --policy "$COUNTY" --ratings "$TMP/none.yaml" --summary $MEDIATOR
expect_status 3 "--summary of a missing file"

finish
