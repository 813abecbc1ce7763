"""Product pictures on the running kiosk: beside the basket lines, the screen items and the
admin's product list, and taken from the counter camera on the Products tab; each on a
square, so the names beside pictures of any shape line up.

Real parts: the kiosk window and its worker thread, the demo catalog with its pictures on
disk, and for the camera a still picture of a cola can on a grey counter read by the bundled
demo model.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from catalog.db import connect
from catalog.pictures import PictureStore
from catalog.products import get_product
from kiosk.checkout_values import CheckoutState
from kiosk.config import bundled_model_path
from tests.test_admin_products import choose, products_tab
from tests.test_ui_worker import add_cashier, feed, idle_kiosk, start, stop
from tests.ui_support import demo_settings_in
from ui.app import Kiosk, build_kiosk
from ui.pictures import PictureCache

__all__ = ["idle_kiosk"]  # the running kiosk fixture

EXEMPLARS = Path(__file__).resolve().parents[1] / "models" / "demo" / "exemplars"
CAN_AT = (260, 200)  # where the can lies on the counter picture (x, y)


def mostly_red(image: np.ndarray) -> bool:
    """More than half of the opaque pixels are red (the cola's can and the apple)."""
    bgr = image[:, :, :3].astype(int)
    opaque = image[:, :, 3] > 128 if image.shape[2] == 4 else np.ones(image.shape[:2], bool)
    red = (bgr[:, :, 2] > 120) & (bgr[:, :, 2] > bgr[:, :, 1] + 60)
    return (red & opaque).sum() > 0.5 * opaque.sum()


def icon_pixels(icon, side: int = 40) -> np.ndarray:
    """The icon as drawn at ``side`` px, as BGRA pixels."""
    from PySide6.QtGui import QImage

    image = icon.pixmap(side, side).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()].copy()


def test_basket_lines_and_the_bag_show_their_pictures(qtbot, idle_kiosk: Kiosk) -> None:
    from PySide6.QtCore import Qt

    window = idle_kiosk.window
    feed(idle_kiosk, "cola-can")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    model = window.model

    def picture(row: int):
        return model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)

    qtbot.waitUntil(lambda: mostly_red(icon_pixels(picture(0))), timeout=5_000)  # read apart
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DecorationRole) is None  # name only
    bag, _ = window.screen_items.images["2001"]
    qtbot.waitUntil(lambda: bag.isVisible() and not bag.pixmap().isNull(), timeout=5_000)
    assert bag.pixmap().width() == window.screen_items.picture_side


def test_a_product_without_a_picture_shows_none(qtbot, idle_kiosk: Kiosk) -> None:
    from PySide6.QtCore import Qt

    db = connect(idle_kiosk.settings.paths.database)
    try:
        name = get_product(db, "1001").image
    finally:
        db.conn.close()
    PictureStore(idle_kiosk.settings.paths.pictures_dir).path(name).unlink()
    # a picture file lost: the product is shown without it, the sale goes on
    window = idle_kiosk.window
    with qtbot.waitSignal(window.pictures.loaded, check_params_cb=lambda n: n == name):
        feed(idle_kiosk, "cola-can")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    model = window.model
    room = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)  # its name lines up
    image = room.pixmap(128, 128).toImage()
    assert image.width() == 128 and not any(
        image.pixelColor(x, y).alpha() for x in range(0, 128, 8) for y in range(0, 128, 8)
    )
    assert model.data(model.index(0, 0)) == "Fizz Cola can 330 ml"


def test_the_products_list_shows_each_products_picture(qtbot, idle_kiosk: Kiosk) -> None:
    from PySide6.QtCore import Qt

    _, tab = products_tab(qtbot, idle_kiosk)
    model = tab.model
    rows = range(model.rowCount())
    shown = lambda: [model.data(model.index(r, 1), Qt.ItemDataRole.DecorationRole) for r in rows]  # noqa: E731
    read = lambda: all(icon_pixels(icon)[:, :, 3].any() for icon in shown())  # noqa: E731
    qtbot.waitUntil(read, timeout=10_000)
    apple = [p.sku for p in model.products].index("1015")
    assert mostly_red(icon_pixels(shown()[apple]))


@pytest.fixture
def counter_kiosk(qtbot, tmp_path: Path):
    """A kiosk whose camera sees one cola can on a grey counter, read by the demo model."""
    if not bundled_model_path().is_file():
        pytest.skip("the demo model is built by the models pipeline")
    can = cv2.imread(str(EXEMPLARS / "cola-can" / "01.png"), cv2.IMREAD_UNCHANGED)
    counter = np.full((480, 640, 3), 150, np.uint8)
    (x, y), (h, w) = CAN_AT, can.shape[:2]
    alpha = can[:, :, 3:] / 255.0
    counter[y : y + h, x : x + w] = (
        can[:, :, :3] * alpha + counter[y : y + h, x : x + w] * (1 - alpha)
    ).astype(np.uint8)
    still = tmp_path / "counter.png"
    cv2.imwrite(str(still), counter)
    settings = demo_settings_in(tmp_path, str(still), camera__stall_seconds=600.0)
    kiosk = build_kiosk(settings, model_path=bundled_model_path())
    start(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.worker.inferences >= 2, timeout=20_000)
    yield kiosk
    stop(kiosk)


def stored_image(kiosk: Kiosk, sku: str) -> str | None:
    db = connect(kiosk.settings.paths.database)
    try:
        return get_product(db, sku).image
    finally:
        db.conn.close()


def test_staff_take_a_products_picture_from_the_counter_camera(qtbot, counter_kiosk) -> None:
    dialog, tab = products_tab(qtbot, counter_kiosk)
    choose(tab, "1002")  # the cherry cola gets the picture of the can on the counter
    before = tab.picture_name
    tab.take_picture.click()
    qtbot.waitUntil(lambda: tab.picture_name != before, timeout=5_000)
    assert tab.problem.text() == "Picture taken of the item on the counter. Save to keep it."
    assert not tab.picture.pixmap().isNull()
    assert stored_image(counter_kiosk, "1002") == before  # not the product's until saved
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    name = stored_image(counter_kiosk, "1002")
    assert name == tab.picture_name and name.startswith("1002-")
    picture = PictureStore(counter_kiosk.settings.paths.pictures_dir).load(name)
    assert picture is not None and picture.shape[0] == picture.shape[1]  # square
    assert 140 <= picture.shape[0] <= 170  # the can (134 px long) and a margin, not the frame
    assert mostly_red(picture[picture.shape[0] // 3 : -picture.shape[0] // 3])

    tab.remove_picture.click()
    assert tab.picture_name is None and tab.picture.text() == "no picture"
    tab.save.click()
    qtbot.waitUntil(lambda: stored_image(counter_kiosk, "1002") is None, timeout=5_000)


def test_a_cashier_cannot_take_pictures(qtbot, counter_kiosk) -> None:
    add_cashier(counter_kiosk, "Bo")
    dialog, tab = products_tab(qtbot, counter_kiosk, "Bo")
    choose(tab, "1002")
    before = tab.picture_name
    tab.take_picture.click()
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    assert "Bo is a cashier: a supervisor or manager changes products and their pictures" in (
        dialog.status.text()
    )
    assert tab.picture_name == before


def test_no_camera_picture_yet_is_said_plainly(qtbot, idle_kiosk: Kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    tab.start_new()
    tab.take_picture.click()
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    assert "the camera has not delivered a picture yet" in dialog.status.text()
    assert tab.picture_name is None


RED, BLUE = (40, 40, 200), (200, 60, 30)  # BGR


def test_tall_and_wide_pictures_come_on_squares_so_every_rows_name_starts_alike(
    qtbot, tmp_path: Path
) -> None:
    store = PictureStore(tmp_path / "pictures")
    tall = store.save("1010", np.full((300, 100, 3), RED, np.uint8))  # a cereal box
    wide = store.save("1001", np.full((60, 180, 3), BLUE, np.uint8))  # a can lying down
    cache = PictureCache(store)
    assert cache.icon(tall) is None and cache.icon(wide) is None  # being read, not waited for
    qtbot.waitUntil(lambda: cache.icon(tall) is not None and cache.icon(wide) is not None)

    for name, colour in ((tall, RED), (wide, BLUE)):
        icon = cache.icon(name)
        assert icon.availableSizes() == [QSize(128, 128)]
        image = icon.pixmap(128, 128).toImage()
        middle = image.pixelColor(64, 64)
        assert (middle.blue(), middle.green(), middle.red()) == colour
    assert cache.icon(tall).pixmap(128, 128).toImage().pixelColor(2, 64).alpha() == 0
    assert cache.icon(wide).pixmap(128, 128).toImage().pixelColor(64, 2).alpha() == 0

    # An item view gives each the same room, so the names beside them line up.
    model = QStandardItemModel()
    for name in (tall, wide):
        model.appendRow(QStandardItem(cache.icon(name), "Product"))
    view = QTableView()
    view.setModel(model)
    view.setIconSize(QSize(40, 40))
    qtbot.addWidget(view)
    view.show()
    starts = []
    for row in range(2):
        option = QStyleOptionViewItem()
        view.itemDelegate().initStyleOption(option, model.index(row, 0))
        option.rect = view.visualRect(model.index(row, 0))
        style = view.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        starts.append(text.left() - option.rect.left())
    assert starts[0] == starts[1]
