"""Frames to detections (and on to the basket), always on the newest frame only.

The pipeline pulls from a ``LatestFrameSource``: when the detector is slower than the camera
it skips the frames that went by meanwhile instead of working through a queue, so what the
kiosk shows is never older than one inference. What happens after detection (the basket
tracker, the checkout engine) is a plain callable, so this module depends on nothing of it.
Qt-free: the UI's worker thread, ``kiosk`` commands and tests all drive it the same way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from kiosk.detections import Detections
from kiosk.sources import Frame

DONE_STATES = ("ended", "stopped")


class NewestFrames(Protocol):
    """What the pipeline needs from a frame source (``LatestFrameSource`` fits)."""

    @property
    def state(self) -> str: ...

    def wait_for_frame(
        self, after_index: int = -1, timeout: float | None = None
    ) -> Frame | None: ...


class ItemDetector(Protocol):
    """Anything that finds items in a BGR image (``kiosk.detector.Detector`` fits)."""

    def detect(self, image_bgr: np.ndarray) -> Detections: ...


Step = Callable[[Frame, Detections], Any]


@dataclass(frozen=True)
class Timings:
    """Where the time of one result went, in seconds.

    ``pre``, ``infer``, ``post`` split ``detect`` when the detector reports them (else 0).
    ``latency`` runs from the frame's arrival to the result being ready; ``skipped`` counts
    frames that arrived during the previous inference and were never looked at.
    """

    wait: float
    detect: float
    step: float
    latency: float
    skipped: int
    pre: float = 0.0
    infer: float = 0.0
    post: float = 0.0


@dataclass(frozen=True)
class PipelineResult:
    """One inferred frame. Unpacks as ``frame, detections, timings``."""

    frame: Frame
    detections: Detections
    timings: Timings
    outcome: Any = None  # what the step returned, e.g. the basket after this frame

    def __iter__(self) -> Iterator[Any]:
        return iter((self.frame, self.detections, self.timings))


class Pipeline:
    """Newest frame -> ``detector.detect`` -> optional ``step(frame, detections)``.

    One pipeline belongs to one thread (detectors reuse buffers and are not thread-safe).
    """

    def __init__(
        self, source: NewestFrames, detector: ItemDetector, step: Step | None = None
    ) -> None:
        self.source = source
        self.detector = detector
        self.step = step
        self.inferred = 0  # frames that went through the detector
        self.skipped = 0  # frames that arrived while it was busy and were never looked at
        self._last_index = -1

    def next_result(self, timeout: float | None = None) -> PipelineResult | None:
        """Infer the newest frame not seen yet; None when none came within ``timeout``."""
        started = time.monotonic()
        frame = self.source.wait_for_frame(self._last_index, timeout)
        if frame is None:
            return None
        waited = time.monotonic()
        detections = self.detector.detect(frame.image)
        detected = time.monotonic()
        outcome = self.step(frame, detections) if self.step is not None else None
        done = time.monotonic()
        skipped = frame.index - self._last_index - 1 if self._last_index >= 0 else 0
        self._last_index = frame.index
        self.inferred += 1
        self.skipped += skipped
        split = getattr(self.detector, "last_timing", None)
        timings = Timings(
            wait=waited - started,
            detect=detected - waited,
            step=done - detected,
            latency=done - frame.captured_at,
            skipped=skipped,
            pre=float(getattr(split, "pre", 0.0)),
            infer=float(getattr(split, "infer", 0.0)),
            post=float(getattr(split, "post", 0.0)),
        )
        return PipelineResult(frame, detections, timings, outcome)

    def results(
        self,
        *,
        limit: int | None = None,
        stop: threading.Event | None = None,
        poll_seconds: float = 0.1,
    ) -> Iterator[PipelineResult]:
        """Results until the source ends or stops, ``stop`` is set, or ``limit`` is reached.

        While the source reconnects nothing is yielded; ``poll_seconds`` bounds how long a
        ``stop`` request can go unnoticed.
        """
        produced = 0
        while limit is None or produced < limit:
            if stop is not None and stop.is_set():
                return
            result = self.next_result(poll_seconds)
            if result is not None:
                produced += 1
                yield result
            elif self.source.state in DONE_STATES:
                return

    def __iter__(self) -> Iterator[PipelineResult]:
        return self.results()
