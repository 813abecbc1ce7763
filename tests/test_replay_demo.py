"""The demo video through the real engine: the basket matches the ground-truth script.

``tests/data/demo_video_detections.jsonl`` is the bundled model's output on the demo video,
made with ``kiosk detect models/demo/demo_video.mp4 --jsonl tests/data/demo_video_detections.jsonl``
(regenerate it whenever ``models/demo/demo.onnx`` changes; a test below notices when it is
stale). ``models/demo/demo_video_script.json`` lists the settled moments: time spans with no
hand in view and the items then on the counter. Each begins 0.3 s after the hand has left;
the engine counts an item once it has held still for ``checkout.settle_seconds`` (0.6 s), so
each moment is checked from ``start + 0.3 s`` on (``LATENCY_S``) to its end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from catalog.db import connect
from catalog.demo import seed_demo
from kiosk.checkout import Checkout, CheckoutState, FrameSeen, Tick
from kiosk.cli.replay_cmd import RecordedFrame, read_recording
from kiosk.config import bundled_model_path, demo_catalog_path, demo_video_path
from kiosk.detections import Detections, iou_matrix

DATA = Path(__file__).parent / "data"
RECORDING = DATA / "demo_video_detections.jsonl"
SCRIPT = demo_video_path().with_name("demo_video_script.json")
AGE_RESTRICTED = {"wine-bottle", "beer-bottle"}
ACCEPT, DOUBT = 0.5, 0.25  # the default detector.accept_conf and doubt_conf
# Measured with the bundled model when the recording was made (update both together).
MIN_EXACT_MOMENTS = 24  # the shipped model: all 24 at 30 and at 10 frames/s
MIN_SEEN_MOMENTS = 24
LATENCY_S = 0.6 - 0.3  # settle_seconds after the hand leaves, minus the script's own margin


@dataclass(frozen=True)
class Moment:
    """The engine's basket at one frame."""

    t: float
    state: CheckoutState
    items: dict[str, int]
    doubts: tuple[str, ...]


def need(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"demo assets not built yet: {', '.join(missing)}")


def run_engine(frames: Iterable[RecordedFrame], tmp_path: Path) -> list[Moment]:
    db = connect(tmp_path / "demo.db")
    seed_demo(db, demo_catalog_path())
    checkout = Checkout(db, receipts_dir=None)
    moments = []
    for frame in frames:
        checkout.handle(FrameSeen(Detections.from_json(frame.rows), frame.t, frame.frame))
        view = checkout.handle(Tick(frame.t))
        items: dict[str, int] = {}
        for line in view.basket.lines:
            items[line.label] = items.get(line.label, 0) + line.quantity
        doubts = tuple(f"{d.kind.value}:{d.label}" for d in view.basket.doubts)
        moments.append(Moment(frame.t, view.state, items, doubts))
    db.close()
    return moments


def expected_state(items: dict[str, int]) -> CheckoutState:
    if not items:
        return CheckoutState.WELCOME
    return CheckoutState.BLOCKED if AGE_RESTRICTED & set(items) else CheckoutState.READY


def detector_right(frame: RecordedFrame, items: dict[str, int]) -> bool:
    """The raw detections alone read the counter right: the boxes at or above accept_conf
    count it exactly, and every unsure box lies on one of them (a second guess)."""
    sure = [r for r in frame.rows if float(r["score"]) >= ACCEPT]
    unsure = [r for r in frame.rows if DOUBT <= float(r["score"]) < ACCEPT]
    counts: dict[str, int] = {}
    for row in sure:
        counts[str(row["label"])] = counts.get(str(row["label"]), 0) + 1
    sure_boxes = np.array([r["box"] for r in sure], np.float32).reshape(-1, 4)
    unsure_boxes = np.array([r["box"] for r in unsure], np.float32).reshape(-1, 4)
    on_a_sure_box = (iou_matrix(unsure_boxes, sure_boxes) >= 0.5).any(axis=1)
    return counts == items and bool(on_a_sure_box.all())


def compare(
    moments: list[Moment],
    script: list[dict],
    frames: list[RecordedFrame],
    latency: float = LATENCY_S,
) -> list[dict]:
    """Per settled moment of the script: how many frames the engine got exactly right, and
    in how many of them the detector alone was right (what the engine had to work with)."""
    report = []
    for seg in script:
        pairs = [(m, f) for m, f in zip(moments, frames, strict=True)
                 if seg["start"] + latency <= m.t <= seg["end"]]  # fmt: skip
        inside = [m for m, _ in pairs]
        raw_good = sum(detector_right(f, seg["items"]) for _, f in pairs)
        want = expected_state(seg["items"])
        good = [m for m in inside if m.items == seg["items"] and not m.doubts and m.state is want]
        wrong = [m for m in inside if m not in good]
        report.append({
            "start": seg["start"], "end": seg["end"], "frames": len(inside), "good": len(good),
            "detector_good": raw_good,
            "want": seg["items"], "first_wrong": None if not wrong else
            {"t": wrong[0].t, "state": wrong[0].state.value, "items": wrong[0].items,
             "doubts": wrong[0].doubts},
        })  # fmt: skip
    return report


def summary(report: list[dict]) -> str:
    frames = sum(r["frames"] for r in report)
    good = sum(r["good"] for r in report)
    raw = sum(r["detector_good"] for r in report)
    exact = sum(r["good"] == r["frames"] for r in report)
    lines = [
        f"engine: {exact}/{len(report)} settled moments exact, {good}/{frames} frames right; "
        f"detector alone: {raw}/{frames} frames right"
    ]
    lines += [json.dumps(r) for r in report if r["good"] != r["frames"]]
    return "\n".join(lines)


def script() -> list[dict]:
    return json.loads(SCRIPT.read_text(encoding="utf-8"))


def replayed(tmp_path: Path, every: int) -> list[dict]:
    need(RECORDING, SCRIPT)
    frames = [f for f in read_recording(RECORDING) if f.frame % every == 0]
    report = compare(run_engine(frames, tmp_path), script(), frames)
    print(summary(report))
    assert len(report) == len(script()) and all(r["frames"] > 0 for r in report)
    return report


@pytest.mark.parametrize("every", [1, 3], ids=["30fps", "10fps"])
def test_engine_is_exact_wherever_the_detector_sees_the_basket(tmp_path: Path, every: int):
    """Engine errors, not model errors: where the raw detections are right in at least 80 %
    of the frames of a settled moment (the tracker's agreement share), the settled basket
    and state must be right in every frame of it."""
    report = replayed(tmp_path, every)
    seen = [r for r in report if r["detector_good"] >= 0.8 * r["frames"]]
    assert len(seen) >= MIN_SEEN_MOMENTS
    assert all(r["good"] == r["frames"] for r in seen), summary(seen)


@pytest.mark.parametrize("every", [1, 3], ids=["30fps", "10fps"])
def test_demo_video_basket_matches_the_script(tmp_path: Path, every: int) -> None:
    """End to end (model + engine): settled moments reproduced exactly, at least as many as
    the bundled model achieved when the recording was made (see the printed report)."""
    report = replayed(tmp_path, every)
    assert sum(r["good"] == r["frames"] for r in report) >= MIN_EXACT_MOMENTS, summary(report)


def test_recording_is_from_the_current_model(tmp_path: Path) -> None:
    need(RECORDING, bundled_model_path(), demo_video_path())
    from kiosk.camera import iter_frames
    from kiosk.detector import Detector

    recorded = {f.frame: f for f in read_recording(RECORDING) if f.rows}
    wanted = sorted(recorded)[:: max(1, len(recorded) // 4)][:4]
    detector = Detector(bundled_model_path(), conf=0.25)
    checked = 0
    for frame in iter_frames(str(demo_video_path())):
        if frame.index in wanted:
            got, rows = detector.detect(frame.image), recorded[frame.index].rows
            assert got.labels == [r["label"] for r in rows], f"frame {frame.index}"
            boxes = np.array([r["box"] for r in rows], np.float32)
            np.testing.assert_allclose(got.xyxy, boxes, atol=0.6)
            np.testing.assert_allclose(got.score, [r["score"] for r in rows], atol=2e-3)
            checked += 1
        if frame.index >= wanted[-1]:
            break
    assert checked == len(wanted) == 4


@pytest.mark.slow
def test_live_detector_on_the_demo_video_at_10_fps(tmp_path: Path) -> None:
    """The whole chain on real decoded frames: video -> ONNX detector -> engine."""
    need(bundled_model_path(), demo_video_path(), SCRIPT)
    from kiosk.camera import iter_frames
    from kiosk.detector import Detector

    detector = Detector(bundled_model_path(), conf=0.25)
    frames = [
        RecordedFrame(f.index, f.t, detector.detect(f.image).to_json())
        for f in iter_frames(str(demo_video_path()))
        if f.index % 3 == 0
    ]
    report = compare(run_engine(frames, tmp_path), script(), frames)
    print(summary(report))
    assert sum(r["good"] == r["frames"] for r in report) >= MIN_EXACT_MOMENTS, summary(report)
