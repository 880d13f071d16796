/* SPDX-License-Identifier: MIT */
/*
 * Policy module: loading (file or buffer) and the taxonomy and org tree.
 * mediate_policy, mediate_category and mediate_unit are opaque handles; the
 * categories and units are borrowed from their policy, so the idiomatic
 * layers keep the policy alive while one of them is reachable.
 */
MEDIATE_HANDLE_OUT(mediate_policy)
MEDIATE_ENUM_OUT(mediate_unit_kind)

%include "mediate/policy.h"
