"""Catalog failures the user can act on. One narrow exception per failure."""

from __future__ import annotations


class CatalogError(Exception):
    """A catalog operation failed; the message says what is wrong and what to do."""
