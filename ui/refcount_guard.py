"""Work around a PySide6 6.12 bug that crashes long-running kiosks on CPython 3.11.

PySide6 6.12's methods that return ``void`` hand back ``None`` without adding a reference
(measured here: ``QLabel.setText``, ``QPainter.setPen``... each lower ``None``'s reference
count by one). On CPython 3.12+ ``None`` is immortal and nothing happens; on 3.11 the count
(about 4,500 at start-up) reaches zero after a few seconds of drawing and the process dies
with "Fatal Python error: none_dealloc". We do what CPython 3.12 does: give ``None`` a
reference count so large it can never reach zero (2**40 calls is decades of drawing).
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL_BOOST = 1 << 40
_applied = False


def pyside_loses_none_references() -> bool:
    """True when a void PySide6 call lowers ``None``'s reference count (the 6.12 bug)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


def guard_none_refcount() -> bool:
    """Make ``None`` effectively immortal if this PySide6 needs it; True when applied."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not pyside_loses_none_references():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL_BOOST
    _applied = True
    return True
