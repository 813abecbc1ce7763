"""The inference thread inside the real app: frames, inferences, clean stop, camera loss.

Real parts: the ONNX model (the small golden one, fast on a loaded CPU), real video files,
the real checkout engine and catalog. The only fake is ``FakeCamera``, for camera hardware.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.checkout_events import FrameSeen
from kiosk.checkout_values import CheckoutState
from kiosk.watchdog import LatestFrameSource
from tests.test_camera import make_video
from tests.test_camera_watchdog import FakeCamera
from tests.ui_support import TINY_MODEL, NoFrames, demo_settings_in, detections
from ui.app import Kiosk, build_kiosk
from ui.kiosk_window import KioskWindow

BROKEN_MODEL = TINY_MODEL.parent / "broken" / "rank2_input.onnx"


@pytest.fixture
def video(tmp_path: Path) -> Path:
    return make_video(tmp_path / "counter.mp4", frames=30, size=(320, 240))


def start(qtbot, kiosk: Kiosk) -> KioskWindow:
    window = kiosk.window
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    kiosk.start()
    return window


def stop(kiosk: Kiosk) -> None:
    kiosk.window.allow_close = True
    kiosk.close()


def test_preview_and_inference_run_then_close_stops_the_thread_within_1s(
    qtbot, tmp_path: Path, video: Path
) -> None:
    settings = demo_settings_in(tmp_path, str(video))
    kiosk = build_kiosk(settings, model_path=TINY_MODEL)
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.video.frames_drawn >= 10, timeout=10_000)
        qtbot.waitUntil(lambda: kiosk.worker.inferences >= 3, timeout=10_000)
        assert window.view is not None
        started = time.monotonic()
        window.close()
        assert kiosk.worker.isFinished()
        assert time.monotonic() - started < 1.0
    finally:
        stop(kiosk)


def test_dead_camera_shows_out_of_service_then_recovers(qtbot, tmp_path: Path, video: Path) -> None:
    camera = FakeCamera(video)
    frames = LatestFrameSource("0", opener=camera.open, stall_seconds=0.5)
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=0.5)
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=frames)
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.video.frames_drawn >= 5, timeout=10_000)
        camera.plugged = False
        camera.set("raise")
        qtbot.waitUntil(lambda: window.out_of_service, timeout=5_000)
        reason = window.closed_screen.reason.text()
        assert "camera" in reason and "For staff" in reason
        drawn = window.video.frames_drawn
        camera.plugged = True
        camera.set("ok")
        qtbot.waitUntil(lambda: not window.out_of_service, timeout=5_000)
        qtbot.waitUntil(lambda: window.video.frames_drawn > drawn + 3, timeout=5_000)
    finally:
        stop(kiosk)


def test_a_model_that_cannot_load_closes_the_kiosk_with_the_reason(qtbot, tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path, "0")
    kiosk = build_kiosk(settings, model_path=BROKEN_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.out_of_service, timeout=10_000)
        assert "rank2_input.onnx" in window.closed_screen.reason.text()
    finally:
        stop(kiosk)


@pytest.fixture
def idle_kiosk(qtbot, tmp_path: Path):
    """A running kiosk whose camera shows nothing; the test feeds detections as events."""
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=600.0)
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    yield kiosk
    stop(kiosk)


def feed(kiosk: Kiosk, *labels: str) -> None:
    """Two seconds of frames that ended one second ago (the engine's clock is monotonic)."""
    t0 = time.monotonic() - 3.0
    for i in range(20):
        kiosk.worker.post(FrameSeen(detections(*labels), t=t0 + i / 10, frame_index=i))


def type_pin(qtbot, window: KioskWindow, pin: str) -> None:
    qtbot.waitUntil(lambda: window.staff.pin_dialog is not None)
    dialog = window.staff.pin_dialog
    for key in pin:
        dialog.press(key)
    dialog.submit()


def open_admin(qtbot, window: KioskWindow, name: str = "Demo Manager", **kwargs):
    """The admin dialog as staff ``name`` opens it, its worker answers routed to it as the
    staff menu routes them (a connection made after the dialog has asked the worker could
    miss an answer given in between: the worker's signal goes to the slots of that moment)."""
    from ui.admin.panel import AdminDialog

    dialog = AdminDialog(window.worker, name, window, **kwargs)
    qtbot.addWidget(dialog)
    window.staff.admin = dialog
    return dialog


def stored_price(kiosk: Kiosk, sku: str) -> int:
    """The price the catalog on disk holds for ``sku`` (what the next sale will charge)."""
    from catalog.db import connect
    from catalog.products import get_product

    db = connect(kiosk.settings.paths.database)
    try:
        product = get_product(db, sku)
    finally:
        db.conn.close()
    assert product is not None
    return product.price_cents


def test_staff_approves_an_age_check_through_the_pin_pad(qtbot, idle_kiosk: Kiosk) -> None:
    window = idle_kiosk.window
    feed(idle_kiosk, "wine-bottle")
    qtbot.waitUntil(lambda: window.view.needs_approval, timeout=5_000)
    assert not window.pay_button.isEnabled()
    window.header.staff.click()
    type_pin(qtbot, window, "9999")
    qtbot.waitUntil(lambda: "Wrong PIN" in window.staff.pin_dialog.error_text, timeout=5_000)
    assert "attempts left" in window.staff.pin_dialog.error_text
    type_pin(qtbot, window, "1234")
    qtbot.waitUntil(lambda: window.staff.menu is not None, timeout=5_000)
    assert window.view.staff == "Demo Manager"
    window.staff.menu.buttons["approve"].click()
    window.staff.menu.buttons["done"].click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.pay_button.isEnabled()


def test_kiosk_mode_window_ignores_close_until_staff_closes_it(qtbot, tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=600.0)
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, kiosk_mode=True, frames=NoFrames())
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
        window.close()
        assert window.isVisible() and kiosk.worker.isRunning()
        window.header.staff.click()
        type_pin(qtbot, window, "1234")
        qtbot.waitUntil(lambda: window.staff.menu is not None, timeout=5_000)
        window.staff.menu.buttons["exit"].click()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=2_000)
        assert kiosk.worker.isFinished()
    finally:
        QApplication.instance().quit()  # what the exit button asked for; harmless here
        stop(kiosk)


def test_an_offer_added_from_a_terminal_reaches_the_running_kiosks_basket(
    qtbot, idle_kiosk
) -> None:
    from tests.catalog_fixtures import run_kiosk

    window = idle_kiosk.window
    feed(idle_kiosk, "cola-can", "cola-can")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.view.basket.total_cents == 258
    database = str(idle_kiosk.settings.paths.database)
    added = run_kiosk(
        "catalog", "promo", "add", "1001", "--buy", "2", "--price", "2.00", "--db", database
    )
    assert added.returncode == 0, added.stderr
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 200, timeout=5_000)
    assert window.view.state is CheckoutState.READY  # repriced on screen, Pay still offered
    assert window.basket_panel.total_value.text() == "€2.00"


class GlitchyCamera(FakeCamera):
    """Camera hardware whose driver starts handing out empty pictures, then recovers."""

    broken = False

    def open(self):
        reader = super().open()
        read = reader.read

        def glitchy_read():
            image = read()
            return image[:0] if self.broken and image is not None else image

        reader.read = glitchy_read
        return reader


def test_inference_that_keeps_failing_closes_the_kiosk_until_it_works_again(
    qtbot, tmp_path: Path, video: Path
) -> None:
    camera = GlitchyCamera(video)
    frames = LatestFrameSource("0", opener=camera.open, stall_seconds=5.0)
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=5.0)
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=frames)
    window = start(qtbot, kiosk)
    errors: list[str] = []
    kiosk.worker.errored.connect(errors.append)
    try:
        qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
        camera.broken = True
        qtbot.waitUntil(lambda: window.out_of_service, timeout=10_000)
        assert len(errors) >= 3
        assert "empty" in window.closed_screen.reason.text()
        camera.broken = False
        qtbot.waitUntil(lambda: not window.out_of_service, timeout=10_000)
    finally:
        stop(kiosk)


def test_payment_completes_while_the_camera_keeps_sending_frames(
    qtbot, tmp_path: Path, video: Path
) -> None:
    """Payment is polled on clock ticks: they must run between frames, not only when idle."""
    from kiosk.checkout_events import HelpDone, StaffAddLine, StaffPin
    from kiosk.config import bundled_model_path

    if not bundled_model_path().is_file():
        pytest.skip("the demo model is built by the models pipeline")

    settings = demo_settings_in(tmp_path, str(video))  # grey frames: nothing on the counter
    kiosk = build_kiosk(settings, model_path=bundled_model_path())  # sees nothing on grey
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: kiosk.worker.inferences >= 3, timeout=10_000)
        for event in (StaffPin("1234"), StaffAddLine("1012"), HelpDone()):
            kiosk.worker.post(event)  # staff add an item the camera cannot see
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
        window.pay_button.click()
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
        assert kiosk.worker.inferences > 10  # frames kept flowing during the payment
        assert window.view.receipt is not None and window.view.receipt.total_cents == 99
    finally:
        stop(kiosk)


def test_help_button_calls_staff_and_can_be_cancelled(qtbot, idle_kiosk: Kiosk) -> None:
    window = idle_kiosk.window
    feed(idle_kiosk, "cola-can")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    window.help_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.HELP, timeout=5_000)
    assert "Help is on the way" in window.banner.text
    assert window.help_button.text() == "Cancel help" and not window.pay_button.isEnabled()
    window.help_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.help_button.text() == "Help"


def test_admin_sales_tab_shows_the_days_tax_per_rate(qtbot, idle_kiosk) -> None:
    import dataclasses

    from catalog.db import connect
    from catalog.sales import record_sale
    from tests.catalog_fixtures import draft, item_line

    db = connect(idle_kiosk.settings.paths.database)
    try:  # 19 % in 2.58: 0.41 tax; 7 % in 1.10: 0.07
        record_sale(db, draft("s-1", item_line("1001", 2, 129), tax=41))
        oranges = dataclasses.replace(item_line("1016", 2, 55), tax_rate_bp=700)
        record_sale(db, draft("s-2", oranges, tax=7))
    finally:
        db.conn.close()
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: "Sales today" in dialog.sales.summary.text(), timeout=5_000)
    text = dialog.sales.summary.text()
    assert "Sales today: 2" in text and "Gross" in text
    assert "19 %</td><td align=right>€2.17</td><td align=right>€0.41</td>" in text
    assert "7 %</td><td align=right>€1.03</td><td align=right>€0.07</td>" in text


@pytest.fixture
def paid_with_printer(qtbot, tmp_path: Path, request):
    """A kiosk whose printer is ``request.param`` (under tmp_path), on the receipt screen of a
    paid cola can; yields the window and the printer's path."""
    device = tmp_path / request.param
    if device.parent == tmp_path:
        device.touch()  # a regular file stands in for the USB printer's device file
    settings = demo_settings_in(
        tmp_path, "0", camera__stall_seconds=600.0, printer__device=str(device)
    )
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
        feed(kiosk, "cola-can")
        qtbot.waitUntil(lambda: window.pay_button.isEnabled(), timeout=5_000)
        window.pay_button.click()
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
        yield window, device
    finally:
        stop(kiosk)


@pytest.mark.parametrize("paid_with_printer", ["lp0"], indirect=True)
def test_the_shopper_asks_for_a_paper_receipt_on_the_receipt_screen(qtbot, paid_with_printer):
    window, device = paid_with_printer
    panel = window.receipt_panel
    assert panel.print_button.isVisible() and not device.read_bytes()
    panel.print_button.click()
    qtbot.waitUntil(lambda: window.view.print_state == "printed", timeout=5_000)
    assert not panel.print_button.isVisible()
    assert panel.print_status.text() == "Please take your receipt from the printer."
    assert f"Receipt {window.view.receipt.receipt_no}".encode() in device.read_bytes()


def test_a_manager_refunds_from_the_admin_screen_and_a_cashier_cannot(qtbot, idle_kiosk) -> None:
    from catalog.db import connect
    from catalog.refunds import refunds_of
    from catalog.sales import record_sale
    from catalog.staff import add_staff
    from tests.catalog_fixtures import draft, item_line

    db = connect(idle_kiosk.settings.paths.database)
    try:
        sale = record_sale(db, draft("s-1", item_line("1001", 2, 129), tax=41))
        add_staff(db, "Bo", "5555", "cashier", actor="test")
    finally:
        db.conn.close()

    def refund_as(name: str):
        dialog = open_admin(qtbot, idle_kiosk.window, name)
        tab = dialog.refunds
        tab.receipt.setText(sale.receipt_no.lower())  # typed by hand
        tab.find.click()
        qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5_000)
        assert tab.table.item(0, 1).text() == "€2.58" and tab.table.item(0, 2).text() == "2"
        assert not tab.give.isEnabled()  # nothing chosen, no reason yet
        tab.table.cellWidget(0, 3).setValue(1)
        tab.reason.setText("dented can")
        assert tab.give.isEnabled()
        tab.give.click()
        tab.give.click()  # a second tap before the answer: the same refund
        return dialog

    cashier = refund_as("Bo")
    refused = "a supervisor or manager refunds"
    qtbot.waitUntil(lambda: refused in cashier.status.text(), timeout=5_000)
    manager = refund_as("Demo Manager")
    qtbot.waitUntil(lambda: "Refunded €1.29" in manager.status.text(), timeout=5_000)
    assert manager.refunds.table.rowCount() == 0  # ready for the next one
    db = connect(idle_kiosk.settings.paths.database)
    try:
        (done,) = refunds_of(db, sale.id)
    finally:
        db.conn.close()
    assert (done.staff, done.reason, done.amount_cents) == ("Demo Manager", "dented can", 129)
    qtbot.waitUntil(lambda: "Refunds" in manager.sales.summary.text(), timeout=5_000)


def add_cashier(kiosk: Kiosk, name: str) -> None:
    from catalog.db import connect
    from catalog.staff import add_staff

    db = connect(kiosk.settings.paths.database)
    try:
        add_staff(db, name, "5555", "cashier", actor="test")
    finally:
        db.conn.close()


@pytest.mark.parametrize("paid_with_printer", ["usb/lp0"], indirect=True)
def test_a_printer_that_is_gone_says_so_and_offers_another_try(qtbot, paid_with_printer):
    window, _ = paid_with_printer
    panel = window.receipt_panel
    panel.print_button.click()
    qtbot.waitUntil(lambda: window.view.print_state == "failed", timeout=5_000)
    receipt_no = window.view.receipt.receipt_no
    assert panel.print_status.text() == (
        f"The printer is not working. Ask staff for receipt {receipt_no}."
    )
    assert panel.print_button.isVisible() and panel.print_button.text() == "Try printing again"


def test_staff_screens_left_alone_close_and_sign_staff_out(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    # 1.5 s alone closes them; four touches 0.5 s apart keep them open for 2 s. (At 0.8 s the
    # admin dialog's own start, 0.2 s on a busy 2-core machine, left too thin a margin.)
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=600.0, staff__idle_seconds=1.5)
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
        feed(kiosk, "cola-can")
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
        window.header.staff.click()
        type_pin(qtbot, window, "1234")
        qtbot.waitUntil(lambda: window.staff.menu is not None, timeout=5_000)
        window.staff.menu.buttons["admin"].click()
        admin = window.staff.admin
        assert admin is not None and window.view.staff == "Demo Manager"
        for _ in range(4):  # someone is working: every touch restarts the clock
            qtbot.wait(500)
            QTest.mouseClick(admin.refunds.receipt, Qt.MouseButton.LeftButton)
        assert window.staff.admin is admin  # 2 s in, still open
        qtbot.waitUntil(lambda: window.staff.admin is None, timeout=5_000)
        assert window.staff.menu is None
        qtbot.waitUntil(lambda: window.view.staff is None, timeout=3_000)
        assert window.view.state is CheckoutState.READY  # back to the shopper
    finally:
        stop(kiosk)


@pytest.mark.parametrize("paid_with_printer", ["lp0"], indirect=True)
def test_staff_print_a_copy_of_a_receipt_from_the_admin_screen(qtbot, paid_with_printer):
    window, device = paid_with_printer
    receipt_no = window.view.receipt.receipt_no
    dialog = open_admin(qtbot, window)
    tab = dialog.refunds
    assert not tab.copy.isEnabled()  # nothing found yet
    tab.receipt.setText(receipt_no)
    tab.find.click()
    qtbot.waitUntil(lambda: tab.copy.isEnabled(), timeout=5_000)
    tab.copy.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Copy printed.", timeout=5_000)
    printed = device.read_bytes()
    assert b"*** COPY ***" in printed and f"Receipt {receipt_no}".encode() in printed


@pytest.mark.parametrize("paid_with_printer", ["lp0"], indirect=True)
def test_staff_print_the_days_report_from_the_admin_screen(qtbot, paid_with_printer):
    window, device = paid_with_printer
    dialog = open_admin(qtbot, window)
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.summary.text(), timeout=5_000)
    dialog.sales.print_report.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Report printed.", timeout=5_000)
    report = device.read_bytes().decode("cp858")
    assert "DAY REPORT" in report and "1 × Fizz Cola can 330 ml" in report
    assert "NET TAKINGS" in report and "19 %" in report


def test_staff_add_and_end_an_offer_and_the_basket_on_the_counter_follows(
    qtbot, idle_kiosk
) -> None:
    from catalog.db import connect
    from catalog.promotions import list_promotions

    window = idle_kiosk.window
    feed(idle_kiosk, "tea-box", "tea-box")
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 458, timeout=5_000)
    dialog = open_admin(qtbot, window)
    offers = dialog.offers
    qtbot.waitUntil(lambda: len(offers.offer_rows()) == 2, timeout=5_000)
    assert [row[1:] for row in offers.offer_rows()] == [
        ("3 for 2", "always", "running"),
        ("2 for 3.00", "always", "running"),
    ]
    offers.product.setCurrentIndex(offers.product.findData("1011"))
    offers.buy.setValue(2)
    offers.kind.setCurrentIndex(1)  # for the price
    offers.price.setValue(4.0)
    offers.add.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Offer added.", timeout=5_000)
    assert offers.offer_rows()[-1][1:] == ("2 for 4.00", offers.offer_rows()[-1][2], "running")
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 400, timeout=5_000)

    offers.table.selectRow(2)
    offers.end.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Offer ended.", timeout=5_000)
    assert len(offers.offer_rows()) == 2
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 458, timeout=5_000)
    db = connect(idle_kiosk.settings.paths.database)
    try:
        added = [p for p in list_promotions(db) if p.sku == "1011"]
    finally:
        db.conn.close()
    assert [(p.name, p.bundle_cents, p.active) for p in added] == [("2 for 4.00", 400, False)]
    assert added[0].starts_on is not None and added[0].ends_on is None  # from today, no end


def test_an_offer_for_next_week_waits_and_a_cashier_cannot_add_one(qtbot, idle_kiosk) -> None:
    dialog = open_admin(qtbot, idle_kiosk.window)
    offers = dialog.offers
    qtbot.waitUntil(lambda: len(offers.offer_rows()) == 2, timeout=5_000)
    offers.product.setCurrentIndex(offers.product.findData("1011"))
    offers.starts.setDate(offers.starts.date().addDays(7))
    offers.has_end.setChecked(True)
    offers.ends.setDate(offers.starts.date().addDays(6))
    offers.add.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Offer added.", timeout=5_000)
    product, name, days, now = offers.offer_rows()[-1]
    assert product.startswith("1011 ")
    assert (name, now) == ("3 for 2", "not yet") and " to " in days

    add_cashier(idle_kiosk, "Bo")
    cashier = open_admin(qtbot, idle_kiosk.window, "Bo")
    qtbot.waitUntil(lambda: len(cashier.offers.offer_rows()) == 3, timeout=5_000)
    cashier.offers.product.setCurrentIndex(cashier.offers.product.findData("1001"))
    cashier.offers.add.click()
    qtbot.waitUntil(lambda: "sets up offers" in cashier.status.text(), timeout=5_000)
    assert len(cashier.offers.offer_rows()) == 3


def test_staff_settle_an_unconfirmed_payment_on_the_admin_screen(qtbot, idle_kiosk) -> None:
    from catalog.db import connect
    from catalog.intents import settle_intent
    from catalog.sales import get_sale
    from tests.test_payment_recovery import crashed_after_the_terminal_took_the_money, intents

    settings = idle_kiosk.settings
    key = crashed_after_the_terminal_took_the_money(settings, journal=None)
    db = connect(settings.paths.database)
    settle_intent(db, key, "unknown", "the terminal stopped answering")
    dialog = open_admin(qtbot, idle_kiosk.window)
    tab = dialog.payments
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5_000)
    assert tab.table.item(0, 1).text() == "€1.74" and tab.table.item(0, 2).text() == key
    tab.paid.click()  # no reference typed: nothing is recorded
    assert "type the terminal's reference first" in tab.reference.placeholderText()
    tab.reference.setText("T-5512")
    tab.paid.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Recorded sale"), timeout=5_000)
    assert dialog.status.text() == "Recorded sale K1-000001 (€1.74)."
    assert tab.table.rowCount() == 0 and not tab.empty.isHidden() and not tab.paid.isEnabled()
    sale = get_sale(db, key)
    assert sale is not None and sale.draft.payment_ref == "T-5512"
    assert (settings.paths.receipts_dir / "receipt-K1-000001.txt").is_file()
    assert intents(settings)[key].state == "recorded"
    actions = [r[0] for r in db.conn.execute("SELECT actor FROM audit_log WHERE action = ?",
                                             ("payment.settle",))]  # fmt: skip
    assert actions == ["Demo Manager"]
    db.conn.close()
