"""Letterbox geometry and buffer reuse (exactness itself is proven by the golden tests)."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.letterbox import Letterbox, LetterboxGeometry

PAD = np.float32(114) / np.float32(255)


@pytest.mark.parametrize(
    ("source", "resized", "top", "left"),
    [
        ((720, 1280), (180, 320), 70, 0),
        ((900, 150), (320, 53), 0, 133),  # odd padding: 267 splits 133 / 134
        ((1, 3000), (1, 320), 159, 0),  # a one-pixel strip stays one pixel
        ((23, 37), (199, 320), 60, 0),  # tiny frames are scaled up
        ((320, 320), (320, 320), 0, 0),
    ],
)
def test_geometry_matches_ultralytics_rounding(source, resized, top, left):
    geometry = LetterboxGeometry.fit(source, (320, 320))
    assert geometry.resized_hw == resized
    assert (geometry.top, geometry.left) == (top, left)


def test_boxes_map_back_to_source_and_clip():
    geometry = LetterboxGeometry.fit((720, 1280), (320, 320))
    boxes = np.array([[0, 70, 320, 250], [-5, 60, 10, 300]], np.float32)
    back = geometry.boxes_to_source(boxes)
    np.testing.assert_allclose(back[0], [0, 0, 1280, 720])
    np.testing.assert_allclose(back[1], [0, 0, 40, 720])


def test_one_tensor_is_reused_and_padding_repainted_when_size_changes():
    letterbox = Letterbox((64, 64))
    tensor = letterbox.tensor
    letterbox(np.zeros((16, 64, 3), np.uint8))  # wide: rows 24..39 hold the frame
    assert letterbox.tensor[0, :, 30, 5].tolist() == [0, 0, 0]
    letterbox(np.full((64, 16, 3), 255, np.uint8))  # tall: the old rows are padding again
    assert letterbox.tensor is tensor
    assert np.all(letterbox.tensor[0, :, 30, 5] == PAD)
    assert np.all(letterbox.tensor[0, :, 30, 30] == 1.0)


def test_channels_become_rgb_divided_by_255():
    letterbox = Letterbox((8, 8))
    frame = np.zeros((8, 8, 3), np.uint8)
    frame[..., 0], frame[..., 2] = 255, 51  # blue full, red 51
    letterbox(frame)
    assert letterbox.tensor[0, 0, 0, 0] == np.float32(51) / np.float32(255)
    assert letterbox.tensor[0, 2, 0, 0] == 1.0


def test_float16_tensor_for_half_models():
    letterbox = Letterbox((32, 32), np.float16)
    letterbox(np.full((10, 20, 3), 255, np.uint8))
    assert letterbox.tensor.dtype == np.float16 and letterbox.tensor.max() == 1.0
