# SPDX-License-Identifier: MIT
"""The base of the classes that own one C object.

Policy, Case, Roster, Ratings, Matcher, Payroll and Route each hold a
pointer to a C object they created and must free exactly once: on
:meth:`Owner.close`, at the end of a ``with`` block, or when the Python
object is collected.  Using the object after that raises InvalidState.
"""

from . import capi as _c
from ._errors import ErrorInfo, InvalidState


class Owner:
    """Owns the C object at ``self._ptr``.

    A subclass names itself in ``_what`` (the message says "the roster is
    closed") and gives the C function that frees it in ``_free`` (a
    staticmethod); one whose freeing depends on its state overrides
    :meth:`_release` instead.
    """

    _what = "object"
    _free = None
    _ptr = None

    def _handle(self):
        """The pointer; raises InvalidState once closed."""
        if self._ptr is None:
            raise InvalidState(ErrorInfo(_c.MEDIATE_ESTATE, text="the %s is closed" % self._what))
        return self._ptr

    def _release(self, ptr):
        self._free(ptr)

    @property
    def closed(self):
        """True after close()."""
        return self._ptr is None

    def close(self):
        """Frees the C object.  Safe to call twice."""
        ptr, self._ptr = self._ptr, None
        if ptr is not None:
            self._release(ptr)

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:   # interpreter shutdown: the module may be gone
            pass
