"""The audit log read by people: ``catalog.audit_view`` and ``kiosk audit`` on a real catalog."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from catalog import audit, products, staff
from catalog.audit_view import describe
from catalog.db import connect
from catalog.models import AuditEntry, Promotion
from catalog.promotions import add_promotion
from kiosk.cli import main
from tests.catalog_fixtures import db_path, fresh_db, product

__all__ = ["db_path", "fresh_db"]


def words(db: sqlite_utils.Database, **filters) -> list[tuple[str, str, str]]:
    return [
        (line.actor, line.what, line.detail)
        for line in map(describe, audit.list_entries(db, **filters))
    ]


def test_a_change_shows_only_what_changed_in_the_currencys_units(
    fresh_db: sqlite_utils.Database,
) -> None:
    products.upsert_product(fresh_db, product("1001", labels=("cola",)), "ann")
    changed = dataclasses.replace(
        product("1001", labels=("cola",)), price_cents=149, tax_rate_bp=700, active=False
    )
    products.upsert_product(fresh_db, changed, "bob")
    assert words(fresh_db)[1] == (
        "bob",
        "product changed 1001",
        "price 1.29 → 1.49; tax rate 19 % → 7 %; active yes → no",
    )
    assert words(fresh_db)[0] == (
        "ann",
        "product added 1001",
        "name Product 1001; price 1.29; tax rate 19 %; labels cola",
    )
    (yen,) = [describe(e, decimals=0) for e in audit.list_entries(fresh_db, actor="bob")]
    assert yen.detail.startswith("price 129 → 149;")


def test_staff_entries_never_show_a_pin(fresh_db: sqlite_utils.Database) -> None:
    staff.add_staff(fresh_db, "Ann", "4711", "manager", actor="setup")
    staff.set_pin(fresh_db, "Ann", "8642", actor="Ann")
    staff.set_role(fresh_db, "Ann", "supervisor", actor="Zoe")
    assert words(fresh_db, action_prefix="staff.") == [
        ("setup", "staff account added Ann", "role manager"),
        ("Ann", "staff PIN changed Ann", "pin changed"),
        ("Zoe", "staff role changed Ann", "role manager → supervisor"),
    ]
    logged = json.dumps([dataclasses.asdict(e) for e in audit.list_entries(fresh_db)])
    assert "4711" not in logged and "8642" not in logged


def test_times_are_the_stores_and_filters_pick_by_day_actor_and_kind(
    fresh_db: sqlite_utils.Database,
) -> None:
    entry = AuditEntry(1, "2026-11-26T23:30:00Z", "ann", "setting.set", "setting:x", 1, 2)
    assert describe(entry, zone=ZoneInfo("Europe/Berlin")).at == "2026-11-27 00:30:00"
    assert describe(entry).detail == "1 → 2"
    products.upsert_product(fresh_db, product("1001"), "ann")
    add_promotion(fresh_db, Promotion("1001", "3 for 2", buy_qty=3, pay_qty=2), "bob")
    assert [w[1] for w in words(fresh_db, action_prefix="promotion.")] == ["offer added 1"]
    assert words(fresh_db, action_prefix="promotion.")[0][2].startswith("sku 1001; name 3 for 2")
    assert [w[0] for w in words(fresh_db, actor="ann")] == ["ann"]
    assert words(fresh_db, since="2999-01-01T00:00:00Z") == []
    assert len(words(fresh_db, until="2999-01-01T00:00:00Z")) == 2


def kiosk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_kiosk_audit_lists_who_changed_what(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "demo.sqlite")
    assert kiosk(capsys, "catalog", "init", "--demo", "--db", path)[0] == 0
    db = connect(path)
    products.upsert_product(
        db, dataclasses.replace(products.get_product(db, "1001"), price_cents=149), "Ann"
    )
    db.conn.close()
    code, out, _ = kiosk(capsys, "audit", "--db", path, "--who", "Ann")
    assert code == 0
    (line,) = out.splitlines()
    assert line.endswith("Ann              product changed 1001 · price 1.29 → 1.49")
    code, out, _ = kiosk(capsys, "audit", "--db", path, "--what", "staff", "--json")
    (entry,) = [json.loads(x) for x in out.splitlines()]
    assert (entry["action"], entry["what"]) == ("staff.create", "staff account added Demo Manager")
    code, out, _ = kiosk(capsys, "audit", "--db", path, "--limit", "2")
    assert len(out.splitlines()) == 2 and "price 1.29 → 1.49" in out.splitlines()[-1]
    code, out, _ = kiosk(capsys, "audit", "--db", path, "--day", "2001-01-01")
    assert code == 0 and out == "no changes recorded for that\n"
    code, _, err = kiosk(capsys, "audit", "--db", path, "--day", "2026-13-01")
    assert code == 1 and "write days like 2026-01-31" in err
