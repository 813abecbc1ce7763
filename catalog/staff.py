"""Staff accounts and the PIN pad: salted scrypt hashes and a lockout that survives restarts.

A PIN alone identifies a staff member at the kiosk (no user name to type), so PINs are
unique among active accounts. A 4-digit PIN is weak against an offline guesser whatever the
hash, so the real protection is the lockout: after ``max_attempts`` wrong PINs the pad
refuses every PIN for ``lockout_seconds``. The counter lives in the database, so pulling
the plug does not reset it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite_utils

from catalog import audit
from catalog.db import rows, utc_iso, write_transaction
from catalog.errors import InvalidStaff, StaffLockedOut, UnknownStaff, WrongPin
from catalog.models import StaffMember

__all__ = [
    "ROLES",
    "add_staff",
    "list_staff",
    "set_pin",
    "set_role",
    "set_staff_active",
    "staff_with_pin",
    "verify_pin",
]

log = logging.getLogger(__name__)

ROLES = ("cashier", "supervisor", "manager")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_pin(pin: str) -> str:
    """``scrypt$n$r$p$salt$hash`` with a fresh 16-byte salt; parameters travel with it."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    n, r, p = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"]
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Constant-time comparison against a stored ``hash_pin`` value."""
    scheme, n, r, p, salt, digest = stored.split("$")
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


def _member(row: dict[str, Any]) -> StaffMember:
    return StaffMember(id=row["id"], name=row["name"], role=row["role"], active=bool(row["active"]))


def _check_pin_text(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidStaff("a PIN must be 4 to 8 digits")


def _owner_of(db: sqlite_utils.Database, pin: str) -> StaffMember | None:
    """The one active account ``pin`` opens. A PIN two active accounts share (left from
    before PINs were kept apart from disabled accounts' too) opens neither: it would sign
    one person in as the other, perhaps as a manager."""
    owners = [_member(row) for row in _holders(db, pin, active_only=True)]
    if len(owners) > 1:
        log.error(
            "a PIN opens %s at once: refused; a manager gives each a PIN of their own",
            " and ".join(o.name for o in owners),
        )
        return None
    return owners[0] if owners else None


def _holders(db: sqlite_utils.Database, pin: str, active_only: bool) -> list[dict[str, Any]]:
    where = " WHERE active = 1" if active_only else ""
    return [
        r
        for r in rows(db, f"SELECT * FROM staff{where} ORDER BY id")
        if pin_matches(pin, r["pin_hash"])
    ]


def _pin_taken(db: sqlite_utils.Database, pin: str, by_other_than: int | None = None) -> bool:
    """Whether an account, on or off, has ``pin`` already: a disabled one switched back on
    must not share its PIN with whoever got it meanwhile."""
    return any(row["id"] != by_other_than for row in _holders(db, pin, active_only=False))


def staff_with_pin(db: sqlite_utils.Database, pin: str) -> StaffMember | None:
    """The active account that ``pin`` opens, if any (counts as no failed attempt)."""
    return _owner_of(db, pin)


def list_staff(db: sqlite_utils.Database) -> list[StaffMember]:
    """Every account, active or not, by name."""
    return [_member(r) for r in rows(db, "SELECT * FROM staff ORDER BY name")]


def add_staff(
    db: sqlite_utils.Database, name: str, pin: str, role: str, *, actor: str = "system"
) -> StaffMember:
    """Create an account. Raises ``InvalidStaff`` for a bad name/role/PIN or a PIN in use."""
    name = name.strip()
    if not name:
        raise InvalidStaff("a staff member needs a name")
    if role not in ROLES:
        raise InvalidStaff(f"role {role!r} is not one of {', '.join(ROLES)}")
    _check_pin_text(pin)
    pin_hash = hash_pin(pin)
    with write_transaction(db):
        if rows(db, "SELECT 1 FROM staff WHERE name = ?", (name,)):
            raise InvalidStaff(f"there is already a staff account named {name!r}")
        if _pin_taken(db, pin):
            raise InvalidStaff("that PIN is already in use: choose another")
        cursor = db.conn.execute(
            "INSERT INTO staff (name, role, pin_hash, active, created_at) VALUES (?, ?, ?, 1, ?)",
            (name, role, pin_hash, utc_iso()),
        )
        member = StaffMember(id=int(cursor.lastrowid or 0), name=name, role=role)  # type: ignore[arg-type]
        audit.record(db, actor, "staff.create", f"staff:{name}", None, member)
        return member


def _existing(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    found = rows(db, "SELECT * FROM staff WHERE name = ?", (name,))
    if not found:
        raise UnknownStaff(f"no staff account named {name!r}")
    return found[0]


def set_staff_active(
    db: sqlite_utils.Database, name: str, active: bool, *, actor: str
) -> StaffMember:
    """Disable (or re-enable) an account; disabled PINs are refused."""
    with write_transaction(db):
        old = _member(_existing(db, name))
        db.conn.execute("UPDATE staff SET active = ? WHERE name = ?", (int(active), name))
        new = StaffMember(id=old.id, name=old.name, role=old.role, active=active)
        audit.record(db, actor, "staff.set_active", f"staff:{name}", old, new)
        return new


def set_role(db: sqlite_utils.Database, name: str, role: str, *, actor: str) -> StaffMember:
    """Give an account another role (a cashier made supervisor, say)."""
    if role not in ROLES:
        raise InvalidStaff(f"role {role!r} is not one of {', '.join(ROLES)}")
    with write_transaction(db):
        old = _member(_existing(db, name))
        db.conn.execute("UPDATE staff SET role = ? WHERE name = ?", (role, name))
        new = StaffMember(id=old.id, name=old.name, role=role, active=old.active)
        audit.record(db, actor, "staff.set_role", f"staff:{name}", old, new)
        return new


def set_pin(db: sqlite_utils.Database, name: str, pin: str, *, actor: str) -> None:
    """Give an account a new PIN (the audit entry records that it changed, not the PIN)."""
    _check_pin_text(pin)
    pin_hash = hash_pin(pin)
    with write_transaction(db):
        member = _member(_existing(db, name))
        if _pin_taken(db, pin, by_other_than=member.id):
            raise InvalidStaff("that PIN is already in use: choose another")
        db.conn.execute("UPDATE staff SET pin_hash = ? WHERE id = ?", (pin_hash, member.id))
        audit.record(db, actor, "staff.set_pin", f"staff:{name}", None, {"pin": "changed"})


def _lock(
    db: sqlite_utils.Database, now: datetime, lockout_seconds: int
) -> tuple[int, datetime | None]:
    """The failures so far and when the lock ends. A lock ending further off than one lockout
    was set by a clock that ran ahead (a kiosk before its time sync, or a flat BIOS battery):
    it ends one lockout from now instead, not months later on every kiosk of the store."""
    failures, until = _guard(db)
    longest = now + timedelta(seconds=lockout_seconds)
    if until is not None and until > longest:
        until = longest
        db.conn.execute("UPDATE pin_guard SET locked_until = ?", (utc_iso(until),))
    return failures, until


def _guard(db: sqlite_utils.Database) -> tuple[int, datetime | None]:
    row = rows(db, "SELECT failures, locked_until FROM pin_guard WHERE id = 1")[0]
    until = datetime.fromisoformat(row["locked_until"]) if row["locked_until"] else None
    return int(row["failures"]), until


def verify_pin(
    db: sqlite_utils.Database,
    pin: str,
    *,
    now: datetime | None = None,
    max_attempts: int = 5,
    lockout_seconds: int = 300,
) -> StaffMember:
    """The active staff member with this PIN; counts failures and locks the pad after
    ``max_attempts`` in a row. Raises ``WrongPin`` (with attempts left) or ``StaffLockedOut``.
    """
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    _, until = _lock(db, now, lockout_seconds)
    if until is not None and now < until:
        raise StaffLockedOut(until)
    member = _owner_of(db, pin)  # hashing outside the write lock keeps sales unblocked
    locked_until: datetime | None = None
    with write_transaction(db):
        failures, until = _lock(db, now, lockout_seconds)
        if until is not None and now < until:
            locked_until = until
        elif member is not None:
            db.conn.execute("UPDATE pin_guard SET failures = 0, locked_until = NULL")
            return member
        else:
            failures += 1
            if failures >= max_attempts:
                locked_until = now + timedelta(seconds=lockout_seconds)
                db.conn.execute(
                    "UPDATE pin_guard SET failures = 0, locked_until = ?",
                    (utc_iso(locked_until),),
                )
                audit.record(
                    db,
                    "pin-pad",
                    "staff.lockout",
                    "pin_pad",
                    None,
                    {"failures": failures, "locked_until": utc_iso(locked_until)},
                )
            else:
                db.conn.execute(
                    "UPDATE pin_guard SET failures = ?, locked_until = NULL", (failures,)
                )
    if locked_until is not None:
        raise StaffLockedOut(locked_until)
    raise WrongPin(max_attempts - failures, lockout_seconds)
