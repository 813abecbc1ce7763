"""A touch PIN pad for staff. It only collects digits; checking happens on the worker.

The dialog emits ``pinEntered``; whoever opened it verifies the PIN off the UI thread and
calls :meth:`accept_staff` or :meth:`show_error`. Lockout messages are built from the
catalog's exceptions so they are translated like every other text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from catalog.errors import StaffLockedOut, WrongPin
from ui.widgets import cancel_and_ok, keyed, keypad, named, typed_into_keypad

MAX_DIGITS = 8


def pin_error_text(exc: Exception | None, fallback: str) -> str:
    """A shopper-safe, translated message for a failed PIN check."""

    def tr(text: str, n: int = -1) -> str:
        return QCoreApplication.translate("", text, None, n)  # lupdate: free tr()

    if isinstance(exc, WrongPin):
        if exc.attempts_left <= 0:
            return tr("Wrong PIN. The PIN pad is now locked.")
        return tr("Wrong PIN. %n attempt(s) left.", exc.attempts_left)
    if isinstance(exc, StaffLockedOut):
        when = exc.until.astimezone().strftime("%H:%M")
        return tr("Too many wrong PINs. Locked until %1.").replace("%1", when)
    return fallback


class PinDialog(QDialog):
    """Modal PIN pad with large keys; the PIN never appears on screen."""

    pinEntered = Signal(str)

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinDialog")
        self.setModal(True)
        self._purpose = purpose
        self._digits = ""
        self._busy = False
        self.staff: object = None
        self._title = named(QLabel(), "CardTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display = named(QLabel(), "PinDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._error = named(QLabel(), "PinError")
        self._error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._display)
        layout.addWidget(self._error)
        layout.addLayout(keypad(self.press))
        actions, self._cancel, self._ok = cancel_and_ok(self, self.submit)
        layout.addLayout(actions)
        self._retranslate()
        self._refresh()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff PIN"))
        self._title.setText(self._purpose or self.tr("Staff: enter your PIN"))
        self._cancel.setText(self.tr("Cancel"))
        self._ok.setText(self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:
        """Set the texts again when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def press(self, key: str) -> None:
        """A keypad key: a digit, ⌫ (delete last) or C (clear)."""
        if self._busy:
            return
        self._digits = keyed(self._digits, key, MAX_DIGITS)
        self._error.clear()
        self._refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Staff may also type on a keyboard."""
        if not typed_into_keypad(event, self.press, self.submit):
            super().keyPressEvent(event)

    def submit(self) -> None:
        """Hand the PIN to whoever checks it; keys stay locked until the answer comes."""
        if not self._digits or self._busy:
            return
        self._busy = True
        self._error.setText(self.tr("Checking…"))
        self._refresh()
        self.pinEntered.emit(self._digits)

    def accept_staff(self, staff: object) -> None:
        """The PIN was right: remember who it was and close."""
        self.staff = staff
        self._digits = ""
        self.accept()

    def show_error(self, message: str) -> None:
        """The PIN was refused: say why, clear the digits, allow another try."""
        self._busy = False
        self._digits = ""
        self._error.setText(message)
        self._refresh()

    def _refresh(self) -> None:
        self._display.setText("●" * len(self._digits) or " ")
        self._ok.setEnabled(bool(self._digits) and not self._busy)

    @property
    def error_text(self) -> str:
        return self._error.text()
