/* SPDX-License-Identifier: MIT */
/*
 * Optimal batch assignment (internal; the engine behind assign_batch).
 *
 * THE PROBLEM.  N cases, M mediators; mediator j takes at most cap[j] more
 * cases; case i may only go to the mediators listed as its candidates, each
 * with an integer score s(i,j) (fixed-point in the match module, so every
 * result is exact and platform independent).  Each case goes to at most one
 * mediator.  The solver returns an assignment that is optimal for the
 * LEXICOGRAPHIC objective
 *
 *     1. place as many cases as possible (maximum cardinality), then
 *     2. among those, maximise the total score.
 *
 * A case is left unplaced only when no assignment can place it without
 * leaving another case out; scores may be negative and a case with a
 * negative score is still placed when it can be.  When every case can be
 * placed (the usual morning: enough free capacity), this is simply "assign
 * every case, maximise the total score" -- the problem scipy's
 * linear_sum_assignment (capacities as repeated columns) and a min-cost
 * flow with all supplies forced solve, which is what bench/ compares with.
 *
 * THE METHOD.  Successive shortest augmenting paths (the Hungarian method
 * in its Jonker-Volgenant form) on the compact network
 * cases -> mediators -> sink: mediators are single nodes with capacity,
 * never duplicated columns.  Dual prices live on mediators only (v[j] <= 0,
 * 0 while the mediator has free capacity); each not-yet-placed case is
 * added by one Dijkstra over mediators with reduced costs, stopping at the
 * first mediator with free capacity.  A greedy start (each case to its best
 * mediator while capacity lasts) with a reduction transfer on the prices of
 * full mediators places most cases before any search.  Prices only fall,
 * so each case keeps a short list of its best candidates by price-adjusted
 * score plus a bound on the rest, and a search relaxes the rest only when
 * the bound says it could matter; once a mediator with room has been
 * labeled, larger labels are not even recorded, since the search ends
 * before it could settle them (labels, paths and prices are exactly
 * those of a full relaxation).  The lexicographic
 * objective is exact, with no "big M": every case has a private "stay
 * unplaced" exit whose cost is one unit of a second, dominant component of
 * the distance; distances are pairs (level, value) compared in that order,
 * and a component of mediators that can no longer reach free capacity is
 * marked closed (its prices carry the level).  Integer arithmetic only; no
 * floating point anywhere.  Worst case O(N * (E + M log M)) for E candidate
 * pairs; memory O(N + M + E) besides the input (O(32 N + M) without
 * pruning: the candidates are read in place).
 *
 * THE AUCTION.  "Correlated" instances, where every case prefers the same
 * highly rated mediators, would need one long search per case the greedy
 * start could not place.  When the greedy start places fewer than half of
 * the cases (and there are no more empty places than cases), the solver
 * first runs Bertsekas' forward auction with epsilon-scaling on the
 * symmetric problem (one object per place; "nobody" bidders for the places
 * left empty, without which a forward auction is not exact), on scores
 * scaled by K = places + 1, down to epsilon = 1: the result is within
 * (places) < K scaled units of the optimum, hence exactly optimal.  A
 * bidder keeps its few best candidates from its last full scan and the
 * best value left out (values only fall as prices rise), so most bids
 * look at a handful of mediators; the "nobody" bidders take the cheapest
 * mediator from a heap of mediators by price.  It is
 * used only when it places every case that has a candidate with room, and
 * gives up after a bid budget; the searches then solve from the start.
 * MI_ASSIGN_METHOD_SEARCH / _AUCTION force one way (tests compare them).
 *
 * PERFORMANCE (bench/match_assign, see bench/README.md; CPU seconds on
 * the 2-core build machine, LEMON's NetworkSimplex in the same run):
 * 2000x500 cap 4 uniform 0.017 (LEMON 0.38), 2000x500 cap 6 correlated
 * 0.068 by the auction (LEMON 0.59), 2000x10000 cap 6 correlated 0.24
 * by the searches (LEMON 6.8), about half of it reading and pruning the
 * 20 million dense scores.  Pruning selects on 64-bit integer keys
 * (score, then index) through a buffer of twice the kept length.
 *
 * TIE-BREAKING (deterministic).  The result depends only on the input: the
 * order of cases, the candidate SETS with their scores, and the capacities;
 * not on the order of candidates within a case, not on addresses, threads
 * or platform.  Cases are taken in input order: first greedily (each case's
 * best candidate by score, the lower mediator index on equal scores, while
 * that mediator has room), then each remaining case by a shortest-path
 * search that settles mediators by (distance, lower index).  When a case
 * cannot be placed without leaving someone out and several choices cost
 * the same, the case with the highest index stays unplaced: earlier cases
 * keep their places.  When the auction answers (see below), ties follow
 * the auction instead: cases bid in input order, each for its best
 * mediator by value (then the lower index) and its cheapest place (then
 * the first); still a function of the input alone, but not the rule
 * above -- ask for MI_ASSIGN_METHOD_SEARCH when that rule matters.
 *
 * PRUNING (optional).  MI_ASSIGN_PRUNE_SAFE keeps, for each case, only its
 * best candidates (order: score descending, then mediator index) up to the
 * shortest prefix whose capacities add up to at least N.  This provably
 * keeps the optimum: if an optimal assignment put case i on a mediator j
 * outside that prefix, the other N-1 cases use at most N-1 places of the
 * prefix, so some mediator k in it has room and s(i,k) >= s(i,j); moving i
 * there keeps the count and does not lower the total.  On ties it may pick
 * a different, equally optimal assignment.  MI_ASSIGN_PRUNE_TOPK keeps the
 * best top_k candidates of each case whatever the capacities: fast but NOT
 * guaranteed optimal; the result's `exact` flag says whether every case's
 * top_k covered its safe prefix (then it is optimal).
 *
 * LIMITS.  Scores must satisfy |s| <= MI_ASSIGN_SCORE_MAX and
 * max|s| * (2N + M + 8) <= 2^60, so that every sum the algorithm forms fits
 * in int64 with room to spare; larger inputs are refused with
 * MEDIATE_ERANGE, never silently wrong.  N and M are below 2^32 - 2.
 */
#ifndef MEDIATE_ASSIGN_H
#define MEDIATE_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

#define MI_ASSIGN_SCORE_MAX ((int64_t)1 << 40)   /* 1,099,511,627,776 */
#define MI_ASSIGN_NONE UINT32_MAX                /* "no mediator" */

/*
 * An instance.  Give the candidates EITHER as a sparse list (cand_off,
 * cand_med, cand_score: case i's candidates are entries cand_off[i] ..
 * cand_off[i+1]-1, cand_off has n_cases+1 entries, cand_off[0] == 0, no
 * mediator twice for one case) OR as a dense row-major matrix dense_score
 * (n_cases x n_mediators, every pair allowed).  Nothing is copied that the
 * solver does not need; the arrays are only read during the call.
 */
typedef struct mi_assign_problem {
	size_t n_cases;
	size_t n_mediators;
	const int64_t *capacity;      /* n_mediators entries, each >= 0 */
	const size_t *cand_off;       /* sparse form, or NULL */
	const uint32_t *cand_med;
	const int64_t *cand_score;
	const int64_t *dense_score;   /* dense form, or NULL */
} mi_assign_problem;

enum mi_assign_prune {
	MI_ASSIGN_PRUNE_NONE = 0,     /* use every candidate (default) */
	MI_ASSIGN_PRUNE_SAFE = 1,     /* capacity-covering prefix: provably optimal */
	MI_ASSIGN_PRUNE_TOPK = 2      /* best top_k per case: flagged, may be suboptimal */
};

/* Which exact method; every one gives an optimal assignment. */
enum mi_assign_method {
	MI_ASSIGN_METHOD_AUTO = 0,    /* the auction when the greedy start places
	                                 fewer than half of the cases and there
	                                 are no more empty places than cases;
	                                 otherwise the searches (default) */
	MI_ASSIGN_METHOD_SEARCH = 1,  /* always the shortest-path searches */
	MI_ASSIGN_METHOD_AUCTION = 2  /* the auction first whenever every case
	                                 can be placed (searches if it cannot) */
};

typedef struct mi_assign_options {
	int prune;                    /* enum mi_assign_prune */
	size_t top_k;                 /* for MI_ASSIGN_PRUNE_TOPK, >= 1 */
	int method;                   /* enum mi_assign_method */
} mi_assign_options;

/* Why a case was left unplaced. */
enum mi_assign_reason {
	MI_ASSIGN_PLACED = 0,
	MI_ASSIGN_NO_CANDIDATE = 1,   /* the case has no candidate mediator at all */
	MI_ASSIGN_NO_CAPACITY = 2,    /* every candidate has capacity 0 */
	MI_ASSIGN_OUTCOMPETED = 3     /* its candidates' places all go to other cases:
	                                 placing it would leave another case out
	                                 (and cost at least as much score) */
};

typedef struct mi_assign_result {
	size_t n_cases;
	uint32_t *mediator;           /* per case: index, or MI_ASSIGN_NONE */
	unsigned char *reason;        /* per case: enum mi_assign_reason */
	size_t n_assigned;
	int64_t total_score;          /* sum of the scores of the placed pairs */
	int exact;                    /* 1: proven optimal; 0: TOPK pruning cut a case short */
	size_t n_candidates_used;     /* candidate pairs after pruning */
	size_t n_searches;            /* shortest-path searches run (after the greedy start) */
} mi_assign_result;

/*
 * Solves p.  opt may be NULL (no pruning).  On success *out is a new result
 * the caller frees with mi_assign_result_free().  Errors: MEDIATE_EINVAL
 * (NULL, malformed candidate lists, duplicate pair, negative capacity),
 * MEDIATE_ERANGE (scores beyond the limits above), MEDIATE_ENOMEM.  On
 * error *out is left untouched and nothing leaks.
 */
int mi_assign_solve(mi_assign_result **out, const mi_assign_problem *p,
                    const mi_assign_options *opt);
void mi_assign_result_free(mi_assign_result *r);

#endif /* MEDIATE_ASSIGN_H */
