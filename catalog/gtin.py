"""The number under a product's barcode: a GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14).

Its last digit is a check digit (weights 3 and 1 from the right), so a mistyped or misread
number is caught rather than taken for another product. Leading zeros do not make another
number (:func:`gtin_key`). The same check digit ends a bottle
voucher's number (:mod:`kiosk.vouchers`).
"""

from __future__ import annotations

import re

from catalog.words import Said

LENGTHS = (8, 12, 13, 14)
# What a spreadsheet makes of a long number in a cell not formatted as text: 4.00638E+12.
_SCIENTIFIC = re.compile(r"\d+([.,]\d+)?[eE]\+?\d+")


def check_digit(digits: str) -> int:
    """EAN/UPC check digit of ``digits`` (the number without it)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def gtin_problem(code: str) -> Said | None:
    """Why ``code`` is not a product barcode's number, or None if it is one."""
    if _SCIENTIFIC.fullmatch(code):
        return Said(
            "barcode {code} was turned into a number by a spreadsheet: format the column as "
            "text and type the digits again",
            code=code,
        )
    if not code.isascii() or not code.isdigit() or len(code) not in LENGTHS:
        return Said(
            "barcode {code!r} must be 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14)",
            code=code,
        )
    expected = check_digit(code[:-1])
    if int(code[-1]) != expected:
        return Said(
            "barcode {code} ends in {last} but its check digit is {expected}: mistyped?",
            code=code,
            last=code[-1],
            expected=expected,
        )
    return None


def gtin_key(code: str) -> str:
    """The number as GTIN-14, what two spellings of one barcode share: a scanner may send a
    UPC-A's 12 digits or the EAN-13 that is the same number with a 0 in front."""
    return code.zfill(14)


def with_check_digit(digits: str) -> str:
    """``digits`` with their check digit appended (a test or demo number)."""
    return digits + str(check_digit(digits))
