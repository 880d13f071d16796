/* SPDX-License-Identifier: MIT */
/*
 * bench grade.batch: grade N cases with the sample county's policy, against
 * the same rules as one SQLite UPDATE ... SET level = CASE ... END over a
 * table holding the same cases (the peer a portal team would write; the
 * statement is generated from the compiled rules, so both sides apply the
 * same policy).  check=ok when every case gets the same level.
 *
 *   bench/grade_batch [--full] [--runs K] [--seed S] [--policy FILE] [--n N]
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "grade_priv.h"
#include "mediate.h"

#define T0 1793669400LL   /* 2026-11-03T09:30:00+08:00 */

static const char *leaf_categories[] = {
	"neighbour.noise", "neighbour.noise", "neighbour.noise", "neighbour.boundary", "neighbour.water_leak",
	"family.marriage", "family.elder_support", "family.inheritance", "labour.wage_arrears",
	"labour.wage_arrears", "labour.work_injury", "labour.termination", "traffic.damage", "traffic.injury",
	"property_management.fees", "property_management.parking", "consumer.quality", "consumer.prepaid_card",
	"medical.malpractice", "medical.service", "land.contract", "land.homestead", "land.expropriation",
	"contract.private_loan", "contract.construction", "tort.assault"
};

static const char *tag_pool[] = { "深夜噪音", "装修", "外卖骑手", "农民工", "拆迁", "学区房", "宠物" };

static int
die(const char *what)
{
	fprintf(stderr, "grade_batch: %s: %s\n", what, mediate_error_last()->text);
	return 1;
}

int
main(int argc, char **argv)
{
	bench_opts o;
	const char *policy_path = BENCH_SRCDIR "/../examples/data/county.yaml";
	size_t n = 1000000, i, j, nunits = 0, mismatches = 0;
	mediate_policy *p = NULL;
	mediate_error err;
	mediate_case **cases;
	const mediate_level **levels;
	const mediate_unit *units[256];
	uint64_t rng;
	double ours, peer = -1;
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL, *sel = NULL;
	char *sql = NULL, number[64];
	bench_line line;
	size_t dist[8] = { 0 };

	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--policy") == 0 && i + 1 < (size_t)argc)
			policy_path = argv[++i];
		else if (strcmp(argv[i], "--n") == 0 && i + 1 < (size_t)argc)
			n = strtoul(argv[++i], NULL, 10);
	}
	/* bench_parse_args() ignores what it does not know; strip ours first. */
	{
		int k, m = 1;
		char *kept[64];
		kept[0] = argv[0];
		for (k = 1; k < argc && m < 63; k++) {
			if ((strcmp(argv[k], "--policy") == 0 || strcmp(argv[k], "--n") == 0) && k + 1 < argc) {
				k++;
				continue;
			}
			kept[m++] = argv[k];
		}
		kept[m] = NULL;
		if (bench_parse_args(m, kept, &o) != 0)
			return 2;
	}
	if (o.full)
		n *= 4;
	rng = o.seed;
	if (mediate_policy_load_file(&p, policy_path, NULL, &err) != 0) {
		char msg[1024];
		mediate_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "grade_batch: %s\n", msg);
		return 1;
	}
	if (mediate_policy_level_count(p) == 0) {
		fprintf(stderr, "grade_batch: %s has no grading section\n", policy_path);
		return 1;
	}
	for (i = 0; i < mediate_policy_unit_count(p) && nunits < 256; i++)
		if (mediate_unit_get_kind(mediate_policy_unit_at(p, i)) == MEDIATE_UNIT_POLICE_STATION)
			units[nunits++] = mediate_policy_unit_at(p, i);
	cases = calloc(n, sizeof *cases);
	levels = calloc(n, sizeof *levels);
	if (cases == NULL || levels == NULL || nunits == 0)
		return 1;

	/* The cases: realistic mixes of facts, mostly small disputes. */
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	                     "CREATE TABLE cases(category INT, unit INT, source INT, amount INT, people INT,"
	                     " risks INT, calls INT, party_flags INT, tags TEXT, level INT);"
	                     "BEGIN;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO cases VALUES(?,?,?,?,?,?,?,?,?,NULL)", -1, &ins, NULL) != SQLITE_OK) {
		fprintf(stderr, "grade_batch: sqlite: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	for (i = 0; i < n; i++) {
		const mediate_unit *u = units[bench_rand_below(&rng, nunits)];
		const char *cat = leaf_categories[bench_rand_below(&rng, sizeof leaf_categories / sizeof *leaf_categories)];
		mediate_case *c;
		int64_t amount;
		uint32_t people, calls;
		unsigned int risks = 0, pflags = 0;
		mediate_case_source src = (mediate_case_source)(1 + bench_rand_below(&rng, 8));
		char tags[128] = ",";
		uint64_t r = bench_rand_below(&rng, 1000);

		/* amount: most below 10,000 yuan, a long tail to 2 million */
		amount = r < 700 ? (int64_t)bench_rand_below(&rng, 1000000)
		       : r < 950 ? (int64_t)bench_rand_below(&rng, 30000000)
		                 : (int64_t)bench_rand_below(&rng, 200000000);
		people = (uint32_t)(2 + (bench_rand_below(&rng, 100) < 8 ? bench_rand_below(&rng, 60) : bench_rand_below(&rng, 3)));
		calls = (uint32_t)bench_rand_below(&rng, 5);
		if (bench_rand_below(&rng, 100) < 3)
			risks |= MEDIATE_RISK_MASS_INCIDENT;
		if (bench_rand_below(&rng, 100) < 4)
			risks |= MEDIATE_RISK_VIOLENCE_THREAT;
		if (bench_rand_below(&rng, 100) < 3)
			risks |= MEDIATE_RISK_REPEAT_PETITION;
		if (bench_rand_below(&rng, 100) < 2)
			risks |= MEDIATE_RISK_MEDIA_ATTENTION;
		if (bench_rand_below(&rng, 100) < 5)
			risks |= MEDIATE_RISK_VULNERABLE_PARTY;
		if (mediate_case_new(&c, p, mediate_unit_code(u), T0 + (int64_t)i * 30, MEDIATE_OFFSET_CST, "bench") != 0 ||
		    mediate_case_set_category(c, cat) != 0 || mediate_case_set_amount(c, amount) != 0 ||
		    mediate_case_set_people_involved(c, people) != 0 || mediate_case_set_prior_police_calls(c, calls) != 0 ||
		    mediate_case_set_risks(c, risks) != 0 ||
		    mediate_case_set_source(c, src, src == MEDIATE_SOURCE_POLICE_110 ? "110-20261103-0001" : NULL) != 0 ||
		    mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "王建华") != 0 ||
		    mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_PERSON, "陈秀英") != 0)
			return die("building cases");
		if (bench_rand_below(&rng, 100) < 6) {
			pflags = bench_rand_below(&rng, 2) ? MEDIATE_PARTY_ELDERLY : MEDIATE_PARTY_MINOR;
			if (mediate_case_party_set_flags(c, "p2", pflags) != 0)
				return die("party flags");
		}
		if (bench_rand_below(&rng, 100) < 10) {
			const char *t = tag_pool[bench_rand_below(&rng, sizeof tag_pool / sizeof *tag_pool)];
			if (mediate_case_add_tag(c, t) != 0)
				return die("tag");
			snprintf(tags, sizeof tags, ",%s,", t);
		}
		cases[i] = c;
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)mediate_category_index(mediate_case_category(c)));
		sqlite3_bind_int64(ins, 2, (sqlite3_int64)mediate_unit_index(u));
		sqlite3_bind_int64(ins, 3, src);
		sqlite3_bind_int64(ins, 4, amount);
		sqlite3_bind_int64(ins, 5, people);
		sqlite3_bind_int64(ins, 6, risks);
		sqlite3_bind_int64(ins, 7, calls);
		sqlite3_bind_int64(ins, 8, pflags);
		sqlite3_bind_text(ins, 9, tags, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return 1;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);

	/* Ours. */
	BENCH_BEST_OF(o.runs, ours, {
		if (mediate_grade_batch(p, (const mediate_case *const *)cases, n, levels, NULL, NULL) != 0)
			return die("grading");
	});

	/* The peer. */
	if (mi_grading_sql(p, "cases", &sql) != 0)
		return die("sql");
	BENCH_BEST_OF(o.peer_runs, peer, {
		char *msg = NULL;
		if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
			fprintf(stderr, "grade_batch: sqlite: %s\n", msg);
			return 1;
		}
	});
	if (sqlite3_prepare_v2(db, "SELECT level FROM cases ORDER BY rowid", -1, &sel, NULL) != SQLITE_OK)
		return 1;
	for (i = 0; sqlite3_step(sel) == SQLITE_ROW; i++) {
		size_t rank = mediate_level_rank(levels[i]);
		if ((size_t)sqlite3_column_int64(sel, 0) != rank)
			mismatches++;
		if (rank < 8)
			dist[rank]++;
	}
	if (i != n)
		mismatches += n > i ? n - i : i - n;
	sqlite3_finalize(sel);

	bench_line_start(&line, "grade.batch", "n=%zu", n);
	bench_line_ours(&line, ours);
	bench_line_kv(&line, "ns_per_case", "%.1f", ours * 1e9 / (double)n);
	bench_line_peer(&line, "sqlite", peer);
	snprintf(number, sizeof number, "mismatch-%zu", mismatches);
	bench_line_end(&line, mismatches == 0 ? "ok" : number);
	printf("# levels:");
	for (j = 0; j < mediate_policy_level_count(p); j++)
		printf(" %s=%zu", mediate_level_code(mediate_policy_level_at(p, j)), dist[j]);
	printf("\n");

	mi_free(sql);
	sqlite3_close(db);
	for (i = 0; i < n; i++)
		mediate_case_free(cases[i]);
	free(cases);
	free(levels);
	mediate_policy_free(p);
	return mismatches == 0 ? 0 : 1;
}
