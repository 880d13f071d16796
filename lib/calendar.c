/* SPDX-License-Identifier: MIT */
/*
 * Working-time calendars.
 *
 * Everything rests on one function, W(t): the working seconds from a fixed
 * origin to t.  W is nondecreasing, so
 *   working time between a and b  = W(b) - W(a)
 *   a deadline of s working seconds after t = the least x with W(x) >= W(t) + s
 *   the next working instant after t (outside working hours)
 *                                  = (the least x with W(x) >= W(t) + 1) - 1.
 * W(t) = C(day of t) + the worked part of that day, where C(d) is the working
 * seconds before local day d.  For the years the policy lists, C comes from a
 * precomputed per-day prefix sum; outside them it is whole weeks times the
 * weekly total plus at most six days, so C costs O(1) anywhere and a
 * deadline is found by a galloping binary search over days: O(log days).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route_priv.h"

#define DAY 86400
/* Supported local days: 0001-01-01 .. 9999-12-31. */
#define MIN_DAY (-719162LL)
#define MAX_DAY (2932896LL)

static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* 0 = Monday .. 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
static int
weekday(int64_t day)
{
	return (int)(((day % 7) + 7 + 3) % 7);
}

static int
pattern_of(const mediate_calendar *c, int64_t day)
{
	if (day >= c->t0 && (uint64_t)(day - c->t0) < c->ndays) {
		switch (c->kind[day - c->t0]) {
		case MEDIATE_DAY_HOLIDAY:
			return MI_PAT_NONE;
		case MEDIATE_DAY_MAKEUP:
			return MI_PAT_MAKEUP;
		default:
			break;
		}
	}
	return weekday(day);
}

/* Working seconds of the days a .. b-1 (a <= b) from the weekly pattern alone. */
static int64_t
weekly(const mediate_calendar *c, int64_t a, int64_t b)
{
	int64_t n = b - a, sum = (n / 7) * c->week_secs;
	int r = (int)(n % 7), wd = weekday(a), i;
	for (i = 0; i < r; i++)
		sum += c->pat_secs[(wd + i) % 7];
	return sum;
}

/* C(d): working seconds from the start of day t0 to the start of day d. */
static int64_t
cum_before(const mediate_calendar *c, int64_t day)
{
	int64_t t1 = c->t0 + (int64_t)c->ndays;
	if (day < c->t0)
		return -weekly(c, day, c->t0);
	if (day <= t1)
		return c->cum[day - c->t0];
	return c->cum[c->ndays] + weekly(c, t1, day);
}

static int64_t
worked_in_day(const mediate_calendar *c, int pat, int64_t s)
{
	int64_t sum = 0;
	unsigned i;
	for (i = 0; i < c->nspans[pat]; i++) {
		const mi_span *sp = &c->spans[pat][i];
		if (s <= sp->start)
			break;
		sum += (s < sp->end ? s : sp->end) - sp->start;
	}
	return sum;
}

int64_t
mi_cal_work(const mediate_calendar *c, int64_t t)
{
	int64_t local = t + (int64_t)c->offset * 60;
	int64_t day = floor_div(local, DAY);
	return cum_before(c, day) + worked_in_day(c, pattern_of(c, day), local - day * DAY);
}

int
mi_cal_add(const mediate_calendar *c, int64_t t, int64_t secs, int64_t *out)
{
	int64_t off = (int64_t)c->offset * 60, local = t + off;
	int64_t day = floor_div(local, DAY), target, lo, hi, step, rem;
	int pat;
	unsigned i;

	if (secs <= 0) {
		*out = t;
		return 0;
	}
	if (secs > INT64_C(1000000000000) || t < MIN_DAY * DAY - DAY || t > (MAX_DAY + 2) * DAY)
		return mi_err(MEDIATE_ERANGE, "calendar: the deadline lies after the year 9999");
	if (day < MIN_DAY || day > MAX_DAY)
		return mi_err(MEDIATE_ERANGE, "calendar: time out of range");
	target = cum_before(c, day) + worked_in_day(c, pattern_of(c, day), local - day * DAY) + secs;
	/* Find the day d with C(d) < target <= C(d + 1): gallop, then bisect. */
	lo = day;                          /* C(lo) < target always holds */
	step = 1;
	for (;;) {
		hi = lo + step;
		if (hi > MAX_DAY + 1)
			return mi_err(MEDIATE_ERANGE, "calendar: the deadline lies after the year 9999");
		if (cum_before(c, hi) >= target)
			break;
		lo = hi;
		step *= 2;
	}
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (cum_before(c, mid) >= target)
			hi = mid;
		else
			lo = mid;
	}
	rem = target - cum_before(c, lo);
	pat = pattern_of(c, lo);
	for (i = 0; i < c->nspans[pat]; i++) {
		int64_t len = c->spans[pat][i].end - c->spans[pat][i].start;
		if (rem <= len) {
			*out = lo * DAY + c->spans[pat][i].start + rem - off;
			return 0;
		}
		rem -= len;
	}
	return mi_err(MEDIATE_EINTERNAL, "calendar: prefix sums are inconsistent");
}

/* ---- public API ---- */

size_t
mediate_policy_calendar_count(const mediate_policy *p)
{
	return p != NULL ? p->calendar_count : 0;
}

const mediate_calendar *
mediate_policy_calendar_at(const mediate_policy *p, size_t i)
{
	if (p == NULL || i >= p->calendar_count)
		return NULL;
	return &p->calendars[i];
}

const mediate_calendar *
mediate_policy_calendar_find(const mediate_policy *p, const char *code)
{
	size_t i;
	if (p == NULL || code == NULL)
		return NULL;
	for (i = 0; i < p->calendar_count; i++)
		if (p->calendars[i].code != NULL && strcmp(p->calendars[i].code, code) == 0)
			return &p->calendars[i];
	return NULL;
}

const char *
mediate_calendar_code(const mediate_calendar *c)
{
	return c != NULL ? c->code : NULL;
}

const char *
mediate_calendar_name(const mediate_calendar *c, const char *lang)
{
	if (c == NULL)
		return NULL;
	return mi_names_get(&c->names, lang, c->policy->language);
}

int
mediate_calendar_offset(const mediate_calendar *c)
{
	return c != NULL ? c->offset : 0;
}

mediate_status
mediate_calendar_day_kind(mediate_day_kind *out, const mediate_calendar *c, int year, int month, int day)
{
	int64_t d;
	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "calendar day kind: NULL argument");
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
		return mi_err(MEDIATE_EINVAL, "calendar day kind: %04d-%02d-%02d is not a date", year, month, day);
	d = days_from_civil(year, (unsigned)month, (unsigned)day);
	if (d >= c->t0 && (uint64_t)(d - c->t0) < c->ndays && c->kind[d - c->t0] != MEDIATE_DAY_WORKING)
		*out = (mediate_day_kind)c->kind[d - c->t0];
	else
		*out = c->pat_secs[weekday(d)] > 0 ? MEDIATE_DAY_WORKING : MEDIATE_DAY_REST;
	return MEDIATE_OK;
}

static int
check_time(const mediate_calendar *c, int64_t t)
{
	int64_t day;
	if (c == NULL)
		return mi_err(MEDIATE_EINVAL, "calendar: NULL calendar");
	/* Checked before any arithmetic on t, so nothing can overflow. */
	if (t < MIN_DAY * DAY - DAY || t > (MAX_DAY + 2) * DAY)
		return mi_err(MEDIATE_ERANGE, "calendar: time %lld is outside the years 0001-9999", (long long)t);
	day = floor_div(t + (int64_t)c->offset * 60, DAY);
	if (day < MIN_DAY || day > MAX_DAY)
		return mi_err(MEDIATE_ERANGE, "calendar: time %lld is outside the years 0001-9999", (long long)t);
	return 0;
}

mediate_status
mediate_calendar_add_minutes(int64_t *out, const mediate_calendar *c, int64_t t, int64_t minutes)
{
	int64_t r;
	int rc;
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "calendar add: NULL output");
	if ((rc = check_time(c, t)) != 0)
		return rc;
	/* 10^10 minutes is more working time than the years 0001-9999 hold. */
	if (minutes < 0 || minutes > INT64_C(10000000000))
		return mi_err(minutes < 0 ? MEDIATE_EINVAL : MEDIATE_ERANGE,
		              "calendar add: %lld minutes is out of range", (long long)minutes);
	if ((rc = mi_cal_add(c, t, minutes * 60, &r)) != 0)
		return rc;
	*out = r;
	return MEDIATE_OK;
}

mediate_status
mediate_calendar_minutes_between(int64_t *out, const mediate_calendar *c, int64_t from, int64_t to)
{
	int rc;
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "calendar between: NULL output");
	if ((rc = check_time(c, from)) != 0 || (rc = check_time(c, to)) != 0)
		return rc;
	*out = (mi_cal_work(c, to) - mi_cal_work(c, from)) / 60;
	return MEDIATE_OK;
}

mediate_status
mediate_calendar_next_working(int64_t *out, const mediate_calendar *c, int64_t t)
{
	int64_t off, local, day, s, r;
	int pat, rc;
	unsigned i;

	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "calendar next working: NULL output");
	if ((rc = check_time(c, t)) != 0)
		return rc;
	off = (int64_t)c->offset * 60;
	local = t + off;
	day = floor_div(local, DAY);
	s = local - day * DAY;
	pat = pattern_of(c, day);
	for (i = 0; i < c->nspans[pat]; i++)
		if (s >= c->spans[pat][i].start && s < c->spans[pat][i].end) {
			*out = t;
			return MEDIATE_OK;
		}
	/* W stays flat until work resumes at S, and W(S + 1) = W(t) + 1. */
	if ((rc = mi_cal_add(c, t, 1, &r)) != 0)
		return rc;
	*out = r - 1;
	return MEDIATE_OK;
}

/* ---- the policy section ---- */

static const char *const day_keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

static int
parse_hhmm(const char *s, int32_t *out)
{
	int h, m;
	if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] == ':' && s[3] >= '0' &&
	      s[3] <= '5' && s[4] >= '0' && s[4] <= '9'))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || (h == 24 && m != 0))
		return -1;
	*out = h * 3600 + m * 60;
	return 0;
}

/* A list of "HH:MM-HH:MM" spans, sorted and disjoint. */
static int
load_spans(mediate_calendar *c, int pat, const ynode *n, ydiag *d, ypath *path)
{
	const ynode *e;
	size_t i = 0;
	unsigned before = d->count;

	c->nspans[pat] = 0;
	if (n == NULL || ynode_is_null(n))
		return 0;
	if (yget_seq(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	if (n->count > MI_MAX_SPANS) {
		ydiag_report(d, MEDIATE_ELIMIT, n, path, "at most %d working periods a day", MI_MAX_SPANS);
		return MEDIATE_EVALIDATE;
	}
	for (e = n->first; e != NULL; e = e->next, i++) {
		size_t mark = ypath_index(path, i);
		const char *s;
		int32_t a, b;
		if (yget_str(d, e, path, &s) == 0) {
			if (strlen(s) != 11 || s[5] != '-' || parse_hhmm(s, &a) != 0 || parse_hhmm(s + 6, &b) != 0 ||
			    a == 24 * 3600)
				ydiag_report(d, MEDIATE_EVALIDATE, e, path,
				             "\"%s\" is not a working period like 08:30-12:00", s);
			else if (b <= a)
				ydiag_report(d, MEDIATE_EVALIDATE, e, path, "the period \"%s\" ends before it starts", s);
			else if (c->nspans[pat] > 0 && a < c->spans[pat][c->nspans[pat] - 1].end)
				ydiag_report(d, MEDIATE_EVALIDATE, e, path,
				             "the period \"%s\" overlaps or precedes the one before it", s);
			else {
				c->spans[pat][c->nspans[pat]].start = a;
				c->spans[pat][c->nspans[pat]].end = b;
				c->nspans[pat]++;
				c->pat_secs[pat] += b - a;
			}
		}
		ypath_pop(path, mark);
	}
	return d->count > before ? MEDIATE_EVALIDATE : 0;
}

/* "2026-02-15" or "2026-02-15..2026-02-23" -> local day numbers. */
static int
parse_date(const char *s, int64_t *day)
{
	int y, m, dd;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3)
		return -1;
	if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m))
		return -1;
	*day = days_from_civil(y, (unsigned)m, (unsigned)dd);
	return 0;
}

static int
parse_range(const char *s, int64_t *a, int64_t *b)
{
	char first[11];
	const char *dots = strstr(s, "..");
	if (dots == NULL) {
		if (parse_date(s, a) != 0)
			return -1;
		*b = *a;
		return 0;
	}
	if (dots - s != 10)
		return -1;
	memcpy(first, s, 10);
	first[10] = '\0';
	if (parse_date(first, a) != 0 || parse_date(dots + 2, b) != 0 || *b < *a)
		return -1;
	return 0;
}

struct dated {
	int64_t a, b;
	const ynode *node;
	unsigned kind;
	size_t year_i, item_i;
};

static int
load_year_list(const ynode *n, ydiag *d, ypath *path, unsigned kind, size_t year_i, int year,
               struct dated **list, size_t *len, size_t *cap)
{
	const ynode *e;
	size_t i = 0;
	if (n == NULL || ynode_is_null(n))
		return 0;
	if (yget_seq(d, n, path) != 0)
		return 0;
	for (e = n->first; e != NULL; e = e->next, i++) {
		size_t mark = ypath_index(path, i);
		const char *s;
		int64_t a, b;
		if (yget_str(d, e, path, &s) == 0) {
			if (parse_range(s, &a, &b) != 0)
				ydiag_report(d, MEDIATE_EVALIDATE, e, path,
				             "\"%s\" is not a date like 2026-10-01 or a range like 2026-10-01..2026-10-07", s);
			else if (b - a > 366)
				ydiag_report(d, MEDIATE_EVALIDATE, e, path, "the range \"%s\" is longer than a year", s);
			else if (a < days_from_civil(year - 1, 1, 1) || b > days_from_civil(year + 1, 12, 31))
				ydiag_report(d, MEDIATE_EVALIDATE, e, path, "\"%s\" is not near the year %d it is listed in",
				             s, year);
			else {
				if (*len == *cap) {
					size_t nc = *cap ? *cap * 2 : 32;
					struct dated *nl = mi_reallocarray(*list, nc, sizeof *nl);
					if (nl == NULL) {
						ypath_pop(path, mark);
						return MEDIATE_ENOMEM;
					}
					*list = nl;
					*cap = nc;
				}
				(*list)[*len].a = a;
				(*list)[*len].b = b;
				(*list)[*len].node = e;
				(*list)[*len].kind = kind;
				(*list)[*len].year_i = year_i;
				(*list)[*len].item_i = i;
				(*len)++;
			}
		}
		ypath_pop(path, mark);
	}
	return 0;
}

static int
load_one(mediate_policy *p, mediate_calendar *c, const ynode *e, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "code", "name", "utc_offset", "hours", "makeup_hours", "years", NULL };
	static const char *const year_keys[] = { "year", "source", "holidays", "workdays", NULL };
	const ynode *v;
	const char *s;
	struct dated *list = NULL;
	size_t len = 0, cap = 0, i, mark;
	unsigned before = d->count;
	int rc = 0;

	c->policy = p;
	c->offset = MEDIATE_OFFSET_CST;
	if (yget_map(d, e, path) != 0)
		return MEDIATE_EVALIDATE;
	ymap_check_keys(d, e, path, keys);
	if ((v = yreq(d, e, path, "code")) != NULL) {
		mark = ypath_key(path, "code");
		if (yget_str(d, v, path, &s) == 0) {
			size_t k;
			for (k = 0; s[k]; k++)
				if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9') || s[k] == '_' ||
				      (k > 0 && s[k] == '-')))
					break;
			if (s[k] != '\0' || k == 0 || k > 32)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path,
				             "calendar code \"%s\" is not valid (lower-case letters, digits, '_' and '-'; at most 32)", s);
			else if (mediate_policy_calendar_find(p, s) != NULL)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path, "duplicate calendar code \"%s\"", s);
			else if ((c->code = mi_strdup(s)) == NULL)
				return MEDIATE_ENOMEM;
		}
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(e, "name")) != NULL) {
		mark = ypath_key(path, "name");
		if (mi_names_load(&c->names, v, d, path, p->language) == MEDIATE_ENOMEM)
			return MEDIATE_ENOMEM;
		ypath_pop(path, mark);
	}
	if ((v = ymap_get(e, "utc_offset")) != NULL) {
		mark = ypath_key(path, "utc_offset");
		if (yget_str(d, v, path, &s) == 0) {
			int minutes;
			if (mi_zone_offset_parse(s, &minutes) != 0)
				ydiag_report(d, MEDIATE_EVALIDATE, v, path,
				             "\"%.40s\" is not a UTC offset like +08:00 (-12:00 to +14:00)", s);
			else
				c->offset = minutes;
		}
		ypath_pop(path, mark);
	}
	if ((v = yreq(d, e, path, "hours")) != NULL) {
		mark = ypath_key(path, "hours");
		if (yget_map(d, v, path) == 0) {
			ymap_check_keys(d, v, path, day_keys);
			for (i = 0; i < 7; i++) {
				size_t m2 = ypath_key(path, day_keys[i]);
				load_spans(c, (int)i, ymap_get(v, day_keys[i]), d, path);
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	}
	for (i = 0; i < 7; i++)
		c->week_secs += c->pat_secs[i];
	if (v != NULL && d->count == before && c->week_secs == 0)
		ydiag_report(d, MEDIATE_EVALIDATE, v, path, "a calendar needs working hours on at least one weekday");
	if ((v = ymap_get(e, "makeup_hours")) != NULL) {
		mark = ypath_key(path, "makeup_hours");
		load_spans(c, MI_PAT_MAKEUP, v, d, path);
		if (c->nspans[MI_PAT_MAKEUP] == 0 && d->count == before)
			ydiag_report(d, MEDIATE_EVALIDATE, v, path, "make-up working days need working hours");
		ypath_pop(path, mark);
	} else {
		/* A make-up day works the hours of the first weekday that has any. */
		for (i = 0; i < 7 && c->nspans[i] == 0; i++)
			;
		if (i < 7) {
			memcpy(c->spans[MI_PAT_MAKEUP], c->spans[i], sizeof c->spans[i]);
			c->nspans[MI_PAT_MAKEUP] = c->nspans[i];
			c->pat_secs[MI_PAT_MAKEUP] = c->pat_secs[i];
		}
	}

	if ((v = ymap_get(e, "years")) != NULL) {
		const ynode *y;
		size_t yi = 0;
		int64_t years_seen[256];
		size_t nseen = 0;
		mark = ypath_key(path, "years");
		if (yget_seq(d, v, path) == 0) {
			for (y = v->first; y != NULL && rc == 0; y = y->next, yi++) {
				size_t m2 = ypath_index(path, yi), m3;
				const ynode *yv;
				int64_t year = 0;
				if (yget_map(d, y, path) != 0) {
					ypath_pop(path, m2);
					continue;
				}
				ymap_check_keys(d, y, path, year_keys);
				if ((yv = yreq(d, y, path, "year")) != NULL) {
					size_t k;
					m3 = ypath_key(path, "year");
					if (yget_int(d, yv, path, 1971, 9998, &year) == 0) {
						for (k = 0; k < nseen; k++)
							if (years_seen[k] == year)
								ydiag_report(d, MEDIATE_EVALIDATE, yv, path, "the year %lld is listed twice",
								             (long long)year);
						if (nseen < sizeof years_seen / sizeof years_seen[0])
							years_seen[nseen++] = year;
					}
					ypath_pop(path, m3);
				}
				if ((yv = ymap_get(y, "source")) != NULL) {
					m3 = ypath_key(path, "source");
					yget_str(d, yv, path, &s);
					ypath_pop(path, m3);
				}
				if (year != 0) {
					m3 = ypath_key(path, "holidays");
					rc = load_year_list(ymap_get(y, "holidays"), d, path, MEDIATE_DAY_HOLIDAY, yi, (int)year,
					                    &list, &len, &cap);
					ypath_pop(path, m3);
					m3 = ypath_key(path, "workdays");
					if (rc == 0)
						rc = load_year_list(ymap_get(y, "workdays"), d, path, MEDIATE_DAY_MAKEUP, yi,
						                    (int)year, &list, &len, &cap);
					ypath_pop(path, m3);
				}
				ypath_pop(path, m2);
			}
		}
		ypath_pop(path, mark);
	}
	if (rc != 0) {
		mi_free(list);
		return rc;
	}

	/* The per-day table over the whole years that any listed date touches. */
	if (len > 0 && d->count == before) {
		int64_t lo = list[0].a, hi = list[0].b, t1;
		int ylo, yhi, mm, dd;
		for (i = 1; i < len; i++) {
			if (list[i].a < lo)
				lo = list[i].a;
			if (list[i].b > hi)
				hi = list[i].b;
		}
		/* Widen to whole years. */
		{
			char buf[MEDIATE_TIME_BUFSIZE];
			mediate_time_format(buf, sizeof buf, lo * DAY, 0);
			sscanf(buf, "%4d-%2d-%2d", &ylo, &mm, &dd);
			mediate_time_format(buf, sizeof buf, hi * DAY, 0);
			sscanf(buf, "%4d-%2d-%2d", &yhi, &mm, &dd);
		}
		c->t0 = days_from_civil(ylo, 1, 1);
		t1 = days_from_civil(yhi + 1, 1, 1);
		c->ndays = (size_t)(t1 - c->t0);
		c->kind = mi_calloc(c->ndays, 1);
		c->cum = mi_calloc(c->ndays + 1, sizeof *c->cum);
		if (c->kind == NULL || c->cum == NULL) {
			mi_free(list);
			return MEDIATE_ENOMEM;
		}
		for (i = 0; i < c->ndays; i++)
			c->kind[i] = MEDIATE_DAY_WORKING;
		for (i = 0; i < len; i++) {
			int64_t day;
			for (day = list[i].a; day <= list[i].b; day++) {
				unsigned char *k = &c->kind[day - c->t0];
				if (*k != MEDIATE_DAY_WORKING) {
					size_t m2 = ypath_key(path, "years");
					ypath_index(path, list[i].year_i);
					ypath_key(path, list[i].kind == MEDIATE_DAY_HOLIDAY ? "holidays" : "workdays");
					ypath_index(path, list[i].item_i);
					ydiag_report(d, MEDIATE_EVALIDATE, list[i].node, path, "\"%s\" %s", list[i].node->str,
					             *k == list[i].kind ? "is listed twice"
					                                : "is listed both as a holiday and as a make-up working day");
					ypath_pop(path, m2);
					break;
				}
				if (list[i].kind == MEDIATE_DAY_MAKEUP && c->pat_secs[weekday(day)] > 0) {
					size_t m2 = ypath_key(path, "years");
					ypath_index(path, list[i].year_i);
					ypath_key(path, "workdays");
					ypath_index(path, list[i].item_i);
					ydiag_report(d, MEDIATE_EVALIDATE, list[i].node, path,
					             "\"%s\" is already an ordinary working day; a make-up day must be a rest day",
					             list[i].node->str);
					ypath_pop(path, m2);
					break;
				}
				*k = (unsigned char)list[i].kind;
			}
		}
		for (i = 0; i < c->ndays; i++)
			c->cum[i + 1] = c->cum[i] + c->pat_secs[pattern_of(c, c->t0 + (int64_t)i)];
	}
	mi_free(list);
	return d->count > before ? MEDIATE_EVALIDATE : 0;
}

int
mi_calendars_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	const ynode *e;
	size_t i = 0;
	int rc;

	if (n == NULL)
		return 0;
	if (yget_seq(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	if (n->count == 0)
		return 0;
	p->calendars = mi_calloc(n->count, sizeof *p->calendars);
	if (p->calendars == NULL)
		return MEDIATE_ENOMEM;
	for (e = n->first; e != NULL && !ydiag_full(d); e = e->next, i++) {
		size_t mark = ypath_index(path, i);
		/* Counted before loading so that free sees a half-loaded entry. */
		p->calendar_count = i + 1;
		rc = load_one(p, &p->calendars[i], e, d, path);
		ypath_pop(path, mark);
		if (rc == MEDIATE_ENOMEM)
			return rc;
	}
	return d->count > 0 ? MEDIATE_EVALIDATE : 0;
}

void
mi_calendars_free(mediate_policy *p)
{
	size_t i;
	for (i = 0; i < p->calendar_count; i++) {
		mi_free(p->calendars[i].code);
		mi_names_free(&p->calendars[i].names);
		mi_free(p->calendars[i].kind);
		mi_free(p->calendars[i].cum);
	}
	mi_free(p->calendars);
	p->calendars = NULL;
	p->calendar_count = 0;
}
