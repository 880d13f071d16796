#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate policy check: compiler-style errors, exit codes, limits.
. "${srcdir:-.}/tests/cli/lib.sh"

# The sample county is valid.
run "$MEDIATE" policy check "$COUNTY"
expect_status 0 "policy check of the sample county"
expect_file "$TMP/out" "$COUNTY: ok: $COUNTY_CATEGORIES categories, $COUNTY_UNITS units" "policy check of the sample county"
[ -s "$TMP/err" ] && fail "policy check of the sample county wrote on stderr"

run "$MEDIATE" policy check -q "$COUNTY"
expect_status 0 "policy check -q"
[ -s "$TMP/out" ] && fail "policy check -q printed on stdout"

# A 200 KB document of nested '[': refused at once, at the 65th level.
head -c 204800 /dev/zero | tr '\0' '[' >"$TMP/nested.yaml"
# The three bad files of the issue, in one run: three precise errors.
typo="$DATA/typo-key.yaml"
dangling="$DATA/dangling-parent.yaml"
nested="$TMP/nested.yaml"
run timeout 10 "$MEDIATE" policy check "$typo" "$dangling" "$nested"
expect_status 1 "policy check of three bad files"
expect_file "$TMP/err" "$typo:11:5: taxonomy[3].parnet: unknown key \"parnet\"; did you mean \"parent\"?
$dangling:15:13: org[2].parent: unknown parent unit \"YZ-ZMG\"; did you mean \"YZ-ZGM\"?
$nested:1:65: nesting deeper than 64 levels (limit max_depth)" "policy check of three bad files"
[ -s "$TMP/out" ] && fail "policy check of three bad files printed on stdout"

# Every error of a file is reported, in document order, not only the first.
many="$DATA/many-errors.yaml"
run "$MEDIATE" policy check "$many"
expect_status 1 "policy check of a file with five errors"
expect_file "$TMP/err" "$many:5:3: policy.versoin: unknown key \"versoin\"; did you mean \"version\"?
$many:9:12: taxonomy[2].code: category code \"Land.Contract\" is not valid (lower-case letters, digits, '_', and '.' or '-' after the first character; at most 64)
$many:12:26: org[1].kind: unknown unit kind \"twon\"; did you mean \"town\"?
$many:14:12: org[3].code: duplicate unit code \"YZ-DQH-HL\" (first at line 13)
$many:15:67: org[4].name: a name must not be empty" "policy check of a file with five errors"

# A good file among bad ones is still reported ok, and the status is 1.
run "$MEDIATE" policy check "$typo" "$COUNTY"
expect_status 1 "policy check of a bad and a good file"
expect_file "$TMP/out" "$COUNTY: ok: $COUNTY_CATEGORIES categories, $COUNTY_UNITS units" "the good file among bad ones"

# Standard input.
run sh -c "\"$MEDIATE\" policy check - <\"$dangling\""
expect_status 1 "policy check of standard input"
expect_file "$TMP/err" "<stdin>:15:13: org[2].parent: unknown parent unit \"YZ-ZMG\"; did you mean \"YZ-ZGM\"?" \
	"policy check of standard input"
run sh -c "\"$MEDIATE\" policy check - <\"$COUNTY\""
expect_status 0 "policy check of the county on standard input"
expect_file "$TMP/out" "<stdin>: ok: $COUNTY_CATEGORIES categories, $COUNTY_UNITS units" "the county on standard input"

# The limits are options.
run "$MEDIATE" policy check --max-depth 3 "$COUNTY"
expect_status 1 "policy check --max-depth 3"
expect_grep "$TMP/err" "nesting deeper than 3 levels (limit max_depth)" "policy check --max-depth 3"
run "$MEDIATE" policy check --max-bytes 1000 "$COUNTY"
expect_status 1 "policy check --max-bytes 1000"
expect_grep "$TMP/err" "document is larger than the limit of 1000 bytes (max_document_bytes)" "--max-bytes 1000"
run "$MEDIATE" policy check --max-scalar 10 "$COUNTY"
expect_status 1 "policy check --max-scalar 10"
run "$MEDIATE" policy check --max-depth 3 --max-errors 1 "$COUNTY"
expect_status 1 "policy check --max-errors 1"
[ "$(wc -l <"$TMP/err")" -le 2 ] || fail "--max-errors 1 printed $(wc -l <"$TMP/err") lines"

# A file that cannot be read exits 3; with a bad file too, still 3.
run "$MEDIATE" policy check "$TMP/absent.yaml"
expect_status 3 "policy check of a missing file"
expect_grep "$TMP/err" "$TMP/absent.yaml" "the missing file is named"
expect_grep "$TMP/err" "No such file or directory" "the missing file"
run "$MEDIATE" policy check "$typo" "$TMP/absent.yaml"
expect_status 3 "policy check of a bad and a missing file"

finish
