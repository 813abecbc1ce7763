"""Small numpy + cv2 drawing helpers shared by the product, counter and distractor painters.

Everything takes an explicit ``numpy.random.Generator`` so that a seed reproduces every pixel.
Colours are BGR tuples (OpenCV order); images are float32 in 0..1 unless said otherwise.
"""

from __future__ import annotations

import cv2
import numpy as np

FONTS = (cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_TRIPLEX)


def value_noise(
    rng: np.random.Generator, h: int, w: int, cells: int, octaves: int = 3
) -> np.ndarray:
    """Smooth fractal noise in 0..1 (cheap Perlin stand-in: upscaled random grids)."""
    out = np.zeros((h, w), np.float32)
    amp, total = 1.0, 0.0
    for o in range(octaves):
        n = max(2, cells * (2**o))
        grid = rng.random((n, max(2, int(n * w / max(h, 1)))), dtype=np.float32)
        out += amp * cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC)
        total += amp
        amp *= 0.5
    out /= total
    lo, hi = float(out.min()), float(out.max())
    return (out - lo) / max(hi - lo, 1e-6)


def put_text_centered(
    img: np.ndarray,
    text: str,
    center: tuple[float, float],
    width: float,
    color: tuple[float, ...],
    font: int = cv2.FONT_HERSHEY_DUPLEX,
    thickness_ratio: float = 0.12,
    angle: float = 0.0,
) -> None:
    """Draw ``text`` fitted to ``width`` pixels, centred, optionally rotated (in place)."""
    (tw, th), base = cv2.getTextSize(text, font, 1.0, 2)
    scale = width / max(tw, 1)
    thick = max(1, round(th * scale * thickness_ratio))
    (tw, th), base = cv2.getTextSize(text, font, scale, thick)
    pad = thick + 2
    patch = np.zeros((th + base + 2 * pad, tw + 2 * pad), np.uint8)
    cv2.putText(patch, text, (pad, th + pad), font, scale, 255, thick, cv2.LINE_AA)
    if angle:
        ph, pw = patch.shape
        diag = int(np.hypot(ph, pw)) + 2
        big = np.zeros((diag, diag), np.uint8)
        y0, x0 = (diag - ph) // 2, (diag - pw) // 2
        big[y0 : y0 + ph, x0 : x0 + pw] = patch
        m = cv2.getRotationMatrix2D((diag / 2, diag / 2), angle, 1.0)
        patch = cv2.warpAffine(big, m, (diag, diag), flags=cv2.INTER_LINEAR)
    paste_mask_color(img, patch, center, color)


def paste_mask_color(
    img: np.ndarray, mask: np.ndarray, center: tuple[float, float], color: tuple[float, ...]
) -> None:
    """Blend a solid colour into ``img`` through a uint8 ``mask`` centred at ``center``."""
    ph, pw = mask.shape
    x0 = round(center[0] - pw / 2)
    y0 = round(center[1] - ph / 2)
    h, w = img.shape[:2]
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(w, x0 + pw), min(h, y0 + ph)
    if xa >= xb or ya >= yb:
        return
    a = mask[ya - y0 : yb - y0, xa - x0 : xb - x0].astype(np.float32)[..., None] / 255.0
    region = img[ya:yb, xa:xb, :3]
    col = np.array(color[:3], np.float32).reshape(1, 1, 3)
    img[ya:yb, xa:xb, :3] = region * (1 - a) + col * a


def cylinder_shade(h: int, w: int, axis: int, strength: float, shift: float = 0.0) -> np.ndarray:
    """Brightness across a cylinder lying along ``axis`` (1 = x): bright ridge, dark sides."""
    n = h if axis == 1 else w
    t = np.linspace(-1.0, 1.0, n, dtype=np.float32) - shift
    prof = 1.0 - strength * np.clip(np.abs(t), 0, 1) ** 2
    prof += 0.35 * strength * np.exp(-((t + 0.35) ** 2) / 0.02)
    if axis == 1:
        return np.repeat(prof[:, None], w, axis=1)
    return np.repeat(prof[None, :], h, axis=0)


def radial_shade(h: int, w: int, strength: float, cx: float = 0.4, cy: float = 0.4) -> np.ndarray:
    """Dome lighting for round things lit from the upper left."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.hypot((xx / max(w - 1, 1)) - cx, (yy / max(h - 1, 1)) - cy)
    return (1.0 + 0.25 * strength - strength * d**1.5).astype(np.float32)


def jitter_color(rng: np.random.Generator, color: tuple[float, ...], amount: float) -> np.ndarray:
    """Colour with a little random variation (0..1 BGR)."""
    c = np.array(color, np.float32) + rng.normal(0, amount, 3).astype(np.float32)
    return np.clip(c, 0, 1)


def rgba_from(color_img: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Pack float BGR (0..1) and float alpha (0..1) into a uint8 BGRA cut-out."""
    bgr = np.clip(color_img * 255 + 0.5, 0, 255).astype(np.uint8)
    a = np.clip(alpha * 255 + 0.5, 0, 255).astype(np.uint8)
    return np.dstack([bgr, a])
