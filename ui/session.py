"""The worker's session: pipeline (newest frame -> detector), checkout engine, SQLite.

Qt-free on purpose: it is the pure core put together, created by the worker *inside* its
thread (SQLite connections and the onnxruntime session stay on the thread that made them).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from catalog.db import connect
from catalog.staff import verify_pin
from kiosk.captures import CaptureRecorder, CaptureStore
from kiosk.checkout import Checkout
from kiosk.checkout_events import Event, FrameSeen, Tick
from kiosk.checkout_values import Box, CheckoutState, CheckoutView
from kiosk.config_schema import Settings
from kiosk.counter_region import CounterRegion
from kiosk.counter_watch import CounterWatch, store_watch
from kiosk.detections import Detections
from kiosk.detector import Detector
from kiosk.detector_errors import ModelError, ProviderUnavailable
from kiosk.model_install import roll_back_model
from kiosk.model_store import ModelStore, ModelStoreError
from kiosk.model_watch import ModelWatch
from kiosk.pipeline import NewestFrames, Pipeline
from kiosk.recovery import safely_recover
from kiosk.sources import Frame

log = logging.getLogger(__name__)

TICK_SECONDS = 0.1
CATALOG_CHECK_SECONDS = 1.0  # a price changed from a terminal shows within this


class KioskSession:
    """Turns frames and shopper commands into checkout views, on one thread."""

    def __init__(
        self,
        settings: Settings,
        db: Any,
        pipeline: Pipeline,
        checkout: Any,
        captures: CaptureRecorder | None = None,
        models: ModelWatch | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.pipeline = pipeline
        self.checkout = checkout
        self.captures = captures
        self.models = models
        self.region = CounterRegion.parse(settings.camera.region)
        self.watch = counter_watch(settings)
        if captures is not None:
            checkout.on_capture = captures
        pipeline.step = self._frame_seen
        self._last_tick = 0.0
        self._last_catalog_check = 0.0
        self._last_view: CheckoutView | None = None
        # The newest frame read and what was seen on it: staff take a product's picture from it.
        self.last_seen: tuple[Any, Detections] | None = None
        self.empty_counter: Any = None  # the counter's picture when staff said it was empty

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        model_path: Path,
        frames: NewestFrames,
        payment: Any = None,
    ) -> KioskSession:
        """Open the catalog, load the model (with its warm-up) and start the checkout."""
        db = connect(settings.paths.database)
        try:
            detector, model_path = load_detector(settings, model_path, db)
            checkout = Checkout.from_settings(settings, db, payment)
            safely_recover(checkout)  # payments a crash or power cut interrupted
        except BaseException:
            db.conn.close()
            raise
        captures = capture_recorder(settings, model_path)
        models = follow_installed_models(settings, model_path)
        return cls(settings, db, Pipeline(frames, detector), checkout, captures, models)

    def next_view(self, timeout: float) -> CheckoutView | None:
        """Infer the newest unseen frame, waiting up to ``timeout`` for one."""
        result = self.pipeline.next_result(timeout)
        return None if result is None else result.outcome

    def _frame_seen(self, frame: Frame, detections: Detections) -> CheckoutView:
        if self.region is not None:  # the bagging shelf beside the counter is not on sale
            height, width = frame.image.shape[:2]
            detections = self.region.keep(detections, width, height)
        if self.captures is not None:
            self.captures.frame_seen(frame.image, detections)
        self.last_seen = (frame.image, detections)
        things = self._unrecognised(frame, detections)
        return self._handle(
            FrameSeen(detections, frame.captured_at, frame.index, unrecognised=things)
        )

    def _unrecognised(self, frame: Frame, detections: Detections) -> tuple[Box, ...]:
        """Where things lie on the counter that no detection names (none if not watched)."""
        if self.watch is None:
            return ()
        height, width = frame.image.shape[:2]
        region = self.region.pixels(width, height) if self.region is not None else None
        basket = self._last_view.basket if self._last_view is not None else None
        idle = basket is None or not (basket.lines or basket.vouchers)
        return self.watch.look(frame.image, frame.captured_at, detections.xyxy, idle, region)

    def command(self, event: Event) -> CheckoutView:
        """A shopper or staff event (Pay, Help, a PIN, an approval...)."""
        return self._handle(event)

    def tick(self, now: float) -> CheckoutView | None:
        """A few times a second: payment polling and timeouts; None when nothing changed."""
        if now - self._last_tick < TICK_SECONDS:
            return None
        self._last_tick = now
        before = self._last_view
        if now - self._last_catalog_check >= CATALOG_CHECK_SECONDS:
            self._last_catalog_check = now
            changed = self.checkout.reload_if_changed()
            if changed is not None:
                self._remember(changed)
        if self.models is not None:
            self._follow_models(now)
        view = self._handle(Tick(now))
        self.checkout.tidy()
        return None if view == before else view

    def _follow_models(self, now: float) -> None:
        """A model installed meanwhile takes over once the counter is empty."""
        assert self.models is not None
        self.models.poll(now)
        idle = self._last_view is None or self._last_view.state is CheckoutState.WELCOME
        if not idle:
            return
        loaded = self.models.take()
        if loaded is None:
            return
        self.pipeline.detector = loaded.detector
        if self.captures is not None:
            self.captures.model = loaded.path.name
        log.info("now recognising with %s", loaded.path)

    def source_lost(self, reason: str) -> CheckoutView | None:
        """The camera stopped; the checkout keeps its state until frames return."""
        log.warning("camera lost: %s", reason)
        return None

    def verify_staff(self, pin: str) -> str:
        """The name of the staff member with this PIN (raises WrongPin / StaffLockedOut)."""
        return verify_staff_pin(self.settings, self.db, pin)

    def reload_catalog(self) -> CheckoutView:
        """Prices changed in admin: reprice the basket from the catalog. The repriced view
        reaches the screen with the next tick (it differs from the last one shown), also
        when the camera sends nothing new."""
        return self.checkout.reload_catalog()

    def _handle(self, event: Event) -> CheckoutView:
        return self._remember(self.checkout.handle(event))

    def _remember(self, view: CheckoutView) -> CheckoutView:
        self._last_view = view
        if self.captures is not None and view.state is not CheckoutState.HELP:
            self.captures.help_ended()
        return view

    def close(self) -> None:
        self.db.conn.close()


def load_detector(settings: Settings, model_path: Path, db: Any) -> tuple[Detector, Path]:
    """The detector for ``model_path``, and the model it runs. An installed model that does
    not load (a file damaged on disk, one a newer program wrote) gives way to the installs
    before it, newest first, each made the one in use as ``kiosk model rollback`` does
    (audited): an earlier model that works never leaves the kiosk closed. A model the
    settings name, or a provider that is missing, has nothing to fall back to."""
    try:
        return Detector.from_settings(settings.detector, model_path), model_path
    except ModelError as exc:
        if settings.detector.model or isinstance(exc, ProviderUnavailable):
            raise
        failure = exc
    store = ModelStore.in_data_dir(settings.paths.data_dir)
    while store.current_path() == model_path:
        try:
            left, now = roll_back_model(settings, db, by="kiosk: the model in use did not load")
        except ModelStoreError:
            break
        model_path = store.directory / now.file
        try:
            detector = Detector.from_settings(settings.detector, model_path)
        except ModelError as exc:
            log.error("%s does not load either (%s)", now.file, exc)
            continue
        log.error(
            "the installed model %s does not load (%s): running %s, installed before it, "
            "which is now the one in use (kiosk model list)",
            left.file, failure, now.file,
        )  # fmt: skip
        return detector, model_path
    raise failure


def follow_installed_models(settings: Settings, model_path: Path) -> ModelWatch | None:
    """Watch ``kiosk model install`` unless the settings name a model file of their own."""
    if settings.detector.model:
        return None
    from kiosk.config import bundled_model_path

    return ModelWatch(
        ModelStore.in_data_dir(settings.paths.data_dir),
        model_path,
        lambda path: Detector.from_settings(settings.detector, path),
        fallback=bundled_model_path(),
    )


def capture_recorder(settings: Settings, model_path: Path) -> CaptureRecorder | None:
    """Where staff corrections keep their counter pictures (None when turned off)."""
    cap = settings.captures
    if not cap.enabled:
        return None
    store = CaptureStore(settings.paths.captures_dir, keep=cap.keep, quality=cap.quality)
    return CaptureRecorder(store, model=Path(model_path).name)


def verify_staff_pin(settings: Settings, db: Any, pin: str) -> str:
    staff = settings.staff
    member = verify_pin(
        db, pin, max_attempts=staff.lockout_attempts, lockout_seconds=int(staff.lockout_seconds)
    )
    return str(member.name)


_local = threading.local()


def catalog_pin_checker(settings: Settings, session: Any, pin: str) -> str:
    """Check a PIN when the checkout could not start (the kiosk is out of service).

    Runs on the worker thread; opens that thread's own connection on first use.
    """
    if session is not None:
        return str(session.verify_staff(pin))
    db = getattr(_local, "db", None)
    if db is None:
        db = _local.db = connect(settings.paths.database)
    return verify_staff_pin(settings, db, pin)


def counter_watch(settings: Settings) -> CounterWatch | None:
    """The watch for things the camera cannot name, unless the store turned it off."""
    return store_watch(settings) if settings.checkout.unrecognised_things else None
