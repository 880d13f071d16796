# SPDX-License-Identifier: MIT
"""Pay: the monthly payroll of mediators.

A mediator's pay for a month is base salary (by post type) + grade salary
(by level) + an incentive per case resolved in the month (by the case's
level and outcome, times a rating band factor, split among the team by
role), limited by a monthly cap and unit budgets, less deductions.  The
rules are the policy section ``pay`` (see mediate-policy(5)).

Money is an ``int`` of fen everywhere (``380000`` is 3,800.00 yuan); use
:func:`yuan` or :func:`format_yuan` to show it.

    >>> with mediate.Policy.load("county.yaml") as policy, \\
    ...         Roster.load(policy, "roster.yaml") as roster:     # doctest: +SKIP
    ...     with Payroll(policy, roster, None, 2026, 11) as run:
    ...         run.add_case_file("cases.yaml")
    ...         run.compute()
    ...         print(yuan(run.totals.net))
    ...         slip = run.find("M-0047")
    ...         for line in slip.lines:
    ...             print(line.kind, line.case_number, yuan(line.amount), slip.explain(line.index))

Payslips and lines are read from the payroll, which they keep alive; the
payroll keeps its policy, roster and ratings alive.
"""
import collections as _collections

from . import capi as _c
from ._owner import Owner as _Owner
from ._caselist import case_list as _case_list
from . import Unit, InvalidState, ErrorInfo

__all__ = ["Payroll", "Payslip", "PayLine", "UnitPay", "Totals", "CaseOutcome",
           "OUTCOMES", "LINE_KINDS", "TOTALS", "yuan", "format_yuan",
           "outcome_name", "outcome_parse", "line_kind_name", "line_kind_parse",
           "case_outcome"]

#: Pay outcomes of a case, in the order of their values (1..5).
OUTCOMES = ("performed", "reached", "failed_process", "failed", "withdrawn")
#: Kinds of payslip lines, in the order of their values (1..6).
LINE_KINDS = ("base", "grade", "award", "cap", "budget", "deduction")
#: The totals kept per payslip, per unit and overall.
TOTALS = ("base", "grade", "awards", "cap", "budget", "incentive", "deductions", "net")

_TOTAL = {
    "base": _c.MEDIATE_PAY_TOTAL_BASE,
    "grade": _c.MEDIATE_PAY_TOTAL_GRADE,
    "awards": _c.MEDIATE_PAY_TOTAL_AWARDS,
    "cap": _c.MEDIATE_PAY_TOTAL_CAP,
    "budget": _c.MEDIATE_PAY_TOTAL_BUDGET,
    "incentive": _c.MEDIATE_PAY_TOTAL_INCENTIVE,
    "deductions": _c.MEDIATE_PAY_TOTAL_DEDUCTIONS,
    "net": _c.MEDIATE_PAY_TOTAL_NET,
}

Totals = _collections.namedtuple("Totals", TOTALS)
Totals.__doc__ = """Totals in fen: base, grade, awards (before cap and budget), cap and
budget (<= 0), incentive (awards + cap + budget), deductions (<= 0) and net."""

CaseOutcome = _collections.namedtuple("CaseOutcome", "outcome confirmed resolved_at")
CaseOutcome.__doc__ = """How a case counts for pay: its outcome name, whether a court
confirmed its agreement, and when it was resolved (UTC seconds)."""


# ---- money ----

def yuan(fen):
    """Fen as yuan text with two decimals: ``380000 -> "3800.00"``."""
    return _c.mediate_money_format(fen)


def format_yuan(fen, grouping=True, symbol=False):
    """Fen as yuan text for people: ``380000 -> "3,800.00"`` (``"¥3,800.00"``
    with symbol=True; ``"-12.50"`` for negatives).  Exact: no float involved."""
    text = _c.mediate_money_format(fen)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, frac = text.split(".")
    if grouping:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        whole = ",".join(groups)
    return sign + ("¥" if symbol else "") + whole + "." + frac


# ---- names ----

def _enum(parse, value):
    return parse(value) if isinstance(value, str) else int(value)


def outcome_name(value):
    """The name of a pay outcome value ("reached"), or None."""
    return _c.mediate_pay_outcome_name(value)


def outcome_parse(name):
    """The value (capi.MEDIATE_PAY_*) of a pay outcome name; raises InvalidArgument."""
    return _c.mediate_pay_outcome_parse(name)


def line_kind_name(value):
    """The name of a line kind value ("award"), or None."""
    return _c.mediate_pay_line_kind_name(value)


def line_kind_parse(name):
    """The value (capi.MEDIATE_PAY_LINE_*) of a line kind name; raises InvalidArgument."""
    return _c.mediate_pay_line_kind_parse(name)


def case_outcome(case):
    """How an ended case counts for pay (a :class:`CaseOutcome`); raises
    InvalidState for a case that has not ended."""
    outcome, confirmed, resolved_at = _c.mediate_pay_case_outcome(case._handle())
    return CaseOutcome(_c.mediate_pay_outcome_name(outcome), bool(confirmed), resolved_at)


def _mediator_id(who):
    """A mediator id from a str or an object with an ``id``."""
    return who if isinstance(who, str) or who is None else who.id


def _totals(fn, *args):
    return Totals(*(fn(*(args + (_TOTAL[name],))) for name in TOTALS))


# ---- results ----

class PayLine:
    """One line of a payslip, read at once (a plain value).

    ``kind`` is a name of :data:`LINE_KINDS`, ``amount`` is fen (negative
    for cap, budget and deduction lines), ``case_number`` names the case of
    an award or deduction (else None), ``rule`` is the policy path of the
    rule used, ``days`` the days covered by a base or grade line (else 0),
    ``index`` the position on its payslip.
    """

    __slots__ = ("index", "kind", "amount", "case_number", "rule", "days")

    def __init__(self, index, ptr):
        self.index = index
        self.kind = _c.mediate_pay_line_kind_name(_c.mediate_pay_line_get_kind(ptr))
        self.amount = _c.mediate_pay_line_amount(ptr)
        self.case_number = _c.mediate_pay_line_case_number(ptr)
        self.rule = _c.mediate_pay_line_rule(ptr)
        self.days = _c.mediate_pay_line_days(ptr)

    def __repr__(self):
        return "<PayLine %s %s %s %s>" % (self.kind, self.case_number or "-", self.rule, yuan(self.amount))


class Payslip:
    """One mediator's pay for the month: the mediator, the rating used,
    the lines in order and the totals.  Borrowed from its payroll (kept
    alive).  Iterating a payslip gives its lines."""

    def __init__(self, payroll, ptr):
        self._payroll = payroll
        self._ptr = ptr

    def _p(self):
        self._payroll._handle()            # raises once the payroll is closed
        return self._ptr

    def _m(self):
        return _c.mediate_payslip_mediator(self._p())

    @property
    def mediator(self):
        """The mediator (a roster Mediator when the roster binding has one)."""
        try:
            from .roster import Mediator
        except ImportError:                # pragma: no cover - roster binding absent
            return self.mediator_id
        return Mediator(self._payroll.roster, self._m())

    mediator_id = property(lambda self: _c.mediate_mediator_id(self._m()), doc="The mediator's id.")
    staff_number = property(lambda self: _c.mediate_mediator_staff_number(self._m()))
    name = property(lambda self: _c.mediate_mediator_name(self._m()))
    level = property(lambda self: _c.mediate_mediator_level(self._m()), doc="The mediator's level.")
    post = property(lambda self: _c.mediate_post_type_name(_c.mediate_mediator_post(self._m())),
                    doc="The post type name (full_time, part_time...).")

    @property
    def unit(self):
        """The mediator's unit (a Unit of the policy)."""
        return Unit(self._payroll.policy, _c.mediate_mediator_unit(self._m()))

    @property
    def rating_milli(self):
        """The rating (thousandths of a star) whose band factor was used."""
        return _c.mediate_payslip_rating_milli(self._p())

    def total(self, what):
        """One total in fen: a name of :data:`TOTALS`."""
        return _c.mediate_payslip_total(self._p(), _TOTAL[what])

    @property
    def totals(self):
        """Every total (a :class:`Totals` of fen)."""
        return _totals(_c.mediate_payslip_total, self._p())

    @property
    def net(self):
        return self.total("net")

    @property
    def lines(self):
        """The lines in order: base and grade, awards, cap, budget, deductions."""
        p = self._p()
        return [PayLine(i, _c.mediate_payslip_line_at(p, i)) for i in range(_c.mediate_payslip_line_count(p))]

    def __len__(self):
        return _c.mediate_payslip_line_count(self._p())

    def __iter__(self):
        return iter(self.lines)

    def explain(self, index):
        """How line `index` was computed: the rule, the table version, every
        factor and the rounding (text).  Raises NotFound for a bad index."""
        if not isinstance(index, int):
            index = index.index
        if index < 0:
            raise IndexError(index)
        return _c.mediate_payslip_explain(self._p(), index)

    def to_yaml(self):
        """The payslip as YAML (the layout of Payroll.to_yaml)."""
        return _c.mediate_payslip_to_yaml(self._p())

    def __repr__(self):
        return "<Payslip %s %s net %s>" % (self.staff_number, self.name, yuan(self.net))


class UnitPay:
    """A unit with mediators on the roster: its totals and budget."""

    def __init__(self, payroll, index):
        self._payroll = payroll
        self.index = index

    @property
    def unit(self):
        run = self._payroll._handle()
        return Unit(self._payroll.policy, _c.mediate_payroll_unit_at(run, self.index))

    @property
    def code(self):
        return self.unit.code

    def total(self, what):
        """One total in fen: a name of :data:`TOTALS`."""
        return _c.mediate_payroll_unit_total(self._payroll._handle(), self.index, _TOTAL[what])

    @property
    def totals(self):
        return _totals(_c.mediate_payroll_unit_total, self._payroll._handle(), self.index)

    @property
    def budget(self):
        """The unit's incentive budget for the month in fen, or None."""
        b = _c.mediate_payroll_unit_budget(self._payroll._handle(), self.index)
        return None if b < 0 else b

    @property
    def payslips(self):
        """The payslips of the unit's mediators."""
        u = _c.mediate_payroll_unit_at(self._payroll._handle(), self.index)
        code = _c.mediate_unit_code(u)
        return [s for s in self._payroll.payslips
                if _c.mediate_unit_code(_c.mediate_mediator_unit(s._m())) == code]

    def __repr__(self):
        return "<UnitPay %s net %s>" % (self.code, yuan(self.total("net")))


# ---- the payroll ----

class Payroll(_Owner):
    """The payroll of one month: ``Payroll(policy, roster, ratings, year, month)``.

    ratings may be None (every mediator then has the policy's prior rating).
    Add cases (:meth:`add_case`, :meth:`add_cases`, :meth:`add_case_file`),
    raw awards (:meth:`add_award`) and deductions, then :meth:`compute` once;
    afterwards the payroll is read-only and gives payslips, totals and
    exports.  The same inputs give the same exports byte for byte.  Use as a
    context manager or call :meth:`close`.
    """

    def __init__(self, policy, roster, ratings, year, month):
        self.policy, self.roster, self.ratings = policy, roster, ratings   # kept alive
        self._ptr = _c.mediate_payroll_new(policy._handle(), roster._handle(),
                                           ratings._handle() if ratings is not None else None,
                                           year, month)
        self.year, self.month = year, month

    # ---- lifetime ----

    _what = "payroll"
    _free = staticmethod(_c.mediate_payroll_free)

    def __repr__(self):
        if self._ptr is None:
            return "<Payroll closed>"
        return "<Payroll %04d-%02d%s>" % (self.year, self.month, " computed" if self.computed else "")

    @property
    def period(self):
        """The month as (start, end): [start, end) in UTC seconds."""
        return tuple(_c.mediate_payroll_period(self._handle()))

    # ---- inputs ----

    def set_rating(self, mediator, bayes_milli):
        """Uses this rating (0..5000 thousandths of a star) for a mediator
        (id or Mediator) instead of the ratings store."""
        _c.mediate_payroll_set_rating(self._handle(), _mediator_id(mediator), bayes_milli)

    def add_case(self, case):
        """Adds the awards of an ended case resolved in the month (one per
        mediator of the case, by role)."""
        _c.mediate_payroll_add_case(self._handle(), case._handle())

    def add_cases(self, cases):
        """Adds every case that ended within the month, skipping the others;
        all or nothing.  Returns the number added."""
        with _case_list(cases) as lst:
            added, _failed = _c.mediate_payroll_add_cases(self._handle(), lst)
            return added

    def add_case_file(self, path):
        """Adds every case of a YAML file of cases (mediate-case(5)) that
        ended within the month.  Returns the number added."""
        lst = _c.mediate_case_list_load_file(self.policy._handle(), path, None)
        try:
            added, _failed = _c.mediate_payroll_add_cases(self._handle(), lst)
            return added
        finally:
            _c.mediate_case_list_free(lst)

    def add_award(self, mediator, case_number, level, outcome, resolved_at, role="lead",
                  team_size=1, confirmed=False):
        """Adds one raw award: mediator (id or Mediator) took part in case
        case_number of level code `level` with `role` ("lead",
        "co_mediator", "expert") in a team of team_size; the case was
        resolved at resolved_at with `outcome` (a name of :data:`OUTCOMES`);
        confirmed when a court confirmed its agreement."""
        _c.mediate_payroll_add_award(self._handle(), _mediator_id(mediator), case_number, level,
                                     _enum(_c.mediate_pay_outcome_parse, outcome), 1 if confirmed else 0,
                                     _enum(_c.mediate_case_mediator_role_parse, role), team_size, resolved_at)

    def add_deduction(self, mediator, code, at, case_number=None, note=None):
        """Adds a deduction of the policy (code, e.g. "upheld_complaint") at
        time `at` within the month, optionally naming a case and a note."""
        _c.mediate_payroll_add_deduction(self._handle(), _mediator_id(mediator), code, case_number, note, at)

    def compute(self):
        """Computes every payslip (once).  Returns self."""
        _c.mediate_payroll_compute(self._handle())
        return self

    @property
    def computed(self):
        return bool(_c.mediate_payroll_is_computed(self._handle()))

    # ---- results ----

    @property
    def payslips(self):
        """Every payslip, in order of staff number (empty before compute())."""
        h = self._handle()
        return [Payslip(self, _c.mediate_payroll_payslip_at(h, i))
                for i in range(_c.mediate_payroll_payslip_count(h))]

    def __len__(self):
        return _c.mediate_payroll_payslip_count(self._handle())

    def __iter__(self):
        return iter(self.payslips)

    def find(self, who):
        """The payslip of a mediator (id, staff number or Mediator), or None."""
        h = self._handle()
        mid = _mediator_id(who)
        ptr = _c.mediate_payroll_find(h, mid)
        if ptr is None:
            m = _c.mediate_roster_find_staff(self.roster._handle(), mid)
            if m is not None:
                ptr = _c.mediate_payroll_find(h, _c.mediate_mediator_id(m))
        return Payslip(self, ptr) if ptr is not None else None

    def total(self, what):
        """One overall total in fen: a name of :data:`TOTALS`."""
        return _c.mediate_payroll_total(self._handle(), _TOTAL[what])

    @property
    def totals(self):
        """Every overall total (a :class:`Totals` of fen)."""
        return _totals(_c.mediate_payroll_total, self._handle())

    @property
    def units(self):
        """The units with mediators on the roster, in order of code (UnitPay)."""
        return [UnitPay(self, i) for i in range(_c.mediate_payroll_unit_count(self._handle()))]

    # ---- export ----

    def to_yaml(self, summary=False):
        """The payroll as YAML: totals and (unless summary) every payslip."""
        return _c.mediate_payroll_to_yaml(self._handle(), _c.MEDIATE_PAYROLL_SUMMARY if summary else 0)

    def to_csv(self, summary=False):
        """The payroll as CSV (RFC 4180, CRLF): one row per line, or with
        summary one row per mediator."""
        return _c.mediate_payroll_to_csv(self._handle(), _c.MEDIATE_PAYROLL_SUMMARY if summary else 0)
