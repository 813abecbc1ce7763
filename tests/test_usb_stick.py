"""USB sticks on a kiosk PC under cage: ``kiosk-usb-stick`` (run by the udev-started unit)
mounts each stick for the kiosk's account, and the admin screen's file dialog opens on it.

The sticks are real filesystem images, mounted through a loop device (root only). The kernel
here has no FAT driver, so the FAT case records what would be mounted instead of mounting."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from ui.admin.usb import media_folders, open_file_dialog, removable_media

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "packaging" / "linux" / "files"
SCRIPT = FILES / "kiosk-usb-stick"
NAME = "vision-checkout-kiosk"


def stick_script(tmp_path: Path, *args: str | Path, path: str | None = None):
    env = {
        **os.environ,
        "KIOSK_USER": "nobody",
        "KIOSK_MEDIA": str(tmp_path / "media"),
        "KIOSK_USB_STATE": str(tmp_path / "state"),
    }
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["bash", str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=env, timeout=60
    )


def ext4_stick(path: Path, label: str) -> Path:
    subprocess.run(["truncate", "-s", "8M", str(path)], check=True)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-L", label, str(path)], check=True)
    return path


def can_mount_loop(tmp_path: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("mkfs.ext4") is None:
        return False
    probe = ext4_stick(tmp_path / "probe.img", "probe")
    target = tmp_path / "probe"
    target.mkdir()
    mounted = subprocess.run(["mount", "-o", "loop", str(probe), str(target)], capture_output=True)
    if mounted.returncode != 0:
        return False
    subprocess.run(["umount", str(target)], check=True)
    return True


def options_of(target: Path) -> set[str]:
    found = subprocess.run(
        ["findmnt", "-n", "-o", "OPTIONS", "--mountpoint", str(target)],
        capture_output=True,
        text=True,
    )
    return set(found.stdout.strip().split(","))


def test_sticks_are_mounted_by_label_for_the_kiosk_and_the_dialog_opens_on_them(
    tmp_path: Path,
) -> None:
    if not can_mount_loop(tmp_path):
        pytest.skip("mounting a stick's image needs root and loop devices")
    media = tmp_path / "media"
    first = ext4_stick(tmp_path / "first.img", "Store stick")
    second = ext4_stick(tmp_path / "second.img", "Store stick")
    try:
        mounted = stick_script(tmp_path, "mount", first)
        assert mounted.returncode == 0, mounted.stderr
        stick = media / "Store_stick"  # the label, as a plain folder name
        assert os.path.ismount(stick)
        assert f"is at {stick}" in mounted.stdout
        # Nothing on a stick runs or becomes a device.
        assert {"nosuid", "nodev", "noexec"} <= options_of(stick)
        assert removable_media([media]) == stick  # the dialog opens on the stick itself

        again = stick_script(tmp_path, "mount", first)  # udev may say "add" twice
        assert again.returncode == 0 and "already at" in again.stdout
        other = stick_script(tmp_path, "mount", second)
        assert other.returncode == 0, other.stderr
        assert os.path.ismount(media / "Store_stick-2")  # same label, its own folder
        assert removable_media([media]) == media  # two sticks: the folder holding both

        # Pulled out with a file still open on it: unmounted all the same (lazily).
        with open(stick / "open.txt", "w") as held:
            held.write("export in progress")
            pulled = stick_script(tmp_path, "unmount", first)
            assert pulled.returncode == 0, pulled.stderr
            assert not stick.exists()
        removed = stick_script(tmp_path, "unmount", second)
        assert removed.returncode == 0, removed.stderr
        assert list(media.iterdir()) == [] and list((tmp_path / "state").iterdir()) == []
        assert removable_media([media]) == Path.home()
    finally:
        for folder in media.glob("*") if media.exists() else []:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_stick_without_a_filesystem_is_refused_with_what_to_do(tmp_path: Path) -> None:
    blank = tmp_path / "blank.img"
    blank.write_bytes(bytes(1 << 20))
    result = stick_script(tmp_path, "mount", blank)
    assert result.returncode == 1
    assert "holds no filesystem" in result.stderr and "FAT32 or exFAT" in result.stderr
    assert not (tmp_path / "media").exists() or list((tmp_path / "media").iterdir()) == []
    gone = stick_script(tmp_path, "mount", tmp_path / "pulled.img")
    assert gone.returncode == 1 and "is not there" in gone.stderr


def test_a_fat_stick_belongs_to_the_kiosk_account_and_is_flushed_early(tmp_path: Path) -> None:
    """FAT has no owners of its own: the mount gives every file to the kiosk's account (and no
    one else), and `flush` writes early, for a stick pulled out right after an export."""
    if shutil.which("mkfs.vfat") is None:
        pytest.skip("mkfs.vfat (dosfstools) is not installed")
    stick = tmp_path / "fat.img"
    subprocess.run(["truncate", "-s", "16M", str(stick)], check=True)
    subprocess.run(["mkfs.vfat", "-n", "SALES 2026", str(stick)], check=True, capture_output=True)
    # This kernel has no FAT driver: a `mount` that notes its arguments stands in for it.
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "mount").write_text(f'#!/bin/sh\necho "$@" > {tmp_path / "mount-args"}\n')
    (shim / "mount").chmod(0o755)
    result = stick_script(tmp_path, "mount", stick, path=f"{shim}:{os.environ['PATH']}")
    assert result.returncode == 0, result.stderr
    args = (tmp_path / "mount-args").read_text().split()
    assert args[:2] == ["-t", "vfat"]
    options = dict(option.partition("=")[::2] for option in args[args.index("-o") + 1].split(","))
    nobody = subprocess.run(["id", "-u", "nobody"], capture_output=True, text=True).stdout.strip()
    assert options["uid"] == nobody and options["umask"] == "077"
    assert {"flush", "nosuid", "nodev", "noexec"} <= options.keys()
    assert args[-1] == str(tmp_path / "media" / "SALES_2026")


def test_udev_starts_the_unit_that_runs_the_script_where_the_installers_put_it() -> None:
    rule = (FILES / f"90-{NAME}-usb.rules").read_text()
    [wanted] = re.findall(r'SYSTEMD_WANTS\}\+="([^"@]+@)%k\.service"', rule)
    unit = (FILES / f"{wanted}.service").read_text()
    assert 'ENV{ID_BUS}=="usb"' in rule and 'ENV{ID_FS_USAGE}=="filesystem"' in rule
    [start] = re.findall(r"(?m)^ExecStart=(\S+) mount %I$", unit)
    [stop] = re.findall(r"(?m)^ExecStop=(\S+) unmount %I$", unit)
    assert start == stop == f"/opt/{NAME}/kiosk-usb-stick"
    # (test_packaging checks that install.sh and the .deb put it there.)
    # Only while the kiosk is the PC's screen: a desktop mounts its own sticks.
    assert f"ExecCondition=/bin/systemctl is-enabled --quiet {NAME}.service" in unit
    assert "BindsTo=dev-%i.device" in unit  # pulled out: the unit stops and unmounts


def test_the_file_dialog_says_when_no_stick_is_in_and_offers_the_sticks_folder(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    dialog = open_file_dialog(owner, "Export the catalog", lambda _: None)
    try:
        places = [url.toLocalFile() for url in dialog.sidebarUrls()]
        assert places[-1] == str(Path.home())
        if removable_media() == Path.home():  # nothing mounted under /media on this machine
            assert dialog.windowTitle() == "Export the catalog (no USB stick found)"
            assert Path(dialog.directory().absolutePath()) == Path.home()
        else:
            assert dialog.windowTitle() == "Export the catalog"
        # Where a stick put in later appears, one tap away (when this PC has such a folder).
        assert places[:-1] == [str(f) for f in media_folders() if f.is_dir()][:1]
    finally:
        dialog.reject()
