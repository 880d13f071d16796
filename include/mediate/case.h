/* SPDX-License-Identifier: MIT */
/*
 * libmediate: the case (one dispute) and its lifecycle.
 *
 * A mediate_case is the record a people's mediation committee keeps of one
 * dispute: where it came from, the parties, the facts, the mediators and
 * their sessions, the outcome, the written agreement with its signatures and
 * judicial confirmation, the follow-up visits, and a timeline of every event.
 *
 * A case is bound to a loaded policy (borrowed: the policy must outlive the
 * case); category and org-unit codes are checked against it.  The case moves
 * through a state machine (mediate_case_transition(3) prints the table); an
 * impossible transition returns MEDIATE_ESTATE and changes nothing.  Every
 * lifecycle action appends to the timeline; nothing in the timeline is ever
 * rewritten, and its times never go backwards.
 *
 * Conventions: every function that can fail returns a mediate_status and
 * changes nothing when it fails; NULL arguments give MEDIATE_EINVAL; strings
 * are UTF-8 (checked; control characters are refused except newline and tab
 * in free text); getters return borrowed pointers valid until the case is
 * changed or freed.  Handles of parties, mediators, sessions, follow-ups and
 * events (mediate_party and so on) are borrowed from the case.
 *
 * Actions take the time they happened (at, int64_t UTC seconds) and the
 * actor: a user id (free text, 1..64 bytes) and the actor's org-unit code
 * (must exist in the policy).
 */
#ifndef MEDIATE_CASE_H
#define MEDIATE_CASE_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/id.h"
#include "mediate/load.h"
#include "mediate/policy.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_case mediate_case;
typedef struct mediate_case_list mediate_case_list;
typedef struct mediate_party mediate_party;
typedef struct mediate_case_mediator mediate_case_mediator;
typedef struct mediate_case_session mediate_case_session;
typedef struct mediate_agreement mediate_agreement;
typedef struct mediate_followup mediate_followup;
typedef struct mediate_case_event mediate_case_event;

/* ---- limits (documented; beyond them MEDIATE_ELIMIT) -------------------- */

#define MEDIATE_CASE_MAX_PARTIES 1000u
#define MEDIATE_CASE_MAX_MEDIATORS 32u
#define MEDIATE_CASE_MAX_SESSIONS 1000u
#define MEDIATE_CASE_MAX_ATTENDEES 1032u     /* per session */
#define MEDIATE_CASE_MAX_TAGS 64u
#define MEDIATE_CASE_MAX_JOINT_BODIES 16u
#define MEDIATE_CASE_MAX_FOLLOWUPS 100u
#define MEDIATE_CASE_MAX_EXTENSIONS 12u
#define MEDIATE_CASE_MAX_EVENTS 20000u
#define MEDIATE_CASE_MAX_NAME_BYTES 256u      /* names, ids, phones, addresses, bodies */
#define MEDIATE_CASE_MAX_TEXT_BYTES 65536u    /* description, notes, agreement texts */
#define MEDIATE_CASE_MAX_ID_BYTES 64u         /* party ids, mediator ids, user ids, tags */
/* Case number: "<unit code>-<year>-<6 digits>", e.g. "YZ-SJ-2026-000123". */
#define MEDIATE_CASE_NUMBER_BUFSIZE 96
#define MEDIATE_CASE_SEQUENCE_MAX 999999u
/* Enough for a masked phone or document number and its NUL. */
#define MEDIATE_MASK_BUFSIZE 260

/* ---- enumerations (only ever appended; 0 is never a valid value) -------- */

typedef enum mediate_case_state {
	MEDIATE_CASE_RECEIVED = 1,
	MEDIATE_CASE_ASSESSED = 2,      /* accepted for mediation: the time limit starts */
	MEDIATE_CASE_ASSIGNED = 3,
	MEDIATE_CASE_IN_MEDIATION = 4,
	MEDIATE_CASE_AGREEMENT = 5,
	MEDIATE_CASE_FAILED = 6,
	MEDIATE_CASE_WITHDRAWN = 7,
	MEDIATE_CASE_TRANSFERRED = 8,
	MEDIATE_CASE_FOLLOW_UP = 9,
	MEDIATE_CASE_CLOSED = 10
} mediate_case_state;
#define MEDIATE_CASE_STATE_COUNT 10

typedef enum mediate_case_source {
	MEDIATE_SOURCE_POLICE_110 = 1,          /* 110 call handed over; reference = incident number */
	MEDIATE_SOURCE_WALK_IN = 2,
	MEDIATE_SOURCE_ONLINE_BOOKING = 3,
	MEDIATE_SOURCE_HOTLINE = 4,
	MEDIATE_SOURCE_COURT_REFERRAL = 5,
	MEDIATE_SOURCE_PETITION_REFERRAL = 6,
	MEDIATE_SOURCE_GRID_REFERRAL = 7,
	MEDIATE_SOURCE_PROACTIVE_SCREENING = 8
} mediate_case_source;

typedef enum mediate_party_role {
	MEDIATE_PARTY_APPLICANT = 1,
	MEDIATE_PARTY_RESPONDENT = 2,
	MEDIATE_PARTY_THIRD_PARTY = 3,
	MEDIATE_PARTY_AGENT = 4          /* represents another party; does not sign */
} mediate_party_role;

typedef enum mediate_party_kind {
	MEDIATE_PARTY_PERSON = 1,
	MEDIATE_PARTY_ORGANISATION = 2
} mediate_party_kind;

typedef enum mediate_party_doc_type {
	MEDIATE_DOC_RESIDENT_ID = 1,     /* mainland 18-digit ID: check digit and birth date verified */
	MEDIATE_DOC_PASSPORT = 2,
	MEDIATE_DOC_HK_MACAO_PERMIT = 3,
	MEDIATE_DOC_TAIWAN_PERMIT = 4,
	MEDIATE_DOC_FOREIGN_RESIDENT = 5,
	MEDIATE_DOC_CREDIT_CODE = 6,     /* unified social credit code: GB 32100 check character verified */
	MEDIATE_DOC_OTHER = 7
} mediate_party_doc_type;

/* Party flags (bits). */
#define MEDIATE_PARTY_MINOR     0x01u
#define MEDIATE_PARTY_ELDERLY   0x02u
#define MEDIATE_PARTY_DISABLED  0x04u
#define MEDIATE_PARTY_NON_LOCAL 0x08u
#define MEDIATE_PARTY_FLAGS_ALL 0x0Fu

/* Risk flags of a case (bits). */
#define MEDIATE_RISK_VIOLENCE_THREAT  0x01u
#define MEDIATE_RISK_REPEAT_PETITION  0x02u
#define MEDIATE_RISK_MASS_INCIDENT    0x04u
#define MEDIATE_RISK_MEDIA_ATTENTION  0x08u
#define MEDIATE_RISK_VULNERABLE_PARTY 0x10u
#define MEDIATE_RISK_ALL              0x1Fu

typedef enum mediate_case_mediator_role {
	MEDIATE_MEDIATOR_LEAD = 1,       /* at most one per case */
	MEDIATE_MEDIATOR_CO_MEDIATOR = 2,
	MEDIATE_MEDIATOR_EXPERT = 3
} mediate_case_mediator_role;

typedef enum mediate_case_mode {
	MEDIATE_MODE_ON_THE_SPOT = 1,    /* at the station's mediation studio */
	MEDIATE_MODE_THINK_TANK = 2,
	MEDIATE_MODE_JOINT = 3,          /* with the bodies of mediate_case_add_joint_body() */
	MEDIATE_MODE_REMOTE_VIDEO = 4,
	MEDIATE_MODE_MOBILE = 5          /* door to door */
} mediate_case_mode;

typedef enum mediate_case_outcome {
	MEDIATE_OUTCOME_NONE = 1,
	MEDIATE_OUTCOME_AGREEMENT = 2,
	MEDIATE_OUTCOME_FAILED = 3,
	MEDIATE_OUTCOME_WITHDRAWN = 4,
	MEDIATE_OUTCOME_TRANSFERRED = 5
} mediate_case_outcome;

typedef enum mediate_agreement_form {
	MEDIATE_AGREEMENT_WRITTEN = 1,
	MEDIATE_AGREEMENT_ORAL = 2
} mediate_agreement_form;

typedef enum mediate_transfer_kind {
	MEDIATE_TRANSFER_LITIGATION = 1,
	MEDIATE_TRANSFER_ARBITRATION = 2,
	MEDIATE_TRANSFER_ADMINISTRATIVE = 3
} mediate_transfer_kind;

/* The contents of a written agreement (People's Mediation Law, art. 29). */
typedef enum mediate_agreement_field {
	MEDIATE_AGREEMENT_FACTS = 1,
	MEDIATE_AGREEMENT_ISSUES = 2,
	MEDIATE_AGREEMENT_RESPONSIBILITIES = 3,
	MEDIATE_AGREEMENT_TERMS = 4,
	MEDIATE_AGREEMENT_PERFORMANCE_MANNER = 5,
	MEDIATE_AGREEMENT_PERFORMANCE_PLACE = 6
} mediate_agreement_field;
#define MEDIATE_AGREEMENT_FIELD_COUNT 6

typedef enum mediate_confirmation_status {
	MEDIATE_CONFIRMATION_NONE = 1,
	MEDIATE_CONFIRMATION_APPLIED = 2,
	MEDIATE_CONFIRMATION_VALID = 3,    /* the agreement is enforceable */
	MEDIATE_CONFIRMATION_INVALID = 4   /* re-mediation or litigation follows */
} mediate_confirmation_status;

typedef enum mediate_followup_result {
	MEDIATE_FOLLOWUP_PERFORMED = 1,
	MEDIATE_FOLLOWUP_PARTLY = 2,
	MEDIATE_FOLLOWUP_NOT_PERFORMED = 3
} mediate_followup_result;

typedef enum mediate_case_event_kind {
	MEDIATE_EVENT_RECEIVED = 1,
	MEDIATE_EVENT_TRANSITION = 2,
	MEDIATE_EVENT_MEDIATOR_ASSIGNED = 3,
	MEDIATE_EVENT_MEDIATOR_REMOVED = 4,
	MEDIATE_EVENT_SESSION = 5,
	MEDIATE_EVENT_EXTENSION = 6,
	MEDIATE_EVENT_AGREEMENT_DRAFTED = 7,
	MEDIATE_EVENT_AGREEMENT_SIGNED = 8,
	MEDIATE_EVENT_AGREEMENT_EFFECTIVE = 9,
	MEDIATE_EVENT_CONFIRMATION_APPLIED = 10,
	MEDIATE_EVENT_CONFIRMATION_DECIDED = 11,
	MEDIATE_EVENT_FOLLOWUP_SCHEDULED = 12,
	MEDIATE_EVENT_FOLLOWUP_VISIT = 13,
	MEDIATE_EVENT_NOTE = 14,
	MEDIATE_EVENT_GRADED = 15,           /* pre-assessment put the case in a level (grade.h) */
	MEDIATE_EVENT_LEVEL_OVERRIDE = 16,   /* an officer set the level by hand */
	MEDIATE_EVENT_OVERRIDE_CLEARED = 17  /* the officer's level was withdrawn */
} mediate_case_event_kind;

/*
 * Enum <-> string.  Names are the lower-case identifiers used in YAML
 * ("in_mediation", "police_110", "third_party", ...).  *_name returns a
 * static string, or NULL for a value out of range; *_parse returns
 * MEDIATE_EINVAL for an unknown name and leaves *out untouched.
 */
MEDIATE_EXTERN const char *mediate_case_state_name(mediate_case_state state);
MEDIATE_EXTERN mediate_status mediate_case_state_parse(mediate_case_state *out, const char *name);
MEDIATE_EXTERN const char *mediate_case_source_name(mediate_case_source source);
MEDIATE_EXTERN mediate_status mediate_case_source_parse(mediate_case_source *out, const char *name);
MEDIATE_EXTERN const char *mediate_party_role_name(mediate_party_role role);
MEDIATE_EXTERN mediate_status mediate_party_role_parse(mediate_party_role *out, const char *name);
MEDIATE_EXTERN const char *mediate_party_kind_name(mediate_party_kind kind);
MEDIATE_EXTERN mediate_status mediate_party_kind_parse(mediate_party_kind *out, const char *name);
MEDIATE_EXTERN const char *mediate_party_doc_type_name(mediate_party_doc_type type);
MEDIATE_EXTERN mediate_status mediate_party_doc_type_parse(mediate_party_doc_type *out, const char *name);
/* One flag bit: "minor", "elderly", "disabled", "non_local". */
MEDIATE_EXTERN const char *mediate_party_flag_name(unsigned int flag);
MEDIATE_EXTERN mediate_status mediate_party_flag_parse(unsigned int *out, const char *name);
/* One risk bit: "violence_threat", "repeat_petition", "mass_incident",
 * "media_attention", "vulnerable_party". */
MEDIATE_EXTERN const char *mediate_case_risk_name(unsigned int flag);
MEDIATE_EXTERN mediate_status mediate_case_risk_parse(unsigned int *out, const char *name);
MEDIATE_EXTERN const char *mediate_case_mediator_role_name(mediate_case_mediator_role role);
MEDIATE_EXTERN mediate_status mediate_case_mediator_role_parse(mediate_case_mediator_role *out, const char *name);
MEDIATE_EXTERN const char *mediate_case_mode_name(mediate_case_mode mode);
MEDIATE_EXTERN mediate_status mediate_case_mode_parse(mediate_case_mode *out, const char *name);
MEDIATE_EXTERN const char *mediate_case_outcome_name(mediate_case_outcome outcome);
MEDIATE_EXTERN mediate_status mediate_case_outcome_parse(mediate_case_outcome *out, const char *name);
MEDIATE_EXTERN const char *mediate_agreement_form_name(mediate_agreement_form form);
MEDIATE_EXTERN mediate_status mediate_agreement_form_parse(mediate_agreement_form *out, const char *name);
MEDIATE_EXTERN const char *mediate_transfer_kind_name(mediate_transfer_kind kind);
MEDIATE_EXTERN mediate_status mediate_transfer_kind_parse(mediate_transfer_kind *out, const char *name);
/* "facts", "issues", "responsibilities", "terms", "performance_manner", "performance_place". */
MEDIATE_EXTERN const char *mediate_agreement_field_name(mediate_agreement_field field);
MEDIATE_EXTERN mediate_status mediate_agreement_field_parse(mediate_agreement_field *out, const char *name);
MEDIATE_EXTERN const char *mediate_confirmation_status_name(mediate_confirmation_status status);
MEDIATE_EXTERN mediate_status mediate_confirmation_status_parse(mediate_confirmation_status *out, const char *name);
MEDIATE_EXTERN const char *mediate_followup_result_name(mediate_followup_result result);
MEDIATE_EXTERN mediate_status mediate_followup_result_parse(mediate_followup_result *out, const char *name);
MEDIATE_EXTERN const char *mediate_case_event_kind_name(mediate_case_event_kind kind);
MEDIATE_EXTERN mediate_status mediate_case_event_kind_parse(mediate_case_event_kind *out, const char *name);

/* ---- personal data helpers -------------------------------------------- */

/*
 * Checks a mainland resident ID number: 18 characters, 17 digits and an ISO
 * 7064 MOD 11-2 check character (0-9 or X; a lower-case x is accepted), a
 * known province code and a real birth date (1900-01-01 .. 2099-12-31).
 * Returns 0 or MEDIATE_EVALIDATE (the thread's last error says why).
 */
MEDIATE_EXTERN mediate_status mediate_resident_id_check(const char *number);
/* The birth date in a valid resident ID number. */
MEDIATE_EXTERN mediate_status mediate_resident_id_birth_date(int *year, int *month, int *day,
                                                             const char *number);
/*
 * Masks a phone number for display: the first three and last four
 * characters stay, the rest become '*' ("13812345678" -> "138****5678");
 * numbers shorter than eight characters keep only their last two.
 */
MEDIATE_EXTERN mediate_status mediate_mask_phone(char *buf, size_t size, const char *phone);
/* Masks a document number: only the last four characters stay
 * ("330203198001011234" -> "**************1234"). */
MEDIATE_EXTERN mediate_status mediate_mask_document(char *buf, size_t size, const char *number);

/* ---- the case ----------------------------------------------------------- */

/*
 * A new case in state MEDIATE_CASE_RECEIVED with a fresh UUID, received at
 * received_at by the org unit unit_code, whose wall clock is offset_minutes
 * east of UTC (MEDIATE_OFFSET_CST in the sample county; used for the year of
 * the case number and for calendar deadlines).  The timeline starts with a
 * MEDIATE_EVENT_RECEIVED event by actor (a user id) of that unit.
 * The caller owns *out and frees it with mediate_case_free().
 */
MEDIATE_EXTERN mediate_status mediate_case_new(mediate_case **out, const mediate_policy *policy,
                                               const char *unit_code, int64_t received_at,
                                               int offset_minutes, const char *actor);
MEDIATE_EXTERN void mediate_case_free(mediate_case *c);
/* A deep copy bound to the same policy; the caller owns *out. */
MEDIATE_EXTERN mediate_status mediate_case_clone(mediate_case **out, const mediate_case *c);

MEDIATE_EXTERN const mediate_policy *mediate_case_policy(const mediate_case *c);
MEDIATE_EXTERN const mediate_id *mediate_case_id(const mediate_case *c);
/* Canonical lower-case UUID text. */
MEDIATE_EXTERN const char *mediate_case_id_text(const mediate_case *c);
/* Replaces the UUID (for records coming from a store); nil is refused. */
MEDIATE_EXTERN mediate_status mediate_case_set_id(mediate_case *c, const mediate_id *id);

/* Writes "<unit>-<year>-<sequence, 6 digits>"; sequence 1..999999. */
MEDIATE_EXTERN mediate_status mediate_case_number_format(char *buf, size_t size, const char *unit_code,
                                                         int year, uint32_t sequence);
/*
 * Gives the case its number from the receiving unit, the year of the
 * received time at the case's offset and a sequence the caller (or the
 * store) counts.  A case is numbered once: MEDIATE_EEXISTS afterwards.
 */
MEDIATE_EXTERN mediate_status mediate_case_assign_number(mediate_case *c, uint32_t sequence);
/* Sets a number given as text (checked: known unit code, year, 6 digits); once only. */
MEDIATE_EXTERN mediate_status mediate_case_set_number(mediate_case *c, const char *number);
/* The number, or NULL when none is assigned yet. */
MEDIATE_EXTERN const char *mediate_case_number(const mediate_case *c);

MEDIATE_EXTERN mediate_case_state mediate_case_get_state(const mediate_case *c);
MEDIATE_EXTERN int64_t mediate_case_received_at(const mediate_case *c);
MEDIATE_EXTERN int mediate_case_offset(const mediate_case *c);
MEDIATE_EXTERN const mediate_unit *mediate_case_unit(const mediate_case *c);

/* Source channel; reference is the 110 incident number (required for
 * MEDIATE_SOURCE_POLICE_110) or a referral number (optional, NULL). */
MEDIATE_EXTERN mediate_status mediate_case_set_source(mediate_case *c, mediate_case_source source,
                                                      const char *reference);
/* 0 when not set yet. */
MEDIATE_EXTERN mediate_case_source mediate_case_get_source(const mediate_case *c);
MEDIATE_EXTERN const char *mediate_case_source_ref(const mediate_case *c);

/* Category code from the policy taxonomy; MEDIATE_ENOTFOUND if unknown. */
MEDIATE_EXTERN mediate_status mediate_case_set_category(mediate_case *c, const char *code);
/* NULL when not set yet. */
MEDIATE_EXTERN const mediate_category *mediate_case_category(const mediate_case *c);

/* Place: address text, grid (org-unit code), optional coordinates in
 * micro-degrees (fixed point: 29.857000 N -> 29857000; WGS-84 as given). */
MEDIATE_EXTERN mediate_status mediate_case_set_address(mediate_case *c, const char *address);
MEDIATE_EXTERN const char *mediate_case_address(const mediate_case *c);
MEDIATE_EXTERN mediate_status mediate_case_set_grid(mediate_case *c, const char *unit_code);
MEDIATE_EXTERN const mediate_unit *mediate_case_grid(const mediate_case *c);
MEDIATE_EXTERN mediate_status mediate_case_set_coordinates(mediate_case *c, int32_t lat_micro,
                                                           int32_t lon_micro);
MEDIATE_EXTERN mediate_status mediate_case_clear_coordinates(mediate_case *c);
/* MEDIATE_ENOTFOUND when the case has no coordinates. */
MEDIATE_EXTERN mediate_status mediate_case_coordinates(int32_t *lat_micro, int32_t *lon_micro,
                                                       const mediate_case *c);

/* ---- facts -------------------------------------------------------------- */

MEDIATE_EXTERN mediate_status mediate_case_set_description(mediate_case *c, const char *text);
/* The same with an explicit length: a NUL byte inside is refused (MEDIATE_EUTF8). */
MEDIATE_EXTERN mediate_status mediate_case_set_description_len(mediate_case *c, const char *text,
                                                               size_t len);
MEDIATE_EXTERN const char *mediate_case_description(const mediate_case *c);
MEDIATE_EXTERN mediate_status mediate_case_set_people_involved(mediate_case *c, uint32_t count);
MEDIATE_EXTERN uint32_t mediate_case_people_involved(const mediate_case *c);
/* Amount in dispute in fen; negative amounts give MEDIATE_ERANGE. */
MEDIATE_EXTERN mediate_status mediate_case_set_amount(mediate_case *c, int64_t fen);
MEDIATE_EXTERN int64_t mediate_case_amount(const mediate_case *c);
/* MEDIATE_RISK_* bits; unknown bits give MEDIATE_EINVAL. */
MEDIATE_EXTERN mediate_status mediate_case_set_risks(mediate_case *c, unsigned int risks);
MEDIATE_EXTERN unsigned int mediate_case_risks(const mediate_case *c);
MEDIATE_EXTERN mediate_status mediate_case_set_prior_police_calls(mediate_case *c, uint32_t count);
MEDIATE_EXTERN uint32_t mediate_case_prior_police_calls(const mediate_case *c);
/* Free tags, unique (MEDIATE_EEXISTS), 1..64 bytes, no control characters. */
MEDIATE_EXTERN mediate_status mediate_case_add_tag(mediate_case *c, const char *tag);
MEDIATE_EXTERN mediate_status mediate_case_remove_tag(mediate_case *c, const char *tag);
MEDIATE_EXTERN size_t mediate_case_tag_count(const mediate_case *c);
MEDIATE_EXTERN const char *mediate_case_tag_at(const mediate_case *c, size_t index);

/* ---- parties ------------------------------------------------------------ */

/*
 * Adds a party.  party_id (1..64 of [A-Za-z0-9_.-]) is unique in the case
 * (MEDIATE_EEXISTS); name is required.  Refused with MEDIATE_ESTATE once a
 * written agreement has a signature.  Details are set by the
 * mediate_case_party_set_* functions, which find the party by its id.
 */
MEDIATE_EXTERN mediate_status mediate_case_add_party(mediate_case *c, const char *party_id,
                                                     mediate_party_role role, mediate_party_kind kind,
                                                     const char *name);
/* Removes a party nobody refers to (a session or a signature: MEDIATE_ESTATE). */
MEDIATE_EXTERN mediate_status mediate_case_remove_party(mediate_case *c, const char *party_id);
MEDIATE_EXTERN mediate_status mediate_case_party_set_name(mediate_case *c, const char *party_id,
                                                          const char *name);
MEDIATE_EXTERN mediate_status mediate_case_party_set_role(mediate_case *c, const char *party_id,
                                                          mediate_party_role role);
MEDIATE_EXTERN mediate_status mediate_case_party_set_kind(mediate_case *c, const char *party_id,
                                                          mediate_party_kind kind);
/* Phone: 3..32 characters of digits, spaces, '+', '-', '(', ')'; NULL clears. */
MEDIATE_EXTERN mediate_status mediate_case_party_set_phone(mediate_case *c, const char *party_id,
                                                           const char *phone);
/*
 * Identity document.  MEDIATE_DOC_RESIDENT_ID numbers are checked as by
 * mediate_resident_id_check() and their birth date may not be after the
 * received time; other types are stored as given (printable ASCII, 1..64).
 * A NULL number clears the document.
 */
MEDIATE_EXTERN mediate_status mediate_case_party_set_document(mediate_case *c, const char *party_id,
                                                              mediate_party_doc_type type,
                                                              const char *number);
MEDIATE_EXTERN mediate_status mediate_case_party_set_address(mediate_case *c, const char *party_id,
                                                             const char *address);
/* MEDIATE_PARTY_* bits; unknown bits give MEDIATE_EINVAL. */
MEDIATE_EXTERN mediate_status mediate_case_party_set_flags(mediate_case *c, const char *party_id,
                                                           unsigned int flags);
/* For an agent: the id of the party represented (NULL clears). */
MEDIATE_EXTERN mediate_status mediate_case_party_set_represents(mediate_case *c, const char *party_id,
                                                                const char *represented_id);

MEDIATE_EXTERN size_t mediate_case_party_count(const mediate_case *c);
MEDIATE_EXTERN const mediate_party *mediate_case_party_at(const mediate_case *c, size_t index);
MEDIATE_EXTERN const mediate_party *mediate_case_party_find(const mediate_case *c, const char *party_id);

MEDIATE_EXTERN const char *mediate_party_id(const mediate_party *p);
MEDIATE_EXTERN mediate_party_role mediate_party_get_role(const mediate_party *p);
MEDIATE_EXTERN mediate_party_kind mediate_party_get_kind(const mediate_party *p);
MEDIATE_EXTERN const char *mediate_party_name(const mediate_party *p);
/* Personal data: the full phone and its masked form ("138****5678"); NULL if none. */
MEDIATE_EXTERN const char *mediate_party_phone(const mediate_party *p);
MEDIATE_EXTERN const char *mediate_party_phone_masked(const mediate_party *p);
/* 0 when the party has no document. */
MEDIATE_EXTERN mediate_party_doc_type mediate_party_doc_type_of(const mediate_party *p);
MEDIATE_EXTERN const char *mediate_party_document(const mediate_party *p);
MEDIATE_EXTERN const char *mediate_party_document_masked(const mediate_party *p);
MEDIATE_EXTERN const char *mediate_party_address(const mediate_party *p);
MEDIATE_EXTERN unsigned int mediate_party_flags(const mediate_party *p);
MEDIATE_EXTERN const char *mediate_party_represents(const mediate_party *p);

/* ---- mediation ---------------------------------------------------------- */

/*
 * Assigns a mediator (mediator_id: the roster id, 1..64 of [A-Za-z0-9_.-];
 * name as shown).  At most one lead (MEDIATE_EEXISTS), ids unique.  Allowed
 * in states received .. in_mediation.  Appends MEDIATE_EVENT_MEDIATOR_ASSIGNED.
 */
MEDIATE_EXTERN mediate_status mediate_case_add_mediator(mediate_case *c, const char *mediator_id,
                                                        const char *name,
                                                        mediate_case_mediator_role role, int64_t at,
                                                        const char *actor, const char *actor_unit);
/* Removes a mediator who has not signed; appends MEDIATE_EVENT_MEDIATOR_REMOVED. */
MEDIATE_EXTERN mediate_status mediate_case_remove_mediator(mediate_case *c, const char *mediator_id,
                                                           int64_t at, const char *actor,
                                                           const char *actor_unit, const char *details);
MEDIATE_EXTERN size_t mediate_case_mediator_count(const mediate_case *c);
MEDIATE_EXTERN const mediate_case_mediator *mediate_case_mediator_at(const mediate_case *c, size_t index);
MEDIATE_EXTERN const mediate_case_mediator *mediate_case_mediator_find(const mediate_case *c,
                                                                       const char *mediator_id);
MEDIATE_EXTERN const char *mediate_case_mediator_id(const mediate_case_mediator *m);
MEDIATE_EXTERN const char *mediate_case_mediator_name(const mediate_case_mediator *m);
MEDIATE_EXTERN mediate_case_mediator_role mediate_case_mediator_get_role(const mediate_case_mediator *m);

MEDIATE_EXTERN mediate_status mediate_case_set_mode(mediate_case *c, mediate_case_mode mode);
/* 0 when not set yet. */
MEDIATE_EXTERN mediate_case_mode mediate_case_get_mode(const mediate_case *c);
/* Joint mediation bodies (court, industry association...): org-unit codes, unique. */
MEDIATE_EXTERN mediate_status mediate_case_add_joint_body(mediate_case *c, const char *unit_code);
MEDIATE_EXTERN mediate_status mediate_case_remove_joint_body(mediate_case *c, const char *unit_code);
MEDIATE_EXTERN size_t mediate_case_joint_body_count(const mediate_case *c);
MEDIATE_EXTERN const mediate_unit *mediate_case_joint_body_at(const mediate_case *c, size_t index);
/* Private hearing (不公开调解): 1 or 0. */
MEDIATE_EXTERN mediate_status mediate_case_set_private_hearing(mediate_case *c, int on);
MEDIATE_EXTERN int mediate_case_private_hearing(const mediate_case *c);

/*
 * Records a mediation session held at `at` (state in_mediation only): place
 * text, or video != 0 for a remote video session (place may then name the
 * room); notes (笔录) may be NULL.  Appends MEDIATE_EVENT_SESSION; *index,
 * if not NULL, receives the session's index for adding attendees.
 */
MEDIATE_EXTERN mediate_status mediate_case_add_session(mediate_case *c, size_t *index, int64_t at,
                                                       const char *place, int video, const char *notes,
                                                       const char *actor, const char *actor_unit);
/* Adds an attendee (a party id or a mediator id of the case) to a session. */
MEDIATE_EXTERN mediate_status mediate_case_session_add_attendee(mediate_case *c, size_t session,
                                                                const char *who);
MEDIATE_EXTERN size_t mediate_case_session_count(const mediate_case *c);
MEDIATE_EXTERN const mediate_case_session *mediate_case_session_at(const mediate_case *c, size_t index);
MEDIATE_EXTERN int64_t mediate_case_session_time(const mediate_case_session *s);
MEDIATE_EXTERN const char *mediate_case_session_place(const mediate_case_session *s);
MEDIATE_EXTERN int mediate_case_session_is_video(const mediate_case_session *s);
MEDIATE_EXTERN const char *mediate_case_session_notes(const mediate_case_session *s);
MEDIATE_EXTERN size_t mediate_case_session_attendee_count(const mediate_case_session *s);
MEDIATE_EXTERN const char *mediate_case_session_attendee_at(const mediate_case_session *s, size_t index);

/* ---- lifecycle ---------------------------------------------------------- */

/*
 * 1 when the transition table allows from -> to, else 0.  The table is
 * printed in mediate_case_transition(3).
 */
MEDIATE_EXTERN int mediate_case_transition_allowed(mediate_case_state from, mediate_case_state to);

/*
 * Moves the case to `to` and appends a MEDIATE_EVENT_TRANSITION event.
 * MEDIATE_ESTATE when the table forbids it or a precondition fails
 * (assigned / in_mediation need a lead mediator; in_mediation needs a mode,
 * and joint mode a joint body; follow_up / closed after a written agreement
 * need it effective; after an invalid judicial confirmation only
 * in_mediation or transferred).  Agreement and transferred have their own
 * functions (MEDIATE_EINVAL here).  in_mediation from agreement or follow_up
 * is re-mediation: the agreement and outcome are cleared (the timeline
 * keeps them) and the time limit restarts.  MEDIATE_ERANGE when `at` is
 * before the last event.
 */
MEDIATE_EXTERN mediate_status mediate_case_transition(mediate_case *c, mediate_case_state to, int64_t at,
                                                      const char *actor, const char *actor_unit,
                                                      const char *details);
/* in_mediation -> agreement, written or oral. */
MEDIATE_EXTERN mediate_status mediate_case_reach_agreement(mediate_case *c, mediate_agreement_form form,
                                                           int64_t at, const char *actor,
                                                           const char *actor_unit, const char *details);
/* -> transferred to a receiving body (free text, e.g. "宁波市鄞州区人民法院"). */
MEDIATE_EXTERN mediate_status mediate_case_transfer(mediate_case *c, mediate_transfer_kind kind,
                                                    const char *body, int64_t at, const char *actor,
                                                    const char *actor_unit, const char *details);
/* Appends a MEDIATE_EVENT_NOTE (any state, closed included). */
MEDIATE_EXTERN mediate_status mediate_case_add_note(mediate_case *c, int64_t at, const char *actor,
                                                    const char *actor_unit, const char *text);

MEDIATE_EXTERN mediate_case_outcome mediate_case_get_outcome(const mediate_case *c);
/* 0 unless the outcome is an agreement. */
MEDIATE_EXTERN mediate_agreement_form mediate_case_agreement_form(const mediate_case *c);
/* 0 / NULL unless the outcome is a transfer. */
MEDIATE_EXTERN mediate_transfer_kind mediate_case_transfer_kind(const mediate_case *c);
MEDIATE_EXTERN const char *mediate_case_transfer_body(const mediate_case *c);
MEDIATE_EXTERN unsigned int mediate_case_remediation_count(const mediate_case *c);

/* ---- deadlines ---------------------------------------------------------- */

/* When the case was accepted (entered assessed, or restarted by re-mediation);
 * MEDIATE_ENOTFOUND before. */
MEDIATE_EXTERN mediate_status mediate_case_accepted_at(int64_t *out, const mediate_case *c);
/*
 * The mediation time limit: one calendar month after acceptance at the
 * case's offset (mediate_time_add_months(3): Jan 31 -> Feb 28/29), or the
 * latest extension.  MEDIATE_ENOTFOUND before acceptance.
 */
MEDIATE_EXTERN mediate_status mediate_case_mediation_due(int64_t *out, const mediate_case *c);
/*
 * Records an extension the parties agreed to: new_due must be later than the
 * current due time; states assessed .. in_mediation.  Appends
 * MEDIATE_EVENT_EXTENSION.
 */
MEDIATE_EXTERN mediate_status mediate_case_extend(mediate_case *c, int64_t new_due, int64_t at,
                                                  const char *actor, const char *actor_unit,
                                                  const char *details);
MEDIATE_EXTERN size_t mediate_case_extension_count(const mediate_case *c);
/* The due time set by extension index (0 = first). */
MEDIATE_EXTERN mediate_status mediate_case_extension_at(int64_t *new_due, int64_t *at,
                                                        const mediate_case *c, size_t index);
/* 1 when the case is in received .. in_mediation and now is after the due time. */
MEDIATE_EXTERN int mediate_case_is_overdue(const mediate_case *c, int64_t now);

/* ---- the written agreement --------------------------------------------- */

/*
 * Starts the written agreement (state agreement, form written; once per
 * round of mediation).  Appends MEDIATE_EVENT_AGREEMENT_DRAFTED.
 */
MEDIATE_EXTERN mediate_status mediate_case_draft_agreement(mediate_case *c, int64_t at, const char *actor,
                                                           const char *actor_unit);
/* Contents; refused (MEDIATE_ESTATE) after the first signature. */
MEDIATE_EXTERN mediate_status mediate_case_agreement_set_text(mediate_case *c, mediate_agreement_field field,
                                                              const char *text);
/* Deadline of performance. */
MEDIATE_EXTERN mediate_status mediate_case_agreement_set_deadline(mediate_case *c, int64_t deadline);
/*
 * Signature (or seal, or fingerprint) of a party or of a mediator of the
 * case, at `at`.  Every content field and the deadline must be set first
 * (MEDIATE_ESTATE).  Signers: every party that is not an agent, and the lead
 * mediator.  When the last of them signs the agreement takes effect at that
 * time (MEDIATE_EVENT_AGREEMENT_EFFECTIVE follows the signature event) and
 * the first follow-up falls due at the deadline of performance.
 * MEDIATE_EEXISTS for a second signature of the same signer.
 */
MEDIATE_EXTERN mediate_status mediate_case_agreement_sign(mediate_case *c, const char *signer_id, int64_t at,
                                                          const char *actor, const char *actor_unit);
/*
 * Joint application of the parties for judicial confirmation to a court
 * (free text) within 30 days of effect: the window closes at the end
 * (24:00) of the 30th day after the day of effect at the case's offset;
 * later is MEDIATE_EREFUSED.  Needs an effective written agreement.
 */
MEDIATE_EXTERN mediate_status mediate_case_apply_confirmation(mediate_case *c, const char *court, int64_t at,
                                                              const char *actor, const char *actor_unit);
/* The court's decision: MEDIATE_CONFIRMATION_VALID or _INVALID. */
MEDIATE_EXTERN mediate_status mediate_case_decide_confirmation(mediate_case *c,
                                                               mediate_confirmation_status decision,
                                                               int64_t at, const char *actor,
                                                               const char *actor_unit, const char *details);
/* The end of the confirmation window (last second); MEDIATE_ENOTFOUND if not effective. */
MEDIATE_EXTERN mediate_status mediate_case_confirmation_due(int64_t *out, const mediate_case *c);

/* The written agreement of the current round, or NULL. */
MEDIATE_EXTERN const mediate_agreement *mediate_case_agreement(const mediate_case *c);
/* A content field, or NULL when not written yet. */
MEDIATE_EXTERN const char *mediate_agreement_text(const mediate_agreement *a, mediate_agreement_field field);
MEDIATE_EXTERN mediate_status mediate_agreement_deadline(int64_t *out, const mediate_agreement *a);
MEDIATE_EXTERN int64_t mediate_agreement_drafted_at(const mediate_agreement *a);
MEDIATE_EXTERN size_t mediate_agreement_signature_count(const mediate_agreement *a);
/* Signer (party or mediator id) and time of a signature, in signing order. */
MEDIATE_EXTERN const char *mediate_agreement_signer_at(const mediate_agreement *a, size_t index);
MEDIATE_EXTERN int64_t mediate_agreement_signed_at(const mediate_agreement *a, size_t index);
MEDIATE_EXTERN int mediate_agreement_is_effective(const mediate_agreement *a);
/* MEDIATE_ENOTFOUND until it takes effect. */
MEDIATE_EXTERN mediate_status mediate_agreement_effective_at(int64_t *out, const mediate_agreement *a);
MEDIATE_EXTERN mediate_confirmation_status mediate_agreement_confirmation(const mediate_agreement *a);
/* Court applied to, or NULL. */
MEDIATE_EXTERN const char *mediate_agreement_court(const mediate_agreement *a);
MEDIATE_EXTERN mediate_status mediate_agreement_applied_at(int64_t *out, const mediate_agreement *a);
MEDIATE_EXTERN mediate_status mediate_agreement_decided_at(int64_t *out, const mediate_agreement *a);
/* 1 when the court confirmed it valid: it can be enforced. */
MEDIATE_EXTERN int mediate_agreement_is_enforceable(const mediate_agreement *a);

/* ---- follow-up ---------------------------------------------------------- */

/* Sets the next follow-up due time (states agreement, follow_up). */
MEDIATE_EXTERN mediate_status mediate_case_schedule_followup(mediate_case *c, int64_t due, int64_t at,
                                                             const char *actor, const char *actor_unit);
/* The pending follow-up due time; MEDIATE_ENOTFOUND when none is pending. */
MEDIATE_EXTERN mediate_status mediate_case_followup_due(int64_t *out, const mediate_case *c);
/* Records a visit on performance (state follow_up); it fulfils the pending due time. */
MEDIATE_EXTERN mediate_status mediate_case_add_followup(mediate_case *c, mediate_followup_result result,
                                                        const char *notes, int64_t at, const char *actor,
                                                        const char *actor_unit);
MEDIATE_EXTERN size_t mediate_case_followup_count(const mediate_case *c);
MEDIATE_EXTERN const mediate_followup *mediate_case_followup_at(const mediate_case *c, size_t index);
MEDIATE_EXTERN int64_t mediate_followup_time(const mediate_followup *f);
MEDIATE_EXTERN mediate_followup_result mediate_followup_get_result(const mediate_followup *f);
MEDIATE_EXTERN const char *mediate_followup_notes(const mediate_followup *f);
MEDIATE_EXTERN const char *mediate_followup_actor(const mediate_followup *f);

/* ---- timeline (read only) ---------------------------------------------- */

MEDIATE_EXTERN size_t mediate_case_event_count(const mediate_case *c);
MEDIATE_EXTERN const mediate_case_event *mediate_case_event_at(const mediate_case *c, size_t index);
MEDIATE_EXTERN int64_t mediate_case_event_time(const mediate_case_event *e);
MEDIATE_EXTERN const char *mediate_case_event_actor(const mediate_case_event *e);
MEDIATE_EXTERN const char *mediate_case_event_unit(const mediate_case_event *e);
MEDIATE_EXTERN mediate_case_event_kind mediate_case_event_get_kind(const mediate_case_event *e);
/* State before and after the event (equal unless it is a transition). */
MEDIATE_EXTERN mediate_case_state mediate_case_event_from(const mediate_case_event *e);
MEDIATE_EXTERN mediate_case_state mediate_case_event_to(const mediate_case_event *e);
/* Free text, or NULL. */
MEDIATE_EXTERN const char *mediate_case_event_details(const mediate_case_event *e);

/* ---- lists of cases (lib/case.c) ---------------------------------------- */

MEDIATE_EXTERN mediate_status mediate_case_list_new(mediate_case_list **out);
/* Frees the list and every case in it. */
MEDIATE_EXTERN void mediate_case_list_free(mediate_case_list *list);
MEDIATE_EXTERN size_t mediate_case_list_count(const mediate_case_list *list);
/* Borrowed: owned by the list. */
MEDIATE_EXTERN mediate_case *mediate_case_list_at(const mediate_case_list *list, size_t index);
/* Appends c and takes ownership of it on success (on failure the caller keeps it). */
MEDIATE_EXTERN mediate_status mediate_case_list_append(mediate_case_list *list, mediate_case *c);

/* ---- YAML (lib/case_yaml.c; format in mediate-case(5)) ------------------ */

#define MEDIATE_CASE_YAML_MASK 1u  /* mask personal data on export */

/* *out is NUL-terminated and the caller's: free it with mediate_free(). */
MEDIATE_EXTERN mediate_status mediate_case_to_yaml(char **out, size_t *len, const mediate_case *c,
                                                   unsigned int flags);
MEDIATE_EXTERN mediate_status mediate_case_from_yaml(mediate_case **out, const mediate_policy *policy,
                                                     const char *data, size_t len, const char *name,
                                                     const mediate_load_options *opts, mediate_error *err);
MEDIATE_EXTERN mediate_status mediate_case_list_to_yaml(char **out, size_t *len,
                                                        const mediate_case_list *list, unsigned int flags);
MEDIATE_EXTERN mediate_status mediate_case_list_from_yaml(mediate_case_list **out,
                                                          const mediate_policy *policy, const char *data,
                                                          size_t len, const char *name,
                                                          const mediate_load_options *opts,
                                                          mediate_error *err);
MEDIATE_EXTERN mediate_status mediate_case_list_load_file(mediate_case_list **out,
                                                          const mediate_policy *policy, const char *path,
                                                          const mediate_load_options *opts,
                                                          mediate_error *err);

MEDIATE_END_DECLS

#endif /* MEDIATE_CASE_H */
