# SPDX-License-Identifier: MIT
"""Matching mediators to cases: rank, a party's request, optimal batch
assignment, joint-mediation teams and door-to-door (mobile) mediation.

A :class:`Matcher` is built once from a :class:`mediate.roster.Roster`, an
optional :class:`mediate.rating.Ratings` store and a time (it keeps both
alive); every question returns a plain result object that is read at once
(the C result is freed before the call returns).  Mediators in results are
:class:`mediate.roster.Mediator` objects of the roster.

    >>> import mediate
    >>> from mediate.match import Matcher
    >>> with mediate.Policy.load("county.yaml") as p, \\
    ...         Roster.load(p, "roster.yaml") as roster, \\
    ...         Matcher(roster, at=mediate.time_parse("2026-12-01T09:00:00+08:00")) as m:  # doctest: +SKIP
    ...     for cand in m.rank(case, k=3):
    ...         print(cand.mediator.name, cand.score, cand.components["specialty"])
    ...     team = m.form_team(case, ["labour.wage_arrears", "contract.construction"])
    ...     print([(t.role, t.mediator.name, t.covers) for t in team])

Scores are integers: the sum over the components of the policy's weight
(0..1000) times the component's value (0..1000); see mediate_match_rank(3).
Every failure raises a :class:`mediate.Error` subclass.
"""

import collections as _collections
import time as _time

from . import capi as _c
from ._owner import Owner as _Owner
from . import Policy, Category
from ._errors import ErrorInfo, InvalidState
from .roster import Mediator

__all__ = ["Matcher", "MatchResult", "Candidate", "Exclusion", "BatchResult", "Placement",
           "Team", "TeamMember", "Car", "COMPONENTS", "REASONS",
           "component_name", "component_parse", "reason_name", "reason_parse"]

#: The score components, in the order of enum mediate_match_component.
COMPONENTS = tuple(_c.mediate_match_component_name(i) for i in range(1, _c.MEDIATE_MATCH_COMPONENT_COUNT + 1))
#: The reasons of exclusions and unplaced cases; REASONS[0] is "eligible".
REASONS = tuple(_c.mediate_match_reason_name(i) for i in range(0, 64) if _c.mediate_match_reason_name(i))


def component_name(value):
    """The name of a component value (1 -> "specialty"), or None."""
    return _c.mediate_match_component_name(value)


def component_parse(name):
    """The value of a component name; raises InvalidArgument for an unknown one."""
    return _c.mediate_match_component_parse(name)


def reason_name(value):
    """The name of a reason value (6 -> "recused"), or None."""
    return _c.mediate_match_reason_name(value)


def reason_parse(name):
    """The value of a reason name; raises InvalidArgument for an unknown one."""
    return _c.mediate_match_reason_parse(name)


#: A mediation car of the policy: code, name, base (lat, lon) in micro-degrees or None.
Car = _collections.namedtuple("Car", "code name base")

#: A mediator excluded by a hard filter, and why ("recused", ...).
Exclusion = _collections.namedtuple("Exclusion", "mediator reason")


class Candidate:
    """One candidate of a result: the mediator, the score, the value of each
    component (``components``: {name: 0..1000}, in COMPONENTS order) and the
    distance in metres (None when unknown)."""

    __slots__ = ("mediator", "score", "components", "distance", "_weights")

    def __init__(self, mediator, score, components, distance, weights):
        self.mediator = mediator
        self.score = score
        self.components = components
        self.distance = distance
        self._weights = weights

    def points(self, component):
        """The share of one component in the score: value x weight."""
        return self.components[component] * self._weights[component]

    def explain(self):
        """[(component, value, weight, points)], in COMPONENTS order; the
        points add up to the score."""
        return [(name, v, self._weights[name], v * self._weights[name]) for name, v in self.components.items()]

    def __repr__(self):
        return "<Candidate %s %s %d>" % (self.mediator.staff_number, self.mediator.name, self.score)


class MatchResult:
    """The answer of rank, request or nearest: a sequence of
    :class:`Candidate` (best first; iterate, index, ``len``), the
    ``excluded`` mediators (a list of :class:`Exclusion`, in staff-number
    order), ``examined`` (how many mediators rank looked at) and, from
    nearest, ``car`` (a :class:`Car` and its distance, or None)."""

    def __init__(self, matcher, ptr):
        roster = matcher.roster
        weights = matcher.policy_weights
        self.candidates = []
        for i in range(_c.mediate_match_result_count(ptr)):
            dist = _c.mediate_match_result_distance(ptr, i)
            comps = _collections.OrderedDict(
                (name, _c.mediate_match_result_component(ptr, i, j + 1)) for j, name in enumerate(COMPONENTS))
            self.candidates.append(Candidate(Mediator(roster, _c.mediate_match_result_mediator(ptr, i)),
                                             _c.mediate_match_result_score(ptr, i), comps,
                                             dist if dist >= 0 else None, weights))
        self.excluded = [Exclusion(Mediator(roster, _c.mediate_match_result_excluded_at(ptr, i)),
                                   _c.mediate_match_reason_name(_c.mediate_match_result_excluded_reason(ptr, i)))
                         for i in range(_c.mediate_match_result_excluded_count(ptr))]
        self.examined = _c.mediate_match_result_examined(ptr)
        self.car = None
        try:
            index, distance = _c.mediate_match_result_car(ptr)
        except Exception as e:          # NotFound: no car (or not from nearest)
            if getattr(e, "code", None) != _c.MEDIATE_ENOTFOUND:
                raise
        else:
            self.car = (_car(matcher.policy, index), distance)

    def __len__(self):
        return len(self.candidates)

    def __getitem__(self, i):
        return self.candidates[i]

    def __iter__(self):
        return iter(self.candidates)

    @property
    def accepted(self):
        """For a request: True when the mediator may take the case."""
        return bool(self.candidates)

    @property
    def reason(self):
        """For a refused request: why ("recused", "unavailable"...); None when accepted."""
        return None if self.candidates or not self.excluded else self.excluded[0].reason

    def __repr__(self):
        return "<MatchResult %d candidates, %d excluded>" % (len(self.candidates), len(self.excluded))


#: One case of a batch: the case, its mediator (None when unplaced), the
#: score, the reason ("eligible" when placed) and the candidates considered.
Placement = _collections.namedtuple("Placement", "case mediator score reason candidates")


class BatchResult:
    """An optimal batch assignment: a sequence of :class:`Placement` in the
    order of the cases given; ``assigned``, ``total_score``, ``exact`` (True
    when proven optimal) and ``unplaced`` (the placements without mediator)."""

    def __init__(self, matcher, cases, ptr):
        roster = matcher.roster
        self.placements = []
        for i in range(_c.mediate_match_batch_count(ptr)):
            m = _c.mediate_match_batch_mediator(ptr, i)
            self.placements.append(Placement(
                cases[i], Mediator(roster, m) if m is not None else None,
                _c.mediate_match_batch_score(ptr, i),
                _c.mediate_match_reason_name(_c.mediate_match_batch_reason(ptr, i)),
                _c.mediate_match_batch_candidates(ptr, i)))
        self.assigned = _c.mediate_match_batch_assigned(ptr)
        self.total_score = _c.mediate_match_batch_total_score(ptr)
        self.exact = bool(_c.mediate_match_batch_exact(ptr))

    @property
    def unplaced(self):
        return [p for p in self.placements if p.mediator is None]

    def __len__(self):
        return len(self.placements)

    def __getitem__(self, i):
        return self.placements[i]

    def __iter__(self):
        return iter(self.placements)

    def __repr__(self):
        return "<BatchResult %d of %d placed, total %d>" % (self.assigned, len(self.placements), self.total_score)


#: A member of a team: role ("lead" or "member"), the mediator, the score
#: and the needed categories the person covers (codes).
TeamMember = _collections.namedtuple("TeamMember", "role mediator score covers")


class Team:
    """A joint-mediation team: a sequence of :class:`TeamMember`, the lead
    first; ``total_score``; when none could be formed it is empty (false)
    and ``reason`` / ``uncovered`` (a Category or None) say why."""

    def __init__(self, matcher, needs, ptr):
        roster = matcher.roster
        self.members = []
        for i in range(_c.mediate_match_team_count(ptr)):
            bits = _c.mediate_match_team_covers(ptr, i)
            self.members.append(TeamMember("lead" if i == 0 else "member",
                                           Mediator(roster, _c.mediate_match_team_mediator(ptr, i)),
                                           _c.mediate_match_team_score(ptr, i),
                                           [n for j, n in enumerate(needs) if bits & (1 << j)]))
        self.total_score = _c.mediate_match_team_total_score(ptr)
        self.reason = _c.mediate_match_reason_name(_c.mediate_match_team_reason(ptr))
        unc = _c.mediate_match_team_uncovered(ptr)
        self.uncovered = Category(matcher.policy, unc) if unc is not None else None

    @property
    def lead(self):
        return self.members[0] if self.members else None

    def __len__(self):
        return len(self.members)

    def __bool__(self):
        return bool(self.members)

    def __getitem__(self, i):
        return self.members[i]

    def __iter__(self):
        return iter(self.members)

    def __repr__(self):
        if not self.members:
            return "<Team none: %s>" % self.reason
        return "<Team of %d, total %d>" % (len(self.members), self.total_score)


def _car(policy, i):
    h = policy._handle()
    try:
        base = tuple(_c.mediate_policy_match_car_base(h, i))
    except Exception as e:              # NotFound: a car given only by its base unit
        if getattr(e, "code", None) != _c.MEDIATE_ENOTFOUND:
            raise
        base = None
    return Car(_c.mediate_policy_match_car_code(h, i), _c.mediate_policy_match_car_name(h, i), base)


class Matcher(_Owner):
    """Matches the mediators of a roster to cases, with the aggregates of a
    ratings store (or None: the prior for everyone) at time ``at`` (int UTC
    seconds; default now).  It reads the roster and ratings once (see
    mediate_matcher_new(3)): build a new matcher after changing them.  Use
    it as a context manager or call :meth:`close`.  Thread safe for reading.
    """

    def __init__(self, roster, ratings=None, at=None):
        if at is None:
            at = int(_time.time())
        self.roster = roster              # keeps the roster alive
        self.ratings = ratings            # and the ratings
        self.policy = roster.policy
        self._ptr = _c.mediate_matcher_new(roster._handle(), ratings._handle() if ratings is not None else None,
                                           at)
        self.policy_weights = weights(self.policy)

    _what = "matcher"
    _free = staticmethod(_c.mediate_matcher_free)

    def _handle(self):
        ptr = _Owner._handle(self)
        self.roster._handle()             # raises once the roster is closed
        return ptr

    def __repr__(self):
        return "<Matcher closed>" if self._ptr is None else "<Matcher at %d>" % self.at

    @property
    def at(self):
        """The time of the matcher (UTC seconds)."""
        return _c.mediate_matcher_at(self._handle())

    def _result(self, ptr):
        try:
            return MatchResult(self, ptr)
        finally:
            _c.mediate_match_result_free(ptr)

    def rank(self, case, k=10, excluded=False):
        """The best k candidates for the case (a :class:`MatchResult`);
        excluded=True also lists every excluded mediator and why."""
        return self._result(_c.mediate_match_rank(self._handle(), case._handle(), k,
                                                  _c.MEDIATE_MATCH_WITH_EXCLUDED if excluded else 0))

    def request(self, case, mediator):
        """A party asked for this mediator (a Mediator, an id or a staff
        number): ``result.accepted`` with the candidate, or the ``reason``."""
        who = mediator.id if isinstance(mediator, Mediator) else mediator
        return self._result(_c.mediate_match_request(self._handle(), case._handle(), who))

    def nearest(self, lat_micro, lon_micro, k=10, at=None):
        """The k nearest mediators offering door-to-door mediation to a place
        (micro-degrees), available at ``at`` (default: the matcher's time),
        with ``distance`` in metres, and ``car``: the nearest car or None."""
        h = self._handle()
        return self._result(_c.mediate_match_nearest(h, lat_micro, lon_micro,
                                                     _c.mediate_matcher_at(h) if at is None else at, k))

    def assign_batch(self, cases):
        """Assigns the cases optimally under the mediators' free capacities
        (a :class:`BatchResult`; the cases are not changed)."""
        cases = list(cases)
        h = self._handle()
        refs = _c.mbind_case_refs_new()
        try:
            for case in cases:
                _c.mbind_case_refs_add(refs, case._handle())
            ptr = _c.mediate_match_assign_batch(h, refs)
        finally:
            _c.mbind_case_refs_free(refs)
        try:
            return BatchResult(self, cases, ptr)
        finally:
            _c.mediate_match_batch_free(ptr)

    def form_team(self, case, needs, max_size=0):
        """A joint-mediation team covering the category codes of needs, at
        most max_size people (0: the policy's team_size); see :class:`Team`."""
        needs = [n.code if isinstance(n, Category) else n for n in needs]
        ptr = _c.mediate_match_form_team(self._handle(), case._handle(), needs, max_size)
        try:
            return Team(self, needs, ptr)
        finally:
            _c.mediate_match_team_free(ptr)


def weights(policy):
    """{component: weight} of the policy's matching section."""
    h = policy._handle()
    return _collections.OrderedDict((name, _c.mediate_policy_match_weight(h, i + 1))
                                    for i, name in enumerate(COMPONENTS))


def cars(policy):
    """The policy's mediation cars (a list of :class:`Car`)."""
    return [_car(policy, i) for i in range(_c.mediate_policy_match_car_count(policy._handle()))]


Policy.match_weights = property(weights, doc="{component: weight} of the matching section.")
Policy.match_team_size = property(lambda self: _c.mediate_policy_match_team_size(self._handle()),
                                  doc="The largest joint-mediation team formed by default.")
Policy.match_cars = property(cars, doc="The mediation cars of the matching section (a list of Car).")
