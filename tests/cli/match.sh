#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate match rank|batch|team|nearest: a small roster of the Baizhang
# studio and the think tank, written here so every score can be checked by
# hand against the weights of examples/data/county.yaml (matching: specialty
# 400, rating 150, success 150, level 50, locality 150, load 50, language 30,
# mode 20), then the sample data, then the refusals.
. "${srcdir:-.}/tests/cli/lib.sh"

datadir="$srcdir/examples/data"
AT=2026-12-01T09:00:00+08:00

cat >"$TMP/roster.yaml" <<'EOF'
format: mediate-roster
version: 1
mediators:
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b01
  staff: M-9001
  name: 张国强
  unit: YZ-BZ-PS-TJ
  post: full_time
  level: 3
  specialties: {neighbour: 4}
  languages: [zh, wuu]
  modes: [on_the_spot]
  capacity: 5
  load: 1
  duty: "on"
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b02
  staff: M-9002
  name: 刘海燕
  unit: YZ-BZ-PS-TJ
  post: full_time
  level: 2
  specialties: {neighbour.boundary: 5}
  languages: [zh]
  modes: [on_the_spot]
  capacity: 3
  load: 0
  duty: "on"
  recusals:
  - name: 刘德明
    relationship: 亲属
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b03
  staff: M-9003
  name: 陈志华
  unit: YZ-ZK
  post: invited_expert
  level: 6
  specialties: {labour.wage_arrears: 5}
  think_tank: true
  external_body: YZ-FY
  languages: [zh]
  modes: [on_the_spot, joint]
  capacity: 4
  load: 1
  duty: "on"
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b04
  staff: M-9004
  name: 王丽萍
  unit: YZ-BZ-PS-TJ
  post: part_time
  level: 2
  specialties: {neighbour.noise: 5}
  languages: [zh]
  modes: [on_the_spot, remote_video]
  capacity: 2
  load: 0
  duty: "off"
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b05
  staff: M-9005
  name: 孙建军
  unit: YZ-BZ-PS-TJ
  post: full_time
  level: 4
  specialties: {neighbour.noise: 4}
  languages: [zh]
  modes: [on_the_spot, remote_video]
  capacity: 3
  load: 3
  duty: "on"
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b06
  staff: M-9006
  name: 徐美华
  unit: YZ-BZ-PS-TJ
  post: retired_volunteer
  level: 4
  specialties: {family: 3}
  languages: [zh, wuu]
  modes: [on_the_spot, mobile]
  coordinates: {lat: 29.860000, lon: 121.550000}
  capacity: 2
  load: 0
  duty: "on"
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b07
  staff: M-9007
  name: 周建平
  unit: YZ-BZ-PS-TJ
  post: invited_expert
  level: 2
  specialties: {contract.construction: 4}
  languages: [zh]
  modes: [on_the_spot]
  capacity: 2
  load: 0
  duty: "on"
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b08
  staff: M-9008
  name: 胡晓东
  unit: YZ-BZ-PS-TJ
  post: full_time
  level: 3
  specialties: {neighbour: 2}
  languages: [zh]
  modes: [on_the_spot, mobile]
  coordinates: {lat: 29.870000, lon: 121.560000}
  capacity: 2
  load: 0
  duty: "on"
  leave:
  - from: 2026-11-25T00:00:00+08:00
    until: 2026-12-05T00:00:00+08:00
    reason: 年假
- id: 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b09
  staff: M-9009
  name: 杨秀英
  unit: YZ-BZ-PS-TJ
  post: full_time
  level: 3
  specialties: {neighbour.noise: 3}
  languages: [zh]
  modes: [on_the_spot, remote_video]
  capacity: 1
  load: 0
  duty: "on"
  recusals:
  - name: 王桂兰
    relationship: 邻居
EOF

# case NUMBER CATEGORY MODE PEOPLE RISKS APPLICANT RESPONDENT: a case document
# received at the Baizhang police station.
case_yaml() {
	printf '%s\n' \
		"- id: 7e3f1c2a-5b6d-4e8f-9a0b-1c2d3e4f5${1##*-000}" \
		"  number: $1" \
		"  state: received" \
		"  received_at: 2026-11-30T10:20:00+08:00" \
		"  unit: YZ-BZ-PS" \
		"  category: $2"
	[ "$3" = - ] || printf '  mediation:\n    mode: %s\n' "$3"
	printf '%s\n' \
		"  facts:" \
		"    people_involved: $4" \
		"    amount: \"0.00\""
	[ "$5" = - ] || printf '    risks: [%s]\n' "$5"
	printf '%s\n' \
		"  parties:" \
		"  - {id: p1, role: applicant, kind: person, name: $6}" \
		"  - {id: p2, role: respondent, kind: person, name: $7}" \
		"  timeline:" \
		"  - {at: 2026-11-30T10:20:00+08:00, actor: mj_zhoulei, unit: YZ-BZ-PS, event: received}"
}
{
	printf 'format: mediate-cases\nversion: 1\ncases:\n'
	case_yaml YZ-BZ-PS-2026-000901 neighbour.boundary - 2 - 刘德明 陈秀英
	case_yaml YZ-BZ-PS-2026-000902 labour.wage_arrears - 30 mass_incident 宁波鄞州恒远建筑劳务有限公司 李卫东
	case_yaml YZ-BZ-PS-2026-000903 neighbour.noise remote_video 2 - 赵建华 钱玉芳
	case_yaml YZ-BZ-PS-2026-000904 neighbour.noise remote_video 2 - 吴晓明 郑丽娟
	case_yaml YZ-BZ-PS-2026-000905 neighbour.noise remote_video 2 - 王桂兰 冯志刚
} >"$TMP/cases.yaml"

M() {
	run "$MEDIATE" match "$@" --policy "$datadir/county.yaml" --roster "$TMP/roster.yaml" --at "$AT"
}

# ---- rank: scores by hand ----
# 000901 (general, station YZ-BZ-PS): 刘海燕 recuses (亲属 of 刘德明), so
# 张国强 leads: neighbour is an ancestor of neighbour.boundary at proficiency
# 4: 450 x 400; rating: the prior 4.0 stars -> 750 x 150; success 0; level
# 3 vs 1: 600 x 50; same station: 1000 x 150; load 4 of 5 free: 800 x 50;
# Chinese: 1000 x 30; no valued mode: 0 -> 542500.  胡晓东 is on leave.
M rank --number YZ-BZ-PS-2026-000901 --explain --excluded "$TMP/cases.yaml"
expect_status 0 "rank --explain --excluded"
[ -s "$TMP/err" ] && { fail "rank wrote on stderr"; sed 's/^/  /' "$TMP/err" >&2; }
expect_grep "$TMP/out" "YZ-BZ-PS-2026-000901  neighbour.boundary  general  mode -  unit YZ-BZ-PS" "rank: the case line"
grep -qE '^   1  M-9001  张国强  YZ-BZ-PS-TJ   L3    542500       450    750       0   600     1000  800     1000    0$' \
	"$TMP/out" || fail "rank: 张国强 first with 542500 and its components"
grep -qE '^        specialty   450 x  400 =  180000$' "$TMP/out" || fail "rank --explain: the specialty line"
grep -qE '^        locality   1000 x  150 =  150000$' "$TMP/out" || fail "rank --explain: the locality line"
grep -qE '^        score +542500$' "$TMP/out" || fail "rank --explain: the sum"
grep -q 'M-9002' "$TMP/out" || fail "rank --excluded: 刘海燕 is not listed"
grep -qE '^        M-9002  刘海燕  YZ-BZ-PS-TJ   L2  recused$' "$TMP/out" || fail "rank --excluded: 刘海燕 recused"
grep -qE '^        M-9008  胡晓东  YZ-BZ-PS-TJ   L3  unavailable$' "$TMP/out" || fail "rank --excluded: 胡晓东 on leave"
grep -qE '^        M-9004  王丽萍  YZ-BZ-PS-TJ   L2  unavailable$' "$TMP/out" || fail "rank --excluded: 王丽萍 off duty"
grep -qE '^        M-9005  孙建军  YZ-BZ-PS-TJ   L4  capacity_full$' "$TMP/out" || fail "rank --excluded: 孙建军 full"
expect_grep "$TMP/out" "  excluded: 4 (unavailable 2, capacity_full 1, recused 1)" "rank --excluded: the counts"
# A tie: 周建平 (level 2: 800 x 50, 2 of 2 free) and 杨秀英 (level 3: 600 x 50,
# remote video: 500 x 20) both score 382500 without a specialty; the lower
# staff number comes first.
grep -qE '^   2  M-9007  周建平 .*   382500 ' "$TMP/out" || fail "rank: the tie, 周建平 second"
grep -qE '^   3  M-9009  杨秀英 .*   382500 ' "$TMP/out" || fail "rank: the tie, 杨秀英 third"
n=$(grep -cE '^ +[0-9]+  M-90' "$TMP/out")
[ "$n" -eq 5 ] || fail "rank: $n candidates, expected the 5 eligible"
grep -E '^ +[0-9]+  M-90' "$TMP/out" | awk '{print $6}' | sort -rn -c 2>/dev/null ||
	fail "rank: candidates not ordered by score"

run "$MEDIATE" match rank -k 2 --policy "$datadir/county.yaml" --roster "$TMP/roster.yaml" --at "$AT" \
	--number YZ-BZ-PS-2026-000901 "$TMP/cases.yaml"
expect_status 0 "rank -k 2"
n=$(grep -cE '^ +[0-9]+  M-90' "$TMP/out")
[ "$n" -eq 2 ] || fail "rank -k 2 printed $n candidates"

# Ratings: 周建平 mediated two agreements, each rated 5 stars.  Bayesian
# average (10 x 4.0 + 10) / 12 = 4.167 stars -> (4167 - 1000) / 4 = 791;
# Wilson lower bound of 2 of 2 at z = 1.96: 0.342 -> 342; so 0 + 791 x 150
# + 342 x 150 + 800 x 50 + 1000 x 150 + 1000 x 50 + 1000 x 30 = 439950.
cat >"$TMP/ratings.yaml" <<'EOF'
format: mediate-ratings
version: 1
outcomes:
- case: YZ-BZ-PS-2026-000801
  result: agreement
  ended_at: 2026-10-12T16:00:00+08:00
  mediators: [0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b07]
- case: YZ-BZ-PS-2026-000802
  result: agreement
  ended_at: 2026-10-20T11:30:00+08:00
  mediators: [0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b07]
ratings:
- case: YZ-BZ-PS-2026-000801
  party: p1
  stars: 5
  at: 2026-10-13T09:00:00+08:00
  comment: 周师傅懂工程，算账清楚。
  mediators: [0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b07]
- case: YZ-BZ-PS-2026-000802
  party: p2
  stars: 5
  at: 2026-10-21T10:00:00+08:00
  mediators: [0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b07]
EOF
M rank --number YZ-BZ-PS-2026-000901 -k 3 --ratings "$TMP/ratings.yaml" "$TMP/cases.yaml"
expect_status 0 "rank with ratings"
grep -qE '^   2  M-9007  周建平  YZ-BZ-PS-TJ   L2    439950         0    791     342   800     1000 1000     1000    0$' \
	"$TMP/out" || fail "rank with ratings: 周建平 second with 439950"
grep -qE '^   3  M-9009  杨秀英 .*   382500 ' "$TMP/out" || fail "rank with ratings: 杨秀英 third"
# A broken ratings file: its errors, exit 1.
sed 's/stars: 5/stars: 6/' "$TMP/ratings.yaml" >"$TMP/bad-ratings.yaml"
M rank --number YZ-BZ-PS-2026-000901 --ratings "$TMP/bad-ratings.yaml" "$TMP/cases.yaml"
expect_status 1 "rank with a bad ratings file"
grep -qE "^$TMP/bad-ratings.yaml:[0-9]+:[0-9]+: ratings\[0\]\.stars" "$TMP/err" ||
	{ fail "a bad ratings file: no file:line:col: path message"; sed 's/^/  /' "$TMP/err" >&2; }

# The party's choice: refused for a recusal, refused off duty, accepted.
M rank --number YZ-BZ-PS-2026-000901 --request M-9002 "$TMP/cases.yaml"
expect_status 1 "a request for a mediator who recuses"
expect_grep "$TMP/out" "request M-9002 刘海燕: refused: recused (declared a recusal naming a party of the case: 刘德明, 亲属)" \
	"request refused for recusal"
M rank --number YZ-BZ-PS-2026-000901 --request 0c9d1a52-6b1e-4f0a-9c55-1d2e3f4a5b04 "$TMP/cases.yaml"
expect_status 1 "a request for a mediator off duty (by id)"
expect_grep "$TMP/out" "request M-9004 王丽萍: refused: unavailable" "request refused off duty"
M rank --number YZ-BZ-PS-2026-000901 --request M-9001 "$TMP/cases.yaml"
expect_status 0 "a request for an eligible mediator"
expect_grep "$TMP/out" "request M-9001 张国强: accepted, score 542500" "request accepted"
M rank --number YZ-BZ-PS-2026-000901 --request M-0000 "$TMP/cases.yaml"
expect_status 1 "a request for nobody"
expect_grep "$TMP/err" "the roster has no mediator \"M-0000\"" "request for an unknown mediator"

# A major case: only the think tank from level 4 may lead.
M rank --number YZ-BZ-PS-2026-000902 --excluded "$TMP/cases.yaml"
expect_status 0 "rank a major case"
expect_grep "$TMP/out" "YZ-BZ-PS-2026-000902  labour.wage_arrears  major" "the major case is graded major"
grep -qE '^   1  M-9003  陈志华  YZ-ZK' "$TMP/out" || fail "rank major: 陈志华 of the think tank"
n=$(grep -cE '^ +[0-9]+  M-90' "$TMP/out")
[ "$n" -eq 1 ] || fail "rank major: $n candidates, expected 1"
grep -qE '^        M-9006  徐美华  YZ-BZ-PS-TJ   L4  not_think_tank$' "$TMP/out" || fail "rank major: not_think_tank"
grep -qE '^        M-9001  张国强  YZ-BZ-PS-TJ   L3  level_too_low$' "$TMP/out" || fail "rank major: level_too_low"

# Remote video: a mode filter.
M rank --number YZ-BZ-PS-2026-000905 --excluded "$TMP/cases.yaml"
expect_status 0 "rank with nobody eligible"
expect_grep "$TMP/out" "  no eligible mediator" "rank: nobody eligible"
grep -qE '^        M-9001  张国强  YZ-BZ-PS-TJ   L3  mode_not_offered$' "$TMP/out" || fail "rank: mode_not_offered"
grep -qE '^        M-9009  杨秀英  YZ-BZ-PS-TJ   L3  recused$' "$TMP/out" || fail "rank: 杨秀英 recused"

# Without --number: every case awaiting a mediator, one block each.
M rank -k 1 "$TMP/cases.yaml"
expect_status 0 "rank every waiting case"
n=$(grep -c '^YZ-BZ-PS-2026-0009' "$TMP/out")
[ "$n" -eq 5 ] || fail "rank without --number: $n cases, expected 5"

# ---- batch: the optimum, capacity exactly full, the unplaced ----
# 杨秀英 is the only remote-video mediator with a free place (one): 000903
# and 000904 compete for it, 000905 names a party she recused from.
M batch "$TMP/cases.yaml"
expect_status 0 "batch"
grep -qE '^  YZ-BZ-PS-2026-000901 +neighbour\.boundary +general +-> M-9001  张国强 .* score 542500  \(2 candidates\)$' "$TMP/out" ||
	fail "batch: 000901 to 张国强"
grep -qE '^  YZ-BZ-PS-2026-000902 +labour\.wage_arrears +major +-> M-9003  陈志华 ' "$TMP/out" ||
	fail "batch: 000902 to 陈志华"
n=$(grep -cE '^  YZ-BZ-PS-2026-00090[34] .*-> M-9009  杨秀英' "$TMP/out")
[ "$n" -eq 1 ] || fail "batch: 杨秀英 takes $n remote-video cases, her capacity is 1"
grep -qE '^  YZ-BZ-PS-2026-00090[34] .*unplaced: outcompeted' "$TMP/out" || fail "batch: one case outcompeted"
grep -qE '^  YZ-BZ-PS-2026-000905 .*unplaced: no_eligible \(no mediator may take the case\)$' "$TMP/out" ||
	fail "batch: 000905 without an eligible mediator"
grep -qE '^placed 3 of 5, total score [0-9]+, optimal$' "$TMP/out" || fail "batch: the summary"
expect_grep "$TMP/out" "unplaced: 2 (no_eligible 1, outcompeted 1)" "batch: unplaced by reason"
# The total is the sum of the placed scores.
sum=$(grep -- '-> M-' "$TMP/out" | sed 's/.*score \([0-9]*\).*/\1/' | awk '{s += $1} END {print s}')
grep -q "total score $sum," "$TMP/out" || fail "batch: the total is not the sum $sum"

# --state all takes every case whatever its state; an unknown state is refused.
M batch --state received,assessed "$TMP/cases.yaml"
expect_status 0 "batch --state"
expect_grep "$TMP/out" "5 cases in the states asked" "batch --state: the count"
M batch --state pending "$TMP/cases.yaml"
expect_status 2 "batch --state with an unknown state"
expect_grep "$TMP/err" "unknown state \"pending\"" "batch --state pending"

# ---- team ----
M team --number YZ-BZ-PS-2026-000902 --need labour.wage_arrears,contract.construction "$TMP/cases.yaml"
expect_status 0 "team"
grep -qE '^  lead +M-9003  陈志华 .* covers labour\.wage_arrears$' "$TMP/out" || fail "team: the lead"
grep -qE '^  member +M-9007  周建平 .* covers contract\.construction$' "$TMP/out" || fail "team: the member"
grep -qE '^  team of 2, total score [0-9]+$' "$TMP/out" || fail "team: the total"
M team --number YZ-BZ-PS-2026-000902 --need labour.wage_arrears,contract.construction --size 1 "$TMP/cases.yaml"
expect_status 1 "team too small"
expect_grep "$TMP/out" "no team: not_covered" "team --size 1"
M team --number YZ-BZ-PS-2026-000902 --need labour.wage_arrears,medical.malpractice "$TMP/cases.yaml"
expect_status 1 "team with an uncovered need"
expect_grep "$TMP/out" "no team: not_covered (nobody eligible covers medical.malpractice)" "team: uncovered need"
M team --number YZ-BZ-PS-2026-000902 --need labour.salary "$TMP/cases.yaml"
expect_status 1 "team with an unknown category"
M team --number YZ-BZ-PS-2026-000902 "$TMP/cases.yaml"
expect_status 2 "team without --need"

# ---- nearest ----
run "$MEDIATE" match nearest --lat 29.86 --lon 121.55 --policy "$datadir/county.yaml" \
	--roster "$TMP/roster.yaml" --at "$AT"
expect_status 0 "nearest"
grep -qE '^   1  M-9006  徐美华  YZ-BZ-PS-TJ   L4        0 m$' "$TMP/out" || fail "nearest: 徐美华 at the door"
grep -q 'M-9008' "$TMP/out" && fail "nearest: 胡晓东 is on leave"
grep -qE '^  car: YZ-CAR-1 老潘流动调解车, [0-9]+ m away$' "$TMP/out" || fail "nearest: the car"
run "$MEDIATE" match nearest --lat 29.86 --lon 121.55 --policy "$datadir/county.yaml" \
	--roster "$TMP/roster.yaml" --at 2026-12-06T09:00:00+08:00
expect_status 0 "nearest after the leave"
grep -qE '^   2  M-9008  胡晓东 .* +[0-9]+ m$' "$TMP/out" || fail "nearest: 胡晓东 back from leave"
run "$MEDIATE" match nearest --lat 91 --lon 121.55 --roster "$TMP/roster.yaml"
expect_status 2 "nearest with a latitude out of range"
run "$MEDIATE" match nearest --lat 29.86 --roster "$TMP/roster.yaml"
expect_status 2 "nearest without --lon"

# ---- the sample data ----
run "$MEDIATE" match batch --data "$datadir" --at "$AT" "$datadir/cases.yaml"
expect_status 0 "batch on the sample cases"
[ -s "$TMP/err" ] && { fail "batch on the sample wrote on stderr"; sed 's/^/  /' "$TMP/err" >&2; }
grep -qE '^placed [0-9]+ of [0-9]+, total score [0-9]+, optimal$' "$TMP/out" || fail "batch on the sample: summary"
run "$MEDIATE" match rank --data "$datadir" --at "$AT" --no-ratings -k 3 --explain "$datadir/cases.yaml"
expect_status 0 "rank on the sample cases"
expect_grep "$TMP/out" "rating      750 x  150 =  112500" "rank --no-ratings: the prior (4.0 stars)"

# ---- refusals of the command line and of the inputs ----
run "$MEDIATE" match
expect_status 2 "match without a sub-command"
run "$MEDIATE" match assign "$TMP/cases.yaml"
expect_status 2 "an unknown sub-command"
expect_grep "$TMP/err" "unknown sub-command \"assign\"" "unknown sub-command"
M rank
expect_status 2 "rank without a case file"
M rank --need labour "$TMP/cases.yaml"
expect_status 2 "an option of another sub-command"
expect_grep "$TMP/err" "--need does not apply to 'match rank'" "misplaced option"
M rank -k 0 "$TMP/cases.yaml"
expect_status 2 "rank -k 0"
M rank --request M-9001 "$TMP/cases.yaml"
expect_status 2 "--request without --number"
M rank --number YZ-BZ-PS-2026-000999 "$TMP/cases.yaml"
expect_status 1 "rank an unknown case"
expect_grep "$TMP/err" "no case YZ-BZ-PS-2026-000999" "rank an unknown case"
run "$MEDIATE" match rank --at yesterday --roster "$TMP/roster.yaml" "$TMP/cases.yaml"
expect_status 2 "a bad --at"
M rank "$TMP/none.yaml"
expect_status 3 "a missing case file"
run "$MEDIATE" match rank --policy "$datadir/county.yaml" --roster "$TMP/none.yaml" "$TMP/cases.yaml"
expect_status 3 "a missing roster"
run "$MEDIATE" match rank --data "$datadir" --ratings "$TMP/none.yaml" "$TMP/cases.yaml"
expect_status 3 "missing ratings"
sed 's/level: 6/level: 12/' "$TMP/roster.yaml" >"$TMP/bad-roster.yaml"
run "$MEDIATE" match rank --policy "$datadir/county.yaml" --roster "$TMP/bad-roster.yaml" "$TMP/cases.yaml"
expect_status 1 "a roster with a bad level"
grep -qE "^$TMP/bad-roster.yaml:[0-9]+:[0-9]+: mediators\[2\]\.level" "$TMP/err" ||
	{ fail "a bad roster: no file:line:col: path message"; sed 's/^/  /' "$TMP/err" >&2; }

run "$MEDIATE" match --help
expect_status 0 "match --help"
expect_grep "$TMP/out" "usage: mediate match rank" "match --help"
run "$MEDIATE" help match
expect_status 0 "help match"
finish
