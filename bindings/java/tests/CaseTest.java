/* SPDX-License-Identifier: MIT */
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.libmediate.*;

/**
 * Cases through Java: the idiomatic Case class (lists of parties and of
 * timeline events) and every C function of the case module through
 * MediateNative.
 */
public class CaseTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String COUNTY = DATA + "/county.yaml";
  static final String STUDIO = "YZ-ZGM-PS-TJ";
  static final long T0 = Time.parse("2026-02-03T09:30:00+08:00");

  static SWIGTYPE_p_mediate_policy loadNative() {
    long[] out = new long[1];
    MediateNative.mediate_policy_load_file(out, COUNTY, null);
    return SWIGTYPE_p_mediate_policy.wrap(out[0]);
  }

  static SWIGTYPE_p_mediate_case newNative(SWIGTYPE_p_mediate_policy p) {
    long[] out = new long[1];
    MediateNative.mediate_case_new(out, p, STUDIO, T0, 480, "u-110-desk");
    return SWIGTYPE_p_mediate_case.wrap(out[0]);
  }

  public void testIdiomaticLifecycle() {
    try (Policy p = Policy.load(COUNTY);
         Case c = Case.create(p, STUDIO, T0, "u-110-desk")) {
      Check.equal("received", c.state());
      c.assignNumber(31);
      Check.equal("YZ-ZGM-PS-TJ-2026-000031", c.number());
      c.setSource("police_110", "330212202602030031");
      c.setCategory("neighbour.water_leak");
      Check.equal("neighbour.water_leak", c.category());
      c.setDescription("楼上卫生间漏水，楼下天花板受损。");
      c.setAmount(860000);
      Check.equal(860000, c.amount());
      c.addParty("p1", "applicant", "person", "张建华");
      c.setPartyPhone("p1", "13812345678");
      c.setPartyDocument("p1", "resident_id", "33021219850315241x");
      c.addParty("p2", "respondent", "person", "李秀英");
      List<Case.Party> parties = c.parties();
      Check.equal(2, parties.size());
      Check.equal("张建华", parties.get(0).name);
      Check.equal("138****5678", parties.get(0).phoneMasked);
      Check.equal("**************241X", parties.get(0).documentMasked);
      Check.equal("resident_id", parties.get(0).docType);
      Check.isNull(parties.get(1).docType);
      CoreTest.raisesCode(MediateError.EEXISTS, () -> c.addParty("p1", "applicant", "person", "重复"));
      CoreTest.raisesCode(MediateError.EVALIDATE,
          () -> c.setPartyDocument("p2", "resident_id", "330212198503152419"));
      Check.isNull(c.mediationDue());
      c.transition("assessed", T0 + 60, "u-pan", STUDIO, "一般纠纷");
      Check.equal(Time.parse("2026-03-03T09:31:00+08:00"), (long) c.mediationDue());
      c.addMediator("m-0012", "潘志明", "lead", T0 + 120, "u-pan", STUDIO);
      c.setMode("on_the_spot");
      c.transition("assigned", T0 + 180, "u-pan", STUDIO, null);
      c.transition("in_mediation", T0 + 240, "u-pan", STUDIO, null);
      // Impossible: refused, nothing changes.
      CoreTest.raisesCode(MediateError.ESTATE, () -> c.transition("closed", T0 + 300, "u-pan", STUDIO, null));
      Check.equal("in_mediation", c.state());
      c.reachAgreement("oral", T0 + 600, "u-pan", STUDIO, "当场达成口头协议");
      c.addNote(T0 + 700, "u-pan", STUDIO, "双方握手言和");
      c.transition("closed", T0 + 800, "u-pan", STUDIO, "结案");
      Check.equal("agreement", c.outcome());
      List<Case.Event> timeline = c.timeline();
      Check.equal("received", timeline.get(0).kind);
      Case.Event last = timeline.get(timeline.size() - 1);
      Check.equal("transition", last.kind);
      Check.equal("agreement", last.from);
      Check.equal("closed", last.to);
      Check.equal("结案", last.details);
      for (int i = 1; i < timeline.size(); i++)
        Check.isTrue(timeline.get(i - 1).time <= timeline.get(i).time, "time order");
      CoreTest.raisesCode(MediateError.ERANGE, () -> c.addNote(T0, "u-pan", STUDIO, "过去"));
      Check.equal(timeline.size(), c.timeline().size());
      String yaml = c.toYaml(false);
      Check.isTrue(yaml.contains("张建华"), "yaml has the name");
      Check.isTrue(!c.toYaml(true).contains("13812345678"), "masked yaml hides the phone");
      try (Case back = Case.fromYaml(p, yaml, "case.yaml")) {
        Check.equal(yaml, back.toYaml(false));
      }
      try (Case copy = c.copy()) {
        Check.equal(c.id(), copy.id());
      }
      Check.isTrue(Case.transitionAllowed("agreement", "in_mediation"), "re-mediation");
      Check.isTrue(!Case.transitionAllowed("closed", "received"), "closed is final");
      Case closed = c.copy();
      closed.close();
      CoreTest.raisesCode(MediateError.ESTATE, () -> closed.state());
      closed.close();   // twice is fine
    }
  }

  public void testEnums() {
    int[] v = new int[1];
    for (int i = 1; i <= 10; i++) {
      MediateNative.mediate_case_state_parse(v, MediateNative.mediate_case_state_name(mediate_case_state.swigToEnum(i)));
      Check.equal(i, v[0]);
    }
    MediateNative.mediate_case_source_parse(v, "grid_referral");
    Check.equal("grid_referral", MediateNative.mediate_case_source_name(mediate_case_source.swigToEnum(v[0])));
    MediateNative.mediate_party_role_parse(v, "third_party");
    Check.equal("third_party", MediateNative.mediate_party_role_name(mediate_party_role.swigToEnum(v[0])));
    MediateNative.mediate_party_kind_parse(v, "organisation");
    Check.equal("organisation", MediateNative.mediate_party_kind_name(mediate_party_kind.swigToEnum(v[0])));
    MediateNative.mediate_party_doc_type_parse(v, "hk_macao_permit");
    Check.equal("hk_macao_permit", MediateNative.mediate_party_doc_type_name(mediate_party_doc_type.swigToEnum(v[0])));
    MediateNative.mediate_case_mediator_role_parse(v, "expert");
    Check.equal("expert", MediateNative.mediate_case_mediator_role_name(mediate_case_mediator_role.swigToEnum(v[0])));
    MediateNative.mediate_case_mode_parse(v, "think_tank");
    Check.equal("think_tank", MediateNative.mediate_case_mode_name(mediate_case_mode.swigToEnum(v[0])));
    MediateNative.mediate_case_outcome_parse(v, "withdrawn");
    Check.equal("withdrawn", MediateNative.mediate_case_outcome_name(mediate_case_outcome.swigToEnum(v[0])));
    MediateNative.mediate_agreement_form_parse(v, "written");
    Check.equal("written", MediateNative.mediate_agreement_form_name(mediate_agreement_form.swigToEnum(v[0])));
    MediateNative.mediate_transfer_kind_parse(v, "administrative");
    Check.equal("administrative", MediateNative.mediate_transfer_kind_name(mediate_transfer_kind.swigToEnum(v[0])));
    MediateNative.mediate_agreement_field_parse(v, "performance_manner");
    Check.equal("performance_manner", MediateNative.mediate_agreement_field_name(mediate_agreement_field.swigToEnum(v[0])));
    MediateNative.mediate_confirmation_status_parse(v, "applied");
    Check.equal("applied", MediateNative.mediate_confirmation_status_name(mediate_confirmation_status.swigToEnum(v[0])));
    MediateNative.mediate_followup_result_parse(v, "not_performed");
    Check.equal("not_performed", MediateNative.mediate_followup_result_name(mediate_followup_result.swigToEnum(v[0])));
    MediateNative.mediate_case_event_kind_parse(v, "agreement_effective");
    Check.equal("agreement_effective", MediateNative.mediate_case_event_kind_name(mediate_case_event_kind.swigToEnum(v[0])));
    long[] bit = new long[1];
    MediateNative.mediate_party_flag_parse(bit, "non_local");
    Check.equal("non_local", MediateNative.mediate_party_flag_name(bit[0]));
    MediateNative.mediate_case_risk_parse(bit, "mass_incident");
    Check.equal("mass_incident", MediateNative.mediate_case_risk_name(bit[0]));
    CoreTest.raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_case_state_parse(v, "open"));
  }

  public void testPersonalData() {
    MediateNative.mediate_resident_id_check("11010519491231002X");
    CoreTest.raisesCode(MediateError.EVALIDATE, () -> MediateNative.mediate_resident_id_check("110105194912310021"));
    int[] y = new int[1], m = new int[1], d = new int[1];
    MediateNative.mediate_resident_id_birth_date(y, m, d, "33021219850315241X");
    Check.equal(1985, y[0]);
    Check.equal(3, m[0]);
    Check.equal(15, d[0]);
    byte[] buf = new byte[MediateNative.MEDIATE_MASK_BUFSIZE];
    MediateNative.mediate_mask_phone(buf, "13812345678");
    Check.equal("138****5678", NativeStrings.fromBuffer(buf));
    MediateNative.mediate_mask_document(buf, "E12345678");
    Check.equal("*****5678", NativeStrings.fromBuffer(buf));
  }

  public void testLowLevelIdentityFactsParties() {
    SWIGTYPE_p_mediate_policy p = loadNative();
    SWIGTYPE_p_mediate_case c = newNative(p);
    try {
      Check.isTrue(MediateNative.mediate_case_policy(c) != null, "policy");
      Check.equal(0, MediateNative.mediate_id_is_nil(MediateNative.mediate_case_id(c)));
      mediate_id id = new mediate_id();
      MediateNative.mediate_id_parse(id, "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b");
      MediateNative.mediate_case_set_id(c, id);
      Check.equal("3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b", MediateNative.mediate_case_id_text(c));
      byte[] buf = new byte[MediateNative.MEDIATE_CASE_NUMBER_BUFSIZE];
      MediateNative.mediate_case_number_format(buf, "YZ-SJ", 2026, 123);
      Check.equal("YZ-SJ-2026-000123", NativeStrings.fromBuffer(buf));
      MediateNative.mediate_case_set_number(c, "YZ-SJ-2026-000123");
      Check.equal("YZ-SJ-2026-000123", MediateNative.mediate_case_number(c));
      CoreTest.raisesCode(MediateError.EEXISTS, () -> MediateNative.mediate_case_assign_number(c, 5));
      Check.equal(mediate_case_state.MEDIATE_CASE_RECEIVED, MediateNative.mediate_case_get_state(c));
      Check.equal(T0, MediateNative.mediate_case_received_at(c));
      Check.equal(480, MediateNative.mediate_case_offset(c));
      Check.equal(STUDIO, MediateNative.mediate_unit_code(MediateNative.mediate_case_unit(c)));

      Check.isNull(MediateNative.mediate_case_get_source(c));
      MediateNative.mediate_case_set_source(c, mediate_case_source.MEDIATE_SOURCE_COURT_REFERRAL, "(2026)浙0212民诉前调1234号");
      Check.equal(mediate_case_source.MEDIATE_SOURCE_COURT_REFERRAL, MediateNative.mediate_case_get_source(c));
      Check.equal("(2026)浙0212民诉前调1234号", MediateNative.mediate_case_source_ref(c));
      MediateNative.mediate_case_set_category(c, "family.elder_support");
      Check.equal("family.elder_support", MediateNative.mediate_category_code(MediateNative.mediate_case_category(c)));
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> MediateNative.mediate_case_set_category(c, "weather"));
      MediateNative.mediate_case_set_address(c, "宁波市鄞州区钟公庙街道");
      Check.equal("宁波市鄞州区钟公庙街道", MediateNative.mediate_case_address(c));
      MediateNative.mediate_case_set_grid(c, "YZ-ZGM-JJC-G01");
      Check.equal("YZ-ZGM-JJC-G01", MediateNative.mediate_unit_code(MediateNative.mediate_case_grid(c)));
      MediateNative.mediate_case_set_coordinates(c, 29857000, 121560000);
      int[] lat = new int[1], lon = new int[1];
      MediateNative.mediate_case_coordinates(lat, lon, c);
      Check.equal(29857000, lat[0]);
      Check.equal(121560000, lon[0]);
      MediateNative.mediate_case_clear_coordinates(c);
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> MediateNative.mediate_case_coordinates(lat, lon, c));
      MediateNative.mediate_case_set_description(c, "子女不履行赡养义务");
      CoreTest.raisesCode(MediateError.EUTF8, () -> MediateNative.mediate_case_set_description_len(c,
          new byte[] { (byte) 0xe8, (byte) 0xb5, (byte) 0xa1, 0, (byte) 0xe5, (byte) 0x85, (byte) 0xbb }));
      MediateNative.mediate_case_set_description_len(c, "赡养".getBytes(StandardCharsets.UTF_8));
      Check.equal("赡养", MediateNative.mediate_case_description(c));
      MediateNative.mediate_case_set_people_involved(c, 4);
      Check.equal(4, MediateNative.mediate_case_people_involved(c));
      MediateNative.mediate_case_set_amount(c, 120000);
      CoreTest.raisesCode(MediateError.ERANGE, () -> MediateNative.mediate_case_set_amount(c, -1));
      Check.equal(120000, MediateNative.mediate_case_amount(c));
      MediateNative.mediate_case_set_risks(c, MediateNative.MEDIATE_RISK_VULNERABLE_PARTY);
      Check.equal(MediateNative.MEDIATE_RISK_VULNERABLE_PARTY, MediateNative.mediate_case_risks(c));
      MediateNative.mediate_case_set_prior_police_calls(c, 2);
      Check.equal(2, MediateNative.mediate_case_prior_police_calls(c));
      MediateNative.mediate_case_add_tag(c, "赡养");
      Check.equal(1, MediateNative.mediate_case_tag_count(c));
      Check.equal("赡养", MediateNative.mediate_case_tag_at(c, 0));
      MediateNative.mediate_case_remove_tag(c, "赡养");

      MediateNative.mediate_case_add_party(c, "p1", mediate_party_role.MEDIATE_PARTY_APPLICANT,
          mediate_party_kind.MEDIATE_PARTY_PERSON, "王秀兰");
      MediateNative.mediate_case_party_set_name(c, "p1", "王秀兰（母亲）");
      MediateNative.mediate_case_party_set_role(c, "p1", mediate_party_role.MEDIATE_PARTY_APPLICANT);
      MediateNative.mediate_case_party_set_kind(c, "p1", mediate_party_kind.MEDIATE_PARTY_PERSON);
      MediateNative.mediate_case_party_set_phone(c, "p1", "13912345678");
      MediateNative.mediate_case_party_set_document(c, "p1", mediate_party_doc_type.MEDIATE_DOC_RESIDENT_ID,
          "330203196207080030");
      MediateNative.mediate_case_party_set_address(c, "p1", "钟公庙街道金家漕社区");
      MediateNative.mediate_case_party_set_flags(c, "p1", MediateNative.MEDIATE_PARTY_ELDERLY);
      MediateNative.mediate_case_add_party(c, "a1", mediate_party_role.MEDIATE_PARTY_AGENT,
          mediate_party_kind.MEDIATE_PARTY_PERSON, "周律师");
      MediateNative.mediate_case_party_set_represents(c, "a1", "p1");
      Check.equal(2, MediateNative.mediate_case_party_count(c));
      SWIGTYPE_p_mediate_party p1 = MediateNative.mediate_case_party_at(c, 0);
      Check.equal("p1", MediateNative.mediate_party_id(p1));
      Check.equal("王秀兰（母亲）", MediateNative.mediate_party_name(p1));
      Check.equal(mediate_party_role.MEDIATE_PARTY_APPLICANT, MediateNative.mediate_party_get_role(p1));
      Check.equal(mediate_party_kind.MEDIATE_PARTY_PERSON, MediateNative.mediate_party_get_kind(p1));
      Check.equal("13912345678", MediateNative.mediate_party_phone(p1));
      Check.equal("139****5678", MediateNative.mediate_party_phone_masked(p1));
      Check.equal(mediate_party_doc_type.MEDIATE_DOC_RESIDENT_ID, MediateNative.mediate_party_doc_type_of(p1));
      Check.equal("330203196207080030", MediateNative.mediate_party_document(p1));
      Check.equal("**************0030", MediateNative.mediate_party_document_masked(p1));
      Check.equal("钟公庙街道金家漕社区", MediateNative.mediate_party_address(p1));
      Check.equal(MediateNative.MEDIATE_PARTY_ELDERLY, MediateNative.mediate_party_flags(p1));
      SWIGTYPE_p_mediate_party a1 = MediateNative.mediate_case_party_find(c, "a1");
      Check.equal("p1", MediateNative.mediate_party_represents(a1));
      CoreTest.raisesCode(MediateError.ESTATE, () -> MediateNative.mediate_case_remove_party(c, "p1"));
      MediateNative.mediate_case_remove_party(c, "a1");
      Check.isNull(MediateNative.mediate_case_party_find(c, "a1"));

      long[] out = new long[1];
      MediateNative.mediate_case_clone(out, c);
      SWIGTYPE_p_mediate_case copy = SWIGTYPE_p_mediate_case.wrap(out[0]);
      Check.equal(MediateNative.mediate_case_id_text(c), MediateNative.mediate_case_id_text(copy));
      MediateNative.mediate_case_free(copy);
    } finally {
      MediateNative.mediate_case_free(c);
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testLowLevelMediationAgreementFollowup() {
    SWIGTYPE_p_mediate_policy p = loadNative();
    SWIGTYPE_p_mediate_case c = newNative(p);
    try {
      Check.equal(1, MediateNative.mediate_case_transition_allowed(mediate_case_state.MEDIATE_CASE_FOLLOW_UP,
          mediate_case_state.MEDIATE_CASE_IN_MEDIATION));
      MediateNative.mediate_case_add_party(c, "p1", mediate_party_role.MEDIATE_PARTY_APPLICANT,
          mediate_party_kind.MEDIATE_PARTY_PERSON, "张建华");
      MediateNative.mediate_case_add_party(c, "p2", mediate_party_role.MEDIATE_PARTY_RESPONDENT,
          mediate_party_kind.MEDIATE_PARTY_PERSON, "李秀英");
      MediateNative.mediate_case_transition(c, mediate_case_state.MEDIATE_CASE_ASSESSED, T0 + 60, "u", STUDIO, null);
      long[] t = new long[1], t2 = new long[1];
      MediateNative.mediate_case_accepted_at(t, c);
      Check.equal(T0 + 60, t[0]);
      MediateNative.mediate_case_mediation_due(t, c);
      MediateNative.mediate_case_extend(c, t[0] + 86400, T0 + 70, "u", STUDIO, "双方同意");
      Check.equal(1, MediateNative.mediate_case_extension_count(c));
      MediateNative.mediate_case_extension_at(t, t2, c, 0);
      Check.equal(T0 + 70, t2[0]);
      Check.equal(1, MediateNative.mediate_case_is_overdue(c, t[0] + 1));
      MediateNative.mediate_case_add_mediator(c, "m1", "潘志明", mediate_case_mediator_role.MEDIATE_MEDIATOR_LEAD,
          T0 + 80, "u", STUDIO);
      MediateNative.mediate_case_add_mediator(c, "m2", "陈晓燕", mediate_case_mediator_role.MEDIATE_MEDIATOR_EXPERT,
          T0 + 80, "u", STUDIO);
      MediateNative.mediate_case_remove_mediator(c, "m2", T0 + 90, "u", STUDIO, "回避");
      Check.equal(1, MediateNative.mediate_case_mediator_count(c));
      SWIGTYPE_p_mediate_case_mediator m = MediateNative.mediate_case_mediator_at(c, 0);
      Check.equal("m1", MediateNative.mediate_case_mediator_id(m));
      Check.equal("潘志明", MediateNative.mediate_case_mediator_name(m));
      Check.equal(mediate_case_mediator_role.MEDIATE_MEDIATOR_LEAD, MediateNative.mediate_case_mediator_get_role(m));
      Check.isTrue(MediateNative.mediate_case_mediator_find(c, "m1") != null, "find");
      Check.isNull(MediateNative.mediate_case_get_mode(c));
      MediateNative.mediate_case_set_mode(c, mediate_case_mode.MEDIATE_MODE_JOINT);
      Check.equal(mediate_case_mode.MEDIATE_MODE_JOINT, MediateNative.mediate_case_get_mode(c));
      MediateNative.mediate_case_add_joint_body(c, "YZ-FY");
      MediateNative.mediate_case_add_joint_body(c, "YZ-SJ");
      MediateNative.mediate_case_remove_joint_body(c, "YZ-SJ");
      Check.equal(1, MediateNative.mediate_case_joint_body_count(c));
      Check.equal("YZ-FY", MediateNative.mediate_unit_code(MediateNative.mediate_case_joint_body_at(c, 0)));
      MediateNative.mediate_case_set_private_hearing(c, 1);
      Check.equal(1, MediateNative.mediate_case_private_hearing(c));
      MediateNative.mediate_case_transition(c, mediate_case_state.MEDIATE_CASE_ASSIGNED, T0 + 100, "u", STUDIO, null);
      MediateNative.mediate_case_transition(c, mediate_case_state.MEDIATE_CASE_IN_MEDIATION, T0 + 110, "u", STUDIO, null);
      long[] idx = new long[1];
      MediateNative.mediate_case_add_session(c, idx, T0 + 120, "鄞州区人民法院诉调对接中心", 0, "笔录", "u", STUDIO);
      MediateNative.mediate_case_session_add_attendee(c, idx[0], "p1");
      Check.equal(1, MediateNative.mediate_case_session_count(c));
      SWIGTYPE_p_mediate_case_session s = MediateNative.mediate_case_session_at(c, 0);
      Check.equal(T0 + 120, MediateNative.mediate_case_session_time(s));
      Check.equal("鄞州区人民法院诉调对接中心", MediateNative.mediate_case_session_place(s));
      Check.equal(0, MediateNative.mediate_case_session_is_video(s));
      Check.equal("笔录", MediateNative.mediate_case_session_notes(s));
      Check.equal(1, MediateNative.mediate_case_session_attendee_count(s));
      Check.equal("p1", MediateNative.mediate_case_session_attendee_at(s, 0));

      MediateNative.mediate_case_reach_agreement(c, mediate_agreement_form.MEDIATE_AGREEMENT_WRITTEN, T0 + 200, "u", STUDIO, null);
      Check.equal(mediate_case_outcome.MEDIATE_OUTCOME_AGREEMENT, MediateNative.mediate_case_get_outcome(c));
      Check.equal(mediate_agreement_form.MEDIATE_AGREEMENT_WRITTEN, MediateNative.mediate_case_agreement_form(c));
      MediateNative.mediate_case_draft_agreement(c, T0 + 210, "u", STUDIO);
      for (int f = 1; f <= 6; f++)
        MediateNative.mediate_case_agreement_set_text(c, mediate_agreement_field.swigToEnum(f), "内容" + f);
      MediateNative.mediate_case_agreement_set_deadline(c, T0 + 86400);
      MediateNative.mediate_case_agreement_sign(c, "p1", T0 + 220, "u", STUDIO);
      MediateNative.mediate_case_agreement_sign(c, "p2", T0 + 230, "u", STUDIO);
      MediateNative.mediate_case_agreement_sign(c, "m1", T0 + 240, "u", STUDIO);
      SWIGTYPE_p_mediate_agreement a = MediateNative.mediate_case_agreement(c);
      Check.equal("内容4", MediateNative.mediate_agreement_text(a, mediate_agreement_field.MEDIATE_AGREEMENT_TERMS));
      MediateNative.mediate_agreement_deadline(t, a);
      Check.equal(T0 + 86400, t[0]);
      Check.equal(T0 + 210, MediateNative.mediate_agreement_drafted_at(a));
      Check.equal(3, MediateNative.mediate_agreement_signature_count(a));
      Check.equal("m1", MediateNative.mediate_agreement_signer_at(a, 2));
      Check.equal(T0 + 240, MediateNative.mediate_agreement_signed_at(a, 2));
      Check.equal(1, MediateNative.mediate_agreement_is_effective(a));
      MediateNative.mediate_agreement_effective_at(t, a);
      Check.equal(T0 + 240, t[0]);
      MediateNative.mediate_case_confirmation_due(t, c);
      Check.equal(Time.parse("2026-03-05T23:59:59+08:00"), t[0]);
      CoreTest.raisesCode(MediateError.EREFUSED,
          () -> MediateNative.mediate_case_apply_confirmation(c, "鄞州区人民法院", t[0] + 1, "u", STUDIO));
      MediateNative.mediate_case_apply_confirmation(c, "鄞州区人民法院", T0 + 86400, "u", STUDIO);
      Check.equal("鄞州区人民法院", MediateNative.mediate_agreement_court(a));
      MediateNative.mediate_agreement_applied_at(t, a);
      Check.equal(T0 + 86400, t[0]);
      MediateNative.mediate_case_decide_confirmation(c, mediate_confirmation_status.MEDIATE_CONFIRMATION_VALID,
          T0 + 2 * 86400, "judge-07", "YZ-FY", null);
      Check.equal(mediate_confirmation_status.MEDIATE_CONFIRMATION_VALID, MediateNative.mediate_agreement_confirmation(a));
      MediateNative.mediate_agreement_decided_at(t, a);
      Check.equal(T0 + 2 * 86400, t[0]);
      Check.equal(1, MediateNative.mediate_agreement_is_enforceable(a));

      MediateNative.mediate_case_followup_due(t, c);
      Check.equal(T0 + 86400, t[0]);
      MediateNative.mediate_case_transition(c, mediate_case_state.MEDIATE_CASE_FOLLOW_UP, T0 + 3 * 86400, "u", STUDIO, null);
      MediateNative.mediate_case_add_followup(c, mediate_followup_result.MEDIATE_FOLLOWUP_PARTLY, "已付一半",
          T0 + 4 * 86400, "u", STUDIO);
      MediateNative.mediate_case_schedule_followup(c, T0 + 10 * 86400, T0 + 4 * 86400, "u", STUDIO);
      Check.equal(1, MediateNative.mediate_case_followup_count(c));
      SWIGTYPE_p_mediate_followup f = MediateNative.mediate_case_followup_at(c, 0);
      Check.equal(T0 + 4 * 86400, MediateNative.mediate_followup_time(f));
      Check.equal(mediate_followup_result.MEDIATE_FOLLOWUP_PARTLY, MediateNative.mediate_followup_get_result(f));
      Check.equal("已付一半", MediateNative.mediate_followup_notes(f));
      Check.equal("u", MediateNative.mediate_followup_actor(f));
      MediateNative.mediate_case_transfer(c, mediate_transfer_kind.MEDIATE_TRANSFER_LITIGATION, "鄞州区人民法院",
          T0 + 11 * 86400, "u", STUDIO, "申请强制执行");
      Check.equal(mediate_transfer_kind.MEDIATE_TRANSFER_LITIGATION, MediateNative.mediate_case_transfer_kind(c));
      Check.equal("鄞州区人民法院", MediateNative.mediate_case_transfer_body(c));
      Check.equal(0, MediateNative.mediate_case_remediation_count(c));
      MediateNative.mediate_case_add_note(c, T0 + 11 * 86400, "u", STUDIO, "移送执行");
      long n = MediateNative.mediate_case_event_count(c);
      SWIGTYPE_p_mediate_case_event e = MediateNative.mediate_case_event_at(c, n - 1);
      Check.equal(T0 + 11 * 86400, MediateNative.mediate_case_event_time(e));
      Check.equal("u", MediateNative.mediate_case_event_actor(e));
      Check.equal(STUDIO, MediateNative.mediate_case_event_unit(e));
      Check.equal(mediate_case_event_kind.MEDIATE_EVENT_NOTE, MediateNative.mediate_case_event_get_kind(e));
      Check.equal(mediate_case_state.MEDIATE_CASE_TRANSFERRED, MediateNative.mediate_case_event_from(e));
      Check.equal(mediate_case_state.MEDIATE_CASE_TRANSFERRED, MediateNative.mediate_case_event_to(e));
      Check.equal("移送执行", MediateNative.mediate_case_event_details(e));
    } finally {
      MediateNative.mediate_case_free(c);
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testLowLevelListsAndYaml() throws Exception {
    SWIGTYPE_p_mediate_policy p = loadNative();
    SWIGTYPE_p_mediate_case c = newNative(p);
    File tmp = File.createTempFile("cases", ".yaml");
    try {
      long[] out = new long[1];
      MediateNative.mediate_case_list_new(out);
      SWIGTYPE_p_mediate_case_list list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
      byte[][] text = new byte[1][];
      try {
        MediateNative.mediate_case_clone(out, c);
        MediateNative.mediate_case_list_append(list, SWIGTYPE_p_mediate_case.wrap(out[0]));   // owned by the list
        Check.equal(1, MediateNative.mediate_case_list_count(list));
        Check.equal(MediateNative.mediate_case_id_text(c),
            MediateNative.mediate_case_id_text(MediateNative.mediate_case_list_at(list, 0)));
        MediateNative.mediate_case_list_to_yaml(text, list, 0);
      } finally {
        MediateNative.mediate_case_list_free(list);
      }
      MediateNative.mediate_case_list_from_yaml(out, p, text[0], "cases.yaml", null);
      list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
      Check.equal(1, MediateNative.mediate_case_list_count(list));
      MediateNative.mediate_case_list_free(list);
      Files.write(tmp.toPath(), text[0]);
      MediateNative.mediate_case_list_load_file(out, p, tmp.getPath(), null);
      list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
      Check.equal(1, MediateNative.mediate_case_list_count(list));
      MediateNative.mediate_case_list_free(list);

      byte[][] one = new byte[1][];
      MediateNative.mediate_case_to_yaml(one, c, 0);
      MediateNative.mediate_case_from_yaml(out, p, one[0], "case.yaml", null);
      SWIGTYPE_p_mediate_case back = SWIGTYPE_p_mediate_case.wrap(out[0]);
      byte[][] again = new byte[1][];
      MediateNative.mediate_case_to_yaml(again, back, 0);
      Check.equal(new String(one[0], StandardCharsets.UTF_8), new String(again[0], StandardCharsets.UTF_8));
      MediateNative.mediate_case_free(back);
      List<Case> cases;
      try (Policy pol = Policy.load(COUNTY)) {
        cases = Case.loadFile(pol, tmp.getPath());
        Check.equal(1, cases.size());
        cases.get(0).close();
      }
    } finally {
      tmp.delete();
      MediateNative.mediate_case_free(c);
      MediateNative.mediate_policy_free(p);
    }
  }
}
