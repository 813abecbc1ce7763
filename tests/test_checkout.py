"""The Checkout object end to end on a real SQLite catalog: sale, receipt, PIN, audit, retry."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from catalog import audit, sales
from catalog.db import connect, database_path
from catalog.demo import seed_demo
from kiosk.checkout import (
    Checkout,
    CheckoutState,
    FrameSeen,
    HelpDone,
    HelpPressed,
    PayPressed,
    StaffAddLine,
    StaffApprove,
    StaffPin,
)
from kiosk.config import demo_catalog_path, load_settings
from kiosk.detections import Detections
from kiosk.payment import SimulatedPaymentProvider

S = CheckoutState


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def frame(*labels: str) -> Detections:
    rows = [
        {"label": label, "class_id": i, "score": 0.9,
         "box": [i * 60.0, 0.0, i * 60.0 + 50.0, 50.0]}
        for i, label in enumerate(labels)
    ]  # fmt: skip
    return Detections.from_json(rows)


@pytest.fixture
def db(tmp_path: Path):
    database = connect(tmp_path / "catalog.db")
    seed_demo(database, demo_catalog_path())
    yield database
    database.close()


class Kiosk:
    """A checkout on the demo catalog with a scripted terminal and a fake clock."""

    def __init__(self, db, tmp_path: Path, outcomes=("approved",)) -> None:
        self.clock = Clock()
        self.terminal = SimulatedPaymentProvider(outcomes, delay_seconds=1.0, clock=self.clock)
        keys = iter(f"key-{n}" for n in range(1, 100))
        self.checkout = Checkout(
            db, provider=self.terminal, receipts_dir=tmp_path / "receipts",
            new_key=lambda: next(keys),
        )  # fmt: skip

    def show(self, *labels: str, seconds: float = 1.0):
        view = self.checkout.view
        for _ in range(int(seconds * 10)):
            self.clock.now = round(self.clock.now + 0.1, 6)
            self.checkout.handle(FrameSeen(frame(*labels), self.clock.now))
            view = self.checkout.tick(self.clock.now)
        return view

    def wait(self, seconds: float):
        view = self.checkout.view
        for _ in range(int(seconds * 10)):
            self.clock.now = round(self.clock.now + 0.1, 6)
            view = self.checkout.tick(self.clock.now)
        return view


def test_a_whole_sale_is_recorded_once_with_a_receipt_file(db, tmp_path: Path) -> None:
    kiosk = Kiosk(db, tmp_path)
    view = kiosk.show("cola-can", "cola-can", "cola-can", "crisps-salted")
    assert view.state is S.READY and view.can_pay and view.basket.total_cents == 457
    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING
    view = kiosk.show("cola-can", "cola-can", "cola-can", "crisps-salted", seconds=1.5)
    assert view.state is S.RECEIPT
    assert view.receipt is not None and view.receipt.receipt_no == "K1-000001"
    sale = sales.get_sale(db, "key-1")
    assert sale is not None and sale.draft.total_cents == 457
    assert sale.draft.payment_ref.startswith("SIM-key-1")
    text = Path(view.receipt.path).read_text(encoding="utf-8")
    assert "3 for 2 (Fizz Cola can 330 ml)" in text and "TOTAL" in text and "€4.57" in text
    html = (tmp_path / "receipts" / "receipt-K1-000001.html").read_text(encoding="utf-8")
    assert "<td class='amount'>-€1.29</td>" in html
    assert kiosk.show(seconds=1.0).state is S.WELCOME
    assert len(sales.list_sales(db)) == 1


def test_declined_card_then_approved_charges_once_under_one_key(db, tmp_path: Path) -> None:
    kiosk = Kiosk(db, tmp_path, outcomes=("declined", "approved"))
    kiosk.show("tea-box")
    kiosk.checkout.handle(PayPressed())
    view = kiosk.wait(1.5)
    assert view.state is S.READY and "declined" in view.message
    kiosk.checkout.handle(PayPressed())
    assert kiosk.wait(1.5).state is S.RECEIPT
    assert kiosk.terminal.charged == [("key-1", 229, "EUR")]
    assert [s.draft.idempotency_key for s in sales.list_sales(db)] == ["key-1"]


def test_busy_ledger_is_retried_with_the_same_key(db, tmp_path: Path) -> None:
    kiosk = Kiosk(db, tmp_path)
    db.conn.execute("PRAGMA busy_timeout = 50")
    kiosk.show("apple")
    kiosk.checkout.handle(PayPressed())
    blocker = sqlite3.connect(tmp_path / "catalog.db")
    blocker.execute("BEGIN IMMEDIATE")
    view = kiosk.wait(1.2)
    assert view.state is S.PAYING and "payment went through" in view.message
    blocker.rollback()
    blocker.close()
    assert kiosk.wait(2.5).state is S.RECEIPT
    assert len(sales.list_sales(db)) == 1 and kiosk.terminal.charged[0][0] == "key-1"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 8 MB filesystem (tmpfs) to fill up: mounting one needs root."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)], capture_output=True
        ).returncode
    ):
        pytest.skip("a full disk is made by mounting a small tmpfs, which needs root")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


def fill_up(folder: Path) -> Path:
    """Write a file until the disk refuses another byte; remove it to free the space."""
    ballast = folder / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 20, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"x" * size)
    finally:
        os.close(fd)
    return ballast


def test_a_full_disk_takes_no_money_and_a_paid_sale_waits_for_space(small_disk: Path) -> None:
    """The disk under the ledger fills up. Before paying: no money is taken and the shopper
    is told to call for help (not to try again). After the terminal approved: the kiosk keeps
    saving the sale until there is space again, then records it once (it used to stop,
    stuck on "Saving your receipt…", and never tried again)."""
    db = connect(small_disk / "catalog.db")
    seed_demo(db, demo_catalog_path())
    kiosk = Kiosk(db, small_disk)
    kiosk.show("tea-box")
    ballast = fill_up(small_disk)
    view = kiosk.checkout.handle(PayPressed())
    assert view.state is S.READY and view.basket.total_cents == 229
    assert "cannot save sales right now, so no money was taken" in view.message
    assert kiosk.terminal.charged == []
    ballast.unlink()

    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING  # written down: it starts
    ballast = fill_up(small_disk)
    view = kiosk.wait(3.0)  # approved after 1 s, then the ledger refuses the sale
    assert view.state is S.PAYING and kiosk.terminal.charged == [("key-1", 229, "EUR")]
    assert "payment went through" in view.message and "the disk is full" in view.message
    assert sales.list_sales(db) == []
    ballast.unlink()
    assert kiosk.wait(2.5).state is S.RECEIPT
    assert [s.draft.idempotency_key for s in sales.list_sales(db)] == ["key-1"]
    db.close()


def test_wrong_pin_is_refused_and_the_right_one_signs_staff_in(db, tmp_path: Path) -> None:
    kiosk = Kiosk(db, tmp_path)
    kiosk.show("wine-bottle")
    view = kiosk.checkout.handle(StaffPin("9999"))
    assert view.state is S.HELP and view.staff is None
    assert view.message.startswith("Wrong PIN: 4 attempts left")
    assert kiosk.checkout.handle(StaffPin("1234")).staff == "Demo Manager"


def test_age_approval_and_manual_line_are_audited_and_on_the_sale(db, tmp_path: Path) -> None:
    kiosk = Kiosk(db, tmp_path)
    view = kiosk.show("wine-bottle")
    assert view.state is S.BLOCKED and view.needs_approval
    for event in (HelpPressed(), StaffPin("1234"), StaffApprove(), StaffAddLine("1016", 2)):
        kiosk.checkout.handle(event)
    view = kiosk.checkout.handle(HelpDone())
    assert view.state is S.READY and view.basket.total_cents == 699 + 2 * 55
    kiosk.checkout.handle(PayPressed())
    assert kiosk.wait(1.5).state is S.RECEIPT
    sale = sales.get_sale(db, "key-1")
    assert sale.draft.approved_by == "Demo Manager"
    assert sale.draft.overrides == (
        "Demo Manager approved the basket (age check: 1 × 1007)",
        "Demo Manager added 2 × Orange (each) (1016)",
    )
    assert [x.kind for x in sale.lines] == ["manual", "item"]
    actions = [(e.actor, e.action) for e in audit.list_entries(db, entity="basket")]
    assert actions == [("Demo Manager", "basket.approve")]
    assert audit.list_entries(db, action="basket.add_line")[0].entity == "product:1016"


def test_receipt_folder_that_cannot_be_written_does_not_lose_the_sale(db, tmp_path) -> None:
    kiosk = Kiosk(db, tmp_path)
    (tmp_path / "receipts").write_text("not a folder")
    kiosk.show("apple")
    kiosk.checkout.handle(PayPressed())
    view = kiosk.wait(1.5)
    assert view.state is S.RECEIPT and view.receipt.path is None
    assert sales.get_sale(db, "key-1") is not None


def test_from_settings_uses_the_store_settings(db, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[checkout]\ncurrency = "GBP"\ntax_inclusive = false\nkiosk_id = "kiosk-7"\n'
        "[detector]\naccept_conf = 0.7\n",
        encoding="utf-8",
    )
    settings = load_settings(config, environ={"KIOSK_HOME": str(tmp_path / "home")})
    checkout = Checkout.from_settings(settings, db)
    cfg = checkout.model.config
    assert (cfg.rules.currency, cfg.rules.tax_inclusive, cfg.kiosk_id) == ("GBP", False, "kiosk-7")
    assert cfg.tracker.accept_conf == 0.7 and cfg.tracker.settle_seconds == 0.6
    assert checkout.receipts_dir == settings.paths.receipts_dir


def test_pin_pad_locks_after_repeated_wrong_pins(db, tmp_path: Path) -> None:
    kiosk = Kiosk(db, tmp_path)
    kiosk.checkout = Checkout(db, receipts_dir=None, pin_attempts=2, pin_lockout_seconds=60)
    kiosk.checkout.handle(HelpPressed())
    kiosk.checkout.handle(StaffPin("0000"))
    view = kiosk.checkout.handle(StaffPin("0001"))
    assert view.message.startswith("Too many wrong PINs: the PIN pad is locked until")
    assert kiosk.checkout.handle(StaffPin("1234")).staff is None  # locked even for the right PIN


def test_price_change_in_admin_reprices_the_basket(db, tmp_path: Path) -> None:
    from dataclasses import replace

    from catalog.products import get_product, upsert_product

    kiosk = Kiosk(db, tmp_path)
    assert kiosk.show("tea-box").basket.total_cents == 229
    upsert_product(db, replace(get_product(db, "1011"), price_cents=249), actor="admin")
    assert kiosk.checkout.reload_catalog().basket.total_cents == 249


def test_a_price_changed_by_another_program_reaches_the_basket_before_pay(
    db, tmp_path: Path
) -> None:
    from catalog.models import Promotion
    from catalog.products import get_product, upsert_product
    from catalog.promotions import add_promotion

    kiosk = Kiosk(db, tmp_path)
    assert kiosk.show("tea-box", "tea-box").basket.total_cents == 458
    assert kiosk.checkout.reload_if_changed() is None  # nothing changed: nothing re-read
    terminal = connect(database_path(db))  # `kiosk catalog import` in another process
    upsert_product(terminal, replace(get_product(terminal, "1011"), price_cents=249), "staff")
    view = kiosk.checkout.reload_if_changed()
    assert view is not None and view.basket.total_cents == 498
    assert kiosk.checkout.reload_if_changed() is None  # read once
    offer = Promotion(sku="1011", name="2 for 4.00", buy_qty=2, bundle_cents=400)
    add_promotion(terminal, offer, "staff")
    view = kiosk.checkout.reload_if_changed()
    assert view is not None and view.basket.total_cents == 400

    # The kiosk's own writes (its sales) are not changes to re-read.
    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING
    assert kiosk.show("tea-box", "tea-box", seconds=1.5).state is S.RECEIPT
    assert sales.get_sale(db, "key-1").draft.total_cents == 400
    assert kiosk.checkout.reload_if_changed() is None
    terminal.close()


def test_a_basket_being_paid_keeps_the_total_the_shopper_agreed_to(db, tmp_path: Path) -> None:
    from catalog.products import get_product, upsert_product

    kiosk = Kiosk(db, tmp_path)
    kiosk.show("tea-box")
    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING
    terminal = connect(database_path(db))
    upsert_product(terminal, replace(get_product(terminal, "1011"), price_cents=999), "staff")
    terminal.close()
    assert kiosk.checkout.reload_if_changed() is not None
    assert kiosk.show("tea-box", seconds=1.5).state is S.RECEIPT
    assert sales.get_sale(db, "key-1").draft.total_cents == 229  # the price shown at Pay
    kiosk.show(seconds=2.0)  # the shopper takes the tea away
    assert kiosk.show("tea-box").basket.total_cents == 999  # the next shopper pays the new price


def test_a_weekly_offer_starts_and_ends_at_the_stores_midnight(db, tmp_path: Path) -> None:
    from catalog.models import Promotion
    from catalog.promotions import add_promotion

    week = Promotion("1011", "2 for 4.00", 2, bundle_cents=400, starts_on="2026-12-07")
    add_promotion(db, replace(week, ends_on="2026-12-13"), "staff")
    day = [date(2026, 12, 6)]
    kiosk = Kiosk(db, tmp_path)
    kiosk.checkout = Checkout(db, provider=kiosk.terminal, today=lambda: day[0])
    assert kiosk.show("tea-box", "tea-box").basket.total_cents == 458  # Sunday: not yet
    assert kiosk.checkout.reload_if_changed() is None
    day[0] = date(2026, 12, 7)  # midnight passes with the tea on the counter
    view = kiosk.checkout.reload_if_changed()
    assert view is not None and view.basket.total_cents == 400
    assert [p.name for p in view.basket.promotions] == ["2 for 4.00 (Earl Grey Tea 20 bags)"]
    day[0] = date(2026, 12, 14)  # the week is over
    assert kiosk.checkout.reload_if_changed().basket.total_cents == 458


def test_ignored_events_are_logged_and_kept_for_support(db, tmp_path: Path, caplog) -> None:
    kiosk = Kiosk(db, tmp_path)
    with caplog.at_level("INFO", logger="kiosk.checkout"):
        view = kiosk.checkout.handle(PayPressed())
    assert view.state is S.WELCOME
    assert kiosk.checkout.ignored[-1].event == "PayPressed"
    assert "ignored PayPressed in welcome" in caplog.text
