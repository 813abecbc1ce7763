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

from kiosk.errors import KioskError


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


def read_supervisor_pin() -> str:
    """A supervisor's or manager's PIN: typed unseen on a terminal, else the first line of
    standard input (never a command-line argument, which other users could read)."""
    if sys.stdin.isatty():
        return getpass.getpass("Supervisor or manager PIN: ")
    return sys.stdin.readline().strip()


def refund(args: argparse.Namespace) -> int:
    from catalog.db import connect
    from catalog.refunds import plan_refund, refund_by_key, refunds_of
    from catalog.staff import verify_pin
    from kiosk.config import load_settings
    from kiosk.pricing import format_money
    from kiosk.refund_desk import find_receipt, give_refund

    settings = load_settings(args.config)
    db = connect(args.db or settings.paths.database)
    sale = find_receipt(db, args.receipt)
    recorded = refund_by_key(db, args.key) if args.key else None
    if recorded is not None and recorded.sale_id == sale.id:  # the command run again
        back = format_money(recorded.amount_cents, recorded.currency)
        print(f"recorded {recorded.refund_no} already with key {args.key}: {back} back by "
              f"{recorded.method}")  # fmt: skip
        return 0
    if recorded is not None:
        raise KioskError(
            f"the key {args.key} belongs to {recorded.refund_no} (another receipt): "
            "give this refund a key of its own"
        )
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
    limits = settings.staff
    member = verify_pin(
        db, read_supervisor_pin(), max_attempts=limits.lockout_attempts,
        lockout_seconds=int(limits.lockout_seconds),
    )  # fmt: skip
    done, slip = give_refund(
        db, settings, sale, wanted, staff=member, reason=args.reason, method=args.method or "",
        payment_ref=args.ref, key=args.key,
    )  # fmt: skip
    where = f"slip {slip}" if slip else "the slip could not be written (see the log)"
    print(f"recorded {done.refund_no}: {format_money(done.amount_cents, currency)} back by "
          f"{done.method}; {where}")  # fmt: skip
    return 0
