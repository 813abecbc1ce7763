"""Staff overrides during HELP: sign in with a PIN, correct lines, void, approve.

Every override needs a signed-in staff member, is written to the audit log (an
:class:`~kiosk.checkout_events.Audit` effect) and, unless the basket is voided, is listed
on the sale (``overrides``) so the receipt and the ledger show who changed what.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from catalog.words import Said
from kiosk.checkout_basket import Adjustment, sellable_problem
from kiosk.checkout_events import (
    Audit,
    CaptureCounter,
    HelpDone,
    PinRejected,
    StaffAddLine,
    StaffApprove,
    StaffPin,
    StaffRemoveLine,
    StaffSignedIn,
    StaffVoid,
    VerifyPin,
    VoucherRemoved,
)
from kiosk.checkout_model import (
    CheckoutModel,
    Result,
    age_quantities,
    camera_counts,
    count_doubts,
    fresh_session,
    ignore,
    reprice,
    settle,
)
from kiosk.checkout_values import CheckoutState
from kiosk.price_labels import sold_by_label

S = CheckoutState
_CAN_CALL_STAFF = (S.WELCOME, S.SCANNING, S.READY, S.BLOCKED, S.HELP)


def on_pin(model: CheckoutModel, event: StaffPin) -> Result:
    if model.state not in _CAN_CALL_STAFF:
        return ignore(model, event, "staff can sign in only while shopping")
    return replace(model, state=S.HELP), (VerifyPin(event.pin),)


def on_signed_in(model: CheckoutModel, event: StaffSignedIn) -> Result:
    if model.state is not S.HELP:
        return ignore(model, event, "staff sign in during help")
    signed_in = Said("{name} is signed in.", name=event.name)
    return replace(model, staff=event.name, message=signed_in), ()


def on_pin_rejected(model: CheckoutModel, event: PinRejected) -> Result:
    if model.state is not S.HELP:
        return ignore(model, event, "no PIN was being checked")
    return replace(model, message=event.message), ()


def _staff_only(model: CheckoutModel, event: Any) -> Result | None:
    if model.state is not S.HELP:
        return ignore(model, event, "staff overrides happen during help")
    if model.staff is None:
        return ignore(model, event, "a staff PIN is needed first")
    return None


def _record(
    model: CheckoutModel, text: str, audit: Audit, *, corrects_camera: bool = True, **changes: Any
) -> Result:
    """Apply an override; one that corrects the camera's reading also keeps its picture."""
    model = reprice(replace(model, overrides=(*model.overrides, text), message=text, **changes))
    return model, ((audit, capture_of(model)) if corrects_camera else (audit,))


def capture_of(
    model: CheckoutModel, corrections: tuple[str, ...] | None = None, *, by: str = ""
) -> CaptureCounter:
    """What the camera read and what staff (or ``by``: the shopper's scans) made of it, per
    product, for the capture file."""
    read = camera_counts(model)
    corrected: Counter[str] = Counter()
    for line in model.basket.lines:
        corrected[line.sku] += line.quantity
    products = tuple(
        (sku, product.name, tuple(product.labels))
        for sku in sorted(set(read) | set(corrected))
        if (product := model.book.products.get(sku)) is not None
    )
    return CaptureCounter(
        staff=by or str(model.staff),
        kiosk_id=model.config.kiosk_id,
        read=tuple(sorted(read.items())),
        corrected=tuple(sorted(corrected.items())),
        products=products,
        corrections=model.overrides if corrections is None else corrections,
        doubts=tuple((d.kind.value, d.label) for d in model.basket.doubts),
        scanned=bool(by),
    )


def _set_adjustment(model: CheckoutModel, new: Adjustment) -> tuple[Adjustment, ...]:
    others = tuple(a for a in model.adjustments if a.sku != new.sku)
    return tuple(sorted((*others, new), key=lambda a: a.sku))


def on_add_line(model: CheckoutModel, event: StaffAddLine) -> Result:
    refused = _staff_only(model, event)
    if refused:
        return refused
    product = model.book.products.get(event.sku)
    problem: object = sellable_problem(product)
    if sold_by_label(model.config.labels, product):
        problem = "sold by its scale's label: scan a pack's label"  # its price is there
    if product is None or problem is not None or event.quantity < 1:
        return ignore(model, event, f"cannot add {event.quantity} of {event.sku!r}: {problem}")
    old = model.adjustment_map().get(event.sku, Adjustment(event.sku))
    new = replace(old, added=old.added + event.quantity)
    text = Said(
        "{staff} added {quantity} × {name} ({sku})",
        staff=model.staff, quantity=event.quantity, name=product.name, sku=product.sku,
    )  # fmt: skip
    audit = Audit(str(model.staff), "basket.add_line", f"product:{product.sku}", old, new)
    return _record(model, text, audit, adjustments=_set_adjustment(model, new))


def on_remove_line(model: CheckoutModel, event: StaffRemoveLine) -> Result:
    refused = _staff_only(model, event)
    if refused:
        return refused
    old = model.adjustment_map().get(event.sku, Adjustment(event.sku))
    detected = sum(
        x.quantity for x in model.basket.lines if x.sku == event.sku and x.kind == "item"
    )
    wanted = detected + old.added if event.quantity is None else event.quantity
    if wanted < 1 or wanted > detected + old.added:
        return ignore(model, event, f"the basket has no {wanted} of {event.sku!r} to remove")
    from_manual = min(wanted, old.added)
    # Labelled packs go last, the newest first: they leave the basket for good (a removal
    # kept as a correction would take the next pack the shopper scans too).
    codes = {x.code for x in model.basket.lines if x.sku == event.sku and x.code}
    packed = sum(n for code, n in model.packs if code in codes)
    from_packs = max(0, wanted - from_manual - (detected - packed))
    new = Adjustment(
        event.sku, old.added - from_manual, old.removed + wanted - from_manual - from_packs
    )
    packs = _without_newest(model.packs, codes, from_packs)
    product = model.book.products.get(event.sku)  # not a pack's line: its weight is one pack's
    name = (
        product.name if product else next(x.name for x in model.basket.lines if x.sku == event.sku)
    )
    text = Said(
        "{staff} removed {quantity} × {name} ({sku})",
        staff=model.staff, quantity=wanted, name=name, sku=event.sku,
    )  # fmt: skip
    audit = Audit(str(model.staff), "basket.remove_line", f"product:{event.sku}", old, new)
    camera = wanted > from_manual + from_packs  # the camera's count was corrected
    return _record(
        model, text, audit, corrects_camera=camera, adjustments=_set_adjustment(model, new),
        packs=packs,
    )  # fmt: skip


def _without_newest(
    packs: tuple[tuple[str, int], ...], codes: set[str], count: int
) -> tuple[tuple[str, int], ...]:
    """``packs`` less ``count`` of those with one of ``codes``, the newest scanned first."""
    kept = []
    for code, quantity in reversed(packs):
        taken = min(quantity, count) if code in codes else 0
        count -= taken
        if quantity > taken:
            kept.append((code, quantity - taken))
    return tuple(reversed(kept))


def remove_voucher(model: CheckoutModel, event: VoucherRemoved) -> Result:
    """Staff take a bottle voucher out during help (one worth more than the items is paid
    out at a till): an override on the receipt and in the audit log, like any other."""
    refused = _staff_only(model, event)
    if refused:
        return refused
    voucher = next(v for v in model.vouchers if v.code == event.code)
    kept = tuple(v for v in model.vouchers if v.code != event.code)
    text = Said("{staff} took bottle voucher {code} out", staff=model.staff, code=event.code)
    audit = Audit(str(model.staff), "basket.remove_voucher", f"voucher:{event.code}",
                  {"amount_cents": voucher.amount_cents}, None)  # fmt: skip
    return _record(model, text, audit, corrects_camera=False, vouchers=kept)


def on_void(model: CheckoutModel, event: StaffVoid) -> Result:
    refused = _staff_only(model, event)
    if refused:
        return refused
    lines = [(x.sku, x.quantity, x.kind) for x in model.basket.lines]
    audit = Audit(str(model.staff), "basket.void", "basket", {"lines": lines}, None)
    clear = model.tracked.empty
    model = fresh_session(reprice(model), awaiting_clear=not clear, state=S.WELCOME)
    message = "The basket was cancelled. " + ("" if clear else "Please take your items.")
    return replace(model, message=message.strip()), (audit,)


def on_approve(model: CheckoutModel, event: StaffApprove) -> Result:
    refused = _staff_only(model, event)
    if refused:
        return refused
    ages, doubts = age_quantities(model.basket), count_doubts(model.basket.doubts)
    checked = ", ".join(f"{q} × {sku}" for sku, q in ages)
    accepted = ", ".join(f"{n} × {k[0]} {k[1]}".strip() for k, n in doubts)
    text = Said(
        "{staff} approved the basket{checked}{accepted}",
        staff=model.staff,
        checked=Said(" (age check: {items})", items=checked) if ages else "",
        accepted=Said(" (accepted: {items})", items=accepted) if doubts else "",
    )
    new = {"age_restricted": ages, "accepted_doubts": doubts}
    audit = Audit(str(model.staff), "basket.approve", "basket", None, new)
    changes = {"approved_by": model.staff, "approved_items": ages, "accepted_doubts": doubts}
    # An age check says nothing about the camera; accepting what it was unsure of does.
    return _record(model, text, audit, corrects_camera=bool(doubts), **changes)


def on_help_done(model: CheckoutModel, event: HelpDone) -> Result:
    if model.state is not S.HELP:
        return ignore(model, event, "no help in progress")
    if model.unconfirmed is not None and model.staff is None:
        return ignore(model, event, "staff must sign in to end help after an unconfirmed payment")
    return settle(model, staff=None, message="", unconfirmed=None), ()
