/* SPDX-License-Identifier: MIT */
/*
 * libmediate: the pay engine (monthly payroll of mediators).
 *
 * A mediator's pay for a month is base salary (by post type) + grade salary
 * (by mediator level) + incentive ("以奖代补", reward in lieu of subsidy): an
 * award per case resolved in the month, by the case's level and outcome,
 * times a rating band factor, split among the case's team by role weights,
 * limited by a monthly cap per mediator and optionally by a budget per unit,
 * less deductions (an upheld complaint...).  The rules and amounts are the
 * policy section "pay" (mediate-policy(5)), whose tables are versioned by
 * effective date.
 *
 * Money is int64_t fen and every operation is overflow-checked; factors are
 * per-mille integers or ratios of integers, never floating point.  Rounding
 * has one mode: half away from zero to the fen ("half-up"), applied to each
 * line, and totals are sums of lines.  Splits use the largest remainder
 * method so that the parts always add up to the whole.  The rules, in the
 * order they are applied:
 *
 *   base, grade   each table version in force during the month gives one
 *                 line: amount x days in force / days in the month (a month
 *                 spanning two versions is prorated by calendar days; a
 *                 whole month is the plain amount).  A version that leaves
 *                 the amount unchanged does not start a new line: the line
 *                 of the version before covers its days too, so an
 *                 unchanged amount is paid exactly.  Days are counted at the
 *                 policy's pay offset (pay.utc_offset, default +08:00).
 *   award         case amount A = incentive[level][outcome] (+ the
 *                 confirmed bonus when a court confirmed the agreement) of
 *                 the version in force on the day the case was resolved;
 *                 A is split among the team by role weights (largest
 *                 remainder; members ordered lead, co-mediators, experts,
 *                 then by staff number; the earlier member wins a tie); each
 *                 share is multiplied by the mediator's rating band factor
 *                 (per mille, half-up).  Withdrawn and failed without
 *                 documented work give 0 (a line is still written).
 *   cap           when a mediator's awards exceed the monthly cap (version in
 *                 force on the last day of the month), one negative line
 *                 brings them down to the cap; awards equal to the cap are
 *                 not cut.
 *   budget        when the capped incentives of a unit's mediators exceed
 *                 the unit's budget (same version), the budget is shared
 *                 among them in proportion to their capped incentives by
 *                 largest remainder (ties to the lower staff number); each
 *                 mediator gets one negative line for the difference.
 *   deduction     each deduction is the policy amount for its code (version
 *                 in force at its time); a deduction never takes the month's
 *                 total below zero: it is limited to what is left, and the
 *                 line says so.
 *
 * The same inputs give the same payslips, byte for byte, whatever the order
 * in which awards and deductions were added.  Every line can be explained.
 *
 * A payroll borrows its policy, roster and ratings: they must outlive it and
 * must not change while it is used.  Payslips and lines are borrowed from
 * the payroll.  Not thread safe (one payroll, one thread).
 */
#ifndef MEDIATE_PAY_H
#define MEDIATE_PAY_H

#include "mediate/common.h"
#include "mediate/errors.h"
#include "mediate/policy.h"
#include "mediate/case.h"
#include "mediate/rating.h"
#include "mediate/roster.h"

MEDIATE_BEGIN_DECLS

typedef struct mediate_payroll mediate_payroll;
typedef struct mediate_payslip mediate_payslip;
typedef struct mediate_pay_line mediate_pay_line;

/* Outcome of a case for pay.  Only ever appended. */
typedef enum mediate_pay_outcome {
	MEDIATE_PAY_PERFORMED = 1,      /* agreement reached and found performed at a follow-up visit */
	MEDIATE_PAY_REACHED = 2,        /* agreement reached, performance not (yet) found */
	MEDIATE_PAY_FAILED_PROCESS = 3, /* failed or transferred after documented work (a session on record) */
	MEDIATE_PAY_FAILED = 4,         /* failed or transferred without a session on record: 0 */
	MEDIATE_PAY_WITHDRAWN = 5       /* withdrawn by the parties: 0 */
} mediate_pay_outcome;

/* Kinds of payslip lines.  Only ever appended. */
typedef enum mediate_pay_line_kind {
	MEDIATE_PAY_LINE_BASE = 1,       /* base salary of the post type (maybe prorated) */
	MEDIATE_PAY_LINE_GRADE = 2,      /* grade salary of the mediator level (maybe prorated) */
	MEDIATE_PAY_LINE_AWARD = 3,      /* one case's award */
	MEDIATE_PAY_LINE_CAP = 4,        /* negative: awards above the monthly cap */
	MEDIATE_PAY_LINE_BUDGET = 5,     /* negative: the unit budget's cut */
	MEDIATE_PAY_LINE_DEDUCTION = 6   /* negative: a deduction (upheld complaint...) */
} mediate_pay_line_kind;

/* Totals of a payslip, a unit or the whole payroll. */
typedef enum mediate_pay_total {
	MEDIATE_PAY_TOTAL_BASE = 1,        /* base lines */
	MEDIATE_PAY_TOTAL_GRADE = 2,       /* grade lines */
	MEDIATE_PAY_TOTAL_AWARDS = 3,      /* award lines, before cap and budget */
	MEDIATE_PAY_TOTAL_CAP = 4,         /* cap lines (<= 0) */
	MEDIATE_PAY_TOTAL_BUDGET = 5,      /* budget lines (<= 0) */
	MEDIATE_PAY_TOTAL_INCENTIVE = 6,   /* awards + cap + budget */
	MEDIATE_PAY_TOTAL_DEDUCTIONS = 7,  /* deduction lines (<= 0) */
	MEDIATE_PAY_TOTAL_NET = 8          /* every line: base + grade + incentive + deductions */
} mediate_pay_total;

/*
 * Enum <-> string: "performed", "reached", "failed_process", "failed",
 * "withdrawn"; "base", "grade", "award", "cap", "budget", "deduction".
 * *_name returns a static string or NULL out of range; *_parse returns
 * MEDIATE_EINVAL for an unknown name and leaves *out untouched.
 */
MEDIATE_EXTERN const char *mediate_pay_outcome_name(mediate_pay_outcome outcome);
MEDIATE_EXTERN mediate_status mediate_pay_outcome_parse(mediate_pay_outcome *out, const char *name);
MEDIATE_EXTERN const char *mediate_pay_line_kind_name(mediate_pay_line_kind kind);
MEDIATE_EXTERN mediate_status mediate_pay_line_kind_parse(mediate_pay_line_kind *out, const char *name);

/*
 * The pay outcome of an ended case: agreement -> performed when a follow-up
 * visit found it performed, else reached (*confirmed = 1 when a court
 * confirmed the agreement valid, else 0); failed or transferred ->
 * failed_process when a session is on record, else failed; withdrawn ->
 * withdrawn.  *resolved_at is the time of the case's last transition to
 * agreement, failed, withdrawn or transferred.  MEDIATE_ESTATE for a case
 * that has not ended.  Any output pointer but out may be NULL.
 */
MEDIATE_EXTERN mediate_status mediate_pay_case_outcome(mediate_pay_outcome *out, int *confirmed,
                                                       int64_t *resolved_at, const mediate_case *c);

/* ---- the payroll run ---------------------------------------------------- */

/*
 * A payroll for month (1..12) of year (1..9999) at the policy's pay offset,
 * over every mediator of the roster (each gets a payslip, with or without
 * cases).  ratings may be NULL: every mediator then has the rating factor of
 * the prior (mediate_policy_rating_prior_milli()).  With ratings, a
 * mediator's band is chosen by the bayes_milli of mediate_ratings_summary()
 * at the last second of the month.  The roster and ratings must belong to
 * the same policy.
 * Errors: MEDIATE_EINVAL (NULL out, policy or roster; a roster of another
 * policy), MEDIATE_ERANGE (year or month), MEDIATE_ENOTFOUND (the
 * policy has no pay section, or no table version is in force on the first
 * day of the month), MEDIATE_ENOMEM.
 * *out is new: free it with mediate_payroll_free().
 */
MEDIATE_EXTERN mediate_status mediate_payroll_new(mediate_payroll **out, const mediate_policy *policy,
                                                  const mediate_roster *roster, const mediate_ratings *ratings,
                                                  int year, int month);
MEDIATE_EXTERN void mediate_payroll_free(mediate_payroll *run);
/* The month: [*start, *end) in UTC seconds. */
MEDIATE_EXTERN mediate_status mediate_payroll_period(int64_t *start, int64_t *end, const mediate_payroll *run);

/*
 * Sets a mediator's rating (bayes_milli, 0..5000 thousandths of a star) for
 * this payroll, instead of the ratings store (bulk use, bindings, what-if).
 * Errors: MEDIATE_ENOTFOUND (not on the roster), MEDIATE_ERANGE,
 * MEDIATE_ESTATE (after mediate_payroll_compute()).
 */
MEDIATE_EXTERN mediate_status mediate_payroll_set_rating(mediate_payroll *run, const char *mediator_id,
                                                         int32_t bayes_milli);

/*
 * Adds the awards of one case: its number, level (mediate_case_level(), or
 * for a case never graded the level mediate_grade() gives it), pay outcome and resolved time (mediate_pay_case_outcome()), and one award
 * per mediator of the case with its role; the team size is the number of
 * its mediators.  Errors: MEDIATE_EINVAL (NULL, no number, no level and no
 * category, no mediator, case of another policy), MEDIATE_ESTATE (not ended, or the
 * payroll is computed), MEDIATE_ERANGE (resolved outside the month),
 * MEDIATE_ENOTFOUND (a mediator not on the roster), MEDIATE_EEXISTS (the
 * case is already in), MEDIATE_ENOMEM.  On error nothing is added.
 */
MEDIATE_EXTERN mediate_status mediate_payroll_add_case(mediate_payroll *run, const mediate_case *c);
/*
 * Adds every case of list that ended within the month as
 * mediate_payroll_add_case() does, skipping the others (not ended, or
 * resolved in another month).  *added (may be NULL) receives the number
 * added.  On the first error nothing at all is added, and *failed_index
 * (may be NULL) receives the index of the failing case.
 */
MEDIATE_EXTERN mediate_status mediate_payroll_add_cases(size_t *added, size_t *failed_index,
                                                        mediate_payroll *run, const mediate_case_list *list);
/*
 * Adds one raw award (bulk input, e.g. from a database): mediator
 * mediator_id took part in case case_number (1..95 bytes, no control
 * characters) of level level_code with role, in a team of team_size
 * (1..MEDIATE_CASE_MAX_MEDIATORS) mediators; the case was resolved at
 * resolved_at with outcome; confirmed is 1 when a court confirmed its
 * agreement (only with performed or reached).  Every award of a case must
 * give the same level, outcome, confirmed, team size and time
 * (MEDIATE_EINVAL), at most one lead (MEDIATE_EEXISTS) and at most team_size
 * members (MEDIATE_ELIMIT); mediate_payroll_compute() refuses a case with
 * fewer awards than its team size.  Errors: MEDIATE_EINVAL, MEDIATE_ENOTFOUND
 * (mediator not on the roster, unknown level), MEDIATE_ERANGE (resolved
 * outside the month), MEDIATE_EEXISTS (the same mediator and case again),
 * MEDIATE_ESTATE (computed), MEDIATE_ENOMEM.  On error nothing changes.
 */
MEDIATE_EXTERN mediate_status mediate_payroll_add_award(mediate_payroll *run, const char *mediator_id,
                                                        const char *case_number, const char *level_code,
                                                        mediate_pay_outcome outcome, int confirmed,
                                                        mediate_case_mediator_role role, unsigned int team_size,
                                                        int64_t resolved_at);
/*
 * Adds a deduction: code names an entry of the policy's deductions (e.g.
 * "upheld_complaint") whose amount in the version in force at `at` is
 * taken; case_number (may be NULL) and note (may be NULL, up to 500 bytes of
 * UTF-8) are shown on the line.  at must be within the month.  Errors:
 * MEDIATE_EINVAL, MEDIATE_ENOTFOUND (mediator or code), MEDIATE_ERANGE,
 * MEDIATE_EUTF8, MEDIATE_ESTATE (computed), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_payroll_add_deduction(mediate_payroll *run, const char *mediator_id,
                                                            const char *code, const char *case_number,
                                                            const char *note, int64_t at);

/*
 * Computes every payslip.  Once only: afterwards the payroll is read-only
 * (MEDIATE_ESTATE for a second call and for any add).  Errors:
 * MEDIATE_EINVAL (a case has fewer awards than its team size; the last
 * error names it), MEDIATE_ERANGE (an amount overflows), MEDIATE_ENOMEM.  On
 * error the payroll is left as before the call (it can be freed, or the
 * missing awards added and the call repeated).
 */
MEDIATE_EXTERN mediate_status mediate_payroll_compute(mediate_payroll *run);
MEDIATE_EXTERN int mediate_payroll_is_computed(const mediate_payroll *run);

/* ---- results (after mediate_payroll_compute(); before it counts are 0) -- */

/* Payslips in order of staff number; borrowed from the payroll. */
MEDIATE_EXTERN size_t mediate_payroll_payslip_count(const mediate_payroll *run);
MEDIATE_EXTERN const mediate_payslip *mediate_payroll_payslip_at(const mediate_payroll *run, size_t index);
/* The payslip of a mediator by id, or NULL. */
MEDIATE_EXTERN const mediate_payslip *mediate_payroll_find(const mediate_payroll *run, const char *mediator_id);
/* Totals over every payslip; 0 for an unknown `what` or before computing. */
MEDIATE_EXTERN int64_t mediate_payroll_total(const mediate_payroll *run, mediate_pay_total what);
/* Units that have mediators on the roster, in order of unit code, with their totals. */
MEDIATE_EXTERN size_t mediate_payroll_unit_count(const mediate_payroll *run);
MEDIATE_EXTERN const mediate_unit *mediate_payroll_unit_at(const mediate_payroll *run, size_t index);
MEDIATE_EXTERN int64_t mediate_payroll_unit_total(const mediate_payroll *run, size_t index,
                                                  mediate_pay_total what);
/* The unit's budget for the month, or -1 when it has none. */
MEDIATE_EXTERN int64_t mediate_payroll_unit_budget(const mediate_payroll *run, size_t index);

/* The mediator of a payslip (borrowed from the roster). */
MEDIATE_EXTERN const mediate_mediator *mediate_payslip_mediator(const mediate_payslip *slip);
MEDIATE_EXTERN int64_t mediate_payslip_total(const mediate_payslip *slip, mediate_pay_total what);
/* The rating factor band's bayes_milli used for the mediator. */
MEDIATE_EXTERN int32_t mediate_payslip_rating_milli(const mediate_payslip *slip);
/*
 * Lines in order: base and grade lines by version, awards by resolved time
 * then case number, then cap, budget and deductions (by time, code, case).
 */
MEDIATE_EXTERN size_t mediate_payslip_line_count(const mediate_payslip *slip);
MEDIATE_EXTERN const mediate_pay_line *mediate_payslip_line_at(const mediate_payslip *slip, size_t index);
/*
 * A human-readable derivation of line index (the rule, the table version,
 * every factor and the rounding), e.g. "difficult/reached 200.00 + confirmed
 * 80.00 = 280.00 (pay.tables[1].incentives.difficult, effective
 * 2026-11-16); lead share 60/100 of a team of 2 = 168.00; rating band
 * 4.500+ x 1100/1000 = 184.80".  *out is new, NUL terminated: free it with
 * mediate_free().  MEDIATE_EINVAL, MEDIATE_ENOTFOUND (index), MEDIATE_ENOMEM.
 */
MEDIATE_EXTERN mediate_status mediate_payslip_explain(char **out, const mediate_payslip *slip, size_t index);

MEDIATE_EXTERN mediate_pay_line_kind mediate_pay_line_get_kind(const mediate_pay_line *line);
MEDIATE_EXTERN int64_t mediate_pay_line_amount(const mediate_pay_line *line);
/* The case of an award (or of a deduction, if it named one), else NULL. */
MEDIATE_EXTERN const char *mediate_pay_line_case_number(const mediate_pay_line *line);
/*
 * The policy path of the rule used, e.g. "pay.tables[1].base.full_time",
 * "pay.tables[0].incentives.major.performed", "pay.tables[0].cap",
 * "pay.tables[0].deductions.upheld_complaint".  Borrowed from the payroll.
 */
MEDIATE_EXTERN const char *mediate_pay_line_rule(const mediate_pay_line *line);
/* Days the line covers of the days of the month (base and grade lines; 0 for others). */
MEDIATE_EXTERN unsigned int mediate_pay_line_days(const mediate_pay_line *line);

/* ---- export ------------------------------------------------------------- */

/* Flags of mediate_payroll_to_yaml() and mediate_payroll_to_csv(). */
#define MEDIATE_PAYROLL_SUMMARY 1u   /* totals only: per mediator, per unit, overall */

/*
 * The payroll as YAML: the month, the overall and per-unit totals, and
 * every payslip with its lines (with MEDIATE_PAYROLL_SUMMARY instead one
 * line per mediator: staff number, id, name, unit and totals).  Amounts are written
 * as quoted yuan strings ("3800.00").  The same payroll always gives the same
 * bytes.  *out is new, NUL terminated: free it with mediate_free().
 * MEDIATE_ESTATE before mediate_payroll_compute().
 */
MEDIATE_EXTERN mediate_status mediate_payroll_to_yaml(char **out, size_t *len, const mediate_payroll *run,
                                                      unsigned int flags);
/*
 * The payroll as CSV (RFC 4180: comma separated, CRLF line ends, fields with
 * a comma, quote, CR or LF quoted and quotes doubled; UTF-8 without BOM), one
 * header row.  Without MEDIATE_PAYROLL_SUMMARY one row per line:
 * staff_number,mediator_id,name,unit,kind,case_number,rule,days,amount; with
 * it one row per mediator: staff_number,mediator_id,name,unit,post,level,
 * base,grade,awards,cap,budget,incentive,deductions,net.  Amounts as yuan
 * with two decimals.  Ownership and errors as for mediate_payroll_to_yaml().
 */
MEDIATE_EXTERN mediate_status mediate_payroll_to_csv(char **out, size_t *len, const mediate_payroll *run,
                                                     unsigned int flags);
/* One payslip as YAML (the same layout as in mediate_payroll_to_yaml()). */
MEDIATE_EXTERN mediate_status mediate_payslip_to_yaml(char **out, size_t *len, const mediate_payslip *slip);

MEDIATE_END_DECLS

#endif /* MEDIATE_PAY_H */
