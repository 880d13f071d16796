/* SPDX-License-Identifier: MIT */
/*
 * The whistle -> dispatch -> report engine.
 *
 * Orders and their department tasks live in two arrays; a task's index is
 * also its id in the timer queue, where each task has at most one timer:
 * the next event among its three clocks (acknowledge, check in, finish),
 * each of which goes through the stages warning -> breach -> the escalation
 * ladder.  A clock is measured in the SLA's time (working seconds of a
 * calendar, or plain seconds) from the task's start, minus the pauses in
 * its ledger, plus the approved extensions for the finish clock; so every
 * deadline can be recomputed at any time from the ledger alone, which is
 * what makes a change of category or SLA keep the pauses.
 *
 * Every public operation first checks everything and reserves every byte
 * it will need (audit entries, tasks, timer slots, ledger space), and only
 * then changes state: a failed call changes nothing.
 */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "route_priv.h"

#define OPEN INT64_MAX        /* end of a pause still running; "no deadline" */
#define MAX_ASSIST 32

typedef struct pause_span {
	int64_t a, b;
} pause_span;

typedef struct task {
	uint32_t order;                 /* index into orders */
	const mediate_unit *dept;
	unsigned char role, state, forced, paused, ext_pending, rating;
	unsigned char stage[MI_NTGT];   /* next event of each clock: 0 warning, 1 breach, 2+k ladder step k */
	unsigned char next_tgt;         /* the clock of the queued timer (set by reschedule) */
	int64_t start;
	int64_t done[MI_NTGT];          /* when met, 0 if not */
	int64_t ext_secs, ext_req_secs;
	size_t npause, cappause;
	pause_span *pauses;
} task;

typedef struct order {
	const mediate_unit *unit;
	const mediate_category *category;
	mediate_urgency urgency;
	const mi_sla_rule *sla;
	char *raiser, *place, *description, *case_id;
	int64_t raised;
	unsigned char state, supervised, level;
	unsigned reopened;
	size_t ntasks, captasks;
	uint32_t *tasks;
} order;

struct mediate_route {
	const mediate_policy *policy;
	unsigned char key[64];
	size_t keylen;
	order *orders;
	size_t norders, caporders;
	task *tasks;
	size_t ntasks, captasks;
	mi_timerq q;
	int64_t now;
	int started;
	mediate_audit_entry *audit;
	size_t naudit, capaudit;
	unsigned char head[MI_HASH_BYTES];
};

/* ---- a transaction: the audit entries an operation will append ---- */

typedef struct txn {
	mediate_audit_entry e[MAX_ASSIST + 4];
	size_t n;
	int failed;
} txn;

static void
tx_init(txn *t)
{
	t->n = 0;
	t->failed = 0;
}

/* actor and details share one allocation, owned by the entry through actor. */
static void
tx_add(txn *t, uint64_t order_no, const char *actor, const char *unit, const mediate_unit *dept,
       const char *action, const char *from, const char *to, int64_t due, const char *fmt, ...)
{
	mediate_audit_entry *e;
	char details[1024];
	size_t la, ld;
	char *buf;
	va_list ap;

	if (t->failed)
		return;
	if (t->n == sizeof t->e / sizeof t->e[0]) {
		t->failed = MEDIATE_EINTERNAL;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(details, sizeof details, fmt, ap);
	va_end(ap);
	la = strlen(actor);
	ld = strlen(details);
	if ((buf = mi_malloc(la + ld + 2)) == NULL) {
		t->failed = MEDIATE_ENOMEM;
		return;
	}
	memcpy(buf, actor, la + 1);
	memcpy(buf + la + 1, details, ld + 1);
	e = &t->e[t->n++];
	memset(e, 0, sizeof *e);
	e->order = order_no;
	e->actor = buf;
	e->details = buf + la + 1;
	e->unit = unit != NULL ? unit : "";
	e->department = dept != NULL ? dept->code : "";
	e->action = action;
	e->from = from != NULL ? from : "";
	e->to = to != NULL ? to : "";
	e->due = due == OPEN ? 0 : due;
}

static void
tx_abort(txn *t)
{
	size_t i;
	for (i = 0; i < t->n; i++)
		mi_free((void *)t->e[i].actor);
	t->n = 0;
}

/* Makes room for the entries; on failure frees them and returns the code. */
static int
tx_reserve(mediate_route *r, txn *t)
{
	if (t->failed) {
		int rc = t->failed;
		tx_abort(t);
		return t->failed == MEDIATE_ENOMEM ? mi_nomem() : mi_err(rc, "audit: too many entries in one step");
	}
	if (r->naudit + t->n > r->capaudit) {
		size_t nc = r->capaudit ? r->capaudit * 2 : 64;
		mediate_audit_entry *na;
		while (nc < r->naudit + t->n)
			nc *= 2;
		if ((na = mi_reallocarray(r->audit, nc, sizeof *na)) == NULL) {
			tx_abort(t);
			return mi_nomem();
		}
		r->audit = na;
		r->capaudit = nc;
	}
	return 0;
}

/* Appends the reserved entries: cannot fail. */
static void
tx_commit(mediate_route *r, txn *t, int64_t now)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		mediate_audit_entry *e = &r->audit[r->naudit];
		*e = t->e[i];
		e->seq = (uint64_t)r->naudit + 1;
		e->time = now;
		mi_audit_hash(e->hash, e, r->head, r->key, r->keylen);
		memcpy(r->head, e->hash, MI_HASH_BYTES);
		r->naudit++;
	}
	t->n = 0;
	if (now > r->now)
		r->now = now;
	r->started = 1;
}

/* ---- clocks ---- */

static int64_t
mode_work(const mi_sla_rule *s, int64_t t)
{
	return s->calendar != NULL ? mi_cal_work(s->calendar, t) : t;
}

static int64_t
mode_add(const mi_sla_rule *s, int64_t t, int64_t secs)
{
	int64_t out;
	if (s->calendar != NULL) {
		if (mi_cal_add(s->calendar, t, secs, &out) != 0)
			return OPEN;
		return out;
	}
	if (t > OPEN - secs)
		return OPEN;
	return t + secs;
}

/* The instant at which `budget` seconds of the task's clock have run, or OPEN. */
static int64_t
clock_at(const task *t, const mi_sla_rule *s, int64_t budget)
{
	int64_t x = mode_add(s, t->start, budget);
	size_t i;
	for (i = 0; i < t->npause && x != OPEN; i++) {
		const pause_span *p = &t->pauses[i];
		if (p->a >= x)
			break;
		if (p->b == OPEN)
			return OPEN;
		x = mode_add(s, x, mode_work(s, p->b) - mode_work(s, p->a));
	}
	return x;
}

static int
target_active(const task *t, int tgt)
{
	switch (t->state) {
	case MEDIATE_TASK_ASSIGNED:
		return 1;
	case MEDIATE_TASK_ACKNOWLEDGED:
		return tgt != MI_TGT_ACK;
	case MEDIATE_TASK_ON_SITE:
		return tgt == MI_TGT_FINISH;
	default:
		return 0;
	}
}

static int64_t
budget_of(const task *t, const mi_sla_rule *s, int tgt)
{
	return s->target[tgt] + (tgt == MI_TGT_FINISH ? t->ext_secs : 0);
}

/* The instant of a stage of a clock, or OPEN when there is none. */
static int64_t
stage_at(const task *t, const mi_sla_rule *s, const mi_sla *sla, int tgt, unsigned stage)
{
	int64_t b = budget_of(t, s, tgt);
	if (stage == 0) {
		if (s->warn_percent == 0)
			return OPEN;
		return clock_at(t, s, b * s->warn_percent / 100);
	}
	if (stage == 1)
		return clock_at(t, s, b);
	if (stage - 2 >= sla->nladder)
		return OPEN;
	return clock_at(t, s, b + sla->ladder[stage - 2].minutes * 60 + sla->ladder[stage - 2].days * s->day_secs);
}

static unsigned
stage_of(const task *t, const mi_sla_rule *s, int tgt)
{
	/* Without a warning the first stage is the breach. */
	return t->stage[tgt] == 0 && s->warn_percent == 0 ? 1 : t->stage[tgt];
}

static int64_t
next_event(const mediate_route *r, const task *t, int *tgt_out)
{
	const order *o = &r->orders[t->order];
	int64_t best = OPEN;
	int tgt;
	if (t->paused)
		return OPEN;
	for (tgt = 0; tgt < MI_NTGT; tgt++) {
		int64_t x;
		if (!target_active(t, tgt))
			continue;
		x = stage_at(t, o->sla, r->policy->sla, tgt, stage_of(t, o->sla, tgt));
		if (x < best) {
			best = x;
			if (tgt_out != NULL)
				*tgt_out = tgt;
		}
	}
	return best;
}

/* Puts the task's timer where its next event is (timer slots are reserved). */
static void
reschedule(mediate_route *r, uint32_t id)
{
	int tgt = 0;
	int64_t due = next_event(r, &r->tasks[id], &tgt);
	r->tasks[id].next_tgt = (unsigned char)tgt;
	if (due == OPEN)
		mi_timerq_cancel(&r->q, id);
	else
		mi_timerq_set(&r->q, id, due);
}

static void
new_clocks(task *t, int64_t now)
{
	t->start = now;
	memset(t->stage, 0, sizeof t->stage);
	memset(t->done, 0, sizeof t->done);
	t->paused = 0;
	t->ext_pending = 0;
	t->ext_secs = t->ext_req_secs = 0;
	t->npause = 0;
	t->rating = 0;
}

static int64_t
deadline(const mediate_route *r, const task *t, int tgt)
{
	const order *o = &r->orders[t->order];
	return clock_at(t, o->sla, budget_of(t, o->sla, tgt));
}

/* A deadline as the audit trail records it: 0 when there is none. */
static int64_t
audit_due(const mediate_route *r, const task *t, int tgt)
{
	int64_t due = deadline(r, t, tgt);
	return due == OPEN ? 0 : due;
}

/* ---- lookups and checks ---- */

static int
check_str(const char *s, const char *what, int required)
{
	if (s == NULL)
		return required ? mi_err(MEDIATE_EINVAL, "route: %s is NULL", what) : 0;
	if (mediate_utf8_validate(s, strlen(s), NULL) != 0)
		return mi_err(MEDIATE_EUTF8, "route: %s is not valid UTF-8", what);
	if (required && *s == '\0')
		return mi_err(MEDIATE_EINVAL, "route: %s is empty", what);
	if (strlen(s) > 800)
		return mi_err(MEDIATE_ELIMIT, "route: %s is longer than 800 bytes", what);
	return 0;
}

static int
check_time(const mediate_route *r, int64_t now)
{
	if (now < -62135596800LL || now > 253402300799LL)
		return mi_err(MEDIATE_ERANGE, "route: time %lld is outside the years 0001-9999", (long long)now);
	if (r->started && now < r->now)
		return mi_err(MEDIATE_EINVAL, "route: time goes backwards (%lld is before the last event at %lld)",
		              (long long)now, (long long)r->now);
	return 0;
}

/* Common checks of every call on an order. */
static int
get_order(mediate_route *r, uint64_t no, int64_t now, const char *actor, order **out)
{
	int rc;
	if (r == NULL)
		return mi_err(MEDIATE_EINVAL, "route: NULL engine");
	if ((rc = check_str(actor, "actor", 1)) != 0 || (rc = check_time(r, now)) != 0)
		return rc;
	if (no == 0 || no > r->norders)
		return mi_err(MEDIATE_ENOTFOUND, "route: no order %llu", (unsigned long long)no);
	*out = &r->orders[no - 1];
	return 0;
}

static int
find_task(mediate_route *r, order *o, const char *dept, uint32_t *id)
{
	size_t i;
	if (dept == NULL)
		return mi_err(MEDIATE_EINVAL, "route: NULL department");
	for (i = 0; i < o->ntasks; i++) {
		task *t = &r->tasks[o->tasks[i]];
		if (t->state != MEDIATE_TASK_REROUTED && strcmp(t->dept->code, dept) == 0) {
			*id = o->tasks[i];
			return 0;
		}
	}
	return mi_err(MEDIATE_ENOTFOUND, "route: department \"%s\" has no task in this order", dept);
}

static int
get_task(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor, order **o, task **t)
{
	uint32_t id;
	int rc;
	if ((rc = get_order(r, no, now, actor, o)) != 0 || (rc = find_task(r, *o, dept, &id)) != 0)
		return rc;
	*t = &r->tasks[id];
	return 0;
}

static int
refuse(const char *what, const task *t)
{
	return mi_err(MEDIATE_ESTATE, "route: cannot %s: the task of %s is %s%s", what, t->dept->code,
	              mediate_task_state_name((mediate_task_state)t->state), t->paused ? " and paused" : "");
}

static int
lookup_department(const mediate_route *r, const char *code, const mediate_unit **out)
{
	const mediate_unit *u;
	if (code == NULL)
		return mi_err(MEDIATE_EINVAL, "route: NULL department");
	if ((u = mediate_policy_unit_find(r->policy, code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "route: no unit \"%s\" in the policy", code);
	switch (u->kind) {
	case MEDIATE_UNIT_DEPARTMENT:
	case MEDIATE_UNIT_ENTERPRISE:
	case MEDIATE_UNIT_POLICE_STATION:
	case MEDIATE_UNIT_COURT:
	case MEDIATE_UNIT_ASSOCIATION:
	case MEDIATE_UNIT_CENTRE:
		*out = u;
		return 0;
	default:
		return mi_err(MEDIATE_EINVAL, "route: unit \"%s\" is a %s, not a department", code,
		              mediate_unit_kind_name(u->kind));
	}
}

static const char *
centre_code(const mediate_route *r)
{
	return r->policy->routing != NULL && r->policy->routing->centre != NULL ? r->policy->routing->centre->code : "";
}

static const char *
tname(const task *t)
{
	return mediate_task_state_name((mediate_task_state)t->state);
}

static const char *
oname(const order *o)
{
	return mediate_order_state_name((mediate_order_state)o->state);
}

/* Room for n more tasks in the engine and in order o, and their timer slots. */
static int
reserve_tasks(mediate_route *r, order *o, size_t n)
{
	if (r->ntasks + n > UINT32_MAX)
		return mi_err(MEDIATE_ELIMIT, "route: too many tasks");
	if (r->ntasks + n > r->captasks) {
		size_t nc = r->captasks ? r->captasks * 2 : 64;
		task *nt;
		while (nc < r->ntasks + n)
			nc *= 2;
		if ((nt = mi_reallocarray(r->tasks, nc, sizeof *nt)) == NULL)
			return mi_nomem();
		r->tasks = nt;
		r->captasks = nc;
	}
	if (o->ntasks + n > o->captasks) {
		size_t nc = o->captasks ? o->captasks * 2 : 4;
		uint32_t *ni;
		while (nc < o->ntasks + n)
			nc *= 2;
		if ((ni = mi_reallocarray(o->tasks, nc, sizeof *ni)) == NULL)
			return mi_nomem();
		o->tasks = ni;
		o->captasks = nc;
	}
	if (mi_timerq_reserve(&r->q, r->ntasks + n) != 0)
		return mi_nomem();
	return 0;
}

static uint32_t
add_task(mediate_route *r, order *o, const mediate_unit *dept, mediate_role role, int64_t now)
{
	uint32_t id = (uint32_t)r->ntasks++;
	task *t = &r->tasks[id];
	memset(t, 0, sizeof *t);
	t->order = (uint32_t)(o - r->orders);
	t->dept = dept;
	t->role = (unsigned char)role;
	t->state = MEDIATE_TASK_ASSIGNED;
	new_clocks(t, now);
	o->tasks[o->ntasks++] = id;
	return id;
}

static uint64_t
order_no(const mediate_route *r, const order *o)
{
	return (uint64_t)(o - r->orders) + 1;
}

/* ---- engine ---- */

mediate_status
mediate_route_new(mediate_route **out, const mediate_policy *policy, const unsigned char *key, size_t keylen)
{
	mediate_route *r;
	if (out == NULL || policy == NULL || key == NULL)
		return mi_err(MEDIATE_EINVAL, "route new: NULL argument");
	if (keylen < crypto_generichash_KEYBYTES_MIN || keylen > crypto_generichash_KEYBYTES_MAX)
		return mi_err(MEDIATE_EINVAL, "route new: the audit key must have 16 to 64 bytes, not %zu", keylen);
	if (policy->sla == NULL)
		return mi_err(MEDIATE_EINVAL, "route new: the policy has no \"sla\" section");
	if (sodium_init() < 0)
		return mi_err(MEDIATE_EINTERNAL, "route new: libsodium failed to initialise");
	if ((r = mi_calloc(1, sizeof *r)) == NULL)
		return mi_nomem();
	r->policy = policy;
	memcpy(r->key, key, keylen);
	r->keylen = keylen;
	mi_timerq_init(&r->q);
	*out = r;
	return MEDIATE_OK;
}

void
mediate_route_free(mediate_route *r)
{
	size_t i;
	if (r == NULL)
		return;
	for (i = 0; i < r->norders; i++) {
		order *o = &r->orders[i];
		mi_free(o->raiser);
		mi_free(o->place);
		mi_free(o->description);
		mi_free(o->case_id);
		mi_free(o->tasks);
	}
	for (i = 0; i < r->ntasks; i++)
		mi_free(r->tasks[i].pauses);
	for (i = 0; i < r->naudit; i++)
		mi_free((void *)r->audit[i].actor);
	mi_free(r->orders);
	mi_free(r->tasks);
	mi_free(r->audit);
	mi_timerq_free(&r->q);
	sodium_memzero(r->key, sizeof r->key);
	mi_free(r);
}

mediate_status
mediate_route_whistle(uint64_t *out, mediate_route *r, const mediate_whistle *w)
{
	const mediate_unit *unit;
	const mediate_category *cat;
	order *o;
	txn tx;
	int rc;

	if (out == NULL || r == NULL || w == NULL)
		return mi_err(MEDIATE_EINVAL, "route whistle: NULL argument");
	if (w->version != MEDIATE_WHISTLE_VERSION)
		return mi_err(MEDIATE_EINVAL, "route whistle: version %u is not supported", w->version);
	if ((rc = check_str(w->unit, "the raising unit", 1)) != 0 || (rc = check_str(w->raiser, "the raiser", 1)) != 0 ||
	    (rc = check_str(w->category, "the category", 1)) != 0 || (rc = check_str(w->place, "the place", 0)) != 0 ||
	    (rc = check_str(w->description, "the description", 0)) != 0 ||
	    (rc = check_str(w->case_id, "the case id", 0)) != 0 || (rc = check_time(r, w->time)) != 0)
		return rc;
	if ((unit = mediate_policy_unit_find(r->policy, w->unit)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "route whistle: no unit \"%s\" in the policy", w->unit);
	if (unit->kind != MEDIATE_UNIT_VILLAGE && unit->kind != MEDIATE_UNIT_COMMUNITY && unit->kind != MEDIATE_UNIT_GRID)
		return mi_err(MEDIATE_EINVAL, "route whistle: \"%s\" is a %s; whistles come from villages, communities "
		              "and grids", w->unit, mediate_unit_kind_name(unit->kind));
	if ((cat = mediate_policy_category_find(r->policy, w->category)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "route whistle: no category \"%s\" in the policy", w->category);
	if (mediate_urgency_name(w->urgency) == NULL)
		return mi_err(MEDIATE_EINVAL, "route whistle: urgency %d is not valid", (int)w->urgency);
	if (r->norders == r->caporders) {
		size_t nc = r->caporders ? r->caporders * 2 : 64;
		order *no = mi_reallocarray(r->orders, nc, sizeof *no);
		if (no == NULL)
			return mi_nomem();
		r->orders = no;
		r->caporders = nc;
	}
	o = &r->orders[r->norders];
	memset(o, 0, sizeof *o);
	if ((o->raiser = mi_strdup(w->raiser)) == NULL ||
	    (w->place != NULL && (o->place = mi_strdup(w->place)) == NULL) ||
	    (w->description != NULL && (o->description = mi_strdup(w->description)) == NULL) ||
	    (w->case_id != NULL && (o->case_id = mi_strdup(w->case_id)) == NULL))
		goto nomem;
	tx_init(&tx);
	tx_add(&tx, r->norders + 1, w->raiser, unit->code, NULL, "whistle", "", "pending", 0, "%s %s at %s",
	       cat->code, mediate_urgency_name(w->urgency), w->place != NULL ? w->place : "");
	if (tx_reserve(r, &tx) != 0)
		goto nomem;
	o->unit = unit;
	o->category = cat;
	o->urgency = w->urgency;
	o->sla = mi_sla_match(r->policy, cat, w->urgency);
	o->raised = w->time;
	o->state = MEDIATE_ORDER_PENDING;
	r->norders++;
	tx_commit(r, &tx, w->time);
	*out = r->norders;
	return MEDIATE_OK;
nomem:
	mi_free(o->raiser);
	mi_free(o->place);
	mi_free(o->description);
	mi_free(o->case_id);
	return mi_nomem();
}

static int
do_dispatch(mediate_route *r, order *o, int64_t now, const char *actor, const mediate_unit *lead,
            const mediate_unit *const *assist, size_t nassist, mediate_dispatch_level level, const char *how)
{
	char list[600];
	size_t i, j, len = 0;
	txn tx;
	int rc;

	if (o->state != MEDIATE_ORDER_PENDING)
		return mi_err(MEDIATE_ESTATE, "route: cannot dispatch: order %llu is %s",
		              (unsigned long long)order_no(r, o), oname(o));
	if (nassist > MAX_ASSIST)
		return mi_err(MEDIATE_ELIMIT, "route: at most %d assisting departments", MAX_ASSIST);
	if (level != MEDIATE_LEVEL_TOWN && level != MEDIATE_LEVEL_COUNTY)
		return mi_err(MEDIATE_EINVAL, "route: dispatch level %d is not valid", (int)level);
	for (i = 0; i < nassist; i++) {
		if (assist[i] == lead)
			return mi_err(MEDIATE_EINVAL, "route: \"%s\" is both lead and assisting", lead->code);
		for (j = 0; j < i; j++)
			if (assist[j] == assist[i])
				return mi_err(MEDIATE_EINVAL, "route: \"%s\" is listed twice", assist[i]->code);
	}
	if (now < o->raised)
		return mi_err(MEDIATE_EINVAL, "route: dispatch before the whistle was raised");
	list[0] = '\0';
	for (i = 0; i < nassist && len + 40 < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "," : "", assist[i]->code);
	tx_init(&tx);
	tx_add(&tx, order_no(r, o), actor, centre_code(r), NULL, "dispatch", "pending", "dispatched", 0,
	       "%s lead=%s assist=%s level=%s", how, lead->code, list, level == MEDIATE_LEVEL_TOWN ? "town" : "county");
	/* The new tasks' entries carry the acknowledge deadline; it is computed below. */
	for (i = 0; i <= nassist; i++)
		tx_add(&tx, order_no(r, o), actor, centre_code(r), i == 0 ? lead : assist[i - 1], "assign", "",
		       "assigned", 0, "%s", i == 0 ? "lead" : "assist");
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	if ((rc = reserve_tasks(r, o, nassist + 1)) != 0) {
		tx_abort(&tx);
		return rc;
	}
	o->state = MEDIATE_ORDER_DISPATCHED;
	o->level = (unsigned char)level;
	for (i = 0; i <= nassist; i++) {
		uint32_t id = add_task(r, o, i == 0 ? lead : assist[i - 1], i == 0 ? MEDIATE_ROLE_LEAD : MEDIATE_ROLE_ASSIST,
		                       now);
		int64_t due = deadline(r, &r->tasks[id], MI_TGT_ACK);
		tx.e[i + 1].due = due == OPEN ? 0 : due;
		reschedule(r, id);
	}
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_dispatch(mediate_route *r, uint64_t no, int64_t now, const char *actor, const char *lead,
                       const char *const *assist, size_t nassist, mediate_dispatch_level level)
{
	const mediate_unit *units[MAX_ASSIST], *l;
	order *o;
	size_t i;
	int rc;

	if ((rc = get_order(r, no, now, actor, &o)) != 0)
		return rc;
	if (assist == NULL && nassist > 0)
		return mi_err(MEDIATE_EINVAL, "route dispatch: NULL list of assisting departments");
	if (nassist > MAX_ASSIST)
		return mi_err(MEDIATE_ELIMIT, "route dispatch: at most %d assisting departments", MAX_ASSIST);
	if ((rc = lookup_department(r, lead, &l)) != 0)
		return rc;
	for (i = 0; i < nassist; i++)
		if ((rc = lookup_department(r, assist[i], &units[i])) != 0)
			return rc;
	return do_dispatch(r, o, now, actor, l, units, nassist, level, "manual");
}

mediate_status
mediate_route_dispatch_auto(mediate_route *r, uint64_t no, int64_t now, const char *actor)
{
	const mi_route_rule *rule;
	char how[32];
	order *o;
	int rc;

	if ((rc = get_order(r, no, now, actor, &o)) != 0)
		return rc;
	if (o->state != MEDIATE_ORDER_PENDING)
		return mi_err(MEDIATE_ESTATE, "route: cannot dispatch: order %llu is %s", (unsigned long long)no, oname(o));
	if ((rule = mi_routing_match(r->policy, o->category, o->urgency, o->unit)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "route: no routing rule matches order %llu (%s, %s, from %s): dispatch "
		              "it by hand", (unsigned long long)no, o->category->code, mediate_urgency_name(o->urgency),
		              o->unit->code);
	snprintf(how, sizeof how, "rule=%zu", (size_t)(rule - r->policy->routing->rules));
	return do_dispatch(r, o, now, actor, rule->lead, rule->assist, rule->nassist, rule->level, how);
}

/* Marks the order finished when its last active task finished. */
static int
all_finished(const mediate_route *r, const order *o, const task *except)
{
	size_t i;
	for (i = 0; i < o->ntasks; i++) {
		const task *t = &r->tasks[o->tasks[i]];
		if (t == except || t->state == MEDIATE_TASK_REROUTED)
			continue;
		if (t->state != MEDIATE_TASK_FINISHED)
			return 0;
	}
	return 1;
}

/* One transition of a task: checks done by the caller; appends one entry. */
static int
task_step(mediate_route *r, order *o, task *t, int64_t now, const char *actor, const char *action,
          unsigned to_state, int tgt_met, const char *details)
{
	txn tx;
	int rc, completes = 0;
	int64_t due = tgt_met >= 0 ? deadline(r, t, tgt_met) : 0;
	uint32_t id = (uint32_t)(t - r->tasks);

	tx_init(&tx);
	tx_add(&tx, order_no(r, o), actor, t->dept->code, t->dept, action, tname(t),
	       mediate_task_state_name((mediate_task_state)to_state), due, "%s", details != NULL ? details : "");
	if (to_state == MEDIATE_TASK_FINISHED && all_finished(r, o, t)) {
		completes = 1;
		tx_add(&tx, order_no(r, o), actor, t->dept->code, NULL, "complete", oname(o), "finished", 0,
		       "every department finished");
	}
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->state = (unsigned char)to_state;
	if (tgt_met >= 0)
		t->done[tgt_met] = now;
	if (to_state == MEDIATE_TASK_FINISHED || to_state == MEDIATE_TASK_RETURNED)
		t->ext_pending = 0;   /* a request dies with the work it was for */
	if (completes)
		o->state = MEDIATE_ORDER_FINISHED;
	reschedule(r, id);
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_acknowledge(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor)
{
	order *o;
	task *t;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0)
		return rc;
	if (t->state != MEDIATE_TASK_ASSIGNED)
		return refuse("acknowledge", t);
	return task_step(r, o, t, now, actor, "acknowledge", MEDIATE_TASK_ACKNOWLEDGED, MI_TGT_ACK, "");
}

mediate_status
mediate_route_check_in(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor)
{
	order *o;
	task *t;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0)
		return rc;
	if (t->state != MEDIATE_TASK_ACKNOWLEDGED || t->paused)
		return refuse("check in", t);
	return task_step(r, o, t, now, actor, "check_in", MEDIATE_TASK_ON_SITE, MI_TGT_CHECKIN, "");
}

mediate_status
mediate_route_progress(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                       const char *note)
{
	order *o;
	task *t;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(note, "the note", 1)) != 0)
		return rc;
	if (t->state != MEDIATE_TASK_ACKNOWLEDGED && t->state != MEDIATE_TASK_ON_SITE)
		return refuse("report progress", t);
	return task_step(r, o, t, now, actor, "progress", t->state, -1, note);
}

mediate_status
mediate_route_finish(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                     const char *result)
{
	order *o;
	task *t;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(result, "the result", 1)) != 0)
		return rc;
	if (t->state != MEDIATE_TASK_ON_SITE || t->paused)
		return refuse("finish", t);
	return task_step(r, o, t, now, actor, "finish", MEDIATE_TASK_FINISHED, MI_TGT_FINISH, result);
}

mediate_status
mediate_route_return(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                     mediate_return_reason reason, const char *note)
{
	char details[900];
	order *o;
	task *t;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(note, "the note", 0)) != 0)
		return rc;
	if (mediate_return_reason_name(reason) == NULL)
		return mi_err(MEDIATE_EINVAL, "route return: reason %d is not valid", (int)reason);
	if ((t->state != MEDIATE_TASK_ASSIGNED && t->state != MEDIATE_TASK_ACKNOWLEDGED) || t->paused)
		return refuse("return the order", t);
	if (t->forced)
		return mi_err(MEDIATE_ESTATE, "route: cannot return: the dispatcher's final decision sent it to %s",
		              t->dept->code);
	snprintf(details, sizeof details, "%s%s%s", mediate_return_reason_name(reason), note ? ": " : "", note ? note : "");
	return task_step(r, o, t, now, actor, "return", MEDIATE_TASK_RETURNED, -1, details);
}

mediate_status
mediate_route_reroute(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                      const char *new_dept)
{
	const mediate_unit *nu;
	uint32_t id, other;
	order *o;
	task *t;
	txn tx;
	int rc;

	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = lookup_department(r, new_dept, &nu)) != 0)
		return rc;
	if (t->state != MEDIATE_TASK_RETURNED)
		return refuse("re-route", t);
	if (find_task(r, o, new_dept, &other) == 0)
		return mi_err(MEDIATE_EEXISTS, "route: \"%s\" already has a task in order %llu", new_dept,
		              (unsigned long long)no);
	mediate_error_clear();
	tx_init(&tx);
	tx_add(&tx, no, actor, centre_code(r), t->dept, "reroute", "returned", "rerouted", 0, "to %s", nu->code);
	tx_add(&tx, no, actor, centre_code(r), nu, "assign", "", "assigned", 0, "%s, re-routed from %s",
	       t->role == MEDIATE_ROLE_LEAD ? "lead" : "assist", t->dept->code);
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	{
		mediate_role role = (mediate_role)t->role;
		size_t tid = (size_t)(t - r->tasks);
		if ((rc = reserve_tasks(r, o, 1)) != 0) {
			tx_abort(&tx);
			return rc;
		}
		/* reserve_tasks may have moved the tasks: t is stale from here. */
		r->tasks[tid].state = MEDIATE_TASK_REROUTED;
		mi_timerq_cancel(&r->q, (uint32_t)tid);
		id = add_task(r, o, nu, role, now);
	}
	tx.e[1].due = audit_due(r, &r->tasks[id], MI_TGT_ACK);
	reschedule(r, id);
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_force(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                    const char *note)
{
	order *o;
	task *t;
	txn tx;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(note, "the note", 0)) != 0)
		return rc;
	if (t->state != MEDIATE_TASK_RETURNED)
		return refuse("force the order", t);
	tx_init(&tx);
	tx_add(&tx, no, actor, centre_code(r), t->dept, "force", "returned", "assigned", 0, "%s", note ? note : "");
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->state = MEDIATE_TASK_ASSIGNED;
	t->forced = 1;
	new_clocks(t, now);
	tx.e[0].due = audit_due(r, t, MI_TGT_ACK);
	reschedule(r, (uint32_t)(t - r->tasks));
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_extension_request(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                                int64_t minutes, const char *reason)
{
	order *o;
	task *t;
	txn tx;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(reason, "the reason", 1)) != 0)
		return rc;
	if (minutes <= 0 || minutes > 1000000)
		return mi_err(MEDIATE_EINVAL, "route extension: %lld minutes is out of range (1 to 1000000)",
		              (long long)minutes);
	if ((t->state != MEDIATE_TASK_ACKNOWLEDGED && t->state != MEDIATE_TASK_ON_SITE) || t->ext_pending)
		return t->ext_pending ? mi_err(MEDIATE_ESTATE, "route: an extension request of %s is already pending",
		                               t->dept->code)
		                      : refuse("request an extension", t);
	tx_init(&tx);
	tx_add(&tx, no, actor, t->dept->code, t->dept, "extension_request", tname(t), tname(t), deadline(r, t, MI_TGT_FINISH),
	       "%lld minutes: %s", (long long)minutes, reason);
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->ext_pending = 1;
	t->ext_req_secs = minutes * 60;
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_extension_decide(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                               int approve, const char *note)
{
	order *o;
	task *t;
	txn tx;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(note, "the note", 0)) != 0)
		return rc;
	if (!t->ext_pending)
		return mi_err(MEDIATE_ESTATE, "route: %s has no pending extension request", t->dept->code);
	tx_init(&tx);
	tx_add(&tx, no, actor, centre_code(r), t->dept, approve ? "extension_approve" : "extension_refuse", tname(t),
	       tname(t), 0, "%lld minutes%s%s", (long long)(t->ext_req_secs / 60), note ? ": " : "", note ? note : "");
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->ext_pending = 0;
	if (approve)
		t->ext_secs += t->ext_req_secs;
	t->ext_req_secs = 0;
	tx.e[0].due = audit_due(r, t, MI_TGT_FINISH);
	reschedule(r, (uint32_t)(t - r->tasks));
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_pause(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                    const char *reason)
{
	order *o;
	task *t;
	txn tx;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0 || (rc = check_str(reason, "the reason", 1)) != 0)
		return rc;
	if ((t->state != MEDIATE_TASK_ACKNOWLEDGED && t->state != MEDIATE_TASK_ON_SITE) || t->paused)
		return refuse("pause the clocks", t);
	if (now < t->start)
		return mi_err(MEDIATE_EINVAL, "route: pause before the clocks started");
	if (t->npause == t->cappause) {
		size_t nc = t->cappause ? t->cappause * 2 : 4;
		pause_span *np = mi_reallocarray(t->pauses, nc, sizeof *np);
		if (np == NULL)
			return mi_nomem();
		t->pauses = np;
		t->cappause = nc;
	}
	tx_init(&tx);
	tx_add(&tx, no, actor, t->dept->code, t->dept, "pause", tname(t), tname(t), 0, "%s", reason);
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->pauses[t->npause].a = now;
	t->pauses[t->npause].b = OPEN;
	t->npause++;
	t->paused = 1;
	reschedule(r, (uint32_t)(t - r->tasks));
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_resume(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor)
{
	order *o;
	task *t;
	txn tx;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0)
		return rc;
	if (!t->paused)
		return refuse("resume the clocks", t);
	tx_init(&tx);
	tx_add(&tx, no, actor, t->dept->code, t->dept, "resume", tname(t), tname(t), 0, "paused %lld s",
	       (long long)(now - t->pauses[t->npause - 1].a));
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->pauses[t->npause - 1].b = now;
	t->paused = 0;
	tx.e[0].due = audit_due(r, t, MI_TGT_FINISH);
	reschedule(r, (uint32_t)(t - r->tasks));
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_rate(mediate_route *r, uint64_t no, const char *dept, int64_t now, const char *actor,
                   mediate_satisfaction rating)
{
	order *o;
	task *t;
	txn tx;
	int rc;
	if ((rc = get_task(r, no, dept, now, actor, &o, &t)) != 0)
		return rc;
	if (mediate_satisfaction_name(rating) == NULL)
		return mi_err(MEDIATE_EINVAL, "route rate: rating %d is not valid", (int)rating);
	if (o->state != MEDIATE_ORDER_FINISHED || t->rating != 0)
		return mi_err(MEDIATE_ESTATE, "route: cannot rate %s: the order is %s%s", t->dept->code, oname(o),
		              t->rating ? " and the department is already rated" : "");
	tx_init(&tx);
	tx_add(&tx, no, actor, o->unit->code, t->dept, "rate", tname(t), tname(t), 0, "%s", mediate_satisfaction_name(rating));
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	t->rating = (unsigned char)rating;
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_confirm(mediate_route *r, uint64_t no, int64_t now, const char *actor)
{
	order *o;
	txn tx;
	size_t i;
	int rc;
	if ((rc = get_order(r, no, now, actor, &o)) != 0)
		return rc;
	if (o->state != MEDIATE_ORDER_FINISHED)
		return mi_err(MEDIATE_ESTATE, "route: cannot confirm: order %llu is %s", (unsigned long long)no, oname(o));
	for (i = 0; i < o->ntasks; i++) {
		const task *t = &r->tasks[o->tasks[i]];
		if (t->state == MEDIATE_TASK_FINISHED && t->rating == 0)
			return mi_err(MEDIATE_ESTATE, "route: cannot confirm: %s is not rated yet", t->dept->code);
	}
	tx_init(&tx);
	tx_add(&tx, no, actor, o->unit->code, NULL, "confirm", "finished", "closed", 0, "%s", "");
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	o->state = MEDIATE_ORDER_CLOSED;
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_reopen(mediate_route *r, uint64_t no, int64_t now, const char *actor, const char *reason)
{
	order *o;
	txn tx;
	size_t i;
	int rc;
	if ((rc = get_order(r, no, now, actor, &o)) != 0 || (rc = check_str(reason, "the reason", 1)) != 0)
		return rc;
	if (o->state != MEDIATE_ORDER_FINISHED)
		return mi_err(MEDIATE_ESTATE, "route: cannot reopen: order %llu is %s", (unsigned long long)no, oname(o));
	tx_init(&tx);
	tx_add(&tx, no, actor, o->unit->code, NULL, "reopen", "finished", "dispatched", 0, "%s", reason);
	for (i = 0; i < o->ntasks; i++) {
		task *t = &r->tasks[o->tasks[i]];
		if (t->state == MEDIATE_TASK_FINISHED)
			tx_add(&tx, no, actor, o->unit->code, t->dept, "redo", "finished", "assigned", 0, "%s", "reopened");
	}
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	o->state = MEDIATE_ORDER_DISPATCHED;
	o->reopened++;
	for (i = 0; i < o->ntasks; i++) {
		uint32_t id = o->tasks[i];
		task *t = &r->tasks[id];
		if (t->state != MEDIATE_TASK_FINISHED)
			continue;
		t->state = MEDIATE_TASK_ASSIGNED;
		new_clocks(t, now);
		reschedule(r, id);
	}
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_supervise(mediate_route *r, uint64_t no, int64_t now, const char *actor, int on)
{
	order *o;
	txn tx;
	int rc;
	if ((rc = get_order(r, no, now, actor, &o)) != 0)
		return rc;
	if (o->state == MEDIATE_ORDER_CLOSED || !o->supervised == !on)
		return mi_err(MEDIATE_ESTATE, "route: order %llu is %s and %s", (unsigned long long)no, oname(o),
		              o->supervised ? "supervised" : "not supervised");
	tx_init(&tx);
	tx_add(&tx, no, actor, centre_code(r), NULL, on ? "supervise" : "unsupervise", oname(o), oname(o), 0, "%s", "");
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	o->supervised = on ? 1 : 0;
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

mediate_status
mediate_route_recategorize(mediate_route *r, uint64_t no, int64_t now, const char *actor, const char *category,
                           mediate_urgency urgency)
{
	const mediate_category *cat;
	order *o;
	txn tx;
	size_t i;
	int rc;
	if ((rc = get_order(r, no, now, actor, &o)) != 0)
		return rc;
	if (category == NULL)
		return mi_err(MEDIATE_EINVAL, "route recategorize: NULL category");
	if ((cat = mediate_policy_category_find(r->policy, category)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "route recategorize: no category \"%s\" in the policy", category);
	if (mediate_urgency_name(urgency) == NULL)
		return mi_err(MEDIATE_EINVAL, "route recategorize: urgency %d is not valid", (int)urgency);
	if (o->state == MEDIATE_ORDER_CLOSED)
		return mi_err(MEDIATE_ESTATE, "route: cannot recategorize: order %llu is closed", (unsigned long long)no);
	tx_init(&tx);
	tx_add(&tx, no, actor, centre_code(r), NULL, "recategorize", oname(o), oname(o), 0, "%s %s -> %s %s",
	       o->category->code, mediate_urgency_name(o->urgency), cat->code, mediate_urgency_name(urgency));
	if ((rc = tx_reserve(r, &tx)) != 0)
		return rc;
	o->category = cat;
	o->urgency = urgency;
	o->sla = mi_sla_match(r->policy, cat, urgency);
	for (i = 0; i < o->ntasks; i++)
		reschedule(r, o->tasks[i]);
	tx_commit(r, &tx, now);
	return MEDIATE_OK;
}

/* ---- tick ---- */

mediate_status
mediate_route_tick(mediate_route *r, int64_t now, mediate_route_event *events, size_t cap, size_t *count)
{
	const mi_sla *sla;
	size_t n = 0;
	int rc;

	if (r == NULL || count == NULL || (events == NULL && cap > 0))
		return mi_err(MEDIATE_EINVAL, "route tick: NULL argument");
	if ((rc = check_time(r, now)) != 0)
		return rc;
	sla = r->policy->sla;
	while (n < cap) {
		const mi_timer *tm = mi_timerq_peek(&r->q);
		mediate_route_event *ev;
		uint32_t id;
		task *t;
		order *o;
		unsigned stage;
		int tgt = 0;
		int64_t due;
		if (tm == NULL || tm->due > now)
			break;
		id = tm->id;
		t = &r->tasks[id];
		o = &r->orders[t->order];
		/* The timer is where reschedule() put it: its clock and instant. */
		tgt = t->next_tgt;
		due = tm->due;
		stage = stage_of(t, o->sla, tgt);
		ev = &events[n];
		ev->order = (uint64_t)t->order + 1;
		ev->department = t->dept->code;
		ev->target = (mediate_target)(tgt + 1);
		ev->due = due;
		ev->step = 0;
		if (stage == 0)
			ev->kind = MEDIATE_EVENT_WARNING;
		else if (stage == 1)
			ev->kind = MEDIATE_EVENT_BREACH;
		else {
			txn tx;
			mediate_escalation step = sla->ladder[stage - 2].step;
			static const char *const tnames[] = { "acknowledge", "check_in", "finish" };
			ev->kind = MEDIATE_EVENT_ESCALATION;
			ev->step = step;
			tx_init(&tx);
			tx_add(&tx, ev->order, "system", centre_code(r), t->dept, "escalate", tname(t), tname(t), due, "%s %s",
			       mediate_escalation_name(step), tnames[tgt]);
			if ((rc = tx_reserve(r, &tx)) != 0) {
				if (n > 0)
					break;
				return rc;
			}
			if (step == MEDIATE_ESCALATE_SUPERVISION)
				o->supervised = 1;
			tx_commit(r, &tx, now);
		}
		t->stage[tgt] = (unsigned char)(stage + 1);
		reschedule(r, id);
		n++;
	}
	if (now > r->now)
		r->now = now;
	r->started = 1;
	*count = n;
	return MEDIATE_OK;
}

/* ---- queries ---- */

uint64_t
mediate_route_order_count(const mediate_route *r)
{
	return r != NULL ? r->norders : 0;
}

mediate_status
mediate_route_order_info(mediate_order_info *out, const mediate_route *r, uint64_t no)
{
	const order *o;
	if (out == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "route order info: NULL argument");
	if (out->version != MEDIATE_ORDER_INFO_VERSION)
		return mi_err(MEDIATE_EINVAL, "route order info: version %u is not supported", out->version);
	if (no == 0 || no > r->norders)
		return mi_err(MEDIATE_ENOTFOUND, "route: no order %llu", (unsigned long long)no);
	o = &r->orders[no - 1];
	out->state = (mediate_order_state)o->state;
	out->unit = o->unit->code;
	out->raiser = o->raiser;
	out->category = o->category->code;
	out->urgency = o->urgency;
	out->place = o->place;
	out->description = o->description;
	out->case_id = o->case_id;
	out->raised = o->raised;
	out->level = (mediate_dispatch_level)o->level;
	out->supervised = o->supervised;
	out->reopened = o->reopened;
	out->task_count = o->ntasks;
	return MEDIATE_OK;
}

mediate_status
mediate_route_task_info(mediate_task_info *out, const mediate_route *r, uint64_t no, size_t index)
{
	const order *o;
	const task *t;
	int i;
	if (out == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "route task info: NULL argument");
	if (out->version != MEDIATE_TASK_INFO_VERSION)
		return mi_err(MEDIATE_EINVAL, "route task info: version %u is not supported", out->version);
	if (no == 0 || no > r->norders)
		return mi_err(MEDIATE_ENOTFOUND, "route: no order %llu", (unsigned long long)no);
	o = &r->orders[no - 1];
	if (index >= o->ntasks)
		return mi_err(MEDIATE_ENOTFOUND, "route: order %llu has no task %zu", (unsigned long long)no, index);
	t = &r->tasks[o->tasks[index]];
	out->department = t->dept->code;
	out->role = (mediate_role)t->role;
	out->state = (mediate_task_state)t->state;
	out->forced = t->forced;
	out->paused = t->paused;
	out->extension_pending = t->ext_pending;
	out->extended_minutes = t->ext_secs / 60;
	out->started = t->start;
	for (i = 0; i < MI_NTGT; i++) {
		int64_t d = target_active(t, i) ? deadline(r, t, i) : OPEN;
		out->due[i] = d == OPEN ? 0 : d;
		out->done[i] = t->done[i];
	}
	out->rating = (mediate_satisfaction)t->rating;
	return MEDIATE_OK;
}

/* ---- audit ---- */

size_t
mediate_route_audit_count(const mediate_route *r)
{
	return r != NULL ? r->naudit : 0;
}

const mediate_audit_entry *
mediate_route_audit_at(const mediate_route *r, size_t i)
{
	if (r == NULL || i >= r->naudit)
		return NULL;
	return &r->audit[i];
}

mediate_status
mediate_route_audit_head(unsigned char head[MEDIATE_AUDIT_HASH_BYTES], const mediate_route *r)
{
	if (head == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "route audit head: NULL argument");
	memcpy(head, r->head, MI_HASH_BYTES);
	return MEDIATE_OK;
}

void
mi_route_swap(mediate_route *a, mediate_route *b)
{
	mediate_route t = *a;
	*a = *b;
	*b = t;
}

void
mi_route_clock(const mediate_route *r, int64_t *now, int *started)
{
	*now = r->now;
	*started = r->started;
}

void
mi_route_set_clock(mediate_route *r, int64_t now, int started)
{
	r->now = now;
	r->started = started;
}

/* ---- metrics ---- */

static double
ratio(size_t a, size_t b)
{
	return b > 0 ? (double)a / (double)b : 0.0;
}

mediate_status
mediate_route_metrics_get(mediate_route_metrics *out, const mediate_route *r, const char *dept, int64_t from,
                          int64_t to)
{
	mediate_route_metrics m;
	size_t i;
	if (out == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "route metrics: NULL argument");
	if (out->version != MEDIATE_ROUTE_METRICS_VERSION)
		return mi_err(MEDIATE_EINVAL, "route metrics: version %u is not supported", out->version);
	memset(&m, 0, sizeof m);
	m.version = MEDIATE_ROUTE_METRICS_VERSION;
	for (i = 0; i < r->naudit; i++) {
		const mediate_audit_entry *e = &r->audit[i];
		const char *a = e->action;
		if (e->time < from || e->time >= to)
			continue;
		if (dept != NULL && strcmp(e->department, dept) != 0)
			continue;
		if (strcmp(a, "assign") == 0)
			m.dispatched++;
		else if (strcmp(a, "acknowledge") == 0) {
			m.acknowledged++;
			m.acknowledged_in_time += e->due == 0 || e->time <= e->due;
		} else if (strcmp(a, "finish") == 0) {
			m.finished++;
			m.finished_in_time += e->due == 0 || e->time <= e->due;
		} else if (strcmp(a, "rate") == 0) {
			m.rated++;
			if (strcmp(e->details, "satisfied") == 0)
				m.satisfied++;
			else if (strcmp(e->details, "basically_satisfied") == 0)
				m.basically_satisfied++;
			else
				m.dissatisfied++;
		} else if (strcmp(a, "return") == 0)
			m.returns++;
		else if (strcmp(a, "extension_request") == 0)
			m.extensions_requested++;
		else if (strcmp(a, "extension_approve") == 0)
			m.extensions_approved++;
		else if (strcmp(a, "escalate") == 0)
			m.escalations++;
		else if (strcmp(a, dept != NULL ? "redo" : "reopen") == 0)
			m.reopens++;
	}
	/* Deadlines of the period not met in it: met after its end (the audit
	 * entry records the deadline), or not met yet although passed. */
	for (; i > 0; i--) {
		const mediate_audit_entry *e = &r->audit[i - 1];
		if (e->time < to)
			break;
		if (e->due == 0 || e->due < from || e->due >= to || (dept != NULL && strcmp(e->department, dept) != 0))
			continue;
		if (strcmp(e->action, "acknowledge") == 0)
			m.acknowledge_missed++;
		else if (strcmp(e->action, "finish") == 0)
			m.finish_missed++;
	}
	for (i = 0; i < r->ntasks; i++) {
		const task *t = &r->tasks[i];
		int64_t d;
		if (dept != NULL && strcmp(t->dept->code, dept) != 0)
			continue;
		if (target_active(t, MI_TGT_ACK) && (d = deadline(r, t, MI_TGT_ACK)) != OPEN && d >= from && d < to &&
		    d < r->now)
			m.acknowledge_missed++;
		if (target_active(t, MI_TGT_FINISH) && (d = deadline(r, t, MI_TGT_FINISH)) != OPEN && d >= from &&
		    d < to && d < r->now)
			m.finish_missed++;
	}
	m.response_rate = ratio(m.acknowledged_in_time, m.acknowledged + m.acknowledge_missed);
	m.resolution_rate = ratio(m.finished_in_time, m.finished + m.finish_missed);
	m.satisfaction_rate = ratio(m.satisfied + m.basically_satisfied, m.rated);
	*out = m;
	return MEDIATE_OK;
}

mediate_status
mediate_route_whistle_count(size_t *out, const mediate_route *r, const char *unit, int64_t from, int64_t to)
{
	const mediate_unit *u;
	size_t i, n = 0;
	if (out == NULL || r == NULL || unit == NULL)
		return mi_err(MEDIATE_EINVAL, "route whistle count: NULL argument");
	if ((u = mediate_policy_unit_find(r->policy, unit)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "route whistle count: no unit \"%s\" in the policy", unit);
	for (i = 0; i < r->norders; i++) {
		const order *o = &r->orders[i];
		if (o->raised >= from && o->raised < to && mediate_unit_is_within(o->unit, u))
			n++;
	}
	*out = n;
	return MEDIATE_OK;
}
