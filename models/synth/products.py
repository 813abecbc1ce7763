"""The demo store's made-up products, painted top-down with numpy + cv2.

Each product is a :class:`ProductSpec` (kind, physical size, colours, label text). ``render_view``
paints one viewpoint as a BGRA cut-out; ``write_demo_exemplars`` saves a few views per product
into ``<out>/<label>/NN.png`` plus ``product.json`` (physical size), which is exactly the folder
layout a store uses to enrol its own products. Look-alikes share shape and colour and differ only
in label colour/text (cola vs cherry cola, crisps salted vs paprika, jam vs honey).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from models.synth import draw
from models.synth.painters import PAINTERS


@dataclass(frozen=True)
class ProductSpec:
    """How one demo product looks; colours are BGR in 0..1, sizes in millimetres."""

    label: str
    kind: str
    length_mm: float
    width_mm: float
    body: tuple[float, float, float]
    accent: tuple[float, float, float]
    text: str
    subtext: str = ""
    ink: tuple[float, float, float] = (1.0, 1.0, 1.0)


def _bgr(hex_rgb: str) -> tuple[float, float, float]:
    r, g, b = (int(hex_rgb[i : i + 2], 16) / 255.0 for i in (0, 2, 4))
    return (b, g, r)


DEMO_PRODUCTS: tuple[ProductSpec, ...] = (
    ProductSpec("cola-can", "can", 122, 66, _bgr("c8102e"), _bgr("ffffff"), "FIZZ", "COLA"),
    ProductSpec(
        "cherry-cola-can", "can", 122, 66, _bgr("c8102e"), _bgr("5a0a2a"), "FIZZ", "CHERRY"
    ),
    ProductSpec(
        "lemon-soda-can",
        "can",
        122,
        66,
        _bgr("f2e21b"),
        _bgr("2e9e3a"),
        "LEMON",
        "SPARK",
        _bgr("1c5e22"),
    ),
    ProductSpec(
        "water-bottle",
        "bottle",
        215,
        65,
        _bgr("b9dcf2"),
        _bgr("1d63c4"),
        "SPRING",
        "STILL",
        _bgr("1d63c4"),
    ),
    ProductSpec(
        "orange-juice-bottle", "bottle", 250, 82, _bgr("f28c1b"), _bgr("2f8f2f"), "SUNNY", "JUICE"
    ),
    ProductSpec(
        "beer-bottle",
        "bottle",
        230,
        62,
        _bgr("6b3a12"),
        _bgr("d9b44a"),
        "HOPFEN",
        "LAGER",
        _bgr("3b1d06"),
    ),
    ProductSpec(
        "wine-bottle",
        "bottle",
        300,
        76,
        _bgr("1f3d22"),
        _bgr("7a1030"),
        "VALLE",
        "ROSSO",
        _bgr("7a1030"),
    ),
    ProductSpec(
        "crisps-salted",
        "bag",
        270,
        190,
        _bgr("1f4fbf"),
        _bgr("f5d400"),
        "CRUNCH",
        "SALTED",
        _bgr("1a1a1a"),
    ),
    ProductSpec(
        "crisps-paprika", "bag", 270, 190, _bgr("1f4fbf"), _bgr("e0301e"), "CRUNCH", "PAPRIKA"
    ),
    ProductSpec(
        "cereal-box",
        "box",
        280,
        190,
        _bgr("f5b921"),
        _bgr("8a4b14"),
        "OATS",
        "MORNING",
        _bgr("8a1414"),
    ),
    ProductSpec("tea-box", "box", 140, 75, _bgr("1f5b3a"), _bgr("d8c27a"), "EARL GREY", "TEA"),
    ProductSpec("chocolate-bar", "bar", 170, 80, _bgr("5b2a86"), _bgr("c9a063"), "COCOA", "MILK"),
    ProductSpec("jam-jar", "jar", 85, 85, _bgr("d4d7d9"), _bgr("c01f3a"), "JAM", "BERRY"),
    ProductSpec(
        "honey-jar",
        "jar",
        85,
        85,
        _bgr("d4d7d9"),
        _bgr("f2b705"),
        "HONEY",
        "GOLDEN",
        _bgr("5a3a06"),
    ),
    ProductSpec("apple", "apple", 78, 78, _bgr("b81d24"), _bgr("7fb02a"), ""),
    ProductSpec("orange", "orange", 76, 76, _bgr("f58a07"), _bgr("c96a00"), ""),
)

DEMO_LABELS: tuple[str, ...] = tuple(p.label for p in DEMO_PRODUCTS)


def render_view(spec: ProductSpec, view: int, seed: int, px_per_mm: float) -> np.ndarray:
    """Paint one top-down view of ``spec`` as a uint8 BGRA cut-out (2x supersampled)."""
    rng = np.random.default_rng([seed, view, DEMO_LABELS.index(spec.label)])
    ss = 2.0 * px_per_mm
    color, alpha = PAINTERS[spec.kind](spec, rng, view, ss)
    h, w = alpha.shape
    size = (max(1, round(w / 2)), max(1, round(h / 2)))
    color = cv2.resize(color, size, interpolation=cv2.INTER_AREA)
    alpha = cv2.resize(alpha, size, interpolation=cv2.INTER_AREA)
    return draw.rgba_from(color, alpha)


def write_demo_exemplars(
    out_dir: Path, views: int = 8, max_side: int = 160, seed: int = 7, max_px_per_mm: float = 1.1
) -> None:
    """Write ``views`` exemplar cut-outs per demo product plus ``product.json`` (scale, size)."""
    for spec in DEMO_PRODUCTS:
        folder = Path(out_dir) / spec.label
        folder.mkdir(parents=True, exist_ok=True)
        px_per_mm = min(max_px_per_mm, max_side / max(spec.length_mm, spec.width_mm))
        for v in range(views):
            cv2.imwrite(str(folder / f"{v:02d}.png"), render_view(spec, v, seed, px_per_mm))
        meta = {
            "label": spec.label,
            "length_mm": spec.length_mm,
            "width_mm": spec.width_mm,
            "px_per_mm": round(px_per_mm, 4),
        }
        (folder / "product.json").write_text(json.dumps(meta, indent=1) + "\n")
