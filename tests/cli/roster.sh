#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate roster check / show / menu on the sample roster, errors reported
# compiler-style, and the exit codes (1 input, 2 usage, 3 I/O).
. "${srcdir:-.}/tests/cli/lib.sh"

datadir="$srcdir/examples/data"
ROSTER="$datadir/roster.yaml"
R="$MEDIATE roster --data $datadir"
AT=2026-11-23T09:00:00+08:00

# check: the sample roster is valid.
run $R check "$ROSTER"
expect_status 0 "roster check of the sample roster"
expect_file "$TMP/out" "$ROSTER: ok: 312 mediators (140 full_time, 56 part_time, 76 retired_volunteer, 40 invited_expert), 40 in the think tank" \
	"roster check output"
run $R check --quiet "$ROSTER"
expect_status 0 "roster check --quiet"
[ -s "$TMP/out" ] && fail "roster check --quiet prints nothing"

# check: every error of a bad file, file:line:col: path: message, exit 1.
cat >"$TMP/bad.yaml" <<'EOF'
format: mediate-roster
version: 1
mediators:
- id: a1
  staff: S-1
  name: 史伟
  unit: YZ-XX-PS-TJ
  post: full_time
  level: 10
- id: a2
  staff: S-2
  name: 孙军
  unit: YZ-XX-PS-TK
  post: part_time
  level: 2
  specialties: {labor: 3}
EOF
run $R check "$TMP/bad.yaml"
expect_status 1 "roster check of a bad roster"
expect_grep "$TMP/err" "bad.yaml:9:10: mediators[0].level:" "level out of range"
expect_grep "$TMP/err" "bad.yaml:13:9: mediators[1].unit: unknown unit \"YZ-XX-PS-TK\"" "unknown unit"
expect_grep "$TMP/err" "YZ-XX-PS-TJ" "did you mean the unit"
expect_grep "$TMP/err" "mediators[1].specialties.labor" "unknown category"
[ -s "$TMP/out" ] && fail "nothing on stdout for a bad roster"
run $R check "$TMP/no-such.yaml"
expect_status 3 "roster check of a missing file"
run $R check
expect_status 2 "roster check without a file"

# show: the list and one mediator in full.
run $R show "$ROSTER"
expect_status 0 "roster show"
expect_grep "$TMP/out" "312 mediators" "roster show count"
expect_grep "$TMP/out" "M-0001   潘志明  YZ-LP" "roster show line of 潘志明"
run $R show --staff M-0001 "$ROSTER"
expect_status 0 "roster show --staff"
expect_grep "$TMP/out" "name:          潘志明" "name of M-0001"
expect_grep "$TMP/out" "unit:          YZ-LP 老潘警调工作室" "unit of M-0001"
expect_grep "$TMP/out" "modes:         on_the_spot, joint, remote_video, mobile" "modes of M-0001"
run $R show --staff c290a79b-d0b8-53ac-96b8-b35ee200f451 "$ROSTER"
expect_status 0 "roster show --staff ID"
expect_grep "$TMP/out" "staff:         M-0001" "show by id"
run $R show --staff M-9999 "$ROSTER"
expect_status 1 "roster show --staff of nobody"
expect_grep "$TMP/err" "M-9999" "roster show names the unknown staff number"

# menu: filters, order (score, then staff number), paging, masked phones.
run $R menu --at $AT --category neighbour --unit YZ-ZGM --no-ratings
expect_status 0 "roster menu"
expect_grep "$TMP/out" "5 mediators on duty at $AT, neighbour 邻里纠纷, in YZ-ZGM 钟公庙街道; page 1 of 1; score: best proficiency x 1000" \
	"menu heading"
expect_grep "$TMP/out" "  1.  5000  M-0296" "menu first"
expect_grep "$TMP/out" "  3.  3000  M-0053" "menu tie broken by staff number (M-0053 before M-0288)"
expect_grep "$TMP/out" "  4.  3000  M-0288" "menu tie broken by staff number"
expect_grep "$TMP/out" "158****6687" "menu phones masked"
run $R menu --at $AT --mode mobile --page-size 4 --page 2 --no-ratings
expect_status 0 "roster menu page 2"
expect_grep "$TMP/out" "22 mediators on duty at $AT, offering mobile; page 2 of 6" "menu page heading"
expect_grep "$TMP/out" "  5.  5000  M-0156" "menu page 2 starts at 5"
run $R menu --at $AT --mode mobile --page 99 --no-ratings
expect_status 0 "roster menu past the end"
expect_file "$TMP/out" "22 mediators on duty at $AT, offering mobile; page 99 of 3; score: best proficiency x 1000" \
	"menu past the end is empty"
run $R menu --at $AT --category neighbor
expect_status 1 "roster menu with an unknown category"
expect_grep "$TMP/err" "unknown category" "menu unknown category message"
run $R menu --mode bicycle
expect_status 2 "roster menu with an unknown mode"
run $R menu --page 0
expect_status 2 "roster menu --page 0"
run $R menu --page-size 501
expect_status 2 "roster menu --page-size 501"
run $R menu --at yesterday
expect_status 2 "roster menu with a bad time"
run $R menu --roster "$TMP/no-such.yaml"
expect_status 3 "roster menu with a missing roster"
run $R frobnicate
expect_status 2 "roster with an unknown subcommand"

# The demo section.
run $MEDIATE demo --data "$datadir" --section roster
expect_status 0 "demo --section roster"
expect_grep "$TMP/out" "312 mediators: 248 in the studios of the 24 police stations" "demo roster summary"
expect_grep "$TMP/out" "think-tank experts" "demo think tank"

exit $((failures > 0))
