"""The languages the kiosk's screens speak, each named in its own words.

Qt-free so that configuration checks (``kiosk doctor``) can tell a technician that a
language has no screen texts; ``ui.i18n`` loads the translations themselves.
"""

from __future__ import annotations

import locale
import os

SCREEN_LANGUAGES = {"en": "English", "es": "Español", "de": "Deutsch", "fr": "Français"}
FOLLOW_SYSTEM = ("auto", "system")  # ui.language values that follow the PC's locale


def screen_language(wanted: str, system: str = "") -> str | None:
    """The code of ``wanted`` (``"de"``, ``"de_AT"``, ``"auto"``) when the screens speak it;
    ``None`` when they do not (they show English then). ``system`` is the PC's locale for
    ``"auto"``."""
    code = wanted.strip().lower().replace("-", "_")
    if code in ("", *FOLLOW_SYSTEM):
        code = system.lower()
    code = code.split("_")[0]
    return code if code in SCREEN_LANGUAGES else None


def system_locale() -> str:
    """The PC's language setting as Qt reads it on Linux (``de_DE.UTF-8`` -> ``de_DE``)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX"):
            return value.split(".")[0]
    return locale.getlocale()[0] or ""
