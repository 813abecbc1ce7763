"""Tiny widget helpers shared by the screens."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

W = TypeVar("W", bound=QWidget)
TOUCH_ROW = 48  # pixels: a row a finger can hit on the kiosk's touch screen


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set; the style sheet picks its look by that name."""
    widget.setObjectName(name)
    return widget


def touch_table(titles: list[str], stretch: int, *, pick_rows: bool = True) -> QTableWidget:
    """A table for fingers: rows a finger can hit, column ``stretch`` takes the spare width;
    with ``pick_rows`` one whole row is chosen at a time and nothing is edited in place."""
    table = QTableWidget(0, len(titles))
    table.setHorizontalHeaderLabels(titles)
    header = table.horizontalHeader()
    if pick_rows:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(TOUCH_ROW)
    if pick_rows:
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table
