"""Things on the counter the camera cannot name: a product the model does not know, keys.

The detector finds only what it was trained on; anything else on the counter is invisible to
it, and a product it does not know would leave the shop unpaid. The watch keeps a picture of
the empty counter and reports the places that differ from it, lie still, and no detection
covers. Hands never lie still for long, so a hand bringing an item is not reported; the
shade that things cast (darker by the same factor in every colour) is not a thing.

The empty counter is learnt when nothing is on it: no detection, nothing in the basket and a
still picture for ``learn_seconds``. While the counter is idle the picture follows slow
changes of the light; a camera whose exposure jumps is followed by a gain per colour taken
from the counter around the things. Something that lies alone on an idle counter for
``absorb_seconds`` (a mat, a sticker, a stain) becomes part of the counter. When most of the
counter that no detection covers shows something else and lies still (the camera was
moved, the lights switched) the watch forgets the counter and learns it again once the
counter is idle.

Qt-free and cheap: it works on a 160-pixel-wide copy of the frame (about a millisecond on
a 2-core PC), on the inference thread, after the detector.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np

from kiosk.checkout_values import Box
from kiosk.counter_change import changed as changed_pixels
from kiosk.counter_change import largest

if TYPE_CHECKING:
    from kiosk.config_schema import Settings

log = logging.getLogger(__name__)

WORK_WIDTH = 160  # pixels, at least: a 640-wide frame is looked at in blocks of 4 x 4
MOTION_SHARE = 0.002  # of the picture moving: the counter is not still
MOVED_SHARE = 0.6  # of the picture changed at once: the camera moved or the light changed
# Of a thing lying inside a recognised item's box: a piece of that item (a bottle's neck the
# counter's colour cut off from its label). On 1,000 generated scenes: baskets held up for
# nothing 4.4 -> 1.2 % (independent set 4.0 -> 1.8 %), things marked 74.6 -> 73.9 %.
INSIDE_SHARE = 0.7


@dataclass(frozen=True)
class WatchRules:
    """How the watch tells a thing from noise. Defaults suit a 640 x 480 top-down camera.

    ``min_share``: the smallest thing reported, as a share of the picture (0.3 %: a key
    fob from 60 cm). ``still_seconds``: how long a thing lies unmoved before it is reported.
    ``tolerance``: grey levels of change that make a pixel differ from the empty counter;
    ``motion_tolerance``: between two frames, that make it move. ``margin``: share of a
    detection's width and height added around it (its shadow, a loose box).
    """

    min_share: float = 0.003
    still_seconds: float = 1.0
    learn_seconds: float = 1.5
    absorb_seconds: float = 60.0
    tolerance: float = 30.0
    motion_tolerance: float = 12.0
    margin: float = 0.03
    drift: float = 0.05

    def __post_init__(self) -> None:
        if not 0.0 < self.min_share < MOVED_SHARE:
            raise ValueError(f"min_share must lie between 0 and {MOVED_SHARE}")
        if min(self.still_seconds, self.learn_seconds, self.absorb_seconds) <= 0.0:
            raise ValueError("the watch's times must be positive")


class CounterWatch:
    """Feed it every inferred frame; it answers where unnamed things lie (source pixels)."""

    def __init__(self, rules: WatchRules | None = None) -> None:
        self.rules = rules or WatchRules()
        self._start(None)

    def _start(self, source_hw: tuple[int, int] | None) -> None:
        """Know nothing yet of a picture of ``source_hw`` (a new camera size starts over)."""
        self.empty: np.ndarray | None = None  # the empty counter, small, float32 BGR
        self._source_hw = source_hw
        self._previous: np.ndarray | None = None
        self._still_since = np.zeros(0)  # per small pixel: when it last moved
        self._changed_since = np.zeros(0)  # per small pixel: since when it differs (inf: not)
        self._counter = np.zeros(0, bool)  # pixels that showed the counter in the last frame
        self._quiet_since: float | None = None  # still, idle and empty since
        self._idle_since: float | None = None

    @property
    def learnt(self) -> bool:
        return self.empty is not None

    def forget(self) -> None:
        """Learn the empty counter again at the next quiet moment."""
        self.empty = None
        self._quiet_since = None

    def learn(self, image: np.ndarray) -> None:
        """``image`` is the empty counter: staff cleared it and said so."""
        self.empty = self._small(image).copy()
        log.info("learnt the empty counter from staff")

    def look(
        self,
        image: np.ndarray,
        t: float,
        covered: np.ndarray,
        idle: bool,
        region: tuple[int, int, int, int] | None = None,
    ) -> tuple[Box, ...]:
        """Boxes of the things lying still on the counter that nothing in ``covered`` (n x 4
        detection boxes, source pixels) explains. ``idle``: nothing is being bought (the
        basket holds no line); only then is the empty counter learnt or changed. ``region``:
        the counter's part of the picture (x1, y1, x2, y2), None for all of it."""
        small = self._small(image)
        still = self._follow_motion(small, t)
        idle = idle and len(covered) == 0
        if not idle:
            self._idle_since = None
        elif self._idle_since is None:
            self._idle_since = t
        if self.empty is None:
            self._learn(small, t, still, idle)
            return ()
        gain = self._gain(small)
        reference = self.empty * gain
        differs = changed_pixels(small, reference, self.rules.tolerance)
        self._changed_since = np.where(differs, np.minimum(self._changed_since, t), np.inf)
        self._counter = ~differs
        lying = differs & (t - self._still_since >= self.rules.still_seconds)
        # The bagging shelf beside the counter is not watched.
        watched = (
            np.ones(lying.shape, bool) if region is None else self._inside(region, image.shape[:2])
        )
        lying &= watched
        boxes = self._small_boxes(covered, image.shape[:2])
        bare = watched.copy()
        for top, bottom, left, right in boxes:
            bare[top:bottom, left:right] = False
        if _moved(lying, bare):
            log.warning("most of the counter's picture changed: learning the empty counter again")
            self.forget()
            return ()
        if idle:
            self._keep_up(small / gain, differs, still, t)
        return self._unexplained(lying, boxes, ~bare, image.shape[:2])

    def _small(self, image: np.ndarray) -> np.ndarray:
        height, width = image.shape[:2]
        if self._source_hw != (height, width):
            self._start((height, width))
        small = image
        while small.shape[1] >= 2 * WORK_WIDTH:  # halving by 2 x 2 means: INTER_AREA, 8 x faster
            half = (small.shape[1] // 2, max(1, small.shape[0] // 2))
            small = cv2.resize(small, half, interpolation=cv2.INTER_LINEAR)
        return cv2.GaussianBlur(small, (3, 3), 0).astype(np.float32)

    def _follow_motion(self, small: np.ndarray, t: float) -> bool:
        """Update when each pixel last moved; True when the whole picture is still."""
        if self._previous is None:
            self._still_since = np.full(small.shape[:2], t)
            self._changed_since = np.full(small.shape[:2], np.inf)
            self._counter = np.ones(small.shape[:2], bool)
            self._previous = small
            return False
        moving = largest(np.abs(small - self._previous)) > self.rules.motion_tolerance
        self._still_since[moving] = t
        self._previous = small
        return bool(moving.mean() < MOTION_SHARE)

    def _learn(self, small: np.ndarray, t: float, still: bool, idle: bool) -> None:
        if not (still and idle):
            self._quiet_since = None
            return
        if self._quiet_since is None:
            self._quiet_since = t
        elif t - self._quiet_since >= self.rules.learn_seconds:
            self.empty = small.copy()
            log.info("learnt the empty counter")

    def _gain(self, small: np.ndarray) -> np.ndarray:
        """Per colour, how much brighter the counter shows than when it was learnt (an
        exposure that follows what lies on it); 1 where too little counter shows."""
        assert self.empty is not None
        counter = self._counter if self._counter.mean() > 0.2 else np.ones_like(self._counter)
        mask = counter.astype(np.uint8)
        now, before = cv2.mean(small, mask)[:3], cv2.mean(self.empty, mask)[:3]
        return np.asarray(
            [(a + 1.0) / (b + 1.0) for a, b in zip(now, before, strict=True)], np.float32
        )

    def _keep_up(self, seen: np.ndarray, differs: np.ndarray, still: bool, t: float) -> None:
        """While idle: the counter follows the light; a thing lying alone long enough joins it."""
        assert self.empty is not None and self._idle_since is not None
        if still:
            calm = (~differs).astype(np.uint8)
            cv2.accumulateWeighted(seen, self.empty, self.rules.drift, mask=calm)
        since = np.maximum(self._changed_since, self._idle_since)
        settled = differs & (t - since >= self.rules.absorb_seconds)
        if settled.any():
            self.empty[settled] = seen[settled]
            log.info(
                "something lay alone on the counter for %.0f s: taken as part of it",
                self.rules.absorb_seconds,
            )

    def _scale(self, source_hw: tuple[int, int]) -> tuple[float, float]:
        small_h, small_w = self._still_since.shape
        return small_w / source_hw[1], small_h / source_hw[0]

    def _inside(self, region: Sequence[int], source_hw: tuple[int, int]) -> np.ndarray:
        mask = np.zeros(self._still_since.shape, bool)
        sx, sy = self._scale(source_hw)
        x1, y1, x2, y2 = region
        mask[int(y1 * sy) : int(np.ceil(y2 * sy)), int(x1 * sx) : int(np.ceil(x2 * sx))] = True
        return mask

    def _unexplained(
        self,
        lying: np.ndarray,
        boxes: list[tuple[int, int, int, int]],
        not_bare: np.ndarray,
        source_hw: tuple[int, int],
    ) -> tuple[Box, ...]:
        """Boxes (source pixels) of the things lying still that no detection explains.

        Each detection explains the one thing its box holds most of, and any other that lies
        mostly (:data:`INSIDE_SHARE`) inside its box: a bottle whose dark shoulder matches the
        counter shows as its label and, apart, its neck, both the bottle's. Keys beside a bag
        with most of them outside the bag's box are not explained by it. Of a thing a
        detection explains, a part outside every detection's box that is large enough on its
        own (a card leaning on a can) is reported.
        """
        mask = cv2.morphologyEx(lying.astype(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
        count, parts, stats, _ = cv2.connectedComponentsWithStats(mask)
        smallest = self.rules.min_share * mask.size
        explained = np.zeros(count, bool)
        areas = np.maximum(stats[:, cv2.CC_STAT_AREA], 1)
        for top, bottom, left, right in boxes:
            held = np.bincount(parts[top:bottom, left:right].ravel(), minlength=count)
            held[0] = 0
            if held.max() > 0:
                explained[int(held.argmax())] = True
            explained |= held >= INSIDE_SHARE * areas
        things: list[Box] = []
        for n in range(1, count):
            if stats[n, cv2.CC_STAT_AREA] < smallest:
                continue
            if not explained[n]:
                things.append(self._source_box(stats[n], source_hw))
                continue
            outside = (parts == n) & ~not_bare
            if outside.sum() >= smallest:
                things += self._things(outside, source_hw)
        return tuple(sorted(things))

    def _small_boxes(
        self, covered: np.ndarray, source_hw: tuple[int, int]
    ) -> list[tuple[int, int, int, int]]:
        """Detections' boxes in small pixels (top, bottom, left, right), grown by the margin."""
        sx, sy = self._scale(source_hw)
        small_h, small_w = self._still_since.shape
        boxes = []
        for x1, y1, x2, y2 in np.asarray(covered, np.float32).reshape(-1, 4):
            grow_x = (x2 - x1) * self.rules.margin + 1.0 / sx
            grow_y = (y2 - y1) * self.rules.margin + 1.0 / sy
            top, bottom = int((y1 - grow_y) * sy), int(np.ceil((y2 + grow_y) * sy))
            left, right = int((x1 - grow_x) * sx), int(np.ceil((x2 + grow_x) * sx))
            boxes.append((max(top, 0), min(bottom, small_h), max(left, 0), min(right, small_w)))
        return boxes

    def _source_box(self, stat: np.ndarray, source_hw: tuple[int, int]) -> Box:
        sx, sy = self._scale(source_hw)
        left, top, width, height = (int(v) for v in stat[:4])
        box = (left / sx, top / sy, (left + width) / sx, (top + height) / sy)
        return tuple(round(float(v), 1) for v in box)  # type: ignore[return-value]

    def _things(self, lying: np.ndarray, source_hw: tuple[int, int]) -> list[Box]:
        """Connected places big enough to be a thing, as boxes in source pixels."""
        count, _, stats, _ = cv2.connectedComponentsWithStats(lying.astype(np.uint8))
        smallest = self.rules.min_share * lying.size
        return [
            self._source_box(stats[n], source_hw)
            for n in range(1, count)
            if stats[n, cv2.CC_STAT_AREA] >= smallest
        ]


def _moved(lying: np.ndarray, bare: np.ndarray) -> bool:
    """Most of the counter that no detection covers (``bare``) shows something else, and
    lies still: the camera was knocked or the light changed. A full basket covers the
    counter with recognised items, and a shopper leaning over it moves: neither is that."""
    return bare.mean() > 0.2 and (lying & bare).sum() > MOVED_SHARE * bare.sum()


def store_watch(settings: Settings) -> CounterWatch:
    """A watch with the store's settings (``checkout.unrecognised_min_share``)."""
    return CounterWatch(WatchRules(min_share=settings.checkout.unrecognised_min_share))
