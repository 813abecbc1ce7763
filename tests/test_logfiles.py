"""The kiosk's log file: written, rotated within bounds, and never a reason to stop."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.logfiles import LOG_FILE, log_to_file


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    root.setLevel(logging.INFO)
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_records_reach_the_file(tmp_path: Path, root_logger) -> None:
    assert log_to_file(tmp_path / "logs") is not None
    logging.getLogger("kiosk.camera").warning("camera 0: reconnecting")
    text = (tmp_path / "logs" / LOG_FILE).read_text()
    assert "WARNING kiosk.camera: camera 0: reconnecting" in text


def test_rotation_keeps_a_bounded_set(tmp_path: Path, root_logger) -> None:
    log_to_file(tmp_path, max_bytes=2_000, backups=2)
    for n in range(300):
        logging.getLogger("kiosk").info("frame %d read", n)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.iterdir())
    assert "frame 299 read" in (tmp_path / LOG_FILE).read_text()


def test_a_folder_that_cannot_be_written_costs_only_the_file(
    tmp_path: Path, root_logger, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    assert log_to_file(blocker) is None
    assert "logging to the console only" in caplog.text


def test_kiosk_run_writes_its_log_file(tmp_path: Path) -> None:
    env = {**os.environ, "KIOSK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    kiosk = [sys.executable, "-m", "kiosk"]
    subprocess.run([*kiosk, "catalog", "init", "--demo"], env=env, check=True, capture_output=True)
    run = subprocess.Popen([*kiosk, "run", "--source", "demo"], env=env, stderr=subprocess.PIPE)
    log_file = tmp_path / "data" / "logs" / LOG_FILE
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "loaded demo.onnx" not in _read(log_file):
        time.sleep(0.2)
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=30)
    text = _read(log_file)
    assert "kiosk starting: source demo" in text and "loaded demo.onnx" in text
    assert "closing the kiosk" in text  # what SIGTERM did is on record too


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""
