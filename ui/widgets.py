"""Tiny widget helpers shared by the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

W = TypeVar("W", bound=QWidget)
TOUCH_ROW = 48  # pixels: a row a finger can hit on the kiosk's touch screen


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set; the style sheet picks its look by that name."""
    widget.setObjectName(name)
    return widget


def keypad(press: Callable[[str], None]) -> QGridLayout:
    """Large touch keys, three a row: 1-9, ⌫ (delete the last), 0, C (clear); ``press`` gets
    the key pressed. The keys never take the focus from the dialog's keyboard."""
    grid = QGridLayout()
    for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]):
        button = named(QPushButton(key), "PinKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False, k=key: press(k))
        grid.addWidget(button, i // 3, i % 3)
    return grid


def keyed(digits: str, key: str, most: int) -> str:
    """``digits`` after a keypad key: a digit added (up to ``most``), ⌫ the last one
    deleted, C all cleared."""
    if key == "⌫":
        return digits[:-1]
    if key == "C":
        return ""
    if key.isdigit() and len(digits) < most:
        return digits + key
    return digits


def cancel_and_ok(
    dialog: QDialog, ok: Callable[[], None]
) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """A keypad dialog's last row: a button that closes it unchanged, and the one that
    hands in what was typed (``ok``); their texts are the dialog's to set."""
    row = QHBoxLayout()
    cancel = named(QPushButton(), "SecondaryButton")
    cancel.clicked.connect(dialog.reject)
    accept = named(QPushButton(), "PrimaryButton")
    accept.clicked.connect(ok)
    row.addWidget(cancel)
    row.addWidget(accept)
    return row, cancel, accept


def typed_into_keypad(
    event: QKeyEvent, press: Callable[[str], None], submit: Callable[[], None]
) -> bool:
    """A keyboard's (or a barcode scanner's) key for a keypad: a digit, Backspace (⌫) or
    Enter (``submit``). False when it is none of them (the dialog's own handling goes on)."""
    if event.text().isdigit():
        press(event.text())
    elif event.key() == Qt.Key.Key_Backspace:
        press("⌫")
    elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        submit()
    else:
        return False
    return True


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


LIST_PAGE, FORM_PAGE = 0, 1


def list_and_form(
    table: QWidget,
    note: QWidget | None,
    new: QWidget,
    fields: QLayout,
    problem: QWidget,
    back: QWidget,
    save: QWidget,
) -> QStackedWidget:
    """An admin tab's two pages: the list (``table``, under it ``note`` and the *New* button)
    and the form of one row (``fields``, the ``problem`` line, *Back* and *Save*)."""
    under = QHBoxLayout()
    if note is None:
        under.addStretch(1)
    else:
        under.addWidget(note, 1)
    under.addWidget(new)
    buttons = QHBoxLayout()
    buttons.addWidget(back)
    buttons.addStretch(1)
    buttons.addWidget(save)
    pages = QStackedWidget()
    for top, bottom in ((table, under), (fields, buttons)):
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        if isinstance(top, QLayout):
            column.addLayout(top, 1)
            column.addWidget(problem)
        else:
            column.addWidget(top, 1)
        column.addLayout(bottom)
        pages.addWidget(page)
    return pages
