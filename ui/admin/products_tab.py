"""The admin screen's Products tab: every product, and a form to change one or add a new one.

Only widgets: the dialog runs the catalog work on the worker thread (``ui.admin.tasks``),
where a cashier's change is refused, the catalog's own rules are checked and the running
checkout re-reads its prices.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.gtin import gtin_problem
from catalog.models import Product
from catalog.money import format_bp, format_cents, parse_percent_bp, parse_price
from kiosk.price_labels import LabelRules
from kiosk.pricing import format_money, minor_units
from ui.admin.product_search import ProductSearch
from ui.admin.usb import open_file_dialog
from ui.messages import engine_text
from ui.pictures import PictureCache
from ui.widgets import FORM_PAGE, LIST_PAGE, TOUCH_ROW, list_and_form, named

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 6  # sku, name, price, tax, on sale, labels
NAME_COLUMN = 1
PREVIEW = 112  # the form's picture, px
FIT_MEASURED = 8  # the longest texts of a column measured to fit it


class ProductsModel(QAbstractTableModel):
    """A read-only adapter over a tuple of catalog products, each with its picture."""

    def __init__(
        self, currency: str = "EUR", parent: Any = None, pictures: PictureCache | None = None
    ) -> None:
        super().__init__(parent)
        self.products: tuple[Product, ...] = ()
        self.currency = currency
        self.pictures = pictures
        self.label_rules: LabelRules | None = None  # the store's scale labels, if any
        if pictures is not None:
            pictures.loaded.connect(self._picture_loaded)

    def set_label_rules(self, rules: LabelRules | None) -> None:
        self.beginResetModel()
        self.label_rules = rules
        self.endResetModel()

    def _label_layout(self, p: Product) -> str | None:
        """The scale label layout that sells ``p`` (its barcode is a label's base number)."""
        rules = self.label_rules
        return rules.sells(p.barcode) if rules is not None and p.barcode else None

    def _picture_loaded(self, name: str) -> None:
        rows = [i for i, p in enumerate(self.products) if p.image == name]
        for row in rows:
            index = self.index(row, NAME_COLUMN)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def set_products(self, products: tuple[Product, ...]) -> None:
        self.beginResetModel()
        self.products = products
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """One row per product."""
        return 0 if parent.isValid() else len(self.products)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """Sku, name, price, tax, on sale, labels."""
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell texts, and the product's picture beside its name."""
        if not index.isValid():
            return None
        p = self.products[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == NAME_COLUMN:
            return self.pictures.shown(p.image) if self.pictures else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(p, index.column())

    def text(self, row: int, column: int) -> str:
        """The text of a cell."""
        return self._text(self.products[row], column)

    def _text(self, p: Product, column: int) -> str:
        # Only the cell asked for: Qt asks cell by cell, to draw and to fit the columns.
        if column == 0:
            return p.sku
        if column == NAME_COLUMN:
            return self._name(p)
        if column == 2:
            price = format_money(p.price_cents, self.currency)
            if "W" in (self._label_layout(p) or ""):  # weighed at the scale: per kilogram
                return self.tr("%1/kg").replace("%1", price)
            if not p.deposit_cents:
                return price
            deposit = format_money(p.deposit_cents, self.currency)
            return self.tr("%1 + %2 deposit").replace("%1", price).replace("%2", deposit)
        if column == 3:
            return f"{format_bp(p.tax_rate_bp)} %"
        if column == 4:
            return self.tr("yes") if p.active else self.tr("no")
        return self._seen_as(p)

    def _name(self, p: Product) -> str:
        marks = [self.tr("18+")] if p.age_restricted else []
        marks += [self.tr("loose")] if p.sold_loose else []
        return f"{p.name} ({', '.join(marks)})" if marks else p.name

    def _seen_as(self, p: Product) -> str:
        if p.shopper_adds:
            return self.tr("added on the screen")
        if p.labels:
            return ", ".join(p.labels)
        if self._label_layout(p) is not None:
            return self.tr("sold by its scale's label")
        return self.tr("scanned by its barcode") if p.barcode else self.tr("not recognised")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("Price"),
            self.tr("Tax"),
            self.tr("On sale"),
            self.tr("Recognised as"),
        )
        return titles[section] if 0 <= section < COLUMNS else None


class ProductsTab(QWidget):
    """Two pages: the product list, and the form of the product tapped (or of a new one)."""

    saveRequested = Signal(object, bool)  # the Product as the form has it, whether it is new
    pictureRequested = Signal(str)  # take the form's product's picture from the camera (sku)
    importRequested = Signal(str)  # a catalog CSV file to import
    exportRequested = Signal(str)  # a folder to write the catalog CSV and its pictures into

    def __init__(
        self,
        currency: str = "EUR",
        parent: QWidget | None = None,
        pictures: PictureCache | None = None,
    ) -> None:
        super().__init__(parent)
        self._digits = minor_units(currency)  # 2 for EUR, 0 for JPY
        self.pictures = pictures
        self.picture_name: str | None = None  # the form's picture: kept, taken, or removed
        self.model = ProductsModel(currency, parent=self, pictures=pictures)
        self.model_labels: tuple[str, ...] = ()
        self.creating = False
        self.found = ProductSearch(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.found)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        # Columns fitted once per product list, not by the header on every change: a
        # picture arriving for one row made it measure every cell again (5 ms a picture
        # for the demo's 17 products, the UI thread held for each).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._fit_columns)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_ROW)
        self.table.setIconSize(QSize(TOUCH_ROW - 8, TOUCH_ROW - 8))
        self.search = QLineEdit()
        self.search.setMinimumHeight(TOUCH_ROW - 8)  # a field a finger hits
        self.search.setPlaceholderText(
            self.tr("Search: part of the name, the SKU, a label, or scan the barcode")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.found.set_query)
        self.table.clicked.connect(self._pick)  # a tap on a row opens its form
        self.table.activated.connect(self._pick)
        self.sku = QLineEdit()
        self.name = QLineEdit()
        self.price = QDoubleSpinBox(
            decimals=self._digits,
            maximum=100000.0 if self._digits else 10_000_000.0,
            singleStep=0.1 if self._digits else 10.0,
        )
        self.tax = QDoubleSpinBox(decimals=2, maximum=100.0, suffix=" %")
        # Charged with each one and given back with it (bottles, cans); 0: none.
        self.deposit = QDoubleSpinBox(
            decimals=self._digits,
            maximum=1000.0 if self._digits else 100_000.0,
            singleStep=0.05 if self._digits else 10.0,
        )
        # The number under the barcode: shoppers scan it while the camera cannot tell the
        # product (a scanner types it here too). Digits only; the check digit is checked.
        self.barcode = QLineEdit()
        self.barcode.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,14}")))
        self.barcode.setPlaceholderText(self.tr("none"))
        self.active = QCheckBox(self.tr("On sale"))
        self.age_restricted = QCheckBox(self.tr("Age checked by staff (18+)"))
        self.sold_loose = QCheckBox(self.tr("Sold loose, by count"))
        self.shopper_adds = QCheckBox(self.tr("Added by the shopper on the screen (bags)"))
        self.picture = named(QLabel(), "ProductPicture")
        self.picture.setFixedSize(PREVIEW, PREVIEW)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.take_picture = named(QPushButton(self.tr("Take from the camera")), "SecondaryButton")
        self.take_picture.clicked.connect(
            lambda: self.pictureRequested.emit(self.sku.text().strip())
        )
        self.remove_picture = named(QPushButton(self.tr("No picture")), "SecondaryButton")
        self.remove_picture.clicked.connect(lambda: self._set_picture(None))
        if pictures is not None:
            # a method, not a lambda: the connection then ends with this tab
            pictures.loaded.connect(self._picture_loaded)
        self.labels = named(QListWidget(), "ProductLabels")
        self.labels.setWordWrap(True)
        self.new = named(QPushButton(self.tr("New product")), "SecondaryButton")
        self.new.clicked.connect(self.start_new)
        self.import_csv = named(QPushButton(self.tr("Import a CSV file…")), "SecondaryButton")
        self.import_csv.clicked.connect(self.choose_import)
        self.export_csv = named(QPushButton(self.tr("Export…")), "SecondaryButton")
        self.export_csv.clicked.connect(self.choose_export)
        self.file_dialog: QFileDialog | None = None
        self.save = named(QPushButton(self.tr("Save")), "PrimaryButton")
        self.save.clicked.connect(self.save_current)
        self.back = named(QPushButton(self.tr("Back to the list")), "SecondaryButton")
        self.back.clicked.connect(self.show_list)
        self.problem = named(QLabel(), "Message")
        self.problem.setWordWrap(True)
        self.model_line = named(QLabel(), "StaffReason")
        self.model_line.setWordWrap(True)
        self._lay_out()
        self._set_editing(False)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Tax rate"), self.tax)
        form.addRow(self.tr("Deposit (bottles, cans)"), self.deposit)
        form.addRow(self.tr("Barcode number"), self.barcode)
        for box in (self.active, self.age_restricted, self.sold_loose, self.shopper_adds):
            form.addRow(box)
        picture_buttons = QVBoxLayout()
        picture_buttons.addWidget(self.take_picture)
        picture_buttons.addWidget(self.remove_picture)
        picture_buttons.addStretch(1)
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.picture)
        picture_row.addLayout(picture_buttons, 1)
        form.addRow(self.tr("Picture"), picture_row)
        seen = QVBoxLayout()
        seen.addWidget(QLabel(self.tr("The camera recognises it as:")))
        seen.addWidget(self.labels, 1)
        fields = QHBoxLayout()
        fields.addLayout(form, 4)
        fields.addLayout(seen, 5)
        list_buttons = QWidget()
        row = QHBoxLayout(list_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.import_csv, self.export_csv, self.new):
            row.addWidget(button)
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.table, 1)
        self.pages = list_and_form(
            listing, self.model_line, list_buttons, fields, self.problem, self.back, self.save
        )
        QVBoxLayout(self).addWidget(self.pages)

    def choose_import(self) -> None:
        """A file dialog on the USB stick (or home): the CSV chosen is imported."""
        title, kind = self.tr("Import a catalog CSV file"), self.tr("Catalog CSV (*.csv)")
        open_file_dialog(self, title, self.importRequested.emit, name_filter=kind)

    def choose_export(self) -> None:
        """A folder dialog: the catalog CSV and its pictures are written there."""
        title = self.tr("Export the catalog into a folder")
        open_file_dialog(self, title, self.exportRequested.emit)

    def show_list(self) -> None:
        """Back to the product list (the form's changes, if not saved, are dropped)."""
        self.creating = False
        self.pages.setCurrentIndex(LIST_PAGE)

    def editing(self) -> bool:
        """Whether the form page shows (rather than the list)."""
        return self.pages.currentIndex() == FORM_PAGE

    def show_products(self, products: tuple[Product, ...]) -> None:
        """A fresh product list; the product being edited stays chosen."""
        chosen = None if self.creating else self.current_sku()
        self.model.set_products(products)  # the search stays as typed
        if not self._select(chosen) and not self.creating:
            self._set_editing(False)
        self._fill_labels(self._form_labels())

    def _fit_columns(self) -> None:
        """Each column as wide as its widest text and its title. Qt's own fitting asks every
        cell for its size (270 ms of the UI thread for 2,000 products, at every change of
        the list): only the longest few texts of each column are measured."""
        model, table = self.model, self.table
        header = table.horizontalHeader()
        # Only rows the search shows can be measured: while it hides some, a column may
        # grow but not shrink, or a hidden long text would be cut once the search is cleared.
        searching = bool(self.search.text().strip())
        for column in range(COLUMNS):
            if column == NAME_COLUMN:
                continue
            rows = heapq.nlargest(
                FIT_MEASURED, range(model.rowCount()), key=lambda row: len(model.text(row, column))
            )
            shown = [self.found.mapFromSource(model.index(row, column)) for row in rows]
            cells = [table.sizeHintForIndex(index).width() for index in shown if index.isValid()]
            grid = 1 if table.showGrid() else 0  # as Qt's own fitting counts it
            width = max([header.sectionSizeHint(column), *cells]) + grid
            table.setColumnWidth(
                column, max(width, table.columnWidth(column)) if searching else width
            )

    def showEvent(self, event: QShowEvent) -> None:
        """Fitted again when shown: a list that came before the screen's style sheet was
        measured in another font."""
        super().showEvent(event)
        if not event.spontaneous():
            self._fit_columns()

    def visible_skus(self) -> list[str]:
        """The skus the list shows, as the search left it."""
        return [self._product(self.found.index(row, 0)).sku for row in range(self.found.rowCount())]

    def _product(self, index: QModelIndex) -> Product:
        """The product of a row of the list as shown (searched)."""
        return self.model.products[self.found.mapToSource(index).row()]

    def _select(self, sku: str | None) -> bool:
        """Choose the row of ``sku`` if the list shows it."""
        skus = [p.sku for p in self.model.products]
        if sku not in skus:
            return False
        shown = self.found.mapFromSource(self.model.index(skus.index(sku), 0))
        if shown.isValid():
            self.table.selectRow(shown.row())
        return True

    def show_label_layouts(self, layouts: tuple[str, ...]) -> None:
        """The store's scale label layouts: the list marks the products they sell."""
        self.model.set_label_rules(LabelRules(tuple(layouts)) if layouts else None)

    def show_model_labels(self, labels: tuple[str, ...]) -> None:
        """The labels the running model reports: the ones a product may be recognised as."""
        self.model_labels = tuple(labels)
        self._fill_labels(self._form_labels())

    def current_sku(self) -> str | None:
        current = self.table.currentIndex()
        return self._product(current).sku if current.isValid() else None

    def start_new(self) -> None:
        """An empty form for a product not in the catalog yet."""
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.creating = True
        self._set_editing(True)
        self.sku.clear()
        self.name.clear()
        self.price.setValue(0.0)
        self.deposit.setValue(0.0)
        self.barcode.clear()
        self.tax.setValue(float(self._usual_tax_bp()) / 100)
        for box, value in ((self.active, True), (self.age_restricted, False)):
            box.setChecked(value)
        for box in (self.sold_loose, self.shopper_adds):
            box.setChecked(False)
        self._fill_labels(())
        self._set_picture(None)
        self.problem.setText(self.tr("A new product: its SKU cannot be changed once saved."))
        self.pages.setCurrentIndex(FORM_PAGE)
        self.sku.setFocus()

    def _usual_tax_bp(self) -> int:
        rates = Counter(p.tax_rate_bp for p in self.model.products)
        return rates.most_common(1)[0][0] if rates else 0

    def _pick(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        self.creating = False
        self._set_editing(True)
        p = self._product(current)
        self.sku.setText(p.sku)
        self.name.setText(p.name)
        self.price.setValue(float(format_cents(p.price_cents, self._digits)))
        self.tax.setValue(float(format_bp(p.tax_rate_bp)))
        self.deposit.setValue(float(format_cents(p.deposit_cents, self._digits)))
        self.barcode.setText(p.barcode)
        self.active.setChecked(p.active)
        self.age_restricted.setChecked(p.age_restricted)
        self.sold_loose.setChecked(p.sold_loose)
        self.shopper_adds.setChecked(p.shopper_adds)
        self._fill_labels(p.labels)
        self._set_picture(p.image)
        self.problem.setText("")
        self.pages.setCurrentIndex(FORM_PAGE)

    def _set_picture(self, name: str | None) -> None:
        self.picture_name = name
        self._show_picture()

    def _picture_loaded(self, name: str) -> None:
        if name == self.picture_name:
            self._show_picture()

    def _show_picture(self) -> None:
        name = self.picture_name
        icon = self.pictures.icon(name) if self.pictures is not None and name else None
        if icon is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("(reading)") if name else self.tr("no picture"))
        else:
            self.picture.setPixmap(icon.pixmap(PREVIEW, PREVIEW))
        self.remove_picture.setEnabled(self.save.isEnabled() and name is not None)

    def show_taken(self, name: str, picture: Any, what: str) -> None:
        """The camera's picture just stored for this form; saving makes it the product's."""
        if self.pictures is not None:
            self.pictures.put(name, picture)
        self._set_picture(name)
        texts = {
            "cut": self.tr(
                "Picture cut out against the empty counter noted under Teach the camera. "
                "Save to keep it."
            ),
            "item": self.tr("Picture taken of the item on the counter. Save to keep it."),
            "nearest": self.tr(
                "Several items on the counter: took the one nearest the middle. Save to keep it."
            ),
            "middle": self.tr(
                "The camera recognises nothing there: took the middle of the counter. "
                "Save to keep it."
            ),
        }
        self.problem.setText(texts.get(what, ""))

    def _set_editing(self, editing: bool) -> None:
        fields = (self.name, self.price, self.tax, self.deposit, self.barcode, self.labels)
        for widget in (*fields, self.save):
            widget.setEnabled(editing)
        self.take_picture.setEnabled(editing)
        for box in (self.active, self.age_restricted, self.sold_loose, self.shopper_adds):
            box.setEnabled(editing)
        self.sku.setEnabled(self.creating)
        self._show_picture()

    def _form_labels(self) -> tuple[str, ...]:
        return tuple(
            self.labels.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.labels.count())
            if self.labels.item(i).checkState() == Qt.CheckState.Checked
        )

    def _fill_labels(self, ticked: tuple[str, ...]) -> None:
        """Every label the model reports or a product has, with whose it is now: ticking
        another product's label moves it to this one."""
        owners = {label: p for p in self.model.products for label in p.labels}
        editing = None if self.creating else self.current_sku()
        self.labels.clear()
        for label in sorted({*self.model_labels, *owners, *ticked}):
            owner = owners.get(label)
            text = label
            if owner is not None and owner.sku != editing:
                text += " — " + self.tr("now %1").replace("%1", f"{owner.sku} {owner.name}")
            if self.model_labels and label not in self.model_labels:
                text += " — " + self.tr("not in the running model")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = label in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.labels.addItem(item)

    def tick_label(self, label: str, ticked: bool = True) -> None:
        """Tick (or untick) one label in the form, as a finger on its row does."""
        for i in range(self.labels.count()):
            item = self.labels.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == label:
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                item.setCheckState(state)
                return
        raise KeyError(label)

    def label_rows(self) -> list[str]:
        """The label list's texts (what staff read)."""
        return [self.labels.item(i).text() for i in range(self.labels.count())]

    def save_current(self) -> None:
        """Ask to store the form: the chosen product changed, or the new one."""
        sku = None if self.creating else self.current_sku()
        if not self.creating and sku is None:
            self.problem.setText(self.tr("Choose a product first."))
            return
        sku = self.sku.text().strip() if self.creating else sku
        name = self.name.text().strip()
        if not sku or not name:
            self.problem.setText(self.tr("A product needs a SKU and a name."))
            return
        barcode = self.barcode.text().strip()
        if barcode and (problem := gtin_problem(barcode)):
            self.problem.setText(engine_text(problem))
            return
        # the boxes show at most their digits: their texts are the exact amounts
        product = Product(
            sku=sku,
            name=name,
            price_cents=parse_price(f"{self.price.value():.{self._digits}f}", self._digits),
            tax_rate_bp=parse_percent_bp(f"{self.tax.value():.2f}"),
            age_restricted=self.age_restricted.isChecked(),
            active=self.active.isChecked(),
            sold_loose=self.sold_loose.isChecked(),
            image=self.picture_name,
            labels=self._form_labels(),
            shopper_adds=self.shopper_adds.isChecked(),
            deposit_cents=parse_price(f"{self.deposit.value():.{self._digits}f}", self._digits),
            barcode=barcode,
        )
        self.problem.setText("")
        self.saveRequested.emit(product, self.creating)

    def saved(self, product: Product, products: tuple[Product, ...]) -> None:
        """The catalog stored ``product``: back to the list, with it chosen."""
        self.creating = False
        self.barcode.setText(product.barcode)  # a pack's label scanned in: its base number
        self.model.set_products(products)
        self._set_editing(self._select(product.sku))
        self.pages.setCurrentIndex(LIST_PAGE)
