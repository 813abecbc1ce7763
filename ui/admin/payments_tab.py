"""The admin screen's *Payments to check* tab: payments the card terminal never accounted
for (a crash, or a terminal that stopped answering while the shopper paid).

Staff look the sale key up in the terminal's own journal, then record the sale as paid with
the terminal's reference, or close it as not paid. Only widgets: the dialog runs the work on
the worker thread (``ui.admin.tasks``), where a cashier is refused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.pricing import format_money
from kiosk.storetime import receipt_time
from ui.widgets import named, touch_table


class PaymentsTab(QWidget):
    """A table of waiting payments and, for the chosen one, paid (with reference) or not."""

    settleRequested = Signal(str, object)  # sale key, the terminal's reference or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: list[str] = []
        self.table = touch_table(
            [self.tr("Started"), self.tr("Amount"), self.tr("Sale key"), self.tr("State")], 2
        )
        self.empty = named(QLabel(self.tr("Every payment started is accounted for.")), "Message")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("the terminal's reference"))
        self.paid = named(QPushButton(self.tr("Paid at the terminal")), "PrimaryButton")
        self.not_paid = named(QPushButton(self.tr("Not paid")), "SecondaryButton")
        self.paid.clicked.connect(self._paid)
        self.not_paid.clicked.connect(lambda: self._settle(None))
        how = named(
            QLabel(
                self.tr(
                    "Look the sale key up in the card terminal's journal. Paid: type its "
                    "reference and record the sale. Not taken: close it."
                )
            ),
            "StaffReason",
        )
        how.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.reference, 1)
        actions.addWidget(self.paid)
        actions.addWidget(self.not_paid)
        layout = QVBoxLayout(self)
        layout.addWidget(how)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        self.show_payments(((), None))

    def show_payments(self, answer: tuple[tuple[Any, ...], Any]) -> None:
        """The payments waiting for staff (``tasks.load_waiting_payments``'s answer)."""
        waiting, zone = answer
        self.keys = [intent.key for intent in waiting]
        self.table.setRowCount(len(waiting))
        for row, intent in enumerate(waiting):
            draft = intent.draft
            cells = (
                receipt_time(intent.created_at, zone),
                format_money(draft.total_cents, draft.currency),
                intent.key,
                self.tr("unknown") if intent.state == "unknown" else self.tr("not settled yet"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if waiting:
            self.table.selectRow(0)
        for widget in (self.reference, self.paid, self.not_paid):
            widget.setEnabled(bool(waiting))
        self.empty.setVisible(not waiting)
        self.reference.clear()

    def _paid(self) -> None:
        reference = self.reference.text().strip()
        if not reference:
            self.reference.setFocus()
            self.reference.setPlaceholderText(self.tr("type the terminal's reference first"))
            return
        self._settle(reference)

    def _settle(self, reference: str | None) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.keys):
            self.settleRequested.emit(self.keys[row], reference)
