/* SPDX-License-Identifier: MIT */
/*
 * The timer queue of the route engine: a 4-ary min-heap of (due, seq) -> id.
 *
 * Why it is shaped this way:
 *  - 4-ary: half the depth of a binary heap, and the four children of a
 *    node are 4 x 16 = 64 bytes.  The array is placed so that every group of
 *    siblings starts on a 64-byte boundary, so one level of a sift costs one
 *    cache line: at a million timers that, not comparisons, is the cost.
 *  - every id remembers its place (pos[]), so cancelling or moving a timer is
 *    O(log n) without a search;
 *  - the sequence number, taken from a counter each time a timer is set,
 *    breaks ties between equal due times, so the order of events never
 *    depends on the heap's layout.  It is 32 bits to keep a node at 16
 *    bytes; before it would wrap, the live timers are renumbered in their
 *    current order (a sorted array is a valid heap), which keeps every
 *    comparison exact.
 *  - pop moves the hole to the bottom along the smaller children and sifts
 *    the last element up from there ("bottom-up" deletion): the last element
 *    nearly always belongs near the bottom, so this saves a comparison per
 *    level.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "route_priv.h"

#define ARITY 4
#define LINE 64

#if defined(__GNUC__)
#  define PREFETCH(p) __builtin_prefetch((p))
#else
#  define PREFETCH(p) ((void)(p))
#endif

/* The children of the four siblings starting at c are the 16 nodes starting
 * at 4c + 1: four cache lines, fetched while this level is compared. */
static inline void
prefetch_grandchildren(const mi_timer *h, size_t c, size_t n)
{
	size_t g = c * ARITY + 1;
	if (g < n) {
		const char *p = (const char *)(h + g);
		PREFETCH(p);
		PREFETCH(p + LINE);
		PREFETCH(p + 2 * LINE);
		PREFETCH(p + 3 * LINE);
	}
}

static inline int
before(const mi_timer *a, const mi_timer *b)
{
	return a->due < b->due || (a->due == b->due && a->seq < b->seq);
}

void
mi_timerq_init(mi_timerq *q)
{
	memset(q, 0, sizeof *q);
	q->next_seq = 1;
}

void
mi_timerq_free(mi_timerq *q)
{
	mi_free(q->block);
	mi_free(q->pos);
	memset(q, 0, sizeof *q);
}

/* A heap array whose element 1 starts on a cache line (children of i are 4i+1..4i+4). */
static int
grow_heap(mi_timerq *q, size_t nc)
{
	char *block, *base;
	uintptr_t addr;
	if (nc > (SIZE_MAX - LINE) / sizeof(mi_timer))
		return MEDIATE_ENOMEM;
	if ((block = mi_malloc(nc * sizeof(mi_timer) + LINE)) == NULL)
		return MEDIATE_ENOMEM;
	addr = (uintptr_t)block;
	base = block + ((LINE - sizeof(mi_timer) - addr % LINE) + LINE) % LINE;
	if (q->len > 0)
		memcpy(base, q->heap, q->len * sizeof(mi_timer));
	mi_free(q->block);
	q->block = block;
	q->heap = (mi_timer *)(void *)base;
	q->cap = nc;
	return 0;
}

int
mi_timerq_reserve(mi_timerq *q, size_t n)
{
	if (n > UINT32_MAX - 1)
		return MEDIATE_ELIMIT;
	if (n > q->cap) {
		size_t nc = q->cap ? q->cap : 64;
		while (nc < n)
			nc *= 2;
		if (grow_heap(q, nc) != 0)
			return MEDIATE_ENOMEM;
	}
	if (n > q->npos) {
		size_t nc = q->npos ? q->npos : 64;
		uint32_t *p;
		while (nc < n)
			nc *= 2;
		if ((p = mi_reallocarray(q->pos, nc, sizeof *p)) == NULL)
			return MEDIATE_ENOMEM;
		memset(p + q->npos, 0, (nc - q->npos) * sizeof *p);
		q->pos = p;
		q->npos = nc;
	}
	return 0;
}

static void
sift_up(mi_timerq *q, size_t i, mi_timer x)
{
	mi_timer *h = q->heap;
	while (i > 0) {
		size_t parent = (i - 1) / ARITY;
		if (!before(&x, &h[parent]))
			break;
		h[i] = h[parent];
		q->pos[h[i].id] = (uint32_t)(i + 1);
		i = parent;
	}
	h[i] = x;
	q->pos[x.id] = (uint32_t)(i + 1);
}

/* Index of the smallest child of i (which has at least one). */
static inline size_t
min_child(const mi_timer *h, size_t c, size_t n)
{
	size_t best = c;
	if (c + ARITY <= n) {
		size_t a = before(&h[c + 1], &h[c]) ? c + 1 : c;
		size_t b = before(&h[c + 3], &h[c + 2]) ? c + 3 : c + 2;
		return before(&h[b], &h[a]) ? b : a;
	}
	for (c = c + 1; c < n; c++)
		if (before(&h[c], &h[best]))
			best = c;
	return best;
}

static void
sift_down(mi_timerq *q, size_t i, mi_timer x)
{
	mi_timer *h = q->heap;
	size_t n = q->len;
	for (;;) {
		size_t c = i * ARITY + 1, m;
		if (c >= n)
			break;
		prefetch_grandchildren(h, c, n);
		m = min_child(h, c, n);
		if (!before(&h[m], &x))
			break;
		h[i] = h[m];
		q->pos[h[i].id] = (uint32_t)(i + 1);
		i = m;
	}
	h[i] = x;
	q->pos[x.id] = (uint32_t)(i + 1);
}

static int
cmp_timer(const void *a, const void *b)
{
	const mi_timer *x = a, *y = b;
	return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}

/* Gives the live timers the numbers 1..len in their current order. */
static void
renumber(mi_timerq *q)
{
	size_t i;
	qsort(q->heap, q->len, sizeof *q->heap, cmp_timer);
	for (i = 0; i < q->len; i++) {
		q->heap[i].seq = (uint32_t)(i + 1);
		q->pos[q->heap[i].id] = (uint32_t)(i + 1);
	}
	q->next_seq = q->len + 1;
}

int
mi_timerq_set(mi_timerq *q, uint32_t id, int64_t due)
{
	mi_timer x;
	int rc;
	if ((size_t)id >= q->npos || (q->pos[id] == 0 && q->len == q->cap)) {
		size_t need = (size_t)id + 1 > q->len + 1 ? (size_t)id + 1 : q->len + 1;
		if ((rc = mi_timerq_reserve(q, need)) != 0)
			return rc;
	}
	if (q->next_seq > UINT32_MAX) {
		/* Renumbering keeps the order of the live timers; this one then gets the next number. */
		renumber(q);
	}
	x.due = due;
	x.seq = (uint32_t)q->next_seq++;
	x.id = id;
	if (q->pos[id] != 0) {
		size_t i = q->pos[id] - 1;
		/* The timer moves earlier or later: restore the heap either way. */
		if (i > 0 && before(&x, &q->heap[(i - 1) / ARITY]))
			sift_up(q, i, x);
		else
			sift_down(q, i, x);
		return 0;
	}
	q->len++;
	sift_up(q, q->len - 1, x);
	return 0;
}

/* Removes the element at heap index i. */
static void
remove_at(mi_timerq *q, size_t i)
{
	mi_timer last;
	q->pos[q->heap[i].id] = 0;
	last = q->heap[--q->len];
	if (i == q->len)
		return;
	if (i > 0 && before(&last, &q->heap[(i - 1) / ARITY]))
		sift_up(q, i, last);
	else
		sift_down(q, i, last);
}

void
mi_timerq_cancel(mi_timerq *q, uint32_t id)
{
	if ((size_t)id < q->npos && q->pos[id] != 0)
		remove_at(q, q->pos[id] - 1);
}

void
mi_timerq_pop(mi_timerq *q)
{
	mi_timer *h = q->heap, last;
	size_t hole = 0, n, c;
	if (q->len == 0)
		return;
	q->pos[h[0].id] = 0;
	n = --q->len;
	if (n == 0)
		return;
	last = h[n];
	/* Bottom-up: walk the hole down along the smaller children ... */
	while ((c = hole * ARITY + 1) < n) {
		size_t m;
		prefetch_grandchildren(h, c, n);
		m = min_child(h, c, n);
		h[hole] = h[m];
		q->pos[h[hole].id] = (uint32_t)(hole + 1);
		hole = m;
	}
	/* ... then put the last element there and let it rise. */
	sift_up(q, hole, last);
}

/* For tests: checks the heap property and the positions; 0 when sound. */
int
mi_timerq_check(const mi_timerq *q)
{
	size_t i, live = 0;
	for (i = 1; i < q->len; i++)
		if (before(&q->heap[i], &q->heap[(i - 1) / ARITY]))
			return -1;
	for (i = 0; i < q->len; i++)
		if (q->heap[i].id >= q->npos || q->pos[q->heap[i].id] != i + 1)
			return -2;
	for (i = 0; i < q->npos; i++)
		live += q->pos[i] != 0;
	return live == q->len ? 0 : -3;
}
