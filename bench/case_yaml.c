/* SPDX-License-Identifier: MIT */
/*
 * Benchmark: cases to and from YAML (issue 3).
 *
 * Builds a YAML list of N cases from the sample cases of
 * examples/data/cases.yaml (copies of the typical ones, see find_templates,
 * each with its own UUID and case number), writes it to a temporary file,
 * then measures on the bytes read back from that file:
 *
 *   ours      mediate_case_list_from_yaml(): parse + build + validate every
 *             case against the policy, then mediate_case_list_to_yaml();
 *   peer      libyaml's bare event parse of the same bytes (a
 *             yaml_parser_parse() loop that builds nothing): the physical
 *             floor of any loader built on libyaml.
 *
 *   bench case.yaml_roundtrip n=N ours=S libyaml_events=S ratio=R check=ok
 *   bench case.yaml_load n=N ours=S cases_per_s=X mb=M export=S mem_mb=R cpu_ratio=C libyaml_events=S ratio=R check=ok
 *
 * (roundtrip: ours = load + export; load: ours = load alone).
 *
 * check=ok when the re-exported bytes equal the file and the case count
 * matches.  Default N = 100,000; --full adds N = 200,000.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "bench.h"
#include "mediate.h"

#ifndef BENCH_SRCDIR
#define BENCH_SRCDIR "bench"
#endif

/* CPU seconds of this process: on a shared machine wall times wander, so
 * the load line also gives the ratio of CPU times. */
static double
cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The physical floor: every event of the document, nothing built. */
static int
libyaml_events(const char *data, size_t len, size_t *events)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int done = 0, ok = 1;
	*events = 0;
	if (!yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			ok = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		(*events)++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok ? 0 : -1;
}

/*
 * The templates: the exported text of each sample case ("- id: ..." up to
 * the next case) no larger than the median.  The samples favour long
 * histories (written agreements, judicial confirmation, follow-up visits)
 * so that the demo and the tests see every part of the model; a year of a
 * county is mostly the short cases settled on the spot, and the long ones
 * are exercised by the test suite.
 */
typedef struct tmpl {
	const char *text;
	size_t len;
	size_t number_at;    /* offset of the sequence digits of the case number */
} tmpl;

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static size_t
find_templates(const char *text, tmpl *out, size_t max)
{
	const char *p = strstr(text, "\ncases:\n"), *q;
	size_t n = 0, i, k, sizes[4096], median;
	if (p == NULL)
		return 0;
	for (p += 8; *p == '-' && n < max; p = q) {
		const char *num;
		q = strstr(p + 1, "\n- id: ");
		q = q != NULL ? q + 1 : p + strlen(p);
		num = strstr(p, "\n  number: ");
		if (num == NULL || num > q || strncmp(p, "- id: ", 6) != 0)
			continue;
		num = memchr(num + 1, '\n', (size_t)(q - num - 1));
		if (num == NULL)
			continue;
		out[n].text = p;
		out[n].len = (size_t)(q - p);
		out[n].number_at = (size_t)(num - 6 - p);
		n++;
	}
	for (i = 0; i < n && i < 4096; i++)
		sizes[i] = out[i].len;
	qsort(sizes, n, sizeof sizes[0], cmp_size);
	median = n > 0 ? sizes[n / 2] : 0;
	for (i = 0, k = 0; i < n; i++)
		if (out[i].len <= median)
			out[k++] = out[i];
	return k;
}

/*
 * N varied copies of the templates, as the exporter would write them: each
 * copy gets a new UUID and case number (no two cases alike).
 */
static char *
make_file(const tmpl *t, size_t nt, size_t n, uint64_t *seed, size_t *len)
{
	static const char head[] = "format: mediate-cases\nversion: 1\ncases:\n";
	static const char hex[] = "0123456789abcdef";
	size_t cap = sizeof head, i, k, used;
	char *buf, *w;
	for (i = 0; i < nt; i++)
		cap += t[i].len;
	cap = cap / (nt ? nt : 1) * n * 2 + (1 << 20);   /* room for any mix */
	if ((buf = malloc(cap)) == NULL)
		return NULL;
	memcpy(buf, head, sizeof head - 1);
	used = sizeof head - 1;
	for (i = 0; i < n; i++) {
		const tmpl *x = &t[bench_rand_below(seed, nt)];
		uint64_t r1 = bench_rand(seed), r2 = bench_rand(seed);
		char id[37];
		if (used + x->len + 64 > cap) {
			char *nb = realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		w = buf + used;
		memcpy(w, x->text, x->len);
		for (k = 0; k < 36; k++) {
			uint64_t r = k < 16 ? r1 >> (4 * k) : r2 >> (4 * (k - 16));
			id[k] = hex[r & 15];
		}
		id[8] = id[13] = id[18] = id[23] = '-';
		id[14] = '4';                          /* version 4 */
		id[19] = hex[8 + (r2 >> 60 & 3)];      /* variant 10xx */
		memcpy(w + 6, id, 36);
		snprintf(id, sizeof id, "%06zu", i % 999999 + 1);
		memcpy(w + x->number_at, id, 6);
		used += x->len;
	}
	buf[used] = '\0';
	*len = used;
	return buf;
}

static int
run(const mediate_policy *policy, const tmpl *t, size_t nt, size_t n, uint64_t seed)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_case_list *back = NULL;
	char path[4096], *text = NULL, *again = NULL, *file = NULL;
	size_t len = 0, len2 = 0, flen = 0, events = 0;
	double t_load, t_export, t_peer, t0, c0, c_load, c_peer;
	mediate_error err;
	bench_line l;
	FILE *f;
	int ok;

	if ((text = make_file(t, nt, n, &seed, &len)) == NULL) {
		fprintf(stderr, "case_yaml: cannot build %zu cases\n", n);
		return 1;
	}
	snprintf(path, sizeof path, "%s/mediate-bench-cases-%ld.yaml", bench_tmpdir(), (long)getpid());
	f = fopen(path, "wb");
	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "case_yaml: cannot write %s\n", path);
		return 1;
	}
	free(text);
	/* Everything below works on the bytes read back from the file. */
	f = fopen(path, "rb");
	file = malloc(len + 1);
	if (f == NULL || file == NULL || (flen = fread(file, 1, len + 1, f)) != len) {
		fprintf(stderr, "case_yaml: cannot read %s back\n", path);
		return 1;
	}
	fclose(f);
	remove(path);

	o.max_document_bytes = len + 1;
	o.max_nodes = (size_t)-1;
	t0 = bench_now();
	c0 = cpu_now();
	if (mediate_case_list_from_yaml(&back, policy, file, flen, path, &o, &err) != 0) {
		char msg[1024];
		mediate_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "case_yaml: load failed: %s\n", msg);
		return 1;
	}
	t_load = bench_now() - t0;
	c_load = cpu_now() - c0;
	t0 = bench_now();
	if (mediate_case_list_to_yaml(&again, &len2, back, 0) != 0) {
		fprintf(stderr, "case_yaml: export failed\n");
		return 1;
	}
	t_export = bench_now() - t0;
	ok = len2 == flen && memcmp(again, file, flen) == 0 && mediate_case_list_count(back) == n;
	mediate_free(again);
	mediate_case_list_free(back);

	t0 = bench_now();
	c0 = cpu_now();
	if (libyaml_events(file, flen, &events) != 0) {
		fprintf(stderr, "case_yaml: libyaml could not parse the file\n");
		return 1;
	}
	t_peer = bench_now() - t0;
	c_peer = cpu_now() - c0;
	free(file);

	bench_line_start(&l, "case.yaml_roundtrip", "n=%zu", n);
	bench_line_ours(&l, t_load + t_export);
	bench_line_peer(&l, "libyaml_events", t_peer);
	bench_line_end(&l, ok ? "ok" : "bytes-differ");

	bench_line_start(&l, "case.yaml_load", "n=%zu", n);
	bench_line_ours(&l, t_load);
	bench_line_kv(&l, "cases_per_s", "%.0f", (double)n / t_load);
	bench_line_kv(&l, "mb", "%.1f", (double)flen / (1 << 20));
	bench_line_kv(&l, "export", "%.4f", t_export);
	bench_line_kv(&l, "mem_mb", "%.0f", bench_peak_rss_mb());
	bench_line_kv(&l, "cpu_ratio", "%.3f", c_peer > 0 ? c_load / c_peer : 0.0);
	bench_line_peer(&l, "libyaml_events", t_peer);
	bench_line_end(&l, ok ? "ok" : "bytes-differ");
	return ok ? 0 : 1;
}

int
main(int argc, char **argv)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_policy *policy = NULL;
	mediate_case_list *samples = NULL;
	mediate_error err;
	static tmpl t[4096];
	char *text = NULL;
	size_t len, nt;
	bench_opts bo;
	int rc;

	if (bench_parse_args(argc, argv, &bo) != 0)
		return 2;
	if (mediate_policy_load_file(&policy, BENCH_SRCDIR "/../examples/data/county.yaml", NULL, &err) != 0) {
		fprintf(stderr, "case_yaml: %s: %s\n", err.file, err.text);
		return 1;
	}
	o.max_document_bytes = (size_t)64 << 20;
	if (mediate_case_list_load_file(&samples, policy, BENCH_SRCDIR "/../examples/data/cases.yaml", &o, &err) != 0) {
		fprintf(stderr, "case_yaml: %s:%lu: %s\n", err.file, err.line, err.text);
		return 1;
	}
	/* The templates are cut from our own export of the samples. */
	if (mediate_case_list_to_yaml(&text, &len, samples, 0) != 0 ||
	    (nt = find_templates(text, t, sizeof t / sizeof t[0])) == 0) {
		fprintf(stderr, "case_yaml: no templates in the sample cases\n");
		return 1;
	}
	rc = run(policy, t, nt, 100000, bo.seed);
	if (rc == 0 && bo.full)
		rc = run(policy, t, nt, 200000, bo.seed + 1);
	mediate_free(text);
	mediate_case_list_free(samples);
	mediate_policy_free(policy);
	return rc;
}
