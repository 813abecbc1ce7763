"""Build the kiosk's Linux installer: ``python packaging/build.py [--out dist/]``.

Freezes the kiosk with PyInstaller (``packaging/kiosk.spec``, one folder), checks that the
frozen kiosk really runs (``self-test`` offscreen on the demo, a demo catalog in a scratch
home), reports the bundle's size against DESIGN's budget, and lays out the installer::

    OUT/vision-checkout-kiosk-VERSION/            what a technician copies to the kiosk PC
        app/                                      the frozen kiosk (run app/vision-checkout-kiosk)
        install.sh  uninstall.sh  files/  VERSION
    OUT/vision-checkout-kiosk-VERSION-linux-x86_64.tar.gz   the same, in one file
    OUT/vision-checkout-kiosk_VERSION_amd64.deb             with --deb: the same as a Debian package

Run it in an environment that has the kiosk and PyInstaller installed
(``pip install -e '.[package]'``); whatever else that environment holds (tests, training) is
kept out by the spec.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kiosk.spec"
LINUX_FILES = ROOT / "packaging" / "linux"
NAME = "vision-checkout-kiosk"
BUDGET_MB = 250  # DESIGN: bundle (PyInstaller onedir) <= 250 MB
RECOMMENDED = ("cage", "espeak-ng")  # Debian packages the kiosk works without


class BuildError(RuntimeError):
    """The bundle could not be built, or the frozen kiosk does not work."""


@dataclass(frozen=True)
class BundleCheck:
    """What the frozen kiosk did in its self-test.

    ``works`` is the build's verdict: it showed pictures, read them with the model and
    stopped, with nothing out of service. The speed targets (``problems``) are reported, not
    judged: a busy build machine misses them without anything being wrong with the bundle.
    """

    preview_frames: int
    inferences: int
    out_of_service: str
    first_frame_s: float
    preview_fps: float
    problems: tuple[str, ...]

    @property
    def works(self) -> bool:
        return self.preview_frames > 0 and self.inferences > 0 and not self.out_of_service


def kiosk_version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "kiosk" / "__init__.py").read_text(), namespace)
    return namespace["__version__"]


def freeze(work: Path, dist: Path) -> Path:
    """Run PyInstaller on the spec; return the one-folder bundle."""
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    bundle = dist / NAME
    if not (bundle / NAME).is_file():
        raise BuildError(f"PyInstaller wrote no {NAME} executable in {bundle}")
    strip_libpython(bundle)
    return bundle


def strip_libpython(bundle: Path) -> None:
    """Strip the interpreter's symbols (23 MB -> 6 MB for a distribution Python).

    Only libpython: PyInstaller's own ``strip=True`` also strips the libraries that wheels
    ship (auditwheel-patched), which then fail to load ("ELF load command address/offset not
    page-aligned"), numpy's OpenBLAS first.
    """
    strip = shutil.which("strip")
    if strip is None:
        return
    for lib in (bundle / "_internal").glob("libpython*.so*"):
        subprocess.run([strip, "--strip-unneeded", str(lib)], check=True)


def check_bundle(bundle: Path, seconds: float = 4.0) -> BundleCheck:
    """Run the frozen kiosk as a store would: a fresh home, the demo catalog, a self-test."""
    exe = bundle / NAME
    with tempfile.TemporaryDirectory(prefix="kiosk-bundle-check-") as home:
        env = {**os.environ, "KIOSK_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        for argv in (
            ["catalog", "init", "--demo"],
            ["self-test", "--seconds", str(seconds), "--json"],
        ):
            result = subprocess.run(
                [str(exe), *argv], env=env, capture_output=True, text=True, timeout=300
            )
            # self-test exits 1 when it misses a speed target: its report says which.
            finished = result.returncode == 0 or (argv[0] == "self-test" and result.returncode == 1)
            if not finished or not result.stdout.strip():
                raise BuildError(
                    f"the frozen kiosk failed `{' '.join(argv)}` (exit {result.returncode}):\n"
                    f"{result.stderr[-3000:]}"
                )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return BundleCheck(
        preview_frames=int(report["preview_frames"]),
        inferences=int(report["inferences"]),
        out_of_service=str(report["out_of_service"]),
        first_frame_s=float(report["first_frame_s"]),
        preview_fps=float(report["preview_fps"]),
        problems=tuple(report["problems"]),
    )


def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def largest_parts(bundle: Path, count: int = 6) -> list[tuple[str, int]]:
    """The bundle's biggest top-level pieces: where the megabytes go."""
    internal = bundle / "_internal"
    parts = [
        (p.name, tree_size(p) if p.is_dir() else p.stat().st_size)
        for p in internal.iterdir()
        if not p.is_symlink()  # PyInstaller links some libraries to their package's copy
    ]
    return sorted(parts, key=lambda part: part[1], reverse=True)[:count]


def lay_out_installer(bundle: Path, out: Path, version: str) -> Path:
    """The installer folder: the bundle moved in as app/, the scripts, the system files."""
    target = out / f"{NAME}-{version}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    bundle.rename(target / "app")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX_FILES / script, target / script)
        (target / script).chmod(0o755)
    shutil.copytree(LINUX_FILES / "files", target / "files")
    (target / "VERSION").write_text(version + "\n")
    return target


def archive(installer: Path) -> Path:
    machine = platform.machine() or "unknown"
    path = installer.parent / f"{installer.name}-linux-{machine}.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(installer, arcname=installer.name)
    return path


def debian_architecture() -> str:
    result = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    if result.returncode == 0 and result.stdout.strip():
        return result.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def deb_control(version: str, architecture: str, installed_kib: int) -> str:
    """The package's control file: the system libraries from files/debian-packages as its
    dependencies; cage (only the boot service uses it) and espeak-ng (spoken guidance, which
    the kiosk offers only when it is there) as recommendations."""
    listed = (LINUX_FILES / "files" / "debian-packages").read_text().splitlines()
    wanted = [line.split("#")[0].strip() for line in listed]
    libraries = [name for name in wanted if name and name not in RECOMMENDED]
    recommended = [name for name in wanted if name in RECOMMENDED]
    return (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        "Maintainer: Vision checkout kiosk developers <kiosk@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(['passwd', *libraries])}\n"
        + (f"Recommends: {', '.join(recommended)}\n" if recommended else "")
        + "Section: misc\n"
        "Priority: optional\n"
        "Description: self-checkout kiosk that recognises items with a camera\n"
        " A vision checkout kiosk: the shopper puts items on the counter, a camera\n"
        " recognises them (no barcodes), the screen shows the basket and the total,\n"
        " and the shopper pays. Staff manage products, prices and sales on a\n"
        " PIN-protected admin screen or with the `kiosk` command.\n"
    )


def link_or_copy(src: str, dst: str) -> None:
    """Hard-link the bundle's files into the package tree (400 MB); copy across devices."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def build_deb(installer: Path, version: str) -> Path:
    """The installer as a Debian package: the frozen kiosk in /opt/NAME/VERSION, install.sh
    and its files in /usr/lib/NAME (the package's postinst runs ``install.sh --packaged``),
    the boot service, backup timer and USB stick unit in /usr/lib/systemd/system, the stick's
    udev rule in /usr/lib/udev/rules.d."""
    if shutil.which("dpkg-deb") is None:
        raise BuildError("--deb needs dpkg-deb: build on Debian or Ubuntu")
    stage = installer.parent / ".deb-root"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(
        installer / "app", stage / "opt" / NAME / version, symlinks=True, copy_function=link_or_copy
    )
    lib = stage / "usr" / "lib" / NAME
    lib.mkdir(parents=True)
    shutil.copy2(LINUX_FILES / "install.sh", lib / "install.sh")
    (lib / "VERSION").write_text(version + "\n")
    units = stage / "usr" / "lib" / "systemd" / "system"
    units.mkdir(parents=True)
    for unit in (
        f"{NAME}.service",
        f"{NAME}-backup.service",
        f"{NAME}-backup.timer",
        f"{NAME}-usb@.service",
    ):
        shutil.copy2(LINUX_FILES / "files" / unit, units / unit)
    # USB sticks mounted for the admin screen (only while the kiosk service is enabled).
    rules = stage / "usr" / "lib" / "udev" / "rules.d"
    rules.mkdir(parents=True)
    shutil.copy2(LINUX_FILES / "files" / f"90-{NAME}-usb.rules", rules / f"90-{NAME}-usb.rules")
    mounter = "kiosk-usb-stick"
    shutil.copy2(LINUX_FILES / "files" / mounter, stage / "opt" / NAME / mounter)
    (stage / "etc" / "pam.d").mkdir(parents=True)
    shutil.copy2(LINUX_FILES / "files" / f"{NAME}.pam", stage / "etc" / "pam.d" / NAME)
    menu = stage / "usr" / "share" / "applications"
    menu.mkdir(parents=True)
    shutil.copy2(LINUX_FILES / "files" / f"{NAME}.desktop", menu / f"{NAME}.desktop")
    for path in stage.rglob("*"):
        if not path.is_symlink():
            # dpkg installs the modes it is given: readable by all, as install.sh's copy is.
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    control = stage / "DEBIAN"
    control.mkdir()
    installed_kib = -(-tree_size(stage) // 1024)
    architecture = debian_architecture()
    (control / "control").write_text(deb_control(version, architecture, installed_kib))
    (control / "conffiles").write_text(f"/etc/pam.d/{NAME}\n")
    for script in ("preinst", "prerm", "postinst", "postrm"):
        shutil.copy2(LINUX_FILES / "deb" / script, control / script)
        (control / script).chmod(0o755)
    deb = installer.parent / f"{NAME}_{version}_{architecture}.deb"
    result = subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(deb)],
        capture_output=True,
        text=True,
    )
    shutil.rmtree(stage)
    if result.returncode != 0:
        raise BuildError(f"dpkg-deb failed:\n{result.stderr[-3000:]}")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to write it")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-archive", action="store_true", help="the folder only, no .tar.gz")
    parser.add_argument("--no-check", action="store_true", help="skip running the frozen kiosk")
    parser.add_argument("--deb", action="store_true", help="also a Debian package (dpkg-deb)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("build.py makes the Linux installer; run it on Linux", file=sys.stderr)
        return 2
    version = kiosk_version()
    try:
        bundle = freeze(args.work, args.out / ".frozen")
        if not args.no_check:
            check = check_bundle(bundle)
            if not check.works:
                raise BuildError(f"the frozen kiosk does not work: {check}")
            print(
                f"frozen kiosk runs: first frame {check.first_frame_s:.2f} s, "
                f"preview {check.preview_fps:.1f} fps, {check.inferences} inferences"
            )
            if check.problems:
                print(f"  speed targets missed on this machine: {', '.join(check.problems)}")
    except BuildError as exc:
        print(f"build: error: {exc}", file=sys.stderr)
        return 1
    size_mb = tree_size(bundle) / 1e6
    verdict = "within" if size_mb <= BUDGET_MB else "over"
    print(f"bundle {bundle}: {size_mb:.0f} MB ({verdict} the {BUDGET_MB} MB budget)")
    print("  largest: " + ", ".join(f"{n} {s / 1e6:.0f} MB" for n, s in largest_parts(bundle)))
    installer = lay_out_installer(bundle, args.out, version)
    print(f"installer folder: {installer}")
    if not args.no_archive:
        tarball = archive(installer)
        print(f"installer archive: {tarball} ({tarball.stat().st_size / 1e6:.0f} MB)")
    if args.deb:
        try:
            deb = build_deb(installer, version)
        except BuildError as exc:
            print(f"build: error: {exc}", file=sys.stderr)
            return 1
        print(f"Debian package: {deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
