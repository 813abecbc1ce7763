"""``kiosk doctor`` on a real kiosk home: demo catalog, the bundled model, the demo video as
the camera, and the ways a store gets them wrong."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from catalog import products
from catalog.db import connect
from kiosk.cli import main
from kiosk.config import load_settings
from kiosk.doctor import run_checks
from tests.bridge_sim import BridgeSim


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "kiosk"))
    monkeypatch.setenv("KIOSK_CAMERA_SOURCE", "demo")
    monkeypatch.setenv("KIOSK_UI_SPEECH", "off")  # whether espeak-ng is here: its own test
    assert main(["catalog", "init", "--demo"]) == 0
    return tmp_path / "kiosk"


def levels(findings, topic: str) -> list[str]:
    return [f.level for f in findings if f.topic == topic]


def texts(findings, level: str) -> str:
    return "\n".join(f.text for f in findings if f.level == level)


def test_the_demo_kiosk_is_ready_but_must_change_the_demo_pin(home: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ready"] is True
    findings = report["findings"]
    assert {f["topic"] for f in findings} == {
        "settings",
        "model",
        "catalog",
        "staff",
        "disk",
        "clock",
        "payments",
        "receipts",
        "language",
        "printer",
        "captures",
        "pictures",
        "speech",
        "counter",
        "camera",
    }
    warnings = sorted(f["text"] for f in findings if f["level"] == "warn")
    assert len(warnings) == 3
    assert "still has the demo PIN 1234" in warnings[0]
    assert "card payments are simulated and take no money" in warnings[1]
    assert warnings[2] == (
        "receipts carry the name \"Vision Checkout\" (the kiosk's own, not the store's) and no "
        "VAT ID: set the store's on the admin screen (Store) or with kiosk catalog store "
        "--name NAME --tax-id ID"
    )


def test_a_new_pin_and_a_real_terminal_clear_the_warnings(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("8642\n"))
    assert main(["catalog", "staff", "pin", "Demo Manager"]) == 0
    store = ["catalog", "store", "--name", "Corner Shop", "--tax-id", "DE123456789"]
    assert main(store) == 0
    bridge = BridgeSim().start()
    try:
        monkeypatch.setenv("KIOSK_PAYMENT_TERMINAL", bridge.url)
        findings = run_checks(None)
        assert texts(findings, "warn") == "" and texts(findings, "fail") == ""
        assert "1 active staff accounts" in texts(findings, "ok")
        assert "terminal T1 ready" in texts(findings, "ok")
        assert "receipts are headed Corner Shop, VAT ID DE123456789" in texts(findings, "ok")
        bridge.ready = False
        assert levels(run_checks(None, camera=False), "payments")[-1] == "fail"
    finally:
        bridge.stop()
    assert "not reachable" in texts(run_checks(None, camera=False), "fail")


def test_a_label_the_model_reports_but_nothing_sells_fails(home: Path, capsys) -> None:
    db = connect(home / "data" / "catalog.sqlite")
    products.delete_label(db, "cola-can", actor="test")
    db.conn.close()
    findings = run_checks(None, camera=False)
    assert "the model recognises cola-can but no product on sale has that label" in texts(
        findings, "fail"
    )
    # The can has a barcode: shoppers scan it meanwhile. Without one, staff add it by hand.
    sold_by_scan = "3 products on sale the camera cannot recognise are sold by their barcode"
    assert f"{sold_by_scan} (1001, 2002, 2101)" in texts(findings, "ok")  # and the birthday card
    db = connect(home / "data" / "catalog.sqlite")
    products.upsert_product(db, replace(products.get_product(db, "1001"), barcode=""), "test")
    db.conn.close()
    findings = run_checks(None, camera=False)
    assert "1 products on sale the camera cannot recognise (1001)" in texts(findings, "warn")
    capsys.readouterr()
    assert main(["doctor", "--no-camera"]) == 1
    assert "not ready to sell" in capsys.readouterr().out


def test_a_missing_model_fails_and_the_rest_is_still_checked(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DETECTOR_MODEL", str(home / "store.onnx"))
    findings = run_checks(None, camera=False)
    assert levels(findings, "model") == ["fail"] and "store.onnx" in texts(findings, "fail")
    assert levels(findings, "catalog")[0] == "ok" and levels(findings, "disk") == ["ok", "ok"]


def test_no_catalog_a_damaged_catalog_and_no_camera_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    database = home / "data" / "catalog.sqlite"
    connect(database).conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(database.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # two pages of the tables overwritten
    database.write_bytes(bytes(data))
    for leftover in database.parent.glob("catalog.sqlite-*"):
        leftover.unlink()
    monkeypatch.setenv("KIOSK_CAMERA_SOURCE", str(tmp_path / "unplugged.mp4"))
    findings = run_checks(None)
    failed = texts(findings, "fail")
    assert levels(findings, "catalog")[0] == "fail"
    assert "not found" in failed  # the camera

    database.unlink()
    findings = run_checks(None, camera=False)
    assert "no catalog at" in texts(findings, "fail") and "kiosk catalog init" in texts(
        findings, "fail"
    )


def test_a_catalog_from_a_newer_kiosk_fails_with_the_way_back(home: Path) -> None:
    """What a rollback past a schema migration looks like."""
    db = connect(home / "data" / "catalog.sqlite")
    db.conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '')"
    )
    db.conn.close()
    failed = texts(run_checks(None, camera=False), "fail")
    assert "schema version 99, written by a newer kiosk program" in failed
    assert "restore the copy taken before the upgrade" in failed


def test_a_catalog_the_kiosk_has_not_upgraded_yet_is_still_read(home: Path) -> None:
    """The program upgraded, the kiosk not started since: the doctor reads the catalog as it
    is (without migrating it), products with no deposit column included."""
    from catalog.migrations import LATEST_VERSION

    db = connect(home / "data" / "catalog.sqlite")
    db.conn.execute("ALTER TABLE products DROP COLUMN deposit_cents")  # as before migration 9
    db.conn.execute("DELETE FROM schema_migrations WHERE version = ?", (LATEST_VERSION,))
    db.conn.close()
    findings = run_checks(None, camera=False)
    assert f"has schema version {LATEST_VERSION - 1}; the kiosk brings it" in texts(
        findings, "warn"
    )
    assert "19 products on sale" in texts(findings, "ok")


def test_captures_are_counted_and_a_folder_that_takes_no_files_is_a_warning(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.config import load_settings
    from kiosk.doctor import check_captures
    from tests.test_captures import stored

    stored(home / "data" / "captures", 2)
    settings = load_settings(None)
    (finding,) = check_captures(settings)
    assert finding.level == "ok" and finding.text.startswith("2 pictures of staff corrections")
    blocker = home / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("KIOSK_PATHS_CAPTURES_DIR", str(blocker))
    (finding,) = check_captures(load_settings(None))
    assert finding.level == "warn" and "takes no files" in finding.text
    monkeypatch.setenv("KIOSK_CAPTURES_ENABLED", "false")
    (finding,) = check_captures(load_settings(None))
    assert finding.level == "ok" and finding.text.startswith("off")


def test_missing_product_pictures_are_a_warning_naming_the_products(home: Path) -> None:
    from catalog.pictures import PictureStore
    from kiosk.config import load_settings
    from kiosk.doctor import check_pictures

    settings = load_settings(None)
    (ok,) = check_pictures(settings)
    assert ok.level == "ok" and ok.text.startswith("19 of 19 products on sale show a picture")
    db = connect(settings.paths.database)
    try:
        lost = [products.get_product(db, sku).image for sku in ("1001", "1015")]
    finally:
        db.conn.close()
    store = PictureStore(settings.paths.pictures_dir)
    store.path(lost[0]).unlink()
    store.path(lost[1]).write_bytes(b"garbled")
    ok, warning = check_pictures(settings)
    assert ok.text.startswith("17 of 19 products on sale show a picture")
    assert warning.level == "warn" and warning.text.startswith(
        "2 pictures missing or unreadable (1001, 1015): those products are shown without one"
    )


def test_speech_is_checked_and_a_missing_program_is_a_warning(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.config import load_settings
    from kiosk.doctor import check_speech

    monkeypatch.setenv("KIOSK_UI_SPEECH", "button")
    monkeypatch.setenv("PATH", str(home))  # no espeak-ng on this PATH
    (finding,) = check_speech(load_settings(None))
    assert finding.level == "warn" and "espeak-ng is not installed" in finding.text
    monkeypatch.setenv("KIOSK_UI_SPEECH", "off")
    (finding,) = check_speech(load_settings(None))
    assert finding.level == "ok" and finding.text == "spoken guidance is off ([ui] speech)"


def test_a_kiosk_that_does_not_watch_the_counter_is_warned(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.config import load_settings
    from kiosk.doctor import check_counter_watch

    (finding,) = check_counter_watch(load_settings(None))
    assert finding.level == "ok" and "(the smallest: 0.3 % of the picture)" in finding.text
    monkeypatch.setenv("KIOSK_CHECKOUT_UNRECOGNISED_THINGS", "false")
    (finding,) = check_counter_watch(load_settings(None))
    assert finding.level == "warn" and finding.text.endswith("not scanned, leaves unpaid")


def test_the_receipt_printer_is_checked_without_printing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.config import load_settings
    from kiosk.doctor import check_printer

    (finding,) = check_printer(load_settings(None))
    assert finding.level == "ok" and "no receipt printer" in finding.text
    monkeypatch.setenv("KIOSK_PRINTER_DEVICE", str(tmp_path / "usb" / "lp0"))
    (finding,) = check_printer(load_settings(None))
    assert finding.level == "warn" and "does not exist" in finding.text
    device = tmp_path / "lp0"
    device.touch()
    monkeypatch.setenv("KIOSK_PRINTER_DEVICE", str(device))
    (finding,) = check_printer(load_settings(None))
    assert finding.level == "ok" and device.read_bytes() == b""  # nothing was printed
    monkeypatch.setenv("KIOSK_PRINTER_DEVICE", "cups:counter")
    monkeypatch.setenv("PATH", str(tmp_path / "usb"))
    (finding,) = check_printer(load_settings(None))
    assert finding.level == "warn" and "cups-client" in finding.text


@pytest.mark.parametrize(
    ("language", "receipts", "level", "said"),
    [
        ("de", "", "ok", "screens in Deutsch, receipts in Deutsch"),
        ("es", "en", "ok", "screens in Español, receipts in English"),
        ("fr_BE", "", "ok", "screens in Français, receipts in Français"),
        ("it", "", "warn", "ui.language 'it': the screens have no texts in it and show English"),
    ],
)
def test_doctor_names_the_screens_and_the_papers_language(
    tmp_path: Path, language: str, receipts: str, level: str, said: str
) -> None:
    from kiosk.doctor import check_language

    settings = load_settings(
        None, overrides={"ui.language": language, "store.receipt_language": receipts},
        environ={},
    )  # fmt: skip
    (finding,) = check_language(settings)
    assert finding.level == level and finding.text.startswith(said), finding.text
    if level == "warn":
        assert "en (English), es (Español), de (Deutsch), fr (Français)" in finding.text


def test_auto_follows_the_pcs_language_on_screen_and_on_paper(monkeypatch) -> None:
    from kiosk.languages import screen_language, system_locale
    from kiosk.receipt_words import receipt_language

    monkeypatch.setenv("LC_ALL", "de_AT.UTF-8")
    assert system_locale() == "de_AT" and screen_language("auto", system_locale()) == "de"
    assert receipt_language("", "auto") == "de" and receipt_language("es", "auto") == "es"
    monkeypatch.setenv("LC_ALL", "it_IT.UTF-8")
    assert screen_language("auto", system_locale()) is None
    assert receipt_language("", "auto") == "en"


def test_a_clock_behind_the_ledger_fails_and_says_how_to_set_it(home: Path) -> None:
    """A flat BIOS battery and no time server: the PC starts in the past, and its sales
    would be dated before the receipts already printed."""
    from datetime import datetime, timedelta, timezone

    from catalog.sales import record_sale
    from kiosk.doctor import check_clock
    from tests.catalog_fixtures import draft

    settings = load_settings()
    now = datetime.now(timezone.utc)
    assert levels(check_clock(settings, now), "clock") == ["ok"]  # no sales yet
    db = connect(settings.paths.database)
    try:
        record_sale(db, draft("before-the-power-cut"))
    finally:
        db.conn.close()
    assert levels(check_clock(settings, now + timedelta(seconds=30)), "clock") == ["ok"]
    assert levels(check_clock(settings, now - timedelta(minutes=2)), "clock") == ["ok"]  # slack
    stopped = datetime(2000, 1, 1, tzinfo=timezone.utc)
    (finding,) = check_clock(settings, stopped)
    assert finding.level == "fail" and "the clock reads 2000-01-01" in finding.text
    assert "before the newest sale or refund" in finding.text and "timedatectl" in finding.text
    assert levels(run_checks(None, camera=False), "clock") == ["ok"]  # the real clock


def test_vouchers_must_take_off_the_tax_the_deposits_charged(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    assert levels(run_checks(None, camera=False), "vouchers") == []  # no deposits, no vouchers
    db = connect(home / "data" / "catalog.sqlite")
    cola = products.get_product(db, "1001")
    products.upsert_product(db, replace(cola, deposit_cents=25), "manager")
    db.conn.close()
    found = [f for f in run_checks(None, camera=False) if f.topic == "vouchers"]
    assert [f.level for f in found] == ["ok"] and "staffed till" in found[0].text
    monkeypatch.setenv("KIOSK_VOUCHERS_LAYOUT", "98SSSSSAAAAAC")
    found = [f for f in run_checks(None, camera=False) if f.topic == "vouchers"]
    assert [f.level for f in found] == ["warn"]
    assert "take 0 % tax off while deposits are charged at 19 %" in found[0].text
    monkeypatch.setenv("KIOSK_VOUCHERS_TAX_RATE", "19")
    found = [f for f in run_checks(None, camera=False) if f.topic == "vouchers"]
    assert [(f.level, f.text) for f in found] == [
        ("ok", "bottle vouchers read as 98SSSSSAAAAAC, 19 % tax, up to €50.00")
    ]
