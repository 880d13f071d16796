/* SPDX-License-Identifier: MIT */
/*
 * The roster's private layout (roster.c), for the modules that read a
 * roster in bulk (matching, pay) and want to skip the getters.  Read only:
 * change a roster through the public setters, which keep the invariants
 * written beside each field.
 *
 * A roster keeps its mediators as an array of pointers: m->index is the
 * mediator's dense position (0..count-1, mediate_roster_at()), which stays
 * put until a removal moves the last mediator into the gap.  Pointers stay
 * valid until the mediator is removed.  Two hash tables (open addressing,
 * linear probing) find a mediator by id and by staff number in O(1).
 */
#ifndef MEDIATE_ROSTER_PRIV_H
#define MEDIATE_ROSTER_PRIV_H

#include "ydoc.h"

/* Limits of one roster and one mediator. */
#define MI_ROSTER_MAX_MEDIATORS 1000000u
#define MI_ROSTER_MAX_ID_BYTES 64u
#define MI_ROSTER_MAX_STAFF_BYTES 32u
#define MI_ROSTER_MAX_NAME_BYTES 64u
#define MI_ROSTER_MAX_TEXT_BYTES 256u        /* leave reasons, recusal names and relationships */
#define MI_ROSTER_MAX_LANGUAGES 16u
#define MI_ROSTER_MAX_LANGUAGE_BYTES 35u
#define MI_ROSTER_MAX_LEAVES 1000u
#define MI_ROSTER_MAX_RECUSALS 1000u
#define MI_ROSTER_MAX_CAPACITY 1000u
#define MI_ROSTER_MAX_LOAD 1000u
/* Mode bits a mediator may offer: every valid mediate_case_mode. */
#define MI_ROSTER_MODE_MASK (MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT) | \
	MEDIATE_MODE_BIT(MEDIATE_MODE_THINK_TANK) | MEDIATE_MODE_BIT(MEDIATE_MODE_JOINT) | \
	MEDIATE_MODE_BIT(MEDIATE_MODE_REMOTE_VIDEO) | MEDIATE_MODE_BIT(MEDIATE_MODE_MOBILE))

/* One specialty: the category's index in the policy (mediate_category_index). */
typedef struct mi_specialty {
	uint32_t category;
	uint32_t proficiency;   /* 1..MEDIATE_PROFICIENCY_MAX */
} mi_specialty;

/* A leave period [from, until). */
typedef struct mi_leave {
	int64_t from;
	int64_t until;
	char *reason;           /* or NULL */
} mi_leave;

typedef struct mi_recusal {
	char *party_id;         /* or NULL */
	char *name;             /* trimmed, or NULL; never both NULL */
	char *relationship;     /* or NULL */
} mi_recusal;

struct mediate_mediator {
	char *id;
	char *staff;
	char *name;
	const mediate_unit *unit;
	mediate_post_type post;
	unsigned int level;                /* 1..MEDIATE_MEDIATOR_LEVEL_MAX */
	char *phone;                       /* or NULL */
	char *phone_masked;                /* mediate_mask_phone() of phone, or NULL */
	size_t specialty_count;
	mi_specialty *specialties;         /* sorted by category index, unique */
	int think_tank;                    /* 0 or 1 */
	const mediate_unit *external_body; /* or NULL */
	size_t language_count;
	char **languages;                  /* in the order added, unique (case-insensitive) */
	unsigned int modes;                /* OR of MEDIATE_MODE_BIT(), never 0 */
	int has_coordinates;
	int32_t lat, lon;                  /* micro-degrees, when has_coordinates */
	unsigned int capacity;
	unsigned int load;
	mediate_duty duty;                 /* MEDIATE_DUTY_ON or _OFF */
	size_t leave_count;
	mi_leave *leaves;                  /* sorted by from, never overlapping */
	size_t recusal_count;
	mi_recusal *recusals;              /* in the order declared */
	size_t index;                      /* position in the roster */
	const mediate_roster *roster;
};

/* A hash table of mediator pointers keyed by id or by staff number. */
typedef struct mi_mtable {
	size_t cap;                        /* a power of two, or 0 */
	size_t used;
	mediate_mediator **slots;
	int by_staff;                      /* 0: key is m->id, 1: m->staff */
} mi_mtable;

struct mediate_roster {
	const mediate_policy *policy;
	size_t count;
	size_t cap;
	mediate_mediator **items;          /* items[i]->index == i */
	mi_mtable by_id;
	mi_mtable by_staff;
};

/* Lookups without the public NULL checks; NULL when absent. */
mediate_mediator *mi_roster_find(const mediate_roster *r, const char *id);
mediate_mediator *mi_roster_find_staff(const mediate_roster *r, const char *staff);
/* Highest proficiency over all specialties (0 for none). */
unsigned int mi_mediator_best_proficiency(const mediate_mediator *m);
/* Proficiency in a category by its policy index (0 when not a specialty). */
unsigned int mi_mediator_proficiency_index(const mediate_mediator *m, size_t category_index);

/* Validators shared with the YAML loader; each sets the thread's last error. */
int mi_roster_check_id(const char *what, const char *s);
int mi_roster_check_staff(const char *s);
int mi_roster_check_name(const char *what, const char *s, size_t max);
int mi_roster_check_phone(const char *s);
int mi_roster_check_language(const char *s);

/* The policy section "roster" (roster_policy.c). */
struct mi_roster_policy {
	int publish_phone;       /* publish mediators' phones unmasked (default 0) */
};
int mi_roster_policy_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path);
void mi_roster_policy_free(mediate_policy *p);
int mi_roster_policy_publish_phone(const mediate_policy *p);

#endif /* MEDIATE_ROSTER_PRIV_H */
