"""Deposits on bottles and cans: priced, sold, printed, reported and refunded with the item.

Real parts: the demo catalog in a real SQLite file, the checkout engine with the simulated
card terminal, the receipt files, the day summary, refunds, CSV files, and an old catalog
file migrated in place.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from catalog import sales
from catalog.db import connect
from catalog.errors import CsvImportError, InvalidSale
from catalog.importexport import import_csv
from catalog.migrations import MIGRATIONS, apply_migrations, schema_version
from catalog.models import Product, Promotion, SaleLine
from catalog.products import get_product, upsert_product
from catalog.refunds import record_refund
from catalog.reports import sales_summary
from kiosk.checkout import PayPressed
from kiosk.checkout_values import BasketLine, BasketSnapshot, DepositLine, PromotionLine
from kiosk.pricing import PricingRules, make_line, price
from kiosk.receipt import DEFAULT_STORE
from kiosk.reprint import day_report_text
from tests.catalog_fixtures import db_path, draft, fresh_db  # noqa: F401 - fixtures
from tests.test_checkout import Kiosk, db  # noqa: F401 - fixture
from tests.test_checkout import S as State

WATER = Product("3001", "Still water 1.5 l", 49, 700, deposit_cents=25)
COLA = Product("1001", "Fizz Cola can 330 ml", 129, 1900, deposit_cents=25)
BREAD = Product("3002", "Rye bread", 249, 700)
THREE_FOR_TWO = Promotion("1001", "3 for 2", 3, pay_qty=2, id=1)


def test_a_deposit_is_its_own_line_at_the_items_rate_and_no_offer_touches_it() -> None:
    lines = [make_line(COLA, 2), make_line(BREAD, 1), make_line(COLA, 1, "", "manual")]
    priced = price(lines, {"1001": (THREE_FOR_TWO,)}, PricingRules())
    assert priced.deposits == (DepositLine("1001", COLA.name, 3, 25, 75, 1900, 12),)
    # 3 cans for the price of 2, but a deposit on each of the 3
    assert priced.total_cents == 3 * 129 - 129 + 249 + 75
    assert priced.tax_cents == sum(x.tax_cents for x in (*priced.lines, *priced.promotions)) + 12

    exclusive = price([make_line(WATER, 4)], {}, PricingRules(tax_inclusive=False))
    assert exclusive.subtotal_cents == 4 * 49 + 4 * 25
    assert exclusive.tax_cents == 14 + 7  # 7 % on 1.96 and on 1.00, each rounded
    assert exclusive.total_cents == 296 + 21

    per_sale = price([make_line(WATER, 4)], {}, PricingRules(rounding="per_sale"))
    assert per_sale.deposits[0].tax_cents == 0 and per_sale.tax_cents == 19  # 7/107 of 2.96


def test_the_basket_shows_each_deposit_under_its_product_and_offers_last() -> None:
    cola = BasketLine("1001", "cola-can", COLA.name, 3, 129, 387, 1900, deposit_cents=25)
    bread = BasketLine("3002", "", BREAD.name, 1, 249, 249, 700)
    deposit = DepositLine("1001", COLA.name, 3, 25, 75, 1900)
    offer = PromotionLine("1001", "3 for 2", 1, -129, 1900)
    snapshot = BasketSnapshot(lines=(cola, bread), deposits=(deposit,), promotions=(offer,))
    assert snapshot.rows == (cola, deposit, bread, offer)
    assert snapshot.item_count == 4  # a deposit is not an article


def test_a_sale_charges_prints_reports_and_refunds_the_deposit(db, tmp_path: Path) -> None:  # noqa: F811
    cola = get_product(db, "1001")
    upsert_product(db, replace(cola, deposit_cents=25), "manager")
    kiosk = Kiosk(db, tmp_path)
    view = kiosk.show("cola-can", "cola-can", "cola-can", "crisps-salted")
    assert view.state is State.READY and view.basket.total_cents == 457 + 75
    assert [type(row).__name__ for row in view.basket.rows] == [
        "BasketLine", "BasketLine", "DepositLine", "PromotionLine",
    ]  # fmt: skip  # crisps, cola, the cola's deposit, the offer (lines go by name)
    assert kiosk.checkout.handle(PayPressed()).state is State.PAYING
    view = kiosk.show("cola-can", "cola-can", "cola-can", "crisps-salted", seconds=1.5)
    assert view.state is State.RECEIPT and kiosk.terminal.charged == [("key-1", 532, "EUR")]

    sale = sales.get_sale(db, "key-1")
    assert sale is not None and sale.draft.total_cents == 532
    kinds = [(line.kind, line.sku, line.quantity, line.line_cents) for line in sale.lines]
    assert kinds == [
        ("item", "1008", 1, 199),
        ("item", "1001", 3, 387),
        ("deposit", "1001", 3, 75),
        ("promotion", "1001", 1, -129),
    ]
    deposit_tax = next(line.tax_cents for line in sale.lines if line.kind == "deposit")
    assert deposit_tax == 12  # 19/119 of 0.75, the cola's rate

    text = Path(view.receipt.path).read_text(encoding="utf-8").splitlines()
    at = next(i for i, row in enumerate(text) if row.startswith("3 × Fizz Cola"))
    assert text[at + 1].startswith("  Deposit 3 × €0.25") and text[at + 1].endswith("€0.75")
    assert any(row.startswith("TOTAL") and row.endswith("€5.32") for row in text)
    html = (tmp_path / "receipts" / "receipt-K1-000001.html").read_text(encoding="utf-8")
    assert "<tr class='deposit'><td>Deposit 3 × €0.25</td>" in html

    day = sales_summary(db, sale.created_at[:10])
    assert (day.total_cents, day.deposit_cents) == (532, 75)
    assert [(p.sku, p.quantity) for p in day.per_product] == [("1001", 3), ("1008", 1)]
    assert sum(band.gross_cents for band in day.tax_bands) == 532
    assert "Deposits charged" in day_report_text(day, DEFAULT_STORE, "EUR")

    # One can back: its share of the offer price (2.58 / 3) and its deposit.
    back = record_refund(db, sale, {"1001": 1}, key="r-1", staff="Ann", reason="dented",
                         method="card")  # fmt: skip
    assert back.amount_cents == 86 + 25
    rest = record_refund(db, sale, None, key="r-2", staff="Ann", reason="all", method="card")
    assert back.amount_cents + rest.amount_cents == 532


def test_the_ledger_refuses_a_deposit_without_its_item(fresh_db) -> None:  # noqa: F811
    alone = SaleLine("3001", "Still water 1.5 l", 2, 25, 50, 700, 3, "deposit")
    with pytest.raises(InvalidSale, match="a deposit without its item"):
        sales.record_sale(fresh_db, draft("k", alone))
    assert sales.list_sales(fresh_db) == []


def test_an_old_catalog_keeps_every_sale_line_and_its_ledger_stays_append_only(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    old = connect(path, migrate=False)
    apply_migrations(old, MIGRATIONS[:8])  # a catalog written before deposits
    water = SaleLine("3001", "Still water", 2, 49, 98, 700, 6, "item")
    offer = SaleLine("3001", "2 for 0.90", 1, -8, -8, 700, -1, "promotion")
    first = sales.record_sale(old, draft("a", water, offer))
    before = old.conn.execute("SELECT * FROM sale_lines ORDER BY id").fetchall()
    old.close()

    catalog = connect(path)  # migrates
    assert schema_version(catalog) == MIGRATIONS[-1].version
    assert catalog.conn.execute("SELECT * FROM sale_lines ORDER BY id").fetchall() == before
    assert sales.get_sale(catalog, "a") == first
    assert get_product(catalog, "3001") is None
    upsert_product(catalog, WATER, "manager")
    assert get_product(catalog, "3001").deposit_cents == 25
    deposit = SaleLine("3001", "Still water", 2, 25, 50, 700, 3, "deposit")
    sales.record_sale(catalog, draft("b", water, deposit))
    for statement in ("UPDATE sale_lines SET line_cents = 0", "DELETE FROM sale_lines"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            catalog.conn.execute(statement)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        catalog.conn.execute(
            "INSERT INTO sale_lines (sale_id, position, kind, sku, name, quantity, unit_cents,"
            " line_cents, tax_rate_bp, tax_cents) VALUES (1, 9, 'gift', 'x', 'x', 1, 0, 0, 0, 0)"
        )
    assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    catalog.close()


def test_a_price_list_sets_keeps_and_refuses_deposits_by_line(fresh_db, tmp_path: Path) -> None:  # noqa: F811
    first = tmp_path / "first.csv"
    first.write_text(
        "sku;name;price;tax_rate_percent;age_restricted;labels;deposit\n"
        "3001;Still water 1.5 l;0,49;7;false;water-bottle;0,25\n"
        "3002;Rye bread;2,49;7;false;bread;\n",
        encoding="utf-8",
    )
    import_csv(fresh_db, first, actor="manager")
    assert get_product(fresh_db, "3001").deposit_cents == 25
    assert get_product(fresh_db, "3002").deposit_cents == 0

    without = tmp_path / "prices.csv"  # a price list without the column keeps the deposits
    without.write_text(
        "sku,name,price,tax_rate_percent,age_restricted,labels\n"
        "3001,Still water 1.5 l,0.55,7,false,water-bottle\n",
        encoding="utf-8",
    )
    import_csv(fresh_db, without, actor="manager")
    water = get_product(fresh_db, "3001")
    assert (water.price_cents, water.deposit_cents) == (55, 25)

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sku,name,price,tax_rate_percent,age_restricted,labels,deposit\n"
        "3001,Still water 1.5 l,0.55,7,false,water-bottle,0.08\n"
        "3002,Rye bread,2.49,7,false,bread,-0.25\n"
        "3003,Oat milk,1.99,7,false,oat-milk,0.255\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as refused:
        import_csv(fresh_db, bad, actor="manager")
    assert [line for line, _ in refused.value.problems] == [3, 4]
    assert "deposit '-0.25' is negative" in str(refused.value)
    assert "deposit '0.255' has 3 decimals" in str(refused.value)
    assert get_product(fresh_db, "3001").deposit_cents == 25  # nothing of the bad file applied


def test_a_payment_written_down_with_deposits_is_recorded_the_same_after_a_crash(
    fresh_db,  # noqa: F811
) -> None:
    """The payment intent (written before the card is charged) keeps the deposit lines, so
    the recovery after a crash records the sale the shopper paid, deposit included."""
    from catalog.intents import draft_from_json, draft_to_json, open_intent, unsettled_intents

    water = SaleLine("3001", "Still water 1.5 l", 2, 49, 98, 700, 6, "item")
    deposit = SaleLine("3001", "Still water 1.5 l", 2, 25, 50, 700, 3, "deposit")
    paid = draft("k-1", water, deposit, tax=9)
    assert draft_from_json(draft_to_json(paid)) == paid
    open_intent(fresh_db, paid)
    (intent,) = unsettled_intents(fresh_db)
    recorded = sales.record_sale(fresh_db, intent.draft)
    assert [line.kind for line in recorded.lines] == ["item", "deposit"]
    assert recorded.draft.total_cents == 148
