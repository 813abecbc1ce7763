"""The audit log read by people: one line per change, who made it, when, and what changed.

The log itself keeps the values before and after as JSON; this turns an entry into
"product changed 1001 · price 1.29 → 1.49; on sale yes → no" for the admin screen and
``kiosk catalog audit``. Money fields (``*_cents``) are shown in the currency's units, tax
rates (``*_bp``) in per cent. A PIN is never in the log, so never here either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from catalog.models import AuditEntry
from catalog.money import format_bp, format_cents

__all__ = ["AuditLine", "describe"]

ACTIONS = {
    "product.create": "product added",
    "product.update": "product changed",
    "promotion.create": "offer added",
    "promotion.deactivate": "offer ended",
    "catalog.import": "catalog imported",
    "catalog.backup": "catalog backed up",
    "setting.set": "setting changed",
    "staff.create": "staff account added",
    "staff.set_active": "staff account enabled or disabled",
    "staff.set_role": "staff role changed",
    "staff.set_pin": "staff PIN changed",
    "staff.lockout": "PIN pad locked after wrong PINs",
    "basket.add_line": "item added by staff",
    "basket.remove_line": "item removed by staff",
    "basket.remove_voucher": "bottle voucher taken out by staff",
    "basket.void": "basket cancelled by staff",
    "basket.approve": "basket approved by staff",
    "sale.refund": "refund given",
    "sales.export": "sales exported",
    "payment.settle": "unconfirmed payment settled",
    "model.install": "recognition model installed",
    "model.rollback": "recognition model rolled back",
}
# What identifies a new thing in one glance; the rest is in the JSON (``--json``).
_SUMMARY_KEYS = (
    "sku",
    "name",
    "price_cents",
    "tax_rate_bp",
    "role",
    "labels",
    "amount_cents",
    "refund_no",
    "receipt_no",
    "reason",
    "method",
    "file",
    "sales",
    "refunds",
    "created",
    "updated",
)
_HIDDEN = {"id", "image"}


@dataclass(frozen=True)
class AuditLine:
    """One entry as staff read it."""

    id: int
    at: str  # the store's time, "YYYY-MM-DD HH:MM:SS"
    actor: str
    what: str  # "product changed 1001"
    detail: str  # "price 1.29 → 1.49"


def describe(entry: AuditEntry, *, decimals: int = 2, zone: tzinfo | None = None) -> AuditLine:
    """``entry`` in words; ``decimals``: the currency's minor-unit digits."""
    moment = datetime.fromisoformat(entry.at.replace("Z", "+00:00")).astimezone(zone)
    when = moment.strftime("%Y-%m-%d %H:%M:%S")
    subject = entry.entity.split(":", 1)[1] if ":" in entry.entity else ""
    what = f"{ACTIONS.get(entry.action, entry.action)} {subject}".strip()
    return AuditLine(entry.id, when, entry.actor, what, _detail(entry, decimals, subject))


def _detail(entry: AuditEntry, decimals: int, subject: str) -> str:
    old, new = entry.old, entry.new
    if isinstance(old, dict) and isinstance(new, dict):
        changed = sorted(
            (k for k in new if k not in _HIDDEN and old.get(k) != new.get(k)), key=_order
        )
        return "; ".join(
            f"{_field(k)} {_value(k, old.get(k), decimals)} → {_value(k, new.get(k), decimals)}"
            for k in changed
        )
    shown = new if new is not None else old
    if isinstance(shown, dict):
        keys = [k for k in _SUMMARY_KEYS if k in shown and str(shown[k]) != subject] or [
            k for k in shown if k not in _HIDDEN
        ][:6]
        text = "; ".join(f"{_field(k)} {_value(k, shown[k], decimals)}" for k in keys)
        return text if new is not None else f"was: {text}"
    if old is not None and new is not None:
        return f"{_value('', old, decimals)} → {_value('', new, decimals)}"
    return "" if shown is None else _value("", shown, decimals)


def _order(key: str) -> tuple[int, str]:
    """What matters most first: the summary fields in their order, then the rest by name."""
    rank = _SUMMARY_KEYS.index(key) if key in _SUMMARY_KEYS else len(_SUMMARY_KEYS)
    return rank, key


def _field(key: str) -> str:
    for suffix in ("_cents", "_bp"):
        key = key.removesuffix(suffix)
    return key.replace("_", " ")


def _value(key: str, value: Any, decimals: int) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and key.endswith("_cents"):
        return format_cents(value, decimals)
    if isinstance(value, int) and key.endswith("_bp"):
        return f"{format_bp(value)} %"
    if isinstance(value, list):
        return ", ".join(_value("", v, decimals) for v in value) or "none"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(k, v, decimals)}" for k, v in value.items()) + "}"
    return str(value)
