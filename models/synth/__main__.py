"""``python -m models.synth``: render demo exemplars, scene datasets and the demo video."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from models.synth.counters import MissingPhotos
from models.synth.dataset import (
    INDEPENDENT_SEED_OFFSET,
    labels_from_catalog,
    write_dataset,
    write_yaml,
)
from models.synth.exemplars import ProductFolderError, load_products
from models.synth.scene import INDEPENDENT_STYLE, TRAIN_STYLE

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"


def _catalog(args: argparse.Namespace, demo_default: bool) -> Path | None:
    """The catalog that fixes class order. With ``demo_default`` the demo exemplars take the
    demo catalog, so a demo dataset numbers its classes as the bundled model does."""
    if args.catalog:
        return Path(args.catalog)
    demo = [Path(p).resolve() for p in _folders(args)] == [(DEMO_DIR / "exemplars").resolve()]
    return DEMO_DIR / "demo_catalog.csv" if demo and demo_default else None


def _folders(args: argparse.Namespace) -> list[Path]:
    return [Path(p) for p in args.products] if args.products else [DEMO_DIR / "exemplars"]


def _products(args: argparse.Namespace, demo_default: bool = False):
    catalog = _catalog(args, demo_default)
    return load_products(_folders(args), labels_from_catalog(catalog) if catalog else None)


def cmd_exemplars(args: argparse.Namespace) -> int:
    from models.synth.products import write_demo_exemplars

    write_demo_exemplars(Path(args.out), views=args.views, seed=args.seed)
    print(f"demo exemplars written to {args.out}")
    return 0


def cmd_dataset(args: argparse.Namespace) -> int:
    products = _products(args, demo_default=True)
    counts = {"train": args.train, "val": args.val, "test": args.test}
    counts = {k: v for k, v in counts.items() if v}
    # The test split keeps every scene whatever --clear-band says: it is what the kiosk meets.
    learn = {k: v for k, v in counts.items() if k != "test"}
    styles = [(learn, replace(TRAIN_STYLE, clear_band=args.clear_band))]
    styles.append(({"test": counts["test"]} if "test" in counts else {}, TRAIN_STYLE))
    for split_counts, style in styles:
        if split_counts:
            write_dataset(products, Path(args.out), split_counts, args.seed, style, args.workers)
    yaml = write_yaml(Path(args.out).resolve(), products.labels, counts)
    print(f"dataset: {yaml}")
    if args.independent:
        yaml2 = write_dataset(
            products,
            Path(args.out) / "independent",
            {"test": args.independent},
            seed=args.seed + INDEPENDENT_SEED_OFFSET,
            style=INDEPENDENT_STYLE,
            workers=args.workers,
        )
        print(f"independent test set: {yaml2}")
    return 0


def cmd_video(args: argparse.Namespace) -> int:
    from models.synth.video import render_demo_video

    render_demo_video(_products(args), Path(args.out), Path(args.script), seed=args.seed)
    print(f"video: {args.out}, script: {args.script}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m models.synth", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("exemplars", help="render the demo store's product views")
    ex.add_argument("--out", default=str(DEMO_DIR / "exemplars"))
    ex.add_argument("--views", type=int, default=8)
    ex.add_argument("--seed", type=int, default=7)
    ex.set_defaults(func=cmd_exemplars)
    for name, helptext in (
        ("dataset", "write a YOLO dataset of scenes"),
        ("video", "render the demo checkout video and its script"),
    ):
        sp = sub.add_parser(name, help=helptext)
        sp.add_argument(
            "--products",
            action="append",
            help="folder with one sub-folder of views per product (repeat to add folders; "
            "default: the demo store's exemplars)",
        )
        sp.add_argument(
            "--catalog",
            default=None,
            help="catalog CSV whose 'labels' column fixes class order (default: product folders "
            "in name order; a dataset of the demo exemplars takes the demo catalog)",
        )
        sp.add_argument("--seed", type=int, default=0)
    ds = sub.choices["dataset"]
    ds.add_argument("--out", required=True)
    ds.add_argument("--train", type=int, default=2000)
    ds.add_argument("--val", type=int, default=200)
    ds.add_argument("--test", type=int, default=300)
    ds.add_argument(
        "--independent", type=int, default=300, help="scenes in the independent test set (0: none)"
    )
    ds.add_argument("--workers", type=int, default=1)
    ds.add_argument(
        "--clear-band",
        type=float,
        default=0.0,
        help="train and val only: draw again any scene with a product whose visible share is "
        "within this much of the visibility line (e.g. 0.1: none 20-40 %% in view)",
    )
    ds.set_defaults(func=cmd_dataset)
    vd = sub.choices["video"]
    vd.add_argument("--out", default=str(DEMO_DIR / "demo_video.mp4"))
    vd.add_argument("--script", default=str(DEMO_DIR / "demo_video_script.json"))
    vd.set_defaults(func=cmd_video)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (ProductFolderError, MissingPhotos) as exc:
        print(f"python -m models.synth: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
