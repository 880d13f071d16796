/* SPDX-License-Identifier: MIT */
/*
 * Case module: the lifecycle of a case.
 *
 * Read top to bottom: the transition table, the timeline (events and the
 * pending-change helpers every mutating function uses), the lifecycle
 * actions (transitions, agreement, transfer, notes, outcomes), deadlines
 * and extensions, the timeline getters, and at the end the private helpers
 * the YAML importer uses (mi_case_push_event, mi_case_validate).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "case_priv.h"

/* ---- the transition table ---------------------------------------------- */

#define S(x) (1u << MEDIATE_CASE_##x)

/*
 * Allowed transitions: transitions[from] has bit `to` set.  This is the one
 * table; mediate_case_transition(3) prints it.  in_mediation from agreement
 * or follow_up is re-mediation.
 */
static const unsigned int transitions[MEDIATE_CASE_STATE_COUNT + 1] = {
	0,
	/* received     */ S(ASSESSED) | S(WITHDRAWN) | S(TRANSFERRED),
	/* assessed     */ S(ASSIGNED) | S(WITHDRAWN) | S(TRANSFERRED),
	/* assigned     */ S(IN_MEDIATION) | S(WITHDRAWN) | S(TRANSFERRED),
	/* in_mediation */ S(AGREEMENT) | S(FAILED) | S(WITHDRAWN) | S(TRANSFERRED),
	/* agreement    */ S(FOLLOW_UP) | S(CLOSED) | S(IN_MEDIATION) | S(TRANSFERRED),
	/* failed       */ S(TRANSFERRED) | S(CLOSED),
	/* withdrawn    */ S(CLOSED),
	/* transferred  */ S(CLOSED),
	/* follow_up    */ S(CLOSED) | S(IN_MEDIATION) | S(TRANSFERRED),
	/* closed       */ 0
};

static int
state_ok(int s)
{
	return s >= MEDIATE_CASE_RECEIVED && s <= MEDIATE_CASE_CLOSED;
}

int
mediate_case_transition_allowed(mediate_case_state from, mediate_case_state to)
{
	if (!state_ok((int)from) || !state_ok((int)to))
		return 0;
	return (transitions[from] & (1u << to)) != 0;
}

/* ---- the timeline ------------------------------------------------------- */

void
mi_case_event_free(mediate_case_event *e)
{
	if (e == NULL)
		return;
	mi_free(e->actor);
	mi_free(e->unit);
	mi_free(e->details);
	mi_free(e);
}

mediate_case_event *
mi_case_event_make(int64_t at, const char *actor, const char *unit, mediate_case_event_kind kind,
           mediate_case_state from, mediate_case_state to, const char *details)
{
	mediate_case_event *e = mi_calloc(1, sizeof(*e));
	if (e == NULL)
		goto nomem;
	e->at = at;
	e->kind = kind;
	e->from = from;
	e->to = to;
	if ((e->actor = mi_strdup(actor)) == NULL || (e->unit = mi_strdup(unit)) == NULL)
		goto nomem;
	if (details != NULL && (e->details = mi_strdup(details)) == NULL)
		goto nomem;
	return e;
nomem:
	mi_case_event_free(e);
	mi_nomem();
	return NULL;
}

/* Makes room for n more events. */
int
mi_case_events_reserve(mediate_case *c, size_t n)
{
	mediate_case_event **a;
	size_t cap;
	if (c->event_count + n > MEDIATE_CASE_MAX_EVENTS)
		return mi_err(MEDIATE_ELIMIT, "a case's timeline holds at most %u events",
		              MEDIATE_CASE_MAX_EVENTS);
	if (c->event_count + n <= c->event_cap)
		return 0;
	cap = c->event_cap ? c->event_cap * 2 : 16;
	while (cap < c->event_count + n)
		cap *= 2;
	a = mi_reallocarray(c->events, cap, sizeof(*a));
	if (a == NULL)
		return mi_nomem();
	c->events = a;
	c->event_cap = cap;
	return 0;
}

static int64_t
last_event_time(const mediate_case *c)
{
	return c->event_count ? c->events[c->event_count - 1]->at : INT64_MIN;
}

/*
 * Checks an actor, the actor's unit and the time of an action: the time
 * must be representable and not before the last event.
 */
int
mi_case_check_action(const mediate_case *c, int64_t at, const char *actor, const char *actor_unit)
{
	mediate_civil cv;
	int rc;
	if ((rc = mi_case_check_actor_text(actor)) != 0)
		return rc;
	if (actor_unit == NULL)
		return mi_err(MEDIATE_EINVAL, "actor unit: NULL");
	if (mediate_policy_unit_find(c->policy, actor_unit) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "unknown org unit \"%.64s\" of the actor", actor_unit);
	if (mediate_time_to_civil(&cv, at, c->offset) != 0)
		return mi_err(MEDIATE_ERANGE, "time %lld is outside years 1-9999", (long long)at);
	if (c->event_count && at < last_event_time(c)) {
		char a[MEDIATE_TIME_BUFSIZE], b[MEDIATE_TIME_BUFSIZE];
		mediate_time_format(a, sizeof(a), at, c->offset);
		mediate_time_format(b, sizeof(b), last_event_time(c), c->offset);
		return mi_err(MEDIATE_ERANGE, "time goes backwards: %s is before the last event at %s", a, b);
	}
	return 0;
}

int
mi_case_pending_add(mi_case_pending *p, int64_t at, const char *actor, const char *unit, mediate_case_event_kind kind,
            mediate_case_state from, mediate_case_state to, const char *details)
{
	mediate_case_event *e = mi_case_event_make(at, actor, unit, kind, from, to, details);
	if (e == NULL)
		return MEDIATE_ENOMEM;
	p->ev[p->n++] = e;
	return 0;
}

void
mi_case_pending_discard(mi_case_pending *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		mi_case_event_free(p->ev[i]);
	p->n = 0;
}

void
mi_case_pending_commit(mediate_case *c, mi_case_pending *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		c->events[c->event_count++] = p->ev[i];
	p->n = 0;
}

/* One event for the action; on failure nothing is left allocated. */
int
mi_case_pending_one(mediate_case *c, mi_case_pending *p, int64_t at, const char *actor, const char *unit,
            mediate_case_event_kind kind, const char *details)
{
	int rc;
	p->n = 0;
	if ((rc = mi_case_events_reserve(c, 1)) != 0)
		return rc;
	return mi_case_pending_add(p, at, actor, unit, kind, c->state, c->state, details);
}

/* "prefix: details" or "prefix" (for event details); NULL on ENOMEM. */
char *
mi_case_join_details(const char *prefix, const char *details)
{
	mi_buf b = { 0 };
	mi_buf_puts(&b, prefix);
	if (details != NULL) {
		mi_buf_puts(&b, ": ");
		mi_buf_puts(&b, details);
	}
	if (b.failed || b.data == NULL) {
		mi_buf_free(&b);
		mi_nomem();
		return NULL;
	}
	return b.data;
}

/* ---- lifecycle ---------------------------------------------------------- */

int
mi_case_nonagent_party_count(const mediate_case *c)
{
	size_t i;
	int n = 0;
	for (i = 0; i < c->party_count; i++)
		if (c->parties[i]->role != MEDIATE_PARTY_AGENT)
			n++;
	return n;
}

/* The checks of the table and of the data a target state needs. */
static int
check_transition(const mediate_case *c, mediate_case_state to)
{
	const char *from_name = mediate_case_state_name(c->state), *to_name = mediate_case_state_name(to);
	const mediate_agreement *a = c->agreement;
	if (!mediate_case_transition_allowed(c->state, to))
		return mi_err(MEDIATE_ESTATE, "a case cannot go from %s to %s", from_name, to_name);
	if (a != NULL && a->confirmation == MEDIATE_CONFIRMATION_INVALID &&
	    to != MEDIATE_CASE_IN_MEDIATION && to != MEDIATE_CASE_TRANSFERRED)
		return mi_err(MEDIATE_ESTATE, "the court found the agreement invalid: re-mediation "
		              "(in_mediation) or transfer to litigation, not %s", to_name);
	if (to == MEDIATE_CASE_IN_MEDIATION && a != NULL && a->confirmation == MEDIATE_CONFIRMATION_VALID)
		return mi_err(MEDIATE_ESTATE, "the agreement was judicially confirmed: it is enforced "
		              "by the court, not mediated again");
	if ((to == MEDIATE_CASE_ASSIGNED || to == MEDIATE_CASE_IN_MEDIATION) && mi_case_lead_mediator(c) == NULL)
		return mi_err(MEDIATE_ESTATE, "%s needs a lead mediator", to_name);
	if (to == MEDIATE_CASE_IN_MEDIATION) {
		if (c->mode == 0)
			return mi_err(MEDIATE_ESTATE, "in_mediation needs a mediation mode");
		if (c->mode == MEDIATE_MODE_JOINT && c->joint_body_count == 0)
			return mi_err(MEDIATE_ESTATE, "joint mediation needs at least one joint body");
	}
	if ((to == MEDIATE_CASE_FOLLOW_UP || to == MEDIATE_CASE_CLOSED) &&
	    c->outcome == MEDIATE_OUTCOME_AGREEMENT && c->agreement_form == MEDIATE_AGREEMENT_WRITTEN &&
	    (a == NULL || !a->effective))
		return mi_err(MEDIATE_ESTATE, "the written agreement has not taken effect (not every "
		              "party and the mediator signed)");
	return 0;
}

/*
 * The one place the state changes.  form / tkind / body are used for
 * agreement and transferred.
 */
static int
do_transition(mediate_case *c, mediate_case_state to, int64_t at, const char *actor,
              const char *actor_unit, const char *details, mediate_agreement_form form,
              mediate_transfer_kind tkind, const char *body)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
	char *body_copy = NULL;
	mediate_case_state from;
	int rc;

	if ((rc = mi_case_check_details(details)) != 0)
		return rc;
	if ((rc = check_transition(c, to)) != 0)
		return rc;
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if (body != NULL && (body_copy = mi_strdup(body)) == NULL)
		return mi_nomem();
	from = c->state;
	if ((rc = mi_case_events_reserve(c, 1)) != 0 ||
	    (rc = mi_case_pending_add(&p, at, actor, actor_unit, MEDIATE_EVENT_TRANSITION, from, to, details)) != 0) {
		mi_free(body_copy);
		return rc;
	}

	/* Nothing below can fail. */
	switch (to) {
	case MEDIATE_CASE_ASSESSED:
		c->accepted = 1;
		c->accepted_at = at;
		break;
	case MEDIATE_CASE_IN_MEDIATION:
		if (from == MEDIATE_CASE_AGREEMENT || from == MEDIATE_CASE_FOLLOW_UP) {
			/* Re-mediation: a new round; the old agreement lives on in the timeline. */
			mi_case_agreement_free(c->agreement);
			c->agreement = NULL;
			c->outcome = MEDIATE_OUTCOME_NONE;
			c->agreement_form = (mediate_agreement_form)0;
			c->has_followup_due = 0;
			c->remediations++;
			c->accepted_at = at;
		}
		break;
	case MEDIATE_CASE_AGREEMENT:
		c->outcome = MEDIATE_OUTCOME_AGREEMENT;
		c->agreement_form = form;
		break;
	case MEDIATE_CASE_FAILED:
		c->outcome = MEDIATE_OUTCOME_FAILED;
		break;
	case MEDIATE_CASE_WITHDRAWN:
		c->outcome = MEDIATE_OUTCOME_WITHDRAWN;
		break;
	case MEDIATE_CASE_TRANSFERRED:
		c->outcome = MEDIATE_OUTCOME_TRANSFERRED;
		c->agreement_form = (mediate_agreement_form)0;
		c->transfer_kind = tkind;
		mi_free(c->transfer_body);
		c->transfer_body = body_copy;
		body_copy = NULL;
		c->has_followup_due = 0;
		break;
	case MEDIATE_CASE_CLOSED:
		c->has_followup_due = 0;
		break;
	default:
		break;
	}
	mi_free(body_copy);
	c->state = to;
	mi_case_pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_transition(mediate_case *c, mediate_case_state to, int64_t at, const char *actor,
                        const char *actor_unit, const char *details)
{
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "transition: NULL case");
	if (!state_ok((int)to))
		return mi_err(MEDIATE_EINVAL, "transition: unknown state %d", (int)to);
	if ((to == MEDIATE_CASE_AGREEMENT || to == MEDIATE_CASE_TRANSFERRED) &&
	    mediate_case_transition_allowed(c->state, to))
		return mi_err(MEDIATE_EINVAL, "use mediate_case_%s() to move a case to %s",
		              to == MEDIATE_CASE_AGREEMENT ? "reach_agreement" : "transfer",
		              mediate_case_state_name(to));
	return do_transition(c, to, at, actor, actor_unit, details, (mediate_agreement_form)0,
	                     (mediate_transfer_kind)0, NULL);
}

mediate_status
mediate_case_reach_agreement(mediate_case *c, mediate_agreement_form form, int64_t at, const char *actor,
                             const char *actor_unit, const char *details)
{
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "reach agreement: NULL case");
	if (mediate_agreement_form_name(form) == NULL)
		return mi_err(MEDIATE_EINVAL, "reach agreement: unknown form %d", (int)form);
	return do_transition(c, MEDIATE_CASE_AGREEMENT, at, actor, actor_unit, details, form,
	                     (mediate_transfer_kind)0, NULL);
}

mediate_status
mediate_case_transfer(mediate_case *c, mediate_transfer_kind kind, const char *body, int64_t at,
                      const char *actor, const char *actor_unit, const char *details)
{
	int rc;
	if (c == NULL || body == NULL)
		return mi_err(MEDIATE_EINVAL, "transfer: NULL argument");
	if (mediate_transfer_kind_name(kind) == NULL)
		return mi_err(MEDIATE_EINVAL, "transfer: unknown kind %d", (int)kind);
	if ((rc = mi_case_check_name("receiving body", body)) != 0)
		return rc;
	return do_transition(c, MEDIATE_CASE_TRANSFERRED, at, actor, actor_unit, details,
	                     (mediate_agreement_form)0, kind, body);
}

mediate_status
mediate_case_add_note(mediate_case *c, int64_t at, const char *actor, const char *actor_unit,
                      const char *text)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL || text == NULL)
		return mi_err(MEDIATE_EINVAL, "add note: NULL argument");
	if ((rc = mi_case_check_text("note", text)) != 0)
		return rc;
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_NOTE, text)) != 0)
		return rc;
	mi_case_pending_commit(c, &p);
	return 0;
}

mediate_case_outcome
mediate_case_get_outcome(const mediate_case *c)
{
	return c ? c->outcome : (mediate_case_outcome)0;
}

mediate_agreement_form
mediate_case_agreement_form(const mediate_case *c)
{
	return c && c->outcome == MEDIATE_OUTCOME_AGREEMENT ? c->agreement_form : (mediate_agreement_form)0;
}

mediate_transfer_kind
mediate_case_transfer_kind(const mediate_case *c)
{
	return c && c->outcome == MEDIATE_OUTCOME_TRANSFERRED ? c->transfer_kind : (mediate_transfer_kind)0;
}

const char *
mediate_case_transfer_body(const mediate_case *c)
{
	return c && c->outcome == MEDIATE_OUTCOME_TRANSFERRED ? c->transfer_body : NULL;
}

unsigned int
mediate_case_remediation_count(const mediate_case *c)
{
	return c ? c->remediations : 0;
}

/* ---- deadlines ---------------------------------------------------------- */

mediate_status
mediate_case_accepted_at(int64_t *out, const mediate_case *c)
{
	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "accepted at: NULL argument");
	if (!c->accepted)
		return mi_err(MEDIATE_ENOTFOUND, "the case has not been accepted (assessed) yet");
	*out = c->accepted_at;
	return 0;
}

mediate_status
mediate_case_mediation_due(int64_t *out, const mediate_case *c)
{
	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "mediation due: NULL argument");
	if (!c->accepted)
		return mi_err(MEDIATE_ENOTFOUND, "the case has not been accepted (assessed) yet");
	/* An extension counts when it belongs to the current round. */
	if (c->extension_count > 0 && c->extensions[c->extension_count - 1].at >= c->accepted_at) {
		*out = c->extensions[c->extension_count - 1].new_due;
		return 0;
	}
	return mediate_time_add_months(out, c->accepted_at, 1, c->offset);
}

mediate_status
mediate_case_extend(mediate_case *c, int64_t new_due, int64_t at, const char *actor,
                    const char *actor_unit, const char *details)
{
	char due_text[MEDIATE_TIME_BUFSIZE], *text;
	mi_case_pending p = { { NULL, NULL }, 0 };
	mi_extension *ext;
	int64_t due;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "extend: NULL case");
	if ((rc = mi_case_check_details(details)) != 0)
		return rc;
	if (c->state < MEDIATE_CASE_ASSESSED || c->state > MEDIATE_CASE_IN_MEDIATION)
		return mi_err(MEDIATE_ESTATE, "the time limit is extended between acceptance and an "
		              "outcome (the case is %s)", mediate_case_state_name(c->state));
	if ((rc = mediate_case_mediation_due(&due, c)) != 0)
		return rc;
	if (new_due <= due)
		return mi_err(MEDIATE_ERANGE, "an extension must move the due time later");
	if ((rc = mediate_time_format(due_text, sizeof(due_text), new_due, c->offset)) != 0)
		return rc;
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if (c->extension_count >= MEDIATE_CASE_MAX_EXTENSIONS)
		return mi_err(MEDIATE_ELIMIT, "a case has at most %u extensions", MEDIATE_CASE_MAX_EXTENSIONS);
	ext = mi_reallocarray(c->extensions, c->extension_count + 1, sizeof(*ext));
	if (ext == NULL)
		return mi_nomem();
	c->extensions = ext;
	if ((text = mi_case_join_details(due_text, details)) == NULL)
		return MEDIATE_ENOMEM;
	rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_EXTENSION, text);
	mi_free(text);
	if (rc != 0)
		return rc;
	ext[c->extension_count].new_due = new_due;
	ext[c->extension_count].at = at;
	c->extension_count++;
	mi_case_pending_commit(c, &p);
	return 0;
}

size_t
mediate_case_extension_count(const mediate_case *c)
{
	return c ? c->extension_count : 0;
}

mediate_status
mediate_case_extension_at(int64_t *new_due, int64_t *at, const mediate_case *c, size_t index)
{
	if (new_due == NULL || at == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "extension at: NULL argument");
	if (index >= c->extension_count)
		return mi_err(MEDIATE_ENOTFOUND, "no extension %zu", index);
	*new_due = c->extensions[index].new_due;
	*at = c->extensions[index].at;
	return 0;
}

int
mediate_case_is_overdue(const mediate_case *c, int64_t now)
{
	int64_t due;
	if (c == NULL || c->state > MEDIATE_CASE_IN_MEDIATION || !c->accepted)
		return 0;
	if (mediate_case_mediation_due(&due, c) != 0)
		return 0;
	return now > due;
}

/* ---- timeline getters --------------------------------------------------- */

size_t
mediate_case_event_count(const mediate_case *c)
{
	return c ? c->event_count : 0;
}

const mediate_case_event *
mediate_case_event_at(const mediate_case *c, size_t index)
{
	return c && index < c->event_count ? c->events[index] : NULL;
}

int64_t mediate_case_event_time(const mediate_case_event *e) { return e ? e->at : 0; }
const char *mediate_case_event_actor(const mediate_case_event *e) { return e ? e->actor : NULL; }
const char *mediate_case_event_unit(const mediate_case_event *e) { return e ? e->unit : NULL; }
mediate_case_event_kind
mediate_case_event_get_kind(const mediate_case_event *e)
{
	return e ? e->kind : (mediate_case_event_kind)0;
}
mediate_case_state mediate_case_event_from(const mediate_case_event *e) { return e ? e->from : (mediate_case_state)0; }
mediate_case_state mediate_case_event_to(const mediate_case_event *e) { return e ? e->to : (mediate_case_state)0; }
const char *mediate_case_event_details(const mediate_case_event *e) { return e ? e->details : NULL; }

/* ---- private helpers for the importer ---------------------------------- */

int
mi_case_push_event(mediate_case *c, int64_t at, const char *actor, const char *unit,
                   mediate_case_event_kind kind, mediate_case_state from, mediate_case_state to,
                   const char *details)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "event: NULL case");
	if (mediate_case_event_kind_name(kind) == NULL)
		return mi_err(MEDIATE_EINVAL, "event: unknown kind %d", (int)kind);
	if (!state_ok((int)from) || !state_ok((int)to))
		return mi_err(MEDIATE_EINVAL, "event: unknown state");
	if ((rc = mi_case_check_details(details)) != 0)
		return rc;
	if ((rc = mi_case_check_action(c, at, actor, unit)) != 0)
		return rc;
	if ((rc = mi_case_events_reserve(c, 1)) != 0 ||
	    (rc = mi_case_pending_add(&p, at, actor, unit, kind, from, to, details)) != 0)
		return rc;
	mi_case_pending_commit(c, &p);
	return 0;
}

static int
bad(const char *fmt, const char *a, const char *b)
{
	return mi_err(MEDIATE_EVALIDATE, fmt, a ? a : "", b ? b : "");
}

int
mi_case_validate(const mediate_case *c)
{
	mediate_case_state st = MEDIATE_CASE_RECEIVED;
	int accepted = 0, has_accept = 0;
	int64_t accepted_at = 0;
	unsigned int remediations = 0;
	const mediate_agreement *a;
	size_t i, j;

	if (c == NULL || c->policy == NULL || c->unit == NULL)
		return mi_err(MEDIATE_EINVAL, "case: missing policy or receiving unit");
	if (!state_ok((int)c->state))
		return bad("case: invalid state%s%s", NULL, NULL);

	/* The timeline replays to the current state. */
	if (c->event_count == 0 || c->events[0]->kind != MEDIATE_EVENT_RECEIVED ||
	    c->events[0]->at != c->received_at || c->events[0]->from != MEDIATE_CASE_RECEIVED ||
	    c->events[0]->to != MEDIATE_CASE_RECEIVED)
		return bad("timeline: the first event must be \"received\" at the received time%s%s", NULL, NULL);
	for (i = 1; i < c->event_count; i++) {
		const mediate_case_event *e = c->events[i];
		if (e->at < c->events[i - 1]->at)
			return mi_err(MEDIATE_EVALIDATE, "timeline[%zu]: time goes backwards", i);
		if (e->kind == MEDIATE_EVENT_RECEIVED)
			return mi_err(MEDIATE_EVALIDATE, "timeline[%zu]: only the first event is \"received\"", i);
		if (e->from != st)
			return mi_err(MEDIATE_EVALIDATE, "timeline[%zu]: from is %s but the case was %s", i,
			              mediate_case_state_name(e->from), mediate_case_state_name(st));
		if (e->kind == MEDIATE_EVENT_TRANSITION) {
			if (!mediate_case_transition_allowed(e->from, e->to))
				return mi_err(MEDIATE_EVALIDATE, "timeline[%zu]: a case cannot go from %s to %s", i,
				              mediate_case_state_name(e->from), mediate_case_state_name(e->to));
			if (e->to == MEDIATE_CASE_ASSESSED) {
				accepted = 1;
				accepted_at = e->at;
			} else if (e->to == MEDIATE_CASE_IN_MEDIATION &&
			           (e->from == MEDIATE_CASE_AGREEMENT || e->from == MEDIATE_CASE_FOLLOW_UP)) {
				remediations++;
				accepted_at = e->at;
			}
			st = e->to;
		} else if (e->to != e->from) {
			return mi_err(MEDIATE_EVALIDATE, "timeline[%zu]: only transitions change the state", i);
		}
		if (mediate_policy_unit_find(c->policy, e->unit) == NULL)
			return mi_err(MEDIATE_EVALIDATE, "timeline[%zu]: unknown unit \"%s\"", i, e->unit);
	}
	if (st != c->state)
		return mi_err(MEDIATE_EVALIDATE, "state is %s but the timeline ends in %s",
		              mediate_case_state_name(c->state), mediate_case_state_name(st));
	has_accept = c->accepted != 0;
	if (has_accept != accepted || (accepted && c->accepted_at != accepted_at))
		return bad("acceptance time does not match the timeline%s%s", NULL, NULL);
	if (c->remediations != remediations)
		return bad("re-mediation count does not match the timeline%s%s", NULL, NULL);

	/* The outcome matches the state. */
	switch (c->state) {
	case MEDIATE_CASE_RECEIVED: case MEDIATE_CASE_ASSESSED: case MEDIATE_CASE_ASSIGNED:
	case MEDIATE_CASE_IN_MEDIATION:
		if (c->outcome != MEDIATE_OUTCOME_NONE)
			return bad("outcome: a case in %s has no outcome yet%s", mediate_case_state_name(c->state), NULL);
		break;
	case MEDIATE_CASE_AGREEMENT: case MEDIATE_CASE_FOLLOW_UP:
		if (c->outcome != MEDIATE_OUTCOME_AGREEMENT)
			return bad("outcome: a case in %s has an agreement%s", mediate_case_state_name(c->state), NULL);
		break;
	case MEDIATE_CASE_FAILED:
		if (c->outcome != MEDIATE_OUTCOME_FAILED)
			return bad("outcome: expected failed%s%s", NULL, NULL);
		break;
	case MEDIATE_CASE_WITHDRAWN:
		if (c->outcome != MEDIATE_OUTCOME_WITHDRAWN)
			return bad("outcome: expected withdrawn%s%s", NULL, NULL);
		break;
	case MEDIATE_CASE_TRANSFERRED:
		if (c->outcome != MEDIATE_OUTCOME_TRANSFERRED)
			return bad("outcome: expected transferred%s%s", NULL, NULL);
		break;
	case MEDIATE_CASE_CLOSED:
		if (c->outcome == MEDIATE_OUTCOME_NONE)
			return bad("outcome: a closed case has an outcome%s%s", NULL, NULL);
		break;
	}
	if ((c->outcome == MEDIATE_OUTCOME_AGREEMENT) != (mediate_agreement_form_name(c->agreement_form) != NULL))
		return bad("outcome: the agreement form goes with an agreement%s%s", NULL, NULL);
	if (c->outcome == MEDIATE_OUTCOME_TRANSFERRED &&
	    (mediate_transfer_kind_name(c->transfer_kind) == NULL || c->transfer_body == NULL))
		return bad("outcome: a transfer needs its kind and receiving body%s%s", NULL, NULL);

	/* References and uniqueness. */
	for (i = 0; i < c->party_count; i++) {
		const mediate_party *p = c->parties[i];
		for (j = 0; j < i; j++)
			if (strcmp(c->parties[j]->id, p->id) == 0)
				return bad("parties: duplicate party id \"%s\"%s", p->id, NULL);
		if (p->represents != NULL && (p->role != MEDIATE_PARTY_AGENT ||
		                              mi_case_party_index(c, p->represents) == (size_t)-1))
			return bad("parties: \"%s\" represents \"%s\", which is not a party (or it is no agent)",
			           p->id, p->represents);
	}
	for (i = 0; i < c->mediator_count; i++)
		for (j = 0; j < i; j++) {
			if (strcmp(c->mediators[j]->id, c->mediators[i]->id) == 0)
				return bad("mediators: duplicate id \"%s\"%s", c->mediators[i]->id, NULL);
			if (c->mediators[j]->role == MEDIATE_MEDIATOR_LEAD &&
			    c->mediators[i]->role == MEDIATE_MEDIATOR_LEAD)
				return bad("mediators: more than one lead (\"%s\")%s", c->mediators[i]->id, NULL);
		}
	for (i = 0; i < c->tag_count; i++)
		for (j = 0; j < i; j++)
			if (strcmp(c->tags[i], c->tags[j]) == 0)
				return bad("tags: duplicate tag \"%s\"%s", c->tags[i], NULL);
	for (i = 0; i < c->session_count; i++)
		for (j = 0; j < c->sessions[i]->attendee_count; j++) {
			const char *w = c->sessions[i]->attendees[j];
			if (mi_case_party_index(c, w) == (size_t)-1 && mi_case_mediator_index(c, w) == (size_t)-1)
				return bad("sessions: attendee \"%s\" is neither a party nor a mediator%s", w, NULL);
		}

	/* The written agreement. */
	if ((a = c->agreement) != NULL) {
		if (c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP &&
		    c->state != MEDIATE_CASE_TRANSFERRED && c->state != MEDIATE_CASE_CLOSED)
			return bad("agreement: a case in %s has no written agreement%s",
			           mediate_case_state_name(c->state), NULL);
		for (i = 0; i < a->signature_count; i++) {
			if (!mi_case_is_required_signer(c, a->signatures[i].signer))
				return bad("agreement: \"%s\" is not a party or the lead mediator%s",
				           a->signatures[i].signer, NULL);
			for (j = 0; j < i; j++)
				if (strcmp(a->signatures[j].signer, a->signatures[i].signer) == 0)
					return bad("agreement: \"%s\" signed twice%s", a->signatures[i].signer, NULL);
			if (i > 0 && a->signatures[i].at < a->signatures[i - 1].at)
				return bad("agreement: signatures are not in time order%s%s", NULL, NULL);
		}
		if (a->effective != (a->signature_count > 0 && a->signature_count == mi_case_required_signers(c)))
			return bad("agreement: it takes effect exactly when every party and the lead "
			           "mediator signed%s%s", NULL, NULL);
		if (a->effective && a->effective_at != a->signatures[a->signature_count - 1].at)
			return bad("agreement: it takes effect at the last signature%s%s", NULL, NULL);
		if (!a->effective && a->confirmation != MEDIATE_CONFIRMATION_NONE)
			return bad("agreement: judicial confirmation needs an effective agreement%s%s", NULL, NULL);
		if (mediate_confirmation_status_name(a->confirmation) == NULL)
			return bad("agreement: invalid confirmation status%s%s", NULL, NULL);
		if (a->confirmation != MEDIATE_CONFIRMATION_NONE && a->court == NULL)
			return bad("agreement: the application names a court%s%s", NULL, NULL);
		if (a->confirmation != MEDIATE_CONFIRMATION_NONE) {
			int64_t due;
			if (mi_case_confirmation_due(&due, c) != 0 || a->applied_at > due || a->applied_at < a->effective_at)
				return bad("agreement: judicial confirmation applied for outside the 30-day window%s%s",
				           NULL, NULL);
		}
	}
	if (c->outcome == MEDIATE_OUTCOME_AGREEMENT && c->agreement_form == MEDIATE_AGREEMENT_ORAL &&
	    c->agreement != NULL)
		return bad("agreement: an oral agreement has no written document%s%s", NULL, NULL);
	if ((c->state == MEDIATE_CASE_FOLLOW_UP ||
	     (c->state == MEDIATE_CASE_CLOSED && c->outcome == MEDIATE_OUTCOME_AGREEMENT)) &&
	    c->agreement_form == MEDIATE_AGREEMENT_WRITTEN && (a == NULL || !a->effective))
		return bad("agreement: follow-up and closing need the written agreement in effect%s%s", NULL, NULL);

	if (c->party_count > MEDIATE_CASE_MAX_PARTIES || c->mediator_count > MEDIATE_CASE_MAX_MEDIATORS ||
	    c->session_count > MEDIATE_CASE_MAX_SESSIONS || c->tag_count > MEDIATE_CASE_MAX_TAGS ||
	    c->followup_count > MEDIATE_CASE_MAX_FOLLOWUPS || c->extension_count > MEDIATE_CASE_MAX_EXTENSIONS ||
	    c->joint_body_count > MEDIATE_CASE_MAX_JOINT_BODIES)
		return mi_err(MEDIATE_ELIMIT, "case: a limit of mediate_case(3) is exceeded");
	if (c->amount < 0)
		return bad("amount: negative%s%s", NULL, NULL);
	return 0;
}
