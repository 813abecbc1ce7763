"""Payment terminals behind one small interface, and a simulated terminal for demos and tests.

A terminal is slow and asynchronous: the checkout calls :meth:`PaymentProvider.start`,
then :meth:`PaymentProvider.poll` on every tick until a :class:`PaymentResult` comes back.
Nothing blocks the caller, so the screen stays responsive while the shopper taps a card.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from kiosk.errors import KioskError


class PaymentOutcome(str, Enum):
    """How a payment attempt ended."""

    APPROVED = "approved"
    DECLINED = "declined"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"


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
            self.charged.append((sale_key, amount, self._currency))
            ref = f"SIM-{sale_key[:8]}-{self._attempts}"
            return self._finish(PaymentResult(outcome, reference=ref))
        return self._finish(PaymentResult(outcome, message=_SHOPPER_TEXT[outcome]))

    def cancel(self) -> None:
        if self._running is not None:
            self._cancelled = True

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _finish(self, result: PaymentResult) -> PaymentResult:
        self._running = None
        self._cancelled = False
        return result


_SHOPPER_TEXT = {
    PaymentOutcome.DECLINED: "The card was declined. Try another card or call for help.",
    PaymentOutcome.TIMEOUT: "The terminal did not answer in time. Please try again.",
    PaymentOutcome.CANCELLED: "Payment cancelled.",
}
