"""Counter pictures kept when staff correct the camera: a store's own hard cases, for retraining.

When staff change what the camera read during Help (add or remove a line, accept an unsure
item), the kiosk keeps the counter's picture as the detector saw it, with what it read and
what staff made of it. These are exactly the scenes the model gets wrong in this store, under
this light, with these products; ``kiosk captures export`` turns them into a labelled dataset
to check and train on (README, "Learn from corrections").

One capture is two files in ``paths.captures_dir``, named by UTC time, kiosk and a random tag::

    20261126T101530Z-kiosk-1-3f2a9c.jpg    the frame, as the detector read it
    20261126T101530Z-kiosk-1-3f2a9c.json   detections, what was read, what staff corrected

Both are written to a temporary name and renamed, the picture first: a capture without its
JSON is unfinished and ignored. One Help visit makes one capture; later corrections in the
same visit revise its JSON. The oldest captures are removed beyond ``captures.keep``.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from kiosk.atomic_file import write_atomic
from kiosk.checkout_events import CaptureCounter
from kiosk.detections import Detections
from kiosk.errors import KioskError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
ORPHAN_SECONDS = 3600.0  # a picture whose JSON never came (power cut mid-save) is removed after


class CaptureError(KioskError):
    """A capture could not be written or read."""


@dataclass(frozen=True)
class Capture:
    """One capture read back from disk. Quantities are per product sku (``?label`` unknown)."""

    id: str
    image: Path
    taken_at: str  # UTC, ISO 8601
    kiosk_id: str
    staff: str
    model: str
    names: tuple[str, ...]  # the model's labels in class order
    width: int
    height: int
    detections: tuple[dict[str, Any], ...]  # kiosk detect rows: label, class_id, score, box
    read: dict[str, int] = field(default_factory=dict)
    corrected: dict[str, int] = field(default_factory=dict)
    products: dict[str, dict[str, Any]] = field(default_factory=dict)  # sku -> name, labels
    corrections: tuple[str, ...] = ()
    doubts: tuple[tuple[str, str], ...] = ()

    @property
    def changes(self) -> dict[str, int]:
        """What staff changed per sku: + items the camera missed, - items it saw wrongly."""
        skus = sorted(set(self.read) | set(self.corrected))
        deltas = {sku: self.corrected.get(sku, 0) - self.read.get(sku, 0) for sku in skus}
        return {sku: delta for sku, delta in deltas.items() if delta}

    @property
    def date(self) -> str:
        return self.taken_at[:10]


@dataclass(frozen=True)
class CaptureProblem:
    """A capture file that could not be read (reported, never fatal)."""

    path: Path
    reason: str


def _record_fields(effect: CaptureCounter) -> dict[str, Any]:
    return {
        "staff": effect.staff,
        "read": dict(effect.read),
        "corrected": dict(effect.corrected),
        "products": {
            sku: {"name": name, "labels": list(labels)} for sku, name, labels in effect.products
        },
        "corrections": list(effect.corrections),
        "doubts": [list(d) for d in effect.doubts],
    }


class CaptureStore:
    """The captures folder: save, revise, list and prune. One writer (the kiosk's worker)."""

    def __init__(self, root: Path, *, keep: int = 500, quality: int = 90) -> None:
        self.root = Path(root)
        self.keep = keep
        self.quality = quality

    def save(
        self,
        image: np.ndarray,
        detections: Detections,
        effect: CaptureCounter,
        *,
        model: str = "",
        now: datetime | None = None,
    ) -> str:
        """Write a new capture of ``image`` (BGR) and return its id."""
        now = now or datetime.now(UTC)
        kiosk = "".join(c if c.isalnum() or c in "-_" else "_" for c in effect.kiosk_id)
        capture_id = f"{now:%Y%m%dT%H%M%SZ}-{kiosk}-{secrets.token_hex(3)}"
        ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, self.quality])
        if not ok:
            raise CaptureError(f"could not encode the counter picture ({image.shape})")
        names = detections.names
        record = {
            "version": FORMAT_VERSION,
            "id": capture_id,
            "taken_at": now.isoformat(timespec="seconds"),
            "kiosk_id": effect.kiosk_id,
            "model": model,
            "names": [names[k] for k in sorted(names)],
            "width": int(image.shape[1]),
            "height": int(image.shape[0]),
            "detections": detections.to_json(),
            **_record_fields(effect),
        }
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            write_atomic(self.root / f"{capture_id}.jpg", jpeg.tobytes())
            self._write_record(capture_id, record)
        except OSError as exc:
            raise CaptureError(
                f"could not save the counter picture in {self.root}: {exc.strerror or exc} "
                "(settings.paths.captures_dir)"
            ) from exc
        self.prune()
        return capture_id

    def revise(self, capture_id: str, effect: CaptureCounter) -> None:
        """A later correction in the same Help visit: update what staff made of the picture."""
        path = self.root / f"{capture_id}.json"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            record.update(_record_fields(effect))
            self._write_record(capture_id, record)
        except (OSError, ValueError) as exc:
            raise CaptureError(f"could not update the capture {path}: {exc}") from exc

    def _write_record(self, capture_id: str, record: dict[str, Any]) -> None:
        text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
        write_atomic(self.root / f"{capture_id}.json", text.encode("utf-8"))

    def captures(self) -> tuple[list[Capture], list[CaptureProblem]]:
        """Every finished capture, oldest first, and the files that could not be read."""
        found: list[Capture] = []
        problems: list[CaptureProblem] = []
        for path in sorted(self.root.glob("*.json")) if self.root.is_dir() else []:
            try:
                found.append(read_capture(path))
            except CaptureError as exc:
                problems.append(CaptureProblem(path, str(exc)))
        return found, problems

    def prune(self) -> int:
        """Remove the oldest captures beyond ``keep``, and stale unfinished pictures."""
        if not self.root.is_dir():
            return 0
        records = sorted(self.root.glob("*.json"))
        removed = 0
        for path in records[: max(0, len(records) - self.keep)]:
            path.unlink(missing_ok=True)  # the JSON first: a picture alone counts as unfinished
            path.with_suffix(".jpg").unlink(missing_ok=True)
            removed += 1
        cutoff = time.time() - ORPHAN_SECONDS
        for picture in self.root.glob("*.jpg"):
            if not picture.with_suffix(".json").exists() and _mtime(picture) < cutoff:
                picture.unlink(missing_ok=True)
        return removed

    def disk_bytes(self) -> int:
        if not self.root.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.root.iterdir() if p.is_file())


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")


def read_capture(path: Path) -> Capture:
    """One capture from its JSON file (the picture beside it must exist)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaptureError(f"unreadable: {exc}") from exc
    image = path.with_suffix(".jpg")
    if not image.is_file():
        raise CaptureError(f"its picture {image.name} is missing")
    if not isinstance(record, dict) or record.get("version") != FORMAT_VERSION:
        raise CaptureError(f"not a version {FORMAT_VERSION} capture")
    try:
        return Capture(
            id=str(record["id"]),
            image=image,
            taken_at=str(record["taken_at"]),
            kiosk_id=str(record["kiosk_id"]),
            staff=str(record["staff"]),
            model=str(record.get("model", "")),
            names=tuple(str(n) for n in record["names"]),
            width=int(record["width"]),
            height=int(record["height"]),
            detections=tuple(record["detections"]),
            read={str(k): int(v) for k, v in record["read"].items()},
            corrected={str(k): int(v) for k, v in record["corrected"].items()},
            products=dict(record.get("products", {})),
            corrections=tuple(str(c) for c in record.get("corrections", ())),
            doubts=tuple((str(k), str(lb)) for k, lb in record.get("doubts", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CaptureError(f"malformed: {exc!r}") from exc


def since(captures: Iterable[Capture], day: str | None) -> list[Capture]:
    """Captures taken on or after ``day`` (YYYY-MM-DD, UTC); all when ``day`` is None."""
    return [c for c in captures if day is None or c.date >= day]


class CaptureRecorder:
    """Saves the newest frame when staff correct the camera: one capture per Help visit.

    The kiosk's worker hands it every frame it reads (``frame_seen``, a reference only:
    frames are read-only) and calls it with each :class:`CaptureCounter` effect; the first
    correction of a visit saves the picture, later ones revise what staff made of it.
    """

    def __init__(self, store: CaptureStore, *, model: str = "") -> None:
        self.store = store
        self.model = model
        self._frame: np.ndarray | None = None
        self._detections: Detections | None = None
        self._visit: str | None = None

    def frame_seen(self, image: np.ndarray, detections: Detections) -> None:
        self._frame, self._detections = image, detections

    def help_ended(self) -> None:
        self._visit = None

    @property
    def visit_capture(self) -> str | None:
        """The id of this Help visit's capture, once one was saved."""
        return self._visit

    def __call__(self, effect: CaptureCounter) -> None:
        if self._visit is not None and not effect.scanned:
            self.store.revise(self._visit, effect)
            return
        if self._frame is None or self._detections is None:
            log.warning("the basket was corrected before any frame was read: nothing to keep")
            return
        kept = self.store.save(self._frame, self._detections, effect, model=self.model)
        if not effect.scanned:  # a shopper's scans at Pay are no Help visit's
            self._visit = kept
        log.info("kept the counter picture %s for retraining", kept)
