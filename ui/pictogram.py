"""A drawn shopping-basket pictogram for the welcome screen (no icon font or emoji needed)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import theme


class BasketPictogram(QWidget):
    """A white basket on a brand-coloured disc; scales with its widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(96, 96)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Disc, handle, basket body and its slats, all relative to the disc size."""
        side = min(self.width(), self.height())
        disc = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        s = side / 100
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colours = theme.colours()
        painter.setBrush(QColor(colours.brand))
        painter.drawEllipse(disc)
        x0, y0 = disc.x(), disc.y()
        pen = QPen(QColor(colours.on_brand), 6 * s)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(x0 + 32 * s, y0 + 22 * s, 36 * s, 36 * s), 0, 180 * 16)
        body = QPainterPath(QPointF(x0 + 22 * s, y0 + 42 * s))
        for x, y in ((78, 42), (70, 76), (30, 76)):
            body.lineTo(QPointF(x0 + x * s, y0 + y * s))
        body.closeSubpath()
        painter.setBrush(QColor(colours.on_brand))
        painter.drawPath(body)
        painter.setPen(QPen(QColor(colours.brand), 4 * s))
        for x in (40, 50, 60):
            painter.drawLine(QPointF(x0 + x * s, y0 + 50 * s), QPointF(x0 + x * s, y0 + 68 * s))
        painter.end()
