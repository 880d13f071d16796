/* SPDX-License-Identifier: MIT */
/*
 * The policy loader: one YAML document -> an immutable mediate_policy.
 *
 * Loading happens in two passes over the tree that ydoc builds: the keys of
 * the top level are checked, then every section loads in the order of the
 * sections[] table (later sections may refer to the taxonomy and the org
 * tree).  Every problem is reported with file:line:column and a path, and the
 * loader keeps going after a content error so one run shows all of them; a
 * policy with any error is never returned.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "policy_priv.h"
#include "route_priv.h"
#include "grade_priv.h"
#include "rating_priv.h"
#include "pay_priv.h"
#include "match_priv.h"
#include "roster_priv.h"

static int load_meta(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
static int load_taxonomy(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
static int load_org(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);

static const struct {
	const char *key;
	int required;
	mi_section_load_fn load;
	mi_section_free_fn free;
} sections[] = {
	{ "policy", 1, load_meta, NULL },
	{ "taxonomy", 1, load_taxonomy, NULL },
	{ "org", 1, load_org, NULL },
	{ "grading", 0, mi_grading_load, mi_grading_free },
	{ "calendars", 0, mi_calendars_load, mi_calendars_free },
	{ "sla", 0, mi_sla_load, mi_sla_free },
	{ "routing", 0, mi_routing_load, mi_routing_free },
	{ "ratings", 0, mi_ratings_policy_load, mi_ratings_policy_free },
	{ "pay", 0, mi_pay_load, mi_pay_free },
	{ "matching", 0, mi_matching_load, mi_matching_free },
	{ "roster", 0, mi_roster_policy_load, mi_roster_policy_free },
};
#define NSECTIONS (sizeof sections / sizeof sections[0])

static const char *const unit_kinds[] = {
	NULL, "county", "town", "police_station", "community", "village", "grid", "centre",
	"department", "enterprise", "court", "association", NULL
};
/* Number of names plus the unused slot 0; the final NULL is for ysuggest(). */
#define NKINDS (sizeof unit_kinds / sizeof unit_kinds[0] - 1)

/* ---- public API ---- */

/* The body of mediate_policy_load_buffer(); errors go to d. */
static int
load_buffer(mediate_policy **out, const char *data, size_t len, const char *name,
            const mediate_load_options *opts, ydiag *d)
{
	mediate_policy *p;
	ydoc doc;
	ypath path;
	size_t i;
	int rc;

	if (out == NULL || (data == NULL && len > 0)) {
		ydiag_report_at(d, MEDIATE_EINVAL, 0, 0, NULL, "policy load: NULL argument");
		return MEDIATE_EINVAL;
	}
	*out = NULL;
	if (opts->version != MEDIATE_LOAD_OPTIONS_VERSION) {
		ydiag_report_at(d, MEDIATE_EINVAL, 0, 0, NULL, "load options version %u is not supported",
		                opts->version);
		return MEDIATE_EINVAL;
	}
	if ((rc = ydoc_parse(&doc, data != NULL ? data : "", len, d)) != 0)
		return rc;
	memset(&path, 0, sizeof path);
	if (doc.root == NULL || ynode_is_null(doc.root)) {
		ydiag_report_at(d, MEDIATE_EVALIDATE, 1, 1, NULL, "the policy document is empty");
		ydoc_free(&doc);
		return MEDIATE_EVALIDATE;
	}
	if (yget_map(d, doc.root, &path) != 0) {
		ydoc_free(&doc);
		return d->first_code;
	}
	p = mi_calloc(1, sizeof *p);
	if (p == NULL || (name != NULL && (p->source = mi_strdup(name)) == NULL)) {
		mi_free(p);
		ydoc_free(&doc);
		ydiag_report_at(d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
		return MEDIATE_ENOMEM;
	}
	{
		const char *keys[NSECTIONS + 1];
		for (i = 0; i < NSECTIONS; i++)
			keys[i] = sections[i].key;
		keys[NSECTIONS] = NULL;
		ymap_check_keys(d, doc.root, &path, keys);
	}
	for (i = 0; i < NSECTIONS && !ydiag_full(d); i++) {
		const ynode *n = ymap_get(doc.root, sections[i].key);
		size_t mark = ypath_key(&path, sections[i].key);
		if (n == NULL && sections[i].required) {
			const ynode *near = ymap_near_key(doc.root, sections[i].key);
			ydiag_report(d, MEDIATE_EVALIDATE, near != NULL ? near : doc.root, &path,
			             "missing required section \"%s\"", sections[i].key);
		} else {
			rc = sections[i].load(p, n, d, &path);
			if (rc == MEDIATE_ENOMEM && d->count == 0)
				ydiag_report_at(d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
		}
		ypath_pop(&path, mark);
		/* A later section can only be checked against earlier ones that loaded. */
		if (d->count > 0 && i >= 2)
			break;
	}
	ydoc_free(&doc);
	if (d->count > 0) {
		mediate_policy_free(p);
		return d->first_code;
	}
	*out = p;
	return MEDIATE_OK;
}

mediate_status
mediate_policy_load_buffer(mediate_policy **out, const char *data, size_t len, const char *name,
                           const mediate_load_options *opts, mediate_error *err)
{
	mediate_load_options defaults = MEDIATE_LOAD_OPTIONS_INIT;
	ydiag d;
	int rc;

	if (opts == NULL)
		opts = &defaults;
	ydiag_init(&d, name, opts, err);
	rc = load_buffer(out, data, len, name, opts, &d);
	/* Errors reach the caller now, sorted into document order. */
	ydiag_finish(&d);
	if (rc != 0 && d.count > 0)
		rc = d.first_code;
	return rc;
}

static int
file_buffer(void *out, const void *unused, const char *data, size_t len, const char *name,
            const mediate_load_options *opts, mediate_error *err)
{
	(void)unused;
	return mediate_policy_load_buffer(out, data, len, name, opts, err);
}

mediate_status
mediate_policy_load_file(mediate_policy **out, const char *path, const mediate_load_options *opts,
                         mediate_error *err)
{
	if (out != NULL)
		*out = NULL;
	return ydoc_load_file("policy load", out, NULL, 0, path, opts, err, file_buffer);
}

void
mi_names_free(mi_names *n)
{
	size_t i;
	for (i = 0; i < n->count; i++) {
		mi_free(n->lang[i]);
		mi_free(n->text[i]);
	}
	mi_free(n->lang);
	mi_free(n->text);
	memset(n, 0, sizeof *n);
}

void
mediate_policy_free(mediate_policy *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = NSECTIONS; i-- > 0;)
		if (sections[i].free != NULL)
			sections[i].free(p);
	for (i = 0; i < p->category_count; i++) {
		mi_free(p->categories[i].code);
		mi_names_free(&p->categories[i].names);
	}
	for (i = 0; i < p->unit_count; i++) {
		mi_free(p->units[i].code);
		mi_free(p->units[i].address);
		mi_names_free(&p->units[i].names);
	}
	mi_free(p->categories);
	mi_free(p->category_sorted);
	mi_free(p->units);
	mi_free(p->unit_sorted);
	mi_free(p->name);
	mi_free(p->version);
	mi_free(p->language);
	mi_free(p->source);
	mi_free(p);
}

const char *
mediate_policy_name(const mediate_policy *p)
{
	return p != NULL ? p->name : NULL;
}

const char *
mediate_policy_version(const mediate_policy *p)
{
	return p != NULL ? p->version : NULL;
}

const char *
mediate_policy_language(const mediate_policy *p)
{
	return p != NULL ? p->language : NULL;
}

size_t
mediate_policy_category_count(const mediate_policy *p)
{
	return p != NULL ? p->category_count : 0;
}

const mediate_category *
mediate_policy_category_at(const mediate_policy *p, size_t i)
{
	if (p == NULL || i >= p->category_count)
		return NULL;
	return &p->categories[i];
}

static _Thread_local const mediate_policy *sort_policy;   /* only used inside qsort during load */

static size_t
find_sorted(const size_t *sorted, size_t n, const char *code, const char *(*key)(const mediate_policy *, size_t),
            const mediate_policy *p)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(code, key(p, sorted[mid]));
		if (c == 0)
			return sorted[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (size_t)-1;
}

static const char *
cat_key(const mediate_policy *p, size_t i)
{
	return p->categories[i].code;
}

static const char *
unit_key(const mediate_policy *p, size_t i)
{
	return p->units[i].code;
}

const mediate_category *
mediate_policy_category_find(const mediate_policy *p, const char *code)
{
	size_t i;
	if (p == NULL || code == NULL || p->category_sorted == NULL)
		return NULL;
	i = find_sorted(p->category_sorted, p->category_count, code, cat_key, p);
	return i == (size_t)-1 ? NULL : &p->categories[i];
}

const char *
mediate_category_code(const mediate_category *c)
{
	return c != NULL ? c->code : NULL;
}

const char *
mi_names_get(const mi_names *n, const char *lang, const char *fallback)
{
	size_t i, len;
	if (n->count == 0)
		return NULL;
	if (lang != NULL) {
		for (i = 0; i < n->count; i++)
			if (strcmp(n->lang[i], lang) == 0)
				return n->text[i];
		/* "zh-CN" finds "zh"; "zh" finds "zh-Hans". */
		for (i = 0; i < n->count; i++) {
			len = strlen(n->lang[i]);
			if ((strncmp(n->lang[i], lang, len) == 0 && lang[len] == '-') ||
			    (strncmp(n->lang[i], lang, strlen(lang)) == 0 && n->lang[i][strlen(lang)] == '-'))
				return n->text[i];
		}
	}
	if (fallback != NULL)
		for (i = 0; i < n->count; i++)
			if (strcmp(n->lang[i], fallback) == 0)
				return n->text[i];
	return n->text[0];
}

const char *
mediate_category_name(const mediate_category *c, const char *lang)
{
	if (c == NULL)
		return NULL;
	return mi_names_get(&c->names, lang, c->policy->language);
}

const mediate_category *
mediate_category_parent(const mediate_category *c)
{
	return c != NULL ? c->parent : NULL;
}

size_t
mediate_category_index(const mediate_category *c)
{
	return c != NULL ? c->index : (size_t)-1;
}

size_t
mediate_category_depth(const mediate_category *c)
{
	return c != NULL ? c->depth : 0;
}

int
mediate_category_is_within(const mediate_category *c, const mediate_category *ancestor)
{
	if (c == NULL || ancestor == NULL)
		return 0;
	while (c != NULL && c->depth > ancestor->depth)
		c = c->parent;
	return c == ancestor;
}

size_t
mediate_policy_unit_count(const mediate_policy *p)
{
	return p != NULL ? p->unit_count : 0;
}

const mediate_unit *
mediate_policy_unit_at(const mediate_policy *p, size_t i)
{
	if (p == NULL || i >= p->unit_count)
		return NULL;
	return &p->units[i];
}

const mediate_unit *
mediate_policy_unit_find(const mediate_policy *p, const char *code)
{
	size_t i;
	if (p == NULL || code == NULL || p->unit_sorted == NULL)
		return NULL;
	i = find_sorted(p->unit_sorted, p->unit_count, code, unit_key, p);
	return i == (size_t)-1 ? NULL : &p->units[i];
}

const char *
mediate_unit_code(const mediate_unit *u)
{
	return u != NULL ? u->code : NULL;
}

const char *
mediate_unit_name(const mediate_unit *u, const char *lang)
{
	if (u == NULL)
		return NULL;
	return mi_names_get(&u->names, lang, u->policy->language);
}

mediate_unit_kind
mediate_unit_get_kind(const mediate_unit *u)
{
	return u != NULL ? u->kind : (mediate_unit_kind)0;
}

const mediate_unit *
mediate_unit_parent(const mediate_unit *u)
{
	return u != NULL ? u->parent : NULL;
}

const char *
mediate_unit_address(const mediate_unit *u)
{
	return u != NULL ? u->address : NULL;
}

size_t
mediate_unit_index(const mediate_unit *u)
{
	return u != NULL ? u->index : (size_t)-1;
}

size_t
mediate_unit_depth(const mediate_unit *u)
{
	return u != NULL ? u->depth : 0;
}

int
mediate_unit_is_within(const mediate_unit *u, const mediate_unit *ancestor)
{
	if (u == NULL || ancestor == NULL)
		return 0;
	while (u != NULL && u->depth > ancestor->depth)
		u = u->parent;
	return u == ancestor;
}

const char *
mediate_unit_kind_name(mediate_unit_kind kind)
{
	return mi_name_of(unit_kinds, NKINDS, 1, (long)kind);
}

mediate_status
mediate_unit_kind_parse(mediate_unit_kind *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, unit_kinds, NKINDS, 1, MEDIATE_ENOTFOUND, "unit kind",
	                              name);
	if (rc == 0)
		*out = (mediate_unit_kind)v;
	return rc;
}

/* ---- section loaders ---- */

static int
check_lang(const char *s)
{
	size_t i, part = 0;
	/* BCP 47-ish: 2-3 lower-case letters, then -subtags of letters/digits. */
	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];
		if (c == '-') {
			if (part == 0)
				return -1;
			part = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (i > 1 && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))))
			return -1;
		if (++part > 8)
			return -1;
	}
	return i >= 2 && part > 0 ? 0 : -1;
}

int
mi_names_load(mi_names *out, const ynode *n, ydiag *d, ypath *path, const char *default_lang)
{
	const ynode *k;
	size_t i = 0;
	const char *s;

	memset(out, 0, sizeof *out);
	/* NULL when the policy section failed: use its default rather than
	 * report every plain name as an error too. */
	if (default_lang == NULL)
		default_lang = "zh";
	if (n != NULL && n->kind == YNODE_SCALAR && !ynode_is_null(n)) {
		/* A plain text is the name in the policy's language. */
		if (n->len == 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, n, path, "a name must not be empty");
			return MEDIATE_EVALIDATE;
		}
		out->lang = mi_calloc(1, sizeof *out->lang);
		out->text = mi_calloc(1, sizeof *out->text);
		if (out->lang == NULL || out->text == NULL ||
		    (out->lang[0] = mi_strdup(default_lang)) == NULL ||
		    (out->text[0] = mi_strdup(n->str)) == NULL) {
			/* Entry 0 exists only when both arrays do (calloc'd: NULLs). */
			out->count = out->lang != NULL && out->text != NULL;
			mi_names_free(out);
			return MEDIATE_ENOMEM;
		}
		out->count = 1;
		return 0;
	}
	if (n == NULL || n->kind != YNODE_MAP || n->count == 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path,
		             "expected a name, or a mapping of language to name like {zh: 邻里纠纷, en: Neighbour}, found %s",
		             n != NULL && n->kind == YNODE_MAP ? "an empty mapping" : ynode_kind_name(n));
		return MEDIATE_EVALIDATE;
	}
	out->lang = mi_calloc(n->count, sizeof *out->lang);
	out->text = mi_calloc(n->count, sizeof *out->text);
	if (out->lang == NULL || out->text == NULL) {
		mi_free(out->lang);
		mi_free(out->text);
		memset(out, 0, sizeof *out);
		return MEDIATE_ENOMEM;
	}
	out->count = n->count;
	for (k = n->first; k != NULL; k = k->next, i++) {
		size_t mark = ypath_key(path, k->str);
		int bad = 0;
		if (check_lang(k->str) != 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, k, path, "\"%s\" is not a language tag like zh or en", k->str);
			bad = 1;
		} else if (yget_str(d, k->value, path, &s) != 0) {
			bad = 1;
		} else if (*s == '\0') {
			ydiag_report(d, MEDIATE_EVALIDATE, k->value, path, "a name must not be empty");
			bad = 1;
		}
		ypath_pop(path, mark);
		if (bad)
			continue;
		if ((out->lang[i] = mi_strdup(k->str)) == NULL || (out->text[i] = mi_strdup(s)) == NULL) {
			mi_names_free(out);
			return MEDIATE_ENOMEM;
		}
	}
	/* Compact away the entries that failed. */
	{
		size_t j = 0;
		for (i = 0; i < out->count; i++) {
			if (out->text[i] == NULL) {
				mi_free(out->lang[i]);
				continue;
			}
			out->lang[j] = out->lang[i];
			out->text[j++] = out->text[i];
		}
		out->count = j;
	}
	return d->count > 0 && out->count == 0 ? MEDIATE_EVALIDATE : 0;
}

static int
load_meta(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "name", "version", "language", NULL };
	const char *s;
	const ynode *v;

	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	ymap_check_keys(d, n, path, keys);
	if ((v = yreq(d, n, path, "name")) != NULL) {
		size_t mark = ypath_key(path, "name");
		if (yget_str(d, v, path, &s) == 0 && (p->name = mi_strdup(s)) == NULL)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "version")) != NULL) {
		size_t mark = ypath_key(path, "version");
		if (yget_str(d, v, path, &s) == 0 && (p->version = mi_strdup(s)) == NULL)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	s = "zh";
	if ((v = ymap_get(n, "language")) != NULL) {
		size_t mark = ypath_key(path, "language");
		if (yget_str(d, v, path, &s) == 0 && check_lang(s) != 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "\"%s\" is not a language tag like zh or en", s);
			s = "zh";
		}
		ypath_pop(path, mark);
	}
	if ((p->language = mi_strdup(s)) == NULL)
		return MEDIATE_ENOMEM;
	return 0;
}

/*
 * The taxonomy and the org tree share one shape: a list of entries with a
 * code, an optional parent code and names.  This walks such a list,
 * checking codes, duplicates, dangling parents and cycles; a per-kind
 * callback reads the other keys.
 */
struct tree_spec {
	const char *what;                  /* "category" / "unit" */
	const char *const *keys;
	int (*code_ok)(const char *code);
	const char *code_rule;
	size_t elem_size;
	/* accessors on element i of the array */
	char **(*code_of)(void *arr, size_t i);
	mi_names *(*names_of)(void *arr, size_t i);
	int (*extra)(mediate_policy *p, void *arr, size_t i, const ynode *entry, ydiag *d, ypath *path);
};

static int
category_code_ok(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      (i > 0 && (s[i] == '.' || s[i] == '-'))))
			return 0;
	return i > 0 && i <= 64;
}

static int
unit_code_ok(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (i > 0 && (s[i] == '-' || s[i] == '_'))))
			return 0;
	return i > 0 && i <= 32;
}

static char **cat_code_of(void *arr, size_t i) { return &((mediate_category *)arr)[i].code; }
static mi_names *cat_names_of(void *arr, size_t i) { return &((mediate_category *)arr)[i].names; }
static char **unit_code_of(void *arr, size_t i) { return &((mediate_unit *)arr)[i].code; }
static mi_names *unit_names_of(void *arr, size_t i) { return &((mediate_unit *)arr)[i].names; }

static int
sort_by_cat(const void *a, const void *b)
{
	return strcmp(sort_policy->categories[*(const size_t *)a].code,
	              sort_policy->categories[*(const size_t *)b].code);
}

static int
sort_by_unit(const void *a, const void *b)
{
	return strcmp(sort_policy->units[*(const size_t *)a].code, sort_policy->units[*(const size_t *)b].code);
}

static int
unit_extra(mediate_policy *p, void *arr, size_t i, const ynode *entry, ydiag *d, ypath *path)
{
	mediate_unit *u = &((mediate_unit *)arr)[i];
	const ynode *v;
	const char *s;
	size_t mark;

	if ((v = yreq(d, entry, path, "kind")) != NULL) {
		mark = ypath_key(path, "kind");
		if (yget_str(d, v, path, &s) == 0 && mediate_unit_kind_parse(&u->kind, s) != 0) {
			const char *sug = ysuggest(s, unit_kinds + 1);
			if (sug != NULL)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown unit kind \"%s\"; did you mean \"%s\"?", s, sug);
			else
				ydiag_report(d, MEDIATE_EVALIDATE, v, path,
				             "unknown unit kind \"%s\" (county, town, police_station, community, village, grid, "
				             "centre, department, enterprise, court, association)", s);
		}
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(entry, "address")) != NULL) {
		mark = ypath_key(path, "address");
		if (yget_str(d, v, path, &s) == 0 && (u->address = mi_strdup(s)) == NULL)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	(void)p;
	return 0;
}

static void
suggest_code(ydiag *d, const ynode *n, const ypath *path, const char *what, const char *code,
             void *arr, size_t count, char **(*code_of)(void *, size_t))
{
	const char *best = NULL;
	size_t bestd = 3, i, dist;
	for (i = 0; i < count; i++) {
		const char *c = *code_of(arr, i);
		if (c == NULL)
			continue;
		dist = mi_edit_distance(code, c, 2);
		if (dist < bestd) {
			bestd = dist;
			best = c;
		}
	}
	if (best != NULL)
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "unknown %s \"%s\"; did you mean \"%s\"?", what, code, best);
	else
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "unknown %s \"%s\"", what, code);
}

/*
 * Finds the entries that lie on a parent cycle in linear time (each entry is
 * walked once: 0 = not seen, 1 = on the current walk, 2 = done).  *at gets
 * the lowest index on any cycle and *len that cycle's length, or *at stays
 * (size_t)-1.  A quadratic walk would let a 1 MiB chain take seconds.
 */
static int
find_cycle(const size_t *parent, size_t count, size_t *at, size_t *len)
{
	unsigned char *state = mi_calloc(count ? count : 1, 1);
	size_t i, k, j, c;

	if (state == NULL)
		return MEDIATE_ENOMEM;
	for (i = 0; i < count; i++) {
		for (k = i; k != (size_t)-1 && state[k] == 0; k = parent[k])
			state[k] = 1;
		if (k != (size_t)-1 && state[k] == 1) {
			/* k is on a new cycle: measure it and find its lowest index. */
			size_t low = k, n = 1;
			for (j = parent[k]; j != k; j = parent[j], n++)
				if (j < low)
					low = j;
			if (low < *at) {
				*at = low;
				*len = n;
			}
		}
		for (c = i; c != (size_t)-1 && state[c] == 1; c = parent[c])
			state[c] = 2;
	}
	mi_free(state);
	return 0;
}

/* Depth of every entry of an acyclic forest in linear time. */
static int
tree_depths(const size_t *parent, size_t count, size_t *depth)
{
	size_t *stack = mi_calloc(count ? count : 1, sizeof *stack);
	size_t i, k, n;

	if (stack == NULL)
		return MEDIATE_ENOMEM;
	for (i = 0; i < count; i++)
		depth[i] = (size_t)-1;
	for (i = 0; i < count; i++) {
		for (n = 0, k = i; k != (size_t)-1 && depth[k] == (size_t)-1; k = parent[k])
			stack[n++] = k;
		while (n > 0) {
			size_t top = stack[--n];
			depth[top] = parent[top] == (size_t)-1 ? 0 : depth[parent[top]] + 1;
		}
	}
	mi_free(stack);
	return 0;
}

static int
load_tree(mediate_policy *p, const ynode *n, ydiag *d, ypath *path, const struct tree_spec *spec,
          void **arr_out, size_t *count_out, size_t **sorted_out, size_t *parent_idx_out[])
{
	const ynode *e, **entries = NULL;
	void *arr;
	size_t *parent_idx = NULL, *sorted = NULL, count, nsorted, i, j;
	int rc = 0;

	if (yget_seq(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	if (n->count == 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "the list must not be empty");
		return MEDIATE_EVALIDATE;
	}
	count = n->count;
	arr = mi_calloc(count, spec->elem_size);
	parent_idx = mi_calloc(count, sizeof *parent_idx);
	sorted = mi_calloc(count, sizeof *sorted);
	if (arr == NULL || parent_idx == NULL || sorted == NULL) {
		mi_free(arr);
		mi_free(parent_idx);
		mi_free(sorted);
		return MEDIATE_ENOMEM;
	}
	/* Hand the array to the policy at once so that free works on any path. */
	*arr_out = arr;
	*count_out = count;
	*sorted_out = sorted;
	*parent_idx_out = parent_idx;

	/* Pass 1: codes, names and the other keys. */
	for (i = 0; i < count; i++)
		parent_idx[i] = (size_t)-1;
	for (e = n->first, i = 0; e != NULL && !ydiag_full(d); e = e->next, i++) {
		size_t mark = ypath_index(path, i), m2;
		const ynode *v;
		const char *code;
		if (yget_map(d, e, path) != 0) {
			ypath_pop(path, mark);
			continue;
		}
		ymap_check_keys(d, e, path, spec->keys);
		if ((v = yreq(d, e, path, "code")) != NULL) {
			m2 = ypath_key(path, "code");
			if (yget_str(d, v, path, &code) == 0) {
				if (!spec->code_ok(code))
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "%s code \"%s\" is not valid (%s)",
					             spec->what, code, spec->code_rule);
				else if ((*spec->code_of(arr, i) = mi_strdup(code)) == NULL)
					rc = MEDIATE_ENOMEM;
			}
			ypath_pop(path, m2);
		}
		if ((v = yreq(d, e, path, "name")) != NULL) {
			m2 = ypath_key(path, "name");
			if (mi_names_load(spec->names_of(arr, i), v, d, path, p->language) == MEDIATE_ENOMEM)
				rc = MEDIATE_ENOMEM;
			ypath_pop(path, m2);
		}
		if (spec->extra != NULL && spec->extra(p, arr, i, e, d, path) == MEDIATE_ENOMEM)
			rc = MEDIATE_ENOMEM;
		ypath_pop(path, mark);
		if (rc != 0)
			return rc;
	}

	/* Duplicates, through the index of the entries that have a valid code
	 * (the others were reported above; checking the rest still helps). */
	nsorted = 0;
	for (i = 0; i < count; i++)
		if (*spec->code_of(arr, i) != NULL)
			sorted[nsorted++] = i;
	sort_policy = p;
	if (spec->code_of == cat_code_of) {
		p->categories = arr;
		p->category_count = count;
		qsort(sorted, nsorted, sizeof *sorted, sort_by_cat);
	} else {
		p->units = arr;
		p->unit_count = count;
		qsort(sorted, nsorted, sizeof *sorted, sort_by_unit);
	}
	sort_policy = NULL;
	for (i = 1; i < nsorted && !ydiag_full(d); i++) {
		const char *a = *spec->code_of(arr, sorted[i - 1]), *b = *spec->code_of(arr, sorted[i]);
		if (strcmp(a, b) == 0) {
			size_t first = sorted[i - 1] < sorted[i] ? sorted[i - 1] : sorted[i];
			size_t dup = sorted[i - 1] < sorted[i] ? sorted[i] : sorted[i - 1];
			const ynode *e2, *first_node;
			size_t mark;
			/* The entries by index, built at the first duplicate: walking
			 * the list for each one would be quadratic. */
			if (entries == NULL) {
				if ((entries = mi_calloc(count, sizeof *entries)) == NULL)
					return MEDIATE_ENOMEM;
				for (e2 = n->first, j = 0; e2 != NULL; e2 = e2->next, j++)
					entries[j] = e2;
			}
			e2 = entries[dup];
			first_node = entries[first];
			mark = ypath_index(path, dup);
			ypath_key(path, "code");
			ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(e2, "code"), path,
			             "duplicate %s code \"%s\" (first at line %lu)", spec->what, b, first_node->line);
			ypath_pop(path, mark);
		}
	}

	mi_free(entries);

	/* Pass 2: parents. */
	for (e = n->first, i = 0; e != NULL && !ydiag_full(d); e = e->next, i++) {
		const ynode *v = e->kind == YNODE_MAP ? ymap_get(e, "parent") : NULL;
		const char *code;
		size_t mark, found;
		if (v == NULL || ynode_is_null(v))
			continue;
		mark = ypath_index(path, i);
		ypath_key(path, "parent");
		if (yget_str(d, v, path, &code) == 0) {
			found = find_sorted(sorted, nsorted, code, spec->code_of == cat_code_of ? cat_key : unit_key, p);
			if (found == (size_t)-1)
				suggest_code(d, v, path, spec->code_of == cat_code_of ? "parent category" : "parent unit",
				             code, arr, count, spec->code_of);
			else if (found == i)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "%s \"%s\" is its own parent", spec->what, code);
			else
				parent_idx[i] = found;
		}
		ypath_pop(path, mark);
	}

	if (d->count > 0)
		return MEDIATE_EVALIDATE;

	/* Pass 3: cycles, reported once, at the first entry (in document order)
	 * that lies on one. */
	{
		size_t at = (size_t)-1, len = 0;
		if ((rc = find_cycle(parent_idx, count, &at, &len)) != 0)
			return rc;
		if (at != (size_t)-1) {
			size_t mark = ypath_index(path, at);
			for (e = n->first, j = 0; j < at; j++)
				e = e->next;
			ypath_key(path, "parent");
			ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(e, "parent"), path,
			             "%s \"%s\" is its own ancestor (a cycle of %zu)", spec->what,
			             *spec->code_of(arr, at), len);
			ypath_pop(path, mark);
		}
	}
	return d->count > 0 ? MEDIATE_EVALIDATE : 0;
}

static int
load_taxonomy(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "code", "parent", "name", NULL };
	static const struct tree_spec spec = {
		"category", keys, category_code_ok,
		"lower-case letters, digits, '_', and '.' or '-' after the first character; at most 64",
		sizeof(mediate_category), cat_code_of, cat_names_of, NULL
	};
	size_t *parents = NULL, i;
	void *arr = NULL;
	int rc;

	rc = load_tree(p, n, d, path, &spec, &arr, &p->category_count, &p->category_sorted, &parents);
	p->categories = arr;
	if (rc == 0) {
		for (i = 0; i < p->category_count; i++) {
			mediate_category *c = &p->categories[i];
			c->index = i;
			c->policy = p;
			c->parent = parents[i] == (size_t)-1 ? NULL : &p->categories[parents[i]];
		}
		size_t *depth = mi_calloc(p->category_count, sizeof *depth);
		if (depth == NULL || tree_depths(parents, p->category_count, depth) != 0) {
			mi_free(depth);
			mi_free(parents);
			return MEDIATE_ENOMEM;
		}
		for (i = 0; i < p->category_count; i++)
			p->categories[i].depth = depth[i];
		mi_free(depth);
	}
	mi_free(parents);
	return rc;
}

static int
load_org(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "code", "kind", "parent", "name", "address", NULL };
	static const struct tree_spec spec = {
		"unit", keys, unit_code_ok,
		"letters, digits, and '-' or '_' after the first character; at most 32",
		sizeof(mediate_unit), unit_code_of, unit_names_of, unit_extra
	};
	size_t *parents = NULL, i;
	void *arr = NULL;
	int rc;

	rc = load_tree(p, n, d, path, &spec, &arr, &p->unit_count, &p->unit_sorted, &parents);
	p->units = arr;
	if (rc == 0) {
		for (i = 0; i < p->unit_count; i++) {
			mediate_unit *u = &p->units[i];
			u->index = i;
			u->policy = p;
			u->parent = parents[i] == (size_t)-1 ? NULL : &p->units[parents[i]];
		}
		size_t *depth = mi_calloc(p->unit_count, sizeof *depth);
		if (depth == NULL || tree_depths(parents, p->unit_count, depth) != 0) {
			mi_free(depth);
			mi_free(parents);
			return MEDIATE_ENOMEM;
		}
		for (i = 0; i < p->unit_count; i++)
			p->units[i].depth = depth[i];
		mi_free(depth);
	}
	mi_free(parents);
	return rc;
}

const mediate_category *
mi_policy_category_ref(const mediate_policy *p, const ynode *n, ydiag *d, const ypath *path)
{
	const char *code;
	const mediate_category *c;
	if (yget_str(d, n, path, &code) != 0)
		return NULL;
	c = mediate_policy_category_find(p, code);
	if (c == NULL)
		suggest_code(d, n, path, "category", code, p->categories, p->category_count, cat_code_of);
	return c;
}

const mediate_unit *
mi_policy_unit_ref(const mediate_policy *p, const ynode *n, ydiag *d, const ypath *path)
{
	const char *code;
	const mediate_unit *u;
	if (yget_str(d, n, path, &code) != 0)
		return NULL;
	u = mediate_policy_unit_find(p, code);
	if (u == NULL)
		suggest_code(d, n, path, "unit", code, p->units, p->unit_count, unit_code_of);
	return u;
}
