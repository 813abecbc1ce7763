"""The kiosk's heartbeat to systemd: ready once the window runs, alive while it keeps running.

The beat comes from a timer on the UI thread, so a frozen screen stops it; it also stops when
the recognition thread has not come round its loop for a while (a hung camera driver call or
model run): then systemd's watchdog restarts the kiosk, as it would after a crash. A paid sale
survives that (the ledger and payment intents); an unpaid basket is rebuilt from the counter.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from kiosk.checkout_values import CheckoutState
from kiosk.service_notify import ServiceManager
from ui.kiosk_window import KioskWindow
from ui.worker import CheckoutWorker

STATUS_INTERVAL_S = 5.0  # how often the status line is refreshed without a watchdog
MIN_HANG_S = 10.0  # the recognition thread may be this busy (a staff report, a locked file)
BUILD_HANG_S = 300.0  # building the session: a TensorRT or OpenVINO provider compiles the model

STATE_WORDS = {
    CheckoutState.WELCOME: "waiting for a shopper",
    CheckoutState.SCANNING: "shopping",
    CheckoutState.READY: "shopping, ready to pay",
    CheckoutState.BLOCKED: "shopping, waiting for the shopper or staff",
    CheckoutState.HELP: "staff helping",
    CheckoutState.PAYING: "paying",
    CheckoutState.RECEIPT: "showing the receipt",
}


def status_line(window: KioskWindow) -> str:
    """What the kiosk is doing, for ``systemctl status``: the state, the basket, or why it
    is out of service."""
    if window.out_of_service_reason:
        return f"out of service: {window.out_of_service_reason}"
    view = window.view
    if view is None:
        return "starting"
    words = STATE_WORDS.get(view.state, view.state.value)
    items = sum(line.quantity for line in view.basket.lines)
    if not items:
        return words
    return f"{words} ({items} item{'' if items == 1 else 's'})"


class ServiceHeartbeat(QObject):
    """Sends READY, STATUS and WATCHDOG messages for one running kiosk."""

    def __init__(
        self,
        manager: ServiceManager,
        window: KioskWindow,
        worker: CheckoutWorker,
        *,
        hang_seconds: float | None = None,
    ) -> None:
        super().__init__(window)
        self.manager = manager
        self.window = window
        self.worker = worker
        watchdog = manager.watchdog_seconds
        # Three beats per period: one late beat (a busy moment) is not yet a missed one.
        self.interval_s = watchdog / 3 if watchdog else STATUS_INTERVAL_S
        self.hang_s = hang_seconds if hang_seconds is not None else max(MIN_HANG_S, watchdog / 2)
        self.beats = 0
        self._ready = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(50, int(self.interval_s * 1000)))
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        """Beat at once (READY as soon as the event loop runs), then every interval."""
        QTimer.singleShot(0, self.beat)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.manager.stopping()

    def worker_responsive(self) -> bool:
        limit = max(self.hang_s, BUILD_HANG_S) if self.worker.building else self.hang_s
        return time.monotonic() - self.worker.beat_at <= limit

    def beat(self) -> None:
        status = status_line(self.window)
        if not self._ready:
            self.manager.ready(status)
            self._ready = True
        else:
            self.manager.status(status)
        if not self.manager.watchdog_seconds:
            return
        if self.worker_responsive():
            self.manager.alive()
            self.beats += 1
        else:
            self.manager.status(
                f"recognition thread stuck for {time.monotonic() - self.worker.beat_at:.0f} s"
            )
