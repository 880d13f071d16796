/* SPDX-License-Identifier: MIT */
/* libmediate: identifiers (UUIDs in canonical text form). */
#ifndef MEDIATE_ID_H
#define MEDIATE_ID_H

#include "mediate/common.h"

MEDIATE_BEGIN_DECLS

/* 36 characters and the NUL. */
#define MEDIATE_ID_BUFSIZE 37

typedef struct mediate_id {
	unsigned char bytes[16];
} mediate_id;

/* A new random (version 4) UUID. */
MEDIATE_EXTERN mediate_status mediate_id_generate(mediate_id *out);
/* Parses the canonical 8-4-4-4-12 hexadecimal form (either case). */
MEDIATE_EXTERN mediate_status mediate_id_parse(mediate_id *out, const char *text);
/* Writes lower-case canonical text; size must be at least MEDIATE_ID_BUFSIZE. */
MEDIATE_EXTERN mediate_status mediate_id_format(char *buf, size_t size, const mediate_id *id);
/* <0, 0, >0 like memcmp. */
MEDIATE_EXTERN int mediate_id_compare(const mediate_id *a, const mediate_id *b);
/* 1 when all bytes are zero. */
MEDIATE_EXTERN int mediate_id_is_nil(const mediate_id *id);

MEDIATE_END_DECLS

#endif /* MEDIATE_ID_H */
