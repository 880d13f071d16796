# SPDX-License-Identifier: MIT
"""libmediate for Python: grassroots dispute mediation and task routing.

This package is a thin, idiomatic layer over the SWIG module
:mod:`mediate.capi`, which mirrors the C API one to one (``capi.mediate_*``
functions; out-parameters become return values).  Every failure raises a
subclass of :class:`mediate.Error` carrying the code, file, line, column,
path and text of the error.

Conventions: money is an ``int`` of fen (1 yuan = 100 fen); times are
``int`` seconds since the Unix epoch, UTC, and offsets are minutes east of
UTC (China Standard Time is :data:`OFFSET_CST` = 480); ids are UUIDs in
canonical text.  A loaded :class:`Policy` is immutable and may be shared by
threads; the GIL is released during every C call.

    >>> import mediate
    >>> mediate.money_parse("12.34")
    1234
    >>> with mediate.Policy.load("county.yaml") as p:          # doctest: +SKIP
    ...     for c in p.categories:
    ...         print(c.code, c.name("zh"), c.parent)
"""

import collections as _collections
import datetime as _datetime
import os as _os

from . import capi as _c
from ._errors import *  # noqa: F401,F403  (the exception classes)
from ._errors import ErrorInfo, Error, InvalidState, error_class, __all__ as _error_names
from ._owner import Owner as _Owner

__all__ = list(_error_names) + [
    "VERSION", "OFFSET_CST", "version", "version_number", "strerror", "error_name",
    "last_error", "clear_error",
    "money_parse", "money_format", "money_add", "money_sub", "money_mul",
    "money_mul_ratio", "money_split", "yuan",
    "Civil", "time_parse", "time_parse_offset", "time_format", "time_to_civil",
    "time_from_civil", "time_add_days", "time_add_months", "time_from_datetime",
    "time_to_datetime",
    "id_generate", "id_parse", "id_compare", "id_is_nil",
    "utf8_validate", "utf8_length",
    "LoadOptions", "Policy", "Category", "Unit", "UNIT_KINDS",
    "unit_kind_name", "unit_kind_parse",
]

#: The version of the headers the binding was built with ("0.1.0").
VERSION = _c.MEDIATE_VERSION_STRING
#: China Standard Time (+08:00) in minutes east of UTC.
OFFSET_CST = _c.MEDIATE_OFFSET_CST


# ---- version and errors ----

def version():
    """The version of the libmediate actually loaded, as "MAJOR.MINOR.PATCH"."""
    return _c.mediate_version()


def version_number():
    """The loaded version as 0xMMmmpp (comparable with < and >)."""
    return _c.mediate_version_number()


def strerror(code):
    """A short English description of a MEDIATE_E* code."""
    return _c.mediate_strerror(code)


def error_name(code):
    """The symbolic name of a code ("MEDIATE_EINVAL")."""
    return _c.mediate_error_name(code)


def _info(rec):
    return ErrorInfo(rec.code, rec.file, rec.line, rec.column, rec.path, rec.text)


def last_error():
    """The last error of this thread as an :class:`ErrorInfo` (a copy).

    Its ``code`` is 0 when nothing failed since :func:`clear_error`.
    """
    return _info(_c.mediate_error_last())


def clear_error():
    """Resets this thread's last error."""
    _c.mediate_error_clear()


# ---- money ----

def money_parse(text):
    """Parses yuan text ("1234.56", "-0.5", "12") into fen: ``"12.34" -> 1234``.

    Raises ParseError for malformed text, OutOfRange when it does not fit.
    """
    return _c.mediate_money_parse(text)


def money_format(fen):
    """Formats fen as yuan text with two decimals: ``1234 -> "12.34"``."""
    return _c.mediate_money_format(fen)


def yuan(fen):
    """The same as :func:`money_format`, named for readability."""
    return money_format(fen)


def money_add(a, b):
    """a + b in fen; raises OutOfRange instead of overflowing."""
    return _c.mediate_money_add(a, b)


def money_sub(a, b):
    """a - b in fen; raises OutOfRange instead of overflowing."""
    return _c.mediate_money_sub(a, b)


def money_mul(amount, factor):
    """amount * factor; raises OutOfRange instead of overflowing."""
    return _c.mediate_money_mul(amount, factor)


def money_mul_ratio(amount, num, den):
    """amount * num / den rounded half away from zero to the fen (den > 0)."""
    return _c.mediate_money_mul_ratio(amount, num, den)


def money_split(total, weights):
    """Splits total into parts proportional to weights (largest remainder).

    The parts always add up to total; ties go to the lower index.
    ``money_split(100, [1, 1, 1]) -> [34, 33, 33]``.
    """
    return _c.mediate_money_split(total, list(weights))


# ---- time ----

#: A civil date and time at an offset (weekday: 1 = Monday .. 7 = Sunday).
Civil = _collections.namedtuple(
    "Civil", "year month day hour minute second offset_minutes weekday")


def time_parse(text):
    """Parses ISO 8601 text with an offset into UTC seconds.

    ``"2026-11-03T09:30:00+08:00" -> 1793669400``.
    """
    return _c.mediate_time_parse(text)[0]


def time_parse_offset(text):
    """Like :func:`time_parse`, returning ``(seconds, offset_minutes)``."""
    t, offset = _c.mediate_time_parse(text)
    return t, offset


def time_format(t, offset_minutes=OFFSET_CST):
    """Formats UTC seconds at an offset: ``"2026-11-03T09:30:00+08:00"``."""
    return _c.mediate_time_format(t, offset_minutes)


def time_to_civil(t, offset_minutes=OFFSET_CST):
    """The civil date and time of t at the offset, as a :data:`Civil`."""
    c = _c.mediate_time_to_civil(t, offset_minutes)
    return Civil(c.year, c.month, c.day, c.hour, c.minute, c.second, c.offset_minutes, c.weekday)


def time_from_civil(year, month, day, hour=0, minute=0, second=0, offset_minutes=OFFSET_CST):
    """UTC seconds of a civil date and time at an offset."""
    c = _c.mediate_civil()
    c.year, c.month, c.day = year, month, day
    c.hour, c.minute, c.second = hour, minute, second
    c.offset_minutes = offset_minutes
    return _c.mediate_time_from_civil(c)


def time_add_days(t, days, offset_minutes=OFFSET_CST):
    """The same wall-clock time, days later (earlier when negative)."""
    return _c.mediate_time_add_days(t, days, offset_minutes)


def time_add_months(t, months, offset_minutes=OFFSET_CST):
    """Months later in the civil calendar; the day is clamped (Jan 31 + 1 = Feb 28/29)."""
    return _c.mediate_time_add_months(t, months, offset_minutes)


def time_from_datetime(dt):
    """UTC seconds of an aware :class:`datetime.datetime` (whole seconds)."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise error_class(-1)(ErrorInfo(-1, text="a naive datetime has no offset"))
    offset = int(dt.utcoffset().total_seconds()) // 60
    return time_from_civil(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, offset)


def time_to_datetime(t, offset_minutes=OFFSET_CST):
    """An aware :class:`datetime.datetime` for t at the offset."""
    c = time_to_civil(t, offset_minutes)
    tz = _datetime.timezone(_datetime.timedelta(minutes=offset_minutes))
    return _datetime.datetime(c.year, c.month, c.day, c.hour, c.minute, c.second, tzinfo=tz)


# ---- ids ----

def id_generate():
    """A new random UUID (version 4) in canonical lower-case text."""
    return _c.mediate_id_format(_c.mediate_id_generate())


def _id(text):
    return _c.mediate_id_parse(text)


def id_parse(text):
    """Checks a UUID and returns its canonical lower-case text."""
    return _c.mediate_id_format(_id(text))


def id_compare(a, b):
    """<0, 0 or >0 comparing two UUIDs (text) byte by byte."""
    return _c.mediate_id_compare(_id(a), _id(b))


def id_is_nil(text):
    """True for the nil UUID 00000000-0000-0000-0000-000000000000."""
    return bool(_c.mediate_id_is_nil(_id(text)))


# ---- UTF-8 ----

def utf8_validate(data):
    """Checks bytes for well-formed UTF-8 without NUL; raises Utf8Error
    with ``offset`` set to the first bad byte."""
    _c.mediate_utf8_validate(data)


def utf8_length(data):
    """The number of code points of valid UTF-8 bytes (or of a str)."""
    return _c.mediate_utf8_length(data)


# ---- loading ----

class LoadOptions:
    """Limits of a YAML load; every field has the library's default.

    ``max_document_bytes`` (1 MiB), ``max_depth`` (64),
    ``max_scalar_bytes`` (64 KiB), ``max_nodes`` (1,000,000),
    ``max_errors`` (100).
    """

    _FIELDS = ("max_document_bytes", "max_depth", "max_scalar_bytes", "max_nodes", "max_errors")

    def __init__(self, **limits):
        self._opts = _c.mediate_load_options()
        _c.mediate_load_options_init(self._opts, _c.MEDIATE_LOAD_OPTIONS_VERSION)
        for key, value in limits.items():
            if key not in self._FIELDS:
                raise TypeError("unknown load option %r (known: %s)" % (key, ", ".join(self._FIELDS)))
            if value is not None:
                setattr(self._opts, key, value)

    def __getattr__(self, key):
        if key in LoadOptions._FIELDS:
            return getattr(self._opts, key)
        raise AttributeError(key)

    def __repr__(self):
        return "LoadOptions(%s)" % ", ".join("%s=%d" % (k, getattr(self, k)) for k in self._FIELDS)


class _Collector:
    """Attaches an mbind_errors list to load options for one load."""

    def __init__(self, options):
        self.options = options if options is not None else LoadOptions()
        self.list = _c.mbind_errors_new()
        if self.list is None:
            raise error_class(-2)(ErrorInfo(-2, text="out of memory"))
        _c.mbind_errors_attach(self.list, self.options._opts)

    def errors(self):
        return [_info(_c.mbind_errors_at(self.list, i))
                for i in range(_c.mbind_errors_count(self.list))]

    def close(self):
        # The options must not point at the freed list.
        self.options._opts.on_error = None
        self.options._opts.on_error_user = None
        _c.mbind_errors_free(self.list)
        self.list = None


def _load(loader, options):
    """Runs loader(opts) collecting every error; raises with .errors set."""
    col = _Collector(options)
    try:
        try:
            return loader(col.options._opts)
        except Error as e:
            errors = col.errors()
            if errors:
                e.errors = errors
            raise
    finally:
        col.close()


# ---- policy ----

UNIT_KINDS = tuple(_c.mediate_unit_kind_name(k) for k in range(1, 64)
                   if _c.mediate_unit_kind_name(k) is not None)


def unit_kind_name(kind):
    """The name of a unit kind value ("police_station"), or None."""
    return _c.mediate_unit_kind_name(kind)


def unit_kind_parse(name):
    """The value of a unit kind name; raises NotFound for an unknown one."""
    return _c.mediate_unit_kind_parse(name)


class _Node:
    """Common part of Category and Unit: borrowed from a live Policy."""

    __slots__ = ("_policy", "_ptr")
    _code = _name = _parent = _index = _depth = _within = None

    def __init__(self, policy, ptr):
        self._policy = policy      # keeps the policy (and so ptr) alive
        self._ptr = ptr

    def _p(self):
        self._policy._handle()     # raises once the policy is closed
        return self._ptr

    @property
    def code(self):
        """The code ("family.marriage", "YZ-PS-DONGLIU")."""
        return type(self)._code(self._p())

    def name(self, lang=None):
        """The name in lang ("zh", "en"); falls back to the policy's language."""
        return type(self)._name(self._p(), lang)

    @property
    def parent(self):
        """The parent, or None for a root."""
        ptr = type(self)._parent(self._p())
        return type(self)(self._policy, ptr) if ptr is not None else None

    @property
    def index(self):
        """The position in the policy (document order)."""
        return type(self)._index(self._p())

    @property
    def depth(self):
        """0 for a root, 1 for its children, ..."""
        return type(self)._depth(self._p())

    def is_within(self, ancestor):
        """True when ancestor is this node or one of its ancestors."""
        if not isinstance(ancestor, type(self)) or ancestor._policy is not self._policy:
            return False
        return bool(type(self)._within(self._p(), ancestor._p()))

    def ancestors(self):
        """The parent, its parent, ... up to the root."""
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def __eq__(self, other):
        return type(other) is type(self) and other._policy is self._policy and other.index == self.index

    def __hash__(self):
        return hash((id(self._policy), self.index))

    def __str__(self):
        return self.code

    def __repr__(self):
        if self._policy.closed:
            return "<%s of a closed policy>" % type(self).__name__
        return "<%s %s %s>" % (type(self).__name__, self.code, self.name())


class Category(_Node):
    """A dispute category of the policy's taxonomy (borrowed from the policy)."""

    __slots__ = ()
    _code = staticmethod(_c.mediate_category_code)
    _name = staticmethod(_c.mediate_category_name)
    _parent = staticmethod(_c.mediate_category_parent)
    _index = staticmethod(_c.mediate_category_index)
    _depth = staticmethod(_c.mediate_category_depth)
    _within = staticmethod(_c.mediate_category_is_within)


class Unit(_Node):
    """An org unit (county, police station, community, department...)."""

    __slots__ = ()
    _code = staticmethod(_c.mediate_unit_code)
    _name = staticmethod(_c.mediate_unit_name)
    _parent = staticmethod(_c.mediate_unit_parent)
    _index = staticmethod(_c.mediate_unit_index)
    _depth = staticmethod(_c.mediate_unit_depth)
    _within = staticmethod(_c.mediate_unit_is_within)

    @property
    def address(self):
        """The address the policy gives, or None."""
        return _c.mediate_unit_address(self._p())

    @property
    def kind(self):
        """The kind as a name: "county", "police_station", "community"..."""
        return _c.mediate_unit_kind_name(self.kind_value)

    @property
    def kind_value(self):
        """The kind as its int value (capi.MEDIATE_UNIT_*)."""
        return _c.mediate_unit_get_kind(self._p())


class _Nodes:
    """A read-only sequence of a policy's categories or units.

    ``len()``, indexing, iteration, ``code in seq``, ``seq[code]`` (KeyError
    when absent) and ``seq.get(code)``.
    """

    def __init__(self, policy, cls, count, at, find):
        self._policy, self._cls = policy, cls
        self._count, self._at, self._find = count, at, find

    def __len__(self):
        return self._count(self._policy._handle())

    def __getitem__(self, key):
        if isinstance(key, str):
            node = self.get(key)
            if node is None:
                raise KeyError(key)
            return node
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        n = len(self)
        if key < 0:
            key += n
        if not 0 <= key < n:
            raise IndexError("index out of range")
        return self._cls(self._policy, self._at(self._policy._handle(), key))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, code):
        if isinstance(code, self._cls):
            return code._policy is self._policy
        return self.get(code) is not None

    def get(self, code, default=None):
        """The entry with this code, or default."""
        ptr = self._find(self._policy._handle(), code)
        return self._cls(self._policy, ptr) if ptr is not None else default

    def roots(self):
        """The entries without a parent."""
        return [x for x in self if x.depth == 0]

    def children(self, parent):
        """The direct children of parent."""
        return [x for x in self if x.parent == parent]


class Policy(_Owner):
    """A loaded, validated and immutable policy (taxonomy, org tree, rules).

    Load with :meth:`load` (a file) or :meth:`loads` (text or bytes); use it
    as a context manager or call :meth:`close`.  Categories and units keep
    the policy object alive, but using them after :meth:`close` raises
    InvalidState.  A failed load raises the Error of its first problem with
    ``.errors`` listing every problem found; :meth:`check` returns that list
    instead of raising.
    """

    _what = "policy"
    _free = staticmethod(_c.mediate_policy_free)

    def __init__(self, _ptr):
        self._ptr = _ptr
        self.categories = _Nodes(self, Category, _c.mediate_policy_category_count,
                                 _c.mediate_policy_category_at, _c.mediate_policy_category_find)
        self.units = _Nodes(self, Unit, _c.mediate_policy_unit_count,
                            _c.mediate_policy_unit_at, _c.mediate_policy_unit_find)

    @classmethod
    def load(cls, path, options=None, **limits):
        """Loads and validates the policy file at path (str or path-like).

        options is a :class:`LoadOptions`; keyword arguments are limits for
        one (max_document_bytes=..., max_depth=...).
        """
        if options is None:
            options = LoadOptions(**limits)
        path = _os.fspath(path)
        return cls(_load(lambda o: _c.mediate_policy_load_file(path, o), options))

    @classmethod
    def loads(cls, data, name=None, options=None, **limits):
        """Loads a policy from YAML text (str) or bytes; name is used in errors."""
        if options is None:
            options = LoadOptions(**limits)
        return cls(_load(lambda o: _c.mediate_policy_load_buffer(data, name, o), options))

    @classmethod
    def check(cls, path, options=None, **limits):
        """Every error of the policy file at path ([] when it is valid)."""
        try:
            cls.load(path, options, **limits).close()
        except Error as e:
            return e.errors
        return []

    @property
    def name(self):
        """The policy's name (policy.name)."""
        return _c.mediate_policy_name(self._handle())

    @property
    def version(self):
        """The policy's version text, or None."""
        return _c.mediate_policy_version(self._handle())

    @property
    def language(self):
        """The default language of names ("zh")."""
        return _c.mediate_policy_language(self._handle())

    def category(self, code):
        """The category with this code, or None."""
        return self.categories.get(code)

    def unit(self, code):
        """The unit with this code, or None."""
        return self.units.get(code)

    def __repr__(self):
        if self._ptr is None:
            return "<Policy (closed)>"
        return "<Policy %r %s: %d categories, %d units>" % (
            self.name, self.version, len(self.categories), len(self.units))

from .case import Case, load_cases, dump_cases  # noqa: E402,F401  (cases: see mediate.case)
from .grade import *  # noqa: E402,F401,F403  (grading: Level, grade, grade_batch)
from .route import Calendar, Route, Order, RouteEvent, AuditEntry, verify_audit  # noqa: E402,F401  (see mediate.route)
from .route_store import RouteStore  # noqa: E402,F401  (the engine journaled in SQLite: see mediate.route_store)
from .roster import Roster  # noqa: E402,F401  (mediators and the menu: see mediate.roster)
from .match import Matcher  # noqa: E402,F401  (rank, batch, teams, nearest: see mediate.match)
from .pay import Payroll, Payslip  # noqa: E402,F401  (payroll and payslips: see mediate.pay)
