"""The sales for the accountant: a span of store days written as the two bookkeeping CSV files
(real ledger, real files), whole or not at all, and the export audited."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlite_utils

from catalog.audit import list_entries
from catalog.audit_view import describe
from catalog.errors import CatalogError
from catalog.ledger_csv import LINE_COLUMNS, TAX_COLUMNS
from catalog.sales import record_sale
from catalog.sales_export import export_sales, month_of, span_name, write_csv_durably
from tests.catalog_fixtures import db_path, draft, fresh_db, item_line

__all__ = ["db_path", "fresh_db"]

UTC = timezone.utc


def today_utc() -> date:
    return datetime.now(UTC).date()


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


def test_a_day_of_sales_is_written_as_lines_and_taxes_and_the_export_audited(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    record_sale(fresh_db, draft("a", item_line("1001", 2, 129), item_line("1002", 1, 199)))
    record_sale(fresh_db, draft("b", item_line("1001", 1, 129)))
    day = today_utc()
    done = export_sales(
        fresh_db, tmp_path, day, day, zone=UTC, decimals=2, actor="Ana"
    )  # fmt: skip
    assert (done.sales, done.refunds) == (2, 0)
    assert done.lines == tmp_path / f"sales-{day.isoformat()}.csv"
    assert done.taxes == tmp_path / f"sales-tax-{day.isoformat()}.csv"
    lines, taxes = read(done.lines), read(done.taxes)
    assert tuple(lines[0]) == LINE_COLUMNS and tuple(taxes[0]) == TAX_COLUMNS
    assert [(r["receipt_no"], r["sku"], r["quantity"], r["line_total"]) for r in lines] == [
        ("K1-000001", "1001", "2", "2.58"),
        ("K1-000001", "1002", "1", "1.99"),
        ("K1-000002", "1001", "1", "1.29"),
    ]
    assert sum(round(float(r["gross"]) * 100) for r in taxes) == 258 + 199 + 129
    assert not list(tmp_path.glob("*.tmp"))
    (entry,) = list_entries(fresh_db, action_prefix="sales.")
    assert entry.actor == "Ana" and entry.new["sales"] == 2
    said = describe(entry, zone=UTC)
    assert said.what == f"sales exported {day.isoformat()}"
    assert said.detail == f"file {done.lines}; sales 2; refunds 0"


def test_another_span_holds_only_its_own_days(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    record_sale(fresh_db, draft("a"))
    yesterday = today_utc() - timedelta(days=1)
    done = export_sales(fresh_db, tmp_path, yesterday, yesterday, zone=UTC, decimals=2, actor="A")
    assert done.sales == 0 and read(done.lines) == [] and read(done.taxes) == []
    assert done.lines.read_text(encoding="utf-8").startswith("receipt_no,date,time")


def test_months_and_spans_are_named_so_the_accountant_can_tell_them_apart() -> None:
    assert month_of(date(2026, 2, 10), today=date(2026, 3, 1)) == (
        date(2026, 2, 1), date(2026, 2, 28)
    )  # fmt: skip
    assert month_of(date(2024, 2, 10), today=date(2024, 3, 1))[1] == date(2024, 2, 29)
    assert month_of(date(2026, 11, 10), today=date(2026, 11, 26)) == (
        date(2026, 11, 1),
        date(2026, 11, 26),
    )  # fmt: skip: a month to date never reaches into the future
    assert span_name(date(2026, 2, 1), date(2026, 2, 28)) == "2026-02"
    assert span_name(date(2026, 11, 1), date(2026, 11, 26)) == "2026-11-01_2026-11-26"
    assert span_name(date(2026, 11, 26), date(2026, 11, 26)) == "2026-11-26"
    assert span_name(date(2026, 1, 31), date(2026, 2, 28)) == "2026-01-31_2026-02-28"


def test_a_stick_that_is_gone_is_said_and_nothing_is_audited(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    day = today_utc()
    with pytest.raises(CatalogError, match="is the USB stick still in"):
        export_sales(fresh_db, tmp_path / "gone", day, day, zone=UTC, decimals=2, actor="A")
    with pytest.raises(CatalogError, match="before the first"):
        export_sales(fresh_db, tmp_path, day, day - timedelta(days=1), zone=UTC, decimals=2,
                     actor="A")  # fmt: skip
    assert list_entries(fresh_db, action_prefix="sales.") == []


def test_a_write_that_fails_halfway_leaves_the_earlier_export_whole(tmp_path: Path) -> None:
    target = tmp_path / "sales-2026-11.csv"
    target.write_text("receipt_no\nK1-000001\n", encoding="utf-8")

    def fill(out) -> int:
        out.write("receipt_no\nK1-000002\n")
        raise OSError(28, "No space left on device")

    with pytest.raises(CatalogError, match=r"could not write .*No space left on device"):
        write_csv_durably(target, fill)
    assert target.read_text(encoding="utf-8") == "receipt_no\nK1-000001\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]

    def header_only(out) -> int:
        out.write("receipt_no\n")
        return 0

    assert write_csv_durably(target, header_only) == 0
    assert target.read_text(encoding="utf-8") == "receipt_no\n"
