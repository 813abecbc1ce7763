"""Teach the camera a product on the running kiosk: the empty counter, then views of the
product, filed where the enrolment pipeline reads them.

Real parts: the kiosk window, its worker thread, the detector (the bundled demo model), the
catalog on disk and the camera watchdog. The camera itself is the one fake (this machine has
none): it shows a wooden counter with sensor noise, and the test puts a product on it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.config import bundled_model_path
from kiosk.watchdog import LatestFrameSource
from models.synth.counters import _wood
from models.synth.exemplars import load_products
from tests.test_admin_products import choose, products_tab
from tests.test_ui_worker import add_cashier, open_admin, start, stop
from tests.ui_support import demo_settings_in
from ui.app import Kiosk, build_kiosk

EXEMPLARS = Path(__file__).resolve().parents[1] / "models" / "demo" / "exemplars"


class CounterCamera:
    """A camera over a counter: what lies on it can change; every frame has its own noise."""

    live = True
    fps = None
    description = "camera 0"

    def __init__(self) -> None:
        self.empty = (_wood(np.random.default_rng(3), 480, 640) * 255).astype(np.uint8)
        self.scene = self.empty
        self.rng = np.random.default_rng(0)
        self.lock = threading.Lock()

    def put_down(self, label: str, at: tuple[int, int], view: int = 0) -> None:
        product = cv2.imread(str(EXEMPLARS / label / f"{view:02d}.png"), cv2.IMREAD_UNCHANGED)
        (x, y), (h, w) = at, product.shape[:2]
        scene = self.empty.copy()
        alpha = product[:, :, 3:] / 255.0
        patch = scene[y : y + h, x : x + w]
        scene[y : y + h, x : x + w] = (product[:, :, :3] * alpha + patch * (1 - alpha)).astype(
            np.uint8
        )
        self.scene = scene

    def clear(self) -> None:
        self.scene = self.empty

    def open(self) -> CounterCamera:
        return self

    def read(self) -> np.ndarray:
        time.sleep(1 / 30)
        with self.lock:
            noise = self.rng.integers(-3, 4, self.scene.shape)
        return np.clip(self.scene + noise, 0, 255).astype(np.uint8)

    def release(self) -> None:
        pass


@pytest.fixture
def counter(qtbot, tmp_path: Path):
    if not bundled_model_path().is_file():
        pytest.skip("the demo model is built by the models pipeline")
    camera = CounterCamera()
    frames = LatestFrameSource("0", opener=camera.open, stall_seconds=600.0)
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=600.0)
    kiosk = build_kiosk(settings, model_path=bundled_model_path(), frames=frames)
    start(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.worker.inferences >= 2, timeout=20_000)
    yield kiosk, camera
    stop(kiosk)


def newest_frames(qtbot, kiosk: Kiosk) -> None:
    """Wait until the detector has read frames taken after this moment."""
    seen = kiosk.worker.inferences
    qtbot.waitUntil(lambda: kiosk.worker.inferences >= seen + 3, timeout=5_000)


def fill_colour(button) -> tuple[int, int, int]:
    """The colour of the button's face, beside its text."""
    image = button.grab().toImage()
    colour = image.pixelColor(image.width() // 10, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def enrol_tab(qtbot, kiosk: Kiosk, name: str = "Demo Manager"):
    dialog, _ = products_tab(qtbot, kiosk, name)
    tab = dialog.enrol
    qtbot.waitUntil(lambda: tab.product.count() == 18, timeout=5_000)  # not the bag
    return dialog, tab


def test_staff_take_views_of_a_product_and_they_are_filed_for_training(qtbot, counter) -> None:
    kiosk, camera = counter
    dialog, tab = enrol_tab(qtbot, kiosk)
    tab.choose("1013")  # the jam jar, whose label is jam-jar
    qtbot.waitUntil(lambda: tab.enrolment is not None, timeout=5_000)
    assert not tab.take.isEnabled()  # the empty counter first
    assert "0 views of jam-jar so far" in tab.filed.text()
    waiting = fill_colour(tab.take)
    tab.empty.click()
    qtbot.waitUntil(lambda: tab.take.isEnabled(), timeout=5_000)
    assert waiting != fill_colour(tab.take)  # a disabled button looks disabled
    assert dialog.status.text() == "The empty counter is noted."
    tab.length.setValue(95.0)
    for view, spot in enumerate([(120, 100), (330, 220)]):
        camera.put_down("jam-jar", spot, view)
        newest_frames(qtbot, kiosk)
        tab.take.click()
        qtbot.waitUntil(lambda v=view: tab.enrolment.views == v + 1, timeout=5_000)
        assert dialog.status.text() == f"View {view + 1} of jam-jar taken."
    assert not tab.preview.pixmap().isNull()
    assert "2 views of jam-jar so far" in tab.filed.text() and "Take 8 or more." in tab.filed.text()
    folder = kiosk.settings.paths.enrol_dir / "jam-jar"
    assert sorted(p.name for p in folder.iterdir()) == ["00.png", "01.png", "product.json"]
    products = load_products(kiosk.settings.paths.enrol_dir)  # what models.build reads
    views = products.views["jam-jar"]
    jar = cv2.imread(str(EXEMPLARS / "jam-jar" / "00.png"), cv2.IMREAD_UNCHANGED)
    assert abs(views[0].image.shape[0] - jar.shape[0]) <= 4  # the jar, cut out tight
    assert views[0].px_per_mm == pytest.approx(max(views[0].image.shape[:2]) / 95.0)

    camera.clear()  # nothing on the counter: said plainly, nothing stored
    newest_frames(qtbot, kiosk)
    tab.take.click()
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    assert "put the product down" in dialog.status.text()
    assert len(list(folder.glob("*.png"))) == 2

    assert tab.view_names() == ["00.png", "01.png"]  # the strip of views taken
    assert not tab.remove_view.isEnabled()
    tab.views.item(0).setSelected(True)  # the first one had a hand in it, say
    tab.remove_view.click()
    qtbot.waitUntil(lambda: tab.view_names() == ["01.png"], timeout=5_000)
    assert dialog.status.text() == "The view was removed."
    assert sorted(p.name for p in folder.glob("*.png")) == ["01.png"]
    assert "1 views of jam-jar so far" in tab.filed.text()

    tab.forget.click()
    qtbot.waitUntil(lambda: tab.enrolment.views == 0, timeout=5_000)
    assert list(folder.glob("*.png")) == []


def test_a_cashier_cannot_teach_the_camera(qtbot, counter) -> None:
    kiosk, _ = counter
    add_cashier(kiosk, "Bo")
    dialog, tab = enrol_tab(qtbot, kiosk, "Bo")
    tab.choose("1013")
    qtbot.waitUntil(lambda: tab.enrolment is not None, timeout=5_000)
    tab.empty.click()
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    assert "Bo is a cashier: a supervisor or manager teaches the camera products" in (
        dialog.status.text()
    )
    assert not tab.take.isEnabled()


def test_a_product_picture_taken_after_the_empty_counter_is_cut_out(qtbot, counter) -> None:
    from catalog.pictures import PictureStore

    kiosk, camera = counter
    dialog, tab = enrol_tab(qtbot, kiosk)
    tab.choose("1013")
    qtbot.waitUntil(lambda: tab.enrolment is not None, timeout=5_000)
    tab.empty.click()
    qtbot.waitUntil(lambda: tab.take.isEnabled(), timeout=5_000)
    camera.put_down("jam-jar", (250, 150))
    newest_frames(qtbot, kiosk)
    products = dialog.products
    dialog.tabs.setCurrentWidget(products)
    choose(products, "1013")
    products.take_picture.click()
    qtbot.waitUntil(lambda: products.problem.text().startswith("Picture cut out"), timeout=5_000)
    picture = PictureStore(kiosk.settings.paths.pictures_dir).load(products.picture_name)
    jar = cv2.imread(str(EXEMPLARS / "jam-jar" / "00.png"), cv2.IMREAD_UNCHANGED)
    assert picture.shape[2] == 4  # the counter around it is transparent
    # the jar (94 px), not the frame; its grey rim may blend into the wood at a few places
    assert all(abs(picture.shape[i] - jar.shape[i]) <= 10 for i in (0, 1))
    assert picture[0, 0, 3] == 0 and picture[jar.shape[0] // 2, jar.shape[1] // 2, 3] == 255

    camera.clear()  # nothing new on the counter: the square picture as before
    newest_frames(qtbot, kiosk)
    products.take_picture.click()
    qtbot.waitUntil(
        lambda: products.problem.text().startswith("The camera recognises nothing"), timeout=5_000
    )


def test_a_new_product_gets_the_label_its_views_are_filed_under(qtbot, counter) -> None:
    from catalog.audit import list_entries
    from catalog.db import connect
    from catalog.models import Product
    from catalog.products import get_product, upsert_product

    kiosk, camera = counter
    db = connect(kiosk.settings.paths.database)
    try:
        upsert_product(db, Product("1101", "Fizz Cola can 500 ml", 189, 1900), "test")
    finally:
        db.conn.close()
    dialog = open_admin(qtbot, kiosk.window)
    qtbot.waitUntil(lambda: dialog.enrol.product.count() == 19, timeout=5_000)
    enrol = dialog.enrol
    enrol.choose("1101")
    qtbot.waitUntil(lambda: enrol.enrolment is not None, timeout=5_000)
    assert enrol.enrolment.label == "fizz-cola-can-500-ml"
    enrol.empty.click()
    qtbot.waitUntil(lambda: enrol.take.isEnabled(), timeout=5_000)
    camera.put_down("cola-can", (200, 200), view=1)
    newest_frames(qtbot, kiosk)
    enrol.take.click()
    qtbot.waitUntil(lambda: enrol.enrolment.views == 1, timeout=5_000)
    db = connect(kiosk.settings.paths.database)
    try:
        assert get_product(db, "1101").labels == ("fizz-cola-can-500-ml",)
        (entry,) = list_entries(db, entity="product:1101", action="product.update")
        assert entry.actor == "Demo Manager" and entry.new["labels"] == ["fizz-cola-can-500-ml"]
    finally:
        db.conn.close()
    enrol.take.click()  # a second view: the label is there already, nothing more changes
    qtbot.waitUntil(lambda: enrol.enrolment.views == 2, timeout=5_000)
    db = connect(kiosk.settings.paths.database)
    try:
        assert len(list_entries(db, entity="product:1101", action="product.update")) == 1
    finally:
        db.conn.close()
