/* SPDX-License-Identifier: MIT */
/*
 * libmediate: the policy.
 *
 * One YAML document (see mediate-policy(5)) holds the dispute taxonomy, the
 * org tree and every module's rules.  It is loaded once, validated fully and
 * immutable afterwards: a loaded policy may be shared by any number of
 * threads.  Objects returned by the getters are borrowed from the policy and
 * live until mediate_policy_free().
 */
#ifndef MEDIATE_POLICY_H
#define MEDIATE_POLICY_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/load.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_policy mediate_policy;
typedef struct mediate_category mediate_category;
typedef struct mediate_unit mediate_unit;

/* Kinds of org units.  Only ever appended. */
typedef enum mediate_unit_kind {
	MEDIATE_UNIT_COUNTY = 1,
	MEDIATE_UNIT_TOWN = 2,
	MEDIATE_UNIT_POLICE_STATION = 3,
	MEDIATE_UNIT_COMMUNITY = 4,
	MEDIATE_UNIT_VILLAGE = 5,
	MEDIATE_UNIT_GRID = 6,
	MEDIATE_UNIT_CENTRE = 7,        /* mediation centre or studio */
	MEDIATE_UNIT_DEPARTMENT = 8,
	MEDIATE_UNIT_ENTERPRISE = 9,
	MEDIATE_UNIT_COURT = 10,
	MEDIATE_UNIT_ASSOCIATION = 11
} mediate_unit_kind;

MEDIATE_EXTERN mediate_status mediate_policy_load_file(mediate_policy **out, const char *path,
                                                       const mediate_load_options *opts,
                                                       mediate_error *err);
MEDIATE_EXTERN mediate_status mediate_policy_load_buffer(mediate_policy **out, const char *data,
                                                         size_t len, const char *name,
                                                         const mediate_load_options *opts,
                                                         mediate_error *err);
MEDIATE_EXTERN void mediate_policy_free(mediate_policy *policy);

MEDIATE_EXTERN const char *mediate_policy_name(const mediate_policy *policy);
MEDIATE_EXTERN const char *mediate_policy_version(const mediate_policy *policy);
MEDIATE_EXTERN const char *mediate_policy_language(const mediate_policy *policy);

MEDIATE_EXTERN size_t mediate_policy_category_count(const mediate_policy *policy);
MEDIATE_EXTERN const mediate_category *mediate_policy_category_at(const mediate_policy *policy, size_t index);
MEDIATE_EXTERN const mediate_category *mediate_policy_category_find(const mediate_policy *policy, const char *code);

MEDIATE_EXTERN const char *mediate_category_code(const mediate_category *category);
MEDIATE_EXTERN const char *mediate_category_name(const mediate_category *category, const char *lang);
MEDIATE_EXTERN const mediate_category *mediate_category_parent(const mediate_category *category);
MEDIATE_EXTERN size_t mediate_category_index(const mediate_category *category);
MEDIATE_EXTERN size_t mediate_category_depth(const mediate_category *category);
MEDIATE_EXTERN int mediate_category_is_within(const mediate_category *category, const mediate_category *ancestor);

MEDIATE_EXTERN size_t mediate_policy_unit_count(const mediate_policy *policy);
MEDIATE_EXTERN const mediate_unit *mediate_policy_unit_at(const mediate_policy *policy, size_t index);
MEDIATE_EXTERN const mediate_unit *mediate_policy_unit_find(const mediate_policy *policy, const char *code);

MEDIATE_EXTERN const char *mediate_unit_code(const mediate_unit *unit);
MEDIATE_EXTERN const char *mediate_unit_name(const mediate_unit *unit, const char *lang);
MEDIATE_EXTERN mediate_unit_kind mediate_unit_get_kind(const mediate_unit *unit);
MEDIATE_EXTERN const mediate_unit *mediate_unit_parent(const mediate_unit *unit);
/* The unit's address (org[].address), or NULL when the policy gives none. */
MEDIATE_EXTERN const char *mediate_unit_address(const mediate_unit *unit);
MEDIATE_EXTERN size_t mediate_unit_index(const mediate_unit *unit);
MEDIATE_EXTERN size_t mediate_unit_depth(const mediate_unit *unit);
MEDIATE_EXTERN int mediate_unit_is_within(const mediate_unit *unit, const mediate_unit *ancestor);
MEDIATE_EXTERN const char *mediate_unit_kind_name(mediate_unit_kind kind);
MEDIATE_EXTERN mediate_status mediate_unit_kind_parse(mediate_unit_kind *out, const char *name);

MEDIATE_END_DECLS

#endif /* MEDIATE_POLICY_H */
