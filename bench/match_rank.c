/* SPDX-License-Identifier: MIT */
/*
 * bench match.rank: the top 10 mediators for a case among 50,000, with full
 * scoring and the explanation (every component of every candidate), per
 * case; goal <= 20 us.
 *
 * The instance: the sample county's policy (examples/data/county.yaml), a
 * roster of 50,000 mediators built through the API (the 24 station studios,
 * communities and the county centre; 1-3 specialties of the real
 * categories with proficiency 1-5, levels 1-6, 8% think tank, capacities
 * 3-10 with loads, 3% on leave, languages, modes), a ratings store of
 * ~100,000 outcomes and ratings loaded from a generated mediate-ratings(5)
 * document (mediators of different quality), and 2,000 cases received at
 * the stations: real categories, 70% general / 20% difficult / 10% major,
 * some needing the Wu dialect, some video or door-to-door.
 *
 * Ours: mediate_match_rank(k = 10) for every case (best of --runs), per
 * case.  Peer: numpy.argpartition (bench/numpy_rank_peer.py) over the full
 * matrix of keys of the first 100 cases x 50,000 mediators, scores computed
 * by us (mi_match_score_row) with the tie order folded into the key, also
 * per case.  check=ok when both top-10 sets agree for those 100 cases.
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
#include "match_priv.h"

#define T0 INT64_C(1794794400)   /* 2026-11-16 10:00 +08:00 */
#define DAY INT64_C(86400)
#define K 10
#define PEER_CASES 100

typedef struct pool {
	const char **code;
	size_t n;
} pool;

static int
pool_add(pool *p, const char *code)
{
	const char **nc = realloc(p->code, (p->n + 1) * sizeof *nc);
	if (nc == NULL)
		return -1;
	p->code = nc;
	p->code[p->n++] = code;
	return 0;
}

static int
fail(const char *what)
{
	fprintf(stderr, "bench match.rank: %s: %s\n", what, mediate_error_last()->text);
	return 1;
}

/* Appends printf text to a growing buffer. */
typedef struct sbuf {
	char *s;
	size_t len, cap;
} sbuf;

static int
sb_add(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int w;
	if (b->cap - b->len < 512) {
		size_t nc = b->cap ? b->cap * 2 : 1 << 20;
		char *ns = realloc(b->s, nc);
		if (ns == NULL)
			return -1;
		b->s = ns;
		b->cap = nc;
	}
	va_start(ap, fmt);
	w = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (w < 0 || (size_t)w >= b->cap - b->len)
		return -1;
	b->len += (size_t)w;
	return 0;
}

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
	                                "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋",
	                                "唐", "许", "韩", "冯", "邓", "曹", "潘", "袁", "蒋", "蔡", "余", "杜" };
static const char *const given[] = { "建国", "秀英", "志明", "海燕", "国栋", "丽华", "永康", "晓东", "春梅",
	                             "德胜", "文斌", "雪芳", "振华", "玉兰", "明远", "桂英", "立新", "静怡" };

int
main(int argc, char **argv)
{
	bench_opts o;
	mediate_policy *p = NULL;
	mediate_roster *r = NULL;
	mediate_ratings *rt = NULL;
	mediate_matcher *mt = NULL;
	mediate_case **cases = NULL;
	mediate_error err;
	mediate_load_options lo = MEDIATE_LOAD_OPTIONS_INIT;
	pool studios = { NULL, 0 }, comms = { NULL, 0 }, centres = { NULL, 0 }, stations = { NULL, 0 },
	     leaves = { NULL, 0 };
	sbuf yb = { NULL, 0, 0 };
	size_t m = 50000, nc = 2000, i, j, ncat;
	uint64_t st;
	char path[512], cmd[1024], out[4096];
	double best, bestcpu, tbuild, tload, tmatcher, examined = 0, checksum = 0;
	int64_t ours_digest = 0, peer_digest = -1, seq = 0;
	bench_line line;
	int rc = 0, bad = 0;

	if (bench_parse_args(argc, argv, &o) != 0)
		return 2;
	if (o.full)
		nc = 10000;
	st = o.seed;
	snprintf(path, sizeof path, "%s/../examples/data/county.yaml", BENCH_SRCDIR);
	if (mediate_policy_load_file(&p, path, NULL, &err) != 0) {
		fprintf(stderr, "bench match.rank: %s:%lu: %s\n", path, err.line, err.text);
		return 1;
	}
	for (i = 0; i < mediate_policy_unit_count(p); i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i), *par = mediate_unit_parent(u);
		mediate_unit_kind k = mediate_unit_get_kind(u);
		if (k == MEDIATE_UNIT_CENTRE && par != NULL && mediate_unit_get_kind(par) == MEDIATE_UNIT_POLICE_STATION)
			bad |= pool_add(&studios, mediate_unit_code(u));
		else if (k == MEDIATE_UNIT_COMMUNITY || k == MEDIATE_UNIT_VILLAGE)
			bad |= pool_add(&comms, mediate_unit_code(u));
		else if (k == MEDIATE_UNIT_CENTRE || k == MEDIATE_UNIT_COURT || k == MEDIATE_UNIT_ASSOCIATION)
			bad |= pool_add(&centres, mediate_unit_code(u));
		else if (k == MEDIATE_UNIT_POLICE_STATION)
			bad |= pool_add(&stations, mediate_unit_code(u));
	}
	for (i = 0; i < mediate_policy_category_count(p); i++) {
		const char *code = mediate_category_code(mediate_policy_category_at(p, i));
		if (strncmp(code, "public", 6) != 0)
			bad |= pool_add(&leaves, code);
	}
	ncat = leaves.n;
	if (bad || studios.n == 0 || comms.n == 0 || centres.n == 0 || stations.n == 0 || ncat == 0) {
		fprintf(stderr, "bench match.rank: the sample county lacks units or categories\n");
		return 1;
	}

	/* The roster, and the ratings document of its record. */
	tbuild = bench_now();
	if (mediate_roster_new(&r, p) != 0)
		return fail("roster");
	bad |= sb_add(&yb, "format: mediate-ratings\nversion: 1\noutcomes:\n");
	{
		sbuf rb = { NULL, 0, 0 };
		for (i = 0; i < m && !bad; i++) {
			char id[32], staff[32], name[64];
			const char *unit;
			unsigned lv, cap, nspec, q, e, nout;
			uint64_t x = bench_rand_below(&st, 100);
			snprintf(id, sizeof id, "M%06zu", i);
			snprintf(staff, sizeof staff, "YZ-%06zu", i);
			snprintf(name, sizeof name, "%s%s", surnames[bench_rand_below(&st, 36)], given[bench_rand_below(&st, 18)]);
			unit = x < 70 ? studios.code[bench_rand_below(&st, studios.n)]
			       : x < 90 ? comms.code[bench_rand_below(&st, comms.n)]
			                : centres.code[bench_rand_below(&st, centres.n)];
			x = bench_rand_below(&st, 100);
			lv = x < 30 ? 1 : x < 55 ? 2 : x < 75 ? 3 : x < 88 ? 4 : x < 96 ? 5 : 6;
			if (mediate_roster_add(NULL, r, id, staff, name, unit,
			                       lv >= 5 ? MEDIATE_POST_INVITED_EXPERT : MEDIATE_POST_FULL_TIME, lv) != 0)
				return fail("roster add");
			nspec = 1 + (unsigned)bench_rand_below(&st, 3);
			for (q = 0; q < nspec; q++)
				mediate_roster_set_specialty(r, id, leaves.code[bench_rand_below(&st, ncat)],
				                             1 + (unsigned)bench_rand_below(&st, 5));
			if (bench_rand_below(&st, 100) < 8 || lv >= 5)
				mediate_roster_set_think_tank(r, id, 1);
			cap = 3 + (unsigned)bench_rand_below(&st, 8);
			mediate_roster_set_capacity(r, id, cap);
			mediate_roster_set_load(r, id, bench_rand_below(&st, 10) == 0 ? cap
			                               : (unsigned)bench_rand_below(&st, cap));
			mediate_roster_add_language(r, id, "zh");
			if (bench_rand_below(&st, 5) == 0)
				mediate_roster_add_language(r, id, "wuu");
			{
				unsigned modes = MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT);
				if (bench_rand_below(&st, 10) < 3)
					modes |= MEDIATE_MODE_BIT(MEDIATE_MODE_REMOTE_VIDEO);
				if (bench_rand_below(&st, 10) == 0) {
					modes |= MEDIATE_MODE_BIT(MEDIATE_MODE_MOBILE);
					mediate_roster_set_coordinates(r, id, 29700000 + (int32_t)bench_rand_below(&st, 250000),
					                               121400000 + (int32_t)bench_rand_below(&st, 350000));
				}
				mediate_roster_set_modes(r, id, modes);
			}
			if (bench_rand_below(&st, 100) < 3)
				mediate_roster_add_leave(r, id, T0 - 2 * DAY, T0 + 5 * DAY, "年假");
			/* record: a quality q in 40..98 % decides agreements and stars */
			q = 40 + (unsigned)bench_rand_below(&st, 59);
			nout = (unsigned)bench_rand_below(&st, 5);
			for (e = 0; e < nout && !bad; e++) {
				int agreed = bench_rand_below(&st, 100) < q;
				unsigned stars = agreed ? (bench_rand_below(&st, 100) < q ? 5 : 4)
				                        : 1 + (unsigned)bench_rand_below(&st, 4);
				seq++;
				bad |= sb_add(&yb, "- {case: YZ-TJ-2026-%06lld, result: %s, ended_at: 2026-10-%02u"
				                   "T16:00:00+08:00, mediators: [%s]}\n",
				              (long long)seq, agreed ? "agreement" : "failed", 1 + e * 5, id);
				if (bench_rand_below(&st, 10) < 6)
					bad |= sb_add(&rb, "- {case: YZ-TJ-2026-%06lld, party: p1, stars: %u, at: 2026-10-%02u"
					                   "T18:00:00+08:00, mediators: [%s]}\n",
					              (long long)seq, stars, 1 + e * 5, id);
			}
		}
		bad |= sb_add(&yb, "ratings:\n");
		if (!bad && rb.len > 0) {
			while (yb.cap - yb.len < rb.len + 1) {
				char *ns = realloc(yb.s, yb.cap * 2);
				if (ns == NULL) {
					bad = 1;
					break;
				}
				yb.s = ns;
				yb.cap *= 2;
			}
			if (!bad) {
				memcpy(yb.s + yb.len, rb.s, rb.len);
				yb.len += rb.len;
				yb.s[yb.len] = '\0';
			}
		}
		free(rb.s);
	}
	if (bad) {
		fprintf(stderr, "bench match.rank: out of memory\n");
		return 1;
	}
	tbuild = bench_now() - tbuild;
	tload = bench_now();
	lo.max_document_bytes = yb.len + 1;
	lo.max_nodes = 100000000;
	if (mediate_ratings_load_buffer(&rt, p, yb.s, yb.len, "bench-ratings.yaml", &lo, &err) != 0) {
		fprintf(stderr, "bench match.rank: ratings: %lu:%lu: %s: %s\n", err.line, err.column, err.path, err.text);
		return 1;
	}
	free(yb.s);
	tload = bench_now() - tload;
	tmatcher = bench_now();
	if (mediate_matcher_new(&mt, r, rt, T0) != 0)
		return fail("matcher");
	tmatcher = bench_now() - tmatcher;

	/* The cases. */
	if ((cases = calloc(nc, sizeof *cases)) == NULL)
		return 1;
	for (i = 0; i < nc; i++) {
		const char *unit = stations.code[bench_rand_below(&st, stations.n)];
		uint64_t x = bench_rand_below(&st, 100);
		if (mediate_case_new(&cases[i], p, unit, T0 - 3600, MEDIATE_OFFSET_CST, "police-0457") != 0 ||
		    mediate_case_set_category(cases[i], leaves.code[bench_rand_below(&st, ncat)]) != 0 ||
		    mediate_case_add_party(cases[i], "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON,
		                           surnames[bench_rand_below(&st, 36)]) != 0 ||
		    mediate_case_add_party(cases[i], "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "李建国") != 0 ||
		    mediate_case_override_level(cases[i], x < 70 ? "general" : x < 90 ? "difficult" : "major",
		                                T0 - 1800, "officer-12", unit, "预判定级") != 0)
			return fail("case");
		if (bench_rand_below(&st, 10) == 0)
			mediate_case_add_tag(cases[i], "lang:wuu");
		x = bench_rand_below(&st, 100);
		if (x < 10)
			mediate_case_set_mode(cases[i], MEDIATE_MODE_REMOTE_VIDEO);
		else if (x < 13) {
			mediate_case_set_mode(cases[i], MEDIATE_MODE_MOBILE);
			mediate_case_set_coordinates(cases[i], 29700000 + (int32_t)bench_rand_below(&st, 250000),
			                             121400000 + (int32_t)bench_rand_below(&st, 350000));
		}
	}

	/* Ours: rank every case, and read every component of every candidate. */
	BENCH_BEST_OF_CPU(o.runs, best, bestcpu, {
		examined = 0;
		checksum = 0;
		for (i = 0; i < nc; i++) {
			mediate_match_result *res = NULL;
			size_t a;
			if (mediate_match_rank(&res, mt, cases[i], K, 0) != 0) {
				rc = 1;
				break;
			}
			examined += (double)mediate_match_result_examined(res);
			for (a = 0; a < mediate_match_result_count(res); a++) {
				int c;
				checksum += (double)mediate_match_result_score(res, a);
				for (c = 1; c <= MEDIATE_MATCH_COMPONENT_COUNT; c++)
					checksum += mediate_match_result_component(res, a, (mediate_match_component)c);
			}
			mediate_match_result_free(res);
		}
	});
	if (rc != 0)
		return fail("rank");
	/* Our digest over the peer's cases (positions = staff order). */
	for (i = 0; i < PEER_CASES && i < nc; i++) {
		mediate_match_result *res = NULL;
		size_t a;
		int64_t s = 0;
		if (mediate_match_rank(&res, mt, cases[i], K, 0) != 0)
			return fail("rank");
		for (a = 0; a < mediate_match_result_count(res); a++) {
			const char *sn = mediate_mediator_staff_number(mediate_match_result_mediator(res, a));
			int64_t pos = strtoll(sn + 3, NULL, 10);
			s += (pos + 1) * (pos + 1);
		}
		ours_digest += (int64_t)(i + 1) * s;
		mediate_match_result_free(res);
	}

	bench_line_start(&line, "match.rank", "n=%zu cases=%zu k=%d", m, nc, K);
	line.ours = best / (double)nc;
	bench_line_add(&line, " ours=%.7f", line.ours);
	bench_line_kv(&line, "ours_cpu", "%.7f", bestcpu / (double)nc);
	bench_line_kv(&line, "examined", "%.0f", examined / (double)nc);
	bench_line_kv(&line, "build", "%.2f", tbuild);
	bench_line_kv(&line, "ratings_load", "%.2f", tload);
	bench_line_kv(&line, "matcher_new", "%.3f", tmatcher);

	/* The peer: the full key matrix of the first cases. */
	{
		size_t pc = nc < PEER_CASES ? nc : PEER_CASES;
		int64_t *row = malloc(m * sizeof *row);
		FILE *f;
		uint64_t hdr[3];
		double t;
		int ok = row != NULL;
		snprintf(path, sizeof path, "%s/mediate-bench-rank-%ld.bin", bench_tmpdir(), (long)getpid());
		f = ok ? fopen(path, "wb") : NULL;
		ok = f != NULL;
		hdr[0] = pc;
		hdr[1] = m;
		hdr[2] = K;
		if (ok)
			ok = fwrite("MIRK0001", 1, 8, f) == 8 && fwrite(hdr, sizeof hdr[0], 3, f) == 3;
		for (i = 0; ok && i < pc; i++) {
			if (mi_match_score_row(mt, cases[i], row) != 0)
				return fail("score row");
			for (j = 0; j < m; j++)
				if (row[j] >= 0)
					row[j] = row[j] * (int64_t)m + (int64_t)(m - 1 - j);
			ok = fwrite(row, sizeof *row, m, f) == m;
		}
		if (f != NULL && fclose(f) != 0)
			ok = 0;
		free(row);
		if (!ok || BENCH_PEER_PYTHON[0] == '\0' || strcmp(BENCH_PEER_PYTHON, "no") == 0) {
			if (!ok)
				fprintf(stderr, "bench match.rank: cannot write %s: %s\n", path, strerror(errno));
			bench_line_peer_missing(&line, "numpy", "missing");
		} else {
			snprintf(cmd, sizeof cmd, "'%s' '%s/numpy_rank_peer.py' '%s' %d 2>/dev/null", BENCH_PEER_PYTHON,
			         BENCH_SRCDIR, path, o.peer_runs);
			if (bench_run_capture(cmd, out, sizeof out) == 0 && bench_kv_double(out, "time", &t) == 0 &&
			    bench_kv_i64(out, "digest", &peer_digest) == 0) {
				t /= (double)pc;
				line.peers_ran++;
				line.best_peer = t;
				bench_line_add(&line, " numpy=%.7f", t);
			} else
				bench_line_peer_missing(&line, "numpy", "missing");
		}
		unlink(path);
	}
	if (line.peers_ran > 0 && peer_digest != ours_digest) {
		snprintf(out, sizeof out, "top10-differ-numpy-%lld-ours-%lld", (long long)peer_digest,
		         (long long)ours_digest);
		bench_line_end(&line, out);
		bad = 1;
	} else
		bench_line_end(&line, "ok");
	(void)checksum;

	for (i = 0; i < nc; i++)
		mediate_case_free(cases[i]);
	free(cases);
	mediate_matcher_free(mt);
	mediate_ratings_free(rt);
	mediate_roster_free(r);
	mediate_policy_free(p);
	free(studios.code);
	free(comms.code);
	free(centres.code);
	free(stations.code);
	free(leaves.code);
	return bad;
}
