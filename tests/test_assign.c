/* SPDX-License-Identifier: MIT */
/*
 * The batch assignment solver (lib/assign.c): optimality against brute
 * force on small instances, the lexicographic objective (most cases
 * placed, then the best total), capacities exactly full, nobody eligible,
 * deterministic ties, disconnected candidates, pruning, score limits,
 * invalid input and allocation failure.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "internal.h"
#include "assign.h"

/* ---------------------------------------------------------------------- */
/* A small instance in sparse form, and brute force                        */

#define BF_MAXN 7
#define BF_MAXM 5

typedef struct inst {
	size_t n, m;
	int64_t cap[BF_MAXM];
	size_t off[BF_MAXN + 1];
	uint32_t med[BF_MAXN * BF_MAXM];
	int64_t sc[BF_MAXN * BF_MAXM];
} inst;

static void
prob_of(const inst *in, mi_assign_problem *p)
{
	memset(p, 0, sizeof *p);
	p->n_cases = in->n;
	p->n_mediators = in->m;
	p->capacity = in->cap;
	p->cand_off = in->off;
	p->cand_med = in->med;
	p->cand_score = in->sc;
}

static size_t bf_best_count;
static int64_t bf_best_total;

static void
bf_rec(const inst *in, size_t i, int64_t *left, size_t count, int64_t total)
{
	size_t e;
	if (i == in->n) {
		if (count > bf_best_count || (count == bf_best_count && total > bf_best_total)) {
			bf_best_count = count;
			bf_best_total = total;
		}
		return;
	}
	bf_rec(in, i + 1, left, count, total);   /* case i stays out */
	for (e = in->off[i]; e < in->off[i + 1]; e++) {
		uint32_t k = in->med[e];
		if (left[k] <= 0)
			continue;
		left[k]--;
		bf_rec(in, i + 1, left, count + 1, total + in->sc[e]);
		left[k]++;
	}
}

/* The lexicographic optimum (count, total) by enumeration. */
static void
brute_force(const inst *in, size_t *count, int64_t *total)
{
	int64_t left[BF_MAXM];
	memcpy(left, in->cap, sizeof left);
	bf_best_count = 0;
	bf_best_total = 0;
	bf_rec(in, 0, left, 0, 0);
	*count = bf_best_count;
	*total = bf_best_total;
}

/* The result is a feasible assignment whose summary adds up. */
static int
feasible(const inst *in, const mi_assign_result *r)
{
	int64_t used[BF_MAXM] = { 0 };
	size_t i, e, count = 0;
	int64_t total = 0;
	if (r->n_cases != in->n)
		return 0;
	for (i = 0; i < in->n; i++) {
		uint32_t k = r->mediator[i];
		int found = 0;
		if (k == MI_ASSIGN_NONE) {
			if (r->reason[i] == MI_ASSIGN_PLACED)
				return 0;
			continue;
		}
		if (r->reason[i] != MI_ASSIGN_PLACED || k >= in->m)
			return 0;
		for (e = in->off[i]; e < in->off[i + 1]; e++)
			if (in->med[e] == k) {
				found = 1;
				total += in->sc[e];
			}
		if (!found)
			return 0;
		if (++used[k] > in->cap[k])
			return 0;
		count++;
	}
	return count == r->n_assigned && total == r->total_score;
}

static uint64_t rng_state = 0x5eed2020ULL;

static uint64_t
rnd(uint64_t bound)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return (z ^ (z >> 31)) % bound;
}

/* Random instance: density in percent, scores in [lo, lo + range). */
static void
random_inst(inst *in, size_t n, size_t m, int density, int64_t lo, int64_t range, int64_t maxcap)
{
	size_t i, j, e = 0;
	in->n = n;
	in->m = m;
	for (j = 0; j < m; j++)
		in->cap[j] = (int64_t)rnd((uint64_t)maxcap + 1);
	for (i = 0; i < n; i++) {
		in->off[i] = e;
		for (j = 0; j < m; j++) {
			if ((int)rnd(100) >= density)
				continue;
			in->med[e] = (uint32_t)j;
			in->sc[e] = lo + (int64_t)rnd((uint64_t)range);
			e++;
		}
	}
	in->off[n] = e;
}

static void
check_against_brute_force(const inst *in, int prune, int method)
{
	mi_assign_problem p;
	mi_assign_options opt = { prune, 0, method };
	mi_assign_result *r = NULL;
	size_t count;
	int64_t total;
	prob_of(in, &p);
	if (prune == MI_ASSIGN_PRUNE_TOPK)
		opt.top_k = BF_MAXM;   /* keeps everything: must be exact */
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, &opt), MEDIATE_OK);
	brute_force(in, &count, &total);
	CU_ASSERT_EQUAL(r->n_assigned, count);
	CU_ASSERT_EQUAL(r->total_score, total);
	CU_ASSERT(feasible(in, r));
	CU_ASSERT_EQUAL(r->exact, 1);
	mi_assign_result_free(r);
}

static void
test_brute_force_random(void)
{
	int round;
	inst in;
	for (round = 0; round < 400; round++) {
		size_t n = 1 + (size_t)rnd(BF_MAXN - 1);   /* 1..6 */
		size_t m = 1 + (size_t)rnd(BF_MAXM);       /* 1..5 */
		int density = 30 + (int)rnd(71);
		/* small ranges make ties; negative scores must still be placed */
		int64_t range = round % 3 == 0 ? 3 : 1000;
		int64_t lo = round % 4 == 0 ? -500 : 0;
		random_inst(&in, n, m, density, lo, range, round % 5 == 0 ? 1 : 3);
		check_against_brute_force(&in, MI_ASSIGN_PRUNE_NONE, MI_ASSIGN_METHOD_AUTO);
		check_against_brute_force(&in, MI_ASSIGN_PRUNE_SAFE, MI_ASSIGN_METHOD_AUTO);
		check_against_brute_force(&in, MI_ASSIGN_PRUNE_TOPK, MI_ASSIGN_METHOD_AUTO);
		check_against_brute_force(&in, MI_ASSIGN_PRUNE_NONE, MI_ASSIGN_METHOD_SEARCH);
		check_against_brute_force(&in, MI_ASSIGN_PRUNE_NONE, MI_ASSIGN_METHOD_AUCTION);
	}
}

/*
 * Everybody wants the same mediators (the 老潘 studio effect): the auction
 * and the searches must agree, and brute force on small ones.
 */
static void
test_correlated_methods(void)
{
	int round;
	for (round = 0; round < 150; round++) {
		inst in;
		size_t i, j, e = 0, count;
		int64_t q[BF_MAXM], total;
		mi_assign_problem p;
		mi_assign_options opt = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_AUTO };
		mi_assign_result *ra = NULL, *rs = NULL, *rx = NULL;
		in.n = 2 + (size_t)rnd(BF_MAXN - 1);
		in.m = 2 + (size_t)rnd(BF_MAXM - 1);
		for (j = 0; j < in.m; j++) {
			in.cap[j] = 1 + (int64_t)rnd(3);
			q[j] = (int64_t)rnd(10) * 1000;   /* standing dominates */
		}
		for (i = 0; i < in.n; i++) {
			in.off[i] = e;
			for (j = 0; j < in.m; j++) {
				if (round % 2 && rnd(4) == 0)
					continue;
				in.med[e] = (uint32_t)j;
				in.sc[e] = q[j] + (int64_t)rnd(round % 3 ? 900 : 3);
				e++;
			}
		}
		in.off[in.n] = e;
		prob_of(&in, &p);
		brute_force(&in, &count, &total);
		CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&ra, &p, &opt), MEDIATE_OK);
		opt.method = MI_ASSIGN_METHOD_SEARCH;
		CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&rs, &p, &opt), MEDIATE_OK);
		opt.method = MI_ASSIGN_METHOD_AUCTION;
		CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&rx, &p, &opt), MEDIATE_OK);
		CU_ASSERT_EQUAL(ra->n_assigned, count);
		CU_ASSERT_EQUAL(ra->total_score, total);
		CU_ASSERT_EQUAL(rs->n_assigned, count);
		CU_ASSERT_EQUAL(rs->total_score, total);
		CU_ASSERT_EQUAL(rx->n_assigned, count);
		CU_ASSERT_EQUAL(rx->total_score, total);
		CU_ASSERT(feasible(&in, ra));
		CU_ASSERT(feasible(&in, rx));
		mi_assign_result_free(ra);
		mi_assign_result_free(rs);
		mi_assign_result_free(rx);
	}
}

/* A larger correlated instance: the auction's total equals the searches'. */
static void
test_correlated_large(void)
{
	enum { N = 300, M = 60 };
	static int64_t dense[N * M];
	int64_t cap[M], q[M];
	mi_assign_problem p;
	mi_assign_options opt = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_SEARCH };
	mi_assign_result *rs = NULL, *rx = NULL;
	size_t i, j;
	for (j = 0; j < M; j++) {
		cap[j] = 6;
		q[j] = (int64_t)rnd(1000000);
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < M; j++)
			dense[i * M + j] = q[j] + (int64_t)rnd(100000);
	memset(&p, 0, sizeof p);
	p.n_cases = N;
	p.n_mediators = M;
	p.capacity = cap;
	p.dense_score = dense;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&rs, &p, &opt), MEDIATE_OK);
	opt.method = MI_ASSIGN_METHOD_AUCTION;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&rx, &p, &opt), MEDIATE_OK);
	CU_ASSERT_EQUAL(rs->n_assigned, N);
	CU_ASSERT_EQUAL(rx->n_assigned, N);
	CU_ASSERT_EQUAL(rx->total_score, rs->total_score);
	CU_ASSERT_EQUAL(rs->n_searches > 0, 1);
	CU_ASSERT_EQUAL(rx->n_searches, 0);   /* the auction answered */
	mi_assign_result_free(rs);
	mi_assign_result_free(rx);
}

/*
 * Medium instances, beyond brute force but with more mediators than the
 * solver's short candidate lists (auction bid caches, search top lists) and
 * longer rows than the pruning buffer: every method and pruning mode, in
 * dense and sparse form, must reach the (count, total) of the plain
 * searches on every candidate.  Small score ranges make ties; some
 * mediators have no capacity; some rounds cannot place everybody.
 */
static int
medium_feasible(size_t n, size_t m, const int64_t *cap, const int64_t *dense, const mi_assign_result *r)
{
	int64_t used[120] = { 0 }, total = 0;
	size_t i, count = 0;
	for (i = 0; i < n; i++) {
		uint32_t k = r->mediator[i];
		if (k == MI_ASSIGN_NONE)
			continue;
		if (k >= m || ++used[k] > cap[k])
			return 0;
		total += dense[i * m + k];
		count++;
	}
	return count == r->n_assigned && total == r->total_score;
}

static void
test_medium_methods_agree(void)
{
	enum { MAXN = 90, MAXM = 120 };
	static int64_t dense[MAXN * MAXM], ssc[MAXN * MAXM];
	static uint32_t smed[MAXN * MAXM];
	static size_t soff[MAXN + 1];
	int64_t cap[MAXM], q[MAXM];
	int round;
	for (round = 0; round < 60; round++) {
		size_t n = 10 + (size_t)rnd(MAXN - 9), m = 9 + (size_t)rnd(MAXM - 8), i, j, e = 0;
		int64_t range = round % 3 == 0 ? 4 : round % 3 == 1 ? 300 : 100000;
		int64_t lo = round % 4 == 3 ? -50000 : 0, capsum = 0;
		mi_assign_problem p;
		mi_assign_result *ref = NULL;
		int form, pr, me;
		for (j = 0; j < m; j++) {
			cap[j] = rnd(8) == 0 ? 0 : 1 + (int64_t)rnd(round % 5 == 0 ? 2 : 6);
			q[j] = round % 2 ? (int64_t)rnd(10) * range : 0;   /* odd rounds: correlated */
			capsum += cap[j];
		}
		for (i = 0; i < n; i++) {
			soff[i] = e;
			for (j = 0; j < m; j++) {
				dense[i * m + j] = lo + q[j] + (int64_t)rnd((uint64_t)range);
				if (rnd(3) != 0) {   /* the sparse form: about two thirds */
					smed[e] = (uint32_t)j;
					ssc[e] = dense[i * m + j];
					e++;
				}
			}
		}
		soff[n] = e;
		for (form = 0; form < 2; form++) {
			memset(&p, 0, sizeof p);
			p.n_cases = n;
			p.n_mediators = m;
			p.capacity = cap;
			if (form == 0) {
				p.dense_score = dense;
			} else {
				p.cand_off = soff;
				p.cand_med = smed;
				p.cand_score = ssc;
			}
			{
				mi_assign_options o = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_SEARCH };
				CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&ref, &p, &o), MEDIATE_OK);
			}
			if (form == 0) {
				CU_ASSERT(medium_feasible(n, m, cap, dense, ref));
				if (capsum >= (int64_t)n)
					CU_ASSERT_EQUAL(ref->n_assigned, n);   /* dense: everybody fits */
			}
			for (pr = 0; pr < 3; pr++) {
				for (me = 0; me < 3; me++) {
					mi_assign_options o = { pr, pr == MI_ASSIGN_PRUNE_TOPK ? m : 0, me };
					mi_assign_result *r = NULL;
					CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, &o), MEDIATE_OK);
					CU_ASSERT_EQUAL(r->n_assigned, ref->n_assigned);
					CU_ASSERT_EQUAL(r->total_score, ref->total_score);
					CU_ASSERT_EQUAL(r->exact, 1);
					if (form == 0)
						CU_ASSERT(medium_feasible(n, m, cap, dense, r));
					mi_assign_result_free(r);
				}
			}
			mi_assign_result_free(ref);
			ref = NULL;
		}
	}
}

/*
 * Pruning keeps the right candidates at the extremes of the score range
 * (the selection packs score and mediator index into one integer key).
 */
static void
test_pruning_extreme_scores(void)
{
	enum { N = 3, M = 12 };
	int64_t dense[N * M], cap[M];
	mi_assign_problem p;
	mi_assign_options none = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_SEARCH };
	mi_assign_options safe = { MI_ASSIGN_PRUNE_SAFE, 0, MI_ASSIGN_METHOD_AUTO };
	mi_assign_result *a = NULL, *b = NULL;
	size_t i, j;
	for (j = 0; j < M; j++)
		cap[j] = 1;
	for (i = 0; i < N; i++)
		for (j = 0; j < M; j++)
			dense[i * M + j] = (j + i) % 3 == 0 ? -MI_ASSIGN_SCORE_MAX
			                 : (j + i) % 3 == 1 ? MI_ASSIGN_SCORE_MAX - (int64_t)j : MI_ASSIGN_SCORE_MAX;
	memset(&p, 0, sizeof p);
	p.n_cases = N;
	p.n_mediators = M;
	p.capacity = cap;
	p.dense_score = dense;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&a, &p, &none), MEDIATE_OK);
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&b, &p, &safe), MEDIATE_OK);
	CU_ASSERT_EQUAL(a->n_assigned, N);
	CU_ASSERT_EQUAL(a->total_score, 3 * MI_ASSIGN_SCORE_MAX);
	CU_ASSERT_EQUAL(b->n_assigned, N);
	CU_ASSERT_EQUAL(b->total_score, a->total_score);
	CU_ASSERT_EQUAL(b->n_candidates_used, N * N);   /* ceil(3 / 1) each */
	for (i = 0; i < N; i++)
		CU_ASSERT_EQUAL(dense[i * M + b->mediator[i]], MI_ASSIGN_SCORE_MAX);
	mi_assign_result_free(a);
	mi_assign_result_free(b);
}

/* The same instance given densely must give the same optimum. */
static void
test_dense_matches_sparse(void)
{
	int round;
	for (round = 0; round < 100; round++) {
		inst in;
		int64_t dense[BF_MAXN * BF_MAXM];
		mi_assign_problem p;
		mi_assign_result *r = NULL;
		size_t count, i, j;
		int64_t total;
		size_t n = 1 + (size_t)rnd(BF_MAXN - 1), m = 1 + (size_t)rnd(BF_MAXM);
		random_inst(&in, n, m, 100, -50, 200, 2);
		for (i = 0; i < n; i++)
			for (j = 0; j < m; j++)
				dense[i * m + j] = in.sc[in.off[i] + j];
		memset(&p, 0, sizeof p);
		p.n_cases = n;
		p.n_mediators = m;
		p.capacity = in.cap;
		p.dense_score = dense;
		CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
		brute_force(&in, &count, &total);
		CU_ASSERT_EQUAL(r->n_assigned, count);
		CU_ASSERT_EQUAL(r->total_score, total);
		CU_ASSERT(feasible(&in, r));
		mi_assign_result_free(r);
	}
}

/* ---------------------------------------------------------------------- */
/* Named situations                                                        */

/*
 * A morning at the 老潘 (Lao Pan) studio: three mediators, 潘师傅 (cap 2),
 * 王调解员 (cap 1), 李律师 (cap 1), and four cases whose total capacity is
 * exactly four: everyone is placed and every place is used.  Scores are
 * fixed-point (x10000) fits.
 */
static void
test_capacity_exactly_full(void)
{
	static const char *const mediators[] = { "潘师傅", "王调解员", "李律师" };
	static const char *const cases[] = { "邻里噪音纠纷", "家庭赡养纠纷", "劳务工资纠纷", "交通事故赔偿" };
	int64_t cap[3] = { 2, 1, 1 };
	int64_t dense[4 * 3] = {
		9200, 6100, 3000,   /* neighbour noise: 潘 is the specialist */
		8800, 7900, 2000,   /* family support */
		4000, 5000, 9700,   /* labour wages: 李律师 */
		8100, 7000, 8000    /* traffic compensation */
	};
	mi_assign_problem p;
	mi_assign_result *r = NULL;
	int64_t load[3] = { 0, 0, 0 };
	size_t i;
	memset(&p, 0, sizeof p);
	p.n_cases = 4;
	p.n_mediators = 3;
	p.capacity = cap;
	p.dense_score = dense;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 4);
	for (i = 0; i < 4; i++) {
		CU_ASSERT_NOT_EQUAL_FATAL(r->mediator[i], MI_ASSIGN_NONE);
		load[r->mediator[i]]++;
	}
	CU_ASSERT_EQUAL(load[0], 2);
	CU_ASSERT_EQUAL(load[1], 1);
	CU_ASSERT_EQUAL(load[2], 1);
	/* optimum by hand: 噪音->潘, 赡养->王 (7900), 工资->李, 交通->潘 (8100)
	 * = 9200 + 7900 + 9700 + 8100 = 34900 */
	CU_ASSERT_EQUAL(r->total_score, 34900);
	CU_ASSERT_EQUAL(r->mediator[0], 0);
	CU_ASSERT_EQUAL(r->mediator[1], 1);
	CU_ASSERT_EQUAL(r->mediator[2], 2);
	CU_ASSERT_EQUAL(r->mediator[3], 0);
	for (i = 0; i < 4 && r->total_score != 34900; i++)
		if (r->mediator[i] < 3)
			fprintf(stderr, "%s -> %s%s", cases[i], mediators[r->mediator[i]], i == 3 ? "\n" : "; ");
	mi_assign_result_free(r);
}

static void
test_nobody_eligible(void)
{
	/* case 0: no candidate; case 1: only a mediator with capacity 0
	 * (on leave); case 2: competes with case 3 for one place and loses. */
	int64_t cap[2] = { 0, 1 };
	size_t off[5] = { 0, 0, 1, 2, 3 };
	uint32_t med[3] = { 0, 1, 1 };
	int64_t sc[3] = { 500, 100, 900 };
	mi_assign_problem p;
	mi_assign_result *r = NULL;
	memset(&p, 0, sizeof p);
	p.n_cases = 4;
	p.n_mediators = 2;
	p.capacity = cap;
	p.cand_off = off;
	p.cand_med = med;
	p.cand_score = sc;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->mediator[0], MI_ASSIGN_NONE);
	CU_ASSERT_EQUAL(r->reason[0], MI_ASSIGN_NO_CANDIDATE);
	CU_ASSERT_EQUAL(r->mediator[1], MI_ASSIGN_NONE);
	CU_ASSERT_EQUAL(r->reason[1], MI_ASSIGN_NO_CAPACITY);
	CU_ASSERT_EQUAL(r->mediator[2], MI_ASSIGN_NONE);
	CU_ASSERT_EQUAL(r->reason[2], MI_ASSIGN_OUTCOMPETED);
	CU_ASSERT_EQUAL(r->mediator[3], 1);
	CU_ASSERT_EQUAL(r->reason[3], MI_ASSIGN_PLACED);
	CU_ASSERT_EQUAL(r->n_assigned, 1);
	CU_ASSERT_EQUAL(r->total_score, 900);
	mi_assign_result_free(r);

	/* no mediators at all */
	p.n_mediators = 0;
	p.capacity = NULL;
	p.cand_off = NULL;
	p.cand_med = NULL;
	p.cand_score = NULL;
	p.n_cases = 0;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 0);
	CU_ASSERT_EQUAL(r->total_score, 0);
	mi_assign_result_free(r);
}

/* Cardinality first: a low score that lets both cases in beats one high score. */
static void
test_count_before_score(void)
{
	/* case 0 -> A (10) or B (1); case 1 -> A (1000) only; cap 1 each.
	 * Best: case 0 on B, case 1 on A: 1001, both placed. */
	int64_t cap[2] = { 1, 1 };
	size_t off[3] = { 0, 2, 3 };
	uint32_t med[3] = { 0, 1, 0 };
	int64_t sc[3] = { 10, 1, 1000 };
	mi_assign_problem p;
	mi_assign_result *r = NULL;
	memset(&p, 0, sizeof p);
	p.n_cases = 2;
	p.n_mediators = 2;
	p.capacity = cap;
	p.cand_off = off;
	p.cand_med = med;
	p.cand_score = sc;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 2);
	CU_ASSERT_EQUAL(r->total_score, 1001);
	CU_ASSERT_EQUAL(r->mediator[0], 1);
	CU_ASSERT_EQUAL(r->mediator[1], 0);
	mi_assign_result_free(r);

	/* negative scores: placing still wins over leaving out */
	sc[0] = -70;
	sc[1] = -90;
	sc[2] = -5;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 2);
	CU_ASSERT_EQUAL(r->total_score, -95);
	mi_assign_result_free(r);

	/* one place, two cases: the higher score wins even when it comes last */
	off[1] = 1;
	off[2] = 2;
	med[0] = 0;
	med[1] = 0;
	sc[0] = 1;
	sc[1] = 100;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 1);
	CU_ASSERT_EQUAL(r->mediator[0], MI_ASSIGN_NONE);
	CU_ASSERT_EQUAL(r->reason[0], MI_ASSIGN_OUTCOMPETED);
	CU_ASSERT_EQUAL(r->mediator[1], 0);
	CU_ASSERT_EQUAL(r->total_score, 100);
	mi_assign_result_free(r);
}

/* Equal scores everywhere: the documented tie rule, whatever the candidate order. */
static void
test_ties_deterministic(void)
{
	int64_t cap[3] = { 1, 1, 1 };
	size_t off[4] = { 0, 3, 6, 9 };
	uint32_t med[9] = { 0, 1, 2, 2, 1, 0, 1, 2, 0 };
	int64_t sc[9] = { 7, 7, 7, 7, 7, 7, 7, 7, 7 };
	mi_assign_problem p;
	mi_assign_result *r = NULL, *r2 = NULL;
	size_t i;
	memset(&p, 0, sizeof p);
	p.n_cases = 3;
	p.n_mediators = 3;
	p.capacity = cap;
	p.cand_off = off;
	p.cand_med = med;
	p.cand_score = sc;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	/* cases in order, each to the lowest-index mediator with room */
	CU_ASSERT_EQUAL(r->mediator[0], 0);
	CU_ASSERT_EQUAL(r->mediator[1], 1);
	CU_ASSERT_EQUAL(r->mediator[2], 2);
	CU_ASSERT_EQUAL(r->total_score, 21);
	/* again, and with the candidates of each case listed in another order */
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r2, &p, NULL), MEDIATE_OK);
	for (i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(r->mediator[i], r2->mediator[i]);
	mi_assign_result_free(r2);
	med[0] = 2; med[1] = 0; med[2] = 1;
	med[3] = 0; med[4] = 2; med[5] = 1;
	med[6] = 0; med[7] = 1; med[8] = 2;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r2, &p, NULL), MEDIATE_OK);
	for (i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(r->mediator[i], r2->mediator[i]);
	mi_assign_result_free(r2);
	mi_assign_result_free(r);

	/* too few places, equal scores: the latest case stays out */
	cap[0] = 1;
	cap[1] = 1;
	cap[2] = 0;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 2);
	CU_ASSERT_NOT_EQUAL(r->mediator[0], MI_ASSIGN_NONE);
	CU_ASSERT_NOT_EQUAL(r->mediator[1], MI_ASSIGN_NONE);
	CU_ASSERT_EQUAL(r->mediator[2], MI_ASSIGN_NONE);
	CU_ASSERT_EQUAL(r->reason[2], MI_ASSIGN_OUTCOMPETED);
	mi_assign_result_free(r);
}

/* Two groups of cases that share no mediator: the optimum is the sum. */
static void
test_disconnected_candidates(void)
{
	int round;
	for (round = 0; round < 60; round++) {
		inst a, b, ab;
		size_t ca, cb, cab, i, e;
		int64_t ta, tb, tab;
		mi_assign_problem p;
		mi_assign_result *r = NULL;
		random_inst(&a, 3, 2, 80, 0, 50, 2);
		random_inst(&b, 3, 2, 80, -20, 50, 1);
		/* ab = a on mediators 0..1 and b on mediators 2..3 */
		ab.n = 6;
		ab.m = 4;
		ab.cap[0] = a.cap[0];
		ab.cap[1] = a.cap[1];
		ab.cap[2] = b.cap[0];
		ab.cap[3] = b.cap[1];
		e = 0;
		for (i = 0; i < 6; i++) {
			const inst *src = i < 3 ? &a : &b;
			size_t si = i % 3, f;
			ab.off[i] = e;
			for (f = src->off[si]; f < src->off[si + 1]; f++) {
				ab.med[e] = src->med[f] + (i < 3 ? 0 : 2);
				ab.sc[e] = src->sc[f];
				e++;
			}
		}
		ab.off[6] = e;
		brute_force(&a, &ca, &ta);
		brute_force(&b, &cb, &tb);
		brute_force(&ab, &cab, &tab);
		CU_ASSERT_EQUAL(cab, ca + cb);
		CU_ASSERT_EQUAL(tab, ta + tb);
		prob_of(&ab, &p);
		CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
		CU_ASSERT_EQUAL(r->n_assigned, ca + cb);
		CU_ASSERT_EQUAL(r->total_score, ta + tb);
		CU_ASSERT(feasible(&ab, r));
		mi_assign_result_free(r);
	}
}

/* A bigger instance: pruning SAFE gives the same optimum as no pruning;
 * TOPK 1 is flagged when it loses it. */
static void
test_pruning(void)
{
	enum { N = 60, M = 25 };
	static int64_t dense[N * M];
	int64_t cap[M], q[M];
	mi_assign_problem p;
	mi_assign_options opt = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_AUTO };
	mi_assign_result *full = NULL, *safe = NULL, *top = NULL;
	size_t i, j;
	for (j = 0; j < M; j++) {
		cap[j] = 1 + (int64_t)rnd(4);
		q[j] = (int64_t)rnd(100000);   /* the mediator's standing */
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < M; j++)
			dense[i * M + j] = q[j] + (int64_t)rnd(20000);
	memset(&p, 0, sizeof p);
	p.n_cases = N;
	p.n_mediators = M;
	p.capacity = cap;
	p.dense_score = dense;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&full, &p, &opt), MEDIATE_OK);
	opt.prune = MI_ASSIGN_PRUNE_SAFE;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&safe, &p, &opt), MEDIATE_OK);
	CU_ASSERT_EQUAL(safe->n_assigned, full->n_assigned);
	CU_ASSERT_EQUAL(safe->total_score, full->total_score);
	CU_ASSERT_EQUAL(safe->exact, 1);
	opt.prune = MI_ASSIGN_PRUNE_TOPK;
	opt.top_k = 1;   /* everyone keeps only the favourite: far too few */
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&top, &p, &opt), MEDIATE_OK);
	CU_ASSERT_EQUAL(top->exact, 0);
	CU_ASSERT(top->n_assigned < full->n_assigned ||
	          (top->n_assigned == full->n_assigned && top->total_score <= full->total_score));
	CU_ASSERT(top->n_candidates_used <= N);
	mi_assign_result_free(top);
	opt.top_k = M;   /* keeps everything: exact */
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&top, &p, &opt), MEDIATE_OK);
	CU_ASSERT_EQUAL(top->exact, 1);
	CU_ASSERT_EQUAL(top->total_score, full->total_score);
	mi_assign_result_free(top);
	mi_assign_result_free(safe);
	mi_assign_result_free(full);
}

static void
test_score_limits(void)
{
	int64_t cap[2] = { 1, 1 };
	size_t off[3] = { 0, 2, 4 };
	uint32_t med[4] = { 0, 1, 0, 1 };
	int64_t sc[4] = { MI_ASSIGN_SCORE_MAX, -MI_ASSIGN_SCORE_MAX, MI_ASSIGN_SCORE_MAX, MI_ASSIGN_SCORE_MAX - 1 };
	mi_assign_problem p;
	mi_assign_result *r = NULL;
	size_t *boff;
	uint32_t *bmed;
	int64_t *bsc, bcap = 1;
	size_t i, big = (size_t)1 << 19;

	memset(&p, 0, sizeof p);
	p.n_cases = 2;
	p.n_mediators = 2;
	p.capacity = cap;
	p.cand_off = off;
	p.cand_med = med;
	p.cand_score = sc;
	/* at the limit: exact */
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 2);
	CU_ASSERT_EQUAL(r->total_score, 2 * MI_ASSIGN_SCORE_MAX - 1);
	mi_assign_result_free(r);
	r = NULL;
	/* one past it, and the extremes */
	sc[1] = MI_ASSIGN_SCORE_MAX + 1;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_ERANGE);
	CU_ASSERT_PTR_NULL(r);
	sc[1] = INT64_MIN;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_ERANGE);
	sc[1] = INT64_MAX;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_ERANGE);
	CU_ASSERT_PTR_NULL(r);

	/* within +-2^40 but too many cases for exact int64 sums: refused */
	boff = malloc((big + 1) * sizeof *boff);
	bmed = malloc(big * sizeof *bmed);
	bsc = malloc(big * sizeof *bsc);
	CU_ASSERT_FATAL(boff != NULL && bmed != NULL && bsc != NULL);
	for (i = 0; i < big; i++) {
		boff[i] = i;
		bmed[i] = 0;
		bsc[i] = MI_ASSIGN_SCORE_MAX;
	}
	boff[big] = big;
	p.n_cases = big;
	p.n_mediators = 1;
	p.capacity = &bcap;
	p.cand_off = boff;
	p.cand_med = bmed;
	p.cand_score = bsc;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_ERANGE);
	CU_ASSERT_PTR_NULL(r);
	/* the same cases with modest scores are fine: one placed */
	for (i = 0; i < big; i++)
		bsc[i] = 10000;
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->n_assigned, 1);
	CU_ASSERT_EQUAL(r->mediator[0], 0);   /* ties: the earliest case keeps it */
	mi_assign_result_free(r);
	free(boff);
	free(bmed);
	free(bsc);
}

static void
test_invalid_input(void)
{
	int64_t cap[2] = { 1, 1 };
	size_t off[3] = { 0, 2, 3 };
	uint32_t med[3] = { 0, 1, 1 };
	int64_t sc[3] = { 5, 6, 7 };
	int64_t dense[4] = { 1, 2, 3, 4 };
	mi_assign_problem p;
	mi_assign_options opt = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_AUTO };
	mi_assign_result *r = NULL;

	memset(&p, 0, sizeof p);
	p.n_cases = 2;
	p.n_mediators = 2;
	p.capacity = cap;
	p.cand_off = off;
	p.cand_med = med;
	p.cand_score = sc;
	CU_ASSERT_EQUAL(mi_assign_solve(NULL, &p, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mi_assign_solve(&r, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_EINVAL);
	opt.prune = 7;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, &opt), MEDIATE_EINVAL);
	opt.prune = MI_ASSIGN_PRUNE_NONE;
	opt.method = 9;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, &opt), MEDIATE_EINVAL);
	opt.method = MI_ASSIGN_METHOD_AUTO;
	opt.prune = MI_ASSIGN_PRUNE_TOPK;
	opt.top_k = 0;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, &opt), MEDIATE_EINVAL);
	cap[1] = -1;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	cap[1] = 1;
	med[1] = 0;   /* case 0 lists mediator 0 twice */
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "twice"));
	med[1] = 2;   /* no such mediator */
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	med[1] = 1;
	off[1] = 4;   /* offsets decrease */
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	off[1] = 2;
	off[0] = 1;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	off[0] = 0;
	p.dense_score = dense;   /* both forms */
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	p.dense_score = NULL;
	p.cand_off = NULL;       /* no form */
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	p.cand_off = off;
	p.capacity = NULL;
	CU_ASSERT_EQUAL(mi_assign_solve(&r, &p, NULL), MEDIATE_EINVAL);
	p.capacity = cap;
	CU_ASSERT_PTR_NULL(r);
	/* and the fixed instance works */
	CU_ASSERT_EQUAL_FATAL(mi_assign_solve(&r, &p, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(r->total_score, 12);
	mi_assign_result_free(r);
	mi_assign_result_free(NULL);
}

/* ---------------------------------------------------------------------- */
/* Allocation failure                                                      */

static long fail_after, live_blocks;

static void *
f_malloc(size_t size, void *user)
{
	void *p;
	(void)user;
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	p = malloc(size);
	if (p != NULL)
		live_blocks++;
	return p;
}

static void *
f_realloc(void *ptr, size_t size, void *user)
{
	void *p;
	(void)user;
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	p = realloc(ptr, size);
	if (p != NULL && ptr == NULL)
		live_blocks++;
	return p;
}

static void
f_free(void *ptr, void *user)
{
	(void)user;
	if (ptr != NULL)
		live_blocks--;
	free(ptr);
}

static void
test_allocation_failure(void)
{
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, f_malloc, f_realloc, f_free, NULL };
	inst in;
	mi_assign_problem p;
	mi_assign_options opts[4] = { { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_AUTO },
	                              { MI_ASSIGN_PRUNE_SAFE, 0, MI_ASSIGN_METHOD_SEARCH },
	                              { MI_ASSIGN_PRUNE_TOPK, 2, MI_ASSIGN_METHOD_AUTO },
	                              { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_AUCTION } };
	int o;
	rng_state = 42;
	random_inst(&in, 6, 4, 90, 0, 100, 1);
	in.cap[0] = 1;
	prob_of(&in, &p);
	for (o = 0; o < 4; o++) {
		long k;
		int ok = 0;
		for (k = 0; k < 200 && !ok; k++) {
			mi_assign_result *r = NULL;
			int rc;
			live_blocks = 0;
			fail_after = k;
			CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), MEDIATE_OK);
			rc = mi_assign_solve(&r, &p, &opts[o]);
			if (rc == MEDIATE_OK) {
				ok = 1;
				CU_ASSERT(feasible(&in, r));
				mi_assign_result_free(r);
			} else {
				CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
				CU_ASSERT_PTR_NULL(r);
			}
			mediate_allocator_set(NULL);
			CU_ASSERT_EQUAL(live_blocks, 0);   /* nothing leaked */
		}
		CU_ASSERT(ok);
		CU_ASSERT(k > 3);   /* several allocations were made to fail */
	}
}

int
suite_assign(void)
{
	TEST_SUITE(s, "assign");
	TEST_ADD(s, test_brute_force_random);
	TEST_ADD(s, test_dense_matches_sparse);
	TEST_ADD(s, test_correlated_methods);
	TEST_ADD(s, test_correlated_large);
	TEST_ADD(s, test_medium_methods_agree);
	TEST_ADD(s, test_pruning_extreme_scores);
	TEST_ADD(s, test_capacity_exactly_full);
	TEST_ADD(s, test_nobody_eligible);
	TEST_ADD(s, test_count_before_score);
	TEST_ADD(s, test_ties_deterministic);
	TEST_ADD(s, test_disconnected_candidates);
	TEST_ADD(s, test_pruning);
	TEST_ADD(s, test_score_limits);
	TEST_ADD(s, test_invalid_input);
	TEST_ADD(s, test_allocation_failure);
	return 0;
}
