"""The bundled kiosk's entry point: the ``kiosk`` command, frozen by PyInstaller.

onnxruntime is imported before anything loads Qt: on Windows both ship DLLs of the same
names, and the first one loaded wins (DESIGN, "Lessons from others").
"""

import sys

import onnxruntime  # noqa: F401  (load order, see above)

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
