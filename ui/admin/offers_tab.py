"""The admin screen's Offers tab: the multi-buy offers on sale or coming, add one, end one.

Only widgets: the dialog runs the catalog work on the worker thread (``ui.admin.tasks``),
where a cashier's change is refused and the running checkout re-reads its offers.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.models import Product, Promotion, deal_name
from catalog.money import parse_price
from kiosk.pricing import format_amount, minor_units
from ui.widgets import named, touch_table


class OffersTab(QWidget):
    """A table of offers (product, deal, days, running or not) and a form for a new one."""

    addRequested = Signal(object)  # a Promotion without id
    endRequested = Signal(int)  # promotion id

    def __init__(self, currency: str = "EUR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self._digits = minor_units(currency)
        self.offers: tuple[Promotion, ...] = ()
        self.products: dict[str, Product] = {}
        self.table = touch_table(
            [self.tr("Product"), self.tr("Offer"), self.tr("Days"), self.tr("Now")], 0
        )
        self.end = named(QPushButton(self.tr("End the chosen offer")), "SecondaryButton")
        self.end.clicked.connect(self._end_chosen)
        self.product = QComboBox()
        # Typing finds the product (part of its SKU or name), as in a long catalog a finger
        # cannot scroll to it; only a product from the list is ever taken (see _chosen_sku).
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.product.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.product.lineEdit().setPlaceholderText(self.tr("Type part of the name or SKU"))
        self.buy = QSpinBox(minimum=2, maximum=99, value=3)
        self.kind = QComboBox()
        self.kind.addItems([self.tr("pay for"), self.tr("for the price")])
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.pay = QSpinBox(minimum=1, maximum=98, value=2)
        self.price = QDoubleSpinBox(decimals=self._digits, maximum=100000.0, value=1.0)
        self.starts = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.has_end = QCheckBox(self.tr("until"))
        self.ends = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.ends.setEnabled(False)
        self.has_end.toggled.connect(self.ends.setEnabled)
        self.add = named(QPushButton(self.tr("Add offer")), "PrimaryButton")
        self.add.clicked.connect(self._add)
        self.problem = named(QLabel(), "Message")
        self._lay_out()
        self._show_kind(0)

    def _lay_out(self) -> None:
        deal = QHBoxLayout()
        for widget in (self.product, QLabel(self.tr("buy")), self.buy, self.kind):
            deal.addWidget(widget)
        deal.addWidget(self.pay)
        deal.addWidget(self.price)
        days = QHBoxLayout()
        for widget in (QLabel(self.tr("from")), self.starts, self.has_end, self.ends):
            days.addWidget(widget)
        days.addStretch(1)
        days.addWidget(self.add)
        ending = QHBoxLayout()
        ending.addStretch(1)
        ending.addWidget(self.end)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(ending)
        layout.addLayout(deal)
        layout.addLayout(days)
        layout.addWidget(self.problem)

    def _show_kind(self, index: int) -> None:
        self.pay.setVisible(index == 0)
        self.price.setVisible(index == 1)

    def show_offers(self, answer: tuple[tuple[Promotion, ...], tuple[Product, ...], date]) -> None:
        """The offers not ended, the products to choose from, and the store's date."""
        offers, products, today = answer
        self.offers = offers
        self.products = {p.sku: p for p in products}
        chosen = self._chosen_sku()
        self.product.clear()
        for p in products:
            self.product.addItem(f"{p.sku} {p.name}", p.sku)
        if chosen is not None and chosen in self.products:
            self.product.setCurrentIndex(self.product.findData(chosen))
        day = QDate(today.year, today.month, today.day)
        for edit in (self.starts, self.ends):  # no offer starts in the past
            if edit.minimumDate() != day:
                edit.setMinimumDate(day)
                edit.setDate(day)
        self.table.setRowCount(len(offers))
        for row, offer in enumerate(offers):
            product = self.products.get(offer.sku)
            cells = (
                f"{offer.sku} {product.name if product else ''}".strip(),
                offer.name,
                self._days(offer),
                self._now(offer, today),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.problem.setText("")

    def _days(self, offer: Promotion) -> str:
        if offer.starts_on and offer.ends_on:
            return self.tr("%1 to %2").replace("%1", offer.starts_on).replace("%2", offer.ends_on)
        if offer.starts_on:
            return self.tr("from %1").replace("%1", offer.starts_on)
        if offer.ends_on:
            return self.tr("until %1").replace("%1", offer.ends_on)
        return self.tr("always")

    def _now(self, offer: Promotion, today: date) -> str:
        words = {"running": self.tr("running"), "not yet": self.tr("not yet")}
        return words.get(offer.stage_on(today), self.tr("over"))

    def _end_chosen(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.offers):
            self.problem.setText(self.tr("Choose an offer first."))
            return
        self.endRequested.emit(self.offers[row].id or 0)

    def _chosen_sku(self) -> str | None:
        """The product the box names: None when the text typed is not one of the list's
        (an editable box keeps its last index while the text says something else)."""
        index = self.product.findText(self.product.currentText().strip())
        return None if index < 0 else self.product.itemData(index)

    def _add(self) -> None:
        sku = self._chosen_sku()
        if sku is None:
            self.problem.setText(self.tr("Choose a product from the list first."))
            return
        buy = self.buy.value()
        if self.kind.currentIndex() == 0:
            pay, bundle, price_text = self.pay.value(), None, ""
        else:
            # the box shows at most the currency's digits: its text is the exact price
            pay, bundle = None, parse_price(f"{self.price.value():.{self._digits}f}", self._digits)
            price_text = format_amount(bundle, self.currency)  # "2 for 3,00" where so written
        ends = self.ends.date().toString("yyyy-MM-dd") if self.has_end.isChecked() else None
        offer = Promotion(
            sku=str(sku),
            name=deal_name(buy, pay, price_text),
            buy_qty=buy,
            pay_qty=pay,
            bundle_cents=bundle,
            starts_on=self.starts.date().toString("yyyy-MM-dd"),
            ends_on=ends,
        )
        self.addRequested.emit(offer)

    def offer_rows(self) -> list[tuple[str, ...]]:
        """The table's texts, row by row (what staff read)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
