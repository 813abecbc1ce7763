"""Tiny widget helpers shared by the screens."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set; the style sheet picks its look by that name."""
    widget.setObjectName(name)
    return widget
