/* SPDX-License-Identifier: MIT */
/*
 * Pay: the compiled policy section "pay" (pay_policy.c), shared by the
 * payroll engine (pay.c) and its exports (pay_export.c).
 */
#ifndef MEDIATE_PAY_PRIV_H
#define MEDIATE_PAY_PRIV_H

#include "policy_priv.h"

/* Columns of the incentive table of one level. */
enum { MI_PAY_COL_PERFORMED, MI_PAY_COL_REACHED, MI_PAY_COL_FAILED_PROCESS, MI_PAY_COL_BONUS, MI_PAY_NCOL };
#define MI_PAY_POSTS 5       /* indexed by mediate_post_type, slot 0 unused */
#define MI_PAY_LEVELS 10     /* indexed by mediator level 1..9, slot 0 unused */
#define MI_PAY_ROLES 4       /* indexed by mediate_case_mediator_role, slot 0 unused */
#define MI_PAY_MAX_TABLES 1000     /* fits the uint16_t of a line */
#define MI_PAY_MAX_BANDS 100

typedef struct mi_pay_band {
	int32_t from;            /* bayes_milli at least this ... */
	int32_t factor;          /* ... multiplies awards by factor / 1000 */
} mi_pay_band;

typedef struct mi_pay_table {
	int64_t effective;       /* local midnight of the effective date, UTC seconds */
	char effective_text[11]; /* "2026-01-01" */
	int64_t reference_wage;  /* -1 when the version states none */
	int64_t base[MI_PAY_POSTS];
	int32_t base_permille[MI_PAY_POSTS];      /* > 0 when indexed to the reference wage */
	int64_t grade[MI_PAY_LEVELS];
	int32_t grade_permille[MI_PAY_LEVELS];
	int64_t *incentive;      /* level_count x MI_PAY_NCOL, by level rank */
	size_t band_count;
	mi_pay_band *bands;      /* from ascending, the first from 0 */
	uint32_t role_weight[MI_PAY_ROLES];
	int64_t cap;             /* monthly incentive cap per mediator, -1 for none */
	int32_t cap_permille;
	size_t deduction_count;
	char **deduction_code;
	int64_t *deduction_amount;
	size_t budget_count;
	const mediate_unit **budget_unit;
	int64_t *budget_amount;
	/* Rule paths shown on lines ("pay.tables[1].base.full_time"). */
	char *base_rule[MI_PAY_POSTS];
	char *grade_rule[MI_PAY_LEVELS];
	char **incentive_rule;   /* level_count x MI_PAY_NCOL */
	char *cap_rule;
	char **deduction_rule;
	char **budget_rule;
} mi_pay_table;

struct mi_pay {
	int offset;              /* minutes east of UTC for days and months */
	size_t level_count;      /* of the grading section */
	size_t table_count;
	mi_pay_table *tables;    /* effective ascending, strictly */
};

int mi_pay_load(mediate_policy *p, const ynode *node, ydiag *d, ypath *path);
void mi_pay_free(mediate_policy *p);

/* The version in force at t (the last effective <= t), or NULL before the first. */
const mi_pay_table *mi_pay_table_at(const struct mi_pay *pay, int64_t t);

/* ---- the payroll run (pay.c, pay_export.c) ---- */

#define MI_PAY_NTOTALS 9     /* indexed by mediate_pay_total, slot 0 unused */

struct mi_pay_chunk {
	struct mi_pay_chunk *next;
	size_t size, used;
	char data[];
};

/* A slot of the hash tables (linear probing; key NULL when free).  Entries
 * are only removed in the reverse order of their insertion (rollback), which
 * linear probing allows without tombstones. */
typedef struct mi_pay_slot {
	const char *key;
	uint32_t hash;
	uint32_t idx;
} mi_pay_slot;

/* One case of the payroll: the facts every award of it shares. */
typedef struct mi_pay_case {
	const char *number;      /* in the run's arena */
	int64_t at;              /* resolved */
	int64_t amount;          /* case amount A, set by compute */
	uint32_t hash;
	uint32_t first;          /* last added award of the case (chained by cnext) */
	uint32_t level;          /* rank */
	uint8_t outcome, confirmed, team_size, count, has_lead;
} mi_pay_case;

typedef struct mi_pay_award {
	uint32_t slip;
	uint32_t pcase;
	uint32_t cnext;
	uint8_t role;
} mi_pay_award;

typedef struct mi_pay_deduction {
	uint32_t slip, table, code;
	const char *number;      /* or NULL; in the arena */
	const char *note;        /* or NULL; in the arena */
	int64_t at;
} mi_pay_deduction;

struct mediate_pay_line {     /* 64 bytes: a million of them are written per run */
	int64_t amount;
	int64_t aux;             /* base/grade: the monthly amount; award: the share before the
	                          * rating factor; cap/budget: the incentive before; deduction:
	                          * the policy amount */
	int64_t at;              /* award: resolved; deduction: its time; cap/budget: month end */
	const char *rule;
	const char *number;      /* award or deduction: case number, or NULL */
	uint32_t award;          /* award: index in run->awards; deduction: in run->deductions;
	                          * base/grade: the last table of the line (> table when later
	                          * versions left the amount unchanged) */
	uint32_t weight, weight_total;
	uint16_t table;
	uint16_t days;
	int16_t factor;
	uint8_t kind, limited;
};

struct mediate_payslip {
	const mediate_payroll *run;
	const mediate_mediator *m;
	const char *id;          /* the mediator's id (a copy in the run's arena) */
	uint32_t hash;           /* of id */
	int32_t rating;          /* set by mediate_payroll_set_rating(), or -1 */
	int32_t used_rating;
	uint32_t unit;           /* index in run->units */
	size_t award_n;          /* awards + deductions (for allocating lines) */
	int64_t totals[MI_PAY_NTOTALS];
	size_t line_count;
	mediate_pay_line *lines;
};

typedef struct mi_pay_unit {
	const mediate_unit *unit;
	int64_t budget;          /* -1 for none */
	const char *budget_rule;
	int64_t totals[MI_PAY_NTOTALS];
} mi_pay_unit;

struct mediate_payroll {
	const mediate_policy *policy;
	const struct mi_pay *pay;
	const mediate_roster *roster;
	const mediate_ratings *ratings;
	int year, month;
	int64_t start, end;
	uint32_t days;
	int computed;

	size_t slip_count;
	mediate_payslip *slips;  /* by staff number */
	mi_pay_slot *mtab;       /* mediator id -> slip (open addressing) */
	uint32_t mmask;
	size_t unit_count;
	mi_pay_unit *units;      /* by unit code */

	size_t case_count, case_cap;
	mi_pay_case *cases;
	mi_pay_slot *ctab;       /* case number -> case; an entry's key NULL when free */
	uint32_t cmask;
	size_t award_count, award_cap;
	mi_pay_award *awards;
	size_t deduction_count, deduction_cap;
	mi_pay_deduction *deductions;
	struct mi_pay_chunk *chunks;

	size_t line_count;
	mediate_pay_line *lines;
	int64_t totals[MI_PAY_NTOTALS];
};

#endif
