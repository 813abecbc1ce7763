"""Render the demo checkout video and its ground-truth script from enrolled products.

Two shoppers at one counter: a hand brings items in one by one, moves one, stacks one partly
on another, takes one away, drops a distractor; the counter is cleared and stays empty between
shoppers. The script lists only settled moments (no hand in view) with the basket on the counter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from models.synth.distractors import DISTRACTORS
from models.synth.draw import value_noise
from models.synth.exemplars import ProductSet
from models.synth.layers import Layer, composite, cutout_floats, owned_by, transform
from models.synth.scene import hand_layer

FPS = 30
SIZE = (640, 480)
PX_PER_MM = 1.05
IN_S, OUT_S, SETTLE_S = 0.9, 0.7, 3.2

# (action, key, label or distractor kind, (x, y) target, angle): keys name placed things.
Action = tuple[str, str, str, tuple[int, int], float]
SHOPPER_1: tuple[Action, ...] = (
    ("place", "a", "cola-can", (150, 130), 20),
    ("place", "b", "crisps-salted", (430, 300), -15),
    ("place", "c", "apple", (140, 360), 0),
    ("place", "d", "apple", (240, 400), 0),
    ("place", "e", "wine-bottle", (420, 110), 8),
    ("move", "a", "", (270, 230), 70),
    ("place", "f", "chocolate-bar", (520, 390), 60),
    ("place", "k", "keys", (560, 200), 0),
    ("remove", "d", "", (0, 0), 0),
    ("place", "g", "honey-jar", (120, 250), 0),
    ("clear", "", "", (0, 0), 0),
)
SHOPPER_2: tuple[Action, ...] = (
    ("place", "a", "cherry-cola-can", (170, 140), -30),
    ("place", "b", "cola-can", (330, 130), 10),
    ("place", "c", "jam-jar", (480, 120), 0),
    ("place", "d", "cereal-box", (200, 330), 80),
    ("place", "p", "phone", (560, 330), 40),
    ("place", "e", "tea-box", (390, 300), -20),
    ("place", "f", "orange", (470, 420), 0),
    ("place", "g", "orange", (540, 250), 0),
    ("remove", "e", "", (0, 0), 0),
    ("place", "h", "beer-bottle", (380, 290), 35),
    ("place", "i", "crisps-paprika", (330, 400), 5),
    ("clear", "", "", (0, 0), 0),
)


@dataclass
class _Counter:
    background: np.ndarray
    placed: dict[str, Layer]


def _centred(
    color: np.ndarray, alpha: np.ndarray, at: tuple[float, float], label: str | None, cid: int = -1
) -> Layer:
    h, w = alpha.shape
    return Layer(color, alpha, int(at[0] - w / 2), int(at[1] - h / 2), label, cid)


def _thing(products: ProductSet, name: str, angle: float, rng: np.random.Generator) -> Layer:
    if name in products.views:
        ex = products.views[name][int(rng.integers(len(products.views[name])))]
        color, alpha = cutout_floats(ex.image)
        color, alpha = transform(color, alpha, PX_PER_MM / ex.px_per_mm, angle)
        return _centred(color, alpha, (0, 0), name, products.labels.index(name))
    color, alpha = DISTRACTORS[name](rng, PX_PER_MM)
    return _centred(*transform(color, alpha, 1.0, angle), (0, 0), None)


def _at(layer: Layer, at: tuple[float, float]) -> Layer:
    return _centred(layer.color, layer.alpha, at, layer.label, layer.class_id)


class _Recorder:
    """Writes frames and keeps the ground-truth segments."""

    def __init__(self, path: Path, seed: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), FPS, SIZE)
        if not self.writer.isOpened():
            raise OSError(f"{path}: OpenCV cannot write mp4v video here")
        self.frames = 0
        self.segments: list[dict[str, object]] = []
        self.rng = np.random.default_rng([seed, 99])

    def frame(self, canvas: np.ndarray, light: np.ndarray) -> None:
        img = canvas * light + self.rng.normal(0, 0.006, canvas.shape).astype(np.float32)
        self.writer.write(np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8))
        self.frames += 1

    def settled(self, counter: _Counter, light: np.ndarray, seconds: float) -> None:
        canvas = counter.background.copy()
        layers = list(counter.placed.values())
        owner = composite(canvas, layers, SHADOW)
        items: dict[str, int] = {}
        for i, layer in enumerate(layers):
            if layer.label is not None and owned_by(owner, layer, i) >= 0.5:
                items[layer.label] = items.get(layer.label, 0) + 1
        start = self.frames / FPS
        for _ in range(round(seconds * FPS)):
            self.frame(canvas, light)
        self.segments.append(
            {
                "start": round(start + 0.3, 2),
                "end": round(self.frames / FPS - 0.1, 2),
                "items": dict(sorted(items.items())),
            }
        )


SHADOW = (6.0, 8.0, 15.0, 0.35)


def _hand_trip(
    rec: _Recorder,
    counter: _Counter,
    light: np.ndarray,
    hand_rng_seed: int,
    target: tuple[float, float],
    carry_in: Layer | None,
    carry_out: Layer | None,
    end: tuple[float, float] | None = None,
) -> None:
    """A hand comes from the nearest edge to ``target`` (carrying ``carry_in``) and leaves."""
    w, h = SIZE
    dest = end or target
    away = np.degrees(np.arctan2(-(dest[1] - h / 2), dest[0] - w / 2))
    rad = np.radians(away)
    edge = (dest[0] + np.cos(rad) * 520, dest[1] - np.sin(rad) * 520)
    static = counter.background.copy()
    composite(static, list(counter.placed.values()), SHADOW)
    path = [(edge, target, IN_S, carry_in)]
    if end is not None:
        path.append((target, end, 0.8, carry_out))
    path.append((dest, edge, OUT_S, carry_out if end is None else None))
    for a, b, secs, carried in path:
        n = round(secs * FPS)
        for k in range(n):
            t = 0.5 - 0.5 * np.cos(np.pi * (k + 1) / n)
            pos = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            rng = np.random.default_rng(hand_rng_seed)
            layers = [] if carried is None else [_at(carried, pos)]
            layers.append(hand_layer(rng, PX_PER_MM, (pos[0] + 10, pos[1] + 5), float(away)))
            canvas = static.copy()
            composite(canvas, layers, SHADOW)
            rec.frame(canvas, light)


def _shopper(
    rec: _Recorder,
    products: ProductSet,
    counter: _Counter,
    light: np.ndarray,
    actions: tuple[Action, ...],
    seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    hand_seed = seed * 7 + 1
    for verb, key, name, target, angle in actions:
        if verb == "place":
            thing = _at(_thing(products, name, angle, rng), target)
            _hand_trip(rec, counter, light, hand_seed, target, thing, None)
            counter.placed[key] = thing
        elif verb == "move":
            old = counter.placed.pop(key)
            src = (old.x + old.alpha.shape[1] / 2, old.y + old.alpha.shape[0] / 2)
            moved = _at(
                _centred(
                    *transform(old.color, old.alpha, 1.0, angle), (0, 0), old.label, old.class_id
                ),
                target,
            )
            _hand_trip(rec, counter, light, hand_seed, src, None, moved, end=target)
            counter.placed[key] = moved
        elif verb == "remove":
            old = counter.placed.pop(key)
            src = (old.x + old.alpha.shape[1] / 2, old.y + old.alpha.shape[0] / 2)
            _hand_trip(rec, counter, light, hand_seed, src, None, old)
        else:
            for k in list(counter.placed):
                old = counter.placed.pop(k)
                src = (old.x + old.alpha.shape[1] / 2, old.y + old.alpha.shape[0] / 2)
                _hand_trip(rec, counter, light, hand_seed, src, None, old)
        rec.settled(counter, light, SETTLE_S if verb != "clear" else 5.0)


def _stone_counter(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """A calm light-grey speckled stone counter, like a real kiosk's."""
    base = (
        np.array([0.6, 0.62, 0.63], np.float32)
        * (0.94 + 0.1 * value_noise(rng, h, w, 3))[..., None]
    )
    speck = cv2.GaussianBlur((rng.random((h, w)) > 0.93).astype(np.float32), (3, 3), 0)
    return np.ascontiguousarray(base * (1 - 0.25 * speck[..., None]), np.float32)


def render_demo_video(products: ProductSet, out: Path, script: Path, seed: int = 0) -> None:
    """Write the mp4v video at ``out`` and its segment list (JSON) at ``script``."""
    rng = np.random.default_rng([seed, 1])
    w, h = SIZE
    background = _stone_counter(np.random.default_rng([seed, 2]), h, w)
    light = (0.95 + 0.12 * np.linspace(1, 0, w, dtype=np.float32))[None, :, None]
    rec = _Recorder(Path(out), seed)
    counter = _Counter(background, {})
    rec.settled(counter, light, 4.0)
    for i, actions in enumerate((SHOPPER_1, SHOPPER_2)):
        _shopper(rec, products, counter, light, actions, int(rng.integers(1 << 30)) + i)
    rec.writer.release()
    Path(script).write_text(json.dumps(rec.segments, indent=1) + "\n")
