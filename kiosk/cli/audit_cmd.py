"""``kiosk audit``: who changed what on this kiosk, and when (prices, offers, staff, refunds,
staff overrides at the counter, models), read from the catalog's append-only audit log."""

from __future__ import annotations

import argparse
import json

FAMILIES = ("product", "promotion", "catalog", "setting", "staff", "basket", "sale", "sales",
            "payment", "model")  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="who changed what, and when (the audit log)")
    parser.add_argument("--day", help="YYYY-MM-DD, one store day")
    parser.add_argument("--from", dest="first", metavar="DAY", help="from this store day on")
    parser.add_argument("--to", dest="last", metavar="DAY", help="up to this store day (included)")
    parser.add_argument("--who", metavar="NAME", help="only what this staff member (or cli:…) did")
    parser.add_argument(
        "--what", choices=FAMILIES, help="only changes of one kind (basket: staff at the counter)"
    )
    parser.add_argument("--limit", type=int, default=100, help="the newest N (default 100)")
    parser.add_argument("--json", action="store_true", help="one JSON object per entry")
    parser.add_argument("--db", metavar="PATH", help="catalog database (default: settings)")
    parser.set_defaults(func=show_audit)


def show_audit(args: argparse.Namespace) -> int:
    from catalog.audit import list_entries
    from catalog.audit_view import describe
    from catalog.db import connect
    from catalog.reports import day_bounds
    from kiosk.cli.day_args import read_day_span
    from kiosk.config import load_settings
    from kiosk.errors import KioskError
    from kiosk.pricing import minor_units
    from kiosk.storetime import store_zone

    settings = load_settings(args.config)
    zone = store_zone(settings.checkout.timezone)
    try:
        first, last = read_day_span(args)
    except ValueError as exc:
        raise KioskError(str(exc)) from exc
    since = day_bounds(first, zone)[0] if first else None
    until = day_bounds(last, zone)[1] if last else None
    if args.limit < 1:
        raise KioskError("--limit must be 1 or more")
    db = connect(args.db or settings.paths.database)
    entries = list_entries(
        db, since=since, until=until, actor=args.who, limit=args.limit,
        action_prefix=f"{args.what}." if args.what else None,
    )  # fmt: skip
    decimals = minor_units(settings.checkout.currency)
    for entry in entries:
        line = describe(entry, decimals=decimals, zone=zone)
        if args.json:
            record = {**vars(line), "action": entry.action, "entity": entry.entity}
            print(json.dumps({**record, "old": entry.old, "new": entry.new}, ensure_ascii=False))
        else:
            detail = f" · {line.detail}" if line.detail else ""
            print(f"{line.at}  {line.actor:<16} {line.what}{detail}")
    if not entries and not args.json:
        print("no changes recorded for that")
    return 0
