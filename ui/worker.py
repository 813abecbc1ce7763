"""The one long-lived inference thread: newest frame -> detector -> checkout engine.

The worker builds its session (detector, checkout engine, its own SQLite connection) inside
the thread, so none of those objects is ever touched by the UI thread. It emits immutable
values only: checkout views, source states, and errors through one signal.
Commands from the UI (Pay, Help, a PIN) and admin tasks arrive through a queue and are
handled between frames, in order.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QThread, Signal

from catalog.words import Said, reason

log = logging.getLogger(__name__)

IDLE_WAIT_MS = 1
WORKER_NICE = 10  # inference yields the CPU to the UI thread (Linux nice value)
WAIT_FOR_FRAME_S = 0.02
LOST_STATES = ("reconnecting", "failed", "ended")
SOURCE_STATES = {  # how a lost camera is named to staff, in the screen's language
    "reconnecting": Said("camera reconnecting"),
    "failed": Said("camera failed"),
    "ended": Said("camera ended"),
}
ERROR_BACKOFF_S = 0.5


class FrameProvider(Protocol):
    """A source whose ``latest()`` returns the newest frame without blocking.

    ``state`` and ``reason`` (as on ``LatestFrameSource``) tell why frames stopped.
    """

    def latest(self) -> Any: ...


class Session(Protocol):
    """What the worker drives; see ``ui.session.KioskSession`` for the real one."""

    def next_view(self, timeout: float) -> Any:
        """Infer the newest unseen frame (waiting up to ``timeout``); its view, or None."""

    def command(self, command: Any) -> Any:
        """Apply a UI command; return the new checkout view (or None)."""

    def tick(self, now: float) -> Any:
        """Let time-based transitions happen; return a new view or None if unchanged."""

    def source_lost(self, reason: str) -> Any:
        """The camera stopped; return the view to show (or None)."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class TaskResult:
    """The answer to :meth:`CheckoutWorker.submit`: a value, or the error's message."""

    token: int
    value: Any = None
    error: str | None = None
    exception: Exception | None = None


@dataclass(frozen=True)
class SourceStatus:
    """Whether frames are arriving; ``reason`` is for staff."""

    ok: bool
    reason: str = ""


def lower_thread_priority(nice: int) -> None:
    """Make the calling thread (and threads it starts later) yield the CPU to the UI thread.

    Linux keeps a nice value per thread and new threads inherit it, so onnxruntime's
    intra-op threads, created with the session on this thread, are lowered too. A frame
    inferred a little later is invisible; a UI stall is not. Elsewhere this does nothing.
    """
    if nice <= 0 or not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except OSError as exc:
        log.info("could not lower the inference thread's priority: %s", exc)


class CheckoutWorker(QThread):
    """Runs the session loop until interrupted; never blocks the UI thread."""

    ready = Signal()
    viewChanged = Signal(object)
    sourceChanged = Signal(object)
    taskDone = Signal(object)
    errored = Signal(str)

    def __init__(
        self,
        session_factory: Callable[[], Session],
        frames: FrameProvider,
        *,
        stall_seconds: float = 2.0,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CheckoutWorker")
        self._factory = session_factory
        self._frames = frames
        self._stall_seconds = stall_seconds
        self._inbox: queue.SimpleQueue[tuple[int, Any]] = queue.SimpleQueue()
        self._next_token = 1
        self.nice = WORKER_NICE
        self._source_ok: bool | None = None
        self._last_new_frame_at = time.monotonic()
        self.inferences = 0
        # When the loop last came round, and whether the session is still being built (read
        # by the UI thread's service heartbeat: attributes are written whole, no lock needed).
        self.beat_at = time.monotonic()
        self.building = False

    def post(self, command: Any) -> None:
        """Queue a checkout command (thread-safe); the new view arrives by ``viewChanged``."""
        self._inbox.put((0, command))

    def submit(self, task: Callable[[Session | None], Any]) -> int:
        """Run ``task(session)`` on the worker thread; its result arrives by ``taskDone``.

        ``session`` is None when it failed to start (staff can still sign in to leave).
        """
        token = self._next_token
        self._next_token += 1
        self._inbox.put((token, task))
        return token

    def stop(self, timeout_ms: int = 1000) -> bool:
        """Ask the loop to end and wait for it; True when the thread has finished."""
        self.requestInterruption()
        self.quit()
        return self.wait(timeout_ms)

    def run(self) -> None:
        """Build the session here, then loop: commands, source health, newest frame."""
        lower_thread_priority(self.nice)
        self.beat_at = time.monotonic()
        self.building = True  # loading the model: a GPU provider may compile it for minutes
        try:
            session = self._factory()
        except Exception as exc:
            self.building = False
            log.exception("kiosk session failed to start")
            self.errored.emit(str(exc) or type(exc).__name__)
            while not self.isInterruptionRequested():  # staff tasks still run (session None)
                self.beat_at = time.monotonic()
                self._handle_inbox(None)
                self.msleep(20)
            return
        self._last_new_frame_at = time.monotonic()  # loading the model is not a camera stall
        self.building = False
        self.ready.emit()
        try:
            self._loop(session)
        finally:
            session.close()

    def _loop(self, session: Session) -> None:
        while not self.isInterruptionRequested():
            self.beat_at = time.monotonic()
            try:
                self._handle_inbox(session)
                busy = self._step(session)
            except Exception as exc:
                log.exception("kiosk worker step failed")
                self.errored.emit(str(exc) or type(exc).__name__)
                self.msleep(int(ERROR_BACKOFF_S * 1000))
                continue
            if not busy:  # next_view returns at once for a source that has ended
                self.msleep(IDLE_WAIT_MS)

    def _handle_inbox(self, session: Session | None) -> None:
        while True:
            try:
                token, item = self._inbox.get_nowait()
            except queue.Empty:
                return
            if token:
                self._run_task(session, token, item)
            elif session is not None:
                self._emit_view(session.command(item))

    def _run_task(
        self, session: Session | None, token: int, task: Callable[[Session | None], Any]
    ) -> None:
        try:
            self.taskDone.emit(TaskResult(token, value=task(session)))
        except Exception as exc:
            log.info("task %d failed: %s", token, exc)
            self.taskDone.emit(TaskResult(token, error=reason(exc), exception=exc))

    def _step(self, session: Session) -> bool:
        """Infer the newest frame if there is a new one, then let time pass (payment
        polling, timeouts happen on ticks, also while frames keep coming); True when a
        frame was inferred."""
        view = session.next_view(WAIT_FOR_FRAME_S)
        now = time.monotonic()
        if view is not None:
            self._last_new_frame_at = now
            self._set_source(session, SourceStatus(True))
            self.inferences += 1
            self._emit_view(view)
        else:
            trouble = self._source_trouble(now)
            if trouble:
                self._set_source(session, SourceStatus(False, trouble))
        self._emit_view(session.tick(now))
        return view is not None

    def _source_trouble(self, now: float) -> str:
        """Why the camera counts as lost ("" while it is fine)."""
        state = str(getattr(self._frames, "state", "ok"))
        detail = str(getattr(self._frames, "reason", "") or "")
        if state in LOST_STATES:
            said = SOURCE_STATES[state]
            return Said("{state}: {reason}", state=said, reason=detail) if detail else said
        silent = now - self._last_new_frame_at
        if silent > self._stall_seconds:
            return Said("no picture from the camera for {seconds} s", seconds=f"{silent:.0f}")
        return ""

    def _set_source(self, session: Session, status: SourceStatus) -> None:
        if status.ok == self._source_ok:
            return
        self._source_ok = status.ok
        if not status.ok:
            self._emit_view(session.source_lost(status.reason))
        self.sourceChanged.emit(status)

    def _emit_view(self, view: Any) -> None:
        if view is not None:
            self.viewChanged.emit(view)
