"""``LatestFrameSource``: a grabber thread that keeps only the newest frame, and its watchdog.

Cameras lie: ``read()`` may hang, fail, or keep returning the last picture after an unplug.
So a supervisor thread watches the time of the last *new* frame; when nothing new has come
for ``stall_seconds`` it abandons the grabber (a hung read cannot be interrupted, so the old
thread releases its reader whenever its read returns) and opens the source again, waiting
a little longer after each failed attempt up to ``backoff_max``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from kiosk.sources import STILL_FPS, Frame, FrameReader, open_reader

log = logging.getLogger(__name__)

OPEN_SECONDS = 10.0  # opening a camera or stream may take this long before it counts as hung
MAX_HUNG_READS = 2  # abandoned reads still blocked in the driver before we stop reopening
STATES = ("starting", "ok", "reconnecting", "failed", "ended", "stopped")
StateCallback = Callable[[str, str], None]


class _Grabber:
    """One attempt at reading a source, on its own thread; the owner may abandon it."""

    def __init__(self, owner: LatestFrameSource, generation: int) -> None:
        self.owner = owner
        self.generation = generation
        self.outcome = ""  # why the thread ended: "" (still running or abandoned), "ended", ...
        self.problem = ""  # the latest trouble seen while running, for the stall message
        self.started = time.monotonic()
        self.opened: float | None = None  # when the source finished opening
        self.thread = threading.Thread(
            target=self.run, name=f"frame-grabber-{generation}", daemon=True
        )

    @property
    def current(self) -> bool:
        return self.generation == self.owner._generation and not self.owner._stopping.is_set()

    def run(self) -> None:
        reader: FrameReader | None = None
        try:
            reader = self.owner._opener()
            self.opened = time.monotonic()
            read_since_open = 0
            while self.current:
                image = self._read(reader)
                if image is None and not reader.live:
                    if not self.owner.loop or read_since_open == 0:
                        self.outcome = "ended"
                        return
                    reader.release()
                    reader, read_since_open = self.owner._opener(), 0
                    continue
                if image is not None and self.current:
                    read_since_open += 1
                    if not self.owner._offer(image, reader):
                        self.problem = "the same picture repeats"
                        self.owner._stopping.wait(0.005)
        except Exception as exc:  # any failure means: reopen; the reason is reported
            self.outcome = f"{type(exc).__name__}: {exc}"
        finally:
            if reader is not None:
                reader.release()

    def _read(self, reader: FrameReader) -> np.ndarray | None:
        try:
            image = reader.read()
        except Exception as exc:  # a flaky camera raises; keep trying until the watchdog acts
            if not reader.live:
                raise  # a file will fail the same way again: report it and reopen with backoff
            self.problem = f"read failed: {type(exc).__name__}: {exc}"
            self.owner._stopping.wait(0.02)
            return None
        if image is None and reader.live:
            self.problem = "read returned no frame"
            self.owner._stopping.wait(0.01)
        return image


class LatestFrameSource:
    """The newest frame of a source, grabbed on a background thread.

    ``latest()`` never blocks; ``wait_for_frame(after_index, timeout)`` sleeps on a condition
    until a newer frame exists. ``state`` is one of ``STATES``: "starting", "ok",
    "reconnecting" (trying again), "failed" (``fail_after`` attempts in a row failed; still
    retrying at ``backoff_max``), "ended" (a file without ``loop``) or "stopped". ``reason``
    says why, in words fit for a log or a staff screen.
    File sources are paced at their own frame rate when ``realtime``; a camera paces itself.
    """

    def __init__(
        self,
        spec: str,
        *,
        loop: bool = True,
        width: int | None = None,
        height: int | None = None,
        fps: float | None = None,
        stall_seconds: float = 2.0,
        realtime: bool = True,
        opener: Callable[[], FrameReader] | None = None,
        on_state: StateCallback | None = None,
        backoff_initial: float = 0.1,
        backoff_max: float = 1.0,
        fail_after: int = 5,
    ) -> None:
        self.spec = spec
        self.loop = loop
        self.stall_seconds = stall_seconds
        self.realtime = realtime
        self.backoff = (backoff_initial, backoff_max)
        self.fail_after = fail_after
        self.reconnects = 0  # how many times the source was reopened after a fault
        self._opener = opener or partial(open_reader, spec, width=width, height=height, fps=fps)
        self._on_state = on_state
        self._fps = fps
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._last_image: np.ndarray | None = None
        self._last_new = time.monotonic()
        self._next_due = 0.0
        self._state, self._reason = "starting", ""
        self._stopping = threading.Event()
        self._generation = 0
        self._grabber: _Grabber | None = None
        self._hung: list[_Grabber] = []  # abandoned grabbers still stuck in a read
        self._supervisor: threading.Thread | None = None
        self._start = time.monotonic()

    @property
    def state(self) -> str:
        return self._state

    @property
    def reason(self) -> str:
        return self._reason

    def latest(self) -> Frame | None:
        """The newest frame, or None before the first one arrives."""
        return self._latest

    def wait_for_frame(self, after_index: int = -1, timeout: float | None = None) -> Frame | None:
        """Block until a frame with ``index > after_index`` exists; None on timeout or stop."""
        with self._cond:
            self._cond.wait_for(self._newer_or_done(after_index), timeout)
            frame = self._latest
        return frame if frame is not None and frame.index > after_index else None

    def _newer_or_done(self, after_index: int) -> Callable[[], bool]:
        def ready() -> bool:
            frame = self._latest
            newer = frame is not None and frame.index > after_index
            return newer or self._state in ("ended", "stopped")

        return ready

    def start(self) -> LatestFrameSource:
        """Start grabbing; a stopped source cannot start again (make a new one)."""
        if self._stopping.is_set():
            raise RuntimeError("this frame source was stopped; create a new one")
        if self._supervisor is None:
            self._start = time.monotonic()
            self._supervisor = threading.Thread(
                target=self._supervise, name="frame-watchdog", daemon=True
            )
            self._supervisor.start()
        return self

    def stop(self, timeout: float = 0.4) -> None:
        """Stop both threads; returns within ``timeout`` even if a read hangs in the driver."""
        self._stopping.set()
        deadline = time.monotonic() + timeout
        for thread in (self._supervisor, self._grabber.thread if self._grabber else None):
            if thread is not None and thread.is_alive():
                thread.join(max(0.0, deadline - time.monotonic()))
                if thread.is_alive():
                    log.warning("%s still blocked in the driver; leaving it", thread.name)
        self._set_state("stopped", "stopped")

    def __enter__(self) -> LatestFrameSource:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _set_state(self, state: str, reason: str) -> None:
        with self._cond:
            if self._state == "stopped":  # final: a late report from a thread changes nothing
                return
            changed = state != self._state
            self._state, self._reason = state, reason
            self._cond.notify_all()
        if changed:
            log.info("camera %s: %s (%s)", self.spec, state, reason)
            self._report(state, reason)

    def _report(self, state: str, reason: str) -> None:
        if self._on_state is None:
            return
        try:
            self._on_state(state, reason)
        except Exception:  # a broken listener must not stop the camera; it is logged
            log.exception("state callback failed for %s -> %s", self.spec, state)

    def _offer(self, image: np.ndarray, reader: FrameReader) -> bool:
        """Called by the grabber: publish the image unless it merely repeats the last one."""
        if reader.live and _same_picture(image, self._last_image):
            return False
        if self.realtime and not reader.live:
            self._pace(reader.fps or self._fps or STILL_FPS)
        now = time.monotonic()
        with self._cond:
            index = self._latest.index + 1 if self._latest is not None else 0
            self._latest = Frame(image, index, now - self._start, now)
            self._last_image, self._last_new = image, now
            self._cond.notify_all()
        if self._state != "ok":
            self._set_state("ok", reader.description)
        return True

    def _pace(self, fps: float) -> None:
        """Hold a file's frame until its time, so a video plays like a camera would."""
        period = 1.0 / fps
        now = time.monotonic()
        self._next_due = max(self._next_due + period, now - period)
        if self._next_due > now:
            self._stopping.wait(self._next_due - now)

    def _supervise(self) -> None:
        delay, failures = self.backoff[0], 0
        while not self._stopping.is_set():
            self._hung = [g for g in self._hung if g.thread.is_alive()]
            if len(self._hung) >= MAX_HUNG_READS:  # opening again would only pile up threads
                outcome = f"{len(self._hung)} reads never returned; waiting for the camera driver"
            else:
                grabber = self._launch()
                outcome = self._watch(grabber)
                if grabber.generation != self._generation and grabber.thread.is_alive():
                    self._hung.append(grabber)
                if self._last_new > grabber.started:  # it worked for a while: a fresh fault
                    delay, failures = self.backoff[0], 0
            if self._stopping.is_set():
                return
            if outcome == "ended":
                self._set_state("ended", f"end of {self.spec}")
                return
            failures += 1
            state = "failed" if failures >= self.fail_after else "reconnecting"
            self._set_state(state, outcome)
            self._stopping.wait(delay)
            delay = min(delay * 2, self.backoff[1])

    def _launch(self) -> _Grabber:
        if self._grabber is not None:
            self.reconnects += 1
        self._generation += 1
        grabber = _Grabber(self, self._generation)
        self._grabber = grabber
        grabber.thread.start()
        return grabber

    def _watch(self, grabber: _Grabber) -> str:
        """Wait for the grabber to end or stall; returns why it has to be replaced."""
        tick = min(0.05, self.stall_seconds / 4)
        while not self._stopping.wait(tick):
            if not grabber.thread.is_alive():
                return grabber.outcome or "source closed"
            now = time.monotonic()
            if grabber.opened is None:
                if now - grabber.started > max(self.stall_seconds, OPEN_SECONDS):
                    self._generation += 1
                    return f"opening took longer than {OPEN_SECONDS:g} s"
                continue
            silent = now - max(self._last_new, grabber.opened)
            if silent > self.stall_seconds:
                self._generation += 1  # abandon it: it exits when its read returns
                trouble = grabber.problem or "the source went silent"
                return f"no new frame for {silent:.1f} s ({trouble})"
        return "stopped"


def _same_picture(image: np.ndarray, previous: np.ndarray | None) -> bool:
    """A camera replaying its last buffer gives identical pixels; real sensors never do."""
    if previous is None or image is previous:
        return previous is not None
    if image.shape != previous.shape:
        return False
    return bool(np.array_equal(image[::4, ::4], previous[::4, ::4]))
