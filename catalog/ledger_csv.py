"""The sales ledger as CSV for bookkeeping: one row per sale line, or per sale and tax rate.

Amounts are plain decimals in the sale's currency (``1.29``; ``129`` for JPY), dates and
times in the store's time zone (``zone``; None: the PC's local time) beside the receipt
number, so a row can be found on the printed receipt. The tax rows (:data:`TAX_COLUMNS`) add
up exactly to what the ledger recorded (``catalog.tax``); the line rows carry no tax column
because a sale whose tax is rounded once has none per line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import TextIO

from catalog.models import Sale
from catalog.money import format_bp, format_cents
from catalog.tax import tax_bands_of

__all__ = ["LINE_COLUMNS", "TAX_COLUMNS", "write_sale_lines_csv", "write_sale_taxes_csv"]

_SALE = ("receipt_no", "date", "time", "kiosk_id")
_PAYMENT = ("currency", "payment_method", "payment_ref")
LINE_COLUMNS = (
    *_SALE,
    "kind",
    "sku",
    "name",
    "quantity",
    "unit_price",
    "line_total",
    "tax_rate_percent",
    *_PAYMENT,
)
TAX_COLUMNS = (*_SALE, "tax_rate_percent", "net", "tax", "gross", *_PAYMENT)


def _sale_cells(sale: Sale, zone: tzinfo | None) -> dict[str, str]:
    moment = datetime.fromisoformat(sale.created_at.replace("Z", "+00:00")).astimezone(zone)
    draft = sale.draft
    return {
        "receipt_no": sale.receipt_no,
        "date": moment.strftime("%Y-%m-%d"),
        "time": moment.strftime("%H:%M:%S"),
        "kiosk_id": draft.kiosk_id,
        "currency": draft.currency,
        "payment_method": draft.payment_method,
        "payment_ref": draft.payment_ref or "",
    }


def write_sale_lines_csv(
    sales: Iterable[Sale], out: TextIO, *, decimals: int = 2, zone: tzinfo | None = None
) -> int:
    """One row per receipt line (items, staff-added items, offers); returns the row count."""
    writer = csv.DictWriter(out, fieldnames=LINE_COLUMNS)
    writer.writeheader()
    count = 0
    for sale in sales:
        cells = _sale_cells(sale, zone)
        for line in sale.lines or sale.draft.lines:
            writer.writerow(
                {
                    **cells,
                    "kind": line.kind,
                    "sku": line.sku,
                    "name": line.name,
                    "quantity": line.quantity,
                    "unit_price": format_cents(line.unit_cents, decimals),
                    "line_total": format_cents(line.line_cents, decimals),
                    "tax_rate_percent": format_bp(line.tax_rate_bp),
                }
            )
            count += 1
    return count


def write_sale_taxes_csv(
    sales: Iterable[Sale], out: TextIO, *, decimals: int = 2, zone: tzinfo | None = None
) -> int:
    """One row per sale and tax rate: net, tax, gross; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=TAX_COLUMNS)
    writer.writeheader()
    count = 0
    for sale in sales:
        cells = _sale_cells(sale, zone)
        for band in tax_bands_of(sale):
            writer.writerow(
                {
                    **cells,
                    "tax_rate_percent": format_bp(band.rate_bp),
                    "net": format_cents(band.net_cents, decimals),
                    "tax": format_cents(band.tax_cents, decimals),
                    "gross": format_cents(band.gross_cents, decimals),
                }
            )
            count += 1
    return count
