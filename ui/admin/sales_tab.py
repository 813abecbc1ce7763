"""The admin screen's Sales tab: a store day's takings, and the way back through the days.

What a manager closes the day with: receipts, takings, tax and discounts, refunds and net
takings, net/tax/gross per tax rate (what a VAT return asks for) and what sold, product by
product. Staff step back a day at a time (never into the future), export a day or its month
for the accountant, back everything up to a USB stick, and print the day's report.

Only widgets: the dialog runs the work on the worker thread (``ui.admin.tasks``) and hands
back each day's ``catalog.reports`` summary to ``show_sales``.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from catalog.money import format_bp
from catalog.sales_export import month_of
from kiosk.pricing import format_money
from ui.admin.usb import open_file_dialog
from ui.widgets import named


class SalesTab(QWidget):
    """One store day's sales at a time: today's first, then whichever staff step to."""

    dayRequested = Signal(object)  # the day to show (a date), or None for the store's today
    exportRequested = Signal(str, object, object)  # folder, first day, last day
    backupRequested = Signal(str)  # folder
    reportRequested = Signal(object)  # the day shown (None until one has arrived: today)

    def __init__(self, currency: str = "EUR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        # The store day shown: None until the first answer, which is the store's today (the
        # worker knows the store's clock and day boundary; this screen does not guess).
        self.day: date | None = None
        self.today: date | None = None
        self.file_dialog: QFileDialog | None = None  # the export's folder dialog, while open
        self.summary = named(QLabel(), "Message")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.day_before = self._button(self.tr("◀ Day before"), lambda: self.step(-1))
        self.back_to_today = self._button(self.tr("Today"), lambda: self.step(0))
        self.day_after = self._button(self.tr("Day after ▶"), lambda: self.step(1))
        self.back_up = self._button(self.tr("Back up to a USB stick…"), self._choose_backup)
        self.export_day = self._button(
            self.tr("Export the day…"), lambda: self._choose_export(month=False)
        )
        self.export_month = self._button(
            self.tr("Export the month…"), lambda: self._choose_export(month=True)
        )
        self.print_report = self._button(
            self.tr("Print the day's report"), lambda: self.reportRequested.emit(self.day)
        )
        self._lay_out()

    def _button(self, text: str, pressed: Any) -> QPushButton:
        button = named(QPushButton(text), "SecondaryButton")
        button.clicked.connect(pressed)
        return button

    def _lay_out(self) -> None:
        days = QHBoxLayout()
        for button in (self.day_before, self.back_to_today, self.day_after):
            days.addWidget(button)
        days.addStretch(1)
        days.addWidget(self.back_up)
        # Actions on their own row: in Spanish one row of six touch buttons is wider than a
        # 1280 px kiosk screen (seen on the screenshot).
        actions = QHBoxLayout()
        for button in (self.export_day, self.export_month, self.print_report):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addLayout(days)
        layout.addLayout(actions)

    def reload(self) -> None:
        """Ask again for the day shown (a sale or refund since may have changed it)."""
        self.dayRequested.emit(self.day)

    def step(self, step: int) -> None:
        """Another store day's sales: ``step`` days on (-1: the day before), 0: today."""
        if self.today is None:
            return  # today's has not arrived yet: nothing to step from
        shown = self.day or self.today
        wanted = shown + timedelta(days=step) if step else self.today
        self.day = min(wanted, self.today)
        self.reload()

    def _choose_export(self, *, month: bool) -> None:
        """A folder (on the USB stick) for the shown day's, or its month's, sales CSV files."""
        if self.today is None:
            return  # nothing shown yet
        day = self.day or self.today
        first, last = month_of(day, self.today) if month else (day, day)
        open_file_dialog(
            self,
            self.tr("Export the sales into a folder"),
            lambda folder: self.exportRequested.emit(folder, first, last),
        )

    def _choose_backup(self) -> None:
        """A folder (on a USB stick, off the kiosk's disk) for a checked copy of everything."""
        open_file_dialog(
            self, self.tr("Back up the catalog and sales into a folder"), self.backupRequested.emit
        )

    def show_sales(self, summary: Any) -> None:
        """A day's summary (``catalog.reports``), the first one being the store's today."""
        day = date.fromisoformat(summary.day)
        if self.today is None:
            self.today = day
        self.day = day
        self.day_after.setEnabled(day < self.today)
        self.back_to_today.setEnabled(day != self.today)
        money = self._money
        title = (
            self.tr("Sales today")
            if day == self.today
            else self.tr("Sales on %1").replace("%1", day.isoformat())
        )
        # tr() outside the f-strings: lupdate does not look inside them. Product names are
        # the store's own words ("Fish & Chips <large>"): escaped, as this label is rich text.
        takings, tax, discounts = self.tr("Takings"), self.tr("Tax"), self.tr("Discounts")
        deposit_word = self.tr("Deposits")
        deposits = (
            f" &nbsp; {deposit_word}: {money(summary.deposit_cents)}"
            if summary.deposit_cents
            else ""
        )
        voucher_word = self.tr("Bottle vouchers")
        if summary.voucher_count:
            deposits += (
                f" &nbsp; {voucher_word}: {summary.voucher_count}, -{money(summary.voucher_cents)}"
            )
        rows = "".join(
            f"<tr><td>{html.escape(p.name)}</td><td align=right>{p.quantity}</td>"
            f"<td align=right>{money(p.total_cents)}</td></tr>"
            for p in summary.per_product
        )
        self.summary.setText(
            f"<h3>{html.escape(title)}: {summary.sale_count}</h3>"
            f"<p>{takings}: <b>{money(summary.total_cents)}</b>"
            f" &nbsp; {tax}: {money(summary.tax_cents)}"
            f" &nbsp; {discounts}: {money(summary.discount_cents)}{deposits}</p>"
            f"{self._refunds(summary)}"
            f"<table cellpadding=4>{rows}</table>{self._tax_bands(summary.tax_bands)}"
        )

    def _money(self, cents: int) -> str:
        return html.escape(format_money(cents, self.currency))

    def _refunds(self, summary: Any) -> str:
        if not summary.refund_count:
            return ""
        refunds, net = self.tr("Refunds"), self.tr("Net takings")
        back, left = self._money(-summary.refunded_cents), self._money(summary.net_cents)
        return f"<p>{refunds}: {summary.refund_count} ({back}) &nbsp; {net}: <b>{left}</b></p>"

    def _tax_bands(self, bands: Any) -> str:
        """Net, tax and gross per tax rate: what a VAT return asks for."""
        if not bands:
            return ""
        head = "".join(
            f"<th align=right>{text}</th>"
            for text in (self.tr("Rate"), self.tr("Net"), self.tr("Tax"), self.tr("Gross"))
        )
        rows = "".join(
            f"<tr><td align=right>{format_bp(b.rate_bp)} %</td>"
            + "".join(
                f"<td align=right>{self._money(c)}</td>"
                for c in (b.net_cents, b.tax_cents, b.gross_cents)
            )
            + "</tr>"
            for b in bands
        )
        return f"<table cellpadding=4><tr>{head}</tr>{rows}</table>"
