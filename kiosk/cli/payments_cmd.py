"""``kiosk payments list|settle``: payments the terminal could not account for.

At start the kiosk settles every payment it started but never saw end (``kiosk.recovery``).
One the terminal cannot say anything about stays ``unknown``, as does one whose terminal
stopped answering while the shopper paid; staff look its sale key up in
the terminal's own journal and settle it here: ``--paid REF`` records the sale as it was
written down before the payment (with the terminal's reference, a receipt file and an audit
entry), ``--not-paid`` closes it. A supervisor or manager confirms with their PIN.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.errors import KioskError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "payments",
        help="payments the terminal could not account for (a crash, or it stopped answering)",
    )
    commands = parser.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="payments waiting for staff (unknown, open)")
    listing.add_argument("--db", metavar="PATH", help="catalog database (default: settings)")
    listing.set_defaults(func=list_payments)
    settle = commands.add_parser("settle", help="say how an unknown payment ended")
    settle.add_argument("key", help="the sale key, as kiosk payments list shows it")
    outcome = settle.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--paid", metavar="REF", help="it was taken: the terminal's reference")
    outcome.add_argument("--not-paid", action="store_true", help="it was not taken")
    settle.add_argument("--db", metavar="PATH", help="catalog database (default: settings)")
    settle.set_defaults(func=settle_payment)


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    """The settings and the catalog they name."""
    from catalog.db import connect
    from kiosk.config import load_settings

    settings = load_settings(args.config)
    return settings, connect(args.db or settings.paths.database)


def list_payments(args: argparse.Namespace) -> int:
    from catalog.intents import unsettled_intents
    from kiosk.pricing import format_money
    from kiosk.storetime import receipt_time, store_zone

    settings, db = _open(args)
    zone = store_zone(settings.checkout.timezone)
    waiting = unsettled_intents(db, ("unknown", "open"))
    for intent in waiting:
        money = format_money(intent.draft.total_cents, intent.draft.currency)
        when = receipt_time(intent.created_at, zone)
        print(f"{intent.key}  {when}  {money:>10}  {intent.state}  {intent.note}")
    if not waiting:
        print("every payment started is accounted for")
    return 0


def settle_payment(args: argparse.Namespace) -> int:
    from catalog.staff import verify_pin
    from kiosk.cli.refund_cmd import read_supervisor_pin
    from kiosk.payment_settle import settle_payment as settle
    from kiosk.payment_settle import waiting_payments
    from kiosk.pricing import format_money
    from kiosk.refund_desk import SUPERVISOR_ROLES
    from kiosk.store_details import store_info
    from kiosk.storetime import store_zone

    settings, db = _open(args)
    if all(intent.key != args.key for intent in waiting_payments(db)):
        raise KioskError(f"no payment waits under key {args.key!r} (kiosk payments list)")
    limits = settings.staff
    member = verify_pin(
        db, read_supervisor_pin(), max_attempts=limits.lockout_attempts,
        lockout_seconds=int(limits.lockout_seconds),
    )  # fmt: skip
    if member.role not in SUPERVISOR_ROLES:
        raise KioskError(f"{member.name} is a {member.role}: a supervisor or manager settles")
    done = settle(
        db, args.key, paid_ref=None if args.not_paid else args.paid, staff=member.name,
        receipts_dir=settings.paths.receipts_dir, store=store_info(settings, db),
        zone=store_zone(settings.checkout.timezone),
    )  # fmt: skip
    money = format_money(done.amount_cents, done.currency)
    if done.paid:
        print(f"recorded sale {done.receipt_no} ({money}) paid at the terminal as {args.paid}")
    else:
        print(f"closed {done.key} ({money}): not paid")
    return 0
