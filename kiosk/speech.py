"""Spoken guidance for shoppers who cannot read the screen, through espeak-ng.

``Speaker.say`` never waits: the text goes to a background thread that runs the speech
program. Only the newest text matters (a shopper wants to hear the basket as it is now, not a
backlog): a new one cuts the one being spoken short. A machine without the program, or
without a sound card, is logged once and the kiosk carries on silent.

``espeak-ng`` is a Debian package (``apt-get install espeak-ng``); the kiosk's installer
installs it. With ``record_to`` the speaker writes each utterance as a WAV file instead of
playing it (for checking what it says, and for tests).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from pathlib import Path

from kiosk.pricing import format_money, minor_units

log = logging.getLogger(__name__)

VOICES = {"en": "en", "es": "es", "de": "de", "fr": "fr"}  # screen language -> espeak-ng voice
WORDS_PER_MINUTE = 150  # a little slower than espeak-ng's 175: clear over a shop's noise
SECONDS_PER_UTTERANCE = 30.0  # a speech program still running then is stopped


def speech_program() -> str | None:
    """The installed speech program, if any."""
    return shutil.which("espeak-ng") or shutil.which("espeak")


# Currency names for amounts said aloud: (one, many, minor one, minor many) per language.
CURRENCY_WORDS = {
    "EUR": {
        "en": ("euro", "euros", "cent", "cents"),
        "es": ("euro", "euros", "céntimo", "céntimos"),
        "de": ("Euro", "Euro", "Cent", "Cent"),
        "fr": ("euro", "euros", "centime", "centimes"),
    },
    "USD": {
        "en": ("dollar", "dollars", "cent", "cents"),
        "es": ("dólar", "dólares", "centavo", "centavos"),
        "de": ("Dollar", "Dollar", "Cent", "Cent"),
        "fr": ("dollar", "dollars", "cent", "cents"),
    },
    "GBP": {
        "en": ("pound", "pounds", "penny", "pence"),
        "es": ("libra", "libras", "penique", "peniques"),
        "de": ("Pfund", "Pfund", "Penny", "Pence"),
        "fr": ("livre", "livres", "penny", "pence"),
    },
}
MINUS = {"en": "minus ", "es": "menos ", "de": "minus ", "fr": "moins "}
BEFORE_MINOR = {"es": " con "}  # "3 euros con 73"; elsewhere "3 euros 73"


def spoken_money(cents: int, currency: str, language: str = "en") -> str:
    """An amount as a person says it: "3 euros 73", "1 euro", "3 euros con 73", "3 Euro 73"."""
    words = CURRENCY_WORDS.get(currency, {}).get(language)
    digits = minor_units(currency)
    if words is None or digits != 2:
        return format_money(cents, currency)
    sign = MINUS.get(language, "minus ") if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    one, many, minor_one, minor_many = words
    if whole == 0:
        return f"{sign}{part} {minor_one if part == 1 else minor_many}"
    text = f"{sign}{whole} {one if whole == 1 else many}"
    if part:
        text += f"{BEFORE_MINOR.get(language, ' ')}{part}"
    return text


class Speaker:
    """Says one thing at a time, the newest, on its own thread."""

    def __init__(self, program: str | None = None, *, record_to: Path | None = None) -> None:
        self.program = speech_program() if program is None else program or None
        self.record_to = record_to
        self.said: list[tuple[str, str]] = []  # (language, text) asked for, oldest first
        self._wanted: tuple[str, str] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._failed = False
        self._done = 0

    @property
    def available(self) -> bool:
        return self.program is not None

    def say(self, text: str, language: str = "en") -> None:
        """Speak ``text`` now (cutting short what is being said); returns at once."""
        text = " ".join(text.split())
        if not self.available or not text or self._closed:
            return
        with self._wake:
            self._wanted = (language, text)
            self.said.append((language, text))
            speaking = self._process
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
                self._thread.start()
            self._wake.notify()
        if speaking is not None and speaking.poll() is None:
            speaking.terminate()

    def stop(self) -> None:
        """Silence: drop what waits and cut short what is being said."""
        with self._wake:
            self._wanted = None
            speaking = self._process
        if speaking is not None and speaking.poll() is None:
            speaking.terminate()

    def wait(self, timeout: float = 10.0) -> bool:
        """Until everything asked for has been spoken (tests, checks); False on timeout."""
        with self._wake:
            return self._wake.wait_for(
                lambda: self._wanted is None and self._process is None, timeout
            )

    def close(self) -> None:
        """Stop speaking and end the thread (at shutdown)."""
        with self._wake:
            self._closed = True
            speaking = self._process
            self._wake.notify_all()
        if speaking is not None and speaking.poll() is None:
            speaking.terminate()
        if self._thread is not None:
            self._thread.join(timeout=1.0)

    def _run(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._wanted is not None or self._closed)
                if self._closed:
                    return
                assert self._wanted is not None
                language, text = self._wanted
                self._wanted = None
                try:
                    self._process = subprocess.Popen(
                        self._command(language, text),
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                    )
                except OSError as exc:
                    self._report(f"{self.program} could not start: {exc}")
                    self._process = None
                    self._wake.notify_all()
                    continue
                process = self._process
            self._finish(process)

    def _finish(self, process: subprocess.Popen[bytes]) -> None:
        try:
            _, errors = process.communicate(timeout=SECONDS_PER_UTTERANCE)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
        problem = errors.decode(errors="replace").strip().splitlines()
        if process.returncode not in (0, -15) or any("error" in line for line in problem):
            self._report(f"{self.program}: {problem[-1] if problem else process.returncode}")
        with self._wake:
            self._process = None
            self._wake.notify_all()

    def _command(self, language: str, text: str) -> list[str]:
        assert self.program is not None
        command = [self.program, "-v", VOICES.get(language, "en"), "-s", str(WORDS_PER_MINUTE)]
        if self.record_to is not None:
            self._done += 1
            self.record_to.mkdir(parents=True, exist_ok=True)
            command += ["-w", str(self.record_to / f"{self._done:04d}.wav")]
        return [*command, "--", text]

    def _report(self, problem: str) -> None:
        if not self._failed:  # once: a kiosk without a sound card would say it every time
            self._failed = True
            log.warning("spoken guidance is silent: %s", problem)
