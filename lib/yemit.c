/* SPDX-License-Identifier: MIT */
/* The YAML writer shared by the exports; see yemit.h. */
#include "config.h"

#include <string.h>

#include "yemit.h"

static int
write_handler(void *data, unsigned char *buffer, size_t size)
{
	yemit *e = data;
	return mi_buf_append(&e->buf, (const char *)buffer, size) == 0;
}

void
yemit_event(yemit *e, yaml_event_t *ev, int ok)
{
	if (e->rc != 0) {
		if (ok)
			yaml_event_delete(ev);
		return;
	}
	if (!ok) {
		e->rc = MEDIATE_ENOMEM;
		return;
	}
	if (!yaml_emitter_emit(&e->y, ev))
		e->rc = e->buf.failed || e->y.error == YAML_MEMORY_ERROR ? MEDIATE_ENOMEM : MEDIATE_EINTERNAL;
}

/* ASCII case-insensitive equality. */
static int
same_word(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/*
 * 1 when s can be written as a plain scalar that every YAML reader reads
 * back as the same text: not empty, no leading indicator or digit (numbers,
 * dates), no ": " or " #", not a word YAML 1.1 or 1.2 resolves (null,
 * booleans), only printable characters libyaml writes unescaped.
 * scripts/gen_sample_cases.py mirrors this rule.
 */
int
yemit_text_is_plain(const char *s)
{
	static const char *const words[] = { "null", "true", "false", "yes", "no", "on", "off", "y", "n",
	                                     "~", "=", "<<", NULL };
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i;

	if (len == 0 || strchr(" -?:,[]{}#&*!|>'\"%@`0123456789+.", s[0]) != NULL)
		return 0;
	if (s[len - 1] == ' ' || s[len - 1] == ':')
		return 0;
	if (strstr(s, ": ") != NULL || strstr(s, " #") != NULL)
		return 0;
	for (i = 0; words[i] != NULL; i++)
		if (same_word(s, words[i]))
			return 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = p[i];
		if (ch < 0x20 || ch == 0x7F || ch >= 0xF0)
			return 0;
		if (ch == 0xC2 && p[i + 1] < 0xA0)               /* C1 controls, U+0085 */
			return 0;
		if (ch == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
			return 0;                                    /* U+2028, U+2029 */
		if (ch == 0xEF && ((p[i + 1] == 0xBB && p[i + 2] == 0xBF) ||
		                   (p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))))
			return 0;                                    /* U+FEFF, U+FFFE, U+FFFF */
	}
	return 1;
}

void
yemit_scalar(yemit *e, const char *s, int style)
{
	yaml_event_t ev;
	yaml_scalar_style_t st;
	if (style == YEMIT_PLAIN || (style == YEMIT_TEXT && yemit_text_is_plain(s)))
		st = YAML_PLAIN_SCALAR_STYLE;
	else
		st = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	yemit_event(e, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, st));
}

void
yemit_map_start(yemit *e)
{
	yaml_event_t ev;
	yemit_event(e, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}

void
yemit_map_end(yemit *e)
{
	yaml_event_t ev;
	yemit_event(e, &ev, yaml_mapping_end_event_initialize(&ev));
}

void
yemit_seq_start(yemit *e)
{
	yaml_event_t ev;
	yemit_event(e, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}

void
yemit_seq_end(yemit *e)
{
	yaml_event_t ev;
	yemit_event(e, &ev, yaml_sequence_end_event_initialize(&ev));
}

int
yemit_open(yemit *e, unsigned int flags)
{
	yaml_event_t ev;
	memset(e, 0, sizeof *e);
	e->flags = flags;
	if (!yaml_emitter_initialize(&e->y))
		return mi_nomem();
	yaml_emitter_set_output(&e->y, write_handler, e);
	yaml_emitter_set_unicode(&e->y, 1);
	yaml_emitter_set_width(&e->y, -1);
	yaml_emitter_set_indent(&e->y, 2);
	yaml_emitter_set_break(&e->y, YAML_LN_BREAK);
	yemit_event(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	yemit_event(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return e->rc;
}

int
yemit_close(yemit *e, char **out, size_t *len)
{
	yaml_event_t ev;
	yemit_event(e, &ev, yaml_document_end_event_initialize(&ev, 1));
	yemit_event(e, &ev, yaml_stream_end_event_initialize(&ev));
	if (e->rc == 0 && !yaml_emitter_flush(&e->y))
		e->rc = e->buf.failed ? MEDIATE_ENOMEM : MEDIATE_EINTERNAL;
	yaml_emitter_delete(&e->y);
	if (e->rc == 0 && e->buf.data == NULL && mi_buf_append(&e->buf, "", 0) != 0)
		e->rc = MEDIATE_ENOMEM;
	if (e->rc != 0) {
		mi_buf_free(&e->buf);
		return e->rc == MEDIATE_ENOMEM ? mi_nomem() : mi_err(e->rc, "YAML export failed: %s",
		                                                      mediate_strerror(e->rc));
	}
	*out = e->buf.data;
	if (len != NULL)
		*len = e->buf.len;
	return 0;
}
