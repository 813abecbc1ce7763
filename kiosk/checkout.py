"""The checkout a kiosk runs: the pure state machine plus the effects it asks for.

:class:`Checkout` holds one :class:`~kiosk.checkout_model.CheckoutModel`, applies every
event with :func:`~kiosk.checkout_machine.transition` and performs the returned effects:
the payment terminal, staff PIN checks, recording the sale (idempotency key created when
payment starts and reused on every retry), the receipt file, and the audit log. Answers
from the world come back as events through the same path, so everything the kiosk decides
is in the pure, tested machine. Call it from one thread (a lock guards it anyway).

The UI sends events and draws the returned :class:`~kiosk.checkout_values.CheckoutView`::

    checkout = Checkout.from_settings(settings, db)
    view = checkout.handle(FrameSeen(detections, t))
    view = checkout.handle(PayPressed())
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from catalog.db import data_version
from catalog.errors import CatalogError, StorageFailed
from catalog.words import Said, reason
from kiosk.basket import config_from_settings
from kiosk.checkout_events import (
    Audit,
    BarcodeScanned,
    CancelPayment,
    CancelPressed,
    CaptureCounter,
    CatalogChanged,
    CheckVoucher,
    CounterCleared,
    Effect,
    Event,
    FrameSeen,
    HelpDone,
    HelpPressed,
    Ignored,
    PaymentOutcome,
    PaymentResult,
    PayPressed,
    PinRejected,
    PollPayment,
    PollPrinter,
    PrintPressed,
    PrintReceipt,
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
    VerifyPin,
    VoucherChecked,
    VoucherRemoved,
    VoucherScanned,
)
from kiosk.checkout_machine import sale_draft, transition
from kiosk.checkout_model import CheckoutConfig, CheckoutModel, view_of
from kiosk.checkout_values import (
    BasketLine,
    BasketSnapshot,
    CheckoutState,
    CheckoutView,
    Doubt,
    DoubtKind,
    ItemBox,
    PromotionLine,
    ReceiptInfo,
)
from kiosk.checkout_vouchers import USED_MEANWHILE
from kiosk.errors import KioskError
from kiosk.payment import PaymentProvider, SimulatedPaymentProvider
from kiosk.price_labels import LabelRules
from kiosk.pricing import PriceBook, PricingRules, format_money
from kiosk.printer import PrinterError, ReceiptPrinter, printer_for
from kiosk.receipt import (
    DEFAULT_STORE,
    StoreInfo,
    receipt_for_phone,
    receipt_text,
    write_receipt,
)
from kiosk.receipt_files import ReceiptFolderKeeper
from kiosk.store_details import stored as stored_details
from kiosk.store_details import with_stored
from kiosk.storetime import store_today, store_zone
from kiosk.vouchers import VoucherRules

__all__ = [
    "Audit",
    "BarcodeScanned",
    "BasketLine",
    "BasketSnapshot",
    "CancelPayment",
    "CancelPressed",
    "CaptureCounter",
    "CatalogChanged",
    "Checkout",
    "CheckoutConfig",
    "CheckoutState",
    "CheckoutView",
    "CounterCleared",
    "Doubt",
    "DoubtKind",
    "Effect",
    "Event",
    "FrameSeen",
    "HelpDone",
    "HelpPressed",
    "Ignored",
    "ItemBox",
    "PayPressed",
    "PaymentOutcome",
    "PaymentResult",
    "PinRejected",
    "PollPayment",
    "PollPrinter",
    "PriceBook",
    "PricingRules",
    "PrintPressed",
    "PrintReceipt",
    "PromotionLine",
    "ReceiptInfo",
    "ReceiptPrinted",
    "RecordSale",
    "SaleFailed",
    "SaleRecorded",
    "ShopperAdd",
    "StaffAddLine",
    "StaffApprove",
    "StaffPin",
    "StaffRemoveLine",
    "StaffSignedIn",
    "StaffVoid",
    "StartPayment",
    "Tick",
    "VerifyPin",
    "VoucherChecked",
    "VoucherRemoved",
    "VoucherScanned",
    "format_money",
]

log = logging.getLogger(__name__)
NOT_STARTED = "The sale could not be prepared, so no money was taken. Please try again."
# The disk under the ledger is full or failing: trying again will not help until staff act.
NOT_SAVED = "The kiosk cannot save sales right now, so no money was taken. Please call for help."
MAX_CHAINED_EVENTS = 50  # effects answer with events; a longer chain would be a bug


class Checkout:
    """One kiosk's checkout. ``db`` is an open catalog (``catalog.db.connect``).

    ``receipts_dir`` ``None`` writes no receipt files. ``new_key`` makes sale keys (UUIDs).
    ``on_capture`` receives each :class:`CaptureCounter` (the kiosk saves the camera's
    picture with it); a failure there is logged and never stops the checkout. ``printer``
    prints paper receipts (None: no printer; then nothing is ever asked to print).
    """

    def __init__(
        self,
        db: Any,
        *,
        config: CheckoutConfig | None = None,
        provider: PaymentProvider | None = None,
        book: PriceBook | None = None,
        receipts_dir: Path | None = None,
        store: StoreInfo = DEFAULT_STORE,
        pin_attempts: int = 5,
        pin_lockout_seconds: float = 300.0,
        new_key: Callable[[], str] = lambda: str(uuid.uuid4()),
        on_capture: Callable[[CaptureCounter], None] | None = None,
        zone: tzinfo | None = None,
        printer: ReceiptPrinter | None = None,
        today: Callable[[], date] | None = None,
        receipt_code: bool = True,
        receipt_files_days: int = 0,
    ) -> None:
        self.db = db
        self.receipt_code = receipt_code  # the receipt as a QR code for the shopper's phone
        self.provider = provider or SimulatedPaymentProvider()
        self.receipts_dir = receipts_dir
        self._receipt_files = (
            None if receipts_dir is None else ReceiptFolderKeeper(receipts_dir, receipt_files_days)
        )
        self._store_base = store  # kiosk.toml's; the catalog's details win (admin screen)
        self.store = self._stored_store()
        self._pin_limits = (pin_attempts, int(pin_lockout_seconds))
        self._new_key = new_key
        self.on_capture = on_capture
        self.zone = zone  # the store's clock on receipts; None: the PC's local time
        self.printer = printer
        self._lock = threading.RLock()
        # The store's date decides which offers run (a weekly offer starts at midnight).
        self.today = today or (lambda: store_today(self.zone))
        self._book_day = self.today()
        self._catalog_version = data_version(db)
        book = book if book is not None else PriceBook.from_db(db, self._book_day)
        self._model = CheckoutModel(config=config or CheckoutConfig(), book=book)
        self.ignored: deque[Ignored] = deque(maxlen=100)  # recent ignored events, for support

    @classmethod
    def from_settings(
        cls, settings: Any, db: Any, provider: PaymentProvider | None = None, **kwargs: Any
    ) -> Checkout:
        """A checkout configured by :func:`kiosk.config.load_settings` values."""
        co, paper = settings.checkout, settings.printer
        if "printer" not in kwargs:
            kwargs["printer"] = printer_for(
                paper.device, timeout=float(paper.timeout_seconds), cut=paper.cut
            )
        config = CheckoutConfig(
            tracker=config_from_settings(settings),
            rules=PricingRules.from_settings(co),
            receipt_timeout_seconds=float(co.receipt_timeout_seconds),
            kiosk_id=co.kiosk_id,
            print_mode=paper.mode if kwargs["printer"] is not None else "never",
            vouchers=VoucherRules.from_settings(settings.vouchers),
            labels=LabelRules.from_settings(settings.labels),
        )
        kwargs.setdefault("receipts_dir", Path(settings.paths.receipts_dir))
        if provider is None:
            provider = terminal_for(settings)
        kwargs.setdefault("zone", store_zone(co.timezone))
        kwargs.setdefault("store", StoreInfo.from_settings(settings.store, settings.ui.language))
        kwargs.setdefault("receipt_code", bool(co.receipt_code))
        kwargs.setdefault("receipt_files_days", int(settings.store.receipt_files_days))
        kwargs.setdefault("pin_attempts", settings.staff.lockout_attempts)
        kwargs.setdefault("pin_lockout_seconds", settings.staff.lockout_seconds)
        return cls(db, config=config, provider=provider, **kwargs)

    @property
    def model(self) -> CheckoutModel:
        return self._model

    @property
    def view(self) -> CheckoutView:
        return view_of(self._model)

    @property
    def state(self) -> CheckoutState:
        return self._model.state

    def handle(self, event: Event) -> CheckoutView:
        """Apply one event (and every event its effects produce); returns the new view."""
        with self._lock:
            queue: deque[Event] = deque([self._with_key(event)])
            for _ in range(MAX_CHAINED_EVENTS):
                if not queue:
                    break
                self._model, effects = transition(self._model, queue.popleft())
                for effect in effects:
                    answer = self._perform(effect)
                    if answer is not None:
                        queue.append(answer)
            else:
                log.error("checkout stopped after %d chained events", MAX_CHAINED_EVENTS)
            return view_of(self._model)

    def tick(self, t: float | None = None) -> CheckoutView:
        """Let time pass (payment polling, receipt timeout); ``t`` defaults to monotonic."""
        return self.handle(Tick(time.monotonic() if t is None else t))

    def tidy(self) -> None:
        """Housekeeping while the kiosk stands idle (welcome screen, counter clear): receipt
        files older than ``store.receipt_files_days`` go, once a day."""
        model = self._model
        idle = (
            model.state is CheckoutState.WELCOME
            and model.tracked.empty
            and not model.awaiting_clear
        )
        if idle and self._receipt_files is not None:
            self._receipt_files.daily(self.today())

    def reload_catalog(self) -> CheckoutView:
        """Re-read products, the offers running today and the store's details for receipts
        (after an admin change)."""
        day = self.today()
        view = self.handle(CatalogChanged(PriceBook.from_db(self.db, day)))
        self._book_day = day
        self.store = self._stored_store()
        return view

    def _stored_store(self) -> StoreInfo:
        """Who sells, as the next receipt prints it: kiosk.toml's, the catalog's details over it."""
        return with_stored(self._store_base, stored_details(self.db))

    def reload_if_changed(self) -> CheckoutView | None:
        """Re-read prices and offers if another program changed the catalog, or the store's
        date changed (offers start and end at midnight); None if neither.

        Staff change prices from a terminal too (``kiosk catalog import``, ``promo add``)
        while the kiosk sells: without this it would charge the old prices until restarted.
        A basket being paid keeps the total the shopper agreed to; one still on the counter
        is repriced, on screen, before Pay.
        """
        version = data_version(self.db)
        day = self.today()
        if version == self._catalog_version and day == self._book_day:
            return None
        view = self.reload_catalog()
        self._catalog_version = version  # only once read: a failed read is tried again
        log.info("prices and offers re-read for %s (the catalog or the date changed)", day)
        return view

    def _with_key(self, event: Event) -> Event:
        if isinstance(event, PayPressed) and not event.sale_key:
            return replace(event, sale_key=self._model.sale_key or self._new_key())
        return event

    def _perform(self, effect: Effect) -> Event | None:
        if isinstance(effect, Ignored):
            self.ignored.append(effect)
            log.info("ignored %s in %s: %s", effect.event, effect.state, effect.reason)
            return None
        handler = _EFFECTS.get(type(effect))
        if handler is None:  # pragma: no cover - every effect type is listed below
            raise TypeError(f"no handler for effect {effect!r}")
        return handler(self, effect)

    def _start_payment(self, effect: StartPayment) -> Event | None:
        from catalog.intents import open_intent

        try:  # written down before any money moves: a crash from here on loses no sale
            open_intent(self.db, sale_draft(self._model))
        except CatalogError as exc:
            log.error("could not write down sale %s before payment: %s", effect.sale_key, exc)
            message = NOT_SAVED if isinstance(exc, StorageFailed) else NOT_STARTED
            return PaymentResult(PaymentOutcome.CANCELLED, message=message)
        taken = self._voucher_taken_meanwhile(effect.sale_key)
        if taken:
            log.warning("sale %s: voucher %s was taken elsewhere meanwhile", effect.sale_key, taken)
            self._settle(effect.sale_key, "not_paid", f"voucher {taken} taken elsewhere")
            return PaymentResult(PaymentOutcome.CANCELLED, message=USED_MEANWHILE)
        try:
            self.provider.start(effect.sale_key, effect.amount_cents, effect.currency)
        except KioskError as exc:
            log.warning("payment terminal refused to start: %s", exc)
            self._settle(effect.sale_key, "not_paid", str(exc))
            return PaymentResult(PaymentOutcome.CANCELLED, message=str(exc))
        return None

    def _voucher_taken_meanwhile(self, key: str) -> str:
        """A voucher of the basket being paid that a sale or another kiosk's payment took
        since it was handed in (read after this payment's intent is written, so of two kiosks
        paying with one voucher at once the later one always sees the earlier)."""
        basket = self._model.paying_basket
        for voucher in basket.vouchers if basket is not None else ():
            try:
                if any(self._voucher_used(voucher.code, key)):
                    return voucher.code
            except CatalogError as exc:  # the ledger answered a moment ago: go on
                log.error("could not check voucher %s before payment: %s", voucher.code, exc)
        return ""

    def _voucher_used(self, code: str, key: str) -> tuple[str, str]:
        """Where voucher ``code`` went: the receipt of the sale that took it, and the kiosk
        whose payment under way (other than sale ``key``'s) is for it; "" for none."""
        from catalog.intents import voucher_in_payment
        from catalog.sales import voucher_receipt

        return voucher_receipt(self.db, code), voucher_in_payment(self.db, code, key)

    def _poll_payment(self, effect: PollPayment) -> Event | None:
        result = self.provider.poll()
        if result is None or result.outcome is PaymentOutcome.APPROVED:
            return result
        if result.outcome is PaymentOutcome.UNKNOWN:  # for staff: kiosk payments, doctor
            self._settle(self._model.sale_key, "unknown", "the terminal stopped answering")
        else:
            self._settle(self._model.sale_key, "not_paid", result.outcome.value)
        return result

    def _settle(self, key: str | None, state: str, note: str = "") -> None:
        from catalog.intents import settle_intent

        if key is None:
            return
        try:
            settle_intent(self.db, key, state, note)
        except CatalogError as exc:  # the next start settles it from the ledger or terminal
            log.error("could not settle payment intent %s as %s: %s", key, state, exc)

    def _cancel_payment(self, effect: CancelPayment) -> Event | None:
        self.provider.cancel()
        return None

    def _verify_pin(self, effect: VerifyPin) -> Event | None:
        from catalog.staff import verify_pin

        attempts, lockout = self._pin_limits
        try:
            member = verify_pin(self.db, effect.pin, max_attempts=attempts, lockout_seconds=lockout)
        except CatalogError as exc:
            return PinRejected(self._pin_refusal(exc))
        return StaffSignedIn(member.name, member.role)

    def _pin_refusal(self, exc: CatalogError) -> str:
        """What the PIN pad says, in words the staff screen can translate."""
        from catalog.errors import StaffLockedOut, WrongPin

        if isinstance(exc, WrongPin):
            if exc.attempts_left <= 0:
                return Said("Wrong PIN. The PIN pad is now locked.")
            if exc.attempts_left == 1:
                return Said("Wrong PIN: 1 attempt left.")
            return Said("Wrong PIN: {attempts} attempts left.", attempts=exc.attempts_left)
        if isinstance(exc, StaffLockedOut):
            until = exc.until.astimezone(self.zone).strftime("%H:%M")
            return Said(
                "Too many wrong PINs: the PIN pad is locked until {time}. Wait until then, or "
                "ask a manager.",
                time=until,
            )
        return reason(exc)

    def _record_sale(self, effect: RecordSale) -> Event | None:
        from catalog.sales import record_sale

        try:
            sale = record_sale(self.db, effect.draft)
        except CatalogError as exc:
            log.error("could not record sale %s: %s", effect.draft.idempotency_key, exc)
            return SaleFailed(str(exc))
        self._settle(effect.draft.idempotency_key, "recorded")
        path: str | None = None
        if self.receipts_dir is not None:
            try:
                path = str(write_receipt(sale, self.receipts_dir, self.store, self.zone))
            except KioskError as exc:
                log.error("%s", exc)
        phone = receipt_for_phone(sale, self.store, self.zone) if self.receipt_code else ""
        return SaleRecorded(sale.receipt_no, sale.id, sale.created_at, path, phone)

    def _audit(self, effect: Audit) -> Event | None:
        from catalog import audit
        from catalog.db import write_transaction

        try:
            with write_transaction(self.db):
                audit.record(self.db, effect.actor, effect.action, effect.entity, effect.old,
                             effect.new)  # fmt: skip
        except CatalogError as exc:
            log.error("could not audit %s by %s: %s", effect.action, effect.actor, exc)
        return None

    def _check_voucher(self, effect: CheckVoucher) -> Event | None:
        try:
            receipt_no, paying = self._voucher_used(effect.code, self._model.sale_key or "")
        except CatalogError as exc:
            log.error("could not look up voucher %s in the ledger: %s", effect.code, exc)
            return VoucherChecked(effect.code, effect.amount_cents, problem=str(exc))
        return VoucherChecked(effect.code, effect.amount_cents, receipt_no, in_payment=paying)

    def _print_receipt(self, effect: PrintReceipt) -> Event | None:
        from catalog.sales import get_sale_by_id

        if self.printer is None:
            return ReceiptPrinted(False, "no receipt printer is set up (printer.device)")
        try:
            sale = get_sale_by_id(self.db, effect.sale_id)
            if sale is None:
                return ReceiptPrinted(False, f"sale {effect.sale_id} is not in the ledger")
            self.printer.start(receipt_text(sale, self.store, self.zone))
        except (CatalogError, PrinterError) as exc:
            log.error("could not print the receipt of sale %s: %s", effect.sale_id, exc)
            return ReceiptPrinted(False, str(exc))
        return None

    def _poll_printer(self, effect: PollPrinter) -> Event | None:
        return self.printer.poll() if self.printer is not None else None

    def _capture(self, effect: CaptureCounter) -> Event | None:
        if self.on_capture is None:
            return None
        try:
            self.on_capture(effect)
        except Exception:  # a picture for retraining must never cost the shopper the sale
            log.exception("could not save the counter picture for %s", effect.corrections[-1:])
        return None


_EFFECTS: dict[type, Callable[[Checkout, Any], Event | None]] = {
    StartPayment: Checkout._start_payment,
    PollPayment: Checkout._poll_payment,
    CancelPayment: Checkout._cancel_payment,
    VerifyPin: Checkout._verify_pin,
    RecordSale: Checkout._record_sale,
    Audit: Checkout._audit,
    CaptureCounter: Checkout._capture,
    PrintReceipt: Checkout._print_receipt,
    PollPrinter: Checkout._poll_printer,
    CheckVoucher: Checkout._check_voucher,
}


def terminal_for(settings: Any) -> PaymentProvider:
    """The card terminal the settings name: the payment bridge's, or the simulated one."""
    pay = settings.payment
    if pay.terminal != "simulated":
        from kiosk.payment_bridge import BridgeTerminal

        return BridgeTerminal(
            pay.terminal,
            kiosk_id=settings.checkout.kiosk_id,
            timeout_seconds=float(pay.timeout_seconds),
            lost_seconds=float(pay.lost_seconds),
            token=pay.token,
            ca_file=pay.ca_file,
        )
    # The demo's terminal keeps a journal, as real ones do.
    return SimulatedPaymentProvider(
        journal=Path(settings.paths.data_dir) / "simulated-terminal.jsonl"
    )
