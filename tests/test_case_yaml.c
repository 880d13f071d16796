/* SPDX-License-Identifier: MIT */
/*
 * Cases in YAML (lib/case_yaml.c): exact round trip of every sample case,
 * a case built through the API, tricky texts, masking, the bad-input corpus
 * of tests/data/cases/bad, limits, NULL arguments and the YAML test suite.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

static mediate_policy *county;

/* The sample file is larger than the default 1 MiB: lists ask for more. */
static mediate_load_options
list_opts(void)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	o.max_document_bytes = (size_t)64 << 20;
	o.max_nodes = (size_t)10000000;
	return o;
}

static int
setup(void)
{
	mediate_error err;
	if (mediate_policy_load_file(&county, example_data("county.yaml"), NULL, &err) != 0) {
		char line[1024];
		mediate_error_format(line, sizeof line, &err);
		fprintf(stderr, "cannot load the sample county: %s\n", line);
		return 1;
	}
	return 0;
}

static int
teardown(void)
{
	mediate_policy_free(county);
	county = NULL;
	return 0;
}

static mediate_case_list *
load_samples(char **text, size_t *len)
{
	mediate_load_options o = list_opts();
	mediate_case_list *list = NULL;
	mediate_error err;
	char line[1024];
	char *data = test_read_file(example_data("cases.yaml"), len);
	int rc;

	if (data == NULL)
		return NULL;
	rc = mediate_case_list_from_yaml(&list, county, data, *len, "cases.yaml", &o, &err);
	if (rc != 0) {
		mediate_error_format(line, sizeof line, &err);
		fprintf(stderr, "\n  %s\n", line);
		free(data);
		return NULL;
	}
	*text = data;
	return list;
}

static int64_t
at(const char *text)
{
	int64_t t = 0;
	CU_ASSERT_EQUAL(mediate_time_parse(&t, NULL, text), 0);
	return t;
}

/* ---- the sample cases ---- */

static void
test_sample_list_exact(void)
{
	char *text = NULL, *out = NULL;
	size_t len = 0, olen = 0;
	mediate_case_list *list = load_samples(&text, &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(list);
	CU_ASSERT(mediate_case_list_count(list) >= 200);
	/* The file is in canonical form: exporting it gives the same bytes. */
	CU_ASSERT_EQUAL_FATAL(mediate_case_list_to_yaml(&out, &olen, list, 0), 0);
	CU_ASSERT_EQUAL(olen, len);
	CU_ASSERT(olen == len && memcmp(out, text, len) == 0);
	CU_ASSERT_EQUAL(strlen(out), olen);
	mediate_free(out);
	mediate_case_list_free(list);
	free(text);
}

static void
test_sample_each_roundtrip(void)
{
	char *text = NULL;
	size_t len = 0, i, n, same = 0;
	mediate_case_list *list = load_samples(&text, &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(list);
	n = mediate_case_list_count(list);
	for (i = 0; i < n; i++) {
		const mediate_case *c = mediate_case_list_at(list, i);
		mediate_case *back = NULL;
		char *y1 = NULL, *y2 = NULL;
		size_t l1 = 0, l2 = 0;
		mediate_error err;
		if (mediate_case_to_yaml(&y1, &l1, c, 0) != 0) {
			CU_FAIL("export of a sample case failed");
			continue;
		}
		if (mediate_case_from_yaml(&back, county, y1, l1, "case.yaml", NULL, &err) != 0) {
			char line[1024];
			mediate_error_format(line, sizeof line, &err);
			fprintf(stderr, "\n  case %zu: %s\n", i, line);
			CU_FAIL("import of an exported case failed");
			mediate_free(y1);
			continue;
		}
		CU_ASSERT_EQUAL(mediate_case_to_yaml(&y2, &l2, back, 0), 0);
		if (y2 != NULL && l1 == l2 && memcmp(y1, y2, l1) == 0)
			same++;
		CU_ASSERT_STRING_EQUAL(mediate_case_id_text(back), mediate_case_id_text(c));
		CU_ASSERT_STRING_EQUAL(mediate_case_number(back), mediate_case_number(c));
		CU_ASSERT_EQUAL(mediate_case_get_state(back), mediate_case_get_state(c));
		CU_ASSERT_EQUAL(mediate_case_event_count(back), mediate_case_event_count(c));
		CU_ASSERT_EQUAL(mediate_case_party_count(back), mediate_case_party_count(c));
		CU_ASSERT_EQUAL(mediate_case_amount(back), mediate_case_amount(c));
		mediate_free(y1);
		mediate_free(y2);
		mediate_case_free(back);
	}
	CU_ASSERT_EQUAL(same, n);
	mediate_case_list_free(list);
	free(text);
}

/* The sample data covers what issue 3 asks for. */
static void
test_sample_contents(void)
{
	char *text = NULL;
	size_t len = 0, i, j, n;
	unsigned states = 0, sources = 0;
	size_t confirmed = 0, followups = 0, written = 0, police = 0, many_workers = 0, ids = 0, bad_ids = 0;
	mediate_case_list *list = load_samples(&text, &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(list);
	n = mediate_case_list_count(list);
	for (i = 0; i < n; i++) {
		const mediate_case *c = mediate_case_list_at(list, i);
		const mediate_agreement *a = mediate_case_agreement(c);
		size_t applicants = 0;
		int64_t t;
		mediate_civil cv;
		states |= 1u << mediate_case_get_state(c);
		sources |= 1u << mediate_case_get_source(c);
		if (mediate_case_get_source(c) == MEDIATE_SOURCE_POLICE_110) {
			police++;
			CU_ASSERT_PTR_NOT_NULL(mediate_case_source_ref(c));
		}
		if (a != NULL) {
			written++;
			if (mediate_agreement_is_enforceable(a))
				confirmed++;
		}
		followups += mediate_case_followup_count(c) > 0;
		for (j = 0; j < mediate_case_party_count(c); j++) {
			const mediate_party *p = mediate_case_party_at(c, j);
			applicants += mediate_party_get_role(p) == MEDIATE_PARTY_APPLICANT;
			if (mediate_party_doc_type_of(p) == MEDIATE_DOC_RESIDENT_ID) {
				ids++;
				bad_ids += mediate_resident_id_check(mediate_party_document(p)) != 0;
			}
		}
		many_workers += mediate_case_category(c) != NULL &&
		                strcmp(mediate_category_code(mediate_case_category(c)), "labour.wage_arrears") == 0 &&
		                applicants >= 6;
		/* Times in +08:00 during 2026. */
		t = mediate_case_received_at(c);
		CU_ASSERT_EQUAL(mediate_case_offset(c), MEDIATE_OFFSET_CST);
		CU_ASSERT_EQUAL(mediate_time_to_civil(&cv, t, MEDIATE_OFFSET_CST), 0);
		CU_ASSERT_EQUAL(cv.year, 2026);
	}
	/* Every state but closed-only paths appear; at least 7 of the 10. */
	{
		unsigned s, k = 0;
		for (s = 1; s <= MEDIATE_CASE_STATE_COUNT; s++)
			k += (states >> s) & 1u;
		CU_ASSERT(k >= 7);
		for (s = 1, k = 0; s <= 8; s++)
			k += (sources >> s) & 1u;
		CU_ASSERT_EQUAL(k, 8);
	}
	CU_ASSERT(police >= n / 3);
	CU_ASSERT(written >= 20);
	CU_ASSERT(confirmed >= 3);
	CU_ASSERT(followups >= 20);
	CU_ASSERT(many_workers >= 2);
	CU_ASSERT(ids >= 300);
	CU_ASSERT_EQUAL(bad_ids, 0);
	mediate_case_list_free(list);
	free(text);
}

/* ---- a case built with the API ---- */

#define OK(expr) CU_ASSERT_EQUAL_FATAL((expr), 0)

static mediate_case *
build_case(void)
{
	mediate_case *c = NULL;
	const char *act = "tj_m0011", *unit = "YZ-ZGM-PS-TJ";
	size_t s = 0;

	OK(mediate_case_new(&c, county, "YZ-ZGM-PS", at("2026-11-03T09:30:00+08:00"), MEDIATE_OFFSET_CST,
	                    "mj_wangjun"));
	OK(mediate_case_assign_number(c, 457));
	OK(mediate_case_set_source(c, MEDIATE_SOURCE_POLICE_110, "33021220261103000457"));
	OK(mediate_case_set_category(c, "neighbour.water_leak"));
	OK(mediate_case_set_address(c, "宁波市鄞州区钟公庙街道泰康中路112弄锦寓小区3幢2单元502室"));
	OK(mediate_case_set_grid(c, "YZ-ZGM-JJC-G01"));
	OK(mediate_case_set_coordinates(c, 29857000, 121551200));
	OK(mediate_case_set_description(c, "楼上卫生间漏水致楼下天花板霉变。\n楼下住户要求赔偿维修费。"));
	OK(mediate_case_set_people_involved(c, 3));
	OK(mediate_case_set_amount(c, 1280050));
	OK(mediate_case_set_risks(c, MEDIATE_RISK_VULNERABLE_PARTY | MEDIATE_RISK_VIOLENCE_THREAT));
	OK(mediate_case_set_prior_police_calls(c, 2));
	OK(mediate_case_add_tag(c, "警调衔接"));
	OK(mediate_case_add_tag(c, "夜间警情"));
	OK(mediate_case_add_party(c, "p1", MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "王建国"));
	OK(mediate_case_party_set_phone(c, "p1", "13805741234"));
	OK(mediate_case_party_set_document(c, "p1", MEDIATE_DOC_RESIDENT_ID, "330212195403152312"));
	OK(mediate_case_party_set_address(c, "p1", "宁波市鄞州区钟公庙街道泰康中路112弄锦寓小区3幢2单元402室"));
	OK(mediate_case_party_set_flags(c, "p1", MEDIATE_PARTY_ELDERLY));
	OK(mediate_case_add_party(c, "p2", MEDIATE_PARTY_RESPONDENT, MEDIATE_PARTY_ORGANISATION,
	                          "宁波嘉和物业管理有限公司"));
	OK(mediate_case_party_set_phone(c, "p2", "0574-88123456"));
	OK(mediate_case_add_party(c, "p3", MEDIATE_PARTY_AGENT, MEDIATE_PARTY_PERSON, "励晓峰"));
	OK(mediate_case_party_set_represents(c, "p3", "p2"));
	OK(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, at("2026-11-03T10:00:00+08:00"), act, unit,
	                           "一般纠纷，就地调解"));
	OK(mediate_case_add_mediator(c, "M-0011", "俞国庆", MEDIATE_MEDIATOR_LEAD, at("2026-11-03T10:05:00+08:00"),
	                             act, unit));
	OK(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, at("2026-11-03T10:06:00+08:00"), act, unit, NULL));
	OK(mediate_case_set_mode(c, MEDIATE_MODE_JOINT));
	OK(mediate_case_add_joint_body(c, "YZ-WYX"));
	OK(mediate_case_set_private_hearing(c, 1));
	OK(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, at("2026-11-03T14:00:00+08:00"), act, unit, NULL));
	OK(mediate_case_add_session(c, &s, at("2026-11-04T09:00:00+08:00"), "钟公庙派出所人民调解工作室", 0,
	                            "双方陈述事实。\t物业称已报修。", act, unit));
	OK(mediate_case_session_add_attendee(c, s, "p1"));
	OK(mediate_case_session_add_attendee(c, s, "p3"));
	OK(mediate_case_session_add_attendee(c, s, "M-0011"));
	OK(mediate_case_add_session(c, &s, at("2026-11-06T15:00:00+08:00"), "远程视频调解室", 1, NULL, act, unit));
	OK(mediate_case_extend(c, at("2026-12-20T17:00:00+08:00"), at("2026-11-06T16:00:00+08:00"), act, unit,
	                       "双方同意延长"));
	OK(mediate_case_reach_agreement(c, MEDIATE_AGREEMENT_WRITTEN, at("2026-11-10T10:00:00+08:00"), act, unit,
	                                NULL));
	OK(mediate_case_draft_agreement(c, at("2026-11-10T10:10:00+08:00"), act, unit));
	OK(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_FACTS, "楼上卫生间漏水致楼下天花板霉变。"));
	OK(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_ISSUES, "维修费用的承担。"));
	OK(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_RESPONSIBILITIES, "物业公司未及时维修，负主要责任。"));
	OK(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_TERMS, "物业公司支付王建国人民币12800.50元。"));
	OK(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_PERFORMANCE_MANNER, "银行转账"));
	OK(mediate_case_agreement_set_text(c, MEDIATE_AGREEMENT_PERFORMANCE_PLACE, "钟公庙派出所人民调解工作室"));
	OK(mediate_case_agreement_set_deadline(c, at("2026-11-30T17:00:00+08:00")));
	OK(mediate_case_agreement_sign(c, "p1", at("2026-11-10T10:30:00+08:00"), act, unit));
	OK(mediate_case_agreement_sign(c, "p2", at("2026-11-10T10:31:00+08:00"), act, unit));
	OK(mediate_case_agreement_sign(c, "M-0011", at("2026-11-10T10:35:00+08:00"), act, unit));
	OK(mediate_case_apply_confirmation(c, "宁波市鄞州区人民法院", at("2026-11-12T09:00:00+08:00"), act, unit));
	OK(mediate_case_decide_confirmation(c, MEDIATE_CONFIRMATION_VALID, at("2026-11-19T09:00:00+08:00"),
	                                    "fy_judge01", "YZ-FY", "裁定有效"));
	OK(mediate_case_transition(c, MEDIATE_CASE_FOLLOW_UP, at("2026-11-20T09:00:00+08:00"), act, unit, NULL));
	OK(mediate_case_add_followup(c, MEDIATE_FOLLOWUP_PERFORMED, "已转账。", at("2026-12-01T09:00:00+08:00"), act,
	                             unit));
	OK(mediate_case_add_note(c, at("2026-12-01T09:05:00+08:00"), act, unit, "回访满意"));
	return c;
}

static void
test_api_case_roundtrip(void)
{
	mediate_case *c = build_case(), *back = NULL;
	char *y1 = NULL, *y2 = NULL;
	size_t l1 = 0, l2 = 0;
	mediate_error err;
	int32_t lat, lon;

	OK(mediate_case_to_yaml(&y1, &l1, c, 0));
	CU_ASSERT_PTR_NOT_NULL(strstr(y1, "amount: \"12800.50\"\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y1, "received_at: 2026-11-03T09:30:00+08:00\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y1, "phone: \"13805741234\"\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y1, "  lat: 29.857000\n  lon: 121.551200\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y1, "name: 王建国\n"));     /* UTF-8, unescaped */
	if (mediate_case_from_yaml(&back, county, y1, l1, "api.yaml", NULL, &err) != 0) {
		char line[1024];
		mediate_error_format(line, sizeof line, &err);
		fprintf(stderr, "\n  %s\n%s", line, y1);
		CU_FAIL_FATAL("import failed");
	}
	OK(mediate_case_to_yaml(&y2, &l2, back, 0));
	CU_ASSERT_EQUAL(l1, l2);
	CU_ASSERT_STRING_EQUAL(y1, y2);
	/* The model behind the text is the same. */
	CU_ASSERT_EQUAL(mediate_case_get_state(back), MEDIATE_CASE_FOLLOW_UP);
	CU_ASSERT_STRING_EQUAL(mediate_case_number(back), "YZ-ZGM-PS-2026-000457");
	CU_ASSERT_EQUAL(mediate_case_amount(back), 1280050);
	CU_ASSERT_EQUAL(mediate_case_coordinates(&lat, &lon, back), 0);
	CU_ASSERT_EQUAL(lat, 29857000);
	CU_ASSERT_EQUAL(lon, 121551200);
	CU_ASSERT_STRING_EQUAL(mediate_party_represents(mediate_case_party_find(back, "p3")), "p2");
	CU_ASSERT_EQUAL(mediate_case_session_is_video(mediate_case_session_at(back, 1)), 1);
	CU_ASSERT_STRING_EQUAL(mediate_case_description(back), mediate_case_description(c));
	CU_ASSERT(mediate_agreement_is_enforceable(mediate_case_agreement(back)));
	CU_ASSERT_EQUAL(mediate_case_extension_count(back), 1);
	CU_ASSERT_EQUAL(mediate_case_event_count(back), mediate_case_event_count(c));
	{
		int64_t d1, d2;
		CU_ASSERT_EQUAL(mediate_case_mediation_due(&d1, c), 0);
		CU_ASSERT_EQUAL(mediate_case_mediation_due(&d2, back), 0);
		CU_ASSERT_EQUAL(d1, d2);
	}
	/* A restored case goes on living: it can be closed. */
	CU_ASSERT_EQUAL(mediate_case_transition(back, MEDIATE_CASE_CLOSED, at("2026-12-02T09:00:00+08:00"), "tj_m0011",
	                                        "YZ-ZGM-PS-TJ", "结案"), 0);
	mediate_free(y1);
	mediate_free(y2);
	mediate_case_free(back);
	mediate_case_free(c);
}

/* Texts that YAML could misread if written plain come back unchanged. */
static void
test_tricky_texts(void)
{
	static const char *const texts[] = {
		"yes", "No", "null", "~", "123", "-5", "0x1F", "1e3", "2026-11-03", ".inf", "- dash", ": colon",
		"a: b", "x #y", "#comment", " leading", "trailing ", "🙂 emoji", "line1\nline2\n", "tab\tx",
		"\"quoted\"", "back\\slash", "sep\xe2\x80\xa8" "arator", "nbsp\xc2\xa0x", "@at", "%pct", "[a]",
		"{b}", "a, b", "'single'", "ends:", "中文：冒号", "?q", "!tag", "&anchor", "*alias", "|bar", ">gt",
		"`tick", "=", "<<", "\r\nwin", "a\x7f" "b", "\xef\xbb\xbf" "bom", "many   spaces", NULL
	};
	size_t i;
	for (i = 0; texts[i] != NULL; i++) {
		mediate_case *c = NULL, *back = NULL;
		char *y1 = NULL, *y2 = NULL;
		size_t l1, l2;
		mediate_error err;
		OK(mediate_case_new(&c, county, "YZ-TJ", at("2026-03-01T09:00:00+08:00"), MEDIATE_OFFSET_CST, "u1"));
		if (mediate_case_set_description(c, texts[i]) != 0) {
			/* The model refuses some (DEL): nothing to round-trip. */
			CU_ASSERT_PTR_NOT_NULL(strchr(texts[i], 0x7f));
			mediate_case_free(c);
			continue;
		}
		OK(mediate_case_add_note(c, at("2026-03-01T09:01:00+08:00"), texts[i][0] == '\r' ? "u2" : "u1",
		                         "YZ-TJ", texts[i]));
		OK(mediate_case_to_yaml(&y1, &l1, c, 0));
		if (mediate_case_from_yaml(&back, county, y1, l1, "t.yaml", NULL, &err) != 0) {
			fprintf(stderr, "\n  text %zu: %s\n%s", i, err.text, y1);
			CU_FAIL("tricky text did not come back");
		} else {
			CU_ASSERT_STRING_EQUAL(mediate_case_description(back), texts[i]);
			CU_ASSERT_STRING_EQUAL(mediate_case_event_details(mediate_case_event_at(back, 1)), texts[i]);
			OK(mediate_case_to_yaml(&y2, &l2, back, 0));
			CU_ASSERT(l1 == l2 && memcmp(y1, y2, l1) == 0);
		}
		mediate_free(y1);
		mediate_free(y2);
		mediate_case_free(back);
		mediate_case_free(c);
	}
}

/* Party ids that YAML would read as null, numbers or booleans if plain. */
static void
test_tricky_ids(void)
{
	static const char *const ids[] = { "null", "007", "-x", "true", "y", ".5", "NULL", "1e3", NULL };
	mediate_case *c = NULL, *back = NULL;
	char *y1 = NULL, *y2 = NULL;
	size_t l1, l2, i, s = 0;
	mediate_error err;

	OK(mediate_case_new(&c, county, "YZ-TJ", at("2026-03-01T09:00:00+08:00"), MEDIATE_OFFSET_CST, "u1"));
	for (i = 0; ids[i] != NULL; i++)
		OK(mediate_case_add_party(c, ids[i], MEDIATE_PARTY_APPLICANT, MEDIATE_PARTY_PERSON, "张三"));
	OK(mediate_case_transition(c, MEDIATE_CASE_ASSESSED, at("2026-03-01T10:00:00+08:00"), "u1", "YZ-TJ", NULL));
	OK(mediate_case_add_mediator(c, "0", "李四", MEDIATE_MEDIATOR_LEAD, at("2026-03-01T10:01:00+08:00"), "u1",
	                             "YZ-TJ"));
	OK(mediate_case_transition(c, MEDIATE_CASE_ASSIGNED, at("2026-03-01T10:02:00+08:00"), "u1", "YZ-TJ", NULL));
	OK(mediate_case_set_mode(c, MEDIATE_MODE_ON_THE_SPOT));
	OK(mediate_case_transition(c, MEDIATE_CASE_IN_MEDIATION, at("2026-03-01T10:03:00+08:00"), "u1", "YZ-TJ",
	                           NULL));
	OK(mediate_case_add_session(c, &s, at("2026-03-01T11:00:00+08:00"), "调解室", 0, NULL, "u1", "YZ-TJ"));
	for (i = 0; ids[i] != NULL; i++)
		OK(mediate_case_session_add_attendee(c, s, ids[i]));
	OK(mediate_case_session_add_attendee(c, s, "0"));
	OK(mediate_case_to_yaml(&y1, &l1, c, 0));
	CU_ASSERT_PTR_NOT_NULL(strstr(y1, "- id: \"null\"\n"));
	if (mediate_case_from_yaml(&back, county, y1, l1, "ids.yaml", NULL, &err) != 0) {
		fprintf(stderr, "\n  %s: %s\n", err.path, err.text);
		CU_FAIL("ids did not come back");
	} else {
		for (i = 0; ids[i] != NULL; i++)
			CU_ASSERT_PTR_NOT_NULL(mediate_case_party_find(back, ids[i]));
		CU_ASSERT_PTR_NOT_NULL(mediate_case_mediator_find(back, "0"));
		OK(mediate_case_to_yaml(&y2, &l2, back, 0));
		CU_ASSERT(l1 == l2 && memcmp(y1, y2, l1) == 0);
	}
	mediate_free(y1);
	mediate_free(y2);
	mediate_case_free(back);
	mediate_case_free(c);
}

static void
test_mask(void)
{
	mediate_case *c = build_case(), *back = NULL;
	char *y = NULL;
	size_t l;
	mediate_error err;
	OK(mediate_case_to_yaml(&y, &l, c, MEDIATE_CASE_YAML_MASK));
	CU_ASSERT_PTR_NULL(strstr(y, "13805741234"));
	CU_ASSERT_PTR_NULL(strstr(y, "330212195403152312"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y, "phone: \"138****1234\"\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y, "number: \"**************2312\"\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(y, "name: 王建国\n"));
	/* A masked export is for display: importing it says why it fails. */
	CU_ASSERT_EQUAL(mediate_case_from_yaml(&back, county, y, l, "masked.yaml", NULL, &err), MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NULL(back);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.text, "masked"));
	CU_ASSERT_STRING_EQUAL(err.path, "parties[0].phone");
	mediate_free(y);
	/* Unknown flags are refused. */
	y = NULL;
	CU_ASSERT_EQUAL(mediate_case_to_yaml(&y, &l, c, 0x80), MEDIATE_EINVAL);
	CU_ASSERT_PTR_NULL(y);
	mediate_case_free(c);
}

/* ---- bad input ---- */

static void
test_bad_corpus(void)
{
	char dirpath[4096];
	DIR *dir;
	struct dirent *e;
	unsigned files = 0;
	mediate_load_options o = list_opts();

	snprintf(dirpath, sizeof dirpath, "%s", test_data("cases/bad"));
	dir = opendir(dirpath);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[4400], expected_path[4400], line[1200];
		char *data, *expected;
		size_t len, n = strlen(e->d_name);
		mediate_case_list *list = NULL;
		mediate_error err;
		int rc;
		if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dirpath, e->d_name);
		snprintf(expected_path, sizeof expected_path, "%s/%.*s.err", dirpath, (int)(n - 5), e->d_name);
		data = test_read_file(path, &len);
		expected = test_read_file(expected_path, NULL);
		CU_ASSERT_PTR_NOT_NULL(data);
		CU_ASSERT_PTR_NOT_NULL(expected);
		if (data == NULL || expected == NULL) {
			free(data);
			free(expected);
			continue;
		}
		files++;
		rc = mediate_case_list_from_yaml(&list, county, data, len, e->d_name, &o, &err);
		CU_ASSERT(rc < 0);
		CU_ASSERT_PTR_NULL(list);
		CU_ASSERT_EQUAL(err.code, rc);
		mediate_error_format(line, sizeof line, &err);
		expected[strcspn(expected, "\n")] = '\0';
		if (strcmp(line, expected) != 0) {
			fprintf(stderr, "\n  %s:\n    got      %s\n    expected %s\n", e->d_name, line, expected);
			CU_FAIL("unexpected first error");
		}
		CU_ASSERT_EQUAL(mediate_error_last()->code, rc);
		mediate_case_list_free(list);
		free(data);
		free(expected);
	}
	closedir(dir);
	CU_ASSERT(files >= 15);
}

/* 10,000 parties: refused by the documented limit, quickly, with a position. */
static void
test_too_many_parties(void)
{
	char *base = test_read_file(test_data("cases/good-small.yaml"), NULL);
	mediate_load_options o = list_opts();
	mediate_case_list *list = NULL;
	mediate_error err;
	char *cut, *doc;
	size_t cap = (size_t)2 << 20, len, i;
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	cut = strstr(base, "  mediation:\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cut);
	doc = malloc(cap);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	len = (size_t)(strstr(base, "  parties:\n") - base);
	memcpy(doc, base, len);
	len += (size_t)snprintf(doc + len, cap - len, "  parties:\n");
	for (i = 0; i < 10000; i++)
		len += (size_t)snprintf(doc + len, cap - len,
		                        "  - id: w%zu\n    role: applicant\n    name: 农民工%zu\n", i + 1, i + 1);
	len += (size_t)snprintf(doc + len, cap - len, "%s", cut);
	rc = mediate_case_list_from_yaml(&list, county, doc, len, "many.yaml", &o, &err);
	CU_ASSERT_EQUAL(rc, MEDIATE_ELIMIT);
	CU_ASSERT_PTR_NULL(list);
	CU_ASSERT_STRING_EQUAL(err.path, "cases[0].parties");
	CU_ASSERT(err.line > 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.text, "10000 parties"));
	free(doc);
	free(base);
}

static void
test_limits_and_arguments(void)
{
	char *text = test_read_file(example_data("cases.yaml"), NULL), *out = (char *)"x";
	char *small = test_read_file(test_data("cases/good-small.yaml"), NULL);
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_case_list *list = (mediate_case_list *)1;
	mediate_case *c = NULL;
	mediate_error err;
	size_t len;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(small);
	/* The default document limit stays 1 MiB; a list asks for more. */
	{
		size_t n = strlen(small), big = MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES + 1000, k;
		char *doc = malloc(big + 1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
		memcpy(doc, small, n);
		for (k = n; k < big; k++)
			doc[k] = (k - n) % 80 == 0 ? '\n' : (k - n) % 80 == 1 ? '#' : 'x';
		doc[big] = '\0';
		CU_ASSERT_EQUAL(mediate_case_list_from_yaml(&list, county, doc, big, "big.yaml", NULL, &err),
		                MEDIATE_ELIMIT);
		CU_ASSERT_PTR_NULL(list);
		o = list_opts();
		CU_ASSERT_EQUAL(mediate_case_list_from_yaml(&list, county, doc, big, "big.yaml", &o, &err), 0);
		CU_ASSERT_EQUAL(mediate_case_list_count(list), 1);
		mediate_case_list_free(list);
		o.max_document_bytes = 100000;
		CU_ASSERT_EQUAL(mediate_case_list_load_file(&list, county, example_data("cases.yaml"), &o, &err),
		                MEDIATE_ELIMIT);
		CU_ASSERT_PTR_NULL(list);
		free(doc);
	}
	o = list_opts();
	/* max_nodes applies too. */
	o.max_nodes = 50;
	CU_ASSERT_EQUAL(mediate_case_list_from_yaml(&list, county, small, strlen(small), "s.yaml", &o, &err),
	                MEDIATE_ELIMIT);
	o = list_opts();
	CU_ASSERT_EQUAL(mediate_case_list_load_file(&list, county, example_data("cases.yaml"), &o, &err), 0);
	CU_ASSERT(mediate_case_list_count(list) >= 200);
	mediate_case_list_free(list);
	CU_ASSERT_EQUAL(mediate_case_list_load_file(&list, county, test_data("cases/no-such-file.yaml"), &o, &err),
	                MEDIATE_EIO);
	/* A list is not a case, and a case is not a list. */
	CU_ASSERT_EQUAL(mediate_case_from_yaml(&c, county, small, strlen(small), "s.yaml", NULL, &err),
	                MEDIATE_EVALIDATE);
	CU_ASSERT_PTR_NULL(c);
	CU_ASSERT_EQUAL(mediate_case_from_yaml(&c, county, "", 0, "e.yaml", NULL, &err), MEDIATE_EVALIDATE);
	CU_ASSERT_EQUAL(err.line, 1);
	/* Options of an unknown version. */
	o.version = 99;
	CU_ASSERT_EQUAL(mediate_case_list_from_yaml(&list, county, small, strlen(small), "s.yaml", &o, &err),
	                MEDIATE_EINVAL);
	/* NULL arguments. */
	CU_ASSERT_EQUAL(mediate_case_from_yaml(NULL, county, small, strlen(small), NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_from_yaml(&c, NULL, small, strlen(small), NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_from_yaml(&c, county, NULL, 5, NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_from_yaml(NULL, county, small, strlen(small), NULL, NULL, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_from_yaml(&list, NULL, small, strlen(small), NULL, NULL, NULL),
	                MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_load_file(&list, county, NULL, NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_load_file(NULL, county, "x", NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_load_file(&list, NULL, "x", NULL, NULL), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_to_yaml(NULL, &len, (const mediate_case *)small, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_to_yaml(&out, &len, NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_to_yaml(&out, &len, NULL, 0), MEDIATE_EINVAL);
	CU_ASSERT_EQUAL(mediate_case_list_to_yaml(NULL, &len, (const mediate_case_list *)small, 0), MEDIATE_EINVAL);
	/* An empty list exports and imports. */
	{
		mediate_case_list *empty = NULL, *back = NULL;
		char *y = NULL;
		OK(mediate_case_list_new(&empty));
		OK(mediate_case_list_to_yaml(&y, &len, empty, 0));
		CU_ASSERT_STRING_EQUAL(y, "format: mediate-cases\nversion: 1\ncases: []\n");
		OK(mediate_case_list_from_yaml(&back, county, y, len, "empty.yaml", NULL, &err));
		CU_ASSERT_EQUAL(mediate_case_list_count(back), 0);
		mediate_free(y);
		mediate_case_list_free(back);
		mediate_case_list_free(empty);
	}
	free(small);
	free(text);
}

/* Every error is reported, in document order, through on_error. */
struct collected {
	unsigned n;
	unsigned long last_line;
	int in_order;
};

static void
collect(const mediate_error *err, void *user)
{
	struct collected *c = user;
	if (err->line < c->last_line)
		c->in_order = 0;
	c->last_line = err->line;
	c->n++;
}

static void
test_all_errors_reported(void)
{
	char *small = test_read_file(test_data("cases/good-small.yaml"), NULL), *doc;
	mediate_load_options o = list_opts();
	struct collected col = { 0, 0, 1 };
	mediate_case_list *list = NULL;
	mediate_error err;
	size_t len;

	CU_ASSERT_PTR_NOT_NULL_FATAL(small);
	/* Three problems in one file: a typo'd key, a negative amount, a bad flag. */
	len = strlen(small) + 64;
	doc = malloc(len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	snprintf(doc, len, "%s", small);
	memcpy(strstr(doc, "amount: \"1200.50\""), "amount: \"-200.50\"", 17);
	memcpy(strstr(doc, "    - elderly"), "    - elder  ", 13);
	memcpy(strstr(doc, "  category:"), "  categroy:", 11);
	o.on_error = collect;
	o.on_error_user = &col;
	CU_ASSERT_EQUAL(mediate_case_list_from_yaml(&list, county, doc, strlen(doc), "three.yaml", &o, &err),
	                MEDIATE_EVALIDATE);
	CU_ASSERT(col.n >= 3);
	CU_ASSERT(col.in_order);
	CU_ASSERT_STRING_EQUAL(err.path, "cases[0].categroy");
	free(doc);
	free(small);
}

/* ---- allocation failure: every failure is MEDIATE_ENOMEM, nothing leaks ---- */

static long alloc_left = -1;   /* allocations that may still succeed; -1: no limit */
static long alloc_failed;

static void *
fail_malloc(size_t n, void *user)
{
	(void)user;
	if (alloc_left == 0) {
		alloc_failed++;
		return NULL;
	}
	if (alloc_left > 0)
		alloc_left--;
	return malloc(n);
}

static void *
fail_realloc(void *p, size_t n, void *user)
{
	(void)user;
	if (alloc_left == 0) {
		alloc_failed++;
		return NULL;
	}
	if (alloc_left > 0)
		alloc_left--;
	return realloc(p, n);
}

static void
fail_free(void *p, void *user)
{
	(void)user;
	free(p);
}

static void
test_allocation_failure(void)
{
	mediate_allocator a = { MEDIATE_ALLOCATOR_VERSION, fail_malloc, fail_realloc, fail_free, NULL };
	char *small = test_read_file(test_data("cases/good-small.yaml"), NULL), *y, *expected = NULL;
	mediate_load_options o = list_opts();
	size_t len = strlen(small), ylen, elen = 0;
	long n, bad = 0, ok_at = -1;

	CU_ASSERT_PTR_NOT_NULL_FATAL(small);
	{
		mediate_case_list *l = NULL;
		OK(mediate_case_list_from_yaml(&l, county, small, len, "s.yaml", &o, NULL));
		OK(mediate_case_list_to_yaml(&expected, &elen, l, 0));
		mediate_case_list_free(l);
	}
	CU_ASSERT_EQUAL_FATAL(mediate_allocator_set(&a), 0);
	/* Fail the 1st, 2nd, ... allocation of an import and an export until
	 * both succeed: each run returns ENOMEM or succeeds completely. */
	for (n = 0; n < 100000 && ok_at < 0; n++) {
		mediate_case_list *l = NULL;
		int rc;
		alloc_left = n;
		alloc_failed = 0;
		rc = mediate_case_list_from_yaml(&l, county, small, len, "s.yaml", &o, NULL);
		if (rc == 0) {
			y = NULL;
			rc = mediate_case_list_to_yaml(&y, &ylen, l, 0);
			if (rc == 0) {
				if (alloc_failed == 0)
					ok_at = n;
				if (ylen != elen || memcmp(y, expected, elen) != 0)
					bad++;
				mediate_free(y);
			} else if (rc != MEDIATE_ENOMEM || y != NULL) {
				bad++;
			}
			mediate_case_list_free(l);
		} else if (rc != MEDIATE_ENOMEM || l != NULL) {
			fprintf(stderr, "\n  allocation %ld failed: rc %d\n", n, rc);
			bad++;
		}
	}
	alloc_left = -1;
	CU_ASSERT_EQUAL(mediate_allocator_set(NULL), 0);
	CU_ASSERT(ok_at > 50);
	CU_ASSERT_EQUAL(bad, 0);
	mediate_free(expected);
	free(small);
}

/* ---- the YAML test suite: nothing crashes, leaks or is accepted ---- */

static void
yts_one(const char *dir, unsigned *inputs, unsigned *bad)
{
	char path[4300];
	char *data;
	size_t len;
	mediate_case *c = NULL;
	mediate_case_list *list = NULL;
	mediate_error err;
	int rc;

	snprintf(path, sizeof path, "%s/in.yaml", dir);
	if ((data = test_read_file(path, &len)) == NULL)
		return;
	(*inputs)++;
	rc = mediate_case_from_yaml(&c, county, data, len, "in.yaml", NULL, &err);
	if (rc == 0 || c != NULL || (err.line == 0 && rc != MEDIATE_ELIMIT) || err.code != rc) {
		fprintf(stderr, "\n  %s: case: rc %d line %lu", dir, rc, err.line);
		(*bad)++;
	}
	mediate_case_free(c);
	rc = mediate_case_list_from_yaml(&list, county, data, len, "in.yaml", NULL, &err);
	if (rc == 0 || list != NULL || (err.line == 0 && rc != MEDIATE_ELIMIT) || err.code != rc) {
		fprintf(stderr, "\n  %s: list: rc %d line %lu", dir, rc, err.line);
		(*bad)++;
	}
	mediate_case_list_free(list);
	free(data);
}

static void
test_yaml_test_suite(void)
{
	const char *root = yaml_test_suite_dir();
	char rootbuf[4096], path[4200], sub[4300];
	unsigned inputs = 0, bad = 0;
	DIR *d, *d2;
	struct dirent *e, *e2;

	if (root == NULL) {
		CU_PASS("the YAML test suite is not here: skipped");
		return;
	}
	snprintf(rootbuf, sizeof rootbuf, "%s", root);
	d = opendir(rootbuf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%.3800s/%.200s", rootbuf, e->d_name);
		yts_one(path, &inputs, &bad);
		if ((d2 = opendir(path)) == NULL)
			continue;
		while ((e2 = readdir(d2)) != NULL) {
			if (e2->d_name[0] < '0' || e2->d_name[0] > '9')
				continue;
			snprintf(sub, sizeof sub, "%.4000s/%.200s", path, e2->d_name);
			yts_one(sub, &inputs, &bad);
		}
		closedir(d2);
	}
	closedir(d);
	CU_ASSERT(inputs > 300);
	CU_ASSERT_EQUAL(bad, 0);
}

int
suite_case_yaml(void)
{
	CU_pSuite s = CU_add_suite("case_yaml", setup, teardown);
	if (s == NULL)
		return CU_get_error();
	TEST_ADD(s, test_sample_list_exact);
	TEST_ADD(s, test_sample_each_roundtrip);
	TEST_ADD(s, test_sample_contents);
	TEST_ADD(s, test_api_case_roundtrip);
	TEST_ADD(s, test_tricky_texts);
	TEST_ADD(s, test_tricky_ids);
	TEST_ADD(s, test_mask);
	TEST_ADD(s, test_bad_corpus);
	TEST_ADD(s, test_too_many_parties);
	TEST_ADD(s, test_limits_and_arguments);
	TEST_ADD(s, test_all_errors_reported);
	TEST_ADD(s, test_allocation_failure);
	TEST_ADD(s, test_yaml_test_suite);
	return CUE_SUCCESS;
}
