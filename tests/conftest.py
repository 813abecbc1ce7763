"""Shared test set-up: Qt runs offscreen, and nothing in the tests reaches the network."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from kiosk.pricing import MoneyStyle, use_money_style


@pytest.fixture(autouse=True)
def default_money_style():
    """Each test starts, and leaves, with money written the default way ("€1,234.56"): a test
    that loads settings with another checkout.money_format changes it for the process."""
    use_money_style(MoneyStyle())
    yield
    use_money_style(MoneyStyle())
