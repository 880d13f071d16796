#!/bin/sh
# SPDX-License-Identifier: MIT
# examples/c/show_policy on the sample county.
. "${srcdir:-.}/tests/cli/lib.sh"

run ./examples/c/show_policy "$COUNTY"
expect_status 0 "show_policy on the sample county"
expect_grep "$TMP/out" "鄞州区矛盾纠纷调解政策 (version 2026.1, zh)" "show_policy: the policy"
expect_grep "$TMP/out" "taxonomy: $COUNTY_CATEGORIES categories" "show_policy: the taxonomy"
expect_grep "$TMP/out" "    labour.wage_arrears 欠薪纠纷 (Wage arrears)" "show_policy: a category"
expect_grep "$TMP/out" "org: $COUNTY_UNITS units" "show_policy: the org tree"
expect_grep "$TMP/out" "      YZ-ZGM-PS [police_station] 钟公庙派出所" "show_policy: a station under its town"
expect_grep "$TMP/out" "Zhonggongmiao Police Station is a police_station in Zhonggongmiao Subdistrict" \
	"show_policy: look-up by code"

run ./examples/c/show_policy "$DATA/typo-key.yaml"
expect_status 1 "show_policy on a bad file"
expect_file "$TMP/err" "$DATA/typo-key.yaml:11:5: taxonomy[3].parnet: unknown key \"parnet\"; did you mean \"parent\"?" \
	"show_policy on a bad file"

run ./examples/c/show_policy
expect_status 2 "show_policy without a file"

finish
