"""Base exception for failures the user can act on; each module subclasses it narrowly."""

from __future__ import annotations


class KioskError(Exception):
    """A failure with a message that says what is wrong, where, and what to do."""
