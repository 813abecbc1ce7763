"""``kiosk barcode [CODE ...]``: what the kiosk makes of a scanned barcode.

For the technician setting up the USB scanner and for staff typing barcode numbers into the
catalog: scan into the terminal (a scanner types the digits and Enter) and see which product
the number finds, whether the camera counts that product or a scan sells it, or why nothing
is found: a mistyped number, another store's product, a bottle voucher.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.price_labels import LabelRules
    from kiosk.pricing import PriceBook
    from kiosk.vouchers import VoucherRules


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "barcode",
        help="what a scanned barcode finds: a product (sold by a scan, or counted by the "
        "camera), a bottle voucher, or nothing",
    )
    parser.add_argument(
        "codes", nargs="*", help="the digits under barcodes; none: scan them, one a line"
    )
    parser.add_argument("--db", metavar="PATH", help="catalog database (default: settings)")
    parser.set_defaults(func=read_barcodes)


def read_barcodes(args: argparse.Namespace) -> int:
    from catalog.db import connect
    from kiosk.config import load_settings
    from kiosk.price_labels import LabelRules
    from kiosk.pricing import PriceBook
    from kiosk.vouchers import VoucherRules

    settings = load_settings(args.config)
    db = connect(args.db or settings.paths.database)
    try:
        book = PriceBook.from_db(db)
    finally:
        db.close()
    rules = VoucherRules.from_settings(settings.vouchers)
    labels = LabelRules.from_settings(settings.labels)
    if not args.codes and sys.stdin.isatty():
        print("scan barcodes (each ends with Enter); Ctrl-D ends")
    codes = args.codes or (line for line in sys.stdin)
    currency = settings.checkout.currency
    found = [
        describe(code.strip(), book, rules, currency, labels) for code in codes if code.strip()
    ]
    for _, text in found:
        print(text)
    return 0 if all(ok for ok, _ in found) else 1


def describe(
    code: str,
    book: PriceBook,
    rules: VoucherRules | None,
    currency: str = "EUR",
    labels: LabelRules | None = None,
) -> tuple[bool, str]:
    """(whether the kiosk takes it, what it is) for one scanned number."""
    from catalog.gtin import gtin_problem
    from kiosk.checkout_basket import sellable_problem
    from kiosk.pricing import format_money
    from kiosk.vouchers import VoucherRefused

    if labels is not None:
        code = labels.fitted(code)
        base_of = book.by_barcode(code) if labels.sells(code) else None
        if base_of is not None:  # a label without its price or weight: the kiosk refuses it
            what = "price" if "P" in (labels.layout_of(code) or "") else "weight"
            return False, (
                f"{code}: the base number of {base_of.sku} {base_of.name}, sold by its scale's "
                f"labels; scanned alone it sells nothing (no {what})"
            )
    product = book.by_barcode(code)
    if product is not None:
        price = format_money(product.price_cents, currency)
        what = f"{code}: {product.sku} {product.name}, {price}"
        if sellable_problem(product) is not None:
            why = "no price" if product.active else "off sale"
            return False, f"{what}: not sold now ({why})"
        if product.shopper_adds:
            return True, f"{what}: added on the screen; a scan counts as its +"
        if product.labels:
            seen = ", ".join(product.labels)
            return True, f"{what}: the camera counts it ({seen}); a scan never adds to that"
        return True, f"{what}: sold by a scan (the camera does not know it)"
    if labels is not None and labels.layout_of(code) is not None:
        return describe_label(code, book, labels, currency)
    if rules is not None and rules.fits(code):
        try:
            voucher = rules.read(code)
        except VoucherRefused as exc:
            return False, f"{code}: a bottle voucher's layout, but: {exc}"
        worth = format_money(voucher.amount_cents, currency)
        return True, f"{code}: a bottle voucher worth {worth} (kiosk voucher {code}: was it used?)"
    problem = gtin_problem(code)
    if problem is not None:
        return False, f"{code}: {problem}"
    return False, f"{code}: no product of this store has this barcode"


def describe_label(
    code: str, book: PriceBook, labels: LabelRules, currency: str
) -> tuple[bool, str]:
    """A scale's price label: its product (by base number) and what the pack costs."""
    from kiosk.checkout_basket import pack_line, pack_problem
    from kiosk.price_labels import LabelRefused
    from kiosk.pricing import format_money

    try:
        label = labels.read(code)
    except LabelRefused as exc:
        return False, f"{code}: a price label's layout, but: {exc}"
    product = book.by_barcode(label.base)
    if product is None:
        return False, (
            f"{code}: a price label for product number {label.base}, which no product has: "
            "give the product that barcode"
        )
    if pack_problem(product, label) is not None:
        why = "no price per kg" if product.active else "off sale"
        return False, f"{code}: a pack of {product.sku} {product.name}: not sold now ({why})"
    line = pack_line(product, label, 1, currency)
    price = format_money(line.unit_cents, currency)
    if label.grams is None:
        return True, f"{code}: a pack of {product.sku} {product.name} at its label's {price}"
    return True, f"{code}: a pack of {product.sku} {line.name}: {price}"
