/* SPDX-License-Identifier: MIT */
/*
 * The policy loader: the bad-policy corpus under tests/data/policy/bad (each
 * NAME.yaml with the exact first error in NAME.err), generated hostile
 * documents, the good path and its getters, the sample county, the order of
 * errors, and the public YAML test suite.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"

static char line[2048];

static int
load(mediate_policy **p, const char *data, size_t len, const char *name, const mediate_load_options *o)
{
	mediate_error err;
	int rc;

	*p = NULL;
	memset(&err, 0x5A, sizeof err);
	rc = mediate_policy_load_buffer(p, data, len, name, o, &err);
	line[0] = '\0';
	if (rc != 0) {
		CU_ASSERT_PTR_NULL(*p);
		CU_ASSERT_EQUAL(err.code, rc);
		mediate_error_format(line, sizeof line, &err);
		/* The thread's last error is the same record. */
		{
			char last[2048];
			mediate_error_format(last, sizeof last, mediate_error_last());
			CU_ASSERT_STRING_EQUAL(last, line);
		}
	} else {
		CU_ASSERT_PTR_NOT_NULL(*p);
		CU_ASSERT_EQUAL(err.code, MEDIATE_OK);
	}
	return rc;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_bad_corpus(void)
{
	const char *dir = test_data("policy/bad");
	char dirbuf[4096], path[4200];
	char *names[256];
	size_t n = 0, i, yaml = 0;
	DIR *d;
	struct dirent *e;

	snprintf(dirbuf, sizeof dirbuf, "%s", dir);
	d = opendir(dirbuf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL && n < 256)
		if (has_suffix(e->d_name, ".yaml") || has_suffix(e->d_name, ".err"))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof names[0], cmp_names);
	for (i = 0; i < n; i++) {
		char *data, *expect, *nl, base[256];
		size_t len;
		mediate_policy *p;
		int rc;

		snprintf(base, sizeof base, "%.*s", (int)(strrchr(names[i], '.') - names[i]), names[i]);
		if (has_suffix(names[i], ".err")) {
			/* Every expectation has its document. */
			snprintf(path, sizeof path, "%.3800s/%.200s.yaml", dirbuf, base);
			CU_ASSERT_EQUAL(access(path, R_OK), 0);
			continue;
		}
		yaml++;
		snprintf(path, sizeof path, "%.3800s/%.200s", dirbuf, names[i]);
		data = test_read_file(path, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(data);
		snprintf(path, sizeof path, "%.3800s/%.200s.err", dirbuf, base);
		expect = test_read_file(path, NULL);
		CU_ASSERT_PTR_NOT_NULL(expect);
		if (expect == NULL) {
			fprintf(stderr, "\n  %s has no .err file\n", names[i]);
			free(data);
			continue;
		}
		if ((nl = strchr(expect, '\n')) != NULL)
			*nl = '\0';
		rc = load(&p, data, len, names[i], NULL);
		CU_ASSERT(rc < 0);
		CU_ASSERT_STRING_EQUAL(line, expect);
		if (strcmp(line, expect) != 0)
			fprintf(stderr, "\n  %s\n    expected: %s\n    got:      %s\n", names[i], expect, line);
		mediate_policy_free(p);
		free(expect);
		free(data);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	CU_ASSERT(yaml >= 30);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
test_generated_hostile_documents(void)
{
	size_t big = (size_t)2 << 20, len, i;
	char *s = malloc(big + 1);
	mediate_policy *p;
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	double t0, best = 1e9;
	int k;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	/* 200 KB of nested '[': refused at the depth limit, early.  The time
	 * is printed, not asserted (machines differ; valgrind is slow). */
	memset(s, '[', 200 * 1024);
	for (k = 0; k < 5; k++) {
		t0 = now();
		CU_ASSERT_EQUAL(load(&p, s, 200 * 1024, "nested.yaml", NULL), MEDIATE_ELIMIT);
		if (now() - t0 < best)
			best = now() - t0;
	}
	CU_ASSERT_STRING_EQUAL(line, "nested.yaml:1:65: nesting deeper than 64 levels (limit max_depth)");
	printf("\n    200 KB of nested '[' refused in %.3f ms (best of 5) ", best * 1e3);
	memset(s, '{', 200 * 1024);
	CU_ASSERT(load(&p, s, 200 * 1024, "nested.yaml", NULL) < 0);
	for (i = 0; i < 200 * 1024; i += 2)
		memcpy(s + i, "- ", 2);
	CU_ASSERT_EQUAL(load(&p, s, 200 * 1024, "dashes.yaml", NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "dashes.yaml:1:129: nesting deeper than 64 levels (limit max_depth)");

	/* A 2 MiB document: over the size limit before any parsing. */
	len = (size_t)snprintf(s, big, "policy: {name: 鄞州区}\n# ");
	memset(s + len, 'x', big - len);
	CU_ASSERT_EQUAL(load(&p, s, big, "big.yaml", NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "big.yaml: document of 2097152 bytes is larger than the limit of 1048576 (max_document_bytes)");
	/* The limit is configurable both ways. */
	o.max_document_bytes = 16;
	CU_ASSERT_EQUAL(load(&p, "policy: {name: 鄞州区}\n", 26, "small.yaml", &o), MEDIATE_ELIMIT);

	/* A 70,000-byte name: over the scalar limit of 64 KiB. */
	len = (size_t)snprintf(s, big, "policy: {name: ");
	for (i = 0; i < 70000; i += 3)
		memcpy(s + len + i, "调", 3);
	len += 70002;
	len += (size_t)snprintf(s + len, big - len, "}\n");
	CU_ASSERT_EQUAL(load(&p, s, len, "long.yaml", NULL), MEDIATE_ELIMIT);
	CU_ASSERT_STRING_EQUAL(line, "long.yaml:1:16: text of 70002 bytes is longer than the limit of 65536 (max_scalar_bytes)");

	/* Many nodes, under a lowered node limit. */
	o = (mediate_load_options)MEDIATE_LOAD_OPTIONS_INIT;
	o.max_nodes = 1000;
	len = (size_t)snprintf(s, big, "policy: {name: x}\ntaxonomy: [");
	for (i = 0; i < 2000; i++)
		len += (size_t)snprintf(s + len, big - len, "%s1", i ? "," : "");
	len += (size_t)snprintf(s + len, big - len, "]\n");
	CU_ASSERT_EQUAL(load(&p, s, len, "nodes.yaml", &o), MEDIATE_ELIMIT);
	CU_ASSERT_EQUAL(strncmp(line, "nodes.yaml:2:", 13), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(line, "more than 1000 nodes (limit max_nodes)"));
	free(s);
}

/* Large documents with one error each: the checks of codes, parents and
 * cycles stay linear (a quadratic walk took 14 s on 1 MiB of duplicates).
 * 256 KiB keeps the valgrind run short; the times are printed. */
static void
test_large_trees(void)
{
	size_t cap = (size_t)256 << 10, len, k;
	char *s = malloc(cap);
	mediate_policy *p;
	double t0;

	len = (size_t)snprintf(s, cap, "policy: {name: x}\norg: [{code: YZ, kind: county, name: x}]\ntaxonomy:\n");
	for (k = 0; len < cap - 200; k++)
		len += (size_t)snprintf(s + len, cap - len, "- {code: a, name: b}\n");
	t0 = now();
	CU_ASSERT_EQUAL(load(&p, s, len, "dups.yaml", NULL), MEDIATE_EVALIDATE);
	CU_ASSERT_STRING_EQUAL(line, "dups.yaml:5:10: taxonomy[1].code: duplicate category code \"a\" (first at line 4)");
	printf("\n    %zu duplicate codes: %.0f ms ", k, (now() - t0) * 1e3);

	/* A chain a0 -> a1 -> ... -> aN: valid, depth N. */
	len = (size_t)snprintf(s, cap, "policy: {name: x}\norg: [{code: YZ, kind: county, name: x}]\ntaxonomy:\n");
	for (k = 0; len < cap - 200; k++)
		len += (size_t)snprintf(s + len, cap - len, "- {code: a%zu, name: b, parent: a%zu}\n", k, k + 1);
	len += (size_t)snprintf(s + len, cap - len, "- {code: a%zu, name: b}\n", k);
	t0 = now();
	CU_ASSERT_EQUAL(load(&p, s, len, "chain.yaml", NULL), MEDIATE_OK);
	printf("\n    chain of %zu categories: %.0f ms ", k + 1, (now() - t0) * 1e3);
	CU_ASSERT_EQUAL(mediate_category_depth(mediate_policy_category_at(p, 0)), k);
	CU_ASSERT_EQUAL(mediate_category_depth(mediate_policy_category_at(p, k)), 0);
	CU_ASSERT_TRUE(mediate_category_is_within(mediate_policy_category_at(p, 0), mediate_policy_category_at(p, k)));
	CU_ASSERT_FALSE(mediate_category_is_within(mediate_policy_category_at(p, k), mediate_policy_category_at(p, 0)));
	mediate_policy_free(p);

	/* The same chain closed into one big cycle. */
	len -= strlen("}\n");
	len += (size_t)snprintf(s + len - 0, cap - len, ", parent: a0}\n");
	CU_ASSERT_EQUAL(load(&p, s, len, "cycle.yaml", NULL), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(strncmp(line, "cycle.yaml:4:", 13), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(line, "taxonomy[0].parent: category \"a0\" is its own ancestor (a cycle of"));
	free(s);
}

static void
test_cycles(void)
{
	static const struct {
		const char *org;
		const char *expect;
	} cases[] = {
		/* Two units pointing at each other. */
		{ "[{code: A, kind: town, parent: B, name: 甲}, {code: B, kind: town, parent: A, name: 乙}]",
		  "c.yaml:2:37: org[0].parent: unit \"A\" is its own ancestor (a cycle of 2)" },
		/* C leads into a cycle of A and B without being on it. */
		{ "[{code: C, kind: grid, parent: A, name: 丙}, {code: A, kind: town, parent: B, name: 甲}, "
		  "{code: B, kind: town, parent: A, name: 乙}]",
		  "c.yaml:2:80: org[1].parent: unit \"A\" is its own ancestor (a cycle of 2)" },
		/* Two cycles: the one with the lowest entry is reported. */
		{ "[{code: X, kind: grid, parent: Y, name: x}, {code: A, kind: town, parent: A2, name: 甲}, "
		  "{code: Y, kind: grid, parent: X, name: y}, {code: A2, kind: town, parent: A, name: 乙}]",
		  "c.yaml:2:37: org[0].parent: unit \"X\" is its own ancestor (a cycle of 2)" },
		{ "[{code: A2, kind: town, parent: A, name: 乙}, {code: X, kind: grid, parent: Y, name: x}, "
		  "{code: A, kind: town, parent: A2, name: 甲}, {code: Y, kind: grid, parent: X, name: y}]",
		  "c.yaml:2:38: org[0].parent: unit \"A2\" is its own ancestor (a cycle of 2)" },
	};
	size_t i;
	char doc[1024];
	mediate_policy *p;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int n = snprintf(doc, sizeof doc, "policy: {name: 环}\norg: %s\ntaxonomy: [{code: x, name: x}]\n",
		                 cases[i].org);
		CU_ASSERT_EQUAL(load(&p, doc, (size_t)n, "c.yaml", NULL), MEDIATE_EVALIDATE);
		CU_ASSERT_STRING_EQUAL(line, cases[i].expect);
	}
}

static mediate_policy *
load_good(void)
{
	size_t len;
	char *data = test_read_file(test_data("policy/good.yaml"), &len);
	mediate_policy *p = NULL;
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	CU_ASSERT_EQUAL(load(&p, data, len, "good.yaml", NULL), MEDIATE_OK);
	if (p == NULL)
		fprintf(stderr, "\n  good.yaml: %s\n", line);
	free(data);
	return p;
}

static void
test_good_policy(void)
{
	mediate_policy *p = load_good();
	const mediate_category *fam, *elder, *noise, *reno, *nb;
	const mediate_unit *yz, *ps, *studio, *grid, *hc;
	mediate_unit_kind kind;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_STRING_EQUAL(mediate_policy_name(p), "鄞州区警调衔接试点");
	CU_ASSERT_STRING_EQUAL(mediate_policy_version(p), "2026.1");
	CU_ASSERT_STRING_EQUAL(mediate_policy_language(p), "zh");

	/* Categories: document order, find by code, tree. */
	CU_ASSERT_EQUAL(mediate_policy_category_count(p), 6);
	fam = mediate_policy_category_find(p, "family");
	elder = mediate_policy_category_find(p, "family.elder_support");
	nb = mediate_policy_category_find(p, "neighbour");
	noise = mediate_policy_category_find(p, "neighbour.noise");
	reno = mediate_policy_category_find(p, "neighbour.noise.renovation");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fam);
	CU_ASSERT_PTR_NOT_NULL_FATAL(reno);
	CU_ASSERT_PTR_EQUAL(mediate_policy_category_at(p, 0), fam);
	CU_ASSERT_PTR_EQUAL(mediate_policy_category_at(p, 4), reno);
	CU_ASSERT_PTR_NULL(mediate_policy_category_at(p, 6));
	CU_ASSERT_PTR_NULL(mediate_policy_category_find(p, "Family"));
	CU_ASSERT_PTR_NULL(mediate_policy_category_find(p, "neighbour.nois"));
	CU_ASSERT_PTR_NULL(mediate_policy_category_find(p, ""));
	for (i = 0; i < mediate_policy_category_count(p); i++) {
		const mediate_category *c = mediate_policy_category_at(p, i);
		CU_ASSERT_EQUAL(mediate_category_index(c), i);
		CU_ASSERT_PTR_EQUAL(mediate_policy_category_find(p, mediate_category_code(c)), c);
		CU_ASSERT_TRUE(mediate_category_is_within(c, c));
	}
	CU_ASSERT_STRING_EQUAL(mediate_category_code(elder), "family.elder_support");
	CU_ASSERT_PTR_EQUAL(mediate_category_parent(elder), fam);
	CU_ASSERT_PTR_NULL(mediate_category_parent(fam));
	CU_ASSERT_PTR_EQUAL(mediate_category_parent(reno), noise);
	CU_ASSERT_EQUAL(mediate_category_depth(fam), 0);
	CU_ASSERT_EQUAL(mediate_category_depth(noise), 1);
	CU_ASSERT_EQUAL(mediate_category_depth(reno), 2);
	CU_ASSERT_TRUE(mediate_category_is_within(reno, nb));
	CU_ASSERT_TRUE(mediate_category_is_within(reno, noise));
	CU_ASSERT_FALSE(mediate_category_is_within(nb, reno));
	CU_ASSERT_FALSE(mediate_category_is_within(reno, fam));
	CU_ASSERT_FALSE(mediate_category_is_within(elder, nb));

	/* Names by language, with fallbacks. */
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, "zh"), "噪声扰民");
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, "en"), "Noise");
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, "zh-Hant"), "噪聲擾民");
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, "zh-CN"), "噪声扰民");   /* -> zh */
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, "en-GB"), "Noise");      /* -> en */
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, "fr"), "噪声扰民");      /* policy language */
	CU_ASSERT_STRING_EQUAL(mediate_category_name(noise, NULL), "噪声扰民");
	CU_ASSERT_STRING_EQUAL(mediate_category_name(reno, "en"), "装修噪声");       /* only zh given */
	CU_ASSERT_STRING_EQUAL(mediate_category_name(elder, "en"), "Support of elders");

	/* Units. */
	CU_ASSERT_EQUAL(mediate_policy_unit_count(p), 12);
	yz = mediate_policy_unit_find(p, "YZ");
	ps = mediate_policy_unit_find(p, "YZ-ZGM-PS");
	studio = mediate_policy_unit_find(p, "YZ-ZGM-PS-TJ");
	grid = mediate_policy_unit_find(p, "YZ-ZGM-JJC-G01");
	hc = mediate_policy_unit_find(p, "DJS-HC");
	CU_ASSERT_PTR_NOT_NULL_FATAL(yz);
	CU_ASSERT_PTR_NOT_NULL_FATAL(studio);
	CU_ASSERT_PTR_NOT_NULL_FATAL(grid);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hc);
	CU_ASSERT_PTR_NULL(mediate_policy_unit_find(p, "yz"));
	CU_ASSERT_PTR_NULL(mediate_policy_unit_find(p, "YZ-ZGM-PS-TJ-X"));
	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		CU_ASSERT_EQUAL(mediate_unit_index(u), i);
		CU_ASSERT_PTR_EQUAL(mediate_policy_unit_find(p, mediate_unit_code(u)), u);
		CU_ASSERT_PTR_NOT_NULL(mediate_unit_kind_name(mediate_unit_get_kind(u)));
	}
	CU_ASSERT_PTR_NULL(mediate_policy_unit_at(p, 12));
	CU_ASSERT_EQUAL(mediate_unit_get_kind(yz), MEDIATE_UNIT_COUNTY);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(ps), MEDIATE_UNIT_POLICE_STATION);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(studio), MEDIATE_UNIT_CENTRE);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(grid), MEDIATE_UNIT_GRID);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(hc), MEDIATE_UNIT_VILLAGE);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(mediate_policy_unit_find(p, "YZ-FY")), MEDIATE_UNIT_COURT);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(mediate_policy_unit_find(p, "YZ-E-WY")), MEDIATE_UNIT_ENTERPRISE);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(mediate_policy_unit_find(p, "YZ-SJ")), MEDIATE_UNIT_DEPARTMENT);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(mediate_policy_unit_find(p, "YZ-TJX")), MEDIATE_UNIT_ASSOCIATION);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(mediate_policy_unit_find(p, "YZ-ZGM")), MEDIATE_UNIT_TOWN);
	CU_ASSERT_EQUAL(mediate_unit_get_kind(mediate_policy_unit_find(p, "YZ-ZGM-JJC")), MEDIATE_UNIT_COMMUNITY);
	CU_ASSERT_PTR_EQUAL(mediate_unit_parent(studio), ps);
	CU_ASSERT_STRING_EQUAL(mediate_unit_address(mediate_policy_unit_find(p, "YZ-TJ")), "浙江省宁波市鄞州区天童南路588号");
	CU_ASSERT_PTR_NULL(mediate_unit_address(studio));
	CU_ASSERT_PTR_NULL(mediate_unit_address(NULL));
	CU_ASSERT_PTR_NULL(mediate_unit_parent(yz));
	CU_ASSERT_PTR_NULL(mediate_unit_parent(hc));
	CU_ASSERT_EQUAL(mediate_unit_depth(yz), 0);
	CU_ASSERT_EQUAL(mediate_unit_depth(studio), 3);
	CU_ASSERT_EQUAL(mediate_unit_depth(grid), 3);
	CU_ASSERT_TRUE(mediate_unit_is_within(studio, yz));
	CU_ASSERT_TRUE(mediate_unit_is_within(grid, mediate_policy_unit_find(p, "YZ-ZGM")));
	CU_ASSERT_FALSE(mediate_unit_is_within(grid, ps));
	CU_ASSERT_FALSE(mediate_unit_is_within(hc, yz));
	CU_ASSERT_FALSE(mediate_unit_is_within(yz, studio));
	CU_ASSERT_STRING_EQUAL(mediate_unit_name(studio, "zh"), "老潘警调衔接工作室");
	CU_ASSERT_STRING_EQUAL(mediate_unit_name(studio, "en"), "Lao Pan Studio");
	CU_ASSERT_STRING_EQUAL(mediate_unit_name(grid, "en"), "金家漕社区第一网格");
	CU_ASSERT_STRING_EQUAL(mediate_unit_name(hc, "en-US"), "Huacun Street");

	/* Kind names and parsing, both ways. */
	for (kind = MEDIATE_UNIT_COUNTY; kind <= MEDIATE_UNIT_ASSOCIATION; kind++) {
		mediate_unit_kind back = (mediate_unit_kind)0;
		const char *name = mediate_unit_kind_name(kind);
		CU_ASSERT_PTR_NOT_NULL_FATAL(name);
		CU_ASSERT_EQUAL(mediate_unit_kind_parse(&back, name), MEDIATE_OK);
		CU_ASSERT_EQUAL(back, kind);
	}
	CU_ASSERT_STRING_EQUAL(mediate_unit_kind_name(MEDIATE_UNIT_POLICE_STATION), "police_station");
	CU_ASSERT_PTR_NULL(mediate_unit_kind_name((mediate_unit_kind)0));
	CU_ASSERT_PTR_NULL(mediate_unit_kind_name((mediate_unit_kind)12));
	CU_ASSERT_PTR_NULL(mediate_unit_kind_name((mediate_unit_kind)-1));
	kind = MEDIATE_UNIT_GRID;
	CU_ASSERT_EQUAL(mediate_unit_kind_parse(&kind, "Police_Station"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_unit_kind_parse(&kind, ""), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_unit_kind_parse(&kind, "派出所"), MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(kind, MEDIATE_UNIT_GRID);
	mediate_policy_free(p);
}

static void
test_load_file(void)
{
	mediate_policy *p = NULL;
	mediate_error err;
	const char *path = test_data("policy/good.yaml");
	char copy[4200];

	snprintf(copy, sizeof copy, "%s", path);
	CU_ASSERT_EQUAL(mediate_policy_load_file(&p, copy, NULL, &err), MEDIATE_OK);
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_EQUAL(err.code, MEDIATE_OK);
	mediate_policy_free(p);
	/* Errors carry the path given. */
	snprintf(copy, sizeof copy, "%s", test_data("policy/bad/dangling_parent.yaml"));
	CU_ASSERT_EQUAL(mediate_policy_load_file(&p, copy, NULL, &err), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_STRING_EQUAL(err.file, copy);
	CU_ASSERT_EQUAL(err.line, 9);
	CU_ASSERT_EQUAL(err.column, 53);
	CU_ASSERT_STRING_EQUAL(err.path, "org[2].parent");
	/* A file over the size limit is refused while reading. */
	{
		char tmpl[256];
		const char *tmpdir = getenv("TMPDIR");
		int fd;
		snprintf(tmpl, sizeof tmpl, "%.200s/mediate-big-XXXXXX", tmpdir != NULL ? tmpdir : "/tmp");
		fd = mkstemp(tmpl);
		CU_ASSERT_FATAL(fd >= 0);
		{
			static char chunk[65536];
			int k;
			memset(chunk, '#', sizeof chunk);
			for (k = 0; k < 32; k++)
				CU_ASSERT_EQUAL(write(fd, chunk, sizeof chunk), (ssize_t)sizeof chunk);
		}
		close(fd);
		CU_ASSERT_EQUAL(mediate_policy_load_file(&p, tmpl, NULL, &err), MEDIATE_ELIMIT);
		CU_ASSERT_PTR_NULL(p);
		CU_ASSERT_STRING_EQUAL(err.file, tmpl);
		CU_ASSERT_STRING_EQUAL(err.text, "document is larger than the limit of 1048576 bytes (max_document_bytes)");
		unlink(tmpl);
	}
	/* A missing file. */
	snprintf(copy, sizeof copy, "%s", test_data("policy/no-such-file.yaml"));
	CU_ASSERT_EQUAL(mediate_policy_load_file(&p, copy, NULL, &err), MEDIATE_EIO);
	CU_ASSERT_STRING_EQUAL(err.file, copy);
	CU_ASSERT_PTR_NULL(p);
}

static void
test_county(void)
{
	const char *path = example_data("county.yaml");
	char copy[4200];
	mediate_policy *p = NULL;
	mediate_error err;
	FILE *f;
	size_t i, stations = 0;

	snprintf(copy, sizeof copy, "%s", path);
	if ((f = fopen(copy, "rb")) == NULL) {
		CU_PASS("examples/data/county.yaml is not there yet: skipped");
		return;
	}
	fclose(f);
	CU_ASSERT_EQUAL(mediate_policy_load_file(&p, copy, NULL, &err), MEDIATE_OK);
	if (p == NULL) {
		mediate_error_format(line, sizeof line, &err);
		fprintf(stderr, "\n  county.yaml: %s\n", line);
		return;
	}
	CU_ASSERT(mediate_policy_category_count(p) >= 10);
	CU_ASSERT(mediate_policy_unit_count(p) >= 24);
	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		stations += mediate_unit_get_kind(u) == MEDIATE_UNIT_POLICE_STATION;
		CU_ASSERT_PTR_NOT_NULL(mediate_unit_name(u, "zh"));
	}
	CU_ASSERT(stations >= 20);   /* the 24 stations of Yinzhou, or most of them */
	mediate_policy_free(p);
}

struct collected {
	unsigned n;
	unsigned long line[32], col[32];
	int code[32];
	char text[32][160];
};

static void
collect(const mediate_error *e, void *user)
{
	struct collected *c = user;
	if (c->n < 32) {
		c->line[c->n] = e->line;
		c->col[c->n] = e->column;
		c->code[c->n] = e->code;
		mediate_error_format(c->text[c->n], sizeof c->text[0], e);
	}
	c->n++;
}

static void
test_on_error_order_and_max_errors(void)
{
	static const char *const expect[] = {
		"many_errors.yaml:3:1: polcy: unknown key \"polcy\"; did you mean \"policy\"?",
		"many_errors.yaml:3:1: policy: missing required section \"policy\"",
		"many_errors.yaml:5:35: taxonomy[0].colour: unknown key \"colour\"",
		"many_errors.yaml:6:37: taxonomy[1].parent: unknown parent category \"neighbor\"; did you mean \"neighbour\"?",
		"many_errors.yaml:9:26: org[1].kind: unknown unit kind \"twon\"; did you mean \"town\"?",
	};
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	struct collected c;
	mediate_policy *p;
	size_t len, i;
	char *data = test_read_file(test_data("policy/bad/many_errors.yaml"), &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	memset(&c, 0, sizeof c);
	o.on_error = collect;
	o.on_error_user = &c;
	CU_ASSERT_EQUAL(load(&p, data, len, "many_errors.yaml", &o), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(c.n, sizeof expect / sizeof expect[0]);
	for (i = 0; i < c.n && i < sizeof expect / sizeof expect[0]; i++) {
		CU_ASSERT_STRING_EQUAL(c.text[i], expect[i]);
		if (i > 0)
			CU_ASSERT(c.line[i] > c.line[i - 1] || (c.line[i] == c.line[i - 1] && c.col[i] >= c.col[i - 1]));
	}
	/* The caller's record is the first of them. */
	CU_ASSERT_STRING_EQUAL(line, expect[0]);

	/* max_errors = 2: two calls, still in document order. */
	memset(&c, 0, sizeof c);
	o.max_errors = 2;
	CU_ASSERT_EQUAL(load(&p, data, len, "many_errors.yaml", &o), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(c.n, 2);
	CU_ASSERT(c.line[0] <= c.line[1]);
	/* max_errors = 1 still fails the load. */
	memset(&c, 0, sizeof c);
	o.max_errors = 1;
	CU_ASSERT_EQUAL(load(&p, data, len, "many_errors.yaml", &o), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(c.n, 1);
	/* A good policy calls nobody. */
	free(data);
	memset(&c, 0, sizeof c);
	data = test_read_file(test_data("policy/good.yaml"), &len);
	CU_ASSERT_EQUAL(load(&p, data, len, "good.yaml", &o), MEDIATE_OK);
	CU_ASSERT_EQUAL(c.n, 0);
	mediate_policy_free(p);
	free(data);
}

static void
test_null_arguments(void)
{
	mediate_policy *p = (mediate_policy *)&p;
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error err;
	mediate_unit_kind kind;

	CU_ASSERT_EQUAL(mediate_policy_load_buffer(NULL, "a: 1", 4, "x.yaml", NULL, &err), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(err.code, MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, NULL, 4, "x.yaml", NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, NULL, 0, NULL, NULL, NULL), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NULL(p);
	o.version = 99;
	CU_ASSERT_EQUAL(mediate_policy_load_buffer(&p, "a: 1", 4, "x.yaml", &o, &err), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_policy_load_file(&p, "x.yaml", &o, &err), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_policy_load_file(NULL, "x.yaml", NULL, &err), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_policy_load_file(&p, NULL, NULL, &err), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(err.code, MEDIATE_EINVAL);
	mediate_policy_free(NULL);

	CU_ASSERT_PTR_NULL(mediate_policy_name(NULL));
	CU_ASSERT_PTR_NULL(mediate_policy_version(NULL));
	CU_ASSERT_PTR_NULL(mediate_policy_language(NULL));
	CU_ASSERT_EQUAL(mediate_policy_category_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_policy_category_at(NULL, 0));
	CU_ASSERT_PTR_NULL(mediate_policy_category_find(NULL, "family"));
	CU_ASSERT_PTR_NULL(mediate_category_code(NULL));
	CU_ASSERT_PTR_NULL(mediate_category_name(NULL, "zh"));
	CU_ASSERT_PTR_NULL(mediate_category_parent(NULL));
	CU_ASSERT_EQUAL(mediate_category_index(NULL), (size_t)-1);
	CU_ASSERT_EQUAL(mediate_category_depth(NULL), 0);
	CU_ASSERT_FALSE(mediate_category_is_within(NULL, NULL));
	CU_ASSERT_EQUAL(mediate_policy_unit_count(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_policy_unit_at(NULL, 0));
	CU_ASSERT_PTR_NULL(mediate_policy_unit_find(NULL, "YZ"));
	CU_ASSERT_PTR_NULL(mediate_unit_code(NULL));
	CU_ASSERT_PTR_NULL(mediate_unit_name(NULL, "zh"));
	CU_ASSERT_EQUAL(mediate_unit_get_kind(NULL), 0);
	CU_ASSERT_PTR_NULL(mediate_unit_parent(NULL));
	CU_ASSERT_EQUAL(mediate_unit_index(NULL), (size_t)-1);
	CU_ASSERT_EQUAL(mediate_unit_depth(NULL), 0);
	CU_ASSERT_FALSE(mediate_unit_is_within(NULL, NULL));
	CU_ASSERT_EQUAL(mediate_unit_kind_parse(NULL, "town"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_unit_kind_parse(&kind, NULL), MEDIATE_EINVAL);

	/* With a policy: NULL codes and objects. */
	p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_PTR_NULL(mediate_policy_category_find(p, NULL));
	CU_ASSERT_PTR_NULL(mediate_policy_unit_find(p, NULL));
	CU_ASSERT_FALSE(mediate_category_is_within(mediate_policy_category_at(p, 0), NULL));
	CU_ASSERT_FALSE(mediate_category_is_within(NULL, mediate_policy_category_at(p, 0)));
	CU_ASSERT_FALSE(mediate_unit_is_within(mediate_policy_unit_at(p, 0), NULL));
	mediate_policy_free(p);
}

/* ---- the YAML test suite ---- */

struct yts_totals {
	unsigned inputs, error_inputs, refused, accepted, bad;
};

static void
yts_one(const char *dir, struct yts_totals *t)
{
	char path[4200];
	char *data;
	size_t len;
	mediate_policy *p = NULL;
	mediate_error err;
	int marked_error, rc;
	FILE *f;

	snprintf(path, sizeof path, "%s/in.yaml", dir);
	if ((data = test_read_file(path, &len)) == NULL)
		return;
	snprintf(path, sizeof path, "%s/error", dir);
	f = fopen(path, "rb");
	marked_error = f != NULL;
	if (f != NULL)
		fclose(f);
	t->inputs++;
	t->error_inputs += marked_error;
	rc = mediate_policy_load_buffer(&p, data, len, "in.yaml", NULL, &err);
	if (rc == 0) {
		/* None of them is a valid policy. */
		t->accepted++;
		t->bad++;
		fprintf(stderr, "\n  %s: accepted as a policy", dir);
		mediate_policy_free(p);
	} else {
		t->refused++;
		if (err.line == 0) {
			t->bad++;
			mediate_error_format(line, sizeof line, &err);
			fprintf(stderr, "\n  %s: refused without a line: %s", dir, line);
		}
		if (err.code != rc || p != NULL)
			t->bad++;
	}
	free(data);
}

static void
test_yaml_test_suite(void)
{
	const char *root = yaml_test_suite_dir();
	char rootbuf[4096], path[4200], sub[4300];
	struct yts_totals t = { 0, 0, 0, 0, 0 };
	DIR *d, *d2;
	struct dirent *e, *e2;

	if (root == NULL) {
		CU_PASS("the YAML test suite (../shared/corpora/yaml-test-suite) is not here: skipped");
		printf("\n    yaml-test-suite not found: skipped ");
		return;
	}
	snprintf(rootbuf, sizeof rootbuf, "%s", root);
	d = opendir(rootbuf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%.3800s/%.200s", rootbuf, e->d_name);
		yts_one(path, &t);
		/* Some tests have numbered variants: DIR/00/in.yaml, DIR/01/... */
		if ((d2 = opendir(path)) == NULL)
			continue;
		while ((e2 = readdir(d2)) != NULL) {
			if (e2->d_name[0] < '0' || e2->d_name[0] > '9')
				continue;
			snprintf(sub, sizeof sub, "%.4000s/%.200s", path, e2->d_name);
			yts_one(sub, &t);
		}
		closedir(d2);
	}
	closedir(d);
	printf("\n    yaml-test-suite: %u inputs (%u marked error): %u refused, %u accepted, %u wrong ",
	       t.inputs, t.error_inputs, t.refused, t.accepted, t.bad);
	CU_ASSERT(t.inputs > 300);
	CU_ASSERT(t.error_inputs > 0);
	CU_ASSERT_EQUAL(t.refused, t.inputs);
	CU_ASSERT_EQUAL(t.bad, 0);
}

int
suite_policy(void)
{
	TEST_SUITE(s, "policy");
	TEST_ADD(s, test_bad_corpus);
	TEST_ADD(s, test_generated_hostile_documents);
	TEST_ADD(s, test_large_trees);
	TEST_ADD(s, test_cycles);
	TEST_ADD(s, test_good_policy);
	TEST_ADD(s, test_load_file);
	TEST_ADD(s, test_county);
	TEST_ADD(s, test_on_error_order_and_max_errors);
	TEST_ADD(s, test_null_arguments);
	return 0;
}

int
suite_yaml_suite(void)
{
	TEST_SUITE(s, "yaml_suite");
	TEST_ADD(s, test_yaml_test_suite);
	return 0;
}
