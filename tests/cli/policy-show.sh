#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate policy show: the taxonomy and the org tree of the sample county.
. "${srcdir:-.}/tests/cli/lib.sh"

run "$MEDIATE" policy show "$COUNTY"
expect_status 0 "policy show"
expect_grep "$TMP/out" "policy:   鄞州区矛盾纠纷调解政策" "policy show"
expect_grep "$TMP/out" "version:  2026.1" "policy show"
expect_grep "$TMP/out" "Taxonomy ($COUNTY_CATEGORIES categories)" "policy show"
expect_grep "$TMP/out" "Org tree ($COUNTY_UNITS units)" "policy show"
# A category under its family, names in both languages.
grep -qE '^  labour\.wage_arrears +欠薪纠纷 +Wage arrears$' "$TMP/out" ||
	fail "policy show: labour.wage_arrears is not indented under labour with both names"
# The county at the root; a station under its town; a grid three levels down.
grep -qE '^YZ +county +鄞州区 +Yinzhou District +宁波市鄞州区惠风东路568号$' "$TMP/out" ||
	fail "policy show: the county is not the root, or its address is missing"
grep -qE '^    YZ-ZGM-PS +police_station +钟公庙派出所 +Zhonggongmiao Police Station( +宁波市.*)?$' "$TMP/out" ||
	fail "policy show: 钟公庙派出所 is not under its town"
grep -qE '^      YZ-ZGM-JJC-G01 +grid +金家漕社区第1网格' "$TMP/out" || fail "policy show: grid depth"
# Every category and every unit is printed once.
[ "$(grep -cE '^ *(family|neighbour|labour|traffic|property_management|consumer|medical|land|contract|tort|public)(\.| )' "$TMP/out")" -eq "$COUNTY_CATEGORIES" ] ||
	fail "policy show: not $COUNTY_CATEGORIES category lines"
[ "$(grep -cE '^ *YZ[-A-Z0-9]* +(county|town|police_station|community|village|grid|centre|department|enterprise|court|association) ' "$TMP/out")" -eq "$COUNTY_UNITS" ] ||
	fail "policy show: not $COUNTY_UNITS unit lines"
# Columns line up although the names are Chinese: on every unit line of
# the org tree the English name starts in the same terminal column (CJK
# characters take two).
if command -v python3 >/dev/null 2>&1; then
	python3 - "$TMP/out" <<'PY' || fail "policy show: the English names of the org tree are not in one column"
import sys, unicodedata, re
cols = set()
org = False
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("Org tree"):
        org = True
    m = re.match(r"^( *YZ\S* +\S+ +\S+ +)[A-Z]", line) if org else None
    if m:
        cols.add(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in m.group(1)))
sys.exit(0 if len(cols) == 1 else 1)
PY
fi

run "$MEDIATE" policy show --taxonomy --lang zh "$COUNTY"
expect_status 0 "policy show --taxonomy --lang zh"
grep -q "Org tree" "$TMP/out" && fail "policy show --taxonomy printed the org tree"
grep -q "Wage arrears" "$TMP/out" && fail "policy show --lang zh printed English names"
expect_grep "$TMP/out" "欠薪纠纷" "policy show --lang zh"

run "$MEDIATE" policy show --org "$COUNTY"
expect_status 0 "policy show --org"
grep -q "Taxonomy" "$TMP/out" && fail "policy show --org printed the taxonomy"

run "$MEDIATE" policy show --org --taxonomy "$COUNTY"
expect_status 2 "policy show --org --taxonomy"

run "$MEDIATE" policy show "$DATA/typo-key.yaml"
expect_status 1 "policy show of a bad file"
expect_grep "$TMP/err" "typo-key.yaml:11:5: taxonomy[3].parnet: unknown key" "policy show of a bad file"

run "$MEDIATE" policy show "$COUNTY" "$COUNTY"
expect_status 2 "policy show of two files"

finish
