/* SPDX-License-Identifier: MIT */
/*
 * Case module: mediation of a case -- the mediators (lead and assistants),
 * the mediation mode, joint mediation bodies, the private-hearing flag and
 * the mediation sessions with their attendees.
 *
 * Changes follow the pattern of case.c: check, allocate, then change with
 * steps that cannot fail; events go through the mi_case_pending helpers.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "case_priv.h"


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
	mi_case_pending p = { { NULL, NULL }, 0 };
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
	if (mi_case_mediator_index(c, mediator_id) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "mediator \"%s\" is already assigned", mediator_id);
	if (role == MEDIATE_MEDIATOR_LEAD && mi_case_lead_mediator(c) != NULL)
		return mi_err(MEDIATE_EEXISTS, "the case already has a lead mediator (%s)",
		              mi_case_lead_mediator(c)->id);
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = mi_case_grow(&c->mediators, c->mediator_count, MEDIATE_CASE_MAX_MEDIATORS, "mediators")) != 0)
		return rc;
	if ((details = mi_case_join_details(mediator_id, mediate_case_mediator_role_name(role))) == NULL)
		return MEDIATE_ENOMEM;
	rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_MEDIATOR_ASSIGNED, details);
	mi_free(details);
	if (rc != 0)
		return rc;
	if ((m = mi_calloc(1, sizeof(*m))) == NULL || (m->id = mi_strdup(mediator_id)) == NULL ||
	    (m->name = mi_strdup(name)) == NULL) {
		mi_case_mediator_free(m);
		mi_case_pending_discard(&p);
		return mi_nomem();
	}
	m->role = role;
	c->mediators[c->mediator_count++] = m;
	mi_case_pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_remove_mediator(mediate_case *c, const char *mediator_id, int64_t at, const char *actor,
                             const char *actor_unit, const char *details)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
	char *text;
	size_t i;
	int rc;
	if (c == NULL || mediator_id == NULL)
		return mi_err(MEDIATE_EINVAL, "remove mediator: NULL argument");
	if ((i = mi_case_mediator_index(c, mediator_id)) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "no mediator \"%.64s\" in the case", mediator_id);
	if ((rc = mi_case_check_details(details)) != 0)
		return rc;
	if (!before_outcome(c))
		return mi_err(MEDIATE_ESTATE, "mediators change only before an outcome (the case is %s)",
		              mediate_case_state_name(c->state));
	if (mi_case_referenced(c, mediator_id))
		return mi_err(MEDIATE_ESTATE, "mediator \"%s\" attended a session or signed", mediator_id);
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((text = mi_case_join_details(mediator_id, details)) == NULL)
		return MEDIATE_ENOMEM;
	rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_MEDIATOR_REMOVED, text);
	mi_free(text);
	if (rc != 0)
		return rc;
	mi_case_mediator_free(c->mediators[i]);
	memmove(&c->mediators[i], &c->mediators[i + 1], (c->mediator_count - i - 1) * sizeof(*c->mediators));
	c->mediator_count--;
	mi_case_pending_commit(c, &p);
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
	if (c == NULL || mediator_id == NULL || (i = mi_case_mediator_index(c, mediator_id)) == (size_t)-1)
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
	if ((rc = mi_case_check_editable(c, "set mode")) != 0)
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
	if ((rc = mi_case_check_editable(c, "add joint body")) != 0)
		return rc;
	if (unit_code == NULL)
		return mi_err(MEDIATE_EINVAL, "add joint body: NULL unit code");
	if ((u = mediate_policy_unit_find(c->policy, unit_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "unknown org unit \"%.64s\"", unit_code);
	if (joint_index(c, u) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "\"%s\" is already a joint body of the case", unit_code);
	if ((rc = mi_case_grow(&c->joint_bodies, c->joint_body_count, MEDIATE_CASE_MAX_JOINT_BODIES,
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
	if ((rc = mi_case_check_editable(c, "remove joint body")) != 0)
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
	if ((rc = mi_case_check_editable(c, "set private hearing")) != 0)
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
	mi_case_pending p = { { NULL, NULL }, 0 };
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
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = mi_case_grow(&c->sessions, c->session_count, MEDIATE_CASE_MAX_SESSIONS, "sessions")) != 0)
		return rc;
	if ((rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_SESSION,
	                      place != NULL ? place : "video")) != 0)
		return rc;
	if ((s = mi_calloc(1, sizeof(*s))) == NULL ||
	    (place != NULL && (s->place = mi_strdup(place)) == NULL) ||
	    (notes != NULL && (s->notes = mi_strdup(notes)) == NULL)) {
		mi_case_session_free(s);
		mi_case_pending_discard(&p);
		return mi_nomem();
	}
	s->at = at;
	s->video = video != 0;
	if (index != NULL)
		*index = c->session_count;
	c->sessions[c->session_count++] = s;
	mi_case_pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_session_add_attendee(mediate_case *c, size_t session, const char *who)
{
	mediate_case_session *s;
	char *d;
	size_t i;
	int rc;
	if ((rc = mi_case_check_editable(c, "add attendee")) != 0)
		return rc;
	if (who == NULL)
		return mi_err(MEDIATE_EINVAL, "add attendee: NULL id");
	if (session >= c->session_count)
		return mi_err(MEDIATE_ENOTFOUND, "no session %zu in the case", session);
	if (mi_case_party_index(c, who) == (size_t)-1 && mi_case_mediator_index(c, who) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "\"%.64s\" is neither a party nor a mediator of the case", who);
	s = c->sessions[session];
	for (i = 0; i < s->attendee_count; i++)
		if (strcmp(s->attendees[i], who) == 0)
			return mi_err(MEDIATE_EEXISTS, "\"%s\" already attends session %zu", who, session);
	if ((rc = mi_case_grow(&s->attendees, s->attendee_count, MEDIATE_CASE_MAX_ATTENDEES, "attendees")) != 0)
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
