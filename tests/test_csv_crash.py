"""Killing ``catalog import`` half-way leaves the catalog as before or fully imported."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog.db import connect
from catalog.importexport import export_csv_text, import_csv
from tests.catalog_fixtures import DEMO_CSV, HEADER, ROOT
from tests.crash.sale_crash import ledger_problems

KILLS = 12


def big_csv(path: Path, rows: int = 3000) -> Path:
    """Updates every demo product (labels move around) and adds ``rows`` new ones."""
    lines = [HEADER]
    for line in DEMO_CSV.read_text(encoding="utf-8").splitlines()[1:]:
        sku, name, price, tax, age, labels, _barcode = line.split(",")
        lines.append(f"{sku},{name} (new),{price},{tax},{age},{labels};{labels}-2")
    lines += [
        f"{5000 + i},Item {i},{i % 97}.{i % 100:02d},7,no,item-{i};item-{i}-b" for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db_path: Path) -> str:
    db = connect(db_path)
    try:
        return export_csv_text(db)
    finally:
        db.close()


def start_import(db_path: Path, csv_path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.csv_importer", str(db_path), str(csv_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite"
    db = connect(path)
    import_csv(db, DEMO_CSV)
    db.close()  # checkpoints the WAL: the file alone is the catalog
    return path


def test_import_killed_midway_leaves_catalog_before_or_after(base: Path, tmp_path: Path) -> None:
    csv_path = big_csv(tmp_path / "big.csv")
    before = snapshot(base)
    expected = tmp_path / "expected.sqlite"
    shutil.copy(base, expected)
    child = start_import(expected, csv_path)
    started = time.monotonic()
    assert child.stdout is not None and child.stdout.readline().strip() == "done"
    duration = time.monotonic() - started
    child.wait()
    after = snapshot(expected)
    assert after != before

    rng = random.Random(3)
    outcomes = {"before": 0, "after": 0}
    killed_before_done = 0
    for round_no in range(KILLS):
        work = tmp_path / f"work-{round_no}.sqlite"
        shutil.copy(base, work)
        child = start_import(work, csv_path)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.stdout is not None
        killed_before_done += child.stdout.read().strip() != "done"
        state = snapshot(work)
        assert state in (before, after), f"kill {round_no}: the catalog is half-imported"
        outcomes["before" if state == before else "after"] += 1
        assert ledger_problems(work) == []
    print(
        f"\nimport takes {duration:.2f} s; {KILLS} kills: {outcomes}, "
        f"{killed_before_done} before the importer reported done"
    )
    assert killed_before_done >= KILLS // 2
