"""A span of store days' sales and refunds written as the two bookkeeping CSV files.

For the admin screen's *Export* (onto a USB stick, for the accountant) and for
``kiosk catalog sales --csv / --tax-csv``. The rows are :mod:`catalog.ledger_csv`'s.

A stick is pulled out as soon as the screen says "done", so each file is written under a
temporary name, flushed to the device, then renamed: the folder holds the new file whole or
not at all, never a truncated one that looks complete.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path
from typing import TextIO

import sqlite_utils

from catalog.audit import record
from catalog.backup import flush_folder
from catalog.errors import CatalogError
from catalog.ledger_csv import write_sale_lines_csv, write_sale_taxes_csv
from catalog.models import Refund, Sale
from catalog.refunds import list_refunds
from catalog.reports import day_bounds
from catalog.sales import list_sales
from catalog.words import Said

__all__ = ["SalesExport", "export_sales", "month_of", "sales_between", "write_csv_durably"]


@dataclass(frozen=True)
class SalesExport:
    """What one export wrote."""

    first: date
    last: date
    lines: Path  # one row per receipt line, then per refunded product
    taxes: Path  # one row per sale (or refund) and tax rate: net, tax, gross
    sales: int
    refunds: int


def month_of(day: date, today: date) -> tuple[date, date]:
    """The first and last day of ``day``'s month, never past ``today`` (a month to date)."""
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day.replace(day=1), min(last, today)


def span_name(first: date, last: date) -> str:
    """``2026-11-26`` for one day, ``2026-11`` for a whole month, else ``FIRST_LAST``."""
    if first == last:
        return first.isoformat()
    month_end = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if first.day == 1 and last == month_end:
        return first.strftime("%Y-%m")
    return f"{first.isoformat()}_{last.isoformat()}"


def sales_between(
    db: sqlite_utils.Database, first: date, last: date, zone: tzinfo | None
) -> tuple[list[Sale], list[Refund]]:
    """The sales and refunds of the store days ``first`` to ``last`` (both included)."""
    start, end = day_bounds(first, zone)[0], day_bounds(last, zone)[1]
    return list_sales(db, start, end), list_refunds(db, start, end)


def export_sales(
    db: sqlite_utils.Database,
    folder: Path,
    first: date,
    last: date,
    *,
    zone: tzinfo | None,
    decimals: int,
    actor: str,
) -> SalesExport:
    """Write ``sales-SPAN.csv`` and ``sales-tax-SPAN.csv`` into ``folder``; audited as
    ``sales.export`` (sales data left the kiosk: who took it, which days, where to)."""
    if last < first:
        raise CatalogError(
            Said("the last day {last} is before the first {first}", last=last, first=first)
        )
    if not folder.is_dir():
        raise CatalogError(
            Said("{folder} is not a folder (is the USB stick still in?)", folder=folder)
        )
    sales, refunds = sales_between(db, first, last, zone)
    name = span_name(first, last)
    lines, taxes = folder / f"sales-{name}.csv", folder / f"sales-tax-{name}.csv"
    options = {"decimals": decimals, "zone": zone, "refunds": refunds}
    write_csv_durably(lines, lambda out: write_sale_lines_csv(sales, out, **options))
    write_csv_durably(taxes, lambda out: write_sale_taxes_csv(sales, out, **options))
    done = SalesExport(first, last, lines, taxes, len(sales), len(refunds))
    with db.conn:
        new = {
            "first": first.isoformat(),
            "last": last.isoformat(),
            "file": str(lines),
            "sales": len(sales),
            "refunds": len(refunds),
        }
        record(db, actor, "sales.export", f"sales:{name}", None, new)
    return done


def write_csv_durably(path: Path, fill: Callable[[TextIO], int]) -> int:
    """Write a CSV file whole (``fill`` writes the rows and returns their count)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as out:
            rows = fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        flush_folder(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CatalogError(
            Said("could not write {path}: {problem}", path=path, problem=exc.strerror or exc)
        ) from exc
    return rows
