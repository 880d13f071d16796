/* SPDX-License-Identifier: MIT */
/*
 * libmediate: options shared by every YAML loader (policy, cases, roster...).
 *
 * Limits are enforced while parsing, before any work is done on the content:
 * a hostile document is refused early and cheaply.
 */
#ifndef MEDIATE_LOAD_H
#define MEDIATE_LOAD_H

#include "mediate/common.h"
#include "mediate/errors.h"

MEDIATE_BEGIN_DECLS

/* Called once for every error found, in document order. */
typedef void (*mediate_diag_fn)(const mediate_error *err, void *user);

typedef struct mediate_load_options {
	unsigned int version;        /* MEDIATE_LOAD_OPTIONS_VERSION */
	size_t max_document_bytes;   /* default 1 MiB */
	unsigned int max_depth;      /* nesting of mappings and sequences; default 64 */
	size_t max_scalar_bytes;     /* default 64 KiB */
	size_t max_nodes;            /* scalars + mappings + sequences; default 1,000,000 */
	unsigned int max_errors;     /* stop reporting after this many; default 100 */
	mediate_diag_fn on_error;    /* receives every error; NULL: none */
	void *on_error_user;
} mediate_load_options;

#define MEDIATE_LOAD_OPTIONS_VERSION 1
#define MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES ((size_t)1 << 20)
#define MEDIATE_DEFAULT_MAX_DEPTH 64u
#define MEDIATE_DEFAULT_MAX_SCALAR_BYTES ((size_t)64 << 10)
#define MEDIATE_DEFAULT_MAX_NODES ((size_t)1000000)
#define MEDIATE_DEFAULT_MAX_ERRORS 100u
#define MEDIATE_LOAD_OPTIONS_INIT { MEDIATE_LOAD_OPTIONS_VERSION, \
	MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES, MEDIATE_DEFAULT_MAX_DEPTH, \
	MEDIATE_DEFAULT_MAX_SCALAR_BYTES, MEDIATE_DEFAULT_MAX_NODES, \
	MEDIATE_DEFAULT_MAX_ERRORS, NULL, NULL }

/* Fills opts with the defaults above; version must be MEDIATE_LOAD_OPTIONS_VERSION. */
MEDIATE_EXTERN mediate_status mediate_load_options_init(mediate_load_options *opts, unsigned int version);

MEDIATE_END_DECLS

#endif /* MEDIATE_LOAD_H */
