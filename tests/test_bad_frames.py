"""1,000 randomly generated bad frames: each gives detections or a clear BadFrame, never a crash."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kiosk.detections import Detections
from kiosk.detector import BadFrame, Detector
from kiosk.frame_input import as_bgr_uint8

MODEL = Path(__file__).parent / "golden" / "models" / "tiny_raw.onnx"


def random_bad_frame(rng: np.random.Generator) -> object:
    """One frame a broken camera, decoder or caller could plausibly hand over."""
    h, w = (int(v) for v in rng.integers(1, 48, 2))
    kind = int(rng.integers(0, 14))
    if kind == 0:
        return np.zeros((int(rng.integers(0, 2)) * h, 0, 3), np.uint8)  # zero-size
    if kind == 1:
        return rng.integers(0, 256, (h, w), dtype=np.uint8)  # grey
    if kind == 2:
        return rng.integers(0, 256, (h, w, int(rng.choice([1, 2, 4, 5]))), dtype=np.uint8)
    if kind == 3:
        return rng.integers(0, 65536, (h, w, 3), dtype=np.uint16)
    if kind == 4:
        frame = rng.normal(0.5, 2.0, (h, w, 3)).astype(rng.choice([np.float16, np.float32]))
        frame.flat[:: max(frame.size // 5, 1)] = rng.choice([np.nan, np.inf, -np.inf])
        return frame
    if kind == 5:  # huge but virtual: broadcast views cost no memory
        return np.broadcast_to(np.uint8(7), (int(rng.integers(8_000, 60_000)), 9_000, 3))
    if kind == 6:  # extremely thin strips
        return rng.integers(0, 256, (1, int(rng.integers(1, 5000)), 3), dtype=np.uint8)[:, :, :]
    if kind == 7:  # non-contiguous views: steps, transposes, reversed channels
        base = rng.integers(0, 256, (2 * h, 2 * w, 3), dtype=np.uint8)
        return [base[::2, ::2], base.transpose(1, 0, 2), base[..., ::-1], base[::-1, 1:]][h % 4]
    if kind == 8:
        return rng.integers(-5, 5, (h, w, 3)).astype(rng.choice([np.int32, np.int8, np.int64]))
    if kind == 9:
        return rng.random((h, w, 3)) > 0.5  # bool
    if kind == 10:
        return rng.integers(0, 256, tuple(rng.integers(1, 6, int(rng.choice([1, 4])))))  # rank
    if kind == 11:
        return [[1, 2, 3]] if h % 2 else None  # not an array at all
    if kind == 12:
        return np.zeros((h, w, 3), np.complex64)
    plain = np.full((h, w, 3), 255, np.uint8)
    plain.setflags(write=False)  # camera frames are read-only: shared with the preview
    return plain


def test_a_thousand_bad_frames_never_crash():
    detector = Detector(MODEL, conf=0.5)
    rng = np.random.default_rng(20261125)
    outcomes = {"detections": 0, "refused": 0}
    for _ in range(1000):
        frame = random_bad_frame(rng)
        try:
            found = detector.detect(frame)  # type: ignore[arg-type]
        except BadFrame as exc:
            assert str(exc).startswith("frame "), exc
            outcomes["refused"] += 1
            continue
        assert isinstance(found, Detections)
        height, width = np.shape(frame)[:2]
        assert np.all(found.xyxy[:, [0, 2]] <= width) and np.all(found.xyxy[:, [1, 3]] <= height)
        outcomes["detections"] += 1
    assert outcomes["detections"] > 300 and outcomes["refused"] > 300


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (np.zeros((0, 10, 3), np.uint8), r"frame is empty \(shape \(0, 10, 3\)\)"),
        (np.zeros((4, 4, 2), np.uint8), r"frame has 2 channels: expected 1 \(grey\), 3"),
        (np.zeros((4, 4), np.int32), r"frame pixels are int32: expected uint8"),
        (np.zeros(5, np.uint8), r"frame has shape \(5,\): expected \(height, width"),
        (None, r"frame is a NoneType, not a numpy image array"),
        (np.broadcast_to(np.uint8(0), (10_000, 10_000, 3)), r"too large.*lower the camera"),
    ],
)
def test_refusals_say_what_is_wrong(frame, message):
    with pytest.raises(BadFrame, match=message):
        as_bgr_uint8(frame)


@pytest.mark.parametrize(
    "frame",
    [
        np.full((6, 8), 200, np.uint8),
        np.full((6, 8, 1), 200, np.uint8),
        np.full((6, 8, 4), 200, np.uint8),
        np.full((6, 8, 3), 51400, np.uint16),
        np.full((6, 8, 3), 200 / 255, np.float32),
        np.full((12, 16, 3), 200, np.uint8)[::2, ::2],
    ],
    ids=["grey", "grey1", "bgra", "uint16", "float", "strided"],
)
def test_convertible_frames_become_contiguous_bgr_uint8(frame):
    image = as_bgr_uint8(frame)
    assert image.shape == (6, 8, 3) and image.dtype == np.uint8
    assert image.flags.c_contiguous
    assert int(image[0, 0, 0]) == 200
