"""Things on a counter that are not products and must never be detected.

Hands (with arm and sleeve), keys, phones, wallets, receipt paper, cards, coins and pens, each
painted fresh per scene as a float BGR image + alpha at the scene's pixels-per-millimetre.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from models.synth import draw

Rng = np.random.Generator
Cutout = tuple[np.ndarray, np.ndarray]
SKIN = (
    (0.78, 0.86, 0.96),
    (0.62, 0.74, 0.9),
    (0.45, 0.6, 0.78),
    (0.3, 0.42, 0.6),
    (0.18, 0.27, 0.4),
)


def _blank(h: int, w: int) -> Cutout:
    return np.zeros((max(h, 2), max(w, 2), 3), np.float32), np.zeros(
        (max(h, 2), max(w, 2)), np.float32
    )


def _c(col: np.ndarray | tuple[float, ...]) -> tuple[float, ...]:
    return tuple(float(v) for v in col)


def hand(rng: Rng, s: float) -> Cutout:
    """Open or closed hand on a long forearm with a sleeve; the arm runs off to the right."""
    L, W = int(480 * s), int(200 * s)
    img, a = _blank(W, L)
    skin = draw.jitter_color(rng, SKIN[int(rng.integers(len(SKIN)))], 0.04)
    cy = W // 2
    palm = (int(95 * s), cy)
    cv2.ellipse(a, palm, (int(55 * s), int(45 * s)), 0, 0, 360, 1.0, -1, cv2.LINE_AA)
    cv2.rectangle(a, (palm[0], cy - int(35 * s)), (L, cy + int(35 * s)), 1.0, -1)
    spread = rng.uniform(0.0, 1.0)
    for length, off in ((70, -30), (80, -10), (76, 10), (60, 30)):
        ang = np.radians(180 + (off * 0.9) * (0.3 + spread))
        base = (palm[0] - int(35 * s), cy + int(off * s * 0.9))
        tip = (
            int(base[0] + np.cos(ang) * length * s * (0.4 + 0.6 * spread)),
            int(base[1] + np.sin(ang) * length * s * (0.4 + 0.6 * spread)),
        )
        cv2.line(a, base, tip, 1.0, max(2, int(17 * s)), cv2.LINE_AA)
    thumb_side = -1 if rng.random() < 0.5 else 1
    cv2.line(
        a,
        (palm[0] + int(10 * s), cy + thumb_side * int(35 * s)),
        (palm[0] - int(30 * s), cy + thumb_side * int(75 * s)),
        1.0,
        max(2, int(20 * s)),
        cv2.LINE_AA,
    )
    img[:] = skin
    img *= draw.cylinder_shade(W, L, 1, 0.3)[..., None]
    sleeve_x = int(rng.uniform(0.45, 0.75) * L)
    img[:, sleeve_x:] = draw.jitter_color(rng, rng.random(3).astype(np.float32), 0.05)
    a[:, sleeve_x:] = 0
    cv2.rectangle(a, (sleeve_x, cy - int(40 * s)), (L, cy + int(40 * s)), 1.0, -1)
    return img, cv2.GaussianBlur(a, (3, 3), 0)


def keys(rng: Rng, s: float) -> Cutout:
    size = int(110 * s)
    img, a = _blank(size, size)
    metal = _c(
        draw.jitter_color(rng, (0.7, 0.72, 0.75) if rng.random() < 0.6 else (0.35, 0.65, 0.8), 0.05)
    )
    c = (size // 3, size // 3)
    cv2.circle(img, c, int(14 * s), metal, max(1, int(3 * s)), cv2.LINE_AA)
    cv2.circle(a, c, int(14 * s), 1.0, max(1, int(3 * s)), cv2.LINE_AA)
    for _ in range(int(rng.integers(1, 4))):
        ang = rng.uniform(0, 2 * np.pi)
        head = (int(c[0] + np.cos(ang) * 22 * s), int(c[1] + np.sin(ang) * 22 * s))
        tip = (int(head[0] + np.cos(ang) * 50 * s), int(head[1] + np.sin(ang) * 50 * s))
        for target, val in ((img, metal), (a, 1.0)):
            cv2.circle(target, head, int(11 * s), val, -1, cv2.LINE_AA)
            cv2.line(target, head, tip, val, max(2, int(7 * s)), cv2.LINE_AA)
    return img, a


def _rounded_rect(h: int, w: int, r: int) -> np.ndarray:
    a = np.zeros((h, w), np.float32)
    r = max(1, min(r, h // 2 - 1, w // 2 - 1))
    cv2.rectangle(a, (r, 0), (w - r, h - 1), 1.0, -1)
    cv2.rectangle(a, (0, r), (w - 1, h - r), 1.0, -1)
    for cx, cy in ((r, r), (w - r - 1, r), (r, h - r - 1), (w - r - 1, h - r - 1)):
        cv2.circle(a, (cx, cy), r, 1.0, -1, cv2.LINE_AA)
    return a


def phone(rng: Rng, s: float) -> Cutout:
    h, w = int(72 * s), int(150 * s)
    a = _rounded_rect(h, w, int(9 * s))
    img = np.empty((h, w, 3), np.float32)
    img[:] = draw.jitter_color(rng, (0.08, 0.08, 0.1), 0.05)
    screen = draw.value_noise(rng, h, w, 2, 2)[..., None] * rng.random(3).astype(np.float32)
    if rng.random() < 0.5:
        m = int(5 * s)
        img[m:-m, m:-m] = screen[m:-m, m:-m] * 0.8 + 0.05
    return img, a


def wallet(rng: Rng, s: float) -> Cutout:
    h, w = int(rng.uniform(80, 100) * s), int(rng.uniform(105, 125) * s)
    a = _rounded_rect(h, w, int(8 * s))
    leather = draw.jitter_color(
        rng, ((0.1, 0.2, 0.35), (0.05, 0.05, 0.06), (0.3, 0.25, 0.5))[int(rng.integers(3))], 0.05
    )
    img = leather * (0.85 + 0.3 * draw.value_noise(rng, h, w, 20, 2))[..., None]
    m = int(5 * s)
    cv2.rectangle(img, (m, m), (w - m, h - m), _c(leather * 1.6), 1, cv2.LINE_AA)
    return img.astype(np.float32), a


def receipt(rng: Rng, s: float) -> Cutout:
    h, w = int(80 * s), int(rng.uniform(120, 300) * s)
    img, a = _blank(h, w)
    a[:] = 1.0
    img[:] = 0.96
    step = max(3, int(6 * s))
    for x in range(int(8 * s), w - int(8 * s), step):
        n = int(rng.uniform(0.3, 0.9) * (h - 16 * s))
        cv2.line(img, (x, int(8 * s)), (x, int(8 * s) + n), (0.45, 0.45, 0.45), 1)
    return img * draw.cylinder_shade(h, w, 1, 0.15)[..., None], a


def card(rng: Rng, s: float) -> Cutout:
    h, w = int(54 * s), int(86 * s)
    a = _rounded_rect(h, w, int(3 * s))
    img = np.empty((h, w, 3), np.float32)
    img[:] = rng.random(3).astype(np.float32)
    cv2.rectangle(img, (int(10 * s), int(18 * s)), (int(22 * s), int(28 * s)), (0.3, 0.7, 0.85), -1)
    return img, a


def coins(rng: Rng, s: float) -> Cutout:
    size = int(70 * s)
    img, a = _blank(size, size)
    for _ in range(int(rng.integers(1, 5))):
        c = (int(rng.uniform(0.25, 0.75) * size), int(rng.uniform(0.25, 0.75) * size))
        r = int(rng.uniform(8, 13) * s)
        col = (0.3, 0.6, 0.75) if rng.random() < 0.5 else (0.6, 0.62, 0.65)
        cv2.circle(img, c, r, col, -1, cv2.LINE_AA)
        cv2.circle(a, c, r, 1.0, -1, cv2.LINE_AA)
    return img, a


def pen(rng: Rng, s: float) -> Cutout:
    h, w = int(12 * s), int(140 * s)
    img, a = _blank(h, w)
    a[:] = 1.0
    img[:] = rng.random(3).astype(np.float32)
    img[:, : int(20 * s)] = 0.8
    return img * draw.cylinder_shade(h, w, 1, 0.4)[..., None], a


DISTRACTORS: dict[str, Callable[[Rng, float], Cutout]] = {
    "hand": hand,
    "keys": keys,
    "phone": phone,
    "wallet": wallet,
    "receipt": receipt,
    "card": card,
    "coins": coins,
    "pen": pen,
}
