"""CSV export: what it writes, and that importing it into an empty catalog reproduces it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import products
from catalog.db import connect
from catalog.importexport import export_csv, export_csv_text, import_csv, import_csv_bytes
from catalog.models import Product
from tests.catalog_fixtures import DEMO_CSV, db_path, fresh_db, product

__all__ = ["db_path", "fresh_db"]

ODD = [
    product("0042", name='Crisps "Salt, Vinegar" 150 g', price_cents=0, tax_rate_bp=725),
    product("1006", name="Lager 330 ml", age_restricted=True, active=False, labels=()),
    product(
        "1015",
        name="Äpfel (each) 🍎",
        sold_loose=True,
        image="img/apple.png",
        labels=("apple", "apple-green"),
    ),
    product("1016", name="Line\nbreak", price_cents=100_000_00, tax_rate_bp=10000),
    product("2001", name="Carrier bag", price_cents=20, labels=(), shopper_adds=True),
    product("3001", name="Mineral water 1.5 l", price_cents=49, tax_rate_bp=700, deposit_cents=25),
    product("3002", name="Birthday card", price_cents=249, labels=(), barcode="4006381333931"),
]


def test_export_writes_header_and_exact_decimal_text(fresh_db: sqlite_utils.Database) -> None:
    for p in ODD:
        products.upsert_product(fresh_db, p, "ann")
    lines = export_csv_text(fresh_db).splitlines()
    assert lines[0] == (
        "sku,name,price,tax_rate_percent,age_restricted,labels,active,sold_loose,image,shopper_adds,"
        "deposit,barcode"
    )
    assert lines[1] == (
        '0042,"Crisps ""Salt, Vinegar"" 150 g",0.00,7.25,false,label-0042,true,false,,false,0.00,'
    )
    assert lines[2] == "1006,Lager 330 ml,1.29,19,true,,false,false,,false,0.00,"
    assert lines[-3] == "2001,Carrier bag,0.20,19,false,,true,false,,true,0.00,"
    assert lines[-2] == "3001,Mineral water 1.5 l,0.49,7,false,label-3001,true,false,,false,0.25,"
    assert lines[-1] == "3002,Birthday card,2.49,19,false,,true,false,,false,0.00,4006381333931"


def round_trip(source: sqlite_utils.Database, tmp_path: Path) -> list[Product]:
    path = tmp_path / "export.csv"
    export_csv(source, path)
    target = connect(tmp_path / f"empty-{next(_names)}.sqlite")
    import_csv(target, path)
    return products.list_products(target)


_names = itertools.count()


@pytest.mark.parametrize("catalog", [ODD, []], ids=["odd values", "demo"])
def test_export_then_import_into_empty_catalog_reproduces_it(
    fresh_db: sqlite_utils.Database, tmp_path: Path, catalog: list[Product]
) -> None:
    if catalog:
        for p in catalog:
            products.upsert_product(fresh_db, p, "ann")
    else:
        import_csv(fresh_db, DEMO_CSV)
    assert round_trip(fresh_db, tmp_path) == products.list_products(fresh_db)


def test_export_is_stable_across_a_round_trip(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    import_csv(fresh_db, DEMO_CSV)
    first = export_csv_text(fresh_db)
    target = connect(tmp_path / "t.sqlite")
    import_csv_bytes(target, first.encode())
    assert export_csv_text(target) == first


text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)
label = st.text("abcdefghijklmnopqrstuvwxyz-0123456789", min_size=1, max_size=12)
products_strategy = st.lists(
    st.builds(
        Product,
        sku=st.text("0123456789ABC", min_size=1, max_size=8),
        name=text,
        price_cents=st.integers(0, 10_000_000),
        tax_rate_bp=st.integers(0, 10000),
        age_restricted=st.booleans(),
        active=st.booleans(),
        sold_loose=st.booleans(),
        image=st.none() | st.just("pic.png"),
        labels=st.lists(label, max_size=3, unique=True).map(lambda xs: tuple(sorted(xs))),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda p: p.sku,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(catalog=products_strategy)
def test_any_catalog_survives_export_and_import(tmp_path: Path, catalog: list[Product]) -> None:
    seen: set[str] = set()
    catalog = [p for p in catalog if not (set(p.labels) & seen) and not seen.update(p.labels)]
    source = connect(tmp_path / f"src-{next(_names)}.sqlite")
    for p in catalog:
        products.upsert_product(source, p, "hypothesis")
    assert round_trip(source, tmp_path) == sorted(catalog, key=lambda p: p.sku)
