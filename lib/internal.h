/* SPDX-License-Identifier: MIT */
/*
 * Private helpers shared by the modules of libmediate.  Nothing here is
 * exported; names start with mi_ (mediate internal).
 */
#ifndef MEDIATE_INTERNAL_H
#define MEDIATE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "mediate.h"

#if defined(__GNUC__)
#  define MI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define MI_PRINTF(f, a)
#endif

/* Allocation through the caller's hooks (alloc.c). */
void *mi_malloc(size_t size);
void *mi_calloc(size_t n, size_t size);     /* overflow-checked, zeroed */
void *mi_realloc(void *ptr, size_t size);
void *mi_reallocarray(void *ptr, size_t n, size_t size); /* overflow-checked */
void mi_free(void *ptr);
char *mi_strdup(const char *s);
char *mi_strndup(const char *s, size_t n);

/* Per-thread last error (errors.c).  Each returns code, for "return mi_err(...)". */
int mi_err(int code, const char *fmt, ...) MI_PRINTF(2, 3);
int mi_errv(int code, const char *fmt, va_list ap);
int mi_nomem(void);
/* Copies a record into the thread's last error. */
void mi_err_set_record(const mediate_error *rec);
/* Fills a record (never NULL) with all parts. */
void mi_err_fill(mediate_error *rec, int code, const char *file, unsigned long line,
                 unsigned long column, const char *path, const char *fmt, ...) MI_PRINTF(7, 8);
void mi_err_vfill(mediate_error *rec, int code, const char *file, unsigned long line,
                  unsigned long column, const char *path, const char *fmt, va_list ap);

/* Copies src into dst of size n, always terminating; never cuts a UTF-8 sequence. */
void mi_strlcpy(char *dst, const char *src, size_t n);

/* A growable byte buffer. */
typedef struct mi_buf {
	char *data;
	size_t len;
	size_t cap;
	int failed;   /* set once an allocation failed; later appends do nothing */
} mi_buf;
int mi_buf_append(mi_buf *b, const char *s, size_t n);
int mi_buf_puts(mi_buf *b, const char *s);
int mi_buf_printf(mi_buf *b, const char *fmt, ...) MI_PRINTF(2, 3);
void mi_buf_free(mi_buf *b);

/*
 * Enumeration names (names.c).  names[first..n) are the names of the values
 * first..n-1; a NULL entry ends the table early.  mi_name_of gives NULL for
 * a value out of range.  mi_name_parse stores the value of name in *out, or
 * returns code with "unknown WHAT "NAME" (a, b or c)" (MEDIATE_EINVAL for a
 * NULL out or name), leaving *out unchanged.
 */
const char *mi_name_of(const char *const *names, size_t n, size_t first, long value);
int mi_name_parse(int *out, const char *const *names, size_t n, size_t first, int code, const char *what,
                  const char *name);
/* The number of entries of a static table. */
#define MI_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/*
 * The UTC offset of a place of work, "+08:00" (datetime.c): exactly a sign,
 * two digits, a colon and two digits, from -12:00 to +14:00 (the offsets in
 * use).  Stores minutes east of UTC; nonzero if s is not such an offset.
 */
int mi_zone_offset_parse(const char *s, int *minutes);

/* Reads a whole file into memory (NUL-terminated), refusing files larger than max. */
int mi_read_file(const char *path, size_t max, char **out, size_t *len);

/* Levenshtein distance, capped at cap+1 (for "did you mean"). */
size_t mi_edit_distance(const char *a, const char *b, size_t cap);

#endif /* MEDIATE_INTERNAL_H */
