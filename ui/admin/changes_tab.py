"""The admin screen's Changes tab: the audit log, newest first, one kind of change at a time.

Only widgets: the dialog reads the log on the worker thread (``ui.admin.tasks``), where a
cashier is refused (the log names every refund, override and price change).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from catalog.audit_view import AuditLine
from ui.widgets import named, touch_table


class ChangesTab(QWidget):
    """Who changed what, and when: a table and a choice of which changes to show."""

    readRequested = Signal(object)  # the family of actions ("product", ...), or None for all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: tuple[AuditLine, ...] = ()
        self.kind = QComboBox()
        kinds = (
            (self.tr("All changes"), None),
            (self.tr("Products and prices"), "product"),
            (self.tr("Offers"), "promotion"),
            (self.tr("Staff at the counter"), "basket"),
            (self.tr("Refunds"), "sale"),
            (self.tr("Sales exported"), "sales"),
            (self.tr("Payments settled"), "payment"),
            (self.tr("Staff accounts"), "staff"),
            (self.tr("Store details"), "setting"),
            (self.tr("Recognition models"), "model"),
        )
        for text, family in kinds:
            self.kind.addItem(text, family)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.table = touch_table(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")], 3
        )
        self.table.setWordWrap(True)
        self.note = named(QLabel(), "StaffReason")
        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("Show")))
        choice.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def showEvent(self, event: QShowEvent) -> None:
        """Read when looked at: the newest changes each time the tab is shown."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        """Ask for the chosen changes again."""
        self.readRequested.emit(self.kind.currentData())

    def show_lines(self, lines: tuple[AuditLine, ...]) -> None:
        """The newest changes first (at most the number the dialog asked for)."""
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.at[:16], line.actor, line.what, line.detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.note.setText(
            self.tr("The newest %1 shown; `kiosk audit` reads them all.").replace(
                "%1", str(len(lines))
            )
            if lines
            else self.tr("No changes of this kind recorded.")
        )
