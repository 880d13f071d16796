/* SPDX-License-Identifier: MIT */
/*
 * The level kept on a case: re-grading, escalation-only, officers' overrides.
 * See grade.h.  Every change goes through mi_case_push_event(), which checks
 * the actor and the time and appends to the timeline; the case's fields are
 * changed only after the event is in, so a failure changes nothing.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "case_priv.h"
#include "grade_priv.h"

static int
check_open(const mediate_case *c, const char *what)
{
	if (c->state == MEDIATE_CASE_CLOSED)
		return mi_err(MEDIATE_ESTATE, "%s: case %s is closed", what, c->number ? c->number : c->id_text);
	return 0;
}

static int
check_reason(const char *what, const char *reason)
{
	if (reason == NULL || *reason == '\0')
		return mi_err(MEDIATE_EINVAL, "%s: a reason is required", what);
	return mi_case_check_text("reason", reason);
}

static const mediate_level *
effective(const mediate_case *c)
{
	return c->override_level != NULL ? c->override_level : c->computed_level;
}

mediate_status
mediate_case_regrade(mediate_case *c, int64_t at, const char *actor, const char *actor_unit, const char *reason)
{
	mediate_grade_result *r = NULL;
	const mediate_level *now, *before, *kept;
	char details[1024];
	int64_t points;
	int rc, refused = 0;

	if (c == NULL || actor == NULL)
		return mi_err(MEDIATE_EINVAL, "regrade: NULL argument");
	if ((rc = check_open(c, "regrade")) != 0 || (rc = check_reason("regrade", reason)) != 0)
		return rc;
	if ((rc = mediate_grade(&r, c->policy, c, 0)) != 0)
		return rc;
	now = mediate_grade_result_level(r);
	points = mediate_grade_result_points(r);
	mediate_grade_result_free(r);

	before = effective(c);
	kept = now;
	if (c->computed_level != NULL && mediate_level_rank(now) < mediate_level_rank(c->computed_level) &&
	    !mediate_policy_grading_allows_downgrade(c->policy)) {
		kept = c->computed_level;   /* escalation only: say so, do not lower */
		refused = 1;
	}
	if (refused) {
		snprintf(details, sizeof details, "%s kept (%lld points give %s; the policy does not allow downgrades): %s",
		         mediate_level_code(kept), (long long)points, mediate_level_code(now), reason);
	} else if (c->override_level != NULL) {
		snprintf(details, sizeof details, "rules: %s -> %s (%lld points), override %s stays: %s",
		         c->computed_level ? mediate_level_code(c->computed_level) : "none", mediate_level_code(now),
		         (long long)points, mediate_level_code(c->override_level), reason);
	} else {
		snprintf(details, sizeof details, "%s -> %s (%lld points): %s",
		         before ? mediate_level_code(before) : "none", mediate_level_code(now), (long long)points, reason);
	}
	/* Nothing to record when neither the kept level nor the points moved
	 * (a refused downgrade is recorded once, not at every re-grading). */
	if (kept == c->computed_level && points == c->level_points)
		return MEDIATE_OK;
	if ((rc = mi_case_push_event(c, at, actor, actor_unit, MEDIATE_EVENT_GRADED, c->state, c->state, details)) != 0)
		return rc;
	c->computed_level = kept;
	c->level_points = points;
	return MEDIATE_OK;
}

mediate_status
mediate_case_override_level(mediate_case *c, const char *level_code, int64_t at, const char *actor,
                            const char *actor_unit, const char *reason)
{
	const mediate_level *l, *before;
	char details[1024], *r2, *a2;
	int rc;

	if (c == NULL || level_code == NULL || actor == NULL)
		return mi_err(MEDIATE_EINVAL, "override level: NULL argument");
	if ((rc = check_open(c, "override level")) != 0 || (rc = check_reason("override level", reason)) != 0)
		return rc;
	if ((l = mediate_policy_level_find(c->policy, level_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "override level: the policy has no level \"%.40s\"", level_code);
	before = effective(c);
	snprintf(details, sizeof details, "%s -> %s (override): %s", before ? mediate_level_code(before) : "none",
	         mediate_level_code(l), reason);
	r2 = mi_strdup(reason);
	a2 = mi_strdup(actor);
	if (r2 == NULL || a2 == NULL) {
		mi_free(r2);
		mi_free(a2);
		return mi_nomem();
	}
	if ((rc = mi_case_push_event(c, at, actor, actor_unit, MEDIATE_EVENT_LEVEL_OVERRIDE, c->state, c->state,
	                             details)) != 0) {
		mi_free(r2);
		mi_free(a2);
		return rc;
	}
	mi_free(c->override_reason);
	mi_free(c->override_actor);
	c->override_level = l;
	c->override_reason = r2;
	c->override_actor = a2;
	c->override_at = at;
	return MEDIATE_OK;
}

mediate_status
mediate_case_clear_override(mediate_case *c, int64_t at, const char *actor, const char *actor_unit,
                            const char *reason)
{
	char details[1024];
	int rc;

	if (c == NULL || actor == NULL)
		return mi_err(MEDIATE_EINVAL, "clear override: NULL argument");
	if ((rc = check_open(c, "clear override")) != 0 || (rc = check_reason("clear override", reason)) != 0)
		return rc;
	if (c->override_level == NULL)
		return mi_err(MEDIATE_ESTATE, "clear override: case %s has no override",
		              c->number ? c->number : c->id_text);
	snprintf(details, sizeof details, "%s -> %s (override withdrawn): %s", mediate_level_code(c->override_level),
	         c->computed_level ? mediate_level_code(c->computed_level) : "none", reason);
	if ((rc = mi_case_push_event(c, at, actor, actor_unit, MEDIATE_EVENT_OVERRIDE_CLEARED, c->state, c->state,
	                             details)) != 0)
		return rc;
	mi_free(c->override_reason);
	mi_free(c->override_actor);
	c->override_level = NULL;
	c->override_reason = c->override_actor = NULL;
	c->override_at = 0;
	return MEDIATE_OK;
}

const mediate_level *
mediate_case_level(const mediate_case *c)
{
	return c != NULL ? effective(c) : NULL;
}

const mediate_level *
mediate_case_computed_level(const mediate_case *c)
{
	return c != NULL ? c->computed_level : NULL;
}

int64_t
mediate_case_level_points(const mediate_case *c)
{
	return c != NULL ? c->level_points : 0;
}

const mediate_level *
mediate_case_level_override(const mediate_case *c)
{
	return c != NULL ? c->override_level : NULL;
}

const char *
mediate_case_level_override_reason(const mediate_case *c)
{
	return c != NULL ? c->override_reason : NULL;
}

const char *
mediate_case_level_override_actor(const mediate_case *c)
{
	return c != NULL ? c->override_actor : NULL;
}

int64_t
mediate_case_level_override_at(const mediate_case *c)
{
	return c != NULL ? c->override_at : 0;
}
