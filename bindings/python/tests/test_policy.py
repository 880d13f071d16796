# SPDX-License-Identifier: MIT
"""The policy through Python: loading, every error with its place, the
taxonomy and the org tree, lifetime of borrowed categories and units."""

import gc
import os
import pathlib
import threading
import unittest

import mediate
from mediate import capi

from bindtest import data, EXAMPLES

COUNTY = data("county.yaml")
BAD = data("bad-policy.yaml")


class LowLevelTest(unittest.TestCase):
    """The C functions one to one, through mediate.capi."""

    def setUp(self):
        self.p = capi.mediate_policy_load_file(COUNTY, None)

    def tearDown(self):
        capi.mediate_policy_free(self.p)

    def test_meta(self):
        self.assertEqual(capi.mediate_policy_name(self.p), "鄞州区矛盾纠纷调解政策（绑定测试）")
        self.assertEqual(capi.mediate_policy_version(self.p), "2026.1")
        self.assertEqual(capi.mediate_policy_language(self.p), "zh")
        self.assertIsNone(capi.mediate_policy_name(None))

    def test_categories(self):
        self.assertEqual(capi.mediate_policy_category_count(self.p), 11)
        c = capi.mediate_policy_category_at(self.p, 1)
        self.assertEqual(capi.mediate_category_code(c), "family.marriage")
        self.assertEqual(capi.mediate_category_name(c, "zh"), "婚姻纠纷")
        self.assertEqual(capi.mediate_category_name(c, "en"), "Marriage and divorce")
        self.assertEqual(capi.mediate_category_name(c, "zh-CN"), "婚姻纠纷")
        self.assertEqual(capi.mediate_category_name(c, None), "婚姻纠纷")
        self.assertEqual(capi.mediate_category_index(c), 1)
        self.assertEqual(capi.mediate_category_depth(c), 1)
        parent = capi.mediate_category_parent(c)
        self.assertEqual(capi.mediate_category_code(parent), "family")
        self.assertIsNone(capi.mediate_category_parent(parent))
        self.assertEqual(capi.mediate_category_is_within(c, parent), 1)
        self.assertEqual(capi.mediate_category_is_within(parent, c), 0)
        found = capi.mediate_policy_category_find(self.p, "traffic.damage")
        self.assertEqual(capi.mediate_category_index(found), 9)
        self.assertIsNone(capi.mediate_policy_category_find(self.p, "traffic.injury"))
        self.assertIsNone(capi.mediate_policy_category_at(self.p, 11))
        # A plain name is in the policy's language; other languages fall back to it.
        pm = capi.mediate_policy_category_find(self.p, "property_management")
        self.assertEqual(capi.mediate_category_name(pm, "en"), "物业纠纷")

    def test_units(self):
        self.assertEqual(capi.mediate_policy_unit_count(self.p), 13)
        u = capi.mediate_policy_unit_find(self.p, "YZ-ZGM-PS-TJ")
        self.assertEqual(capi.mediate_unit_code(u), "YZ-ZGM-PS-TJ")
        self.assertEqual(capi.mediate_unit_name(u, "zh"), "钟公庙派出所人民调解工作室")
        self.assertEqual(capi.mediate_unit_get_kind(u), capi.MEDIATE_UNIT_CENTRE)
        self.assertEqual(capi.mediate_unit_index(u), 5)
        self.assertEqual(capi.mediate_unit_depth(u), 3)
        station = capi.mediate_unit_parent(u)
        self.assertEqual(capi.mediate_unit_address(station), "宁波市鄞州区天童南路1088号")
        self.assertIsNone(capi.mediate_unit_address(u))
        self.assertEqual(capi.mediate_unit_get_kind(station), capi.MEDIATE_UNIT_POLICE_STATION)
        county = capi.mediate_policy_unit_at(self.p, 0)
        self.assertEqual(capi.mediate_unit_code(county), "YZ")
        self.assertEqual(capi.mediate_unit_is_within(u, county), 1)
        self.assertEqual(capi.mediate_unit_is_within(county, u), 0)
        self.assertIsNone(capi.mediate_policy_unit_find(self.p, "YZ-XX"))
        self.assertIsNone(capi.mediate_policy_unit_at(self.p, 13))
        village = capi.mediate_policy_unit_find(self.p, "YZ-DQ-JA")
        self.assertEqual(capi.mediate_unit_name(village, "zh"), "𠮷岙村")

    def test_unit_kinds(self):
        self.assertEqual(capi.mediate_unit_kind_name(capi.MEDIATE_UNIT_POLICE_STATION), "police_station")
        self.assertIsNone(capi.mediate_unit_kind_name(0))
        self.assertEqual(capi.mediate_unit_kind_parse("grid"), capi.MEDIATE_UNIT_GRID)
        with self.assertRaises(mediate.NotFound):
            capi.mediate_unit_kind_parse("station")
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_unit_kind_parse(None)

    def test_load_buffer_and_null_arguments(self):
        with open(COUNTY, "rb") as f:
            text = f.read()
        p = capi.mediate_policy_load_buffer(text, "county.yaml", None)
        try:
            self.assertEqual(capi.mediate_policy_unit_count(p), 13)
        finally:
            capi.mediate_policy_free(p)
        capi.mediate_policy_free(None)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_policy_load_file(None, None)
        with self.assertRaises(mediate.IoError) as cm:
            capi.mediate_policy_load_file(data("no-such-policy.yaml"), None)
        self.assertTrue(cm.exception.file.endswith("no-such-policy.yaml"))


class PolicyTest(unittest.TestCase):
    """The idiomatic layer."""

    def test_with_and_iteration(self):
        with mediate.Policy.load(COUNTY) as p:          # covers: mediate_policy_load_file
            self.assertFalse(p.closed)
            self.assertEqual(p.name, "鄞州区矛盾纠纷调解政策（绑定测试）")
            self.assertEqual((p.version, p.language), ("2026.1", "zh"))
            codes = [c.code for c in p.categories]
            self.assertEqual(codes[:3], ["family", "family.marriage", "family.elder_support"])
            self.assertEqual(len(p.categories), 11)
            noise = p.categories["neighbour.noise"]
            self.assertEqual(noise.name("en"), "Noise")
            self.assertEqual(noise.name(), "噪声扰民")
            self.assertEqual(noise.parent, p.category("neighbour"))
            self.assertEqual(noise.parent.code, "neighbour")
            self.assertIsNone(noise.parent.parent)
            self.assertTrue(noise.is_within(p.categories["neighbour"]))
            self.assertFalse(noise.is_within(p.categories["family"]))
            self.assertEqual((noise.index, noise.depth), (4, 1))
            self.assertIn("labour.wage_arrears", p.categories)
            self.assertNotIn("labour.injury", p.categories)
            self.assertIsNone(p.categories.get("labour.injury"))
            with self.assertRaises(KeyError):
                p.categories["labour.injury"]
            self.assertEqual([c.code for c in p.categories.roots()],
                             ["family", "neighbour", "labour", "traffic", "property_management"])
            self.assertEqual(p.categories[-1].code, "property_management")
            self.assertEqual([c.code for c in p.categories[1:3]], ["family.marriage", "family.elder_support"])
            with self.assertRaises(IndexError):
                p.categories[11]
        self.assertTrue(p.closed)

    def test_units(self):
        with mediate.Policy.load(COUNTY) as p:
            kinds = {u.code: u.kind for u in p.units}
            self.assertEqual(kinds["YZ"], "county")
            self.assertEqual(kinds["YZ-ZGM-PS"], "police_station")
            self.assertEqual(kinds["YZ-ZGM-JJC-G01"], "grid")
            self.assertEqual(kinds["YZ-FY"], "court")
            grid = p.unit("YZ-ZGM-JJC-G01")
            self.assertEqual(grid.name("en"), "Jinjiacao Grid 1")
            self.assertEqual([a.code for a in grid.ancestors()], ["YZ-ZGM-JJC", "YZ-ZGM", "YZ"])
            self.assertEqual(grid.depth, 3)
            self.assertEqual(grid.kind_value, capi.MEDIATE_UNIT_GRID)
            self.assertTrue(grid.is_within(p.unit("YZ-ZGM")))
            self.assertFalse(grid.is_within(p.unit("YZ-DQ")))
            self.assertEqual([u.code for u in p.units.children(p.unit("YZ-ZGM"))],
                             ["YZ-ZGM-PS", "YZ-ZGM-JJC"])
            stations = [u.code for u in p.units if u.kind == "police_station"]
            self.assertEqual(stations, ["YZ-ZGM-PS", "YZ-DQ-PS"])
            self.assertEqual(p.unit("YZ-DQ-JA").name(), "𠮷岙村")
            self.assertEqual(repr(p.unit("YZ")), "<Unit YZ 鄞州区>")
        self.assertEqual(mediate.unit_kind_name(capi.MEDIATE_UNIT_COMMUNITY), "community")
        self.assertEqual(mediate.unit_kind_parse("enterprise"), capi.MEDIATE_UNIT_ENTERPRISE)
        self.assertEqual(len(mediate.UNIT_KINDS), 11)
        with self.assertRaises(mediate.NotFound):
            mediate.unit_kind_parse("派出所")

    def test_borrowed_objects_keep_the_policy_alive(self):
        p = mediate.Policy.load(COUNTY)
        station = p.unit("YZ-DQ-PS")
        cat = p.categories[7]
        del p
        gc.collect()
        # The policy object is still referenced by station and cat.
        self.assertEqual(station.parent.code, "YZ-DQ")
        self.assertEqual(cat.code, "labour.wage_arrears")

    def test_use_after_close_raises_instead_of_crashing(self):
        p = mediate.Policy.load(COUNTY)
        unit = p.unit("YZ")
        cats = p.categories
        p.close()
        p.close()                                          # covers: mediate_policy_free
        for f in (lambda: unit.code, lambda: len(cats), lambda: p.name, lambda: unit.parent):
            with self.assertRaises(mediate.InvalidState):
                f()
        self.assertEqual(repr(p), "<Policy (closed)>")

    def test_loads_text_and_bytes(self):
        with open(COUNTY, encoding="utf-8") as f:
            text = f.read()
        with mediate.Policy.loads(text, name="county.yaml") as p:   # covers: mediate_policy_load_buffer
            self.assertEqual(len(p.units), 13)
        with mediate.Policy.loads(text.encode("utf-8")) as p:
            self.assertEqual(len(p.categories), 11)
        with mediate.Policy.load(pathlib.Path(COUNTY)) as p:
            self.assertEqual(p.language, "zh")

    def test_first_error_raised_and_all_errors_collected(self):
        with self.assertRaises(mediate.ValidationError) as cm:
            mediate.Policy.load(BAD)
        e = cm.exception
        self.assertEqual((e.line, e.column, e.path), (11, 29, "taxonomy[1].parnet"))
        self.assertEqual(e.file, BAD)
        self.assertEqual(e.text, 'unknown key "parnet"; did you mean "parent"?')
        got = [(x.line, x.column, x.path) for x in e.errors]
        self.assertEqual(got, [(11, 29, "taxonomy[1].parnet"),
                               (12, 37, "taxonomy[2].parent"),
                               (17, 29, "org[1].kind"),
                               (18, 12, "org[2].code")])
        self.assertIn('did you mean "neighbour"?', e.errors[1].text)
        self.assertIn('did you mean "police_station"?', e.errors[2].text)
        self.assertIn('duplicate unit code "YZ-ZGM-PS" (first at line 17)', e.errors[3].text)
        self.assertEqual(str(e.errors[0]),
                         BAD + ':11:29: taxonomy[1].parnet: unknown key "parnet"; did you mean "parent"?')
        self.assertEqual(mediate.Policy.check(BAD), e.errors)
        self.assertEqual(mediate.Policy.check(COUNTY), [])

    def test_all_errors_through_the_shim(self):
        opts = capi.mediate_load_options()
        capi.mediate_load_options_init(opts, capi.MEDIATE_LOAD_OPTIONS_VERSION)
        errs = capi.mbind_errors_new()
        try:
            capi.mbind_errors_attach(errs, opts)
            with self.assertRaises(mediate.ValidationError):
                capi.mediate_policy_load_file(BAD, opts)
            self.assertEqual(capi.mbind_errors_count(errs), 4)
            self.assertEqual(capi.mbind_errors_truncated(errs), 0)
            self.assertEqual(capi.mbind_errors_at(errs, 3).path, "org[2].code")
            self.assertIsNone(capi.mbind_errors_at(errs, 4))
            opts.max_errors = 2
            capi.mbind_errors_attach(errs, opts)       # empties the list
            with self.assertRaises(mediate.ValidationError):
                capi.mediate_policy_load_file(BAD, opts)
            self.assertEqual(capi.mbind_errors_count(errs), 2)
        finally:
            capi.mbind_errors_free(errs)

    def test_limits(self):
        deep = "[" * 100000 + "]" * 100000
        with self.assertRaises(mediate.LimitExceeded) as cm:
            mediate.Policy.loads(deep, name="deep.yaml")
        self.assertEqual(cm.exception.file, "deep.yaml")
        with self.assertRaises(mediate.LimitExceeded):
            mediate.Policy.load(COUNTY, max_document_bytes=1000)
        with self.assertRaises(mediate.LimitExceeded):
            mediate.Policy.load(COUNTY, options=mediate.LoadOptions(max_depth=2))
        self.assertEqual(mediate.Policy.check(COUNTY, max_depth=2)[0].code, capi.MEDIATE_ELIMIT)

    def test_malformed_input(self):
        with self.assertRaises(mediate.ParseError) as cm:
            mediate.Policy.loads("policy: {name: 鄞州\n", name="broken.yaml")
        self.assertEqual(cm.exception.file, "broken.yaml")
        self.assertGreater(cm.exception.line, 0)
        with self.assertRaises(mediate.Utf8Error):
            mediate.Policy.loads(b"policy: {name: \xe9\x84}\n")
        with self.assertRaises(mediate.ValidationError):
            mediate.Policy.loads("")
        with self.assertRaises(mediate.Utf8Error):
            mediate.Policy.load(COUNTY + "\x00.yaml")

    def test_shared_between_threads(self):
        with mediate.Policy.load(COUNTY) as p:
            out = []

            def walk():
                n = 0
                for _ in range(50):
                    for u in p.units:
                        n += len(u.ancestors())
                out.append(n)

            threads = [threading.Thread(target=walk) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(len(set(out)), 1)
            self.assertEqual(out[0], 50 * sum(u.depth for u in p.units))

    @unittest.skipUnless(os.path.exists(os.path.join(EXAMPLES, "county.yaml")),
                         "no examples/data/county.yaml")
    def test_sample_county_loads(self):
        with mediate.Policy.load(os.path.join(EXAMPLES, "county.yaml")) as p:
            self.assertGreaterEqual(len([u for u in p.units if u.kind == "police_station"]), 20)
            self.assertIn("labour.wage_arrears", p.categories)


if __name__ == "__main__":
    unittest.main()
