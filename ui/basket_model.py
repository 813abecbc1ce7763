"""The basket table: a thin Qt adapter over the checkout engine's immutable snapshot.

The model holds one reference, the current :class:`BasketSnapshot`, and derives every cell
from it; it keeps no counts or prices of its own. Item lines come first, each product's
deposit after its line, then promotion lines (negative amounts), in the engine's order
(``BasketSnapshot.rows``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from kiosk.checkout_values import (
    BasketLine,
    BasketSnapshot,
    DepositLine,
    PromotionLine,
    VoucherLine,
)
from kiosk.pricing import format_money
from ui import theme
from ui.pictures import PictureCache

Index = QModelIndex | QPersistentModelIndex
Row = BasketLine | DepositLine | PromotionLine | VoucherLine

NAME, QTY, UNIT, TOTAL = range(4)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


class BasketModel(QAbstractTableModel):
    """Rows of the shopper's basket: name (with the product's picture), quantity, unit price,
    line total."""

    def __init__(self, parent: Any = None, pictures: PictureCache | None = None) -> None:
        super().__init__(parent)
        self._snapshot = BasketSnapshot()
        self.pictures = pictures
        if pictures is not None:
            pictures.loaded.connect(self._picture_loaded)

    @property
    def snapshot(self) -> BasketSnapshot:
        return self._snapshot

    def set_snapshot(self, snapshot: BasketSnapshot) -> None:
        """Show ``snapshot``; rows are reset only when the set of lines changes."""
        old = self._snapshot
        if snapshot == old:
            return
        if _shape(old) != _shape(snapshot):
            self.beginResetModel()
            self._snapshot = snapshot
            self.endResetModel()
            return
        self._snapshot = snapshot
        if self.rowCount():
            changed = _changed_rows(old, snapshot)
            if changed:
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """Item, deposit and promotion lines (a table has no children)."""
        if parent.isValid():
            return 0
        return len(self._snapshot.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """Name, quantity, unit price, line total."""
        return 0 if parent.isValid() else 4

    def row(self, row: int) -> Row:
        return self._snapshot.rows[row]

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows (the basket panel measures the longest to fit its columns)."""
        return self._text(self._snapshot.rows[row], column)

    def has_picture(self, row: int) -> bool:
        line = self._snapshot.rows[row]
        return self.pictures is not None and isinstance(line, BasketLine) and bool(line.image)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, alignment, and the look of promotion, deposit and age-check lines."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        line = self.row(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(LEFT if column == NAME else CENTRE if column == QTY else RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(line, PromotionLine | VoucherLine):
            return QColor(theme.colours().brand)
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(line, DepositLine):
            return QColor(theme.colours().muted)
        if role == Qt.ItemDataRole.FontRole and column == TOTAL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(line, BasketLine):
            return line.sku
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return self._picture(line)
        return None

    def _picture(self, line: Row) -> Any:
        if self.pictures is None:
            return None
        return self.pictures.shown(line.image if isinstance(line, BasketLine) else None)

    def _picture_loaded(self, name: str) -> None:
        rows = [
            i
            for i, line in enumerate(self._snapshot.rows)
            if isinstance(line, BasketLine) and line.image == name
        ]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), NAME),
                self.index(max(rows), NAME),
                [Qt.ItemDataRole.DecorationRole],
            )

    def _text(self, line: Row, column: int) -> str:
        currency = self._snapshot.currency
        if isinstance(line, PromotionLine):
            texts = [line.name, "", "", format_money(line.line_cents, currency)]
            return texts[column]
        if isinstance(line, VoucherLine):
            texts = [self.tr("Bottle voucher"), "", "", format_money(line.line_cents, currency)]
            return texts[column]
        if isinstance(line, DepositLine) and column == NAME:
            # Under the bottles it is charged on: "Deposit", as the receipt prints it.
            return "    " + self.tr("Deposit")
        if column == NAME:
            if line.age_restricted:
                return f"{line.name}  (18+)"
            return line.name if line.kind == "item" else f"{line.name} ✎"
        if column == QTY:
            return str(line.quantity)
        if column == UNIT:
            return format_money(line.unit_cents, currency)
        return format_money(line.line_cents, currency)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, translated."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Total"))
            return titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(LEFT if section == NAME else CENTRE if section == QTY else RIGHT)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows are read-only; nothing is selectable by the shopper."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled


def _shape(snapshot: BasketSnapshot) -> tuple[str, ...]:
    return tuple(_row_key(row) for row in snapshot.rows)


def _row_key(row: Row) -> str:
    if isinstance(row, BasketLine):
        return f"{row.kind}:{row.sku}"
    if isinstance(row, DepositLine):
        return f"deposit:{row.sku}"
    if isinstance(row, VoucherLine):
        return f"voucher:{row.code}"
    return f"promotion:{row.sku}:{row.name}"


def _changed_rows(old: BasketSnapshot, new: BasketSnapshot) -> list[int]:
    rows_old, rows_new = old.rows, new.rows
    return [
        i
        for i, (a, b) in enumerate(zip(rows_old, rows_new, strict=True))
        if a != b or old.currency != new.currency
    ]
