"""The admin screen's *Teach the camera* tab: views of a product taken at the counter.

Only widgets: the dialog runs the work on the worker thread (``ui.admin.tasks``), where the
newest camera picture is, a cashier is refused, and ``kiosk.enrol`` cuts the product out of
the empty counter and files the view for the enrolment pipeline.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.models import Product
from kiosk.enrol import GOOD_VIEWS
from ui.admin.usb import open_file_dialog
from ui.pictures import to_qimage
from ui.widgets import named

PREVIEW = 160  # px, the view just taken
THUMBNAIL = 72  # px, each view in the strip


class EnrolTab(QWidget):
    """Choose a product, say the counter is empty, put it down, take views."""

    productChosen = Signal(str)  # sku: show its views so far
    emptyRequested = Signal(str)  # sku: the counter is empty now
    viewRequested = Signal(str, float)  # sku, longest side in mm: take a view
    forgetRequested = Signal(str)  # sku: remove its views
    removeRequested = Signal(str, str)  # sku, a view's file name: remove that view
    copyViewsRequested = Signal(str)  # a folder (USB stick): the views and corrections, to train
    installRequested = Signal(str)  # a model file (USB stick) to install
    rollbackRequested = Signal()  # back to the model installed before

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = QComboBox()
        self.product.currentIndexChanged.connect(self._chosen)
        self.length = QDoubleSpinBox(decimals=0, minimum=5.0, maximum=2000.0, suffix=" mm")
        self.length.setValue(150.0)
        self.filed = named(QLabel(), "StaffReason")
        self.filed.setWordWrap(True)
        self.empty = named(QPushButton(self.tr("1. The counter is empty")), "SecondaryButton")
        self.empty.clicked.connect(lambda: self._ask(self.emptyRequested))
        self.take = named(QPushButton(self.tr("2. Take a view")), "PrimaryButton")
        self.take.clicked.connect(self._take)
        self.forget = named(QPushButton(self.tr("Start over")), "SecondaryButton")
        self.forget.clicked.connect(lambda: self._ask(self.forgetRequested))
        self.views = named(QListWidget(), "EnrolViews")
        self.views.setViewMode(QListWidget.ViewMode.IconMode)
        self.views.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.views.setMovement(QListWidget.Movement.Static)
        self.views.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.views.setSpacing(4)
        self.views.itemSelectionChanged.connect(self._show_state)
        self.remove_view = named(QPushButton(self.tr("Remove the chosen view")), "SecondaryButton")
        self.remove_view.clicked.connect(self._remove_chosen)
        self.file_dialog: Any = None  # the USB stick's dialog, while open
        self.copy_views = named(
            QPushButton(self.tr("Copy for training to a USB stick…")), "SecondaryButton"
        )
        self.copy_views.clicked.connect(
            lambda: open_file_dialog(
                self,
                self.tr("Copy the views and corrections into a folder"),
                self.copyViewsRequested.emit,
            )
        )
        self.install = named(QPushButton(self.tr("Install a trained model…")), "SecondaryButton")
        self.install.clicked.connect(
            lambda: open_file_dialog(
                self,
                self.tr("Install a recognition model"),
                self.installRequested.emit,
                name_filter=self.tr("ONNX model (*.onnx)"),
            )
        )
        self.rollback = named(QPushButton(self.tr("Back to the model before")), "SecondaryButton")
        self.rollback.clicked.connect(self.rollbackRequested.emit)
        self.model_line = named(QLabel(), "StaffReason")  # the model in use, and the next
        self.model_line.setWordWrap(True)
        self.preview = named(QLabel(self.tr("no view yet")), "ProductPicture")
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        how = named(
            QLabel(
                self.tr(
                    "For a product the camera does not know yet. Clear the counter and press 1. "
                    "Put the product down and press 2; turn it over or around, move it, and "
                    "press 2 again: %1 or more views, every side that can face up, in different "
                    "places. Then copy the views to a USB stick, train a model with them on a PC "
                    "(README: Enrol your own products) and install it here from the stick."
                ).replace("%1", str(GOOD_VIEWS))
            ),
            "StaffReason",
        )
        how.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Its longest side"), self.length)
        buttons = QHBoxLayout()
        for button in (self.empty, self.take):
            buttons.addWidget(button, 1)
        # Under the views they act on; the right column is for the model, so the tab stays
        # within a 1280 x 800 screen (a fourth button there made it 812 px tall: screenshot).
        view_buttons = QHBoxLayout()
        for button in (self.remove_view, self.forget):
            view_buttons.addWidget(button, 1)
        right = QVBoxLayout()
        right.addWidget(self.preview)
        right.addStretch(1)
        right.addWidget(self.model_line)
        for button in (self.copy_views, self.install, self.rollback):
            right.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(how)
        left.addLayout(form)
        left.addWidget(self.filed)
        left.addWidget(self.views, 1)
        left.addLayout(view_buttons)
        left.addLayout(buttons)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(right)
        self.enrolment: Any = None
        self._show_state()

    def current_sku(self) -> str:
        return str(self.product.currentData() or "")

    def show_model(self, text: str) -> None:
        """The model in use, and the one about to take over."""
        self.model_line.setText(text)

    def show_products(self, products: tuple[Product, ...]) -> None:
        """The products on sale that the camera is to see (not those added on the screen)."""
        chosen = self.current_sku()
        self.product.blockSignals(True)
        self.product.clear()
        for p in products:
            if p.active and not p.shopper_adds:
                self.product.addItem(f"{p.sku} {p.name}", p.sku)
        index = self.product.findData(chosen)
        self.product.setCurrentIndex(max(index, 0))
        self.product.blockSignals(False)
        if self.current_sku() != chosen:
            self._chosen()

    def choose(self, sku: str) -> None:
        """Pick the product ``sku`` in the list."""
        self.product.setCurrentIndex(self.product.findData(sku))

    def show_enrolment(self, enrolment: Any) -> None:
        """Where the chosen product's views stand (``ui.admin.tasks.Enrolment``)."""
        if enrolment.sku != self.current_sku():
            return  # an answer about a product no longer chosen
        self.enrolment = enrolment
        if enrolment.length_mm is not None:
            self.length.setValue(enrolment.length_mm)
        if enrolment.view is not None:
            self.preview.setPixmap(QPixmap.fromImage(to_qimage(enrolment.view, PREVIEW)))
        elif enrolment.views == 0:
            self.preview.clear()
            self.preview.setText(self.tr("no view yet"))
        self.views.clear()
        for name, thumbnail in enrolment.thumbnails:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(to_qimage(thumbnail))), "")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(name)
            self.views.addItem(item)
        self._show_state()

    def view_names(self) -> list[str]:
        """The views' file names, as the strip shows them."""
        items = (self.views.item(i) for i in range(self.views.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _remove_chosen(self) -> None:
        chosen = self.views.selectedItems()
        if chosen and self.current_sku():
            self.removeRequested.emit(self.current_sku(), chosen[0].data(Qt.ItemDataRole.UserRole))

    def _chosen(self) -> None:
        self.enrolment = None
        self.views.clear()
        self.preview.clear()
        self.preview.setText(self.tr("no view yet"))
        self._show_state()
        if self.current_sku():
            self.productChosen.emit(self.current_sku())

    def _take(self) -> None:
        if self.current_sku():
            self.viewRequested.emit(self.current_sku(), self.length.value())

    def _ask(self, signal: Any) -> None:
        if self.current_sku():
            signal.emit(self.current_sku())

    def _show_state(self) -> None:
        e = self.enrolment
        has_product = bool(self.current_sku())
        self.empty.setEnabled(has_product)
        self.take.setEnabled(has_product and e is not None and e.counter_known)
        self.forget.setEnabled(e is not None and e.views > 0)
        self.remove_view.setEnabled(bool(self.views.selectedItems()))
        if e is None:
            self.filed.setText("")
            return
        text = self.tr("%1 views of %2 so far, in %3.").replace("%1", str(e.views))
        text = text.replace("%2", e.label).replace("%3", e.folder)
        if not e.counter_known:
            text += " " + self.tr("Clear the counter and press 1 first.")
        elif e.views < GOOD_VIEWS:
            text += " " + self.tr("Take %1 or more.").replace("%1", str(GOOD_VIEWS))
        self.filed.setText(text)
