"""Counter surfaces: procedural textures, plus photos from scikit-image's data images.

Two disjoint families: ``TRAIN_STYLES`` for the training/val/test scenes and
``INDEPENDENT_STYLES`` (other patterns, other photos) for the independent test set that
training never sees. Both return float32 BGR in 0..1.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import cv2
import numpy as np

from models.synth import draw

Rng = np.random.Generator
TRAIN_PHOTOS = (
    "brick",
    "grass",
    "gravel",
    "rocket",
    "coffee",
    "hubble_deep_field",
    "page",
    "text",
    "camera",
    "moon",
    "astronaut",
    "logo",
)
INDEPENDENT_PHOTOS = ("chelsea", "retina", "coins", "motorcycle_left", "ihc", "horse", "cell")


def _colour(rng: Rng) -> np.ndarray:
    """A counter colour: mostly muted, sometimes bold."""
    hsv = np.array(
        [[[rng.uniform(0, 180), rng.uniform(0, 255) * rng.uniform(0.2, 1), rng.uniform(40, 245)]]],
        np.float32,
    )
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2BGR)[0, 0].astype(np.float32) / 255


def _solid(rng: Rng, h: int, w: int) -> np.ndarray:
    n = draw.value_noise(rng, h, w, 3, 2)[..., None]
    return _colour(rng) * (0.93 + 0.14 * n)


def _gradient(rng: Rng, h: int, w: int) -> np.ndarray:
    t = np.linspace(0, 1, w, dtype=np.float32)[None, :, None]
    img = _colour(rng) * (1 - t) + _colour(rng) * t
    return np.repeat(img, h, axis=0)


def _wood(rng: Rng, h: int, w: int) -> np.ndarray:
    n = draw.value_noise(rng, h, max(2, w // 16), 3, 3)
    n = cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)
    rings = 0.5 + 0.5 * np.sin(n * rng.uniform(20, 60))
    dark, light = _colour(rng) * 0.6, _colour(rng)
    img = dark * rings[..., None] + light * (1 - rings[..., None])
    return np.rot90(img).copy() if rng.random() < 0.5 and h == w else img


def _tiles(rng: Rng, h: int, w: int) -> np.ndarray:
    img = np.empty((h, w, 3), np.float32)
    img[:] = _colour(rng)
    step = int(rng.uniform(40, 160))
    grout = tuple(float(v) for v in _colour(rng))
    for x in range(int(rng.uniform(0, step)), w, step):
        cv2.line(img, (x, 0), (x, h), grout, int(rng.integers(1, 5)))
    for y in range(int(rng.uniform(0, step)), h, step):
        cv2.line(img, (0, y), (w, y), grout, int(rng.integers(1, 5)))
    return img * (0.9 + 0.2 * draw.value_noise(rng, h, w, 6, 2)[..., None])


def _granite(rng: Rng, h: int, w: int) -> np.ndarray:
    base = _solid(rng, h, w)
    speck = rng.random((h, w), dtype=np.float32)
    dots = (speck > rng.uniform(0.85, 0.97)).astype(np.float32)
    dots = cv2.GaussianBlur(dots, (3, 3), 0)[..., None]
    return base * (1 - dots) + _colour(rng) * dots


def _stripes(rng: Rng, h: int, w: int) -> np.ndarray:
    t = np.arange(w, dtype=np.float32)[None, :] * rng.uniform(0.02, 0.2)
    s = (0.5 + 0.5 * np.sin(t))[..., None]
    img = _colour(rng) * s + _colour(rng) * (1 - s)
    return np.repeat(img, h, axis=0)


def _plaid(rng: Rng, h: int, w: int) -> np.ndarray:
    a = _stripes(rng, h, w)
    b = np.transpose(_stripes(rng, w, h), (1, 0, 2))
    return 0.5 * a + 0.5 * b


def _checker(rng: Rng, h: int, w: int) -> np.ndarray:
    step = int(rng.uniform(20, 90))
    yy, xx = np.mgrid[0:h, 0:w]
    m = (((yy // step) + (xx // step)) % 2).astype(np.float32)[..., None]
    return _colour(rng) * m + _colour(rng) * (1 - m)


def _marble(rng: Rng, h: int, w: int) -> np.ndarray:
    n = draw.value_noise(rng, h, w, 3, 4)
    veins = np.abs(np.sin((np.arange(w)[None, :] / w * 6 + n * 8) * np.pi)) ** 0.3
    return _colour(rng) * veins[..., None] + _colour(rng) * (1 - veins[..., None])


def _weave(rng: Rng, h: int, w: int) -> np.ndarray:
    n = draw.value_noise(rng, h, w, 40, 1)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    p = rng.uniform(4, 10)
    m = (0.5 + 0.25 * np.sin(xx / p) * np.sin(yy / p) + 0.25 * n)[..., None]
    return _colour(rng) * m + _colour(rng) * (1 - m)


def _blobs(rng: Rng, h: int, w: int) -> np.ndarray:
    """Camouflage: noise cut into two to four flat colour regions with hard edges."""
    n = draw.value_noise(rng, h, w, int(rng.integers(3, 12)), 3)
    edges = np.sort(rng.uniform(0.3, 0.7, int(rng.integers(1, 4))))
    region = np.digitize(n, edges)
    palette = np.stack([_colour(rng) for _ in range(len(edges) + 1)])
    return palette[region]


def _angled_stripes(rng: Rng, h: int, w: int) -> np.ndarray:
    """Hard-edged stripes at any angle and width (a mat, a printed cloth)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, np.pi)
    t = (xx * np.cos(angle) + yy * np.sin(angle)) / rng.uniform(6, 60)
    m = ((t % 1) < rng.uniform(0.2, 0.8)).astype(np.float32)[..., None]
    return _colour(rng) * m + _colour(rng) * (1 - m)


def _dots(rng: Rng, h: int, w: int) -> np.ndarray:
    """Polka dots or rings on a plain ground."""
    img = np.empty((h, w, 3), np.float32)
    img[:] = _colour(rng)
    step = int(rng.uniform(18, 70))
    radius = max(2, int(step * rng.uniform(0.15, 0.45)))
    colour = tuple(float(v) for v in _colour(rng))
    thickness = -1 if rng.random() < 0.6 else int(rng.integers(1, 4))
    for y in range(int(rng.uniform(0, step)), h + step, step):
        shift = step // 2 if (y // step) % 2 else 0
        for x in range(shift, w + step, step):
            cv2.circle(img, (x, y), radius, colour, thickness, cv2.LINE_AA)
    return img


def _clutter(rng: Rng, h: int, w: int) -> np.ndarray:
    """A printed flyer or a busy mat: bright shapes, lines and words that are not products."""
    img = np.clip(_solid(rng, h, w) * 255, 0, 255).astype(np.uint8)  # putText draws on 8-bit only
    fonts = (cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_TRIPLEX)
    for _ in range(int(rng.integers(8, 40))):
        colour = tuple(int(v * 255) for v in _colour(rng))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        size = int(rng.uniform(6, 70))
        kind = rng.integers(4)
        if kind == 0:
            cv2.rectangle(img, (x, y), (x + size, y + int(size * rng.uniform(0.3, 2))), colour, -1)
        elif kind == 1:
            axes = (size, max(2, int(size * rng.uniform(0.3, 1))))
            cv2.ellipse(img, (x, y), axes, rng.uniform(0, 180), 0, 360, colour, -1, cv2.LINE_AA)
        elif kind == 2:
            end = (x + int(rng.integers(-150, 150)), y + int(rng.integers(-150, 150)))
            cv2.line(img, (x, y), end, colour, int(rng.integers(1, 8)), cv2.LINE_AA)
        else:
            word = "".join(chr(int(c)) for c in rng.integers(65, 91, int(rng.integers(2, 9))))
            font = fonts[int(rng.integers(len(fonts)))]
            scale, weight = rng.uniform(0.4, 2.2), int(rng.integers(1, 4))
            cv2.putText(img, word, (x, y), font, scale, colour, weight, cv2.LINE_AA)
    return img.astype(np.float32) / 255


class MissingPhotos(RuntimeError):
    """The counter photos cannot be read, so scenes would differ from the seed's."""


@cache
def _photo(name: str) -> np.ndarray:
    # Without the photos the same seed would silently render other scenes (a third of the
    # counters would be procedural instead), so a missing package is an error, not a fallback.
    try:
        import skimage.data
    except ImportError as exc:
        raise MissingPhotos(
            "counter photos come from scikit-image's data images: install the train extra "
            "(pip install -e '.[train]') to render scenes"
        ) from exc
    path = Path(skimage.data.__file__).parent
    files = sorted(p for p in path.glob(f"{name}.*") if p.suffix in (".png", ".jpg"))
    img = cv2.imread(str(files[0]), cv2.IMREAD_COLOR) if files else None
    if img is None:
        raise MissingPhotos(f"no readable counter photo '{name}' in {path}")
    return img.astype(np.float32) / 255


def _photo_counter(names: tuple[str, ...], rng: Rng, h: int, w: int) -> np.ndarray:
    img = _photo(names[int(rng.integers(len(names)))])
    scale = rng.uniform(0.6, 2.0)
    img = cv2.resize(img, None, fx=scale, fy=scale)
    reps = (h // img.shape[0] + 1, w // img.shape[1] + 1, 1)
    tiled = np.tile(img, reps)
    y, x = (
        int(rng.integers(0, tiled.shape[0] - h + 1)),
        int(rng.integers(0, tiled.shape[1] - w + 1)),
    )
    out = tiled[y : y + h, x : x + w]
    tint = _colour(rng)
    return out * (0.6 + 0.4 * tint) if rng.random() < 0.5 else out


Painter = Callable[[Rng, int, int], np.ndarray]
TRAIN_STYLES: tuple[Painter, ...] = (
    _solid,
    _solid,
    _gradient,
    _wood,
    _tiles,
    _granite,
    _stripes,
    _blobs,
    _angled_stripes,
    _dots,
    _clutter,
)
INDEPENDENT_STYLES: tuple[Painter, ...] = (_plaid, _checker, _marble, _weave, _solid)


COUNTER_STYLES: dict[str, Painter] = {
    "solid": _solid,
    "wood": _wood,
    "granite": _granite,
    "tiles": _tiles,
    "marble": _marble,
}


def paint_counter(rng: Rng, h: int, w: int, independent: bool = False) -> np.ndarray:
    """One counter surface; a third are photos (scikit-image's data images)."""
    photos = INDEPENDENT_PHOTOS if independent else TRAIN_PHOTOS
    if rng.random() < 0.33:
        return np.ascontiguousarray(_photo_counter(photos, rng, h, w), np.float32)
    styles = INDEPENDENT_STYLES if independent else TRAIN_STYLES
    img = styles[int(rng.integers(len(styles)))](rng, h, w)
    return np.ascontiguousarray(np.clip(img, 0, 1), np.float32)
