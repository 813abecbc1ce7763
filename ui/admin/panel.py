"""Staff admin: products (price, on sale) and today's sales. All data work runs on the worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.models import Product
from catalog.money import format_bp, format_cents, parse_price
from kiosk.pricing import format_money, minor_units
from ui.admin import tasks
from ui.admin.offers_tab import OffersTab
from ui.admin.payments_tab import PaymentsTab
from ui.admin.refund_tab import RefundTab
from ui.widgets import named
from ui.worker import CheckoutWorker, TaskResult

Index = QModelIndex | QPersistentModelIndex


class ProductsModel(QAbstractTableModel):
    """A read-only adapter over a tuple of catalog products (sku, name, price, on sale)."""

    def __init__(self, currency: str = "EUR", parent: Any = None) -> None:
        super().__init__(parent)
        self.products: tuple[Product, ...] = ()
        self.currency = currency

    def set_products(self, products: tuple[Product, ...]) -> None:
        self.beginResetModel()
        self.products = products
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """One row per product."""
        return 0 if parent.isValid() else len(self.products)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """Sku, name, price, on sale."""
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell texts."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.products[index.row()]
        price = format_money(p.price_cents, self.currency)
        on_sale = self.tr("yes") if p.active else self.tr("no")
        return (p.sku, p.name, price, on_sale)[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("SKU"), self.tr("Product"), self.tr("Price"), self.tr("On sale"))
        return titles[section] if 0 <= section < 4 else None


class AdminDialog(QDialog):
    """Tabs: the product list with a price/on-sale editor, offers, today's takings, refunds."""

    def __init__(
        self,
        worker: CheckoutWorker,
        actor: str,
        parent: QWidget | None = None,
        currency: str = "EUR",
    ):
        super().__init__(parent)
        self.setObjectName("AdminDialog")
        self.setWindowTitle(self.tr("Store admin"))
        self.resize(900, 620)
        self.worker = worker
        self.actor = actor
        self._pending: dict[int, str] = {}
        self.model = ProductsModel(currency, parent=self)
        self._digits = minor_units(currency)  # 2 for EUR, 0 for JPY
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._pick)
        self.price = QDoubleSpinBox(
            decimals=self._digits,
            maximum=100000.0 if self._digits else 10_000_000.0,
            singleStep=0.1 if self._digits else 10.0,
        )
        self.active = QCheckBox(self.tr("On sale"))
        self.save = named(QPushButton(self.tr("Save")), "PrimaryButton")
        self.save.clicked.connect(self.save_current)
        self.model_line = named(QLabel(), "StaffReason")
        self.model_line.setWordWrap(True)
        self.status = named(QLabel(), "Message")
        self.status.setWordWrap(True)
        self.sales = named(QLabel(), "Message")
        self.sales.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sales.setTextFormat(Qt.TextFormat.RichText)
        self.print_report = named(QPushButton(self.tr("Print the day's report")), "SecondaryButton")
        self.print_report.clicked.connect(lambda: self._run(tasks.print_day_report, "report"))
        self.refunds = RefundTab()
        self.refunds.findRequested.connect(
            lambda receipt: self._run(tasks.find_refundable, "refundable", receipt)
        )
        self.refunds.refundRequested.connect(self._refund)
        self.refunds.copyRequested.connect(
            lambda receipt: self._run(tasks.print_receipt_copy, "copy", receipt)
        )
        self.offers = OffersTab(currency)
        self.offers.addRequested.connect(
            lambda offer: self._run(tasks.add_offer, "offer_added", offer, self.actor)
        )
        self.offers.endRequested.connect(
            lambda offer_id: self._run(tasks.end_offer, "offer_ended", offer_id, self.actor)
        )
        self.payments = PaymentsTab()
        self.payments.settleRequested.connect(
            lambda key, ref: self._run(
                tasks.settle_waiting_payment, "settled", key, ref, self.actor
            )
        )
        self.tabs = tabs = QTabWidget()
        tabs.addTab(self._products_tab(), self.tr("Products"))
        tabs.addTab(self.offers, self.tr("Offers"))
        tabs.addTab(self._sales_tab(), self.tr("Today's sales"))
        tabs.addTab(self.refunds, self.tr("Receipts and refunds"))
        tabs.addTab(self.payments, self.tr("Payments to check"))
        close = named(QPushButton(self.tr("Close")), "SecondaryButton")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self._run(tasks.load_products, "products")
        self._run(tasks.load_offers, "offers")
        self._run(tasks.today_sales, "sales")
        self._run(tasks.load_waiting_payments, "payments")
        self._run(tasks.model_in_use, "model")

    def _sales_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.sales, 1)
        layout.addWidget(self.print_report)
        return page

    def _products_tab(self) -> QWidget:
        page = QWidget()
        editor = QHBoxLayout()
        editor.addWidget(QLabel(self.tr("Price")))
        editor.addWidget(self.price)
        editor.addWidget(self.active)
        editor.addStretch(1)
        editor.addWidget(self.save)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addLayout(editor)
        layout.addWidget(self.model_line)
        return page

    def _run(self, task: Any, kind: str, *args: Any) -> None:
        token = self.worker.submit(lambda session: task(session, *args))
        self._pending[token] = kind

    def task_done(self, result: TaskResult) -> None:
        """Results of this dialog's tasks (others are ignored)."""
        kind = self._pending.pop(result.token, None)
        if kind is None:
            return
        if result.error is not None:
            self.status.setText(self.tr("Could not do that: %1").replace("%1", result.error))
            return
        handlers = {
            "products": self.model.set_products,
            "saved": self._saved,
            "sales": self._show_sales,
            "refundable": self._show_refundable,
            "report": lambda answer: self._printed(
                answer, self.tr("Report printed."), self.tr("The report was not printed: %1")
            ),
            "copy": lambda answer: self._printed(
                answer, self.tr("Copy printed."), self.tr("The copy was not printed: %1")
            ),
            "refunded": self._refunded,
            "offers": self.offers.show_offers,
            "payments": self.payments.show_payments,
            "model": self._show_model,
            "settled": self._settled,
            "offer_added": lambda answer: self._offers_changed(answer, self.tr("Offer added.")),
            "offer_ended": lambda answer: self._offers_changed(answer, self.tr("Offer ended.")),
        }
        handlers[kind](result.value)

    def _show_model(self, answer: tuple[str, int, str]) -> None:
        name, labels, next_one = answer
        text = self.tr("Recognition model: %1 (%2 labels)").replace("%1", name)
        text = text.replace("%2", str(labels))
        if next_one:
            later = self.tr("%1 takes over when the counter is empty.")
            text += " " + later.replace("%1", next_one)
        self.model_line.setText(text)

    def _settled(self, answer: tuple[Any, tuple[tuple[Any, ...], Any]]) -> None:
        done, waiting = answer
        self.payments.show_payments(waiting)
        money = format_money(done.amount_cents, done.currency)
        if done.paid:
            text = self.tr("Recorded sale %1 (%2).").replace("%1", done.receipt_no or "")
            self.status.setText(text.replace("%2", money))
            self._run(tasks.today_sales, "sales")
        else:
            self.status.setText(self.tr("Closed as not paid (%1).").replace("%1", money))

    def _offers_changed(self, answer: Any, text: str) -> None:
        self.offers.show_offers(answer)
        self.status.setText(text)

    def _saved(self, products: tuple[Product, ...]) -> None:
        self.model.set_products(products)
        self.status.setText(self.tr("Saved."))

    def _show_refundable(self, found: tuple[Any, tuple[Any, ...]]) -> None:
        self.refunds.show_sale(*found)
        self.status.setText("")

    def _printed(self, answer: tuple[bool, str], done_text: str, failed_text: str) -> None:
        done, what = answer
        self.status.setText(done_text if done else failed_text.replace("%1", what))

    def _refunded(self, refund: Any) -> None:
        money = format_money(refund.amount_cents, refund.currency)
        self.status.setText(
            self.tr("Refunded %1 (%2). Give it back by %3.")
            .replace("%1", money)
            .replace("%2", refund.refund_no)
            .replace("%3", refund.method)
        )
        self.refunds.clear()
        self._run(tasks.today_sales, "sales")

    def _refund(self, receipt: str, quantities: dict, reason: str, method: str) -> None:
        self._run(tasks.refund_items, "refunded", receipt, quantities, reason, method, self.actor)

    def _pick(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        product = self.model.products[current.row()]
        self.price.setValue(float(format_cents(product.price_cents, self._digits)))
        self.active.setChecked(product.active)

    def save_current(self) -> None:
        """Save the selected product's price and on-sale flag."""
        row = self.table.currentIndex().row()
        if row < 0:
            self.status.setText(self.tr("Choose a product first."))
            return
        sku = self.model.products[row].sku
        # the box shows at most the currency's digits: its text is the exact price
        cents = parse_price(f"{self.price.value():.{self._digits}f}", self._digits)
        self._run(tasks.save_product, "saved", sku, cents, self.active.isChecked(), self.actor)

    def _show_sales(self, summary: Any) -> None:
        currency = self.model.currency
        rows = "".join(
            f"<tr><td>{p.name}</td><td align=right>{p.quantity}</td>"
            f"<td align=right>{format_money(p.total_cents, currency)}</td></tr>"
            for p in summary.per_product
        )
        # tr() outside the f-strings: lupdate does not look inside them
        title, takings = self.tr("Sales today"), self.tr("Takings")
        tax, discounts = self.tr("Tax"), self.tr("Discounts")
        self.sales.setText(
            f"<h3>{title}: {summary.sale_count}</h3>"
            f"<p>{takings}: <b>{format_money(summary.total_cents, currency)}</b>"
            f" &nbsp; {tax}: {format_money(summary.tax_cents, currency)}"
            f" &nbsp; {discounts}: {format_money(summary.discount_cents, currency)}</p>"
            f"{self._refunds(summary)}"
            f"<table cellpadding=4>{rows}</table>{self._tax_bands(summary.tax_bands)}"
        )

    def _refunds(self, summary: Any) -> str:
        if not summary.refund_count:
            return ""
        currency = self.model.currency
        refunds, net = self.tr("Refunds"), self.tr("Net takings")
        back = format_money(-summary.refunded_cents, currency)
        left = format_money(summary.net_cents, currency)
        return f"<p>{refunds}: {summary.refund_count} ({back}) &nbsp; {net}: <b>{left}</b></p>"

    def _tax_bands(self, bands: Any) -> str:
        """Net, tax and gross per tax rate: what a VAT return asks for."""
        if not bands:
            return ""
        money = self.model.currency
        head = "".join(
            f"<th align=right>{text}</th>"
            for text in (self.tr("Rate"), self.tr("Net"), self.tr("Tax"), self.tr("Gross"))
        )
        rows = "".join(
            f"<tr><td align=right>{format_bp(b.rate_bp)} %</td>"
            + "".join(
                f"<td align=right>{format_money(c, money)}</td>"
                for c in (b.net_cents, b.tax_cents, b.gross_cents)
            )
            + "</tr>"
            for b in bands
        )
        return f"<table cellpadding=4><tr>{head}</tr>{rows}</table>"
