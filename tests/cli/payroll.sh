#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate payroll: totals that add up, a payslip computed by hand, exports
# that are byte-identical run after run, and the errors (exit 1, 2, 3).
. "${srcdir:-.}/tests/cli/lib.sh"

datadir="$srcdir/examples/data"
P="$MEDIATE payroll --data $datadir --month 2026-11"

# fen FILE COLUMN...: prints the named columns of an RFC 4180 file (header
# row first) as integers of fen, tab separated, with the staff number first.
csv_fen() {
	awk -v want="$2" '
	function split_csv(line,   n, i, c, f, q) {
		n = 0; f = ""; q = 0
		sub(/\r$/, "", line)
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q) {
				if (c == "\"") {
					if (substr(line, i + 1, 1) == "\"") { f = f c; i++ } else q = 0
				} else f = f c
			} else if (c == "\"") q = 1
			else if (c == ",") { F[++n] = f; f = "" }
			else f = f c
		}
		F[++n] = f
		return n
	}
	function fen(s,   neg) {
		neg = sub(/^-/, "", s)
		if (s !~ /^[0-9]+\.[0-9][0-9]$/) { print "bad amount " s > "/dev/stderr"; exit 2 }
		sub(/\./, "", s)
		return (neg ? -1 : 1) * (s + 0)
	}
	NR == 1 { n = split_csv($0); for (i = 1; i <= n; i++) col[F[i]] = i; next }
	{ split_csv($0); printf "%s\t%.0f\n", F[col["staff_number"]], fen(F[col[want]]) }
	' "$1"
}

# ---- the text report ----
run $P --no-ratings
expect_status 0 "payroll --month 2026-11"
[ -s "$TMP/err" ] && { fail "payroll wrote on stderr"; sed 's/^/  /' "$TMP/err" >&2; }
cp "$TMP/out" "$TMP/text"
expect_grep "$TMP/text" "Payroll 2026-11: 鄞州区矛盾纠纷调解政策" "payroll: the title"
expect_grep "$TMP/text" "period:  2026-11-01T00:00:00+08:00 .. 2026-12-01T00:00:00+08:00 (30 days)" "payroll: the period"
grep -qE '^cases: +240 read, [1-9][0-9]* resolved in the month, [1-9][0-9]* with an award' "$TMP/text" ||
	fail "payroll: no case resolved and awarded in November 2026"
grep -qE '^  YZ-LP +老潘警调工作室 +[0-9]+ +[0-9]+ .* 22000\.00$' "$TMP/text" ||
	fail "payroll: the Lao Pan studio's budget of the 2026-11-16 table"
# The overall net is base + grade + incentive + deductions, and the total row of the units says the same.
awk '
	/^  base salary /  { b = $3 } /^  grade salary / { g = $3 } /^  incentive /   { i = $2 }
	/^  deductions /   { d = $2 } /^  net pay /      { n = $3 }
	/^  total /        { t = $8 }
	END {
		gsub(/\./, "", b); gsub(/\./, "", g); gsub(/\./, "", i); gsub(/\./, "", d); gsub(/\./, "", n); gsub(/\./, "", t)
		if (b + g + i + d != n) { print "base+grade+incentive+deductions " b+g+i+d " != net " n; exit 1 }
		if (t != n) { print "units total " t " != net " n; exit 1 }
	}' "$TMP/text" >"$TMP/why" || fail "payroll: overall totals: $(cat "$TMP/why")"

# ---- CSV: every payslip's lines add up to its net, the nets to the overall net ----
run $P --no-ratings --format csv
expect_status 0 "payroll --format csv"
cp "$TMP/out" "$TMP/lines.csv"
head -1 "$TMP/lines.csv" | grep -q '^staff_number,mediator_id,name,unit,kind,case_number,rule,days,amount,note' ||
	fail "payroll csv: the header row"
grep -qv "$(printf '\r')\$" "$TMP/lines.csv" && fail "payroll csv: a line does not end with CRLF"
run $P --no-ratings --format csv --summary
expect_status 0 "payroll --format csv --summary"
cp "$TMP/out" "$TMP/summary.csv"
csv_fen "$TMP/lines.csv" amount | awk -F '\t' '{ s[$1] += $2 } END { for (k in s) printf "%s\t%.0f\n", k, s[k] }' |
	sort >"$TMP/sum-lines"
csv_fen "$TMP/summary.csv" net | sort >"$TMP/nets"
[ "$(wc -l <"$TMP/nets")" -ge 300 ] || fail "payroll csv --summary: $(wc -l <"$TMP/nets") mediators, expected the roster of 300+"
cmp -s "$TMP/sum-lines" "$TMP/nets" || {
	fail "payroll: the lines of some payslips do not add up to their net"
	diff "$TMP/sum-lines" "$TMP/nets" | head -5 >&2
}
overall=$(awk -F '\t' '{ s += $2 } END { printf "%.0f", s }' "$TMP/nets")
net=$(awk '/^  net pay / { v = $3; sub(/\./, "", v); print v + 0 }' "$TMP/text")
[ "$overall" = "$net" ] || fail "payroll: the nets of the mediators add up to $overall, the report says $net"

# ---- one payslip computed by hand ----
# M-0028 张宇航, full time, level 3, at 横溪 (YZ-HX-PS-TJ); the table of
# 2026-11-16 indexes pay to a reference wage of 7200.00: November is split
# 15/30 + 15/30.  Base 3800.00 x 15/30 = 1900.00 and 7200.00 x 550 per mille
# = 3960.00 x 15/30 = 1980.00; grade 400.00 x 15/30 = 200.00 and 7200.00 x
# 60 per mille = 432.00 x 15/30 = 216.00.  Case YZ-HX-PS-2026-000006, a
# difficult dispute agreed on 2026-11-15 (the first table): 200.00, lead
# share 60 of 60 + 20 (an expert) = 150.00, at the prior 4.000 (factor 1000).
run $P --no-ratings --payslip M-0028 --format csv
expect_status 0 "payroll --payslip M-0028 --format csv"
tr -d '\r' <"$TMP/out" | cut -d, -f1,4- >"$TMP/slip"
expect_file "$TMP/slip" "staff_number,unit,kind,case_number,rule,days,amount,note
M-0028,YZ-HX-PS-TJ,base,,pay.tables[0].base.full_time,15,1900.00,
M-0028,YZ-HX-PS-TJ,base,,pay.tables[1].base.full_time,15,1980.00,
M-0028,YZ-HX-PS-TJ,grade,,pay.tables[0].grade[2],15,200.00,
M-0028,YZ-HX-PS-TJ,grade,,pay.tables[1].grade[2],15,216.00,
M-0028,YZ-HX-PS-TJ,award,YZ-HX-PS-2026-000006,pay.tables[0].incentives.difficult.reached,,150.00," \
	"payroll: the payslip of M-0028"
run $P --no-ratings --payslip M-0028
expect_status 0 "payroll --payslip M-0028"
expect_grep "$TMP/out" "Payslip 2026-11: M-0028 张宇航, YZ-HX-PS-TJ 横溪派出所人民调解工作室" "payslip: the header"
grep -qE '^  net pay +4446\.00$' "$TMP/out" || fail "payslip: M-0028 nets 3880.00 + 416.00 + 150.00 = 4446.00"
grep -q '^         = ' "$TMP/out" && fail "payslip: explained without --explain"
# By mediator id too, and explained: one explanation under each of the 5 lines.
id=$(awk -F, '$1 == "M-0028" { print $2; exit }' "$TMP/lines.csv")
run $P --no-ratings --payslip "$id" --explain
expect_status 0 "payroll --payslip ID --explain"
expect_grep "$TMP/out" "Payslip 2026-11: M-0028 张宇航" "payslip by mediator id"
[ "$(grep -c '^         = ' "$TMP/out")" -eq 5 ] || fail "payslip --explain: expected 5 explanations"
expect_grep "$TMP/out" "pay.tables[1].base.full_time, effective 2026-11-16" "payslip --explain: the table version"
run $P --no-ratings --explain
expect_status 0 "payroll --explain (every payslip)"
[ "$(grep -c '^Payslip 2026-11: ' "$TMP/out")" -eq "$(wc -l <"$TMP/nets")" ] ||
	fail "payroll --explain: not one payslip per mediator"

# ---- exports are byte-identical run after run; --output writes the same ----
for fmt in yaml csv; do
	run $P --format $fmt
	expect_status 0 "payroll --format $fmt (1)"
	cp "$TMP/out" "$TMP/a.$fmt"
	run $P --format $fmt --output "$TMP/b.$fmt"
	expect_status 0 "payroll --format $fmt --output"
	[ -s "$TMP/out" ] && fail "payroll --output also wrote on stdout"
	cmp -s "$TMP/a.$fmt" "$TMP/b.$fmt" || fail "payroll --format $fmt: two runs differ"
done
head -c 4000 "$TMP/a.yaml" | grep -q '2026-11' || fail "payroll yaml: no month"
run $P --format yaml --payslip M-0028
expect_status 0 "payroll --format yaml --payslip"
expect_grep "$TMP/out" 'staff_number: "M-0028"' "payroll yaml --payslip"

# ---- errors ----
for bad in 2026-13 2026-00 2026-1 26-11 2026/11 November ""; do
	run $P --month "$bad"
	expect_status 2 "payroll --month \"$bad\""
done
run "$MEDIATE" payroll --data "$datadir"
expect_status 2 "payroll without --month"
expect_grep "$TMP/err" "no month given" "payroll without --month: the message"
run $P --format xml
expect_status 2 "payroll --format xml"
run $P --format yaml --explain
expect_status 2 "payroll --explain with yaml"
run $P --summary --payslip M-0028
expect_status 2 "payroll --summary --payslip"
run $P extra
expect_status 2 "payroll with an argument"
run $P --roster "$TMP/none.yaml"
expect_status 3 "payroll with a missing roster"
run $P --cases "$TMP/none.yaml"
expect_status 3 "payroll with a missing case file"
run $P --ratings "$TMP/none.yaml"
expect_status 3 "payroll with missing ratings"
run $P --policy "$TMP/none.yaml"
expect_status 3 "payroll with a missing policy"
run $P --output "$TMP/no/such/dir/out.txt"
expect_status 3 "payroll --output into a missing directory"
run $P --payslip M-9999
expect_status 1 "payroll --payslip of nobody"
expect_grep "$TMP/err" 'no mediator with staff number or id "M-9999"' "payroll --payslip of nobody: the message"
# A policy without a pay section.
awk '/^pay:/ { skip = 1; next } /^[a-z]/ { skip = 0 } !skip' "$datadir/county.yaml" >"$TMP/nopay.yaml"
run $P --policy "$TMP/nopay.yaml"
expect_status 1 "payroll with a policy without pay"
expect_grep "$TMP/err" "pay section" "payroll with a policy without pay: the message"
run $P --month 2025-12
expect_status 1 "payroll of a month before the first pay table"
# A mediator of a November case who is not on the roster.
awk '/^- id:/ { if (blk != "" && blk !~ /staff: M-0028\n/) printf "%s", blk; blk = "" }
     /^- id:/ || blk != "" { blk = blk $0 "\n"; next } { print }
     END { if (blk !~ /staff: M-0028\n/) printf "%s", blk }' "$datadir/roster.yaml" >"$TMP/roster.yaml"
grep -q 'staff: M-0028' "$TMP/roster.yaml" && fail "test setup: M-0028 still in the roster"
run $P --roster "$TMP/roster.yaml"
expect_status 1 "payroll with a mediator missing from the roster"
expect_grep "$TMP/err" "YZ-HX-PS-2026-000006" "payroll with a mediator missing: the case"
expect_grep "$TMP/err" "not on the roster" "payroll with a mediator missing: the reason"

# Deductions (an upheld complaint) on the command line.
run $P --payslip M-0028 \
	--deduction "M-0028,upheld_complaint,2026-11-20T10:00:00+08:00,YZ-HX-PS-2026-000006,当事人投诉调解员态度生硬，经核实属实"
expect_status 0 "payroll --deduction"
expect_grep "$TMP/out" "deduction  YZ-HX-PS-2026-000006  pay.tables[1].deductions.upheld_complaint            -200.00" \
	"payroll --deduction: the line, from the table in force on the 20th"
expect_grep "$TMP/out" "net pay            4246.00" "payroll --deduction: the net pay (4446.00 - 200.00)"
run $P --payslip M-0028 --format csv \
	--deduction "M-0028,upheld_complaint,2026-11-20T10:00:00+08:00,YZ-HX-PS-2026-000006,当事人投诉调解员态度生硬，经核实属实"
expect_status 0 "payroll --deduction --format csv"
expect_grep "$TMP/out" ",deduction,YZ-HX-PS-2026-000006,pay.tables[1].deductions.upheld_complaint,,-200.00,当事人投诉调解员态度生硬，经核实属实" \
	"payroll --deduction --format csv: the note in its column"
run $P --summary --deduction "M-0028,upheld_complaint,2026-11-05T09:00:00+08:00" \
	--deduction "M-0015,false_record,2026-11-28T16:30:00+08:00,,台账记录与实际不符"
expect_status 0 "payroll --deduction twice"
expect_grep "$TMP/out" "deductions           -700.00" "payroll --deduction twice: 200.00 + 500.00 in the totals"
run $P --deduction "M-0028,no_such_code,2026-11-20T10:00:00+08:00"
expect_status 1 "payroll --deduction of an unknown code"
expect_grep "$TMP/err" 'no deduction "no_such_code"' "payroll --deduction of an unknown code: the message"
run $P --deduction "M-9999,upheld_complaint,2026-11-20T10:00:00+08:00"
expect_status 1 "payroll --deduction of nobody"
expect_grep "$TMP/err" 'no mediator "M-9999" on the roster' "payroll --deduction of nobody: the message"
run $P --deduction "M-0028,upheld_complaint,2026-12-01T00:00:00+08:00"
expect_status 1 "payroll --deduction after the month"
expect_grep "$TMP/err" "outside 2026-11" "payroll --deduction after the month: the message"
run $P --deduction "M-0028,upheld_complaint"
expect_status 2 "payroll --deduction without a time"
run $P --deduction "M-0028,upheld_complaint,2026-11-20"
expect_status 2 "payroll --deduction with a date, not a time"

finish
