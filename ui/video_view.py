"""The live counter picture, scaled with its aspect kept, with the item boxes drawn over it."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import theme
from ui.overlay import BoxMark, MarkKind

MARK_COLOURS = {
    MarkKind.ITEM: theme.BOX_OK,
    MarkKind.DOUBT: theme.BOX_DOUBT,
    MarkKind.UNKNOWN: theme.BOX_UNKNOWN,
}


OUTSIDE_DIM = 150  # alpha of the shade over the picture beyond the counter region


def fit_rect(src_w: int, src_h: int, area: QRect) -> QRect:
    """The largest rectangle of the source's aspect ratio centred inside ``area``."""
    if src_w <= 0 or src_h <= 0 or area.width() <= 0 or area.height() <= 0:
        return QRect()
    scale = min(area.width() / src_w, area.height() / src_h)
    w, h = max(1, round(src_w * scale)), max(1, round(src_h * scale))
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


class VideoView(QWidget):
    """Draws the newest BGR frame and the newest boxes; it never waits for either.

    The frame array is kept referenced for as long as the view draws it, because the
    ``QImage`` built on it does not copy. Frames are resized with OpenCV to the exact
    target size first, which is cheaper on the UI thread than a smooth Qt scale.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VideoView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._frame: np.ndarray | None = None
        self._scaled: np.ndarray | None = None
        self._marks: tuple[BoxMark, ...] = ()
        self._region: tuple[float, float, float, float] | None = None  # fractions
        self._placeholder = ""
        self.frames_shown = 0  # frames handed to the view
        self.frames_drawn = 0  # distinct frames that reached the screen
        self._drawn: np.ndarray | None = None

    def show_frame(self, image: np.ndarray) -> None:
        """Take the newest frame (BGR uint8, HxWx3) and schedule a repaint."""
        if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
            raise ValueError(f"expected a BGR uint8 HxWx3 frame, got {image.shape} {image.dtype}")
        if image.size == 0:
            return  # a glitching camera; keep showing the last good picture
        self._frame = image
        self._scaled = None
        self.frames_shown += 1
        self.update()

    def set_marks(self, marks: Sequence[BoxMark], *, repaint: bool = True) -> None:
        """Replace the boxes; ``repaint=False`` leaves drawing to the next frame (one paint)."""
        self._marks = tuple(marks)
        if repaint:
            self.update()

    def set_region(self, region: tuple[float, float, float, float] | None) -> None:
        """The counter (left, top, right, bottom fractions): the rest of the picture is
        dimmed, so shoppers see where items count. None: the whole picture counts."""
        self._region = region
        self.update()

    def set_placeholder(self, text: str) -> None:
        """Text shown while there is no picture (starting, camera lost)."""
        self._placeholder = text
        self.update()

    def clear(self) -> None:
        self._frame = None
        self._scaled = None
        self._marks = ()
        self.update()

    @property
    def marks(self) -> tuple[BoxMark, ...]:
        return self._marks

    def has_frame(self) -> bool:
        return self._frame is not None

    def image_rect(self) -> QRect:
        """Where the picture is drawn inside the widget (device-independent pixels)."""
        if self._frame is None:
            return QRect()
        h, w = self._frame.shape[:2]
        return fit_rect(w, h, self.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Background, picture, then boxes; placeholder text while there is no picture."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.colours().canvas))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.VIDEO_BG))
        radius = max(8.0, self.height() / 40)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        target = self.image_rect()
        if self._frame is None or target.isEmpty():
            self._paint_placeholder(painter)
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawImage(target, self._scaled_image(target))
        if self._region is not None:
            self._paint_region(painter, target)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._marks:
            self._paint_marks(painter, target)
        painter.end()
        if self._drawn is not self._frame:
            self._drawn = self._frame
            self.frames_drawn += 1

    def _scaled_image(self, target: QRect) -> QImage:
        ratio = self.devicePixelRatioF()
        size = (max(1, round(target.width() * ratio)), max(1, round(target.height() * ratio)))
        assert self._frame is not None
        if self._scaled is None or self._scaled.shape[1::-1] != size:
            frame = self._frame
            if frame.shape[1::-1] == size:
                self._scaled = np.ascontiguousarray(frame)
            else:  # INTER_AREA looks a little smoother but costs 4x on the UI thread
                self._scaled = cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR)
        scaled = self._scaled
        image = QImage(
            scaled.data,
            scaled.shape[1],
            scaled.shape[0],
            scaled.strides[0],
            QImage.Format.Format_BGR888,
        )
        image.setDevicePixelRatio(ratio)
        return image

    def _paint_placeholder(self, painter: QPainter) -> None:
        if not self._placeholder:
            return
        painter.setPen(QColor("#C9D1DA"))
        font = QFont(self.font())
        font.setPixelSize(max(16, self.height() // 18))
        painter.setFont(font)
        painter.drawText(
            self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
        )

    def _paint_region(self, painter: QPainter, target: QRect) -> None:
        """Dim what lies outside the counter (one translucent fill around it)."""
        assert self._region is not None
        left, top, right, bottom = self._region
        inner = QRectF(
            target.x() + left * target.width(),
            target.y() + top * target.height(),
            (right - left) * target.width(),
            (bottom - top) * target.height(),
        )
        outside = QPainterPath()
        outside.addRect(QRectF(target))
        hole = QPainterPath()
        hole.addRect(inner)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, OUTSIDE_DIM))
        painter.drawPath(outside.subtracted(hole))

    def _paint_marks(self, painter: QPainter, target: QRect) -> None:
        assert self._frame is not None
        k = target.width() / self._frame.shape[1]
        # Sized by the picture, not the widget: on a portrait screen the widget is much taller
        # than the picture in it, and names sized by it ran off the picture.
        width = max(3.0, target.height() / 160)
        font = QFont(self.font())
        font.setPixelSize(max(13, round(target.height() / 30)))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        placed: list[QRectF] = []
        boxes: list[tuple[BoxMark, QRectF]] = []
        for mark in self._marks:
            colour = MARK_COLOURS[mark.kind]
            box = QRectF(
                target.x() + mark.x1 * k,
                target.y() + mark.y1 * k,
                (mark.x2 - mark.x1) * k,
                (mark.y2 - mark.y1) * k,
            )
            pen = QPen(colour, width)
            if mark.kind is not MarkKind.ITEM:
                pen.setStyle(Qt.PenStyle.DashLine)
                fill = QColor(colour)
                fill.setAlpha(40)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawRoundedRect(box, width * 1.5, width * 1.5)
            boxes.append((mark, box))
        for mark, box in boxes:  # names last, so no outline crosses them
            if mark.text:
                text = self.fitted_name(metrics, mark.text, target)
                tag = self._tag_rect(metrics, text, box, target, placed)
                placed.append(tag)
                self._paint_tag(painter, metrics, text, tag, MARK_COLOURS[mark.kind])

    @staticmethod
    def fitted_name(metrics: QFontMetricsF, text: str, target: QRect) -> str:
        """The name as it fits across the picture, shortened with … when it does not (its
        tag used to start left of the picture, cutting off the name's beginning)."""
        room = target.width() - metrics.height() * 0.6  # the tag's padding
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)

    @staticmethod
    def _tag_rect(
        metrics: QFontMetricsF, text: str, box: QRectF, target: QRect, placed: list[QRectF]
    ) -> QRectF:
        """Above the box, else just inside its top, else below it: wherever no tag is yet."""
        pad = metrics.height() * 0.3
        w = metrics.horizontalAdvance(text) + 2 * pad
        h = metrics.height() + pad
        x = min(max(box.x(), target.x()), target.right() - w)
        candidates = [box.y() - h - 2, box.y() + 2, box.bottom() + 2]
        rects = [QRectF(x, min(max(y, target.y()), target.bottom() - h), w, h) for y in candidates]
        for rect in rects:
            if not any(rect.intersects(other) for other in placed):
                return rect
        return rects[0]

    @staticmethod
    def _paint_tag(
        painter: QPainter, metrics: QFontMetricsF, text: str, tag: QRectF, colour: QColor
    ) -> None:
        pad = metrics.height() * 0.3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(tag, pad, pad)
        painter.setPen(QColor("#111111") if colour == theme.BOX_DOUBT else QColor("white"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
