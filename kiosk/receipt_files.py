"""Receipt files are kept for a while, then removed.

The ledger holds every sale for good and staff print copies from it (``kiosk.reprint``); the
files in the receipts folder are only the quick copies written at the end of each sale and
refund. Kept forever, a kiosk selling 500 baskets a day would add 365,000 files a year to
one folder until its disk is full. The checkout removes the old ones once a day while the
kiosk stands idle, a bounded number per pass.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

# What kiosk.receipt writes: (name starts with, name ends with); a sale's text is its receipt.
RECEIPT_TEXT = ("receipt-", ".txt")
KINDS = (RECEIPT_TEXT, ("receipt-", ".html"), ("refund-", ".txt"))
MAX_PER_PASS = 2000  # files removed per pass at most; the rest go on the next pass
DAY_S = 86_400


@dataclass(frozen=True)
class Pruned:
    """One pass over the receipts folder."""

    removed: int
    failed: int = 0  # old files that could not be removed (rights, a read-only disk)
    more: bool = False  # old files were left for the next pass (``MAX_PER_PASS``)


def prune_receipt_files(
    folder: Path, keep_days: int, *, now: float | None = None, limit: int = MAX_PER_PASS
) -> Pruned:
    """Remove receipt and refund files last written more than ``keep_days`` days before
    ``now`` (epoch seconds); other files in the folder are never touched. ``keep_days`` 0
    keeps everything. One pass over the folder (it may hold 100,000 files)."""
    if keep_days <= 0 or not folder.is_dir():
        return Pruned(0)
    cutoff = (time.time() if now is None else now) - keep_days * DAY_S
    removed = failed = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if not any(entry.name.startswith(a) and entry.name.endswith(b) for a, b in KINDS):
                continue
            if removed + failed >= limit:
                return Pruned(removed, failed, more=True)
            try:
                if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime >= cutoff:
                    continue
                os.unlink(entry.path)
            except FileNotFoundError:
                continue
            except OSError as exc:
                failed += 1
                log.warning("could not remove the old receipt file %s: %s", entry.path, exc)
                continue
            removed += 1
    return Pruned(removed, failed)


def count_receipts(folder: Path) -> int:
    """Receipts in the folder: one text file per sale (0 when there is no folder)."""
    if not folder.is_dir():
        return 0
    start, end = RECEIPT_TEXT
    return sum(1 for _ in folder.glob(f"{start}*{end}"))


class ReceiptFolderKeeper:
    """Prunes one receipts folder at most once a day (more often while a backlog remains).

    The checkout calls it while the kiosk stands idle (:meth:`kiosk.checkout.Checkout.tidy`):
    a pass over a big folder takes a moment of the recognition thread, which nobody waits
    for then.
    """

    def __init__(self, folder: Path, keep_days: int, limit: int = MAX_PER_PASS) -> None:
        self.folder = folder
        self.keep_days = keep_days
        self.limit = limit
        self._done_on: date | None = None

    def daily(self, today: date) -> Pruned | None:
        """Prune if today's pass has not run; None when it already has (or pruning is off)."""
        if self.keep_days <= 0 or self._done_on == today:
            return None
        pruned = prune_receipt_files(self.folder, self.keep_days, limit=self.limit)
        if not pruned.more or not pruned.removed:  # done, or stuck (files it may not remove)
            self._done_on = today
        if pruned.removed or pruned.failed:
            log.info(
                "receipt files older than %d days: %d removed, %d could not be%s",
                self.keep_days,
                pruned.removed,
                pruned.failed,
                ", more next time" if pruned.more else "",
            )
        return pruned
