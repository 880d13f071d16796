/* SPDX-License-Identifier: MIT */
/*
 * Private layout of the whistle -> dispatch -> report module: calendars,
 * SLA targets, routing rules (policy sections), the timer queue and the
 * audit chain.  Nothing here is exported.
 */
#ifndef MEDIATE_ROUTE_PRIV_H
#define MEDIATE_ROUTE_PRIV_H

#include "mediate/calendar.h"
#include "mediate/route.h"
#include "policy_priv.h"

/* ---- calendars (calendar.c) ---- */

/* Day patterns: 0..6 Monday..Sunday hours, 7 make-up day hours, 8 none. */
#define MI_PAT_MAKEUP 7
#define MI_PAT_NONE 8
#define MI_NPAT 9
#define MI_MAX_SPANS 8

typedef struct mi_span {
	int32_t start, end;   /* seconds of the local day, start < end <= 86400 */
} mi_span;

struct mediate_calendar {
	char *code;
	mi_names names;
	const mediate_policy *policy;
	int offset;                        /* minutes east of UTC */
	mi_span spans[MI_NPAT][MI_MAX_SPANS];
	unsigned nspans[MI_NPAT];
	int64_t pat_secs[MI_NPAT];         /* working seconds of each pattern */
	int64_t week_secs;                 /* working seconds of an ordinary week */
	/* Per-day table for the listed years: days t0 .. t0+ndays-1 (days since
	 * 1970-01-01 in local time), a kind per day and cum[i] = working seconds
	 * from the start of day t0 to the start of day t0+i (ndays+1 entries). */
	int64_t t0;
	size_t ndays;
	unsigned char *kind;
	int64_t *cum;
};

int mi_calendars_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
void mi_calendars_free(mediate_policy *p);

/* Working seconds from an arbitrary fixed origin to t (nondecreasing in t). */
int64_t mi_cal_work(const mediate_calendar *c, int64_t t);
/* Earliest instant x >= t with mi_cal_work(x) >= mi_cal_work(t) + secs. */
int mi_cal_add(const mediate_calendar *c, int64_t t, int64_t secs, int64_t *out);

/* ---- SLA (route_policy.c) ---- */

/* The three clocks of a department's task. */
enum { MI_TGT_ACK = 0, MI_TGT_CHECKIN = 1, MI_TGT_FINISH = 2, MI_NTGT = 3 };

typedef struct mi_sla_rule {
	const mediate_category *category;   /* NULL: any */
	unsigned urgency_mask;              /* bit per mediate_urgency; 0: any */
	const mediate_calendar *calendar;   /* NULL: calendar time */
	int64_t day_secs;                   /* length of "1d": a standard working day, or 86400 */
	int64_t target[MI_NTGT];            /* seconds (working or calendar) */
	unsigned warn_percent;              /* 1..99, or 0 for no warning */
} mi_sla_rule;

typedef struct mi_ladder_step {
	mediate_escalation step;
	int64_t minutes, days;              /* after the breach, in the time of the SLA rule */
} mi_ladder_step;

typedef struct mi_sla {
	size_t count;
	mi_sla_rule *rules;
	size_t nladder;
	mi_ladder_step ladder[8];
} mi_sla;

typedef struct mi_route_rule {
	const mediate_category *category;   /* NULL: any */
	unsigned urgency_mask;              /* 0: any */
	const mediate_unit *unit;           /* raising unit or an ancestor; NULL: any */
	const mediate_unit *lead;
	size_t nassist;
	const mediate_unit **assist;
	mediate_dispatch_level level;
} mi_route_rule;

typedef struct mi_routing {
	const mediate_unit *centre;         /* the dispatch centre, or NULL */
	size_t count;
	mi_route_rule *rules;
} mi_routing;

int mi_sla_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
void mi_sla_free(mediate_policy *p);
int mi_routing_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
void mi_routing_free(mediate_policy *p);
const mi_sla_rule *mi_sla_match(const mediate_policy *p, const mediate_category *c, mediate_urgency u);
const mi_route_rule *mi_routing_match(const mediate_policy *p, const mediate_category *c, mediate_urgency u,
                                      const mediate_unit *raiser);
/* Parses "30m", "4h", "2d"; day_secs is the length of a day in this unit. */
int mi_duration_parse(const char *s, int64_t day_secs, int64_t *out);

/* ---- timer queue (route_timer.c) ----
 * A calendar queue of (due, seq) -> id: a small 4-ary heap for the current
 * time slot, a wheel of buckets for the next MI_TIMERQ_SLOTS slots and a heap
 * for the far future (see route_timer.c).  Every id knows where it is, so
 * insert, cancel and update are O(1) or O(log n); ties pop in seq order. */
#define MI_TIMERQ_SHIFT 8                       /* a slot is 2^8 = 256 seconds */
#define MI_TIMERQ_SLOTS 16384                   /* the wheel: 16384 slots, 48.5 days */

typedef struct mi_timer {
	int64_t due;
	uint32_t seq;       /* renumbered before it would wrap */
	uint32_t id;
} mi_timer;

struct mi_tchunk;

typedef struct mi_timerq {
	mi_timer *heap;     /* current slot: heap[0..len); far heap: heap[cap-1-i], i < nfar */
	void *block;
	size_t len, cap;
	size_t nfar, nwheel, count;   /* count = len + nwheel + nfar */
	uint32_t *pos;      /* pos[id]: index in its heap, or chunk * 16 + index in a bucket */
	unsigned char *where;   /* where[id]: 0 not queued, 1 current, 2 wheel, 3 far */
	size_t npos;
	struct mi_tchunk *chunks;     /* bucket storage: chunks of 15 timers, by index */
	size_t nchunks;
	uint32_t free_chunk;
	uint32_t *head;     /* head[slot % SLOTS]: the bucket's partial chunk, or UINT32_MAX */
	uint64_t *bits;     /* non-empty buckets */
	uint64_t cur_slot;  /* the current heap holds slots <= cur_slot; the wheel the next SLOTS-1 */
	uint64_t next_seq;
} mi_timerq;

void mi_timerq_init(mi_timerq *q);
void mi_timerq_free(mi_timerq *q);
/* Room for ids below n and n timers (so later sets cannot fail). */
int mi_timerq_reserve(mi_timerq *q, size_t n);
/* Inserts id or moves it to a new due time; gets a fresh sequence number. */
int mi_timerq_set(mi_timerq *q, uint32_t id, int64_t due);
void mi_timerq_cancel(mi_timerq *q, uint32_t id);
/* Fills the current heap from the next non-empty slot (cannot fail). */
void mi_timerq_load(mi_timerq *q);
/* The earliest timer, or NULL (valid until the queue next changes). */
static inline const mi_timer *
mi_timerq_peek(mi_timerq *q)
{
	if (q->len == 0 && q->count > 0)
		mi_timerq_load(q);
	return q->len > 0 ? &q->heap[0] : NULL;
}
void mi_timerq_pop(mi_timerq *q);
/* Checks every invariant of the queue (tests): 0 when sound. */
int mi_timerq_check(const mi_timerq *q);

/* ---- audit chain (route_audit.c) ---- */
#define MI_HASH_BYTES 32

int mi_audit_hash(unsigned char out[MI_HASH_BYTES], const mediate_audit_entry *e,
                  const unsigned char prev[MI_HASH_BYTES], const unsigned char *key, size_t keylen);

/*
 * Exchanges the whole state of two engines (the route store rebuilds its
 * engine in a fresh one, then swaps it into the one it lends, so pointers
 * to it stay valid).  Both must be of the same policy.
 */
void mi_route_swap(mediate_route *a, mediate_route *b);
/*
 * The engine's clock: the latest time it has seen (*now) and whether it
 * has seen any (*started).  The route store puts it back after a tick that
 * handed back nothing, which it does not journal.
 */
void mi_route_clock(const mediate_route *r, int64_t *now, int *started);
void mi_route_set_clock(mediate_route *r, int64_t now, int started);

#endif /* MEDIATE_ROUTE_PRIV_H */
