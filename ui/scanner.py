"""A USB barcode scanner on the shopper's window: its burst of keystrokes, told from typing.

A scanner is a keyboard to the PC: it types a barcode's digits and Enter within a few
milliseconds each. :class:`ScannerKeys` tells that apart from anything else that reaches the
window (nobody types 13 digits in well under a second), so the kiosk reads a barcode scanned
at any moment of shopping: a product's the camera cannot tell yet, or a bottle voucher's.
Scanners set to end with Tab, or with nothing, are read too: a burst of digits that stops
(:meth:`ScannerKeys.ended`) is a code as well.
"""

from __future__ import annotations

SCANNER_GAP_S = 0.08  # a scanner types a digit every few ms; a person, every 150 ms or more
MIN_DIGITS = 8  # EAN-8, the shortest barcode
MAX_DIGITS = 20


class ScannerKeys:
    """Collects a scanner's burst of digits; ``key`` returns the code when Enter ends one."""

    def __init__(self, gap_s: float = SCANNER_GAP_S) -> None:
        self.gap_s = gap_s
        self._digits = ""
        self._last = float("-inf")

    def key(self, text: str, enter: bool, now: float) -> str | None:
        """One key press at ``now`` (seconds): its ``text``, or Enter (or Tab)."""
        late = now - self._last > self.gap_s
        self._last = now
        if enter:
            code, self._digits = self._digits, ""
            return code if not late and MIN_DIGITS <= len(code) <= MAX_DIGITS else None
        if len(text) == 1 and text.isdigit():
            self._digits = text if late else (self._digits + text)[-MAX_DIGITS:]
        else:
            self._digits = ""
        return None

    def ended(self, now: float) -> str | None:
        """The code of a burst that stopped without Enter (a scanner set to send no suffix),
        once ``gap_s`` has passed since its last digit; asked by a timer."""
        if now - self._last <= self.gap_s or not MIN_DIGITS <= len(self._digits) <= MAX_DIGITS:
            return None
        code, self._digits = self._digits, ""
        return code
