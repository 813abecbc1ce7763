"""Waiting, in tests, for something that answers on another thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def first_answer(poll: Callable[[], T | None], what: str, seconds: float = 10.0) -> T:
    """Call ``poll`` until it returns something; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = poll()
        if answer is not None:
            return answer
        time.sleep(0.02)
    raise AssertionError(f"{what} within {seconds:g} s")
