"""A product scanned at the shopper's window: the scanner's keystrokes, the basket, the bar.

Real parts: the kiosk window (offscreen Qt), the real checkout engine on a demo catalog file
(its birthday card is on sale and not in the model), Qt key events as a USB scanner sends them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from catalog.demo import BIRTHDAY_CARD
from kiosk.checkout_events import BarcodeScanned, PayPressed, ShopperAdd
from kiosk.checkout_model import PACK_CHOICE
from tests.test_ui_screens import window
from tests.ui_support import demo_settings_in, detections, open_checkout, settle
from ui.demo import DEMO_LABEL_LAYOUTS, demo_cheese_label
from ui.scanner import ScannerKeys

__all__ = ["window"]  # the kiosk window fixture


@pytest.fixture
def checkout(tmp_path: Path):
    engine, db = open_checkout(demo_settings_in(tmp_path))
    yield engine
    db.conn.close()


def scan(qtbot, window, code: str) -> None:
    qtbot.keyClicks(window, code)  # a scanner's digits, a few ms apart
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_a_scanned_card_joins_the_basket_and_the_bar_takes_it_back(window, checkout, qtbot) -> None:
    posted = []
    window.worker.post = posted.append  # the worker thread is not running here
    window.show_view(settle(checkout, detections("cola-can"), t=10.0))
    scan(qtbot, window, BIRTHDAY_CARD.barcode)
    assert posted == [BarcodeScanned(BIRTHDAY_CARD.barcode)]
    window.show_view(checkout.handle(posted[-1]))
    names = [window.model.cell_text(row, 0) for row in range(window.model.rowCount())]
    assert names == ["Birthday card", "Fizz Cola can 330 ml"]
    assert window.basket_panel.total_value.text() == "€3.78"
    assert (window.banner.level, window.banner.text) == ("ok", "Added: Birthday card.")
    bar = window.screen_items
    assert bar.isVisibleTo(window) and bar.counts[BIRTHDAY_CARD.sku].text() == "1"
    less, _ = bar.rows[BIRTHDAY_CARD.sku]
    posted.clear()
    qtbot.mouseClick(less, Qt.MouseButton.LeftButton)  # a double scan taken back
    assert posted == [ShopperAdd(BIRTHDAY_CARD.sku, -1)]

    posted.clear()
    scan(qtbot, window, "4006381333931")  # another store's product
    view = checkout.handle(posted[-1])
    window.show_view(view)
    assert window.banner.level == "warn" and "not one of the store's products" in window.banner.text
    assert window.model.rowCount() == 2

    window.show_view(checkout.handle(PayPressed()))
    posted.clear()
    scan(qtbot, window, BIRTHDAY_CARD.barcode)
    assert posted == []  # a basket being paid takes nothing more


def test_a_scanner_that_sends_no_enter_is_read_when_its_burst_ends(window, checkout, qtbot) -> None:
    keys = ScannerKeys(gap_s=0.08)
    for i, digit in enumerate(BIRTHDAY_CARD.barcode):
        keys.key(digit, False, 5.0 + i * 0.004)
    assert keys.ended(5.06) is None  # still typing, as far as anyone can tell
    assert keys.ended(5.2) == BIRTHDAY_CARD.barcode and keys.ended(5.3) is None
    for i, digit in enumerate("1234567"):  # too short for any barcode: someone typing
        keys.key(digit, False, 6.0 + i * 0.004)
    assert keys.ended(6.5) is None

    posted = []
    window.worker.post = posted.append
    window.show_view(settle(checkout, detections("cola-can"), t=10.0))
    qtbot.keyClicks(window, BIRTHDAY_CARD.barcode)  # and no Enter
    assert posted == []
    qtbot.waitUntil(lambda: posted == [BarcodeScanned(BIRTHDAY_CARD.barcode)], timeout=2_000)


def test_the_bar_keeps_its_rows_and_adds_or_drops_only_the_scanned_one(window, checkout) -> None:
    window.worker.post = lambda event: None
    window.show_view(settle(checkout, detections("cola-can"), t=10.0))
    bar = window.screen_items
    bag_row = bar.rows["2001"]
    window.show_view(checkout.handle(BarcodeScanned(BIRTHDAY_CARD.barcode)))
    assert list(bar.rows) == ["2001", "2002"] and bar.rows["2001"] is bag_row  # added, not rebuilt
    window.show_view(checkout.handle(PayPressed()))
    assert not bar.isVisibleTo(window) and list(bar.rows) == ["2001", "2002"]  # hidden, kept
    window.show_view(checkout.handle(ShopperAdd(BIRTHDAY_CARD.sku, -1)))  # refused while paying
    assert list(bar.rows) == ["2001", "2002"]


def test_taking_the_scanned_card_out_drops_its_row(window, checkout) -> None:
    window.worker.post = lambda event: None
    window.show_view(settle(checkout, detections("cola-can"), t=10.0))
    bar = window.screen_items
    bag_row = bar.rows["2001"]
    window.show_view(checkout.handle(BarcodeScanned(BIRTHDAY_CARD.barcode)))
    window.show_view(checkout.handle(ShopperAdd(BIRTHDAY_CARD.sku, -1)))
    assert list(bar.rows) == ["2001"] and bar.rows["2001"] is bag_row
    assert bar.isVisibleTo(window) and bar.counts["2001"].text() == "0"


def test_a_kept_row_shows_the_new_price_and_picture(qtbot) -> None:
    from kiosk.checkout_values import ShopperChoice
    from ui.screen_items import ScreenItemsBar

    bar = ScreenItemsBar()
    qtbot.addWidget(bar)
    bag = ShopperChoice("2001", "Carrier bag", 20, "EUR", 0, "2001-old.png")
    bar.show_choices((bag,))
    row = bar.rows["2001"]
    bar.show_choices(())
    bar.show_choices((replace(bag, unit_cents=25, image="2001-new.png"),))
    assert bar.rows["2001"] is row and bar.names["2001"].text() == "Carrier bag  €0.25"
    assert bar.images["2001"][1] == "2001-new.png"


@pytest.fixture
def deli_checkout(tmp_path: Path):
    settings = demo_settings_in(tmp_path, labels__layouts=DEMO_LABEL_LAYOUTS)
    engine, db = open_checkout(settings)
    yield engine
    db.conn.close()


def test_a_deli_pack_shows_its_weight_and_price_and_the_bar_takes_it_back(
    window, deli_checkout, qtbot
) -> None:
    posted = []
    window.worker.post = posted.append  # the worker thread is not running here
    window.show_view(settle(deli_checkout, detections("cola-can"), t=10.0))
    code = demo_cheese_label(254)
    scan(qtbot, window, code)
    assert posted == [BarcodeScanned(code)]
    window.show_view(deli_checkout.handle(posted[-1]))
    names = [window.model.cell_text(row, 0) for row in range(window.model.rowCount())]
    assert names == ["Fizz Cola can 330 ml", "Gouda, sliced 0.254 kg × €12.90/kg"]
    assert window.basket_panel.total_value.text() == "€4.57"  # 1.29 + 12.90 × 0.254
    assert (window.banner.level, window.banner.text) == (
        "ok",
        "Added: Gouda, sliced 0.254 kg × €12.90/kg, €3.28.",
    )
    bar = window.screen_items
    row = PACK_CHOICE + code
    assert bar.names[row].text() == "Gouda, sliced 0.254 kg × €12.90/kg  €3.28"
    less, _ = bar.rows[row]
    posted.clear()
    qtbot.mouseClick(less, Qt.MouseButton.LeftButton)  # scanned twice by mistake: one back
    assert posted == [ShopperAdd(row, -1)]
    window.show_view(deli_checkout.handle(posted[-1]))
    assert window.model.rowCount() == 1 and row not in bar.rows
