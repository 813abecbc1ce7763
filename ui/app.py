"""Start-up: the QApplication, the kiosk's parts (source, worker, window), kiosk mode.

``build_kiosk`` wires the parts without showing anything, so the CLI, the self-test, the
screenshot tool and the tests all start the same real app.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtGui import QCursor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from catalog.pictures import PictureStore
from kiosk.config_schema import Settings
from kiosk.counter_region import CounterRegion
from kiosk.errors import KioskError
from kiosk.instance import LOCK_NAME
from kiosk.service_notify import ServiceManager
from kiosk.speech import Speaker
from kiosk.watchdog import LatestFrameSource
from ui.i18n import install_translator
from ui.kiosk_window import KioskWindow
from ui.platform_check import check_display
from ui.service_heartbeat import ServiceHeartbeat
from ui.session import KioskSession, catalog_pin_checker
from ui.worker import CheckoutWorker

log = logging.getLogger(__name__)


# How long a Python thread may hold the GIL while another waits for it (Python's default: 5 ms).
# Every cell Qt draws or measures in the basket calls back into Python, and the inference
# thread's own Python (tracking, pricing) made the UI thread wait up to 5 ms at each. In the
# self-test with staff on this 2-core machine (two 3-minute runs each), turns of the UI thread
# over 20 ms: 14 and 9 at 5 ms, 5 and 7 at 1 ms (over 15 ms: 46, 32 -> 27, 21), with the
# same 30 fps preview and 29.8 inferences a second.
GIL_SWITCH_SECONDS = 0.001


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, high-DPI aware, with the kiosk's font."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Vision checkout kiosk")
    app.setOrganizationName("vision-checkout-kiosk")
    app.setFont(QFont("DejaVu Sans"))
    return app


@dataclass
class Kiosk:
    """The running parts; ``close()`` stops them in order (window, worker, camera)."""

    window: KioskWindow
    worker: CheckoutWorker
    frames: LatestFrameSource
    settings: Settings

    def start(self) -> None:
        self.frames.start()
        self.window.start()

    def close(self) -> bool:
        """Stop everything; True when the worker thread ended within a second."""
        stopped = self.window.shutdown(1000)
        self.frames.stop()
        return stopped


def build_kiosk(
    settings: Settings,
    *,
    model_path: Path,
    kiosk_mode: bool = False,
    payment: Any = None,
    frames: Any = None,
) -> Kiosk:
    """Create the camera source, the worker and the window (nothing starts yet)."""
    camera = settings.camera
    if frames is None:
        frames = LatestFrameSource(
            camera.source,
            loop=camera.loop,
            width=camera.width or None,
            height=camera.height or None,
            fps=camera.fps or None,
            stall_seconds=camera.stall_seconds,
        )
    factory = partial(
        KioskSession.open, settings, model_path=model_path, frames=frames, payment=payment
    )
    worker = CheckoutWorker(factory, frames, stall_seconds=camera.stall_seconds)
    checker = partial(catalog_pin_checker, settings)
    window = KioskWindow(
        worker,
        frames,
        kiosk_mode=kiosk_mode,
        pin_checker=checker,
        staff_idle_seconds=settings.staff.idle_seconds,
        pictures=PictureStore(settings.paths.pictures_dir),
        speaker=Speaker() if settings.ui.speech != "off" else None,
        speech=settings.ui.speech,
    )
    region = CounterRegion.parse(settings.camera.region)
    if region is not None:
        window.video.set_region((region.left, region.top, region.right, region.bottom))
    window.staff.warm_up()
    return Kiosk(window, worker, frames, settings)


def show_full_screen(window: KioskWindow) -> None:
    """Full screen even without a window manager (kiosk sessions such as cage or bare X)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()


def show_window(window: KioskWindow, settings: Settings, *, kiosk_mode: bool) -> None:
    """Kiosk mode: frameless, full screen, on top, cursor hidden if configured."""
    if kiosk_mode:
        window.setWindowFlags(
            Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        if settings.ui.hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        show_full_screen(window)
    elif settings.ui.fullscreen:
        show_full_screen(window)
    else:
        window.resize(1280, 800)
        window.show()


def quit_on_signals(app: QApplication, window: KioskWindow) -> None:
    """SIGINT/SIGTERM (Ctrl+C, systemd stop) end the kiosk cleanly, worker thread included."""

    def stop(signum: int, frame: object) -> None:
        log.info("signal %d: closing the kiosk", signum)
        window.allow_close = True
        app.quit()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)


def freeze_start_up_objects() -> int:
    """Keep the objects alive at start-up out of every later garbage collection; their count.

    A full collection walks every tracked object, and with Qt, onnxruntime, OpenCV and the
    catalog loaded that walk took 18-24 ms on the UI thread (measured with ``kiosk self-test``
    on a 2-core machine), over its 20 ms budget. What exists once the kiosk is built lives as
    long as the app, so the collector need not look at it again.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


class AlreadyRunning(KioskError):
    """Another kiosk already runs on this data folder."""


def hold_single_instance(data_dir: Path) -> QLockFile:
    """One kiosk per data folder: a second one would fight the first for the camera.

    The lock is released when the process ends, however it ends: a kiosk that crashed
    leaves a lock that the next start takes over (its process is gone).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # judge by the holder's process, not the file's age
    if not lock.tryLock(200):
        pid = lock.getLockInfo()[0]
        raise AlreadyRunning(
            f"a kiosk already runs on {data_dir} (process {pid}): close it first "
            "(Staff > Close the kiosk, or sudo systemctl stop vision-checkout-kiosk)"
        )
    return lock


def run_kiosk(settings: Settings, *, model_path: Path, kiosk_mode: bool = False) -> int:
    """Run the kiosk until staff close it; the process exit code."""
    check_display()
    instance = hold_single_instance(settings.paths.data_dir)
    app = create_application()
    language = install_translator(settings.ui.language)
    log.info(
        "kiosk starting: source %s, model %s, language %s",
        settings.camera.source,
        model_path,
        language,
    )
    kiosk = build_kiosk(settings, model_path=model_path, kiosk_mode=kiosk_mode)
    show_window(kiosk.window, settings, kiosk_mode=kiosk_mode)
    quit_on_signals(app, kiosk.window)
    service = ServiceManager.from_environment()
    heartbeat = ServiceHeartbeat(service, kiosk.window, kiosk.worker)
    freeze_start_up_objects()
    kiosk.start()
    if service.enabled:
        log.info("reporting to systemd: watchdog every %.0f s", service.watchdog_seconds)
        heartbeat.start()
    try:
        return int(app.exec())
    finally:
        heartbeat.stop()
        service.close()
        if not kiosk.close():
            log.warning("the inference thread did not stop within 1 s")
        instance.unlock()
