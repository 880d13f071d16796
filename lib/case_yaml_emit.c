/* SPDX-License-Identifier: MIT */
/*
 * Cases to YAML: export with libyaml's yemit.  The format is documented
 * in mediate-case(5); the import is in case_yaml.c.
 *
 * Export writes one canonical form: keys in a fixed order, block style,
 * UTF-8 unescaped, no line wrapping, optional keys left out when they hold
 * their default.  Every text is written plain when that is unambiguous and
 * double-quoted otherwise (yemit_text_is_plain in yemit.c), so the bytes depend only on
 * the case: export -> import -> export gives identical bytes.  Times are
 * written at the case's UTC offset, money as quoted "1234.56" strings.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include "case_priv.h"
#include "grade_priv.h"
#include "yemit.h"

static void
key(yemit *e, const char *k)
{
	yemit_scalar(e, k, YEMIT_PLAIN);
}

static void
kv_text(yemit *e, const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(e, k);
	yemit_scalar(e, v, YEMIT_TEXT);
}

static void
kv_plain(yemit *e, const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(e, k);
	yemit_scalar(e, v, YEMIT_PLAIN);
}

static void
kv_quoted(yemit *e, const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(e, k);
	yemit_scalar(e, v, YEMIT_QUOTED);
}

static void
kv_uint(yemit *e, const char *k, unsigned long long v)
{
	char b[32];
	snprintf(b, sizeof b, "%llu", v);
	kv_plain(e, k, b);
}

static void
kv_bool(yemit *e, const char *k, int v)
{
	kv_plain(e, k, v ? "true" : "false");
}

static void
kv_time(yemit *e, const char *k, int64_t t)
{
	char b[MEDIATE_TIME_BUFSIZE];
	if (e->rc == 0 && (e->rc = mediate_time_format(b, sizeof b, t, e->offset)) == 0)
		kv_plain(e, k, b);
}

static void
kv_money(yemit *e, const char *k, int64_t fen)
{
	char b[MEDIATE_MONEY_BUFSIZE];
	if (e->rc == 0 && (e->rc = mediate_money_format(b, sizeof b, fen)) == 0)
		kv_quoted(e, k, b);
}

/* "29.857000" from 29857000 micro-degrees. */
static void
kv_micro(yemit *e, const char *k, int32_t v)
{
	char b[32];
	long long a = v < 0 ? -(long long)v : v;
	snprintf(b, sizeof b, "%s%lld.%06lld", v < 0 ? "-" : "", a / 1000000, a % 1000000);
	kv_plain(e, k, b);
}

static void
kv_list(yemit *e, const char *k, char *const *items, size_t n)
{
	size_t i;
	if (n == 0)
		return;
	key(e, k);
	yemit_seq_start(e);
	for (i = 0; i < n; i++)
		yemit_scalar(e, items[i], YEMIT_TEXT);
	yemit_seq_end(e);
}

/* A list of the names of the bits set in flags. */
static void
kv_bits(yemit *e, const char *k, unsigned int flags, const char *(*name)(unsigned int))
{
	unsigned int bit;
	if (flags == 0)
		return;
	key(e, k);
	yemit_seq_start(e);
	for (bit = 1; bit != 0 && bit <= flags; bit <<= 1)
		if ((flags & bit) && name(bit) != NULL)
			yemit_scalar(e, name(bit), YEMIT_PLAIN);
	yemit_seq_end(e);
}

static void
emit_party(yemit *e, const mediate_party *p)
{
	int mask = (e->flags & MEDIATE_CASE_YAML_MASK) != 0;
	yemit_map_start(e);
	kv_text(e, "id", p->id);
	kv_plain(e, "role", mediate_party_role_name(p->role));
	kv_plain(e, "kind", mediate_party_kind_name(p->kind));
	kv_text(e, "name", p->name);
	kv_quoted(e, "phone", mask ? p->phone_masked : p->phone);
	if (p->doc_type != 0 && p->doc_number != NULL) {
		key(e, "document");
		yemit_map_start(e);
		kv_plain(e, "type", mediate_party_doc_type_name(p->doc_type));
		kv_quoted(e, "number", mask ? p->doc_masked : p->doc_number);
		yemit_map_end(e);
	}
	kv_text(e, "address", p->address);
	kv_bits(e, "flags", p->flags, mediate_party_flag_name);
	kv_text(e, "represents", p->represents);
	yemit_map_end(e);
}

static void
emit_mediation(yemit *e, const mediate_case *c)
{
	size_t i, j;
	if (c->mode == 0 && c->joint_body_count == 0 && !c->private_hearing && c->mediator_count == 0 &&
	    c->session_count == 0)
		return;
	key(e, "mediation");
	yemit_map_start(e);
	if (c->mode != 0)
		kv_plain(e, "mode", mediate_case_mode_name(c->mode));
	if (c->joint_body_count > 0) {
		key(e, "joint_bodies");
		yemit_seq_start(e);
		for (i = 0; i < c->joint_body_count; i++)
			yemit_scalar(e, mediate_unit_code(c->joint_bodies[i]), YEMIT_TEXT);
		yemit_seq_end(e);
	}
	if (c->private_hearing)
		kv_bool(e, "private_hearing", 1);
	if (c->mediator_count > 0) {
		key(e, "mediators");
		yemit_seq_start(e);
		for (i = 0; i < c->mediator_count; i++) {
			const mediate_case_mediator *m = c->mediators[i];
			yemit_map_start(e);
			kv_text(e, "id", m->id);
			kv_text(e, "name", m->name);
			kv_plain(e, "role", mediate_case_mediator_role_name(m->role));
			yemit_map_end(e);
		}
		yemit_seq_end(e);
	}
	if (c->session_count > 0) {
		key(e, "sessions");
		yemit_seq_start(e);
		for (i = 0; i < c->session_count; i++) {
			const mediate_case_session *s = c->sessions[i];
			yemit_map_start(e);
			kv_time(e, "at", s->at);
			kv_text(e, "place", s->place);
			if (s->video)
				kv_bool(e, "video", 1);
			if (s->attendee_count > 0) {
				key(e, "attendees");
				yemit_seq_start(e);
				for (j = 0; j < s->attendee_count; j++)
					yemit_scalar(e, s->attendees[j], YEMIT_TEXT);
				yemit_seq_end(e);
			}
			kv_text(e, "notes", s->notes);
			yemit_map_end(e);
		}
		yemit_seq_end(e);
	}
	yemit_map_end(e);
}

static void
emit_agreement(yemit *e, const mediate_agreement *a)
{
	size_t i;
	int f;
	key(e, "agreement");
	yemit_map_start(e);
	kv_time(e, "drafted_at", a->drafted_at);
	for (f = 1; f <= MEDIATE_AGREEMENT_FIELD_COUNT; f++)
		kv_text(e, mediate_agreement_field_name((mediate_agreement_field)f), a->text[f]);
	if (a->has_deadline)
		kv_time(e, "deadline", a->deadline);
	if (a->signature_count > 0) {
		key(e, "signatures");
		yemit_seq_start(e);
		for (i = 0; i < a->signature_count; i++) {
			yemit_map_start(e);
			kv_text(e, "signer", a->signatures[i].signer);
			kv_time(e, "at", a->signatures[i].at);
			yemit_map_end(e);
		}
		yemit_seq_end(e);
	}
	if (a->effective)
		kv_time(e, "effective_at", a->effective_at);
	if (a->confirmation != MEDIATE_CONFIRMATION_NONE && a->confirmation != 0) {
		key(e, "confirmation");
		yemit_map_start(e);
		kv_plain(e, "status", mediate_confirmation_status_name(a->confirmation));
		kv_text(e, "court", a->court);
		kv_time(e, "applied_at", a->applied_at);
		if (a->confirmation == MEDIATE_CONFIRMATION_VALID || a->confirmation == MEDIATE_CONFIRMATION_INVALID)
			kv_time(e, "decided_at", a->decided_at);
		yemit_map_end(e);
	}
	yemit_map_end(e);
}

static void
emit_case(yemit *e, const mediate_case *c)
{
	size_t i;

	e->offset = c->offset;
	yemit_map_start(e);
	kv_plain(e, "id", c->id_text);
	kv_text(e, "number", c->number);
	kv_plain(e, "state", mediate_case_state_name(c->state));
	kv_time(e, "received_at", c->received_at);
	kv_text(e, "unit", mediate_unit_code(c->unit));
	if (c->source != 0)
		kv_plain(e, "source", mediate_case_source_name(c->source));
	kv_text(e, "source_ref", c->source_ref);
	if (c->category != NULL)
		kv_text(e, "category", mediate_category_code(c->category));

	if (c->address != NULL || c->grid != NULL || c->has_coordinates) {
		key(e, "place");
		yemit_map_start(e);
		kv_text(e, "address", c->address);
		if (c->grid != NULL)
			kv_text(e, "grid", mediate_unit_code(c->grid));
		if (c->has_coordinates) {
			kv_micro(e, "lat", c->lat);
			kv_micro(e, "lon", c->lon);
		}
		yemit_map_end(e);
	}

	if (c->description != NULL || c->people_involved != 0 || c->amount != 0 || c->risks != 0 ||
	    c->prior_police_calls != 0 || c->tag_count != 0) {
		key(e, "facts");
		yemit_map_start(e);
		kv_text(e, "description", c->description);
		if (c->people_involved != 0)
			kv_uint(e, "people_involved", c->people_involved);
		if (c->amount != 0)
			kv_money(e, "amount", c->amount);
		kv_bits(e, "risks", c->risks, mediate_case_risk_name);
		if (c->prior_police_calls != 0)
			kv_uint(e, "prior_police_calls", c->prior_police_calls);
		kv_list(e, "tags", c->tags, c->tag_count);
		yemit_map_end(e);
	}

	if (c->party_count > 0) {
		key(e, "parties");
		yemit_seq_start(e);
		for (i = 0; i < c->party_count; i++)
			emit_party(e, c->parties[i]);
		yemit_seq_end(e);
	}

	emit_mediation(e, c);

	if (c->outcome != MEDIATE_OUTCOME_NONE && c->outcome != 0) {
		key(e, "outcome");
		yemit_map_start(e);
		kv_plain(e, "result", mediate_case_outcome_name(c->outcome));
		if (c->outcome == MEDIATE_OUTCOME_AGREEMENT && c->agreement_form != 0)
			kv_plain(e, "form", mediate_agreement_form_name(c->agreement_form));
		if (c->outcome == MEDIATE_OUTCOME_TRANSFERRED) {
			if (c->transfer_kind != 0)
				kv_plain(e, "transfer", mediate_transfer_kind_name(c->transfer_kind));
			kv_text(e, "body", c->transfer_body);
		}
		yemit_map_end(e);
	}
	if (c->remediations != 0)
		kv_uint(e, "remediations", c->remediations);

	if (c->accepted || c->extension_count > 0 || c->has_followup_due) {
		key(e, "deadlines");
		yemit_map_start(e);
		if (c->accepted)
			kv_time(e, "accepted_at", c->accepted_at);
		if (c->extension_count > 0) {
			key(e, "extensions");
			yemit_seq_start(e);
			for (i = 0; i < c->extension_count; i++) {
				yemit_map_start(e);
				kv_time(e, "at", c->extensions[i].at);
				kv_time(e, "new_due", c->extensions[i].new_due);
				yemit_map_end(e);
			}
			yemit_seq_end(e);
		}
		if (c->has_followup_due)
			kv_time(e, "followup_due", c->followup_due);
		yemit_map_end(e);
	}

	if (c->computed_level != NULL || c->override_level != NULL) {
		char b[32];
		key(e, "grade");
		yemit_map_start(e);
		if (c->computed_level != NULL) {
			kv_plain(e, "level", mediate_level_code(c->computed_level));
			snprintf(b, sizeof b, "%lld", (long long)c->level_points);
			kv_plain(e, "points", b);
		}
		if (c->override_level != NULL) {
			key(e, "override");
			yemit_map_start(e);
			kv_plain(e, "level", mediate_level_code(c->override_level));
			kv_time(e, "at", c->override_at);
			kv_text(e, "actor", c->override_actor);
			kv_text(e, "reason", c->override_reason);
			yemit_map_end(e);
		}
		yemit_map_end(e);
	}

	if (c->agreement != NULL)
		emit_agreement(e, c->agreement);

	if (c->followup_count > 0) {
		key(e, "followups");
		yemit_seq_start(e);
		for (i = 0; i < c->followup_count; i++) {
			const mediate_followup *f = c->followups[i];
			yemit_map_start(e);
			kv_time(e, "at", f->at);
			kv_plain(e, "result", mediate_followup_result_name(f->result));
			kv_text(e, "actor", f->actor);
			kv_text(e, "notes", f->notes);
			yemit_map_end(e);
		}
		yemit_seq_end(e);
	}

	key(e, "timeline");
	yemit_seq_start(e);
	for (i = 0; i < c->event_count; i++) {
		const mediate_case_event *ev = c->events[i];
		yemit_map_start(e);
		kv_time(e, "at", ev->at);
		kv_text(e, "actor", ev->actor);
		kv_text(e, "unit", ev->unit);
		kv_plain(e, "event", mediate_case_event_kind_name(ev->kind));
		if (ev->kind == MEDIATE_EVENT_TRANSITION) {
			kv_plain(e, "from", mediate_case_state_name(ev->from));
			kv_plain(e, "to", mediate_case_state_name(ev->to));
		}
		kv_text(e, "details", ev->details);
		yemit_map_end(e);
	}
	yemit_seq_end(e);
	yemit_map_end(e);
}

mediate_status
mediate_case_to_yaml(char **out, size_t *len, const mediate_case *c, unsigned int flags)
{
	yemit e;
	int rc;
	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "case to YAML: NULL argument");
	if ((flags & ~MEDIATE_CASE_YAML_MASK) != 0)
		return mi_err(MEDIATE_EINVAL, "case to YAML: unknown flags 0x%x", flags & ~MEDIATE_CASE_YAML_MASK);
	if ((rc = yemit_open(&e, flags)) != 0) {
		if (e.rc != 0)
			return yemit_close(&e, out, len);
		return rc;
	}
	emit_case(&e, c);
	return yemit_close(&e, out, len);
}

mediate_status
mediate_case_list_to_yaml(char **out, size_t *len, const mediate_case_list *list, unsigned int flags)
{
	yemit e;
	size_t i;
	int rc;
	if (out == NULL || list == NULL)
		return mi_err(MEDIATE_EINVAL, "case list to YAML: NULL argument");
	if ((flags & ~MEDIATE_CASE_YAML_MASK) != 0)
		return mi_err(MEDIATE_EINVAL, "case list to YAML: unknown flags 0x%x",
		              flags & ~MEDIATE_CASE_YAML_MASK);
	if ((rc = yemit_open(&e, flags)) != 0) {
		if (e.rc != 0)
			return yemit_close(&e, out, len);
		return rc;
	}
	yemit_map_start(&e);
	kv_plain(&e, "format", MI_CASE_LIST_FORMAT);
	kv_uint(&e, "version", MI_CASE_LIST_VERSION);
	key(&e, "cases");
	yemit_seq_start(&e);
	for (i = 0; i < list->count && e.rc == 0; i++)
		emit_case(&e, list->items[i]);
	yemit_seq_end(&e);
	yemit_map_end(&e);
	return yemit_close(&e, out, len);
}
