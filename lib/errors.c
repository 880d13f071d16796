/* SPDX-License-Identifier: MIT */
/*
 * Error codes, messages and the per-thread last error.
 *
 * The last error lives in thread-local storage: it is the only state of the
 * library that is not in an object the caller owns.  Setting it never
 * allocates, so it works when memory is exhausted.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"

static _Thread_local mediate_error last_error = { MEDIATE_ERROR_VERSION, 0, 0, 0, "", "", "" };

static const struct {
	int code;
	const char *name;
	const char *text;
} codes[] = {
	{ MEDIATE_OK, "MEDIATE_OK", "success" },
	{ MEDIATE_EINVAL, "MEDIATE_EINVAL", "invalid argument" },
	{ MEDIATE_ENOMEM, "MEDIATE_ENOMEM", "out of memory" },
	{ MEDIATE_ERANGE, "MEDIATE_ERANGE", "number out of range" },
	{ MEDIATE_EPARSE, "MEDIATE_EPARSE", "malformed input" },
	{ MEDIATE_EVALIDATE, "MEDIATE_EVALIDATE", "invalid content" },
	{ MEDIATE_ELIMIT, "MEDIATE_ELIMIT", "input exceeds a limit" },
	{ MEDIATE_EUTF8, "MEDIATE_EUTF8", "invalid UTF-8" },
	{ MEDIATE_ENOTFOUND, "MEDIATE_ENOTFOUND", "not found" },
	{ MEDIATE_EEXISTS, "MEDIATE_EEXISTS", "already exists" },
	{ MEDIATE_ESTATE, "MEDIATE_ESTATE", "not allowed in the current state" },
	{ MEDIATE_EIO, "MEDIATE_EIO", "input/output error" },
	{ MEDIATE_ESTORE, "MEDIATE_ESTORE", "database error" },
	{ MEDIATE_EREFUSED, "MEDIATE_EREFUSED", "refused by a rule" },
	{ MEDIATE_EINFEASIBLE, "MEDIATE_EINFEASIBLE", "no feasible solution" },
	{ MEDIATE_ETAMPER, "MEDIATE_ETAMPER", "integrity check failed" },
	{ MEDIATE_EBUFSIZE, "MEDIATE_EBUFSIZE", "buffer too small" },
	{ MEDIATE_EINTERNAL, "MEDIATE_EINTERNAL", "internal error" },
};

const char *
mediate_strerror(int code)
{
	size_t i;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].code == code)
			return codes[i].text;
	return "unknown error";
}

const char *
mediate_error_name(int code)
{
	size_t i;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].code == code)
			return codes[i].name;
	return "MEDIATE_E?";
}

const mediate_error *
mediate_error_last(void)
{
	return &last_error;
}

void
mediate_error_clear(void)
{
	last_error.code = MEDIATE_OK;
	last_error.line = last_error.column = 0;
	last_error.file[0] = last_error.path[0] = last_error.text[0] = '\0';
}

void
mi_strlcpy(char *dst, const char *src, size_t n)
{
	size_t len;

	if (n == 0)
		return;
	if (src == NULL)
		src = "";
	len = strlen(src);
	if (len >= n) {
		len = n - 1;
		/* Do not leave half of a multi-byte sequence at the end. */
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/*
 * Replaces every byte that does not start a well-formed UTF-8 sequence with
 * '?'.  Messages quote user text with "%.40s" and snprintf cuts at a byte
 * count, so a Chinese name can be cut in the middle of a character; the
 * record must stay valid UTF-8 for the bindings, which decode it.
 */
static void
fix_utf8(char *str)
{
	unsigned char *s = (unsigned char *)str;
	size_t i = 0, n, k;

	while (s[i] != '\0') {
		unsigned char c = s[i];
		unsigned char lo = 0x80, hi = 0xBF;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4;
		else
			n = 0;
		if (c == 0xE0)
			lo = 0xA0;      /* overlong */
		else if (c == 0xED)
			hi = 0x9F;      /* surrogates */
		else if (c == 0xF0)
			lo = 0x90;      /* overlong */
		else if (c == 0xF4)
			hi = 0x8F;      /* above U+10FFFF */
		for (k = 1; k < n; k++) {
			unsigned char b = s[i + k];
			if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
				break;
		}
		if (n == 0 || k < n) {
			s[i++] = '?';
			continue;
		}
		i += n;
	}
}

void
mi_err_vfill(mediate_error *rec, int code, const char *file, unsigned long line,
             unsigned long column, const char *path, const char *fmt, va_list ap)
{
	char text[MEDIATE_ERROR_TEXT_MAX];

	rec->version = MEDIATE_ERROR_VERSION;
	rec->code = code;
	rec->line = line;
	rec->column = column;
	mi_strlcpy(rec->file, file, sizeof rec->file);
	mi_strlcpy(rec->path, path, sizeof rec->path);
	if (fmt != NULL) {
		vsnprintf(text, sizeof text, fmt, ap);
		mi_strlcpy(rec->text, text, sizeof rec->text);
	} else {
		mi_strlcpy(rec->text, mediate_strerror(code), sizeof rec->text);
	}
	fix_utf8(rec->file);
	fix_utf8(rec->path);
	fix_utf8(rec->text);
}

void
mi_err_fill(mediate_error *rec, int code, const char *file, unsigned long line,
            unsigned long column, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mi_err_vfill(rec, code, file, line, column, path, fmt, ap);
	va_end(ap);
}

void
mi_err_set_record(const mediate_error *rec)
{
	if (rec != &last_error)
		last_error = *rec;
}

int
mi_errv(int code, const char *fmt, va_list ap)
{
	mi_err_vfill(&last_error, code, NULL, 0, 0, NULL, fmt, ap);
	return code;
}

int
mi_err(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mi_errv(code, fmt, ap);
	va_end(ap);
	return code;
}

int
mi_nomem(void)
{
	return mi_err(MEDIATE_ENOMEM, "out of memory");
}

size_t
mediate_error_format(char *buf, size_t size, const mediate_error *err)
{
	char line[32] = "", col[32] = "";
	int n;

	if (err == NULL) {
		if (size > 0 && buf != NULL)
			buf[0] = '\0';
		return 0;
	}
	if (err->line > 0)
		snprintf(line, sizeof line, ":%lu", err->line);
	if (err->line > 0 && err->column > 0)
		snprintf(col, sizeof col, ":%lu", err->column);
	n = snprintf(buf, buf == NULL ? 0 : size, "%s%s%s%s%s%s%s",
	             err->file, line, col,
	             (err->file[0] || line[0]) ? ": " : "",
	             err->path, err->path[0] ? ": " : "",
	             err->text[0] ? err->text : mediate_strerror(err->code));
	return n < 0 ? 0 : (size_t)n;
}
