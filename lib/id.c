/* SPDX-License-Identifier: MIT */
/* Identifiers: random UUIDs from libuuid, canonical lower-case text. */
#include "config.h"

#include <string.h>
#include <uuid/uuid.h>

#include "internal.h"

mediate_status
mediate_id_generate(mediate_id *out)
{
	if (out == NULL)
		return mi_err(MEDIATE_EINVAL, "id: NULL output");
	uuid_generate_random(out->bytes);
	return MEDIATE_OK;
}

mediate_status
mediate_id_parse(mediate_id *out, const char *text)
{
	size_t i;
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	if (out == NULL || text == NULL)
		return mi_err(MEDIATE_EINVAL, "id: NULL argument");
	/* uuid_parse() accepts some sloppy forms; check the shape ourselves. */
	for (i = 0; i < sizeof shape - 1; i++) {
		char c = text[i];
		if (shape[i] == '-' ? c != '-'
		    : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return mi_err(MEDIATE_EPARSE, "id \"%.40s\": expected a UUID like 3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b", text);
	}
	if (text[i] != '\0' || uuid_parse(text, out->bytes) != 0)
		return mi_err(MEDIATE_EPARSE, "id \"%.40s\": expected a UUID like 3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b", text);
	return MEDIATE_OK;
}

mediate_status
mediate_id_format(char *buf, size_t size, const mediate_id *id)
{
	if (buf == NULL || id == NULL)
		return mi_err(MEDIATE_EINVAL, "id: NULL argument");
	if (size < MEDIATE_ID_BUFSIZE)
		return mi_err(MEDIATE_EBUFSIZE, "id: buffer of %zu bytes is too small", size);
	uuid_unparse_lower(id->bytes, buf);
	return MEDIATE_OK;
}

int
mediate_id_compare(const mediate_id *a, const mediate_id *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return memcmp(a->bytes, b->bytes, sizeof a->bytes);
}

int
mediate_id_is_nil(const mediate_id *id)
{
	static const unsigned char zero[16];
	return id == NULL || memcmp(id->bytes, zero, sizeof zero) == 0;
}
