/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the benchmark programs in bench/ (header only).
 *
 * Every program prints one line per measurement, in the DESIGN.md format:
 *
 *   bench NAME PARAMS... ours=SECONDS [KEY=VALUE...] PEER=SECONDS...
 *         ratio=OURS/BEST_PEER check=ok
 *
 * Build a line with bench_line_start(), bench_line_ours(), bench_line_kv(),
 * bench_line_peer() / bench_line_peer_missing(), then bench_line_end(),
 * which adds the ratio against the fastest peer that ran and the check
 * verdict.  A peer that could not run is printed as PEER=missing (or
 * PEER=skip-REASON) and never counts as agreement: with no peer at all the
 * verdict is check=unverified, whatever the caller passed.
 *
 * Times come from CLOCK_MONOTONIC; BENCH_BEST_OF() keeps the best of k
 * runs.  Peers that live in other processes (Python, C++) are run through
 * bench_run_capture() and report "key=value" words on stdout, which
 * bench_kv_double() / bench_kv_i64() read back.
 */
#ifndef MEDIATE_BENCH_H
#define MEDIATE_BENCH_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds used by this process (all threads); useful on a busy machine. */
static inline double
bench_cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Peak resident set size of this process so far, in MiB (children excluded). */
static inline double
bench_peak_rss_mb(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return -1.0;
	return (double)ru.ru_maxrss / 1024.0;   /* Linux: kilobytes */
}

/*
 * Runs STMT k times and stores the best wall time in BEST (a double).
 * STMT may `break` out of the loop on failure.
 */
#define BENCH_BEST_OF(k, best, stmt) do { \
	double bench_cpu_unused_; \
	BENCH_BEST_OF_CPU(k, best, bench_cpu_unused_, stmt); \
	(void)bench_cpu_unused_; \
} while (0)

/* The same, also keeping the best CPU time of the runs in BESTCPU. */
#define BENCH_BEST_OF_CPU(k, best, bestcpu, stmt) do { \
	int bench_i_; \
	(best) = -1.0; \
	(bestcpu) = -1.0; \
	for (bench_i_ = 0; bench_i_ < (k); bench_i_++) { \
		double bench_t0_ = bench_now(), bench_c0_ = bench_cpu_now(), bench_dt_, bench_dc_; \
		stmt; \
		bench_dt_ = bench_now() - bench_t0_; \
		bench_dc_ = bench_cpu_now() - bench_c0_; \
		if ((best) < 0 || bench_dt_ < (best)) \
			(best) = bench_dt_; \
		if ((bestcpu) < 0 || bench_dc_ < (bestcpu)) \
			(bestcpu) = bench_dc_; \
	} \
} while (0)

/* Command-line options every benchmark accepts. */
typedef struct bench_opts {
	int full;        /* --full: the large sizes too */
	int runs;        /* --runs K: best of K for our code (default 5) */
	int peer_runs;   /* --peer-runs K: best of K for each peer (default 1) */
	unsigned long long seed;  /* --seed S */
} bench_opts;

static inline int
bench_parse_args(int argc, char **argv, bench_opts *o)
{
	int i;
	o->full = 0;
	o->runs = 5;
	o->peer_runs = 1;
	o->seed = 20201108ULL;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--full") == 0) {
			o->full = 1;
		} else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
			o->runs = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--peer-runs") == 0 && i + 1 < argc) {
			o->peer_runs = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			o->seed = strtoull(argv[++i], NULL, 10);
		} else {
			fprintf(stderr, "usage: %s [--full] [--runs K] [--peer-runs K] [--seed S]\n", argv[0]);
			return -1;
		}
	}
	if (o->runs < 1)
		o->runs = 1;
	if (o->peer_runs < 1)
		o->peer_runs = 1;
	return 0;
}

/* A deterministic generator (splitmix64): same seed, same instance everywhere. */
static inline uint64_t
bench_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, bound). */
static inline uint64_t
bench_rand_below(uint64_t *state, uint64_t bound)
{
	return bench_rand(state) % bound;
}

/* One output line. */
typedef struct bench_line {
	char buf[2048];
	size_t len;
	double ours;
	double best_peer;   /* < 0: no peer ran */
	int peers_ran;
	int peers_missing;
} bench_line;

static inline void
bench_line_vadd(bench_line *l, const char *fmt, va_list ap)
{
	int w;
	if (l->len >= sizeof l->buf)
		return;
	w = vsnprintf(l->buf + l->len, sizeof l->buf - l->len, fmt, ap);
	if (w > 0)
		l->len += (size_t)w < sizeof l->buf - l->len ? (size_t)w : sizeof l->buf - l->len - 1;
}

static inline void
bench_line_add(bench_line *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bench_line_vadd(l, fmt, ap);
	va_end(ap);
}

/* "bench NAME" followed by the parameters (printf format, may be ""). */
static inline void
bench_line_start(bench_line *l, const char *name, const char *fmt, ...)
{
	va_list ap;
	l->len = 0;
	l->buf[0] = '\0';
	l->ours = -1.0;
	l->best_peer = -1.0;
	l->peers_ran = 0;
	l->peers_missing = 0;
	bench_line_add(l, "bench %s", name);
	if (fmt != NULL && fmt[0] != '\0') {
		bench_line_add(l, " ");
		va_start(ap, fmt);
		bench_line_vadd(l, fmt, ap);
		va_end(ap);
	}
}

static inline void
bench_line_ours(bench_line *l, double seconds)
{
	l->ours = seconds;
	bench_line_add(l, " ours=%.4f", seconds);
}

/* Any extra KEY=VALUE (printf format for the value). */
static inline void
bench_line_kv(bench_line *l, const char *key, const char *fmt, ...)
{
	va_list ap;
	bench_line_add(l, " %s=", key);
	va_start(ap, fmt);
	bench_line_vadd(l, fmt, ap);
	va_end(ap);
}

static inline void
bench_line_peer(bench_line *l, const char *peer, double seconds)
{
	bench_line_add(l, " %s=%.4f", peer, seconds);
	l->peers_ran++;
	if (l->best_peer < 0 || seconds < l->best_peer)
		l->best_peer = seconds;
}

/* why: "missing" (not installed / failed to run) or "skip-..." (size). */
static inline void
bench_line_peer_missing(bench_line *l, const char *peer, const char *why)
{
	bench_line_add(l, " %s=%s", peer, why != NULL ? why : "missing");
	l->peers_missing++;
}

/* Adds ratio= and check= and prints the line.  check is the caller's
 * verdict ("ok" when every peer that ran agreed); it is replaced by
 * "unverified" when no peer ran. */
static inline void
bench_line_end(bench_line *l, const char *check)
{
	if (l->best_peer > 0 && l->ours >= 0)
		bench_line_add(l, " ratio=%.3f", l->ours / l->best_peer);
	else
		bench_line_add(l, " ratio=none");
	if (l->peers_ran == 0)
		check = "unverified";
	bench_line_add(l, " check=%s", check);
	printf("%s\n", l->buf);
	fflush(stdout);
}

/*
 * Runs a shell command and captures up to outsz-1 bytes of its stdout.
 * Returns the exit status (0 = success), or -1 when it could not run.
 */
static inline int
bench_run_capture(const char *cmd, char *out, size_t outsz)
{
	FILE *f;
	size_t n = 0;
	int st;
	fflush(stdout);
	f = popen(cmd, "r");
	if (f == NULL)
		return -1;
	while (n + 1 < outsz) {
		size_t r = fread(out + n, 1, outsz - 1 - n, f);
		if (r == 0)
			break;
		n += r;
	}
	out[n] = '\0';
	/* drain the rest so the child does not block */
	{
		char sink[512];
		while (fread(sink, 1, sizeof sink, f) > 0)
			;
	}
	st = pclose(f);
	if (st == -1)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Reads KEY=VALUE from text (the first occurrence as a whole word). */
static inline const char *
bench_kv_find(const char *text, const char *key)
{
	size_t kl = strlen(key);
	const char *p = text;
	while ((p = strstr(p, key)) != NULL) {
		if ((p == text || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t') && p[kl] == '=')
			return p + kl + 1;
		p += kl;
	}
	return NULL;
}

static inline int
bench_kv_double(const char *text, const char *key, double *v)
{
	const char *p = bench_kv_find(text, key);
	char *end;
	if (p == NULL)
		return -1;
	*v = strtod(p, &end);
	return end == p ? -1 : 0;
}

static inline int
bench_kv_i64(const char *text, const char *key, int64_t *v)
{
	const char *p = bench_kv_find(text, key);
	char *end;
	if (p == NULL)
		return -1;
	*v = (int64_t)strtoll(p, &end, 10);
	return end == p ? -1 : 0;
}

/* A directory for instance files handed to peers: $TMPDIR or /tmp. */
static inline const char *
bench_tmpdir(void)
{
	const char *d = getenv("TMPDIR");
	return d != NULL && d[0] != '\0' ? d : "/tmp";
}

#endif /* MEDIATE_BENCH_H */
