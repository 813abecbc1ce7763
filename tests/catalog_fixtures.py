"""Fixtures and builders for the catalog tests: real SQLite files under ``tmp_path``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from catalog.db import connect
from catalog.models import Product, SaleDraft, SaleLine

ROOT = Path(__file__).resolve().parent.parent
DEMO_CSV = ROOT / "models" / "demo" / "demo_catalog.csv"
HEADER = "sku,name,price,tax_rate_percent,age_restricted,labels"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "catalog.sqlite"


@pytest.fixture
def fresh_db(db_path: Path) -> Iterator[sqlite_utils.Database]:
    db = connect(db_path)
    yield db
    db.close()


def product(sku: str = "1001", **changes: object) -> Product:
    values: dict[str, object] = {
        "name": f"Product {sku}",
        "price_cents": 129,
        "tax_rate_bp": 1900,
        "labels": (f"label-{sku}",),
    }
    values.update(changes)
    return Product(sku=sku, **values)  # type: ignore[arg-type]


def item_line(sku: str = "1001", quantity: int = 1, unit_cents: int = 129) -> SaleLine:
    return SaleLine(sku, f"Product {sku}", quantity, unit_cents, quantity * unit_cents, 1900, 0)


def draft(
    key: str = "sale-1",
    *lines: SaleLine,
    tax_inclusive: bool = True,
    tax: int = 0,
    **changes: object,
) -> SaleDraft:
    lines = lines or (item_line(),)
    subtotal = sum(line.line_cents for line in lines)
    total = subtotal + (0 if tax_inclusive else tax)
    values: dict[str, object] = {
        "idempotency_key": key,
        "lines": lines,
        "subtotal_cents": subtotal,
        "tax_cents": tax,
        "total_cents": total,
        "currency": "EUR",
        "tax_inclusive": tax_inclusive,
    }
    values.update(changes)
    return SaleDraft(**values)  # type: ignore[arg-type]


def write_csv(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run_kiosk(*args: str, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The real ``kiosk`` command in a child process (what a shop owner types)."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )
