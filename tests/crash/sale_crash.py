"""Kill a sale-recording process with SIGKILL again and again; check the ledger each time.

``python -m tests.crash.sale_crash --kills 200 [--db PATH]`` runs it by hand; the test suite
runs it with ``KIOSK_CRASH_KILLS`` kills (default 50). After every kill the ledger is
reopened (a restart) and must pass: ``PRAGMA integrity_check`` ok, every sale complete (its
lines present and summing to the stored subtotal and total), no duplicate idempotency key,
every sale acknowledged before the kill still there, and retrying the interrupted sale's key
yields exactly one sale with that key.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from catalog.db import connect
from catalog.intents import draft_from_json
from catalog.sales import get_sale, record_sale

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class CrashStats:
    kills: int = 0
    sales: int = 0
    interrupted_uncommitted: int = 0
    interrupted_committed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def ledger_problems(db_path: Path) -> list[str]:
    """Everything wrong with the ledger on disk; empty when it is sound."""
    db = connect(db_path)
    try:
        conn = db.conn
        problems = []
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity}")
        broken = conn.execute(
            "SELECT s.id FROM sales s LEFT JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id"
            " HAVING COUNT(l.id) != s.line_count OR COALESCE(SUM(l.line_cents), 0) !="
            " s.subtotal_cents OR s.total_cents != s.subtotal_cents +"
            " CASE WHEN s.tax_inclusive THEN 0 ELSE s.tax_cents END"
        ).fetchall()
        if broken:
            problems.append(f"incomplete sales: {broken[:5]}")
        orphans = conn.execute(
            "SELECT COUNT(*) FROM sale_lines WHERE sale_id NOT IN (SELECT id FROM sales)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} sale lines without a sale")
        dupes = conn.execute(
            "SELECT idempotency_key FROM sales GROUP BY idempotency_key HAVING COUNT(*) > 1"
        ).fetchall()
        if dupes:
            problems.append(f"duplicate keys: {dupes[:5]}")
        torn = conn.execute(
            "SELECT r.id FROM refunds r LEFT JOIN refund_lines l ON l.refund_id = r.id"
            " GROUP BY r.id HAVING COUNT(l.id) = 0 OR SUM(l.amount_cents) != r.amount_cents"
            " OR SUM(l.tax_cents) != r.tax_cents"
        ).fetchall()
        if torn:
            problems.append(f"incomplete refunds: {torn[:5]}")
        over = conn.execute(
            "SELECT s.id FROM sales s JOIN refunds r ON r.sale_id = s.id GROUP BY s.id"
            " HAVING SUM(r.amount_cents) > s.total_cents"
        ).fetchall()
        if over:
            problems.append(f"sales refunded beyond their total: {over[:5]}")
        return problems
    finally:
        db.close()


def _written_drafts(keys_path: Path) -> list[str]:
    """Complete lines only: the writer may die half-way through the side file too."""
    text = keys_path.read_text(encoding="utf-8") if keys_path.exists() else ""
    return text.split("\n")[:-1]


def check_after_kill(db_path: Path, keys_path: Path, stats: CrashStats) -> None:
    stats.failures += ledger_problems(db_path)
    drafts = _written_drafts(keys_path)
    if not drafts:
        return
    db = connect(db_path)
    try:
        acknowledged = [draft_from_json(line).idempotency_key for line in drafts[:-1]]
        lost = [key for key in acknowledged[-20:] if get_sale(db, key) is None]
        if lost:
            stats.failures.append(f"acknowledged sales lost: {lost}")
        interrupted = draft_from_json(drafts[-1])
        before = get_sale(db, interrupted.idempotency_key)
        if before is None:
            stats.interrupted_uncommitted += 1
        else:
            stats.interrupted_committed += 1
        again = record_sale(db, interrupted)  # the checkout's retry after a restart
        count = db.conn.execute(
            "SELECT COUNT(*) FROM sales WHERE idempotency_key = ?", (interrupted.idempotency_key,)
        ).fetchone()[0]
        if count != 1 or (before is not None and again != before) or again.draft != interrupted:
            stats.failures.append(f"retry of {interrupted.idempotency_key} gave {count} sales")
        stats.sales = db.conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    finally:
        db.close()


def run(db_path: Path, kills: int, seed: int = 0, max_delay: float = 0.12) -> CrashStats:
    """Start, kill and check ``kills`` times; returns what happened."""
    rng = random.Random(seed)
    keys_path = db_path.with_suffix(".keys.jsonl")
    connect(db_path).close()
    stats = CrashStats()
    start = time.monotonic()
    for round_no in range(kills):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.crash.sale_writer",
                str(db_path),
                str(keys_path),
                str(seed * 100_003 + round_no),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError(f"sale writer failed to start (exit {child.wait()})")
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        stats.kills += 1
        check_after_kill(db_path, keys_path, stats)
    stats.seconds = time.monotonic() - start
    stats.failures += _keys_missing(db_path, keys_path)
    return stats


def _keys_missing(db_path: Path, keys_path: Path) -> list[str]:
    """After the retries every sale ever attempted is in the ledger exactly once."""
    attempted = {draft_from_json(line).idempotency_key for line in _written_drafts(keys_path)}
    db = connect(db_path)
    try:
        stored = {r[0] for r in db.conn.execute("SELECT idempotency_key FROM sales")}
    finally:
        db.close()
    missing = attempted - stored
    return [f"{len(missing)} attempted sales missing after retries"] if missing else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="ledger file (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stats = run(args.db or Path(tmp) / "ledger.sqlite", args.kills, args.seed)
    print(
        f"{stats.kills} kills in {stats.seconds:.1f} s, {stats.sales} sales; interrupted sale "
        f"was uncommitted {stats.interrupted_uncommitted}x, committed "
        f"{stats.interrupted_committed}x; problems: {len(stats.failures)}"
    )
    for failure in stats.failures:
        print("  " + failure)
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())
