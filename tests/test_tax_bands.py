"""Tax per rate on receipts and reports, the store's clock, and the ledger as CSV.

The baskets are priced by the kiosk's own pricing engine and recorded in a real SQLite
ledger; the checks are the ones an accountant makes: every rate's net + tax = gross, the
rates add up to what the ledger recorded, and a sale lands on the store's day.
"""

from __future__ import annotations

import csv
import io
import os
import time
from datetime import date
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog import sales
from catalog.db import connect
from catalog.ledger_csv import LINE_COLUMNS, TAX_COLUMNS, write_sale_lines_csv, write_sale_taxes_csv
from catalog.models import Product, SaleLine
from catalog.reports import day_bounds
from catalog.tax import sale_tax_bands, share_out
from kiosk.cli import main
from kiosk.pricing import PricingRules, make_line, price
from kiosk.receipt import receipt_text
from kiosk.storetime import receipt_time, store_zone
from tests.catalog_fixtures import db_path, draft, fresh_db  # noqa: F401 - fixtures
from tests.test_checkout_receipt import sale as receipt_sale

RATES = (0, 700, 1900, 2000, 550)


def priced_sale_lines(items: list[tuple[int, int, int]], rules: PricingRules):
    """Lines and recorded tax of a basket priced by the kiosk (sku, price, rate, quantity)."""
    basket = [
        make_line(Product(f"{i:04d}", f"P{i}", cents, rate), qty)
        for i, (cents, rate, qty) in enumerate(items)
    ]
    priced = price(basket, {}, rules)
    lines = [
        SaleLine(x.sku, x.name, x.quantity, x.unit_cents, x.line_cents, x.tax_rate_bp, x.tax_cents)
        for x in priced.lines
    ]
    return lines, priced.tax_cents


basket = st.lists(
    st.tuples(st.integers(1, 99_999), st.sampled_from(RATES), st.integers(1, 12)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(basket, st.booleans(), st.sampled_from(["per_line", "per_sale"]))
def test_bands_add_up_to_the_recorded_tax_whatever_the_rounding(items, inclusive, rounding):
    rules = PricingRules(tax_inclusive=inclusive, rounding=rounding)
    lines, tax = priced_sale_lines(items, rules)
    bands = sale_tax_bands(lines, tax, inclusive)
    assert sum(b.tax_cents for b in bands) == tax
    assert all(b.net_cents + b.tax_cents == b.gross_cents for b in bands)
    amounts = {r: sum(x.line_cents for x in lines if x.tax_rate_bp == r) for r in RATES}
    for band in bands:
        assert (band.gross_cents if inclusive else band.net_cents) == amounts[band.rate_bp]
        exact = rules.exact_tax(amounts[band.rate_bp], band.rate_bp)
        assert abs(band.tax_cents - exact) < len(lines)  # each rate keeps its own share
    if rounding == "per_line":  # the lines' own taxes, untouched
        for band in bands:
            own = [x.tax_cents for x in lines if x.tax_rate_bp == band.rate_bp]
            assert band.tax_cents == sum(own)


def test_the_recorded_tax_is_shared_out_whole_by_largest_remainder() -> None:
    lines = [
        SaleLine("1", "a", 1, 258, 258, 1900),  # 41.19 cents of tax in it
        SaleLine("2", "b", 1, 110, 110, 700),  # 7.196
    ]
    bands = sale_tax_bands(lines, 48, inclusive=True)  # 48.39, rounded once
    assert [(b.rate_bp, b.tax_cents) for b in bands] == [(1900, 41), (700, 7)]
    # 49 recorded (by another program): scaled to 49, 41.71 and 7.29; the spare cent goes to
    # the share that rounding cut most
    bands = sale_tax_bands(lines, 49, inclusive=True)
    assert [(b.rate_bp, b.net_cents, b.tax_cents, b.gross_cents) for b in bands] == [
        (1900, 216, 42, 258),
        (700, 103, 7, 110),
    ]
    assert share_out({"a": Fraction(0), "b": Fraction(0)}, 3) in ({"a": 2, "b": 1},
                                                                   {"a": 1, "b": 2})  # fmt: skip
    assert share_out({}, 0) == {}


def test_a_voucher_at_another_rate_never_blows_a_rates_tax_up() -> None:
    # Tax rounded once per sale: a 7 % item of 10.00 (65.42 cents of tax) and a 19 % bottle
    # voucher (-64.82 or -65.46) leave a sale tax of 1 or 0 cents; each rate keeps its own.
    item = SaleLine("1008", "crisps", 1, 1000, 1000, 700)
    for voucher, tax, want in (
        (-406, 1, [(1900, -65), (700, 66)]),
        (-410, 0, [(1900, -65), (700, 65)]),
    ):
        lines = [item, SaleLine("98", "voucher", 1, voucher, voucher, 1900, kind="voucher")]
        bands = sale_tax_bands(lines, tax, inclusive=True)
        assert [(b.rate_bp, b.tax_cents) for b in bands] == want, voucher


def test_the_receipt_shows_each_rate_and_the_stores_time() -> None:
    text = receipt_text(receipt_sale(), zone=ZoneInfo("Europe/Berlin"))
    lines = text.splitlines()
    assert lines[2].strip() == "2026-11-25 15:00"  # 14:00 UTC is 15:00 in Berlin in November
    head = lines.index("  Rate        Net        Tax      Gross")
    assert lines[head + 1 : head + 3] == [
        "  19 %      €2.16      €0.42      €2.58",
        "   7 %      €1.03      €0.07      €1.10",
    ]
    assert receipt_time("2026-07-01T12:00:00+00:00", ZoneInfo("America/New_York")) == (
        "2026-07-01 08:00"
    )


@pytest.fixture
def berlin_clock():
    """The PC's own clock set to Berlin time, as on a kiosk PC set up for a German store."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_store_day_follows_the_local_clock_across_daylight_saving(berlin_clock) -> None:
    # 29 March 2026: clocks go forward, the day has 23 hours.
    assert day_bounds(date(2026, 3, 29), None) == (
        "2026-03-28T23:00:00.000000+00:00",
        "2026-03-29T22:00:00.000000+00:00",
    )
    assert day_bounds(date(2026, 3, 29), ZoneInfo("Europe/Berlin")) == day_bounds(
        date(2026, 3, 29), None
    )
    assert day_bounds("2026-10-25", store_zone("Europe/Berlin"))[1] == (
        "2026-10-25T23:00:00.000000+00:00"  # 25 hours: clocks go back
    )
    assert day_bounds(date(2026, 3, 29)) == (  # UTC unless asked
        "2026-03-29T00:00:00.000000+00:00",
        "2026-03-30T00:00:00.000000+00:00",
    )


def record_two_sales(db: sqlite_utils.Database) -> list:
    rules = PricingRules(tax_inclusive=True, rounding="per_line")
    first, tax1 = priced_sale_lines([(129, 1900, 3), (199, 700, 1)], rules)
    second, tax2 = priced_sale_lines([(699, 1900, 1)], rules)
    return [
        sales.record_sale(db, draft("a", *first, tax=tax1, payment_ref="T-1")),
        sales.record_sale(db, draft("b", *second, tax=tax2, payment_ref="T-2")),
    ]


def test_the_ledger_as_csv_rows_that_add_up(fresh_db: sqlite_utils.Database) -> None:  # noqa: F811
    recorded = record_two_sales(fresh_db)
    out = io.StringIO()
    assert write_sale_lines_csv(recorded, out, zone=ZoneInfo("Asia/Tokyo")) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == LINE_COLUMNS
    assert [(r["receipt_no"], r["sku"], r["quantity"], r["line_total"]) for r in rows] == [
        ("K1-000001", "0000", "3", "3.87"),
        ("K1-000001", "0001", "1", "1.99"),
        ("K1-000002", "0000", "1", "6.99"),
    ]
    tokyo = receipt_time(recorded[0].created_at, ZoneInfo("Asia/Tokyo"))
    assert f"{rows[0]['date']} {rows[0]['time'][:5]}" == tokyo
    out = io.StringIO()
    assert write_sale_taxes_csv(recorded, out) == 3
    taxes = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(taxes[0]) == TAX_COLUMNS
    cents = sum(round(float(r["tax"]) * 100) for r in taxes)
    assert cents == sum(s.draft.tax_cents for s in recorded)
    assert [(r["tax_rate_percent"], r["gross"]) for r in taxes] == [
        ("19", "3.87"), ("7", "1.99"), ("19", "6.99"),
    ]  # fmt: skip


def test_kiosk_catalog_sales_prints_tax_per_rate_and_writes_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "catalog.sqlite"
    assert main(["catalog", "init", "--db", str(db_file)]) == 0
    recorded = record_two_sales(connect(db_file))
    day = recorded[0].created_at[:10]
    lines, taxes = tmp_path / "lines.csv", tmp_path / "taxes.csv"
    argv = ["catalog", "sales", "--db", str(db_file), "--utc", "--day", day]
    capsys.readouterr()
    assert main([*argv, "--csv", str(lines), "--tax-csv", str(taxes)]) == 0
    out = capsys.readouterr().out
    assert f"{day} (UTC): 2 sales, total 12.85" in out
    rows = [line.split() for line in out.splitlines()]
    assert ["19", "%", "9.12", "1.74", "10.86"] in rows  # 3.87 + 6.99: 0.62 + 1.12 tax in
    assert ["7", "%", "1.86", "0.13", "1.99"] in rows
    assert len(lines.read_text().splitlines()) == 4 and len(taxes.read_text().splitlines()) == 4

    assert main(["catalog", "sales", "--db", str(db_file), "--from", "2000-01-02"]) == 0
    assert main(["catalog", "sales", "--db", str(db_file), "--from", "2000-01-02",
                 "--to", "2000-01-01"]) == 2  # fmt: skip
    assert "is before --from" in capsys.readouterr().err
    assert main(["catalog", "sales", "--db", str(db_file), "--day", "31.12.2025"]) == 2
    assert "write days like 2026-01-31" in capsys.readouterr().err
