"""A price list from a USB stick, on the running kiosk's admin screen: import a catalog CSV
(with pictures), refuse a bad one whole, export the catalog for another kiosk.

Real parts: the kiosk window and its worker thread, Qt's own file dialog, the catalog on disk,
real CSV and picture files; the camera shows nothing and the test feeds detections.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from catalog.pictures import PictureStore
from kiosk.checkout_events import BarcodeScanned
from kiosk.checkout_values import CheckoutState
from tests.test_admin_products import deli_kiosk, products_tab, stored
from tests.test_ui_worker import add_cashier, feed, idle_kiosk
from ui.app import Kiosk

__all__ = ["deli_kiosk", "idle_kiosk"]  # the running kiosk fixtures

HEADER = "sku,name,price,tax_rate_percent,age_restricted,labels,image"


def pick(qtbot, tab, button, path: Path) -> None:
    """Press ``button`` and choose ``path`` in the file dialog it opens, as staff would."""
    button.click()
    dialog = tab.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_a_price_list_with_a_picture_is_imported_and_sold_at_once(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    cv2.imwrite(str(stick / "cola.png"), np.full((300, 200, 3), (40, 40, 200), np.uint8))
    (stick / "prices.csv").write_text(
        f"{HEADER}\n1001,Fizz Cola can 330 ml,1.59,19,false,cola-can,cola.png\n"
        "1101,Fizz Cola can 500 ml,1.89,19,false,,\n",
        encoding="utf-8",
    )
    dialog, tab = products_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.import_csv, stick / "prices.csv")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Imported"), timeout=5_000)
    assert dialog.status.text() == "Imported: 1 new, 1 changed, 0 as they were."
    assert tab.model.rowCount() == 20
    cola = stored(idle_kiosk, "1001")
    assert cola.price_cents == 159 and cola.image.startswith("1001-")
    picture = PictureStore(idle_kiosk.settings.paths.pictures_dir).load(cola.image)
    assert picture.shape == (256, 171, 3) and picture[128, 85].tolist() == [40, 40, 200]
    feed(idle_kiosk, "cola-can")
    window = idle_kiosk.window
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.view.basket.total_cents == 159


def test_a_bad_price_list_changes_nothing_and_says_which_rows(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"{HEADER}\n1001,Fizz Cola can 330 ml,1.59,19,false,cola-can,\n"
        "1002,Fizz Cherry Cola can 330 ml,one euro,19,false,cherry-cola-can,\n"
        "1003,Lemon Spark can 330 ml,1.19,19,false,lemon-soda-can,lemon.jpg\n",
        encoding="utf-8",
    )
    dialog, tab = products_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.import_csv, bad)
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    text = dialog.status.text()
    assert "bad.csv has 2 bad rows; nothing was imported." in text
    assert "line 3: price 'one euro'" in text and "line 4: picture 'lemon.jpg' not found" in text
    assert stored(idle_kiosk, "1001").price_cents == 129  # the good row was not applied either


def test_the_catalog_is_exported_with_its_pictures_for_another_kiosk(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog, tab = products_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.export_csv, stick)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported"), timeout=5_000)
    (written,) = stick.glob("catalog-*.csv")
    assert dialog.status.text() == (f"Exported 19 products to {written}, their pictures beside it.")
    assert len(written.read_text(encoding="utf-8").splitlines()) == 20
    assert len(list((stick / "pictures").iterdir())) == 19


def test_a_cashier_cannot_import_prices(qtbot, idle_kiosk: Kiosk, tmp_path: Path) -> None:
    add_cashier(idle_kiosk, "Bo")
    prices = tmp_path / "prices.csv"
    prices.write_text(f"{HEADER}\n1001,Fizz Cola can 330 ml,0.01,19,false,cola-can,\n")
    dialog, tab = products_tab(qtbot, idle_kiosk, "Bo")
    pick(qtbot, tab, tab.import_csv, prices)
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    assert "Bo is a cashier: a supervisor or manager imports prices" in dialog.status.text()
    assert stored(idle_kiosk, "1001").price_cents == 129


def test_a_price_list_from_excels_plain_csv_is_imported_with_a_word_to_check_it(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    sheet = tmp_path / "preise.csv"
    sheet.write_bytes(
        "sku;name;price;tax_rate_percent;age_restricted;labels;deposit\r\n"
        "1003;Limón Spark Dose;1,19;19;no;lemon-soda-can;0,25\r\n".encode("cp1252")
    )
    dialog, tab = products_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.import_csv, sheet)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Imported"), timeout=5_000)
    assert dialog.status.text() == (
        "Imported: 0 new, 1 changed, 0 as they were. The file was read as Windows-1252 "
        "(Excel's plain CSV): check the names with accents."
    )
    lemon = stored(idle_kiosk, "1003")
    assert (lemon.name, lemon.price_cents, lemon.deposit_cents) == ("Limón Spark Dose", 119, 25)


def test_a_packs_label_in_the_barcode_column_is_stored_as_its_products_number(
    qtbot, deli_kiosk: Kiosk, tmp_path: Path
) -> None:
    sheet = tmp_path / "deli.csv"
    sheet.write_text(
        "sku,name,price,tax_rate_percent,age_restricted,labels,barcode\n"
        '3001,"Ham, sliced",0,7,false,,2200042003252\n',  # a pack's label: item 00042 at 3.25
        encoding="utf-8",
    )
    dialog, tab = products_tab(qtbot, deli_kiosk)
    pick(qtbot, tab, tab.import_csv, sheet)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Imported"), timeout=5_000)
    assert dialog.status.text() == (
        "Imported: 1 new, 0 changed, 0 as they were. "
        "Scale labels stored as their product's number: 1."
    )
    assert stored(deli_kiosk, "3001").barcode == "2200042000008"
    deli_kiosk.worker.post(BarcodeScanned("2200042004105"))  # another pack of it: 4.10
    window = deli_kiosk.window
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 410, timeout=5_000)
