"""The demo store: products, offers, loose fruit and a manager PIN, seeded atomically."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from catalog import audit, products, staff
from catalog.demo import seed_demo
from catalog.errors import CsvImportError
from tests.catalog_fixtures import DEMO_CSV, db_path, fresh_db, write_csv

__all__ = ["db_path", "fresh_db"]


def test_demo_seed_creates_the_demo_store(fresh_db: sqlite_utils.Database) -> None:
    seed_demo(fresh_db, DEMO_CSV)
    assert len(products.list_products(fresh_db, active_only=True)) == 19
    (bag,) = [p for p in products.list_products(fresh_db) if p.shopper_adds]
    assert (bag.sku, bag.price_cents, bag.labels) == ("2001", 20, ())  # the camera never sees it
    card = products.get_product(fresh_db, "2002")  # new: the model has not learnt it, scan it
    assert card is not None and card.labels == () and card.barcode == "2000000020020"
    numbers = [p.barcode for p in products.list_products(fresh_db) if p.barcode]
    assert len(numbers) == 16 and len(set(numbers)) == 16  # loose fruit and the bag have none
    offers = products.active_promotions(fresh_db)
    assert [(p.buy_qty, p.pay_qty) for p in offers["1001"]] == [(3, 2)]
    assert [(p.buy_qty, p.bundle_cents) for p in offers["1008"]] == [(2, 300)]
    loose = [p.sku for p in products.list_products(fresh_db) if p.sold_loose]
    assert loose == ["1015", "1016"]
    assert staff.verify_pin(fresh_db, "1234").role == "manager"
    assert products.get_by_label(fresh_db, "wine-bottle").age_restricted  # type: ignore[union-attr]


def test_seeding_twice_changes_nothing(fresh_db: sqlite_utils.Database) -> None:
    seed_demo(fresh_db, DEMO_CSV)
    state = products.list_products(fresh_db), products.list_promotions(fresh_db)
    entries = len(audit.list_entries(fresh_db))
    seed_demo(fresh_db, DEMO_CSV)
    assert (products.list_products(fresh_db), products.list_promotions(fresh_db)) == state
    assert len(staff.list_staff(fresh_db)) == 1
    assert len(audit.list_entries(fresh_db)) == entries + 1  # only the import's own entry


def test_bad_demo_file_seeds_nothing(fresh_db: sqlite_utils.Database, tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="line 2"):
        seed_demo(fresh_db, write_csv(tmp_path / "bad.csv", "1001,Cola,x,19,no,cola-can"))
    assert products.list_products(fresh_db) == []
    assert staff.list_staff(fresh_db) == []
