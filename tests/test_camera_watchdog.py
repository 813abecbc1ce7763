"""LatestFrameSource: newest frame only, pacing, and recovery from a misbehaving camera.

The only fake is ``FakeCamera``, standing in for camera hardware we do not have: it plays a
real video file as a live source and can stall (reads hang), repeat the last picture, raise,
or be unplugged (opening fails), then come back. Timing checks poll with generous limits.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.camera import LatestFrameSource
from kiosk.sources import SourceError, open_reader
from kiosk.watchdog import MAX_HUNG_READS
from tests.test_camera import make_video

RECOVERY_LIMIT = 2.0  # seconds from the camera coming back to frames flowing again


class FakeCamera:
    """Shared 'hardware' state; ``open()`` gives a reader like ``open_reader`` would."""

    def __init__(self, video: Path) -> None:
        self.video = video
        self.mode = "ok"  # ok, stall, repeat, raise, none
        self.plugged = True
        self.opens = 0
        self.open_times: list[float] = []
        self.back = threading.Event()
        self.back.set()

    def set(self, mode: str) -> None:
        self.mode = mode
        if mode == "stall":
            self.back.clear()
        else:
            self.back.set()

    def open(self) -> _FakeReader:
        self.open_times.append(time.monotonic())
        if not self.plugged:
            raise SourceError("cannot open camera 0; check it is plugged in and not in use")
        self.opens += 1
        return _FakeReader(self)


class _FakeReader:
    live = True
    fps = None

    def __init__(self, camera: FakeCamera) -> None:
        self.camera = camera
        self.description = "camera 0"
        self.video = open_reader(str(camera.video))
        self.last: np.ndarray | None = None

    def read(self) -> np.ndarray | None:
        time.sleep(0.01)  # a camera blocks until its next frame: about 100 fps here
        mode = self.camera.mode
        if mode == "stall":
            self.camera.back.wait(30)
            mode = self.camera.mode
        if mode == "raise":
            raise OSError("camera 0 disconnected")
        if mode == "none":
            return None
        if mode == "repeat" and self.last is not None:
            return self.last
        image = self.video.read()
        if image is None:  # the video ran out: start again, a camera never ends
            self.video.release()
            self.video = open_reader(str(self.camera.video))
            image = self.video.read()
        self.last = image
        return image

    def release(self) -> None:
        self.video.release()


def wait_until(condition: Callable[[], bool], timeout: float) -> float:
    """Poll until ``condition`` holds; return the seconds it took, fail after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            pytest.fail(f"condition not met within {timeout} s")
        time.sleep(0.01)
    return time.monotonic() - start


@pytest.fixture
def video(tmp_path: Path) -> Path:
    return make_video(tmp_path / "counter.mp4", frames=30)


@pytest.fixture
def camera(video: Path) -> FakeCamera:
    return FakeCamera(video)


@pytest.fixture
def live(camera: FakeCamera):
    states: list[tuple[str, str]] = []
    source = LatestFrameSource(
        "0",
        stall_seconds=0.5,
        opener=camera.open,
        on_state=lambda s, r: states.append((s, r)),
        backoff_initial=0.05,
        backoff_max=0.4,
    )
    source.states = states  # type: ignore[attr-defined]
    source.start()
    yield source
    camera.set("ok")  # let any hung read return so its thread ends
    source.stop()


def frames_flow(source: LatestFrameSource, timeout: float = 1.0) -> bool:
    """True when a frame newer than the current one arrives within ``timeout``."""
    latest = source.latest()
    after = latest.index if latest else -1
    return source.wait_for_frame(after, timeout) is not None


def test_live_source_reaches_ok(live: LatestFrameSource) -> None:
    wait_until(lambda: live.state == "ok", 5)
    assert live.reason == "camera 0"
    assert live.states[0] == ("ok", "camera 0")
    assert frames_flow(live)


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("stall", r"no new frame for \d\.\d s \(the source went silent\)"),
        ("repeat", r"no new frame .*same picture repeats"),
        ("raise", r"no new frame .*read failed: OSError: camera 0 disconnected"),
        ("none", r"no new frame .*read returned no frame"),
    ],
)
def test_recovers_from_misbehaving_camera(
    live: LatestFrameSource, camera: FakeCamera, mode: str, reason: str
) -> None:
    wait_until(lambda: live.state == "ok", 5)
    camera.set(mode)
    wait_until(lambda: live.state in ("reconnecting", "failed"), 5)
    assert re.search(reason, live.reason), live.reason
    assert live.states[-1] == (live.state, live.reason)
    stuck_at = live.latest().index
    time.sleep(0.3)
    assert live.latest().index <= stuck_at + 1  # nothing new is published while it misbehaves

    camera.set("ok")
    took = wait_until(lambda: live.state == "ok" and live.latest().index > stuck_at + 1, 5)
    assert took < RECOVERY_LIMIT
    assert live.reconnects >= 1
    assert frames_flow(live)


def test_unplugged_camera_fails_then_comes_back(video: Path) -> None:
    camera = FakeCamera(video)
    camera.plugged = False
    source = LatestFrameSource(
        "0",
        stall_seconds=0.5,
        opener=camera.open,
        backoff_initial=0.05,
        backoff_max=0.4,
        fail_after=3,
    ).start()
    try:
        wait_until(lambda: source.state == "failed", 5)
        assert "cannot open camera 0" in source.reason
        assert source.latest() is None
        camera.plugged = True
        took = wait_until(lambda: source.state == "ok", 5)
        assert took < RECOVERY_LIMIT
    finally:
        source.stop()


def test_backoff_grows_and_is_capped(video: Path) -> None:
    camera = FakeCamera(video)
    camera.plugged = False
    source = LatestFrameSource(
        "0", opener=camera.open, backoff_initial=0.05, backoff_max=0.4
    ).start()
    try:
        wait_until(lambda: len(camera.open_times) >= 7, 10)
    finally:
        source.stop()
    gaps = np.diff(camera.open_times)
    assert gaps[0] < 0.3  # the first retry is quick
    assert gaps[4:].min() > 0.3  # later ones wait the cap ...
    assert gaps.max() < 1.5  # ... and no longer than it (plus scheduling slack)


def test_slow_consumer_gets_newest_frame_not_a_backlog(video: Path) -> None:
    with LatestFrameSource(str(video), realtime=False) as source:
        seen = []
        frame = source.wait_for_frame(-1, 5)
        for _ in range(8):
            assert frame is not None
            seen.append(frame.index)
            time.sleep(0.05)  # a slow detector
            frame = source.wait_for_frame(frame.index, 5)
            newest = source.latest()
            assert frame is not None and newest is not None
            assert newest.index - frame.index < 50  # it is the present, not a queue
    gaps = np.diff(seen)
    assert (gaps >= 1).all()
    assert gaps.max() > 1  # frames were skipped, never queued


def test_video_plays_at_its_own_rate(video: Path) -> None:
    with LatestFrameSource(str(video), realtime=True) as source:
        first = source.wait_for_frame(-1, 5)
        assert first is not None
        time.sleep(1.0)
        last = source.latest()
    assert last is not None
    shown = last.index - first.index
    elapsed = last.t - first.t
    assert 10 <= shown <= 45  # about 30 fps, not thousands
    assert shown / elapsed == pytest.approx(30, rel=0.35)


def test_video_without_loop_ends(video: Path) -> None:
    states = []
    source = LatestFrameSource(
        str(video), loop=False, realtime=False, on_state=lambda s, r: states.append(s)
    )
    with source:
        wait_until(lambda: source.state == "ended", 5)
        assert source.latest().index == 29
        assert source.wait_for_frame(29, timeout=5) is None  # returns at once: nothing more
    assert states == ["ok", "ended", "stopped"]


def test_looping_video_keeps_counting(video: Path) -> None:
    with LatestFrameSource(str(video), realtime=False) as source:
        wait_until(lambda: getattr(source.latest(), "index", -1) > 65, 10)
        assert source.state == "ok"
        assert source.reconnects == 0


def test_frames_carry_times(video: Path) -> None:
    with LatestFrameSource(str(video)) as source:
        a = source.wait_for_frame(-1, 5)
        b = source.wait_for_frame(a.index, 5)
    assert b.t > a.t >= 0
    assert b.captured_at > a.captured_at
    assert b.captured_at <= time.monotonic()
    assert not b.image.flags.writeable


def test_wait_times_out_without_frames(video: Path) -> None:
    camera = FakeCamera(video)
    camera.plugged = False
    with LatestFrameSource("0", opener=camera.open) as source:
        start = time.monotonic()
        assert source.wait_for_frame(-1, timeout=0.3) is None
        assert 0.25 <= time.monotonic() - start < 2


def test_stop_is_quick_even_with_a_hung_read(live: LatestFrameSource, camera) -> None:
    wait_until(lambda: live.state == "ok", 5)
    camera.set("stall")
    time.sleep(0.1)
    start = time.monotonic()
    live.stop()
    assert time.monotonic() - start < 0.5
    assert live.state == "stopped"


def test_stop_joins_the_threads(video: Path) -> None:
    source = LatestFrameSource(str(video)).start()
    assert source.wait_for_frame(-1, 5) is not None
    threads = [source._supervisor, source._grabber.thread]
    assert all(t is not None and t.is_alive() for t in threads)
    start = time.monotonic()
    source.stop()
    assert time.monotonic() - start < 0.5
    assert not any(t.is_alive() for t in threads)


def test_a_failing_state_listener_does_not_stop_the_camera(video: Path) -> None:
    def broken(state: str, reason: str) -> None:
        raise RuntimeError("listener bug")

    with LatestFrameSource(str(video), on_state=broken) as source:
        wait_until(lambda: getattr(source.latest(), "index", -1) > 5, 5)
        assert source.state == "ok"


def test_a_stopped_source_cannot_restart(video: Path) -> None:
    source = LatestFrameSource(str(video)).start()
    source.stop()
    with pytest.raises(RuntimeError, match="create a new one"):
        source.start()


def test_a_hung_driver_does_not_pile_up_threads(video: Path) -> None:
    camera = FakeCamera(video)
    reasons: list[str] = []
    source = LatestFrameSource(
        "0",
        stall_seconds=0.2,
        opener=camera.open,
        on_state=lambda s, r: reasons.append(r),
        backoff_initial=0.05,
        backoff_max=0.1,
    ).start()
    try:
        wait_until(lambda: source.state == "ok", 5)
        camera.set("stall")
        wait_until(lambda: any("never returned" in r for r in reasons), 10)
        time.sleep(1.0)  # several more rounds: still no new threads
        grabbers = [t for t in threading.enumerate() if t.name.startswith("frame-grabber")]
        assert len(grabbers) <= MAX_HUNG_READS + 1
        camera.set("ok")
        assert wait_until(lambda: source.state == "ok", 5) < RECOVERY_LIMIT
    finally:
        camera.set("ok")
        source.stop()


def test_a_file_that_fails_to_read_is_reported_and_retried(tmp_path: Path) -> None:
    image = tmp_path / "item.png"
    image.write_bytes(b"not yet written")
    with LatestFrameSource(str(image), backoff_max=0.1) as source:
        wait_until(lambda: source.state in ("reconnecting", "failed"), 5)
        assert "item.png is not an image" in source.reason
        cv2.imwrite(str(image), np.full((8, 8, 3), 40, np.uint8))
        wait_until(lambda: source.state == "ok", 5)
        assert source.wait_for_frame(-1, 5) is not None
