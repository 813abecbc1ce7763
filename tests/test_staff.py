"""Staff PINs: salted hashes, and a lockout that a restart does not reset."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlite_utils

from catalog import audit, staff
from catalog.db import connect
from catalog.errors import InvalidStaff, StaffLockedOut, UnknownStaff, WrongPin
from tests.catalog_fixtures import db_path, fresh_db

__all__ = ["db_path", "fresh_db"]

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def staffed(fresh_db: sqlite_utils.Database) -> sqlite_utils.Database:
    staff.add_staff(fresh_db, "Ann", "4711", "manager")
    staff.add_staff(fresh_db, "Bob", "0815", "cashier")
    return fresh_db


@pytest.mark.parametrize(("pin", "name"), [("4711", "Ann"), ("0815", "Bob")])
def test_right_pin_identifies_the_staff_member(
    staffed: sqlite_utils.Database, pin: str, name: str
) -> None:
    assert staff.verify_pin(staffed, pin, now=T0).name == name


def test_pin_is_stored_salted_never_plain(staffed: sqlite_utils.Database) -> None:
    hashes = [r["pin_hash"] for r in staffed.query("SELECT pin_hash FROM staff")]
    assert all(h.startswith("scrypt$") and "4711" not in h and "0815" not in h for h in hashes)
    staff.add_staff(staffed, "Cy", "1111", "cashier")
    staff.set_pin(staffed, "Cy", "2222", actor="ann")
    salts = [h.split("$")[4] for h in (r["pin_hash"] for r in staffed.query("SELECT * FROM staff"))]
    assert len(set(salts)) == 3
    assert "2222" not in str([e.new for e in audit.list_entries(staffed)])


def test_wrong_pin_says_how_many_attempts_are_left(staffed: sqlite_utils.Database) -> None:
    with pytest.raises(WrongPin, match="Wrong PIN: 4 attempts left") as caught:
        staff.verify_pin(staffed, "9999", now=T0)
    assert caught.value.attempts_left == 4


def test_pad_locks_after_max_attempts_until_the_time_it_names(
    staffed: sqlite_utils.Database,
) -> None:
    for left in (2, 1):
        with pytest.raises(WrongPin, match=f"{left} attempt"):
            staff.verify_pin(staffed, "9999", now=T0, max_attempts=3, lockout_seconds=60)
    with pytest.raises(StaffLockedOut, match="locked until 12:01:00 UTC") as caught:
        staff.verify_pin(staffed, "9999", now=T0, max_attempts=3, lockout_seconds=60)
    assert caught.value.until == T0 + timedelta(seconds=60)
    with pytest.raises(StaffLockedOut):  # even the right PIN waits
        staff.verify_pin(staffed, "4711", now=T0 + timedelta(seconds=59), max_attempts=3)
    assert staff.verify_pin(staffed, "4711", now=T0 + timedelta(seconds=60)).name == "Ann"
    assert audit.list_entries(staffed, action="staff.lockout")


def test_a_lock_set_by_a_clock_running_ahead_ends_one_lockout_from_now(
    staffed: sqlite_utils.Database,
) -> None:
    ahead = T0 + timedelta(days=365)  # a kiosk before its time sync
    for _ in range(3):
        with pytest.raises((WrongPin, StaffLockedOut)):
            staff.verify_pin(staffed, "9999", now=ahead, max_attempts=3, lockout_seconds=60)
    with pytest.raises(StaffLockedOut) as caught:  # the right time again: one minute more
        staff.verify_pin(staffed, "4711", now=T0, max_attempts=3, lockout_seconds=60)
    assert caught.value.until == T0 + timedelta(seconds=60)
    later = T0 + timedelta(seconds=61)
    assert staff.verify_pin(staffed, "4711", now=later, lockout_seconds=60).name == "Ann"


def test_lockout_survives_a_restart(db_path: Path) -> None:
    db = connect(db_path)
    staff.add_staff(db, "Ann", "4711", "manager")
    for _ in range(4):
        with pytest.raises(WrongPin):
            staff.verify_pin(db, "0000", now=T0)
    db.close()
    db = connect(db_path)  # the kiosk restarted: one more wrong PIN still locks
    with pytest.raises(StaffLockedOut):
        staff.verify_pin(db, "0000", now=T0)
    db.close()
    db = connect(db_path)
    with pytest.raises(StaffLockedOut):
        staff.verify_pin(db, "4711", now=T0 + timedelta(seconds=299))


def test_right_pin_resets_the_failure_count(staffed: sqlite_utils.Database) -> None:
    for _ in range(4):
        with pytest.raises(WrongPin):
            staff.verify_pin(staffed, "0000", now=T0)
    staff.verify_pin(staffed, "4711", now=T0)
    with pytest.raises(WrongPin, match="4 attempts left"):
        staff.verify_pin(staffed, "0000", now=T0)


def test_disabled_account_pin_is_refused(staffed: sqlite_utils.Database) -> None:
    staff.set_staff_active(staffed, "Bob", False, actor="ann")
    with pytest.raises(WrongPin):
        staff.verify_pin(staffed, "0815", now=T0)
    assert [m.active for m in staff.list_staff(staffed)] == [True, False]


def test_a_disabled_accounts_pin_is_never_given_to_another(
    staffed: sqlite_utils.Database,
) -> None:
    staff.set_staff_active(staffed, "Ann", False, actor="ann")  # the manager on leave
    with pytest.raises(InvalidStaff, match="PIN is already in use"):
        staff.add_staff(staffed, "Carl", "4711", "cashier")
    with pytest.raises(InvalidStaff, match="PIN is already in use"):
        staff.set_pin(staffed, "Bob", "4711", actor="ann")
    staff.set_staff_active(staffed, "Ann", True, actor="ann")
    assert staff.verify_pin(staffed, "4711", now=T0).name == "Ann"
    # Two accounts sharing a PIN from before (copied here): it opens neither of them.
    ann_hash = staffed.conn.execute("SELECT pin_hash FROM staff WHERE name = 'Ann'").fetchone()
    staffed.conn.execute("UPDATE staff SET pin_hash = ? WHERE name = 'Bob'", ann_hash)
    with pytest.raises(WrongPin):
        staff.verify_pin(staffed, "4711", now=T0)


@pytest.mark.parametrize(
    ("name", "pin", "role", "reason"),
    [
        ("Cy", "12", "cashier", "4 to 8 digits"),
        ("Cy", "12ab", "cashier", "4 to 8 digits"),
        ("Cy", "123456789", "cashier", "4 to 8 digits"),
        ("Cy", "5555", "owner", "role 'owner' is not one of"),
        ("", "5555", "cashier", "needs a name"),
        ("Ann", "5555", "cashier", "already a staff account named 'Ann'"),
        ("Cy", "4711", "cashier", "PIN is already in use"),
    ],
)
def test_unacceptable_account_is_refused(
    staffed: sqlite_utils.Database, name: str, pin: str, role: str, reason: str
) -> None:
    with pytest.raises(InvalidStaff, match=reason):
        staff.add_staff(staffed, name, pin, role)
    assert len(staff.list_staff(staffed)) == 2


def test_unknown_account_is_named(staffed: sqlite_utils.Database) -> None:
    with pytest.raises(UnknownStaff, match="no staff account named 'Zed'"):
        staff.set_staff_active(staffed, "Zed", False, actor="ann")


def test_naive_time_counts_as_utc(staffed: sqlite_utils.Database) -> None:
    naive = T0.replace(tzinfo=None)
    for _ in range(4):
        with pytest.raises(WrongPin):
            staff.verify_pin(staffed, "0000", now=naive)
    with pytest.raises(StaffLockedOut, match="locked until 12:05:00 UTC"):
        staff.verify_pin(staffed, "0000", now=naive)
