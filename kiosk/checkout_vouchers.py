"""Bottle vouchers handed in while shopping: read, checked against the ledger, taken off.

A voucher's number is read with the store's layout (:mod:`kiosk.vouchers`) here, purely; the
ledger is asked by a :class:`~kiosk.checkout_events.CheckVoucher` effect whether a sale took
it already, and only a voucher no sale took comes off the basket. Nothing is redeemed until
the sale is recorded: a voucher in a basket the shopper walks away from stays valid.
"""

from __future__ import annotations

from dataclasses import replace

from catalog.words import Said
from kiosk import checkout_staff as staff
from kiosk.checkout_events import CheckVoucher, VoucherChecked, VoucherRemoved, VoucherScanned
from kiosk.checkout_model import CheckoutModel, Result, ignore, reprice, settle, shopper_may_add
from kiosk.checkout_values import CheckoutState
from kiosk.pricing import format_money
from kiosk.vouchers import Voucher, VoucherRefused

NOT_TAKEN = "This kiosk does not take bottle vouchers. Please hand it in at a staffed till."
ALREADY_IN = "This voucher is already in your basket."
NOT_CHECKED = "The voucher could not be checked just now. Please try again, or press Help."
IN_PAYMENT = "This voucher is being used at another checkout right now."
# Two kiosks took the same voucher (a copy of it) and the other one's payment started first.
USED_MEANWHILE = (
    "A voucher in your basket was just used at another checkout. Please take it out, or press Help."
)


def _in_basket(model: CheckoutModel, code: str) -> bool:
    return any(voucher.code == code for voucher in model.vouchers)


def on_scanned(model: CheckoutModel, event: VoucherScanned) -> Result:
    if not shopper_may_add(model):
        return ignore(model, event, f"vouchers are handed in while shopping, not {model.state}")
    model = replace(model, shopper_touched_at=model.now)  # a refusal is said for a while
    rules = model.config.vouchers
    if rules is None:
        return replace(model, message=NOT_TAKEN), ()
    try:
        voucher = rules.read(event.code)
    except VoucherRefused as exc:
        return replace(model, message=exc.said), ()
    if _in_basket(model, voucher.code):
        return replace(model, message=ALREADY_IN), ()
    return model, (CheckVoucher(voucher.code, voucher.amount_cents),)


def on_checked(model: CheckoutModel, event: VoucherChecked) -> Result:
    if not shopper_may_add(model) or model.config.vouchers is None:
        return ignore(model, event, f"no voucher is being handed in ({model.state})")
    if event.problem:
        return replace(model, message=NOT_CHECKED), ()
    if event.receipt_no:
        said = Said("This voucher was redeemed already (receipt {receipt}).",
                    receipt=event.receipt_no)  # fmt: skip
        return replace(model, message=said), ()
    if event.in_payment:
        return replace(model, message=IN_PAYMENT), ()
    if _in_basket(model, event.code):
        return replace(model, message=ALREADY_IN), ()
    vouchers = (*model.vouchers, Voucher(event.code, event.amount_cents))
    model = settle(reprice(replace(model, vouchers=vouchers, shopper_touched_at=model.now)))
    amount = format_money(event.amount_cents, model.config.rules.currency)
    return replace(model, message=Said("Bottle voucher taken: {amount} off.", amount=amount)), ()


def on_removed(model: CheckoutModel, event: VoucherRemoved) -> Result:
    if not _in_basket(model, event.code):
        return ignore(model, event, "that voucher is not in the basket")
    if model.state is CheckoutState.HELP:  # staff take it out: help goes on
        return staff.remove_voucher(model, event)
    kept = tuple(v for v in model.vouchers if v.code != event.code)
    if not shopper_may_add(model):
        return ignore(model, event, f"the basket is not open to changes ({model.state})")
    model = replace(model, vouchers=kept, shopper_touched_at=model.now)
    return settle(reprice(model), message=Said("The voucher was taken out of the basket.")), ()
