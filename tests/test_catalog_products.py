"""Products, labels, promotions and settings: look-ups, rules, and an audit entry per change."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from catalog import audit, products, settings
from catalog.db import connect
from catalog.errors import (
    InvalidProduct,
    InvalidPromotion,
    LabelTaken,
    ProductExists,
    UnknownProduct,
    UnknownPromotion,
)
from catalog.migrations import LATEST_VERSION, MIGRATIONS, apply_migrations, schema_version
from catalog.models import Promotion
from tests.catalog_fixtures import db_path, fresh_db, product

__all__ = ["db_path", "fresh_db"]


def test_product_reads_back_equal_with_labels_sorted(fresh_db: sqlite_utils.Database) -> None:
    written = product("1001", labels=("side", "top", "side"), age_restricted=True, image="a.png")
    products.upsert_product(fresh_db, written, "ann")
    assert products.get_product(fresh_db, "1001") == dataclasses.replace(
        written, labels=("side", "top")
    )


@pytest.mark.parametrize("label", ["top", "side"])
def test_every_label_finds_its_product(fresh_db: sqlite_utils.Database, label: str) -> None:
    products.upsert_product(fresh_db, product("1001", labels=("top", "side")), "ann")
    found = products.get_by_label(fresh_db, label)
    assert found is not None and found.sku == "1001"
    assert products.get_by_label(fresh_db, "unknown") is None


def test_label_of_another_product_is_refused(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001", labels=("can",)), "ann")
    with pytest.raises(LabelTaken, match="'can' already belongs to product 1001"):
        products.upsert_product(fresh_db, product("1002", labels=("can",)), "ann")
    assert products.get_product(fresh_db, "1002") is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"price_cents": -1}, "price_cents must be a whole number >= 0"),
        ({"price_cents": 1.5}, "price_cents must be a whole number"),
        ({"tax_rate_bp": 10001}, "above 100 %"),
        ({"name": "  "}, "name must not be empty"),
        ({"labels": (" x",)}, "labels must be non-empty"),
    ],
)
def test_product_breaking_a_rule_is_refused(
    fresh_db: sqlite_utils.Database, changes: dict, reason: str
) -> None:
    with pytest.raises(InvalidProduct, match=reason):
        products.upsert_product(fresh_db, product("1001", **changes), "ann")
    assert products.list_products(fresh_db) == []


def test_update_is_audited_with_old_and_new_values(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001", price_cents=129), "ann")
    products.upsert_product(fresh_db, product("1001", price_cents=149), "bob")
    entries = audit.list_entries(fresh_db, entity="product:1001")
    assert [(e.actor, e.action) for e in entries] == [
        ("ann", "product.create"),
        ("bob", "product.update"),
    ]
    assert entries[1].old["price_cents"] == 129 and entries[1].new["price_cents"] == 149
    assert entries[1].at.endswith("+00:00")


def test_unchanged_upsert_writes_no_audit_entry(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    products.upsert_product(fresh_db, product("1001"), "ann")
    assert len(audit.list_entries(fresh_db)) == 1


def test_audit_log_cannot_be_rewritten(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    with pytest.raises(Exception, match="append-only"):
        fresh_db.execute("UPDATE audit_log SET actor = 'mallory'")
    with pytest.raises(Exception, match="append-only"):
        fresh_db.execute("DELETE FROM audit_log")


def test_inactive_product_is_kept_but_not_listed_for_sale(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    products.upsert_product(fresh_db, product("1002"), "ann")
    products.set_product_active(fresh_db, "1001", False, "ann")
    assert [p.sku for p in products.list_products(fresh_db, active_only=True)] == ["1002"]
    assert [p.sku for p in products.list_products(fresh_db)] == ["1001", "1002"]
    assert set(products.products_by_label(fresh_db)) == {"label-1002"}


def test_labels_can_be_added_and_deleted(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001", labels=("top",)), "ann")
    products.add_label(fresh_db, "1001", "side", "ann")
    assert products.delete_label(fresh_db, "top", "ann").labels == ("side",)
    assert products.get_by_label(fresh_db, "top") is None
    with pytest.raises(UnknownProduct, match="no product has the label 'top'"):
        products.delete_label(fresh_db, "top", "ann")


def test_changing_an_unknown_product_says_so(fresh_db: sqlite_utils.Database) -> None:
    with pytest.raises(UnknownProduct, match="no product with sku '9999'"):
        products.set_product_active(fresh_db, "9999", False, "ann")


def test_an_edit_moves_a_label_from_its_owner_in_one_transaction(
    fresh_db: sqlite_utils.Database,
) -> None:
    products.upsert_product(fresh_db, product("1001", labels=("cola", "cola-side")), "ann")
    done = products.edit_product(fresh_db, product("1101", labels=("cola",)), "bob", create=True)
    assert done.created and done.product.labels == ("cola",)
    assert [(label, owner.sku) for label, owner in done.moved] == [("cola", "1001")]
    assert products.get_product(fresh_db, "1001").labels == ("cola-side",)
    assert products.get_by_label(fresh_db, "cola").sku == "1101"
    updates = audit.list_entries(fresh_db, entity="product:1001", action="product.update")
    assert [(e.actor, e.new["labels"]) for e in updates] == [("bob", ["cola-side"])]


def test_an_edit_stores_the_picture_it_is_given(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001", image="cola.png"), "ann")
    kept = product("1001", price_cents=149, image="cola.png")
    assert products.edit_product(fresh_db, kept, "bob", create=False).product.image == "cola.png"
    new = dataclasses.replace(kept, image="1001-new.png")
    assert products.edit_product(fresh_db, new, "bob", create=False).product.image == "1001-new.png"
    removed = dataclasses.replace(kept, image=None)
    products.edit_product(fresh_db, removed, "bob", create=False)
    assert products.get_product(fresh_db, "1001") == removed
    updates = audit.list_entries(fresh_db, entity="product:1001", action="product.update")
    assert [(e.old["image"], e.new["image"]) for e in updates] == [
        ("cola.png", "cola.png"),  # the price changed
        ("cola.png", "1001-new.png"),
        ("1001-new.png", None),
    ]


@pytest.mark.parametrize(
    ("new", "create", "error", "words"),
    [
        (product("1001", name="Other"), True, ProductExists, "sku '1001' is already"),
        (product("1009"), False, UnknownProduct, "no product with sku '1009'"),
        (product("1002", name=" ", labels=("cola",)), True, InvalidProduct, "name"),
    ],
)
def test_a_refused_edit_changes_nothing(
    fresh_db: sqlite_utils.Database, new, create: bool, error: type, words: str
) -> None:
    products.upsert_product(fresh_db, product("1001", labels=("cola",)), "ann")
    before = products.list_products(fresh_db), len(audit.list_entries(fresh_db))
    with pytest.raises(error, match=words):
        products.edit_product(
            fresh_db, dataclasses.replace(new, labels=("cola",)), "bob", create=create
        )
    assert (products.list_products(fresh_db), len(audit.list_entries(fresh_db))) == before


@pytest.mark.parametrize(
    "promo",
    [
        Promotion("1001", "3 for 2", buy_qty=3, pay_qty=2),
        Promotion("1001", "2 for 5.00", buy_qty=2, bundle_cents=500),
    ],
)
def test_promotion_is_stored_and_listed_by_sku(
    fresh_db: sqlite_utils.Database, promo: Promotion
) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    stored = products.add_promotion(fresh_db, promo, "ann")
    assert stored.id is not None
    assert products.active_promotions(fresh_db) == {"1001": [stored]}
    assert audit.list_entries(fresh_db, action="promotion.create")[0].new["name"] == promo.name


@pytest.mark.parametrize(
    ("promo", "reason"),
    [
        (Promotion("1001", "3 for 3", buy_qty=3, pay_qty=3), "pay quantity must be 1 to 2"),
        (Promotion("1001", "1 for 1", buy_qty=1, pay_qty=1), "at least 2"),
        (Promotion("1001", "both", buy_qty=2, pay_qty=1, bundle_cents=100), "not both"),
        (Promotion("1001", "neither", buy_qty=2), "not both"),
    ],
)
def test_inconsistent_promotion_is_refused(
    fresh_db: sqlite_utils.Database, promo: Promotion, reason: str
) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    with pytest.raises(InvalidPromotion, match=reason):
        products.add_promotion(fresh_db, promo, "ann")


def test_a_weekly_offer_runs_from_its_first_to_its_last_day_included(
    fresh_db: sqlite_utils.Database,
) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    week = Promotion("1001", "3 for 2", 3, 2, starts_on="2026-12-07", ends_on="2026-12-13")
    stored = products.add_promotion(fresh_db, week, "ann")
    assert (stored.starts_on, stored.ends_on) == ("2026-12-07", "2026-12-13")
    assert products.list_promotions(fresh_db) == [stored]  # the days are stored, not dropped
    running = {
        day: bool(products.active_promotions(fresh_db, date.fromisoformat(day)))
        for day in ("2026-12-06", "2026-12-07", "2026-12-13", "2026-12-14")
    }
    assert running == {
        "2026-12-06": False, "2026-12-07": True, "2026-12-13": True, "2026-12-14": False
    }  # fmt: skip
    assert products.active_promotions(fresh_db) == {"1001": [stored]}  # no day: every offer


@pytest.mark.parametrize(
    ("days", "reason"),
    [
        (("2026-12-32", None), "first day '2026-12-32' is not a date"),
        ((None, "13.12.2026"), "last day '13.12.2026' is not a date"),
        (("2026-12-13", "2026-12-07"), r"it ends \(2026-12-07\) before it starts \(2026-12-13\)"),
    ],
)
def test_offer_days_that_make_no_sense_are_refused(
    fresh_db: sqlite_utils.Database, days: tuple[str | None, str | None], reason: str
) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    promo = Promotion("1001", "3 for 2", 3, 2, starts_on=days[0], ends_on=days[1])
    with pytest.raises(InvalidPromotion, match=reason):
        products.add_promotion(fresh_db, promo, "ann")
    assert products.list_promotions(fresh_db) == []


def test_offers_from_before_offer_days_run_without_end(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = connect(path, migrate=False)
    apply_migrations(old, MIGRATIONS[:5])  # a catalog written before schema 6
    old.conn.execute(
        "INSERT INTO products (sku, name, price_cents, tax_rate_bp) VALUES ('1001', 'Cola', 129, 0)"
    )
    old.conn.execute(
        "INSERT INTO promotions (sku, name, buy_qty, pay_qty, active, created_at)"
        " VALUES ('1001', '3 for 2', 3, 2, 1, '2026-01-01T00:00:00+00:00')"
    )
    old.conn.close()
    upgraded = connect(path)
    assert schema_version(upgraded) == LATEST_VERSION
    [offer] = products.list_promotions(upgraded)
    assert (offer.name, offer.starts_on, offer.ends_on) == ("3 for 2", None, None)
    assert products.active_promotions(upgraded, date(2030, 1, 1)) == {"1001": [offer]}


def test_promotion_for_unknown_product_is_refused(fresh_db: sqlite_utils.Database) -> None:
    with pytest.raises(UnknownProduct, match="no product with sku '4242'"):
        products.add_promotion(fresh_db, Promotion("4242", "3 for 2", 3, 2), "ann")


def test_deactivated_promotion_is_kept_but_not_active(fresh_db: sqlite_utils.Database) -> None:
    products.upsert_product(fresh_db, product("1001"), "ann")
    stored = products.add_promotion(fresh_db, Promotion("1001", "3 for 2", 3, 2), "ann")
    products.deactivate_promotion(fresh_db, stored.id or 0, "bob")
    assert products.active_promotions(fresh_db) == {}
    assert products.list_promotions(fresh_db)[0].active is False
    with pytest.raises(UnknownPromotion, match="no promotion with id 99"):
        products.deactivate_promotion(fresh_db, 99, "bob")


def test_settings_round_trip_and_are_audited(fresh_db: sqlite_utils.Database) -> None:
    assert settings.get_setting(fresh_db, "shop_name", "Kiosk") == "Kiosk"
    settings.set_setting(fresh_db, "shop_name", "Corner Shop", "ann")
    settings.set_setting(fresh_db, "shop_name", "Corner Shop", "ann")
    assert settings.list_settings(fresh_db) == {"shop_name": "Corner Shop"}
    assert len(audit.list_entries(fresh_db, action="setting.set")) == 1


def test_audit_limit_returns_the_newest_entries_oldest_first(
    fresh_db: sqlite_utils.Database,
) -> None:
    for sku in ("1", "2", "3"):
        products.upsert_product(fresh_db, product(sku), "ann")
    assert [e.entity for e in audit.list_entries(fresh_db, limit=2)] == ["product:2", "product:3"]
