"""Values the checkout engine hands to the screen: immutable, Qt-free, cheap to compare.

The UI draws a :class:`CheckoutView` and nothing else: the state, the priced basket
(:class:`BasketSnapshot`), why payment is blocked, and the receipt once the sale is saved.
Money is integer minor units (cents); format it with :func:`kiosk.pricing.format_money`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Literal

Box = tuple[float, float, float, float]
"""A region ``(x1, y1, x2, y2)`` in source-image pixels, like :class:`Detections.xyxy`."""


class CheckoutState(str, Enum):
    """Where the shopper is in the checkout; the screen shown follows from it."""

    WELCOME = "welcome"  # counter empty, waiting for items
    SCANNING = "scanning"  # items seen, basket not settled yet: Pay disabled
    READY = "ready"  # basket settled, nothing in doubt: Pay enabled
    BLOCKED = "blocked"  # settled but something needs the shopper or staff (see block_reasons)
    HELP = "help"  # shopper asked for staff; staff signs in with a PIN to override
    PAYING = "paying"  # payment terminal busy; a counter change cancels it
    RECEIPT = "receipt"  # sale saved once; back to WELCOME when the counter is cleared


class DoubtKind(str, Enum):
    """Why the kiosk will not guess a charge for something on the counter."""

    LOW_CONFIDENCE = "low_confidence"  # seen, but the detector is unsure what it is
    UNKNOWN_LABEL = "unknown_label"  # recognised, but no product in the catalog has the label
    OVERLAP = "overlap"  # boxes of different products on top of each other
    INACTIVE_PRODUCT = "inactive_product"  # the product exists but is not on sale
    NO_PRICE = "no_price"  # the product has no usable price
    UNRECOGNISED = "unrecognised"  # something lies on the counter that no detection names


@dataclass(frozen=True)
class Doubt:
    """Something on the counter that blocks payment until it is resolved.

    ``region`` is where to draw the warning outline (``None`` when there is no single
    place, e.g. an inactive product seen earlier). ``message`` is plain shopper text.
    """

    kind: DoubtKind
    label: str
    region: Box | None
    message: str
    score: float = 0.0

    @property
    def key(self) -> tuple[str, str]:
        """Identity that survives frame-to-frame box jitter; staff accept doubts by key."""
        return (self.kind.value, self.label)


@dataclass(frozen=True)
class ItemBox:
    """A recognised item in the newest frame, for drawing its box and name."""

    label: str
    name: str
    region: Box
    score: float


LineKind = Literal["item", "manual"]


@dataclass(frozen=True)
class BasketLine:
    """One product line: ``quantity`` × ``unit_cents`` = ``line_cents`` (before promotions).

    ``kind`` is ``"item"`` for items seen on the counter and ``"manual"`` for items staff
    added by hand. ``tax_cents`` is the tax attributed to this line (0 when tax is rounded
    per sale). ``label`` is the detector label ("" for manual lines). ``image`` is the
    product's picture in the picture folder ("" when it has none).
    """

    sku: str
    label: str
    name: str
    quantity: int
    unit_cents: int
    line_cents: int
    tax_rate_bp: int
    age_restricted: bool = False
    tax_cents: int = 0
    kind: LineKind = "item"
    image: str = ""
    deposit_cents: int = 0  # the product's deposit on each one (its own DepositLine)
    # A pack priced by its scale's label (:mod:`kiosk.price_labels`): the label's number. Its
    # price is the label's, so no offer or deposit counts it with the product's other lines.
    code: str = ""


@dataclass(frozen=True)
class DepositLine:
    """The deposit on one product's bottles or cans: ``quantity`` × ``unit_cents``, taxed at
    the product's rate, shown and recorded after the product's line(s)."""

    sku: str
    name: str  # the product's
    quantity: int
    unit_cents: int
    line_cents: int
    tax_rate_bp: int
    tax_cents: int = 0


@dataclass(frozen=True)
class VoucherLine:
    """A bottle voucher handed in: ``line_cents`` is minus its amount, taxed at the store's
    voucher rate; ``code`` is its number (the ledger keeps it, so it is redeemed once)."""

    code: str
    name: str
    line_cents: int
    tax_rate_bp: int
    tax_cents: int = 0

    @property
    def sku(self) -> str:  # the sale line's sku is the voucher's number
        return self.code


@dataclass(frozen=True)
class PromotionLine:
    """A multi-buy discount shown as its own line; ``line_cents`` is negative.

    ``times`` is how often the offer applied (e.g. 6 cans with "3 for 2" -> 2).
    """

    sku: str
    name: str
    times: int
    line_cents: int
    tax_rate_bp: int
    tax_cents: int = 0
    promotion_id: int | None = None


@dataclass(frozen=True)
class ShopperChoice:
    """A product the shopper adds on the screen (a carrier bag), and how many are in."""

    sku: str
    name: str
    unit_cents: int
    currency: str
    quantity: int = 0
    image: str = ""  # the product's picture ("" when it has none)


@dataclass(frozen=True)
class BasketSnapshot:
    """The priced basket at one moment, as the shopper should see it.

    ``subtotal_cents`` is the sum of all line, deposit, promotion and voucher ``line_cents``. With
    ``tax_inclusive`` prices ``total_cents == subtotal_cents`` and ``tax_cents`` is the tax
    contained in it; otherwise ``total_cents == subtotal_cents + tax_cents``.
    ``settled`` is False while the tracker is still making up its mind (Pay disabled).
    ``empty`` means no lines, no doubts and no vouchers (the counter is clear).
    """

    lines: tuple[BasketLine, ...] = ()
    promotions: tuple[PromotionLine, ...] = ()
    deposits: tuple[DepositLine, ...] = ()
    vouchers: tuple[VoucherLine, ...] = ()
    subtotal_cents: int = 0
    tax_cents: int = 0
    total_cents: int = 0
    currency: str = "EUR"
    tax_inclusive: bool = True
    doubts: tuple[Doubt, ...] = ()
    items: tuple[ItemBox, ...] = ()
    settled: bool = True
    empty: bool = True
    frame_index: int = -1
    t: float = 0.0

    @property
    def item_count(self) -> int:
        """Number of articles (sum of line quantities)."""
        return sum(line.quantity for line in self.lines)

    @property
    def age_restricted(self) -> tuple[BasketLine, ...]:
        """Lines that need a staff age check."""
        return tuple(line for line in self.lines if line.age_restricted)

    @cached_property  # the screen asks for it cell by cell
    def rows(self) -> tuple[BasketLine | DepositLine | PromotionLine | VoucherLine, ...]:
        """Every line in the order the screen and the receipt show them: each product's
        line(s), its deposit right after them, then the offers, then the vouchers."""
        return (*in_receipt_order(self.lines, self.deposits), *self.promotions, *self.vouchers)


def in_receipt_order(
    lines: tuple[BasketLine, ...], deposits: tuple[DepositLine, ...]
) -> list[BasketLine | DepositLine]:
    """``lines`` with each sku's deposit after its last line."""
    last = {line.sku: index for index, line in enumerate(lines)}
    owed = {deposit.sku: deposit for deposit in deposits}
    ordered: list[BasketLine | DepositLine] = []
    for index, line in enumerate(lines):
        ordered.append(line)
        if last[line.sku] == index and line.sku in owed:
            ordered.append(owed[line.sku])
    return ordered


@dataclass(frozen=True)
class ReceiptInfo:
    """The saved sale, for the receipt screen."""

    receipt_no: str
    sale_id: int
    total_cents: int
    currency: str
    created_at: str = ""
    path: str | None = None  # receipt file written under settings.paths.receipts_dir
    phone_text: str = ""  # the receipt as a QR code on the screen shows it ("" no code)


@dataclass(frozen=True)
class CheckoutView:
    """Everything the screen needs to draw one moment of the checkout.

    ``block_reasons`` are plain sentences for the shopper, one per reason payment is
    blocked. ``needs_approval`` is True while age-restricted items wait for a staff PIN.
    ``staff`` is the signed-in staff member's name during HELP (None otherwise).
    ``can_pay`` is exactly when a Pay press starts a payment. ``message`` is the one-line
    status or instruction to show (empty when there is nothing to say).
    """

    state: CheckoutState
    basket: BasketSnapshot = field(default_factory=BasketSnapshot)
    block_reasons: tuple[str, ...] = ()
    needs_approval: bool = False
    approved_by: str | None = None
    staff: str | None = None
    can_pay: bool = False
    receipt: ReceiptInfo | None = None
    message: str = ""
    overrides: tuple[str, ...] = ()
    print_state: str = ""  # the paper receipt: "", printing, printed or failed
    can_print: bool = False  # the receipt screen offers a "Print receipt" button
    staff_must_end_help: bool = False  # a payment is unconfirmed: no "Cancel help" for shoppers
    unconfirmed_key: str | None = None  # that payment's sale key, for staff to look up
    shopper_choices: tuple[ShopperChoice, ...] = ()  # offered on the screen while shopping
    takes_vouchers: bool = False  # the shopper may hand in a bottle voucher now
    takes_barcodes: bool = False  # a scanned barcode is read now (a product's or a voucher's)
