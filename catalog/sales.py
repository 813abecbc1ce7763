"""The sales ledger: each sale recorded once, whole, and never changed afterwards.

Guarantees: a sale and all its lines are written in one ``BEGIN IMMEDIATE`` transaction, so
a process killed at any instant leaves the whole sale or none of it. The idempotency key is
UNIQUE: recording the same key again returns the first sale and writes nothing, so the
checkout may retry a commit whose outcome it never learned. Triggers refuse UPDATE and
DELETE on sales and sale lines. Names and prices are copied into the lines, so later catalog
changes never rewrite a past receipt.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from typing import Any

import sqlite_utils

from catalog.db import rows, utc_iso, write_transaction
from catalog.models import Sale, SaleDraft, SaleLine
from catalog.reports import sales_summary
from catalog.sale_checks import validate_draft

__all__ = [
    "get_sale",
    "get_sale_by_id",
    "list_sales",
    "receipt_prefix",
    "record_sale",
    "sales_summary",
    "voucher_receipt",
]

log = logging.getLogger(__name__)

_LINE_FIELDS = ("sku", "name", "quantity", "unit_cents", "line_cents", "tax_rate_bp", "tax_cents")


def receipt_prefix(kiosk_id: str) -> str:
    """``"kiosk-1"`` -> ``"K1"``: short enough to read out at the help desk."""
    short = re.sub(r"(?i)^kiosk[-_ ]*", "K", kiosk_id.strip())
    return re.sub(r"[^A-Za-z0-9]", "", short).upper() or "K"


def record_sale(db: sqlite_utils.Database, draft: SaleDraft) -> Sale:
    """Record ``draft`` as one sale, or return the sale already recorded under its key.

    Raises ``InvalidSale`` (nothing written) when the draft's totals disagree with its lines,
    ``DatabaseLocked`` when another program holds the catalog past the busy timeout.
    """
    validate_draft(draft)
    existing = get_sale(db, draft.idempotency_key)
    if existing is None:
        with write_transaction(db):
            existing = get_sale(db, draft.idempotency_key)
            if existing is None:
                return _insert(db, draft)
    if existing.draft != draft:
        log.warning(
            "sale %s was already recorded as %s with different contents; kept the first",
            draft.idempotency_key,
            existing.receipt_no,
        )
    return existing


def _insert(db: sqlite_utils.Database, draft: SaleDraft) -> Sale:
    conn = db.conn
    seq = conn.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM sales WHERE kiosk_id = ?", (draft.kiosk_id,)
    ).fetchone()[0]
    receipt_no = f"{receipt_prefix(draft.kiosk_id)}-{seq:06d}"
    created_at = utc_iso()
    cursor = conn.execute(
        "INSERT INTO sales (idempotency_key, kiosk_id, seq, receipt_no, created_at, currency,"
        " tax_inclusive, subtotal_cents, tax_cents, total_cents, line_count, payment_method,"
        " payment_ref, approved_by, overrides_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            draft.idempotency_key,
            draft.kiosk_id,
            seq,
            receipt_no,
            created_at,
            draft.currency,
            int(draft.tax_inclusive),
            draft.subtotal_cents,
            draft.tax_cents,
            draft.total_cents,
            len(draft.lines),
            draft.payment_method,
            draft.payment_ref,
            draft.approved_by,
            json.dumps(list(draft.overrides)),
        ),
    )
    sale_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO sale_lines (sale_id, position, kind, sku, name, quantity, unit_cents,"
        " line_cents, tax_rate_bp, tax_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (sale_id, pos, line.kind, *(getattr(line, f) for f in _LINE_FIELDS))
            for pos, line in enumerate(draft.lines)
        ],
    )
    return Sale(
        id=sale_id, receipt_no=receipt_no, created_at=created_at, draft=draft, lines=draft.lines
    )


def _sales(db: sqlite_utils.Database, where: str, params: tuple[Any, ...]) -> list[Sale]:
    found = rows(db, f"SELECT * FROM sales {where} ORDER BY id", params)
    if not found:
        return []
    lines: dict[int, list[SaleLine]] = {}
    ids = [row["id"] for row in found]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for row in rows(
            db,
            f"SELECT * FROM sale_lines WHERE sale_id IN ({marks}) ORDER BY sale_id, position",
            tuple(chunk),
        ):
            lines.setdefault(row["sale_id"], []).append(_line(row))
    return [_sale(row, tuple(lines.get(row["id"], ()))) for row in found]


def _line(row: dict[str, Any]) -> SaleLine:
    return SaleLine(kind=row["kind"], **{f: row[f] for f in _LINE_FIELDS})


def _sale(row: dict[str, Any], lines: tuple[SaleLine, ...]) -> Sale:
    draft = SaleDraft(
        idempotency_key=row["idempotency_key"],
        lines=lines,
        subtotal_cents=row["subtotal_cents"],
        tax_cents=row["tax_cents"],
        total_cents=row["total_cents"],
        currency=row["currency"],
        tax_inclusive=bool(row["tax_inclusive"]),
        payment_method=row["payment_method"],
        payment_ref=row["payment_ref"],
        approved_by=row["approved_by"],
        overrides=tuple(json.loads(row["overrides_json"])),
        kiosk_id=row["kiosk_id"],
    )
    return Sale(
        id=row["id"],
        receipt_no=row["receipt_no"],
        created_at=row["created_at"],
        draft=draft,
        lines=lines,
    )


def get_sale(db: sqlite_utils.Database, key: str) -> Sale | None:
    """The sale recorded under idempotency ``key``, or None."""
    found = _sales(db, "WHERE idempotency_key = ?", (key,))
    return found[0] if found else None


def get_sale_by_id(db: sqlite_utils.Database, sale_id: int) -> Sale | None:
    """The sale with ledger id ``sale_id``, or None."""
    found = _sales(db, "WHERE id = ?", (sale_id,))
    return found[0] if found else None


def get_sale_by_receipt(db: sqlite_utils.Database, receipt_no: str) -> list[Sale]:
    """Sales printed with ``receipt_no`` (one, unless two kiosks share a prefix)."""
    return _sales(db, "WHERE receipt_no = ?", (receipt_no,))


def _bound(moment: datetime | str) -> str:
    return moment if isinstance(moment, str) else utc_iso(moment)


def list_sales(
    db: sqlite_utils.Database,
    since: datetime | str | None = None,
    until: datetime | str | None = None,
) -> list[Sale]:
    """Sales with ``since <= created_at < until`` (UTC; naive datetimes count as UTC)."""
    clauses, params = [], []
    if since is not None:
        clauses.append("created_at >= ?")
        params.append(_bound(since))
    if until is not None:
        clauses.append("created_at < ?")
        params.append(_bound(until))
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return _sales(db, where, tuple(params))


def voucher_receipt(db: sqlite_utils.Database, code: str) -> str:
    """The receipt number of the sale that redeemed bottle voucher ``code`` ("" if none)."""
    row = db.conn.execute(
        "SELECT s.receipt_no FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
        " WHERE l.kind = 'voucher' AND l.sku = ? ORDER BY s.id LIMIT 1",
        (code,),
    ).fetchone()
    return str(row[0]) if row else ""
