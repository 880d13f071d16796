# SPDX-License-Identifier: MIT
"""Shared helpers of the Python binding tests (not a test module itself).

DATA: bindings/data of the source tree; EXAMPLES: examples/data.  The
launcher (bindings/python/run-tests.sh) sets MEDIATE_BINDINGS_DATA and
MEDIATE_EXAMPLES_DATA; run by hand, the paths are found from this file.
"""
import os

_HERE = os.path.dirname(os.path.abspath(__file__))
_TOP = os.path.normpath(os.path.join(_HERE, "..", "..", ".."))

DATA = os.environ.get("MEDIATE_BINDINGS_DATA") or os.path.join(_TOP, "bindings", "data")
EXAMPLES = os.environ.get("MEDIATE_EXAMPLES_DATA") or os.path.join(_TOP, "examples", "data")


def data(name):
    """The path of a file in bindings/data."""
    return os.path.join(DATA, name)
