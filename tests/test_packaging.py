"""The Linux installer, built and installed for real: PyInstaller freezes the kiosk, the frozen
kiosk runs its self-test on the demo, and install.sh / uninstall.sh install, upgrade, roll
back and remove it under a folder (``--root``), keeping the store's data throughout; so does
dpkg with the Debian package (``dpkg --root``, its maintainer scripts run as on a kiosk PC)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalog import sales
from catalog.db import connect
from kiosk import __version__
from tests.catalog_fixtures import draft, item_line

ROOT = Path(__file__).resolve().parent.parent
NAME = "vision-checkout-kiosk"
NEXT, THIRD = "9.0.0-next", "9.0.1-third"  # the same app, labelled as later versions

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the installer is for Linux kiosk PCs"
)


def run(argv: list[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_HOME"}  # the caller's, if any
    env.update({"QT_QPA_PLATFORM": "offscreen", **kwargs.pop("env", {})})
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=600, env=env, **kwargs
    )


@pytest.fixture(scope="module")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installer folder, built once by packaging/build.py (which runs the frozen kiosk)."""
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("pyinstaller-work")
    result = run(
        [
            sys.executable,
            ROOT / "packaging" / "build.py",
            "--out",
            out,
            "--work",
            work,
            "--no-archive",
            *(["--deb"] if shutil.which("dpkg-deb") else []),
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "frozen kiosk runs" in result.stdout
    shutil.rmtree(work)
    return out / f"{NAME}-{__version__}"


def other_version(installer: Path, tmp_path: Path, version: str) -> Path:
    """The same installer labelled as another version (its app shared through a link)."""
    copy = tmp_path / f"{NAME}-{version}"
    copy.mkdir()
    for item in ("install.sh", "uninstall.sh", "files"):
        (copy / item).symlink_to(installer / item)
    (copy / "app").symlink_to(installer / "app")
    (copy / "VERSION").write_text(version + "\n")
    return copy


def test_frozen_kiosk_detects_the_demo_products(installer: Path, tmp_path: Path) -> None:
    """The bundle carries the model, onnxruntime and OpenCV: it reads a demo frame."""
    frame = ROOT / "tests" / "golden" / "images" / "counter_frame_00600.png"
    out = tmp_path / "detections.jsonl"
    result = run(
        [installer / "app" / NAME, "detect", frame, "--jsonl", out],
        env={"KIOSK_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and rows[0]["detections"], rows
    version = run([installer / "app" / NAME, "--version"])
    assert version.stdout.split() == ["kiosk", (installer / "VERSION").read_text().strip()]


def test_install_upgrade_rollback_uninstall_keep_the_store_data(
    installer: Path, tmp_path: Path
) -> None:
    root = tmp_path / "pc"
    kiosk = root / "usr" / "local" / "bin" / "kiosk"
    opt = root / "opt" / NAME
    data = root / "var" / "lib" / NAME

    first = run(["bash", installer / "install.sh", "--root", root, "--demo"])
    assert first.returncode == 0, first.stderr
    assert "still has the demo PIN 1234" in first.stdout  # the doctor's word on it
    assert "card payments are simulated" in first.stdout  # no terminal set up yet
    assert "ready to sell (3 warnings)" in first.stdout  # the PIN, the terminal, the receipt head
    assert os.readlink(opt / "current") == __version__
    assert (data / "kiosk.toml").is_file()
    listing = run([kiosk, "catalog", "list"])
    assert listing.returncode == 0, listing.stderr
    assert "19 products" in listing.stdout  # the demo store, through the installed command
    assert not (root / "etc" / "systemd").exists()  # --root installs no boot service

    # A sale the store must never lose, in the installed kiosk's database.
    database = data / "data" / "catalog.sqlite"
    sale = sales.record_sale(connect(database), draft("k-1", item_line("1001", 2, 129)))
    day = ["catalog", "sales", "--day", sale.created_at[:10]]
    summary = run([kiosk, *day])
    assert summary.returncode == 0, summary.stderr
    assert "1 sales, total 2.58" in summary.stdout  # the installed kiosk reads the sale

    # Copies earlier upgrades left (each a whole catalog): the newest five stay.
    for age in range(1, 7):
        earlier = data / "data" / "backups" / f"before-0.0.{age}-2025010{age}-120000"
        earlier.mkdir(parents=True)
        os.utime(earlier, (1.7e9 - age * 86400, 1.7e9 - age * 86400))
    upgrade = run(["bash", other_version(installer, tmp_path, NEXT) / "install.sh", "--root", root])
    assert upgrade.returncode == 0, upgrade.stderr
    assert os.readlink(opt / "current") == NEXT
    assert os.readlink(opt / "previous") == __version__
    assert "removed 2 older upgrade backup(s)" in upgrade.stdout
    backups = sorted((data / "data" / "backups").iterdir())
    assert [b.name[:13] for b in backups] == [
        "before-0.0.1-", "before-0.0.2-", "before-0.0.3-", "before-0.0.4-", f"before-{NEXT}"[:13],
    ]  # fmt: skip
    assert (backups[-1] / "catalog.sqlite").is_file()
    for earlier in backups[:-1]:
        shutil.rmtree(earlier)
    nightly = run([kiosk, "catalog", "backup"])  # what the backup timer runs
    assert nightly.returncode == 0, nightly.stderr
    assert "1 sales, 19 products; integrity checked" in nightly.stdout
    assert "19 products" in run([kiosk, "catalog", "list"]).stdout  # data kept, not re-seeded
    assert "1 sales, total 2.58" in run([kiosk, *day]).stdout

    rollback = run(["bash", installer / "install.sh", "--root", root, "--rollback"])
    assert rollback.returncode == 0, rollback.stderr
    assert os.readlink(opt / "current") == __version__
    assert run([kiosk, "catalog", "list"]).returncode == 0

    # A third version: the one in use and the one before it stay, older ones go.
    third = run(["bash", other_version(installer, tmp_path, THIRD) / "install.sh", "--root", root])
    assert third.returncode == 0, third.stderr
    kept = [__version__, THIRD, "current", "previous", "uninstall.sh", "kiosk-usb-stick"]
    assert sorted(p.name for p in opt.iterdir()) == sorted(kept)

    # The uninstaller installed with the program (the installer folder may be gone by now).
    removed = run(["bash", opt / "uninstall.sh", "--root", root])
    assert removed.returncode == 0, removed.stderr
    assert not opt.exists() and not kiosk.exists()
    kept = sales.get_sale(connect(database), "k-1")  # the ledger survives the uninstall
    assert kept is not None and kept.draft.total_cents == 258 and kept.receipt_no == sale.receipt_no
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    refused = run(["bash", installer / "uninstall.sh", "--root", root, "--purge"], input="no\n")
    assert refused.returncode != 0 and data.exists()  # the name was not typed back
    purged = run(["bash", installer / "uninstall.sh", "--root", root, "--purge", "--yes"])
    assert purged.returncode == 0, purged.stderr
    assert not data.exists()


def test_installer_refuses_a_folder_without_the_kiosk(tmp_path: Path) -> None:
    """Run from the source tree (no frozen app beside it), it says what to do instead."""
    scripts = tmp_path / "installer"
    shutil.copytree(ROOT / "packaging" / "linux", scripts)
    (scripts / "VERSION").write_text("9.9.9\n")
    result = run(["bash", scripts / "install.sh", "--root", tmp_path / "pc"])
    assert result.returncode == 1
    assert "no kiosk in" in result.stderr and "unpack the whole installer" in result.stderr
    assert not (tmp_path / "pc" / "opt").exists()


def test_installer_stops_and_says_so_when_the_kiosk_fails(tmp_path: Path) -> None:
    """A kiosk that cannot start (here: one that exits 3) stops the install with a way back."""
    scripts = tmp_path / "installer"
    shutil.copytree(ROOT / "packaging" / "linux", scripts)
    (scripts / "VERSION").write_text("9.9.9\n")
    kiosk = scripts / "app" / NAME
    kiosk.parent.mkdir()
    kiosk.write_text("#!/bin/sh\necho 'the kiosk cannot start' >&2\nexit 3\n")
    kiosk.chmod(0o755)
    result = run(["bash", scripts / "install.sh", "--root", tmp_path / "pc"])
    assert result.returncode == 3
    assert "the kiosk cannot start" in result.stderr
    assert "install: failed" in result.stderr and "--rollback" in result.stderr
    assert "installed version" not in result.stdout


def relabelled_deb(deb: Path, version: str, tmp_path: Path) -> Path:
    """The same package labelled as another version (unpacked, renamed, packed uncompressed)."""
    tree = tmp_path / f"deb-{version}"
    assert run(["dpkg-deb", "-R", deb, tree]).returncode == 0
    (tree / "opt" / NAME / __version__).rename(tree / "opt" / NAME / version)
    (tree / "usr" / "lib" / NAME / "VERSION").write_text(version + "\n")
    control = tree / "DEBIAN" / "control"
    control.write_text(re.sub(r"(?m)^Version: .*$", f"Version: {version}", control.read_text()))
    relabelled = tmp_path / f"{NAME}_{version}.deb"
    packed = run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", tree, relabelled])
    assert packed.returncode == 0, packed.stderr
    shutil.rmtree(tree)
    return relabelled


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="Debian packages need dpkg")
def test_debian_package_installs_upgrades_and_removes_keeping_the_store_data(
    installer: Path, tmp_path: Path
) -> None:
    [deb] = installer.parent.glob(f"{NAME}_{__version__}_*.deb")
    root = tmp_path / "pc"
    for folder in ("info", "updates"):
        (root / "var" / "lib" / "dpkg" / folder).mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "status").touch()
    # The maintainer scripts run on this machine with DPKG_ROOT set, as install.sh --root does;
    # the system libraries the package depends on are this machine's business, not the folder's.
    dpkg = ["dpkg", f"--root={root}", "--force-script-chrootless", "--force-depends"]
    if os.geteuid() != 0:
        if shutil.which("fakeroot") is None:
            pytest.skip("dpkg needs root or fakeroot")
        dpkg = ["fakeroot", *dpkg, "--force-not-root"]
    kiosk = root / "usr" / "local" / "bin" / "kiosk"
    opt = root / "opt" / NAME
    data = root / "var" / "lib" / NAME
    database = data / "data" / "catalog.sqlite"

    info = run(["dpkg-deb", "--field", deb, "Version", "Depends", "Recommends"])
    assert f"Version: {__version__}" in info.stdout.splitlines()
    assert "libwayland-cursor0" in info.stdout and "Recommends: cage" in info.stdout

    first = run([*dpkg, "-i", deb])
    assert first.returncode == 0, first.stdout + first.stderr
    assert f"installed version {__version__}" in first.stdout
    assert "not ready to sell" in first.stdout  # an empty catalog: the doctor says what to do
    assert "sudo systemctl enable --now" in first.stdout  # the boot service is opt-in
    assert os.readlink(opt / "current") == __version__
    assert (root / "usr" / "lib" / "systemd" / "system" / f"{NAME}.service").is_file()
    # USB sticks for the admin screen: udev's rule, its unit and the script the unit runs.
    assert (root / "usr" / "lib" / "udev" / "rules.d" / f"90-{NAME}-usb.rules").is_file()
    assert (root / "usr" / "lib" / "systemd" / "system" / f"{NAME}-usb@.service").is_file()
    assert os.access(opt / "kiosk-usb-stick", os.X_OK)
    seeded = run([kiosk, "catalog", "init", "--demo"])
    assert "19 products" in seeded.stdout, seeded.stderr
    sale = sales.record_sale(connect(database), draft("k-1", item_line("1001", 2, 129)))
    day = ["catalog", "sales", "--day", sale.created_at[:10]]

    # install.sh and the package must not both own /opt/NAME: each refuses the other.
    mixed = run(["bash", installer / "install.sh", "--root", root])
    assert mixed.returncode == 1 and "installed here as a Debian package" in mixed.stderr
    stale = run(["bash", installer / "uninstall.sh", "--root", root])
    assert stale.returncode == 1 and "apt remove" in stale.stderr and opt.exists()

    upgrade = run([*dpkg, "-i", relabelled_deb(deb, "9.0.0", tmp_path)])
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert os.readlink(opt / "current") == "9.0.0"
    assert sorted(p.name for p in opt.iterdir()) == ["9.0.0", "current", "kiosk-usb-stick"]
    backups = list((data / "data" / "backups").iterdir())
    assert [b.name.startswith("before-9.0.0-") for b in backups] == [True]
    assert "1 sales, total 2.58" in run([kiosk, *day]).stdout  # migrated, not re-seeded
    assert "19 products" in run([kiosk, "catalog", "list"]).stdout

    removed = run([*dpkg, "-r", NAME])
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not opt.exists() and not kiosk.exists()
    assert f"stays in {data}" in removed.stdout
    purged = run([*dpkg, "-P", NAME])
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert "to delete it" in purged.stdout  # the sales ledger is never deleted unasked
    kept = sales.get_sale(connect(database), "k-1")
    assert kept is not None and kept.draft.total_cents == 258 and kept.receipt_no == sale.receipt_no
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    installer_copy = run(["bash", installer / "install.sh", "--root", root])
    assert installer_copy.returncode == 0, installer_copy.stderr
    refused = run([*dpkg, "-i", deb])
    assert refused.returncode != 0 and "from its install.sh" in refused.stderr
