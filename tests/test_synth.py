"""The scene generator labels exactly what it drew: tight visible boxes, hidden items dropped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from models.synth.dataset import labels_from_catalog
from models.synth.exemplars import ProductFolderError, auto_cut, load_products
from models.synth.layers import Layer, composite, owned_by, visible_box
from models.synth.products import DEMO_LABELS, DEMO_PRODUCTS, render_view, write_demo_exemplars
from models.synth.scene import INDEPENDENT_STYLE, TRAIN_STYLE, compose_scene

DEMO = Path(__file__).resolve().parent.parent / "models" / "demo"


@pytest.fixture(scope="module")
def products():
    return load_products(DEMO / "exemplars", labels_from_catalog(DEMO / "demo_catalog.csv"))


def square(label: str | None, x: int, y: int, side: int, color: float, cid: int = 0) -> Layer:
    img = np.full((side, side, 3), color, np.float32)
    return Layer(img, np.ones((side, side), np.float32), x, y, label, cid)


def test_renderer_knows_every_catalog_label_in_catalog_order():
    assert list(DEMO_LABELS) == labels_from_catalog(DEMO / "demo_catalog.csv")


def test_shipped_exemplars_are_small_cutouts_of_every_product(products):
    files = list((DEMO / "exemplars").rglob("*"))
    assert sum(f.stat().st_size for f in files if f.is_file()) < 3_000_000
    for label in DEMO_LABELS:
        views = products.views[label]
        assert len(views) >= 6
        for view in views:
            assert max(view.image.shape[:2]) <= 160
            assert view.image.shape[2] == 4 and view.image[..., 3].max() == 255


def test_exemplars_rebuild_identically(tmp_path):
    write_demo_exemplars(tmp_path, views=2)
    for label in ("cola-can", "honey-jar"):
        for name in ("00.png", "01.png", "product.json"):
            shipped = (DEMO / "exemplars" / label / name).read_bytes()
            assert (tmp_path / label / name).read_bytes() == shipped


def test_look_alikes_share_shape_but_not_label_colour():
    cola = render_view(DEMO_PRODUCTS[0], 0, 7, 1.0)
    cherry = render_view(DEMO_PRODUCTS[1], 0, 7, 1.0)
    assert cola.shape == cherry.shape
    assert np.abs(cola.astype(int) - cherry.astype(int)).mean() > 2


def test_covered_item_is_dropped_and_partly_covered_item_keeps_its_visible_box():
    h, w = 120, 200
    below = square("a", 10, 10, 40, 0.2)
    hidden = square("b", 100, 10, 40, 0.4)
    on_top = square(None, 20, 0, 60, 0.9)  # distractor covering half of "a"
    hider = square(None, 95, 5, 50, 0.6)  # covers all of "b"
    layers = [below, hidden, on_top, hider]
    owner = composite(np.zeros((h, w, 3), np.float32), layers, (0, 0, 1, 0))
    assert owned_by(owner, below, 0) == pytest.approx(10 * 40 / 1600)
    assert visible_box(owner, 0) == (10, 10, 20, 50)
    assert owned_by(owner, hidden, 1) == 0.0
    assert visible_box(owner, 1) is None


@pytest.mark.parametrize("seed", range(6))
def test_scene_boxes_are_tight_around_the_pixels_each_item_still_shows(products, seed):
    scene = compose_scene(products, np.random.default_rng(seed), TRAIN_STYLE)
    assert scene.image.shape == (480, 640, 3) and scene.image.dtype == np.uint8
    labelled = {b.layer for b in scene.boxes}
    for box in scene.boxes:
        layer = scene.layers[box.layer]
        assert layer.label == box.label == products.labels[box.class_id]
        assert box.xyxy == visible_box(scene.owner, box.layer)
        assert box.visible >= TRAIN_STYLE.min_visible
    for i, layer in enumerate(scene.layers):
        if layer.label is None:
            assert i not in labelled  # distractors are never labelled
        elif i not in labelled:
            hidden = owned_by(scene.owner, layer, i) < TRAIN_STYLE.min_visible
            assert hidden or visible_box(scene.owner, i) is not None


def test_clear_band_draws_again_until_no_product_is_near_the_visibility_line(products):
    style = replace(TRAIN_STYLE, clear_band=0.1, hand_chance=1.0, items=(8, 10))
    near = 0
    for seed in range(12):
        plain = compose_scene(products, np.random.default_rng(seed), replace(style, clear_band=0))
        shares = [owned_by(plain.owner, lay, i) for i, lay in enumerate(plain.layers) if lay.label]
        near += any(0 < abs(s - 0.3) < 0.1 for s in shares)
        scene = compose_scene(products, np.random.default_rng(seed), style)
        for i, lay in enumerate(scene.layers):
            if lay.label is not None:
                share = owned_by(scene.owner, lay, i)
                assert share == 0 or abs(share - 0.3) >= 0.1, (seed, i, share)
    assert near >= 2  # crowded counters with a hand do put products near the line


def test_clear_band_too_wide_for_any_scene_says_so(products):
    style = replace(TRAIN_STYLE, clear_band=1.0, items=(3, 3))
    with pytest.raises(ValueError, match="narrower clear_band"):
        compose_scene(products, np.random.default_rng(0), style)


def test_scenes_hold_items_distractors_and_hands_over_many_seeds(products):
    scenes = [compose_scene(products, np.random.default_rng(s), TRAIN_STYLE) for s in range(20)]
    counts = [len(s.boxes) for s in scenes]
    assert min(counts) <= 2 and max(counts) >= 6
    assert sum(any(lay.label is None for lay in s.layers) for s in scenes) >= 8


def test_independent_scenes_differ_from_training_scenes(products):
    a = compose_scene(products, np.random.default_rng(3), TRAIN_STYLE)
    b = compose_scene(products, np.random.default_rng(3), INDEPENDENT_STYLE)
    assert not np.array_equal(a.image, b.image)
    assert sum(lay.label is None for lay in b.layers) >= INDEPENDENT_STYLE.distractors[0]


def test_photo_on_plain_background_is_cut_out(tmp_path):
    photo = np.full((200, 300, 3), (235, 235, 235), np.uint8)
    cv2.ellipse(photo, (150, 100), (80, 50), 0, 0, 360, (30, 40, 200), -1)
    path = tmp_path / "tin" / "front.jpg"
    path.parent.mkdir()
    cv2.imwrite(str(path), photo)
    cut = auto_cut(photo)
    assert abs(cut.shape[1] - 161) <= 3 and abs(cut.shape[0] - 101) <= 3
    assert cut[50, 80, 3] == 255 and cut[2, 2, 3] == 0
    loaded = load_products(tmp_path)
    view = loaded.views["tin"][0]
    assert loaded.labels == ("tin",) and abs(view.image.shape[1] - 161) <= 3
    assert view.px_per_mm == pytest.approx(max(view.image.shape[:2]) / 150.0)


def test_opaque_cutout_of_a_box_is_kept_whole(tmp_path):
    """A box filling its PNG edge to edge has alpha 255 everywhere: that alpha is the truth,
    not a cue to cut out the box's own (border-coloured) body."""
    box = np.full((80, 150, 4), (60, 110, 20, 255), np.uint8)  # dark green body
    box[:, 100:108, :3] = (120, 190, 220)  # a gold stripe
    (tmp_path / "tea").mkdir()
    cv2.imwrite(str(tmp_path / "tea" / "top.png"), box)
    view = load_products(tmp_path).views["tea"][0].image
    assert view.shape == box.shape and int(view[..., 3].min()) == 255
    np.testing.assert_array_equal(view, box)


def test_photo_cropped_to_the_product_is_kept_whole():
    """No plain border to estimate a background from: the photo is all product."""
    photo = np.full((90, 160, 3), (40, 40, 170), np.uint8)  # a red can lying, edge to edge
    photo[:, :12] = photo[:, -12:] = (190, 190, 190)  # silver rims
    photo[30:60, 40:120] = (250, 250, 250)  # label text
    cut = auto_cut(photo)
    assert cut.shape[:2] == photo.shape[:2] and int(cut[..., 3].min()) == 255


def test_every_demo_view_keeps_its_body(products):
    """Rendered views are drawn opaque where the product is: nothing inside their outline
    may come out transparent (the bug that once erased boxes and lying cans)."""
    for label in DEMO_LABELS:
        for view in products.views[label]:
            alpha = view.image[..., 3]
            h, w = alpha.shape
            assert alpha[h // 2, w // 2] == 255 and alpha[h // 2, w // 4] == 255, label


def test_plain_photo_without_product_is_refused_with_a_hint(tmp_path):
    folder = tmp_path / "ghost"
    folder.mkdir()
    cv2.imwrite(str(folder / "a.png"), np.full((50, 50, 3), 200, np.uint8))
    with pytest.raises(ProductFolderError, match="plain background"):
        load_products(tmp_path)


def test_empty_product_folder_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProductFolderError, match="no images for product 'empty'"):
        load_products(tmp_path)
