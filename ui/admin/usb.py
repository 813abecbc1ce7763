"""Files on a USB stick: where one shows up, and Qt's own file dialog opened there.

The kiosk under cage has no desktop and no terminal, so every file that comes in (a price
list) or goes out (the catalog, the sales for the accountant) passes through this dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QFileDialog, QWidget


def media_folders() -> list[Path]:
    """Where a Linux PC mounts USB sticks: the kiosk's own ``kiosk-usb-stick`` and desktops put
    them in ``/media/USER`` (udisks on some systems in ``/run/media/USER``)."""
    user = os.environ.get("USER", "")
    mounts = [f"/media/{user}", f"/run/media/{user}"] if user else []
    return [Path(folder) for folder in [*mounts, "/media", "/run/media"]]


def removable_media(folders: Sequence[Path] | None = None) -> Path:
    """The USB stick plugged in (the folder holding them when there are several), else the
    home folder."""
    for folder in media_folders() if folders is None else folders:
        try:
            # Mounted folders only: an empty mount point left behind (/media/cdrom) is no stick.
            sticks = sorted(p for p in folder.iterdir() if p.is_dir() and os.path.ismount(p))
        except OSError:  # absent, or not ours to read
            continue
        if len(sticks) == 1:
            return sticks[0]
        if sticks:
            return folder
    return Path.home()


def open_file_dialog(
    owner: QWidget, title: str, chosen: Callable[[str], None], *, name_filter: str = ""
) -> QFileDialog:
    """Choose a file (``name_filter`` set) or else a folder; ``chosen`` gets its path.

    Kept as ``owner.file_dialog`` while open, so tests (and nothing else) can reach it.
    """
    start = removable_media()
    if start == Path.home():
        title = QCoreApplication.translate("usb", "{title} (no USB stick found)").format(
            title=title
        )
    # Qt's own dialog: the same on every kiosk, fit for a finger, no desktop needed.
    dialog = QFileDialog(owner, title, str(start))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # A stick put in while the dialog is open shows up in the first of these: one tap away.
    sticks_folder = next((folder for folder in media_folders() if folder.is_dir()), None)
    places = [*([sticks_folder] if sticks_folder else []), Path.home()]
    dialog.setSidebarUrls([QUrl.fromLocalFile(str(folder)) for folder in places])
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
