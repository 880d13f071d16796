/* SPDX-License-Identifier: MIT */
/*
 * libmediate: the roster of mediators.
 *
 * A roster is a mutable set of mediators read against one policy (their
 * units and specialties are the policy's org units and categories).  It is
 * loaded from a YAML file (mediate-roster(5)) or built through the API, and
 * changed through the API: every setter validates its arguments fully and a
 * failed call changes nothing.  Mediators are addressed by their id (1..64
 * of [A-Za-z0-9_.-], the id cases name in mediate_case_add_mediator(); by
 * default the canonical text of a generated UUID) or their staff number;
 * both are unique in a roster.  A mediate_mediator pointer is borrowed from the roster and stays
 * valid until that mediator is removed or the roster is freed; setters do
 * not move mediators.  A roster is not thread safe: share it read-only, or
 * lock around changes.
 */
#ifndef MEDIATE_ROSTER_H
#define MEDIATE_ROSTER_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/load.h"
#include "mediate/policy.h"
#include "mediate/case.h"
#include "mediate/rating.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_roster mediate_roster;
typedef struct mediate_mediator mediate_mediator;

/* Kinds of posts.  Only ever appended. */
typedef enum mediate_post_type {
	MEDIATE_POST_FULL_TIME = 1,          /* 专职调解员 */
	MEDIATE_POST_PART_TIME = 2,          /* 兼职调解员 */
	MEDIATE_POST_RETIRED_VOLUNTEER = 3,  /* 退休志愿者 (retired judge, police officer, cadre...) */
	MEDIATE_POST_INVITED_EXPERT = 4      /* 特邀专家: lawyer, doctor, engineer of an outside body */
} mediate_post_type;

/* Duty status.  Only ever appended. */
typedef enum mediate_duty {
	MEDIATE_DUTY_ON = 1,     /* on duty: may take cases */
	MEDIATE_DUTY_OFF = 2,    /* off duty (not on the rota) */
	MEDIATE_DUTY_LEAVE = 3   /* on leave (a dated absence) */
} mediate_duty;

/* Mediator levels run from 1 (lowest) to MEDIATE_MEDIATOR_LEVEL_MAX. */
#define MEDIATE_MEDIATOR_LEVEL_MAX 9
/* Proficiency in a specialty: 1 (some) .. 5 (expert). */
#define MEDIATE_PROFICIENCY_MAX 5
/* Mode bits of mediate_mediator_modes(): 1u << mediate_case_mode. */
#define MEDIATE_MODE_BIT(mode) (1u << (unsigned int)(mode))

MEDIATE_EXTERN const char *mediate_post_type_name(mediate_post_type type);
MEDIATE_EXTERN mediate_status mediate_post_type_parse(mediate_post_type *out, const char *name);
MEDIATE_EXTERN const char *mediate_duty_name(mediate_duty duty);
MEDIATE_EXTERN mediate_status mediate_duty_parse(mediate_duty *out, const char *name);

/* ---- the roster --------------------------------------------------------- */

/* An empty roster; the policy must outlive it. */
MEDIATE_EXTERN mediate_status mediate_roster_new(mediate_roster **out, const mediate_policy *policy);
/* Loads a roster file (mediate-roster(5)); every error is reported through
 * err (and opts->diag), as for mediate_policy_load_file(). */
MEDIATE_EXTERN mediate_status mediate_roster_load_file(mediate_roster **out, const mediate_policy *policy,
                                                       const char *path, const mediate_load_options *opts,
                                                       mediate_error *err);
MEDIATE_EXTERN mediate_status mediate_roster_load_buffer(mediate_roster **out, const mediate_policy *policy,
                                                         const char *data, size_t len, const char *name,
                                                         const mediate_load_options *opts, mediate_error *err);
/* Writes the roster as a mediate-roster(5) document that loads back to an
 * equal roster.  *out is new, NUL terminated: free it with mediate_free(). */
MEDIATE_EXTERN mediate_status mediate_roster_to_yaml(char **out, size_t *len, const mediate_roster *roster);
MEDIATE_EXTERN void mediate_roster_free(mediate_roster *roster);
MEDIATE_EXTERN const mediate_policy *mediate_roster_policy(const mediate_roster *roster);

/* Mediators in insertion order (a removal moves the last one into the gap). */
MEDIATE_EXTERN size_t mediate_roster_count(const mediate_roster *roster);
MEDIATE_EXTERN const mediate_mediator *mediate_roster_at(const mediate_roster *roster, size_t index);
/* By id or by staff number; NULL when there is none. */
MEDIATE_EXTERN const mediate_mediator *mediate_roster_find(const mediate_roster *roster, const char *id);
MEDIATE_EXTERN const mediate_mediator *mediate_roster_find_staff(const mediate_roster *roster,
                                                                 const char *staff_number);

/*
 * Adds a mediator.  id is 1..64 of [A-Za-z0-9_.-], or NULL to generate one
 * (the canonical text of a new UUID); staff_number is 1..32 of [A-Za-z0-9_-]; name is 1..64 bytes of valid
 * UTF-8; unit_code names a unit of the policy (the mediator's station or
 * studio); level is 1..MEDIATE_MEDIATOR_LEVEL_MAX.  The new mediator is on
 * duty, offers on-the-spot mediation, has capacity 1, no load and nothing
 * else.  *out (may be NULL) receives the borrowed new mediator.
 * MEDIATE_EEXISTS for a taken id or staff number.
 */
MEDIATE_EXTERN mediate_status mediate_roster_add(const mediate_mediator **out, mediate_roster *roster,
                                                 const char *id, const char *staff_number, const char *name,
                                                 const char *unit_code, mediate_post_type post, unsigned int level);
/* Removes a mediator; MEDIATE_ENOTFOUND when there is none. */
MEDIATE_EXTERN mediate_status mediate_roster_remove(mediate_roster *roster, const char *id);

/* ---- changing a mediator (id: the mediator's id) ------------------------ */

MEDIATE_EXTERN mediate_status mediate_roster_set_name(mediate_roster *roster, const char *id, const char *name);
MEDIATE_EXTERN mediate_status mediate_roster_set_unit(mediate_roster *roster, const char *id, const char *unit_code);
MEDIATE_EXTERN mediate_status mediate_roster_set_post(mediate_roster *roster, const char *id, mediate_post_type post);
MEDIATE_EXTERN mediate_status mediate_roster_set_level(mediate_roster *roster, const char *id, unsigned int level);
/* Phone: digits, optional leading '+', 5..20 characters; NULL clears it. */
MEDIATE_EXTERN mediate_status mediate_roster_set_phone(mediate_roster *roster, const char *id, const char *phone);
/* Sets (or with proficiency 0 removes) a specialty: a category of the policy. */
MEDIATE_EXTERN mediate_status mediate_roster_set_specialty(mediate_roster *roster, const char *id,
                                                           const char *category_code, unsigned int proficiency);
MEDIATE_EXTERN mediate_status mediate_roster_set_think_tank(mediate_roster *roster, const char *id, int member);
/* The outside body the mediator belongs to (court, bar, association): a
 * unit of the policy, or NULL for none. */
MEDIATE_EXTERN mediate_status mediate_roster_set_external_body(mediate_roster *roster, const char *id,
                                                               const char *unit_code);
/* Languages and dialects, BCP 47 tags such as "zh", "en", "wuu" (吴语). */
MEDIATE_EXTERN mediate_status mediate_roster_add_language(mediate_roster *roster, const char *id, const char *tag);
MEDIATE_EXTERN mediate_status mediate_roster_remove_language(mediate_roster *roster, const char *id,
                                                             const char *tag);
/* Modes offered: a non-zero OR of MEDIATE_MODE_BIT(mode) over valid modes. */
MEDIATE_EXTERN mediate_status mediate_roster_set_modes(mediate_roster *roster, const char *id, unsigned int modes);
/* Home or base coordinates in micro-degrees (WGS 84). */
MEDIATE_EXTERN mediate_status mediate_roster_set_coordinates(mediate_roster *roster, const char *id,
                                                             int32_t lat_micro, int32_t lon_micro);
MEDIATE_EXTERN mediate_status mediate_roster_clear_coordinates(mediate_roster *roster, const char *id);
/* Capacity (active cases at most, 0..1000) and current load (may exceed a
 * lowered capacity: the mediator is then full). */
MEDIATE_EXTERN mediate_status mediate_roster_set_capacity(mediate_roster *roster, const char *id,
                                                          unsigned int capacity);
MEDIATE_EXTERN mediate_status mediate_roster_set_load(mediate_roster *roster, const char *id, unsigned int load);
/* The duty status outside leave periods (MEDIATE_DUTY_ON or _OFF). */
MEDIATE_EXTERN mediate_status mediate_roster_set_duty(mediate_roster *roster, const char *id, mediate_duty duty);
/* A leave period [from, until) in UTC seconds, until > from; periods of one
 * mediator may not overlap (MEDIATE_EEXISTS).  Removal by its start. */
MEDIATE_EXTERN mediate_status mediate_roster_add_leave(mediate_roster *roster, const char *id, int64_t from,
                                                       int64_t until, const char *reason);
MEDIATE_EXTERN mediate_status mediate_roster_remove_leave(mediate_roster *roster, const char *id, int64_t from);
/*
 * A declared recusal: the mediator will not mediate a case where a party has
 * this party id, or this name (exact, after trimming white space, Unicode spaces such as U+3000
 * and U+00A0 included), because of the stated
 * relationship (亲属, 同事, 邻居...).  party_id or name may be NULL, not both.
 */
MEDIATE_EXTERN mediate_status mediate_roster_add_recusal(mediate_roster *roster, const char *id,
                                                         const char *party_id, const char *name,
                                                         const char *relationship);
MEDIATE_EXTERN mediate_status mediate_roster_remove_recusal(mediate_roster *roster, const char *id, size_t index);

/* ---- reading a mediator ------------------------------------------------- */

MEDIATE_EXTERN const char *mediate_mediator_id(const mediate_mediator *m);
MEDIATE_EXTERN const char *mediate_mediator_staff_number(const mediate_mediator *m);
MEDIATE_EXTERN const char *mediate_mediator_name(const mediate_mediator *m);
MEDIATE_EXTERN const mediate_unit *mediate_mediator_unit(const mediate_mediator *m);
MEDIATE_EXTERN mediate_post_type mediate_mediator_post(const mediate_mediator *m);
MEDIATE_EXTERN unsigned int mediate_mediator_level(const mediate_mediator *m);
/* The phone, unmasked, or NULL; see mediate_roster_menu() for what the public sees. */
MEDIATE_EXTERN const char *mediate_mediator_phone(const mediate_mediator *m);
MEDIATE_EXTERN size_t mediate_mediator_specialty_count(const mediate_mediator *m);
MEDIATE_EXTERN const mediate_category *mediate_mediator_specialty_at(const mediate_mediator *m, size_t index);
MEDIATE_EXTERN unsigned int mediate_mediator_proficiency_at(const mediate_mediator *m, size_t index);
/* Proficiency in exactly this category (0 when not a specialty). */
MEDIATE_EXTERN unsigned int mediate_mediator_proficiency(const mediate_mediator *m,
                                                         const mediate_category *category);
MEDIATE_EXTERN int mediate_mediator_think_tank(const mediate_mediator *m);
MEDIATE_EXTERN const mediate_unit *mediate_mediator_external_body(const mediate_mediator *m);
MEDIATE_EXTERN size_t mediate_mediator_language_count(const mediate_mediator *m);
MEDIATE_EXTERN const char *mediate_mediator_language_at(const mediate_mediator *m, size_t index);
MEDIATE_EXTERN int mediate_mediator_speaks(const mediate_mediator *m, const char *tag);
MEDIATE_EXTERN unsigned int mediate_mediator_modes(const mediate_mediator *m);
MEDIATE_EXTERN int mediate_mediator_offers(const mediate_mediator *m, mediate_case_mode mode);
/* MEDIATE_ENOTFOUND when the mediator has no coordinates. */
MEDIATE_EXTERN mediate_status mediate_mediator_coordinates(int32_t *lat_micro, int32_t *lon_micro,
                                                           const mediate_mediator *m);
MEDIATE_EXTERN unsigned int mediate_mediator_capacity(const mediate_mediator *m);
MEDIATE_EXTERN unsigned int mediate_mediator_load(const mediate_mediator *m);
/* Free capacity: capacity - load, 0 when full. */
MEDIATE_EXTERN unsigned int mediate_mediator_free_capacity(const mediate_mediator *m);
MEDIATE_EXTERN mediate_duty mediate_mediator_duty(const mediate_mediator *m);
/* The status at a time: MEDIATE_DUTY_LEAVE inside a leave period, else the duty status. */
MEDIATE_EXTERN mediate_duty mediate_mediator_duty_at(const mediate_mediator *m, int64_t at);
MEDIATE_EXTERN size_t mediate_mediator_leave_count(const mediate_mediator *m);
MEDIATE_EXTERN mediate_status mediate_mediator_leave_at(int64_t *from, int64_t *until, const char **reason,
                                                        const mediate_mediator *m, size_t index);
MEDIATE_EXTERN size_t mediate_mediator_recusal_count(const mediate_mediator *m);
MEDIATE_EXTERN mediate_status mediate_mediator_recusal_at(const char **party_id, const char **name,
                                                          const char **relationship,
                                                          const mediate_mediator *m, size_t index);
/*
 * Whether the mediator must recuse from the case: 1 when a declared recusal
 * names one of its parties (by id or name), 0 when not.  When it is 1 and
 * recusal_index is not NULL, *recusal_index is the first matching recusal.
 */
MEDIATE_EXTERN int mediate_mediator_recuses(const mediate_mediator *m, const mediate_case *c,
                                            size_t *recusal_index);

/* ---- the published menu ------------------------------------------------- */

typedef struct mediate_menu mediate_menu;

/*
 * What a portal shows the public: the mediators matching every given filter
 * (NULL or 0 = any): a specialty in the category or one of its descendants,
 * a unit within unit_code, a mode offered; on duty at time at.  Ordered by
 * the published score from high to low, then by staff number: the Bayesian
 * average of ratings (bayes_milli of mediate_ratings_summary()) when ratings
 * is not NULL, else the mediator's highest proficiency x 1000.  page is
 * 0-based, page_size 1..500.  Phones are shown only when the policy publishes
 * them (roster.publish_phone), else masked as by mediate_mask_phone().  *out
 * is new: free it with mediate_menu_free().
 */
MEDIATE_EXTERN mediate_status mediate_roster_menu(mediate_menu **out, const mediate_roster *roster,
                                                  const mediate_ratings *ratings, const char *category_code,
                                                  const char *unit_code, mediate_case_mode mode, int64_t at,
                                                  size_t page, size_t page_size);
MEDIATE_EXTERN void mediate_menu_free(mediate_menu *menu);
/* Mediators matching the filters over all pages, and those on this page. */
MEDIATE_EXTERN size_t mediate_menu_total(const mediate_menu *menu);
MEDIATE_EXTERN size_t mediate_menu_count(const mediate_menu *menu);
MEDIATE_EXTERN const mediate_mediator *mediate_menu_mediator_at(const mediate_menu *menu, size_t index);
MEDIATE_EXTERN int32_t mediate_menu_score(const mediate_menu *menu, size_t index);
/* The phone as published (masked unless the policy publishes phones), or NULL. */
MEDIATE_EXTERN const char *mediate_menu_phone(const mediate_menu *menu, size_t index);

MEDIATE_END_DECLS

#endif /* MEDIATE_ROSTER_H */
