"""CSV import and export of the product catalog.

Import checks every row first and then applies all of them in one transaction, or nothing:
a bad file, or a process killed half-way, leaves the catalog exactly as it was. Rows are
upserts: an existing sku is updated (and audited), other products are left alone. Export
writes every product, inactive ones included, with the optional ``active``, ``sold_loose``,
``image``, ``shopper_adds``, ``deposit`` and ``barcode`` columns, so exporting and importing
into an empty catalog reproduces it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from catalog import audit
from catalog.csv_rows import OPTIONAL, REQUIRED, CsvRow, Problems, read_file, read_rows
from catalog.db import rows as query_rows
from catalog.db import write_transaction
from catalog.errors import CsvImportError
from catalog.gtin import gtin_key
from catalog.models import Product
from catalog.money import format_bp, format_cents
from catalog.pictures import PictureError, PictureStore
from catalog.products import list_products, store_product
from catalog.words import Said, reason

log = logging.getLogger(__name__)

__all__ = ["ImportResult", "export_csv", "export_csv_text", "import_csv", "import_csv_bytes"]


@dataclass(frozen=True)
class ImportResult:
    """How many rows created, changed or left as they were, and the file's encoding: "utf-8",
    or "cp1252" for Excel's plain "CSV" (Windows-1252), which staff should look over."""

    created: int
    updated: int
    unchanged: int
    encoding: str = "utf-8"
    # (line, label, number stored): whole scale labels typed as barcodes, stored as the
    # base number every label of that product starts from
    base_numbers: tuple[tuple[int, str, str], ...] = ()


def import_csv(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    actor: str = "csv-import",
    currency_decimals: int = 2,
    pictures: PictureStore | None = None,
    barcodes: Callable[[str], str] | None = None,
) -> ImportResult:
    """Import the file at ``path``; ``CsvImportError`` lists every bad row, nothing applied.

    With ``pictures``, an ``image`` cell names a picture file next to the CSV (stored in
    ``pictures`` under a new name) or one already there; any other cell is a bad row.
    Without it the cells are kept as they are. ``barcodes`` turns a barcode cell into the
    number stored: a store's scale label layouts give a whole label's base number (staff
    scanned a pack's label into the spreadsheet), see ``kiosk.price_labels.base_number``.
    """
    resolve = pictures.csv_pictures(Path(path).parent) if pictures is not None else None
    return import_csv_bytes(
        db,
        read_file(path),
        source=str(path),
        actor=actor,
        currency_decimals=currency_decimals,
        pictures=resolve,
        barcodes=barcodes,
    )


def import_csv_bytes(
    db: sqlite_utils.Database,
    data: bytes,
    *,
    source: str = "<csv>",
    actor: str = "csv-import",
    currency_decimals: int = 2,
    pictures: Callable[[str, str], str] | None = None,
    barcodes: Callable[[str], str] | None = None,
) -> ImportResult:
    """Import CSV bytes (what an upload hands over); same rules as ``import_csv``.
    ``pictures(sku, cell)`` turns an ``image`` cell into a stored picture's name."""
    stored = _keeping(db, barcodes) if barcodes is not None else None
    parsed, problems, encoding = read_rows(data, source, currency_decimals, stored)
    if pictures is not None:
        parsed, bad_pictures = _store_pictures(parsed, pictures)
        problems += bad_pictures
    with write_transaction(db):
        problems += _labels_taken_in_db(db, parsed)
        problems += _barcodes_taken_in_db(db, parsed)
        if problems:
            raise CsvImportError(source, sorted(problems, key=lambda p: p[0]))
        return _apply(db, parsed, actor, source, encoding)


def _keeping(
    db: sqlite_utils.Database, barcodes: Callable[[str], str]
) -> Callable[[str, str], str]:
    """``barcodes`` for a row's cell, except that the number its product has already is
    kept: a file exported and imported again changes no barcode, whatever its shape."""
    owners = {
        r["barcode"]: r["sku"]
        for r in query_rows(db, "SELECT barcode, sku FROM products WHERE barcode <> ''")
    }

    def stored(sku: str, code: str) -> str:
        return code if owners.get(code) == sku else barcodes(code)

    return stored


def _store_pictures(
    parsed: list[CsvRow], pictures: Callable[[str, str], str]
) -> tuple[list[CsvRow], Problems]:
    rows, problems = [], []
    for row in parsed:
        if row.image:
            try:
                row = dataclasses.replace(row, image=pictures(row.sku, row.image))
            except PictureError as exc:
                problems.append((row.line, reason(exc)))
        rows.append(row)
    return rows, problems


def _labels_taken_in_db(db: sqlite_utils.Database, parsed: list[CsvRow]) -> Problems:
    """Labels owned by a product this file does not mention (checked under the write lock)."""
    in_file = {row.sku for row in parsed}
    owners = {r["label"]: r["sku"] for r in query_rows(db, "SELECT label, sku FROM labels")}
    return [
        (
            row.line,
            Said(
                "label {label!r} already belongs to product {sku} (not in this file)",
                label=label,
                sku=owners[label],
            ),
        )
        for row in parsed
        for label in row.labels
        if label in owners and owners[label] not in in_file
    ]


def _barcodes_taken_in_db(db: sqlite_utils.Database, parsed: list[CsvRow]) -> Problems:
    """Barcodes owned by a product that keeps its own (checked under the write lock): one
    this file does not mention, or mentions without a barcode column."""
    renumbered = {row.sku for row in parsed if row.barcode is not None}
    owners = {
        gtin_key(r["barcode"]): r["sku"]
        for r in query_rows(db, "SELECT barcode, sku FROM products WHERE barcode <> ''")
    }
    taken = [(row, owners.get(gtin_key(row.barcode), row.sku)) for row in parsed if row.barcode]
    return [
        (
            row.line,
            Said(
                "barcode {barcode} already belongs to product {sku}",
                barcode=row.barcode,
                sku=owner,
            ),
        )
        for row, owner in taken
        if owner != row.sku and owner not in renumbered
    ]


def _product(row: CsvRow, old: Product | None) -> Product:
    def keep(given: bool | None, previous: bool, default: bool) -> bool:
        if given is not None:
            return given
        return previous if old else default

    return Product(
        sku=row.sku,
        name=row.name,
        price_cents=row.price_cents,
        tax_rate_bp=row.tax_rate_bp,
        age_restricted=row.age_restricted,
        active=keep(row.active, old.active if old else True, True),
        sold_loose=keep(row.sold_loose, old.sold_loose if old else False, False),
        image=row.image if row.has_image else (old.image if old else None),
        labels=tuple(sorted(row.labels)),
        shopper_adds=keep(row.shopper_adds, old.shopper_adds if old else False, False),
        deposit_cents=(
            row.deposit_cents if row.deposit_cents is not None else old.deposit_cents if old else 0
        ),
        barcode=row.barcode if row.barcode is not None else old.barcode if old else "",
    )


def _apply(
    db: sqlite_utils.Database, parsed: list[CsvRow], actor: str, source: str, encoding: str
) -> ImportResult:
    before = {p.sku: p for p in list_products(db)}
    wanted = [(_product(row, before.get(row.sku)), before.get(row.sku)) for row in parsed]
    changed = [(new, old) for new, old in wanted if new != old]
    # Detach the labels and barcodes of changed products first, so they may move between them.
    db.conn.executemany(
        "DELETE FROM labels WHERE sku = ?", [(new.sku,) for new, old in changed if old]
    )
    db.conn.executemany(
        "UPDATE products SET barcode = '' WHERE sku = ?",
        [(new.sku,) for new, old in changed if old and old.barcode != new.barcode],
    )
    for new, old in changed:
        store_product(db, new, actor, previous=old)
    result = ImportResult(
        created=sum(1 for _, old in changed if old is None),
        updated=sum(1 for _, old in changed if old is not None),
        unchanged=len(wanted) - len(changed),
        encoding=encoding,
        base_numbers=tuple(
            (row.line, row.label_typed, row.barcode or "") for row in parsed if row.label_typed
        ),
    )
    audit.record(db, actor, "catalog.import", "catalog", None, {"file": source, **vars(result)})
    return result


def export_csv_text(
    db: sqlite_utils.Database,
    *,
    currency_decimals: int = 2,
    image: Callable[[Product], str] | None = None,
) -> str:
    """The whole catalog as CSV text (header plus one row per product, by sku); ``image``
    gives a product's ``image`` cell (default: its picture's name)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REQUIRED + OPTIONAL)
    for p in list_products(db):
        writer.writerow(
            [
                p.sku,
                p.name,
                format_cents(p.price_cents, currency_decimals),
                format_bp(p.tax_rate_bp),
                "true" if p.age_restricted else "false",
                ";".join(p.labels),
                "true" if p.active else "false",
                "true" if p.sold_loose else "false",
                image(p) if image is not None else p.image or "",
                "true" if p.shopper_adds else "false",
                format_cents(p.deposit_cents, currency_decimals),
                p.barcode,
            ]
        )
    return out.getvalue()


def export_csv(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    currency_decimals: int = 2,
    pictures: PictureStore | None = None,
) -> int:
    """Write the catalog to ``path`` atomically (temp file + rename); returns the row count.

    With ``pictures`` the products' pictures are copied into ``pictures/`` beside the file and
    named there, so the export imports whole into another kiosk (a missing picture is left
    out of the file, with nothing else lost).
    """
    path = Path(path)
    image = None
    if pictures is not None:
        copied = _copy_pictures(db, pictures, path.parent / EXPORTED_PICTURES)
        image = lambda p: f"{EXPORTED_PICTURES}/{p.image}" if p.image in copied else ""  # noqa: E731
    text = export_csv_text(db, currency_decimals=currency_decimals, image=image)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return len(list(csv.reader(io.StringIO(text)))) - 1


EXPORTED_PICTURES = "pictures"


def _copy_pictures(db: sqlite_utils.Database, pictures: PictureStore, folder: Path) -> set[str]:
    """Copy the products' pictures into ``folder``; the names of those copied."""
    copied = set()
    for product in list_products(db):
        source = pictures.path(product.image or "")
        if source is None or not source.is_file():
            if product.image:
                log.warning(
                    "the picture %r of %s is missing: exported without", product.image, product.sku
                )
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / source.name)
        except OSError as exc:
            raise PictureError(
                f"cannot copy the picture of {product.sku} ({source}) to {folder}: "
                f"{exc.strerror or exc}"
            ) from exc
        copied.add(source.name)
    return copied
