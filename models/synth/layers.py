"""Stack cut-outs onto a counter and keep track of which layer owns each pixel.

The owner map is what makes labels honest: an item's box is the bounding box of the pixels it
still owns after everything above it was drawn, and its visible share is owned pixels over its
full (unclipped, unoccluded) area. Shared by the scene composer and the demo video.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

OWNER_NONE = -1


@dataclass(frozen=True)
class Layer:
    """A placed cut-out: float BGR + alpha, top-left corner in frame pixels, label or None."""

    color: np.ndarray
    alpha: np.ndarray
    x: int
    y: int
    label: str | None
    class_id: int = -1

    @property
    def area(self) -> int:
        return int(np.count_nonzero(self.alpha > 0.5))


def transform(
    color: np.ndarray, alpha: np.ndarray, scale: float, angle: float
) -> tuple[np.ndarray, np.ndarray]:
    """Scale and rotate a cut-out about its centre, trimmed tight to its alpha."""
    col, a, _ = transform_with_centre(color, alpha, scale, angle)
    return col, a


def transform_with_centre(
    color: np.ndarray, alpha: np.ndarray, scale: float, angle: float
) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """Like :func:`transform`, also returning where the input's centre lands (x, y)."""
    h, w = alpha.shape
    side = int(np.ceil(np.hypot(w * scale, h * scale))) + 4
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    m[:, 2] += (side / 2 - w / 2, side / 2 - h / 2)
    interp = cv2.INTER_AREA if scale < 0.7 else cv2.INTER_LINEAR
    col = cv2.warpAffine(color, m, (side, side), flags=interp, borderMode=cv2.BORDER_REPLICATE)
    a = cv2.warpAffine(alpha, m, (side, side), flags=interp, borderValue=0)
    ys, xs = np.nonzero(a > 0.02)
    if len(xs) == 0:
        return col[:1, :1], a[:1, :1], (0.0, 0.0)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    return col[y0:y1, x0:x1], a[y0:y1, x0:x1], (side / 2 - x0, side / 2 - y0)


def cutout_floats(bgra: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """uint8 BGRA -> float BGR, float alpha."""
    return bgra[..., :3].astype(np.float32) / 255.0, bgra[..., 3].astype(np.float32) / 255.0


def _clip(layer: Layer, h: int, w: int) -> tuple[slice, slice, slice, slice] | None:
    lh, lw = layer.alpha.shape
    xa, ya = max(0, layer.x), max(0, layer.y)
    xb, yb = min(w, layer.x + lw), min(h, layer.y + lh)
    if xa >= xb or ya >= yb:
        return None
    return (
        slice(ya, yb),
        slice(xa, xb),
        slice(ya - layer.y, yb - layer.y),
        slice(xa - layer.x, xb - layer.x),
    )


def owned_by(owner: np.ndarray, layer: Layer, index: int) -> float:
    """Share of ``layer``'s own pixels that currently show it (0..1)."""
    return float(np.count_nonzero(owner == index)) / max(layer.area, 1)


def coverage(owner: np.ndarray, layer: Layer, index: int, candidate: Layer) -> float:
    """Share of ``layer``'s area that ``candidate`` would cover if drawn on top."""
    h, w = owner.shape
    cut = _clip(candidate, h, w)
    if cut is None:
        return 0.0
    fy, fx, ly, lx = cut
    hit = (owner[fy, fx] == index) & (candidate.alpha[ly, lx] > 0.5)
    return float(np.count_nonzero(hit)) / max(layer.area, 1)


def stamp_owner(owner: np.ndarray, layer: Layer, index: int) -> None:
    cut = _clip(layer, *owner.shape)
    if cut is not None:
        fy, fx, ly, lx = cut
        owner[fy, fx][layer.alpha[ly, lx] > 0.5] = index


def composite(
    canvas: np.ndarray, layers: list[Layer], shadow: tuple[float, float, float, float]
) -> np.ndarray:
    """Draw ``layers`` in order with drop shadows; returns the owner map (layer index or -1).

    ``shadow`` is (dx, dy, blur px, darkness 0..1) shared by all layers (one light source).
    """
    h, w = canvas.shape[:2]
    owner = np.full((h, w), OWNER_NONE, np.int16)
    dx, dy, blur, dark = shadow
    k = max(1, int(blur)) | 1
    for i, layer in enumerate(layers):
        if dark > 0:
            sh = Layer(layer.color, layer.alpha, layer.x + int(dx), layer.y + int(dy), None)
            cut = _clip(sh, h, w)
            if cut is not None:
                fy, fx, ly, lx = cut
                soft = cv2.GaussianBlur(sh.alpha, (k, k), 0)[ly, lx]
                canvas[fy, fx] *= (1.0 - dark * soft)[..., None]
        cut = _clip(layer, h, w)
        if cut is None:
            continue
        fy, fx, ly, lx = cut
        a = layer.alpha[ly, lx][..., None]
        canvas[fy, fx] = canvas[fy, fx] * (1 - a) + layer.color[ly, lx] * a
        owner[fy, fx][layer.alpha[ly, lx] > 0.5] = i
    return owner


def visible_box(owner: np.ndarray, index: int) -> tuple[int, int, int, int] | None:
    """Tight box (x1, y1, x2, y2 exclusive) around the pixels ``index`` owns, or None."""
    ys, xs = np.nonzero(owner == index)
    if len(xs) == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1
