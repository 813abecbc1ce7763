"""Turn raw YOLO output tensors into boxes, scores and class ids in model-input pixels.

Two output forms exist and are told apart by shape, never by model names:

* end-to-end ``(1, N, 6)``: rows ``x1, y1, x2, y2, score, class`` already de-duplicated by
  the model (YOLO26's NMS-free head); only the score filter applies.
* raw ``(1, 4 + nc, anchors)``: ``cx, cy, w, h`` then one score per class; needs the score
  filter and class-aware NMS.

Both follow ``ultralytics.utils.nms.non_max_suppression`` step by step (same thresholds,
same order, same float32 arithmetic) so results match Ultralytics' predict.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_DETECTIONS = 300  # Ultralytics' max_det default
NMS_IOU = 0.7  # Ultralytics' predict default
CLASS_OFFSET = 7680  # Ultralytics' max_wh: shifts each class's boxes apart for one NMS pass
MATRIX_NMS_LIMIT = 1500  # boxes per class solved with an IoU matrix (9 MB); more loop


@dataclass(frozen=True)
class RawBoxes:
    """Decoded rows before mapping back to the source frame."""

    xyxy: np.ndarray  # (n, 4) float32, model-input pixels
    score: np.ndarray  # (n,) float32
    class_id: np.ndarray  # (n,) int32


def output_form(shape: tuple[int, ...], num_classes: int | None) -> str:
    """``"end2end"`` or ``"raw"`` for a batch-1 output shape; ``""`` if neither fits."""
    if len(shape) != 3 or shape[0] != 1:
        return ""
    if shape[2] == 6 and shape[1] != 6:
        return "end2end"
    if shape[1] > 4 and (num_classes is None or shape[1] == 4 + num_classes):
        return "raw"
    return ""


def decode_end2end(output: np.ndarray, conf: float) -> RawBoxes:
    """Score filter on ``(1, N, 6)`` rows, keeping model order, at most 300 rows."""
    rows = output[0]
    kept = rows[rows[:, 4] > conf][:MAX_DETECTIONS].astype(np.float32)
    return RawBoxes(kept[:, :4].copy(), kept[:, 4].copy(), kept[:, 5].astype(np.int32))


def decode_raw(output: np.ndarray, conf: float, iou: float = NMS_IOU) -> RawBoxes:
    """Best class per anchor, score filter, class-aware NMS on ``(1, 4 + nc, A)`` output."""
    pred = output[0]
    class_scores = pred[4:]
    candidates = np.flatnonzero(class_scores.max(axis=0) > conf)
    picked = pred[:, candidates].T.astype(np.float32)  # (k, 4 + nc), anchor order
    class_id = picked[:, 4:].argmax(axis=1)
    score = picked[np.arange(len(picked)), 4 + class_id]
    xyxy = xywh_to_xyxy(picked[:, :4])
    offset = xyxy + class_id[:, None] * np.float32(CLASS_OFFSET)  # Ultralytics' exact floats
    keep = nms(offset, score, iou, groups=class_id)
    keep = keep[:MAX_DETECTIONS]
    return RawBoxes(xyxy[keep], score[keep], class_id[keep].astype(np.int32))


def xywh_to_xyxy(xywh: np.ndarray) -> np.ndarray:
    half = xywh[:, 2:] / np.float32(2)
    return np.concatenate((xywh[:, :2] - half, xywh[:, :2] + half), axis=1)


def nms(
    xyxy: np.ndarray, score: np.ndarray, iou_threshold: float, groups: np.ndarray | None = None
) -> np.ndarray:
    """Greedy NMS: highest score first, drop boxes overlapping a kept one by IoU > threshold.

    Returns kept indices, best score first. Same float32 arithmetic as torchvision's kernel,
    which Ultralytics calls. ``groups`` (class ids) are solved separately, which is what
    class-aware NMS means and keeps the work per class small.
    """
    if len(score) == 0:
        return np.zeros(0, np.intp)
    order = np.argsort(-score, kind="stable")
    boxes = xyxy[order]
    kept = np.zeros(len(order), bool)
    if groups is None:
        members = [np.arange(len(order))]
    else:
        sorted_groups = groups[order]
        members = [np.flatnonzero(sorted_groups == g) for g in np.unique(sorted_groups)]
    for member in members:
        kept[member[_greedy(boxes[member], iou_threshold)]] = True
    return order[kept]


def _greedy(boxes: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Kept positions among score-sorted ``boxes``; a matrix method when it fits in memory."""
    if len(boxes) > MATRIX_NMS_LIMIT:
        return _greedy_loop(boxes, iou_threshold)
    with np.errstate(divide="ignore", invalid="ignore"):
        overlaps = np.triu(_iou_matrix(boxes) > iou_threshold, k=1)
    alive = np.ones(len(boxes), bool)  # kept or not yet decided
    kept = np.zeros(len(boxes), bool)
    while True:
        # No live higher-scored box overlaps it: greedy NMS would keep it. A box overlapped
        # by a kept one is suppressed. Each round settles at least the first undecided box.
        kept |= alive & ~overlaps[alive].any(axis=0)
        suppressed = overlaps[kept].any(axis=0)
        if not (alive & suppressed).any():
            return np.flatnonzero(kept)
        alive &= ~suppressed


def _iou_matrix(boxes: np.ndarray) -> np.ndarray:
    x1, y1, x2, y2 = (boxes[:, i] for i in range(4))
    areas = (x2 - x1) * (y2 - y1)
    w = np.minimum(x2[:, None], x2[None]) - np.maximum(x1[:, None], x1[None])
    h = np.minimum(y2[:, None], y2[None]) - np.maximum(y1[:, None], y1[None])
    inter = np.maximum(w, 0) * np.maximum(h, 0)
    return inter / (areas[:, None] + areas[None] - inter)


def _greedy_loop(boxes: np.ndarray, iou_threshold: float) -> np.ndarray:
    """One pass per survivor; stops at ``MAX_DETECTIONS`` survivors (all that are kept)."""
    x1, y1, x2, y2 = (boxes[:, i] for i in range(4))
    areas = (x2 - x1) * (y2 - y1)
    order = np.arange(len(boxes))
    keep: list[int] = []
    while order.size and len(keep) < MAX_DETECTIONS:
        i, rest = order[0], order[1:]
        keep.append(int(i))
        w = np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest])
        h = np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest])
        inter = np.maximum(w, 0) * np.maximum(h, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            iou = inter / (areas[i] + areas[rest] - inter)
        order = rest[iou <= iou_threshold]
    return np.asarray(keep, np.intp)
