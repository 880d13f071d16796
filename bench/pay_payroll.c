/* SPDX-License-Identifier: MIT */
/*
 * bench pay.payroll: a month's payroll of M mediators and N case awards with
 * the sample county's pay tables (two versions in November 2026: the change
 * on the 16th prorates base and grade salaries and switches award rates),
 * against the same computation as SQLite SQL: awards joined to rate tables
 * loaded from the same compiled policy, team splits by largest remainder
 * with window functions, half-up rounding, rating bands, the monthly cap
 * and the unit budget cut, all in SQL integer arithmetic, GROUP BY
 * mediator.  check=ok when every mediator's net pay agrees to the fen.
 *
 * ours = mediate_payroll_new + set_rating for every mediator + add_award
 * for every award + mediate_payroll_compute (inputs prepared beforehand);
 * sqlite = the one query over tables already loaded (the INSERTs are not
 * timed), reading back one row per mediator.
 *
 *   bench/pay_payroll [--full] [--runs K] [--peer-runs K] [--seed S] [--m M] [--n N]
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "mediate.h"
#include "pay_priv.h"

typedef struct {
	uint32_t mediator;
	uint8_t role;
	uint32_t pcase;
} b_award;

typedef struct {
	int64_t at;
	uint8_t level, outcome, confirmed, team;
	int day;
} b_case;

static int
die(const char *what)
{
	fprintf(stderr, "pay_payroll: %s: %s\n", what, mediate_error_last()->text);
	return 1;
}

static int
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "pay_payroll: sqlite: %s\n", msg);
		sqlite3_free(msg);
		return 1;
	}
	return 0;
}

/* The peer's query: one row per mediator (id, net), in mediator order. */
static const char peer_sql[] =
	"WITH ca AS ("
	"  SELECT c.id, dv.v, r.amount + CASE WHEN c.confirmed THEN b.amount ELSE 0 END AS amt"
	"  FROM cases c JOIN day_version dv ON dv.day = c.day"
	"  JOIN rates r ON r.v = dv.v AND r.level = c.level AND r.outcome = c.outcome"
	"  JOIN bonus b ON b.v = dv.v AND b.level = c.level),"
	" tw AS ("
	"  SELECT a.case_id, a.mediator, ca.v, ca.amt, w.w,"
	"   SUM(w.w) OVER (PARTITION BY a.case_id) AS wsum,"
	"   ROW_NUMBER() OVER (PARTITION BY a.case_id ORDER BY a.role, a.mediator) AS pos"
	"  FROM awards a JOIN ca ON ca.id = a.case_id JOIN weights w ON w.v = ca.v AND w.role = a.role),"
	" fl AS (SELECT *, amt * w / wsum AS fl, amt * w % wsum AS rem FROM tw),"
	" lr AS (SELECT *, amt - SUM(fl) OVER (PARTITION BY case_id) AS lft,"
	"   ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY rem DESC, pos) AS rk FROM fl),"
	" aw AS (SELECT lr.mediator,"
	"   ((lr.fl + (lr.rk <= lr.lft)) * bd.factor + 500) / 1000 AS amount"
	"  FROM lr JOIN mediators m ON m.id = lr.mediator"
	"  JOIN bands bd ON bd.v = lr.v AND m.rating >= bd.lo AND m.rating < bd.hi),"
	" per AS (SELECT mediator, SUM(amount) AS awards FROM aw GROUP BY mediator),"
	" fixed AS ("
	"  SELECT m.id AS mediator,"
	"   SUM((bs.amount * s.days * 2 + mo.days) / (2 * mo.days)) +"
	"   SUM((gr.amount * s.days * 2 + mo.days) / (2 * mo.days)) AS salary"
	"  FROM mediators m JOIN segs s JOIN month mo"
	"  JOIN base bs ON bs.v = s.v AND bs.post = m.post"
	"  JOIN grade gr ON gr.v = s.v AND gr.level = m.level"
	"  GROUP BY m.id),"
	" capped AS ("
	"  SELECT m.id AS mediator, m.unit, m.staff, f.salary,"
	"   CASE WHEN cp.cap >= 0 AND COALESCE(p.awards, 0) > cp.cap THEN cp.cap ELSE COALESCE(p.awards, 0) END AS inc"
	"  FROM mediators m JOIN fixed f ON f.mediator = m.id JOIN cap cp"
	"  LEFT JOIN per p ON p.mediator = m.id),"
	" ut AS (SELECT c.unit, SUM(c.inc) AS s, bu.amount AS budget"
	"  FROM capped c JOIN budgets bu ON bu.unit = c.unit GROUP BY c.unit HAVING SUM(c.inc) > bu.amount),"
	" bf AS (SELECT c.mediator, c.staff, c.unit, ut.budget * c.inc / ut.s AS fl, ut.budget * c.inc % ut.s AS rem,"
	"   ut.budget AS budget"
	"  FROM capped c JOIN ut ON ut.unit = c.unit),"
	" br AS (SELECT *, budget - SUM(fl) OVER (PARTITION BY unit) AS lft,"
	"   ROW_NUMBER() OVER (PARTITION BY unit ORDER BY rem DESC, staff) AS rk FROM bf),"
	" cut AS (SELECT mediator, fl + (rk <= lft) AS inc FROM br)"
	" SELECT c.mediator, c.salary + COALESCE(cut.inc, c.inc)"
	" FROM capped c LEFT JOIN cut ON cut.mediator = c.mediator ORDER BY c.mediator";

int
main(int argc, char **argv)
{
	bench_opts o;
	const char *policy_path = BENCH_SRCDIR "/../examples/data/county.yaml";
	size_t m = 50000, n = 1000000, i, j, ncases = 0, nunits = 0, mismatches = 0;
	mediate_policy *p = NULL;
	mediate_roster *roster = NULL;
	mediate_error err;
	const struct mi_pay *pay;
	const mediate_unit *units[256];
	b_award *awards;
	b_case *cases;
	char **numbers, (*ids)[24];
	int32_t *ratings;
	int64_t *ours_net, *peer_net, start, end, ours_total = 0, peer_total = 0;
	uint64_t rng;
	double ours = -1, peer = -1, compute_only = -1, ours_cpu = -1;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	bench_line line;
	char check[64];
	mediate_payroll *run = NULL;

	{
		int k, mm = 1;
		char *kept[64];
		kept[0] = argv[0];
		for (k = 1; k < argc && mm < 63; k++) {
			if (strcmp(argv[k], "--m") == 0 && k + 1 < argc) {
				m = strtoul(argv[++k], NULL, 10);
				continue;
			}
			if (strcmp(argv[k], "--n") == 0 && k + 1 < argc) {
				n = strtoul(argv[++k], NULL, 10);
				continue;
			}
			kept[mm++] = argv[k];
		}
		kept[mm] = NULL;
		if (bench_parse_args(mm, kept, &o) != 0)
			return 2;
	}
	if (o.full) {
		m *= 2;
		n *= 2;
	}
	rng = o.seed;
	if (mediate_policy_load_file(&p, policy_path, NULL, &err) != 0) {
		char msg[1024];
		mediate_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "pay_payroll: %s\n", msg);
		return 1;
	}
	pay = p->pay;
	if (pay == NULL || mediate_policy_level_count(p) == 0) {
		fprintf(stderr, "pay_payroll: %s has no pay or grading section\n", policy_path);
		return 1;
	}
	for (i = 0; i < mediate_policy_unit_count(p) && nunits < 255; i++) {
		const mediate_unit *u = mediate_policy_unit_at(p, i);
		const char *code = mediate_unit_code(u);
		size_t len = strlen(code);
		/* the stations' studios and the county centre's studios */
		if ((len > 3 && strcmp(code + len - 3, "-TJ") == 0) || strcmp(code, "YZ-LP") == 0 || strcmp(code, "YZ-ZK") == 0)
			units[nunits++] = u;
	}
	if (nunits == 0)
		return 1;

	/* The roster: M mediators with ids in the same order as their numbers. */
	ids = malloc(m * sizeof *ids);
	ratings = malloc(m * sizeof *ratings);
	ours_net = calloc(m, sizeof *ours_net);
	peer_net = calloc(m, sizeof *peer_net);
	if (ids == NULL || ratings == NULL || ours_net == NULL || peer_net == NULL ||
	    mediate_roster_new(&roster, p) != 0)
		return 1;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
	             "CREATE TABLE mediators(id INTEGER PRIMARY KEY, staff TEXT, unit INT, post INT, level INT, rating INT);"
	             "CREATE TABLE cases(id INTEGER PRIMARY KEY, day INT, level INT, outcome INT, confirmed INT);"
	             "CREATE TABLE awards(case_id INT, mediator INT, role INT);"
	             "CREATE TABLE day_version(day INTEGER PRIMARY KEY, v INT);"
	             "CREATE TABLE segs(v INT, days INT);"
	             "CREATE TABLE month(days INT);"
	             "CREATE TABLE rates(v INT, level INT, outcome INT, amount INT, PRIMARY KEY(v, level, outcome));"
	             "CREATE TABLE bonus(v INT, level INT, amount INT, PRIMARY KEY(v, level));"
	             "CREATE TABLE weights(v INT, role INT, w INT, PRIMARY KEY(v, role));"
	             "CREATE TABLE bands(v INT, lo INT, hi INT, factor INT);"
	             "CREATE TABLE base(v INT, post INT, amount INT, PRIMARY KEY(v, post));"
	             "CREATE TABLE grade(v INT, level INT, amount INT, PRIMARY KEY(v, level));"
	             "CREATE TABLE cap(cap INT);"
	             "CREATE TABLE budgets(unit INTEGER PRIMARY KEY, amount INT);"
	             "BEGIN;") != 0)
		return 1;
	if (sqlite3_prepare_v2(db, "INSERT INTO mediators VALUES(?,?,?,?,?,?)", -1, &st, NULL) != SQLITE_OK)
		return 1;
	for (i = 0; i < m; i++) {
		char staff[24];
		const mediate_unit *u = units[bench_rand_below(&rng, nunits)];
		uint64_t r = bench_rand_below(&rng, 100);
		mediate_post_type post = r < 55 ? MEDIATE_POST_FULL_TIME : r < 80 ? MEDIATE_POST_PART_TIME
		                       : r < 92 ? MEDIATE_POST_RETIRED_VOLUNTEER : MEDIATE_POST_INVITED_EXPERT;
		unsigned int level = (unsigned int)(1 + bench_rand_below(&rng, 9));
		snprintf(ids[i], sizeof ids[i], "M%07zu", i);
		snprintf(staff, sizeof staff, "S%07zu", i);
		ratings[i] = (int32_t)(3000 + bench_rand_below(&rng, 2001));
		if (mediate_roster_add(NULL, roster, ids[i], staff, "调解员", mediate_unit_code(u), post, level) != 0)
			return die("roster");
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i);
		sqlite3_bind_text(st, 2, staff, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)mediate_unit_index(u));
		sqlite3_bind_int64(st, 4, post);
		sqlite3_bind_int64(st, 5, level);
		sqlite3_bind_int64(st, 6, ratings[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			return 1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);

	/* The month and the tables, from the compiled policy. */
	if (mediate_payroll_new(&run, p, roster, NULL, 2026, 11) != 0 || mediate_payroll_period(&start, &end, run) != 0)
		return die("payroll");
	mediate_payroll_free(run);
	run = NULL;
	{
		char sql[512];
		int days = (int)((end - start) / 86400), d;
		size_t prev = (size_t)-1, segdays = 0, t, k;
		snprintf(sql, sizeof sql, "INSERT INTO month VALUES(%d);", days);
		if (exec(db, sql) != 0)
			return 1;
		for (d = 0; d <= days; d++) {
			size_t v = d < days ? (size_t)(mi_pay_table_at(pay, start + (int64_t)d * 86400) - pay->tables) : (size_t)-2;
			if (d < days) {
				snprintf(sql, sizeof sql, "INSERT INTO day_version VALUES(%d, %zu);", d + 1, v);
				if (exec(db, sql) != 0)
					return 1;
			}
			if (v != prev && prev != (size_t)-1) {
				snprintf(sql, sizeof sql, "INSERT INTO segs VALUES(%zu, %zu);", prev, segdays);
				if (exec(db, sql) != 0)
					return 1;
				segdays = 0;
			}
			prev = v;
			segdays++;
		}
		for (t = 0; t < pay->table_count; t++) {
			const mi_pay_table *tb = &pay->tables[t];
			for (k = 0; k < pay->level_count; k++) {
				int64_t *row = &tb->incentive[k * MI_PAY_NCOL];
				snprintf(sql, sizeof sql,
				         "INSERT INTO rates VALUES(%zu,%zu,1,%lld),(%zu,%zu,2,%lld),(%zu,%zu,3,%lld),(%zu,%zu,4,0),(%zu,%zu,5,0);"
				         "INSERT INTO bonus VALUES(%zu,%zu,%lld);",
				         t, k, (long long)row[MI_PAY_COL_PERFORMED], t, k, (long long)row[MI_PAY_COL_REACHED], t, k,
				         (long long)row[MI_PAY_COL_FAILED_PROCESS], t, k, t, k, t, k, (long long)row[MI_PAY_COL_BONUS]);
				if (exec(db, sql) != 0)
					return 1;
			}
			for (k = 1; k < MI_PAY_ROLES; k++) {
				snprintf(sql, sizeof sql, "INSERT INTO weights VALUES(%zu,%zu,%lu);", t, k, (unsigned long)tb->role_weight[k]);
				if (exec(db, sql) != 0)
					return 1;
			}
			for (k = 0; k < tb->band_count; k++) {
				snprintf(sql, sizeof sql, "INSERT INTO bands VALUES(%zu,%d,%d,%d);", t, tb->bands[k].from,
				         k + 1 < tb->band_count ? tb->bands[k + 1].from : 1000000, tb->bands[k].factor);
				if (exec(db, sql) != 0)
					return 1;
			}
			for (k = 1; k < MI_PAY_POSTS; k++) {
				snprintf(sql, sizeof sql, "INSERT INTO base VALUES(%zu,%zu,%lld);", t, k, (long long)tb->base[k]);
				if (exec(db, sql) != 0)
					return 1;
			}
			for (k = 1; k < MI_PAY_LEVELS; k++) {
				snprintf(sql, sizeof sql, "INSERT INTO grade VALUES(%zu,%zu,%lld);", t, k, (long long)tb->grade[k]);
				if (exec(db, sql) != 0)
					return 1;
			}
		}
		{
			const mi_pay_table *last = mi_pay_table_at(pay, end - 1);
			snprintf(sql, sizeof sql, "INSERT INTO cap VALUES(%lld);", (long long)last->cap);
			if (exec(db, sql) != 0)
				return 1;
			for (k = 0; k < last->budget_count; k++) {
				snprintf(sql, sizeof sql, "INSERT INTO budgets VALUES(%zu,%lld);",
				         mediate_unit_index(last->budget_unit[k]), (long long)last->budget_amount[k]);
				if (exec(db, sql) != 0)
					return 1;
			}
		}
	}

	/* The awards: cases of 1 (70%), 2 (20%) or 3 (10%) mediators until N awards. */
	awards = malloc(n * sizeof *awards);
	cases = malloc(n * sizeof *cases);
	numbers = malloc(n * sizeof *numbers);
	if (awards == NULL || cases == NULL || numbers == NULL)
		return 1;
	{
		sqlite3_stmt *ic = NULL, *ia = NULL;
		size_t k = 0;
		int days = (int)((end - start) / 86400);
		if (sqlite3_prepare_v2(db, "INSERT INTO cases VALUES(?,?,?,?,?)", -1, &ic, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "INSERT INTO awards VALUES(?,?,?)", -1, &ia, NULL) != SQLITE_OK)
			return 1;
		while (k < n) {
			b_case *c = &cases[ncases];
			uint64_t r = bench_rand_below(&rng, 100), q;
			size_t team = r < 70 ? 1 : r < 90 ? 2 : 3, t;
			uint32_t first = 0;
			char num[64];
			if (team > n - k)
				team = n - k;
			c->team = (uint8_t)team;
			q = bench_rand_below(&rng, 100);
			c->level = q < 80 ? 0 : q < 95 ? 1 : 2;
			q = bench_rand_below(&rng, 100);
			c->outcome = q < 45 ? MEDIATE_PAY_PERFORMED : q < 85 ? MEDIATE_PAY_REACHED
			           : q < 93 ? MEDIATE_PAY_FAILED_PROCESS : q < 96 ? MEDIATE_PAY_FAILED : MEDIATE_PAY_WITHDRAWN;
			c->confirmed = c->outcome <= MEDIATE_PAY_REACHED && bench_rand_below(&rng, 10) == 0;
			c->day = (int)bench_rand_below(&rng, (uint64_t)days);
			c->at = start + (int64_t)c->day * 86400 + (int64_t)bench_rand_below(&rng, 86400);
			c->day++;
			snprintf(num, sizeof num, "YZ-TJ-2026-%07zu", ncases + 1);
			if ((numbers[ncases] = strdup(num)) == NULL)
				return 1;
			sqlite3_bind_int64(ic, 1, (sqlite3_int64)ncases);
			sqlite3_bind_int64(ic, 2, c->day);
			sqlite3_bind_int64(ic, 3, c->level);
			sqlite3_bind_int64(ic, 4, c->outcome);
			sqlite3_bind_int64(ic, 5, c->confirmed);
			if (sqlite3_step(ic) != SQLITE_DONE)
				return 1;
			sqlite3_reset(ic);
			for (t = 0; t < team; t++) {
				uint32_t med;
				size_t u;
				int dup;
				do {   /* distinct mediators within a case */
					med = (uint32_t)bench_rand_below(&rng, m);
					dup = 0;
					for (u = 0; u < t; u++)
						dup |= awards[first + u].mediator == med;
				} while (dup);
				if (t == 0)
					first = (uint32_t)k;
				awards[k].mediator = med;
				awards[k].pcase = (uint32_t)ncases;
				awards[k].role = (uint8_t)(t == 0 ? MEDIATE_MEDIATOR_LEAD
				                           : bench_rand_below(&rng, 2) ? MEDIATE_MEDIATOR_CO_MEDIATOR : MEDIATE_MEDIATOR_EXPERT);
				sqlite3_bind_int64(ia, 1, (sqlite3_int64)ncases);
				sqlite3_bind_int64(ia, 2, med);
				sqlite3_bind_int64(ia, 3, awards[k].role);
				if (sqlite3_step(ia) != SQLITE_DONE)
					return 1;
				sqlite3_reset(ia);
				k++;
			}
			ncases++;
		}
		sqlite3_finalize(ic);
		sqlite3_finalize(ia);
		if (exec(db, "COMMIT; CREATE INDEX awards_case ON awards(case_id); ANALYZE;") != 0)
			return 1;
	}

	/* Ours. */
	{
		int runs;
		for (runs = 0; runs < o.runs; runs++) {
			double t0 = bench_now(), c0 = bench_cpu_now(), t1, t2;
			if (run != NULL)
				mediate_payroll_free(run);
			if (mediate_payroll_new(&run, p, roster, NULL, 2026, 11) != 0)
				return die("payroll");
			for (i = 0; i < m; i++)
				if (mediate_payroll_set_rating(run, ids[i], ratings[i]) != 0)
					return die("rating");
			for (i = 0; i < n; i++) {
				const b_award *a = &awards[i];
				const b_case *c = &cases[a->pcase];
				if (mediate_payroll_add_award(run, ids[a->mediator], numbers[a->pcase],
				                              mediate_level_code(mediate_policy_level_at(p, c->level)),
				                              (mediate_pay_outcome)c->outcome, c->confirmed,
				                              (mediate_case_mediator_role)a->role, c->team, c->at) != 0)
					return die("award");
			}
			t1 = bench_now();
			if (mediate_payroll_compute(run) != 0)
				return die("compute");
			t2 = bench_now();
			if (ours < 0 || t2 - t0 < ours)
				ours = t2 - t0;
			if (ours_cpu < 0 || bench_cpu_now() - c0 < ours_cpu)
				ours_cpu = bench_cpu_now() - c0;
			if (compute_only < 0 || t2 - t1 < compute_only)
				compute_only = t2 - t1;
		}
	}
	for (i = 0; i < mediate_payroll_payslip_count(run); i++) {
		const mediate_payslip *s = mediate_payroll_payslip_at(run, i);
		size_t idx = strtoul(mediate_mediator_id(mediate_payslip_mediator(s)) + 1, NULL, 10);
		ours_net[idx] = mediate_payslip_total(s, MEDIATE_PAY_TOTAL_NET);
		ours_total += ours_net[idx];
	}

	/* The peer. */
	BENCH_BEST_OF(o.peer_runs, peer, {
		size_t rows = 0;
		if (sqlite3_prepare_v2(db, peer_sql, -1, &st, NULL) != SQLITE_OK) {
			fprintf(stderr, "pay_payroll: sqlite: %s\n", sqlite3_errmsg(db));
			return 1;
		}
		peer_total = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			size_t idx = (size_t)sqlite3_column_int64(st, 0);
			if (idx < m) {
				peer_net[idx] = sqlite3_column_int64(st, 1);
				peer_total += peer_net[idx];
			}
			rows++;
		}
		sqlite3_finalize(st);
		if (rows != m)
			mismatches += rows > m ? rows - m : m - rows;
	});
	for (i = 0; i < m; i++)
		if (ours_net[i] != peer_net[i]) {
			if (mismatches < 5)
				fprintf(stderr, "pay_payroll: mediator %s: ours %lld, sqlite %lld\n", ids[i],
				        (long long)ours_net[i], (long long)peer_net[i]);
			mismatches++;
		}
	if (ours_total != peer_total)
		mismatches++;

	bench_line_start(&line, "pay.payroll", "n=%zu", n);
	bench_line_kv(&line, "mediators", "%zu", m);
	bench_line_kv(&line, "cases", "%zu", ncases);
	bench_line_ours(&line, ours);
	bench_line_kv(&line, "ours_cpu", "%.4f", ours_cpu);
	bench_line_kv(&line, "compute", "%.3f", compute_only);
	bench_line_peer(&line, "sqlite", peer);
	snprintf(check, sizeof check, "mismatch-%zu", mismatches);
	bench_line_end(&line, mismatches == 0 ? "ok" : check);
	{
		char total[MEDIATE_MONEY_BUFSIZE], inc[MEDIATE_MONEY_BUFSIZE], capc[MEDIATE_MONEY_BUFSIZE],
		     bud[MEDIATE_MONEY_BUFSIZE];
		mediate_money_format(total, sizeof total, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_NET));
		mediate_money_format(inc, sizeof inc, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_INCENTIVE));
		mediate_money_format(capc, sizeof capc, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_CAP));
		mediate_money_format(bud, sizeof bud, mediate_payroll_total(run, MEDIATE_PAY_TOTAL_BUDGET));
		printf("# net=%s incentive=%s cap=%s budget=%s peak_rss_mb=%.0f\n", total, inc, capc, bud,
		       bench_peak_rss_mb());
	}

	mediate_payroll_free(run);
	sqlite3_close(db);
	for (j = 0; j < ncases; j++)
		free(numbers[j]);
	free(numbers);
	free(cases);
	free(awards);
	free(ids);
	free(ratings);
	free(ours_net);
	free(peer_net);
	mediate_roster_free(roster);
	mediate_policy_free(p);
	return mismatches == 0 ? 0 : 1;
}
