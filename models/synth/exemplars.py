"""Load enrolled products: one folder per product label holding views of it.

A view is either a cut-out with an alpha channel (PNG/WebP; its alpha is trusted as it is, so a
box photographed edge to edge and saved opaque stays whole) or a photo without alpha on a plain
background, which is cut out automatically (the background colour is estimated from the image
border; a photo whose border is not plain is taken to be cropped to the product). An optional
``product.json`` gives the physical scale: ``px_per_mm`` of the views, or ``length_mm`` (the
longest side); without it the longest side is taken as 150 mm.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp"}
DEFAULT_LENGTH_MM = 150.0
PLAIN_BORDER_SHARE = 0.9


class ProductFolderError(ValueError):
    """A product folder is missing, empty or holds an unreadable image."""


@dataclass(frozen=True)
class Exemplar:
    """One view of a product as a tight BGRA cut-out and its scale in pixels per millimetre."""

    label: str
    image: np.ndarray
    px_per_mm: float


@dataclass(frozen=True)
class ProductSet:
    """All enrolled products; ``labels`` fixes the class ids (index = id)."""

    labels: tuple[str, ...]
    views: dict[str, tuple[Exemplar, ...]]


def auto_cut(photo_bgr: np.ndarray, tolerance: float = 30.0) -> np.ndarray:
    """Cut the product out of a photo on a plain background; returns a tight BGRA image.

    When under ``PLAIN_BORDER_SHARE`` of the border is near its median colour, the border is
    product, not background (a photo cropped to the product), and the whole photo is kept.
    """
    border = np.concatenate(
        [photo_bgr[0], photo_bgr[-1], photo_bgr[:, 0], photo_bgr[:, -1]]
    ).astype(np.float32)
    bg = np.median(border, axis=0)
    if np.mean(np.linalg.norm(border - bg, axis=1) <= tolerance) < PLAIN_BORDER_SHARE:
        return np.dstack([photo_bgr, np.full(photo_bgr.shape[:2], 255, np.uint8)])
    dist = np.linalg.norm(photo_bgr.astype(np.float32) - bg, axis=2)
    mask = (dist > tolerance).astype(np.uint8)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, k, iterations=2)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, k)
    n, comp, stats, _ = cv2.connectedComponentsWithStats(mask)
    if n < 2:
        raise ProductFolderError("no product found: the photo looks like plain background")
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    filled = (comp == biggest).astype(np.uint8) * 255
    contours, _ = cv2.findContours(filled, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    cv2.drawContours(filled, contours, -1, 255, -1)
    return crop_to_alpha(np.dstack([photo_bgr, cv2.GaussianBlur(filled, (3, 3), 0)]))


def crop_to_alpha(bgra: np.ndarray) -> np.ndarray:
    """Trim fully transparent margins."""
    ys, xs = np.nonzero(bgra[..., 3] > 8)
    if len(xs) == 0:
        raise ProductFolderError("the cut-out is fully transparent")
    return bgra[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1].copy()


def load_view(path: Path) -> np.ndarray:
    """Read one view as a tight BGRA cut-out (auto-cut when it has no alpha channel)."""
    img = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if img is None:
        raise ProductFolderError(f"{path}: not a readable image; remove or re-save it")
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    if img.shape[2] == 4:
        return crop_to_alpha(img)
    try:
        return auto_cut(img[..., :3])
    except ProductFolderError as exc:
        raise ProductFolderError(f"{path}: {exc}; photograph it on a plain background") from exc


def _scale(folder: Path, image: np.ndarray) -> float:
    meta_file = folder / "product.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    if "px_per_mm" in meta:
        return float(meta["px_per_mm"])
    return max(image.shape[:2]) / float(meta.get("length_mm", DEFAULT_LENGTH_MM))


def load_products(
    root: Path | Sequence[Path], labels: list[str] | tuple[str, ...] | None = None
) -> ProductSet:
    """Load ``root/<label>/*`` views; ``labels`` (e.g. from the catalog) fixes class order.

    ``root`` may be several folders (the rendered demo products and the views taken at the
    counter, say): a label's views are those of every folder that has it, each scaled by its
    own folder's ``product.json``.
    """
    roots = [Path(root)] if isinstance(root, str | Path) else [Path(r) for r in root]
    for folder in roots:
        if not folder.is_dir():
            raise ProductFolderError(f"{folder}: products folder not found")
    if labels is None:
        labels = sorted({p.name for r in roots for p in r.iterdir() if p.is_dir()})
    views: dict[str, tuple[Exemplar, ...]] = {}
    for label in labels:
        found: list[Exemplar] = []
        for folder in (r / label for r in roots):
            files = sorted(p for p in folder.glob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
            found += [Exemplar(label, c, _scale(folder, c)) for c in map(load_view, files)]
        if not found:
            where = " or ".join(str(r / label) for r in roots)
            raise ProductFolderError(f"{where}: no images for product {label!r}; add views")
        views[label] = tuple(found)
    if not views:
        names = ", ".join(map(str, roots))
        raise ProductFolderError(f"{names}: no product folders; make one folder per product")
    return ProductSet(tuple(labels), views)
