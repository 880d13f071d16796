/* SPDX-License-Identifier: MIT */
/*
 * Allocation failure, one allocation at a time.
 *
 * Loads a realistic policy again and again, making the Nth allocation fail
 * for N = 1, 2, ... until a load succeeds.  Every failed load must return
 * MEDIATE_ENOMEM (or, where libyaml fails without saying why, an error all
 * the same), hand back no policy and leave no allocation behind.
 *
 * Allocations are counted in two places: the mediate_allocator hooks (all
 * of libmediate's own memory) and malloc itself, interposed in this program
 * so that libyaml's allocations fail too (libyaml has no allocator hook).
 * The interposed functions forward to glibc's __libc_* entry points, which
 * valgrind also replaces, so `make check-valgrind` still sees every block.
 * Under AddressSanitizer the interposition is left out (ASan owns malloc and
 * libyaml's strdup would cross allocators); the hooks are still tested.
 *
 *   test_alloc [POLICY.yaml]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mediate.h"

#if defined(__SANITIZE_ADDRESS__)
#  define INTERPOSE 0
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#    define INTERPOSE 0
#  endif
#endif
#if !defined(INTERPOSE) && defined(__GLIBC__)
#  define INTERPOSE 1
#endif
#if !defined(INTERPOSE)
#  define INTERPOSE 0
#endif

static int armed;            /* count and fail only inside the call under test */
static unsigned long count;  /* allocations so far in this round */
static unsigned long fail_at;
static long live;            /* blocks allocated minus blocks freed while armed */
static unsigned long failed_hook, failed_malloc;

/* Returns nonzero when this allocation must fail. */
static int
should_fail(void)
{
	if (!armed)
		return 0;
	return ++count == fail_at;
}

#if INTERPOSE
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);

/* These replace malloc for the whole process, libyaml included. */
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

void *
malloc(size_t size)
{
	void *p;
	if (should_fail()) {
		failed_malloc++;
		return NULL;
	}
	p = __libc_malloc(size);
	if (p != NULL && armed)
		live++;
	return p;
}

void *
calloc(size_t n, size_t size)
{
	void *p;
	if (should_fail()) {
		failed_malloc++;
		return NULL;
	}
	p = __libc_calloc(n, size);
	if (p != NULL && armed)
		live++;
	return p;
}

void *
realloc(void *ptr, size_t size)
{
	void *p;
	if (should_fail()) {
		failed_malloc++;
		return NULL;
	}
	p = __libc_realloc(ptr, size);
	if (p != NULL && ptr == NULL && armed)
		live++;
	return p;
}

void
free(void *ptr)
{
	if (ptr != NULL && armed)
		live--;
	__libc_free(ptr);
}
#endif

/* The library's hooks.  With the interposition they would count twice, so
 * they call glibc directly; without it they count here. */
static void *
hook_malloc(size_t size, void *user)
{
	void *p;
	(void)user;
#if INTERPOSE
	if (should_fail()) {
		failed_hook++;
		return NULL;
	}
	p = __libc_malloc(size);
#else
	if (should_fail()) {
		failed_hook++;
		return NULL;
	}
	p = malloc(size);
#endif
	if (p != NULL && armed)
		live++;
	return p;
}

static void *
hook_realloc(void *ptr, size_t size, void *user)
{
	void *p;
	(void)user;
	if (should_fail()) {
		failed_hook++;
		return NULL;
	}
#if INTERPOSE
	p = __libc_realloc(ptr, size);
#else
	p = realloc(ptr, size);
#endif
	if (p != NULL && ptr == NULL && armed)
		live++;
	return p;
}

static void
hook_free(void *ptr, void *user)
{
	(void)user;
	if (ptr != NULL && armed)
		live--;
#if INTERPOSE
	__libc_free(ptr);
#else
	free(ptr);
#endif
}

static unsigned errors_seen;

static void
on_error(const mediate_error *e, void *user)
{
	(void)e;
	(void)user;
	errors_seen++;
}

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf != NULL) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

/* One sweep over N; returns the number of problems. */
static int
sweep(const char *data, size_t len, const char *name, int with_callback, unsigned long *rounds)
{
	mediate_load_options opts = MEDIATE_LOAD_OPTIONS_INIT;
	int problems = 0;
	unsigned long n;

	if (with_callback) {
		opts.on_error = on_error;
		opts.max_errors = 3;
	}
	for (n = 1; n < 1000000; n++) {
		mediate_policy *p = (mediate_policy *)&p;
		mediate_error err;
		char text[1024];
		int rc;

		unsigned long hook_failures = failed_hook;

		count = 0;
		fail_at = n;
		live = 0;
		errors_seen = 0;
		armed = 1;
		rc = mediate_policy_load_buffer(&p, data, len, name, &opts, &err);
		armed = 0;
		if (rc == MEDIATE_OK) {
			/* libc may recover from a failed malloc of its own (qsort
			 * falls back to sorting in place); libmediate may not. */
			if (failed_hook != hook_failures) {
				fprintf(stderr, "N=%lu: allocation %lu of libmediate failed but the load succeeded\n", n, n);
				problems++;
			}
			if (p == NULL) {
				fprintf(stderr, "N=%lu: success without a policy\n", n);
				problems++;
			}
			armed = 1;
			mediate_policy_free(p);
			armed = 0;
			if (live != 0) {
				fprintf(stderr, "N=%lu: %ld blocks left after mediate_policy_free\n", n, live);
				problems++;
			}
			*rounds = n;
			return problems;
		}
		mediate_error_format(text, sizeof text, &err);
		if (count < n) {
			fprintf(stderr, "N=%lu: failed without an allocation failure: %s\n", n, text);
			problems++;
		}
		if (rc != MEDIATE_ENOMEM && !(rc == MEDIATE_EPARSE && strstr(err.text, "YAML parser failed") != NULL)) {
			fprintf(stderr, "N=%lu: expected MEDIATE_ENOMEM, got %s: %s\n", n, mediate_error_name(rc), text);
			problems++;
		}
		if (err.code != rc) {
			fprintf(stderr, "N=%lu: the error record says %d, the call %d\n", n, err.code, rc);
			problems++;
		}
		if (p != NULL) {
			fprintf(stderr, "N=%lu: a failed load returned a policy\n", n);
			problems++;
		}
		if (live != 0) {
			fprintf(stderr, "N=%lu: %ld blocks leaked (%s)\n", n, live, text);
			problems++;
		}
		if (with_callback && errors_seen == 0) {
			fprintf(stderr, "N=%lu: on_error was not called\n", n);
			problems++;
		}
		if (problems > 20)
			break;
	}
	*rounds = n;
	return problems + 1;
}

int
main(int argc, char **argv)
{
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, hook_malloc, hook_realloc, hook_free, NULL };
	const char *path = argc > 1 ? argv[1] : TEST_DATA_DIR "/policy/good.yaml";
	const char *name = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	char *data;
	size_t len = 0;
	unsigned long rounds = 0, rounds_cb = 0;
	int problems;

	if ((data = read_all(path, &len)) == NULL) {
		fprintf(stderr, "test_alloc: cannot read %s\n", path);
		return 99;
	}
	if (mediate_allocator_set(&a) != MEDIATE_OK) {
		fprintf(stderr, "test_alloc: mediate_allocator_set failed\n");
		return 99;
	}
	problems = sweep(data, len, name, 0, &rounds);
	problems += sweep(data, len, name, 1, &rounds_cb);
	mediate_allocator_set(NULL);
	free(data);
	printf("test_alloc: %s: %lu allocations in a load (%lu failed in the hooks, %lu in malloc%s), %d problems\n",
	       name, rounds - 1, failed_hook, failed_malloc, INTERPOSE ? "" : ": not interposed here", problems);
	if (rounds < 10) {
		fprintf(stderr, "test_alloc: only %lu rounds: the counting does not work\n", rounds);
		return 1;
	}
	if (INTERPOSE && failed_malloc == 0) {
		fprintf(stderr, "test_alloc: no libyaml allocation was made to fail\n");
		return 1;
	}
	return problems > 0 ? 1 : 0;
}
