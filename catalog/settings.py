"""Store-wide key/value settings kept with the catalog (e.g. the shop name on receipts).

Kiosk-local settings (camera, model) live in the TOML file; these travel with the catalog.
"""

from __future__ import annotations

import sqlite_utils

from catalog import audit
from catalog.db import rows, write_transaction

__all__ = ["get_setting", "list_settings", "set_setting"]


def get_setting(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    """The stored value for ``key``, or ``default``."""
    found = rows(db, "SELECT value FROM settings WHERE key = ?", (key,))
    return found[0]["value"] if found else default


def list_settings(db: sqlite_utils.Database) -> dict[str, str]:
    """Every stored setting, by key."""
    return {r["key"]: r["value"] for r in rows(db, "SELECT * FROM settings ORDER BY key")}


def set_setting(db: sqlite_utils.Database, key: str, value: str, actor: str) -> None:
    """Store ``value`` under ``key`` (audited)."""
    with write_transaction(db):
        old = get_setting(db, key)
        if old == value:
            return
        db.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        audit.record(db, actor, "setting.set", f"setting:{key}", old, value)
