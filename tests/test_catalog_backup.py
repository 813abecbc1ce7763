"""``kiosk catalog backup``: checked copies of a real catalog, also while sales are written."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from catalog import sales
from catalog.backup import BackupFailed, backup_database, list_backups
from catalog.db import connect
from kiosk.cli import main
from tests.catalog_fixtures import DEMO_CSV, draft, item_line

NOON = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    from catalog.demo import seed_demo

    path = tmp_path / "data" / "catalog.sqlite"
    db = connect(path)
    seed_demo(db, DEMO_CSV)
    sales.record_sale(db, draft("first", item_line("1001", 2, 129)))
    db.conn.close()
    return path


def consistent_sales(copy: Path) -> int:
    """Sales in ``copy``, each checked whole: its lines add up to its subtotal."""
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT s.id, s.subtotal_cents, coalesce(sum(l.line_cents), -1) FROM sales s "
            "LEFT JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id"
        ).fetchall()
    finally:
        conn.close()
    for sale_id, subtotal, lines in rows:
        assert lines == subtotal, f"sale {sale_id} is half there"
    return len(rows)


def test_a_copy_is_checked_and_opens_as_the_catalog(catalog: Path, tmp_path: Path) -> None:
    copy = backup_database(catalog, tmp_path / "backups", now=NOON)
    assert copy.path.name == "catalog-20261126-120000-000.sqlite"
    assert (copy.sales, copy.products, copy.removed) == (1, 16, ())
    assert not list(copy.path.parent.glob("*-wal"))  # one self-contained file
    restored = sales.get_sale(connect(copy.path), "first")
    assert restored is not None and restored.draft.total_cents == 258


def test_copies_taken_while_the_kiosk_sells_hold_whole_sales(catalog: Path, tmp_path: Path):
    done = threading.Event()
    written: list[int] = []

    def sell() -> None:
        db = connect(catalog)
        try:
            n = 0
            while not done.is_set() and n < 400:
                sales.record_sale(db, draft(f"sale-{n}", item_line("1001", 1, 129)))
                n += 1
                written.append(n)
        finally:
            db.conn.close()

    seller = threading.Thread(target=sell)
    seller.start()
    counts = []
    try:
        for step in range(6):
            copy = backup_database(catalog, tmp_path / "b", keep=10, now=NOON + timedelta(step))
            counts.append(consistent_sales(copy.path))
    finally:
        done.set()
        seller.join()
    assert counts == sorted(counts)  # each copy a later moment of the same ledger
    assert counts[0] >= 1 and counts[-1] <= 1 + len(written)
    assert consistent_sales(catalog) == 1 + len(written)


def test_the_newest_copies_are_kept_and_nothing_else_is_touched(catalog: Path, tmp_path: Path):
    folder = tmp_path / "backups"
    (folder / "before-0.2.0-20261101-000000").mkdir(parents=True)  # install.sh's copy
    (folder / "notes.txt").write_text("the store's own file")
    (folder / "catalog-20261125-000000-000.sqlite.partial").write_text("cut off")
    for day in range(4):
        last = backup_database(catalog, folder, keep=2, now=NOON + timedelta(days=day))
    assert [p.name for p in list_backups(folder)] == [
        "catalog-20261128-120000-000.sqlite",
        "catalog-20261129-120000-000.sqlite",
    ]
    assert [p.name for p in last.removed] == ["catalog-20261127-120000-000.sqlite"]
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("catalog")) == [
        "before-0.2.0-20261101-000000",
        "notes.txt",
    ]
    assert not list(folder.glob("*.partial"))


def test_what_is_not_a_catalog_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(BackupFailed, match="not a kiosk catalog"):
        backup_database(other, tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []
    with pytest.raises(BackupFailed, match="no catalog to back up"):
        backup_database(tmp_path / "missing.sqlite", tmp_path / "backups")


def test_a_destination_that_cannot_be_a_folder_is_named(catalog: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupFailed, match=f"cannot back up .* to {blocker}"):
        backup_database(catalog, blocker)


def test_cli_backup(catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["catalog", "backup", "--db", str(catalog), "--keep", "1"]
    assert main(args) == 0
    assert main([*args, "--to", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    assert "1 sales, 16 products; integrity checked" in out
    assert len(list_backups(catalog.parent / "backups")) == 1  # the default: beside the database
    assert len(list_backups(tmp_path / "usb")) == 1
    assert main(["catalog", "backup", "--db", str(catalog), "--keep", "0"]) == 1
    assert "keep at least one copy" in capsys.readouterr().err
