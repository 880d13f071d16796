/* SPDX-License-Identifier: MIT */
/*
 * Ratings of mediators and their outcome record (include/mediate/rating.h).
 *
 * Read top to bottom: the policy section "ratings", the store (hash tables
 * keyed by case number and party, by case number, by mediator id), the
 * integrity rules of recording and rating, exclusion, the getters, the
 * aggregates (Bayesian average, Wilson lower bound, decay), and at the end
 * the YAML import and export (mediate-ratings(5)).
 *
 * Every change is made in two steps: first everything that can fail
 * (validation, copies, growing arrays and tables, creating the empty record
 * of a mediator not seen before), then the commit, which cannot fail.  An
 * empty mediator record is invisible through the API, so a failed call
 * changes nothing anyone can observe.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "case_priv.h"
#include "rating_priv.h"
#include "ydoc.h"
#include "yemit.h"

#define COMMENT_MAX 500u        /* bytes of a comment */
#define REASON_MAX 1000u        /* bytes of the reason of an exclusion */
#define RATINGS_FORMAT "mediate-ratings"
#define RATINGS_VERSION 1

/* ---- the policy section "ratings" ------------------------------------- */

void
mi_ratings_policy_get(mi_ratings_policy *out, const mediate_policy *p)
{
	if (p != NULL && p->ratings != NULL) {
		*out = *p->ratings;
		return;
	}
	out->prior_milli = MI_RATINGS_PRIOR_MILLI;
	out->prior_weight = MI_RATINGS_PRIOR_WEIGHT;
	out->z_milli = MI_RATINGS_Z_MILLI;
	out->half_life_days = MI_RATINGS_HALF_LIFE_DAYS;
}

/*
 * A decimal number with at most three decimals ("4.2", "1.96", "4") in
 * thousandths, between min and max thousandths.
 */
static int
yget_milli(ydiag *d, const ynode *n, const ypath *p, int64_t min, int64_t max, int64_t *out)
{
	const char *s;
	int64_t v = 0;
	int digits = 0, decimals = -1;

	if (n == NULL || n->kind != YNODE_SCALAR || !n->plain || ynode_is_null(n)) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected a number like 4.2, found %s%s",
		             n && n->kind == YNODE_SCALAR && !n->plain ? "quoted " : "", ynode_kind_name(n));
		return MEDIATE_EVALIDATE;
	}
	for (s = n->str; *s; s++) {
		if (*s == '.' && decimals < 0 && digits > 0) {
			decimals = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || decimals >= 3 || digits >= 9)
			goto bad;
		v = v * 10 + (*s - '0');
		if (decimals >= 0)
			decimals++;
		digits++;
	}
	if (digits == 0 || decimals == 0)
		goto bad;
	for (; decimals < 3; decimals = decimals < 0 ? 1 : decimals + 1)
		v *= 10;
	if (v < min || v > max) {
		ydiag_report(d, MEDIATE_ERANGE, n, p, "%s is out of range (%lld.%03lld to %lld.%03lld)", n->str,
		             (long long)(min / 1000), (long long)(min % 1000), (long long)(max / 1000),
		             (long long)(max % 1000));
		return MEDIATE_ERANGE;
	}
	*out = v;
	return 0;
bad:
	ydiag_report(d, MEDIATE_EVALIDATE, n, p,
	             "\"%.40s\" is not a number with at most 3 decimals, like 4.2 or 1.96", n->str);
	return MEDIATE_EVALIDATE;
}

int
mi_ratings_policy_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "prior_mean", "prior_weight", "z", "half_life_days", NULL };
	mi_ratings_policy *rp;
	const ynode *v;
	int64_t x;
	size_t mark;
	unsigned int before = d->count;

	if (n == NULL)
		return 0;   /* the defaults: mi_ratings_policy_get() */
	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	ymap_check_keys(d, n, path, keys);
	if ((rp = mi_calloc(1, sizeof *rp)) == NULL)
		return MEDIATE_ENOMEM;
	mi_ratings_policy_get(rp, NULL);
	p->ratings = rp;
	if ((v = ymap_get(n, "prior_mean")) != NULL) {
		mark = ypath_key(path, "prior_mean");
		if (yget_milli(d, v, path, 1000, 5000, &x) == 0)
			rp->prior_milli = (int32_t)x;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "prior_weight")) != NULL) {
		mark = ypath_key(path, "prior_weight");
		if (yget_int(d, v, path, 0, 1000000, &x) == 0)
			rp->prior_weight = (uint32_t)x;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "z")) != NULL) {
		mark = ypath_key(path, "z");
		if (yget_milli(d, v, path, 1, 10000, &x) == 0)
			rp->z_milli = (int32_t)x;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "half_life_days")) != NULL) {
		mark = ypath_key(path, "half_life_days");
		if (yget_int(d, v, path, 0, 36500, &x) == 0)
			rp->half_life_days = (uint32_t)x;
		ypath_pop(path, mark);
	}
	return d->count > before ? MEDIATE_EVALIDATE : 0;
}

void
mi_ratings_policy_free(mediate_policy *p)
{
	mi_free(p->ratings);
	p->ratings = NULL;
}

int32_t
mediate_policy_rating_prior_milli(const mediate_policy *policy)
{
	mi_ratings_policy rp;
	mi_ratings_policy_get(&rp, policy);
	return rp.prior_milli;
}

uint32_t
mediate_policy_rating_prior_weight(const mediate_policy *policy)
{
	mi_ratings_policy rp;
	mi_ratings_policy_get(&rp, policy);
	return rp.prior_weight;
}

int32_t
mediate_policy_rating_z_milli(const mediate_policy *policy)
{
	mi_ratings_policy rp;
	mi_ratings_policy_get(&rp, policy);
	return rp.z_milli;
}

uint32_t
mediate_policy_rating_half_life_days(const mediate_policy *policy)
{
	mi_ratings_policy rp;
	mi_ratings_policy_get(&rp, policy);
	return rp.half_life_days;
}

/* ---- the store ---------------------------------------------------------- */

struct mediate_rating {
	char *case_number;
	char *party_id;
	unsigned int stars;
	char *comment;              /* or NULL */
	int64_t at;
	int offset;                 /* minutes east of UTC, for the YAML times */
	size_t mediator_count;
	char **mediators;           /* the mediators of the case when it was rated */
	int excluded;
	char *reason, *actor;       /* set when excluded */
	int64_t excluded_at;
};

/* The outcome of one ended case.  Replaced in place when recorded again. */
typedef struct mi_outcome {
	char *case_number;
	int64_t ended_at;
	int offset;
	mediate_case_outcome result;
	size_t mediator_count;
	char **mediators;
} mi_outcome;

struct mi_rating_med {
	char *id;
	size_t nr, capr;
	mediate_rating **r;         /* ratings crediting this mediator, in insertion order */
	size_t no, capo;
	mi_outcome **o;             /* outcomes naming this mediator */
};

/*
 * An open-addressing hash table of object pointers; the objects hold their
 * keys (one or two strings).  Entries are never removed.
 */
typedef struct htab {
	size_t cap;                 /* 0 or a power of two */
	size_t count;
	void **obj;
	uint64_t *hash;
} htab;

struct mediate_ratings {
	const mediate_policy *policy;
	mi_ratings_policy params;
	size_t count, cap;
	mediate_rating **ratings;   /* insertion order */
	size_t ocount, ocap;
	mi_outcome **outcomes;      /* insertion order */
	size_t mcount, mcap;
	mi_rating_med **meds;
	htab by_rating;             /* (case number, party id) -> mediate_rating */
	htab by_case;               /* case number -> mi_outcome */
	htab by_med;                /* mediator id -> mi_rating_med */
};

const mediate_policy *
mi_ratings_policy_of(const mediate_ratings *ratings)
{
	return ratings->policy;
}

static uint64_t
hash2(const char *a, const char *b)
{
	uint64_t h = 1469598103934665603ULL;
	const unsigned char *p;
	for (p = (const unsigned char *)a; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	h = (h ^ 0xFFu) * 1099511628211ULL;
	if (b != NULL)
		for (p = (const unsigned char *)b; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
	return h ^ (h >> 29);
}

typedef int (*htab_eq)(const void *obj, const char *a, const char *b);

static int
eq_rating(const void *obj, const char *a, const char *b)
{
	const mediate_rating *r = obj;
	return strcmp(r->case_number, a) == 0 && strcmp(r->party_id, b) == 0;
}

static int
eq_outcome(const void *obj, const char *a, const char *b)
{
	(void)b;
	return strcmp(((const mi_outcome *)obj)->case_number, a) == 0;
}

static int
eq_med(const void *obj, const char *a, const char *b)
{
	(void)b;
	return strcmp(((const mi_rating_med *)obj)->id, a) == 0;
}

static void *
htab_find(const htab *t, uint64_t h, const char *a, const char *b, htab_eq eq)
{
	size_t i;
	if (t->cap == 0)
		return NULL;
	for (i = (size_t)h & (t->cap - 1); t->obj[i] != NULL; i = (i + 1) & (t->cap - 1))
		if (t->hash[i] == h && eq(t->obj[i], a, b))
			return t->obj[i];
	return NULL;
}

static void
htab_put_raw(void **obj, uint64_t *hash, size_t cap, uint64_t h, void *o)
{
	size_t i;
	for (i = (size_t)h & (cap - 1); obj[i] != NULL; i = (i + 1) & (cap - 1))
		;
	obj[i] = o;
	hash[i] = h;
}

/* Makes room for extra more entries (load factor at most 1/2). */
static int
htab_reserve(htab *t, size_t extra)
{
	size_t cap = t->cap ? t->cap : 16, i;
	void **obj;
	uint64_t *hash;

	if (extra > SIZE_MAX / 4 - t->count)
		return MEDIATE_ENOMEM;
	while ((t->count + extra) * 2 > cap)
		cap *= 2;
	if (cap == t->cap)
		return 0;
	obj = mi_calloc(cap, sizeof *obj);
	hash = mi_calloc(cap, sizeof *hash);
	if (obj == NULL || hash == NULL) {
		mi_free(obj);
		mi_free(hash);
		return MEDIATE_ENOMEM;
	}
	for (i = 0; i < t->cap; i++)
		if (t->obj[i] != NULL)
			htab_put_raw(obj, hash, cap, t->hash[i], t->obj[i]);
	mi_free(t->obj);
	mi_free(t->hash);
	t->obj = obj;
	t->hash = hash;
	t->cap = cap;
	return 0;
}

/* Inserts after htab_reserve(): cannot fail. */
static void
htab_put(htab *t, uint64_t h, void *o)
{
	htab_put_raw(t->obj, t->hash, t->cap, h, o);
	t->count++;
}

static void
htab_free(htab *t)
{
	mi_free(t->obj);
	mi_free(t->hash);
	memset(t, 0, sizeof *t);
}

/* Grows an array of pointers to hold at least need items. */
static int
grow(void *arrp, size_t *cap, size_t need)
{
	void ***arr = arrp;
	size_t ncap;
	void **n;
	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 4;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / sizeof(void *))
			return MEDIATE_ENOMEM;
		ncap *= 2;
	}
	if ((n = mi_reallocarray(*arr, ncap, sizeof *n)) == NULL)
		return MEDIATE_ENOMEM;
	*arr = n;
	*cap = ncap;
	return 0;
}

static void
free_strs(char **v, size_t n)
{
	size_t i;
	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		mi_free(v[i]);
	mi_free(v);
}

static void
rating_free(mediate_rating *r)
{
	if (r == NULL)
		return;
	mi_free(r->case_number);
	mi_free(r->party_id);
	mi_free(r->comment);
	free_strs(r->mediators, r->mediator_count);
	mi_free(r->reason);
	mi_free(r->actor);
	mi_free(r);
}

static void
outcome_free(mi_outcome *o)
{
	if (o == NULL)
		return;
	mi_free(o->case_number);
	free_strs(o->mediators, o->mediator_count);
	mi_free(o);
}

mediate_status
mediate_ratings_new(mediate_ratings **out, const mediate_policy *policy)
{
	mediate_ratings *r;
	if (out == NULL || policy == NULL)
		return mi_err(MEDIATE_EINVAL, "ratings new: NULL argument");
	if ((r = mi_calloc(1, sizeof *r)) == NULL)
		return mi_nomem();
	r->policy = policy;
	mi_ratings_policy_get(&r->params, policy);
	*out = r;
	return 0;
}

void
mediate_ratings_free(mediate_ratings *r)
{
	size_t i;
	if (r == NULL)
		return;
	for (i = 0; i < r->count; i++)
		rating_free(r->ratings[i]);
	for (i = 0; i < r->ocount; i++)
		outcome_free(r->outcomes[i]);
	for (i = 0; i < r->mcount; i++) {
		mi_free(r->meds[i]->id);
		mi_free(r->meds[i]->r);
		mi_free(r->meds[i]->o);
		mi_free(r->meds[i]);
	}
	mi_free(r->ratings);
	mi_free(r->outcomes);
	mi_free(r->meds);
	htab_free(&r->by_rating);
	htab_free(&r->by_case);
	htab_free(&r->by_med);
	mi_free(r);
}

static mi_rating_med *
med_find(const mediate_ratings *r, const char *id)
{
	return htab_find(&r->by_med, hash2(id, NULL), id, NULL, eq_med);
}

/* The record of a mediator, created empty when there is none (invisible). */
static mi_rating_med *
med_get(mediate_ratings *r, const char *id)
{
	mi_rating_med *m = med_find(r, id);
	if (m != NULL)
		return m;
	if (htab_reserve(&r->by_med, 1) != 0 || grow(&r->meds, &r->mcap, r->mcount + 1) != 0)
		return NULL;
	if ((m = mi_calloc(1, sizeof *m)) == NULL)
		return NULL;
	if ((m->id = mi_strdup(id)) == NULL) {
		mi_free(m);
		return NULL;
	}
	r->meds[r->mcount++] = m;
	htab_put(&r->by_med, hash2(id, NULL), m);
	return m;
}

static int
strv_has(char *const *v, size_t n, const char *s)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* ---- recording outcomes ---------------------------------------------- */

/*
 * Makes room to record fresh (a new outcome object, not yet in the store):
 * the tables, and a slot in the outcome list of each of its mediators that
 * is not already on the existing record of the case.
 */
static int
outcome_reserve(mediate_ratings *r, const mi_outcome *fresh)
{
	const mi_outcome *old = htab_find(&r->by_case, hash2(fresh->case_number, NULL), fresh->case_number,
	                                  NULL, eq_outcome);
	size_t i;
	if (old == NULL && (htab_reserve(&r->by_case, 1) != 0 || grow(&r->outcomes, &r->ocap, r->ocount + 1) != 0))
		return MEDIATE_ENOMEM;
	for (i = 0; i < fresh->mediator_count; i++) {
		mi_rating_med *m;
		if (old != NULL && strv_has(old->mediators, old->mediator_count, fresh->mediators[i]))
			continue;
		if ((m = med_get(r, fresh->mediators[i])) == NULL || grow(&m->o, &m->capo, m->no + 1) != 0)
			return MEDIATE_ENOMEM;
	}
	return 0;
}

static void
med_drop_outcome(mi_rating_med *m, const mi_outcome *o)
{
	size_t i;
	for (i = 0; i < m->no; i++)
		if (m->o[i] == o) {
			memmove(&m->o[i], &m->o[i + 1], (m->no - i - 1) * sizeof *m->o);
			m->no--;
			return;
		}
}

/* Records fresh after outcome_reserve(); takes it over (it may be freed). */
static void
outcome_commit(mediate_ratings *r, mi_outcome *fresh)
{
	uint64_t h = hash2(fresh->case_number, NULL);
	mi_outcome *old = htab_find(&r->by_case, h, fresh->case_number, NULL, eq_outcome);
	size_t i;

	if (old == NULL) {
		r->outcomes[r->ocount++] = fresh;
		htab_put(&r->by_case, h, fresh);
		for (i = 0; i < fresh->mediator_count; i++) {
			mi_rating_med *m = med_find(r, fresh->mediators[i]);
			m->o[m->no++] = fresh;
		}
		return;
	}
	/* Replace in place: the record keeps its place in the list and table. */
	for (i = 0; i < old->mediator_count; i++)
		if (!strv_has(fresh->mediators, fresh->mediator_count, old->mediators[i]))
			med_drop_outcome(med_find(r, old->mediators[i]), old);
	for (i = 0; i < fresh->mediator_count; i++)
		if (!strv_has(old->mediators, old->mediator_count, fresh->mediators[i])) {
			mi_rating_med *m = med_find(r, fresh->mediators[i]);
			m->o[m->no++] = old;
		}
	free_strs(old->mediators, old->mediator_count);
	old->mediators = fresh->mediators;
	old->mediator_count = fresh->mediator_count;
	old->ended_at = fresh->ended_at;
	old->offset = fresh->offset;
	old->result = fresh->result;
	fresh->mediators = NULL;
	fresh->mediator_count = 0;
	outcome_free(fresh);
}

/* When the case ended: the last transition into an outcome state. */
static int
case_ended_at(const mediate_case *c, int64_t *out)
{
	mediate_case_state st = mediate_case_get_state(c);
	mediate_case_outcome oc = mediate_case_get_outcome(c);
	size_t i;

	switch (st) {
	case MEDIATE_CASE_AGREEMENT: case MEDIATE_CASE_FAILED: case MEDIATE_CASE_WITHDRAWN:
	case MEDIATE_CASE_TRANSFERRED: case MEDIATE_CASE_FOLLOW_UP: case MEDIATE_CASE_CLOSED:
		break;
	default:
		return mi_err(MEDIATE_ESTATE, "case %s has not ended (state %s)",
		              mediate_case_number(c) ? mediate_case_number(c) : "(no number)",
		              mediate_case_state_name(st));
	}
	if (oc == 0 || oc == MEDIATE_OUTCOME_NONE)
		return mi_err(MEDIATE_ESTATE, "case %s has no outcome", mediate_case_number(c));
	for (i = mediate_case_event_count(c); i-- > 0;) {
		const mediate_case_event *e = mediate_case_event_at(c, i);
		mediate_case_state to = mediate_case_event_to(e);
		if (mediate_case_event_get_kind(e) == MEDIATE_EVENT_TRANSITION &&
		    (to == MEDIATE_CASE_AGREEMENT || to == MEDIATE_CASE_FAILED || to == MEDIATE_CASE_WITHDRAWN ||
		     to == MEDIATE_CASE_TRANSFERRED)) {
			*out = mediate_case_event_time(e);
			return 0;
		}
	}
	return mi_err(MEDIATE_ESTATE, "case %s: the timeline does not say when it ended", mediate_case_number(c));
}

/* Copies the mediator ids of a case. */
static int
case_mediators(const mediate_case *c, char ***out, size_t *n)
{
	size_t count = mediate_case_mediator_count(c), i;
	char **v = mi_calloc(count, sizeof *v);
	if (v == NULL)
		return mi_nomem();
	for (i = 0; i < count; i++)
		if ((v[i] = mi_strdup(mediate_case_mediator_id(mediate_case_mediator_at(c, i)))) == NULL) {
			free_strs(v, i);
			return mi_nomem();
		}
	*out = v;
	*n = count;
	return 0;
}

/* The checks of record_case() and a new outcome object from the case. */
static int
outcome_from_case(mi_outcome **out, const mediate_case *c, int64_t *ended_at)
{
	mi_outcome *o;
	int rc;
	if (mediate_case_number(c) == NULL)
		return mi_err(MEDIATE_EINVAL, "case %s has no number", mediate_case_id_text(c));
	if (mediate_case_mediator_count(c) == 0)
		return mi_err(MEDIATE_EINVAL, "case %s has no mediators", mediate_case_number(c));
	if ((rc = case_ended_at(c, ended_at)) != 0)
		return rc;
	if ((o = mi_calloc(1, sizeof *o)) == NULL || (o->case_number = mi_strdup(mediate_case_number(c))) == NULL) {
		outcome_free(o);
		return mi_nomem();
	}
	if ((rc = case_mediators(c, &o->mediators, &o->mediator_count)) != 0) {
		outcome_free(o);
		return rc;
	}
	o->ended_at = *ended_at;
	o->offset = mediate_case_offset(c);
	o->result = mediate_case_get_outcome(c);
	*out = o;
	return 0;
}

mediate_status
mediate_ratings_record_case(mediate_ratings *r, const mediate_case *c)
{
	mi_outcome *o;
	int64_t ended;
	int rc;
	if (r == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "record case: NULL argument");
	if ((rc = outcome_from_case(&o, c, &ended)) != 0)
		return rc;
	if (outcome_reserve(r, o) != 0) {
		outcome_free(o);
		return mi_nomem();
	}
	outcome_commit(r, o);
	return 0;
}

/* ---- ratings ------------------------------------------------------------ */

/* Text of 1..max bytes, valid UTF-8, no control characters but newline and tab. */
static int
check_text(const char *what, const char *s, size_t max)
{
	size_t len = strlen(s), i, bad = 0;
	if (len == 0)
		return mi_err(MEDIATE_EINVAL, "%s is empty", what);
	if (len > max)
		return mi_err(MEDIATE_ELIMIT, "%s is %zu bytes long; at most %zu are allowed", what, len, (size_t)max);
	if (mediate_utf8_validate(s, len, &bad) != 0)
		return mi_err(MEDIATE_EUTF8, "%s: invalid UTF-8 at byte %zu", what, bad);
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || ch == 0x7F)
			return mi_err(MEDIATE_EINVAL, "%s: control character 0x%02x at byte %zu", what, ch, i);
	}
	return 0;
}

/* A time that can be written (years 0001..9999). */
static int
check_time(const char *what, int64_t t, int offset)
{
	char b[MEDIATE_TIME_BUFSIZE];
	if (mediate_time_format(b, sizeof b, t, offset) != 0)
		return mi_err(MEDIATE_ERANGE, "%s: %lld is not a representable time", what, (long long)t);
	return 0;
}

static const mediate_rating *
rating_find(const mediate_ratings *r, const char *case_number, const char *party_id)
{
	return htab_find(&r->by_rating, hash2(case_number, party_id), case_number, party_id, eq_rating);
}

static int
rating_reserve(mediate_ratings *r, const mediate_rating *x)
{
	size_t i;
	if (htab_reserve(&r->by_rating, 1) != 0 || grow(&r->ratings, &r->cap, r->count + 1) != 0)
		return MEDIATE_ENOMEM;
	for (i = 0; i < x->mediator_count; i++) {
		mi_rating_med *m = med_get(r, x->mediators[i]);
		if (m == NULL || grow(&m->r, &m->capr, m->nr + 1) != 0)
			return MEDIATE_ENOMEM;
	}
	return 0;
}

static void
rating_commit(mediate_ratings *r, mediate_rating *x)
{
	size_t i;
	r->ratings[r->count++] = x;
	htab_put(&r->by_rating, hash2(x->case_number, x->party_id), x);
	for (i = 0; i < x->mediator_count; i++) {
		mi_rating_med *m = med_find(r, x->mediators[i]);
		m->r[m->nr++] = x;
	}
}

mediate_status
mediate_ratings_add(const mediate_rating **out, mediate_ratings *r, const mediate_case *c, const char *party_id,
                    unsigned int stars, const char *comment, int64_t at)
{
	const mediate_party *p;
	mediate_rating *x;
	mi_outcome *o = NULL;
	int64_t ended;
	int rc;

	if (r == NULL || c == NULL || party_id == NULL)
		return mi_err(MEDIATE_EINVAL, "rating add: NULL argument");
	if (stars < 1 || stars > 5)
		return mi_err(MEDIATE_ERANGE, "rating add: %u stars; a rating has 1 to 5", stars);
	if (comment != NULL && (rc = check_text("comment", comment, COMMENT_MAX)) != 0)
		return rc;
	if (mediate_case_number(c) == NULL)
		return mi_err(MEDIATE_EINVAL, "case %s has no number: it cannot be rated", mediate_case_id_text(c));
	if ((p = mediate_case_party_find(c, party_id)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "\"%.64s\" is not a party of case %s", party_id,
		              mediate_case_number(c));
	if (mediate_party_get_role(p) == MEDIATE_PARTY_AGENT)
		return mi_err(MEDIATE_EINVAL, "%s of case %s is an agent: only the parties themselves rate",
		              party_id, mediate_case_number(c));
	if (mediate_case_mediator_count(c) == 0)
		return mi_err(MEDIATE_EINVAL, "case %s has no mediators to rate", mediate_case_number(c));
	if ((rc = case_ended_at(c, &ended)) != 0)
		return rc;
	if ((rc = check_time("rating time", at, mediate_case_offset(c))) != 0)
		return rc;
	if (at < ended) {
		char b1[MEDIATE_TIME_BUFSIZE], b2[MEDIATE_TIME_BUFSIZE];
		mediate_time_format(b1, sizeof b1, at, mediate_case_offset(c));
		mediate_time_format(b2, sizeof b2, ended, mediate_case_offset(c));
		return mi_err(MEDIATE_ERANGE, "rating time %s is before case %s ended (%s)", b1,
		              mediate_case_number(c), b2);
	}
	if (rating_find(r, mediate_case_number(c), party_id) != NULL)
		return mi_err(MEDIATE_EEXISTS, "party %s has already rated case %s", party_id, mediate_case_number(c));

	if ((x = mi_calloc(1, sizeof *x)) == NULL)
		return mi_nomem();
	x->stars = stars;
	x->at = at;
	x->offset = mediate_case_offset(c);
	if ((x->case_number = mi_strdup(mediate_case_number(c))) == NULL || (x->party_id = mi_strdup(party_id)) == NULL ||
	    (comment != NULL && (x->comment = mi_strdup(comment)) == NULL) ||
	    case_mediators(c, &x->mediators, &x->mediator_count) != 0 ||
	    outcome_from_case(&o, c, &ended) != 0 || outcome_reserve(r, o) != 0 || rating_reserve(r, x) != 0) {
		rating_free(x);
		outcome_free(o);
		return mi_nomem();
	}
	outcome_commit(r, o);
	rating_commit(r, x);
	if (out != NULL)
		*out = x;
	return 0;
}

mediate_status
mediate_ratings_exclude(mediate_ratings *r, const char *case_number, const char *party_id, const char *reason,
                        const char *actor, int64_t at)
{
	mediate_rating *x;
	char *rs, *ac;
	int rc;

	if (r == NULL || case_number == NULL || party_id == NULL || reason == NULL || actor == NULL)
		return mi_err(MEDIATE_EINVAL, "rating exclude: NULL argument");
	if ((x = (mediate_rating *)rating_find(r, case_number, party_id)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "no rating of case %.96s by party %.64s", case_number, party_id);
	if ((rc = check_text("reason", reason, REASON_MAX)) != 0 || (rc = mi_case_check_actor_text(actor)) != 0 ||
	    (rc = check_time("exclusion time", at, x->offset)) != 0)
		return rc;
	if (x->excluded)
		return mi_err(MEDIATE_EEXISTS, "the rating of case %s by %s is already excluded", case_number, party_id);
	if (at < x->at)
		return mi_err(MEDIATE_ERANGE, "exclusion time is before the rating of case %s by %s", case_number,
		              party_id);
	rs = mi_strdup(reason);
	ac = mi_strdup(actor);
	if (rs == NULL || ac == NULL) {
		mi_free(rs);
		mi_free(ac);
		return mi_nomem();
	}
	x->excluded = 1;
	x->reason = rs;
	x->actor = ac;
	x->excluded_at = at;
	return 0;
}

/* ---- getters ------------------------------------------------------------ */

size_t
mediate_ratings_count(const mediate_ratings *r)
{
	return r ? r->count : 0;
}

const mediate_rating *
mediate_ratings_at(const mediate_ratings *r, size_t index)
{
	return r != NULL && index < r->count ? r->ratings[index] : NULL;
}

const mediate_rating *
mediate_ratings_find(const mediate_ratings *r, const char *case_number, const char *party_id)
{
	if (r == NULL || case_number == NULL || party_id == NULL)
		return NULL;
	return rating_find(r, case_number, party_id);
}

const char *
mediate_rating_case_number(const mediate_rating *x)
{
	return x ? x->case_number : NULL;
}

const char *
mediate_rating_party_id(const mediate_rating *x)
{
	return x ? x->party_id : NULL;
}

unsigned int
mediate_rating_stars(const mediate_rating *x)
{
	return x ? x->stars : 0;
}

const char *
mediate_rating_comment(const mediate_rating *x)
{
	return x ? x->comment : NULL;
}

int64_t
mediate_rating_at(const mediate_rating *x)
{
	return x ? x->at : 0;
}

size_t
mediate_rating_mediator_count(const mediate_rating *x)
{
	return x ? x->mediator_count : 0;
}

const char *
mediate_rating_mediator_at(const mediate_rating *x, size_t index)
{
	return x != NULL && index < x->mediator_count ? x->mediators[index] : NULL;
}

int
mediate_rating_excluded(const mediate_rating *x)
{
	return x ? x->excluded : 0;
}

const char *
mediate_rating_exclusion_reason(const mediate_rating *x)
{
	return x ? x->reason : NULL;
}

const char *
mediate_rating_exclusion_actor(const mediate_rating *x)
{
	return x ? x->actor : NULL;
}

int64_t
mediate_rating_exclusion_at(const mediate_rating *x)
{
	return x != NULL && x->excluded ? x->excluded_at : 0;
}

/* ---- aggregates --------------------------------------------------------- */

/* Rounds to the nearest integer, halves away from zero (within 1e-9). */
static int32_t
round_half_away(double x)
{
	double a = fabs(x), f = floor(a), v;
	v = a - f >= 0.5 - 1e-9 ? f + 1.0 : f;
	if (v > 2147483647.0)
		v = 2147483647.0;
	return (int32_t)(x < 0 ? -v : v);
}

/* num / den rounded to nearest, halves up (num >= 0, den > 0). */
static int32_t
div_round(uint64_t num, uint64_t den)
{
	return (int32_t)((2 * num + den) / (2 * den));
}

/* The weight 0.5^(age / half-life) of something dated t, seen at at (t <=
 * at).  The age is taken in double: at - t overflows int64 for an at near
 * INT64_MAX and a t before 1970. */
static double
decay(const mi_ratings_policy *p, int64_t t, int64_t at)
{
	double age_days = ((double)at - (double)t) / 86400.0;
	return exp2(-age_days / (double)p->half_life_days);
}

/* Wilson score interval lower bound of p out of n trials at z, per mille. */
static int32_t
wilson_milli(double p, double n, double z)
{
	double z2 = z * z, lb;
	if (n <= 0)
		return 0;
	lb = (p + z2 / (2 * n) - z * sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n);
	/* A decayed n so small (a subnormal) that z2 / n overflows gives
	 * inf - inf: NaN.  The bound tends to 0 as n does. */
	if (!(lb >= 0))
		lb = 0;
	if (lb > 1)
		lb = 1;
	return round_half_away(lb * 1000.0);
}

void
mi_rating_med_summary(mediate_rating_summary *out, const mediate_ratings *r, const mi_rating_med *m, int64_t at)
{
	const mi_ratings_policy *P = &r->params;
	uint64_t sum = 0;
	double wsum = 0, wstars = 0, wn = 0, wa = 0;
	size_t i;

	memset(out, 0, sizeof *out);
	if (m != NULL) {
		for (i = 0; i < m->nr; i++) {
			const mediate_rating *x = m->r[i];
			if (x->at > at)
				continue;
			if (x->excluded && x->excluded_at <= at) {
				out->excluded++;
				continue;
			}
			out->count++;
			out->stars[x->stars - 1]++;
			sum += x->stars;
			if (P->half_life_days > 0) {
				double w = decay(P, x->at, at);
				wsum += w;
				wstars += w * x->stars;
			}
		}
		for (i = 0; i < m->no; i++) {
			const mi_outcome *o = m->o[i];
			int agreed = o->result == MEDIATE_OUTCOME_AGREEMENT;
			if (o->ended_at > at)
				continue;
			out->ended++;
			out->agreements += (uint32_t)agreed;
			if (P->half_life_days > 0) {
				double w = decay(P, o->ended_at, at);
				wn += w;
				wa += agreed ? w : 0;
			}
		}
	}
	if (out->count > 0)
		out->mean_milli = div_round(1000 * sum, out->count);
	if (P->half_life_days == 0) {
		/* Exact: (C x m + 1000 x sum) / (C + n) in thousandths. */
		uint64_t den = (uint64_t)P->prior_weight + out->count;
		out->bayes_milli = den == 0 ? P->prior_milli
		                            : div_round((uint64_t)P->prior_weight * (uint64_t)P->prior_milli + 1000 * sum, den);
	} else {
		double den = (double)P->prior_weight + wsum;
		if (out->count == 0)
			out->bayes_milli = P->prior_milli;
		else if (den > 0)
			out->bayes_milli = round_half_away(((double)P->prior_weight * P->prior_milli + 1000.0 * wstars) / den);
		else
			out->bayes_milli = out->mean_milli;   /* every weight underflowed, no prior */
	}
	if (out->ended > 0) {
		out->success_milli = div_round(1000 * (uint64_t)out->agreements, out->ended);
		if (P->half_life_days == 0)
			out->wilson_milli = wilson_milli((double)out->agreements / out->ended, out->ended, P->z_milli / 1000.0);
		else if (wn > 0)
			out->wilson_milli = wilson_milli(wa / wn, wn, P->z_milli / 1000.0);
	}
}

const mi_rating_med *
mi_ratings_mediator(const mediate_ratings *r, const char *mediator_id)
{
	if (r == NULL || mediator_id == NULL)
		return NULL;
	return med_find(r, mediator_id);
}

int
mi_ratings_summaries(mediate_rating_summary *out, const mediate_ratings *r, const char *const *ids, size_t n,
                     int64_t at)
{
	size_t i;
	if (r == NULL || (n > 0 && (out == NULL || ids == NULL)))
		return mi_err(MEDIATE_EINVAL, "ratings summaries: NULL argument");
	for (i = 0; i < n; i++)
		mi_rating_med_summary(&out[i], r, ids[i] != NULL ? med_find(r, ids[i]) : NULL, at);
	return 0;
}

mediate_status
mediate_ratings_summary(mediate_rating_summary *out, const mediate_ratings *r, const char *mediator_id, int64_t at)
{
	if (out == NULL || r == NULL || mediator_id == NULL)
		return mi_err(MEDIATE_EINVAL, "ratings summary: NULL argument");
	mi_rating_med_summary(out, r, med_find(r, mediator_id), at);
	return 0;
}

/* ---- YAML export -------------------------------------------------------- */

static void
kv(yemit *e, const char *k, const char *v, int style)
{
	yemit_scalar(e, k, YEMIT_PLAIN);
	yemit_scalar(e, v, style);
}

static void
kv_time(yemit *e, const char *k, int64_t t, int offset)
{
	char b[MEDIATE_TIME_BUFSIZE];
	if (e->rc == 0 && (e->rc = mediate_time_format(b, sizeof b, t, offset)) == 0)
		kv(e, k, b, YEMIT_PLAIN);
}

static void
kv_list(yemit *e, const char *k, char *const *v, size_t n)
{
	size_t i;
	yemit_scalar(e, k, YEMIT_PLAIN);
	yemit_seq_start(e);
	for (i = 0; i < n; i++)
		yemit_scalar(e, v[i], YEMIT_TEXT);
	yemit_seq_end(e);
}

static void
emit_store(yemit *e, const mediate_ratings *r)
{
	char b[32];
	size_t i;

	yemit_map_start(e);
	kv(e, "format", RATINGS_FORMAT, YEMIT_PLAIN);
	snprintf(b, sizeof b, "%d", RATINGS_VERSION);
	kv(e, "version", b, YEMIT_PLAIN);
	yemit_scalar(e, "outcomes", YEMIT_PLAIN);
	yemit_seq_start(e);
	for (i = 0; i < r->ocount && e->rc == 0; i++) {
		const mi_outcome *o = r->outcomes[i];
		yemit_map_start(e);
		kv(e, "case", o->case_number, YEMIT_TEXT);
		kv(e, "result", mediate_case_outcome_name(o->result), YEMIT_PLAIN);
		kv_time(e, "ended_at", o->ended_at, o->offset);
		kv_list(e, "mediators", o->mediators, o->mediator_count);
		yemit_map_end(e);
	}
	yemit_seq_end(e);
	yemit_scalar(e, "ratings", YEMIT_PLAIN);
	yemit_seq_start(e);
	for (i = 0; i < r->count && e->rc == 0; i++) {
		const mediate_rating *x = r->ratings[i];
		yemit_map_start(e);
		kv(e, "case", x->case_number, YEMIT_TEXT);
		kv(e, "party", x->party_id, YEMIT_TEXT);
		snprintf(b, sizeof b, "%u", x->stars);
		kv(e, "stars", b, YEMIT_PLAIN);
		kv_time(e, "at", x->at, x->offset);
		if (x->comment != NULL)
			kv(e, "comment", x->comment, YEMIT_TEXT);
		kv_list(e, "mediators", x->mediators, x->mediator_count);
		if (x->excluded) {
			yemit_scalar(e, "excluded", YEMIT_PLAIN);
			yemit_map_start(e);
			kv_time(e, "at", x->excluded_at, x->offset);
			kv(e, "actor", x->actor, YEMIT_TEXT);
			kv(e, "reason", x->reason, YEMIT_TEXT);
			yemit_map_end(e);
		}
		yemit_map_end(e);
	}
	yemit_seq_end(e);
	yemit_map_end(e);
}

mediate_status
mediate_ratings_to_yaml(char **out, size_t *len, const mediate_ratings *r)
{
	yemit e;
	int rc;

	if (out == NULL || r == NULL)
		return mi_err(MEDIATE_EINVAL, "ratings to YAML: NULL argument");
	if ((rc = yemit_open(&e, 0)) != 0)
		return rc;
	emit_store(&e, r);
	return yemit_close(&e, out, len);
}

/* ---- YAML import -------------------------------------------------------- */

typedef struct loader {
	ydiag *d;
	ypath path;
	mediate_ratings *r;
	int nomem;
} loader;

static void
nomem(loader *L)
{
	if (!L->nomem && L->d->count == 0)
		ydiag_report_at(L->d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
	L->nomem = 1;
}

/* Reports the thread's last error (from a check) at node n. */
static void
fail_at(loader *L, int rc, const ynode *n)
{
	if (rc == MEDIATE_ENOMEM)
		nomem(L);
	else
		ydiag_report(L->d, rc, n, &L->path, "%s", mediate_error_last()->text);
}

/* A required key: its value, with the path pushed (pop with *mark). */
static const ynode *
req(loader *L, const ynode *map, const char *key, size_t *mark)
{
	const ynode *v = yreq(L->d, map, &L->path, key);
	if (v != NULL)
		*mark = ypath_key(&L->path, key);
	return v;
}

/* "<unit>-<year>-<6 digits>" with a unit of the policy. */
static int
check_case_number(const mediate_policy *policy, const char *s)
{
	char unit[MEDIATE_CASE_NUMBER_BUFSIZE];
	size_t len = strlen(s), i;
	if (len < 13 || len - 12 >= sizeof unit || s[len - 12] != '-' || s[len - 7] != '-')
		goto bad;
	for (i = len - 11; i < len; i++)
		if (i != len - 7 && (s[i] < '0' || s[i] > '9'))
			goto bad;
	memcpy(unit, s, len - 12);
	unit[len - 12] = '\0';
	if (mediate_policy_unit_find(policy, unit) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "case number \"%.96s\": unknown unit \"%s\"", s, unit);
	return 0;
bad:
	return mi_err(MEDIATE_EVALIDATE, "case number \"%.96s\": expected <unit>-<year>-<6 digits>, "
	              "like YZ-SJ-2026-000123", s);
}

/* A string value that passes check (may be NULL); *out borrowed. */
static int
get_str(loader *L, const ynode *v, const char **out, int (*check)(const char *what, const char *s),
        const char *what)
{
	int rc;
	if (yget_str(L->d, v, &L->path, out) != 0)
		return -1;
	if (check != NULL && (rc = check(what, *out)) != 0) {
		fail_at(L, rc, v);
		return -1;
	}
	return 0;
}

static const ynode *
get_case(loader *L, const ynode *map, const char **out)
{
	size_t m;
	const ynode *v = req(L, map, "case", &m);
	int rc;
	*out = NULL;
	if (v == NULL)
		return NULL;
	if (yget_str(L->d, v, &L->path, out) != 0) {
		*out = NULL;
		v = NULL;
	} else if ((rc = check_case_number(L->r->policy, *out)) != 0) {
		fail_at(L, rc, v);
		*out = NULL;
		v = NULL;
	}
	ypath_pop(&L->path, m);
	return v;
}

static const ynode *
get_time(loader *L, const ynode *map, const char *key, int64_t *t, int *offset)
{
	size_t m;
	const ynode *v = req(L, map, key, &m);
	if (v == NULL)
		return NULL;
	if (yget_time(L->d, v, &L->path, t, offset) != 0)
		v = NULL;
	ypath_pop(&L->path, m);
	return v;
}

/* The list "mediators": 1..32 unique ids; a new array of copies, or NULL. */
static char **
get_mediators(loader *L, const ynode *map, size_t *count)
{
	size_t m, i = 0;
	const ynode *v = req(L, map, "mediators", &m), *it;
	char **out = NULL;
	int bad = 0;

	*count = 0;
	if (v == NULL)
		return NULL;
	if (yget_seq(L->d, v, &L->path) != 0) {
		ypath_pop(&L->path, m);
		return NULL;
	}
	if (v->count == 0 || v->count > MEDIATE_CASE_MAX_MEDIATORS) {
		ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path, "%s",
		             v->count == 0 ? "at least one mediator is needed" : "at most 32 mediators");
		ypath_pop(&L->path, m);
		return NULL;
	}
	if ((out = mi_calloc(v->count, sizeof *out)) == NULL) {
		nomem(L);
		ypath_pop(&L->path, m);
		return NULL;
	}
	for (it = v->first; it != NULL; it = it->next, i++) {
		size_t mi = ypath_index(&L->path, i);
		const char *s;
		if (get_str(L, it, &s, mi_case_check_ident, "mediator id") != 0) {
			bad = 1;
		} else if (strv_has(out, *count, s)) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, it, &L->path, "mediator %s is listed twice", s);
			bad = 1;
		} else if ((out[*count] = mi_strdup(s)) == NULL) {
			nomem(L);
			bad = 1;
		} else {
			(*count)++;
		}
		ypath_pop(&L->path, mi);
	}
	ypath_pop(&L->path, m);
	if (bad) {
		free_strs(out, *count);
		*count = 0;
		return NULL;
	}
	return out;
}

static void
load_outcome(loader *L, const ynode *n)
{
	static const char *const keys[] = { "case", "result", "ended_at", "mediators", NULL };
	mi_outcome *o;
	const ynode *cv, *v;
	const char *number = NULL, *s;
	size_t m;
	int bad = 0;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((o = mi_calloc(1, sizeof *o)) == NULL) {
		nomem(L);
		return;
	}
	if ((cv = get_case(L, n, &number)) == NULL) {
		bad = 1;
	} else if (htab_find(&L->r->by_case, hash2(number, NULL), number, NULL, eq_outcome) != NULL) {
		size_t mc = ypath_key(&L->path, "case");
		ydiag_report(L->d, MEDIATE_EVALIDATE, cv, &L->path, "case %s already has an outcome", number);
		ypath_pop(&L->path, mc);
		bad = 1;
	}
	if ((v = req(L, n, "result", &m)) != NULL) {
		mediate_case_outcome oc;
		if (yget_str(L->d, v, &L->path, &s) != 0) {
			bad = 1;
		} else if (mediate_case_outcome_parse(&oc, s) != 0 || oc == MEDIATE_OUTCOME_NONE) {
			ydiag_report(L->d, MEDIATE_EVALIDATE, v, &L->path,
			             "\"%.40s\" is not an outcome: agreement, failed, withdrawn or transferred", s);
			bad = 1;
		} else {
			o->result = oc;
		}
		ypath_pop(&L->path, m);
	} else {
		bad = 1;
	}
	if (get_time(L, n, "ended_at", &o->ended_at, &o->offset) == NULL)
		bad = 1;
	if ((o->mediators = get_mediators(L, n, &o->mediator_count)) == NULL)
		bad = 1;
	if (bad || L->nomem || (o->case_number = mi_strdup(number)) == NULL) {
		if (!bad && !L->nomem)
			nomem(L);
		outcome_free(o);
		return;
	}
	if (outcome_reserve(L->r, o) != 0) {
		outcome_free(o);
		nomem(L);
		return;
	}
	outcome_commit(L->r, o);
}

static int
check_comment(const char *what, const char *s)
{
	return check_text(what, s, COMMENT_MAX);
}

static int
check_reason(const char *what, const char *s)
{
	return check_text(what, s, REASON_MAX);
}

static int
check_actor(const char *what, const char *s)
{
	(void)what;
	return mi_case_check_actor_text(s);
}

static void
load_exclusion(loader *L, mediate_rating *x, const ynode *n, int have_at, int *bad)
{
	static const char *const keys[] = { "at", "actor", "reason", NULL };
	const ynode *v;
	const char *s;
	size_t m;
	int off;

	if (yget_map(L->d, n, &L->path) != 0) {
		*bad = 1;
		return;
	}
	ymap_check_keys(L->d, n, &L->path, keys);
	x->excluded = 1;
	if ((v = get_time(L, n, "at", &x->excluded_at, &off)) == NULL) {
		*bad = 1;
	} else if (have_at && x->excluded_at < x->at) {
		size_t mk = ypath_key(&L->path, "at");
		ydiag_report(L->d, MEDIATE_ERANGE, v, &L->path, "the exclusion is dated before the rating");
		ypath_pop(&L->path, mk);
		*bad = 1;
	}
	if ((v = req(L, n, "actor", &m)) != NULL) {
		if (get_str(L, v, &s, check_actor, "actor") != 0)
			*bad = 1;
		else if ((x->actor = mi_strdup(s)) == NULL)
			nomem(L);
		ypath_pop(&L->path, m);
	} else {
		*bad = 1;
	}
	if ((v = req(L, n, "reason", &m)) != NULL) {
		if (get_str(L, v, &s, check_reason, "reason") != 0)
			*bad = 1;
		else if ((x->reason = mi_strdup(s)) == NULL)
			nomem(L);
		ypath_pop(&L->path, m);
	} else {
		*bad = 1;
	}
}

static void
load_rating(loader *L, const ynode *n)
{
	static const char *const keys[] = { "case", "party", "stars", "at", "comment", "mediators", "excluded", NULL };
	mediate_rating *x;
	const ynode *cv, *pv = NULL, *v;
	const char *number = NULL, *party = NULL, *s;
	size_t m;
	int64_t stars;
	int bad = 0, have_at = 1;

	if (yget_map(L->d, n, &L->path) != 0)
		return;
	ymap_check_keys(L->d, n, &L->path, keys);
	if ((x = mi_calloc(1, sizeof *x)) == NULL) {
		nomem(L);
		return;
	}
	cv = get_case(L, n, &number);
	if (cv == NULL)
		bad = 1;
	if ((v = req(L, n, "party", &m)) != NULL) {
		if (get_str(L, v, &party, mi_case_check_ident, "party id") != 0)
			bad = 1;
		else
			pv = v;
		ypath_pop(&L->path, m);
	} else {
		bad = 1;
	}
	if (number != NULL && party != NULL) {
		const mediate_rating *dup = rating_find(L->r, number, party);
		if (dup != NULL) {
			size_t mp = ypath_key(&L->path, "party");
			ydiag_report(L->d, MEDIATE_EEXISTS, pv, &L->path,
			             "party %s has already rated case %s: one rating per party per case", party, number);
			ypath_pop(&L->path, mp);
			bad = 1;
		} else if (htab_find(&L->r->by_case, hash2(number, NULL), number, NULL, eq_outcome) == NULL) {
			size_t mc = ypath_key(&L->path, "case");
			ydiag_report(L->d, MEDIATE_EVALIDATE, cv, &L->path,
			             "case %s has no outcome under \"outcomes\": only ended cases are rated", number);
			ypath_pop(&L->path, mc);
			bad = 1;
		}
	}
	if ((v = req(L, n, "stars", &m)) != NULL) {
		if (yget_int(L->d, v, &L->path, 1, 5, &stars) == 0)
			x->stars = (unsigned int)stars;
		else
			bad = 1;
		ypath_pop(&L->path, m);
	} else {
		bad = 1;
	}
	if (get_time(L, n, "at", &x->at, &x->offset) == NULL) {
		bad = 1;
		have_at = 0;
	}
	if ((v = ymap_get(n, "comment")) != NULL && !ynode_is_null(v)) {
		m = ypath_key(&L->path, "comment");
		if (get_str(L, v, &s, check_comment, "comment") != 0)
			bad = 1;
		else if ((x->comment = mi_strdup(s)) == NULL)
			nomem(L);
		ypath_pop(&L->path, m);
	}
	if ((x->mediators = get_mediators(L, n, &x->mediator_count)) == NULL)
		bad = 1;
	if ((v = ymap_get(n, "excluded")) != NULL) {
		m = ypath_key(&L->path, "excluded");
		load_exclusion(L, x, v, have_at, &bad);
		ypath_pop(&L->path, m);
	}
	if (bad || L->nomem || (x->case_number = mi_strdup(number)) == NULL ||
	    (x->party_id = mi_strdup(party)) == NULL) {
		if (!bad && !L->nomem)
			nomem(L);
		rating_free(x);
		return;
	}
	if (rating_reserve(L->r, x) != 0) {
		rating_free(x);
		nomem(L);
		return;
	}
	rating_commit(L->r, x);
}

static void
load_list(loader *L, const ynode *root, const char *key, void (*item)(loader *, const ynode *))
{
	const ynode *v = ymap_get(root, key), *it;
	size_t m, i = 0;
	if (v == NULL || ynode_is_null(v))
		return;
	m = ypath_key(&L->path, key);
	if (yget_seq(L->d, v, &L->path) == 0)
		for (it = v->first; it != NULL && !L->nomem && !ydiag_full(L->d); it = it->next, i++) {
			size_t mi = ypath_index(&L->path, i);
			item(L, it);
			ypath_pop(&L->path, mi);
		}
	ypath_pop(&L->path, m);
}

static int
load_doc(void *outp, const void *ctx, const char *data, size_t len, ydiag *d)
{
	mediate_ratings **out = outp;
	const mediate_policy *policy = ctx;
	static const char *const keys[] = { "format", "version", "outcomes", "ratings", NULL };
	loader L;
	ydoc doc;
	const ynode *v;
	size_t m;
	int rc;

	if ((rc = ydoc_parse(&doc, data != NULL ? data : "", len, d)) != 0)
		return rc;
	memset(&L, 0, sizeof L);
	L.d = d;
	if (doc.root == NULL || ynode_is_null(doc.root)) {
		ydiag_report_at(d, MEDIATE_EVALIDATE, 1, 1, NULL,
		                "the document is empty: expected format: " RATINGS_FORMAT ", version, outcomes, ratings");
		ydoc_free(&doc);
		return MEDIATE_EVALIDATE;
	}
	if (yget_map(d, doc.root, &L.path) != 0) {
		ydoc_free(&doc);
		return d->first_code;
	}
	ymap_check_keys(d, doc.root, &L.path, keys);
	if ((v = req(&L, doc.root, "format", &m)) != NULL) {
		const char *s;
		if (yget_str(d, v, &L.path, &s) == 0 && strcmp(s, RATINGS_FORMAT) != 0)
			ydiag_report(d, MEDIATE_EVALIDATE, v, &L.path, "format \"%.64s\" is not " RATINGS_FORMAT, s);
		ypath_pop(&L.path, m);
	}
	if ((v = req(&L, doc.root, "version", &m)) != NULL) {
		int64_t ver;
		if (yget_int(d, v, &L.path, 0, INT32_MAX, &ver) == 0 && ver != RATINGS_VERSION)
			ydiag_report(d, MEDIATE_EVALIDATE, v, &L.path,
			             "version %lld of the format is not supported (this library reads version %d)",
			             (long long)ver, RATINGS_VERSION);
		ypath_pop(&L.path, m);
	}
	if ((rc = mediate_ratings_new(&L.r, policy)) != 0) {
		nomem(&L);
	} else {
		load_list(&L, doc.root, "outcomes", load_outcome);
		load_list(&L, doc.root, "ratings", load_rating);
	}
	ydoc_free(&doc);
	if (L.nomem || d->count > 0) {
		mediate_ratings_free(L.r);
		return L.nomem ? MEDIATE_ENOMEM : d->first_code;
	}
	*out = L.r;
	return 0;
}


mediate_status
mediate_ratings_load_buffer(mediate_ratings **out, const mediate_policy *policy, const char *data, size_t len,
                            const char *name, const mediate_load_options *opts, mediate_error *err)
{
	static const ydoc_kind kind = { "ratings load", load_doc };

	if (out != NULL)
		*out = NULL;
	return ydoc_load_buffer(&kind, out, policy, data, len, name, opts, err);
}

static int
load_buffer(void *out, const void *policy, const char *data, size_t len, const char *name,
            const mediate_load_options *opts, mediate_error *err)
{
	return mediate_ratings_load_buffer(out, policy, data, len, name, opts, err);
}

mediate_status
mediate_ratings_load_file(mediate_ratings **out, const mediate_policy *policy, const char *path,
                          const mediate_load_options *opts, mediate_error *err)
{
	if (out != NULL)
		*out = NULL;
	return ydoc_load_file("ratings load", out, policy, 1, path, opts, err, load_buffer);
}
