"""Measure the detector against its two yardsticks on the same frames in one run.

(a) the raw ``session.run`` loop on tensors prepared beforehand: the ceiling;
(b) our :class:`~kiosk.detector.Detector` end to end, split into pre / infer / post;
(c) Ultralytics' ``YOLO(onnx).predict`` on the same ONNX (or a ``reference`` fp32 model when
    (b) runs an INT8 one), when ultralytics is installed (the ``train`` extra).

The three take turns frame by frame so that load from other processes, which a shared
machine always has, hits them alike.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import onnxruntime as ort

from kiosk.detector import Detector
from kiosk.providers import session_options

SYNTHETIC_SHAPE = (720, 1280)


@dataclass(frozen=True)
class Latency:
    """Per-frame seconds of one contender, summarised."""

    fps: float
    mean_ms: float
    p50_ms: float
    p95_ms: float

    @classmethod
    def of(cls, seconds: list[float]) -> Latency:
        ms = np.asarray(seconds) * 1000.0
        return cls(
            fps=round(1000.0 / float(ms.mean()), 2),
            mean_ms=round(float(ms.mean()), 3),
            p50_ms=round(float(np.percentile(ms, 50)), 3),
            p95_ms=round(float(np.percentile(ms, 95)), 3),
        )


@dataclass(frozen=True)
class BenchReport:
    """Everything ``kiosk bench`` prints; ``to_json`` is the ``--json`` object."""

    model: str
    reference: str | None
    imgsz: list[int]
    providers: list[str]
    frames: int
    rounds: int
    ort: Latency
    ours: Latency
    ultralytics: Latency | None
    pre_ms: float
    infer_ms: float
    post_ms: float
    clock: str = "wall"
    notes: list[str] = field(default_factory=list)

    @property
    def pre_post_share(self) -> float:
        """Pre- plus post-processing time as a fraction of ``session.run`` time."""
        return self.pre_ms / self.infer_ms + self.post_ms / self.infer_ms

    def to_json(self) -> dict[str, object]:
        ultra = self.ultralytics
        return {
            "model": self.model,
            "reference": self.reference,
            "imgsz": self.imgsz,
            "providers": self.providers,
            "frames": self.frames,
            "rounds": self.rounds,
            "clock": self.clock,
            "ort_fps": self.ort.fps,
            "ours_fps": self.ours.fps,
            "ultralytics_fps": ultra.fps if ultra else None,
            "ours_vs_ultralytics": round(self.ours.fps / ultra.fps, 3) if ultra else None,
            "ours_vs_ort": round(self.ours.fps / self.ort.fps, 3),
            "pre_ms": round(self.pre_ms, 3),
            "infer_ms": round(self.infer_ms, 3),
            "post_ms": round(self.post_ms, 3),
            "pre_post_share": round(self.pre_post_share, 4),
            "ort": asdict(self.ort),
            "ours": asdict(self.ours),
            "ultralytics": asdict(ultra) if ultra else None,
            "notes": self.notes,
        }


def synthetic_frames(count: int, shape: tuple[int, int] = SYNTHETIC_SHAPE) -> list[np.ndarray]:
    """Deterministic counter-like frames for when no video is at hand."""
    rng = np.random.default_rng(0)
    frames = []
    for _ in range(count):
        frame = np.full((*shape, 3), rng.integers(60, 200), np.uint8)
        for _ in range(6):
            y, x = rng.integers(0, shape[0] - 100), rng.integers(0, shape[1] - 100)
            frame[y : y + 100, x : x + 100] = rng.integers(0, 256, 3, dtype=np.uint8)
        frames.append(frame)
    return frames


def source_frames(source: str | None, count: int, step: int = 1) -> list[np.ndarray]:
    """``count`` frames from a source, every ``step``-th (looping short sources), or
    synthetic ones without a source. A step spreads them over a video's scenes."""
    if not source:
        return synthetic_frames(count)
    from kiosk.camera import iter_frames

    frames = []
    for position, frame in enumerate(iter_frames(source, loop=True)):
        if position % step:
            continue
        frames.append(np.array(frame.image))
        if len(frames) >= count:
            break
    return frames


def run_bench(
    detector: Detector,
    frames: list[np.ndarray],
    *,
    reference: Path | None = None,
    rounds: int = 3,
    use_ultralytics: bool = True,
    clock: str = "wall",
) -> BenchReport:
    """Time (a), (b) and (c) over ``frames`` in ``rounds`` alternating passes."""
    tensors = [prepared_tensor(detector, frame) for frame in frames]
    ultra = None
    if use_ultralytics:
        ultra = ultralytics_predictor(reference or detector.model_path, detector)
    feed = detector.info.input_name
    ort_s: list[float] = []
    ours_s: list[float] = []
    ultra_s: list[float] = []
    stages = np.zeros(3)
    for _ in range(rounds):
        for frame, tensor in zip(frames, tensors, strict=True):
            # Interleaved frame by frame: bursts of load from other processes hit all alike.
            ort_s.append(timed(detector.session.run, None, {feed: tensor}, clock=clock))
            ours_s.append(timed(detector.detect, frame, clock=clock))
            timing = detector.last_timing
            stages += (timing.pre, timing.infer, timing.post)
            if ultra:
                ultra_s.append(timed(ultra, frame, clock=clock))
    pre, infer, post = stages / (rounds * len(frames)) * 1000.0
    return BenchReport(
        model=str(detector.model_path),
        reference=str(reference) if reference else None,
        imgsz=list(detector.imgsz),
        providers=detector.providers,
        frames=len(frames),
        rounds=rounds,
        ort=Latency.of(ort_s),
        ours=Latency.of(ours_s),
        ultralytics=Latency.of(ultra_s) if ultra_s else None,
        pre_ms=float(pre),
        infer_ms=float(infer),
        post_ms=float(post),
        clock=clock,
        notes=[] if ultra else ["ultralytics not installed (or disabled): no comparison"],
    )


def prepared_tensor(detector: Detector, frame: np.ndarray) -> np.ndarray:
    detector.letterbox(frame)
    return detector.letterbox.tensor.copy()


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def timed(call: Callable[..., object], *args: object, clock: str = "wall") -> float:
    """Seconds ``call`` took: wall time, or this process's CPU time (``cpu``), which on a
    machine shared with other jobs measures the work rather than the waiting."""
    now = CLOCKS[clock]
    start = now()
    call(*args)
    return now() - start


def ultralytics_predictor(model: Path, detector: Detector) -> Callable[[np.ndarray], object] | None:
    """``YOLO(model).predict`` as a one-frame call, warmed up; None without ultralytics.

    Its ONNX Runtime session (and torch) get the detector's thread count, so that a
    ``--threads`` comparison is like for like.
    """
    try:
        import torch
        from ultralytics import YOLO
        from ultralytics.utils import LOGGER
    except ImportError:
        return None
    LOGGER.setLevel(logging.WARNING)  # its "Loading ..." lines would corrupt --json on stdout
    threads = detector.session.get_session_options().intra_op_num_threads
    if threads > 0:
        torch.set_num_threads(threads)
    yolo = YOLO(str(model), task="detect")
    options = {"conf": detector.conf, "imgsz": list(detector.imgsz), "verbose": False}

    def predict(frame: np.ndarray) -> object:
        return yolo.predict(frame, **options)

    with _session_threads(threads):  # the session is created by the first predict
        predict(np.zeros((*SYNTHETIC_SHAPE, 3), np.uint8))
    return predict


@contextlib.contextmanager
def _session_threads(threads: int) -> Iterator[None]:
    """Sessions created meanwhile without options (Ultralytics') get the kiosk's settings.

    Same thread count, and no spinning: a session whose idle threads spin steals the cores
    from whichever session runs next in the interleaved loop, which skews every ratio.
    """
    original = ort.InferenceSession

    def session(path: object, sess_options: object = None, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        if sess_options is None:
            sess_options = session_options(threads)
        return original(path, sess_options, *args, **kw)  # type: ignore[arg-type]

    ort.InferenceSession = session  # type: ignore[assignment, misc]
    try:
        yield
    finally:
        ort.InferenceSession = original  # type: ignore[misc]


def format_report(report: BenchReport) -> str:
    """The human-readable table ``kiosk bench`` prints."""
    rows = [("session.run only", report.ort), ("kiosk detector", report.ours)]
    if report.ultralytics:
        rows.append(("ultralytics predict", report.ultralytics))
    lines = [
        f"model {report.model}  input {report.imgsz[0]}x{report.imgsz[1]}  "
        f"{', '.join(report.providers)}  {report.frames} frames x {report.rounds} rounds",
        f"{'':22}{'fps':>9}{'mean ms':>10}{'p50 ms':>10}{'p95 ms':>10}",
    ]
    for name, lat in rows:
        lines.append(
            f"{name:22}{lat.fps:9.1f}{lat.mean_ms:10.2f}{lat.p50_ms:10.2f}{lat.p95_ms:10.2f}"
        )
    lines.append(
        f"detector stages: pre {report.pre_ms:.2f} ms, infer {report.infer_ms:.2f} ms, "
        f"post {report.post_ms:.2f} ms; pre+post = {report.pre_post_share:.1%} of session.run"
    )
    data = report.to_json()
    if data["ours_vs_ultralytics"] is not None:
        lines.append(f"kiosk detector / ultralytics: {data['ours_vs_ultralytics']:.2f}x")
    lines.append(f"kiosk detector / session.run ceiling: {data['ours_vs_ort']:.2f}x")
    lines.extend(f"note: {note}" for note in report.notes)
    return "\n".join(lines)
