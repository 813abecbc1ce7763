"""The admin screen's Products tab on a running kiosk: change a product, add one, move a label.

Real parts: the kiosk window with its worker thread, the real catalog file and the checkout
engine; the camera shows nothing and the test feeds the detections a model would report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.audit import list_entries
from catalog.db import connect
from catalog.models import Product
from catalog.products import get_product, list_products
from kiosk.checkout_events import BarcodeScanned
from kiosk.checkout_values import CheckoutState
from tests.test_ui_worker import add_cashier, feed, idle_kiosk, open_admin, start, stop
from tests.ui_support import TINY_MODEL, NoFrames, demo_settings_in
from ui.app import Kiosk, build_kiosk
from ui.demo import DEMO_LABEL_LAYOUTS

__all__ = ["idle_kiosk"]  # the running kiosk fixture

ALL_DEMO_PRODUCTS = 19


def stored(kiosk: Kiosk, sku: str) -> Product | None:
    """``sku`` as the catalog on disk holds it (what the next sale will charge)."""
    db = connect(kiosk.settings.paths.database)
    try:
        return get_product(db, sku)
    finally:
        db.conn.close()


def products_tab(qtbot, kiosk: Kiosk, name: str = "Demo Manager", **kwargs):
    dialog = open_admin(qtbot, kiosk.window, name, **kwargs)
    tab = dialog.products
    qtbot.waitUntil(lambda: tab.model.rowCount() == ALL_DEMO_PRODUCTS, timeout=5_000)
    qtbot.waitUntil(lambda: len(tab.model_labels) == 16, timeout=5_000)
    return dialog, tab


def choose(tab, sku: str) -> int:
    """Staff tap the product's row: its form opens."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    tab.window().show()
    row = [p.sku for p in tab.model.products].index(sku)
    shown = tab.found.mapFromSource(tab.model.index(row, 1))  # the list as searched
    tab.table.scrollTo(shown)
    spot = tab.table.visualRect(shown).center()
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert tab.editing() and tab.sku.text() == sku
    return row


def test_admin_edits_a_price_through_the_worker_and_the_catalog(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    qtbot.waitUntil(lambda: "Sales today" in dialog.sales.summary.text(), timeout=5_000)
    qtbot.waitUntil(lambda: bool(tab.model_line.text()), timeout=5_000)
    assert tab.model_line.text() == "Recognition model: tiny_e2e.onnx (16 labels)"
    row = choose(tab, "1001")
    assert tab.name.text() == "Fizz Cola can 330 ml" and not tab.sku.isEnabled()
    tab.price.setValue(1.49)
    tab.active.setChecked(False)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    assert dialog.status.text() == "Saved 1001 Fizz Cola can 330 ml."
    assert tab.model.data(tab.model.index(row, 2)) == "€1.49"
    assert not tab.editing() and tab.current_sku() == "1001"  # back on the list, still chosen
    product = stored(idle_kiosk, "1001")
    assert product is not None and product.price_cents == 149 and not product.active
    assert product.labels == ("cola-can",)  # what the form did not change stays


def test_a_cashier_sees_the_admin_screen_but_cannot_change_a_product(qtbot, idle_kiosk) -> None:
    add_cashier(idle_kiosk, "Bo")
    dialog, tab = products_tab(qtbot, idle_kiosk, "Bo")
    choose(tab, "1001")
    tab.price.setValue(0.01)
    tab.save.click()
    qtbot.waitUntil(lambda: "changes products and prices" in dialog.status.text(), timeout=5_000)
    assert stored(idle_kiosk, "1001").price_cents == 129
    tab.start_new()
    tab.sku.setText("1101")
    tab.name.setText("Fizz Cola can 500 ml")
    tab.save.click()
    qtbot.waitUntil(lambda: "changes products and prices" in dialog.status.text(), timeout=5_000)
    assert stored(idle_kiosk, "1101") is None


def test_admin_prices_follow_the_stores_currency(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk, currency="JPY")
    row = choose(tab, "1001")
    assert tab.model.data(tab.model.index(row, 2)) == "¥129"  # minor units are yen
    assert tab.price.value() == 129 and tab.price.decimals() == 0
    tab.price.setValue(150)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    assert stored(idle_kiosk, "1001").price_cents == 150


def test_a_new_product_takes_a_label_and_the_running_checkout_sells_it(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    tab.start_new()
    assert tab.sku.isEnabled() and tab.tax.value() == 7.0  # the catalog's usual rate
    tab.sku.setText("1101")
    tab.name.setText("Fizz Cola can 500 ml")
    tab.price.setValue(1.79)
    tab.tax.setValue(19.0)
    assert "cola-can — now 1001 Fizz Cola can 330 ml" in tab.label_rows()
    tab.tick_label("cola-can")
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Added"), timeout=5_000)
    assert dialog.status.text() == (
        "Added 1101 Fizz Cola can 500 ml. "
        "1001 Fizz Cola can 330 ml is no longer recognised as cola-can."
    )
    assert tab.model.rowCount() == ALL_DEMO_PRODUCTS + 1 and tab.current_sku() == "1101"
    assert not tab.sku.isEnabled()  # saved: from now on it is changed, not added again
    new, old = stored(idle_kiosk, "1101"), stored(idle_kiosk, "1001")
    assert new == Product("1101", "Fizz Cola can 500 ml", 179, 1900, labels=("cola-can",))
    assert old is not None and old.labels == () and old.price_cents == 129
    db = connect(idle_kiosk.settings.paths.database)
    try:
        created = list_entries(db, entity="product:1101", action="product.create")
        gave_up = list_entries(db, entity="product:1001", action="product.update")
    finally:
        db.conn.close()
    assert [e.actor for e in created] == ["Demo Manager"]
    assert [e.actor for e in gave_up] == ["Demo Manager"]

    feed(idle_kiosk, "cola-can")
    window = idle_kiosk.window
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    (line,) = window.view.basket.lines
    assert (line.sku, line.unit_cents, line.tax_rate_bp) == ("1101", 179, 1900)


def test_a_new_product_with_a_sku_in_use_changes_nothing(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    before = stored(idle_kiosk, "1002")
    tab.start_new()
    tab.sku.setText("1002")
    tab.name.setText("Something else")
    tab.tick_label("cola-can")
    tab.save.click()
    qtbot.waitUntil(lambda: "already" in dialog.status.text(), timeout=5_000)
    assert "sku '1002' is already 'Fizz Cherry Cola can 330 ml'" in dialog.status.text()
    assert stored(idle_kiosk, "1002") == before
    assert stored(idle_kiosk, "1001").labels == ("cola-can",)  # not moved either
    assert tab.editing() and tab.sku.isEnabled() and tab.sku.text() == "1002"  # to correct


def test_a_form_without_a_name_asks_for_one(qtbot, idle_kiosk) -> None:
    _, tab = products_tab(qtbot, idle_kiosk)
    assert not tab.save.isEnabled() and not tab.name.isEnabled()  # nothing chosen yet
    tab.start_new()
    tab.sku.setText("1102")
    tab.save.click()
    assert tab.problem.text() == "A product needs a SKU and a name."
    qtbot.wait(200)
    assert stored(idle_kiosk, "1102") is None


def test_marking_a_product_age_restricted_stops_its_sale_for_a_check(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    choose(tab, "1003")
    assert not tab.age_restricted.isChecked() and tab.tax.value() == 19.0
    tab.age_restricted.setChecked(True)
    tab.tax.setValue(7.0)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    product = stored(idle_kiosk, "1003")
    assert product.age_restricted and product.tax_rate_bp == 700
    row = [p.sku for p in tab.model.products].index("1003")
    assert tab.model.data(tab.model.index(row, 1)) == "Lemon Spark can 330 ml (18+)"
    feed(idle_kiosk, "lemon-soda-can")
    window = idle_kiosk.window
    qtbot.waitUntil(lambda: window.view.needs_approval, timeout=5_000)
    assert not window.pay_button.isEnabled()


def test_a_product_added_on_the_screen_appears_for_the_shopper(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    tab.start_new()
    tab.sku.setText("2003")
    tab.name.setText("Paper bag")
    tab.price.setValue(0.30)
    tab.shopper_adds.setChecked(True)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Added"), timeout=5_000)
    feed(idle_kiosk, "apple")
    window = idle_kiosk.window
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    choices = {c.sku: c.unit_cents for c in window.view.shopper_choices}
    assert choices == {"2001": 20, "2003": 30}
    db = connect(idle_kiosk.settings.paths.database)
    try:
        assert {p.sku for p in list_products(db)} >= {"2001", "2003"}
    finally:
        db.conn.close()


def test_the_changes_tab_shows_who_changed_a_price(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    choose(tab, "1001")
    tab.price.setValue(1.49)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    changes = dialog.changes
    dialog.tabs.setCurrentWidget(changes)  # read when looked at
    qtbot.waitUntil(lambda: bool(changes.lines), timeout=5_000)
    newest = changes.lines[0]
    assert (newest.actor, newest.what, newest.detail) == (
        "Demo Manager",
        "product changed 1001",
        "price 1.29 → 1.49",
    )
    assert changes.table.item(0, 3).text() == "price 1.29 → 1.49"
    changes.kind.setCurrentIndex(changes.kind.findData("staff"))
    qtbot.waitUntil(lambda: changes.lines[0].what.startswith("staff"), timeout=5_000)
    assert [line.what for line in changes.lines] == ["staff account added Demo Manager"]


def test_a_cashier_cannot_read_the_changes(qtbot, idle_kiosk) -> None:
    add_cashier(idle_kiosk, "Bo")
    dialog, _ = products_tab(qtbot, idle_kiosk, "Bo")
    dialog.show()  # the tab reads the log when it is looked at
    dialog.tabs.setCurrentWidget(dialog.changes)
    qtbot.waitUntil(lambda: "reads the audit log" in dialog.status.text(), timeout=5_000)
    assert dialog.changes.lines == ()


def test_columns_fit_each_product_list_as_it_arrives(qtbot, idle_kiosk) -> None:
    """The header does not measure every cell on each change (a picture arriving made it do
    so, 5 ms a picture): the list fits its columns itself whenever a new list arrives."""
    dialog, tab = products_tab(qtbot, idle_kiosk)
    dialog.show()
    price = 2
    wanted = tab.table.sizeHintForColumn(price)
    assert tab.table.columnWidth(price) >= wanted
    choose(tab, "1001")
    tab.price.setValue(98765.43)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    assert tab.table.sizeHintForColumn(price) > wanted  # a wider price than any before
    for column in (0, 2, 3, 4, 5):
        assert tab.table.columnWidth(column) >= tab.table.sizeHintForColumn(column)


def test_a_list_arriving_while_searching_does_not_narrow_the_columns(qtbot, idle_kiosk) -> None:
    """The rows the search hides cannot be measured: a list that arrives meanwhile (another
    till's change) must not narrow a column below a hidden text, cut once the search is
    cleared."""
    from dataclasses import replace

    dialog, tab = products_tab(qtbot, idle_kiosk)
    dialog.show()
    products = tab.model.products
    listed = (replace(products[0], price_cents=9_876_543), *products[1:])  # the widest price
    tab.show_products(listed)
    tab.search.setText("lemon")
    assert "1001" not in tab.visible_skus()
    tab.show_products(listed)
    tab.search.setText("")
    for column in (0, 2, 3, 4, 5):
        assert tab.table.columnWidth(column) >= tab.table.sizeHintForColumn(column), column


def test_a_deposit_set_on_the_form_is_charged_with_the_item(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    row = choose(tab, "1001")
    assert tab.deposit.value() == 0.0
    tab.deposit.setValue(0.25)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    assert stored(idle_kiosk, "1001").deposit_cents == 25
    assert tab.model.data(tab.model.index(row, 2)) == "€1.29 + €0.25 deposit"
    feed(idle_kiosk, "cola-can", "cola-can")
    window = idle_kiosk.window
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.view.basket.total_cents == 2 * 129 + 2 * 25
    assert [r.quantity for r in window.view.basket.deposits] == [2]


def test_a_new_product_with_its_barcode_is_sold_by_a_scan_at_once(qtbot, idle_kiosk) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    row = choose(tab, "1001")
    assert tab.barcode.text() == "2000000010014"  # shown, and kept by a save that leaves it
    tab.start_new()
    tab.sku.setText("3002")
    tab.name.setText("Gift wrap")
    tab.price.setValue(1.99)
    tab.barcode.setText("4006381333932")  # one digit off
    tab.save.click()
    assert "check digit is 1" in tab.problem.text()
    assert stored(idle_kiosk, "3002") is None
    tab.barcode.clear()
    qtbot.keyClicks(tab.barcode, "4006x381")  # the field takes digits only
    assert tab.barcode.text() == "4006381"
    tab.barcode.setText("2000000020020")  # the birthday card's
    tab.save.click()
    qtbot.waitUntil(lambda: "already belongs to product 2002" in dialog.status.text())
    assert stored(idle_kiosk, "3002") is None
    tab.barcode.setText("4006381333931")
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Added"), timeout=5_000)
    assert stored(idle_kiosk, "3002").barcode == "4006381333931"
    card_row = [p.sku for p in tab.model.products].index("3002")
    assert tab.model.text(card_row, 5) == "scanned by its barcode"  # no label: not recognised
    assert stored(idle_kiosk, "1001").barcode == "2000000010014" and row >= 0

    from kiosk.checkout_events import BarcodeScanned

    feed(idle_kiosk, "apple")
    window = idle_kiosk.window
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    window.worker.post(BarcodeScanned("4006381333931"))
    qtbot.waitUntil(
        lambda: any(line.sku == "3002" for line in window.view.basket.lines), timeout=5_000
    )
    assert window.view.basket.total_cents == 45 + 199


def test_a_barcode_scanned_into_the_form_or_the_search_closes_nothing(qtbot, idle_kiosk) -> None:
    from PySide6.QtCore import Qt

    dialog, tab = products_tab(qtbot, idle_kiosk)
    dialog.show()
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "2000000020020")  # a scanner: the digits, then Enter
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert dialog.isVisible() and tab.visible_skus() == ["2002"]
    choose(tab, "2002")
    tab.barcode.clear()
    tab.barcode.setFocus()
    qtbot.keyClicks(tab.barcode, "2000000020020")
    qtbot.keyClick(tab.barcode, Qt.Key.Key_Return)
    assert dialog.isVisible() and tab.editing() and tab.barcode.text() == "2000000020020"


@pytest.fixture
def deli_kiosk(qtbot, tmp_path: Path):
    """A running kiosk whose store reads its scales' labels (the demo's layouts)."""
    settings = demo_settings_in(
        tmp_path, "0", camera__stall_seconds=600.0, labels__layouts=DEMO_LABEL_LAYOUTS
    )
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    yield kiosk
    stop(kiosk)


def test_a_pack_scanned_into_the_barcode_field_gives_its_products_number(qtbot, deli_kiosk) -> None:
    dialog, tab = products_tab(qtbot, deli_kiosk)
    tab.start_new()
    tab.sku.setText("3001")
    tab.name.setText("Ham, sliced")
    tab.barcode.setText("2200042003252")  # a pack's label, item 00042 at 3.25
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Added"), timeout=5_000)
    assert stored(deli_kiosk, "3001").barcode == "2200042000008"  # its base number
    assert tab.barcode.text() == "2200042000008"
    deli_kiosk.worker.post(BarcodeScanned("2200042004105"))  # another pack: 4.10
    window = deli_kiosk.window
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 410, timeout=5_000)
    assert [(x.name, x.code) for x in window.view.basket.lines] == [
        ("Ham, sliced", "2200042004105")
    ]


def test_a_barcode_of_a_labels_shape_the_product_had_stays_when_it_is_saved(
    qtbot, deli_kiosk
) -> None:
    from catalog.products import upsert_product

    db = connect(deli_kiosk.settings.paths.database)
    soap = "2212345001507"  # the store's own soap, numbered like a pack of item 12345 at 1.50
    upsert_product(db, Product("1010", "Store soap", 199, 1900, barcode=soap), "ann")
    db.conn.close()
    dialog, tab = products_tab(qtbot, deli_kiosk)
    qtbot.waitUntil(lambda: "Store soap" in [p.name for p in tab.model.products], timeout=5_000)
    row = [p.sku for p in tab.model.products].index("1010")
    assert tab.model.text(row, 5) != "sold by its scale's label"
    choose(tab, "1010")
    tab.price.setValue(2.09)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    saved = stored(deli_kiosk, "1010")
    assert (saved.price_cents, saved.barcode) == (209, soap)


def test_the_list_says_which_products_the_scales_labels_sell(qtbot, deli_kiosk) -> None:
    _, tab = products_tab(qtbot, deli_kiosk)
    row = [p.sku for p in tab.model.products].index("2101")  # the demo deli's Gouda
    qtbot.waitUntil(lambda: tab.model.text(row, 5) == "sold by its scale's label", timeout=5_000)
    assert tab.model.text(row, 2) == "€12.90/kg"  # weighed: its price is per kilogram
    card = [p.sku for p in tab.model.products].index("2002")
    assert tab.model.text(card, 5) == "scanned by its barcode"
    assert tab.model.text(card, 2) == "€2.49"
