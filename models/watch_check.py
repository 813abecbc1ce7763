"""How well the counter watch marks what the model cannot name, on generated scenes.

Each scene is drawn from a test split's seed (the test split's own scenes, except that no
hand is drawn: the scenes that had one go on differently after it) and rendered twice: as
``models.synth`` draws it, and with nothing on the counter through the same light and
camera. The watch (:mod:`kiosk.counter_watch`) learns the empty one, then looks at the scene
as if it had lain still for a second and a half, with the kiosk detector's boxes as what the
camera names. Hands are left out: in the kiosk they move, and the watch only marks what lies
still.

What it reports, over the distractors the generator drew (receipts, cards, coins, pens, keys,
phones, wallets: things the model was trained *not* to name) whose visible part is at least
the watch's smallest thing:

* **marked**: the share of such distractors a mark overlaps;
* **unnamed products**: marks on a product no detection names (one the model missed): the
  watch is right to hold the basket up for it;
* **false marks**: marks that touch no distractor and no unnamed product (a product the
  camera did name, or the bare counter), and the share of scenes with one: how often a
  basket would be held up for nothing.

    python -m models.watch_check --scenes 300 [--independent]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from kiosk.config import bundled_model_path, demo_catalog_path
from kiosk.counter_watch import CounterWatch, WatchRules
from kiosk.detections import iou_matrix
from kiosk.detector import Detector
from models.synth.dataset import INDEPENDENT_SEED_OFFSET, labels_from_catalog, scene_rng
from models.synth.exemplars import load_products
from models.synth.layers import visible_box
from models.synth.scene import INDEPENDENT_STYLE, TRAIN_STYLE, SceneStyle, compose_scene

EXEMPLARS = Path(__file__).resolve().parent / "demo" / "exemplars"
FPS = 10


def scene_and_empty(products, rng: np.random.Generator, style: SceneStyle):
    """The scene (no hand), the same counter empty, the distractors' visible boxes (with
    their visible pixels) and the products'."""
    scene = compose_scene(products, rng, replace(style, hand_chance=0.0), with_empty=True)
    assert scene.owner is not None and scene.empty is not None
    things, items = [], []
    for i, layer in enumerate(scene.layers):
        box = visible_box(scene.owner, i)
        if box is None:
            continue
        if layer.label is None:
            things.append((box, int(np.count_nonzero(scene.owner == i))))
        else:
            items.append(box)
    return scene.image, scene.empty, things, items


def overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def check(scenes: int, independent: bool, seed: int = 0) -> dict[str, float]:
    products = load_products(EXEMPLARS, labels_from_catalog(demo_catalog_path()))
    detector = Detector(bundled_model_path(), conf=0.25)
    style = INDEPENDENT_STYLE if independent else TRAIN_STYLE
    scene_seed = seed + INDEPENDENT_SEED_OFFSET if independent else seed
    rules = WatchRules()
    big_enough = rules.min_share * style.width * style.height
    things = marked = unnamed = false_marks = scenes_false = 0
    spent: list[float] = []
    for index in range(scenes):
        rng = scene_rng(scene_seed, "test", index)
        image, empty, drawn, items = scene_and_empty(products, rng, style)
        found = detector.detect(image)
        watch = CounterWatch(rules)
        for n in range(round(2.0 * FPS)):
            watch.look(empty, n / FPS, np.zeros((0, 4)), idle=True)
        marks: tuple = ()
        for n in range(round(1.5 * FPS)):
            start = time.perf_counter()
            marks = watch.look(image, 3.0 + n / FPS, found.xyxy, idle=False)
            spent.append(time.perf_counter() - start)
        counted = [box for box, pixels in drawn if pixels >= big_enough]
        things += len(counted)
        marked += sum(any(overlaps(box, mark) for mark in marks) for box in counted)
        others = [m for m in marks if not any(overlaps(box, m) for box, _ in drawn)]
        named = iou_matrix(np.asarray(items, np.float32).reshape(-1, 4), found.xyxy)
        best = named.max(axis=1, initial=0.0)
        missed = [box for box, iou in zip(items, best, strict=True) if iou <= 0.3]
        on_missed = [m for m in others if any(overlaps(box, m) for box in missed)]
        unnamed += len(on_missed)
        false_marks += len(others) - len(on_missed)
        scenes_false += len(others) > len(on_missed)
    return {
        "scenes": scenes,
        "distractors": things,
        "marked": marked / max(things, 1),
        "unnamed_products": unnamed,
        "false_marks": false_marks,
        "scenes_with_false_mark": scenes_false / scenes,
        "ms_per_look": float(np.median(spent) * 1000),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=300)
    parser.add_argument("--independent", action="store_true", help="the independent test set")
    parser.add_argument("--seed", type=int, default=0, help="the dataset's seed (as models.synth)")
    args = parser.parse_args(argv)
    result = check(args.scenes, args.independent, args.seed)
    for key, value in result.items():
        print(f"{key:24s} {value:.3f}" if isinstance(value, float) else f"{key:24s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
