"""Product pictures: the small image the shopper's screen shows beside a product.

Pictures are files in one folder (``paths.pictures_dir``); a product's ``image`` is the name
of its file there. Every picture is stored the same way, whatever it came from (a CSV file's
photo, the counter camera): at most :data:`MAX_SIDE` pixels on its long side, PNG (an alpha
channel is kept), named by its product and its content (``1001-3f2a9c1b7e.png``). A changed
picture therefore gets a new name: the audit log shows the change, and a screen that cached
the old picture never shows it for the new one. Files are written whole (temporary name,
then rename) and never overwritten.

Reading never raises: a missing or broken picture is logged once and the product is shown
without one. Writing raises :class:`PictureError` with what is wrong and where.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Collection
from pathlib import Path

import cv2
import numpy as np

from catalog.errors import CatalogError
from catalog.words import Said

__all__ = ["MAX_SIDE", "PictureError", "PictureStore", "copy_new", "crop_around", "normalise"]

log = logging.getLogger(__name__)

MAX_SIDE = 256
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_STORED_NAME = re.compile(r"[A-Za-z0-9_-]+-[0-9a-f]{10}\.png")  # what save() names
UNUSED_DAYS = 30  # an unused picture is kept this long (a form left open, a change undone)


class PictureError(CatalogError):
    """A picture could not be read or stored; the message names the file."""


def normalise(image: np.ndarray) -> np.ndarray:
    """``image`` (grey, BGR or BGRA, uint8) as BGR or BGRA, at most MAX_SIDE px long side."""
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise PictureError(f"not a picture: an array of {image.dtype} shaped {image.shape}")
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    elif image.shape[2] not in (3, 4):
        raise PictureError(f"not a picture: {image.shape[2]} colour channels")
    height, width = image.shape[:2]
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(image)


def crop_around(frame: np.ndarray, box: tuple[float, float, float, float] | None) -> np.ndarray:
    """The square part of ``frame`` around ``box`` (x1, y1, x2, y2 px) with a small margin;
    ``None``: the square in the middle of the frame, 60 % of its height."""
    height, width = frame.shape[:2]
    if box is None:
        cx, cy, side = width / 2, height / 2, 0.6 * min(width, height)
    else:
        x1, y1, x2, y2 = box
        cx, cy, side = (x1 + x2) / 2, (y1 + y2) / 2, 1.15 * max(x2 - x1, y2 - y1)
    side = min(max(side, 16.0), float(width), float(height))
    left = round(min(max(cx - side / 2, 0), width - side))
    top = round(min(max(cy - side / 2, 0), height - side))
    size = round(side)
    return frame[top : top + size, left : left + size].copy()


class PictureStore:
    """The folder of product pictures."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._reported: set[str] = set()

    def path(self, name: str) -> Path | None:
        """The file of picture ``name``; None for a name that is not a bare file name."""
        if not name or Path(name).name != name or name in (".", ".."):
            return None
        return self.root / name

    def save(self, sku: str, image: np.ndarray) -> str:
        """Store ``image`` as ``sku``'s picture; return its name. The same picture twice is
        one file."""
        picture = normalise(image)
        ok, encoded = cv2.imencode(".png", picture)
        if not ok:
            raise PictureError(f"the picture for {sku} could not be encoded as PNG")
        data = encoded.tobytes()
        name = f"{_SAFE.sub('_', sku) or 'product'}-{hashlib.sha256(data).hexdigest()[:10]}.png"
        target = self.root / name
        if target.is_file():
            _touch(target)  # taken again: young again, so pruning leaves it until it is saved
            return name
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{name}.tmp")
            with open(tmp, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise PictureError(f"cannot write {target}: {exc.strerror or exc}") from exc
        return name

    def add_file(self, sku: str, source: str | Path) -> str:
        """Store the picture file ``source`` (jpg, png, webp, bmp ...) as ``sku``'s."""
        data = _read(Path(source))
        try:
            image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        except cv2.error:  # an empty file, among others
            image = None
        if image is None:
            raise PictureError(
                Said("{file}: not a picture this kiosk can read (jpg, png, webp, bmp)", file=source)
            )
        if image.dtype != np.uint8:  # 16-bit PNG or TIFF
            image = cv2.convertScaleAbs(image, alpha=255.0 / float(np.iinfo(image.dtype).max))
        return self.save(sku, image)

    def prune_unused(
        self,
        in_use: Collection[str],
        *,
        min_age_days: float = UNUSED_DAYS,
        now: float | None = None,
    ) -> list[str]:
        """Remove the pictures no product names (replaced, or taken and never saved) once
        they are ``min_age_days`` old; the names removed, sorted.

        Only files named the way this store names pictures are touched. Run it after the
        pictures were backed up (``kiosk catalog backup`` does), so none is lost for good.
        """
        limit = (time.time() if now is None else now) - min_age_days * 86400
        removed = []
        for path in sorted(self.root.glob("*.png")) if self.root.is_dir() else ():
            if path.name in in_use or not _STORED_NAME.fullmatch(path.name):
                continue
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed.append(path.name)
            except OSError as exc:
                log.warning("cannot remove the unused picture %s: %s", path, exc)
        return removed

    def load(self, name: str) -> np.ndarray | None:
        """Picture ``name`` (BGR or BGRA), or None when there is none or it cannot be read."""
        path = self.path(name)
        image = None
        if path is not None and path.is_file():
            try:
                image = cv2.imdecode(np.fromfile(path, np.uint8), cv2.IMREAD_UNCHANGED)
            except (OSError, cv2.error):
                image = None
        if image is None or image.dtype != np.uint8:
            if name and name not in self._reported:
                self._reported.add(name)
                log.warning("product picture %r is missing or unreadable in %s", name, self.root)
            return None
        return normalise(image)

    def csv_pictures(self, csv_dir: Path | None) -> Callable[[str, str], str]:
        """How a catalog CSV's ``image`` cell becomes a stored picture, for the importer.

        The cell names a file next to the CSV (or an absolute path): it is stored and its
        new name kept. Otherwise it must be a picture already in this folder (what ``kiosk
        catalog export`` writes). Anything else raises ``PictureError`` saying so.
        """

        def resolve(sku: str, cell: str) -> str:
            given = Path(cell)
            candidate = given if given.is_absolute() else (csv_dir / given if csv_dir else None)
            if candidate is not None and candidate.is_file():
                return self.add_file(sku, candidate)
            stored = self.path(cell)
            if stored is not None and stored.is_file():
                return cell
            if csv_dir:
                raise PictureError(
                    Said(
                        "picture {cell!r} not found next to the CSV file ({csv}) or in {folder}",
                        cell=cell,
                        csv=csv_dir,
                        folder=self.root,
                    )
                )
            raise PictureError(Said("picture {cell!r} not found in {folder}", cell=cell,
                                    folder=self.root))  # fmt: skip

        return resolve


def copy_new(source: str | Path, target: str | Path) -> int:
    """Copy the pictures in ``source`` that ``target`` lacks; how many were copied.

    For backups and restores: a picture's name is its content, so one already there is the
    same picture and is never copied again or overwritten. Each file is written whole.
    """
    source, target = Path(source), Path(target)
    if not source.is_dir():
        return 0
    copied = 0
    try:
        for picture in sorted(source.glob("*.png")):
            there = target / picture.name
            if there.is_file():
                continue
            target.mkdir(parents=True, exist_ok=True)
            tmp = there.with_name(f".{picture.name}.tmp")
            shutil.copyfile(picture, tmp)
            os.replace(tmp, there)
            copied += 1
    except OSError as exc:
        raise PictureError(f"cannot copy pictures from {source} to {target}: {exc}") from exc
    return copied


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only folder: the picture stays as old
        os.utime(path)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PictureError(f"cannot read {path}: {exc.strerror or exc}") from exc
