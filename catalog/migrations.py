"""Numbered schema migrations, each applied in its own transaction and recorded in the file.

Rules: never edit a released migration, only append a new number. The highest recorded
number is the file's schema version; a file whose version is above ``LATEST_VERSION`` was
written by a newer program and is refused (``SchemaTooNew``) rather than half-understood.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import sqlite_utils

from catalog.errors import MigrationFailed, SchemaTooNew

MIGRATIONS_TABLE = "schema_migrations"


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


def _append_only(table: str) -> str:
    return f"""
    CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
    BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be changed'); END;
    CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
    BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be deleted'); END;
    """


CATALOG_SQL = """
CREATE TABLE products (
    sku TEXT PRIMARY KEY NOT NULL CHECK (length(sku) > 0),
    name TEXT NOT NULL CHECK (length(name) > 0),
    price_cents INTEGER NOT NULL CHECK (typeof(price_cents) = 'integer' AND price_cents >= 0),
    tax_rate_bp INTEGER NOT NULL CHECK (typeof(tax_rate_bp) = 'integer'
                                        AND tax_rate_bp BETWEEN 0 AND 10000),
    age_restricted INTEGER NOT NULL DEFAULT 0 CHECK (age_restricted IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sold_loose INTEGER NOT NULL DEFAULT 0 CHECK (sold_loose IN (0, 1)),
    image TEXT
);
CREATE TABLE labels (
    label TEXT PRIMARY KEY NOT NULL CHECK (length(label) > 0),
    sku TEXT NOT NULL REFERENCES products(sku) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX labels_by_sku ON labels(sku);
CREATE TABLE promotions (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL REFERENCES products(sku) ON UPDATE CASCADE,
    name TEXT NOT NULL,
    buy_qty INTEGER NOT NULL CHECK (buy_qty >= 2),
    pay_qty INTEGER CHECK (pay_qty >= 1 AND pay_qty < buy_qty),
    bundle_cents INTEGER CHECK (bundle_cents >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    CHECK ((pay_qty IS NULL) <> (bundle_cents IS NULL))
);
CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    old_json TEXT,
    new_json TEXT
);
""" + _append_only("audit_log")

LEDGER_SQL = (
    """
CREATE TABLE sales (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    receipt_no TEXT NOT NULL,
    created_at TEXT NOT NULL,
    currency TEXT NOT NULL,
    tax_inclusive INTEGER NOT NULL CHECK (tax_inclusive IN (0, 1)),
    subtotal_cents INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    line_count INTEGER NOT NULL CHECK (line_count >= 1),
    payment_method TEXT NOT NULL,
    payment_ref TEXT NOT NULL,
    approved_by TEXT,
    overrides_json TEXT NOT NULL DEFAULT '[]',
    UNIQUE (kiosk_id, seq),
    CHECK (total_cents = subtotal_cents + CASE WHEN tax_inclusive THEN 0 ELSE tax_cents END)
);
CREATE INDEX sales_by_time ON sales(created_at);
CREATE TABLE sale_lines (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('item', 'promotion', 'manual')),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_cents INTEGER NOT NULL,
    line_cents INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL,
    UNIQUE (sale_id, position)
);
"""
    + _append_only("sales")
    + _append_only("sale_lines")
)

STAFF_SQL = """
CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE TABLE pin_guard (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);
INSERT INTO pin_guard (id, failures) VALUES (1, 0);
"""

REFUNDS_SQL = (
    """
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    refund_no TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    staff TEXT NOT NULL CHECK (length(staff) > 0),
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    method TEXT NOT NULL CHECK (length(method) > 0),
    payment_ref TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0 AND tax_cents <= amount_cents)
);
CREATE INDEX refunds_by_time ON refunds(created_at);
CREATE INDEX refunds_by_sale ON refunds(sale_id);
CREATE TABLE refund_lines (
    id INTEGER PRIMARY KEY,
    refund_id INTEGER NOT NULL REFERENCES refunds(id),
    position INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    tax_rate_bp INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0),
    UNIQUE (refund_id, position)
);
"""
    + _append_only("refunds")
    + _append_only("refund_lines")
)

INTENTS_SQL = """
CREATE TABLE payment_intents (
    idempotency_key TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    currency TEXT NOT NULL,
    draft_json TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'recorded', 'not_paid', 'unknown')),
    settled_at TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_intents_by_state ON payment_intents(state);
"""

# An offer runs from starts_on to ends_on, both included, in the store's own dates
# (YYYY-MM-DD); NULL: from the start / without end. Offers older than this run without end.
PROMOTION_DAYS_SQL = """
ALTER TABLE promotions ADD COLUMN starts_on TEXT
    CHECK (starts_on IS NULL OR date(starts_on) = starts_on);
ALTER TABLE promotions ADD COLUMN ends_on TEXT
    CHECK (ends_on IS NULL OR date(ends_on) = ends_on);
"""

# Products the shopper adds on the screen, because no camera can count them: carrier bags,
# a coffee from the machine. Older products are not.
SHOPPER_ADDS_SQL = """
ALTER TABLE products ADD COLUMN shopper_adds INTEGER NOT NULL DEFAULT 0
    CHECK (shopper_adds IN (0, 1));
"""

# Staff find a sale by its receipt number (refunds, copies): without an index that read the
# whole ledger (500,000 sales: 35 ms a lookup, growing with every year kept).
RECEIPT_INDEX_SQL = """
CREATE INDEX sales_by_receipt ON sales(receipt_no);
"""

# Bottles and cans that carry a deposit (Pfand, statiegeld, consigne): charged with the item
# on its own line of the sale, at the item's tax rate, given back with it. Sale lines may now
# be deposits: SQLite cannot change a CHECK in place, so the append-only table is copied into
# one that allows them (every row, id and position kept; nothing refers to its ids) and its
# triggers are made again.
DEPOSIT_SQL = """
ALTER TABLE products ADD COLUMN deposit_cents INTEGER NOT NULL DEFAULT 0
    CHECK (typeof(deposit_cents) = 'integer' AND deposit_cents >= 0);
DROP TRIGGER sale_lines_no_update;
DROP TRIGGER sale_lines_no_delete;
CREATE TABLE sale_lines_with_deposits (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('item', 'promotion', 'manual', 'deposit')),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_cents INTEGER NOT NULL,
    line_cents INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL,
    UNIQUE (sale_id, position)
);
INSERT INTO sale_lines_with_deposits
    (id, sale_id, position, kind, sku, name, quantity, unit_cents, line_cents, tax_rate_bp,
     tax_cents)
    SELECT id, sale_id, position, kind, sku, name, quantity, unit_cents, line_cents,
           tax_rate_bp, tax_cents FROM sale_lines ORDER BY id;
DROP TABLE sale_lines;
ALTER TABLE sale_lines_with_deposits RENAME TO sale_lines;
""" + _append_only("sale_lines")

# Bottle vouchers (returned empties) handed in at the kiosk: a sale line of their own whose
# sku is the voucher's number, found by an index when the next shopper hands in the same one.
# The append-only table is copied again, as for deposits, into one that allows the kind.
VOUCHER_SQL = """
DROP TRIGGER sale_lines_no_update;
DROP TRIGGER sale_lines_no_delete;
CREATE TABLE sale_lines_with_vouchers (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('item', 'promotion', 'manual', 'deposit', 'voucher')),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_cents INTEGER NOT NULL,
    line_cents INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL,
    UNIQUE (sale_id, position)
);
INSERT INTO sale_lines_with_vouchers
    (id, sale_id, position, kind, sku, name, quantity, unit_cents, line_cents, tax_rate_bp,
     tax_cents)
    SELECT id, sale_id, position, kind, sku, name, quantity, unit_cents, line_cents,
           tax_rate_bp, tax_cents FROM sale_lines ORDER BY id;
DROP TABLE sale_lines;
ALTER TABLE sale_lines_with_vouchers RENAME TO sale_lines;
CREATE INDEX sale_lines_vouchers ON sale_lines(sku) WHERE kind = 'voucher';
""" + _append_only("sale_lines")

# The number under a product's barcode (its GTIN): the shopper scans a product the camera
# cannot tell (one the model has not learnt yet). One product per number; "" for none.
BARCODE_SQL = """
ALTER TABLE products ADD COLUMN barcode TEXT NOT NULL DEFAULT ''
    CHECK (barcode = '' OR (barcode NOT GLOB '*[^0-9]*' AND length(barcode) IN (8, 12, 13, 14)));
CREATE UNIQUE INDEX products_by_barcode ON products(barcode) WHERE barcode <> '';
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "catalog: products, labels, promotions, settings, audit log", CATALOG_SQL),
    Migration(2, "ledger: append-only sales and sale lines", LEDGER_SQL),
    Migration(3, "staff accounts and PIN lockout", STAFF_SQL),
    Migration(4, "refunds: money given back against a recorded sale, append-only", REFUNDS_SQL),
    Migration(5, "payment intents: the sale written down before money is taken", INTENTS_SQL),
    Migration(6, "promotions: first and last day (store dates)", PROMOTION_DAYS_SQL),
    Migration(7, "products the shopper adds on the screen (carrier bags)", SHOPPER_ADDS_SQL),
    Migration(8, "sales found by receipt number, not by reading the ledger", RECEIPT_INDEX_SQL),
    Migration(9, "deposits on bottles and cans, and sale lines that charge them", DEPOSIT_SQL),
    Migration(10, "bottle vouchers taken off a sale, each redeemed once", VOUCHER_SQL),
    Migration(11, "products found by the number under their barcode", BARCODE_SQL),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(db: sqlite_utils.Database) -> int:
    """The highest migration recorded in ``db`` (0 for a new file)."""
    if not db[MIGRATIONS_TABLE].exists():
        return 0
    row = db.conn.execute(f"SELECT MAX(version) FROM {MIGRATIONS_TABLE}").fetchone()
    return int(row[0] or 0)


def _refuse_newer(db: sqlite_utils.Database, version: int, known: int) -> None:
    from catalog.db import database_path

    if version > known:
        raise SchemaTooNew(
            f"the catalog {database_path(db)} has schema version {version}, but this kiosk "
            f"program only knows up to version {known}: it was written by a newer kiosk. "
            "Update the kiosk program, or point it at another database file."
        )


def apply_migrations(
    db: sqlite_utils.Database, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[int]:
    """Apply every pending migration, one transaction each; return the versions applied."""
    from catalog.db import utc_iso, write_transaction

    known = migrations[-1].version
    _refuse_newer(db, schema_version(db), known)
    applied: list[int] = []
    for migration in migrations:
        if schema_version(db) >= migration.version:
            continue
        with write_transaction(db):
            # Re-check under the write lock: another kiosk may have migrated meanwhile.
            if _current_under_lock(db, known) >= migration.version:
                continue
            _run(db, migration, utc_iso)
        applied.append(migration.version)
    return applied


def _current_under_lock(db: sqlite_utils.Database, known: int) -> int:
    db.conn.execute(
        f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    version = schema_version(db)
    _refuse_newer(db, version, known)
    return version


def _run(db: sqlite_utils.Database, migration: Migration, clock: Callable[[], str]) -> None:
    try:
        for statement in _statements(migration.sql):
            db.conn.execute(statement)
    except Exception as exc:
        raise MigrationFailed(
            f"schema migration {migration.version} ({migration.name}) failed: {exc}. "
            "It was rolled back; the catalog is unchanged. Report this as a bug."
        ) from exc
    db.conn.execute(
        f"INSERT INTO {MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)",
        (migration.version, migration.name, clock()),
    )


def _statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (triggers contain semicolons)."""
    import sqlite3

    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
