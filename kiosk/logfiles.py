"""The running kiosk's log file: ``logs_dir/kiosk.log``, rotated, beside the journal.

Under systemd the journal keeps what the kiosk prints; on a desktop PC (or Windows) nothing
would. A bounded set of files keeps the last days for the technician: 5 files of 5 MB.
A folder that cannot be written costs the file, never the kiosk.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "kiosk.log"
MAX_BYTES = 5_000_000
BACKUP_COUNT = 4  # kiosk.log and kiosk.log.1 .. .4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_to_file(
    logs_dir: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUP_COUNT
) -> logging.Handler | None:
    """Send the root logger's records to ``logs_dir/kiosk.log`` too; the handler, or None."""
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            logs_dir / LOG_FILE, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    except OSError as exc:
        log.warning("no log file in %s (%s): logging to the console only", logs_dir, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    handler.setLevel(root.level)
    root.addHandler(handler)
    return handler
