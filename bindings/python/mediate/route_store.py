# SPDX-License-Identifier: MIT
"""The whistle -> dispatch -> report engine kept in an SQLite database
(mediate_route_store_open(3)).

Every successful step made through a :class:`RouteStore` is journaled, and
opening the store replays the journal, checking each row's keyed hash and
the audit head after it: the orders, tasks, clocks and audit trail come
back exactly as they were.  An edited database raises
:class:`mediate.TamperDetected`; one written under another policy (name or
version) or with another audit key raises :class:`mediate.Refused`.

    >>> import mediate
    >>> from mediate.route_store import RouteStore
    >>> T = mediate.time_parse
    >>> with mediate.Policy.load("examples/data/county.yaml") as p, \\
    ...         RouteStore.open(p, "route.db", key) as s:                   # doctest: +SKIP
    ...     o = s.whistle("YZ-ZH-SZQ-G01", "public.road", T("2026-11-02T09:10:00+08:00"),
    ...                   raiser="网格员 俞丽娟", place="宋诏桥路12号")
    ...     s.dispatch(o, T("2026-11-02T09:20:00+08:00"), "派单员 郑洁")     # by the rules
    ...     s.acknowledge(o, "YZ-ZH-CJ", T("2026-11-02T10:05:00+08:00"), "城建办 徐斌")
    ...     s.route.order(o).state                                          # queries
    'dispatched'

The steps take the order number (or an :class:`mediate.route.Order` of
:attr:`RouteStore.route`) and then the same arguments, with the same names
and enumeration spellings, as the methods of :class:`mediate.route.Order`.
A refused step raises (:class:`mediate.InvalidState` for an impossible
one) and journals nothing; when the database cannot be written the step
raises :class:`mediate.StoreError` and nothing changes.
"""

import operator as _operator
import os as _os
import weakref as _weakref

from . import capi as _c
from ._owner import Owner as _Owner
# The conversions of names and times are route.py's own, so both accept the same.
from .route import Route, Order, RouteEvent, DISPATCH_LEVELS, _LEVEL_VALUES, _parsed, _t, _value_of

__all__ = ["RouteStore"]


def _number(order):
    """The order number of an int or an Order."""
    if isinstance(order, Order):
        return order.number
    if isinstance(order, bool):
        raise TypeError("an order is an int order number or an Order, not bool")
    return _operator.index(order)


class RouteStore(_Owner):
    """The whistle -> dispatch -> report engine journaled in SQLite.

    Open with :meth:`open` (the database is created when missing;
    ``":memory:"`` gives a store that lives as long as the object); use it
    as a context manager or call :meth:`close` (every step is already
    committed; closing twice is fine).  The policy is kept alive by the
    store and must not be closed before it: once it is, every use of the
    store raises InvalidState.

    The journaled steps (:meth:`whistle`, :meth:`dispatch`,
    :meth:`acknowledge`, ..., :meth:`tick`) each append one row to the
    journal (:attr:`journal_count`).  :attr:`route` is a read-only
    :class:`mediate.route.Route` for the queries, the audit trail and the
    metrics.  Several processes may share one database: each step first
    replays the rows the others appended (:meth:`refresh` does only that).
    One store, one thread at a time; times must not go backwards.
    """

    _what = "route store"
    _free = staticmethod(_c.mediate_route_store_close)

    def __init__(self, policy, path, key):
        """Opens the store at path for policy with the audit key; see :meth:`open`."""
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("the audit key must be bytes")
        path = _os.fspath(path)
        self._key = bytes(key)
        self._policy = policy
        self._path = path
        self._view_ref = None      # a weak reference to the view handed out last (see route)
        self._ptr = _c.mediate_route_store_open(policy._handle(), path, self._key)

    @classmethod
    def open(cls, policy, path, key):
        """Opens the store at path (str or path-like; created when missing,
        ``":memory:"`` for one in memory) for a :class:`mediate.Policy`, with
        the key of the audit chain (bytes, 16 to 64), and replays its journal.

        Raises :class:`mediate.TamperDetected` for an edited journal,
        :class:`mediate.Refused` for a store of another policy (name or
        version) or another key, :class:`mediate.StoreError` for a file that
        is not a route store and :class:`mediate.InvalidArgument` for a
        bad key or a policy without an ``sla`` section.
        """
        return cls(policy, path, key)

    # ---- lifetime ----

    def _handle(self):
        ptr = _Owner._handle(self)
        self._policy._handle()     # the C store borrows the policy: refuse once it is closed
        return ptr

    def _engine(self):
        return _c.mediate_route_store_route(self._handle())

    def _live_view(self):
        v = self._view_ref() if self._view_ref is not None else None
        return v if v is not None and v._ptr is not None else None

    def _sync(self):
        # A step whose row cannot be written (StoreError) rebuilds the engine
        # from the database and frees the old one: the view must follow.
        v = self._live_view()
        if v is not None and self._ptr is not None:
            v._ptr = _c.mediate_route_store_route(self._ptr)

    def _call(self, fn, *args):
        h = self._handle()
        try:
            return fn(h, *args)
        finally:
            self._sync()

    @property
    def route(self):
        """A read-only :class:`mediate.route.Route` over the store's engine:
        orders, tasks, the audit trail and the metrics.  Its steps, whistle
        and tick raise InvalidState (change the store instead); it keeps the
        store alive, and raises InvalidState once the store is closed."""
        h = self._handle()
        v = self._live_view()
        if v is None:      # first use, or the last view was dropped or closed
            v = Route._view(self, self._policy, _c.mediate_route_store_route(h), self._key)
            # Weak: the view keeps the store alive, not the other way round.
            self._view_ref = _weakref.ref(v)
        return v

    @property
    def policy(self):
        """The policy of the store."""
        return self._policy

    @property
    def path(self):
        """The path the store was opened at."""
        return self._path

    @property
    def journal_count(self):
        """The rows of the journal: the successful steps so far, ticks that
        handed back events included."""
        return _c.mediate_route_store_journal_count(self._handle())

    def refresh(self):
        """Replays the steps other connections appended since this store last looked."""
        self._call(_c.mediate_route_store_refresh)

    def __repr__(self):
        if self._ptr is None:
            return "<RouteStore closed>"
        if self._policy.closed:
            return "<RouteStore %r of a closed policy>" % (self._path,)
        return "<RouteStore %r: %d orders, %d journal rows>" % (
            self._path, _c.mediate_route_order_count(self._engine()), self.journal_count)

    def close(self):
        """Closes the database (every step is already committed).  Safe to call twice."""
        _Owner.close(self)

    # ---- orders ----

    def whistle(self, unit, category, time, raiser, urgency="normal", place=None, description=None,
                case_id=None):
        """Raises a whistle and journals it; returns the new order's number (1, 2, ...).

        unit: the raising village, community or grid (unit code); category:
        a category code; time: when it was raised; raiser: who raised it;
        urgency: "normal", "urgent" or "critical"; place, description and
        the linked case id are optional.
        """
        return self._call(_c.mbind_route_store_whistle, unit, raiser, category,
                          _parsed(_c.mediate_urgency_parse, urgency), place, description, case_id, _t(time))

    # ---- the dispatcher ----

    def dispatch(self, order, now, actor, lead=None, assist=(), level="town"):
        """Dispatches the order.

        Without lead, by the routing rules (first match wins): NotFound when
        no rule matches, and the order stays pending for a manual dispatch.
        With lead, by hand to the lead department, the assisting
        departments ``assist`` and the ``level`` ("town" or "county").
        """
        if lead is None:
            self._call(_c.mediate_route_store_dispatch_auto, _number(order), _t(now), actor)
        else:
            self._call(_c.mediate_route_store_dispatch, _number(order), _t(now), actor, lead,
                       list(assist or ()), _value_of(DISPATCH_LEVELS, _LEVEL_VALUES, "dispatch level", level))

    def reroute(self, order, department, now, actor, new_department):
        """Sends a returned task to another department (new clocks)."""
        self._call(_c.mediate_route_store_reroute, _number(order), department, _t(now), actor, new_department)

    def force(self, order, department, now, actor, note=None):
        """Final decision: the returned task goes back and cannot be returned again."""
        self._call(_c.mediate_route_store_force, _number(order), department, _t(now), actor, note)

    def decide_extension(self, order, department, now, actor, approve, note=None):
        """Approves (True) or refuses (False) the pending extension request."""
        self._call(_c.mediate_route_store_extension_decide, _number(order), department, _t(now), actor,
                   1 if approve else 0, note)

    def supervise(self, order, now, actor, on=True):
        """Sets (or clears) the 督办 flag."""
        self._call(_c.mediate_route_store_supervise, _number(order), _t(now), actor, 1 if on else 0)

    def recategorize(self, order, now, actor, category, urgency=None):
        """New category (and urgency, default unchanged): the SLA is re-picked,
        the pause ledger and extensions are kept."""
        number = _number(order)
        if urgency is None:
            u = _c.mediate_route_order_info(self._engine(), number).urgency
        else:
            u = _parsed(_c.mediate_urgency_parse, urgency)
        self._call(_c.mediate_route_store_recategorize, number, _t(now), actor, category, u)

    # ---- the departments ----

    def acknowledge(self, order, department, now, actor):
        """The department acknowledges (签收)."""
        self._call(_c.mediate_route_store_acknowledge, _number(order), department, _t(now), actor)

    def check_in(self, order, department, now, actor):
        """The department reports in on site (报到)."""
        self._call(_c.mediate_route_store_check_in, _number(order), department, _t(now), actor)

    def progress(self, order, department, now, actor, note):
        """A progress note (the task's state does not change)."""
        self._call(_c.mediate_route_store_progress, _number(order), department, _t(now), actor, note)

    def finish(self, order, department, now, actor, result):
        """The department finishes with a result."""
        self._call(_c.mediate_route_store_finish, _number(order), department, _t(now), actor, result)

    def return_(self, order, department, now, actor, reason, note=None):
        """退单: the department returns a wrongly routed task (only before
        arriving on site, never after a forced dispatch).  reason: a name of
        :data:`mediate.route.RETURN_REASONS` ("not_our_duty", ...)."""
        self._call(_c.mediate_route_store_return, _number(order), department, _t(now), actor,
                   _parsed(_c.mediate_return_reason_parse, reason), note)

    def request_extension(self, order, department, now, actor, minutes, reason):
        """Asks for ``minutes`` more to finish (in the SLA's time)."""
        self._call(_c.mediate_route_store_extension_request, _number(order), department, _t(now), actor,
                   minutes, reason)

    def pause(self, order, department, now, actor, reason=None):
        """Stops the task's clocks while waiting on the raiser."""
        self._call(_c.mediate_route_store_pause, _number(order), department, _t(now), actor, reason)

    def resume(self, order, department, now, actor):
        """Restarts the task's clocks."""
        self._call(_c.mediate_route_store_resume, _number(order), department, _t(now), actor)

    # ---- the raising unit ----

    def rate(self, order, department, now, actor, rating):
        """Rates a finished department: "satisfied", "basically_satisfied" or "dissatisfied"."""
        self._call(_c.mediate_route_store_rate, _number(order), department, _t(now), actor,
                   _parsed(_c.mediate_satisfaction_parse, rating))

    def confirm(self, order, now, actor):
        """Confirms a finished order: it is closed."""
        self._call(_c.mediate_route_store_confirm, _number(order), _t(now), actor)

    def reopen(self, order, now, actor, reason):
        """Sends a finished order back: a redo with new clocks."""
        self._call(_c.mediate_route_store_reopen, _number(order), _t(now), actor, reason)

    # ---- timers ----

    def tick(self, now, limit=None):
        """The warnings, breaches and escalations due at or before now.

        A list of :class:`mediate.route.RouteEvent`, earliest first (ties in
        the order their timers were set).  With limit, at most that many:
        the rest stay due for the next call.  A call that hands back events
        is journaled (one row; without limit, one row per batch of 256
        events), so an event is handed back once, across closing and
        opening the store, and the escalations persist; a call that finds
        nothing due writes nothing.  now must not go before the last
        journaled step.
        """
        now = _t(now)
        if limit is not None:
            return [RouteEvent._read(e) for e in self._call(_c.mediate_route_store_tick, now, limit)]
        out, batch = [], 256
        while True:
            got = self._call(_c.mediate_route_store_tick, now, batch)
            out.extend(RouteEvent._read(e) for e in got)
            if len(got) < batch:
                return out
