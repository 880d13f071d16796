/* SPDX-License-Identifier: MIT */
/*
 * libmediate: matching mediators to cases.
 *
 * A matcher is built once from a roster (mediate-roster(5)), optionally a
 * ratings store (mediate-ratings(5)) and a time, and answers five questions:
 *
 *   mediate_match_rank()          the best k mediators for one case, each
 *                                 score broken into its components, and on
 *                                 request every excluded mediator with the
 *                                 reason;
 *   mediate_match_request()       whether a mediator a party asked for may
 *                                 take the case, with the score or the reason;
 *   mediate_match_assign_batch()  many cases at once, optimally under the
 *                                 mediators' free capacities;
 *   mediate_match_form_team()     a joint-mediation team that covers the
 *                                 specialties a major case needs;
 *   mediate_match_nearest()       the nearest available mediators offering
 *                                 door-to-door (mobile) mediation, and the
 *                                 nearest mediation car of the policy.
 *
 * THE SCORE.  The score of a (case, mediator) pair is an integer:
 *
 *     score = sum over the components c of  weight(c) x value(c)
 *
 * where each value is 0..1000 (per mille) and each weight an integer
 * 0..1000 of the policy section "matching" (mediate-policy(5)), so a score
 * is at most 8,000,000 and results are exact and the same on every
 * platform.  The components (enum mediate_match_component):
 *
 *   specialty  the best fit of the mediator's specialties to the case's
 *              category: a specialty equal to the category scores the
 *              policy's exact factor for its proficiency (1..5), a specialty
 *              that is an ancestor of the category (family for
 *              family.marriage) the ancestor factor; otherwise 0.  A case
 *              without a category scores 0.
 *   rating     the Bayesian average of the mediator's ratings at the
 *              matcher's time: 1 star -> 0, 5 stars -> 1000, linear
 *              ((bayes_milli - 1000) / 4, rounded down).  Without a ratings
 *              store every mediator gets the policy's prior mean.
 *   success    the Wilson lower bound of the mediator's success rate, per
 *              mille (0 without a ratings store or without ended cases).
 *   level      the fit of the mediator's level to the minimum level the
 *              case's grade asks (mediate_level_min_mediator_level(); 1 for
 *              an ungraded case): 1000 at that level, minus the policy's
 *              level_step for each level above it (or below it, for a
 *              team member), at least 0.
 *   locality   same police station as the case > same town > same county,
 *              with the policy's values for each tier.  The case's station
 *              is the nearest police_station unit at or above the unit that
 *              received it (else above its grid); its town the nearest town
 *              at or above its grid (else above the receiving unit); the
 *              mediator's, those at or above the mediator's unit.  For a case
 *              in mode mobile, when both the case and the mediator have
 *              coordinates, the value is instead 1000 x S / (S + d) for the
 *              haversine distance d in whole metres and the policy's
 *              distance scale S (1000 at the door, 500 at distance S).
 *   load       free capacity: 1000 x (capacity - load) / capacity, rounded down.
 *   language   1000 when the mediator speaks the language the case needs,
 *              else 0.  A case needs the language of its first tag of the
 *              form "lang:TAG" (mediate_case_add_tag(c, "lang:wuu") for a
 *              party who speaks only the Wu dialect), else the policy's
 *              language (mediate_policy_language()).
 *   mode       flexibility: 1000 x (how many of the policy's valued modes,
 *              by default remote_video and mobile, the mediator offers) /
 *              (how many modes are valued); 0 when none are valued.
 *
 * HARD FILTERS.  A mediator who fails one of these is never a candidate,
 * whatever the score would be; the first that applies, in this order, is
 * the reason reported (enum mediate_match_reason):
 *
 *   unavailable       not on duty at the time (off duty, or a leave period);
 *   capacity_full     no free capacity (load >= capacity);
 *   level_too_low     level below the case grade's min_mediator_level;
 *   not_think_tank    the case's grade requires the think tank, or the case
 *                     is in mode think_tank, and the mediator is not a member;
 *   mode_not_offered  the case's mode is on_the_spot, remote_video or mobile
 *                     and the mediator does not offer it (modes think_tank
 *                     and joint, and a case without a mode, filter nothing);
 *   recused           the mediator declared a recusal naming a party of the
 *                     case (mediate_mediator_recuses()).
 *
 * TIES.  Candidates are ordered by score (high to low), then by staff
 * number (byte order, low to high).  Everything is deterministic: the same
 * roster, ratings, time and case give the same answer.
 *
 * SNAPSHOT.  mediate_matcher_new() reads the roster and the ratings once:
 * the per-mediator parts of the score that do not depend on the case
 * (rating, success, load, mode), the duty status at the matcher's time, the
 * free capacity, and for each kind of grade an index of the mediators who
 * may take it, by specialty and place, sorted by the best score each could
 * reach, so that rank looks at a few dozen mediators, not all of them.
 * Changes to the roster or the ratings made afterwards are not seen: build
 * a new matcher (milliseconds for thousands of mediators, about 0.3 s for
 * 50,000).  The roster (and its policy) and the ratings
 * must outlive the matcher and no mediator may be removed while it exists,
 * because results hand out borrowed mediate_mediator pointers.  Recusals,
 * languages and the leave periods of mediate_match_nearest() are read from
 * the roster when asked.
 *
 * THREADS.  A matcher is read-only once built: several threads may rank,
 * request, assign, form teams and find the nearest with one matcher at the
 * same time, as long as nobody changes its roster or ratings.  Results are
 * plain objects owned by the caller; one thread at a time for each.
 */
#ifndef MEDIATE_MATCH_H
#define MEDIATE_MATCH_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/policy.h"
#include "mediate/case.h"
#include "mediate/rating.h"
#include "mediate/roster.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_matcher mediate_matcher;
typedef struct mediate_match_result mediate_match_result;
typedef struct mediate_match_batch mediate_match_batch;
typedef struct mediate_match_team mediate_match_team;

/* Score components.  Only ever appended. */
typedef enum mediate_match_component {
	MEDIATE_MATCH_SPECIALTY = 1,
	MEDIATE_MATCH_RATING = 2,
	MEDIATE_MATCH_SUCCESS = 3,
	MEDIATE_MATCH_LEVEL = 4,
	MEDIATE_MATCH_LOCALITY = 5,
	MEDIATE_MATCH_LOAD = 6,
	MEDIATE_MATCH_LANGUAGE = 7,
	MEDIATE_MATCH_MODE = 8
} mediate_match_component;
#define MEDIATE_MATCH_COMPONENT_COUNT 8

/* Why a mediator was excluded, or a case left unplaced.  Only ever appended. */
typedef enum mediate_match_reason {
	MEDIATE_MATCH_ELIGIBLE = 0,          /* not excluded (a candidate; a placed case) */
	MEDIATE_MATCH_UNAVAILABLE = 1,       /* off duty or on leave at the time */
	MEDIATE_MATCH_CAPACITY_FULL = 2,     /* no free capacity */
	MEDIATE_MATCH_LEVEL_TOO_LOW = 3,     /* below the grade's minimum mediator level */
	MEDIATE_MATCH_NOT_THINK_TANK = 4,    /* the think tank is required and the mediator is not a member */
	MEDIATE_MATCH_MODE_NOT_OFFERED = 5,  /* the case's mode is not offered */
	MEDIATE_MATCH_RECUSED = 6,           /* a declared recusal names a party of the case */
	MEDIATE_MATCH_NO_LOCATION = 7,       /* nearest: the mediator has no coordinates */
	MEDIATE_MATCH_NO_ELIGIBLE = 8,       /* batch: no mediator may take the case at all */
	MEDIATE_MATCH_OUTCOMPETED = 9,       /* batch: every eligible mediator's free places go to
	                                        other cases; placing this one would leave another
	                                        case unplaced */
	MEDIATE_MATCH_NOT_COVERED = 10       /* team: no eligible mediator covers a needed specialty,
	                                        or no team of the allowed size covers them all */
} mediate_match_reason;

/* Flags of mediate_match_rank(). */
#define MEDIATE_MATCH_WITH_EXCLUDED 0x1u  /* also list every excluded mediator and why (one pass
	                                     over the whole roster: slower) */

/* Limits. */
#define MEDIATE_MATCH_K_MAX 10000u        /* rank / nearest: k is 1..this */
#define MEDIATE_MATCH_TEAM_MAX 8u         /* team size and needed specialties: at most this */
#define MEDIATE_MATCH_VALUE_MAX 1000      /* a component's value is 0..this */

/* Names: "specialty", "rating", "success", "level", "locality", "load",
 * "language", "mode"; "eligible", "unavailable", "capacity_full",
 * "level_too_low", "not_think_tank", "mode_not_offered", "recused",
 * "no_location", "no_eligible", "outcompeted", "not_covered".  A static
 * string, or NULL out of range; *_parse gives MEDIATE_EINVAL for an unknown
 * name and leaves *out untouched. */
MEDIATE_EXTERN const char *mediate_match_component_name(mediate_match_component component);
MEDIATE_EXTERN mediate_status mediate_match_component_parse(mediate_match_component *out, const char *name);
MEDIATE_EXTERN const char *mediate_match_reason_name(mediate_match_reason reason);
MEDIATE_EXTERN mediate_status mediate_match_reason_parse(mediate_match_reason *out, const char *name);

/* ---- the policy section "matching" -------------------------------------- */

/* The weight of a component (0..1000); 0 for a NULL policy or an unknown component. */
MEDIATE_EXTERN uint32_t mediate_policy_match_weight(const mediate_policy *policy,
                                                    mediate_match_component component);
/* The largest team mediate_match_form_team() forms when asked for size 0 (default 5). */
MEDIATE_EXTERN size_t mediate_policy_match_team_size(const mediate_policy *policy);
/* Mediation cars for door-to-door mediation (matching.cars): count, and
 * each one's code, name and base coordinates in micro-degrees
 * (MEDIATE_ENOTFOUND for a car given only by its base unit, without lat and
 * lon; MEDIATE_EINVAL for NULL; index out of range: NULL / MEDIATE_ENOTFOUND). */
MEDIATE_EXTERN size_t mediate_policy_match_car_count(const mediate_policy *policy);
MEDIATE_EXTERN const char *mediate_policy_match_car_code(const mediate_policy *policy, size_t index);
MEDIATE_EXTERN const char *mediate_policy_match_car_name(const mediate_policy *policy, size_t index);
MEDIATE_EXTERN mediate_status mediate_policy_match_car_base(int32_t *lat_micro, int32_t *lon_micro,
                                                            const mediate_policy *policy, size_t index);

/* ---- the matcher -------------------------------------------------------- */

/*
 * Builds a matcher over roster (and its policy) with the aggregates of
 * ratings (may be NULL: every mediator then gets the prior) at time at (UTC
 * seconds: duty status, rating decay).  See SNAPSHOT above for what is read
 * now and what must outlive the matcher.  *out is new: free it with
 * mediate_matcher_free().  The ratings store should be of the roster's
 * policy.  Errors: MEDIATE_EINVAL (NULL out or roster), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_matcher_new(mediate_matcher **out, const mediate_roster *roster,
                                                  const mediate_ratings *ratings, int64_t at);
MEDIATE_EXTERN void mediate_matcher_free(mediate_matcher *matcher);
MEDIATE_EXTERN const mediate_roster *mediate_matcher_roster(const mediate_matcher *matcher);
MEDIATE_EXTERN int64_t mediate_matcher_at(const mediate_matcher *matcher);

/* ---- rank and request --------------------------------------------------- */

/*
 * The best k (1..MEDIATE_MATCH_K_MAX) candidates for case c, ordered by
 * score then staff number; fewer when fewer are eligible (none is not an
 * error: the result is empty, and with MEDIATE_MATCH_WITH_EXCLUDED says
 * why).  flags: 0 or MEDIATE_MATCH_WITH_EXCLUDED.  The case must use the
 * matcher's policy.  *out is new: free it with mediate_match_result_free().
 * Errors: MEDIATE_EINVAL (NULL, k out of range, unknown flags, a case of
 * another policy), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_match_rank(mediate_match_result **out, const mediate_matcher *matcher,
                                                 const mediate_case *c, size_t k, unsigned int flags);
/*
 * A party asked for mediator mediator_id (an id or a staff number) for case
 * c.  The result has one candidate with the score and its components when
 * the mediator may take the case, else no candidate and one excluded entry
 * with the reason.  *out is new.  Errors: MEDIATE_EINVAL (NULL, a case of
 * another policy), MEDIATE_ENOTFOUND (no such mediator), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_match_request(mediate_match_result **out, const mediate_matcher *matcher,
                                                    const mediate_case *c, const char *mediator_id);

/*
 * Door-to-door (mobile) mediation at a place: the k (1..MEDIATE_MATCH_K_MAX)
 * nearest mediators who offer mode mobile, have coordinates, are on duty at
 * time at (leave periods read from the roster) and have free capacity, by
 * haversine distance in whole metres, then staff number.  Scores and
 * components are 0; see mediate_match_result_distance().  The result also
 * names the policy's car whose base is nearest the place (none when the
 * policy lists no car with coordinates).  lat_micro is -90e6..90e6,
 * lon_micro -180e6..180e6.  *out is new.  Errors: MEDIATE_EINVAL,
 * MEDIATE_ERANGE (coordinates), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_match_nearest(mediate_match_result **out, const mediate_matcher *matcher,
                                                    int32_t lat_micro, int32_t lon_micro, int64_t at, size_t k);

MEDIATE_EXTERN void mediate_match_result_free(mediate_match_result *result);
/* Candidates, best first. */
MEDIATE_EXTERN size_t mediate_match_result_count(const mediate_match_result *result);
/* Borrowed from the roster; NULL for an index out of range. */
MEDIATE_EXTERN const mediate_mediator *mediate_match_result_mediator(const mediate_match_result *result,
                                                                     size_t index);
/* The total score (sum of weight x value); 0 out of range. */
MEDIATE_EXTERN int64_t mediate_match_result_score(const mediate_match_result *result, size_t index);
/* A component's value 0..1000 (multiply by mediate_policy_match_weight() for
 * its share of the score); -1 for an index or component out of range. */
MEDIATE_EXTERN int32_t mediate_match_result_component(const mediate_match_result *result, size_t index,
                                                      mediate_match_component component);
/* Distance in metres between the mediator and the case (mobile) or the
 * place (nearest); -1 when unknown or out of range. */
MEDIATE_EXTERN int64_t mediate_match_result_distance(const mediate_match_result *result, size_t index);
/* With MEDIATE_MATCH_WITH_EXCLUDED, or from mediate_match_request() and
 * mediate_match_nearest(): the excluded mediators in staff-number order. */
MEDIATE_EXTERN size_t mediate_match_result_excluded_count(const mediate_match_result *result);
MEDIATE_EXTERN const mediate_mediator *mediate_match_result_excluded_at(const mediate_match_result *result,
                                                                        size_t index);
/* MEDIATE_MATCH_ELIGIBLE (0) for an index out of range. */
MEDIATE_EXTERN mediate_match_reason mediate_match_result_excluded_reason(const mediate_match_result *result,
                                                                         size_t index);
/* Mediators looked at by rank (how well the index pruned); the roster size
 * with MEDIATE_MATCH_WITH_EXCLUDED. */
MEDIATE_EXTERN size_t mediate_match_result_examined(const mediate_match_result *result);
/* nearest: the index of the nearest car in the policy's list (see
 * mediate_policy_match_car_code()) and its distance in metres; MEDIATE_ENOTFOUND
 * when there is none (or the result is not from mediate_match_nearest()). */
MEDIATE_EXTERN mediate_status mediate_match_result_car(size_t *car_index, int64_t *distance,
                                                       const mediate_match_result *result);

/* ---- batch assignment --------------------------------------------------- */

/*
 * Assigns the n cases to mediators so that (1) as many cases as possible are
 * placed and (2) among those assignments, the total score is the highest;
 * each mediator takes at most its free capacity, each case at most one
 * mediator, only eligible pairs (the hard filters above) are used.  Exact:
 * a min-cost-flow / shortest augmenting path solver over cases -> mediators
 * -> sink.  Ties are broken deterministically (by case order and staff
 * number).  The policy's matching.batch_pruning may restrict each case to
 * its best candidates: "safe" (default) keeps the optimum provably;
 * "top_k" is faster and may not, which mediate_match_batch_exact() tells.
 * The cases are not changed (assign them with mediate_case_add_mediator()).
 * n may be 0.  *out is new: free it with mediate_match_batch_free().
 * Errors: MEDIATE_EINVAL (NULL, a NULL case, a case of another policy, a
 * case given twice), MEDIATE_ELIMIT (more than 1,000,000 cases), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_match_assign_batch(mediate_match_batch **out, const mediate_matcher *matcher,
                                                         const mediate_case *const *cases, size_t n);
MEDIATE_EXTERN void mediate_match_batch_free(mediate_match_batch *batch);
/* The number of cases given. */
MEDIATE_EXTERN size_t mediate_match_batch_count(const mediate_match_batch *batch);
/* The mediator of case i (borrowed), or NULL when it stays unplaced. */
MEDIATE_EXTERN const mediate_mediator *mediate_match_batch_mediator(const mediate_match_batch *batch, size_t i);
/* The score of case i with its mediator; 0 when unplaced. */
MEDIATE_EXTERN int64_t mediate_match_batch_score(const mediate_match_batch *batch, size_t i);
/* MEDIATE_MATCH_ELIGIBLE when placed, else MEDIATE_MATCH_NO_ELIGIBLE or
 * MEDIATE_MATCH_OUTCOMPETED. */
MEDIATE_EXTERN mediate_match_reason mediate_match_batch_reason(const mediate_match_batch *batch, size_t i);
/* The (case, mediator) pairs of case i handed to the solver: every eligible
 * mediator, or after pruning its best ones (see matching.batch_pruning). */
MEDIATE_EXTERN size_t mediate_match_batch_candidates(const mediate_match_batch *batch, size_t i);
MEDIATE_EXTERN size_t mediate_match_batch_assigned(const mediate_match_batch *batch);
MEDIATE_EXTERN int64_t mediate_match_batch_total_score(const mediate_match_batch *batch);
/* 1 when the assignment is proven optimal, 0 when top_k pruning may have cut it. */
MEDIATE_EXTERN int mediate_match_batch_exact(const mediate_match_batch *batch);

/* ---- joint mediation team ----------------------------------------------- */

/*
 * A team for joint mediation of case c: a lead who passes every hard filter
 * for the case, plus members who pass every filter except the grade's
 * level and think-tank requirements (experts of outside bodies need not be
 * of the think tank), at most max_size people (0: the policy's team_size;
 * 1..MEDIATE_MATCH_TEAM_MAX), covering every needed specialty: a category
 * code of the policy that some member (the lead included) has as a
 * specialty or below a specialty's category (family covers
 * family.marriage).  n_needs is 0..MEDIATE_MATCH_TEAM_MAX, no code twice.
 *
 * The team is (1) as small as possible, then (2) of the highest total score
 * (each person's score for the case, with the specialty component taken as
 * the best fit to the case's category or a needed one), then (3) the lead
 * first by staff number, then the members.  The method is exact: candidates
 * are grouped by the set of needs they cover (at most 2^8 groups), only
 * the best max_size of each group can be in an optimal team, and a
 * branch-and-bound search over those finds the optimum (milliseconds for a
 * few needs; the worst case is very many exactly tied scores: about 1.5 s
 * for 8 needs, teams of 8, 50,000 identical mediators).  When no team
 * exists the result is empty and mediate_match_team_reason() says why.
 * *out is new: free it with mediate_match_team_free().  Errors:
 * MEDIATE_EINVAL (NULL, sizes out of range, a duplicate need, a case of
 * another policy), MEDIATE_ENOTFOUND (an unknown category), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_match_form_team(mediate_match_team **out, const mediate_matcher *matcher,
                                                      const mediate_case *c, const char *const *needs,
                                                      size_t n_needs, size_t max_size);
MEDIATE_EXTERN void mediate_match_team_free(mediate_match_team *team);
/* People in the team, 0 when none could be formed; the lead is index 0. */
MEDIATE_EXTERN size_t mediate_match_team_count(const mediate_match_team *team);
MEDIATE_EXTERN const mediate_mediator *mediate_match_team_mediator(const mediate_match_team *team, size_t index);
MEDIATE_EXTERN int64_t mediate_match_team_score(const mediate_match_team *team, size_t index);
/* Bit j set when the person covers needs[j]. */
MEDIATE_EXTERN unsigned int mediate_match_team_covers(const mediate_match_team *team, size_t index);
MEDIATE_EXTERN int64_t mediate_match_team_total_score(const mediate_match_team *team);
/* MEDIATE_MATCH_ELIGIBLE when a team was formed, else MEDIATE_MATCH_NO_ELIGIBLE
 * (nobody may lead the case) or MEDIATE_MATCH_NOT_COVERED. */
MEDIATE_EXTERN mediate_match_reason mediate_match_team_reason(const mediate_match_team *team);
/* The needed category that made the team impossible (MEDIATE_MATCH_NOT_COVERED
 * because nobody eligible covers it), or NULL. */
MEDIATE_EXTERN const mediate_category *mediate_match_team_uncovered(const mediate_match_team *team);

MEDIATE_END_DECLS

#endif /* MEDIATE_MATCH_H */
