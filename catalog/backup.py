"""Copies of the catalog and sales ledger that a store can restore from.

A copy is taken with SQLite's online backup (the kiosk may be selling meanwhile: the copy is
one consistent moment, never a half-written sale), checked with ``PRAGMA integrity_check``,
flushed to disk, and only then given its final name, so a power cut leaves either a good copy
or a ``.partial`` file that the next backup removes. The newest ``keep`` copies stay.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from catalog.errors import CatalogError
from catalog.words import Said

NAME_PATTERN = re.compile(r"^catalog-\d{8}-\d{6}-\d{3}\.sqlite$")  # UTC, to the millisecond
PARTIAL_SUFFIX = ".partial"
PAGES_PER_STEP = 256  # copy in steps, so the kiosk's writes wait at most one step


BACKED_UP_PICTURES = "pictures"  # beside the copies: every product picture ever backed up


class BackupFailed(CatalogError):
    """The copy could not be written or did not check out; the previous copies are kept."""


@dataclass(frozen=True)
class Backup:
    path: Path
    size_bytes: int
    sales: int
    products: int
    removed: tuple[Path, ...]  # older copies pruned to keep the newest ``keep``


def backup_database(
    database: str | Path, folder: str | Path, *, keep: int = 14, now: datetime | None = None
) -> Backup:
    """Copy ``database`` into ``folder`` as ``catalog-YYYYMMDD-HHMMSS-mmm.sqlite`` (UTC)."""
    if keep < 1:
        raise BackupFailed("keep at least one copy (--keep 1 or more)")
    source_path, folder = Path(database), Path(folder)
    if not source_path.is_file():
        raise BackupFailed(f"no catalog to back up at {source_path}")
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    target = folder / f"catalog-{moment:%Y%m%d-%H%M%S}-{moment.microsecond // 1000:03d}.sqlite"
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob("catalog-*" + PARTIAL_SUFFIX):
            leftover.unlink()  # a copy cut off by a crash or power cut
        partial.unlink(missing_ok=True)
        _copy(source_path, partial)
        sales, products = _check(partial)
        _flush(partial)
        os.replace(partial, target)
        flush_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        _discard(partial)
        raise BackupFailed(
            Said("cannot back up {source} to {folder}: {problem}", source=source_path,
                 folder=folder, problem=exc)
        ) from exc  # fmt: skip
    except BackupFailed:
        _discard(partial)
        raise
    return Backup(target, target.stat().st_size, sales, products, _prune(folder, keep, target))


def _discard(partial: Path) -> None:
    # When the folder itself is the problem, that is what gets reported, not this.
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _copy(source_path: Path, partial: Path) -> None:
    # Read-only: a backup must never create, migrate or lock the kiosk's database for long.
    source = sqlite3.connect(_read_only(source_path), uri=True, timeout=30)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy, pages=PAGES_PER_STEP)
            # One self-contained file: no -wal beside it to lose when it is copied on.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source.close()


def _read_only(path: Path) -> str:
    """A read-only SQLite URI (a path may hold '?', '#' or '%', which a URI must escape)."""
    return f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"


def _check(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(_read_only(path), uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BackupFailed(f"the copy of the catalog does not check out: {result}")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not {"sales", "products"} <= tables:
            raise BackupFailed(f"{path.name} is not a kiosk catalog (no sales or products table)")
        sales = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
        products = conn.execute("SELECT count(*) FROM products").fetchone()[0]
        return int(sales), int(products)
    finally:
        conn.close()


def _flush(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def flush_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is on disk."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_backups(folder: str | Path) -> list[Path]:
    """The copies in ``folder``, oldest first (other files there are not ours and stay)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if NAME_PATTERN.match(p.name))


def _prune(folder: Path, keep: int, made: Path) -> tuple[Path, ...]:
    """The oldest copies beyond ``keep``, by name (the UTC time); never the one just ``made``,
    which a clock running behind names as the oldest."""
    copies = [path for path in list_backups(folder) if path != made]
    old = copies[: max(len(copies) - (keep - 1), 0)]
    for path in old:
        path.unlink()
    return tuple(old)


@dataclass(frozen=True)
class Restored:
    sales: int
    products: int
    replaced: Path | None  # where the catalog it replaced was put (never deleted)


def restore_database(
    copy: str | Path, database: str | Path, *, now: datetime | None = None
) -> Restored:
    """Put the backup ``copy`` in place of ``database``; the kiosk must not be running.

    The catalog being replaced, with its ``-wal`` and ``-shm`` files, is moved into
    ``replaced-YYYYMMDD-HHMMSS/`` beside it, never deleted: a journal left beside the restored
    file would be read into it. The copy is checked before anything moves.
    """
    copy, database = Path(copy), Path(database)
    if not copy.is_file():
        raise BackupFailed(f"no backup at {copy}")
    try:
        sales, products = _check(copy)
    except sqlite3.Error as exc:
        raise BackupFailed(f"{copy} is not a usable catalog copy: {exc}") from exc
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    current = [
        database.with_name(database.name + suffix)
        for suffix in ("", "-wal", "-shm", "-journal")
        if database.with_name(database.name + suffix).exists()
    ]
    aside = database.parent / f"replaced-{moment:%Y%m%d-%H%M%S}" if current else None
    incoming = database.with_name(database.name + ".restoring")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        # With whatever a -wal beside the copy holds (one taken of a kiosk that did not close
        # cleanly, as install.sh keeps before an upgrade): the check counted those sales, a
        # file copy would leave them behind.
        _copy(copy, incoming)
        _flush(incoming)
        if aside is not None:
            aside.mkdir()
            for path in current:
                os.replace(path, aside / path.name)
        os.replace(incoming, database)
        flush_folder(database.parent)
    except (OSError, sqlite3.Error) as exc:
        _discard(incoming)
        if aside is not None and not database.exists():
            for path in aside.iterdir():  # put the old catalog back as it was
                os.replace(path, database.parent / path.name)
        raise BackupFailed(f"cannot restore {copy} to {database}: {exc}") from exc
    return Restored(sales, products, aside)
