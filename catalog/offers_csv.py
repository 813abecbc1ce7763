"""Import a week's (or a season's) offers from a CSV file: all of them, or none.

Columns (header required, any order): ``sku``, ``buy``, and either ``pay`` ("3 for 2") or
``price`` ("2 for 3.00"); optional ``from`` and ``until`` (the store's dates, YYYY-MM-DD, both
included) and ``name`` (the receipt's text; default "3 for 2" / "2 for 3.00"). Every row is
checked, against the catalog too, before anything is stored; ``CsvImportError`` lists each bad
row by line number and nothing changes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import sqlite_utils

from catalog.csv_rows import decode_csv, delimiter_of, has_bad_bytes, read_file
from catalog.db import rows, write_transaction
from catalog.errors import CsvImportError, InvalidPromotion
from catalog.models import Promotion, deal_name
from catalog.money import format_cents, parse_price
from catalog.promotions import add_promotion, validate_promotion

__all__ = ["COLUMNS", "export_offers_text", "import_offers", "read_offers"]

REQUIRED = ("sku", "buy")
COLUMNS = ("sku", "buy", "pay", "price", "from", "until", "name")


def import_offers(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    actor: str = "csv-import",
    currency_decimals: int = 2,
) -> list[Promotion]:
    """Store every offer in the file in one transaction; the stored offers, with their ids."""
    offers, problems = read_offers(read_file(path), str(path), currency_decimals)
    with write_transaction(db):
        known = {row["sku"] for row in rows(db, "SELECT sku FROM products")}
        problems += [
            (line, f"no product with sku {offer.sku!r}")
            for line, offer in offers
            if offer.sku not in known
        ]
        if problems:
            raise CsvImportError(str(path), sorted(problems))
        return [add_promotion(db, offer, actor) for _, offer in offers]


def export_offers_text(db: sqlite_utils.Database, *, currency_decimals: int = 2) -> str:
    """The offers not ended, in the import's columns: next week's plan starts from this one's."""
    from catalog.promotions import list_promotions

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for offer in list_promotions(db, active_only=True):
        price = (
            ""
            if offer.bundle_cents is None
            else format_cents(offer.bundle_cents, currency_decimals)
        )
        writer.writerow(
            [
                offer.sku,
                offer.buy_qty,
                "" if offer.pay_qty is None else offer.pay_qty,
                price,
                offer.starts_on or "",
                offer.ends_on or "",
                offer.name,
            ]
        )
    return out.getvalue()


def read_offers(
    data: bytes, source: str = "<csv>", currency_decimals: int = 2
) -> tuple[list[tuple[int, Promotion]], list[tuple[int, str]]]:
    """The valid offers with their line numbers, and every problem with its line number."""
    text, _ = decode_csv(data)  # UTF-8, or Excel's plain "CSV" (Windows-1252)
    if has_bad_bytes([text]):
        return [], [(0, "the file is not UTF-8 text (save it as CSV UTF-8)")]
    delimiter = delimiter_of(text)  # a semicolon-separated spreadsheet writes 3,00 for 3.00
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or ()]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    twice = len(set(header)) != len(header)
    if missing or unknown or twice or not {"pay", "price"} & set(header):
        wanted = ",".join(COLUMNS)
        return [], [(1, f"the header must name sku, buy and pay or price (columns: {wanted})")]
    reader.fieldnames = header
    offers: list[tuple[int, Promotion]] = []
    problems: list[tuple[int, str]] = []
    for row in reader:
        line = reader.line_num
        values = {key: (value or "").strip() for key, value in row.items() if key in COLUMNS}
        if not any(values.values()) and not row.get(None):  # type: ignore[call-overload]
            continue  # a blank line a spreadsheet left behind
        extra = row.pop(None, None) or []  # type: ignore[call-overload]
        given = [value for value in row.values() if value is not None]
        if extra or len(given) < len(header):
            # A cell too many or too few shifts every cell after it: "2,49" typed in a comma
            # file would sell 2 for 2.00, a start date one column right would never start.
            count = len(given) + len(extra)
            problems.append((line, f"has {count} values, the header has {len(header)}"))
            continue
        try:
            offers.append((line, _offer(values, currency_decimals, delimiter != ",")))
        except (ValueError, InvalidPromotion) as exc:
            problems.append((line, str(exc)))
    return offers, problems


def _offer(values: dict[str, str], decimals: int, decimal_comma: bool) -> Promotion:
    if not values.get("sku"):
        raise ValueError("sku is empty")
    try:
        buy = int(values["buy"])
    except ValueError:
        raise ValueError(f"buy {values['buy']!r} is not a whole number") from None
    pay_text, price_text = values.get("pay", ""), values.get("price", "")
    if bool(pay_text) == bool(price_text):
        raise ValueError("give either pay (3 for 2) or price (2 for 3.00), not both")
    pay = bundle = None
    if pay_text:
        try:
            pay = int(pay_text)
        except ValueError:
            raise ValueError(f"pay {pay_text!r} is not a whole number") from None
    else:
        # its ValueError names the price
        bundle = parse_price(price_text, decimals, decimal_comma=decimal_comma)
    deal = deal_name(buy, pay, "" if bundle is None else format_cents(bundle, decimals))
    offer = Promotion(
        sku=values["sku"],
        name=values.get("name") or deal,
        buy_qty=buy,
        pay_qty=pay,
        bundle_cents=bundle,
        starts_on=values.get("from") or None,
        ends_on=values.get("until") or None,
    )
    validate_promotion(offer)
    return offer
