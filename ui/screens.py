"""The panels that make up the shopper's screens; each draws from a CheckoutView only."""

from __future__ import annotations

import html
from typing import ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout_values import (
    BasketLine,
    CheckoutView,
    DepositLine,
    PromotionLine,
    VoucherLine,
)
from kiosk.pricing import format_money
from ui import theme
from ui.messages import engine_text
from ui.pictogram import BasketPictogram
from ui.receipt_code import ReceiptCodes
from ui.widgets import named


def label(object_name: str, *, wrap: bool = True, centre: bool = False) -> QLabel:
    widget = named(QLabel(), object_name)
    widget.setWordWrap(wrap)
    if centre:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


class Translated(QWidget):
    """A widget that sets its texts in ``retranslate`` and again on a language change."""

    def retranslate(self) -> None:
        """Set every visible text; subclasses override."""

    def changeEvent(self, event: QEvent) -> None:
        """Qt sends LanguageChange when a translator is installed or removed."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class StatusBanner(QFrame):
    """One plain message under the picture, coloured by how urgent it is."""

    ICONS: ClassVar[dict[str, str]] = {"info": "ℹ", "ok": "✓", "warn": "⚠", "error": "✕"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self._icon = label("BannerIcon", wrap=False)
        self._text = label("BannerText")
        row = QHBoxLayout(self)
        row.addWidget(self._icon)
        row.addWidget(self._text, 1)
        self.level = "info"
        self._styled_level: tuple[str, theme.Palette] | None = None
        self.show_message("info", "")

    def show_message(self, level: str, text: str) -> None:
        """Show ``text`` at ``level`` (info, ok, warn, error); restyles only on a new level."""
        look = (level, theme.colours())
        if look != self._styled_level:
            self._styled_level = look
            background, colour = theme.colours().banners[level]
            self.setStyleSheet(
                f"#Banner {{ background: {background}; border: 2px solid {colour}; }}"
                f"#BannerText, #BannerIcon {{ color: {colour}; }}"
            )
            self._icon.setText(self.ICONS[level])
        self.level = level
        if text != self._text.text():
            self._text.setText(text)

    @property
    def text(self) -> str:
        return self._text.text()


class WelcomePanel(Translated):
    """What an idle kiosk says: how to use it, in three steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = label("BigMessage", centre=True)
        self._steps = [label("Message") for _ in range(3)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        self.pictogram = named(BasketPictogram(), "Pictogram")
        layout.addWidget(self.pictogram)
        layout.addSpacing(12)
        layout.addWidget(self._title)
        layout.addSpacing(24)
        grid = QGridLayout()
        for i, step in enumerate(self._steps):
            number = label("StepNumber", wrap=False, centre=True)
            number.setText(str(i + 1))
            grid.addWidget(number, i, 0)
            grid.addWidget(step, i, 1)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(18)
        layout.addLayout(grid)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Welcome!"))
        steps = (
            self.tr("Place your items flat on the counter, side by side."),
            self.tr("Check your items and the total on this screen."),
            self.tr("Tap Pay and use the card terminal."),
        )
        for widget, text in zip(self._steps, steps, strict=True):
            widget.setText(text)


class PayingPanel(Translated):
    """While the card terminal works: the amount, the instruction, and a way to cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = label("BigMessage", centre=True)
        self.amount = label("TotalValue", centre=True)
        self._hint = label("Message", centre=True)
        self.cancel = named(QPushButton(), "SecondaryButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addWidget(self.amount)
        layout.addWidget(self._hint)
        layout.addStretch(1)
        layout.addWidget(self.cancel)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Please pay"))
        self._hint.setText(self.tr("Tap, insert or swipe your card on the terminal."))
        self.cancel.setText(self.tr("Cancel payment"))

    def show_view(self, view: CheckoutView) -> None:
        self.amount.setText(format_money(view.basket.total_cents, view.basket.currency))


class ReceiptPanel(Translated):
    """Thank you, the receipt number, what was bought and the amount paid."""

    MAX_LINES = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tick = label("ReceiptTick", wrap=False, centre=True)
        self._tick.setText("✓")
        self._title = label("BigMessage", centre=True)
        self.number = label("Message", centre=True)
        self.lines = label("ReceiptText", wrap=False)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        # The receipt for the shopper's phone, in place of the lines once it is drawn.
        self.code = named(QLabel(), "ReceiptCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._code_hint = label("Message", centre=True)
        self._codes = ReceiptCodes(self)
        self._codes.made.connect(self._code_made)
        self._code_text = ""
        self.amount = label("TotalValue", centre=True)
        self._hint = label("Message", centre=True)
        self.print_status = label("Message", centre=True)
        self.print_button = named(QPushButton(), "SecondaryButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self._tick, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self._title, self.number, self.lines, self.code, self._code_hint):
            layout.addWidget(widget)
        for widget in (self.amount, self._hint):
            layout.addWidget(widget)
        layout.addWidget(self.print_status)
        layout.addStretch(1)
        layout.addWidget(self.print_button)
        self._receipt_no = ""
        self._print_state = ""
        self.print_button.hide()
        self.print_status.hide()
        self._show_code(None)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Thank you!"))
        self._code_hint.setText(self.tr("Scan with your phone to keep this receipt"))
        self._hint.setText(self.tr("Please take your items and your card. Goodbye!"))
        self.number.setText(self.tr("Receipt %1").replace("%1", self._receipt_no))
        self.print_button.setText(
            self.tr("Try printing again") if self._print_state == "failed"
            else self.tr("Print receipt")
        )  # fmt: skip
        texts = {
            "printing": self.tr("Printing your receipt…"),
            "printed": self.tr("Please take your receipt from the printer."),
            "failed": self.tr("The printer is not working. Ask staff for receipt %1.").replace(
                "%1", self._receipt_no
            ),
        }
        self.print_status.setText(texts.get(self._print_state, ""))

    def show_view(self, view: CheckoutView) -> None:
        """The paid basket as a short receipt (the full one is in the receipt file)."""
        receipt = view.receipt
        if receipt is None:
            return
        self._receipt_no = receipt.receipt_no
        self._print_state = view.print_state
        self.amount.setText(format_money(receipt.total_cents, receipt.currency))
        self.lines.setText(self._lines_html(view))
        self.print_button.setVisible(view.can_print)
        self.print_status.setVisible(bool(view.print_state))
        if receipt.phone_text != self._code_text:
            self._code_text = receipt.phone_text
            self._show_code(None)
            if receipt.phone_text:
                self._codes.request(receipt.phone_text)
        self.retranslate()

    def _code_made(self, text: str, image: QImage | None) -> None:
        if text == self._code_text:  # not a code for a receipt gone meanwhile
            self._show_code(image)

    def _show_code(self, image: QImage | None) -> None:
        """The code in place of the lines; the lines while there is none (yet)."""
        if image is None:
            self.code.clear()
        else:
            self.code.setPixmap(QPixmap.fromImage(image))
        self.code.setVisible(image is not None)
        self._code_hint.setVisible(image is not None)
        self.lines.setVisible(image is None)

    def stop(self) -> None:
        """At shutdown: no code may be drawn for a screen that is gone."""
        self._codes.stop()

    def _lines_html(self, view: CheckoutView) -> str:
        basket, deposit, voucher = view.basket, self.tr("Deposit"), self.tr("Bottle voucher")
        currency = basket.currency
        rows = [
            (_row_name(row, currency, deposit, voucher), format_money(row.line_cents, currency))
            for row in basket.rows
        ]
        if len(rows) > self.MAX_LINES:
            rows = [*rows[: self.MAX_LINES - 1], ("…", "")]
        cells = "".join(
            f"<tr><td>{html.escape(name)}</td><td align=right>&nbsp;&nbsp;{money}</td></tr>"
            for name, money in rows
        )
        saved = -sum(promo.line_cents for promo in basket.promotions)
        if saved > 0:
            money = format_money(saved, basket.currency)
            words = html.escape(self.tr("You saved"))
            cells += f"<tr><td><b>{words}</b></td><td align=right><b>{money}</b></td></tr>"
        return f"<table width=100%>{cells}</table>"


def _row_name(
    row: BasketLine | DepositLine | PromotionLine | VoucherLine,
    currency: str,
    deposit: str,
    voucher: str,
) -> str:
    """A line of the receipt screen: "2 × Cola", "Deposit 2 × €0.25" (under it), an offer,
    a bottle voucher."""
    if isinstance(row, PromotionLine):
        return row.name
    if isinstance(row, VoucherLine):
        return voucher
    if isinstance(row, DepositLine):
        return f"\u2003{deposit} {row.quantity} × {format_money(row.unit_cents, currency)}"
    return f"{row.quantity} × {row.name}"


class OutOfServiceScreen(Translated):
    """The whole window when the camera or the model fails: shoppers go elsewhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutOfService")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._icon = label("ClosedBadge", wrap=False, centre=True)
        self._icon.setText("!")  # a drawn badge: emoji fonts are not on every kiosk
        self._title = label("BigMessage", centre=True)
        self._hint = label("Message", centre=True)
        self._retry = label("Message", centre=True)
        self.reason = label("StaffReason", centre=True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        for widget in (self._title, self._hint, self._retry):
            layout.addWidget(widget)
        layout.addStretch(3)
        layout.addWidget(self.reason)
        self._reason = ""
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("This checkout is closed"))
        self._hint.setText(self.tr("Sorry! Please use another checkout or ask a member of staff."))
        self._retry.setText(self.tr("The kiosk is trying to restart by itself…"))
        self.reason.setText(self.tr("For staff: %1").replace("%1", engine_text(self._reason)))

    def show_reason(self, reason: str) -> None:
        """The technical reason, in small print for staff."""
        self._reason = reason
        self.retranslate()
