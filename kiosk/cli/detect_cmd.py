"""``kiosk detect SOURCE``: run the detector over an image, folder or video, as JSON lines.

One object per frame, the format the checkout engine replays::

    {"frame": 0, "t": 0.0, "width": 1280, "height": 720,
     "detections": [{"label": "cola-can", "class_id": 0, "score": 0.91, "box": [x1, y1, x2, y2]}]}
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import numpy as np

    from kiosk.config_schema import DetectorSettings
    from kiosk.detections import Detections
    from kiosk.detector import Detector

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "detect", help="detect items in an image, folder or video; write JSON lines"
    )
    parser.add_argument("source", help="image file, folder of images, video file or camera index")
    add_model_arguments(parser)
    parser.add_argument("--conf", type=float, default=0.25, help="minimum score (default 0.25)")
    parser.add_argument("--jsonl", metavar="OUT", help="write JSON lines here (default: stdout)")
    parser.add_argument("--save-annotated", metavar="DIR", help="also save frames with boxes drawn")
    parser.set_defaults(func=run_detect)


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``detect`` and ``bench`` for choosing and loading the model."""
    parser.add_argument("--model", metavar="M", help="ONNX model (default: settings, else demo)")
    parser.add_argument("--names", metavar="FILE", help="labels, one per line (model lacks them)")
    parser.add_argument("--imgsz", type=int, help="model input size (model lacks it, or dynamic)")
    parser.add_argument(
        "--providers", help="auto, cpu, cuda, tensorrt, openvino (default: settings)"
    )
    parser.add_argument("--threads", type=int, help="onnxruntime threads, 0 = its choice")


def detector_settings(args: argparse.Namespace) -> DetectorSettings:
    """The settings file's detector section; its defaults where the config module cannot load
    (the training environment lacks some runtime packages, and bench runs there)."""
    try:
        from kiosk.config import load_settings
    except ImportError as exc:
        from kiosk.config_schema import DetectorSettings

        log.warning("settings unavailable here (%s); using detector defaults", exc)
        return DetectorSettings()
    return load_settings(args.config).detector


def model_path_from_args(args: argparse.Namespace, settings: DetectorSettings) -> Path:
    if args.model:
        return Path(args.model)
    if settings.model:
        return Path(settings.model)
    from kiosk.config import bundled_model_path

    return bundled_model_path()


def detector_from_args(args: argparse.Namespace, conf: float) -> Detector:
    from kiosk.detector import Detector
    from kiosk.model_meta import load_names

    settings = detector_settings(args)
    return Detector(
        model_path_from_args(args, settings),
        providers=args.providers or settings.providers,
        threads=args.threads if args.threads is not None else settings.threads,
        conf=conf,
        imgsz=args.imgsz or settings.imgsz or None,
        names=load_names(args.names) if args.names else None,
    )


def run_detect(args: argparse.Namespace) -> int:
    from kiosk.camera import iter_frames

    detector = detector_from_args(args, args.conf)
    annotated = Path(args.save_annotated) if args.save_annotated else None
    if annotated:
        annotated.mkdir(parents=True, exist_ok=True)
    out = open(args.jsonl, "w", encoding="utf-8") if args.jsonl else sys.stdout  # noqa: SIM115
    start, frames = time.perf_counter(), 0
    try:
        for frame in iter_frames(args.source):
            detections = detector.detect(frame.image)
            write_line(out, frame.index, frame.t, frame.image.shape, detections)
            if annotated:
                save_annotated(annotated / f"frame_{frame.index:06d}.jpg", frame.image, detections)
            frames += 1
    finally:
        if out is not sys.stdout:
            out.close()
    elapsed = time.perf_counter() - start
    print(f"kiosk detect: {frames} frames in {elapsed:.2f} s", file=sys.stderr)
    return 0


def frame_record(index: int, t: float, shape: tuple[int, ...], detections: Detections) -> dict:
    return {
        "frame": index,
        "t": round(float(t), 3),
        "width": int(shape[1]),
        "height": int(shape[0]),
        "detections": detections.to_json(),
    }


def write_line(
    out: TextIO, index: int, t: float, shape: tuple[int, ...], detections: Detections
) -> None:
    out.write(json.dumps(frame_record(index, t, shape, detections)) + "\n")
    out.flush()


def save_annotated(
    path: Path,
    image: np.ndarray,
    detections: Detections,
    region: tuple[int, int, int, int] | None = None,
) -> None:
    """Boxes and ``label score`` drawn on a copy (frames are read-only and shared); the
    counter ``region`` (pixels) as a yellow frame when one is set."""
    import cv2

    canvas = image.copy()
    if region is not None:
        cv2.rectangle(canvas, region[:2], region[2:], (0, 220, 255), 2)
    for (x1, y1, x2, y2), label, score in zip(
        detections.xyxy.astype(int), detections.labels, detections.score, strict=True
    ):
        cv2.rectangle(canvas, (x1, y1), (x2, y2), (0, 200, 0), 2)
        cv2.putText(
            canvas,
            f"{label} {score:.2f}",
            (x1, max(y1 - 4, 12)),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.5,
            (0, 200, 0),
            1,
            cv2.LINE_AA,
        )
    cv2.imwrite(str(path), canvas)
