/* SPDX-License-Identifier: MIT */
/*
 * The policy sections "sla" and "routing" (see mediate-policy(5)) and the
 * names of the route module's enumerations.
 *
 *   sla:
 *     escalation:                       # after a missed target
 *       - {step: reminder, after: 0m}
 *       - {step: supervision, after: 4h}
 *       - {step: report_up, after: 1d}
 *     targets:                          # first match wins; the last matches all
 *       - {category: safety, urgency: critical, calendar: null,
 *          acknowledge: 15m, check_in: 1h, finish: 1d, warn_at: 80}
 *       - {calendar: djs-office, acknowledge: 2h, check_in: 1d, finish: 5d}
 *   routing:
 *     centre: DJS-DISPATCH
 *     rules:                            # first match wins; none: manual dispatch
 *       - {category: environment, lead: DJS-ENV, assist: [DJS-LAW], level: town}
 */
#include "config.h"

#include <string.h>

#include "route_priv.h"

/* ---- enumeration names ---- */

static const char *const urgency_names[] = { NULL, "normal", "urgent", "critical", NULL };
static const char *const order_state_names[] = { NULL, "pending", "dispatched", "finished", "closed" };
static const char *const task_state_names[] = { NULL, "assigned", "acknowledged", "on_site", "finished",
	                                        "returned", "rerouted" };
static const char *const escalation_names[] = { NULL, "reminder", "supervision", "report_up", NULL };
static const char *const return_names[] = { NULL, "not_our_duty", "outside_area", "insufficient", "duplicate",
	                                    NULL };
static const char *const satisfaction_names[] = { NULL, "satisfied", "basically_satisfied", "dissatisfied",
	                                          NULL };
static const char *const level_names[] = { NULL, "town", "county", NULL };

#define NAME_OF(tab, v) mi_name_of(tab, MI_COUNT(tab), 1, (long)(v))

static int
parse_name(int *out, const char *const *tab, size_t n, const char *name, const char *what)
{
	return mi_name_parse(out, tab, n, 1, MEDIATE_EINVAL, what, name);
}

const char *
mediate_urgency_name(mediate_urgency u)
{
	return NAME_OF(urgency_names, u);
}

mediate_status
mediate_urgency_parse(mediate_urgency *out, const char *name)
{
	int v = 0, rc = parse_name(out != NULL ? &v : NULL, urgency_names, MI_COUNT(urgency_names), name, "urgency");
	if (rc == 0)
		*out = (mediate_urgency)v;
	return rc;
}

const char *
mediate_order_state_name(mediate_order_state s)
{
	return NAME_OF(order_state_names, s);
}

const char *
mediate_task_state_name(mediate_task_state s)
{
	return NAME_OF(task_state_names, s);
}

const char *
mediate_escalation_name(mediate_escalation s)
{
	return NAME_OF(escalation_names, s);
}

const char *
mediate_return_reason_name(mediate_return_reason r)
{
	return NAME_OF(return_names, r);
}

mediate_status
mediate_return_reason_parse(mediate_return_reason *out, const char *name)
{
	int v = 0, rc = parse_name(out != NULL ? &v : NULL, return_names, MI_COUNT(return_names), name, "return reason");
	if (rc == 0)
		*out = (mediate_return_reason)v;
	return rc;
}

const char *
mediate_satisfaction_name(mediate_satisfaction r)
{
	return NAME_OF(satisfaction_names, r);
}

mediate_status
mediate_satisfaction_parse(mediate_satisfaction *out, const char *name)
{
	int v = 0, rc = parse_name(out != NULL ? &v : NULL, satisfaction_names, MI_COUNT(satisfaction_names), name, "satisfaction");
	if (rc == 0)
		*out = (mediate_satisfaction)v;
	return rc;
}

/* ---- durations ---- */

/* "90m", "4h", "3d" -> minutes and days. */
static int
duration_split(const char *s, int64_t *minutes, int64_t *days)
{
	int64_t v = 0;
	size_t i;
	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		v = v * 10 + (s[i] - '0');
		if (v > 1000000)
			return -1;
	}
	if (i == 0 || s[i] == '\0' || s[i + 1] != '\0')
		return -1;
	*minutes = *days = 0;
	switch (s[i]) {
	case 'm': *minutes = v; return 0;
	case 'h': *minutes = v * 60; return 0;
	case 'd': *days = v; return 0;
	default: return -1;
	}
}

int
mi_duration_parse(const char *s, int64_t day_secs, int64_t *out)
{
	int64_t m, d;
	if (duration_split(s, &m, &d) != 0)
		return -1;
	*out = m * 60 + d * day_secs;
	return 0;
}

static int
get_duration(ydiag *d, const ynode *v, ypath *path, int64_t *minutes, int64_t *days)
{
	const char *s;
	if (yget_str(d, v, path, &s) != 0)
		return -1;
	if (duration_split(s, minutes, days) != 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, v, path,
		             "\"%s\" is not a duration like 30m, 4h or 3d (at most 1000000)", s);
		return -1;
	}
	return 0;
}

/* urgency: a name or a list of names -> a bit mask. */
static unsigned
get_urgency_mask(ydiag *d, const ynode *v, ypath *path)
{
	const ynode *e;
	unsigned mask = 0;
	size_t i = 0;
	if (v == NULL || ynode_is_null(v))
		return 0;
	if (v->kind == YNODE_SEQ) {
		if (v->count == 0)
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the list of urgencies must not be empty");
		for (e = v->first; e != NULL; e = e->next, i++) {
			size_t mark = ypath_index(path, i);
			mask |= get_urgency_mask(d, e, path);
			ypath_pop(path, mark);
		}
		return mask;
	}
	{
		const char *s;
		mediate_urgency u;
		if (yget_str(d, v, path, &s) != 0)
			return 0;
		if (mediate_urgency_parse(&u, s) != 0) {
			const char *sug = ysuggest(s, urgency_names + 1);
			if (sug != NULL)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown urgency \"%s\"; did you mean \"%s\"?", s, sug);
			else
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown urgency \"%s\" (normal, urgent, critical)", s);
			return 0;
		}
		return 1u << u;
	}
}

/* ---- sla ---- */

static int
load_ladder(mi_sla *sla, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "step", "after", NULL };
	const ynode *e;
	size_t i = 0;
	if (yget_seq(d, n, path) != 0)
		return 0;
	if (n->count > sizeof sla->ladder / sizeof sla->ladder[0]) {
		ydiag_report(d, MEDIATE_ELIMIT, n, path, "at most 8 escalation steps");
		return 0;
	}
	for (e = n->first; e != NULL; e = e->next, i++) {
		size_t mark = ypath_index(path, i), m2;
		const ynode *v;
		mi_ladder_step st = { 0, 0, 0 };
		int ok = 1;
		if (yget_map(d, e, path) != 0) {
			ypath_pop(path, mark);
			continue;
		}
		ymap_check_keys(d, e, path, keys);
		if ((v = yreq(d, e, path, "step")) != NULL) {
			const char *s;
			int val;
			m2 = ypath_key(path, "step");
			if (yget_str(d, v, path, &s) != 0)
				ok = 0;
			else if (parse_name(&val, escalation_names, MI_COUNT(escalation_names), s, "escalation step") != 0) {
				const char *sug = ysuggest(s, escalation_names + 1);
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown escalation step \"%s\"%s%s%s", s,
				             sug ? "; did you mean \"" : " (reminder, supervision, report_up)", sug ? sug : "",
				             sug ? "\"?" : "");
				ok = 0;
			} else
				st.step = (mediate_escalation)val;
			ypath_pop(path, m2);
		} else
			ok = 0;
		if ((v = yreq(d, e, path, "after")) != NULL) {
			m2 = ypath_key(path, "after");
			if (get_duration(d, v, path, &st.minutes, &st.days) != 0)
				ok = 0;
			else if (sla->nladder > 0) {
				const mi_ladder_step *pr = &sla->ladder[sla->nladder - 1];
				/* Days are at least as long as any number of minutes in a day; compare
				 * the pair lexicographically in days, then minutes, for a clear rule. */
				if (st.days < pr->days || (st.days == pr->days && st.minutes <= pr->minutes)) {
					ydiag_report(d, MEDIATE_EVALIDATE, v, path,
					             "each escalation step must come later than the one before it");
					ok = 0;
				}
			}
			ypath_pop(path, m2);
		} else
			ok = 0;
		if (ok)
			sla->ladder[sla->nladder++] = st;
		ypath_pop(path, mark);
	}
	return 0;
}

static const char *const target_keys[] = { "acknowledge", "check_in", "finish" };

static void
load_target(mediate_policy *p, mi_sla_rule *r, const ynode *e, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "category", "urgency", "calendar", "acknowledge", "check_in", "finish",
		                            "warn_at", NULL };
	const ynode *v;
	size_t mark;
	int i;
	unsigned before = d->count;

	ymap_check_keys(d, e, path, keys);
	if ((v = ymap_get(e, "category")) != NULL && !ynode_is_null(v)) {
		mark = ypath_key(path, "category");
		r->category = mi_policy_category_ref(p, v, d, path);
		ypath_pop(path, mark);
	}
	mark = ypath_key(path, "urgency");
	r->urgency_mask = get_urgency_mask(d, ymap_get(e, "urgency"), path);
	ypath_pop(path, mark);
	r->day_secs = 86400;
	if ((v = ymap_get(e, "calendar")) != NULL && !ynode_is_null(v)) {
		const char *s;
		mark = ypath_key(path, "calendar");
		if (yget_str(d, v, path, &s) == 0) {
			r->calendar = mediate_policy_calendar_find(p, s);
			if (r->calendar == NULL) {
				const char *best = NULL;
				size_t k, bd = 3;
				for (k = 0; k < p->calendar_count; k++) {
					size_t dist = mi_edit_distance(s, p->calendars[k].code, 2);
					if (dist < bd) {
						bd = dist;
						best = p->calendars[k].code;
					}
				}
				if (best != NULL)
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown calendar \"%s\"; did you mean \"%s\"?",
					             s, best);
				else
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown calendar \"%s\"", s);
			} else
				r->day_secs = r->calendar->pat_secs[MI_PAT_MAKEUP];
		}
		ypath_pop(path, mark);
	}
	for (i = 0; i < MI_NTGT; i++) {
		if ((v = yreq(d, e, path, target_keys[i])) == NULL)
			continue;
		mark = ypath_key(path, target_keys[i]);
		{
			int64_t m, dd;
			if (get_duration(d, v, path, &m, &dd) == 0) {
				r->target[i] = m * 60 + dd * r->day_secs;
				if (r->target[i] == 0)
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "a target must be longer than zero");
				else if (i > 0 && r->target[i] < r->target[i - 1] && d->count == before)
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the %s target is shorter than the %s target",
					             target_keys[i], target_keys[i - 1]);
			}
		}
		ypath_pop(path, mark);
	}
	r->warn_percent = 80;
	if ((v = ymap_get(e, "warn_at")) != NULL) {
		int64_t w;
		mark = ypath_key(path, "warn_at");
		if (ynode_is_null(v))
			r->warn_percent = 0;
		else if (yget_int(d, v, path, 1, 99, &w) == 0)
			r->warn_percent = (unsigned)w;
		ypath_pop(path, mark);
	}
}

int
mi_sla_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "escalation", "targets", NULL };
	const ynode *v, *e;
	mi_sla *sla;
	size_t i = 0, mark;

	if (n == NULL)
		return 0;
	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	ymap_check_keys(d, n, path, keys);
	if ((sla = mi_calloc(1, sizeof *sla)) == NULL)
		return MEDIATE_ENOMEM;
	p->sla = sla;
	if ((v = ymap_get(n, "escalation")) != NULL && !ynode_is_null(v)) {
		mark = ypath_key(path, "escalation");
		load_ladder(sla, v, d, path);
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, n, path, "targets")) == NULL)
		return MEDIATE_EVALIDATE;
	mark = ypath_key(path, "targets");
	if (yget_seq(d, v, path) != 0 || v->count == 0) {
		if (v->kind == YNODE_SEQ)
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the list must not be empty");
		ypath_pop(path, mark);
		return MEDIATE_EVALIDATE;
	}
	if ((sla->rules = mi_calloc(v->count, sizeof *sla->rules)) == NULL)
		return MEDIATE_ENOMEM;
	for (e = v->first; e != NULL && !ydiag_full(d); e = e->next, i++) {
		size_t m2 = ypath_index(path, i);
		sla->count = i + 1;
		if (yget_map(d, e, path) == 0) {
			mi_sla_rule *r = &sla->rules[i];
			load_target(p, r, e, d, path);
			if (i > 0 && sla->rules[i - 1].category == NULL && sla->rules[i - 1].urgency_mask == 0)
				ydiag_report(d, MEDIATE_EVALIDATE, e, path,
				             "this target can never apply: the one before it matches every order");
		}
		ypath_pop(path, m2);
	}
	if (d->count == 0 && (sla->rules[sla->count - 1].category != NULL || sla->rules[sla->count - 1].urgency_mask != 0))
	{
		size_t m3 = ypath_index(path, sla->count - 1);
		ydiag_report(d, MEDIATE_EVALIDATE, v->last, path,
		             "the last target must match every order (no category, no urgency)");
		ypath_pop(path, m3);
	}
	ypath_pop(path, mark);
	return d->count > 0 ? MEDIATE_EVALIDATE : 0;
}

void
mi_sla_free(mediate_policy *p)
{
	if (p->sla == NULL)
		return;
	mi_free(p->sla->rules);
	mi_free(p->sla);
	p->sla = NULL;
}

const mi_sla_rule *
mi_sla_match(const mediate_policy *p, const mediate_category *c, mediate_urgency u)
{
	size_t i;
	if (p->sla == NULL)
		return NULL;
	for (i = 0; i < p->sla->count; i++) {
		const mi_sla_rule *r = &p->sla->rules[i];
		if (r->category != NULL && !mediate_category_is_within(c, r->category))
			continue;
		if (r->urgency_mask != 0 && !(r->urgency_mask & (1u << u)))
			continue;
		return r;
	}
	return NULL;
}

/* ---- routing ---- */

static int
department_kind_ok(const mediate_unit *u)
{
	switch (mediate_unit_get_kind(u)) {
	case MEDIATE_UNIT_DEPARTMENT:
	case MEDIATE_UNIT_ENTERPRISE:
	case MEDIATE_UNIT_POLICE_STATION:
	case MEDIATE_UNIT_COURT:
	case MEDIATE_UNIT_ASSOCIATION:
	case MEDIATE_UNIT_CENTRE:
		return 1;
	default:
		return 0;
	}
}

static const mediate_unit *
get_department(mediate_policy *p, const ynode *v, ydiag *d, ypath *path)
{
	const mediate_unit *u = mi_policy_unit_ref(p, v, d, path);
	if (u != NULL && !department_kind_ok(u)) {
		ydiag_report(d, MEDIATE_EVALIDATE, v, path,
		             "unit \"%s\" is a %s; orders go to departments, enterprises, police stations, courts, "
		             "associations or centres", u->code, mediate_unit_kind_name(u->kind));
		return NULL;
	}
	return u;
}

static int
load_rule(mediate_policy *p, mi_route_rule *r, const ynode *e, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "category", "urgency", "unit", "lead", "assist", "level", NULL };
	const ynode *v;
	size_t mark;

	ymap_check_keys(d, e, path, keys);
	if ((v = ymap_get(e, "category")) != NULL && !ynode_is_null(v)) {
		mark = ypath_key(path, "category");
		r->category = mi_policy_category_ref(p, v, d, path);
		ypath_pop(path, mark);
	}
	mark = ypath_key(path, "urgency");
	r->urgency_mask = get_urgency_mask(d, ymap_get(e, "urgency"), path);
	ypath_pop(path, mark);
	if ((v = ymap_get(e, "unit")) != NULL && !ynode_is_null(v)) {
		mark = ypath_key(path, "unit");
		r->unit = mi_policy_unit_ref(p, v, d, path);
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, e, path, "lead")) != NULL) {
		mark = ypath_key(path, "lead");
		r->lead = get_department(p, v, d, path);
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(e, "assist")) != NULL && !ynode_is_null(v)) {
		mark = ypath_key(path, "assist");
		if (yget_seq(d, v, path) == 0 && v->count > 0) {
			const ynode *a;
			size_t i = 0, j;
			if ((r->assist = mi_calloc(v->count, sizeof *r->assist)) == NULL)
				return MEDIATE_ENOMEM;
			for (a = v->first; a != NULL; a = a->next, i++) {
				size_t m2 = ypath_index(path, i);
				const mediate_unit *u = get_department(p, a, d, path);
				if (u != NULL) {
					if (u == r->lead)
						ydiag_report(d, MEDIATE_EVALIDATE, a, path, "\"%s\" is already the lead department",
						             u->code);
					for (j = 0; j < r->nassist; j++)
						if (r->assist[j] == u)
							ydiag_report(d, MEDIATE_EVALIDATE, a, path, "\"%s\" is listed twice", u->code);
					r->assist[r->nassist++] = u;
				}
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	}
	r->level = MEDIATE_LEVEL_TOWN;
	if ((v = ymap_get(e, "level")) != NULL) {
		const char *s;
		int val;
		mark = ypath_key(path, "level");
		if (yget_str(d, v, path, &s) == 0) {
			if (parse_name(&val, level_names, MI_COUNT(level_names), s, "dispatch level") != 0)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown dispatch level \"%s\" (town, county)", s);
			else
				r->level = (mediate_dispatch_level)val;
		}
		ypath_pop(path, mark);
	}
	return 0;
}

int
mi_routing_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "centre", "rules", NULL };
	const ynode *v, *e;
	mi_routing *rt;
	size_t i = 0, mark;
	int rc;

	if (n == NULL)
		return 0;
	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	ymap_check_keys(d, n, path, keys);
	if ((rt = mi_calloc(1, sizeof *rt)) == NULL)
		return MEDIATE_ENOMEM;
	p->routing = rt;
	if ((v = ymap_get(n, "centre")) != NULL && !ynode_is_null(v)) {
		mark = ypath_key(path, "centre");
		rt->centre = mi_policy_unit_ref(p, v, d, path);
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "rules")) == NULL || ynode_is_null(v))
		return d->count > 0 ? MEDIATE_EVALIDATE : 0;
	mark = ypath_key(path, "rules");
	if (yget_seq(d, v, path) != 0) {
		ypath_pop(path, mark);
		return MEDIATE_EVALIDATE;
	}
	if (v->count > 0 && (rt->rules = mi_calloc(v->count, sizeof *rt->rules)) == NULL)
		return MEDIATE_ENOMEM;
	for (e = v->first; e != NULL && !ydiag_full(d); e = e->next, i++) {
		size_t m2 = ypath_index(path, i);
		rt->count = i + 1;
		if (yget_map(d, e, path) == 0) {
			if ((rc = load_rule(p, &rt->rules[i], e, d, path)) != 0)
				return rc;
			if (i > 0) {
				const mi_route_rule *pr = &rt->rules[i - 1];
				if (pr->category == NULL && pr->urgency_mask == 0 && pr->unit == NULL)
					ydiag_report(d, MEDIATE_EVALIDATE, e, path,
					             "this rule can never apply: the one before it matches every whistle");
			}
		}
		ypath_pop(path, m2);
	}
	ypath_pop(path, mark);
	return d->count > 0 ? MEDIATE_EVALIDATE : 0;
}

void
mi_routing_free(mediate_policy *p)
{
	size_t i;
	if (p->routing == NULL)
		return;
	for (i = 0; i < p->routing->count; i++)
		mi_free(p->routing->rules[i].assist);
	mi_free(p->routing->rules);
	mi_free(p->routing);
	p->routing = NULL;
}

const mi_route_rule *
mi_routing_match(const mediate_policy *p, const mediate_category *c, mediate_urgency u, const mediate_unit *raiser)
{
	size_t i;
	if (p->routing == NULL)
		return NULL;
	for (i = 0; i < p->routing->count; i++) {
		const mi_route_rule *r = &p->routing->rules[i];
		if (r->category != NULL && !mediate_category_is_within(c, r->category))
			continue;
		if (r->urgency_mask != 0 && !(r->urgency_mask & (1u << u)))
			continue;
		if (r->unit != NULL && !mediate_unit_is_within(raiser, r->unit))
			continue;
		return r;
	}
	return NULL;
}
