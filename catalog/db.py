"""Open the catalog database: pragmas, migrations, and the one way to write (a transaction).

Why these settings: WAL lets the admin screen read while the checkout writes; with
``synchronous=FULL`` a committed sale survives a power cut, not just a process kill;
``foreign_keys`` keeps labels and sale lines pointing at real rows. The connection runs in
driver autocommit mode (``isolation_level=None``) so every transaction in this package is
explicit: ``BEGIN IMMEDIATE`` takes the write lock up front, so a busy database fails at the
start of a change, never half-way through it.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from catalog.errors import DatabaseLocked, DatabaseUnreadable, StorageFailed

DEFAULT_BUSY_TIMEOUT = 5.0

__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "connect",
    "database_path",
    "rows",
    "translate_errors",
    "utc_iso",
    "write_transaction",
]


def connect(
    path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, migrate: bool = True
) -> sqlite_utils.Database:
    """Open (creating if needed) the catalog at ``path`` and bring its schema up to date.

    Raises ``DatabaseUnreadable`` for a file that is not a catalog, ``SchemaTooNew`` for a
    catalog written by a newer program, ``DatabaseLocked`` if a migration is due while
    another program holds the write lock.
    """
    from catalog.migrations import apply_migrations

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseUnreadable(
            f"cannot open the catalog {path}: {exc}. Check the path and its permissions."
        ) from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        with translate_errors(db):
            _set_pragmas(db, busy_timeout)
            if migrate:
                apply_migrations(db)
    except BaseException:
        conn.close()
        raise
    return db


def _set_pragmas(db: sqlite_utils.Database, busy_timeout: float) -> None:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def rows(db: sqlite_utils.Database, sql: str, params: tuple | list = ()) -> list[dict]:
    """Run a read and return its rows as dicts (no savepoint: reads never need one)."""
    with translate_errors(db):
        cursor = db.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def database_path(db: sqlite_utils.Database) -> str:
    """The file behind ``db``, for messages (no lock needed to ask)."""
    for row in db.conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return str(row[2] or ":memory:")
    return "?"


def data_version(db: sqlite_utils.Database) -> int:
    """A number that changes when another connection (another program: a CSV import, the
    ``kiosk`` command in a terminal) commits a change to the file; this connection's own
    commits leave it. Answered from memory: no lock, no disk read."""
    return int(db.conn.execute("PRAGMA data_version").fetchone()[0])


def busy_timeout_seconds(db: sqlite_utils.Database) -> float:
    """The busy timeout this connection waits for another program's lock."""
    return int(db.conn.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def _storage_problem(exc: sqlite3.Error) -> str | None:
    """What the disk did, when SQLite failed because of it: full, or an I/O error."""
    name = getattr(exc, "sqlite_errorname", "") or ""  # Python 3.11+
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return "the disk is full"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "the disk reported an I/O error"
    return None


@contextlib.contextmanager
def translate_errors(db: sqlite_utils.Database) -> Iterator[None]:
    """Turn SQLite's environment failures into catalog errors with plain messages."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if _is_locked(exc):
            raise DatabaseLocked(
                f"the catalog {database_path(db)} is busy: another program has held it for "
                f"more than {busy_timeout_seconds(db):g} s. Nothing was changed. Close the "
                "other program (a second kiosk, an admin tool or an sqlite3 shell) and retry."
            ) from exc
        problem = _storage_problem(exc)
        if problem is not None:
            path = database_path(db)
            raise StorageFailed(
                f"the catalog {path} could not be written: {problem}. Nothing was changed. "
                f"Free space on the disk of {Path(path).parent} (kiosk doctor shows how much "
                "is free) or replace the disk, then retry."
            ) from exc
        raise
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DatabaseUnreadable(
                f"{database_path(db)} is not a usable kiosk catalog ({exc}). Restore it from "
                "a backup, or point the kiosk at another database file."
            ) from exc
        raise


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Run a block as one all-or-nothing change; nested blocks become savepoints.

    The outermost block starts with ``BEGIN IMMEDIATE`` so the write lock is taken before
    anything is read or written; a busy database raises ``DatabaseLocked`` at that point.
    """
    conn = db.conn
    if conn.in_transaction:
        name = f"sp_{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    with translate_errors(db):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def utc_iso(moment: datetime | None = None) -> str:
    """A UTC timestamp of fixed width, so text order is time order in SQL comparisons."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")
