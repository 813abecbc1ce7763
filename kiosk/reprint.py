"""A copy of a past receipt: shown as text, or printed on the receipt printer.

Staff need it when the printer failed at the time (the shopper was told the receipt number
to ask for) or when a shopper comes back for one. The copy is rendered from the ledger, like
the original, and marked as a copy.
"""

from __future__ import annotations

import time
from datetime import tzinfo

from catalog.models import Sale
from kiosk.printer import PrinterError, ReceiptPrinter
from kiosk.receipt import WIDTH, receipt_text

COPY_MARK = "*** COPY ***"


def receipt_copy(
    sale: Sale, store_name: str = "Vision Checkout", zone: tzinfo | None = None
) -> str:
    """The receipt as it was printed, headed as a copy."""
    return COPY_MARK.center(WIDTH) + "\n" + receipt_text(sale, store_name, zone)


def print_copy(
    printer: ReceiptPrinter | None,
    sale: Sale,
    store_name: str = "Vision Checkout",
    zone: tzinfo | None = None,
    wait: float = 2.0,
) -> tuple[bool, str]:
    """Send a copy to ``printer`` and wait up to ``wait`` seconds for it: (done, what happened).

    Waiting is bounded: a printer that hangs is reported as not confirmed, never waited on.
    """
    if printer is None:
        return False, "no receipt printer is set up (printer.device)"
    try:
        printer.start(receipt_copy(sale, store_name, zone))
    except PrinterError as exc:
        return False, str(exc)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        result = printer.poll()
        if result is not None:
            return result.ok, result.message or "printed"
        time.sleep(0.05)
    return False, "sent to the printer, not confirmed yet"
