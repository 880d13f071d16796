/* SPDX-License-Identifier: MIT */
/*
 * The policy's private layout, shared by the modules that read their own
 * sections.  A module adds its section in three local steps:
 *   1. a field for its compiled form in struct mediate_policy below;
 *   2. a loader and a free function (in its own .c file);
 *   3. one line in the sections[] table of policy.c.
 * Sections load in table order, so a section may use those before it (the
 * taxonomy and the org tree come first).
 */
#ifndef MEDIATE_POLICY_PRIV_H
#define MEDIATE_POLICY_PRIV_H

#include "ydoc.h"

/* Names in several languages: "zh" -> "邻里纠纷", "en" -> "Neighbour". */
typedef struct mi_names {
	size_t count;
	char **lang;
	char **text;
} mi_names;

struct mediate_category {
	char *code;
	mi_names names;
	const mediate_category *parent;
	const mediate_policy *policy;
	size_t index;
	size_t depth;        /* 0 for a root */
};

struct mediate_unit {
	char *code;
	mi_names names;
	mediate_unit_kind kind;
	char *address;       /* optional, or NULL */
	const mediate_unit *parent;
	const mediate_policy *policy;
	size_t index;
	size_t depth;
};

struct mediate_policy {
	char *name;
	char *version;
	char *language;      /* default language of names */
	char *source;        /* file name it was loaded from */

	size_t category_count;
	mediate_category *categories;   /* document order */
	size_t *category_sorted;        /* indices sorted by code */

	size_t unit_count;
	mediate_unit *units;
	size_t *unit_sorted;

	/* Sections of later modules go here. */
	/* grade: grading (grade.c) */
	struct mi_grading *grading;
	/* route: calendars (calendar.c), sla and routing (route_policy.c) */
	size_t calendar_count;
	struct mediate_calendar *calendars;
	struct mi_sla *sla;
	struct mi_routing *routing;
	/* ratings: prior, z, half-life (rating.c) */
	struct mi_ratings_policy *ratings;
	/* pay: pay tables (pay_policy.c) */
	struct mi_pay *pay;
	/* match: matching (match_policy.c) */
	struct mi_matching *matching;
	/* roster: what the public sees of mediators (roster_policy.c) */
	struct mi_roster_policy *roster;
};

/* A section loader: node is NULL when the section is absent. */
typedef int (*mi_section_load_fn)(mediate_policy *p, const ynode *node, ydiag *d, ypath *path);
typedef void (*mi_section_free_fn)(mediate_policy *p);

/* Helpers for section loaders. */
int mi_names_load(mi_names *out, const ynode *n, ydiag *d, ypath *path, const char *default_lang);
void mi_names_free(mi_names *n);
const char *mi_names_get(const mi_names *n, const char *lang, const char *fallback_lang);
/* Looks a category up by code; reports "unknown category" with a suggestion. */
const mediate_category *mi_policy_category_ref(const mediate_policy *p, const ynode *n, ydiag *d,
                                               const ypath *path);
const mediate_unit *mi_policy_unit_ref(const mediate_policy *p, const ynode *n, ydiag *d,
                                       const ypath *path);

#endif /* MEDIATE_POLICY_PRIV_H */
