"""Qt-free core of the vision checkout kiosk."""

__version__ = "0.1.0"
