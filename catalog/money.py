"""Exact conversions between text the staff type (``2.49``, ``19.5``) and integer units.

Never through float: ``float("0.29") * 100`` is 28.999999999999996. Text is checked with a
pattern and converted with ``decimal.Decimal``, so every accepted value is exact.
"""

from __future__ import annotations

import re
from decimal import Decimal

from catalog.words import Said

__all__ = ["format_bp", "format_cents", "parse_bool", "parse_percent_bp", "parse_price"]

_DECIMAL = re.compile(r"^[+-]?(\d*)(?:\.(\d*))?$")
MAX_PRICE_CENTS = 100_000_000
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def _parse_decimal(text: str, what: str, decimals: int, decimal_comma: bool = False) -> Decimal:
    text = text.strip()
    # A spreadsheet where the comma is the decimal mark writes 2,49. With thousands marks
    # (1.299,00) the number stays refused: one mark, one meaning.
    number = text.replace(",", ".", 1) if decimal_comma and "." not in text else text
    match = _DECIMAL.match(number)
    if not text or not match or not (match.group(1) or match.group(2)):
        raise ValueError(
            Said("{what} {text!r} is not a number (write it like 2.49)", what=what, text=text)
        )
    if number.startswith("-") and Decimal(number) != 0:
        raise ValueError(Said("{what} {text!r} is negative", what=what, text=text))
    places = len(match.group(2) or "")
    if places > decimals:
        raise ValueError(
            Said(
                "{what} {text!r} has {places} decimals; at most {decimals} allowed",
                what=what,
                text=text,
                places=places,
                decimals=decimals,
            )
        )
    return Decimal(number)


def parse_price(
    text: str, decimals: int = 2, *, decimal_comma: bool = False, what: Said | None = None
) -> int:
    """``"2.49"`` -> 249 (minor units). Rejects negatives, extra decimals, non-numbers.
    ``decimal_comma``: ``"2,49"`` is read as 2.49 too (a semicolon-separated spreadsheet).
    ``what`` names the amount in the errors (default: price; a deposit is one too)."""
    what = what or Said("price")
    value = _parse_decimal(text, what, decimals, decimal_comma)
    cents = int(value.scaleb(decimals))
    if cents > MAX_PRICE_CENTS:
        raise ValueError(Said("{what} {text!r} is implausibly large", what=what, text=text.strip()))
    return cents


def parse_percent_bp(text: str, *, decimal_comma: bool = False) -> int:
    """``"19"`` -> 1900, ``"7.25"`` -> 725 basis points; 0 to 100 %."""
    value = _parse_decimal(text, Said("tax rate"), 2, decimal_comma)
    if value > 100:
        raise ValueError(Said("tax rate {text!r} is above 100 %", text=text.strip()))
    return int(value.scaleb(2))


def format_cents(cents: int, decimals: int = 2) -> str:
    """249 -> ``"2.49"``; the exact inverse of ``parse_price``."""
    sign = "-" if cents < 0 else ""
    if decimals == 0:
        return f"{sign}{abs(cents)}"
    major, minor = divmod(abs(cents), 10**decimals)
    return f"{sign}{major}.{minor:0{decimals}d}"


def format_bp(basis_points: int) -> str:
    """1900 -> ``"19"``, 750 -> ``"7.5"``, 725 -> ``"7.25"``; parses back to the same value."""
    major, minor = divmod(basis_points, 100)
    return f"{major}" if minor == 0 else f"{major}.{minor:02d}".rstrip("0")


def parse_bool(text: str, what: str) -> bool:
    """true/false/yes/no/1/0 in any case."""
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(
        Said("{what} {text!r} must be one of true/false/yes/no/1/0", what=what, text=text.strip())
    )
