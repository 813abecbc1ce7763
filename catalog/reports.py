"""Read-only sums over the ledger for the admin screen and ``kiosk catalog sales``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

import sqlite_utils

from catalog.db import rows, utc_iso
from catalog.models import ProductSales, SalesSummary

__all__ = ["day_bounds", "sales_summary"]


def day_bounds(day: date | str, tz: tzinfo = timezone.utc) -> tuple[str, str]:
    """UTC timestamps of the start of ``day`` and of the next day, in ``tz``."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    start = datetime.combine(day, time(0), tzinfo=tz)
    return utc_iso(start), utc_iso(start + timedelta(days=1))


def sales_summary(
    db: sqlite_utils.Database, day: date | str, *, tz: tzinfo = timezone.utc
) -> SalesSummary:
    """Count, takings, tax, promotion discounts and per-product sales for one day."""
    start, end = day_bounds(day, tz)
    totals = rows(
        db,
        "SELECT COUNT(*) AS n, COALESCE(SUM(total_cents), 0) AS total,"
        " COALESCE(SUM(tax_cents), 0) AS tax FROM sales WHERE created_at >= ? AND created_at < ?",
        (start, end),
    )[0]
    lines = rows(
        db,
        "SELECT l.kind, l.sku, MAX(l.name) AS name, SUM(l.quantity) AS quantity,"
        " SUM(l.line_cents) AS cents FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
        " WHERE s.created_at >= ? AND s.created_at < ? GROUP BY l.kind, l.sku ORDER BY l.sku",
        (start, end),
    )
    per_product = tuple(
        ProductSales(sku=r["sku"], name=r["name"], quantity=r["quantity"], total_cents=r["cents"])
        for r in lines
        if r["kind"] == "item"
    )
    discount = -sum(r["cents"] for r in lines if r["kind"] == "promotion")
    return SalesSummary(
        day=str(day),
        sale_count=totals["n"],
        total_cents=totals["total"],
        tax_cents=totals["tax"],
        discount_cents=discount,
        per_product=per_product,
    )
