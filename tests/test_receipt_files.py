"""Old receipt files go; the ledger's sales, new receipts and other files stay."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from catalog import sales
from kiosk.checkout import Checkout
from kiosk.checkout_events import FrameSeen, PayPressed
from kiosk.checkout_values import CheckoutState as S
from kiosk.config import ConfigError, load_settings
from kiosk.payment import SimulatedPaymentProvider
from kiosk.receipt_files import DAY_S, prune_receipt_files
from tests.test_checkout import Clock, frame
from tests.test_checkout import db as db  # the fixture

NOW = 1_800_000_000.0


def aged(folder: Path, name: str, days: float, now: float = NOW) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(name, encoding="utf-8")
    stamp = now - days * DAY_S
    os.utime(path, (stamp, stamp))
    return path


def test_files_older_than_the_days_kept_go_and_nothing_else(tmp_path: Path) -> None:
    old = [
        aged(tmp_path, "receipt-K1-000001.txt", 91),
        aged(tmp_path, "receipt-K1-000001.html", 91),
        aged(tmp_path, "refund-R1-000001.txt", 400),
    ]
    young = [
        aged(tmp_path, "receipt-K1-000002.txt", 89),
        aged(tmp_path, "receipt-K1-000002.html", 0),
    ]
    others = [aged(tmp_path, "notes.txt", 900), aged(tmp_path, "receipt-K1-000003.pdf", 900)]
    (tmp_path / "receipt-folder.txt").mkdir()  # not a file: left alone

    pruned = prune_receipt_files(tmp_path, 90, now=NOW)

    assert (pruned.removed, pruned.failed, pruned.more) == (3, 0, False)
    assert not [path for path in old if path.exists()]
    assert all(path.exists() for path in [*young, *others])
    assert (tmp_path / "receipt-folder.txt").is_dir()


def test_zero_days_or_no_folder_keeps_everything(tmp_path: Path) -> None:
    kept = aged(tmp_path, "receipt-K1-000001.txt", 5000)
    assert prune_receipt_files(tmp_path, 0, now=NOW).removed == 0
    assert kept.exists()
    assert prune_receipt_files(tmp_path / "missing", 90, now=NOW).removed == 0


def test_a_big_backlog_goes_a_bounded_number_per_pass(tmp_path: Path) -> None:
    for number in range(1, 6):
        aged(tmp_path, f"receipt-K1-{number:06d}.txt", 200)
    first = prune_receipt_files(tmp_path, 90, now=NOW, limit=3)
    assert (first.removed, first.more) == (3, True)
    second = prune_receipt_files(tmp_path, 90, now=NOW, limit=3)
    assert (second.removed, second.more) == (2, False)
    assert not list(tmp_path.iterdir())


def test_the_idle_checkout_prunes_once_a_day_and_the_ledger_keeps_it_all(
    db,
    tmp_path: Path,
) -> None:
    """Pruning waits for an idle kiosk (welcome screen, counter clear), never a shopper, and
    runs once a day; every sale stays in the ledger and today's receipts stay on disk."""
    folder = tmp_path / "receipts"
    day = [date(2026, 11, 27)]
    clock = Clock()
    keys = iter(f"key-{n}" for n in range(1, 10))
    checkout = Checkout(
        db, provider=SimulatedPaymentProvider(delay_seconds=1.0, clock=clock),
        receipts_dir=folder, new_key=lambda: next(keys), today=lambda: day[0],
        receipt_files_days=90,
    )  # fmt: skip

    def show(label: str | None, seconds: float):
        view = checkout.view
        for _ in range(int(seconds * 10)):
            clock.now = round(clock.now + 0.1, 6)
            checkout.handle(FrameSeen(frame(label) if label else frame(), clock.now))
            view = checkout.tick(clock.now)
            checkout.tidy()  # as the kiosk's session does on every tick
        return view

    def sell(label: str) -> Path:
        assert show(label, 1.0).state is S.READY
        checkout.handle(PayPressed())
        view = show(label, 1.5)
        assert view.state is S.RECEIPT and view.receipt is not None
        return Path(view.receipt.path)

    now = time.time()
    stale = aged(folder, "receipt-K0-000001.txt", 120, now)
    first = sell("apple")
    assert stale.exists()  # a shopper at the counter: nothing pruned meanwhile
    show(None, 2.0)  # the counter cleared: idle
    assert not stale.exists() and first.exists()
    stale_again = aged(folder, "receipt-K0-000002.txt", 120, now)
    second = sell("orange")
    show(None, 2.0)
    assert stale_again.exists()  # the same day: no second pass
    day[0] += timedelta(days=1)
    show(None, 0.5)
    assert not stale_again.exists()
    assert first.exists() and second.exists()
    assert len(sales.list_sales(db)) == 2


def test_the_setting_reaches_the_checkout_and_is_checked(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[store]\nreceipt_files_days = 30\n", encoding="utf-8")
    assert load_settings(config).store.receipt_files_days == 30
    config.write_text("[store]\nreceipt_files_days = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="receipt_files_days"):
        load_settings(config)


def test_doctor_counts_the_receipts_and_says_how_long_they_are_kept(tmp_path: Path) -> None:
    from kiosk.doctor import check_disk

    settings = load_settings(overrides={"paths.data_dir": tmp_path})
    for number in (1, 2):
        aged(settings.paths.receipts_dir, f"receipt-K1-{number:06d}.txt", 1, time.time())
    disk = [finding.text for finding in check_disk(settings)]
    assert any("(2 receipts, kept 90 days)" in message for message in disk), disk


def test_files_that_cannot_go_are_tried_once_a_day_not_on_every_tick(tmp_path: Path) -> None:
    """Old files the kiosk may not remove (here immutable, which stops even root) are tried
    once that day, not again on every tick, and the rest still go."""
    import shutil
    import subprocess

    from kiosk.receipt_files import ReceiptFolderKeeper

    now = time.time()
    stuck = [aged(tmp_path, f"receipt-K1-{n:06d}.txt", 200, now) for n in range(1, 4)]
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", *map(str, stuck)], capture_output=True).returncode
    ):
        pytest.skip("no immutable files here (chattr needs root on ext4 or similar)")
    try:
        keeper = ReceiptFolderKeeper(tmp_path, 90, limit=2)  # a pass ends on 2 it cannot
        today = date(2026, 11, 27)
        first = keeper.daily(today)
        assert first is not None and (first.removed, first.failed, first.more) == (0, 2, True)
        assert keeper.daily(today) is None  # not again today
        assert all(path.exists() for path in stuck)
    finally:
        subprocess.run(["chattr", "-i", *map(str, stuck)], check=False)
    later = keeper.daily(today + timedelta(days=1))
    assert later is not None and later.removed == 2 and later.more
    assert keeper.daily(today + timedelta(days=1)).removed == 1  # the backlog goes on
