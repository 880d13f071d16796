/* SPDX-License-Identifier: MIT */
/*
 * Matching mediators to cases (include/mediate/match.h): the matcher and
 * its index, rank, request, nearest, and the batch assignment through the
 * optimal solver of assign.h, and the exact team search.
 *
 * THE INDEX.  A score is  sum weight(c) x value(c).  Four values depend
 * on the mediator only (rating, success, load, mode): their weighted sum is
 * the mediator's "static" part, computed once.  The specialty value depends
 * on the case's category, the locality value on the case's station and
 * town; level and language are bounded by 1000.  So for every category x
 * the matcher keeps the mediators having x as a specialty, sorted by the
 * best score they could reach with x as an exact (or, in a second order,
 * an ancestor) specialty, and the same sorted within each "anchor" (the
 * mediator's police station, else town) so that a case's own station and
 * town are lists of their own with the higher locality in their bound.  A
 * rank merges, by bound, the lists of the case's category, its ancestors
 * and "no specialty", each at the case's station, the anchors of its town
 * and everywhere, and stops as soon as the next bound is below the k-th
 * best score found: a mediator is scored only when it could still enter the
 * top k (branch and bound).  Each mediator's true score is at most its
 * bound in the list that gives it the highest bound, which pops first;
 * lists in which it has a lower bound only meet it again when it was
 * already seen.  There is one such index per kind of grade (minimum
 * mediator level, think tank required or not), holding only the mediators
 * who pass those filters and are on duty with free capacity, so a rank for
 * a difficult case does not wade through the mediators it would exclude.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_priv.h"
#include "rating_priv.h"
#include "roster_priv.h"
#include "assign.h"

#define MI_MM_SPECS 4

/* One mediator of the matcher, in staff-number order. */
typedef struct mi_mm {
	const mediate_mediator *m;
	int64_t stat;                    /* weighted rating + success + load + mode: the index key */
	int32_t val[MI_MATCH_NCOMP];     /* the static values (rating, success, load, mode) */
	unsigned int level;
	int think_tank;
	unsigned int modes;
	int reason;                      /* static exclusion: 0, UNAVAILABLE or CAPACITY_FULL */
	uint32_t free_cap;
	int32_t station, town, county, anchor;   /* unit indices, or -1 */
	/* Copies of what scoring reads, so that a rank touches this array only. */
	unsigned char has_recusals;
	unsigned char speaks_default;    /* speaks the policy's language */
	unsigned char nsp;               /* specialties copied below, or 0xff: read m */
	unsigned char has_xy;
	int32_t lat, lon;
	uint32_t sp_cat[MI_MM_SPECS];
	uint8_t sp_prof[MI_MM_SPECS];
} mi_mm;

/* A list of mediator positions with their keys, sorted by key (desc). */
typedef struct mi_klist {
	uint32_t *idx;
	int64_t *key;
	int32_t *anc;                    /* anchor of each entry (anchor-sorted lists only) */
} mi_klist;

/*
 * An index over the mediators who pass the static filters (on duty, free
 * capacity) and those of one kind of grade (level >= min_level, think-tank
 * member when need_tt).  A rank walks the index of the case's grade, so
 * mediators it would exclude for level or think tank are not looked at.
 */
struct mi_index {
	unsigned int min_level;
	int need_tt;
	size_t *spec_off;                /* CSR by category */
	mi_klist ex, an, exA, anA;       /* exact / ancestor keys; by key and by (anchor, key) */
	mi_klist all, allA;              /* every mediator of the index, no specialty */
	size_t n;                        /* mediators in the index */
};

struct mediate_matcher {
	const mediate_roster *roster;
	const mediate_policy *policy;
	const struct mi_matching *cfg;
	int64_t at;
	size_t n;                        /* mediators */
	mi_mm *mm;
	uint32_t *pos_of;                /* roster index -> position */
	size_t nunits;
	int32_t *u_station, *u_town, *u_county;
	size_t *town_off;                /* CSR by unit: the stations of each town */
	uint32_t *town_st;
	size_t ncat;
	size_t nix;
	struct mi_index *ix;             /* one per (minimum level, think tank) of the policy's grades */
	size_t navail;                   /* mediators on duty with free capacity */
};

struct mediate_match_result {
	size_t count;
	const mediate_mediator **med;
	int64_t *score;
	int32_t *val;                    /* count x MI_MATCH_NCOMP */
	int64_t *dist;
	size_t nex;
	const mediate_mediator **ex;
	unsigned char *exr;
	size_t examined;
	int has_car;
	size_t car;
	int64_t car_dist;
};

struct mediate_match_batch {
	size_t n;
	const mediate_mediator **med;
	int64_t *score;
	unsigned char *reason;
	size_t *cands;
	size_t assigned;
	int64_t total;
	int exact;
};

/* ---- small helpers ---- */

static int32_t
clamp1000(int64_t v)
{
	return v < 0 ? 0 : v > 1000 ? 1000 : (int32_t)v;
}

static int
lang_tag_of(const mediate_case *c, const char **out)
{
	size_t i, n = mediate_case_tag_count(c);
	for (i = 0; i < n; i++) {
		const char *t = mediate_case_tag_at(c, i);
		if (t != NULL && strncmp(t, "lang:", 5) == 0 && t[5] != '\0') {
			*out = t + 5;
			return 1;
		}
	}
	return 0;
}

/* The case as the scorer sees it. */
typedef struct mi_cinfo {
	const mediate_case *c;
	size_t ntarget;                  /* categories scored by the specialty component */
	uint32_t target[MEDIATE_MATCH_TEAM_MAX + 1];
	uint32_t chain[64];              /* the case category and its ancestors (indices) */
	size_t nchain;
	unsigned int min_level;
	int need_tt;
	int mode;                        /* 0 or a mediate_case_mode */
	const char *lang;
	int lang_default;                /* lang is the policy's language */
	int32_t station, town, county;
	int has_xy;                      /* a mobile case with coordinates */
	int32_t lat, lon;
} mi_cinfo;

static void
cinfo_init(mi_cinfo *ci, const mediate_matcher *mt, const mediate_case *c)
{
	const mediate_category *cat = mediate_case_category(c);
	const mediate_level *lv = mediate_case_level(c);
	const mediate_unit *u = mediate_case_unit(c), *g = mediate_case_grid(c);
	int32_t ui = u != NULL ? (int32_t)mediate_unit_index(u) : -1;
	int32_t gi = g != NULL ? (int32_t)mediate_unit_index(g) : -1;

	memset(ci, 0, sizeof *ci);
	ci->c = c;
	for (; cat != NULL && ci->nchain < 64; cat = mediate_category_parent(cat))
		ci->chain[ci->nchain++] = (uint32_t)mediate_category_index(cat);
	if (ci->nchain > 0)
		ci->target[ci->ntarget++] = ci->chain[0];
	ci->min_level = lv != NULL ? mediate_level_min_mediator_level(lv) : 1;
	if (ci->min_level < 1)
		ci->min_level = 1;
	ci->need_tt = lv != NULL && mediate_level_requires_think_tank(lv);
	ci->mode = (int)mediate_case_get_mode(c);
	if (ci->mode == MEDIATE_MODE_THINK_TANK)
		ci->need_tt = 1;
	if (!lang_tag_of(c, &ci->lang)) {
		ci->lang = mediate_policy_language(mt->policy);
		ci->lang_default = 1;
	}
	ci->station = ui >= 0 ? mt->u_station[ui] : -1;
	if (ci->station < 0 && gi >= 0)
		ci->station = mt->u_station[gi];
	ci->town = gi >= 0 ? mt->u_town[gi] : -1;
	if (ci->town < 0 && ui >= 0)
		ci->town = mt->u_town[ui];
	ci->county = gi >= 0 ? mt->u_county[gi] : -1;
	if (ci->county < 0 && ui >= 0)
		ci->county = mt->u_county[ui];
	if (ci->mode == MEDIATE_MODE_MOBILE && mediate_case_coordinates(&ci->lat, &ci->lon, c) == 0)
		ci->has_xy = 1;
}

/* Whether category index s is the target t or one of its ancestors. */
static int
is_within(const mediate_matcher *mt, uint32_t t, uint32_t s)
{
	const mediate_category *c = mediate_policy_category_at(mt->policy, t);
	for (; c != NULL; c = mediate_category_parent(c))
		if ((uint32_t)mediate_category_index(c) == s)
			return 1;
	return 0;
}

static int32_t
specialty_value(const mediate_matcher *mt, const mi_cinfo *ci, const mi_mm *x)
{
	const mediate_mediator *m = x->m;
	int32_t best = 0;
	size_t i, j, t, n = x->nsp != 0xff ? x->nsp : m->specialty_count;
	for (i = 0; i < n; i++) {
		uint32_t cat = x->nsp != 0xff ? x->sp_cat[i] : m->specialties[i].category;
		uint32_t p = x->nsp != 0xff ? x->sp_prof[i] : m->specialties[i].proficiency;
		if (p > MEDIATE_PROFICIENCY_MAX)
			p = MEDIATE_PROFICIENCY_MAX;
		for (t = 0; t < ci->ntarget; t++) {
			int32_t v = -1;
			if (cat == ci->target[t])
				v = (int32_t)mt->cfg->exact[p];
			else if (t == 0 && ci->nchain > 0) {
				for (j = 1; j < ci->nchain; j++)
					if (ci->chain[j] == cat) {
						v = (int32_t)mt->cfg->ancestor[p];
						break;
					}
			} else if (is_within(mt, ci->target[t], cat))
				v = (int32_t)mt->cfg->ancestor[p];
			if (v > best)
				best = v;
		}
	}
	return best;
}

static int32_t
locality_value(const mediate_matcher *mt, const mi_cinfo *ci, const mi_mm *x, int64_t *dist)
{
	const struct mi_matching *cfg = mt->cfg;
	*dist = -1;
	if (ci->has_xy && x->has_xy) {
		int64_t d = mi_match_distance(ci->lat, ci->lon, x->lat, x->lon);
		*dist = d;
		return (int32_t)(1000 * (int64_t)cfg->distance_scale / ((int64_t)cfg->distance_scale + d));
	}
	if (ci->station >= 0 && x->station == ci->station)
		return (int32_t)cfg->loc_station;
	if (ci->town >= 0 && x->town == ci->town)
		return (int32_t)cfg->loc_town;
	if (ci->county >= 0 && x->county == ci->county)
		return (int32_t)cfg->loc_county;
	return 0;
}

/* The full score of mediator position i for the case; vals gets every value. */
static int64_t
score_of(const mediate_matcher *mt, const mi_cinfo *ci, uint32_t i, int32_t *vals, int64_t *dist)
{
	const mi_mm *x = &mt->mm[i];
	const uint32_t *w = mt->cfg->weight;
	int32_t v[MI_MATCH_NCOMP];
	int64_t s = 0, d;
	unsigned int gap;
	int k;

	memcpy(v, x->val, sizeof v);
	v[MEDIATE_MATCH_SPECIALTY] = specialty_value(mt, ci, x);
	gap = x->level >= ci->min_level ? x->level - ci->min_level : ci->min_level - x->level;
	v[MEDIATE_MATCH_LEVEL] = clamp1000(1000 - (int64_t)mt->cfg->level_step * gap);
	v[MEDIATE_MATCH_LOCALITY] = locality_value(mt, ci, x, &d);
	if (ci->lang_default)
		v[MEDIATE_MATCH_LANGUAGE] = x->speaks_default ? 1000 : 0;
	else
		v[MEDIATE_MATCH_LANGUAGE] = ci->lang != NULL && mediate_mediator_speaks(x->m, ci->lang) ? 1000 : 0;
	for (k = 1; k < MI_MATCH_NCOMP; k++)
		s += (int64_t)w[k] * v[k];
	if (vals != NULL)
		memcpy(vals, v, sizeof v);
	if (dist != NULL)
		*dist = d;
	return s;
}

/* The first hard filter mediator position i fails for the case, or 0.
 * member: a team member, exempt from the level and think-tank filters. */
static int
reason_of(const mediate_matcher *mt, const mi_cinfo *ci, uint32_t i, int member)
{
	const mi_mm *x = &mt->mm[i];
	if (x->reason != 0)
		return x->reason;
	if (!member && x->level < ci->min_level)
		return MEDIATE_MATCH_LEVEL_TOO_LOW;
	if (!member && ci->need_tt && !x->think_tank)
		return MEDIATE_MATCH_NOT_THINK_TANK;
	if ((ci->mode == MEDIATE_MODE_ON_THE_SPOT || ci->mode == MEDIATE_MODE_REMOTE_VIDEO ||
	     ci->mode == MEDIATE_MODE_MOBILE) && !(x->modes & (1u << ci->mode)))
		return MEDIATE_MATCH_MODE_NOT_OFFERED;
	if (x->has_recusals && mediate_mediator_recuses(x->m, ci->c, NULL))
		return MEDIATE_MATCH_RECUSED;
	return 0;
}

/* ---- the matcher ---- */

static int
cmp_staff(const void *a, const void *b)
{
	const mediate_mediator *x = *(const mediate_mediator *const *)a, *y = *(const mediate_mediator *const *)b;
	return strcmp(x->staff, y->staff);
}

/* Sorting entries of a list: by key desc, then position asc (optionally by anchor first). */
typedef struct mi_sent {
	int32_t anc;
	uint32_t idx;
	int64_t key;
} mi_sent;

static int
cmp_sent(const void *a, const void *b)
{
	const mi_sent *x = a, *y = b;
	if (x->anc != y->anc)
		return x->anc < y->anc ? -1 : 1;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
klist_alloc(mi_klist *l, size_t n, int with_anc)
{
	size_t m = n > 0 ? n : 1;
	l->idx = mi_calloc(m, sizeof *l->idx);
	l->key = mi_calloc(m, sizeof *l->key);
	l->anc = with_anc ? mi_calloc(m, sizeof *l->anc) : NULL;
	return l->idx == NULL || l->key == NULL || (with_anc && l->anc == NULL) ? -1 : 0;
}

static void
klist_free(mi_klist *l)
{
	mi_free(l->idx);
	mi_free(l->key);
	mi_free(l->anc);
}

/* Sorts e[0..n) and writes it to l at offset off. */
static void
klist_fill(mi_klist *l, size_t off, mi_sent *e, size_t n)
{
	size_t i;
	qsort(e, n, sizeof *e, cmp_sent);
	for (i = 0; i < n; i++) {
		l->idx[off + i] = e[i].idx;
		l->key[off + i] = e[i].key;
		if (l->anc != NULL)
			l->anc[off + i] = e[i].anc;
	}
}

void
mediate_matcher_free(mediate_matcher *mt)
{
	size_t i;
	if (mt == NULL)
		return;
	mi_free(mt->mm);
	mi_free(mt->pos_of);
	mi_free(mt->u_station);
	mi_free(mt->u_town);
	mi_free(mt->u_county);
	mi_free(mt->town_off);
	mi_free(mt->town_st);
	for (i = 0; i < mt->nix; i++) {
		struct mi_index *ix = &mt->ix[i];
		mi_free(ix->spec_off);
		klist_free(&ix->ex);
		klist_free(&ix->an);
		klist_free(&ix->exA);
		klist_free(&ix->anA);
		klist_free(&ix->all);
		klist_free(&ix->allA);
	}
	mi_free(mt->ix);
	mi_free(mt);
}

static int
build_units(mediate_matcher *mt)
{
	size_t i, n = mt->nunits, ns = 0;
	mt->u_station = mi_calloc(n + 1, sizeof *mt->u_station);
	mt->u_town = mi_calloc(n + 1, sizeof *mt->u_town);
	mt->u_county = mi_calloc(n + 1, sizeof *mt->u_county);
	mt->town_off = mi_calloc(n + 2, sizeof *mt->town_off);
	if (mt->u_station == NULL || mt->u_town == NULL || mt->u_county == NULL || mt->town_off == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const mediate_unit *u;
		mt->u_station[i] = mt->u_town[i] = mt->u_county[i] = -1;
		for (u = mediate_policy_unit_at(mt->policy, i); u != NULL; u = mediate_unit_parent(u)) {
			mediate_unit_kind k = mediate_unit_get_kind(u);
			int32_t ix = (int32_t)mediate_unit_index(u);
			if (k == MEDIATE_UNIT_POLICE_STATION && mt->u_station[i] < 0 && mt->u_town[i] < 0)
				mt->u_station[i] = ix;
			else if (k == MEDIATE_UNIT_TOWN && mt->u_town[i] < 0)
				mt->u_town[i] = ix;
			else if (k == MEDIATE_UNIT_COUNTY && mt->u_county[i] < 0)
				mt->u_county[i] = ix;
		}
	}
	/* The stations of each town (a station's own town). */
	for (i = 0; i < n; i++)
		if (mt->u_station[i] == (int32_t)i && mt->u_town[i] >= 0) {
			mt->town_off[mt->u_town[i] + 1]++;
			ns++;
		}
	for (i = 0; i < n; i++)
		mt->town_off[i + 1] += mt->town_off[i];
	if ((mt->town_st = mi_calloc(ns + 1, sizeof *mt->town_st)) == NULL)
		return -1;
	{
		size_t *fill = mi_calloc(n + 1, sizeof *fill);
		if (fill == NULL)
			return -1;
		for (i = 0; i < n; i++)
			if (mt->u_station[i] == (int32_t)i && mt->u_town[i] >= 0) {
				size_t t = (size_t)mt->u_town[i];
				mt->town_st[mt->town_off[t] + fill[t]++] = (uint32_t)i;
			}
		mi_free(fill);
	}
	return 0;
}

static int
in_index(const mi_mm *x, const struct mi_index *ix)
{
	return x->reason == 0 && x->level >= ix->min_level && (!ix->need_tt || x->think_tank);
}

static int
build_index(mediate_matcher *mt, struct mi_index *ix)
{
	const struct mi_matching *cfg = mt->cfg;
	size_t i, j, nspec = 0, c;
	size_t *fill = NULL;
	mi_sent *e = NULL, *e2 = NULL;
	int rc = -1;

	ix->spec_off = mi_calloc(mt->ncat + 1, sizeof *ix->spec_off);
	if (ix->spec_off == NULL)
		return -1;
	for (i = 0; i < mt->n; i++) {
		const mediate_mediator *m = mt->mm[i].m;
		if (!in_index(&mt->mm[i], ix))
			continue;
		ix->n++;
		for (j = 0; j < m->specialty_count; j++)
			if (m->specialties[j].category < mt->ncat) {
				ix->spec_off[m->specialties[j].category + 1]++;
				nspec++;
			}
	}
	for (c = 0; c < mt->ncat; c++)
		ix->spec_off[c + 1] += ix->spec_off[c];
	if (klist_alloc(&ix->ex, nspec, 0) || klist_alloc(&ix->an, nspec, 0) || klist_alloc(&ix->exA, nspec, 1) ||
	    klist_alloc(&ix->anA, nspec, 1) || klist_alloc(&ix->all, ix->n, 0) ||
	    klist_alloc(&ix->allA, ix->n, 1))
		return -1;
	fill = mi_calloc(mt->ncat + 1, sizeof *fill);
	e = mi_calloc(nspec + ix->n + 1, sizeof *e);
	e2 = mi_calloc(nspec + ix->n + 1, sizeof *e2);
	if (fill == NULL || e == NULL || e2 == NULL)
		goto out;
	/* Group the (category, mediator) entries by category in e. */
	for (i = 0; i < mt->n; i++) {
		const mi_mm *x = &mt->mm[i];
		if (!in_index(x, ix))
			continue;
		for (j = 0; j < x->m->specialty_count; j++) {
			uint32_t cat = x->m->specialties[j].category, p = x->m->specialties[j].proficiency;
			mi_sent *s;
			if (cat >= mt->ncat)
				continue;
			if (p > MEDIATE_PROFICIENCY_MAX)
				p = MEDIATE_PROFICIENCY_MAX;
			s = &e[ix->spec_off[cat] + fill[cat]++];
			s->idx = (uint32_t)i;
			s->anc = (int32_t)p;   /* proficiency, for now */
		}
	}
	for (c = 0; c < mt->ncat; c++) {
		size_t off = ix->spec_off[c], n = ix->spec_off[c + 1] - off, k;
		int pass;
		for (pass = 0; pass < 2; pass++) {
			const uint32_t *f = pass == 0 ? cfg->exact : cfg->ancestor;
			for (k = 0; k < n; k++) {
				const mi_mm *x = &mt->mm[e[off + k].idx];
				e2[k].idx = e[off + k].idx;
				e2[k].key = (int64_t)cfg->weight[MEDIATE_MATCH_SPECIALTY] * f[e[off + k].anc] + x->stat;
				e2[k].anc = -1;
			}
			klist_fill(pass == 0 ? &ix->ex : &ix->an, off, e2, n);
			for (k = 0; k < n; k++)
				e2[k].anc = mt->mm[e2[k].idx].anchor;
			klist_fill(pass == 0 ? &ix->exA : &ix->anA, off, e2, n);
		}
	}
	for (i = 0, j = 0; i < mt->n; i++)
		if (in_index(&mt->mm[i], ix)) {
			e2[j].idx = (uint32_t)i;
			e2[j].key = mt->mm[i].stat;
			e2[j++].anc = -1;
		}
	klist_fill(&ix->all, 0, e2, j);
	for (i = 0; i < j; i++)
		e2[i].anc = mt->mm[e2[i].idx].anchor;
	klist_fill(&ix->allA, 0, e2, j);
	rc = 0;
out:
	mi_free(fill);
	mi_free(e);
	mi_free(e2);
	return rc;
}

/* The indexes: one for every (minimum level, think tank) of the policy's
 * grades, and (1, no) for ungraded cases. */
static int
build_indexes(mediate_matcher *mt)
{
	size_t nl = mediate_policy_level_count(mt->policy), i, j;
	if ((mt->ix = mi_calloc(nl + 1, sizeof *mt->ix)) == NULL)
		return -1;
	mt->ix[0].min_level = 1;
	mt->nix = 1;
	for (i = 0; i < nl; i++) {
		const mediate_level *l = mediate_policy_level_at(mt->policy, i);
		unsigned int ml = mediate_level_min_mediator_level(l);
		int tt = mediate_level_requires_think_tank(l) != 0;
		if (ml < 1)
			ml = 1;
		for (j = 0; j < mt->nix; j++)
			if (mt->ix[j].min_level == ml && mt->ix[j].need_tt == tt)
				break;
		if (j == mt->nix) {
			mt->ix[mt->nix].min_level = ml;
			mt->ix[mt->nix++].need_tt = tt;
		}
	}
	for (i = 0; i < mt->nix; i++)
		if (build_index(mt, &mt->ix[i]) != 0)
			return -1;
	return 0;
}

/* The most selective index whose filters the case's filters imply. */
static const struct mi_index *
index_for(const mediate_matcher *mt, const mi_cinfo *ci)
{
	const struct mi_index *best = &mt->ix[0];
	size_t i;
	for (i = 1; i < mt->nix; i++) {
		const struct mi_index *ix = &mt->ix[i];
		if (ix->min_level > ci->min_level || (ix->need_tt && !ci->need_tt))
			continue;
		if (ix->min_level > best->min_level || (ix->min_level == best->min_level && ix->need_tt))
			best = ix;
	}
	return best;
}

mediate_status
mediate_matcher_new(mediate_matcher **out, const mediate_roster *roster, const mediate_ratings *ratings, int64_t at)
{
	mediate_matcher *mt;
	const mediate_mediator **byst = NULL;
	size_t i, n;
	int32_t prior;
	const char *lang;

	if (out == NULL || roster == NULL)
		return mi_err(MEDIATE_EINVAL, "matcher new: NULL argument");
	if (ratings != NULL && mi_ratings_policy_of(ratings) != mediate_roster_policy(roster))
		return mi_err(MEDIATE_EINVAL, "matcher new: the ratings belong to another policy than the roster");
	if ((mt = mi_calloc(1, sizeof *mt)) == NULL)
		return mi_err(MEDIATE_ENOMEM, "matcher new: out of memory");
	mt->roster = roster;
	mt->policy = mediate_roster_policy(roster);
	mt->cfg = mi_matching_of(mt->policy);
	mt->at = at;
	mt->n = n = mediate_roster_count(roster);
	mt->nunits = mediate_policy_unit_count(mt->policy);
	mt->ncat = mediate_policy_category_count(mt->policy);
	if (build_units(mt) != 0)
		goto nomem;
	mt->mm = mi_calloc(n + 1, sizeof *mt->mm);
	mt->pos_of = mi_calloc(n + 1, sizeof *mt->pos_of);
	byst = mi_calloc(n + 1, sizeof *byst);
	if (mt->mm == NULL || mt->pos_of == NULL || byst == NULL)
		goto nomem;
	for (i = 0; i < n; i++)
		byst[i] = mediate_roster_at(roster, i);
	qsort(byst, n, sizeof *byst, cmp_staff);
	prior = mediate_policy_rating_prior_milli(mt->policy);
	lang = mediate_policy_language(mt->policy);
	for (i = 0; i < n; i++) {
		const mediate_mediator *m = byst[i];
		mi_mm *x = &mt->mm[i];
		const uint32_t *w = mt->cfg->weight;
		int32_t bayes = prior, wilson = 0;
		unsigned int offered = 0, valued = 0, b;
		int32_t u = m->unit != NULL ? (int32_t)mediate_unit_index(m->unit) : -1;

		x->m = m;
		mt->pos_of[m->index] = (uint32_t)i;
		if (ratings != NULL) {
			mediate_rating_summary s;
			int rc = mediate_ratings_summary(&s, ratings, m->id, at);
			if (rc == MEDIATE_ENOMEM)
				goto nomem;
			if (rc == 0) {
				bayes = s.bayes_milli;
				wilson = s.wilson_milli;
			}
		}
		x->val[MEDIATE_MATCH_RATING] = clamp1000((bayes - 1000) / 4);
		x->val[MEDIATE_MATCH_SUCCESS] = clamp1000(wilson);
		x->val[MEDIATE_MATCH_LOAD] = m->capacity > 0 && m->load < m->capacity ?
		                             (int32_t)(1000 * (int64_t)(m->capacity - m->load) / m->capacity) : 0;
		for (b = 1; b <= MEDIATE_MODE_MOBILE; b++)
			if (mt->cfg->valued_modes & (1u << b)) {
				valued++;
				offered += (m->modes >> b) & 1u;
			}
		x->val[MEDIATE_MATCH_MODE] = valued > 0 ? (int32_t)(1000 * offered / valued) : 0;
		x->stat = (int64_t)w[MEDIATE_MATCH_RATING] * x->val[MEDIATE_MATCH_RATING] +
		          (int64_t)w[MEDIATE_MATCH_SUCCESS] * x->val[MEDIATE_MATCH_SUCCESS] +
		          (int64_t)w[MEDIATE_MATCH_LOAD] * x->val[MEDIATE_MATCH_LOAD] +
		          (int64_t)w[MEDIATE_MATCH_MODE] * x->val[MEDIATE_MATCH_MODE];
		x->level = m->level;
		x->think_tank = m->think_tank;
		x->modes = m->modes;
		x->free_cap = m->load < m->capacity ? m->capacity - m->load : 0;
		if (mediate_mediator_duty_at(m, at) != MEDIATE_DUTY_ON)
			x->reason = MEDIATE_MATCH_UNAVAILABLE;
		else if (x->free_cap == 0)
			x->reason = MEDIATE_MATCH_CAPACITY_FULL;
		x->station = u >= 0 ? mt->u_station[u] : -1;
		x->town = u >= 0 ? mt->u_town[u] : -1;
		x->county = u >= 0 ? mt->u_county[u] : -1;
		x->anchor = x->station >= 0 ? x->station : x->town;
		x->has_recusals = m->recusal_count > 0;
		x->speaks_default = lang != NULL && mediate_mediator_speaks(m, lang);
		x->has_xy = (unsigned char)(m->has_coordinates != 0);
		x->lat = m->lat;
		x->lon = m->lon;
		if (m->specialty_count <= MI_MM_SPECS) {
			size_t q;
			x->nsp = (unsigned char)m->specialty_count;
			for (q = 0; q < m->specialty_count; q++) {
				x->sp_cat[q] = m->specialties[q].category;
				x->sp_prof[q] = (uint8_t)(m->specialties[q].proficiency > MEDIATE_PROFICIENCY_MAX
				                          ? MEDIATE_PROFICIENCY_MAX : m->specialties[q].proficiency);
			}
		} else
			x->nsp = 0xff;
	}
	mi_free(byst);
	byst = NULL;
	for (i = 0; i < n; i++)
		if (mt->mm[i].reason == 0)
			mt->navail++;
	if (build_indexes(mt) != 0)
		goto nomem;
	*out = mt;
	return MEDIATE_OK;
nomem:
	mi_free(byst);
	mediate_matcher_free(mt);
	return mi_err(MEDIATE_ENOMEM, "matcher new: out of memory");
}

const mediate_roster *
mediate_matcher_roster(const mediate_matcher *mt)
{
	return mt != NULL ? mt->roster : NULL;
}

int64_t
mediate_matcher_at(const mediate_matcher *mt)
{
	return mt != NULL ? mt->at : 0;
}

/* ---- top-k and the seen set ---- */

typedef struct mi_cand {
	int64_t score;
	uint32_t idx;
} mi_cand;

/* a is worse than b: lower score, or equal score and a higher position. */
static int
worse(const mi_cand *a, const mi_cand *b)
{
	return a->score < b->score || (a->score == b->score && a->idx > b->idx);
}

typedef struct mi_topk {
	mi_cand *h;        /* min-heap: h[0] is the worst kept */
	size_t n, k;
} mi_topk;

static void
topk_push(mi_topk *t, mi_cand c)
{
	size_t i, p, l, r, m;
	if (t->n < t->k) {
		for (i = t->n++; i > 0 && worse(&c, &t->h[p = (i - 1) / 2]); i = p)
			t->h[i] = t->h[p];
		t->h[i] = c;
		return;
	}
	if (!worse(&t->h[0], &c))
		return;
	for (i = 0;; i = m) {
		l = 2 * i + 1;
		r = l + 1;
		m = i;
		if (l < t->n && worse(&t->h[l], m == i ? &c : &t->h[m]))
			m = l;
		if (r < t->n && worse(&t->h[r], m == i ? &c : &t->h[m]))
			m = r;
		if (m == i)
			break;
		t->h[i] = t->h[m];
	}
	t->h[i] = c;
}

static int
cmp_best(const void *a, const void *b)
{
	const mi_cand *x = a, *y = b;
	return worse(x, y) ? 1 : worse(y, x) ? -1 : 0;
}

typedef struct mi_seen {
	uint32_t *slot;    /* value + 1, 0 = empty */
	size_t cap, used;
} mi_seen;

/* 1 when i was new (and is now in), 0 when seen before, -1 out of memory. */
static int
seen_add(mi_seen *s, uint32_t i)
{
	size_t h, k;
	if (2 * (s->used + 1) > s->cap) {
		size_t ncap = s->cap ? 2 * s->cap : 256;
		uint32_t *ns = mi_calloc(ncap, sizeof *ns);
		if (ns == NULL)
			return -1;
		for (k = 0; k < s->cap; k++)
			if (s->slot[k] != 0) {
				for (h = (s->slot[k] * 2654435761u) & (ncap - 1); ns[h] != 0; h = (h + 1) & (ncap - 1))
					;
				ns[h] = s->slot[k];
			}
		mi_free(s->slot);
		s->slot = ns;
		s->cap = ncap;
	}
	for (h = ((i + 1) * 2654435761u) & (s->cap - 1); s->slot[h] != 0; h = (h + 1) & (s->cap - 1))
		if (s->slot[h] == i + 1)
			return 0;
	s->slot[h] = i + 1;
	s->used++;
	return 1;
}

/* ---- the walk ---- */

typedef struct mi_wlist {
	const uint32_t *idx;
	const int64_t *key;
	size_t pos, end;
	int64_t add;
} mi_wlist;

typedef struct mi_walk {
	mi_wlist *l;
	size_t nl, cap;
	size_t *heap;
	size_t nh;
} mi_walk;

static int64_t
wtop(const mi_walk *w, size_t li)
{
	const mi_wlist *l = &w->l[li];
	return l->key[l->pos] + l->add;
}

static void
wsift(mi_walk *w, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i, t;
		if (l < w->nh && wtop(w, w->heap[l]) > wtop(w, w->heap[m]))
			m = l;
		if (r < w->nh && wtop(w, w->heap[r]) > wtop(w, w->heap[m]))
			m = r;
		if (m == i)
			return;
		t = w->heap[i];
		w->heap[i] = w->heap[m];
		w->heap[m] = t;
		i = m;
	}
}

/* Range of entries with anchor a in [off, end) of an anchor-sorted list. */
static void
anchor_range(const mi_klist *l, size_t off, size_t end, int32_t a, size_t *b, size_t *e)
{
	size_t lo = off, hi = end;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->anc[mid] < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	*b = lo;
	hi = end;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->anc[mid] <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	*e = lo;
}

static void
wadd(mi_walk *w, const mi_klist *l, size_t b, size_t e, int64_t add)
{
	if (b >= e || w->nl >= w->cap)   /* cap is exact (walk_new): never hit */
		return;
	w->l[w->nl].idx = l->idx;
	w->l[w->nl].key = l->key;
	w->l[w->nl].pos = b;
	w->l[w->nl].end = e;
	w->l[w->nl].add = add;
	w->nl++;
}

/* The lists of one kind (a category's exact or ancestor entries, or all
 * mediators) for the case: its station, its town's other anchors, everywhere. */
static void
wadd_kind(mi_walk *w, const mediate_matcher *mt, const mi_cinfo *ci, const mi_klist *byk, const mi_klist *bya,
          size_t off, size_t end, int64_t base)
{
	const struct mi_matching *cfg = mt->cfg;
	int64_t wl = cfg->weight[MEDIATE_MATCH_LOCALITY];
	size_t b, e, t;
	if (ci->mode == MEDIATE_MODE_MOBILE) {
		/* distances can beat every tier: bound the locality by 1000 */
		wadd(w, byk, off, end, base + wl * 1000);
		return;
	}
	if (ci->station >= 0) {
		anchor_range(bya, off, end, ci->station, &b, &e);
		wadd(w, bya, b, e, base + wl * cfg->loc_station);
	}
	if (ci->town >= 0) {
		anchor_range(bya, off, end, ci->town, &b, &e);
		wadd(w, bya, b, e, base + wl * cfg->loc_town);
		for (t = mt->town_off[ci->town]; t < mt->town_off[ci->town + 1]; t++)
			if ((int32_t)mt->town_st[t] != ci->station) {
				anchor_range(bya, off, end, (int32_t)mt->town_st[t], &b, &e);
				wadd(w, bya, b, e, base + wl * cfg->loc_town);
			}
	}
	wadd(w, byk, off, end, base + wl * cfg->loc_county);
}

/* A walk with room for every list walk_init() may add; NULL out of memory. */
static mi_walk *
walk_new(const mediate_matcher *mt, const mi_cinfo *ci)
{
	size_t per = 1, n;
	mi_walk *w;
	if (ci->station >= 0)
		per++;
	if (ci->town >= 0)
		per += 1 + (mt->town_off[ci->town + 1] - mt->town_off[ci->town]);
	n = (ci->nchain + 1) * per;
	if ((w = mi_malloc(sizeof *w + n * (sizeof *w->l + sizeof *w->heap))) == NULL)
		return NULL;
	w->l = (mi_wlist *)(void *)(w + 1);
	w->heap = (size_t *)(void *)(w->l + n);
	w->cap = n;
	return w;
}

static void
walk_init(mi_walk *w, const mediate_matcher *mt, const mi_cinfo *ci)
{
	const uint32_t *wt = mt->cfg->weight;
	const struct mi_index *ix = index_for(mt, ci);
	int64_t base;
	size_t j, i;
	/* Level and language values are at most 1000 each. */
	base = 1000 * ((int64_t)wt[MEDIATE_MATCH_LEVEL] + wt[MEDIATE_MATCH_LANGUAGE]);
	w->nl = w->nh = 0;
	for (j = 0; j < ci->nchain; j++) {
		uint32_t c = ci->chain[j];
		if (j == 0)
			wadd_kind(w, mt, ci, &ix->ex, &ix->exA, ix->spec_off[c], ix->spec_off[c + 1], base);
		else
			wadd_kind(w, mt, ci, &ix->an, &ix->anA, ix->spec_off[c], ix->spec_off[c + 1], base);
	}
	wadd_kind(w, mt, ci, &ix->all, &ix->allA, 0, ix->n, base);
	for (i = 0; i < w->nl; i++)
		w->heap[w->nh++] = i;
	for (i = w->nh / 2; i-- > 0;)
		wsift(w, i);
}

/* Next mediator in bound order; 0 when none is left.  *bound is its bound. */
static int
walk_next(mi_walk *w, uint32_t *idx, int64_t *bound)
{
	mi_wlist *l;
	if (w->nh == 0)
		return 0;
	l = &w->l[w->heap[0]];
	*bound = l->key[l->pos] + l->add;
	*idx = l->idx[l->pos];
	if (++l->pos >= l->end)
		w->heap[0] = w->heap[--w->nh];
	wsift(w, 0);
	return 1;
}

/*
 * The best k eligible candidates by branch and bound; out gets them best
 * first (*n of them).  *examined counts the mediators scored.
 */
static int
rank_walk(const mediate_matcher *mt, const mi_cinfo *ci, size_t k, mi_cand *out, size_t *n, size_t *examined)
{
	mi_walk *w = walk_new(mt, ci);
	mi_seen seen = { NULL, 0, 0 };
	mi_topk t;
	uint32_t idx;
	int64_t bound;
	int rc = 0;

	if (w == NULL)
		return MEDIATE_ENOMEM;
	t.h = out;
	t.n = 0;
	t.k = k;
	*examined = 0;
	walk_init(w, mt, ci);
	while (walk_next(w, &idx, &bound)) {
		mi_cand c;
		int r;
		if (t.n == t.k && bound < t.h[0].score)
			break;
		if ((r = seen_add(&seen, idx)) < 0) {
			rc = MEDIATE_ENOMEM;
			break;
		}
		if (r == 0)
			continue;
		++*examined;
		if (reason_of(mt, ci, idx, 0) != 0)
			continue;
		c.idx = idx;
		c.score = score_of(mt, ci, idx, NULL, NULL);
		topk_push(&t, c);
	}
	mi_free(seen.slot);
	mi_free(w);
	qsort(out, t.n, sizeof *out, cmp_best);
	*n = t.n;
	return rc;
}

/* ---- results ---- */

/* One allocation holds the result and its arrays (freed by mi_free of it). */
static mediate_match_result *
result_new(size_t count, size_t nex)
{
	size_t c = count + 1, e = nex + 1, sz;
	mediate_match_result *r;
	char *b;
	if (c > SIZE_MAX / (sizeof *r->med + 2 * sizeof(int64_t) + MI_MATCH_NCOMP * sizeof(int32_t)) ||
	    e > SIZE_MAX / (sizeof *r->ex + 1) - 1)
		return NULL;
	sz = sizeof *r + c * (sizeof *r->med + 2 * sizeof(int64_t) + MI_MATCH_NCOMP * sizeof(int32_t)) +
	     e * (sizeof *r->ex + 1) + 16;
	if ((b = mi_calloc(1, sz)) == NULL)
		return NULL;
	r = (mediate_match_result *)(void *)b;
	b += sizeof *r;
	r->med = (const mediate_mediator **)(void *)b;
	b += c * sizeof *r->med;
	r->ex = (const mediate_mediator **)(void *)b;
	b += e * sizeof *r->ex;
	r->score = (int64_t *)(void *)b;
	b += c * sizeof *r->score;
	r->dist = (int64_t *)(void *)b;
	b += c * sizeof *r->dist;
	r->val = (int32_t *)(void *)b;
	b += c * MI_MATCH_NCOMP * sizeof *r->val;
	r->exr = (unsigned char *)b;
	return r;
}

void
mediate_match_result_free(mediate_match_result *r)
{
	mi_free(r);
}

static void
result_put(mediate_match_result *r, const mediate_matcher *mt, const mi_cinfo *ci, const mi_cand *c)
{
	size_t i = r->count++;
	r->med[i] = mt->mm[c->idx].m;
	r->score[i] = score_of(mt, ci, c->idx, &r->val[i * MI_MATCH_NCOMP], &r->dist[i]);
}

static int
check_case(const mediate_matcher *mt, const mediate_case *c, const char *what)
{
	if (mediate_case_policy(c) != mt->policy)
		return mi_err(MEDIATE_EINVAL, "%s: the case uses another policy than the roster", what);
	return 0;
}

mediate_status
mediate_match_rank(mediate_match_result **out, const mediate_matcher *mt, const mediate_case *c, size_t k,
                   unsigned int flags)
{
	mediate_match_result *r;
	mi_cinfo ci;
	mi_cand *top;
	size_t n = 0, i, examined = 0, nex = 0;
	int rc;

	if (out == NULL || mt == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "match rank: NULL argument");
	if (k < 1 || k > MEDIATE_MATCH_K_MAX)
		return mi_err(MEDIATE_EINVAL, "match rank: k must be 1..%u, not %zu", MEDIATE_MATCH_K_MAX, k);
	if (flags & ~MEDIATE_MATCH_WITH_EXCLUDED)
		return mi_err(MEDIATE_EINVAL, "match rank: unknown flags 0x%x", flags);
	if ((rc = check_case(mt, c, "match rank")) != 0)
		return rc;
	cinfo_init(&ci, mt, c);
	if (k > mt->n)
		k = mt->n > 0 ? mt->n : 1;
	if ((top = mi_calloc(k, sizeof *top)) == NULL)
		return mi_err(MEDIATE_ENOMEM, "match rank: out of memory");
	if (flags & MEDIATE_MATCH_WITH_EXCLUDED) {
		mi_topk t;
		t.h = top;
		t.n = 0;
		t.k = k;
		for (i = 0; i < mt->n; i++)
			if (reason_of(mt, &ci, (uint32_t)i, 0) != 0)
				nex++;
		if ((r = result_new(k, nex)) == NULL) {
			mi_free(top);
			return mi_err(MEDIATE_ENOMEM, "match rank: out of memory");
		}
		for (i = 0; i < mt->n; i++) {
			int why = reason_of(mt, &ci, (uint32_t)i, 0);
			if (why != 0) {
				r->ex[r->nex] = mt->mm[i].m;
				r->exr[r->nex++] = (unsigned char)why;
			} else {
				mi_cand cd;
				cd.idx = (uint32_t)i;
				cd.score = score_of(mt, &ci, (uint32_t)i, NULL, NULL);
				topk_push(&t, cd);
			}
		}
		qsort(top, t.n, sizeof *top, cmp_best);
		n = t.n;
		examined = mt->n;
	} else {
		if ((rc = rank_walk(mt, &ci, k, top, &n, &examined)) != 0) {
			mi_free(top);
			return mi_err(rc, "match rank: out of memory");
		}
		if ((r = result_new(n, 0)) == NULL) {
			mi_free(top);
			return mi_err(MEDIATE_ENOMEM, "match rank: out of memory");
		}
	}
	for (i = 0; i < n; i++)
		result_put(r, mt, &ci, &top[i]);
	r->examined = examined;
	mi_free(top);
	*out = r;
	return MEDIATE_OK;
}

mediate_status
mediate_match_request(mediate_match_result **out, const mediate_matcher *mt, const mediate_case *c,
                      const char *mediator_id)
{
	const mediate_mediator *m;
	mediate_match_result *r;
	mi_cinfo ci;
	uint32_t idx;
	int why, rc;

	if (out == NULL || mt == NULL || c == NULL || mediator_id == NULL)
		return mi_err(MEDIATE_EINVAL, "match request: NULL argument");
	if ((rc = check_case(mt, c, "match request")) != 0)
		return rc;
	m = mediate_roster_find(mt->roster, mediator_id);
	if (m == NULL)
		m = mediate_roster_find_staff(mt->roster, mediator_id);
	if (m == NULL || m->index >= mt->n || mt->mm[mt->pos_of[m->index]].m != m)
		return mi_err(MEDIATE_ENOTFOUND, "match request: no mediator \"%.64s\" on the roster", mediator_id);
	idx = mt->pos_of[m->index];
	cinfo_init(&ci, mt, c);
	why = reason_of(mt, &ci, idx, 0);
	if ((r = result_new(1, 1)) == NULL)
		return mi_err(MEDIATE_ENOMEM, "match request: out of memory");
	if (why != 0) {
		r->ex[0] = m;
		r->exr[0] = (unsigned char)why;
		r->nex = 1;
	} else {
		mi_cand cd;
		cd.idx = idx;
		cd.score = 0;
		result_put(r, mt, &ci, &cd);
	}
	r->examined = 1;
	*out = r;
	return MEDIATE_OK;
}

typedef struct mi_near {
	int64_t d;
	uint32_t idx;
} mi_near;

static int
cmp_near(const void *a, const void *b)
{
	const mi_near *x = a, *y = b;
	if (x->d != y->d)
		return x->d < y->d ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

mediate_status
mediate_match_nearest(mediate_match_result **out, const mediate_matcher *mt, int32_t lat, int32_t lon, int64_t at,
                      size_t k)
{
	mediate_match_result *r;
	mi_near *nv;
	size_t i, n = 0, nex = 0;
	const struct mi_matching *cfg;

	if (out == NULL || mt == NULL)
		return mi_err(MEDIATE_EINVAL, "match nearest: NULL argument");
	if (k < 1 || k > MEDIATE_MATCH_K_MAX)
		return mi_err(MEDIATE_EINVAL, "match nearest: k must be 1..%u, not %zu", MEDIATE_MATCH_K_MAX, k);
	if (lat < -90000000 || lat > 90000000 || lon < -180000000 || lon > 180000000)
		return mi_err(MEDIATE_ERANGE, "match nearest: coordinates out of range");
	if ((nv = mi_calloc(mt->n + 1, sizeof *nv)) == NULL)
		return mi_err(MEDIATE_ENOMEM, "match nearest: out of memory");
	for (i = 0; i < mt->n; i++) {
		const mi_mm *x = &mt->mm[i];
		if (!(x->modes & (1u << MEDIATE_MODE_MOBILE)))
			continue;
		if (mediate_mediator_duty_at(x->m, at) != MEDIATE_DUTY_ON || x->free_cap == 0 || !x->m->has_coordinates)
			nex++;
		else {
			nv[n].idx = (uint32_t)i;
			nv[n++].d = mi_match_distance(lat, lon, x->m->lat, x->m->lon);
		}
	}
	qsort(nv, n, sizeof *nv, cmp_near);
	if (n > k)
		n = k;
	if ((r = result_new(n, nex)) == NULL) {
		mi_free(nv);
		return mi_err(MEDIATE_ENOMEM, "match nearest: out of memory");
	}
	for (i = 0; i < n; i++) {
		r->med[i] = mt->mm[nv[i].idx].m;
		r->dist[i] = nv[i].d;
	}
	r->count = n;
	for (i = 0; i < mt->n; i++) {
		const mi_mm *x = &mt->mm[i];
		if (!(x->modes & (1u << MEDIATE_MODE_MOBILE)))
			continue;
		if (mediate_mediator_duty_at(x->m, at) != MEDIATE_DUTY_ON) {
			r->ex[r->nex] = x->m;
			r->exr[r->nex++] = MEDIATE_MATCH_UNAVAILABLE;
		} else if (x->free_cap == 0) {
			r->ex[r->nex] = x->m;
			r->exr[r->nex++] = MEDIATE_MATCH_CAPACITY_FULL;
		} else if (!x->m->has_coordinates) {
			r->ex[r->nex] = x->m;
			r->exr[r->nex++] = MEDIATE_MATCH_NO_LOCATION;
		}
	}
	r->examined = mt->n;
	cfg = mt->cfg;
	for (i = 0; i < cfg->car_count; i++)
		if (cfg->cars[i].has_coordinates) {
			int64_t d = mi_match_distance(lat, lon, cfg->cars[i].lat, cfg->cars[i].lon);
			if (!r->has_car || d < r->car_dist) {
				r->has_car = 1;
				r->car = i;
				r->car_dist = d;
			}
		}
	mi_free(nv);
	*out = r;
	return MEDIATE_OK;
}

size_t
mediate_match_result_count(const mediate_match_result *r)
{
	return r != NULL ? r->count : 0;
}

const mediate_mediator *
mediate_match_result_mediator(const mediate_match_result *r, size_t i)
{
	return r != NULL && i < r->count ? r->med[i] : NULL;
}

int64_t
mediate_match_result_score(const mediate_match_result *r, size_t i)
{
	return r != NULL && i < r->count ? r->score[i] : 0;
}

int32_t
mediate_match_result_component(const mediate_match_result *r, size_t i, mediate_match_component comp)
{
	if (r == NULL || i >= r->count || (int)comp < 1 || (int)comp >= MI_MATCH_NCOMP)
		return -1;
	return r->val[i * MI_MATCH_NCOMP + (size_t)comp];
}

int64_t
mediate_match_result_distance(const mediate_match_result *r, size_t i)
{
	return r != NULL && i < r->count ? r->dist[i] : -1;
}

size_t
mediate_match_result_excluded_count(const mediate_match_result *r)
{
	return r != NULL ? r->nex : 0;
}

const mediate_mediator *
mediate_match_result_excluded_at(const mediate_match_result *r, size_t i)
{
	return r != NULL && i < r->nex ? r->ex[i] : NULL;
}

mediate_match_reason
mediate_match_result_excluded_reason(const mediate_match_result *r, size_t i)
{
	return r != NULL && i < r->nex ? (mediate_match_reason)r->exr[i] : MEDIATE_MATCH_ELIGIBLE;
}

size_t
mediate_match_result_examined(const mediate_match_result *r)
{
	return r != NULL ? r->examined : 0;
}

mediate_status
mediate_match_result_car(size_t *car_index, int64_t *distance, const mediate_match_result *r)
{
	if (car_index == NULL || distance == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "match result car: NULL argument");
	if (!r->has_car)
		return mi_err(MEDIATE_ENOTFOUND, "match result car: no car with coordinates");
	*car_index = r->car;
	*distance = r->car_dist;
	return MEDIATE_OK;
}

/* ---- batch ---- */

/* Every eligible candidate of the case, best first. */
static int
all_eligible(const mediate_matcher *mt, const mi_cinfo *ci, mi_cand **out, size_t *n)
{
	mi_cand *v = mi_calloc(mt->n + 1, sizeof *v);
	size_t i, m = 0;
	if (v == NULL)
		return MEDIATE_ENOMEM;
	for (i = 0; i < mt->n; i++)
		if (reason_of(mt, ci, (uint32_t)i, 0) == 0) {
			v[m].idx = (uint32_t)i;
			v[m++].score = score_of(mt, ci, (uint32_t)i, NULL, NULL);
		}
	qsort(v, m, sizeof *v, cmp_best);
	*out = v;
	*n = m;
	return 0;
}

/*
 * The candidates of one case for the solver: all of them (no pruning), or
 * the shortest best-first prefix whose free capacities reach need (safe:
 * keeps the optimum, see assign.h), or the best top_k (*cut = 1 when those
 * do not reach need and more were eligible).
 */
static int
batch_candidates(const mediate_matcher *mt, const mi_cinfo *ci, size_t need, mi_cand **out, size_t *n, int *cut)
{
	const struct mi_matching *cfg = mt->cfg;
	size_t k, m, i, ex;
	uint64_t sum;
	mi_cand *v;
	int rc;

	*cut = 0;
	if (cfg->prune == MI_PRUNE_NONE)
		return all_eligible(mt, ci, out, n);
	k = cfg->prune == MI_PRUNE_TOPK ? cfg->top_k : 32;
	for (;;) {
		if (k >= mt->n / 2 && cfg->prune == MI_PRUNE_SAFE)
			break;
		if (k > mt->n)
			k = mt->n > 0 ? mt->n : 1;
		if ((v = mi_calloc(k, sizeof *v)) == NULL)
			return MEDIATE_ENOMEM;
		if ((rc = rank_walk(mt, ci, k, v, &m, &ex)) != 0) {
			mi_free(v);
			return rc;
		}
		for (i = 0, sum = 0; i < m && sum < need; i++)
			sum += mt->mm[v[i].idx].free_cap;
		if (sum >= need || m < k || cfg->prune == MI_PRUNE_TOPK) {
			if (cfg->prune == MI_PRUNE_TOPK)
				*cut = sum < need && m == k && k < mt->navail;
			else
				m = i;
			*out = v;
			*n = m;
			return 0;
		}
		mi_free(v);
		k *= 4;
	}
	if ((rc = all_eligible(mt, ci, &v, &m)) != 0)
		return rc;
	for (i = 0, sum = 0; i < m && sum < need; i++)
		sum += mt->mm[v[i].idx].free_cap;
	*out = v;
	*n = i;
	return 0;
}

/* A case's id and its position in the batch, for finding a case given twice. */
typedef struct case_key {
	mediate_id id;
	size_t at;
} case_key;

static int
cmp_case_key(const void *a, const void *b)
{
	const case_key *x = a, *y = b;
	int c = mediate_id_compare(&x->id, &y->id);
	return c != 0 ? c : (x->at > y->at) - (x->at < y->at);
}

/*
 * Whether one case is given twice, as the same object or as two copies of
 * it (same id): it would get two mediators.  *first and *second are the
 * two positions, first < second; -1 out of memory.
 */
static int
has_duplicate_case(const mediate_case *const *cases, size_t n, size_t *first, size_t *second)
{
	case_key *v;
	size_t i;
	if (n < 2)
		return 0;
	if ((v = mi_calloc(n, sizeof *v)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		v[i].id = *mediate_case_id(cases[i]);
		v[i].at = i;
	}
	qsort(v, n, sizeof *v, cmp_case_key);
	*second = n;
	/* the earliest second position over all equal pairs */
	for (i = 1; i < n; i++)
		if (mediate_id_compare(&v[i].id, &v[i - 1].id) == 0 && v[i].at < *second) {
			*second = v[i].at;
			*first = v[i - 1].at;
		}
	mi_free(v);
	return *second < n;
}

void
mediate_match_batch_free(mediate_match_batch *b)
{
	if (b == NULL)
		return;
	mi_free(b->med);
	mi_free(b->score);
	mi_free(b->reason);
	mi_free(b->cands);
	mi_free(b);
}

mediate_status
mediate_match_assign_batch(mediate_match_batch **out, const mediate_matcher *mt, const mediate_case *const *cases,
                           size_t n)
{
	mediate_match_batch *b = NULL;
	size_t *off = NULL, cap = 0, used = 0, i, j;
	uint32_t *med = NULL;
	int64_t *sc = NULL, *capacity = NULL;
	mi_assign_problem p;
	mi_assign_options o;
	mi_assign_result *ar = NULL;
	int rc = MEDIATE_ENOMEM, cut;

	if (out == NULL || mt == NULL || (cases == NULL && n > 0))
		return mi_err(MEDIATE_EINVAL, "match assign batch: NULL argument");
	if (n > 1000000)
		return mi_err(MEDIATE_ELIMIT, "match assign batch: at most 1000000 cases, not %zu", n);
	for (i = 0; i < n; i++) {
		if (cases[i] == NULL)
			return mi_err(MEDIATE_EINVAL, "match assign batch: case %zu is NULL", i);
		if ((rc = check_case(mt, cases[i], "match assign batch")) != 0)
			return rc;
	}
	if ((rc = has_duplicate_case(cases, n, &i, &j)) < 0)
		return mi_err(MEDIATE_ENOMEM, "match assign batch: out of memory");
	if (rc > 0)
		return mi_err(MEDIATE_EINVAL, "match assign batch: cases %zu and %zu are the same case (%.64s)", i, j,
		              mediate_case_number(cases[i]) != NULL ? mediate_case_number(cases[i]) : "no number");
	rc = MEDIATE_ENOMEM;
	if ((b = mi_calloc(1, sizeof *b)) == NULL)
		goto fail;
	b->n = n;
	b->exact = 1;
	b->med = mi_calloc(n + 1, sizeof *b->med);
	b->score = mi_calloc(n + 1, sizeof *b->score);
	b->reason = mi_calloc(n + 1, sizeof *b->reason);
	b->cands = mi_calloc(n + 1, sizeof *b->cands);
	off = mi_calloc(n + 1, sizeof *off);
	capacity = mi_calloc(mt->n + 1, sizeof *capacity);
	if (b->med == NULL || b->score == NULL || b->reason == NULL || b->cands == NULL || off == NULL ||
	    capacity == NULL)
		goto fail;
	for (j = 0; j < mt->n; j++)
		capacity[j] = mt->mm[j].reason == 0 ? mt->mm[j].free_cap : 0;
	for (i = 0; i < n; i++) {
		mi_cinfo ci;
		mi_cand *v;
		size_t m;
		cinfo_init(&ci, mt, cases[i]);
		if ((rc = batch_candidates(mt, &ci, n, &v, &m, &cut)) != 0)
			goto fail;
		if (cut)
			b->exact = 0;
		if (used + m > cap) {
			size_t ncap = cap ? cap : 1024;
			uint32_t *nm;
			int64_t *ns;
			while (ncap < used + m)
				ncap *= 2;
			nm = mi_reallocarray(med, ncap, sizeof *med);
			if (nm == NULL) {
				mi_free(v);
				rc = MEDIATE_ENOMEM;
				goto fail;
			}
			med = nm;
			ns = mi_reallocarray(sc, ncap, sizeof *sc);
			if (ns == NULL) {
				mi_free(v);
				rc = MEDIATE_ENOMEM;
				goto fail;
			}
			sc = ns;
			cap = ncap;
		}
		for (j = 0; j < m; j++) {
			med[used] = v[j].idx;
			sc[used++] = v[j].score;
		}
		b->cands[i] = m;
		off[i + 1] = used;
		mi_free(v);
	}
	memset(&p, 0, sizeof p);
	p.n_cases = n;
	p.n_mediators = mt->n;
	p.capacity = capacity;
	p.cand_off = off;
	p.cand_med = med != NULL ? med : (uint32_t *)capacity;
	p.cand_score = sc != NULL ? sc : capacity;
	memset(&o, 0, sizeof o);
	o.prune = MI_ASSIGN_PRUNE_NONE;
	o.method = MI_ASSIGN_METHOD_SEARCH;
	if ((rc = mi_assign_solve(&ar, &p, &o)) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if (ar->mediator[i] != MI_ASSIGN_NONE) {
			size_t e;
			b->med[i] = mt->mm[ar->mediator[i]].m;
			for (e = off[i]; e < off[i + 1]; e++)
				if (med[e] == ar->mediator[i])
					b->score[i] = sc[e];
			b->assigned++;
		} else
			b->reason[i] = ar->reason[i] == MI_ASSIGN_OUTCOMPETED ? MEDIATE_MATCH_OUTCOMPETED
			                                                      : MEDIATE_MATCH_NO_ELIGIBLE;
	}
	b->total = ar->total_score;
	mi_assign_result_free(ar);
	mi_free(off);
	mi_free(med);
	mi_free(sc);
	mi_free(capacity);
	*out = b;
	return MEDIATE_OK;
fail:
	mediate_match_batch_free(b);
	mi_free(off);
	mi_free(med);
	mi_free(sc);
	mi_free(capacity);
	if (rc == MEDIATE_ENOMEM)
		return mi_err(rc, "match assign batch: out of memory");
	return rc;
}

size_t
mediate_match_batch_count(const mediate_match_batch *b)
{
	return b != NULL ? b->n : 0;
}

const mediate_mediator *
mediate_match_batch_mediator(const mediate_match_batch *b, size_t i)
{
	return b != NULL && i < b->n ? b->med[i] : NULL;
}

int64_t
mediate_match_batch_score(const mediate_match_batch *b, size_t i)
{
	return b != NULL && i < b->n ? b->score[i] : 0;
}

mediate_match_reason
mediate_match_batch_reason(const mediate_match_batch *b, size_t i)
{
	return b != NULL && i < b->n ? (mediate_match_reason)b->reason[i] : MEDIATE_MATCH_ELIGIBLE;
}

size_t
mediate_match_batch_candidates(const mediate_match_batch *b, size_t i)
{
	return b != NULL && i < b->n ? b->cands[i] : 0;
}

size_t
mediate_match_batch_assigned(const mediate_match_batch *b)
{
	return b != NULL ? b->assigned : 0;
}

int64_t
mediate_match_batch_total_score(const mediate_match_batch *b)
{
	return b != NULL ? b->total : 0;
}

int
mediate_match_batch_exact(const mediate_match_batch *b)
{
	return b != NULL ? b->exact : 0;
}

/* ---- joint mediation team ---- */

struct mediate_match_team {
	size_t count;
	const mediate_mediator *med[MEDIATE_MATCH_TEAM_MAX];
	int64_t score[MEDIATE_MATCH_TEAM_MAX];
	unsigned int covers[MEDIATE_MATCH_TEAM_MAX];
	int64_t total;
	int reason;
	const mediate_category *uncovered;
};

typedef struct mi_tc {
	int64_t score;
	uint32_t idx;
	unsigned int mask;
} mi_tc;

static int
cmp_tc_mask(const void *a, const void *b)
{
	const mi_tc *x = a, *y = b;
	if (x->mask != y->mask)
		return x->mask < y->mask ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
cmp_tc_best(const void *a, const void *b)
{
	const mi_tc *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Keeps the best `keep` of each mask group; returns the new count, best first. */
static size_t
keep_per_mask(mi_tc *v, size_t n, size_t keep)
{
	size_t i, m = 0, run = 0;
	qsort(v, n, sizeof *v, cmp_tc_mask);
	for (i = 0; i < n; i++) {
		run = i > 0 && v[i].mask == v[i - 1].mask ? run + 1 : 0;
		if (run < keep)
			v[m++] = v[i];
	}
	qsort(v, m, sizeof *v, cmp_tc_best);
	return m;
}

typedef struct mi_tsearch {
	const mi_tc *mem;
	size_t nmem;
	size_t *twin;             /* by member: the one before it with the same mask and score, or SIZE_MAX */
	size_t *cov_off;          /* by need: positions in cov of the members covering it, best first */
	uint32_t *cov;
	int64_t maxmem;
	unsigned int maxcov;      /* most needs one member covers */
	const mi_tc *lead;
	uint32_t chosen[MEDIATE_MATCH_TEAM_MAX];
	size_t nch;
	int64_t cur;
	int found;
	int64_t best;
	uint32_t best_lead;
	uint32_t best_mem[MEDIATE_MATCH_TEAM_MAX];
	size_t best_nm;
} mi_tsearch;

static void
team_consider(mi_tsearch *s)
{
	uint32_t m[MEDIATE_MATCH_TEAM_MAX];
	size_t i;
	int better;
	memcpy(m, s->chosen, s->nch * sizeof *m);
	qsort(m, s->nch, sizeof *m, cmp_u32);
	if (!s->found || s->cur > s->best)
		better = 1;
	else if (s->cur < s->best)
		better = 0;
	else if (s->lead->idx != s->best_lead)
		better = s->lead->idx < s->best_lead;
	else {
		better = 0;
		for (i = 0; i < s->nch; i++)
			if (m[i] != s->best_mem[i]) {
				better = m[i] < s->best_mem[i];
				break;
			}
	}
	if (!better)
		return;
	s->found = 1;
	s->best = s->cur;
	s->best_lead = s->lead->idx;
	memcpy(s->best_mem, m, s->nch * sizeof *m);
	s->best_nm = s->nch;
}

static int
popcount8(unsigned int v)
{
	int n = 0;
	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

/* Whether member k is the lead or chosen already. */
static int
team_taken(const mi_tsearch *s, size_t k)
{
	size_t q;
	if (s->mem[k].idx == s->lead->idx)
		return 1;
	for (q = 0; q < s->nch; q++)
		if (s->chosen[q] == s->mem[k].idx)
			return 1;
	return 0;
}

/*
 * Whether member k has an untaken twin before it (same mask, same score,
 * lower staff number).  Then k need not be tried: any team with k and
 * without the twin is beaten by the same team with the twin instead (same
 * total, lower staff numbers), and the search reaches that one too.  This
 * is what keeps ties cheap: among identical candidates only the first
 * untaken one is tried.
 */
static int
team_has_free_twin(const mi_tsearch *s, size_t k)
{
	size_t t;
	for (t = s->twin[k]; t != SIZE_MAX; t = s->twin[t])
		if (!team_taken(s, t))
			return 1;
	return 0;
}

static void
team_dfs(mi_tsearch *s, unsigned int rem, size_t slots)
{
	size_t j, p;
	if (rem == 0) {
		if (slots == 0)
			team_consider(s);
		return;
	}
	if (slots == 0 || (unsigned int)popcount8(rem) > slots * s->maxcov)
		return;   /* the places left cannot cover the needs left */
	for (j = 0; !(rem & (1u << j)); j++)
		;
	for (p = s->cov_off[j]; p < s->cov_off[j + 1]; p++) {
		const mi_tc *x = &s->mem[s->cov[p]];
		if (s->found && s->cur + x->score + (int64_t)(slots - 1) * s->maxmem < s->best)
			break;
		if (team_taken(s, s->cov[p]) || team_has_free_twin(s, s->cov[p]))
			continue;
		s->chosen[s->nch++] = x->idx;
		s->cur += x->score;
		team_dfs(s, rem & ~x->mask, slots - 1);
		s->cur -= x->score;
		s->nch--;
	}
}

void
mediate_match_team_free(mediate_match_team *t)
{
	mi_free(t);
}

mediate_status
mediate_match_form_team(mediate_match_team **out, const mediate_matcher *mt, const mediate_case *c,
                        const char *const *needs, size_t n_needs, size_t max_size)
{
	const mediate_category *cats[MEDIATE_MATCH_TEAM_MAX];
	mediate_match_team *t;
	mi_cinfo ci;
	mi_tc *leads = NULL, *mems = NULL;
	size_t nl = 0, nm = 0, i, j, s;
	unsigned int full;
	mi_tsearch st;
	int rc;

	if (out == NULL || mt == NULL || c == NULL || (needs == NULL && n_needs > 0))
		return mi_err(MEDIATE_EINVAL, "match team: NULL argument");
	if (n_needs > MEDIATE_MATCH_TEAM_MAX)
		return mi_err(MEDIATE_EINVAL, "match team: at most %u needed specialties, not %zu",
		              MEDIATE_MATCH_TEAM_MAX, n_needs);
	if (max_size == 0)
		max_size = mt->cfg->team_size;
	if (max_size > MEDIATE_MATCH_TEAM_MAX)
		return mi_err(MEDIATE_EINVAL, "match team: a team has at most %u people, not %zu",
		              MEDIATE_MATCH_TEAM_MAX, max_size);
	if ((rc = check_case(mt, c, "match team")) != 0)
		return rc;
	for (i = 0; i < n_needs; i++) {
		if (needs[i] == NULL)
			return mi_err(MEDIATE_EINVAL, "match team: need %zu is NULL", i);
		if ((cats[i] = mediate_policy_category_find(mt->policy, needs[i])) == NULL)
			return mi_err(MEDIATE_ENOTFOUND, "match team: the policy has no category \"%.64s\"", needs[i]);
		for (j = 0; j < i; j++)
			if (cats[j] == cats[i])
				return mi_err(MEDIATE_EINVAL, "match team: category \"%.64s\" is needed twice", needs[i]);
	}
	full = n_needs > 0 ? (1u << n_needs) - 1 : 0;
	cinfo_init(&ci, mt, c);
	for (i = 0; i < n_needs; i++)
		ci.target[ci.ntarget++] = (uint32_t)mediate_category_index(cats[i]);
	if ((t = mi_calloc(1, sizeof *t)) == NULL)
		return mi_err(MEDIATE_ENOMEM, "match team: out of memory");
	leads = mi_calloc(mt->n + 1, sizeof *leads);
	mems = mi_calloc(mt->n + 1, sizeof *mems);
	memset(&st, 0, sizeof st);
	st.cov_off = mi_calloc(MEDIATE_MATCH_TEAM_MAX + 1, sizeof *st.cov_off);
	if (leads == NULL || mems == NULL || st.cov_off == NULL)
		goto nomem;
	/* The candidates: who may lead, who may be a member, and what each covers. */
	{
		unsigned int seen_mask = 0;
		for (i = 0; i < mt->n; i++) {
			const mediate_mediator *m = mt->mm[i].m;
			mi_tc x;
			size_t q;
			if (reason_of(mt, &ci, (uint32_t)i, 1) != 0)
				continue;
			x.idx = (uint32_t)i;
			x.mask = 0;
			for (j = 0; j < n_needs; j++)
				for (q = 0; q < m->specialty_count; q++)
					if (is_within(mt, (uint32_t)mediate_category_index(cats[j]), m->specialties[q].category)) {
						x.mask |= 1u << j;
						break;
					}
			x.score = score_of(mt, &ci, (uint32_t)i, NULL, NULL);
			seen_mask |= x.mask;
			if (reason_of(mt, &ci, (uint32_t)i, 0) == 0)
				leads[nl++] = x;
			if (x.mask != 0)
				mems[nm++] = x;
		}
		if (nl == 0)
			t->reason = MEDIATE_MATCH_NO_ELIGIBLE;
		else if (seen_mask != full) {
			t->reason = MEDIATE_MATCH_NOT_COVERED;
			for (j = 0; j < n_needs; j++)
				if (!(seen_mask & (1u << j))) {
					t->uncovered = cats[j];
					break;
				}
		}
	}
	if (t->reason != 0)
		goto done;
	nl = keep_per_mask(leads, nl, max_size);
	nm = keep_per_mask(mems, nm, max_size);
	st.mem = mems;
	st.nmem = nm;
	if ((st.twin = mi_calloc(nm + 1, sizeof *st.twin)) == NULL)
		goto nomem;
	for (i = 0; i < nm; i++) {   /* mems is best first: twins are in staff order */
		st.twin[i] = SIZE_MAX;
		for (j = i; j-- > 0 && mems[j].score == mems[i].score;)
			if (mems[j].mask == mems[i].mask) {
				st.twin[i] = j;
				break;
			}
	}
	st.maxmem = nm > 0 ? mems[0].score : 0;
	for (i = 0; i < nm; i++)
		if ((unsigned int)popcount8(mems[i].mask) > st.maxcov)
			st.maxcov = (unsigned int)popcount8(mems[i].mask);
	for (i = 0; i < nm; i++)
		for (j = 0; j < n_needs; j++)
			if (mems[i].mask & (1u << j))
				st.cov_off[j + 1]++;
	for (j = 0; j < MEDIATE_MATCH_TEAM_MAX; j++)
		st.cov_off[j + 1] += st.cov_off[j];
	if ((st.cov = mi_calloc(st.cov_off[MEDIATE_MATCH_TEAM_MAX] + 1, sizeof *st.cov)) == NULL)
		goto nomem;
	{
		size_t fill[MEDIATE_MATCH_TEAM_MAX];
		memset(fill, 0, sizeof fill);
		for (i = 0; i < nm; i++)   /* mems is best first, so each list is too */
			for (j = 0; j < n_needs; j++)
				if (mems[i].mask & (1u << j))
					st.cov[st.cov_off[j] + fill[j]++] = (uint32_t)i;
	}
	for (s = 1; s <= max_size && !st.found; s++)
		for (i = 0; i < nl; i++) {
			int64_t bound = leads[i].score + (int64_t)(s - 1) * st.maxmem;
			st.lead = &leads[i];
			if (st.found && bound < st.best)
				break;
			/* an equal total only wins with a lower lead staff number */
			if (st.found && bound == st.best && leads[i].idx > st.best_lead)
				continue;
			st.nch = 0;
			st.cur = leads[i].score;
			team_dfs(&st, full & ~leads[i].mask, s - 1);
		}
	if (!st.found) {
		t->reason = MEDIATE_MATCH_NOT_COVERED;
		goto done;
	}
	{
		mi_tc pick[MEDIATE_MATCH_TEAM_MAX];
		size_t np = 0;
		for (i = 0; i < nl; i++)
			if (leads[i].idx == st.best_lead)
				break;
		t->med[0] = mt->mm[st.best_lead].m;
		t->score[0] = leads[i].score;
		t->covers[0] = leads[i].mask;
		for (j = 0; j < st.best_nm; j++)
			for (i = 0; i < nm; i++)
				if (mems[i].idx == st.best_mem[j]) {
					pick[np++] = mems[i];
					break;
				}
		qsort(pick, np, sizeof *pick, cmp_tc_best);
		t->count = 1;
		t->total = t->score[0];
		for (j = 0; j < np; j++) {
			t->med[t->count] = mt->mm[pick[j].idx].m;
			t->score[t->count] = pick[j].score;
			t->covers[t->count++] = pick[j].mask;
			t->total += pick[j].score;
		}
	}
done:
	mi_free(leads);
	mi_free(mems);
	mi_free(st.cov_off);
	mi_free(st.cov);
	mi_free(st.twin);
	*out = t;
	return MEDIATE_OK;
nomem:
	mi_free(leads);
	mi_free(mems);
	mi_free(st.cov_off);
	mi_free(st.cov);
	mi_free(st.twin);
	mi_free(t);
	return mi_err(MEDIATE_ENOMEM, "match team: out of memory");
}

size_t
mediate_match_team_count(const mediate_match_team *t)
{
	return t != NULL ? t->count : 0;
}

const mediate_mediator *
mediate_match_team_mediator(const mediate_match_team *t, size_t i)
{
	return t != NULL && i < t->count ? t->med[i] : NULL;
}

int64_t
mediate_match_team_score(const mediate_match_team *t, size_t i)
{
	return t != NULL && i < t->count ? t->score[i] : 0;
}

unsigned int
mediate_match_team_covers(const mediate_match_team *t, size_t i)
{
	return t != NULL && i < t->count ? t->covers[i] : 0;
}

int64_t
mediate_match_team_total_score(const mediate_match_team *t)
{
	return t != NULL ? t->total : 0;
}

mediate_match_reason
mediate_match_team_reason(const mediate_match_team *t)
{
	return t != NULL ? (mediate_match_reason)t->reason : MEDIATE_MATCH_ELIGIBLE;
}

const mediate_category *
mediate_match_team_uncovered(const mediate_match_team *t)
{
	return t != NULL ? t->uncovered : NULL;
}

/* ---- for the benchmark: a full row of scores ---- */

int
mi_match_score_row(const mediate_matcher *mt, const mediate_case *c, int64_t *row)
{
	mi_cinfo ci;
	size_t i;
	if (mt == NULL || c == NULL || row == NULL)
		return mi_err(MEDIATE_EINVAL, "match score row: NULL argument");
	cinfo_init(&ci, mt, c);
	for (i = 0; i < mt->n; i++)
		row[i] = reason_of(mt, &ci, (uint32_t)i, 0) != 0 ? -1 : score_of(mt, &ci, (uint32_t)i, NULL, NULL);
	return 0;
}

const mediate_mediator *
mi_matcher_at(const mediate_matcher *mt, size_t pos)
{
	return mt != NULL && pos < mt->n ? mt->mm[pos].m : NULL;
}
