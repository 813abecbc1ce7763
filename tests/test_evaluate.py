"""``models.evaluate``: mAP, checkout accuracy, the kiosk reading, a run with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kiosk.basket_reading import TrackerConfig
from kiosk.detections import Detections
from models.evaluate import (
    Truth,
    average_precision,
    basket,
    kiosk_outcome,
    main,
    match,
    read_scene,
    read_yolo_labels,
)
from models.synth.dataset import labels_from_catalog, write_dataset
from models.synth.exemplars import load_products

DEMO = Path(__file__).resolve().parent.parent / "models" / "demo"
NAMES = {0: "cola-can", 1: "apple"}
CAN = [100.0, 100.0, 200.0, 200.0]
APPLE = [300.0, 100.0, 380.0, 180.0]


def dets(rows: list[tuple[list[float], float, int]]) -> Detections:
    return Detections.from_json(
        [{"label": NAMES[c], "class_id": c, "score": s, "box": box} for box, s, c in rows]
    )


def truth(rows: list[tuple[list[float], int]]) -> Truth:
    return Truth(np.array([r[0] for r in rows], np.float32), np.array([r[1] for r in rows]))


def test_exact_boxes_score_ap_one_at_every_iou() -> None:
    pred = dets([(CAN, 0.9, 0), (APPLE, 0.8, 1)])
    tp = match(pred, truth([(CAN, 0), (APPLE, 1)]))
    assert tp.all()
    assert average_precision(tp[:1], pred.score[:1], 1).tolist() == [1.0] * 10


def test_loose_box_counts_only_at_lenient_ious() -> None:
    shifted = [110.0, 100.0, 210.0, 200.0]  # IoU 90/110 = 0.818 with CAN
    tp = match(dets([(shifted, 0.9, 0)]), truth([(CAN, 0)]))
    assert tp[0].tolist() == [True] * 7 + [False] * 3  # 0.50 .. 0.80 yes, 0.85 .. 0.95 no


def test_wrong_class_and_second_box_are_false_positives() -> None:
    pred = dets([(CAN, 0.9, 1), (CAN, 0.8, 0), (CAN, 0.7, 0)])
    tp = match(pred, truth([(CAN, 0)]))
    assert tp[:, 0].tolist() == [False, True, False]
    # the best-scored box is wrong: precision at full recall is 1/2
    ap = average_precision(tp[1:], pred.score[1:], 1)
    assert ap[0] == 1.0
    assert average_precision(tp, pred.score, 1)[0] == pytest.approx(0.5)


def test_missing_class_has_no_ap_and_unseen_class_scores_zero() -> None:
    assert np.isnan(average_precision(np.zeros((0, 10), bool), np.zeros(0), 0)).all()
    assert average_precision(np.zeros((0, 10), bool), np.zeros(0), 3).tolist() == [0.0] * 10


def test_yolo_labels_become_pixel_boxes(tmp_path: Path) -> None:
    label = tmp_path / "a.txt"
    label.write_text("1 0.5 0.25 0.2 0.1\n")
    got = read_yolo_labels(label, 640, 480)
    assert got.class_id.tolist() == [1]
    assert got.xyxy.tolist() == [[256.0, 96.0, 384.0, 144.0]]
    empty = tmp_path / "b.txt"
    empty.write_text("")
    assert len(read_yolo_labels(empty, 640, 480).class_id) == 0


def test_kiosk_reading_sorts_scenes_like_the_kiosk() -> None:
    cfg = TrackerConfig()
    want = basket(["cola-can", "apple"])
    assert kiosk_outcome(dets([(CAN, 0.9, 0), (APPLE, 0.8, 1)]), want, cfg) == "right"
    # a duplicate box on the same can is one item, as at the kiosk
    dup = dets([(CAN, 0.9, 0), ([102.0, 101.0, 201.0, 199.0], 0.7, 0), (APPLE, 0.8, 1)])
    assert kiosk_outcome(dup, want, cfg) == "right"
    # an apple the detector is unsure of holds the sale back instead of dropping it
    assert kiosk_outcome(dets([(CAN, 0.9, 0), (APPLE, 0.3, 1)]), want, cfg) == "asks_for_help"
    # two products claimed in one place: ask, never guess
    clash = dets([(CAN, 0.9, 0), (CAN, 0.6, 1), (APPLE, 0.8, 1)])
    assert kiosk_outcome(clash, want, cfg) == "asks_for_help"
    # an apple not seen at all would be charged wrong
    assert kiosk_outcome(dets([(CAN, 0.9, 0)]), want, cfg) == "wrong_charge"


@pytest.fixture(scope="module")
def small_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    products = load_products(DEMO / "exemplars", labels_from_catalog(DEMO / "demo_catalog.csv"))
    out = tmp_path_factory.mktemp("ds")
    write_dataset(products, out, {"test": 8}, seed=0, progress=False)
    return out


def test_real_model_on_rendered_scenes(small_dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "metrics.json"
    assert main(["--dataset", str(small_dataset), "--threads", "1", "--out", str(out)]) == 0
    report = json.loads(out.read_text())[str(small_dataset)]
    assert report["images"] == 8 and report["boxes"] > 8
    assert report["mAP50_95"] > 0.8
    reading = report["kiosk_reading"]
    assert sum(reading.values()) == pytest.approx(1.0)
    # the scenes the plain threshold reads right are never charged wrong by the kiosk's reading
    assert reading["wrong_charge"] <= 1 - report["cAcc"]
    assert report["cAcc_by_accept"]["0.50"] == report["cAcc"]


def test_an_unreadable_test_image_names_the_file(tmp_path: Path) -> None:
    image = tmp_path / "test_00000.jpg"
    image.write_bytes(b"not a jpeg")
    label = tmp_path / "test_00000.txt"
    label.write_text("0 0.5 0.5 0.1 0.1\n")
    with pytest.raises(SystemExit, match=r"cannot read test image .*test_00000\.jpg"):
        read_scene(image, label)
