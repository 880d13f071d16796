/* SPDX-License-Identifier: MIT */
/*
 * Rosters from and to YAML (mediate-roster(5)), with the shared reader
 * (ydoc.h): the same limits as every loader, every error with
 * file:line:column and a path such as mediators[12].specialties.neighbour,
 * unknown keys and codes with a "did you mean", and all errors of a file in
 * one run.  A roster with any error is never returned.
 *
 * The loader fills the roster through the public setters, so a file obeys
 * exactly the rules of the API.  When the identity of a mediator is bad (a
 * missing key, a taken id...), the rest of its entry is still checked on a
 * stand-in mediator of a scratch roster, so one run shows every problem.
 *
 * The writer emits the canonical layout (the key order below, flow lists,
 * leave times at the UTC offset of the policy's first calendar, else UTC),
 * which examples/data/gen-roster.py writes too.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "policy_priv.h"
#include "roster_priv.h"
#include "ydoc.h"

#define ROSTER_FORMAT "mediate-roster"
#define ROSTER_VERSION 1

static const char *const mode_order[] = {
	"on_the_spot", "think_tank", "joint", "remote_video", "mobile", NULL
};

typedef struct loader {
	ydiag *d;
	ypath path;
	const mediate_policy *policy;
	mediate_roster *roster;
	mediate_roster *scratch;    /* stand-ins for entries whose identity is bad */
	int nomem;
} loader;

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

static const ynode *
opt(loader *L, const ynode *map, const char *k, size_t *mark)
{
	const ynode *v = ymap_get(map, k);
	if (v != NULL)
		*mark = ypath_key(&L->path, k);
	return v;
}

static void
pop(loader *L, size_t mark)
{
	ypath_pop(&L->path, mark);
}

/* Degrees with at most six decimals, in millionths (ydoc_degrees_micro). */
static int
get_micro(loader *L, const ynode *n, int32_t *out)
{
	return ydoc_degrees_micro(L->d, &L->path, n, out);
}

/* The result of a check (which set the thread's last error), reported at n. */
static int
checked(loader *L, const ynode *n, int rc)
{
	return rc != 0 ? fail_at(L, rc, n) : 0;
}

/* ---- one mediator -------------------------------------------------------- */

static void
load_specialties(loader *L, mediate_roster *r, const char *id, const ynode *n)
{
	const ynode *k;
	if (yget_map(L->d, n, &L->path) != 0)
		return;
	for (k = n->first; k != NULL && !L->nomem && !ydiag_full(L->d); k = k->next) {
		size_t m = ypath_key(&L->path, k->str);
		const mediate_category *c = mi_policy_category_ref(L->policy, k, L->d, &L->path);
		int64_t prof;
		int rc;
		if (yget_int(L->d, k->value, &L->path, 1, MEDIATE_PROFICIENCY_MAX, &prof) == 0 && c != NULL &&
		    (rc = mediate_roster_set_specialty(r, id, k->str, (unsigned int)prof)) != 0)
			fail_at(L, rc, k->value);
		pop(L, m);
	}
}

static void
load_languages(loader *L, mediate_roster *r, const char *id, const ynode *n)
{
	const ynode *it;
	size_t i = 0;
	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	for (it = n->first; it != NULL && !L->nomem; it = it->next, i++) {
		size_t m = ypath_index(&L->path, i);
		const char *s;
		int rc;
		if (yget_str(L->d, it, &L->path, &s) == 0 && (rc = mediate_roster_add_language(r, id, s)) != 0)
			fail_at(L, rc, it);
		pop(L, m);
	}
}

static void
load_modes(loader *L, mediate_roster *r, const char *id, const ynode *n)
{
	const ynode *it;
	unsigned int modes = 0;
	size_t i = 0;
	int bad = 0, rc;
	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	for (it = n->first; it != NULL; it = it->next, i++) {
		size_t m = ypath_index(&L->path, i);
		mediate_case_mode mode;
		const char *s;
		if (yget_str(L->d, it, &L->path, &s) != 0) {
			bad = 1;
		} else if (mediate_case_mode_parse(&mode, s) != 0) {
			const char *near = ysuggest(s, mode_order);
			ydiag_report(L->d, MEDIATE_EVALIDATE, it, &L->path, "unknown mode \"%.64s\"%s%s%s", s,
			             near ? " (did you mean " : " (on_the_spot, think_tank, joint, remote_video or mobile",
			             near ? near : "", ")");
			bad = 1;
		} else if (modes & MEDIATE_MODE_BIT(mode)) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, it, &L->path, "mode %s is listed twice", s);
			bad = 1;
		} else {
			modes |= MEDIATE_MODE_BIT(mode);
		}
		pop(L, m);
	}
	if (!bad && (rc = mediate_roster_set_modes(r, id, modes)) != 0)
		fail_at(L, rc, n);
}

static void
load_coordinates(loader *L, mediate_roster *r, const char *id, const ynode *n)
{
	static const char *const keys[] = { "lat", "lon", NULL };
	const ynode *lat, *lon;
	int32_t a = 0, o = 0;
	int bad = 0, rc;
	size_t m;
	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	lat = yreq(L->d, n, &L->path, "lat");
	lon = yreq(L->d, n, &L->path, "lon");
	if (lat == NULL || lon == NULL)
		return;
	m = ypath_key(&L->path, "lat");
	bad |= get_micro(L, lat, &a) != 0;
	if (!bad && (a < -90000000 || a > 90000000)) {
		ydiag_report(L->d, MEDIATE_ERANGE, lat, &L->path, "latitude %s is out of range -90..90", lat->str);
		bad = 1;
	}
	pop(L, m);
	m = ypath_key(&L->path, "lon");
	bad |= get_micro(L, lon, &o) != 0;
	pop(L, m);
	if (!bad && (rc = mediate_roster_set_coordinates(r, id, a, o)) != 0)
		fail_at(L, rc, n);
}

static void
load_leave(loader *L, mediate_roster *r, const char *id, const ynode *n)
{
	static const char *const keys[] = { "from", "until", "reason", NULL };
	const ynode *it;
	size_t i = 0;
	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	for (it = n->first; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
		size_t mi = ypath_index(&L->path, i), m;
		const ynode *v;
		const char *reason = NULL;
		int64_t from = 0, until = 0;
		int bad = 0, rc;
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, mi);
			continue;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		if ((v = yreq(L->d, it, &L->path, "from")) == NULL) {
			bad = 1;
		} else {
			m = ypath_key(&L->path, "from");
			bad |= yget_time(L->d, v, &L->path, &from, NULL) != 0;
			pop(L, m);
		}
		if ((v = yreq(L->d, it, &L->path, "until")) == NULL) {
			bad = 1;
		} else {
			m = ypath_key(&L->path, "until");
			bad |= yget_time(L->d, v, &L->path, &until, NULL) != 0;
			pop(L, m);
		}
		if ((v = opt(L, it, "reason", &m)) != NULL) {
			bad |= yget_str(L->d, v, &L->path, &reason) != 0;
			pop(L, m);
		}
		if (!bad && (rc = mediate_roster_add_leave(r, id, from, until, reason)) != 0)
			fail_at(L, rc, it);
		pop(L, mi);
	}
}

static void
load_recusals(loader *L, mediate_roster *r, const char *id, const ynode *n)
{
	static const char *const keys[] = { "party_id", "name", "relationship", NULL };
	static const char *const fields[] = { "party_id", "name", "relationship" };
	const ynode *it;
	size_t i = 0;
	if (yget_seq(L->d, n, &L->path) != 0)
		return;
	for (it = n->first; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
		size_t mi = ypath_index(&L->path, i), m, f;
		const char *s[3] = { NULL, NULL, NULL };
		int bad = 0, rc;
		if (yget_map(L->d, it, &L->path) != 0) {
			pop(L, mi);
			continue;
		}
		ymap_check_keys(L->d, it, &L->path, keys);
		for (f = 0; f < 3; f++) {
			const ynode *v = opt(L, it, fields[f], &m);
			if (v != NULL) {
				bad |= yget_str(L->d, v, &L->path, &s[f]) != 0;
				pop(L, m);
			}
		}
		if (!bad && (rc = mediate_roster_add_recusal(r, id, s[0], s[1], s[2])) != 0)
			fail_at(L, rc, it);
		pop(L, mi);
	}
}

/* Reads a required string key; reports a missing one. */
static const ynode *
req_str(loader *L, const ynode *map, const char *key, const char **out)
{
	const ynode *v = yreq(L->d, map, &L->path, key);
	size_t m;
	*out = NULL;
	if (v == NULL)
		return NULL;
	m = ypath_key(&L->path, key);
	if (yget_str(L->d, v, &L->path, out) != 0)
		*out = NULL;
	pop(L, m);
	return v;
}

static void
load_mediator(loader *L, const ynode *n)
{
	static const char *const keys[] = {
		"id", "staff", "name", "unit", "post", "level", "phone", "specialties", "think_tank",
		"external_body", "languages", "modes", "coordinates", "capacity", "load", "duty", "leave",
		"recusals", NULL
	};
	const char *id, *staff, *name, *unitcode = NULL, *post_s = NULL;
	const ynode *vid, *vstaff, *vname, *v;
	const mediate_unit *unit = NULL;
	mediate_post_type post = MEDIATE_POST_FULL_TIME;
	const mediate_mediator *med = NULL;
	mediate_roster *r = L->roster;
	int64_t level = 1;
	int ok = 1, rc;
	size_t m;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);

	/* Identity: each part checked at its node. */
	if ((vid = req_str(L, n, "id", &id)) == NULL || id == NULL) {
		ok = 0;
	} else {
		m = ypath_key(&L->path, "id");
		if (checked(L, vid, mi_roster_check_id("mediator id", id)) != 0)
			ok = 0;
		else if (mi_roster_find(r, id) != NULL) {
			ydiag_report(L->d, MEDIATE_EEXISTS, vid, &L->path, "the id %s is used twice", id);
			ok = 0;
		}
		pop(L, m);
	}
	if ((vstaff = req_str(L, n, "staff", &staff)) == NULL || staff == NULL) {
		ok = 0;
	} else {
		m = ypath_key(&L->path, "staff");
		if (checked(L, vstaff, mi_roster_check_staff(staff)) != 0)
			ok = 0;
		else if (mi_roster_find_staff(r, staff) != NULL) {
			ydiag_report(L->d, MEDIATE_EEXISTS, vstaff, &L->path, "the staff number %s is used twice", staff);
			ok = 0;
		}
		pop(L, m);
	}
	if ((vname = req_str(L, n, "name", &name)) == NULL || name == NULL) {
		ok = 0;
	} else {
		m = ypath_key(&L->path, "name");
		if (checked(L, vname, mi_roster_check_name("mediator name", name, MI_ROSTER_MAX_NAME_BYTES)) != 0)
			ok = 0;
		pop(L, m);
	}
	if ((v = yreq(L->d, n, &L->path, "unit")) == NULL) {
		ok = 0;
	} else {
		m = ypath_key(&L->path, "unit");
		if ((unit = mi_policy_unit_ref(L->policy, v, L->d, &L->path)) == NULL)
			ok = 0;
		else
			unitcode = mediate_unit_code(unit);
		pop(L, m);
	}
	if ((v = yreq(L->d, n, &L->path, "post")) == NULL) {
		ok = 0;
	} else {
		m = ypath_key(&L->path, "post");
		if (yget_str(L->d, v, &L->path, &post_s) != 0) {
			ok = 0;
		} else if (mediate_post_type_parse(&post, post_s) != 0) {
			static const char *const posts[] = { "full_time", "part_time", "retired_volunteer",
			                                     "invited_expert", NULL };
			const char *near = ysuggest(post_s, posts);
			ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "unknown post \"%.64s\" (%s%s)", post_s,
			             near ? "did you mean " : "full_time, part_time, retired_volunteer or invited_expert",
			             near ? near : "");
			ok = 0;
		}
		pop(L, m);
	}
	if ((v = yreq(L->d, n, &L->path, "level")) == NULL) {
		ok = 0;
	} else {
		m = ypath_key(&L->path, "level");
		if (yget_int(L->d, v, &L->path, 1, MEDIATE_MEDIATOR_LEVEL_MAX, &level) != 0)
			ok = 0;
		pop(L, m);
	}
	if (ok) {
		if ((rc = mediate_roster_add(&med, r, id, staff, name, unitcode, post, (unsigned int)level)) != 0) {
			fail_at(L, rc, n);
			return;
		}
	} else {
		/* A stand-in, so that the rest of the entry is still checked. */
		char sid[32];
		mediate_roster_free(L->scratch);
		L->scratch = NULL;
		snprintf(sid, sizeof sid, "scratch");
		if ((rc = mediate_roster_new(&L->scratch, L->policy)) != 0 ||
		    (rc = mediate_roster_add(&med, L->scratch, sid, sid, "scratch",
		                             mediate_unit_code(mediate_policy_unit_at(L->policy, 0)),
		                             MEDIATE_POST_FULL_TIME, 1)) != 0) {
			fail_at(L, rc, n);
			return;
		}
		r = L->scratch;
	}
	id = mediate_mediator_id(med);

	if ((v = opt(L, n, "phone", &m)) != NULL) {
		const char *s;
		if (yget_str(L->d, v, &L->path, &s) == 0 && (rc = mediate_roster_set_phone(r, id, s)) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "specialties", &m)) != NULL) {
		load_specialties(L, r, id, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "think_tank", &m)) != NULL) {
		int b;
		if (yget_bool(L->d, v, &L->path, &b) == 0)
			mediate_roster_set_think_tank(r, id, b);
		pop(L, m);
	}
	if ((v = opt(L, n, "external_body", &m)) != NULL) {
		const mediate_unit *u = mi_policy_unit_ref(L->policy, v, L->d, &L->path);
		if (u != NULL && (rc = mediate_roster_set_external_body(r, id, mediate_unit_code(u))) != 0)
			fail_at(L, rc, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "languages", &m)) != NULL) {
		load_languages(L, r, id, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "modes", &m)) != NULL) {
		load_modes(L, r, id, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "coordinates", &m)) != NULL) {
		load_coordinates(L, r, id, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "capacity", &m)) != NULL) {
		int64_t x;
		if (yget_int(L->d, v, &L->path, 0, MI_ROSTER_MAX_CAPACITY, &x) == 0)
			mediate_roster_set_capacity(r, id, (unsigned int)x);
		pop(L, m);
	}
	if ((v = opt(L, n, "load", &m)) != NULL) {
		int64_t x;
		if (yget_int(L->d, v, &L->path, 0, MI_ROSTER_MAX_LOAD, &x) == 0)
			mediate_roster_set_load(r, id, (unsigned int)x);
		pop(L, m);
	}
	if ((v = opt(L, n, "duty", &m)) != NULL) {
		const char *s;
		mediate_duty duty;
		if (yget_str(L->d, v, &L->path, &s) == 0) {
			if (mediate_duty_parse(&duty, s) != 0 || duty == MEDIATE_DUTY_LEAVE)
				ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
				             "duty \"%.64s\" is not on or off (leave is given as dated periods: leave)", s);
			else
				mediate_roster_set_duty(r, id, duty);
		}
		pop(L, m);
	}
	if ((v = opt(L, n, "leave", &m)) != NULL) {
		load_leave(L, r, id, v);
		pop(L, m);
	}
	if ((v = opt(L, n, "recusals", &m)) != NULL) {
		load_recusals(L, r, id, v);
		pop(L, m);
	}
}

/* ---- the document -------------------------------------------------------- */

static void
load_root(loader *L, const ynode *root)
{
	static const char *const keys[] = { "format", "version", "mediators", NULL };
	const ynode *v, *it;
	size_t m, i = 0;

	if (yget_map(L->d, root, &L->path) != 0)
		return;
	ymap_check_keys(L->d, root, &L->path, keys);
	if ((v = yreq(L->d, root, &L->path, "format")) != NULL) {
		const char *s;
		m = ypath_key(&L->path, "format");
		if (yget_str(L->d, v, &L->path, &s) == 0 && strcmp(s, ROSTER_FORMAT) != 0)
			ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "format \"%.64s\" is not %s", s, ROSTER_FORMAT);
		pop(L, m);
	}
	if ((v = yreq(L->d, root, &L->path, "version")) != NULL) {
		int64_t ver;
		m = ypath_key(&L->path, "version");
		if (yget_int(L->d, v, &L->path, 0, INT32_MAX, &ver) == 0 && ver != ROSTER_VERSION)
			ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
			             "version %lld of the format is not supported (this library reads version %d)",
			             (long long)ver, ROSTER_VERSION);
		pop(L, m);
	}
	if ((v = yreq(L->d, root, &L->path, "mediators")) == NULL)
		return;
	m = ypath_key(&L->path, "mediators");
	if (yget_seq(L->d, v, &L->path) == 0) {
		for (it = v->first; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
			size_t mi = ypath_index(&L->path, i);
			load_mediator(L, it);
			pop(L, mi);
		}
	}
	pop(L, m);
}


static int
roster_from_yaml(void *outp, const void *ctx, const char *data, size_t len, ydiag *d)
{
	mediate_roster **out = outp;
	const mediate_policy *policy = ctx;
	loader L;
	ydoc doc;
	int rc;

	if ((rc = ydoc_parse(&doc, data != NULL ? data : "", len, d)) != 0)
		return rc;
	memset(&L, 0, sizeof L);
	L.d = d;
	L.policy = policy;
	if (doc.root == NULL || ynode_is_null(doc.root)) {
		ydiag_report_at(d, MEDIATE_EVALIDATE, 1, 1, NULL, "the document is empty: expected a roster");
		ydoc_free(&doc);
		return MEDIATE_EVALIDATE;
	}
	if ((rc = mediate_roster_new(&L.roster, policy)) != 0) {
		ydoc_free(&doc);
		ydiag_report_at(d, rc, 0, 0, NULL, "out of memory");
		return rc;
	}
	load_root(&L, doc.root);
	ydoc_free(&doc);
	mediate_roster_free(L.scratch);
	if (L.nomem || d->count > 0) {
		mediate_roster_free(L.roster);
		return L.nomem ? MEDIATE_ENOMEM : d->first_code;
	}
	*out = L.roster;
	return 0;
}

mediate_status
mediate_roster_load_buffer(mediate_roster **out, const mediate_policy *policy, const char *data, size_t len,
                           const char *name, const mediate_load_options *opts, mediate_error *err)
{
	static const ydoc_kind kind = { "roster load", roster_from_yaml };

	if (out != NULL)
		*out = NULL;
	return ydoc_load_buffer(&kind, out, policy, data, len, name, opts, err);
}

static int
load_buffer(void *out, const void *policy, const char *data, size_t len, const char *name,
            const mediate_load_options *opts, mediate_error *err)
{
	return mediate_roster_load_buffer(out, policy, data, len, name, opts, err);
}

mediate_status
mediate_roster_load_file(mediate_roster **out, const mediate_policy *policy, const char *path,
                         const mediate_load_options *opts, mediate_error *err)
{
	if (out != NULL)
		*out = NULL;
	return ydoc_load_file("roster load", out, policy, 1, path, opts, err, load_buffer);
}

/* ---- writing ------------------------------------------------------------- */

/*
 * The length of a character at s that YAML reads as a line break (U+0085,
 * U+2028, U+2029: folded even inside quotes) or refuses in a stream (C1
 * controls, U+FFFE, U+FFFF), or U+FEFF (a byte order mark); 0 for any
 * other.  These are written as escapes.
 */
static size_t
special_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	if (p[0] == 0xEF && ((p[1] == 0xBB && p[2] == 0xBF) || (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))))
		return 3;
	return 0;
}

/* Whether s can be written as a plain scalar that every YAML reader reads
 * back as this string (not a number, boolean, null or date). */
static int
plain_ok(const char *s)
{
	static const char *const special[] = {
		"true", "false", "True", "False", "TRUE", "FALSE", "yes", "no", "Yes", "No", "YES", "NO",
		"on", "off", "On", "Off", "ON", "OFF", "y", "n", "Y", "N", "null", "Null", "NULL", NULL
	};
	size_t i;
	int dash = 0;
	if (*s == '\0' || *s == '-' || *s == '.' || *s == '+')
		return 0;
	for (i = 0; special[i] != NULL; i++)
		if (strcmp(s, special[i]) == 0)
			return 0;
	for (i = 0; s[i]; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (!(ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '-' || ch == '.'))
			return 0;
		if (ch >= 0x80 && special_len(s + i) != 0)
			return 0;
		dash |= ch == '-';
	}
	/* Numbers (1234, 1e5, 0x1f) and dates (2026-11-20) start with a digit. */
	if (s[0] >= '0' && s[0] <= '9' && (!dash || (i == 10 && s[4] == '-' && s[7] == '-')))
		return 0;
	return 1;
}

static void
put_str(mi_buf *b, const char *s)
{
	const char *p;
	if (plain_ok(s)) {
		mi_buf_puts(b, s);
		return;
	}
	mi_buf_puts(b, "\"");
	for (p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		size_t n;
		if (ch >= 0x80 && (n = special_len(p)) != 0) {
			const unsigned char *q = (const unsigned char *)p;
			if (n == 2 && q[1] == 0x85)
				mi_buf_puts(b, "\\N");
			else if (n == 2)
				mi_buf_printf(b, "\\x%02x", q[1]);
			else if (q[0] == 0xE2)
				mi_buf_puts(b, q[2] == 0xA8 ? "\\L" : "\\P");
			else
				mi_buf_printf(b, "\\u%04x", (unsigned)(((q[0] & 0x0F) << 12) | ((q[1] & 0x3F) << 6) | (q[2] & 0x3F)));
			p += n - 1;
		} else if (ch == '"' || ch == '\\') {
			char e[3] = { '\\', (char)ch, 0 };
			mi_buf_puts(b, e);
		} else if (ch < 0x20 || ch == 0x7f) {
			mi_buf_printf(b, "\\x%02x", ch);
		} else {
			mi_buf_append(b, p, 1);
		}
	}
	mi_buf_puts(b, "\"");
}

static void
put_micro(mi_buf *b, int32_t v)
{
	long long x = v;
	const char *sign = "";
	if (x < 0) {
		sign = "-";
		x = -x;
	}
	mi_buf_printf(b, "%s%lld.%06lld", sign, x / 1000000, x % 1000000);
}

static int
put_time(mi_buf *b, int64_t t, int offset)
{
	char tb[64];
	int rc;
	if ((rc = mediate_time_format(tb, sizeof tb, t, offset)) != 0)
		return rc;
	mi_buf_puts(b, tb);
	return 0;
}

static int
emit_mediator(mi_buf *b, const mediate_mediator *m, const mediate_policy *p, int offset)
{
	size_t i;
	int rc;
	mi_buf_puts(b, "- id: ");
	put_str(b, m->id);
	mi_buf_puts(b, "\n  staff: ");
	put_str(b, m->staff);
	mi_buf_puts(b, "\n  name: ");
	put_str(b, m->name);
	mi_buf_puts(b, "\n  unit: ");
	put_str(b, mediate_unit_code(m->unit));
	mi_buf_printf(b, "\n  post: %s\n  level: %u\n", mediate_post_type_name(m->post), m->level);
	if (m->phone != NULL)
		mi_buf_printf(b, "  phone: \"%s\"\n", m->phone);
	if (m->specialty_count > 0) {
		mi_buf_puts(b, "  specialties:\n");
		for (i = 0; i < m->specialty_count; i++) {
			mi_buf_puts(b, "    ");
			put_str(b, mediate_category_code(mediate_policy_category_at(p, m->specialties[i].category)));
			mi_buf_printf(b, ": %u\n", m->specialties[i].proficiency);
		}
	}
	if (m->think_tank)
		mi_buf_puts(b, "  think_tank: true\n");
	if (m->external_body != NULL) {
		mi_buf_puts(b, "  external_body: ");
		put_str(b, mediate_unit_code(m->external_body));
		mi_buf_puts(b, "\n");
	}
	if (m->language_count > 0) {
		mi_buf_puts(b, "  languages: [");
		for (i = 0; i < m->language_count; i++) {
			if (i > 0)
				mi_buf_puts(b, ", ");
			put_str(b, m->languages[i]);
		}
		mi_buf_puts(b, "]\n");
	}
	mi_buf_puts(b, "  modes: [");
	{
		int first = 1;
		for (i = 0; mode_order[i] != NULL; i++) {
			mediate_case_mode mode;
			if (mediate_case_mode_parse(&mode, mode_order[i]) == 0 && (m->modes & MEDIATE_MODE_BIT(mode))) {
				mi_buf_printf(b, "%s%s", first ? "" : ", ", mode_order[i]);
				first = 0;
			}
		}
	}
	mi_buf_puts(b, "]\n");
	if (m->has_coordinates) {
		mi_buf_puts(b, "  coordinates: {lat: ");
		put_micro(b, m->lat);
		mi_buf_puts(b, ", lon: ");
		put_micro(b, m->lon);
		mi_buf_puts(b, "}\n");
	}
	mi_buf_printf(b, "  capacity: %u\n  load: %u\n  duty: \"%s\"\n", m->capacity, m->load,
	              mediate_duty_name(m->duty));
	if (m->leave_count > 0) {
		mi_buf_puts(b, "  leave:\n");
		for (i = 0; i < m->leave_count; i++) {
			mi_buf_puts(b, "  - from: ");
			if ((rc = put_time(b, m->leaves[i].from, offset)) != 0)
				return rc;
			mi_buf_puts(b, "\n    until: ");
			if ((rc = put_time(b, m->leaves[i].until, offset)) != 0)
				return rc;
			mi_buf_puts(b, "\n");
			if (m->leaves[i].reason != NULL) {
				mi_buf_puts(b, "    reason: ");
				put_str(b, m->leaves[i].reason);
				mi_buf_puts(b, "\n");
			}
		}
	}
	if (m->recusal_count > 0) {
		mi_buf_puts(b, "  recusals:\n");
		for (i = 0; i < m->recusal_count; i++) {
			const mi_recusal *r = &m->recusals[i];
			const char *lead = "  - ";
			if (r->party_id != NULL) {
				mi_buf_printf(b, "%sparty_id: ", lead);
				put_str(b, r->party_id);
				mi_buf_puts(b, "\n");
				lead = "    ";
			}
			if (r->name != NULL) {
				mi_buf_printf(b, "%sname: ", lead);
				put_str(b, r->name);
				mi_buf_puts(b, "\n");
				lead = "    ";
			}
			if (r->relationship != NULL) {
				mi_buf_printf(b, "%srelationship: ", lead);
				put_str(b, r->relationship);
				mi_buf_puts(b, "\n");
			}
		}
	}
	return 0;
}

mediate_status
mediate_roster_to_yaml(char **out, size_t *len, const mediate_roster *roster)
{
	mi_buf b = { NULL, 0, 0, 0 };
	int offset = 0, rc;
	size_t i;
	if (out == NULL || roster == NULL)
		return mi_err(MEDIATE_EINVAL, "roster to YAML: NULL argument");
	if (mediate_policy_calendar_count(roster->policy) > 0)
		offset = mediate_calendar_offset(mediate_policy_calendar_at(roster->policy, 0));
	mi_buf_printf(&b, "format: %s\nversion: %d\nmediators:%s\n", ROSTER_FORMAT, ROSTER_VERSION,
	              roster->count == 0 ? " []" : "");
	for (i = 0; i < roster->count; i++)
		if ((rc = emit_mediator(&b, roster->items[i], roster->policy, offset)) != 0) {
			mi_buf_free(&b);
			return rc;
		}
	if (b.failed || mi_buf_append(&b, "", 1) != 0) {
		mi_buf_free(&b);
		return mi_nomem();
	}
	*out = b.data;
	if (len != NULL)
		*len = b.len - 1;
	return 0;
}
