"""Products sold by the number under their barcode: the ones the camera cannot tell yet.

Real parts: the demo catalog in a real SQLite file (its birthday card is not in the model),
the checkout engine with the simulated card terminal and the ledger, the CSV import, and a
catalog as it was before barcodes migrated in place.
"""

# ruff: noqa: F811 - the fixtures imported from other test modules are parameters here
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from catalog import products, sales
from catalog.db import connect
from catalog.demo import BIRTHDAY_CARD, seed_demo
from catalog.errors import BarcodeTaken, CsvImportError, InvalidProduct
from catalog.gtin import gtin_problem, with_check_digit
from catalog.importexport import import_csv
from catalog.migrations import MIGRATIONS, apply_migrations, schema_version
from kiosk.captures import CaptureRecorder, CaptureStore
from kiosk.checkout import PayPressed
from kiosk.checkout_barcodes import NOT_A_PRODUCT
from kiosk.checkout_events import BarcodeScanned, CancelPressed, HelpPressed, ShopperAdd
from kiosk.cli import main
from kiosk.config import demo_catalog_path
from kiosk.pricing import PriceBook
from kiosk.vouchers import VoucherRules
from tests.catalog_fixtures import HEADER, db_path, fresh_db, product, write_csv  # noqa: F401
from tests.test_checkout import Clock, db, frame  # noqa: F401 - fixture
from tests.test_checkout import S as State
from tests.test_vouchers import VoucherKiosk

CARD = BIRTHDAY_CARD.barcode  # the demo's birthday card: on sale, not in the model
COLA = "2000000010014"  # the demo's cola can, which the camera knows
VOUCHERS = VoucherRules(tax_rate_bp=1900)


class ScanKiosk(VoucherKiosk):
    """The demo catalog's checkout with a scripted terminal and clock, and a scanner."""

    def __init__(self, db, tmp_path: Path, vouchers: VoucherRules | None = None) -> None:
        super().__init__(db, tmp_path, rules=vouchers)

    def scan_code(self, code: str):
        return self.checkout.handle(BarcodeScanned(code))


def quantities(view) -> dict[str, int]:
    return {line.sku: line.quantity for line in view.basket.lines}


def test_a_barcode_number_is_checked_like_the_scanner_checks_it() -> None:
    for good in ("4006381333931", "96385074", "036000291452", "10614141000415"):
        assert gtin_problem(good) is None, good
    assert with_check_digit("400638133393") == "4006381333931"
    for wrong, why in [
        ("4006381333932", "check digit is 1"),  # one digit off
        ("36000291452", "8, 12, 13 or 14 digits"),  # a UPC-A whose leading 0 a sheet dropped
        ("4006381333931 ", "8, 12, 13 or 14 digits"),
        ("40063813339a1", "8, 12, 13 or 14 digits"),
        ("4.00638E+12", "turned into a number by a spreadsheet"),  # Excel's cell, as shown
    ]:
        assert why in (gtin_problem(wrong) or ""), wrong


def test_one_product_per_barcode_and_only_good_numbers_are_stored(fresh_db) -> None:
    card = product("3002", name="Birthday card", labels=(), barcode="4006381333931")
    assert products.upsert_product(fresh_db, card, "ann").barcode == "4006381333931"
    assert products.get_product(fresh_db, "3002") == card
    with pytest.raises(BarcodeTaken, match=r"already belongs to product 3002 \(Birthday card\)"):
        products.upsert_product(fresh_db, product("3003", labels=(), barcode=card.barcode), "ann")
    with pytest.raises(InvalidProduct, match="check digit is 1"):
        products.upsert_product(fresh_db, product("3003", barcode="4006381333932"), "ann")
    assert products.get_product(fresh_db, "3003") is None
    with pytest.raises(Exception, match="UNIQUE"):  # the database holds the rule too
        fresh_db.conn.execute("INSERT INTO products (sku, name, price_cents, tax_rate_bp, barcode)"
                              " VALUES ('x', 'x', 1, 0, '4006381333931')")  # fmt: skip


def test_a_price_list_brings_barcodes_and_bad_ones_are_refused_by_line(
    fresh_db, tmp_path: Path
) -> None:
    header = f"{HEADER},barcode"
    good = write_csv(
        tmp_path / "good.csv",
        "3002,Birthday card,2.49,19,false,,4006381333931",
        "3003,Gift wrap,1.99,19,false,,96385074",
        header=header,
    )
    assert import_csv(fresh_db, good).created == 2
    assert products.get_product(fresh_db, "3003").barcode == "96385074"
    bad = write_csv(
        tmp_path / "bad.csv",
        "3004,Candle,3.49,19,false,,4.00638E+12",
        "3005,Ribbon,0.99,19,false,,4006381333932",
        "3006,Balloons,2.99,19,false,,5000000000005",
        "3007,Tape,1.49,19,false,,5000000000005",
        "3008,Bow,0.49,19,false,,96385074",  # gift wrap's, and gift wrap keeps it
        header=header,
    )
    with pytest.raises(CsvImportError) as refused:
        import_csv(fresh_db, bad)
    said = dict(refused.value.problems)
    assert "spreadsheet" in said[2] and "check digit is 1" in said[3]
    assert "already used on line 4" in said[5]
    assert "already belongs to product 3003" in said[6]
    assert 4 not in said
    assert [p.sku for p in products.list_products(fresh_db)] == ["3002", "3003"]  # nothing applied

    # Numbers may swap between products of one file; a file without the column keeps them.
    swap = write_csv(
        tmp_path / "swap.csv",
        "3002,Birthday card,2.49,19,false,,96385074",
        "3003,Gift wrap,1.99,19,false,,4006381333931",
        header=header,
    )
    assert import_csv(fresh_db, swap).updated == 2
    assert products.get_product(fresh_db, "3002").barcode == "96385074"
    prices = write_csv(tmp_path / "prices.csv", "3002,Birthday card,2.79,19,false,")
    import_csv(fresh_db, prices)
    kept = products.get_product(fresh_db, "3002")
    assert kept.price_cents == 279 and kept.barcode == "96385074"
    cleared = write_csv(tmp_path / "clear.csv", "3002,Birthday card,2.79,19,false,,", header=header)
    import_csv(fresh_db, cleared)
    assert products.get_product(fresh_db, "3002").barcode == ""


def test_a_scanned_product_the_camera_cannot_tell_is_sold_and_recorded(db, tmp_path: Path) -> None:
    kiosk = ScanKiosk(db, tmp_path)
    kiosk.show("cola-can")
    view = kiosk.scan_code(CARD)
    assert view.message == "Added: Birthday card." and quantities(view) == {"1001": 1, "2002": 1}
    assert view.basket.total_cents == 129 + 249 and view.can_pay
    assert [(c.sku, c.quantity) for c in view.shopper_choices] == [("2001", 0), ("2002", 1)]
    view = kiosk.scan_code(CARD)
    assert quantities(view)["2002"] == 2
    view = kiosk.checkout.handle(ShopperAdd("2002", -1))  # the shopper takes one back out
    assert quantities(view)["2002"] == 1 and view.message == ""
    view = kiosk.show("cola-can")  # frames go on: the card stays in the basket
    assert quantities(view) == {"1001": 1, "2002": 1}

    assert kiosk.checkout.handle(PayPressed()).state is State.PAYING
    assert kiosk.scan_code(CARD).state is State.PAYING  # nothing is added to a basket being paid
    view = kiosk.show("cola-can", seconds=1.5)
    assert view.state is State.RECEIPT and kiosk.terminal.charged == [("key-1", 378, "EUR")]
    sale = sales.get_sale(db, "key-1")
    assert [(x.sku, x.kind, x.quantity, x.line_cents) for x in sale.lines] == [
        ("2002", "item", 1, 249),
        ("1001", "item", 1, 129),
    ]
    view = kiosk.show()  # the shopper leaves: the next basket starts empty
    assert view.state is State.WELCOME and view.basket.lines == ()


def test_scanning_what_the_camera_counts_never_charges_it_twice(db, tmp_path: Path) -> None:
    kiosk = ScanKiosk(db, tmp_path)
    kiosk.show("cola-can")
    view = kiosk.scan_code(COLA)  # out of habit, with the can on the counter
    assert quantities(view) == {"1001": 1}
    assert view.message == "Fizz Cola can 330 ml is in your basket already: the camera counts it."
    view = kiosk.show()  # taken off the counter again: out of the basket too
    assert quantities(view) == {}

    kiosk.scan_code(COLA)  # scanned first, then put down: still one
    view = kiosk.show("cola-can")
    assert quantities(view) == {"1001": 1}
    view = kiosk.show("cola-can", "cola-can")  # a second can: the camera's count wins
    assert quantities(view) == {"1001": 2}


def test_a_barcode_that_sells_nothing_is_refused_and_changes_nothing(db, tmp_path: Path) -> None:
    kiosk = ScanKiosk(db, tmp_path)
    kiosk.show("cola-can")
    view = kiosk.scan_code("4006381333931")  # a real product of another store
    assert view.message == NOT_A_PRODUCT and quantities(view) == {"1001": 1}
    products.set_product_active(db, "2002", False, "ann")
    kiosk = ScanKiosk(db, tmp_path)  # a kiosk started after the card went off sale
    kiosk.show("cola-can")
    view = kiosk.scan_code(CARD)
    assert view.message == "Birthday card cannot be sold just now. Please press Help."
    assert quantities(view) == {"1001": 1}


def test_a_scanned_bag_is_its_plus_button_and_a_voucher_number_a_voucher(
    db, tmp_path: Path
) -> None:
    bag = products.get_product(db, "2001")
    products.upsert_product(db, replace(bag, barcode="2000000020013"), "ann")
    kiosk = ScanKiosk(db, tmp_path, vouchers=VOUCHERS)
    kiosk.show("crisps-salted")
    view = kiosk.scan_code("2000000020013")
    assert quantities(view) == {"1008": 1, "2001": 1}
    assert [(c.sku, c.quantity) for c in view.shopper_choices] == [("2001", 1)]
    view = kiosk.scan_code(VOUCHERS.code_for(7, 50))  # the same scanner, a bottle machine's slip
    assert view.message == "Bottle voucher taken: €0.50 off."
    assert view.basket.total_cents == 199 + 20 - 50


def test_help_and_an_idle_empty_counter_keep_scans_right(db, tmp_path: Path) -> None:
    kiosk = ScanKiosk(db, tmp_path)
    kiosk.show()
    view = kiosk.scan_code(CARD)  # a card alone, on a counter the camera sees as empty
    assert view.state is State.READY and quantities(view) == {"2002": 1}
    assert kiosk.checkout.handle(HelpPressed()).state is State.HELP
    assert kiosk.scan_code(CARD).state is State.HELP  # staff are on their way: nothing changes
    view = kiosk.checkout.handle(CancelPressed())
    assert quantities(view) == {"2002": 1}
    view = kiosk.show(seconds=91)  # the shopper walked away: the next one starts afresh
    assert view.state is State.WELCOME and view.basket.lines == ()


def test_an_old_catalog_gets_barcodes_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = connect(path, migrate=False)
    apply_migrations(old, MIGRATIONS[:10])  # a catalog written before barcodes
    old.conn.execute("INSERT INTO products (sku, name, price_cents, tax_rate_bp)"
                     " VALUES ('1001', 'Fizz Cola can 330 ml', 129, 1900)")  # fmt: skip
    old.conn.commit()
    old.close()
    catalog = connect(path)  # migrates
    assert schema_version(catalog) == MIGRATIONS[-1].version
    cola = products.get_product(catalog, "1001")
    assert cola is not None and cola.barcode == ""
    products.upsert_product(catalog, replace(cola, barcode="4006381333931"), "ann")
    assert products.get_product(catalog, "1001").barcode == "4006381333931"
    assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_paying_for_scans_the_camera_missed_keeps_the_counter_picture(db, tmp_path: Path) -> None:
    kiosk = ScanKiosk(db, tmp_path)
    kept: list = []
    kiosk.checkout.on_capture = kept.append
    kiosk.show("cola-can")
    kiosk.scan_code(COLA)  # the camera counts it: nothing for the model to learn
    kiosk.scan_code(CARD)
    kiosk.checkout.handle(PayPressed())
    (capture,) = kept
    assert capture.scanned and capture.staff == "shopper (scanned)"
    assert capture.corrections == ("scanned 1 × Birthday card (2002)",)
    assert dict(capture.read) == {"1001": 1} and dict(capture.corrected) == {"1001": 1, "2002": 1}

    # Saved as a capture of its own: a Help visit after it keeps its own picture.
    store = CaptureStore(tmp_path / "captures")
    recorder = CaptureRecorder(store)
    recorder.frame_seen(np.full((240, 320, 3), 90, np.uint8), frame("cola-can"))
    recorder(capture)
    assert recorder.visit_capture is None
    recorder(replace(capture, scanned=False, staff="Demo Manager", corrections=("added",)))
    saved, problems = store.captures()
    assert problems == [] and len(saved) == 2
    assert sorted(c.staff for c in saved) == ["Demo Manager", "shopper (scanned)"]
    card = next(c for c in saved if c.staff.startswith("shopper"))
    assert card.changes == {"2002": 1}  # what to label in the picture: the card

    kiosk = ScanKiosk(db, tmp_path)  # a basket of what the camera sees: no picture
    kiosk.checkout.on_capture = kept.append
    kiosk.show("cola-can")
    kiosk.scan_code(COLA)
    kiosk.checkout.handle(PayPressed())
    assert len(kept) == 1


def test_a_upc_a_is_the_same_product_whether_the_scanner_sends_12_or_13_digits(
    fresh_db,
    tmp_path: Path,
) -> None:
    products.upsert_product(fresh_db, product("3002", labels=(), barcode="036000291452"), "ann")
    book = PriceBook.from_db(fresh_db)
    assert book.by_barcode("0036000291452").sku == "3002"  # the EAN-13 spelling
    assert book.by_barcode("036000291452").sku == "3002"
    assert book.by_barcode("36000291452") is not None  # the same GTIN, leading zeros dropped
    assert book.by_barcode("") is None and book.by_barcode("x") is None
    with pytest.raises(BarcodeTaken, match="already belongs to product 3002"):
        same = product("3003", labels=(), barcode="0036000291452")
        products.upsert_product(fresh_db, same, "ann")
    twice = write_csv(
        tmp_path / "twice.csv",
        "3004,Tape,1.49,19,false,,96385074",
        "3005,Bow,0.49,19,false,,0000096385074",  # EAN-8 written as an EAN-13
        "3006,Ribbon,0.99,19,false,,0036000291452",  # 3002's, which this file does not renumber
        header=f"{HEADER},barcode",
    )
    with pytest.raises(CsvImportError) as refused:
        import_csv(fresh_db, twice)
    said = dict(refused.value.problems)
    assert "already used on line 2" in said[3] and "already belongs to product 3002" in said[4]


def test_kiosk_barcode_says_what_each_scan_finds(
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KIOSK_VOUCHERS_LAYOUT", "98SSSSSAAAAAC")
    catalog = connect(db_path)
    seed_demo(catalog, demo_catalog_path())
    catalog.close()
    codes = [CARD, COLA, VOUCHERS.code_for(42, 325), "4006381333931", "4006381333932"]
    assert main(["barcode", "--db", str(db_path), *codes]) == 1  # not every one finds a sale
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{CARD}: 2002 Birthday card, €2.49: sold by a scan (the camera does not know it)",
        f"{COLA}: 1001 Fizz Cola can 330 ml, €1.29: the camera counts it (cola-can); "
        "a scan never adds to that",
        "9800042003257: a bottle voucher worth €3.25 (kiosk voucher 9800042003257: was it used?)",
        "4006381333931: no product of this store has this barcode",
        "4006381333932: barcode 4006381333932 ends in 2 but its check digit is 1: mistyped?",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{CARD}\n\n"))  # scanned into the terminal
    assert main(["barcode", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.count("sold by a scan") == 1


def test_an_age_checked_product_scanned_waits_for_staff_like_one_seen(db, tmp_path: Path) -> None:
    card = products.get_product(db, "2002")
    products.upsert_product(db, replace(card, age_restricted=True), "ann")  # a lottery ticket
    kiosk = ScanKiosk(db, tmp_path)
    kiosk.show("crisps-salted")
    view = kiosk.scan_code(CARD)
    assert quantities(view) == {"1008": 1, "2002": 1}
    assert view.state is State.BLOCKED and view.needs_approval and not view.can_pay
