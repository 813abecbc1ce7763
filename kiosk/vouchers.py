"""Bottle vouchers: the slip a store's bottle machine prints for returned empties.

A reverse vending machine takes the empties and prints a voucher whose barcode carries the
amount; the shopper hands it in at the checkout, which takes the amount off the basket. The
barcode's layout is the machine's (its manual gives it) and the store writes it in
``vouchers.layout``: one character per digit, a fixed digit for itself, ``S`` for the
machine's serial or voucher number, ``A`` for the amount in minor units (cents), ``C`` for
the check digit (EAN's, weights 3 and 1 from the right). The default German layout
``"98SSSSSAAAAAC"`` is an EAN-13 starting with 98 (the in-store range), five digits of
serial, five of amount: ``9800042003257`` is voucher 00042 for 3.25.

A voucher is redeemed once: the sale that takes it keeps its number (a ``voucher`` sale line
whose sku is the number), and the kiosk refuses a number the ledger already has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.gtin import check_digit
from catalog.words import Said
from kiosk.errors import KioskError

DEFAULT_LAYOUT = "98SSSSSAAAAAC"
VOUCHER_NAME = "Bottle voucher"  # its sale line's name; the receipt prints it in its language
_LAYOUT = re.compile(r"[0-9]*[SA0-9]*C")


class VoucherRefused(KioskError):
    """A code that is not a voucher the kiosk may take; ``said`` is for the shopper."""

    def __init__(self, said: Said) -> None:
        super().__init__(str(said))
        self.said = said


def layout_problem(layout: str) -> str | None:
    """Why ``layout`` cannot be a voucher barcode's layout ("" = vouchers off), or None."""
    if not layout:
        return None
    if not _LAYOUT.fullmatch(layout):
        return (
            f"{layout!r} must be digits, S (serial) and A (amount) characters ending in C "
            f'(the check digit), e.g. "{DEFAULT_LAYOUT}"'
        )
    if not 8 <= len(layout) <= 20:
        return f"{layout!r} has {len(layout)} digits; barcodes have 8 to 20"
    amount = layout.count("A")
    if not 1 <= amount <= 7:
        return f"{layout!r} needs 1 to 7 A (amount) digits, not {amount}"
    return None


@dataclass(frozen=True)
class Voucher:
    """A voucher read from its barcode: its whole number and what it is worth."""

    code: str
    amount_cents: int


@dataclass(frozen=True)
class VoucherRules:
    """The store's vouchers: the barcode layout, the tax rate its amount takes off the
    takings (the deposit's rate: Germany's Pfand on water and soft drinks is 19 %), and the
    largest amount the kiosk takes without staff."""

    layout: str = DEFAULT_LAYOUT
    tax_rate_bp: int = 0
    max_cents: int = 5000

    def __post_init__(self) -> None:
        problem = layout_problem(self.layout) if self.layout else "vouchers need a layout"
        if problem:
            raise ValueError(problem)

    @classmethod
    def from_settings(cls, vouchers: object) -> VoucherRules | None:
        """From ``settings.vouchers``; None when the store takes none (empty layout)."""
        layout = str(getattr(vouchers, "layout", ""))
        if not layout:
            return None
        rate = round(float(getattr(vouchers, "tax_rate", 0.0)) * 100)
        return cls(layout, rate, int(getattr(vouchers, "max_cents", 5000)))

    def read(self, code: str) -> Voucher:
        """The voucher ``code`` stands for, or ``VoucherRefused`` saying why not."""
        code = code.strip()
        if not self.fits(code):
            raise VoucherRefused(Said("This is not one of the store's bottle vouchers."))
        if check_digit(code[:-1]) != int(code[-1]):
            raise VoucherRefused(
                Said("The voucher's number did not read correctly. Please try again.")
            )
        amount = int("".join(d for d, want in zip(code, self.layout, strict=True) if want == "A"))
        if amount <= 0:
            raise VoucherRefused(Said("This voucher is worth nothing."))
        if amount > self.max_cents:
            raise VoucherRefused(
                Said("Vouchers worth this much are taken by staff. Please press Help.")
            )
        return Voucher(code, amount)

    def fits(self, code: str) -> bool:
        """Whether ``code`` has the layout's length and fixed digits: a voucher of this store's
        machine, read right or not (its check digit is :meth:`read`'s to test)."""
        if not (code.isascii() and code.isdigit() and len(code) == len(self.layout)):
            return False
        pairs = zip(code, self.layout, strict=True)
        return all(not want.isdigit() or digit == want for digit, want in pairs)

    def serial_of(self, code: str) -> str:
        """The serial digits of a code in this layout ("" when it has none)."""
        return "".join(d for d, want in zip(code, self.layout, strict=False) if want == "S")

    def code_for(self, serial: int, amount_cents: int) -> str:
        """The barcode a bottle machine prints for voucher ``serial`` worth ``amount_cents``
        (for tests, the demo and a technician checking the layout)."""
        serials, amounts = self.layout.count("S"), self.layout.count("A")
        digits = iter(f"{serial:0{serials}d}"[-serials:] if serials else "")
        amount = iter(f"{amount_cents:0{amounts}d}")
        if amount_cents >= 10**amounts:
            raise ValueError(f"{amount_cents} does not fit {amounts} amount digits")
        body = "".join(
            next(digits) if c == "S" else next(amount) if c == "A" else c for c in self.layout[:-1]
        )
        return body + str(check_digit(body))
