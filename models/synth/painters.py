"""Painters for each product kind: ``paint(spec, rng, view, px_per_mm) -> (bgr, alpha)``.

Float32 images in 0..1, long axis along x. Even views of cans show them standing (seen
from above), odd views lying; bottles always lie; lighting and small shape details vary per view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

from models.synth import draw

Paint = tuple[np.ndarray, np.ndarray]
SILVER = (0.78, 0.78, 0.76)


def _canvas(h: int, w: int, color: Any) -> Paint:
    img = np.empty((h, w, 3), np.float32)
    img[:] = np.asarray(color, np.float32)[:3]
    return img, np.zeros((h, w), np.float32)


def _disc(img: np.ndarray, c: tuple[int, int], r: float, color: Any) -> None:
    cv2.circle(img, c, max(1, int(r)), tuple(float(v) for v in color), -1, cv2.LINE_AA)


def _lying_cylinder(spec: Any, rng: np.random.Generator, s: float, ends: str) -> Paint:
    h, w = int(spec.width_mm * s), int(spec.length_mm * s)
    img, alpha = _canvas(h, w, draw.jitter_color(rng, spec.body, 0.02))
    alpha[:] = 1.0
    end = max(2, int(0.06 * w))
    if ends == "can":
        img[:, :end] = SILVER
        img[:, -end:] = SILVER
        band = (int(0.3 * w), int(0.72 * w))
        img[int(0.12 * h) : int(0.88 * h), band[0] : band[1]] *= 0.92
        draw.put_text_centered(img, spec.text, (w * 0.46, h * 0.42), 0.4 * w, spec.ink)
        draw.put_text_centered(img, spec.subtext, (w * 0.46, h * 0.72), 0.3 * w, spec.accent)
        cv2.circle(img, (int(0.8 * w), h // 2), int(0.16 * h), spec.accent, -1, cv2.LINE_AA)
    shade = draw.cylinder_shade(h, w, 1, 0.45 + 0.2 * rng.random(), 0.1 * rng.normal())
    return img * shade[..., None], alpha


def paint_can(spec: Any, rng: np.random.Generator, view: int, s: float) -> Paint:
    if view % 2:
        return _lying_cylinder(spec, rng, s, "can")
    d = int(spec.width_mm * s)
    img, alpha = _canvas(d, d, (0, 0, 0))
    c, r = (d // 2, d // 2), d / 2 - 1
    cv2.circle(alpha, c, int(r), 1.0, -1, cv2.LINE_AA)
    _disc(img, c, r, draw.jitter_color(rng, spec.body, 0.02))
    _disc(img, c, r * 0.86, SILVER)
    _disc(img, c, r * 0.78, (0.66, 0.66, 0.64))
    _disc(img, c, r * 0.72, (0.8, 0.8, 0.79))
    ang = rng.uniform(0, 360)
    draw.put_text_centered(img, spec.text, (d * 0.5, d * 0.36), 0.9 * r, spec.body, angle=0)
    draw.put_text_centered(img, spec.subtext, (d * 0.5, d * 0.7), 0.95 * r, spec.accent)
    t = (int(c[0] + 0.25 * r * np.cos(np.radians(ang))), int(c[1] + 0.1 * r))
    cv2.ellipse(img, t, (int(0.22 * r), int(0.12 * r)), ang, 0, 360, (0.6, 0.6, 0.6), -1)
    return img * draw.radial_shade(d, d, 0.4)[..., None], alpha


def _bottle_outline(spec: Any, h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    body_end = int(w * rng.uniform(0.6, 0.66))
    neck_w = h * (0.36 if spec.label != "orange-juice-bottle" else 0.5)
    neck_start = int(w * 0.8)
    top, bot = 1, h - 2
    pts = [
        (0, top),
        (body_end, top),
        (neck_start, int(h / 2 - neck_w / 2)),
        (w - 1, int(h / 2 - neck_w / 2)),
        (w - 1, int(h / 2 + neck_w / 2)),
        (neck_start, int(h / 2 + neck_w / 2)),
        (body_end, bot),
        (0, bot),
    ]
    alpha = np.zeros((h, w), np.float32)
    cv2.fillPoly(alpha, [np.array(pts, np.int32)], 1.0, cv2.LINE_AA)
    k = max(3, (h // 6) | 1)
    return cv2.GaussianBlur(alpha, (k, k), 0).clip(0, 1) ** 0.5


def paint_bottle(spec: Any, rng: np.random.Generator, view: int, s: float) -> Paint:
    h, w = int(spec.width_mm * s), int(spec.length_mm * s)
    img, _ = _canvas(h, w, draw.jitter_color(rng, spec.body, 0.02))
    alpha = _bottle_outline(spec, h, w, rng)
    cap = int(w * (0.9 if spec.label != "wine-bottle" else 0.8))
    img[:, cap:] = spec.accent
    lx0, lx1 = int(w * 0.14), int(w * 0.56)
    img[int(0.04 * h) : int(0.96 * h), lx0:lx1] = (
        (0.95, 0.95, 0.93)
        if spec.label in ("wine-bottle", "beer-bottle")
        else np.asarray(spec.body) * 0.85 + 0.15
    )
    cx, lw = (lx0 + lx1) / 2, lx1 - lx0
    draw.put_text_centered(img, spec.text, (cx, h * 0.4), 0.85 * lw, spec.ink)
    draw.put_text_centered(img, spec.subtext, (cx, h * 0.72), 0.5 * lw, spec.accent)
    shade = draw.cylinder_shade(h, w, 1, 0.5, 0.1 * rng.normal())
    if spec.label == "water-bottle":
        ridges = 1 + 0.08 * np.sin(np.linspace(0, 40 * np.pi, w, dtype=np.float32))
        shade = shade * ridges[None, :]
    return img * shade[..., None], alpha


def paint_box(spec: Any, rng: np.random.Generator, view: int, s: float) -> Paint:
    h, w = int(spec.width_mm * s), int(spec.length_mm * s)
    if spec.kind == "box" and spec.label == "cereal-box":
        h, w = w, h  # cereal box front is upright: taller than wide
    img, alpha = _canvas(h, w, draw.jitter_color(rng, spec.body, 0.02))
    alpha[:] = 1.0
    edge = max(2, int(0.04 * min(h, w)))
    img[-edge:, :] *= 0.7
    img[:, -edge:] *= 0.8
    upright = h > w
    if upright:
        img[int(0.05 * h) : int(0.3 * h), :] = spec.accent
        draw.put_text_centered(img, spec.text, (w / 2, h * 0.18), 0.8 * w, spec.ink)
        draw.put_text_centered(img, spec.subtext, (w / 2, h * 0.38), 0.6 * w, spec.accent)
        bowl = (w // 2, int(0.68 * h))
        cv2.ellipse(img, bowl, (int(0.34 * w), int(0.18 * h)), 0, 0, 180, (0.95,) * 3, -1)
        cv2.ellipse(img, bowl, (int(0.3 * w), int(0.06 * h)), 0, 0, 360, (0.55, 0.75, 0.85), -1)
    else:
        img[:, int(0.62 * w) : int(0.68 * w)] = spec.accent
        draw.put_text_centered(img, spec.text, (w * 0.32, h * 0.45), 0.5 * w, spec.accent)
        draw.put_text_centered(img, spec.subtext, (w * 0.82, h * 0.5), 0.22 * w, spec.ink)
        if spec.kind == "bar":
            img[:, : int(0.08 * w)] = (0.75, 0.75, 0.75)
            img[:, -int(0.08 * w) :] = (0.75, 0.75, 0.75)
        else:
            cv2.circle(img, (int(0.82 * w), int(0.2 * h)), int(0.1 * h), spec.accent, -1)
    gloss = 1 + 0.12 * draw.value_noise(rng, h, w, 2, 1) - 0.06
    return img * gloss[..., None], alpha


def paint_bag(spec: Any, rng: np.random.Generator, view: int, s: float) -> Paint:
    h, w = int(spec.width_mm * s), int(spec.length_mm * s)
    img, _ = _canvas(h, w, draw.jitter_color(rng, spec.body, 0.02))
    alpha = np.zeros((h, w), np.float32)
    crimp = int(0.06 * w)
    cv2.rectangle(alpha, (crimp, int(0.03 * h)), (w - crimp, int(0.97 * h)), 1.0, -1)
    teeth = 14
    for side in (0, 1):
        x0 = 0 if side == 0 else w - crimp
        ys = np.linspace(0, h - 1, teeth * 2 + 1)
        pts = [(x0 + (crimp if side == 0 else 0), 0)]
        pts += [
            (x0 + (i % 2) * crimp if side == 0 else x0 + (1 - i % 2) * crimp, int(y))
            for i, y in enumerate(ys)
        ]
        pts += [(x0 + (crimp if side == 0 else 0), h - 1)]
        cv2.fillPoly(alpha, [np.array(pts, np.int32)], 1.0, cv2.LINE_AA)
    img[:, :crimp] = img[:, -crimp:] = np.asarray(spec.body) * 0.8 + 0.1
    cx, cy = w / 2, h / 2
    cv2.ellipse(
        img,
        (int(cx), int(cy + 0.1 * h)),
        (int(0.3 * w), int(0.28 * h)),
        0,
        0,
        360,
        spec.accent,
        -1,
        cv2.LINE_AA,
    )
    draw.put_text_centered(img, spec.text, (cx, h * 0.2), 0.55 * w, (1.0, 1.0, 1.0))
    draw.put_text_centered(img, spec.subtext, (cx, cy + 0.1 * h), 0.45 * w, spec.ink)
    wrinkles = draw.value_noise(rng, h, w, 4, 3)
    puff = draw.radial_shade(h, w, 0.5, 0.45 + 0.1 * rng.random(), 0.45)
    return img * (puff * (0.85 + 0.3 * wrinkles))[..., None], alpha


def paint_jar(spec: Any, rng: np.random.Generator, view: int, s: float) -> Paint:
    d = int(spec.width_mm * s)
    img, alpha = _canvas(d, d, (0, 0, 0))
    c, r = (d // 2, d // 2), d / 2 - 1
    cv2.circle(alpha, c, int(r), 1.0, -1, cv2.LINE_AA)
    _disc(img, c, r, (0.55, 0.6, 0.62))
    _disc(img, c, r * 0.9, (0.2, 0.55, 0.75))
    for k in range(6):
        cv2.circle(img, c, int(r * (0.86 - 0.025 * k)), (0.1, 0.4, 0.6), 1, cv2.LINE_AA)
    _disc(img, c, r * 0.7, (0.25, 0.62, 0.82))
    _disc(img, c, r * 0.58, spec.accent)
    ang = float(rng.uniform(-25, 25))
    draw.put_text_centered(img, spec.text, (d / 2, d * 0.47), 0.9 * r, spec.ink, angle=ang)
    draw.put_text_centered(img, spec.subtext, (d / 2, d * 0.64), 0.55 * r, spec.ink, angle=ang)
    return img * draw.radial_shade(d, d, 0.45)[..., None], alpha


def paint_fruit(spec: Any, rng: np.random.Generator, view: int, s: float) -> Paint:
    d = int(spec.width_mm * s * rng.uniform(0.92, 1.06))
    img, alpha = _canvas(d, d, spec.body)
    c = (d // 2, d // 2)
    axes = (int(d / 2 - 1), int((d / 2 - 1) * rng.uniform(0.9, 1.0)))
    cv2.ellipse(alpha, c, axes, float(rng.uniform(0, 180)), 0, 360, 1.0, -1, cv2.LINE_AA)
    if spec.kind == "apple":
        mix = draw.value_noise(rng, d, d, 2, 2)[..., None]
        streak = draw.value_noise(rng, d, max(2, d // 8), 6, 2)
        streak = cv2.resize(streak, (d, d))[..., None]
        img = np.asarray(spec.body) * (1 - 0.4 * mix) + np.asarray(spec.accent) * 0.4 * mix
        img = img * (0.85 + 0.3 * streak)
        cv2.circle(img, c, max(2, d // 14), (0.1, 0.25, 0.35), -1, cv2.LINE_AA)
        cv2.line(img, c, (c[0] + d // 10, c[1] - d // 8), (0.1, 0.2, 0.3), max(1, d // 40))
    else:
        dimples = draw.value_noise(rng, d, d, max(4, d // 6), 1)[..., None]
        img = img * (0.88 + 0.2 * dimples) + (0.0, 0.04, 0.08) * dimples
        cv2.circle(img, (c[0] + d // 8, c[1] + d // 10), max(2, d // 18), spec.accent, -1)
    shade = draw.radial_shade(d, d, 0.6)
    return (img * shade[..., None]).astype(np.float32), alpha


PAINTERS: dict[str, Callable[[Any, np.random.Generator, int, float], Paint]] = {
    "can": paint_can,
    "bottle": paint_bottle,
    "box": paint_box,
    "bar": paint_box,
    "bag": paint_bag,
    "jar": paint_jar,
    "apple": paint_fruit,
    "orange": paint_fruit,
}
