"""Seed the demo store: its products, a carrier bag, a birthday card the camera does not
know (sold by its barcode), two offers, loose fruit, a manager PIN, and each product's
picture.

The caller passes the CSV path (it ships in ``models/demo``; the catalog package does not
import ``models``); the pictures are ``pictures/SKU.png`` beside it. Seeding twice changes
nothing the second time.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import sqlite_utils

from catalog.csv_rows import read_file
from catalog.db import write_transaction
from catalog.importexport import import_csv_bytes
from catalog.models import Product, Promotion
from catalog.pictures import PictureStore
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
# New in the store and not in the model yet: the shopper scans it.
BIRTHDAY_CARD = Product("2002", "Birthday card", 249, 1900, barcode="2000000020020")
# Weighed and labelled at the deli counter: its price is per kilogram, and its barcode the
# base number of the scale's labels (layout 23IIIIIWWWWWC, item 00077, weight digits 0).
DELI_CHEESE = Product("2101", "Gouda, sliced", 1290, 700, barcode="2300077000001")
ACTOR = "demo-seed"
PICTURES = "pictures"  # the demo's product pictures, SKU.png, beside its CSV


def seed_demo(
    db: sqlite_utils.Database, csv_path: str | Path, pictures: PictureStore | None = None
) -> None:
    """Import the demo catalog and add the demo offers, loose items and manager, atomically;
    with ``pictures``, each product gets the demo's picture of it."""
    folder = Path(csv_path).parent
    data, resolve = read_file(csv_path), None
    if pictures is not None:
        data, resolve = _with_pictures(data, folder), pictures.csv_pictures(folder)
    with write_transaction(db):
        import_csv_bytes(db, data, source=str(csv_path), actor=ACTOR, pictures=resolve)
        existing = {(p.sku, p.name) for p in list_promotions(db, active_only=True)}
        for promo in DEMO_PROMOTIONS:
            if (promo.sku, promo.name) not in existing:
                add_promotion(db, promo, ACTOR)
        for sku in LOOSE_SKUS:
            product = get_product(db, sku)
            if product is not None:
                store_product(db, dataclasses.replace(product, sold_loose=True), ACTOR)
        # not in the CSV: the camera does not know them
        for drawn in (CARRIER_BAG, BIRTHDAY_CARD, DELI_CHEESE):
            if get_product(db, drawn.sku) is None:
                picture = folder / PICTURES / f"{drawn.sku}.png"
                has_picture = pictures is not None and picture.is_file()
                image = pictures.add_file(drawn.sku, picture) if has_picture else None
                store_product(db, dataclasses.replace(drawn, image=image), ACTOR)
        if all(member.name != DEMO_MANAGER for member in list_staff(db)):
            add_staff(db, DEMO_MANAGER, DEMO_PIN, "manager", actor=ACTOR)


def _with_pictures(data: bytes, folder: Path) -> bytes:
    """The demo CSV with an ``image`` column naming ``pictures/SKU.png`` where there is one."""
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, [*(rows[0] if rows else ()), "image"], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        picture = Path(PICTURES) / f"{row['sku']}.png"
        writer.writerow({**row, "image": str(picture) if (folder / picture).is_file() else ""})
    return out.getvalue().encode("utf-8")
