"""Turn whatever a frame source hands over into a contiguous BGR uint8 image, or refuse it.

Cameras, decoders and callers produce surprises (grey or BGRA frames, 16-bit sensors, float
images, views with odd strides). The detector accepts the common ones and answers the rest
with one clear :class:`BadFrame` instead of an OpenCV assertion deep inside pre-processing.
"""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.detector_errors import BadFrame

MAX_PIXELS = 50_000_000  # ~8K x 6K; anything bigger is a broken source, not a camera frame


def as_bgr_uint8(image: object) -> np.ndarray:
    """Return ``image`` as a C-contiguous ``(H, W, 3)`` uint8 BGR array.

    Accepted: uint8 BGR (returned as is when contiguous), grey ``(H, W)`` or ``(H, W, 1)``,
    BGRA ``(H, W, 4)``, uint16 (scaled to 8 bits), float in ``[0, 1]`` (NaN becomes 0) and
    bool. Anything else raises :class:`BadFrame` saying what was wrong.
    """
    if not isinstance(image, np.ndarray):
        raise BadFrame(f"frame is a {type(image).__name__}, not a numpy image array")
    height, width, channels = _frame_shape(image)
    if height * width > MAX_PIXELS:
        raise BadFrame(
            f"frame of {width}x{height} pixels is too large (limit {MAX_PIXELS:,} pixels): "
            "lower the camera resolution"
        )
    pixels = _to_uint8(image)
    if pixels.ndim == 3 and channels == 1:
        pixels = pixels[:, :, 0]
    if channels == 1:
        return cv2.cvtColor(np.ascontiguousarray(pixels), cv2.COLOR_GRAY2BGR)
    if channels == 4:
        return cv2.cvtColor(np.ascontiguousarray(pixels), cv2.COLOR_BGRA2BGR)
    return np.ascontiguousarray(pixels)


def _frame_shape(image: np.ndarray) -> tuple[int, int, int]:
    if image.ndim == 2:
        height, width, channels = *image.shape, 1
    elif image.ndim == 3:
        height, width, channels = image.shape
    else:
        raise BadFrame(f"frame has shape {image.shape}: expected (height, width[, channels])")
    if height == 0 or width == 0:
        raise BadFrame(f"frame is empty (shape {image.shape}): the source delivered no pixels")
    if channels not in (1, 3, 4):
        raise BadFrame(f"frame has {channels} channels: expected 1 (grey), 3 (BGR) or 4 (BGRA)")
    return height, width, channels


def _to_uint8(image: np.ndarray) -> np.ndarray:
    if image.dtype == np.uint8:
        return image
    if image.dtype == np.uint16:
        return (image >> 8).astype(np.uint8)
    if image.dtype == np.bool_:
        return image.astype(np.uint8) * np.uint8(255)
    if np.issubdtype(image.dtype, np.floating):
        scaled = np.nan_to_num(image.astype(np.float32), nan=0.0, posinf=1.0, neginf=0.0)
        return (np.clip(scaled, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    raise BadFrame(
        f"frame pixels are {image.dtype}: expected uint8 (or uint16, float in [0, 1], bool)"
    )
