"""Counter pictures kept when staff correct the camera, and their export as a dataset.

Real parts: the bundled demo model reading a real frame of the demo video, the real checkout
engine on a demo catalog in SQLite, real JPEG files, the real ``kiosk`` command.
"""

from __future__ import annotations

import csv
import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.captures import CaptureRecorder, CaptureStore, read_capture
from kiosk.captures_export import export_captures, yolo_lines
from kiosk.checkout_events import (
    Audit,
    CaptureCounter,
    HelpDone,
    StaffAddLine,
    StaffApprove,
    StaffPin,
    StaffRemoveLine,
)
from kiosk.checkout_machine import transition
from kiosk.checkout_values import CheckoutState
from kiosk.config import bundled_model_path, demo_video_path
from kiosk.detections import Detections
from kiosk.watchdog import LatestFrameSource
from tests.catalog_fixtures import run_kiosk
from tests.test_checkout_machine import in_help_with_staff, ready
from tests.ui_support import DEMO_LABELS, demo_settings_in, detections, open_checkout, settle
from ui.session import KioskSession

# The demo video's script: from 15.5 s to 18.3 s the counter holds an apple, a cola can
# and a bag of salted crisps.
SCENE_SECONDS = 16.9
SCENE = {"1015": 1, "1001": 1, "1008": 1}


def demo_frame(tmp_path: Path) -> Path:
    capture = cv2.VideoCapture(str(demo_video_path()))
    capture.set(cv2.CAP_PROP_POS_MSEC, SCENE_SECONDS * 1000)
    ok, image = capture.read()
    capture.release()
    assert ok, "the demo video could not be read"
    path = tmp_path / "counter.png"
    cv2.imwrite(str(path), image)
    return path


def test_a_staff_correction_asks_for_a_capture_of_what_was_read_and_what_staff_made_it():
    model = in_help_with_staff(ready())  # the test machine's basket: items seen by the camera
    read = dict(model.tracked.counts)
    assert read, "the ready basket has items"
    sku = model.basket.lines[0].sku
    model, effects = transition(model, StaffRemoveLine(sku, 1))
    assert [type(e) for e in effects] == [Audit, CaptureCounter]
    capture = effects[1]
    assert capture.staff == "Ann"
    assert dict(capture.corrected) == {line.sku: line.quantity for line in model.basket.lines}
    before = dict(capture.read)
    assert before[sku] == dict(capture.corrected).get(sku, 0) + 1
    assert capture.corrections == model.overrides and "removed 1" in capture.corrections[-1]
    assert {sku for sku, _, _ in capture.products} == set(before) | set(dict(capture.corrected))


def test_an_age_check_alone_keeps_no_picture_but_accepting_a_doubt_does(tmp_path: Path):
    settings = demo_settings_in(tmp_path)
    checkout, db = open_checkout(settings)
    try:
        settle(checkout, detections("wine-bottle"), t=0.0)
        _, effects = transition(in_help_with_staff(checkout.model), StaffApprove())
        assert [type(e) for e in effects] == [Audit]  # the camera was right: nothing to learn
        settle(checkout, detections("cola-can", score=0.4), t=10.0)
        assert checkout.model.basket.doubts
        _, effects = transition(in_help_with_staff(checkout.model), StaffApprove())
        assert [type(e) for e in effects] == [Audit, CaptureCounter]
        assert effects[1].doubts == (("low_confidence", "cola-can"),)
    finally:
        db.conn.close()


@pytest.fixture
def scene_session(tmp_path: Path):
    """The kiosk's worker session on a real counter picture read by the bundled model."""
    settings = demo_settings_in(tmp_path, str(demo_frame(tmp_path)))
    source = LatestFrameSource(settings.camera.source, loop=True, fps=15.0).start()
    session = KioskSession.open(settings, model_path=bundled_model_path(), frames=source)
    try:
        yield settings, session
    finally:
        source.stop()
        session.close()


def run_until(session: KioskSession, done, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        view = session.next_view(0.5)
        if view is not None and done(view):
            return view
    raise AssertionError("the kiosk did not get there in time")


def test_a_help_visit_keeps_one_picture_revised_by_each_correction(scene_session):
    settings, session = scene_session
    view = run_until(session, lambda v: v.state is CheckoutState.READY)
    seen = {line.sku: line.quantity for line in view.basket.lines}
    assert seen == SCENE  # the model reads this scene right
    session.command(StaffPin("1234"))
    # Staff say the "apple" is an orange: one line out, another in, one picture.
    session.command(StaffRemoveLine("1015", 1))
    session.command(StaffAddLine("1016", 1))
    files = sorted(p.name for p in settings.paths.captures_dir.iterdir())
    assert len(files) == 2 and files[0].endswith(".jpg") and files[1].endswith(".json")
    capture = read_capture(settings.paths.captures_dir / files[1])
    assert capture.read == SCENE
    assert capture.corrected == {"1001": 1, "1008": 1, "1016": 1}
    assert capture.changes == {"1015": -1, "1016": 1}
    assert capture.staff == "Demo Manager" and len(capture.corrections) == 2
    assert capture.model == bundled_model_path().name
    assert {row["label"] for row in capture.detections} >= {"apple", "cola-can", "crisps-salted"}
    picture = cv2.imread(str(capture.image))
    assert picture.shape == (capture.height, capture.width, 3) == (480, 640, 3)
    assert capture.products["1016"]["labels"] == ["orange"]

    session.command(HelpDone())
    session.command(StaffPin("1234"))  # a second visit for the same shopper
    session.command(StaffRemoveLine("1008", 1))
    assert len(list(settings.paths.captures_dir.glob("*.json"))) == 2


def test_captures_turned_off_keep_nothing(tmp_path: Path):
    settings = demo_settings_in(tmp_path, str(demo_frame(tmp_path)), captures__enabled=False)
    source = LatestFrameSource(settings.camera.source, loop=True, fps=15.0).start()
    session = KioskSession.open(settings, model_path=bundled_model_path(), frames=source)
    try:
        run_until(session, lambda v: v.state is CheckoutState.READY)
        session.command(StaffPin("1234"))
        view = session.command(StaffRemoveLine("1015", 1))
        assert not settings.paths.captures_dir.exists()
        assert "removed 1" in view.overrides[-1]  # the correction itself still happened
    finally:
        source.stop()
        session.close()


def test_a_capture_that_cannot_be_written_never_stops_the_sale(tmp_path: Path, caplog):
    settings = demo_settings_in(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the captures folder should be")
    checkout, db = open_checkout(settings)
    recorder = CaptureRecorder(CaptureStore(blocked))
    checkout.on_capture = recorder
    try:
        dets = detections("cola-can", "apple")
        recorder.frame_seen(np.full((240, 320, 3), 90, np.uint8), dets)
        settle(checkout, dets, t=0.0)
        checkout.handle(StaffPin("1234"))
        view = checkout.handle(StaffRemoveLine("1015", 1))
        assert view.state is CheckoutState.HELP and "removed 1" in view.overrides[-1]
        assert "could not save the counter picture" in caplog.text
        view = checkout.handle(HelpDone())
        assert view.can_pay and view.basket.total_cents == 129
    finally:
        db.conn.close()


def effect(staff: str = "Ann", read=(("1001", 2),), corrected=(("1001", 1),)) -> CaptureCounter:
    return CaptureCounter(
        staff=staff,
        kiosk_id="kiosk/1",
        read=read,
        corrected=corrected,
        products=(("1001", "Fizz Cola can 330 ml", ("cola-can",)),),
        corrections=(f"{staff} removed 1 × Fizz Cola can 330 ml (1001)",),
    )


def seen(*labels: str) -> Detections:
    """Boxes as the kiosk's detector gives them: names are all the model's classes."""
    dets = detections(*labels)
    return Detections(dets.xyxy, dets.score, dets.class_id, dict(enumerate(DEMO_LABELS)))


def stored(root: Path, n: int, keep: int = 500) -> CaptureStore:
    store = CaptureStore(root, keep=keep)
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    image = np.zeros((240, 320, 3), np.uint8)
    cv2.rectangle(image, (40, 60), (140, 200), (0, 0, 255), -1)
    two_cans = seen("cola-can", "cola-can")
    for i in range(n):
        store.save(image, two_cans, effect(), now=start + timedelta(days=i))
    return store


def test_the_oldest_captures_go_beyond_keep_and_unfinished_pictures_are_cleared(tmp_path):
    store = stored(tmp_path, 5, keep=3)
    found, problems = store.captures()
    assert [c.date for c in found] == ["2026-11-22", "2026-11-23", "2026-11-24"]
    assert not problems and len(list(tmp_path.glob("*.jpg"))) == 3
    assert "kiosk_1" in found[0].id  # the kiosk id is made safe for a file name
    orphan = tmp_path / "20261101T000000Z-kiosk-1-aaaaaa.jpg"  # its JSON was never written
    orphan.write_bytes(b"")
    store.prune()
    assert orphan.exists()  # maybe still being written
    old = time.time() - 7200
    os.utime(orphan, (old, old))
    store.prune()
    assert not orphan.exists()


def test_a_broken_capture_is_reported_and_the_rest_still_read(tmp_path):
    store = stored(tmp_path, 2)
    first, second = sorted(tmp_path.glob("*.json"))
    first.write_text("{ half a record")
    second.with_suffix(".jpg").unlink()
    extra = stored(tmp_path / "more", 1)
    found, problems = store.captures()
    assert found == [] and len(problems) == 2
    assert "unreadable" in problems[0].reason and "picture" in problems[1].reason
    assert len(extra.captures()[0]) == 1


def test_export_writes_draft_labels_from_the_confident_boxes_and_a_review_sheet(tmp_path):
    store = stored(tmp_path / "captures", 2)
    found, _ = store.captures()
    capture = found[0]
    lines = yolo_lines(capture, accept_conf=0.5)
    cola = capture.names.index("cola-can")
    # detections() puts boxes at x 40-140 and 160-260, y 60-200, in a 320 x 240 picture
    assert lines == [
        f"{cola} 0.281250 0.541667 0.312500 0.583333",
        f"{cola} 0.656250 0.541667 0.312500 0.583333",
    ]
    assert yolo_lines(capture, accept_conf=0.95) == []

    out = tmp_path / "export"
    result = export_captures(found, out)
    assert len(result.written) == 2 and result.names == capture.names
    assert (out / "labels" / f"{capture.id}.txt").read_text().splitlines() == lines
    data = json.loads((out / "data.yaml").read_text())
    assert data["names"][cola] == "cola-can" and data["train"] == "images"
    rows = list(csv.DictReader((out / "review.csv").open(encoding="utf-8")))
    assert rows[0]["to_fix"] == "-1 Fizz Cola can 330 ml (1001)"
    assert rows[0]["camera_read"] == "2 × Fizz Cola can 330 ml (1001)"
    assert rows[0]["staff_made_it"] == "1 × Fizz Cola can 330 ml (1001)"

    # A reviewer fixes a label; the next export adds the new capture and keeps the fix.
    fixed = out / "labels" / f"{capture.id}.txt"
    fixed.write_text(lines[0] + "\n")
    store.save(np.zeros((240, 320, 3), np.uint8), seen("apple"), effect(staff="Bo"))
    found, _ = store.captures()
    again = export_captures(found, out)
    assert len(again.written) == 1 and len(again.already_there) == 2
    assert fixed.read_text() == lines[0] + "\n"
    assert len(list(csv.DictReader((out / "review.csv").open(encoding="utf-8")))) == 3


def test_export_leaves_out_captures_of_a_model_with_other_classes(tmp_path):
    store = stored(tmp_path / "captures", 1)
    other = detections("cola-can")  # its names: only the one class
    store.save(np.zeros((240, 320, 3), np.uint8), other, effect())
    found, _ = store.captures()
    result = export_captures(found, tmp_path / "export")  # the newest names the classes
    assert len(result.written) == 1 and result.names == ("cola-can",)
    assert result.skipped[0][1] == "made with a model that has other classes"


def test_kiosk_captures_list_and_export_from_the_command_line(tmp_path):
    data = tmp_path / "data"
    stored(data / "captures", 2)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[paths]\ndata_dir = "{data}"\n')
    listed = run_kiosk("--config", str(config), "captures", "list")
    assert listed.returncode == 0, listed.stderr
    assert "2 of 2 captures" in listed.stdout
    assert "Ann: -1 Fizz Cola can 330 ml (1001)" in listed.stdout
    recent = run_kiosk("--config", str(config), "captures", "list", "--since", "2026-11-21")
    assert "1 of 2 captures" in recent.stdout
    bad = run_kiosk("--config", str(config), "captures", "list", "--since", "21.11.2026")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr
    out = tmp_path / "review"
    exported = run_kiosk("--config", str(config), "captures", "export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "2 pictures written" in exported.stdout and "--extra" in exported.stdout
    assert len(list((out / "images").glob("*.jpg"))) == 2
