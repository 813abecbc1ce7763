"""A running kiosk follows ``kiosk model install`` and ``kiosk model rollback`` by itself.

Every few seconds it looks at the installed models' index (one ``stat``). When another model
is chosen there, it is loaded on a thread of its own, so recognition and the screen go on
meanwhile (a GPU provider may take minutes to prepare a model), and the kiosk swaps it in
when the counter is empty: never in the middle of a basket, whose items would be read again
by another model. A model that does not load here is logged, and the one running stays.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError
from kiosk.model_store import ModelStore

log = logging.getLogger(__name__)

CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class LoadedModel:
    path: Path
    detector: Any


class ModelWatch:
    """Notices a new choice of model, loads it in the background, hands it over once."""

    def __init__(
        self,
        store: ModelStore,
        running: Path,
        load: Callable[[Path], Any],
        *,
        fallback: Path,
        every: float = CHECK_SECONDS,
    ) -> None:
        self.store = store
        self.running = Path(running)
        self.fallback = Path(fallback)  # what runs when nothing is installed
        self._load = load
        self._every = every
        self._stamp = store.stamp()
        self._last_check = float("-inf")
        self._lock = threading.Lock()
        self._ready: LoadedModel | None = None
        self._loading: threading.Thread | None = None
        self.failed: str = ""  # why the last chosen model did not load ("" none)
        self.failed_path: Path | None = None  # the chosen model that did not load
        self.failed_error: Exception | None = None  # and what it raised
        self.pending: Path | None = None  # chosen, loading or loaded, not yet swapped in

    def poll(self, now: float) -> None:
        """Every ``every`` seconds: if the installed choice changed, start loading it."""
        if now - self._last_check < self._every or self._busy():
            return
        self._last_check = now
        stamp = self.store.stamp()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        try:
            chosen = self.store.current_path() or self.fallback
        except KioskError as exc:
            self.failed = str(exc)
            log.error("installed models: %s; the running model stays", exc)
            return
        with self._lock:
            self._ready = None  # a newer choice replaces one loaded but not yet swapped in
        self.pending = None
        if chosen == self.running:
            return
        log.info(
            "model %s chosen: loading it beside the running %s", chosen.name, self.running.name
        )
        self.pending = chosen
        self.failed, self.failed_path, self.failed_error = "", None, None
        self._loading = threading.Thread(
            target=self._load_in_background, args=(chosen,), name="ModelLoad", daemon=True
        )
        self._loading.start()

    def take(self) -> LoadedModel | None:
        """The newly loaded model, once; the caller swaps it in and it becomes the running one."""
        with self._lock:
            loaded, self._ready = self._ready, None
        if loaded is not None:
            self.running = loaded.path
            self.pending = None
        return loaded

    def _busy(self) -> bool:
        return self._loading is not None and self._loading.is_alive()

    def _load_in_background(self, path: Path) -> None:
        try:
            detector = self._load(path)
        except Exception as exc:
            self.failed = f"{path.name}: {exc}"
            self.failed_path, self.failed_error = path, exc
            self.pending = None
            log.error("model %s did not load (%s); the running %s stays", path, exc, self.running)
            return
        self.failed = ""
        with self._lock:
            self._ready = LoadedModel(path, detector)
