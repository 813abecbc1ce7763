"""The admin screen's Receipt tab: find a receipt, print a copy, or refund items on it.

Only widgets: the dialog runs the lookups and the refund on the worker thread
(``ui.admin.tasks``) and hands the answers back here. The ledger works out the amounts; a
cashier's refund is refused there, with the reason shown.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.pricing import format_money
from ui.widgets import TOUCH_ROW, named, touch_table

METHODS = ("card", "cash")


class RefundTab(QWidget):
    """Receipt number, the lines with how many to refund, a reason, how, and Refund."""

    findRequested = Signal(str)  # receipt number
    copyRequested = Signal(str)  # receipt number to print a copy of
    # receipt, {sku: qty}, reason, method, and the refund's key: one per refund form, so a
    # second tap before the answer comes is the same refund, not another
    refundRequested = Signal(str, object, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("Receipt number, e.g. K1-000042"))
        self.find = named(QPushButton(self.tr("Find")), "SecondaryButton")
        self.copy = named(QPushButton(self.tr("Print a copy")), "SecondaryButton")
        self.table = touch_table(
            [self.tr("Product"), self.tr("Paid"), self.tr("Can go back"), self.tr("Refund")],
            0,
            pick_rows=False,  # each row holds its own quantity to give back
        )
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (for the books)"))
        self.method = QComboBox()
        self.method.addItems(list(METHODS))
        self.give = named(QPushButton(self.tr("Refund")), "PrimaryButton")
        self._receipt_no = ""
        self._key = ""
        self._skus: list[str] = []
        self._spins: list[QSpinBox] = []
        search = QHBoxLayout()
        search.addWidget(self.receipt, 1)
        search.addWidget(self.find)
        search.addWidget(self.copy)
        act = QHBoxLayout()
        act.addWidget(self.reason, 1)
        act.addWidget(self.method)
        act.addWidget(self.give)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addLayout(act)
        self.find.clicked.connect(lambda: self.findRequested.emit(self.receipt.text()))
        self.receipt.returnPressed.connect(self.find.click)
        self.reason.textChanged.connect(self._update)
        self.give.clicked.connect(self._give)
        self.copy.clicked.connect(lambda: self.copyRequested.emit(self._receipt_no))
        self._update()

    def show_sale(self, sale: Any, lines: tuple[Any, ...]) -> None:
        """The found sale's products; each spin box goes up to what can still go back."""
        self._receipt_no = sale.receipt_no
        self._key = str(uuid.uuid4())
        currency = sale.draft.currency
        self._skus, self._spins = [], []
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = (
                f"{line.sold} × {line.name} ({line.sku})",
                format_money(line.paid_cents, currency),
                str(line.left),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            spin = QSpinBox()
            spin.setRange(0, line.left)
            spin.setMinimumHeight(TOUCH_ROW - 8)
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.PlusMinus)
            spin.valueChanged.connect(self._update)
            self.table.setCellWidget(row, 3, spin)
            self._skus.append(line.sku)
            self._spins.append(spin)
        self._update()

    def clear(self) -> None:
        self._receipt_no = ""
        self._key = ""
        self.table.setRowCount(0)
        self._skus, self._spins = [], []
        self.reason.clear()
        self._update()

    def quantities(self) -> dict[str, int]:
        return {sku: s.value() for sku, s in zip(self._skus, self._spins, strict=True) if s.value()}

    def _update(self) -> None:
        ready = bool(self._receipt_no and self.reason.text().strip() and self.quantities())
        self.give.setEnabled(ready)
        self.copy.setEnabled(bool(self._receipt_no))

    def _give(self) -> None:
        self.refundRequested.emit(
            self._receipt_no, self.quantities(), self.reason.text().strip(),
            self.method.currentText(), self._key,
        )  # fmt: skip
