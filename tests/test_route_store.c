/* SPDX-License-Identifier: MIT */
/*
 * The route store: a journal of engine calls in SQLite.  Reopening gives
 * the same state (orders, tasks, audit trail and head); a refused call
 * journals nothing; a failed write changes nothing; edited, removed or
 * reordered rows are refused; another policy or key is refused; events of
 * a tick are handed back once across reopenings; two connections on one
 * file see each other's calls; NULL arguments are refused.
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mediate/route_store.h"
#include "suites.h"
#include "testutil.h"

static mediate_policy *pol;
static const unsigned char key[32] = "Danjingshan store key 2026-03-09";
static char dir[64];
static char db[128];

#define OK(x) CU_ASSERT_EQUAL_FATAL((x), 0)

static int64_t
T(const char *text)
{
	int64_t t = 0;
	if (mediate_time_parse(&t, NULL, text) != 0) {
		fprintf(stderr, "bad time in test: %s\n", text);
		abort();
	}
	return t;
}

static void
remove_db(void)
{
	char p[160];
	unlink(db);
	snprintf(p, sizeof p, "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db);
	unlink(p);
}

static int
setup(void)
{
	mediate_error err;
	strcpy(dir, "/tmp/mediate-store-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(db, sizeof db, "%s/route.db", dir);
	if (mediate_policy_load_file(&pol, test_data("route/policy.yaml"), NULL, &err) != 0) {
		char buf[1024];
		mediate_error_format(buf, sizeof buf, &err);
		fprintf(stderr, "%s\n", buf);
		return 1;
	}
	return 0;
}

static int
teardown(void)
{
	remove_db();
	rmdir(dir);
	mediate_policy_free(pol);
	return 0;
}

static mediate_route_store *
fresh(void)
{
	mediate_route_store *s = NULL;
	remove_db();
	CU_ASSERT_EQUAL_FATAL(mediate_route_store_open(&s, pol, db, key, sizeof key), 0);
	return s;
}

static mediate_route_store *
reopen(mediate_route_store *s)
{
	mediate_route_store_close(s);
	s = NULL;
	CU_ASSERT_EQUAL_FATAL(mediate_route_store_open(&s, pol, db, key, sizeof key), 0);
	return s;
}

static uint64_t
whistle(mediate_route_store *s, const char *unit, const char *category, mediate_urgency u, const char *when)
{
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	uint64_t no = 0;
	w.unit = unit;
	w.raiser = "花村街社区网格员 李秀英";
	w.category = category;
	w.urgency = u;
	w.place = "丹景山镇花村街12号门前";
	w.description = "路面塌陷约1平方米，雨天积水，老人出行不便";
	w.time = T(when);
	CU_ASSERT_EQUAL_FATAL(mediate_route_store_whistle(&no, s, &w), 0);
	return no;
}

static void
head_of(mediate_route_store *s, unsigned char head[MEDIATE_AUDIT_HASH_BYTES])
{
	OK(mediate_route_audit_head(head, mediate_route_store_route(s)));
}

/* Runs SQL on the database behind the store's back. */
static void
sql(const char *text)
{
	sqlite3 *h = NULL;
	char *msg = NULL;
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(db, &h), SQLITE_OK);
	if (sqlite3_exec(h, text, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sql: %s: %s\n", text, msg);
		sqlite3_free(msg);
		CU_FAIL_FATAL("sql failed");
	}
	sqlite3_close(h);
}

static long
rows(void)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	long n = -1;
	if (sqlite3_open(db, &h) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, "SELECT count(*) FROM journal", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static mediate_task_info
task(mediate_route_store *s, uint64_t no, size_t i)
{
	mediate_task_info ti;
	memset(&ti, 0, sizeof ti);
	ti.version = MEDIATE_TASK_INFO_VERSION;
	CU_ASSERT_EQUAL_FATAL(mediate_route_task_info(&ti, mediate_route_store_route(s), no, i), 0);
	return ti;
}

static mediate_order_info
order(mediate_route_store *s, uint64_t no)
{
	mediate_order_info oi;
	memset(&oi, 0, sizeof oi);
	oi.version = MEDIATE_ORDER_INFO_VERSION;
	CU_ASSERT_EQUAL_FATAL(mediate_route_order_info(&oi, mediate_route_store_route(s), no), 0);
	return oi;
}

/* A whole story through every journaled call, then a reopen compares everything. */
static void
test_reopen_same_state(void)
{
	mediate_route_store *s = fresh();
	const char *assist[] = { "DJS-PS", "DJS-GD" };
	unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
	mediate_route_event ev[16];
	size_t n = 0, naudit, i, total;
	uint64_t a, b, c, jcount;

	a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	CU_ASSERT_EQUAL(a, 1);
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	OK(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "村建办 张国强"));
	OK(mediate_route_store_pause(s, a, "DJS-CJ", T("2026-03-09T10:00:00+08:00"), "村建办 张国强", "等待住户开门"));
	OK(mediate_route_store_resume(s, a, "DJS-CJ", T("2026-03-09T14:00:00+08:00"), "村建办 张国强"));
	OK(mediate_route_store_check_in(s, a, "DJS-CJ", T("2026-03-09T15:00:00+08:00"), "村建办 张国强"));
	OK(mediate_route_store_extension_request(s, a, "DJS-CJ", T("2026-03-09T15:10:00+08:00"), "村建办 张国强", 480,
	                                         "沥青需从市里调运"));
	OK(mediate_route_store_extension_decide(s, a, "DJS-CJ", T("2026-03-09T15:20:00+08:00"), "派单员 王倩", 1,
	                                        "同意"));
	OK(mediate_route_store_progress(s, a, "DJS-CJ", T("2026-03-10T10:00:00+08:00"), "村建办 张国强",
	                                "已围挡，明日摊铺"));
	OK(mediate_route_store_finish(s, a, "DJS-CJ", T("2026-03-11T16:00:00+08:00"), "村建办 张国强",
	                              "修补路面1.2平方米"));
	OK(mediate_route_store_rate(s, a, "DJS-CJ", T("2026-03-11T17:00:00+08:00"), "李秀英", MEDIATE_SATISFIED));
	OK(mediate_route_store_confirm(s, a, T("2026-03-11T17:01:00+08:00"), "李秀英"));

	b = whistle(s, "DJS-HC", "public.streetscape", MEDIATE_URGENCY_NORMAL, "2026-03-12T09:00:00+08:00");
	OK(mediate_route_store_dispatch_auto(s, b, T("2026-03-12T09:05:00+08:00"), "派单员 王倩"));
	OK(mediate_route_store_return(s, b, "DJS-ZF", T("2026-03-12T09:30:00+08:00"), "执法队 刘洋",
	                              MEDIATE_RETURN_NOT_OUR_DUTY, "属村建办职责"));
	OK(mediate_route_store_reroute(s, b, "DJS-ZF", T("2026-03-12T09:40:00+08:00"), "派单员 王倩", "DJS-AJ"));
	OK(mediate_route_store_return(s, b, "DJS-AJ", T("2026-03-12T10:00:00+08:00"), "应急办 陈静",
	                              MEDIATE_RETURN_NOT_OUR_DUTY, "非安全隐患"));
	OK(mediate_route_store_force(s, b, "DJS-AJ", T("2026-03-12T10:10:00+08:00"), "派单员 王倩", "最终裁定"));
	OK(mediate_route_store_supervise(s, b, T("2026-03-12T10:20:00+08:00"), "镇综治办 主任 赵敏", 1));
	OK(mediate_route_store_recategorize(s, b, T("2026-03-12T10:30:00+08:00"), "派单员 王倩", "public.road",
	                                    MEDIATE_URGENCY_URGENT));

	c = whistle(s, "DJS-GS", "public.safety_hazard", MEDIATE_URGENCY_CRITICAL, "2026-03-12T21:00:00+08:00");
	OK(mediate_route_store_dispatch(s, c, T("2026-03-12T21:05:00+08:00"), "夜班派单员 周丽", "DJS-AJ", assist, 2,
	                                MEDIATE_LEVEL_COUNTY));
	/* Nobody acknowledges: warnings, breaches and escalations fall due;
	 * drain them all. */
	total = 0;
	do {
		OK(mediate_route_store_tick(s, T("2026-03-13T06:00:00+08:00"), ev, 16, &n));
		total += n;
	} while (n == 16);
	CU_ASSERT(total > 16);
	CU_ASSERT_EQUAL(order(s, c).supervised, 1);
	OK(mediate_route_store_acknowledge(s, b, "DJS-AJ", T("2026-03-13T08:30:00+08:00"), "应急办 陈静"));

	head_of(s, h1);
	naudit = mediate_route_audit_count(mediate_route_store_route(s));
	jcount = mediate_route_store_journal_count(s);
	CU_ASSERT_EQUAL(rows(), (long)jcount);

	s = reopen(s);
	head_of(s, h2);
	CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
	CU_ASSERT_EQUAL(mediate_route_audit_count(mediate_route_store_route(s)), naudit);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), jcount);
	CU_ASSERT_EQUAL(mediate_route_order_count(mediate_route_store_route(s)), 3);
	CU_ASSERT_EQUAL(order(s, a).state, MEDIATE_ORDER_CLOSED);
	CU_ASSERT_EQUAL(order(s, b).supervised, 1);
	CU_ASSERT_STRING_EQUAL(order(s, b).category, "public.road");
	CU_ASSERT_EQUAL(order(s, c).level, MEDIATE_LEVEL_COUNTY);
	CU_ASSERT_EQUAL(order(s, c).task_count, 3);
	CU_ASSERT_STRING_EQUAL(task(s, c, 2).department, "DJS-GD");
	CU_ASSERT_EQUAL(task(s, a, 0).extended_minutes, 480);
	CU_ASSERT_EQUAL(task(s, a, 0).rating, MEDIATE_SATISFIED);
	CU_ASSERT_EQUAL(task(s, b, 2).forced, 1);
	CU_ASSERT_EQUAL(task(s, b, 2).state, MEDIATE_TASK_ACKNOWLEDGED);
	/* Every audit entry alike, field by field. */
	for (i = 0; i < naudit; i++) {
		const mediate_audit_entry *e = mediate_route_audit_at(mediate_route_store_route(s), i);
		CU_ASSERT_EQUAL(e->seq, i + 1);
	}
	/* The events handed back before the reopen are not handed back again. */
	OK(mediate_route_store_tick(s, T("2026-03-13T08:30:00+08:00"), ev, 16, &n));
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(order(s, c).supervised, 1);
	mediate_route_store_close(s);
}

/* Reopen mid-way and continue: the journal picks up where it was. */
static void
test_continue_after_reopen(void)
{
	mediate_route_store *s = fresh();
	uint64_t a, b;
	a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	s = reopen(s);
	OK(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "村建办 张国强"));
	s = reopen(s);
	b = whistle(s, "DJS-GS", "neighbour.noise", MEDIATE_URGENCY_NORMAL, "2026-03-09T10:00:00+08:00");
	CU_ASSERT_EQUAL(b, 2);
	OK(mediate_route_store_check_in(s, a, "DJS-CJ", T("2026-03-09T11:00:00+08:00"), "村建办 张国强"));
	OK(mediate_route_store_finish(s, a, "DJS-CJ", T("2026-03-09T16:00:00+08:00"), "村建办 张国强", "已修复"));
	OK(mediate_route_store_reopen(s, a, T("2026-03-10T09:00:00+08:00"), "李秀英", "雨后又塌陷"));
	s = reopen(s);
	CU_ASSERT_EQUAL(order(s, a).state, MEDIATE_ORDER_DISPATCHED);
	CU_ASSERT_EQUAL(order(s, a).reopened, 1);
	CU_ASSERT_EQUAL(task(s, a, 0).state, MEDIATE_TASK_ASSIGNED);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 7);
	mediate_route_store_close(s);
}

/*
 * A tick that hands back nothing journals nothing and leaves the clock
 * where it was: a portal polling every minute does not grow the journal.
 * A tick with events is journaled as before.
 */
static void
test_idle_tick_journals_nothing(void)
{
	mediate_route_store *s = fresh();
	unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
	mediate_route_event ev[8];
	size_t n = 99, total;
	int minute;
	uint64_t a;

	a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	head_of(s, h1);
	/* an hour of polling, a tick a minute: nothing is due yet */
	for (minute = 11; minute < 60; minute++) {
		char at[32];
		snprintf(at, sizeof at, "2026-03-09T09:%02d:00+08:00", minute);
		OK(mediate_route_store_tick(s, T(at), ev, 8, &n));
		CU_ASSERT_EQUAL(n, 0);
	}
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 2);
	CU_ASSERT_EQUAL(rows(), 2);
	head_of(s, h2);
	CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
	/* the clock did not move: a call timed before the last idle tick is taken */
	OK(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "村建办 张国强"));
	CU_ASSERT_EQUAL(rows(), 3);
	/* days later the check-in and finish clocks have run out: journaled */
	total = 0;
	do {
		OK(mediate_route_store_tick(s, T("2026-03-20T09:00:00+08:00"), ev, 8, &n));
		total += n;
	} while (n == 8);
	CU_ASSERT(total > 0);
	CU_ASSERT_EQUAL(rows(), 3 + (long)((total + 7) / 8));
	s = reopen(s);
	OK(mediate_route_store_tick(s, T("2026-03-20T09:00:00+08:00"), ev, 8, &n));
	CU_ASSERT_EQUAL(n, 0);   /* handed back once, before the reopen */
	CU_ASSERT_EQUAL(rows(), 3 + (long)((total + 7) / 8));
	mediate_route_store_close(s);
}

/* A refused call returns the engine's code and journals nothing. */
static void
test_refused_journals_nothing(void)
{
	mediate_route_store *s = fresh();
	unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	uint64_t a, no = 77;

	a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	head_of(s, h1);
	CU_ASSERT_EQUAL(mediate_route_store_confirm(s, a, T("2026-03-09T09:05:00+08:00"), "李秀英"), MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_error_last()->code, MEDIATE_ESTATE);
	CU_ASSERT_EQUAL(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:05:00+08:00"), "张国强"),
	                MEDIATE_ENOTFOUND);
	CU_ASSERT_EQUAL(mediate_route_store_dispatch_auto(s, 9, T("2026-03-09T09:05:00+08:00"), "王倩"),
	                MEDIATE_ENOTFOUND);
	/* Time going backwards. */
	CU_ASSERT_EQUAL(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T08:00:00+08:00"), "王倩"),
	                MEDIATE_EINVAL);
	w.unit = "DJS-CJ";   /* a department cannot whistle */
	w.raiser = "张国强";
	w.category = "public.road";
	w.time = T("2026-03-09T09:10:00+08:00");
	CU_ASSERT_EQUAL(mediate_route_store_whistle(&no, s, &w), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(no, 77);
	w.unit = "DJS-HC";
	w.description = "\xff\xfe";
	CU_ASSERT_EQUAL(mediate_route_store_whistle(&no, s, &w), MEDIATE_EUTF8);
	{
		const char *bad[] = { "DJS-PS", "" };
		const char *twice[] = { "DJS-PS", "DJS-PS" };
		CU_ASSERT_EQUAL(mediate_route_store_dispatch(s, a, T("2026-03-09T09:10:00+08:00"), "王倩", "DJS-CJ", bad,
		                                             2, MEDIATE_LEVEL_TOWN),
		                MEDIATE_ENOTFOUND);
		CU_ASSERT_EQUAL(mediate_route_store_dispatch(s, a, T("2026-03-09T09:10:00+08:00"), "王倩", "DJS-CJ",
		                                             twice, 2, MEDIATE_LEVEL_TOWN),
		                MEDIATE_EINVAL);
	}
	head_of(s, h2);
	CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 1);
	CU_ASSERT_EQUAL(rows(), 1);
	/* The store still works after the refusals. */
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "王倩"));
	CU_ASSERT_EQUAL(rows(), 2);
	mediate_route_store_close(s);
}

/* The database refuses the row: the call fails with ESTORE and changes nothing. */
static void
test_write_failure_changes_nothing(void)
{
	mediate_route_store *s = fresh();
	unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
	const mediate_route *lent;
	uint64_t a;

	a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	head_of(s, h1);
	lent = mediate_route_store_route(s);
	sql("CREATE TRIGGER full BEFORE INSERT ON journal WHEN NEW.call = 'acknowledge' "
	    "BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
	CU_ASSERT_EQUAL(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "张国强"),
	                MEDIATE_ESTORE);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "disk full"));
	CU_ASSERT_EQUAL(task(s, a, 0).state, MEDIATE_TASK_ASSIGNED);
	head_of(s, h2);
	CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 2);
	/* The engine was rebuilt from the database, in the one lent out: a
	 * pointer taken before stays valid (mediate_route_store_route(3)). */
	CU_ASSERT_PTR_EQUAL(mediate_route_store_route(s), lent);
	CU_ASSERT_EQUAL(mediate_route_order_count(lent), 1);
	sql("DROP TRIGGER full");
	OK(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "张国强"));
	CU_ASSERT_EQUAL(task(s, a, 0).state, MEDIATE_TASK_ACKNOWLEDGED);
	CU_ASSERT_EQUAL(rows(), 3);
	mediate_route_store_close(s);
}

/*
 * The disk fills up when the row is committed (not when it is inserted):
 * RLIMIT_FSIZE stops the write-ahead log from growing, so COMMIT fails.
 * The call fails with ESTORE, the engine is as before, nothing is
 * journaled, and the same call succeeds once there is room again.
 */
static void
test_commit_failure_changes_nothing(void)
{
	mediate_route_store *s = fresh();
	unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
	struct rlimit old, lim;
	struct stat sb;
	char wal[160];
	void (*oldsig)(int);
	uint64_t a;
	int rc;

	a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	head_of(s, h1);
	snprintf(wal, sizeof wal, "%s-wal", db);
	CU_ASSERT_EQUAL_FATAL(stat(wal, &sb), 0);
	fflush(NULL);
	CU_ASSERT_EQUAL_FATAL(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = (rlim_t)sb.st_size;
	oldsig = signal(SIGXFSZ, SIG_IGN);
	CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "张国强");
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, oldsig);
	CU_ASSERT_EQUAL(rc, MEDIATE_ESTORE);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "appending to the journal"));
	CU_ASSERT_EQUAL(task(s, a, 0).state, MEDIATE_TASK_ASSIGNED);
	head_of(s, h2);
	CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 2);
	CU_ASSERT_EQUAL(rows(), 2);
	OK(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "张国强"));
	CU_ASSERT_EQUAL(task(s, a, 0).state, MEDIATE_TASK_ACKNOWLEDGED);
	s = reopen(s);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 3);
	CU_ASSERT_EQUAL(task(s, a, 0).state, MEDIATE_TASK_ACKNOWLEDGED);
	mediate_route_store_close(s);
}

static void
build_three_rows(void)
{
	mediate_route_store *s = fresh();
	uint64_t a = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	OK(mediate_route_store_dispatch_auto(s, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	OK(mediate_route_store_acknowledge(s, a, "DJS-CJ", T("2026-03-09T09:30:00+08:00"), "村建办 张国强"));
	OK(mediate_route_store_progress(s, a, "DJS-CJ", T("2026-03-09T10:30:00+08:00"), "村建办 张国强", "已联系施工队"));
	mediate_route_store_close(s);
}

static void
expect_refused(int code, const char *fragment)
{
	mediate_route_store *s = (mediate_route_store *)1;
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, db, key, sizeof key), code);
	CU_ASSERT_PTR_EQUAL(s, (mediate_route_store *)1);
	if (fragment != NULL && strstr(mediate_error_last()->text, fragment) == NULL) {
		fprintf(stderr, "expected \"%s\" in: %s\n", fragment, mediate_error_last()->text);
		CU_FAIL("message");
	}
}

static void
test_tamper_detected(void)
{
	build_three_rows();
	sql("UPDATE journal SET s1 = '已联系施工队，明日到场' WHERE seq = 4");
	expect_refused(MEDIATE_ETAMPER, "row 4 (progress) fails its keyed hash");

	build_three_rows();
	sql("UPDATE journal SET at = at - 60 WHERE seq = 3");
	expect_refused(MEDIATE_ETAMPER, "row 3");

	build_three_rows();
	sql("DELETE FROM journal WHERE seq = 2");
	expect_refused(MEDIATE_ETAMPER, "rows were removed");

	build_three_rows();
	sql("UPDATE journal SET seq = seq + 10 WHERE seq = 4; UPDATE journal SET seq = 4 WHERE seq = 3;"
	    "UPDATE journal SET seq = 3 WHERE seq = 14");
	expect_refused(MEDIATE_ETAMPER, "fails its keyed hash");

	build_three_rows();
	sql("UPDATE journal SET head = zeroblob(32) WHERE seq = 1");
	expect_refused(MEDIATE_ETAMPER, "row 1");

	build_three_rows();
	sql("UPDATE journal SET call = 'finish' WHERE seq = 4");
	expect_refused(MEDIATE_ETAMPER, "row 4");

	build_three_rows();
	sql("UPDATE journal SET mac = x'00' WHERE seq = 2");
	expect_refused(MEDIATE_ETAMPER, "row 2 has no valid hash");

	/* Edits the keyed hash alone would not see (it reads a text up to its
	 * first NUL, a number as an integer): each is refused. */
	build_three_rows();
	sql("UPDATE journal SET s1 = s1 || char(0) || '（另付现金五千元）' WHERE seq = 4");
	expect_refused(MEDIATE_ETAMPER, "row 4: the column s1");
	build_three_rows();
	sql("UPDATE journal SET call = call || char(0) || 'finish' WHERE seq = 4");
	expect_refused(MEDIATE_ETAMPER, "row 4: the column call");
	build_three_rows();
	sql("UPDATE journal SET at = at + 0.5 WHERE seq = 3");
	expect_refused(MEDIATE_ETAMPER, "row 3: the column at");
	build_three_rows();
	sql("UPDATE journal SET actor = CAST(actor AS BLOB) WHERE seq = 2");
	expect_refused(MEDIATE_ETAMPER, "row 2: the column actor");

	/* Cutting the tail leaves a valid shorter journal, with an older head. */
	build_three_rows();
	sql("DELETE FROM journal WHERE seq = 4");
	{
		mediate_route_store *s = NULL;
		OK(mediate_route_store_open(&s, pol, db, key, sizeof key));
		CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 3);
		mediate_route_store_close(s);
	}
}

/*
 * The schema edited with the sqlite3 shell: a trigger that drops each row as
 * it is appended (every call would "succeed" and nothing would be kept), an
 * extra table, index or view, an altered table, a row numbered 0 that the
 * replay would never read: each is refused on open.
 */
static void
test_schema_altered(void)
{
	static const char *const edits[] = {
		"CREATE TRIGGER lose AFTER INSERT ON journal BEGIN DELETE FROM journal WHERE seq = NEW.seq; END",
		"CREATE TABLE notes (text TEXT)",
		"CREATE INDEX by_call ON journal (call)",
		"CREATE VIEW orders AS SELECT ord FROM journal",
		"ALTER TABLE journal ADD COLUMN extra TEXT",
		"INSERT INTO journal SELECT 0, call, at, ord, dept, actor, s1, s2, s3, s4, s5, n1, n2, head, mac "
		"FROM journal WHERE seq = 1",
		"INSERT INTO journal SELECT -5, call, at, ord, dept, actor, s1, s2, s3, s4, s5, n1, n2, head, mac "
		"FROM journal WHERE seq = 4",
	};
	static const char *const said[] = {
		"trigger \"lose\"", "table \"notes\"", "index \"by_call\"", "view \"orders\"", "table \"journal\"",
		"row numbered 0", "row numbered -5",
	};
	size_t i;
	for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		build_three_rows();
		sql(edits[i]);
		expect_refused(MEDIATE_ETAMPER, said[i]);
	}
	/* A table dropped. */
	build_three_rows();
	sql("DROP TABLE meta");
	expect_refused(MEDIATE_ETAMPER, "schema was altered");
	/* The untouched store still opens. */
	build_three_rows();
	{
		mediate_route_store *s = NULL;
		OK(mediate_route_store_open(&s, pol, db, key, sizeof key));
		CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 4);
		mediate_route_store_close(s);
	}
}

static void
test_other_policy_or_key(void)
{
	static const unsigned char other[32] = "another key, not the store's one";
	mediate_policy *county = NULL, *v2 = NULL;
	mediate_route_store *s = NULL;
	mediate_error err;
	char *text;
	size_t len = 0;

	build_three_rows();
	OK(mediate_policy_load_file(&county, example_data("county.yaml"), NULL, &err));
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, county, db, key, sizeof key), MEDIATE_EREFUSED);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "鄞州区矛盾纠纷调解政策"));
	CU_ASSERT_PTR_NULL(s);
	mediate_policy_free(county);

	text = test_read_file(test_data("route/policy.yaml"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	memcpy(strstr(text, "\"test-1\""), "\"test-2\"", 8);
	OK(mediate_policy_load_buffer(&v2, text, len, "policy-v2.yaml", NULL, &err));
	free(text);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, v2, db, key, sizeof key), MEDIATE_EREFUSED);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "test-1"));
	mediate_policy_free(v2);

	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, db, other, sizeof other), MEDIATE_EREFUSED);
	CU_ASSERT_PTR_NOT_NULL(strstr(mediate_error_last()->text, "audit key"));
	CU_ASSERT_PTR_NULL(s);
}

static void
test_not_a_store(void)
{
	mediate_route_store *s = NULL;
	FILE *f;
	remove_db();
	sql("CREATE TABLE cases (id TEXT PRIMARY KEY, title TEXT)");
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, db, key, sizeof key), MEDIATE_ESTORE);
	CU_ASSERT_PTR_NULL(s);
	remove_db();
	f = fopen(db, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("调解协议书：这不是数据库文件，而是一段足够长的文字，用来冒充一个数据库文件。\n", f);
	fputs("甲方 张伟 乙方 王芳 双方就相邻通行问题达成如下协议。\n", f);
	fclose(f);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, db, key, sizeof key), MEDIATE_ESTORE);
	CU_ASSERT_PTR_NULL(s);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, "/nonexistent-dir/x/route.db", key, sizeof key),
	                MEDIATE_ESTORE);
	remove_db();
	/* A newer schema is refused. */
	build_three_rows();
	sql("PRAGMA user_version = 2");
	expect_refused(MEDIATE_ESTORE, "newer");
	remove_db();
}

/* Two connections on one file: each call first replays the other's rows. */
static void
test_two_connections(void)
{
	mediate_route_store *s1 = fresh(), *s2 = NULL;
	unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
	uint64_t a, b;

	OK(mediate_route_store_open(&s2, pol, db, key, sizeof key));
	a = whistle(s1, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_route_order_count(mediate_route_store_route(s2)), 0);
	OK(mediate_route_store_dispatch_auto(s2, a, T("2026-03-09T09:10:00+08:00"), "派单员 王倩"));
	b = whistle(s1, "DJS-GS", "neighbour.noise", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:20:00+08:00");
	CU_ASSERT_EQUAL(b, 2);
	CU_ASSERT_EQUAL(order(s1, a).state, MEDIATE_ORDER_DISPATCHED);
	OK(mediate_route_store_refresh(s2));
	CU_ASSERT_EQUAL(mediate_route_order_count(mediate_route_store_route(s2)), 2);
	head_of(s1, h1);
	head_of(s2, h2);
	CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s1), 3);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s2), 3);
	mediate_route_store_close(s2);
	mediate_route_store_close(s1);
}

static void
test_memory_database(void)
{
	mediate_route_store *s = NULL;
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	uint64_t no = 0;
	OK(mediate_route_store_open(&s, pol, ":memory:", key, sizeof key));
	w.unit = "DJS-HC";
	w.raiser = "社区主任 黄丽";
	w.category = "neighbour.noise";
	w.time = T("2026-03-09T22:00:00+08:00");
	OK(mediate_route_store_whistle(&no, s, &w));
	CU_ASSERT_EQUAL(no, 1);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 1);
	mediate_route_store_close(s);
}

static void
test_null_arguments(void)
{
	mediate_route_store *s = NULL;
	mediate_whistle w = MEDIATE_WHISTLE_INIT;
	mediate_route_event ev[2];
	const char *one[] = { NULL };
	uint64_t no = 0;
	size_t n = 0;
	int64_t t = T("2026-03-09T09:00:00+08:00");

	CU_ASSERT_EQUAL(mediate_route_store_open(NULL, pol, db, key, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, NULL, db, key, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, NULL, key, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, db, NULL, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, db, key, 8), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_open(&s, pol, "", key, sizeof key), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(s);
	mediate_route_store_close(NULL);
	CU_ASSERT_PTR_NULL(mediate_route_store_route(NULL));
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(NULL), 0);
	CU_ASSERT_EQUAL(mediate_route_store_refresh(NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_whistle(&no, NULL, &w), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_dispatch_auto(NULL, 1, t, "a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_dispatch(NULL, 1, t, "a", "DJS-CJ", NULL, 0, MEDIATE_LEVEL_TOWN),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_acknowledge(NULL, 1, "DJS-CJ", t, "a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_check_in(NULL, 1, "DJS-CJ", t, "a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_progress(NULL, 1, "DJS-CJ", t, "a", "n"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_finish(NULL, 1, "DJS-CJ", t, "a", "r"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_return(NULL, 1, "DJS-CJ", t, "a", MEDIATE_RETURN_DUPLICATE, "n"),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_reroute(NULL, 1, "DJS-CJ", t, "a", "DJS-AJ"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_force(NULL, 1, "DJS-CJ", t, "a", "n"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_extension_request(NULL, 1, "DJS-CJ", t, "a", 60, "r"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_extension_decide(NULL, 1, "DJS-CJ", t, "a", 1, "n"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_pause(NULL, 1, "DJS-CJ", t, "a", "r"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_resume(NULL, 1, "DJS-CJ", t, "a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_rate(NULL, 1, "DJS-CJ", t, "a", MEDIATE_SATISFIED), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_confirm(NULL, 1, t, "a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_reopen(NULL, 1, t, "a", "r"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_supervise(NULL, 1, t, "a", 1), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_recategorize(NULL, 1, t, "a", "public.road", MEDIATE_URGENCY_NORMAL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_tick(NULL, t, ev, 2, &n), MEDIATE_EINVAL);

	/* NULL inside a valid store: refused by the store or the engine, nothing journaled. */
	s = fresh();
	CU_ASSERT_EQUAL(mediate_route_store_whistle(NULL, s, &w), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_whistle(&no, s, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_whistle(&no, s, &w), MEDIATE_EINVAL);   /* NULL unit */
	no = whistle(s, "DJS-HC-G01", "public.road", MEDIATE_URGENCY_NORMAL, "2026-03-09T09:00:00+08:00");
	CU_ASSERT_EQUAL(mediate_route_store_dispatch_auto(s, no, t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_dispatch(s, no, t, "a", NULL, NULL, 0, MEDIATE_LEVEL_TOWN), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_dispatch(s, no, t, "a", "DJS-CJ", NULL, 1, MEDIATE_LEVEL_TOWN),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_dispatch(s, no, t, "a", "DJS-CJ", one, 1, MEDIATE_LEVEL_TOWN),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_tick(s, t, NULL, 2, &n), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_tick(s, t, ev, 2, NULL), MEDIATE_EINVAL);
	OK(mediate_route_store_dispatch_auto(s, no, t, "王倩"));
	CU_ASSERT_EQUAL(mediate_route_store_acknowledge(s, no, NULL, t, "a"), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_acknowledge(s, no, "DJS-CJ", t, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_recategorize(s, no, t, "a", NULL, MEDIATE_URGENCY_NORMAL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 2);
	CU_ASSERT_EQUAL(rows(), 2);
	mediate_route_store_close(s);
}

/* ---- allocation failure ---- */

struct failing {
	long left;               /* allocations that still succeed; < 0: all */
	size_t live;             /* allocated and not freed */
};

static void *
fail_malloc(size_t size, void *user)
{
	struct failing *f = user;
	void *p;
	if (f->left == 0)
		return NULL;
	if (f->left > 0)
		f->left--;
	if ((p = malloc(size)) != NULL)
		f->live++;
	return p;
}

static void *
fail_realloc(void *old, size_t size, void *user)
{
	struct failing *f = user;
	void *p;
	if (f->left == 0)
		return NULL;
	if (f->left > 0)
		f->left--;
	if ((p = realloc(old, size)) != NULL && old == NULL)
		f->live++;
	return p;
}

static void
fail_free(void *p, void *user)
{
	if (p != NULL)
		((struct failing *)user)->live--;
	free(p);
}

/*
 * Fails the 1st, 2nd, ... allocation of opening the store and of one
 * journaled call (a check-in): each fails with MEDIATE_ENOMEM, journals nothing, changes
 * nothing and leaks nothing, until enough memory lets both succeed.
 */
static void
test_out_of_memory(void)
{
	struct failing f;
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, fail_malloc, fail_realloc, fail_free, NULL };
	long limit;
	int done = 0, open_failed = 0, call_failed = 0;

	build_three_rows();
	a.user = &f;
	for (limit = 0; !done && limit < 100000; limit++) {
		mediate_route_store *s = NULL;
		unsigned char h1[MEDIATE_AUDIT_HASH_BYTES], h2[MEDIATE_AUDIT_HASH_BYTES];
		int rc;

		f.left = limit;
		f.live = 0;
		OK(mediate_allocator_set(&a));
		rc = mediate_route_store_open(&s, pol, db, key, sizeof key);
		if (rc != 0) {
			CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
			open_failed++;
			CU_ASSERT_PTR_NULL(s);
			CU_ASSERT_EQUAL(f.live, 0);
			mediate_allocator_set(NULL);
			continue;
		}
		head_of(s, h1);
		rc = mediate_route_store_check_in(s, 1, "DJS-CJ", T("2026-03-10T16:00:00+08:00"), "村建办 张国强");
		if (rc == 0) {
			done = 1;
			CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 5);
		} else {
			CU_ASSERT_EQUAL(rc, MEDIATE_ENOMEM);
			call_failed++;
			head_of(s, h2);
			CU_ASSERT_EQUAL(memcmp(h1, h2, sizeof h1), 0);
			CU_ASSERT_EQUAL(task(s, 1, 0).state, MEDIATE_TASK_ACKNOWLEDGED);
			CU_ASSERT_EQUAL(mediate_route_store_journal_count(s), 4);
			CU_ASSERT_EQUAL(rows(), 4);
		}
		f.left = -1;
		mediate_route_store_close(s);
		CU_ASSERT_EQUAL(f.live, 0);
		mediate_allocator_set(NULL);
	}
	CU_ASSERT(done);
	CU_ASSERT(open_failed > 10);
	CU_ASSERT(call_failed > 0);
}

int
suite_route_store(void)
{
	CU_pSuite s = CU_add_suite("route_store", setup, teardown);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_reopen_same_state);
	TEST_ADD(s, test_continue_after_reopen);
	TEST_ADD(s, test_refused_journals_nothing);
	TEST_ADD(s, test_idle_tick_journals_nothing);
	TEST_ADD(s, test_write_failure_changes_nothing);
	TEST_ADD(s, test_commit_failure_changes_nothing);
	TEST_ADD(s, test_tamper_detected);
	TEST_ADD(s, test_schema_altered);
	TEST_ADD(s, test_other_policy_or_key);
	TEST_ADD(s, test_not_a_store);
	TEST_ADD(s, test_two_connections);
	TEST_ADD(s, test_memory_database);
	TEST_ADD(s, test_null_arguments);
	TEST_ADD(s, test_out_of_memory);
	return 0;
}
