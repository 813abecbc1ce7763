"""The models a store installed on this kiosk (``kiosk model install``), and which one runs.

Files live in ``data_dir/models/`` under names made from their content
(``model-<sha256 first 12>.onnx``) and are never written over, so the file a running kiosk
loaded cannot change under it. ``installed.json`` lists the installs, oldest first, and says
which one runs; it is replaced whole and synced to disk, so a crash or a power cut leaves the
old choice or the new one, never half of either. Rolling back points it at an earlier
install. This module only keeps files; checking a model before it is installed is
``kiosk.model_install``'s job.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError

INDEX = "installed.json"
INDEX_VERSION = 1
KEEP_INSTALLS = 5  # the history rollback can walk back through; older files are deleted
CHUNK = 1 << 20


class ModelStoreError(KioskError):
    """The installed models' folder or its index cannot be used as it is."""


@dataclass(frozen=True)
class InstalledModel:
    """One install: which file, what it recognises, where it came from, who put it there."""

    file: str  # name inside the models folder
    sha256: str
    labels: tuple[str, ...]  # in class order
    input_hw: tuple[int, int]
    source: str  # the path it was installed from
    installed_at: str  # UTC, ISO 8601
    by: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InstalledModel:
        return cls(
            file=str(data["file"]),
            sha256=str(data["sha256"]),
            labels=tuple(str(label) for label in data["labels"]),
            input_hw=(int(data["input_hw"][0]), int(data["input_hw"][1])),
            source=str(data.get("source", "")),
            installed_at=str(data.get("installed_at", "")),
            by=str(data.get("by", "")),
        )


@dataclass(frozen=True)
class StagedModel:
    """A model copied into the folder under a temporary name, hashed, not yet in use."""

    path: Path
    sha256: str
    source: Path

    @property
    def file(self) -> str:
        return f"model-{self.sha256[:12]}.onnx"


class ModelStore:
    """The ``models`` folder of one kiosk's data directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.index_path = self.directory / INDEX

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> ModelStore:
        return cls(Path(data_dir) / "models")

    # -- reading -------------------------------------------------------------------------

    def stamp(self) -> tuple[int, int, int] | None:
        """Changes whenever the index is replaced (None while there is none): cheap to poll."""
        try:
            st = self.index_path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def installs(self) -> tuple[list[InstalledModel], int | None]:
        """Every install kept, oldest first, and the position of the one in use."""
        data = self._read_index()
        if data is None:
            return [], None
        return _parse_index(data, self.index_path)

    def current(self) -> InstalledModel | None:
        history, position = self.installs()
        return None if position is None else history[position]

    def current_path(self) -> Path | None:
        """The installed model the kiosk should run, or None when none was installed."""
        model = self.current()
        return None if model is None else self.directory / model.file

    def _read_index(self) -> dict[str, Any] | None:
        try:
            text = self.index_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ModelStoreError(f"cannot read {self.index_path}: {exc}") from exc
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ModelStoreError(
                f"{self.index_path} is damaged ({exc}): install the model again with "
                "kiosk model install"
            ) from exc
        if not isinstance(data, dict):
            raise ModelStoreError(f"{self.index_path} is damaged: not a JSON object")
        return data

    # -- changing ------------------------------------------------------------------------

    @contextmanager
    def staged(self, source: Path) -> Iterator[StagedModel]:
        """Copy ``source`` in under a temporary name and hash it; removed unless committed.

        Checks run on this copy, so what is checked is exactly what gets installed.
        """
        source = Path(source)
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f".incoming-{os.getpid()}.onnx"
        digest = hashlib.sha256()
        try:
            with source.open("rb") as src, tmp.open("wb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
        except IsADirectoryError as exc:
            tmp.unlink(missing_ok=True)
            raise ModelStoreError(f"{source} is a folder: give the .onnx file in it") from exc
        except PermissionError as exc:
            tmp.unlink(missing_ok=True)
            raise ModelStoreError(
                f"cannot copy {source} into {self.directory} ({exc}): the kiosk's account must "
                "be able to read the file (copy it to /tmp first) and write its data folder"
            ) from exc
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ModelStoreError(f"cannot copy {source} into {self.directory}: {exc}") from exc
        try:
            yield StagedModel(tmp, digest.hexdigest(), source)
        finally:
            tmp.unlink(missing_ok=True)

    def commit(self, staged: StagedModel, model: InstalledModel) -> InstalledModel | None:
        """Put a staged, checked model in use; returns the one it replaces (None if none).

        The file gets its content name first, then the index points at it: a crash in
        between leaves an unused file that the next install deletes.
        """
        history, position = self.installs()
        before = None if position is None else history[position]
        target = self.directory / staged.file
        if _sha256(target) != staged.sha256:  # none yet, or one damaged since: the checked copy
            os.replace(staged.path, target)  # a kiosk reading the old one keeps its open file
            _sync_dir(self.directory)
        history.append(model)
        kept = history[-KEEP_INSTALLS:]
        self._write_index(kept, len(kept) - 1)
        self._delete_unlisted(kept)
        return before

    def roll_back(self) -> tuple[InstalledModel, InstalledModel]:
        """Run the install before the one in use again; returns (left, now in use)."""
        history, position = self.installs()
        if position is None:
            raise ModelStoreError("no model was installed with kiosk model install on this kiosk")
        current = history[position]
        earlier = [i for i in range(position) if history[i].sha256 != current.sha256]
        if not earlier:
            raise ModelStoreError(
                f"{current.file} is the oldest model kept here: there is none to go back to "
                f"(the last {KEEP_INSTALLS} installs are kept)"
            )
        target = earlier[-1]
        if not (self.directory / history[target].file).is_file():
            raise ModelStoreError(
                f"{history[target].file} is missing from {self.directory}: install it again"
            )
        self._write_index(history, target)
        return current, history[target]

    def _write_index(self, history: list[InstalledModel], position: int) -> None:
        data = {
            "version": INDEX_VERSION,
            "current": position,
            "installs": [asdict(model) for model in history],
        }
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        tmp = self.index_path.with_name(INDEX + ".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.index_path)
        _sync_dir(self.directory)

    def _delete_unlisted(self, history: list[InstalledModel]) -> None:
        listed = {model.file for model in history}
        for path in self.directory.glob("model-*.onnx"):
            if path.name not in listed:
                path.unlink(missing_ok=True)


def _parse_index(data: dict[str, Any], where: Path) -> tuple[list[InstalledModel], int | None]:
    try:
        history = [InstalledModel.from_json(entry) for entry in data["installs"]]
        position = data["current"]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ModelStoreError(f"{where} is damaged ({exc!r}): install the model again") from exc
    if position is None or not history:
        return history, None
    if not isinstance(position, int) or not 0 <= position < len(history):
        raise ModelStoreError(f"{where} is damaged: it points at install {position!r}")
    return history, position


def _sync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` survive a power cut (no-op where unsupported)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sha256(path: Path) -> str | None:
    """The file's SHA-256, or None when there is no such file."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except FileNotFoundError:
        return None
    return digest.hexdigest()
