"""What a signed-in staff member can do at the kiosk, as a few large buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets import named


class StaffMenu(QDialog):
    """Approve, correct the items, void, admin screens, close the kiosk, or hand it back."""

    actionChosen = Signal(str)

    def __init__(self, staff: str, view: Any, closed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffMenu")
        self.setModal(True)
        self.setWindowTitle(self.tr("Staff"))
        layout = QVBoxLayout(self)
        title = named(QLabel(self.tr("Signed in: %1").replace("%1", staff)), "CardTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        key = getattr(view, "unconfirmed_key", None)
        self.unconfirmed = named(QLabel(self._unconfirmed_text(key or "")), "StaffReason")
        self.unconfirmed.setWordWrap(True)
        self.unconfirmed.setVisible(bool(key))
        layout.addWidget(self.unconfirmed)
        self.buttons: dict[str, QPushButton] = {}
        choices = [
            ("approve", self.tr("Approve age check and marked items"), "PrimaryButton"),
            ("correct", self.tr("Correct the items"), "SecondaryButton"),
            ("vouchers", self.tr("Take the bottle vouchers out"), "SecondaryButton"),
            ("void", self.tr("Cancel this basket"), "SecondaryButton"),
            ("admin", self.tr("Admin: prices, sales, receipts, refunds"), "SecondaryButton"),
            ("exit", self.tr("Close the kiosk"), "DangerButton"),
            ("done", self.tr("Done: back to the shopper"), "SecondaryButton"),
        ]
        basket = getattr(view, "basket", None)
        has_vouchers = bool(getattr(basket, "vouchers", ()))
        for action, text, style in choices:
            if closed and action in ("approve", "correct", "void", "admin", "vouchers"):
                continue
            if action == "vouchers" and not has_vouchers:  # offered only with some to take
                continue
            button = named(QPushButton(text), style)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            layout.addWidget(button)
            self.buttons[action] = button

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # A wrapped label's size hint assumes its widest line; on a narrow screen give it the
        # height its text needs at the width it got, or the buttons squeeze it.
        label = self.unconfirmed
        if not label.isHidden():
            label.setMinimumHeight(label.heightForWidth(label.width()))

    def _unconfirmed_text(self, key: str) -> str:
        return self.tr(
            "The card terminal never confirmed this basket's payment. Look up sale key %1 in "
            "the terminal's journal. Paid: record it (Admin, Payments to check) and cancel "
            "this basket. Not paid: close it there, press Done, and the shopper pays again."
        ).replace("%1", key)

    def _choose(self, action: str) -> None:
        self.actionChosen.emit(action)
        if action == "done":
            self.accept()
