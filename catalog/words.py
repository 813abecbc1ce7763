"""Sentences the Qt-free core (catalog and kiosk) says to staff, translatable without Qt.

The engine and the catalog speak English: logs, the audit log, the ledger and the command
line read it. A staff member on a Spanish screen must read the same sentence in Spanish, so
a sentence built from values is made as :class:`Said`: it *is* the English text (a ``str``:
comparisons, JSON, logs see nothing else), and it also keeps its template and its values,
so the screen can look the template up in its translations and fill in the values after.

``tools/core_texts.py`` finds every ``Said("…")`` in the source and lists the templates for
Qt's translation tools (``ui/i18n/core_texts.py``); a test keeps that list current.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


class Said(str):
    """English text made from ``template.format(**values)``, remembering both."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Said:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text

    @classmethod
    def joined(cls, separator: str, parts: Sequence[str]) -> Said:
        """``parts`` one after another, each translated on its own (the template between
        them holds no words, so it has no translation of its own)."""
        template = separator.join(f"{{p{i}}}" for i in range(len(parts)))
        return cls(template, **{f"p{i}": part for i, part in enumerate(parts)})

    def __reduce__(self) -> tuple[Any, ...]:
        # A str subclass would otherwise pickle (and copy) as its text without the template.
        return (_remade, (self.template, self.values))

    def say(self, translate: Callable[[str], str]) -> str:
        """This sentence with ``translate`` applied to its template and to any values that
        are sentences themselves; English where a translation lost a placeholder."""
        values = {k: v.say(translate) if isinstance(v, Said) else v for k, v in self.values.items()}
        try:
            return translate(self.template).format(**values) if values else translate(self.template)
        except (KeyError, IndexError, ValueError):
            return str(self)


def _remade(template: str, values: dict[str, Any]) -> Said:
    return Said(template, **values)


def reason(exc: BaseException) -> str:
    """What went wrong, as a sentence that can still be translated when the exception was
    raised with a :class:`Said` (``str(exc)`` would keep only the English)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Said):
        return exc.args[0]
    return str(exc) or type(exc).__name__
