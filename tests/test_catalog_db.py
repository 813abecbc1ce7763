"""Opening the catalog: pragmas, numbered migrations, refusing newer files, locked files."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlite_utils

from catalog import products, sales, settings, staff
from catalog.db import connect
from catalog.errors import (
    DatabaseLocked,
    DatabaseUnreadable,
    MigrationFailed,
    SchemaTooNew,
    StorageFailed,
)
from catalog.importexport import import_csv
from catalog.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    apply_migrations,
    schema_version,
)
from tests.catalog_fixtures import ROOT, db_path, draft, fresh_db, product, run_kiosk, write_csv

__all__ = ["db_path", "fresh_db"]


def pragma(db: sqlite_utils.Database, name: str) -> object:
    return db.conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_new_catalog_uses_wal_full_sync_and_foreign_keys(fresh_db: sqlite_utils.Database) -> None:
    assert pragma(fresh_db, "journal_mode") == "wal"
    assert pragma(fresh_db, "synchronous") == 2  # FULL
    assert pragma(fresh_db, "foreign_keys") == 1
    assert pragma(fresh_db, "busy_timeout") == 5000


@pytest.mark.parametrize("seconds", [0.1, 2.5])
def test_busy_timeout_is_configurable(db_path: Path, seconds: float) -> None:
    db = connect(db_path, busy_timeout=seconds)
    assert pragma(db, "busy_timeout") == int(seconds * 1000)


def test_each_migration_is_recorded_once(db_path: Path) -> None:
    connect(db_path).close()
    db = connect(db_path)
    recorded = [r["version"] for r in db.query("SELECT version FROM schema_migrations")]
    assert recorded == [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_failing_migration_is_rolled_back_whole(fresh_db: sqlite_utils.Database) -> None:
    broken = Migration(
        LATEST_VERSION + 1, "broken", "CREATE TABLE half_done (a);\nINSERT INTO nowhere VALUES (1);"
    )
    with pytest.raises(MigrationFailed, match="rolled back; the catalog is unchanged"):
        apply_migrations(fresh_db, (*MIGRATIONS, broken))
    assert not fresh_db["half_done"].exists()
    assert schema_version(fresh_db) == LATEST_VERSION


def test_later_migration_applies_to_an_existing_catalog(fresh_db: sqlite_utils.Database) -> None:
    extra = Migration(LATEST_VERSION + 1, "extra", "CREATE TABLE extra (a);")
    assert apply_migrations(fresh_db, (*MIGRATIONS, extra)) == [LATEST_VERSION + 1]
    assert apply_migrations(fresh_db, (*MIGRATIONS, extra)) == []
    assert schema_version(fresh_db) == LATEST_VERSION + 1


def test_catalog_from_a_newer_program_is_refused(db_path: Path) -> None:
    db = connect(db_path)
    db.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 'later')")
    db.close()
    with pytest.raises(SchemaTooNew, match=r"schema version 99.*only knows up to version"):
        connect(db_path)


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"\x00" * 4096])
def test_file_that_is_not_a_catalog_is_reported(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(DatabaseUnreadable, match="not a usable kiosk catalog"):
        connect(db_path)


@pytest.fixture
def locked_db(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """The catalog with one sale, while another process holds its write lock."""
    db = connect(db_path)
    products.upsert_product(db, product("1001"), "test")
    sales.record_sale(db, draft("before-lock"))
    db.close()
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.hold_lock", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    yield holder
    if holder.poll() is None:
        holder.kill()
    holder.wait(10)


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"


WRITES: dict[str, Callable[[sqlite_utils.Database, Path], object]] = {
    "record_sale": lambda db, tmp: sales.record_sale(db, draft("during-lock")),
    "upsert_product": lambda db, tmp: products.upsert_product(db, product("2002"), "test"),
    "set_setting": lambda db, tmp: settings.set_setting(db, "shop", "Corner", "test"),
    "add_staff": lambda db, tmp: staff.add_staff(db, "Ann", "4711", "cashier"),
    "import_csv": lambda db, tmp: import_csv(
        db, write_csv(tmp / "p.csv", "3003,Tea,2.29,7,no,tea")
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_locked_catalog_gives_a_clear_error_and_loses_nothing(
    locked_db: subprocess.Popen[str], db_path: Path, tmp_path: Path, write: Callable
) -> None:
    db = connect(db_path, busy_timeout=0.2)
    with pytest.raises(DatabaseLocked, match=r"busy: another program has held it.*Nothing was"):
        write(db, tmp_path)
    assert [s.draft.idempotency_key for s in sales.list_sales(db)] == ["before-lock"]
    assert products.get_product(db, "1001") is not None  # reading still works meanwhile
    release(locked_db)
    write(db, tmp_path)  # the retry succeeds once the other program is gone
    assert settings.get_setting(db, "written-by") == "other program"
    assert sales.get_sale(db, "before-lock") is not None


def test_a_full_catalog_disk_is_a_storage_error_and_changes_nothing(fresh_db) -> None:
    """SQLite's own "database or disk is full" (here: the file may not grow by a page) is
    named as the disk's fault, with what to do, and the transaction leaves nothing."""
    db = fresh_db
    record_sale_of(db, "before-full")
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageFailed, match=r"could not be written: the disk is full\. Nothing"):
        settings.set_setting(db, "note", "x" * 200_000, "staff")  # needs new pages
    assert settings.get_setting(db, "note") is None
    db.conn.execute(f"PRAGMA max_page_count = {pages * 100}")  # space again: it goes through
    settings.set_setting(db, "note", "x" * 200_000, "staff")
    assert len(settings.get_setting(db, "note") or "") == 200_000
    assert [s.draft.idempotency_key for s in sales.list_sales(db)] == ["before-full"]


def record_sale_of(db: sqlite_utils.Database, key: str) -> None:
    sales.record_sale(db, draft(key))


def test_cli_on_a_locked_catalog_exits_with_the_message(
    locked_db: subprocess.Popen[str], db_path: Path, tmp_path: Path
) -> None:
    csv_file = write_csv(tmp_path / "p.csv", "3003,Tea,2.29,7,no,tea")
    result = run_kiosk("catalog", "import", str(csv_file), "--db", str(db_path))
    assert result.returncode == 1
    assert "is busy: another program" in result.stderr
    assert "Traceback" not in result.stderr
    release(locked_db)
