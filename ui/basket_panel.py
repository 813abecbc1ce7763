"""The basket on the shopper's screen: the table, then subtotal, tax and a large total."""

from __future__ import annotations

import heapq
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from kiosk.pricing import format_money
from ui.basket_model import NAME, QTY, TOTAL, UNIT, BasketModel
from ui.screens import Translated, label
from ui.widgets import named

NUMBERS = (QTY, UNIT, TOTAL)
FIT_MEASURED = 3  # the longest texts of a column measured to fit it (and rows by their names)


class BasketPanel(Translated):
    """The basket table, then subtotal, tax and a large total."""

    def __init__(self, model: BasketModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._title = label("CardTitle")
        self.table = named(QTableView(), "BasketTable")
        self.table.setModel(model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # The numbers' columns as wide as their widest texts, fitted here (fit): Qt's own
        # fitting (ResizeToContents) measured every cell of the three on each new line.
        for column in NUMBERS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        # One height for every row, measured when the lines change: sizing each row to its
        # contents measured every cell again on each update, 7 ms of the UI thread for a
        # basket of seven lines.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit)
        # A narrower name column wraps more; measured once the resize is done (during the
        # signal the rows still measure at the old width).
        header.sectionResized.connect(
            lambda column, _old, _new: self._refit.start() if column == NAME else None
        )
        model.dataChanged.connect(lambda *_: self._refit.start())  # a renamed product
        model.modelReset.connect(self.table.scrollToBottom)
        self._empty = label("Message", centre=True)
        self._sub_label, self._sub_value = label("SumLabel"), label("SumValue")
        self._tax_label, self._tax_value = label("SumLabel"), label("SumValue")
        self._total_label, self.total_value = label("TotalLabel"), label("TotalValue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._empty)
        layout.addWidget(self._rule())
        sums = QGridLayout()
        for row, (name, value) in enumerate(
            (
                (self._sub_label, self._sub_value),
                (self._tax_label, self._tax_value),
                (self._total_label, self.total_value),
            )
        ):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            sums.addWidget(name, row, 0)
            sums.addWidget(value, row, 1)
        layout.addLayout(sums)
        self.retranslate()

    def set_picture_size(self, side: int) -> None:
        """Product pictures ``side`` px square beside the names (the rows grow to fit)."""
        self.table.setIconSize(QSize(side, side))
        self.fit()

    def fit(self) -> None:
        """Rows and the numbers' columns fitted to what they show now: once per change of
        lines, amounts, width, language or text size. Only the cells that can be the
        largest are measured: every cell asked its size made a new line on the counter cost
        the UI thread 3.3 ms for a basket of seven lines (2.2 ms measured this way)."""
        self.fit_rows()
        self.fit_columns()

    def fit_rows(self) -> None:
        """Make every row as tall as the tallest row's contents (its picture, its name
        wrapped at the column's width), measured on the rows that can be the tallest: the
        longest names, and one with a picture."""
        model = self.model
        rows = model.rowCount()
        if not rows:
            return
        name = partial(model.cell_text, column=NAME)
        tallest = {*heapq.nlargest(FIT_MEASURED, range(rows), key=lambda row: len(name(row)))}
        pictured = next((row for row in range(rows) if model.has_picture(row)), None)
        tallest |= {pictured} if pictured is not None else set()
        height = max(self.table.sizeHintForRow(row) for row in tallest)
        self.table.verticalHeader().setDefaultSectionSize(max(height, 1))

    def fit_columns(self) -> None:
        """Quantity, price and total as wide as their title and their longest texts."""
        model, table = self.model, self.table
        header = table.horizontalHeader()
        for column in NUMBERS:
            longest = heapq.nlargest(
                FIT_MEASURED,
                range(model.rowCount()),
                key=lambda row: len(model.cell_text(row, column)),
            )
            cells = [table.sizeHintForIndex(model.index(row, column)).width() for row in longest]
            table.setColumnWidth(column, max([header.sectionSizeHint(column), *cells]))

    @staticmethod
    def _rule() -> QFrame:
        rule = named(QFrame(), "Rule")
        rule.setFrameShape(QFrame.Shape.HLine)
        return rule

    def retranslate(self) -> None:
        self._title.setText(self.tr("Your items"))
        self._empty.setText(self.tr("No items yet"))
        self._refit.start()  # the columns' titles changed
        self._sub_label.setText(self.tr("Subtotal"))
        self._total_label.setText(self.tr("TOTAL"))
        self.show_view_sums()

    def show_view_sums(self) -> None:
        """Subtotal, tax and total of the model's snapshot."""
        basket = self.model.snapshot
        money = basket.currency
        self._empty.setVisible(not basket.lines and not basket.promotions)
        self._sub_value.setText(format_money(basket.subtotal_cents, money))
        self._tax_label.setText(self.tr("of which tax") if basket.tax_inclusive else self.tr("Tax"))
        self._tax_value.setText(format_money(basket.tax_cents, money))
        self.total_value.setText(format_money(basket.total_cents, money))
        count = basket.item_count
        title = self.tr("Your items (%n)", "", count) if count else self.tr("Your items")
        self._title.setText(title)
