"""What a signed-in staff member can do at the kiosk, as a few large buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets import named


class StaffMenu(QDialog):
    """Approve, void, admin screens, close the kiosk, or hand the kiosk back."""

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
        self.buttons: dict[str, QPushButton] = {}
        choices = [
            ("approve", self.tr("Approve age check and marked items"), "PrimaryButton"),
            ("void", self.tr("Cancel this basket"), "SecondaryButton"),
            ("admin", self.tr("Admin: prices, sales, receipts, refunds"), "SecondaryButton"),
            ("exit", self.tr("Close the kiosk"), "DangerButton"),
            ("done", self.tr("Done: back to the shopper"), "SecondaryButton"),
        ]
        for action, text, style in choices:
            if closed and action in ("approve", "void", "admin"):
                continue
            button = named(QPushButton(text), style)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            layout.addWidget(button)
            self.buttons[action] = button

    def _choose(self, action: str) -> None:
        self.actionChosen.emit(action)
        if action == "done":
            self.accept()
