# SPDX-License-Identifier: MIT
"""The roster of mediators and the published menu.

A :class:`Roster` is the set of mediators of a county, read against a
:class:`mediate.Policy` (kept alive by the roster) whose org units and
dispute categories they refer to.  Load it from a mediate-roster(5) file
with :meth:`Roster.load`, or build one with :meth:`Roster.new` and
:meth:`Roster.add`.  A :class:`Mediator` is borrowed from its roster (it
keeps the roster alive); change it through its properties and methods.
Enumerations are their YAML names ("full_time", "on", "remote_video");
times are int seconds since the epoch, UTC; coordinates are micro-degrees.

    >>> import mediate
    >>> from mediate.roster import Roster
    >>> with mediate.Policy.load("county.yaml") as p, \\
    ...         Roster.load(p, "roster.yaml") as roster:            # doctest: +SKIP
    ...     pan = roster.find_staff("M-0001")
    ...     print(pan.name, pan.unit.code, pan.specialties)
    ...     for entry in roster.menu(category="neighbour", unit="YZ-ZGM",
    ...                              at=mediate.time_parse("2026-11-23T09:00:00+08:00")):
    ...         print(entry.score, entry.mediator.name, entry.phone)

Every failure raises a :class:`mediate.Error` subclass and changes nothing.
"""

import os as _os

from . import capi as _c
from ._owner import Owner as _Owner
from . import _load, LoadOptions, Category, Unit
from ._errors import ErrorInfo, InvalidState, NotFound

__all__ = ["Roster", "Mediator", "Menu", "MenuEntry", "POSTS", "DUTIES", "MODES",
           "post_type_name", "post_type_parse", "duty_name", "duty_parse"]

#: Post types, duty states and mediation modes, by their YAML names.
POSTS = tuple(_c.mediate_post_type_name(i) for i in range(1, 16) if _c.mediate_post_type_name(i))
DUTIES = tuple(_c.mediate_duty_name(i) for i in range(1, 16) if _c.mediate_duty_name(i))
MODES = tuple(_c.mediate_case_mode_name(i) for i in range(1, 16) if _c.mediate_case_mode_name(i))


def post_type_name(value):
    """The name of a post type value ("full_time"), or None."""
    return _c.mediate_post_type_name(value)


def post_type_parse(name):
    """The value of a post type name; raises InvalidArgument for an unknown one."""
    return _c.mediate_post_type_parse(name)


def duty_name(value):
    """The name of a duty value ("on", "off", "leave"), or None."""
    return _c.mediate_duty_name(value)


def duty_parse(name):
    """The value of a duty name; raises InvalidArgument for an unknown one."""
    return _c.mediate_duty_parse(name)


def _enum(parse, value):
    return parse(value) if isinstance(value, str) else int(value)


def _mode_bits(modes):
    bits = 0
    for m in modes:
        bits |= 1 << _enum(_c.mediate_case_mode_parse, m)
    return bits


class Mediator:
    """A mediator on a roster.  Reading is through properties; so is changing
    the plain fields (``m.level = 4``), the rest through methods."""

    __slots__ = ("_roster", "_ptr", "_id", "_gen")

    def __init__(self, roster, ptr):
        self._roster = roster        # keeps the roster (and so ptr) alive
        self._ptr = ptr
        self._id = _c.mediate_mediator_id(ptr)
        self._gen = roster._gen

    def _p(self):
        h = self._roster._handle()   # raises once the roster is closed
        if self._gen != self._roster._gen:
            # A mediator was removed since: ours may be gone (its pointer with it).
            ptr = _c.mediate_roster_find(h, self._id)
            if ptr is None:
                raise NotFound(ErrorInfo(_c.MEDIATE_ENOTFOUND,
                                         text="mediator %s was removed from the roster" % self._id))
            self._ptr, self._gen = ptr, self._roster._gen
        return self._ptr

    def _r(self):
        self._p()
        return self._roster._handle(), self._id

    def __repr__(self):
        return "<Mediator %s %s %s>" % (self.staff_number, self.name, self.unit.code)

    # ---- identity ----

    id = property(lambda self: _c.mediate_mediator_id(self._p()), doc="The id (unique in the roster).")

    def __eq__(self, other):
        return isinstance(other, Mediator) and self._roster is other._roster and self._id == other._id

    def __hash__(self):
        return hash(self._id)
    staff_number = property(lambda self: _c.mediate_mediator_staff_number(self._p()),
                            doc="The staff number (unique in the roster).")

    @property
    def name(self):
        return _c.mediate_mediator_name(self._p())

    @name.setter
    def name(self, value):
        _c.mediate_roster_set_name(*self._r(), value)

    @property
    def unit(self):
        """The mediator's unit (a mediate.Unit); set it with a unit code."""
        return Unit(self._roster.policy, _c.mediate_mediator_unit(self._p()))

    @unit.setter
    def unit(self, code):
        _c.mediate_roster_set_unit(*self._r(), code.code if isinstance(code, Unit) else code)

    @property
    def post(self):
        """ "full_time", "part_time", "retired_volunteer" or "invited_expert"."""
        return _c.mediate_post_type_name(_c.mediate_mediator_post(self._p()))

    @post.setter
    def post(self, value):
        _c.mediate_roster_set_post(*self._r(), _enum(_c.mediate_post_type_parse, value))

    @property
    def level(self):
        return _c.mediate_mediator_level(self._p())

    @level.setter
    def level(self, value):
        _c.mediate_roster_set_level(*self._r(), value)

    @property
    def phone(self):
        """The phone, unmasked (personal data), or None."""
        return _c.mediate_mediator_phone(self._p())

    @phone.setter
    def phone(self, value):
        _c.mediate_roster_set_phone(*self._r(), value)

    # ---- specialties ----

    @property
    def specialties(self):
        """{category code: proficiency 1..5}, in the policy's category order."""
        p = self._p()
        return {_c.mediate_category_code(_c.mediate_mediator_specialty_at(p, i)):
                _c.mediate_mediator_proficiency_at(p, i)
                for i in range(_c.mediate_mediator_specialty_count(p))}

    def specialty_categories(self):
        """The specialties as (mediate.Category, proficiency) pairs."""
        p = self._p()
        return [(Category(self._roster.policy, _c.mediate_mediator_specialty_at(p, i)),
                 _c.mediate_mediator_proficiency_at(p, i))
                for i in range(_c.mediate_mediator_specialty_count(p))]

    def proficiency(self, category):
        """Proficiency in exactly this category (code or Category), 0 when none."""
        if isinstance(category, str):
            category = self._roster.policy.categories.get(category)
            if category is None:
                return 0
        return _c.mediate_mediator_proficiency(self._p(), category._p())

    def set_specialty(self, category, proficiency):
        """Sets a specialty (category code, proficiency 1..5); 0 removes it."""
        _c.mediate_roster_set_specialty(*self._r(), category, proficiency)

    # ---- think tank, external body, languages, modes ----

    @property
    def think_tank(self):
        return bool(_c.mediate_mediator_think_tank(self._p()))

    @think_tank.setter
    def think_tank(self, value):
        _c.mediate_roster_set_think_tank(*self._r(), 1 if value else 0)

    @property
    def external_body(self):
        """The outside body (court, bar, association) as a mediate.Unit, or None."""
        u = _c.mediate_mediator_external_body(self._p())
        return Unit(self._roster.policy, u) if u is not None else None

    @external_body.setter
    def external_body(self, code):
        _c.mediate_roster_set_external_body(*self._r(), code.code if isinstance(code, Unit) else code)

    @property
    def languages(self):
        """Language tags ("zh", "wuu"...), in the order added."""
        p = self._p()
        return [_c.mediate_mediator_language_at(p, i) for i in range(_c.mediate_mediator_language_count(p))]

    def speaks(self, tag):
        return bool(_c.mediate_mediator_speaks(self._p(), tag))

    def add_language(self, tag):
        _c.mediate_roster_add_language(*self._r(), tag)

    def remove_language(self, tag):
        _c.mediate_roster_remove_language(*self._r(), tag)

    @property
    def modes(self):
        """The modes offered, by name; set it with a list of names."""
        bits = _c.mediate_mediator_modes(self._p())
        return [m for m in MODES if bits & (1 << _c.mediate_case_mode_parse(m))]

    @modes.setter
    def modes(self, names):
        _c.mediate_roster_set_modes(*self._r(), _mode_bits(names))

    def offers(self, mode):
        return bool(_c.mediate_mediator_offers(self._p(), _enum(_c.mediate_case_mode_parse, mode)))

    # ---- place, capacity, duty ----

    @property
    def coordinates(self):
        """(lat, lon) in micro-degrees, or None; set a pair or None."""
        try:
            return tuple(_c.mediate_mediator_coordinates(self._p()))
        except NotFound:
            return None

    @coordinates.setter
    def coordinates(self, value):
        if value is None:
            _c.mediate_roster_clear_coordinates(*self._r())
        else:
            _c.mediate_roster_set_coordinates(*self._r(), int(value[0]), int(value[1]))

    @property
    def capacity(self):
        return _c.mediate_mediator_capacity(self._p())

    @capacity.setter
    def capacity(self, value):
        _c.mediate_roster_set_capacity(*self._r(), value)

    @property
    def load(self):
        return _c.mediate_mediator_load(self._p())

    @load.setter
    def load(self, value):
        _c.mediate_roster_set_load(*self._r(), value)

    free_capacity = property(lambda self: _c.mediate_mediator_free_capacity(self._p()),
                             doc="capacity - load, 0 when full.")

    @property
    def duty(self):
        """ "on" or "off" outside leave periods; set "on" or "off"."""
        return _c.mediate_duty_name(_c.mediate_mediator_duty(self._p()))

    @duty.setter
    def duty(self, value):
        _c.mediate_roster_set_duty(*self._r(), _enum(_c.mediate_duty_parse, value))

    def duty_at(self, at):
        """ "leave" inside a leave period, else the duty ("on", "off")."""
        return _c.mediate_duty_name(_c.mediate_mediator_duty_at(self._p(), at))

    @property
    def leave(self):
        """The leave periods as (from, until, reason) tuples, by start."""
        p = self._p()
        return [tuple(_c.mediate_mediator_leave_at(p, i)) for i in range(_c.mediate_mediator_leave_count(p))]

    def add_leave(self, start, until, reason=None):
        """Adds the leave period [start, until); periods may not overlap."""
        _c.mediate_roster_add_leave(*self._r(), start, until, reason)

    def remove_leave(self, start):
        """Removes the leave period that starts at start."""
        _c.mediate_roster_remove_leave(*self._r(), start)

    # ---- recusals ----

    @property
    def recusals(self):
        """The declared recusals as (party_id, name, relationship) tuples."""
        p = self._p()
        return [tuple(_c.mediate_mediator_recusal_at(p, i))
                for i in range(_c.mediate_mediator_recusal_count(p))]

    def add_recusal(self, party_id=None, name=None, relationship=None):
        """Declares a recusal from cases with a party of this id or name."""
        _c.mediate_roster_add_recusal(*self._r(), party_id, name, relationship)

    def remove_recusal(self, index):
        _c.mediate_roster_remove_recusal(*self._r(), index)

    def recuses(self, case):
        """The index of the first recusal naming a party of case (a
        mediate.Case), or None when the mediator may take it."""
        hit, index = _c.mediate_mediator_recuses(self._p(), case._handle())
        return index if hit else None


class MenuEntry:
    """One line of the published menu: the mediator, the score and the phone
    as published (masked unless the policy publishes phones)."""

    __slots__ = ("mediator", "score", "phone")

    def __init__(self, mediator, score, phone):
        self.mediator, self.score, self.phone = mediator, score, phone

    def __repr__(self):
        return "<MenuEntry %d %s %s>" % (self.score, self.mediator.staff_number, self.phone)


class Menu(list):
    """A page of the published menu: a list of MenuEntry; ``total`` is the
    number of matching mediators over all pages."""

    def __init__(self, entries, total):
        super().__init__(entries)
        self.total = total


class Roster(_Owner):
    """The roster of mediators.  Create with :meth:`new`, :meth:`load` or
    :meth:`loads`; use as a context manager or call :meth:`close`.

    ``len(roster)``, ``roster[i]``, iteration (mediators in roster order)
    and ``id in roster``.
    """

    def __init__(self, policy, ptr):
        self.policy = policy           # keeps the policy alive
        self._ptr = ptr
        self._gen = 0                  # counts removals: Mediator objects look themselves up again

    # ---- lifetime ----

    @classmethod
    def new(cls, policy):
        """An empty roster of the policy."""
        return cls(policy, _c.mediate_roster_new(policy._handle()))

    @classmethod
    def load(cls, policy, path, options=None, **limits):
        """Loads a mediate-roster(5) file; a failure raises the first error
        with ``.errors`` listing every one."""
        if options is None:
            options = LoadOptions(**limits)
        path = _os.fspath(path)
        return cls(policy, _load(lambda o: _c.mediate_roster_load_file(policy._handle(), path, o), options))

    @classmethod
    def loads(cls, policy, text, name=None, options=None, **limits):
        """Loads a roster from its YAML text (str or bytes)."""
        if options is None:
            options = LoadOptions(**limits)
        return cls(policy, _load(lambda o: _c.mediate_roster_load_buffer(policy._handle(), text, name, o),
                                 options))

    def to_yaml(self):
        """The roster as a mediate-roster(5) document that loads back equal."""
        return _c.mediate_roster_to_yaml(self._handle())

    _what = "roster"
    _free = staticmethod(_c.mediate_roster_free)

    def __repr__(self):
        if self._ptr is None:
            return "<Roster closed>"
        return "<Roster of %d mediators>" % len(self)

    # ---- mediators ----

    def __len__(self):
        return _c.mediate_roster_count(self._handle())

    def __getitem__(self, i):
        n = len(self)
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return Mediator(self, _c.mediate_roster_at(self._handle(), i))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, mediator_id):
        return self.find(mediator_id) is not None

    def find(self, mediator_id):
        """The mediator with this id, or None."""
        ptr = _c.mediate_roster_find(self._handle(), mediator_id)
        return Mediator(self, ptr) if ptr is not None else None

    def find_staff(self, staff_number):
        """The mediator with this staff number, or None."""
        ptr = _c.mediate_roster_find_staff(self._handle(), staff_number)
        return Mediator(self, ptr) if ptr is not None else None

    def add(self, staff_number, name, unit, post, level, id=None):
        """Adds a mediator (on duty, on the spot, capacity 1) and returns it.
        id None generates a UUID."""
        ptr = _c.mediate_roster_add(self._handle(), id, staff_number, name,
                                    unit.code if isinstance(unit, Unit) else unit,
                                    _enum(_c.mediate_post_type_parse, post), level)
        return Mediator(self, ptr)

    def remove(self, mediator):
        """Removes a mediator (a Mediator or an id); the last one moves into its place."""
        _c.mediate_roster_remove(self._handle(), mediator._id if isinstance(mediator, Mediator) else mediator)
        self._gen += 1

    def menu(self, category=None, unit=None, mode=None, at=0, page=0, page_size=10, ratings=None):
        """A page (from 0) of the published menu: the mediators on duty at
        `at` with a specialty within `category`, a unit within `unit`,
        offering `mode` (None: any), best score first, ties by staff number.
        ratings (a store with _handle(), or None) gives the scores."""
        h = self._handle()
        menu = _c.mediate_roster_menu(h, ratings._handle() if ratings is not None else None, category,
                                      unit, _enum(_c.mediate_case_mode_parse, mode) if mode else 0, at,
                                      page, page_size)
        try:
            entries = [MenuEntry(Mediator(self, _c.mediate_menu_mediator_at(menu, i)),
                                 _c.mediate_menu_score(menu, i), _c.mediate_menu_phone(menu, i))
                       for i in range(_c.mediate_menu_count(menu))]
            return Menu(entries, _c.mediate_menu_total(menu))
        finally:
            _c.mediate_menu_free(menu)
