"""Datasets rebuild byte-identically from a seed; the demo video and its script agree."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest

from models.synth.__main__ import main as synth_main
from models.synth.dataset import labels_from_catalog, write_dataset
from models.synth.exemplars import load_products

DEMO = Path(__file__).resolve().parent.parent / "models" / "demo"


@pytest.fixture(scope="module")
def products():
    return load_products(DEMO / "exemplars", labels_from_catalog(DEMO / "demo_catalog.csv"))


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "dataset.yaml"
    }


def test_same_seed_gives_identical_files_whatever_the_worker_count(products, tmp_path):
    counts = {"train": 4, "val": 2, "test": 2}
    write_dataset(products, tmp_path / "a", counts, seed=5, progress=False)
    write_dataset(products, tmp_path / "b", counts, seed=5, workers=2, progress=False)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) == 16 and a == b


def test_other_seed_gives_other_scenes(products, tmp_path):
    write_dataset(products, tmp_path / "a", {"train": 2}, seed=1, progress=False)
    write_dataset(products, tmp_path / "b", {"train": 2}, seed=2, progress=False)
    assert tree(tmp_path / "a") != tree(tmp_path / "b")


def test_cli_writes_yolo_dataset_and_independent_set(tmp_path, capsys):
    out = tmp_path / "ds"
    argv = ["dataset", "--catalog", str(DEMO / "demo_catalog.csv"), "--out", str(out)]
    argv += ["--train", "3", "--val", "1", "--test", "1", "--independent", "2"]
    assert synth_main(argv) == 0
    spec = json.loads((out / "dataset.yaml").read_text())
    assert spec["names"] == labels_from_catalog(DEMO / "demo_catalog.csv")
    assert spec["path"] == str(out.resolve()) and spec["train"] == "images/train"
    assert len(list((out / "images" / "train").glob("*.jpg"))) == 3
    assert len(list((out / "independent" / "labels" / "test").glob("*.txt"))) == 2
    for label_file in (out / "labels" / "train").glob("*.txt"):
        for row in label_file.read_text().splitlines():
            cid, *box = row.split()
            assert 0 <= int(cid) < 16 and all(0.0 <= float(v) <= 1.0 for v in box)
    assert "3/3" in capsys.readouterr().err  # progress bar


def test_cli_clear_band_changes_training_scenes_but_never_the_test_split(tmp_path):
    argv = ["dataset", "--catalog", str(DEMO / "demo_catalog.csv"), "--independent", "0"]
    argv += ["--train", "12", "--val", "0", "--test", "6", "--seed", "3"]
    assert synth_main([*argv, "--out", str(tmp_path / "plain")]) == 0
    assert synth_main([*argv, "--out", str(tmp_path / "band"), "--clear-band", "0.1"]) == 0
    plain, band = tree(tmp_path / "plain"), tree(tmp_path / "band")
    assert plain.keys() == band.keys()
    tests = [k for k in plain if "/test/" in k]
    trains = [k for k in plain if "/train/" in k]
    assert len(tests) == 12 and all(plain[k] == band[k] for k in tests)
    assert any(plain[k] != band[k] for k in trains)
    spec = json.loads((tmp_path / "band" / "dataset.yaml").read_text())
    assert spec["train"] == "images/train" and spec["test"] == "images/test"


def test_demo_video_is_readable_and_its_script_covers_it():
    video = DEMO / "demo_video.mp4"
    assert video.stat().st_size <= 20_000_000
    cap = cv2.VideoCapture(str(video))
    assert cap.isOpened()
    frames, fps = cap.get(cv2.CAP_PROP_FRAME_COUNT), cap.get(cv2.CAP_PROP_FPS)
    assert (cap.get(cv2.CAP_PROP_FRAME_WIDTH), cap.get(cv2.CAP_PROP_FRAME_HEIGHT)) == (640, 480)
    assert fps == pytest.approx(30) and 90 <= frames / fps <= 180
    ok, frame = cap.read()
    assert ok and frame.shape == (480, 640, 3)
    segments = json.loads((DEMO / "demo_video_script.json").read_text())
    ends = [0.0]
    for seg in segments:
        assert ends[-1] <= seg["start"] < seg["end"] <= frames / fps
        ends.append(seg["end"])
    baskets = [seg["items"] for seg in segments]
    labels = set(labels_from_catalog(DEMO / "demo_catalog.csv"))
    assert all(set(b) <= labels for b in baskets)
    assert (
        baskets[0] == {} and baskets.count({}) >= 3
    )  # empty counter at start and between shoppers
    assert max(sum(b.values()) for b in baskets) >= 6


def test_demo_dataset_numbers_classes_as_the_bundled_model(tmp_path):
    out = tmp_path / "ds"
    argv = ["dataset", "--out", str(out), "--train", "0", "--val", "0", "--test", "1"]
    assert synth_main([*argv, "--independent", "0"]) == 0
    spec = json.loads((out / "dataset.yaml").read_text())
    model_labels = json.loads((DEMO / "labels.json").read_text())
    assert spec["names"] == labels_from_catalog(DEMO / "demo_catalog.csv")
    assert spec["names"] == model_labels["names"]
