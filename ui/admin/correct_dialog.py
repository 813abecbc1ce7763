"""Staff correct what the camera read: take out what it read wrongly, add what it missed.

Shown from the staff menu during Help. The basket on the left is the checkout's own (it
follows every view the engine sends); the products on the right come from the catalog. Each
tap is one engine event (``StaffRemoveLine`` / ``StaffAddLine``): the engine checks that
staff is signed in, reprices, lists the change on the sale, audits it and keeps the
counter's picture with what was read and what staff made of it, for retraining.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog.models import Product
from kiosk.checkout_values import BasketLine, CheckoutView
from ui.admin.addable_products import SKU_ROLE, AddableProducts
from ui.admin.product_search import ProductSearch
from ui.messages import engine_text
from ui.pictures import PictureCache
from ui.widgets import TOUCH_ROW, named

PICTURE = 40  # px, beside each line and product


class CorrectionDialog(QDialog):
    """The basket with a *Remove one* button per line, and every product to add one of."""

    removeRequested = Signal(str)  # sku: one fewer
    addRequested = Signal(str)  # sku: one more

    def __init__(self, pictures: PictureCache | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CorrectionDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Correct the items"))
        self.resize(1000, 640)
        self.pictures = pictures
        self.currency = "EUR"
        self.lines: tuple[BasketLine, ...] = ()
        self.addable = AddableProducts(pictures, self)
        self.found = ProductSearch(self.addable, self)
        self.remove_buttons: dict[str, QPushButton] = {}
        self._line_pictures: dict[str, tuple[QLabel, str]] = {}
        hint = named(
            QLabel(
                self.tr(
                    "Take out what the camera read wrongly, add what it missed. Each change is "
                    "listed on the sale and kept with the counter's picture to teach the model."
                )
            ),
            "StaffReason",
        )
        hint.setWordWrap(True)
        self.basket_grid = QGridLayout()
        self.basket_grid.setColumnStretch(1, 1)
        basket_box = QWidget()
        basket_column = QVBoxLayout(basket_box)
        basket_column.addLayout(self.basket_grid)
        basket_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(basket_box)
        self.empty = named(QLabel(self.tr("Nothing in the basket.")), "Message")
        self.search = QLineEdit()
        self.search.setMinimumHeight(TOUCH_ROW - 8)  # a field a finger hits
        self.search.setPlaceholderText(self.tr("Find a product: name or SKU"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.found.set_query)
        self.catalog = named(QListView(), "CorrectionProducts")
        self.catalog.setModel(self.found)
        self.catalog.setIconSize(QSize(PICTURE, PICTURE))
        self.catalog.setUniformItemSizes(True)
        self.catalog.clicked.connect(self._tapped)
        self.status = named(QLabel(), "Message")
        self.status.setWordWrap(True)
        done = named(QPushButton(self.tr("Done")), "PrimaryButton")
        done.clicked.connect(self.accept)
        left = QVBoxLayout()
        left.addWidget(named(QLabel(self.tr("In the basket")), "CardTitle"))
        left.addWidget(scroll, 1)
        left.addWidget(self.empty)
        right = QVBoxLayout()
        right.addWidget(named(QLabel(self.tr("Add one (tap)")), "CardTitle"))
        right.addWidget(self.search)
        right.addWidget(self.catalog, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(done)
        if pictures is not None:
            pictures.loaded.connect(self._picture_loaded)

    def show_view(self, view: CheckoutView) -> None:
        """The basket as the engine has it now, and what the last change did."""
        self.currency = view.basket.currency
        self.status.setText(engine_text(view.message))
        lines = view.basket.lines
        if lines != self.lines:
            self.lines = lines
            self._build_basket()

    @property
    def products(self) -> tuple[Product, ...]:
        """The products staff may add: on sale, in name order."""
        return self.addable.products

    def show_products(self, products: tuple[Product, ...]) -> None:
        """The products staff may add: the catalog's on sale, in name order."""
        self.addable.set_products(products, self.currency)

    def add(self, sku: str) -> None:
        """Tap the product ``sku`` in the list (as a finger does)."""
        for row in range(self.found.rowCount()):
            index = self.found.index(row, 0)
            if index.data(SKU_ROLE) == sku:
                self.catalog.clicked.emit(index)
                return
        raise KeyError(sku)

    def _tapped(self, index: QModelIndex) -> None:
        self.addRequested.emit(index.data(SKU_ROLE))

    def _build_basket(self) -> None:
        while self.basket_grid.count():
            item = self.basket_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.remove_buttons.clear()
        self._line_pictures.clear()
        for row, line in enumerate(self.lines):
            picture = QLabel()
            picture.setFixedSize(PICTURE, PICTURE)
            by_hand = self.tr(" (added by staff)") if line.kind == "manual" else ""
            name = QLabel(f"{line.quantity} × {line.name}{by_hand}")
            name.setWordWrap(True)
            remove = named(QPushButton(self.tr("Remove one")), "SecondaryButton")
            remove.setMinimumHeight(TOUCH_ROW)
            remove.clicked.connect(lambda _=False, sku=line.sku: self.removeRequested.emit(sku))
            self.basket_grid.addWidget(picture, row, 0)
            self.basket_grid.addWidget(name, row, 1)
            self.basket_grid.addWidget(remove, row, 2)
            key = f"{line.kind}:{line.sku}"
            self.remove_buttons[key] = remove
            self._line_pictures[key] = (picture, line.image)
            self._show_line_picture(key)
        self.empty.setVisible(not self.lines)

    def _picture_loaded(self, name: str) -> None:
        for key, (_, image) in self._line_pictures.items():
            if image == name:
                self._show_line_picture(key)

    def _show_line_picture(self, key: str) -> None:
        label, name = self._line_pictures[key]
        icon = self.pictures.icon(name) if self.pictures is not None and name else None
        if icon is not None:
            label.setPixmap(icon.pixmap(PICTURE, PICTURE))

    def line_texts(self) -> list[str]:
        """The basket's lines as staff read them."""
        texts = []
        for row in range(self.basket_grid.rowCount()):
            item = self.basket_grid.itemAtPosition(row, 1)
            if item is not None and isinstance(item.widget(), QLabel):
                texts.append(item.widget().text())
        return texts

    def remove(self, sku: str, kind: str = "item") -> None:
        """Press *Remove one* on the line of ``sku``."""
        self.remove_buttons[f"{kind}:{sku}"].click()

    def visible_products(self) -> list[Any]:
        """The skus the list shows, as the search left it."""
        return [self.found.index(row, 0).data(SKU_ROLE) for row in range(self.found.rowCount())]
