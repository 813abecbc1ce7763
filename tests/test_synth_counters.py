"""Counter photos: every one the generator names exists, and without them it stops, never swaps."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from models.synth import counters
from models.synth.counters import INDEPENDENT_PHOTOS, TRAIN_PHOTOS, MissingPhotos, paint_counter


@pytest.fixture
def fresh_photo_cache():
    counters._photo.cache_clear()
    yield
    counters._photo.cache_clear()


@pytest.mark.parametrize("name", TRAIN_PHOTOS + INDEPENDENT_PHOTOS)
def test_every_counter_photo_is_shipped_by_scikit_image(name):
    img = counters._photo(name)
    assert img.ndim == 3 and img.shape[2] == 3 and min(img.shape[:2]) >= 32
    assert img.dtype == np.float32 and 0 <= img.min() < img.max() <= 1


def test_train_and_independent_photos_do_not_overlap():
    assert not set(TRAIN_PHOTOS) & set(INDEPENDENT_PHOTOS)


def test_without_scikit_image_scenes_stop_with_a_hint(monkeypatch, fresh_photo_cache):
    # A missing package used to switch a third of the counters to textures: same seed, other files.
    monkeypatch.setitem(sys.modules, "skimage.data", None)  # makes the import fail
    photo_draws = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        if np.random.default_rng(seed).random() < 0.33:
            photo_draws += 1
            with pytest.raises(MissingPhotos, match=r"install the train extra"):
                paint_counter(rng, 48, 64)
        else:
            assert paint_counter(rng, 48, 64).shape == (48, 64, 3)
    assert photo_draws >= 5


def test_dataset_command_says_what_to_install_and_writes_nothing(
    monkeypatch, fresh_photo_cache, tmp_path, capsys
):
    from models.synth.__main__ import main

    monkeypatch.setitem(sys.modules, "skimage.data", None)
    argv = ["dataset", "--out", str(tmp_path / "ds"), "--train", "8", "--val", "0", "--test", "0"]
    assert main([*argv, "--independent", "0", "--workers", "1"]) == 1
    assert "install the train extra" in capsys.readouterr().err
    assert not list((tmp_path / "ds").rglob("*.yaml"))  # no dataset that looks finished


def test_build_stops_after_a_failed_dataset_step(monkeypatch, fresh_photo_cache, tmp_path):
    from models.build import build_parser, run

    monkeypatch.setitem(sys.modules, "skimage.data", None)
    exemplars = Path(__file__).resolve().parent.parent / "models" / "demo" / "exemplars"
    argv = ["--products", str(exemplars), "--out", str(tmp_path), "--steps", "dataset,train"]
    argv += ["--train", "8", "--val", "0", "--test", "0", "--independent", "0", "--workers", "1"]
    with pytest.raises(SystemExit, match="nothing was trained"):
        run(build_parser().parse_args(argv))
    assert not (tmp_path / "runs").exists()
