"""Frame sources read in order: video files, image folders, single images, loops, errors."""

from __future__ import annotations

import itertools
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.camera import Frame, SourceError, iter_frames
from kiosk.sources import open_reader


def make_video(path: Path, frames: int = 20, fps: float = 30.0, size=(160, 120)) -> Path:
    """A real mp4 whose frame i is filled with grey level 10*i (easy to tell apart)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((size[1], size[0], 3), 10 * i % 250, np.uint8))
    writer.release()
    return path


def level(frame: Frame) -> float:
    return float(frame.image.mean())


@pytest.fixture
def video(tmp_path: Path) -> Path:
    return make_video(tmp_path / "counter.mp4")


def write_image(path: Path, value: int, channels: int = 3) -> Path:
    shape = (48, 64) if channels == 1 else (48, 64, channels)
    cv2.imwrite(str(path), np.full(shape, value, np.uint8))
    return path


def test_video_frames_in_order_with_file_time(video: Path) -> None:
    frames = list(iter_frames(str(video)))
    assert [f.index for f in frames] == list(range(20))
    assert frames[3].t == pytest.approx(3 / 30)
    assert all(f.image.shape == (120, 160, 3) and f.image.dtype == np.uint8 for f in frames)
    levels = [level(f) for f in frames]
    assert levels == sorted(levels)
    assert levels[-1] - levels[0] > 150


def test_frames_are_read_only(video: Path) -> None:
    frame = next(iter_frames(str(video)))
    with pytest.raises(ValueError, match="read-only"):
        frame.image[0, 0] = 0


def test_video_loop_starts_again(video: Path) -> None:
    frames = list(itertools.islice(iter_frames(str(video), loop=True), 50))
    assert [f.index for f in frames] == list(range(50))
    assert level(frames[20]) == pytest.approx(level(frames[0]), abs=3)
    assert level(frames[45]) == pytest.approx(level(frames[5]), abs=3)


def test_folder_in_name_order_skipping_other_files(tmp_path: Path) -> None:
    for name, value in [("b.png", 100), ("a.jpg", 50), ("c.bmp", 150)]:
        write_image(tmp_path / name, value)
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "sub").mkdir()
    frames = list(iter_frames(str(tmp_path)))
    assert [round(level(f) / 50) for f in frames] == [1, 2, 3]
    assert [f.index for f in frames] == [0, 1, 2]


def test_folder_loop(tmp_path: Path) -> None:
    write_image(tmp_path / "1.png", 10)
    write_image(tmp_path / "2.png", 200)
    frames = list(itertools.islice(iter_frames(str(tmp_path), loop=True), 5))
    assert [level(f) > 100 for f in frames] == [False, True, False, True, False]


@pytest.mark.parametrize("channels", [1, 3, 4])
def test_single_image_becomes_bgr(tmp_path: Path, channels: int) -> None:
    path = write_image(tmp_path / "item.png", 77, channels)
    frames = list(iter_frames(str(path)))
    assert len(frames) == 1
    assert frames[0].image.shape == (48, 64, 3)
    assert level(frames[0]) == pytest.approx(77, abs=1)


def test_single_image_loop_repeats(tmp_path: Path) -> None:
    path = write_image(tmp_path / "item.png", 5)
    frames = list(itertools.islice(iter_frames(str(path), loop=True), 4))
    assert [f.index for f in frames] == [0, 1, 2, 3]


def test_non_ascii_path(tmp_path: Path) -> None:
    path = write_image(tmp_path / "ok.png", 90)
    renamed = path.rename(tmp_path / "Käse_€.png")
    assert level(next(iter_frames(str(renamed)))) == pytest.approx(90, abs=1)


def test_empty_video_loop_does_not_spin(tmp_path: Path) -> None:
    path = make_video(tmp_path / "empty.mp4", frames=0)
    try:
        frames = list(itertools.islice(iter_frames(str(path), loop=True), 3))
    except SourceError:
        frames = []
    assert frames == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.mp4", r"source '.*missing\.mp4' not found"),
        (lambda d: (d / "empty").mkdir() or d / "empty", r"folder .*empty holds no images"),
        (
            lambda d: (d / "bad.png").write_bytes(b"not a png") and d / "bad.png",
            r"bad\.png is not an image",
        ),
        (
            lambda d: (d / "bad.mp4").write_bytes(b"\0" * 100) and d / "bad.mp4",
            r"cannot open video .*bad\.mp4",
        ),
    ],
)
def test_unusable_sources_say_what_and_where(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        list(iter_frames(str(make(tmp_path))))


def test_missing_camera_and_unreachable_stream() -> None:
    with pytest.raises(SourceError, match="cannot open camera 99"):
        open_reader("99")
    with pytest.raises(SourceError, match=r"cannot open stream rtsp://127\.0\.0\.1:9/x"):
        open_reader("rtsp://127.0.0.1:9/x")


def test_video_reader_reports_native_fps(tmp_path: Path) -> None:
    reader = open_reader(str(make_video(tmp_path / "v.mp4", frames=3, fps=25)))
    try:
        assert reader.fps == pytest.approx(25)
        assert reader.live is False
    finally:
        reader.release()


class _SilentCamera:
    """Camera hardware stand-in that delivers two frames and then nothing."""

    description = "camera 0"
    live = True
    fps = None

    def __init__(self) -> None:
        self.left = 2

    def read(self) -> np.ndarray | None:
        if self.left == 0:
            return None
        self.left -= 1
        return np.zeros((4, 4, 3), np.uint8)

    def release(self) -> None:
        pass


def test_camera_that_stops_delivering_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.camera.LIVE_RETRY_SECONDS", 0.2)
    frames = []
    with pytest.raises(SourceError, match="camera 0 stopped delivering frames"):
        for frame in iter_frames("0", opener=_SilentCamera):
            frames.append(frame)
    assert [f.index for f in frames] == [0, 1]
    assert 0 <= frames[0].t <= frames[1].t


def test_demo_names_the_bundled_video() -> None:
    from kiosk.config import demo_video_path

    if demo_video_path().is_file():
        assert next(iter_frames("demo")).image.ndim == 3
    else:
        with pytest.raises(SourceError, match=r"demo_video\.mp4' not found"):
            open_reader("demo")


def test_folder_skips_a_broken_image_with_a_warning(tmp_path: Path, caplog) -> None:
    write_image(tmp_path / "1.png", 10)
    (tmp_path / "2.png").write_bytes(b"broken")
    write_image(tmp_path / "3.png", 30)
    frames = list(iter_frames(str(tmp_path)))
    assert [round(level(f)) for f in frames] == [10, 30]
    assert "2.png is not an image" in caplog.text
