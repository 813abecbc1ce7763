"""Files on a USB stick: where one shows up, and Qt's own file dialog opened there.

The kiosk under cage has no desktop and no terminal, so every file that comes in (a price
list) or goes out (the catalog, the sales for the accountant) passes through this dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def removable_media() -> Path:
    """Where a USB stick shows up on a Linux kiosk PC (the first such folder holding one),
    else the home folder."""
    user = os.environ.get("USER", "")
    mounts = [f"/media/{user}", f"/run/media/{user}"] if user else []
    for folder in map(Path, [*mounts, "/media", "/run/media"]):
        try:
            if folder.is_dir() and any(folder.iterdir()):
                return folder
        except OSError:  # not ours to read
            continue
    return Path.home()


def open_file_dialog(
    owner: QWidget, title: str, chosen: Callable[[str], None], *, name_filter: str = ""
) -> QFileDialog:
    """Choose a file (``name_filter`` set) or else a folder; ``chosen`` gets its path.

    Kept as ``owner.file_dialog`` while open, so tests (and nothing else) can reach it.
    """
    # Qt's own dialog: the same on every kiosk, fit for a finger, no desktop needed.
    dialog = QFileDialog(owner, title, str(removable_media()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if name_filter:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(name_filter)
    else:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(lambda _: setattr(owner, "file_dialog", None))
    owner.file_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog
