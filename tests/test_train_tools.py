"""The training script's offline helpers, which run without Ultralytics installed."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from models.build import build_parser as build_build_parser
from models.export import frame_size, input_hw, trained_imgsz
from models.synth.scene import TRAIN_STYLE
from models.train import _results_csv, build_parser, class_order_problem, train_settings


def test_results_csv_reads_columns_without_polars(tmp_path: Path) -> None:
    csv_file = tmp_path / "results.csv"
    csv_file.write_text(
        "epoch,time,metrics/mAP50-95(B)\n1,28.1,0.92142\n2,36.3,0.92251\n", encoding="utf-8"
    )
    columns = _results_csv(SimpleNamespace(csv=csv_file))
    assert columns == {
        "epoch": [1.0, 2.0],
        "time": [28.1, 36.3],
        "metrics/mAP50-95(B)": [0.92142, 0.92251],
    }


def test_results_csv_is_empty_when_missing_or_torn(tmp_path: Path) -> None:
    assert _results_csv(SimpleNamespace(csv=tmp_path / "absent.csv")) == {}
    torn = tmp_path / "results.csv"
    torn.write_text("epoch,time\n1,28.1\n2,", encoding="utf-8")
    assert _results_csv(SimpleNamespace(csv=torn)) == {}


def test_amp_is_opt_in() -> None:
    parser = build_parser()
    assert parser.parse_args(["--data", "d.yaml"]).amp is False
    assert parser.parse_args(["--data", "d.yaml", "--amp", "--device", "0"]).amp is True


def test_class_order_must_match_to_train_further() -> None:
    model = {0: "cola-can", 1: "cherry-cola-can", 2: "apple"}
    assert class_order_problem(model, ["cola-can", "cherry-cola-can", "apple"]) is None
    reordered = class_order_problem(model, ["apple", "cherry-cola-can", "cola-can"])
    assert reordered is not None
    assert "class 0 is 'apple' there, 'cola-can' in the model" in reordered
    assert "--catalog" in reordered
    # other products: the weights are a starting point, the new head learns their names
    assert class_order_problem(model, ["cola-can", "cherry-cola-can", "pear"]) is None
    assert class_order_problem(model, ["pear", "plum"]) is None


def test_export_takes_the_size_the_weights_were_trained_at() -> None:
    assert trained_imgsz({"train_args": {"imgsz": 416, "epochs": 37}}, Path("best.pt")) == 416
    for checkpoint in (None, {}, {"train_args": None}, {"train_args": {"imgsz": [416, 416]}}):
        with pytest.raises(SystemExit, match=r"best\.pt does not record .*pass --imgsz"):
            trained_imgsz(checkpoint, Path("best.pt"))


def test_input_takes_the_frames_shape_with_the_same_scale() -> None:
    assert input_hw(416) == (416, 416)
    assert input_hw(416, (640, 480)) == (320, 416)  # 312 rounds to the stride
    assert input_hw(480, (640, 480)) == (352, 480)
    assert input_hw(480, (1280, 720)) == (256, 480)
    assert input_hw(480, (480, 640)) == (480, 352)  # a camera turned upright
    assert input_hw(64, (4000, 100)) == (32, 64)  # never below one stride
    with pytest.raises(SystemExit, match="420 is not a multiple of 32"):
        input_hw(420, (640, 480))


def test_frame_size_is_width_by_height() -> None:
    assert frame_size("640x480") == (640, 480)
    assert frame_size("1280X720") == (1280, 720)
    for bad in ("640", "640x", "axb", "640x480x3"):
        with pytest.raises(argparse.ArgumentTypeError, match="is not WIDTHxHEIGHT"):
            frame_size(bad)
    with pytest.raises(argparse.ArgumentTypeError, match="must be positive"):
        frame_size("0x480")


def test_build_exports_for_the_scenes_frame_size(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_build_parser().parse_args(["--products", "p", "--out", "o"])
    assert args.frame == (TRAIN_STYLE.width, TRAIN_STYLE.height)
    with pytest.raises(SystemExit):  # before any scene is drawn or epoch trained
        build_build_parser().parse_args(["--products", "p", "--out", "o", "--frame", "640"])
    assert "argument --frame: '640' is not WIDTHxHEIGHT" in capsys.readouterr().err


def test_a_gentle_fine_tune_reaches_ultralytics_with_its_learning_rate() -> None:
    parser = build_parser()
    default = train_settings(parser.parse_args(["--data", "d.yaml"]))
    assert default["optimizer"] == "auto"
    assert default["pretrained"] is False
    assert "time" not in default
    fine_tune = "--data d.yaml --weights demo.pt --optimizer SGD --lr0 0.001 --lrf 0.1"
    gentle = train_settings(
        parser.parse_args([*fine_tune.split(), "--warmup-epochs", "0", "--time", "1.5"])
    )
    assert (gentle["optimizer"], gentle["lr0"], gentle["lrf"]) == ("SGD", 0.001, 0.1)
    assert gentle["warmup_epochs"] == 0.0
    assert gentle["pretrained"] is True
    assert gentle["time"] == 1.5
    assert gentle["data"] == str(Path("d.yaml").resolve())
    # printed text must never be learnt mirrored
    assert gentle["fliplr"] == 0.0
    # AMP is for GPUs only, whatever the command line says
    assert train_settings(parser.parse_args(["--data", "d.yaml", "--amp"]))["amp"] is False


def test_extra_folders_join_the_training_images_and_must_share_the_classes(tmp_path: Path) -> None:
    from models.train import with_extra

    scenes = tmp_path / "scenes"
    names = ["cola-can", "apple"]
    scenes.mkdir()
    layout = {"path": str(scenes), "train": "images/train", "val": "images/val", "names": names}
    (scenes / "dataset.yaml").write_text(json.dumps(layout))
    store = tmp_path / "store"
    (store / "images").mkdir(parents=True)
    (store / "data.yaml").write_text(json.dumps({"train": "images", "names": names}))
    merged = with_extra(scenes / "dataset.yaml", [str(store)], 3, tmp_path / "run-dataset.yaml")
    data = json.loads(merged.read_text())
    assert data["train"] == [str(scenes / "images/train")] + [str(store / "images")] * 3
    assert data["val"] == [str(scenes / "images/val")] and data["names"] == names

    (store / "data.yaml").write_text(json.dumps({"names": ["apple", "cola-can"]}))
    with pytest.raises(SystemExit, match="classes differ"):
        with_extra(scenes / "dataset.yaml", [str(store)], 1, tmp_path / "x.yaml")
    with pytest.raises(SystemExit, match="kiosk captures export"):
        with_extra(scenes / "dataset.yaml", [str(tmp_path)], 1, tmp_path / "x.yaml")
