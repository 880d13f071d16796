/* SPDX-License-Identifier: MIT */
/*
 * Optimal batch assignment: see assign.h for the problem, the objective,
 * the tie-breaking rule and the limits.  Read top to bottom: validation,
 * pruning, the greedy start, the shortest augmenting path search, the
 * driver.
 *
 * Notation.  Costs are c(i,j) = -s(i,j) (we minimise).  Every mediator j
 * has a price v[j] and a flag closed[j]; a placed case i on mediator j has
 * the implicit dual u(i) = c(i,j) - v[j], so its own arc has reduced cost
 * 0.  Reduced cost of an arc: rc(i,k) = c(i,k) - u(i) - v[k] >= 0.
 *
 * Distances are pairs (level, value).  Level 1 is one unit of the dominant
 * "case left unplaced" component: reaching a case's private exit costs one
 * level, and so does entering a closed mediator from an open case.  Open
 * mediators are only ever reached at level 0 and closed ones at level 1, so
 * the level of a mediator's label is simply closed[j] and only the value is
 * stored.  A search ends at the first settled open mediator with room (an
 * ordinary augmenting path: one more case placed), or, when there is none
 * left to reach, at the cheapest exit (some case of the searched component
 * stays out).  In the second case every mediator the search settled can no
 * longer reach free capacity: it becomes closed, and its cases can only
 * reach closed mediators from then on, which keeps the levels 0 and 1.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "assign.h"

#define ST_NEW 0
#define ST_LABELED 1
#define ST_DONE 2

#define DUAL_GUARD ((int64_t)1 << 61)
#define TOPN 32
#define TOP_NONE UINT32_MAX

typedef struct solver {
	size_t n, m;
	/* candidate rows: dense (all mediators) or compressed */
	const int64_t *dense;
	const size_t *off;
	const uint32_t *med;
	const int64_t *sc;
	size_t *own_off;
	uint32_t *own_med;
	int64_t *own_sc;
	/* capacities and placements */
	uint32_t *capE;         /* effective capacity: min(cap, cases listing j) */
	size_t *sstart;         /* m+1: first slot of each mediator */
	uint32_t *load;
	uint32_t *slots;        /* case in each used slot */
	int64_t *v;             /* price (value part) */
	unsigned char *closed;  /* price level: 1 = -1 unit */
	uint32_t *asg;          /* mediator of each case, or MI_ASSIGN_NONE */
	size_t *pos;            /* slot of each placed case */
	int64_t *cur_s;         /* score of each placed case's pair */
	/* search state, size m */
	int64_t *dx;
	uint32_t *pred;         /* case through which the label was set */
	int64_t *pred_s;        /* score of that case's arc into the mediator */
	unsigned char *state;
	uint32_t *heap;
	uint32_t *hpos;
	size_t hn;
	uint32_t *touched;
	size_t ntouched;
	size_t searches;
	size_t nclosed;         /* mediators closed so far */
	int force_auction;      /* options: method */
	/* fast search: short candidate lists (see frelax) */
	int64_t lim;
	uint32_t *top_k;
	int64_t *top_s;
	uint32_t *top_n;
	int64_t *top_thr;
} solver;

/* ---------------------------------------------------------------------- */
/* Validation                                                              */

static int
validate(const mi_assign_problem *p, int64_t *maxabs_out)
{
	size_t i, j, e;
	int64_t maxabs = 0;

	if (p->n_cases >= (size_t)UINT32_MAX - 1 || p->n_mediators >= (size_t)UINT32_MAX - 1)
		return mi_err(MEDIATE_EINVAL, "assign: too many cases or mediators (limit %lu)",
		              (unsigned long)UINT32_MAX - 2);
	if (p->n_mediators > 0 && p->capacity == NULL)
		return mi_err(MEDIATE_EINVAL, "assign: capacity is NULL");
	for (j = 0; j < p->n_mediators; j++)
		if (p->capacity[j] < 0)
			return mi_err(MEDIATE_EINVAL, "assign: mediator %zu has negative capacity %lld",
			              j, (long long)p->capacity[j]);
	if (p->dense_score != NULL) {
		if (p->cand_off != NULL || p->cand_med != NULL || p->cand_score != NULL)
			return mi_err(MEDIATE_EINVAL, "assign: give either dense scores or candidate lists, not both");
		if (p->n_mediators != 0 && p->n_cases > SIZE_MAX / p->n_mediators)
			return mi_err(MEDIATE_EINVAL, "assign: dense matrix too large");
		int64_t lo = 0, hi = 0;
		size_t total = p->n_cases * p->n_mediators;
		/* the extremes first (a loop the compiler can vectorise), the
		 * offending entry only when there is one */
		for (e = 0; e < total; e++) {
			int64_t s = p->dense_score[e];
			lo = s < lo ? s : lo;
			hi = s > hi ? s : hi;
		}
		if (hi > MI_ASSIGN_SCORE_MAX || lo < -MI_ASSIGN_SCORE_MAX) {
			for (e = 0; e < total; e++) {
				int64_t s = p->dense_score[e];
				if (s > MI_ASSIGN_SCORE_MAX || s < -MI_ASSIGN_SCORE_MAX)
					return mi_err(MEDIATE_ERANGE, "assign: score %lld of case %zu, mediator %zu is beyond +-2^40",
					              (long long)s, e / p->n_mediators, e % p->n_mediators);
			}
		}
		maxabs = hi > -lo ? hi : -lo;
	} else if (p->n_cases > 0) {
		uint32_t *last;
		if (p->cand_off == NULL)
			return mi_err(MEDIATE_EINVAL, "assign: no candidates given (cand_off and dense_score are NULL)");
		if (p->cand_off[0] != 0)
			return mi_err(MEDIATE_EINVAL, "assign: cand_off[0] must be 0");
		for (i = 0; i < p->n_cases; i++)
			if (p->cand_off[i + 1] < p->cand_off[i])
				return mi_err(MEDIATE_EINVAL, "assign: cand_off decreases at case %zu", i);
		if (p->cand_off[p->n_cases] > 0 && (p->cand_med == NULL || p->cand_score == NULL))
			return mi_err(MEDIATE_EINVAL, "assign: cand_med or cand_score is NULL");
		last = mi_malloc((p->n_mediators ? p->n_mediators : 1) * sizeof *last);
		if (last == NULL)
			return mi_nomem();
		for (j = 0; j < p->n_mediators; j++)
			last[j] = UINT32_MAX;
		for (i = 0; i < p->n_cases; i++) {
			for (e = p->cand_off[i]; e < p->cand_off[i + 1]; e++) {
				uint32_t k = p->cand_med[e];
				int64_t s = p->cand_score[e];
				if (k >= p->n_mediators) {
					mi_free(last);
					return mi_err(MEDIATE_EINVAL, "assign: case %zu lists mediator %lu, but there are %zu",
					              i, (unsigned long)k, p->n_mediators);
				}
				if (last[k] == (uint32_t)i) {
					mi_free(last);
					return mi_err(MEDIATE_EINVAL, "assign: case %zu lists mediator %lu twice",
					              i, (unsigned long)k);
				}
				last[k] = (uint32_t)i;
				if (s > MI_ASSIGN_SCORE_MAX || s < -MI_ASSIGN_SCORE_MAX) {
					mi_free(last);
					return mi_err(MEDIATE_ERANGE, "assign: score %lld of case %zu, mediator %lu is beyond +-2^40",
					              (long long)s, i, (unsigned long)k);
				}
				if (s < 0)
					s = -s;
				if (s > maxabs)
					maxabs = s;
			}
		}
		mi_free(last);
	}
	if (maxabs > 0) {
		uint64_t factor = 2 * (uint64_t)p->n_cases + (uint64_t)p->n_mediators + 8;
		if (factor > ((uint64_t)1 << 60) / (uint64_t)maxabs)
			return mi_err(MEDIATE_ERANGE,
			              "assign: scores up to %lld with %zu cases and %zu mediators could overflow "
			              "exact arithmetic (need max|score| * (2N + M + 8) <= 2^60)",
			              (long long)maxabs, p->n_cases, p->n_mediators);
	}
	*maxabs_out = maxabs;
	return MEDIATE_OK;
}

/* ---------------------------------------------------------------------- */
/* Pruning                                                                 */

typedef struct cand {
	int64_t s;
	uint32_t k;
} cand;

/* The order of preference: higher score, then lower mediator index. */
static int
cand_better(const cand *a, const cand *b)
{
	return a->s > b->s || (a->s == b->s && a->k < b->k);
}

static int
cand_cmp(const void *pa, const void *pb)
{
	const cand *a = pa, *b = pb;
	if (cand_better(a, b))
		return -1;
	return cand_better(b, a) ? 1 : 0;
}

/* Moves the best kk entries of a[0..n) to the front (any order among them). */
static void
select_best(cand *a, size_t n, size_t kk)
{
	size_t lo = 0, hi = n, budget = 64;
	while (hi - lo > 1 && kk > lo && kk < hi) {
		size_t mid = lo + (hi - lo) / 2, i, store;
		cand piv, t;
		if (budget-- == 0) {   /* pathological input: sort the rest */
			qsort(a + lo, hi - lo, sizeof *a, cand_cmp);
			return;
		}
		/* median of three as pivot, moved to hi-1 */
		if (cand_better(&a[mid], &a[lo])) { t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
		if (cand_better(&a[hi - 1], &a[lo])) { t = a[hi - 1]; a[hi - 1] = a[lo]; a[lo] = t; }
		if (cand_better(&a[hi - 1], &a[mid])) { t = a[hi - 1]; a[hi - 1] = a[mid]; a[mid] = t; }
		t = a[mid]; a[mid] = a[hi - 1]; a[hi - 1] = t;
		piv = a[hi - 1];
		store = lo;
		for (i = lo; i < hi - 1; i++) {
			if (cand_better(&a[i], &piv)) {
				t = a[i]; a[i] = a[store]; a[store] = t;
				store++;
			}
		}
		t = a[store]; a[store] = a[hi - 1]; a[hi - 1] = t;
		/* a[lo..store) better than the pivot, a[store] the pivot */
		if (store + 1 == kk || store == kk)
			return;
		if (store > kk)
			hi = store;
		else
			lo = store + 1;
	}
}

static size_t
row_len(const mi_assign_problem *p, size_t i)
{
	return p->dense_score != NULL ? p->n_mediators : p->cand_off[i + 1] - p->cand_off[i];
}

static void
row_get(const mi_assign_problem *p, size_t i, size_t t, uint32_t *k, int64_t *s)
{
	if (p->dense_score != NULL) {
		*k = (uint32_t)t;
		*s = p->dense_score[i * p->n_mediators + t];
	} else {
		*k = p->cand_med[p->cand_off[i] + t];
		*s = p->cand_score[p->cand_off[i] + t];
	}
}

/*
 * Builds the pruned candidate lists.  For each case: drop mediators with
 * capacity 0 (they can take nobody), then keep the best `keep` where keep
 * is ceil(N / smallest capacity in the row) for SAFE -- any prefix of that
 * length covers N places, so it contains the safe prefix of assign.h --
 * and top_k for TOPK.
 */
/*
 * Integer keys for the selection when there are at most 2^KEY_BITS
 * mediators: key = (s + 2^40) * 2^KEY_BITS + (2^KEY_BITS - 1 - k), so that
 * a larger key is exactly a better candidate (higher score, then lower
 * index); 41 + 22 bits fit in a uint64_t.
 */
#define KEY_BITS 22
#define KEY_KMAX ((uint64_t)1 << KEY_BITS)

static uint64_t
key_of(int64_t s, uint32_t k)
{
	return ((uint64_t)(s + MI_ASSIGN_SCORE_MAX) << KEY_BITS) | (KEY_KMAX - 1 - k);
}

static int
key_cmp(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a > b ? -1 : a < b ? 1 : 0;
}

/* Moves the kk largest keys of a[0..n) to the front (any order among them). */
static void
select_keys(uint64_t *a, size_t n, size_t kk)
{
	size_t lo = 0, hi = n, budget = 64;
	while (hi - lo > 1 && kk > lo && kk < hi) {
		size_t mid = lo + (hi - lo) / 2, i, store;
		uint64_t piv, t;
		if (budget-- == 0) {   /* pathological input: sort the rest */
			qsort(a + lo, hi - lo, sizeof *a, key_cmp);
			return;
		}
		if (a[mid] > a[lo]) { t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
		if (a[hi - 1] > a[lo]) { t = a[hi - 1]; a[hi - 1] = a[lo]; a[lo] = t; }
		if (a[hi - 1] > a[mid]) { t = a[hi - 1]; a[hi - 1] = a[mid]; a[mid] = t; }
		t = a[mid]; a[mid] = a[hi - 1]; a[hi - 1] = t;
		piv = a[hi - 1];
		store = lo;
		for (i = lo; i < hi - 1; i++) {
			if (a[i] > piv) {
				t = a[i]; a[i] = a[store]; a[store] = t;
				store++;
			}
		}
		t = a[store]; a[store] = a[hi - 1]; a[hi - 1] = t;
		if (store + 1 == kk || store == kk)
			return;
		if (store > kk)
			hi = store;
		else
			lo = store + 1;
	}
}

/*
 * Builds the pruned candidate lists.  For each case: drop mediators with
 * capacity 0 (they can take nobody), then keep the best `keep` where keep
 * is ceil(N / smallest capacity in the row) for SAFE -- any prefix of that
 * length covers N places, so it contains the safe prefix of assign.h --
 * and top_k for TOPK.
 */
static int
prune(solver *S, const mi_assign_problem *p, const mi_assign_options *opt, int *exact)
{
	size_t n = p->n_cases, m = p->n_mediators, i, t, total = 0, maxlen = 0;
	size_t *keep;
	cand *buf = NULL;
	uint64_t *kbuf = NULL;
	uint64_t need = n;
	int cut = 0, keyed = (uint64_t)m <= KEY_KMAX, capcheck = 1;
	size_t dense_pos = 0;
	int64_t dense_cmin = INT64_MAX;

	*exact = 1;
	keep = mi_malloc((n ? n : 1) * sizeof *keep);
	if (keep == NULL)
		return mi_nomem();
	if (p->dense_score != NULL) {
		/* every row lists every mediator: one count for all */
		for (t = 0; t < m; t++) {
			int64_t c = p->capacity[t];
			if (c <= 0)
				continue;
			dense_pos++;
			if (c < dense_cmin)
				dense_cmin = c;
		}
	}
	for (i = 0; i < n; i++) {
		size_t len = row_len(p, i), pos = dense_pos;
		int64_t cmin = dense_cmin;
		for (t = 0; t < len && p->dense_score == NULL; t++) {
			int64_t c = p->capacity[p->cand_med[p->cand_off[i] + t]];
			if (c <= 0)
				continue;
			pos++;
			if (c < cmin)
				cmin = c;
		}
		if (opt->prune == MI_ASSIGN_PRUNE_SAFE) {
			uint64_t kk = cmin == INT64_MAX ? 0 : (need + (uint64_t)cmin - 1) / (uint64_t)cmin;
			keep[i] = kk < pos ? (size_t)kk : pos;
		} else {
			/* exactness is checked below, on the candidates kept */
			keep[i] = opt->top_k < pos ? opt->top_k : pos;
		}
		total += keep[i];
		if (keep[i] < len)
			cut = 1;
		if (len > maxlen)
			maxlen = len;
	}
	if (!cut) {
		/* nothing to drop: solve on the caller's arrays */
		mi_free(keep);
		return MEDIATE_OK;
	}
	if (p->dense_score != NULL && dense_pos == m)
		capcheck = 0;   /* every mediator has room */
	S->own_off = mi_malloc((n + 1) * sizeof *S->own_off);
	S->own_med = mi_malloc((total ? total : 1) * sizeof *S->own_med);
	S->own_sc = mi_malloc((total ? total : 1) * sizeof *S->own_sc);
	if (keyed)
		kbuf = mi_malloc((maxlen ? maxlen : 1) * sizeof *kbuf);
	else
		buf = mi_malloc((maxlen ? maxlen : 1) * sizeof *buf);
	if (S->own_off == NULL || S->own_med == NULL || S->own_sc == NULL || (buf == NULL && kbuf == NULL)) {
		mi_free(keep);
		mi_free(buf);
		mi_free(kbuf);
		return mi_nomem();
	}
	total = 0;
	for (i = 0; i < n; i++) {
		size_t len = row_len(p, i), cnt = 0;
		const int64_t *rs = p->dense_score != NULL ? p->dense_score + i * m : p->cand_score + p->cand_off[i];
		const uint32_t *rk = p->dense_score != NULL ? NULL : p->cand_med + p->cand_off[i];
		S->own_off[i] = total;
		if (keyed) {
			/* The best keep[i] keys through a buffer of twice that: when
			 * it fills, it is cut down to its best keep[i] and the
			 * smallest of those becomes a bar that a later key must pass
			 * to matter (keys are distinct). */
			size_t kp = keep[i], bufmax = 2 * kp < len ? 2 * kp : len, seen = 0;
			uint64_t bar = 0;
			for (t = 0; t < len && kp > 0; t++) {
				uint32_t k = rk != NULL ? rk[t] : (uint32_t)t;
				uint64_t key;
				if (capcheck && p->capacity[k] <= 0)
					continue;
				seen++;
				key = key_of(rs[t], k);
				if (key < bar)
					continue;
				kbuf[cnt++] = key;
				if (cnt == bufmax && cnt > kp) {
					size_t q;
					select_keys(kbuf, cnt, kp);
					cnt = kp;
					bar = kbuf[0];
					for (q = 1; q < kp; q++)
						if (kbuf[q] < bar)
							bar = kbuf[q];
				}
			}
			if (kp < cnt)
				select_keys(kbuf, cnt, kp);
			cnt = seen;   /* for the TOPK check below: candidates with room */
			for (t = 0; t < keep[i]; t++) {
				S->own_med[total + t] = (uint32_t)(KEY_KMAX - 1 - (kbuf[t] & (KEY_KMAX - 1)));
				S->own_sc[total + t] = (int64_t)(kbuf[t] >> KEY_BITS) - MI_ASSIGN_SCORE_MAX;
			}
		} else {
			for (t = 0; t < len; t++) {
				uint32_t k = rk != NULL ? rk[t] : (uint32_t)t;
				if (capcheck && p->capacity[k] <= 0)
					continue;
				buf[cnt].s = rs[t];
				buf[cnt].k = k;
				cnt++;
			}
			if (keep[i] < cnt)
				select_best(buf, cnt, keep[i]);
			for (t = 0; t < keep[i]; t++) {
				S->own_med[total + t] = buf[t].k;
				S->own_sc[total + t] = buf[t].s;
			}
		}
		if (keep[i] < cnt && opt->prune == MI_ASSIGN_PRUNE_TOPK) {
			uint64_t covered = 0;
			for (t = 0; t < keep[i]; t++) {
				uint64_t c = (uint64_t)p->capacity[S->own_med[total + t]];
				covered += c < need ? c : need;
			}
			if (covered < need)
				*exact = 0;
		}
		total += keep[i];
	}
	S->own_off[n] = total;
	mi_free(keep);
	mi_free(buf);
	mi_free(kbuf);
	S->off = S->own_off;
	S->med = S->own_med;
	S->sc = S->own_sc;
	S->dense = NULL;
	return MEDIATE_OK;
}

/* ---------------------------------------------------------------------- */
/* The heap of labeled mediators, keyed by (closed, value, index)          */

static int
hless(const solver *S, uint32_t a, uint32_t b)
{
	if (S->closed[a] != S->closed[b])
		return S->closed[a] < S->closed[b];
	if (S->dx[a] != S->dx[b])
		return S->dx[a] < S->dx[b];
	return a < b;
}

static void
hup(solver *S, size_t at)
{
	uint32_t x = S->heap[at];
	while (at > 0) {
		size_t parent = (at - 1) / 2;
		uint32_t y = S->heap[parent];
		if (!hless(S, x, y))
			break;
		S->heap[at] = y;
		S->hpos[y] = (uint32_t)at;
		at = parent;
	}
	S->heap[at] = x;
	S->hpos[x] = (uint32_t)at;
}

static void
hdown(solver *S, size_t at)
{
	uint32_t x = S->heap[at];
	for (;;) {
		size_t c = 2 * at + 1;
		if (c >= S->hn)
			break;
		if (c + 1 < S->hn && hless(S, S->heap[c + 1], S->heap[c]))
			c++;
		if (!hless(S, S->heap[c], x))
			break;
		S->heap[at] = S->heap[c];
		S->hpos[S->heap[at]] = (uint32_t)at;
		at = c;
	}
	S->heap[at] = x;
	S->hpos[x] = (uint32_t)at;
}

static uint32_t
hpop(solver *S)
{
	uint32_t top = S->heap[0];
	S->hn--;
	if (S->hn > 0) {
		S->heap[0] = S->heap[S->hn];
		hdown(S, 0);
	}
	return top;
}

/* Offers label x (value part; the level is closed[k]) to mediator k. */
static inline void
offer(solver *S, uint32_t k, int64_t x, uint32_t i, int64_t s)
{
	unsigned char st;
	/* Once an open mediator with room is labeled at lim, the search ends
	 * there or at a smaller level-0 label: closed mediators (level 1) and
	 * larger labels are never settled, so they are not recorded. */
	if (S->lim != INT64_MAX && (x > S->lim || S->closed[k]))
		return;
	st = S->state[k];
	if (!S->closed[k] && x < S->lim && S->load[k] < S->capE[k])
		S->lim = x;
	if (st == ST_NEW) {
		S->state[k] = ST_LABELED;
		S->touched[S->ntouched++] = k;
		S->dx[k] = x;
		S->pred[k] = i;
		S->pred_s[k] = s;
		S->heap[S->hn] = k;
		S->hn++;
		hup(S, S->hn - 1);
	} else if (st == ST_LABELED && x < S->dx[k]) {
		S->dx[k] = x;
		S->pred[k] = i;
		S->pred_s[k] = s;
		hup(S, S->hpos[k]);
	}
}

/*
 * Relaxes the arcs of case i, reached at value d with dual u.  base is
 * d - u: the label offered to k is base + c(i,k) - v[k] = base - s - v[k].
 * Arcs from an open case into a closed mediator carry one level, which the
 * heap order adds by itself (the level of a label is closed[k]).
 */
static void
relax(solver *S, uint32_t i, int64_t base)
{
	if (S->dense != NULL) {
		const int64_t *row = S->dense + (size_t)i * S->m;
		size_t k;
		for (k = 0; k < S->m; k++) {
			if (S->state[k] == ST_DONE)
				continue;
			offer(S, (uint32_t)k, base - row[k] - S->v[k], i, row[k]);
		}
	} else {
		size_t e, end = S->off[i + 1];
		for (e = S->off[i]; e < end; e++) {
			uint32_t k = S->med[e];
			if (S->state[k] == ST_DONE)
				continue;
			offer(S, k, base - S->sc[e] - S->v[k], i, S->sc[e]);
		}
	}
}

/*
 * Ends a search: either at mediator `end` with room (mu_level 0), or at the
 * exit of case exit_case (mu_level 1; exit_case == r: r stays out).  Moves
 * the cases along the path, updates the prices of the settled mediators
 * and resets the search state.
 */
static int
finish(solver *S, uint32_t r, uint32_t end, uint32_t exit_case, int mu_level, int64_t mu)
{
	size_t t = 0;

	if (end != MI_ASSIGN_NONE) {
		S->load[end]++;
		t = S->sstart[end] + S->load[end] - 1;
	} else if (exit_case != r) {
		end = S->asg[exit_case];
		t = S->pos[exit_case];
		S->asg[exit_case] = MI_ASSIGN_NONE;
	}
	/* Shift the chain: each case on the path moves into the place freed
	 * by the next one; r takes the last freed place. */
	if (end != MI_ASSIGN_NONE) {
		uint32_t j = end;
		for (;;) {
			uint32_t i = S->pred[j];
			uint32_t oldj = S->asg[i];
			size_t oldt = S->pos[i];
			S->slots[t] = i;
			S->asg[i] = j;
			S->pos[i] = t;
			S->cur_s[i] = S->pred_s[j];
			if (i == r)
				break;
			j = oldj;
			t = oldt;
		}
	}
	/* Prices of the settled mediators; reset the search state. */
	for (t = 0; t < S->ntouched; t++) {
		uint32_t j = S->touched[t];
		if (S->state[j] == ST_DONE) {
			S->v[j] += S->dx[j] - mu;
			if (mu_level == 1 && !S->closed[j]) {
				S->closed[j] = 1;
				S->nclosed++;
			}
			if (S->v[j] > DUAL_GUARD || S->v[j] < -DUAL_GUARD)
				return mi_err(MEDIATE_ERANGE, "assign: prices grew beyond 2^61 (input too extreme)");
		}
		S->state[j] = ST_NEW;
	}
	S->ntouched = 0;
	S->hn = 0;
	return MEDIATE_OK;
}

/*
 * The fast search, while no mediator is closed (every case placed so far
 * could be placed): all labels are level 0 and no exit can be needed
 * unless the search runs dry, so there is no exit bookkeeping, and cases
 * are relaxed through their short candidate lists (frelax).  fast_search()
 * returns 1 when it placed r, 0 when r's component has no room left
 * (nothing changed; the general search then handles the exits), or an
 * error.
 */
static inline void
flabel(solver *S, uint32_t k, int64_t x, uint32_t i, int64_t s)
{
	unsigned char st;
	/* Once a mediator with room is labeled at lim, the search ends at a
	 * label <= lim: a larger one can never be settled, so it is not even
	 * recorded (ties settle by index, so a label equal to lim is kept). */
	if (x > S->lim)
		return;
	st = S->state[k];
	if (st == ST_NEW) {
		S->state[k] = ST_LABELED;
		S->touched[S->ntouched++] = k;
		S->dx[k] = x;
		S->pred[k] = i;
		S->pred_s[k] = s;
		S->heap[S->hn] = k;
		S->hn++;
		hup(S, S->hn - 1);
	} else if (st == ST_LABELED && x < S->dx[k]) {
		S->dx[k] = x;
		S->pred[k] = i;
		S->pred_s[k] = s;
		hup(S, S->hpos[k]);
	} else {
		return;
	}
	if (x < S->lim && S->load[k] < S->capE[k])
		S->lim = x;
}

/*
 * Relaxes case i (label base = d - u).  Prices only ever fall (v[k] never
 * increases), so a key s(i,k) + v[k] computed earlier bounds today's key
 * from above.  Each case keeps its TOPN best candidates by the key they
 * had at its last full scan, and thr[i], the best key left out.  A label
 * offered by a left-out candidate is then at least base - thr[i]; when that
 * exceeds lim, the smallest label of a mediator with room already seen,
 * no left-out candidate can be settled before the search stops, and only
 * the short list is relaxed.  Labels, paths and prices are exactly those
 * of the full relaxation.
 */
static void
frelax(solver *S, uint32_t i, int64_t base)
{
	uint32_t *tk = S->top_k + (size_t)i * TOPN;
	int64_t *ts = S->top_s + (size_t)i * TOPN;
	const int64_t *v = S->v;
	size_t cnt, t, len;
	int64_t thr, hk[TOPN];

	/* |base|, |thr| < 2^62 (see the limits in assign.h): no wrap-around */
	if (S->top_n[i] != TOP_NONE && (S->top_thr[i] == INT64_MIN || base - S->top_thr[i] > S->lim)) {
		for (t = 0; t < S->top_n[i]; t++)
			flabel(S, tk[t], base - ts[t] - v[tk[t]], i, ts[t]);
		return;
	}
	/* Full scan; collect the TOPN best keys in a min-heap on the way. */
	cnt = 0;
	thr = INT64_MIN;
	len = S->dense != NULL ? S->m : S->off[i + 1] - S->off[i];
	for (t = 0; t < len; t++) {
		uint32_t k;
		int64_t sc, key;
		if (S->dense != NULL) {
			k = (uint32_t)t;
			sc = S->dense[(size_t)i * S->m + t];
		} else {
			k = S->med[S->off[i] + t];
			sc = S->sc[S->off[i] + t];
		}
		key = sc + v[k];
		flabel(S, k, base - key, i, sc);
		if (cnt < TOPN) {
			size_t at = cnt++;
			while (at > 0 && hk[(at - 1) / 2] > key) {
				hk[at] = hk[(at - 1) / 2];
				tk[at] = tk[(at - 1) / 2];
				ts[at] = ts[(at - 1) / 2];
				at = (at - 1) / 2;
			}
			hk[at] = key;
			tk[at] = k;
			ts[at] = sc;
		} else if (key > hk[0]) {
			size_t at = 0;
			if (hk[0] > thr)
				thr = hk[0];
			for (;;) {
				size_t c = 2 * at + 1;
				if (c >= TOPN)
					break;
				if (c + 1 < TOPN && hk[c + 1] < hk[c])
					c++;
				if (hk[c] >= key)
					break;
				hk[at] = hk[c];
				tk[at] = tk[c];
				ts[at] = ts[c];
				at = c;
			}
			hk[at] = key;
			tk[at] = k;
			ts[at] = sc;
		} else if (key > thr) {
			thr = key;
		}
	}
	S->top_n[i] = (uint32_t)cnt;
	S->top_thr[i] = thr;
}

static int
fast_search(solver *S, uint32_t r)
{
	uint32_t end;
	size_t t;
	int rc;

	S->lim = INT64_MAX;
	frelax(S, r, 0);
	for (;;) {
		size_t q;
		uint32_t bj;
		int64_t bd;
		if (S->hn == 0) {
			for (t = 0; t < S->ntouched; t++)
				S->state[S->touched[t]] = ST_NEW;
			S->ntouched = 0;
			return 0;
		}
		bj = hpop(S);
		bd = S->dx[bj];
		S->state[bj] = ST_DONE;
		if (S->load[bj] < S->capE[bj]) {
			end = bj;
			break;
		}
		for (q = S->sstart[bj]; q < S->sstart[bj] + S->load[bj]; q++) {
			uint32_t i = S->slots[q];
			frelax(S, i, bd + S->cur_s[i] + S->v[bj]);   /* d - u, u = -s - v */
		}
	}
	rc = finish(S, r, end, MI_ASSIGN_NONE, 0, S->dx[end]);
	return rc == MEDIATE_OK ? 1 : rc;
}

/* ---------------------------------------------------------------------- */
/* One search: adds case r                                                 */

static int
search(solver *S, uint32_t r)
{
	int64_t best_exit = 0;       /* level 1; r's own exit costs (1, 0) */
	uint32_t exit_case = r;
	uint32_t end = MI_ASSIGN_NONE;

	S->searches++;
	S->lim = INT64_MAX;
	relax(S, r, 0);
	for (;;) {
		uint32_t j;
		size_t q;
		if (S->hn == 0 || (S->closed[S->heap[0]] && S->dx[S->heap[0]] >= best_exit))
			break;
		j = hpop(S);
		S->state[j] = ST_DONE;
		if (!S->closed[j] && S->load[j] < S->capE[j]) {
			end = j;
			break;
		}
		for (q = S->sstart[j]; q < S->sstart[j] + S->load[j]; q++) {
			uint32_t i = S->slots[q];
			int64_t u = -S->cur_s[i] - S->v[j];
			int64_t ex = S->dx[j] - u;
			if (ex < best_exit || (ex == best_exit && i > exit_case)) {
				best_exit = ex;
				exit_case = i;
			}
			relax(S, i, S->dx[j] - u);
		}
	}

	if (end != MI_ASSIGN_NONE)
		return finish(S, r, end, MI_ASSIGN_NONE, 0, S->dx[end]);
	return finish(S, r, MI_ASSIGN_NONE, exit_case, 1, best_exit);
}

/* ---------------------------------------------------------------------- */
/* Driver                                                                  */

static void
solver_free(solver *S)
{
	mi_free(S->own_off);
	mi_free(S->own_med);
	mi_free(S->own_sc);
	mi_free(S->capE);
	mi_free(S->sstart);
	mi_free(S->load);
	mi_free(S->slots);
	mi_free(S->v);
	mi_free(S->closed);
	mi_free(S->asg);
	mi_free(S->pos);
	mi_free(S->cur_s);
	mi_free(S->dx);
	mi_free(S->pred);
	mi_free(S->pred_s);
	mi_free(S->state);
	mi_free(S->heap);
	mi_free(S->hpos);
	mi_free(S->touched);
	mi_free(S->top_k);
	mi_free(S->top_s);
	mi_free(S->top_n);
	mi_free(S->top_thr);
}

void
mi_assign_result_free(mi_assign_result *r)
{
	if (r == NULL)
		return;
	mi_free(r->mediator);
	mi_free(r->reason);
	mi_free(r);
}

static size_t
srow_len(const solver *S, size_t i)
{
	return S->dense != NULL ? S->m : S->off[i + 1] - S->off[i];
}

static void
srow_get(const solver *S, size_t i, size_t t, uint32_t *k, int64_t *s)
{
	if (S->dense != NULL) {
		*k = (uint32_t)t;
		*s = S->dense[i * S->m + t];
	} else {
		*k = S->med[S->off[i] + t];
		*s = S->sc[S->off[i] + t];
	}
}

static void
place(solver *S, uint32_t i, uint32_t j, int64_t s)
{
	size_t t = S->sstart[j] + S->load[j]++;
	S->slots[t] = i;
	S->asg[i] = j;
	S->pos[i] = t;
	S->cur_s[i] = s;
}

/* ---------------------------------------------------------------------- */
/* The auction, for instances where everybody wants the same mediators     */

/*
 * Bertsekas' forward auction with epsilon-scaling, on the symmetric form
 * of the problem: every place of a mediator is an object with its own
 * price, and D = (places) - (cases) "nobody" bidders value every place at
 * 0 (they stand for the places left empty; without them a forward auction
 * is not exact when there are more places than cases).  Scores are scaled
 * by K = cases + D + 1, so the last phase, epsilon = 1, ends within
 * (cases + D) * 1 < K of the optimum in scaled units: exactly optimal in
 * the original integers.  Prices are kept from phase to phase (epsilon
 * divided by AUCTION_THETA each time), which is what makes it fast when
 * every case prefers the same mediators.
 *
 * It is used only when every case with a candidate can be placed (then
 * the optimum of the lexicographic objective leaves nobody out and the
 * auction's answer is it); when it cannot finish within its bid budget
 * (some case cannot be placed, or a bidding war drags on), it gives up,
 * and the shortest-path method solves the instance from the beginning.
 * Returns 1 when solved, 0 when it gave up, or an error.
 *
 * Bid caches.  Prices only rise, so a bidder's values (scaled score minus
 * the cheapest place's price) only fall.  Each full scan of a bidder's
 * candidates keeps its ATOPN best (value, then lower index) and thr, the
 * best value left out.  A later bid looks at the cache alone when the
 * cache's best is still above thr: that is then the true best, and
 * max(cache's second, thr) bounds the true second best from above, which
 * only makes the bid smaller (still at least epsilon, and the bidder
 * still within epsilon of its best afterwards).  Otherwise it scans again.
 * The "nobody" bidders value every place at 0: their best is simply the
 * mediator with the cheapest place, kept in a heap (active/apos).
 */
#define AUCTION_THETA 4
#define AUCTION_BUDGET 400
#define ATOPN 8

/* The dummies' heap: active mediators by (cheapest place price, index). */
static int
aless(const int64_t *mp, uint32_t a, uint32_t b)
{
	return mp[a] < mp[b] || (mp[a] == mp[b] && a < b);
}

/* mp[h[at]] has risen: restores the heap below it. */
static void
adown(uint32_t *h, uint32_t *hp, size_t hn, const int64_t *mp, size_t at)
{
	uint32_t x = h[at];
	for (;;) {
		size_t c = 2 * at + 1;
		if (c >= hn)
			break;
		if (c + 1 < hn && aless(mp, h[c + 1], h[c]))
			c++;
		if (!aless(mp, h[c], x))
			break;
		h[at] = h[c];
		hp[h[at]] = (uint32_t)at;
		at = c;
	}
	h[at] = x;
	hp[x] = (uint32_t)at;
}

/*
 * Puts candidate k (value val, scaled score sk) into a bidder's cache: a
 * min-heap of at most ATOPN entries by (value, then the higher index
 * first), hv the values, lk the mediators, lv the scaled scores.  When
 * the cache is full, k is better than its root (the caller checked) and
 * the root moves out, into thr, the best value left out.
 */
static void
acache_put(int64_t *hv, uint32_t *lk, int64_t *lv, size_t *cnt, int64_t *thr,
           uint32_t k, int64_t val, int64_t sk)
{
	size_t at;
	if (*cnt < ATOPN) {
		at = (*cnt)++;
		while (at > 0 && (hv[(at - 1) / 2] > val ||
		                  (hv[(at - 1) / 2] == val && lk[(at - 1) / 2] < k))) {
			hv[at] = hv[(at - 1) / 2];
			lk[at] = lk[(at - 1) / 2];
			lv[at] = lv[(at - 1) / 2];
			at = (at - 1) / 2;
		}
	} else {
		at = 0;
		if (hv[0] > *thr)
			*thr = hv[0];
		for (;;) {
			size_t c = 2 * at + 1;
			if (c >= ATOPN)
				break;
			if (c + 1 < ATOPN && (hv[c + 1] < hv[c] || (hv[c + 1] == hv[c] && lk[c + 1] > lk[c])))
				c++;
			if (hv[c] > val || (hv[c] == val && lk[c] < k))
				break;
			hv[at] = hv[c];
			lk[at] = lk[c];
			lv[at] = lv[c];
			at = c;
		}
	}
	hv[at] = val;
	lk[at] = k;
	lv[at] = sk;
}

static int
auction_solve(solver *S, int64_t maxabs)
{
	size_t n = S->n, m = S->m, nslots = S->sstart[m], i, j, t, head, tail, qn, nb;
	size_t bids = 0, budget, bidders = 0, dummies, nactive = 0;
	int64_t K, eps, range;
	int64_t *price = NULL, *mp = NULL, *cv = NULL, *cthr = NULL;
	uint32_t *owner = NULL, *queue = NULL, *active = NULL, *ck = NULL, *cn = NULL, *apos = NULL;
	int solved = 0, zcheck = S->own_off == NULL;   /* pruned rows have no capacity-0 mediator */

	for (i = 0; i < n; i++) {
		size_t len = srow_len(S, i);
		for (t = 0; t < len; t++) {
			uint32_t k;
			int64_t sc;
			srow_get(S, i, t, &k, &sc);
			if (S->capE[k] > 0) {
				bidders++;
				break;
			}
		}
	}
	if (bidders > nslots)
		return 0;   /* somebody stays out: not for the auction */
	dummies = nslots - bidders;
	if (dummies > bidders && !S->force_auction)
		return 0;   /* mostly empty places: the dummies' bidding would dominate */
	K = (int64_t)(bidders + dummies) + 1;
	if (maxabs > 0 && (uint64_t)K > ((uint64_t)1 << 57) / (uint64_t)maxabs)
		return 0;   /* scaled scores would not fit comfortably in int64 */
	range = 2 * maxabs * K;
	nb = n + dummies;
	price = mi_calloc(nslots ? nslots : 1, sizeof *price);
	owner = mi_malloc((nslots ? nslots : 1) * sizeof *owner);
	mp = mi_calloc(m ? m : 1, sizeof *mp);
	queue = mi_malloc((nb + 1) * sizeof *queue);
	active = mi_malloc((m ? m : 1) * sizeof *active);
	ck = mi_malloc((nb ? nb : 1) * ATOPN * sizeof *ck);
	cv = mi_malloc((nb ? nb : 1) * ATOPN * sizeof *cv);
	cn = mi_malloc((nb ? nb : 1) * sizeof *cn);
	cthr = mi_malloc((nb ? nb : 1) * sizeof *cthr);
	apos = mi_malloc((m ? m : 1) * sizeof *apos);
	if (price == NULL || owner == NULL || mp == NULL || queue == NULL || active == NULL ||
	    ck == NULL || cv == NULL || cn == NULL || cthr == NULL || apos == NULL) {
		mi_free(apos);
		mi_free(price);
		mi_free(owner);
		mi_free(mp);
		mi_free(queue);
		mi_free(active);
		mi_free(ck);
		mi_free(cv);
		mi_free(cn);
		mi_free(cthr);
		return mi_nomem();
	}
	for (i = 0; i < nb; i++)
		cn[i] = TOP_NONE;
	/* where the dummies may bid; all prices 0, so index order is a heap */
	for (j = 0; j < m; j++) {
		if (S->capE[j] > 0) {
			apos[j] = (uint32_t)nactive;
			active[nactive++] = (uint32_t)j;
		}
	}
	budget = AUCTION_BUDGET * nb + 1000;
	qn = nb + 1;
	eps = range / AUCTION_THETA > 1 ? range / AUCTION_THETA : 1;
	for (;;) {
		/* a phase: everybody starts unplaced, prices are kept */
		for (t = 0; t < nslots; t++)
			owner[t] = MI_ASSIGN_NONE;
		head = tail = 0;
		for (i = 0; i < nb; i++) {
			if (i < n)
				S->asg[i] = MI_ASSIGN_NONE;
			queue[tail++] = (uint32_t)i;
		}
		while (head != tail) {
			uint32_t r = queue[head], j1 = MI_ASSIGN_NONE;
			size_t len, a, b, c1 = 0;
			int64_t w1 = 0, w2 = 0, s1 = 0, p1 = 0, p2 = INT64_MAX;
			int have2 = 0, dummy = r >= n;
			head = head + 1 == qn ? 0 : head + 1;
			if (dummy) {
				/* the cheapest mediator, exactly what a scan of every
				 * active mediator at value -mp would find */
				if (nactive > 0) {
					j1 = active[0];
					w1 = -mp[j1];
					if (nactive > 1) {
						size_t c = nactive > 2 && aless(mp, active[2], active[1]) ? 2 : 1;
						w2 = -mp[active[c]];
						have2 = 1;
					}
				}
			} else if (cn[r] != TOP_NONE) {
				/* the cache (see "Bid caches" above) */
				const uint32_t *lk = ck + (size_t)r * ATOPN;
				const int64_t *lv = cv + (size_t)r * ATOPN;
				for (t = 0; t < cn[r]; t++) {
					uint32_t k = lk[t];
					int64_t val = lv[t] - mp[k];
					if (j1 == MI_ASSIGN_NONE || val > w1 || (val == w1 && k < j1)) {
						if (j1 != MI_ASSIGN_NONE && (!have2 || w1 > w2)) {
							w2 = w1;
							have2 = 1;
						}
						j1 = k;
						w1 = val;
						s1 = lv[t] / K;
					} else if (!have2 || val > w2) {
						w2 = val;
						have2 = 1;
					}
				}
				if (j1 != MI_ASSIGN_NONE && (cthr[r] == INT64_MIN || w1 > cthr[r])) {
					if (cthr[r] != INT64_MIN && (!have2 || cthr[r] > w2)) {
						w2 = cthr[r];
						have2 = 1;
					}
				} else {
					j1 = MI_ASSIGN_NONE;
					have2 = 0;
					w1 = w2 = 0;
				}
			}
			if (j1 == MI_ASSIGN_NONE && !dummy) {
				/* A full scan: the ATOPN best candidates by (value
				 * descending, index ascending) into the cache, with a
				 * min-heap on the way; thr is the best value left out.
				 * The best and second best are the cache's first two. */
				uint32_t *lk = ck + (size_t)r * ATOPN;
				int64_t *lv = cv + (size_t)r * ATOPN, hv[ATOPN], thr = INT64_MIN;
				const uint32_t *rk = S->dense != NULL ? NULL : S->med + S->off[r];
				const int64_t *rs = S->dense != NULL ? S->dense + (size_t)r * m : S->sc + S->off[r];
				size_t cnt = 0;
				len = srow_len(S, r);
				if (rk != NULL && !zcheck) {
					/* the usual case (pruned rows): the bare loop */
					for (t = 0; t < len; t++) {
						uint32_t k = rk[t];
						int64_t val = rs[t] * K - mp[k];
						if (cnt == ATOPN && (val < hv[0] || (val == hv[0] && k > lk[0]))) {
							if (val > thr)
								thr = val;
							continue;
						}
						acache_put(hv, lk, lv, &cnt, &thr, k, val, rs[t] * K);
					}
				} else {
					for (t = 0; t < len; t++) {
						uint32_t k = rk != NULL ? rk[t] : (uint32_t)t;
						int64_t val = rs[t] * K - mp[k];
						if (zcheck && S->capE[k] == 0)
							continue;
						if (cnt == ATOPN && (val < hv[0] || (val == hv[0] && k > lk[0]))) {
							if (val > thr)
								thr = val;
							continue;
						}
						acache_put(hv, lk, lv, &cnt, &thr, k, val, rs[t] * K);
					}
				}
				cn[r] = (uint32_t)cnt;
				cthr[r] = thr;
				for (t = 0; t < cnt; t++) {
					uint32_t k = lk[t];
					int64_t val = hv[t];
					if (j1 == MI_ASSIGN_NONE || val > w1 || (val == w1 && k < j1)) {
						if (j1 != MI_ASSIGN_NONE && (!have2 || w1 > w2)) {
							w2 = w1;
							have2 = 1;
						}
						j1 = k;
						w1 = val;
						s1 = lv[t] / K;
					} else if (!have2 || val > w2) {
						w2 = val;
						have2 = 1;
					}
				}
				if (thr != INT64_MIN && (!have2 || thr > w2)) {
					w2 = thr;
					have2 = 1;
				}
			}
			if (j1 == MI_ASSIGN_NONE)
				continue;   /* nowhere to go: not a bidder */
			if (++bids > budget)
				goto give_up;
			/* the cheapest place of j1; its second place is an alternative too */
			a = S->sstart[j1];
			b = a + S->capE[j1];
			for (t = a; t < b; t++) {
				if (t == a || price[t] < p1) {
					if (t != a)
						p2 = p1;
					p1 = price[t];
					c1 = t;
				} else if (price[t] < p2) {
					p2 = price[t];
				}
			}
			if (p2 != INT64_MAX && (!have2 || s1 * K - p2 > w2)) {
				w2 = s1 * K - p2;
				have2 = 1;
			}
			/* the bid: indifferent to the alternative, plus epsilon */
			price[c1] = have2 ? p1 + (w1 - w2) + eps : p1 + eps;
			if (price[c1] > ((int64_t)1 << 61))
				goto give_up;
			if (owner[c1] != MI_ASSIGN_NONE) {
				uint32_t h = owner[c1];
				if (h < n)
					S->asg[h] = MI_ASSIGN_NONE;
				queue[tail] = h;
				tail = tail + 1 == qn ? 0 : tail + 1;
			}
			owner[c1] = r;
			if (!dummy) {
				S->asg[r] = j1;
				S->cur_s[r] = s1;
			}
			p1 = INT64_MAX;
			for (t = a; t < b; t++)
				if (price[t] < p1)
					p1 = price[t];
			if (p1 != mp[j1]) {
				mp[j1] = p1;   /* only ever rises */
				adown(active, apos, nactive, mp, apos[j1]);
			}
		}
		if (eps == 1)
			break;
		eps = eps / AUCTION_THETA > 1 ? eps / AUCTION_THETA : 1;
	}
	solved = 1;
	for (j = 0; j < m; j++)
		S->load[j] = 0;
	for (i = 0; i < n; i++)
		if (S->asg[i] != MI_ASSIGN_NONE)
			place(S, (uint32_t)i, S->asg[i], S->cur_s[i]);
give_up:
	if (!solved)
		for (i = 0; i < n; i++)
			S->asg[i] = MI_ASSIGN_NONE;
	mi_free(price);
	mi_free(owner);
	mi_free(mp);
	mi_free(queue);
	mi_free(active);
	mi_free(ck);
	mi_free(cv);
	mi_free(cn);
	mi_free(cthr);
	mi_free(apos);
	return solved;
}

/* ---------------------------------------------------------------------- */
/* The start: greedy placement and reduction transfer                      */

/* Best and second best key s + v of case i (ties: lower index). */
static uint32_t
best_two(const solver *S, size_t i, int64_t *bkey, int64_t *bs, int64_t *second, int *have_second)
{
	size_t t, len = srow_len(S, i);
	uint32_t bk = MI_ASSIGN_NONE;
	*have_second = 0;
	*bkey = *second = *bs = 0;
	for (t = 0; t < len; t++) {
		uint32_t k;
		int64_t s, key;
		srow_get(S, i, t, &k, &s);
		key = s + S->v[k];
		if (bk == MI_ASSIGN_NONE || key > *bkey || (key == *bkey && k < bk)) {
			if (bk != MI_ASSIGN_NONE && (!*have_second || *bkey > *second)) {
				*second = *bkey;
				*have_second = 1;
			}
			bk = k;
			*bkey = key;
			*bs = s;
		} else if (!*have_second || key > *second) {
			*second = key;
			*have_second = 1;
		}
	}
	return bk;
}

/*
 * A valid start for the searches is any placement of some cases with
 * prices v <= 0 such that every placed case sits on a candidate of best
 * key s + v, and every mediator with room has price 0.  Any such start
 * ends at the same optimum; a good one only saves searches.
 *
 * 1. Prices 0; each case, in order, to its best candidate (higher score,
 *    then lower index) while that mediator has room.
 * 2. Reduction transfer: a full mediator's price drops by the smallest
 *    margin its cases have over their second choice; their arcs stay
 *    tight, every other arc keeps a reduced cost >= 0 (other prices only
 *    fall), and the searches see the popular mediators as dearer.
 */
static void
start(solver *S, int64_t *gap)
{
	size_t n = S->n, m = S->m, i, j, t;

	for (i = 0; i < n; i++) {
		int64_t bkey, bs, second;
		int hs;
		uint32_t bk = best_two(S, i, &bkey, &bs, &second, &hs);
		gap[i] = -1;   /* -1: no margin known (left out, or no other candidate) */
		if (bk != MI_ASSIGN_NONE && S->load[bk] < S->capE[bk]) {
			place(S, (uint32_t)i, bk, bs);
			if (hs)
				gap[i] = bkey - second;
		}
	}
	for (j = 0; j < m; j++) {
		int64_t delta = -1;
		if (S->capE[j] == 0 || S->load[j] < S->capE[j])
			continue;
		for (t = S->sstart[j]; t < S->sstart[j] + S->load[j]; t++) {
			int64_t g = gap[S->slots[t]];
			if (g < 0)
				continue;
			if (delta < 0 || g < delta)
				delta = g;
		}
		if (delta > 0)
			S->v[j] = -delta;
	}
}

int
mi_assign_solve(mi_assign_result **out, const mi_assign_problem *p, const mi_assign_options *opt)
{
	static const mi_assign_options defaults = { MI_ASSIGN_PRUNE_NONE, 0, MI_ASSIGN_METHOD_AUTO };
	solver S;
	mi_assign_result *res = NULL;
	int64_t maxabs = 0;
	int rc, exact = 1;
	size_t n, m, i, j, t, nslots;
	int64_t *gap = NULL;

	if (out == NULL || p == NULL)
		return mi_err(MEDIATE_EINVAL, "assign: %s is NULL", out == NULL ? "out" : "problem");
	if (opt == NULL)
		opt = &defaults;
	if (opt->prune != MI_ASSIGN_PRUNE_NONE && opt->prune != MI_ASSIGN_PRUNE_SAFE &&
	    opt->prune != MI_ASSIGN_PRUNE_TOPK)
		return mi_err(MEDIATE_EINVAL, "assign: unknown prune mode %d", opt->prune);
	if (opt->method != MI_ASSIGN_METHOD_AUTO && opt->method != MI_ASSIGN_METHOD_SEARCH &&
	    opt->method != MI_ASSIGN_METHOD_AUCTION)
		return mi_err(MEDIATE_EINVAL, "assign: unknown method %d", opt->method);
	if (opt->prune == MI_ASSIGN_PRUNE_TOPK && opt->top_k == 0)
		return mi_err(MEDIATE_EINVAL, "assign: top_k must be at least 1");
	rc = validate(p, &maxabs);
	if (rc != MEDIATE_OK)
		return rc;

	memset(&S, 0, sizeof S);
	n = S.n = p->n_cases;
	m = S.m = p->n_mediators;
	S.dense = p->dense_score;
	S.off = p->cand_off;
	S.med = p->cand_med;
	S.sc = p->cand_score;
	if (opt->prune != MI_ASSIGN_PRUNE_NONE && n > 0) {
		rc = prune(&S, p, opt, &exact);
		if (rc != MEDIATE_OK)
			goto fail;
	}

	rc = MEDIATE_ENOMEM;
	S.capE = mi_calloc(m ? m : 1, sizeof *S.capE);
	S.sstart = mi_malloc((m + 1) * sizeof *S.sstart);
	S.load = mi_calloc(m ? m : 1, sizeof *S.load);
	S.v = mi_calloc(m ? m : 1, sizeof *S.v);
	S.closed = mi_calloc(m ? m : 1, 1);
	S.dx = mi_malloc((m ? m : 1) * sizeof *S.dx);
	S.pred = mi_malloc((m ? m : 1) * sizeof *S.pred);
	S.pred_s = mi_malloc((m ? m : 1) * sizeof *S.pred_s);
	S.state = mi_calloc(m ? m : 1, 1);
	S.heap = mi_malloc((m ? m : 1) * sizeof *S.heap);
	S.hpos = mi_malloc((m ? m : 1) * sizeof *S.hpos);
	S.touched = mi_malloc((m ? m : 1) * sizeof *S.touched);
	S.asg = mi_malloc((n ? n : 1) * sizeof *S.asg);
	S.pos = mi_malloc((n ? n : 1) * sizeof *S.pos);
	S.cur_s = mi_malloc((n ? n : 1) * sizeof *S.cur_s);
	gap = mi_malloc((n ? n : 1) * sizeof *gap);
	S.top_k = mi_malloc((n ? n : 1) * TOPN * sizeof *S.top_k);
	S.top_s = mi_malloc((n ? n : 1) * TOPN * sizeof *S.top_s);
	S.top_n = mi_malloc((n ? n : 1) * sizeof *S.top_n);
	S.top_thr = mi_malloc((n ? n : 1) * sizeof *S.top_thr);
	if (!S.capE || !S.sstart || !S.load || !S.v || !S.closed || !S.dx || !S.pred || !S.pred_s ||
	    !S.state || !S.heap || !S.hpos || !S.touched || !S.asg || !S.pos || !S.cur_s || !gap ||
	    !S.top_k || !S.top_s || !S.top_n || !S.top_thr)
		goto nomem;

	/* Effective capacities and the slot layout. */
	for (i = 0; i < n; i++) {
		size_t len = srow_len(&S, i);
		if (S.dense != NULL)
			break;
		for (t = 0; t < len; t++)
			S.capE[S.med[S.off[i] + t]]++;   /* count of cases listing j */
	}
	nslots = 0;
	for (j = 0; j < m; j++) {
		uint64_t listing = S.dense != NULL ? n : S.capE[j];
		uint64_t c = (uint64_t)p->capacity[j];
		S.capE[j] = (uint32_t)(c < listing ? c : listing);
		S.sstart[j] = nslots;
		nslots += S.capE[j];
	}
	S.sstart[m] = nslots;
	S.slots = mi_malloc((nslots ? nslots : 1) * sizeof *S.slots);
	if (S.slots == NULL)
		goto nomem;

	for (i = 0; i < n; i++) {
		S.asg[i] = MI_ASSIGN_NONE;
		S.top_n[i] = TOP_NONE;
	}
	start(&S, gap);
	{
		/* When the greedy start placed fewer than half of the cases,
		 * everybody wants the same mediators and one long search per case
		 * would follow: the auction is faster there. */
		size_t placed = 0;
		for (i = 0; i < n; i++)
			placed += S.asg[i] != MI_ASSIGN_NONE;
		if ((opt->method == MI_ASSIGN_METHOD_AUTO && placed < n / 2) ||
		    opt->method == MI_ASSIGN_METHOD_AUCTION) {
			S.force_auction = opt->method == MI_ASSIGN_METHOD_AUCTION;
			for (i = 0; i < n; i++)
				S.asg[i] = MI_ASSIGN_NONE;
			for (j = 0; j < m; j++) {
				S.load[j] = 0;
				S.v[j] = 0;
			}
			rc = auction_solve(&S, maxabs);
			if (rc < 0)
				goto fail;
			if (rc == 0)
				start(&S, gap);
		}
	}
	mi_free(gap);
	gap = NULL;

	/* One search for every case the greedy start left out. */
	for (i = 0; i < n; i++) {
		if (S.asg[i] != MI_ASSIGN_NONE || srow_len(&S, i) == 0)
			continue;
		if (S.nclosed == 0) {
			S.searches++;
			rc = fast_search(&S, (uint32_t)i);
			if (rc == 1)
				continue;
			if (rc < 0)
				goto fail;
			S.searches--;
		}
		rc = search(&S, (uint32_t)i);
		if (rc != MEDIATE_OK)
			goto fail;
	}

	/* The result. */
	res = mi_calloc(1, sizeof *res);
	if (res == NULL)
		goto nomem;
	res->mediator = mi_malloc((n ? n : 1) * sizeof *res->mediator);
	res->reason = mi_malloc(n ? n : 1);
	if (res->mediator == NULL || res->reason == NULL)
		goto nomem;
	res->n_cases = n;
	res->exact = exact;
	res->n_candidates_used = S.dense != NULL ? n * m : (n ? S.off[n] : 0);
	res->n_searches = S.searches;
	for (i = 0; i < n; i++) {
		res->mediator[i] = S.asg[i];
		if (S.asg[i] != MI_ASSIGN_NONE) {
			res->reason[i] = MI_ASSIGN_PLACED;
			res->n_assigned++;
			res->total_score += S.cur_s[i];
		} else {
			/* Judge by the original candidates: pruning never removes a
			 * candidate with room unless others cover the case. */
			size_t len = row_len(p, i);
			int any_room = 0;
			for (t = 0; t < len && !any_room; t++) {
				uint32_t k;
				int64_t s;
				row_get(p, i, t, &k, &s);
				any_room = p->capacity[k] > 0;
			}
			res->reason[i] = len == 0 ? MI_ASSIGN_NO_CANDIDATE
			               : !any_room ? MI_ASSIGN_NO_CAPACITY : MI_ASSIGN_OUTCOMPETED;
		}
	}
	solver_free(&S);
	*out = res;
	return MEDIATE_OK;

nomem:
	rc = mi_nomem();
fail:
	mi_free(gap);
	mi_assign_result_free(res);
	solver_free(&S);
	return rc;
}
