"""Parse and check a catalog CSV file, collecting every problem with its line number.

Only the file itself is judged here (syntax, numbers, duplicates inside the file);
``catalog.importexport`` adds the checks that need the database and applies the rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from catalog.errors import CsvImportError
from catalog.gtin import gtin_key, gtin_problem
from catalog.money import parse_bool, parse_percent_bp, parse_price
from catalog.words import Said, reason

__all__ = [
    "OPTIONAL",
    "REQUIRED",
    "WINDOWS_1252",
    "CsvRow",
    "Problems",
    "decode_csv",
    "delimiter_of",
    "has_bad_bytes",
    "read_file",
    "read_rows",
]

Problems = list[tuple[int, str]]

REQUIRED = ("sku", "name", "price", "tax_rate_percent", "age_restricted", "labels")
DELIMITERS = (",", ";", "\t")
LABEL_MARKS = re.compile(r"[;,]")
OPTIONAL = ("active", "sold_loose", "image", "shopper_adds", "deposit", "barcode")


@dataclass(frozen=True)
class CsvRow:
    """One valid row. ``None`` in active/sold_loose/shopper_adds means "not given: keep or
    default";
    ``has_image`` says whether the file has an image column at all."""

    line: int
    sku: str
    name: str
    price_cents: int
    tax_rate_bp: int
    age_restricted: bool
    labels: tuple[str, ...]
    active: bool | None = None
    sold_loose: bool | None = None
    image: str | None = None
    has_image: bool = False
    shopper_adds: bool | None = None
    deposit_cents: int | None = None  # None: no deposit column, or its cell left empty
    barcode: str | None = None  # None: no barcode column; "" its cell left empty (none)
    label_typed: str = ""  # a whole scale label in the barcode cell, stored as its base number


def read_file(path: str | Path) -> bytes:
    """A CSV file's bytes; one that cannot be read is a ``CsvImportError`` at line 0."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CsvImportError(str(path), [(0, f"cannot read the file: {exc.strerror}")]) from exc


WINDOWS_1252 = "cp1252"


def decode_csv(data: bytes) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 (a byte-order mark dropped), or Windows-1252.

    Excel's plain "CSV" on a Western European Windows writes Windows-1252 ("Äpfel" as the
    byte C4): such a file, in which no letter is UTF-8 at all, is read as Windows-1252. A file
    with UTF-8 letters and a few bytes that are not is a damaged UTF-8 file, not another
    encoding: it stays UTF-8, its bad bytes kept as U+DC80..U+DCFF for the rows to refuse
    (reading it all as Windows-1252 would garble every one of its good letters). So does a
    file that starts with UTF-8's byte-order mark, which says what it is.
    """
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    declared = data.startswith(b"\xef\xbb\xbf")  # a byte-order mark says UTF-8
    if (
        declared
        or not has_bad_bytes([text])
        or any(ch >= "\x80" and not "\udc80" <= ch <= "\udcff" for ch in text)
    ):
        return text, "utf-8"
    try:
        return data.decode(WINDOWS_1252), WINDOWS_1252
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined: not that either
        return text, "utf-8"


def delimiter_of(text: str) -> str:
    """The file's delimiter, read off its header line: the comma, or the semicolon (or tab)
    that spreadsheets write where the comma is the decimal mark (Excel in Germany, France,
    Spain, ... also for "CSV UTF-8"). Column names hold none of them: the header tells."""
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","


def has_bad_bytes(values: list[str]) -> bool:
    # Bytes that are not UTF-8 were decoded with surrogateescape into U+DC80..U+DCFF.
    return any("\udc80" <= ch <= "\udcff" for value in values for ch in value)


def _check_header(header: list[str]) -> list[str]:
    problems = []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        problems.append(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} in the header"
            f" (expected {','.join(REQUIRED)}[,{','.join(OPTIONAL)}])"
        )
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    if unknown:
        problems.append(f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        problems.append(f"column {', '.join(repeated)} appears more than once")
    return problems


def _optional_bool(cells: dict[str, str], name: str) -> bool | None:
    text = cells.get(name, "").strip()
    return parse_bool(text, name) if text else None


def _parse_row(
    line: int, cells: dict[str, str], decimals: int, decimal_comma: bool
) -> tuple[CsvRow | None, list[str]]:
    problems: list[str] = []

    def attempt(parse, *args):  # type: ignore[no-untyped-def]
        try:
            return parse(*args)
        except ValueError as exc:
            problems.append(reason(exc))
            return None

    sku, name = cells["sku"].strip(), cells["name"].strip()
    if not sku:
        problems.append(Said("sku is empty"))
    if not name:
        problems.append(Said("name is empty"))
    price = attempt(partial(parse_price, decimal_comma=decimal_comma), cells["price"], decimals)
    tax = attempt(partial(parse_percent_bp, decimal_comma=decimal_comma), cells["tax_rate_percent"])
    age = attempt(parse_bool, cells["age_restricted"], "age_restricted")
    active = attempt(_optional_bool, cells, "active")
    loose = attempt(_optional_bool, cells, "sold_loose")
    by_touch = attempt(_optional_bool, cells, "shopper_adds")
    deposit_text = cells.get("deposit", "").strip()
    deposit = (
        attempt(
            partial(parse_price, decimal_comma=decimal_comma, what=Said("deposit")),
            deposit_text,
            decimals,
        )
        if deposit_text
        else None
    )
    barcode = cells["barcode"].strip() if "barcode" in cells else None
    if barcode and (problem := gtin_problem(barcode)):
        problems.append(problem)
    # Separated by ";", or by "," (no label holds one): in a semicolon-separated file a
    # label list typed with commas needs no quotes.
    named = (x.strip() for x in LABEL_MARKS.split(cells["labels"]))
    labels = tuple(dict.fromkeys(x for x in named if x))
    if problems:
        return None, problems
    image = cells.get("image", "").strip() or None
    row = CsvRow(
        line,
        sku,
        name,
        price,
        tax,
        age,
        labels,
        active,
        loose,
        image,
        "image" in cells,
        by_touch,
        deposit,
        barcode,
    )
    return row, []


def _duplicates(rows: list[CsvRow]) -> Problems:
    problems: Problems = []
    sku_line: dict[str, int] = {}
    label_line: dict[str, int] = {}
    barcode_line: dict[str, int] = {}
    for row in rows:
        if row.sku in sku_line:
            problems.append(
                (
                    row.line,
                    Said(
                        "duplicate sku {sku} (already on line {line})",
                        sku=row.sku,
                        line=sku_line[row.sku],
                    ),
                )
            )
        sku_line.setdefault(row.sku, row.line)
        if row.barcode:
            key = gtin_key(row.barcode)
            if key in barcode_line:
                first = barcode_line[key]
                used = Said(
                    "barcode {barcode} is already used on line {line}",
                    barcode=row.barcode,
                    line=first,
                )
                problems.append((row.line, used))
            barcode_line.setdefault(key, row.line)
        for label in row.labels:
            if label in label_line:
                first = label_line[label]
                used = Said(
                    "label {label!r} is already used on line {line}", label=label, line=first
                )
                problems.append((row.line, used))
            label_line.setdefault(label, row.line)
    return problems


def read_rows(
    data: bytes,
    source: str,
    decimals: int = 2,
    barcodes: Callable[[str, str], str] | None = None,
) -> tuple[list[CsvRow], Problems, str]:
    """The valid rows, the ``(line, reason)`` of every bad one, and the encoding the file
    was read in (:func:`decode_csv`).

    ``barcodes(sku, cell)`` turns a row's barcode cell into the number stored (a whole
    scale label into its product's base number) before any two rows are compared.

    Raises ``CsvImportError`` at once for an empty file or a bad header (rows cannot be
    read without one); the caller raises it for row problems after adding its own.
    """
    if not data.strip():
        raise CsvImportError(source, [(1, Said("the file is empty (expected a header line)"))])
    text, encoding = decode_csv(data)
    delimiter = delimiter_of(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [c.strip().lower() for c in next(reader)]
    header_problems = _check_header(header)
    if has_bad_bytes(header):
        header_problems.append("the header is not valid UTF-8 text: save the file as UTF-8")
    if header_problems:
        raise CsvImportError(source, [(1, p) for p in header_problems])
    problems: Problems = []
    rows: list[CsvRow] = []
    line = reader.line_num + 1
    for values in reader:
        row_line, line = line, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if has_bad_bytes(values):
            problems.append((row_line, Said("not valid UTF-8 text: save the file as UTF-8")))
            continue
        if len(values) != len(header):
            missing = header[len(values) :]
            detail = Said(" (missing {columns})", columns=", ".join(missing)) if missing else ""
            count = Said(
                "has {values} values, the header has {columns}{missing}",
                values=len(values),
                columns=len(header),
                missing=detail,
            )
            problems.append((row_line, count))
            continue
        cells = dict(zip(header, values, strict=True))
        row, reasons = _parse_row(row_line, cells, decimals, decimal_comma=delimiter != ",")
        problems.extend((row_line, reason) for reason in reasons)
        if row is not None and row.barcode and barcodes is not None:
            stored = barcodes(row.sku, row.barcode)
            if stored != row.barcode:
                row = replace(row, barcode=stored, label_typed=row.barcode)
        if row is not None:
            rows.append(row)
    problems.extend(_duplicates(rows))
    if not rows and not problems:
        problems.append((1, Said("the file has a header but no product rows")))
    return rows, problems, encoding
