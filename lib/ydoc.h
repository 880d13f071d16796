/* SPDX-License-Identifier: MIT */
/*
 * ydoc: the YAML reader every loader shares.
 *
 * libyaml's event parser feeds a small read-only tree whose nodes remember
 * their line and column.  Every limit of mediate_load_options is enforced on
 * the events, before the tree grows: depth, size, scalar length, node count;
 * anchors, aliases, tags and second documents are refused.  Loaders then
 * walk the tree with the typed getters below, which report errors with
 * file:line:column and a path such as "taxonomy[3].parent" and keep going,
 * so one run shows every problem of a file.
 */
#ifndef MEDIATE_YDOC_H
#define MEDIATE_YDOC_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

typedef enum { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP } ynode_kind;

typedef struct ynode ynode;
struct ynode {
	ynode_kind kind;
	unsigned char plain;       /* scalar written without quotes or block style */
	unsigned long line, col;   /* 1-based position of the node's start */
	const char *str;           /* scalar text (NUL-terminated), or NULL */
	size_t len;                /* scalar length in bytes */
	size_t count;              /* seq: items; map: key/value pairs */
	ynode *first;              /* seq: first item; map: first key */
	ynode *last;
	ynode *next;               /* next item (seq) or next key (map) */
	ynode *value;              /* for a map key: its value */
};

typedef struct yarena yarena;

typedef struct ydoc {
	ynode *root;               /* NULL for an empty document */
	yarena *arena;
} ydoc;

/*
 * Collects errors for one load.  Loaders find errors in the order they walk
 * (top-level keys, then section by section), so the records are kept and
 * ydiag_finish() hands them out sorted by position: the caller's record, the
 * thread's last error and on_error all see the document order.
 */
typedef struct ydiag {
	const char *file;                 /* name shown in messages */
	const mediate_load_options *opts; /* never NULL */
	mediate_error *first;             /* the caller's record for the first error, or NULL */
	unsigned int count;               /* errors so far */
	int first_code;                   /* code of the first error (in document order after finish) */
	mediate_error *recs;              /* kept until ydiag_finish() */
	unsigned int nrecs, caprecs;
	int streaming;                    /* out of memory: records go to on_error at once */
} ydiag;

/* A path under construction: "grading.rules[2].weight". */
typedef struct ypath {
	char buf[MEDIATE_ERROR_PATH_MAX];
	size_t len;
} ypath;

void ydiag_init(ydiag *d, const char *file, const mediate_load_options *opts, mediate_error *first);
/*
 * The start of every *_load_buffer: *opts NULL becomes the defaults (kept
 * in *defaults), d is initialised, and an unsupported options version is
 * reported through d (MEDIATE_EINVAL returned).  Pair with ydiag_finish().
 */
int ydiag_begin(ydiag *d, const mediate_load_options **opts, mediate_load_options *defaults, const char *name,
                mediate_error *err);
/*
 * The start of every *_load_file once its arguments are checked: reads the
 * whole file at path within the options' max_document_bytes (opts NULL:
 * the defaults).  On failure nothing is allocated, the error is recorded
 * with the file's name, copied to err (if not NULL), passed to on_error,
 * and its code returned; an unsupported options version is refused before
 * reading (MEDIATE_EINVAL).
 */
int ydoc_read_file(const char *path, const mediate_load_options *opts, mediate_error *err, char **data,
                   size_t *len);
/*
 * A load called with a NULL argument: sets the thread's error ("WHAT: NULL
 * argument"), copies it to err (if not NULL) and returns MEDIATE_EINVAL.
 */
int ydoc_null_argument(const char *what, mediate_error *err);
/*
 * One kind of document that a policy-bound loader reads (cases, a case
 * list, a roster, ratings): what names it in a NULL-argument error, and
 * its parser, which fills *(T **)out from data under ctx (the policy) and
 * reports every error through d.
 */
typedef struct ydoc_kind {
	const char *what;
	int (*parse)(void *out, const void *ctx, const char *data, size_t len, ydiag *d);
} ydoc_kind;
/*
 * The body of every policy-bound *_load_buffer / *_from_yaml: refuses a
 * NULL out or ctx (and NULL data with len > 0), checks the options, runs
 * the parser and returns the first error's code, every error having
 * reached err and on_error in document order.  The caller sets *out to
 * NULL first (when out is not NULL).
 */
int ydoc_load_buffer(const ydoc_kind *k, void *out, const void *ctx, const char *data, size_t len,
                     const char *name, const mediate_load_options *opts, mediate_error *err);
/*
 * The body of every *_load_file: refuses NULL out, path or (with
 * need_ctx) ctx, reads the file within the options' limit, and hands it
 * to load_buffer under the file's name.  The caller sets *out to NULL
 * first (when out is not NULL).
 */
int ydoc_load_file(const char *what, void *out, const void *ctx, int need_ctx, const char *path,
                   const mediate_load_options *opts, mediate_error *err,
                   int (*load_buffer)(void *out, const void *ctx, const char *data, size_t len,
                                      const char *name, const mediate_load_options *opts,
                                      mediate_error *err));
/* Reports one error at node n (may be NULL) with the path p (may be NULL). */
void ydiag_report(ydiag *d, int code, const ynode *n, const ypath *p, const char *fmt, ...) MI_PRINTF(5, 6);
/* Reports at an explicit position. */
void ydiag_report_at(ydiag *d, int code, unsigned long line, unsigned long col, const ypath *p,
                     const char *fmt, ...) MI_PRINTF(6, 7);
/* Nonzero once max_errors errors were reported: stop walking. */
int ydiag_full(const ydiag *d);
/*
 * Sorts the errors by line and column (stable; errors without a position
 * first), fills the caller's record and the thread's last error with the
 * first, calls on_error for each, and frees them.  Every ydiag_init() must
 * be paired with one ydiag_finish().
 */
void ydiag_finish(ydiag *d);

/* Path building: push returns the old length, pop restores it. */
size_t ypath_key(ypath *p, const char *key);
size_t ypath_index(ypath *p, size_t i);
void ypath_pop(ypath *p, size_t mark);

/*
 * Parses a whole buffer.  On failure the first error is reported through d
 * and its code returned; *doc is untouched.  A syntax error, a limit or an
 * unsupported construct stops the parse at once.
 */
int ydoc_parse(ydoc *doc, const char *data, size_t len, ydiag *d);
void ydoc_free(ydoc *doc);

/* Node kinds and scalar helpers. */
const char *ynode_kind_name(const ynode *n);
int ynode_is_null(const ynode *n);           /* plain "", "~", "null", "Null", "NULL" */
ynode *ymap_get(const ynode *map, const char *key);

/*
 * Checks the keys of a mapping against a NULL-terminated list; every unknown
 * key is reported with a "did you mean" for near misses.  Returns the number
 * of unknown keys.
 */
size_t ymap_check_keys(ydiag *d, const ynode *map, ypath *p, const char *const *allowed);

/* Typed reads.  Each reports a precise error and returns nonzero when the
 * node has the wrong type or value.  Strings are validated UTF-8 (the whole
 * document already is) and borrowed from the document. */
int yget_map(ydiag *d, const ynode *n, const ypath *p);
int yget_seq(ydiag *d, const ynode *n, const ypath *p);
int yget_str(ydiag *d, const ynode *n, const ypath *p, const char **out);
int yget_int(ydiag *d, const ynode *n, const ypath *p, int64_t min, int64_t max, int64_t *out);
int yget_bool(ydiag *d, const ynode *n, const ypath *p, int *out);
int yget_money(ydiag *d, const ynode *n, const ypath *p, int64_t *out);
int yget_time(ydiag *d, const ynode *n, const ypath *p, int64_t *out, int *offset);
/*
 * Looks a required key up in a map; reports "missing key" at a near miss of
 * it (a typo, where ymap_check_keys() says "did you mean"), else at the map.
 */
ynode *yreq(ydiag *d, const ynode *map, const ypath *p, const char *key);
/* The key of map closest to key (edit distance 1 or 2), or NULL. */
const ynode *ymap_near_key(const ynode *map, const char *key);

/* Picks the closest word of a NULL-terminated list (distance <= 2), or NULL. */
const char *ysuggest(const char *word, const char *const *words);

/*
 * A latitude or longitude: "29.857000" -> 29857000 (millionths of a
 * degree), at most six decimals, no exponent, |value| <= 180.  Anything
 * else is reported at n with path (MEDIATE_EVALIDATE returned).
 */
int ydoc_degrees_micro(ydiag *d, const ypath *path, const ynode *n, int32_t *out);

#endif /* MEDIATE_YDOC_H */
