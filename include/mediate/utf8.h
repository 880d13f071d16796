/* SPDX-License-Identifier: MIT */
/* libmediate: UTF-8 validation at the boundary. */
#ifndef MEDIATE_UTF8_H
#define MEDIATE_UTF8_H

#include "mediate/common.h"

MEDIATE_BEGIN_DECLS

/*
 * Checks that len bytes at s are well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) with no NUL byte.
 * Returns 0 or MEDIATE_EUTF8; *bad_offset, if not NULL, receives the offset
 * of the first bad byte.
 */
MEDIATE_EXTERN mediate_status mediate_utf8_validate(const char *s, size_t len, size_t *bad_offset);
/* Number of code points in a valid string, or MEDIATE_EUTF8. */
MEDIATE_EXTERN mediate_status mediate_utf8_length(size_t *out, const char *s, size_t len);

MEDIATE_END_DECLS

#endif /* MEDIATE_UTF8_H */
