"""Staff on the shopper's window: PIN sign-in, the staff menu, admin, leaving kiosk mode.

Every PIN is checked on the worker thread (scrypt and SQLite are too slow for the UI
thread). While the checkout runs, the PIN goes through the engine (``StaffPin``) so
approvals and overrides are tied to the signed-in staff member; when the kiosk is out of
service, ``pin_checker`` checks it directly so staff can still close the kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.checkout_events import (
    HelpDone,
    StaffAddLine,
    StaffApprove,
    StaffPin,
    StaffRemoveLine,
    StaffVoid,
    VoucherRemoved,
)
from kiosk.checkout_values import CheckoutState, CheckoutView

# Imported with the window, not when staff first open them: importing the staff screens
# took up to 80 ms of the UI thread the first time, the video standing still meanwhile.
from ui.admin import tasks
from ui.admin.correct_dialog import CorrectionDialog
from ui.admin.panel import AdminDialog
from ui.admin.pin_dialog import PinDialog, pin_error_text
from ui.admin.staff_menu import StaffMenu
from ui.messages import engine_text
from ui.worker import TaskResult

if TYPE_CHECKING:
    from ui.kiosk_window import KioskWindow

log = logging.getLogger(__name__)

PinChecker = Callable[[Any, str], str]
SCREEN_UP_MS = 300  # a staff screen is built, laid out and drawn by then
DISPOSE_AFTER_MS = 250  # a closed admin screen goes once the window behind it is drawn again
DISPOSE_STEP_MS = 15  # and a page of it per turn of the event loop, the video running between
SHOPPING = (
    CheckoutState.WELCOME,
    CheckoutState.SCANNING,
    CheckoutState.READY,
    CheckoutState.BLOCKED,
    CheckoutState.HELP,
)


def _engine_pin(session: Any, pin: str) -> Any:
    """Sign staff in through the checkout engine (it records who approves what)."""
    if session is None:
        raise RuntimeError("the kiosk is not running; restart it to sign in")
    return session.command(StaffPin(pin))


def session_pin_checker(session: Any, pin: str) -> str:
    """Check a PIN with the running session's catalog; the staff member's name."""
    if session is None:
        raise RuntimeError("the kiosk is not running; restart it to sign in")
    return str(session.verify_staff(pin))


# What counts as someone at the screen: a touch, a click, a key.
ACTIVITY = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
)


class StaffFlow(QObject):
    """Opens the PIN pad, routes the worker's answer, and runs the staff menu.

    A kiosk stands among shoppers: staff screens left open (price editing, refunds) close
    by themselves after ``idle_seconds`` without a touch, and staff is signed out.
    """

    def __init__(
        self,
        window: KioskWindow,
        pin_checker: PinChecker = session_pin_checker,
        *,
        idle_seconds: float = 90.0,
    ):
        super().__init__(window)
        self.idle_seconds = idle_seconds
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(round(idle_seconds * 1000))
        self._idle.timeout.connect(self.sign_out_idle)
        self.window = window
        self.pin_checker = pin_checker
        self.pin_dialog: PinDialog | None = None
        self.menu: StaffMenu | None = None
        self.admin: Any = None
        self.correction: Any = None
        self._products_token = 0
        self._pin_token = 0
        self._direct = False
        self._menu_pending = False  # the PIN was right: the menu opens in the next turn
        self.staff_name: str | None = None

    def warm_up(self) -> None:
        """Build and draw each staff screen a shopper may see opened (PIN pad, staff menu,
        basket correction, admin) once, unseen, at start-up, with the idle filter in place
        as it is while staff screens are open. Every event then passes through the filter,
        and PySide makes a Python value for each of Qt's unnamed event types the first time
        one passes: the first correction screen took 40-60 ms of the UI thread that way, with
        the video standing still in front of the shopper who called for help (now about
        5 ms). Drawing each once takes the first paint's own costs (the first admin screen's
        paint: 30-48 ms, now as the later ones)."""
        app = QApplication.instance()
        if app is not None:  # the idle filter is in place while staff screens are open
            app.installEventFilter(self)
        try:
            screens = (
                PinDialog("", self.window),
                StaffMenu("", None, False, self.window),
                CorrectionDialog(self.window.pictures, self.window),
                AdminDialog(self.window.worker, "", self.window, load=False),
            )
            for screen in screens:
                screen.ensurePolished()
                screen.adjustSize()  # lays it out as opening it would
                screen.grab()  # and draws it once, off the screen
                screen.deleteLater()
        finally:
            if app is not None:
                app.removeEventFilter(self)

    def sign_in(self) -> None:
        """Open the PIN pad; while shopping the engine checks it (and goes to HELP)."""
        if self.pin_dialog is not None or self.menu is not None:
            return
        view = self.window.view
        shopping = view is not None and view.state in SHOPPING
        self._direct = self.window.out_of_service or not shopping
        dialog = PinDialog(self.tr("Staff: enter your PIN"), self.window)
        dialog.pinEntered.connect(self._check)
        dialog.finished.connect(self._pin_closed)
        self.pin_dialog = dialog
        dialog.open()
        self._screens_changed()

    def _check(self, pin: str) -> None:
        worker = self.window.worker
        if self._direct:
            checker = self.pin_checker
            self._pin_token = worker.submit(lambda session: checker(session, pin))
        else:
            self._pin_token = worker.submit(partial(_engine_pin, pin=pin))

    def task_done(self, result: TaskResult) -> None:
        """Answers from the worker: PIN checks here, admin tasks in the admin dialog."""
        if self.admin is not None:
            self.admin.task_done(result)
        if result.token == self._products_token and self.correction is not None:
            self._products_token = 0
            if result.error is None:
                self.correction.show_products(result.value)
            else:
                self.correction.status.setText(engine_text(result.error))
            return
        if result.token != self._pin_token or self.pin_dialog is None:
            return
        self._pin_token = 0
        if result.error is not None:
            self.pin_dialog.show_error(pin_error_text(result.exception, result.error))
            return
        if self._direct:
            self.staff_name = str(result.value)
            self.pin_dialog.accept_staff(self.staff_name)
            self._menu_next_turn()
            return
        view: CheckoutView = result.value
        self.window.show_view(view)
        if view.staff:
            self.staff_name = view.staff
            self.pin_dialog.accept_staff(view.staff)
            self._menu_next_turn()
        else:
            self.pin_dialog.show_error(engine_text(view.message) or self.tr("Wrong PIN."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any touch or key while staff screens are open restarts their idle clock."""
        if self._idle.isActive() and event.type() in ACTIVITY:
            self._idle.start()
        return False

    @property
    def screens_open(self) -> bool:
        """A staff screen is up over the window (or the menu is about to be): the window
        behind it takes no touch."""
        return bool(
            self.pin_dialog or self.menu or self.admin or self.correction or self._menu_pending
        )

    def _screens_changed(self) -> None:
        # The filter sees every event of the application: only while staff screens are open,
        # so shopping (30 frames a second) never pays for it.
        app = QApplication.instance()
        if self.screens_open:
            if not self._idle.isActive():
                self._idle.start()
                if app is not None:
                    app.installEventFilter(self)
        else:
            self._idle.stop()
            if app is not None:
                app.removeEventFilter(self)

    def sign_out_idle(self) -> None:
        """Nobody touched the staff screens for ``idle_seconds``: close them, sign out."""
        log.info("staff %s signed out after %.0f s without a touch",
                 self.staff_name or "(not signed in)", self.idle_seconds)  # fmt: skip
        for dialog in (self.correction, self.admin, self.menu, self.pin_dialog):
            if dialog is not None:
                dialog.reject()
        if not self._direct:
            self.window.worker.post(HelpDone())
        self.staff_name = None

    def _pin_closed(self) -> None:
        _dispose(self.pin_dialog)
        self.pin_dialog = None
        self._screens_changed()

    def _menu_next_turn(self) -> None:
        """The staff menu in the next turn of the event loop: the PIN pad closing and the
        window drawing the help state take this one (together with the menu: 9 ms on a quiet
        machine, 17-25 ms beside the camera's inference on two cores)."""
        self._menu_pending = True
        QTimer.singleShot(0, self, self._open_menu_if_signed_in)

    def _open_menu_if_signed_in(self) -> None:
        self._menu_pending = False
        if self.staff_name is not None and self.menu is None and self.pin_dialog is None:
            self._open_menu()

    def _open_menu(self) -> None:
        menu = StaffMenu(self.staff_name or "", self.window.view, self._direct, self.window)
        menu.actionChosen.connect(self.act)
        menu.finished.connect(self._menu_closed)
        self.menu = menu
        menu.open()
        self._screens_changed()

    def _menu_closed(self) -> None:
        _dispose(self.menu)
        self.menu = None
        self._screens_changed()

    def act(self, action: str) -> None:
        """Carry out a staff menu choice."""
        worker = self.window.worker
        events = {"approve": StaffApprove(), "void": StaffVoid(), "done": HelpDone()}
        if action in events:
            if not self._direct:
                worker.post(events[action])
            if action == "done" and self.menu is not None:
                self.menu.accept()
        elif action == "vouchers" and self.window.view is not None and not self._direct:
            for voucher in self.window.view.basket.vouchers:
                worker.post(VoucherRemoved(voucher.code))
        elif action == "correct":
            self._open_correction()
        elif action == "admin":
            self._open_admin()
        elif action == "exit":
            log.info("staff %s closed the kiosk", self.staff_name)
            self.window.allow_close = True
            if self.menu is not None:
                self.menu.accept()
            self.window.close()
            QApplication.quit()

    @contextmanager
    def _building(self) -> Iterator[None]:
        """Building and first showing a staff screen sends thousands of events that are not
        a touch: the idle filter steps aside until the screen is up (through it, the admin
        screen took 170 ms of the UI thread to open instead of about 100). A touch in that
        moment restarts no clock that had not just started anyway."""
        app = QApplication.instance()
        if app is not None and self._idle.isActive():
            app.removeEventFilter(self)
        try:
            yield
        finally:
            QTimer.singleShot(SCREEN_UP_MS, self._watch_again)

    def _watch_again(self) -> None:
        app = QApplication.instance()
        if app is not None and self._idle.isActive():
            app.installEventFilter(self)

    def _open_admin(self) -> None:
        """The admin screen in three turns of the event loop, each well under the UI
        thread's 20 ms (all in one took 85-120 ms, the video standing still): built outside
        the window, where no style sheet applies yet; then given to the window, which styles
        it; then shown, and only then filled."""
        view = self.window.view
        currency = view.basket.currency if view is not None else "EUR"
        with self._building():
            # Its data is asked for once it is up (_show): the answers then come after its
            # first paint, not in the same turn of the event loop (together 20-25 ms).
            admin = AdminDialog(
                self.window.worker,
                self.staff_name or "staff",
                None,
                currency=currency,
                pictures=self.window.pictures,
                load=False,
            )
        admin.pages.around = self._building  # its tabs made later: without the filter too
        admin.finished.connect(self._admin_closed)
        self.admin = admin
        self._screens_changed()
        QTimer.singleShot(0, lambda: self._adopt(admin))

    def _adopt(self, admin: AdminDialog) -> None:
        if self.admin is not admin:
            return  # closed meanwhile (staff signed out)
        with self._building():
            admin.setParent(self.window, admin.windowFlags())
            admin.fit_to(self.window)
            admin.ensurePolished()  # the style sheet now, not when it is first shown
        QTimer.singleShot(0, lambda: self._show(admin))

    def _show(self, admin: AdminDialog) -> None:
        if self.admin is admin:
            with self._building():
                admin.open()
            QTimer.singleShot(0, admin, admin.load)

    def _open_correction(self) -> None:
        worker = self.window.worker
        with self._building():
            dialog = CorrectionDialog(self.window.pictures, self.window)
            dialog.removeRequested.connect(lambda sku: worker.post(StaffRemoveLine(sku, 1)))
            dialog.addRequested.connect(lambda sku: worker.post(StaffAddLine(sku, 1)))
            self.window.viewShown.connect(dialog.show_view)
            if self.window.view is not None:
                dialog.show_view(self.window.view)
            dialog.finished.connect(self._correction_closed)
            self.correction = dialog
            self._products_token = worker.submit(tasks.addable_products)
            dialog.open()
        self._screens_changed()

    def _correction_closed(self) -> None:
        if self.correction is not None:
            self.window.viewShown.disconnect(self.correction.show_view)
        _dispose(self.correction)
        self.correction = None
        self._screens_changed()

    def _admin_closed(self) -> None:
        if self.admin is not None:
            self.admin.pages.stop()
            _dispose_in_steps(self.admin, self.admin.pages.made_pages())
        self.admin = None
        self._screens_changed()

    def view_changed(self, view: CheckoutView) -> None:
        """Close the staff menu when the engine signs staff out."""
        signed_out = view.staff is None and view.state is not CheckoutState.HELP
        if not self._direct and signed_out:
            for dialog in (self.correction, self.menu):
                if dialog is not None:
                    dialog.accept()


def _dispose(screen: QWidget | None) -> None:
    """A closed staff screen goes: the window would otherwise keep every PIN pad, menu and
    admin screen ever opened (an admin screen is nine tabs of widgets)."""
    if screen is not None:
        screen.deleteLater()


def _dispose_in_steps(screen: QWidget, parts: list[QWidget]) -> None:
    """The admin screen goes in steps: deleted at once, with the window behind it drawn in
    the same turn, its nine tabs took 9-13 ms of the UI thread (closing it stood the video
    still for 19-21 ms). Each page takes 1-6 ms alone: one per turn, after the window is
    drawn again; then the screen itself. Timers on the screen die with it (a kiosk closed
    meanwhile deletes it with the window)."""

    def next_part() -> None:
        if parts:
            parts.pop().deleteLater()
            QTimer.singleShot(DISPOSE_STEP_MS, screen, next_part)
        else:
            screen.deleteLater()

    QTimer.singleShot(DISPOSE_AFTER_MS, screen, next_part)
