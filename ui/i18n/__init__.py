"""Load the kiosk's translations (Qt ``.qm`` files next to this module).

English is the source language, so it needs no file. ``language`` is a code such as
``"es"``, or ``"auto"``/``"system"`` to follow the system locale.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk.languages import SCREEN_LANGUAGES, screen_language

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent
CATALOG = "kiosk"
LANGUAGES = SCREEN_LANGUAGES  # each in its own words


def resolve_language(language: str) -> str:
    """The language code to use for ``language``; unknown codes fall back to English."""
    code = screen_language(language, QLocale.system().name())
    if code is None:
        log.info("no translation for %r; using English", language)
        return "en"
    return code


def install_translator(language: str) -> str:
    """Install the translator for ``language`` on the running application; return its code.

    Replaces any translator installed earlier, so the language can change at run time:
    widgets receive a ``LanguageChange`` event and set their texts again.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translator")
    old = getattr(app, "_kiosk_translator", None)
    if old is not None:
        QCoreApplication.removeTranslator(old)
        app._kiosk_translator = None  # type: ignore[attr-defined]
    code = resolve_language(language)
    if code == "en":
        return code
    translator = QTranslator(app)
    qm = I18N_DIR / f"{CATALOG}_{code}.qm"
    if not translator.load(str(qm)):
        log.warning("cannot load translation %s; showing English", qm)
        return "en"
    QCoreApplication.installTranslator(translator)
    app._kiosk_translator = translator  # type: ignore[attr-defined]
    return code


def current_language() -> str:
    """The code of the translation in use ("en" when none is installed)."""
    app = QCoreApplication.instance()
    translator = getattr(app, "_kiosk_translator", None)
    if translator is None:
        return "en"
    return str(translator.language()).split("_")[0] or "en"
