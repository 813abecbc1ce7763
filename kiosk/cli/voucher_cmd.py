"""``kiosk voucher CODE``: what a bottle voucher is worth and whether a sale took it.

For the technician setting ``vouchers.layout`` (does the kiosk read the bottle machine's
slips as the machine meant them?) and for staff at the help desk (was this slip used?).
``kiosk voucher --make SERIAL AMOUNT`` writes the number of a test slip in the layout.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "voucher", help="read a bottle voucher's number: its amount, and whether it was used"
    )
    parser.add_argument("code", nargs="?", help="the digits under the voucher's barcode")
    parser.add_argument("--layout", help="the barcode layout (default: vouchers.layout)")
    parser.add_argument(
        "--make", nargs=2, metavar=("SERIAL", "AMOUNT"), help="the number of a test voucher"
    )
    parser.add_argument("--db", metavar="PATH", help="catalog database (default: settings)")
    parser.set_defaults(func=read_voucher)


def read_voucher(args: argparse.Namespace) -> int:
    from catalog.db import connect
    from catalog.intents import voucher_in_payment
    from catalog.money import parse_price
    from catalog.sales import get_sale_by_receipt, voucher_receipt
    from kiosk.config import load_settings
    from kiosk.pricing import format_money, minor_units
    from kiosk.receipt import receipt_time
    from kiosk.storetime import store_zone
    from kiosk.vouchers import VoucherRefused, VoucherRules, layout_problem

    settings = load_settings(args.config)  # the store's money style too
    layout = args.layout if args.layout is not None else settings.vouchers.layout
    problem = layout_problem(layout) if layout else "vouchers.layout is empty"
    if problem:
        print(f"no voucher layout to read with: {problem}")
        return 2
    currency = settings.checkout.currency
    rules = VoucherRules(layout, max_cents=int(settings.vouchers.max_cents))
    if args.make:
        serial, amount = args.make
        cents = parse_price(amount, minor_units(currency))
        print(rules.code_for(int(serial), cents))
        return 0
    if not args.code:
        print("give the voucher's number (or --make SERIAL AMOUNT)")
        return 2
    try:
        voucher = rules.read(args.code)
    except VoucherRefused as exc:
        print(f"{args.code.strip()}: {exc}")
        return 1
    serial = rules.serial_of(voucher.code)
    worth = format_money(voucher.amount_cents, currency)
    print(f"{voucher.code}: voucher {serial or '-'}, worth {worth}")
    db = connect(args.db or settings.paths.database)
    try:
        receipt_no = voucher_receipt(db, voucher.code)
        if receipt_no:
            sale = get_sale_by_receipt(db, receipt_no)[0]
            when = receipt_time(sale.created_at, store_zone(settings.checkout.timezone))
            print(f"redeemed: receipt {receipt_no}, {when}, {sale.draft.kiosk_id}")
            return 0
        paying = voucher_in_payment(db, voucher.code)
        print(f"in a payment under way at {paying}" if paying else "not redeemed")
    finally:
        db.close()
    return 0
