"""The sales ledger as CSV for bookkeeping: one row per sale line, or per sale and tax rate.

Refunds come after the sales, under their own number (``K1-000042-R1``), with negative
quantities and amounts, so a column's sum is the net takings.

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

from catalog.models import Refund, RefundLine, Sale
from catalog.money import format_bp, format_cents
from catalog.tax import refund_tax_bands, tax_bands_of

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


def _cells(
    number: str, created_at: str, kiosk_id: str, currency: str, method: str, ref: str,
    zone: tzinfo | None,
) -> dict[str, str]:  # fmt: skip
    moment = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone(zone)
    return {
        "receipt_no": number,
        "date": moment.strftime("%Y-%m-%d"),
        "time": moment.strftime("%H:%M:%S"),
        "kiosk_id": kiosk_id,
        "currency": currency,
        "payment_method": method,
        "payment_ref": ref or "",
    }


def _sale_cells(sale: Sale, zone: tzinfo | None) -> dict[str, str]:
    d = sale.draft
    return _cells(sale.receipt_no, sale.created_at, d.kiosk_id, d.currency, d.payment_method,
                  d.payment_ref, zone)  # fmt: skip


def _refund_cells(refund: Refund, zone: tzinfo | None) -> dict[str, str]:
    r = refund
    return _cells(r.refund_no, r.created_at, r.kiosk_id, r.currency, f"refund {r.method}",
                  r.payment_ref, zone)  # fmt: skip


def write_sale_lines_csv(
    sales: Iterable[Sale],
    out: TextIO,
    *,
    decimals: int = 2,
    zone: tzinfo | None = None,
    refunds: Iterable[Refund] = (),
) -> int:
    """One row per receipt line (items, staff-added items, offers), then per refunded
    product; returns the row count."""
    rows = [
        (_sale_cells(sale, zone), line.kind, line.sku, line.name, line.quantity,
         format_cents(line.unit_cents, decimals), line.line_cents, line.tax_rate_bp)
        for sale in sales
        for line in sale.lines or sale.draft.lines
    ] + [
        (_refund_cells(refund, zone), "refund", back.sku, back.name, -back.quantity, "",
         -_as_sold(back, refund.tax_inclusive), back.tax_rate_bp)
        for refund in refunds
        for back in refund.lines
    ]  # fmt: skip
    writer = csv.DictWriter(out, fieldnames=LINE_COLUMNS)
    writer.writeheader()
    for cells, kind, sku, name, quantity, unit, total, rate in rows:
        writer.writerow(
            {
                **cells,
                "kind": kind,
                "sku": sku,
                "name": name,
                "quantity": quantity,
                "unit_price": unit,
                "line_total": format_cents(total, decimals),
                "tax_rate_percent": format_bp(rate),
            }
        )
    return len(rows)


def _as_sold(back: RefundLine, tax_inclusive: bool) -> int:
    """A refunded product's amount as its sale's lines count it: with tax in it, or before
    the tax added on top (the tax rows carry that tax), so a column's sum is the net."""
    return back.amount_cents if tax_inclusive else back.amount_cents - back.tax_cents


def write_sale_taxes_csv(
    sales: Iterable[Sale],
    out: TextIO,
    *,
    decimals: int = 2,
    zone: tzinfo | None = None,
    refunds: Iterable[Refund] = (),
) -> int:
    """One row per sale and tax rate: net, tax, gross; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=TAX_COLUMNS)
    writer.writeheader()
    count = 0
    rows = [(_sale_cells(sale, zone), tax_bands_of(sale)) for sale in sales]
    rows += [(_refund_cells(refund, zone), refund_tax_bands(refund.lines)) for refund in refunds]
    for cells, bands in rows:
        for band in bands:
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
