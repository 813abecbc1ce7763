"""``kiosk replay FILE.jsonl``: run the checkout engine over a recorded detection stream.

The file is what ``kiosk detect SOURCE --jsonl FILE.jsonl`` writes: one JSON object per frame,
``{"frame", "t", "width", "height", "detections": [{"label", "class_id", "score", "box"}]}``.
The replay prints the basket each time it changes (the timeline); with ``--json`` every
timeline entry is a JSON line and the last line is the final basket. This is how a store
(and the tests) check the engine against real recordings, without a camera or a screen.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError


class ReplayFileError(KioskError):
    """The recording cannot be read as ``kiosk detect`` JSON lines."""


@dataclass(frozen=True)
class RecordedFrame:
    frame: int
    t: float
    rows: list[dict[str, Any]]


def read_recording(path: Path) -> Iterator[RecordedFrame]:
    """Frames of a ``kiosk detect`` JSON-lines file; lines that are not frames are skipped."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ReplayFileError(f"Cannot open recording {path}: {exc.strerror or exc}.") from exc
    with handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            try:
                row = json.loads(text)
                if "detections" not in row:
                    continue  # e.g. a summary line at the end of `kiosk detect --json`
                yield RecordedFrame(int(row["frame"]), float(row["t"]), list(row["detections"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise ReplayFileError(
                    f"{path}, line {number}: not a `kiosk detect` frame ({exc}). Record the "
                    "file again with `kiosk detect SOURCE --jsonl FILE.jsonl`."
                ) from exc


def view_json(view: Any) -> dict[str, Any]:
    """The basket of a :class:`~kiosk.checkout_values.CheckoutView` as plain JSON values."""
    basket = view.basket
    return {
        "state": view.state.value,
        "frame": basket.frame_index,
        "t": round(basket.t, 3),
        "settled": basket.settled,
        "lines": [
            {
                "sku": x.sku,
                "label": x.label,
                "name": x.name,
                "quantity": x.quantity,
                "unit_cents": x.unit_cents,
                "line_cents": x.line_cents,
            }
            for x in basket.lines
        ],
        "promotions": [
            {"sku": p.sku, "name": p.name, "times": p.times, "line_cents": p.line_cents}
            for p in basket.promotions
        ],
        "deposits": [
            {
                "sku": d.sku,
                "quantity": d.quantity,
                "unit_cents": d.unit_cents,
                "line_cents": d.line_cents,
            }
            for d in basket.deposits
        ],
        "vouchers": [{"code": v.code, "line_cents": v.line_cents} for v in basket.vouchers],
        "subtotal_cents": basket.subtotal_cents,
        "tax_cents": basket.tax_cents,
        "total_cents": basket.total_cents,
        "currency": basket.currency,
        "doubts": [
            {"kind": d.kind.value, "label": d.label, "region": d.region, "message": d.message}
            for d in basket.doubts
        ],
        "block_reasons": list(view.block_reasons),
    }


def _signature(entry: dict[str, Any]) -> tuple[Any, ...]:
    lines = tuple((x["sku"], x["quantity"]) for x in entry["lines"])
    doubts = tuple(sorted((d["kind"], d["label"]) for d in entry["doubts"]))
    return (entry["state"], entry["settled"], lines, doubts, entry["total_cents"])


def replay(frames: Iterable[RecordedFrame], checkout: Any) -> Iterator[dict[str, Any]]:
    """Feed every frame (and a tick) to ``checkout``; yield the basket whenever it changes."""
    from kiosk.checkout_events import FrameSeen, Tick
    from kiosk.detections import Detections

    last: tuple[Any, ...] | None = None
    entry: dict[str, Any] | None = None
    for frame in frames:
        checkout.handle(FrameSeen(Detections.from_json(frame.rows), frame.t, frame.frame))
        entry = view_json(checkout.handle(Tick(frame.t)))
        if _signature(entry) != last:
            last = _signature(entry)
            yield entry
    if entry is not None:
        yield {**entry, "final": True}


def describe(entry: dict[str, Any]) -> str:
    """One human-readable timeline line."""
    from kiosk.pricing import format_money

    items = ", ".join(f"{x['quantity']} × {x['label'] or x['sku']}" for x in entry["lines"])
    doubts = ", ".join(f"{d['kind']}:{d['label']}" for d in entry["doubts"])
    total = format_money(entry["total_cents"], entry["currency"])
    text = f"{entry['t']:8.2f}s  frame {entry['frame']:>5}  {entry['state']:<8}  {total:>9}"
    text += f"  {items or '(empty)'}"
    if doubts:
        text += f"  doubts: {doubts}"
    return text + ("" if entry["settled"] else "  (settling)")


def _open_catalog(args: argparse.Namespace, settings: Any, scratch: Path) -> Any:
    from catalog.db import connect

    if args.demo:
        from catalog.demo import seed_demo
        from kiosk.config import demo_catalog_path

        db = connect(scratch / "demo.db")
        seed_demo(db, demo_catalog_path())
        return db
    path = Path(args.db) if args.db else Path(settings.paths.database)
    if not path.exists():
        raise ReplayFileError(
            f"No catalog at {path}. Create one with `kiosk catalog` commands, pass --db PATH, "
            "or use --demo for the demo store."
        )
    return connect(path)


def run_replay(args: argparse.Namespace) -> int:
    from kiosk.checkout import Checkout
    from kiosk.config import load_settings

    settings = load_settings(args.config)
    with tempfile.TemporaryDirectory(prefix="kiosk-replay-") as scratch:
        db = _open_catalog(args, settings, Path(scratch))
        checkout = Checkout.from_settings(settings, db, receipts_dir=None)
        entry: dict[str, Any] | None = None
        for entry in replay(read_recording(Path(args.file)), checkout):
            if args.json:
                print(json.dumps(entry, ensure_ascii=False))
            elif not entry.get("final"):
                print(describe(entry))
        db.close()
    if entry is None:
        raise ReplayFileError(f"{args.file} holds no frames.")
    if not args.json:
        print("final: " + describe(entry).strip())
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay",
        help="run the checkout over a recorded detection stream (kiosk detect output)",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
    )
    parser.add_argument("file", metavar="FILE.jsonl", help="recording from `kiosk detect`")
    parser.add_argument("--json", action="store_true", help="JSON lines; the last is the basket")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--db", metavar="PATH", help="catalog database (default: the configured)")
    source.add_argument("--demo", action="store_true", help="use a temporary demo-store catalog")
    parser.set_defaults(func=run_replay)
