"""Price labels: the barcode a deli counter's or a bakery's scale prints on a pack.

A pack of sliced cheese weighed at the counter gets a label whose barcode holds the product
and the pack's price (or its weight); no two packs need the same number, so the catalog
cannot hold one barcode per pack. The store writes the scale's layout in ``labels.layouts``
(its manual gives it), one character per digit, as for vouchers: a fixed digit for itself,
``I`` for the product's item number, ``P`` for the pack's price in minor units (cents) or
``W`` for its weight in grams, ``X`` for a digit the kiosk does not read (the price check
digit some scales print), ``C`` for the EAN check digit. Common in-store layouts (EAN-13
starting with 2): ``"22IIIIIPPPPPC"`` (price), ``"23IIIIIWWWWWC"`` (weight).

The catalog knows such a product by its *base number*: the label's number with every price,
weight and unread digit 0 and the check digit made again (``2212345000005`` for item 12345
in the layout above), written as the product's barcode. A weighed product's catalog price is
its price per kilogram; a pack costs its weight times that, rounded half-up to the cent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from catalog.gtin import LENGTHS, check_digit, with_check_digit
from catalog.models import Product
from catalog.tax import round_half_up
from catalog.words import Said
from kiosk.errors import KioskError

_LAYOUT = re.compile(r"[0-9][0-9IPWX]*C")


def layout_problem(layout: str) -> str | None:
    """Why ``layout`` cannot be a price label's layout, or None."""
    if not _LAYOUT.fullmatch(layout):
        return (
            f"{layout!r} must start with a fixed digit and be digits, I (item), P (price) or "
            "W (weight) and X (not read) characters ending in C (the check digit), e.g. "
            '"22IIIIIPPPPPC"'
        )
    if len(layout) not in LENGTHS:
        # the base number is a product's barcode in the catalog: a GTIN's length
        return f"{layout!r} has {len(layout)} digits; price labels have 8, 12, 13 or 14"
    if "I" not in layout:
        return f"{layout!r} needs I (item number) digits: they name the product"
    price, weight = layout.count("P"), layout.count("W")
    if bool(price) == bool(weight):
        return f"{layout!r} needs P (price) or W (weight) digits, one kind ({price} P, {weight} W)"
    if not 1 <= price + weight <= 7:
        return f"{layout!r} needs 1 to 7 P or W digits, not {price + weight}"
    return None


def layouts_problem(text: str) -> str | None:
    """``labels.layouts``: layouts separated by commas ("" = no price labels)."""
    layouts = split_layouts(text)
    for layout in layouts:
        problem = layout_problem(layout)
        if problem:
            return problem
    for i, a in enumerate(layouts):
        for b in layouts[i + 1 :]:
            if _overlap(a, b):
                return f"{a!r} and {b!r} read the same numbers: give each its own fixed digits"
    return None


def layouts_overlapping(text: str, other: str) -> str | None:
    """The first of the layouts in ``text`` that reads numbers in the layout ``other``
    (the vouchers'), or None."""
    if not other:
        return None
    return next((a for a in split_layouts(text) if _overlap(a, other)), None)


def split_layouts(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _overlap(a: str, b: str) -> bool:
    """Whether one number could fit both layouts."""
    if len(a) != len(b):
        return False
    return all(not (x.isdigit() and y.isdigit()) or x == y for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class PriceLabel:
    """A label read from its barcode: its number, the product's base number, and the pack's
    price in cents (price layouts) or weight in grams (weight layouts)."""

    code: str
    base: str
    cents: int | None = None
    grams: int | None = None


class LabelRefused(KioskError):
    """A code in a label layout that the kiosk cannot sell; ``said`` is for the shopper."""

    def __init__(self, said: Said) -> None:
        super().__init__(str(said))
        self.said = said


@dataclass(frozen=True)
class LabelRules:
    """The store's price label layouts and the dearest pack the kiosk sells without staff."""

    layouts: tuple[str, ...] = ()
    max_cents: int = 10000

    def __post_init__(self) -> None:
        problem = layouts_problem(",".join(self.layouts)) if self.layouts else "no layouts"
        if problem:
            raise ValueError(problem)

    @classmethod
    def from_settings(cls, labels: object) -> LabelRules | None:
        """From ``settings.labels``; None when the store uses none (no layouts)."""
        layouts = split_layouts(str(getattr(labels, "layouts", "")))
        if not layouts:
            return None
        return cls(layouts, int(getattr(labels, "max_cents", 10000)))

    def fitted(self, code: str) -> str:
        """``code`` as its layout spells it: a scanner set to send every UPC-A as EAN-13 puts
        a 0 before a 12-digit label, which the 12-digit layout then reads."""
        padded = len(code) == 13 and code.startswith("0") and self.layout_of(code) is None
        return code[1:] if padded and self.layout_of(code[1:]) is not None else code

    def layout_of(self, code: str) -> str | None:
        """The layout ``code`` has (length and fixed digits), or None: not a price label."""
        if not (code.isascii() and code.isdigit()):
            return None
        return next((layout for layout in self.layouts if _overlap(code, layout)), None)

    def sells(self, barcode: str) -> str | None:
        """The layout whose labels sell the product of this catalog barcode: one that is a
        label's base number (every price, weight and ``X`` digit 0), else None. A barcode
        that merely has a layout's shape with a price in it is some other product's."""
        layout = self.layout_of(barcode)
        if layout is None or _base_of(barcode, layout) != barcode:
            return None
        return layout

    def read(self, code: str) -> PriceLabel:
        """The label ``code`` stands for, or ``LabelRefused`` saying why not."""
        code = code.strip()
        layout = self.layout_of(code)
        if layout is None:
            raise LabelRefused(Said("This is not one of the store's price labels."))
        if check_digit(code[:-1]) != int(code[-1]):
            raise LabelRefused(Said("The label's number did not read correctly. Please try again."))
        value = int("".join(d for d, want in zip(code, layout, strict=True) if want in "PW"))
        if value <= 0:
            raise LabelRefused(Said("This label shows no price. Please press Help."))
        base = _base_of(code, layout)
        if "P" in layout:
            return PriceLabel(code, base, cents=value)
        return PriceLabel(code, base, grams=value)

    def code_for(self, base: str, value: int) -> str:
        """The label a scale prints for the product of base number ``base`` and a price in
        cents or a weight in grams ``value`` (for tests, the demo and checking a layout)."""
        layout = self.layout_of(base)
        if layout is None:
            raise ValueError(f"{base!r} fits none of the layouts {', '.join(self.layouts)}")
        width = layout.count("P") + layout.count("W")
        if not 0 < value < 10**width:
            raise ValueError(f"{value} does not fit {width} digits")
        digits = iter(f"{value:0{width}d}")
        pairs = zip(base, layout, strict=True)
        body = "".join(next(digits) if want in "PW" else d for d, want in pairs)
        return with_check_digit(body[:-1])


def _base_of(code: str, layout: str) -> str:
    """``code`` with every price, weight and ``X`` digit 0 and its check digit made again."""
    pairs = zip(code, layout, strict=True)
    kept = "".join(d if want.isdigit() or want == "I" else "0" for d, want in pairs)
    return with_check_digit(kept[:-1])


def sold_by_label(rules: LabelRules | None, product: Product | None) -> bool:
    """Whether the store's scale labels sell ``product`` (its barcode is their base number):
    its price or weight is on each pack's label, so it is never sold by the piece."""
    barcode = product.barcode if product is not None else None
    return bool(rules is not None and barcode and rules.sells(barcode) is not None)


def base_number(rules: LabelRules | None, code: str) -> str:
    """``code`` as a product's barcode: a whole scale label (staff scanned a pack into the
    product's form) gives its base number; any other number is kept as it is."""
    if rules is None or rules.layout_of(code) is None:
        return code
    try:
        return rules.read(code).base
    except LabelRefused:  # the base number itself (no price), or a misread: as typed
        return code


def pack_cents(label: PriceLabel, product: Product) -> int:
    """What the pack costs: the label's price, or its weight at the product's price per kg."""
    if label.cents is not None:
        return label.cents
    grams = label.grams or 0
    return round_half_up(Fraction(product.price_cents * grams, 1000))
