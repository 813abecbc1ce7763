"""Spoken guidance: amounts said as people say them, the real espeak-ng speaking (into WAV
files: this machine has no sound card), and the running kiosk's Voice button.
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import pytest

from kiosk.checkout_values import CheckoutState
from kiosk.speech import Speaker, speech_program, spoken_money
from tests.test_ui_worker import feed, idle_kiosk
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture

needs_espeak = pytest.mark.skipif(
    speech_program() is None, reason="espeak-ng is not installed (apt-get install espeak-ng)"
)


@pytest.mark.parametrize(
    ("cents", "currency", "language", "said"),
    [
        (373, "EUR", "en", "3 euros 73"),
        (100, "EUR", "en", "1 euro"),
        (129, "EUR", "en", "1 euro 29"),
        (5, "EUR", "en", "5 cents"),
        (1, "EUR", "en", "1 cent"),
        (373, "EUR", "es", "3 euros con 73"),
        (99, "EUR", "es", "99 céntimos"),
        (-150, "EUR", "es", "menos 1 euro con 50"),
        (373, "EUR", "de", "3 Euro 73"),
        (200, "EUR", "de", "2 Euro"),
        (1, "EUR", "de", "1 Cent"),
        (-1250, "GBP", "de", "minus 12 Pfund 50"),
        (373, "EUR", "fr", "3 euros 73"),
        (1, "EUR", "fr", "1 centime"),
        (-150, "EUR", "fr", "moins 1 euro 50"),
        (-150, "EUR", "en", "minus 1 euro 50"),
        (1250, "GBP", "en", "12 pounds 50"),
        (500, "JPY", "en", "¥500"),  # no words for it: as the screen writes it
    ],
)
def test_amounts_are_said_as_people_say_them(cents, currency, language, said) -> None:
    assert spoken_money(cents, currency, language) == said


def seconds(path: Path) -> float:
    with wave.open(str(path)) as sound:
        return sound.getnframes() / sound.getframerate()


@needs_espeak
def test_the_newest_sentence_is_spoken_and_cuts_the_one_before_short(tmp_path: Path) -> None:
    speaker = Speaker(record_to=tmp_path)
    speaker.say("Fizz Cola can 330 millilitres, 1 euro 29. " * 5)
    speaker.say("Total: 3 euros 73. Tap Pay when you are ready.")
    assert speaker.wait(10)
    files = sorted(tmp_path.glob("*.wav"))
    assert 1 <= len(files) <= 2
    assert 1.5 < seconds(files[-1]) < 8  # the last sentence, whole
    speaker.say("Gracias.", "es")
    assert speaker.wait(10)
    assert seconds(sorted(tmp_path.glob("*.wav"))[-1]) > 0.3
    assert speaker.said[-1] == ("es", "Gracias.")
    speaker.close()


def test_a_missing_speech_program_is_reported_once_and_nothing_stops(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    speaker = Speaker(program=str(tmp_path / "no-such-espeak"))
    with caplog.at_level(logging.WARNING):
        for text in ("one", "two"):
            speaker.say(text)
            assert speaker.wait(5)
    warnings = [r.getMessage() for r in caplog.records if "spoken guidance" in r.getMessage()]
    assert len(warnings) == 1 and "no-such-espeak could not start" in warnings[0]
    speaker.close()
    assert not Speaker(program="").available  # turned off: says nothing, asks for nothing
    Speaker(program="").say("nothing")


@needs_espeak
def test_a_shopper_turns_on_voice_and_hears_items_and_the_total(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    window = idle_kiosk.window
    voice = window.voice
    voice.speaker = Speaker(record_to=tmp_path / "said")  # the kiosk's loudspeaker, on file
    assert window.header.voice.isVisible() and not voice.on
    feed(idle_kiosk, "apple")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert voice.speaker.said == []  # off until the shopper asks
    window.header.voice.click()
    assert voice.on and window.header.voice.isChecked()
    assert voice.speaker.said[-1][1] == (
        "Spoken guidance is on. Items in your basket: 1. Apple (each), 45 cents. "
        "All items recognised. Tap Pay when you are ready. Total: 45 cents."
    )
    feed(idle_kiosk, "apple", "cola-can")
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 45 + 129, timeout=5_000)
    qtbot.waitUntil(
        lambda: "Fizz Cola can 330 ml, 1 euro 29." in voice.speaker.said[-1][1], timeout=5_000
    )
    assert voice.speaker.wait(10)
    assert seconds(sorted((tmp_path / "said").glob("*.wav"))[-1]) > 1.0
    window.pay_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
    qtbot.waitUntil(lambda: "Total: 1 euro 74." in voice.speaker.said[-1][1], timeout=5_000)
    window.reset_shopper_choices()  # what the next shopper finds: silence
    assert not voice.on and not window.header.voice.isChecked()


def test_no_voice_button_without_a_speech_program(qtbot, tmp_path: Path) -> None:
    from tests.test_ui_worker import TINY_MODEL, start, stop
    from tests.ui_support import NoFrames, demo_settings_in
    from ui.app import build_kiosk

    settings = demo_settings_in(tmp_path, "0", ui__speech="off")
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    start(qtbot, kiosk)
    try:
        assert not kiosk.window.header.voice.isVisible() and not kiosk.window.voice.available
    finally:
        stop(kiosk)


@needs_espeak
def test_an_item_with_a_deposit_is_said_with_it(qtbot, idle_kiosk: Kiosk, tmp_path: Path) -> None:
    """The total a shopper hears must add up from what was said item by item."""
    from dataclasses import replace

    from catalog.db import connect
    from catalog.products import get_product, upsert_product

    window = idle_kiosk.window
    db = connect(idle_kiosk.settings.paths.database)
    try:
        upsert_product(db, replace(get_product(db, "1001"), deposit_cents=25), "manager")
    finally:
        db.close()
    feed(idle_kiosk, "cola-can")  # once the running kiosk has read the changed catalog:
    qtbot.waitUntil(lambda: window.view.basket.total_cents == 129 + 25, timeout=8_000)
    window.voice.speaker = Speaker(record_to=tmp_path / "said")
    window.header.voice.click()
    feed(idle_kiosk, "cola-can", "cola-can")
    qtbot.waitUntil(
        lambda: (
            "Fizz Cola can 330 ml, 1 euro 29 plus 25 cents deposit."
            in window.voice.speaker.said[-1][1]
        ),
        timeout=5_000,
    )
    window.pay_button.click()
    qtbot.waitUntil(lambda: "Total: 3 euros 8." in window.voice.speaker.said[-1][1], timeout=8_000)


@needs_espeak
def test_a_bottle_voucher_is_said_with_its_amount(qtbot, tmp_path: Path) -> None:
    """The voucher comes off in words, then the total, so what was said adds up."""
    from kiosk.checkout_events import VoucherScanned
    from kiosk.vouchers import DEFAULT_LAYOUT, VoucherRules
    from tests.test_ui_worker import TINY_MODEL, start, stop
    from tests.ui_support import NoFrames, demo_settings_in
    from ui.app import build_kiosk

    settings = demo_settings_in(
        tmp_path, "0", camera__stall_seconds=600.0, vouchers__layout=DEFAULT_LAYOUT,
        vouchers__tax_rate=19.0,
    )  # fmt: skip
    kiosk = build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())
    window = start(qtbot, kiosk)
    try:
        qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
        feed(kiosk, "cola-can", "crisps-salted")
        qtbot.waitUntil(lambda: window.view.basket.total_cents == 129 + 199, timeout=8_000)
        window.voice.speaker = Speaker(record_to=tmp_path / "said")
        window.header.voice.click()
        kiosk.worker.post(VoucherScanned(VoucherRules().code_for(42, 325)))
        qtbot.waitUntil(
            lambda: (
                window.voice.speaker.said[-1][1]
                == "Bottle voucher: 3 euros 25 off. Total: 3 cents."
            ),
            timeout=5_000,
        )
    finally:
        stop(kiosk)
