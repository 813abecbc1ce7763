"""The receipt as a QR code on the receipt screen: the shopper's phone reads the receipt's own
text off the screen (no printer, no internet needed).

Real parts: a sale in the real ledger, OpenCV's QR encoder and decoder, the running kiosk
paying on the simulated terminal, the code as the screen shows it.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PySide6.QtGui import QImage

from catalog.db import connect
from catalog.sales import record_sale
from kiosk.checkout_values import CheckoutState
from kiosk.receipt import PHONE_BYTES, StoreInfo, receipt_for_phone, receipt_text
from tests.catalog_fixtures import draft, item_line
from tests.test_ui_worker import feed, start, stop
from tests.ui_support import TINY_MODEL, NoFrames, demo_settings_in
from ui.app import Kiosk, build_kiosk
from ui.receipt_code import MAX_PX, QUIET, code_picture

STORE = StoreInfo("Corner Shop", ("Main St 1", "10115 Berlin"), "DE123", ("Thank you!",))


def words(paper: str) -> list[str]:
    """The receipt's words, its rules (lines of dashes) left out."""
    return [word for word in paper.split() if set(word) != {"-"} or len(word) < 10]


def read_code(picture: np.ndarray) -> str:
    """The code's text as a phone reads it. OpenCV's readers stand in for the phone; each
    misses some sound codes at exactly the screen's pixels (the classic one one in four with
    UTF-8 text, the Aruco-based one about one in six receipts at 4 px a module), and reads
    them at 2x, which is closer to how a phone's camera sees the screen."""
    found = False
    for scale in (1, 2, 3):
        seen = cv2.resize(picture, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        for reader in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
            text, points, _ = reader.detectAndDecode(seen)
            found = found or points is not None
            if text:
                return text
    assert found, "no QR code found in the picture"
    return ""


def test_the_phones_receipt_is_the_papers_text_without_its_padding(tmp_path: Path) -> None:
    db = connect(tmp_path / "catalog.sqlite")
    sale = record_sale(db, draft("k-phone", item_line("1001", 2, 129), item_line("1015", 3, 45)))
    phone = receipt_for_phone(sale, STORE)
    paper = receipt_text(sale, STORE)
    assert phone.splitlines()[:4] == ["Corner Shop", "Main St 1", "10115 Berlin", "VAT ID DE123"]
    assert f"Receipt {sale.receipt_no}" in phone.splitlines()
    assert "TOTAL €3.93" in phone and phone.splitlines()[-1] == "Thank you!"
    assert "---" not in phone and "  " not in phone  # rules and padding are the paper's
    # Every word of the paper, in the same order.
    assert phone.split() == words(paper)

    long = record_sale(
        db, draft("k-long", *(item_line(f"{1000 + n}", 1, 100 + n) for n in range(1, 30)))
    )
    assert len(receipt_text(long, STORE).encode()) > PHONE_BYTES
    assert receipt_for_phone(long, STORE) == ""  # too dense a code for a phone: none


def test_a_code_reads_back_as_the_text_at_3_px_a_module() -> None:
    text = "Corner Shop\nReceipt K1-000042\n2 × Fizz Cola can 330 ml €2.58\nTOTAL €2.58"
    picture = code_picture(text)
    assert picture.shape[0] == picture.shape[1] <= MAX_PX
    assert picture[: QUIET * 3, :].min() == 255  # the white frame around it
    assert read_code(picture) == text
    longest = "x" * PHONE_BYTES  # the longest text a receipt puts in a code
    densest = code_picture(longest)
    modules = cv2.QRCodeEncoder.create().encode(longest).shape[0] + 2 * QUIET
    assert densest.shape[0] <= MAX_PX and densest.shape[0] // modules >= 3
    assert read_code(densest) == longest


def shown_code(window) -> np.ndarray:
    image = (
        window.receipt_panel.code.pixmap()
        .toImage()
        .convertToFormat(QImage.Format.Format_Grayscale8)
    )
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width()].copy()


def pay_for_cola(qtbot, kiosk: Kiosk):
    window = kiosk.window
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    feed(kiosk, "cola-can", "apple")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    window.pay_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
    return window, window.view.receipt


def test_the_receipt_screen_shows_the_receipt_as_a_code_a_phone_reads(
    qtbot, tmp_path: Path
) -> None:
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=600.0)
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    start(qtbot, kiosk)
    try:
        window, receipt = pay_for_cola(qtbot, kiosk)
        panel = window.receipt_panel
        qtbot.waitUntil(lambda: panel.code.isVisible(), timeout=5_000)
        assert not panel.lines.isVisible()  # the code stands in for the lines
        paper = (settings.paths.receipts_dir / f"receipt-{receipt.receipt_no}.txt").read_text()
        phone = read_code(shown_code(window))
        assert phone.split() == words(paper)
        assert "1 × Fizz Cola can 330 ml €1.29" in phone.splitlines()
    finally:
        stop(kiosk)


def test_a_store_that_wants_no_code_gets_the_lines(qtbot, tmp_path: Path) -> None:
    settings = demo_settings_in(
        tmp_path, "0", camera__stall_seconds=600.0, checkout__receipt_code=False
    )
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    start(qtbot, kiosk)
    try:
        window, receipt = pay_for_cola(qtbot, kiosk)
        assert receipt.phone_text == ""
        qtbot.wait(500)
        panel = window.receipt_panel
        assert panel.lines.isVisible() and not panel.code.isVisible()
    finally:
        stop(kiosk)


def test_codes_of_many_receipts_all_read_back() -> None:
    """A phone must read every receipt's code, whatever its lines: 60 made-up receipts of
    1 to 12 lines, with the characters receipts use (× € ñ)."""
    import random

    chance = random.Random(7)
    for n in range(60):
        lines = [
            f"{chance.randint(1, 3)} × Producto {chance.randint(1000, 1020)} ñ "
            f"{chance.randint(0, 9)},{chance.randint(10, 99)} €"
            for _ in range(chance.randint(1, 12))
        ]
        text = "\n".join(["Corner Shop", f"Recibo K1-{n:06d}", *lines, "TOTAL 9,99 €"])
        if len(text.encode()) <= PHONE_BYTES:
            assert read_code(code_picture(text)) == text
