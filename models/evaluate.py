"""``python -m models.evaluate``: score a model with the kiosk's own detector on test scenes.

Reports COCO-style mAP50 and mAP50-95 (101-point interpolation, written here in numpy so no
pycocotools is needed), checkout accuracy cAcc (share of images whose predicted basket, every
label and its count at the kiosk's accept threshold, is exactly right) and milliseconds per frame.
It also reads each frame the way the kiosk does (:func:`kiosk.basket_reading.read_frame`:
duplicates merged, overlapping products and unsure boxes held back as doubts) and sorts the
scenes into what the shopper would meet: the right basket, a request for help, or a wrong
basket the kiosk would charge. Runs in the kiosk's runtime environment (onnxruntime + cv2), no
training extra needed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.basket_reading import DOUBT_PREFIX, TrackerConfig, read_frame
from kiosk.detections import Detections, iou_matrix

IOU_THRESHOLDS = np.linspace(0.5, 0.95, 10)


@dataclass(frozen=True)
class Truth:
    """Ground-truth boxes of one image (pixels) and their class ids."""

    xyxy: np.ndarray
    class_id: np.ndarray


def read_yolo_labels(label_file: Path, width: int, height: int) -> Truth:
    rows = np.loadtxt(label_file, ndmin=2) if label_file.stat().st_size else np.zeros((0, 5))
    cx, cy, w, h = (rows[:, i] for i in range(1, 5))
    xyxy = np.stack(
        [(cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width, (cy + h / 2) * height],
        axis=1,
    )
    return Truth(xyxy.astype(np.float32), rows[:, 0].astype(np.int32))


def match(pred: Detections, truth: Truth) -> np.ndarray:
    """(n_pred, 10) bool: prediction is a true positive at each IoU threshold.

    Greedy by score: each prediction takes the best still-unmatched box of its class.
    """
    tp = np.zeros((len(pred), len(IOU_THRESHOLDS)), bool)
    if len(pred) == 0 or len(truth.class_id) == 0:
        return tp
    iou = iou_matrix(pred.xyxy, truth.xyxy)
    iou[pred.class_id[:, None] != truth.class_id[None, :]] = 0.0
    order = np.argsort(-pred.score, kind="stable")
    for t, thr in enumerate(IOU_THRESHOLDS):
        taken = np.zeros(len(truth.class_id), bool)
        for i in order:
            cand = np.where(taken, 0.0, iou[i])
            j = int(np.argmax(cand))
            if cand[j] >= thr:
                taken[j] = True
                tp[i, t] = True
    return tp


def average_precision(tp: np.ndarray, score: np.ndarray, n_truth: int) -> np.ndarray:
    """AP at each IoU threshold for one class (COCO 101-point interpolation)."""
    if n_truth == 0:
        return np.full(tp.shape[1], np.nan)
    if len(score) == 0:
        return np.zeros(tp.shape[1])
    order = np.argsort(-score, kind="stable")
    tpc = np.cumsum(tp[order], axis=0)
    fpc = np.cumsum(~tp[order], axis=0)
    recall = tpc / n_truth
    precision = tpc / np.maximum(tpc + fpc, 1e-9)
    envelope = np.flip(np.maximum.accumulate(np.flip(precision, 0), 0), 0)
    grid = np.linspace(0, 1, 101)
    ap = np.zeros(tp.shape[1])
    for t in range(tp.shape[1]):
        idx = np.searchsorted(recall[:, t], grid, side="left")
        ok = idx < len(recall)
        ap[t] = np.where(ok, envelope[np.minimum(idx, len(recall) - 1), t], 0.0).mean()
    return ap


def basket(labels: list[str]) -> dict[str, int]:
    return dict(sorted(Counter(labels).items()))


def basket_at(pred: Detections, accept: float) -> dict[str, int]:
    """The basket of the boxes scored at least ``accept``."""
    return basket(pred.filter(pred.score >= accept).labels)


def read_scene(image_path: Path, label_path: Path) -> tuple[np.ndarray, Truth]:
    """A test scene's image (BGR) and its ground truth in pixels."""
    image = cv2.imread(str(image_path), cv2.IMREAD_COLOR)
    if image is None:
        raise SystemExit(f"cannot read test image {image_path}")
    return image, read_yolo_labels(label_path, image.shape[1], image.shape[0])


KIOSK_OUTCOMES = ("right", "asks_for_help", "wrong_charge")


def kiosk_outcome(pred: Detections, want: dict[str, int], cfg: TrackerConfig) -> str:
    """What the kiosk would do with this one frame: ``"right"`` (no doubts, the right
    basket), ``"asks_for_help"`` (a doubt holds the sale back) or ``"wrong_charge"`` (no
    doubts, a wrong basket: an item missed, counted twice, or swapped)."""
    counts = dict(read_frame(pred, 0.0, 0, cfg).counts)
    if any(label.startswith(DOUBT_PREFIX) for label in counts):
        return "asks_for_help"
    return "right" if counts == want else "wrong_charge"


@dataclass
class Tally:
    """Accumulates matches over images."""

    names: dict[int, str]
    tp: list[np.ndarray]
    score: list[np.ndarray]
    cls: list[np.ndarray]
    n_truth: Counter[int]
    baskets_right: int = 0
    images: int = 0

    def add(self, pred: Detections, truth: Truth, accept: float) -> bool:
        self.tp.append(match(pred, truth))
        self.score.append(pred.score)
        self.cls.append(pred.class_id)
        self.n_truth.update(int(c) for c in truth.class_id)
        want = basket([self.names[int(c)] for c in truth.class_id])
        got = basket_at(pred, accept)
        self.images += 1
        self.baskets_right += want == got
        return want == got

    def summary(self) -> dict[str, object]:
        tp = np.concatenate(self.tp) if self.tp else np.zeros((0, 10), bool)
        score = np.concatenate(self.score) if self.score else np.zeros(0)
        cls = np.concatenate(self.cls) if self.cls else np.zeros(0, int)
        per_class = {}
        for c, name in self.names.items():
            ap = average_precision(tp[cls == c], score[cls == c], self.n_truth[c])
            if not np.isnan(ap[0]):
                per_class[name] = {
                    "ap50": round(float(ap[0]), 4),
                    "ap50_95": round(float(ap.mean()), 4),
                }
        aps50 = [v["ap50"] for v in per_class.values()]
        aps = [v["ap50_95"] for v in per_class.values()]
        return {
            "images": self.images,
            "boxes": int(sum(self.n_truth.values())),
            "mAP50": round(float(np.mean(aps50)), 4) if aps else None,
            "mAP50_95": round(float(np.mean(aps)), 4) if aps else None,
            "cAcc": round(self.baskets_right / max(self.images, 1), 4),
            "per_class": per_class,
        }


def test_images(dataset: Path, split: str = "test") -> list[tuple[Path, Path]]:
    """(image, label file) pairs of a dataset folder written by ``models.synth dataset``."""
    root = dataset.parent if dataset.suffix in (".yaml", ".yml") else dataset
    images = sorted((root / "images" / split).glob("*.jpg"))
    return [(p, root / "labels" / split / (p.stem + ".txt")) for p in images]


def evaluate_set(
    detect: Callable[[np.ndarray], Detections],
    pairs: list[tuple[Path, Path]],
    names: dict[int, str],
    accept: float,
) -> dict[str, object]:
    tally = Tally(names, [], [], [], Counter())
    wrong: Counter[str] = Counter()
    ms = []
    kept: list[tuple[Detections, dict[str, int]]] = []
    for image_path, label_path in pairs:
        image, truth = read_scene(image_path, label_path)
        start = time.perf_counter()
        pred = detect(image)
        ms.append((time.perf_counter() - start) * 1000)
        kept.append((pred, basket([names[int(c)] for c in truth.class_id])))
        if not tally.add(pred, truth, accept):
            got = Counter(pred.filter(pred.score >= accept).labels)
            want = Counter(names[int(c)] for c in truth.class_id)
            wrong.update(f"missed {k}" for k in (want - got).elements())
            wrong.update(f"extra {k}" for k in (got - want).elements())
    result = tally.summary()
    result["ms_per_frame"] = round(float(np.median(ms)), 2) if ms else None
    result["basket_errors"] = dict(wrong.most_common(12))
    result["cAcc_by_accept"] = (
        {
            f"{t:.2f}": round(np.mean([basket_at(p, t) == w for p, w in kept]), 4)
            for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
        }
        if kept
        else {}
    )
    cfg = TrackerConfig(
        accept_conf=accept,
        doubt_conf=min(TrackerConfig.doubt_conf, accept),
        hold_conf=min(TrackerConfig.hold_conf, accept),
    )
    outcomes = Counter(kiosk_outcome(p, w, cfg) for p, w in kept)
    result["kiosk_reading"] = {k: round(outcomes[k] / max(len(kept), 1), 4) for k in KIOSK_OUTCOMES}
    return result


def add_scene_set_args(p: argparse.ArgumentParser) -> None:
    """The options that pick the scenes a model is scored on, and how the kiosk reads them."""
    p.add_argument(
        "--dataset",
        action="append",
        required=True,
        help="dataset folder or its dataset.yaml (repeatable); its test split is used",
    )
    p.add_argument("--split", default="test")
    p.add_argument("--accept", type=float, default=0.5, help="kiosk accept_conf for cAcc")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--limit", type=int, default=0, help="only the first N scenes of each set")


def main(argv: list[str] | None = None) -> int:
    from kiosk.detector import Detector

    p = argparse.ArgumentParser(prog="python -m models.evaluate", description=__doc__)
    p.add_argument("--model", default=str(Path(__file__).parent / "demo" / "demo.onnx"))
    add_scene_set_args(p)
    p.add_argument("--out", default=None, help="write the metrics JSON here")
    args = p.parse_args(argv)
    detector = Detector(args.model, providers="cpu", threads=args.threads, conf=0.001)
    report: dict[str, object] = {"model": str(args.model)}
    for ds in args.dataset:
        pairs = test_images(Path(ds), args.split)
        if args.limit:
            pairs = pairs[: args.limit]
        report[str(ds)] = evaluate_set(detector.detect, pairs, detector.names, args.accept)
        print(
            json.dumps({k: v for k, v in report[str(ds)].items() if k != "per_class"}), flush=True
        )
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
