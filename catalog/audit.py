"""The audit log: who changed what in the catalog, when, and the values before and after.

Entries are written inside the same transaction as the change they describe, so a change
and its audit entry exist together or not at all. The table is append-only (triggers).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import sqlite_utils

from catalog.db import rows, utc_iso
from catalog.models import AuditEntry

__all__ = ["list_entries", "record", "to_jsonable"]


def to_jsonable(value: Any) -> Any:
    """Dataclasses become dicts, tuples lists; everything else must already be JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(to_jsonable(value), sort_keys=True, ensure_ascii=False)


def record(
    db: sqlite_utils.Database, actor: str, action: str, entity: str, old: Any, new: Any
) -> None:
    """Append one entry. Call it inside the transaction that makes the change."""
    db.conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, old_json, new_json) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (utc_iso(), actor or "unknown", action, entity, _dump(old), _dump(new)),
    )


def list_entries(
    db: sqlite_utils.Database,
    *,
    entity: str | None = None,
    action: str | None = None,
    limit: int | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    action_prefix: str | None = None,
) -> list[AuditEntry]:
    """Entries oldest first, optionally only one entity (e.g. ``"product:1001"``), action,
    actor, family of actions (``"staff."``) or time span (UTC ISO, ``since <= at < until``);
    ``limit``: the newest that many of those."""
    sql = "SELECT * FROM audit_log"
    where, params = [], []
    for clause, value in (
        ("entity = ?", entity),
        ("action = ?", action),
        ("at >= ?", since),
        ("at < ?", until),
        ("actor = ?", actor),
        ("substr(action, 1, length(?)) = ?", action_prefix),
    ):
        if value is not None:
            where.append(clause)
            params.extend([value] * clause.count("?"))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id"
    if limit is not None:
        sql = f"SELECT * FROM ({sql} DESC LIMIT {int(limit)}) ORDER BY id"
    return [_entry(row) for row in rows(db, sql, params)]


def _entry(row: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        at=row["at"],
        actor=row["actor"],
        action=row["action"],
        entity=row["entity"],
        old=json.loads(row["old_json"]) if row["old_json"] is not None else None,
        new=json.loads(row["new_json"]) if row["new_json"] is not None else None,
    )
