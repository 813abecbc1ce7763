"""Product pictures for the screen, read off the UI thread.

``PictureCache.icon(name)`` answers at once: the picture when it has been read, else None
(and the read starts on a background thread). ``loaded`` says when a picture has arrived so
the views showing it repaint. The UI thread never touches the disk for a picture. Pictures
are icons so that every view draws them at its own size (an item view draws a QIcon at its
``iconSize``, a QImage or QPixmap at the picture's own), on a square: a view gives an icon
the width it draws, so a tall cereal box's would otherwise start its row's name further left
than a can's.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

from catalog.pictures import PictureStore

SIDE = 128  # pixels kept per picture: the largest a basket row or form shows, at most scale 2
KEPT = 256  # pictures kept in memory (each at most 64 kB); the least recently shown go first


def to_qimage(picture: np.ndarray, side: int = SIDE) -> QImage:
    """A BGR or BGRA picture as a QImage that owns its pixels, at most ``side`` px long."""
    height, width = picture.shape[:2]
    channels = picture.shape[2] if picture.ndim == 3 else 1
    if channels == 4:
        fmt = QImage.Format.Format_ARGB32  # BGRA bytes on a little-endian machine
    elif channels == 3:
        fmt = QImage.Format.Format_BGR888
    else:
        fmt = QImage.Format.Format_Grayscale8
    image = QImage(picture.data, width, height, picture.strides[0], fmt).copy()
    if max(width, height) > side:
        image = image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def on_square(image: QImage) -> QImage:
    """``image`` centred on a transparent square as long as its longer side."""
    side = max(image.width(), image.height())
    if image.width() == image.height():
        return image
    square = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)
    painter.drawImage((side - image.width()) // 2, (side - image.height()) // 2, image)
    painter.end()
    return square


class _Relay(QObject):
    """Lives on the UI thread; a signal emitted from the pool arrives there queued."""

    read = Signal(str, object)  # name, QImage or None


class _Read(QRunnable):
    def __init__(self, store: PictureStore, name: str, relay: _Relay) -> None:
        super().__init__()
        self.store, self.name, self.relay = store, name, relay

    def run(self) -> None:
        picture = self.store.load(self.name)
        image = None if picture is None else on_square(to_qimage(picture))
        self.relay.read.emit(self.name, image)


class PictureCache(QObject):
    """Pictures by name, read in the background, the most recent :data:`KEPT` kept."""

    loaded = Signal(str)

    def __init__(self, store: PictureStore | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._icons: OrderedDict[str, QIcon | None] = OrderedDict()
        self._reading: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        blank = QPixmap(SIDE, SIDE)
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)
        self._relay.read.connect(self._arrived)

    def icon(self, name: str) -> QIcon | None:
        """The picture ``name`` if it has been read (None: none, unreadable, or on its way)."""
        if not name or self.store is None:
            return None
        if name in self._icons:
            self._icons.move_to_end(name)
            return self._icons[name]
        if name not in self._reading:
            self._reading.add(name)
            self._pool.start(_Read(self.store, name, self._relay))
        return None

    def shown(self, name: str | None) -> QIcon:
        """What a list row shows beside its name: the picture once read, else an empty square
        of the same size (none, unreadable, or on its way), so that every row's name starts
        at the same place."""
        return (self.icon(name) if name else None) or self._blank

    def put(self, name: str, picture: np.ndarray) -> None:
        """Keep a picture the caller already has (one just taken), without reading it."""
        self._keep(name, on_square(to_qimage(picture)))

    def stop(self, msecs: int = 1000) -> bool:
        """Drop the reads not started and wait for the one running (at shutdown): none may
        report to a cache that is gone."""
        self._pool.clear()
        return self._pool.waitForDone(msecs)

    def _arrived(self, name: str, image: Any) -> None:
        self._reading.discard(name)
        self._keep(name, image)

    def _keep(self, name: str, image: QImage | None) -> None:
        self._icons[name] = None if image is None else QIcon(QPixmap.fromImage(image))
        self._icons.move_to_end(name)
        while len(self._icons) > KEPT:
            self._icons.popitem(last=False)
        self.loaded.emit(name)
