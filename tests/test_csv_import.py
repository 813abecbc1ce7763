"""CSV import: every row checked first, every bad row reported, all or nothing applied."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlite_utils

from catalog import audit, products
from catalog.errors import CsvImportError
from catalog.importexport import import_csv, import_csv_bytes
from tests.catalog_fixtures import HEADER, db_path, fresh_db, product, write_csv

__all__ = ["db_path", "fresh_db"]

GOOD = "1001,Fizz Cola can 330 ml,1.29,19,false,cola-can;cola-side"


def snapshot(db: sqlite_utils.Database) -> tuple:
    return tuple(products.list_products(db)), len(audit.list_entries(db))


def test_rows_become_products_with_exact_cents(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "p.csv", GOOD, '1006,"Lager, 330 ml",0.29,7.25,YES,beer')
    result = import_csv(fresh_db, path)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    cola, beer = products.list_products(fresh_db)
    assert (cola.price_cents, cola.tax_rate_bp, cola.labels) == (
        129,
        1900,
        ("cola-can", "cola-side"),
    )
    assert (beer.name, beer.price_cents, beer.tax_rate_bp, beer.age_restricted) == (
        "Lager, 330 ml",
        29,
        725,
        True,
    )


@pytest.mark.parametrize(
    ("text", "cents"), [("0.29", 29), ("2.5", 250), ("3", 300), ("19.99", 1999), ("0", 0)]
)
def test_price_text_is_parsed_exactly(
    fresh_db: sqlite_utils.Database, tmp_path: Path, text: str, cents: int
) -> None:
    import_csv(fresh_db, write_csv(tmp_path / "p.csv", f"1,x,{text},19,no,x"))
    assert products.get_product(fresh_db, "1").price_cents == cents  # type: ignore[union-attr]


BAD_ROWS = {
    "negative price": ("2,x,-1.00,19,no,a", "line 3: price '-1.00' is negative"),
    "too many decimals": ("2,x,1.299,19,no,a", "line 3: price '1.299' has 3 decimals"),
    "not a number": ("2,x,abc,19,no,a", "line 3: price 'abc' is not a number"),
    "comma decimal": ('2,x,"1,29",19,no,a', "line 3: price '1,29' is not a number"),
    "float-like exponent": ("2,x,1e3,19,no,a", "line 3: price '1e3' is not a number"),
    "tax too precise": ("2,x,1.00,19.125,no,a", "line 3: tax rate '19.125' has 3 decimals"),
    "tax above 100": ("2,x,1.00,120,no,a", "line 3: tax rate '120' is above 100"),
    "bad boolean": ("2,x,1.00,19,maybe,a", "line 3: age_restricted 'maybe' must be one of"),
    "missing column": ("2,x,1.00,19,no", "line 3: has 5 values, the header has 6 .missing labels"),
    "extra column": ("2,x,1.00,19,no,a,b", "line 3: has 7 values"),
    "empty sku": (",x,1.00,19,no,a", "line 3: sku is empty"),
    "empty name": ("2,,1.00,19,no,a", "line 3: name is empty"),
}


@pytest.mark.parametrize(("row", "reason"), BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_bad_row_is_reported_with_its_line_and_nothing_applied(
    fresh_db: sqlite_utils.Database, tmp_path: Path, row: str, reason: str
) -> None:
    products.upsert_product(fresh_db, product("9"), "ann")
    before = snapshot(fresh_db)
    with pytest.raises(CsvImportError, match=reason):
        import_csv(fresh_db, write_csv(tmp_path / "p.csv", GOOD, row))
    assert snapshot(fresh_db) == before


def test_every_bad_row_is_listed_at_once(fresh_db: sqlite_utils.Database, tmp_path: Path) -> None:
    products.upsert_product(fresh_db, product("9", labels=("taken",)), "ann")
    path = write_csv(
        tmp_path / "p.csv",
        GOOD,
        "1002,Cherry,-1,19,no,cherry",
        "1001,Again,1.00,19,no,other",
        "1003,Lemon,1.00,19,no,cola-can",
        "1004,Water,0.69,19,no,taken",
        "1005,Juice,2.499,7,perhaps,juice",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(fresh_db, path)
    assert [line for line, _ in caught.value.problems] == [3, 4, 5, 6, 7, 7]
    message = str(caught.value)
    assert "6 bad rows, nothing was imported" in message
    assert "line 4: duplicate sku 1001 (already on line 2)" in message
    assert "line 5: label 'cola-can' is already used on line 2" in message
    assert "line 6: label 'taken' already belongs to product 9 (not in this file)" in message
    assert products.get_product(fresh_db, "1001") is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "line 1: the file is empty"),
        (b"  \n\n", "line 1: the file is empty"),
        (HEADER.encode() + b"\n", "line 1: the file has a header but no product rows"),
        (b"sku,name,price\n1,x,1.00\n", "line 1: missing columns tax_rate_percent, age_restricted"),
        (HEADER.encode() + b",colour\n", "line 1: unknown column colour"),
    ],
)
def test_empty_file_or_bad_header_is_refused(
    fresh_db: sqlite_utils.Database, content: bytes, reason: str
) -> None:
    with pytest.raises(CsvImportError, match=reason):
        import_csv_bytes(fresh_db, content, source="p.csv")
    assert products.list_products(fresh_db) == []


def test_excels_plain_csv_in_windows_1252_is_read_and_said(fresh_db: sqlite_utils.Database) -> None:
    """Excel's "CSV" (not "CSV UTF-8") on a Western European Windows: "Äpfel" is the byte C4,
    "€" the byte 80. Read as Windows-1252, and the result says so for staff to look over."""
    rows = [
        HEADER.replace(",", ";"),
        "1002;Äpfel Braeburn € 1 kg;2,49;7;no;apple",
        "1003;Café crème;1,00;7;no;cafe",
    ]
    result = import_csv_bytes(fresh_db, "\r\n".join(rows).encode("cp1252"))
    assert (result.created, result.encoding) == (2, "cp1252")
    names = [p.name for p in products.list_products(fresh_db)]
    assert names == ["Äpfel Braeburn € 1 kg", "Café crème"]
    entry = audit.list_entries(fresh_db)[-1]
    assert entry.action == "catalog.import" and entry.new["encoding"] == "cp1252"
    assert import_csv_bytes(fresh_db, ("\n".join([HEADER, GOOD])).encode()).encoding == "utf-8"


def test_a_damaged_utf8_file_is_refused_on_its_bad_line_not_misread(
    fresh_db: sqlite_utils.Database,
) -> None:
    """UTF-8 letters elsewhere say the file is UTF-8: its bad bytes are damage, and reading it
    all as Windows-1252 would turn every "é" into "Ã©"."""
    good = "1004,Crème brûlée,1.00,7,no,creme".encode()
    data = b"\n".join([HEADER.encode(), good, "1002,Caf\xe9,1.00,7,no,cafe".encode("latin-1")])
    with pytest.raises(
        CsvImportError, match="line 3: not valid UTF-8 text: save the file as UTF-8"
    ):
        import_csv_bytes(fresh_db, data)
    marked = b"\xef\xbb\xbf" + b"\n".join(
        [HEADER.encode(), "1002,Caf\xe9,1.00,7,no,x".encode("cp1252")]
    )
    with pytest.raises(CsvImportError, match="line 2: not valid UTF-8 text"):  # it says UTF-8
        import_csv_bytes(fresh_db, marked)
    assert products.list_products(fresh_db) == []


def test_utf8_with_bom_and_crlf_is_accepted(fresh_db: sqlite_utils.Database) -> None:
    data = ("\ufeff" + HEADER + "\r\n1002,Café crème,1.00,7,no,cafe\r\n").encode("utf-8")
    import_csv_bytes(fresh_db, data)
    assert products.get_product(fresh_db, "1002").name == "Café crème"  # type: ignore[union-attr]


def test_a_spreadsheet_of_semicolons_and_decimal_commas_is_read(
    fresh_db: sqlite_utils.Database,
) -> None:
    """What Excel writes where the comma is the decimal mark (Germany, France, Spain, ...),
    "CSV UTF-8" included: semicolons between cells, 1,29 for 1.29, a byte-order mark, CRLF.
    Label lists may then be typed with commas, unquoted."""
    rows = [
        HEADER.replace(",", ";"),
        "1001;Fizz Cola Dose 330 ml;1,29;19;false;cola-can,cola-side",
        '1006;"Lager; 330 ml";0,5;7,25;ja?;beer',  # a bad boolean: nothing is imported
        "1011;Tee;2.49;7;no;tea-box",  # a dot still reads as the decimal mark
    ]
    data = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")
    with pytest.raises(CsvImportError, match=r"line 3: age_restricted 'ja\?' must be one of"):
        import_csv_bytes(fresh_db, data)
    assert products.list_products(fresh_db) == []
    import_csv_bytes(fresh_db, data.replace(b"ja?", b"yes"))
    cola, lager, tea = products.list_products(fresh_db)
    assert (cola.name, cola.price_cents, cola.tax_rate_bp) == ("Fizz Cola Dose 330 ml", 129, 1900)
    assert cola.labels == ("cola-can", "cola-side")
    assert (lager.name, lager.price_cents, lager.tax_rate_bp) == ("Lager; 330 ml", 50, 725)
    assert (tea.price_cents, tea.labels) == (249, ("tea-box",))


@pytest.mark.parametrize(
    ("price", "reason"),
    [
        ("1.299,00", "price '1.299,00' is not a number"),  # thousands marks: refused
        ("1,299", "price '1,299' has 3 decimals"),
        ("1,2,3", "price '1,2,3' is not a number"),
    ],
)
def test_decimal_commas_are_read_exactly_or_refused(
    fresh_db: sqlite_utils.Database, price: str, reason: str
) -> None:
    data = "\n".join([HEADER.replace(",", ";"), f"1;x;{price};19;no;x"]).encode("utf-8")
    with pytest.raises(CsvImportError, match=rf"line 2: {re.escape(reason)}"):
        import_csv_bytes(fresh_db, data)


def test_import_updates_existing_sku_and_audits_it(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    products.upsert_product(fresh_db, product("1001", price_cents=99, active=False), "ann")
    result = import_csv(fresh_db, write_csv(tmp_path / "p.csv", GOOD), actor="bob")
    assert (result.created, result.updated) == (0, 1)
    updated = products.get_product(fresh_db, "1001")
    assert updated.price_cents == 129 and updated.active is False  # type: ignore[union-attr]
    entry = audit.list_entries(fresh_db, action="product.update")[-1]
    assert (entry.actor, entry.old["price_cents"], entry.new["price_cents"]) == ("bob", 99, 129)


def test_labels_may_move_between_products_in_one_file(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    products.upsert_product(fresh_db, product("1", labels=("can",)), "ann")
    products.upsert_product(fresh_db, product("2", labels=("bottle",)), "ann")
    import_csv(
        fresh_db, write_csv(tmp_path / "p.csv", "1,a,1.00,19,no,bottle", "2,b,1.00,19,no,can")
    )
    assert products.get_by_label(fresh_db, "can").sku == "2"  # type: ignore[union-attr]
    assert products.get_by_label(fresh_db, "bottle").sku == "1"  # type: ignore[union-attr]


def test_unreadable_file_is_reported(fresh_db: sqlite_utils.Database, tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="cannot read the file"):
        import_csv(fresh_db, tmp_path / "missing.csv")
