"""Camera effects applied to a composed counter: light, white balance, blur, noise, JPEG.

They never move pixels, so labels drawn before them stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from models.synth import draw


@dataclass(frozen=True)
class CameraLook:
    """Strength of each effect: the random draw for one frame stays within these bounds."""

    light: float = 0.5
    tint: float = 0.14
    blur: float = 2.0
    noise: float = 0.03
    jpeg: tuple[int, int] = (30, 95)


def apply_camera(canvas: np.ndarray, rng: np.random.Generator, look: CameraLook) -> np.ndarray:
    """Float BGR scene (0..1) -> uint8 BGR camera frame, after a JPEG round trip."""
    h, w = canvas.shape[:2]
    field = draw.value_noise(rng, h, w, 1, 2)
    gain = rng.uniform(0.65, 1.25) * (1 - look.light / 2 + look.light * field)
    wb = 1 + rng.uniform(-look.tint, look.tint, 3).astype(np.float32)
    img = canvas * gain[..., None] * wb
    img = np.clip(img, 0, 1) ** rng.uniform(0.8, 1.25)
    sigma = rng.uniform(0, look.blur)
    if sigma > 0.3:
        if rng.random() < 0.3:
            k = max(3, int(sigma * 4) | 1)
            kernel = np.zeros((k, k), np.float32)
            kernel[k // 2] = 1.0 / k
            rot = cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), rng.uniform(0, 180), 1)
            kernel = cv2.warpAffine(kernel, rot, (k, k))
            img = cv2.filter2D(img, -1, kernel / max(kernel.sum(), 1e-6))
        else:
            img = cv2.GaussianBlur(img, (0, 0), sigma)
    img = img + rng.normal(0, rng.uniform(0, look.noise), img.shape).astype(np.float32)
    out = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    quality = int(rng.integers(look.jpeg[0], look.jpeg[1] + 1))
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else out
