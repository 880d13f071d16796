/* SPDX-License-Identifier: MIT */
/* Allocator hooks and load options: the common knobs of the library. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

struct counts {
	size_t mallocs, reallocs, frees;
};

static void *
count_malloc(size_t size, void *user)
{
	((struct counts *)user)->mallocs++;
	return malloc(size);
}

static void *
count_realloc(void *p, size_t size, void *user)
{
	((struct counts *)user)->reallocs++;
	if (p == NULL)
		((struct counts *)user)->mallocs++;
	return realloc(p, size);
}

static void
count_free(void *p, void *user)
{
	if (p != NULL)
		((struct counts *)user)->frees++;
	free(p);
}

static const char policy[] =
	"policy: {name: 鄞州区警调衔接, version: \"2026.1\"}\n"
	"taxonomy:\n"
	"  - {code: neighbour, name: {zh: 邻里纠纷, en: Neighbour dispute}}\n"
	"org:\n"
	"  - {code: YZ, kind: county, name: 鄞州区}\n";

static void
test_allocator_set_and_restore(void)
{
	struct counts c = { 0, 0, 0 };
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, count_malloc, count_realloc, count_free, NULL };
	mediate_policy *p = NULL;
	size_t before;

	a.user = &c;
	CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, policy, strlen(policy), "hooks.yaml", NULL, NULL), MEDIATE_OK);
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT(c.mallocs > 0);
	mediate_policy_free(p);
	/* Everything allocated through the hooks was freed through them. */
	CU_ASSERT_EQUAL(c.mallocs, c.frees);

	/* A bad version or a missing function is refused and keeps the hooks. */
	before = c.mallocs;
	a.version = MEDIATE_ALLOCATOR_VERSION + 1;
	CU_ASSERT_EQUAL(mediate_allocator_set(&a), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_EINVAL);
	a.version = MEDIATE_ALLOCATOR_VERSION;
	a.malloc_fn = NULL;
	CU_ASSERT_EQUAL(mediate_allocator_set(&a), MEDIATE_EINVAL);
	a.malloc_fn = count_malloc;
	a.realloc_fn = NULL;
	CU_ASSERT_EQUAL(mediate_allocator_set(&a), MEDIATE_EINVAL);
	a.realloc_fn = count_realloc;
	a.free_fn = NULL;
	CU_ASSERT_EQUAL(mediate_allocator_set(&a), MEDIATE_EINVAL);
	p = NULL;
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, policy, strlen(policy), "hooks.yaml", NULL, NULL), MEDIATE_OK);
	CU_ASSERT(c.mallocs > before);
	mediate_policy_free(p);
	CU_ASSERT_EQUAL(c.mallocs, c.frees);

	/* NULL restores malloc/free: the counters stand still. */
	CU_ASSERT_EQUAL(mediate_allocator_set(NULL), MEDIATE_OK);
	before = c.mallocs;
	p = NULL;
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, policy, strlen(policy), "hooks.yaml", NULL, NULL), MEDIATE_OK);
	mediate_policy_free(p);
	CU_ASSERT_EQUAL(c.mallocs, before);
	mediate_free(NULL);
	mediate_free(malloc(16));
}

static void
test_load_options_init(void)
{
	mediate_load_options o, expect = MEDIATE_LOAD_OPTIONS_INIT;

	memset(&o, 0xA5, sizeof o);
	CU_ASSERT_EQUAL(mediate_load_options_init(&o, MEDIATE_LOAD_OPTIONS_VERSION), MEDIATE_OK);
	CU_ASSERT_EQUAL(o.version, MEDIATE_LOAD_OPTIONS_VERSION);
	CU_ASSERT_EQUAL(o.max_document_bytes, (size_t)1 << 20);
	CU_ASSERT_EQUAL(o.max_depth, 64);
	CU_ASSERT_EQUAL(o.max_scalar_bytes, (size_t)64 << 10);
	CU_ASSERT_EQUAL(o.max_nodes, 1000000);
	CU_ASSERT_EQUAL(o.max_errors, 100);
	CU_ASSERT_PTR_NULL(o.on_error);
	CU_ASSERT_PTR_NULL(o.on_error_user);
	CU_ASSERT_EQUAL(o.max_depth, expect.max_depth);
	CU_ASSERT_EQUAL(o.max_document_bytes, expect.max_document_bytes);

	/* A version this library does not know is refused and changes nothing. */
	memset(&o, 0xA5, sizeof o);
	CU_ASSERT_EQUAL(mediate_load_options_init(&o, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_load_options_init(&o, MEDIATE_LOAD_OPTIONS_VERSION + 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(o.max_depth, 0xA5A5A5A5u);
	CU_ASSERT_EQUAL(mediate_load_options_init(NULL, MEDIATE_LOAD_OPTIONS_VERSION), MEDIATE_EINVAL);
}

static void
test_error_records_stay_utf8(void)
{
	/* Messages quote user text with a byte limit; a Chinese amount of 42
	 * bytes is cut in the middle of a character, which must not leave
	 * invalid UTF-8 in the record (the bindings decode it). */
	int64_t v;
	mediate_error copy;
	mediate_id id;
	const char *ids = "鄞州区人民调解委员会老潘工作室警调衔接";
	char buf[16];

	CU_ASSERT_EQUAL(mediate_money_parse(&v, "一二三四五六七八九十一二三四"), MEDIATE_EPARSE);
	copy = *mediate_error_last();
	CU_ASSERT_PTR_NOT_NULL(strstr(copy.text, "一二三四五六七八九十一二三"));
	CU_ASSERT_EQUAL(mediate_utf8_validate(copy.text, strlen(copy.text), NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(mediate_id_parse(&id, ids), MEDIATE_EPARSE);
	copy = *mediate_error_last();
	CU_ASSERT_EQUAL(mediate_utf8_validate(copy.text, strlen(copy.text), NULL), MEDIATE_OK);
	/* mediate_error_format() takes NULL everywhere. */
	CU_ASSERT_EQUAL(mediate_error_format(NULL, 10, NULL), 0);
	CU_ASSERT_EQUAL(mediate_error_format(NULL, 0, &copy), strlen(copy.text));
	buf[0] = 'x';
	CU_ASSERT_EQUAL(mediate_error_format(buf, sizeof buf, NULL), 0);
	CU_ASSERT_EQUAL(buf[0], '\0');
}

int
suite_common(void)
{
	TEST_SUITE(s, "common");
	TEST_ADD(s, test_allocator_set_and_restore);
	TEST_ADD(s, test_load_options_init);
	TEST_ADD(s, test_error_records_stay_utf8);
	return 0;
}
