"""Frames from cameras, streams and files: one at a time, or the newest one from a thread.

``iter_frames`` reads every frame in order (batch jobs such as ``kiosk detect``).
``LatestFrameSource`` is what the live kiosk uses: a grabber thread keeps only the newest
frame, so a slow detector always sees the present instead of working through a backlog,
and a watchdog (``kiosk.watchdog``) reopens a camera that stops delivering new frames.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial

import numpy as np

from kiosk.sources import STILL_FPS, Frame, FrameReader, SourceError, open_reader
from kiosk.watchdog import LatestFrameSource

__all__ = ["Frame", "LatestFrameSource", "SourceError", "iter_frames"]

LIVE_RETRY_SECONDS = 2.0  # iter_frames gives a camera this long to deliver again


def iter_frames(
    spec: str,
    loop: bool = False,
    *,
    opener: Callable[[], FrameReader] | None = None,
) -> Iterator[Frame]:
    """Every frame of ``spec`` in order, as fast as they can be read.

    Files end (or start again with ``loop``); a camera or stream runs until it fails to
    deliver for ``LIVE_RETRY_SECONDS``, which raises ``SourceError``.
    """
    open_ = opener or partial(open_reader, spec)
    reader = open_()
    start = time.monotonic()
    index = 0
    read_this_pass = 0
    try:
        while True:
            image = _read_live(reader) if reader.live else reader.read()
            if image is None:
                if not loop or read_this_pass == 0:
                    return
                reader.release()
                reader, read_this_pass = open_(), 0
                continue
            rate = reader.fps or STILL_FPS
            t = time.monotonic() - start if reader.live else index / rate
            yield Frame(image, index, t)
            index += 1
            read_this_pass += 1
    finally:
        reader.release()


def _read_live(reader: FrameReader) -> np.ndarray:
    """Cameras drop the odd frame; give them a moment before calling it a failure."""
    deadline = time.monotonic() + LIVE_RETRY_SECONDS
    while True:
        image = reader.read()
        if image is not None:
            return image
        if time.monotonic() > deadline:
            raise SourceError(f"{reader.description} stopped delivering frames")
        time.sleep(0.01)
