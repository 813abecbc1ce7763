"""The checkout state machine: ``transition(model, event) -> (model, effects)``, pure.

No clock, no database, no terminal here: time arrives in events, and whatever must touch
the world is returned as an effect for :class:`kiosk.checkout.Checkout` to perform. An
event that makes no sense in the current state changes nothing and yields one
:class:`~kiosk.checkout_events.Ignored` effect (which the Checkout logs); nothing raises.
Staff overrides live in :mod:`kiosk.checkout_staff`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from catalog.models import SaleDraft, SaleLine
from catalog.words import Said
from kiosk import checkout_barcodes as barcodes
from kiosk import checkout_printing as printing
from kiosk import checkout_staff as staff
from kiosk import checkout_vouchers as vouchers
from kiosk.basket import observe
from kiosk.checkout_basket import scanned_product, shopper_product, unnamed_thing
from kiosk.checkout_events import (
    BarcodeScanned,
    CancelPayment,
    CancelPressed,
    CatalogChanged,
    CounterCleared,
    Event,
    FrameSeen,
    HelpDone,
    HelpPressed,
    PaymentOutcome,
    PaymentResult,
    PayPressed,
    PinRejected,
    PollPayment,
    PrintPressed,
    ReceiptPrinted,
    RecordSale,
    SaleFailed,
    SaleRecorded,
    ShopperAdd,
    StaffAddLine,
    StaffApprove,
    StaffPin,
    StaffRemoveLine,
    StaffSignedIn,
    StaffVoid,
    StartPayment,
    Tick,
    VoucherChecked,
    VoucherRemoved,
    VoucherScanned,
)
from kiosk.checkout_model import (
    PACK_CHOICE,
    TAKE_ITEMS,
    CheckoutModel,
    Result,
    block_reasons,
    can_pay,
    count_doubts,
    fresh_session,
    ignore,
    reprice,
    settle,
    shopper_may_add,
)
from kiosk.checkout_values import (
    BasketSnapshot,
    CheckoutState,
    DepositLine,
    ReceiptInfo,
    in_receipt_order,
)
from kiosk.pricing import PriceBook, PricedBasket

S = CheckoutState
SHOPPING = (S.WELCOME, S.SCANNING, S.READY, S.BLOCKED)

COUNTER_CHANGED = "The items on the counter changed, so payment was cancelled. Please check."
THANK_YOU = "Thank you! Please take your items and your receipt."
HELP_ON_THE_WAY = "A member of staff is on the way."
UNCONFIRMED = "We could not confirm your payment. Please wait here: staff will check it."
# The counter watch marks a thing about 1.5 s after the hand leaves it (1 s lying still, then
# the basket's settling); a thing marked this soon after Pay was put down before it.
THINGS_BEFORE_PAY_SECONDS = 1.5


def on_frame(model: CheckoutModel, event: FrameSeen) -> Result:
    cfg = model.config.tracker
    tracker = observe(
        model.tracker, event.detections, event.t, event.frame_index, cfg, event.unrecognised
    )
    model = replace(model, now=event.t, tracker=tracker)
    if model.state is S.RECEIPT:
        return _after_receipt(model), ()
    if model.state is S.PAYING:
        return _frame_while_paying(model)
    model = reprice(model)
    if model.awaiting_clear and model.tracked.empty:
        model = replace(model, awaiting_clear=False, message="")
    if model.state is S.HELP:
        return model, ()
    return settle(model), ()


def _after_receipt(model: CheckoutModel) -> CheckoutModel:
    """The receipt screen stays until the paid items are taken; after a sale of screen items
    only, until it times out or the next shopper's items arrive (they are not told to take
    them away)."""
    if model.paid_on_counter:
        return _welcome(model) if model.tracked.empty else model
    if not model.tracked.counts:
        return model
    welcome = replace(_welcome(model), awaiting_clear=False, message="")
    return settle(welcome)


def _welcome(model: CheckoutModel) -> CheckoutModel:
    clear = model.tracked.empty
    # Priced after forgetting the shopper: their screen items and corrections leave with them.
    model = reprice(fresh_session(model, paying_basket=None, awaiting_clear=not clear))
    return replace(model, state=S.WELCOME, message="" if clear else TAKE_ITEMS)


def _charged(basket: BasketSnapshot, things: bool = True) -> tuple[object, ...]:
    """What a payment is for: quantities per line and the doubts, not prices or boxes.
    ``things``: with the things the camera cannot name; without them once paying has gone on
    long enough that a new one was put down after Pay (a wallet to take a card out of)."""
    lines = tuple((x.sku, x.kind, x.quantity, x.code) for x in basket.lines)
    doubts = basket.doubts
    if not things:
        doubts = tuple(d for d in doubts if not unnamed_thing(d))
    return (lines, count_doubts(doubts))


def _frame_while_paying(model: CheckoutModel) -> Result:
    charging = model.paying_basket
    if model.payment is not None or model.cancel_requested or charging is None:
        return model, ()  # paid (saving) or already cancelling: the counter no longer matters
    model = reprice(model)
    things = model.now - model.paying_since < THINGS_BEFORE_PAY_SECONDS
    if model.basket.settled and _charged(model.basket, things) != _charged(charging, things):
        return replace(model, cancel_requested=True, message=COUNTER_CHANGED), (CancelPayment(),)
    return model, ()


def on_tick(model: CheckoutModel, event: Tick) -> Result:
    model = replace(model, now=event.t)
    if model.state is S.PAYING and model.payment is None:
        return model, (PollPayment(),)
    if model.state is S.PAYING and model.retry_at is not None and event.t >= model.retry_at:
        return replace(model, retry_at=None), (RecordSale(sale_draft(model)),)
    if _left_with_screen_items_only(model):
        return _welcome(model), ()
    if _stale_welcome_note(model):
        return replace(model, message=""), ()
    timeout = model.config.receipt_timeout_seconds
    receipt_over = model.state is S.RECEIPT and event.t - model.receipt_since >= timeout
    if receipt_over and not printing.holds_receipt_screen(model):
        return _welcome(model), ()
    return model, printing.polls(model)


def _left_with_screen_items_only(model: CheckoutModel) -> bool:
    """A bag added on the screen or a voucher handed in, the counter empty, nothing touched
    for a while (the voucher stays valid: only a recorded sale redeems it)."""
    idle = model.now - model.shopper_touched_at >= model.config.shopper_idle_seconds
    shopping = model.state in (S.SCANNING, S.READY, S.BLOCKED)
    screen_only = bool(model.shopper_items or model.scanned_items or model.packs or model.vouchers)
    return shopping and screen_only and model.tracked.empty and idle


WELCOME_NOTE_SECONDS = 8.0  # a voucher refused on the empty counter: not for the next shopper


def _stale_welcome_note(model: CheckoutModel) -> bool:
    """A note on the welcome screen (a voucher refused before any item) nobody acted on."""
    idle = model.now - model.shopper_touched_at >= WELCOME_NOTE_SECONDS
    return model.state is S.WELCOME and bool(model.message) and not model.awaiting_clear and idle


def on_counter_cleared(model: CheckoutModel, event: CounterCleared) -> Result:
    if model.state is S.RECEIPT or (model.state is S.WELCOME and model.awaiting_clear):
        model = replace(model, awaiting_clear=False)
        return replace(_welcome(model), awaiting_clear=False, message=""), ()
    return ignore(model, event, "only a finished sale waits for the counter to be cleared")


def on_catalog(model: CheckoutModel, event: CatalogChanged) -> Result:
    if not isinstance(event.book, PriceBook):
        return ignore(model, event, "not a PriceBook")
    model = replace(model, book=event.book)
    if model.state in SHOPPING:
        return settle(reprice(model)), ()
    return model, ()


def on_pay(model: CheckoutModel, event: PayPressed) -> Result:
    if not can_pay(model):
        why = "; ".join(block_reasons(model)) or f"cannot pay in state {model.state.value}"
        return ignore(model, event, why)
    key = model.sale_key or event.sale_key
    if not key:
        return ignore(model, event, "PayPressed needs a sale key (Checkout.handle adds one)")
    basket = model.basket
    # Once a basket (its first Pay): products scanned past the camera, on the counter now.
    missed = barcodes.scanned_past_camera(model) if model.sale_key is None else ()
    capture = (staff.capture_of(model, missed, by="shopper (scanned)"),) if missed else ()
    model = replace(
        model, state=S.PAYING, sale_key=key, paying_basket=basket, cancel_requested=False,
        paying_since=model.now, message="Please follow the instructions on the card terminal.",
    )  # fmt: skip
    return model, (*capture, StartPayment(key, basket.total_cents, basket.currency))


MAX_SHOPPER_QUANTITY = 20  # of one screen-added product: a slip of the finger, not a sale


def on_shopper_add(model: CheckoutModel, event: ShopperAdd) -> Result:
    if not shopper_may_add(model):
        return ignore(model, event, f"items are not added in state {model.state.value}")
    if event.sku in dict(model.scanned_items) and scanned_product(model.book, event.sku):
        return barcodes.add_scans(model, event.sku, event.change)
    code = event.sku.removeprefix(PACK_CHOICE)
    if code != event.sku and code in dict(model.packs):
        return barcodes.add_packs(model, code, event.change)
    if shopper_product(model.book, event.sku) is None:
        return ignore(model, event, f"{event.sku} is not sold on the screen")
    items = dict(model.shopper_items)
    quantity = min(MAX_SHOPPER_QUANTITY, max(0, items.get(event.sku, 0) + event.change))
    if quantity == items.get(event.sku, 0):
        return ignore(model, event, f"{event.sku} stays at {quantity}")
    items[event.sku] = quantity
    kept = tuple(sorted((sku, n) for sku, n in items.items() if n > 0))
    model = replace(model, shopper_items=kept, shopper_touched_at=model.now, message="")
    return settle(reprice(model)), ()


def on_barcode(model: CheckoutModel, event: BarcodeScanned) -> Result:
    product = model.book.by_barcode(event.code.strip())
    if product is not None and shopper_product(model.book, product.sku) is not None:
        return on_shopper_add(model, ShopperAdd(product.sku, 1))  # on the screen: a scan is +
    return barcodes.on_scanned(model, event)


def on_help(model: CheckoutModel, event: HelpPressed) -> Result:
    if model.state not in SHOPPING:
        return ignore(model, event, "help is asked for while shopping")
    return replace(model, state=S.HELP, message=HELP_ON_THE_WAY), ()


def on_cancel(model: CheckoutModel, event: CancelPressed) -> Result:
    if model.state is S.PAYING and model.payment is None and not model.cancel_requested:
        return replace(model, cancel_requested=True, message="Cancelling payment…"), (
            CancelPayment(),
        )
    if model.state is S.HELP and model.unconfirmed is not None:
        # Staff end this help themselves (HelpDone), once they have checked the terminal: the
        # Help button pressed meanwhile, by the shopper or by them, would leave the payment
        # unconfirmed behind a basket that can be paid again.
        return ignore(model, event, "staff must check the unconfirmed payment first")
    if model.state is S.HELP:
        return settle(model, staff=None, message=""), ()
    return ignore(model, event, "nothing to cancel")


def on_payment(model: CheckoutModel, event: PaymentResult) -> Result:
    if model.state is not S.PAYING or model.payment is not None:
        return ignore(model, event, f"no payment running ({event.outcome.value})")
    if event.outcome is PaymentOutcome.APPROVED:
        model = replace(model, payment=event, message="Payment approved. Saving your receipt…")
        return model, (RecordSale(sale_draft(model)),)
    if event.outcome is PaymentOutcome.UNKNOWN:
        # The money may have been taken: staff check the terminal before anyone pays again,
        # and a new Pay gets a new sale key, so this one stays open for them to settle.
        model = replace(
            model, paying_basket=None, cancel_requested=False, sale_key=None,
            unconfirmed=model.sale_key,
        )  # fmt: skip
        return replace(reprice(model), state=S.HELP, message=UNCONFIRMED), ()
    message = COUNTER_CHANGED if model.message == COUNTER_CHANGED else event.message
    model = replace(model, paying_basket=None, cancel_requested=False)
    return settle(reprice(model), message=message or "Payment did not go through."), ()


def on_sale_recorded(model: CheckoutModel, event: SaleRecorded) -> Result:
    if model.state is not S.PAYING or model.payment is None or model.paying_basket is None:
        return ignore(model, event, "no paid sale is waiting to be saved")
    paid = model.paying_basket
    receipt = ReceiptInfo(
        event.receipt_no, event.sale_id, paid.total_cents, paid.currency, event.created_at,
        event.path, event.phone_text,
    )  # fmt: skip
    model = fresh_session(
        model, paying_basket=paid, receipt=receipt, receipt_since=model.now,
        paid_on_counter=not model.tracked.empty,
    )  # fmt: skip
    return printing.after_sale_saved(replace(model, state=S.RECEIPT, message=THANK_YOU))


def on_sale_failed(model: CheckoutModel, event: SaleFailed) -> Result:
    if model.state is not S.PAYING or model.payment is None:
        return ignore(model, event, "no paid sale is waiting to be saved")
    retry_at = model.now + model.config.sale_retry_seconds
    text = Said(
        "Your payment went through; saving the sale is taking longer ({problem}).",
        problem=event.message,
    )
    return replace(model, retry_at=retry_at, message=text), ()


def sale_lines(basket: BasketSnapshot | PricedBasket) -> tuple[SaleLine, ...]:
    """The priced basket as the ledger's sale lines, in the order the screen showed them:
    each product's line(s), its deposit after them, the offers, the vouchers last (their
    number as the sku: the ledger then knows them redeemed)."""
    return tuple(
        SaleLine(x.sku, x.name, x.quantity, x.unit_cents, x.line_cents, x.tax_rate_bp,
                 x.tax_cents, "deposit" if isinstance(x, DepositLine) else x.kind)
        for x in in_receipt_order(basket.lines, basket.deposits)
    ) + tuple(
        SaleLine(p.sku, p.name, p.times, p.line_cents // p.times, p.line_cents, p.tax_rate_bp,
                 p.tax_cents, "promotion")
        for p in basket.promotions
    ) + tuple(
        SaleLine(v.code, v.name, 1, v.line_cents, v.line_cents, v.tax_rate_bp, v.tax_cents,
                 "voucher")
        for v in basket.vouchers
    )  # fmt: skip


def sale_draft(model: CheckoutModel, payment: PaymentResult | None = None) -> SaleDraft:
    """The sale to record: the basket that was paid for, with approvals and overrides.

    ``payment`` defaults to the model's approved payment; before the terminal has answered
    (the payment intent) a placeholder card payment without reference stands in.
    """
    basket = model.paying_basket
    payment = payment or model.payment or PaymentResult(PaymentOutcome.APPROVED)
    assert basket is not None and model.sale_key
    return SaleDraft(
        idempotency_key=model.sale_key,
        lines=sale_lines(basket),
        subtotal_cents=basket.subtotal_cents,
        tax_cents=basket.tax_cents,
        total_cents=basket.total_cents,
        currency=basket.currency,
        tax_inclusive=basket.tax_inclusive,
        payment_method=payment.method,
        payment_ref=payment.reference,
        approved_by=model.approved_by,
        overrides=model.overrides,
        kiosk_id=model.config.kiosk_id,
    )


HANDLERS: dict[type, Callable[[CheckoutModel, Any], Result]] = {
    FrameSeen: on_frame,
    Tick: on_tick,
    CounterCleared: on_counter_cleared,
    CatalogChanged: on_catalog,
    PayPressed: on_pay,
    HelpPressed: on_help,
    ShopperAdd: on_shopper_add,
    VoucherScanned: vouchers.on_scanned,
    BarcodeScanned: on_barcode,
    VoucherChecked: vouchers.on_checked,
    VoucherRemoved: vouchers.on_removed,
    CancelPressed: on_cancel,
    PaymentResult: on_payment,
    SaleRecorded: on_sale_recorded,
    SaleFailed: on_sale_failed,
    StaffPin: staff.on_pin,
    StaffSignedIn: staff.on_signed_in,
    PinRejected: staff.on_pin_rejected,
    StaffAddLine: staff.on_add_line,
    StaffRemoveLine: staff.on_remove_line,
    StaffVoid: staff.on_void,
    StaffApprove: staff.on_approve,
    HelpDone: staff.on_help_done,
    PrintPressed: printing.on_print_pressed,
    ReceiptPrinted: printing.on_printed,
}


def transition(model: CheckoutModel, event: Event) -> Result:
    """The one entry point: apply ``event`` to ``model``; never raises for a bad event."""
    handler = HANDLERS.get(type(event))
    if handler is None:
        return ignore(model, event, "unknown event")
    return handler(model, event)
