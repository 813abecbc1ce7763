"""Turn a stream of per-frame detections into a stable basket: counts per label, and doubts.

A detector flickers: a box drops out for a frame, a score dips, a hand passes over the
counter. The shopper must never see the total jump because of that, and the kiosk must
never charge for a guess. So each frame is first *read* (counts per label, doubtful
regions), and a count only changes once one value has held for most of a short window:
at least ``agreement`` of the frames within the last ``settle_seconds`` (and at least
``min_frames`` frames). A single odd frame can never reach that share, so it never
changes the total. Doubts are stabilised the same way, so a one-frame blip does not block.

Everything here is pure: :func:`advance` returns a new :class:`TrackerState`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from kiosk.checkout_values import Box, Doubt, DoubtKind
from kiosk.detections import Detections

DOUBT_MESSAGES = {
    DoubtKind.LOW_CONFIDENCE: "Please turn the marked item label up, or call for help.",
    DoubtKind.UNKNOWN_LABEL: "The marked item is not sold here. Take it away or call for help.",
    DoubtKind.OVERLAP: "Please move the marked items apart.",
    DoubtKind.INACTIVE_PRODUCT: "The marked item cannot be sold right now. Please call for help.",
    DoubtKind.NO_PRICE: "The marked item has no price yet. Please call for help.",
}
HOLD_MARGIN = 0.15  # hold_conf = accept_conf - this (never below doubt_conf)
_DOUBT_PREFIX = "?"  # tracked keys for doubts: "?low_confidence", "?overlap"


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
    duplicate_iou: float = 0.7
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


@dataclass(frozen=True)
class TrackedBasket:
    """The stable view: counts per detector label, doubts, and where things are now."""

    counts: dict[str, int] = field(default_factory=dict)
    doubts: tuple[Doubt, ...] = ()
    boxes: dict[str, tuple[Box, ...]] = field(default_factory=dict)  # newest boxes per label
    items: tuple[tuple[str, Box, float], ...] = ()  # accepted items in the newest frame
    settled: bool = False
    frame_index: int = -1
    t: float = 0.0

    @property
    def empty(self) -> bool:
        """No items and no doubts on the counter, and the reading is settled."""
        return self.settled and not self.counts and not self.doubts


@dataclass(frozen=True)
class TrackerState:
    """Recent readings plus the current stable values (immutable; see :func:`advance`)."""

    history: tuple[FrameReading, ...] = ()
    stable: tuple[tuple[str, int], ...] = ()
    settled: bool = False
    last_boxes: tuple[tuple[str, tuple[Box, ...]], ...] = ()
    last_doubts: tuple[tuple[str, tuple[Doubt, ...]], ...] = ()


def iou_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Intersection over union of every box in ``a`` (n,4) with every box in ``b`` (m,4)."""
    tl = np.maximum(a[:, None, :2], b[None, :, :2])
    br = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(br - tl, 0, None).prod(axis=2)
    area_a = np.clip(a[:, 2:] - a[:, :2], 0, None).prod(axis=1)
    area_b = np.clip(b[:, 2:] - b[:, :2], 0, None).prod(axis=1)
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)


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
) -> FrameReading:
    """Classify one frame's detections into counted items and doubtful regions.

    ``previous`` are the items of the frame before: an item already recognised there keeps
    counting while its score stays above ``hold_conf`` (the high/low threshold idea of
    ByteTrack), so a score hovering around ``accept_conf`` does not turn it into a doubt
    every other frame. A new item still needs ``accept_conf``.
    """
    labels = np.array(dets.labels, dtype=object)
    held = _held(dets, labels, previous, cfg)
    accepted = np.flatnonzero((dets.score >= cfg.accept_conf) | held)
    unsure = np.flatnonzero((dets.score >= cfg.doubt_conf) & (dets.score < cfg.accept_conf) & ~held)
    kept = _dedupe_per_label(dets, labels, accepted, cfg.duplicate_iou)
    items, doubts = _split_overlaps(dets, labels, kept, cfg.overlap_iou)
    doubts += _low_confidence(dets, labels, unsure, kept, cfg)
    counts = Counter(label for label, _, _ in items)
    counts.update(_DOUBT_PREFIX + d.kind.value for d in doubts)
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


def advance(state: TrackerState, reading: FrameReading, cfg: TrackerConfig) -> TrackerState:
    """Add one frame's reading; a count changes only when one value dominates the window."""
    history = state.history
    if history and not 0 <= reading.t - history[-1].t <= cfg.max_gap_seconds:
        history = ()
    history = _window((*history, reading), cfg)
    enough = _long_enough(history, cfg)
    stable = dict(state.stable)
    keys = set(stable) | {k for r in history for k, _ in r.counts}
    shares: list[float] = []
    for key in sorted(keys):
        values = [dict(r.counts).get(key, 0) for r in history]
        value, hits = Counter(values).most_common(1)[0]
        if enough and hits / len(values) >= cfg.agreement:
            stable[key] = value
        shares.append(values.count(stable.get(key, 0)) / len(values))
    need = cfg.keep_share if state.settled else cfg.agreement
    settled = enough and all(s >= need for s in shares)
    return TrackerState(
        history=history,
        stable=tuple(sorted((k, v) for k, v in stable.items() if v > 0)),
        settled=settled,
        last_boxes=_merge_boxes(state.last_boxes, reading),
        last_doubts=_merge_doubts(state.last_doubts, reading),
    )


def observe(
    state: TrackerState, dets: Detections, t: float, frame_index: int, cfg: TrackerConfig
) -> TrackerState:
    """Read one frame (knowing the previous one) and add it: the tracker's one step."""
    previous = state.history[-1].items if state.history else ()
    return advance(state, read_frame(dets, t, frame_index, cfg, previous), cfg)


def _long_enough(history: tuple[FrameReading, ...], cfg: TrackerConfig) -> bool:
    """Enough frames, covering enough time, to trust a share (matters after a restart)."""
    span = history[-1].t - history[0].t
    return len(history) >= cfg.min_frames and span >= cfg.settle_seconds * cfg.agreement - 1e-9


def _window(history: tuple[FrameReading, ...], cfg: TrackerConfig) -> tuple[FrameReading, ...]:
    """Frames of the last ``settle_seconds``, but never fewer than ``min_frames``."""
    now = history[-1].t
    recent = [r for r in history if now - r.t <= cfg.settle_seconds + 1e-9]
    count = max(len(recent), min(cfg.min_frames, len(history)))
    return history[-count:]


def _merge_boxes(
    old: tuple[tuple[str, tuple[Box, ...]], ...], reading: FrameReading
) -> tuple[tuple[str, tuple[Box, ...]], ...]:
    boxes = dict(old)
    for label in {label for label, _, _ in reading.items}:
        boxes[label] = tuple(box for lab, box, _ in reading.items if lab == label)
    return tuple(sorted(boxes.items()))


def _merge_doubts(
    old: tuple[tuple[str, tuple[Doubt, ...]], ...], reading: FrameReading
) -> tuple[tuple[str, tuple[Doubt, ...]], ...]:
    doubts = dict(old)
    for kind in {d.kind.value for d in reading.doubts}:
        doubts[kind] = tuple(d for d in reading.doubts if d.kind.value == kind)
    return tuple(sorted(doubts.items()))


def tracked(state: TrackerState) -> TrackedBasket:
    """The stable basket a state stands for."""
    stable = dict(state.stable)
    last_doubts = dict(state.last_doubts)
    doubts: list[Doubt] = []
    for kind in DoubtKind:
        n = stable.get(_DOUBT_PREFIX + kind.value, 0)
        doubts += list(last_doubts.get(kind.value, ()))[:n]
    newest = state.history[-1] if state.history else None
    return TrackedBasket(
        counts={k: v for k, v in stable.items() if not k.startswith(_DOUBT_PREFIX)},
        doubts=tuple(doubts),
        boxes=dict(state.last_boxes),
        items=newest.items if newest else (),
        settled=state.settled,
        frame_index=newest.frame_index if newest else -1,
        t=newest.t if newest else 0.0,
    )


class BasketTracker:
    """Convenience wrapper holding a :class:`TrackerState` (for tools and the replay)."""

    def __init__(self, config: TrackerConfig | None = None) -> None:
        self.config = config or TrackerConfig()
        self.state = TrackerState()

    def update(self, dets: Detections, t: float, frame_index: int = -1) -> TrackedBasket:
        self.state = observe(self.state, dets, t, frame_index, self.config)
        return tracked(self.state)


def config_from_settings(settings: object) -> TrackerConfig:
    """Tracker thresholds from ``settings.detector`` and ``settings.checkout``."""
    detector = settings.detector  # type: ignore[attr-defined]
    checkout = settings.checkout  # type: ignore[attr-defined]
    accept, doubt = float(detector.accept_conf), float(detector.doubt_conf)
    return TrackerConfig(
        accept_conf=accept,
        doubt_conf=doubt,
        hold_conf=max(doubt, accept - HOLD_MARGIN),
        settle_seconds=float(checkout.settle_seconds),
    )
