"""Decoding raw YOLO output: class-aware NMS against a plain greedy reference."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.decode import CLASS_OFFSET, decode_end2end, decode_raw, nms, output_form


def reference_nms(xyxy: np.ndarray, score: np.ndarray, classes: np.ndarray, iou: float) -> list:
    """Textbook greedy NMS, one pair at a time."""
    keep: list[int] = []
    for i in np.argsort(-score, kind="stable"):
        if all(classes[k] != classes[i] or pair_iou(xyxy[k], xyxy[i]) <= iou for k in keep):
            keep.append(int(i))
    return keep


def pair_iou(a: np.ndarray, b: np.ndarray) -> float:
    w = max(min(a[2], b[2]) - max(a[0], b[0]), 0)
    h = max(min(a[3], b[3]) - max(a[1], b[1]), 0)
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@pytest.mark.parametrize("seed", range(20))
def test_class_aware_nms_equals_greedy_reference(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    corner = rng.uniform(-30, 300, (n, 2)).astype(np.float32)  # some start off the frame
    xyxy = np.concatenate([corner, corner + rng.uniform(2, 80, (n, 2))], axis=1)
    xyxy = xyxy.astype(np.float32)
    score = rng.random(n).astype(np.float32)
    classes = rng.integers(0, 4, n)
    offset = xyxy + classes[:, None] * np.float32(CLASS_OFFSET)
    assert nms(offset, score, 0.5, groups=classes).tolist() == reference_nms(
        xyxy, score, classes, 0.5
    )


def test_boxes_left_of_the_frame_still_suppress_their_own_class():
    xyxy = np.array([[-4, 10, 50, 60], [-2, 10, 50, 60], [1, 10, 50, 60]], np.float32)
    kept = nms(xyxy, np.array([0.9, 0.8, 0.7], np.float32), 0.7, np.zeros(3, int))
    assert kept.tolist() == [0]


def raw_output(rows: list[tuple[float, float, float, float, int, float]], nc: int = 3):
    """(1, 4 + nc, anchors) from (cx, cy, w, h, class, score) rows."""
    out = np.zeros((1, 4 + nc, len(rows)), np.float32)
    for a, (cx, cy, w, h, cls, s) in enumerate(rows):
        out[0, :4, a] = cx, cy, w, h
        out[0, 4 + cls, a] = s
    return out


def test_raw_decode_filters_scores_and_suppresses_per_class():
    out = raw_output(
        [
            (50, 50, 20, 20, 0, 0.9),
            (51, 50, 20, 20, 0, 0.8),  # overlaps the first, same class: suppressed
            (51, 50, 20, 20, 1, 0.7),  # same place, other class: kept
            (200, 200, 10, 10, 2, 0.1),  # below the score threshold
        ]
    )
    decoded = decode_raw(out, conf=0.25)
    assert decoded.class_id.tolist() == [0, 1]
    np.testing.assert_allclose(decoded.xyxy[0], [40, 40, 60, 60])
    np.testing.assert_allclose(decoded.score, [0.9, 0.7])


def test_end2end_decode_keeps_model_order_above_threshold():
    rows = np.array([[[0, 0, 5, 5, 0.9, 2], [1, 1, 6, 6, 0.2, 1], [2, 2, 7, 7, 0.5, 0]]])
    decoded = decode_end2end(rows.astype(np.float32), conf=0.25)
    assert decoded.class_id.tolist() == [2, 0]
    assert decoded.score.dtype == np.float32


@pytest.mark.parametrize(
    ("shape", "classes", "form"),
    [
        ((1, 300, 6), 16, "end2end"),
        ((1, 20, 2100), 16, "raw"),
        ((1, 20, 2100), 80, ""),  # names list does not match the model's classes
        ((1, 3), 3, ""),
        ((2, 300, 6), 16, ""),
    ],
)
def test_output_form_by_shape(shape, classes, form):
    assert output_form(shape, classes) == form
