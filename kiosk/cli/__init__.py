"""The ``kiosk`` command. Each sub-command lives in its own module with ``register()``."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from kiosk import __version__
from kiosk.logfiles import FORMAT as LOG_FORMAT

# Each module defines ``register(subparsers)`` which adds its commands and sets
# ``func(args) -> int`` as the handler. Modules are imported lazily inside handlers
# where they pull heavy dependencies, so ``kiosk --help`` stays fast.
COMMAND_MODULES = (
    "kiosk.cli.config_cmd",
    "kiosk.cli.catalog_cmd",
    "kiosk.cli.refund_cmd",
    "kiosk.cli.receipt_cmd",
    "kiosk.cli.voucher_cmd",
    "kiosk.cli.barcode_cmd",
    "kiosk.cli.payments_cmd",
    "kiosk.cli.audit_cmd",
    "kiosk.cli.model_cmd",
    "kiosk.cli.detect_cmd",
    "kiosk.cli.bench_cmd",
    "kiosk.cli.replay_cmd",
    "kiosk.cli.camera_cmd",
    "kiosk.cli.captures_cmd",
    "kiosk.cli.enrol_cmd",
    "kiosk.cli.doctor_cmd",
    "kiosk.cli.app_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Vision checkout kiosk: recognise items, total them, take payment.",
    )
    parser.add_argument("--config", metavar="FILE", help="settings file (TOML) to use")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format=LOG_FORMAT,
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from catalog.errors import CatalogError
    from kiosk.errors import KioskError

    try:
        return int(args.func(args) or 0)
    except (KioskError, CatalogError) as exc:
        print(f"kiosk: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
