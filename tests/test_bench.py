"""``kiosk bench`` on the real tiny ONNX models: one run, three contenders, honest keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.bench import BenchReport, format_report, run_bench, source_frames, synthetic_frames
from kiosk.cli import main
from kiosk.detector import Detector

GOLDEN = Path(__file__).parent / "golden"
MODEL = GOLDEN / "models" / "tiny_raw.onnx"


@pytest.fixture(scope="module")
def report() -> BenchReport:
    detector = Detector(MODEL, conf=0.25)
    return run_bench(detector, synthetic_frames(4), rounds=2, use_ultralytics=False)


def test_report_measures_every_frame_of_every_round(report):
    assert report.frames == 4 and report.rounds == 2
    assert report.ort.fps > 0 and report.ours.fps > 0
    assert report.ours.p50_ms <= report.ours.p95_ms
    assert report.pre_ms > 0 and report.infer_ms > 0 and report.post_ms > 0


def test_json_has_the_agreed_keys(report):
    data = report.to_json()
    assert data["ultralytics_fps"] is None and data["ours_vs_ultralytics"] is None
    assert data["ours_fps"] == report.ours.fps and data["ort_fps"] == report.ort.fps
    share = (report.pre_ms + report.post_ms) / report.infer_ms
    assert data["pre_post_share"] == pytest.approx(share, abs=1e-3)
    assert "ultralytics not installed" in data["notes"][0]


def test_text_report_names_the_stages(report):
    text = format_report(report)
    assert "session.run only" in text and "kiosk detector" in text
    assert "ultralytics predict" not in text
    assert "of session.run" in text


def test_frames_come_from_a_folder_looping_when_short():
    frames = source_frames(str(GOLDEN / "images"), 12)
    assert len(frames) == 12
    count = len(list((GOLDEN / "images").glob("*.png")))
    assert frames[0].shape == frames[count].shape  # all images, then round again


def test_bench_command_prints_one_json_object(capsys):
    argv = ["bench", "--model", str(MODEL), "--frames", "2", "--rounds", "1", "--json"]
    assert main([*argv, "--no-ultralytics", "--providers", "cpu", "--threads", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"ours_fps", "ort_fps", "ultralytics_fps", "pre_post_share"} <= data.keys()
    assert data["frames"] == 2 and data["imgsz"] == list(Detector(MODEL).imgsz)


def test_cpu_clock_is_reported():
    detector = Detector(MODEL, conf=0.25, threads=1)
    report = run_bench(detector, synthetic_frames(2), rounds=1, use_ultralytics=False, clock="cpu")
    assert report.to_json()["clock"] == "cpu" and report.ours.fps > 0
