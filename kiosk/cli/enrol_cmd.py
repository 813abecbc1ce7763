"""``kiosk enrol list|forget``: the views of products taken at the counter (admin screen,
*Teach the camera*), before they are copied to the PC that trains the model."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "enrol", help="views of products taken at the counter, for training the model"
    )
    commands = parser.add_subparsers(dest="enrol_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="each product's views: how many, its size")
    listing.add_argument("--json", action="store_true", help="one JSON object per product")
    listing.set_defaults(func=list_views)
    forget = commands.add_parser("forget", help="remove a product's views (to start over)")
    forget.add_argument("label", help="the product's label, as `kiosk enrol list` shows it")
    forget.set_defaults(func=forget_views)


def _store(args: argparse.Namespace) -> Any:
    from kiosk.config import load_settings
    from kiosk.enrol import EnrolStore

    return EnrolStore(load_settings(args.config).paths.enrol_dir)


def list_views(args: argparse.Namespace) -> int:
    from kiosk.enrol import GOOD_VIEWS

    store = _store(args)
    labels = store.labels()
    for label in labels:
        views, length = len(store.views(label)), store.length_mm(label)
        if args.json:
            print(json.dumps({"label": label, "views": views, "length_mm": length,
                              "folder": str(store.folder(label))}))  # fmt: skip
            continue
        more = "" if views >= GOOD_VIEWS else f"  (take {GOOD_VIEWS - views} more)"
        size = f"{length:g} mm" if length is not None else "size not given"
        print(f"{label:<32} {views:>3} views  {size}{more}")
    if not args.json:
        print(
            f"{len(labels)} products in {store.root}; train with them: python -m models.build "
            f"--products YOUR_PRODUCTS --products {store.root} ... (README: Enrol your own "
            "products)"
            if labels
            else f"no views in {store.root}: take them on the admin screen, Teach the camera"
        )
    return 0


def forget_views(args: argparse.Namespace) -> int:
    store = _store(args)
    removed = store.forget(args.label)
    if not removed:
        print(f"kiosk: no views of {args.label!r} in {store.root}")
        return 1
    print(f"removed {removed} views of {args.label} from {store.root}")
    return 0
