"""``kiosk captures list|export``: the counter pictures kept when staff corrected the camera."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "captures", help="pictures kept when staff corrected the camera; export for training"
    )
    commands = parser.add_subparsers(dest="captures_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="each kept picture and what staff corrected")
    listing.add_argument("--since", metavar="YYYY-MM-DD", help="only from this day on (UTC)")
    listing.add_argument("--json", action="store_true", help="one JSON object per capture")
    listing.set_defaults(func=list_captures)

    export = commands.add_parser(
        "export", help="write them as a YOLO dataset (pictures, draft labels, review.csv)"
    )
    export.add_argument("--out", required=True, help="dataset folder (new, or an earlier export)")
    export.add_argument("--since", metavar="YYYY-MM-DD", help="only from this day on (UTC)")
    export.add_argument(
        "--accept-conf",
        type=float,
        default=None,
        help="draft boxes from detections at or above this (default: detector.accept_conf)",
    )
    export.set_defaults(func=export_captures)


def _store(args: argparse.Namespace) -> tuple[Any, Any]:
    """The settings and the captures folder they name."""
    from kiosk.captures import CaptureStore
    from kiosk.config import load_settings

    settings = load_settings(args.config)
    return settings, CaptureStore(settings.paths.captures_dir, keep=settings.captures.keep)


def _validated_day(day: str | None) -> str | None:
    from datetime import date

    from kiosk.errors import KioskError

    if day is None:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        raise KioskError(f"--since {day!r} is not a day: write it as YYYY-MM-DD") from None


def list_captures(args: argparse.Namespace) -> int:
    from kiosk.captures import since
    from kiosk.captures_export import review_row

    settings, store = _store(args)
    found, problems = store.captures()
    shown = since(found, _validated_day(args.since))
    if args.json:
        for capture in shown:
            row = {**asdict(capture), "image": str(capture.image), "changes": capture.changes}
            print(json.dumps(row, ensure_ascii=False))
    else:
        for capture in shown:
            row = review_row(capture)
            print(f"{capture.id}  {capture.staff}: {row['to_fix']}")
        megabytes = store.disk_bytes() / 1e6
        print(
            f"{len(shown)} of {len(found)} captures in {store.root} ({megabytes:.1f} MB; "
            f"the newest {settings.captures.keep} are kept)"
        )
        if not settings.captures.enabled:
            print("captures are turned off (captures.enabled = false): no new ones are kept")
    for problem in problems:
        print(f"unreadable capture {problem.path}: {problem.reason}")
    return 0


def export_captures(args: argparse.Namespace) -> int:
    from kiosk.captures import since
    from kiosk.captures_export import export_captures as export

    settings, store = _store(args)
    found, problems = store.captures()
    chosen = since(found, _validated_day(args.since))
    accept = settings.detector.accept_conf if args.accept_conf is None else args.accept_conf
    result = export(chosen, Path(args.out), accept_conf=accept)
    print(f"{len(result.written)} pictures written to {result.out}", end="")
    if result.already_there:
        print(f", {len(result.already_there)} already there (their labels left as they are)")
    else:
        print()
    for capture_id, reason in result.skipped:
        print(f"left out {capture_id}: {reason}")
    for problem in problems:
        print(f"unreadable capture {problem.path}: {problem.reason}")
    if result.written:
        print(
            f"next: fix each picture's labels as {result.out / 'review.csv'} says (the boxes "
            "are the model's own reading), then train with: python -m models.train "
            f"--data DATASET/dataset.yaml --weights MODEL.pt --extra {result.out}"
        )
    return 0
