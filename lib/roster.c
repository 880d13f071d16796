/* SPDX-License-Identifier: MIT */
/*
 * Roster module: the roster of mediators (include/mediate/roster.h).
 *
 * Read top to bottom: names of the enums, argument checks, the two hash
 * tables (by id, by staff number), the roster (new, free, add, remove,
 * find), the setters, the getters, recusal.  The YAML reader and writer are
 * in roster_yaml.c, the published menu and the policy section in
 * roster_policy.c; the layout is in roster_priv.h.
 *
 * Every setter checks everything and allocates what it needs before it
 * touches the mediator, so a failed call changes nothing.
 */
#include "config.h"

#include <string.h>

#include "policy_priv.h"
#include "roster_priv.h"

/* ---- names -------------------------------------------------------------- */

static const char *const post_names[] = {
	NULL, "full_time", "part_time", "retired_volunteer", "invited_expert"
};
#define NPOSTS (sizeof post_names / sizeof post_names[0])

static const char *const duty_names[] = { NULL, "on", "off", "leave" };
#define NDUTIES (sizeof duty_names / sizeof duty_names[0])

const char *
mediate_post_type_name(mediate_post_type type)
{
	return mi_name_of(post_names, NPOSTS, 1, (long)type);
}

mediate_status
mediate_post_type_parse(mediate_post_type *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, post_names, NPOSTS, 1, MEDIATE_EINVAL, "post type", name);
	if (rc == 0)
		*out = (mediate_post_type)v;
	return rc;
}

const char *
mediate_duty_name(mediate_duty duty)
{
	return mi_name_of(duty_names, NDUTIES, 1, (long)duty);
}

mediate_status
mediate_duty_parse(mediate_duty *out, const char *name)
{
	int v = 0, rc = mi_name_parse(out != NULL ? &v : NULL, duty_names, NDUTIES, 1, MEDIATE_EINVAL, "duty status",
	                              name);
	if (rc == 0)
		*out = (mediate_duty)v;
	return rc;
}

/* ---- argument checks ---------------------------------------------------- */

static int
ident_check(const char *what, const char *s, size_t max, int dot_ok)
{
	size_t i;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL", what);
	for (i = 0; s[i]; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '-' || (dot_ok && ch == '.')))
			return mi_err(MEDIATE_EINVAL, "%s \"%.64s\": only letters, digits, '_', %s'-' are allowed",
			              what, s, dot_ok ? "'.' and " : "and ");
		if (i >= max)
			return mi_err(MEDIATE_ELIMIT, "%s is longer than %zu bytes", what, max);
	}
	if (i == 0)
		return mi_err(MEDIATE_EINVAL, "%s is empty", what);
	return 0;
}

int
mi_roster_check_id(const char *what, const char *s)
{
	return ident_check(what, s, MI_ROSTER_MAX_ID_BYTES, 1);
}

int
mi_roster_check_staff(const char *s)
{
	return ident_check("staff number", s, MI_ROSTER_MAX_STAFF_BYTES, 0);
}

/* 1..max bytes of valid UTF-8 without control characters. */
int
mi_roster_check_name(const char *what, const char *s, size_t max)
{
	size_t i, len, bad = 0;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL", what);
	len = strlen(s);
	if (len == 0)
		return mi_err(MEDIATE_EINVAL, "%s is empty", what);
	if (len > max)
		return mi_err(MEDIATE_ELIMIT, "%s is %zu bytes long; at most %zu are allowed", what, len, max);
	if (mediate_utf8_validate(s, len, &bad) != 0)
		return mi_err(MEDIATE_EUTF8, "%s: invalid UTF-8 at byte %zu", what, bad);
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f)
			return mi_err(MEDIATE_EINVAL, "%s: control character 0x%02x at byte %zu", what, ch, i);
	}
	return 0;
}

int
mi_roster_check_phone(const char *s)
{
	size_t i;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "phone: NULL");
	for (i = 0; s[i]; i++) {
		if (i >= 20)
			return mi_err(MEDIATE_ELIMIT, "phone: longer than 20 characters");
		if (!(s[i] >= '0' && s[i] <= '9') && !(i == 0 && s[i] == '+'))
			return mi_err(MEDIATE_EINVAL, "phone \"%.20s\": only digits and a leading '+' are allowed", s);
	}
	if (i < 5)
		return mi_err(MEDIATE_EINVAL, "phone \"%s\": at least 5 characters expected", s);
	return 0;
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* A BCP 47 tag in its common shape: a primary subtag of 2..8 letters, then
 * subtags of 1..8 letters or digits, separated by '-'. */
int
mi_roster_check_language(const char *s)
{
	size_t i, run = 0, len;
	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "language: NULL");
	len = strlen(s);
	if (len > MI_ROSTER_MAX_LANGUAGE_BYTES)
		return mi_err(MEDIATE_ELIMIT, "language tag is longer than %u bytes", MI_ROSTER_MAX_LANGUAGE_BYTES);
	for (i = 0; i <= len; i++) {
		char ch = s[i];
		if (ch == '-' || ch == '\0') {
			if (run == 0 || run > 8 || (i == run && run < 2))
				goto bad;
			run = 0;
		} else if (i == run ? is_alpha(ch) : is_alnum(ch)) {
			run++;
		} else {
			goto bad;
		}
	}
	return 0;
bad:
	return mi_err(MEDIATE_EINVAL, "language \"%.35s\" is not a BCP 47 tag such as zh, en or wuu", s);
}

/* ---- hash tables -------------------------------------------------------- */

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;   /* FNV-1a */
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ull;
	}
	return h ^ (h >> 29);
}

static const char *
mt_key(const mi_mtable *t, const mediate_mediator *m)
{
	return t->by_staff ? m->staff : m->id;
}

static mediate_mediator *
mt_find(const mi_mtable *t, const char *key)
{
	size_t i, mask;
	if (t->cap == 0)
		return NULL;
	mask = t->cap - 1;
	for (i = (size_t)hash_str(key) & mask; t->slots[i] != NULL; i = (i + 1) & mask)
		if (strcmp(mt_key(t, t->slots[i]), key) == 0)
			return t->slots[i];
	return NULL;
}

/* Inserts into slots that have room (never fails). */
static void
mt_place(mediate_mediator **slots, size_t cap, const char *key, mediate_mediator *m)
{
	size_t i, mask = cap - 1;
	for (i = (size_t)hash_str(key) & mask; slots[i] != NULL; i = (i + 1) & mask)
		;
	slots[i] = m;
}

/* New slots big enough for n entries (load at most 1/2), or NULL with *newcap
 * 0 when the current ones will do; returns nonzero on allocation failure. */
static int
mt_prepare(const mi_mtable *t, size_t n, mediate_mediator ***slots, size_t *newcap)
{
	size_t cap = t->cap ? t->cap : 16;
	*slots = NULL;
	*newcap = 0;
	while (cap / 2 < n)
		cap *= 2;
	if (cap == t->cap)
		return 0;
	if ((*slots = mi_calloc(cap, sizeof(**slots))) == NULL)
		return mi_nomem();
	*newcap = cap;
	return 0;
}

/* Moves every entry into the prepared slots. */
static void
mt_commit(mi_mtable *t, mediate_mediator **slots, size_t cap)
{
	size_t i;
	if (slots == NULL)
		return;
	for (i = 0; i < t->cap; i++)
		if (t->slots[i] != NULL)
			mt_place(slots, cap, mt_key(t, t->slots[i]), t->slots[i]);
	mi_free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

static void
mt_insert(mi_mtable *t, mediate_mediator *m)
{
	mt_place(t->slots, t->cap, mt_key(t, m), m);
	t->used++;
}

/* Removes m, shifting later entries of the cluster back (no tombstones). */
static void
mt_delete(mi_mtable *t, const mediate_mediator *m)
{
	size_t i, j, mask = t->cap - 1;
	for (i = (size_t)hash_str(mt_key(t, m)) & mask; t->slots[i] != m; i = (i + 1) & mask)
		if (t->slots[i] == NULL)
			return;
	t->slots[i] = NULL;
	t->used--;
	for (j = (i + 1) & mask; t->slots[j] != NULL; j = (j + 1) & mask) {
		size_t home = (size_t)hash_str(mt_key(t, t->slots[j])) & mask;
		/* The entry at j may move to the hole at i unless its home lies
		 * cyclically in (i, j]. */
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			t->slots[i] = t->slots[j];
			t->slots[j] = NULL;
			i = j;
		}
	}
}

/* ---- the roster --------------------------------------------------------- */

static void
mediator_free(mediate_mediator *m)
{
	size_t i;
	if (m == NULL)
		return;
	mi_free(m->id);
	mi_free(m->staff);
	mi_free(m->name);
	mi_free(m->phone);
	mi_free(m->phone_masked);
	mi_free(m->specialties);
	for (i = 0; i < m->language_count; i++)
		mi_free(m->languages[i]);
	mi_free(m->languages);
	for (i = 0; i < m->leave_count; i++)
		mi_free(m->leaves[i].reason);
	mi_free(m->leaves);
	for (i = 0; i < m->recusal_count; i++) {
		mi_free(m->recusals[i].party_id);
		mi_free(m->recusals[i].name);
		mi_free(m->recusals[i].relationship);
	}
	mi_free(m->recusals);
	mi_free(m);
}

mediate_status
mediate_roster_new(mediate_roster **out, const mediate_policy *policy)
{
	mediate_roster *r;
	if (out == NULL || policy == NULL)
		return mi_err(MEDIATE_EINVAL, "roster new: NULL argument");
	if ((r = mi_calloc(1, sizeof(*r))) == NULL)
		return mi_nomem();
	r->policy = policy;
	r->by_staff.by_staff = 1;
	*out = r;
	return 0;
}

void
mediate_roster_free(mediate_roster *roster)
{
	size_t i;
	if (roster == NULL)
		return;
	for (i = 0; i < roster->count; i++)
		mediator_free(roster->items[i]);
	mi_free(roster->items);
	mi_free(roster->by_id.slots);
	mi_free(roster->by_staff.slots);
	mi_free(roster);
}

const mediate_policy *
mediate_roster_policy(const mediate_roster *roster)
{
	return roster ? roster->policy : NULL;
}

size_t
mediate_roster_count(const mediate_roster *roster)
{
	return roster ? roster->count : 0;
}

const mediate_mediator *
mediate_roster_at(const mediate_roster *roster, size_t index)
{
	return roster && index < roster->count ? roster->items[index] : NULL;
}

mediate_mediator *
mi_roster_find(const mediate_roster *r, const char *id)
{
	return mt_find(&r->by_id, id);
}

mediate_mediator *
mi_roster_find_staff(const mediate_roster *r, const char *staff)
{
	return mt_find(&r->by_staff, staff);
}

const mediate_mediator *
mediate_roster_find(const mediate_roster *roster, const char *id)
{
	return roster && id ? mi_roster_find(roster, id) : NULL;
}

const mediate_mediator *
mediate_roster_find_staff(const mediate_roster *roster, const char *staff_number)
{
	return roster && staff_number ? mi_roster_find_staff(roster, staff_number) : NULL;
}

static int
check_level(unsigned int level)
{
	if (level < 1 || level > MEDIATE_MEDIATOR_LEVEL_MAX)
		return mi_err(MEDIATE_EINVAL, "mediator level %u is out of range 1..%d", level,
		              MEDIATE_MEDIATOR_LEVEL_MAX);
	return 0;
}

static int
find_unit(const mediate_unit **out, const mediate_roster *r, const char *what, const char *code)
{
	if (code == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL unit code", what);
	if ((*out = mediate_policy_unit_find(r->policy, code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "%s: unknown unit \"%.64s\"", what, code);
	return 0;
}

mediate_status
mediate_roster_add(const mediate_mediator **out, mediate_roster *roster, const char *id,
                   const char *staff_number, const char *name, const char *unit_code,
                   mediate_post_type post, unsigned int level)
{
	char idbuf[MEDIATE_ID_BUFSIZE];
	const mediate_unit *unit;
	mediate_mediator *m, **items = NULL, **ids, **staffs;
	size_t idcap, staffcap;
	int rc;
	if (roster == NULL || staff_number == NULL || name == NULL || unit_code == NULL)
		return mi_err(MEDIATE_EINVAL, "roster add: NULL argument");
	if (id != NULL && (rc = mi_roster_check_id("mediator id", id)) != 0)
		return rc;
	if ((rc = mi_roster_check_staff(staff_number)) != 0 ||
	    (rc = mi_roster_check_name("mediator name", name, MI_ROSTER_MAX_NAME_BYTES)) != 0 ||
	    (rc = find_unit(&unit, roster, "roster add", unit_code)) != 0 ||
	    (rc = check_level(level)) != 0)
		return rc;
	if (mediate_post_type_name(post) == NULL)
		return mi_err(MEDIATE_EINVAL, "roster add: unknown post type %d", (int)post);
	if (id == NULL) {
		mediate_id uuid;
		do {
			if ((rc = mediate_id_generate(&uuid)) != 0 ||
			    (rc = mediate_id_format(idbuf, sizeof idbuf, &uuid)) != 0)
				return rc;
		} while (mi_roster_find(roster, idbuf) != NULL);
		id = idbuf;
	} else if (mi_roster_find(roster, id) != NULL) {
		return mi_err(MEDIATE_EEXISTS, "roster add: the id \"%s\" is taken", id);
	}
	if (mi_roster_find_staff(roster, staff_number) != NULL)
		return mi_err(MEDIATE_EEXISTS, "roster add: the staff number \"%s\" is taken", staff_number);
	if (roster->count >= MI_ROSTER_MAX_MEDIATORS)
		return mi_err(MEDIATE_ELIMIT, "a roster holds at most %u mediators", MI_ROSTER_MAX_MEDIATORS);

	/* Everything that can fail, before anything changes. */
	if (roster->count == roster->cap) {
		size_t cap = roster->cap ? roster->cap * 2 : 16;
		if ((items = mi_reallocarray(roster->items, cap, sizeof(*items))) == NULL)
			return mi_nomem();
		roster->items = items;   /* same contents: nothing visible changed */
		roster->cap = cap;
	}
	if ((m = mi_calloc(1, sizeof(*m))) == NULL || (m->id = mi_strdup(id)) == NULL ||
	    (m->staff = mi_strdup(staff_number)) == NULL || (m->name = mi_strdup(name)) == NULL) {
		mediator_free(m);
		return mi_nomem();
	}
	if ((rc = mt_prepare(&roster->by_id, roster->count + 1, &ids, &idcap)) != 0) {
		mediator_free(m);
		return rc;
	}
	if ((rc = mt_prepare(&roster->by_staff, roster->count + 1, &staffs, &staffcap)) != 0) {
		mi_free(ids);
		mediator_free(m);
		return rc;
	}
	mt_commit(&roster->by_id, ids, idcap);
	mt_commit(&roster->by_staff, staffs, staffcap);

	m->unit = unit;
	m->post = post;
	m->level = level;
	m->modes = MEDIATE_MODE_BIT(MEDIATE_MODE_ON_THE_SPOT);
	m->capacity = 1;
	m->duty = MEDIATE_DUTY_ON;
	m->roster = roster;
	m->index = roster->count;
	roster->items[roster->count++] = m;
	mt_insert(&roster->by_id, m);
	mt_insert(&roster->by_staff, m);
	if (out != NULL)
		*out = m;
	return 0;
}

mediate_status
mediate_roster_remove(mediate_roster *roster, const char *id)
{
	mediate_mediator *m;
	if (roster == NULL || id == NULL)
		return mi_err(MEDIATE_EINVAL, "roster remove: NULL argument");
	if ((m = mi_roster_find(roster, id)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "roster remove: no mediator \"%.64s\"", id);
	mt_delete(&roster->by_id, m);
	mt_delete(&roster->by_staff, m);
	roster->count--;
	if (m->index != roster->count) {
		roster->items[m->index] = roster->items[roster->count];
		roster->items[m->index]->index = m->index;
	}
	roster->items[roster->count] = NULL;
	mediator_free(m);
	return 0;
}

/* ---- setters ------------------------------------------------------------ */

/* The mediator a setter changes. */
static int
for_edit(mediate_mediator **out, mediate_roster *r, const char *id, const char *what)
{
	if (r == NULL || id == NULL)
		return mi_err(MEDIATE_EINVAL, "%s: NULL argument", what);
	if ((*out = mi_roster_find(r, id)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "%s: no mediator \"%.64s\"", what, id);
	return 0;
}

/* A copy of s (NULL stays NULL) into *out; nonzero on allocation failure. */
static int
dup_opt(char **out, const char *s)
{
	*out = NULL;
	if (s != NULL && (*out = mi_strdup(s)) == NULL)
		return mi_nomem();
	return 0;
}

mediate_status
mediate_roster_set_name(mediate_roster *roster, const char *id, const char *name)
{
	mediate_mediator *m;
	char *d;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set name")) != 0 ||
	    (rc = mi_roster_check_name("mediator name", name, MI_ROSTER_MAX_NAME_BYTES)) != 0 ||
	    (rc = dup_opt(&d, name)) != 0)
		return rc;
	mi_free(m->name);
	m->name = d;
	return 0;
}

mediate_status
mediate_roster_set_unit(mediate_roster *roster, const char *id, const char *unit_code)
{
	mediate_mediator *m;
	const mediate_unit *u;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set unit")) != 0 ||
	    (rc = find_unit(&u, roster, "set unit", unit_code)) != 0)
		return rc;
	m->unit = u;
	return 0;
}

mediate_status
mediate_roster_set_post(mediate_roster *roster, const char *id, mediate_post_type post)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set post")) != 0)
		return rc;
	if (mediate_post_type_name(post) == NULL)
		return mi_err(MEDIATE_EINVAL, "set post: unknown post type %d", (int)post);
	m->post = post;
	return 0;
}

mediate_status
mediate_roster_set_level(mediate_roster *roster, const char *id, unsigned int level)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set level")) != 0 || (rc = check_level(level)) != 0)
		return rc;
	m->level = level;
	return 0;
}

mediate_status
mediate_roster_set_phone(mediate_roster *roster, const char *id, const char *phone)
{
	mediate_mediator *m;
	char *d = NULL, *masked = NULL;
	size_t n;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set phone")) != 0)
		return rc;
	if (phone != NULL) {
		if ((rc = mi_roster_check_phone(phone)) != 0)
			return rc;
		n = strlen(phone) + 1;
		if ((d = mi_strdup(phone)) == NULL || (masked = mi_malloc(n)) == NULL) {
			mi_free(d);
			return mi_nomem();
		}
		if ((rc = mediate_mask_phone(masked, n, phone)) != 0) {
			mi_free(d);
			mi_free(masked);
			return rc;
		}
	}
	mi_free(m->phone);
	mi_free(m->phone_masked);
	m->phone = d;
	m->phone_masked = masked;
	return 0;
}

mediate_status
mediate_roster_set_specialty(mediate_roster *roster, const char *id, const char *category_code,
                             unsigned int proficiency)
{
	mediate_mediator *m;
	const mediate_category *cat;
	mi_specialty *s;
	size_t i, ci;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set specialty")) != 0)
		return rc;
	if (category_code == NULL)
		return mi_err(MEDIATE_EINVAL, "set specialty: NULL category code");
	if ((cat = mediate_policy_category_find(roster->policy, category_code)) == NULL)
		return mi_err(MEDIATE_ENOTFOUND, "set specialty: unknown category \"%.64s\"", category_code);
	if (proficiency > MEDIATE_PROFICIENCY_MAX)
		return mi_err(MEDIATE_EINVAL, "set specialty: proficiency %u is out of range 0..%d",
		              proficiency, MEDIATE_PROFICIENCY_MAX);
	ci = mediate_category_index(cat);
	for (i = 0; i < m->specialty_count && m->specialties[i].category < ci; i++)
		;
	if (i < m->specialty_count && m->specialties[i].category == ci) {
		if (proficiency > 0) {
			m->specialties[i].proficiency = proficiency;
		} else {
			memmove(m->specialties + i, m->specialties + i + 1,
			        (m->specialty_count - i - 1) * sizeof(*s));
			m->specialty_count--;
		}
		return 0;
	}
	if (proficiency == 0)
		return 0;   /* removing what is not there: nothing to do */
	if ((s = mi_reallocarray(m->specialties, m->specialty_count + 1, sizeof(*s))) == NULL)
		return mi_nomem();
	m->specialties = s;
	memmove(s + i + 1, s + i, (m->specialty_count - i) * sizeof(*s));
	s[i].category = (uint32_t)ci;
	s[i].proficiency = proficiency;
	m->specialty_count++;
	return 0;
}

mediate_status
mediate_roster_set_think_tank(mediate_roster *roster, const char *id, int member)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set think tank")) != 0)
		return rc;
	m->think_tank = member != 0;
	return 0;
}

mediate_status
mediate_roster_set_external_body(mediate_roster *roster, const char *id, const char *unit_code)
{
	mediate_mediator *m;
	const mediate_unit *u = NULL;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set external body")) != 0)
		return rc;
	if (unit_code != NULL && (rc = find_unit(&u, roster, "set external body", unit_code)) != 0)
		return rc;
	m->external_body = u;
	return 0;
}

/* Case-insensitive ASCII comparison (language tags). */
static int
tag_equal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static size_t
language_index(const mediate_mediator *m, const char *tag)
{
	size_t i;
	for (i = 0; i < m->language_count; i++)
		if (tag_equal(m->languages[i], tag))
			return i;
	return (size_t)-1;
}

mediate_status
mediate_roster_add_language(mediate_roster *roster, const char *id, const char *tag)
{
	mediate_mediator *m;
	char **l, *d;
	int rc;
	if ((rc = for_edit(&m, roster, id, "add language")) != 0 || (rc = mi_roster_check_language(tag)) != 0)
		return rc;
	if (language_index(m, tag) != (size_t)-1)
		return mi_err(MEDIATE_EEXISTS, "add language: \"%s\" is already listed", tag);
	if (m->language_count >= MI_ROSTER_MAX_LANGUAGES)
		return mi_err(MEDIATE_ELIMIT, "a mediator lists at most %u languages", MI_ROSTER_MAX_LANGUAGES);
	if ((d = mi_strdup(tag)) == NULL)
		return mi_nomem();
	if ((l = mi_reallocarray(m->languages, m->language_count + 1, sizeof(*l))) == NULL) {
		mi_free(d);
		return mi_nomem();
	}
	m->languages = l;
	l[m->language_count++] = d;
	return 0;
}

mediate_status
mediate_roster_remove_language(mediate_roster *roster, const char *id, const char *tag)
{
	mediate_mediator *m;
	size_t i;
	int rc;
	if ((rc = for_edit(&m, roster, id, "remove language")) != 0)
		return rc;
	if (tag == NULL)
		return mi_err(MEDIATE_EINVAL, "remove language: NULL tag");
	if ((i = language_index(m, tag)) == (size_t)-1)
		return mi_err(MEDIATE_ENOTFOUND, "remove language: \"%.35s\" is not listed", tag);
	mi_free(m->languages[i]);
	memmove(m->languages + i, m->languages + i + 1, (m->language_count - i - 1) * sizeof(char *));
	m->language_count--;
	return 0;
}

mediate_status
mediate_roster_set_modes(mediate_roster *roster, const char *id, unsigned int modes)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set modes")) != 0)
		return rc;
	if (modes == 0)
		return mi_err(MEDIATE_EINVAL, "set modes: a mediator offers at least one mode");
	if ((modes & ~(unsigned int)MI_ROSTER_MODE_MASK) != 0)
		return mi_err(MEDIATE_EINVAL, "set modes: 0x%x has bits of no mode", modes);
	m->modes = modes;
	return 0;
}

mediate_status
mediate_roster_set_coordinates(mediate_roster *roster, const char *id, int32_t lat_micro, int32_t lon_micro)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set coordinates")) != 0)
		return rc;
	if (lat_micro < -90000000 || lat_micro > 90000000 || lon_micro < -180000000 || lon_micro > 180000000)
		return mi_err(MEDIATE_ERANGE, "coordinates %ld, %ld micro-degrees are out of range",
		              (long)lat_micro, (long)lon_micro);
	m->lat = lat_micro;
	m->lon = lon_micro;
	m->has_coordinates = 1;
	return 0;
}

mediate_status
mediate_roster_clear_coordinates(mediate_roster *roster, const char *id)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "clear coordinates")) != 0)
		return rc;
	m->has_coordinates = 0;
	m->lat = m->lon = 0;
	return 0;
}

mediate_status
mediate_roster_set_capacity(mediate_roster *roster, const char *id, unsigned int capacity)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set capacity")) != 0)
		return rc;
	if (capacity > MI_ROSTER_MAX_CAPACITY)
		return mi_err(MEDIATE_EINVAL, "set capacity: %u is out of range 0..%u", capacity,
		              MI_ROSTER_MAX_CAPACITY);
	m->capacity = capacity;
	return 0;
}

mediate_status
mediate_roster_set_load(mediate_roster *roster, const char *id, unsigned int load)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set load")) != 0)
		return rc;
	if (load > MI_ROSTER_MAX_LOAD)
		return mi_err(MEDIATE_EINVAL, "set load: %u is out of range 0..%u", load, MI_ROSTER_MAX_LOAD);
	m->load = load;
	return 0;
}

mediate_status
mediate_roster_set_duty(mediate_roster *roster, const char *id, mediate_duty duty)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "set duty")) != 0)
		return rc;
	if (duty != MEDIATE_DUTY_ON && duty != MEDIATE_DUTY_OFF)
		return mi_err(MEDIATE_EINVAL, "set duty: %d is not on or off (leave is a dated period: "
		              "mediate_roster_add_leave)", (int)duty);
	m->duty = duty;
	return 0;
}

mediate_status
mediate_roster_add_leave(mediate_roster *roster, const char *id, int64_t from, int64_t until,
                         const char *reason)
{
	mediate_mediator *m;
	mi_leave *l;
	char *d;
	size_t i;
	int rc;
	if ((rc = for_edit(&m, roster, id, "add leave")) != 0)
		return rc;
	if (until <= from)
		return mi_err(MEDIATE_EINVAL, "add leave: the period ends before it starts");
	if (reason != NULL && (rc = mi_roster_check_name("leave reason", reason, MI_ROSTER_MAX_TEXT_BYTES)) != 0)
		return rc;
	for (i = 0; i < m->leave_count && m->leaves[i].from < from; i++)
		;
	/* Sorted and disjoint: only the neighbours can overlap. */
	if ((i > 0 && m->leaves[i - 1].until > from) || (i < m->leave_count && m->leaves[i].from < until))
		return mi_err(MEDIATE_EEXISTS, "add leave: the period overlaps another leave of the mediator");
	if (m->leave_count >= MI_ROSTER_MAX_LEAVES)
		return mi_err(MEDIATE_ELIMIT, "a mediator has at most %u leave periods", MI_ROSTER_MAX_LEAVES);
	if ((rc = dup_opt(&d, reason)) != 0)
		return rc;
	if ((l = mi_reallocarray(m->leaves, m->leave_count + 1, sizeof(*l))) == NULL) {
		mi_free(d);
		return mi_nomem();
	}
	m->leaves = l;
	memmove(l + i + 1, l + i, (m->leave_count - i) * sizeof(*l));
	l[i].from = from;
	l[i].until = until;
	l[i].reason = d;
	m->leave_count++;
	return 0;
}

mediate_status
mediate_roster_remove_leave(mediate_roster *roster, const char *id, int64_t from)
{
	mediate_mediator *m;
	size_t i;
	int rc;
	if ((rc = for_edit(&m, roster, id, "remove leave")) != 0)
		return rc;
	for (i = 0; i < m->leave_count; i++)
		if (m->leaves[i].from == from)
			break;
	if (i == m->leave_count)
		return mi_err(MEDIATE_ENOTFOUND, "remove leave: no leave starts at %lld", (long long)from);
	mi_free(m->leaves[i].reason);
	memmove(m->leaves + i, m->leaves + i + 1, (m->leave_count - i - 1) * sizeof(mi_leave));
	m->leave_count--;
	return 0;
}

/* The length of the white space at s (n bytes left), or 0: ASCII blanks,
 * U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000 (Unicode White_Space), and the invisible U+200B and U+FEFF that
 * copying a name from a web form or a document often brings along. */
static size_t
space_len(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\v' || s[0] == '\f'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0x85 || s[1] == 0xA0))
		return 2;
	if (n < 3)
		return 0;
	if ((s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80) ||
	    (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xA8 || s[2] == 0xA9 ||
	                                      s[2] == 0xAF)) ||
	    (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) || (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) ||
	    (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF))
		return 3;
	return 0;
}

/* Trims white space (space_len()) at both ends: *start and *len describe the
 * trimmed part of s. */
static void
trim(const char *s, const char **start, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), k;
	while ((k = space_len(u, n)) != 0) {
		u += k;
		n -= k;
	}
	for (;;) {
		if (n >= 1 && (k = space_len(u + n - 1, 1)) != 0)
			n -= k;
		else if (n >= 2 && (k = space_len(u + n - 2, 2)) == 2)
			n -= k;
		else if (n >= 3 && (k = space_len(u + n - 3, 3)) == 3)
			n -= k;
		else
			break;
	}
	*start = (const char *)u;
	*len = n;
}

/*
 * The next code point of a name as compared for recusal, from *s (n bytes
 * left, valid UTF-8), or 0 at the end.  White space (space_len()) anywhere
 * is skipped ("王 小明" is 王小明); full-width forms U+FF01..U+FF5E are their
 * ASCII letters; ASCII letters are lower case; the separators written in
 * transliterated names (U+00B7 ·, U+2022 •, U+2027 ‧, U+2219 ∙, U+22C5 ⋅,
 * U+30FB ・, U+FF0E ．, U+FF65 ･ and the full stop) are one dot.
 */
static uint32_t
name_next(const unsigned char **s, size_t *n)
{
	uint32_t c;
	size_t k;
	while (*n > 0 && (k = space_len(*s, *n)) != 0) {
		*s += k;
		*n -= k;
	}
	if (*n == 0)
		return 0;
	c = (*s)[0];
	k = 1;
	if (c >= 0xF0 && *n >= 4) {
		c = ((c & 0x07u) << 18) | (((*s)[1] & 0x3Fu) << 12) | (((*s)[2] & 0x3Fu) << 6) | ((*s)[3] & 0x3Fu);
		k = 4;
	} else if (c >= 0xE0 && *n >= 3) {
		c = ((c & 0x0Fu) << 12) | (((*s)[1] & 0x3Fu) << 6) | ((*s)[2] & 0x3Fu);
		k = 3;
	} else if (c >= 0xC0 && *n >= 2) {
		c = ((c & 0x1Fu) << 6) | ((*s)[1] & 0x3Fu);
		k = 2;
	}
	*s += k;
	*n -= k;
	if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFF01 - 0x21;
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (c == '.' || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x22C5 || c == 0x30FB || c == 0xFF65)
		c = 0xB7;
	return c;
}

/* Whether two names are the same for recusal (name_next()). */
static int
name_same(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	size_t nx = strlen(a), ny = strlen(b);
	uint32_t cx, cy;
	do {
		cx = name_next(&x, &nx);
		cy = name_next(&y, &ny);
		if (cx != cy)
			return 0;
	} while (cx != 0);
	return 1;
}

mediate_status
mediate_roster_add_recusal(mediate_roster *roster, const char *id, const char *party_id, const char *name,
                           const char *relationship)
{
	mediate_mediator *m;
	mi_recusal *r, rec = { NULL, NULL, NULL };
	const char *tn = NULL;
	size_t tlen = 0;
	int rc;
	if ((rc = for_edit(&m, roster, id, "add recusal")) != 0)
		return rc;
	if (party_id == NULL && name == NULL)
		return mi_err(MEDIATE_EINVAL, "add recusal: a party id or a name is needed");
	if (party_id != NULL && (rc = mi_roster_check_id("recusal party id", party_id)) != 0)
		return rc;
	if (name != NULL) {
		if ((rc = mi_roster_check_name("recusal name", name, MI_ROSTER_MAX_TEXT_BYTES)) != 0)
			return rc;
		trim(name, &tn, &tlen);
		if (tlen == 0)
			return mi_err(MEDIATE_EINVAL, "recusal name is blank");
	}
	if (relationship != NULL &&
	    (rc = mi_roster_check_name("recusal relationship", relationship, MI_ROSTER_MAX_TEXT_BYTES)) != 0)
		return rc;
	if (m->recusal_count >= MI_ROSTER_MAX_RECUSALS)
		return mi_err(MEDIATE_ELIMIT, "a mediator declares at most %u recusals", MI_ROSTER_MAX_RECUSALS);
	if (dup_opt(&rec.party_id, party_id) != 0 ||
	    (tn != NULL && (rec.name = mi_strndup(tn, tlen)) == NULL) ||
	    dup_opt(&rec.relationship, relationship) != 0 ||
	    (r = mi_reallocarray(m->recusals, m->recusal_count + 1, sizeof(*r))) == NULL) {
		mi_free(rec.party_id);
		mi_free(rec.name);
		mi_free(rec.relationship);
		return mi_nomem();
	}
	m->recusals = r;
	r[m->recusal_count++] = rec;
	return 0;
}

mediate_status
mediate_roster_remove_recusal(mediate_roster *roster, const char *id, size_t index)
{
	mediate_mediator *m;
	int rc;
	if ((rc = for_edit(&m, roster, id, "remove recusal")) != 0)
		return rc;
	if (index >= m->recusal_count)
		return mi_err(MEDIATE_ENOTFOUND, "remove recusal: the mediator has %zu recusals, no %zu",
		              m->recusal_count, index);
	mi_free(m->recusals[index].party_id);
	mi_free(m->recusals[index].name);
	mi_free(m->recusals[index].relationship);
	memmove(m->recusals + index, m->recusals + index + 1,
	        (m->recusal_count - index - 1) * sizeof(mi_recusal));
	m->recusal_count--;
	return 0;
}

/* ---- getters ------------------------------------------------------------ */

const char *mediate_mediator_id(const mediate_mediator *m) { return m ? m->id : NULL; }
const char *mediate_mediator_staff_number(const mediate_mediator *m) { return m ? m->staff : NULL; }
const char *mediate_mediator_name(const mediate_mediator *m) { return m ? m->name : NULL; }
const mediate_unit *mediate_mediator_unit(const mediate_mediator *m) { return m ? m->unit : NULL; }
mediate_post_type mediate_mediator_post(const mediate_mediator *m) { return m ? m->post : (mediate_post_type)0; }
unsigned int mediate_mediator_level(const mediate_mediator *m) { return m ? m->level : 0; }
const char *mediate_mediator_phone(const mediate_mediator *m) { return m ? m->phone : NULL; }
size_t mediate_mediator_specialty_count(const mediate_mediator *m) { return m ? m->specialty_count : 0; }

const mediate_category *
mediate_mediator_specialty_at(const mediate_mediator *m, size_t index)
{
	if (m == NULL || index >= m->specialty_count)
		return NULL;
	return mediate_policy_category_at(m->roster->policy, m->specialties[index].category);
}

unsigned int
mediate_mediator_proficiency_at(const mediate_mediator *m, size_t index)
{
	return m && index < m->specialty_count ? m->specialties[index].proficiency : 0;
}

unsigned int
mi_mediator_proficiency_index(const mediate_mediator *m, size_t ci)
{
	size_t lo = 0, hi = m->specialty_count;
	while (lo < hi) {   /* binary search: specialties are sorted */
		size_t mid = lo + (hi - lo) / 2;
		if (m->specialties[mid].category < ci)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->specialty_count && m->specialties[lo].category == ci ? m->specialties[lo].proficiency : 0;
}

unsigned int
mi_mediator_best_proficiency(const mediate_mediator *m)
{
	unsigned int best = 0;
	size_t i;
	for (i = 0; i < m->specialty_count; i++)
		if (m->specialties[i].proficiency > best)
			best = m->specialties[i].proficiency;
	return best;
}

unsigned int
mediate_mediator_proficiency(const mediate_mediator *m, const mediate_category *category)
{
	if (m == NULL || category == NULL ||
	    mediate_policy_category_at(m->roster->policy, mediate_category_index(category)) != category)
		return 0;
	return mi_mediator_proficiency_index(m, mediate_category_index(category));
}

int mediate_mediator_think_tank(const mediate_mediator *m) { return m ? m->think_tank : 0; }
const mediate_unit *mediate_mediator_external_body(const mediate_mediator *m) { return m ? m->external_body : NULL; }
size_t mediate_mediator_language_count(const mediate_mediator *m) { return m ? m->language_count : 0; }

const char *
mediate_mediator_language_at(const mediate_mediator *m, size_t index)
{
	return m && index < m->language_count ? m->languages[index] : NULL;
}

int
mediate_mediator_speaks(const mediate_mediator *m, const char *tag)
{
	return m && tag && language_index(m, tag) != (size_t)-1;
}

unsigned int mediate_mediator_modes(const mediate_mediator *m) { return m ? m->modes : 0; }

int
mediate_mediator_offers(const mediate_mediator *m, mediate_case_mode mode)
{
	if (m == NULL || (int)mode < 1 || (int)mode > 30)
		return 0;
	return (m->modes & MEDIATE_MODE_BIT(mode)) != 0;
}

mediate_status
mediate_mediator_coordinates(int32_t *lat_micro, int32_t *lon_micro, const mediate_mediator *m)
{
	if (lat_micro == NULL || lon_micro == NULL || m == NULL)
		return mi_err(MEDIATE_EINVAL, "mediator coordinates: NULL argument");
	if (!m->has_coordinates)
		return mi_err(MEDIATE_ENOTFOUND, "mediator %s has no coordinates", m->id);
	*lat_micro = m->lat;
	*lon_micro = m->lon;
	return 0;
}

unsigned int mediate_mediator_capacity(const mediate_mediator *m) { return m ? m->capacity : 0; }
unsigned int mediate_mediator_load(const mediate_mediator *m) { return m ? m->load : 0; }

unsigned int
mediate_mediator_free_capacity(const mediate_mediator *m)
{
	return m && m->capacity > m->load ? m->capacity - m->load : 0;
}

mediate_duty mediate_mediator_duty(const mediate_mediator *m) { return m ? m->duty : (mediate_duty)0; }

mediate_duty
mediate_mediator_duty_at(const mediate_mediator *m, int64_t at)
{
	size_t lo = 0, hi;
	if (m == NULL)
		return (mediate_duty)0;
	hi = m->leave_count;
	while (lo < hi) {   /* the last period starting at or before at */
		size_t mid = lo + (hi - lo) / 2;
		if (m->leaves[mid].from <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && at < m->leaves[lo - 1].until)
		return MEDIATE_DUTY_LEAVE;
	return m->duty;
}

size_t mediate_mediator_leave_count(const mediate_mediator *m) { return m ? m->leave_count : 0; }

mediate_status
mediate_mediator_leave_at(int64_t *from, int64_t *until, const char **reason, const mediate_mediator *m,
                          size_t index)
{
	if (from == NULL || until == NULL || reason == NULL || m == NULL)
		return mi_err(MEDIATE_EINVAL, "mediator leave: NULL argument");
	if (index >= m->leave_count)
		return mi_err(MEDIATE_ENOTFOUND, "mediator leave: index %zu of %zu", index, m->leave_count);
	*from = m->leaves[index].from;
	*until = m->leaves[index].until;
	*reason = m->leaves[index].reason;
	return 0;
}

size_t mediate_mediator_recusal_count(const mediate_mediator *m) { return m ? m->recusal_count : 0; }

mediate_status
mediate_mediator_recusal_at(const char **party_id, const char **name, const char **relationship,
                            const mediate_mediator *m, size_t index)
{
	if (party_id == NULL || name == NULL || relationship == NULL || m == NULL)
		return mi_err(MEDIATE_EINVAL, "mediator recusal: NULL argument");
	if (index >= m->recusal_count)
		return mi_err(MEDIATE_ENOTFOUND, "mediator recusal: index %zu of %zu", index, m->recusal_count);
	*party_id = m->recusals[index].party_id;
	*name = m->recusals[index].name;
	*relationship = m->recusals[index].relationship;
	return 0;
}

int
mediate_mediator_recuses(const mediate_mediator *m, const mediate_case *c, size_t *recusal_index)
{
	size_t i, j, np;
	if (m == NULL || c == NULL || m->recusal_count == 0)
		return 0;
	np = mediate_case_party_count(c);
	for (i = 0; i < m->recusal_count; i++) {
		const mi_recusal *r = &m->recusals[i];
		for (j = 0; j < np; j++) {
			const mediate_party *p = mediate_case_party_at(c, j);
			const char *pid = mediate_party_id(p), *pname = mediate_party_name(p);
			int hit = r->party_id != NULL && pid != NULL && strcmp(r->party_id, pid) == 0;
			if (!hit && r->name != NULL && pname != NULL)
				hit = name_same(pname, r->name);
			if (hit) {
				if (recusal_index != NULL)
					*recusal_index = i;
				return 1;
			}
		}
	}
	return 0;
}
