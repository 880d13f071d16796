/* SPDX-License-Identifier: MIT */
/* libmediate: error codes, messages and the loader error record. */
#ifndef MEDIATE_ERRORS_H
#define MEDIATE_ERRORS_H

#include "mediate/common.h"

MEDIATE_BEGIN_DECLS

/*
 * Error codes.  Only ever appended; a retired code keeps its number.
 */
enum {
	MEDIATE_OK = 0,
	MEDIATE_EINVAL = -1,      /* an argument is invalid (NULL, out of its domain) */
	MEDIATE_ENOMEM = -2,      /* memory could not be allocated */
	MEDIATE_ERANGE = -3,      /* a number overflows or is out of range (money, time) */
	MEDIATE_EPARSE = -4,      /* the input is not well-formed (YAML syntax, number text) */
	MEDIATE_EVALIDATE = -5,   /* the input is well-formed but breaks a rule of its format */
	MEDIATE_ELIMIT = -6,      /* the input exceeds a configured limit (size, depth, length) */
	MEDIATE_EUTF8 = -7,       /* a string is not valid UTF-8 or holds a NUL byte */
	MEDIATE_ENOTFOUND = -8,   /* the named object does not exist */
	MEDIATE_EEXISTS = -9,     /* an object with that identity already exists */
	MEDIATE_ESTATE = -10,     /* the operation is not allowed in the object's current state */
	MEDIATE_EIO = -11,        /* a file could not be read or written */
	MEDIATE_ESTORE = -12,     /* the database reported an error */
	MEDIATE_EREFUSED = -13,   /* the request is understood but refused by a rule */
	MEDIATE_EINFEASIBLE = -14,/* no solution satisfies the constraints */
	MEDIATE_ETAMPER = -15,    /* an integrity check failed */
	MEDIATE_EBUFSIZE = -16,   /* the caller's buffer is too small */
	MEDIATE_EINTERNAL = -17   /* a bug in libmediate: please report it */
};

/* A short, constant English description of a code; never NULL. */
MEDIATE_EXTERN const char *mediate_strerror(int code);
/* The symbolic name of a code ("MEDIATE_EINVAL"), or "MEDIATE_E?" if unknown. */
MEDIATE_EXTERN const char *mediate_error_name(int code);

#define MEDIATE_ERROR_FILE_MAX 256
#define MEDIATE_ERROR_PATH_MAX 256
#define MEDIATE_ERROR_TEXT_MAX 512
#define MEDIATE_ERROR_VERSION 1

/*
 * Details of an error.  Loaders fill a caller-owned record; the last error of
 * the calling thread is kept in one too.  Lines and columns count from 1; 0
 * means "not known".  Strings are always NUL-terminated and may be truncated.
 */
typedef struct mediate_error {
	unsigned int version;                 /* MEDIATE_ERROR_VERSION */
	int code;                             /* MEDIATE_E* or MEDIATE_OK */
	unsigned long line;
	unsigned long column;
	char file[MEDIATE_ERROR_FILE_MAX];    /* "" when the input had no name */
	char path[MEDIATE_ERROR_PATH_MAX];    /* like "grading.rules[2].weight", or "" */
	char text[MEDIATE_ERROR_TEXT_MAX];    /* the message, without file or path */
} mediate_error;

/*
 * The last error set by a libmediate call on this thread.  Never NULL; its
 * code is MEDIATE_OK when nothing failed since the last mediate_error_clear().
 * Borrowed: valid until the next libmediate call on this thread.
 */
MEDIATE_EXTERN const mediate_error *mediate_error_last(void);
/* Resets this thread's last error to MEDIATE_OK. */
MEDIATE_EXTERN void mediate_error_clear(void);
/*
 * Formats an error the way compilers do: "file:line:col: path: text".  Parts
 * that are unknown are left out.  Returns the length it needed (like
 * snprintf); the output is truncated to size - 1 bytes.
 */
MEDIATE_EXTERN size_t mediate_error_format(char *buf, size_t size, const mediate_error *err);

MEDIATE_END_DECLS

#endif /* MEDIATE_ERRORS_H */
