"""``kiosk demo``: the bundled model, the demo video on a loop and a fresh demo catalog.

Everything lives in a temporary data directory, so trying the demo never touches a
store's real catalog or ledger.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from catalog.db import connect
from catalog.demo import seed_demo
from catalog.pictures import PictureStore
from kiosk.config import (
    bundled_model_path,
    demo_catalog_path,
    demo_video_path,
    ensure_data_dirs,
    load_settings,
)
from kiosk.config_schema import Settings
from kiosk.errors import KioskError
from kiosk.vouchers import DEFAULT_LAYOUT

DEMO_LABEL_LAYOUTS = "22IIIIIPPPPPC, 23IIIIIWWWWWC"


def demo_cheese_label(grams: int) -> str:
    """The label the demo deli counter's scale prints on a pack of its Gouda weighing
    ``grams`` (for the self-test's shopper, the screenshots and tests)."""
    from catalog.demo import DELI_CHEESE
    from kiosk.price_labels import LabelRules, split_layouts

    rules = LabelRules(split_layouts(DEMO_LABEL_LAYOUTS))
    return rules.code_for(DELI_CHEESE.barcode or "", grams)


class DemoFilesMissing(KioskError):
    """The bundled demo model or video is not installed."""


def demo_settings(
    config_file: str | None = None,
    data_dir: Path | None = None,
    model_path: Path | None = None,
) -> tuple[Settings, Path, tempfile.TemporaryDirectory[str] | None]:
    """Settings for the demo and the model to load; keep the returned temp dir alive.

    ``model_path`` replaces the bundled model (to try a freshly trained one on the demo).
    """
    model, video = model_path or bundled_model_path(), demo_video_path()
    for path, what in ((model, "demo model"), (video, "demo video")):
        if not path.is_file():
            raise DemoFilesMissing(
                f"the {what} {path} is missing; reinstall the kiosk package or rebuild it "
                "with `python -m models.build`"
            )
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="kiosk-demo-")
        data_dir = Path(tmp.name)
    overrides = {
        "camera.source": str(video),
        "camera.loop": True,
        "detector.model": "",
        "paths.data_dir": data_dir,
        # The demo store's bottle machine: its cans carry a deposit, the empties come back.
        "vouchers.layout": DEFAULT_LAYOUT,
        "vouchers.tax_rate": 19.0,
        # The demo store's deli counter scale: labels with a price, or a weight (the cheese).
        "labels.layouts": DEMO_LABEL_LAYOUTS,
    }
    settings = load_settings(config_file, overrides=overrides)
    ensure_data_dirs(settings.paths)
    db = connect(settings.paths.database)
    try:
        seed_demo(db, demo_catalog_path(), PictureStore(settings.paths.pictures_dir))
    finally:
        db.conn.close()
    return settings, model, tmp
