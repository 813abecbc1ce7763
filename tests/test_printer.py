"""Paper receipts: ESC/POS bytes, printers that work, hang or are missing, and the checkout.

The printer hardware is the one part this machine lacks: a regular file stands in for the
device file a USB receipt printer gives (``/dev/usb/lp0``: the kiosk writes to it the same
way), and a FIFO that nobody reads stands in for a printer that is out of paper or switched
off (the write blocks, exactly as it does on a stalled printer). Everything else is real.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.checkout_events import (
    PayPressed,
    PollPrinter,
    PrintPressed,
    PrintReceipt,
    ReceiptPrinted,
    SaleRecorded,
    Tick,
)
from kiosk.checkout_machine import transition
from kiosk.checkout_model import CheckoutConfig, view_of
from kiosk.checkout_values import CheckoutState
from kiosk.printer import (
    ESC_INIT,
    FEED_AND_CUT,
    CupsPrinter,
    DevicePrinter,
    PrinterError,
    escpos_bytes,
    printer_for,
)
from tests.test_checkout_machine import apply, paid
from tests.ui_support import demo_settings_in, detections, open_checkout, settle
from tests.waiting import first_answer

S = CheckoutState


def wait_for(printer, seconds: float = 5.0) -> ReceiptPrinted:
    return first_answer(printer.poll, "the printer never answered", seconds)


def test_escpos_starts_the_printer_prints_the_euro_and_cuts() -> None:
    data = escpos_bytes("TOTAL €3.68\n")
    assert data.startswith(ESC_INIT + b"\x1bt\x13")  # code page 858
    assert b"TOTAL \xd53.68\n" in data  # the euro sign is 0xD5 there
    assert data.endswith(FEED_AND_CUT)
    assert not escpos_bytes("x", cut=False).endswith(FEED_AND_CUT)
    assert b"?" in escpos_bytes("日本")  # what the printer cannot show is replaced, not fatal


def test_a_device_printer_receives_the_receipt(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    printer = printer_for(str(device), timeout=5)
    assert isinstance(printer, DevicePrinter)
    printer.start("Receipt K1-000001\nTOTAL €3.68\n")
    assert wait_for(printer) == ReceiptPrinted(True)
    assert device.read_bytes() == escpos_bytes("Receipt K1-000001\nTOTAL €3.68\n")
    assert printer.poll() is None  # the result is given once


def test_a_printer_that_hangs_fails_after_the_timeout_and_is_busy_meanwhile(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "stalled-lp0"
    os.mkfifo(fifo)
    printer = DevicePrinter(fifo, timeout=0.3)
    started = time.monotonic()
    printer.start("Receipt K1-000002\n")
    assert printer.poll() is None  # returns at once: nothing waits on the printer
    result = wait_for(printer)
    assert time.monotonic() - started >= 0.3
    assert not result.ok and "did not take the receipt in 0.3 s" in result.message
    assert "out of paper" in result.message
    with pytest.raises(PrinterError, match="still busy"):
        printer.start("the next receipt")
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the printer comes back
    try:
        drain_until_idle(printer, reader)
        printer.start("the next receipt")  # free again
        drain_until_idle(printer, reader)  # (no thread left blocked on the pipe after the test)
        assert wait_for(printer).ok
    finally:
        os.close(reader)


def drain_until_idle(printer: DevicePrinter, reader: int) -> None:
    deadline = time.monotonic() + 5
    while printer._thread is not None and printer._thread.is_alive():
        assert time.monotonic() < deadline, "the printer thread did not finish"
        with contextlib.suppress(BlockingIOError):
            os.read(reader, 4096)
        time.sleep(0.01)


def test_a_missing_printer_fails_with_the_reason(tmp_path: Path) -> None:
    printer = DevicePrinter(tmp_path / "no-such-dir" / "lp0")
    printer.start("x")
    result = wait_for(printer)
    assert not result.ok and "No such file or directory" in result.message
    assert printer_for("") is None and printer_for("  ") is None


def test_a_cups_queue_gets_the_text_through_lp(tmp_path: Path, monkeypatch) -> None:
    cat = shutil.which("cat")
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp on this PC
    printer = printer_for("cups:counter-printer", timeout=5)
    assert isinstance(printer, CupsPrinter)
    printer.start("x")
    result = wait_for(printer)
    assert not result.ok and "sudo apt-get install cups-client" in result.message
    # lp itself: a stand-in that keeps what it was given, as CUPS would queue it
    lp = tmp_path / "lp"
    lp.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/args\n{cat} > {tmp_path}/job\n')
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    printer.start("Receipt K1-000003\nTOTAL €1.29\n")
    assert wait_for(printer) == ReceiptPrinted(True)
    assert (tmp_path / "args").read_text().split() == ["-d", "counter-printer", "-t", "receipt"]
    assert (tmp_path / "job").read_text(encoding="utf-8") == "Receipt K1-000003\nTOTAL €1.29\n"


def receipt_screen(mode: str):
    model = paid()
    model = replace(model, config=replace(model.config, print_mode=mode))
    return transition(model, SaleRecorded("K1-000001", 7, "2026-01-01T00:00:00Z"))


def test_always_prints_as_the_sale_is_saved_and_holds_the_screen_until_done() -> None:
    model, effects = receipt_screen("always")
    assert model.state is S.RECEIPT and effects == (PrintReceipt(7),)
    assert view_of(model).print_state == "printing" and not view_of(model).can_print
    later = model.receipt_since + model.config.receipt_timeout_seconds + 5
    model, effects = transition(model, Tick(later))
    assert model.state is S.RECEIPT and effects == (PollPrinter(),)  # still printing: stay
    model, _ = transition(model, ReceiptPrinted(True))
    assert model.print_state == "printed" and "take your receipt" in model.message
    model, _ = transition(model, Tick(later + 1))
    assert model.state is S.WELCOME and model.print_state == ""


def test_ask_offers_a_button_and_a_failed_print_can_be_tried_again() -> None:
    model, effects = receipt_screen("ask")
    assert effects == () and view_of(model).can_print
    model, effects = transition(model, PrintPressed())
    assert effects == (PrintReceipt(7),) and not view_of(model).can_print
    _, effects = transition(model, PrintPressed())
    assert [type(e).__name__ for e in effects] == ["Ignored"]  # one print at a time
    model, _ = transition(model, ReceiptPrinted(False, "printer /dev/usb/lp0: out of paper"))
    assert model.print_state == "failed" and "ask staff for receipt K1-000001" in model.message
    assert view_of(model).can_print
    model, effects = transition(model, PrintPressed())
    assert effects == (PrintReceipt(7),)


def test_no_printer_never_prints() -> None:
    model, effects = receipt_screen("never")
    assert effects == () and not view_of(model).can_print
    model, effects = transition(model, PrintPressed())
    assert model.print_state == "" and [type(e).__name__ for e in effects] == ["Ignored"]
    assert CheckoutConfig().print_mode == "never"
    assert apply(model, ReceiptPrinted(True)).print_state == ""


def test_the_checkout_prints_the_saved_sale_with_tax_per_rate(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    settings = demo_settings_in(tmp_path, printer__device=str(device), printer__mode="always")
    checkout, db = open_checkout(settings)
    try:
        view = settle(checkout, detections("cola-can", "apple"), t=0.0)
        assert view.can_pay
        view = checkout.handle(PrintPressed())  # nothing to print before the sale
        assert view.print_state == ""
        view = checkout.handle(PayPressed())
        for i in range(100):
            view = checkout.tick(10.0 + i * 0.1)
            if view.print_state == "printed":
                break
            time.sleep(0.02)
        assert view.state is S.RECEIPT and view.print_state == "printed"
        text = device.read_bytes().decode("cp858")
        assert f"Receipt {view.receipt.receipt_no}" in text and "TOTAL" in text
        assert "19 %" in text and "7 %" in text  # cola 19 %, apple 7 %
    finally:
        db.conn.close()


def test_kiosk_receipt_shows_or_prints_a_marked_copy(tmp_path: Path, monkeypatch, capsys) -> None:
    from catalog.db import connect
    from catalog.sales import record_sale
    from kiosk.cli import main
    from tests.catalog_fixtures import draft, item_line

    settings = demo_settings_in(tmp_path)
    monkeypatch.setenv("KIOSK_PATHS_DATA_DIR", str(settings.paths.data_dir))
    db = connect(settings.paths.database)
    sale = record_sale(db, draft("s-1", item_line("1001", 2, 129), tax=41))
    db.conn.close()
    capsys.readouterr()
    assert main(["receipt", sale.receipt_no.lower()]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0].strip() == "*** COPY ***" and f"Receipt {sale.receipt_no}" in shown[2]
    assert main(["receipt", sale.receipt_no, "--print"]) == 1  # no printer set up
    assert "no receipt printer is set up" in capsys.readouterr().out
    device = tmp_path / "lp0"
    device.touch()
    monkeypatch.setenv("KIOSK_PRINTER_DEVICE", str(device))
    assert main(["receipt", sale.receipt_no, "--print"]) == 0
    assert f"receipt {sale.receipt_no}: printed" in capsys.readouterr().out
    assert b"*** COPY ***" in device.read_bytes()
