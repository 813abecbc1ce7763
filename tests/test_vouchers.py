"""Bottle vouchers: read from their barcode, taken off the basket, redeemed once.

Real parts: the demo catalog in a real SQLite file, the checkout engine with the simulated
card terminal, the receipt files, the day summary and report, refunds, and a catalog as it
was before vouchers migrated in place.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from catalog import audit, sales
from catalog.db import connect
from catalog.errors import InvalidSale
from catalog.gtin import check_digit
from catalog.migrations import MIGRATIONS, apply_migrations, schema_version
from catalog.models import Product, SaleLine
from catalog.refunds import record_refund, shares_of
from catalog.reports import sales_summary
from kiosk.checkout import Checkout, FrameSeen, PayPressed
from kiosk.checkout_events import VoucherRemoved, VoucherScanned
from kiosk.checkout_model import VOUCHER_FIRST, VOUCHER_OVER, CheckoutConfig
from kiosk.checkout_values import VoucherLine
from kiosk.checkout_vouchers import ALREADY_IN, NOT_TAKEN
from kiosk.config import ConfigError, load_settings
from kiosk.payment import SimulatedPaymentProvider
from kiosk.price_labels import LabelRules
from kiosk.pricing import PricingRules, make_line, price
from kiosk.receipt import DEFAULT_STORE
from kiosk.reprint import day_report_text
from kiosk.vouchers import VoucherRefused, VoucherRules, layout_problem
from tests.catalog_fixtures import db_path, draft, fresh_db  # noqa: F401 - fixtures
from tests.test_checkout import Clock, db, frame  # noqa: F401 - fixture
from tests.test_checkout import S as State

RULES = VoucherRules(tax_rate_bp=1900, max_cents=2500)
COLA = Product("1001", "Fizz Cola can 330 ml", 129, 1900, deposit_cents=25)


class VoucherKiosk:
    """The demo catalog's checkout, taking vouchers, with a scripted terminal and clock."""

    def __init__(
        self,
        db,  # noqa: F811
        tmp_path: Path,
        rules: VoucherRules | None = RULES,
        kiosk_id: str = "kiosk-1",
        labels: LabelRules | None = None,
    ) -> None:
        self.clock = Clock()
        self.terminal = SimulatedPaymentProvider(delay_seconds=1.0, clock=self.clock)
        name = "key" if kiosk_id == "kiosk-1" else kiosk_id
        keys = iter(f"{name}-{n}" for n in range(1, 100))
        config = CheckoutConfig(vouchers=rules, kiosk_id=kiosk_id, labels=labels)
        self.checkout = Checkout(
            db, config=config, provider=self.terminal,
            receipts_dir=tmp_path / "receipts", new_key=lambda: next(keys),
        )  # fmt: skip

    def show(self, *labels: str, seconds: float = 1.0):
        for _ in range(int(seconds * 10)):
            self.clock.now = round(self.clock.now + 0.1, 6)
            self.checkout.handle(FrameSeen(frame(*labels), self.clock.now))
            view = self.checkout.tick(self.clock.now)
        return view

    def scan(self, serial: int, cents: int):
        return self.checkout.handle(VoucherScanned(RULES.code_for(serial, cents)))


def test_a_voucher_number_is_read_with_the_stores_layout() -> None:
    assert check_digit("400638133393") == 1  # a real EAN-13: 4006381333931
    code = RULES.code_for(42, 325)
    assert code == "9800042003257"
    assert RULES.read(code).amount_cents == 325
    assert RULES.read(f" {code}\n").code == code  # a scanner's stray whitespace
    for wrong, why in [
        ("9800042003253", "did not read correctly"),  # one digit off: the check digit
        ("9900042003255", "not one of the store's"),  # another store's range
        ("98000420032", "not one of the store's"),  # too short
        ("98000420032a7", "not one of the store's"),
        (RULES.code_for(43, 0), "worth nothing"),
        (RULES.code_for(44, 2501), "taken by staff"),
    ]:
        with pytest.raises(VoucherRefused, match=why):
            RULES.read(wrong)
    ean8 = VoucherRules("2SSSAAAC")
    assert ean8.read(ean8.code_for(7, 150)).amount_cents == 150


def test_a_layout_that_cannot_be_a_barcode_is_refused_with_why() -> None:
    assert layout_problem("") is None and layout_problem("98SSSSSAAAAAC") is None
    assert "ending in C" in (layout_problem("98SSSSSAAAAA") or "")
    assert "8 to 20" in (layout_problem("9SAC") or "")
    assert "A (amount)" in (layout_problem("98SSSSSSSSSSC") or "")
    with pytest.raises(ConfigError, match=r"vouchers\.layout"):
        load_settings(None, overrides={"vouchers.layout": "98XXAAAC"}, environ={})


def test_a_voucher_comes_off_the_total_with_its_tax() -> None:
    voucher = VoucherLine("9800042003257", "Bottle voucher", -325, 1900)
    priced = price([make_line(COLA, 6)], {}, PricingRules(), [voucher])
    assert priced.vouchers == (replace(voucher, tax_cents=-52),)  # 19/119 of 3.25
    assert priced.total_cents == 6 * 129 + 6 * 25 - 325
    assert priced.tax_cents == sum(x.tax_cents for x in (*priced.lines, *priced.deposits)) - 52
    # Prices before tax (a bottle-bill state): the slip's amount comes off as printed.
    untaxed = replace(voucher, tax_rate_bp=0)
    plain = price([make_line(COLA, 6)], {}, PricingRules(tax_inclusive=False))
    exclusive = price([make_line(COLA, 6)], {}, PricingRules(tax_inclusive=False), [untaxed])
    assert exclusive.total_cents == plain.total_cents - 325
    with pytest.raises(ConfigError, match=r"vouchers\.tax_rate .* must be 0 where prices are"):
        load_settings(
            None,
            overrides={"checkout.tax_inclusive": False, "vouchers.tax_rate": 19.0},
            environ={},
        )


def test_a_sale_with_a_voucher_records_prints_reports_and_refunds(db, tmp_path: Path) -> None:  # noqa: F811
    kiosk = VoucherKiosk(db, tmp_path)
    code = RULES.code_for(42, 325)
    kiosk.show()
    view = kiosk.scan(42, 325)  # handed in first, on an empty counter
    assert view.state is State.BLOCKED and VOUCHER_FIRST in view.block_reasons
    assert view.message == "Bottle voucher taken: €3.25 off." and view.basket.total_cents == -325
    view = kiosk.show("cola-can", "cola-can", "cola-can", "crisps-salted")
    assert view.state is State.READY and view.can_pay and view.basket.total_cents == 457 - 325
    assert kiosk.checkout.handle(PayPressed()).state is State.PAYING
    view = kiosk.show("cola-can", "cola-can", "cola-can", "crisps-salted", seconds=1.5)
    assert view.state is State.RECEIPT and kiosk.terminal.charged == [("key-1", 132, "EUR")]

    sale = sales.get_sale(db, "key-1")
    assert sale is not None and sale.draft.total_cents == 132
    assert sale.lines[-1] == SaleLine(code, "Bottle voucher", 1, -325, -325, 1900, -52, "voucher")
    text = Path(view.receipt.path).read_text(encoding="utf-8").splitlines()
    assert any(r.startswith(f"  Bottle voucher {code}") and r.endswith("-€3.25") for r in text)
    html = (tmp_path / "receipts" / "receipt-K1-000001.html").read_text(encoding="utf-8")
    assert f"<tr class='voucher'><td>Bottle voucher {code}</td>" in html

    day = sales_summary(db, sale.created_at[:10])
    assert (day.total_cents, day.voucher_count, day.voucher_cents) == (132, 1, 325)
    assert sum(band.gross_cents for band in day.tax_bands) == 132
    assert sum(band.tax_cents for band in day.tax_bands) == sale.draft.tax_cents
    report = day_report_text(day, DEFAULT_STORE, "EUR")
    assert any(
        r.startswith("Bottle vouchers taken (1)") and r.endswith("-€3.25")
        for r in report.splitlines()
    )

    # The voucher paid for the items like money: they refund in full, as without it.
    assert sum(s.amount_cents for s in shares_of(sale).values()) == 457
    back = record_refund(db, sale, None, key="r-1", staff="Ann", reason="all", method="cash")
    assert back.amount_cents == 457 and back.tax_cents == 41 + 13  # cola 2.58, crisps 1.99

    # The next shopper with the same slip: refused, with where it went.
    view = kiosk.show(seconds=2.0)
    assert view.state is State.WELCOME and not view.basket.vouchers
    view = kiosk.checkout.handle(VoucherScanned(code))
    assert view.message == "This voucher was redeemed already (receipt K1-000001)."
    assert not view.basket.vouchers and view.state is State.WELCOME


def test_vouchers_worth_more_than_the_items_block_pay_until_one_is_taken_out(db, tmp_path) -> None:  # noqa: F811
    kiosk = VoucherKiosk(db, tmp_path)
    kiosk.show("crisps-salted")
    kiosk.scan(1, 150)
    view = kiosk.scan(2, 100)
    assert view.basket.total_cents == 199 - 250 and not view.can_pay
    assert view.state is State.BLOCKED and view.block_reasons == (VOUCHER_OVER,)
    assert kiosk.checkout.handle(PayPressed()).state is State.BLOCKED
    assert kiosk.scan(2, 100).message == ALREADY_IN
    view = kiosk.checkout.handle(VoucherRemoved(RULES.code_for(2, 100)))
    assert view.state is State.READY and view.can_pay and view.basket.total_cents == 49
    assert [v.code for v in view.basket.vouchers] == [RULES.code_for(1, 150)]


def test_a_voucher_left_behind_is_forgotten_not_redeemed(db, tmp_path: Path) -> None:  # noqa: F811
    kiosk = VoucherKiosk(db, tmp_path)
    kiosk.show()
    assert kiosk.scan(5, 75).state is State.BLOCKED
    view = kiosk.show(seconds=95.0)  # the counter stays empty, nobody touches the screen
    assert view.state is State.WELCOME and not view.basket.vouchers
    assert sales.voucher_receipt(db, RULES.code_for(5, 75)) == ""
    assert kiosk.scan(5, 75).basket.vouchers  # its owner comes back: still good


def test_a_kiosk_without_vouchers_says_so(db, tmp_path: Path) -> None:  # noqa: F811
    kiosk = VoucherKiosk(db, tmp_path, rules=None)
    kiosk.show("crisps-salted")
    view = kiosk.scan(5, 75)
    assert view.message == NOT_TAKEN and not view.basket.vouchers and not view.takes_vouchers
    bad = kiosk.checkout.handle(VoucherScanned("1234567890"))
    assert bad.state is State.READY


def test_the_ledger_refuses_a_voucher_it_cannot_account_for(fresh_db) -> None:  # noqa: F811
    voucher = SaleLine("9800042003257", "Bottle voucher", 1, -325, -325, 1900, -52, "voucher")
    item = SaleLine("1001", "Fizz Cola", 3, 129, 387, 1900, 62, "item")
    with pytest.raises(InvalidSale, match="a voucher without anything sold"):
        sales.record_sale(fresh_db, draft("a", voucher))
    with pytest.raises(InvalidSale, match="taken off twice"):
        sales.record_sale(fresh_db, draft("b", item, voucher, voucher))
    adding = replace(voucher, unit_cents=325, line_cents=325, tax_cents=52)
    with pytest.raises(InvalidSale, match="takes its amount off once"):
        sales.record_sale(fresh_db, draft("c", item, adding))
    assert sales.list_sales(fresh_db) == []
    sales.record_sale(fresh_db, draft("d", item, voucher))
    assert sales.voucher_receipt(fresh_db, voucher.sku) == "K1-000001"


def test_an_old_catalog_keeps_its_lines_and_finds_vouchers_by_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = connect(path, migrate=False)
    apply_migrations(old, MIGRATIONS[:9])  # a catalog written before vouchers
    water = SaleLine("3001", "Still water", 2, 49, 98, 700, 6, "item")
    deposit = SaleLine("3001", "Still water", 2, 25, 50, 700, 3, "deposit")
    first = sales.record_sale(old, draft("a", water, deposit))
    before = old.conn.execute("SELECT * FROM sale_lines ORDER BY id").fetchall()
    old.close()

    catalog = connect(path)  # migrates
    assert schema_version(catalog) == MIGRATIONS[-1].version
    assert catalog.conn.execute("SELECT * FROM sale_lines ORDER BY id").fetchall() == before
    assert sales.get_sale(catalog, "a") == first
    voucher = SaleLine("9800042003257", "Bottle voucher", 1, -50, -50, 700, -3, "voucher")
    sales.record_sale(catalog, draft("b", water, voucher))
    plan = catalog.conn.execute(
        "EXPLAIN QUERY PLAN SELECT s.receipt_no FROM sale_lines l JOIN sales s"
        " ON s.id = l.sale_id WHERE l.kind = 'voucher' AND l.sku = ? ORDER BY s.id LIMIT 1",
        (voucher.sku,),
    ).fetchall()
    assert any("sale_lines_vouchers" in row[-1] for row in plan), plan
    with pytest.raises(Exception, match="append-only"):
        catalog.conn.execute("DELETE FROM sale_lines WHERE kind = 'voucher'")
    assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_voucher_at_a_higher_rate_than_the_items_may_take_the_tax_below_zero(
    db,  # noqa: F811
    tmp_path: Path,
) -> None:
    kiosk = VoucherKiosk(db, tmp_path)
    kiosk.show("cola-can", "crisps-salted")
    view = kiosk.scan(42, 325)  # 19 % off 3.25 against 19 % on 1.29 and 7 % on 1.99
    assert view.can_pay and view.basket.total_cents == 3 and view.basket.tax_cents == 21 + 13 - 52
    kiosk.checkout.handle(PayPressed())
    view = kiosk.show("cola-can", "crisps-salted", seconds=1.5)
    assert view.state is State.RECEIPT and kiosk.terminal.charged == [("key-1", 3, "EUR")]
    sale = sales.get_sale(db, "key-1")
    assert sale is not None and sale.draft.tax_cents == -18
    bands = {band.rate_bp: band for band in sales_summary(db, sale.created_at[:10]).tax_bands}
    assert (bands[1900].gross_cents, bands[1900].tax_cents) == (129 - 325, 21 - 52)
    assert (bands[700].gross_cents, bands[700].tax_cents) == (199, 13)
    item = SaleLine("1008", "Crisps", 1, 199, 199, 700, 13, "item")
    with pytest.raises(InvalidSale, match="tax must not be negative"):  # without a voucher
        sales.record_sale(db, draft("k", item, tax=-1))


def test_a_voucher_refused_on_the_empty_counter_is_not_left_for_the_next_shopper(
    db,  # noqa: F811
    tmp_path: Path,
) -> None:
    kiosk = VoucherKiosk(db, tmp_path)
    kiosk.show()
    view = kiosk.checkout.handle(VoucherScanned("9900042003255"))
    assert (
        view.state is State.WELCOME
        and view.message == "This is not one of the store's bottle vouchers."
    )
    assert kiosk.show(seconds=5.0).message  # still there while the shopper reads it
    assert kiosk.show(seconds=5.0).message == ""


def test_two_kiosks_never_both_take_one_voucher(db, tmp_path: Path) -> None:  # noqa: F811
    # Two checkouts on one catalog file, a voucher and its photocopy.
    first = VoucherKiosk(db, tmp_path / "one")
    other_db = connect(db.conn.execute("PRAGMA database_list").fetchone()[2])
    second = VoucherKiosk(other_db, tmp_path / "two", kiosk_id="kiosk-2")
    for kiosk in (first, second):
        kiosk.show("crisps-salted", "crisps-salted")
        assert kiosk.scan(42, 150).basket.vouchers  # both took it before either paid
    assert first.checkout.handle(PayPressed()).state is State.PAYING
    # The second kiosk's payment starts after the first's: its intent sees the first's.
    view = second.checkout.handle(PayPressed())
    assert view.state is State.READY and second.terminal.charged == []
    assert "was just used at another checkout" in view.message
    # A third shopper handing it in while the first pays is told it is in use.
    second.checkout.handle(VoucherRemoved(RULES.code_for(42, 150)))
    assert (
        second.scan(42, 150).message == "This voucher is being used at another checkout right now."
    )
    view = first.show("crisps-salted", "crisps-salted", seconds=1.5)
    assert view.state is State.RECEIPT and first.terminal.charged == [
        ("key-1", 300 - 150, "EUR")
    ]  # crisps 2 for 3.00
    assert second.scan(42, 150).message.startswith("This voucher was redeemed already")
    assert len(sales.list_sales(db)) == 1
    other_db.close()


def test_staff_take_out_a_voucher_worth_more_than_the_items(db, tmp_path: Path) -> None:  # noqa: F811
    from kiosk.checkout_events import HelpDone, HelpPressed, StaffPin

    kiosk = VoucherKiosk(db, tmp_path)
    kiosk.show("apple")
    code = RULES.code_for(9, 2000)
    assert kiosk.checkout.handle(VoucherScanned(code)).block_reasons == (VOUCHER_OVER,)
    assert kiosk.checkout.handle(HelpPressed()).state is State.HELP
    view = kiosk.checkout.handle(VoucherRemoved(code))  # nobody signed in yet
    assert view.basket.vouchers
    assert kiosk.checkout.handle(StaffPin("1234")).staff == "Demo Manager"
    view = kiosk.checkout.handle(VoucherRemoved(code))
    assert view.state is State.HELP and not view.basket.vouchers
    assert view.overrides == (f"Demo Manager took bottle voucher {code} out",)
    (entry,) = [e for e in audit.list_entries(db) if e.action == "basket.remove_voucher"]
    assert (entry.actor, entry.entity, entry.old) == (
        "Demo Manager",
        f"voucher:{code}",
        {"amount_cents": 2000},
    )
    view = kiosk.checkout.handle(HelpDone())
    assert view.state is State.READY and view.can_pay and view.basket.total_cents == 45


def test_where_tax_is_added_a_voucher_comes_off_as_printed(db, tmp_path: Path) -> None:  # noqa: F811
    kiosk = VoucherKiosk(db, tmp_path)
    exclusive = CheckoutConfig(rules=PricingRules(tax_inclusive=False), vouchers=RULES)
    kiosk.checkout = Checkout(db, config=exclusive, provider=kiosk.terminal)
    before = kiosk.show("crisps-salted", "cola-can").basket.total_cents
    view = kiosk.scan(42, 150)
    assert view.basket.total_cents == before - 150
    assert view.basket.vouchers[0].tax_rate_bp == 0 and view.basket.vouchers[0].tax_cents == 0
