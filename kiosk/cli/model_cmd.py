"""``kiosk model install | list | rollback``: which detection model this kiosk runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "model", help="install a newly trained model, list the installed ones, roll back"
    )
    commands = parser.add_subparsers(dest="model_command", metavar="ACTION", required=True)
    install = commands.add_parser(
        "install",
        help="check a model against this kiosk and its catalog, then make it the one that runs",
    )
    install.add_argument("file", type=Path, help="the .onnx file (e.g. build/model.onnx)")
    install.set_defaults(func=cmd_install)
    listing = commands.add_parser("list", help="the model in use and the installed ones")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(func=cmd_list)
    back = commands.add_parser("rollback", help="run the model installed before this one again")
    back.set_defaults(func=cmd_rollback)


def _settings(args: argparse.Namespace) -> Any:
    from kiosk.config import load_settings

    return load_settings(args.config)


def _catalog(settings: Any) -> Any:
    from catalog.db import connect

    database = settings.paths.database
    if not database.is_file():
        from kiosk.errors import KioskError

        raise KioskError(f"no catalog at {database}: run kiosk catalog init (and import) first")
    return connect(database)


def cmd_install(args: argparse.Namespace) -> int:
    from catalog.products import first_skus
    from kiosk.cli.catalog_cmd import _actor
    from kiosk.model_install import install_model

    settings = _settings(args)
    report = install_model(args.file, settings, _catalog(settings), by=_actor())
    model = report.model
    height, width = model.input_hw
    print(
        f"installed {model.file} from {args.file}: {len(model.labels)} labels, input "
        f"{width}x{height}, runs on {', '.join(report.providers)}"
    )
    if report.replaced is not None and report.replaced.sha256 == model.sha256:
        print("it was already the model in use")
    elif report.replaced is not None:
        print(f"it replaces {report.replaced.file}; kiosk model rollback goes back to it")
    coverage = report.coverage
    if coverage.off_sale:
        print(
            f"warning: {', '.join(coverage.off_sale)} belong to products off sale: shoppers "
            "are sent for help with them until they are back on sale",
            file=sys.stderr,
        )
    if coverage.unseen:
        print(
            f"warning: the model cannot recognise {len(coverage.unseen)} products on sale "
            f"({first_skus(coverage.unseen)}): "
            "staff add them by hand",
            file=sys.stderr,
        )
    if report.overridden_by:
        print(
            f"warning: the settings name a model file ([detector] model = "
            f"{report.overridden_by!r}), and the kiosk runs that one: remove the line to run "
            "the installed model",
            file=sys.stderr,
        )
        return 1
    print("a running kiosk switches to it by itself the next time the counter is empty")
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from kiosk.cli.catalog_cmd import _actor
    from kiosk.model_install import roll_back_model

    settings = _settings(args)
    left, now = roll_back_model(settings, _catalog(settings), by=_actor())
    print(
        f"back to {now.file} (installed {now.installed_at[:16].replace('T', ' ')} UTC from "
        f"{now.source}); {left.file} is kept and can be installed again"
    )
    print("a running kiosk switches to it by itself the next time the counter is empty")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kiosk.config import bundled_model_path, model_choice
    from kiosk.model_install import store_for

    settings = _settings(args)
    history, position = store_for(settings).installs()
    running, why = model_choice(settings)
    if args.json:
        installs = [
            {**asdict(model), "in_use": i == position and not settings.detector.model}
            for i, model in enumerate(history)
        ]
        print(json.dumps({"runs": str(running), "why": why, "installs": installs}, indent=2))
        return 0
    print(f"the kiosk runs {running} ({why})")
    if running != bundled_model_path() and not running.is_file():
        print(f"warning: {running} is missing: the kiosk is out of service", file=sys.stderr)
    if not history:
        return 0
    print(f"\n   {'file':<24} {'installed (UTC)':<17} {'labels':>6}  {'by':<16} from")
    for i in reversed(range(len(history))):
        model = history[i]
        mark = "*" if i == position else " "
        when = model.installed_at[:16].replace("T", " ")
        labels = len(model.labels)
        print(f" {mark} {model.file:<24} {when:<17} {labels:>6}  {model.by:<16} {model.source}")
    return 0
