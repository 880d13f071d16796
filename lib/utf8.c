/* SPDX-License-Identifier: MIT */
/* UTF-8 validation (RFC 3629), done once at the boundary of the library. */
#include "config.h"

#include "internal.h"

/* Returns the length of the sequence at s (1-4), or 0 if it is not valid. */
static size_t
sequence(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;          /* continuation byte, overlong 2-byte lead, or > U+10FFFF */
	if (c < 0xE0) {
		return left >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	}
	if (c < 0xF0) {
		if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;  /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;  /* surrogate */
		return 3;
	}
	if (left < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
		return 0;
	if (c == 0xF0 && s[1] < 0x90)
		return 0;          /* overlong */
	if (c == 0xF4 && s[1] >= 0x90)
		return 0;          /* above U+10FFFF */
	return 4;
}

mediate_status
mediate_utf8_validate(const char *str, size_t len, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;

	if (str == NULL && len > 0)
		return mi_err(MEDIATE_EINVAL, "utf8: NULL string");
	while (i < len) {
		if (s[i] >= 0x20 && s[i] < 0x80) {  /* fast path for ASCII text */
			i++;
			continue;
		}
		n = sequence(s + i, len - i);
		if (n == 0) {
			if (bad_offset != NULL)
				*bad_offset = i;
			return mi_err(MEDIATE_EUTF8, s[i] == 0 ? "NUL byte at offset %zu"
			              : "invalid UTF-8 at offset %zu", i);
		}
		i += n;
	}
	return MEDIATE_OK;
}

mediate_status
mediate_utf8_length(size_t *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i, count = 0;
	int rc;

	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "utf8: NULL output");
	if ((rc = mediate_utf8_validate(str, len, NULL)) != 0)
		return rc;
	for (i = 0; i < len; i++)
		count += (s[i] & 0xC0) != 0x80;
	*out = count;
	return MEDIATE_OK;
}
