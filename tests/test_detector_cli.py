"""``kiosk detect``: JSON lines per frame from images, folders and videos."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.cli import main
from kiosk.model_meta import load_names

GOLDEN = Path(__file__).parent / "golden"
MODEL = GOLDEN / "models" / "tiny_raw.onnx"
IMAGES = GOLDEN / "images"
CATALOG = GOLDEN.parents[1] / "models" / "demo" / "demo_catalog.csv"


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_folder_gives_one_line_per_image_in_the_agreed_format(tmp_path):
    out, drawn = tmp_path / "out.jsonl", tmp_path / "drawn"
    argv = ["detect", str(IMAGES), "--model", str(MODEL), "--conf", "0.5"]
    assert main([*argv, "--jsonl", str(out), "--save-annotated", str(drawn)]) == 0
    lines = read_lines(out)
    count = len(list(IMAGES.glob("*.png")))
    assert [line["frame"] for line in lines] == list(range(count))
    assert all(list(line) == ["frame", "t", "width", "height", "detections"] for line in lines)
    sizes = {(line["width"], line["height"]) for line in lines}
    assert (1280, 720) in sizes and (37, 23) in sizes
    rows = [row for line in lines for row in line["detections"]]
    assert rows and all(list(row) == ["label", "class_id", "score", "box"] for row in rows)
    assert all(row["score"] > 0.5 and len(row["box"]) == 4 for row in rows)
    assert {row["label"] for row in rows} <= set(load_names(CATALOG).values())
    assert len(list(drawn.glob("frame_*.jpg"))) == count


def test_video_frames_carry_their_time(tmp_path):
    video = tmp_path / "counter.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (160, 120))
    for i in range(5):
        writer.write(np.full((120, 160, 3), 40 * i, np.uint8))
    writer.release()
    out = tmp_path / "out.jsonl"
    assert main(["detect", str(video), "--model", str(MODEL), "--jsonl", str(out)]) == 0
    lines = read_lines(out)
    assert [line["t"] for line in lines] == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])
    assert {(line["width"], line["height"]) for line in lines} == {(160, 120)}


def test_single_image_to_stdout(capsys):
    image = IMAGES / "square_320.png"
    assert main(["detect", str(image), "--model", str(MODEL), "--conf", "0.9"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["width"] == 320


def test_missing_model_is_a_clear_error(capsys, tmp_path):
    assert main(["detect", str(IMAGES), "--model", str(tmp_path / "nope.onnx")]) == 1
    assert "nope.onnx does not exist" in capsys.readouterr().err
