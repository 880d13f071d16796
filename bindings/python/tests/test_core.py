# SPDX-License-Identifier: MIT
"""Core API through Python: errors, version, money, time, ids, UTF-8,
load options, allocator.  Each exported function is called through the
low-level module (capi.mediate_*) and through the idiomatic layer."""

import datetime
import re
import threading
import unittest
import uuid

import mediate
from mediate import capi


class ErrorsTest(unittest.TestCase):

    def test_every_code_has_a_class_name_and_text(self):
        # The error codes: MEDIATE_E<NAME> constants with a negative value.
        codes = [getattr(capi, n) for n in dir(capi)
                 if re.match(r"MEDIATE_E[A-Z0-9]+$", n) and isinstance(getattr(capi, n), int)
                 and getattr(capi, n) < 0]
        self.assertEqual(sorted(codes), list(range(-17, 0)))
        for code in codes:
            cls = mediate.error_class(code)
            self.assertTrue(issubclass(cls, mediate.Error))
            self.assertIsNot(cls, mediate.Error)
            self.assertEqual(cls.code, code)
            self.assertTrue(capi.mediate_error_name(code).startswith("MEDIATE_E"))
            self.assertNotEqual(capi.mediate_strerror(code), "unknown error")
        self.assertEqual(capi.mediate_error_name(capi.MEDIATE_EINVAL), "MEDIATE_EINVAL")
        self.assertEqual(mediate.error_name(-5), "MEDIATE_EVALIDATE")
        self.assertEqual(capi.mediate_strerror(-2), "out of memory")
        self.assertEqual(mediate.strerror(0), "success")
        self.assertEqual(capi.mediate_error_name(-999), "MEDIATE_E?")
        self.assertEqual(mediate.strerror(-999), "unknown error")
        self.assertIs(mediate.error_class(-999), mediate.Error)

    def test_exception_classes_also_fit_python_hierarchies(self):
        self.assertTrue(issubclass(mediate.InvalidArgument, ValueError))
        self.assertTrue(issubclass(mediate.OutOfMemory, MemoryError))
        self.assertTrue(issubclass(mediate.OutOfRange, OverflowError))
        self.assertTrue(issubclass(mediate.NotFound, LookupError))
        self.assertTrue(issubclass(mediate.IoError, OSError))

    def test_failure_sets_last_error_and_clear_resets_it(self):
        capi.mediate_error_clear()
        last = capi.mediate_error_last()
        self.assertEqual(last.code, 0)
        self.assertEqual(last.text, "")
        with self.assertRaises(mediate.ParseError) as cm:
            capi.mediate_money_parse("12,5")
        e = cm.exception
        self.assertEqual(e.code, capi.MEDIATE_EPARSE)
        self.assertEqual(e.name, "MEDIATE_EPARSE")
        self.assertIn("12,5", e.text)
        self.assertEqual((e.file, e.line, e.column, e.path), ("", 0, 0, ""))
        self.assertEqual(e.errors, [e.info])
        last = capi.mediate_error_last()
        self.assertEqual(last.code, capi.MEDIATE_EPARSE)
        self.assertEqual(last.text, e.text)
        self.assertEqual(mediate.last_error(), e.info)
        mediate.clear_error()
        self.assertEqual(capi.mediate_error_last().code, 0)
        self.assertEqual(mediate.last_error().code, 0)

    def test_error_format_is_compiler_style(self):
        with self.assertRaises(mediate.ValidationError):
            mediate.Policy.loads("policy: {name: 测试, language: zh}\ntaxonomy: []\norg: []\n",
                                 name="镇街政策.yaml")
        rec = capi.mediate_error_last()
        text = capi.mediate_error_format(rec)
        self.assertTrue(text.startswith("镇街政策.yaml:2:"), text)
        self.assertIn(": taxonomy: ", text)
        self.assertEqual(text, str(mediate.last_error()))
        self.assertEqual(capi.mediate_error_format(None), "")

    def test_error_details_are_per_thread(self):
        capi.mediate_error_clear()
        seen = []

        def other():
            try:
                mediate.money_parse("abc")
            except mediate.ParseError as e:
                seen.append(e.code)
            seen.append(capi.mediate_error_last().code)

        t = threading.Thread(target=other)
        t.start()
        t.join()
        self.assertEqual(seen, [capi.MEDIATE_EPARSE, capi.MEDIATE_EPARSE])
        self.assertEqual(capi.mediate_error_last().code, 0)


class VersionTest(unittest.TestCase):

    def test_run_time_agrees_with_headers(self):
        self.assertEqual(capi.mediate_version(), capi.MEDIATE_VERSION_STRING)
        self.assertEqual(mediate.version(), mediate.VERSION)
        n = capi.mediate_version_number()
        self.assertEqual(n, capi.MEDIATE_VERSION_NUMBER)
        self.assertEqual(mediate.version_number(), n)
        major, minor, patch = (int(x) for x in mediate.version().split("."))
        self.assertEqual(n, (major << 16) | (minor << 8) | patch)


class MoneyTest(unittest.TestCase):

    def test_parse_and_format(self):
        self.assertEqual(capi.mediate_money_parse("12.34"), 1234)
        self.assertEqual(mediate.money_parse("-0.5"), -50)
        self.assertEqual(mediate.money_parse("+400000"), 40000000)   # 40万元 streetscape
        self.assertEqual(mediate.money_parse("0"), 0)
        self.assertEqual(capi.mediate_money_format(123456), "1234.56")
        self.assertEqual(mediate.money_format(-5), "-0.05")
        self.assertEqual(mediate.yuan(200000000), "2000000.00")
        self.assertEqual(mediate.money_format(capi.MEDIATE_MONEY_MAX), "92233720368547758.07")
        self.assertEqual(mediate.money_format(capi.MEDIATE_MONEY_MIN), "-92233720368547758.07")
        self.assertEqual(mediate.money_parse("92233720368547758.07"), capi.MEDIATE_MONEY_MAX)
        for bad in ("12.345", "1,234.00", " 12", "1e3", "", "元"):
            with self.assertRaises(mediate.ParseError, msg=bad):
                mediate.money_parse(bad)
        with self.assertRaises(mediate.OutOfRange):
            mediate.money_parse("92233720368547758.08")
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_money_parse(None)

    def test_arithmetic_checks_overflow(self):
        mx = capi.MEDIATE_MONEY_MAX
        self.assertEqual(capi.mediate_money_add(150000, 2550), 152550)
        self.assertEqual(mediate.money_add(mx, 0), mx)
        with self.assertRaises(mediate.OutOfRange):
            mediate.money_add(mx, 1)
        self.assertEqual(capi.mediate_money_sub(500000, 120050), 379950)
        with self.assertRaises(mediate.OutOfRange):
            mediate.money_sub(-mx, 1)
        self.assertEqual(capi.mediate_money_mul(35000, 12), 420000)
        with self.assertRaises(mediate.OutOfRange):
            mediate.money_mul(mx // 2 + 1, 2)
        # Rounds half away from zero: 10.05 yuan * 1/2 = 5.025 -> 5.03.
        self.assertEqual(capi.mediate_money_mul_ratio(1005, 1, 2), 503)
        self.assertEqual(mediate.money_mul_ratio(-1005, 1, 2), -503)
        self.assertEqual(mediate.money_mul_ratio(300000, 850, 1000), 255000)
        with self.assertRaises(mediate.InvalidArgument):
            mediate.money_mul_ratio(100, 1, 0)

    def test_split_adds_up(self):
        self.assertEqual(capi.mediate_money_split(100, [1, 1, 1]), [34, 33, 33])
        # A team award of 1,000.00 yuan split 5:3:2 (lead, assistant, clerk).
        parts = mediate.money_split(100000, (5, 3, 2))
        self.assertEqual(parts, [50000, 30000, 20000])
        parts = mediate.money_split(100001, [1, 1, 1, 1, 1, 1, 1])
        self.assertEqual(sum(parts), 100001)
        with self.assertRaises(mediate.InvalidArgument):
            mediate.money_split(100, [0, 0])
        with self.assertRaises(mediate.InvalidArgument):
            mediate.money_split(100, [])
        with self.assertRaises(mediate.InvalidArgument):
            mediate.money_split(100, [1, 2 ** 32])
        with self.assertRaises(mediate.InvalidArgument):
            mediate.money_split(100, [1, -1])
        with self.assertRaises(TypeError):
            mediate.money_split(100, [1, "2"])


class TimeTest(unittest.TestCase):

    T = 1793669400      # 2026-11-03T09:30:00+08:00

    def test_parse_and_format(self):
        self.assertEqual(capi.mediate_time_parse("2026-11-03T09:30:00+08:00"), [self.T, 480])
        self.assertEqual(mediate.time_parse("2026-11-03T01:30:00Z"), self.T)
        self.assertEqual(mediate.time_parse_offset("2026-11-03 09:30:00+08:00"), (self.T, 480))
        self.assertEqual(capi.mediate_time_format(self.T, 480), "2026-11-03T09:30:00+08:00")
        self.assertEqual(mediate.time_format(self.T, 0), "2026-11-03T01:30:00+00:00")
        self.assertEqual(mediate.time_format(self.T), "2026-11-03T09:30:00+08:00")
        for bad in ("2026-11-03", "2026-11-03T09:30:00", "2026-13-03T09:30:00+08:00",
                    "2026-11-03T09:30:00.5+08:00", "明天上午"):
            with self.assertRaises(mediate.Error, msg=bad) as cm:
                mediate.time_parse(bad)
            self.assertIn(type(cm.exception), (mediate.ParseError, mediate.OutOfRange))
        with self.assertRaises(mediate.OutOfRange):
            mediate.time_format(self.T, 1440)

    def test_civil(self):
        c = capi.mediate_time_to_civil(self.T, capi.MEDIATE_OFFSET_CST)
        self.assertEqual((c.year, c.month, c.day, c.hour, c.minute, c.second), (2026, 11, 3, 9, 30, 0))
        self.assertEqual(c.weekday, 2)          # a Tuesday
        self.assertEqual(capi.mediate_time_from_civil(c), self.T)
        civ = mediate.time_to_civil(self.T)
        self.assertEqual(civ, mediate.Civil(2026, 11, 3, 9, 30, 0, 480, 2))
        self.assertEqual(mediate.time_from_civil(2026, 11, 3, 9, 30), self.T)
        with self.assertRaises(mediate.OutOfRange):
            mediate.time_from_civil(2026, 2, 30)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_time_from_civil(None)

    def test_datetime_interop(self):
        cst = datetime.timezone(datetime.timedelta(hours=8))
        dt = datetime.datetime(2026, 11, 3, 9, 30, tzinfo=cst)
        self.assertEqual(mediate.time_from_datetime(dt), int(dt.timestamp()))
        self.assertEqual(mediate.time_to_datetime(self.T), dt)
        with self.assertRaises(mediate.InvalidArgument):
            mediate.time_from_datetime(datetime.datetime(2026, 11, 3))

    def test_add_days_and_months(self):
        jan31 = mediate.time_parse("2028-01-31T10:00:00+08:00")
        self.assertEqual(mediate.time_format(capi.mediate_time_add_months(jan31, 1, 480)),
                         "2028-02-29T10:00:00+08:00")
        self.assertEqual(mediate.time_format(mediate.time_add_months(jan31, 13)),
                         "2029-02-28T10:00:00+08:00")
        self.assertEqual(mediate.time_format(capi.mediate_time_add_days(jan31, 30, 480)),
                         "2028-03-01T10:00:00+08:00")
        self.assertEqual(mediate.time_add_days(self.T, -7), self.T - 7 * 86400)
        with self.assertRaises(mediate.OutOfRange):
            mediate.time_add_months(self.T, 12 * 10000)


class IdTest(unittest.TestCase):

    def test_generate_parse_format(self):
        a = capi.mediate_id_generate()
        text = capi.mediate_id_format(a)
        u = uuid.UUID(text)
        self.assertEqual(u.version, 4)
        self.assertEqual(str(u), text)
        b = capi.mediate_id_parse(text.upper())
        self.assertEqual(capi.mediate_id_compare(a, b), 0)
        self.assertEqual(capi.mediate_id_is_nil(a), 0)
        nil = capi.mediate_id_parse("00000000-0000-0000-0000-000000000000")
        self.assertEqual(capi.mediate_id_is_nil(nil), 1)
        self.assertGreater(capi.mediate_id_compare(a, nil), 0)
        self.assertNotEqual(mediate.id_generate(), mediate.id_generate())
        self.assertEqual(mediate.id_parse("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
                         "6f9619ff-8b86-d011-b42d-00c04fc964ff")
        self.assertLess(mediate.id_compare("00000000-0000-0000-0000-000000000001",
                                           "00000000-0000-0000-0000-000000000002"), 0)
        self.assertTrue(mediate.id_is_nil("00000000-0000-0000-0000-000000000000"))
        for bad in ("6f9619ff8b86d011b42d00c04fc964ff", "6f9619ff-8b86-d011-b42d-00c04fc964f",
                    "{6f9619ff-8b86-d011-b42d-00c04fc964ff}", ""):
            with self.assertRaises(mediate.ParseError, msg=bad):
                mediate.id_parse(bad)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_id_format(None)


class Utf8Test(unittest.TestCase):

    def test_validate(self):
        self.assertIsNone(capi.mediate_utf8_validate("钟公庙街道金家漕社区".encode()))
        mediate.utf8_validate("𠮷岙村")            # outside the BMP
        mediate.utf8_validate(b"")
        cases = [(b"\xe9\x84\x9e\xe5\xb7", 3),      # truncated 州
                 (b"ab\xc0\xaf", 2),                # overlong '/'
                 (b"\xed\xa0\x80", 0),              # surrogate
                 (b"\xf4\x90\x80\x80", 0),          # above U+10FFFF
                 (b"abc\x00d", 3)]                  # NUL
        for data, offset in cases:
            with self.assertRaises(mediate.Utf8Error, msg=data) as cm:
                capi.mediate_utf8_validate(data)
            self.assertEqual(cm.exception.offset, offset)
            self.assertEqual(cm.exception.code, capi.MEDIATE_EUTF8)

    def test_length(self):
        self.assertEqual(capi.mediate_utf8_length("鄞州区".encode()), 3)
        self.assertEqual(mediate.utf8_length("Lao Pan 老潘 𠮷"), 12)
        with self.assertRaises(mediate.Utf8Error):
            mediate.utf8_length(b"\xff")

    def test_strings_are_checked_at_the_boundary(self):
        # A str holding NUL would be cut by C: refused before the call.
        with self.assertRaises(mediate.Utf8Error):
            mediate.money_parse("12\x00.34")
        # A lone surrogate cannot be encoded as UTF-8.
        with self.assertRaises(UnicodeEncodeError):
            mediate.money_parse("12\ud800")
        with self.assertRaises(TypeError):
            mediate.money_parse(12)


class LoadOptionsTest(unittest.TestCase):

    def test_init_gives_the_defaults(self):
        o = capi.mediate_load_options()
        capi.mediate_load_options_init(o, capi.MEDIATE_LOAD_OPTIONS_VERSION)
        self.assertEqual(o.version, capi.MEDIATE_LOAD_OPTIONS_VERSION)
        self.assertEqual(o.max_document_bytes, capi.MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES)
        self.assertEqual(o.max_document_bytes, 1 << 20)
        self.assertEqual(o.max_depth, capi.MEDIATE_DEFAULT_MAX_DEPTH)
        self.assertEqual(o.max_scalar_bytes, capi.MEDIATE_DEFAULT_MAX_SCALAR_BYTES)
        self.assertEqual(o.max_nodes, capi.MEDIATE_DEFAULT_MAX_NODES)
        self.assertEqual(o.max_errors, capi.MEDIATE_DEFAULT_MAX_ERRORS)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_load_options_init(o, 99)
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_load_options_init(None, capi.MEDIATE_LOAD_OPTIONS_VERSION)
        opts = mediate.LoadOptions(max_depth=8)      # covers: mediate_load_options_init
        self.assertEqual(opts.max_depth, 8)
        self.assertEqual(opts.max_errors, 100)
        with self.assertRaises(TypeError):
            mediate.LoadOptions(max_dept=8)


class AllocatorTest(unittest.TestCase):

    def test_only_reset_or_refusal_from_python(self):
        capi.mediate_allocator_set(None)          # back to malloc/realloc/free
        a = capi.mediate_allocator()
        a.version = 99
        with self.assertRaises(mediate.InvalidArgument) as cm:
            capi.mediate_allocator_set(a)
        self.assertIn("version", cm.exception.text)
        a.version = capi.MEDIATE_ALLOCATOR_VERSION
        with self.assertRaises(mediate.InvalidArgument):
            capi.mediate_allocator_set(a)          # no functions
        self.assertEqual(mediate.money_parse("1.00"), 100)   # still working

    def test_free_accepts_none(self):
        self.assertIsNone(capi.mediate_free(None))


class DocTest(unittest.TestCase):

    def test_public_names_have_docstrings(self):
        missing = []
        for name in mediate.__all__:
            obj = getattr(mediate, name)
            if callable(obj) and not (getattr(obj, "__doc__", None) or "").strip():
                missing.append(name)
            if isinstance(obj, type):
                for attr, value in vars(obj).items():
                    if attr.startswith("_") or not (callable(value) or isinstance(value, property)):
                        continue
                    if not (getattr(value, "__doc__", None) or "").strip():
                        missing.append(name + "." + attr)
        self.assertEqual(missing, [])


class GilTest(unittest.TestCase):

    def test_calls_from_many_threads(self):
        results = []

        def work(k):
            total = 0
            for i in range(2000):
                total = mediate.money_add(total, mediate.money_parse("%d.%02d" % (k, i % 100)))
            results.append(total)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        expected = sorted(sum(k * 100 + i % 100 for i in range(2000)) for k in range(4))
        self.assertEqual(sorted(results), expected)


if __name__ == "__main__":
    unittest.main()
