# SPDX-License-Identifier: MIT
"""Ratings of mediators by the parties, and the outcome record.

After a case ends, each of its parties (not an agent) may rate the
mediation once, 1 to 5 stars with an optional comment; the rating is
credited to every mediator of the case.  The same store records the outcome
of each ended case for its mediators, from which the success rate comes.
An upheld appeal excludes a rating from the aggregates; it stays on record.

    >>> import mediate
    >>> from mediate.case import load_cases
    >>> from mediate.rating import Ratings
    >>> policy = mediate.Policy.load("county.yaml")                   # doctest: +SKIP
    >>> case = load_cases(policy, "cases.yaml")[0]                    # doctest: +SKIP
    >>> with Ratings.new(policy) as ratings:                          # doctest: +SKIP
    ...     r = ratings.add(case, "p1", 5, "调解员很耐心", at=case.received_at + 86400 * 5)
    ...     s = ratings.summary(r.mediators[0], at=r.at)
    ...     print(s.count, s.bayes, s.success, s.wilson)

Aggregates follow the policy's section "ratings" (:func:`parameters`): the
Bayesian average (C x m + sum of stars) / (C + n), the Wilson lower bound of
agreements / ended cases at z, and an optional half-life.  Every failure
raises a :class:`mediate.Error` subclass and changes nothing: a second
rating by the same party raises :class:`mediate.AlreadyExists`, a case that
has not ended :class:`mediate.InvalidState`.
"""

import collections as _collections
import os as _os
import time as _time

from . import capi as _c
from ._owner import Owner as _Owner
from ._errors import ErrorInfo, InvalidState

__all__ = ["Ratings", "Rating", "RatingSummary", "RatingParameters", "parameters"]

#: The policy's rating parameters, in thousandths where they are decimals.
RatingParameters = _collections.namedtuple(
    "RatingParameters", "prior_milli prior_weight z_milli half_life_days")


def parameters(policy):
    """The section "ratings" of a policy (the defaults when it has none):
    prior mean m (thousandths of a star), prior weight C, z (thousandths)
    and half-life in days (0: no decay)."""
    h = policy._handle()
    return RatingParameters(_c.mediate_policy_rating_prior_milli(h),
                            _c.mediate_policy_rating_prior_weight(h),
                            _c.mediate_policy_rating_z_milli(h),
                            _c.mediate_policy_rating_half_life_days(h))


class RatingSummary(_collections.namedtuple(
        "RatingSummary", "mediator at count excluded stars mean_milli bayes_milli "
                         "ended agreements success_milli wilson_milli")):
    """The aggregates of one mediator at one time (plain values).

    ``stars`` is the distribution: ``stars[0]`` is the number of 1-star
    ratings.  The ``*_milli`` fields are thousandths as the library gives
    them; :attr:`mean`, :attr:`bayes`, :attr:`success` and :attr:`wilson`
    are the same as floats (stars, or a fraction of 1).
    """
    __slots__ = ()

    mean = property(lambda self: self.mean_milli / 1000.0, doc="Plain mean of the stars (0 without ratings).")
    bayes = property(lambda self: self.bayes_milli / 1000.0, doc="Bayesian average in stars.")
    success = property(lambda self: self.success_milli / 1000.0, doc="Agreements / ended cases.")
    wilson = property(lambda self: self.wilson_milli / 1000.0, doc="Wilson lower bound of the success rate.")


class Rating:
    """One rating, borrowed from its :class:`Ratings` (kept alive by it)."""

    def __init__(self, ratings, ptr):
        self._ratings = ratings
        self._ptr = ptr

    def _p(self):
        self._ratings._handle()
        return self._ptr

    case_number = property(lambda self: _c.mediate_rating_case_number(self._p()), doc="The case rated.")
    party_id = property(lambda self: _c.mediate_rating_party_id(self._p()), doc="The party who rated.")
    stars = property(lambda self: _c.mediate_rating_stars(self._p()), doc="1 to 5.")
    comment = property(lambda self: _c.mediate_rating_comment(self._p()), doc="The comment, or None.")
    at = property(lambda self: _c.mediate_rating_at(self._p()), doc="When it was given (UTC seconds).")
    excluded = property(lambda self: bool(_c.mediate_rating_excluded(self._p())),
                        doc="True after an upheld appeal.")
    exclusion_reason = property(lambda self: _c.mediate_rating_exclusion_reason(self._p()),
                                doc="Why it was excluded, or None.")
    exclusion_actor = property(lambda self: _c.mediate_rating_exclusion_actor(self._p()),
                               doc="Who excluded it, or None.")
    exclusion_at = property(lambda self: _c.mediate_rating_exclusion_at(self._p()),
                            doc="When it was excluded (0 when it is not).")

    @property
    def mediators(self):
        """The ids of the mediators it is credited to."""
        p = self._p()
        return [_c.mediate_rating_mediator_at(p, i) for i in range(_c.mediate_rating_mediator_count(p))]

    def __eq__(self, other):
        return isinstance(other, Rating) and other._ratings is self._ratings and \
            (other.case_number, other.party_id) == (self.case_number, self.party_id)

    def __hash__(self):
        return hash((self.case_number, self.party_id))

    def __repr__(self):
        return "<Rating %s %s %d%s>" % (self.case_number, self.party_id, self.stars,
                                        " excluded" if self.excluded else "")


class Ratings(_Owner):
    """A store of ratings and outcomes bound to a policy (kept alive by it).

    Create with :meth:`new`, :meth:`load` or :meth:`loads`; use it as a
    context manager or call :meth:`close`.  It is a sequence of
    :class:`Rating` in the order they were added.  Not thread safe.
    """

    def __init__(self, policy, ptr):
        self._policy = policy
        self._ptr = ptr

    # ---- lifetime ----

    @classmethod
    def new(cls, policy):
        """An empty store."""
        return cls(policy, _c.mediate_ratings_new(policy._handle()))

    @classmethod
    def load(cls, policy, path, options=None, **limits):
        """Loads a mediate-ratings(5) file; a failure raises the first error
        with ``.errors`` listing all of them."""
        from . import _load, LoadOptions
        if options is None:
            options = LoadOptions(**limits)
        path = _os.fspath(path)
        return cls(policy, _load(lambda o: _c.mediate_ratings_load_file(policy._handle(), path, o), options))

    @classmethod
    def loads(cls, policy, data, name=None, options=None, **limits):
        """Loads ratings from YAML text (str) or bytes; name is used in errors."""
        from . import _load, LoadOptions
        if options is None:
            options = LoadOptions(**limits)
        return cls(policy, _load(lambda o: _c.mediate_ratings_load_buffer(policy._handle(), data, name, o),
                                 options))

    def to_yaml(self):
        """The store as a mediate-ratings(5) document (loads back equal)."""
        return _c.mediate_ratings_to_yaml(self._handle())

    def save(self, path):
        """Writes :meth:`to_yaml` to path through a temporary file and a rename."""
        path = _os.fspath(path)
        tmp = "%s.tmp%d" % (path, _os.getpid())
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(self.to_yaml())
            f.flush()
            _os.fsync(f.fileno())
        _os.replace(tmp, path)

    _what = "ratings store"
    _free = staticmethod(_c.mediate_ratings_free)

    def __repr__(self):
        return "<Ratings closed>" if self._ptr is None else "<Ratings %d>" % len(self)

    # ---- the sequence of ratings ----

    def __len__(self):
        return _c.mediate_ratings_count(self._handle())

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("rating index out of range")
        return Rating(self, _c.mediate_ratings_at(self._handle(), i))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def find(self, case_number, party_id):
        """The rating of party_id on case_number, or None."""
        ptr = _c.mediate_ratings_find(self._handle(), case_number, party_id)
        return Rating(self, ptr) if ptr is not None else None

    # ---- changes ----

    def record_case(self, case):
        """Records (or replaces) the outcome of an ended case for its mediators."""
        _c.mediate_ratings_record_case(self._handle(), case._handle())

    def add(self, case, party_id, stars, comment=None, at=None):
        """The rating of party party_id of an ended case: 1..5 stars, an
        optional comment, given at `at` (UTC seconds; default now).  Returns
        the new :class:`Rating`."""
        if at is None:
            at = int(_time.time())
        ptr = _c.mediate_ratings_add(self._handle(), case._handle(), party_id, stars, comment, at)
        return Rating(self, ptr)

    def exclude(self, case_number, party_id, reason, actor, at=None):
        """An upheld appeal: the rating no longer counts from `at` on (once)."""
        if at is None:
            at = int(_time.time())
        _c.mediate_ratings_exclude(self._handle(), case_number, party_id, reason, actor, at)

    # ---- aggregates ----

    def summary(self, mediator_id, at=None):
        """The :class:`RatingSummary` of a mediator at `at` (default now):
        what was given and ended after `at` is left out."""
        if at is None:
            at = int(_time.time())
        s = _c.mediate_ratings_summary(self._handle(), mediator_id, at)
        return RatingSummary(mediator_id, at, s.count, s.excluded, tuple(s.stars), s.mean_milli,
                             s.bayes_milli, s.ended, s.agreements, s.success_milli, s.wilson_milli)
