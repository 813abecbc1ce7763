"""``kiosk captures export``: staff corrections as a YOLO dataset to check and train on.

The export is a folder a labelling tool opens as it is (YOLO layout) and
``python -m models.train --extra DIR`` adds to the training scenes::

    OUT/images/<id>.jpg       the counter pictures
    OUT/labels/<id>.txt       the model's boxes (score >= accept_conf) as a first draft
    OUT/data.yaml             class names, in the model's order
    OUT/review.csv            per picture: what the camera read, what staff made it, the fix

The boxes are the model's own reading, i.e. wrong exactly where staff corrected it: fix
each picture's labels as ``review.csv`` says before training on them. Exporting again into
the same folder adds new captures only; a picture already there keeps its (maybe already
fixed) labels.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.captures import Capture, CaptureError

REVIEW_COLUMNS = (
    "image",
    "taken_at",
    "kiosk_id",
    "staff",
    "camera_read",
    "staff_made_it",
    "to_fix",
    "unsure_items",
    "corrections",
)


@dataclass(frozen=True)
class ExportResult:
    """What one export did: pictures written, already there, or left out (and why)."""

    out: Path
    written: tuple[str, ...]
    already_there: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (capture id, reason)
    names: tuple[str, ...]


def yolo_lines(capture: Capture, accept_conf: float) -> list[str]:
    """The capture's confident detections as YOLO rows: class cx cy w h (0-1)."""
    lines = []
    index = {name: i for i, name in enumerate(capture.names)}
    for row in capture.detections:
        if float(row["score"]) < accept_conf or row["label"] not in index:
            continue
        x1, y1, x2, y2 = (float(v) for v in row["box"])
        x1, x2 = (min(max(v, 0.0), capture.width) for v in (x1, x2))
        y1, y2 = (min(max(v, 0.0), capture.height) for v in (y1, y2))
        if x2 <= x1 or y2 <= y1:
            continue
        cx, cy = (x1 + x2) / 2 / capture.width, (y1 + y2) / 2 / capture.height
        w, h = (x2 - x1) / capture.width, (y2 - y1) / capture.height
        lines.append(f"{index[row['label']]} {cx:.6f} {cy:.6f} {w:.6f} {h:.6f}")
    return lines


def _product(capture: Capture, sku: str) -> str:
    info = capture.products.get(sku)
    if sku.startswith("?"):
        return f"unknown label {sku[1:]}"
    return f"{info['name']} ({sku})" if info else sku


def _quantities(capture: Capture, counts: dict[str, int]) -> str:
    return "; ".join(f"{q} × {_product(capture, sku)}" for sku, q in sorted(counts.items()))


def review_row(capture: Capture) -> dict[str, str]:
    """One ``review.csv`` row: what to fix in this picture's labels, in words."""
    changes = "; ".join(
        f"{delta:+d} {_product(capture, sku)}" for sku, delta in capture.changes.items()
    )
    return {
        "image": f"images/{capture.id}.jpg",
        "taken_at": capture.taken_at,
        "kiosk_id": capture.kiosk_id,
        "staff": capture.staff,
        "camera_read": _quantities(capture, capture.read),
        "staff_made_it": _quantities(capture, capture.corrected),
        "to_fix": changes or "nothing counted differently: check the unsure items",
        "unsure_items": "; ".join(f"{kind} {label}".strip() for kind, label in capture.doubts),
        "corrections": " | ".join(capture.corrections),
    }


def _existing_names(out: Path) -> tuple[str, ...] | None:
    path = out / "data.yaml"
    if not path.is_file():
        return None
    try:
        names = json.loads(path.read_text(encoding="utf-8"))["names"]
        return tuple(str(name) for name in names)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CaptureError(f"{path} is not an earlier export's data.yaml: {exc}") from exc


def export_captures(
    captures: Iterable[Capture], out: Path, *, accept_conf: float = 0.5
) -> ExportResult:
    """Write (or add to) the dataset at ``out``; see the module text for the layout."""
    captures = list(captures)
    out = Path(out)
    names = _existing_names(out)
    if names is None:
        if not captures:
            return ExportResult(out, (), (), (), ())
        names = captures[-1].names  # the newest model's classes
    written, already, skipped = [], [], []
    rows: list[dict[str, str]] = []
    (out / "images").mkdir(parents=True, exist_ok=True)
    (out / "labels").mkdir(parents=True, exist_ok=True)
    for capture in captures:
        if capture.names != names:
            skipped.append((capture.id, "made with a model that has other classes"))
            continue
        image = out / "images" / f"{capture.id}.jpg"
        if image.exists():
            already.append(capture.id)
            continue
        label_file = out / "labels" / f"{capture.id}.txt"
        label_file.write_text("".join(f"{line}\n" for line in yolo_lines(capture, accept_conf)))
        shutil.copyfile(capture.image, image)  # the picture last: it marks the capture done
        written.append(capture.id)
        rows.append(review_row(capture))
    _write_yaml(out, names)
    _append_review(out / "review.csv", rows)
    return ExportResult(out, tuple(written), tuple(already), tuple(skipped), names)


def _write_yaml(out: Path, names: tuple[str, ...]) -> None:
    data: dict[str, Any] = {
        "path": str(out.resolve()),
        "train": "images",
        "val": "images",
        "names": list(names),
    }
    (out / "data.yaml").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def _append_review(path: Path, rows: list[dict[str, str]]) -> None:
    new_file = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=REVIEW_COLUMNS)
        if new_file:
            writer.writeheader()
        writer.writerows(rows)
