"""Payment terminals behind one small interface, and a simulated terminal for demos and tests.

A terminal is slow and asynchronous: the checkout calls :meth:`PaymentProvider.start`,
then :meth:`PaymentProvider.poll` on every tick until a :class:`PaymentResult` comes back.
Nothing blocks the caller, so the screen stays responsive while the shopper taps a card.
"""

from __future__ import annotations

import json
import os
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kiosk.errors import KioskError


class PaymentOutcome(str, Enum):
    """How a payment attempt ended."""

    APPROVED = "approved"
    DECLINED = "declined"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"
    # The terminal stopped answering mid-payment: the money may or may not have been taken.
    # Staff settle it against the terminal's journal; the shopper must not simply pay again.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PaymentResult:
    """The end of one payment attempt; also the event the checkout receives.

    ``reference`` is the terminal's transaction reference (stored on the sale).
    ``message`` is plain text for the shopper (e.g. why the card was declined).
    """

    outcome: PaymentOutcome
    reference: str = ""
    message: str = ""
    method: str = "card"


class PaymentBusy(KioskError):
    """A payment was started while another one is still running."""


class PaymentProvider(ABC):
    """A payment terminal. One payment at a time; ``sale_key`` makes a retry idempotent."""

    @abstractmethod
    def start(self, sale_key: str, amount_cents: int, currency: str) -> None:
        """Ask the terminal to take ``amount_cents``; returns at once."""

    @abstractmethod
    def poll(self) -> PaymentResult | None:
        """The result once the attempt has ended (returned once), else ``None``."""

    @abstractmethod
    def cancel(self) -> None:
        """Abort the running attempt; the next :meth:`poll` reports CANCELLED."""

    def lookup(self, sale_key: str) -> PaymentResult | None:
        """How an earlier payment under ``sale_key`` ended, asked after a restart.

        APPROVED (with the terminal's reference) when the money was taken, another outcome
        when it was not and never will be, None when this terminal cannot say (also while
        the payment might still complete: the kiosk then leaves it to staff rather than
        calling it unpaid). Card terminals keep a journal of their transactions for exactly
        this; the default knows nothing.
        """
        return None


class SimulatedPaymentProvider(PaymentProvider):
    """A terminal that answers after ``delay_seconds`` with scripted outcomes.

    ``outcomes`` are used in turn, one per payment (the last one repeats), so a test can
    script "declined, then approved". The clock is injected so tests need not sleep.
    """

    def __init__(
        self,
        outcomes: Sequence[PaymentOutcome | str] = (PaymentOutcome.APPROVED,),
        *,
        delay_seconds: float = 1.5,
        clock: Callable[[], float] = time.monotonic,
        journal: Path | None = None,
    ) -> None:
        if not outcomes:
            raise ValueError("the simulated terminal needs at least one outcome")
        self._outcomes = [PaymentOutcome(o) for o in outcomes]
        self._delay = delay_seconds
        self._clock = clock
        self._attempts = 0
        self._running: tuple[str, int, float] | None = None  # (sale_key, amount, started)
        self._cancelled = False
        self.charged: list[tuple[str, int, str]] = []  # (sale_key, amount, currency) approved
        self._refs: dict[str, str] = {}
        self.journal = journal  # like a real terminal's: approvals survive a restart

    def start(self, sale_key: str, amount_cents: int, currency: str) -> None:
        if self._running is not None:
            raise PaymentBusy("The payment terminal is still busy: cancel the running payment.")
        self._running = (sale_key, amount_cents, self._clock())
        self._currency = currency
        self._cancelled = False

    def poll(self) -> PaymentResult | None:
        if self._running is None:
            return None
        sale_key, amount, started = self._running
        if self._cancelled:
            return self._finish(
                PaymentResult(PaymentOutcome.CANCELLED, message="Payment cancelled.")
            )
        if self._clock() - started < self._delay:
            return None
        outcome = self._outcomes[min(self._attempts, len(self._outcomes) - 1)]
        self._attempts += 1
        if outcome is PaymentOutcome.APPROVED:
            ref = f"SIM-{sale_key[:8]}-{self._attempts}"
            self._write_journal(sale_key, amount, ref)  # the terminal's record comes first
            self.charged.append((sale_key, amount, self._currency))
            self._refs[sale_key] = ref
            return self._finish(PaymentResult(outcome, reference=ref))
        return self._finish(PaymentResult(outcome, message=_SHOPPER_TEXT[outcome]))

    def cancel(self) -> None:
        if self._running is not None:
            self._cancelled = True

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _write_journal(self, sale_key: str, amount: int, ref: str) -> None:
        if self.journal is None:
            return
        self.journal.parent.mkdir(parents=True, exist_ok=True)
        entry = {"sale_key": sale_key, "amount_cents": amount, "currency": self._currency,
                 "reference": ref}  # fmt: skip
        with self.journal.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")
            out.flush()
            os.fsync(out.fileno())

    def lookup(self, sale_key: str) -> PaymentResult | None:
        if sale_key in self._refs:
            return PaymentResult(PaymentOutcome.APPROVED, reference=self._refs[sale_key])
        if self.journal is None:
            return None  # a terminal without a journal cannot say after a restart
        text = self.journal.read_text(encoding="utf-8") if self.journal.exists() else ""
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short by a power cut: that approval never finished
            if entry.get("sale_key") == sale_key:
                return PaymentResult(PaymentOutcome.APPROVED, reference=entry["reference"])
        return PaymentResult(PaymentOutcome.CANCELLED, message="no payment under this key")

    def _finish(self, result: PaymentResult) -> PaymentResult:
        self._running = None
        self._cancelled = False
        return result


_SHOPPER_TEXT = {  # also what other terminals say in these cases
    PaymentOutcome.DECLINED: "The card was declined. Try another card or call for help.",
    PaymentOutcome.TIMEOUT: "The terminal did not answer in time. Please try again.",
    PaymentOutcome.CANCELLED: "Payment cancelled.",
    PaymentOutcome.UNKNOWN: (
        "Your card payment could not be confirmed. Please wait for staff before paying again."
    ),
}
