"""The detector on real ONNX files: loading, metadata, output forms, dtypes, errors."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.detector import (
    BadModelInput,
    Detector,
    MissingModelMetadata,
    ModelNotFound,
    NotADetectionModel,
    NotAnOnnxModel,
    ProviderUnavailable,
)
from kiosk.errors import KioskError
from kiosk.providers import resolve_providers

GOLDEN = Path(__file__).parent / "golden"
MODELS = GOLDEN / "models"
BROKEN = MODELS / "broken"
HD = GOLDEN / "images" / "hd_1280x720.png"
PORTRAIT = GOLDEN / "images" / "portrait_480x800.png"


@pytest.fixture(scope="module")
def e2e() -> Detector:
    return Detector(MODELS / "tiny_e2e.onnx", conf=0.1, providers="cpu")


def test_metadata_gives_names_size_and_dtype(e2e):
    assert e2e.names[0] == "cola-can" and len(e2e.names) == 16
    assert e2e.imgsz == (320, 320)
    assert e2e.input_dtype == np.float32
    assert e2e.providers == ["CPUExecutionProvider"]


def test_boxes_are_in_source_pixels_and_clipped(e2e):
    image = cv2.imread(str(PORTRAIT))
    found = e2e.detect(image)
    assert len(found) > 0
    assert found.xyxy.dtype == np.float32 and found.class_id.dtype == np.int32
    assert found.xyxy[:, [0, 2]].min() >= 0 and found.xyxy[:, [0, 2]].max() <= 480
    assert found.xyxy[:, [1, 3]].min() >= 0 and found.xyxy[:, [1, 3]].max() <= 800
    assert found.xyxy[:, 3].max() > 320  # beyond the model's 320 px: mapped back, not raw
    assert np.all(np.diff(found.score) <= 0)  # best first


def test_conf_filters_scores():
    low = Detector(MODELS / "tiny_raw.onnx", conf=0.1).detect(cv2.imread(str(PORTRAIT)))
    high = Detector(MODELS / "tiny_raw.onnx", conf=0.6).detect(cv2.imread(str(PORTRAIT)))
    assert len(high) < len(low)
    assert high.score.min() > 0.6


def test_timing_breakdown_is_recorded(e2e):
    e2e.detect(cv2.imread(str(HD)))
    timing = e2e.last_timing
    assert timing.pre > 0 and timing.infer > 0 and timing.post > 0
    assert timing.total == pytest.approx(timing.pre + timing.infer + timing.post)


def test_float16_model_reads_dtype_and_agrees_with_float32(e2e):
    half = Detector(MODELS / "tiny_e2e_fp16.onnx", conf=0.1)
    assert half.input_dtype == np.float16
    image = cv2.imread(str(HD))
    ours, reference = half.detect(image), e2e.detect(image)
    assert ours.xyxy.dtype == np.float32
    assert abs(len(ours) - len(reference)) <= 2
    assert np.abs(ours.xyxy[0] - reference.xyxy[0]).max() < 1.0  # best box, half precision
    assert abs(ours.score[0] - reference.score[0]) < 0.01


def test_names_override_wins(e2e):
    names = [f"item-{i}" for i in range(16)]
    detector = Detector(MODELS / "tiny_e2e.onnx", conf=0.1, names=names)
    assert detector.names[15] == "item-15"
    assert detector.detect(cv2.imread(str(HD))).labels[0].startswith("item-")


def test_wrong_imgsz_for_fixed_model_is_refused():
    with pytest.raises(BadModelInput, match=r"tiny_e2e.onnx has a fixed input size 320x320"):
        Detector(MODELS / "tiny_e2e.onnx", imgsz=640)


@pytest.mark.parametrize(
    ("model", "error", "message"),
    [
        ("missing.onnx", ModelNotFound, r"missing.onnx does not exist: check the detector model"),
        ("rank2_input.onnx", BadModelInput, r"rank2_input.onnx takes .*shape \(1, 3, height"),
        ("uint8_input.onnx", BadModelInput, r"uint8_input.onnx expects tensor\(uint8\) input"),
        ("classifier_output.onnx", NotADetectionModel, r"outputs shape \(1, 3\): expected a YOLO"),
        ("classify_task.onnx", NotADetectionModel, r"is a 'classify' model: the kiosk needs"),
        ("no_names.onnx", MissingModelMetadata, r"no_names.onnx has no class names.*--names"),
        ("dynamic_no_imgsz.onnx", MissingModelMetadata, r"dynamic input size.*--imgsz"),
    ],
)
def test_unusable_models_fail_at_load_naming_file_and_fix(model, error, message):
    with pytest.raises(error, match=message) as caught:
        Detector(BROKEN / model)
    assert isinstance(caught.value, KioskError)


def test_garbage_file_is_not_an_onnx_model(tmp_path):
    bogus = tmp_path / "model.onnx"
    bogus.write_bytes(b"\x00not an onnx model" * 10)
    with pytest.raises(NotAnOnnxModel, match=r"model.onnx is not a readable ONNX model.*re-export"):
        Detector(bogus)


def test_truncated_model_is_not_an_onnx_model(tmp_path):
    truncated = tmp_path / "cut.onnx"
    truncated.write_bytes((MODELS / "tiny_e2e.onnx").read_bytes()[:50_000])
    with pytest.raises(NotAnOnnxModel, match=r"cut\.onnx is not a readable ONNX model"):
        Detector(truncated)


def test_folder_is_not_an_onnx_model(tmp_path):
    with pytest.raises(NotAnOnnxModel, match="is a folder"):
        Detector(tmp_path)


def test_dynamic_model_with_imgsz_override_loads_until_decoding():
    with pytest.raises(NotADetectionModel):  # input size accepted; output is no detector's
        Detector(BROKEN / "dynamic_no_imgsz.onnx", imgsz=64)


def test_missing_provider_is_an_error_naming_the_fix():
    with pytest.raises(ProviderUnavailable, match=r"'cuda' is not available.*onnxruntime-gpu"):
        Detector(MODELS / "tiny_e2e.onnx", providers="cuda")


def test_auto_ranks_accelerators_and_ends_on_cpu():
    available = ["TensorrtExecutionProvider", "CUDAExecutionProvider", "CPUExecutionProvider"]
    assert resolve_providers("auto", available) == [
        "CUDAExecutionProvider",
        "TensorrtExecutionProvider",
        "CPUExecutionProvider",
    ]
    assert resolve_providers("auto", ["CPUExecutionProvider"]) == ["CPUExecutionProvider"]


def test_provider_list_skips_missing_ones(caplog):
    available = ["OpenVINOExecutionProvider", "CPUExecutionProvider"]
    chosen = resolve_providers("cuda, openvino", available)
    assert chosen == ["OpenVINOExecutionProvider", "CPUExecutionProvider"]
    assert "CUDAExecutionProvider is not installed" in caplog.text


def test_threads_setting_reaches_the_session():
    detector = Detector(MODELS / "tiny_e2e.onnx", threads=1)
    assert detector.session.get_session_options().intra_op_num_threads == 1


def test_bound_runs_match_plain_session_runs_frame_after_frame() -> None:
    """The detector binds its input tensor and one reused output to the session: each frame
    still gives what a plain ``session.run`` gives, and detections already returned are not
    overwritten by the next frame's run."""
    from kiosk.config import bundled_model_path, demo_video_path

    detector = Detector(bundled_model_path(), providers="cpu")
    assert detector._bound is not None  # the CPU path binds
    video = cv2.VideoCapture(str(demo_video_path()))
    frames = []
    for index in range(260):
        ok, frame = video.read()
        assert ok
        if index % 40 == 30:  # items come and go: different outputs
            frames.append(frame)
    video.release()
    kept = []
    for frame in frames:
        found = detector.detect(frame)
        kept.append((found, found.xyxy.copy(), found.score.copy()))
        geometry = detector.letterbox(frame)
        plain = detector.session.run(None, {detector.info.input_name: detector.letterbox.tensor})
        expected = detector.decode(plain[0])
        np.testing.assert_array_equal(found.xyxy, geometry.boxes_to_source(expected.xyxy.copy()))
        np.testing.assert_array_equal(found.score, expected.score)
    assert len({len(found) for found, _, _ in kept}) > 1
    for found, xyxy, score in kept:  # untouched by the runs that followed
        np.testing.assert_array_equal(found.xyxy, xyxy)
        np.testing.assert_array_equal(found.score, score)
