/* SPDX-License-Identifier: MIT */
/*
 * libmediate: conflict grading.
 *
 * Pre-assessment puts each case in a level that the policy defines (by
 * default general / difficult / major) and that decides how it is resolved:
 * on the spot at the station, by a think-tank expert, or jointly with the
 * court, industry bodies or departments.  Grading is rule based (policy
 * section "grading", see mediate-policy(5)), deterministic, and explains
 * itself: the result lists every rule, whether it fired, what it added and
 * which floor decided.
 *
 * The level of a case is the higher of (a) the highest level whose points
 * threshold the total reaches (a total equal to a threshold reaches it) and
 * (b) the highest floor set by a rule that fired.  The result does not depend
 * on the order of the rules; only the order of the trace does (policy order).
 */
#ifndef MEDIATE_GRADE_H
#define MEDIATE_GRADE_H

#include "mediate/common.h"
#include "mediate/policy.h"
#include "mediate/case.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_level mediate_level;
typedef struct mediate_grade_result mediate_grade_result;

/* How a level is resolved.  Only ever appended. */
typedef enum mediate_resolution_path {
	MEDIATE_PATH_ON_THE_SPOT = 1,   /* mediated on the spot at the station's studio */
	MEDIATE_PATH_THINK_TANK = 2,    /* an expert of the think tank */
	MEDIATE_PATH_JOINT = 3          /* joint mediation with the listed bodies */
} mediate_resolution_path;

MEDIATE_EXTERN const char *mediate_resolution_path_name(mediate_resolution_path path);
MEDIATE_EXTERN mediate_status mediate_resolution_path_parse(mediate_resolution_path *out, const char *name);

/* Levels of the policy, from the lowest (rank 0) to the highest.  Borrowed. */
MEDIATE_EXTERN size_t mediate_policy_level_count(const mediate_policy *policy);
MEDIATE_EXTERN const mediate_level *mediate_policy_level_at(const mediate_policy *policy, size_t rank);
MEDIATE_EXTERN const mediate_level *mediate_policy_level_find(const mediate_policy *policy, const char *code);
MEDIATE_EXTERN size_t mediate_policy_grading_rule_count(const mediate_policy *policy);
MEDIATE_EXTERN const char *mediate_policy_grading_rule_id(const mediate_policy *policy, size_t index);
MEDIATE_EXTERN int mediate_policy_grading_allows_downgrade(const mediate_policy *policy);

MEDIATE_EXTERN const char *mediate_level_code(const mediate_level *level);
MEDIATE_EXTERN const char *mediate_level_name(const mediate_level *level, const char *lang);
MEDIATE_EXTERN size_t mediate_level_rank(const mediate_level *level);
MEDIATE_EXTERN int64_t mediate_level_threshold(const mediate_level *level);
MEDIATE_EXTERN mediate_resolution_path mediate_level_path(const mediate_level *level);
MEDIATE_EXTERN unsigned int mediate_level_deadline_days(const mediate_level *level);
MEDIATE_EXTERN unsigned int mediate_level_min_mediator_level(const mediate_level *level);
MEDIATE_EXTERN int mediate_level_requires_think_tank(const mediate_level *level);
/* The bodies for joint mediation of a case of this category (its own list,
 * else its nearest ancestor's, else the level's default).  category may be
 * NULL for the default list. */
MEDIATE_EXTERN size_t mediate_level_joint_body_count(const mediate_level *level, const mediate_category *category);
MEDIATE_EXTERN const mediate_unit *mediate_level_joint_body_at(const mediate_level *level,
                                                                const mediate_category *category, size_t index);

/* Flags of mediate_grade(). */
#define MEDIATE_GRADE_TRACE_ALL 1u   /* also list the rules that did not fire */

/*
 * Grades a case.  *out is new: free it with mediate_grade_result_free().  The
 * policy must outlive the result.  The case must have a category.
 */
MEDIATE_EXTERN mediate_status mediate_grade(mediate_grade_result **out, const mediate_policy *policy,
                                            const mediate_case *c, unsigned int flags);
MEDIATE_EXTERN void mediate_grade_result_free(mediate_grade_result *result);

MEDIATE_EXTERN const mediate_level *mediate_grade_result_level(const mediate_grade_result *result);
MEDIATE_EXTERN int64_t mediate_grade_result_points(const mediate_grade_result *result);
/* The level the points alone reach, and the highest floor (NULL if none fired). */
MEDIATE_EXTERN const mediate_level *mediate_grade_result_threshold_level(const mediate_grade_result *result);
MEDIATE_EXTERN const mediate_level *mediate_grade_result_floor_level(const mediate_grade_result *result);
/* Id of the rule whose floor decided the level, or NULL when the points did. */
MEDIATE_EXTERN const char *mediate_grade_result_deciding_rule(const mediate_grade_result *result);
MEDIATE_EXTERN mediate_resolution_path mediate_grade_result_path(const mediate_grade_result *result);
/* Resolution deadline: acceptance (or receipt) + the level's days, in the case's offset. */
MEDIATE_EXTERN mediate_status mediate_grade_result_due(int64_t *out, const mediate_grade_result *result);
MEDIATE_EXTERN size_t mediate_grade_result_joint_body_count(const mediate_grade_result *result);
MEDIATE_EXTERN const mediate_unit *mediate_grade_result_joint_body_at(const mediate_grade_result *result, size_t index);

/* The trace: the rules that fired (all rules with MEDIATE_GRADE_TRACE_ALL), in policy order. */
MEDIATE_EXTERN size_t mediate_grade_result_trace_count(const mediate_grade_result *result);
MEDIATE_EXTERN const char *mediate_grade_result_trace_rule(const mediate_grade_result *result, size_t index);
MEDIATE_EXTERN const char *mediate_grade_result_trace_description(const mediate_grade_result *result, size_t index);
MEDIATE_EXTERN int mediate_grade_result_trace_fired(const mediate_grade_result *result, size_t index);
MEDIATE_EXTERN int64_t mediate_grade_result_trace_points(const mediate_grade_result *result, size_t index);
MEDIATE_EXTERN const mediate_level *mediate_grade_result_trace_floor(const mediate_grade_result *result, size_t index);

/*
 * Grades n cases in one call, without traces: levels[i] (borrowed from the
 * policy) and, if points is not NULL, points[i].  On error nothing is
 * written past the failing case and its index goes to *failed_index (if not
 * NULL).
 */
MEDIATE_EXTERN mediate_status mediate_grade_batch(const mediate_policy *policy, const mediate_case *const *cases,
                                                  size_t n, const mediate_level **levels, int64_t *points,
                                                  size_t *failed_index);

/*
 * The level kept on a case.
 *
 * mediate_case_regrade() grades the case again (after its facts changed) and
 * keeps the result on it; when the case's level changes it appends a
 * MEDIATE_EVENT_GRADED entry to the timeline ("general -> difficult (45
 * points): reason").  Unless the policy allows downgrades, a lower result
 * never lowers the kept level: the refusal is recorded in the timeline
 * instead.  An officer's override wins over the rules until it is cleared;
 * both are recorded.  reason and actor are required.  Closed cases are not
 * re-graded (MEDIATE_ESTATE).  On any error nothing changes.
 */
MEDIATE_EXTERN mediate_status mediate_case_regrade(mediate_case *c, int64_t at, const char *actor,
                                                   const char *actor_unit, const char *reason);
MEDIATE_EXTERN mediate_status mediate_case_override_level(mediate_case *c, const char *level_code, int64_t at,
                                                          const char *actor, const char *actor_unit,
                                                          const char *reason);
MEDIATE_EXTERN mediate_status mediate_case_clear_override(mediate_case *c, int64_t at, const char *actor,
                                                          const char *actor_unit, const char *reason);
/* The level that applies: the override if any, else the rules' (NULL before the first grading). */
MEDIATE_EXTERN const mediate_level *mediate_case_level(const mediate_case *c);
/* The level the rules gave at the last re-grading, and its points. */
MEDIATE_EXTERN const mediate_level *mediate_case_computed_level(const mediate_case *c);
MEDIATE_EXTERN int64_t mediate_case_level_points(const mediate_case *c);
/* The officer's override (NULL when none), its reason, actor and time. */
MEDIATE_EXTERN const mediate_level *mediate_case_level_override(const mediate_case *c);
MEDIATE_EXTERN const char *mediate_case_level_override_reason(const mediate_case *c);
MEDIATE_EXTERN const char *mediate_case_level_override_actor(const mediate_case *c);
MEDIATE_EXTERN int64_t mediate_case_level_override_at(const mediate_case *c);

MEDIATE_END_DECLS

#endif /* MEDIATE_GRADE_H */
