"""A scripted member of staff for ``kiosk self-test --staff``.

Every so often, while no payment is under way, staff sign in on the real PIN pad with the
demo store's PIN, open the screen that corrects the basket and close it, open the admin
screen, look at each of its tabs, close it and hand the kiosk back to the shopper. A soak
then goes through the staff screens as a day at a real kiosk does: each visit used to leave
its screens behind in the window (an admin screen is nine tabs of widgets, about 11 MB),
which only a run that signs in many times can catch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from catalog.demo import DEMO_PIN
from kiosk.checkout_values import CheckoutState

if TYPE_CHECKING:
    from ui.kiosk_window import KioskWindow

STEP_MS = 400  # a member of staff's pace between taps
GIVE_UP_MS = 10_000  # a screen that has not come up by then counts as a failed visit
BETWEEN = (CheckoutState.WELCOME, CheckoutState.SCANNING, CheckoutState.READY)


class ScriptedStaff(QObject):
    """Visits the admin screen every ``every_ms`` when the kiosk is between payments."""

    def __init__(self, window: KioskWindow, every_ms: int = 60_000) -> None:
        super().__init__()
        self.window = window
        self.every_ms = every_ms
        self.visits = 0  # admin screens opened, looked through and closed
        self.corrections = 0  # correction screens opened and closed
        self.failures: list[str] = []
        self._waited_ms = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self._next = self._sign_in
        self._tab = 0

    def start(self) -> None:
        self._later(self._sign_in, self.every_ms)

    def stop(self) -> None:
        self._timer.stop()

    @property
    def busy(self) -> bool:
        """Staff are at the kiosk (a visit started and has not ended)."""
        return self._next is not self._sign_in

    def _later(self, step: Callable[[], None], ms: int = STEP_MS) -> None:
        self._next = step
        self._timer.start(ms)

    def _step(self) -> None:
        self._next()

    def _sign_in(self) -> None:
        view = self.window.view
        staff = self.window.staff
        if view is None or view.state not in BETWEEN or staff.pin_dialog or staff.menu:
            self._later(self._sign_in, 1000)  # a payment or a receipt: come back shortly
            return
        staff.sign_in()
        self._waited_ms = 0
        self._later(self._type_pin)

    def _wait(self, step: Callable[[], None], what: str) -> None:
        """Try ``step`` again shortly, or give the visit up after :data:`GIVE_UP_MS`."""
        self._waited_ms += STEP_MS
        if self._waited_ms >= GIVE_UP_MS:
            self.failures.append(f"{what} did not come up")
            self._leave()
        else:
            self._later(step)

    def _type_pin(self) -> None:
        dialog = self.window.staff.pin_dialog
        if dialog is None:
            self._wait(self._type_pin, "the PIN pad")
            return
        for key in DEMO_PIN:
            dialog.press(key)
        dialog.submit()
        self._waited_ms = 0
        self._later(self._open_correction)

    def _choose(self, action: str, retry: Callable[[], None]) -> bool:
        """Tap ``action`` on the staff menu once it is up; False while it is not (or a
        kiosk closed for service does not offer it)."""
        menu = self.window.staff.menu
        if menu is None:
            self._wait(retry, "the staff menu")
            return False
        if action not in menu.buttons:
            self.failures.append(f"the staff menu offers no {action!r}")
            self._leave()
            return False
        menu.buttons[action].click()
        self._waited_ms = 0
        return True

    def _open_correction(self) -> None:
        if self._choose("correct", self._open_correction):
            self._later(self._close_correction)

    def _close_correction(self) -> None:
        correction = self.window.staff.correction
        if correction is None or not correction.isVisible():
            self._wait(self._close_correction, "the correction screen")
            return
        correction.accept()
        self.corrections += 1
        self._waited_ms = 0
        self._later(self._open_admin)

    def _open_admin(self) -> None:
        if self._choose("admin", self._open_admin):
            self._tab = 0
            self._later(self._look)

    def _look(self) -> None:
        """Each tab in turn, then close the screen."""
        admin = self.window.staff.admin
        if admin is None or not admin.isVisible():
            self._wait(self._look, "the admin screen")
            return
        if self._tab < admin.tabs.count():
            admin.tabs.setCurrentIndex(self._tab)
            self._tab += 1
            self._later(self._look)
            return
        admin.accept()
        self.visits += 1
        self._later(self._done)

    def _done(self) -> None:
        menu = self.window.staff.menu
        if menu is not None:
            menu.buttons["done"].click()
        self._later(self._sign_in, self.every_ms)

    def _leave(self) -> None:
        """A failed visit: close whatever is open and sign out, as the idle timer would."""
        self.window.staff.sign_out_idle()
        self._later(self._sign_in, self.every_ms)
