"""Import one CSV file and report when done: the victim in the CSV import crash test.

Usage: ``python -m tests.crash.csv_importer DB CSV``. Prints ``ready`` once the catalog is
open and ``done`` after the import committed.
"""

from __future__ import annotations

import sys

from catalog.db import connect
from catalog.importexport import import_csv


def main(db_path: str, csv_path: str) -> int:
    db = connect(db_path)
    print("ready", flush=True)
    import_csv(db, csv_path, actor="crash-test")
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
