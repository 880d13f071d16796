/* SPDX-License-Identifier: MIT */
/*
 * Allocation.  Every allocation of the library goes through the hooks set
 * with mediate_allocator_set(), so tests can make any of them fail.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *default_malloc(size_t size, void *user) { (void)user; return malloc(size); }
static void *default_realloc(void *p, size_t size, void *user) { (void)user; return realloc(p, size); }
static void default_free(void *p, void *user) { (void)user; free(p); }

static mediate_allocator hooks = {
	MEDIATE_ALLOCATOR_VERSION, default_malloc, default_realloc, default_free, NULL
};

mediate_status
mediate_allocator_set(const mediate_allocator *a)
{
	if (a == NULL) {
		hooks.malloc_fn = default_malloc;
		hooks.realloc_fn = default_realloc;
		hooks.free_fn = default_free;
		hooks.user = NULL;
		return MEDIATE_OK;
	}
	if (a->version != MEDIATE_ALLOCATOR_VERSION)
		return mi_err(MEDIATE_EINVAL, "allocator version %u is not supported (expected %u)",
		              a->version, MEDIATE_ALLOCATOR_VERSION);
	if (a->malloc_fn == NULL || a->realloc_fn == NULL || a->free_fn == NULL)
		return mi_err(MEDIATE_EINVAL, "allocator: all three functions are required");
	hooks = *a;
	return MEDIATE_OK;
}

void
mediate_free(void *ptr)
{
	if (ptr != NULL)
		hooks.free_fn(ptr, hooks.user);
}

void *
mi_malloc(size_t size)
{
	return hooks.malloc_fn(size ? size : 1, hooks.user);
}

void *
mi_calloc(size_t n, size_t size)
{
	void *p;
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	p = mi_malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

void *
mi_realloc(void *ptr, size_t size)
{
	return hooks.realloc_fn(ptr, size ? size : 1, hooks.user);
}

void *
mi_reallocarray(void *ptr, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	return mi_realloc(ptr, n * size);
}

void
mi_free(void *ptr)
{
	if (ptr != NULL)
		hooks.free_fn(ptr, hooks.user);
}

char *
mi_strndup(const char *s, size_t n)
{
	char *p = mi_malloc(n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
mi_strdup(const char *s)
{
	return mi_strndup(s, strlen(s));
}

int
mi_buf_append(mi_buf *b, const char *s, size_t n)
{
	if (b->failed)
		return MEDIATE_ENOMEM;
	if (n >= SIZE_MAX - b->len) {
		b->failed = 1;
		return MEDIATE_ENOMEM;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;
		while (cap < b->len + n + 1)
			cap = cap > SIZE_MAX / 2 ? b->len + n + 1 : cap * 2;
		p = mi_realloc(b->data, cap);
		if (p == NULL) {
			b->failed = 1;
			return MEDIATE_ENOMEM;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return MEDIATE_OK;
}

int
mi_buf_puts(mi_buf *b, const char *s)
{
	return mi_buf_append(b, s, strlen(s));
}

int
mi_buf_printf(mi_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return MEDIATE_EINTERNAL;
	if ((size_t)n < sizeof small)
		return mi_buf_append(b, small, (size_t)n);
	{
		char *big = mi_malloc((size_t)n + 1);
		int rc;
		if (big == NULL) {
			b->failed = 1;
			return MEDIATE_ENOMEM;
		}
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		rc = mi_buf_append(b, big, (size_t)n);
		mi_free(big);
		return rc;
	}
}

void
mi_buf_free(mi_buf *b)
{
	mi_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

/* Sets the thread's last error with the file name in its own field, so that
 * "file: text" never names the file twice. */
static int
file_error(int code, const char *path, const char *text)
{
	mediate_error rec;
	mi_err_fill(&rec, code, path, 0, 0, NULL, "%s", text);
	mi_err_set_record(&rec);
	return code;
}

int
mi_read_file(const char *path, size_t max, char **out, size_t *len)
{
	FILE *f;
	mi_buf b = {0};
	char chunk[65536];
	size_t n;

	f = fopen(path, "rb");
	if (f == NULL)
		return file_error(MEDIATE_EIO, path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			fclose(f);
			mi_buf_free(&b);
			{
				char text[96];
				snprintf(text, sizeof text, "larger than the limit of %zu bytes", max);
				return file_error(MEDIATE_ELIMIT, path, text);
			}
		}
		if (mi_buf_append(&b, chunk, n) != 0) {
			fclose(f);
			mi_buf_free(&b);
			return mi_nomem();
		}
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		mi_buf_free(&b);
		return file_error(MEDIATE_EIO, path, strerror(e));
	}
	fclose(f);
	if (b.data == NULL && mi_buf_append(&b, "", 0) != 0)
		return mi_nomem();
	*out = b.data;
	*len = b.len;
	return MEDIATE_OK;
}

size_t
mi_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[64];

	if (lb >= sizeof row / sizeof row[0] || la >= 64)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0], best;
		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			size_t v = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
			row[j] = sub < v ? sub : v;
			prev = cur;
			if (row[j] < best)
				best = row[j];
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb] > cap ? cap + 1 : row[lb];
}
