#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate demo: finds the sample data and shows the county.
. "${srcdir:-.}/tests/cli/lib.sh"

datadir="$srcdir/examples/data"

run "$MEDIATE" demo --data "$datadir"
expect_status 0 "mediate demo --data"
[ -s "$TMP/err" ] && { fail "mediate demo wrote on stderr"; sed 's/^/  /' "$TMP/err" >&2; }
cp "$TMP/out" "$TMP/demo"
expect_grep "$TMP/demo" "policy:     鄞州区矛盾纠纷调解政策" "demo: the policy"
expect_grep "$TMP/demo" "categories: $COUNTY_CATEGORIES" "demo: the number of categories"
expect_grep "$TMP/demo" "org units:  $COUNTY_UNITS" "demo: the number of units"
expect_grep "$TMP/demo" "YZ  鄞州区  Yinzhou District" "demo: the county"
expect_grep "$TMP/demo" "鄞州区矛盾纠纷调解中心" "demo: the county mediation centre"
expect_grep "$TMP/demo" "老潘警调工作室" "demo: the Lao Pan studio"
expect_grep "$TMP/demo" "24 police stations; " "demo: 24 police stations"
grep -qE '^ +24  YZ-[A-Z]+-PS +[^ ]+派出所 +[^ ]+ +studio YZ-[A-Z]+-PS-TJ$' "$TMP/demo" ||
	fail "demo: the 24th station line does not show code, name, town and studio"
grep -qE '^  police_station +24$' "$TMP/demo" || fail "demo: the count of stations by kind"
grep -qE "^  total +$COUNTY_UNITS\$" "$TMP/demo" || fail "demo: the total of units"
grep -qE '^ +total +[0-9]+ +[0-9]+ +16 +[0-9]+$' "$TMP/demo" || fail "demo: the totals of the towns table"
expect_grep "$TMP/demo" "鄞州区人民法院" "demo: the court"
expect_grep "$TMP/demo" "鄞州区医疗纠纷人民调解委员会" "demo: the medical mediation committee"
grep -qE '^    labour\.wage_arrears +欠薪纠纷 +Wage arrears$' "$TMP/demo" || fail "demo: the taxonomy"
expect_grep "$TMP/demo" "$COUNTY_CATEGORIES categories in 11 families" "demo: the taxonomy summary"
# Every section of the table has its numbered heading.
run "$MEDIATE" demo --list
expect_status 0 "mediate demo --list"
n=0
while read -r name title; do
	n=$((n + 1))
	expect_grep "$TMP/demo" "$n. $title" "demo: the heading of section $name"
done <"$TMP/out"
[ "$n" -ge 7 ] || fail "demo --list: only $n sections"

# The data directory: --data, then $MEDIATE_DATA, then the source tree.
run env MEDIATE_DATA="$datadir" "$MEDIATE" demo --section county
expect_status 0 "demo with MEDIATE_DATA"
expect_grep "$TMP/out" "2. The county" "demo --section county"
grep -q "Dispute taxonomy" "$TMP/out" && fail "demo --section county printed other sections"
run "$MEDIATE" demo --section county --section taxonomy
expect_status 0 "demo from the built-in source tree path"
expect_grep "$TMP/out" "7. Dispute taxonomy" "demo with two sections"
run "$MEDIATE" demo --data "$TMP"
expect_status 3 "demo --data on a directory without county.yaml"
expect_grep "$TMP/err" "$TMP/county.yaml: not found (from --data)" "demo --data on an empty directory"
run env MEDIATE_DATA="$TMP" "$MEDIATE" demo
expect_status 3 "demo with MEDIATE_DATA on a directory without county.yaml"
expect_grep "$TMP/err" "(from \$MEDIATE_DATA)" "demo with a bad MEDIATE_DATA"

# A broken county in the data directory: its errors, exit 1.
cp "$DATA/dangling-parent.yaml" "$TMP/county.yaml"
run "$MEDIATE" demo --data "$TMP"
expect_status 1 "demo on a broken county"
expect_file "$TMP/err" "$TMP/county.yaml:15:13: org[2].parent: unknown parent unit \"YZ-ZMG\"; did you mean \"YZ-ZGM\"?" \
	"demo on a broken county"

# The second language is a choice.
run "$MEDIATE" demo --data "$datadir" --lang zh --section taxonomy
expect_status 0 "demo --lang zh"
grep -q "Wage arrears" "$TMP/out" && fail "demo --lang zh printed English names"

run "$MEDIATE" demo extra
expect_status 2 "demo with an argument"

# Matching: the waiting sample cases in one optimal batch, explained.
run "$MEDIATE" demo --data "$datadir" --section matching
expect_status 0 "demo --section matching"
[ -s "$TMP/err" ] && { fail "demo matching wrote on stderr"; sed 's/^/  /' "$TMP/err" >&2; }
grep -qE '^The [0-9]+ sample cases awaiting a mediator, assigned in one optimal batch:$' "$TMP/out" ||
	fail "demo matching: the batch of waiting cases"
grep -qE '^  YZ-TJ-2026-000066 +property_management\.renovation +difficult +-> M-[0-9]{4} ' "$TMP/out" ||
	fail "demo matching: a difficult waiting case placed"
grep -qE '^  placed ([0-9]+) of \1 cases, total score [0-9]+, optimal; unplaced: none$' "$TMP/out" ||
	fail "demo matching: every waiting case placed, optimally"
grep -qE '^  YZ-ZK +[0-9]+ +[1-9][0-9]* +[1-9][0-9]* +调解智库$' "$TMP/out" ||
	fail "demo matching: the think tank takes difficult and major cases"
expect_grep "$TMP/out" "A difficult dispute: think-tank members of the grade's level only:" "demo matching: a difficult case"
grep -qE '^    excluded: [0-9]+ \(.*not_think_tank [0-9]+' "$TMP/out" || fail "demo matching: think-tank exclusions"
grep -qE '^      score +[0-9]+$' "$TMP/out" || fail "demo matching: an explanation"
grep -qE '^      lead +M-[0-9]{4} ' "$TMP/out" || fail "demo matching: the lead of a joint team"

# The payroll of November 2026: per unit and overall, and one payslip with
# every line explained; the same net as `mediate payroll` on the same data.
run "$MEDIATE" demo --data "$datadir" --section payroll
expect_status 0 "demo --section payroll"
cp "$TMP/out" "$TMP/pay"
expect_grep "$TMP/pay" "Payroll 2026-11: 鄞州区矛盾纠纷调解政策" "demo payroll: the title"
grep -qE '^  YZ-LP +老潘警调工作室 +[0-9]+ ' "$TMP/pay" || fail "demo payroll: the Lao Pan studio's totals"
grep -qE '^staff: +[0-9]+ mediators, [0-9]+ paid, [1-9][0-9]* with case awards$' "$TMP/pay" ||
	fail "demo payroll: mediators paid and awarded"
expect_grep "$TMP/pay" "The payslip with the most lines, each explained:" "demo payroll: the payslip"
nlines=$(grep -cE '^ +[0-9]+  (base|grade|award|cap|budget|deduction) ' "$TMP/pay")
nexpl=$(grep -c '^         = ' "$TMP/pay")
[ "$nlines" -ge 5 ] && [ "$nlines" -eq "$nexpl" ] ||
	fail "demo payroll: $nlines payslip lines and $nexpl explanations"
grep -q '^         = .*award\|^         = case ' "$TMP/pay" || fail "demo payroll: the payslip has no case award"
demo_net=$(awk '/^  net pay / { print $3; exit }' "$TMP/pay")
run "$MEDIATE" payroll --data "$datadir" --month 2026-11 --summary
expect_status 0 "payroll --summary for the demo"
grep -qE "^  net pay +$demo_net\$" "$TMP/out" || fail "demo payroll: net $demo_net differs from mediate payroll"
# Without a roster in the data directory the section says so.
mkdir "$TMP/noroster"
cp "$datadir/county.yaml" "$datadir/cases.yaml" "$TMP/noroster/"
run "$MEDIATE" demo --data "$TMP/noroster" --section payroll
expect_status 0 "demo payroll without roster.yaml"
expect_grep "$TMP/out" "(no roster.yaml in $TMP/noroster: no payroll)" "demo payroll without roster.yaml"

finish
