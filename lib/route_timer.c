/* SPDX-License-Identifier: MIT */
/*
 * The timer queue of the route engine: a calendar queue of (due, seq) -> id.
 *
 * Time is cut into slots of 2^MI_TIMERQ_SHIFT seconds (256 s).  With
 * c = cur_slot and S = MI_TIMERQ_SLOTS (16384 slots, 48.5 days):
 *
 *  - the current heap (heap[0..len), 4-ary) holds every timer whose slot is
 *    <= c, the past included;
 *  - the wheel holds the timers of slots c+1 .. c+S-1, one bucket per slot
 *    (bucket slot % S), unsorted; a bitmap marks the non-empty buckets;
 *  - the far heap (binary, stored downwards from the end of the same block)
 *    holds the timers of slots >= c+S.
 *
 * So the three parts are ordered by slot, and the earliest timer is at the
 * top of the current heap.  When that heap is empty and timers remain, it is
 * loaded lazily (by peek or pop): c moves to the next non-empty bucket
 * (bitmap scan, at most S/64 words), or when the wheel is empty straight to
 * the slot of the far heap's minimum; the far timers that now fall inside the
 * wheel move into it, and the bucket of c is copied into the heap and
 * heapified.  Ticks take timers from a heap of one slot's timers (about 100
 * at a million timers over 30 days), which stays in cache, instead of walking
 * down a heap of a million: that, not comparisons, was the cost.
 *
 * Buckets are lists of 256-byte chunks of 15 timers from a pool indexed by
 * number: only the head chunk of a bucket is partial, so removing a timer
 * moves the head's last timer into its place.  The pool is sized in reserve()
 * for the worst case (cap/15 + min(cap, S) + 1 chunks), so set, cancel, pop
 * and load never allocate and cannot fail once room is reserved.
 *
 * Every id remembers where it is (where[]: current, wheel, far) and its index
 * there (pos[]), so nothing is ever searched for.
 *
 * Cost, n timers: set into the wheel O(1); into a heap O(log n) (the past, or
 * further than 48 days); cancel O(1) in the wheel, O(log n) in a heap; pop
 * O(log k) on the current slot's k timers plus the amortized load: each timer
 * moves far -> wheel -> current at most once (a far pop, O(log n)), and the
 * bitmap scan is bounded by S/64 words.  A timer set before c while the
 * current heap is empty moves c back (so bulk loading in any order keeps
 * slots small) only if no wheel timer would fall off the window; otherwise it
 * simply enters the current heap.  Worst cases stay O(log n): a burst of
 * equal due times is one slot's heap; timers in the past or far future live
 * in the heaps.
 *
 * Order is exactly (due, seq).  The sequence number, taken from a counter
 * each time a timer is set, breaks ties.  It is 32 bits to keep a timer at
 * 16 bytes; before it would wrap, the live timers are renumbered.  Timers
 * with equal due times always share a part (parts are unions of slots), so
 * each part is renumbered 1..k in its own (due, seq) order, which keeps
 * every comparison that can ever happen exact.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "route_priv.h"

#define ARITY 4
#define LINE 64
#define SLOTS ((uint64_t)MI_TIMERQ_SLOTS)
#define MASK (SLOTS - 1)
#define CHUNK 15
#define NONE UINT32_MAX

enum { W_NONE, W_CUR, W_WHEEL, W_FAR };

struct mi_tchunk {
	mi_timer t[CHUNK];
	uint32_t next;      /* next (full) chunk of the bucket, or the free list */
	uint32_t n;
	uint64_t pad;
};

#if defined(__GNUC__)
#  define PREFETCH(p) __builtin_prefetch((p))
#  define CTZ64(x) ((size_t)__builtin_ctzll(x))
#else
#  define PREFETCH(p) ((void)(p))
static size_t
CTZ64(uint64_t x)
{
	size_t n = 0;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
}
#endif

/* The far heap's element i. */
#define FAR(q, i) ((q)->heap[(q)->cap - 1 - (i)])

static inline uint64_t
slot_of(int64_t due)
{
	/* Order-preserving map of int64 onto uint64, then the slot. */
	return ((uint64_t)due ^ UINT64_C(0x8000000000000000)) >> MI_TIMERQ_SHIFT;
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
	q->free_chunk = NONE;
	q->next_seq = 1;
}

void
mi_timerq_free(mi_timerq *q)
{
	mi_free(q->block);
	mi_free(q->pos);
	mi_free(q->where);
	mi_free(q->chunks);
	mi_free(q->head);
	mi_free(q->bits);
	memset(q, 0, sizeof *q);
	q->free_chunk = NONE;
}

/* A block of nc timers whose element 1 starts on a cache line (children of i are
 * 4i+1..4i+4); the current heap is copied to the start, the far heap to the end. */
static int
grow_heap(mi_timerq *q, size_t nc)
{
	char *block, *base;
	uintptr_t addr;
	mi_timer *h;
	if (nc > (SIZE_MAX - LINE) / sizeof(mi_timer))
		return MEDIATE_ENOMEM;
	if ((block = mi_malloc(nc * sizeof(mi_timer) + LINE)) == NULL)
		return MEDIATE_ENOMEM;
	addr = (uintptr_t)block;
	base = block + ((LINE - sizeof(mi_timer) - addr % LINE) + LINE) % LINE;
	h = (mi_timer *)(void *)base;
	if (q->len > 0)
		memcpy(h, q->heap, q->len * sizeof(mi_timer));
	if (q->nfar > 0)
		memcpy(h + nc - q->nfar, q->heap + q->cap - q->nfar, q->nfar * sizeof(mi_timer));
	mi_free(q->block);
	q->block = block;
	q->heap = h;
	q->cap = nc;
	return 0;
}

static int
grow_chunks(mi_timerq *q, size_t need)
{
	struct mi_tchunk *c;
	size_t nc = q->nchunks ? q->nchunks : 16, i;
	while (nc < need)
		nc *= 2;
	if (nc >= NONE / 16)
		return MEDIATE_ELIMIT;
	if ((c = mi_reallocarray(q->chunks, nc, sizeof *c)) == NULL)
		return MEDIATE_ENOMEM;
	for (i = nc; i-- > q->nchunks;) {
		c[i].next = q->free_chunk;
		c[i].n = 0;
		q->free_chunk = (uint32_t)i;
	}
	q->chunks = c;
	q->nchunks = nc;
	return 0;
}

int
mi_timerq_reserve(mi_timerq *q, size_t n)
{
	size_t need;
	int rc;
	if (n > UINT32_MAX - 1)
		return MEDIATE_ELIMIT;
	if (q->head == NULL) {
		uint32_t *hd;
		uint64_t *bits;
		size_t i;
		if ((hd = mi_reallocarray(NULL, SLOTS, sizeof *hd)) == NULL)
			return MEDIATE_ENOMEM;
		if ((bits = mi_reallocarray(NULL, SLOTS / 64, sizeof *bits)) == NULL) {
			mi_free(hd);
			return MEDIATE_ENOMEM;
		}
		for (i = 0; i < SLOTS; i++)
			hd[i] = NONE;
		memset(bits, 0, SLOTS / 64 * sizeof *bits);
		q->head = hd;
		q->bits = bits;
	}
	if (n > q->cap) {
		size_t nc = q->cap ? q->cap : 64;
		while (nc < n)
			nc *= 2;
		if (grow_heap(q, nc) != 0)
			return MEDIATE_ENOMEM;
	}
	/* Every bucket has full chunks and at most one partial one. */
	need = q->cap / CHUNK + (q->cap < SLOTS ? q->cap : SLOTS) + 1;
	if (need > q->nchunks && (rc = grow_chunks(q, need)) != 0)
		return rc;
	if (n > q->npos) {
		size_t nc = q->npos ? q->npos : 64;
		uint32_t *p;
		unsigned char *w;
		while (nc < n)
			nc *= 2;
		if ((p = mi_reallocarray(q->pos, nc, sizeof *p)) == NULL)
			return MEDIATE_ENOMEM;
		q->pos = p;
		if ((w = mi_reallocarray(q->where, nc, sizeof *w)) == NULL)
			return MEDIATE_ENOMEM;
		memset(p + q->npos, 0, (nc - q->npos) * sizeof *p);
		memset(w + q->npos, 0, (nc - q->npos) * sizeof *w);
		q->where = w;
		q->npos = nc;
	}
	return 0;
}

/* ---- the current heap (4-ary) ---- */

static void
sift_up(mi_timerq *q, size_t i, mi_timer x)
{
	mi_timer *h = q->heap;
	while (i > 0) {
		size_t parent = (i - 1) / ARITY;
		if (!before(&x, &h[parent]))
			break;
		h[i] = h[parent];
		q->pos[h[i].id] = (uint32_t)i;
		i = parent;
	}
	h[i] = x;
	q->pos[x.id] = (uint32_t)i;
	q->where[x.id] = W_CUR;
}

/* Index of the smallest of the children starting at c (there is at least one). */
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
		m = min_child(h, c, n);
		if (!before(&h[m], &x))
			break;
		h[i] = h[m];
		q->pos[h[i].id] = (uint32_t)i;
		i = m;
	}
	h[i] = x;
	q->pos[x.id] = (uint32_t)i;
	q->where[x.id] = W_CUR;
}

static void
cur_push(mi_timerq *q, mi_timer x)
{
	q->len++;
	sift_up(q, q->len - 1, x);
}

static void
cur_remove(mi_timerq *q, size_t i)
{
	mi_timer last = q->heap[--q->len];
	if (i == q->len)
		return;
	if (i > 0 && before(&last, &q->heap[(i - 1) / ARITY]))
		sift_up(q, i, last);
	else
		sift_down(q, i, last);
}

/* ---- the far heap (binary, stored downwards) ---- */

static void
far_up(mi_timerq *q, size_t i, mi_timer x)
{
	while (i > 0) {
		size_t parent = (i - 1) / 2;
		if (!before(&x, &FAR(q, parent)))
			break;
		FAR(q, i) = FAR(q, parent);
		q->pos[FAR(q, i).id] = (uint32_t)i;
		i = parent;
	}
	FAR(q, i) = x;
	q->pos[x.id] = (uint32_t)i;
	q->where[x.id] = W_FAR;
}

static void
far_down(mi_timerq *q, size_t i, mi_timer x)
{
	size_t n = q->nfar;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && before(&FAR(q, c + 1), &FAR(q, c)))
			c++;
		if (!before(&FAR(q, c), &x))
			break;
		FAR(q, i) = FAR(q, c);
		q->pos[FAR(q, i).id] = (uint32_t)i;
		i = c;
	}
	FAR(q, i) = x;
	q->pos[x.id] = (uint32_t)i;
	q->where[x.id] = W_FAR;
}

static void
far_remove(mi_timerq *q, size_t i)
{
	mi_timer last = FAR(q, q->nfar - 1);
	q->nfar--;
	if (i == q->nfar)
		return;
	if (i > 0 && before(&last, &FAR(q, (i - 1) / 2)))
		far_up(q, i, last);
	else
		far_down(q, i, last);
}

/* ---- the wheel ---- */

static void
wheel_add(mi_timerq *q, mi_timer x)
{
	size_t b = (size_t)(slot_of(x.due) & MASK);
	uint32_t h = q->head[b], k;
	if (h == NONE || q->chunks[h].n == CHUNK) {
		uint32_t c = q->free_chunk;   /* never NONE: reserve() sized the pool */
		q->free_chunk = q->chunks[c].next;
		q->chunks[c].n = 0;
		q->chunks[c].next = h;
		q->head[b] = c;
		q->bits[b / 64] |= UINT64_C(1) << (b % 64);
		h = c;
	}
	k = q->chunks[h].n++;
	q->chunks[h].t[k] = x;
	q->pos[x.id] = h * 16 + k;
	q->where[x.id] = W_WHEEL;
	q->nwheel++;
}

static void
release_chunk(mi_timerq *q, uint32_t c)
{
	q->chunks[c].next = q->free_chunk;
	q->free_chunk = c;
}

static void
wheel_remove(mi_timerq *q, uint32_t p)
{
	uint32_t c = p / 16, k = p % 16;
	size_t b = (size_t)(slot_of(q->chunks[c].t[k].due) & MASK);
	uint32_t h = q->head[b];
	mi_timer last = q->chunks[h].t[--q->chunks[h].n];
	if (c != h || k != q->chunks[h].n) {
		q->chunks[c].t[k] = last;
		q->pos[last.id] = c * 16 + k;
	}
	if (q->chunks[h].n == 0) {
		q->head[b] = q->chunks[h].next;
		release_chunk(q, h);
		if (q->head[b] == NONE)
			q->bits[b / 64] &= ~(UINT64_C(1) << (b % 64));
	}
	q->nwheel--;
}

/* The earliest non-empty slot of the wheel (which is not empty). */
static uint64_t
wheel_next(const mi_timerq *q)
{
	size_t start = (size_t)((q->cur_slot + 1) & MASK), w = start / 64, i;
	uint64_t word = q->bits[w] & (~UINT64_C(0) << (start % 64));
	for (i = 0; i <= SLOTS / 64; i++) {
		if (word != 0) {
			size_t b = w * 64 + CTZ64(word);
			return q->cur_slot + 1 + ((b - start) & MASK);
		}
		w = (w + 1) % (SLOTS / 64);
		word = q->bits[w];
	}
	return q->cur_slot + 1;   /* not reached */
}

/* Whether the buckets of the d slots from slot s on are all empty (d < SLOTS). */
static int
wheel_range_empty(const mi_timerq *q, uint64_t s, uint64_t d)
{
	while (d > 0) {
		size_t b = (size_t)(s & MASK), off = b % 64;
		uint64_t take = 64 - off < d ? 64 - off : d;
		uint64_t m = (take == 64 ? ~UINT64_C(0) : ((UINT64_C(1) << take) - 1)) << off;
		if (q->bits[b / 64] & m)
			return 0;
		s += take;
		d -= take;
	}
	return 1;
}

/* Moves bucket b into the (empty) current heap. */
static void
load_bucket(mi_timerq *q, size_t b)
{
	uint32_t c = q->head[b];
	size_t i;
	while (c != NONE) {
		struct mi_tchunk *ch = &q->chunks[c];
		uint32_t k, nx = ch->next;
		if (nx != NONE)
			PREFETCH(&q->chunks[nx]);
		for (k = 0; k < ch->n; k++) {
			q->heap[q->len] = ch->t[k];
			q->pos[ch->t[k].id] = (uint32_t)q->len;
			q->where[ch->t[k].id] = W_CUR;
			q->len++;
		}
		q->nwheel -= ch->n;
		release_chunk(q, c);
		c = nx;
	}
	q->head[b] = NONE;
	q->bits[b / 64] &= ~(UINT64_C(1) << (b % 64));
	if (q->len > 1)
		for (i = (q->len - 2) / ARITY + 1; i-- > 0;)
			sift_down(q, i, q->heap[i]);
}

void
mi_timerq_load(mi_timerq *q)
{
	uint64_t s;
	if (q->len > 0 || q->count == 0)
		return;
	if (q->nwheel > 0) {
		s = wheel_next(q);
		q->cur_slot = s;
		load_bucket(q, (size_t)(s & MASK));
	} else {
		s = slot_of(FAR(q, 0).due);
		q->cur_slot = s;
	}
	/* The far timers that the window now covers. */
	while (q->nfar > 0 && slot_of(FAR(q, 0).due) < s + SLOTS) {
		mi_timer x = FAR(q, 0);
		far_remove(q, 0);
		if (slot_of(x.due) == s)
			cur_push(q, x);
		else
			wheel_add(q, x);
	}
}

/* ---- the operations ---- */

static void
insert(mi_timerq *q, mi_timer x)
{
	uint64_t s = slot_of(x.due);
	if (q->count == 0 && s > 0)
		q->cur_slot = s - 1;   /* an empty queue starts where its first timer is */
	if (s <= q->cur_slot) {
		uint64_t ns = s - 1, d = q->cur_slot - ns;
		/* Before the window: move the window back while the current heap is
		 * empty and no wheel timer would fall off its end; else the heap. */
		if (q->len == 0 && s > 0 &&
		    (q->nwheel == 0 || (d < SLOTS && wheel_range_empty(q, ns + SLOTS, d))))
			q->cur_slot = ns;
		else {
			cur_push(q, x);
			q->count++;
			return;
		}
	}
	if (s < q->cur_slot + SLOTS)
		wheel_add(q, x);
	else {
		q->nfar++;
		far_up(q, q->nfar - 1, x);
	}
	q->count++;
}

static void
detach(mi_timerq *q, uint32_t id)
{
	switch (q->where[id]) {
	case W_CUR:
		cur_remove(q, q->pos[id]);
		break;
	case W_WHEEL:
		wheel_remove(q, q->pos[id]);
		break;
	case W_FAR:
		far_remove(q, q->pos[id]);
		break;
	default:
		return;
	}
	q->where[id] = W_NONE;
	q->count--;
}

static int
cmp_timer(const void *a, const void *b)
{
	const mi_timer *x = a, *y = b;
	return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}

static int
cmp_timer_desc(const void *a, const void *b)
{
	return cmp_timer(b, a);
}

/* Gives the timers of each part the numbers 1..k in their (due, seq) order.
 * Equal due times share a part, so every possible comparison keeps its result. */
static void
renumber(mi_timerq *q)
{
	size_t i, top = 0, b;
	/* The current heap: a sorted array is a heap. */
	qsort(q->heap, q->len, sizeof *q->heap, cmp_timer);
	for (i = 0; i < q->len; i++) {
		q->heap[i].seq = (uint32_t)(i + 1);
		q->pos[q->heap[i].id] = (uint32_t)i;
	}
	top = q->len;
	/* The far heap, stored downwards: sorted descending in memory. */
	qsort(q->heap + q->cap - q->nfar, q->nfar, sizeof *q->heap, cmp_timer_desc);
	for (i = 0; i < q->nfar; i++) {
		FAR(q, i).seq = (uint32_t)(i + 1);
		q->pos[FAR(q, i).id] = (uint32_t)i;
	}
	if (q->nfar > top)
		top = q->nfar;
	/* Each bucket, sorted in the free room between the heaps. */
	for (b = 0; q->nwheel > 0 && b < SLOTS; b++) {
		mi_timer *tmp = q->heap + q->len;
		size_t k = 0, j;
		uint32_t c;
		if (q->head[b] == NONE)
			continue;
		for (c = q->head[b]; c != NONE; c = q->chunks[c].next)
			for (j = 0; j < q->chunks[c].n; j++)
				tmp[k++] = q->chunks[c].t[j];
		qsort(tmp, k, sizeof *tmp, cmp_timer);
		k = 0;
		for (c = q->head[b]; c != NONE; c = q->chunks[c].next)
			for (j = 0; j < q->chunks[c].n; j++) {
				q->chunks[c].t[j] = tmp[k];
				q->chunks[c].t[j].seq = (uint32_t)(k + 1);
				q->pos[tmp[k].id] = c * 16 + (uint32_t)j;
				k++;
			}
		if (k > top)
			top = k;
	}
	q->next_seq = top + 1;
}

int
mi_timerq_set(mi_timerq *q, uint32_t id, int64_t due)
{
	mi_timer x;
	int rc;
	if ((size_t)id >= q->npos || q->head == NULL ||
	    (q->where[id] == W_NONE && q->count == q->cap)) {
		size_t need = (size_t)id + 1 > q->count + 1 ? (size_t)id + 1 : q->count + 1;
		if ((rc = mi_timerq_reserve(q, need)) != 0)
			return rc;
	}
	if (q->next_seq > UINT32_MAX) {
		/* Renumbering keeps the order of the live timers; this one then gets the next number. */
		renumber(q);
	}
	detach(q, id);
	x.due = due;
	x.seq = (uint32_t)q->next_seq++;
	x.id = id;
	insert(q, x);
	return 0;
}

void
mi_timerq_cancel(mi_timerq *q, uint32_t id)
{
	if ((size_t)id < q->npos)
		detach(q, id);
}

void
mi_timerq_pop(mi_timerq *q)
{
	mi_timer *h, last;
	size_t hole = 0, n, c;
	if (q->len == 0)
		mi_timerq_load(q);
	if (q->len == 0)
		return;
	h = q->heap;
	q->where[h[0].id] = W_NONE;
	q->count--;
	n = --q->len;
	if (n == 0)
		return;
	last = h[n];
	/* Bottom-up: walk the hole down along the smaller children ... */
	while ((c = hole * ARITY + 1) < n) {
		size_t m = min_child(h, c, n);
		h[hole] = h[m];
		q->pos[h[hole].id] = (uint32_t)hole;
		hole = m;
	}
	/* ... then put the last element there and let it rise. */
	sift_up(q, hole, last);
}

/* For tests: checks every invariant; 0 when sound. */
int
mi_timerq_check(const mi_timerq *q)
{
	size_t i, live = 0, wheel = 0, b, chunks_used = 0, free_chunks = 0;
	uint32_t c;
	if (q->len + q->nwheel + q->nfar != q->count || q->count > q->cap)
		return -1;
	for (i = 0; i < q->len; i++) {
		const mi_timer *t = &q->heap[i];
		if (i > 0 && before(t, &q->heap[(i - 1) / ARITY]))
			return -2;
		if (t->id >= q->npos || q->where[t->id] != W_CUR || q->pos[t->id] != i)
			return -3;
		if (slot_of(t->due) > q->cur_slot)
			return -4;
	}
	for (i = 0; i < q->nfar; i++) {
		const mi_timer *t = &FAR(q, i);
		if (i > 0 && before(t, &FAR(q, (i - 1) / 2)))
			return -5;
		if (t->id >= q->npos || q->where[t->id] != W_FAR || q->pos[t->id] != i)
			return -6;
		if (slot_of(t->due) < q->cur_slot + SLOTS)
			return -7;
	}
	for (b = 0; q->head != NULL && b < SLOTS; b++) {
		int bit = (q->bits[b / 64] >> (b % 64)) & 1;
		if (bit != (q->head[b] != NONE))
			return -8;
		for (c = q->head[b]; c != NONE; c = q->chunks[c].next) {
			uint32_t k;
			chunks_used++;
			if (q->chunks[c].n == 0 || (c != q->head[b] && q->chunks[c].n != CHUNK))
				return -9;
			for (k = 0; k < q->chunks[c].n; k++) {
				const mi_timer *t = &q->chunks[c].t[k];
				uint64_t s = slot_of(t->due);
				if (t->id >= q->npos || q->where[t->id] != W_WHEEL || q->pos[t->id] != c * 16 + k)
					return -10;
				if (s <= q->cur_slot || s >= q->cur_slot + SLOTS || (s & MASK) != b)
					return -11;
				wheel++;
			}
		}
	}
	if (wheel != q->nwheel)
		return -12;
	for (c = q->free_chunk; c != NONE && free_chunks <= q->nchunks; c = q->chunks[c].next)
		free_chunks++;
	if (q->head != NULL && chunks_used + free_chunks != q->nchunks)
		return -13;
	for (i = 0; i < q->npos; i++)
		live += q->where[i] != W_NONE;
	return live == q->count ? 0 : -14;
}
