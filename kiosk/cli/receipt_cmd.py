"""``kiosk receipt RECEIPT [--print]``: a copy of a past receipt, on screen or on paper."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("receipt", help="a copy of a past receipt (shown or printed)")
    parser.add_argument("receipt", help="the receipt number, e.g. K1-000042")
    parser.add_argument("--print", action="store_true", help="print it on the receipt printer")
    parser.add_argument("--db", metavar="PATH", help="catalog database (default: settings)")
    parser.set_defaults(func=show_receipt)


def show_receipt(args: argparse.Namespace) -> int:
    from catalog.db import connect
    from kiosk.config import load_settings
    from kiosk.printer import printer_for
    from kiosk.refund_desk import find_receipt
    from kiosk.reprint import print_copy, receipt_copy
    from kiosk.store_details import store_info
    from kiosk.storetime import store_zone

    settings = load_settings(args.config)
    db = connect(args.db or settings.paths.database)
    sale = find_receipt(db, args.receipt)
    zone = store_zone(settings.checkout.timezone)
    store = store_info(settings, db)
    if not args.print:
        print(receipt_copy(sale, store, zone), end="")
        return 0
    paper = settings.printer
    printer = printer_for(paper.device, timeout=float(paper.timeout_seconds), cut=paper.cut)
    done, what = print_copy(printer, sale, store, zone, wait=float(paper.timeout_seconds) + 1)
    print(f"receipt {sale.receipt_no}: {what}")
    return 0 if done else 1
