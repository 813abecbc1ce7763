"""Parity with Ultralytics: our detections equal the recorded ``YOLO(onnx).predict`` output.

Goldens are written by ``tests/golden/make_goldens.py`` (needs torch); this test needs only
onnxruntime. Each golden box must be matched by one of ours: same class, IoU >= 0.99, score
within 1e-3, corners within 0.05 px, and the counts must be equal.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.detector import Detector

GOLDEN = Path(__file__).parent / "golden"
ROOT = GOLDEN.parents[1]
GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of box ``a`` against boxes ``b``; boxes with no area (an untrained model makes
    some, and clipping flattens others) match by coordinates within 0.5 px instead."""
    w = np.clip(np.minimum(a[2], b[:, 2]) - np.maximum(a[0], b[:, 0]), 0, None)
    h = np.clip(np.minimum(a[3], b[:, 3]) - np.maximum(a[1], b[:, 1]), 0, None)
    inter = w * h
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    iou = inter / np.maximum(area_a + area_b - inter, 1e-12)
    degenerate = (area_a <= 0) | (area_b <= 0)
    close = np.all(np.abs(b - a) <= 0.5, axis=1).astype(float)
    return np.where(degenerate, close, iou)


def load_golden(path: Path) -> dict:
    golden = json.loads(path.read_text())
    model = ROOT / golden["model"]
    if not model.exists():
        pytest.skip(f"{golden['model']} not present")
    if hashlib.sha256(model.read_bytes()).hexdigest() != golden["model_sha256"]:
        # The demo model is retrained from time to time; its goldens must follow it.
        pytest.skip(
            f"{golden['model']} changed since {path.name} was recorded: run "
            f"tests/golden/make_goldens.py --model {golden['model']} --name {path.stem}"
        )
    return golden


@pytest.fixture(scope="module", params=GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def golden_run(request):
    golden = load_golden(request.param)
    detector = Detector(ROOT / golden["model"], conf=golden["conf"], providers="cpu")
    return golden, detector


def test_goldens_exist_for_both_output_forms():
    forms = {
        Detector(GOLDEN / "models" / f"{n}.onnx").output_form for n in ("tiny_e2e", "tiny_raw")
    }
    assert forms == {"end2end", "raw"}


@pytest.mark.parametrize("image_name", sorted(p.name for p in (GOLDEN / "images").glob("*.png")))
def test_detections_match_ultralytics(golden_run, image_name):
    golden, detector = golden_run
    expected = golden["images"][image_name]
    image = cv2.imread(str(GOLDEN / "images" / image_name))
    ours = detector.detect(image)

    assert (expected["height"], expected["width"]) == image.shape[:2]
    assert len(ours) == len(expected["detections"])
    unused = np.ones(len(ours), bool)
    for row in expected["detections"]:
        candidates = unused & (ours.class_id == row["class_id"])
        ious = np.where(candidates, box_iou(np.array(row["box"]), ours.xyxy.astype(float)), -1)
        best = int(np.argmax(ious)) if len(ious) else -1
        assert best >= 0 and ious[best] >= 0.99, f"no match for {row}"
        assert abs(float(ours.score[best]) - row["score"]) <= 1e-3
        # Stricter than the IoU bar: the letterbox is meant to be exact, not merely close.
        assert np.abs(ours.xyxy[best] - row["box"]).max() <= 0.05
        unused[best] = False
