"""The kiosk's object detector: a YOLO26 ONNX model run with ONNX Runtime.

Frames in (BGR uint8 of any size), :class:`~kiosk.detections.Detections` out, in source
pixels. Pre- and post-processing reproduce Ultralytics' predict exactly (see
``tests/golden/``) while staying a small fraction of the model's own run time: one reused
input tensor, no per-frame allocation beyond the outputs, numpy-vectorised decoding.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import onnxruntime as ort

from kiosk.decode import RawBoxes, decode_end2end, decode_raw, output_form
from kiosk.detections import Detections
from kiosk.detector_errors import (
    BadFrame,
    BadModelInput,
    MissingModelMetadata,
    ModelNotFound,
    NotADetectionModel,
    NotAnOnnxModel,
    ProviderUnavailable,
)
from kiosk.frame_input import as_bgr_uint8
from kiosk.letterbox import Letterbox
from kiosk.model_meta import ModelInfo, Names, read_model_info
from kiosk.providers import open_session

if TYPE_CHECKING:
    from kiosk.config_schema import DetectorSettings

__all__ = [
    "BadFrame",
    "BadModelInput",
    "DetectTiming",
    "Detector",
    "MissingModelMetadata",
    "ModelNotFound",
    "NotADetectionModel",
    "NotAnOnnxModel",
    "ProviderUnavailable",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DetectTiming:
    """Seconds spent in the last :meth:`Detector.detect` call, by stage."""

    pre: float = 0.0
    infer: float = 0.0
    post: float = 0.0

    @property
    def total(self) -> float:
        return self.pre + self.infer + self.post


class Detector:
    """Loads a detection ONNX model once and detects items in frames.

    ``providers``: ``"auto"`` (best available, CPU fallback), ``"cpu"``, ``"cuda"``,
    ``"tensorrt"``, ``"openvino"``. ``threads``: ONNX Runtime intra-op threads, 0 = its
    default. ``conf``: minimum score kept. ``imgsz`` and ``names`` override the model's
    metadata (needed only for models not exported by Ultralytics).
    One instance is not thread-safe (it reuses its input tensor): one inference thread owns it.
    """

    def __init__(
        self,
        model_path: str | Path,
        *,
        providers: str = "auto",
        threads: int = 0,
        conf: float = 0.25,
        imgsz: int | Sequence[int] | None = None,
        names: Names | None = None,
    ) -> None:
        self.model_path = Path(model_path)
        self.conf = float(conf)
        self.session = _load_session(self.model_path, providers, threads)
        self.info: ModelInfo = read_model_info(self.session, self.model_path, names, imgsz)
        self.letterbox = Letterbox(self.info.input_hw, self.info.input_dtype)
        self.last_timing = DetectTiming()
        self._feed = {self.info.input_name: self.letterbox.tensor}
        self._form, first_output = self._warm_up()
        self._bound = self._bind(first_output)

    @classmethod
    def from_settings(cls, settings: DetectorSettings, model_path: str | Path) -> Detector:
        """The detector as the kiosk runs it: keeps boxes down to the doubt level."""
        return cls(
            model_path,
            providers=settings.providers,
            threads=settings.threads,
            conf=settings.doubt_conf,
            imgsz=settings.imgsz or None,
        )

    @property
    def names(self) -> dict[int, str]:
        return self.info.names

    @property
    def imgsz(self) -> tuple[int, int]:
        """Model input (height, width)."""
        return self.info.input_hw

    @property
    def input_dtype(self) -> np.dtype:
        return self.info.input_dtype

    @property
    def providers(self) -> list[str]:
        """Execution providers actually in use, best first."""
        return list(self.session.get_providers())

    @property
    def output_form(self) -> str:
        """``"end2end"`` (model does NMS) or ``"raw"`` (we do NMS)."""
        return self._form

    def detect(self, image_bgr: np.ndarray) -> Detections:
        """Detections in ``image_bgr`` (source pixels, clipped), best score first.

        Raises :class:`BadFrame` for frames that cannot be read as an image.
        """
        start = time.perf_counter()
        image = as_bgr_uint8(image_bgr)
        geometry = self.letterbox(image)
        ran = time.perf_counter()
        output = self._run()
        decoded = time.perf_counter()
        raw = self.decode(output)
        xyxy = geometry.boxes_to_source(raw.xyxy)
        result = Detections(xyxy, raw.score, raw.class_id, self.info.names)
        done = time.perf_counter()
        self.last_timing = DetectTiming(ran - start, decoded - ran, done - decoded)
        return result

    def _run(self) -> np.ndarray:
        """One ``session.run`` on the letterboxed tensor: through the I/O binding when there
        is one (the output reused in place; decoding copies what it keeps)."""
        if self._bound is None:
            return self.session.run(None, self._feed)[0]
        binding, output = self._bound
        try:
            self.session.run_with_iobinding(binding)
        except Exception as exc:  # ORT's untyped errors: an output whose shape varies
            log.warning("bound run failed (%s); %s goes on with session.run", exc, self.model_path)
            self._bound = None
            return self.session.run(None, self._feed)[0]
        return output

    def _bind(self, output: np.ndarray) -> tuple[ort.IOBinding, np.ndarray] | None:
        """Bind the input tensor and one reused output array to the session, on the CPU.

        ``session.run`` wraps the input and allocates a new output on every call; bound, the
        session reads the tensor the letterbox fills in place and writes into one array.
        Models with several outputs, or running on another device, keep ``session.run``.
        """
        if self.providers != ["CPUExecutionProvider"] or len(self.session.get_outputs()) != 1:
            return None
        binding = self.session.io_binding()
        binding.bind_cpu_input(self.info.input_name, self.letterbox.tensor)
        reused = np.empty_like(output)
        binding.bind_output(
            self.session.get_outputs()[0].name,
            "cpu",
            0,
            reused.dtype,
            list(reused.shape),
            reused.ctypes.data,
        )
        return binding, reused

    def decode(self, output: np.ndarray) -> RawBoxes:
        """Boxes in model-input pixels from one raw output tensor."""
        output = output.astype(np.float32, copy=False)  # float16 exports
        if self._form == "end2end":
            return decode_end2end(output, self.conf)
        return decode_raw(output, self.conf)

    def _warm_up(self) -> tuple[str, np.ndarray]:
        """Run once on a blank frame: the first run allocates memory and picks kernels, and
        would otherwise land on the shopper's first item. Also learns the output form and
        returns the output (its shape and type are those of every run)."""
        height, width = self.info.input_hw
        self.letterbox(np.full((height, width, 3), 114, np.uint8))
        try:
            output = self.session.run(None, self._feed)[0]
        except Exception as exc:  # ORT raises its own untyped errors for shape mismatches
            raise BadModelInput(
                f"{self.model_path} failed on a {height}x{width} input ({exc}): "
                "check the imgsz setting against the size the model was exported with"
            ) from exc
        classes = None if self.info.end2end else len(self.info.names)
        form = output_form(tuple(output.shape), classes)
        if not form:
            raise NotADetectionModel(
                f"{self.model_path} outputs shape {tuple(output.shape)}: expected a YOLO "
                f"detection output (1, N, 6) or (1, 4 + {len(self.info.names)} classes, anchors); "
                "export a detection model, or fix the names list to match its classes"
            )
        log.info(
            "loaded %s (%s output, input %sx%s, %s)",
            self.model_path.name,
            form,
            height,
            width,
            ", ".join(self.providers),
        )
        return form, output


def _load_session(model_path: Path, providers: str, threads: int) -> ort.InferenceSession:
    if not model_path.exists():
        raise ModelNotFound(
            f"model file {model_path} does not exist: check the detector model setting "
            "(empty: the model installed with kiosk model install, else the bundled demo model)"
        )
    if not model_path.is_file():
        raise NotAnOnnxModel(f"{model_path} is a folder, not an ONNX model file: name the .onnx")
    try:
        return open_session(model_path, providers, threads)
    except ProviderUnavailable:
        raise
    except Exception as exc:
        raise NotAnOnnxModel(
            f"{model_path} is not a readable ONNX model ({type(exc).__name__}: "
            f"{str(exc)[:200]}): re-export it (`yolo export model=best.pt format=onnx`) "
            "or copy it again if it was truncated"
        ) from exc
