"""Refunds: money given back against a recorded sale, in the same append-only ledger.

A sale is never changed; a refund is its own record (``refunds`` and ``refund_lines``) that
names the sale, who gave the money back, why and how. The caller says *which items* go back;
the ledger works out *how much*, from what the sale actually charged, so no refund can give
back more than was paid:

- each product's share of the sale is what its lines charged, offers and deposits included
  (three cans on "3 for 2" charged 2.58, so each refunds 0.86, plus its deposit), with its tax;
- a bottle voucher handed in paid for the items like money (the empties stay returned), so
  refunding them gives back their whole share, voucher or not;
- a partial refund takes its share of that, rounded so that the refunds of a product so far
  never pass its share; the last one takes exactly what is left, so refunding everything in
  several goes returns the sale's total to the cent.

Recording is one transaction and idempotent on its key, as for sales.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from fractions import Fraction
from typing import Any

import sqlite_utils

from catalog.db import rows, utc_iso, write_transaction
from catalog.errors import InvalidRefund
from catalog.models import PRODUCT_KINDS, Refund, RefundLine, Sale
from catalog.tax import exact_tax, round_half_up, share_out, taxed_per_line

__all__ = [
    "list_refunds",
    "plan_refund",
    "record_refund",
    "refund_by_key",
    "refunded_so_far",
    "refunds_of",
    "shares_of",
]

log = logging.getLogger(__name__)

_LINE_FIELDS = ("sku", "name", "quantity", "amount_cents", "tax_rate_bp", "tax_cents")


def shares_of(sale: Sale) -> dict[str, RefundLine]:
    """Each product's share of the sale, as the refund of all of it would give it back:
    ``amount_cents`` with tax, and its tax. They add up to the sale's total and tax exactly
    (plus what vouchers took off, when the shopper handed any in)."""
    draft = sale.draft
    lines = sale.lines or draft.lines
    sold: dict[str, tuple[str, int, int]] = {}  # sku -> name, quantity, rate
    charged: dict[str, int] = {}
    line_tax: dict[str, int] = {}
    for line in lines:
        if line.kind in PRODUCT_KINDS:  # offers and deposits: what they charged goes along
            name, qty, _ = sold.get(line.sku, (line.name, 0, line.tax_rate_bp))
            sold[line.sku] = (name, qty + line.quantity, line.tax_rate_bp)
        charged[line.sku] = charged.get(line.sku, 0) + line.line_cents
        line_tax[line.sku] = line_tax.get(line.sku, 0) + line.tax_cents
    if taxed_per_line(line_tax.values(), draft.tax_cents):
        taxes = line_tax
    else:  # tax rounded once per sale: each product takes its exact share
        exact = {sku: exact_tax(charged[sku], sold[sku][2], draft.tax_inclusive) for sku in sold}
        vouchers = any(line.kind == "voucher" for line in lines)
        products_tax = round_half_up(sum(exact.values())) if vouchers else draft.tax_cents
        taxes = _shared_by_rate(exact, {sku: sold[sku][2] for sku in sold}, products_tax)
    shares = {}
    for sku, (name, quantity, rate) in sold.items():
        amount = charged[sku] + (0 if draft.tax_inclusive else taxes[sku])
        shares[sku] = RefundLine(sku, name, quantity, amount, rate, taxes[sku])
    return shares


def _shared_by_rate(
    exact: dict[str, Fraction], rates: dict[str, int], total: int
) -> dict[str, int]:
    """``total`` cents of tax shared out by rate first, as the sale's tax bands share it
    (``catalog.tax.sale_tax_bands``), then each rate's among its products: refunding a whole
    sale gives back each rate's tax to the cent, not just the sum of them."""
    by_rate: dict[int, Fraction] = {}
    for rate in sorted(set(rates.values()), reverse=True):
        by_rate[rate] = sum((exact[sku] for sku in exact if rates[sku] == rate), Fraction(0))
    taxes: dict[str, int] = {}
    for rate, tax in share_out(by_rate, total).items():
        taxes |= share_out({sku: exact[sku] for sku in exact if rates[sku] == rate}, tax)
    return taxes


def unit_prices(sale: Sale, sku: str) -> set[int]:
    """The prices one of ``sku`` was sold at on ``sale`` (more than one: labelled packs)."""
    lines = sale.lines or sale.draft.lines
    return {x.unit_cents for x in lines if x.sku == sku and x.kind in PRODUCT_KINDS}


def refunded_so_far(refunds: list[Refund]) -> dict[str, tuple[int, int, int]]:
    """Per sku: quantity, amount and tax the ``refunds`` gave back."""
    done: dict[str, tuple[int, int, int]] = {}
    for refund in refunds:
        for line in refund.lines:
            q, a, t = done.get(line.sku, (0, 0, 0))
            done[line.sku] = (q + line.quantity, a + line.amount_cents, t + line.tax_cents)
    return done


def plan_refund(
    sale: Sale, earlier: list[Refund], quantities: Mapping[str, int] | None
) -> tuple[RefundLine, ...]:
    """The lines of a refund of ``quantities`` (sku -> how many; None: all that is left)."""
    shares = shares_of(sale)
    done = refunded_so_far(earlier)
    left = {sku: s.quantity - done.get(sku, (0, 0, 0))[0] for sku, s in shares.items()}
    wanted = {sku: q for sku, q in left.items() if q > 0} if quantities is None else quantities
    problems = []
    for sku, qty in wanted.items():
        if sku not in shares:
            problems.append(f"{sku} is not on receipt {sale.receipt_no}")
        elif not isinstance(qty, int) or qty < 1:
            problems.append(f"{sku}: refund at least 1, not {qty!r}")
        elif qty > left[sku]:
            problems.append(f"{sku}: {qty} asked, {left[sku]} of {shares[sku].quantity} left")
        elif qty < left[sku] and len(prices := unit_prices(sale, sku)) > 1:
            # Packs priced by their scale's label: a share of the product's amount would be
            # their average price, not the returned pack's.
            problems.append(
                f"{sku} was sold at {len(prices)} prices (packs priced by their labels): "
                f"refund all {left[sku]} left, then sell again the ones kept"
            )
    if problems or not wanted:
        why = "; ".join(problems) or "everything on it was refunded already"
        raise InvalidRefund(f"cannot refund receipt {sale.receipt_no}: {why}")
    lines = []
    for sku in sorted(wanted):
        share, qty = shares[sku], wanted[sku]
        q0, a0, t0 = done.get(sku, (0, 0, 0))
        after = Fraction(q0 + qty, share.quantity)
        amount = round_half_up(share.amount_cents * after) - a0
        tax = min(round_half_up(share.tax_cents * after) - t0, amount)
        lines.append(RefundLine(sku, share.name, qty, amount, share.tax_rate_bp, tax))
    return tuple(lines)


def record_refund(
    db: sqlite_utils.Database,
    sale: Sale,
    quantities: Mapping[str, int] | None,
    *,
    key: str,
    staff: str,
    reason: str,
    method: str,
    payment_ref: str = "",
    kiosk_id: str | None = None,
) -> Refund:
    """Record a refund of ``quantities`` of ``sale`` (None: everything not yet refunded).

    Raises ``InvalidRefund`` (nothing written) for items not on the sale, more than is left,
    a blank staff name, reason or method, or a ``key`` that another sale's refund has. The
    same ``key`` again for this sale returns the first refund (a retry).
    """
    for what, value in (("staff", staff), ("reason", reason), ("method", method)):
        if not value.strip():
            raise InvalidRefund(f"a refund needs a {what}")
    existing = _by_key(db, key)
    if existing is None:
        with write_transaction(db):
            existing = _by_key(db, key)
            if existing is None:
                earlier = refunds_of(db, sale.id)
                lines = plan_refund(sale, earlier, quantities)
                amount = sum(line.amount_cents for line in lines)
                if amount <= 0:
                    raise InvalidRefund(f"receipt {sale.receipt_no}: those items cost nothing")
                values = {
                    "key": key,
                    "staff": staff.strip(),
                    "reason": reason.strip(),
                    "method": method.strip(),
                    "payment_ref": payment_ref,
                    "kiosk_id": kiosk_id or sale.draft.kiosk_id,
                }
                return _insert(db, sale, earlier, lines, **values)
    if existing.sale_id != sale.id:
        raise InvalidRefund(
            f"the refund key {key} was used for {existing.refund_no} already: "
            "a new refund needs a new key"
        )
    return existing


def _insert(
    db: sqlite_utils.Database,
    sale: Sale,
    earlier: list[Refund],
    lines: tuple[RefundLine, ...],
    **values: str,
) -> Refund:
    refund_no = f"{sale.receipt_no}-R{len(earlier) + 1}"
    created_at = utc_iso()
    amount = sum(line.amount_cents for line in lines)
    tax = sum(line.tax_cents for line in lines)
    cursor = db.conn.execute(
        "INSERT INTO refunds (idempotency_key, sale_id, refund_no, created_at, kiosk_id, staff,"
        " reason, method, payment_ref, currency, amount_cents, tax_cents)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (values["key"], sale.id, refund_no, created_at, values["kiosk_id"], values["staff"],
         values["reason"], values["method"], values["payment_ref"], sale.draft.currency,
         amount, tax),
    )  # fmt: skip
    refund_id = int(cursor.lastrowid or 0)
    db.conn.executemany(
        "INSERT INTO refund_lines (refund_id, position, sku, name, quantity, amount_cents,"
        " tax_rate_bp, tax_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (refund_id, pos, *(getattr(line, f) for f in _LINE_FIELDS))
            for pos, line in enumerate(lines)
        ],
    )
    return Refund(
        id=refund_id, refund_no=refund_no, sale_id=sale.id, receipt_no=sale.receipt_no,
        created_at=created_at, kiosk_id=values["kiosk_id"], staff=values["staff"],
        reason=values["reason"], method=values["method"], payment_ref=values["payment_ref"],
        currency=sale.draft.currency, amount_cents=amount, tax_cents=tax, lines=lines,
        tax_inclusive=sale.draft.tax_inclusive,
    )  # fmt: skip


def _refunds(db: sqlite_utils.Database, where: str, params: tuple[Any, ...]) -> list[Refund]:
    found = rows(
        db,
        "SELECT r.*, s.receipt_no, s.tax_inclusive FROM refunds r JOIN sales s ON s.id = r.sale_id"
        f" {where} ORDER BY r.id",
        params,
    )
    lines: dict[int, list[RefundLine]] = {}
    if found:
        marks = ",".join("?" * len(found))
        for row in rows(
            db,
            f"SELECT * FROM refund_lines WHERE refund_id IN ({marks}) ORDER BY refund_id, position",
            tuple(r["id"] for r in found),
        ):
            lines.setdefault(row["refund_id"], []).append(
                RefundLine(**{f: row[f] for f in _LINE_FIELDS})
            )
    columns = [f.name for f in fields(Refund) if f.name not in ("lines", "tax_inclusive")]
    return [
        Refund(
            **{c: r[c] for c in columns},
            lines=tuple(lines.get(r["id"], ())),
            tax_inclusive=bool(r["tax_inclusive"]),
        )
        for r in found
    ]


def refund_by_key(db: sqlite_utils.Database, key: str) -> Refund | None:
    """The refund recorded with this idempotency key, if any."""
    return _by_key(db, key)


def _by_key(db: sqlite_utils.Database, key: str) -> Refund | None:
    found = _refunds(db, "WHERE r.idempotency_key = ?", (key,))
    return found[0] if found else None


def refunds_of(db: sqlite_utils.Database, sale_id: int) -> list[Refund]:
    """Every refund of one sale, oldest first."""
    return _refunds(db, "WHERE r.sale_id = ?", (sale_id,))


def list_refunds(
    db: sqlite_utils.Database, since: datetime | str | None = None, until: str | None = None
) -> list[Refund]:
    """Refunds with ``since <= created_at < until`` (UTC ISO bounds, as for sales)."""
    clauses, params = [], []
    if since is not None:
        clauses.append("r.created_at >= ?")
        params.append(since if isinstance(since, str) else utc_iso(since))
    if until is not None:
        clauses.append("r.created_at < ?")
        params.append(until)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return _refunds(db, where, tuple(params))
