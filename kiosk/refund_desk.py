"""Refunds as staff give them, from the command line or the admin screen: one set of rules.

Finds the sale by its receipt number, shows what can still go back, and gives a refund: a
supervisor or manager only, recorded by the ledger (which works out the amounts), written to
the audit log, with a refund slip beside the receipts. Runs wherever the catalog is open (the
CLI's thread, or the kiosk's worker thread for the admin screen).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog import audit
from catalog.db import write_transaction
from catalog.models import Refund, Sale, StaffMember
from catalog.refunds import (
    record_refund,
    refund_by_key,
    refunded_so_far,
    refunds_of,
    shares_of,
)
from catalog.sales import get_sale_by_receipt
from kiosk.errors import KioskError
from kiosk.receipt import ReceiptNotWritten, write_refund
from kiosk.store_details import store_info
from kiosk.storetime import store_zone

log = logging.getLogger(__name__)

SUPERVISOR_ROLES = ("supervisor", "manager")  # refunds, price changes, settling payments


@dataclass(frozen=True)
class RefundableLine:
    """One product of a sale: how many were sold, how many can still go back."""

    sku: str
    name: str
    sold: int
    left: int
    paid_cents: int  # its share of what the sale charged, for all ``sold``


def find_receipt(db: Any, receipt_no: str) -> Sale:
    """The one sale printed with ``receipt_no`` (case and spaces forgiven)."""
    wanted = receipt_no.strip().upper()
    found = get_sale_by_receipt(db, wanted)
    if not found:
        raise KioskError(f"no sale has receipt number {wanted!r}")
    if len(found) > 1:
        raise KioskError(f"{len(found)} sales share receipt {wanted!r}: kiosks with one prefix")
    return found[0]


def refundable_lines(db: Any, sale: Sale) -> tuple[RefundableLine, ...]:
    done = refunded_so_far(refunds_of(db, sale.id))
    return tuple(
        RefundableLine(
            s.sku, s.name, s.quantity, s.quantity - done.get(s.sku, (0, 0, 0))[0], s.amount_cents
        )
        for s in sorted(shares_of(sale).values(), key=lambda s: s.sku)
    )


def give_refund(
    db: Any,
    settings: Any,
    sale: Sale,
    quantities: Mapping[str, int] | None,
    *,
    staff: StaffMember,
    reason: str,
    method: str = "",
    payment_ref: str = "",
    key: str | None = None,
) -> tuple[Refund, Path | None]:
    """Record the refund and its audit entry, write its slip; returns both (slip None when
    it could not be written: the refund stands, the log says why). The same ``key`` again
    (a second tap, a command run again) returns the refund it recorded, and nothing more."""
    if staff.role not in SUPERVISOR_ROLES:
        raise KioskError(f"{staff.name} is a {staff.role}: a supervisor or manager refunds")
    if key and (recorded := refund_by_key(db, key)) is not None and recorded.sale_id == sale.id:
        return recorded, None
    done = record_refund(
        db, sale, quantities, key=key or str(uuid.uuid4()), staff=staff.name, reason=reason,
        method=method or sale.draft.payment_method, payment_ref=payment_ref,
        kiosk_id=settings.checkout.kiosk_id,
    )  # fmt: skip
    entry = {
        "refund_no": done.refund_no,
        "amount_cents": done.amount_cents,
        "reason": done.reason,
        "lines": [(line.sku, line.quantity, line.amount_cents) for line in done.lines],
    }
    with write_transaction(db):
        audit.record(db, staff.name, "sale.refund", f"sale:{sale.id}", None, entry)
    try:
        zone = store_zone(settings.checkout.timezone)
        store = store_info(settings, db)
        slip: Path | None = write_refund(done, Path(settings.paths.receipts_dir), store, zone)
    except ReceiptNotWritten as exc:
        log.error("%s", exc)
        slip = None
    return done, slip


def staff_member(db: Any, name: str) -> StaffMember:
    """The active account called ``name`` (the admin screen knows who signed in by name)."""
    from catalog.staff import list_staff

    for member in list_staff(db):
        if member.name == name and member.active:
            return member
    raise KioskError(f"no active staff account {name!r}")
