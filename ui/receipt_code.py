"""The receipt as a QR code on the receipt screen, for the shopper's phone.

The code holds the receipt's own text (``kiosk.receipt.receipt_for_phone``): a phone's camera
app shows it, and it can be kept, with no internet at the kiosk or the phone. Drawing a code
takes OpenCV 50-200 ms, so it is made on a thread of its own; the screen shows it when ready.
"""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

QUIET = 4  # white modules around the code, as the QR standard asks
MAX_PX = 320  # the code's side on the screen: 3 px a module for receipt_for_phone's longest


def code_picture(text: str, max_px: int = MAX_PX) -> np.ndarray:
    """``text`` as a black-on-white QR code, whole pixels per module, at most ``max_px``."""
    modules = cv2.QRCodeEncoder.create().encode(text)  # 0 dark, 255 light; no quiet zone
    if modules is None or modules.size == 0:
        raise ValueError("OpenCV made no QR code of the text")
    framed = cv2.copyMakeBorder(modules, QUIET, QUIET, QUIET, QUIET, cv2.BORDER_CONSTANT, value=255)
    scale = max(1, max_px // framed.shape[0])
    return cv2.resize(framed, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)


class _Relay(QObject):
    """Lives on the UI thread; a signal emitted from the pool arrives there queued."""

    made = Signal(str, object)  # the text, its QImage (None: no code could be made)


class _Draw(QRunnable):
    def __init__(self, text: str, max_px: int, relay: _Relay) -> None:
        super().__init__()
        self.text, self.max_px, self.relay = text, max_px, relay

    def run(self) -> None:
        try:
            picture = code_picture(self.text, self.max_px)
        except (cv2.error, ValueError):
            self.relay.made.emit(self.text, None)
            return
        height, width = picture.shape
        grey = QImage.Format.Format_Grayscale8
        image = QImage(picture.data, width, height, picture.strides[0], grey)
        self.relay.made.emit(self.text, image.copy())  # the copy owns its pixels


class ReceiptCodes(QObject):
    """Makes codes one at a time in the background; ``made`` brings each (text, QImage)."""

    made = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.made.connect(self.made)

    def request(self, text: str, max_px: int = MAX_PX) -> None:
        self._pool.clear()  # a code nobody waits for any more is not drawn
        self._pool.start(_Draw(text, max_px, self._relay))

    def stop(self, msecs: int = 1000) -> bool:
        """Drop the codes not started and wait for the one being drawn (at shutdown)."""
        self._pool.clear()
        return self._pool.waitForDone(msecs)
