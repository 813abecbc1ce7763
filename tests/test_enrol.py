"""Views of a product taken at the counter: cut out against the empty counter, stored in the
format the enrolment pipeline reads.

Real pictures: the demo's rendered products laid on textured counters (wood grain, tiles), with
camera noise between the two pictures, as a real camera gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.enrol import EnrolError, EnrolStore, cut_out, label_for, product_mask
from models.synth.counters import _granite, _tiles, _wood
from models.synth.exemplars import load_products

EXEMPLARS = Path(__file__).resolve().parents[1] / "models" / "demo" / "exemplars"


def counter(kind, seed: int = 0) -> np.ndarray:
    """A 640 x 480 counter top as a camera gives it (BGR, 8 bits)."""
    return (kind(np.random.default_rng(seed), 480, 640) * 255).astype(np.uint8)


def camera_noise(image: np.ndarray, seed: int) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, 3, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def put_down(empty: np.ndarray, label: str, at: tuple[int, int], view: int = 0):
    """The counter with the product's view on it; and where its pixels are (the truth)."""
    product = cv2.imread(str(EXEMPLARS / label / f"{view:02d}.png"), cv2.IMREAD_UNCHANGED)
    h, w = product.shape[:2]
    x, y = at
    frame = empty.copy()
    alpha = product[:, :, 3:] / 255.0
    patch = frame[y : y + h, x : x + w]
    frame[y : y + h, x : x + w] = (product[:, :, :3] * alpha + patch * (1 - alpha)).astype(np.uint8)
    truth = np.zeros(empty.shape[:2], bool)
    truth[y : y + h, x : x + w] = product[:, :, 3] > 128
    return frame, truth, (x, y, w, h)


def with_shadow(empty: np.ndarray, label: str, at: tuple[int, int], strength: float = 0.55):
    """The counter darkened where the product's shadow falls (down and right, soft)."""
    product = cv2.imread(str(EXEMPLARS / label / "00.png"), cv2.IMREAD_UNCHANGED)
    (x, y), (h, w) = at, product.shape[:2]
    shade = np.zeros(empty.shape[:2], np.float32)
    shade[y + 12 : y + 12 + h, x + 10 : x + 10 + w] = product[:, :, 3] / 255.0
    shade = cv2.GaussianBlur(shade, (0, 0), 6)
    return np.clip(empty * (1 - strength * shade[..., None]), 0, 255).astype(np.uint8)


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / (a | b).sum())


@pytest.mark.parametrize(
    ("kind", "label"),
    [(_wood, "cola-can"), (_tiles, "crisps-paprika"), (_wood, "tea-box"), (_tiles, "apple")],
)
def test_the_view_is_the_product_cut_out_of_the_counter(kind, label) -> None:
    empty = counter(kind)
    frame, truth, (_, _, w, h) = put_down(empty, label, (250, 180))
    frame, empty = camera_noise(frame, 1), camera_noise(empty, 2)
    found = product_mask(frame, empty)
    assert iou(found, truth) > 0.9
    view = cut_out(frame, empty)
    ys, xs = np.nonzero(found)
    assert view.shape == (np.ptp(ys) + 1, np.ptp(xs) + 1, 4)  # tight around it
    assert abs(view.shape[1] - w) <= 4 and abs(view.shape[0] - h) <= 4
    assert (view[:, :, 3] > 128).sum() == pytest.approx(found.sum(), rel=0.01)  # soft edge


@pytest.mark.parametrize("label", ["tea-box", "crisps-salted", "cereal-box"])
def test_the_products_shadow_is_left_on_the_counter(label) -> None:
    empty = counter(_granite)  # a light counter, where a shadow shows most
    frame, truth, _ = put_down(with_shadow(empty, label, (250, 180)), label, (250, 180))
    frame, empty = camera_noise(frame, 1), camera_noise(empty, 2)
    assert iou(product_mask(frame, empty), truth) > 0.92
    assert iou(product_mask(frame, empty, shadows=False), truth) < 0.85  # what it would be


def test_an_unchanged_counter_and_a_changed_light_are_refused_with_what_to_do() -> None:
    empty = counter(_wood)
    with pytest.raises(EnrolError, match="put the product down"):
        cut_out(camera_noise(empty, 1), camera_noise(empty, 2))
    darker = (empty * 0.6).astype(np.uint8)
    with pytest.raises(EnrolError, match="the light changed"):
        cut_out(darker, empty)
    with pytest.raises(EnrolError, match="picture size changed"):
        cut_out(empty[:240], empty)


def test_views_are_numbered_with_the_products_size_and_load_for_training(tmp_path: Path) -> None:
    store = EnrolStore(tmp_path / "enrol")
    empty = counter(_wood)
    for i, spot in enumerate([(100, 100), (300, 200), (400, 60)]):
        frame, _, _ = put_down(empty, "cola-can", spot, view=i)
        view = store.add("fizz-cola-can-500-ml", cut_out(frame, empty), length_mm=168)
        assert view.count == i + 1 and view.path.name == f"{i:02d}.png"
    meta = json.loads((tmp_path / "enrol" / "fizz-cola-can-500-ml" / "product.json").read_text())
    assert meta == {"label": "fizz-cola-can-500-ml", "length_mm": 168.0}
    products = load_products(tmp_path / "enrol")  # what models.build reads
    (views,) = products.views.values()
    assert len(views) == 3 and all(v.image.shape[2] == 4 for v in views)
    longest = max(views[0].image.shape[:2])
    assert views[0].px_per_mm == pytest.approx(longest / 168)
    thumbnails = store.thumbnails("fizz-cola-can-500-ml", side=32)
    assert [name for name, _ in thumbnails] == ["00.png", "01.png", "02.png"]
    assert all(max(small.shape[:2]) == 32 and small.shape[2] == 4 for _, small in thumbnails)
    store.remove("fizz-cola-can-500-ml", "01.png")
    for wrong in ("01.png", "../product.json", "product.json"):
        with pytest.raises(EnrolError, match="has no view"):
            store.remove("fizz-cola-can-500-ml", wrong)
    next_view = store.add("fizz-cola-can-500-ml", view.cutout, length_mm=168)
    assert next_view.path.name == "03.png" and next_view.count == 3  # no name taken twice
    assert store.forget("fizz-cola-can-500-ml") == 3 and store.views("fizz-cola-can-500-ml") == []
    with pytest.raises(EnrolError, match="measure the product"):
        store.add("x", view.cutout, length_mm=0)
    with pytest.raises(EnrolError, match="cannot name a folder"):
        store.add("../up", view.cutout, length_mm=100)


def test_views_are_filed_under_the_products_label_or_its_name() -> None:
    assert label_for("Fizz Cola can 330 ml", ("cola-can", "cola-side")) == "cola-can"
    assert label_for("Fizz Cola can 500 ml") == "fizz-cola-can-500-ml"
    assert label_for("Café & Crème 250 g") == "cafe-creme-250-g"
    assert label_for("!!!") == "product"


def test_views_from_the_counter_join_the_rendered_ones_in_one_training_set(tmp_path: Path) -> None:
    from models.synth.dataset import labels_from_catalog

    store = EnrolStore(tmp_path / "enrol")
    empty = counter(_tiles)
    for view in range(2):  # two more views of the jam jar, and a new product
        frame, _, _ = put_down(empty, "jam-jar", (200, 150), view)
        store.add("jam-jar", cut_out(frame, empty), length_mm=95)
    frame, _, _ = put_down(empty, "orange", (300, 100))
    store.add("blood-orange", cut_out(frame, empty), length_mm=80)
    labels = [*labels_from_catalog(EXEMPLARS.parent / "demo_catalog.csv"), "blood-orange"]
    products = load_products([EXEMPLARS, tmp_path / "enrol"], labels)
    assert products.labels[-1] == "blood-orange" and len(products.labels) == 17
    assert len(products.views["jam-jar"]) == 8 + 2
    assert len(products.views["blood-orange"]) == 1 and len(products.views["cola-can"]) == 8
    counter_views = products.views["jam-jar"][8:]
    assert all(v.px_per_mm == pytest.approx(max(v.image.shape[:2]) / 95) for v in counter_views)


def test_kiosk_enrol_lists_and_forgets_views(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import main
    from kiosk.config import load_settings

    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "kiosk"))
    assert main(["enrol", "list"]) == 0
    assert "no views in" in capsys.readouterr().out
    store = EnrolStore(load_settings(None).paths.enrol_dir)
    empty = counter(_wood)
    for view in range(3):
        frame, _, _ = put_down(empty, "honey-jar", (100 + 50 * view, 120), view)
        store.add("honey-jar", cut_out(frame, empty), length_mm=98)
    assert main(["enrol", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["honey-jar", "3", "views", "98", "mm", "(take", "5", "more)"]
    assert out[1].startswith(f"1 products in {store.root}; train with them")
    assert main(["enrol", "list", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row == {"label": "honey-jar", "views": 3, "length_mm": 98.0,
                   "folder": str(store.root / "honey-jar")}  # fmt: skip
    assert main(["enrol", "forget", "honey-jar"]) == 0
    assert "removed 3 views of honey-jar" in capsys.readouterr().out
    assert main(["enrol", "forget", "honey-jar"]) == 1
    assert store.labels() == []
