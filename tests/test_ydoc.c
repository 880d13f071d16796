/* SPDX-License-Identifier: MIT */
/*
 * ydoc, the YAML reader every loader shares: limits, refused constructs,
 * positions, duplicate keys, typed getters and the order of errors.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "ydoc.h"

static char line[1024];

/* Parses text with opts (NULL: defaults); the formatted first error goes to
 * line[].  On success the tree is in *doc (when doc is not NULL). */
static int
parse_opts(const char *text, size_t len, const mediate_load_options *opts, ydoc *doc)
{
	mediate_load_options defaults = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error err;
	ydiag d;
	ydoc tmp;
	int rc;

	ydiag_init(&d, "t.yaml", opts != NULL ? opts : &defaults, &err);
	rc = ydoc_parse(doc != NULL ? doc : &tmp, text, len, &d);
	ydiag_finish(&d);
	if (rc == 0 && doc == NULL)
		ydoc_free(&tmp);
	line[0] = '\0';
	if (rc != 0) {
		mediate_error_format(line, sizeof line, &err);
		CU_ASSERT_EQUAL(err.code, rc);
		CU_ASSERT_EQUAL(mediate_error_last()->code, rc);
	}
	return rc;
}

static int
parse(const char *text)
{
	return parse_opts(text, strlen(text), NULL, NULL);
}

static char *
nested(char open, size_t depth)
{
	char *s = malloc(depth + 1);
	memset(s, open, depth);
	s[depth] = '\0';
	return s;
}

static void
test_depth_limit(void)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	char *s;
	size_t i;

	/* 64 levels of flow lists are fine, 65 are not. */
	s = malloc(200);
	for (i = 0; i < 64; i++)
		s[i] = '[';
	for (i = 0; i < 64; i++)
		s[64 + i] = ']';
	s[128] = '\0';
	CU_ASSERT_EQUAL(parse(s), MEDIATE_OK);
	free(s);
	s = nested('[', 65);
	CU_ASSERT_EQUAL(parse(s), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:1:65: nesting deeper than 64 levels (limit max_depth)");
	free(s);
	/* Block style counts the same, and the limit is configurable. */
	o.max_depth = 3;
	CU_ASSERT_EQUAL(parse_opts("a:\n  b:\n    c: 1\n", 17, &o, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(parse_opts("a:\n  b:\n    c:\n      - 1\n", 24, &o, NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:4:7: nesting deeper than 3 levels (limit max_depth)");
	o.max_depth = 0;
	CU_ASSERT_EQUAL(parse_opts("plain text", 10, &o, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(parse_opts("[]", 2, &o, NULL), MEDIATE_ELIMIT);
}

static void
test_document_size_limit(void)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	const char *doc = "name: 老潘调解工作室\n";   /* 28 bytes */
	size_t len = strlen(doc);

	o.max_document_bytes = len;
	CU_ASSERT_EQUAL(parse_opts(doc, len, &o, NULL), MEDIATE_OK);
	o.max_document_bytes = len - 1;
	CU_ASSERT_EQUAL(parse_opts(doc, len, &o, NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml: document of 28 bytes is larger than the limit of 27 (max_document_bytes)");
}

static void
test_scalar_and_node_limits(void)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;

	o.max_scalar_bytes = 6;   /* two Chinese characters */
	CU_ASSERT_EQUAL(parse_opts("k: 调解", strlen("k: 调解"), &o, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(parse_opts("k: 调解员", strlen("k: 调解员"), &o, NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:1:4: text of 9 bytes is longer than the limit of 6 (max_scalar_bytes)");
	/* Keys are scalars too. */
	CU_ASSERT_EQUAL(parse_opts("调解员: x", strlen("调解员: x"), &o, NULL), MEDIATE_ELIMIT);

	o = (mediate_load_options)MEDIATE_LOAD_OPTIONS_INIT;
	o.max_nodes = 3;
	CU_ASSERT_EQUAL(parse_opts("[1, 2]", 6, &o, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(parse_opts("[1, 2, 3]", 9, &o, NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:1:8: document has more than 3 nodes (limit max_nodes)");
	CU_ASSERT_EQUAL(parse_opts("{a: 1}", 6, &o, NULL), MEDIATE_OK);
	CU_ASSERT_EQUAL(parse_opts("{a: 1, b: 2}", 12, &o, NULL), MEDIATE_ELIMIT);
}

static void
test_refused_constructs(void)
{
	static const struct {
		const char *text;
		const char *expect;
	} cases[] = {
		{ "a: &x 1\nb: 2\n", "t.yaml:1:4: anchors (&x) are not supported" },
		{ "a: 1\nb: *x\n", "t.yaml:2:4: aliases (*x) are not supported" },
		{ "- &list [1]\n", "t.yaml:1:3: anchors (&list) are not supported" },
		{ "m: &m {a: 1}\n", "t.yaml:1:4: anchors (&m) are not supported" },
		{ "a: !!str 1\n", "t.yaml:1:4: tags (tag:yaml.org,2002:str) are not supported" },
		{ "a: !custom x\n", "t.yaml:1:4: tags (!custom) are not supported" },
		{ "a: !!seq [1]\n", "t.yaml:1:4: tags (tag:yaml.org,2002:seq) are not supported" },
		{ "--- !!map\na: 1\n", "t.yaml:1:5: tags (tag:yaml.org,2002:map) are not supported" },
		{ "a: 1\n---\nb: 2\n", "t.yaml:2:1: only one document is allowed in a file" },
		{ "---\na: 1\n...\n---\nb: 2\n", "t.yaml:4:1: only one document is allowed in a file" },
		{ "%YAML 1.1\n---\na: 1\n", "t.yaml:1:1: %YAML and %TAG directives are not supported" },
		{ "%TAG !e! tag:example.com,2026:\n---\na: 1\n", "t.yaml:1:1: %YAML and %TAG directives are not supported" },
		{ "? [a, b]\n: 1\n", "t.yaml:1:3: a mapping key must be a plain text, not a list" },
		{ "{a: 1}: x\n", "t.yaml:1:1: a mapping key must be a plain text, not a mapping" },
		{ "a: [1, 2\n", NULL },
		{ "a: 'unterminated\n", NULL },
		{ "a:\n  - 1\n - 2\n", NULL },
		{ "\t- x\n", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = parse(cases[i].text);
		CU_ASSERT_EQUAL(rc, MEDIATE_EPARSE);
		if (cases[i].expect != NULL) {
			CU_ASSERT_STRING_EQUAL(line, cases[i].expect);
		} else {
			/* libyaml's own syntax errors: file:line:col and "YAML syntax". */
			CU_ASSERT_EQUAL(strncmp(line, "t.yaml:", 7), 0);
			CU_ASSERT(line[7] >= '1' && line[7] <= '9');
			CU_ASSERT_PTR_NOT_NULL(strstr(line, "YAML syntax"));
		}
	}
	/* Explicit markers of a single document are fine. */
	CU_ASSERT_EQUAL(parse("---\na: 1\n...\n"), MEDIATE_OK);
	CU_ASSERT_EQUAL(parse("# 只有注释\n"), MEDIATE_OK);
}

static void
test_duplicate_keys(void)
{
	CU_ASSERT_EQUAL(parse("code: YZ\nname: 鄞州区\ncode: YZ2\n"), MEDIATE_EPARSE);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:3:1: duplicate key \"code\" (first at line 1)");
	CU_ASSERT_EQUAL(parse("{a: 1, 'a': 2}"), MEDIATE_EPARSE);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:1:8: duplicate key \"a\" (first at line 1)");
	CU_ASSERT_EQUAL(parse("- {名称: 甲}\n- x: 1\n  名称: 乙\n  \"名称\": 丙\n"), MEDIATE_EPARSE);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:4:3: duplicate key \"名称\" (first at line 3)");
	/* The same key in different mappings is fine, also nested. */
	CU_ASSERT_EQUAL(parse("x: {a: 1}\ny: {a: 2}\na: {a: {a: 3}}\n"), MEDIATE_OK);
	/* Keys that differ only in case or length are different. */
	CU_ASSERT_EQUAL(parse("{a: 1, A: 2, aa: 3, 'a ': 4}"), MEDIATE_OK);
}

static void
test_many_keys_are_fast_to_check(void)
{
	/* A flat mapping of 20,000 keys: duplicate detection must not compare
	 * each key with all of its siblings.  The duplicate is the last key. */
	size_t cap = 20000 * 16, len = 0, i;
	char *s = malloc(cap);
	for (i = 0; i < 20000; i++)
		len += (size_t)snprintf(s + len, cap - len, "k%zu: %zu\n", i, i);
	CU_ASSERT_EQUAL(parse_opts(s, len, NULL, NULL), MEDIATE_OK);
	len += (size_t)snprintf(s + len, cap - len, "k17: again\n");
	CU_ASSERT_EQUAL(parse_opts(s, len, NULL, NULL), MEDIATE_EPARSE);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:20001:1: duplicate key \"k17\" (first at line 18)");
	free(s);
}

static void
test_invalid_utf8_position(void)
{
	const char bad1[] = "名字: 老\xFF潘\n";
	const char bad2[] = "a: 1\nb: \xC0\xAF\n";
	const char bad3[] = "a: 1\nb: x\xED\xA0\x80\n";
	const char nul[] = "a: 1\nbb: x\0y\n";

	CU_ASSERT_EQUAL(parse_opts(bad1, sizeof bad1 - 1, NULL, NULL), MEDIATE_EUTF8);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:1:6: invalid UTF-8 (byte 0xFF)");
	CU_ASSERT_EQUAL(parse_opts(bad2, sizeof bad2 - 1, NULL, NULL), MEDIATE_EUTF8);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:2:4: invalid UTF-8 (byte 0xC0)");
	CU_ASSERT_EQUAL(parse_opts(bad3, sizeof bad3 - 1, NULL, NULL), MEDIATE_EUTF8);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:2:5: invalid UTF-8 (byte 0xED)");
	CU_ASSERT_EQUAL(parse_opts(nul, sizeof nul - 1, NULL, NULL), MEDIATE_EUTF8);
	CU_ASSERT_STRING_EQUAL(line, "t.yaml:2:6: NUL byte in the document");
	/* A byte order mark is not text of the document. */
	CU_ASSERT_EQUAL(parse("\xEF\xBB\xBFname: x\n"), MEDIATE_OK);
}

static void
test_tree_and_positions(void)
{
	ydoc doc;
	const ynode *root, *v;
	const char *text = "policy:\n  name: 鄞州区\n  version: \"2026.1\"\nlist: [a, 'b', ~]\nempty:\n";

	CU_ASSERT_EQUAL_FATAL(parse_opts(text, strlen(text), NULL, &doc), MEDIATE_OK);
	root = doc.root;
	CU_ASSERT_EQUAL(root->kind, YNODE_MAP);
	CU_ASSERT_EQUAL(root->count, 3);
	v = ymap_get(ymap_get(root, "policy"), "name");
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_STRING_EQUAL(v->str, "鄞州区");
	CU_ASSERT_EQUAL(v->len, strlen("鄞州区"));
	CU_ASSERT_EQUAL(v->line, 2);
	CU_ASSERT_EQUAL(v->col, 9);
	CU_ASSERT_TRUE(v->plain);
	v = ymap_get(ymap_get(root, "policy"), "version");
	CU_ASSERT_FALSE(v->plain);
	v = ymap_get(root, "list");
	CU_ASSERT_EQUAL(v->kind, YNODE_SEQ);
	CU_ASSERT_EQUAL(v->count, 3);
	CU_ASSERT_EQUAL(v->line, 4);
	CU_ASSERT_EQUAL(v->col, 7);
	CU_ASSERT_FALSE(ynode_is_null(v->first));
	CU_ASSERT_FALSE(ynode_is_null(v->first->next));   /* quoted 'b' */
	CU_ASSERT_TRUE(ynode_is_null(v->first->next->next));
	CU_ASSERT_TRUE(ynode_is_null(ymap_get(root, "empty")));
	CU_ASSERT_PTR_NULL(ymap_get(root, "absent"));
	CU_ASSERT_PTR_NULL(ymap_get(v, "a"));   /* not a mapping */
	CU_ASSERT_STRING_EQUAL(ynode_kind_name(root), "mapping");
	CU_ASSERT_STRING_EQUAL(ynode_kind_name(v), "list");
	CU_ASSERT_STRING_EQUAL(ynode_kind_name(v->first), "text");
	CU_ASSERT_STRING_EQUAL(ynode_kind_name(NULL), "nothing");
	ydoc_free(&doc);
	ydoc_free(&doc);   /* twice is harmless */
	ydoc_free(NULL);

	CU_ASSERT_EQUAL_FATAL(parse_opts("", 0, NULL, &doc), MEDIATE_OK);
	CU_ASSERT_PTR_NULL(doc.root);
	ydoc_free(&doc);
}

/* Runs typed getters on the value of key "v" of a one-line document and
 * returns the first error, formatted, in line[]. */
struct getter_run {
	ydoc doc;
	ydiag d;
	mediate_error err;
	ypath path;
	mediate_load_options o;
};

static const ynode *
getter_begin(struct getter_run *r, const char *text)
{
	r->o = (mediate_load_options)MEDIATE_LOAD_OPTIONS_INIT;
	memset(&r->path, 0, sizeof r->path);
	if (parse_opts(text, strlen(text), NULL, &r->doc) != 0)
		return NULL;
	ydiag_init(&r->d, "g.yaml", &r->o, &r->err);
	ypath_key(&r->path, "grading");
	ypath_key(&r->path, "rules");
	ypath_index(&r->path, 2);
	ypath_key(&r->path, "v");
	return ymap_get(r->doc.root, "v");
}

static int
getter_end(struct getter_run *r)
{
	unsigned count = r->d.count;
	ydiag_finish(&r->d);
	ydoc_free(&r->doc);
	line[0] = '\0';
	if (count > 0)
		mediate_error_format(line, sizeof line, &r->err);
	return (int)count;
}

static void
test_typed_getters(void)
{
	struct getter_run r;
	const ynode *v;
	int64_t i64 = 0;
	int b = -1, off = 0;
	const char *s = NULL;

	v = getter_begin(&r, "v: 42");
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, 0, 100, &i64), 0);
	CU_ASSERT_EQUAL(i64, 42);
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, 0, 41, &i64), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: 42 is out of range (0 to 41)");

	v = getter_begin(&r, "v: -9223372036854775808");
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, INT64_MIN, INT64_MAX, &i64), 0);
	CU_ASSERT_EQUAL(i64, INT64_MIN);
	CU_ASSERT_EQUAL(getter_end(&r), 0);
	v = getter_begin(&r, "v: 99999999999999999999999999");
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, INT64_MIN, INT64_MAX, &i64), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	v = getter_begin(&r, "v: \"42\"");
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, 0, 100, &i64), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: expected a whole number, found quoted text");
	v = getter_begin(&r, "v: 12abc");
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, 0, 100, &i64), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: expected a whole number, found \"12abc\"");
	v = getter_begin(&r, "v: [1]");
	CU_ASSERT_EQUAL(yget_int(&r.d, v, &r.path, 0, 100, &i64), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(yget_str(&r.d, v, &r.path, &s), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(yget_map(&r.d, v, &r.path), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(yget_seq(&r.d, v, &r.path), 0);
	CU_ASSERT_EQUAL(getter_end(&r), 3);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: expected a whole number, found list");

	v = getter_begin(&r, "v: true");
	CU_ASSERT_EQUAL(yget_bool(&r.d, v, &r.path, &b), 0);
	CU_ASSERT_EQUAL(b, 1);
	CU_ASSERT_EQUAL(getter_end(&r), 0);
	v = getter_begin(&r, "v: yes");
	CU_ASSERT_EQUAL(yget_bool(&r.d, v, &r.path, &b), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: expected true or false, found \"yes\"");
	v = getter_begin(&r, "v: 'false'");
	CU_ASSERT_EQUAL(yget_bool(&r.d, v, &r.path, &b), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);

	v = getter_begin(&r, "v: 1234.56");
	CU_ASSERT_EQUAL(yget_money(&r.d, v, &r.path, &i64), 0);
	CU_ASSERT_EQUAL(i64, 123456);
	CU_ASSERT_EQUAL(getter_end(&r), 0);
	v = getter_begin(&r, "v: 1.234");
	CU_ASSERT_EQUAL(yget_money(&r.d, v, &r.path, &i64), MEDIATE_EPARSE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: money \"1.234\": more than two decimals (amounts are exact to the fen)");
	v = getter_begin(&r, "v: ~");
	CU_ASSERT_EQUAL(yget_money(&r.d, v, &r.path, &i64), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(yget_str(&r.d, v, &r.path, &s), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(getter_end(&r), 2);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v: expected an amount like 1234.56, found null");

	v = getter_begin(&r, "v: 2026-11-03T09:30:00+08:00");
	CU_ASSERT_EQUAL(yget_time(&r.d, v, &r.path, &i64, &off), 0);
	CU_ASSERT_EQUAL(i64, 1793669400LL);
	CU_ASSERT_EQUAL(off, 480);
	CU_ASSERT_EQUAL(getter_end(&r), 0);
	v = getter_begin(&r, "v: 2026-02-30T09:30:00+08:00");
	CU_ASSERT_EQUAL(yget_time(&r.d, v, &r.path, &i64, &off), MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(getter_end(&r), 1);

	v = getter_begin(&r, "v: 老潘");
	CU_ASSERT_EQUAL(yget_str(&r.d, v, &r.path, &s), 0);
	CU_ASSERT_STRING_EQUAL(s, "老潘");
	CU_ASSERT_EQUAL(getter_end(&r), 0);

	/* A required key, reported at the mapping with the key in the path. */
	v = getter_begin(&r, "v: {code: YZ}");
	CU_ASSERT_PTR_NOT_NULL(yreq(&r.d, v, &r.path, "code"));
	CU_ASSERT_PTR_NULL(yreq(&r.d, v, &r.path, "kind"));
	CU_ASSERT_EQUAL(getter_end(&r), 1);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:4: grading.rules[2].v.kind: missing required key \"kind\"");
}

static void
test_unknown_keys(void)
{
	static const char *const allowed[] = { "code", "parent", "name", "kind", NULL };
	struct getter_run r;
	const ynode *v;

	v = getter_begin(&r, "v: {code: YZ, nmae: 鄞州区, parnet: X, colour: red}");
	CU_ASSERT_EQUAL(ymap_check_keys(&r.d, v, &r.path, allowed), 3);
	CU_ASSERT_EQUAL(getter_end(&r), 3);
	CU_ASSERT_STRING_EQUAL(line, "g.yaml:1:15: grading.rules[2].v.nmae: unknown key \"nmae\"; did you mean \"name\"?");
	CU_ASSERT_STRING_EQUAL(ysuggest("knid", allowed), "kind");
	CU_ASSERT_PTR_NULL(ysuggest("colour", allowed));
}

struct collected {
	unsigned n;
	unsigned long lines[8];
	char paths[8][64];
};

static void
collect(const mediate_error *e, void *user)
{
	struct collected *c = user;
	if (c->n < 8) {
		c->lines[c->n] = e->line;
		mi_strlcpy(c->paths[c->n], e->path, sizeof c->paths[0]);
	}
	c->n++;
}

static void
test_errors_in_document_order(void)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	struct collected c;
	mediate_error err;
	ydiag d;
	ypath p;

	memset(&c, 0, sizeof c);
	memset(&p, 0, sizeof p);
	o.on_error = collect;
	o.on_error_user = &c;
	ydiag_init(&d, "o.yaml", &o, &err);
	/* Found in this order by a loader walking section by section... */
	ydiag_report_at(&d, MEDIATE_EVALIDATE, 9, 3, &p, "third");
	ydiag_report_at(&d, MEDIATE_EVALIDATE, 2, 7, &p, "second");
	ydiag_report_at(&d, MEDIATE_ERANGE, 2, 1, &p, "first");
	ydiag_report_at(&d, MEDIATE_EVALIDATE, 9, 3, &p, "fourth (same place as third)");
	CU_ASSERT_EQUAL(d.count, 4);
	CU_ASSERT_EQUAL(c.n, 0);   /* nothing is handed out before the end */
	ydiag_finish(&d);
	/* ...and handed out in document order. */
	CU_ASSERT_EQUAL(c.n, 4);
	CU_ASSERT_EQUAL(c.lines[0], 2);
	CU_ASSERT_EQUAL(c.lines[1], 2);
	CU_ASSERT_EQUAL(c.lines[2], 9);
	CU_ASSERT_EQUAL(c.lines[3], 9);
	CU_ASSERT_STRING_EQUAL(err.text, "first");
	CU_ASSERT_EQUAL(err.code, MEDIATE_ERANGE);
	CU_ASSERT_EQUAL(d.first_code, MEDIATE_ERANGE);
	CU_ASSERT_STRING_EQUAL(mediate_error_last()->text, "first");

	/* max_errors stops the collection. */
	memset(&c, 0, sizeof c);
	o.max_errors = 2;
	ydiag_init(&d, "o.yaml", &o, NULL);
	ydiag_report_at(&d, MEDIATE_EVALIDATE, 5, 1, &p, "a");
	CU_ASSERT_FALSE(ydiag_full(&d));
	ydiag_report_at(&d, MEDIATE_EVALIDATE, 4, 1, &p, "b");
	CU_ASSERT_TRUE(ydiag_full(&d));
	ydiag_report_at(&d, MEDIATE_EVALIDATE, 1, 1, &p, "c");
	ydiag_finish(&d);
	CU_ASSERT_EQUAL(d.count, 2);
	CU_ASSERT_EQUAL(c.n, 2);
	CU_ASSERT_EQUAL(c.lines[0], 4);
	CU_ASSERT_EQUAL(c.lines[1], 5);
}

static void
test_paths(void)
{
	ypath p;
	size_t m1, m2, i;

	memset(&p, 0, sizeof p);
	m1 = ypath_key(&p, "grading");
	ypath_key(&p, "rules");
	m2 = ypath_index(&p, 2);
	ypath_key(&p, "weight");
	CU_ASSERT_STRING_EQUAL(p.buf, "grading.rules[2].weight");
	ypath_pop(&p, m2);
	CU_ASSERT_STRING_EQUAL(p.buf, "grading.rules");
	ypath_pop(&p, m1);
	CU_ASSERT_STRING_EQUAL(p.buf, "");
	/* A very deep path is cut, never overflowed. */
	for (i = 0; i < 200; i++)
		ypath_key(&p, "很长的键名");
	CU_ASSERT(strlen(p.buf) < sizeof p.buf);
	CU_ASSERT_EQUAL(p.len, strlen(p.buf));
	ypath_index(&p, 12345);
	CU_ASSERT(strlen(p.buf) < sizeof p.buf);
}

int
suite_ydoc(void)
{
	TEST_SUITE(s, "ydoc");
	TEST_ADD(s, test_depth_limit);
	TEST_ADD(s, test_document_size_limit);
	TEST_ADD(s, test_scalar_and_node_limits);
	TEST_ADD(s, test_refused_constructs);
	TEST_ADD(s, test_duplicate_keys);
	TEST_ADD(s, test_many_keys_are_fast_to_check);
	TEST_ADD(s, test_invalid_utf8_position);
	TEST_ADD(s, test_tree_and_positions);
	TEST_ADD(s, test_typed_getters);
	TEST_ADD(s, test_unknown_keys);
	TEST_ADD(s, test_errors_in_document_order);
	TEST_ADD(s, test_paths);
	return 0;
}
