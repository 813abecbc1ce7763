"""The admin screen's Store tab: the store's name, address, VAT ID and the foot of receipts.

A store changes what its receipts say without a terminal. Only widgets and a preview of the
paper: the dialog saves on the worker thread (``ui.admin.tasks``), where only a manager may,
and the catalog keeps and audits the details (``kiosk.store_details``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.receipt import WIDTH, StoreInfo
from kiosk.store_details import MAX_LINES, MAX_TAX_ID, StoreDetails
from ui.messages import engine_text
from ui.widgets import named

LINES_HIGH = 4  # text rows shown for the address and the foot


class StoreTab(QWidget):
    """The details as fields, the receipt's head and foot as they would print, and Save."""

    saveRequested = Signal(object)  # StoreDetails

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = "en"
        self.name = QLineEdit()
        self.name.setMaxLength(WIDTH)
        self.address = self._lines_box()
        self.tax_id = QLineEdit()
        self.tax_id.setMaxLength(MAX_TAX_ID)
        self.footer = self._lines_box()
        self.preview = named(QLabel(), "ReceiptPreview")  # a monospace font: the paper's
        self.problem = named(QLabel(), "Message")
        self.problem.setWordWrap(True)
        self.save = named(QPushButton(self.tr("Save")), "PrimaryButton")
        self.save.clicked.connect(self.save_current)
        for field in (self.name, self.tax_id):
            field.textChanged.connect(self._show_preview)
        for box in (self.address, self.footer):
            box.textChanged.connect(self._show_preview)
        self._lay_out()

    def _lines_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        rows = box.fontMetrics().lineSpacing() * LINES_HIGH
        box.setFixedHeight(rows + 2 * box.frameWidth() + 8)
        return box

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Store name"), self.name)
        form.addRow(self.tr("Address (one line each)"), self.address)
        form.addRow(self.tr("VAT ID"), self.tax_id)
        form.addRow(self.tr("Foot of the receipt"), self.footer)
        note = named(
            QLabel(
                self.tr(
                    "On every receipt, refund slip and day report from now on, at most %1 "
                    "characters a line and %2 lines each for the address and the foot. An "
                    "empty foot prints a thank-you."
                )
                .replace("%1", str(WIDTH))
                .replace("%2", str(MAX_LINES))
            ),
            "StaffReason",
        )
        note.setWordWrap(True)
        fields = QVBoxLayout()
        fields.addLayout(form)
        fields.addWidget(note)
        fields.addWidget(self.problem)
        fields.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        fields.addLayout(buttons)
        paper = QVBoxLayout()
        paper.addWidget(QLabel(self.tr("The receipt's head and foot")))
        paper.addWidget(self.preview)
        paper.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(fields, 3)
        layout.addLayout(paper, 2)

    def details(self) -> StoreDetails:
        return StoreDetails(
            self.name.text(),
            self.address.toPlainText(),
            self.tax_id.text(),
            self.footer.toPlainText(),
        )

    def show_store(self, store: StoreInfo) -> None:
        """The details receipts print now, in the fields."""
        details = StoreDetails.of(store)
        self._language = store.language  # the preview prints in the receipts' language
        self.name.setText(details.name)
        self.address.setPlainText(details.address)
        self.tax_id.setText(details.tax_id)
        self.footer.setPlainText(details.footer)
        self.problem.clear()
        self._show_preview()

    def save_current(self) -> None:
        """Save, unless the details would not fit a receipt: then say why here."""
        details = self.details()
        problems = details.problems()
        if problems:
            self.problem.setText("; ".join(engine_text(problem) for problem in problems))
            return
        self.problem.clear()
        self.saveRequested.emit(details)

    def _show_preview(self) -> None:
        """The head and the foot as the printer puts them: centred on a 40-character line."""
        store = self.details().info(self._language)
        rule = "-" * WIDTH
        body = [rule, "…".center(WIDTH), rule]
        foot = [line.center(WIDTH) for line in store.footer]
        self.preview.setText("\n".join([*store.header(), *body, *foot]))
