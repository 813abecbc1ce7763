"""``kiosk model install | list | rollback`` and a running kiosk following them.

Real models (the shipped demo model, the golden test models), a real catalog file, the real
detector; a running kiosk's session reads a real counter picture.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from catalog.audit import list_entries
from catalog.db import connect
from catalog.products import add_label, delete_label, get_product, set_product_active
from kiosk.checkout_values import CheckoutState
from kiosk.cli import main
from kiosk.config import bundled_model_path, model_path
from kiosk.detector import Detector
from kiosk.detector_errors import in_short
from kiosk.model_install import ModelRefused, install_model, roll_back_model, store_for
from kiosk.model_store import INDEX, KEEP_INSTALLS, InstalledModel, ModelStore, ModelStoreError
from kiosk.model_watch import ModelWatch
from kiosk.sources import Frame
from tests.test_captures import SCENE, demo_frame
from tests.ui_support import ROOT, demo_settings_in
from ui.session import KioskSession

GOLDEN = ROOT / "tests" / "golden" / "models"
TINY = GOLDEN / "tiny_raw.onnx"  # the demo store's 16 labels, random weights
DEMO = bundled_model_path()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def kiosk(tmp_path: Path):
    settings = demo_settings_in(tmp_path)
    db = connect(settings.paths.database)
    yield settings, db
    db.conn.close()


def test_an_installed_model_is_the_one_the_kiosk_runs_and_the_audit_says_who(kiosk):
    settings, db = kiosk
    assert model_path(settings) == DEMO  # nothing installed yet
    report = install_model(TINY, settings, db, by="cli:tech")
    installed = model_path(settings)
    assert installed.parent == settings.paths.data_dir / "models"
    assert installed.name == f"model-{sha(TINY)[:12]}.onnx" and sha(installed) == sha(TINY)
    assert report.replaced is None and report.coverage.unseen == ()
    assert report.model.labels == tuple(Detector(TINY).names.values())
    assert report.model.source == str(TINY) and report.model.by == "cli:tech"
    entry = list_entries(db, action="model.install")[-1]
    assert entry.actor == "cli:tech" and entry.new["sha256"] == sha(TINY)
    # The settings' own model file wins over installed ones.
    named = demo_settings_in(settings.paths.data_dir.parent, detector__model=str(DEMO))
    assert model_path(named) == DEMO


def test_installing_a_model_again_mends_its_damaged_file(kiosk):
    settings, db = kiosk
    install_model(TINY, settings, db, by="cli:tech")
    installed = model_path(settings)
    installed.write_bytes(installed.read_bytes()[:1000])  # cut short on disk
    install_model(TINY, settings, db, by="cli:tech")  # the same model again
    assert sha(model_path(settings)) == sha(TINY)
    assert Detector(model_path(settings)).names


def test_a_kiosk_whose_model_no_longer_loads_starts_on_the_install_before_it(kiosk):
    from ui.session import load_detector

    settings, db = kiosk
    install_model(DEMO, settings, db, by="cli:tech")
    install_model(TINY, settings, db, by="cli:tech")
    broken = model_path(settings)
    broken.write_bytes(broken.read_bytes()[:1000])  # damaged on disk while the kiosk was off
    detector, running = load_detector(settings, broken, db)
    assert running == model_path(settings) and sha(running) == sha(DEMO)
    assert detector.model_path == running
    entry = list_entries(db, action="model.rollback")[-1]
    assert entry.actor.startswith("kiosk") and entry.new["sha256"] == sha(DEMO)
    model_path(settings).write_bytes(b"not a model")  # that one too: nothing left to run
    with pytest.raises(Exception, match="not a readable ONNX model"):
        load_detector(settings, model_path(settings), db)


def test_install_replace_and_roll_back(kiosk):
    settings, db = kiosk
    install_model(TINY, settings, db, by="a")
    report = install_model(DEMO, settings, db, by="b")
    assert report.replaced is not None and report.replaced.sha256 == sha(TINY)
    assert sha(model_path(settings)) == sha(DEMO)
    left, now = roll_back_model(settings, db, by="c")
    assert (left.sha256, now.sha256) == (sha(DEMO), sha(TINY))
    assert sha(model_path(settings)) == sha(TINY)
    assert list_entries(db, action="model.rollback")[-1].actor == "c"
    with pytest.raises(ModelStoreError, match="none to go back to"):
        roll_back_model(settings, db, by="c")
    # Installing a file already kept reuses it: one copy per content.
    install_model(DEMO, settings, db, by="d")
    files = sorted(p.name for p in (settings.paths.data_dir / "models").glob("model-*.onnx"))
    assert len(files) == 2


def test_a_model_that_does_not_load_changes_nothing(kiosk, tmp_path: Path):
    settings, db = kiosk
    install_model(TINY, settings, db, by="a")
    store = store_for(settings)
    before = store.index_path.read_bytes()
    truncated = tmp_path / "model.onnx"
    truncated.write_bytes(DEMO.read_bytes()[:200_000])  # a copy cut short
    with pytest.raises(ModelRefused, match=str(truncated)) as refused:
        install_model(truncated, settings, db, by="a")
    assert ".incoming" not in str(refused.value)  # the error names the user's file
    for bad in GOLDEN.joinpath("broken").glob("*.onnx"):
        with pytest.raises(ModelRefused):
            install_model(bad, settings, db, by="a")
    assert store.index_path.read_bytes() == before
    assert sorted(p.name for p in store.directory.iterdir()) == sorted(
        [INDEX, f"model-{sha(TINY)[:12]}.onnx"]
    )
    assert len(list_entries(db, action="model.install")) == 1
    with pytest.raises(ModelRefused, match="not a file"):
        install_model(tmp_path, settings, db, by="a")


def test_labels_the_catalog_cannot_sell_are_refused_or_warned(kiosk):
    settings, db = kiosk
    delete_label(db, "apple", actor="a")
    with pytest.raises(ModelRefused, match="recognises apple, which no product"):
        install_model(TINY, settings, db, by="a")
    assert model_path(settings) == DEMO
    add_label(db, "1015", "apple", actor="a")
    set_product_active(db, "1015", False, actor="a")  # the apples are off sale for now
    report = install_model(TINY, settings, db, by="a")
    assert report.coverage.off_sale == ("apple",)
    assert get_product(db, "1015") is not None


def test_a_failed_switch_keeps_the_running_model_and_takes_the_audit_back(kiosk, monkeypatch):
    settings, db = kiosk
    install_model(TINY, settings, db, by="a")

    def power_cut(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(ModelStore, "_write_index", power_cut)
    with pytest.raises(OSError):
        install_model(DEMO, settings, db, by="a")
    monkeypatch.undo()
    assert sha(model_path(settings)) == sha(TINY)
    assert len(list_entries(db, action="model.install")) == 1
    # The next install tidies the file the failed one left behind.
    install_model(TINY, settings, db, by="a")
    assert len(list(store_for(settings).directory.glob("model-*.onnx"))) == 1


def test_the_store_keeps_the_newest_installs_and_deletes_older_files(tmp_path: Path):
    store = ModelStore(tmp_path / "models")
    sources = []
    for i in range(KEEP_INSTALLS + 2):
        source = tmp_path / f"m{i}.onnx"
        source.write_bytes(f"model {i}".encode())
        sources.append(source)
        with store.staged(source) as staged:
            store.commit(staged, _entry(staged.file, staged.sha256))
    history, position = store.installs()
    assert len(history) == KEEP_INSTALLS and position == KEEP_INSTALLS - 1
    kept = {p.name for p in store.directory.glob("model-*.onnx")}
    assert kept == {model.file for model in history}
    assert [h.sha256 for h in history] == [sha(s) for s in sources[-KEEP_INSTALLS:]]
    assert not list(store.directory.glob(".incoming*"))


def test_a_damaged_index_is_reported_with_what_to_do(kiosk, capsys):
    settings, db = kiosk
    install_model(TINY, settings, db, by="a")
    store_for(settings).index_path.write_text('{"installs": [', encoding="utf-8")
    with pytest.raises(ModelStoreError, match=r"damaged.*kiosk model install"):
        model_path(settings)
    from kiosk.doctor import check_model

    _, findings = check_model(settings)
    assert findings[0].level == "fail" and "damaged" in findings[0].text


def _entry(file: str, digest: str) -> InstalledModel:
    return InstalledModel(file, digest, ("x",), (32, 32), "src", "2026-11-26T00:00:00", "t")


# -- the command line ---------------------------------------------------------------------


def cli(capsys, config: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--config", str(config), "model", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def config(tmp_path: Path) -> Path:
    settings = demo_settings_in(tmp_path)
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[paths]\ndata_dir = "{settings.paths.data_dir}"\n', encoding="utf-8")
    return path


def test_cli_install_list_rollback(config: Path, capsys):
    code, out, _ = cli(capsys, config, "list")
    assert code == 0 and "bundled demo model; none installed" in out
    code, out, _ = cli(capsys, config, "install", str(TINY))
    assert code == 0 and "16 labels, input 320x320" in out and "switches to it" in out
    code, out, _ = cli(capsys, config, "install", str(DEMO))
    assert code == 0 and "kiosk model rollback goes back to it" in out
    code, out, _ = cli(capsys, config, "list", "--json")
    listing = json.loads(out)
    assert [m["in_use"] for m in listing["installs"]] == [False, True]
    assert listing["runs"].endswith(f"model-{sha(DEMO)[:12]}.onnx")
    code, out, _ = cli(capsys, config, "rollback")
    assert code == 0 and f"back to model-{sha(TINY)[:12]}.onnx" in out
    code, out, _ = cli(capsys, config, "list")
    assert f"* model-{sha(TINY)[:12]}.onnx" in out
    code, _, err = cli(capsys, config, "install", str(config))  # a settings file, not a model
    assert code == 1 and "kiosk: error:" in err and str(config) in err


def test_cli_install_says_when_the_settings_name_another_model(config: Path, capsys):
    config.write_text(config.read_text() + f'[detector]\nmodel = "{DEMO}"\n', encoding="utf-8")
    code, out, err = cli(capsys, config, "install", str(TINY))
    assert code == 1 and "installed" in out and "remove the line" in err


# -- a running kiosk follows installs -------------------------------------------------------


class CounterCamera:
    """Stands in for the camera: hands out whatever picture is on the counter now."""

    state = "ok"
    reason = ""

    def __init__(self, image: np.ndarray) -> None:
        self.image = image
        self.index = 0

    def wait_for_frame(self, after_index: int = -1, timeout: float | None = None) -> Frame:
        time.sleep(0.02)
        self.index += 1
        return Frame(self.image, self.index, self.index / 30, time.monotonic())


def run_until(session: KioskSession, done, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        view = session.next_view(0.5)
        session.tick(time.monotonic())
        if done(view):
            return view
    raise AssertionError("the kiosk did not get there in time")


def test_a_running_kiosk_switches_model_only_when_the_counter_is_empty(tmp_path: Path):
    settings = demo_settings_in(tmp_path)
    scene = cv2.imread(str(demo_frame(tmp_path)))
    empty = np.full_like(scene, 128)
    camera = CounterCamera(scene)
    session = KioskSession.open(settings, model_path=model_path(settings), frames=camera)
    try:
        assert session.models is not None
        session.models._every = 0.0
        view = run_until(session, lambda v: v is not None and v.state is CheckoutState.READY)
        assert {line.sku: line.quantity for line in view.basket.lines} == SCENE
        db = connect(settings.paths.database)
        install_model(TINY, settings, db, by="a")
        db.conn.close()
        # Loaded in the background, but the basket on the counter keeps its model.
        run_until(session, lambda v: session.models._ready is not None)
        assert session.models.pending == model_path(settings)  # what the admin screen shows
        for _ in range(10):
            session.next_view(0.5)
            session.tick(time.monotonic())
        assert session.pipeline.detector.model_path == DEMO
        camera.image = empty  # the shopper has gone
        run_until(session, lambda v: session.pipeline.detector.model_path != DEMO)
        assert sha(session.pipeline.detector.model_path) == sha(TINY)
        assert session.models.pending is None
        assert session.captures is not None and session.captures.model.startswith("model-")
    finally:
        session.close()


def test_a_chosen_model_that_does_not_load_leaves_the_running_one(tmp_path: Path, caplog):
    store = ModelStore(tmp_path / "models")
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    with store.staged(broken) as staged:
        store.commit(staged, _entry(staged.file, staged.sha256))
    watch = ModelWatch(store, DEMO, Detector, fallback=DEMO, every=0.0)
    watch._stamp = None  # as if the kiosk started before the install
    watch.poll(time.monotonic())
    assert watch._loading is not None
    watch._loading.join(30)
    assert watch.take() is None and watch.running == DEMO
    assert "not a readable ONNX model" in watch.failed
    assert watch.failed_path is not None and watch.failed_path.name == staged.file
    assert in_short(watch.failed_error) == (
        "the file is not a readable ONNX model (damaged, or cut short?)"
    )  # the admin screen's words for it; the log keeps the whole message
    watch.poll(time.monotonic())  # the same choice is not tried again and again
    assert not watch._busy() and watch.take() is None
