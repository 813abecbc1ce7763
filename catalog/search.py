"""Finding a product the way staff type it: part of its name, its sku, a label or its
barcode's number (a scanner types it into the search field).

Every word typed must begin a word of the product's name, sku or labels ("choc" finds the
chocolate, "cola" finds the colas but not the chocolate that has "cola" inside it); case and
accents do not matter ("limon" finds "Limón", "COLA 330" finds "Fizz Cola can 330 ml"), so a
cashier on a touch keyboard without dead keys still finds it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from catalog.models import Product

__all__ = ["fold", "matches", "prepare"]

_WORD = re.compile(r"\w+")  # "cola-can" is two words, "(each)" one


def fold(text: str) -> str:
    """``text`` in lower case without accents: what searching compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(product: Product, query: str) -> bool:
    """Every word of ``query`` begins a word of ``product``'s name, sku, labels or barcode;
    an empty query matches every product."""
    typed = tuple(_as_number(word) for word in _words(query))
    if not typed:
        return True
    words = _words(_text(product))
    return all(any(word.startswith(start) for word in words) for start in typed)


def _as_number(word: str) -> str:
    """A scanned barcode without its leading zeros: a scanner sends a UPC-A as its 12 digits
    or as the EAN-13 with a 0 in front, and the catalog may hold either."""
    return word.lstrip("0") or word if len(word) >= 8 and word.isdigit() else word


def prepare(products: Iterable[Product]) -> None:
    """Fold ``products``' words ahead of the first search (on a worker thread, say): the
    first key typed over 2,000 products otherwise folds them all, 20-30 ms."""
    for product in products:
        _words(_text(product))


def _text(product: Product) -> str:
    number = product.barcode.lstrip("0")  # as a scanned one is compared
    return " ".join((product.name, product.sku, *product.labels, product.barcode, number))


@functools.lru_cache(maxsize=65_536)  # a whole store's products and the keys typed
def _words(text: str) -> tuple[str, ...]:
    # Kept: a list is searched again at every key typed, each product against the same
    # query (2,000 products: 38 ms a key, folding the same texts again).
    return tuple(_WORD.findall(fold(text)))
