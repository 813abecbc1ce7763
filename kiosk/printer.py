"""Paper receipts: a thermal receipt printer behind one small interface.

Like the payment terminal, a printer is slow and can hang: an ESC/POS printer that is out of
paper or switched off may never return from a ``write``. So a print runs on its own thread;
the checkout calls :meth:`ReceiptPrinter.start`, then :meth:`ReceiptPrinter.poll` on every
tick until a :class:`ReceiptPrinted` comes back, at the latest after ``timeout`` seconds.
Nothing waits on the printer, neither the screen nor the recognition thread.

``printer.device`` picks the printer:

- a device file, e.g. ``/dev/usb/lp0`` (Linux USB printer class) or a serial port: the
  receipt is sent as ESC/POS (initialise, code page 858 for the euro sign, text, feed, cut),
  the command set of nearly every thermal receipt printer;
- ``cups:QUEUE``: plain text to a CUPS queue through ``lp -d QUEUE`` (any printer the PC
  has a driver for).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import KioskError

log = logging.getLogger(__name__)

ESC_INIT = b"\x1b@"
ESC_CODEPAGE_858 = b"\x1bt\x13"  # PC858: PC850 with the euro sign at 0xD5
FEED_AND_CUT = b"\n\n\n\x1dVA\x03"  # feed, then a partial cut leaving 3 dots


@dataclass(frozen=True)
class ReceiptPrinted:
    """How a print ended; also the event the checkout receives."""

    ok: bool
    message: str = ""


class PrinterError(KioskError):
    """The printer cannot take a receipt now (busy, not set up)."""


def escpos_bytes(text: str, *, cut: bool = True) -> bytes:
    """A plain-text receipt as ESC/POS: initialise, code page 858, the text, feed and cut."""
    body = text.replace("\r\n", "\n").encode("cp858", errors="replace")
    return ESC_INIT + ESC_CODEPAGE_858 + body + (FEED_AND_CUT if cut else b"\n\n\n")


class ReceiptPrinter(ABC):
    """One print at a time, on a thread; :meth:`poll` gives its result once."""

    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self._thread: threading.Thread | None = None
        self._result: ReceiptPrinted | None = None
        self._started = 0.0
        self._reported = True

    @property
    def description(self) -> str:
        return type(self).__name__

    @abstractmethod
    def send(self, text: str) -> None:
        """Hand ``text`` to the printer (on the print thread); raise OSError on failure."""

    def start(self, text: str) -> None:
        """Begin printing ``text``; returns at once."""
        if self._thread is not None and self._thread.is_alive():
            raise PrinterError(f"{self.description} is still busy with the last receipt")
        self._result, self._reported, self._started = None, False, time.monotonic()
        self._thread = threading.Thread(
            target=self._run, args=(text,), name="receipt-printer", daemon=True
        )
        self._thread.start()

    def _run(self, text: str) -> None:
        try:
            self.send(text)
        except (OSError, subprocess.SubprocessError, PrinterError) as exc:
            log.error("receipt printer %s failed: %s", self.description, exc)
            self._result = ReceiptPrinted(False, f"{self.description}: {_reason(exc)}")
        else:
            self._result = ReceiptPrinted(True)

    def poll(self) -> ReceiptPrinted | None:
        """The result once the print has ended or timed out (given once), else None."""
        if self._reported or self._thread is None:
            return None
        if self._result is None:
            if time.monotonic() - self._started < self.timeout:
                return None
            log.error("receipt printer %s did not finish in %g s", self.description, self.timeout)
            self._result = ReceiptPrinted(
                False,
                f"{self.description} did not take the receipt in {self.timeout:g} s "
                "(out of paper, cover open, switched off?)",
            )
        self._reported = True
        return self._result


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


class DevicePrinter(ReceiptPrinter):
    """An ESC/POS printer at a device file (``/dev/usb/lp0``, a serial port)."""

    def __init__(self, path: Path, *, timeout: float = 10.0, cut: bool = True) -> None:
        super().__init__(timeout)
        self.path = Path(path)
        self.cut = cut

    @property
    def description(self) -> str:
        return f"printer {self.path}"

    def send(self, text: str) -> None:
        with self.path.open("wb", buffering=0) as device:
            device.write(escpos_bytes(text, cut=self.cut))


class CupsPrinter(ReceiptPrinter):
    """A CUPS queue, through the ``lp`` command (package ``cups-client``)."""

    def __init__(self, queue: str, *, timeout: float = 10.0) -> None:
        super().__init__(timeout)
        self.queue = queue

    @property
    def description(self) -> str:
        return f"printer queue {self.queue}"

    def send(self, text: str) -> None:
        lp = shutil.which("lp")
        if lp is None:
            raise PrinterError("the lp command is missing (sudo apt-get install cups-client)")
        done = subprocess.run(
            [lp, "-d", self.queue, "-t", "receipt"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=self.timeout,
            check=False,
        )
        if done.returncode != 0:
            raise PrinterError(done.stderr.decode("utf-8", "replace").strip() or "lp failed")


def printer_for(device: str, *, timeout: float = 10.0, cut: bool = True) -> ReceiptPrinter | None:
    """The printer ``printer.device`` names; None when it is empty (no printer)."""
    device = device.strip()
    if not device:
        return None
    if device.startswith("cups:"):
        return CupsPrinter(device.removeprefix("cups:"), timeout=timeout)
    return DevicePrinter(Path(device), timeout=timeout, cut=cut)
