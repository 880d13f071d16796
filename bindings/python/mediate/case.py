# SPDX-License-Identifier: MIT
"""Cases of dispute mediation: parties, lifecycle, timeline, agreement.

A :class:`Case` is one dispute as a people's mediation committee keeps it.
It is bound to a :class:`mediate.Policy` (kept alive by the case) that
checks its category and org-unit codes.  Enumerations are their YAML names
("in_mediation", "police_110", "third_party"...); times are int seconds
since the epoch, UTC; money is int fen.

    >>> import mediate
    >>> from mediate.case import Case
    >>> with mediate.Policy.load("county.yaml") as p:               # doctest: +SKIP
    ...     with Case.new(p, "YZ-ZGM-PS-TJ", mediate.time_parse(
    ...             "2026-11-03T21:40:00+08:00"), actor="u-110") as c:
    ...         c.add_party("p1", "applicant", "person", "张建华", phone="13812345678")
    ...         c.transition("assessed", c.received_at + 60, "u-pan", "YZ-ZGM-PS-TJ")
    ...         for party in c.parties:
    ...             print(party.name, party.phone_masked)
    ...         for event in c.timeline:
    ...             print(event.kind, event.to_state)

Every failure raises a :class:`mediate.Error` subclass; an impossible
transition raises :class:`mediate.InvalidState` and changes nothing.
"""

import collections as _collections

from . import capi as _c
from ._owner import Owner as _Owner
from ._caselist import case_list as _case_list
from ._errors import ErrorInfo, InvalidState

__all__ = ["Case", "Party", "Mediator", "Session", "Agreement", "Followup", "Event",
           "transition_allowed", "STATES", "resident_id_check", "resident_id_birth_date",
           "mask_phone", "mask_document", "load_cases", "dump_cases"]

#: The lifecycle states, in order.
STATES = tuple(_c.mediate_case_state_name(i) for i in range(1, _c.MEDIATE_CASE_STATE_COUNT + 1))


def _enum(parse, name):
    return parse(name) if isinstance(name, str) else int(name)


def _flags(parse, names):
    bits = 0
    for n in names:
        bits |= parse(n)
    return bits


def _flag_names(namefn, bits, limit):
    out, b = [], 1
    while b <= limit:
        if bits & b:
            out.append(namefn(b))
        b <<= 1
    return out


def transition_allowed(from_state, to_state):
    """True when the transition table allows from_state -> to_state (names)."""
    return bool(_c.mediate_case_transition_allowed(_enum(_c.mediate_case_state_parse, from_state),
                                                   _enum(_c.mediate_case_state_parse, to_state)))


def resident_id_check(number):
    """Raises ValidationError unless number is a valid mainland resident ID."""
    _c.mediate_resident_id_check(number)


def resident_id_birth_date(number):
    """(year, month, day) of a valid resident ID number."""
    return tuple(_c.mediate_resident_id_birth_date(number))


def mask_phone(phone):
    """"13812345678" -> "138****5678"."""
    return _c.mediate_mask_phone(phone)


def mask_document(number):
    """All but the last four characters masked."""
    return _c.mediate_mask_document(number)


class _Borrowed:
    """Something owned by a case: keeps the case alive, refuses use after close."""
    __slots__ = ("_case", "_ptr")

    def __init__(self, case, ptr):
        self._case = case
        self._ptr = ptr

    def _p(self):
        self._case._handle()
        return self._ptr


class Party(_Borrowed):
    """A party of a case (read only; change it through the Case)."""
    __slots__ = ()

    id = property(lambda self: _c.mediate_party_id(self._p()), doc="Id, unique in the case.")
    name = property(lambda self: _c.mediate_party_name(self._p()))
    role = property(lambda self: _c.mediate_party_role_name(_c.mediate_party_get_role(self._p())),
                    doc='"applicant", "respondent", "third_party" or "agent".')
    kind = property(lambda self: _c.mediate_party_kind_name(_c.mediate_party_get_kind(self._p())),
                    doc='"person" or "organisation".')
    phone = property(lambda self: _c.mediate_party_phone(self._p()), doc="Full phone (personal data).")
    phone_masked = property(lambda self: _c.mediate_party_phone_masked(self._p()))
    document = property(lambda self: _c.mediate_party_document(self._p()), doc="Full number (personal data).")
    document_masked = property(lambda self: _c.mediate_party_document_masked(self._p()))
    address = property(lambda self: _c.mediate_party_address(self._p()))
    represents = property(lambda self: _c.mediate_party_represents(self._p()))

    @property
    def doc_type(self):
        """The document type name, or None."""
        t = _c.mediate_party_doc_type_of(self._p())
        return _c.mediate_party_doc_type_name(t) if t else None

    @property
    def flags(self):
        """Set of flag names ("minor", "elderly", "disabled", "non_local")."""
        return set(_flag_names(_c.mediate_party_flag_name, _c.mediate_party_flags(self._p()),
                               _c.MEDIATE_PARTY_FLAGS_ALL))

    def __repr__(self):
        return "<Party %s %s %s>" % (self.id, self.role, self.name)


class Mediator(_Borrowed):
    """A mediator assigned to a case."""
    __slots__ = ()
    id = property(lambda self: _c.mediate_case_mediator_id(self._p()))
    name = property(lambda self: _c.mediate_case_mediator_name(self._p()))
    role = property(lambda self: _c.mediate_case_mediator_role_name(
        _c.mediate_case_mediator_get_role(self._p())), doc='"lead", "co_mediator" or "expert".')


class Session(_Borrowed):
    """A mediation session of a case."""
    __slots__ = ()
    time = property(lambda self: _c.mediate_case_session_time(self._p()))
    place = property(lambda self: _c.mediate_case_session_place(self._p()))
    video = property(lambda self: bool(_c.mediate_case_session_is_video(self._p())))
    notes = property(lambda self: _c.mediate_case_session_notes(self._p()))

    @property
    def attendees(self):
        """Party and mediator ids of those present."""
        p = self._p()
        return [_c.mediate_case_session_attendee_at(p, i)
                for i in range(_c.mediate_case_session_attendee_count(p))]


class Followup(_Borrowed):
    """A follow-up visit."""
    __slots__ = ()
    time = property(lambda self: _c.mediate_followup_time(self._p()))
    result = property(lambda self: _c.mediate_followup_result_name(_c.mediate_followup_get_result(self._p())))
    notes = property(lambda self: _c.mediate_followup_notes(self._p()))
    actor = property(lambda self: _c.mediate_followup_actor(self._p()))


#: One event of the timeline (a plain, immutable copy).
Event = _collections.namedtuple("Event", "time actor unit kind from_state to_state details")


def _opt_time(fn, *args):
    try:
        return fn(*args)
    except Exception as e:   # NotFound: not set
        if getattr(e, "code", None) == _c.MEDIATE_ENOTFOUND:
            return None
        raise


class Agreement(_Borrowed):
    """The written agreement of the current round of mediation."""
    __slots__ = ()

    def text(self, field):
        """A part by name ("facts", "issues", "responsibilities", "terms",
        "performance_manner", "performance_place"), or None."""
        return _c.mediate_agreement_text(self._p(), _enum(_c.mediate_agreement_field_parse, field))

    deadline = property(lambda self: _opt_time(_c.mediate_agreement_deadline, self._p()))
    drafted_at = property(lambda self: _c.mediate_agreement_drafted_at(self._p()))
    effective = property(lambda self: bool(_c.mediate_agreement_is_effective(self._p())))
    effective_at = property(lambda self: _opt_time(_c.mediate_agreement_effective_at, self._p()))
    confirmation = property(lambda self: _c.mediate_confirmation_status_name(
        _c.mediate_agreement_confirmation(self._p())))
    court = property(lambda self: _c.mediate_agreement_court(self._p()))
    applied_at = property(lambda self: _opt_time(_c.mediate_agreement_applied_at, self._p()))
    decided_at = property(lambda self: _opt_time(_c.mediate_agreement_decided_at, self._p()))
    enforceable = property(lambda self: bool(_c.mediate_agreement_is_enforceable(self._p())))

    @property
    def signatures(self):
        """[(signer id, time)] in signing order."""
        p = self._p()
        return [(_c.mediate_agreement_signer_at(p, i), _c.mediate_agreement_signed_at(p, i))
                for i in range(_c.mediate_agreement_signature_count(p))]


class _Seq:
    """A live, read-only sequence of things borrowed from a case."""

    def __init__(self, case, cls, count, at):
        self._case, self._cls, self._count, self._at = case, cls, count, at

    def __len__(self):
        return self._count(self._case._handle())

    def __getitem__(self, i):
        n = len(self)
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._cls(self._case, self._at(self._case._handle(), i))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]


def _event(case, ptr):
    return Event(_c.mediate_case_event_time(ptr), _c.mediate_case_event_actor(ptr),
                 _c.mediate_case_event_unit(ptr),
                 _c.mediate_case_event_kind_name(_c.mediate_case_event_get_kind(ptr)),
                 _c.mediate_case_state_name(_c.mediate_case_event_from(ptr)),
                 _c.mediate_case_state_name(_c.mediate_case_event_to(ptr)),
                 _c.mediate_case_event_details(ptr))


class Case(_Owner):
    """One dispute.  Create with :meth:`new`, :meth:`from_yaml` or
    :func:`load_cases`; use as a context manager or call :meth:`close`.

    ``parties``, ``mediators``, ``sessions``, ``followups`` and ``timeline``
    are live sequences (iterate them, index them, take ``len``).
    """

    def __init__(self, policy, ptr):
        self._policy = policy          # keeps the policy alive
        self._ptr = ptr
        self.parties = _Seq(self, Party, _c.mediate_case_party_count, _c.mediate_case_party_at)
        self.mediators = _Seq(self, Mediator, _c.mediate_case_mediator_count, _c.mediate_case_mediator_at)
        self.sessions = _Seq(self, Session, _c.mediate_case_session_count, _c.mediate_case_session_at)
        self.followups = _Seq(self, Followup, _c.mediate_case_followup_count, _c.mediate_case_followup_at)
        self.timeline = _Seq(self, _event, _c.mediate_case_event_count, _c.mediate_case_event_at)

    # ---- lifetime ----

    @classmethod
    def new(cls, policy, unit, received_at, actor, offset_minutes=480):
        """A new case received by the org unit `unit` at received_at."""
        return cls(policy, _c.mediate_case_new(policy._handle(), unit, received_at, offset_minutes, actor))

    @classmethod
    def from_yaml(cls, policy, text, name=None):
        """A case from its YAML document (mediate-case(5))."""
        return cls(policy, _c.mediate_case_from_yaml(policy._handle(), text, name, None))

    def to_yaml(self, mask=False):
        """The case as a YAML document; mask=True hides personal data."""
        return _c.mediate_case_to_yaml(self._handle(), _c.MEDIATE_CASE_YAML_MASK if mask else 0)

    def clone(self):
        """A deep, independent copy."""
        return Case(self._policy, _c.mediate_case_clone(self._handle()))

    _what = "case"
    _free = staticmethod(_c.mediate_case_free)

    def __repr__(self):
        if self._ptr is None:
            return "<Case closed>"
        return "<Case %s %s>" % (self.number or self.id, self.state)

    # ---- identity ----

    id = property(lambda self: _c.mediate_case_id_text(self._handle()), doc="UUID text.")
    number = property(lambda self: _c.mediate_case_number(self._handle()), doc="Case number or None.")
    state = property(lambda self: _c.mediate_case_state_name(_c.mediate_case_get_state(self._handle())))
    received_at = property(lambda self: _c.mediate_case_received_at(self._handle()))
    offset = property(lambda self: _c.mediate_case_offset(self._handle()))
    unit = property(lambda self: _c.mediate_unit_code(_c.mediate_case_unit(self._handle())))

    def assign_number(self, sequence):
        """Numbers the case "<unit>-<year>-<sequence>" (once)."""
        _c.mediate_case_assign_number(self._handle(), sequence)

    # ---- place and facts ----

    @property
    def source(self):
        s = _c.mediate_case_get_source(self._handle())
        return _c.mediate_case_source_name(s) if s else None

    source_ref = property(lambda self: _c.mediate_case_source_ref(self._handle()))

    def set_source(self, source, reference=None):
        _c.mediate_case_set_source(self._handle(), _enum(_c.mediate_case_source_parse, source), reference)

    @property
    def category(self):
        cat = _c.mediate_case_category(self._handle())
        return _c.mediate_category_code(cat) if cat is not None else None

    @category.setter
    def category(self, code):
        _c.mediate_case_set_category(self._handle(), code)

    @property
    def address(self):
        return _c.mediate_case_address(self._handle())

    @address.setter
    def address(self, text):
        _c.mediate_case_set_address(self._handle(), text)

    @property
    def grid(self):
        u = _c.mediate_case_grid(self._handle())
        return _c.mediate_unit_code(u) if u is not None else None

    @grid.setter
    def grid(self, code):
        _c.mediate_case_set_grid(self._handle(), code)

    @property
    def coordinates(self):
        """(lat, lon) in micro-degrees, or None."""
        try:
            return tuple(_c.mediate_case_coordinates(self._handle()))
        except Exception as e:
            if getattr(e, "code", None) == _c.MEDIATE_ENOTFOUND:
                return None
            raise

    @coordinates.setter
    def coordinates(self, value):
        if value is None:
            _c.mediate_case_clear_coordinates(self._handle())
        else:
            _c.mediate_case_set_coordinates(self._handle(), value[0], value[1])

    @property
    def description(self):
        return _c.mediate_case_description(self._handle())

    @description.setter
    def description(self, text):
        _c.mediate_case_set_description(self._handle(), text)

    @property
    def people_involved(self):
        return _c.mediate_case_people_involved(self._handle())

    @people_involved.setter
    def people_involved(self, n):
        _c.mediate_case_set_people_involved(self._handle(), n)

    @property
    def amount(self):
        """Amount in dispute, fen."""
        return _c.mediate_case_amount(self._handle())

    @amount.setter
    def amount(self, fen):
        _c.mediate_case_set_amount(self._handle(), fen)

    @property
    def risks(self):
        """Set of risk names."""
        return set(_flag_names(_c.mediate_case_risk_name, _c.mediate_case_risks(self._handle()),
                               _c.MEDIATE_RISK_ALL))

    @risks.setter
    def risks(self, names):
        _c.mediate_case_set_risks(self._handle(), _flags(_c.mediate_case_risk_parse, names))

    @property
    def prior_police_calls(self):
        return _c.mediate_case_prior_police_calls(self._handle())

    @prior_police_calls.setter
    def prior_police_calls(self, n):
        _c.mediate_case_set_prior_police_calls(self._handle(), n)

    @property
    def tags(self):
        h = self._handle()
        return [_c.mediate_case_tag_at(h, i) for i in range(_c.mediate_case_tag_count(h))]

    def add_tag(self, tag):
        _c.mediate_case_add_tag(self._handle(), tag)

    def remove_tag(self, tag):
        _c.mediate_case_remove_tag(self._handle(), tag)

    # ---- parties ----

    def add_party(self, party_id, role, kind, name, phone=None, document=None,
                  doc_type="resident_id", address=None, flags=(), represents=None):
        """Adds a party; on any failure the party is taken out again."""
        h = self._handle()
        _c.mediate_case_add_party(h, party_id, _enum(_c.mediate_party_role_parse, role),
                                  _enum(_c.mediate_party_kind_parse, kind), name)
        try:
            if phone is not None:
                _c.mediate_case_party_set_phone(h, party_id, phone)
            if document is not None:
                _c.mediate_case_party_set_document(h, party_id,
                                                   _enum(_c.mediate_party_doc_type_parse, doc_type), document)
            if address is not None:
                _c.mediate_case_party_set_address(h, party_id, address)
            if flags:
                _c.mediate_case_party_set_flags(h, party_id, _flags(_c.mediate_party_flag_parse, flags))
            if represents is not None:
                _c.mediate_case_party_set_represents(h, party_id, represents)
        except Exception:
            _c.mediate_case_remove_party(h, party_id)
            raise
        return self.party(party_id)

    def party(self, party_id):
        """The party with that id, or None."""
        ptr = _c.mediate_case_party_find(self._handle(), party_id)
        return Party(self, ptr) if ptr is not None else None

    def remove_party(self, party_id):
        _c.mediate_case_remove_party(self._handle(), party_id)

    def update_party(self, party_id, **changes):
        """Changes name, role, kind, phone, document (+doc_type), address, flags, represents."""
        h = self._handle()
        for key, value in changes.items():
            if key == "name":
                _c.mediate_case_party_set_name(h, party_id, value)
            elif key == "role":
                _c.mediate_case_party_set_role(h, party_id, _enum(_c.mediate_party_role_parse, value))
            elif key == "kind":
                _c.mediate_case_party_set_kind(h, party_id, _enum(_c.mediate_party_kind_parse, value))
            elif key == "phone":
                _c.mediate_case_party_set_phone(h, party_id, value)
            elif key == "document":
                _c.mediate_case_party_set_document(
                    h, party_id, _enum(_c.mediate_party_doc_type_parse, changes.get("doc_type", "resident_id")),
                    value)
            elif key == "address":
                _c.mediate_case_party_set_address(h, party_id, value)
            elif key == "flags":
                _c.mediate_case_party_set_flags(h, party_id, _flags(_c.mediate_party_flag_parse, value))
            elif key == "represents":
                _c.mediate_case_party_set_represents(h, party_id, value)
            elif key != "doc_type":
                raise TypeError("unknown party field %r" % key)

    # ---- mediation ----

    def add_mediator(self, mediator_id, name, role, at, actor, actor_unit):
        _c.mediate_case_add_mediator(self._handle(), mediator_id, name,
                                     _enum(_c.mediate_case_mediator_role_parse, role), at, actor, actor_unit)

    def remove_mediator(self, mediator_id, at, actor, actor_unit, details=None):
        _c.mediate_case_remove_mediator(self._handle(), mediator_id, at, actor, actor_unit, details)

    def mediator(self, mediator_id):
        ptr = _c.mediate_case_mediator_find(self._handle(), mediator_id)
        return Mediator(self, ptr) if ptr is not None else None

    @property
    def mode(self):
        m = _c.mediate_case_get_mode(self._handle())
        return _c.mediate_case_mode_name(m) if m else None

    @mode.setter
    def mode(self, name):
        _c.mediate_case_set_mode(self._handle(), _enum(_c.mediate_case_mode_parse, name))

    @property
    def joint_bodies(self):
        h = self._handle()
        return [_c.mediate_unit_code(_c.mediate_case_joint_body_at(h, i))
                for i in range(_c.mediate_case_joint_body_count(h))]

    def add_joint_body(self, unit):
        _c.mediate_case_add_joint_body(self._handle(), unit)

    def remove_joint_body(self, unit):
        _c.mediate_case_remove_joint_body(self._handle(), unit)

    @property
    def private_hearing(self):
        return bool(_c.mediate_case_private_hearing(self._handle()))

    @private_hearing.setter
    def private_hearing(self, on):
        _c.mediate_case_set_private_hearing(self._handle(), 1 if on else 0)

    def add_session(self, at, actor, actor_unit, place=None, video=False, notes=None, attendees=()):
        """Records a session; returns its index."""
        h = self._handle()
        index = _c.mediate_case_add_session(h, at, place, 1 if video else 0, notes, actor, actor_unit)
        for who in attendees:
            _c.mediate_case_session_add_attendee(h, index, who)
        return index

    # ---- lifecycle ----

    def transition(self, to, at, actor, actor_unit, details=None):
        """Moves the case to the state `to` (name); InvalidState if impossible."""
        _c.mediate_case_transition(self._handle(), _enum(_c.mediate_case_state_parse, to), at, actor,
                                   actor_unit, details)

    def reach_agreement(self, form, at, actor, actor_unit, details=None):
        _c.mediate_case_reach_agreement(self._handle(), _enum(_c.mediate_agreement_form_parse, form), at,
                                        actor, actor_unit, details)

    def transfer(self, kind, body, at, actor, actor_unit, details=None):
        _c.mediate_case_transfer(self._handle(), _enum(_c.mediate_transfer_kind_parse, kind), body, at,
                                 actor, actor_unit, details)

    def add_note(self, at, actor, actor_unit, text):
        _c.mediate_case_add_note(self._handle(), at, actor, actor_unit, text)

    outcome = property(lambda self: _c.mediate_case_outcome_name(_c.mediate_case_get_outcome(self._handle())))

    @property
    def agreement_form(self):
        f = _c.mediate_case_agreement_form(self._handle())
        return _c.mediate_agreement_form_name(f) if f else None

    @property
    def transfer_kind(self):
        k = _c.mediate_case_transfer_kind(self._handle())
        return _c.mediate_transfer_kind_name(k) if k else None

    transfer_body = property(lambda self: _c.mediate_case_transfer_body(self._handle()))
    remediation_count = property(lambda self: _c.mediate_case_remediation_count(self._handle()))

    # ---- deadlines ----

    accepted_at = property(lambda self: _opt_time(_c.mediate_case_accepted_at, self._handle()))
    mediation_due = property(lambda self: _opt_time(_c.mediate_case_mediation_due, self._handle()))
    confirmation_due = property(lambda self: _opt_time(_c.mediate_case_confirmation_due, self._handle()))
    followup_due = property(lambda self: _opt_time(_c.mediate_case_followup_due, self._handle()))

    def extend(self, new_due, at, actor, actor_unit, details=None):
        _c.mediate_case_extend(self._handle(), new_due, at, actor, actor_unit, details)

    @property
    def extensions(self):
        """[(new_due, recorded_at)]."""
        h = self._handle()
        return [tuple(_c.mediate_case_extension_at(h, i)) for i in range(_c.mediate_case_extension_count(h))]

    def is_overdue(self, now):
        return bool(_c.mediate_case_is_overdue(self._handle(), now))

    # ---- the written agreement ----

    @property
    def agreement(self):
        ptr = _c.mediate_case_agreement(self._handle())
        return Agreement(self, ptr) if ptr is not None else None

    def draft_agreement(self, at, actor, actor_unit, deadline=None, **texts):
        """Drafts the written agreement; keyword arguments set its parts."""
        h = self._handle()
        _c.mediate_case_draft_agreement(h, at, actor, actor_unit)
        for field, text in texts.items():
            _c.mediate_case_agreement_set_text(h, _enum(_c.mediate_agreement_field_parse, field), text)
        if deadline is not None:
            _c.mediate_case_agreement_set_deadline(h, deadline)
        return self.agreement

    def sign(self, signer_id, at, actor, actor_unit):
        _c.mediate_case_agreement_sign(self._handle(), signer_id, at, actor, actor_unit)

    def apply_confirmation(self, court, at, actor, actor_unit):
        _c.mediate_case_apply_confirmation(self._handle(), court, at, actor, actor_unit)

    def decide_confirmation(self, valid, at, actor, actor_unit, details=None):
        d = _c.MEDIATE_CONFIRMATION_VALID if valid else _c.MEDIATE_CONFIRMATION_INVALID
        _c.mediate_case_decide_confirmation(self._handle(), d, at, actor, actor_unit, details)

    # ---- follow-up ----

    def schedule_followup(self, due, at, actor, actor_unit):
        _c.mediate_case_schedule_followup(self._handle(), due, at, actor, actor_unit)

    def add_followup(self, result, at, actor, actor_unit, notes=None):
        _c.mediate_case_add_followup(self._handle(), _enum(_c.mediate_followup_result_parse, result), notes,
                                     at, actor, actor_unit)


def load_cases(policy, path):
    """Every case of a YAML file of cases, as independent Case objects."""
    lst = _c.mediate_case_list_load_file(policy._handle(), path, None)
    try:
        return [Case(policy, _c.mediate_case_clone(_c.mediate_case_list_at(lst, i)))
                for i in range(_c.mediate_case_list_count(lst))]
    finally:
        _c.mediate_case_list_free(lst)


def dump_cases(cases, mask=False):
    """One YAML document holding every case of `cases`."""
    with _case_list(cases) as lst:
        return _c.mediate_case_list_to_yaml(lst, _c.MEDIATE_CASE_YAML_MASK if mask else 0)
