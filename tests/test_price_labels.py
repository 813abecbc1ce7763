"""Packs priced by the store's scales (deli counter, bakery): the label's barcode carries the
product and the pack's price or weight.

Real parts: the demo catalog in a real SQLite file with two deli products added, the checkout
engine with the simulated card terminal and the ledger, the settings loader.
"""

# ruff: noqa: F811 - the fixtures imported from other test modules are parameters here
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from catalog import products, sales
from catalog.db import connect
from catalog.demo import DELI_CHEESE, seed_demo
from catalog.errors import InvalidRefund
from catalog.gtin import with_check_digit
from catalog.models import Product, Promotion
from catalog.promotions import add_promotion
from catalog.refunds import record_refund, refunds_of
from kiosk.basket import TrackedBasket
from kiosk.checkout import PayPressed
from kiosk.checkout_basket import basket_lines
from kiosk.checkout_events import (
    HelpDone,
    HelpPressed,
    ShopperAdd,
    StaffAddLine,
    StaffApprove,
    StaffPin,
    StaffRemoveLine,
)
from kiosk.checkout_model import PACK_CHOICE
from kiosk.checkout_values import DoubtKind
from kiosk.cli import main
from kiosk.config import ConfigError, demo_catalog_path, load_settings
from kiosk.doctor import run_checks
from kiosk.price_labels import (
    LabelRefused,
    LabelRules,
    PriceLabel,
    base_number,
    layout_problem,
    layouts_problem,
    pack_cents,
)
from kiosk.pricing import PriceBook
from tests.catalog_fixtures import db_path  # noqa: F401 - fixture
from tests.test_barcodes import CARD, ScanKiosk
from tests.test_checkout import S as State
from tests.test_checkout import db  # noqa: F401 - fixture
from tests.test_vouchers import VoucherKiosk

RULES = LabelRules(("22IIIIIPPPPPC", "23IIIIIWWWWWC"), max_cents=5000)
HAM_BASE = "2200042000008"  # item 00042 in the price layout, price digits 0
HAM = Product("3001", "Ham, sliced", 0, 700, barcode=HAM_BASE, labels=())  # its labels price it
CHEESE = DELI_CHEESE  # the demo's deli counter: 12.90 per kg, its labels weigh it
CHEESE_BASE = CHEESE.barcode or ""  # item 00077 in the weight layout, weight digits 0


def test_a_label_gives_its_product_and_price_or_weight() -> None:
    ham = RULES.code_for(HAM_BASE, 325)
    assert ham == "2200042003252"
    assert RULES.read(ham) == PriceLabel(ham, HAM_BASE, cents=325)
    cheese = RULES.code_for(CHEESE_BASE, 254)
    assert RULES.read(f" {cheese}\n") == PriceLabel(cheese, CHEESE_BASE, grams=254)
    assert pack_cents(RULES.read(cheese), CHEESE) == 328  # 12.90 × 0.254 = 3.2766
    assert pack_cents(RULES.read(RULES.code_for(CHEESE_BASE, 500)), CHEESE) == 645  # exact
    half = Product("3003", "Olives", 1001, 700, labels=())  # 10.01/kg × 0.5 kg = 5.005: up
    assert pack_cents(PriceLabel("x", "y", grams=500), half) == 501
    for wrong, why in [
        (ham[:-1] + "3", "did not read correctly"),  # one digit off: the check digit
        ("2400042003257", "not one of the store's price labels"),  # no layout starts 24
        (ham[:-1], "not one of the store's price labels"),
        (HAM_BASE, "shows no price"),  # the base number itself: price 0
    ]:
        with pytest.raises(LabelRefused, match=why):
            RULES.read(wrong)


def test_a_label_as_a_products_barcode_is_its_base_number() -> None:
    assert base_number(RULES, RULES.code_for(HAM_BASE, 325)) == HAM_BASE
    assert base_number(RULES, HAM_BASE) == HAM_BASE  # the base number itself: kept
    assert base_number(RULES, "2000000020020") == "2000000020020"  # no label: kept
    assert base_number(None, RULES.code_for(HAM_BASE, 325)) == RULES.code_for(HAM_BASE, 325)


def test_a_layout_that_cannot_be_a_label_is_refused_with_why() -> None:
    assert layout_problem("22IIIIIPPPPPC") is None and layout_problem("2IIIIIXPPPPC") is None
    assert "ending in C" in (layout_problem("22IIIIIPPPPP0") or "")
    assert "start with a fixed digit" in (layout_problem("IIIIIIPPPPPPC") or "")
    assert "8, 12, 13 or 14" in (layout_problem("22IIIIIPPPPPPPC") or "")
    assert "I (item number)" in (layout_problem("22XXXXXPPPPPC") or "")
    assert "one kind" in (layout_problem("22IIIIIPPPWWC") or "")
    assert "same numbers" in (layouts_problem("22IIIIIPPPPPC, 2XIIIIIWWWWWC") or "")
    assert layouts_problem("") is None
    with pytest.raises(ConfigError, match=r"labels\.layouts"):
        load_settings(None, overrides={"labels.layouts": "22IIIIIPPPPP"}, environ={})
    with pytest.raises(ConfigError, match=r"vouchers\.layout"):  # a voucher taken for a pack
        overrides = {"labels.layouts": "98IIIIIPPPPPC", "vouchers.layout": "98SSSSSAAAAAC"}
        load_settings(None, overrides=overrides, environ={})
    settings = load_settings(
        None, overrides={"labels.layouts": "22IIIIIPPPPPC, 23IIIIIWWWWWC"}, environ={}
    )
    assert LabelRules.from_settings(settings.labels) == LabelRules(RULES.layouts, 10000)
    assert LabelRules.from_settings(load_settings(None, environ={}).labels) is None


class DeliKiosk(ScanKiosk):
    """The demo catalog with a deli counter's ham (priced labels) and cheese (weighed)."""

    def __init__(self, db, tmp_path: Path, stock: bool = True) -> None:
        for product in (HAM,) if stock else ():
            products.upsert_product(db, product, "ann")
        VoucherKiosk.__init__(self, db, tmp_path, rules=None, labels=RULES)


def lines(view) -> list[tuple[str, str, int, int]]:
    return [(x.sku, x.name, x.quantity, x.line_cents) for x in view.basket.lines]


def test_packs_are_sold_at_their_labels_price_and_recorded(db, tmp_path: Path) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    ham = RULES.code_for(HAM_BASE, 325)
    cheese = RULES.code_for(CHEESE_BASE, 254)
    view = kiosk.scan_code(ham)
    assert view.message == "Added: Ham, sliced, €3.25."
    view = kiosk.scan_code(cheese)
    assert view.message == "Added: Gouda, sliced 0.254 kg × €12.90/kg, €3.28."
    other_ham = RULES.code_for(HAM_BASE, 410)  # a second, heavier pack of the same ham
    view = kiosk.scan_code(other_ham)
    assert lines(view) == [
        ("1001", "Fizz Cola can 330 ml", 1, 129),
        ("2101", "Gouda, sliced 0.254 kg × €12.90/kg", 1, 328),
        ("3001", "Ham, sliced", 1, 325),
        ("3001", "Ham, sliced", 1, 410),
    ]
    assert view.basket.total_cents == 129 + 328 + 410 + 325 and view.can_pay
    choices = {c.sku: (c.name, c.unit_cents, c.quantity) for c in view.shopper_choices}
    assert choices[PACK_CHOICE + cheese] == ("Gouda, sliced 0.254 kg × €12.90/kg", 328, 1)
    view = kiosk.scan_code(ham)  # two packs weighed alike carry the same number
    assert [x.quantity for x in view.basket.lines if x.code == ham] == [2]
    view = kiosk.checkout.handle(ShopperAdd(PACK_CHOICE + other_ham, -1))  # put back
    assert [x.code for x in view.basket.lines if x.sku == "3001"] == [ham]
    view = kiosk.show("cola-can")  # frames go on: the packs stay in the basket
    assert view.basket.total_cents == 129 + 328 + 2 * 325

    assert kiosk.checkout.handle(PayPressed()).state is State.PAYING
    assert kiosk.scan_code(other_ham).state is State.PAYING  # nothing added to a basket being paid
    view = kiosk.show("cola-can", seconds=1.5)
    assert view.state is State.RECEIPT
    assert kiosk.terminal.charged == [("key-1", 129 + 328 + 650, "EUR")]
    sale = sales.get_sale(db, "key-1")
    assert [
        (x.sku, x.name, x.kind, x.quantity, x.unit_cents, x.line_cents) for x in sale.lines
    ] == [
        ("1001", "Fizz Cola can 330 ml", "item", 1, 129, 129),
        ("2101", "Gouda, sliced 0.254 kg × €12.90/kg", "item", 1, 328, 328),
        ("3001", "Ham, sliced", "item", 2, 325, 650),
    ]
    assert sale.draft.tax_cents == sum(x.tax_cents for x in sale.lines)
    (receipt,) = (tmp_path / "receipts").rglob("*.txt")  # the whole name, then the amount
    assert "1 × Gouda, sliced 0.254 kg ×\n  €12.90/kg                        €3.28\n" in (
        receipt.read_text(encoding="utf-8")
    )
    view = kiosk.show()  # the shopper leaves: the next basket starts empty
    assert view.state is State.WELCOME and view.basket.lines == ()


def test_packs_of_different_prices_are_refunded_whole_never_at_their_average(
    db, tmp_path: Path
) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    kiosk.scan_code(RULES.code_for(HAM_BASE, 325))
    kiosk.scan_code(RULES.code_for(HAM_BASE, 410))
    kiosk.checkout.handle(PayPressed())
    assert kiosk.show("cola-can", seconds=1.5).state is State.RECEIPT
    sale = sales.get_sale(db, "key-1")
    with pytest.raises(InvalidRefund, match=r"3001 was sold at 2 prices .* refund all 2 left"):
        record_refund(db, sale, {"3001": 1}, key="r-1", staff="Ann", reason="x", method="cash")
    assert refunds_of(db, sale.id) == []  # nothing recorded
    back = record_refund(
        db, sale, {"3001": 2, "1001": 1}, key="r-2", staff="Ann", reason="x", method="cash"
    )
    assert {x.sku: x.amount_cents for x in back.lines} == {"3001": 735, "1001": 129}


def test_a_label_the_kiosk_cannot_sell_is_refused_and_changes_nothing(db, tmp_path: Path) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    good = RULES.code_for(HAM_BASE, 325)
    for code, said in [
        (good[:-1] + str((int(good[-1]) + 1) % 10), "did not read correctly"),
        (RULES.code_for("2299999000001", 325), "(2299999000001) is not in the store's catalog"),
        (RULES.code_for(HAM_BASE, 5001), "sold by staff"),  # over labels.max_cents
        (RULES.code_for(CHEESE_BASE, 3900), "sold by staff"),  # 3.9 kg: 50.31
    ]:
        view = kiosk.scan_code(code)
        assert said in view.message, code
        assert lines(view) == [("1001", "Fizz Cola can 330 ml", 1, 129)]
    products.set_product_active(db, "3001", False, "ann")
    kiosk = DeliKiosk(db, tmp_path, stock=False)  # started after the ham went off sale
    kiosk.show("cola-can")
    view = kiosk.scan_code(good)
    assert view.message == "Ham, sliced cannot be sold just now. Please press Help."
    assert lines(view) == [("1001", "Fizz Cola can 330 ml", 1, 129)]


def test_a_product_sold_by_its_labels_is_never_sold_by_the_piece(db, tmp_path: Path) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    # Its catalog number is a label with no weight on it: not a kilogram of cheese.
    view = kiosk.scan_code(CHEESE_BASE)
    assert view.message == "This label shows no price. Please press Help."
    assert lines(view) == [("1001", "Fizz Cola can 330 ml", 1, 129)]
    for event in (HelpPressed(), StaffPin("1234"), StaffAddLine("2101", 1)):
        view = kiosk.checkout.handle(event)
    assert lines(view) == [("1001", "Fizz Cola can 330 ml", 1, 129)]  # staff scan its label
    # A store product whose own barcode merely has a label's shape sells as itself.
    soap = Product("4001", "Store soap", 199, 1900, barcode=RULES.code_for("2212345000005", 150))
    products.upsert_product(db, soap, "ann")
    assert RULES.sells(soap.barcode or "") is None and RULES.sells(HAM_BASE) is not None
    kiosk = DeliKiosk(db, tmp_path, stock=False)
    kiosk.show()
    assert lines(kiosk.scan_code(soap.barcode or "")) == [("4001", "Store soap", 1, 199)]


def test_a_twelve_digit_label_sent_as_thirteen_digits_is_read(db, tmp_path: Path) -> None:
    upc = LabelRules(("2IIIIIXPPPPC",))
    base = with_check_digit("20004200000")  # item 00042, price digits 0
    products.upsert_product(db, replace(HAM, barcode=base), "ann")
    kiosk = DeliKiosk(db, tmp_path, stock=False)
    VoucherKiosk.__init__(kiosk, db, tmp_path, rules=None, labels=upc)
    kiosk.show()
    label = upc.code_for(base, 325)
    assert len(label) == 12 and upc.fitted("0" + label) == label
    view = kiosk.scan_code("0" + label)  # the scanner's EAN-13 form of the UPC-A label
    assert view.message == "Added: Ham, sliced, €3.25."
    view = kiosk.scan_code(label)  # the same pack, as 12 digits: one label, two packs
    assert [(x.code, x.quantity) for x in view.basket.lines] == [(label, 2)]


def test_the_newest_pack_is_the_last_scanned_and_one_scanner_stuck_adds_no_more(
    db, tmp_path: Path
) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    small, big = RULES.code_for(HAM_BASE, 325), RULES.code_for(HAM_BASE, 410)
    for code in (small, big, small):
        kiosk.scan_code(code)
    rows = [c.sku for c in kiosk.checkout.view.shopper_choices if c.sku.startswith(PACK_CHOICE)]
    assert rows == [PACK_CHOICE + big, PACK_CHOICE + small]  # the screen's rows, scan order
    view = kiosk.checkout.handle(ShopperAdd(PACK_CHOICE + big, 1))  # + leaves the rows be
    rows = [c.sku for c in view.shopper_choices if c.sku.startswith(PACK_CHOICE)]
    assert rows == [PACK_CHOICE + big, PACK_CHOICE + small]
    kiosk.checkout.handle(ShopperAdd(PACK_CHOICE + big, -1))
    for event in (HelpPressed(), StaffPin("1234"), StaffRemoveLine("3001", 1)):
        view = kiosk.checkout.handle(event)
    assert [(x.code, x.quantity) for x in view.basket.lines if x.sku == "3001"] == [
        (small, 1),
        (big, 1),
    ]  # the small pack scanned last went out, not the big one
    view = kiosk.checkout.handle(HelpDone())
    for _ in range(25):
        view = kiosk.scan_code(small)
    assert [x.quantity for x in view.basket.lines if x.code == small] == [20]
    assert view.message == "That is 20 packs with this label already. Please press Help."


def test_a_pack_whose_product_goes_off_sale_holds_the_payment_up(db, tmp_path: Path) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    cheese = RULES.code_for(CHEESE_BASE, 254)
    assert kiosk.scan_code(cheese).basket.total_cents == 129 + 328
    products.set_product_active(db, "2101", False, "ann")  # staff take it off sale meanwhile
    kiosk.checkout.reload_catalog()
    view = kiosk.show("cola-can")
    assert lines(view) == [("1001", "Fizz Cola can 330 ml", 1, 129)] and not view.can_pay
    assert [(d.kind, d.label) for d in view.basket.doubts] == [(DoubtKind.INACTIVE_PRODUCT, cheese)]
    view = kiosk.checkout.handle(ShopperAdd(PACK_CHOICE + cheese, -1))  # the shopper may
    assert view.basket.doubts == () and view.can_pay  # put it back
    kiosk.scan_code(cheese)  # ... but not scan it again
    assert (
        kiosk.checkout.view.message == "Gouda, sliced cannot be sold just now. Please press Help."
    )
    products.set_product_active(db, "2101", True, "ann")
    kiosk.checkout.reload_catalog()
    kiosk.scan_code(cheese)
    products.set_product_active(db, "2101", False, "ann")
    kiosk.checkout.reload_catalog()
    for event in (HelpPressed(), StaffPin("1234"), StaffApprove(), HelpDone()):
        view = kiosk.checkout.handle(event)  # staff let the shopper have it
    assert view.can_pay and view.basket.total_cents == 129

    # A new price per kg that makes a pack in the basket dearer than labels.max_cents
    products.set_product_active(db, "2101", True, "ann")
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show()
    assert kiosk.scan_code(cheese).basket.total_cents == 328
    products.upsert_product(db, replace(CHEESE, price_cents=99000), "ann")
    view = kiosk.checkout.reload_catalog()
    assert view.basket.lines == () and not view.can_pay
    assert [d.label for d in view.basket.doubts] == [cheese]


def test_packs_the_camera_knows_are_charged_by_their_labels_and_wait_for_them(
    db, tmp_path: Path
) -> None:
    orange = products.get_product(db, "1016")
    products.upsert_product(db, replace(orange, labels=()), "ann")
    products.upsert_product(db, replace(HAM, labels=("orange",)), "ann")  # taught its packs
    kiosk = DeliKiosk(db, tmp_path, stock=False)
    view = kiosk.show("cola-can", "orange")
    assert lines(view) == [("1001", "Fizz Cola can 330 ml", 1, 129)] and not view.can_pay
    assert [(d.kind, d.label) for d in view.basket.doubts] == [(DoubtKind.UNRECOGNISED, "orange")]
    kiosk.scan_code(RULES.code_for(HAM_BASE, 325))
    view = kiosk.show("cola-can", "orange")  # its label scanned: the pack the camera sees
    assert lines(view) == [
        ("1001", "Fizz Cola can 330 ml", 1, 129),
        ("3001", "Ham, sliced", 1, 325),
    ]
    assert view.basket.doubts == () and view.can_pay
    view = kiosk.show("cola-can", "orange", "orange")  # a second pack, not scanned
    assert [d.kind for d in view.basket.doubts] == [DoubtKind.UNRECOGNISED]
    assert view.basket.total_cents == 129 + 325 and not view.can_pay
    kiosk.scan_code(CARD)  # a birthday card scanned does not explain the pack
    view = kiosk.show("cola-can", "orange", "orange")
    assert [d.label for d in view.basket.doubts] == ["orange"] and not view.can_pay


def test_offers_and_deposits_never_count_packs(db, tmp_path: Path) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    add_promotion(db, Promotion("3001", "2 for 1", buy_qty=2, pay_qty=1), "ann")
    add_promotion(db, Promotion("2101", "2 for 1", buy_qty=2, pay_qty=1), "ann")
    kiosk = DeliKiosk(db, tmp_path, stock=False)  # reads the offers
    kiosk.show()
    ham = RULES.code_for(HAM_BASE, 325)
    kiosk.scan_code(ham)
    view = kiosk.scan_code(ham)
    assert view.basket.promotions == () and view.basket.total_cents == 650
    book = PriceBook.from_db(db)
    assert [p.name for p in book.promotions["3001"]] == ["2 for 1"]  # there, not applied
    deposit = replace(CHEESE, deposit_cents=25)
    products.upsert_product(db, deposit, "ann")
    kiosk = DeliKiosk(db, tmp_path, stock=False)
    kiosk.show()
    view = kiosk.scan_code(RULES.code_for(CHEESE_BASE, 1000))
    assert view.basket.deposits == () and view.basket.total_cents == 1290


def test_staff_take_a_pack_out_and_packs_explain_things_on_the_counter(db, tmp_path: Path) -> None:
    kiosk = DeliKiosk(db, tmp_path)
    kiosk.show("cola-can")
    first, second = RULES.code_for(HAM_BASE, 325), RULES.code_for(HAM_BASE, 410)
    kiosk.scan_code(first)
    kiosk.scan_code(second)
    for event in (HelpPressed(), StaffPin("1234"), StaffRemoveLine("3001", 1)):
        view = kiosk.checkout.handle(event)
    assert [x.code for x in view.basket.lines if x.sku == "3001"] == [first]  # newest out
    assert any("removed 1 × Ham, sliced (3001)" in o for o in view.overrides)
    view = kiosk.checkout.handle(HelpDone())
    assert view.basket.total_cents == 129 + 325
    view = kiosk.scan_code(RULES.code_for(HAM_BASE, 500))  # the next pack is not taken too
    assert view.basket.total_cents == 129 + 325 + 500
    assert [(x.sku, x.quantity) for x in view.basket.lines if not x.code] == [("1001", 1)]

    book = PriceBook.from_products([HAM, CHEESE])
    packs = [(RULES.read(first), 1), (RULES.read(RULES.code_for(CHEESE_BASE, 100)), 2)]
    found, _, unseen = basket_lines(TrackedBasket(settled=True), book, {}, packs=packs)
    assert [(x.sku, x.quantity, x.line_cents) for x in found] == [
        ("2101", 2, 258),
        ("3001", 1, 325),
    ]
    assert unseen == 3  # three packs the camera cannot count: three things it may see


def test_kiosk_barcode_reads_a_label_and_says_what_the_pack_costs(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_LABELS_LAYOUTS", "22IIIIIPPPPPC, 23IIIIIWWWWWC")
    catalog = connect(db_path)
    seed_demo(catalog, demo_catalog_path())  # its deli counter's Gouda is sold by weight
    products.upsert_product(catalog, HAM, "ann")
    catalog.close()
    cheese = RULES.code_for(CHEESE_BASE, 254)
    ham = RULES.code_for(HAM_BASE, 325)
    stranger = RULES.code_for("2299999000001", 100)
    misread = cheese[:-1] + str((int(cheese[-1]) + 1) % 10)
    args = ["barcode", "--db", str(db_path), cheese, ham, stranger, misread, CHEESE_BASE]
    assert main(args) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{cheese}: a pack of 2101 Gouda, sliced 0.254 kg × €12.90/kg: €3.28",
        f"{ham}: a pack of 3001 Ham, sliced at its label's €3.25",
        f"{stranger}: a price label for product number 2299999000001, which no product has: "
        "give the product that barcode",
        f"{misread}: a price label's layout, but: The label's number did not read correctly. "
        "Please try again.",
        f"{CHEESE_BASE}: the base number of 2101 Gouda, sliced, sold by its scale's labels; "
        "scanned alone it sells nothing (no weight)",
    ]


def test_doctor_counts_the_labelled_products_and_fails_a_weighed_one_without_price(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))
    assert main(["catalog", "init", "--demo"]) == 0
    assert [f for f in run_checks(None, camera=False) if f.topic == "labels"] == []  # none set
    monkeypatch.setenv("KIOSK_LABELS_LAYOUTS", "22IIIIIPPPPPC")
    (found,) = [f for f in run_checks(None, camera=False) if f.topic == "labels"]
    assert found.level == "warn" and "no product's barcode is a label's base number" in found.text
    monkeypatch.setenv("KIOSK_LABELS_LAYOUTS", "22IIIIIPPPPPC, 23IIIIIWWWWWC")
    found = [(f.level, f.text) for f in run_checks(None, camera=False) if f.topic == "labels"]
    assert found == [("ok", "price labels read as 22IIIIIPPPPPC, 23IIIIIWWWWWC: 1 products")]
    db = connect(load_settings(None).paths.database)
    products.upsert_product(db, replace(DELI_CHEESE, price_cents=0), "ann")
    db.close()
    (found,) = [f for f in run_checks(None, camera=False) if f.topic == "labels"]
    assert found.level == "fail" and "without a price per kg: 2101" in found.text
    db = connect(load_settings(None).paths.database)
    products.upsert_product(db, DELI_CHEESE, "ann")
    products.upsert_product(db, replace(HAM, barcode=RULES.code_for(HAM_BASE, 325)), "ann")
    db.close()
    (found,) = [f for f in run_checks(None, camera=False) if f.topic == "labels"]
    assert found.level == "warn" and "with a price or weight in it: 3001" in found.text


def test_a_scale_label_in_a_csv_barcode_cell_is_imported_as_its_products_number(
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ham, dearer_ham = RULES.code_for(HAM_BASE, 325), RULES.code_for(HAM_BASE, 410)
    header = "sku,name,price,tax_rate_percent,age_restricted,labels,barcode\n"
    sheet = tmp_path / "deli.csv"
    sheet.write_text(header + f'3009,"Ham, thick",0,7,false,,{ham}\n')
    args = ["catalog", "import", str(sheet), "--db", str(db_path)]
    assert main(args) == 0  # the store reads no labels: a number like any other
    assert products.get_product(connect(db_path), "3009").barcode == ham

    monkeypatch.setenv("KIOSK_LABELS_LAYOUTS", ",".join(RULES.layouts))
    sheet.write_text(header + f'3001,"Ham, sliced",0,7,false,,{ham}\n')
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"note: line 2: {ham} is a scale label; stored as its product's number {HAM_BASE}" in out
    assert products.get_product(connect(db_path), "3001").barcode == HAM_BASE
    assert products.get_product(connect(db_path), "3009").barcode == ham  # its own: kept
    assert main(["barcode", "--db", str(db_path), dearer_ham]) == 0
    assert "a pack of 3001 Ham, sliced at its label's €4.10" in capsys.readouterr().out

    # Two packs of one product typed on two rows are one number: refused, nothing applied.
    sheet.write_text(
        header + f'3001,"Ham, sliced",0,7,false,,{ham}\n3002,"Ham, thick",0,7,false,,{dearer_ham}\n'
    )
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"line 3: barcode {HAM_BASE} is already used on line 2" in err
    assert products.get_product(connect(db_path), "3002") is None

    # A product's own barcode that merely has a label's shape is kept, file after file.
    soap = RULES.code_for("2212345000005", 150)
    products.upsert_product(connect(db_path), Product("4001", "Soap", 199, 1900, barcode=soap), "a")
    sheet.write_text(header + f"4001,Soap,2.09,19,false,,{soap}\n")
    assert main(args) == 0 and "note:" not in capsys.readouterr().out
    assert products.get_product(connect(db_path), "4001") == Product(
        "4001", "Soap", 209, 1900, barcode=soap
    )
