# SPDX-License-Identifier: MIT
"""A C case list built from Case objects, for the calls that take many cases
at once (grading, payroll, export)."""

import contextlib

from . import capi as _c


@contextlib.contextmanager
def case_list(cases):
    """Yields a new C case list holding a copy of each case of `cases`, in
    order; the list and its copies are freed when the block ends."""
    lst = _c.mediate_case_list_new()
    try:
        for case in cases:
            copy = _c.mediate_case_clone(case._handle())
            try:
                _c.mediate_case_list_append(lst, copy)
            except Exception:
                _c.mediate_case_free(copy)
                raise
        yield lst
    finally:
        _c.mediate_case_list_free(lst)
