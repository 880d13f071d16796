/* SPDX-License-Identifier: MIT */
/*
 * Cases from YAML: import with the shared reader (ydoc.h).  The format is
 * documented in mediate-case(5); the export is in case_yaml_emit.c.
 *
 * Import walks the tree of ydoc, fills a case through the public setters
 * where they exist (so every rule of the model applies) and directly through
 * case_priv.h for the recorded history (mediators, sessions, agreement,
 * follow-ups, timeline), then lets mi_case_validate() check the invariants
 * the lifecycle functions keep.  Every problem is reported with
 * file:line:column and a path such as cases[12].parties[1].document.number;
 * the loader goes on after an error so one run shows every problem.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "case_priv.h"
#include "grade_priv.h"
#include "policy_priv.h"
#include "ydoc.h"

typedef struct loader {
	ydiag *d;
	ypath path;
	const mediate_policy *policy;
	int nomem;          /* an allocation failed: stop */
} loader;

/* Reports the thread's last error (set by a setter) at node n. */
static int
fail_at(loader *L, int rc, const ynode *n)
{
	if (rc == MEDIATE_ENOMEM) {
		L->nomem = 1;
		if (L->d->count == 0)
			ydiag_report(L->d, rc, n, &L->path, "out of memory");
		return rc;
	}
	ydiag_report(L->d, rc, n, &L->path, "%s", mediate_error_last()->text);
	return rc;
}

/* Looks up an optional key and pushes it on the path; returns the value or NULL. */
static const ynode *
opt(loader *L, const ynode *map, const char *k, size_t *mark)
{
	const ynode *v = ymap_get(map, k);
	if (v != NULL)
		*mark = ypath_key(&L->path, k);
	return v;
}

static const ynode *
req(loader *L, const ynode *map, const char *k, size_t *mark)
{
	const ynode *v = yreq(L->d, map, &L->path, k);
	if (v != NULL)
		*mark = ypath_key(&L->path, k);
	return v;
}

static void
pop(loader *L, size_t mark)
{
	ypath_pop(&L->path, mark);
}

static int
get_str(loader *L, const ynode *n, const char **out)
{
	return yget_str(L->d, n, &L->path, out);
}

/* Text that may hold '*' is a masked export: say so instead of a puzzling error. */
static int
refuse_masked(loader *L, const ynode *n, const char *s, const char *what)
{
	if (strchr(s, '*') == NULL)
		return 0;
	ydiag_report(L->d, MEDIATE_EVALIDATE, n, &L->path,
	             "the %s \"%s\" is masked: a masked export cannot be imported", what, s);
	return MEDIATE_EVALIDATE;
}

static int
get_time(loader *L, const ynode *n, int64_t *out)
{
	return yget_time(L->d, n, &L->path, out, NULL);
}

static int
get_u32(loader *L, const ynode *n, uint32_t *out)
{
	int64_t v;
	int rc = yget_int(L->d, n, &L->path, 0, UINT32_MAX, &v);
	if (rc == 0)
		*out = (uint32_t)v;
	return rc;
}

/* An enumeration by name; reports the known names on a miss. */
static int
get_enum(loader *L, const ynode *n, const char *what, int *out, const char *(*name)(int), int max)
{
	const char *s;
	char known[512];
	size_t k = 0;
	int i;
	if (get_str(L, n, &s) != 0)
		return MEDIATE_EVALIDATE;
	for (i = 1; i <= max; i++)
		if (name(i) != NULL && strcmp(name(i), s) == 0) {
			*out = i;
			return 0;
		}
	known[0] = '\0';
	for (i = 1; i <= max && k + 40 < sizeof known; i++)
		if (name(i) != NULL)
			k += (size_t)snprintf(known + k, sizeof known - k, "%s%s", k ? ", " : "", name(i));
	ydiag_report(L->d, MEDIATE_EVALIDATE, n, &L->path, "unknown %s \"%.64s\" (expected one of: %s)", what, s,
	             known);
	return MEDIATE_EVALIDATE;
}

/* Adapters so that get_enum can take every name function. */
#define NAME_FN(fn, type) static const char *fn##_i(int v) { return fn((type)v); }
NAME_FN(mediate_case_state_name, mediate_case_state)
NAME_FN(mediate_case_source_name, mediate_case_source)
NAME_FN(mediate_party_role_name, mediate_party_role)
NAME_FN(mediate_party_kind_name, mediate_party_kind)
NAME_FN(mediate_party_doc_type_name, mediate_party_doc_type)
NAME_FN(mediate_case_mediator_role_name, mediate_case_mediator_role)
NAME_FN(mediate_case_mode_name, mediate_case_mode)
NAME_FN(mediate_case_outcome_name, mediate_case_outcome)
NAME_FN(mediate_agreement_form_name, mediate_agreement_form)
NAME_FN(mediate_transfer_kind_name, mediate_transfer_kind)
NAME_FN(mediate_confirmation_status_name, mediate_confirmation_status)
NAME_FN(mediate_followup_result_name, mediate_followup_result)
NAME_FN(mediate_case_event_kind_name, mediate_case_event_kind)

/* A list of flag names -> bits.  Duplicates are refused. */
static int
get_bits(loader *L, const ynode *n, const char *what, unsigned int *out,
         mediate_status (*parse)(unsigned int *, const char *))
{
	const ynode *it;
	unsigned int bits = 0, bit;
	size_t i = 0, mark;
	int bad = 0;
	const char *s;
	if (yget_seq(L->d, n, &L->path) != 0)
		return MEDIATE_EVALIDATE;
	for (it = n->first; it != NULL; it = it->next, i++) {
		mark = ypath_index(&L->path, i);
		if (get_str(L, it, &s) != 0)
			bad = 1;
		else if (parse(&bit, s) != 0) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, it, &L->path, "unknown %s \"%.64s\"", what, s);
			bad = 1;
		} else if (bits & bit) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, it, &L->path, "%s \"%s\" is listed twice", what, s);
			bad = 1;
		} else
			bits |= bit;
		pop(L, mark);
	}
	if (bad)
		return MEDIATE_EVALIDATE;
	*out = bits;
	return 0;
}

/* Degrees with at most six decimals, in millionths (ydoc_degrees_micro). */
static int
get_micro(loader *L, const ynode *n, int32_t *out)
{
	return ydoc_degrees_micro(L->d, &L->path, n, out);
}

/* A checked copy of a text field into *slot (which must be NULL). */
static int
copy_checked(loader *L, const ynode *n, char **slot, int (*check)(const char *, const char *), const char *what)
{
	const char *s;
	int rc;
	if (get_str(L, n, &s) != 0)
		return MEDIATE_EVALIDATE;
	if ((rc = check(what, s)) != 0)
		return fail_at(L, rc, n);
	if ((*slot = mi_strdup(s)) == NULL)
		return fail_at(L, MEDIATE_ENOMEM, n);
	return 0;
}

/* Grows an array of pointers to hold n more; 0 or ENOMEM. */
static int
reserve_ptrs(void *arrp, size_t n)
{
	void ***arr = arrp;
	void **p;
	if (n == 0)
		return 0;
	p = mi_reallocarray(*arr, n, sizeof *p);
	if (p == NULL)
		return MEDIATE_ENOMEM;
	*arr = p;
	return 0;
}

/* ---- sections ---- */

static void
load_place(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "address", "grid", "lat", "lon", NULL };
	const ynode *v, *lat, *lon;
	const char *s;
	size_t m;
	int rc;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((v = opt(L, n, "address", &m)) != NULL) {
		if (get_str(L, v, &s) == 0 && (rc = mediate_case_set_address(c, s)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "grid", &m)) != NULL) {
		if (mi_policy_unit_ref(L->policy, v, L->d, &L->path) != NULL &&
		    (rc = mediate_case_set_grid(c, v->str)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	lat = ymap_get(n, "lat");
	lon = ymap_get(n, "lon");
	if (lat != NULL || lon != NULL) {
		int32_t a = 0, o = 0;
		int bad = 0;
		if (lat == NULL || lon == NULL) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, n, &L->path, "lat and lon go together");
			return;
		}
		m = ypath_key(&L->path, "lat");
		bad |= get_micro(L, lat, &a);
		pop(L, m);
		m = ypath_key(&L->path, "lon");
		bad |= get_micro(L, lon, &o);
		pop(L, m);
		if (!bad && (rc = mediate_case_set_coordinates(c, a, o)) != 0)
			fail_at(L, rc, lat);
	}
}

static void
load_facts(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "description", "people_involved", "amount", "risks",
	                                     "prior_police_calls", "tags", NULL };
	const ynode *v, *it;
	const char *s;
	size_t m, i, m2;
	uint32_t u;
	int64_t fen;
	unsigned int bits;
	int rc;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((v = opt(L, n, "description", &m)) != NULL) {
		if (get_str(L, v, &s) == 0 && (rc = mediate_case_set_description_len(c, s, v->len)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "people_involved", &m)) != NULL) {
		if (get_u32(L, v, &u) == 0 && (rc = mediate_case_set_people_involved(c, u)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "amount", &m)) != NULL) {
		if (yget_money(L->d, v, &L->path, &fen) == 0 && (rc = mediate_case_set_amount(c, fen)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "risks", &m)) != NULL) {
		if (get_bits(L, v, "risk", &bits, mediate_case_risk_parse) == 0 &&
		    (rc = mediate_case_set_risks(c, bits)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "prior_police_calls", &m)) != NULL) {
		if (get_u32(L, v, &u) == 0 && (rc = mediate_case_set_prior_police_calls(c, u)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "tags", &m)) != NULL) {
		if (yget_seq(L->d, v, &L->path) == 0) {
			if (v->count > MEDIATE_CASE_MAX_TAGS)
				ydiag_report(L->d, MEDIATE_ELIMIT, v, &L->path, "%zu tags; at most %u are allowed",
				             v->count, MEDIATE_CASE_MAX_TAGS);
			else
				for (it = v->first, i = 0; it != NULL && !L->nomem; it = it->next, i++) {
					m2 = ypath_index(&L->path, i);
					if (get_str(L, it, &s) == 0 && (rc = mediate_case_add_tag(c, s)) != 0)
						fail_at(L, rc, it);
					pop(L, m2);
				}
		}
		pop(L, m);
	}
}

static void
load_party(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "id", "role", "kind", "name", "phone", "document", "address",
	                                     "flags", "represents", NULL };
	const ynode *v, *vid, *vrole, *vkind, *vname;
	const char *id = NULL, *name = NULL, *s;
	int role = 0, kind = 0, bad = 0, rc;
	unsigned int bits;
	size_t m;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((vid = req(L, n, "id", &m)) != NULL) {
		bad |= get_str(L, vid, &id);
		pop(L, m);
	} else
		bad = 1;
	if ((vrole = req(L, n, "role", &m)) != NULL) {
		bad |= get_enum(L, vrole, "party role", &role, mediate_party_role_name_i, 4);
		pop(L, m);
	} else
		bad = 1;
	if ((vkind = ymap_get(n, "kind")) != NULL) {
		m = ypath_key(&L->path, "kind");
		bad |= get_enum(L, vkind, "party kind", &kind, mediate_party_kind_name_i, 2);
		pop(L, m);
	} else
		kind = MEDIATE_PARTY_PERSON;
	if ((vname = req(L, n, "name", &m)) != NULL) {
		bad |= get_str(L, vname, &name);
		pop(L, m);
	} else
		bad = 1;
	if (bad)
		return;
	m = ypath_key(&L->path, "id");
	rc = mediate_case_add_party(c, id, (mediate_party_role)role, (mediate_party_kind)kind, name);
	if (rc != 0) {
		/* The name check is the likely culprit when the id is fine. */
		fail_at(L, rc, rc == MEDIATE_EEXISTS || mi_case_check_ident("party id", id) != 0 ? vid : vname);
		pop(L, m);
		return;
	}
	pop(L, m);
	if ((v = opt(L, n, "phone", &m)) != NULL) {
		if (get_str(L, v, &s) == 0 && refuse_masked(L, v, s, "phone number") == 0 &&
		    (rc = mediate_case_party_set_phone(c, id, s)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "document", &m)) != NULL) {
		static const char *const dkeys[] = { "type", "number", NULL };
		const ynode *t, *num;
		int type = 0;
		if (yget_map(L->d, v, &L->path) == 0) {
			size_t m2;
			ymap_check_keys(L->d, v, &L->path, dkeys);
			if ((t = req(L, v, "type", &m2)) != NULL) {
				bad |= get_enum(L, t, "document type", &type, mediate_party_doc_type_name_i, 7);
				pop(L, m2);
			} else
				bad = 1;
			if ((num = req(L, v, "number", &m2)) != NULL) {
				if (get_str(L, num, &s) != 0 || refuse_masked(L, num, s, "document number") != 0)
					bad = 1;
				else if (!bad && (rc = mediate_case_party_set_document(c, id, (mediate_party_doc_type)type, s)) != 0)
					fail_at(L, rc, num);
				pop(L, m2);
			}
		}
		pop(L, m);
	}
	if ((v = opt(L, n, "address", &m)) != NULL) {
		if (get_str(L, v, &s) == 0 && (rc = mediate_case_party_set_address(c, id, s)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "flags", &m)) != NULL) {
		if (get_bits(L, v, "party flag", &bits, mediate_party_flag_parse) == 0 &&
		    (rc = mediate_case_party_set_flags(c, id, bits)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
}

static void
load_parties(loader *L, mediate_case *c, const ynode *n)
{
	const ynode *it, *v;
	size_t i, m, m2;
	const char *s;
	int rc;

	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	if (n->count > MEDIATE_CASE_MAX_PARTIES) {
		ydiag_report(L->d, MEDIATE_ELIMIT, n, &L->path, "%zu parties; at most %u are allowed",
		             n->count, MEDIATE_CASE_MAX_PARTIES);
		return;
	}
	for (it = n->first, i = 0; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
		m = ypath_index(&L->path, i);
		load_party(L, c, it);
		pop(L, m);
	}
	/* Agents after every party exists: an agent may come first. */
	for (it = n->first, i = 0; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
		const ynode *vid;
		if (it->kind != YNODE_MAP || (v = ymap_get(it, "represents")) == NULL)
			continue;
		vid = ymap_get(it, "id");
		m = ypath_index(&L->path, i);
		m2 = ypath_key(&L->path, "represents");
		if (get_str(L, v, &s) == 0 && vid != NULL && vid->kind == YNODE_SCALAR &&
		    mediate_case_party_find(c, vid->str) != NULL &&
		    (rc = mediate_case_party_set_represents(c, vid->str, s)) != 0)
			fail_at(L, rc, v);
		pop(L, m2);
		pop(L, m);
	}
}

static void
load_mediators(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "id", "name", "role", NULL };
	const ynode *it, *v;
	size_t i, j, m, m2;
	int role;

	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	if (n->count > MEDIATE_CASE_MAX_MEDIATORS) {
		ydiag_report(L->d, MEDIATE_ELIMIT, n, &L->path, "%zu mediators; at most %u are allowed",
		             n->count, MEDIATE_CASE_MAX_MEDIATORS);
		return;
	}
	if (reserve_ptrs(&c->mediators, n->count) != 0) {
		fail_at(L, MEDIATE_ENOMEM, n);
		return;
	}
	for (it = n->first, i = 0; it != NULL && !L->nomem; it = it->next, i++) {
		mediate_case_mediator *md;
		int bad = 0;
		m = ypath_index(&L->path, i);
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, m);
			continue;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		if ((md = mi_calloc(1, sizeof *md)) == NULL) {
			fail_at(L, MEDIATE_ENOMEM, it);
			pop(L, m);
			break;
		}
		if ((v = req(L, it, "id", &m2)) != NULL) {
			bad |= copy_checked(L, v, &md->id, mi_case_check_ident, "mediator id") != 0;
			for (j = 0; !bad && j < c->mediator_count; j++)
				if (strcmp(c->mediators[j]->id, md->id) == 0) {
					ydiag_report(L->d, MEDIATE_EEXISTS, v, &L->path, "mediator \"%s\" is listed twice", md->id);
					bad = 1;
				}
			pop(L, m2);
		} else
			bad = 1;
		if ((v = req(L, it, "name", &m2)) != NULL) {
			bad |= copy_checked(L, v, &md->name, mi_case_check_name, "mediator name") != 0;
			pop(L, m2);
		} else
			bad = 1;
		if ((v = req(L, it, "role", &m2)) != NULL) {
			if (get_enum(L, v, "mediator role", &role, mediate_case_mediator_role_name_i, 3) == 0)
				md->role = (mediate_case_mediator_role)role;
			else
				bad = 1;
			pop(L, m2);
		} else
			bad = 1;
		if (bad) {
			mi_free(md->id);
			mi_free(md->name);
			mi_free(md);
		} else
			c->mediators[c->mediator_count++] = md;
		pop(L, m);
	}
}

static void
load_sessions(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "at", "place", "video", "attendees", "notes", NULL };
	const ynode *it, *v, *a;
	size_t i, j, m, m2, m3;

	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	if (n->count > MEDIATE_CASE_MAX_SESSIONS) {
		ydiag_report(L->d, MEDIATE_ELIMIT, n, &L->path, "%zu sessions; at most %u are allowed",
		             n->count, MEDIATE_CASE_MAX_SESSIONS);
		return;
	}
	if (reserve_ptrs(&c->sessions, n->count) != 0) {
		fail_at(L, MEDIATE_ENOMEM, n);
		return;
	}
	for (it = n->first, i = 0; it != NULL && !L->nomem; it = it->next, i++) {
		mediate_case_session *s;
		int bad = 0;
		m = ypath_index(&L->path, i);
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, m);
			continue;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		if ((s = mi_calloc(1, sizeof *s)) == NULL) {
			fail_at(L, MEDIATE_ENOMEM, it);
			pop(L, m);
			break;
		}
		c->sessions[c->session_count++] = s;   /* freed with the case on any path */
		if ((v = req(L, it, "at", &m2)) != NULL) {
			bad |= get_time(L, v, &s->at);
			pop(L, m2);
		}
		if ((v = opt(L, it, "place", &m2)) != NULL) {
			copy_checked(L, v, &s->place, mi_case_check_name, "session place");
			pop(L, m2);
		}
		if ((v = opt(L, it, "video", &m2)) != NULL) {
			yget_bool(L->d, v, &L->path, &s->video);
			pop(L, m2);
		}
		if ((v = opt(L, it, "notes", &m2)) != NULL) {
			copy_checked(L, v, &s->notes, mi_case_check_text, "session notes");
			pop(L, m2);
		}
		if ((v = opt(L, it, "attendees", &m2)) != NULL) {
			if (yget_seq(L->d, v, &L->path) == 0) {
				if (v->count > MEDIATE_CASE_MAX_ATTENDEES)
					ydiag_report(L->d, MEDIATE_ELIMIT, v, &L->path, "%zu attendees; at most %u are allowed",
					             v->count, MEDIATE_CASE_MAX_ATTENDEES);
				else if (v->count > 0 && (s->attendees = mi_calloc(v->count, sizeof(char *))) == NULL)
					fail_at(L, MEDIATE_ENOMEM, v);
				else
					for (a = v->first, j = 0; a != NULL && !L->nomem; a = a->next, j++) {
						const char *who;
						m3 = ypath_index(&L->path, j);
						if (get_str(L, a, &who) == 0) {
							if (mediate_case_party_find(c, who) == NULL &&
							    mediate_case_mediator_find(c, who) == NULL)
								ydiag_report(L->d, MEDIATE_EVALIDATE, a, &L->path,
								             "\"%.64s\" is neither a party nor a mediator of the case", who);
							else if ((s->attendees[s->attendee_count] = mi_strdup(who)) == NULL)
								fail_at(L, MEDIATE_ENOMEM, a);
							else
								s->attendee_count++;
						}
						pop(L, m3);
					}
			}
			pop(L, m2);
		}
		(void)bad;
		pop(L, m);
	}
}

static void
load_mediation(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "mode", "joint_bodies", "private_hearing", "mediators", "sessions",
	                                    NULL };
	const ynode *v, *it;
	size_t m, m2, i;
	int mode, on, rc;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((v = opt(L, n, "mode", &m)) != NULL) {
		if (get_enum(L, v, "mediation mode", &mode, mediate_case_mode_name_i, 5) == 0 &&
		    (rc = mediate_case_set_mode(c, (mediate_case_mode)mode)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "joint_bodies", &m)) != NULL) {
		if (yget_seq(L->d, v, &L->path) == 0)
			for (it = v->first, i = 0; it != NULL && !L->nomem; it = it->next, i++) {
				m2 = ypath_index(&L->path, i);
				if (mi_policy_unit_ref(L->policy, it, L->d, &L->path) != NULL &&
				    (rc = mediate_case_add_joint_body(c, it->str)) != 0)
					fail_at(L, rc, it);
				pop(L, m2);
			}
		pop(L, m);
	}
	if ((v = opt(L, n, "private_hearing", &m)) != NULL) {
		if (yget_bool(L->d, v, &L->path, &on) == 0 && (rc = mediate_case_set_private_hearing(c, on)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "mediators", &m)) != NULL) {
		load_mediators(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "sessions", &m)) != NULL) {
		load_sessions(L, c, v);
		pop(L, m);
	}
}

static void
load_outcome(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "result", "form", "transfer", "body", NULL };
	const ynode *v;
	size_t m;
	int x;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((v = req(L, n, "result", &m)) != NULL) {
		if (get_enum(L, v, "outcome", &x, mediate_case_outcome_name_i, 5) == 0)
			c->outcome = (mediate_case_outcome)x;
		pop(L, m);
	}
	if ((v = opt(L, n, "form", &m)) != NULL) {
		if (get_enum(L, v, "agreement form", &x, mediate_agreement_form_name_i, 2) == 0)
			c->agreement_form = (mediate_agreement_form)x;
		pop(L, m);
	}
	if ((v = opt(L, n, "transfer", &m)) != NULL) {
		if (get_enum(L, v, "transfer kind", &x, mediate_transfer_kind_name_i, 3) == 0)
			c->transfer_kind = (mediate_transfer_kind)x;
		pop(L, m);
	}
	if ((v = opt(L, n, "body", &m)) != NULL) {
		copy_checked(L, v, &c->transfer_body, mi_case_check_name, "receiving body");
		pop(L, m);
	}
}

static void
load_deadlines(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "accepted_at", "extensions", "followup_due", NULL };
	static const char *const xkeys[] = { "at", "new_due", NULL };
	const ynode *v, *it, *w;
	size_t m, m2, m3, i;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((v = opt(L, n, "accepted_at", &m)) != NULL) {
		if (get_time(L, v, &c->accepted_at) == 0)
			c->accepted = 1;
		pop(L, m);
	}
	if ((v = opt(L, n, "extensions", &m)) != NULL) {
		if (yget_seq(L->d, v, &L->path) == 0) {
			if (v->count > MEDIATE_CASE_MAX_EXTENSIONS)
				ydiag_report(L->d, MEDIATE_ELIMIT, v, &L->path, "%zu extensions; at most %u are allowed",
				             v->count, MEDIATE_CASE_MAX_EXTENSIONS);
			else if (v->count > 0 && (c->extensions = mi_calloc(v->count, sizeof *c->extensions)) == NULL)
				fail_at(L, MEDIATE_ENOMEM, v);
			else
				for (it = v->first, i = 0; it != NULL; it = it->next, i++) {
					mi_extension x;
					int bad = 0;
					m2 = ypath_index(&L->path, i);
					if (yget_map(L->d, it, &L->path) == 0) {
						ymap_check_keys(L->d, it, &L->path, xkeys);
						if ((w = req(L, it, "at", &m3)) != NULL) {
							bad |= get_time(L, w, &x.at);
							pop(L, m3);
						} else
							bad = 1;
						if ((w = req(L, it, "new_due", &m3)) != NULL) {
							bad |= get_time(L, w, &x.new_due);
							pop(L, m3);
						} else
							bad = 1;
						if (!bad)
							c->extensions[c->extension_count++] = x;
					}
					pop(L, m2);
				}
		}
		pop(L, m);
	}
	if ((v = opt(L, n, "followup_due", &m)) != NULL) {
		if (get_time(L, v, &c->followup_due) == 0)
			c->has_followup_due = 1;
		pop(L, m);
	}
}

static void
load_signatures(loader *L, mediate_case *c, mediate_agreement *a, const ynode *n)
{
	static const char *const keys[] = { "signer", "at", NULL };
	const ynode *it, *v;
	size_t i, j, m, m2;

	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	if (n->count > (size_t)MEDIATE_CASE_MAX_PARTIES + MEDIATE_CASE_MAX_MEDIATORS) {
		ydiag_report(L->d, MEDIATE_ELIMIT, n, &L->path, "too many signatures (%zu)", n->count);
		return;
	}
	if (n->count > 0 && (a->signatures = mi_calloc(n->count, sizeof *a->signatures)) == NULL) {
		fail_at(L, MEDIATE_ENOMEM, n);
		return;
	}
	for (it = n->first, i = 0; it != NULL && !L->nomem; it = it->next, i++) {
		mi_signature sg = { NULL, 0 };
		int bad = 0;
		m = ypath_index(&L->path, i);
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, m);
			continue;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		if ((v = req(L, it, "signer", &m2)) != NULL) {
			const char *who;
			if (get_str(L, v, &who) != 0)
				bad = 1;
			else if (mediate_case_party_find(c, who) == NULL && mediate_case_mediator_find(c, who) == NULL) {
				ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
				             "signer \"%.64s\" is neither a party nor a mediator of the case", who);
				bad = 1;
			} else {
				for (j = 0; j < a->signature_count; j++)
					if (strcmp(a->signatures[j].signer, who) == 0) {
						ydiag_report(L->d, MEDIATE_EEXISTS, v, &L->path, "\"%.64s\" signed twice", who);
						bad = 1;
					}
				if (!bad && (sg.signer = mi_strdup(who)) == NULL) {
					fail_at(L, MEDIATE_ENOMEM, v);
					bad = 1;
				}
			}
			pop(L, m2);
		} else
			bad = 1;
		if ((v = req(L, it, "at", &m2)) != NULL) {
			bad |= get_time(L, v, &sg.at);
			pop(L, m2);
		} else
			bad = 1;
		if (bad)
			mi_free(sg.signer);
		else
			a->signatures[a->signature_count++] = sg;
		pop(L, m);
	}
}

static void
load_agreement(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "drafted_at", "facts", "issues", "responsibilities", "terms",
	                                    "performance_manner", "performance_place", "deadline", "signatures",
	                                    "effective_at", "confirmation", NULL };
	static const char *const ckeys[] = { "status", "court", "applied_at", "decided_at", NULL };
	const ynode *v, *w;
	mediate_agreement *a;
	size_t m, m2;
	int f, x;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((a = mi_calloc(1, sizeof *a)) == NULL) {
		fail_at(L, MEDIATE_ENOMEM, n);
		return;
	}
	a->confirmation = MEDIATE_CONFIRMATION_NONE;
	c->agreement = a;   /* freed with the case on any path */
	if ((v = req(L, n, "drafted_at", &m)) != NULL) {
		get_time(L, v, &a->drafted_at);
		pop(L, m);
	}
	for (f = 1; f <= MEDIATE_AGREEMENT_FIELD_COUNT; f++) {
		const char *name = mediate_agreement_field_name((mediate_agreement_field)f);
		if ((v = opt(L, n, name, &m)) != NULL) {
			copy_checked(L, v, &a->text[f], mi_case_check_text, name);
			pop(L, m);
		}
	}
	if ((v = opt(L, n, "deadline", &m)) != NULL) {
		if (get_time(L, v, &a->deadline) == 0)
			a->has_deadline = 1;
		pop(L, m);
	}
	if ((v = opt(L, n, "signatures", &m)) != NULL) {
		load_signatures(L, c, a, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "effective_at", &m)) != NULL) {
		if (get_time(L, v, &a->effective_at) == 0)
			a->effective = 1;
		pop(L, m);
	}
	if ((v = opt(L, n, "confirmation", &m)) != NULL) {
		if (yget_map(L->d, v, &L->path) == 0) {
			ymap_check_keys(L->d, v, &L->path, ckeys);
			if ((w = req(L, v, "status", &m2)) != NULL) {
				if (get_enum(L, w, "confirmation status", &x, mediate_confirmation_status_name_i, 4) == 0)
					a->confirmation = (mediate_confirmation_status)x;
				pop(L, m2);
			}
			if ((w = opt(L, v, "court", &m2)) != NULL) {
				copy_checked(L, w, &a->court, mi_case_check_name, "court");
				pop(L, m2);
			}
			if ((w = opt(L, v, "applied_at", &m2)) != NULL) {
				get_time(L, w, &a->applied_at);
				pop(L, m2);
			}
			if ((w = opt(L, v, "decided_at", &m2)) != NULL) {
				get_time(L, w, &a->decided_at);
				pop(L, m2);
			}
		}
		pop(L, m);
	}
}

static void
load_followups(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "at", "result", "actor", "notes", NULL };
	const ynode *it, *v;
	size_t i, m, m2;
	int x;

	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	if (n->count > MEDIATE_CASE_MAX_FOLLOWUPS) {
		ydiag_report(L->d, MEDIATE_ELIMIT, n, &L->path, "%zu follow-ups; at most %u are allowed", n->count,
		             MEDIATE_CASE_MAX_FOLLOWUPS);
		return;
	}
	if (reserve_ptrs(&c->followups, n->count) != 0) {
		fail_at(L, MEDIATE_ENOMEM, n);
		return;
	}
	for (it = n->first, i = 0; it != NULL && !L->nomem; it = it->next, i++) {
		mediate_followup *f;
		m = ypath_index(&L->path, i);
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, m);
			continue;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		if ((f = mi_calloc(1, sizeof *f)) == NULL) {
			fail_at(L, MEDIATE_ENOMEM, it);
			pop(L, m);
			break;
		}
		c->followups[c->followup_count++] = f;
		if ((v = req(L, it, "at", &m2)) != NULL) {
			get_time(L, v, &f->at);
			pop(L, m2);
		}
		if ((v = req(L, it, "result", &m2)) != NULL) {
			if (get_enum(L, v, "follow-up result", &x, mediate_followup_result_name_i, 3) == 0)
				f->result = (mediate_followup_result)x;
			pop(L, m2);
		}
		if ((v = req(L, it, "actor", &m2)) != NULL) {
			copy_checked(L, v, &f->actor, mi_case_check_name, "follow-up actor");
			pop(L, m2);
		}
		if ((v = opt(L, it, "notes", &m2)) != NULL) {
			copy_checked(L, v, &f->notes, mi_case_check_text, "follow-up notes");
			pop(L, m2);
		}
		pop(L, m);
	}
}

static void
load_timeline(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "at", "actor", "unit", "event", "from", "to", "details", NULL };
	const ynode *it, *v;
	size_t i, m, m2;
	mediate_case_state cur = MEDIATE_CASE_RECEIVED;

	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	if (n->count == 0) {
		ydiag_report(L->d, MEDIATE_EVALIDATE, n, &L->path, "the timeline must start with the received event");
		return;
	}
	if (n->count > MEDIATE_CASE_MAX_EVENTS) {
		ydiag_report(L->d, MEDIATE_ELIMIT, n, &L->path, "%zu events; at most %u are allowed", n->count,
		             MEDIATE_CASE_MAX_EVENTS);
		return;
	}
	for (it = n->first, i = 0; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
		int64_t at = 0;
		const char *actor = NULL, *unit = NULL, *details = NULL;
		int kind = 0, from = 0, to = 0, bad = 0, rc;
		const ynode *vunit = NULL;

		m = ypath_index(&L->path, i);
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, m);
			break;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		if ((v = req(L, it, "at", &m2)) != NULL) {
			bad |= get_time(L, v, &at);
			pop(L, m2);
		} else
			bad = 1;
		if ((v = req(L, it, "actor", &m2)) != NULL) {
			bad |= get_str(L, v, &actor);
			pop(L, m2);
		} else
			bad = 1;
		if ((vunit = req(L, it, "unit", &m2)) != NULL) {
			if (mi_policy_unit_ref(L->policy, vunit, L->d, &L->path) == NULL)
				bad = 1;
			else
				unit = vunit->str;
			pop(L, m2);
		} else
			bad = 1;
		if ((v = req(L, it, "event", &m2)) != NULL) {
			bad |= get_enum(L, v, "event kind", &kind, mediate_case_event_kind_name_i, MEDIATE_EVENT_OVERRIDE_CLEARED);
			pop(L, m2);
		} else
			bad = 1;
		if ((v = opt(L, it, "details", &m2)) != NULL) {
			bad |= get_str(L, v, &details);
			pop(L, m2);
		}
		if (!bad && kind == MEDIATE_EVENT_TRANSITION) {
			if ((v = req(L, it, "from", &m2)) != NULL) {
				if (get_enum(L, v, "state", &from, mediate_case_state_name_i, MEDIATE_CASE_STATE_COUNT) != 0)
					bad = 1;
				else if ((mediate_case_state)from != cur) {
					ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
					             "the case is %s at this point of the timeline, not %s",
					             mediate_case_state_name(cur), v->str);
					bad = 1;
				}
				pop(L, m2);
			} else
				bad = 1;
			if ((v = req(L, it, "to", &m2)) != NULL) {
				if (get_enum(L, v, "state", &to, mediate_case_state_name_i, MEDIATE_CASE_STATE_COUNT) != 0)
					bad = 1;
				else if (!bad && !mediate_case_transition_allowed((mediate_case_state)from,
				                                                  (mediate_case_state)to)) {
					ydiag_report(L->d, MEDIATE_ESTATE, v, &L->path, "a case cannot go from %s to %s",
					             mediate_case_state_name((mediate_case_state)from), v->str);
					bad = 1;
				}
				pop(L, m2);
			} else
				bad = 1;
		} else if (!bad) {
			static const char *const fromto[] = { "from", "to", NULL };
			size_t k;
			for (k = 0; fromto[k] != NULL; k++)
				if ((v = ymap_get(it, fromto[k])) != NULL) {
					m2 = ypath_key(&L->path, fromto[k]);
					ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
					             "only transition events have \"%s\"", fromto[k]);
					pop(L, m2);
					bad = 1;
				}
			from = to = (int)cur;
		}
		if (!bad && i == 0 && kind != MEDIATE_EVENT_RECEIVED) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, it, &L->path, "the timeline must start with the received event");
			bad = 1;
		}
		if (!bad) {
			rc = mi_case_push_event(c, at, actor, unit, (mediate_case_event_kind)kind, (mediate_case_state)from,
			                        (mediate_case_state)to, details);
			if (rc != 0)
				fail_at(L, rc, it);
			else
				cur = (mediate_case_state)to;
		}
		pop(L, m);
		if (bad)
			break;   /* later events would only repeat the confusion */
	}
}

/*
 * One case from its mapping.  Returns the case (caller's) or NULL after
 * reporting every problem.
 */
/* A level code of the policy's grading section. */
static const mediate_level *
get_level(loader *L, const ynode *n)
{
	const mediate_level *l;
	const char *s;
	if (get_str(L, n, &s) != 0)
		return NULL;
	if ((l = mediate_policy_level_find(L->policy, s)) == NULL)
		ydiag_report(L->d, MEDIATE_EVALIDATE, n, &L->path, "the policy has no grading level \"%.64s\"", s);
	return l;
}

/* grade: {level, points, override: {level, at, actor, reason}} (grade.h). */
static void
load_grade(loader *L, mediate_case *c, const ynode *n)
{
	static const char *const keys[] = { "level", "points", "override", NULL };
	static const char *const okeys[] = { "level", "at", "actor", "reason", NULL };
	const ynode *v, *o;
	const char *s;
	size_t m, m2;
	int64_t pts;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((v = opt(L, n, "level", &m)) != NULL) {
		c->computed_level = get_level(L, v);
		pop(L, m);
		if ((v = req(L, n, "points", &m)) != NULL) {
			if (yget_int(L->d, v, &L->path, INT32_MIN, INT32_MAX, &pts) == 0)
				c->level_points = pts;
			pop(L, m);
		}
	} else if ((v = opt(L, n, "points", &m)) != NULL) {
		ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "points need a level");
		pop(L, m);
	}
	if ((o = opt(L, n, "override", &m)) == NULL)
		return;
	if (yget_map(L->d, o, &L->path) == 0) {
		ymap_check_keys(L->d, o, &L->path, okeys);
		if ((v = req(L, o, "level", &m2)) != NULL) {
			c->override_level = get_level(L, v);
			pop(L, m2);
		}
		if ((v = req(L, o, "at", &m2)) != NULL) {
			get_time(L, v, &c->override_at);
			pop(L, m2);
		}
		if ((v = req(L, o, "actor", &m2)) != NULL) {
			if (get_str(L, v, &s) == 0) {
				if (*s == '\0' || strlen(s) > MEDIATE_CASE_MAX_ID_BYTES || mi_case_check_text("actor", s) != 0)
					ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
					             "an actor is a user id of 1 to %u bytes", MEDIATE_CASE_MAX_ID_BYTES);
				else if ((c->override_actor = mi_strdup(s)) == NULL)
					L->nomem = 1;
			}
			pop(L, m2);
		}
		if ((v = req(L, o, "reason", &m2)) != NULL) {
			if (get_str(L, v, &s) == 0) {
				if (*s == '\0' || mi_case_check_text("reason", s) != 0)
					ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "an override needs a reason");
				else if ((c->override_reason = mi_strdup(s)) == NULL)
					L->nomem = 1;
			}
			pop(L, m2);
		}
	}
	pop(L, m);
}

static mediate_case *
load_case(loader *L, const ynode *n)
{
	static const char *const keys[] = { "id", "number", "state", "received_at", "unit", "source", "source_ref",
	                                    "category", "place", "facts", "parties", "mediation", "outcome",
	                                    "remediations", "deadlines", "grade", "agreement", "followups",
	                                    "timeline", NULL };
	unsigned int errors_before = L->d->count, errors_keys;
	mediate_case *c = NULL;
	const ynode *v, *vstate;
	const char *s;
	size_t m;
	int rc, state = 0, offset = MEDIATE_OFFSET_CST, src;
	mediate_id id;
	uint32_t u;

	if (yget_map(L->d, n, &L->path) != 0)
		return NULL;
	ymap_check_keys(L->d, n, &L->path, keys);
	errors_keys = L->d->count;
	if ((rc = mi_case_alloc(&c, L->policy)) != 0) {
		fail_at(L, rc, n);
		return NULL;
	}

	/* Identity and the facts every other part depends on. */
	if ((v = req(L, n, "id", &m)) != NULL) {
		if (get_str(L, v, &s) == 0) {
			if (mediate_id_parse(&id, s) != 0)
				ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "\"%.64s\" is not a UUID", s);
			else if ((rc = mediate_case_set_id(c, &id)) != 0)
				fail_at(L, rc, v);
		}
		pop(L, m);
	}
	if ((v = req(L, n, "received_at", &m)) != NULL) {
		yget_time(L->d, v, &L->path, &c->received_at, &offset);
		c->offset = offset;
		pop(L, m);
	}
	if ((v = req(L, n, "unit", &m)) != NULL) {
		c->unit = mi_policy_unit_ref(L->policy, v, L->d, &L->path);
		pop(L, m);
	}
	if ((vstate = req(L, n, "state", &m)) != NULL) {
		get_enum(L, vstate, "state", &state, mediate_case_state_name_i, MEDIATE_CASE_STATE_COUNT);
		pop(L, m);
	}
	if (c->unit == NULL || L->d->count > errors_keys) {
		/* Without a unit and a time nothing else can be checked. */
		mediate_case_free(c);
		return NULL;
	}
	if ((v = opt(L, n, "number", &m)) != NULL) {
		if (get_str(L, v, &s) == 0 && (rc = mediate_case_set_number(c, s)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "source", &m)) != NULL) {
		const ynode *ref = ymap_get(n, "source_ref");
		const char *rs = NULL;
		if (get_enum(L, v, "source channel", &src, mediate_case_source_name_i, 8) == 0 &&
		    (ref == NULL || yget_str(L->d, ref, &L->path, &rs) == 0) &&
		    (rc = mediate_case_set_source(c, (mediate_case_source)src, rs)) != 0)
			fail_at(L, rc, ref != NULL ? ref : v);
		pop(L, m);
	} else if ((v = ymap_get(n, "source_ref")) != NULL) {
		m = ypath_key(&L->path, "source_ref");
		ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "source_ref needs a source");
		pop(L, m);
	}
	if ((v = opt(L, n, "category", &m)) != NULL) {
		if (mi_policy_category_ref(L->policy, v, L->d, &L->path) != NULL &&
		    (rc = mediate_case_set_category(c, v->str)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "place", &m)) != NULL && !L->nomem) {
		load_place(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "facts", &m)) != NULL && !L->nomem) {
		load_facts(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "parties", &m)) != NULL && !L->nomem) {
		load_parties(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "mediation", &m)) != NULL && !L->nomem) {
		load_mediation(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "outcome", &m)) != NULL && !L->nomem) {
		load_outcome(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "remediations", &m)) != NULL) {
		if (get_u32(L, v, &u) == 0)
			c->remediations = u;
		pop(L, m);
	}
	if ((v = opt(L, n, "deadlines", &m)) != NULL && !L->nomem) {
		load_deadlines(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "grade", &m)) != NULL && !L->nomem) {
		load_grade(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "agreement", &m)) != NULL && !L->nomem) {
		load_agreement(L, c, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "followups", &m)) != NULL && !L->nomem) {
		load_followups(L, c, v);
		pop(L, m);
	}
	if ((v = req(L, n, "timeline", &m)) != NULL && !L->nomem) {
		load_timeline(L, c, v);
		pop(L, m);
	}
	if (L->d->count == errors_before && !L->nomem) {
		c->state = (mediate_case_state)state;
		if ((rc = mi_case_validate(c)) != 0)
			fail_at(L, rc, n);
	}
	if (L->d->count > errors_before || L->nomem) {
		mediate_case_free(c);
		return NULL;
	}
	return c;
}


static int
finish(ydiag *d, loader *L, int rc)
{
	if (L->nomem)
		return MEDIATE_ENOMEM;
	if (d->count > 0)
		return d->first_code;
	return rc;
}

static int
case_from_yaml(void *outp, const void *ctx, const char *data, size_t len, ydiag *d)
{
	mediate_case **out = outp;
	const mediate_policy *policy = ctx;
	loader L;
	ydoc doc;
	mediate_case *c;
	int rc;

	if ((rc = ydoc_parse(&doc, data != NULL ? data : "", len, d)) != 0)
		return rc;
	memset(&L, 0, sizeof L);
	L.d = d;
	L.policy = policy;
	if (doc.root == NULL || ynode_is_null(doc.root)) {
		ydiag_report_at(d, MEDIATE_EVALIDATE, 1, 1, NULL, "the document is empty: expected a case");
		ydoc_free(&doc);
		return MEDIATE_EVALIDATE;
	}
	c = load_case(&L, doc.root);
	ydoc_free(&doc);
	rc = finish(d, &L, c == NULL ? MEDIATE_EINTERNAL : 0);
	if (rc != 0) {
		mediate_case_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

mediate_status
mediate_case_from_yaml(mediate_case **out, const mediate_policy *policy, const char *data, size_t len,
                       const char *name, const mediate_load_options *opts, mediate_error *err)
{
	static const ydoc_kind kind = { "case from YAML", case_from_yaml };

	if (out != NULL)
		*out = NULL;
	return ydoc_load_buffer(&kind, out, policy, data, len, name, opts, err);
}

/* Checks format and version at the top of a list; "cases" is left to the caller. */
static void
check_list_header(loader *L, const ynode *root, int with_cases)
{
	static const char *const keys[] = { "format", "version", "cases", NULL };
	static const char *const head_keys[] = { "format", "version", NULL };
	const ynode *v;
	size_t m;

	ymap_check_keys(L->d, root, &L->path, with_cases ? keys : head_keys);
	if ((v = req(L, root, "format", &m)) != NULL) {
		const char *s;
		if (get_str(L, v, &s) == 0 && strcmp(s, MI_CASE_LIST_FORMAT) != 0)
			ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "format \"%.64s\" is not %s", s, MI_CASE_LIST_FORMAT);
		pop(L, m);
	}
	if ((v = req(L, root, "version", &m)) != NULL) {
		int64_t ver;
		if (yget_int(L->d, v, &L->path, 0, INT32_MAX, &ver) == 0 && ver != MI_CASE_LIST_VERSION)
			ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
			             "version %lld of the format is not supported (this library reads version %d)",
			             (long long)ver, MI_CASE_LIST_VERSION);
		pop(L, m);
	}
}

/* Loads item i of "cases" and appends it (while the load has no error). */
static void
load_item(loader *L, mediate_case_list *list, const ynode *it, size_t i)
{
	size_t mi = ypath_index(&L->path, i);
	mediate_case *c = load_case(L, it);
	int rc;
	if (c != NULL && L->d->count == 0 && (rc = mediate_case_list_append(list, c)) != 0) {
		fail_at(L, rc, it);
		mediate_case_free(c);
	} else if (c != NULL && L->d->count > 0) {
		mediate_case_free(c);   /* the list is lost anyway: save memory */
	}
	pop(L, mi);
}

/* Adds off to the line of every node of a tree; returns the number of nodes. */
static size_t
shift_lines(ynode *n, unsigned long off)
{
	size_t count;
	ynode *k;
	if (n == NULL)
		return 0;
	n->line += off;
	count = 1;
	if (n->kind == YNODE_MAP) {
		for (k = n->first; k != NULL; k = k->next) {
			k->line += off;
			count += 1 + shift_lines(k->value, off);
		}
	} else if (n->kind == YNODE_SEQ) {
		for (k = n->first; k != NULL; k = k->next)
			count += shift_lines(k, off);
	}
	return count;
}

/*
 * Large lists are read one case at a time when they have the layout the
 * exporter writes: a header of top-level keys, then "cases:" alone on its
 * line, then only items that start with "- " at column 0.  Each item's
 * lines are parsed on their own (as a list of one), so memory holds the
 * tree of one case rather than of the whole file, and the lines of its
 * nodes are shifted to their place in the file.  Returns 0 when the
 * document has another layout, or when a part fails to parse before any
 * error was reported: the caller then parses the whole document, which
 * reports exactly as it always does.  Returns 1 when it handled the
 * document (*rc is the result).
 */
static int
list_stream(mediate_case_list **out, const mediate_policy *policy, const char *data, size_t len, ydiag *d,
            int *rc)
{
	const mediate_load_options *o = d->opts;
	mediate_load_options copts;
	mediate_case_list *list = NULL;
	const char *p, *end = data + len, *cases = NULL;
	size_t i, nodes = 0, m;
	unsigned long line = 1;
	loader L;
	ydoc doc;
	ydiag cd;
	mediate_error cerr;

	if (len > o->max_document_bytes || o->max_depth < 2)
		return 0;
	/* Find "cases:" at the start of a line and check the layout after it. */
	for (p = data; p < end; p = p + 1) {
		if (end - p >= 7 && memcmp(p, "cases:\n", 7) == 0) {
			cases = p;
			break;
		}
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return 0;
	}
	if (cases == NULL || cases + 7 >= end || cases[7] != '-' || cases[8] != ' ')
		return 0;
	for (p = cases + 7; p < end; p++) {
		if (!(*p == '\n' || *p == ' ' || (*p == '-' && p + 1 < end && p[1] == ' ')))
			return 0;
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
	}
	for (p = data; p < cases; p++)
		line += *p == '\n';
	line++;   /* the first item's line */

	copts = *o;
	copts.on_error = NULL;
	copts.max_errors = 1;
	copts.max_depth = o->max_depth - 1;

	/* The header: format and version. */
	ydiag_init(&cd, d->file, &copts, &cerr);
	if (ydoc_parse(&doc, data, (size_t)(cases - data), &cd) != 0) {
		ydiag_finish(&cd);
		return 0;
	}
	ydiag_finish(&cd);
	if (doc.root == NULL || doc.root->kind != YNODE_MAP) {
		ydoc_free(&doc);
		return 0;
	}
	memset(&L, 0, sizeof L);
	L.d = d;
	L.policy = policy;
	check_list_header(&L, doc.root, 0);
	nodes = shift_lines(doc.root, 0) + 2;   /* + the "cases" key and its list */
	ydoc_free(&doc);
	if ((*rc = mediate_case_list_new(&list)) != 0) {
		fail_at(&L, *rc, NULL);
		p = end;
	} else {
		p = cases + 7;
	}
	m = ypath_key(&L.path, "cases");
	for (i = 0; p < end && !L.nomem && !ydiag_full(d); i++) {
		const char *q = p, *next;
		unsigned long lines = 0;
		/* The item runs to the next "- " at column 0. */
		for (;;) {
			const char *nl = memchr(q, '\n', (size_t)(end - q));
			lines++;
			if (nl == NULL) {
				next = end;
				break;
			}
			q = nl + 1;
			if (q >= end || (q[0] == '-' && q + 1 < end && q[1] == ' ')) {
				next = q;
				break;
			}
		}
		copts.max_nodes = o->max_nodes > nodes ? o->max_nodes - nodes : 0;
		ydiag_init(&cd, d->file, &copts, &cerr);
		if (ydoc_parse(&doc, p, (size_t)(next - p), &cd) != 0) {
			ydiag_finish(&cd);
			if (d->count == 0 && !L.nomem) {
				/* Let the whole-document parse say it in its words. */
				pop(&L, m);
				mediate_case_list_free(list);
				return 0;
			}
			ydiag_report_at(d, cerr.code, cerr.line ? cerr.line + line - 1 : 0, cerr.column, NULL, "%s",
			                cerr.text);
			break;
		}
		ydiag_finish(&cd);
		nodes += shift_lines(doc.root, line - 1);
		if (doc.root != NULL && doc.root->kind == YNODE_SEQ && doc.root->count == 1)
			load_item(&L, list, doc.root->first, i);
		else
			ydiag_report_at(d, MEDIATE_EINTERNAL, line, 1, NULL, "case list: an item did not parse as one");
		ydoc_free(&doc);
		line += lines;
		p = next;
	}
	pop(&L, m);
	*rc = finish(d, &L, 0);
	if (*rc != 0) {
		mediate_case_list_free(list);
		return 1;
	}
	*out = list;
	return 1;
}

static int
list_from_yaml(void *outp, const void *ctx, const char *data, size_t len, ydiag *d)
{
	mediate_case_list **out = outp;
	const mediate_policy *policy = ctx;
	mediate_case_list *list = NULL;
	const ynode *v, *it;
	loader L;
	ydoc doc;
	size_t m, i;
	int rc;

	if (data != NULL && list_stream(out, policy, data, len, d, &rc))
		return rc;
	if ((rc = ydoc_parse(&doc, data != NULL ? data : "", len, d)) != 0)
		return rc;
	memset(&L, 0, sizeof L);
	L.d = d;
	L.policy = policy;
	if (doc.root == NULL || ynode_is_null(doc.root)) {
		ydiag_report_at(d, MEDIATE_EVALIDATE, 1, 1, NULL,
		                "the document is empty: expected format, version and cases");
		ydoc_free(&doc);
		return MEDIATE_EVALIDATE;
	}
	if (yget_map(d, doc.root, &L.path) != 0) {
		ydoc_free(&doc);
		return d->first_code;
	}
	check_list_header(&L, doc.root, 1);
	if ((v = req(&L, doc.root, "cases", &m)) != NULL) {
		if (yget_seq(d, v, &L.path) == 0) {
			if ((rc = mediate_case_list_new(&list)) != 0)
				fail_at(&L, rc, v);
			for (it = v->first, i = 0; list != NULL && it != NULL && !L.nomem && !ydiag_full(d);
			     it = it->next, i++)
				load_item(&L, list, it, i);
		}
		pop(&L, m);
	}
	ydoc_free(&doc);
	rc = finish(d, &L, 0);
	if (rc != 0) {
		mediate_case_list_free(list);
		return rc;
	}
	*out = list;
	return 0;
}

mediate_status
mediate_case_list_from_yaml(mediate_case_list **out, const mediate_policy *policy, const char *data, size_t len,
                            const char *name, const mediate_load_options *opts, mediate_error *err)
{
	static const ydoc_kind kind = { "case list from YAML", list_from_yaml };

	if (out != NULL)
		*out = NULL;
	return ydoc_load_buffer(&kind, out, policy, data, len, name, opts, err);
}

static int
list_load_buffer(void *out, const void *policy, const char *data, size_t len, const char *name,
                 const mediate_load_options *opts, mediate_error *err)
{
	return mediate_case_list_from_yaml(out, policy, data, len, name, opts, err);
}

mediate_status
mediate_case_list_load_file(mediate_case_list **out, const mediate_policy *policy, const char *path,
                            const mediate_load_options *opts, mediate_error *err)
{
	if (out != NULL)
		*out = NULL;
	return ydoc_load_file("case list load", out, policy, 1, path, opts, err, list_load_buffer);
}
