/* SPDX-License-Identifier: MIT */
/*
 * Time: UTC seconds, civil dates at an offset, ISO 8601 text.
 *
 * Day arithmetic uses the well-known days-from-civil algorithm on the
 * proleptic Gregorian calendar; no libc time zone functions are involved,
 * so results never depend on TZ.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"

#define MIN_T (-62135596800LL)   /* 0001-01-01T00:00:00Z */
#define MAX_T (253402300799LL)   /* 9999-12-31T23:59:59Z */

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

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)((int64_t)yoe + era * 400 + (*m <= 2));
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

static int
check_offset(int offset)
{
	if (offset < -1439 || offset > 1439)
		return mi_err(MEDIATE_ERANGE, "UTC offset %d minutes is out of range", offset);
	return MEDIATE_OK;
}

mediate_status
mediate_time_to_civil(mediate_civil *out, int64_t t, int offset)
{
	int64_t local, days, secs;
	int rc;

	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "time: NULL output");
	if ((rc = check_offset(offset)) != 0)
		return rc;
	/* The range is on the civil time at the offset: 0001-01-01T00:00:00+08:00
	 * is before MIN_T in UTC and must still format.  The first test keeps
	 * t + offset from overflowing. */
	if (t < MIN_T - 86400 || t > MAX_T + 86400)
		return mi_err(MEDIATE_ERANGE, "time %lld is outside years 1-9999", (long long)t);
	local = t + (int64_t)offset * 60;
	if (local < MIN_T || local > MAX_T)
		return mi_err(MEDIATE_ERANGE, "time %lld is outside years 1-9999 at offset %d", (long long)t, offset);
	days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	secs = local - days * 86400;
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	out->offset_minutes = offset;
	/* 1970-01-01 was a Thursday (ISO 4). */
	out->weekday = (int)(((days % 7) + 7 + 3) % 7) + 1;
	return MEDIATE_OK;
}

mediate_status
mediate_time_from_civil(int64_t *out, const mediate_civil *c)
{
	int64_t t;
	int rc;

	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "time: NULL argument");
	if (c->year < 1 || c->year > 9999 || c->month < 1 || c->month > 12 || c->day < 1 ||
	    c->day > days_in_month(c->year, c->month) || c->hour < 0 || c->hour > 23 ||
	    c->minute < 0 || c->minute > 59 || c->second < 0 || c->second > 59)
		return mi_err(MEDIATE_ERANGE, "no such date and time: %04d-%02d-%02d %02d:%02d:%02d",
		              c->year, c->month, c->day, c->hour, c->minute, c->second);
	if ((rc = check_offset(c->offset_minutes)) != 0)
		return rc;
	t = days_from_civil(c->year, (unsigned)c->month, (unsigned)c->day) * 86400 +
	    c->hour * 3600 + c->minute * 60 + c->second - (int64_t)c->offset_minutes * 60;
	*out = t;
	return MEDIATE_OK;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0, i;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
mi_zone_offset_parse(const char *s, int *minutes)
{
	int h, m, v;
	if (s == NULL || (s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
		return -1;
	if (s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' || s[4] < '0' || s[4] > '5' || s[5] < '0' ||
	    s[5] > '9')
		return -1;
	h = (s[1] - '0') * 10 + (s[2] - '0');
	m = (s[4] - '0') * 10 + (s[5] - '0');
	v = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
	if (v < -12 * 60 || v > 14 * 60)
		return -1;
	*minutes = v;
	return 0;
}

mediate_status
mediate_time_parse(int64_t *out, int *offset_out, const char *s)
{
	mediate_civil c;
	int oh, om, sign;
	size_t len;
	const char *z;

	if (out == NULL || s == NULL)
		return mi_err(MEDIATE_EINVAL, "time parse: NULL argument");
	len = strlen(s);
	memset(&c, 0, sizeof c);
	if (len < 20 || digits(s, 4, &c.year) || s[4] != '-' || digits(s + 5, 2, &c.month) ||
	    s[7] != '-' || digits(s + 8, 2, &c.day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    digits(s + 11, 2, &c.hour) || s[13] != ':' || digits(s + 14, 2, &c.minute) ||
	    s[16] != ':' || digits(s + 17, 2, &c.second))
		return mi_err(MEDIATE_EPARSE, "time \"%.40s\": expected YYYY-MM-DDTHH:MM:SS+HH:MM", s);
	z = s + 19;
	if ((z[0] == 'Z' || z[0] == 'z') && z[1] == '\0') {
		c.offset_minutes = 0;
	} else if ((z[0] == '+' || z[0] == '-') && strlen(z) == 6 && !digits(z + 1, 2, &oh) &&
	           z[3] == ':' && !digits(z + 4, 2, &om) && oh <= 23 && om <= 59) {
		sign = z[0] == '-' ? -1 : 1;
		c.offset_minutes = sign * (oh * 60 + om);
	} else if (z[0] == '.') {
		return mi_err(MEDIATE_EPARSE, "time \"%.40s\": fractional seconds are not supported", s);
	} else {
		return mi_err(MEDIATE_EPARSE, "time \"%.40s\": expected a UTC offset like +08:00 or Z", s);
	}
	if (mediate_time_from_civil(out, &c) != 0)
		return mi_err(MEDIATE_ERANGE, "time \"%.40s\": no such date or time", s);
	if (offset_out != NULL)
		*offset_out = c.offset_minutes;
	return MEDIATE_OK;
}

mediate_status
mediate_time_format(char *buf, size_t size, int64_t t, int offset)
{
	mediate_civil c;
	char tmp[MEDIATE_TIME_BUFSIZE];
	int rc, n, a;

	if (buf == NULL)
		return mi_err(MEDIATE_EINVAL, "time format: NULL buffer");
	if ((rc = mediate_time_to_civil(&c, t, offset)) != 0)
		return rc;
	a = offset < 0 ? -offset : offset;
	n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year, c.month,
	             c.day, c.hour, c.minute, c.second, offset < 0 ? '-' : '+', a / 60, a % 60);
	if (n < 0 || (size_t)n >= size)
		return mi_err(MEDIATE_EBUFSIZE, "time format: buffer of %zu bytes is too small", size);
	memcpy(buf, tmp, (size_t)n + 1);
	return MEDIATE_OK;
}

mediate_status
mediate_time_add_months(int64_t *out, int64_t t, int months, int offset)
{
	mediate_civil c;
	int64_t total;
	int rc, dim;

	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "time: NULL output");
	if ((rc = mediate_time_to_civil(&c, t, offset)) != 0)
		return rc;
	total = (int64_t)c.year * 12 + (c.month - 1) + months;
	if (total < 12 || total > 9999LL * 12 + 11)
		return mi_err(MEDIATE_ERANGE, "time: adding %d months leaves years 1-9999", months);
	c.year = (int)(total / 12);
	c.month = (int)(total % 12) + 1;
	dim = days_in_month(c.year, c.month);
	if (c.day > dim)
		c.day = dim;
	return mediate_time_from_civil(out, &c);
}

mediate_status
mediate_time_add_days(int64_t *out, int64_t t, int days, int offset)
{
	int64_t v;
	int rc;
	mediate_civil c;

	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "time: NULL output");
	/* Offsets are fixed, so a civil day is always 86400 s. */
	if ((rc = mediate_time_to_civil(&c, t, offset)) != 0)
		return rc;
	v = t + (int64_t)days * 86400;   /* |days * 86400| < 2^48: no overflow */
	if (mediate_time_to_civil(&c, v, offset) != 0)
		return mi_err(MEDIATE_ERANGE, "time: adding %d days leaves years 1-9999", days);
	*out = v;
	return MEDIATE_OK;
}
