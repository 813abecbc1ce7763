"""Staff admin: products, teaching the camera a product, offers, the sales of a day, refunds,
payments to check, staff accounts and the audit log. Data work runs on the worker thread."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.models import Product
from kiosk.pricing import format_money
from ui.admin import tasks
from ui.admin.changes_tab import ChangesTab
from ui.admin.enrol_tab import EnrolTab
from ui.admin.lazy_tabs import LazyTabs
from ui.admin.offers_tab import OffersTab
from ui.admin.payments_tab import PaymentsTab
from ui.admin.products_tab import ProductsTab
from ui.admin.refund_tab import RefundTab
from ui.admin.sales_tab import SalesTab
from ui.admin.staff_tab import StaffTab
from ui.admin.store_tab import StoreTab
from ui.messages import engine_text
from ui.pictures import PictureCache
from ui.widgets import named
from ui.worker import CheckoutWorker, TaskResult

MODEL_RECHECK_MS = 1500  # while an installed model waits to take over
TABS_LATER_MS = 300  # the first tab drawn and filled by then


class AdminDialog(QDialog):
    """Tabs: the products (change one, add one), teach the camera a product (views taken at
    the counter), offers, a day's takings, refunds, payments to check, staff accounts
    (managers), and who changed what."""

    def __init__(
        self,
        worker: CheckoutWorker,
        actor: str,
        parent: QWidget | None = None,
        currency: str = "EUR",
        pictures: PictureCache | None = None,
        *,
        load: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("AdminDialog")
        self.setWindowTitle(self.tr("Store admin"))
        self.fit_to(parent)
        self.worker = worker
        self.actor = actor
        self._pending: dict[int, str] = {}
        self.currency = currency
        if pictures is None:  # the kiosk window's, whose pictures are read already
            pictures = getattr(parent, "pictures", None)
        self.products = ProductsTab(currency, pictures=pictures)
        self.products.saveRequested.connect(
            lambda product, create: self._run(
                tasks.save_product, "saved", product, create, self.actor
            )
        )
        self.products.pictureRequested.connect(
            lambda sku: self._run(tasks.take_picture, "picture", sku, self.actor)
        )
        self.products.importRequested.connect(
            lambda path: self._run(tasks.import_catalog, "imported", path, self.actor)
        )
        self.products.exportRequested.connect(
            lambda folder: self._run(tasks.export_catalog, "exported", folder, self.actor)
        )
        self.status = named(QLabel(), "Message")
        self.status.setWordWrap(True)
        self.sales = SalesTab(currency)
        self.sales.dayRequested.connect(lambda day: self._run(tasks.today_sales, "sales", day))
        self.sales.reportRequested.connect(
            lambda day: self._run(tasks.print_day_report, "report", day)
        )
        self.sales.exportRequested.connect(
            lambda folder, first, last: self._run(
                tasks.export_sales, "sales_exported", folder, first, last, self.actor
            )
        )
        self.sales.backupRequested.connect(
            lambda folder: self._run(tasks.back_up, "backed_up", folder, self.actor)
        )
        self.tabs = tabs = QTabWidget()
        self.pages = pages = LazyTabs(tabs)
        pages.add_page("products", self.tr("Products"), self.products)
        pages.add("enrol", self.tr("Teach the camera"), self._make_enrol)
        pages.add("offers", self.tr("Offers"), self._make_offers)
        pages.add_page("sales", self.tr("Sales"), self.sales)
        pages.add("refunds", self.tr("Receipts and refunds"), self._make_refunds)
        pages.add("payments", self.tr("Payments to check"), self._make_payments)
        pages.add("staff", self.tr("Staff"), self._make_staff)
        pages.add("store", self.tr("Store"), self._make_store)
        pages.add("changes", self.tr("Changes"), self._make_changes)
        close = named(QPushButton(self.tr("Close")), "SecondaryButton")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        if load:  # else the opener asks when it suits it (see StaffFlow)
            self.load()

    def load(self) -> None:
        """Ask the worker for what every tab shows."""
        self._run(tasks.load_products, "products")
        self._run(tasks.model_labels, "labels")
        self._run(tasks.label_layouts, "label_layouts")
        self._run(tasks.load_offers, "offers")
        self.sales.reload()
        self._run(tasks.load_waiting_payments, "payments")
        self._run(tasks.model_in_use, "model")
        self._run(tasks.load_staff, "staff")
        self._run(tasks.load_store, "store")

    # The tabs after the first, made when staff first look at them (see LazyTabs).
    @property
    def enrol(self) -> EnrolTab:
        return cast(EnrolTab, self.pages.page("enrol"))

    @property
    def offers(self) -> OffersTab:
        return cast(OffersTab, self.pages.page("offers"))

    @property
    def refunds(self) -> RefundTab:
        return cast(RefundTab, self.pages.page("refunds"))

    @property
    def payments(self) -> PaymentsTab:
        return cast(PaymentsTab, self.pages.page("payments"))

    @property
    def staff(self) -> StaffTab:
        return cast(StaffTab, self.pages.page("staff"))

    @property
    def store(self) -> StoreTab:
        return cast(StoreTab, self.pages.page("store"))

    @property
    def changes(self) -> ChangesTab:
        return cast(ChangesTab, self.pages.page("changes"))

    def _make_enrol(self) -> EnrolTab:
        enrol = EnrolTab()
        enrol.productChosen.connect(lambda sku: self._run(tasks.enrolment, "enrol", sku))
        enrol.emptyRequested.connect(
            lambda sku: self._run(tasks.counter_is_empty, "enrol_empty", sku, self.actor)
        )
        enrol.viewRequested.connect(
            lambda sku, mm: self._run(tasks.take_view, "enrol_view", sku, mm, self.actor)
        )
        enrol.forgetRequested.connect(
            lambda sku: self._run(tasks.forget_views, "enrol_forget", sku, self.actor)
        )
        enrol.copyViewsRequested.connect(
            lambda folder: self._run(tasks.copy_for_training, "views_copied", folder, self.actor)
        )
        enrol.installRequested.connect(
            lambda path: self._run(tasks.install_model_file, "model_installed", path, self.actor)
        )
        enrol.rollbackRequested.connect(
            lambda: self._run(tasks.roll_back_model, "model_rolled_back", self.actor)
        )
        enrol.removeRequested.connect(
            lambda sku, name: self._run(tasks.remove_view, "enrol_removed", sku, name, self.actor)
        )
        return enrol

    def _make_offers(self) -> OffersTab:
        offers = OffersTab(self.currency)
        offers.addRequested.connect(
            lambda offer: self._run(tasks.add_offer, "offer_added", offer, self.actor)
        )
        offers.endRequested.connect(
            lambda offer_id: self._run(tasks.end_offer, "offer_ended", offer_id, self.actor)
        )
        return offers

    def _make_refunds(self) -> RefundTab:
        refunds = RefundTab()
        refunds.findRequested.connect(
            lambda receipt: self._run(tasks.find_refundable, "refundable", receipt)
        )
        refunds.refundRequested.connect(self._refund)
        refunds.copyRequested.connect(
            lambda receipt: self._run(tasks.print_receipt_copy, "copy", receipt)
        )
        return refunds

    def _make_payments(self) -> PaymentsTab:
        payments = PaymentsTab()
        payments.settleRequested.connect(
            lambda key, ref: self._run(
                tasks.settle_waiting_payment, "settled", key, ref, self.actor
            )
        )
        return payments

    def _make_staff(self) -> StaffTab:
        staff = StaffTab()
        staff.addRequested.connect(
            lambda name, role, pin: self._run(
                tasks.add_staff_member, "staff_added", name, role, pin, self.actor
            )
        )
        staff.changeRequested.connect(self._change_staff)
        return staff

    def _make_store(self) -> StoreTab:
        store = StoreTab()
        store.saveRequested.connect(
            lambda details: self._run(tasks.save_store, "store_saved", details, self.actor)
        )
        return store

    def _make_changes(self) -> ChangesTab:
        changes = ChangesTab()
        changes.readRequested.connect(
            lambda family: self._run(tasks.read_changes, "changes", family, self.actor)
        )
        return changes

    def showEvent(self, event: QShowEvent) -> None:
        """Once shown (and its answers in), the other tabs are made in the background."""
        super().showEvent(event)
        if not event.spontaneous():
            QTimer.singleShot(TABS_LATER_MS, self, self.pages.make_rest)

    def fit_to(self, window: QWidget | None) -> None:
        """As wide as the kiosk's window allows (up to 1200 px): nine tabs in Spanish need it;
        on a narrow screen the tab bar scrolls. On an upright screen, taller too (up to
        1000 px): more of the products list at once."""
        room = window.width() - 40 if window is not None else 1000
        upright = window is not None and window.height() > window.width()
        height = max(640, min(1000, window.height() - 160)) if upright and window else 640
        self.resize(max(800, min(1200, room)), height)

    def _run(self, task: Any, kind: str, *args: Any) -> None:
        token = self.worker.submit(lambda session: task(session, *args))
        self._pending[token] = kind

    def task_done(self, result: TaskResult) -> None:
        """Results of this dialog's tasks (others are ignored)."""
        kind = self._pending.pop(result.token, None)
        if kind is None:
            return
        if result.error is not None:
            problem = engine_text(result.error)
            self.status.setText(self.tr("Could not do that: %1").replace("%1", problem))
            return
        handlers = {
            "products": self._show_products,
            "label_layouts": self.products.show_label_layouts,
            "enrol": self._shows("enrol", "show_enrolment"),
            "enrol_empty": lambda answer: self._changed(
                self.enrol.show_enrolment, answer, self.tr("The empty counter is noted.")
            ),
            "enrol_view": lambda answer: self._changed(
                self.enrol.show_enrolment,
                answer,
                self.tr("View %1 of %2 taken.")
                .replace("%1", str(answer.views))
                .replace("%2", answer.label),
            ),
            "enrol_forget": lambda answer: self._changed(
                self.enrol.show_enrolment, answer, self.tr("The views were removed.")
            ),
            "enrol_removed": lambda answer: self._changed(
                self.enrol.show_enrolment, answer, self.tr("The view was removed.")
            ),
            "labels": self.products.show_model_labels,
            "saved": self._saved,
            "imported": self._imported,
            "exported": lambda answer: self.status.setText(
                self.tr("Exported %1 products to %2, their pictures beside it.")
                .replace("%1", str(answer[1]))
                .replace("%2", answer[0])
            ),
            "picture": lambda taken: self.products.show_taken(
                taken.name, taken.picture, taken.what
            ),
            "sales": self.sales.show_sales,
            "sales_exported": self._sales_exported,
            "views_copied": lambda done: self.status.setText(
                self.tr("Copied %1 views of %2 products and %3 new corrections to %4.")
                .replace("%1", str(done.views))
                .replace("%2", str(done.products))
                .replace("%3", str(done.corrections))
                .replace("%4", done.folder)
            ),
            "model_installed": self._model_installed,
            "model_rolled_back": self._model_rolled_back,
            "backed_up": lambda answer: self.status.setText(
                self.tr("Backed up to %1 (%2 sales, %3 products; checked), %4 new pictures.")
                .replace("%1", str(answer[0].path))
                .replace("%2", str(answer[0].sales))
                .replace("%3", str(answer[0].products))
                .replace("%4", str(answer[1]))
            ),
            "refundable": self._show_refundable,
            "report": lambda answer: self._printed(
                answer, self.tr("Report printed."), self.tr("The report was not printed: %1")
            ),
            "copy": lambda answer: self._printed(
                answer, self.tr("Copy printed."), self.tr("The copy was not printed: %1")
            ),
            "refunded": self._refunded,
            "offers": self._shows("offers", "show_offers"),
            "payments": self._shows("payments", "show_payments"),
            "model": self._show_model,
            "settled": self._settled,
            "staff": self._shows("staff", "show_staff"),
            "store": self._shows("store", "show_store"),
            "store_saved": lambda answer: self._changed(
                self.store.show_store, answer, self.tr("Saved: receipts print it from now on.")
            ),
            "changes": self._shows("changes", "show_lines"),
            "staff_added": lambda answer: self._changed(
                self.staff.show_staff, answer, self.tr("Account added.")
            ),
            "staff_changed": lambda answer: self._changed(
                self.staff.show_staff, answer, self.tr("Account saved.")
            ),
            "offer_added": lambda answer: self._changed(
                self.offers.show_offers, answer, self.tr("Offer added.")
            ),
            "offer_ended": lambda answer: self._changed(
                self.offers.show_offers, answer, self.tr("Offer ended.")
            ),
        }
        handlers[kind](result.value)

    def _show_model(self, model: tasks.ModelInUse) -> None:
        text = self.tr("Recognition model: %1 (%2 labels)").replace("%1", model.file)
        text = text.replace("%2", str(model.labels))
        if model.failed:
            # The kiosk tried the installed model and it did not load: it will not try again
            # until another is installed, so the line says so instead of waiting.
            refused = self.tr(
                "The installed %1 did not load on this kiosk, so this one stays: %2. Install "
                "another model or go back to the one before."
            )
            failed = engine_text(model.failed)
            text += " " + refused.replace("%1", model.next_file).replace("%2", failed)
        elif model.next_file:
            later = self.tr("%1 takes over when the counter is empty.")
            text += " " + later.replace("%1", model.next_file)
            # Look again shortly: the line says when the new model has taken over.
            QTimer.singleShot(MODEL_RECHECK_MS, self, self._check_model)
        self.products.model_line.setText(text)
        self.pages.call("enrol", "show_model", text)

    def _check_model(self) -> None:
        self._run(tasks.model_in_use, "model")

    def _model_installed(self, report: Any) -> None:
        model = report.model
        if report.replaced is not None and report.replaced.sha256 == model.sha256:
            text = self.tr("%1 is already the model in use.").replace("%1", model.file)
        else:
            text = (
                self.tr("Installed %1 (%2 labels): the kiosk switches to it the next time the "
                        "counter is empty.")
                .replace("%1", model.file)
                .replace("%2", str(len(model.labels)))
            )  # fmt: skip
        unseen, off_sale = report.coverage.unseen, report.coverage.off_sale
        if unseen:
            text += " " + self.tr(
                "It does not recognise %n product(s) on sale: staff add them by hand.", "",
                len(unseen),
            )  # fmt: skip
        if off_sale:
            text += " " + self.tr("Labels of products off sale: %1.").replace(
                "%1", ", ".join(off_sale)
            )
        if report.overridden_by:
            text += " " + self.tr(
                "But the settings name a model file (%1) and the kiosk runs that one."
            ).replace("%1", report.overridden_by)
        self.status.setText(text)
        self._check_model()

    def _model_rolled_back(self, answer: tuple[Any, Any]) -> None:
        left, now = answer
        text = self.tr("Back to %1 (instead of %2): the kiosk switches the next time the "
                       "counter is empty.")  # fmt: skip
        self.status.setText(text.replace("%1", now.file).replace("%2", left.file))
        self._check_model()

    def _settled(self, answer: tuple[Any, tuple[tuple[Any, ...], Any]]) -> None:
        done, waiting = answer
        self.pages.call("payments", "show_payments", waiting)
        money = format_money(done.amount_cents, done.currency)
        if done.paid:
            text = self.tr("Recorded sale %1 (%2).").replace("%1", done.receipt_no or "")
            self.status.setText(text.replace("%2", money))
            self.sales.reload()
        else:
            self.status.setText(self.tr("Closed as not paid (%1).").replace("%1", money))

    def _shows(self, page: str, method: str) -> Any:
        """A handler that gives an answer to a page's ``method``, or keeps it for the page
        until staff first look at it."""
        return lambda answer: self.pages.call(page, method, answer)

    def _change_staff(self, name: str, role: str, active: bool, pin: str | None) -> None:
        self._run(
            lambda session: tasks.change_staff_member(
                session, name, actor=self.actor, role=role, active=active, pin=pin
            ),
            "staff_changed",
        )

    def _changed(self, show: Any, answer: Any, text: str) -> None:
        """A tab's list as the catalog has it after a change, and what was done."""
        show(answer)
        self.status.setText(text)

    def _imported(self, answer: tuple[Any, tuple[Product, ...]]) -> None:
        result, products = answer
        self._show_products(products)
        text = self.tr("Imported: %1 new, %2 changed, %3 as they were.")
        for n, count in enumerate((result.created, result.updated, result.unchanged), start=1):
            text = text.replace(f"%{n}", str(count))
        if result.encoding != "utf-8":
            text += " " + self.tr(
                "The file was read as Windows-1252 (Excel's plain CSV): check the names "
                "with accents."
            )
        if result.base_numbers:
            relabelled = self.tr("Scale labels stored as their product's number: %1.")
            text += " " + relabelled.replace("%1", str(len(result.base_numbers)))
        self.status.setText(text)
        self._run(tasks.load_offers, "offers")  # the offers' product list names them too

    def _show_products(self, products: tuple[Product, ...]) -> None:
        self.products.show_products(products)
        self.pages.call("enrol", "show_products", products)

    def _saved(self, answer: tuple[Any, tuple[Product, ...]]) -> None:
        done, products = answer
        self.products.saved(done.product, products)
        self.pages.call("enrol", "show_products", products)
        text = self.tr("Added %1.") if done.created else self.tr("Saved %1.")
        text = text.replace("%1", f"{done.product.sku} {done.product.name}")
        for label, owner in done.moved:
            moved = self.tr("%1 is no longer recognised as %2.")
            text += " " + moved.replace("%1", f"{owner.sku} {owner.name}").replace("%2", label)
        self.status.setText(text)
        self._run(tasks.load_offers, "offers")  # the offers' product list names it too

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
        self.sales.reload()

    def _sales_exported(self, done: Any) -> None:
        days = (
            done.first.isoformat()
            if done.first == done.last
            else self.tr("%1 to %2")
            .replace("%1", done.first.isoformat())
            .replace("%2", done.last.isoformat())
        )
        text = (
            self.tr("Exported the sales of %1 to %4 and %5 (receipts: %2, refunds: %3).")
            .replace("%1", days)
            .replace("%2", str(done.sales))
            .replace("%3", str(done.refunds))
            .replace("%4", str(done.lines))
            .replace("%5", done.taxes.name)
        )
        self.status.setText(text)

    def _refund(self, receipt: str, quantities: dict, reason: str, method: str, key: str) -> None:
        self._run(
            tasks.refund_items, "refunded", receipt, quantities, reason, method, self.actor, key
        )
