/* SPDX-License-Identifier: MIT */
/*
 * The route store: the whistle -> dispatch -> report engine kept in SQLite
 * as a journal of its calls.
 *
 * Why a journal and not tables of orders and tasks: the engine is
 * deterministic (time is an argument), so the list of successful calls is
 * an exact and complete description of its state, needs no schema change
 * when the engine grows, and replays in microseconds per call.  Each row
 * holds one call (name, time, order, department, actor, up to five strings
 * and two numbers), the audit head after it, and a keyed BLAKE2b hash over
 * the row and the previous row's hash.  Opening replays every row and checks
 * both: an edit of any column, a removed or reordered row, or a row written
 * with another key or policy is refused.  (Cutting rows off the end leaves
 * a shorter valid journal: compare mediate_route_audit_head() with a copy
 * kept elsewhere to catch that, as for the engine's own audit chain.)
 *
 * A journaled call runs in one write transaction (BEGIN IMMEDIATE): replay
 * the rows other connections appended, make the engine call, append its
 * row, commit.  A refused call rolls back and journals nothing; when the
 * database fails after the engine changed, the engine is rebuilt from the
 * database, so a failed call changes nothing there either.
 *
 * Schema (PRAGMA user_version 1, application_id 'MDRS'):
 *   meta(key TEXT PRIMARY KEY, value BLOB)   format, policy, key check
 *   journal(seq INTEGER PRIMARY KEY, call TEXT, at INTEGER, ord INTEGER,
 *           dept TEXT, actor TEXT, s1..s5 TEXT, n1 INTEGER, n2 INTEGER,
 *           head BLOB, mac BLOB)
 */
#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "mediate/route_store.h"
#include "route_priv.h"

#define STORE_SCHEMA 1
#define STORE_APP_ID 0x4D445253      /* "MDRS" */
#define STORE_FORMAT "libmediate route journal 1"
#define HASH_BYTES MEDIATE_AUDIT_HASH_BYTES
#define MAX_ASSIST_CODES 64           /* the engine allows fewer; it says so */
#define TICK_CHUNK 256

/* The calls, in the spelling of the "call" column: never renumbered. */
enum {
	J_WHISTLE, J_DISPATCH_AUTO, J_DISPATCH, J_ACKNOWLEDGE, J_CHECK_IN, J_PROGRESS, J_FINISH, J_RETURN,
	J_REROUTE, J_FORCE, J_EXT_REQUEST, J_EXT_DECIDE, J_PAUSE, J_RESUME, J_RATE, J_CONFIRM, J_REOPEN,
	J_SUPERVISE, J_RECATEGORIZE, J_TICK, J_NCALLS
};
static const char *const call_names[J_NCALLS] = {
	"whistle", "dispatch_auto", "dispatch", "acknowledge", "check_in", "progress", "finish", "return",
	"reroute", "force", "extension_request", "extension_decide", "pause", "resume", "rate", "confirm", "reopen",
	"supervise", "recategorize", "tick"
};

/* One journal row: the arguments of one call. */
typedef struct jrow {
	int call;
	int64_t at;
	uint64_t ord;          /* order (for whistle: the number it got), 0 for tick */
	const char *dept;      /* department, lead (dispatch), or NULL */
	const char *actor;     /* actor, raiser (whistle), or NULL */
	const char *s[5];
	int64_t n1, n2;
} jrow;

struct mediate_route_store {
	const mediate_policy *policy;
	unsigned char key[64];
	size_t keylen;
	sqlite3 *db;
	sqlite3_stmt *st_begin, *st_commit, *st_rollback, *st_insert, *st_select;
	mediate_route *route;
	uint64_t seq;                    /* rows replayed */
	unsigned char mac[HASH_BYTES];   /* keyed hash of the last row (zero before the first) */
	int broken;                      /* the engine no longer matches the database: refuse calls */
	char *path;
};

/* ---- small helpers ---- */

static int
db_err(mediate_route_store *s, const char *what)
{
	return mi_err(MEDIATE_ESTORE, "route store %s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static int
run_stmt(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : rc;
}

static void
rollback(mediate_route_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		run_stmt(s->st_rollback);
}

static void
put_u64(crypto_generichash_state *st, uint64_t v)
{
	unsigned char b[8];
	int i;
	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	crypto_generichash_update(st, b, 8);
}

/* A string, or NULL, encoded unambiguously. */
static void
put_str(crypto_generichash_state *st, const char *str)
{
	unsigned char present = str != NULL;
	crypto_generichash_update(st, &present, 1);
	if (str != NULL) {
		size_t n = strlen(str);
		put_u64(st, (uint64_t)n);
		crypto_generichash_update(st, (const unsigned char *)str, n);
	}
}

/* The keyed hash of row seq, chained to prev. */
static void
row_mac(unsigned char out[HASH_BYTES], const mediate_route_store *s, uint64_t seq, const jrow *j,
        const unsigned char head[HASH_BYTES], const unsigned char prev[HASH_BYTES])
{
	static const unsigned char tag[] = STORE_FORMAT;
	crypto_generichash_state st;
	int i;

	crypto_generichash_init(&st, s->key, s->keylen, HASH_BYTES);
	crypto_generichash_update(&st, tag, sizeof tag);
	crypto_generichash_update(&st, prev, HASH_BYTES);
	put_u64(&st, seq);
	put_str(&st, call_names[j->call]);
	put_u64(&st, (uint64_t)j->at);
	put_u64(&st, j->ord);
	put_str(&st, j->dept);
	put_str(&st, j->actor);
	for (i = 0; i < 5; i++)
		put_str(&st, j->s[i]);
	put_u64(&st, (uint64_t)j->n1);
	put_u64(&st, (uint64_t)j->n2);
	crypto_generichash_update(&st, head, HASH_BYTES);
	crypto_generichash_final(&st, out, HASH_BYTES);
}

/* The check value of a key, kept in meta so a wrong key gets a clear error. */
static void
key_check(unsigned char out[HASH_BYTES], const unsigned char *key, size_t keylen)
{
	static const unsigned char tag[] = "libmediate route store key check";
	crypto_generichash(out, HASH_BYTES, tag, sizeof tag, key, keylen);
}

/* ---- applying one call to an engine ---- */

/* Splits the assisting departments of a dispatch row ("A\nB\nC"). */
static int
split_assist(const char *joined, char *buf, size_t size, const char **codes, size_t *n)
{
	char *p;
	*n = 0;
	if (joined == NULL || joined[0] == '\0')
		return 0;
	if (strlen(joined) >= size)
		return mi_err(MEDIATE_ELIMIT, "route dispatch: the assisting departments are too long");
	strcpy(buf, joined);
	for (p = buf;;) {
		char *nl = strchr(p, '\n');
		if (*n == MAX_ASSIST_CODES)
			return mi_err(MEDIATE_ELIMIT, "route dispatch: at most %d assisting departments", MAX_ASSIST_CODES);
		codes[(*n)++] = p;
		if (nl == NULL)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return 0;
}

/*
 * Makes the engine call a row describes.  A tick hands its events to
 * events/cap (live) or, when events is NULL (replay), drains exactly n1
 * events in chunks; *got receives how many.
 */
static int
apply(mediate_route *r, const jrow *j, uint64_t *order_out, mediate_route_event *events, size_t cap, size_t *got)
{
	switch (j->call) {
	case J_WHISTLE: {
		mediate_whistle w = MEDIATE_WHISTLE_INIT;
		uint64_t no = 0;
		int rc;
		w.unit = j->s[0];
		w.raiser = j->actor;
		w.category = j->s[1];
		w.urgency = (mediate_urgency)j->n1;
		w.place = j->s[2];
		w.description = j->s[3];
		w.case_id = j->s[4];
		w.time = j->at;
		if ((rc = mediate_route_whistle(&no, r, &w)) != 0)
			return rc;
		if (order_out != NULL)
			*order_out = no;
		return 0;
	}
	case J_DISPATCH_AUTO:
		return mediate_route_dispatch_auto(r, j->ord, j->at, j->actor);
	case J_DISPATCH: {
		char buf[4096];
		const char *codes[MAX_ASSIST_CODES];
		size_t n = 0;
		int rc = split_assist(j->s[0], buf, sizeof buf, codes, &n);
		if (rc != 0)
			return rc;
		return mediate_route_dispatch(r, j->ord, j->at, j->actor, j->dept, codes, n,
		                              (mediate_dispatch_level)j->n1);
	}
	case J_ACKNOWLEDGE: return mediate_route_acknowledge(r, j->ord, j->dept, j->at, j->actor);
	case J_CHECK_IN: return mediate_route_check_in(r, j->ord, j->dept, j->at, j->actor);
	case J_PROGRESS: return mediate_route_progress(r, j->ord, j->dept, j->at, j->actor, j->s[0]);
	case J_FINISH: return mediate_route_finish(r, j->ord, j->dept, j->at, j->actor, j->s[0]);
	case J_RETURN:
		return mediate_route_return(r, j->ord, j->dept, j->at, j->actor, (mediate_return_reason)j->n1, j->s[0]);
	case J_REROUTE: return mediate_route_reroute(r, j->ord, j->dept, j->at, j->actor, j->s[0]);
	case J_FORCE: return mediate_route_force(r, j->ord, j->dept, j->at, j->actor, j->s[0]);
	case J_EXT_REQUEST:
		return mediate_route_extension_request(r, j->ord, j->dept, j->at, j->actor, j->n1, j->s[0]);
	case J_EXT_DECIDE:
		return mediate_route_extension_decide(r, j->ord, j->dept, j->at, j->actor, (int)j->n1, j->s[0]);
	case J_PAUSE: return mediate_route_pause(r, j->ord, j->dept, j->at, j->actor, j->s[0]);
	case J_RESUME: return mediate_route_resume(r, j->ord, j->dept, j->at, j->actor);
	case J_RATE: return mediate_route_rate(r, j->ord, j->dept, j->at, j->actor, (mediate_satisfaction)j->n1);
	case J_CONFIRM: return mediate_route_confirm(r, j->ord, j->at, j->actor);
	case J_REOPEN: return mediate_route_reopen(r, j->ord, j->at, j->actor, j->s[0]);
	case J_SUPERVISE: return mediate_route_supervise(r, j->ord, j->at, j->actor, (int)j->n1);
	case J_RECATEGORIZE:
		return mediate_route_recategorize(r, j->ord, j->at, j->actor, j->s[0], (mediate_urgency)j->n1);
	case J_TICK:
		if (events != NULL)
			return mediate_route_tick(r, j->at, events, cap, got);
		else {
			mediate_route_event buf[TICK_CHUNK];
			uint64_t want = (uint64_t)j->n1, done = 0;
			int rc;
			do {
				size_t n = 0, ask = want - done > TICK_CHUNK ? TICK_CHUNK : (size_t)(want - done);
				if ((rc = mediate_route_tick(r, j->at, buf, ask, &n)) != 0)
					return rc;
				if (n == 0 && ask > 0)
					return mi_err(MEDIATE_ETAMPER, "a tick handed back %llu events, not %llu",
					              (unsigned long long)done, (unsigned long long)want);
				done += n;
			} while (done < want);
			*got = (size_t)done;
			return 0;
		}
	}
	return mi_err(MEDIATE_EINTERNAL, "route store: unknown call %d", j->call);
}

/* ---- replay ---- */

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : (const char *)sqlite3_column_text(st, i);
}

/*
 * The keyed hash covers the values as the replay reads them: a text up to
 * its first NUL, a number as an integer.  So that no edit slips past it,
 * each column must also hold exactly that: text (or NULL) without a NUL
 * byte, an integer where an integer belongs.  Returns the first column that
 * does not, or NULL.
 */
static const char *
bad_column(sqlite3_stmt *st)
{
	static const char *const names[] = { "seq", "call", "at", "ord", "dept", "actor", "s1", "s2", "s3", "s4",
	                                     "s5", "n1", "n2" };
	int i;
	for (i = 0; i < 13; i++) {
		int type = sqlite3_column_type(st, i);
		if (i == 0 || i == 2 || i == 3 || i >= 11) {
			if (type != SQLITE_INTEGER)
				return names[i];
		} else if (type != SQLITE_NULL || i == 1) {
			const char *text = (const char *)sqlite3_column_text(st, i);
			if (type != SQLITE_TEXT || text == NULL || strlen(text) != (size_t)sqlite3_column_bytes(st, i))
				return names[i];
		}
	}
	return NULL;
}

/*
 * Replays the rows after *seq into r, checking each row's keyed hash and the
 * audit head after it; *seq and mac advance row by row.
 */
static int
replay(mediate_route_store *s, mediate_route *r, uint64_t *seq, unsigned char mac[HASH_BYTES])
{
	sqlite3_stmt *st = s->st_select;
	int rc = 0, step;

	sqlite3_bind_int64(st, 1, (sqlite3_int64)*seq);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		jrow j;
		unsigned char want[HASH_BYTES], head[HASH_BYTES];
		const char *bad = bad_column(st);
		const char *call = col_text(st, 1);
		uint64_t rowseq = (uint64_t)sqlite3_column_int64(st, 0);
		size_t got = 0;
		int i;

		memset(&j, 0, sizeof j);
		j.call = -1;
		for (i = 0; call != NULL && i < J_NCALLS; i++)
			if (strcmp(call, call_names[i]) == 0)
				j.call = i;
		if (rowseq != *seq + 1) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu follows row %llu: rows were removed or "
			            "renumbered", s->path, (unsigned long long)rowseq, (unsigned long long)*seq);
			break;
		}
		if (bad != NULL) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu: the column %s holds a value of the wrong "
			            "type or a NUL byte: the database was edited", s->path, (unsigned long long)rowseq, bad);
			break;
		}
		if (j.call < 0) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu has the unknown call \"%s\"", s->path,
			            (unsigned long long)rowseq, call != NULL ? call : "(null)");
			break;
		}
		j.at = sqlite3_column_int64(st, 2);
		j.ord = (uint64_t)sqlite3_column_int64(st, 3);
		j.dept = col_text(st, 4);
		j.actor = col_text(st, 5);
		for (i = 0; i < 5; i++)
			j.s[i] = col_text(st, 6 + i);
		j.n1 = sqlite3_column_int64(st, 11);
		j.n2 = sqlite3_column_int64(st, 12);
		if (sqlite3_column_bytes(st, 13) != HASH_BYTES || sqlite3_column_bytes(st, 14) != HASH_BYTES) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu has no valid hash", s->path,
			            (unsigned long long)rowseq);
			break;
		}
		row_mac(want, s, rowseq, &j, sqlite3_column_blob(st, 13), mac);
		if (sodium_memcmp(want, sqlite3_column_blob(st, 14), HASH_BYTES) != 0) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu (%s) fails its keyed hash: the database "
			            "was edited", s->path, (unsigned long long)rowseq, call_names[j.call]);
			break;
		}
		if ((rc = apply(r, &j, NULL, NULL, 0, &got)) != 0) {
			if (rc != MEDIATE_ENOMEM)
				rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu (%s) does not replay: %s", s->path,
				            (unsigned long long)rowseq, call_names[j.call], mediate_error_last()->text);
			break;
		}
		mediate_route_audit_head(head, r);
		if (sodium_memcmp(head, sqlite3_column_blob(st, 13), HASH_BYTES) != 0) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu (%s) replays to another audit head: the "
			            "database was edited or the policy changed", s->path, (unsigned long long)rowseq,
			            call_names[j.call]);
			s->broken = r == s->route;
			break;
		}
		if (j.call == J_WHISTLE && mediate_route_order_count(r) != j.ord) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: row %llu: the whistle became order %llu, not %llu",
			            s->path, (unsigned long long)rowseq, (unsigned long long)mediate_route_order_count(r),
			            (unsigned long long)j.ord);
			s->broken = r == s->route;
			break;
		}
		*seq = rowseq;
		memcpy(mac, sqlite3_column_blob(st, 14), HASH_BYTES);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_err(s, "reading the journal");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/*
 * Replays the whole journal into a fresh engine and swaps it into the one
 * the store lends (mediate_route_store_route()), which keeps its address.
 */
static int
rebuild(mediate_route_store *s)
{
	mediate_route *r = NULL;
	unsigned char mac[HASH_BYTES];
	uint64_t seq = 0;
	int rc;

	memset(mac, 0, sizeof mac);
	if ((rc = mediate_route_new(&r, s->policy, s->key, s->keylen)) != 0)
		return rc;
	if ((rc = replay(s, r, &seq, mac)) != 0) {
		mediate_route_free(r);
		return rc;
	}
	mi_route_swap(s->route, r);
	mediate_route_free(r);
	s->seq = seq;
	memcpy(s->mac, mac, HASH_BYTES);
	s->broken = 0;
	return 0;
}

/* ---- a journaled call ---- */

static int
usable(const mediate_route_store *s)
{
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "route store: NULL store");
	if (s->broken)
		return mi_err(MEDIATE_ESTORE, "route store %s: the engine no longer matches the database after an "
		              "error: close and reopen the store", s->path);
	return 0;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static int
store_call(mediate_route_store *s, jrow *j, uint64_t *order_out, mediate_route_event *events, size_t cap,
           size_t *count)
{
	sqlite3_stmt *st;
	unsigned char head[HASH_BYTES], mac[HASH_BYTES];
	uint64_t no = 0;
	size_t got = 0;
	int64_t clock = 0;
	int rc, i, started = 0;

	if ((rc = usable(s)) != 0)
		return rc;
	st = s->st_insert;
	if (run_stmt(s->st_begin) != 0)
		return db_err(s, "starting a transaction");
	if ((rc = replay(s, s->route, &s->seq, s->mac)) != 0) {
		rollback(s);
		return rc;
	}
	mi_route_clock(s->route, &clock, &started);
	if ((rc = apply(s->route, j, &no, events, cap, &got)) != 0) {
		rollback(s);   /* touches no error record: the engine's message stays */
		return rc;
	}
	if (j->call == J_TICK && got == 0) {
		/* Nothing was due: the tick changed nothing but the engine's
		 * clock, which goes back, and is not journaled, so a host may
		 * poll as often as it likes without growing the journal. */
		mi_route_set_clock(s->route, clock, started);
		rollback(s);
		*count = 0;
		return 0;
	}
	if (j->call == J_WHISTLE)
		j->ord = no;
	if (j->call == J_TICK)
		j->n1 = (int64_t)got;
	mediate_route_audit_head(head, s->route);
	row_mac(mac, s, s->seq + 1, j, head, s->mac);

	sqlite3_bind_int64(st, 1, (sqlite3_int64)(s->seq + 1));
	sqlite3_bind_text(st, 2, call_names[j->call], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)j->at);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)j->ord);
	bind_text(st, 5, j->dept);
	bind_text(st, 6, j->actor);
	for (i = 0; i < 5; i++)
		bind_text(st, 7 + i, j->s[i]);
	sqlite3_bind_int64(st, 12, (sqlite3_int64)j->n1);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)j->n2);
	sqlite3_bind_blob(st, 14, head, HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_blob(st, 15, mac, HASH_BYTES, SQLITE_STATIC);
	rc = run_stmt(st);
	sqlite3_clear_bindings(st);
	if (rc == 0)
		rc = run_stmt(s->st_commit);
	if (rc != 0) {
		/* The engine changed but the database did not: rebuild the engine. */
		int erc = db_err(s, "appending to the journal");
		mediate_error saved = *mediate_error_last();
		rollback(s);
		if (rebuild(s) != 0)
			s->broken = 1;
		mi_err_set_record(&saved);
		return erc;
	}
	s->seq++;
	memcpy(s->mac, mac, HASH_BYTES);
	if (order_out != NULL)
		*order_out = no;
	if (count != NULL)
		*count = got;
	return 0;
}

/* ---- open and close ---- */

static int
exec_sql(mediate_route_store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_err(s, "setting up the database");
	return 0;
}

static int
pragma_int(mediate_route_store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(s, "reading its header");
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_err(s, "reading its header");
	return 0;
}

static int
meta_put(mediate_route_store *s, sqlite3_stmt *st, const char *key, const void *value, int len)
{
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, value, len, SQLITE_STATIC);
	if (run_stmt(st) != 0)
		return db_err(s, "writing its header");
	return 0;
}

static const char *
policy_text(const char *s)
{
	return s != NULL ? s : "";
}

/* The tables, as sqlite_master keeps them: check_schema() compares. */
#define SQL_META "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
#define SQL_JOURNAL \
	"CREATE TABLE journal (seq INTEGER PRIMARY KEY, call TEXT NOT NULL, at INTEGER NOT NULL, " \
	"ord INTEGER NOT NULL, dept TEXT, actor TEXT, s1 TEXT, s2 TEXT, s3 TEXT, s4 TEXT, s5 TEXT, " \
	"n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, head BLOB NOT NULL, mac BLOB NOT NULL)"

/* Creates the tables of a new database (in a write transaction). */
static int
create_schema(mediate_route_store *s)
{
	unsigned char check[HASH_BYTES];
	sqlite3_stmt *st = NULL;
	const char *name = policy_text(mediate_policy_name(s->policy));
	const char *version = policy_text(mediate_policy_version(s->policy));
	char sql[128];
	int rc;

	if ((rc = exec_sql(s, SQL_META ";" SQL_JOURNAL ";")) != 0)
		return rc;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO meta (key, value) VALUES (?, ?)", -1, &st, NULL) != SQLITE_OK)
		return db_err(s, "writing its header");
	key_check(check, s->key, s->keylen);
	if ((rc = meta_put(s, st, "format", STORE_FORMAT, (int)strlen(STORE_FORMAT))) == 0 &&
	    (rc = meta_put(s, st, "policy_name", name, (int)strlen(name))) == 0 &&
	    (rc = meta_put(s, st, "policy_version", version, (int)strlen(version))) == 0)
		rc = meta_put(s, st, "key_check", check, HASH_BYTES);
	sqlite3_finalize(st);
	if (rc != 0)
		return rc;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;", STORE_APP_ID,
	         STORE_SCHEMA);
	return exec_sql(s, sql);
}

/* Reads one meta value into buf (NUL-terminated); *len its length. */
static int
meta_get(mediate_route_store *s, sqlite3_stmt *st, const char *key, unsigned char *buf, size_t size, size_t *len)
{
	int rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		const void *v = sqlite3_column_blob(st, 0);
		if (n >= size)
			n = size - 1;
		if (n > 0)
			memcpy(buf, v, n);
		buf[n] = '\0';
		*len = n;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return mi_err(MEDIATE_ETAMPER, "route store %s: its header has no \"%s\"", s->path, key);
	return db_err(s, "reading its header");
}

/* Checks that the database belongs to this policy and key. */
static int
check_meta(mediate_route_store *s)
{
	unsigned char buf[512], check[HASH_BYTES];
	sqlite3_stmt *st = NULL;
	const char *name = policy_text(mediate_policy_name(s->policy));
	const char *version = policy_text(mediate_policy_version(s->policy));
	size_t len = 0;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return db_err(s, "reading its header");
	if ((rc = meta_get(s, st, "format", buf, sizeof buf, &len)) != 0)
		goto out;
	if (strcmp((const char *)buf, STORE_FORMAT) != 0) {
		rc = mi_err(MEDIATE_ESTORE, "route store %s: unknown format \"%s\"", s->path, buf);
		goto out;
	}
	if ((rc = meta_get(s, st, "policy_name", buf, sizeof buf, &len)) != 0)
		goto out;
	if (strcmp((const char *)buf, name) != 0) {
		rc = mi_err(MEDIATE_EREFUSED, "route store %s: it belongs to the policy \"%s\", not \"%s\"", s->path, buf,
		            name);
		goto out;
	}
	if ((rc = meta_get(s, st, "policy_version", buf, sizeof buf, &len)) != 0)
		goto out;
	if (strcmp((const char *)buf, version) != 0) {
		rc = mi_err(MEDIATE_EREFUSED, "route store %s: it was written under version \"%s\" of the policy \"%s\", "
		            "not \"%s\"", s->path, buf, name, version);
		goto out;
	}
	if ((rc = meta_get(s, st, "key_check", buf, sizeof buf, &len)) != 0)
		goto out;
	key_check(check, s->key, s->keylen);
	if (len != HASH_BYTES || sodium_memcmp(buf, check, HASH_BYTES) != 0)
		rc = mi_err(MEDIATE_EREFUSED, "route store %s: the audit key is not the key this store was created with",
		            s->path);
out:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Checks that the database holds exactly the tables of a route store: a
 * table altered, or a table, index, view or trigger added (a trigger could
 * drop or rewrite each row as it is appended), is an edit; so is a journal
 * row numbered below 1, which the replay would never read.
 */
static int
check_schema(mediate_route_store *s)
{
	static const char *const want[][4] = {
		{ "table", "meta", "meta", SQL_META },
		{ "index", "sqlite_autoindex_meta_1", "meta", NULL },
		{ "table", "journal", "journal", SQL_JOURNAL },
	};
	sqlite3_stmt *st = NULL;
	size_t i, nfound = 0;
	int rc = 0, step;

	if (sqlite3_prepare_v2(s->db, "SELECT type, name, tbl_name, sql FROM sqlite_master", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_err(s, "reading its schema");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *f[4];
		int k;
		for (k = 0; k < 4; k++)
			f[k] = col_text(st, k);
		for (i = 0; i < sizeof want / sizeof want[0]; i++) {
			for (k = 0; k < 4; k++)
				if ((want[i][k] == NULL) != (f[k] == NULL) ||
				    (want[i][k] != NULL && strcmp(want[i][k], f[k]) != 0))
					break;
			if (k == 4)
				break;
		}
		if (i == sizeof want / sizeof want[0]) {
			rc = mi_err(MEDIATE_ETAMPER, "route store %s: the schema was altered: %s \"%s\" is not a route "
			            "store's as created", s->path, f[0] != NULL ? f[0] : "object", f[1] != NULL ? f[1] : "");
			break;
		}
		nfound++;
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return rc;
	if (step != SQLITE_DONE)
		return db_err(s, "reading its schema");
	if (nfound != sizeof want / sizeof want[0])
		return mi_err(MEDIATE_ETAMPER, "route store %s: the schema was altered: a table is missing", s->path);
	if (sqlite3_prepare_v2(s->db, "SELECT seq FROM journal WHERE seq < 1 LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return db_err(s, "reading the journal");
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		rc = mi_err(MEDIATE_ETAMPER, "route store %s: the journal has a row numbered %lld: rows start at 1",
		            s->path, (long long)sqlite3_column_int64(st, 0));
	else if (step != SQLITE_DONE)
		rc = db_err(s, "reading the journal");
	sqlite3_finalize(st);
	return rc;
}

/* Creates the schema of a new database, or checks the one it has. */
static int
setup_db(mediate_route_store *s)
{
	int64_t version = 0, app = 0, tables = 0;
	int rc;

	if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK)
		return db_err(s, "setting the busy timeout");
	if ((rc = pragma_int(s, "PRAGMA user_version", &version)) != 0 ||
	    (rc = pragma_int(s, "PRAGMA application_id", &app)) != 0)
		return rc;
	if (version == 0) {
		if ((rc = exec_sql(s, "BEGIN IMMEDIATE")) != 0)
			return rc;
		/* Another process may have created it meanwhile. */
		if ((rc = pragma_int(s, "PRAGMA user_version", &version)) != 0 ||
		    (rc = pragma_int(s, "PRAGMA application_id", &app)) != 0 ||
		    (rc = pragma_int(s, "SELECT count(*) FROM sqlite_master", &tables)) != 0)
			goto fail;
		if (version == 0 && (tables != 0 || app != 0)) {
			rc = mi_err(MEDIATE_ESTORE, "route store %s: the database holds other data: not a route store",
			            s->path);
			goto fail;
		}
		if (version == 0 && (rc = create_schema(s)) != 0)
			goto fail;
		if ((rc = exec_sql(s, "COMMIT")) != 0)
			goto fail;
		if (version == 0)
			version = STORE_SCHEMA, app = STORE_APP_ID;
	}
	if (app != STORE_APP_ID)
		return mi_err(MEDIATE_ESTORE, "route store %s: not a route store of libmediate", s->path);
	if (version > STORE_SCHEMA)
		return mi_err(MEDIATE_ESTORE, "route store %s: schema %lld is newer than this libmediate reads (%d)",
		              s->path, (long long)version, STORE_SCHEMA);
	if (version != STORE_SCHEMA)
		return mi_err(MEDIATE_ESTORE, "route store %s: unknown schema %lld", s->path, (long long)version);
	if ((rc = check_schema(s)) != 0)
		return rc;
	return check_meta(s);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int
prepare(mediate_route_store *s, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return db_err(s, "preparing a statement");
	return 0;
}

mediate_status
mediate_route_store_open(mediate_route_store **out, const mediate_policy *policy, const char *path,
                         const unsigned char *key, size_t keylen)
{
	mediate_route_store *s;
	int rc;

	if (out == NULL || policy == NULL || path == NULL || key == NULL)
		return mi_err(MEDIATE_EINVAL, "route store open: NULL argument");
	if (keylen < 16 || keylen > 64)
		return mi_err(MEDIATE_EINVAL, "route store open: the audit key must have 16 to 64 bytes, not %zu", keylen);
	if (path[0] == '\0')
		return mi_err(MEDIATE_EINVAL, "route store open: empty path");
	if (sodium_init() < 0)
		return mi_err(MEDIATE_EINTERNAL, "route store open: libsodium failed to initialise");
	if ((s = mi_calloc(1, sizeof *s)) == NULL)
		return mi_nomem();
	s->policy = policy;
	memcpy(s->key, key, keylen);
	s->keylen = keylen;
	if ((s->path = mi_strdup(path)) == NULL) {
		mi_free(s);
		return mi_nomem();
	}
	if ((rc = mediate_route_new(&s->route, policy, key, keylen)) != 0)
		goto fail;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rc = s->db != NULL ? db_err(s, "opening")
		                   : mi_err(MEDIATE_ENOMEM, "route store open: SQLite is out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	/* WAL lets readers run beside a writer; an in-memory database keeps "memory". */
	if ((rc = exec_sql(s, "PRAGMA journal_mode = WAL")) != 0 || (rc = setup_db(s)) != 0)
		goto fail;
	if ((rc = prepare(s, "BEGIN IMMEDIATE", &s->st_begin)) != 0 ||
	    (rc = prepare(s, "COMMIT", &s->st_commit)) != 0 || (rc = prepare(s, "ROLLBACK", &s->st_rollback)) != 0 ||
	    (rc = prepare(s, "INSERT INTO journal (seq, call, at, ord, dept, actor, s1, s2, s3, s4, s5, n1, n2, "
	                     "head, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	                  &s->st_insert)) != 0 ||
	    (rc = prepare(s, "SELECT seq, call, at, ord, dept, actor, s1, s2, s3, s4, s5, n1, n2, head, mac "
	                     "FROM journal WHERE seq > ? ORDER BY seq",
	                  &s->st_select)) != 0)
		goto fail;
	if ((rc = replay(s, s->route, &s->seq, s->mac)) != 0)
		goto fail;
	*out = s;
	return MEDIATE_OK;
fail:
	{
		mediate_error saved = *mediate_error_last();
		mediate_route_store_close(s);
		mi_err_set_record(&saved);
	}
	return rc;
}

void
mediate_route_store_close(mediate_route_store *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(s->st_begin);
	sqlite3_finalize(s->st_commit);
	sqlite3_finalize(s->st_rollback);
	sqlite3_finalize(s->st_insert);
	sqlite3_finalize(s->st_select);
	sqlite3_close(s->db);
	mediate_route_free(s->route);
	sodium_memzero(s->key, sizeof s->key);
	mi_free(s->path);
	mi_free(s);
}

const mediate_route *
mediate_route_store_route(const mediate_route_store *s)
{
	return s != NULL ? s->route : NULL;
}

uint64_t
mediate_route_store_journal_count(const mediate_route_store *s)
{
	return s != NULL ? s->seq : 0;
}

mediate_status
mediate_route_store_refresh(mediate_route_store *s)
{
	int rc;
	if ((rc = usable(s)) != 0)
		return rc;
	return replay(s, s->route, &s->seq, s->mac);
}

/* ---- the journaled calls ---- */

static void
row_init(jrow *j, int call, int64_t at, uint64_t ord, const char *dept, const char *actor)
{
	memset(j, 0, sizeof *j);
	j->call = call;
	j->at = at;
	j->ord = ord;
	j->dept = dept;
	j->actor = actor;
}

mediate_status
mediate_route_store_whistle(uint64_t *order, mediate_route_store *s, const mediate_whistle *w)
{
	jrow j;
	if (order == NULL || w == NULL)
		return mi_err(MEDIATE_EINVAL, "route store whistle: NULL argument");
	if (w->version != MEDIATE_WHISTLE_VERSION)
		return mi_err(MEDIATE_EINVAL, "route store whistle: version %u is not supported", w->version);
	row_init(&j, J_WHISTLE, w->time, 0, NULL, w->raiser);
	j.s[0] = w->unit;
	j.s[1] = w->category;
	j.s[2] = w->place;
	j.s[3] = w->description;
	j.s[4] = w->case_id;
	j.n1 = (int64_t)w->urgency;
	return store_call(s, &j, order, NULL, 0, NULL);
}

mediate_status
mediate_route_store_dispatch_auto(mediate_route_store *s, uint64_t order, int64_t now, const char *actor)
{
	jrow j;
	row_init(&j, J_DISPATCH_AUTO, now, order, NULL, actor);
	return store_call(s, &j, NULL, NULL, 0, NULL);
}

mediate_status
mediate_route_store_dispatch(mediate_route_store *s, uint64_t order, int64_t now, const char *actor,
                             const char *lead, const char *const *assist, size_t nassist,
                             mediate_dispatch_level level)
{
	mi_buf joined = { 0 };
	jrow j;
	size_t i;
	int rc;

	if (assist == NULL && nassist > 0)
		return mi_err(MEDIATE_EINVAL, "route store dispatch: NULL list of assisting departments");
	if (nassist > MAX_ASSIST_CODES)
		return mi_err(MEDIATE_ELIMIT, "route store dispatch: at most %d assisting departments", MAX_ASSIST_CODES);
	for (i = 0; i < nassist; i++) {
		if (assist[i] == NULL || assist[i][0] == '\0' || strchr(assist[i], '\n') != NULL) {
			mi_buf_free(&joined);
			if (assist[i] == NULL)
				return mi_err(MEDIATE_EINVAL, "route store dispatch: NULL assisting department");
			return mi_err(MEDIATE_ENOTFOUND, "route store dispatch: no unit \"%s\" in the policy", assist[i]);
		}
		if ((i > 0 && mi_buf_puts(&joined, "\n") != 0) || mi_buf_puts(&joined, assist[i]) != 0) {
			mi_buf_free(&joined);
			return mi_nomem();
		}
	}
	row_init(&j, J_DISPATCH, now, order, lead, actor);
	j.s[0] = nassist > 0 ? joined.data : NULL;
	j.n1 = (int64_t)level;
	rc = store_call(s, &j, NULL, NULL, 0, NULL);
	mi_buf_free(&joined);
	return rc;
}

/* The department steps share one shape. */
static mediate_status
dept_call(mediate_route_store *s, int call, uint64_t order, const char *dept, int64_t now, const char *actor,
          const char *text, int64_t n1)
{
	jrow j;
	row_init(&j, call, now, order, dept, actor);
	j.s[0] = text;
	j.n1 = n1;
	return store_call(s, &j, NULL, NULL, 0, NULL);
}

mediate_status
mediate_route_store_acknowledge(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                                const char *actor)
{
	return dept_call(s, J_ACKNOWLEDGE, order, dept, now, actor, NULL, 0);
}

mediate_status
mediate_route_store_check_in(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                             const char *actor)
{
	return dept_call(s, J_CHECK_IN, order, dept, now, actor, NULL, 0);
}

mediate_status
mediate_route_store_progress(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                             const char *actor, const char *note)
{
	return dept_call(s, J_PROGRESS, order, dept, now, actor, note, 0);
}

mediate_status
mediate_route_store_finish(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                           const char *actor, const char *result)
{
	return dept_call(s, J_FINISH, order, dept, now, actor, result, 0);
}

mediate_status
mediate_route_store_return(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                           const char *actor, mediate_return_reason reason, const char *note)
{
	return dept_call(s, J_RETURN, order, dept, now, actor, note, (int64_t)reason);
}

mediate_status
mediate_route_store_reroute(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                            const char *actor, const char *new_department)
{
	return dept_call(s, J_REROUTE, order, dept, now, actor, new_department, 0);
}

mediate_status
mediate_route_store_force(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                          const char *actor, const char *note)
{
	return dept_call(s, J_FORCE, order, dept, now, actor, note, 0);
}

mediate_status
mediate_route_store_extension_request(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                                      const char *actor, int64_t minutes, const char *reason)
{
	return dept_call(s, J_EXT_REQUEST, order, dept, now, actor, reason, minutes);
}

mediate_status
mediate_route_store_extension_decide(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                                     const char *actor, int approve, const char *note)
{
	return dept_call(s, J_EXT_DECIDE, order, dept, now, actor, note, approve);
}

mediate_status
mediate_route_store_pause(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                          const char *actor, const char *reason)
{
	return dept_call(s, J_PAUSE, order, dept, now, actor, reason, 0);
}

mediate_status
mediate_route_store_resume(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                           const char *actor)
{
	return dept_call(s, J_RESUME, order, dept, now, actor, NULL, 0);
}

mediate_status
mediate_route_store_rate(mediate_route_store *s, uint64_t order, const char *dept, int64_t now,
                         const char *actor, mediate_satisfaction rating)
{
	return dept_call(s, J_RATE, order, dept, now, actor, NULL, (int64_t)rating);
}

mediate_status
mediate_route_store_confirm(mediate_route_store *s, uint64_t order, int64_t now, const char *actor)
{
	return dept_call(s, J_CONFIRM, order, NULL, now, actor, NULL, 0);
}

mediate_status
mediate_route_store_reopen(mediate_route_store *s, uint64_t order, int64_t now, const char *actor,
                           const char *reason)
{
	return dept_call(s, J_REOPEN, order, NULL, now, actor, reason, 0);
}

mediate_status
mediate_route_store_supervise(mediate_route_store *s, uint64_t order, int64_t now, const char *actor, int on)
{
	return dept_call(s, J_SUPERVISE, order, NULL, now, actor, NULL, on);
}

mediate_status
mediate_route_store_recategorize(mediate_route_store *s, uint64_t order, int64_t now, const char *actor,
                                 const char *category, mediate_urgency urgency)
{
	return dept_call(s, J_RECATEGORIZE, order, NULL, now, actor, category, (int64_t)urgency);
}

mediate_status
mediate_route_store_tick(mediate_route_store *s, int64_t now, mediate_route_event *events, size_t cap,
                         size_t *count)
{
	jrow j;
	if (count == NULL || (events == NULL && cap > 0))
		return mi_err(MEDIATE_EINVAL, "route store tick: NULL argument");
	row_init(&j, J_TICK, now, 0, NULL, NULL);
	return store_call(s, &j, NULL, events, cap, count);
}
