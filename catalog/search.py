"""Finding a product the way staff type it: part of its name, its sku or a label.

Every word typed must begin a word of the product's name, sku or labels ("choc" finds the
chocolate, "cola" finds the colas but not the chocolate that has "cola" inside it); case and
accents do not matter ("limon" finds "Limón", "COLA 330" finds "Fizz Cola can 330 ml"), so a
cashier on a touch keyboard without dead keys still finds it.
"""

from __future__ import annotations

import re
import unicodedata

from catalog.models import Product

__all__ = ["fold", "matches"]

_WORD = re.compile(r"\w+")  # "cola-can" is two words, "(each)" one


def fold(text: str) -> str:
    """``text`` in lower case without accents: what searching compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(product: Product, query: str) -> bool:
    """Every word of ``query`` begins a word of ``product``'s name, sku or labels; an empty
    query matches every product."""
    typed = _WORD.findall(fold(query))
    if not typed:
        return True
    words = _WORD.findall(fold(" ".join((product.name, product.sku, *product.labels))))
    return all(any(word.startswith(start) for word in words) for start in typed)
