"""Products the shopper adds on the screen (a carrier bag): the real engine, catalog, ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.sales import get_sale_by_id
from kiosk.checkout import Checkout, PayPressed, ShopperAdd, Tick
from kiosk.checkout_events import HelpPressed
from kiosk.checkout_machine import MAX_SHOPPER_QUANTITY
from kiosk.checkout_values import CheckoutState
from tests.ui_support import demo_settings_in, detections, open_checkout, settle

S = CheckoutState
BAG = "2001"  # the demo store's carrier bag, €0.20


@pytest.fixture
def checkout(tmp_path: Path):
    engine, db = open_checkout(demo_settings_in(tmp_path))
    yield engine
    db.conn.close()


def lines(view) -> dict[str, int]:
    return {line.sku: line.quantity for line in view.basket.lines}


def test_a_bag_with_the_items_is_charged_and_recorded(checkout: Checkout) -> None:
    settle(checkout, detections("cola-can"), t=0.0)
    checkout.handle(ShopperAdd(BAG))
    view = checkout.handle(ShopperAdd(BAG))
    assert lines(view) == {"1001": 1, BAG: 2}
    assert view.basket.total_cents == 129 + 2 * 20 and view.state is S.READY
    assert [(c.sku, c.name, c.unit_cents, c.quantity) for c in view.shopper_choices] == [
        (BAG, "Carrier bag", 20, 2)
    ]
    view = checkout.handle(PayPressed())
    assert view.shopper_choices == ()  # nothing is added while paying
    assert checkout.handle(ShopperAdd(BAG)).basket.total_cents == 169  # ignored
    view = checkout.handle(Tick(12.5))
    assert view.state is S.RECEIPT
    sale = get_sale_by_id(checkout.db, view.receipt.sale_id)  # type: ignore[union-attr]
    assert sale is not None
    recorded = {(x.sku, x.kind, x.quantity, x.line_cents) for x in sale.draft.lines}
    assert recorded == {("1001", "item", 1, 129), (BAG, "item", 2, 40)}
    text = Path(view.receipt.path).read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert "Carrier bag" in text


def test_only_screen_products_are_added_and_the_count_stays_sane(checkout: Checkout) -> None:
    assert lines(checkout.handle(ShopperAdd("1001"))) == {}  # a can is counted by the camera
    assert lines(checkout.handle(ShopperAdd("9999"))) == {}
    assert lines(checkout.handle(ShopperAdd(BAG, -1))) == {}
    for _ in range(MAX_SHOPPER_QUANTITY + 5):
        view = checkout.handle(ShopperAdd(BAG))
    assert lines(view) == {BAG: MAX_SHOPPER_QUANTITY}
    for _ in range(MAX_SHOPPER_QUANTITY):
        view = checkout.handle(ShopperAdd(BAG, -1))
    assert lines(view) == {} and view.state is S.WELCOME
    assert any("stays at 0" in i.reason for i in checkout.ignored)


def test_a_bag_alone_is_a_sale_and_its_basket_does_not_outlive_the_shopper(
    checkout: Checkout,
) -> None:
    settle(checkout, detections(), t=0.0)  # an empty counter
    view = checkout.handle(ShopperAdd(BAG))
    assert view.state is S.READY and view.can_pay and view.basket.total_cents == 20
    view = checkout.handle(Tick(60.0))
    assert lines(view) == {BAG: 1}  # still deciding
    view = checkout.handle(Tick(95.0))  # gone without paying: the next shopper starts clean
    assert view.state is S.WELCOME and lines(view) == {}
    assert view.shopper_choices[0].quantity == 0


def test_no_screen_items_while_staff_help_or_for_a_product_off_sale(tmp_path: Path) -> None:
    from catalog.products import set_product_active

    settings = demo_settings_in(tmp_path)
    checkout, db = open_checkout(settings)
    try:
        checkout.handle(ShopperAdd(BAG))
        settle(checkout, detections("apple"), t=0.0)
        set_product_active(db, BAG, False, actor="test")
        view = checkout.reload_catalog()
        assert lines(view) == {"1015": 1}  # a bag taken off sale leaves the basket
        assert view.shopper_choices == ()
        set_product_active(db, BAG, True, actor="test")
        assert lines(checkout.reload_catalog()) == {"1015": 1, BAG: 1}
        view = checkout.handle(HelpPressed())
        assert view.state is S.HELP and view.shopper_choices == ()
        assert lines(checkout.handle(ShopperAdd(BAG))) == {"1015": 1, BAG: 1}  # ignored
    finally:
        db.conn.close()


def test_a_bag_bought_alone_keeps_its_receipt_screen(checkout: Checkout) -> None:
    settle(checkout, detections(), t=0.0)  # nothing on the counter, ever
    checkout.handle(ShopperAdd(BAG))
    checkout.handle(PayPressed())
    view = checkout.handle(Tick(3.0))
    assert view.state is S.RECEIPT
    view = settle(checkout, detections(), t=3.1, seconds=1.0)
    assert view.state is S.RECEIPT  # an empty counter is not "the items were taken"
    view = checkout.handle(Tick(3.0 + 20.5))  # its timeout
    assert view.state is S.WELCOME and lines(view) == {} and view.message == ""


def test_the_next_shoppers_items_end_a_bag_only_receipt(checkout: Checkout) -> None:
    settle(checkout, detections(), t=0.0)
    checkout.handle(ShopperAdd(BAG))
    checkout.handle(PayPressed())
    assert checkout.handle(Tick(3.0)).state is S.RECEIPT
    view = settle(checkout, detections("cola-can"), t=4.0)
    assert view.state is S.READY and lines(view) == {"1001": 1}
    assert "take your items" not in view.message  # they are the next shopper's, to buy
