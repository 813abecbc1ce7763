"""``--day DAY`` or ``--from DAY --to DAY``: the store days a command is asked about."""

from __future__ import annotations

import argparse
from datetime import date


def read_day_span(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """The first and last store day given (None where not given). Raises ``ValueError`` saying
    what to write instead."""
    if args.day and (args.first or args.last):
        raise ValueError("give --day, or --from/--to, not both")
    first, last = (args.day, args.day) if args.day else (args.first, args.last)
    try:
        return (
            date.fromisoformat(first) if first else None,
            date.fromisoformat(last) if last else None,
        )
    except ValueError as exc:
        raise ValueError(f"{exc}: write days like 2026-01-31") from exc
