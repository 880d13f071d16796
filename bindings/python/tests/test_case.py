# SPDX-License-Identifier: MIT
"""Cases through Python: the idiomatic layer (mediate.case) and every C
function of the case module through mediate.capi."""

import os
import tempfile
import unittest

import mediate
from mediate import capi
from mediate.case import (Case, transition_allowed, STATES, resident_id_check,
                          resident_id_birth_date, mask_phone, mask_document,
                          load_cases, dump_cases)

from bindtest import data

COUNTY = data("county.yaml")
STUDIO = "YZ-ZGM-PS-TJ"
T0 = mediate.time_parse("2026-02-03T09:30:00+08:00")


def new_case(policy, t=T0):
    return Case.new(policy, STUDIO, t, actor="u-110-desk")


def to_mediation(c, t=T0):
    c.transition("assessed", t + 60, "u-pan", STUDIO, "一般纠纷")
    c.add_mediator("m-0012", "潘志明", "lead", t + 120, "u-pan", STUDIO)
    c.mode = "on_the_spot"
    c.transition("assigned", t + 180, "u-pan", STUDIO)
    c.transition("in_mediation", t + 240, "u-pan", STUDIO)


class CaseTest(unittest.TestCase):

    def setUp(self):
        self.policy = mediate.Policy.load(COUNTY)

    def tearDown(self):
        self.policy.close()

    def test_new_and_identity(self):
        with new_case(self.policy) as c:
            self.assertEqual(c.state, "received")
            self.assertEqual(len(c.id), 36)
            self.assertIsNone(c.number)
            c.assign_number(31)                        # covers: mediate_case_assign_number
            self.assertEqual(c.number, "YZ-ZGM-PS-TJ-2026-000031")
            self.assertEqual(c.unit, STUDIO)
            self.assertEqual(c.offset, 480)
            self.assertEqual(c.received_at, T0)
            self.assertIn("YZ-ZGM-PS-TJ-2026-000031", repr(c))
            with self.assertRaises(mediate.AlreadyExists):
                c.assign_number(32)
        self.assertTrue(c.closed)
        with self.assertRaises(mediate.InvalidState):
            c.state
        with self.assertRaises(mediate.NotFound):
            Case.new(self.policy, "YZ-NOWHERE", T0, actor="u")

    def test_parties_iterate(self):
        with new_case(self.policy) as c:
            c.add_party("p1", "applicant", "person", "张建华", phone="13812345678",
                        document="33021219850315241x", address="宁波市鄞州区钟公庙街道金家漕小区12幢302室",
                        flags={"non_local"})
            c.add_party("p2", "respondent", "organisation", "宁波市鄞州区金家漕物业服务有限公司",
                        document="91330212MA2GQ8K7X4", doc_type="credit_code")
            c.add_party("a1", "agent", "person", "周律师", represents="p1")
            names = [p.name for p in c.parties]
            self.assertEqual(names, ["张建华", "宁波市鄞州区金家漕物业服务有限公司", "周律师"])
            p1 = c.parties[0]
            self.assertEqual((p1.id, p1.role, p1.kind), ("p1", "applicant", "person"))
            self.assertEqual(p1.phone, "13812345678")
            self.assertEqual(p1.phone_masked, "138****5678")
            self.assertEqual(p1.document, "33021219850315241X")
            self.assertEqual(p1.document_masked, "**************241X")
            self.assertEqual(p1.doc_type, "resident_id")
            self.assertEqual(p1.flags, {"non_local"})
            self.assertEqual(c.parties[-1].represents, "p1")
            self.assertEqual(c.party("p2").doc_type, "credit_code")
            # A bad document: nothing added.
            with self.assertRaises(mediate.ValidationError):
                c.add_party("p3", "third_party", "person", "王五", document="330212198503152419")
            self.assertIsNone(c.party("p3"))
            self.assertEqual(len(c.parties), 3)
            with self.assertRaises(mediate.AlreadyExists):
                c.add_party("p1", "applicant", "person", "重复")
            with self.assertRaises(mediate.Utf8Error):
                c.add_party("p9", "applicant", "person", "张\x00三")
            c.update_party("p2", name="金家漕物业", kind="organisation", role="respondent",
                           phone="0574-87654321", address="金家漕小区物业办", flags=set())
            self.assertEqual(c.party("p2").phone_masked, "057******4321")
            c.add_party("x", "third_party", "person", "误录")
            c.remove_party("x")
            self.assertEqual(len(c.parties), 3)
            party = c.parties[0]
        # Borrowed objects refuse use after the case is closed.
        with self.assertRaises(mediate.InvalidState):
            party.name

    def test_facts_and_place(self):
        with new_case(self.policy) as c:
            c.set_source("police_110", "330212202602030031")
            self.assertEqual((c.source, c.source_ref), ("police_110", "330212202602030031"))
            c.category = "neighbour.water_leak"
            self.assertEqual(c.category, "neighbour.water_leak")
            with self.assertRaises(mediate.NotFound):
                c.category = "weather"
            c.address = "宁波市鄞州区钟公庙街道金家漕小区12幢"
            c.grid = "YZ-ZGM-JJC-G01"
            self.assertEqual((c.address, c.grid), ("宁波市鄞州区钟公庙街道金家漕小区12幢", "YZ-ZGM-JJC-G01"))
            self.assertIsNone(c.coordinates)
            c.coordinates = (29857000, 121560000)
            self.assertEqual(c.coordinates, (29857000, 121560000))
            c.coordinates = None
            self.assertIsNone(c.coordinates)
            c.description = "楼上卫生间漏水，楼下天花板受损。"
            self.assertEqual(c.description, "楼上卫生间漏水，楼下天花板受损。")
            c.people_involved = 2
            c.amount = 860000
            with self.assertRaises(mediate.OutOfRange):
                c.amount = -1
            self.assertEqual((c.people_involved, c.amount), (2, 860000))
            c.risks = {"repeat_petition", "vulnerable_party"}
            self.assertEqual(c.risks, {"repeat_petition", "vulnerable_party"})
            c.prior_police_calls = 3
            self.assertEqual(c.prior_police_calls, 3)
            c.add_tag("漏水")
            c.add_tag("临时")
            c.remove_tag("临时")
            self.assertEqual(c.tags, ["漏水"])

    def test_lifecycle_and_timeline(self):
        with new_case(self.policy) as c:
            to_mediation(c)
            self.assertEqual(c.state, "in_mediation")
            with self.assertRaises(mediate.InvalidState):
                c.transition("closed", T0 + 300, "u-pan", STUDIO)
            self.assertEqual(c.state, "in_mediation")
            idx = c.add_session(T0 + 600, "u-pan", STUDIO, place="调解室一", notes="双方陈述事实",
                                attendees=["m-0012"])
            self.assertEqual(idx, 0)
            s = c.sessions[0]
            self.assertEqual((s.place, s.video, s.notes, s.attendees), ("调解室一", False, "双方陈述事实", ["m-0012"]))
            self.assertEqual(s.time, T0 + 600)
            c.reach_agreement("oral", T0 + 900, "u-pan", STUDIO, "当场达成口头协议")
            self.assertEqual((c.outcome, c.agreement_form), ("agreement", "oral"))
            c.add_note(T0 + 950, "u-pan", STUDIO, "双方握手言和")
            c.transition("closed", T0 + 1000, "u-pan", STUDIO)
            events = list(c.timeline)
            self.assertEqual(events[0].kind, "received")
            self.assertEqual([e.to_state for e in events if e.kind == "transition"],
                             ["assessed", "assigned", "in_mediation", "agreement", "closed"])
            self.assertEqual(events[-1].from_state, "agreement")
            self.assertEqual(events[-2].details, "双方握手言和")
            self.assertTrue(all(a.time <= b.time for a, b in zip(events, events[1:])))
            with self.assertRaises(mediate.OutOfRange):
                c.add_note(T0, "u-pan", STUDIO, "过去的事")
            self.assertEqual(len(c.timeline), len(events))

    def test_table(self):
        self.assertEqual(STATES[0], "received")
        self.assertEqual(STATES[-1], "closed")
        self.assertTrue(transition_allowed("agreement", "in_mediation"))
        self.assertFalse(transition_allowed("closed", "received"))
        allowed = sum(transition_allowed(a, b) for a in STATES for b in STATES)
        self.assertEqual(allowed, 24)

    def test_transfer_and_deadlines(self):
        with Case.new(self.policy, "YZ-SJ", mediate.time_parse("2028-01-31T10:00:00+08:00"), "u") as c:
            self.assertIsNone(c.mediation_due)
            c.transition("assessed", c.received_at, "u", "YZ-SJ")
            self.assertEqual(c.accepted_at, c.received_at)
            self.assertEqual(mediate.time_format(c.mediation_due), "2028-02-29T10:00:00+08:00")
            c.extend(c.mediation_due + 14 * 86400, c.received_at + 60, "u", "YZ-SJ", "双方同意")
            self.assertEqual(c.extensions, [(mediate.time_parse("2028-03-14T10:00:00+08:00"), c.received_at + 60)])
            self.assertTrue(c.is_overdue(c.mediation_due + 1))
            c.transfer("arbitration", "鄞州区劳动人事争议仲裁院", c.received_at + 120, "u", "YZ-SJ")
            self.assertEqual((c.state, c.transfer_kind, c.transfer_body),
                             ("transferred", "arbitration", "鄞州区劳动人事争议仲裁院"))

    def test_written_agreement(self):
        with new_case(self.policy) as c:
            c.add_party("p1", "applicant", "person", "张建华")
            c.add_party("p2", "respondent", "person", "李秀英")
            to_mediation(c)
            c.add_mediator("m-0031", "陈晓燕", "expert", T0 + 250, "u-pan", STUDIO)
            self.assertEqual([m.role for m in c.mediators], ["lead", "expert"])
            c.remove_mediator("m-0031", T0 + 260, "u-pan", STUDIO, "回避")
            self.assertIsNone(c.mediator("m-0031"))
            self.assertEqual(c.mediator("m-0012").name, "潘志明")
            c.reach_agreement("written", T0 + 3600, "u-pan", STUDIO)
            a = c.draft_agreement(T0 + 3700, "u-pan", STUDIO, deadline=T0 + 10 * 86400,
                                  facts="李秀英家卫生间漏水致张建华家天花板受损。", issues="赔偿数额。",
                                  responsibilities="李秀英承担全部责任。", terms="赔偿8600元。",
                                  performance_manner="银行转账", performance_place="钟公庙派出所人民调解工作室")
            self.assertEqual(a.text("terms"), "赔偿8600元。")
            self.assertEqual(a.deadline, T0 + 10 * 86400)
            self.assertEqual(a.drafted_at, T0 + 3700)
            self.assertFalse(a.effective)
            self.assertIsNone(a.effective_at)
            for who, dt in (("p1", 3800), ("p2", 3900), ("m-0012", 4000)):
                c.sign(who, T0 + dt, "u-pan", STUDIO)
            self.assertTrue(a.effective)
            self.assertEqual(a.effective_at, T0 + 4000)
            self.assertEqual(a.signatures[0], ("p1", T0 + 3800))
            self.assertEqual(c.followup_due, T0 + 10 * 86400)
            self.assertEqual(mediate.time_format(c.confirmation_due), "2026-03-05T23:59:59+08:00")
            with self.assertRaises(mediate.Refused):
                c.apply_confirmation("鄞州区人民法院", c.confirmation_due + 1, "u-pan", STUDIO)
            c.apply_confirmation("鄞州区人民法院", T0 + 86400, "u-pan", STUDIO)
            self.assertEqual((a.confirmation, a.court, a.applied_at), ("applied", "鄞州区人民法院", T0 + 86400))
            c.decide_confirmation(True, T0 + 5 * 86400, "judge-07", "YZ-FY")
            self.assertTrue(a.enforceable)
            self.assertEqual(a.decided_at, T0 + 5 * 86400)
            c.transition("follow_up", T0 + 6 * 86400, "u-pan", STUDIO)
            c.add_followup("performed", T0 + 10 * 86400, "u-pan", STUDIO, notes="已全部履行")
            f = c.followups[0]
            self.assertEqual((f.result, f.notes, f.actor, f.time), ("performed", "已全部履行", "u-pan", T0 + 10 * 86400))
            self.assertIsNone(c.followup_due)
            c.schedule_followup(T0 + 40 * 86400, T0 + 10 * 86400, "u-pan", STUDIO)
            self.assertEqual(c.followup_due, T0 + 40 * 86400)
            copy = c.clone()
            c.transition("closed", T0 + 11 * 86400, "u-pan", STUDIO)
            self.assertEqual(copy.state, "follow_up")
            copy.close()

    def test_remediation(self):
        with new_case(self.policy) as c:
            to_mediation(c)
            c.reach_agreement("oral", T0 + 600, "u-pan", STUDIO)
            c.transition("follow_up", T0 + 700, "u-pan", STUDIO)
            c.add_followup("not_performed", T0 + 800, "u-pan", STUDIO)
            c.transition("in_mediation", T0 + 900, "u-pan", STUDIO, "重新调解")
            self.assertEqual((c.remediation_count, c.outcome, c.accepted_at), (1, "none", T0 + 900))

    def test_mediation_setup(self):
        with new_case(self.policy) as c:
            c.mode = "joint"
            c.add_joint_body("YZ-FY")
            c.add_joint_body("YZ-SJ")
            c.remove_joint_body("YZ-SJ")
            self.assertEqual((c.mode, c.joint_bodies), ("joint", ["YZ-FY"]))
            c.private_hearing = True
            self.assertTrue(c.private_hearing)

    def test_yaml(self):
        with new_case(self.policy) as c:
            c.assign_number(31)
            c.set_source("walk_in")
            c.category = "neighbour.noise"
            c.add_party("p1", "applicant", "person", "张建华", phone="13812345678")
            text = c.to_yaml()
            self.assertIn("张建华", text)
            masked = c.to_yaml(mask=True)
            self.assertNotIn("13812345678", masked)
            with Case.from_yaml(self.policy, text, "case.yaml") as back:
                self.assertEqual(back.to_yaml(), text)
                self.assertEqual(back.number, "YZ-ZGM-PS-TJ-2026-000031")
            both = dump_cases([c, c.clone()])
            self.assertIn("张建华", both)

    def test_personal(self):
        resident_id_check("11010519491231002X")
        with self.assertRaises(mediate.ValidationError):
            resident_id_check("110105194912310021")
        self.assertEqual(resident_id_birth_date("33021219850315241X"), (1985, 3, 15))
        self.assertEqual(mask_phone("13812345678"), "138****5678")
        self.assertEqual(mask_document("33021219850315241X"), "**************241X")


class LowLevelTest(unittest.TestCase):
    """The C functions one to one, through mediate.capi."""

    def setUp(self):
        self.p = capi.mediate_policy_load_file(COUNTY, None)
        self.c = capi.mediate_case_new(self.p, STUDIO, T0, 480, "u-110-desk")

    def tearDown(self):
        capi.mediate_case_free(self.c)
        capi.mediate_policy_free(self.p)

    def test_enums(self):
        pairs = [
            (capi.mediate_case_state_name, capi.mediate_case_state_parse, 10),
            (capi.mediate_case_source_name, capi.mediate_case_source_parse, 8),
            (capi.mediate_party_role_name, capi.mediate_party_role_parse, 4),
            (capi.mediate_party_kind_name, capi.mediate_party_kind_parse, 2),
            (capi.mediate_party_doc_type_name, capi.mediate_party_doc_type_parse, 7),
            (capi.mediate_case_mediator_role_name, capi.mediate_case_mediator_role_parse, 3),
            (capi.mediate_case_mode_name, capi.mediate_case_mode_parse, 5),
            (capi.mediate_case_outcome_name, capi.mediate_case_outcome_parse, 5),
            (capi.mediate_agreement_form_name, capi.mediate_agreement_form_parse, 2),
            (capi.mediate_transfer_kind_name, capi.mediate_transfer_kind_parse, 3),
            (capi.mediate_agreement_field_name, capi.mediate_agreement_field_parse, 6),
            (capi.mediate_confirmation_status_name, capi.mediate_confirmation_status_parse, 4),
            (capi.mediate_followup_result_name, capi.mediate_followup_result_parse, 3),
            (capi.mediate_case_event_kind_name, capi.mediate_case_event_kind_parse, capi.MEDIATE_EVENT_OVERRIDE_CLEARED),
        ]
        for name, parse, n in pairs:
            for v in range(1, n + 1):
                self.assertEqual(parse(name(v)), v)
            self.assertIsNone(name(0))
            self.assertIsNone(name(n + 1))
            with self.assertRaises(mediate.InvalidArgument):
                parse("no_such_name")
        self.assertEqual(capi.mediate_party_flag_parse(capi.mediate_party_flag_name(4)), 4)
        self.assertEqual(capi.mediate_case_risk_parse(capi.mediate_case_risk_name(16)), 16)
        self.assertIsNone(capi.mediate_case_risk_name(3))

    def test_identity(self):
        c = self.c
        self.assertIsNotNone(capi.mediate_case_policy(c))
        self.assertEqual(capi.mediate_id_is_nil(capi.mediate_case_id(c)), 0)
        new_id = capi.mediate_id_parse("3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b")
        capi.mediate_case_set_id(c, new_id)
        self.assertEqual(capi.mediate_case_id_text(c), "3f2b8c9e-0d4a-4f6b-9a51-2c7e8d1f0a3b")
        self.assertEqual(capi.mediate_case_number_format("YZ-SJ", 2026, 123), "YZ-SJ-2026-000123")
        capi.mediate_case_set_number(c, "YZ-SJ-2026-000123")
        self.assertEqual(capi.mediate_case_number(c), "YZ-SJ-2026-000123")
        self.assertEqual(capi.mediate_case_get_state(c), capi.MEDIATE_CASE_RECEIVED)
        self.assertEqual(capi.mediate_case_received_at(c), T0)
        self.assertEqual(capi.mediate_case_offset(c), 480)
        self.assertEqual(capi.mediate_unit_code(capi.mediate_case_unit(c)), STUDIO)
        copy = capi.mediate_case_clone(c)
        self.assertEqual(capi.mediate_case_id_text(copy), capi.mediate_case_id_text(c))
        capi.mediate_case_free(copy)

    def test_place_and_facts(self):
        c = self.c
        capi.mediate_case_set_source(c, capi.MEDIATE_SOURCE_HOTLINE, None)
        self.assertEqual(capi.mediate_case_get_source(c), capi.MEDIATE_SOURCE_HOTLINE)
        self.assertIsNone(capi.mediate_case_source_ref(c))
        capi.mediate_case_set_category(c, "labour.wage_arrears")
        self.assertEqual(capi.mediate_category_code(capi.mediate_case_category(c)), "labour.wage_arrears")
        capi.mediate_case_set_address(c, "宁波市鄞州区")
        self.assertEqual(capi.mediate_case_address(c), "宁波市鄞州区")
        capi.mediate_case_set_grid(c, "YZ-ZGM-JJC-G01")
        self.assertEqual(capi.mediate_unit_code(capi.mediate_case_grid(c)), "YZ-ZGM-JJC-G01")
        capi.mediate_case_set_coordinates(c, -1, 2)
        self.assertEqual(list(capi.mediate_case_coordinates(c)), [-1, 2])
        capi.mediate_case_clear_coordinates(c)
        with self.assertRaises(mediate.NotFound):
            capi.mediate_case_coordinates(c)
        capi.mediate_case_set_description(c, "欠薪")
        # A NUL byte given with its length is refused by the library.
        with self.assertRaises(mediate.Utf8Error):
            capi.mediate_case_set_description_len(c, b"\xe6\xac\xa0\x00\xe8\x96\xaa")
        capi.mediate_case_set_description_len(c, "拖欠工资".encode())
        self.assertEqual(capi.mediate_case_description(c), "拖欠工资")
        capi.mediate_case_set_people_involved(c, 12)
        self.assertEqual(capi.mediate_case_people_involved(c), 12)
        capi.mediate_case_set_amount(c, 18600000)
        self.assertEqual(capi.mediate_case_amount(c), 18600000)
        capi.mediate_case_set_risks(c, capi.MEDIATE_RISK_MASS_INCIDENT)
        self.assertEqual(capi.mediate_case_risks(c), capi.MEDIATE_RISK_MASS_INCIDENT)
        capi.mediate_case_set_prior_police_calls(c, 1)
        self.assertEqual(capi.mediate_case_prior_police_calls(c), 1)
        capi.mediate_case_add_tag(c, "欠薪")
        self.assertEqual(capi.mediate_case_tag_count(c), 1)
        self.assertEqual(capi.mediate_case_tag_at(c, 0), "欠薪")
        capi.mediate_case_remove_tag(c, "欠薪")

    def test_parties(self):
        c = self.c
        capi.mediate_case_add_party(c, "p1", capi.MEDIATE_PARTY_APPLICANT, capi.MEDIATE_PARTY_PERSON, "张三")
        capi.mediate_case_party_set_name(c, "p1", "张建华")
        capi.mediate_case_party_set_role(c, "p1", capi.MEDIATE_PARTY_APPLICANT)
        capi.mediate_case_party_set_kind(c, "p1", capi.MEDIATE_PARTY_PERSON)
        capi.mediate_case_party_set_phone(c, "p1", "13812345678")
        capi.mediate_case_party_set_document(c, "p1", capi.MEDIATE_DOC_PASSPORT, "E12345678")
        capi.mediate_case_party_set_address(c, "p1", "钟公庙街道")
        capi.mediate_case_party_set_flags(c, "p1", capi.MEDIATE_PARTY_MINOR)
        capi.mediate_case_add_party(c, "a1", capi.MEDIATE_PARTY_AGENT, capi.MEDIATE_PARTY_PERSON, "周律师")
        capi.mediate_case_party_set_represents(c, "a1", "p1")
        self.assertEqual(capi.mediate_case_party_count(c), 2)
        p = capi.mediate_case_party_at(c, 0)
        self.assertEqual(capi.mediate_party_id(p), "p1")
        self.assertEqual(capi.mediate_party_name(p), "张建华")
        self.assertEqual(capi.mediate_party_get_role(p), capi.MEDIATE_PARTY_APPLICANT)
        self.assertEqual(capi.mediate_party_get_kind(p), capi.MEDIATE_PARTY_PERSON)
        self.assertEqual(capi.mediate_party_phone(p), "13812345678")
        self.assertEqual(capi.mediate_party_phone_masked(p), "138****5678")
        self.assertEqual(capi.mediate_party_doc_type_of(p), capi.MEDIATE_DOC_PASSPORT)
        self.assertEqual(capi.mediate_party_document(p), "E12345678")
        self.assertEqual(capi.mediate_party_document_masked(p), "*****5678")
        self.assertEqual(capi.mediate_party_address(p), "钟公庙街道")
        self.assertEqual(capi.mediate_party_flags(p), capi.MEDIATE_PARTY_MINOR)
        a = capi.mediate_case_party_find(c, "a1")
        self.assertEqual(capi.mediate_party_represents(a), "p1")
        capi.mediate_case_party_set_represents(c, "a1", None)
        capi.mediate_case_remove_party(c, "a1")
        self.assertIsNone(capi.mediate_case_party_find(c, "a1"))
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_case_add_party(c, "p 2", capi.MEDIATE_PARTY_APPLICANT, capi.MEDIATE_PARTY_PERSON, "x")

    def test_personal(self):
        capi.mediate_resident_id_check("11010519491231002X")
        self.assertEqual(list(capi.mediate_resident_id_birth_date("11010519491231002X")), [1949, 12, 31])
        self.assertEqual(capi.mediate_mask_phone("13812345678"), "138****5678")
        self.assertEqual(capi.mediate_mask_document("E12345678"), "*****5678")

    def test_mediation_and_lifecycle(self):
        c = self.c
        self.assertEqual(capi.mediate_case_transition_allowed(capi.MEDIATE_CASE_RECEIVED,
                                                              capi.MEDIATE_CASE_ASSESSED), 1)
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_ASSESSED, T0 + 60, "u", STUDIO, None)
        capi.mediate_case_add_mediator(c, "m1", "潘志明", capi.MEDIATE_MEDIATOR_LEAD, T0 + 60, "u", STUDIO)
        capi.mediate_case_add_mediator(c, "m2", "陈晓燕", capi.MEDIATE_MEDIATOR_EXPERT, T0 + 60, "u", STUDIO)
        capi.mediate_case_remove_mediator(c, "m2", T0 + 60, "u", STUDIO, None)
        self.assertEqual(capi.mediate_case_mediator_count(c), 1)
        m = capi.mediate_case_mediator_at(c, 0)
        self.assertEqual(capi.mediate_case_mediator_id(m), "m1")
        self.assertEqual(capi.mediate_case_mediator_name(m), "潘志明")
        self.assertEqual(capi.mediate_case_mediator_get_role(m), capi.MEDIATE_MEDIATOR_LEAD)
        self.assertIsNotNone(capi.mediate_case_mediator_find(c, "m1"))
        capi.mediate_case_set_mode(c, capi.MEDIATE_MODE_REMOTE_VIDEO)
        self.assertEqual(capi.mediate_case_get_mode(c), capi.MEDIATE_MODE_REMOTE_VIDEO)
        capi.mediate_case_add_joint_body(c, "YZ-FY")
        self.assertEqual(capi.mediate_case_joint_body_count(c), 1)
        self.assertEqual(capi.mediate_unit_code(capi.mediate_case_joint_body_at(c, 0)), "YZ-FY")
        capi.mediate_case_remove_joint_body(c, "YZ-FY")
        capi.mediate_case_set_private_hearing(c, 1)
        self.assertEqual(capi.mediate_case_private_hearing(c), 1)
        self.assertEqual(capi.mediate_case_accepted_at(c), T0 + 60)
        due = capi.mediate_case_mediation_due(c)
        capi.mediate_case_extend(c, due + 86400, T0 + 100, "u", STUDIO, None)
        self.assertEqual(capi.mediate_case_extension_count(c), 1)
        self.assertEqual(list(capi.mediate_case_extension_at(c, 0)), [due + 86400, T0 + 100])
        self.assertEqual(capi.mediate_case_is_overdue(c, due + 86401), 1)
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_ASSIGNED, T0 + 120, "u", STUDIO, None)
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_IN_MEDIATION, T0 + 180, "u", STUDIO, None)
        idx = capi.mediate_case_add_session(c, T0 + 200, "视频调解室", 1, "笔录", "u", STUDIO)
        capi.mediate_case_session_add_attendee(c, idx, "m1")
        self.assertEqual(capi.mediate_case_session_count(c), 1)
        s = capi.mediate_case_session_at(c, 0)
        self.assertEqual(capi.mediate_case_session_time(s), T0 + 200)
        self.assertEqual(capi.mediate_case_session_place(s), "视频调解室")
        self.assertEqual(capi.mediate_case_session_is_video(s), 1)
        self.assertEqual(capi.mediate_case_session_notes(s), "笔录")
        self.assertEqual(capi.mediate_case_session_attendee_count(s), 1)
        self.assertEqual(capi.mediate_case_session_attendee_at(s, 0), "m1")
        capi.mediate_case_add_party(c, "p1", capi.MEDIATE_PARTY_APPLICANT, capi.MEDIATE_PARTY_PERSON, "张建华")
        capi.mediate_case_add_party(c, "p2", capi.MEDIATE_PARTY_RESPONDENT, capi.MEDIATE_PARTY_PERSON, "李秀英")
        capi.mediate_case_reach_agreement(c, capi.MEDIATE_AGREEMENT_WRITTEN, T0 + 300, "u", STUDIO, None)
        self.assertEqual(capi.mediate_case_get_outcome(c), capi.MEDIATE_OUTCOME_AGREEMENT)
        self.assertEqual(capi.mediate_case_agreement_form(c), capi.MEDIATE_AGREEMENT_WRITTEN)
        capi.mediate_case_draft_agreement(c, T0 + 310, "u", STUDIO)
        for f in range(1, capi.MEDIATE_AGREEMENT_FIELD_COUNT + 1):
            capi.mediate_case_agreement_set_text(c, f, "内容%d" % f)
        capi.mediate_case_agreement_set_deadline(c, T0 + 86400)
        for who in ("p1", "p2", "m1"):
            capi.mediate_case_agreement_sign(c, who, T0 + 320, "u", STUDIO)
        a = capi.mediate_case_agreement(c)
        self.assertEqual(capi.mediate_agreement_text(a, capi.MEDIATE_AGREEMENT_TERMS), "内容4")
        self.assertEqual(capi.mediate_agreement_deadline(a), T0 + 86400)
        self.assertEqual(capi.mediate_agreement_drafted_at(a), T0 + 310)
        self.assertEqual(capi.mediate_agreement_signature_count(a), 3)
        self.assertEqual(capi.mediate_agreement_signer_at(a, 2), "m1")
        self.assertEqual(capi.mediate_agreement_signed_at(a, 2), T0 + 320)
        self.assertEqual(capi.mediate_agreement_is_effective(a), 1)
        self.assertEqual(capi.mediate_agreement_effective_at(a), T0 + 320)
        self.assertGreater(capi.mediate_case_confirmation_due(c), T0 + 30 * 86400)
        capi.mediate_case_apply_confirmation(c, "鄞州区人民法院", T0 + 400, "u", STUDIO)
        self.assertEqual(capi.mediate_agreement_court(a), "鄞州区人民法院")
        self.assertEqual(capi.mediate_agreement_applied_at(a), T0 + 400)
        capi.mediate_case_decide_confirmation(c, capi.MEDIATE_CONFIRMATION_INVALID, T0 + 500, "judge", "YZ-FY", None)
        self.assertEqual(capi.mediate_agreement_confirmation(a), capi.MEDIATE_CONFIRMATION_INVALID)
        self.assertEqual(capi.mediate_agreement_decided_at(a), T0 + 500)
        self.assertEqual(capi.mediate_agreement_is_enforceable(a), 0)
        with self.assertRaises(mediate.InvalidState):
            capi.mediate_case_transition(c, capi.MEDIATE_CASE_CLOSED, T0 + 600, "u", STUDIO, None)
        capi.mediate_case_transfer(c, capi.MEDIATE_TRANSFER_LITIGATION, "鄞州区人民法院", T0 + 600, "u", STUDIO, None)
        self.assertEqual(capi.mediate_case_transfer_kind(c), capi.MEDIATE_TRANSFER_LITIGATION)
        self.assertEqual(capi.mediate_case_transfer_body(c), "鄞州区人民法院")
        self.assertEqual(capi.mediate_case_remediation_count(c), 0)
        capi.mediate_case_add_note(c, T0 + 700, "u", STUDIO, "移送法院")
        n = capi.mediate_case_event_count(c)
        e = capi.mediate_case_event_at(c, n - 1)
        self.assertEqual(capi.mediate_case_event_time(e), T0 + 700)
        self.assertEqual(capi.mediate_case_event_actor(e), "u")
        self.assertEqual(capi.mediate_case_event_unit(e), STUDIO)
        self.assertEqual(capi.mediate_case_event_get_kind(e), capi.MEDIATE_EVENT_NOTE)
        self.assertEqual(capi.mediate_case_event_from(e), capi.MEDIATE_CASE_TRANSFERRED)
        self.assertEqual(capi.mediate_case_event_to(e), capi.MEDIATE_CASE_TRANSFERRED)
        self.assertEqual(capi.mediate_case_event_details(e), "移送法院")

    def test_followup(self):
        c = self.c
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_ASSESSED, T0, "u", STUDIO, None)
        capi.mediate_case_add_mediator(c, "m1", "潘志明", capi.MEDIATE_MEDIATOR_LEAD, T0, "u", STUDIO)
        capi.mediate_case_set_mode(c, capi.MEDIATE_MODE_MOBILE)
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_ASSIGNED, T0, "u", STUDIO, None)
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_IN_MEDIATION, T0, "u", STUDIO, None)
        capi.mediate_case_reach_agreement(c, capi.MEDIATE_AGREEMENT_ORAL, T0, "u", STUDIO, None)
        capi.mediate_case_schedule_followup(c, T0 + 86400, T0, "u", STUDIO)
        self.assertEqual(capi.mediate_case_followup_due(c), T0 + 86400)
        capi.mediate_case_transition(c, capi.MEDIATE_CASE_FOLLOW_UP, T0, "u", STUDIO, None)
        capi.mediate_case_add_followup(c, capi.MEDIATE_FOLLOWUP_PARTLY, "已还一半", T0 + 86400, "u", STUDIO)
        self.assertEqual(capi.mediate_case_followup_count(c), 1)
        f = capi.mediate_case_followup_at(c, 0)
        self.assertEqual(capi.mediate_followup_time(f), T0 + 86400)
        self.assertEqual(capi.mediate_followup_get_result(f), capi.MEDIATE_FOLLOWUP_PARTLY)
        self.assertEqual(capi.mediate_followup_notes(f), "已还一半")
        self.assertEqual(capi.mediate_followup_actor(f), "u")

    def test_lists_and_yaml(self):
        lst = capi.mediate_case_list_new()
        try:
            copy = capi.mediate_case_clone(self.c)
            capi.mediate_case_list_append(lst, copy)     # the list owns it now
            self.assertEqual(capi.mediate_case_list_count(lst), 1)
            self.assertEqual(capi.mediate_case_id_text(capi.mediate_case_list_at(lst, 0)),
                             capi.mediate_case_id_text(self.c))
            text = capi.mediate_case_list_to_yaml(lst, 0)
        finally:
            capi.mediate_case_list_free(lst)
        lst = capi.mediate_case_list_from_yaml(self.p, text, "cases.yaml", None)
        self.assertEqual(capi.mediate_case_list_count(lst), 1)
        capi.mediate_case_list_free(lst)
        one = capi.mediate_case_to_yaml(self.c, capi.MEDIATE_CASE_YAML_MASK)
        back = capi.mediate_case_from_yaml(self.p, capi.mediate_case_to_yaml(self.c, 0), "case.yaml", None)
        self.assertEqual(capi.mediate_case_to_yaml(back, capi.MEDIATE_CASE_YAML_MASK), one)
        capi.mediate_case_free(back)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "cases.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            lst = capi.mediate_case_list_load_file(self.p, path, None)
            self.assertEqual(capi.mediate_case_list_count(lst), 1)
            capi.mediate_case_list_free(lst)
            with mediate.Policy.load(COUNTY) as policy:
                cases = load_cases(policy, path)
                self.assertEqual([c.id for c in cases], [capi.mediate_case_id_text(self.c)])
                for c in cases:
                    c.close()
            with self.assertRaises(mediate.IoError):
                capi.mediate_case_list_load_file(self.p, os.path.join(d, "missing.yaml"), None)


if __name__ == "__main__":
    unittest.main()
