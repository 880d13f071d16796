# SPDX-License-Identifier: MIT
"""The roster through Python: the idiomatic layer (mediate.roster) and every
C function of the roster module through mediate.capi."""

import os
import unittest

import mediate
from mediate import capi
from mediate.roster import (Roster, Mediator, POSTS, DUTIES, MODES, post_type_name, post_type_parse,
                            duty_name, duty_parse)
from mediate.case import Case

from bindtest import data, EXAMPLES

# The roster names units of the sample county (the 老潘 studio, the think tank).
COUNTY = os.path.join(EXAMPLES, "county.yaml")
ROSTER = data("roster.yaml")
STUDIO = "YZ-ZGM-PS-TJ"
AT = mediate.time_parse("2026-11-23T09:00:00+08:00")
NOV20 = mediate.time_parse("2026-11-20T00:00:00+08:00")
NOV27 = mediate.time_parse("2026-11-27T00:00:00+08:00")


class RosterTest(unittest.TestCase):

    def setUp(self):
        self.policy = mediate.Policy.load(COUNTY)

    def tearDown(self):
        self.policy.close()

    def test_names(self):
        self.assertEqual(POSTS, ("full_time", "part_time", "retired_volunteer", "invited_expert"))
        self.assertEqual(DUTIES, ("on", "off", "leave"))
        self.assertIn("mobile", MODES)
        self.assertEqual(post_type_name(capi.MEDIATE_POST_INVITED_EXPERT), "invited_expert")   # covers: mediate_post_type_name
        self.assertEqual(post_type_parse("part_time"), capi.MEDIATE_POST_PART_TIME)          # covers: mediate_post_type_parse
        self.assertEqual(duty_name(capi.MEDIATE_DUTY_LEAVE), "leave")                        # covers: mediate_duty_name
        self.assertEqual(duty_parse("off"), capi.MEDIATE_DUTY_OFF)                           # covers: mediate_duty_parse
        self.assertIsNone(post_type_name(0))
        with self.assertRaises(mediate.InvalidArgument):
            post_type_parse("volunteer")
        with self.assertRaises(mediate.InvalidArgument):
            duty_parse("away")

    def test_load_and_read(self):
        with Roster.load(self.policy, ROSTER) as r:          # covers: mediate_roster_load_file
            self.assertEqual(len(r), 6)                      # covers: mediate_roster_count
            self.assertIs(r.policy, self.policy)
            # covers: mediate_roster_policy
            self.assertEqual(capi.mediate_policy_name(capi.mediate_roster_policy(r._handle())), self.policy.name)
            pan = r.find_staff("M-0001")                     # covers: mediate_roster_find_staff
            self.assertEqual(pan, r.find(pan.id))            # covers: mediate_roster_find
            self.assertEqual(r[0], pan)                      # covers: mediate_roster_at
            self.assertIn(pan.id, r)
            self.assertIsNone(r.find("nobody"))
            self.assertEqual(pan.id, "c290a79b-d0b8-53ac-96b8-b35ee200f451")   # covers: mediate_mediator_id
            self.assertEqual(pan.staff_number, "M-0001")     # covers: mediate_mediator_staff_number
            self.assertEqual(pan.name, "潘志明")              # covers: mediate_mediator_name
            self.assertEqual(pan.unit.code, "YZ-LP")          # covers: mediate_mediator_unit
            self.assertEqual(pan.unit.name(), "老潘警调工作室")
            self.assertEqual(pan.post, "full_time")           # covers: mediate_mediator_post
            self.assertEqual(pan.level, 8)                    # covers: mediate_mediator_level
            self.assertEqual(pan.phone, "13541646092")        # covers: mediate_mediator_phone
            # covers: mediate_mediator_specialty_count mediate_mediator_specialty_at mediate_mediator_proficiency_at
            self.assertEqual(pan.specialties, {"family": 5, "neighbour": 5, "traffic": 4})
            cats = pan.specialty_categories()
            self.assertEqual([(c.code, n) for c, n in cats], [("family", 5), ("neighbour", 5), ("traffic", 4)])
            self.assertEqual(pan.proficiency("neighbour"), 5)  # covers: mediate_mediator_proficiency
            self.assertEqual(pan.proficiency("neighbour.noise"), 0)
            self.assertFalse(pan.think_tank)                  # covers: mediate_mediator_think_tank
            self.assertIsNone(pan.external_body)              # covers: mediate_mediator_external_body
            self.assertEqual(pan.languages, ["zh", "wuu"])    # covers: mediate_mediator_language_count mediate_mediator_language_at
            self.assertTrue(pan.speaks("WUU"))                # covers: mediate_mediator_speaks
            self.assertEqual(pan.modes, ["on_the_spot", "joint", "remote_video", "mobile"])   # covers: mediate_mediator_modes
            self.assertTrue(pan.offers("mobile"))             # covers: mediate_mediator_offers
            self.assertFalse(pan.offers("think_tank"))
            self.assertEqual(pan.coordinates, (29827133, 121537073))   # covers: mediate_mediator_coordinates
            self.assertEqual((pan.capacity, pan.load, pan.free_capacity), (12, 7, 5))
            # covers: mediate_mediator_capacity mediate_mediator_load mediate_mediator_free_capacity
            self.assertEqual(pan.duty, "on")                  # covers: mediate_mediator_duty
            judge = r.find_staff("M-0003")
            self.assertTrue(judge.think_tank)
            self.assertEqual(judge.external_body.code, "YZ-FY")
            self.assertEqual(judge.post, "invited_expert")
            # covers: mediate_mediator_leave_count mediate_mediator_leave_at mediate_mediator_duty_at
            leaver = r.find_staff("M-0061")
            self.assertEqual(leaver.leave, [(NOV20, NOV27, "年假")])
            self.assertEqual(leaver.duty_at(AT), "leave")
            self.assertEqual(leaver.duty_at(NOV27), "on")
            # covers: mediate_mediator_recusal_count mediate_mediator_recusal_at
            self.assertEqual(r.find_staff("M-0053").recusals, [(None, "王建国", "亲属"), ("org-6017636", None, "前雇主")])
            self.assertEqual([m.staff_number for m in r],
                             ["M-0001", "M-0003", "M-0053", "M-0061", "M-0296", "M-0297"])

    def test_load_errors(self):
        bad = ("format: mediate-roster\nversion: 1\nmediators:\n"
               "- {id: a1, staff: S-1, name: 史伟, unit: YZ-XX-PS-TJ, post: full_time, level: 10}\n"
               "- {id: a2, staff: S-2, name: 孙军, unit: YZ-XX-PS-TK, post: part_time, level: 2}\n")
        with self.assertRaises(mediate.Error) as cm:
            Roster.loads(self.policy, bad, "bad.yaml")       # covers: mediate_roster_load_buffer
        self.assertEqual(len(cm.exception.errors), 2)
        self.assertEqual(cm.exception.errors[0].path, "mediators[0].level")
        self.assertEqual(cm.exception.errors[1].line, 5)
        self.assertIn("YZ-XX-PS-TJ", cm.exception.errors[1].text)
        with self.assertRaises(mediate.IoError):
            Roster.load(self.policy, os.path.join(os.path.dirname(ROSTER), "no-such-roster.yaml"))

    def test_build_change_and_round_trip(self):
        with Roster.new(self.policy) as r:                  # covers: mediate_roster_new
            m = r.add("YZ-0001", "俞国庆", STUDIO, "full_time", 3)   # covers: mediate_roster_add
            self.assertEqual(len(m.id), 36)                  # a generated UUID
            self.assertEqual((m.duty, m.modes, m.capacity, m.load), ("on", ["on_the_spot"], 1, 0))
            with self.assertRaises(mediate.AlreadyExists):
                r.add("YZ-0001", "李娜", STUDIO, "part_time", 1)
            with self.assertRaises(mediate.InvalidArgument):
                r.add("YZ-0002", "李娜", STUDIO, "part_time", 10)
            with self.assertRaises(mediate.NotFound):
                r.add("YZ-0002", "李娜", "YZ-NOWHERE", "part_time", 1)
            self.assertEqual(len(r), 1)
            m.name = "俞国庆（老俞）"                          # covers: mediate_roster_set_name
            m.unit = "YZ-LP"                                 # covers: mediate_roster_set_unit
            m.post = "retired_volunteer"                     # covers: mediate_roster_set_post
            m.level = 9                                      # covers: mediate_roster_set_level
            m.phone = "13805741234"                          # covers: mediate_roster_set_phone
            m.set_specialty("traffic.injury", 2)             # covers: mediate_roster_set_specialty
            m.set_specialty("family", 5)
            m.think_tank = True                              # covers: mediate_roster_set_think_tank
            m.external_body = "YZ-FY"                        # covers: mediate_roster_set_external_body
            m.add_language("zh")                             # covers: mediate_roster_add_language
            m.add_language("en")
            m.remove_language("EN")                          # covers: mediate_roster_remove_language
            m.modes = ["on_the_spot", "mobile"]              # covers: mediate_roster_set_modes
            m.coordinates = (29816000, 121547000)            # covers: mediate_roster_set_coordinates
            m.capacity = 6                                   # covers: mediate_roster_set_capacity
            m.load = 2                                       # covers: mediate_roster_set_load
            m.duty = "off"                                   # covers: mediate_roster_set_duty
            m.add_leave(NOV20, NOV27, "年假")                 # covers: mediate_roster_add_leave
            m.add_leave(NOV27, NOV27 + 86400)
            m.remove_leave(NOV27)                            # covers: mediate_roster_remove_leave
            m.add_recusal(name="王建国", relationship="亲属")   # covers: mediate_roster_add_recusal
            m.add_recusal(party_id="p7")
            m.remove_recusal(1)                              # covers: mediate_roster_remove_recusal
            for bad in (lambda: setattr(m, "level", 0), lambda: setattr(m, "capacity", 1001),
                        lambda: setattr(m, "modes", []), lambda: m.add_recusal(relationship="亲属"),
                        lambda: setattr(m, "duty", "leave"), lambda: m.add_language("中文"),
                        lambda: setattr(m, "phone", "138-0574")):
                with self.assertRaises(mediate.Error):
                    bad()
            with self.assertRaises(mediate.Error):
                m.add_leave(NOV20 + 3600, NOV27 + 3600)      # overlaps
            with self.assertRaises(mediate.Utf8Error):
                m.name = b"\xe7\x8e"                          # a cut UTF-8 sequence
            self.assertEqual((m.name, m.unit.code, m.post, m.level), ("俞国庆（老俞）", "YZ-LP", "retired_volunteer", 9))
            self.assertEqual(m.specialties, {"family": 5, "traffic.injury": 2})
            self.assertEqual((m.think_tank, m.external_body.code, m.languages), (True, "YZ-FY", ["zh"]))
            self.assertEqual((m.modes, m.coordinates, m.free_capacity, m.duty), (["on_the_spot", "mobile"],
                                                                                  (29816000, 121547000), 4, "off"))
            self.assertEqual(m.leave, [(NOV20, NOV27, "年假")])
            self.assertEqual(m.recusals, [(None, "王建国", "亲属")])
            m.coordinates = None                             # covers: mediate_roster_clear_coordinates
            self.assertIsNone(m.coordinates)
            m.coordinates = (29816000, 121547000)

            text = r.to_yaml()                               # covers: mediate_roster_to_yaml
            with Roster.loads(self.policy, text, "again.yaml") as back:
                self.assertEqual(back.to_yaml(), text)
                b = back.find(m.id)
                self.assertEqual((b.name, b.specialties, b.leave, b.recusals),
                                 (m.name, m.specialties, m.leave, m.recusals))
            other = r.add("YZ-0002", "李娜", STUDIO, "part_time", 1, id="m-li-na")
            r.remove(m)                                      # covers: mediate_roster_remove
            self.assertEqual(len(r), 1)
            self.assertEqual(other.name, "李娜")              # moved into the gap, still reachable
            with self.assertRaises(mediate.NotFound):
                m.name                                       # removed: no dangling pointer
            with self.assertRaises(mediate.NotFound):
                r.remove(m)
        with self.assertRaises(mediate.InvalidState):
            len(r)                                           # closed; covers: mediate_roster_free

    def test_recuses(self):
        with Roster.load(self.policy, ROSTER) as r, \
                Case.new(self.policy, STUDIO, AT, actor="u-110") as c:
            zhang = r.find_staff("M-0053")
            c.add_party("p1", "applicant", "person", "李秀英")
            self.assertIsNone(zhang.recuses(c))             # covers: mediate_mediator_recuses
            c.add_party("p2", "respondent", "person", "王建国")
            self.assertEqual(zhang.recuses(c), 0)
            hit, index = capi.mediate_mediator_recuses(zhang._p(), c._handle())
            self.assertEqual((hit, index), (1, 0))

    def test_menu(self):
        with Roster.load(self.policy, ROSTER) as r:
            # covers: mediate_roster_menu mediate_menu_total mediate_menu_count mediate_menu_mediator_at
            # covers: mediate_menu_score mediate_menu_phone mediate_menu_free
            page = r.menu(category="neighbour", at=AT)
            self.assertEqual(page.total, 4)                  # M-0061 is on leave
            self.assertEqual([(e.score, e.mediator.staff_number) for e in page],
                             [(5000, "M-0001"), (5000, "M-0296"), (4000, "M-0297"), (3000, "M-0053")])
            self.assertEqual(page[0].phone, "135****6092")   # masked: the policy does not publish phones
            page = r.menu(unit="YZ-ZGM", mode="remote_video", at=AT, page=1, page_size=1)
            self.assertEqual((page.total, len(page)), (2, 1))
            self.assertEqual(r.menu(at=AT, page=9).total, 5)
            self.assertEqual(len(r.menu(at=AT, page=9)), 0)
            with self.assertRaises(mediate.NotFound):
                r.menu(category="neighbor")
            with self.assertRaises(mediate.InvalidArgument):
                r.menu(page_size=0)
            menu = capi.mediate_roster_menu(r._handle(), None, None, None, 0, AT, 0, 500)
            try:
                self.assertEqual(capi.mediate_menu_total(menu), 5)
                self.assertEqual(capi.mediate_menu_count(menu), 5)
                # Best proficiency 5 for M-0001, M-0003 and M-0296: by staff number.
                self.assertEqual([capi.mediate_mediator_staff_number(capi.mediate_menu_mediator_at(menu, i))
                                  for i in range(5)], ["M-0001", "M-0003", "M-0296", "M-0297", "M-0053"])
                self.assertEqual(capi.mediate_menu_score(menu, 0), 5000)
                self.assertEqual(capi.mediate_menu_phone(menu, 1), "159****9472")
                self.assertIsNone(capi.mediate_menu_phone(menu, 5))
            finally:
                capi.mediate_menu_free(menu)


if __name__ == "__main__":
    unittest.main()
