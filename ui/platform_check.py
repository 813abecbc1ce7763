"""Say clearly why the window cannot open, before Qt aborts the process with a plugin error.

Qt ends the process (it does not raise) when no platform plugin can start: no display, or
the X11 plugin's system libraries missing. Both are fixable by the person at the kiosk, so
the kiosk checks first and names the fix.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

from kiosk.errors import KioskError

# Libraries Qt's xcb plugin loads that minimal Linux installs often lack (Debian packages).
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}

# Libraries Qt's wayland plugin needs (the kiosk boot service runs it under cage). Without
# them Qt aborts with "Could not load the Qt platform plugin "wayland" even though it was found".
WAYLAND_LIBRARIES = {
    "wayland-client": "libwayland-client0",
    "wayland-cursor": "libwayland-cursor0",
}


class NoDisplay(KioskError):
    """There is no screen to show the kiosk on, or Qt cannot use it."""


def missing_packages(libraries: dict[str, str]) -> list[str]:
    """The Debian packages of ``libraries`` (library name -> package) that cannot be found."""
    return [pkg for lib, pkg in libraries.items() if ctypes.util.find_library(lib) is None]


def missing_xcb_packages() -> list[str]:
    """Debian packages whose libraries the X11 plugin needs and cannot find."""
    return missing_packages(XCB_LIBRARIES)


def check_display(environ: dict[str, str] | None = None) -> None:
    """Raise ``NoDisplay`` with the fix when the window could not open on Linux."""
    env = dict(os.environ) if environ is None else environ
    if not sys.platform.startswith("linux"):
        return
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform == "wayland":  # no fallback: Qt would abort
        missing = missing_packages(WAYLAND_LIBRARIES)
        if missing:
            raise NoDisplay(
                "the Wayland display cannot be used: Qt needs system libraries that are "
                f"missing; install them with: sudo apt-get install {' '.join(missing)}"
            )
        return
    if platform and not platform.startswith("xcb"):
        return  # offscreen, eglfs, vnc, a list with fallbacks...: Qt's own messages do
    if not platform and env.get("WAYLAND_DISPLAY"):
        return
    if not env.get("DISPLAY"):
        raise NoDisplay(
            "no display to show the kiosk on (DISPLAY is not set): start it on the kiosk's "
            "screen or in its X/Wayland session, or try `kiosk self-test`, which needs none"
        )
    missing = missing_xcb_packages()
    if missing:
        raise NoDisplay(
            "the X11 display cannot be used: Qt needs system libraries that are missing; "
            f"install them with: sudo apt-get install {' '.join(missing)}"
        )
