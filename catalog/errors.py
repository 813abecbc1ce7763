"""Catalog failures the user can act on. One narrow exception per failure.

Two families: "the environment's fault" (the database file is busy, unreadable or from a
newer program: retrying or fixing the surroundings helps) and "the input's fault" (a bad CSV
row, a wrong PIN, an inconsistent sale: fixing the input helps). A bug is none of these and
is left to surface as an ordinary exception.
"""

from __future__ import annotations

from datetime import datetime


class CatalogError(Exception):
    """A catalog operation failed; the message says what is wrong and what to do."""


class DatabaseLocked(CatalogError):
    """Another program held the catalog's write lock for longer than the busy timeout."""


class StorageFailed(CatalogError):
    """The disk under the catalog refused a write: full, or failing (an I/O error)."""


class DatabaseUnreadable(CatalogError):
    """The catalog file cannot be opened or is not an SQLite database."""


class SchemaTooNew(CatalogError):
    """The catalog was written by a newer kiosk program than this one."""


class MigrationFailed(CatalogError):
    """A schema migration failed and was rolled back; the database is as it was."""


class InvalidProduct(CatalogError):
    """A product's values break a catalog rule (negative price, empty name, ...)."""


class LabelTaken(CatalogError):
    """A detector label already belongs to another product."""


class BarcodeTaken(CatalogError):
    """A barcode's number already belongs to another product."""


class UnknownProduct(CatalogError):
    """No product with the given sku (or label) exists in the catalog."""


class ProductExists(CatalogError):
    """A new product was given a sku that another product already has."""


class InvalidPromotion(CatalogError):
    """A multi-buy offer is inconsistent (e.g. "3 for 3", or both a price and a quantity)."""


class UnknownPromotion(CatalogError):
    """No promotion with the given id exists."""


class InvalidSale(CatalogError):
    """A sale draft breaks a ledger invariant; nothing was recorded."""


class InvalidRefund(CatalogError):
    """A refund asks for more than the sale has left to refund, or names no such sale."""


class CsvImportError(CatalogError):
    """A CSV file has bad rows; nothing was imported. ``problems`` lists ``(line, reason)``."""

    def __init__(self, path: str, problems: list[tuple[int, str]]) -> None:
        self.path = path
        self.problems = problems
        rows = "\n".join(f"  line {line}: {reason}" for line, reason in problems)
        count = len(problems)
        super().__init__(
            f"{path}: {count} bad row{'s' if count != 1 else ''}, nothing was imported "
            f"(fix them and import again):\n{rows}"
        )


class InvalidStaff(CatalogError):
    """A staff account's name, role or PIN is not acceptable."""


class UnknownStaff(CatalogError):
    """No staff account with the given name exists."""


class WrongPin(CatalogError):
    """The PIN matches no active staff account. ``attempts_left`` before lockout."""

    def __init__(self, attempts_left: int, lockout_seconds: int) -> None:
        self.attempts_left = attempts_left
        minutes = max(1, round(lockout_seconds / 60))
        super().__init__(
            f"Wrong PIN: {attempts_left} attempt{'s' if attempts_left != 1 else ''} left "
            f"before the PIN pad locks for {minutes} minute{'s' if minutes != 1 else ''}."
        )


class StaffLockedOut(CatalogError):
    """Too many wrong PINs: the PIN pad refuses every PIN until ``until`` (UTC)."""

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(
            f"Too many wrong PINs: the PIN pad is locked until "
            f"{until.strftime('%H:%M:%S')} UTC ({until.date().isoformat()}). "
            "Wait until then, or ask a manager."
        )
