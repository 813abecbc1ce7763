"""Per-frame detections as numpy columns: the one result type every stage shares."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Detections:
    """Boxes found in one frame, in source-image pixels.

    ``xyxy`` is ``(n, 4)`` float32, ``score`` ``(n,)`` float32, ``class_id`` ``(n,)`` int32.
    ``names`` maps class ids to detector labels (shared, never copied per frame).
    """

    xyxy: np.ndarray
    score: np.ndarray
    class_id: np.ndarray
    names: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.score)
        if self.xyxy.shape != (n, 4):
            raise ValueError(f"xyxy must have shape ({n}, 4), got {self.xyxy.shape}")
        if self.class_id.shape != (n,):
            raise ValueError(f"class_id must have shape ({n},), got {self.class_id.shape}")
        for column in (self.xyxy, self.score, self.class_id):
            column.setflags(write=False)

    @classmethod
    def empty(cls, names: dict[int, str] | None = None) -> Detections:
        return cls(
            xyxy=np.zeros((0, 4), np.float32),
            score=np.zeros((0,), np.float32),
            class_id=np.zeros((0,), np.int32),
            names=names or {},
        )

    def __len__(self) -> int:
        return len(self.score)

    @property
    def labels(self) -> list[str]:
        return [self.names.get(int(c), str(int(c))) for c in self.class_id]

    def filter(self, mask: np.ndarray) -> Detections:
        return Detections(
            xyxy=self.xyxy[mask],
            score=self.score[mask],
            class_id=self.class_id[mask],
            names=self.names,
        )

    def to_json(self) -> list[dict[str, object]]:
        """Rows in the ``kiosk detect`` JSON-lines format."""
        return [
            {
                "label": label,
                "class_id": int(c),
                "score": round(float(s), 4),
                "box": [round(float(v), 1) for v in box],
            }
            for label, c, s, box in zip(
                self.labels, self.class_id, self.score, self.xyxy, strict=True
            )
        ]

    @classmethod
    def from_json(cls, rows: list[dict[str, object]]) -> Detections:
        """Inverse of :meth:`to_json`; label names come from the rows themselves."""
        names: dict[int, str] = {}
        for row in rows:
            names[int(row["class_id"])] = str(row["label"])  # type: ignore[call-overload]
        if not rows:
            return cls.empty()
        return cls(
            xyxy=np.array([row["box"] for row in rows], np.float32).reshape(-1, 4),
            score=np.array([row["score"] for row in rows], np.float32),
            class_id=np.array([row["class_id"] for row in rows], np.int32),
            names=names,
        )


def iou_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Intersection over union of every box in ``a`` (n,4) with every box in ``b`` (m,4)."""
    tl = np.maximum(a[:, None, :2], b[None, :, :2])
    br = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(br - tl, 0, None).prod(axis=2)
    area_a = np.clip(a[:, 2:] - a[:, :2], 0, None).prod(axis=1)
    area_b = np.clip(b[:, 2:] - b[:, :2], 0, None).prod(axis=1)
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)
