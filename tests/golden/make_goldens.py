"""Regenerate the detector's golden outputs from Ultralytics itself (needs the ``train`` extra).

The kiosk's detector must match ``ultralytics.YOLO(onnx).predict`` on the same ONNX file and
images. CI has no torch, so this script records Ultralytics' answers once and the tests
compare against the recorded JSON.

    .venv-train/bin/python tests/golden/make_goldens.py --all   # a venv with the train extra
    PYTHONPATH=. python tests/golden/make_goldens.py --model models/demo/demo.onnx --name demo

``--all`` rebuilds the test images, the two tiny random-initialised YOLO26 models (end-to-end
``(1, N, 6)`` and raw ``(1, 4+nc, anchors)`` outputs) and their goldens, a float16 copy, an INT8
copy and tiny deliberately unusable models for the error tests. ``--model`` records
goldens for any other detection ONNX (the demo model) on the same images.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

import cv2
import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
IMAGES = HERE / "images"
MODELS = HERE / "models"
DEMO_CATALOG = ROOT / "models" / "demo" / "demo_catalog.csv"

# (name, height, width): square, landscape, portrait, very tall, very wide, tiny, odd sizes.
IMAGE_SHAPES = (
    ("square_320", 320, 320),
    ("landscape_640x480", 480, 640),
    ("hd_1280x720", 720, 1280),
    ("portrait_480x800", 800, 480),
    ("tall_150x900", 900, 150),
    ("wide_1000x120", 120, 1000),
    ("tiny_37x23", 23, 37),
    ("odd_517x333", 333, 517),
)
GOLDEN_CONF = 0.1
COUNTER_FRAMES = (600, 3000)
BIAS_MEAN = -5.0
CLS_GAIN = 2.0
BOX_GAIN = 1.5
BOX_BIAS = 2.0


def demo_labels() -> dict[int, str]:
    """Class names in demo-catalog order, so the test models speak the demo store's labels."""
    with DEMO_CATALOG.open(newline="") as fh:
        return {i: row["labels"] for i, row in enumerate(csv.DictReader(fh))}


def counter_scene(height: int, width: int, seed: int) -> np.ndarray:
    """A deterministic top-down 'counter' with coloured boxes, discs and a little noise."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    base = 90 + 60 * np.sin(xx / max(width, 1) * 3.1 + seed) * np.cos(yy / max(height, 1) * 2.3)
    tint = rng.uniform(0.7, 1.2, 3).astype(np.float32)
    image = np.clip(base[..., None] * tint, 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(3, 9))):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        w = int(rng.integers(max(width // 10, 2), max(width // 3, 3)))
        h = int(rng.integers(max(height // 10, 2), max(height // 3, 3)))
        if rng.random() < 0.5:
            cv2.rectangle(image, (x, y), (x + w, y + h), colour, -1)
        else:
            cv2.ellipse(
                image, (x, y), (w // 2, h // 2), float(rng.integers(0, 180)), 0, 360, colour, -1
            )
    return image


def write_counter_frames() -> list[Path]:
    """Two real frames of the demo video: items on the counter, for trained-model goldens."""
    video = ROOT / "models" / "demo" / "demo_video.mp4"
    capture = cv2.VideoCapture(str(video))
    paths = []
    for index in COUNTER_FRAMES:
        capture.set(cv2.CAP_PROP_POS_FRAMES, index)
        ok, frame = capture.read()
        if not ok:
            raise SystemExit(f"cannot read frame {index} of {video}")
        paths.append(IMAGES / f"counter_frame_{index:05d}.png")
        cv2.imwrite(str(paths[-1]), frame)
    capture.release()
    return paths


def write_images() -> list[Path]:
    IMAGES.mkdir(exist_ok=True)
    paths = write_counter_frames()
    for seed, (name, height, width) in enumerate(IMAGE_SHAPES):
        path = IMAGES / f"{name}.png"
        cv2.imwrite(str(path), counter_scene(height, width, seed))
        paths.append(path)
    return paths


def calibrate_batchnorm(model, imgsz: int) -> None:
    """Give BatchNorm real statistics so an untrained network's outputs depend on the image.

    With default statistics the random features fade to zero over the depth of the network
    and every anchor predicts the same box and score, which makes a useless oracle.
    """
    import torch

    scenes = [counter_scene(imgsz, imgsz, 100 + i) for i in range(16)]
    batch = torch.from_numpy(np.stack(scenes)[..., ::-1].copy()).permute(0, 3, 1, 2).float() / 255
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.reset_running_stats()
            module.momentum = None  # cumulative average over the calibration passes
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(batch)
    model.eval()


def build_tiny_models(imgsz: int) -> dict[str, Path]:
    """Export one random-initialised tiny YOLO26 to ONNX in both output forms."""
    import torch
    from ultralytics import YOLO

    torch.manual_seed(0)
    yolo = YOLO(str(HERE / "yolo26-tiny.yaml"))
    yolo.model.names = demo_labels()
    calibrate_batchnorm(yolo.model, imgsz)
    head = yolo.model.model[-1]
    # Untrained class biases sit near -10 (sigmoid ~0); spread them so scores vary widely.
    # Their weights are tiny too: scale them so scores and boxes vary from image to image.
    with torch.no_grad():
        for branch in (head.cv3, head.one2one_cv3):
            for seq in branch:
                seq[-1].weight.mul_(CLS_GAIN)
                torch.nn.init.normal_(seq[-1].bias, mean=BIAS_MEAN, std=0.5)
        for branch in (head.cv2, head.one2one_cv2):
            for seq in branch:
                seq[-1].weight.mul_(BOX_GAIN)
                seq[-1].bias.fill_(BOX_BIAS)  # positive side distances: boxes not inside out
    MODELS.mkdir(exist_ok=True)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        pt = Path(tmp) / "tiny.pt"
        yolo.save(str(pt))
        for name, nms in (("tiny_e2e", False), ("tiny_raw", None)):
            exported = YOLO(str(pt)).export(format="onnx", imgsz=imgsz, nms=nms, simplify=True)
            target = MODELS / f"{name}.onnx"
            shutil.move(exported, target)
            out[name] = target
    return out


def write_fp16_model(source: Path) -> Path:
    """A float16-in, float16-out copy: such exports exist and the detector must read dtypes."""
    import onnx
    from onnxruntime.transformers.float16 import convert_float_to_float16

    model = convert_float_to_float16(onnx.load(str(source)), keep_io_types=False)
    target = source.with_name(source.stem + "_fp16.onnx")
    onnx.save(model, str(target))
    return target


def write_int8_model(source: Path) -> Path:
    """A QDQ INT8 copy made by ``kiosk quantize``'s own code, calibrated on the test images."""
    from kiosk.quantize import quantize_model

    frames = [cv2.imread(str(p)) for p in sorted(IMAGES.glob("*.png"))]
    return quantize_model(source, frames, source.with_name(source.stem + "_int8.onnx"))


def write_broken_models() -> None:
    """Tiny ONNX files (a few hundred bytes) that are valid ONNX but wrong for the kiosk."""
    import onnx
    from onnx import TensorProto, helper

    folder = MODELS / "broken"
    folder.mkdir(exist_ok=True)
    meta = {"names": "{0: 'a', 1: 'b', 2: 'c'}", "imgsz": "[32, 32]", "task": "detect"}

    def save(
        name: str,
        in_type: int,
        in_shape: list,
        nodes: list,
        out_shape: list,
        metadata: dict[str, str],
    ) -> None:
        graph = helper.make_graph(
            nodes,
            name,
            [helper.make_tensor_value_info("images", in_type, in_shape)],
            [helper.make_tensor_value_info("output0", TensorProto.FLOAT, out_shape)],
        )
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
        model.ir_version = 9
        helper.set_model_props(model, metadata)
        onnx.checker.check_model(model)
        onnx.save(model, str(folder / f"{name}.onnx"))

    identity = [helper.make_node("Identity", ["images"], ["output0"])]
    pooled = [
        helper.make_node("GlobalAveragePool", ["images"], ["pooled"]),
        helper.make_node("Flatten", ["pooled"], ["output0"]),
    ]
    save("rank2_input", TensorProto.FLOAT, [1, 10], identity, [1, 10], meta)
    cast = [helper.make_node("Cast", ["images"], ["output0"], to=TensorProto.FLOAT)]
    save("uint8_input", TensorProto.UINT8, [1, 3, 32, 32], cast, [1, 3, 32, 32], meta)
    save("classifier_output", TensorProto.FLOAT, [1, 3, 32, 32], pooled, [1, 3], meta)
    save(
        "classify_task",
        TensorProto.FLOAT,
        [1, 3, 32, 32],
        pooled,
        [1, 3],
        {**meta, "task": "classify"},
    )
    save("no_names", TensorProto.FLOAT, [1, 3, 32, 32], pooled, [1, 3], {"imgsz": "[32, 32]"})
    save(
        "dynamic_no_imgsz",
        TensorProto.FLOAT,
        [1, 3, "h", "w"],
        pooled,
        [1, 3],
        {"names": meta["names"]},
    )


def predict_goldens(model: Path, images: list[Path], conf: float) -> dict[str, object]:
    """Ultralytics' own predictions for each image, full float precision."""
    from ultralytics import YOLO

    yolo = YOLO(str(model), task="detect")
    results = {}
    for path in images:
        (result,) = yolo.predict(str(path), conf=conf, verbose=False, device="cpu")
        boxes = result.boxes
        results[path.name] = {
            "height": int(result.orig_shape[0]),
            "width": int(result.orig_shape[1]),
            "detections": [
                {"class_id": int(c), "score": float(s), "box": [float(v) for v in box]}
                for box, s, c in zip(
                    boxes.xyxy.tolist(), boxes.conf.tolist(), boxes.cls.tolist(), strict=True
                )
            ],
        }
    return {
        "model": str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model),
        "model_sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
        "conf": conf,
        "iou": 0.7,
        "images": results,
    }


def compact_json(golden: dict[str, object]) -> str:
    """Indented JSON with one detection per line: readable diffs, a tenth of the lines."""
    text = json.dumps(golden, indent=1)
    return re.sub(r"\{\n\s*(\"class_id\"[^}]*)\}", _one_line, text) + "\n"


def _one_line(match: re.Match[str]) -> str:
    return "{" + " ".join(match.group(1).split()) + "}"


def write_golden(model: Path, name: str, conf: float) -> Path:
    images = sorted(IMAGES.glob("*.png"))
    golden = predict_goldens(model, images, conf)
    target = HERE / f"{name}.json"
    target.write_text(compact_json(golden))
    counts = {k: len(v["detections"]) for k, v in golden["images"].items()}  # type: ignore[attr-defined]
    print(f"{target.name}: {counts}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="rebuild images, tiny models, goldens")
    parser.add_argument("--model", type=Path, help="record goldens for this ONNX model")
    parser.add_argument("--name", help="golden file name (default: the model's stem)")
    parser.add_argument("--conf", type=float, default=GOLDEN_CONF)
    parser.add_argument("--imgsz", type=int, default=320, help="export size of the tiny models")
    args = parser.parse_args()
    if args.all:
        write_images()
        for name, path in build_tiny_models(args.imgsz).items():
            write_golden(path, name, args.conf)
        write_fp16_model(MODELS / "tiny_e2e.onnx")
        write_int8_model(MODELS / "tiny_raw.onnx")
        write_broken_models()
    if args.model:
        write_golden(args.model.resolve(), args.name or args.model.stem, args.conf)
    if not (args.all or args.model):
        parser.error("nothing to do: pass --all and/or --model")


if __name__ == "__main__":
    main()
