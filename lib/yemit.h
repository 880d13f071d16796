/* SPDX-License-Identifier: MIT */
/*
 * The YAML writer shared by the exports (cases, ratings): libyaml's
 * emitter into a growing buffer, in one canonical form: block style, UTF-8
 * unescaped, no line wrapping, indent 2, "\n" line breaks.  A text is
 * written plain when that is unambiguous and double-quoted otherwise
 * (yemit_text_is_plain), so the bytes depend only on the data.
 *
 * Every call after the first failure does nothing; yemit_close() returns
 * that failure (MEDIATE_ENOMEM or MEDIATE_EINTERNAL, the thread's error
 * set) and frees the buffer.
 */
#ifndef MEDIATE_YEMIT_H
#define MEDIATE_YEMIT_H

#include <yaml.h>

#include "internal.h"

typedef struct yemit {
	yaml_emitter_t y;
	mi_buf buf;
	int rc;             /* first failure, 0 */
	int offset;         /* the exporter's: minutes east of UTC for times */
	unsigned int flags; /* the exporter's */
} yemit;

/* Scalar styles: TEXT plain when unambiguous, else quoted; QUOTED always. */
enum { YEMIT_TEXT, YEMIT_QUOTED, YEMIT_PLAIN };

/* Starts the stream and the document; the failure code, or 0. */
int yemit_open(yemit *e, unsigned int flags);
/* Ends them; *out (NUL-terminated, mi_free) and *len (may be NULL). */
int yemit_close(yemit *e, char **out, size_t *len);
/* Emits ev, initialised by an initializer that returned ok. */
void yemit_event(yemit *e, yaml_event_t *ev, int ok);
int yemit_text_is_plain(const char *s);
void yemit_scalar(yemit *e, const char *s, int style);
void yemit_map_start(yemit *e);
void yemit_map_end(yemit *e);
void yemit_seq_start(yemit *e);
void yemit_seq_end(yemit *e);

#endif
