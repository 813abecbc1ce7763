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

from kiosk.basket_reading import (
    DOUBT_MESSAGES,
    DOUBT_PREFIX,
    HOLD_MARGIN,
    FrameReading,
    TrackerConfig,
    iou_matrix,
    read_frame,
)
from kiosk.checkout_values import Box, Doubt, DoubtKind
from kiosk.detections import Detections

__all__ = [
    "DOUBT_MESSAGES",
    "BasketTracker",
    "FrameReading",
    "TrackedBasket",
    "TrackerConfig",
    "TrackerState",
    "advance",
    "config_from_settings",
    "iou_matrix",
    "observe",
    "read_frame",
    "tracked",
]


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
    state: TrackerState,
    dets: Detections,
    t: float,
    frame_index: int,
    cfg: TrackerConfig,
    unrecognised: tuple[Box, ...] = (),
) -> TrackerState:
    """Read one frame (knowing the previous one) and add it: the tracker's one step."""
    previous = state.history[-1].items if state.history else ()
    reading = read_frame(dets, t, frame_index, cfg, previous, unrecognised)
    return advance(state, reading, cfg)


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
        n = stable.get(DOUBT_PREFIX + kind.value, 0)
        doubts += list(last_doubts.get(kind.value, ()))[:n]
    newest = state.history[-1] if state.history else None
    return TrackedBasket(
        counts={k: v for k, v in stable.items() if not k.startswith(DOUBT_PREFIX)},
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
