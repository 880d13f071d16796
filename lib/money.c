/* SPDX-License-Identifier: MIT */
/*
 * Money: int64_t fen, overflow-checked, no floating point.
 *
 * INT64_MIN is outside the domain (MEDIATE_MONEY_MIN is -INT64_MAX) so that
 * negation and absolute values never overflow.
 */
#include "config.h"

#include <string.h>

#include "internal.h"

static int
in_domain(__int128 v)
{
	return v >= MEDIATE_MONEY_MIN && v <= MEDIATE_MONEY_MAX;
}

static int
overflow(void)
{
	return mi_err(MEDIATE_ERANGE, "money amount overflows the range of +/-92233720368547758.07 yuan");
}

mediate_status
mediate_money_add(int64_t *out, int64_t a, int64_t b)
{
	__int128 v = (__int128)a + b;
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "money: NULL output");
	if (a == INT64_MIN || b == INT64_MIN || !in_domain(v))
		return overflow();
	*out = (int64_t)v;
	return MEDIATE_OK;
}

mediate_status
mediate_money_sub(int64_t *out, int64_t a, int64_t b)
{
	__int128 v = (__int128)a - b;
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "money: NULL output");
	if (a == INT64_MIN || b == INT64_MIN || !in_domain(v))
		return overflow();
	*out = (int64_t)v;
	return MEDIATE_OK;
}

mediate_status
mediate_money_mul(int64_t *out, int64_t amount, int64_t factor)
{
	__int128 v = (__int128)amount * factor;
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "money: NULL output");
	if (amount == INT64_MIN || factor == INT64_MIN || !in_domain(v))
		return overflow();
	*out = (int64_t)v;
	return MEDIATE_OK;
}

mediate_status
mediate_money_mul_ratio(int64_t *out, int64_t amount, int64_t num, int64_t den)
{
	__int128 p, q, r;
	int neg;

	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "money: NULL output");
	if (den <= 0)
		return mi_err(MEDIATE_EINVAL, "money: the denominator must be positive, not %lld", (long long)den);
	if (amount == INT64_MIN || num == INT64_MIN)
		return overflow();
	/* |amount * num| < 2^126: no overflow in 128 bits. */
	p = (__int128)amount * num;
	neg = p < 0;
	if (neg)
		p = -p;
	q = p / den;
	r = p % den;
	if (r * 2 >= den)   /* half away from zero */
		q++;
	if (neg)
		q = -q;
	if (!in_domain(q))
		return overflow();
	*out = (int64_t)q;
	return MEDIATE_OK;
}

mediate_status
mediate_money_split(int64_t *parts, int64_t total, const uint32_t *weights, size_t n)
{
	__int128 wsum = 0, assigned = 0, absolute;
	size_t i, k;
	int neg;

	if (parts == NULL || weights == NULL || n == 0)
		return mi_err(MEDIATE_EINVAL, "money split: NULL argument or no parts");
	if (total == INT64_MIN)
		return overflow();
	for (i = 0; i < n; i++)
		wsum += weights[i];
	if (wsum == 0)
		return mi_err(MEDIATE_EINVAL, "money split: every weight is zero");
	neg = total < 0;
	absolute = neg ? -(__int128)total : total;
	/* Floor shares first, then hand out the leftover fen one at a time to
	 * the largest remainders (lowest index first among equals). */
	for (i = 0; i < n; i++) {
		__int128 share = absolute * weights[i] / wsum;
		parts[i] = (int64_t)share;
		assigned += share;
	}
	for (k = 0; assigned < absolute; k++) {
		size_t best = n;
		__int128 best_rem = -1;
		for (i = 0; i < n; i++) {
			__int128 rem = absolute * weights[i] % wsum;
			/* A part that already took its extra fen is skipped: mark by
			 * comparing with the floor share. */
			if ((__int128)parts[i] != absolute * weights[i] / wsum)
				continue;
			if (rem > best_rem) {
				best_rem = rem;
				best = i;
			}
		}
		if (best == n)
			return mi_err(MEDIATE_EINTERNAL, "money split: remainder left over");
		parts[best]++;
		assigned++;
	}
	if (neg)
		for (i = 0; i < n; i++)
			parts[i] = -parts[i];
	return MEDIATE_OK;
}

mediate_status
mediate_money_parse(int64_t *out, const char *text)
{
	const char *p = text;
	__int128 v = 0;
	int neg = 0, digits = 0, decimals = 0;

	if (out == NULL || text == NULL)
		return mi_err(MEDIATE_EINVAL, "money parse: NULL argument");
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p++ - '0');
		digits++;
		if (v > (__int128)MEDIATE_MONEY_MAX)
			return mi_err(MEDIATE_ERANGE, "money \"%.40s\": too large", text);
	}
	if (digits == 0)
		return mi_err(MEDIATE_EPARSE, "money \"%.40s\": expected digits like 1234.56", text);
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (++decimals > 2)
				return mi_err(MEDIATE_EPARSE, "money \"%.40s\": more than two decimals (amounts are exact to the fen)", text);
			v = v * 10 + (*p++ - '0');
		}
		if (decimals == 0)
			return mi_err(MEDIATE_EPARSE, "money \"%.40s\": expected digits after '.'", text);
	}
	if (*p != '\0')
		return mi_err(MEDIATE_EPARSE, "money \"%.40s\": unexpected character", text);
	for (; decimals < 2; decimals++)
		v *= 10;
	if (v > (__int128)MEDIATE_MONEY_MAX)
		return mi_err(MEDIATE_ERANGE, "money \"%.40s\": too large", text);
	*out = (int64_t)(neg ? -v : v);
	return MEDIATE_OK;
}

mediate_status
mediate_money_format(char *buf, size_t size, int64_t amount)
{
	char tmp[MEDIATE_MONEY_BUFSIZE];
	char *p = tmp + sizeof tmp;
	uint64_t m;
	size_t len;
	int i;

	if (buf == NULL)
		return mi_err(MEDIATE_EINVAL, "money format: NULL buffer");
	if (amount == INT64_MIN)
		return overflow();
	m = amount < 0 ? (uint64_t)(-amount) : (uint64_t)amount;
	*--p = '\0';
	for (i = 0; i < 2; i++) {
		*--p = (char)('0' + m % 10);
		m /= 10;
	}
	*--p = '.';
	do {
		*--p = (char)('0' + m % 10);
		m /= 10;
	} while (m > 0);
	if (amount < 0)
		*--p = '-';
	len = (size_t)(tmp + sizeof tmp - p);
	if (len > size)
		return mi_err(MEDIATE_EBUFSIZE, "money format: buffer of %zu bytes is too small", size);
	memcpy(buf, p, len);
	return MEDIATE_OK;
}
