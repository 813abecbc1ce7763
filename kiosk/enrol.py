"""Teach the camera a product at the counter: views of it, cut out, for the enrolment pipeline.

A store that adds a product the model has never seen takes its views where the model will
see it: on this counter, under this light, through this camera. Staff clear the counter and
say so (the *empty counter* picture), put the product down, and take a view; turn it over
or around, take another; eight or more views show every side that can face up.

A view is what differs from the empty counter: the largest region that changed, filled,
cut out with an alpha channel and cropped tight. That is the format ``models.synth`` reads
(``models/synth/exemplars.py``), so the folder goes straight into ``python -m models.build
--products``. Each product's views are ``ROOT/LABEL/NN.png`` with a ``product.json`` giving
the product's longest side in millimetres (the scale the scene generator draws it at).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.atomic_file import write_atomic
from kiosk.counter_change import TOLERANCE, largest, shade
from kiosk.errors import KioskError

MIN_SHARE = 0.002  # of the frame: a smaller change is noise, not a product
MAX_SHARE = 0.6  # of the frame: a larger one means the light or the camera moved
GOOD_VIEWS = 8  # fewer and the model sees too few of the product's sides and places
LIGHT_CHANGE = 15.0  # grey levels of change of the median pixel: the light, not a product


class EnrolError(KioskError):
    """A view could not be taken or stored; the message says what to do."""


@dataclass(frozen=True)
class View:
    """One stored view: its file, the product's label and how many views it has now."""

    path: Path
    label: str
    count: int
    cutout: np.ndarray  # BGRA, as stored


def label_for(name: str, labels: tuple[str, ...] = ()) -> str:
    """The label the views are filed under: the product's first label, else one made from
    its name in plain ASCII, as model labels are ("Café 500 g" -> "cafe-500-g")."""
    if labels:
        return labels[0]
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")
    return slug or "product"


def cut_out(frame: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """What ``frame`` shows that the ``empty`` counter did not, as a tight BGRA cut-out."""
    shape = product_mask(frame, empty)
    y, x = np.nonzero(shape)
    top, left, bottom, right = y.min(), x.min(), y.max() + 1, x.max() + 1
    alpha = cv2.GaussianBlur(shape.astype(np.uint8) * 255, (3, 3), 0)
    return np.dstack([frame, alpha])[top:bottom, left:right].copy()


def product_mask(frame: np.ndarray, empty: np.ndarray, *, shadows: bool = True) -> np.ndarray:
    """Where ``frame`` shows the product the ``empty`` counter did not have (bool, filled).

    The product's own shadow is left out (``shadows``): counter that became darker by
    about the same factor in every colour, as shade does, unlike a product's print.
    """
    if frame.shape != empty.shape:
        raise EnrolError(
            "the camera's picture size changed since the counter was empty: clear the counter "
            "and press Counter is empty again"
        )
    now = cv2.GaussianBlur(frame, (5, 5), 0).astype(np.float32)
    before = cv2.GaussianBlur(empty, (5, 5), 0).astype(np.float32)
    change = largest(np.abs(now - before))
    if np.median(change) > LIGHT_CHANGE:  # a product covers less than half of the counter
        raise EnrolError(
            "most of the counter looks different from when it was empty (the light changed, "
            "or the camera moved): take the product away and press Counter is empty again"
        )
    changed = change > TOLERANCE
    if shadows:
        changed &= ~shade(now, before)
    mask = changed.astype(np.uint8)
    round_5 = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, round_5)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, round_5, iterations=3)
    count, parts, stats, _ = cv2.connectedComponentsWithStats(mask)
    area = frame.shape[0] * frame.shape[1]
    if count < 2 or stats[1:, cv2.CC_STAT_AREA].max() < MIN_SHARE * area:
        raise EnrolError(
            "the counter looks as it did when it was empty: put the product down, in view of "
            "the camera"
        )
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    if stats[biggest, cv2.CC_STAT_AREA] > MAX_SHARE * area:
        raise EnrolError(
            "most of the counter looks different from when it was empty (the light changed, "
            "or the camera moved): take the product away and press Counter is empty again"
        )
    shape = (parts == biggest).astype(np.uint8) * 255
    outline, _ = cv2.findContours(shape, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    cv2.drawContours(shape, outline, -1, 255, -1)  # holes inside (a label like the counter)
    return shape > 0


class EnrolStore:
    """Views of products taken at the counter: ``root/LABEL/NN.png`` and ``product.json``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def folder(self, label: str) -> Path:
        if not label or Path(label).name != label or label in (".", ".."):
            raise EnrolError(f"{label!r} cannot name a folder of views")
        return self.root / label

    def labels(self) -> list[str]:
        """The labels that have views, in name order."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and self.views(p.name))

    def views(self, label: str) -> list[Path]:
        """The label's views, oldest first."""
        folder = self.folder(label)
        return sorted(folder.glob("[0-9][0-9]*.png")) if folder.is_dir() else []

    def add(self, label: str, cutout: np.ndarray, length_mm: float) -> View:
        """Store one view; the product's longest side (mm) is kept for its scale."""
        if not 5 <= length_mm <= 2000:
            raise EnrolError(f"a longest side of {length_mm:g} mm: measure the product (5-2000)")
        folder = self.folder(label)
        taken = self.views(label)
        number = int(taken[-1].stem) + 1 if taken else 0
        path = folder / f"{number:02d}.png"
        ok, encoded = cv2.imencode(".png", cutout)
        if not ok:
            raise EnrolError(f"the view of {label} could not be encoded")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, encoded.tobytes())
            meta = json.dumps({"label": label, "length_mm": round(float(length_mm), 1)}, indent=1)
            write_atomic(folder / "product.json", meta)
        except OSError as exc:
            raise EnrolError(f"cannot store the view in {folder}: {exc.strerror or exc}") from exc
        return View(path, label, len(taken) + 1, cutout)

    def thumbnails(self, label: str, side: int = 96) -> list[tuple[str, np.ndarray]]:
        """Each view's file name and a small copy of it (BGRA, at most ``side`` px)."""
        small = []
        for path in self.views(label):
            image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
            if image is None or image.ndim != 3 or image.shape[2] != 4:
                continue  # not a view this kiosk wrote; models.build will say so
            scale = min(1.0, side / max(image.shape[:2]))
            size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
            small.append((path.name, cv2.resize(image, size, interpolation=cv2.INTER_AREA)))
        return small

    def remove(self, label: str, name: str) -> None:
        """Remove one view (one with a hand in it, say); the others keep their names."""
        path = self.folder(label) / name
        if Path(name).name != name or path not in self.views(label):
            raise EnrolError(f"{label} has no view {name!r}")
        path.unlink()

    def length_mm(self, label: str) -> float | None:
        """The longest side recorded with the label's views, if any."""
        meta = self.folder(label) / "product.json"
        try:
            return float(json.loads(meta.read_text())["length_mm"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def forget(self, label: str) -> int:
        """Remove the label's views (to start over); how many were removed."""
        taken = self.views(label)
        for path in taken:
            path.unlink()
        (self.folder(label) / "product.json").unlink(missing_ok=True)
        return len(taken)
