"""``kiosk refund RECEIPT [SKU[:QTY] ...]``: give money back against a receipt.

A supervisor or manager confirms with their PIN (typed, or the first line of standard
input; wrong PINs count towards the lock-out like at the kiosk). The ledger works out the
amount from what the sale charged (``catalog.refunds``), records the refund once (``--key``
makes a retry safe), writes a refund slip beside the receipts and an audit entry. The money
itself goes back at the card terminal or the till, as the store does it; ``--ref`` records
that transaction's reference.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import uuid
from typing import Any

from kiosk.errors import KioskError

ROLES_THAT_REFUND = ("supervisor", "manager")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "refund", help="give money back against a receipt (supervisor or manager PIN)"
    )
    parser.add_argument("receipt", help="the receipt number, e.g. K1-000042")
    parser.add_argument(
        "items",
        nargs="*",
        metavar="SKU[:QTY]",
        help="what comes back, e.g. 1001:2 (default: everything not refunded yet)",
    )
    parser.add_argument("--reason", required=True, help="why, for the books and the audit log")
    parser.add_argument("--method", help="how the money goes back: card, cash (default: as paid)")
    parser.add_argument("--ref", default="", help="the terminal's or till's reference")
    parser.add_argument("--key", help="a key that makes a retried refund count once")
    parser.add_argument("--db", metavar="PATH", help="catalog database file (default: settings)")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be refunded; record nothing"
    )
    parser.set_defaults(func=refund)


def parse_items(items: list[str]) -> dict[str, int] | None:
    """``["1001:2", "1008"]`` -> ``{"1001": 2, "1008": 1}``; no items: None (everything)."""
    if not items:
        return None
    wanted: dict[str, int] = {}
    for item in items:
        sku, _, qty = item.partition(":")
        try:
            count = int(qty) if qty else 1
        except ValueError:
            raise KioskError(f"{item!r}: write SKU or SKU:QUANTITY, e.g. 1001:2") from None
        if not sku or count < 1:
            raise KioskError(f"{item!r}: write SKU or SKU:QUANTITY, e.g. 1001:2")
        wanted[sku] = wanted.get(sku, 0) + count
    return wanted


def _read_pin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Supervisor or manager PIN: ")
    return sys.stdin.readline().strip()


def refund(args: argparse.Namespace) -> int:
    from catalog import audit
    from catalog.db import connect, write_transaction
    from catalog.refunds import plan_refund, record_refund, refunds_of
    from catalog.sales import get_sale_by_receipt
    from catalog.staff import verify_pin
    from kiosk.config import load_settings
    from kiosk.pricing import format_money
    from kiosk.receipt import write_refund
    from kiosk.storetime import store_zone

    settings = load_settings(args.config)
    db = connect(args.db or settings.paths.database)
    found = get_sale_by_receipt(db, args.receipt.strip().upper())
    if len(found) != 1:
        raise KioskError(
            f"no sale has receipt number {args.receipt!r}"
            if not found
            else f"{len(found)} sales share receipt {args.receipt!r}: kiosks with one prefix"
        )
    sale = found[0]
    wanted = parse_items(args.items)
    lines = plan_refund(sale, refunds_of(db, sale.id), wanted)  # refuses what cannot be
    currency = sale.draft.currency
    for line in lines:
        back = format_money(-line.amount_cents, currency)
        print(f"  {line.quantity} × {line.name} ({line.sku})  {back}")
    total = sum(line.amount_cents for line in lines)
    print(f"refund of receipt {sale.receipt_no}: {format_money(total, currency)}")
    if args.dry_run:
        return 0
    staff = settings.staff
    member = verify_pin(
        db, _read_pin(), max_attempts=staff.lockout_attempts,
        lockout_seconds=int(staff.lockout_seconds),
    )  # fmt: skip
    if member.role not in ROLES_THAT_REFUND:
        raise KioskError(f"{member.name} is a {member.role}: a supervisor or manager refunds")
    done = record_refund(
        db, sale, wanted, key=args.key or str(uuid.uuid4()), staff=member.name,
        reason=args.reason, method=args.method or sale.draft.payment_method,
        payment_ref=args.ref, kiosk_id=settings.checkout.kiosk_id,
    )  # fmt: skip
    with write_transaction(db):
        audit.record(db, member.name, "sale.refund", f"sale:{sale.id}", None, _audited(done))
    zone = store_zone(settings.checkout.timezone)
    slip = write_refund(done, settings.paths.receipts_dir, zone=zone)
    print(f"recorded {done.refund_no}: {format_money(done.amount_cents, currency)} back by "
          f"{done.method}; slip {slip}")  # fmt: skip
    return 0


def _audited(done: Any) -> dict[str, Any]:
    return {
        "refund_no": done.refund_no,
        "amount_cents": done.amount_cents,
        "reason": done.reason,
        "lines": [(line.sku, line.quantity, line.amount_cents) for line in done.lines],
    }
