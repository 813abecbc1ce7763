"""The counter region: items beside the counter (the bagging shelf) are neither sold nor doubts.

Real parts: the bundled model on a frame of the demo video, the kiosk's worker session and
checkout on a demo catalog, the ``kiosk camera check`` command.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.checkout_values import CheckoutState
from kiosk.cli import main
from kiosk.config import bundled_model_path, load_settings
from kiosk.config_schema import Settings
from kiosk.counter_region import CounterRegion
from kiosk.detector import Detector
from kiosk.errors import KioskError
from kiosk.watchdog import LatestFrameSource
from tests.test_captures import SCENE, demo_frame, run_until
from tests.ui_support import demo_settings_in, detections
from ui.session import KioskSession


def test_a_region_is_four_fractions_or_nothing() -> None:
    assert CounterRegion.parse("") is None and CounterRegion.parse("  ") is None
    region = CounterRegion.parse("0.05, 0, 0.95, 1")
    assert region == CounterRegion(0.05, 0.0, 0.95, 1.0)
    assert region.pixels(640, 480) == (32, 0, 608, 480)
    for bad, why in (("0,0,1", "four fractions"), ("a,b,c,d", "four fractions"),
                     ("0.5,0,0.4,1", "left < right"), ("0,0,1,1.2", "bottom <= 1")):  # fmt: skip
        with pytest.raises(ValueError, match=why):
            CounterRegion.parse(bad)


def test_a_bad_region_in_the_settings_is_named(tmp_path: Path) -> None:
    with pytest.raises(KioskError, match=r"camera.region .* four fractions"):
        load_settings(None, overrides={"camera.region": "left half"}, environ={})


def test_only_items_centred_on_the_counter_are_kept() -> None:
    # detections() puts boxes at x 40-140, 160-260, 280-380 (centres 90, 210, 330), y 60-200
    found = detections("cola-can", "apple", "orange")
    region = CounterRegion.parse("0,0,0.5,1")  # the left half of a 640-wide picture: x <= 320
    assert region.keep(found, 640, 480).labels == ["cola-can", "apple"]
    assert region.keep(detections(), 640, 480).labels == []


def centre_x(image: np.ndarray, label: str) -> float:
    found = Detector(bundled_model_path()).detect(image)
    (box,) = [b for b, lab, s in zip(found.xyxy, found.labels, found.score, strict=True)
              if lab == label and s >= 0.5]  # fmt: skip
    return float(box[0] + box[2]) / 2 / image.shape[1]


def without_the_apple(frame: Path) -> str:
    """A counter region that ends between the cola can and the apple: the apple lies on the
    shelf beside the counter."""
    image = cv2.imread(str(frame))
    apple_x, cola_x = centre_x(image, "apple"), centre_x(image, "cola-can")
    cut = (apple_x + cola_x) / 2
    return f"{cut:.3f},0,1,1" if apple_x < cola_x else f"0,0,{cut:.3f},1"


def test_the_kiosk_sells_only_what_lies_on_the_counter(tmp_path: Path) -> None:
    frame = demo_frame(tmp_path)
    region = without_the_apple(frame)
    settings: Settings = demo_settings_in(tmp_path, str(frame), camera__region=region)
    source = LatestFrameSource(settings.camera.source, loop=True, fps=15.0).start()
    session = KioskSession.open(settings, model_path=bundled_model_path(), frames=source)
    try:
        view = run_until(session, lambda v: v.state is CheckoutState.READY)
        sold = {line.sku: line.quantity for line in view.basket.lines}
        assert sold == {sku: q for sku, q in SCENE.items() if sku != "1015"}  # no apple
        assert not view.basket.doubts
    finally:
        source.stop()
        session.close()


def test_camera_check_frames_the_counter_and_names_what_lies_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = demo_frame(tmp_path)
    region = without_the_apple(frame)
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KIOSK_CAMERA_REGION", region)
    snapshot = tmp_path / "aim.png"
    capsys.readouterr()
    assert main(["camera", "check", str(frame), "--detect", "--snapshot", str(snapshot)]) == 0
    out = capsys.readouterr().out
    assert "sees apple" in out and "outside the counter region: ignored" in out
    assert out.count("ignored") == 1
    assert main(["camera", "check", str(frame), "--detect", "--json"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    outside = [d["label"] for d in report["detections"] if not d["on_counter"]]
    assert outside == ["apple"]
    yellow = np.all(cv2.imread(str(snapshot)) == (0, 220, 255), axis=2)
    assert yellow.sum() > 500  # the counter's frame is drawn on the picture


def test_the_screen_dims_what_lies_beyond_the_counter(qtbot, tmp_path: Path) -> None:
    from tests.test_ui_worker import start, stop
    from ui.app import build_kiosk

    frame = demo_frame(tmp_path)
    settings = demo_settings_in(tmp_path, str(frame), camera__region="0.5,0,1,1")
    kiosk = build_kiosk(settings, model_path=bundled_model_path())
    window = start(qtbot, kiosk)
    try:
        video = window.video
        qtbot.waitUntil(lambda: video.frames_drawn > 2, timeout=10_000)

        def halves() -> tuple[float, float]:
            """Mean brightness of the picture's left and right halves, as drawn."""
            video.repaint()
            path = tmp_path / "shot.png"
            video.grab().save(str(path))
            drawn = cv2.imread(str(path)).astype(float)
            area = video.image_rect()
            inside = drawn[area.top() : area.bottom(), area.left() : area.right()]
            middle = inside.shape[1] // 2
            return float(inside[:, : middle - 10].mean()), float(inside[:, middle + 10 :].mean())

        dim_left, dim_right = halves()
        video.set_region(None)
        plain_left, plain_right = halves()
        assert dim_left < 0.6 * plain_left  # beyond the counter: shaded
        assert abs(dim_right - plain_right) < 0.05 * plain_right  # the counter: as it is
    finally:
        stop(kiosk)
