"""A card terminal behind the payment bridge: real HTTP to a bridge with a scripted terminal,
then the real checkout, ledger and payment intents on top of it."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from catalog.db import connect
from catalog.sales import get_sale
from kiosk.checkout import (
    CancelPressed,
    Checkout,
    HelpDone,
    PayPressed,
    StaffPin,
    terminal_for,
)
from kiosk.checkout_values import CheckoutState
from kiosk.config import ConfigError, load_settings
from kiosk.payment import PaymentBusy, PaymentOutcome, PaymentResult, SimulatedPaymentProvider
from kiosk.payment_bridge import LOST, UNREACHABLE, BridgeTerminal
from kiosk.recovery import safely_recover
from tests.bridge_sim import BridgeSim
from tests.test_payment_recovery import intents
from tests.ui_support import demo_settings_in, detections, settle
from tests.waiting import first_answer

S = CheckoutState


@pytest.fixture
def bridge():
    sim = BridgeSim().start()
    yield sim
    sim.stop()


def terminal(url: str, **kwargs) -> BridgeTerminal:
    options = {"request_seconds": 0.5, "poll_seconds": 0.05, "lost_seconds": 1.0, **kwargs}
    return BridgeTerminal(url, kiosk_id="K1", **options)


def wait(t: BridgeTerminal) -> PaymentResult:
    return first_answer(t.poll, "the payment did not end")


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_an_approved_payment_carries_the_terminals_reference(bridge: BridgeSim) -> None:
    t = terminal(bridge.url)
    started = time.monotonic()
    t.start("sale-1", 457, "EUR")
    assert time.monotonic() - started < 0.1  # start never waits for the terminal
    assert t.poll() is None and t.busy
    with pytest.raises(PaymentBusy):
        t.start("sale-2", 100, "EUR")
    result = wait(t)
    assert result.outcome is PaymentOutcome.APPROVED and result.reference.startswith("T-")
    assert t.poll() is None and not t.busy  # reported once
    (payment,) = bridge.payments.values()
    assert (payment.sale_key, payment.amount_cents, payment.currency, payment.kiosk_id) == (
        "sale-1", 457, "EUR", "K1",
    )  # fmt: skip


def test_declined_and_timed_out_payments_say_so(bridge: BridgeSim) -> None:
    bridge.outcomes = ["declined", "timeout"]
    t = terminal(bridge.url)
    t.start("sale-1", 457, "EUR")
    declined = wait(t)
    assert declined.outcome is PaymentOutcome.DECLINED
    assert declined.message == "Card declined by the bank."
    t.start("sale-1", 457, "EUR")  # the shopper tries again under the same sale key
    assert wait(t).outcome is PaymentOutcome.TIMEOUT
    assert len(bridge.payments) == 2  # two attempts, each its own payment at the bridge


def test_cancel_stops_the_terminal_unless_the_card_was_through(bridge: BridgeSim) -> None:
    bridge.delay = 5.0
    t = terminal(bridge.url)
    t.start("sale-1", 457, "EUR")
    time.sleep(0.2)
    t.cancel()
    assert wait(t).outcome is PaymentOutcome.CANCELLED
    # Too late: the terminal approved; the kiosk must record the sale, not call it cancelled.
    bridge.late_cancel, bridge.delay = True, 0.6
    t.start("sale-2", 457, "EUR")
    time.sleep(0.2)
    t.cancel()
    result = wait(t)
    assert result.outcome is PaymentOutcome.APPROVED
    assert [p.cancel_asked for p in bridge.payments.values()] == [True, True]


def test_a_payment_running_past_the_kiosks_limit_is_cancelled_at_the_terminal(
    bridge: BridgeSim,
) -> None:
    bridge.delay = 30.0
    t = terminal(bridge.url, timeout_seconds=0.5)
    t.start("sale-1", 457, "EUR")
    assert wait(t).outcome is PaymentOutcome.CANCELLED


def test_no_bridge_means_not_paid_at_once(tmp_path: Path) -> None:
    t = terminal(closed_port())
    started = time.monotonic()
    t.start("sale-1", 457, "EUR")
    result = wait(t)
    assert result.outcome is PaymentOutcome.CANCELLED and result.message == UNREACHABLE
    assert time.monotonic() - started < 3.0


def test_a_lost_answer_is_asked_again_and_never_charges_twice(bridge: BridgeSim) -> None:
    bridge.drop_first_answer = True
    t = terminal(bridge.url)
    t.start("sale-1", 457, "EUR")
    assert wait(t).outcome is PaymentOutcome.APPROVED
    assert bridge.creates == 2 and len(bridge.payments) == 1


def test_a_bridge_refusing_the_payment_means_nothing_started(bridge: BridgeSim) -> None:
    t = terminal(bridge.url)
    t.start("sale-1", 0, "EUR")  # the bridge answers 400
    result = wait(t)
    assert result.outcome is PaymentOutcome.CANCELLED and not bridge.payments


def test_a_bridge_gone_mid_payment_is_unconfirmed_not_unpaid(bridge: BridgeSim) -> None:
    bridge.delay = 30.0
    t = terminal(bridge.url)
    t.start("sale-1", 457, "EUR")
    time.sleep(0.3)
    bridge.stop()
    result = wait(t)
    assert result.outcome is PaymentOutcome.UNKNOWN and result.message == LOST


def test_lookup_after_a_restart(bridge: BridgeSim) -> None:
    bridge.outcomes = ["declined", "approved"]
    t = terminal(bridge.url)
    assert t.lookup("nothing-here").outcome is PaymentOutcome.CANCELLED  # type: ignore[union-attr]
    t.start("sale-1", 457, "EUR")
    wait(t)
    assert t.lookup("sale-1").outcome is PaymentOutcome.CANCELLED  # type: ignore[union-attr]
    bridge.delay = 30.0
    bridge.outcomes = ["declined", "approved", "approved"]
    t.start("sale-1", 457, "EUR")
    time.sleep(0.2)
    assert t.lookup("sale-1") is None  # still running: only the terminal can say
    bridge.payments[next(reversed(bridge.payments))].ends_at = 0
    approved = t.lookup("sale-1")
    assert approved is not None and approved.outcome is PaymentOutcome.APPROVED
    assert terminal(closed_port()).lookup("sale-1") is None


def test_status_for_the_doctor(bridge: BridgeSim) -> None:
    assert terminal(bridge.url).status() == (True, "terminal T1 ready")
    bridge.ready = False
    assert terminal(bridge.url).status()[0] is False
    ok, text = terminal(closed_port()).status()
    assert not ok and "not reachable" in text


# -- through the real checkout ----------------------------------------------------------


def bridge_settings(tmp_path: Path, url: str, **more):
    return demo_settings_in(tmp_path, payment__terminal=url, payment__lost_seconds=1.0, **more)


def press_pay(tmp_path: Path, url: str):
    """A kiosk on the bridge at ``url`` whose shopper has just pressed Pay for cola + apple."""
    settings = bridge_settings(tmp_path, url)
    checkout = Checkout.from_settings(settings, connect(settings.paths.database))
    settle(checkout, detections("cola-can", "apple"), t=0.0)
    return settings, checkout, checkout.handle(PayPressed())


def until_paid(checkout: Checkout, view, seconds: float = 10.0):
    """Tick as the kiosk does until the payment has ended; the view then."""
    deadline, t = time.monotonic() + seconds, 10.0
    while view.state is S.PAYING and time.monotonic() < deadline:
        time.sleep(0.05)
        t += 0.1
        view = checkout.tick(t)
    return view


def test_a_sale_paid_at_the_bridge_is_in_the_ledger_with_its_reference(
    tmp_path: Path, bridge: BridgeSim
) -> None:
    settings, checkout, view = press_pay(tmp_path, bridge.url)
    db = checkout.db
    assert isinstance(checkout.provider, BridgeTerminal)
    view = until_paid(checkout, view)
    assert view.state is S.RECEIPT
    (payment,) = bridge.payments.values()
    sale = get_sale(db, payment.sale_key)
    assert sale is not None and sale.draft.payment_ref == payment.reference
    assert sale.draft.total_cents == payment.amount_cents
    assert intents(settings)[payment.sale_key].state == "recorded"


def test_an_unconfirmed_payment_goes_to_staff_and_the_next_pay_is_a_new_sale(
    tmp_path: Path, bridge: BridgeSim
) -> None:
    bridge.delay = 60.0
    settings, checkout, view = press_pay(tmp_path, bridge.url)
    time.sleep(0.3)
    bridge.stop()
    view = until_paid(checkout, view)
    assert view.state is S.HELP and "could not confirm your payment" in view.message
    (first,) = bridge.payments.values()
    assert intents(settings)[first.sale_key].state == "unknown"  # kiosk payments lists it
    assert checkout.model.sale_key is None  # a new Pay must not reuse the open key
    assert view.staff_must_end_help and not view.can_pay
    assert checkout.handle(CancelPressed()).state is S.HELP  # the shopper cannot leave it
    assert checkout.handle(HelpDone()).state is S.HELP  # nor can an idle staff screen
    checkout.handle(StaffPin("1234"))
    view = checkout.handle(CancelPressed())  # the Help button pressed while staff look
    assert view.state is S.HELP and view.unconfirmed_key and not view.can_pay
    view = checkout.handle(HelpDone())  # staff checked the terminal
    assert view.state is S.READY and not view.staff_must_end_help and view.can_pay
    bridge2 = BridgeSim().start()
    try:
        checkout.provider = terminal(bridge2.url)
        view = until_paid(checkout, checkout.handle(PayPressed()))
        assert view.state is S.RECEIPT
        (second,) = bridge2.payments.values()
        assert second.sale_key != first.sale_key  # a new sale key: the old one waits for staff
        assert intents(settings)[first.sale_key].state == "unknown"
    finally:
        bridge2.stop()


def test_a_payment_taken_while_the_kiosk_was_down_is_recorded_at_start(
    tmp_path: Path, bridge: BridgeSim
) -> None:
    bridge.delay = 0.5
    settings, _, _ = press_pay(tmp_path, bridge.url)  # the power goes before the kiosk hears
    time.sleep(1.0)
    restarted = Checkout.from_settings(settings, connect(settings.paths.database))
    (done,) = safely_recover(restarted)
    assert done.state == "recorded" and done.receipt_no
    (payment,) = bridge.payments.values()
    sale = get_sale(restarted.db, payment.sale_key)
    assert sale is not None and sale.draft.payment_ref == payment.reference


def test_the_terminal_setting_is_checked(tmp_path: Path) -> None:
    assert isinstance(terminal_for(load_settings(None, environ={})), SimulatedPaymentProvider)
    with pytest.raises(ConfigError, match=r"payment\.terminal"):
        load_settings(None, overrides={"payment.terminal": "COM3"}, environ={})


def test_an_unconfirmed_payment_is_settled_at_a_later_start_once_the_bridge_can_say(
    tmp_path: Path, bridge: BridgeSim
) -> None:
    bridge.delay = 0.5  # the card goes through, but the kiosk never hears it
    settings, checkout, view = press_pay(tmp_path, bridge.url)
    time.sleep(0.1)
    bridge.stop()
    assert until_paid(checkout, view).state is S.HELP
    (payment,) = bridge.payments.values()
    assert intents(settings)[payment.sale_key].state == "unknown"
    # A start while the bridge is still away leaves it for staff.
    away = Checkout.from_settings(settings, connect(settings.paths.database))
    assert safely_recover(away) == []
    assert intents(settings)[payment.sale_key].state == "unknown"
    back = BridgeSim(payments=bridge.payments).start()  # the bridge is back, its journal kept
    try:
        restarted = Checkout.from_settings(
            demo_settings_in(tmp_path, payment__terminal=back.url), connect(settings.paths.database)
        )
        (done,) = safely_recover(restarted)
        assert done.state == "recorded" and done.receipt_no
        sale = get_sale(restarted.db, payment.sale_key)
        assert sale is not None and sale.draft.payment_ref == payment.reference
    finally:
        back.stop()


def test_the_bridge_knows_the_kiosk_by_its_token_over_https() -> None:
    data = Path(__file__).parent / "data"
    tls = (str(data / "bridge-test.pem"), str(data / "bridge-test.key"))
    bridge = BridgeSim(token="s3cret", tls=tls).start()
    try:
        assert bridge.url.startswith("https://")
        ca = tls[0]
        assert terminal(bridge.url, token="s3cret", ca_file=ca).status() == (
            True,
            "terminal T1 ready",
        )
        ok, text = terminal(bridge.url, token="wrong", ca_file=ca).status()
        assert not ok and "HTTP 401" in text and "check [payment] token" in text
        ok, text = terminal(bridge.url, token="s3cret").status()  # a certificate nobody vouches for
        assert not ok and "CERTIFICATE_VERIFY_FAILED" in text
        refused = terminal(bridge.url, token="wrong", ca_file=ca)
        refused.start("sale-1", 457, "EUR")
        assert wait(refused).outcome is PaymentOutcome.CANCELLED and not bridge.payments
        paying = terminal(bridge.url, token="s3cret", ca_file=ca)
        paying.start("sale-1", 457, "EUR")
        assert wait(paying).outcome is PaymentOutcome.APPROVED
    finally:
        bridge.stop()


def test_the_token_is_never_shown_by_config_show(tmp_path: Path, capsys) -> None:
    from kiosk.cli import main

    config = tmp_path / "kiosk.toml"
    config.write_text('[payment]\nterminal = "http://127.0.0.1:8750"\ntoken = "s3cret"\n')
    assert main(["--config", str(config), "config", "show"]) == 0
    out = capsys.readouterr().out
    assert 'payment.token = "(set)"' in out and "s3cret" not in out
    assert main(["--config", str(config), "config", "show", "--json"]) == 0
    assert "s3cret" not in capsys.readouterr().out


def test_a_terminal_that_ignores_a_cancel_is_unconfirmed_not_a_frozen_screen(
    bridge: BridgeSim,
) -> None:
    bridge.delay, bridge.late_cancel = 60.0, True  # the cancel arrives; nothing happens
    t = terminal(bridge.url)
    t.start("sale-1", 457, "EUR")
    time.sleep(0.2)
    t.cancel()
    started = time.monotonic()
    assert wait(t).outcome is PaymentOutcome.UNKNOWN
    assert time.monotonic() - started < 5.0  # lost_seconds (1 s) after the cancel, not 60 s


def test_a_refusal_after_a_lost_answer_is_unconfirmed_not_unpaid(bridge: BridgeSim) -> None:
    bridge.drop_first_answer, bridge.refuse_repeats = True, True
    t = terminal(bridge.url)
    t.start("sale-1", 457, "EUR")
    assert wait(t).outcome is PaymentOutcome.UNKNOWN  # the first try did start a payment
    assert len(bridge.payments) == 1
