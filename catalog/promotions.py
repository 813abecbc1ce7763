"""Multi-buy offers: "3 for 2" (``buy_qty``/``pay_qty``) and "2 for 3.00" (``bundle_cents``).

The catalog only stores offers; the checkout applies them. Offers are never deleted, only
deactivated, so past receipts can still be explained.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import sqlite_utils

from catalog import audit
from catalog.db import rows, utc_iso, write_transaction
from catalog.errors import InvalidPromotion, UnknownProduct, UnknownPromotion
from catalog.models import Promotion

__all__ = ["active_promotions", "add_promotion", "deactivate_promotion", "list_promotions"]


def _promotion(row: dict[str, Any]) -> Promotion:
    return Promotion(
        sku=row["sku"],
        name=row["name"],
        buy_qty=row["buy_qty"],
        pay_qty=row["pay_qty"],
        bundle_cents=row["bundle_cents"],
        active=bool(row["active"]),
        id=row["id"],
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
    )


def validate_promotion(promo: Promotion) -> None:
    """Exactly one of pay_qty / bundle_cents; the offer must actually be a deal shape."""
    problems = []
    if promo.buy_qty < 2:
        problems.append(f"buy quantity must be at least 2, not {promo.buy_qty}")
    if (promo.pay_qty is None) == (promo.bundle_cents is None):
        problems.append("give either a quantity to pay for or a bundle price, not both")
    if promo.pay_qty is not None and not 1 <= promo.pay_qty < promo.buy_qty:
        problems.append(f"pay quantity must be 1 to {promo.buy_qty - 1}, not {promo.pay_qty}")
    if promo.bundle_cents is not None and promo.bundle_cents < 0:
        problems.append("bundle price must not be negative")
    if not promo.name.strip():
        problems.append("name must not be empty")
    for what, day in (("first day", promo.starts_on), ("last day", promo.ends_on)):
        if day is not None and not _is_iso_date(day):
            problems.append(f"{what} {day!r} is not a date (YYYY-MM-DD)")
    if (
        _is_iso_date(promo.starts_on or "")
        and _is_iso_date(promo.ends_on or "")
        and promo.ends_on < promo.starts_on  # type: ignore[operator]
    ):
        problems.append(f"it ends ({promo.ends_on}) before it starts ({promo.starts_on})")
    if problems:
        raise InvalidPromotion(f"promotion {promo.name!r} on {promo.sku}: " + "; ".join(problems))


def _is_iso_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def add_promotion(db: sqlite_utils.Database, promo: Promotion, actor: str) -> Promotion:
    """Store a new offer (its ``id`` is ignored and assigned); returns it with the new id."""
    validate_promotion(promo)
    with write_transaction(db):
        if not rows(db, "SELECT 1 FROM products WHERE sku = ?", (promo.sku,)):
            raise UnknownProduct(f"no product with sku {promo.sku!r} for promotion {promo.name!r}")
        cursor = db.conn.execute(
            "INSERT INTO promotions (sku, name, buy_qty, pay_qty, bundle_cents, active,"
            " created_at, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                promo.sku,
                promo.name,
                promo.buy_qty,
                promo.pay_qty,
                promo.bundle_cents,
                int(promo.active),
                utc_iso(),
                promo.starts_on,
                promo.ends_on,
            ),
        )
        stored = dataclasses.replace(promo, id=cursor.lastrowid)
        audit.record(db, actor, "promotion.create", f"promotion:{stored.id}", None, stored)
        return stored


def list_promotions(db: sqlite_utils.Database, active_only: bool = False) -> list[Promotion]:
    """All offers, oldest first."""
    where = " WHERE active = 1" if active_only else ""
    return [_promotion(r) for r in rows(db, f"SELECT * FROM promotions{where} ORDER BY id")]


def active_promotions(
    db: sqlite_utils.Database, day: date | None = None
) -> dict[str, list[Promotion]]:
    """Active offers grouped by sku, for the checkout's pricing; with ``day``, only those
    that run on that store date."""
    grouped: dict[str, list[Promotion]] = {}
    for promo in list_promotions(db, active_only=True):
        if day is None or promo.runs_on(day):
            grouped.setdefault(promo.sku, []).append(promo)
    return grouped


def deactivate_promotion(db: sqlite_utils.Database, promo_id: int, actor: str) -> Promotion:
    """End an offer; it stays in the table for the record."""
    with write_transaction(db):
        found = rows(db, "SELECT * FROM promotions WHERE id = ?", (promo_id,))
        if not found:
            raise UnknownPromotion(f"no promotion with id {promo_id}")
        old = _promotion(found[0])
        db.conn.execute("UPDATE promotions SET active = 0 WHERE id = ?", (promo_id,))
        new = dataclasses.replace(old, active=False)
        if old != new:
            audit.record(db, actor, "promotion.deactivate", f"promotion:{promo_id}", old, new)
        return new
