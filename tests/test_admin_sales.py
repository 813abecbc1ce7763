"""The admin screen's Sales tab steps through the store's days (a real sale in the real ledger)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QTextDocument

from catalog.db import connect
from catalog.models import SaleLine
from catalog.sales import record_sale
from tests.catalog_fixtures import draft
from tests.test_ui_worker import idle_kiosk, open_admin
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture


def sell_one(kiosk: Kiosk, *lines: SaleLine) -> None:
    db = connect(kiosk.settings.paths.database)
    try:
        record_sale(db, draft("sale-today", *lines))
    finally:
        db.conn.close()


def test_the_day_shows_product_names_as_the_store_wrote_them(qtbot, idle_kiosk) -> None:
    # The Sales tab is rich text: a name with "<" or "&" in it must not be read as markup.
    name = "Fish & Chips <large> &amp; co"
    sell_one(idle_kiosk, SaleLine("1001", name, 2, 350, 700, 1900, 0))
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.summary.text(), timeout=5_000)
    shown = QTextDocument()
    shown.setHtml(dialog.sales.summary.text())
    assert f"\n{name}\n2\n€7.00\n" in shown.toPlainText()


def test_the_day_counts_the_bottle_vouchers_taken(qtbot, idle_kiosk) -> None:
    cans = SaleLine("1001", "Fizz Cola can 330 ml", 6, 129, 774, 1900, 124)
    voucher = SaleLine("9800042003257", "Bottle voucher", 1, -325, -325, 1900, -52, "voucher")
    sell_one(idle_kiosk, cans, voucher)
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.summary.text(), timeout=5_000)
    shown = QTextDocument()
    shown.setHtml(dialog.sales.summary.text())
    text = shown.toPlainText()
    assert "Takings: €4.49" in text and "Bottle vouchers: 1, -€3.25" in text


def test_staff_look_at_the_day_before_and_come_back_to_today(qtbot, idle_kiosk) -> None:
    sell_one(idle_kiosk)
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.summary.text(), timeout=5_000)
    today = dialog.sales.today
    assert today is not None and not dialog.sales.day_after.isEnabled()
    assert not dialog.sales.back_to_today.isEnabled()
    dialog.sales.day_before.click()
    yesterday = (today - timedelta(days=1)).isoformat()
    qtbot.waitUntil(
        lambda: f"Sales on {yesterday}: 0" in dialog.sales.summary.text(), timeout=5_000
    )
    assert dialog.sales.day_after.isEnabled() and dialog.sales.back_to_today.isEnabled()
    dialog.sales.day_before.click()
    before = (today - timedelta(days=2)).isoformat()
    qtbot.waitUntil(lambda: f"Sales on {before}: 0" in dialog.sales.summary.text(), timeout=5_000)
    dialog.sales.back_to_today.click()
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.summary.text(), timeout=5_000)
    assert dialog.sales.day == today and not dialog.sales.day_after.isEnabled()
    dialog.sales.day_after.click()  # never into the future, even if asked
    qtbot.wait(200)
    assert dialog.sales.day == today and isinstance(today, date)


def test_a_supervisor_exports_the_day_and_the_month_for_the_accountant(
    qtbot, idle_kiosk, tmp_path
) -> None:
    from tests.test_admin_import import pick

    sell_one(idle_kiosk)
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: "Sales today: 1" in dialog.sales.summary.text(), timeout=5_000)
    today = dialog.sales.today
    assert today is not None
    pick(qtbot, dialog.sales, dialog.sales.export_day, stick)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported"), timeout=5_000)
    day_file = stick / f"sales-{today.isoformat()}.csv"
    assert dialog.status.text() == (
        f"Exported the sales of {today.isoformat()} to {day_file} and "
        f"sales-tax-{today.isoformat()}.csv (receipts: 1, refunds: 0)."
    )
    assert len(day_file.read_text(encoding="utf-8").splitlines()) == 2  # header, one line

    dialog.status.clear()
    pick(qtbot, dialog.sales, dialog.sales.export_month, stick)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported"), timeout=5_000)
    first = today.replace(day=1)
    span = today.isoformat() if first == today else f"{first.isoformat()}_{today.isoformat()}"
    assert (stick / f"sales-{span}.csv").read_text(encoding="utf-8") == day_file.read_text(
        encoding="utf-8"
    )
    assert (stick / f"sales-tax-{span}.csv").is_file()


def test_a_cashier_cannot_take_the_sales_away(qtbot, idle_kiosk, tmp_path) -> None:
    from tests.test_admin_import import pick
    from tests.test_ui_worker import add_cashier

    add_cashier(idle_kiosk, "Bo")
    dialog = open_admin(qtbot, idle_kiosk.window, "Bo")
    qtbot.waitUntil(lambda: dialog.sales.today is not None, timeout=5_000)
    pick(qtbot, dialog.sales, dialog.sales.export_day, tmp_path)
    qtbot.waitUntil(lambda: "Could not do that" in dialog.status.text(), timeout=5_000)
    assert "Bo is a cashier: a supervisor or manager exports the sales" in dialog.status.text()
    assert not list(tmp_path.glob("sales-*.csv"))


@pytest.mark.parametrize("language", ["en", "es", "de", "fr"])
def test_the_admin_screen_fits_a_1280_x_800_kiosk_screen_in_every_language(
    qtbot, idle_kiosk: Kiosk, language: str
) -> None:
    """The Sales tab's buttons in one row once made the Spanish dialog 1377 px wide; a fourth
    button in the Teach the camera tab's column made it 812 px tall."""
    from ui.i18n import install_translator

    try:
        assert install_translator(language) == language
        dialog = open_admin(qtbot, idle_kiosk.window)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.sales.today is not None, timeout=5_000)
        dialog.pages.make_all()  # tabs are made when first looked at
        widest = max(
            dialog.tabs.widget(i).minimumSizeHint().width() for i in range(dialog.tabs.count())
        )
        tallest = max(
            dialog.tabs.widget(i).minimumSizeHint().height() for i in range(dialog.tabs.count())
        )
        assert dialog.minimumSizeHint().width() <= 1240 and widest <= 1200
        assert dialog.minimumSizeHint().height() <= 760 and tallest <= 600, tallest
    finally:
        install_translator("en")


def test_a_supervisor_backs_up_onto_a_usb_stick_and_the_copy_holds_the_day(
    qtbot, idle_kiosk, tmp_path
) -> None:
    import re

    from catalog.audit import list_entries
    from catalog.backup import list_backups
    from catalog.sales import list_sales
    from tests.test_admin_import import pick
    from tests.test_ui_worker import add_cashier

    sell_one(idle_kiosk)
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = open_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: dialog.sales.today is not None, timeout=5_000)
    pick(qtbot, dialog.sales, dialog.sales.back_up, stick)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Backed up"), timeout=5_000)
    (copy,) = list_backups(stick)
    pictures = len(list((stick / "pictures").iterdir()))
    assert pictures == len(list(idle_kiosk.settings.paths.pictures_dir.iterdir())) > 0
    assert dialog.status.text() == (
        f"Backed up to {copy} (1 sales, 19 products; checked), {pictures} new pictures."
    )
    db = connect(copy)
    try:
        assert [s.draft.idempotency_key for s in list_sales(db)] == ["sale-today"]
    finally:
        db.conn.close()
    db = connect(idle_kiosk.settings.paths.database)
    try:
        (entry,) = list_entries(db, action_prefix="catalog.backup")
    finally:
        db.conn.close()
    assert entry.actor == "Demo Manager" and entry.new["file"] == str(copy)

    add_cashier(idle_kiosk, "Bo")
    cashier = open_admin(qtbot, idle_kiosk.window, "Bo")
    qtbot.waitUntil(lambda: cashier.sales.today is not None, timeout=5_000)
    pick(qtbot, cashier.sales, cashier.sales.back_up, tmp_path)
    qtbot.waitUntil(lambda: "Could not do that" in cashier.status.text(), timeout=5_000)
    assert re.search(r"Bo is a cashier: a supervisor or manager backs up", cashier.status.text())
    assert list_backups(tmp_path) == []
