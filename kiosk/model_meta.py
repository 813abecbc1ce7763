"""What the kiosk needs to know about a detection model, read from the ONNX file itself.

Ultralytics writes ``names``, ``imgsz``, ``stride``, ``task`` and ``end2end`` into the ONNX
metadata; ONNX Runtime exposes them without the ``onnx`` package. Models from elsewhere may
lack them, so ``names`` and ``imgsz`` can be given explicitly (they win over the file).
"""

from __future__ import annotations

import ast
import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort

from kiosk.detector_errors import BadModelInput, MissingModelMetadata, NotADetectionModel

INPUT_DTYPES = {"tensor(float)": np.float32, "tensor(float16)": np.float16}
Names = Mapping[int, str] | Sequence[str]


@dataclass(frozen=True)
class ModelInfo:
    """The facts about a model that pre- and post-processing depend on."""

    names: dict[int, str]
    input_hw: tuple[int, int]
    input_name: str
    input_dtype: np.dtype
    stride: int
    end2end: bool | None


def read_model_info(
    session: ort.InferenceSession,
    model_path: Path,
    names: Names | None = None,
    imgsz: int | Sequence[int] | None = None,
) -> ModelInfo:
    meta = session.get_modelmeta().custom_metadata_map
    task = meta.get("task", "detect")
    if task != "detect":
        raise NotADetectionModel(
            f"{model_path} is a {task!r} model: the kiosk needs a detection model "
            "(export one with `yolo export model=best.pt format=onnx`)"
        )
    if len(session.get_outputs()) != 1:
        raise NotADetectionModel(
            f"{model_path} has {len(session.get_outputs())} outputs: a detection model has one "
            "(segmentation and pose models are not supported)"
        )
    model_input = _single_image_input(session, model_path)
    return ModelInfo(
        names=_names(meta, names, model_path),
        input_hw=_input_hw(meta, imgsz, model_input.shape, model_path),
        input_name=model_input.name,
        input_dtype=np.dtype(INPUT_DTYPES[model_input.type]),
        stride=int(meta.get("stride", 32)),
        end2end=ast.literal_eval(meta["end2end"]) if "end2end" in meta else None,
    )


def load_names(path: str | Path) -> dict[int, str]:
    """Class names from a text file (one per line) or a catalog CSV with a ``labels`` column."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8") as fh:
            labels = [row["labels"].strip() for row in csv.DictReader(fh)]
    else:
        labels = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return dict(enumerate(label for label in labels if label))


def _single_image_input(session: ort.InferenceSession, model_path: Path) -> ort.NodeArg:
    inputs = session.get_inputs()
    first = inputs[0]
    shape = first.shape
    bad_channels = len(shape) == 4 and isinstance(shape[1], int) and shape[1] != 3
    if len(inputs) != 1 or len(shape) != 4 or bad_channels:
        raise BadModelInput(
            f"{model_path} takes {[(i.name, i.shape) for i in inputs]}: the kiosk feeds one "
            "image tensor of shape (1, 3, height, width); re-export the model as a YOLO "
            "detection ONNX with batch 1"
        )
    if first.type not in INPUT_DTYPES:
        raise BadModelInput(
            f"{model_path} expects {first.type} input: the kiosk feeds float32 or float16 "
            "images; re-export without integer input quantization"
        )
    return first


def _names(meta: dict[str, str], override: Names | None, model_path: Path) -> dict[int, str]:
    if override is not None:
        items = override.items() if isinstance(override, Mapping) else enumerate(override)
        return {int(k): str(v) for k, v in items}
    if "names" not in meta:
        raise MissingModelMetadata(
            f"{model_path} has no class names in its metadata: pass names "
            "(`--names labels.txt`, one label per line) or re-export it with Ultralytics"
        )
    parsed = ast.literal_eval(meta["names"])
    return {int(k): str(v) for k, v in parsed.items()}


def _input_hw(
    meta: dict[str, str],
    override: int | Sequence[int] | None,
    shape: Sequence[object],
    model_path: Path,
) -> tuple[int, int]:
    static = shape[2:] if all(isinstance(d, int) and d > 0 for d in shape[2:]) else None
    if override:
        wanted = _as_hw(override)
        if static is not None and tuple(static) != wanted:
            raise BadModelInput(
                f"{model_path} has a fixed input size {static[0]}x{static[1]}, not "
                f"{wanted[0]}x{wanted[1]}: drop the imgsz setting or re-export with dynamic=True"
            )
        return wanted
    if static is not None:
        return int(static[0]), int(static[1])  # type: ignore[call-overload]
    if "imgsz" in meta:
        return _as_hw(ast.literal_eval(meta["imgsz"]))
    raise MissingModelMetadata(
        f"{model_path} has a dynamic input size and no imgsz in its metadata: "
        "pass an input size (`--imgsz 640`)"
    )


def _as_hw(value: int | Sequence[int]) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    values = [int(v) for v in value]
    return (values[0], values[0]) if len(values) == 1 else (values[0], values[1])
