"""No paid sale is lost: payments are written down first, and a restart finishes them.

The worst moment for a power cut is after the card terminal took the money and before the
ledger committed the sale. Real parts: the checkout engine, a SQLite ledger, the simulated
terminal with its journal file (as real terminals keep one), and in the last test a real
process killed by SIGKILL at exactly that moment.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from catalog.db import connect
from catalog.intents import unsettled_intents
from catalog.sales import get_sale, list_sales
from kiosk.checkout import NOT_STARTED, Checkout
from kiosk.checkout_events import PayPressed
from kiosk.checkout_values import CheckoutState
from kiosk.doctor import check_payments
from kiosk.payment import PaymentOutcome, SimulatedPaymentProvider
from kiosk.recovery import safely_recover
from tests.test_catalog_db import release
from tests.ui_support import ROOT, demo_settings_in, detections, settle

S = CheckoutState


def checkout_with(settings, terminal) -> Checkout:
    return Checkout.from_settings(settings, connect(settings.paths.database), terminal)


def pay(checkout: Checkout, t: float = 10.0):
    """Press Pay on a settled cola + apple basket and tick until the payment ends."""
    settle(checkout, detections("cola-can", "apple"), t=0.0)
    view = checkout.handle(PayPressed())
    for i in range(50):
        if view.state is not S.PAYING:
            break
        view = checkout.tick(t + i * 0.1)
    return view


def intents(settings, states=("open", "recorded", "not_paid", "unknown")):
    db = connect(settings.paths.database)
    try:
        return {i.key: i for i in unsettled_intents(db, states)}
    finally:
        db.conn.close()


def test_every_payment_is_written_down_first_and_settled_after(tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path)
    terminal = SimulatedPaymentProvider(["declined", "approved"], delay_seconds=0)
    checkout = checkout_with(settings, terminal)
    view = pay(checkout)
    assert view.state is S.READY  # declined
    key = checkout.model.sale_key
    (declined,) = intents(settings).values()
    assert (declined.key, declined.state, declined.note) == (key, "not_paid", "declined")
    assert declined.draft.total_cents == 129 + 45 and declined.draft.lines[0].sku == "1015"
    view = pay(checkout, t=20.0)  # another card, same sale key
    assert view.state is S.RECEIPT
    (paid,) = intents(settings).values()
    assert (paid.key, paid.state) == (key, "recorded")


def test_a_payment_that_cannot_be_written_down_is_not_started(tmp_path: Path) -> None:
    from tests.test_catalog_db import ROOT as DB_ROOT

    settings = demo_settings_in(tmp_path)
    terminal = SimulatedPaymentProvider(delay_seconds=0)
    db = connect(settings.paths.database, busy_timeout=0.2)
    checkout = Checkout.from_settings(settings, db, terminal)
    settle(checkout, detections("cola-can"), t=0.0)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.hold_lock", str(settings.paths.database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=DB_ROOT,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        view = checkout.handle(PayPressed())
        assert view.state is S.READY and view.message == NOT_STARTED
        assert not terminal.busy and terminal.charged == []  # no money moved
        release(holder)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(10)
    assert pay(checkout).state is S.RECEIPT  # once the other program is gone


def crashed_after_the_terminal_took_the_money(settings, journal: Path | None) -> str:
    """Pay up to the terminal's approval, then stop as a power cut would: the kiosk never
    handles the answer, so the sale is not in the ledger. Returns the sale key."""
    terminal = SimulatedPaymentProvider(delay_seconds=0, journal=journal)
    checkout = checkout_with(settings, terminal)
    settle(checkout, detections("cola-can", "apple"), t=0.0)
    checkout.handle(PayPressed())
    result = terminal.poll()  # the terminal approves and keeps its record...
    assert result is not None and result.outcome is PaymentOutcome.APPROVED
    checkout.db.conn.close()  # ...and the kiosk is gone before it hears of it
    return checkout.model.sale_key


def test_a_sale_paid_before_a_crash_is_recorded_at_the_next_start(tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path)
    journal = tmp_path / "terminal.jsonl"
    key = crashed_after_the_terminal_took_the_money(settings, journal)
    db = connect(settings.paths.database)
    assert get_sale(db, key) is None and intents(settings)[key].state == "open"
    restarted = checkout_with(settings, SimulatedPaymentProvider(journal=journal))
    (outcome,) = safely_recover(restarted)
    assert (outcome.key, outcome.state, outcome.amount_cents) == (key, "recorded", 174)
    sale = get_sale(db, key)
    assert sale is not None and sale.receipt_no == outcome.receipt_no
    assert sale.draft.payment_ref.startswith("SIM-") and sale.draft.total_cents == 174
    assert (settings.paths.receipts_dir / f"receipt-{sale.receipt_no}.txt").is_file()
    assert intents(settings)[key].state == "recorded"
    assert safely_recover(restarted) == []  # nothing left to do; nothing recorded twice
    assert len(list_sales(db)) == 1
    db.conn.close()


def test_another_kiosk_starting_leaves_this_kiosks_payment_alone(tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path)  # kiosk-1
    journal = tmp_path / "terminal.jsonl"
    key = crashed_after_the_terminal_took_the_money(settings, journal)
    second = replace(settings, checkout=replace(settings.checkout, kiosk_id="kiosk-2"))
    beside = checkout_with(second, SimulatedPaymentProvider(journal=tmp_path / "other.jsonl"))
    assert safely_recover(beside) == []  # its terminal knows nothing of kiosk-1's payment
    assert intents(settings)[key].state == "open"
    restarted = checkout_with(settings, SimulatedPaymentProvider(journal=journal))
    (outcome,) = safely_recover(restarted)
    assert (outcome.key, outcome.state) == (key, "recorded")


def test_a_terminal_that_cannot_say_leaves_it_to_staff(tmp_path: Path, monkeypatch) -> None:
    settings = demo_settings_in(tmp_path)
    key = crashed_after_the_terminal_took_the_money(settings, journal=None)
    restarted = checkout_with(settings, SimulatedPaymentProvider())  # no journal: no memory
    (outcome,) = safely_recover(restarted)
    assert outcome.state == "unknown" and intents(settings)[key].state == "unknown"
    (finding,) = check_payments(settings)
    assert finding.level == "warn" and key in finding.text and "€1.74" in finding.text


def test_a_payment_the_terminal_never_took_is_closed_and_a_recorded_one_left_alone(
    tmp_path: Path,
) -> None:
    settings = demo_settings_in(tmp_path)
    journal = tmp_path / "terminal.jsonl"
    terminal = SimulatedPaymentProvider(delay_seconds=60, journal=journal)  # never answers
    checkout = checkout_with(settings, terminal)
    settle(checkout, detections("cola-can"), t=0.0)
    checkout.handle(PayPressed())
    unpaid = checkout.model.sale_key
    done = checkout_with(settings, SimulatedPaymentProvider(delay_seconds=0, journal=journal))
    assert pay(done, t=30.0).state is S.RECEIPT
    (outcome,) = safely_recover(checkout_with(settings, SimulatedPaymentProvider(journal=journal)))
    assert (outcome.key, outcome.state) == (unpaid, "not_paid")
    assert {i.state for i in intents(settings).values()} == {"not_paid", "recorded"}
    (finding,) = check_payments(settings)
    assert finding.level == "ok"


KILLED_AT_THE_WORST_MOMENT = textwrap.dedent(
    """
    import os, signal, sys
    from catalog.db import connect
    from kiosk.checkout import Checkout
    from kiosk.checkout_events import PayPressed
    from kiosk.config import load_settings
    from kiosk.payment import PaymentOutcome, SimulatedPaymentProvider
    from tests.ui_support import detections, settle

    settings = load_settings(None, overrides={"paths.data_dir": sys.argv[1]}, environ={})
    journal = settings.paths.data_dir / "t.jsonl"
    terminal = SimulatedPaymentProvider(delay_seconds=0, journal=journal)
    poll = terminal.poll

    def poll_then_lose_power():
        result = poll()
        if result is not None and result.outcome is PaymentOutcome.APPROVED:
            os.kill(os.getpid(), signal.SIGKILL)  # the money is taken; the sale is not saved
        return result

    terminal.poll = poll_then_lose_power
    checkout = Checkout.from_settings(settings, connect(settings.paths.database), terminal)
    settle(checkout, detections("cola-can", "apple"), t=0.0)
    checkout.handle(PayPressed())
    for i in range(100):
        checkout.tick(10.0 + i * 0.1)
    """
)


def test_sigkill_between_the_terminal_and_the_ledger_loses_no_sale(tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", KILLED_AT_THE_WORST_MOMENT, str(settings.paths.data_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr
    db = connect(settings.paths.database)
    assert list_sales(db) == []  # the kiosk died with the shopper charged
    journal = settings.paths.data_dir / "t.jsonl"
    (outcome,) = safely_recover(checkout_with(settings, SimulatedPaymentProvider(journal=journal)))
    assert outcome.state == "recorded"
    (sale,) = list_sales(db)
    assert sale.draft.total_cents == 174 and sale.draft.payment_ref.startswith("SIM-")
    assert sorted(line.sku for line in sale.lines) == ["1001", "1015"]
    db.conn.close()


@pytest.mark.parametrize("line", ["", '{"sale_key": "x", "refer'])
def test_a_torn_journal_line_is_not_a_payment(tmp_path: Path, line: str) -> None:
    journal = tmp_path / "terminal.jsonl"
    journal.write_text(line)
    answer = SimulatedPaymentProvider(journal=journal).lookup("x")
    assert answer is not None and answer.outcome is PaymentOutcome.CANCELLED


def test_settled_intents_are_forgotten_after_a_month(tmp_path: Path) -> None:
    from catalog.intents import forget_settled

    settings = demo_settings_in(tmp_path)
    checkout = checkout_with(settings, SimulatedPaymentProvider(delay_seconds=0))
    assert pay(checkout).state is S.RECEIPT
    db = connect(settings.paths.database)
    assert forget_settled(db, "2000-01-01T00:00:00+00:00") == 0  # settled today: kept
    assert forget_settled(db, "2999-01-01T00:00:00+00:00") == 1
    assert intents(settings) == {} and len(list_sales(db)) == 1  # the sale itself stays
    db.conn.close()


def test_staff_settle_an_unknown_payment_after_checking_the_terminal(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    import io

    from kiosk.cli import main

    settings = demo_settings_in(tmp_path)
    monkeypatch.setenv("KIOSK_PATHS_DATA_DIR", str(settings.paths.data_dir))
    paid = crashed_after_the_terminal_took_the_money(settings, journal=None)
    safely_recover(checkout_with(settings, SimulatedPaymentProvider()))
    capsys.readouterr()
    assert main(["payments", "list"]) == 0
    assert paid in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main(["payments", "settle", paid, "--paid", "T-778812"]) == 0
    assert "recorded sale K1-000001 (€1.74) paid at the terminal as T-778812" in (
        capsys.readouterr().out
    )
    db = connect(settings.paths.database)
    sale = get_sale(db, paid)
    assert sale is not None and sale.draft.payment_ref == "T-778812"
    assert (settings.paths.receipts_dir / "receipt-K1-000001.txt").is_file()
    assert intents(settings)[paid].state == "recorded"
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main(["payments", "settle", paid, "--not-paid"]) == 1  # settled already
    assert "no payment waits" in capsys.readouterr().err
    assert main(["payments", "list"]) == 0
    assert "every payment started is accounted for" in capsys.readouterr().out
    actions = [r[0] for r in db.conn.execute("SELECT action FROM audit_log")]
    assert "payment.settle" in actions
    db.conn.close()


def test_settling_by_hand_refuses_blanks_and_closes_what_was_not_taken(tmp_path: Path) -> None:
    from kiosk.errors import KioskError
    from kiosk.payment_settle import settle_payment, waiting_payments

    settings = demo_settings_in(tmp_path)
    key = crashed_after_the_terminal_took_the_money(settings, journal=None)
    db = connect(settings.paths.database)
    try:
        assert [i.key for i in waiting_payments(db)] == [key]
        with pytest.raises(KioskError, match="terminal's reference"):
            settle_payment(db, key, paid_ref="  ", staff="Ann")
        with pytest.raises(KioskError, match="no payment waits"):
            settle_payment(db, "no-such-key", paid_ref=None, staff="Ann")
        done = settle_payment(db, key, paid_ref=None, staff="Ann")
        assert (done.paid, done.amount_cents, done.receipt_no) == (False, 174, None)
        assert waiting_payments(db) == [] and get_sale(db, key) is None
        assert intents(settings)[key].state == "not_paid"
    finally:
        db.conn.close()
