"""Frame readers: one small class per kind of source, opened through ``open_reader``.

A reader hands out BGR uint8 images one at a time and knows nothing about threads,
pacing or reconnecting (``kiosk.camera`` does that). ``read()`` returning ``None`` means
"end of file" for a file source and "no frame this time" for a live one (camera, stream).
Tests stand in for camera hardware by wrapping a reader that ``open_reader`` returned.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from kiosk.errors import KioskError

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff", ".ppm", ".pgm"}
)
STREAM_TIMEOUT_MS = 5000  # an RTSP/HTTP open or read gives up after this, never hangs forever
STILL_FPS = 10.0  # playback rate for images and folders, which have none of their own


@dataclass(frozen=True, eq=False)
class Frame:
    """One picture from a source.

    ``image`` is HxWx3 BGR uint8 and read-only: the same frame goes to the preview and to the
    detector on different threads, so nobody may draw on it (copy first). ``index`` counts
    frames the source handed out (gaps mean frames were dropped for being stale); ``t`` is
    seconds since the source started (or the position in a file for ``iter_frames``);
    ``captured_at`` is the ``time.monotonic()`` reading when it arrived, for latency.
    """

    image: np.ndarray
    index: int
    t: float
    captured_at: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.image.setflags(write=False)


class SourceError(KioskError):
    """A frame source cannot be opened or read."""


class FrameReader(Protocol):
    """What the grabber needs from a source."""

    description: str  # for messages: "camera 0", "video counter.mp4"
    live: bool  # camera or stream: a failed read is a fault and repeats are suspicious
    fps: float | None  # native rate of a file, None when unknown

    def read(self) -> np.ndarray | None: ...

    def release(self) -> None: ...


def as_bgr(image: np.ndarray) -> np.ndarray:
    """Bring a decoded image to HxWx3 uint8 BGR (grey and BGRA sources exist)."""
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.shape[2] == 1:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    return image


def read_image(path: Path) -> np.ndarray:
    """Decode an image file; via ``imdecode`` because ``imread`` fails on non-ASCII paths."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise SourceError(f"cannot read image {path}: {exc}") from None
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise SourceError(f"{path} is not an image OpenCV can decode; check the file")
    return as_bgr(image)


def is_image_file(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


class ImageReader:
    """A single image: one frame, then end of file."""

    live = False

    def __init__(self, path: Path) -> None:
        self.description = f"image {path}"
        self.fps: float | None = None
        self._image: np.ndarray | None = read_image(path)

    def read(self) -> np.ndarray | None:
        image, self._image = self._image, None
        return image

    def release(self) -> None:
        self._image = None


class FolderReader:
    """The images of a folder in name order (not recursive; other files are skipped)."""

    live = False

    def __init__(self, folder: Path) -> None:
        self.description = f"folder {folder}"
        self.fps: float | None = None
        self._paths = sorted(p for p in folder.iterdir() if p.is_file() and is_image_file(p))
        if not self._paths:
            raise SourceError(f"folder {folder} holds no images ({', '.join(IMAGE_SUFFIXES)})")
        self._next = 0

    def read(self) -> np.ndarray | None:
        while self._next < len(self._paths):
            path = self._paths[self._next]
            self._next += 1
            try:
                return read_image(path)
            except SourceError as exc:  # one bad file must not stop a folder replay
                log.warning("skipping %s", exc)
        return None

    def release(self) -> None:
        self._next = len(self._paths)


class CaptureReader:
    """A video file, a camera index or a stream URL through ``cv2.VideoCapture``."""

    def __init__(self, capture: cv2.VideoCapture, description: str, *, live: bool) -> None:
        self._capture = capture
        self.description = description
        self.live = live
        native = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps: float | None = native if 0.0 < native < 1000.0 else None

    def read(self) -> np.ndarray | None:
        ok, image = self._capture.read()
        if not ok or image is None or image.size == 0:
            return None
        return as_bgr(image)

    def release(self) -> None:
        self._capture.release()


def _open_capture(
    target: int | str, description: str, *, params: list[int], hint: str
) -> cv2.VideoCapture:
    capture = cv2.VideoCapture(target, cv2.CAP_ANY, params)
    if not capture.isOpened():
        capture.release()
        raise SourceError(f"cannot open {description}; {hint}")
    return capture


def open_camera(
    index: int, width: int | None, height: int | None, fps: float | None
) -> CaptureReader:
    capture = _open_capture(
        index, f"camera {index}", params=[], hint="check it is plugged in and not in use"
    )
    capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # a deep driver queue would hand out stale frames
    for prop, value in (
        (cv2.CAP_PROP_FRAME_WIDTH, width),
        (cv2.CAP_PROP_FRAME_HEIGHT, height),
        (cv2.CAP_PROP_FPS, fps),
    ):
        if value:
            capture.set(prop, float(value))
    got = (capture.get(cv2.CAP_PROP_FRAME_WIDTH), capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    if (width and got[0] != width) or (height and got[1] != height):
        log.warning("camera %d gives %dx%d, not the requested %sx%s", index, *got, width, height)
    return CaptureReader(capture, f"camera {index}", live=True)


def open_stream(url: str) -> CaptureReader:
    timeouts = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
        STREAM_TIMEOUT_MS,
        cv2.CAP_PROP_READ_TIMEOUT_MSEC,
        STREAM_TIMEOUT_MS,
    ]
    return CaptureReader(
        _open_capture(
            url, f"stream {url}", params=timeouts, hint="check the address and the network"
        ),
        f"stream {url}",
        live=True,
    )


def open_reader(
    spec: str,
    *,
    width: int | None = None,
    height: int | None = None,
    fps: float | None = None,
) -> FrameReader:
    """Open the source ``spec`` names: a camera index, a URL, a folder, an image or a video.

    ``"demo"`` is the bundled demo video. ``width``, ``height`` and ``fps`` are requests to a
    camera; files keep their own size and rate.
    """
    spec = spec.strip()
    if spec.isdigit():
        return open_camera(int(spec), width, height, fps)
    if "://" in spec:
        return open_stream(spec)
    if spec == "demo":
        from kiosk.config import demo_video_path

        spec = str(demo_video_path())
    path = Path(spec).expanduser()
    if path.is_dir():
        return FolderReader(path)
    if not path.is_file():
        raise SourceError(f"source {spec!r} not found: give a camera index, URL, folder or file")
    if is_image_file(path):
        return ImageReader(path)
    capture = _open_capture(
        str(path), f"video {path}", params=[], hint="is it a complete video file?"
    )
    return CaptureReader(capture, f"video {path}", live=False)
