"""The products staff may add to a shopper's basket by hand, as a list model and its search.

The correction screen opens in front of a waiting shopper, on a catalog that may be a whole
store's price list. A list of widget items made every row, and asked for every picture, at
once (2,000 products: 53 ms of the UI thread, then every picture read and kept, past the
picture cache's limit); here a row is text until it is drawn, and only the rows drawn ask
for their picture. The search is a proxy (``ui.admin.product_search``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)

from catalog.models import Product
from kiosk.pricing import format_money
from ui.pictures import PictureCache
from ui.widgets import TOUCH_ROW

Index = QModelIndex | QPersistentModelIndex
SKU_ROLE = Qt.ItemDataRole.UserRole


class AddableProducts(QAbstractListModel):
    """Products on sale, in name order: "name  ·  price", the picture, the sku."""

    def __init__(self, pictures: PictureCache | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pictures = pictures
        self.products: tuple[Product, ...] = ()
        self.currency = "EUR"
        self._rows_by_picture: dict[str, list[int]] = {}
        if pictures is not None:
            pictures.loaded.connect(self._picture_loaded)

    def set_products(self, products: tuple[Product, ...], currency: str) -> None:
        self.beginResetModel()
        self.products = tuple(
            sorted((p for p in products if p.active), key=lambda p: p.name.casefold())
        )
        self.currency = currency
        self._rows_by_picture = {}
        for row, product in enumerate(self.products):
            if product.image:
                self._rows_by_picture.setdefault(product.image, []).append(row)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """One row per product on sale."""
        return 0 if parent.isValid() else len(self.products)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The row's text, its picture when it has been read, its sku, a finger's height."""
        if not index.isValid():
            return None
        product = self.products[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{product.name}  ·  {format_money(product.price_cents, self.currency)}"
        if role == Qt.ItemDataRole.DecorationRole:
            if self.pictures is None:
                return None
            return self.pictures.shown(product.image)  # asks for it to be read, if need be
        if role == SKU_ROLE:
            return product.sku
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, TOUCH_ROW)
        return None

    def _picture_loaded(self, name: str) -> None:
        rows = self._rows_by_picture.get(name)
        if rows:
            first, last = self.index(min(rows)), self.index(max(rows))
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DecorationRole])
