"""The project's promises about itself: lean core imports, CI runs the README's commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = """
import importlib.abc, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "shiboken6", "ultralytics", "torch"}:
            raise ImportError(f"{name} is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
import pkgutil, importlib
OFFLINE_TOOLS = {"models.train", "models.export", "models.build"}
for package in ("kiosk", "catalog", "models"):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        if info.name in OFFLINE_TOOLS or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
print("ok")
"""


def test_core_packages_import_without_qt_or_torch() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```(?:bash|sh)?\n(.+?)\n```", text, flags=re.M | re.S)[:2]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, test_command = readme_commands()
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci_script


def test_readme_demo_command_runs_the_demo() -> None:
    demo_command, _ = readme_commands()
    assert demo_command.strip().endswith("kiosk demo")


def test_code_is_ruff_clean() -> None:
    ruff = [sys.executable, "-m", "ruff"]
    lint = subprocess.run([*ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    style = subprocess.run(
        [*ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert style.returncode == 0, style.stdout
