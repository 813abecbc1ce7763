"""The admin screen's Staff tab on a running kiosk: add an account, change its role and PIN,
disable it; only a manager may, and the last active manager stays.

Real parts: the kiosk window with its worker thread, the real catalog file, the real PIN pad.
"""

from __future__ import annotations

import pytest

from catalog import staff
from catalog.audit import list_entries
from catalog.db import connect
from catalog.errors import WrongPin
from tests.test_ui_worker import add_cashier, idle_kiosk, open_admin, type_pin
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture


def staff_tab(qtbot, kiosk: Kiosk, name: str = "Demo Manager"):
    dialog = open_admin(qtbot, kiosk.window, name)
    tab = dialog.staff
    qtbot.waitUntil(lambda: len(tab.members) >= 1, timeout=5_000)
    return dialog, tab


def choose(qtbot, tab, name: str) -> None:
    """Staff tap the account's row: its form opens."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    tab.window().show()
    row = [m.name for m in tab.members].index(name)
    spot = tab.table.visualRect(tab.table.model().index(row, 0)).center()
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert tab.editing() and tab.name.text() == name


def pin_owner(kiosk: Kiosk, pin: str) -> str | None:
    """Whose account ``pin`` opens on this kiosk's pad now (None: refused)."""
    db = connect(kiosk.settings.paths.database)
    try:
        return staff.verify_pin(db, pin).name
    except WrongPin:
        return None
    finally:
        db.conn.close()


def saved(qtbot, dialog, text: str) -> None:
    qtbot.waitUntil(lambda: dialog.status.text() != "", timeout=5_000)
    assert dialog.status.text() == text


def test_a_manager_adds_a_cashier_whose_pin_then_opens_the_staff_pad(qtbot, idle_kiosk) -> None:
    dialog, tab = staff_tab(qtbot, idle_kiosk)
    assert [(m.name, m.role) for m in tab.members] == [("Demo Manager", "manager")]
    tab.start_new()
    tab.name.setText("Ana")
    tab.pin.setText("2580")
    tab.pin_again.setText("2580")
    tab.save.click()
    saved(qtbot, dialog, "Account added.")
    assert not tab.editing() and tab.pin.text() == ""  # no PIN left on the screen
    assert [(m.name, m.role, m.active) for m in tab.members] == [
        ("Ana", "cashier", True),
        ("Demo Manager", "manager", True),
    ]
    dialog.close()
    window = idle_kiosk.window
    window.staff.admin = None
    window.header.staff.click()
    type_pin(qtbot, window, "2580")
    qtbot.waitUntil(lambda: window.staff.menu is not None, timeout=5_000)
    assert window.view.staff == "Ana"
    db = connect(idle_kiosk.settings.paths.database)
    try:
        (entry,) = list_entries(db, entity="staff:Ana")
    finally:
        db.conn.close()
    assert (entry.actor, entry.action) == ("Demo Manager", "staff.create")
    assert "2580" not in str(entry.new)  # the audit log never holds a PIN


def test_two_different_pins_are_refused_before_anything_is_stored(qtbot, idle_kiosk) -> None:
    dialog, tab = staff_tab(qtbot, idle_kiosk)
    tab.start_new()
    tab.name.setText("Ana")
    tab.pin.setText("2580")
    tab.pin_again.setText("2589")
    tab.save.click()
    assert tab.problem.text() == "The two PINs differ: type the new PIN twice."
    tab.pin_again.setText("2580")
    tab.pin.setText("25")
    tab.pin_again.setText("25")
    tab.save.click()
    qtbot.waitUntil(lambda: "4 to 8 digits" in dialog.status.text(), timeout=5_000)
    assert tab.editing()  # the form stays to be corrected
    assert pin_owner(idle_kiosk, "2580") is None


def test_a_manager_promotes_disables_and_gives_a_new_pin(qtbot, idle_kiosk) -> None:
    add_cashier(idle_kiosk, "Bo")  # PIN 5555
    dialog, tab = staff_tab(qtbot, idle_kiosk)
    qtbot.waitUntil(lambda: len(tab.members) == 2, timeout=5_000)
    choose(qtbot, tab, "Bo")
    tab.role.setCurrentIndex(tab.role.findData("supervisor"))
    tab.pin.setText("7777")
    tab.pin_again.setText("7777")
    tab.save.click()
    saved(qtbot, dialog, "Account saved.")
    assert (tab.members[0].name, tab.members[0].role) == ("Bo", "supervisor")
    assert pin_owner(idle_kiosk, "7777") == "Bo" and pin_owner(idle_kiosk, "5555") is None
    dialog.status.clear()
    choose(qtbot, tab, "Bo")
    tab.active.setChecked(False)
    tab.save.click()  # no PIN typed: the present one is kept, and now refused
    saved(qtbot, dialog, "Account saved.")
    assert tab.table.item(0, 2).text() == "disabled"
    assert pin_owner(idle_kiosk, "7777") is None


def test_the_last_active_manager_cannot_be_disabled_or_demoted(qtbot, idle_kiosk) -> None:
    dialog, tab = staff_tab(qtbot, idle_kiosk)
    for change in ("disable", "demote"):
        dialog.status.clear()
        choose(qtbot, tab, "Demo Manager")
        if change == "disable":
            tab.active.setChecked(False)
        else:
            tab.role.setCurrentIndex(tab.role.findData("cashier"))
        tab.save.click()
        qtbot.waitUntil(lambda: "only active manager" in dialog.status.text(), timeout=5_000)
    assert pin_owner(idle_kiosk, "1234") == "Demo Manager"
    db = connect(idle_kiosk.settings.paths.database)
    try:
        assert [(m.role, m.active) for m in staff.list_staff(db)] == [("manager", True)]
    finally:
        db.conn.close()


@pytest.mark.parametrize("role", ["cashier", "supervisor"])
def test_only_a_manager_changes_staff_accounts(qtbot, idle_kiosk, role: str) -> None:
    db = connect(idle_kiosk.settings.paths.database)
    try:
        staff.add_staff(db, "Bo", "5555", role, actor="test")
    finally:
        db.conn.close()
    dialog, tab = staff_tab(qtbot, idle_kiosk, "Bo")
    tab.start_new()
    tab.name.setText("Eve")
    tab.pin.setText("3690")
    tab.pin_again.setText("3690")
    tab.save.click()
    qtbot.waitUntil(lambda: "a manager manages staff" in dialog.status.text(), timeout=5_000)
    assert pin_owner(idle_kiosk, "3690") is None
