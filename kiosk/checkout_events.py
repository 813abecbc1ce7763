"""What can happen to a checkout (events) and what the checkout asks the world to do (effects).

The state machine is a pure function ``(model, event) -> (model, effects)``; the
:class:`kiosk.checkout.Checkout` object performs the effects (database, terminal, files)
and feeds their answers back as events. Every ``t`` is seconds on one clock, whichever
clock the caller chose (video time in a replay, ``time.monotonic()`` at the kiosk).
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.models import SaleDraft
from kiosk.checkout_values import Box
from kiosk.detections import Detections
from kiosk.payment import PaymentOutcome, PaymentResult
from kiosk.printer import ReceiptPrinted

__all__ = [
    "Audit",
    "CancelPayment",
    "CancelPressed",
    "CaptureCounter",
    "CatalogChanged",
    "CounterCleared",
    "Effect",
    "Event",
    "FrameSeen",
    "HelpDone",
    "HelpPressed",
    "Ignored",
    "PayPressed",
    "PaymentOutcome",
    "PaymentResult",
    "PinRejected",
    "PollPayment",
    "PollPrinter",
    "PrintPressed",
    "PrintReceipt",
    "ReceiptPrinted",
    "RecordSale",
    "SaleFailed",
    "SaleRecorded",
    "StaffAddLine",
    "StaffApprove",
    "StaffPin",
    "StaffRemoveLine",
    "StaffSignedIn",
    "StaffVoid",
    "StartPayment",
    "Tick",
    "VerifyPin",
]


# Events from the camera pipeline and the clock


@dataclass(frozen=True)
class FrameSeen:
    """The detector's result for one frame taken at time ``t``."""

    detections: Detections
    t: float
    frame_index: int = -1
    unrecognised: tuple[Box, ...] = ()  # things on the counter no detection names


@dataclass(frozen=True)
class Tick:
    """Time passes (drives payment polling, timeouts); send a few per second."""

    t: float


@dataclass(frozen=True)
class CounterCleared:
    """The counter is known to be empty (e.g. a staff button); ends a receipt at once."""


@dataclass(frozen=True)
class CatalogChanged:
    """Prices or products changed; carries the new :class:`kiosk.pricing.PriceBook`."""

    book: object


# Events from the shopper


@dataclass(frozen=True)
class PayPressed:
    """The shopper pressed Pay. ``sale_key`` (UUID) is filled in by ``Checkout.handle``."""

    sale_key: str = ""


@dataclass(frozen=True)
class HelpPressed:
    """The shopper asked for staff."""


@dataclass(frozen=True)
class ShopperAdd:
    """The shopper added (``change`` 1) or took back (-1) one of a product sold on the
    screen, not seen by the camera: a carrier bag (``Product.shopper_adds``)."""

    sku: str
    change: int = 1


@dataclass(frozen=True)
class BarcodeScanned:
    """A barcode scanner read a number while shopping: a product's barcode (one the camera
    cannot tell yet) or a bottle voucher's."""

    code: str


@dataclass(frozen=True)
class VoucherScanned:
    """The shopper handed in a bottle voucher: its number from the scanner or the keypad."""

    code: str


@dataclass(frozen=True)
class VoucherRemoved:
    """The shopper (or staff) took a bottle voucher back out of the basket."""

    code: str


@dataclass(frozen=True)
class VoucherChecked:
    """The ledger's answer on a voucher: ``receipt_no`` of the sale that already redeemed
    it ("" if none); ``in_payment`` the kiosk whose payment under way takes it ("" if none);
    ``problem`` when the ledger could not be read."""

    code: str
    amount_cents: int
    receipt_no: str = ""
    problem: str = ""
    in_payment: str = ""


@dataclass(frozen=True)
class PrintPressed:
    """The shopper asks for a paper receipt (receipt screen, ``printer.mode = "ask"``)."""


@dataclass(frozen=True)
class CancelPressed:
    """The shopper cancelled (payment, or the help request)."""


# Events from staff (all but StaffPin need a signed-in staff member)


@dataclass(frozen=True)
class StaffPin:
    """A staff member typed a PIN; the checkout verifies it (effect :class:`VerifyPin`)."""

    pin: str


@dataclass(frozen=True)
class StaffAddLine:
    """Staff add ``quantity`` of product ``sku`` by hand (an item the camera cannot see)."""

    sku: str
    quantity: int = 1


@dataclass(frozen=True)
class StaffRemoveLine:
    """Staff remove ``quantity`` (``None``: all) of ``sku`` from the basket."""

    sku: str
    quantity: int | None = None


@dataclass(frozen=True)
class StaffVoid:
    """Staff cancel the whole basket; the kiosk waits for the counter to be cleared."""


@dataclass(frozen=True)
class StaffApprove:
    """Staff approve the age check and accept the doubts shown right now."""


@dataclass(frozen=True)
class HelpDone:
    """Staff finished helping; the checkout signs them out and carries on."""


# Answers to effects, fed back by the Checkout object


@dataclass(frozen=True)
class StaffSignedIn:
    """The PIN belonged to ``name``."""

    name: str
    role: str = "staff"


@dataclass(frozen=True)
class PinRejected:
    """The PIN was wrong or the staff login is locked; ``message`` says which."""

    message: str


@dataclass(frozen=True)
class SaleRecorded:
    """The ledger saved the sale (and the receipt file was written to ``path``)."""

    receipt_no: str
    sale_id: int
    created_at: str = ""
    path: str | None = None
    phone_text: str = ""  # the receipt for a code on the screen ("" none)


@dataclass(frozen=True)
class SaleFailed:
    """Saving the paid sale failed; the checkout retries with the same key."""

    message: str


Event = (
    FrameSeen
    | Tick
    | CounterCleared
    | CatalogChanged
    | PayPressed
    | HelpPressed
    | ShopperAdd
    | VoucherScanned
    | BarcodeScanned
    | VoucherRemoved
    | VoucherChecked
    | CancelPressed
    | StaffPin
    | StaffAddLine
    | StaffRemoveLine
    | StaffVoid
    | StaffApprove
    | HelpDone
    | StaffSignedIn
    | PinRejected
    | PaymentResult
    | SaleRecorded
    | SaleFailed
    | PrintPressed
    | ReceiptPrinted
)


# Effects: what the pure machine asks the Checkout object to do


@dataclass(frozen=True)
class StartPayment:
    """Start the terminal for ``amount_cents``; ``sale_key`` is the sale's idempotency key."""

    sale_key: str
    amount_cents: int
    currency: str


@dataclass(frozen=True)
class PollPayment:
    """Ask the terminal whether the running payment has ended."""


@dataclass(frozen=True)
class CancelPayment:
    """Abort the running payment."""


@dataclass(frozen=True)
class VerifyPin:
    """Check a staff PIN; answer with :class:`StaffSignedIn` or :class:`PinRejected`."""

    pin: str


@dataclass(frozen=True)
class RecordSale:
    """Save the paid sale (idempotent on ``draft.idempotency_key``) and write the receipt."""

    draft: SaleDraft


@dataclass(frozen=True)
class Audit:
    """Record a staff override in the audit log (``old``/``new`` are JSON-able values)."""

    actor: str
    action: str
    entity: str
    old: object
    new: object


@dataclass(frozen=True)
class PrintReceipt:
    """Print the saved sale's receipt; the printer answers with :class:`ReceiptPrinted`."""

    sale_id: int


@dataclass(frozen=True)
class PollPrinter:
    """Ask the printer whether the running print has ended."""


@dataclass(frozen=True)
class CaptureCounter:
    """Staff corrected what the camera read: keep the counter's picture for retraining.

    Quantities are per product: ``read`` is what the detector's stable reading came to
    (unknown labels as ``"?label"``), ``corrected`` the basket after every correction so
    far (items seen plus items staff added). ``products`` names each sku in either, with
    its detector labels; ``corrections`` are the overrides in plain words; ``doubts`` the
    unsure items shown as (kind, label).
    """

    staff: str
    kiosk_id: str
    read: tuple[tuple[str, int], ...]
    corrected: tuple[tuple[str, int], ...]
    products: tuple[tuple[str, str, tuple[str, ...]], ...]
    corrections: tuple[str, ...]
    doubts: tuple[tuple[str, str], ...] = ()
    # A shopper's scans at Pay (products the camera did not count), not a Help visit's
    # corrections: a capture of its own, never revised by staff's.
    scanned: bool = False


@dataclass(frozen=True)
class CheckVoucher:
    """Ask the ledger whether a voucher was redeemed before (answered by VoucherChecked)."""

    code: str
    amount_cents: int


@dataclass(frozen=True)
class Ignored:
    """An event that makes no sense in this state; logged, never raised."""

    event: str
    state: str
    reason: str


Effect = (
    StartPayment
    | PollPayment
    | CancelPayment
    | VerifyPin
    | RecordSale
    | Audit
    | CaptureCounter
    | PrintReceipt
    | PollPrinter
    | CheckVoucher
    | Ignored
)
