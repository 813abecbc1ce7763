"""Putting a new model on the kiosk: check it as the kiosk will run it, then install it.

A model is installed only when it loads and runs with the kiosk's own detector (ONNX Runtime
with this kiosk's detector settings, the warm-up inference included) and the catalog has a
product for every label it reports; otherwise nothing changes and the error says what to fix.
Installs and rollbacks go into the catalog's audit log. A running kiosk picks the new model up
by itself (``kiosk.model_watch``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog import audit
from catalog.db import utc_iso, write_transaction
from catalog.products import LabelCoverage, label_coverage
from kiosk.config_schema import Settings
from kiosk.detector import Detector
from kiosk.errors import KioskError
from kiosk.model_store import InstalledModel, ModelStore


class ModelRefused(KioskError):
    """The model was not installed: it does not run here, or the catalog cannot sell it."""


@dataclass(frozen=True)
class InstallReport:
    model: InstalledModel
    replaced: InstalledModel | None
    coverage: LabelCoverage
    providers: tuple[str, ...]
    overridden_by: str  # the settings' [detector] model, which the kiosk runs instead ("" none)


def store_for(settings: Settings) -> ModelStore:
    return ModelStore.in_data_dir(settings.paths.data_dir)


def install_model(source: Path, settings: Settings, db: Any, *, by: str) -> InstallReport:
    """Check ``source`` and make it the model this kiosk runs (raises ModelRefused)."""
    source = Path(source).expanduser().absolute()
    if not source.is_file():
        raise ModelRefused(f"{source} is not a file: give the path of the .onnx model")
    store = store_for(settings)
    with store.staged(source) as staged:
        detector = _load(staged.path, source, settings)
        labels = tuple(detector.names[i] for i in sorted(detector.names))
        coverage = label_coverage(db, labels)
        if coverage.unknown:
            raise ModelRefused(
                f"{source} recognises {', '.join(coverage.unknown)}, which no product in the "
                "catalog has as a label: shoppers would be sent for help. Import the catalog "
                "with those labels first (kiosk catalog import), then install the model"
            )
        model = InstalledModel(
            file=staged.file,
            sha256=staged.sha256,
            labels=labels,
            input_hw=detector.imgsz,
            source=str(source),
            installed_at=utc_iso(),
            by=by,
        )
        providers = tuple(detector.providers)
        del detector  # the session holds the file open on some platforms
        with write_transaction(db):  # a failed commit takes its audit entry back with it
            replaced = store.current()
            audit.record(db, by, "model.install", "model", replaced, model)
            store.commit(staged, model)
    return InstallReport(model, replaced, coverage, providers, settings.detector.model)


def roll_back_model(
    settings: Settings, db: Any, *, by: str
) -> tuple[InstalledModel, InstalledModel]:
    """Go back to the model installed before the one in use; returns (left, now in use)."""
    store = store_for(settings)
    with write_transaction(db):
        left, now = store.roll_back()
        audit.record(db, by, "model.rollback", "model", left, now)
    return left, now


def _load(path: Path, source: Path, settings: Settings) -> Detector:
    try:
        return Detector.from_settings(settings.detector, path)
    except KioskError as exc:
        # The check ran on the copy in the models folder; name the file the user gave.
        raise ModelRefused(str(exc).replace(str(path), str(source))) from exc
