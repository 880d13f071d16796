/* SPDX-License-Identifier: MIT */
/*
 * bench match.assign_batch: the optimal batch assignment solver
 * (lib/assign.c) against LEMON's NetworkSimplex (bench/lemon_peer) and
 * scipy's linear_sum_assignment (bench/scipy_peer.py) on identical
 * instances, in the same run.
 *
 * Instances are dense (every case may go to every mediator), as in the
 * issue.  Scores are fixed-point integers like the match module's:
 *   uniform     s(i,j) uniform in [0, 1,000,000)
 *   correlated  s(i,j) = q(j) + e(i,j), q(j) uniform in [0, 1,000,000)
 *               (the mediator's standing: everyone prefers the same
 *               highly rated mediators), e(i,j) uniform in [0, 100,000)
 *               (the case's own fit).
 * Total capacity is at least the number of cases, so every case can be
 * placed and our lexicographic objective (most cases, then best total)
 * is the peers' "assign every case, maximise the total".
 *
 * The instance goes to a temporary file (format in scipy_peer.py) that
 * both peers read; each peer prints time= total= assigned=, and the
 * check compares totals and counts.  Ours is timed as the best of
 * --runs calls of mi_assign_solve (validation and pruning included);
 * mem_mb is this process's peak RSS (the instance matrix included) and
 * solver_mb the peak of the solver's own allocations.  *_cpu are the
 * matching best CPU times, for comparing on a busy machine (the ratio
 * stays on wall time, as DESIGN.md asks).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "internal.h"
#include "assign.h"

#ifndef BENCH_PEER_PYTHON
#define BENCH_PEER_PYTHON ""
#endif
#ifndef BENCH_SRCDIR
#define BENCH_SRCDIR "."
#endif
#ifndef BENCH_LEMON_PEER
#define BENCH_LEMON_PEER ""
#endif

/* A counting allocator: peak bytes the solver holds at once. */
static size_t cur_bytes, peak_bytes;

static void *
count_malloc(size_t size, void *user)
{
	size_t *p = malloc(size + 16);
	(void)user;
	if (p == NULL)
		return NULL;
	p[0] = size;
	cur_bytes += size;
	if (cur_bytes > peak_bytes)
		peak_bytes = cur_bytes;
	return (char *)p + 16;
}

static void
count_free(void *ptr, void *user)
{
	size_t *p;
	(void)user;
	if (ptr == NULL)
		return;
	p = (size_t *)((char *)ptr - 16);
	cur_bytes -= p[0];
	free(p);
}

static void *
count_realloc(void *ptr, size_t size, void *user)
{
	void *q;
	size_t old;
	if (ptr == NULL)
		return count_malloc(size, user);
	old = *(size_t *)((char *)ptr - 16);
	q = count_malloc(size, user);
	if (q == NULL)
		return NULL;
	memcpy(q, ptr, old < size ? old : size);
	count_free(ptr, user);
	return q;
}

typedef struct instance {
	size_t n, m;
	int64_t cap;
	const char *dist;
	int64_t *capacity;
	int64_t *score;
} instance;

static int
make_instance(instance *in, size_t n, size_t m, int64_t cap, const char *dist, uint64_t seed)
{
	size_t i, j;
	uint64_t st = seed ^ (n * 1000003u + m);
	in->n = n;
	in->m = m;
	in->cap = cap;
	in->dist = dist;
	in->capacity = malloc(m * sizeof *in->capacity);
	in->score = malloc(n * m * sizeof *in->score);
	if (in->capacity == NULL || in->score == NULL)
		return -1;
	for (j = 0; j < m; j++)
		in->capacity[j] = cap;
	if (strcmp(dist, "uniform") == 0) {
		for (i = 0; i < n * m; i++)
			in->score[i] = (int64_t)bench_rand_below(&st, 1000000);
	} else {
		int64_t *q = malloc(m * sizeof *q);
		if (q == NULL)
			return -1;
		for (j = 0; j < m; j++)
			q[j] = (int64_t)bench_rand_below(&st, 1000000);
		for (i = 0; i < n; i++)
			for (j = 0; j < m; j++)
				in->score[i * m + j] = q[j] + (int64_t)bench_rand_below(&st, 100000);
		free(q);
	}
	return 0;
}

static int
write_instance(const instance *in, const char *path)
{
	FILE *f = fopen(path, "wb");
	uint64_t hdr[2];
	int ok;
	if (f == NULL)
		return -1;
	hdr[0] = in->n;
	hdr[1] = in->m;
	ok = fwrite("MIAS0001", 1, 8, f) == 8 &&
	     fwrite(hdr, sizeof hdr[0], 2, f) == 2 &&
	     fwrite(in->capacity, sizeof(int64_t), in->m, f) == in->m &&
	     fwrite(in->score, sizeof(int64_t), in->n * in->m, f) == in->n * in->m;
	if (fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* Runs one peer; returns 1 and fills time/total/assigned when it answered. */
static int
run_peer(const char *cmd, double *t, double *cpu, int64_t *total, int64_t *assigned, char *why, size_t whysz)
{
	char out[4096];
	int st = bench_run_capture(cmd, out, sizeof out);
	if (bench_kv_double(out, "cpu", cpu) != 0)
		*cpu = -1.0;
	if (st != 0 || bench_kv_double(out, "time", t) != 0 ||
	    bench_kv_i64(out, "total", total) != 0 || bench_kv_i64(out, "assigned", assigned) != 0) {
		snprintf(why, whysz, "missing");
		if (st != 0 && st != -1)
			fprintf(stderr, "bench: peer failed (status %d): %s\n%s", st, cmd, out);
		return 0;
	}
	return 1;
}

static int
bench_one(const bench_opts *o, size_t n, size_t m, int64_t cap, const char *dist, int with_scipy)
{
	instance in;
	mi_assign_problem p;
	mi_assign_options opt;
	mi_assign_result *res = NULL;
	mediate_allocator counting = { MEDIATE_ALLOCATOR_VERSION, count_malloc, count_realloc, count_free, NULL };
	bench_line line;
	char path[512], cmd[1024], why[64], check[256];
	double best, bestcpu, t, cpu;
	int64_t ours_total, ours_assigned, total, assigned;
	int failed = 0, mismatch = 0, rc = 0;

	if (make_instance(&in, n, m, cap, dist, o->seed) != 0) {
		fprintf(stderr, "bench: out of memory building the instance\n");
		return 1;
	}
	memset(&p, 0, sizeof p);
	p.n_cases = n;
	p.n_mediators = m;
	p.capacity = in.capacity;
	p.dense_score = in.score;
	opt.prune = MI_ASSIGN_PRUNE_SAFE;
	opt.top_k = 0;
	opt.method = MI_ASSIGN_METHOD_AUTO;

	mediate_allocator_set(&counting);
	peak_bytes = 0;
	BENCH_BEST_OF_CPU(o->runs, best, bestcpu, {
		mi_assign_result_free(res);
		res = NULL;
		rc = mi_assign_solve(&res, &p, &opt);
		if (rc != 0)
			break;
	});
	bench_line_start(&line, "match.assign_batch", "n=%zux%zu cap=%lld dist=%s", n, m, (long long)cap, dist);
	if (rc != 0) {
		fprintf(stderr, "bench: mi_assign_solve failed: %s\n", mediate_error_last()->text);
		bench_line_kv(&line, "ours", "failed");
		bench_line_end(&line, "ours-failed");
		mediate_allocator_set(NULL);
		free(in.capacity);
		free(in.score);
		return 1;
	}
	ours_total = res->total_score;
	ours_assigned = (int64_t)res->n_assigned;
	bench_line_ours(&line, best);
	bench_line_kv(&line, "ours_cpu", "%.4f", bestcpu);
	bench_line_kv(&line, "mem_mb", "%.1f", bench_peak_rss_mb());
	bench_line_kv(&line, "solver_mb", "%.1f", (double)peak_bytes / (1024.0 * 1024.0));
	mi_assign_result_free(res);
	res = NULL;
	mediate_allocator_set(NULL);

	snprintf(path, sizeof path, "%s/mediate-bench-assign-%ld.bin", bench_tmpdir(), (long)getpid());
	if (write_instance(&in, path) != 0) {
		fprintf(stderr, "bench: cannot write %s: %s\n", path, strerror(errno));
		failed = 1;
	}
	free(in.score);
	in.score = NULL;

	check[0] = '\0';
	if (ours_assigned != (int64_t)n)
		snprintf(check, sizeof check, "ours-assigned-%lld-of-%zu", (long long)ours_assigned, n);

	/* LEMON */
	if (failed || BENCH_LEMON_PEER[0] == '\0' || access(BENCH_LEMON_PEER, X_OK) != 0) {
		bench_line_peer_missing(&line, "lemon", "missing");
	} else {
		snprintf(cmd, sizeof cmd, "'%s' '%s' %d", BENCH_LEMON_PEER, path, o->peer_runs);
		if (run_peer(cmd, &t, &cpu, &total, &assigned, why, sizeof why)) {
			bench_line_peer(&line, "lemon", t);
			if (cpu >= 0)
				bench_line_kv(&line, "lemon_cpu", "%.4f", cpu);
			if (total != ours_total || assigned != ours_assigned) {
				mismatch = 1;
				snprintf(check + strlen(check), sizeof check - strlen(check),
				         "%slemon-total-%lld-ours-%lld", check[0] ? "," : "",
				         (long long)total, (long long)ours_total);
			}
		} else {
			bench_line_peer_missing(&line, "lemon", why);
		}
	}
	/* scipy */
	if (!with_scipy) {
		bench_line_peer_missing(&line, "scipy", "skip-size");
	} else if (failed || BENCH_PEER_PYTHON[0] == '\0' || strcmp(BENCH_PEER_PYTHON, "no") == 0) {
		bench_line_peer_missing(&line, "scipy", "missing");
	} else {
		snprintf(cmd, sizeof cmd, "'%s' '%s/scipy_peer.py' '%s' %d 2>/dev/null",
		         BENCH_PEER_PYTHON, BENCH_SRCDIR, path, o->peer_runs);
		if (run_peer(cmd, &t, &cpu, &total, &assigned, why, sizeof why)) {
			bench_line_peer(&line, "scipy", t);
			if (cpu >= 0)
				bench_line_kv(&line, "scipy_cpu", "%.4f", cpu);
			if (total != ours_total || assigned != ours_assigned) {
				mismatch = 1;
				snprintf(check + strlen(check), sizeof check - strlen(check),
				         "%sscipy-total-%lld-ours-%lld", check[0] ? "," : "",
				         (long long)total, (long long)ours_total);
			}
		} else {
			bench_line_peer_missing(&line, "scipy", why);
		}
	}
	unlink(path);
	bench_line_end(&line, check[0] ? check : "ok");
	free(in.capacity);
	return mismatch || failed || ours_assigned != (int64_t)n;
}

int
main(int argc, char **argv)
{
	bench_opts o;
	int bad = 0;
	if (bench_parse_args(argc, argv, &o) != 0)
		return 2;
	bad |= bench_one(&o, 2000, 500, 4, "uniform", 1);
	bad |= bench_one(&o, 2000, 500, 6, "correlated", 1);
	bad |= bench_one(&o, 2000, 10000, 6, "correlated", 0);
	if (o.full) {
		bad |= bench_one(&o, 2000, 2000, 1, "uniform", 1);
		bad |= bench_one(&o, 10000, 2000, 6, "correlated", 0);
	}
	return bad;
}
