"""The simulated payment terminal: asynchronous start/poll, scripted outcomes, cancel."""

from __future__ import annotations

import pytest

from kiosk.payment import PaymentBusy, PaymentOutcome, SimulatedPaymentProvider


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("outcome", list(PaymentOutcome))
def test_answer_comes_after_the_delay_and_only_once(outcome: PaymentOutcome) -> None:
    clock = Clock()
    terminal = SimulatedPaymentProvider([outcome], delay_seconds=1.0, clock=clock)
    terminal.start("key-1", 457, "EUR")
    assert terminal.poll() is None
    clock.now = 1.0
    result = terminal.poll()
    assert result is not None and result.outcome is outcome
    assert terminal.poll() is None and not terminal.busy
    approved = outcome is PaymentOutcome.APPROVED
    assert terminal.charged == ([("key-1", 457, "EUR")] if approved else [])
    assert bool(result.reference) == approved
    assert bool(result.message) != approved


def test_outcomes_are_used_in_turn_and_the_last_repeats() -> None:
    clock = Clock()
    terminal = SimulatedPaymentProvider(["declined", "approved"], delay_seconds=0, clock=clock)
    outcomes = []
    for _ in range(3):
        terminal.start("k", 100, "EUR")
        outcomes.append(terminal.poll().outcome)  # type: ignore[union-attr]
    assert outcomes == ["declined", "approved", "approved"]


def test_cancel_ends_the_payment_as_cancelled_without_charging() -> None:
    terminal = SimulatedPaymentProvider(delay_seconds=5.0, clock=Clock())
    terminal.start("k", 100, "EUR")
    terminal.cancel()
    result = terminal.poll()
    assert result is not None and result.outcome is PaymentOutcome.CANCELLED
    assert terminal.charged == []


def test_second_payment_while_busy_is_refused() -> None:
    terminal = SimulatedPaymentProvider(delay_seconds=5.0, clock=Clock())
    terminal.start("k", 100, "EUR")
    with pytest.raises(PaymentBusy, match="still busy"):
        terminal.start("k2", 100, "EUR")


def test_a_terminal_needs_at_least_one_outcome() -> None:
    with pytest.raises(ValueError, match="at least one outcome"):
        SimulatedPaymentProvider([])
