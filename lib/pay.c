/* SPDX-License-Identifier: MIT */
/*
 * Pay: the monthly payroll (include/mediate/pay.h has the rules).
 *
 * Inputs are kept in flat arrays so that a million awards cost a few
 * allocations: cases (one per case number, in a chained hash table whose
 * chains only ever grow at the head, so the last additions can be taken back
 * in reverse order), awards (one per mediator and case, linked from their
 * case), deductions.  mediate_payroll_compute() derives every line into one
 * array, grouped by payslip, and the totals.  Exports and explanations are in
 * pay_export.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pay_priv.h"
#include "rating_priv.h"

#define NONE UINT32_MAX

/* ---- names ---- */

static const char *const outcome_names[] = { NULL, "performed", "reached", "failed_process", "failed",
	"withdrawn", NULL };
static const char *const kind_names[] = { NULL, "base", "grade", "award", "cap", "budget", "deduction", NULL };

const char *
mediate_pay_outcome_name(mediate_pay_outcome outcome)
{
	return mi_name_of(outcome_names, MI_COUNT(outcome_names), 1, (long)outcome);
}

mediate_status
mediate_pay_outcome_parse(mediate_pay_outcome *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, outcome_names, MI_COUNT(outcome_names), 1,
	                              MEDIATE_EINVAL, "pay outcome", name);
	if (rc == 0)
		*out = (mediate_pay_outcome)v;
	return rc;
}

const char *
mediate_pay_line_kind_name(mediate_pay_line_kind kind)
{
	return mi_name_of(kind_names, MI_COUNT(kind_names), 1, (long)kind);
}

mediate_status
mediate_pay_line_kind_parse(mediate_pay_line_kind *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, kind_names, MI_COUNT(kind_names), 1, MEDIATE_EINVAL,
	                              "pay line kind", name);
	if (rc == 0)
		*out = (mediate_pay_line_kind)v;
	return rc;
}

/* ---- the pay outcome of a case ---- */

mediate_status
mediate_pay_case_outcome(mediate_pay_outcome *out, int *confirmed, int64_t *resolved_at, const mediate_case *c)
{
	mediate_pay_outcome o;
	int conf = 0;
	int64_t at = 0;
	size_t i, n;
	int found = 0;

	if (out == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "pay case outcome: NULL argument");
	switch (mediate_case_get_outcome(c)) {
	case MEDIATE_OUTCOME_AGREEMENT: {
		const mediate_agreement *a = mediate_case_agreement(c);
		o = MEDIATE_PAY_REACHED;
		for (i = 0; i < mediate_case_followup_count(c); i++)
			if (mediate_followup_get_result(mediate_case_followup_at(c, i)) == MEDIATE_FOLLOWUP_PERFORMED)
				o = MEDIATE_PAY_PERFORMED;
		if (a != NULL && mediate_agreement_confirmation(a) == MEDIATE_CONFIRMATION_VALID)
			conf = 1;
		break;
	}
	case MEDIATE_OUTCOME_FAILED:
	case MEDIATE_OUTCOME_TRANSFERRED:
		o = mediate_case_session_count(c) > 0 ? MEDIATE_PAY_FAILED_PROCESS : MEDIATE_PAY_FAILED;
		break;
	case MEDIATE_OUTCOME_WITHDRAWN:
		o = MEDIATE_PAY_WITHDRAWN;
		break;
	default:
		return mi_err(MEDIATE_ESTATE, "case %s has not ended: it has no outcome to pay for",
		              mediate_case_number(c) ? mediate_case_number(c) : mediate_case_id_text(c));
	}
	n = mediate_case_event_count(c);
	for (i = n; i-- > 0 && !found;) {
		const mediate_case_event *e = mediate_case_event_at(c, i);
		mediate_case_state to = mediate_case_event_to(e);
		if (mediate_case_event_get_kind(e) == MEDIATE_EVENT_TRANSITION &&
		    (to == MEDIATE_CASE_AGREEMENT || to == MEDIATE_CASE_FAILED || to == MEDIATE_CASE_WITHDRAWN ||
		     to == MEDIATE_CASE_TRANSFERRED)) {
			at = mediate_case_event_time(e);
			found = 1;
		}
	}
	if (!found)
		return mi_err(MEDIATE_EINTERNAL, "case has an outcome but no transition to it in its timeline");
	*out = o;
	if (confirmed != NULL)
		*confirmed = conf;
	if (resolved_at != NULL)
		*resolved_at = at;
	return 0;
}

/* ---- hashing ---- */

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* ---- arena for strings ---- */

static char *
arena_strdup(mediate_payroll *run, const char *s, size_t len)
{
	struct mi_pay_chunk *c = run->chunks;
	char *p;
	if (c == NULL || c->used + len + 1 > c->size) {
		size_t size = len + 1 > 65536 ? len + 1 : 65536;
		c = mi_malloc(sizeof *c + size);
		if (c == NULL)
			return NULL;
		c->size = size;
		c->used = 0;
		c->next = run->chunks;
		run->chunks = c;
	}
	p = c->data + c->used;
	memcpy(p, s, len);
	p[len] = '\0';
	c->used += len + 1;
	return p;
}

/* ---- the run ---- */

static int
cmp_slip(const void *a, const void *b)
{
	const mediate_payslip *x = a, *y = b;
	return strcmp(mediate_mediator_staff_number(x->m), mediate_mediator_staff_number(y->m));
}

static int
cmp_unit_code(const void *a, const void *b)
{
	const mi_pay_unit *x = a, *y = b;
	return strcmp(mediate_unit_code(x->unit), mediate_unit_code(y->unit));
}

static uint32_t
slot_find(const mi_pay_slot *tab, uint32_t mask, const char *key, uint32_t h)
{
	uint32_t i;
	for (i = h & mask; tab[i].key != NULL; i = (i + 1) & mask)
		if (tab[i].hash == h && strcmp(tab[i].key, key) == 0)
			return tab[i].idx;
	return NONE;
}

static void
slot_put(mi_pay_slot *tab, uint32_t mask, const char *key, uint32_t h, uint32_t idx)
{
	uint32_t i;
	for (i = h & mask; tab[i].key != NULL; i = (i + 1) & mask)
		;
	tab[i].key = key;
	tab[i].hash = h;
	tab[i].idx = idx;
}

/* Removes the entry put last with this key. */
static void
slot_remove_last(mi_pay_slot *tab, uint32_t mask, uint32_t idx, uint32_t h)
{
	uint32_t i;
	for (i = h & mask; tab[i].key != NULL; i = (i + 1) & mask)
		if (tab[i].idx == idx) {
			tab[i].key = NULL;
			return;
		}
}

static uint32_t
find_slip(const mediate_payroll *run, const char *id)
{
	return slot_find(run->mtab, run->mmask, id, hash_str(id));
}

mediate_status
mediate_payroll_new(mediate_payroll **out, const mediate_policy *policy, const mediate_roster *roster,
                    const mediate_ratings *ratings, int year, int month)
{
	mediate_payroll *run;
	const struct mi_pay *pay;
	mediate_civil c;
	size_t n, i, nb;
	int64_t start, end;

	if (out == NULL || policy == NULL || roster == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll: NULL argument");
	if (mediate_roster_policy(roster) != policy)
		return mi_err(MEDIATE_EINVAL, "payroll: the roster belongs to another policy");
	if (ratings != NULL && mi_ratings_policy_of(ratings) != policy)
		return mi_err(MEDIATE_EINVAL, "payroll: the ratings belong to another policy");
	if (year < 1 || year > 9999 || month < 1 || month > 12 || (year == 9999 && month == 12))
		return mi_err(MEDIATE_ERANGE, "payroll: no month %04d-%02d", year, month);
	pay = policy->pay;
	if (pay == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: the policy has no pay section");
	memset(&c, 0, sizeof c);
	c.year = year;
	c.month = month;
	c.day = 1;
	c.offset_minutes = pay->offset;
	if (mediate_time_from_civil(&start, &c) != 0)
		return mi_err(MEDIATE_ERANGE, "payroll: no month %04d-%02d", year, month);
	c.month = month == 12 ? 1 : month + 1;
	c.year = month == 12 ? year + 1 : year;
	if (mediate_time_from_civil(&end, &c) != 0)
		return mi_err(MEDIATE_ERANGE, "payroll: no month %04d-%02d", year, month);
	if (mi_pay_table_at(pay, start) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: no pay table is in force on %04d-%02d-01 (the first is effective %s)",
		              year, month, pay->tables[0].effective_text);

	run = mi_calloc(1, sizeof *run);
	if (run == NULL)
		return mi_nomem();
	run->policy = policy;
	run->pay = pay;
	run->roster = roster;
	run->ratings = ratings;
	run->year = year;
	run->month = month;
	run->start = start;
	run->end = end;
	run->days = (uint32_t)((end - start) / 86400);
	n = mediate_roster_count(roster);
	run->slip_count = n;
	for (nb = 16; nb < 2 * n; nb *= 2)
		;
	run->mmask = (uint32_t)(nb - 1);
	run->slips = mi_calloc(n ? n : 1, sizeof *run->slips);
	run->mtab = mi_calloc(nb, sizeof *run->mtab);
	run->ctab = mi_calloc(1024, sizeof *run->ctab);
	if (run->slips == NULL || run->mtab == NULL || run->ctab == NULL) {
		mediate_payroll_free(run);
		return mi_nomem();
	}
	run->cmask = 1023;
	for (i = 0; i < n; i++) {
		run->slips[i].run = run;
		run->slips[i].m = mediate_roster_at(roster, i);
		run->slips[i].rating = -1;
	}
	qsort(run->slips, n, sizeof *run->slips, cmp_slip);
	for (i = 0; i < n; i++) {
		/* a packed copy of the ids: lookups of a million awards stay in cache */
		const char *id = mediate_mediator_id(run->slips[i].m);
		if ((run->slips[i].id = arena_strdup(run, id, strlen(id))) == NULL) {
			mediate_payroll_free(run);
			return mi_nomem();
		}
		run->slips[i].hash = hash_str(run->slips[i].id);
		slot_put(run->mtab, run->mmask, run->slips[i].id, run->slips[i].hash, (uint32_t)i);
	}
	/* units with mediators, by code */
	run->units = mi_calloc(n ? n : 1, sizeof *run->units);
	if (run->units == NULL) {
		mediate_payroll_free(run);
		return mi_nomem();
	}
	for (i = 0; i < n; i++) {
		const mediate_unit *u = mediate_mediator_unit(run->slips[i].m);
		size_t k;
		for (k = 0; k < run->unit_count && run->units[k].unit != u; k++)
			;
		if (k == run->unit_count)
			run->units[run->unit_count++].unit = u;
	}
	qsort(run->units, run->unit_count, sizeof *run->units, cmp_unit_code);
	for (i = 0; i < n; i++) {
		const mediate_unit *u = mediate_mediator_unit(run->slips[i].m);
		size_t lo = 0, hi = run->unit_count;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int r = strcmp(mediate_unit_code(run->units[mid].unit), mediate_unit_code(u));
			if (r < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		run->slips[i].unit = (uint32_t)lo;
	}
	*out = run;
	return 0;
}

void
mediate_payroll_free(mediate_payroll *run)
{
	struct mi_pay_chunk *c, *next;
	if (run == NULL)
		return;
	for (c = run->chunks; c != NULL; c = next) {
		next = c->next;
		mi_free(c);
	}
	mi_free(run->slips);
	mi_free(run->mtab);
	mi_free(run->units);
	mi_free(run->cases);
	mi_free(run->ctab);
	mi_free(run->awards);
	mi_free(run->deductions);
	mi_free(run->lines);
	mi_free(run);
}

mediate_status
mediate_payroll_period(int64_t *start, int64_t *end, const mediate_payroll *run)
{
	if (start == NULL || end == NULL || run == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll period: NULL argument");
	*start = run->start;
	*end = run->end;
	return 0;
}

int
mediate_payroll_is_computed(const mediate_payroll *run)
{
	return run != NULL && run->computed;
}

mediate_status
mediate_payroll_set_rating(mediate_payroll *run, const char *mediator_id, int32_t bayes_milli)
{
	uint32_t s;
	if (run == NULL || mediator_id == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll set rating: NULL argument");
	if (run->computed)
		return mi_err(MEDIATE_ESTATE, "payroll: already computed");
	if (bayes_milli < 0 || bayes_milli > 5000)
		return mi_err(MEDIATE_ERANGE, "payroll: a rating is 0..5000 thousandths of a star, not %ld",
		              (long)bayes_milli);
	if ((s = find_slip(run, mediator_id)) == NONE)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: mediator \"%.64s\" is not on the roster", mediator_id);
	run->slips[s].rating = bayes_milli;
	return 0;
}

/* ---- adding awards ---- */

static uint32_t
find_case(const mediate_payroll *run, const char *number, uint32_t h)
{
	return slot_find(run->ctab, run->cmask, number, h);
}

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n;
	void *q;
	if (need <= *cap)
		return 0;
	n = *cap ? *cap * 2 : 256;
	while (n < need)
		n *= 2;
	q = mi_reallocarray(*p, n, size);
	if (q == NULL)
		return MEDIATE_ENOMEM;
	*p = q;
	*cap = n;
	return 0;
}

/* Doubles the case hash table when it is half full. */
static int
rehash_cases(mediate_payroll *run)
{
	size_t nb = (size_t)run->cmask + 1, i;
	mi_pay_slot *t;
	if (2 * (run->case_count + 1) < nb)
		return 0;
	nb *= 2;
	t = mi_calloc(nb, sizeof *t);
	if (t == NULL)
		return MEDIATE_ENOMEM;
	/* reinsert in order of insertion, so that removals stay last-in first-out */
	for (i = 0; i < run->case_count; i++)
		slot_put(t, (uint32_t)(nb - 1), run->cases[i].number, run->cases[i].hash, (uint32_t)i);
	mi_free(run->ctab);
	run->ctab = t;
	run->cmask = (uint32_t)(nb - 1);
	return 0;
}

static int
check_number(const char *number)
{
	size_t i;
	int ascii = 1;
	/* one pass for the length, control characters and non-ASCII bytes */
	for (i = 0; number[i] != '\0'; i++) {
		unsigned char c = (unsigned char)number[i];
		if (c < 0x20 || c == 0x7f)
			return mi_err(MEDIATE_EINVAL, "payroll: control character in case number");
		if (c >= 0x80)
			ascii = 0;
		if (i + 1 >= MEDIATE_CASE_NUMBER_BUFSIZE)
			break;
	}
	if (i == 0 || number[i] != '\0')
		return mi_err(MEDIATE_EINVAL, "payroll: a case number is 1..%d bytes", MEDIATE_CASE_NUMBER_BUFSIZE - 1);
	if (!ascii && mediate_utf8_validate(number, i, NULL) != 0)
		return mi_err(MEDIATE_EUTF8, "payroll: case number is not valid UTF-8");
	return 0;
}

/*
 * One award; the caller has checked run, the strings, the month and the
 * enums.  Either everything is added or nothing.
 */
static int
add_award(mediate_payroll *run, uint32_t slip, const char *number, uint32_t level, mediate_pay_outcome outcome,
          int confirmed, mediate_case_mediator_role role, unsigned int team_size, int64_t at, int new_only)
{
	uint32_t h, ci, a;
	mi_pay_case *pc;
	mi_pay_award *aw;

	/* the awards of a case usually come together: try the last case first */
	if (run->case_count > 0 && strcmp(run->cases[run->case_count - 1].number, number) == 0) {
		ci = (uint32_t)(run->case_count - 1);
		h = run->cases[ci].hash;
	} else {
		h = hash_str(number);
		ci = find_case(run, number, h);
	}
	if (ci != NONE) {
		pc = &run->cases[ci];
		if (new_only)
			return mi_err(MEDIATE_EEXISTS, "payroll: case %s is already in the payroll", number);
		if (pc->level != level || pc->outcome != outcome || pc->confirmed != (confirmed != 0) ||
		    pc->team_size != team_size || pc->at != at)
			return mi_err(MEDIATE_EINVAL,
			              "payroll: award of case %s disagrees with an earlier award of it (level, outcome, "
			              "confirmation, team size and resolved time must be the same)", number);
		for (a = pc->first; a != NONE; a = run->awards[a].cnext)
			if (run->awards[a].slip == slip)
				return mi_err(MEDIATE_EEXISTS, "payroll: mediator %s already has an award for case %s",
				              mediate_mediator_id(run->slips[slip].m), number);
		if (role == MEDIATE_MEDIATOR_LEAD && pc->has_lead)
			return mi_err(MEDIATE_EEXISTS, "payroll: case %s already has a lead mediator", number);
		if (pc->count >= pc->team_size)
			return mi_err(MEDIATE_ELIMIT, "payroll: case %s already has its %u awards", number, pc->team_size);
	}
	if (grow((void **)&run->awards, &run->award_cap, run->award_count + 1, sizeof *run->awards) != 0)
		return mi_nomem();
	if (ci == NONE) {
		char *num;
		if (grow((void **)&run->cases, &run->case_cap, run->case_count + 1, sizeof *run->cases) != 0 ||
		    rehash_cases(run) != 0)
			return mi_nomem();
		if ((num = arena_strdup(run, number, strlen(number))) == NULL)
			return mi_nomem();
		ci = (uint32_t)run->case_count++;
		pc = &run->cases[ci];
		memset(pc, 0, sizeof *pc);
		pc->number = num;
		pc->hash = h;
		pc->level = level;
		pc->outcome = (uint8_t)outcome;
		pc->confirmed = confirmed != 0;
		pc->team_size = (uint8_t)team_size;
		pc->at = at;
		pc->first = NONE;
		slot_put(run->ctab, run->cmask, pc->number, h, ci);
	}
	a = (uint32_t)run->award_count++;
	aw = &run->awards[a];
	aw->slip = slip;
	aw->pcase = ci;
	aw->role = (uint8_t)role;
	aw->cnext = pc->first;
	pc->first = a;
	pc->count++;
	if (role == MEDIATE_MEDIATOR_LEAD)
		pc->has_lead = 1;
	return 0;
}

/* Takes back the awards and cases added after the given counts (LIFO). */
static void
rollback(mediate_payroll *run, size_t awards, size_t cases)
{
	while (run->award_count > awards) {
		mi_pay_award *aw = &run->awards[--run->award_count];
		mi_pay_case *pc = &run->cases[aw->pcase];
		pc->first = aw->cnext;
		pc->count--;
		if (aw->role == MEDIATE_MEDIATOR_LEAD)
			pc->has_lead = 0;
	}
	while (run->case_count > cases) {
		mi_pay_case *pc = &run->cases[--run->case_count];
		slot_remove_last(run->ctab, run->cmask, (uint32_t)run->case_count, pc->hash);
	}
}

static int
check_common(mediate_payroll *run, int64_t at, const char *what)
{
	if (run->computed)
		return mi_err(MEDIATE_ESTATE, "payroll: already computed; %s refused", what);
	if (at < run->start || at >= run->end)
		return mi_err(MEDIATE_ERANGE, "payroll: %s at a time outside %04d-%02d", what, run->year, run->month);
	return 0;
}

mediate_status
mediate_payroll_add_award(mediate_payroll *run, const char *mediator_id, const char *case_number,
                          const char *level_code, mediate_pay_outcome outcome, int confirmed,
                          mediate_case_mediator_role role, unsigned int team_size, int64_t resolved_at)
{
	const mediate_level *lv;
	uint32_t slip;
	int rc;

	if (run == NULL || mediator_id == NULL || case_number == NULL || level_code == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll add award: NULL argument");
	if ((int)outcome < MEDIATE_PAY_PERFORMED || (int)outcome > MEDIATE_PAY_WITHDRAWN)
		return mi_err(MEDIATE_EINVAL, "payroll add award: invalid outcome %d", (int)outcome);
	if ((int)role < MEDIATE_MEDIATOR_LEAD || (int)role > MEDIATE_MEDIATOR_EXPERT)
		return mi_err(MEDIATE_EINVAL, "payroll add award: invalid role %d", (int)role);
	if (confirmed != 0 && confirmed != 1)
		return mi_err(MEDIATE_EINVAL, "payroll add award: confirmed is 0 or 1");
	if (confirmed && outcome != MEDIATE_PAY_PERFORMED && outcome != MEDIATE_PAY_REACHED)
		return mi_err(MEDIATE_EINVAL, "payroll add award: only an agreement can be judicially confirmed");
	if (team_size < 1 || team_size > MEDIATE_CASE_MAX_MEDIATORS)
		return mi_err(MEDIATE_EINVAL, "payroll add award: a team has 1..%u mediators, not %u",
		              MEDIATE_CASE_MAX_MEDIATORS, team_size);
	if ((rc = check_number(case_number)) != 0)
		return rc;
	if ((rc = check_common(run, resolved_at, "award")) != 0)
		return rc;
	if ((lv = mediate_policy_level_find(run->policy, level_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: unknown level \"%.64s\"", level_code);
	if ((slip = find_slip(run, mediator_id)) == NONE)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: mediator \"%.64s\" is not on the roster", mediator_id);
	return add_award(run, slip, case_number, (uint32_t)mediate_level_rank(lv), outcome, confirmed, role,
	                 team_size, resolved_at, 0);
}

/* Adds a case; *skipped is set (and 0 returned) when skip_other is set and
 * the case did not end in the month. */
static int
add_case(mediate_payroll *run, const mediate_case *c, int skip_other, int *skipped)
{
	mediate_pay_outcome o;
	int conf, rc;
	int64_t at;
	const mediate_level *lv;
	const char *number;
	size_t i, n, a0 = run->award_count, c0 = run->case_count;
	uint32_t slips[MEDIATE_CASE_MAX_MEDIATORS];

	if (skipped != NULL)
		*skipped = 0;
	if (mediate_case_policy(c) != run->policy)
		return mi_err(MEDIATE_EINVAL, "payroll: the case belongs to another policy");
	if (run->computed)
		return mi_err(MEDIATE_ESTATE, "payroll: already computed; case refused");
	if (mediate_case_get_outcome(c) == MEDIATE_OUTCOME_NONE || mediate_case_get_outcome(c) == 0) {
		if (skip_other) {
			*skipped = 1;
			return 0;
		}
	}
	if ((rc = mediate_pay_case_outcome(&o, &conf, &at, c)) != 0)
		return rc;
	if (at < run->start || at >= run->end) {
		if (skip_other) {
			*skipped = 1;
			return 0;
		}
		return mi_err(MEDIATE_ERANGE, "payroll: case %s was resolved outside %04d-%02d",
		              mediate_case_number(c) ? mediate_case_number(c) : mediate_case_id_text(c),
		              run->year, run->month);
	}
	if ((number = mediate_case_number(c)) == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll: case %s has no number", mediate_case_id_text(c));
	if ((lv = mediate_case_level(c)) == NULL) {
		/* never graded: the policy's rules decide, as mediate_grade() does */
		mediate_grade_result *g;
		if (mediate_case_category(c) == NULL)
			return mi_err(MEDIATE_EINVAL, "payroll: case %s has neither a level nor a category to grade", number);
		if ((rc = mediate_grade(&g, run->policy, c, 0)) != 0)
			return rc;
		lv = mediate_grade_result_level(g);
		mediate_grade_result_free(g);
	}
	n = mediate_case_mediator_count(c);
	if (n == 0)
		return mi_err(MEDIATE_EINVAL, "payroll: case %s has no mediator", number);
	for (i = 0; i < n; i++) {
		const char *id = mediate_case_mediator_id(mediate_case_mediator_at(c, i));
		if ((slips[i] = find_slip(run, id)) == NONE)
			return mi_err(MEDIATE_ENOTFOUND, "payroll: mediator \"%s\" of case %s is not on the roster", id,
			              number);
	}
	if (find_case(run, number, hash_str(number)) != NONE)
		return mi_err(MEDIATE_EEXISTS, "payroll: case %s is already in the payroll", number);
	for (i = 0; i < n; i++) {
		rc = add_award(run, slips[i], number, (uint32_t)mediate_level_rank(lv), o, conf,
		               mediate_case_mediator_get_role(mediate_case_mediator_at(c, i)), (unsigned int)n, at, 0);
		if (rc != 0) {
			rollback(run, a0, c0);
			return rc;
		}
	}
	return 0;
}

mediate_status
mediate_payroll_add_case(mediate_payroll *run, const mediate_case *c)
{
	if (run == NULL || c == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll add case: NULL argument");
	return add_case(run, c, 0, NULL);
}

mediate_status
mediate_payroll_add_cases(size_t *added, size_t *failed_index, mediate_payroll *run, const mediate_case_list *list)
{
	size_t i, n, a0, c0, count = 0;
	int rc, skipped;

	if (run == NULL || list == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll add cases: NULL argument");
	a0 = run->award_count;
	c0 = run->case_count;
	n = mediate_case_list_count(list);
	for (i = 0; i < n; i++) {
		rc = add_case(run, mediate_case_list_at(list, i), 1, &skipped);
		if (rc != 0) {
			rollback(run, a0, c0);
			if (failed_index != NULL)
				*failed_index = i;
			return rc;
		}
		if (!skipped)
			count++;
	}
	if (added != NULL)
		*added = count;
	return 0;
}

mediate_status
mediate_payroll_add_deduction(mediate_payroll *run, const char *mediator_id, const char *code,
                              const char *case_number, const char *note, int64_t at)
{
	const mi_pay_table *t;
	mi_pay_deduction *dd;
	uint32_t slip;
	size_t k;
	int rc;
	char *num = NULL, *nt = NULL;

	if (run == NULL || mediator_id == NULL || code == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll add deduction: NULL argument");
	if (case_number != NULL && (rc = check_number(case_number)) != 0)
		return rc;
	if (note != NULL) {
		size_t len = strlen(note);
		if (len > 500)
			return mi_err(MEDIATE_EINVAL, "payroll: a deduction note is up to 500 bytes");
		if (mediate_utf8_validate(note, len, NULL) != 0)
			return mi_err(MEDIATE_EUTF8, "payroll: the deduction note is not valid UTF-8");
	}
	if ((rc = check_common(run, at, "deduction")) != 0)
		return rc;
	if ((slip = find_slip(run, mediator_id)) == NONE)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: mediator \"%.64s\" is not on the roster", mediator_id);
	t = mi_pay_table_at(run->pay, at);
	for (k = 0; k < t->deduction_count && strcmp(t->deduction_code[k], code) != 0; k++)
		;
	if (k == t->deduction_count)
		return mi_err(MEDIATE_ENOTFOUND, "payroll: no deduction \"%.64s\" in the pay table effective %s", code,
		              t->effective_text);
	if (grow((void **)&run->deductions, &run->deduction_cap, run->deduction_count + 1,
	         sizeof *run->deductions) != 0)
		return mi_nomem();
	if ((case_number != NULL && (num = arena_strdup(run, case_number, strlen(case_number))) == NULL) ||
	    (note != NULL && (nt = arena_strdup(run, note, strlen(note))) == NULL))
		return mi_nomem();
	dd = &run->deductions[run->deduction_count++];
	dd->slip = slip;
	dd->table = (uint32_t)(t - run->pay->tables);
	dd->code = (uint32_t)k;
	dd->number = num;
	dd->note = nt;
	dd->at = at;
	return 0;
}

/* ---- computing ---- */

typedef __int128 wide;

static int
in_range(wide v)
{
	return v >= MEDIATE_MONEY_MIN && v <= MEDIATE_MONEY_MAX;
}

static int
add_to(int64_t *acc, int64_t v)
{
	wide s = (wide)*acc + v;
	if (!in_range(s))
		return mi_err(MEDIATE_ERANGE, "payroll: a total overflows");
	*acc = (int64_t)s;
	return 0;
}

/* a * num / den, half away from zero; den > 0. */
static int
ratio(int64_t *out, int64_t a, int64_t num, int64_t den)
{
	wide p, q, r;
	int neg;
	/* the usual case: small non-negative amounts and factors, in 64 bits */
	if (a >= 0 && a < ((int64_t)1 << 31) && num >= 0 && num < ((int64_t)1 << 31)) {
		int64_t x = a * num, y = x / den;
		if ((x % den) * 2 >= den)
			y++;
		*out = y;
		return 0;
	}
	p = (wide)a * num;
	neg = p < 0;
	if (neg)
		p = -p;
	q = p / den;
	r = p % den;
	if (r * 2 >= den)
		q++;
	if (neg)
		q = -q;
	if (!in_range(q))
		return mi_err(MEDIATE_ERANGE, "payroll: an amount overflows");
	*out = (int64_t)q;
	return 0;
}

static const mi_pay_band *
band_of(const mi_pay_table *t, int32_t rating)
{
	size_t i = t->band_count;
	while (i > 1 && t->bands[i - 1].from > rating)
		i--;
	return &t->bands[i - 1];
}

/* Team order: role, then staff number (the payslips' order). */
typedef struct { unsigned int role; uint32_t slip; uint32_t award; } member;
static int
cmp_member(const void *a, const void *b)
{
	const member *x = a, *y = b;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return x->slip < y->slip ? -1 : (x->slip > y->slip);
}

static int
cmp_award_line(const void *a, const void *b)
{
	const mediate_pay_line *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return strcmp(x->number, y->number);
}

static int
cmp_deduction_line(const mediate_payroll *run, const mediate_pay_line *x, const mediate_pay_line *y)
{
	const char *nx = run->deductions[x->award].note, *ny = run->deductions[y->award].note;
	int r;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if ((r = strcmp(x->rule, y->rule)) != 0)
		return r;
	if ((r = strcmp(x->number ? x->number : "", y->number ? y->number : "")) != 0)
		return r;
	return strcmp(nx ? nx : "", ny ? ny : "");
}

/* Largest remainder split of total by int64 weights (all >= 0, sum > 0). */
typedef struct { wide rem; size_t idx; } lr_item;
static int
cmp_lr(const void *a, const void *b)
{
	const lr_item *x = a, *y = b;
	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

static int
split_wide(int64_t *parts, int64_t total, const int64_t *w, size_t n)
{
	wide sum = 0, given = 0;
	lr_item *items;
	size_t i;
	for (i = 0; i < n; i++)
		sum += w[i];
	items = mi_malloc((n ? n : 1) * sizeof *items);
	if (items == NULL)
		return mi_nomem();
	for (i = 0; i < n; i++) {
		wide p = (wide)total * w[i];
		parts[i] = (int64_t)(p / sum);
		items[i].rem = p % sum;
		items[i].idx = i;
		given += parts[i];
	}
	qsort(items, n, sizeof *items, cmp_lr);
	for (i = 0; given < total; i++, given++)
		parts[items[i].idx]++;
	mi_free(items);
	return 0;
}

static void
reset_results(mediate_payroll *run)
{
	size_t i;
	mi_free(run->lines);
	run->lines = NULL;
	run->line_count = 0;
	for (i = 0; i < run->slip_count; i++) {
		memset(run->slips[i].totals, 0, sizeof run->slips[i].totals);
		run->slips[i].line_count = 0;
		run->slips[i].lines = NULL;
	}
	for (i = 0; i < run->unit_count; i++) {
		memset(run->units[i].totals, 0, sizeof run->units[i].totals);
		run->units[i].budget = -1;
	}
	memset(run->totals, 0, sizeof run->totals);
}

/*
 * Appends the base (col: the post) or grade (col: the level) lines of slip
 * s, amounts still to prorate: one line per run of table versions with the
 * same amount, so an unchanged amount is neither split nor rounded twice.
 */
static void
fixed_lines(mediate_payslip *s, const struct mi_pay *pay, mediate_pay_line_kind kind, size_t col,
            const uint32_t *seg_table, const uint32_t *seg_days, size_t seg_count)
{
	size_t j;
	for (j = 0; j < seg_count; j++) {
		const mi_pay_table *t = &pay->tables[seg_table[j]];
		int64_t amount = kind == MEDIATE_PAY_LINE_BASE ? t->base[col] : t->grade[col];
		mediate_pay_line *l = &s->lines[s->line_count - 1];
		if (j > 0 && l->aux == amount) {
			l->days = (uint16_t)(l->days + seg_days[j]);
			l->award = seg_table[j];
			continue;
		}
		l = &s->lines[s->line_count++];
		l->kind = kind;
		l->table = (uint16_t)seg_table[j];
		l->award = seg_table[j];
		l->days = (uint16_t)seg_days[j];
		l->aux = amount;
		l->rule = kind == MEDIATE_PAY_LINE_BASE ? t->base_rule[col] : t->grade_rule[col];
	}
}

static int
compute(mediate_payroll *run)
{
	const struct mi_pay *pay = run->pay;
	const mi_pay_table *last = mi_pay_table_at(pay, run->end - 1);
	size_t i, j, seg_count = 0, per_slip_fixed, total_lines;
	uint32_t seg_table[64], seg_days[64];
	size_t *fill;            /* per slip: next free line, index in run->lines */
	int32_t *rat;            /* per slip: the rating used (compact: read once per award) */
	int rc;

	/* every case complete */
	for (i = 0; i < run->case_count; i++)
		if (run->cases[i].count != run->cases[i].team_size)
			return mi_err(MEDIATE_EINVAL, "payroll: case %s has %u of its %u awards", run->cases[i].number,
			              run->cases[i].count, run->cases[i].team_size);
	/* table segments of the month (at most one per day) */
	for (i = 0; i < run->days; i++) {
		const mi_pay_table *t = mi_pay_table_at(pay, run->start + (int64_t)i * 86400);
		uint32_t ti = (uint32_t)(t - pay->tables);
		if (seg_count > 0 && seg_table[seg_count - 1] == ti)
			seg_days[seg_count - 1]++;
		else {
			seg_table[seg_count] = ti;
			seg_days[seg_count++] = 1;
		}
	}
	/* ratings */
	for (i = 0; i < run->slip_count; i++) {
		mediate_payslip *s = &run->slips[i];
		if (s->rating >= 0) {
			s->used_rating = s->rating;
			continue;
		}
		if (run->ratings != NULL) {
			mediate_rating_summary sum;
			if ((rc = mediate_ratings_summary(&sum, run->ratings, mediate_mediator_id(s->m), run->end - 1)) != 0)
				return rc;
			s->used_rating = sum.bayes_milli;
		} else
			s->used_rating = mediate_policy_rating_prior_milli(run->policy);
	}
	/* lines per slip: base + grade per segment, awards, cap, budget, deductions */
	per_slip_fixed = 2 * seg_count + 2;
	for (i = 0; i < run->slip_count; i++)
		run->slips[i].award_n = 0;
	for (i = 0; i < run->award_count; i++)
		run->slips[run->awards[i].slip].award_n++;
	for (i = 0; i < run->deduction_count; i++)
		run->slips[run->deductions[i].slip].award_n++;
	total_lines = run->slip_count * per_slip_fixed + run->award_count + run->deduction_count;
	run->lines = mi_calloc(total_lines ? total_lines : 1, sizeof *run->lines);
	fill = mi_malloc((run->slip_count ? run->slip_count : 1) * sizeof *fill);
	rat = mi_malloc((run->slip_count ? run->slip_count : 1) * sizeof *rat);
	if (run->lines == NULL || fill == NULL || rat == NULL) {
		mi_free(fill);
		mi_free(rat);
		return mi_nomem();
	}
	{
		size_t off = 0;
		for (i = 0; i < run->slip_count; i++) {
			mediate_payslip *s = &run->slips[i];
			mediate_post_type post = mediate_mediator_post(s->m);
			unsigned int level = mediate_mediator_level(s->m);
			s->lines = run->lines + off;
			off += per_slip_fixed + s->award_n;
			fixed_lines(s, pay, MEDIATE_PAY_LINE_BASE, post, seg_table, seg_days, seg_count);
			fixed_lines(s, pay, MEDIATE_PAY_LINE_GRADE, level, seg_table, seg_days, seg_count);
			for (j = 0; j < s->line_count; j++)
				if ((rc = ratio(&s->lines[j].amount, s->lines[j].aux, s->lines[j].days, run->days)) != 0)
					goto fail;
			fill[i] = (size_t)(s->lines - run->lines) + s->line_count;
			rat[i] = s->used_rating;
		}
	}
	/* awards, case by case */
	for (i = 0; i < run->case_count; i++) {
		mi_pay_case *pc = &run->cases[i];
		const mi_pay_table *t = mi_pay_table_at(pay, pc->at);
		member members[MEDIATE_CASE_MAX_MEDIATORS];
		uint32_t a;
		uint32_t w[MEDIATE_CASE_MAX_MEDIATORS], wsum = 0;
		int64_t shares[MEDIATE_CASE_MAX_MEDIATORS], amount = 0;
		size_t n = 0, col;
		const char *rule;

		switch (pc->outcome) {
		case MEDIATE_PAY_PERFORMED: col = MI_PAY_COL_PERFORMED; break;
		case MEDIATE_PAY_REACHED: col = MI_PAY_COL_REACHED; break;
		case MEDIATE_PAY_FAILED_PROCESS: col = MI_PAY_COL_FAILED_PROCESS; break;
		default: col = MI_PAY_NCOL; break;
		}
		if (col < MI_PAY_NCOL) {
			amount = t->incentive[pc->level * MI_PAY_NCOL + col];
			if (pc->confirmed && (rc = add_to(&amount, t->incentive[pc->level * MI_PAY_NCOL + MI_PAY_COL_BONUS])) != 0)
				goto fail;
			rule = t->incentive_rule[pc->level * MI_PAY_NCOL + col];
		} else
			rule = pc->outcome == MEDIATE_PAY_WITHDRAWN ? "pay.zero.withdrawn" : "pay.zero.failed";
		pc->amount = amount;
		for (a = pc->first; a != NONE; a = run->awards[a].cnext) {
			members[n].role = run->awards[a].role;
			members[n].slip = run->awards[a].slip;
			members[n++].award = a;
		}
		for (j = 1; j < n; j++) {   /* insertion sort: teams are small */
			member x = members[j];
			size_t k2 = j;
			while (k2 > 0 && cmp_member(&members[k2 - 1], &x) > 0) {
				members[k2] = members[k2 - 1];
				k2--;
			}
			members[k2] = x;
		}
		for (j = 0; j < n; j++) {
			w[j] = t->role_weight[members[j].role];
			wsum += w[j];
		}
		if (n == 1)
			shares[0] = amount;
		else if (amount >= 0 && amount < ((int64_t)1 << 31)) {
			/* largest remainder in 64 bits (wsum < 2^25): floors, then the
			 * leftover fen to the largest remainders, earlier member first */
			int64_t given = 0, rems[MEDIATE_CASE_MAX_MEDIATORS];
			for (j = 0; j < n; j++) {
				shares[j] = amount * w[j] / wsum;
				rems[j] = amount * w[j] % wsum;
				given += shares[j];
			}
			while (given < amount) {
				size_t best = 0;
				for (j = 1; j < n; j++)
					if (rems[j] > rems[best])
						best = j;
				shares[best]++;
				rems[best] = -1;
				given++;
			}
		} else if ((rc = mediate_money_split(shares, amount, w, n)) != 0)
			goto fail;
		for (j = 0; j < n; j++) {
			uint32_t sl = members[j].slip;
			const mi_pay_band *b = band_of(t, rat[sl]);
			mediate_pay_line *l = &run->lines[fill[sl]++];
			l->kind = MEDIATE_PAY_LINE_AWARD;
			l->table = (uint16_t)(t - pay->tables);
			l->rule = rule;
			l->number = pc->number;
			l->at = pc->at;
			l->aux = shares[j];
			l->award = members[j].award;
			l->factor = (int16_t)b->factor;
			l->weight = w[j];
			l->weight_total = wsum;
			if ((rc = ratio(&l->amount, shares[j], b->factor, 1000)) != 0)
				goto fail;
		}
	}
	/* per slip: sort awards, sum, cap */
	for (i = 0; i < run->slip_count; i++) {
		mediate_payslip *s = &run->slips[i];
		size_t first = 0, k;
		int64_t awards = 0;
		size_t end = fill[i] - (size_t)(s->lines - run->lines);
		while (first < end && s->lines[first].kind != MEDIATE_PAY_LINE_AWARD)
			first++;
		if (end - first > 48)
			qsort(s->lines + first, end - first, sizeof *s->lines, cmp_award_line);
		else for (k = first + 1; k < end; k++) {   /* insertion sort: few lines */
			size_t k2 = k;
			if (cmp_award_line(&s->lines[k - 1], &s->lines[k]) <= 0)
				continue;
			{
				mediate_pay_line x = s->lines[k];
				while (k2 > first && cmp_award_line(&s->lines[k2 - 1], &x) > 0) {
					s->lines[k2] = s->lines[k2 - 1];
					k2--;
				}
				s->lines[k2] = x;
			}
		}
		s->line_count = end;
		for (k = 0; k < first; k++)
			if ((rc = add_to(&s->totals[s->lines[k].kind == MEDIATE_PAY_LINE_BASE ? MEDIATE_PAY_TOTAL_BASE
			                                                                       : MEDIATE_PAY_TOTAL_GRADE],
			                 s->lines[k].amount)) != 0)
				goto fail;
		for (k = first; k < s->line_count; k++)
			if ((rc = add_to(&awards, s->lines[k].amount)) != 0)
				goto fail;
		s->totals[MEDIATE_PAY_TOTAL_AWARDS] = awards;
		s->totals[MEDIATE_PAY_TOTAL_INCENTIVE] = awards;
		if (last->cap >= 0 && awards > last->cap) {
			mediate_pay_line *l = &s->lines[s->line_count++];
			l->kind = MEDIATE_PAY_LINE_CAP;
			l->table = (uint16_t)(last - pay->tables);
			l->rule = last->cap_rule;
			l->aux = awards;
			l->amount = last->cap - awards;
			l->at = run->end - 1;
			s->totals[MEDIATE_PAY_TOTAL_CAP] = l->amount;
			s->totals[MEDIATE_PAY_TOTAL_INCENTIVE] = last->cap;
		}
	}
	/* unit budgets */
	for (i = 0; i < run->unit_count; i++) {
		mi_pay_unit *u = &run->units[i];
		size_t k, n = 0;
		int64_t sum = 0, *w, *parts;
		uint32_t *idx;
		u->budget = -1;
		for (k = 0; k < last->budget_count; k++)
			if (last->budget_unit[k] == u->unit) {
				u->budget = last->budget_amount[k];
				u->budget_rule = last->budget_rule[k];
			}
		if (u->budget < 0)
			continue;
		for (k = 0; k < run->slip_count; k++)
			if (run->slips[k].unit == i) {
				n++;
				if ((rc = add_to(&sum, run->slips[k].totals[MEDIATE_PAY_TOTAL_INCENTIVE])) != 0)
					goto fail;
			}
		if (sum <= u->budget)
			continue;
		w = mi_malloc(n * sizeof *w);
		parts = mi_malloc(n * sizeof *parts);
		idx = mi_malloc(n * sizeof *idx);
		if (w == NULL || parts == NULL || idx == NULL) {
			mi_free(w);
			mi_free(parts);
			mi_free(idx);
			rc = mi_nomem();
			goto fail;
		}
		for (k = 0, n = 0; k < run->slip_count; k++)
			if (run->slips[k].unit == i) {
				idx[n] = (uint32_t)k;
				w[n++] = run->slips[k].totals[MEDIATE_PAY_TOTAL_INCENTIVE];
			}
		rc = split_wide(parts, u->budget, w, n);
		for (k = 0; rc == 0 && k < n; k++) {
			mediate_payslip *s = &run->slips[idx[k]];
			mediate_pay_line *l;
			if (parts[k] == w[k])
				continue;
			l = &s->lines[s->line_count++];
			l->kind = MEDIATE_PAY_LINE_BUDGET;
			l->table = (uint16_t)(last - pay->tables);
			l->rule = u->budget_rule;
			l->aux = w[k];
			l->amount = parts[k] - w[k];
			l->at = run->end - 1;
			s->totals[MEDIATE_PAY_TOTAL_BUDGET] = l->amount;
			s->totals[MEDIATE_PAY_TOTAL_INCENTIVE] = parts[k];
		}
		mi_free(w);
		mi_free(parts);
		mi_free(idx);
		if (rc != 0)
			goto fail;
	}
	/* deductions */
	for (i = 0; i < run->deduction_count; i++) {
		mi_pay_deduction *dd = &run->deductions[i];
		mediate_payslip *s = &run->slips[dd->slip];
		const mi_pay_table *t = &pay->tables[dd->table];
		mediate_pay_line *l = &s->lines[s->line_count++];
		l->kind = MEDIATE_PAY_LINE_DEDUCTION;
		l->table = (uint16_t)dd->table;
		l->rule = t->deduction_rule[dd->code];
		l->number = dd->number;
		l->award = (uint32_t)i;
		l->at = dd->at;
		l->aux = t->deduction_amount[dd->code];
	}
	for (i = 0; i < run->slip_count; i++) {
		mediate_payslip *s = &run->slips[i];
		size_t k, first = s->line_count;
		int64_t left = 0;
		while (first > 0 && s->lines[first - 1].kind == MEDIATE_PAY_LINE_DEDUCTION)
			first--;
		if (s->line_count - first > 1)
			for (k = first + 1; k < s->line_count; k++) {   /* insertion sort: deductions are few */
				mediate_pay_line x = s->lines[k];
				size_t k2 = k;
				while (k2 > first && cmp_deduction_line(run, &s->lines[k2 - 1], &x) > 0) {
					s->lines[k2] = s->lines[k2 - 1];
					k2--;
				}
				s->lines[k2] = x;
			}
		if ((rc = add_to(&left, s->totals[MEDIATE_PAY_TOTAL_BASE])) != 0 ||
		    (rc = add_to(&left, s->totals[MEDIATE_PAY_TOTAL_GRADE])) != 0 ||
		    (rc = add_to(&left, s->totals[MEDIATE_PAY_TOTAL_INCENTIVE])) != 0)
			goto fail;
		for (k = first; k < s->line_count; k++) {
			mediate_pay_line *l = &s->lines[k];
			int64_t take = l->aux < left ? l->aux : left;
			if (take < 0)
				take = 0;
			l->limited = take < l->aux;
			l->amount = -take;
			left -= take;
			s->totals[MEDIATE_PAY_TOTAL_DEDUCTIONS] -= take;
		}
		s->totals[MEDIATE_PAY_TOTAL_NET] = left;
		/* units and overall */
		for (k = 1; k < MI_PAY_NTOTALS; k++)
			if ((rc = add_to(&run->units[s->unit].totals[k], s->totals[k])) != 0 ||
			    (rc = add_to(&run->totals[k], s->totals[k])) != 0)
				goto fail;
	}
	mi_free(fill);
	mi_free(rat);
	run->line_count = total_lines;
	return 0;
fail:
	mi_free(fill);
	mi_free(rat);
	reset_results(run);
	return rc;
}

mediate_status
mediate_payroll_compute(mediate_payroll *run)
{
	if (run == NULL)
		return mi_err(MEDIATE_EINVAL, "payroll compute: NULL argument");
	if (run->computed)
		return mi_err(MEDIATE_ESTATE, "payroll: already computed");
	reset_results(run);
	if (compute(run) != 0)
		return mediate_error_last()->code;
	run->computed = 1;
	return 0;
}

/* ---- results ---- */

size_t
mediate_payroll_payslip_count(const mediate_payroll *run)
{
	return run != NULL && run->computed ? run->slip_count : 0;
}

const mediate_payslip *
mediate_payroll_payslip_at(const mediate_payroll *run, size_t index)
{
	if (run == NULL || !run->computed || index >= run->slip_count)
		return NULL;
	return &run->slips[index];
}

const mediate_payslip *
mediate_payroll_find(const mediate_payroll *run, const char *mediator_id)
{
	uint32_t s;
	if (run == NULL || !run->computed || mediator_id == NULL || (s = find_slip(run, mediator_id)) == NONE)
		return NULL;
	return &run->slips[s];
}

int64_t
mediate_payroll_total(const mediate_payroll *run, mediate_pay_total what)
{
	if (run == NULL || !run->computed || (int)what < 1 || (int)what >= MI_PAY_NTOTALS)
		return 0;
	return run->totals[what];
}

size_t
mediate_payroll_unit_count(const mediate_payroll *run)
{
	return run != NULL && run->computed ? run->unit_count : 0;
}

const mediate_unit *
mediate_payroll_unit_at(const mediate_payroll *run, size_t index)
{
	if (run == NULL || !run->computed || index >= run->unit_count)
		return NULL;
	return run->units[index].unit;
}

int64_t
mediate_payroll_unit_total(const mediate_payroll *run, size_t index, mediate_pay_total what)
{
	if (run == NULL || !run->computed || index >= run->unit_count || (int)what < 1 || (int)what >= MI_PAY_NTOTALS)
		return 0;
	return run->units[index].totals[what];
}

int64_t
mediate_payroll_unit_budget(const mediate_payroll *run, size_t index)
{
	if (run == NULL || !run->computed || index >= run->unit_count)
		return -1;
	return run->units[index].budget;
}

const mediate_mediator *
mediate_payslip_mediator(const mediate_payslip *slip)
{
	return slip != NULL ? slip->m : NULL;
}

int64_t
mediate_payslip_total(const mediate_payslip *slip, mediate_pay_total what)
{
	if (slip == NULL || (int)what < 1 || (int)what >= MI_PAY_NTOTALS)
		return 0;
	return slip->totals[what];
}

int32_t
mediate_payslip_rating_milli(const mediate_payslip *slip)
{
	return slip != NULL ? slip->used_rating : 0;
}

size_t
mediate_payslip_line_count(const mediate_payslip *slip)
{
	return slip != NULL ? slip->line_count : 0;
}

const mediate_pay_line *
mediate_payslip_line_at(const mediate_payslip *slip, size_t index)
{
	if (slip == NULL || index >= slip->line_count)
		return NULL;
	return &slip->lines[index];
}

mediate_pay_line_kind
mediate_pay_line_get_kind(const mediate_pay_line *line)
{
	return line != NULL ? (mediate_pay_line_kind)line->kind : (mediate_pay_line_kind)0;
}

int64_t
mediate_pay_line_amount(const mediate_pay_line *line)
{
	return line != NULL ? line->amount : 0;
}

const char *
mediate_pay_line_case_number(const mediate_pay_line *line)
{
	return line != NULL ? line->number : NULL;
}

const char *
mediate_pay_line_rule(const mediate_pay_line *line)
{
	return line != NULL ? line->rule : NULL;
}

unsigned int
mediate_pay_line_days(const mediate_pay_line *line)
{
	return line != NULL ? line->days : 0;
}
