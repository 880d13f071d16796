/* SPDX-License-Identifier: MIT */
/*
 * Ratings: the policy section "ratings" and a fast path for the modules
 * that read many aggregates at once (matching ranks tens of thousands of
 * mediators per case, the roster menu orders a whole roster).
 *
 * mediate_ratings_summary() looks a mediator up in a hash table and walks
 * only that mediator's ratings and outcomes; mi_ratings_summaries() does the
 * same for an array of ids in one call, so a caller can compute the
 * aggregates of a whole roster once (O(roster + ratings on record)) and then
 * index the array while it scores.
 */
#ifndef MEDIATE_RATING_PRIV_H
#define MEDIATE_RATING_PRIV_H

#include "policy_priv.h"

/* The compiled section "ratings" (mediate-policy(5)). */
typedef struct mi_ratings_policy {
	int32_t prior_milli;       /* m in thousandths of a star, 1000..5000 */
	uint32_t prior_weight;     /* C, in ratings */
	int32_t z_milli;           /* z in thousandths, > 0 */
	uint32_t half_life_days;   /* 0: no decay */
} mi_ratings_policy;

/* The defaults used when the policy has no section "ratings". */
#define MI_RATINGS_PRIOR_MILLI 4000
#define MI_RATINGS_PRIOR_WEIGHT 10u
#define MI_RATINGS_Z_MILLI 1960
#define MI_RATINGS_HALF_LIFE_DAYS 0u

/* Section loader and free function for policy.c's sections[]. */
int mi_ratings_policy_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
void mi_ratings_policy_free(mediate_policy *p);
/* The section of p, or the defaults (p may be NULL). */
void mi_ratings_policy_get(mi_ratings_policy *out, const mediate_policy *p);

/* The policy a store was made under. */
const mediate_policy *mi_ratings_policy_of(const mediate_ratings *ratings);

/* One mediator's record in a store: borrowed, valid until the store changes. */
typedef struct mi_rating_med mi_rating_med;

/* The record of mediator_id, or NULL when nothing is on record for it. */
const mi_rating_med *mi_ratings_mediator(const mediate_ratings *ratings, const char *mediator_id);
/* The aggregates of one record (med NULL: the prior), as mediate_ratings_summary(). */
void mi_rating_med_summary(mediate_rating_summary *out, const mediate_ratings *ratings,
                           const mi_rating_med *med, int64_t at);
/*
 * The aggregates of n mediators at time at: out[i] for ids[i] (an id with
 * nothing on record gets the prior).  Never fails for valid arguments;
 * MEDIATE_EINVAL for NULL pointers (with n > 0).
 */
int mi_ratings_summaries(mediate_rating_summary *out, const mediate_ratings *ratings,
                         const char *const *ids, size_t n, int64_t at);

#endif /* MEDIATE_RATING_PRIV_H */
