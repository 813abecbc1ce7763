"""The counter's part of the picture: items whose centre lies outside it are not on sale.

A camera over a counter usually sees more than the counter: the floor, the bagging shelf, the
next till. ``camera.region`` says where the counter is, as fractions of the picture
("left,top,right,bottom", e.g. ``"0.05,0,0.95,1"``), so that a bag of crisps on the bagging
shelf beside it is neither charged nor left blocking the sale. Empty: the whole picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kiosk.detections import Detections


@dataclass(frozen=True)
class CounterRegion:
    """A rectangle in fractions of the picture's width and height (0..1)."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def parse(cls, text: str) -> CounterRegion | None:
        """``"0.05,0,0.95,1"`` -> a region; ``""`` -> None (the whole picture).

        Raises ValueError with a message fit for the settings report.
        """
        if not text.strip():
            return None
        parts = [p.strip() for p in text.split(",")]
        try:
            values = [float(p) for p in parts]
        except ValueError:
            values = []
        if len(values) != 4:
            raise ValueError('write it as four fractions "left,top,right,bottom", e.g. "0,0,1,1"')
        left, top, right, bottom = values
        if not (0 <= left < right <= 1 and 0 <= top < bottom <= 1):
            raise ValueError("needs 0 <= left < right <= 1 and 0 <= top < bottom <= 1")
        return cls(left, top, right, bottom)

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The region in a ``width`` x ``height`` picture, as x1, y1, x2, y2 pixels."""
        return (round(self.left * width), round(self.top * height),
                round(self.right * width), round(self.bottom * height))  # fmt: skip

    def inside(self, detections: Detections, width: int, height: int) -> np.ndarray:
        """Which detections have their centre in the region (a boolean mask)."""
        x1, y1, x2, y2 = self.pixels(width, height)
        cx = (detections.xyxy[:, 0] + detections.xyxy[:, 2]) / 2
        cy = (detections.xyxy[:, 1] + detections.xyxy[:, 3]) / 2
        return (cx >= x1) & (cx <= x2) & (cy >= y1) & (cy <= y2)

    def keep(self, detections: Detections, width: int, height: int) -> Detections:
        """Only the detections on the counter."""
        if len(detections) == 0:
            return detections
        return detections.filter(self.inside(detections, width, height))


def region_problem(text: str) -> str | None:
    """Why ``camera.region`` cannot be read, or None (settings validation)."""
    try:
        CounterRegion.parse(text)
    except ValueError as exc:
        return str(exc)
    return None
