#!/bin/sh
# SPDX-License-Identifier: MIT
# mediate case transition: the file changes only when the lifecycle allows it.
. "${srcdir:-.}/tests/cli/lib.sh"

SMALL="$srcdir/tests/data/cases/good-small.yaml"
cp "$SMALL" "$TMP/case.yaml"
chmod u+w "$TMP/case.yaml"
set -- --policy "$COUNTY" --actor tj_m0011 --unit YZ-ZGM-PS-TJ

# in_mediation -> closed is not in the table: refused, file untouched.
run "$MEDIATE" case transition "$@" --at 2026-11-04T10:00:00+08:00 "$TMP/case.yaml" YZ-ZGM-PS-2026-000457 closed
expect_status 1 "an impossible transition"
expect_file "$TMP/err" "mediate: case transition: $TMP/case.yaml: YZ-ZGM-PS-2026-000457: a case cannot go from in_mediation to closed" \
	"an impossible transition"
cmp -s "$SMALL" "$TMP/case.yaml" || fail "a refused transition changed the file"

# A time before the last event is refused too.
run "$MEDIATE" case transition "$@" --at 2026-11-03T10:00:00+08:00 "$TMP/case.yaml" YZ-ZGM-PS-2026-000457 failed
expect_status 1 "a transition back in time"
cmp -s "$SMALL" "$TMP/case.yaml" || fail "a refused transition changed the file"

# in_mediation -> failed -> closed, recorded in the timeline.
run "$MEDIATE" case transition "$@" --at 2026-11-04T10:00:00+08:00 --note 调解不成 "$TMP/case.yaml" \
	YZ-ZGM-PS-2026-000457 failed
expect_status 0 "in_mediation -> failed"
expect_file "$TMP/out" "$TMP/case.yaml: YZ-ZGM-PS-2026-000457: in_mediation -> failed" "in_mediation -> failed"
run "$MEDIATE" case transition "$@" --at 2026-11-05T09:00:00+08:00 "$TMP/case.yaml" \
	5b0c7c1e-2f4a-4c51-9a57-3c8e0f6d9a21 closed
expect_status 0 "failed -> closed (by UUID)"
run "$MEDIATE" case check --policy "$COUNTY" "$TMP/case.yaml"
expect_status 0 "the rewritten file is valid"
expect_grep "$TMP/case.yaml" "  state: closed" "the rewritten state"
expect_grep "$TMP/case.yaml" "    details: 调解不成" "the note in the timeline"
# Only the state, the outcome and two events were added.
diff "$SMALL" "$TMP/case.yaml" >"$TMP/diff"
[ "$(grep -c '^>' "$TMP/diff")" -eq 16 ] || { fail "unexpected changes"; cat "$TMP/diff" >&2; }

# A file of one case stays a file of one case; transferred takes its body.
run "$MEDIATE" case show --yaml --policy "$COUNTY" "$SMALL" YZ-ZGM-PS-2026-000457
cp "$TMP/out" "$TMP/one.yaml"
run "$MEDIATE" case transition "$@" --at 2026-11-05T10:00:00+08:00 "$TMP/one.yaml" YZ-ZGM-PS-2026-000457 \
	transferred
expect_status 2 "transferred without --transfer and --body"
run "$MEDIATE" case transition "$@" --at 2026-11-05T10:00:00+08:00 --transfer litigation --body 宁波市鄞州区人民法院 \
	"$TMP/one.yaml" YZ-ZGM-PS-2026-000457 transferred
expect_status 0 "in_mediation -> transferred"
head -n 1 "$TMP/one.yaml" | grep -q '^id: 5b0c7c1e-' || fail "the single-case file became something else"
expect_grep "$TMP/one.yaml" "  transfer: litigation" "the transfer in the outcome"

# Usage errors.
run "$MEDIATE" case transition --policy "$COUNTY" "$TMP/case.yaml" YZ-ZGM-PS-2026-000457 closed
expect_status 2 "transition without --actor"
run "$MEDIATE" case transition "$@" "$TMP/case.yaml" YZ-ZGM-PS-2026-000457 finished
expect_status 2 "transition to an unknown state"
run "$MEDIATE" case transition "$@" --at yesterday "$TMP/case.yaml" YZ-ZGM-PS-2026-000457 closed
expect_status 2 "transition with a bad --at"

finish
