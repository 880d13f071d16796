/* SPDX-License-Identifier: MIT */
/*
 * The private layout of a case, shared by the files of the model (lib/case.c
 * the record, lib/case_mediation.c, lib/case_lifecycle.c,
 * lib/case_agreement.c) and lib/case_yaml.c (import and export).
 *
 * Every string is owned by its struct (mi_malloc'd, NUL-terminated, valid
 * UTF-8) or NULL when absent.  Times are int64_t UTC seconds; a time that
 * may be absent has a has_* flag beside it.  Arrays of pointers keep the
 * borrowed handles (mediate_party *...) stable while the arrays grow.
 *
 * Importing a case (case_yaml.c): build it with mi_case_alloc(), fill the
 * fields below using the mi_case_check_* validators (the public setters may
 * be used for the plain data), append the timeline with mi_case_push_event()
 * in order, and finish with mi_case_validate(), which checks the invariants
 * the public API keeps (state replayed from the timeline, times in order,
 * references between parties, sessions and signatures...).
 * The public setters refuse a closed case: set c->state last.
 */
#ifndef MEDIATE_CASE_PRIV_H
#define MEDIATE_CASE_PRIV_H

#include "internal.h"

struct mediate_party {
	mediate_case *owner;
	char *id;                       /* unique in the case */
	mediate_party_role role;
	mediate_party_kind kind;
	char *name;
	char *phone;                    /* or NULL */
	char *phone_masked;             /* derived from phone, or NULL */
	mediate_party_doc_type doc_type;/* 0 when no document */
	char *doc_number;               /* or NULL; resident IDs upper-case X */
	char *doc_masked;               /* derived, or NULL */
	char *address;                  /* or NULL */
	unsigned int flags;             /* MEDIATE_PARTY_* */
	char *represents;               /* agent: represented party id, or NULL */
};

struct mediate_case_mediator {
	char *id;
	char *name;
	mediate_case_mediator_role role;
};

struct mediate_case_session {
	int64_t at;
	char *place;                    /* or NULL */
	int video;
	char *notes;                    /* or NULL */
	size_t attendee_count;
	char **attendees;               /* party or mediator ids */
};

typedef struct mi_signature {
	char *signer;                   /* party id or mediator id */
	int64_t at;
} mi_signature;

struct mediate_agreement {
	int64_t drafted_at;
	char *text[MEDIATE_AGREEMENT_FIELD_COUNT + 1];   /* indexed by mediate_agreement_field; [0] unused */
	int has_deadline;
	int64_t deadline;
	size_t signature_count;
	mi_signature *signatures;       /* signing order */
	int effective;
	int64_t effective_at;           /* time of the last required signature */
	mediate_confirmation_status confirmation;  /* NONE until applied */
	char *court;                    /* or NULL */
	int64_t applied_at;             /* valid when confirmation != NONE */
	int64_t decided_at;             /* valid when VALID or INVALID */
};

struct mediate_followup {
	int64_t at;
	mediate_followup_result result;
	char *notes;                    /* or NULL */
	char *actor;
};

typedef struct mi_extension {
	int64_t new_due;
	int64_t at;
} mi_extension;

struct mediate_case_event {
	int64_t at;
	char *actor;
	char *unit;                     /* org-unit code (exists in the policy) */
	mediate_case_event_kind kind;
	mediate_case_state from, to;
	char *details;                  /* or NULL */
};

struct mediate_case {
	const mediate_policy *policy;   /* borrowed */
	mediate_id id;
	char id_text[MEDIATE_ID_BUFSIZE];
	char *number;                   /* or NULL */

	mediate_case_state state;
	int64_t received_at;
	int offset;                     /* minutes east of UTC */
	const mediate_unit *unit;       /* receiving unit */

	mediate_case_source source;     /* 0 when not set */
	char *source_ref;               /* or NULL */
	const mediate_category *category;  /* or NULL */
	char *address;                  /* or NULL */
	const mediate_unit *grid;       /* or NULL */
	int has_coordinates;
	int32_t lat, lon;               /* micro-degrees */

	char *description;              /* or NULL */
	uint32_t people_involved;
	int64_t amount;                 /* fen, >= 0 */
	unsigned int risks;             /* MEDIATE_RISK_* */
	uint32_t prior_police_calls;
	size_t tag_count;
	char **tags;

	size_t party_count;
	mediate_party **parties;

	size_t mediator_count;
	mediate_case_mediator **mediators;
	mediate_case_mode mode;         /* 0 when not set */
	size_t joint_body_count;
	const mediate_unit **joint_bodies;
	int private_hearing;
	size_t session_count;
	mediate_case_session **sessions;

	mediate_case_outcome outcome;   /* MEDIATE_OUTCOME_NONE until an outcome */
	mediate_agreement_form agreement_form;   /* when outcome is AGREEMENT */
	mediate_transfer_kind transfer_kind;     /* when outcome is TRANSFERRED */
	char *transfer_body;            /* when TRANSFERRED */
	unsigned int remediations;

	int accepted;                   /* set when the case entered assessed */
	int64_t accepted_at;            /* acceptance (or restart by re-mediation) */
	size_t extension_count;
	mi_extension *extensions;

	mediate_agreement *agreement;   /* current round's written agreement, or NULL */

	int has_followup_due;
	int64_t followup_due;
	size_t followup_count;
	mediate_followup **followups;

	size_t event_count;
	size_t event_cap;
	mediate_case_event **events;

	/* The OR of every party's flags, kept by case.c so that grading does
	 * not follow the party pointers (grade.c). */
	unsigned int party_flags_any;

	/* Grading (grade.c): levels are borrowed from the policy. */
	const struct mediate_level *computed_level;  /* last level the rules gave, or NULL */
	int64_t level_points;
	const struct mediate_level *override_level;  /* an officer's level, or NULL */
	char *override_reason;
	char *override_actor;
	int64_t override_at;

	/* The list that owns the case (mediate_case_list_append()), or NULL:
	 * a case belongs to one list at most, checked in O(1). */
	const struct mediate_case_list *owner;
};

struct mediate_case_list {
	size_t count;
	size_t cap;
	mediate_case **items;
};

/* An empty case: nil-free fresh UUID, state RECEIVED, no events, outcome NONE.
 * received_at/offset/unit must then be set by the caller. */
int mi_case_alloc(mediate_case **out, const mediate_policy *policy);

/*
 * Appends an event as given (import).  Checks strings, the unit, kind and
 * states, and that `at` is not before the previous event.  Does not change
 * the state: mi_case_validate() replays the states.
 */
/* The "format" and "version" of a YAML list of cases (mediate-case(5)). */
#define MI_CASE_LIST_FORMAT "mediate-cases"
#define MI_CASE_LIST_VERSION 1

int mi_case_push_event(mediate_case *c, int64_t at, const char *actor, const char *unit,
                       mediate_case_event_kind kind, mediate_case_state from,
                       mediate_case_state to, const char *details);

/*
 * Checks the invariants of a filled case: the first event is RECEIVED at
 * received_at, transitions chain and are allowed by the table, the final
 * state equals c->state, outcome fields match the state, signatures refer
 * to parties/mediators, attendees exist, party ids unique, limits.
 * Returns 0 or an error code with the thread's last error set (its text
 * names the offending field).
 */
int mi_case_validate(const mediate_case *c);

/* Validators (0 or a code; they set the thread's last error). */
int mi_case_check_name(const char *what, const char *s);   /* 1..256 bytes, no control chars */
int mi_case_check_text(const char *what, const char *s);   /* 1..64 KiB, newline/tab allowed */
int mi_case_check_ident(const char *what, const char *s);  /* 1..64 of [A-Za-z0-9_.-] */
int mi_case_check_phone(const char *s);
/* Unified social credit code (GB 32100-2015) check character. */
int mi_credit_code_check(const char *s);
/* Masked forms into new strings (mi_free). */
char *mi_case_mask_phone(const char *phone);
char *mi_case_mask_document(const char *number);

/*
 * Helpers shared by the files of the case record (case.c, case_mediation.c,
 * case_lifecycle.c, case_agreement.c).  Internal: not exported.
 */

/*
 * A pending change: up to two events, prepared before the case changes and
 * committed after.  Room in the timeline is reserved by pending_prepare.
 */
typedef struct mi_case_pending {
	mediate_case_event *ev[2];
	size_t n;
} mi_case_pending;

int mi_case_check_actor_text(const char *actor);
int mi_case_check_details(const char *details);
int mi_case_grow(void *arrp, size_t count, size_t max, const char *what);
void mi_case_event_free(mediate_case_event *e);
mediate_case_event *mi_case_event_make(int64_t at, const char *actor, const char *unit,
                                       mediate_case_event_kind kind, mediate_case_state from,
                                       mediate_case_state to, const char *details);
int mi_case_events_reserve(mediate_case *c, size_t n);
int mi_case_check_action(const mediate_case *c, int64_t at, const char *actor,
                         const char *actor_unit);
int mi_case_pending_add(mi_case_pending *p, int64_t at, const char *actor, const char *unit,
                        mediate_case_event_kind kind, mediate_case_state from,
                        mediate_case_state to, const char *details);
void mi_case_pending_discard(mi_case_pending *p);
void mi_case_pending_commit(mediate_case *c, mi_case_pending *p);
int mi_case_pending_one(mediate_case *c, mi_case_pending *p, int64_t at, const char *actor,
                        const char *unit, mediate_case_event_kind kind, const char *details);
char *mi_case_join_details(const char *prefix, const char *details);
void mi_case_mediator_free(mediate_case_mediator *m);
void mi_case_session_free(mediate_case_session *s);
void mi_case_agreement_free(mediate_agreement *a);
void mi_case_followup_free(mediate_followup *f);
int mi_case_check_editable(const mediate_case *c, const char *what);
size_t mi_case_party_index(const mediate_case *c, const char *id);
size_t mi_case_mediator_index(const mediate_case *c, const char *id);
const mediate_case_mediator *mi_case_lead_mediator(const mediate_case *c);
int mi_case_referenced(const mediate_case *c, const char *id);
int mi_case_nonagent_party_count(const mediate_case *c);
int mi_case_is_required_signer(const mediate_case *c, const char *id);
size_t mi_case_required_signers(const mediate_case *c);
int mi_case_confirmation_due(int64_t *out, const mediate_case *c);

#endif /* MEDIATE_CASE_PRIV_H */
