"""The ledger's invariants on a sale draft, checked before anything is written.

A draft that breaks one is a bug in the caller (the checkout computed totals wrongly), so
the ledger refuses it with every problem listed rather than storing numbers that disagree.
"""

from __future__ import annotations

import re

from catalog.errors import InvalidSale
from catalog.models import PRODUCT_KINDS, SaleDraft, SaleLine

__all__ = ["draft_problems", "validate_draft"]

_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_KINDS = ("item", "promotion", "manual", "deposit", "voucher")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _line_problems(index: int, line: SaleLine) -> list[str]:
    where = f"line {index + 1} ({line.sku})"
    numbers = ("quantity", "unit_cents", "line_cents", "tax_rate_bp", "tax_cents")
    bad = [name for name in numbers if not _is_int(getattr(line, name))]
    if bad:
        return [f"{where}: {', '.join(bad)} must be whole numbers"]
    problems = []
    if line.kind not in _KINDS:
        problems.append(f"{where}: kind {line.kind!r} is not one of {', '.join(_KINDS)}")
    if not line.sku or not line.name:
        problems.append(f"{where}: sku and name must not be empty")
    if line.quantity < 1:
        problems.append(f"{where}: quantity must be at least 1")
    if not 0 <= line.tax_rate_bp <= 10000:
        problems.append(f"{where}: tax rate {line.tax_rate_bp} bp is outside 0..10000")
    if line.kind in ("item", "deposit"):
        if line.unit_cents < 0:
            problems.append(f"{where}: unit price must not be negative")
        if line.line_cents != line.quantity * line.unit_cents:
            problems.append(
                f"{where}: line total {line.line_cents} != {line.quantity} x {line.unit_cents}"
            )
    if line.kind == "promotion" and line.line_cents > 0:
        problems.append(f"{where}: a promotion line must not add money")
    if line.kind == "voucher" and not (
        line.sku.isdigit() and line.quantity == 1 and line.unit_cents == line.line_cents < 0
    ):
        problems.append(f"{where}: a voucher line takes its amount off once, by its number")
    return problems


def draft_problems(draft: SaleDraft) -> list[str]:
    """Every broken invariant, in words; empty when the draft may be recorded."""
    problems: list[str] = []
    if not isinstance(draft.idempotency_key, str) or not _KEY.match(draft.idempotency_key):
        problems.append("idempotency key must be 1-128 letters, digits or -_.: (a UUID)")
    if not draft.lines:
        problems.append("a sale needs at least one line")
    sold = {line.sku for line in draft.lines if line.kind in PRODUCT_KINDS}
    for index, line in enumerate(draft.lines):
        problems.extend(_line_problems(index, line))
        if line.kind == "deposit" and line.sku not in sold:
            problems.append(f"line {index + 1} ({line.sku}): a deposit without its item")
        if line.kind == "voucher" and not sold:
            problems.append(f"line {index + 1} ({line.sku}): a voucher without anything sold")
    vouchers = [line.sku for line in draft.lines if line.kind == "voucher"]
    if len(vouchers) != len(set(vouchers)):
        problems.append("a voucher is taken off twice")
    totals = ("subtotal_cents", "tax_cents", "total_cents")
    if not all(_is_int(getattr(draft, name)) for name in totals):
        return [*problems, "subtotal, tax and total must be whole numbers of cents"]
    if problems:
        return problems
    line_sum = sum(line.line_cents for line in draft.lines)
    if draft.subtotal_cents != line_sum:
        problems.append(f"subtotal {draft.subtotal_cents} != sum of lines {line_sum}")
    expected = draft.subtotal_cents + (0 if draft.tax_inclusive else draft.tax_cents)
    if draft.total_cents != expected:
        kind = "inclusive" if draft.tax_inclusive else "exclusive"
        problems.append(f"total {draft.total_cents} != {expected} (tax {kind})")
    if draft.total_cents < 0:
        problems.append("the total must not be negative")
    # A bottle voucher takes its tax off at its own rate: with few items at a lower rate the
    # sale's tax may fall below zero, which is what the store owes (no other sale does that).
    if draft.tax_cents < 0 and not vouchers:
        problems.append("tax must not be negative")
    if not isinstance(draft.currency, str) or not _CURRENCY.match(draft.currency):
        problems.append(f"currency {draft.currency!r} must be a 3-letter code such as EUR")
    if not draft.kiosk_id or not draft.payment_method:
        problems.append("kiosk id and payment method must not be empty")
    return problems


def validate_draft(draft: SaleDraft) -> None:
    """Raise ``InvalidSale`` listing every problem; nothing is recorded."""
    problems = draft_problems(draft)
    if problems:
        raise InvalidSale(
            f"sale {draft.idempotency_key!r} was not recorded (a checkout bug: report it): "
            + "; ".join(problems)
        )
