"""Staff find a product by what they remember of it: the admin's product list and the
correction dialog filter as they type (the real widgets, the demo catalog on disk)."""

from __future__ import annotations

from catalog.models import Product
from catalog.search import matches
from tests.test_admin_products import choose, products_tab
from tests.test_ui_worker import idle_kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture

LEMON = Product("1003", "Limón Spark can 330 ml", 119, 1900, labels=("lemon-soda-can",))


def test_each_word_typed_begins_a_word_of_the_name_sku_or_labels_in_any_case_or_accent() -> None:
    assert matches(LEMON, "") and matches(LEMON, "   ")
    assert matches(LEMON, "limon") and matches(LEMON, "LIMÓN 330")
    assert matches(LEMON, "1003") and matches(LEMON, "soda")  # the sku, a label
    assert matches(LEMON, "spark 330 can")  # in any order
    assert matches(LEMON, "lim spa") and matches(LEMON, "100")  # words begun, a sku begun
    assert not matches(LEMON, "lemon 500") and not matches(LEMON, "cola")
    assert not matches(LEMON, "imon") and not matches(LEMON, "park")  # inside a word: no
    chocolate = Product("1012", "Cocoa Milk Chocolate 100 g", 99, 700, labels=("chocolate-bar",))
    assert not matches(chocolate, "cola") and matches(chocolate, "choc")


def test_a_barcode_scanned_in_either_spelling_finds_its_product() -> None:
    upc = Product("1020", "Peanut butter", 349, 700, barcode="036000291452")  # a UPC-A
    ean = Product("1021", "Oat drink", 199, 700, barcode="0036000291469")
    assert matches(upc, "036000291452") and matches(upc, "0036000291452")  # EAN-13 form too
    assert matches(ean, "036000291469") and matches(ean, "0036000291469")
    assert not matches(upc, "0036000291469") and not matches(LEMON, "0036000291452")
    assert matches(upc, "0360")  # begun by hand: as typed


def test_words_kept_for_searching_follow_a_renamed_product() -> None:
    from dataclasses import replace

    from catalog.search import prepare

    prepare([LEMON])
    assert matches(LEMON, "limon")
    renamed = replace(LEMON, name="Lemon Fizz can 330 ml", labels=("lemon-can",))
    assert matches(renamed, "fizz") and matches(renamed, "lemon can")
    assert not matches(renamed, "limon") and not matches(renamed, "soda")


def test_the_product_list_shows_only_what_was_typed_and_a_match_opens_as_usual(
    qtbot, idle_kiosk
) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    assert len(tab.visible_skus()) == 19
    tab.search.setText("crisps")
    assert tab.visible_skus() == ["1008", "1009"]
    tab.search.setText("CRISPS paprika")
    assert tab.visible_skus() == ["1009"]
    tab.search.setText("2000000020020")  # a scanner types the card's barcode here
    assert tab.visible_skus() == ["2002"]
    tab.search.setText("honey-jar")  # what the camera calls it
    assert tab.visible_skus() == ["1014"]
    choose(tab, "1014")
    tab.price.setValue(4.99)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    assert tab.visible_skus() == ["1014"]  # the fresh list keeps the search
    tab.search.clear()
    assert len(tab.visible_skus()) == 19


def test_an_offer_s_product_is_found_by_typing_and_half_a_name_is_never_taken(
    qtbot, idle_kiosk
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.test_ui_worker import open_admin

    dialog = open_admin(qtbot, idle_kiosk.window)
    dialog.show()
    offers = dialog.offers
    qtbot.waitUntil(lambda: len(offers.offer_rows()) == 2, timeout=5_000)
    dialog.tabs.setCurrentWidget(offers)
    offers.product.setCurrentIndex(offers.product.findData("1001"))
    editor = offers.product.lineEdit()
    editor.selectAll()
    QTest.keyClicks(editor, "earl")  # what staff remember; the list offers the tea
    popup = offers.product.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == [
        "1011 Earl Grey Tea 20 bags"
    ]
    offers.add.click()  # "earl" names no product: the cola the box held before is not taken
    assert offers.problem.text() == "Choose a product from the list first."
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert offers.product.currentText() == "1011 Earl Grey Tea 20 bags"
    offers.add.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Offer added.", timeout=5_000)
    assert offers.offer_rows()[-1][0].startswith("1011 ")
