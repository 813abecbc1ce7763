"""List every sentence template the Qt-free core says (``Said("…")``) for Qt's translators.

pyside6-lupdate reads Qt's own markers, not ``catalog.words.Said``; this writes
``ui/i18n/core_texts.py``, a list of ``QT_TRANSLATE_NOOP("Core", "…")`` that lupdate does
read. Run it before lupdate (``tests/test_core_texts.py`` fails while the list is stale):

    python tools/core_texts.py && pyside6-lupdate ui/*.py ui/admin/*.py ui/i18n/core_texts.py \\
        -no-obsolete -ts ui/i18n/kiosk_es.ts
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("catalog", "kiosk", "ui")
TARGET = ROOT / "ui" / "i18n" / "core_texts.py"
HEAD = '''"""Written by tools/core_texts.py (do not edit): the templates of every ``Said("…")``
in the Qt-free core, under the context ``Core``, so pyside6-lupdate offers them to translators."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_TEXTS = (
'''


def templates(root: Path = ROOT) -> list[str]:
    """Each distinct literal template passed to ``Said(…)``, file by file."""
    found: dict[str, None] = {}
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "Said"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found[node.args[0].value] = None
    return list(found)


def module_text(root: Path = ROOT) -> str:
    rows = "".join(
        f"    QT_TRANSLATE_NOOP({json.dumps('Core')}, {json.dumps(t, ensure_ascii=False)}),\n"
        for t in templates(root)
    )
    return f"{HEAD}{rows})\n"


def main() -> int:
    text = module_text()
    if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text:
        print(f"{TARGET.relative_to(ROOT)} is current ({len(templates())} templates)")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(templates())} templates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
