"""Static INT8 quantization of a detection model, calibrated on real counter frames.

ONNX Runtime's QDQ format, per-channel weights, activations calibrated (MinMax) on frames
letterboxed exactly as the detector will see them. Three places stay in float:
- the stem, the first convolution, which reads the pixels themselves (quantized, it cost
  the demo model 0.9 points of checkout accuracy on its independent test scenes; kept in
  float, 0.2–0.4, at the same speed);
- the last convolution of each detection branch (a tiny share of the compute): it produces
  the box distances and class logits that scores and boxes depend on directly;
- the decoding ops after it: one uint8 scale for the tensor that joins pixel boxes and 0-1
  scores would wipe out the scores.

Needs the ``onnx`` package (the ``train`` extra); the INT8 model it writes runs with plain
onnxruntime. The report compares speed and detections against the fp32 model on held-out
frames (every other frame of the source, the calibration set being the rest).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort

from kiosk.bench import source_frames
from kiosk.detections import Detections, iou_matrix
from kiosk.detector import Detector
from kiosk.errors import KioskError

HEAD_OUTPUT_CONV = re.compile(r"^(/model\.\d+/)(one2one_)?cv[23]\.\d+/(one2one_)?cv[23]\.\d+\.2/")
HEAD_INNER_LAYER = re.compile(r"/(one2one_)?cv[23]\.\d+\.[01][./]")
STEM = "/model.0/"
# Split too: left out, each of the network's 11 splits ran in float between a dequantize and
# two quantizes (about 0.5 ms of a 9.5 ms run); quantized, it keeps its input's scale and
# runs on the uint8 tensor as it is.
QUANTIZED_OPS = ["Conv", "MatMul", "Mul", "Add", "Sigmoid", "Concat", "MaxPool", "Resize", "Split"]


class QuantizationUnavailable(KioskError):
    """The packages that write quantized models are not installed."""


def quantize_model(model: Path, frames: list[np.ndarray], out: Path) -> Path:
    """Write an INT8 QDQ copy of ``model`` calibrated on ``frames``; keeps its metadata."""
    try:
        import onnx
        from onnxruntime.quantization import (
            CalibrationDataReader,
            CalibrationMethod,
            QuantFormat,
            QuantType,
            quantize_static,
        )
        from onnxruntime.quantization.shape_inference import quant_pre_process
    except ImportError as exc:
        raise QuantizationUnavailable(
            f"quantizing needs the onnx package ({exc}): install the kiosk's train extra "
            "(pip install 'vision-checkout-kiosk[train]') and run kiosk quantize again"
        ) from exc

    detector = Detector(model, providers="cpu")
    tensors = [letterboxed(detector, frame) for frame in frames]

    class Frames(CalibrationDataReader):
        def __init__(self) -> None:
            self._feeds = iter({detector.info.input_name: t} for t in tensors)

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self._feeds, None)

    source = onnx.load(str(model))
    excluded = float_nodes([n.name for n in source.graph.node])
    with tempfile.TemporaryDirectory() as tmp:
        prepared = Path(tmp) / "prepared.onnx"
        quant_pre_process(str(model), str(prepared), skip_symbolic_shape=True)
        quantize_static(
            str(prepared),
            str(out),
            Frames(),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            op_types_to_quantize=QUANTIZED_OPS,
            nodes_to_exclude=excluded,
            calibrate_method=CalibrationMethod.MinMax,
        )
    quantized = onnx.load(str(out))
    onnx.helper.set_model_props(quantized, {p.key: p.value for p in source.metadata_props})
    onnx.save(quantized, str(out))
    return out


def float_nodes(names: list[str]) -> list[str]:
    """The nodes that stay in float: the stem, and the detection head's output convolutions
    with everything after them (box decoding, sigmoid, the concat of pixel boxes with 0-1
    scores, top-k).

    One uint8 scale cannot serve a tensor that holds both 0-640 px boxes and 0-1 scores.
    """
    heads = {m.group(1) for name in names if (m := HEAD_OUTPUT_CONV.match(name))}

    def head_tail(name: str) -> bool:
        return any(name.startswith(head) for head in heads) and not HEAD_INNER_LAYER.search(name)

    return [name for name in names if name.startswith(STEM) or head_tail(name)]


def letterboxed(detector: Detector, frame: np.ndarray) -> np.ndarray:
    detector.letterbox(frame)
    return detector.letterbox.tensor.copy()


def quantize_and_compare(
    model: Path,
    calib_source: str,
    out: Path | None = None,
    *,
    calib_frames: int = 64,
    eval_frames: int = 64,
    conf: float = 0.25,
    frame_step: int = 15,
) -> dict[str, object]:
    """Quantize, then measure speed and agreement with fp32 on held-out frames."""
    frames = source_frames(calib_source, 2 * max(calib_frames, eval_frames), step=frame_step)
    out = out or model.with_name(model.stem + "_int8.onnx")
    start = time.perf_counter()
    quantize_model(model, frames[0::2][:calib_frames], out)
    seconds = time.perf_counter() - start
    report = compare_models(model, out, frames[1::2][:eval_frames], conf)
    report.update(
        calib_source=calib_source, calib_frames=calib_frames, quantize_s=round(seconds, 1)
    )
    return report


def compare_models(
    fp32: Path, int8: Path, frames: list[np.ndarray], conf: float
) -> dict[str, object]:
    """Speed (session.run and end to end, interleaved) and detection agreement."""
    reference = Detector(fp32, conf=conf, providers="cpu")
    candidate = Detector(int8, conf=conf, providers="cpu")
    tensors = [letterboxed(reference, f) for f in frames]
    run = {"fp32": [], "int8": []}  # type: dict[str, list[float]]
    e2e = {"fp32": [], "int8": []}  # type: dict[str, list[float]]
    matches = np.zeros(3)
    ious: list[float] = []
    for frame, tensor in zip(frames, tensors, strict=True):
        for name, detector in (("fp32", reference), ("int8", candidate)):
            run[name].append(_timed_run(detector.session, detector.info.input_name, tensor))
        want = _timed_detect(reference, frame, e2e["fp32"])
        got = _timed_detect(candidate, frame, e2e["int8"])
        frame_matched, frame_ious = match_detections(want, got)
        matches += (frame_matched, len(want), len(got))
        ious += frame_ious
    matched, wanted, found = (float(v) for v in matches)
    recall = matched / wanted if wanted else None
    precision = matched / found if found else None
    return {
        "model": str(fp32),
        "int8_model": str(int8),
        "size_mb": {"fp32": _mb(fp32), "int8": _mb(int8)},
        "eval_frames": len(frames),
        "run_ms": {k: round(float(np.mean(v)) * 1000, 2) for k, v in run.items()},
        "run_speedup": round(float(np.mean(run["fp32"]) / np.mean(run["int8"])), 3),
        "detect_fps": {k: round(1.0 / float(np.mean(v)), 2) for k, v in e2e.items()},
        "detect_speedup": round(float(np.mean(e2e["fp32"]) / np.mean(e2e["int8"])), 3),
        "agreement": {
            "fp32_detections": int(wanted),
            "int8_detections": int(found),
            "recall": _round(recall),
            "precision": _round(precision),
            "f1": _round(2 * recall * precision / (recall + precision or 1.0))
            if recall is not None and precision is not None
            else None,
            "mean_iou": round(float(np.mean(ious)), 4) if ious else None,
        },
        "providers": ort.get_available_providers(),
    }


def match_detections(want: Detections, got: Detections, iou: float = 0.5) -> tuple[int, list]:
    """Greedy one-to-one matches (same class, IoU >= ``iou``), best fp32 score first."""
    free = np.ones(len(got), bool)
    ious = []
    for box, cls in zip(want.xyxy, want.class_id, strict=True):
        overlap = np.where(free & (got.class_id == cls), _iou(box, got.xyxy), 0.0)
        if len(overlap) and overlap.max() >= iou:
            best = int(overlap.argmax())
            free[best] = False
            ious.append(float(overlap[best]))
    return len(ious), ious


def _iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    iou = iou_matrix(box[None], boxes)[0]
    return np.where(np.all(boxes == box, axis=1), 1.0, iou)  # also flat boxes clipped at edges


def _timed_run(session: ort.InferenceSession, name: str, tensor: np.ndarray) -> float:
    start = time.perf_counter()
    session.run(None, {name: tensor})
    return time.perf_counter() - start


def _timed_detect(detector: Detector, frame: np.ndarray, sink: list[float]) -> Detections:
    start = time.perf_counter()
    found = detector.detect(frame)
    sink.append(time.perf_counter() - start)
    return found


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _mb(path: Path) -> float:
    return round(path.stat().st_size / 1e6, 2)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def format_quantize_report(report: dict) -> str:
    agreement = report["agreement"]
    return "\n".join(
        [
            f"INT8 model written: {report['int8_model']} ({report['size_mb']['int8']} MB, "
            f"fp32 {report['size_mb']['fp32']} MB), calibrated on {report['calib_frames']} "
            f"frames of {report['calib_source']} in {report['quantize_s']} s",
            f"session.run: fp32 {report['run_ms']['fp32']} ms, int8 {report['run_ms']['int8']} ms"
            f" -> {report['run_speedup']}x",
            f"detector end to end: fp32 {report['detect_fps']['fp32']} fps, int8 "
            f"{report['detect_fps']['int8']} fps -> {report['detect_speedup']}x",
            f"agreement with fp32 on {report['eval_frames']} held-out frames: "
            f"{agreement['fp32_detections']} fp32 / {agreement['int8_detections']} int8 "
            f"detections, recall {_pct(agreement['recall'])}, precision "
            f"{_pct(agreement['precision'])}, F1 {_pct(agreement['f1'])}, "
            f"mean IoU {agreement['mean_iou']}",
        ]
    )
