"""``kiosk catalog backup``: checked copies of a real catalog, also while sales are written."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from catalog import sales
from catalog.backup import BackupFailed, backup_database, list_backups, restore_database
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
    assert (copy.sales, copy.products, copy.removed) == (1, 19, ())
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
    # A clock running years behind names the new copy the oldest: it is kept all the same.
    behind = backup_database(catalog, folder, keep=2, now=NOON - timedelta(days=3000))
    assert behind.path.is_file() and behind.path in list_backups(folder)
    assert [p.name for p in behind.removed] == ["catalog-20261128-120000-000.sqlite"]


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
    assert "1 sales, 19 products; integrity checked" in out
    assert len(list_backups(catalog.parent / "backups")) == 1  # the default: beside the database
    assert len(list_backups(tmp_path / "usb")) == 1
    assert main(["catalog", "backup", "--db", str(catalog), "--keep", "0"]) == 1
    assert "keep at least one copy" in capsys.readouterr().err


def test_the_product_pictures_are_backed_up_and_come_back_with_a_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from catalog.demo import seed_demo
    from catalog.pictures import PictureStore

    database = tmp_path / "data" / "catalog.sqlite"
    pictures = PictureStore(database.parent / "pictures")  # where --db puts them
    db = connect(database)
    seed_demo(db, DEMO_CSV, pictures)
    db.conn.close()
    args = ["catalog", "backup", "--db", str(database), "--to", str(tmp_path / "usb")]
    assert main(args) == 0
    assert "19 new product pictures" in capsys.readouterr().out
    assert main(args) == 0  # the second night: nothing new to copy
    assert "; 0 new product pictures" in capsys.readouterr().out
    backed_up = sorted(p.name for p in (tmp_path / "usb" / "pictures").iterdir())
    assert backed_up == sorted(p.name for p in pictures.root.iterdir())
    shutil.rmtree(pictures.root)  # the disk died: a new one, and the backup from the stick
    copy = list_backups(tmp_path / "usb")[-1]
    assert main(["catalog", "restore", str(copy), "--db", str(database)]) == 0
    assert "19 product pictures brought back" in capsys.readouterr().out
    db = connect(database)
    try:
        from catalog.products import list_products

        assert all(pictures.load(p.image) is not None for p in list_products(db))
    finally:
        db.conn.close()


def test_restore_puts_the_copy_back_and_keeps_what_it_replaced(catalog: Path, tmp_path: Path):
    copy = backup_database(catalog, tmp_path / "backups", now=NOON).path
    crashed = connect(catalog)  # a kiosk that died mid-day: its journal is still beside it
    sales.record_sale(crashed, draft("after-the-copy", item_line("1001", 1, 129)))
    assert catalog.with_name("catalog.sqlite-wal").stat().st_size > 0

    restored = restore_database(copy, catalog, now=NOON + timedelta(days=1))
    crashed.conn.close()
    assert (restored.sales, restored.products) == (1, 19)
    assert restored.replaced == catalog.parent / "replaced-20261127-120000"
    assert not catalog.with_name("catalog.sqlite-wal").exists()  # not read into the copy
    db = connect(catalog)
    assert sales.get_sale(db, "first") is not None
    assert sales.get_sale(db, "after-the-copy") is None
    db.conn.close()
    kept = connect(restored.replaced / "catalog.sqlite")  # with its journal: nothing lost
    assert sales.get_sale(kept, "after-the-copy") is not None


def test_a_copy_with_its_wal_beside_it_is_restored_whole(catalog: Path, tmp_path: Path) -> None:
    # A kiosk killed without closing: its last sales are in the -wal only, and a copy of the
    # folder (install.sh keeps one before an upgrade) has both files.
    child = (
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from catalog import sales\nfrom catalog.db import connect\n"
        "from tests.catalog_fixtures import draft, item_line\n"
        f"db = connect({str(catalog)!r})\n"
        "db.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for i in range(5):\n"
        "    sales.record_sale(db, draft(f'w{i}', item_line('1001', 1, 129)))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", child], check=True)
    kept = tmp_path / "before-upgrade"
    kept.mkdir()
    for path in catalog.parent.glob(catalog.name + "*"):
        kept.joinpath(path.name).write_bytes(path.read_bytes())
    assert kept.joinpath(catalog.name + "-wal").stat().st_size > 0
    live = tmp_path / "live" / "catalog.sqlite"
    restored = restore_database(kept / catalog.name, live)
    conn = sqlite3.connect(live)
    try:
        # the catalog's own sale and the five in the -wal
        assert conn.execute("SELECT count(*) FROM sales").fetchone()[0] == restored.sales == 6
    finally:
        conn.close()


def test_restore_refuses_a_bad_copy_and_changes_nothing(catalog: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    before = catalog.read_bytes()
    with pytest.raises(BackupFailed, match="not a usable catalog copy"):
        restore_database(bad, catalog)
    assert catalog.read_bytes() == before
    assert not list(catalog.parent.glob("replaced-*"))


HOLD_KIOSK_LOCK = """
import sys, time
from pathlib import Path
from ui.app import hold_single_instance
lock = hold_single_instance(Path(sys.argv[1]))
print("holding", flush=True)
time.sleep(60)
"""


def test_cli_restore_waits_for_the_kiosk_to_be_closed(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_database(catalog, tmp_path / "backups").path
    kiosk = subprocess.Popen(
        [sys.executable, "-c", HOLD_KIOSK_LOCK, str(catalog.parent)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert kiosk.stdout.readline().strip() == "holding"
        assert main(["catalog", "restore", str(copy), "--db", str(catalog)]) == 1
        assert f"the kiosk is running on this catalog (process {kiosk.pid})" in (
            capsys.readouterr().err
        )
    finally:
        kiosk.terminate()
        kiosk.wait()
    assert main(["catalog", "restore", str(copy), "--db", str(catalog)]) == 0
    assert "(1 sales, 19 products)" in capsys.readouterr().out


def test_a_lock_left_by_a_crashed_kiosk_does_not_block_a_restore(tmp_path: Path) -> None:
    from kiosk.instance import LOCK_NAME, running_kiosk

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    (tmp_path / LOCK_NAME).write_text(f"{gone.stdout.strip()}\nkiosk\n{socket.gethostname()}\n")
    assert running_kiosk(tmp_path) is None
    (tmp_path / LOCK_NAME).write_text(f"{os.getpid()}\nkiosk\n{socket.gethostname()}\n")
    assert running_kiosk(tmp_path) == os.getpid()
    assert running_kiosk(tmp_path / "elsewhere") is None


def test_pictures_no_product_uses_go_after_the_backup_has_them_and_a_month_has_passed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    import numpy as np

    from catalog.demo import seed_demo
    from catalog.pictures import UNUSED_DAYS, PictureStore
    from catalog.products import get_product

    database = tmp_path / "data" / "catalog.sqlite"
    pictures = PictureStore(database.parent / "pictures")
    db = connect(database)
    seed_demo(db, DEMO_CSV, pictures)
    cola = get_product(db, "1001")
    db.conn.close()
    assert cola is not None and cola.image
    # A picture taken and never saved, a month and a day ago; another taken an hour ago;
    # a file someone else put there; and the cola's own picture, just as old.
    month_ago = time.time() - (UNUSED_DAYS + 1) * 86400
    forgotten = pictures.save("1001", np.full((40, 40, 3), 7, np.uint8))
    fresh = pictures.save("1002", np.full((40, 40, 3), 9, np.uint8))
    stranger = pictures.root / "logo.png"
    stranger.write_bytes((pictures.root / forgotten).read_bytes())
    for name in (forgotten, cola.image, "logo.png"):
        os.utime(pictures.root / name, (month_ago, month_ago))

    args = ["catalog", "backup", "--db", str(database), "--to", str(tmp_path / "usb")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "removed 1 product pictures that no product uses, taken over 30 days ago" in out
    left = {p.name for p in pictures.root.iterdir()}
    assert forgotten not in left and {fresh, cola.image, "logo.png"} <= left
    assert (tmp_path / "usb" / "pictures" / forgotten).is_file()  # never lost: the backup has it

    # Taken again (the same picture) before anyone saved it: young again, so it stays.
    assert pictures.save("1001", np.full((40, 40, 3), 7, np.uint8)) == forgotten
    os.utime(pictures.root / fresh, (month_ago, month_ago))
    assert pictures.prune_unused({cola.image}) == [fresh]
    assert (pictures.root / forgotten).is_file()
