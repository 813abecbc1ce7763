"""``python -m models.export``: trained weights (.pt) -> ONNX + labels.json for the kiosk.

Ultralytics writes ``names``, ``imgsz``, ``stride``, ``end2end`` and its own ``version`` into the
ONNX metadata. By default the raw head is exported (``(1, 4 + classes, anchors)``, the kiosk
runs class-aware NMS); ``--end2end`` exports YOLO26's NMS-free head (``(1, 300, 6)`` rows).
``labels.json`` repeats names, image size and the Ultralytics version for people and tests.
Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent / "demo"
STRIDE = 32  # YOLO26's largest stride: input sides must be multiples of it


def trained_imgsz(checkpoint: dict | None, weights: Path) -> int:
    """The image size a checkpoint was trained at, from the arguments Ultralytics saves in it."""
    size = ((checkpoint or {}).get("train_args") or {}).get("imgsz")
    if not isinstance(size, int):
        raise SystemExit(f"{weights} does not record its training image size; pass --imgsz")
    return size


def frame_size(text: str) -> tuple[int, int]:
    """``"640x480"`` -> ``(640, 480)``: a camera frame's width and height."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 640x480") from None
    if width < 1 or height < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be positive")
    return width, height


def input_hw(imgsz: int, frame_wh: tuple[int, int] | None = None) -> tuple[int, int]:
    """The model's input (height, width): square, or shaped like the camera's frames.

    A 4:3 frame letterboxed into a square leaves a quarter of the input as padding that every
    inference pays for. Shaped like the frame, the long side stays ``imgsz`` and the short side
    is the nearest multiple of the stride: 416x416 becomes 320x416 at the same scale (a quarter
    less work), or the same work buys a 480 long side (352x480: items 15 % larger).
    """
    if imgsz % STRIDE:
        raise SystemExit(f"image size {imgsz} is not a multiple of {STRIDE}")
    if frame_wh is None:
        return imgsz, imgsz
    width, height = frame_wh
    short = imgsz * min(width, height) / max(width, height)
    short_side = max(STRIDE, round(short / STRIDE) * STRIDE)
    return (imgsz, short_side) if height > width else (short_side, imgsz)


def export_onnx(
    weights: Path,
    out: Path,
    imgsz: int | None = None,
    labels_json: Path | None = None,
    end2end: bool = False,
    frame_wh: tuple[int, int] | None = None,
) -> Path:
    """Export ``weights`` to ``out`` (fp32, static shape, simplified); returns ``out``.

    ``imgsz`` (the input's long side) defaults to the size the weights were trained at: a
    model trained at 416 and exported at 320 loses accuracy without any error. ``frame_wh``
    shapes the input like the camera's frames (see :func:`input_hw`); without it it is square.

    ``end2end`` exports YOLO26's NMS-free one-to-one head; the default exports the one-to-many
    head that Ultralytics validates with during training (the kiosk detector runs the NMS).
    On the demo model after 18 CPU epochs the one-to-one head scored clearly lower (test mAP50
    0.69 vs 0.78), so it is opt-in until a model is trained longer.
    """
    os.environ["YOLO_OFFLINE"] = "1"
    import ultralytics
    from ultralytics import YOLO

    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / "model.pt"
        shutil.copy2(weights, local)  # export writes next to the weights; keep runs untouched
        model = YOLO(str(local))
        shape = input_hw(imgsz or trained_imgsz(model.ckpt, weights), frame_wh)
        # Ultralytics 8.4.190: nms=False selects the end-to-end head, nms=None the raw one
        nms = False if end2end else None
        exported = Path(
            model.export(format="onnx", imgsz=list(shape), simplify=True, dynamic=False, nms=nms)
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(exported, out)
        names = [model.names[i] for i in sorted(model.names)]
    info = {
        "names": names,
        "imgsz": list(shape),
        "end2end": end2end,
        "ultralytics_version": ultralytics.__version__,
        "weights": Path(weights).name,
    }
    target = labels_json or out.with_name("labels.json")
    target.write_text(json.dumps(info, indent=1) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m models.export", description=__doc__)
    p.add_argument("--weights", required=True, help="best.pt / last.pt from models.train")
    p.add_argument("--out", default=str(DEMO_DIR / "demo.onnx"))
    p.add_argument(
        "--imgsz", type=int, default=None, help="input's long side; default: the trained size"
    )
    p.add_argument(
        "--frame",
        type=frame_size,
        default=None,
        help="WIDTHxHEIGHT of the camera's frames: shape the input like them (default: square)",
    )
    p.add_argument("--labels-json", default=None, help="default: labels.json beside --out")
    p.add_argument("--end2end", action="store_true", help="export the NMS-free one-to-one head")
    args = p.parse_args(argv)
    labels = Path(args.labels_json) if args.labels_json else None
    out = export_onnx(
        Path(args.weights), Path(args.out), args.imgsz, labels, args.end2end, args.frame
    )
    print(f"exported {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
