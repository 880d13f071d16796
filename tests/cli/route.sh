#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate route: the simulated week and working-time deadlines.
. "${srcdir:-.}/tests/cli/lib.sh"

datadir="$srcdir/examples/data"

run "$MEDIATE" route week --data "$datadir"
expect_status 0 "mediate route week"
expect_grep "$TMP/out" "chain verified" "route week: the audit chain verifies"
expect_grep "$TMP/out" "tampering detected at entry" "route week: an edited entry is detected"
grep -qE '^  all 全部 ' "$TMP/out" || fail "route week: the rates of all departments"

# Two working hours after 16:00 on the eve of National Day: the holiday
# week and the lunch break are skipped.
run "$MEDIATE" route deadline --data "$datadir" cn-office 2026-09-30T16:00:00+08:00 120
expect_status 0 "mediate route deadline"
expect_grep "$TMP/out" "2026-10-08T09:00:00+08:00" "route deadline: after the National Day holiday"
run "$MEDIATE" route deadline --data "$datadir" nosuchcalendar 2026-09-30T16:00:00+08:00 120
expect_status 1 "mediate route deadline on an unknown calendar"

run "$MEDIATE" demo --data "$datadir" --section routing
expect_status 0 "mediate demo --section routing"
expect_grep "$TMP/out" "chain verified" "demo: the routing section"
finish
