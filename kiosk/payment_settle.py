"""Staff settle a payment the terminal could not account for, after checking its journal.

A payment stays ``unknown`` when the kiosk crashed before it saw the end and the terminal
could not say at the next start, or when the terminal stopped answering while the shopper
paid. Staff look its sale key up in the terminal's own journal: taken (with the terminal's
reference) records the sale exactly as it was written down before the payment, with a receipt
file; not taken closes it. Both are audited with the staff member's name. The command line
(``kiosk payments settle``) and the admin screen (*Payments to check*) both come here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any

from catalog import audit
from catalog.db import write_transaction
from catalog.intents import Intent, settle_intent, unsettled_intents
from catalog.sales import get_sale, record_sale
from kiosk.errors import KioskError
from kiosk.receipt import StoreInfo, write_receipt

log = logging.getLogger(__name__)

WAITING = ("unknown", "open")


@dataclass(frozen=True)
class Settled:
    """How staff settled one payment; ``receipt_no`` when a sale now stands for it."""

    key: str
    paid: bool
    amount_cents: int
    currency: str
    receipt_no: str | None = None


def waiting_payments(db: Any) -> list[Intent]:
    """Payments staff must check (unknown), and any not settled yet (open), oldest first."""
    return unsettled_intents(db, WAITING)


def settle_payment(
    db: Any,
    key: str,
    *,
    paid_ref: str | None,
    staff: str,
    receipts_dir: Path | None = None,
    store: StoreInfo | None = None,
    zone: tzinfo | None = None,
) -> Settled:
    """Record the sale under ``key`` as paid with the terminal's ``paid_ref``, or close it
    as not paid (``paid_ref`` None). Raises KioskError when no payment waits under ``key``."""
    found = [intent for intent in waiting_payments(db) if intent.key == key]
    if not found:
        raise KioskError(f"no payment waits under key {key!r} (kiosk payments list)")
    intent = found[0]
    draft = intent.draft
    if paid_ref is not None and not paid_ref.strip():
        raise KioskError("give the terminal's reference for the payment it took")
    if paid_ref is None:
        settle_intent(db, key, "not_paid", f"staff {staff}: not taken")
        result = Settled(key, False, draft.total_cents, draft.currency)
    else:
        ref = paid_ref.strip()
        sale = get_sale(db, key) or record_sale(db, replace(draft, payment_ref=ref))
        settle_intent(db, key, "recorded", f"staff {staff}: terminal {ref}")
        if receipts_dir is not None:
            try:
                write_receipt(sale, receipts_dir, store or StoreInfo(), zone)
            except KioskError as exc:  # the sale stands; a copy can be printed later
                log.error("%s", exc)
        result = Settled(key, True, draft.total_cents, draft.currency, sale.receipt_no)
    entry = {"key": key, "paid": result.paid, "receipt_no": result.receipt_no}
    with write_transaction(db):
        audit.record(db, staff, "payment.settle", f"intent:{key}", None, entry)
    return result
