"""``kiosk run``, ``kiosk demo`` and ``kiosk self-test``: the shopper's window.

onnxruntime is imported before PySide6 in every handler: on Windows the two ship DLLs of
the same name and the first one loaded wins.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = subparsers.add_parser("run", help="run the kiosk with the configured camera and model")
    run.add_argument("--source", help="camera index, video file, image folder or stream URL")
    run.add_argument("--model", help="ONNX model file (default: the configured model)")
    run.add_argument(
        "--kiosk", action="store_true", help="fullscreen kiosk mode; staff leave with their PIN"
    )
    run.set_defaults(func=run_handler)
    demo = subparsers.add_parser(
        "demo", help="try the kiosk: demo model, demo video, fresh demo catalog (PIN 1234)"
    )
    demo.add_argument("--kiosk", action="store_true", help="fullscreen kiosk mode")
    demo.set_defaults(func=demo_handler)
    test = subparsers.add_parser(
        "self-test", help="run the app offscreen on the demo for a few seconds and measure it"
    )
    test.add_argument("--seconds", type=float, default=8.0, help="how long to run (default 8)")
    test.add_argument(
        "--shopper",
        action="store_true",
        help="also pay for the demo's baskets as they settle and check the ledger afterwards "
        "(with --seconds 3600: the one-hour soak)",
    )
    test.add_argument(
        "--staff",
        type=float,
        metavar="SECONDS",
        help="also have staff sign in on the PIN pad every SECONDS and look through each tab "
        "of the admin screen (in a soak, e.g. --staff 60)",
    )
    test.add_argument("--json", action="store_true", help="print one JSON object")
    test.set_defaults(func=self_test_handler)


def run_handler(args: argparse.Namespace) -> int:
    import onnxruntime  # noqa: F401  # before PySide6, see the module docstring

    from kiosk.config import ensure_data_dirs, load_settings, model_path

    overrides: dict[str, object] = {}
    if args.source:
        overrides["camera.source"] = args.source
    if args.model:
        overrides["detector.model"] = str(Path(args.model).expanduser().resolve())
    settings = load_settings(args.config, overrides=overrides)
    ensure_data_dirs(settings.paths)
    from kiosk.logfiles import log_to_file

    log_to_file(settings.paths.logs_dir)
    from ui.app import run_kiosk

    return run_kiosk(settings, model_path=model_path(settings), kiosk_mode=args.kiosk)


def demo_handler(args: argparse.Namespace) -> int:
    import onnxruntime  # noqa: F401  # before PySide6, see the module docstring

    from ui.demo import demo_settings

    settings, model, tmp = demo_settings(args.config)
    print(f"demo data in {settings.paths.data_dir} (removed on exit); staff PIN 1234")
    from ui.app import run_kiosk

    try:
        return run_kiosk(settings, model_path=model, kiosk_mode=args.kiosk)
    finally:
        if tmp is not None:
            tmp.cleanup()


def self_test_handler(args: argparse.Namespace) -> int:
    started = time.monotonic()
    import onnxruntime  # noqa: F401  # before PySide6, see the module docstring

    from ui.selftest import run_self_test

    report = run_self_test(
        args.seconds,
        args.config,
        started=started,
        shopper=args.shopper,
        staff_every_s=args.staff,
    )
    if args.json:
        print(json.dumps(report.as_dict()))
    else:
        print("\n".join(report.lines()))
    sys.stdout.flush()
    return 0 if report.healthy else 1
