"""From the tracker's stable counts to the priced basket the shopper sees.

Labels become products through the :class:`~kiosk.pricing.PriceBook`. A label with no
product, an inactive product or one without a price becomes a doubt rather than a line:
the kiosk never guesses a charge. Staff corrections (:class:`Adjustment`) are applied on
top: items removed from the detected quantity, items added by hand as ``manual`` lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from catalog.models import Product
from kiosk.basket import DOUBT_MESSAGES, TrackedBasket
from kiosk.checkout_values import (
    BasketLine,
    BasketSnapshot,
    Box,
    Doubt,
    DoubtKind,
    ItemBox,
    VoucherLine,
)
from kiosk.price_labels import LabelRules, PriceLabel, pack_cents, sold_by_label
from kiosk.pricing import (
    PriceBook,
    PricingRules,
    format_money,
    format_weight,
    make_line,
    price,
)


@dataclass(frozen=True)
class Adjustment:
    """Staff corrections for one product: ``added`` by hand, ``removed`` from the detected."""

    sku: str
    added: int = 0
    removed: int = 0


def sellable_problem(product: Product | None) -> DoubtKind | None:
    """Why a product cannot be charged, or ``None`` if it can."""
    if product is None:
        return DoubtKind.UNKNOWN_LABEL
    if not product.active:
        return DoubtKind.INACTIVE_PRODUCT
    if product.price_cents <= 0:
        return DoubtKind.NO_PRICE
    return None


def _label_doubts(kind: DoubtKind, label: str, count: int, boxes: tuple[Box, ...]) -> list[Doubt]:
    regions: list[Box | None] = [*boxes[:count]]
    regions += [None] * (count - len(regions))
    return [Doubt(kind, label, region, DOUBT_MESSAGES[kind]) for region in regions]


def detected_quantities(
    tracked: TrackedBasket, book: PriceBook, labels: LabelRules | None = None
) -> tuple[dict[str, tuple[Product, str, int]], list[Doubt]]:
    """Sellable quantity per sku (with the first label seen), and doubts for the rest. A
    product its scale's labels sell counts whatever its catalog price: its packs' labels
    price it."""
    found: dict[str, tuple[Product, str, int]] = {}
    doubts: list[Doubt] = []
    for label, count in sorted(tracked.counts.items()):
        product = book.by_label(label)
        problem = None if sold_by_label(labels, product) else sellable_problem(product)
        if problem is not None or product is None:
            kind = problem or DoubtKind.UNKNOWN_LABEL
            doubts += _label_doubts(kind, label, count, tracked.boxes.get(label, ()))
            continue
        _, first_label, before = found.get(product.sku, (product, label, 0))
        found[product.sku] = (product, first_label, before + count)
    return found, doubts


def shopper_product(book: PriceBook, sku: str) -> Product | None:
    """The product if the shopper may add it on the screen now, else None."""
    product = book.products.get(sku)
    if product is None or not product.shopper_adds or sellable_problem(product) is not None:
        return None
    return product


def scanned_product(book: PriceBook, sku: str) -> Product | None:
    """The product if a scan of its barcode sells it now, else None."""
    product = book.products.get(sku)
    if product is None or not product.barcode or sellable_problem(product) is not None:
        return None
    return product


def pack_problem(product: Product | None, label: PriceLabel) -> DoubtKind | None:
    """Why a pack with this label cannot be charged, or ``None``. The label's own price
    needs no catalog price; a weighed pack needs the price per kilogram."""
    if label.cents is not None and product is not None and product.active:
        return None
    return sellable_problem(product)


def pack_line(
    product: Product, label: PriceLabel, quantity: int, currency: str = "EUR"
) -> BasketLine:
    """``quantity`` packs of one label (the same pack scanned again is a second one: two
    packs weighed alike carry the same number). A weighed pack's name says its weight and
    the price per kilogram it was sold at (on the receipt and in the ledger for good)."""
    cents = pack_cents(label, product)
    name = product.name
    if label.grams is not None:
        per_kg = format_money(product.price_cents, currency)
        name = f"{product.name} {format_weight(label.grams)} × {per_kg}/kg"
    line = make_line(product, quantity, "")
    return replace(
        line, name=name, unit_cents=cents, line_cents=quantity * cents, deposit_cents=0,
        code=label.code,
    )  # fmt: skip


def _pack_lines(
    book: PriceBook,
    packs: Sequence[tuple[PriceLabel, int]],
    currency: str,
    max_cents: int | None = None,
) -> tuple[list[BasketLine], list[Doubt]]:
    """The packs' lines. A pack whose product went off sale (or lost its price per kg) since
    it was scanned, or that a new price per kg made dearer than staff let the kiosk sell
    alone (``max_cents``), is a doubt that holds payment up, not a line quietly gone."""
    lines, doubts = [], []
    for label, quantity in packs:
        if quantity <= 0:
            continue
        product = book.by_barcode(label.base)
        problem = pack_problem(product, label)
        if product is not None and problem is None:
            line = pack_line(product, label, quantity, currency)
            if max_cents is None or line.unit_cents <= max_cents:
                lines.append(line)
                continue
            problem = DoubtKind.INACTIVE_PRODUCT  # "cannot be sold right now": staff sell it
        kind = problem or DoubtKind.UNKNOWN_LABEL
        doubts += _label_doubts(kind, label.code, quantity, ())
    return lines, doubts


def basket_lines(
    tracked: TrackedBasket,
    book: PriceBook,
    adjustments: Mapping[str, Adjustment],
    shopper: Mapping[str, int] | None = None,
    scanned: Mapping[str, int] | None = None,
    packs: Sequence[tuple[PriceLabel, int]] = (),
    currency: str = "EUR",
    labels: LabelRules | None = None,
) -> tuple[list[BasketLine], list[Doubt], int]:
    """Untaxed lines, sorted by name: detected items and those the shopper added on the
    screen, minus removals, then manual items and packs scanned by their scale's label; the
    doubts; and how many items the basket holds that the camera does not count (added on
    the screen, scanned, added by staff).

    A product scanned by its barcode counts as many as were scanned or as the camera sees,
    whichever is more: one the camera cannot tell is sold by its scans, and one it can is
    never charged twice for being scanned as well."""
    found, doubts = detected_quantities(tracked, book, labels)
    by_label = _take_packs_seen(found, labels)
    unseen = 0
    for sku, added in (shopper or {}).items():
        product = shopper_product(book, sku)
        if product is not None and added > 0:
            _, label, seen = found.get(sku, (product, "", 0))
            found[sku] = (product, label, seen + added)
            unseen += added
    for sku, scans in (scanned or {}).items():
        product = scanned_product(book, sku)
        if product is not None and scans > 0:
            _, label, seen = found.get(sku, (product, "", 0))
            found[sku] = (product, label, max(seen, scans))
            unseen += max(scans - seen, 0)
    lines: list[BasketLine] = []
    for sku, (product, label, count) in found.items():
        removed = adjustments[sku].removed if sku in adjustments else 0
        if count - removed > 0:
            lines.append(make_line(product, count - removed, label))
    for sku, adjustment in adjustments.items():
        manual = book.products.get(sku)
        if adjustment.added > 0 and manual is not None and sellable_problem(manual) is None:
            lines.append(make_line(manual, adjustment.added, "", "manual"))
            unseen += adjustment.added
    packed, unsold = _pack_lines(book, packs, currency, labels.max_cents if labels else None)
    unseen += sum(line.quantity for line in packed)
    for sku, (_, label, seen) in by_label.items():
        scanned_packs = sum(line.quantity for line in packed if line.sku == sku)
        unseen -= min(seen, scanned_packs)  # packs the camera sees are no unseen things
        if seen > scanned_packs:
            boxes = tracked.boxes.get(label, ())
            doubts += _label_doubts(DoubtKind.UNRECOGNISED, label, seen - scanned_packs, boxes)
    lines += packed
    lines.sort(key=lambda x: (x.name, x.sku, x.kind, x.code))
    return lines, [*tracked.doubts, *doubts, *unsold], unseen


def _take_packs_seen(
    found: dict[str, tuple[Product, str, int]], labels: LabelRules | None
) -> dict[str, tuple[Product, str, int]]:
    """Takes out of ``found`` the products the camera sees that their scale's labels sell
    (a store that taught the model its deli packs): the camera cannot tell a pack's price or
    weight, so each is charged by its scanned label, and one seen but not scanned waits for
    its label like anything else on the counter the basket does not explain."""
    taken = {sku: seen for sku, seen in found.items() if sold_by_label(labels, seen[0])}
    for sku in taken:
        del found[sku]
    return taken


def told_of(doubts: list[Doubt], unseen: int) -> list[Doubt]:
    """The doubts without the things the camera cannot name when the basket already holds
    as many items it cannot count (a scanned card, a carrier bag from the dispenser, a
    voucher put down): those things are what the shopper scanned or added. One thing more
    and every one of them stays marked: the kiosk cannot tell which one was not paid for."""
    things = sum(map(unnamed_thing, doubts))
    if things == 0 or things > unseen:
        return doubts
    return [d for d in doubts if not unnamed_thing(d)]


def unnamed_thing(doubt: Doubt) -> bool:
    """A thing the counter watch marked. A pack the camera knows, waiting for its label, is
    marked alike but named: no scan of something else explains it."""
    return doubt.kind is DoubtKind.UNRECOGNISED and not doubt.label


def basket_snapshot(
    tracked: TrackedBasket,
    book: PriceBook,
    rules: PricingRules,
    adjustments: Mapping[str, Adjustment] | None = None,
    shopper: Mapping[str, int] | None = None,
    vouchers: Sequence[VoucherLine] = (),
    scanned: Mapping[str, int] | None = None,
    packs: Sequence[tuple[PriceLabel, int]] = (),
    labels: LabelRules | None = None,
) -> BasketSnapshot:
    """Price what the tracker sees (plus what the shopper added on the screen or scanned,
    packs scanned by their label, staff corrections and bottle vouchers handed in) into a
    :class:`BasketSnapshot`."""
    lines, doubts, unseen = basket_lines(
        tracked, book, adjustments or {}, shopper, scanned, packs, rules.currency, labels
    )
    doubts = told_of(doubts, unseen + len(vouchers))
    priced = price(lines, book.promotions, rules, vouchers)
    items = tuple(
        ItemBox(label, _name(book, label), region, score) for label, region, score in tracked.items
    )
    return BasketSnapshot(
        lines=priced.lines,
        promotions=priced.promotions,
        deposits=priced.deposits,
        vouchers=priced.vouchers,
        subtotal_cents=priced.subtotal_cents,
        tax_cents=priced.tax_cents,
        total_cents=priced.total_cents,
        currency=rules.currency,
        tax_inclusive=rules.tax_inclusive,
        doubts=tuple(doubts),
        items=items,
        settled=tracked.settled,
        empty=not lines and not doubts and not vouchers,
        frame_index=tracked.frame_index,
        t=tracked.t,
    )


def _name(book: PriceBook, label: str) -> str:
    product = book.by_label(label)
    return product.name if product is not None else label
