"""After a crash or power cut: finish the payments the kiosk started but never saw end.

Every payment is written down as an intent before the terminal may take money
(:mod:`catalog.intents`). When the kiosk starts, each intent still ``open`` is settled:

- its sale is already in the ledger (the crash came after the commit): ``recorded``;
- the terminal says the money was taken: the sale is recorded now, with the terminal's
  reference, and its receipt file written: ``recorded``. The shopper paid; the sale counts;
- the terminal says it was not: ``not_paid``;
- the terminal cannot say: ``unknown``, left for staff (``kiosk doctor`` lists it with the
  amount, the time and the key to look up in the terminal's own journal).

Payments left ``unknown`` (a terminal that stopped answering mid-payment, or could not say at
an earlier start) are asked about again at every start: once the terminal can say, they are
recorded or closed the same way, and stay for staff while it cannot.

A kiosk settles only its own payments. Kiosks that share a catalog share its intents, but
each has its own terminal: asked about another kiosk's payment (perhaps still running), this
one's terminal knows nothing of it, and closing it as not paid would lose that kiosk's sale
after its own crash, and free its bottle vouchers for a second use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from catalog.db import utc_iso
from catalog.errors import CatalogError
from catalog.intents import forget_settled, settle_intent, unsettled_intents
from catalog.sales import get_sale, record_sale
from kiosk.errors import KioskError
from kiosk.payment import PaymentOutcome, PaymentProvider
from kiosk.receipt import DEFAULT_STORE, StoreInfo, write_receipt

log = logging.getLogger(__name__)
KEEP_SETTLED_DAYS = 30  # settled intents are only the ledger's scaffolding: a month is plenty


@dataclass(frozen=True)
class Recovered:
    """How one interrupted payment was settled; ``receipt_no`` when a sale stands for it."""

    key: str
    state: str
    amount_cents: int
    receipt_no: str | None = None


def recover_payments(
    db: Any,
    provider: PaymentProvider,
    *,
    receipts_dir: Path | None = None,
    store: StoreInfo = DEFAULT_STORE,
    zone: tzinfo | None = None,
    kiosk_id: str | None = None,
) -> list[Recovered]:
    """Settle every open intent of kiosk ``kiosk_id`` (None: of any kiosk, for a catalog only
    one kiosk uses), and every unknown one its terminal can now say about (see the module
    text); returns what became of each."""
    done = []
    for intent in unsettled_intents(db, ("open", "unknown")):
        if kiosk_id is not None and intent.draft.kiosk_id != kiosk_id:
            continue  # another kiosk's payment: its own terminal and restart settle it
        amount = intent.draft.total_cents
        sale = get_sale(db, intent.key)
        if sale is not None:
            settle_intent(db, intent.key, "recorded", "in the ledger before the restart")
            done.append(Recovered(intent.key, "recorded", amount, sale.receipt_no))
            continue
        try:
            answer = provider.lookup(intent.key)
        except (KioskError, OSError) as exc:
            log.error("the terminal could not be asked about payment %s: %s", intent.key, exc)
            answer = None
        if answer is None and intent.state == "unknown":
            continue  # still for staff; said when it became unknown, and by kiosk doctor
        if answer is None:
            settle_intent(db, intent.key, "unknown", "the terminal could not say")
            log.error(
                "payment %s of %d cents started %s ended unseen and the terminal cannot say "
                "whether it was taken: check the terminal's journal (kiosk doctor lists it)",
                intent.key, amount, intent.created_at,
            )  # fmt: skip
            done.append(Recovered(intent.key, "unknown", amount))
        elif answer.outcome is PaymentOutcome.APPROVED:
            draft = replace(intent.draft, payment_method=answer.method,
                            payment_ref=answer.reference)  # fmt: skip
            sale = record_sale(db, draft)
            settle_intent(db, intent.key, "recorded", "paid before the restart")
            log.warning(
                "recorded sale %s (%d cents): paid at the terminal, which said so only now "
                "(if the shopper paid again for the same basket, refund one of the two)",
                sale.receipt_no, amount,
            )  # fmt: skip
            _write_receipt(sale, receipts_dir, store, zone)
            done.append(Recovered(intent.key, "recorded", amount, sale.receipt_no))
        else:
            settle_intent(db, intent.key, "not_paid", answer.outcome.value)
            done.append(Recovered(intent.key, "not_paid", amount))
    return done


def _write_receipt(
    sale: Any, receipts_dir: Path | None, store: StoreInfo, zone: tzinfo | None
) -> None:
    if receipts_dir is None:
        return
    try:
        write_receipt(sale, receipts_dir, store, zone)
    except KioskError as exc:
        log.error("%s", exc)


def safely_recover(checkout: Any) -> list[Recovered]:
    """:func:`recover_payments` for a running checkout; a failure is logged, never fatal
    (the intents stay open and the next start tries again)."""
    try:
        done = recover_payments(
            checkout.db, checkout.provider, receipts_dir=checkout.receipts_dir,
            store=checkout.store, zone=checkout.zone, kiosk_id=checkout.model.config.kiosk_id,
        )  # fmt: skip
        cutoff = utc_iso(datetime.now(UTC) - timedelta(days=KEEP_SETTLED_DAYS))
        forget_settled(checkout.db, cutoff)
        return done
    except CatalogError as exc:
        log.error("could not settle the payments interrupted before the restart: %s", exc)
        return []
