"""Paper for staff: a copy of a past receipt, and the day's report, on the receipt printer.

Staff need it when the printer failed at the time (the shopper was told the receipt number
to ask for) or when a shopper comes back for one. The copy is rendered from the ledger, like
the original, and marked as a copy.
"""

from __future__ import annotations

import time
from datetime import tzinfo
from typing import Any

from catalog.models import Sale
from catalog.money import format_bp
from kiosk.printer import PrinterError, ReceiptPrinter
from kiosk.receipt import DEFAULT_STORE, WIDTH, StoreInfo, receipt_text


def receipt_copy(sale: Sale, store: StoreInfo = DEFAULT_STORE, zone: tzinfo | None = None) -> str:
    """The receipt as it was printed, headed as a copy."""
    return store.words.copy.center(WIDTH) + "\n" + receipt_text(sale, store, zone)


def print_copy(
    printer: ReceiptPrinter | None,
    sale: Sale,
    store: StoreInfo = DEFAULT_STORE,
    zone: tzinfo | None = None,
    wait: float = 2.0,
) -> tuple[bool, str]:
    """Send a copy to ``printer`` and wait up to ``wait`` seconds for it: (done, what happened).

    Waiting is bounded: a printer that hangs is reported as not confirmed, never waited on.
    """
    return print_text(printer, receipt_copy(sale, store, zone), wait)


def day_report_text(summary: Any, store: StoreInfo, currency: str, clock: str = "") -> str:
    """A day's takings for the receipt printer (the end-of-day report): sales, refunds, net
    takings, each product, and net, tax and gross per tax rate."""
    from kiosk.pricing import format_money
    from kiosk.receipt import TAX_ROW, row_text

    def money(cents: int) -> str:
        return format_money(cents, currency)

    rule, words = "-" * WIDTH, store.words
    out = [*store.header(), words.day_report.center(WIDTH)]
    out += [f"{summary.day} {clock}".strip().center(WIDTH), rule]
    out.append(row_text(words.sales.format(count=summary.sale_count), money(summary.total_cents)))
    if summary.refund_count:
        refunds = words.refunds.format(count=summary.refund_count)
        out.append(row_text(refunds, money(-summary.refunded_cents)))
    out.append(row_text(words.net_takings, money(summary.net_cents)))
    out.append(row_text(words.offers_given, money(-summary.discount_cents)))
    if summary.deposit_cents:
        out.append(row_text(words.deposits, money(summary.deposit_cents)))
    if summary.voucher_count:
        taken = f"{words.vouchers} ({summary.voucher_count})"
        out.append(row_text(taken, money(-summary.voucher_cents)))
    out.append(rule)
    for product in summary.per_product:
        out.append(row_text(f"{product.quantity} × {product.name}", money(product.total_cents)))
    out.append(rule)
    out.append(TAX_ROW.format(*words.tax_header))
    for band in summary.tax_bands:
        cells = (money(band.net_cents), money(band.tax_cents), money(band.gross_cents))
        out.append(TAX_ROW.format(f"{format_bp(band.rate_bp)} %", *cells))
    return "\n".join(out) + "\n"


def print_text(printer: ReceiptPrinter | None, text: str, wait: float = 2.0) -> tuple[bool, str]:
    """Print ``text`` and wait up to ``wait`` seconds: (done, what happened)."""
    if printer is None:
        return False, "no receipt printer is set up (printer.device)"
    try:
        printer.start(text)
    except PrinterError as exc:
        return False, str(exc)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        result = printer.poll()
        if result is not None:
            return result.ok, result.message or "printed"
        time.sleep(0.05)
    return False, "sent to the printer, not confirmed yet"
