"""Products and their detector labels: look-ups for the checkout, audited changes for admin.

A product has several labels (a can seen from the top and from the side); a label maps to
one product. Labels come back sorted, so a product read back equals the product written
whatever order its labels were given in. Every change writes an audit entry in the same
transaction. Promotions live in ``catalog.promotions`` and are re-exported here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from catalog import audit
from catalog.db import rows, write_transaction
from catalog.errors import (
    BarcodeTaken,
    InvalidProduct,
    LabelTaken,
    ProductExists,
    UnknownProduct,
)
from catalog.gtin import gtin_key, gtin_problem
from catalog.models import Product
from catalog.promotions import (
    active_promotions,
    add_promotion,
    deactivate_promotion,
    list_promotions,
)

__all__ = [
    "LabelCoverage",
    "ProductEdit",
    "active_promotions",
    "add_label",
    "add_promotion",
    "deactivate_promotion",
    "delete_label",
    "edit_product",
    "first_skus",
    "get_by_label",
    "get_product",
    "label_coverage",
    "list_products",
    "list_promotions",
    "products_by_label",
    "set_product_active",
    "store_product",
    "upsert_product",
    "validate_product",
]


def _labels_of(db: sqlite_utils.Database, sku: str) -> tuple[str, ...]:
    found = rows(db, "SELECT label FROM labels WHERE sku = ? ORDER BY label", (sku,))
    return tuple(r["label"] for r in found)


def _product(row: dict[str, Any], labels: tuple[str, ...]) -> Product:
    # Columns added by later migrations read as their defaults: `kiosk doctor` reads a
    # catalog without migrating it (a PC whose program was upgraded, the kiosk not yet run).
    return Product(
        sku=row["sku"],
        name=row["name"],
        price_cents=row["price_cents"],
        tax_rate_bp=row["tax_rate_bp"],
        age_restricted=bool(row["age_restricted"]),
        active=bool(row["active"]),
        sold_loose=bool(row["sold_loose"]),
        image=row["image"],
        labels=labels,
        shopper_adds=bool(row.get("shopper_adds", 0)),
        deposit_cents=row.get("deposit_cents", 0),
        barcode=row.get("barcode") or "",
    )


def get_product(db: sqlite_utils.Database, sku: str) -> Product | None:
    """The product with this sku, active or not, or None."""
    found = rows(db, "SELECT * FROM products WHERE sku = ?", (sku,))
    return _product(found[0], _labels_of(db, sku)) if found else None


def get_by_label(db: sqlite_utils.Database, label: str) -> Product | None:
    """The product a detector label stands for, or None. Check ``.active`` before selling."""
    found = rows(db, "SELECT sku FROM labels WHERE label = ?", (label,))
    return get_product(db, found[0]["sku"]) if found else None


def list_products(db: sqlite_utils.Database, active_only: bool = False) -> list[Product]:
    """All products ordered by sku, with their labels (two queries, not one per product)."""
    where = " WHERE active = 1" if active_only else ""
    labels: dict[str, list[str]] = {}
    for row in rows(db, "SELECT label, sku FROM labels ORDER BY label"):
        labels.setdefault(row["sku"], []).append(row["label"])
    found = rows(db, f"SELECT * FROM products{where} ORDER BY sku")
    return [_product(row, tuple(labels.get(row["sku"], ()))) for row in found]


def products_by_label(db: sqlite_utils.Database, active_only: bool = True) -> dict[str, Product]:
    """Label -> product for every label: what the checkout prices detections against."""
    return {label: p for p in list_products(db, active_only) for label in p.labels}


@dataclass(frozen=True)
class LabelCoverage:
    """How a model's labels meet the catalog: what the camera would see but not sell."""

    unknown: tuple[str, ...]  # labels no product has: the shopper is sent for help
    off_sale: tuple[str, ...]  # labels whose products are all off sale: the same, for now
    # skus on sale the model cannot recognise (staff add them by hand), those the shopper
    # adds on the screen or scans by their barcode aside
    unseen: tuple[str, ...]
    scanned: tuple[str, ...] = ()  # skus on sale the model cannot recognise: shoppers scan them

    @property
    def unsold(self) -> tuple[str, ...]:
        return tuple(sorted(self.unknown + self.off_sale))


def first_skus(skus: tuple[str, ...], most: int = 5) -> str:
    """Up to ``most`` of ``skus`` for a message, "…" after them when there are more."""
    return ", ".join(skus[:most]) + (", …" if len(skus) > most else "")


def label_coverage(db: sqlite_utils.Database, labels: Iterable[str]) -> LabelCoverage:
    """Which of a model's ``labels`` the catalog sells, and which products it leaves unseen."""
    model_labels = set(labels)
    products = list_products(db)
    on_sale = {label for p in products if p.active for label in p.labels}
    known = {label for p in products for label in p.labels}
    unseen = [
        p for p in products if p.active and not p.shopper_adds and not set(p.labels) & model_labels
    ]
    return LabelCoverage(
        unknown=tuple(sorted(model_labels - known)),
        off_sale=tuple(sorted((model_labels & known) - on_sale)),
        unseen=tuple(p.sku for p in unseen if not p.barcode),
        scanned=tuple(p.sku for p in unseen if p.barcode),
    )


def validate_product(product: Product) -> Product:
    """Check the catalog rules; return the product with its labels de-duplicated and sorted."""
    problems = []
    if not product.sku.strip() or product.sku != product.sku.strip():
        problems.append("sku must be non-empty without surrounding spaces")
    if not product.name.strip():
        problems.append("name must not be empty")
    for field in ("price_cents", "tax_rate_bp", "deposit_cents"):
        value = getattr(product, field)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{field} must be a whole number >= 0, not {value!r}")
    if isinstance(product.tax_rate_bp, int) and product.tax_rate_bp > 10000:
        problems.append(f"tax_rate_bp {product.tax_rate_bp} is above 100 %")
    if any(not label.strip() or label != label.strip() for label in product.labels):
        problems.append("labels must be non-empty without surrounding spaces")
    if product.barcode and (problem := gtin_problem(product.barcode)):
        problems.append(problem)
    if problems:
        raise InvalidProduct(f"product {product.sku!r}: " + "; ".join(problems))
    return dataclasses.replace(product, labels=tuple(sorted(set(product.labels))))


def _check_owners(db: sqlite_utils.Database, product: Product) -> None:
    """Refuse labels or a barcode that belong to another product."""
    for label in product.labels:
        owner = rows(db, "SELECT sku FROM labels WHERE label = ?", (label,))
        if owner and owner[0]["sku"] != product.sku:
            raise LabelTaken(
                f"label {label!r} already belongs to product {owner[0]['sku']}; remove it "
                f"there first, or choose another label for {product.sku}"
            )
    if product.barcode:
        owner = rows(
            db, "SELECT sku, name FROM products"
            " WHERE barcode <> '' AND substr('0000000000000' || barcode, -14) = ? AND sku <> ?",
            (gtin_key(product.barcode), product.sku),
        )  # fmt: skip
        if owner:
            raise BarcodeTaken(
                f"barcode {product.barcode} already belongs to product {owner[0]['sku']} "
                f"({owner[0]['name']}); remove it there first, or check {product.sku}'s number"
            )


_READ = object()


def store_product(
    db: sqlite_utils.Database, product: Product, actor: str, *, previous: object = _READ
) -> Product:
    """Insert or replace one product and its labels. Call inside ``write_transaction``.

    ``previous`` is the product as it was (for the audit entry) when the caller already
    read it, e.g. a CSV import that detaches labels before re-assigning them.
    """
    product = validate_product(product)
    _check_owners(db, product)
    old = get_product(db, product.sku) if previous is _READ else previous
    if old == product:
        return product
    db.conn.execute(
        "INSERT INTO products (sku, name, price_cents, tax_rate_bp, age_restricted, active,"
        " sold_loose, image, shopper_adds, deposit_cents, barcode)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(sku) DO UPDATE SET"
        " name=excluded.name, price_cents=excluded.price_cents,"
        " tax_rate_bp=excluded.tax_rate_bp, age_restricted=excluded.age_restricted,"
        " active=excluded.active, sold_loose=excluded.sold_loose, image=excluded.image,"
        " shopper_adds=excluded.shopper_adds, deposit_cents=excluded.deposit_cents,"
        " barcode=excluded.barcode",
        (
            product.sku,
            product.name,
            product.price_cents,
            product.tax_rate_bp,
            int(product.age_restricted),
            int(product.active),
            int(product.sold_loose),
            product.image,
            int(product.shopper_adds),
            product.deposit_cents,
            product.barcode,
        ),
    )
    db.conn.execute("DELETE FROM labels WHERE sku = ?", (product.sku,))
    db.conn.executemany(
        "INSERT INTO labels (label, sku) VALUES (?, ?)",
        [(label, product.sku) for label in product.labels],
    )
    action = "product.update" if old else "product.create"
    audit.record(db, actor, action, f"product:{product.sku}", old, product)
    return product


def upsert_product(db: sqlite_utils.Database, product: Product, actor: str) -> Product:
    """Create or update a product (labels replaced by ``product.labels``), audited."""
    with write_transaction(db):
        return store_product(db, product, actor)


@dataclass(frozen=True)
class ProductEdit:
    """What one admin save did: the product as stored, and the labels it took from others."""

    product: Product
    created: bool
    moved: tuple[tuple[str, Product], ...] = ()  # (label, the product that had it)


def edit_product(
    db: sqlite_utils.Database, product: Product, actor: str, *, create: bool
) -> ProductEdit:
    """Create a product (``create``: its sku must be new) or change an existing one, in one
    transaction. A label that belongs to another product moves to this one: the admin screen
    shows whose it is before staff tick it. The picture is ``product.image`` as given (the
    screen passes the one it shows: kept, taken anew or removed). Every product changed gets
    its own audit entry."""
    validate_product(product)
    with write_transaction(db):
        old = get_product(db, product.sku)
        if create and old is not None:
            raise ProductExists(
                f"sku {product.sku!r} is already {old.name!r}: choose another sku, or pick "
                "that product in the list to change it"
            )
        if not create and old is None:
            raise UnknownProduct(f"no product with sku {product.sku!r} in the catalog")
        moved = []
        for label in sorted(set(product.labels)):
            owner = get_by_label(db, label)
            if owner is not None and owner.sku != product.sku:
                kept = tuple(x for x in owner.labels if x != label)
                store_product(db, dataclasses.replace(owner, labels=kept), actor, previous=owner)
                moved.append((label, owner))
        stored = store_product(db, product, actor, previous=old)
    return ProductEdit(stored, created=old is None, moved=tuple(moved))


def _existing(db: sqlite_utils.Database, sku: str) -> Product:
    product = get_product(db, sku)
    if product is None:
        raise UnknownProduct(f"no product with sku {sku!r} in the catalog")
    return product


def set_product_active(db: sqlite_utils.Database, sku: str, active: bool, actor: str) -> Product:
    """Stop (or resume) selling a product without losing its history."""
    with write_transaction(db):
        product = _existing(db, sku)
        return store_product(db, dataclasses.replace(product, active=active), actor)


def add_label(db: sqlite_utils.Database, sku: str, label: str, actor: str) -> Product:
    """Let one more detector label stand for ``sku``."""
    with write_transaction(db):
        product = _existing(db, sku)
        new = dataclasses.replace(product, labels=(*product.labels, label))
        return store_product(db, new, actor)


def delete_label(db: sqlite_utils.Database, label: str, actor: str) -> Product:
    """Detach a label from its product; returns the product without it."""
    with write_transaction(db):
        product = get_by_label(db, label)
        if product is None:
            raise UnknownProduct(f"no product has the label {label!r}")
        kept = tuple(x for x in product.labels if x != label)
        return store_product(db, dataclasses.replace(product, labels=kept), actor)
