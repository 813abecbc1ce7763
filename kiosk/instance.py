"""Which kiosk holds a data folder: the lock file the running kiosk keeps there.

The kiosk (``ui.app.hold_single_instance``) holds ``kiosk.lock`` with Qt's ``QLockFile``, whose
file says ``pid``, application and host name, one per line. Tools that must not run beside a
kiosk (restoring the catalog) read it here without Qt.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

LOCK_NAME = "kiosk.lock"


def running_kiosk(data_dir: Path) -> int | None:
    """The process id of the kiosk running on ``data_dir``, or None."""
    try:
        lines = (data_dir / LOCK_NAME).read_text(errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # another machine's kiosk on a shared folder: assume it runs
    if os.name != "posix":
        return pid  # os.kill(pid, 0) would end the process on Windows: assume it runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # left behind by a kiosk that crashed
    except PermissionError:
        return pid  # alive, as another user (the kiosk account)
    return pid
