"""The checkout's complete state as one immutable value, and the rules read off it.

:class:`CheckoutModel` holds everything a transition needs (tracker window, basket, staff
corrections, approvals, the sale key); :func:`view_of` turns it into what the screen
draws. Whether payment may start is decided here, in exactly one place
(:func:`block_reasons`, :func:`can_pay`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from kiosk.basket import TrackedBasket, TrackerConfig, TrackerState, tracked
from kiosk.checkout_basket import Adjustment, basket_snapshot, scanned_product, shopper_product
from kiosk.checkout_events import Effect, Event, Ignored
from kiosk.checkout_values import (
    BasketSnapshot,
    CheckoutState,
    CheckoutView,
    Doubt,
    DoubtKind,
    ReceiptInfo,
    ShopperChoice,
    VoucherLine,
)
from kiosk.payment import PaymentResult
from kiosk.price_labels import LabelRefused, LabelRules, PriceLabel
from kiosk.pricing import PriceBook, PricingRules
from kiosk.vouchers import VOUCHER_NAME, Voucher, VoucherRules

TAKE_ITEMS = "Please take your items from the counter."
AGE_CHECK_REASON = "Age-restricted items need a staff check. Please press Help."
VOUCHER_FIRST = "Now place your items on the counter: the voucher comes off their total."
VOUCHER_OVER = (
    "The bottle vouchers are worth as much as your items or more. Add items, or press Help."
)
Result = tuple["CheckoutModel", tuple[Effect, ...]]
DoubtCount = tuple[tuple[tuple[str, str], int], ...]


@dataclass(frozen=True)
class CheckoutConfig:
    """Fixed rules of one kiosk: tracking, pricing, timeouts."""

    tracker: TrackerConfig = field(default_factory=TrackerConfig)
    rules: PricingRules = field(default_factory=PricingRules)
    receipt_timeout_seconds: float = 20.0
    # Only screen-added items (a bag) and an empty counter, untouched this long: the shopper
    # has gone; the next one must not find a stranger's bag in the basket.
    shopper_idle_seconds: float = 90.0
    sale_retry_seconds: float = 2.0
    kiosk_id: str = "kiosk-1"
    print_mode: str = "never"  # paper receipts: always, ask (on the shopper's press) or never
    vouchers: VoucherRules | None = None  # bottle vouchers the store takes (None: none)
    labels: LabelRules | None = None  # the store's scales' price labels (None: none)


@dataclass(frozen=True)
class CheckoutModel:
    """Everything the checkout knows at one moment. Transitions return a new one."""

    config: CheckoutConfig = field(default_factory=CheckoutConfig)
    book: PriceBook = field(default_factory=PriceBook)
    state: CheckoutState = CheckoutState.WELCOME
    now: float = 0.0
    tracker: TrackerState = field(default_factory=TrackerState)
    basket: BasketSnapshot = field(default_factory=BasketSnapshot)
    adjustments: tuple[Adjustment, ...] = ()
    staff: str | None = None  # signed in during HELP
    approved_by: str | None = None
    approved_items: tuple[tuple[str, int], ...] = ()  # age-restricted sku -> quantity
    accepted_doubts: DoubtCount = ()  # doubt key -> how many staff accepted
    overrides: tuple[str, ...] = ()
    sale_key: str | None = None  # idempotency key, from the first Pay until the sale is saved
    paying_basket: BasketSnapshot | None = None
    paying_since: float = 0.0  # when Pay started the payment
    cancel_requested: bool = False
    payment: PaymentResult | None = None  # approved, sale not yet saved
    retry_at: float | None = None
    receipt: ReceiptInfo | None = None
    receipt_since: float = 0.0
    print_state: str = ""  # the paper receipt: "", printing, printed or failed
    awaiting_clear: bool = False  # a finished or voided basket is still on the counter
    # The sale key of a payment the terminal never confirmed either way: the shopper waits
    # in HELP and only staff end it, after checking the terminal (nobody pays twice).
    unconfirmed: str | None = None
    shopper_items: tuple[tuple[str, int], ...] = ()  # sku -> quantity added on the screen
    scanned_items: tuple[tuple[str, int], ...] = ()  # sku -> quantity scanned by its barcode
    packs: tuple[tuple[str, int], ...] = ()  # price label's number -> packs, in scan order
    shopper_touched_at: float = 0.0
    vouchers: tuple[Voucher, ...] = ()  # bottle vouchers handed in, in the order given
    # The paid items lay on the counter: the receipt leaves when they are taken. A sale of
    # screen items only (a bag) leaves it on its timeout or when the next shopper's items come.
    paid_on_counter: bool = True
    message: str = ""

    @property
    def tracked(self) -> TrackedBasket:
        return tracked(self.tracker)

    def adjustment_map(self) -> dict[str, Adjustment]:
        return {a.sku: a for a in self.adjustments}


def reprice(model: CheckoutModel) -> CheckoutModel:
    """Rebuild the basket from the tracker, the price book and staff corrections."""
    basket = basket_snapshot(
        model.tracked, model.book, model.config.rules, model.adjustment_map(),
        dict(model.shopper_items), voucher_lines(model), dict(model.scanned_items),
        read_packs(model), model.config.labels,
    )  # fmt: skip
    on_counter = dict(age_quantities(basket))
    # An age check covers the bottles it was made for while they are there: one taken away
    # takes its approval along (the next shopper's beer, in a basket a carrier bag kept open,
    # is not approved by the last shopper's check).
    approved = tuple(
        (sku, min(n, on_counter.get(sku, 0)))
        for sku, n in model.approved_items
        if on_counter.get(sku, 0) > 0
    )
    return replace(model, basket=basket, approved_items=approved)


PACK_CHOICE = "pack:"  # a shopper choice for a labelled pack: "pack:" and the label's number


def read_packs(model: CheckoutModel) -> tuple[tuple[PriceLabel, int], ...]:
    """The scanned packs' labels, read with the store's layouts (a pack whose layout the
    store has since dropped is no longer sold)."""
    rules = model.config.labels
    if rules is None:
        return ()
    read = []
    for code, quantity in model.packs:
        try:
            read.append((rules.read(code), quantity))
        except LabelRefused:
            continue
    return tuple(read)


def camera_counts(model: CheckoutModel) -> Counter[str]:
    """What the camera's stable reading comes to per product sku (``?label`` for a label no
    product has): the capture files' "read", and what scans are compared with."""
    read: Counter[str] = Counter()
    for label, count in model.tracked.counts.items():
        product = model.book.by_label(label)
        read[product.sku if product is not None else f"?{label}"] += count
    return read


def voucher_lines(model: CheckoutModel) -> tuple[VoucherLine, ...]:
    """The vouchers as priced lines. Where tax is added to prices they carry none (the
    settings refuse a rate there): the slip's amount comes off as printed, not plus tax."""
    rules = model.config.vouchers
    inclusive = model.config.rules.tax_inclusive
    rate = rules.tax_rate_bp if rules is not None and inclusive else 0
    return tuple(VoucherLine(v.code, VOUCHER_NAME, -v.amount_cents, rate) for v in model.vouchers)


def doubt_key(doubt: Doubt) -> tuple[str, str]:
    """Unsure and overlapping items are accepted by kind (their guessed label flickers)."""
    vague = doubt.kind in (DoubtKind.LOW_CONFIDENCE, DoubtKind.OVERLAP, DoubtKind.UNRECOGNISED)
    return (doubt.kind.value, "" if vague else doubt.label)


def count_doubts(doubts: tuple[Doubt, ...]) -> DoubtCount:
    return tuple(sorted(Counter(doubt_key(d) for d in doubts).items()))


def open_doubts(model: CheckoutModel) -> tuple[Doubt, ...]:
    """Doubts staff have not accepted (beyond the number they accepted of each kind)."""
    allowance = dict(model.accepted_doubts)
    result = []
    for doubt in model.basket.doubts:
        key = doubt_key(doubt)
        if allowance.get(key, 0) > 0:
            allowance[key] -= 1
        else:
            result.append(doubt)
    return tuple(result)


def age_quantities(basket: BasketSnapshot) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for line in basket.age_restricted:
        counts[line.sku] += line.quantity
    return tuple(sorted(counts.items()))


def needs_approval(model: CheckoutModel) -> bool:
    """Age-restricted items beyond what staff approved for this shopper."""
    approved = dict(model.approved_items)
    return any(qty > approved.get(sku, 0) for sku, qty in age_quantities(model.basket))


def block_reasons(model: CheckoutModel) -> tuple[str, ...]:
    """Plain sentences, one per reason the shopper cannot pay now."""
    reasons = list(dict.fromkeys(d.message for d in open_doubts(model)))
    if needs_approval(model):
        reasons.append(AGE_CHECK_REASON)
    basket = model.basket
    if basket.vouchers and not basket.lines:
        reasons.append(VOUCHER_FIRST)
    elif basket.vouchers and basket.total_cents <= 0:
        reasons.append(VOUCHER_OVER)
    return tuple(reasons)


def can_pay(model: CheckoutModel) -> bool:
    """Exactly when Pay starts a payment: settled, something to charge, nothing blocking."""
    basket = model.basket
    return (
        model.state is CheckoutState.READY
        and basket.settled
        and bool(basket.lines)
        and basket.total_cents > 0
        and not block_reasons(model)
    )


def resolve(model: CheckoutModel) -> CheckoutState:
    """The shopping state the basket calls for (WELCOME, SCANNING, READY or BLOCKED)."""
    basket = model.basket
    if model.awaiting_clear:
        return CheckoutState.WELCOME
    if basket.empty and (basket.settled or not basket.items):
        return CheckoutState.WELCOME
    if not basket.settled:
        return CheckoutState.SCANNING
    return CheckoutState.BLOCKED if block_reasons(model) else CheckoutState.READY


def ignore(model: CheckoutModel, event: Event, reason: str) -> Result:
    return model, (Ignored(type(event).__name__, model.state.value, reason),)


def settle(model: CheckoutModel, **changes: Any) -> CheckoutModel:
    """Apply changes, then move to the shopping state the basket calls for."""
    model = replace(model, **changes)
    state = resolve(model)
    if state is CheckoutState.WELCOME and model.state is not CheckoutState.WELCOME:
        model = fresh_session(model, message=TAKE_ITEMS if model.awaiting_clear else "")
    elif state is not CheckoutState.WELCOME and model.state is CheckoutState.WELCOME:
        model = replace(model, message="")
    return replace(model, state=state)


_SESSION_DEFAULTS: dict[str, Any] = {
    "adjustments": (),
    "staff": None,
    "approved_by": None,
    "approved_items": (),
    "accepted_doubts": (),
    "overrides": (),
    "sale_key": None,
    "paying_basket": None,
    "cancel_requested": False,
    "payment": None,
    "retry_at": None,
    "receipt": None,
    "print_state": "",
    "unconfirmed": None,
    "shopper_items": (),
    "scanned_items": (),
    "packs": (),
    "vouchers": (),
}


def fresh_session(model: CheckoutModel, **changes: Any) -> CheckoutModel:
    """Forget the shopper: corrections, approvals, sale key, payment, receipt."""
    return replace(model, **{**_SESSION_DEFAULTS, **changes})


_SHOPPING = (CheckoutState.SCANNING, CheckoutState.READY, CheckoutState.BLOCKED, CheckoutState.HELP)


def view_of(model: CheckoutModel) -> CheckoutView:
    """What the screen draws for this model."""
    paid = model.state in (CheckoutState.PAYING, CheckoutState.RECEIPT)
    shown = model.paying_basket if paid else None
    shopping = model.state in _SHOPPING
    return CheckoutView(
        state=model.state,
        basket=shown or model.basket,
        block_reasons=block_reasons(model) if shopping else (),
        needs_approval=needs_approval(model) if shopping else False,
        approved_by=model.approved_by,
        staff=model.staff,
        can_pay=can_pay(model),
        receipt=model.receipt,
        message=model.message,
        overrides=model.overrides,
        print_state=model.print_state,
        can_print=can_print(model),
        staff_must_end_help=model.unconfirmed is not None and model.staff is None,
        unconfirmed_key=model.unconfirmed,
        shopper_choices=shopper_choices(model) if shopper_may_add(model) else (),
        takes_vouchers=model.config.vouchers is not None and shopper_may_add(model),
        takes_barcodes=shopper_may_add(model),
    )


def shopper_may_add(model: CheckoutModel) -> bool:
    """Items are added on the screen while shopping, not while paying, helped or leaving."""
    open_states = (CheckoutState.WELCOME, CheckoutState.SCANNING, CheckoutState.READY,
                   CheckoutState.BLOCKED)  # fmt: skip
    return model.state in open_states and not model.awaiting_clear


def shopper_choices(model: CheckoutModel) -> tuple[ShopperChoice, ...]:
    """The products the shopper may add on the screen, with how many they added, then those
    they scanned and the packs scanned by their label (to add one more, or take one back
    out)."""
    added = {**dict(model.shopper_items), **dict(model.scanned_items)}
    currency = model.config.rules.currency
    on_screen = (shopper_product(model.book, sku) for sku in model.book.on_screen)
    scanned = (scanned_product(model.book, sku) for sku, _ in model.scanned_items)
    choices = [
        ShopperChoice(p.sku, p.name, p.price_cents, currency, added.get(p.sku, 0), p.image or "")
        for p in (*on_screen, *scanned)
        if p is not None
    ]
    packed = {line.code: line for line in model.basket.lines if line.code}  # priced already
    for code, _ in model.packs:  # in scan order: a new pack's row is added at the end
        if (line := packed.get(code)) is not None:
            name, cents, quantity = line.name, line.unit_cents, line.quantity
            choice = ShopperChoice(PACK_CHOICE + code, name, cents, currency, quantity, line.image)
            choices.append(choice)
    return tuple(choices)


def can_print(model: CheckoutModel) -> bool:
    """The receipt screen offers paper: a printer is set to ask and nothing is printing."""
    return (
        model.state is CheckoutState.RECEIPT
        and model.receipt is not None
        and model.config.print_mode == "ask"
        and model.print_state in ("", "failed")
    )
