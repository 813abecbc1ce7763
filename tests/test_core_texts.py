"""Sentences the Qt-free core says to staff reach a Spanish screen in Spanish: the engine's
corrections, the catalog's reasons for a bad CSV row, the admin's refusals.

Real parts: catalog.words.Said, Qt's translator with the shipped kiosk_es.qm, the running
kiosk with its worker thread and the demo catalog on disk.
"""

from __future__ import annotations

import json
import pickle
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from catalog.money import parse_price
from catalog.words import Said, reason
from kiosk.checkout_values import CheckoutState
from tests.test_admin_import import HEADER, pick
from tests.test_admin_products import products_tab
from tests.test_ui_correction import correct
from tests.test_ui_worker import add_cashier, feed, idle_kiosk
from tools.core_texts import TARGET, module_text
from ui.app import Kiosk
from ui.i18n import I18N_DIR, install_translator

__all__ = ["idle_kiosk"]  # the running kiosk fixture


def test_the_list_for_the_translators_is_current() -> None:
    """``python tools/core_texts.py`` after adding a Said: else lupdate never sees it."""
    assert TARGET.read_text(encoding="utf-8") == module_text()


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_translation_fills_the_same_blanks_as_the_english() -> None:
    core = [
        c
        for c in ET.parse(I18N_DIR / "kiosk_es.ts").iter("context")
        if c.findtext("name") == "Core"
    ]
    messages = [(m.findtext("source"), m.findtext("translation")) for m in core[0].iter("message")]
    assert len(messages) >= 50
    for source, translated in messages:
        assert translated, source
        assert fields(translated) == fields(source), source


def test_a_said_sentence_is_its_english_text_everywhere_but_keeps_its_template() -> None:
    said = Said("{staff} added {quantity} × {name}", staff="Ana", quantity=2, name="Cola")
    assert said == "Ana added 2 × Cola" and json.loads(json.dumps(said)) == said
    again = pickle.loads(pickle.dumps(said))
    assert again == said and again.template == said.template and again.values == said.values
    spanish = {"{staff} added {quantity} × {name}": "{staff} añadió {quantity} × {name}"}
    assert said.say(lambda t: spanish.get(t, t)) == "Ana añadió 2 × Cola"
    # A translation that lost a blank says the English rather than nothing.
    assert said.say(lambda t: "{staff} añadió {cantidad}") == "Ana added 2 × Cola"
    with pytest.raises(ValueError) as caught:
        parse_price("one euro")
    found = reason(caught.value)
    assert (
        isinstance(found, Said) and found == "price 'one euro' is not a number (write it like 2.49)"
    )
    words = {"price": "precio", found.template: "{what} {text!r} no es un número"}
    assert found.say(lambda t: words.get(t, t)) == "precio 'one euro' no es un número"
    assert reason(OSError("disk full")) == "disk full" and reason(KeyError()) == "KeyError"


@pytest.fixture
def spanish():
    assert install_translator("es") == "es"
    yield
    install_translator("en")


def test_a_spanish_screen_says_why_a_price_list_was_refused_in_spanish(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path, spanish
) -> None:
    bad = tmp_path / "precios.csv"
    bad.write_text(
        f"{HEADER}\n1001,Fizz Cola can 330 ml,un euro,19,false,cola-can,\n"
        "1003,Lemon Spark can 330 ml,1.19,19,false,lemon-soda-can,limon.jpg\n",
        encoding="utf-8",
    )
    dialog, tab = products_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.import_csv, bad)
    qtbot.waitUntil(lambda: "precios.csv" in dialog.status.text(), timeout=5_000)
    text = dialog.status.text()
    assert "precios.csv tiene 2 filas erróneas; no se ha importado nada." in text
    assert "línea 2: precio 'un euro' no es un número (escríbalo como 2.49)" in text
    assert "línea 3: no se encuentra la foto 'limon.jpg' junto al archivo CSV" in text

    add_cashier(idle_kiosk, "Bo")
    dialog, tab = products_tab(qtbot, idle_kiosk, "Bo")
    pick(qtbot, tab, tab.import_csv, bad)
    qtbot.waitUntil(lambda: "Bo" in dialog.status.text(), timeout=5_000)
    assert dialog.status.text().endswith(
        "Bo tiene el rol de cajero: los precios los importa un supervisor o gerente"
    )


def test_a_spanish_screen_shows_the_staff_correction_in_spanish(
    qtbot, idle_kiosk: Kiosk, spanish
) -> None:
    window = idle_kiosk.window
    feed(idle_kiosk, "cola-can", "cola-can")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    dialog = correct(qtbot, window)
    dialog.remove("1001")
    qtbot.waitUntil(lambda: "quitó" in dialog.status.text(), timeout=5_000)
    assert dialog.status.text() == "Demo Manager quitó 1 × Fizz Cola can 330 ml (1001)"
    assert window.view.message == "Demo Manager removed 1 × Fizz Cola can 330 ml (1001)"


def test_the_closed_screen_tells_staff_why_in_spanish(qtbot, idle_kiosk: Kiosk, spanish) -> None:
    from ui.worker import SOURCE_STATES, SourceStatus

    window = idle_kiosk.window
    lost = Said("{state}: {reason}", state=SOURCE_STATES["reconnecting"], reason="EIO")
    window.show_source(SourceStatus(False, lost))
    assert window.out_of_service
    qtbot.waitUntil(
        lambda: window.closed_screen.reason.text() == "Para el personal: cámara reconectando: EIO",
        timeout=2_000,
    )
    assert str(lost) == "camera reconnecting: EIO"  # what the log and the service status say
