/* SPDX-License-Identifier: MIT */
/*
 * Case module, part 1: the names of every enumeration (used by the YAML
 * format and the bindings) and the personal-data helpers: the resident ID
 * check digit, the credit-code check character, and masking for display.
 */
#include "config.h"

#include <string.h>

#include "case_priv.h"

/* ---- enum <-> string ---------------------------------------------------- */

/* Names indexed by value; [0] is NULL (0 is never a valid value). */
static const char *const state_names[] = {
	NULL, "received", "assessed", "assigned", "in_mediation", "agreement", "failed",
	"withdrawn", "transferred", "follow_up", "closed"
};
static const char *const source_names[] = {
	NULL, "police_110", "walk_in", "online_booking", "hotline", "court_referral",
	"petition_referral", "grid_referral", "proactive_screening"
};
static const char *const role_names[] = { NULL, "applicant", "respondent", "third_party", "agent" };
static const char *const kind_names[] = { NULL, "person", "organisation" };
static const char *const doc_names[] = {
	NULL, "resident_id", "passport", "hk_macao_permit", "taiwan_permit", "foreign_resident",
	"credit_code", "other"
};
static const char *const mrole_names[] = { NULL, "lead", "co_mediator", "expert" };
static const char *const mode_names[] = {
	NULL, "on_the_spot", "think_tank", "joint", "remote_video", "mobile"
};
static const char *const outcome_names[] = {
	NULL, "none", "agreement", "failed", "withdrawn", "transferred"
};
static const char *const form_names[] = { NULL, "written", "oral" };
static const char *const transfer_names[] = { NULL, "litigation", "arbitration", "administrative" };
static const char *const field_names[] = {
	NULL, "facts", "issues", "responsibilities", "terms", "performance_manner", "performance_place"
};
static const char *const confirmation_names[] = { NULL, "none", "applied", "valid", "invalid" };
static const char *const followup_names[] = { NULL, "performed", "partly", "not_performed" };
static const char *const event_names[] = {
	NULL, "received", "transition", "mediator_assigned", "mediator_removed", "session",
	"extension", "agreement_drafted", "agreement_signed", "agreement_effective",
	"confirmation_applied", "confirmation_decided", "followup_scheduled", "followup_visit", "note",
	"graded", "level_override", "override_cleared"
};
/* Bit i of a flag set is named [i]. */
static const char *const party_flag_names[] = { "minor", "elderly", "disabled", "non_local" };
static const char *const risk_names[] = {
	"violence_threat", "repeat_petition", "mass_incident", "media_attention", "vulnerable_party"
};

#define COUNT(a) MI_COUNT(a)

static const char *
bit_name(const char *const *names, size_t n, unsigned int flag)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (flag == (1u << i))
			return names[i];
	return NULL;
}

static int
bit_parse(unsigned int *out, const char *const *names, size_t n, const char *what, const char *name)
{
	size_t i;
	if (out == NULL || name == NULL)
		return mi_err(MEDIATE_EINVAL, "%s parse: NULL argument", what);
	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0) {
			*out = 1u << i;
			return 0;
		}
	return mi_err(MEDIATE_EINVAL, "unknown %s \"%.64s\"", what, name);
}

/* One pair of functions per enumeration. */
#define ENUM_FUNCS(type, prefix, table, what) \
	const char *prefix##_name(type v) { return mi_name_of(table, COUNT(table), 1, (long)v); } \
	mediate_status prefix##_parse(type *out, const char *name) \
	{ \
		int v = 0, rc = mi_name_parse(out ? &v : NULL, table, COUNT(table), 1, MEDIATE_EINVAL, what, name); \
		if (rc == 0) \
			*out = (type)v; \
		return rc; \
	}

ENUM_FUNCS(mediate_case_state, mediate_case_state, state_names, "case state")
ENUM_FUNCS(mediate_case_source, mediate_case_source, source_names, "source channel")
ENUM_FUNCS(mediate_party_role, mediate_party_role, role_names, "party role")
ENUM_FUNCS(mediate_party_kind, mediate_party_kind, kind_names, "party kind")
ENUM_FUNCS(mediate_party_doc_type, mediate_party_doc_type, doc_names, "document type")
ENUM_FUNCS(mediate_case_mediator_role, mediate_case_mediator_role, mrole_names, "mediator role")
ENUM_FUNCS(mediate_case_mode, mediate_case_mode, mode_names, "mediation mode")
ENUM_FUNCS(mediate_case_outcome, mediate_case_outcome, outcome_names, "outcome")
ENUM_FUNCS(mediate_agreement_form, mediate_agreement_form, form_names, "agreement form")
ENUM_FUNCS(mediate_transfer_kind, mediate_transfer_kind, transfer_names, "transfer kind")
ENUM_FUNCS(mediate_agreement_field, mediate_agreement_field, field_names, "agreement field")
ENUM_FUNCS(mediate_confirmation_status, mediate_confirmation_status, confirmation_names,
           "confirmation status")
ENUM_FUNCS(mediate_followup_result, mediate_followup_result, followup_names, "follow-up result")
ENUM_FUNCS(mediate_case_event_kind, mediate_case_event_kind, event_names, "event kind")

const char *
mediate_party_flag_name(unsigned int flag)
{
	return bit_name(party_flag_names, COUNT(party_flag_names), flag);
}

mediate_status
mediate_party_flag_parse(unsigned int *out, const char *name)
{
	return bit_parse(out, party_flag_names, COUNT(party_flag_names), "party flag", name);
}

const char *
mediate_case_risk_name(unsigned int flag)
{
	return bit_name(risk_names, COUNT(risk_names), flag);
}

mediate_status
mediate_case_risk_parse(unsigned int *out, const char *name)
{
	return bit_parse(out, risk_names, COUNT(risk_names), "risk flag", name);
}

/* ---- resident ID (GB 11643-1999) ---------------------------------------- */

/* Province-level codes in use (GB/T 2260), plus 83 for the residence
 * permits of Taiwan residents; 81/82 are Hong Kong and Macao permits. */
static int
province_ok(int code)
{
	static const unsigned char codes[] = {
		11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
		50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83
	};
	size_t i;
	for (i = 0; i < sizeof(codes); i++)
		if (codes[i] == code)
			return 1;
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

mediate_status
mediate_resident_id_check(const char *s)
{
	/* ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 -> X. */
	static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char checks[] = "10X98765432";
	int sum = 0, i, y, m, d;
	char last;

	if (s == NULL)
		return mi_err(MEDIATE_EINVAL, "resident ID: NULL number");
	for (i = 0; i < 17; i++) {
		if (s[i] < '0' || s[i] > '9')
			return mi_err(MEDIATE_EVALIDATE,
			              "resident ID: character %d must be a digit (18 characters expected)", i + 1);
		sum += (s[i] - '0') * weights[i];
	}
	last = s[17];
	if (last == 'x')
		last = 'X';
	if (!((last >= '0' && last <= '9') || last == 'X') || s[18] != '\0')
		return mi_err(MEDIATE_EVALIDATE,
		              "resident ID: expected 18 characters, the last a digit or X");
	if (!province_ok((s[0] - '0') * 10 + (s[1] - '0')))
		return mi_err(MEDIATE_EVALIDATE, "resident ID: unknown province code %c%c", s[0], s[1]);
	y = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
	m = (s[10] - '0') * 10 + (s[11] - '0');
	d = (s[12] - '0') * 10 + (s[13] - '0');
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return mi_err(MEDIATE_EVALIDATE, "resident ID: no such birth date %.4s-%.2s-%.2s",
		              s + 6, s + 10, s + 12);
	if (checks[sum % 11] != last)
		return mi_err(MEDIATE_EVALIDATE, "resident ID: check character is %c, expected %c",
		              last, checks[sum % 11]);
	return 0;
}

mediate_status
mediate_resident_id_birth_date(int *year, int *month, int *day, const char *s)
{
	int rc;
	if (year == NULL || month == NULL || day == NULL || s == NULL)
		return mi_err(MEDIATE_EINVAL, "resident ID: NULL argument");
	rc = mediate_resident_id_check(s);
	if (rc != 0)
		return rc;
	*year = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
	*month = (s[10] - '0') * 10 + (s[11] - '0');
	*day = (s[12] - '0') * 10 + (s[13] - '0');
	return 0;
}

/*
 * Unified social credit code (GB 32100-2015): 18 characters from a
 * 31-symbol alphabet (no I, O, Z, S, V); the last is a MOD 31 check.
 */
int
mi_credit_code_check(const char *s)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	int sum = 0, i, v[18];
	for (i = 0; i < 18; i++) {
		const char *p;
		if (s[i] == '\0' || (p = strchr(alphabet, s[i])) == NULL)
			return mi_err(MEDIATE_EVALIDATE, "credit code: expected 18 characters of "
			              "0-9 and A-Y without I, O, S, V, Z (character %d)", i + 1);
		v[i] = (int)(p - alphabet);
	}
	if (s[18] != '\0')
		return mi_err(MEDIATE_EVALIDATE, "credit code: expected 18 characters");
	for (i = 0; i < 17; i++)
		sum += v[i] * weights[i];
	if ((31 - sum % 31) % 31 != v[17])
		return mi_err(MEDIATE_EVALIDATE, "credit code: check character is %c, expected %c",
		              s[17], alphabet[(31 - sum % 31) % 31]);
	return 0;
}

/* ---- masking ------------------------------------------------------------ */

/* Masks characters [keep_head, len - keep_tail) of an ASCII string. */
static int
mask_into(char *buf, size_t size, const char *s, size_t keep_head, size_t keep_tail)
{
	size_t len, i;
	len = strlen(s);
	if (len + 1 > size)
		return mi_err(MEDIATE_EBUFSIZE, "mask: buffer of %zu bytes is too small", size);
	for (i = 0; i < len; i++)
		buf[i] = (i < keep_head || i + keep_tail >= len) ? s[i] : '*';
	buf[len] = '\0';
	return 0;
}

static int
ascii_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

mediate_status
mediate_mask_phone(char *buf, size_t size, const char *phone)
{
	size_t len;
	if (buf == NULL || phone == NULL)
		return mi_err(MEDIATE_EINVAL, "mask phone: NULL argument");
	if (!ascii_printable(phone))
		return mi_err(MEDIATE_EINVAL, "mask phone: not a phone number");
	len = strlen(phone);
	if (len >= 8)
		return mask_into(buf, size, phone, 3, 4);
	return mask_into(buf, size, phone, 0, 2);
}

mediate_status
mediate_mask_document(char *buf, size_t size, const char *number)
{
	if (buf == NULL || number == NULL)
		return mi_err(MEDIATE_EINVAL, "mask document: NULL argument");
	if (!ascii_printable(number))
		return mi_err(MEDIATE_EINVAL, "mask document: not a document number");
	return mask_into(buf, size, number, 0, 4);
}

char *
mi_case_mask_phone(const char *phone)
{
	size_t n = strlen(phone) + 1;
	char *out = mi_malloc(n);
	if (out == NULL) {
		mi_nomem();
		return NULL;
	}
	if (mediate_mask_phone(out, n, phone) != 0) {
		mi_free(out);
		return NULL;
	}
	return out;
}

char *
mi_case_mask_document(const char *number)
{
	size_t n = strlen(number) + 1;
	char *out = mi_malloc(n);
	if (out == NULL) {
		mi_nomem();
		return NULL;
	}
	if (mediate_mask_document(out, n, number) != 0) {
		mi_free(out);
		return NULL;
	}
	return out;
}
