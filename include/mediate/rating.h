/* SPDX-License-Identifier: MIT */
/*
 * libmediate: ratings of mediators and their outcome record.
 *
 * After a case ends, each of its parties may rate the mediation once: 1 to 5
 * stars and an optional comment.  The rating is credited to every mediator
 * of the case (lead, co-mediators, experts).  The same store keeps the
 * outcome of each ended case for each of its mediators, from which the
 * success rate (agreements / ended cases) is computed.  An upheld appeal
 * excludes a rating from every aggregate; the rating and the appeal stay on
 * record.
 *
 * Aggregates follow the policy section "ratings" (mediate-policy(5)): the
 * Bayesian average (C x m + sum of stars) / (C + n) with prior mean m and
 * weight C, the Wilson lower bound of the success rate at the policy's z, and
 * an optional half-life (in days) that weighs each rating and outcome by
 * 0.5^(age / half-life) at the time asked.  Aggregates are not money: they
 * are computed in double and published as rounded integers (thousandths).
 *
 * A store is mutable and not thread safe.  Ratings and outcomes are read and
 * written as a mediate-ratings(5) YAML document.
 */
#ifndef MEDIATE_RATING_H
#define MEDIATE_RATING_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/load.h"
#include "mediate/policy.h"
#include "mediate/case.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_ratings mediate_ratings;
typedef struct mediate_rating mediate_rating;

/* Aggregates of one mediator at one time.  Plain data, owned by the caller. */
typedef struct mediate_rating_summary {
	uint32_t count;          /* ratings counted (excluded ones are not) */
	uint32_t excluded;       /* ratings excluded by an upheld appeal */
	uint32_t stars[5];       /* distribution: stars[0] is the number of 1-star ratings */
	int32_t mean_milli;      /* plain mean in thousandths of a star, 0 without ratings */
	int32_t bayes_milli;     /* Bayesian average in thousandths of a star (the prior m without ratings) */
	uint32_t ended;          /* ended cases on record (agreement, failed, withdrawn, transferred) */
	uint32_t agreements;     /* of which ended in an agreement */
	int32_t success_milli;   /* agreements / ended, per mille; 0 without ended cases */
	int32_t wilson_milli;    /* Wilson lower bound of the success rate, per mille */
} mediate_rating_summary;

MEDIATE_EXTERN mediate_status mediate_ratings_new(mediate_ratings **out, const mediate_policy *policy);
MEDIATE_EXTERN mediate_status mediate_ratings_load_file(mediate_ratings **out, const mediate_policy *policy,
                                                        const char *path, const mediate_load_options *opts,
                                                        mediate_error *err);
MEDIATE_EXTERN mediate_status mediate_ratings_load_buffer(mediate_ratings **out, const mediate_policy *policy,
                                                          const char *data, size_t len, const char *name,
                                                          const mediate_load_options *opts, mediate_error *err);
/* A mediate-ratings(5) document that loads back to an equal store; *out is
 * new, NUL terminated: free it with mediate_free(). */
MEDIATE_EXTERN mediate_status mediate_ratings_to_yaml(char **out, size_t *len, const mediate_ratings *ratings);
MEDIATE_EXTERN void mediate_ratings_free(mediate_ratings *ratings);

/*
 * Records the outcome of an ended case (state agreement or later, or failed,
 * withdrawn, transferred) for each of its mediators.  Recording the same
 * case again replaces its record (the outcome or the team may have changed).
 * MEDIATE_ESTATE for a case that has not ended, MEDIATE_EINVAL for a case
 * without a number or without mediators.
 */
MEDIATE_EXTERN mediate_status mediate_ratings_record_case(mediate_ratings *ratings, const mediate_case *c);

/*
 * Adds the rating of party party_id of case c: stars 1..5, comment NULL or
 * up to 500 bytes of valid UTF-8, at in UTC seconds (not before the case
 * ended).  Refused: a case that has not ended (MEDIATE_ESTATE), a party not
 * of the case or an agent (MEDIATE_ENOTFOUND / MEDIATE_EINVAL), a second
 * rating by the same party of the same case (MEDIATE_EEXISTS), a case
 * without mediators (MEDIATE_EINVAL).  Records the case's outcome as
 * mediate_ratings_record_case() does.  *out (may be NULL) is the borrowed
 * new rating.
 */
MEDIATE_EXTERN mediate_status mediate_ratings_add(const mediate_rating **out, mediate_ratings *ratings,
                                                  const mediate_case *c, const char *party_id,
                                                  unsigned int stars, const char *comment, int64_t at);
/*
 * An upheld appeal against the rating of party_id on case case_number: the
 * rating no longer counts.  reason and actor are required; a rating is
 * excluded once (MEDIATE_EEXISTS the second time).
 */
MEDIATE_EXTERN mediate_status mediate_ratings_exclude(mediate_ratings *ratings, const char *case_number,
                                                      const char *party_id, const char *reason,
                                                      const char *actor, int64_t at);

MEDIATE_EXTERN size_t mediate_ratings_count(const mediate_ratings *ratings);
MEDIATE_EXTERN const mediate_rating *mediate_ratings_at(const mediate_ratings *ratings, size_t index);
MEDIATE_EXTERN const mediate_rating *mediate_ratings_find(const mediate_ratings *ratings,
                                                          const char *case_number, const char *party_id);

MEDIATE_EXTERN const char *mediate_rating_case_number(const mediate_rating *r);
MEDIATE_EXTERN const char *mediate_rating_party_id(const mediate_rating *r);
MEDIATE_EXTERN unsigned int mediate_rating_stars(const mediate_rating *r);
MEDIATE_EXTERN const char *mediate_rating_comment(const mediate_rating *r);
MEDIATE_EXTERN int64_t mediate_rating_at(const mediate_rating *r);
MEDIATE_EXTERN size_t mediate_rating_mediator_count(const mediate_rating *r);
MEDIATE_EXTERN const char *mediate_rating_mediator_at(const mediate_rating *r, size_t index);
MEDIATE_EXTERN int mediate_rating_excluded(const mediate_rating *r);
MEDIATE_EXTERN const char *mediate_rating_exclusion_reason(const mediate_rating *r);
MEDIATE_EXTERN const char *mediate_rating_exclusion_actor(const mediate_rating *r);
MEDIATE_EXTERN int64_t mediate_rating_exclusion_at(const mediate_rating *r);

/* The aggregates of mediator mediator_id at time at (decay is measured to
 * at; ratings and outcomes after at are ignored).  A mediator with nothing on
 * record gets the prior: count 0, bayes_milli = m. */
MEDIATE_EXTERN mediate_status mediate_ratings_summary(mediate_rating_summary *out, const mediate_ratings *ratings,
                                                      const char *mediator_id, int64_t at);

/* The policy's prior and parameters (section "ratings"). */
MEDIATE_EXTERN int32_t mediate_policy_rating_prior_milli(const mediate_policy *policy);
MEDIATE_EXTERN uint32_t mediate_policy_rating_prior_weight(const mediate_policy *policy);
MEDIATE_EXTERN int32_t mediate_policy_rating_z_milli(const mediate_policy *policy);
MEDIATE_EXTERN uint32_t mediate_policy_rating_half_life_days(const mediate_policy *policy);

MEDIATE_END_DECLS

#endif /* MEDIATE_RATING_H */
