/* SPDX-License-Identifier: MIT */
/*
 * Case module, part 2: the case record.
 *
 * Read top to bottom: string checks, freeing, creation and identity, place
 * and facts, tags, parties, copying (mediate_case_clone) and case lists.
 * The rest of the record lives beside it: case_mediation.c (mediators,
 * mode, joint bodies, sessions), case_lifecycle.c (the transition table,
 * the timeline, transitions, outcomes, deadlines and the importer's
 * helpers) and case_agreement.c (written agreement, signatures, judicial
 * confirmation, follow-up).  Helpers shared between these files are the
 * mi_case_* functions declared in case_priv.h.
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

int
mi_case_check_actor_text(const char *actor)
{
	if (actor == NULL)
		return mi_err(MEDIATE_EINVAL, "actor: NULL");
	return check_str("actor", actor, strlen(actor), MEDIATE_CASE_MAX_ID_BYTES, 0);
}

int
mi_case_check_details(const char *details)
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
int
mi_case_grow(void *arrp, size_t count, size_t max, const char *what)
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

void
mi_case_mediator_free(mediate_case_mediator *m)
{
	if (m == NULL)
		return;
	mi_free(m->id);
	mi_free(m->name);
	mi_free(m);
}

void
mi_case_session_free(mediate_case_session *s)
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

void
mi_case_agreement_free(mediate_agreement *a)
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

void
mi_case_followup_free(mediate_followup *f)
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
		mi_case_mediator_free(c->mediators[i]);
	mi_free(c->mediators);
	mi_free(c->joint_bodies);
	for (i = 0; i < c->session_count; i++)
		mi_case_session_free(c->sessions[i]);
	mi_free(c->sessions);
	mi_free(c->transfer_body);
	mi_free(c->extensions);
	mi_free(c->override_reason);
	mi_free(c->override_actor);
	mi_case_agreement_free(c->agreement);
	for (i = 0; i < c->followup_count; i++)
		mi_case_followup_free(c->followups[i]);
	mi_free(c->followups);
	for (i = 0; i < c->event_count; i++)
		mi_case_event_free(c->events[i]);
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
	mi_case_pending p = { { NULL, NULL }, 0 };
	int rc;

	if (out == NULL || policy == NULL || unit_code == NULL || actor == NULL)
		return mi_err(MEDIATE_EINVAL, "case new: NULL argument");
	if ((rc = mi_case_check_actor_text(actor)) != 0)
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
	if ((rc = mi_case_events_reserve(c, 1)) != 0 ||
	    (rc = mi_case_pending_add(&p, received_at, actor, unit_code, MEDIATE_EVENT_RECEIVED,
	                      MEDIATE_CASE_RECEIVED, MEDIATE_CASE_RECEIVED, NULL)) != 0) {
		mediate_case_free(c);
		return rc;
	}
	mi_case_pending_commit(c, &p);
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
int
mi_case_check_editable(const mediate_case *c, const char *what)
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
	if ((rc = mi_case_check_editable(c, "set id")) != 0)
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
	if ((rc = mi_case_check_editable(c, "assign number")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set number")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set source")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set category")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set address")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set grid")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set coordinates")) != 0)
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
	if ((rc = mi_case_check_editable(c, "clear coordinates")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set description")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set people involved")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set amount")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set risks")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set prior police calls")) != 0)
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
	if ((rc = mi_case_check_editable(c, "add tag")) != 0)
		return rc;
	if (tag == NULL)
		return mi_err(MEDIATE_EINVAL, "add tag: NULL tag");
	if ((rc = check_str("tag", tag, strlen(tag), MEDIATE_CASE_MAX_ID_BYTES, 0)) != 0)
		return rc;
	if (tag_index(c, tag) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "the case already has the tag \"%s\"", tag);
	if ((rc = mi_case_grow(&c->tags, c->tag_count, MEDIATE_CASE_MAX_TAGS, "tags")) != 0)
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
	if ((rc = mi_case_check_editable(c, "remove tag")) != 0)
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

size_t
mi_case_party_index(const mediate_case *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->party_count; i++)
		if (strcmp(c->parties[i]->id, id) == 0)
			return i;
	return (size_t)-1;
}

size_t
mi_case_mediator_index(const mediate_case *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->mediator_count; i++)
		if (strcmp(c->mediators[i]->id, id) == 0)
			return i;
	return (size_t)-1;
}

const mediate_case_mediator *
mi_case_lead_mediator(const mediate_case *c)
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
	if ((rc = mi_case_check_editable(c, what)) != 0)
		return rc;
	if (party_id == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL party id", what);
	if ((i = mi_case_party_index(c, party_id)) == (size_t)-1)
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
	if ((rc = mi_case_check_editable(c, "add party")) != 0)
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
	if (mi_case_party_index(c, party_id) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "the case already has a party \"%s\"", party_id);
	if (signing_started(c))
		return mi_err(MEDIATE_ESTATE, "parties cannot change once the agreement is being signed");
	if ((rc = mi_case_grow(&c->parties, c->party_count, MEDIATE_CASE_MAX_PARTIES, "parties")) != 0)
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
int
mi_case_referenced(const mediate_case *c, const char *id)
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
	if (mi_case_referenced(c, party_id))
		return mi_err(MEDIATE_ESTATE, "party \"%s\" is referred to by a session, a signature "
		              "or an agent", party_id);
	i = mi_case_party_index(c, party_id);
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
		if ((i = mi_case_party_index(c, represented_id)) == (size_t)-1)
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
	if (c == NULL || party_id == NULL || (i = mi_case_party_index(c, party_id)) == (size_t)-1)
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
	d->owner = NULL;
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
			mediate_case_event *n = mi_case_event_make(e->at, e->actor, e->unit, e->kind, e->from, e->to,
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
	if (list == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "case list append: NULL argument");
	if (c->owner == list)
		return mi_err(MEDIATE_EEXISTS, "the case is already in the list");
	if (c->owner != NULL)
		return mi_err(MEDIATE_EEXISTS, "the case already belongs to another list");
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		mediate_case **a = mi_reallocarray(list->items, cap, sizeof(*a));
		if (a == NULL)
			return mi_nomem();
		list->items = a;
		list->cap = cap;
	}
	list->items[list->count++] = c;
	c->owner = list;
	return 0;
}
