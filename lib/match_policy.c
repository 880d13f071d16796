/* SPDX-License-Identifier: MIT */
/*
 * The policy section "matching" (mediate-policy(5)): the weights of the
 * score components and their parameters, the team size, the pruning of
 * batches and the mediation cars.  Every key is optional; an absent key
 * keeps its default, and an absent section is all defaults:
 *
 *   matching:
 *     weights: {specialty: 400, rating: 150, success: 150, level: 50,
 *               locality: 150, load: 50, language: 30, mode: 20}
 *     specialty:                       # by proficiency 1..5
 *       exact: [600, 700, 800, 900, 1000]
 *       ancestor: [300, 350, 400, 450, 500]
 *     locality: {station: 1000, town: 600, county: 200, distance_scale_m: 5000}
 *     level_step: 200
 *     valued_modes: [remote_video, mobile]
 *     team_size: 5
 *     batch_pruning: safe              # none | safe | top_k
 *     batch_top_k: 20
 *     cars:
 *       - {code: YZ-CAR-1, name: 移动调解车一号, base: YZ-LP, lat: 29.8190, lon: 121.5480}
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "match_priv.h"

static const struct mi_matching defaults = {
	{ 0, 400, 150, 150, 50, 150, 50, 30, 20 },
	{ 0, 600, 700, 800, 900, 1000 },
	{ 0, 300, 350, 400, 450, 500 },
	1000, 600, 200,
	5000,
	200,
	(1u << MEDIATE_MODE_REMOTE_VIDEO) | (1u << MEDIATE_MODE_MOBILE),
	5,
	MI_PRUNE_SAFE,
	20,
	0, NULL
};

static const char *const component_names[] = { NULL, "specialty", "rating", "success", "level", "locality",
	                                       "load", "language", "mode", NULL };

const struct mi_matching *
mi_matching_of(const mediate_policy *p)
{
	return p != NULL && p->matching != NULL ? p->matching : &defaults;
}

int64_t
mi_match_distance(int32_t lat1, int32_t lon1, int32_t lat2, int32_t lon2)
{
	const double rad = 3.14159265358979323846 / 180e6;
	double p1 = lat1 * rad, p2 = lat2 * rad;
	double dp = (double)(lat2 - lat1) * rad, dl = (double)((int64_t)lon2 - lon1) * rad;
	double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
	if (a > 1)
		a = 1;
	return (int64_t)llround(2 * 6371008.8 * asin(sqrt(a)));
}

/* ---- loading ---- */

static int
get_u32(ydiag *d, const ynode *map, ypath *path, const char *key, int64_t min, int64_t max, uint32_t *out)
{
	const ynode *v = ymap_get(map, key);
	int64_t x;
	size_t mark;
	int rc = 0;
	if (v == NULL)
		return 0;
	mark = ypath_key(path, key);
	if (yget_int(d, v, path, min, max, &x) != 0)
		rc = -1;
	else
		*out = (uint32_t)x;
	ypath_pop(path, mark);
	return rc;
}

/* A decimal number of degrees with at most 6 places -> micro-degrees. */
static int
get_degrees(ydiag *d, const ynode *v, const ypath *path, int64_t limit, int32_t *out)
{
	const char *s, *q;
	int64_t whole = 0, frac = 0;
	int neg = 0, places = 0, digits = 0;
	if (yget_str(d, v, path, &s) != 0)
		return -1;
	q = s;
	if (*q == '-' || *q == '+')
		neg = *q++ == '-';
	for (; *q >= '0' && *q <= '9'; q++, digits++)
		if ((whole = whole * 10 + (*q - '0')) > 1000)
			break;
	if (*q == '.')
		for (q++; *q >= '0' && *q <= '9' && places < 7; q++, places++)
			frac = frac * 10 + (*q - '0');
	if (digits == 0 || *q != '\0' || places > 6 || !v->plain) {
		ydiag_report(d, MEDIATE_EVALIDATE, v, path,
		             "\"%s\" is not a number of degrees with at most 6 decimal places", s);
		return -1;
	}
	while (places++ < 6)
		frac *= 10;
	whole = whole * 1000000 + frac;
	if (whole > limit) {
		ydiag_report(d, MEDIATE_ERANGE, v, path, "%s is out of range (at most %lld degrees)", s,
		             (long long)(limit / 1000000));
		return -1;
	}
	*out = (int32_t)(neg ? -whole : whole);
	return 0;
}

static int
load_weights(struct mi_matching *mt, const ynode *n, ydiag *d, ypath *path)
{
	size_t i;
	int rc = 0;
	if (yget_map(d, n, path) != 0)
		return -1;
	if (ymap_check_keys(d, n, path, component_names + 1) > 0)
		rc = -1;
	for (i = 1; i < MI_MATCH_NCOMP; i++)
		if (get_u32(d, n, path, component_names[i], 0, 1000, &mt->weight[i]) != 0)
			rc = -1;
	return rc;
}

static int
load_factors(uint32_t *out, const ynode *n, ydiag *d, ypath *path)
{
	const ynode *e;
	size_t i = 1;
	int rc = 0;
	if (yget_seq(d, n, path) != 0)
		return -1;
	if (n->count != MEDIATE_PROFICIENCY_MAX) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path, "give %d values, one per proficiency 1..%d (not %zu)",
		             MEDIATE_PROFICIENCY_MAX, MEDIATE_PROFICIENCY_MAX, n->count);
		return -1;
	}
	for (e = n->first; e != NULL; e = e->next, i++) {
		size_t mark = ypath_index(path, i - 1);
		int64_t x;
		if (yget_int(d, e, path, 0, 1000, &x) != 0)
			rc = -1;
		else
			out[i] = (uint32_t)x;
		ypath_pop(path, mark);
	}
	return rc;
}

static int
load_specialty(struct mi_matching *mt, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "exact", "ancestor", NULL };
	const ynode *v;
	size_t mark, i;
	int rc = 0;
	if (yget_map(d, n, path) != 0)
		return -1;
	if (ymap_check_keys(d, n, path, keys) > 0)
		rc = -1;
	if ((v = ymap_get(n, "exact")) != NULL) {
		mark = ypath_key(path, "exact");
		if (load_factors(mt->exact, v, d, path) != 0)
			rc = -1;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(n, "ancestor")) != NULL) {
		mark = ypath_key(path, "ancestor");
		if (load_factors(mt->ancestor, v, d, path) != 0)
			rc = -1;
		ypath_pop(path, mark);
	}
	if (rc == 0)
		for (i = 1; i <= MEDIATE_PROFICIENCY_MAX; i++)
			if (mt->ancestor[i] > mt->exact[i]) {
				ydiag_report(d, MEDIATE_EVALIDATE, n, path,
				             "an ancestor specialty may not score more than an exact one "
				             "(proficiency %zu: %u > %u)", i, mt->ancestor[i], mt->exact[i]);
				return -1;
			}
	return rc;
}

static int
load_locality(struct mi_matching *mt, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "station", "town", "county", "distance_scale_m", NULL };
	int rc = 0;
	if (yget_map(d, n, path) != 0)
		return -1;
	if (ymap_check_keys(d, n, path, keys) > 0)
		rc = -1;
	if (get_u32(d, n, path, "station", 0, 1000, &mt->loc_station) != 0 ||
	    get_u32(d, n, path, "town", 0, 1000, &mt->loc_town) != 0 ||
	    get_u32(d, n, path, "county", 0, 1000, &mt->loc_county) != 0)
		rc = -1;
	if (get_u32(d, n, path, "distance_scale_m", 1, 1000000, &mt->distance_scale) != 0)
		rc = -1;
	if (rc == 0 && (mt->loc_town > mt->loc_station || mt->loc_county > mt->loc_town)) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, path,
		             "locality values must not grow with distance: station %u >= town %u >= county %u",
		             mt->loc_station, mt->loc_town, mt->loc_county);
		rc = -1;
	}
	return rc;
}

static int
load_modes(struct mi_matching *mt, const ynode *n, ydiag *d, ypath *path)
{
	const ynode *e;
	size_t i = 0;
	int rc = 0;
	if (yget_seq(d, n, path) != 0)
		return -1;
	mt->valued_modes = 0;
	for (e = n->first; e != NULL; e = e->next, i++) {
		size_t mark = ypath_index(path, i);
		const char *s;
		mediate_case_mode mode;
		if (yget_str(d, e, path, &s) != 0)
			rc = -1;
		else if (mediate_case_mode_parse(&mode, s) != 0) {
			static const char *const names[] = { "on_the_spot", "think_tank", "joint", "remote_video",
				                             "mobile", NULL };
			const char *sug = ysuggest(s, names);
			ydiag_report(d, MEDIATE_EVALIDATE, e, path, "unknown mode \"%s\"%s%s%s", s,
			             sug ? "; did you mean \"" : " (on_the_spot, remote_video, mobile, think_tank, joint)",
			             sug ? sug : "", sug ? "\"?" : "");
			rc = -1;
		} else if (mt->valued_modes & (1u << mode)) {
			ydiag_report(d, MEDIATE_EVALIDATE, e, path, "mode \"%s\" is listed twice", s);
			rc = -1;
		} else
			mt->valued_modes |= 1u << mode;
		ypath_pop(path, mark);
	}
	return rc;
}

static int
check_code(ydiag *d, const ynode *v, const ypath *path, const char *s)
{
	size_t i, n = strlen(s);
	if (n == 0 || n > 64)
		goto bad;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-' || s[i] == '_' || s[i] == '.'))
			goto bad;
	return 0;
bad:
	ydiag_report(d, MEDIATE_EVALIDATE, v, path, "a car code is 1..64 of [A-Za-z0-9_.-], not \"%s\"", s);
	return -1;
}

static int
load_car(mediate_policy *p, mi_match_car *car, const ynode *e, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "code", "name", "base", "lat", "lon", NULL };
	const ynode *v, *lat, *lon;
	const char *s;
	size_t mark;
	int rc = 0;
	if (yget_map(d, e, path) != 0)
		return -1;
	if (ymap_check_keys(d, e, path, keys) > 0)
		rc = -1;
	if ((v = yreq(d, e, path, "code")) == NULL)
		rc = -1;
	else {
		mark = ypath_key(path, "code");
		if (yget_str(d, v, path, &s) != 0 || check_code(d, v, path, s) != 0)
			rc = -1;
		else if ((car->code = mi_strdup(s)) == NULL)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, e, path, "name")) == NULL)
		rc = -1;
	else {
		mark = ypath_key(path, "name");
		if (yget_str(d, v, path, &s) != 0)
			rc = -1;
		else if (v->len == 0 || v->len > 64) {
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "a car name is 1..64 bytes");
			rc = -1;
		} else if ((car->name = mi_strdup(s)) == NULL)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(e, "base")) != NULL) {
		mark = ypath_key(path, "base");
		if ((car->base = mi_policy_unit_ref(p, v, d, path)) == NULL)
			rc = -1;
		ypath_pop(path, mark);
	}
	lat = ymap_get(e, "lat");
	lon = ymap_get(e, "lon");
	if ((lat == NULL) != (lon == NULL)) {
		ydiag_report(d, MEDIATE_EVALIDATE, lat != NULL ? lat : lon, path, "give both lat and lon, or neither");
		rc = -1;
	} else if (lat != NULL) {
		mark = ypath_key(path, "lat");
		if (get_degrees(d, lat, path, 90000000, &car->lat) != 0)
			rc = -1;
		ypath_pop(path, mark);
		mark = ypath_key(path, "lon");
		if (get_degrees(d, lon, path, 180000000, &car->lon) != 0)
			rc = -1;
		ypath_pop(path, mark);
		car->has_coordinates = rc == 0;
	}
	if (lat == NULL && ymap_get(e, "base") == NULL) {
		ydiag_report(d, MEDIATE_EVALIDATE, e, path, "a car needs a base unit or coordinates (lat, lon)");
		rc = -1;
	}
	return rc;
}

static int
load_cars(mediate_policy *p, struct mi_matching *mt, const ynode *n, ydiag *d, ypath *path)
{
	const ynode *e;
	size_t i = 0, j;
	int rc = 0, r;
	if (yget_seq(d, n, path) != 0)
		return -1;
	if (n->count > MI_MATCH_MAX_CARS) {
		ydiag_report(d, MEDIATE_ELIMIT, n, path, "at most %u cars", MI_MATCH_MAX_CARS);
		return -1;
	}
	if (n->count == 0)
		return 0;
	if ((mt->cars = mi_calloc(n->count, sizeof *mt->cars)) == NULL)
		return MEDIATE_ENOMEM;
	for (e = n->first; e != NULL; e = e->next, i++) {
		size_t mark = ypath_index(path, i);
		mi_match_car *car = &mt->cars[mt->car_count++];
		if ((r = load_car(p, car, e, d, path)) == MEDIATE_ENOMEM)
			return r;
		if (r != 0)
			rc = -1;
		for (j = 0; j < i && car->code != NULL; j++)
			if (mt->cars[j].code != NULL && strcmp(mt->cars[j].code, car->code) == 0) {
				ypath tmp = *path;
				ypath_key(&tmp, "code");
				ydiag_report(d, MEDIATE_EVALIDATE, ymap_get(e, "code"), &tmp, "duplicate car code \"%s\"",
				             car->code);
				rc = -1;
			}
		ypath_pop(path, mark);
	}
	return rc;
}

int
mi_matching_load(mediate_policy *p, const ynode *node, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "weights", "specialty", "locality", "level_step", "valued_modes",
		                            "team_size", "batch_pruning", "batch_top_k", "cars", NULL };
	struct mi_matching *mt;
	const ynode *v;
	size_t mark;
	int rc = 0, r;
	uint32_t x;

	if (node == NULL)
		return 0;
	if (yget_map(d, node, path) != 0)
		return MEDIATE_EVALIDATE;
	if (ymap_check_keys(d, node, path, keys) > 0)
		rc = MEDIATE_EVALIDATE;
	if ((mt = mi_calloc(1, sizeof *mt)) == NULL)
		return MEDIATE_ENOMEM;
	*mt = defaults;
	p->matching = mt;
#define SUB(key, call) \
	if ((v = ymap_get(node, key)) != NULL) { \
		mark = ypath_key(path, key); \
		if ((r = (call)) == MEDIATE_ENOMEM) \
			return r; \
		if (r != 0) \
			rc = MEDIATE_EVALIDATE; \
		ypath_pop(path, mark); \
	}
	SUB("weights", load_weights(mt, v, d, path))
	SUB("specialty", load_specialty(mt, v, d, path))
	SUB("locality", load_locality(mt, v, d, path))
	SUB("valued_modes", load_modes(mt, v, d, path))
	SUB("cars", load_cars(p, mt, v, d, path))
#undef SUB
	if (get_u32(d, node, path, "level_step", 0, 1000, &mt->level_step) != 0)
		rc = MEDIATE_EVALIDATE;
	x = (uint32_t)mt->team_size;
	if (get_u32(d, node, path, "team_size", 1, MEDIATE_MATCH_TEAM_MAX, &x) != 0)
		rc = MEDIATE_EVALIDATE;
	mt->team_size = x;
	x = (uint32_t)mt->top_k;
	if (get_u32(d, node, path, "batch_top_k", 1, 100000, &x) != 0)
		rc = MEDIATE_EVALIDATE;
	mt->top_k = x;
	if ((v = ymap_get(node, "batch_pruning")) != NULL) {
		static const char *const names[] = { "none", "safe", "top_k", NULL };
		const char *s;
		mark = ypath_key(path, "batch_pruning");
		if (yget_str(d, v, path, &s) != 0)
			rc = MEDIATE_EVALIDATE;
		else if (strcmp(s, "none") == 0)
			mt->prune = MI_PRUNE_NONE;
		else if (strcmp(s, "safe") == 0)
			mt->prune = MI_PRUNE_SAFE;
		else if (strcmp(s, "top_k") == 0)
			mt->prune = MI_PRUNE_TOPK;
		else {
			const char *sug = ysuggest(s, names);
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "unknown batch pruning \"%s\"%s%s%s", s,
			             sug ? "; did you mean \"" : " (none, safe, top_k)", sug ? sug : "", sug ? "\"?" : "");
			rc = MEDIATE_EVALIDATE;
		}
		ypath_pop(path, mark);
	}
	return rc;
}

void
mi_matching_free(mediate_policy *p)
{
	struct mi_matching *mt = p->matching;
	size_t i;
	if (mt == NULL)
		return;
	for (i = 0; i < mt->car_count; i++) {
		mi_free(mt->cars[i].code);
		mi_free(mt->cars[i].name);
	}
	mi_free(mt->cars);
	mi_free(mt);
	p->matching = NULL;
}

/* ---- public accessors ---- */

const char *
mediate_match_component_name(mediate_match_component component)
{
	return mi_name_of(component_names, MI_MATCH_NCOMP, 1, (long)component);
}

mediate_status
mediate_match_component_parse(mediate_match_component *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, component_names, MI_MATCH_NCOMP, 1, MEDIATE_EINVAL,
	                              "match component", name);
	if (rc == 0)
		*out = (mediate_match_component)v;
	return rc;
}

static const char *const reason_names[] = { "eligible", "unavailable", "capacity_full", "level_too_low",
	                                    "not_think_tank", "mode_not_offered", "recused", "no_location",
	                                    "no_eligible", "outcompeted", "not_covered" };
#define NREASONS (sizeof reason_names / sizeof reason_names[0])

const char *
mediate_match_reason_name(mediate_match_reason reason)
{
	return mi_name_of(reason_names, NREASONS, 0, (long)reason);
}

mediate_status
mediate_match_reason_parse(mediate_match_reason *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, reason_names, NREASONS, 0, MEDIATE_EINVAL,
	                              "match reason", name);
	if (rc == 0)
		*out = (mediate_match_reason)v;
	return rc;
}

uint32_t
mediate_policy_match_weight(const mediate_policy *policy, mediate_match_component component)
{
	if (policy == NULL || (int)component < 1 || (int)component >= MI_MATCH_NCOMP)
		return 0;
	return mi_matching_of(policy)->weight[component];
}

size_t
mediate_policy_match_team_size(const mediate_policy *policy)
{
	return policy != NULL ? mi_matching_of(policy)->team_size : 0;
}

size_t
mediate_policy_match_car_count(const mediate_policy *policy)
{
	return policy != NULL ? mi_matching_of(policy)->car_count : 0;
}

static const mi_match_car *
car_at(const mediate_policy *policy, size_t index)
{
	const struct mi_matching *mt;
	if (policy == NULL)
		return NULL;
	mt = mi_matching_of(policy);
	return index < mt->car_count ? &mt->cars[index] : NULL;
}

const char *
mediate_policy_match_car_code(const mediate_policy *policy, size_t index)
{
	const mi_match_car *c = car_at(policy, index);
	return c != NULL ? c->code : NULL;
}

const char *
mediate_policy_match_car_name(const mediate_policy *policy, size_t index)
{
	const mi_match_car *c = car_at(policy, index);
	return c != NULL ? c->name : NULL;
}

mediate_status
mediate_policy_match_car_base(int32_t *lat_micro, int32_t *lon_micro, const mediate_policy *policy, size_t index)
{
	const mi_match_car *c;
	if (lat_micro == NULL || lon_micro == NULL || policy == NULL)
		return mi_err(MEDIATE_EINVAL, "match car base: NULL argument");
	if ((c = car_at(policy, index)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "match car base: no car %zu", index);
	if (!c->has_coordinates)
		return mi_err(MEDIATE_ENOTFOUND, "match car base: car %s has no coordinates", c->code);
	*lat_micro = c->lat;
	*lon_micro = c->lon;
	return MEDIATE_OK;
}
