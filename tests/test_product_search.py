"""Staff find a product by what they remember of it: the admin's product list and the
correction dialog filter as they type (the real widgets, the demo catalog on disk)."""

from __future__ import annotations

from catalog.models import Product
from catalog.search import matches
from tests.test_admin_products import choose, products_tab
from tests.test_ui_worker import idle_kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture

LEMON = Product("1003", "Limón Spark can 330 ml", 119, 1900, labels=("lemon-soda-can",))


def test_every_word_must_be_found_in_the_name_sku_or_labels_whatever_the_case_or_accents() -> None:
    assert matches(LEMON, "") and matches(LEMON, "   ")
    assert matches(LEMON, "limon") and matches(LEMON, "LIMÓN 330")
    assert matches(LEMON, "1003") and matches(LEMON, "soda")  # the sku, a label
    assert matches(LEMON, "spark 330 can")  # in any order
    assert not matches(LEMON, "lemon 500") and not matches(LEMON, "cola")


def test_the_product_list_shows_only_what_was_typed_and_a_match_opens_as_usual(
    qtbot, idle_kiosk
) -> None:
    dialog, tab = products_tab(qtbot, idle_kiosk)
    assert len(tab.visible_skus()) == 17
    tab.search.setText("crisps")
    assert tab.visible_skus() == ["1008", "1009"]
    tab.search.setText("CRISPS paprika")
    assert tab.visible_skus() == ["1009"]
    tab.search.setText("honey-jar")  # what the camera calls it
    assert tab.visible_skus() == ["1014"]
    choose(tab, "1014")
    tab.price.setValue(4.99)
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    assert tab.visible_skus() == ["1014"]  # the fresh list keeps the search
    tab.search.clear()
    assert len(tab.visible_skus()) == 17
