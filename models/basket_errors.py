"""Why the demo model's baskets are wrong: re-render the test scenes and sort every error.

The scene generator knows what it drew, including items it did not label because less than
``min_visible`` of them shows. Each wrong basket's errors are sorted into:

- ``at the line``: a missed item at most ``--band`` above the visibility rule, or an extra one
  that matches a drawn item under it: the rule, not the eye, decides these;
- ``missed``: a missed item that shows clearly;
- ``double``: an extra box of a product every copy of which is already counted;
- ``false``: an extra product that is not on the counter at all (a confusion or a phantom).

    python -m models.basket_errors --model models/demo/demo.onnx --independent
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import cv2
import numpy as np

from kiosk.detector import Detector
from models.synth.dataset import (
    INDEPENDENT_SEED_OFFSET,
    labels_from_catalog,
    scene_jpeg,
    scene_rng,
)
from models.synth.exemplars import load_products
from models.synth.layers import owned_by
from models.synth.scene import INDEPENDENT_STYLE, TRAIN_STYLE, Scene, compose_scene

ROOT = Path(__file__).resolve().parent.parent


def drawn_shares(scene: Scene) -> dict[str, list[float]]:
    """Visible share of every product drawn in the scene, labelled or not."""
    shares: dict[str, list[float]] = {}
    if scene.owner is None:
        return shares
    for i, layer in enumerate(scene.layers):
        if layer.label is not None:
            shares.setdefault(layer.label, []).append(owned_by(scene.owner, layer, i))
    return shares


def as_written(scene: Scene, name: str) -> np.ndarray:
    """The frame as the dataset stores it, so counts match ``models.evaluate`` on that dataset."""
    return cv2.imdecode(np.frombuffer(scene_jpeg(scene, name), np.uint8), cv2.IMREAD_COLOR)


def sort_errors(
    want: Counter[str], got: Counter[str], shares: dict[str, list[float]], rule: float, band: float
) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for label, n in (want - got).items():
        labelled = sorted(s for s in shares.get(label, []) if s >= rule)
        for share in labelled[:n]:  # the least visible copies are the ones most likely missed
            kinds["at the line" if share < rule + band else "missed"] += 1
    for label, n in (got - want).items():
        hidden = sum(s < rule for s in shares.get(label, []))
        kinds["at the line"] += min(n, hidden)
        rest = n - min(n, hidden)
        kinds["double" if want[label] else "false"] += rest
    return kinds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=str(ROOT / "models/demo/demo.onnx"))
    p.add_argument("--catalog", default=str(ROOT / "models/demo/demo_catalog.csv"))
    p.add_argument("--products", default=str(ROOT / "models/demo/exemplars"))
    p.add_argument("--independent", action="store_true", help="the independent set's scenes")
    p.add_argument("--scenes", type=int, default=300)
    p.add_argument("--seed", type=int, default=0, help="the dataset's seed (as models.synth)")
    p.add_argument("--accept", type=float, default=0.5, help="the kiosk's accept_conf")
    p.add_argument("--band", type=float, default=0.1, help="'at the line': within this share")
    p.add_argument("--threads", type=int, default=0)
    args = p.parse_args(argv)

    style = INDEPENDENT_STYLE if args.independent else TRAIN_STYLE
    seed = args.seed + INDEPENDENT_SEED_OFFSET if args.independent else args.seed
    products = load_products(Path(args.products), labels_from_catalog(Path(args.catalog)))
    detector = Detector(args.model, providers="cpu", threads=args.threads, conf=args.accept)
    wrong, only_line = 0, 0
    totals: Counter[str] = Counter()
    for i in range(args.scenes):
        scene = compose_scene(products, scene_rng(seed, "test", i), style)
        got = Counter(detector.detect(as_written(scene, f"test_{i:05d}")).labels)
        want = Counter(b.label for b in scene.boxes)
        if got == want:
            continue
        kinds = sort_errors(want, got, drawn_shares(scene), style.min_visible, args.band)
        wrong += 1
        only_line += set(kinds) == {"at the line"}
        totals.update(kinds)
        print(f"scene {i}: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    right = args.scenes - wrong
    print(
        f"cAcc {right / args.scenes:.1%} ({right}/{args.scenes}); of {wrong} wrong baskets, "
        f"{only_line} are wrong only at the {style.min_visible:.0%} visibility line; "
        f"errors: {dict(totals)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
