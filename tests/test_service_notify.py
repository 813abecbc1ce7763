"""Telling systemd how the kiosk is (sd_notify over a real Unix socket, as systemd listens),
and the heartbeat of a real running kiosk: it stops when the screen or the recognition thread
hangs, which is what makes systemd's watchdog restart a frozen kiosk."""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.service_notify import ServiceManager, watchdog_seconds
from tests.ui_support import TINY_MODEL, NoFrames, demo_settings_in
from ui.app import Kiosk, build_kiosk
from ui.service_heartbeat import ServiceHeartbeat, status_line


class Listener:
    """The service manager's end: a datagram socket that records what arrives, and when."""

    def __init__(self, address: str | bytes) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(address)
        self.sock.setblocking(False)
        self.received: list[tuple[float, str]] = []

    def drain(self) -> list[str]:
        while True:
            try:
                data = self.sock.recv(4096)
            except BlockingIOError:
                return [message for _, message in self.received]
            self.received.append((time.monotonic(), data.decode()))

    def times_of(self, message: str) -> list[float]:
        self.drain()
        return [at for at, text in self.received if text == message]


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[Listener]:
    ear = Listener(str(tmp_path / "notify"))
    yield ear
    ear.sock.close()


def test_ready_status_watchdog_and_stopping_reach_the_socket(listener: Listener, tmp_path):
    env = {"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "30000000"}
    manager = ServiceManager.from_environment(env)
    assert manager.enabled and manager.watchdog_seconds == 30.0
    manager.ready("starting")
    manager.status("waiting for a shopper")
    manager.status("waiting for a shopper")  # unchanged: not sent again
    manager.alive()
    manager.stopping()
    manager.close()
    assert listener.drain() == [
        "READY=1\nSTATUS=starting",
        "STATUS=waiting for a shopper",
        "WATCHDOG=1",
        "STOPPING=1\nSTATUS=stopping",
    ]


def test_an_abstract_socket_name_is_reached_too() -> None:
    name = f"@kiosk-notify-test-{os.getpid()}"
    ear = Listener(b"\0" + name[1:].encode())
    try:
        manager = ServiceManager(name)
        assert manager.send("WATCHDOG=1")
        assert ear.drain() == ["WATCHDOG=1"]
    finally:
        ear.sock.close()


def test_without_systemd_or_with_its_socket_gone_nothing_fails(tmp_path, caplog) -> None:
    alone = ServiceManager.from_environment({})
    assert not alone.enabled and not alone.send("READY=1") and alone.watchdog_seconds == 0
    gone = ServiceManager(str(tmp_path / "no-such-socket"), 30.0)
    with caplog.at_level(logging.WARNING):
        assert not gone.send("WATCHDOG=1")
        assert not gone.send("WATCHDOG=1")  # the kiosk sells on; the log says it once
    assert [r.message.count("cannot tell the service manager") for r in caplog.records] == [1]


@pytest.mark.parametrize(
    ("pid", "seconds"),
    [("", 20.0), ("self", 20.0), ("parent", 20.0), ("1", 0.0)],
)
def test_the_watchdog_is_ours_when_it_watches_us_or_cage_our_parent(pid, seconds) -> None:
    env = {"WATCHDOG_USEC": "20000000"}
    if pid:
        env["WATCHDOG_PID"] = {"self": str(os.getpid()), "parent": str(os.getppid())}.get(pid, pid)
    assert watchdog_seconds(env) == seconds
    assert watchdog_seconds({"WATCHDOG_USEC": "soon"}) == 0.0


def idle_kiosk(tmp_path: Path) -> Kiosk:
    """A kiosk on the demo catalog whose camera shows nothing (the tests block it)."""
    settings = demo_settings_in(tmp_path, "0", camera__stall_seconds=600.0)
    return build_kiosk(settings, model_path=TINY_MODEL, frames=NoFrames())


def start_beating(qtbot, kiosk: Kiosk, tmp_path: Path, hang_seconds: float) -> ServiceHeartbeat:
    """Show and start ``kiosk`` with a 0.3 s watchdog reporting to the test's socket."""
    manager = ServiceManager(str(tmp_path / "notify"), watchdog_seconds=0.3)
    heartbeat = ServiceHeartbeat(manager, kiosk.window, kiosk.worker, hang_seconds=hang_seconds)
    qtbot.addWidget(kiosk.window)
    kiosk.window.show()
    kiosk.start()
    heartbeat.start()
    return heartbeat


def test_a_running_kiosk_beats_and_stops_beating_when_it_hangs(
    qtbot, tmp_path: Path, listener: Listener
) -> None:
    kiosk = idle_kiosk(tmp_path)
    heartbeat = start_beating(qtbot, kiosk, tmp_path, hang_seconds=0.5)
    try:
        qtbot.waitUntil(lambda: heartbeat.beats >= 3, timeout=10_000)
        messages = listener.drain()
        assert messages[0].startswith("READY=1\nSTATUS=")  # ready first, once
        assert sum(m.startswith("READY=1") for m in messages) == 1
        qtbot.waitUntil(lambda: kiosk.window.view is not None, timeout=10_000)
        qtbot.waitUntil(lambda: "STATUS=waiting for a shopper" in listener.drain(), timeout=5_000)

        # The screen freezes (here: the UI thread sleeps): no beat while it does.
        frozen_at = time.monotonic()
        time.sleep(1.0)
        qtbot.waitUntil(
            lambda: any(t > frozen_at + 1.0 for t in listener.times_of("WATCHDOG=1")),
            timeout=5_000,
        )
        beats = listener.times_of("WATCHDOG=1")
        assert not [t for t in beats if frozen_at + 0.05 < t < frozen_at + 1.0]

        # The recognition thread hangs (a task that never comes back in time): the screen
        # still runs, but the beats stop and the status says why; they resume after it.
        kiosk.worker.submit(lambda session: time.sleep(1.5))
        qtbot.waitUntil(
            lambda: any("recognition thread stuck" in m for m in listener.drain()), timeout=5_000
        )
        stuck_at = time.monotonic()  # (the status came from the UI thread: it runs)
        qtbot.wait(400)
        assert not [t for t in listener.times_of("WATCHDOG=1") if stuck_at < t < stuck_at + 0.4]
        qtbot.waitUntil(
            lambda: any(t > stuck_at + 0.4 for t in listener.times_of("WATCHDOG=1")),
            timeout=5_000,
        )
        assert status_line(kiosk.window) == "waiting for a shopper"
    finally:
        heartbeat.stop()
        kiosk.window.allow_close = True
        kiosk.close()
    assert listener.drain()[-1] == "STOPPING=1\nSTATUS=stopping"


def test_the_status_line_says_what_the_kiosk_is_doing(qtbot, tmp_path: Path) -> None:
    from tests.test_ui_worker import feed

    kiosk = idle_kiosk(tmp_path)
    qtbot.addWidget(kiosk.window)
    assert status_line(kiosk.window) == "starting"
    kiosk.window.show()
    kiosk.start()
    try:
        waiting = "waiting for a shopper"
        qtbot.waitUntil(lambda: status_line(kiosk.window) == waiting, timeout=10_000)
        feed(kiosk, "cola-can", "cola-can", "apple")
        qtbot.waitUntil(
            lambda: status_line(kiosk.window) == "shopping, ready to pay (3 items)", timeout=5_000
        )
        kiosk.window.show_out_of_service("camera failed: unplugged")
        assert status_line(kiosk.window) == "out of service: camera failed: unplugged"
    finally:
        kiosk.window.allow_close = True
        kiosk.close()


def test_loading_the_model_slowly_is_not_a_hang(qtbot, tmp_path: Path, listener: Listener) -> None:
    """A GPU provider may compile the model for minutes at start-up: the beats go on."""
    kiosk = idle_kiosk(tmp_path)
    opened = kiosk.worker._factory

    def slow_open():
        time.sleep(1.2)
        return opened()

    kiosk.worker._factory = slow_open
    heartbeat = start_beating(qtbot, kiosk, tmp_path, hang_seconds=0.3)
    try:
        qtbot.waitUntil(lambda: kiosk.worker.building, timeout=5_000)
        started = time.monotonic()
        qtbot.waitUntil(lambda: not kiosk.worker.building, timeout=10_000)
        beats = [t for t in listener.times_of("WATCHDOG=1") if t > started + 0.35]
        assert beats and time.monotonic() - started >= 0.8  # beats past the 0.3 s hang limit
        assert not any("stuck" in m for m in listener.drain())
    finally:
        heartbeat.stop()
        kiosk.window.allow_close = True
        kiosk.close()
