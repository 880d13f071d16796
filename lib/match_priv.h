/* SPDX-License-Identifier: MIT */
/*
 * The matching module's private parts: the compiled policy section
 * "matching" (match_policy.c) and what match.c, match_team.c and the
 * benchmarks share.
 */
#ifndef MEDIATE_MATCH_PRIV_H
#define MEDIATE_MATCH_PRIV_H

#include "policy_priv.h"

#define MI_MATCH_NCOMP (MEDIATE_MATCH_COMPONENT_COUNT + 1)   /* indexed by component, slot 0 unused */
#define MI_MATCH_MAX_CARS 1000u

typedef struct mi_match_car {
	char *code;
	char *name;
	const mediate_unit *base;      /* or NULL */
	int has_coordinates;
	int32_t lat, lon;              /* micro-degrees */
} mi_match_car;

enum { MI_PRUNE_NONE = 0, MI_PRUNE_SAFE = 1, MI_PRUNE_TOPK = 2 };

/* The section "matching" compiled; the defaults when it is absent. */
struct mi_matching {
	uint32_t weight[MI_MATCH_NCOMP];          /* 0..1000 */
	uint32_t exact[MEDIATE_PROFICIENCY_MAX + 1];    /* by proficiency 1..5; [0] = 0 */
	uint32_t ancestor[MEDIATE_PROFICIENCY_MAX + 1];
	uint32_t loc_station, loc_town, loc_county;     /* station >= town >= county */
	uint32_t distance_scale;                  /* metres, >= 1 */
	uint32_t level_step;                      /* 0..1000 per level above the minimum */
	unsigned int valued_modes;                /* MEDIATE_MODE_BIT()s */
	size_t team_size;                         /* 1..MEDIATE_MATCH_TEAM_MAX */
	int prune;                                /* MI_PRUNE_* */
	size_t top_k;                             /* for MI_PRUNE_TOPK */
	size_t car_count;
	mi_match_car *cars;
};

/* The section of a policy, or the built-in defaults for a policy without it. */
const struct mi_matching *mi_matching_of(const mediate_policy *p);

int mi_matching_load(mediate_policy *p, const ynode *node, ydiag *d, ypath *path);
void mi_matching_free(mediate_policy *p);

/* Haversine distance in whole metres (mean Earth radius 6,371,008.8 m). */
int64_t mi_match_distance(int32_t lat1, int32_t lon1, int32_t lat2, int32_t lon2);

/*
 * Benchmarks and tests: the score of every mediator of the matcher for case
 * c (row[pos], -1 when a hard filter excludes it), in the matcher's order
 * (staff numbers, ascending: the tie order), and the mediator at a position.
 */
int mi_match_score_row(const mediate_matcher *mt, const mediate_case *c, int64_t *row);
const mediate_mediator *mi_matcher_at(const mediate_matcher *mt, size_t pos);

#endif /* MEDIATE_MATCH_PRIV_H */
