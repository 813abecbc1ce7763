"""The pipeline on a real video and a real ONNX model: newest frame only, results, timings."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.basket import BasketTracker, TrackedBasket
from kiosk.camera import LatestFrameSource
from kiosk.config import bundled_model_path
from kiosk.detector import Detector
from kiosk.pipeline import Pipeline, PipelineResult, Timings

GOLDEN = Path(__file__).parent / "golden"
FRAMES = 40


def model_path() -> Path:
    """The demo model once it ships; until then the small golden test model."""
    demo = bundled_model_path()
    return demo if demo.is_file() else GOLDEN / "models" / "tiny_e2e.onnx"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(model_path(), providers="cpu", conf=0.1, threads=1)


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real mp4 of a golden test image drifting sideways, one pixel column per frame."""
    image = cv2.imread(str(GOLDEN / "images" / "landscape_640x480.png"))
    path = tmp_path_factory.mktemp("pipeline") / "counter.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 30, (640, 480))
    for i in range(FRAMES):
        writer.write(np.roll(image, 4 * i, axis=1))
    writer.release()
    return path


def test_results_unpack_and_match_the_detector(video: Path, detector: Detector) -> None:
    with LatestFrameSource(str(video), loop=False) as source:
        pipeline = Pipeline(source, detector)
        for frame, detections, timings in pipeline.results(limit=3):
            again = detector.detect(frame.image)
            np.testing.assert_allclose(detections.xyxy, again.xyxy, atol=1e-4)
            np.testing.assert_array_equal(detections.class_id, again.class_id)
            assert isinstance(timings, Timings)
    assert pipeline.inferred == 3


def test_slow_consumer_skips_to_the_newest_frame(video: Path, detector: Detector) -> None:
    slow = lambda frame, detections: time.sleep(0.15)  # noqa: E731  (a slow basket step)
    with LatestFrameSource(str(video), loop=False) as source:
        pipeline = Pipeline(source, detector, step=slow)
        indices = [r.frame.index for r in pipeline.results()]
    assert indices == sorted(set(indices))
    assert indices[-1] == FRAMES - 1  # the last frame is never lost
    assert len(indices) < FRAMES * 0.6  # about one in five at 30 fps with 150 ms per frame
    assert pipeline.skipped == indices[-1] - indices[0] - (len(indices) - 1)
    assert pipeline.skipped > 0


def test_realtime_video_runs_to_its_last_frame(video: Path, detector: Detector) -> None:
    with LatestFrameSource(str(video), loop=False, realtime=True) as source:
        pipeline = Pipeline(source, detector)
        results = list(pipeline.results())
    assert results[-1].frame.index == FRAMES - 1
    assert len(results) + pipeline.skipped == FRAMES - results[0].frame.index


def test_step_outcome_is_the_basket(video: Path, detector: Detector) -> None:
    tracker = BasketTracker()
    step = lambda frame, dets: tracker.update(dets, frame.t, frame.index)  # noqa: E731
    with LatestFrameSource(str(video), loop=False) as source:
        results = list(Pipeline(source, detector, step=step).results(limit=5))
    assert len(results) == 5
    assert all(isinstance(r.outcome, TrackedBasket) for r in results)


def test_timings_add_up(video: Path, detector: Detector) -> None:
    with LatestFrameSource(str(video), loop=False) as source:
        result = Pipeline(source, detector).next_result(timeout=5)
    assert isinstance(result, PipelineResult)
    t = result.timings
    assert min(t.wait, t.detect, t.step, t.latency, t.pre, t.infer, t.post) >= 0
    assert t.infer > 0
    assert t.pre + t.infer + t.post <= t.detect + 1e-3
    assert t.latency >= t.detect


def test_stop_event_ends_results_promptly(video: Path, detector: Detector) -> None:
    stop = threading.Event()
    with LatestFrameSource(str(video), loop=True) as source:
        pipeline = Pipeline(source, detector)
        threading.Timer(0.3, stop.set).start()
        start = time.monotonic()
        count = sum(1 for _ in pipeline.results(stop=stop, poll_seconds=0.05))
        assert time.monotonic() - start < 3
    assert count >= 1


def test_no_results_while_the_camera_is_away(detector: Detector) -> None:
    def unplugged():
        raise OSError("camera 0 unplugged")

    with LatestFrameSource("0", opener=unplugged, backoff_max=0.1) as source:
        pipeline = Pipeline(source, detector)
        assert pipeline.next_result(timeout=0.3) is None
        assert source.state in ("reconnecting", "failed")
    assert pipeline.inferred == 0
