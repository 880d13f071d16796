/* SPDX-License-Identifier: MIT */
/*
 * libmediate: common definitions shared by every module.
 *
 * This header is included by every other public header; it never needs to be
 * included on its own.  It defines the export macro, the status type that
 * every fallible function returns, the allocator hooks and mediate_free().
 */
#ifndef MEDIATE_COMMON_H
#define MEDIATE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && defined(MEDIATE_BUILDING)
#  define MEDIATE_EXTERN __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define MEDIATE_EXTERN __attribute__((visibility("default")))
#else
#  define MEDIATE_EXTERN
#endif

#ifdef __cplusplus
#  define MEDIATE_BEGIN_DECLS extern "C" {
#  define MEDIATE_END_DECLS }
#else
#  define MEDIATE_BEGIN_DECLS
#  define MEDIATE_END_DECLS
#endif

MEDIATE_BEGIN_DECLS

/*
 * Every function that can fail returns a mediate_status: 0 (MEDIATE_OK) on
 * success, a negative MEDIATE_E* code (errors.h) on failure.  The bindings
 * turn every negative status into an exception in one place.
 */
typedef int mediate_status;

/*
 * Allocator hooks.  All memory the library allocates goes through these
 * three functions (libyaml and SQLite keep their own allocators).  Install
 * them before creating any object; objects must be freed with the hooks that
 * allocated them.  Passing NULL restores malloc/realloc/free.
 */
typedef struct mediate_allocator {
	unsigned int version;                 /* MEDIATE_ALLOCATOR_VERSION */
	void *(*malloc_fn)(size_t size, void *user);
	void *(*realloc_fn)(void *ptr, size_t size, void *user);
	void (*free_fn)(void *ptr, void *user);
	void *user;
} mediate_allocator;

#define MEDIATE_ALLOCATOR_VERSION 1

MEDIATE_EXTERN mediate_status mediate_allocator_set(const mediate_allocator *allocator);

/* Frees memory that the library handed to the caller (strings, arrays). */
MEDIATE_EXTERN void mediate_free(void *ptr);

MEDIATE_END_DECLS

#endif /* MEDIATE_COMMON_H */
