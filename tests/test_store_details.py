"""The store's details on receipts (name, address, VAT ID, the foot): kiosk.toml gives them,
a manager changes them on the admin screen or with ``kiosk catalog store``, the catalog keeps
them (audited) and every receipt printed afterwards shows them.

Real parts: the catalog on disk, the CLI, the running kiosk with its worker thread, a sale
paid on the simulated terminal and the receipt file it writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.audit import list_entries
from catalog.db import connect
from catalog.sales import record_sale
from kiosk.checkout_values import CheckoutState
from kiosk.cli import main
from kiosk.config import load_settings
from kiosk.receipt import StoreInfo, receipt_text
from kiosk.store_details import (
    StoreDetails,
    StoreDetailsRefused,
    save_store_details,
    store_info,
    stored,
)
from tests.catalog_fixtures import draft
from tests.test_ui_worker import add_cashier, feed, idle_kiosk, open_admin
from tests.ui_support import demo_settings_in
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture

CORNER = StoreDetails(
    "Corner Shop",
    "Main St 1\n10115 Berlin",
    "DE123456789",
    "Thank you!\nReturns within 14 days with this receipt",
)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A kiosk.toml naming the store, on a demo catalog."""
    settings = demo_settings_in(tmp_path)
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[paths]\ndata_dir = "{settings.paths.data_dir}"\n\n'
        '[store]\nname = "Toml Store"\naddress = "Old Road 5"\n',
        encoding="utf-8",
    )
    return path


def test_the_catalogs_details_win_over_kiosk_toml_and_only_changes_are_kept(
    config: Path,
) -> None:
    settings = load_settings(config)
    db = connect(settings.paths.database)
    now = store_info(settings, db)
    assert now == StoreInfo("Toml Store", ("Old Road 5",), "", ("Thank you for shopping with us!",))

    same_name = StoreDetails("Toml Store", "Old Road 5", "DE1", "")
    save_store_details(db, same_name, "Demo Manager", now)
    assert stored(db) == {"store.tax_id": "DE1"}  # what kiosk.toml says already is not copied
    save_store_details(db, CORNER, "Demo Manager", store_info(settings, db))
    store = store_info(settings, db)
    assert store == StoreInfo(
        "Corner Shop",
        ("Main St 1", "10115 Berlin"),
        "DE123456789",
        ("Thank you!", "Returns within 14 days with this receipt"),
    )
    changes = [(e.action, e.entity, e.actor) for e in list_entries(db) if e.action == "setting.set"]
    assert changes == [
        ("setting.set", "setting:store.tax_id", "Demo Manager"),
        ("setting.set", "setting:store.name", "Demo Manager"),
        ("setting.set", "setting:store.address", "Demo Manager"),
        ("setting.set", "setting:store.tax_id", "Demo Manager"),
        ("setting.set", "setting:store.footer", "Demo Manager"),
    ]

    sale = record_sale(db, draft("k-store"))
    text = receipt_text(sale, store)
    lines = text.splitlines()
    assert [line.strip() for line in lines[:4]] == [
        "Corner Shop", "Main St 1", "10115 Berlin", "VAT ID DE123456789",
    ]  # fmt: skip
    assert lines[-2:] == ["Thank you!", "Returns within 14 days with this receipt"]
    db.conn.close()


def test_details_that_would_not_fit_a_receipt_are_refused_and_nothing_is_saved(
    config: Path,
) -> None:
    settings = load_settings(config)
    db = connect(settings.paths.database)
    too_much = StoreDetails(
        "A store name far too long to fit on a receipt",
        "Main St 1\nA second line of the address that is longer than forty",
        "DE1",
        "1\n2\n3\n4\n5",
    )
    with pytest.raises(StoreDetailsRefused) as refused:
        save_store_details(db, too_much, "Demo Manager", store_info(settings, db))
    assert str(refused.value) == (
        "the name has 45 characters; a receipt line holds 40; line 2 of the address has 54 "
        "characters; a receipt line holds 40; the foot has 5 lines; a receipt takes 4"
    )
    assert stored(db) == {}  # all or nothing
    with pytest.raises(StoreDetailsRefused, match="the store's name is empty"):
        save_store_details(db, StoreDetails(" ", "", "", ""), "Demo Manager", StoreInfo())
    db.conn.close()


def test_kiosk_catalog_store_shows_and_changes_them_and_receipt_copies_follow(
    config: Path, capsys
) -> None:
    settings = load_settings(config)
    db = connect(settings.paths.database)
    sale = record_sale(db, draft("k-cli"))
    db.conn.close()
    cli = ["--config", str(config), "catalog", "store"]
    assert main(cli) == 0
    assert "name:    Toml Store\naddress: Old Road 5\nVAT ID:  -" in capsys.readouterr().out
    code = main([*cli, "--name", "Corner Shop", "--footer", "Thank you!; Open 8-20"])
    out = capsys.readouterr().out
    assert code == 0 and "name:    Corner Shop" in out and "foot:    Thank you!; Open 8-20" in out
    assert main(["--config", str(config), "receipt", sale.receipt_no]) == 0
    copy = capsys.readouterr().out
    assert "Corner Shop" in copy and "Old Road 5" in copy and copy.endswith("Open 8-20\n")
    assert main([*cli, "--name", ""]) == 1
    assert "the store's name is empty" in capsys.readouterr().err


def store_tab(qtbot, kiosk: Kiosk, name: str = "Demo Manager"):
    dialog = open_admin(qtbot, kiosk.window, name)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.store)
    qtbot.waitUntil(lambda: bool(dialog.store.name.text()), timeout=5_000)
    return dialog, dialog.store


def test_a_manager_changes_the_receipt_on_the_admin_screen_and_the_next_sale_prints_it(
    qtbot, idle_kiosk: Kiosk
) -> None:
    dialog, tab = store_tab(qtbot, idle_kiosk)
    assert tab.name.text() == idle_kiosk.settings.store.name
    assert "Thank you for shopping with us!" in tab.preview.text()
    tab.name.setText("Corner Shop")
    tab.address.setPlainText("Main St 1\n10115 Berlin")
    tab.tax_id.setText("DE123456789")
    tab.footer.setPlainText("Thank you!\nReturns within 14 days with this receipt")
    preview = tab.preview.text().splitlines()  # as the printer centres it, before saving
    assert preview[0] == "Corner Shop".center(40) and preview[-1].strip().startswith("Returns")
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5_000)
    dialog.accept()

    window = idle_kiosk.window
    feed(idle_kiosk, "cola-can")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    window.pay_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
    receipt = window.view.receipt
    assert receipt is not None
    paper = idle_kiosk.settings.paths.receipts_dir / f"receipt-{receipt.receipt_no}.txt"
    text = paper.read_text(encoding="utf-8")
    assert text.splitlines()[0].strip() == "Corner Shop" and "VAT ID DE123456789" in text
    assert text.endswith("Thank you!\nReturns within 14 days with this receipt\n")


def test_a_cashier_may_not_change_them_and_a_too_long_line_is_refused_on_the_form(
    qtbot, idle_kiosk: Kiosk
) -> None:
    add_cashier(idle_kiosk, "Bo")
    dialog, tab = store_tab(qtbot, idle_kiosk, "Bo")
    tab.name.setText("Bo's Shop")
    tab.save.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Could not do that"), timeout=5_000)
    assert "Bo is a cashier: a manager changes the store's details" in dialog.status.text()
    dialog.accept()

    dialog, tab = store_tab(qtbot, idle_kiosk)
    assert tab.name.text() == idle_kiosk.settings.store.name  # nothing was saved
    tab.footer.setPlainText("x" * 41)
    tab.save.click()
    assert tab.problem.text() == "line 1 of the foot has 41 characters; a receipt line holds 40"
    qtbot.wait(300)
    assert dialog.status.text() == ""  # never sent to be saved


def test_a_store_that_writes_money_its_own_way_sees_it_on_screen_and_receipt(
    qtbot, tmp_path: Path
) -> None:
    """checkout.money_format = "1.234,56 €" (Spain, Germany): the basket, the receipt screen
    and the paper all write amounts that way."""
    from tests.test_ui_worker import start, stop
    from tests.ui_support import TINY_MODEL, NoFrames
    from ui.app import build_kiosk

    settings = demo_settings_in(
        tmp_path, "0", camera__stall_seconds=600.0, checkout__money_format="1.234,56 €"
    )
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
        feed(kiosk, "cola-can", "apple")
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
        assert window.basket_panel.total_value.text() == "1,74 €"
        model = window.model
        cells = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(4)}
        assert {"1,29 €", "0,45 €"} <= cells
        window.pay_button.click()
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
        assert window.receipt_panel.amount.text() == "1,74 €"
        receipt = window.view.receipt
        paper = settings.paths.receipts_dir / f"receipt-{receipt.receipt_no}.txt"
        lines = paper.read_text(encoding="utf-8").splitlines()
        totals = [line.split() for line in lines if line.startswith("TOTAL")]
        assert totals == [["TOTAL", "1,74", "€"]]
        assert "1,74 €" in receipt.phone_text
    finally:
        stop(kiosk)
