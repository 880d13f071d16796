/* SPDX-License-Identifier: MIT */
/*
 * Case module, part 2: the case record and its lifecycle.
 *
 * Read top to bottom: the transition table, string checks, the timeline,
 * creation and identity, place and facts, parties, mediation, the lifecycle
 * actions, deadlines, the written agreement, follow-up, the getters, lists,
 * and at the end the private helpers the YAML importer uses.
 *
 * Every mutating function follows the same pattern so that a failure
 * changes nothing: check the arguments and the state, allocate everything
 * the change needs (strings, timeline events, room in arrays), and only
 * then change the case with steps that cannot fail.
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

/* ---- string checks ------------------------------------------------------ */

static int
check_str(const char *what, const char *s, size_t len, size_t max, int multiline)
{
	size_t i, bad = 0;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL", what);
	if (len == 0)
		return mi_err(MEDIATE_EINVAL, "%s is empty", what);
	if (len > max)
		return mi_err(MEDIATE_ELIMIT, "%s is %zu bytes long; at most %zu are allowed", what, len, max);
	if (mediate_utf8_validate(s, len, &bad) != 0)
		return mi_err(MEDIATE_EUTF8, "%s: %s at byte %zu", what,
		              s[bad] == '\0' ? "NUL byte" : "invalid UTF-8", bad);
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && !(multiline && (ch == '\n' || ch == '\t' || ch == '\r'))) || ch == 0x7f)
			return mi_err(MEDIATE_EINVAL, "%s: control character 0x%02x at byte %zu", what, ch, i);
	}
	return 0;
}

int
mi_case_check_name(const char *what, const char *s)
{
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL", what);
	return check_str(what, s, strlen(s), MEDIATE_CASE_MAX_NAME_BYTES, 0);
}

int
mi_case_check_text(const char *what, const char *s)
{
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL", what);
	return check_str(what, s, strlen(s), MEDIATE_CASE_MAX_TEXT_BYTES, 1);
}

int
mi_case_check_ident(const char *what, const char *s)
{
	size_t i;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL", what);
	for (i = 0; s[i]; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '.' || ch == '-'))
			return mi_err(MEDIATE_EINVAL, "%s \"%.64s\": only letters, digits, '_', '.' and '-' "
			              "are allowed", what, s);
		if (i >= MEDIATE_CASE_MAX_ID_BYTES)
			return mi_err(MEDIATE_ELIMIT, "%s is longer than %u bytes", what,
			              MEDIATE_CASE_MAX_ID_BYTES);
	}
	if (i == 0)
		return mi_err(MEDIATE_EINVAL, "%s is empty", what);
	return 0;
}

int
mi_case_check_phone(const char *s)
{
	size_t i, digits = 0;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "phone: NULL");
	for (i = 0; s[i]; i++) {
		char ch = s[i];
		if (ch >= '0' && ch <= '9')
			digits++;
		else if (!(ch == ' ' || ch == '+' || ch == '-' || ch == '(' || ch == ')'))
			return mi_err(MEDIATE_EINVAL, "phone: only digits, spaces, '+', '-', '(' and ')' "
			              "are allowed (byte %zu)", i);
		if (i >= 32)
			return mi_err(MEDIATE_ELIMIT, "phone: longer than 32 characters");
	}
	if (digits < 3)
		return mi_err(MEDIATE_EINVAL, "phone: at least 3 digits expected");
	return 0;
}

static int
check_actor_text(const char *actor)
{
	if (actor == NULL)
		return mi_err(MEDIATE_EINVAL, "actor: NULL");
	return check_str("actor", actor, strlen(actor), MEDIATE_CASE_MAX_ID_BYTES, 0);
}

static int
check_details(const char *details)
{
	return details == NULL ? 0 : mi_case_check_text("details", details);
}

/* Replaces *slot with a copy of value (NULL clears). */
static int
replace_str(char **slot, const char *value)
{
	char *d = NULL;
	if (value != NULL && (d = mi_strdup(value)) == NULL)
		return mi_nomem();
	mi_free(*slot);
	*slot = d;
	return 0;
}

/* Grows an array of pointers so that one more fits. */
static int
grow(void *arrp, size_t count, size_t max, const char *what)
{
	void ***arr = (void ***)arrp;
	void **n;
	if (count >= max)
		return mi_err(MEDIATE_ELIMIT, "a case holds at most %zu %s", max, what);
	n = mi_reallocarray(*arr, count + 1, sizeof(void *));
	if (n == NULL)
		return mi_nomem();
	*arr = n;
	return 0;
}

/* ---- the timeline ------------------------------------------------------- */

static void
event_free(mediate_case_event *e)
{
	if (e == NULL)
		return;
	mi_free(e->actor);
	mi_free(e->unit);
	mi_free(e->details);
	mi_free(e);
}

static mediate_case_event *
event_make(int64_t at, const char *actor, const char *unit, mediate_case_event_kind kind,
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
	event_free(e);
	mi_nomem();
	return NULL;
}

/* Makes room for n more events. */
static int
events_reserve(mediate_case *c, size_t n)
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
static int
check_action(const mediate_case *c, int64_t at, const char *actor, const char *actor_unit)
{
	mediate_civil cv;
	int rc;
	if ((rc = check_actor_text(actor)) != 0)
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

/*
 * A pending change: up to two events, prepared before the case changes and
 * committed after.  Room in the timeline is reserved by pending_prepare.
 */
typedef struct pending {
	mediate_case_event *ev[2];
	size_t n;
} pending;

static int
pending_add(pending *p, int64_t at, const char *actor, const char *unit, mediate_case_event_kind kind,
            mediate_case_state from, mediate_case_state to, const char *details)
{
	mediate_case_event *e = event_make(at, actor, unit, kind, from, to, details);
	if (e == NULL)
		return MEDIATE_ENOMEM;
	p->ev[p->n++] = e;
	return 0;
}

static void
pending_discard(pending *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		event_free(p->ev[i]);
	p->n = 0;
}

static void
pending_commit(mediate_case *c, pending *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		c->events[c->event_count++] = p->ev[i];
	p->n = 0;
}

/* One event for the action; on failure nothing is left allocated. */
static int
pending_one(mediate_case *c, pending *p, int64_t at, const char *actor, const char *unit,
            mediate_case_event_kind kind, const char *details)
{
	int rc;
	p->n = 0;
	if ((rc = events_reserve(c, 1)) != 0)
		return rc;
	return pending_add(p, at, actor, unit, kind, c->state, c->state, details);
}

/* "prefix: details" or "prefix" (for event details); NULL on ENOMEM. */
static char *
join_details(const char *prefix, const char *details)
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

/* ---- freeing ------------------------------------------------------------ */

static void
party_free(mediate_party *p)
{
	if (p == NULL)
		return;
	mi_free(p->id);
	mi_free(p->name);
	mi_free(p->phone);
	mi_free(p->phone_masked);
	mi_free(p->doc_number);
	mi_free(p->doc_masked);
	mi_free(p->address);
	mi_free(p->represents);
	mi_free(p);
}

static void
mediator_free(mediate_case_mediator *m)
{
	if (m == NULL)
		return;
	mi_free(m->id);
	mi_free(m->name);
	mi_free(m);
}

static void
session_free(mediate_case_session *s)
{
	size_t i;
	if (s == NULL)
		return;
	for (i = 0; i < s->attendee_count; i++)
		mi_free(s->attendees[i]);
	mi_free(s->attendees);
	mi_free(s->place);
	mi_free(s->notes);
	mi_free(s);
}

static void
agreement_free(mediate_agreement *a)
{
	size_t i;
	if (a == NULL)
		return;
	for (i = 0; i <= MEDIATE_AGREEMENT_FIELD_COUNT; i++)
		mi_free(a->text[i]);
	for (i = 0; i < a->signature_count; i++)
		mi_free(a->signatures[i].signer);
	mi_free(a->signatures);
	mi_free(a->court);
	mi_free(a);
}

static void
followup_free(mediate_followup *f)
{
	if (f == NULL)
		return;
	mi_free(f->notes);
	mi_free(f->actor);
	mi_free(f);
}

/* Keeps c->party_flags_any equal to the OR of the parties' flags. */
static void
recompute_party_flags(mediate_case *c)
{
	size_t i;
	c->party_flags_any = 0;
	for (i = 0; i < c->party_count; i++)
		c->party_flags_any |= c->parties[i]->flags;
}

void
mediate_case_free(mediate_case *c)
{
	size_t i;
	if (c == NULL)
		return;
	mi_free(c->number);
	mi_free(c->source_ref);
	mi_free(c->address);
	mi_free(c->description);
	for (i = 0; i < c->tag_count; i++)
		mi_free(c->tags[i]);
	mi_free(c->tags);
	for (i = 0; i < c->party_count; i++)
		party_free(c->parties[i]);
	mi_free(c->parties);
	for (i = 0; i < c->mediator_count; i++)
		mediator_free(c->mediators[i]);
	mi_free(c->mediators);
	mi_free(c->joint_bodies);
	for (i = 0; i < c->session_count; i++)
		session_free(c->sessions[i]);
	mi_free(c->sessions);
	mi_free(c->transfer_body);
	mi_free(c->extensions);
	mi_free(c->override_reason);
	mi_free(c->override_actor);
	agreement_free(c->agreement);
	for (i = 0; i < c->followup_count; i++)
		followup_free(c->followups[i]);
	mi_free(c->followups);
	for (i = 0; i < c->event_count; i++)
		event_free(c->events[i]);
	mi_free(c->events);
	mi_free(c);
}

/* ---- creation and identity --------------------------------------------- */

int
mi_case_alloc(mediate_case **out, const mediate_policy *policy)
{
	mediate_case *c;
	int rc;
	if (out == NULL || policy == NULL)
		return mi_err(MEDIATE_EINVAL, "case: NULL argument");
	c = mi_calloc(1, sizeof(*c));
	if (c == NULL)
		return mi_nomem();
	if ((rc = mediate_id_generate(&c->id)) != 0) {
		mi_free(c);
		return rc;
	}
	mediate_id_format(c->id_text, sizeof(c->id_text), &c->id);
	c->policy = policy;
	c->state = MEDIATE_CASE_RECEIVED;
	c->outcome = MEDIATE_OUTCOME_NONE;
	c->offset = MEDIATE_OFFSET_CST;
	*out = c;
	return 0;
}

mediate_status
mediate_case_new(mediate_case **out, const mediate_policy *policy, const char *unit_code,
                 int64_t received_at, int offset_minutes, const char *actor)
{
	mediate_case *c = NULL;
	const mediate_unit *u;
	mediate_civil cv;
	pending p = { { NULL, NULL }, 0 };
	int rc;

	if (out == NULL || policy == NULL || unit_code == NULL || actor == NULL)
		return mi_err(MEDIATE_EINVAL, "case new: NULL argument");
	if ((rc = check_actor_text(actor)) != 0)
		return rc;
	if ((u = mediate_policy_unit_find(policy, unit_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "unknown receiving unit \"%.64s\"", unit_code);
	if (offset_minutes < -1439 || offset_minutes > 1439)
		return mi_err(MEDIATE_ERANGE, "UTC offset %d minutes is out of range", offset_minutes);
	if (mediate_time_to_civil(&cv, received_at, offset_minutes) != 0)
		return mi_err(MEDIATE_ERANGE, "received time %lld is outside years 1-9999",
		              (long long)received_at);
	if ((rc = mi_case_alloc(&c, policy)) != 0)
		return rc;
	c->unit = u;
	c->received_at = received_at;
	c->offset = offset_minutes;
	if ((rc = events_reserve(c, 1)) != 0 ||
	    (rc = pending_add(&p, received_at, actor, unit_code, MEDIATE_EVENT_RECEIVED,
	                      MEDIATE_CASE_RECEIVED, MEDIATE_CASE_RECEIVED, NULL)) != 0) {
		mediate_case_free(c);
		return rc;
	}
	pending_commit(c, &p);
	*out = c;
	return 0;
}

const mediate_policy *
mediate_case_policy(const mediate_case *c)
{
	return c ? c->policy : NULL;
}

const mediate_id *
mediate_case_id(const mediate_case *c)
{
	return c ? &c->id : NULL;
}

const char *
mediate_case_id_text(const mediate_case *c)
{
	return c ? c->id_text : NULL;
}

/* Data may be edited until the case is closed. */
static int
check_editable(const mediate_case *c, const char *what)
{
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL case", what);
	if (c->state == MEDIATE_CASE_CLOSED)
		return mi_err(MEDIATE_ESTATE, "%s: the case is closed", what);
	return 0;
}

mediate_status
mediate_case_set_id(mediate_case *c, const mediate_id *id)
{
	int rc;
	if ((rc = check_editable(c, "set id")) != 0)
		return rc;
	if (id == NULL)
		return mi_err(MEDIATE_EINVAL, "set id: NULL id");
	if (mediate_id_is_nil(id))
		return mi_err(MEDIATE_EINVAL, "set id: the nil UUID is not an id");
	c->id = *id;
	mediate_id_format(c->id_text, sizeof(c->id_text), &c->id);
	return 0;
}

static int
unit_code_shape_ok(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      (i > 0 && (s[i] == '-' || s[i] == '_'))))
			return 0;
	return i > 0 && i <= 64;
}

mediate_status
mediate_case_number_format(char *buf, size_t size, const char *unit_code, int year, uint32_t sequence)
{
	int n;
	if (buf == NULL || unit_code == NULL)
		return mi_err(MEDIATE_EINVAL, "case number: NULL argument");
	if (!unit_code_shape_ok(unit_code))
		return mi_err(MEDIATE_EINVAL, "case number: \"%.64s\" is not a unit code", unit_code);
	if (year < 1 || year > 9999)
		return mi_err(MEDIATE_ERANGE, "case number: year %d is out of range", year);
	if (sequence < 1 || sequence > MEDIATE_CASE_SEQUENCE_MAX)
		return mi_err(MEDIATE_ERANGE, "case number: sequence %lu is not in 1..999999",
		              (unsigned long)sequence);
	n = snprintf(buf, size, "%s-%04d-%06lu", unit_code, year, (unsigned long)sequence);
	if (n < 0 || (size_t)n >= size) {
		if (size > 0)
			buf[0] = '\0';
		return mi_err(MEDIATE_EBUFSIZE, "case number: buffer of %zu bytes is too small", size);
	}
	return 0;
}

mediate_status
mediate_case_assign_number(mediate_case *c, uint32_t sequence)
{
	char buf[MEDIATE_CASE_NUMBER_BUFSIZE];
	mediate_civil cv;
	char *d;
	int rc;
	if ((rc = check_editable(c, "assign number")) != 0)
		return rc;
	if (c->number != NULL)
		return mi_err(MEDIATE_EEXISTS, "the case already has the number %s", c->number);
	if ((rc = mediate_time_to_civil(&cv, c->received_at, c->offset)) != 0)
		return rc;
	if ((rc = mediate_case_number_format(buf, sizeof(buf), mediate_unit_code(c->unit), cv.year,
	                                     sequence)) != 0)
		return rc;
	if ((d = mi_strdup(buf)) == NULL)
		return mi_nomem();
	c->number = d;
	return 0;
}

mediate_status
mediate_case_set_number(mediate_case *c, const char *number)
{
	char unit[MEDIATE_CASE_NUMBER_BUFSIZE];
	size_t len, i;
	char *d;
	int rc;
	if ((rc = check_editable(c, "set number")) != 0)
		return rc;
	if (number == NULL)
		return mi_err(MEDIATE_EINVAL, "set number: NULL number");
	if (c->number != NULL)
		return mi_err(MEDIATE_EEXISTS, "the case already has the number %s", c->number);
	len = strlen(number);
	/* <unit>-YYYY-NNNNNN: the unit is what precedes the last 12 characters. */
	if (len < 13 || len - 12 >= sizeof(unit) || number[len - 12] != '-' || number[len - 7] != '-')
		goto bad;
	for (i = len - 11; i < len; i++)
		if (i != len - 7 && (number[i] < '0' || number[i] > '9'))
			goto bad;
	if (strncmp(number + len - 11, "0000", 4) == 0 || strcmp(number + len - 6, "000000") == 0)
		goto bad;
	memcpy(unit, number, len - 12);
	unit[len - 12] = '\0';
	if (mediate_policy_unit_find(c->policy, unit) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "case number \"%.96s\": unknown unit \"%s\"", number, unit);
	if ((d = mi_strdup(number)) == NULL)
		return mi_nomem();
	c->number = d;
	return 0;
bad:
	return mi_err(MEDIATE_EINVAL, "case number \"%.96s\": expected <unit>-<year>-<6 digits>, "
	              "like YZ-SJ-2026-000123", number);
}

const char *
mediate_case_number(const mediate_case *c)
{
	return c ? c->number : NULL;
}

mediate_case_state
mediate_case_get_state(const mediate_case *c)
{
	return c ? c->state : (mediate_case_state)0;
}

int64_t
mediate_case_received_at(const mediate_case *c)
{
	return c ? c->received_at : 0;
}

int
mediate_case_offset(const mediate_case *c)
{
	return c ? c->offset : 0;
}

const mediate_unit *
mediate_case_unit(const mediate_case *c)
{
	return c ? c->unit : NULL;
}

/* ---- source, category, place ------------------------------------------- */

mediate_status
mediate_case_set_source(mediate_case *c, mediate_case_source source, const char *reference)
{
	int rc;
	if ((rc = check_editable(c, "set source")) != 0)
		return rc;
	if (mediate_case_source_name(source) == NULL)
		return mi_err(MEDIATE_EINVAL, "set source: unknown source %d", (int)source);
	if (source == MEDIATE_SOURCE_POLICE_110 && reference == NULL)
		return mi_err(MEDIATE_EINVAL, "a 110 police handover needs the incident number");
	if (reference != NULL && (rc = mi_case_check_name("source reference", reference)) != 0)
		return rc;
	if ((rc = replace_str(&c->source_ref, reference)) != 0)
		return rc;
	c->source = source;
	return 0;
}

mediate_case_source
mediate_case_get_source(const mediate_case *c)
{
	return c ? c->source : (mediate_case_source)0;
}

const char *
mediate_case_source_ref(const mediate_case *c)
{
	return c ? c->source_ref : NULL;
}

mediate_status
mediate_case_set_category(mediate_case *c, const char *code)
{
	const mediate_category *cat;
	int rc;
	if ((rc = check_editable(c, "set category")) != 0)
		return rc;
	if (code == NULL)
		return mi_err(MEDIATE_EINVAL, "set category: NULL code");
	if ((cat = mediate_policy_category_find(c->policy, code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "unknown category \"%.64s\"", code);
	c->category = cat;
	return 0;
}

const mediate_category *
mediate_case_category(const mediate_case *c)
{
	return c ? c->category : NULL;
}

mediate_status
mediate_case_set_address(mediate_case *c, const char *address)
{
	int rc;
	if ((rc = check_editable(c, "set address")) != 0)
		return rc;
	if (address != NULL && (rc = mi_case_check_name("address", address)) != 0)
		return rc;
	return replace_str(&c->address, address);
}

const char *
mediate_case_address(const mediate_case *c)
{
	return c ? c->address : NULL;
}

mediate_status
mediate_case_set_grid(mediate_case *c, const char *unit_code)
{
	const mediate_unit *u = NULL;
	int rc;
	if ((rc = check_editable(c, "set grid")) != 0)
		return rc;
	if (unit_code != NULL && (u = mediate_policy_unit_find(c->policy, unit_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "unknown grid unit \"%.64s\"", unit_code);
	c->grid = u;
	return 0;
}

const mediate_unit *
mediate_case_grid(const mediate_case *c)
{
	return c ? c->grid : NULL;
}

mediate_status
mediate_case_set_coordinates(mediate_case *c, int32_t lat, int32_t lon)
{
	int rc;
	if ((rc = check_editable(c, "set coordinates")) != 0)
		return rc;
	if (lat < -90000000 || lat > 90000000 || lon < -180000000 || lon > 180000000)
		return mi_err(MEDIATE_ERANGE, "coordinates %ld, %ld micro-degrees are out of range",
		              (long)lat, (long)lon);
	c->lat = lat;
	c->lon = lon;
	c->has_coordinates = 1;
	return 0;
}

mediate_status
mediate_case_clear_coordinates(mediate_case *c)
{
	int rc;
	if ((rc = check_editable(c, "clear coordinates")) != 0)
		return rc;
	c->has_coordinates = 0;
	c->lat = c->lon = 0;
	return 0;
}

mediate_status
mediate_case_coordinates(int32_t *lat, int32_t *lon, const mediate_case *c)
{
	if (lat == NULL || lon == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "coordinates: NULL argument");
	if (!c->has_coordinates)
		return mi_err(MEDIATE_ENOTFOUND, "the case has no coordinates");
	*lat = c->lat;
	*lon = c->lon;
	return 0;
}

/* ---- facts -------------------------------------------------------------- */

mediate_status
mediate_case_set_description_len(mediate_case *c, const char *text, size_t len)
{
	char *d;
	int rc;
	if ((rc = check_editable(c, "set description")) != 0)
		return rc;
	if (text == NULL)
		return mi_err(MEDIATE_EINVAL, "set description: NULL text");
	if ((rc = check_str("description", text, len, MEDIATE_CASE_MAX_TEXT_BYTES, 1)) != 0)
		return rc;
	if ((d = mi_strndup(text, len)) == NULL)
		return mi_nomem();
	mi_free(c->description);
	c->description = d;
	return 0;
}

mediate_status
mediate_case_set_description(mediate_case *c, const char *text)
{
	if (text == NULL)
		return mi_err(MEDIATE_EINVAL, "set description: NULL text");
	return mediate_case_set_description_len(c, text, strlen(text));
}

const char *
mediate_case_description(const mediate_case *c)
{
	return c ? c->description : NULL;
}

mediate_status
mediate_case_set_people_involved(mediate_case *c, uint32_t count)
{
	int rc;
	if ((rc = check_editable(c, "set people involved")) != 0)
		return rc;
	c->people_involved = count;
	return 0;
}

uint32_t
mediate_case_people_involved(const mediate_case *c)
{
	return c ? c->people_involved : 0;
}

mediate_status
mediate_case_set_amount(mediate_case *c, int64_t fen)
{
	int rc;
	if ((rc = check_editable(c, "set amount")) != 0)
		return rc;
	if (fen < 0)
		return mi_err(MEDIATE_ERANGE, "the amount in dispute cannot be negative (%lld fen)",
		              (long long)fen);
	c->amount = fen;
	return 0;
}

int64_t
mediate_case_amount(const mediate_case *c)
{
	return c ? c->amount : 0;
}

mediate_status
mediate_case_set_risks(mediate_case *c, unsigned int risks)
{
	int rc;
	if ((rc = check_editable(c, "set risks")) != 0)
		return rc;
	if (risks & ~MEDIATE_RISK_ALL)
		return mi_err(MEDIATE_EINVAL, "unknown risk flags 0x%x", risks & ~MEDIATE_RISK_ALL);
	c->risks = risks;
	return 0;
}

unsigned int
mediate_case_risks(const mediate_case *c)
{
	return c ? c->risks : 0;
}

mediate_status
mediate_case_set_prior_police_calls(mediate_case *c, uint32_t count)
{
	int rc;
	if ((rc = check_editable(c, "set prior police calls")) != 0)
		return rc;
	c->prior_police_calls = count;
	return 0;
}

uint32_t
mediate_case_prior_police_calls(const mediate_case *c)
{
	return c ? c->prior_police_calls : 0;
}

static size_t
tag_index(const mediate_case *c, const char *tag)
{
	size_t i;
	for (i = 0; i < c->tag_count; i++)
		if (strcmp(c->tags[i], tag) == 0)
			return i;
	return (size_t)-1;
}

mediate_status
mediate_case_add_tag(mediate_case *c, const char *tag)
{
	char *d;
	int rc;
	if ((rc = check_editable(c, "add tag")) != 0)
		return rc;
	if (tag == NULL)
		return mi_err(MEDIATE_EINVAL, "add tag: NULL tag");
	if ((rc = check_str("tag", tag, strlen(tag), MEDIATE_CASE_MAX_ID_BYTES, 0)) != 0)
		return rc;
	if (tag_index(c, tag) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "the case already has the tag \"%s\"", tag);
	if ((rc = grow(&c->tags, c->tag_count, MEDIATE_CASE_MAX_TAGS, "tags")) != 0)
		return rc;
	if ((d = mi_strdup(tag)) == NULL)
		return mi_nomem();
	c->tags[c->tag_count++] = d;
	return 0;
}

mediate_status
mediate_case_remove_tag(mediate_case *c, const char *tag)
{
	size_t i;
	int rc;
	if ((rc = check_editable(c, "remove tag")) != 0)
		return rc;
	if (tag == NULL)
		return mi_err(MEDIATE_EINVAL, "remove tag: NULL tag");
	if ((i = tag_index(c, tag)) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "the case has no tag \"%.64s\"", tag);
	mi_free(c->tags[i]);
	memmove(&c->tags[i], &c->tags[i + 1], (c->tag_count - i - 1) * sizeof(char *));
	c->tag_count--;
	return 0;
}

size_t
mediate_case_tag_count(const mediate_case *c)
{
	return c ? c->tag_count : 0;
}

const char *
mediate_case_tag_at(const mediate_case *c, size_t index)
{
	return c && index < c->tag_count ? c->tags[index] : NULL;
}

/* ---- parties ------------------------------------------------------------ */

static size_t
party_index(const mediate_case *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->party_count; i++)
		if (strcmp(c->parties[i]->id, id) == 0)
			return i;
	return (size_t)-1;
}

static size_t
mediator_index(const mediate_case *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->mediator_count; i++)
		if (strcmp(c->mediators[i]->id, id) == 0)
			return i;
	return (size_t)-1;
}

static const mediate_case_mediator *
lead_mediator(const mediate_case *c)
{
	size_t i;
	for (i = 0; i < c->mediator_count; i++)
		if (c->mediators[i]->role == MEDIATE_MEDIATOR_LEAD)
			return c->mediators[i];
	return NULL;
}

/* Parties are frozen once the written agreement has a signature. */
static int
signing_started(const mediate_case *c)
{
	return c->agreement != NULL && c->agreement->signature_count > 0;
}

/* Finds a party for a setter; checks the case is editable. */
static int
party_for_edit(mediate_case *c, const char *party_id, mediate_party **out, const char *what)
{
	size_t i;
	int rc;
	if ((rc = check_editable(c, what)) != 0)
		return rc;
	if (party_id == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL party id", what);
	if ((i = party_index(c, party_id)) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "%s: no party \"%.64s\" in the case", what, party_id);
	*out = c->parties[i];
	return 0;
}

mediate_status
mediate_case_add_party(mediate_case *c, const char *party_id, mediate_party_role role,
                       mediate_party_kind kind, const char *name)
{
	mediate_party *p;
	int rc;
	if ((rc = check_editable(c, "add party")) != 0)
		return rc;
	if (party_id == NULL || name == NULL)
		return mi_err(MEDIATE_EINVAL, "add party: NULL argument");
	if ((rc = mi_case_check_ident("party id", party_id)) != 0 ||
	    (rc = mi_case_check_name("party name", name)) != 0)
		return rc;
	if (mediate_party_role_name(role) == NULL)
		return mi_err(MEDIATE_EINVAL, "add party: unknown role %d", (int)role);
	if (mediate_party_kind_name(kind) == NULL)
		return mi_err(MEDIATE_EINVAL, "add party: unknown kind %d", (int)kind);
	if (party_index(c, party_id) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "the case already has a party \"%s\"", party_id);
	if (signing_started(c))
		return mi_err(MEDIATE_ESTATE, "parties cannot change once the agreement is being signed");
	if ((rc = grow(&c->parties, c->party_count, MEDIATE_CASE_MAX_PARTIES, "parties")) != 0)
		return rc;
	if ((p = mi_calloc(1, sizeof(*p))) == NULL)
		return mi_nomem();
	p->owner = c;
	p->role = role;
	p->kind = kind;
	if ((p->id = mi_strdup(party_id)) == NULL || (p->name = mi_strdup(name)) == NULL) {
		party_free(p);
		return mi_nomem();
	}
	c->parties[c->party_count++] = p;
	return 0;
}

/* 1 when a session attendee, a signature or an agent refers to id. */
static int
referenced(const mediate_case *c, const char *id)
{
	size_t i, j;
	for (i = 0; i < c->session_count; i++)
		for (j = 0; j < c->sessions[i]->attendee_count; j++)
			if (strcmp(c->sessions[i]->attendees[j], id) == 0)
				return 1;
	if (c->agreement != NULL)
		for (i = 0; i < c->agreement->signature_count; i++)
			if (strcmp(c->agreement->signatures[i].signer, id) == 0)
				return 1;
	for (i = 0; i < c->party_count; i++)
		if (c->parties[i]->represents != NULL && strcmp(c->parties[i]->represents, id) == 0)
			return 1;
	return 0;
}

mediate_status
mediate_case_remove_party(mediate_case *c, const char *party_id)
{
	mediate_party *p;
	size_t i;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "remove party")) != 0)
		return rc;
	if (signing_started(c))
		return mi_err(MEDIATE_ESTATE, "parties cannot change once the agreement is being signed");
	if (referenced(c, party_id))
		return mi_err(MEDIATE_ESTATE, "party \"%s\" is referred to by a session, a signature "
		              "or an agent", party_id);
	i = party_index(c, party_id);
	party_free(p);
	memmove(&c->parties[i], &c->parties[i + 1], (c->party_count - i - 1) * sizeof(*c->parties));
	c->party_count--;
	recompute_party_flags(c);
	return 0;
}

mediate_status
mediate_case_party_set_name(mediate_case *c, const char *party_id, const char *name)
{
	mediate_party *p;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party name")) != 0)
		return rc;
	if ((rc = mi_case_check_name("party name", name)) != 0)
		return rc;
	return replace_str(&p->name, name);
}

mediate_status
mediate_case_party_set_role(mediate_case *c, const char *party_id, mediate_party_role role)
{
	mediate_party *p;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party role")) != 0)
		return rc;
	if (mediate_party_role_name(role) == NULL)
		return mi_err(MEDIATE_EINVAL, "party role: unknown role %d", (int)role);
	if (role != p->role && signing_started(c))
		return mi_err(MEDIATE_ESTATE, "roles cannot change once the agreement is being signed");
	if (role != MEDIATE_PARTY_AGENT && p->represents != NULL && role != p->role) {
		mi_free(p->represents);   /* only agents represent someone */
		p->represents = NULL;
	}
	p->role = role;
	return 0;
}

mediate_status
mediate_case_party_set_kind(mediate_case *c, const char *party_id, mediate_party_kind kind)
{
	mediate_party *p;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party kind")) != 0)
		return rc;
	if (mediate_party_kind_name(kind) == NULL)
		return mi_err(MEDIATE_EINVAL, "party kind: unknown kind %d", (int)kind);
	p->kind = kind;
	return 0;
}

mediate_status
mediate_case_party_set_phone(mediate_case *c, const char *party_id, const char *phone)
{
	mediate_party *p;
	char *d = NULL, *m = NULL;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party phone")) != 0)
		return rc;
	if (phone != NULL) {
		if ((rc = mi_case_check_phone(phone)) != 0)
			return rc;
		if ((d = mi_strdup(phone)) == NULL)
			return mi_nomem();
		if ((m = mi_case_mask_phone(phone)) == NULL) {
			mi_free(d);
			return MEDIATE_ENOMEM;
		}
	}
	mi_free(p->phone);
	mi_free(p->phone_masked);
	p->phone = d;
	p->phone_masked = m;
	return 0;
}

mediate_status
mediate_case_party_set_document(mediate_case *c, const char *party_id, mediate_party_doc_type type,
                                const char *number)
{
	mediate_party *p;
	char *d = NULL, *m = NULL;
	size_t i;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party document")) != 0)
		return rc;
	if (number != NULL) {
		if (mediate_party_doc_type_name(type) == NULL)
			return mi_err(MEDIATE_EINVAL, "party document: unknown type %d", (int)type);
		if (type == MEDIATE_DOC_RESIDENT_ID) {
			int y, mo, da;
			mediate_civil cv;
			if ((rc = mediate_resident_id_birth_date(&y, &mo, &da, number)) != 0)
				return rc;
			if (mediate_time_to_civil(&cv, c->received_at, c->offset) == 0 &&
			    (y > cv.year || (y == cv.year && (mo > cv.month || (mo == cv.month && da > cv.day)))))
				return mi_err(MEDIATE_EVALIDATE, "resident ID: birth date %04d-%02d-%02d is after "
				              "the case was received", y, mo, da);
		} else if (type == MEDIATE_DOC_CREDIT_CODE) {
			if ((rc = mi_credit_code_check(number)) != 0)
				return rc;
		} else {
			for (i = 0; number[i]; i++)
				if ((unsigned char)number[i] <= 0x20 || (unsigned char)number[i] > 0x7e)
					return mi_err(MEDIATE_EINVAL, "document number: printable ASCII without "
					              "spaces expected (byte %zu)", i);
			if (i == 0 || i > MEDIATE_CASE_MAX_ID_BYTES)
				return mi_err(i == 0 ? MEDIATE_EINVAL : MEDIATE_ELIMIT,
				              "document number: 1..%u characters expected", MEDIATE_CASE_MAX_ID_BYTES);
		}
		if ((d = mi_strdup(number)) == NULL)
			return mi_nomem();
		if (type == MEDIATE_DOC_RESIDENT_ID && d[17] == 'x')
			d[17] = 'X';
		if ((m = mi_case_mask_document(d)) == NULL) {
			mi_free(d);
			return MEDIATE_ENOMEM;
		}
	}
	mi_free(p->doc_number);
	mi_free(p->doc_masked);
	p->doc_number = d;
	p->doc_masked = m;
	p->doc_type = number != NULL ? type : (mediate_party_doc_type)0;
	return 0;
}

mediate_status
mediate_case_party_set_address(mediate_case *c, const char *party_id, const char *address)
{
	mediate_party *p;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party address")) != 0)
		return rc;
	if (address != NULL && (rc = mi_case_check_name("party address", address)) != 0)
		return rc;
	return replace_str(&p->address, address);
}

mediate_status
mediate_case_party_set_flags(mediate_case *c, const char *party_id, unsigned int flags)
{
	mediate_party *p;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party flags")) != 0)
		return rc;
	if (flags & ~MEDIATE_PARTY_FLAGS_ALL)
		return mi_err(MEDIATE_EINVAL, "unknown party flags 0x%x", flags & ~MEDIATE_PARTY_FLAGS_ALL);
	p->flags = flags;
	recompute_party_flags(c);
	return 0;
}

mediate_status
mediate_case_party_set_represents(mediate_case *c, const char *party_id, const char *represented_id)
{
	mediate_party *p;
	int rc;
	if ((rc = party_for_edit(c, party_id, &p, "party represents")) != 0)
		return rc;
	if (represented_id != NULL) {
		size_t i;
		if (p->role != MEDIATE_PARTY_AGENT)
			return mi_err(MEDIATE_EINVAL, "party \"%s\" is not an agent", party_id);
		if ((i = party_index(c, represented_id)) == (size_t)-1)
			return mi_err(MEDIATE_ENOTFOUND, "no party \"%.64s\" in the case", represented_id);
		if (c->parties[i] == p || c->parties[i]->role == MEDIATE_PARTY_AGENT)
			return mi_err(MEDIATE_EINVAL, "an agent represents a party that is not an agent");
	}
	return replace_str(&p->represents, represented_id);
}

size_t
mediate_case_party_count(const mediate_case *c)
{
	return c ? c->party_count : 0;
}

const mediate_party *
mediate_case_party_at(const mediate_case *c, size_t index)
{
	return c && index < c->party_count ? c->parties[index] : NULL;
}

const mediate_party *
mediate_case_party_find(const mediate_case *c, const char *party_id)
{
	size_t i;
	if (c == NULL || party_id == NULL || (i = party_index(c, party_id)) == (size_t)-1)
		return NULL;
	return c->parties[i];
}

const char *mediate_party_id(const mediate_party *p) { return p ? p->id : NULL; }
mediate_party_role mediate_party_get_role(const mediate_party *p) { return p ? p->role : (mediate_party_role)0; }
mediate_party_kind mediate_party_get_kind(const mediate_party *p) { return p ? p->kind : (mediate_party_kind)0; }
const char *mediate_party_name(const mediate_party *p) { return p ? p->name : NULL; }
const char *mediate_party_phone(const mediate_party *p) { return p ? p->phone : NULL; }
const char *mediate_party_phone_masked(const mediate_party *p) { return p ? p->phone_masked : NULL; }
mediate_party_doc_type mediate_party_doc_type_of(const mediate_party *p) { return p ? p->doc_type : (mediate_party_doc_type)0; }
const char *mediate_party_document(const mediate_party *p) { return p ? p->doc_number : NULL; }
const char *mediate_party_document_masked(const mediate_party *p) { return p ? p->doc_masked : NULL; }
const char *mediate_party_address(const mediate_party *p) { return p ? p->address : NULL; }
unsigned int mediate_party_flags(const mediate_party *p) { return p ? p->flags : 0; }
const char *mediate_party_represents(const mediate_party *p) { return p ? p->represents : NULL; }

/* ---- mediation ---------------------------------------------------------- */

static int
before_outcome(const mediate_case *c)
{
	return c->state <= MEDIATE_CASE_IN_MEDIATION;
}

mediate_status
mediate_case_add_mediator(mediate_case *c, const char *mediator_id, const char *name,
                          mediate_case_mediator_role role, int64_t at, const char *actor,
                          const char *actor_unit)
{
	mediate_case_mediator *m = NULL;
	pending p = { { NULL, NULL }, 0 };
	char *details;
	int rc;
	if (c == NULL || mediator_id == NULL || name == NULL)
		return mi_err(MEDIATE_EINVAL, "add mediator: NULL argument");
	if ((rc = mi_case_check_ident("mediator id", mediator_id)) != 0 ||
	    (rc = mi_case_check_name("mediator name", name)) != 0)
		return rc;
	if (mediate_case_mediator_role_name(role) == NULL)
		return mi_err(MEDIATE_EINVAL, "add mediator: unknown role %d", (int)role);
	if (!before_outcome(c))
		return mi_err(MEDIATE_ESTATE, "mediators are assigned before an outcome (the case is %s)",
		              mediate_case_state_name(c->state));
	if (mediator_index(c, mediator_id) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "mediator \"%s\" is already assigned", mediator_id);
	if (role == MEDIATE_MEDIATOR_LEAD && lead_mediator(c) != NULL)
		return mi_err(MEDIATE_EEXISTS, "the case already has a lead mediator (%s)",
		              lead_mediator(c)->id);
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = grow(&c->mediators, c->mediator_count, MEDIATE_CASE_MAX_MEDIATORS, "mediators")) != 0)
		return rc;
	if ((details = join_details(mediator_id, mediate_case_mediator_role_name(role))) == NULL)
		return MEDIATE_ENOMEM;
	rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_MEDIATOR_ASSIGNED, details);
	mi_free(details);
	if (rc != 0)
		return rc;
	if ((m = mi_calloc(1, sizeof(*m))) == NULL || (m->id = mi_strdup(mediator_id)) == NULL ||
	    (m->name = mi_strdup(name)) == NULL) {
		mediator_free(m);
		pending_discard(&p);
		return mi_nomem();
	}
	m->role = role;
	c->mediators[c->mediator_count++] = m;
	pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_remove_mediator(mediate_case *c, const char *mediator_id, int64_t at, const char *actor,
                             const char *actor_unit, const char *details)
{
	pending p = { { NULL, NULL }, 0 };
	char *text;
	size_t i;
	int rc;
	if (c == NULL || mediator_id == NULL)
		return mi_err(MEDIATE_EINVAL, "remove mediator: NULL argument");
	if ((i = mediator_index(c, mediator_id)) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "no mediator \"%.64s\" in the case", mediator_id);
	if ((rc = check_details(details)) != 0)
		return rc;
	if (!before_outcome(c))
		return mi_err(MEDIATE_ESTATE, "mediators change only before an outcome (the case is %s)",
		              mediate_case_state_name(c->state));
	if (referenced(c, mediator_id))
		return mi_err(MEDIATE_ESTATE, "mediator \"%s\" attended a session or signed", mediator_id);
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((text = join_details(mediator_id, details)) == NULL)
		return MEDIATE_ENOMEM;
	rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_MEDIATOR_REMOVED, text);
	mi_free(text);
	if (rc != 0)
		return rc;
	mediator_free(c->mediators[i]);
	memmove(&c->mediators[i], &c->mediators[i + 1], (c->mediator_count - i - 1) * sizeof(*c->mediators));
	c->mediator_count--;
	pending_commit(c, &p);
	return 0;
}

size_t
mediate_case_mediator_count(const mediate_case *c)
{
	return c ? c->mediator_count : 0;
}

const mediate_case_mediator *
mediate_case_mediator_at(const mediate_case *c, size_t index)
{
	return c && index < c->mediator_count ? c->mediators[index] : NULL;
}

const mediate_case_mediator *
mediate_case_mediator_find(const mediate_case *c, const char *mediator_id)
{
	size_t i;
	if (c == NULL || mediator_id == NULL || (i = mediator_index(c, mediator_id)) == (size_t)-1)
		return NULL;
	return c->mediators[i];
}

const char *mediate_case_mediator_id(const mediate_case_mediator *m) { return m ? m->id : NULL; }
const char *mediate_case_mediator_name(const mediate_case_mediator *m) { return m ? m->name : NULL; }
mediate_case_mediator_role
mediate_case_mediator_get_role(const mediate_case_mediator *m)
{
	return m ? m->role : (mediate_case_mediator_role)0;
}

mediate_status
mediate_case_set_mode(mediate_case *c, mediate_case_mode mode)
{
	int rc;
	if ((rc = check_editable(c, "set mode")) != 0)
		return rc;
	if (mediate_case_mode_name(mode) == NULL)
		return mi_err(MEDIATE_EINVAL, "set mode: unknown mode %d", (int)mode);
	c->mode = mode;
	return 0;
}

mediate_case_mode
mediate_case_get_mode(const mediate_case *c)
{
	return c ? c->mode : (mediate_case_mode)0;
}

static size_t
joint_index(const mediate_case *c, const mediate_unit *u)
{
	size_t i;
	for (i = 0; i < c->joint_body_count; i++)
		if (c->joint_bodies[i] == u)
			return i;
	return (size_t)-1;
}

mediate_status
mediate_case_add_joint_body(mediate_case *c, const char *unit_code)
{
	const mediate_unit *u;
	int rc;
	if ((rc = check_editable(c, "add joint body")) != 0)
		return rc;
	if (unit_code == NULL)
		return mi_err(MEDIATE_EINVAL, "add joint body: NULL unit code");
	if ((u = mediate_policy_unit_find(c->policy, unit_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "unknown org unit \"%.64s\"", unit_code);
	if (joint_index(c, u) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "\"%s\" is already a joint body of the case", unit_code);
	if ((rc = grow(&c->joint_bodies, c->joint_body_count, MEDIATE_CASE_MAX_JOINT_BODIES,
	               "joint bodies")) != 0)
		return rc;
	c->joint_bodies[c->joint_body_count++] = u;
	return 0;
}

mediate_status
mediate_case_remove_joint_body(mediate_case *c, const char *unit_code)
{
	const mediate_unit *u;
	size_t i;
	int rc;
	if ((rc = check_editable(c, "remove joint body")) != 0)
		return rc;
	if (unit_code == NULL)
		return mi_err(MEDIATE_EINVAL, "remove joint body: NULL unit code");
	if ((u = mediate_policy_unit_find(c->policy, unit_code)) == NULL ||
	    (i = joint_index(c, u)) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "\"%.64s\" is not a joint body of the case", unit_code);
	memmove(&c->joint_bodies[i], &c->joint_bodies[i + 1],
	        (c->joint_body_count - i - 1) * sizeof(*c->joint_bodies));
	c->joint_body_count--;
	return 0;
}

size_t
mediate_case_joint_body_count(const mediate_case *c)
{
	return c ? c->joint_body_count : 0;
}

const mediate_unit *
mediate_case_joint_body_at(const mediate_case *c, size_t index)
{
	return c && index < c->joint_body_count ? c->joint_bodies[index] : NULL;
}

mediate_status
mediate_case_set_private_hearing(mediate_case *c, int on)
{
	int rc;
	if ((rc = check_editable(c, "set private hearing")) != 0)
		return rc;
	c->private_hearing = on != 0;
	return 0;
}

int
mediate_case_private_hearing(const mediate_case *c)
{
	return c ? c->private_hearing : 0;
}

mediate_status
mediate_case_add_session(mediate_case *c, size_t *index, int64_t at, const char *place, int video,
                         const char *notes, const char *actor, const char *actor_unit)
{
	mediate_case_session *s;
	pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "add session: NULL case");
	if (place == NULL && !video)
		return mi_err(MEDIATE_EINVAL, "a session is held at a place or by video");
	if ((place != NULL && (rc = mi_case_check_name("session place", place)) != 0) ||
	    (notes != NULL && (rc = mi_case_check_text("session notes", notes)) != 0))
		return rc;
	if (c->state != MEDIATE_CASE_IN_MEDIATION)
		return mi_err(MEDIATE_ESTATE, "sessions are held in mediation (the case is %s)",
		              mediate_case_state_name(c->state));
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = grow(&c->sessions, c->session_count, MEDIATE_CASE_MAX_SESSIONS, "sessions")) != 0)
		return rc;
	if ((rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_SESSION,
	                      place != NULL ? place : "video")) != 0)
		return rc;
	if ((s = mi_calloc(1, sizeof(*s))) == NULL ||
	    (place != NULL && (s->place = mi_strdup(place)) == NULL) ||
	    (notes != NULL && (s->notes = mi_strdup(notes)) == NULL)) {
		session_free(s);
		pending_discard(&p);
		return mi_nomem();
	}
	s->at = at;
	s->video = video != 0;
	if (index != NULL)
		*index = c->session_count;
	c->sessions[c->session_count++] = s;
	pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_session_add_attendee(mediate_case *c, size_t session, const char *who)
{
	mediate_case_session *s;
	char *d;
	size_t i;
	int rc;
	if ((rc = check_editable(c, "add attendee")) != 0)
		return rc;
	if (who == NULL)
		return mi_err(MEDIATE_EINVAL, "add attendee: NULL id");
	if (session >= c->session_count)
		return mi_err(MEDIATE_ENOTFOUND, "no session %zu in the case", session);
	if (party_index(c, who) == (size_t)-1 && mediator_index(c, who) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "\"%.64s\" is neither a party nor a mediator of the case", who);
	s = c->sessions[session];
	for (i = 0; i < s->attendee_count; i++)
		if (strcmp(s->attendees[i], who) == 0)
			return mi_err(MEDIATE_EEXISTS, "\"%s\" already attends session %zu", who, session);
	if ((rc = grow(&s->attendees, s->attendee_count, MEDIATE_CASE_MAX_ATTENDEES, "attendees")) != 0)
		return rc;
	if ((d = mi_strdup(who)) == NULL)
		return mi_nomem();
	s->attendees[s->attendee_count++] = d;
	return 0;
}

size_t
mediate_case_session_count(const mediate_case *c)
{
	return c ? c->session_count : 0;
}

const mediate_case_session *
mediate_case_session_at(const mediate_case *c, size_t index)
{
	return c && index < c->session_count ? c->sessions[index] : NULL;
}

int64_t mediate_case_session_time(const mediate_case_session *s) { return s ? s->at : 0; }
const char *mediate_case_session_place(const mediate_case_session *s) { return s ? s->place : NULL; }
int mediate_case_session_is_video(const mediate_case_session *s) { return s ? s->video : 0; }
const char *mediate_case_session_notes(const mediate_case_session *s) { return s ? s->notes : NULL; }
size_t mediate_case_session_attendee_count(const mediate_case_session *s) { return s ? s->attendee_count : 0; }

const char *
mediate_case_session_attendee_at(const mediate_case_session *s, size_t index)
{
	return s && index < s->attendee_count ? s->attendees[index] : NULL;
}

/* ---- lifecycle ---------------------------------------------------------- */

static int
nonagent_party_count(const mediate_case *c)
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
	if ((to == MEDIATE_CASE_ASSIGNED || to == MEDIATE_CASE_IN_MEDIATION) && lead_mediator(c) == NULL)
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
	pending p = { { NULL, NULL }, 0 };
	char *body_copy = NULL;
	mediate_case_state from;
	int rc;

	if ((rc = check_details(details)) != 0)
		return rc;
	if ((rc = check_transition(c, to)) != 0)
		return rc;
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if (body != NULL && (body_copy = mi_strdup(body)) == NULL)
		return mi_nomem();
	from = c->state;
	if ((rc = events_reserve(c, 1)) != 0 ||
	    (rc = pending_add(&p, at, actor, actor_unit, MEDIATE_EVENT_TRANSITION, from, to, details)) != 0) {
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
			agreement_free(c->agreement);
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
	pending_commit(c, &p);
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
	pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL || text == NULL)
		return mi_err(MEDIATE_EINVAL, "add note: NULL argument");
	if ((rc = mi_case_check_text("note", text)) != 0)
		return rc;
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_NOTE, text)) != 0)
		return rc;
	pending_commit(c, &p);
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
	pending p = { { NULL, NULL }, 0 };
	mi_extension *ext;
	int64_t due;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "extend: NULL case");
	if ((rc = check_details(details)) != 0)
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
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if (c->extension_count >= MEDIATE_CASE_MAX_EXTENSIONS)
		return mi_err(MEDIATE_ELIMIT, "a case has at most %u extensions", MEDIATE_CASE_MAX_EXTENSIONS);
	ext = mi_reallocarray(c->extensions, c->extension_count + 1, sizeof(*ext));
	if (ext == NULL)
		return mi_nomem();
	c->extensions = ext;
	if ((text = join_details(due_text, details)) == NULL)
		return MEDIATE_ENOMEM;
	rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_EXTENSION, text);
	mi_free(text);
	if (rc != 0)
		return rc;
	ext[c->extension_count].new_due = new_due;
	ext[c->extension_count].at = at;
	c->extension_count++;
	pending_commit(c, &p);
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

/* ---- the written agreement --------------------------------------------- */

static int
agreement_state(const mediate_case *c, const char *what)
{
	if (c->state != MEDIATE_CASE_AGREEMENT || c->agreement_form != MEDIATE_AGREEMENT_WRITTEN)
		return mi_err(MEDIATE_ESTATE, "%s: the case has no written agreement in progress (it is %s)",
		              what, mediate_case_state_name(c->state));
	if (c->agreement == NULL)
		return mi_err(MEDIATE_ESTATE, "%s: draft the agreement first", what);
	return 0;
}

mediate_status
mediate_case_draft_agreement(mediate_case *c, int64_t at, const char *actor, const char *actor_unit)
{
	pending p = { { NULL, NULL }, 0 };
	mediate_agreement *a;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "draft agreement: NULL case");
	if (c->state != MEDIATE_CASE_AGREEMENT || c->agreement_form != MEDIATE_AGREEMENT_WRITTEN)
		return mi_err(MEDIATE_ESTATE, "a written agreement is drafted once the parties agreed in "
		              "writing (the case is %s)", mediate_case_state_name(c->state));
	if (c->agreement != NULL)
		return mi_err(MEDIATE_EEXISTS, "the agreement is already drafted");
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_AGREEMENT_DRAFTED, NULL)) != 0)
		return rc;
	if ((a = mi_calloc(1, sizeof(*a))) == NULL) {
		pending_discard(&p);
		return mi_nomem();
	}
	a->drafted_at = at;
	a->confirmation = MEDIATE_CONFIRMATION_NONE;
	c->agreement = a;
	pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_agreement_set_text(mediate_case *c, mediate_agreement_field field, const char *text)
{
	const char *name = mediate_agreement_field_name(field);
	char *d;
	int rc;
	if (c == NULL || text == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement text: NULL argument");
	if (name == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement text: unknown field %d", (int)field);
	if ((rc = mi_case_check_text(name, text)) != 0 || (rc = agreement_state(c, "agreement text")) != 0)
		return rc;
	if (c->agreement->signature_count > 0)
		return mi_err(MEDIATE_ESTATE, "a signed agreement cannot be changed");
	if ((d = mi_strdup(text)) == NULL)
		return mi_nomem();
	mi_free(c->agreement->text[field]);
	c->agreement->text[field] = d;
	return 0;
}

mediate_status
mediate_case_agreement_set_deadline(mediate_case *c, int64_t deadline)
{
	mediate_civil cv;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement deadline: NULL case");
	if ((rc = agreement_state(c, "agreement deadline")) != 0)
		return rc;
	if (c->agreement->signature_count > 0)
		return mi_err(MEDIATE_ESTATE, "a signed agreement cannot be changed");
	if (mediate_time_to_civil(&cv, deadline, c->offset) != 0 || deadline < c->agreement->drafted_at)
		return mi_err(MEDIATE_ERANGE, "the deadline of performance is before the agreement");
	c->agreement->deadline = deadline;
	c->agreement->has_deadline = 1;
	return 0;
}

/* Every party that is not an agent, and the lead mediator, must sign. */
static int
is_required_signer(const mediate_case *c, const char *id)
{
	const mediate_case_mediator *lead = lead_mediator(c);
	size_t i = party_index(c, id);
	if (i != (size_t)-1)
		return c->parties[i]->role != MEDIATE_PARTY_AGENT;
	return lead != NULL && strcmp(lead->id, id) == 0;
}

static size_t
required_signers(const mediate_case *c)
{
	return (size_t)nonagent_party_count(c) + (lead_mediator(c) != NULL ? 1 : 0);
}

mediate_status
mediate_case_agreement_sign(mediate_case *c, const char *signer_id, int64_t at, const char *actor,
                            const char *actor_unit)
{
	pending p = { { NULL, NULL }, 0 };
	mediate_agreement *a;
	mi_signature *sigs;
	char *signer;
	size_t i;
	int rc, completes;
	if (c == NULL || signer_id == NULL)
		return mi_err(MEDIATE_EINVAL, "sign: NULL argument");
	if ((rc = agreement_state(c, "sign")) != 0)
		return rc;
	a = c->agreement;
	if (party_index(c, signer_id) == (size_t)-1 && mediator_index(c, signer_id) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "\"%.64s\" is neither a party nor a mediator of the case",
		              signer_id);
	if (!is_required_signer(c, signer_id))
		return mi_err(MEDIATE_EINVAL, "\"%s\" does not sign the agreement (agents and mediators "
		              "other than the lead do not)", signer_id);
	for (i = 0; i < a->signature_count; i++)
		if (strcmp(a->signatures[i].signer, signer_id) == 0)
			return mi_err(MEDIATE_EEXISTS, "\"%s\" has already signed", signer_id);
	for (i = 1; i <= MEDIATE_AGREEMENT_FIELD_COUNT; i++)
		if (a->text[i] == NULL)
			return mi_err(MEDIATE_ESTATE, "the agreement has no %s yet",
			              mediate_agreement_field_name((mediate_agreement_field)i));
	if (!a->has_deadline)
		return mi_err(MEDIATE_ESTATE, "the agreement has no deadline of performance yet");
	if (nonagent_party_count(c) < 2 || lead_mediator(c) == NULL)
		return mi_err(MEDIATE_ESTATE, "an agreement is signed by at least two parties and the "
		              "lead mediator");
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	completes = a->signature_count + 1 == required_signers(c);
	if ((rc = events_reserve(c, completes ? 2 : 1)) != 0)
		return rc;
	if ((rc = pending_add(&p, at, actor, actor_unit, MEDIATE_EVENT_AGREEMENT_SIGNED, c->state, c->state,
	                      signer_id)) != 0)
		return rc;
	if (completes && (rc = pending_add(&p, at, actor, actor_unit, MEDIATE_EVENT_AGREEMENT_EFFECTIVE,
	                                   c->state, c->state, NULL)) != 0) {
		pending_discard(&p);
		return rc;
	}
	sigs = mi_reallocarray(a->signatures, a->signature_count + 1, sizeof(*sigs));
	if (sigs == NULL) {
		pending_discard(&p);
		return mi_nomem();
	}
	a->signatures = sigs;
	if ((signer = mi_strdup(signer_id)) == NULL) {
		pending_discard(&p);
		return mi_nomem();
	}
	sigs[a->signature_count].signer = signer;
	sigs[a->signature_count].at = at;
	a->signature_count++;
	if (completes) {
		a->effective = 1;
		a->effective_at = at;
		c->has_followup_due = 1;
		c->followup_due = a->deadline > at ? a->deadline : at;
	}
	pending_commit(c, &p);
	return 0;
}

/* End of the 30th day after the day of effect, at the case's offset. */
static int
confirmation_due(int64_t *out, const mediate_case *c)
{
	mediate_civil cv;
	int64_t midnight;
	int rc;
	if (c->agreement == NULL || !c->agreement->effective)
		return mi_err(MEDIATE_ENOTFOUND, "the case has no effective written agreement");
	if ((rc = mediate_time_to_civil(&cv, c->agreement->effective_at, c->offset)) != 0)
		return rc;
	cv.hour = cv.minute = cv.second = 0;
	if ((rc = mediate_time_from_civil(&midnight, &cv)) != 0 ||
	    (rc = mediate_time_add_days(&midnight, midnight, 31, c->offset)) != 0)
		return rc;
	*out = midnight - 1;
	return 0;
}

mediate_status
mediate_case_confirmation_due(int64_t *out, const mediate_case *c)
{
	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "confirmation due: NULL argument");
	return confirmation_due(out, c);
}

mediate_status
mediate_case_apply_confirmation(mediate_case *c, const char *court, int64_t at, const char *actor,
                                const char *actor_unit)
{
	pending p = { { NULL, NULL }, 0 };
	int64_t due;
	char *d;
	int rc;
	if (c == NULL || court == NULL)
		return mi_err(MEDIATE_EINVAL, "apply confirmation: NULL argument");
	if ((rc = mi_case_check_name("court", court)) != 0)
		return rc;
	if ((c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP) ||
	    c->agreement == NULL || !c->agreement->effective)
		return mi_err(MEDIATE_ESTATE, "judicial confirmation needs an effective written agreement");
	if (c->agreement->confirmation != MEDIATE_CONFIRMATION_NONE)
		return mi_err(MEDIATE_ESTATE, "judicial confirmation was already applied for");
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = confirmation_due(&due, c)) != 0)
		return rc;
	if (at > due) {
		char a[MEDIATE_TIME_BUFSIZE];
		mediate_time_format(a, sizeof(a), due, c->offset);
		return mi_err(MEDIATE_EREFUSED, "the 30-day window for judicial confirmation closed at %s", a);
	}
	if ((rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_CONFIRMATION_APPLIED, court)) != 0)
		return rc;
	if ((d = mi_strdup(court)) == NULL) {
		pending_discard(&p);
		return mi_nomem();
	}
	mi_free(c->agreement->court);
	c->agreement->court = d;
	c->agreement->confirmation = MEDIATE_CONFIRMATION_APPLIED;
	c->agreement->applied_at = at;
	pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_decide_confirmation(mediate_case *c, mediate_confirmation_status decision, int64_t at,
                                 const char *actor, const char *actor_unit, const char *details)
{
	pending p = { { NULL, NULL }, 0 };
	char *text;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "decide confirmation: NULL case");
	if (decision != MEDIATE_CONFIRMATION_VALID && decision != MEDIATE_CONFIRMATION_INVALID)
		return mi_err(MEDIATE_EINVAL, "a court decides valid or invalid");
	if ((rc = check_details(details)) != 0)
		return rc;
	if ((c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP) ||
	    c->agreement == NULL || c->agreement->confirmation != MEDIATE_CONFIRMATION_APPLIED)
		return mi_err(MEDIATE_ESTATE, "no application for judicial confirmation is pending");
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((text = join_details(mediate_confirmation_status_name(decision), details)) == NULL)
		return MEDIATE_ENOMEM;
	rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_CONFIRMATION_DECIDED, text);
	mi_free(text);
	if (rc != 0)
		return rc;
	c->agreement->confirmation = decision;
	c->agreement->decided_at = at;
	pending_commit(c, &p);
	return 0;
}

const mediate_agreement *
mediate_case_agreement(const mediate_case *c)
{
	return c ? c->agreement : NULL;
}

const char *
mediate_agreement_text(const mediate_agreement *a, mediate_agreement_field field)
{
	if (a == NULL || mediate_agreement_field_name(field) == NULL)
		return NULL;
	return a->text[field];
}

mediate_status
mediate_agreement_deadline(int64_t *out, const mediate_agreement *a)
{
	if (out == NULL || a == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement deadline: NULL argument");
	if (!a->has_deadline)
		return mi_err(MEDIATE_ENOTFOUND, "the agreement has no deadline of performance");
	*out = a->deadline;
	return 0;
}

int64_t mediate_agreement_drafted_at(const mediate_agreement *a) { return a ? a->drafted_at : 0; }
size_t mediate_agreement_signature_count(const mediate_agreement *a) { return a ? a->signature_count : 0; }

const char *
mediate_agreement_signer_at(const mediate_agreement *a, size_t index)
{
	return a && index < a->signature_count ? a->signatures[index].signer : NULL;
}

int64_t
mediate_agreement_signed_at(const mediate_agreement *a, size_t index)
{
	return a && index < a->signature_count ? a->signatures[index].at : 0;
}

int mediate_agreement_is_effective(const mediate_agreement *a) { return a ? a->effective : 0; }

mediate_status
mediate_agreement_effective_at(int64_t *out, const mediate_agreement *a)
{
	if (out == NULL || a == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement effective: NULL argument");
	if (!a->effective)
		return mi_err(MEDIATE_ENOTFOUND, "the agreement has not taken effect");
	*out = a->effective_at;
	return 0;
}

mediate_confirmation_status
mediate_agreement_confirmation(const mediate_agreement *a)
{
	return a ? a->confirmation : (mediate_confirmation_status)0;
}

const char *mediate_agreement_court(const mediate_agreement *a) { return a ? a->court : NULL; }

mediate_status
mediate_agreement_applied_at(int64_t *out, const mediate_agreement *a)
{
	if (out == NULL || a == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement applied: NULL argument");
	if (a->confirmation == MEDIATE_CONFIRMATION_NONE)
		return mi_err(MEDIATE_ENOTFOUND, "no judicial confirmation was applied for");
	*out = a->applied_at;
	return 0;
}

mediate_status
mediate_agreement_decided_at(int64_t *out, const mediate_agreement *a)
{
	if (out == NULL || a == NULL)
		return mi_err(MEDIATE_EINVAL, "agreement decided: NULL argument");
	if (a->confirmation != MEDIATE_CONFIRMATION_VALID && a->confirmation != MEDIATE_CONFIRMATION_INVALID)
		return mi_err(MEDIATE_ENOTFOUND, "the court has not decided");
	*out = a->decided_at;
	return 0;
}

int
mediate_agreement_is_enforceable(const mediate_agreement *a)
{
	return a != NULL && a->confirmation == MEDIATE_CONFIRMATION_VALID;
}

/* ---- follow-up ---------------------------------------------------------- */

mediate_status
mediate_case_schedule_followup(mediate_case *c, int64_t due, int64_t at, const char *actor,
                               const char *actor_unit)
{
	char due_text[MEDIATE_TIME_BUFSIZE];
	pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "schedule follow-up: NULL case");
	if (c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP)
		return mi_err(MEDIATE_ESTATE, "follow-up is scheduled after an agreement (the case is %s)",
		              mediate_case_state_name(c->state));
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if (due < at || mediate_time_format(due_text, sizeof(due_text), due, c->offset) != 0)
		return mi_err(MEDIATE_ERANGE, "a follow-up cannot fall due before it is scheduled");
	if ((rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_FOLLOWUP_SCHEDULED, due_text)) != 0)
		return rc;
	c->has_followup_due = 1;
	c->followup_due = due;
	pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_followup_due(int64_t *out, const mediate_case *c)
{
	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "follow-up due: NULL argument");
	if (!c->has_followup_due)
		return mi_err(MEDIATE_ENOTFOUND, "no follow-up is pending");
	*out = c->followup_due;
	return 0;
}

mediate_status
mediate_case_add_followup(mediate_case *c, mediate_followup_result result, const char *notes, int64_t at,
                          const char *actor, const char *actor_unit)
{
	pending p = { { NULL, NULL }, 0 };
	mediate_followup *f;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "add follow-up: NULL case");
	if (mediate_followup_result_name(result) == NULL)
		return mi_err(MEDIATE_EINVAL, "add follow-up: unknown result %d", (int)result);
	if (notes != NULL && (rc = mi_case_check_text("follow-up notes", notes)) != 0)
		return rc;
	if (c->state != MEDIATE_CASE_FOLLOW_UP)
		return mi_err(MEDIATE_ESTATE, "visits are recorded in follow_up (the case is %s)",
		              mediate_case_state_name(c->state));
	if ((rc = check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = grow(&c->followups, c->followup_count, MEDIATE_CASE_MAX_FOLLOWUPS, "follow-up visits")) != 0)
		return rc;
	if ((rc = pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_FOLLOWUP_VISIT,
	                      mediate_followup_result_name(result))) != 0)
		return rc;
	if ((f = mi_calloc(1, sizeof(*f))) == NULL || (f->actor = mi_strdup(actor)) == NULL ||
	    (notes != NULL && (f->notes = mi_strdup(notes)) == NULL)) {
		followup_free(f);
		pending_discard(&p);
		return mi_nomem();
	}
	f->at = at;
	f->result = result;
	c->followups[c->followup_count++] = f;
	c->has_followup_due = 0;
	pending_commit(c, &p);
	return 0;
}

size_t
mediate_case_followup_count(const mediate_case *c)
{
	return c ? c->followup_count : 0;
}

const mediate_followup *
mediate_case_followup_at(const mediate_case *c, size_t index)
{
	return c && index < c->followup_count ? c->followups[index] : NULL;
}

int64_t mediate_followup_time(const mediate_followup *f) { return f ? f->at : 0; }
mediate_followup_result
mediate_followup_get_result(const mediate_followup *f)
{
	return f ? f->result : (mediate_followup_result)0;
}
const char *mediate_followup_notes(const mediate_followup *f) { return f ? f->notes : NULL; }
const char *mediate_followup_actor(const mediate_followup *f) { return f ? f->actor : NULL; }

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

/* ---- copying ------------------------------------------------------------ */

/* Copies a string that may be NULL; sets *failed on ENOMEM. */
static char *
dup_opt(const char *s, int *failed)
{
	char *d;
	if (s == NULL)
		return NULL;
	if ((d = mi_strdup(s)) == NULL)
		*failed = 1;
	return d;
}

/* Copies an array of pointers (elements copied by the caller). */
static void *
dup_ptr_array(size_t n, int *failed)
{
	void *a;
	if (n == 0)
		return NULL;
	if ((a = mi_calloc(n, sizeof(void *))) == NULL)
		*failed = 1;
	return a;
}

mediate_status
mediate_case_clone(mediate_case **out, const mediate_case *c)
{
	mediate_case *d;
	int failed = 0;
	size_t i, j;

	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "clone: NULL argument");
	if ((d = mi_calloc(1, sizeof(*d))) == NULL)
		return mi_nomem();
	*d = *c;
	/* Clear every owned pointer first, so a failure frees only copies. */
	d->number = d->source_ref = d->address = d->description = d->transfer_body = NULL;
	d->override_reason = d->override_actor = NULL;
	d->tags = NULL;
	d->parties = NULL;
	d->mediators = NULL;
	d->joint_bodies = NULL;
	d->sessions = NULL;
	d->extensions = NULL;
	d->agreement = NULL;
	d->followups = NULL;
	d->events = NULL;
	d->tag_count = d->party_count = d->mediator_count = d->joint_body_count = 0;
	d->session_count = d->extension_count = d->followup_count = d->event_count = d->event_cap = 0;

	d->number = dup_opt(c->number, &failed);
	d->source_ref = dup_opt(c->source_ref, &failed);
	d->address = dup_opt(c->address, &failed);
	d->description = dup_opt(c->description, &failed);
	d->transfer_body = dup_opt(c->transfer_body, &failed);
	d->override_reason = dup_opt(c->override_reason, &failed);
	d->override_actor = dup_opt(c->override_actor, &failed);

	if (!failed && (d->tags = dup_ptr_array(c->tag_count, &failed)) != NULL)
		for (; d->tag_count < c->tag_count && !failed; d->tag_count++)
			d->tags[d->tag_count] = dup_opt(c->tags[d->tag_count], &failed);

	if (!failed && (d->parties = dup_ptr_array(c->party_count, &failed)) != NULL)
		for (i = 0; i < c->party_count && !failed; i++) {
			const mediate_party *sp = c->parties[i];
			mediate_party *p = mi_calloc(1, sizeof(*p));
			if (p == NULL) {
				failed = 1;
				break;
			}
			*p = *sp;
			p->owner = d;
			p->id = dup_opt(sp->id, &failed);
			p->name = dup_opt(sp->name, &failed);
			p->phone = dup_opt(sp->phone, &failed);
			p->phone_masked = dup_opt(sp->phone_masked, &failed);
			p->doc_number = dup_opt(sp->doc_number, &failed);
			p->doc_masked = dup_opt(sp->doc_masked, &failed);
			p->address = dup_opt(sp->address, &failed);
			p->represents = dup_opt(sp->represents, &failed);
			d->parties[d->party_count++] = p;
		}

	if (!failed && (d->mediators = dup_ptr_array(c->mediator_count, &failed)) != NULL)
		for (i = 0; i < c->mediator_count && !failed; i++) {
			mediate_case_mediator *m = mi_calloc(1, sizeof(*m));
			if (m == NULL) {
				failed = 1;
				break;
			}
			m->role = c->mediators[i]->role;
			m->id = dup_opt(c->mediators[i]->id, &failed);
			m->name = dup_opt(c->mediators[i]->name, &failed);
			d->mediators[d->mediator_count++] = m;
		}

	if (!failed && c->joint_body_count > 0) {
		if ((d->joint_bodies = mi_calloc(c->joint_body_count, sizeof(*d->joint_bodies))) == NULL)
			failed = 1;
		else {
			memcpy(d->joint_bodies, c->joint_bodies, c->joint_body_count * sizeof(*d->joint_bodies));
			d->joint_body_count = c->joint_body_count;
		}
	}

	if (!failed && (d->sessions = dup_ptr_array(c->session_count, &failed)) != NULL)
		for (i = 0; i < c->session_count && !failed; i++) {
			const mediate_case_session *ss = c->sessions[i];
			mediate_case_session *s = mi_calloc(1, sizeof(*s));
			if (s == NULL) {
				failed = 1;
				break;
			}
			s->at = ss->at;
			s->video = ss->video;
			s->place = dup_opt(ss->place, &failed);
			s->notes = dup_opt(ss->notes, &failed);
			d->sessions[d->session_count++] = s;
			if (!failed && (s->attendees = dup_ptr_array(ss->attendee_count, &failed)) != NULL)
				for (j = 0; j < ss->attendee_count && !failed; j++)
					s->attendees[s->attendee_count++] = dup_opt(ss->attendees[j], &failed);
		}

	if (!failed && c->extension_count > 0) {
		if ((d->extensions = mi_calloc(c->extension_count, sizeof(*d->extensions))) == NULL)
			failed = 1;
		else {
			memcpy(d->extensions, c->extensions, c->extension_count * sizeof(*d->extensions));
			d->extension_count = c->extension_count;
		}
	}

	if (!failed && c->agreement != NULL) {
		const mediate_agreement *sa = c->agreement;
		mediate_agreement *a = mi_calloc(1, sizeof(*a));
		if (a == NULL)
			failed = 1;
		else {
			*a = *sa;
			memset(a->text, 0, sizeof(a->text));
			a->signatures = NULL;
			a->signature_count = 0;
			a->court = NULL;
			d->agreement = a;
			for (i = 0; i <= MEDIATE_AGREEMENT_FIELD_COUNT; i++)
				a->text[i] = dup_opt(sa->text[i], &failed);
			a->court = dup_opt(sa->court, &failed);
			if (!failed && sa->signature_count > 0) {
				a->signatures = mi_calloc(sa->signature_count, sizeof(*a->signatures));
				if (a->signatures == NULL)
					failed = 1;
				for (i = 0; !failed && i < sa->signature_count; i++) {
					a->signatures[i].at = sa->signatures[i].at;
					a->signatures[i].signer = dup_opt(sa->signatures[i].signer, &failed);
					a->signature_count++;
				}
			}
		}
	}

	if (!failed && (d->followups = dup_ptr_array(c->followup_count, &failed)) != NULL)
		for (i = 0; i < c->followup_count && !failed; i++) {
			mediate_followup *f = mi_calloc(1, sizeof(*f));
			if (f == NULL) {
				failed = 1;
				break;
			}
			f->at = c->followups[i]->at;
			f->result = c->followups[i]->result;
			f->notes = dup_opt(c->followups[i]->notes, &failed);
			f->actor = dup_opt(c->followups[i]->actor, &failed);
			d->followups[d->followup_count++] = f;
		}

	if (!failed && c->event_count > 0) {
		if ((d->events = mi_calloc(c->event_cap, sizeof(*d->events))) == NULL)
			failed = 1;
		else
			d->event_cap = c->event_cap;
		for (i = 0; !failed && i < c->event_count; i++) {
			const mediate_case_event *e = c->events[i];
			mediate_case_event *n = event_make(e->at, e->actor, e->unit, e->kind, e->from, e->to,
			                                   e->details);
			if (n == NULL)
				failed = 1;
			else
				d->events[d->event_count++] = n;
		}
	}

	if (failed) {
		mediate_case_free(d);
		return mi_nomem();
	}
	*out = d;
	return 0;
}

/* ---- lists -------------------------------------------------------------- */

mediate_status
mediate_case_list_new(mediate_case_list **out)
{
	mediate_case_list *l;
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "case list: NULL output");
	if ((l = mi_calloc(1, sizeof(*l))) == NULL)
		return mi_nomem();
	*out = l;
	return 0;
}

void
mediate_case_list_free(mediate_case_list *list)
{
	size_t i;
	if (list == NULL)
		return;
	for (i = 0; i < list->count; i++)
		mediate_case_free(list->items[i]);
	mi_free(list->items);
	mi_free(list);
}

size_t
mediate_case_list_count(const mediate_case_list *list)
{
	return list ? list->count : 0;
}

mediate_case *
mediate_case_list_at(const mediate_case_list *list, size_t index)
{
	return list && index < list->count ? list->items[index] : NULL;
}

mediate_status
mediate_case_list_append(mediate_case_list *list, mediate_case *c)
{
	size_t i;
	if (list == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "case list append: NULL argument");
	for (i = 0; i < list->count; i++)
		if (list->items[i] == c)
			return mi_err(MEDIATE_EEXISTS, "the case is already in the list");
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		mediate_case **a = mi_reallocarray(list->items, cap, sizeof(*a));
		if (a == NULL)
			return mi_nomem();
		list->items = a;
		list->cap = cap;
	}
	list->items[list->count++] = c;
	return 0;
}

/* ---- private helpers for the importer ---------------------------------- */

int
mi_case_push_event(mediate_case *c, int64_t at, const char *actor, const char *unit,
                   mediate_case_event_kind kind, mediate_case_state from, mediate_case_state to,
                   const char *details)
{
	pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "event: NULL case");
	if (mediate_case_event_kind_name(kind) == NULL)
		return mi_err(MEDIATE_EINVAL, "event: unknown kind %d", (int)kind);
	if (!state_ok((int)from) || !state_ok((int)to))
		return mi_err(MEDIATE_EINVAL, "event: unknown state");
	if ((rc = check_details(details)) != 0)
		return rc;
	if ((rc = check_action(c, at, actor, unit)) != 0)
		return rc;
	if ((rc = events_reserve(c, 1)) != 0 ||
	    (rc = pending_add(&p, at, actor, unit, kind, from, to, details)) != 0)
		return rc;
	pending_commit(c, &p);
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
		                              party_index(c, p->represents) == (size_t)-1))
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
			if (party_index(c, w) == (size_t)-1 && mediator_index(c, w) == (size_t)-1)
				return bad("sessions: attendee \"%s\" is neither a party nor a mediator%s", w, NULL);
		}

	/* The written agreement. */
	if ((a = c->agreement) != NULL) {
		if (c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP &&
		    c->state != MEDIATE_CASE_TRANSFERRED && c->state != MEDIATE_CASE_CLOSED)
			return bad("agreement: a case in %s has no written agreement%s",
			           mediate_case_state_name(c->state), NULL);
		for (i = 0; i < a->signature_count; i++) {
			if (!is_required_signer(c, a->signatures[i].signer))
				return bad("agreement: \"%s\" is not a party or the lead mediator%s",
				           a->signatures[i].signer, NULL);
			for (j = 0; j < i; j++)
				if (strcmp(a->signatures[j].signer, a->signatures[i].signer) == 0)
					return bad("agreement: \"%s\" signed twice%s", a->signatures[i].signer, NULL);
			if (i > 0 && a->signatures[i].at < a->signatures[i - 1].at)
				return bad("agreement: signatures are not in time order%s%s", NULL, NULL);
		}
		if (a->effective != (a->signature_count > 0 && a->signature_count == required_signers(c)))
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
			if (confirmation_due(&due, c) != 0 || a->applied_at > due || a->applied_at < a->effective_at)
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
