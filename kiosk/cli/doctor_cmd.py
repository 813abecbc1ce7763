"""``kiosk doctor``: is this kiosk ready to sell? (see ``kiosk.doctor``)"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "doctor", help="is this kiosk ready to sell: settings, model, catalog, staff, disk, camera"
    )
    parser.add_argument(
        "--no-camera", action="store_true", help="skip the camera (the running kiosk holds it)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    from kiosk.doctor import run_checks

    findings = run_checks(args.config, camera=not args.no_camera)
    failed = any(f.level == "fail" for f in findings)
    if args.json:
        print(json.dumps({"ready": not failed, "findings": [asdict(f) for f in findings]}))
    else:
        for finding in findings:
            print(f"{finding.level.upper():<5} {finding.topic:<9} {finding.text}")
        warned = sum(f.level == "warn" for f in findings)
        if failed:
            print("not ready to sell: fix what says FAIL first")
        else:
            print(f"ready to sell{f' ({warned} warnings)' if warned else ''}")
    return 1 if failed else 0
