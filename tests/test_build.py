"""``models.build``: which steps run, and the INT8 step on the real demo model and scenes."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from kiosk.detector import Detector
from models.build import build_parser, chosen_steps, train_argv
from models.build import main as build_main
from models.train import build_parser as train_parser

DEMO = Path(__file__).resolve().parent.parent / "models" / "demo"


def steps(*argv: str) -> list[str]:
    return chosen_steps(build_parser().parse_args(["--products", "p", "--out", "o", *argv]))


def test_int8_adds_the_quantize_step_and_named_steps_run_in_pipeline_order() -> None:
    assert steps() == ["dataset", "train", "export", "evaluate"]
    assert steps("--int8") == ["dataset", "train", "export", "quantize", "evaluate"]
    assert steps("--steps", "evaluate, export") == ["export", "evaluate"]
    with pytest.raises(SystemExit, match=r"unknown step\(s\) \['test'\]"):
        steps("--steps", "export,test")


def test_the_architecture_and_settings_reach_training(tmp_path: Path) -> None:
    def trained_with(*argv: str) -> argparse.Namespace:
        args = build_parser().parse_args(["--products", "p", "--out", "o", *argv])
        return train_parser().parse_args(train_argv(args, tmp_path / "ds", tmp_path / "r" / "d"))

    assert trained_with().model == "yolo26n.yaml"
    larger = trained_with("--model", "yolo26s.yaml", "--device", "0", "--amp", "--time", "0.5")
    assert (larger.model, larger.device, larger.amp, larger.time) == (
        "yolo26s.yaml",
        "0",
        True,
        0.5,
    )
    assert larger.data == str(tmp_path / "ds" / "dataset.yaml")
    assert (larger.project, larger.name) == (str(tmp_path / "r"), "d")
    assert larger.extra == []
    store = trained_with("--extra", "review/", "--extra", "more/")
    assert store.extra == ["review/", "more/"]


def test_int8_step_writes_a_drop_in_model_and_scores_it_beside_fp32(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "build"
    out.mkdir()
    shutil.copy(DEMO / "demo.onnx", out / "model.onnx")  # what the export step leaves
    argv = ["--products", str(DEMO / "exemplars"), "--catalog", str(DEMO / "demo_catalog.csv")]
    argv += ["--out", str(out), "--steps", "dataset,quantize,evaluate", "--workers", "1"]
    argv += ["--train", "1", "--val", "4", "--test", "6", "--independent", "6"]
    assert build_main(argv) == 0

    int8 = Detector(out / "model_int8.onnx", providers="cpu")
    assert int8.names == Detector(out / "model.onnx", providers="cpu").names
    said = capsys.readouterr().out
    assert "INT8 model written" in said and "calibrated on 64 frames" in said
    assert said.count("cAcc A") == 2  # the paired comparison on both scene sets
    for name, model in (("metrics.json", "model.onnx"), ("metrics_int8.json", "model_int8.onnx")):
        scored = json.loads((out / name).read_text())
        assert Path(scored["model"]).name == model
        assert str(out / "dataset" / "independent") in scored
        assert scored[str(out / "dataset")]["images"] == 6
        assert scored[str(out / "dataset")]["cAcc"] >= 0.5  # the demo model reads its scenes
    assert set(json.loads((out / "build_times.json").read_text())) == {
        "dataset",
        "quantize",
        "evaluate",
    }


def test_steps_that_lack_their_inputs_stop_before_anything_runs(tmp_path: Path) -> None:
    argv = ["--products", str(DEMO / "exemplars"), "--out", str(tmp_path), "--int8"]
    with pytest.raises(SystemExit) as stop:
        build_main([*argv, "--steps", "train,quantize,evaluate"])
    said = str(stop.value)
    assert f"the train step needs {tmp_path / 'dataset' / 'dataset.yaml'}" in said
    assert "which the export step writes: add export to --steps" in said
    assert "model_int8.onnx" not in said  # the quantize step is there to write it
    assert not (tmp_path / "build_times.json").exists()
    with pytest.raises(SystemExit, match=r"the export step needs .*best\.pt"):
        build_main([*argv, "--steps", "export"])
