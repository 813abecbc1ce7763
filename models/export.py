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


def trained_imgsz(checkpoint: dict | None, weights: Path) -> int:
    """The image size a checkpoint was trained at, from the arguments Ultralytics saves in it."""
    size = ((checkpoint or {}).get("train_args") or {}).get("imgsz")
    if not isinstance(size, int):
        raise SystemExit(f"{weights} does not record its training image size; pass --imgsz")
    return size


def export_onnx(
    weights: Path,
    out: Path,
    imgsz: int | None = None,
    labels_json: Path | None = None,
    end2end: bool = False,
) -> Path:
    """Export ``weights`` to ``out`` (fp32, static shape, simplified); returns ``out``.

    ``imgsz`` defaults to the size the weights were trained at: a model trained at 416 and
    exported at 320 loses accuracy without any error.

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
        imgsz = imgsz or trained_imgsz(model.ckpt, weights)
        # Ultralytics 8.4.190: nms=False selects the end-to-end head, nms=None the raw one
        nms = False if end2end else None
        exported = Path(
            model.export(format="onnx", imgsz=imgsz, simplify=True, dynamic=False, nms=nms)
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(exported, out)
        names = [model.names[i] for i in sorted(model.names)]
    info = {
        "names": names,
        "imgsz": imgsz,
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
    p.add_argument("--imgsz", type=int, default=None, help="default: the size it was trained at")
    p.add_argument("--labels-json", default=None, help="default: labels.json beside --out")
    p.add_argument("--end2end", action="store_true", help="export the NMS-free one-to-one head")
    args = p.parse_args(argv)
    labels = Path(args.labels_json) if args.labels_json else None
    out = export_onnx(Path(args.weights), Path(args.out), args.imgsz, labels, args.end2end)
    print(f"exported {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
