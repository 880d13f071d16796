/* SPDX-License-Identifier: MIT */
/*
 * bench route.tick: the due-event queue of the route engine against SQLite.
 *
 * 1,000,000 open orders get a random deadline in the next 30 days; the
 * clock then ticks every 5 minutes across the period and each tick takes
 * every deadline that fell due, earliest first (ties in order of
 * insertion).  Ours is the calendar timer queue the engine uses (mi_timerq);
 * the peer is SQLite in memory with an index on (due, seq): per tick
 * `SELECT id FROM due_q WHERE due <= ? ORDER BY due, seq` then `DELETE ...
 * WHERE due <= ?`.  Both streams of ids are folded into a hash, so check=ok
 * means the same events came out in the same order.
 *
 * bench route.engine: the whole engine through its public API: whistles
 * raised and dispatched by the routing rules (time per dispatch, audit
 * chain included), then ticks across 30 days handing back every warning,
 * breach and escalation (time per event).  No peer runs the engine's rules,
 * so this line is check=unverified by design; it is checked for order.
 *
 *   route_tick [--full] [--runs K] [--peer-runs K] [--seed S]
 *   --full: 3,000,000 timers and 300,000 engine orders
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "internal.h"
#include "route_priv.h"

#define DAYS 30
#define TICK 300                              /* seconds between ticks */
#define T0 INT64_C(1772323200)                /* 2026-03-01T08:00:00+08:00 */

static uint64_t
fold(uint64_t h, uint64_t id)
{
	h ^= id + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
	return h * 0x100000001B3ULL;
}

struct result {
	double insert, ticks;
	uint64_t hash, events;
};

static int
run_ours(const int64_t *due, size_t n, struct result *res)
{
	mi_timerq q;
	int64_t now;
	double t0;
	size_t i;
	uint64_t h = 0, events = 0;

	mi_timerq_init(&q);
	t0 = bench_now();
	if (mi_timerq_reserve(&q, n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		mi_timerq_set(&q, (uint32_t)i, due[i]);
	res->insert = bench_now() - t0;
	t0 = bench_now();
	for (now = T0; now <= T0 + (int64_t)DAYS * 86400 + TICK; now += TICK) {
		const mi_timer *tm;
		while ((tm = mi_timerq_peek(&q)) != NULL && tm->due <= now) {
			h = fold(h, tm->id);
			events++;
			mi_timerq_pop(&q);
		}
	}
	res->ticks = bench_now() - t0;
	res->hash = h;
	res->events = events;
	mi_timerq_free(&q);
	return 0;
}

static int
run_sqlite(const int64_t *due, size_t n, struct result *res)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL, *sel = NULL, *del = NULL;
	int64_t now;
	double t0;
	size_t i;
	uint64_t h = 0, events = 0;
	int ok = 0;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		goto out;
	if (sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	                     "CREATE TABLE due_q(id INTEGER NOT NULL, due INTEGER NOT NULL, seq INTEGER NOT NULL);"
	                     "CREATE INDEX due_q_due ON due_q(due, seq);", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_prepare_v2(db, "INSERT INTO due_q(id, due, seq) VALUES (?, ?, ?)", -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT id FROM due_q WHERE due <= ? ORDER BY due, seq", -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "DELETE FROM due_q WHERE due <= ?", -1, &del, NULL) != SQLITE_OK)
		goto out;
	t0 = bench_now();
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i);
		sqlite3_bind_int64(ins, 2, due[i]);
		sqlite3_bind_int64(ins, 3, (sqlite3_int64)i + 1);
		if (sqlite3_step(ins) != SQLITE_DONE)
			goto out;
		sqlite3_reset(ins);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	res->insert = bench_now() - t0;
	t0 = bench_now();
	for (now = T0; now <= T0 + (int64_t)DAYS * 86400 + TICK; now += TICK) {
		int rc;
		sqlite3_bind_int64(sel, 1, now);
		while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
			h = fold(h, (uint64_t)sqlite3_column_int64(sel, 0));
			events++;
		}
		sqlite3_reset(sel);
		if (rc != SQLITE_DONE)
			goto out;
		sqlite3_bind_int64(del, 1, now);
		if (sqlite3_step(del) != SQLITE_DONE)
			goto out;
		sqlite3_reset(del);
	}
	res->ticks = bench_now() - t0;
	res->hash = h;
	res->events = events;
	ok = 1;
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	sqlite3_finalize(del);
	sqlite3_close(db);
	return ok ? 0 : -1;
}

static void
bench_tick(size_t n, const bench_opts *o)
{
	int64_t *due = malloc(n * sizeof *due);
	uint64_t rng = o->seed;
	struct result ours = { -1, -1, 0, 0 }, best = { -1, -1, 0, 0 }, peer = { -1, -1, 0, 0 };
	bench_line l;
	size_t i;
	int r;

	if (due == NULL) {
		fprintf(stderr, "route_tick: out of memory\n");
		exit(1);
	}
	/* Deadlines to the second; many ties at this size, which the seq orders. */
	for (i = 0; i < n; i++)
		due[i] = T0 + (int64_t)bench_rand_below(&rng, (uint64_t)DAYS * 86400);
	for (r = 0; r < o->runs; r++) {
		if (run_ours(due, n, &ours) != 0) {
			fprintf(stderr, "route_tick: out of memory\n");
			exit(1);
		}
		if (best.ticks < 0 || ours.ticks < best.ticks)
			best.ticks = ours.ticks;
		if (best.insert < 0 || ours.insert < best.insert)
			best.insert = ours.insert;
		best.hash = ours.hash;
		best.events = ours.events;
	}
	bench_line_start(&l, "route.tick", "n=%zu days=%d tick=%ds", n, DAYS, TICK);
	bench_line_ours(&l, best.ticks);
	{
		struct result pr = { -1, -1, 0, 0 };
		int ok = 1;
		for (r = 0; r < o->peer_runs && ok; r++) {
			ok = run_sqlite(due, n, &pr) == 0;
			if (ok && (peer.ticks < 0 || pr.ticks < peer.ticks)) {
				peer = pr;
			}
		}
		if (!ok || peer.ticks < 0) {
			bench_line_peer_missing(&l, "sqlite", "missing");
		} else {
			bench_line_peer(&l, "sqlite", peer.ticks);
		}
	}
	bench_line_kv(&l, "events", "%llu", (unsigned long long)best.events);
	bench_line_kv(&l, "ns_per_event", "%.1f", best.ticks * 1e9 / (double)(best.events ? best.events : 1));
	if (peer.ticks > 0)
		bench_line_kv(&l, "sqlite_ns_per_event", "%.1f", peer.ticks * 1e9 / (double)(peer.events ? peer.events : 1));
	bench_line_kv(&l, "insert_ns", "%.1f", best.insert * 1e9 / (double)n);
	if (peer.insert > 0)
		bench_line_kv(&l, "sqlite_insert_ns", "%.1f", peer.insert * 1e9 / (double)n);
	bench_line_kv(&l, "mem_mb", "%.0f", bench_peak_rss_mb());
	bench_line_end(&l, peer.ticks > 0 && peer.hash == best.hash && peer.events == best.events && best.events == n
	                       ? "ok" : "MISMATCH");
	free(due);
}

/* ---- the whole engine ---- */

static const char engine_policy[] =
	"policy: {name: 丹景山镇吹哨报到基准, language: zh}\n"
	"taxonomy:\n"
	"  - {code: public, name: 公共事务}\n"
	"  - {code: public.road, parent: public, name: 道路设施}\n"
	"  - {code: public.drainage, parent: public, name: 排水防涝}\n"
	"  - {code: public.safety_hazard, parent: public, name: 安全隐患}\n"
	"org:\n"
	"  - {code: DJS, kind: town, name: 丹景山镇}\n"
	"  - {code: DJS-ZX, kind: centre, parent: DJS, name: 综治中心}\n"
	"  - {code: DJS-CJ, kind: department, parent: DJS, name: 村镇建设办公室}\n"
	"  - {code: DJS-AJ, kind: department, parent: DJS, name: 应急安全办公室}\n"
	"  - {code: DJS-PS, kind: police_station, parent: DJS, name: 丹景山派出所}\n"
	"  - {code: DJS-HC, kind: community, parent: DJS, name: 花村街社区}\n"
	"  - {code: DJS-GS, kind: village, parent: DJS, name: 关口村}\n"
	"calendars:\n"
	"  - code: cn-office\n"
	"    hours: {mon: [08:30-12:00, 13:30-17:30], tue: [08:30-12:00, 13:30-17:30], wed: [08:30-12:00, 13:30-17:30],\n"
	"            thu: [08:30-12:00, 13:30-17:30], fri: [08:30-12:00, 13:30-17:30]}\n"
	"    years:\n"
	"      - year: 2026\n"
	"        holidays: [2026-04-04..2026-04-06, 2026-05-01..2026-05-05]\n"
	"        workdays: [2026-05-09]\n"
	"sla:\n"
	"  escalation: [{step: reminder, after: 0m}, {step: supervision, after: 4h}, {step: report_up, after: 1d}]\n"
	"  targets:\n"
	"    - {category: public.safety_hazard, acknowledge: 15m, check_in: 1h, finish: 1d, warn_at: 50}\n"
	"    - {calendar: cn-office, acknowledge: 2h, check_in: 1d, finish: 5d}\n"
	"routing:\n"
	"  centre: DJS-ZX\n"
	"  rules:\n"
	"    - {category: public.safety_hazard, lead: DJS-AJ, assist: [DJS-PS]}\n"
	"    - {category: public, lead: DJS-CJ}\n";

static void
bench_engine(size_t n, const bench_opts *o)
{
	static const unsigned char key[32] = "bench route.engine audit key 01";
	static const char *const cats[] = { "public.road", "public.drainage", "public.safety_hazard" };
	mediate_policy *p = NULL;
	mediate_route *r = NULL;
	mediate_route_event *ev;
	uint64_t rng = o->seed ^ 0x5151;
	double t0, t_dispatch, t_ticks;
	size_t i, events = 0, order_bad = 0;
	int64_t now, last_due = INT64_MIN, *raised;
	bench_line l;
	const size_t cap = 4096;

	if (mediate_policy_load_buffer(&p, engine_policy, strlen(engine_policy), "bench", NULL, NULL) != 0 ||
	    mediate_route_new(&r, p, key, sizeof key) != 0) {
		fprintf(stderr, "route_tick: %s\n", mediate_error_last()->text);
		exit(1);
	}
	ev = malloc(cap * sizeof *ev);
	raised = malloc(n * sizeof *raised);
	if (ev == NULL || raised == NULL)
		exit(1);
	/* Whistles spread over the 30 days, in time order. */
	for (i = 0; i < n; i++)
		raised[i] = T0 + (int64_t)((double)i * (DAYS * 86400.0) / (double)n);
	/* Time moves in 5-minute steps: the whistles of the step are raised and
	 * dispatched, then the engine ticks. */
	t_dispatch = t_ticks = 0;
	i = 0;
	for (now = T0; now <= T0 + (int64_t)(DAYS + 10) * 86400; now += TICK) {
		size_t got, k;
		t0 = bench_now();
		for (; i < n && raised[i] <= now; i++) {
			mediate_whistle w = MEDIATE_WHISTLE_INIT;
			uint64_t no;
			w.unit = (i & 1) ? "DJS-HC" : "DJS-GS";
			w.raiser = "网格员";
			w.category = cats[bench_rand_below(&rng, 3)];
			w.time = raised[i];
			if (mediate_route_whistle(&no, r, &w) != 0 ||
			    mediate_route_dispatch_auto(r, no, raised[i], "派单员") != 0) {
				fprintf(stderr, "route_tick: %s\n", mediate_error_last()->text);
				exit(1);
			}
		}
		t_dispatch += bench_now() - t0;
		t0 = bench_now();
		do {
			if (mediate_route_tick(r, now, ev, cap, &got) != 0)
				exit(1);
			for (k = 0; k < got; k++) {
				order_bad += ev[k].due < last_due;
				last_due = ev[k].due;
			}
			events += got;
		} while (got == cap);
		t_ticks += bench_now() - t0;
	}
	bench_line_start(&l, "route.engine", "n=%zu", n);
	bench_line_ours(&l, t_dispatch + t_ticks);
	bench_line_kv(&l, "dispatch_ns", "%.1f", t_dispatch * 1e9 / (double)n);
	bench_line_kv(&l, "events", "%zu", events);
	bench_line_kv(&l, "event_ns", "%.1f", t_ticks * 1e9 / (double)(events ? events : 1));
	bench_line_kv(&l, "audit_entries", "%zu", mediate_route_audit_count(r));
	bench_line_kv(&l, "mem_mb", "%.0f", bench_peak_rss_mb());
	bench_line_peer_missing(&l, "peer", "none");
	bench_line_end(&l, order_bad == 0 ? "ok" : "ORDER");
	mediate_route_free(r);
	mediate_policy_free(p);
	free(ev);
	free(raised);
}

int
main(int argc, char **argv)
{
	bench_opts o;
	if (bench_parse_args(argc, argv, &o) != 0)
		return 2;
	bench_tick(1000000, &o);
	if (o.full)
		bench_tick(3000000, &o);
	bench_engine(o.full ? 300000 : 100000, &o);
	return 0;
}
