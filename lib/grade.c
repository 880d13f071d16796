/* SPDX-License-Identifier: MIT */
/*
 * Conflict grading: the "grading" policy section and the engine.
 *
 * The section compiles into levels (ordered by points threshold) and rules;
 * a rule's condition compiles into a small tree whose category and unit
 * tests are precomputed membership tables over the taxonomy and the org tree,
 * so grading one case is a walk over the rules with no lookups by name.
 */
#include "config.h"

#include <string.h>

#include "case_priv.h"
#include "grade_priv.h"

/* ---- compiled form ---- */

typedef enum {
	C_ALL, C_ANY, C_NOT, C_CATEGORY, C_UNIT, C_SOURCE, C_AMOUNT_GE, C_AMOUNT_LT,
	C_PEOPLE_GE, C_PEOPLE_LT, C_RISK, C_CALLS_GE, C_PARTY_FLAG, C_TAG
} cond_op;

typedef struct cond {
	cond_op op;
	size_t nkids;
	struct cond *kids;
	int64_t num;
	unsigned int mask;         /* risk, party flag: any bit; source: 1 << source */
	uint8_t *member;           /* category / unit: member[index] */
	size_t ntags;
	char **tags;
} cond;

struct bycat {
	const mediate_category *category;
	size_t count;
	const mediate_unit **units;
};

struct mediate_level {
	char *code;
	mi_names names;
	size_t rank;
	int64_t threshold;
	mediate_resolution_path path;
	unsigned int deadline_days;
	unsigned int min_mediator_level;
	int think_tank;
	size_t default_count;
	const mediate_unit **defaults;
	size_t bycat_count;
	struct bycat *bycat;
	const mediate_policy *policy;
};

struct rule {
	char *id;
	char *description;
	cond when;
	int64_t points;
	const mediate_level *floor;   /* or NULL */
};

struct mi_grading {
	size_t level_count;
	mediate_level *levels;
	size_t rule_count;
	struct rule *rules;
	int downgrade;
};

struct trace {
	size_t rule;
	int fired;
};

struct mediate_grade_result {
	const mediate_policy *policy;
	const mediate_level *level;
	const mediate_level *threshold_level;
	const mediate_level *floor_level;
	const struct rule *deciding;
	int64_t points;
	int has_due;
	int64_t due;
	const mediate_category *category;
	size_t trace_count;
	struct trace *trace;
};

/* The facts of a case that rules look at, gathered once per case. */
typedef struct facts {
	const mediate_case *c;
	size_t category;
	size_t unit;
	unsigned int source_bit;
	int64_t amount;
	uint32_t people;
	unsigned int risks;
	uint32_t calls;
	unsigned int party_flags;
} facts;

static const char *const path_names[] = { NULL, "on_the_spot", "think_tank", "joint", NULL };

/* ---- enum names ---- */

const char *
mediate_resolution_path_name(mediate_resolution_path path)
{
	return mi_name_of(path_names, MI_COUNT(path_names), 1, (long)path);
}

mediate_status
mediate_resolution_path_parse(mediate_resolution_path *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, path_names, MI_COUNT(path_names), 1, MEDIATE_ENOTFOUND,
	                              "resolution path", name);
	if (rc == 0)
		*out = (mediate_resolution_path)v;
	return rc;
}

/* ---- freeing ---- */

static void
cond_free(cond *c)
{
	size_t i;
	for (i = 0; i < c->nkids; i++)
		cond_free(&c->kids[i]);
	mi_free(c->kids);
	mi_free(c->member);
	for (i = 0; i < c->ntags; i++)
		mi_free(c->tags[i]);
	mi_free(c->tags);
	memset(c, 0, sizeof *c);
}

void
mi_grading_free(mediate_policy *p)
{
	struct mi_grading *g = p->grading;
	size_t i, j;
	if (g == NULL)
		return;
	for (i = 0; i < g->level_count; i++) {
		mediate_level *l = &g->levels[i];
		mi_free(l->code);
		mi_names_free(&l->names);
		mi_free(l->defaults);
		for (j = 0; j < l->bycat_count; j++)
			mi_free(l->bycat[j].units);
		mi_free(l->bycat);
	}
	mi_free(g->levels);
	for (i = 0; i < g->rule_count; i++) {
		mi_free(g->rules[i].id);
		mi_free(g->rules[i].description);
		cond_free(&g->rules[i].when);
	}
	mi_free(g->rules);
	mi_free(g);
	p->grading = NULL;
}

/* ---- loading ---- */

static int
ident_ok(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      (i > 0 && (s[i] == '-' || s[i] == '.'))))
			return 0;
	return i > 0 && i <= 64;
}

/* A scalar or a list of scalars: calls fn on each with its path. */
typedef int (*item_fn)(void *ctx, const ynode *item, ydiag *d, ypath *path);

static int
each_item(const ynode *v, ydiag *d, ypath *path, item_fn fn, void *ctx)
{
	const ynode *it;
	size_t i = 0;
	int rc = 0, r;
	if (v != NULL && v->kind == YNODE_SEQ) {
		if (v->count == 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the list must not be empty");
			return MEDIATE_EVALIDATE;
		}
		for (it = v->first; it != NULL; it = it->next, i++) {
			size_t mark = ypath_index(path, i);
			r = fn(ctx, it, d, path);
			ypath_pop(path, mark);
			if (r == MEDIATE_ENOMEM)
				return r;
			if (r != 0)
				rc = r;
		}
		return rc;
	}
	return fn(ctx, v, d, path);
}

struct member_ctx {
	const mediate_policy *p;
	cond *c;
	int category;   /* 1: taxonomy, 0: org tree */
};

/* Marks the listed category (or unit) and everything under it. */
static int
add_member(void *vctx, const ynode *item, ydiag *d, ypath *path)
{
	struct member_ctx *m = vctx;
	size_t i;
	if (m->category) {
		const mediate_category *cat = mi_policy_category_ref(m->p, item, d, path);
		if (cat == NULL)
			return MEDIATE_EVALIDATE;
		for (i = 0; i < m->p->category_count; i++)
			if (mediate_category_is_within(&m->p->categories[i], cat))
				m->c->member[i] = 1;
	} else {
		const mediate_unit *u = mi_policy_unit_ref(m->p, item, d, path);
		if (u == NULL)
			return MEDIATE_EVALIDATE;
		for (i = 0; i < m->p->unit_count; i++)
			if (mediate_unit_is_within(&m->p->units[i], u))
				m->c->member[i] = 1;
	}
	return 0;
}

static int
add_source(void *vctx, const ynode *item, ydiag *d, ypath *path)
{
	cond *c = vctx;
	const char *s;
	mediate_case_source src;
	if (yget_str(d, item, path, &s) != 0)
		return MEDIATE_EVALIDATE;
	if (mediate_case_source_parse(&src, s) != 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, item, path, "unknown source channel \"%s\"", s);
		return MEDIATE_EVALIDATE;
	}
	c->mask |= 1u << (unsigned)src;
	return 0;
}

static int
add_risk(void *vctx, const ynode *item, ydiag *d, ypath *path)
{
	cond *c = vctx;
	const char *s;
	unsigned int flag;
	if (yget_str(d, item, path, &s) != 0)
		return MEDIATE_EVALIDATE;
	if (mediate_case_risk_parse(&flag, s) != 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, item, path,
		             "unknown risk flag \"%s\" (violence_threat, repeat_petition, mass_incident, "
		             "media_attention, vulnerable_party)", s);
		return MEDIATE_EVALIDATE;
	}
	c->mask |= flag;
	return 0;
}

static int
add_party_flag(void *vctx, const ynode *item, ydiag *d, ypath *path)
{
	cond *c = vctx;
	const char *s;
	unsigned int flag;
	if (yget_str(d, item, path, &s) != 0)
		return MEDIATE_EVALIDATE;
	if (mediate_party_flag_parse(&flag, s) != 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, item, path,
		             "unknown party flag \"%s\" (minor, elderly, disabled, non_local)", s);
		return MEDIATE_EVALIDATE;
	}
	c->mask |= flag;
	return 0;
}

static int
add_tag(void *vctx, const ynode *item, ydiag *d, ypath *path)
{
	cond *c = vctx;
	const char *s;
	char **t;
	if (yget_str(d, item, path, &s) != 0)
		return MEDIATE_EVALIDATE;
	t = mi_reallocarray(c->tags, c->ntags + 1, sizeof *t);
	if (t == NULL)
		return MEDIATE_ENOMEM;
	c->tags = t;
	if ((t[c->ntags] = mi_strdup(s)) == NULL)
		return MEDIATE_ENOMEM;
	c->ntags++;
	return 0;
}

static const char *const cond_keys[] = {
	"all", "any", "not", "category", "unit", "source", "amount_at_least", "amount_below",
	"people_at_least", "people_below", "risk", "prior_calls_at_least", "party_flag", "tag", NULL
};

static int load_cond(const mediate_policy *p, cond *out, const ynode *n, ydiag *d, ypath *path);

static int
load_cond_list(const mediate_policy *p, cond *out, const ynode *v, ydiag *d, ypath *path)
{
	const ynode *it;
	size_t i = 0;
	int rc = 0, r;
	if (yget_seq(d, v, path) != 0)
		return MEDIATE_EVALIDATE;
	if (v->count == 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the list of conditions must not be empty");
		return MEDIATE_EVALIDATE;
	}
	out->kids = mi_calloc(v->count, sizeof *out->kids);
	if (out->kids == NULL)
		return MEDIATE_ENOMEM;
	out->nkids = v->count;
	for (it = v->first; it != NULL; it = it->next, i++) {
		size_t mark = ypath_index(path, i);
		r = load_cond(p, &out->kids[i], it, d, path);
		ypath_pop(path, mark);
		if (r == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = r;
	}
	return rc;
}

/* One key of a condition mapping. */
static int
load_atom(const mediate_policy *p, cond *c, const ynode *key, ydiag *d, ypath *path)
{
	const char *k = key->str;
	const ynode *v = key->value;
	struct member_ctx m;
	int64_t num;

	if (strcmp(k, "all") == 0 || strcmp(k, "any") == 0) {
		c->op = k[1] == 'l' ? C_ALL : C_ANY;
		return load_cond_list(p, c, v, d, path);
	}
	if (strcmp(k, "not") == 0) {
		c->op = C_NOT;
		c->kids = mi_calloc(1, sizeof *c->kids);
		if (c->kids == NULL)
			return MEDIATE_ENOMEM;
		c->nkids = 1;
		return load_cond(p, &c->kids[0], v, d, path);
	}
	if (strcmp(k, "category") == 0 || strcmp(k, "unit") == 0) {
		int is_cat = k[0] == 'c';
		c->op = is_cat ? C_CATEGORY : C_UNIT;
		c->member = mi_calloc(is_cat ? p->category_count : p->unit_count, 1);
		if (c->member == NULL)
			return MEDIATE_ENOMEM;
		m.p = p;
		m.c = c;
		m.category = is_cat;
		return each_item(v, d, path, add_member, &m);
	}
	if (strcmp(k, "source") == 0) {
		c->op = C_SOURCE;
		return each_item(v, d, path, add_source, c);
	}
	if (strcmp(k, "risk") == 0) {
		c->op = C_RISK;
		return each_item(v, d, path, add_risk, c);
	}
	if (strcmp(k, "party_flag") == 0) {
		c->op = C_PARTY_FLAG;
		return each_item(v, d, path, add_party_flag, c);
	}
	if (strcmp(k, "tag") == 0) {
		c->op = C_TAG;
		return each_item(v, d, path, add_tag, c);
	}
	if (strcmp(k, "amount_at_least") == 0 || strcmp(k, "amount_below") == 0) {
		c->op = k[7] == 'a' ? C_AMOUNT_GE : C_AMOUNT_LT;
		if (yget_money(d, v, path, &c->num) != 0)
			return MEDIATE_EVALIDATE;
		if (c->num < 0) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "an amount in dispute is never negative");
			return MEDIATE_EVALIDATE;
		}
		return 0;
	}
	if (strcmp(k, "people_at_least") == 0 || strcmp(k, "people_below") == 0 ||
	    strcmp(k, "prior_calls_at_least") == 0) {
		c->op = k[0] == 'p' && k[1] == 'e' ? (k[7] == 'a' ? C_PEOPLE_GE : C_PEOPLE_LT) : C_CALLS_GE;
		if (yget_int(d, v, path, 0, UINT32_MAX, &num) != 0)
			return MEDIATE_EVALIDATE;
		c->num = num;
		return 0;
	}
	return MEDIATE_EINTERNAL;
}

static int
load_cond(const mediate_policy *p, cond *out, const ynode *n, ydiag *d, ypath *path)
{
	const ynode *k;
	size_t i = 0;
	int rc = 0, r;

	memset(out, 0, sizeof *out);
	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	if (n->count == 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "a condition must not be empty");
		return MEDIATE_EVALIDATE;
	}
	if (ymap_check_keys(d, n, path, cond_keys) > 0)
		return MEDIATE_EVALIDATE;
	if (n->count == 1) {
		size_t mark = ypath_key(path, n->first->str);
		rc = load_atom(p, out, n->first, d, path);
		ypath_pop(path, mark);
		return rc;
	}
	/* Several keys in one mapping: all of them must hold. */
	out->op = C_ALL;
	out->kids = mi_calloc(n->count, sizeof *out->kids);
	if (out->kids == NULL)
		return MEDIATE_ENOMEM;
	out->nkids = n->count;
	for (k = n->first; k != NULL; k = k->next, i++) {
		size_t mark = ypath_key(path, k->str);
		r = load_atom(p, &out->kids[i], k, d, path);
		ypath_pop(path, mark);
		if (r == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = r;
	}
	return rc;
}

static int
load_unit_list(const mediate_policy *p, const ynode *v, ydiag *d, ypath *path, const mediate_unit ***out,
               size_t *count)
{
	const ynode *it;
	size_t i = 0;
	int rc = 0;
	if (yget_seq(d, v, path) != 0)
		return MEDIATE_EVALIDATE;
	if (v->count == 0) {
		ydiag_report(d, MEDIATE_EVALIDATE, v, path, "the list of bodies must not be empty");
		return MEDIATE_EVALIDATE;
	}
	*out = mi_calloc(v->count, sizeof **out);
	if (*out == NULL)
		return MEDIATE_ENOMEM;
	*count = v->count;
	for (it = v->first; it != NULL; it = it->next, i++) {
		size_t mark = ypath_index(path, i), j;
		(*out)[i] = mi_policy_unit_ref(p, it, d, path);
		if ((*out)[i] == NULL)
			rc = MEDIATE_EVALIDATE;
		for (j = 0; j < i && (*out)[i] != NULL; j++)
			if ((*out)[j] == (*out)[i]) {
				ydiag_report(d, MEDIATE_EVALIDATE, it, path, "body \"%s\" is listed twice", it->str);
				rc = MEDIATE_EVALIDATE;
			}
		ypath_pop(path, mark);
	}
	return rc;
}

static int
load_joint(mediate_policy *p, mediate_level *l, const ynode *v, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "default", "by_category", NULL };
	static const char *const bykeys[] = { "category", "bodies", NULL };
	const ynode *n, *it;
	size_t mark, i = 0;
	int rc = 0, r;

	if (yget_map(d, v, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, v, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;
	if ((n = yreq(d, v, path, "default")) != NULL) {
		mark = ypath_key(path, "default");
		r = load_unit_list(p, n, d, path, &l->defaults, &l->default_count);
		ypath_pop(path, mark);
		if (r == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = r;
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((n = ymap_get(v, "by_category")) == NULL)
		return rc;
	mark = ypath_key(path, "by_category");
	if (yget_seq(d, n, path) != 0) {
		ypath_pop(path, mark);
		return MEDIATE_EVALIDATE;
	}
	l->bycat = mi_calloc(n->count ? n->count : 1, sizeof *l->bycat);
	if (l->bycat == NULL)
		return MEDIATE_ENOMEM;
	l->bycat_count = n->count;
	for (it = n->first; it != NULL; it = it->next, i++) {
		size_t m2 = ypath_index(path, i), j;
		const ynode *c, *b;
		if (yget_map(d, it, path) != 0) {
			rc = MEDIATE_EVALIDATE;
			ypath_pop(path, m2);
			continue;
		}
		if (ymap_check_keys(d, it, path, bykeys) > 0)
			rc = MEDIATE_EVALIDATE;
		if ((c = yreq(d, it, path, "category")) != NULL) {
			size_t m3 = ypath_key(path, "category");
			l->bycat[i].category = mi_policy_category_ref(p, c, d, path);
			if (l->bycat[i].category == NULL)
				rc = MEDIATE_EVALIDATE;
			for (j = 0; j < i && l->bycat[i].category != NULL; j++)
				if (l->bycat[j].category == l->bycat[i].category) {
					ydiag_report(d, MEDIATE_EVALIDATE, c, path, "category \"%s\" is listed twice", c->str);
					rc = MEDIATE_EVALIDATE;
				}
			ypath_pop(path, m3);
		} else {
			rc = MEDIATE_EVALIDATE;
		}
		if ((b = yreq(d, it, path, "bodies")) != NULL) {
			size_t m3 = ypath_key(path, "bodies");
			r = load_unit_list(p, b, d, path, &l->bycat[i].units, &l->bycat[i].count);
			ypath_pop(path, m3);
			if (r == MEDIATE_ENOMEM)
				return r;
			if (r != 0)
				rc = r;
		} else {
			rc = MEDIATE_EVALIDATE;
		}
		ypath_pop(path, m2);
	}
	ypath_pop(path, mark);
	return rc;
}

static int
load_level(mediate_policy *p, mediate_level *l, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = {
		"code", "name", "points", "path", "deadline_days", "mediator_level", "think_tank", "joint_bodies", NULL
	};
	const ynode *v;
	const char *s;
	int64_t num;
	size_t mark;
	int rc = 0, r;

	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, n, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;
	l->policy = p;
	l->min_mediator_level = 1;
	if ((v = yreq(d, n, path, "code")) != NULL) {
		mark = ypath_key(path, "code");
		if (yget_str(d, v, path, &s) != 0) {
			rc = MEDIATE_EVALIDATE;
		} else if (!ident_ok(s)) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path,
			             "level code \"%s\" is not valid (lower-case letters, digits, '_', '-'; at most 64)", s);
			rc = MEDIATE_EVALIDATE;
		} else if ((l->code = mi_strdup(s)) == NULL) {
			return MEDIATE_ENOMEM;
		}
		ypath_pop(path, mark);
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = yreq(d, n, path, "name")) != NULL) {
		mark = ypath_key(path, "name");
		r = mi_names_load(&l->names, v, d, path, p->language);
		ypath_pop(path, mark);
		if (r == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = r;
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = yreq(d, n, path, "points")) != NULL) {
		mark = ypath_key(path, "points");
		if (yget_int(d, v, path, 0, 1000000, &l->threshold) != 0)
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = yreq(d, n, path, "path")) != NULL) {
		mark = ypath_key(path, "path");
		if (yget_str(d, v, path, &s) != 0) {
			rc = MEDIATE_EVALIDATE;
		} else if (mediate_resolution_path_parse(&l->path, s) != 0) {
			const char *sug = ysuggest(s, path_names + 1);
			if (sug != NULL)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path,
				             "unknown resolution path \"%s\"; did you mean \"%s\"?", s, sug);
			else
				ydiag_report(d, MEDIATE_EVALIDATE, v, path,
				             "unknown resolution path \"%s\" (on_the_spot, think_tank, joint)", s);
			rc = MEDIATE_EVALIDATE;
		}
		ypath_pop(path, mark);
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = yreq(d, n, path, "deadline_days")) != NULL) {
		mark = ypath_key(path, "deadline_days");
		if (yget_int(d, v, path, 1, 366, &num) != 0)
			rc = MEDIATE_EVALIDATE;
		else
			l->deadline_days = (unsigned int)num;
		ypath_pop(path, mark);
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = ymap_get(n, "mediator_level")) != NULL) {
		mark = ypath_key(path, "mediator_level");
		if (yget_int(d, v, path, 1, 10, &num) != 0)
			rc = MEDIATE_EVALIDATE;
		else
			l->min_mediator_level = (unsigned int)num;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "think_tank")) != NULL) {
		mark = ypath_key(path, "think_tank");
		if (yget_bool(d, v, path, &l->think_tank) != 0)
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	}
	v = ymap_get(n, "joint_bodies");
	if (l->path == MEDIATE_PATH_JOINT && v == NULL) {
		ypath tmp = *path;
		ypath_key(&tmp, "joint_bodies");
		ydiag_report(d, MEDIATE_EVALIDATE, n, &tmp, "a level resolved jointly needs \"joint_bodies\"");
		rc = MEDIATE_EVALIDATE;
	} else if (v != NULL) {
		mark = ypath_key(path, "joint_bodies");
		if (l->path != 0 && l->path != MEDIATE_PATH_JOINT) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "only a level with path \"joint\" has joint bodies");
			rc = MEDIATE_EVALIDATE;
		} else if ((r = load_joint(p, l, v, d, path)) != 0) {
			if (r == MEDIATE_ENOMEM)
				return r;
			rc = r;
		}
		ypath_pop(path, mark);
	}
	return rc;
}

static int
load_rule(mediate_policy *p, struct mi_grading *g, struct rule *r, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "id", "description", "when", "points", "floor", NULL };
	const ynode *v;
	const char *s;
	size_t mark, i;
	int rc = 0, x;

	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, n, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;
	if ((v = yreq(d, n, path, "id")) != NULL) {
		mark = ypath_key(path, "id");
		if (yget_str(d, v, path, &s) != 0) {
			rc = MEDIATE_EVALIDATE;
		} else if (!ident_ok(s)) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path,
			             "rule id \"%s\" is not valid (lower-case letters, digits, '_', '-', '.'; at most 64)", s);
			rc = MEDIATE_EVALIDATE;
		} else {
			for (i = 0; g->rules + i < r; i++)
				if (g->rules[i].id != NULL && strcmp(g->rules[i].id, s) == 0) {
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "duplicate rule id \"%s\"", s);
					rc = MEDIATE_EVALIDATE;
				}
			if ((r->id = mi_strdup(s)) == NULL)
				return MEDIATE_ENOMEM;
		}
		ypath_pop(path, mark);
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = ymap_get(n, "description")) != NULL) {
		mark = ypath_key(path, "description");
		if (yget_str(d, v, path, &s) != 0)
			rc = MEDIATE_EVALIDATE;
		else if ((r->description = mi_strdup(s)) == NULL)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, n, path, "when")) != NULL) {
		mark = ypath_key(path, "when");
		x = load_cond(p, &r->when, v, d, path);
		ypath_pop(path, mark);
		if (x == MEDIATE_ENOMEM)
			return x;
		if (x != 0)
			rc = x;
	} else {
		rc = MEDIATE_EVALIDATE;
	}
	if ((v = ymap_get(n, "points")) != NULL) {
		mark = ypath_key(path, "points");
		if (yget_int(d, v, path, -1000000, 1000000, &r->points) != 0)
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "floor")) != NULL) {
		mark = ypath_key(path, "floor");
		if (yget_str(d, v, path, &s) != 0) {
			rc = MEDIATE_EVALIDATE;
		} else {
			for (i = 0; i < g->level_count; i++)
				if (g->levels[i].code != NULL && strcmp(g->levels[i].code, s) == 0)
					r->floor = &g->levels[i];
			if (r->floor == NULL) {
				const char *best = NULL;
				size_t bestd = 3, dist;
				for (i = 0; i < g->level_count; i++) {
					if (g->levels[i].code == NULL)
						continue;
					dist = mi_edit_distance(s, g->levels[i].code, 2);
					if (dist < bestd) {
						bestd = dist;
						best = g->levels[i].code;
					}
				}
				if (best != NULL)
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown level \"%s\"; did you mean \"%s\"?", s, best);
				else
					ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown level \"%s\"", s);
				rc = MEDIATE_EVALIDATE;
			}
		}
		ypath_pop(path, mark);
	}
	if (rc == 0 && r->points == 0 && r->floor == NULL) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "rule \"%s\" neither adds points nor sets a floor", r->id);
		rc = MEDIATE_EVALIDATE;
	}
	return rc;
}

int
mi_grading_load(mediate_policy *p, const ynode *node, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "levels", "rules", "downgrade", NULL };
	struct mi_grading *g;
	const ynode *v, *it;
	size_t mark, i;
	int rc = 0, r;
	int64_t maxpoints = 0;

	if (node == NULL)
		return 0;
	if (yget_map(d, node, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, node, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;
	g = mi_calloc(1, sizeof *g);
	if (g == NULL)
		return MEDIATE_ENOMEM;
	p->grading = g;
	if ((v = ymap_get(node, "downgrade")) != NULL) {
		mark = ypath_key(path, "downgrade");
		if (yget_bool(d, v, path, &g->downgrade) != 0)
			rc = MEDIATE_EVALIDATE;
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, node, path, "levels")) == NULL)
		return MEDIATE_EVALIDATE;
	mark = ypath_key(path, "levels");
	if (yget_seq(d, v, path) != 0 || v->count == 0) {
		if (v->kind == YNODE_SEQ)
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "at least one level is needed");
		ypath_pop(path, mark);
		return MEDIATE_EVALIDATE;
	}
	g->levels = mi_calloc(v->count, sizeof *g->levels);
	if (g->levels == NULL)
		return MEDIATE_ENOMEM;
	g->level_count = v->count;
	for (it = v->first, i = 0; it != NULL; it = it->next, i++) {
		size_t m2 = ypath_index(path, i), j;
		mediate_level *l = &g->levels[i];
		l->rank = i;
		r = load_level(p, l, it, d, path);
		if (r == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = r;
		for (j = 0; j < i && l->code != NULL; j++)
			if (g->levels[j].code != NULL && strcmp(g->levels[j].code, l->code) == 0) {
				ypath tmp = *path;
				ypath_key(&tmp, "code");
				ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(it, "code"), &tmp,
				             "duplicate level code \"%s\"", l->code);
				rc = MEDIATE_EVALIDATE;
			}
		if (r == 0 && i == 0 && l->threshold != 0) {
			ypath tmp = *path;
			ypath_key(&tmp, "points");
			ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(it, "points"), &tmp,
			             "the lowest level must start at 0 points, not %lld", (long long)l->threshold);
			rc = MEDIATE_EVALIDATE;
		}
		if (r == 0 && i > 0 && l->threshold <= g->levels[i - 1].threshold) {
			ypath tmp = *path;
			ypath_key(&tmp, "points");
			ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(it, "points"), &tmp,
			             "thresholds must increase from level to level: %lld is not above %lld (level \"%s\")",
			             (long long)l->threshold, (long long)g->levels[i - 1].threshold,
			             g->levels[i - 1].code ? g->levels[i - 1].code : "?");
			rc = MEDIATE_EVALIDATE;
		}
		ypath_pop(path, m2);
	}
	ypath_pop(path, mark);
	if (rc != 0)
		return rc;   /* rules refer to levels: check them against good levels only */

	if ((v = ymap_get(node, "rules")) != NULL) {
		mark = ypath_key(path, "rules");
		if (yget_seq(d, v, path) != 0) {
			ypath_pop(path, mark);
			return MEDIATE_EVALIDATE;
		}
		g->rules = mi_calloc(v->count ? v->count : 1, sizeof *g->rules);
		if (g->rules == NULL)
			return MEDIATE_ENOMEM;
		g->rule_count = v->count;
		for (it = v->first, i = 0; it != NULL && !ydiag_full(d); it = it->next, i++) {
			size_t m2 = ypath_index(path, i);
			r = load_rule(p, g, &g->rules[i], it, d, path);
			ypath_pop(path, m2);
			if (r == MEDIATE_ENOMEM)
				return r;
			if (r != 0)
				rc = r;
		}
		ypath_pop(path, mark);
	}
	if (rc != 0)
		return rc;

	/* Every level above the lowest must be reachable: by points (at most the
	 * sum of all positive rule points) or as some rule's floor. */
	for (i = 0; i < g->rule_count; i++)
		if (g->rules[i].points > 0)
			maxpoints += g->rules[i].points;
	v = ymap_get(node, "levels");
	for (it = v->first, i = 0; it != NULL; it = it->next, i++) {
		size_t j;
		int floor_hit = 0;
		if (i == 0 || g->levels[i].threshold <= maxpoints)
			continue;
		for (j = 0; j < g->rule_count; j++)
			if (g->rules[j].floor == &g->levels[i])
				floor_hit = 1;
		if (!floor_hit) {
			ypath tmp = *path;
			ypath_key(&tmp, "levels");
			ypath_index(&tmp, i);
			ypath_key(&tmp, "points");
			ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(it, "points"), &tmp,
			             "level \"%s\" is unreachable: it needs %lld points, the rules add at most %lld, "
			             "and no rule sets it as a floor",
			             g->levels[i].code, (long long)g->levels[i].threshold, (long long)maxpoints);
			rc = MEDIATE_EVALIDATE;
		}
	}
	return rc;
}

/* ---- policy getters ---- */

size_t
mediate_policy_level_count(const mediate_policy *p)
{
	return p != NULL && p->grading != NULL ? p->grading->level_count : 0;
}

const mediate_level *
mediate_policy_level_at(const mediate_policy *p, size_t rank)
{
	if (p == NULL || p->grading == NULL || rank >= p->grading->level_count)
		return NULL;
	return &p->grading->levels[rank];
}

const mediate_level *
mediate_policy_level_find(const mediate_policy *p, const char *code)
{
	size_t i;
	if (p == NULL || p->grading == NULL || code == NULL)
		return NULL;
	for (i = 0; i < p->grading->level_count; i++)
		if (strcmp(p->grading->levels[i].code, code) == 0)
			return &p->grading->levels[i];
	return NULL;
}

size_t
mediate_policy_grading_rule_count(const mediate_policy *p)
{
	return p != NULL && p->grading != NULL ? p->grading->rule_count : 0;
}

const char *
mediate_policy_grading_rule_id(const mediate_policy *p, size_t i)
{
	if (p == NULL || p->grading == NULL || i >= p->grading->rule_count)
		return NULL;
	return p->grading->rules[i].id;
}

int
mediate_policy_grading_allows_downgrade(const mediate_policy *p)
{
	return p != NULL && p->grading != NULL && p->grading->downgrade;
}

const char *
mediate_level_code(const mediate_level *l)
{
	return l != NULL ? l->code : NULL;
}

const char *
mediate_level_name(const mediate_level *l, const char *lang)
{
	return l != NULL ? mi_names_get(&l->names, lang, l->policy->language) : NULL;
}

size_t
mediate_level_rank(const mediate_level *l)
{
	return l != NULL ? l->rank : (size_t)-1;
}

int64_t
mediate_level_threshold(const mediate_level *l)
{
	return l != NULL ? l->threshold : 0;
}

mediate_resolution_path
mediate_level_path(const mediate_level *l)
{
	return l != NULL ? l->path : (mediate_resolution_path)0;
}

unsigned int
mediate_level_deadline_days(const mediate_level *l)
{
	return l != NULL ? l->deadline_days : 0;
}

unsigned int
mediate_level_min_mediator_level(const mediate_level *l)
{
	return l != NULL ? l->min_mediator_level : 0;
}

int
mediate_level_requires_think_tank(const mediate_level *l)
{
	return l != NULL && l->think_tank;
}

/* The joint-body list for a category: its own, its nearest ancestor's, or the default. */
static const struct bycat *
joint_list(const mediate_level *l, const mediate_category *category)
{
	const mediate_category *c;
	size_t i;
	for (c = category; c != NULL; c = c->parent)
		for (i = 0; i < l->bycat_count; i++)
			if (l->bycat[i].category == c)
				return &l->bycat[i];
	return NULL;
}

size_t
mediate_level_joint_body_count(const mediate_level *l, const mediate_category *category)
{
	const struct bycat *b;
	if (l == NULL)
		return 0;
	b = joint_list(l, category);
	return b != NULL ? b->count : l->default_count;
}

const mediate_unit *
mediate_level_joint_body_at(const mediate_level *l, const mediate_category *category, size_t i)
{
	const struct bycat *b;
	if (l == NULL)
		return NULL;
	b = joint_list(l, category);
	if (b != NULL)
		return i < b->count ? b->units[i] : NULL;
	return i < l->default_count ? l->defaults[i] : NULL;
}

/* ---- the engine ---- */

static int
has_tag(const mediate_case *c, const cond *k)
{
	size_t i, j;
	for (i = 0; i < c->tag_count; i++)
		for (j = 0; j < k->ntags; j++)
			if (strcmp(c->tags[i], k->tags[j]) == 0)
				return 1;
	return 0;
}

static int eval_tree(const cond *k, const facts *f);

/*
 * One condition.  Leaves are tested inline (most rules are a single test),
 * all/any/not go through eval_tree().
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int
eval(const cond *k, const facts *f)
{
	switch (k->op) {
	case C_CATEGORY:
		return k->member[f->category];
	case C_UNIT:
		return f->unit != (size_t)-1 && k->member[f->unit];
	case C_SOURCE:
		return (k->mask & f->source_bit) != 0;
	case C_AMOUNT_GE:
		return f->amount >= k->num;
	case C_AMOUNT_LT:
		return f->amount < k->num;
	case C_PEOPLE_GE:
		return (int64_t)f->people >= k->num;
	case C_PEOPLE_LT:
		return (int64_t)f->people < k->num;
	case C_RISK:
		return (k->mask & f->risks) != 0;
	case C_CALLS_GE:
		return (int64_t)f->calls >= k->num;
	case C_PARTY_FLAG:
		return (k->mask & f->party_flags) != 0;
	case C_TAG:
		return has_tag(f->c, k);
	case C_ALL:
	case C_ANY:
	case C_NOT:
		break;
	}
	return eval_tree(k, f);
}

static int
eval_tree(const cond *k, const facts *f)
{
	size_t i;
	switch (k->op) {
	case C_ALL:
		for (i = 0; i < k->nkids; i++)
			if (!eval(&k->kids[i], f))
				return 0;
		return 1;
	case C_ANY:
		for (i = 0; i < k->nkids; i++)
			if (eval(&k->kids[i], f))
				return 1;
		return 0;
	case C_NOT:
		return !eval(&k->kids[0], f);
	default:
		return 0;
	}
}

static int
gather(facts *f, const mediate_policy *p, const mediate_case *c)
{
	if (c->policy != p)
		return mi_err(MEDIATE_EINVAL, "grade: case %s belongs to another policy",
		              c->number ? c->number : c->id_text);
	if (c->category == NULL)
		return mi_err(MEDIATE_EVALIDATE, "grade: case %s has no category", c->number ? c->number : c->id_text);
	f->c = c;
	f->category = c->category->index;
	f->unit = c->unit != NULL ? c->unit->index : (size_t)-1;
	f->source_bit = c->source ? 1u << (unsigned)c->source : 0;
	f->amount = c->amount;
	f->people = c->people_involved;
	f->risks = c->risks;
	f->calls = c->prior_police_calls;
	f->party_flags = c->party_flags_any;
	return 0;
}

/* Points and levels of one case; fills fired[] (one per rule) if not NULL. */
static void
grade_facts(const struct mi_grading *g, const facts *f, uint8_t *fired, int64_t *points_out,
            size_t *thr_out, size_t *floor_out, const struct rule **deciding)
{
	int64_t total = 0;
	size_t i, thr = 0, floor = 0;
	int has_floor = 0;
	const struct rule *first_floor = NULL;

	for (i = 0; i < g->rule_count; i++) {
		const struct rule *r = &g->rules[i];
		int hit = eval(&r->when, f);
		if (fired != NULL)
			fired[i] = (uint8_t)hit;
		if (!hit)
			continue;
		total += r->points;   /* |points| <= 1e6 per rule: no overflow */
		if (r->floor != NULL && (!has_floor || r->floor->rank > floor)) {
			floor = r->floor->rank;
			has_floor = 1;
			first_floor = r;
		}
	}
	for (i = g->level_count; i-- > 0;)
		if (total >= g->levels[i].threshold) {
			thr = i;
			break;
		}
	*points_out = total;
	*thr_out = thr;
	*floor_out = has_floor ? floor : (size_t)-1;
	if (deciding != NULL)
		*deciding = has_floor && floor > thr ? first_floor : NULL;
}

mediate_status
mediate_grade(mediate_grade_result **out, const mediate_policy *p, const mediate_case *c, unsigned int flags)
{
	mediate_grade_result *r;
	const struct mi_grading *g;
	facts f;
	uint8_t small[256], *fired;
	size_t thr, floor, i, n = 0;
	int64_t start;
	int rc;

	if (out == NULL || p == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "grade: NULL argument");
	if ((g = p->grading) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "grade: the policy has no grading section");
	if (flags & ~MEDIATE_GRADE_TRACE_ALL)
		return mi_err(MEDIATE_EINVAL, "grade: unknown flags 0x%x", flags);
	if ((rc = gather(&f, p, c)) != 0)
		return rc;
	fired = g->rule_count <= sizeof small ? small : mi_malloc(g->rule_count);
	r = mi_calloc(1, sizeof *r);
	if (fired == NULL || r == NULL) {
		if (fired != small)
			mi_free(fired);
		mi_free(r);
		return mi_nomem();
	}
	grade_facts(g, &f, fired, &r->points, &thr, &floor, &r->deciding);
	for (i = 0; i < g->rule_count; i++)
		n += fired[i] || (flags & MEDIATE_GRADE_TRACE_ALL);
	r->trace = mi_calloc(n ? n : 1, sizeof *r->trace);
	if (r->trace == NULL) {
		if (fired != small)
			mi_free(fired);
		mi_free(r);
		return mi_nomem();
	}
	for (i = 0; i < g->rule_count; i++)
		if (fired[i] || (flags & MEDIATE_GRADE_TRACE_ALL)) {
			r->trace[r->trace_count].rule = i;
			r->trace[r->trace_count++].fired = fired[i];
		}
	if (fired != small)
		mi_free(fired);
	r->policy = p;
	r->category = c->category;
	r->threshold_level = &g->levels[thr];
	r->floor_level = floor != (size_t)-1 ? &g->levels[floor] : NULL;
	r->level = floor != (size_t)-1 && floor > thr ? &g->levels[floor] : &g->levels[thr];
	start = c->accepted ? c->accepted_at : c->received_at;
	r->has_due = mediate_time_add_days(&r->due, start, (int)r->level->deadline_days, c->offset) == 0;
	*out = r;
	return MEDIATE_OK;
}

void
mediate_grade_result_free(mediate_grade_result *r)
{
	if (r == NULL)
		return;
	mi_free(r->trace);
	mi_free(r);
}

const mediate_level *
mediate_grade_result_level(const mediate_grade_result *r)
{
	return r != NULL ? r->level : NULL;
}

int64_t
mediate_grade_result_points(const mediate_grade_result *r)
{
	return r != NULL ? r->points : 0;
}

const mediate_level *
mediate_grade_result_threshold_level(const mediate_grade_result *r)
{
	return r != NULL ? r->threshold_level : NULL;
}

const mediate_level *
mediate_grade_result_floor_level(const mediate_grade_result *r)
{
	return r != NULL ? r->floor_level : NULL;
}

const char *
mediate_grade_result_deciding_rule(const mediate_grade_result *r)
{
	return r != NULL && r->deciding != NULL ? r->deciding->id : NULL;
}

mediate_resolution_path
mediate_grade_result_path(const mediate_grade_result *r)
{
	return r != NULL ? r->level->path : (mediate_resolution_path)0;
}

mediate_status
mediate_grade_result_due(int64_t *out, const mediate_grade_result *r)
{
	if (out == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "grade result: NULL argument");
	if (!r->has_due)
		return mi_err(MEDIATE_ERANGE, "grade result: the deadline is out of range");
	*out = r->due;
	return MEDIATE_OK;
}

size_t
mediate_grade_result_joint_body_count(const mediate_grade_result *r)
{
	if (r == NULL || r->level->path != MEDIATE_PATH_JOINT)
		return 0;
	return mediate_level_joint_body_count(r->level, r->category);
}

const mediate_unit *
mediate_grade_result_joint_body_at(const mediate_grade_result *r, size_t i)
{
	if (r == NULL || r->level->path != MEDIATE_PATH_JOINT)
		return NULL;
	return mediate_level_joint_body_at(r->level, r->category, i);
}

size_t
mediate_grade_result_trace_count(const mediate_grade_result *r)
{
	return r != NULL ? r->trace_count : 0;
}

static const struct rule *
trace_rule(const mediate_grade_result *r, size_t i)
{
	if (r == NULL || i >= r->trace_count)
		return NULL;
	return &r->policy->grading->rules[r->trace[i].rule];
}

const char *
mediate_grade_result_trace_rule(const mediate_grade_result *r, size_t i)
{
	const struct rule *x = trace_rule(r, i);
	return x != NULL ? x->id : NULL;
}

const char *
mediate_grade_result_trace_description(const mediate_grade_result *r, size_t i)
{
	const struct rule *x = trace_rule(r, i);
	return x != NULL ? x->description : NULL;
}

int
mediate_grade_result_trace_fired(const mediate_grade_result *r, size_t i)
{
	return trace_rule(r, i) != NULL && r->trace[i].fired;
}

int64_t
mediate_grade_result_trace_points(const mediate_grade_result *r, size_t i)
{
	const struct rule *x = trace_rule(r, i);
	return x != NULL && r->trace[i].fired ? x->points : 0;
}

const mediate_level *
mediate_grade_result_trace_floor(const mediate_grade_result *r, size_t i)
{
	const struct rule *x = trace_rule(r, i);
	return x != NULL && r->trace[i].fired ? x->floor : NULL;
}

mediate_status
mediate_grade_batch(const mediate_policy *p, const mediate_case *const *cases, size_t n,
                    const mediate_level **levels, int64_t *points, size_t *failed_index)
{
	const struct mi_grading *g;
	size_t i, thr, floor;
	int64_t total;
	facts f;
	int rc;

	if (p == NULL || (cases == NULL && n > 0) || (levels == NULL && n > 0))
		return mi_err(MEDIATE_EINVAL, "grade batch: NULL argument");
	if ((g = p->grading) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "grade: the policy has no grading section");
	for (i = 0; i < n; i++) {
		/* The cases are scattered over the heap: fetch a few ahead. */
		if (i + 8 < n && cases[i + 8] != NULL) {
			const char *base = (const char *)cases[i + 8];
			size_t off;
			for (off = 0; off < sizeof(mediate_case); off += 64)
				__builtin_prefetch(base + off);
		}

		if (cases[i] == NULL) {
			if (failed_index != NULL)
				*failed_index = i;
			return mi_err(MEDIATE_EINVAL, "grade batch: case %zu is NULL", i);
		}
		if ((rc = gather(&f, p, cases[i])) != 0) {
			if (failed_index != NULL)
				*failed_index = i;
			return rc;
		}
		grade_facts(g, &f, NULL, &total, &thr, &floor, NULL);
		levels[i] = &g->levels[floor != (size_t)-1 && floor > thr ? floor : thr];
		if (points != NULL)
			points[i] = total;
	}
	return MEDIATE_OK;
}

/* ---- the rules as SQL (for the benchmark's peer and its check) ---- */

static void
sql_quote(mi_buf *b, const char *s)
{
	mi_buf_puts(b, "',");
	for (; *s; s++) {
		if (*s == '\'')
			mi_buf_puts(b, "''");
		else
			mi_buf_append(b, s, 1);
	}
	mi_buf_puts(b, ",'");
}

static void
sql_members(mi_buf *b, const char *column, const uint8_t *member, size_t n)
{
	size_t i;
	int first = 1;
	mi_buf_printf(b, "%s IN (", column);
	for (i = 0; i < n; i++)
		if (member[i]) {
			mi_buf_printf(b, "%s%zu", first ? "" : ",", i);
			first = 0;
		}
	if (first)
		mi_buf_puts(b, "NULL");
	mi_buf_puts(b, ")");
}

static void
sql_cond(mi_buf *b, const mediate_policy *p, const cond *k)
{
	size_t i;
	switch (k->op) {
	case C_ALL:
	case C_ANY:
		mi_buf_puts(b, "(");
		for (i = 0; i < k->nkids; i++) {
			if (i > 0)
				mi_buf_puts(b, k->op == C_ALL ? " AND " : " OR ");
			sql_cond(b, p, &k->kids[i]);
		}
		mi_buf_puts(b, ")");
		return;
	case C_NOT:
		mi_buf_puts(b, "(NOT ");
		sql_cond(b, p, &k->kids[0]);
		mi_buf_puts(b, ")");
		return;
	case C_CATEGORY:
		sql_members(b, "category", k->member, p->category_count);
		return;
	case C_UNIT:
		sql_members(b, "unit", k->member, p->unit_count);
		return;
	case C_SOURCE:
		mi_buf_printf(b, "((%u >> source) & 1) = 1", k->mask);
		return;
	case C_AMOUNT_GE:
		mi_buf_printf(b, "amount >= %lld", (long long)k->num);
		return;
	case C_AMOUNT_LT:
		mi_buf_printf(b, "amount < %lld", (long long)k->num);
		return;
	case C_PEOPLE_GE:
		mi_buf_printf(b, "people >= %lld", (long long)k->num);
		return;
	case C_PEOPLE_LT:
		mi_buf_printf(b, "people < %lld", (long long)k->num);
		return;
	case C_RISK:
		mi_buf_printf(b, "(risks & %u) != 0", k->mask);
		return;
	case C_CALLS_GE:
		mi_buf_printf(b, "calls >= %lld", (long long)k->num);
		return;
	case C_PARTY_FLAG:
		mi_buf_printf(b, "(party_flags & %u) != 0", k->mask);
		return;
	case C_TAG:
		mi_buf_puts(b, "(");
		for (i = 0; i < k->ntags; i++) {
			if (i > 0)
				mi_buf_puts(b, " OR ");
			mi_buf_puts(b, "instr(tags, ");
			sql_quote(b, k->tags[i]);
			mi_buf_puts(b, ") > 0");
		}
		mi_buf_puts(b, ")");
		return;
	}
}

/*
 * Writes one SQLite UPDATE that grades every row of a table
 *   TABLE(category INT, unit INT, source INT, amount INT, people INT,
 *         risks INT, calls INT, party_flags INT, tags TEXT, level INT)
 * where category and unit are indices into the policy's taxonomy and org
 * tree, tags is ",tag1,tag2," and level receives the rank of the level.
 * The statement is written the way a portal team would: points summed with
 * CASE, floors with max(), thresholds with CASE.
 */
int
mi_grading_sql(const mediate_policy *p, const char *table, char **out)
{
	const struct mi_grading *g;
	mi_buf pts = { 0 }, b = { 0 };
	size_t i;

	if (p == NULL || (g = p->grading) == NULL || out == NULL)
		return mi_err(MEDIATE_EINVAL, "grading sql: no grading section");
	mi_buf_puts(&pts, "(0");
	for (i = 0; i < g->rule_count; i++) {
		if (g->rules[i].points == 0)
			continue;
		mi_buf_puts(&pts, " + CASE WHEN ");
		sql_cond(&pts, p, &g->rules[i].when);
		mi_buf_printf(&pts, " THEN %lld ELSE 0 END", (long long)g->rules[i].points);
	}
	mi_buf_puts(&pts, ")");
	mi_buf_printf(&b, "UPDATE %s SET level = max(CASE", table);
	for (i = g->level_count; i-- > 1;)
		mi_buf_printf(&b, " WHEN %s >= %lld THEN %zu", pts.data, (long long)g->levels[i].threshold, i);
	mi_buf_puts(&b, " ELSE 0 END");
	for (i = 0; i < g->rule_count; i++) {
		if (g->rules[i].floor == NULL)
			continue;
		mi_buf_puts(&b, ", CASE WHEN ");
		sql_cond(&b, p, &g->rules[i].when);
		mi_buf_printf(&b, " THEN %zu ELSE 0 END", g->rules[i].floor->rank);
	}
	mi_buf_puts(&b, ", 0)");
	mi_buf_free(&pts);
	if (b.failed) {
		mi_buf_free(&b);
		return mi_nomem();
	}
	*out = b.data;
	return MEDIATE_OK;
}
