"""``python -m models.compare``: is a new model better than the one the kiosk has?

Two models read the same test scenes with the kiosk's detector; each scene's basket is either
exactly right or not. On a few hundred scenes two draws of cAcc differ by a point or two, so
comparing two cAcc figures says little; what tells is the scenes one model got right and the
other did not. The exact McNemar test says how likely a split at least that lopsided would be
if both models were equally good. Runs in the kiosk's runtime environment.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from math import comb
from pathlib import Path

import numpy as np

from kiosk.detections import Detections
from models.evaluate import add_scene_set_args, basket, basket_at, read_scene, test_images


@dataclass(frozen=True)
class Paired:
    """How two models' baskets compare scene by scene."""

    scenes: int
    both_right: int
    only_a: int
    only_b: int
    both_wrong: int

    @property
    def cacc_a(self) -> float:
        return (self.both_right + self.only_a) / max(self.scenes, 1)

    @property
    def cacc_b(self) -> float:
        return (self.both_right + self.only_b) / max(self.scenes, 1)

    @property
    def p_value(self) -> float:
        """Exact two-sided McNemar: the chance of a split of the discordant scenes at least
        this uneven when either model is as likely to be the one that got a scene right."""
        n = self.only_a + self.only_b
        if n == 0:
            return 1.0
        tail = sum(comb(n, k) for k in range(min(self.only_a, self.only_b) + 1)) / 2**n
        return min(1.0, 2 * tail)


def pair(right_a: Sequence[bool], right_b: Sequence[bool]) -> Paired:
    if len(right_a) != len(right_b):
        raise ValueError(f"{len(right_a)} scenes read by one model, {len(right_b)} by the other")
    a = np.asarray(right_a, bool)
    b = np.asarray(right_b, bool)
    return Paired(
        scenes=len(a),
        both_right=int(np.sum(a & b)),
        only_a=int(np.sum(a & ~b)),
        only_b=int(np.sum(~a & b)),
        both_wrong=int(np.sum(~a & ~b)),
    )


def baskets_right(
    detects: Sequence[Callable[[np.ndarray], Detections]],
    pairs: list[tuple[Path, Path]],
    names: dict[int, str],
    accept: float,
) -> list[list[bool]]:
    """Per model, scene by scene: is the basket at ``accept`` exactly the labelled one?
    Each image is read once and handed to every model."""
    right: list[list[bool]] = [[] for _ in detects]
    for image_path, label_path in pairs:
        image, truth = read_scene(image_path, label_path)
        want = basket([names[int(c)] for c in truth.class_id])
        for detect, model_right in zip(detects, right, strict=True):
            model_right.append(basket_at(detect(image), accept) == want)
    return right


def verdict(result: Paired, alpha: float = 0.05) -> str:
    if result.p_value >= alpha:
        return (
            f"no clear difference (p = {result.p_value:.2f}): the models disagree on "
            f"{result.only_a + result.only_b} scenes, {result.only_a} to {result.only_b}"
        )
    better = "A" if result.only_a > result.only_b else "B"
    return f"model {better} is better (p = {result.p_value:.3f})"


def main(argv: list[str] | None = None) -> int:
    from kiosk.detector import Detector

    p = argparse.ArgumentParser(prog="python -m models.compare", description=__doc__)
    p.add_argument("model_a", help="the model the kiosk has (e.g. models/demo/demo.onnx)")
    p.add_argument("model_b", help="the candidate")
    add_scene_set_args(p)
    p.add_argument("--out", default=None, help="write the comparison JSON here")
    args = p.parse_args(argv)
    detectors = [
        Detector(m, providers="cpu", threads=args.threads, conf=0.001)
        for m in (args.model_a, args.model_b)
    ]
    if detectors[0].names != detectors[1].names:
        raise SystemExit("the two models name their classes differently: nothing to compare")
    names = detectors[0].names
    report: dict[str, object] = {"model_a": args.model_a, "model_b": args.model_b}
    for ds in args.dataset:
        scenes = test_images(Path(ds), args.split)[: args.limit or None]
        if not scenes:
            raise SystemExit(f"no {args.split} images under {ds}")
        a, b = baskets_right([d.detect for d in detectors], scenes, names, args.accept)
        result = pair(a, b)
        report[str(ds)] = {
            **asdict(result),
            "cAcc_a": round(result.cacc_a, 4),
            "cAcc_b": round(result.cacc_b, 4),
            "p_value": round(result.p_value, 4),
        }
        print(
            f"{ds}: {result.scenes} scenes, cAcc A {result.cacc_a:.1%}, B {result.cacc_b:.1%}; "
            f"{verdict(result)}",
            flush=True,
        )
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
