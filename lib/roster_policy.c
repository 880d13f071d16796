/* SPDX-License-Identifier: MIT */
/*
 * Roster module, part 3: the policy section "roster" and the published menu.
 *
 * The section says what of a mediator's personal data the public sees
 * (mediate-policy(5)):
 *
 *   roster:
 *     publish_phone: false     # default: phones are masked (138****5678)
 *
 * The menu (mediate_roster_menu) is what a portal shows: the mediators on
 * duty that match the filters, best published score first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "policy_priv.h"
#include "roster_priv.h"

/* ---- policy section ------------------------------------------------------ */

int
mi_roster_policy_load(mediate_policy *p, const ynode *n, ydiag *d, ypath *path)
{
	static const char *const keys[] = { "publish_phone", NULL };
	struct mi_roster_policy *rp;
	const ynode *v;
	unsigned int before = d->count;
	size_t mark;
	int b;

	if (n == NULL || ynode_is_null(n))
		return 0;   /* the defaults */
	if (yget_map(d, n, path) != 0)
		return MEDIATE_EVALIDATE;
	ymap_check_keys(d, n, path, keys);
	if ((rp = mi_calloc(1, sizeof *rp)) == NULL)
		return MEDIATE_ENOMEM;
	p->roster = rp;
	if ((v = ymap_get(n, "publish_phone")) != NULL) {
		mark = ypath_key(path, "publish_phone");
		if (yget_bool(d, v, path, &b) == 0)
			rp->publish_phone = b;
		ypath_pop(path, mark);
	}
	return d->count > before ? MEDIATE_EVALIDATE : 0;
}

void
mi_roster_policy_free(mediate_policy *p)
{
	mi_free(p->roster);
	p->roster = NULL;
}

int
mi_roster_policy_publish_phone(const mediate_policy *p)
{
	return p->roster != NULL && p->roster->publish_phone;
}

/* ---- the menu ------------------------------------------------------------ */

typedef struct menu_entry {
	const mediate_mediator *m;
	int32_t score;
} menu_entry;

struct mediate_menu {
	size_t total;
	size_t count;
	menu_entry *entries;
	int publish_phone;
};

static int
entry_cmp(const void *a, const void *b)
{
	const menu_entry *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->m->staff, y->m->staff);
}

/* Whether one of m's specialties lies within category c. */
static int
has_specialty_within(const mediate_mediator *m, const mediate_policy *p, const mediate_category *c)
{
	size_t i;
	for (i = 0; i < m->specialty_count; i++)
		if (mediate_category_is_within(mediate_policy_category_at(p, m->specialties[i].category), c))
			return 1;
	return 0;
}

mediate_status
mediate_roster_menu(mediate_menu **out, const mediate_roster *roster, const mediate_ratings *ratings,
                    const char *category_code, const char *unit_code, mediate_case_mode mode, int64_t at,
                    size_t page, size_t page_size)
{
	const mediate_category *cat = NULL;
	const mediate_unit *unit = NULL;
	menu_entry *all;
	mediate_menu *menu;
	size_t i, n = 0, first;
	int rc;

	if (out == NULL || roster == NULL)
		return mi_err(MEDIATE_EINVAL, "roster menu: NULL argument");
	if (page_size < 1 || page_size > 500)
		return mi_err(MEDIATE_EINVAL, "roster menu: page size %zu is out of range 1..500", page_size);
	if (category_code != NULL && (cat = mediate_policy_category_find(roster->policy, category_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "roster menu: unknown category \"%.64s\"", category_code);
	if (unit_code != NULL && (unit = mediate_policy_unit_find(roster->policy, unit_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "roster menu: unknown unit \"%.64s\"", unit_code);
	if ((int)mode != 0 && mediate_case_mode_name(mode) == NULL)
		return mi_err(MEDIATE_EINVAL, "roster menu: unknown mode %d", (int)mode);
	if ((menu = mi_calloc(1, sizeof *menu)) == NULL)
		return mi_nomem();
	if (roster->count > 0 && (all = mi_calloc(roster->count, sizeof *all)) == NULL) {
		mi_free(menu);
		return mi_nomem();
	} else if (roster->count == 0) {
		all = NULL;
	}
	for (i = 0; i < roster->count; i++) {
		const mediate_mediator *m = roster->items[i];
		int32_t score;
		if (cat != NULL && !has_specialty_within(m, roster->policy, cat))
			continue;
		if (unit != NULL && !mediate_unit_is_within(m->unit, unit))
			continue;
		if ((int)mode != 0 && !(m->modes & MEDIATE_MODE_BIT(mode)))
			continue;
		if (mediate_mediator_duty_at(m, at) != MEDIATE_DUTY_ON)
			continue;
		if (ratings != NULL) {
			mediate_rating_summary s;
			if ((rc = mediate_ratings_summary(&s, ratings, m->id, at)) != 0) {
				mi_free(all);
				mi_free(menu);
				return rc;
			}
			score = s.bayes_milli;
		} else {
			score = (int32_t)mi_mediator_best_proficiency(m) * 1000;
		}
		all[n].m = m;
		all[n].score = score;
		n++;
	}
	if (n > 1)
		qsort(all, n, sizeof *all, entry_cmp);
	menu->total = n;
	menu->publish_phone = mi_roster_policy_publish_phone(roster->policy);
	first = page <= n / page_size ? page * page_size : n;
	menu->count = n - first < page_size ? n - first : page_size;
	if (menu->count > 0) {
		memmove(all, all + first, menu->count * sizeof *all);
		menu->entries = all;
	} else {
		mi_free(all);
	}
	*out = menu;
	return 0;
}

void
mediate_menu_free(mediate_menu *menu)
{
	if (menu == NULL)
		return;
	mi_free(menu->entries);
	mi_free(menu);
}

size_t mediate_menu_total(const mediate_menu *menu) { return menu ? menu->total : 0; }
size_t mediate_menu_count(const mediate_menu *menu) { return menu ? menu->count : 0; }

const mediate_mediator *
mediate_menu_mediator_at(const mediate_menu *menu, size_t index)
{
	return menu && index < menu->count ? menu->entries[index].m : NULL;
}

int32_t
mediate_menu_score(const mediate_menu *menu, size_t index)
{
	return menu && index < menu->count ? menu->entries[index].score : 0;
}

const char *
mediate_menu_phone(const mediate_menu *menu, size_t index)
{
	const mediate_mediator *m;
	if (menu == NULL || index >= menu->count)
		return NULL;
	m = menu->entries[index].m;
	return menu->publish_phone ? m->phone : m->phone_masked;
}
