"""``kiosk camera list|check``: find the counter camera and check its picture."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from kiosk.cli.detect_cmd import add_model_arguments
from kiosk.counter_region import CounterRegion


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("camera", help="list cameras; check a camera's picture")
    commands = parser.add_subparsers(dest="camera_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="the PC's video devices and their indexes")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(func=list_cameras)

    check = commands.add_parser(
        "check", help="read a source for a few seconds: size, rate, light, focus"
    )
    check.add_argument("source", nargs="?", help="camera index, URL or file (default: settings)")
    check.add_argument("--seconds", type=float, default=5.0, help="how long to read (default 5)")
    check.add_argument("--snapshot", metavar="FILE", help="save the last picture (png, jpg)")
    check.add_argument(
        "--detect", action="store_true", help="also say what the model sees in the last picture"
    )
    check.add_argument(
        "--empty",
        action="store_true",
        help="the counter is empty: also check the kiosk can learn it (to mark things the "
        "camera cannot name)",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object")
    add_model_arguments(check)
    check.set_defaults(func=check_camera)


def list_cameras(args: argparse.Namespace) -> int:
    from kiosk.camera_check import list_video_devices

    devices = list_video_devices()
    if args.json:
        print(json.dumps({"devices": [asdict(device) for device in devices]}))
        return 0
    if not devices:
        print("no video devices: plug the camera in (USB), or check `dmesg` for its driver")
        return 0
    for device in devices:
        kind = {True: "camera", False: "no pictures (metadata)", None: "cannot ask the driver"}
        print(f"{device.index:>3}  {device.path:<13} {device.name}  [{kind[device.captures]}]")
    print("set [camera] source to the index of a camera (kiosk config path: the settings file)")
    return 0


def check_camera(args: argparse.Namespace) -> int:
    from kiosk.camera_check import check_configured_camera
    from kiosk.config import load_settings
    from kiosk.counter_watch import store_watch

    settings = load_settings(args.config)
    camera = settings.camera
    watch = store_watch(settings) if args.empty else None
    report, last = check_configured_camera(camera, args.seconds, source=args.source, watch=watch)
    problems = report.problems()
    seen: list[dict] = []
    if args.detect and last is not None:
        region = CounterRegion.parse(camera.region)
        seen = _detect(args, last, Path(args.snapshot) if args.snapshot else None, region)
    elif args.snapshot and last is not None:
        import cv2

        cv2.imwrite(args.snapshot, last)
    if args.snapshot and last is not None and not Path(args.snapshot).is_file():
        # cv2.imwrite says nothing when it cannot write (folder missing, unknown suffix).
        problems.append(f"the picture could not be saved to {args.snapshot} (folder, suffix?)")
    if args.json:
        print(json.dumps({**asdict(report), "problems": problems, "detections": seen}))
        return 1 if report.frames == 0 else 0
    if report.live:
        rate = f"{report.fps:.1f} frames/s delivered"
    else:
        rate = f"{report.fps:.1f} frames/s, the file's own" if report.fps else "a still picture"
    print(f"{report.source}: {report.frames} frames in {report.seconds:.1f} s")
    print(f"  size {report.width}x{report.height}, {rate}")
    print(f"  brightness {report.brightness:.0f} of 255, detail {report.detail:.0f}")
    if report.live:
        print(f"  repeated frames: {report.repeated}")
    if report.counter_watched and report.counter_learnt_s is not None:
        marks = (
            f"marked something in {report.counter_marked} frames"
            if report.counter_marked
            else "nothing marked"
        )
        print(
            f"  counter watch: learnt the empty counter in {report.counter_learnt_s:.1f} s, {marks}"
        )
    for item in seen:
        where = "" if item["on_counter"] else ", outside the counter region: ignored"
        print(f"  sees {item['label']} ({item['score']:.2f}{where})")
    if args.snapshot and last is not None and Path(args.snapshot).is_file():
        print(f"  last picture saved to {args.snapshot}")
    for problem in problems:
        print(f"problem: {problem}")
    if not problems:
        print("the picture looks usable")
    return 1 if report.frames == 0 else 0


def _detect(
    args: argparse.Namespace, image, snapshot: Path | None, region: CounterRegion | None
) -> list[dict]:
    """What the model finds in ``image`` down to the doubt level (what the kiosk would show),
    each marked whether it lies on the counter (``camera.region``)."""
    from kiosk.cli.detect_cmd import detector_from_args, detector_settings, save_annotated

    detector = detector_from_args(args, detector_settings(args).doubt_conf)
    detections = detector.detect(image)
    height, width = image.shape[:2]
    on_counter = (
        region.inside(detections, width, height) if region is not None else [True] * len(detections)
    )
    if snapshot is not None:
        frame = region.pixels(width, height) if region is not None else None
        save_annotated(snapshot, image, detections, frame)
    return [
        {"label": label, "score": round(float(score), 3), "on_counter": bool(inside)}
        for label, score, inside in zip(
            detections.labels, detections.score, on_counter, strict=True
        )
    ]
