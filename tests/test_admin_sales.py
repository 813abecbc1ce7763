"""The admin screen's Sales tab steps through the store's days (a real sale in the real ledger)."""

from __future__ import annotations

from datetime import date, timedelta

from catalog.db import connect
from catalog.sales import record_sale
from tests.catalog_fixtures import draft
from tests.test_ui_worker import idle_kiosk, open_admin
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture


def sell_one(kiosk: Kiosk) -> None:
    db = connect(kiosk.settings.paths.database)
    try:
        record_sale(db, draft("sale-today"))
    finally:
        db.conn.close()


def test_staff_look_at_the_day_before_and_come_back_to_today(qtbot, idle_kiosk) -> None:
    sell_one(idle_kiosk)
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.text(), timeout=5_000)
    today = dialog.today
    assert today is not None and not dialog.day_after.isEnabled()
    assert not dialog.back_to_today.isEnabled()
    dialog.day_before.click()
    yesterday = (today - timedelta(days=1)).isoformat()
    qtbot.waitUntil(lambda: f"Sales on {yesterday}: 0" in dialog.sales.text(), timeout=5_000)
    assert dialog.day_after.isEnabled() and dialog.back_to_today.isEnabled()
    dialog.day_before.click()
    before = (today - timedelta(days=2)).isoformat()
    qtbot.waitUntil(lambda: f"Sales on {before}: 0" in dialog.sales.text(), timeout=5_000)
    dialog.back_to_today.click()
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.text(), timeout=5_000)
    assert dialog.sales_day == today and not dialog.day_after.isEnabled()
    dialog.day_after.click()  # never into the future, even if asked
    qtbot.wait(200)
    assert dialog.sales_day == today and isinstance(today, date)
