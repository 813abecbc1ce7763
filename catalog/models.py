"""Values the catalog stores and returns. Money is always integer minor units (cents)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

LineKind = Literal["item", "promotion", "manual", "deposit", "voucher"]
# The sale lines that sell a product (seen on the counter, or added by staff); offers and
# deposits go with them.
PRODUCT_KINDS: tuple[LineKind, ...] = ("item", "manual")


@dataclass(frozen=True)
class Product:
    """A product the kiosk can sell. ``tax_rate_bp`` is basis points: 2000 means 20 %."""

    sku: str
    name: str
    price_cents: int
    tax_rate_bp: int
    age_restricted: bool = False
    active: bool = True
    sold_loose: bool = False
    image: str | None = None
    labels: tuple[str, ...] = ()
    shopper_adds: bool = False  # added by the shopper on the screen, not seen: carrier bags
    deposit_cents: int = 0  # charged with each one and given back with it (bottles, cans)
    barcode: str = ""  # its GTIN ("" none): a shopper scans it when the camera cannot tell it


@dataclass(frozen=True)
class Promotion:
    """A multi-buy offer on one product.

    ``"3 for 2"`` is ``buy_qty=3, pay_qty=2``; ``"2 for 5.00"`` is
    ``buy_qty=2, bundle_cents=500``. Exactly one of ``pay_qty`` / ``bundle_cents`` is set.
    It runs from ``starts_on`` to ``ends_on`` (store dates, ``YYYY-MM-DD``, both included;
    None: open), while ``active``.
    """

    sku: str
    name: str
    buy_qty: int
    pay_qty: int | None = None
    bundle_cents: int | None = None
    active: bool = True
    id: int | None = None
    starts_on: str | None = None
    ends_on: str | None = None

    def runs_on(self, day: date) -> bool:
        """Whether the offer applies on the store's date ``day``."""
        iso = day.isoformat()
        return (self.starts_on is None or self.starts_on <= iso) and (
            self.ends_on is None or iso <= self.ends_on
        )

    def stage_on(self, day: date) -> Literal["running", "not yet", "over"]:
        """Where the offer's days stand on the store's date ``day``."""
        if self.runs_on(day):
            return "running"
        if self.starts_on is not None and day.isoformat() < self.starts_on:
            return "not yet"
        return "over"


def deal_name(buy_qty: int, pay_qty: int | None, bundle_text: str) -> str:
    """An offer's default receipt text: "3 for 2", or "2 for 3.00" (``bundle_text``)."""
    return f"{buy_qty} for {pay_qty}" if pay_qty is not None else f"{buy_qty} for {bundle_text}"


@dataclass(frozen=True)
class SaleLine:
    """One line of a sale as printed on the receipt; copied, never referenced, at sale time.

    Promotion lines have ``kind="promotion"`` and a negative ``line_cents``. Deposit lines
    (``kind="deposit"``) charge the deposit of the item line of the same sku before them.
    Voucher lines (``kind="voucher"``) take a bottle voucher off: ``sku`` is its number,
    ``line_cents`` minus its amount.
    ``tax_cents`` is the tax attributed to this line (may be 0 when tax is per sale).
    """

    sku: str
    name: str
    quantity: int
    unit_cents: int
    line_cents: int
    tax_rate_bp: int
    tax_cents: int = 0
    kind: LineKind = "item"


@dataclass(frozen=True)
class SaleDraft:
    """What the checkout asks the ledger to record. ``idempotency_key`` is a UUID string.

    Invariants checked by the ledger: ``subtotal_cents == sum(line_cents)`` and
    ``total_cents == subtotal_cents + (0 if tax_inclusive else tax_cents)``.
    """

    idempotency_key: str
    lines: tuple[SaleLine, ...]
    subtotal_cents: int
    tax_cents: int
    total_cents: int
    currency: str
    tax_inclusive: bool
    payment_method: str = "card"
    payment_ref: str = ""
    approved_by: str | None = None
    overrides: tuple[str, ...] = ()
    kiosk_id: str = "kiosk-1"


@dataclass(frozen=True)
class Sale:
    """A sale as stored in the ledger."""

    id: int
    receipt_no: str
    created_at: str
    draft: SaleDraft
    lines: tuple[SaleLine, ...] = field(default=())


@dataclass(frozen=True)
class StaffMember:
    """A staff account as the kiosk sees it; the PIN hash never leaves the catalog."""

    id: int
    name: str
    role: Literal["cashier", "supervisor", "manager"]
    active: bool = True


@dataclass(frozen=True)
class AuditEntry:
    """One catalog change: who, when (UTC ISO), what, and the values before and after."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    old: object = None
    new: object = None


@dataclass(frozen=True)
class ProductSales:
    """How much of one product sold in a period (item lines only, before promotions)."""

    sku: str
    name: str
    quantity: int
    total_cents: int


@dataclass(frozen=True)
class RefundLine:
    """Money given back for ``quantity`` of one product: ``amount_cents`` includes its tax."""

    sku: str
    name: str
    quantity: int
    amount_cents: int
    tax_rate_bp: int
    tax_cents: int


@dataclass(frozen=True)
class Refund:
    """A refund as stored: against sale ``sale_id`` (receipt ``receipt_no``), never changed."""

    id: int
    refund_no: str
    sale_id: int
    receipt_no: str
    created_at: str
    kiosk_id: str
    staff: str
    reason: str
    method: str
    payment_ref: str
    currency: str
    amount_cents: int
    tax_cents: int
    lines: tuple[RefundLine, ...] = ()
    # as the sale's prices were: with tax in them, or tax added on top (its lines' amounts
    # are what went back, tax included, either way)
    tax_inclusive: bool = True


@dataclass(frozen=True)
class TaxBand:
    """One tax rate's share of a sale or a day: ``net + tax == gross``."""

    rate_bp: int
    net_cents: int
    tax_cents: int
    gross_cents: int


@dataclass(frozen=True)
class SalesSummary:
    """A day's takings: number of sales, totals, sales per product and tax per rate."""

    day: str
    sale_count: int
    total_cents: int
    tax_cents: int
    discount_cents: int
    per_product: tuple[ProductSales, ...] = ()
    tax_bands: tuple[TaxBand, ...] = ()  # net of refunds: what a VAT return asks for
    refund_count: int = 0
    refunded_cents: int = 0
    deposit_cents: int = 0  # deposits charged (in the total): owed back for returned empties
    voucher_count: int = 0  # bottle vouchers taken off sales
    voucher_cents: int = 0  # what they took off (the total is net of it)

    @property
    def net_cents(self) -> int:
        """Takings after refunds."""
        return self.total_cents - self.refunded_cents
