"""Work around a PySide6 6.12 bug that crashes long-running kiosks on CPython 3.11.

PySide6 6.12 hands back some results without adding a reference: every method that
returns ``void`` returns ``None`` that way (``QLabel.setText``, ``QPainter.setPen``...), and
``Signal.emit`` returns ``True`` that way. Each call lowers the singleton's reference count
by one. On CPython 3.12+ these objects are immortal and nothing happens; on 3.11 the count
(a few thousand at start-up) reaches zero after seconds to minutes of drawing and emitting,
and the process dies with "Fatal Python error: none_dealloc" (or "bool_dealloc"). We do what
CPython 3.12 does: give the affected singletons a reference count so large it can never
reach zero (2**40 calls is decades of drawing at thousands of calls per second).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

IMMORTAL_BOOST = 1 << 40
PROBE_CALLS = 20
_guarded: set[str] = set()


def _loses_references(singleton: object, call: Callable[[], object]) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(PROBE_CALLS):
        call()
    return sys.getrefcount(singleton) < before - PROBE_CALLS // 2


def leaking_singletons() -> dict[str, object]:
    """The singletons this PySide6 build loses references to (probed, not assumed)."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    leaks: dict[str, object] = {}
    if _loses_references(None, lambda: probe.setObjectName("probe")):
        leaks["None"] = None
    if _loses_references(True, probe.ping.emit):
        leaks["True"], leaks["False"] = True, False  # emit may also return False
    return leaks


def guard_singleton_refcounts() -> set[str]:
    """Make the leaking singletons effectively immortal; the names of those guarded."""
    if _guarded or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return set(_guarded)
    for name, singleton in leaking_singletons().items():
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL_BOOST
        _guarded.add(name)
    return set(_guarded)
