"""Prices, promotions, tax and money text. Integer minor units (cents) only, never floats.

Rules (the store picks them in ``settings.checkout``):

* **Line total** = quantity × unit price, exact.
* **Deposits** (bottles, cans): a product's deposit × its quantity is its own line, taxed at
  the product's rate (as Germany's Pfand is), never discounted by an offer.
* **Bottle vouchers** (returned empties) are negative lines after the offers, their amount
  as printed, holding the store's voucher tax rate (prices with tax only: where tax is added,
  a voucher carries none). The basket's total may fall to zero or below while the shopper
  adds items; the checkout takes payment only above zero.
* **Promotions** (multi-buy, from the catalog) become their own negative lines. For each
  product the single offer that saves the most is applied as often as the quantity allows
  ("3 for 2" on 7 cans applies twice); ties go to the lower promotion id, then the name,
  so the same basket always prices the same way. An offer that would not save is skipped.
* **Tax** per product rate (basis points). ``tax_inclusive``: prices contain tax, the tax
  shown is ``amount × rate / (10000 + rate)`` and the total is the subtotal. Exclusive:
  tax is ``amount × rate / 10000`` and is added to the subtotal.
* **Rounding** is half-up (ties away from zero, like ``decimal.ROUND_HALF_UP``, so a
  discount line's tax mirrors its item's). ``per_line``: every printed line's tax is
  rounded and the sale's tax is their sum. ``per_sale``: exact line taxes are summed and
  rounded once; lines then carry ``tax_cents = 0``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Any, Literal

from catalog.gtin import gtin_key
from catalog.models import Product, Promotion
from catalog.tax import exact_tax, round_half_up
from kiosk.checkout_values import BasketLine, DepositLine, LineKind, PromotionLine, VoucherLine
from kiosk.errors import KioskError

Rounding = Literal["per_line", "per_sale"]

# code -> (symbol, minor units, symbol goes before the amount)
CURRENCIES: dict[str, tuple[str, int, bool]] = {
    "EUR": ("€", 2, True),
    "USD": ("$", 2, True),
    "GBP": ("£", 2, True),
    "CHF": ("CHF ", 2, True),
    "JPY": ("¥", 0, True),
}


class UnknownCurrency(KioskError):
    """The configured currency is not one the kiosk can print."""


def currency_info(currency: str) -> tuple[str, int, bool]:
    try:
        return CURRENCIES[currency.upper()]
    except KeyError:
        known = ", ".join(CURRENCIES)
        raise UnknownCurrency(
            f"Currency {currency!r} is not supported; set checkout.currency to one of {known}."
        ) from None


def minor_units(currency: str) -> int:
    """Digits after the decimal point: 2 for EUR, 0 for JPY."""
    return currency_info(currency)[1]


_MONEY_EXAMPLE = re.compile(
    r"(?P<before>\D*?)1(?P<group>[,. '\u00a0\u202f]?)234(?P<decimal>[.,])56(?P<after>\D*)"
)
GROUP_SEPARATORS = {"": "", ",": ",", ".": ".", "'": "'", " ": " ", "\u00a0": " ", "\u202f": " "}


class BadMoneyFormat(KioskError):
    """``checkout.money_format`` is not an amount written the way the kiosk can follow."""


@dataclass(frozen=True)
class MoneyStyle:
    """How the store writes amounts: "€1,234.56" (the default), "1.234,56 €" (Spain, Germany),
    "1 234,56 €" (France), "€ 1.234,56" (the Netherlands), "CHF 1'234.56" (Switzerland)."""

    decimal: str = "."
    group: str = ","
    symbol_first: bool = True
    space: bool = False  # between the symbol and the number

    @classmethod
    def parse(cls, example: str) -> MoneyStyle:
        """The style of ``example``, 1234.56 written as the store writes it, with any currency
        symbol (the configured currency's own takes its place)."""
        found = _MONEY_EXAMPLE.fullmatch(example.strip())
        if found is None or found["group"] == found["decimal"]:
            raise BadMoneyFormat(
                f"{example!r} is not 1234.56 written with a currency symbol: write it the way "
                'the store shows money, e.g. "€1,234.56", "1.234,56 €" or "1 234,56 €"'
            )
        before, after = found["before"], found["after"]
        if bool(before.strip()) == bool(after.strip()):
            raise BadMoneyFormat(
                f"{example!r} needs the currency symbol on one side of the number: e.g. "
                '"€1,234.56" or "1.234,56 €"'
            )
        first = bool(before.strip())
        space = before[-1:].isspace() if first else after[:1].isspace()
        return cls(found["decimal"], GROUP_SEPARATORS[found["group"]], first, space)

    def amount(self, cents: int, currency: str) -> str:
        """The number alone, unsigned: ``1.234,56`` (for an offer's name, "2 for 3,00")."""
        digits = currency_info(currency)[1]
        major, minor = divmod(abs(cents), 10**digits) if digits else (abs(cents), 0)
        amount = f"{major:,}".replace(",", self.group)
        return amount + (f"{self.decimal}{minor:0{digits}d}" if digits else "")

    def format(self, cents: int, currency: str) -> str:
        symbol = currency_info(currency)[0].strip()
        sign = "-" if cents < 0 else ""
        amount = self.amount(cents, currency)
        gap = " " if self.space or symbol.isalpha() else ""  # "CHF 5.00", never "CHF5.00"
        if self.symbol_first:
            return f"{sign}{symbol}{gap}{amount}"
        return f"{sign}{amount}{gap}{symbol}"


_house_style = MoneyStyle()


def use_money_style(style: MoneyStyle) -> None:
    """How this process writes money from now on (``checkout.money_format``; settings set it
    when they load): the screen, receipts, reports and spoken totals alike."""
    global _house_style
    _house_style = style


def format_amount(cents: int, currency: str) -> str:
    """An amount's number in the store's style, without the currency: ``"3.00"``, ``"3,00"``."""
    return _house_style.amount(cents, currency)


def format_weight(grams: int) -> str:
    """``254`` -> ``"0.254 kg"`` with the store's decimal mark (a weighed pack's line)."""
    kilos, rest = divmod(grams, 1000)
    return f"{kilos}{_house_style.decimal}{rest:03d} kg"


def format_money(cents: int, currency: str, style: MoneyStyle | None = None) -> str:
    """``521, "EUR"`` -> ``"€5.21"``; ``-199`` -> ``"-€1.99"``; ``521, "JPY"`` -> ``"¥521"``
    in the default style; the store's style (``use_money_style``) or ``style`` otherwise."""
    return (style or _house_style).format(cents, currency)


@dataclass(frozen=True)
class PricingRules:
    """The store's pricing settings (see the module docstring for what they mean)."""

    currency: str = "EUR"
    tax_inclusive: bool = True
    rounding: Rounding = "per_line"

    def __post_init__(self) -> None:
        currency_info(self.currency)
        if self.rounding not in ("per_line", "per_sale"):
            raise ValueError(f"rounding must be per_line or per_sale, not {self.rounding!r}")

    @classmethod
    def from_settings(cls, checkout: Any) -> PricingRules:
        """From ``settings.checkout``."""
        return cls(checkout.currency.upper(), bool(checkout.tax_inclusive), checkout.rounding)

    def exact_tax(self, amount_cents: int, rate_bp: int) -> Fraction:
        """Unrounded tax on (exclusive) or in (inclusive) an amount."""
        return exact_tax(amount_cents, rate_bp, self.tax_inclusive)


@dataclass(frozen=True)
class PriceBook:
    """Everything pricing needs from the catalog, loaded once: products and promotions.

    ``products`` holds every product by sku, inactive ones too (so they can be reported as
    doubts); ``labels`` maps detector labels to skus; ``on_screen`` lists the skus the shopper
    adds on the screen (``Product.shopper_adds``) in the order they are offered, by name;
    ``barcodes`` maps the numbers under products' barcodes to skus.
    """

    products: Mapping[str, Product] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    promotions: Mapping[str, tuple[Promotion, ...]] = field(default_factory=dict)
    on_screen: tuple[str, ...] = field(init=False, default=())
    barcodes: Mapping[str, str] = field(init=False, default_factory=dict)  # GTIN-14 -> sku

    def __post_init__(self) -> None:
        # Found once per catalog load, not on every camera frame's view.
        screen = sorted((p.name, p.sku) for p in self.products.values() if p.shopper_adds)
        object.__setattr__(self, "on_screen", tuple(sku for _, sku in screen))
        numbers = {gtin_key(p.barcode): p.sku for p in self.products.values() if p.barcode}
        object.__setattr__(self, "barcodes", numbers)

    @classmethod
    def from_products(
        cls, products: Iterable[Product], promotions: Iterable[Promotion] = ()
    ) -> PriceBook:
        items = {p.sku: p for p in products}
        labels = {label: p.sku for p in items.values() for label in p.labels}
        offers: dict[str, tuple[Promotion, ...]] = {}
        for promo in promotions:
            if promo.active:
                offers[promo.sku] = (*offers.get(promo.sku, ()), promo)
        return cls(items, labels, offers)

    @classmethod
    def from_db(cls, db: Any, day: date | None = None) -> PriceBook:
        """Read products (all) and active promotions from an open catalog database; with
        ``day`` (the store's date), only the offers that run that day."""
        from catalog import products, promotions

        offers = [p for group in promotions.active_promotions(db, day).values() for p in group]
        return cls.from_products(products.list_products(db), offers)

    def by_label(self, label: str) -> Product | None:
        sku = self.labels.get(label)
        return self.products.get(sku) if sku is not None else None

    def by_barcode(self, code: str) -> Product | None:
        sku = self.barcodes.get(gtin_key(code)) if code.isdigit() else None
        return self.products.get(sku) if sku is not None else None


def make_line(
    product: Product, quantity: int, label: str = "", kind: LineKind = "item"
) -> BasketLine:
    """An untaxed line for ``quantity`` of ``product``."""
    return BasketLine(
        sku=product.sku,
        label=label,
        name=product.name,
        quantity=quantity,
        unit_cents=product.price_cents,
        line_cents=quantity * product.price_cents,
        tax_rate_bp=product.tax_rate_bp,
        age_restricted=product.age_restricted,
        kind=kind,
        image=product.image or "",
        deposit_cents=product.deposit_cents,
    )


def per_product(lines: Sequence[BasketLine]) -> list[tuple[BasketLine, int]]:
    """Each product's first line and its quantity over all its lines (seen and added by
    staff), by sku: what offers and deposits count."""
    quantity: dict[str, int] = {}
    first: dict[str, BasketLine] = {}
    for line in lines:
        if line.code:  # a labelled pack: its label's price is all it costs
            continue
        quantity[line.sku] = quantity.get(line.sku, 0) + line.quantity
        first.setdefault(line.sku, line)
    return [(first[sku], quantity[sku]) for sku in sorted(quantity)]


def deposit_lines(lines: Sequence[BasketLine]) -> list[DepositLine]:
    """One deposit line per product that carries a deposit, for all its lines together."""
    return [
        DepositLine(
            line.sku,
            line.name,
            quantity,
            line.deposit_cents,
            quantity * line.deposit_cents,
            line.tax_rate_bp,
        )
        for line, quantity in per_product(lines)
        if line.deposit_cents > 0
    ]


def promotion_saving(promo: Promotion, quantity: int, unit_cents: int) -> tuple[int, int]:
    """``(times, saving_cents)`` of one offer on ``quantity`` items; saving 0 if none."""
    if promo.buy_qty < 1:
        return 0, 0
    times = quantity // promo.buy_qty
    if promo.pay_qty is not None:
        each = (promo.buy_qty - promo.pay_qty) * unit_cents
    elif promo.bundle_cents is not None:
        each = promo.buy_qty * unit_cents - promo.bundle_cents
    else:
        each = 0
    if times == 0 or each <= 0:
        return 0, 0
    return times, times * each


def best_promotion(
    offers: Sequence[Promotion], quantity: int, unit_cents: int
) -> tuple[Promotion, int, int] | None:
    """The offer saving the most (ties: lower id, then name); ``None`` if none saves."""
    best: tuple[Promotion, int, int] | None = None
    ranked = sorted(offers, key=lambda p: (p.id is None, p.id or 0, p.name))
    for promo in ranked:
        times, saving = promotion_saving(promo, quantity, unit_cents)
        if saving > 0 and (best is None or saving > best[2]):
            best = (promo, times, saving)
    return best


def promotion_lines(
    lines: Sequence[BasketLine], promotions: Mapping[str, Sequence[Promotion]]
) -> list[PromotionLine]:
    """One negative line per product whose quantity (all its lines together) earns an offer."""
    result = []
    for line, quantity in per_product(lines):
        found = best_promotion(promotions.get(line.sku, ()), quantity, line.unit_cents)
        if found:
            promo, times, saving = found
            name = f"{promo.name} ({line.name})"
            result.append(
                PromotionLine(line.sku, name, times, -saving, line.tax_rate_bp, 0, promo.id)
            )
    return result


@dataclass(frozen=True)
class PricedBasket:
    """Lines with tax filled in, promotion lines, and the totals."""

    lines: tuple[BasketLine, ...]
    promotions: tuple[PromotionLine, ...]
    subtotal_cents: int
    tax_cents: int
    total_cents: int
    deposits: tuple[DepositLine, ...] = ()
    vouchers: tuple[VoucherLine, ...] = ()


def price(
    lines: Sequence[BasketLine],
    promotions: Mapping[str, Sequence[Promotion]],
    rules: PricingRules,
    vouchers: Sequence[VoucherLine] = (),
) -> PricedBasket:
    """Apply promotions, tax and rounding to untaxed lines (see the module docstring)."""
    promos = promotion_lines(lines, promotions)
    deposits = deposit_lines(lines)
    priced: list[Any] = [*lines, *deposits, *promos, *vouchers]
    amounts = [(x.line_cents, x.tax_rate_bp) for x in priced]
    exact = [rules.exact_tax(cents, rate) for cents, rate in amounts]
    if rules.rounding == "per_line":
        taxes = [round_half_up(x) for x in exact]
        tax = sum(taxes)
        priced = [replace(x, tax_cents=t) for x, t in zip(priced, taxes, strict=True)]
    else:
        tax = round_half_up(sum(exact, Fraction(0)))
    subtotal = sum(cents for cents, _ in amounts)
    total = subtotal if rules.tax_inclusive else subtotal + tax
    a, b, c = len(lines), len(lines) + len(deposits), len(lines) + len(deposits) + len(promos)
    return PricedBasket(
        tuple(priced[:a]), tuple(priced[b:c]), subtotal, tax, total, tuple(priced[a:b]),
        tuple(priced[c:]),
    )  # fmt: skip
