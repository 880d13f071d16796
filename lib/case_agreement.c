/* SPDX-License-Identifier: MIT */
/*
 * Case module: the written mediation agreement -- drafting, its text and
 * performance deadline, signatures and when it takes effect, the
 * application for judicial confirmation and the court's decision, the
 * agreement getters -- and the follow-up visits after an agreement.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "case_priv.h"

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
	mi_case_pending p = { { NULL, NULL }, 0 };
	mediate_agreement *a;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "draft agreement: NULL case");
	if (c->state != MEDIATE_CASE_AGREEMENT || c->agreement_form != MEDIATE_AGREEMENT_WRITTEN)
		return mi_err(MEDIATE_ESTATE, "a written agreement is drafted once the parties agreed in "
		              "writing (the case is %s)", mediate_case_state_name(c->state));
	if (c->agreement != NULL)
		return mi_err(MEDIATE_EEXISTS, "the agreement is already drafted");
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_AGREEMENT_DRAFTED, NULL)) != 0)
		return rc;
	if ((a = mi_calloc(1, sizeof(*a))) == NULL) {
		mi_case_pending_discard(&p);
		return mi_nomem();
	}
	a->drafted_at = at;
	a->confirmation = MEDIATE_CONFIRMATION_NONE;
	c->agreement = a;
	mi_case_pending_commit(c, &p);
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
int
mi_case_is_required_signer(const mediate_case *c, const char *id)
{
	const mediate_case_mediator *lead = mi_case_lead_mediator(c);
	size_t i = mi_case_party_index(c, id);
	if (i != (size_t)-1)
		return c->parties[i]->role != MEDIATE_PARTY_AGENT;
	return lead != NULL && strcmp(lead->id, id) == 0;
}

size_t
mi_case_required_signers(const mediate_case *c)
{
	return (size_t)mi_case_nonagent_party_count(c) + (mi_case_lead_mediator(c) != NULL ? 1 : 0);
}

mediate_status
mediate_case_agreement_sign(mediate_case *c, const char *signer_id, int64_t at, const char *actor,
                            const char *actor_unit)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
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
	if (mi_case_party_index(c, signer_id) == (size_t)-1 && mi_case_mediator_index(c, signer_id) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "\"%.64s\" is neither a party nor a mediator of the case",
		              signer_id);
	if (!mi_case_is_required_signer(c, signer_id))
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
	if (mi_case_nonagent_party_count(c) < 2 || mi_case_lead_mediator(c) == NULL)
		return mi_err(MEDIATE_ESTATE, "an agreement is signed by at least two parties and the "
		              "lead mediator");
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	completes = a->signature_count + 1 == mi_case_required_signers(c);
	if ((rc = mi_case_events_reserve(c, completes ? 2 : 1)) != 0)
		return rc;
	if ((rc = mi_case_pending_add(&p, at, actor, actor_unit, MEDIATE_EVENT_AGREEMENT_SIGNED, c->state, c->state,
	                      signer_id)) != 0)
		return rc;
	if (completes && (rc = mi_case_pending_add(&p, at, actor, actor_unit, MEDIATE_EVENT_AGREEMENT_EFFECTIVE,
	                                   c->state, c->state, NULL)) != 0) {
		mi_case_pending_discard(&p);
		return rc;
	}
	sigs = mi_reallocarray(a->signatures, a->signature_count + 1, sizeof(*sigs));
	if (sigs == NULL) {
		mi_case_pending_discard(&p);
		return mi_nomem();
	}
	a->signatures = sigs;
	if ((signer = mi_strdup(signer_id)) == NULL) {
		mi_case_pending_discard(&p);
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
	mi_case_pending_commit(c, &p);
	return 0;
}

/* End of the 30th day after the day of effect, at the case's offset. */
int
mi_case_confirmation_due(int64_t *out, const mediate_case *c)
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
	return mi_case_confirmation_due(out, c);
}

mediate_status
mediate_case_apply_confirmation(mediate_case *c, const char *court, int64_t at, const char *actor,
                                const char *actor_unit)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
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
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = mi_case_confirmation_due(&due, c)) != 0)
		return rc;
	if (at > due) {
		char a[MEDIATE_TIME_BUFSIZE];
		mediate_time_format(a, sizeof(a), due, c->offset);
		return mi_err(MEDIATE_EREFUSED, "the 30-day window for judicial confirmation closed at %s", a);
	}
	if ((rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_CONFIRMATION_APPLIED, court)) != 0)
		return rc;
	if ((d = mi_strdup(court)) == NULL) {
		mi_case_pending_discard(&p);
		return mi_nomem();
	}
	mi_free(c->agreement->court);
	c->agreement->court = d;
	c->agreement->confirmation = MEDIATE_CONFIRMATION_APPLIED;
	c->agreement->applied_at = at;
	mi_case_pending_commit(c, &p);
	return 0;
}

mediate_status
mediate_case_decide_confirmation(mediate_case *c, mediate_confirmation_status decision, int64_t at,
                                 const char *actor, const char *actor_unit, const char *details)
{
	mi_case_pending p = { { NULL, NULL }, 0 };
	char *text;
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "decide confirmation: NULL case");
	if (decision != MEDIATE_CONFIRMATION_VALID && decision != MEDIATE_CONFIRMATION_INVALID)
		return mi_err(MEDIATE_EINVAL, "a court decides valid or invalid");
	if ((rc = mi_case_check_details(details)) != 0)
		return rc;
	if ((c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP) ||
	    c->agreement == NULL || c->agreement->confirmation != MEDIATE_CONFIRMATION_APPLIED)
		return mi_err(MEDIATE_ESTATE, "no application for judicial confirmation is pending");
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((text = mi_case_join_details(mediate_confirmation_status_name(decision), details)) == NULL)
		return MEDIATE_ENOMEM;
	rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_CONFIRMATION_DECIDED, text);
	mi_free(text);
	if (rc != 0)
		return rc;
	c->agreement->confirmation = decision;
	c->agreement->decided_at = at;
	mi_case_pending_commit(c, &p);
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
	mi_case_pending p = { { NULL, NULL }, 0 };
	int rc;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "schedule follow-up: NULL case");
	if (c->state != MEDIATE_CASE_AGREEMENT && c->state != MEDIATE_CASE_FOLLOW_UP)
		return mi_err(MEDIATE_ESTATE, "follow-up is scheduled after an agreement (the case is %s)",
		              mediate_case_state_name(c->state));
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if (due < at || mediate_time_format(due_text, sizeof(due_text), due, c->offset) != 0)
		return mi_err(MEDIATE_ERANGE, "a follow-up cannot fall due before it is scheduled");
	if ((rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_FOLLOWUP_SCHEDULED, due_text)) != 0)
		return rc;
	c->has_followup_due = 1;
	c->followup_due = due;
	mi_case_pending_commit(c, &p);
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
	mi_case_pending p = { { NULL, NULL }, 0 };
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
	if ((rc = mi_case_check_action(c, at, actor, actor_unit)) != 0)
		return rc;
	if ((rc = mi_case_grow(&c->followups, c->followup_count, MEDIATE_CASE_MAX_FOLLOWUPS, "follow-up visits")) != 0)
		return rc;
	if ((rc = mi_case_pending_one(c, &p, at, actor, actor_unit, MEDIATE_EVENT_FOLLOWUP_VISIT,
	                      mediate_followup_result_name(result))) != 0)
		return rc;
	if ((f = mi_calloc(1, sizeof(*f))) == NULL || (f->actor = mi_strdup(actor)) == NULL ||
	    (notes != NULL && (f->notes = mi_strdup(notes)) == NULL)) {
		mi_case_followup_free(f);
		mi_case_pending_discard(&p);
		return mi_nomem();
	}
	f->at = at;
	f->result = result;
	c->followups[c->followup_count++] = f;
	c->has_followup_due = 0;
	mi_case_pending_commit(c, &p);
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
