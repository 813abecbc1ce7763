"""Setting up the counter camera: which cameras the PC has, and is the picture usable.

``list_video_devices`` reads what Linux knows of its video devices (sysfs, and the driver's
answer to ``VIDIOC_QUERYCAP``: metadata nodes, which many USB cameras add beside the real
one, cannot deliver pictures). ``check_source`` reads a source for a few seconds the way the
kiosk opens it and measures what a technician aiming the camera needs: the size and rate it
really delivers, repeated frames (a stuck camera hands out its last picture), brightness and
detail (focus).
"""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.config_schema import CameraSettings
from kiosk.counter_watch import CounterWatch
from kiosk.sources import FrameReader, open_reader

SYSFS_VIDEO = Path("/sys/class/video4linux")
VIDIOC_QUERYCAP = 0x80685600  # _IOR('V', 0, struct v4l2_capability), 104 bytes
V4L2_CAPABILITY = struct.Struct("16s32s32sIII12x")
V4L2_CAP_VIDEO_CAPTURE = 0x00000001
V4L2_CAP_DEVICE_CAPS = 0x80000000

# Below these a picture is too dark / too bright to read labels (mean grey level, 0-255).
DARK_BELOW, BRIGHT_ABOVE = 40.0, 215.0
# Variance of the Laplacian: the demo video's empty counter scores about 30, a counter with
# items 90-190, the same frames blurred out of focus under 1.
LITTLE_DETAIL_BELOW = 5.0


@dataclass(frozen=True)
class VideoDevice:
    index: int
    path: str
    name: str
    captures: bool | None  # None: the driver could not be asked


@dataclass(frozen=True)
class CameraReport:
    """What a few seconds of a source looked like."""

    source: str
    live: bool
    frames: int
    seconds: float
    fps: float  # delivered per second (live); the file's own rate otherwise
    width: int = 0
    height: int = 0
    repeated: int = 0  # frames identical to the one before
    brightness: float = 0.0
    detail: float = 0.0
    requested: tuple[int, int, float] = (0, 0, 0.0)  # width, height, fps asked of a camera
    counter_watched: bool = False  # the counter was said to be empty: could the watch learn it?
    counter_learnt_s: float | None = None  # seconds until the counter watch learnt it
    counter_marked: int = 0  # frames in which the watch marked something on the empty counter

    def problems(self) -> list[str]:
        """What stops the kiosk from reading this picture well, each with what to do."""
        if self.frames == 0:
            return [f"no picture from {self.source}: check the cable, or another program using it"]
        found = []
        want_w, want_h, want_fps = self.requested
        if self.live and want_fps and self.fps < 0.8 * want_fps:
            found.append(
                f"delivers {self.fps:.1f} frames/s, {want_fps:g} asked: more light lets the "
                "camera shorten its exposure; a USB 2 port or hub may be too slow"
            )
        if (want_w and self.width != want_w) or (want_h and self.height != want_h):
            found.append(
                f"gives {self.width}x{self.height}, {want_w}x{want_h} asked: the camera has no "
                "such mode; set camera.width/height to one it has, or 0 for its default"
            )
        if self.live and self.frames > 1 and self.repeated > self.frames // 2:
            found.append(
                f"{self.repeated} of {self.frames} frames repeat the one before: the camera "
                "is stuck or unplugged; reconnect it"
            )
        if self.brightness < DARK_BELOW:
            found.append(f"too dark (mean level {self.brightness:.0f} of 255): add light")
        elif self.brightness > BRIGHT_ABOVE:
            found.append(
                f"over-exposed (mean level {self.brightness:.0f} of 255): less light, "
                "or a lower exposure"
            )
        if self.detail < LITTLE_DETAIL_BELOW:
            found.append(
                f"very little detail ({self.detail:.1f}): out of focus, or a plain empty "
                "counter; put a printed item under the camera and check again"
            )
        if self.counter_watched and self.counter_learnt_s is None:
            span = self.seconds if self.live else self.frames / (self.fps or 10.0)
            found.append(
                f"the empty counter could not be learnt in {span:.1f} s: the picture "
                "never lay still for 1.5 s (a flickering light, the camera's exposure hunting, "
                "something moving in view), so things the camera cannot name are not marked"
            )
        elif self.counter_marked:
            found.append(
                f"on the empty counter something was marked in {self.counter_marked} frames: "
                "a reflection or a moving shadow, or the counter is not empty; clear it, or "
                "set camera.region to the counter"
            )
        return found


def parse_capability(raw: bytes) -> tuple[str, bool]:
    """The card's name, and whether this node delivers pictures (``struct v4l2_capability``)."""
    _driver, card, _bus, _version, capabilities, device_caps = V4L2_CAPABILITY.unpack(raw)
    caps = device_caps if capabilities & V4L2_CAP_DEVICE_CAPS else capabilities
    return card.split(b"\0", 1)[0].decode(errors="replace"), bool(caps & V4L2_CAP_VIDEO_CAPTURE)


def query_capture(path: str) -> bool | None:
    """Ask the driver whether ``path`` captures pictures; None when it cannot be asked."""
    import fcntl  # POSIX only; the kiosk imports this module on every system

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        raw = fcntl.ioctl(fd, VIDIOC_QUERYCAP, bytes(V4L2_CAPABILITY.size))
    except OSError:
        return None
    finally:
        os.close(fd)
    return parse_capability(raw)[1]


def list_video_devices(sysfs: Path = SYSFS_VIDEO) -> list[VideoDevice]:
    """The PC's video devices by index (the number ``camera.source`` takes), Linux only."""
    devices = []
    for node in sysfs.glob("video*"):
        suffix = node.name.removeprefix("video")
        if not suffix.isdigit():
            continue
        name_file = node / "name"
        name = name_file.read_text().strip() if name_file.is_file() else node.name
        path = f"/dev/{node.name}"
        devices.append(VideoDevice(int(suffix), path, name, query_capture(path)))
    return sorted(devices, key=lambda device: device.index)


def _measure(image: np.ndarray) -> tuple[float, float]:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return float(grey.mean()), float(cv2.Laplacian(grey, cv2.CV_64F).var())


def check_source(
    spec: str,
    seconds: float = 5.0,
    *,
    width: int = 0,
    height: int = 0,
    fps: float = 0.0,
    opener: Callable[..., FrameReader] = open_reader,
    watch: CounterWatch | None = None,
) -> tuple[CameraReport, np.ndarray | None]:
    """Read ``spec`` for ``seconds`` as the kiosk opens it; the report and the last picture.

    A camera or stream is read in real time; a file is read for as many frames as ``seconds``
    of it hold (it is not paced: its rate is its own). ``watch``: the counter is empty; feed
    every frame to this counter watch and report whether it learnt the counter and marked
    anything on it.
    """
    reader = opener(spec, width=width or None, height=height or None, fps=fps or None)
    live, native = reader.live, reader.fps or 0.0
    file_frames = max(1, round(seconds * (native or 1.0)))
    frames = repeated = marked = 0
    learnt_s: float | None = None
    last: np.ndarray | None = None
    start = time.monotonic()

    def more() -> bool:
        return time.monotonic() - start < seconds if live else frames < file_frames

    try:
        while more():
            image = reader.read()
            if image is None:
                if not live:
                    break  # the file ended
                time.sleep(0.01)
                continue
            if last is not None and last.shape == image.shape and np.array_equal(last, image):
                repeated += 1
            last, frames = image, frames + 1
            if watch is not None:
                t = time.monotonic() - start if live else frames / (native or 10.0)
                marked += bool(watch.look(image, t, np.zeros((0, 4)), idle=True))
                if learnt_s is None and watch.learnt:
                    learnt_s = round(t, 2)
    finally:
        reader.release()
    elapsed = time.monotonic() - start
    brightness, detail = _measure(last) if last is not None else (0.0, 0.0)
    report = CameraReport(
        source=reader.description,
        live=live,
        frames=frames,
        seconds=round(elapsed, 2),
        fps=round(frames / elapsed, 1) if live and elapsed > 0 else round(native, 1),
        width=int(last.shape[1]) if last is not None else 0,
        height=int(last.shape[0]) if last is not None else 0,
        repeated=repeated,
        brightness=round(brightness, 1),
        detail=round(detail, 1),
        requested=(width, height, fps) if live else (0, 0, 0.0),
        counter_watched=watch is not None,
        counter_learnt_s=learnt_s,
        counter_marked=marked,
    )
    return report, last


def check_configured_camera(
    camera: CameraSettings,
    seconds: float = 5.0,
    *,
    source: str | None = None,
    watch: CounterWatch | None = None,
) -> tuple[CameraReport, np.ndarray | None]:
    """``check_source`` on the settings' camera (or ``source``), with the mode they ask for."""
    return check_source(
        source or camera.source,
        seconds,
        width=camera.width,
        height=camera.height,
        fps=camera.fps,
        watch=watch,
    )
