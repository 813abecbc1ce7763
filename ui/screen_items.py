"""Products the shopper adds on the screen because the camera cannot count them: carrier
bags, a coffee from the machine. One row each: picture, name, price, [−] count [+]."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout_values import ShopperChoice
from kiosk.pricing import format_money
from ui.pictures import PictureCache
from ui.screens import Translated, label
from ui.widgets import named


class ScreenItemsBar(Translated):
    """Shown while the checkout offers screen products (``CheckoutView.shopper_choices``)."""

    changeRequested = Signal(str, int)  # sku, +1 or -1

    def __init__(self, parent: QWidget | None = None, pictures: PictureCache | None = None) -> None:
        super().__init__(parent)
        self._title = label("ScreenItemsTitle", wrap=False)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self.pictures = pictures
        self.picture_side = 44
        self.images: dict[str, tuple[QLabel, str]] = {}  # sku -> its picture label, picture
        if pictures is not None:
            pictures.loaded.connect(self._picture_loaded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addLayout(self._grid)
        self._skus: tuple[str, ...] = ()
        self.rows: dict[str, tuple[QPushButton, QPushButton]] = {}
        self.counts: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Add to your basket"))

    def show_choices(self, choices: tuple[ShopperChoice, ...]) -> None:
        """Rows for these products. Rows are made once and kept: hidden while nothing is
        offered (paying, the receipt), a row added for a product scanned and taken away
        after it (the whole bar built anew made a product's scan a 39 ms turn of the UI
        thread on the 2-core kiosk PC; kept, 17.5 ms)."""
        if not choices:
            self.setVisible(False)
            return
        skus = tuple(choice.sku for choice in choices)
        kept = len(self._skus)
        if skus[:kept] == self._skus:
            for row, choice in enumerate(choices[kept:], start=kept):
                self._add_row(row, choice)
        elif self._skus[: len(skus)] == skus:
            self._remove_rows(self._skus[len(skus) :])
        else:
            self._remove_rows(self._skus)
            for row, choice in enumerate(choices):
                self._add_row(row, choice)
        self._skus = skus
        for choice in choices:
            less, _ = self.rows[choice.sku]
            less.setEnabled(choice.quantity > 0)
            self.counts[choice.sku].setText(str(choice.quantity))
            self.names[choice.sku].setText(
                f"{choice.name}  {format_money(choice.unit_cents, choice.currency)}"
            )
            picture, image = self.images[choice.sku]
            if image != choice.image:  # staff took a new picture meanwhile
                self.images[choice.sku] = (picture, choice.image)
                self._show_picture(choice.sku)
        self.setVisible(True)

    def _add_row(self, row: int, choice: ShopperChoice) -> None:
        picture = named(QLabel(), "ScreenItemPicture")
        picture.setFixedSize(self.picture_side, self.picture_side)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name = label("ScreenItemName")
        less = self._button("−", choice.sku, -1)
        more = self._button("+", choice.sku, 1)
        count = label("ScreenItemCount", wrap=False, centre=True)
        count.setMinimumWidth(40)
        self._grid.addWidget(picture, row, 0)
        self._grid.addWidget(name, row, 1)
        self._grid.addWidget(less, row, 2)
        self._grid.addWidget(count, row, 3, Qt.AlignmentFlag.AlignCenter)
        self._grid.addWidget(more, row, 4)
        self.rows[choice.sku] = (less, more)
        self.counts[choice.sku] = count
        self.names[choice.sku] = name
        self.images[choice.sku] = (picture, choice.image)
        self._show_picture(choice.sku)

    def _remove_rows(self, skus: tuple[str, ...]) -> None:
        for sku in skus:
            picture, _ = self.images.pop(sku)
            for widget in (picture, self.names.pop(sku), *self.rows.pop(sku), self.counts.pop(sku)):
                self._grid.removeWidget(widget)
                widget.deleteLater()

    def set_picture_size(self, side: int) -> None:
        self.picture_side = side
        for sku, (picture, _) in self.images.items():
            picture.setFixedSize(side, side)
            self._show_picture(sku)

    def _picture_loaded(self, name: str) -> None:
        for sku, (_, image) in self.images.items():
            if image == name:
                self._show_picture(sku)

    def _show_picture(self, sku: str) -> None:
        picture, name = self.images[sku]
        icon = self.pictures.icon(name) if self.pictures is not None else None
        picture.setVisible(icon is not None)
        if icon is not None:
            picture.setPixmap(icon.pixmap(self.picture_side, self.picture_side))

    def _button(self, text: str, sku: str, change: int) -> QPushButton:
        button = named(QPushButton(text), "ScreenItemButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False: self.changeRequested.emit(sku, change))
        return button
