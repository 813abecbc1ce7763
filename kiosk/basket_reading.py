"""One frame's detections read as counted items and doubtful regions, before any smoothing.

:func:`read_frame` decides per frame what is an item (score at or above ``accept_conf``, or
an item of the previous frame still above ``hold_conf``), what is a doubt (unsure boxes,
boxes of different products on top of each other), and what is noise (second guesses,
duplicate boxes). :mod:`kiosk.basket` then smooths these readings over time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from kiosk.checkout_values import Box, Doubt, DoubtKind
from kiosk.detections import Detections, iou_matrix

DOUBT_MESSAGES = {
    DoubtKind.LOW_CONFIDENCE: "Please turn the marked item label up, or call for help.",
    DoubtKind.UNKNOWN_LABEL: "The marked item is not sold here. Take it away or call for help.",
    DoubtKind.OVERLAP: "Please move the marked items apart.",
    DoubtKind.INACTIVE_PRODUCT: "The marked item cannot be sold right now. Please call for help.",
    DoubtKind.NO_PRICE: "The marked item has no price yet. Please call for help.",
    DoubtKind.UNRECOGNISED: (
        "Something on the counter is not one of our products. If it is yours, please take it "
        "away; to buy it, scan its barcode or call for help."
    ),
}
HOLD_MARGIN = 0.15  # hold_conf = accept_conf - this (never below doubt_conf)
DOUBT_PREFIX = "?"  # tracked keys for doubts: "?low_confidence", "?overlap"


@dataclass(frozen=True)
class TrackerConfig:
    """How cautious the tracker is. Defaults settle within ~0.5 s at 10-30 frames/s.

    ``accept_conf``: a detection at or above it is an item. ``doubt_conf``: between the two
    it is a doubt. ``hold_conf``: an item already counted in the previous frame, at the same
    place, keeps counting down to this score. ``overlap_iou``: boxes of different products
    overlapping more than this are one doubt (and unsure boxes overlapping that much are one
    doubt). ``duplicate_iou``: same-label boxes overlapping more are one item.
    ``keep_share``: once settled, the basket stays settled while its values still hold
    this share of the window (hysteresis, so Pay does not flicker).
    ``max_gap_seconds``: a longer pause (or time going backwards, e.g. a looping video)
    restarts the window, keeping the current counts.
    """

    accept_conf: float = 0.5
    doubt_conf: float = 0.25
    hold_conf: float = 0.35
    settle_seconds: float = 0.6
    min_frames: int = 3
    agreement: float = 0.8
    keep_share: float = 0.6
    overlap_iou: float = 0.5
    # Seen from above, two boxes of one product sharing 60 % of their area are one item (a
    # second one under it would be hidden); NMS at Ultralytics' 0.7 lets such pairs through.
    duplicate_iou: float = 0.6
    max_gap_seconds: float = 2.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.doubt_conf <= self.accept_conf <= 1.0:
            raise ValueError("need 0 <= doubt_conf <= accept_conf <= 1")
        if not self.doubt_conf <= self.hold_conf <= self.accept_conf:
            raise ValueError("need doubt_conf <= hold_conf <= accept_conf")
        if self.min_frames < 2 or not 0.5 < self.agreement <= 1.0:
            raise ValueError("need min_frames >= 2 and 0.5 < agreement <= 1 to ignore flicker")


@dataclass(frozen=True)
class FrameReading:
    """What one frame says, before any smoothing."""

    t: float
    frame_index: int
    counts: tuple[tuple[str, int], ...]
    items: tuple[tuple[str, Box, float], ...]  # accepted (label, box, score)
    doubts: tuple[Doubt, ...]


def _box(row: np.ndarray) -> Box:
    return (float(row[0]), float(row[1]), float(row[2]), float(row[3]))


def _dedupe(boxes: np.ndarray, scores: np.ndarray, iou: float) -> list[int]:
    """Indices kept by greedy suppression (highest score first)."""
    if len(scores) <= 1:
        return list(range(len(scores)))
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    ious = iou_matrix(boxes, boxes)
    kept: list[int] = []
    for i in order:
        if all(ious[i, j] < iou for j in kept):
            kept.append(i)
    return kept


def read_frame(
    dets: Detections,
    t: float,
    frame_index: int,
    cfg: TrackerConfig,
    previous: tuple[tuple[str, Box, float], ...] = (),
    unrecognised: tuple[Box, ...] = (),
) -> FrameReading:
    """Classify one frame's detections into counted items and doubtful regions.

    ``previous`` are the items of the frame before: an item already recognised there keeps
    counting while its score stays above ``hold_conf`` (the high/low threshold idea of
    ByteTrack), so a score hovering around ``accept_conf`` does not turn it into a doubt
    every other frame. A new item still needs ``accept_conf``. ``unrecognised``: where
    things lie that no detection names (:mod:`kiosk.counter_watch`), a doubt each.
    """
    labels = np.array(dets.labels, dtype=object)
    held = _held(dets, labels, previous, cfg)
    accepted = np.flatnonzero((dets.score >= cfg.accept_conf) | held)
    unsure = np.flatnonzero((dets.score >= cfg.doubt_conf) & (dets.score < cfg.accept_conf) & ~held)
    kept = _dedupe_per_label(dets, labels, accepted, cfg.duplicate_iou)
    items, doubts = _split_overlaps(dets, labels, kept, cfg.overlap_iou)
    doubts += _low_confidence(dets, labels, unsure, kept, cfg)
    kind = DoubtKind.UNRECOGNISED
    doubts += [Doubt(kind, "", region, _msg(kind), 0.0) for region in unrecognised]
    counts = Counter(label for label, _, _ in items)
    counts.update(DOUBT_PREFIX + d.kind.value for d in doubts)
    return FrameReading(t, frame_index, tuple(sorted(counts.items())), tuple(items), tuple(doubts))


def _held(
    dets: Detections,
    labels: np.ndarray,
    previous: tuple[tuple[str, Box, float], ...],
    cfg: TrackerConfig,
) -> np.ndarray:
    """Unsure detections that continue an item of the previous frame (same label, same place).

    One-to-one: an item already matched by a sure detection holds nothing more, and each
    item holds at most its best-scoring candidate, so a second, weaker box on the same
    product never becomes a second item.
    """
    held = np.zeros(len(dets), bool)
    candidates = np.flatnonzero((dets.score >= cfg.hold_conf) & (dets.score < cfg.accept_conf))
    if len(candidates) == 0 or not previous:
        return held
    sure = np.flatnonzero(dets.score >= cfg.accept_conf)
    before = np.array([box for _, box, _ in previous], np.float32).reshape(-1, 4)
    for n, (label, _, _) in enumerate(previous):
        near = iou_matrix(before[n : n + 1], dets.xyxy)[0] >= cfg.overlap_iou
        same = near & (labels == label)
        if same[sure].any():
            continue  # this item is still seen surely
        free = [int(k) for k in candidates if same[k] and not held[k]]
        if free:
            held[max(free, key=lambda k: float(dets.score[k]))] = True
    return held


def _dedupe_per_label(
    dets: Detections, labels: np.ndarray, idx: np.ndarray, iou: float
) -> list[int]:
    kept: list[int] = []
    for label in sorted(set(labels[idx])):
        same = idx[labels[idx] == label]
        kept += [int(same[k]) for k in _dedupe(dets.xyxy[same], dets.score[same], iou)]
    return sorted(kept)


def _split_overlaps(
    dets: Detections, labels: np.ndarray, kept: list[int], iou: float
) -> tuple[list[tuple[str, Box, float]], list[Doubt]]:
    """Items whose box sits on a box of another product become one overlap doubt."""
    ious = iou_matrix(dets.xyxy[kept], dets.xyxy[kept]) if kept else np.zeros((0, 0))
    clash = {
        (a, b)
        for a in range(len(kept))
        for b in range(a + 1, len(kept))
        if ious[a, b] >= iou and labels[kept[a]] != labels[kept[b]]
    }
    in_clash = {i for pair in clash for i in pair}
    items = [
        (str(labels[k]), _box(dets.xyxy[k]), float(dets.score[k]))
        for n, k in enumerate(kept)
        if n not in in_clash
    ]
    doubts = []
    for a, b in sorted(clash):
        ka, kb = kept[a], kept[b]
        both = np.stack([dets.xyxy[ka], dets.xyxy[kb]])
        region = (*both[:, :2].min(axis=0), *both[:, 2:].max(axis=0))
        label = " / ".join(sorted({str(labels[ka]), str(labels[kb])}))
        score = float(min(dets.score[ka], dets.score[kb]))
        doubts.append(
            Doubt(DoubtKind.OVERLAP, label, _box(np.array(region)), _msg(DoubtKind.OVERLAP), score)
        )
    return items, doubts


def _low_confidence(
    dets: Detections, labels: np.ndarray, unsure: np.ndarray, kept: list[int], cfg: TrackerConfig
) -> list[Doubt]:
    """Unsure boxes, unless they are the detector's second guess for a recognised item."""
    if len(unsure) == 0:
        return []
    if kept:
        near = iou_matrix(dets.xyxy[unsure], dets.xyxy[kept]).max(axis=1) >= cfg.overlap_iou
        unsure = unsure[~near]
    keep = [int(unsure[k]) for k in _dedupe(dets.xyxy[unsure], dets.score[unsure], cfg.overlap_iou)]
    kind = DoubtKind.LOW_CONFIDENCE
    return [
        Doubt(kind, str(labels[k]), _box(dets.xyxy[k]), _msg(kind), float(dets.score[k]))
        for k in sorted(keep)
    ]


def _msg(kind: DoubtKind) -> str:
    return DOUBT_MESSAGES[kind]
