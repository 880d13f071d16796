/* SPDX-License-Identifier: MIT */
/*
 * libmediate: exact money.
 *
 * Amounts are int64_t minor units (fen: 1 yuan = 100 fen).  Every operation
 * checks for overflow and returns MEDIATE_ERANGE instead of wrapping; no
 * floating point is used anywhere.  INT64_MIN is never produced, so every
 * amount can be negated.
 */
#ifndef MEDIATE_MONEY_H
#define MEDIATE_MONEY_H

#include "mediate/common.h"

MEDIATE_BEGIN_DECLS

/* Largest and smallest representable amounts. */
#define MEDIATE_MONEY_MAX INT64_MAX
#define MEDIATE_MONEY_MIN (-INT64_MAX)
/* Enough for "-92233720368547758.07" and its NUL. */
#define MEDIATE_MONEY_BUFSIZE 24

MEDIATE_EXTERN mediate_status mediate_money_add(int64_t *out, int64_t a, int64_t b);
MEDIATE_EXTERN mediate_status mediate_money_sub(int64_t *out, int64_t a, int64_t b);
MEDIATE_EXTERN mediate_status mediate_money_mul(int64_t *out, int64_t amount, int64_t factor);
/*
 * amount * num / den, rounded half away from zero ("half-up" on magnitudes)
 * to the fen.  den must be positive.  Used for per-mille factors and
 * proration by days.
 */
MEDIATE_EXTERN mediate_status mediate_money_mul_ratio(int64_t *out, int64_t amount,
                                                      int64_t num, int64_t den);
/*
 * Splits total into n parts proportional to weights by the largest remainder
 * method: parts always add up to total exactly; ties in the remainder go to
 * the lower index.  At least one weight must be positive; none negative.
 */
MEDIATE_EXTERN mediate_status mediate_money_split(int64_t *parts, int64_t total,
                                                  const uint32_t *weights, size_t n);
/*
 * Parses "1234.56", "-0.5", "12" (yuan with up to two decimals).  No
 * grouping, no spaces, no exponent; leading '+' allowed.
 */
MEDIATE_EXTERN mediate_status mediate_money_parse(int64_t *out, const char *text);
/*
 * Formats as "-1234.56" (always two decimals).  size must be at least
 * MEDIATE_MONEY_BUFSIZE or the result must fit; else MEDIATE_EBUFSIZE.
 */
MEDIATE_EXTERN mediate_status mediate_money_format(char *buf, size_t size, int64_t amount);

MEDIATE_END_DECLS

#endif /* MEDIATE_MONEY_H */
