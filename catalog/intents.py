"""Payment intents: every sale is written down before the terminal may take the money.

The one moment a sale could be lost is between the card terminal approving a payment and the
ledger committing the sale: a power cut there leaves a shopper charged and no sale on record.
So before a payment starts, the sale to be (its draft, under its idempotency key) is committed
here as ``open``. Afterwards the intent is settled: ``recorded`` once the sale is in the
ledger, ``not_paid`` when the terminal declined or the payment was cancelled. An intent still
``open`` when the kiosk starts belongs to a payment whose end the kiosk never saw; the kiosk
asks the terminal about it by key and records the sale if the money was taken
(:mod:`kiosk.recovery`), or marks it ``unknown`` for staff when the terminal cannot say.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

import sqlite_utils

from catalog.db import rows, utc_iso, write_transaction
from catalog.models import SaleDraft, SaleLine

__all__ = [
    "Intent",
    "draft_from_json",
    "draft_to_json",
    "forget_settled",
    "open_intent",
    "settle_intent",
    "unsettled_intents",
    "voucher_in_payment",
]

STATES = ("open", "recorded", "not_paid", "unknown")


@dataclass(frozen=True)
class Intent:
    """A payment the kiosk started: the sale it was for, and how it ended (``state``)."""

    key: str
    created_at: str
    draft: SaleDraft
    state: str
    note: str = ""


def draft_to_json(draft: SaleDraft) -> str:
    """A sale draft as one line of JSON (what an intent keeps)."""
    return json.dumps(dataclasses.asdict(draft))


def draft_from_json(text: str) -> SaleDraft:
    """The inverse of :func:`draft_to_json`."""
    data = json.loads(text)
    data["lines"] = tuple(SaleLine(**line) for line in data["lines"])
    data["overrides"] = tuple(data["overrides"])
    return SaleDraft(**data)


def open_intent(db: sqlite_utils.Database, draft: SaleDraft) -> None:
    """Write down the sale a payment is about to be taken for (committed on return).

    A retry under the same key (the shopper tries another card) opens it again with the
    basket as it is now.
    """
    with write_transaction(db):
        db.conn.execute(
            "INSERT INTO payment_intents (idempotency_key, created_at, kiosk_id, amount_cents,"
            " currency, draft_json, state) VALUES (?, ?, ?, ?, ?, ?, 'open')"
            " ON CONFLICT (idempotency_key) DO UPDATE SET draft_json = excluded.draft_json,"
            " amount_cents = excluded.amount_cents, state = 'open', settled_at = NULL,"
            " note = '' WHERE state != 'recorded'",
            (draft.idempotency_key, utc_iso(), draft.kiosk_id, draft.total_cents,
             draft.currency, draft_to_json(draft)),
        )  # fmt: skip


def settle_intent(db: sqlite_utils.Database, key: str, state: str, note: str = "") -> None:
    """Say how the payment under ``key`` ended (a recorded sale is never reopened)."""
    if state not in STATES[1:]:
        raise ValueError(f"an intent settles as one of {STATES[1:]}, not {state!r}")
    with write_transaction(db):
        db.conn.execute(
            "UPDATE payment_intents SET state = ?, settled_at = ?, note = ?"
            " WHERE idempotency_key = ? AND state != 'recorded'",
            (state, utc_iso(), note, key),
        )


def unsettled_intents(
    db: sqlite_utils.Database, states: tuple[str, ...] = ("open",)
) -> list[Intent]:
    """Intents in ``states``, oldest first."""
    marks = ",".join("?" * len(states))
    found = rows(
        db,
        f"SELECT * FROM payment_intents WHERE state IN ({marks}) ORDER BY created_at",
        states,
    )
    return [
        Intent(r["idempotency_key"], r["created_at"], draft_from_json(r["draft_json"]), r["state"],
               r["note"])
        for r in found
    ]  # fmt: skip


def voucher_in_payment(db: sqlite_utils.Database, code: str, except_key: str = "") -> str:
    """The kiosk whose payment under way (open, or unknown until staff check it) is for a
    sale taking bottle voucher ``code``; "" if none. ``except_key``: the asking sale's own."""
    for intent in unsettled_intents(db, ("open", "unknown")):
        lines = intent.draft.lines
        if intent.key != except_key and any(x.kind == "voucher" and x.sku == code for x in lines):
            return intent.draft.kiosk_id
    return ""


def forget_settled(db: sqlite_utils.Database, before: str) -> int:
    """Delete intents settled (``recorded`` or ``not_paid``) before the UTC time ``before``:
    the ledger holds the sales; open and unknown ones stay until they are dealt with."""
    with write_transaction(db):
        cursor = db.conn.execute(
            "DELETE FROM payment_intents WHERE state IN ('recorded', 'not_paid')"
            " AND settled_at < ?",
            (before,),
        )
    return int(cursor.rowcount)
