/* SPDX-License-Identifier: MIT */
/*
 * libmediate: whistle -> dispatch -> report (吹哨-派单-报到).
 *
 * A village or community raises a whistle; the dispatch centre sends an
 * order to a lead department and assisting departments (or the routing
 * rules of the policy pick them); each department acknowledges, reports in
 * on site and finishes within SLA deadlines measured on a working-time
 * calendar; the raising unit rates each department and confirms, or reopens.
 *
 * The engine has no threads and no clock of its own: every call takes the
 * current time `now`, and mediate_route_tick() hands back, in deadline
 * order, the warnings, breaches and escalations that fell due.  Every
 * transition is checked -- an impossible one returns MEDIATE_ESTATE and
 * changes nothing -- and appended to an audit trail whose entries are
 * chained by a keyed BLAKE2b hash (libsodium crypto_generichash).
 *
 * Order states:                     Department task states:
 *
 *   PENDING --dispatch--> DISPATCHED   ASSIGNED --acknowledge--> ACKNOWLEDGED
 *                           |            |   ^                      |
 *            (all tasks finished)        |   +--force-- RETURNED <--+ (return)
 *                           v            +--return----^     |
 *   CLOSED <--confirm-- FINISHED                     reroute
 *                           |                           v
 *     DISPATCHED <--reopen--+                       REROUTED (a new task
 *                                                    goes to the new department)
 *   ACKNOWLEDGED --check_in--> ON_SITE --finish--> FINISHED
 *
 * The engine borrows the policy: it must outlive the engine.  One engine,
 * one thread at a time.
 */
#ifndef MEDIATE_ROUTE_H
#define MEDIATE_ROUTE_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/policy.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_route mediate_route;

/* Enumerations.  Only ever appended; 0 is never a valid value. */
typedef enum mediate_urgency {
	MEDIATE_URGENCY_NORMAL = 1,      /* 一般 */
	MEDIATE_URGENCY_URGENT = 2,      /* 紧急 */
	MEDIATE_URGENCY_CRITICAL = 3     /* 特急 */
} mediate_urgency;

typedef enum mediate_dispatch_level {
	MEDIATE_LEVEL_TOWN = 1,
	MEDIATE_LEVEL_COUNTY = 2
} mediate_dispatch_level;

typedef enum mediate_order_state {
	MEDIATE_ORDER_PENDING = 1,       /* raised, waiting for (manual) dispatch */
	MEDIATE_ORDER_DISPATCHED = 2,    /* departments at work */
	MEDIATE_ORDER_FINISHED = 3,      /* every department finished; awaiting the raiser */
	MEDIATE_ORDER_CLOSED = 4         /* confirmed and rated by the raising unit */
} mediate_order_state;

typedef enum mediate_task_state {
	MEDIATE_TASK_ASSIGNED = 1,
	MEDIATE_TASK_ACKNOWLEDGED = 2,
	MEDIATE_TASK_ON_SITE = 3,
	MEDIATE_TASK_FINISHED = 4,
	MEDIATE_TASK_RETURNED = 5,       /* 退单: waiting for the dispatcher */
	MEDIATE_TASK_REROUTED = 6        /* replaced by a task of another department */
} mediate_task_state;

typedef enum mediate_role {
	MEDIATE_ROLE_LEAD = 1,
	MEDIATE_ROLE_ASSIST = 2
} mediate_role;

typedef enum mediate_target {
	MEDIATE_TARGET_ACKNOWLEDGE = 1,
	MEDIATE_TARGET_CHECK_IN = 2,
	MEDIATE_TARGET_FINISH = 3
} mediate_target;

typedef enum mediate_escalation {
	MEDIATE_ESCALATE_REMINDER = 1,     /* 提醒 */
	MEDIATE_ESCALATE_SUPERVISION = 2,  /* 督办通知: also sets the order's supervision flag */
	MEDIATE_ESCALATE_REPORT_UP = 3     /* 上报: reported to the level above */
} mediate_escalation;

typedef enum mediate_return_reason {
	MEDIATE_RETURN_NOT_OUR_DUTY = 1,   /* 非本单位职责 */
	MEDIATE_RETURN_OUTSIDE_AREA = 2,   /* 不在辖区 */
	MEDIATE_RETURN_INSUFFICIENT = 3,   /* 信息不全 */
	MEDIATE_RETURN_DUPLICATE = 4       /* 重复派单 */
} mediate_return_reason;

typedef enum mediate_satisfaction {
	MEDIATE_SATISFIED = 1,             /* 满意 */
	MEDIATE_BASICALLY_SATISFIED = 2,   /* 基本满意 */
	MEDIATE_DISSATISFIED = 3           /* 不满意 */
} mediate_satisfaction;

typedef enum mediate_route_event_kind {
	MEDIATE_EVENT_WARNING = 1,         /* warn_percent of the target's time is used */
	MEDIATE_EVENT_BREACH = 2,          /* the target's deadline passed */
	MEDIATE_EVENT_ESCALATION = 3       /* a step of the escalation ladder */
} mediate_route_event_kind;

/* Names ("urgent", "on_site", ...) and their parsers. */
MEDIATE_EXTERN const char *mediate_urgency_name(mediate_urgency urgency);
MEDIATE_EXTERN mediate_status mediate_urgency_parse(mediate_urgency *out, const char *name);
MEDIATE_EXTERN const char *mediate_order_state_name(mediate_order_state state);
MEDIATE_EXTERN const char *mediate_task_state_name(mediate_task_state state);
MEDIATE_EXTERN const char *mediate_escalation_name(mediate_escalation step);
MEDIATE_EXTERN const char *mediate_return_reason_name(mediate_return_reason reason);
MEDIATE_EXTERN mediate_status mediate_return_reason_parse(mediate_return_reason *out, const char *name);
MEDIATE_EXTERN const char *mediate_satisfaction_name(mediate_satisfaction rating);
MEDIATE_EXTERN mediate_status mediate_satisfaction_parse(mediate_satisfaction *out, const char *name);

/* A whistle as the raising unit files it.  Strings are copied. */
typedef struct mediate_whistle {
	unsigned int version;        /* MEDIATE_WHISTLE_VERSION */
	const char *unit;            /* raising unit code (village, community, grid) */
	const char *raiser;          /* the person who raised it */
	const char *category;        /* category code of the policy taxonomy */
	mediate_urgency urgency;
	const char *place;           /* where, or NULL */
	const char *description;     /* what, or NULL */
	const char *case_id;         /* linked dispute case, or NULL */
	int64_t time;                /* when it was raised */
} mediate_whistle;
#define MEDIATE_WHISTLE_VERSION 1
#define MEDIATE_WHISTLE_INIT { MEDIATE_WHISTLE_VERSION, NULL, NULL, NULL, MEDIATE_URGENCY_NORMAL, NULL, NULL, NULL, 0 }

/*
 * Creates an engine on a policy (borrowed; it must have "sla" and may have
 * "routing") with the key of the audit chain: keylen from 16 to 64 bytes,
 * copied.  Free with mediate_route_free().
 */
MEDIATE_EXTERN mediate_status mediate_route_new(mediate_route **out, const mediate_policy *policy,
                                                const unsigned char *key, size_t keylen);
MEDIATE_EXTERN void mediate_route_free(mediate_route *route);

/* Raises a whistle: a new order in PENDING; *order receives its number (1, 2, ...). */
MEDIATE_EXTERN mediate_status mediate_route_whistle(uint64_t *order, mediate_route *route,
                                                    const mediate_whistle *whistle);
/*
 * Dispatches by the routing rules (first match wins).  MEDIATE_ENOTFOUND
 * when no rule matches: the order stays PENDING for manual dispatch.
 */
MEDIATE_EXTERN mediate_status mediate_route_dispatch_auto(mediate_route *route, uint64_t order, int64_t now,
                                                          const char *actor);
/* Dispatches by hand to a lead department and nassist assisting departments. */
MEDIATE_EXTERN mediate_status mediate_route_dispatch(mediate_route *route, uint64_t order, int64_t now,
                                                     const char *actor, const char *lead,
                                                     const char *const *assist, size_t nassist,
                                                     mediate_dispatch_level level);

/* Department steps; department is the unit code of the task's department. */
MEDIATE_EXTERN mediate_status mediate_route_acknowledge(mediate_route *route, uint64_t order,
                                                        const char *department, int64_t now, const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_check_in(mediate_route *route, uint64_t order,
                                                     const char *department, int64_t now, const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_progress(mediate_route *route, uint64_t order,
                                                     const char *department, int64_t now, const char *actor,
                                                     const char *note);
MEDIATE_EXTERN mediate_status mediate_route_finish(mediate_route *route, uint64_t order,
                                                   const char *department, int64_t now, const char *actor,
                                                   const char *result);
/* 退单: only before arriving on site, and never after a forced dispatch. */
MEDIATE_EXTERN mediate_status mediate_route_return(mediate_route *route, uint64_t order,
                                                   const char *department, int64_t now, const char *actor,
                                                   mediate_return_reason reason, const char *note);
/* The dispatcher sends a returned task to another department (new clocks). */
MEDIATE_EXTERN mediate_status mediate_route_reroute(mediate_route *route, uint64_t order,
                                                    const char *department, int64_t now, const char *actor,
                                                    const char *new_department);
/* The dispatcher's final decision: the returned task goes back, cannot be returned again. */
MEDIATE_EXTERN mediate_status mediate_route_force(mediate_route *route, uint64_t order,
                                                  const char *department, int64_t now, const char *actor,
                                                  const char *note);
/* Extension of the finish deadline by `minutes` (in the SLA's time). */
MEDIATE_EXTERN mediate_status mediate_route_extension_request(mediate_route *route, uint64_t order,
                                                              const char *department, int64_t now,
                                                              const char *actor, int64_t minutes,
                                                              const char *reason);
MEDIATE_EXTERN mediate_status mediate_route_extension_decide(mediate_route *route, uint64_t order,
                                                             const char *department, int64_t now,
                                                             const char *actor, int approve, const char *note);
/* Stops and restarts the task's clocks while waiting on the raiser. */
MEDIATE_EXTERN mediate_status mediate_route_pause(mediate_route *route, uint64_t order, const char *department,
                                                  int64_t now, const char *actor, const char *reason);
MEDIATE_EXTERN mediate_status mediate_route_resume(mediate_route *route, uint64_t order,
                                                   const char *department, int64_t now, const char *actor);

/* Closing the loop (the raising unit). */
MEDIATE_EXTERN mediate_status mediate_route_rate(mediate_route *route, uint64_t order, const char *department,
                                                 int64_t now, const char *actor, mediate_satisfaction rating);
MEDIATE_EXTERN mediate_status mediate_route_confirm(mediate_route *route, uint64_t order, int64_t now,
                                                    const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_reopen(mediate_route *route, uint64_t order, int64_t now,
                                                   const char *actor, const char *reason);
/* 督办 flag on or off (the dispatcher). */
MEDIATE_EXTERN mediate_status mediate_route_supervise(mediate_route *route, uint64_t order, int64_t now,
                                                      const char *actor, int on);
/* New category and urgency: SLA re-picked, pause ledger and extensions kept. */
MEDIATE_EXTERN mediate_status mediate_route_recategorize(mediate_route *route, uint64_t order, int64_t now,
                                                         const char *actor, const char *category,
                                                         mediate_urgency urgency);

/* ---- timers ---- */

typedef struct mediate_route_event {
	mediate_route_event_kind kind;
	uint64_t order;
	const char *department;      /* borrowed from the policy */
	mediate_target target;
	mediate_escalation step;     /* for MEDIATE_EVENT_ESCALATION, else 0 */
	int64_t due;                 /* the instant it fell due (<= now) */
} mediate_route_event;

/*
 * Hands back the events due at or before now, earliest first (ties in the
 * order their timers were set), at most cap of them; *count receives how
 * many.  Events not returned stay due for the next call.  now must not go
 * backwards.
 */
MEDIATE_EXTERN mediate_status mediate_route_tick(mediate_route *route, int64_t now, mediate_route_event *events,
                                                 size_t cap, size_t *count);

/* ---- queries ---- */

typedef struct mediate_order_info {
	unsigned int version;             /* set by the caller: MEDIATE_ORDER_INFO_VERSION */
	mediate_order_state state;
	const char *unit;                 /* raising unit code */
	const char *raiser;
	const char *category;
	mediate_urgency urgency;
	const char *place;
	const char *description;
	const char *case_id;              /* or NULL */
	int64_t raised;
	mediate_dispatch_level level;     /* 0 before dispatch */
	int supervised;                   /* 督办 */
	unsigned reopened;                /* times reopened */
	size_t task_count;                /* including returned and rerouted tasks */
} mediate_order_info;
#define MEDIATE_ORDER_INFO_VERSION 1

typedef struct mediate_task_info {
	unsigned int version;             /* set by the caller: MEDIATE_TASK_INFO_VERSION */
	const char *department;
	mediate_role role;
	mediate_task_state state;
	int forced;                       /* dispatched by a final decision */
	int paused;
	int extension_pending;
	int64_t extended_minutes;         /* approved extensions */
	int64_t started;                  /* start of the current clocks */
	int64_t due[3];                   /* acknowledge, check in, finish: deadline, or 0 once met
	                                     or while paused */
	int64_t done[3];                  /* when each was met, or 0 */
	mediate_satisfaction rating;      /* 0 until rated */
} mediate_task_info;
#define MEDIATE_TASK_INFO_VERSION 1

/* Strings in the infos are borrowed from the engine or the policy. */
MEDIATE_EXTERN uint64_t mediate_route_order_count(const mediate_route *route);
MEDIATE_EXTERN mediate_status mediate_route_order_info(mediate_order_info *out, const mediate_route *route,
                                                       uint64_t order);
MEDIATE_EXTERN mediate_status mediate_route_task_info(mediate_task_info *out, const mediate_route *route,
                                                      uint64_t order, size_t index);

/* ---- audit trail ---- */

#define MEDIATE_AUDIT_HASH_BYTES 32

/* One entry.  Strings are borrowed from the engine ("" when empty, never NULL). */
typedef struct mediate_audit_entry {
	uint64_t seq;                     /* 1, 2, ... */
	int64_t time;
	uint64_t order;
	const char *actor;
	const char *unit;                 /* unit that acted */
	const char *department;           /* department task concerned, or "" */
	const char *action;               /* "whistle", "dispatch", "acknowledge", ... */
	const char *from;                 /* state before ("" for none) */
	const char *to;                   /* state after */
	const char *details;
	int64_t due;                      /* deadline of the step at that time, or 0 */
	unsigned char hash[MEDIATE_AUDIT_HASH_BYTES];
} mediate_audit_entry;

MEDIATE_EXTERN size_t mediate_route_audit_count(const mediate_route *route);
MEDIATE_EXTERN const mediate_audit_entry *mediate_route_audit_at(const mediate_route *route, size_t index);
/* The hash of the last entry (all zero for an empty trail): store it apart. */
MEDIATE_EXTERN mediate_status mediate_route_audit_head(unsigned char head[MEDIATE_AUDIT_HASH_BYTES],
                                                       const mediate_route *route);
/*
 * Verifies a trail: each hash over the entry and its predecessor's hash,
 * consecutive sequence numbers from 1, and the last hash equal to
 * expected_head.
 * MEDIATE_ETAMPER on any difference, with *bad (if not NULL) set to the
 * index of the first entry that fails (n when the trail was truncated).
 */
MEDIATE_EXTERN mediate_status mediate_audit_verify(size_t *bad, const mediate_audit_entry *entries, size_t n,
                                                   const unsigned char expected_head[MEDIATE_AUDIT_HASH_BYTES],
                                                   const unsigned char *key, size_t keylen);

/* ---- metrics ---- */

typedef struct mediate_route_metrics {
	unsigned int version;             /* set by the caller: MEDIATE_ROUTE_METRICS_VERSION */
	size_t dispatched;                /* tasks dispatched */
	size_t acknowledged, acknowledged_in_time;
	size_t finished, finished_in_time;
	/* Deadline passed in the period and not met by its end (or by now). */
	size_t acknowledge_missed, finish_missed;
	size_t rated, satisfied, basically_satisfied, dissatisfied;
	size_t returns, extensions_requested, extensions_approved, escalations, reopens;
	double response_rate;             /* acknowledged_in_time / (acknowledged + acknowledge_missed), or 0 */
	double resolution_rate;           /* finished_in_time / (finished + finish_missed), or 0 */
	double satisfaction_rate;         /* (satisfied + basically) / rated, or 0 */
} mediate_route_metrics;
#define MEDIATE_ROUTE_METRICS_VERSION 1

/* From the audit trail: entries with from <= time < to, one department or all (NULL). */
MEDIATE_EXTERN mediate_status mediate_route_metrics_get(mediate_route_metrics *out, const mediate_route *route,
                                                        const char *department, int64_t from, int64_t to);
/* Whistles raised by unit or any unit below it in [from, to). */
MEDIATE_EXTERN mediate_status mediate_route_whistle_count(size_t *out, const mediate_route *route,
                                                          const char *unit, int64_t from, int64_t to);

MEDIATE_END_DECLS

#endif /* MEDIATE_ROUTE_H */
