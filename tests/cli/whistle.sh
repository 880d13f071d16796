#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate whistle / dispatch / report / tick / board: a whole story across
# separate invocations on one route store, in the sample county (鄞州区):
# auto and manual dispatch, a return and re-route, an extension, a finish,
# rating and confirming, a reopen, ticks with breaches and escalations, the
# board, the audit check; an impossible step refused with the store
# unchanged; an edited, cut or foreign store refused.
. "${srcdir:-.}/tests/cli/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "whistle.sh: the sqlite3 shell is needed to edit the store: skipped"
	exit 77
fi
datadir="$srcdir/examples/data"
DB="$TMP/route.db"
KEY="$TMP/audit.key"
printf 'yinzhou dispatch centre audit key 2026\n' > "$KEY"
unset MEDIATE_AUDIT_KEY MEDIATE_STORE MEDIATE_ACTOR

m() {
	run "$MEDIATE" "$@" --store "$DB" --data "$datadir" --key-file "$KEY"
}

# No key: refused before anything is created.
run "$MEDIATE" whistle --store "$DB" --data "$datadir" --unit YZ-ZH-SZQ-G01 --category public.road
expect_status 2 "whistle without a key"
expect_grep "$TMP/err" "no audit key" "whistle without a key: the message"
[ ! -e "$DB" ] || fail "whistle without a key created the store"
run "$MEDIATE" board --store "$DB" --data "$datadir" --key-file "$KEY"
expect_status 3 "board of a store that does not exist"

# Three whistles (吹哨).
m whistle --unit YZ-ZH-SZQ-G01 --category public.road --place "宋诏桥路12号" \
	--text "人行道地砖松动，已有老人绊倒" --raiser "网格员 俞丽娟" --at 2026-11-02T09:10:00+08:00
expect_status 0 "whistle 1"
expect_file "$TMP/out" "1" "whistle 1 prints the order number"
m whistle --unit YZ-ZGM-JJC --category public.streetscape --place "金家漕路绿化带" \
	--text "绿化带内建筑垃圾和生活垃圾堆积" --raiser "金家漕社区 书记 陈建国" --at 2026-11-02T10:20:00+08:00
expect_file "$TMP/out" "2" "whistle 2"
m whistle --unit YZ-YL-SLJ-G01 --category public.road --urgency normal --place "上李家村村道" \
	--text "村道坑洼，农用车通行困难" --raiser "上李家村 村主任 李国平" --at 2026-11-02T10:40:00+08:00
expect_file "$TMP/out" "3" "whistle 3"
m whistle --unit YZ-DQH-HL-G02 --category public.safety_hazard --urgency critical --place "韩岭老街35号" \
	--text "电线裸露并有燃气异味" --raiser "网格员 韩伟" --case YZ-2026-004512 --at 2026-11-02T11:00:00+08:00
expect_file "$TMP/out" "4" "whistle 4"
m whistle --unit YZ-NOPE --category public.road --at 2026-11-02T11:01:00+08:00
expect_status 1 "whistle from an unknown unit"

# Dispatch (派单): by the rules, and by hand.
m dispatch 1 --auto --actor "派单员 郑洁" --at 2026-11-02T09:20:00+08:00
expect_status 1 "dispatch at a time before the last step"
expect_grep "$TMP/err" "time goes backwards" "dispatch backwards: the message"
m dispatch 1 --auto --actor "派单员 郑洁" --at 2026-11-02T11:05:00+08:00
expect_status 0 "dispatch 1 by the rules"
expect_grep "$TMP/out" "lead YZ-ZH-CJ" "dispatch 1 goes to 中河街道城建办"
m dispatch 2 --actor "派单员 郑洁" --at 2026-11-02T11:06:00+08:00
expect_status 0 "dispatch 2 (auto is the default)"
m dispatch 3 --actor "派单员 郑洁" --at 2026-11-02T11:07:00+08:00
expect_grep "$TMP/out" "lead YZ-YL-CJ" "dispatch 3 goes to 云龙镇城建办"
m dispatch 4 --lead YZ-GA --assist YZ-E-GD,YZ-E-RQ --level county --actor "夜班 派单员 朱琳" \
	--at 2026-11-02T11:08:00+08:00
expect_status 0 "dispatch 4 by hand"
expect_grep "$TMP/out" "order 4 dispatched (county" "dispatch 4 at county level"
expect_grep "$TMP/out" "assist YZ-E-RQ" "dispatch 4 with two assisting departments"

# Order 1: acknowledged, on site, progress, finished, rated, confirmed.
m report 1 --department YZ-ZH-CJ ack --actor "城建办 徐斌" --at 2026-11-02T11:30:00+08:00
expect_status 0 "ack 1"
expect_grep "$TMP/out" "YZ-ZH-CJ 中河街道城建办 acknowledged" "ack 1: the task state"
m report 1 --department YZ-ZH-CJ check-in --actor "城建办 徐斌" --at 2026-11-02T14:30:00+08:00
expect_grep "$TMP/out" "on_site" "check-in 1"
m report 1 --department YZ-ZH-CJ progress "已围挡，地砖已订货" --actor "城建办 徐斌" --at 2026-11-02T15:00:00+08:00
expect_status 0 "progress 1"
m report 1 --department YZ-ZH-CJ finish "更换松动地砖36块" --actor "城建办 徐斌" --at 2026-11-03T10:00:00+08:00
expect_status 0 "finish 1"

# Impossible step: confirming before rating is refused, and the store is unchanged.
sqlite3 "$DB" .dump > "$TMP/before.sql" 2>/dev/null || fail "sqlite3 cannot dump the store"
m report 1 confirm --actor "网格员 俞丽娟" --at 2026-11-03T10:30:00+08:00
expect_status 1 "confirm before rating"
expect_grep "$TMP/err" "is not rated yet" "confirm before rating: the message"
m report 2 --department YZ-ZH-CJ finish "不存在的任务" --at 2026-11-03T10:30:00+08:00
expect_status 1 "finish by a department without a task"
sqlite3 "$DB" .dump > "$TMP/after.sql" 2>/dev/null
cmp -s "$TMP/before.sql" "$TMP/after.sql" || fail "a refused step changed the store"
m report 1 rate --department YZ-ZH-CJ satisfied --actor "网格员 俞丽娟" --at 2026-11-03T10:31:00+08:00
expect_status 0 "rate 1"
m report 1 confirm --actor "网格员 俞丽娟" --at 2026-11-03T10:32:00+08:00
expect_status 0 "confirm 1"
expect_grep "$TMP/out" "order 1 closed" "order 1 is closed"

# Order 2: the lead returns it (退单) and the dispatcher re-routes it.
m report 2 --department YZ-ZGM-ZF return not_our_duty "垃圾清运属环卫公司职责" --actor "执法队 林涛" \
	--at 2026-11-03T10:40:00+08:00
expect_status 0 "return 2"
expect_grep "$TMP/out" "returned" "return 2: the task state"
m dispatch 2 --reroute YZ-ZGM-ZF --to YZ-E-HW --actor "派单员 郑洁" --at 2026-11-03T10:50:00+08:00
expect_status 0 "reroute 2"
expect_grep "$TMP/out" "lead YZ-E-HW" "reroute 2 goes to 环卫公司"
m report 2 --department YZ-E-HW return bogus "x" --at 2026-11-03T10:51:00+08:00
expect_status 2 "return with an unknown reason"

# Order 3: an extension asked and approved, finished, then reopened.
m report 3 --department YZ-YL-CJ ack --actor "城建办 沈海" --at 2026-11-03T11:00:00+08:00
m report 3 --department YZ-YL-CJ check-in --actor "城建办 沈海" --at 2026-11-03T14:00:00+08:00
m report 3 --department YZ-YL-CJ extend 450 "沥青需从区搅拌站调运" --actor "城建办 沈海" --at 2026-11-03T15:00:00+08:00
expect_status 0 "extension request 3"
expect_grep "$TMP/out" "extension requested" "extension request 3: shown"
m dispatch 3 --extension approve --department YZ-YL-CJ --note "同意" --actor "派单员 郑洁" --at 2026-11-03T15:20:00+08:00
expect_status 0 "extension approved"
m dispatch 3 --extension approve --department YZ-YL-CJ --actor "派单员 郑洁" --at 2026-11-03T15:21:00+08:00
expect_status 1 "a second approval with no request pending"
m report 3 --department YZ-YL-CJ finish "村道坑洼已修补120平方米" --actor "城建办 沈海" --at 2026-11-05T17:00:00+08:00
expect_status 0 "finish 3"
m report 3 reopen "雨后坑洼再次出现" --actor "上李家村 村主任 李国平" --at 2026-11-06T09:00:00+08:00
expect_status 0 "reopen 3"
expect_grep "$TMP/out" "order 3 dispatched" "reopen 3: back to work"

# Ticks: order 4 (critical) was never acknowledged, order 2's new task neither.
m tick --at 2026-11-06T10:00:00+08:00
expect_status 0 "tick"
cp "$TMP/out" "$TMP/tick1"
expect_grep "$TMP/tick1" "#4 YZ-GA 签收 acknowledge BREACH" "tick: order 4 breached"
expect_grep "$TMP/tick1" "escalation supervision 督办" "tick: a supervision escalation"
expect_grep "$TMP/tick1" "#2 YZ-E-HW" "tick: order 2's new department"
sort -c -s -k1,2 "$TMP/tick1" 2>/dev/null || fail "tick: events are not in deadline order"
m tick --at 2026-11-06T10:00:00+08:00
expect_file "$TMP/out" "nothing due" "a second tick at the same time hands back nothing"

# The board.
m board --at 2026-11-06T10:00:00+08:00
expect_status 0 "board"
expect_grep "$TMP/out" "YZ-GA " "board: the police department's tasks"
expect_grep "$TMP/out" "overdue" "board: overdue tasks"
if grep -q "^  #1 " "$TMP/out"; then fail "board: closed order 1 is listed"; fi
m board --at 2026-11-06T10:00:00+08:00 --department YZ-YL-CJ
expect_status 0 "board of one department"
expect_grep "$TMP/out" "#3" "board --department: order 3"
if grep -q "YZ-GA" "$TMP/out"; then fail "board --department lists other departments"; fi
m board --audit --at 2026-11-06T10:00:00+08:00
expect_status 0 "board --audit"
expect_grep "$TMP/out" "chain verified" "board --audit"
head=$(sed -n 's/^head //p' "$TMP/out")
[ ${#head} -eq 64 ] || fail "board --audit prints the head"
m board --audit --head "$head" --at 2026-11-06T10:00:00+08:00
expect_status 0 "board --audit --head (the same head)"

# A step after the checks, then cut it off: only the kept head notices.
m report 2 --department YZ-E-HW ack --actor "环卫公司 调度 吴刚" --at 2026-11-06T10:10:00+08:00
expect_status 0 "ack 2"
m board --audit --at 2026-11-06T10:10:00+08:00
newhead=$(sed -n 's/^head //p' "$TMP/out")
sqlite3 "$DB" "DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)"
m board --audit --head "$newhead" --at 2026-11-06T10:10:00+08:00
expect_status 1 "a cut journal against the kept head"
expect_grep "$TMP/out" "does NOT end at the given head" "cut journal: the message"

# Edit a row with sqlite3: every command refuses the store.
cp "$DB" "$TMP/good.db"
sqlite3 "$DB" "UPDATE journal SET s1 = '更换松动地砖3块' WHERE call = 'finish' AND dept = 'YZ-ZH-CJ'"
m board --at 2026-11-06T10:10:00+08:00
expect_status 1 "board of an edited store"
expect_grep "$TMP/err" "fails its keyed hash" "edited store: the message"
m tick --at 2026-11-06T10:10:00+08:00
expect_status 1 "tick of an edited store"
cp "$TMP/good.db" "$DB"
rm -f "$DB-wal" "$DB-shm"

# A trigger added with sqlite3 would drop every new row: the store is refused.
cp "$DB" "$TMP/trigger.db"
sqlite3 "$TMP/trigger.db" "CREATE TRIGGER lose AFTER INSERT ON journal BEGIN DELETE FROM journal WHERE seq = NEW.seq; END"
run "$MEDIATE" report 3 --department YZ-YL-CJ ack --store "$TMP/trigger.db" --data "$datadir" --key-file "$KEY" \
	--at 2026-11-06T10:20:00+08:00
expect_status 1 "a store with a trigger added"
expect_grep "$TMP/err" "schema was altered" "a store with a trigger added: the message"

# A zero-byte file is not a store: board, tick, dispatch and report refuse it and leave it empty.
: > "$TMP/empty.db"
run "$MEDIATE" board --store "$TMP/empty.db" --data "$datadir" --key-file "$KEY"
expect_status 3 "board of a zero-byte file"
expect_grep "$TMP/err" "empty file, not a route store" "board of a zero-byte file: the message"
run "$MEDIATE" tick --store "$TMP/empty.db" --data "$datadir" --key-file "$KEY"
expect_status 3 "tick of a zero-byte file"
[ ! -s "$TMP/empty.db" ] || fail "board or tick wrote into a zero-byte file"

# Another key, another policy.
printf 'somebody else entirely, not ours\n' > "$TMP/other.key"
run "$MEDIATE" board --store "$DB" --data "$datadir" --key-file "$TMP/other.key"
expect_status 1 "another key"
expect_grep "$TMP/err" "audit key" "another key: the message"
printf 'short\n' > "$TMP/short.key"
run "$MEDIATE" board --store "$DB" --data "$datadir" --key-file "$TMP/short.key"
expect_status 1 "a key too short"
run "$MEDIATE" board --store "$DB" --policy "$srcdir/tests/data/route/policy.yaml" --key-file "$KEY"
expect_status 1 "another policy"
expect_grep "$TMP/err" "belongs to the policy" "another policy: the message"
MEDIATE_AUDIT_KEY="yinzhou dispatch centre audit key 2026" MEDIATE_STORE="$DB" \
	run "$MEDIATE" board --data "$datadir" --at 2026-11-06T10:10:00+08:00
expect_status 0 "board with the key and store from the environment"

# Usage errors.
m report 1 --department YZ-ZH-CJ
expect_status 2 "report without an action"
m dispatch
expect_status 2 "dispatch without an order"
m dispatch 3 --to YZ-E-HW
expect_status 2 "dispatch --to without --reroute"
m report 3 confirm --department YZ-YL-CJ
expect_status 2 "confirm with a department"
run "$MEDIATE" help whistle
expect_status 0 "help whistle"
finish
