"""INT8: the quantized model runs in the detector, and the comparison report is real."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.detector import Detector
from kiosk.quantize import QuantizationUnavailable, compare_models, match_detections, quantize_model

GOLDEN = Path(__file__).parent / "golden"
FP32 = GOLDEN / "models" / "tiny_raw.onnx"
INT8 = GOLDEN / "models" / "tiny_raw_int8.onnx"
IMAGES = sorted((GOLDEN / "images").glob("*.png"))
HAS_ONNX = importlib.util.find_spec("onnx") is not None


def test_int8_model_keeps_metadata_and_float_io():
    detector = Detector(INT8, conf=0.1)
    assert detector.names == Detector(FP32).names
    assert detector.input_dtype == np.float32 and detector.output_form == "raw"
    assert len(detector.detect(cv2.imread(str(GOLDEN / "images" / "landscape_640x480.png")))) > 0


def test_int8_graph_really_is_quantized():
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(str(INT8), options, providers=["CPUExecutionProvider"])
    assert session.get_modelmeta().custom_metadata_map["task"] == "detect"
    assert INT8.stat().st_size < FP32.stat().st_size


def test_compare_reports_speed_and_agreement():
    frames = [cv2.imread(str(p)) for p in IMAGES[:3]]
    report = compare_models(FP32, FP32, frames, conf=0.3)  # a model agrees with itself
    agreement = report["agreement"]
    assert agreement["recall"] == 1.0 and agreement["precision"] == 1.0
    assert agreement["mean_iou"] == pytest.approx(1.0)
    assert report["run_speedup"] > 0 and report["eval_frames"] == 3


def test_match_needs_same_class_and_overlap():
    detector = Detector(FP32, conf=0.3)
    found = detector.detect(cv2.imread(str(GOLDEN / "images" / "landscape_640x480.png")))
    shifted = found.__class__(found.xyxy + 500, found.score, found.class_id, found.names)
    assert match_detections(found, found)[0] == len(found)
    assert match_detections(found, shifted)[0] == 0


def test_without_onnx_quantize_says_what_to_install(tmp_path, monkeypatch):
    # Hide the onnx package the way a lean kiosk install lacks it: a None entry in
    # sys.modules makes ``import onnx`` raise ImportError.
    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(QuantizationUnavailable, match=r"needs the onnx package.*\[train\]"):
        quantize_model(FP32, [], tmp_path / "out.onnx")


@pytest.mark.skipif(not HAS_ONNX, reason="needs the onnx package (train extra)")
def test_quantize_writes_a_working_int8_model(tmp_path):
    frames = [cv2.imread(str(p)) for p in IMAGES]
    out = quantize_model(FP32, frames, tmp_path / "int8.onnx")
    assert Detector(out).names == Detector(FP32).names
    quantized = quantized_convs(out)
    assert quantized["/model.0/conv/Conv"] is False  # the stem reads the pixels in float
    assert sum(quantized.values()) >= len(quantized) // 2  # the body runs in INT8
    assert quantized["/model.23/cv3.0/cv3.0.2/Conv"] is False  # class logits stay float
    assert splits_keep_their_scale(out)  # so onnxruntime runs them on the uint8 tensors


def splits_keep_their_scale(model: Path) -> bool:
    """Whether every Split of a QDQ model is quantized: its outputs are quantized with the
    scale its input was dequantized with, which lets onnxruntime drop the pairs and split the
    uint8 tensor itself. A Split left in float gets its own output scales from calibration."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(model)).graph
    made_by = {output: node for node in graph.node for output in node.output}
    constants = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    splits = [node for node in graph.node if node.op_type == "Split"]
    assert splits, "the test model has C3k2 splits"
    for split in splits:
        source = made_by.get(split.input[0])
        if source is None or source.op_type != "DequantizeLinear":
            return False
        scale = constants[source.input[1]]
        for output in split.output:
            for after in consumers.get(output, []):
                if after.op_type != "QuantizeLinear" or constants[after.input[1]] != scale:
                    return False
    return True


def quantized_convs(model: Path) -> dict[str, bool]:
    """Each Conv of a QDQ model: whether its weights come through a DequantizeLinear."""
    import onnx

    graph = onnx.load(str(model)).graph
    made_by = {output: node.op_type for node in graph.node for output in node.output}
    return {
        node.name: made_by.get(node.input[1]) == "DequantizeLinear"
        for node in graph.node
        if node.op_type == "Conv"
    }
