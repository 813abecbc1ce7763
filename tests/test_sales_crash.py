"""The ledger survives SIGKILL at random moments (the issue's "must show").

Runs ``KIOSK_CRASH_KILLS`` kills (default 50); ``python -m tests.crash.sale_crash --kills 200``
runs the same loop by hand.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tests.crash.sale_crash import ledger_problems, run
from tests.crash.sale_writer import drop_torn_line

KILLS = int(os.environ.get("KIOSK_CRASH_KILLS", "50"))


def test_ledger_stays_whole_when_the_recording_process_is_killed(tmp_path: Path) -> None:
    stats = run(tmp_path / "ledger.sqlite", KILLS, seed=7)
    print(
        f"\n{stats.kills} SIGKILLs in {stats.seconds:.1f} s, {stats.sales} sales; the interrupted "
        f"sale was uncommitted {stats.interrupted_uncommitted}x, committed "
        f"{stats.interrupted_committed}x"
    )
    assert stats.failures == []
    assert stats.kills == KILLS
    assert stats.interrupted_committed + stats.interrupted_uncommitted == KILLS
    assert stats.sales > KILLS
    assert ledger_problems(tmp_path / "ledger.sqlite") == []
    with sqlite3.connect(tmp_path / "ledger.sqlite") as conn:
        refunds = conn.execute("SELECT COUNT(*) FROM refunds").fetchone()[0]
    assert refunds > KILLS // 2  # refunds were being written when kills landed too


def test_a_line_torn_by_a_kill_is_dropped_before_the_next_writer_appends(tmp_path: Path) -> None:
    keys = tmp_path / "keys.jsonl"
    keys.write_bytes(b'{"a": 1}\n{"idempotency_key": "half-writ')
    drop_torn_line(str(keys))
    assert keys.read_bytes() == b'{"a": 1}\n'
    drop_torn_line(str(keys))  # a whole file is left alone
    assert keys.read_bytes() == b'{"a": 1}\n'
    keys.write_bytes(b'{"idem')
    drop_torn_line(str(keys))
    assert keys.read_bytes() == b""
