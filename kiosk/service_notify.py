"""Tell the service manager (systemd) how the kiosk is: up, alive, and what it is doing.

The kiosk's unit is ``Type=notify`` with ``WatchdogSec=``: systemd counts it started when it
says READY=1, shows its STATUS= line in ``systemctl status``, and restarts it when the
WATCHDOG=1 messages stop, which is what a hung kiosk looks like (its process alive, its
screen frozen: ``Restart=on-failure`` alone never sees that). The protocol is sd_notify's,
spoken without libsystemd: datagrams of ``KEY=VALUE`` lines to the socket in
``$NOTIFY_SOCKET``. Run by anything else, nothing is sent.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class ServiceManager:
    """The notify socket and watchdog period systemd gave this process (none: not sent)."""

    def __init__(self, socket_path: str = "", watchdog_seconds: float = 0.0) -> None:
        self.socket_path = socket_path
        self.watchdog_seconds = watchdog_seconds
        self._socket: socket.socket | None = None
        self._failed = False
        self._status = ""

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServiceManager:
        env = os.environ if environ is None else environ
        return cls(env.get("NOTIFY_SOCKET", ""), watchdog_seconds(env))

    @property
    def enabled(self) -> bool:
        return bool(self.socket_path)

    def ready(self, status: str) -> None:
        self._status = status
        self.send(f"READY=1\nSTATUS={status}")

    def alive(self) -> None:
        self.send("WATCHDOG=1")

    def status(self, text: str) -> None:
        """The one line ``systemctl status`` shows; sent only when it changes."""
        if text != self._status:
            self._status = text
            self.send(f"STATUS={text}")

    def stopping(self) -> None:
        self.send("STOPPING=1\nSTATUS=stopping")

    def send(self, message: str) -> bool:
        """Send one datagram; never raises nor waits: the kiosk sells on without systemd."""
        if not self.socket_path:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(
                    socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC
                )
                self._socket.setblocking(False)
            self._socket.sendto(message.encode(), socket_address(self.socket_path))
        except OSError as exc:
            if not self._failed:  # once: a gone socket would otherwise log every ping
                log.warning("cannot tell the service manager (%s): %s", self.socket_path, exc)
                self._failed = True
            return False
        self._failed = False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def socket_address(path: str) -> str | bytes:
    """``@name`` is a Linux abstract socket: its address starts with a NUL byte."""
    return b"\0" + path[1:].encode() if path.startswith("@") else path


def watchdog_seconds(env: Mapping[str, str]) -> float:
    """The watchdog period, 0 when there is none or it watches another process.

    Under ``cage`` systemd's main process is cage, which starts the kiosk: WATCHDOG_PID is
    then the kiosk's parent, and the unit's ``NotifyAccess=all`` lets the kiosk answer.
    """
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
    except ValueError:
        return 0.0
    watched = env.get("WATCHDOG_PID", "")
    if watched and watched not in (str(os.getpid()), str(os.getppid())):
        return 0.0
    return max(usec, 0) / 1e6
