# SPDX-License-Identifier: MIT
"""The exceptions of libmediate: one class per error code.

Every C function that returns a negative ``mediate_status`` raises the
subclass of :class:`Error` for its code; the C wrapper builds it through
:func:`_from_c` with the details of ``mediate_error_last()``.  This module
is pure Python so that the classes carry docstrings and can be subclassed.
"""

__all__ = [
    "Error", "InvalidArgument", "OutOfMemory", "OutOfRange", "ParseError",
    "ValidationError", "LimitExceeded", "Utf8Error", "NotFound",
    "AlreadyExists", "InvalidState", "IoError", "StoreError", "Refused",
    "Infeasible", "TamperDetected", "BufferTooSmall", "InternalError",
    "ErrorInfo", "error_class",
]


class ErrorInfo:
    """One error record: code, file, line, column, path and text.

    ``line`` and ``column`` count from 1; 0 means unknown.  ``path`` looks
    like ``org[3].parent`` (empty when the error is not about a place in a
    document).  ``str()`` gives the compiler-style form
    ``file:line:col: path: text``.
    """

    __slots__ = ("code", "name", "file", "line", "column", "path", "text")

    def __init__(self, code, file="", line=0, column=0, path="", text="", name=None):
        self.code = int(code)
        self.name = name if name is not None else _CODE_NAMES.get(self.code, "MEDIATE_E?")
        self.file = file or ""
        self.line = int(line)
        self.column = int(column)
        self.path = path or ""
        self.text = text or ""

    def __str__(self):
        where = self.file
        if self.line:
            where += ":%d" % self.line
            if self.column:
                where += ":%d" % self.column
        parts = []
        if where:
            parts.append(where)
        if self.path:
            parts.append(self.path)
        parts.append(self.text or self.name)
        return ": ".join(parts)

    def __repr__(self):
        return "ErrorInfo(%s, %r)" % (self.name, str(self))

    def __eq__(self, other):
        if not isinstance(other, ErrorInfo):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    __hash__ = None


class Error(Exception):
    """Base class of every libmediate error.

    Attributes: ``code`` (negative ``MEDIATE_E*`` value), ``name``
    (``"MEDIATE_EINVAL"``), ``file``, ``line``, ``column``, ``path``,
    ``text`` of the first error, ``info`` (the same as an
    :class:`ErrorInfo`) and ``errors``: every error of the operation when it
    collected them (a policy load), else a list holding ``info`` alone.
    """

    code = None  # set on each subclass; instances carry their own

    def __init__(self, info, errors=None):
        if not isinstance(info, ErrorInfo):
            info = ErrorInfo(self.code if self.code is not None else -17, text=str(info))
        super().__init__(str(info))
        self.info = info
        self.code = info.code
        self.name = info.name
        self.file = info.file
        self.line = info.line
        self.column = info.column
        self.path = info.path
        self.text = info.text
        self.errors = list(errors) if errors else [info]


class InvalidArgument(Error, ValueError):
    """MEDIATE_EINVAL: an argument is invalid (None, out of its domain)."""
    code = -1


class OutOfMemory(Error, MemoryError):
    """MEDIATE_ENOMEM: memory could not be allocated."""
    code = -2


class OutOfRange(Error, OverflowError):
    """MEDIATE_ERANGE: a number overflows or is out of range (money, time)."""
    code = -3


class ParseError(Error, ValueError):
    """MEDIATE_EPARSE: the input is not well-formed (YAML syntax, number text)."""
    code = -4


class ValidationError(Error, ValueError):
    """MEDIATE_EVALIDATE: the input is well-formed but breaks a rule of its format."""
    code = -5


class LimitExceeded(Error):
    """MEDIATE_ELIMIT: the input exceeds a configured limit (size, depth, length)."""
    code = -6


class Utf8Error(Error, ValueError):
    """MEDIATE_EUTF8: a string is not valid UTF-8 or holds a NUL byte.

    ``offset`` is the byte offset of the first bad byte when known, else None.
    """
    code = -7
    offset = None


class NotFound(Error, LookupError):
    """MEDIATE_ENOTFOUND: the named object does not exist."""
    code = -8


class AlreadyExists(Error):
    """MEDIATE_EEXISTS: an object with that identity already exists."""
    code = -9


class InvalidState(Error):
    """MEDIATE_ESTATE: the operation is not allowed in the object's current state."""
    code = -10


class IoError(Error, OSError):
    """MEDIATE_EIO: a file could not be read or written."""
    code = -11


class StoreError(Error):
    """MEDIATE_ESTORE: the database reported an error."""
    code = -12


class Refused(Error):
    """MEDIATE_EREFUSED: the request is understood but refused by a rule."""
    code = -13


class Infeasible(Error):
    """MEDIATE_EINFEASIBLE: no solution satisfies the constraints."""
    code = -14


class TamperDetected(Error):
    """MEDIATE_ETAMPER: an integrity check failed."""
    code = -15


class BufferTooSmall(Error):
    """MEDIATE_EBUFSIZE: the caller's buffer is too small."""
    code = -16


class InternalError(Error):
    """MEDIATE_EINTERNAL: a bug in libmediate; please report it."""
    code = -17


_CLASSES = {cls.code: cls for cls in (
    InvalidArgument, OutOfMemory, OutOfRange, ParseError, ValidationError,
    LimitExceeded, Utf8Error, NotFound, AlreadyExists, InvalidState, IoError,
    StoreError, Refused, Infeasible, TamperDetected, BufferTooSmall,
    InternalError)}

_CODE_NAMES = {
    0: "MEDIATE_OK", -1: "MEDIATE_EINVAL", -2: "MEDIATE_ENOMEM",
    -3: "MEDIATE_ERANGE", -4: "MEDIATE_EPARSE", -5: "MEDIATE_EVALIDATE",
    -6: "MEDIATE_ELIMIT", -7: "MEDIATE_EUTF8", -8: "MEDIATE_ENOTFOUND",
    -9: "MEDIATE_EEXISTS", -10: "MEDIATE_ESTATE", -11: "MEDIATE_EIO",
    -12: "MEDIATE_ESTORE", -13: "MEDIATE_EREFUSED", -14: "MEDIATE_EINFEASIBLE",
    -15: "MEDIATE_ETAMPER", -16: "MEDIATE_EBUFSIZE", -17: "MEDIATE_EINTERNAL",
}


def error_class(code):
    """The Error subclass for a code (Error itself for an unknown code)."""
    return _CLASSES.get(code, Error)


def _from_c(code, file, line, column, path, text, name):
    """Called by the C wrapper: the exception instance for one failure."""
    info = ErrorInfo(code, file, line, column, path, text, name)
    return error_class(code)(info)
