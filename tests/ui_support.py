"""Builders shared by the UI tests (``tests/test_ui_*.py``): real catalog files, real engine."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from catalog.db import connect
from catalog.demo import seed_demo
from catalog.pictures import PictureStore
from kiosk.checkout import Checkout
from kiosk.checkout_events import FrameSeen
from kiosk.checkout_values import CheckoutView
from kiosk.config import demo_catalog_path, ensure_data_dirs, load_settings
from kiosk.config_schema import Settings
from kiosk.detections import Detections
from kiosk.payment import SimulatedPaymentProvider

ROOT = Path(__file__).resolve().parent.parent
TINY_MODEL = ROOT / "tests" / "golden" / "models" / "tiny_e2e.onnx"
with demo_catalog_path().open(encoding="utf-8", newline="") as _file:
    DEMO_LABELS = [row["labels"].strip() for row in csv.DictReader(_file)]


def demo_settings_in(tmp_path: Path, source: str = "0", **overrides: Any) -> Settings:
    """Settings with a fresh demo catalog under ``tmp_path`` (no user config, no env)."""
    values: dict[str, Any] = {"camera.source": source, "paths.data_dir": tmp_path / "data"}
    values.update({key.replace("__", "."): value for key, value in overrides.items()})
    settings = load_settings(None, overrides=values, environ={})
    ensure_data_dirs(settings.paths)
    db = connect(settings.paths.database)
    try:
        seed_demo(db, demo_catalog_path(), PictureStore(settings.paths.pictures_dir))
    finally:
        db.conn.close()
    return settings


def detections(*items: str, score: float = 0.9) -> Detections:
    """Items side by side, one box each, labelled with demo-catalog labels."""
    rows = [
        {
            "label": label,
            "class_id": DEMO_LABELS.index(label) if label in DEMO_LABELS else 99,
            "score": score,
            "box": [40.0 + i * 120, 60.0, 140.0 + i * 120, 200.0],
        }
        for i, label in enumerate(items)
    ]
    return Detections.from_json(rows)


def combine(*parts: Detections) -> Detections:
    """Several detection sets as one frame (boxes moved apart so they never overlap)."""
    rows = []
    for shift, part in enumerate(parts):
        for row in part.to_json():
            box = list(row["box"])  # type: ignore[call-overload]
            row["box"] = [box[0], box[1] + shift * 200, box[2], box[3] + shift * 200]
            rows.append(row)
    return Detections.from_json(rows)


def open_checkout(settings: Settings, delay: float = 0.0) -> tuple[Checkout, Any]:
    """The real checkout engine on the settings' catalog, with a quick simulated terminal."""
    db = connect(settings.paths.database)
    terminal = SimulatedPaymentProvider(delay_seconds=delay)
    return Checkout.from_settings(settings, db, terminal), db


def settle(checkout: Checkout, dets: Detections, t: float, seconds: float = 2.0) -> CheckoutView:
    """Show the same detections at 10 frames/s for ``seconds``; the last view."""
    view = checkout.view
    for i in range(int(seconds * 10)):
        view = checkout.handle(FrameSeen(dets, t=t + i / 10, frame_index=i))
    return view


class NoFrames:
    """A frame source that has not delivered yet (for windows whose worker never starts)."""

    state = "starting"
    reason = ""

    def start(self) -> NoFrames:
        return self

    def stop(self) -> None:
        self.state = "stopped"

    def latest(self) -> None:
        return None

    def wait_for_frame(self, after_index: int = -1, timeout: float | None = None) -> None:
        return None
