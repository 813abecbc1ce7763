"""The camera's training loop on a kiosk without a terminal: the views taken at the counter
go to a USB stick for the training PC, the model trained there comes back on the stick and is
installed from the admin screen, and staff can go back to the model before.

Real parts: the running kiosk and its worker thread, Qt's file dialog, the model store and
the catalog on disk, real ONNX models checked by onnxruntime.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from kiosk.captures import CaptureStore
from kiosk.enrol import EnrolStore
from kiosk.model_install import store_for
from kiosk.model_store import InstalledModel
from tests.test_admin_import import pick
from tests.test_captures import effect, seen
from tests.test_ui_worker import add_cashier, idle_kiosk, open_admin
from tests.ui_support import TINY_MODEL
from ui.admin.panel import MODEL_RECHECK_MS
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture

DEMO_MODEL = Path(__file__).resolve().parent.parent / "models" / "demo" / "demo.onnx"


def enrol_tab(qtbot, kiosk: Kiosk, name: str = "Demo Manager"):
    dialog = open_admin(qtbot, kiosk.window, name)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.enrol)
    qtbot.waitUntil(lambda: bool(dialog.enrol.model_line.text()), timeout=5_000)
    return dialog, dialog.enrol


def status(qtbot, dialog, start: str) -> str:
    qtbot.waitUntil(lambda: dialog.status.text().startswith(start), timeout=15_000)
    return dialog.status.text()


def test_the_views_and_corrections_go_to_a_usb_stick_in_the_layouts_training_reads(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog, tab = enrol_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.copy_views, stick)
    assert "nothing to train on yet" in status(qtbot, dialog, "Could not do that")
    views = EnrolStore(idle_kiosk.settings.paths.enrol_dir)
    cutout = np.zeros((60, 40, 4), np.uint8)
    cutout[10:50, 5:35] = (30, 60, 200, 255)
    for _ in range(3):
        views.add("jam-jar", cutout, 95.0)
    views.add("honey-jar", cutout, 110.0)
    settings = idle_kiosk.settings
    kept = CaptureStore(settings.paths.captures_dir, keep=settings.captures.keep)
    kept.save(np.zeros((240, 320, 3), np.uint8), seen("cola-can", "cola-can"), effect())
    pick(qtbot, tab, tab.copy_views, stick)
    text = status(qtbot, dialog, "Copied")
    assert text == f"Copied 4 views of 2 products and 1 new corrections to {stick}."
    assert len(list((stick / "corrections" / "images").glob("*.jpg"))) == 1
    assert (stick / "corrections" / "review.csv").is_file()
    assert len(list((stick / "enrol" / "jam-jar").glob("*.png"))) == 3
    assert (stick / "enrol" / "honey-jar" / "product.json").is_file()


def test_a_manager_installs_a_model_from_the_stick_and_goes_back_to_the_one_before(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    for model in (TINY_MODEL, DEMO_MODEL):
        shutil.copy(model, stick / model.name)
    dialog, tab = enrol_tab(qtbot, idle_kiosk)
    assert tab.model_line.text() == "Recognition model: tiny_e2e.onnx (16 labels)"
    pick(qtbot, tab, tab.install, stick / "tiny_e2e.onnx")
    status(qtbot, dialog, "Installed")
    dialog.status.clear()
    pick(qtbot, tab, tab.install, stick / "demo.onnx")
    text = status(qtbot, dialog, "Installed")
    assert "(16 labels): the kiosk switches to it the next time the counter is empty." in text
    installed = text.split()[1]
    # The counter is empty: the running kiosk takes the new model over by itself.
    qtbot.waitUntil(
        lambda: tab.model_line.text() == f"Recognition model: {installed} (16 labels)",
        timeout=10_000,
    )
    dialog.status.clear()
    tab.rollback.click()
    text = status(qtbot, dialog, "Back to")
    assert f"(instead of {installed})" in text

    add_cashier(idle_kiosk, "Bo")
    cashier, cashier_tab = enrol_tab(qtbot, idle_kiosk, "Bo")
    pick(qtbot, cashier_tab, cashier_tab.install, stick / "demo.onnx")
    assert "Bo is a cashier: a manager installs recognition models" in status(
        qtbot, cashier, "Could not do that"
    )


def test_a_file_that_is_no_model_changes_nothing_and_says_so(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx model at all")
    dialog, tab = enrol_tab(qtbot, idle_kiosk)
    pick(qtbot, tab, tab.install, broken)
    assert "model.onnx" in status(qtbot, dialog, "Could not do that")
    qtbot.wait(300)
    assert tab.model_line.text() == "Recognition model: tiny_e2e.onnx (16 labels)"


def test_an_installed_model_that_does_not_load_here_is_named_and_the_running_one_stays(
    qtbot, idle_kiosk: Kiosk, tmp_path: Path
) -> None:
    """A model in the store that this kiosk cannot load (put there by another kiosk version's
    command, or damaged on disk): the line says so, once, instead of waiting for it."""
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx model at all")
    store = store_for(idle_kiosk.settings)
    with store.staged(broken) as staged:
        entry = InstalledModel(
            staged.file, staged.sha256, ("x",), (32, 32), str(broken), "2026-11-26T00:00", "t"
        )
        store.commit(staged, entry)
    dialog, tab = enrol_tab(qtbot, idle_kiosk)
    running = "Recognition model: tiny_e2e.onnx (16 labels)"  # and it keeps running
    qtbot.waitUntil(lambda: "did not load" in tab.model_line.text(), timeout=15_000)
    text = tab.model_line.text()
    assert text.startswith(f"{running} The installed {entry.file} did not load on this kiosk")
    assert text.endswith(
        "this one stays: the file is not a readable ONNX model (damaged, or cut short?). "
        "Install another model or go back to the one before."
    )
    assert dialog.products.model_line.text() == text
    qtbot.wait(2 * MODEL_RECHECK_MS)  # said once: no more checking for a takeover
    assert tab.model_line.text() == text

    # Another model from the stick: it loads, takes over, and the line is plain again.
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(DEMO_MODEL, stick / DEMO_MODEL.name)
    pick(qtbot, tab, tab.install, stick / DEMO_MODEL.name)
    installed = status(qtbot, dialog, "Installed").split()[1]
    qtbot.waitUntil(
        lambda: tab.model_line.text() == f"Recognition model: {installed} (16 labels)",
        timeout=10_000,
    )
