# SPDX-License-Identifier: MIT
"""Grading: the policy's levels, grading a case with its explanation, batch
grading, and the level kept on a case (re-grading and officers' overrides).

    >>> with mediate.Policy.load("examples/data/county.yaml") as policy:
    ...     [l.code for l in policy.levels]
    ['general', 'difficult', 'major']
    ...     result = mediate.grade(case)          # a GradeResult
    ...     result.level.code, result.points, result.path
    ('major', 160, 'joint')
    ...     for entry in result.trace: print(entry.rule, entry.points)

A GradeResult is a plain value: the C result is read and freed at once.
"""
import collections as _collections

from . import capi as _c
from ._caselist import case_list as _case_list
from . import Policy, Unit, InvalidState, ErrorInfo

__all__ = ["Level", "GradeResult", "TraceEntry", "grade", "grade_batch",
           "resolution_path_name", "resolution_path_parse", "PATHS"]

PATHS = ("on_the_spot", "think_tank", "joint")


def resolution_path_name(path):
    """The name of a resolution path value ("think_tank"), or None."""
    return _c.mediate_resolution_path_name(path)


def resolution_path_parse(name):
    """The value (capi.MEDIATE_PATH_*) of a resolution path name."""
    return _c.mediate_resolution_path_parse(name)


class Level:
    """A grading level of a policy (general, difficult, major...).

    Borrowed from its policy, which it keeps alive.  Levels compare by rank
    within one policy: ``a < b`` means b is the more serious level.
    """

    def __init__(self, policy, ptr):
        self._policy, self._ptr = policy, ptr

    def _p(self):
        self._policy._handle()       # raises once the policy is closed
        return self._ptr

    @property
    def code(self):
        return _c.mediate_level_code(self._p())

    def name(self, lang=None):
        """The name in lang ("zh", "en"), falling back to the policy's language."""
        return _c.mediate_level_name(self._p(), lang)

    @property
    def rank(self):
        """0 for the lowest level."""
        return _c.mediate_level_rank(self._p())

    @property
    def threshold(self):
        """The points total from which a case reaches this level."""
        return _c.mediate_level_threshold(self._p())

    @property
    def path(self):
        """How it is resolved: "on_the_spot", "think_tank" or "joint"."""
        return _c.mediate_resolution_path_name(_c.mediate_level_path(self._p()))

    @property
    def deadline_days(self):
        return _c.mediate_level_deadline_days(self._p())

    @property
    def min_mediator_level(self):
        return _c.mediate_level_min_mediator_level(self._p())

    @property
    def requires_think_tank(self):
        return bool(_c.mediate_level_requires_think_tank(self._p()))

    def joint_bodies(self, category=None):
        """The units that mediate a case of this category jointly (a list)."""
        cat = category._p() if category is not None else None
        n = _c.mediate_level_joint_body_count(self._p(), cat)
        return [Unit(self._policy, _c.mediate_level_joint_body_at(self._p(), cat, i)) for i in range(n)]

    def __eq__(self, other):
        return isinstance(other, Level) and other._policy is self._policy and other.rank == self.rank

    def __lt__(self, other):
        return self.rank < other.rank

    def __le__(self, other):
        return self.rank <= other.rank

    def __hash__(self):
        return id(self._policy) * 31 + self.rank

    def __str__(self):
        return self.code

    def __repr__(self):
        return "<Level %s %s>" % (self.code, self.name())


def _level(policy, ptr):
    return Level(policy, ptr) if ptr is not None else None


def _levels(policy):
    h = policy._handle()
    return [Level(policy, _c.mediate_policy_level_at(h, i)) for i in range(_c.mediate_policy_level_count(h))]


def _find_level(policy, code):
    """The level with this code, or None."""
    return _level(policy, _c.mediate_policy_level_find(policy._handle(), code))


def _rules(policy):
    h = policy._handle()
    return [_c.mediate_policy_grading_rule_id(h, i) for i in range(_c.mediate_policy_grading_rule_count(h))]


Policy.levels = property(_levels, doc="The grading levels, lowest first (a list of Level).")
Policy.level = _find_level
Policy.grading_rules = property(_rules, doc="The ids of the grading rules, in policy order.")
Policy.grading_allows_downgrade = property(
    lambda self: bool(_c.mediate_policy_grading_allows_downgrade(self._handle())),
    doc="True when re-grading may lower a case's level.")

TraceEntry = _collections.namedtuple("TraceEntry", "rule description fired points floor")
TraceEntry.__doc__ = "One rule of a grading: its id, description, whether it fired, points added, floor set."


class GradeResult:
    """The grade of a case: level, points, path, deadline, bodies, explanation."""

    def __init__(self, policy, ptr):
        r = ptr
        self.level = _level(policy, _c.mediate_grade_result_level(r))
        self.points = _c.mediate_grade_result_points(r)
        self.threshold_level = _level(policy, _c.mediate_grade_result_threshold_level(r))
        self.floor_level = _level(policy, _c.mediate_grade_result_floor_level(r))
        self.deciding_rule = _c.mediate_grade_result_deciding_rule(r)
        self.path = _c.mediate_resolution_path_name(_c.mediate_grade_result_path(r))
        try:
            self.due = _c.mediate_grade_result_due(r)
        except Exception:
            self.due = None
        self.joint_bodies = [Unit(policy, _c.mediate_grade_result_joint_body_at(r, i))
                             for i in range(_c.mediate_grade_result_joint_body_count(r))]
        self.trace = [TraceEntry(_c.mediate_grade_result_trace_rule(r, i),
                                 _c.mediate_grade_result_trace_description(r, i),
                                 bool(_c.mediate_grade_result_trace_fired(r, i)),
                                 _c.mediate_grade_result_trace_points(r, i),
                                 _level(policy, _c.mediate_grade_result_trace_floor(r, i)))
                      for i in range(_c.mediate_grade_result_trace_count(r))]

    def __repr__(self):
        return "<GradeResult %s %d points %s>" % (self.level.code, self.points, self.path)


def grade(case, trace_all=False):
    """Grades a case with its policy's rules.  trace_all=True also lists the
    rules that did not fire.  Returns a GradeResult."""
    policy = case._policy
    ptr = _c.mediate_grade(policy._handle(), case._handle(),
                           _c.MEDIATE_GRADE_TRACE_ALL if trace_all else 0)
    try:
        return GradeResult(policy, ptr)
    finally:
        _c.mediate_grade_result_free(ptr)


def grade_batch(policy, cases):
    """Grades many cases in one call: a list of (Level, points), in order."""
    with _case_list(cases) as lst:
        g = _c.mediate_grade_batch(policy._handle(), lst)
        try:
            return [(_level(policy, _c.mbind_grades_level(g, i)), _c.mbind_grades_points(g, i))
                    for i in range(_c.mbind_grades_count(g))]
        finally:
            _c.mbind_grades_free(g)


def _case_methods():
    from .case import Case

    def regrade(self, at, actor, unit, reason):
        """Grades the case again and keeps the result (see mediate_case_regrade(3))."""
        _c.mediate_case_regrade(self._handle(), at, actor, unit, reason)
        return self.level

    def override_level(self, code, at, actor, unit, reason):
        """Sets the level by hand until clear_override()."""
        _c.mediate_case_override_level(self._handle(), code, at, actor, unit, reason)

    def clear_override(self, at, actor, unit, reason):
        """Withdraws the override: the rules' level applies again."""
        _c.mediate_case_clear_override(self._handle(), at, actor, unit, reason)

    def override(self):
        h = self._handle()
        lvl = _level(self._policy, _c.mediate_case_level_override(h))
        if lvl is None:
            return None
        return {"level": lvl, "reason": _c.mediate_case_level_override_reason(h),
                "actor": _c.mediate_case_level_override_actor(h),
                "at": _c.mediate_case_level_override_at(h)}

    Case.regrade = regrade
    Case.override_level = override_level
    Case.clear_override = clear_override
    Case.level = property(lambda self: _level(self._policy, _c.mediate_case_level(self._handle())),
                          doc="The level that applies (override first), or None before grading.")
    Case.computed_level = property(
        lambda self: _level(self._policy, _c.mediate_case_computed_level(self._handle())),
        doc="The level the rules gave at the last re-grading.")
    Case.level_points = property(lambda self: _c.mediate_case_level_points(self._handle()),
                                 doc="The points of the last re-grading.")
    Case.level_override = property(override, doc="None, or a dict: level, reason, actor, at.")
    Case.grade = lambda self, trace_all=False: grade(self, trace_all)


_case_methods()
