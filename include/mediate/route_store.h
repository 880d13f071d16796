/* SPDX-License-Identifier: MIT */
/*
 * libmediate: a persistent home for the whistle -> dispatch -> report engine.
 *
 * A route store is an SQLite database holding the journal of an engine:
 * every successful call made through the store (whistle, dispatch,
 * acknowledge, ..., tick) is appended as one row -- its arguments, its time,
 * the audit head after it and a keyed hash chaining it to the row before --
 * in the same transaction as nothing else.  Opening the store replays the
 * journal into a fresh engine (the engine takes time as an argument, so the
 * replay is exact) and checks every row's keyed hash and that the replayed
 * audit head equals the head stored with the row: an edited, reordered or
 * foreign row is refused with MEDIATE_ETAMPER, as is an altered schema (a
 * table, index, view or trigger added, a table altered or dropped).  The database remembers the
 * name and version of the policy it was written under and a check value of
 * the audit key; another policy or another key is refused with
 * MEDIATE_EREFUSED.
 *
 * The journaled functions take the same arguments as the engine's
 * (include/mediate/route.h), with the store in place of the engine, and do
 * the same checks: a refused call returns the engine's code and journals
 * nothing; when the database cannot be written the call returns
 * MEDIATE_ESTORE and the engine is rebuilt from the database, so nothing
 * changes.  Before each call the store first replays any rows another
 * connection appended (several processes may share one database: SQLite
 * serialises the writers, WAL mode lets readers run beside them).
 *
 * Queries go to the engine: mediate_route_store_route() lends it, read
 * only.  One store, one thread at a time; the policy is borrowed and must
 * outlive the store.
 */
#ifndef MEDIATE_ROUTE_STORE_H
#define MEDIATE_ROUTE_STORE_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/policy.h"
#include "mediate/route.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_route_store mediate_route_store;

/*
 * Opens (creating it when missing) the store at path, for a policy
 * (borrowed) and the audit key (16 to 64 bytes, copied), and replays its
 * journal.  Close with mediate_route_store_close().
 */
MEDIATE_EXTERN mediate_status mediate_route_store_open(mediate_route_store **out, const mediate_policy *policy,
                                                       const char *path, const unsigned char *key,
                                                       size_t keylen);
MEDIATE_EXTERN void mediate_route_store_close(mediate_route_store *store);
/* The engine, borrowed and read only: valid until the store is closed. */
MEDIATE_EXTERN const mediate_route *mediate_route_store_route(const mediate_route_store *store);
/* Replays the rows other connections appended since the last call. */
MEDIATE_EXTERN mediate_status mediate_route_store_refresh(mediate_route_store *store);
/* Rows in the journal (successful calls so far). */
MEDIATE_EXTERN uint64_t mediate_route_store_journal_count(const mediate_route_store *store);

/* Journaled calls: see the engine function of the same name. */
MEDIATE_EXTERN mediate_status mediate_route_store_whistle(uint64_t *order, mediate_route_store *store,
                                                          const mediate_whistle *whistle);
MEDIATE_EXTERN mediate_status mediate_route_store_dispatch_auto(mediate_route_store *store, uint64_t order,
                                                                int64_t now, const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_store_dispatch(mediate_route_store *store, uint64_t order,
                                                           int64_t now, const char *actor, const char *lead,
                                                           const char *const *assist, size_t nassist,
                                                           mediate_dispatch_level level);
MEDIATE_EXTERN mediate_status mediate_route_store_acknowledge(mediate_route_store *store, uint64_t order,
                                                              const char *department, int64_t now,
                                                              const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_store_check_in(mediate_route_store *store, uint64_t order,
                                                           const char *department, int64_t now,
                                                           const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_store_progress(mediate_route_store *store, uint64_t order,
                                                           const char *department, int64_t now,
                                                           const char *actor, const char *note);
MEDIATE_EXTERN mediate_status mediate_route_store_finish(mediate_route_store *store, uint64_t order,
                                                         const char *department, int64_t now, const char *actor,
                                                         const char *result);
MEDIATE_EXTERN mediate_status mediate_route_store_return(mediate_route_store *store, uint64_t order,
                                                         const char *department, int64_t now, const char *actor,
                                                         mediate_return_reason reason, const char *note);
MEDIATE_EXTERN mediate_status mediate_route_store_reroute(mediate_route_store *store, uint64_t order,
                                                          const char *department, int64_t now, const char *actor,
                                                          const char *new_department);
MEDIATE_EXTERN mediate_status mediate_route_store_force(mediate_route_store *store, uint64_t order,
                                                        const char *department, int64_t now, const char *actor,
                                                        const char *note);
MEDIATE_EXTERN mediate_status mediate_route_store_extension_request(mediate_route_store *store, uint64_t order,
                                                                    const char *department, int64_t now,
                                                                    const char *actor, int64_t minutes,
                                                                    const char *reason);
MEDIATE_EXTERN mediate_status mediate_route_store_extension_decide(mediate_route_store *store, uint64_t order,
                                                                   const char *department, int64_t now,
                                                                   const char *actor, int approve,
                                                                   const char *note);
MEDIATE_EXTERN mediate_status mediate_route_store_pause(mediate_route_store *store, uint64_t order,
                                                        const char *department, int64_t now, const char *actor,
                                                        const char *reason);
MEDIATE_EXTERN mediate_status mediate_route_store_resume(mediate_route_store *store, uint64_t order,
                                                         const char *department, int64_t now, const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_store_rate(mediate_route_store *store, uint64_t order,
                                                       const char *department, int64_t now, const char *actor,
                                                       mediate_satisfaction rating);
MEDIATE_EXTERN mediate_status mediate_route_store_confirm(mediate_route_store *store, uint64_t order, int64_t now,
                                                          const char *actor);
MEDIATE_EXTERN mediate_status mediate_route_store_reopen(mediate_route_store *store, uint64_t order, int64_t now,
                                                         const char *actor, const char *reason);
MEDIATE_EXTERN mediate_status mediate_route_store_supervise(mediate_route_store *store, uint64_t order,
                                                            int64_t now, const char *actor, int on);
MEDIATE_EXTERN mediate_status mediate_route_store_recategorize(mediate_route_store *store, uint64_t order,
                                                               int64_t now, const char *actor,
                                                               const char *category, mediate_urgency urgency);
/*
 * Hands back the due events like mediate_route_tick() and journals the
 * tick (its time and how many events it handed back), so the events are
 * handed back once across runs and the escalations persist.
 */
MEDIATE_EXTERN mediate_status mediate_route_store_tick(mediate_route_store *store, int64_t now,
                                                       mediate_route_event *events, size_t cap, size_t *count);

MEDIATE_END_DECLS

#endif /* MEDIATE_ROUTE_STORE_H */
