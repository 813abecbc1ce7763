"""Hold the catalog's write lock until told to let go: "another program" in the lock tests.

Usage: ``python -m tests.crash.hold_lock DB``. Takes the write lock, writes one setting,
prints ``locked``, waits for a line on stdin, then commits and prints ``released``.
"""

from __future__ import annotations

import sqlite3
import sys


def main(db_path: str) -> int:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('written-by', 'other program')")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("COMMIT")
    conn.close()
    print("released", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
