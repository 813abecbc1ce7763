"""The sales ledger: one sale per key, whole, checked, and never changed afterwards."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlite_utils

from catalog import products, sales
from catalog.errors import InvalidSale
from catalog.models import SaleLine
from tests.catalog_fixtures import db_path, draft, fresh_db, item_line, product

__all__ = ["db_path", "fresh_db"]


def count(db: sqlite_utils.Database, table: str) -> int:
    return db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_recorded_sale_reads_back_equal(fresh_db: sqlite_utils.Database) -> None:
    lines = (
        item_line("1001", 3, 129),
        SaleLine("1001", "3 for 2", 1, -129, -129, 1900, 0, "promotion"),
    )
    sale = sales.record_sale(
        fresh_db, draft("k-1", *lines, approved_by="Ann", overrides=("age-check",))
    )
    assert sale.receipt_no == "K1-000001"
    assert sales.get_sale(fresh_db, "k-1") == sale
    assert sale.draft.approved_by == "Ann" and sale.draft.overrides == ("age-check",)
    assert count(fresh_db, "sale_lines") == 2


@pytest.mark.parametrize(
    ("kiosk_id", "prefix"), [("kiosk-1", "K1"), ("kiosk-12", "K12"), ("Front Desk", "FRONTDESK")]
)
def test_receipt_numbers_count_up_per_kiosk(
    fresh_db: sqlite_utils.Database, kiosk_id: str, prefix: str
) -> None:
    sales.record_sale(fresh_db, draft("other", kiosk_id="elsewhere"))
    numbers = [
        sales.record_sale(fresh_db, draft(f"k{i}", kiosk_id=kiosk_id)).receipt_no for i in range(3)
    ]
    assert numbers == [f"{prefix}-00000{i}" for i in (1, 2, 3)]


def test_same_key_returns_the_first_sale_and_writes_nothing(
    fresh_db: sqlite_utils.Database,
) -> None:
    first = sales.record_sale(fresh_db, draft("k-1"))
    changes = fresh_db.conn.total_changes
    assert sales.record_sale(fresh_db, draft("k-1")) == first
    assert fresh_db.conn.total_changes == changes
    assert (count(fresh_db, "sales"), count(fresh_db, "sale_lines")) == (1, 1)


def test_same_key_with_other_contents_keeps_the_first_and_warns(
    fresh_db: sqlite_utils.Database, caplog: pytest.LogCaptureFixture
) -> None:
    first = sales.record_sale(fresh_db, draft("k-1"))
    with caplog.at_level(logging.WARNING, logger="catalog.sales"):
        again = sales.record_sale(fresh_db, draft("k-1", item_line("1002", 2, 99)))
    assert again == first
    assert "already recorded as K1-000001 with different contents" in caplog.text
    assert count(fresh_db, "sale_lines") == 1


def test_line_keeps_the_price_and_name_of_sale_time(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001", price_cents=129), "ann")
    sales.record_sale(fresh_db, draft("k-1", item_line("1001", 1, 129)))
    products.upsert_product(fresh_db, product("1001", price_cents=199, name="Renamed"), "ann")
    line = sales.get_sale(fresh_db, "k-1").lines[0]  # type: ignore[union-attr]
    assert (line.name, line.unit_cents) == ("Product 1001", 129)


BAD_DRAFTS = {
    "subtotal disagrees with lines": (
        draft("k", subtotal_cents=130, total_cents=130),
        "subtotal 130 != sum of lines 129",
    ),
    "total forgets exclusive tax": (
        draft("k", tax_inclusive=False, tax=25, total_cents=129),
        r"total 129 != 154 \(tax exclusive\)",
    ),
    "total adds inclusive tax": (draft("k", tax=25, total_cents=154), "total 154 != 129"),
    "line total is not qty x unit": (
        draft("k", SaleLine("1", "x", 2, 100, 150, 1900)),
        "line total 150 != 2 x 100",
    ),
    "no lines": (draft("k", lines=(), subtotal_cents=0, total_cents=0), "at least one line"),
    "float cents": (
        draft(
            "k",
            SaleLine("1", "x", 1, 1.5, 1.5, 1900),  # type: ignore[arg-type]
            subtotal_cents=1.5,
            total_cents=1.5,
        ),
        "whole numbers",
    ),
    "zero quantity": (draft("k", SaleLine("1", "x", 0, 100, 0, 1900)), "quantity must be"),
    "promotion adds money": (
        draft("k", item_line(), SaleLine("1", "p", 1, 10, 10, 1900, 0, "promotion")),
        "must not add money",
    ),
    "empty key": (draft(""), "idempotency key"),
    "bad currency": (draft("k", currency="euro"), "3-letter code"),
    "unknown kind": (
        draft("k", SaleLine("1", "x", 1, 5, 5, 1900, 0, "gift")),  # type: ignore
        "kind 'gift'",
    ),
}


@pytest.mark.parametrize(("bad", "reason"), BAD_DRAFTS.values(), ids=BAD_DRAFTS.keys())
def test_inconsistent_draft_is_refused_and_nothing_written(
    fresh_db: sqlite_utils.Database, bad: object, reason: str
) -> None:
    with pytest.raises(InvalidSale, match=reason):
        sales.record_sale(fresh_db, bad)  # type: ignore[arg-type]
    assert count(fresh_db, "sales") == count(fresh_db, "sale_lines") == 0


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE sales SET total_cents = 0",
        "DELETE FROM sales",
        "UPDATE sale_lines SET unit_cents = 0",
        "DELETE FROM sale_lines",
    ],
)
def test_ledger_refuses_changes_to_recorded_sales(
    fresh_db: sqlite_utils.Database, statement: str
) -> None:
    sale = sales.record_sale(fresh_db, draft("k-1"))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_db.execute(statement)
    assert sales.get_sale(fresh_db, "k-1") == sale


def test_exclusive_tax_total_is_stored(fresh_db: sqlite_utils.Database) -> None:
    sale = sales.record_sale(
        fresh_db, draft("k-1", item_line("1", 2, 100), tax_inclusive=False, tax=38)
    )
    assert (sale.draft.subtotal_cents, sale.draft.tax_cents, sale.draft.total_cents) == (
        200,
        38,
        238,
    )


def test_list_sales_filters_by_time(fresh_db: sqlite_utils.Database) -> None:
    first = sales.record_sale(fresh_db, draft("a"))
    second = sales.record_sale(fresh_db, draft("b"))
    assert sales.list_sales(fresh_db) == [first, second]
    assert sales.list_sales(fresh_db, since=second.created_at) == [second]
    assert sales.list_sales(fresh_db, until=second.created_at) == [first]
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    assert sales.list_sales(fresh_db, since=tomorrow) == []


def test_day_summary_counts_products_and_discounts(fresh_db: sqlite_utils.Database) -> None:
    promo = SaleLine("1001", "3 for 2", 1, -129, -129, 1900, 0, "promotion")
    sales.record_sale(fresh_db, draft("a", item_line("1001", 3, 129), promo))
    last = sales.record_sale(fresh_db, draft("b", item_line("1001"), item_line("1002", 2, 50)))
    summary = sales.sales_summary(fresh_db, last.created_at[:10])
    assert (summary.sale_count, summary.total_cents, summary.discount_cents) == (2, 487, 129)
    assert [(p.sku, p.quantity, p.total_cents) for p in summary.per_product] == [
        ("1001", 4, 516),
        ("1002", 2, 100),
    ]
    assert sales.sales_summary(fresh_db, date(2000, 1, 1)).sale_count == 0


def test_the_days_products_count_items_staff_added_and_leave_deposits_apart(
    fresh_db: sqlite_utils.Database,
) -> None:
    seen = item_line("1001", 2, 129)
    added = replace(item_line("1001", 1, 129), kind="manual")  # staff added one by hand
    deposit = SaleLine("1001", "Product 1001", 3, 25, 75, 1900, 12, "deposit")
    last = sales.record_sale(fresh_db, draft("a", seen, added, deposit))
    summary = sales.sales_summary(fresh_db, last.created_at[:10])
    assert [(p.sku, p.quantity, p.total_cents) for p in summary.per_product] == [("1001", 3, 387)]
    assert (summary.total_cents, summary.deposit_cents) == (462, 75)


def test_sale_is_frozen_value(fresh_db: sqlite_utils.Database) -> None:
    sale = sales.record_sale(fresh_db, draft("a"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        sale.receipt_no = "X"  # type: ignore[misc]


def test_staff_lookups_go_by_index_not_through_the_whole_ledger(
    fresh_db: sqlite_utils.Database, tmp_path
) -> None:
    """The day's takings, a month's export and a receipt looked up for a refund or a copy
    read only what they show: a query that scans the sales or their lines gets slower with
    every day kept (500,000 sales: the day's summary took 218 ms, a receipt lookup 35 ms, on
    the thread that also reads the camera; now 28 and 0.07 ms). SQLite plans the same on an
    empty ledger as on a full one (no statistics are gathered), so the plans are checked."""
    from catalog.reports import sales_summary
    from catalog.sales_export import export_sales
    from kiosk.refund_desk import find_receipt, refundable_lines

    sale = sales.record_sale(fresh_db, draft("one"))
    statements: list[str] = []
    fresh_db.conn.set_trace_callback(statements.append)
    sales_summary(fresh_db, date.today())
    export_sales(
        fresh_db, tmp_path, date.today().replace(day=1), date.today(),
        zone=timezone.utc, decimals=2, actor="staff",
    )  # fmt: skip
    refundable_lines(fresh_db, find_receipt(fresh_db, sale.receipt_no))
    fresh_db.conn.set_trace_callback(None)
    selects = [s for s in dict.fromkeys(statements) if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) >= 8
    scans = {
        select: [step[3] for step in fresh_db.conn.execute("EXPLAIN QUERY PLAN " + select)]
        for select in selects
    }
    assert not {s: plan for s, plan in scans.items() if any("SCAN" in step for step in plan)}
