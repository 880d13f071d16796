/* SPDX-License-Identifier: MIT */
/*
 * Route store module: the whistle -> dispatch -> report engine journaled in
 * SQLite (include/mediate/route_store.h).
 *
 * mediate_route_store is an owned handle (_open/_close).  Every other
 * typemap it needs comes from route.i, which must be included first: the
 * audit key as bytes / byte[], the order number out-parameter, the list of
 * assisting departments, tick's events and count; uint64_t is a Java long
 * everywhere (mediate_java.i).  mediate_route_store_route lends the engine
 * as a mediate_route handle for the engine's queries (read only: a change
 * made through it would not be journaled).
 *
 * mbind_route_store_whistle, like route.i's mbind_route_whistle, raises a
 * whistle from its fields for the idiomatic layers (compiled into the
 * wrapper, not exported by libmediate), so that no mediate_whistle with
 * SWIG-copied strings is left behind.
 */
MEDIATE_HANDLE_OUT(mediate_route_store)

%include "mediate/route_store.h"

%{
static mediate_status
mbind_route_store_whistle(uint64_t *order, mediate_route_store *store, const char *unit, const char *raiser,
                          const char *category, mediate_urgency urgency, const char *place,
                          const char *description, const char *case_id, int64_t time)
{
	mediate_whistle w = MEDIATE_WHISTLE_INIT;

	w.unit = unit;
	w.raiser = raiser;
	w.category = category;
	w.urgency = urgency;
	w.place = place;
	w.description = description;
	w.case_id = case_id;
	w.time = time;
	return mediate_route_store_whistle(order, store, &w);
}
%}
mediate_status mbind_route_store_whistle(uint64_t *order, mediate_route_store *store, const char *unit,
                                         const char *raiser, const char *category, mediate_urgency urgency,
                                         const char *place, const char *description, const char *case_id,
                                         int64_t time);
