"""A barcode scanned while shopping: a product the camera cannot tell, a pack with its
scale's price label, or a bottle voucher.

The camera sells what it recognises; a product it has not learnt yet (new in the store, not
yet in a trained model) is sold by the number under its barcode, which the catalog keeps
(``Product.barcode``). A scan counts one more of the product, but never on top of what the
camera counts of it (:func:`~kiosk.checkout_basket.basket_lines`): a shopper who scans out
of habit a product the camera already sees is not charged twice. A number that is no
product's but has one of the store's price label layouts is a pack from its scales (the deli
counter's sliced cheese: :mod:`kiosk.price_labels`), sold at the label's price; one with the
store's voucher layout goes on as a bottle voucher. At Pay, the counter's picture is kept for
retraining when the basket holds scans the camera did not count.
"""

from __future__ import annotations

from dataclasses import replace

from catalog.words import Said
from kiosk import checkout_vouchers as vouchers
from kiosk.checkout_basket import pack_line, pack_problem, sellable_problem
from kiosk.checkout_events import BarcodeScanned, VoucherScanned
from kiosk.checkout_model import (
    CheckoutModel,
    Result,
    camera_counts,
    ignore,
    reprice,
    settle,
    shopper_may_add,
)
from kiosk.price_labels import LabelRefused
from kiosk.pricing import format_money

NOT_A_PRODUCT = "This barcode is not one of the store's products. Please press Help."
MAX_SCANNED = 20  # of one product: a scanner left pointing at it, not a sale


def on_scanned(model: CheckoutModel, event: BarcodeScanned) -> Result:
    if not shopper_may_add(model):
        return ignore(model, event, f"barcodes are read while shopping, not {model.state}")
    code = event.code.strip()
    labels = model.config.labels
    if labels is not None:
        code = labels.fitted(code)
    if labels is not None and labels.sells(code):  # a label without its price or weight
        return add_packs(model, code, 1, scanned=True)
    product = model.book.by_barcode(code)
    if product is None:
        if labels is not None and labels.layout_of(code) is not None:
            return add_packs(model, code, 1, scanned=True)
        rules = model.config.vouchers
        if rules is not None and rules.fits(code):
            return vouchers.on_scanned(model, VoucherScanned(code))
        return replace(model, shopper_touched_at=model.now, message=NOT_A_PRODUCT), ()
    model = replace(model, shopper_touched_at=model.now)
    if sellable_problem(product) is not None:
        said = Said("{name} cannot be sold just now. Please press Help.", name=product.name)
        return replace(model, message=said), ()
    return add_scans(model, product.sku, 1)


def add_scans(model: CheckoutModel, sku: str, change: int) -> Result:
    """One more (``change`` 1) or one fewer (-1) of a scanned product, and what the shopper
    is told: the basket's line grew, or the camera counts that many already."""
    product = model.book.products[sku]
    scans = dict(model.scanned_items)
    before = _quantity(model, sku)
    quantity = min(MAX_SCANNED, max(0, scans.get(sku, 0) + change))
    if change > 0 and quantity <= before:
        # The camera counts at least this many: a scan adds nothing and is not kept (taking
        # the item off the counter later must still take it out of the basket).
        quantity = scans.get(sku, 0)
    scans[sku] = quantity
    kept = tuple(sorted((s, n) for s, n in scans.items() if n > 0))
    model = settle(reprice(replace(model, scanned_items=kept, shopper_touched_at=model.now)))
    after = _quantity(model, sku)
    if change < 0:
        return replace(model, message=""), ()
    if after > before:
        return replace(model, message=Said("Added: {name}.", name=product.name)), ()
    said = Said("{name} is in your basket already: the camera counts it.", name=product.name)
    return replace(model, message=said), ()


def add_packs(model: CheckoutModel, code: str, change: int, scanned: bool = False) -> Result:
    """One more (``change`` 1: scanned, or + on the screen) or one fewer (-1) pack of the
    label ``code``, and what the shopper is told. A pack ``scanned`` is the newest (the one
    staff take out first); + on the screen leaves the rows where the shopper's finger is."""
    model = replace(model, shopper_touched_at=model.now)
    rules = model.config.labels
    if rules is None:
        return replace(model, message=NOT_A_PRODUCT), ()
    try:
        label = rules.read(code)
    except LabelRefused as exc:
        return replace(model, message=exc.said), ()
    product = model.book.by_barcode(label.base)
    if product is None:
        said = Said("This label's product ({number}) is not in the store's catalog. Please "
                    "press Help.", number=label.base)  # fmt: skip
        return replace(model, message=said), ()
    if change > 0 and pack_problem(product, label) is not None:
        said = Said("{name} cannot be sold just now. Please press Help.", name=product.name)
        return replace(model, message=said), ()
    line = pack_line(product, label, 1, model.config.rules.currency)
    if change > 0 and line.unit_cents > rules.max_cents:
        said = Said("Packs worth this much are sold by staff. Please press Help.")
        return replace(model, message=said), ()
    packs = dict(model.packs)
    count = min(MAX_SCANNED, max(0, packs.get(code, 0) + change))
    if change > 0 and count == packs.get(code, 0):  # a scanner left pointing at one pack
        said = Said("That is {count} packs with this label already. Please press Help.",
                    count=count)  # fmt: skip
        return replace(model, message=said), ()
    if scanned:
        packs.pop(code, None)  # to the end: scanned last
    packs[code] = count
    kept = tuple((c, n) for c, n in packs.items() if n > 0)  # in scan order
    model = settle(reprice(replace(model, packs=kept)))
    if change < 0:
        return replace(model, message=""), ()
    price = format_money(line.unit_cents, model.config.rules.currency)
    return replace(model, message=Said("Added: {name}, {price}.", name=line.name, price=price)), ()


def scanned_past_camera(model: CheckoutModel) -> tuple[str, ...]:
    """The scans the camera did not count, in words ("scanned 1 × Birthday card (2002)"):
    the counter's picture at Pay shows products the model should learn."""
    seen = camera_counts(model)
    said = []
    for sku, scans in model.scanned_items:
        product = model.book.products.get(sku)
        if product is not None and scans > seen[sku]:
            said.append(f"scanned {scans - seen[sku]} × {product.name} ({sku})")
    return tuple(said)


def _quantity(model: CheckoutModel, sku: str) -> int:
    return sum(line.quantity for line in model.basket.lines if line.sku == sku)
