"""Ultralytics-exact letterboxing into a preallocated input tensor, and its inverse for boxes.

Bit-for-bit the same geometry as ``ultralytics.data.augment.LetterBox(auto=False)`` and
``ultralytics.utils.ops.scale_boxes`` (8.4): ``r = min(H/h, W/w)``, each side resized to
``max(round(side * r), 1)`` with ``cv2.INTER_LINEAR``, padding ``round(d/2 -/+ 0.1)`` of value
114, RGB, ``/ 255`` (a true division, as torch does). Matching it exactly is what lets the
golden tests demand IoU >= 0.99 against Ultralytics' own predictions.

Speed: the padding is constant for a given frame size, so it is written into the tensor once;
per frame only the resized interior is converted, straight into the tensor (no canvas, no
per-frame allocation: splitting into fresh channel arrays took two thirds of the time).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

PAD_VALUE = 114


@dataclass(frozen=True)
class LetterboxGeometry:
    """Where a source frame of ``source_hw`` lands inside the model input."""

    source_hw: tuple[int, int]
    resized_hw: tuple[int, int]
    top: int
    left: int
    gain_x: float
    gain_y: float

    @classmethod
    def fit(cls, source_hw: tuple[int, int], input_hw: tuple[int, int]) -> LetterboxGeometry:
        (h, w), (in_h, in_w) = source_hw, input_hw
        r = min(in_h / h, in_w / w)
        new_w, new_h = max(round(w * r), 1), max(round(h * r), 1)
        top = round((in_h - new_h) / 2 - 0.1)
        left = round((in_w - new_w) / 2 - 0.1)
        return cls(source_hw, (new_h, new_w), top, left, new_w / w, new_h / h)

    def boxes_to_source(self, xyxy: np.ndarray) -> np.ndarray:
        """Undo the letterbox on float32 ``(n, 4)`` boxes in place, clipped to the frame."""
        xyxy[:, 0::2] -= self.left
        xyxy[:, 1::2] -= self.top
        xyxy[:, 0::2] /= self.gain_x
        xyxy[:, 1::2] /= self.gain_y
        h, w = self.source_hw
        np.clip(xyxy[:, 0::2], 0, w, out=xyxy[:, 0::2])
        np.clip(xyxy[:, 1::2], 0, h, out=xyxy[:, 1::2])
        return xyxy


class Letterbox:
    """Fills one reusable ``(1, 3, H, W)`` tensor from BGR uint8 frames."""

    def __init__(self, input_hw: tuple[int, int], dtype: np.dtype | type = np.float32) -> None:
        self.input_hw = input_hw
        self.dtype = np.dtype(dtype)
        self.tensor = np.empty((1, 3, *input_hw), self.dtype)
        self._geometry: LetterboxGeometry | None = None
        self._resized = np.empty((0, 0, 3), np.uint8)
        self._channels: list[np.ndarray] = []  # B, G, R of the resized frame, reused
        self._planes: list[np.ndarray] = []
        self._scale = self.dtype.type(255)

    def __call__(self, image_bgr: np.ndarray) -> LetterboxGeometry:
        """Letterbox a contiguous ``(h, w, 3)`` uint8 BGR frame into :attr:`tensor`."""
        geometry = self._prepare(image_bgr.shape[:2])
        new_h, new_w = geometry.resized_hw
        if image_bgr.shape[:2] == geometry.resized_hw:
            resized = image_bgr
        else:
            resized = cv2.resize(
                image_bgr, (new_w, new_h), dst=self._resized, interpolation=cv2.INTER_LINEAR
            )
        blue, green, red = cv2.split(resized, mv=self._channels)
        for channel, plane in zip((red, green, blue), self._planes, strict=True):
            np.divide(channel, self._scale, out=plane, dtype=self.dtype)
        return geometry

    def _prepare(self, source_hw: tuple[int, int]) -> LetterboxGeometry:
        """Recompute geometry and repaint the padding only when the frame size changes."""
        if self._geometry is not None and self._geometry.source_hw == source_hw:
            return self._geometry
        geometry = LetterboxGeometry.fit(source_hw, self.input_hw)
        new_h, new_w = geometry.resized_hw
        self.tensor[...] = np.divide(np.float32(PAD_VALUE), np.float32(255), dtype=np.float32)
        self._resized = np.empty((new_h, new_w, 3), np.uint8)
        self._channels = [np.empty((new_h, new_w), np.uint8) for _ in range(3)]
        rows = slice(geometry.top, geometry.top + new_h)
        cols = slice(geometry.left, geometry.left + new_w)
        self._planes = [self.tensor[0, c, rows, cols] for c in range(3)]
        self._geometry = geometry
        return geometry
