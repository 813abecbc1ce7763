"""``kiosk camera``: listing the PC's cameras and checking a source's picture.

Files are real (the demo video, golden frames, pictures written here). This machine has no
camera, so the live-camera cases use a reader that behaves like one (``FrameReader``), and
the device list reads a sysfs-shaped folder.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.camera_check import (
    V4L2_CAP_DEVICE_CAPS,
    V4L2_CAP_VIDEO_CAPTURE,
    V4L2_CAPABILITY,
    check_source,
    list_video_devices,
    parse_capability,
)
from kiosk.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
V4L2_CAP_META_CAPTURE = 0x00800000


class LiveCamera:
    """A camera that delivers ``image`` every ``interval`` seconds, or keeps repeating it."""

    live = True
    description = "camera 0"

    def __init__(self, image: np.ndarray, interval: float, *, fresh: bool = True) -> None:
        self.fps: float | None = None
        self._image, self._interval, self._fresh, self._count = image, interval, fresh, 0

    def read(self) -> np.ndarray:
        time.sleep(self._interval)
        self._count += 1
        if not self._fresh:
            return self._image
        image = self._image.copy()
        image[0, 0, 0] = self._count % 256  # a real sensor never gives the same picture twice
        return image

    def release(self) -> None:
        pass


def counter_image() -> np.ndarray:
    return cv2.imread(str(GOLDEN / "images" / "counter_frame_03000.png"))


def test_capability_says_which_node_delivers_pictures() -> None:
    def raw(card: bytes, device_caps: int) -> bytes:
        caps = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_META_CAPTURE | V4L2_CAP_DEVICE_CAPS
        return V4L2_CAPABILITY.pack(b"uvcvideo", card, b"usb-0000:00:14.0-1", 1, caps, device_caps)

    assert parse_capability(raw(b"HD Pro Webcam C920", V4L2_CAP_VIDEO_CAPTURE)) == (
        "HD Pro Webcam C920",
        True,
    )
    assert parse_capability(raw(b"HD Pro Webcam C920", V4L2_CAP_META_CAPTURE)) == (
        "HD Pro Webcam C920",
        False,
    )


def test_devices_are_listed_by_index_from_sysfs(tmp_path: Path) -> None:
    for node, name in (("video10", "Side camera"), ("video0", "Counter camera"), ("video1", "")):
        (tmp_path / node).mkdir()
        (tmp_path / node / "name").write_text(name + "\n")
    (tmp_path / "v4l-subdev0").mkdir()  # not a video device
    devices = list_video_devices(tmp_path)
    assert [(d.index, d.path, d.name) for d in devices] == [
        (0, "/dev/video0", "Counter camera"),
        (1, "/dev/video1", ""),
        (10, "/dev/video10", "Side camera"),
    ]


def test_the_demo_video_reads_as_a_usable_picture() -> None:
    report, last = check_source("demo", seconds=2)
    assert not report.live
    assert (report.frames, report.width, report.height, report.fps) == (60, 640, 480, 30.0)
    assert last is not None and last.shape == (480, 640, 3)
    assert 40 < report.brightness < 215
    assert report.problems() == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda image: image // 6, "too dark"),
        (lambda image: cv2.convertScaleAbs(image, alpha=0.5, beta=175), "over-exposed"),
        (lambda image: cv2.GaussianBlur(image, (0, 0), 8), "very little detail"),
    ],
)
def test_dark_bright_and_blurred_pictures_are_named(tmp_path: Path, change, problem) -> None:
    path = tmp_path / "counter.png"
    cv2.imwrite(str(path), change(counter_image()))
    report, _ = check_source(str(path), seconds=1)
    problems = report.problems()
    assert len(problems) == 1 and problem in problems[0]


def test_a_usable_counter_picture_has_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "counter.png"
    cv2.imwrite(str(path), counter_image())
    report, _ = check_source(str(path), seconds=1)
    assert report.frames == 1 and report.problems() == []


def test_a_stuck_camera_and_a_slow_camera_are_named() -> None:
    image = counter_image()

    def opener(camera: LiveCamera):
        return lambda spec, **requested: camera

    stuck, _ = check_source("0", 0.5, opener=opener(LiveCamera(image, 0.01, fresh=False)))
    assert stuck.live and stuck.repeated == stuck.frames - 1
    assert any("repeat the one before" in p for p in stuck.problems())

    slow, _ = check_source("0", 0.6, fps=30, opener=opener(LiveCamera(image, 0.1)))
    assert slow.repeated == 0 and slow.fps < 12
    assert any("30 asked" in p for p in slow.problems())

    # Up to 100 frames/s against 10 asked: no problem however busy the test machine is.
    fine, _ = check_source("0", 0.5, fps=10, opener=opener(LiveCamera(image, 0.01)))
    assert fine.fps > 8 and fine.problems() == []


def test_a_camera_that_gives_another_size_is_named() -> None:
    camera = LiveCamera(counter_image(), 0.01)
    report, _ = check_source("0", 0.3, width=1280, height=720, opener=lambda spec, **kw: camera)
    assert any("640x480, 1280x720 asked" in p for p in report.problems())


def test_cli_check_saves_the_picture_with_what_the_model_sees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "home"))
    frame = GOLDEN / "images" / "counter_frame_03000.png"
    snapshot = tmp_path / "aim.png"
    code = main(["camera", "check", str(frame), "--detect", "--snapshot", str(snapshot), "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    # What Ultralytics found in this frame with the same model (tests/golden/demo.json).
    names = json.loads((ROOT / "models" / "demo" / "labels.json").read_text())["names"]
    golden = json.loads((GOLDEN / "demo.json").read_text())["images"][frame.name]
    expected = {names[d["class_id"]] for d in golden["detections"] if d["score"] >= 0.5}
    assert {d["label"] for d in report["detections"]} >= expected
    assert report["problems"] == []
    saved = cv2.imread(str(snapshot))
    assert saved.shape == (480, 640, 3)
    assert not np.array_equal(saved, counter_image())  # the boxes are drawn on it


def test_cli_check_of_a_missing_camera_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "home"))
    code = main(["camera", "check", str(tmp_path / "no-such-video.mp4")])
    assert code == 1
    assert "not found: give a camera index, URL, folder or file" in capsys.readouterr().err


def test_cli_list_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["camera", "list", "--json"]) == 0
    devices = json.loads(capsys.readouterr().out)["devices"]
    assert isinstance(devices, list)  # this machine's real list (often empty here)
