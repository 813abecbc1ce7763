"""The store's clock: which day a sale belongs to and the time a receipt shows.

The ledger stores UTC (``catalog.db.utc_iso``) so sales sort and compare the same way on every
kiosk; people read local time. ``checkout.timezone`` names the store's zone (IANA, such as
``Europe/Berlin``); empty means the kiosk PC's own clock, which is what a PC set up for the
store already shows.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.errors import KioskError


class UnknownTimeZone(KioskError):
    """``checkout.timezone`` names a zone this PC has no rules for."""


def zone_problem(name: str) -> str | None:
    """Why ``name`` cannot be the store's time zone, or None (settings validation)."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return (
            "is not a time zone this PC knows: use an IANA name such as Europe/Berlin, or "
            '"" for the PC\'s own clock'
        )
    return None


def store_zone(name: str) -> tzinfo | None:
    """The zone called ``name``; None means the PC's local time (daylight saving included)."""
    problem = zone_problem(name)
    if problem:
        raise UnknownTimeZone(f"checkout.timezone {name!r} {problem}")
    return ZoneInfo(name) if name else None


def local_time(utc_text: str, zone: tzinfo | None) -> datetime:
    """A ledger timestamp (UTC ISO 8601) in the store's time."""
    moment = datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    return moment.astimezone(zone)


def receipt_time(utc_text: str, zone: tzinfo | None) -> str:
    """``2026-11-26 14:05``: the sale's time as the shopper's clock shows it."""
    return local_time(utc_text, zone).strftime("%Y-%m-%d %H:%M")


def store_today(zone: tzinfo | None) -> date:
    return datetime.now(zone).date() if zone is not None else datetime.now().date()
