"""Bottle vouchers on the shopper's screen without a scanner: a keypad.

A scanned voucher arrives like any barcode (:mod:`ui.scanner`). :class:`VoucherDialog` is for
a kiosk without a scanner: the shopper types the number printed under the barcode (its check
digit catches a slip), and takes a voucher back out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout_values import VoucherLine
from kiosk.pricing import format_money
from ui.scanner import MAX_DIGITS, MIN_DIGITS
from ui.widgets import cancel_and_ok, keyed, keypad, named, typed_into_keypad


class VoucherDialog(QDialog):
    """Type a voucher's number (or scan it while this is open); take one back out."""

    codeEntered = Signal(str)
    removeRequested = Signal(str)

    def __init__(
        self, vouchers: tuple[VoucherLine, ...], currency: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("VoucherDialog")
        self.setModal(True)
        self.digits = ""
        self._title = named(QLabel(), "CardTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint = named(QLabel(), "Message")
        self._hint.setWordWrap(True)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display = named(QLabel(), "PinDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addWidget(self._display)
        layout.addLayout(keypad(self.press))
        self.remove_buttons: dict[str, QPushButton] = {}
        self._in_basket = named(QLabel(), "Message")
        layout.addWidget(self._in_basket)
        for voucher in vouchers:
            layout.addLayout(self._voucher_row(voucher, currency))
        self._in_basket.setVisible(bool(vouchers))
        actions, self._close, self.add = cancel_and_ok(self, self.submit)
        layout.addLayout(actions)
        self._retranslate()
        self._refresh()

    def _voucher_row(self, voucher: VoucherLine, currency: str) -> QHBoxLayout:
        row = QHBoxLayout()
        text = named(QLabel(f"{voucher.code}   {format_money(voucher.line_cents, currency)}"),
                     "Message")  # fmt: skip
        remove = named(QPushButton(), "SecondaryButton")
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.clicked.connect(lambda _=False, code=voucher.code: self._remove(code))
        self.remove_buttons[voucher.code] = remove
        row.addWidget(text, 1)
        row.addWidget(remove)
        return row

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bottle voucher"))
        self._title.setText(self.tr("Bottle voucher"))
        self._hint.setText(
            self.tr("Scan the voucher's barcode, or type the number printed under it.")
        )
        self._in_basket.setText(self.tr("In your basket:"))
        for button in self.remove_buttons.values():
            button.setText(self.tr("Take out"))
        self._close.setText(self.tr("Close"))
        self.add.setText(self.tr("Add voucher"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self._display.setText(self.digits or "–")
        self.add.setEnabled(len(self.digits) >= MIN_DIGITS)

    def press(self, key: str) -> None:
        """A keypad key: a digit, ⌫ (delete the last) or C (clear)."""
        self.digits = keyed(self.digits, key, MAX_DIGITS)
        self._refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A scanner (or a keyboard) types here too."""
        if not typed_into_keypad(event, self.press, self.submit):
            super().keyPressEvent(event)

    def submit(self) -> None:
        """Hand the number to the checkout (its answer shows on the banner) and close."""
        if len(self.digits) < MIN_DIGITS:
            return
        self.codeEntered.emit(self.digits)
        self.accept()

    def _remove(self, code: str) -> None:
        self.removeRequested.emit(code)
        self.accept()
