"""Bottle vouchers on the shopper's screen: a scanner's keystrokes, the keypad, the basket row.

Real parts: the kiosk window (offscreen Qt), the real checkout engine on a demo catalog file,
Qt key events as a USB scanner sends them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.checkout_events import BarcodeScanned, PayPressed, Tick, VoucherRemoved, VoucherScanned
from kiosk.checkout_values import CheckoutState
from kiosk.vouchers import DEFAULT_LAYOUT, VoucherRules
from tests.test_ui_screens import window
from tests.ui_support import demo_settings_in, detections, open_checkout, settle
from ui.scanner import ScannerKeys

__all__ = ["window"]  # the kiosk window fixture

CODE = VoucherRules().code_for(42, 325)


@pytest.fixture
def checkout(tmp_path: Path):
    settings = demo_settings_in(tmp_path, vouchers__layout=DEFAULT_LAYOUT, vouchers__tax_rate=19.0)
    engine, db = open_checkout(settings)
    yield engine
    db.conn.close()


def test_a_scanners_burst_is_a_code_and_slow_keys_are_not() -> None:
    keys = ScannerKeys(gap_s=0.08)
    t = 10.0
    for digit in CODE:
        assert keys.key(digit, False, t) is None
        t += 0.005
    assert keys.key("", True, t) == CODE
    slow = [keys.key(d, False, 20.0 + i * 0.3) for i, d in enumerate(CODE)]
    assert slow == [None] * len(CODE) and keys.key("", True, 24.0) is None
    for i, d in enumerate("1234x5678"):  # a letter in the burst: not a voucher
        keys.key(d, False, 30.0 + i * 0.005)
    assert keys.key("", True, 30.05) is None
    for i, d in enumerate("12345"):  # too short for any barcode
        keys.key(d, False, 40.0 + i * 0.005)
    assert keys.key("", True, 40.03) is None


def test_a_voucher_scanned_at_the_window_comes_off_the_basket(window, checkout, qtbot) -> None:
    posted = []
    window.worker.post = posted.append  # the worker thread is not running here
    window.show_view(settle(checkout, detections("cola-can", "crisps-salted"), t=10.0))
    assert window.voucher_button.isVisible()
    qtbot.keyClicks(window, CODE)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert posted == [BarcodeScanned(CODE)]
    view = checkout.handle(posted[-1])
    window.show_view(view)
    assert window.model.rowCount() == 3
    last = window.model.rowCount() - 1
    assert window.model.cell_text(last, 0) == "Bottle voucher"
    assert window.model.cell_text(last, 3) == "-€3.25"
    assert window.basket_panel.total_value.text() == "€0.03"  # 3.28 - 3.25
    assert "Bottle voucher taken: €3.25 off." in window.banner.text

    window.show_view(checkout.handle(PayPressed()))
    assert not window.voucher_button.isVisible()  # nothing is handed in while paying
    view = checkout.handle(Tick(12.5))
    window.show_view(view)
    assert view.state is CheckoutState.RECEIPT
    assert "Bottle voucher" in window.receipt_panel.lines.text()


def test_the_keypad_takes_a_typed_number_and_gives_a_voucher_back(window, checkout, qtbot) -> None:
    posted = []
    window.worker.post = posted.append
    window.show_view(settle(checkout, detections("crisps-salted"), t=10.0))
    qtbot.mouseClick(window.voucher_button, Qt.MouseButton.LeftButton)
    dialog = window.voucher_dialog
    assert dialog is not None and not dialog.add.isEnabled() and not dialog.remove_buttons
    for digit in VoucherRules().code_for(7, 150):
        dialog.press(digit)
    assert dialog.add.isEnabled()
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert posted == [VoucherScanned(VoucherRules().code_for(7, 150))]
    qtbot.waitUntil(lambda: window.voucher_dialog is None)
    window.show_view(checkout.handle(posted[-1]))
    assert window.basket_panel.total_value.text() == "€0.49"

    qtbot.mouseClick(window.voucher_button, Qt.MouseButton.LeftButton)
    dialog = window.voucher_dialog
    assert dialog is not None and list(dialog.remove_buttons) == [posted[-1].code]
    qtbot.mouseClick(dialog.remove_buttons[posted[-1].code], Qt.MouseButton.LeftButton)
    assert posted[-1] == VoucherRemoved(VoucherRules().code_for(7, 150))
    window.show_view(checkout.handle(posted[-1]))
    assert window.basket_panel.total_value.text() == "€1.99"


def test_the_basket_model_holds_a_voucher_row(qtmodeltester, window, checkout) -> None:
    settle(checkout, detections("cola-can"), t=10.0)
    window.show_view(checkout.handle(VoucherScanned(CODE)))
    qtmodeltester.check(window.model)
    assert window.model.cell_text(window.model.rowCount() - 1, 0) == "Bottle voucher"


def test_a_voucher_taken_is_good_news_and_a_refusal_a_warning(window, checkout) -> None:
    from ui import messages

    settle(checkout, detections("cola-can", "crisps-salted"), t=10.0)
    assert messages.banner_for(checkout.handle(VoucherScanned(CODE)))[0] == "ok"
    level, text = messages.banner_for(checkout.handle(VoucherScanned(CODE)))
    assert (level, text) == ("warn", "This voucher is already in your basket.")


def test_the_staff_menu_offers_to_take_the_vouchers_out(window, checkout, qtbot) -> None:
    from kiosk.checkout_events import HelpPressed
    from ui.admin.staff_menu import StaffMenu

    view = settle(checkout, detections("apple"), t=10.0)
    assert "vouchers" not in StaffMenu("Demo Manager", view, False, window).buttons
    checkout.handle(VoucherScanned(CODE))
    view = checkout.handle(HelpPressed())
    menu = StaffMenu("Demo Manager", view, False, window)
    qtbot.addWidget(menu)
    assert menu.buttons["vouchers"].text() == "Take the bottle vouchers out"
    assert "vouchers" not in StaffMenu("Demo Manager", view, True, window).buttons
