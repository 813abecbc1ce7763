"""Seed the demo store: its products, a carrier bag, two offers, loose fruit, a manager PIN.

The caller passes the CSV path (it ships in ``models/demo``; the catalog package does not
import ``models``). Seeding twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import sqlite_utils

from catalog.db import write_transaction
from catalog.importexport import import_csv
from catalog.models import Product, Promotion
from catalog.products import get_product, list_promotions, store_product
from catalog.promotions import add_promotion
from catalog.staff import add_staff, list_staff

__all__ = ["DEMO_MANAGER", "DEMO_PIN", "seed_demo"]

DEMO_MANAGER = "Demo Manager"
DEMO_PIN = "1234"
DEMO_PROMOTIONS = (
    Promotion(sku="1001", name="3 for 2", buy_qty=3, pay_qty=2),
    Promotion(sku="1008", name="2 for 3.00", buy_qty=2, bundle_cents=300),
)
LOOSE_SKUS = ("1015", "1016")
# Not in the CSV, whose rows are the model's classes in order: the camera never sees a bag.
CARRIER_BAG = Product("2001", "Carrier bag", 20, 1900, shopper_adds=True)
ACTOR = "demo-seed"


def seed_demo(db: sqlite_utils.Database, csv_path: str | Path) -> None:
    """Import the demo catalog and add the demo offers, loose items and manager, atomically."""
    with write_transaction(db):
        import_csv(db, csv_path, actor=ACTOR)
        existing = {(p.sku, p.name) for p in list_promotions(db, active_only=True)}
        for promo in DEMO_PROMOTIONS:
            if (promo.sku, promo.name) not in existing:
                add_promotion(db, promo, ACTOR)
        for sku in LOOSE_SKUS:
            product = get_product(db, sku)
            if product is not None:
                store_product(db, dataclasses.replace(product, sold_loose=True), ACTOR)
        if get_product(db, CARRIER_BAG.sku) is None:
            store_product(db, CARRIER_BAG, ACTOR)
        if all(member.name != DEMO_MANAGER for member in list_staff(db)):
            add_staff(db, DEMO_MANAGER, DEMO_PIN, "manager", actor=ACTOR)
