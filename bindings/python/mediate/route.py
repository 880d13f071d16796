# SPDX-License-Identifier: MIT
"""Whistle -> dispatch -> report (吹哨-派单-报到): working-time calendars,
the routing engine, its orders, timers, audit chain and metrics.

A village or community raises a whistle; the town dispatch centre (or the
policy's routing rules) sends the order to a lead department and assisting
departments; each acknowledges, reports in on site and finishes within SLA
deadlines measured on a working-time :class:`Calendar`; the raising unit
rates each department and confirms, or reopens.  The engine keeps no clock:
every step takes the time ``now`` and :meth:`Route.tick` hands back the
warnings, breaches and escalations that fell due, earliest first.

    >>> import mediate
    >>> from mediate.route import Route
    >>> T = mediate.time_parse
    >>> with mediate.Policy.load("examples/data/county.yaml") as p, \\
    ...         Route(p, key=b"32 bytes of the county audit key") as r:   # doctest: +SKIP
    ...     o = r.whistle("YZ-JS-ZMT", "public.streetscape", T("2026-11-06T16:00:00+08:00"),
    ...                   raiser="走马塘村网格员 陈海燕", place="走马塘村老街", urgency="normal")
    ...     o.dispatch(T("2026-11-06T16:05:00+08:00"), "姜山镇派单员 王立")   # by the rules
    ...     [t.department for t in o.tasks]
    ['YZ-JS-ZF', 'YZ-JS-CJ']
    ...     for e in r.tick(T("2026-11-09T12:00:00+08:00")):
    ...         print(e.kind, e.department, e.target, e.step, mediate.time_format(e.due))

Conventions, as in :mod:`mediate.case`: times are ``int`` seconds since
the epoch, UTC (an aware :class:`datetime.datetime` is accepted wherever a
time goes in; :func:`mediate.time_to_datetime` converts back); enumerations
are the names the C API uses ("urgent", "on_site", "not_our_duty",
"basically_satisfied", "report_up"...), and the C values are accepted too;
order numbers are ``int`` (1, 2, ...).  Every failure raises a
:class:`mediate.Error` subclass: an impossible step raises
:class:`mediate.InvalidState` and changes nothing, an unknown order or
department :class:`mediate.NotFound`, a tampered audit trail
:class:`mediate.TamperDetected` (with ``index``, the first bad entry).
"""

import collections as _collections
import datetime as _datetime

from . import capi as _c
from ._owner import Owner as _Owner
from . import time_from_datetime as _time_from_datetime
from ._errors import ErrorInfo, InvalidArgument, InvalidState, NotFound, OutOfMemory

__all__ = ["Calendar", "Route", "Order", "Task", "RouteEvent", "AuditEntry", "Audit", "Metrics",
           "calendars", "verify_audit",
           "URGENCIES", "ORDER_STATES", "TASK_STATES", "ROLES", "TARGETS", "ESCALATIONS",
           "RETURN_REASONS", "SATISFACTIONS", "DISPATCH_LEVELS", "EVENT_KINDS", "DAY_KINDS"]


def _names(namefn, first, last):
    return tuple(namefn(v) for v in range(first, last + 1))


#: Urgencies: "normal" (一般), "urgent" (紧急), "critical" (特急).
URGENCIES = _names(_c.mediate_urgency_name, _c.MEDIATE_URGENCY_NORMAL, _c.MEDIATE_URGENCY_CRITICAL)
#: Order states: "pending", "dispatched", "finished", "closed".
ORDER_STATES = _names(_c.mediate_order_state_name, _c.MEDIATE_ORDER_PENDING, _c.MEDIATE_ORDER_CLOSED)
#: Department task states: "assigned", "acknowledged", "on_site", "finished", "returned", "rerouted".
TASK_STATES = _names(_c.mediate_task_state_name, _c.MEDIATE_TASK_ASSIGNED, _c.MEDIATE_TASK_REROUTED)
#: Escalation steps: "reminder" (提醒), "supervision" (督办), "report_up" (上报).
ESCALATIONS = _names(_c.mediate_escalation_name, _c.MEDIATE_ESCALATE_REMINDER, _c.MEDIATE_ESCALATE_REPORT_UP)
#: Reasons of a return (退单): "not_our_duty", "outside_area", "insufficient", "duplicate".
RETURN_REASONS = _names(_c.mediate_return_reason_name, _c.MEDIATE_RETURN_NOT_OUR_DUTY,
                        _c.MEDIATE_RETURN_DUPLICATE)
#: Ratings: "satisfied" (满意), "basically_satisfied" (基本满意), "dissatisfied" (不满意).
SATISFACTIONS = _names(_c.mediate_satisfaction_name, _c.MEDIATE_SATISFIED, _c.MEDIATE_DISSATISFIED)

# The C API has no name functions for these: the names of their enum constants.
#: Roles of a department in an order.
ROLES = ("lead", "assist")
#: The three deadlines of a task, in the order of Task.due and Task.done.
TARGETS = ("acknowledge", "check_in", "finish")
#: Dispatch levels.
DISPATCH_LEVELS = ("town", "county")
#: Kinds of timer events.
EVENT_KINDS = ("warning", "breach", "escalation")
#: Kinds of calendar days ("makeup" is a make-up working day, 调休).
DAY_KINDS = ("working", "rest", "holiday", "makeup")

_ROLE_VALUES = (_c.MEDIATE_ROLE_LEAD, _c.MEDIATE_ROLE_ASSIST)
_TARGET_VALUES = (_c.MEDIATE_TARGET_ACKNOWLEDGE, _c.MEDIATE_TARGET_CHECK_IN, _c.MEDIATE_TARGET_FINISH)
_LEVEL_VALUES = (_c.MEDIATE_LEVEL_TOWN, _c.MEDIATE_LEVEL_COUNTY)
_EVENT_VALUES = (_c.MEDIATE_EVENT_WARNING, _c.MEDIATE_EVENT_BREACH, _c.MEDIATE_EVENT_ESCALATION)
_DAY_VALUES = (_c.MEDIATE_DAY_WORKING, _c.MEDIATE_DAY_REST, _c.MEDIATE_DAY_HOLIDAY, _c.MEDIATE_DAY_MAKEUP)


def _name_of(names, values, v):
    """The name of the C value v in a table, None for 0, the int if unknown."""
    if not v:
        return None
    for name, value in zip(names, values):
        if value == v:
            return name
    return int(v)


def _value_of(names, values, what, x):
    """The C value of a name (or an int given as it is); InvalidArgument if unknown."""
    if isinstance(x, str):
        for name, value in zip(names, values):
            if name == x:
                return value
        raise _invalid("unknown %s %r (known: %s)" % (what, x, ", ".join(names)))
    return int(x)


def _invalid(text):
    return InvalidArgument(ErrorInfo(_c.MEDIATE_EINVAL, text=text))


def _parsed(parse, x):
    """A C enum value from its name (the library's parser) or an int."""
    return parse(x) if isinstance(x, str) else int(x)


def _t(x):
    """Seconds since the epoch from an int or an aware datetime."""
    if isinstance(x, _datetime.datetime):
        return _time_from_datetime(x)
    if isinstance(x, bool) or not isinstance(x, int):
        raise TypeError("a time is int seconds since the epoch or an aware datetime, not %s"
                        % type(x).__name__)
    return x


def _opt(t):
    return t if t else None


# ---- calendars ----

class Calendar:
    """A working-time calendar of a policy (section ``calendars``).

    Working hours per weekday, public holidays and make-up working days
    (调休) per year, and the UTC offset the hours are written in.  Borrowed
    from its policy, which it keeps alive; using it after the policy is
    closed raises InvalidState.  Get one with ``Calendar(policy, code)``,
    :meth:`find` or :func:`calendars`.
    """

    __slots__ = ("_policy", "_ptr")

    def __init__(self, policy, code):
        """The calendar ``code`` of policy; NotFound when there is none."""
        ptr = _c.mediate_policy_calendar_find(policy._handle(), code)
        if ptr is None:
            raise NotFound(ErrorInfo(_c.MEDIATE_ENOTFOUND, text="no calendar %r in the policy" % (code,)))
        self._policy, self._ptr = policy, ptr

    @classmethod
    def _of(cls, policy, ptr):
        cal = cls.__new__(cls)
        cal._policy, cal._ptr = policy, ptr
        return cal

    @classmethod
    def find(cls, policy, code):
        """The calendar ``code`` of policy, or None."""
        ptr = _c.mediate_policy_calendar_find(policy._handle(), code)
        return cls._of(policy, ptr) if ptr is not None else None

    def _p(self):
        self._policy._handle()       # raises once the policy is closed
        return self._ptr

    @property
    def policy(self):
        return self._policy

    @property
    def code(self):
        """The code ("cn-office")."""
        return _c.mediate_calendar_code(self._p())

    def name(self, lang=None):
        """The name in lang ("zh", "en"), falling back to the policy's language."""
        return _c.mediate_calendar_name(self._p(), lang)

    @property
    def offset(self):
        """The UTC offset of the hours, in minutes east of UTC (480 for +08:00)."""
        return _c.mediate_calendar_offset(self._p())

    @property
    def tzinfo(self):
        """The offset as a :class:`datetime.timezone`."""
        return _datetime.timezone(_datetime.timedelta(minutes=self.offset))

    def day_kind(self, year, month=None, day=None):
        """The kind of a civil date: "working", "rest", "holiday" or "makeup" (调休).

        Takes ``(year, month, day)`` or one :class:`datetime.date`.
        """
        if isinstance(year, _datetime.date):
            year, month, day = year.year, year.month, year.day
        return _name_of(DAY_KINDS, _DAY_VALUES, _c.mediate_calendar_day_kind(self._p(), year, month, day))

    def is_working_day(self, year, month=None, day=None):
        """True for an ordinary working day or a make-up working day."""
        return self.day_kind(year, month, day) in ("working", "makeup")

    def add_minutes(self, t, minutes):
        """The instant at which ``minutes`` working minutes have elapsed since t.

        A deadline at the very end of a working period is that end (17:30),
        not the start of the next one; 0 minutes gives t.
        """
        return _c.mediate_calendar_add_minutes(self._p(), _t(t), minutes)

    def add_hours(self, t, hours):
        """add_minutes(t, 60 * hours)."""
        return self.add_minutes(t, 60 * hours)

    def minutes_between(self, start, end):
        """Working minutes from start to end (negative when end < start)."""
        return _c.mediate_calendar_minutes_between(self._p(), _t(start), _t(end))

    def next_working(self, t):
        """t itself when it is working time, else the instant work next starts."""
        return _c.mediate_calendar_next_working(self._p(), _t(t))

    def is_working_time(self, t):
        """True when t falls in working hours of a working (or make-up) day."""
        t = _t(t)
        return self.next_working(t) == t

    def __eq__(self, other):
        return isinstance(other, Calendar) and other._policy is self._policy and other._ptr == self._ptr

    def __hash__(self):
        return hash((id(self._policy), self.code))

    def __repr__(self):
        if self._policy.closed:
            return "<Calendar of a closed policy>"
        return "<Calendar %s %s %+03d:%02d>" % (self.code, self.name(), self.offset // 60, abs(self.offset) % 60)


def calendars(policy):
    """Every calendar of the policy, in document order."""
    h = policy._handle()
    return [Calendar._of(policy, _c.mediate_policy_calendar_at(h, i))
            for i in range(_c.mediate_policy_calendar_count(h))]


# ---- values read from the engine ----

class Task(_collections.namedtuple("Task", "department role state forced paused extension_pending "
                                           "extended_minutes started due done rating")):
    """A department's task in an order, as it was when read (a value).

    ``role`` is "lead" or "assist"; ``state`` a name of :data:`TASK_STATES`;
    ``forced`` (dispatched by a final decision), ``paused`` and
    ``extension_pending`` are bools; ``extended_minutes`` the approved
    extensions; ``started`` the start of the current clocks; ``due`` and
    ``done`` dicts by target ("acknowledge", "check_in", "finish") of the
    deadline still running (None once met, while paused or not yet
    started) and of when each was met (None); ``rating`` a name of
    :data:`SATISFACTIONS` or None.
    """
    __slots__ = ()

    @classmethod
    def _read(cls, info):
        return cls(info.department, _name_of(ROLES, _ROLE_VALUES, info.role),
                   _c.mediate_task_state_name(info.state), bool(info.forced), bool(info.paused),
                   bool(info.extension_pending), info.extended_minutes, info.started,
                   dict(zip(TARGETS, (_opt(t) for t in info.due))),
                   dict(zip(TARGETS, (_opt(t) for t in info.done))),
                   _c.mediate_satisfaction_name(info.rating) if info.rating else None)

    @property
    def open(self):
        """True while the department still works on it (not finished, returned or rerouted)."""
        return self.state in ("assigned", "acknowledged", "on_site")


class RouteEvent(_collections.namedtuple("RouteEvent", "kind order department target step due")):
    """A timer event from :meth:`Route.tick` (a value).

    ``kind``: "warning" (the SLA's warning share of the time is used),
    "breach" (the deadline passed) or "escalation" (a step of the ladder:
    ``step`` is "reminder", "supervision" or "report_up", else None);
    ``order`` the order number; ``department`` the task's department code;
    ``target`` "acknowledge", "check_in" or "finish"; ``due`` the instant
    it fell due.
    """
    __slots__ = ()

    @classmethod
    def _read(cls, e):
        return cls(_name_of(EVENT_KINDS, _EVENT_VALUES, e.kind), e.order, e.department,
                   _name_of(TARGETS, _TARGET_VALUES, e.target),
                   _c.mediate_escalation_name(e.step) if e.step else None, e.due)


class AuditEntry(_collections.namedtuple("AuditEntry", "seq time order actor unit department action "
                                                       "from_state to_state details due hash")):
    """One entry of an audit trail (a value, safe to store and compare).

    ``seq`` counts from 1; ``time`` when it happened; ``order`` the order
    number; ``actor``, ``unit`` (the unit that acted), ``department`` (the
    task concerned, or ""), ``action`` ("whistle", "dispatch",
    "acknowledge", ... "escalate"), ``from_state`` and ``to_state`` ("" for
    none), ``details``, ``due`` (the step's deadline then, or 0) and
    ``hash``: 32 bytes, the keyed hash of the entry and its predecessor.
    An edited copy (``entry._replace(details=...)``) no longer verifies.
    """
    __slots__ = ()

    @classmethod
    def _read(cls, e):
        return cls(e.seq, e.time, e.order, e.actor, e.unit, e.department, e.action, e._from, e.to,
                   e.details, e.due, e.hash)


class Metrics(_collections.namedtuple("Metrics", "dispatched acknowledged acknowledged_in_time finished "
                                                 "finished_in_time acknowledge_missed finish_missed "
                                                 "rated satisfied basically_satisfied "
                                                 "dissatisfied returns extensions_requested "
                                                 "extensions_approved escalations reopens response_rate "
                                                 "resolution_rate satisfaction_rate")):
    """Metrics of a period from the audit trail (a value).

    Counts of tasks dispatched, acknowledged (in time), finished (in time),
    missed (a deadline that passed in the period, not met by its end),
    rated (satisfied / basically / dissatisfied), returns, extensions
    requested and approved, escalations and reopens; and the three rates:
    ``response_rate`` (acknowledged in time / (acknowledged +
    acknowledge_missed)), ``resolution_rate`` (finished in time /
    (finished + finish_missed)) and
    ``satisfaction_rate`` ((satisfied + basically) / rated), 0.0 when
    nothing was counted.
    """
    __slots__ = ()

    @classmethod
    def _read(cls, m):
        return cls(*(getattr(m, f) for f in cls._fields))


def verify_audit(entries, head, key):
    """Verifies a trail of :class:`AuditEntry` values against a stored head.

    entries: the whole trail in order (as read from :attr:`Route.audit` and
    kept, or read back from the application's storage); head: the 32-byte
    hash of the last entry stored apart (:attr:`Audit.head`); key: the
    audit key (bytes).  Returns the number of entries.  Raises
    :class:`mediate.TamperDetected` for any edited, removed, inserted,
    reordered or cut-off entry, with ``index`` the first entry that fails
    (``len(entries)`` when the tail was cut off).
    """
    entries = list(entries)
    trail = _c.mbind_audit_new(len(entries))
    if trail is None:
        raise OutOfMemory(ErrorInfo(_c.MEDIATE_ENOMEM, text="out of memory"))
    try:
        for i, e in enumerate(entries):
            _c.mbind_audit_set(trail, i, e.seq, e.time, e.order, e.actor, e.unit, e.department, e.action,
                               e.from_state, e.to_state, e.details, e.due, bytes(e.hash))
        return _c.mbind_audit_verify(trail, head, key)
    finally:
        _c.mbind_audit_free(trail)


# ---- the engine ----

class Audit:
    """The audit trail of a :class:`Route`: a read-only sequence of
    :class:`AuditEntry` values (``len``, indexing, slices, iteration).

    Store :attr:`head` apart from the trail (a separate database, a
    signed report...): :meth:`verify` against it detects any edited,
    removed, reordered or cut-off entry.
    """

    __slots__ = ("_route",)

    def __init__(self, route):
        self._route = route

    def __len__(self):
        return _c.mediate_route_audit_count(self._route._handle())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("audit index out of range")
        return AuditEntry._read(_c.mediate_route_audit_at(self._route._handle(), index))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    @property
    def head(self):
        """The hash of the last entry (32 bytes; all zero for an empty trail)."""
        return _c.mediate_route_audit_head(self._route._handle())

    def verify(self, head=None):
        """Verifies the engine's trail against head (default: the current head).

        Returns the number of entries; raises TamperDetected (``index`` set).
        """
        h = self._route._handle()
        n = _c.mediate_route_audit_count(h)
        entries = [_c.mediate_route_audit_at(h, i) for i in range(n)]   # borrowed, used at once
        return _c.mediate_audit_verify(entries, self.head if head is None else head, self._route._key)

    def for_order(self, number):
        """The entries of one order."""
        return [e for e in self if e.order == number]

    def __repr__(self):
        return "<Audit of %d entries>" % len(self)


class Route(_Owner):
    """The whistle -> dispatch -> report engine over a policy.

    ``Route(policy, key)``: policy (kept alive by the engine) must have an
    ``sla`` section and may have ``routing``; key (bytes, 16 to 64) keys the
    audit chain.  Use it as a context manager or call :meth:`close`.  One
    engine, one thread at a time; times must not go backwards.
    """

    def __init__(self, policy, key):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("the audit key must be bytes")
        self._key = bytes(key)
        self._ptr = _c.mediate_route_new(policy._handle(), self._key)
        self._policy = policy
        self.audit = Audit(self)      # the audit trail

    @classmethod
    def _view(cls, owner, policy, ptr, key):
        """A read-only Route over an engine that ``owner`` owns and changes
        itself (a persistent store that journals every step): the queries,
        the audit trail and the metrics work; whistle, tick and the steps of
        an order raise InvalidState.  owner must have ``_handle()``, which
        raises once it is closed; the view keeps owner alive."""
        self = cls.__new__(cls)
        self._key = bytes(key)
        self._ptr = ptr
        self._policy = policy
        self._owner = owner
        self.audit = Audit(self)
        return self

    _owner = None     # set on a view: the owner of the engine

    _what = "route engine"

    def _handle(self):
        ptr = _Owner._handle(self)
        if self._owner is not None:
            self._owner._handle()    # raises once the owner is closed
        return ptr

    def _release(self, ptr):
        if self._owner is None:      # a view's engine is its owner's
            _c.mediate_route_free(ptr)

    def _writable(self):
        h = self._handle()
        if self._owner is not None:
            raise InvalidState(ErrorInfo(_c.MEDIATE_ESTATE,
                                         text="a read-only view of the engine: change it through its owner"))
        return h

    @property
    def policy(self):
        return self._policy

    def __repr__(self):
        if self._ptr is None:
            return "<Route closed>"
        return "<Route %d orders, %d audit entries>" % (len(self), len(self.audit))

    # ---- orders ----

    def whistle(self, unit, category, time, raiser, urgency="normal", place=None, description=None,
                case_id=None):
        """Raises a whistle; returns the new :class:`Order` (PENDING).

        unit: the raising village, community or grid (unit code); category:
        a category code; time: when it was raised; raiser: who raised it;
        urgency: "normal", "urgent" or "critical"; place, description and
        the linked case id are optional.
        """
        number = _c.mbind_route_whistle(self._writable(), unit, raiser, category,
                                        _parsed(_c.mediate_urgency_parse, urgency), place, description,
                                        case_id, _t(time))
        return Order(self, number)

    def order(self, number):
        """The order with that number; NotFound when there is none."""
        if not 1 <= number <= len(self):
            raise NotFound(ErrorInfo(_c.MEDIATE_ENOTFOUND, text="route: no order %d" % number))
        return Order(self, number)

    def __len__(self):
        """The number of orders raised."""
        return _c.mediate_route_order_count(self._handle())

    @property
    def orders(self):
        """Every order, oldest first."""
        return [Order(self, n) for n in range(1, len(self) + 1)]

    def __iter__(self):
        return iter(self.orders)

    # ---- timers ----

    def tick(self, now, limit=None):
        """The warnings, breaches and escalations due at or before now.

        A list of :class:`RouteEvent`, earliest first (ties in the order
        their timers were set).  With limit, at most that many: the rest
        stay due for the next call.  now must not go backwards.
        """
        now = _t(now)
        h = self._writable()
        if limit is not None:
            return [RouteEvent._read(e) for e in _c.mediate_route_tick(h, now, limit)]
        out, batch = [], 256
        while True:
            got = _c.mediate_route_tick(h, now, batch)
            out.extend(RouteEvent._read(e) for e in got)
            if len(got) < batch:
                return out

    # ---- metrics ----

    def metrics(self, start, end, department=None):
        """:class:`Metrics` of the audit entries with start <= time < end,
        for one department (unit code) or all (None)."""
        return Metrics._read(_c.mediate_route_metrics_get(self._handle(), department, _t(start), _t(end)))

    def whistle_count(self, unit, start, end):
        """Whistles raised by unit or any unit below it in [start, end) (the whistle rate)."""
        return _c.mediate_route_whistle_count(self._handle(), unit, _t(start), _t(end))


class Order:
    """One order of a :class:`Route` (a live view: properties read the
    engine each time).  Every step takes ``now`` and the ``actor`` (the
    person acting); department steps take the department's unit code first.
    """

    __slots__ = ("_route", "number")

    def __init__(self, route, number):
        self._route = route
        self.number = number          # 1, 2, ...

    def _h(self):
        return self._route._handle()

    def _w(self):
        return self._route._writable()

    def _info(self):
        return _c.mediate_route_order_info(self._h(), self.number)

    @property
    def route(self):
        return self._route

    def __eq__(self, other):
        return isinstance(other, Order) and other._route is self._route and other.number == self.number

    def __hash__(self):
        return hash((id(self._route), self.number))

    def __int__(self):
        return self.number

    def __repr__(self):
        if self._route.closed:
            return "<Order %d of a closed route>" % self.number
        i = self._info()
        return "<Order %d %s %s from %s>" % (self.number, _c.mediate_order_state_name(i.state), i.category, i.unit)

    # ---- what the raiser filed, and where it stands ----

    state = property(lambda self: _c.mediate_order_state_name(self._info().state),
                     doc='"pending", "dispatched", "finished" or "closed".')
    unit = property(lambda self: self._info().unit, doc="The raising unit's code.")
    raiser = property(lambda self: self._info().raiser)
    category = property(lambda self: self._info().category, doc="The category code (changes on recategorize).")
    urgency = property(lambda self: _c.mediate_urgency_name(self._info().urgency))
    place = property(lambda self: self._info().place)
    description = property(lambda self: self._info().description)
    case_id = property(lambda self: self._info().case_id, doc="The linked dispute case, or None.")
    raised = property(lambda self: self._info().raised, doc="When it was raised.")
    supervised = property(lambda self: bool(self._info().supervised), doc="The 督办 flag.")
    reopened = property(lambda self: self._info().reopened, doc="Times reopened.")

    @property
    def level(self):
        """The dispatch level, "town" or "county" (None before dispatch)."""
        return _name_of(DISPATCH_LEVELS, _LEVEL_VALUES, self._info().level)

    @property
    def tasks(self):
        """Every task as a :class:`Task` value, returned and rerouted ones included."""
        h = self._h()
        n = _c.mediate_route_order_info(h, self.number).task_count
        return [Task._read(_c.mediate_route_task_info(h, self.number, i)) for i in range(n)]

    def task(self, department):
        """The current task of a department (the latest one); NotFound if it has none."""
        for t in reversed(self.tasks):
            if t.department == department:
                return t
        raise NotFound(ErrorInfo(_c.MEDIATE_ENOTFOUND,
                                 text="department %r has no task in order %d" % (department, self.number)))

    @property
    def open_tasks(self):
        """The tasks still being worked on."""
        return [t for t in self.tasks if t.open]

    @property
    def audit(self):
        """The audit entries of this order."""
        return self._route.audit.for_order(self.number)

    # ---- the dispatcher ----

    def dispatch(self, now, actor, lead=None, assist=(), level="town"):
        """Dispatches the order.

        Without lead, by the routing rules (first match wins): NotFound when
        no rule matches, and the order stays pending for a manual dispatch.
        With lead, by hand to the lead department, the assisting
        departments ``assist`` and the ``level`` ("town" or "county").
        """
        if lead is None:
            _c.mediate_route_dispatch_auto(self._w(), self.number, _t(now), actor)
        else:
            _c.mediate_route_dispatch(self._w(), self.number, _t(now), actor, lead, list(assist or ()),
                                      _value_of(DISPATCH_LEVELS, _LEVEL_VALUES, "dispatch level", level))

    def reroute(self, department, now, actor, new_department):
        """Sends a returned task to another department (new clocks)."""
        _c.mediate_route_reroute(self._w(), self.number, department, _t(now), actor, new_department)

    def force(self, department, now, actor, note=None):
        """Final decision: the returned task goes back and cannot be returned again."""
        _c.mediate_route_force(self._w(), self.number, department, _t(now), actor, note)

    def decide_extension(self, department, now, actor, approve, note=None):
        """Approves (True) or refuses (False) the pending extension request."""
        _c.mediate_route_extension_decide(self._w(), self.number, department, _t(now), actor,
                                          1 if approve else 0, note)

    def supervise(self, now, actor, on=True):
        """Sets (or clears) the 督办 flag."""
        _c.mediate_route_supervise(self._w(), self.number, _t(now), actor, 1 if on else 0)

    def recategorize(self, now, actor, category, urgency=None):
        """New category (and urgency, default unchanged): the SLA is re-picked,
        the pause ledger and extensions are kept."""
        u = self._info().urgency if urgency is None else _parsed(_c.mediate_urgency_parse, urgency)
        _c.mediate_route_recategorize(self._w(), self.number, _t(now), actor, category, u)

    # ---- the departments ----

    def acknowledge(self, department, now, actor):
        """The department acknowledges (签收)."""
        _c.mediate_route_acknowledge(self._w(), self.number, department, _t(now), actor)

    def check_in(self, department, now, actor):
        """The department reports in on site (报到)."""
        _c.mediate_route_check_in(self._w(), self.number, department, _t(now), actor)

    def progress(self, department, now, actor, note):
        """A progress note (the task's state does not change)."""
        _c.mediate_route_progress(self._w(), self.number, department, _t(now), actor, note)

    def finish(self, department, now, actor, result):
        """The department finishes with a result."""
        _c.mediate_route_finish(self._w(), self.number, department, _t(now), actor, result)

    def return_(self, department, now, actor, reason, note=None):
        """退单: the department returns a wrongly routed task (only before
        arriving on site, never after a forced dispatch).  reason: a name of
        :data:`RETURN_REASONS`."""
        _c.mediate_route_return(self._w(), self.number, department, _t(now), actor,
                                _parsed(_c.mediate_return_reason_parse, reason), note)

    def request_extension(self, department, now, actor, minutes, reason):
        """Asks for ``minutes`` more to finish (in the SLA's time)."""
        _c.mediate_route_extension_request(self._w(), self.number, department, _t(now), actor, minutes, reason)

    def pause(self, department, now, actor, reason=None):
        """Stops the task's clocks while waiting on the raiser."""
        _c.mediate_route_pause(self._w(), self.number, department, _t(now), actor, reason)

    def resume(self, department, now, actor):
        """Restarts the task's clocks."""
        _c.mediate_route_resume(self._w(), self.number, department, _t(now), actor)

    # ---- the raising unit ----

    def rate(self, department, now, actor, rating):
        """Rates a finished department: "satisfied", "basically_satisfied" or "dissatisfied"."""
        _c.mediate_route_rate(self._w(), self.number, department, _t(now), actor,
                              _parsed(_c.mediate_satisfaction_parse, rating))

    def confirm(self, now, actor):
        """Confirms a finished order: it is closed."""
        _c.mediate_route_confirm(self._w(), self.number, _t(now), actor)

    def reopen(self, now, actor, reason):
        """Sends a finished order back: a redo with new clocks."""
        _c.mediate_route_reopen(self._w(), self.number, _t(now), actor, reason)
