"""Finding a product the way staff type it: part of its name, its sku or a label.

Every word typed must appear somewhere in the product's name, sku or labels; case and accents
do not matter ("limon" finds "Limón", "COLA 330" finds "Fizz Cola can 330 ml"), so a cashier
on a touch keyboard without dead keys still finds it.
"""

from __future__ import annotations

import unicodedata

from catalog.models import Product

__all__ = ["fold", "matches"]


def fold(text: str) -> str:
    """``text`` in lower case without accents: what searching compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(product: Product, query: str) -> bool:
    """Every word of ``query`` is in ``product``'s name, sku or one of its labels; an empty
    query matches every product."""
    words = fold(query).split()
    if not words:
        return True
    haystack = fold(" ".join((product.name, product.sku, *product.labels)))
    return all(word in haystack for word in words)
