/* SPDX-License-Identifier: MIT */
/*
 * ydoc: YAML events -> a small positioned tree, with our limits enforced on
 * the events (see ydoc.h for why).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ydoc.h"

/* ---- arena: nodes and scalar text of one document, freed at once ---- */

struct yarena {
	struct ychunk *chunks;
};

/* The strictest alignment a node or a string needs (max_align_t is C11). */
typedef union { long double ld; long long ll; void *p; double d; } yalign;

struct ychunk {
	struct ychunk *next;
	size_t used, cap;
	yalign data[];
};

static void *
arena_alloc(yarena *a, size_t size)
{
	struct ychunk *c = a->chunks;
	size = (size + sizeof(yalign) - 1) / sizeof(yalign) * sizeof(yalign);
	if (c == NULL || c->cap - c->used < size) {
		size_t cap = size > 32768 ? size : 32768;
		c = mi_malloc(sizeof *c + cap);
		if (c == NULL)
			return NULL;
		c->cap = cap;
		c->used = 0;
		c->next = a->chunks;
		a->chunks = c;
	}
	c->used += size;
	return (char *)c->data + c->used - size;
}

static void
arena_free(yarena *a)
{
	struct ychunk *c, *n;
	if (a == NULL)
		return;
	for (c = a->chunks; c != NULL; c = n) {
		n = c->next;
		mi_free(c);
	}
	mi_free(a);
}

void
ydoc_free(ydoc *doc)
{
	if (doc == NULL)
		return;
	arena_free(doc->arena);
	doc->arena = NULL;
	doc->root = NULL;
}

/* ---- diagnostics ---- */

void
ydiag_init(ydiag *d, const char *file, const mediate_load_options *opts, mediate_error *first)
{
	memset(d, 0, sizeof *d);
	d->file = file != NULL ? file : "";
	d->opts = opts;
	d->first = first;
	if (first != NULL)
		mi_err_fill(first, MEDIATE_OK, d->file, 0, 0, NULL, "no error");
}

int
ydiag_begin(ydiag *d, const mediate_load_options **opts, mediate_load_options *defaults, const char *name,
            mediate_error *err)
{
	mediate_load_options init = MEDIATE_LOAD_OPTIONS_INIT;
	*defaults = init;
	if (*opts == NULL)
		*opts = defaults;
	ydiag_init(d, name, *opts, err);
	if ((*opts)->version != MEDIATE_LOAD_OPTIONS_VERSION) {
		/* The other fields of an unknown version mean nothing. */
		ydiag_init(d, name, defaults, err);
		ydiag_report_at(d, MEDIATE_EINVAL, 0, 0, NULL, "load options version %u is not supported",
		                (*opts)->version);
		return MEDIATE_EINVAL;
	}
	return 0;
}

int
ydoc_null_argument(const char *what, mediate_error *err)
{
	int rc = mi_err(MEDIATE_EINVAL, "%s: NULL argument", what);
	if (err != NULL)
		*err = *mediate_error_last();
	return rc;
}

int
ydoc_read_file(const char *path, const mediate_load_options *opts, mediate_error *err, char **data, size_t *len)
{
	mediate_load_options defaults = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error rec;
	int rc;

	if (opts == NULL)
		opts = &defaults;
	if (opts->version != MEDIATE_LOAD_OPTIONS_VERSION) {
		rc = mi_err(MEDIATE_EINVAL, "load options version %u is not supported", opts->version);
		if (err != NULL)
			*err = *mediate_error_last();
		return rc;
	}
	if ((rc = mi_read_file(path, opts->max_document_bytes, data, len)) == 0)
		return 0;
	rec = *mediate_error_last();
	mi_strlcpy(rec.file, path, sizeof rec.file);
	if (rc == MEDIATE_ELIMIT)
		mi_err_fill(&rec, rc, path, 0, 0, NULL, "document is larger than the limit of %zu bytes (max_document_bytes)",
		            opts->max_document_bytes);
	mi_err_set_record(&rec);
	if (err != NULL)
		*err = rec;
	if (opts->on_error != NULL)
		opts->on_error(&rec, opts->on_error_user);
	return rc;
}

int
ydoc_load_buffer(const ydoc_kind *k, void *out, const void *ctx, const char *data, size_t len,
                 const char *name, const mediate_load_options *opts, mediate_error *err)
{
	mediate_load_options defaults;
	ydiag d;
	int rc;

	if ((rc = ydiag_begin(&d, &opts, &defaults, name, err)) == 0) {
		if (out == NULL || ctx == NULL || (data == NULL && len > 0)) {
			ydiag_report_at(&d, MEDIATE_EINVAL, 0, 0, NULL, "%s: NULL argument", k->what);
			rc = MEDIATE_EINVAL;
		} else {
			rc = k->parse(out, ctx, data, len, &d);
		}
	}
	ydiag_finish(&d);
	return rc != 0 && d.first_code != 0 ? d.first_code : rc;
}

int
ydoc_load_file(const char *what, void *out, const void *ctx, int need_ctx, const char *path,
               const mediate_load_options *opts, mediate_error *err,
               int (*load_buffer)(void *out, const void *ctx, const char *data, size_t len, const char *name,
                                  const mediate_load_options *opts, mediate_error *err))
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (out == NULL || (need_ctx && ctx == NULL) || path == NULL)
		return ydoc_null_argument(what, err);
	if ((rc = ydoc_read_file(path, opts, err, &data, &len)) != 0)
		return rc;
	rc = load_buffer(out, ctx, data, len, path, opts, err);
	mi_free(data);
	return rc;
}

int
ydiag_full(const ydiag *d)
{
	return d->opts->max_errors > 0 && d->count >= d->opts->max_errors;
}

static void
ydiag_vreport(ydiag *d, int code, unsigned long line, unsigned long col, const ypath *p,
              const char *fmt, va_list ap)
{
	mediate_error rec;

	if (ydiag_full(d))
		return;
	mi_err_vfill(&rec, code, d->file, line, col, p != NULL ? p->buf : NULL, fmt, ap);
	if (d->count == 0) {
		d->first_code = code;
		if (d->first != NULL)
			*d->first = rec;
		mi_err_set_record(&rec);
	}
	d->count++;
	if (d->nrecs == d->caprecs && !d->streaming) {
		unsigned int cap = d->caprecs ? d->caprecs * 2 : 8;
		mediate_error *r = mi_reallocarray(d->recs, cap, sizeof *r);
		if (r == NULL) {
			/* Out of memory: hand out what we have, unsorted, and the
			 * rest as it comes. */
			unsigned int i;
			if (d->opts->on_error != NULL)
				for (i = 0; i < d->nrecs; i++)
					d->opts->on_error(&d->recs[i], d->opts->on_error_user);
			d->streaming = 1;
		} else {
			d->recs = r;
			d->caprecs = cap;
		}
	}
	if (!d->streaming) {
		d->recs[d->nrecs++] = rec;
	} else {
		if (d->opts->on_error != NULL)
			d->opts->on_error(&rec, d->opts->on_error_user);
	}
}

struct ydiag_order {
	unsigned long line, col;
	unsigned int index;
};

static int
cmp_order(const void *a, const void *b)
{
	const struct ydiag_order *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

void
ydiag_finish(ydiag *d)
{
	struct ydiag_order *order = NULL;
	unsigned int i;

	if (d->nrecs > 0 && !d->streaming)
		order = mi_calloc(d->nrecs, sizeof *order);
	if (order != NULL) {
		for (i = 0; i < d->nrecs; i++) {
			order[i].line = d->recs[i].line;
			order[i].col = d->recs[i].line > 0 ? d->recs[i].column : 0;
			order[i].index = i;
		}
		qsort(order, d->nrecs, sizeof *order, cmp_order);
		d->first_code = d->recs[order[0].index].code;
		if (d->first != NULL)
			*d->first = d->recs[order[0].index];
		mi_err_set_record(&d->recs[order[0].index]);
		if (d->opts->on_error != NULL)
			for (i = 0; i < d->nrecs; i++)
				d->opts->on_error(&d->recs[order[i].index], d->opts->on_error_user);
		mi_free(order);
	} else if (!d->streaming && d->opts->on_error != NULL) {
		/* No memory to sort: the order in which they were found. */
		for (i = 0; i < d->nrecs; i++)
			d->opts->on_error(&d->recs[i], d->opts->on_error_user);
	}
	mi_free(d->recs);
	d->recs = NULL;
	d->nrecs = d->caprecs = 0;
}

void
ydiag_report_at(ydiag *d, int code, unsigned long line, unsigned long col, const ypath *p,
                const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ydiag_vreport(d, code, line, col, p, fmt, ap);
	va_end(ap);
}

void
ydiag_report(ydiag *d, int code, const ynode *n, const ypath *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ydiag_vreport(d, code, n ? n->line : 0, n ? n->col : 0, p, fmt, ap);
	va_end(ap);
}

/* ---- paths ---- */

size_t
ypath_key(ypath *p, const char *key)
{
	size_t mark = p->len;
	int n = snprintf(p->buf + p->len, sizeof p->buf - p->len, "%s%s", p->len ? "." : "", key);
	if (n > 0)
		p->len = p->len + (size_t)n < sizeof p->buf ? p->len + (size_t)n : sizeof p->buf - 1;
	return mark;
}

size_t
ypath_index(ypath *p, size_t i)
{
	size_t mark = p->len;
	int n = snprintf(p->buf + p->len, sizeof p->buf - p->len, "[%zu]", i);
	if (n > 0)
		p->len = p->len + (size_t)n < sizeof p->buf ? p->len + (size_t)n : sizeof p->buf - 1;
	return mark;
}

void
ypath_pop(ypath *p, size_t mark)
{
	p->len = mark;
	p->buf[mark] = '\0';
}

/* ---- parser ---- */

/* One key of one mapping, in the table that finds duplicate keys. */
struct keyslot {
	const ynode *map;
	const ynode *key;
};

struct builder {
	ydoc doc;
	ydiag *d;
	ynode **stack;       /* open containers */
	size_t depth, cap;
	size_t nodes;
	int pending_key;     /* top map is waiting for a value for its last key */
	/* Every (mapping, key) pair of the document, hashed: comparing each key
	 * with its siblings would make a flat 1 MiB mapping take minutes. */
	struct keyslot *keys;
	size_t nkeys, keycap;  /* keycap is 0 or a power of two */
};

static size_t
key_hash(const ynode *map, const ynode *key)
{
	/* FNV-1a over the text, then the mapping's address, then a final mix
	 * so that the low bits (the table index) depend on all of it. */
	uint64_t h = 14695981039346656037ULL;
	size_t i;
	for (i = 0; i < key->len; i++) {
		h ^= (unsigned char)key->str[i];
		h *= 1099511628211ULL;
	}
	h ^= (uint64_t)(uintptr_t)map * 0x9E3779B97F4A7C15ULL;
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	return (size_t)h;
}

/* Returns the key already present in map with the same text, or NULL after
 * adding it; *nomem is set when the table could not grow. */
static const ynode *
key_insert(struct builder *b, const ynode *map, const ynode *key, int *nomem)
{
	size_t i, mask;

	if (2 * (b->nkeys + 1) > b->keycap) {
		size_t cap = b->keycap ? b->keycap * 2 : 64, j;
		struct keyslot *t = mi_calloc(cap, sizeof *t);
		if (t == NULL) {
			*nomem = 1;
			return NULL;
		}
		for (j = 0; j < b->keycap; j++) {
			if (b->keys[j].map == NULL)
				continue;
			i = key_hash(b->keys[j].map, b->keys[j].key) & (cap - 1);
			while (t[i].map != NULL)
				i = (i + 1) & (cap - 1);
			t[i] = b->keys[j];
		}
		mi_free(b->keys);
		b->keys = t;
		b->keycap = cap;
	}
	mask = b->keycap - 1;
	for (i = key_hash(map, key) & mask; b->keys[i].map != NULL; i = (i + 1) & mask) {
		const ynode *k = b->keys[i].key;
		if (b->keys[i].map == map && k->len == key->len && memcmp(k->str, key->str, key->len) == 0)
			return k;
	}
	b->keys[i].map = map;
	b->keys[i].key = key;
	b->nkeys++;
	return NULL;
}

static void
offset_to_position(const char *data, size_t off, unsigned long *line, unsigned long *col)
{
	size_t i;
	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static int
attach(struct builder *b, ynode *n, const yaml_event_t *ev)
{
	ynode *top;

	if (b->depth == 0) {
		b->doc.root = n;
		return 0;
	}
	top = b->stack[b->depth - 1];
	if (top->kind == YNODE_SEQ) {
		if (top->last)
			top->last->next = n;
		else
			top->first = n;
		top->last = n;
		top->count++;
		return 0;
	}
	/* Mapping: alternately a key, then its value. */
	if (top->last != NULL && top->last->value == NULL) {
		top->last->value = n;
		return 0;
	}
	if (n->kind != YNODE_SCALAR) {
		ydiag_report_at(b->d, MEDIATE_EPARSE, ev->start_mark.line + 1, ev->start_mark.column + 1,
		                NULL, "a mapping key must be a plain text, not a %s", ynode_kind_name(n));
		return MEDIATE_EPARSE;
	}
	{
		int nomem = 0;
		const ynode *k = key_insert(b, top, n, &nomem);
		if (nomem) {
			ydiag_report_at(b->d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
			return MEDIATE_ENOMEM;
		}
		if (k != NULL) {
			ydiag_report_at(b->d, MEDIATE_EPARSE, n->line, n->col, NULL,
			                "duplicate key \"%s\" (first at line %lu)", n->str, k->line);
			return MEDIATE_EPARSE;
		}
	}
	if (top->last)
		top->last->next = n;
	else
		top->first = n;
	top->last = n;
	top->count++;
	return 0;
}

static ynode *
new_node(struct builder *b, ynode_kind kind, const yaml_event_t *ev)
{
	ynode *n;
	if (++b->nodes > b->d->opts->max_nodes) {
		ydiag_report_at(b->d, MEDIATE_ELIMIT, ev->start_mark.line + 1, ev->start_mark.column + 1, NULL,
		                "document has more than %zu nodes (limit max_nodes)", b->d->opts->max_nodes);
		return NULL;
	}
	n = arena_alloc(b->doc.arena, sizeof *n);
	if (n == NULL) {
		ydiag_report_at(b->d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
		return NULL;
	}
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->line = ev->start_mark.line + 1;
	n->col = ev->start_mark.column + 1;
	return n;
}

static int
refuse_extras(struct builder *b, const yaml_event_t *ev, const yaml_char_t *anchor, const yaml_char_t *tag,
              int implicit)
{
	if (anchor != NULL) {
		ydiag_report_at(b->d, MEDIATE_EPARSE, ev->start_mark.line + 1, ev->start_mark.column + 1, NULL,
		                "anchors (&%.40s) are not supported", (const char *)anchor);
		return MEDIATE_EPARSE;
	}
	if (tag != NULL && !implicit) {
		ydiag_report_at(b->d, MEDIATE_EPARSE, ev->start_mark.line + 1, ev->start_mark.column + 1, NULL,
		                "tags (%.60s) are not supported", (const char *)tag);
		return MEDIATE_EPARSE;
	}
	return 0;
}

static int
handle(struct builder *b, yaml_event_t *ev, int *docs, int *done)
{
	ynode *n;
	int rc;
	const mediate_load_options *o = b->d->opts;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	case YAML_STREAM_END_EVENT:
		*done = 1;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			ydiag_report_at(b->d, MEDIATE_EPARSE, ev->start_mark.line + 1, ev->start_mark.column + 1,
			                NULL, "only one document is allowed in a file");
			return MEDIATE_EPARSE;
		}
		if (ev->data.document_start.version_directive != NULL ||
		    ev->data.document_start.tag_directives.start != ev->data.document_start.tag_directives.end) {
			ydiag_report_at(b->d, MEDIATE_EPARSE, ev->start_mark.line + 1, ev->start_mark.column + 1,
			                NULL, "%%YAML and %%TAG directives are not supported");
			return MEDIATE_EPARSE;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		ydiag_report_at(b->d, MEDIATE_EPARSE, ev->start_mark.line + 1, ev->start_mark.column + 1, NULL,
		                "aliases (*%.40s) are not supported", (const char *)ev->data.alias.anchor);
		return MEDIATE_EPARSE;
	case YAML_SCALAR_EVENT:
		if ((rc = refuse_extras(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag,
		                        ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit)) != 0)
			return rc;
		if (ev->data.scalar.length > o->max_scalar_bytes) {
			ydiag_report_at(b->d, MEDIATE_ELIMIT, ev->start_mark.line + 1, ev->start_mark.column + 1, NULL,
			                "text of %zu bytes is longer than the limit of %zu (max_scalar_bytes)",
			                ev->data.scalar.length, o->max_scalar_bytes);
			return MEDIATE_ELIMIT;
		}
		if ((n = new_node(b, YNODE_SCALAR, ev)) == NULL)
			return b->d->first_code;
		{
			char *s = arena_alloc(b->doc.arena, ev->data.scalar.length + 1);
			if (s == NULL) {
				ydiag_report_at(b->d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
				return MEDIATE_ENOMEM;
			}
			memcpy(s, ev->data.scalar.value, ev->data.scalar.length);
			s[ev->data.scalar.length] = '\0';
			n->str = s;
			n->len = ev->data.scalar.length;
			if (memchr(s, '\0', n->len) != NULL) {
				ydiag_report_at(b->d, MEDIATE_EUTF8, n->line, n->col, NULL, "text holds a NUL character");
				return MEDIATE_EUTF8;
			}
		}
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return attach(b, n, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (ev->type == YAML_SEQUENCE_START_EVENT)
			rc = refuse_extras(b, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag,
			                   ev->data.sequence_start.implicit);
		else
			rc = refuse_extras(b, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag,
			                   ev->data.mapping_start.implicit);
		if (rc != 0)
			return rc;
		if (b->depth >= o->max_depth) {
			ydiag_report_at(b->d, MEDIATE_ELIMIT, ev->start_mark.line + 1, ev->start_mark.column + 1, NULL,
			                "nesting deeper than %u levels (limit max_depth)", o->max_depth);
			return MEDIATE_ELIMIT;
		}
		if ((n = new_node(b, ev->type == YAML_SEQUENCE_START_EVENT ? YNODE_SEQ : YNODE_MAP, ev)) == NULL)
			return b->d->first_code;
		if ((rc = attach(b, n, ev)) != 0)
			return rc;
		if (b->depth == b->cap) {
			size_t cap = b->cap ? b->cap * 2 : 16;
			ynode **s = mi_reallocarray(b->stack, cap, sizeof *s);
			if (s == NULL) {
				ydiag_report_at(b->d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
				return MEDIATE_ENOMEM;
			}
			b->stack = s;
			b->cap = cap;
		}
		b->stack[b->depth++] = n;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth == 0)
			return MEDIATE_EINTERNAL;
		b->depth--;
		return 0;
	default:
		return 0;
	}
}

int
ydoc_parse(ydoc *out, const char *data, size_t len, ydiag *d)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct builder b;
	size_t bad;
	int rc = 0, docs = 0, done = 0;

	memset(&b, 0, sizeof b);
	b.d = d;
	if (len > d->opts->max_document_bytes) {
		ydiag_report_at(d, MEDIATE_ELIMIT, 0, 0, NULL,
		                "document of %zu bytes is larger than the limit of %zu (max_document_bytes)",
		                len, d->opts->max_document_bytes);
		return MEDIATE_ELIMIT;
	}
	if (mediate_utf8_validate(data, len, &bad) != 0) {
		unsigned long line, col;
		offset_to_position(data, bad, &line, &col);
		ydiag_report_at(d, MEDIATE_EUTF8, line, col, NULL,
		                data[bad] == '\0' ? "NUL byte in the document" : "invalid UTF-8 (byte 0x%02X)",
		                (unsigned char)data[bad]);
		return MEDIATE_EUTF8;
	}
	b.doc.arena = mi_calloc(1, sizeof *b.doc.arena);
	if (b.doc.arena == NULL) {
		ydiag_report_at(d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory");
		return MEDIATE_ENOMEM;
	}
	if (!yaml_parser_initialize(&parser)) {
		arena_free(b.doc.arena);
		ydiag_report_at(d, MEDIATE_ENOMEM, 0, 0, NULL, "out of memory (YAML parser)");
		return MEDIATE_ENOMEM;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			/* Any failed parse is an error, even if libyaml says "no error"
			 * (it does so under allocation failure). */
			if (parser.error == YAML_MEMORY_ERROR || parser.error == YAML_NO_ERROR) {
				ydiag_report_at(d, parser.error == YAML_MEMORY_ERROR ? MEDIATE_ENOMEM : MEDIATE_EPARSE,
				                0, 0, NULL, "the YAML parser failed (%s)",
				                parser.error == YAML_MEMORY_ERROR ? "out of memory" : "no reason given");
				rc = parser.error == YAML_MEMORY_ERROR ? MEDIATE_ENOMEM : MEDIATE_EPARSE;
			} else {
				const yaml_mark_t *m = parser.problem_mark.line || parser.problem_mark.column
				                       ? &parser.problem_mark : &parser.context_mark;
				if (parser.context != NULL)
					ydiag_report_at(d, MEDIATE_EPARSE, m->line + 1, m->column + 1, NULL,
					                "YAML syntax: %s %s", parser.context,
					                parser.problem ? parser.problem : "");
				else
					ydiag_report_at(d, MEDIATE_EPARSE, m->line + 1, m->column + 1, NULL,
					                "YAML syntax: %s", parser.problem ? parser.problem : "error");
				rc = MEDIATE_EPARSE;
			}
			break;
		}
		rc = handle(&b, &ev, &docs, &done);
		yaml_event_delete(&ev);
		if (rc != 0)
			break;
	}
	yaml_parser_delete(&parser);
	mi_free(b.stack);
	mi_free(b.keys);
	if (rc != 0) {
		if (d->count == 0)
			ydiag_report_at(d, rc, 0, 0, NULL, "%s", mediate_strerror(rc));
		arena_free(b.doc.arena);
		return rc;
	}
	*out = b.doc;
	return 0;
}

/* ---- walking ---- */

const char *
ynode_kind_name(const ynode *n)
{
	if (n == NULL)
		return "nothing";
	switch (n->kind) {
	case YNODE_SCALAR:
		return ynode_is_null(n) ? "null" : "text";
	case YNODE_SEQ:
		return "list";
	case YNODE_MAP:
		return "mapping";
	}
	return "?";
}

int
ynode_is_null(const ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->kind != YNODE_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
	       strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

ynode *
ymap_get(const ynode *map, const char *key)
{
	ynode *k;
	if (map == NULL || map->kind != YNODE_MAP)
		return NULL;
	for (k = map->first; k != NULL; k = k->next)
		if (strcmp(k->str, key) == 0)
			return k->value;
	return NULL;
}

const char *
ysuggest(const char *word, const char *const *words)
{
	const char *best = NULL;
	size_t bestd = 3, i, dist;
	for (i = 0; words[i] != NULL; i++) {
		dist = mi_edit_distance(word, words[i], 2);
		if (dist < bestd) {
			bestd = dist;
			best = words[i];
		}
	}
	return best;
}

size_t
ymap_check_keys(ydiag *d, const ynode *map, ypath *p, const char *const *allowed)
{
	ynode *k;
	size_t unknown = 0, i, mark;
	for (k = map->first; k != NULL; k = k->next) {
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(k->str, allowed[i]) == 0)
				break;
		if (allowed[i] != NULL)
			continue;
		unknown++;
		mark = ypath_key(p, k->str);
		{
			const char *s = ysuggest(k->str, allowed);
			if (s != NULL)
				ydiag_report(d, MEDIATE_EVALIDATE, k, p, "unknown key \"%s\"; did you mean \"%s\"?", k->str, s);
			else
				ydiag_report(d, MEDIATE_EVALIDATE, k, p, "unknown key \"%s\"", k->str);
		}
		ypath_pop(p, mark);
	}
	return unknown;
}

int
yget_map(ydiag *d, const ynode *n, const ypath *p)
{
	if (n != NULL && n->kind == YNODE_MAP)
		return 0;
	ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected a mapping, found %s", ynode_kind_name(n));
	return MEDIATE_EVALIDATE;
}

int
yget_seq(ydiag *d, const ynode *n, const ypath *p)
{
	if (n != NULL && n->kind == YNODE_SEQ)
		return 0;
	ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected a list, found %s", ynode_kind_name(n));
	return MEDIATE_EVALIDATE;
}

int
yget_str(ydiag *d, const ynode *n, const ypath *p, const char **out)
{
	if (n == NULL || n->kind != YNODE_SCALAR || ynode_is_null(n)) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected text, found %s", ynode_kind_name(n));
		return MEDIATE_EVALIDATE;
	}
	*out = n->str;
	return 0;
}

int
yget_int(ydiag *d, const ynode *n, const ypath *p, int64_t min, int64_t max, int64_t *out)
{
	const char *s;
	int neg = 0;
	__int128 v = 0;

	if (n == NULL || n->kind != YNODE_SCALAR || !n->plain || ynode_is_null(n)) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected a whole number, found %s%s",
		             n && n->kind == YNODE_SCALAR && !n->plain ? "quoted " : "", ynode_kind_name(n));
		return MEDIATE_EVALIDATE;
	}
	s = n->str;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s == '\0')
		goto bad;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			goto bad;
		v = v * 10 + (*s - '0');
		if (v > (__int128)INT64_MAX + 1)
			break;
	}
	if (neg)
		v = -v;
	if (v < min || v > max) {
		ydiag_report(d, MEDIATE_ERANGE, n, p, "%s is out of range (%lld to %lld)", n->str,
		             (long long)min, (long long)max);
		return MEDIATE_ERANGE;
	}
	*out = (int64_t)v;
	return 0;
bad:
	ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected a whole number, found \"%.40s\"", n->str);
	return MEDIATE_EVALIDATE;
}

int
yget_bool(ydiag *d, const ynode *n, const ypath *p, int *out)
{
	if (n != NULL && n->kind == YNODE_SCALAR && n->plain) {
		if (strcmp(n->str, "true") == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(n->str, "false") == 0) {
			*out = 0;
			return 0;
		}
	}
	ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected true or false, found %s%.40s%s",
	             n && n->kind == YNODE_SCALAR ? "\"" : "", n && n->kind == YNODE_SCALAR ? n->str : ynode_kind_name(n),
	             n && n->kind == YNODE_SCALAR ? "\"" : "");
	return MEDIATE_EVALIDATE;
}

int
yget_money(ydiag *d, const ynode *n, const ypath *p, int64_t *out)
{
	int rc;
	if (n == NULL || n->kind != YNODE_SCALAR || ynode_is_null(n)) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected an amount like 1234.56, found %s", ynode_kind_name(n));
		return MEDIATE_EVALIDATE;
	}
	if ((rc = mediate_money_parse(out, n->str)) != 0) {
		ydiag_report(d, rc, n, p, "%s", mediate_error_last()->text);
		return rc;
	}
	return 0;
}

int
yget_time(ydiag *d, const ynode *n, const ypath *p, int64_t *out, int *offset)
{
	int rc;
	if (n == NULL || n->kind != YNODE_SCALAR || ynode_is_null(n)) {
		ydiag_report(d, MEDIATE_EVALIDATE, n, p, "expected a time like 2026-11-03T09:30:00+08:00, found %s",
		             ynode_kind_name(n));
		return MEDIATE_EVALIDATE;
	}
	if ((rc = mediate_time_parse(out, offset, n->str)) != 0) {
		ydiag_report(d, rc, n, p, "%s", mediate_error_last()->text);
		return rc;
	}
	return 0;
}

const ynode *
ymap_near_key(const ynode *map, const char *key)
{
	const ynode *k, *best = NULL;
	size_t bestd = 3, dist;
	if (map == NULL || map->kind != YNODE_MAP)
		return NULL;
	for (k = map->first; k != NULL; k = k->next) {
		dist = mi_edit_distance(k->str, key, 2);
		if (dist > 0 && dist < bestd) {
			bestd = dist;
			best = k;
		}
	}
	return best;
}

ynode *
yreq(ydiag *d, const ynode *map, const ypath *p, const char *key)
{
	ynode *v = ymap_get(map, key);
	if (v == NULL) {
		ypath tmp = *p;
		/* Beside a misspelt key ("nmae"), so that the "did you mean"
		 * reported there comes first; else at the mapping. */
		const ynode *near = ymap_near_key(map, key);
		ypath_key(&tmp, key);
		ydiag_report(d, MEDIATE_EVALIDATE, near != NULL ? near : map, &tmp,
		             "missing required key \"%s\"", key);
	}
	return v;
}

int
ydoc_degrees_micro(ydiag *d, const ypath *path, const ynode *n, int32_t *out)
{
	const char *p;
	long long whole = 0, frac = 0;
	int digits = 0, fd = 0, neg = 0;
	if (n == NULL || n->kind != YNODE_SCALAR || ynode_is_null(n))
		goto bad;
	p = n->str;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (digits == 0)
		goto bad;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9' && fd < 6; p++, fd++)
			frac = frac * 10 + (*p - '0');
		if (fd == 0)
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	for (; fd < 6; fd++)
		frac *= 10;
	whole = whole * 1000000 + frac;
	if (whole > 180000000)
		goto bad;
	*out = (int32_t)(neg ? -whole : whole);
	return 0;
bad:
	ydiag_report(d, MEDIATE_EVALIDATE, n, path,
	             "expected degrees with at most six decimals like 29.857000, found %s%.40s%s",
	             n && n->kind == YNODE_SCALAR ? "\"" : "", n && n->kind == YNODE_SCALAR ? n->str : ynode_kind_name(n),
	             n && n->kind == YNODE_SCALAR ? "\"" : "");
	return MEDIATE_EVALIDATE;
}
