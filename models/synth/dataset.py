"""Write scenes as an Ultralytics YOLO dataset: images/, labels/, dataset.yaml.

Scene ``i`` of split ``s`` draws from ``default_rng([seed, split number, i])``, so a rebuild from
the same seed writes byte-identical files, in any order and with any number of workers.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import cv2
import numpy as np

from models.synth.exemplars import ProductSet
from models.synth.scene import TRAIN_STYLE, Scene, SceneStyle, compose_scene

SPLITS = ("train", "val", "test")
INDEPENDENT_SEED_OFFSET = 1000  # the independent set draws other scenes than its dataset's splits
JPEG_QUALITY = 95


def labels_from_catalog(csv_path: Path) -> list[str]:
    """Detector labels in catalog order (class id = row order), from its ``labels`` column."""
    with open(csv_path, newline="", encoding="utf-8") as f:
        return [row["labels"].strip() for row in csv.DictReader(f) if row["labels"].strip()]


def yolo_lines(scene: Scene) -> str:
    """One ``class cx cy w h`` row per labelled box, normalised to the image size."""
    h, w = scene.image.shape[:2]
    rows = []
    for b in scene.boxes:
        x1, y1, x2, y2 = b.xyxy
        rows.append(
            f"{b.class_id} {(x1 + x2) / 2 / w:.6f} {(y1 + y2) / 2 / h:.6f} "
            f"{(x2 - x1) / w:.6f} {(y2 - y1) / h:.6f}"
        )
    return "".join(r + "\n" for r in rows)


def scene_rng(seed: int, split: str, index: int) -> np.random.Generator:
    return np.random.default_rng([seed, SPLITS.index(split), index])


def scene_jpeg(scene: Scene, name: str) -> bytes:
    """The frame as the dataset stores it: one more JPEG pass at ``JPEG_QUALITY``."""
    ok, buf = cv2.imencode(".jpg", scene.image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise OSError(f"could not encode scene {name}")
    return buf.tobytes()


def _write_one(job: tuple[ProductSet, Path, str, int, int, SceneStyle]) -> int:
    products, out, split, index, seed, style = job
    scene = compose_scene(products, scene_rng(seed, split, index), style)
    name = f"{split}_{index:05d}"
    (out / "images" / split / f"{name}.jpg").write_bytes(scene_jpeg(scene, name))
    (out / "labels" / split / f"{name}.txt").write_text(yolo_lines(scene))
    return len(scene.boxes)


def _progress(done: int, total: int, split: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r{split:>5} [{bar}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def write_dataset(
    products: ProductSet,
    out: Path,
    counts: dict[str, int],
    seed: int = 0,
    style: SceneStyle = TRAIN_STYLE,
    workers: int = 1,
    progress: bool = True,
) -> Path:
    """Render ``counts[split]`` scenes per split into ``out``; returns the dataset YAML path."""
    out = Path(out).resolve()
    for split in counts:
        if split not in SPLITS:
            raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
        (out / "images" / split).mkdir(parents=True, exist_ok=True)
        (out / "labels" / split).mkdir(parents=True, exist_ok=True)
    # Spawned, not forked: a fork copies whatever lock another thread of this process held
    # at that instant (OpenCV's thread pool, logging), and a worker that needs it waits for
    # ever. Seen once in the test suite: two forked workers asleep on a futex for 10 minutes.
    spawn = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=spawn) if workers > 1 else None
    try:
        for split, n in counts.items():
            jobs = [(products, out, split, i, seed, style) for i in range(n)]
            results = pool.map(_write_one, jobs, chunksize=16) if pool else map(_write_one, jobs)
            for done, _ in enumerate(results, 1):
                if progress and (done % 25 == 0 or done == n):
                    _progress(done, n, split)
    finally:
        if pool:
            pool.shutdown()
    return write_yaml(out, products.labels, counts)


def write_yaml(out: Path, labels: tuple[str, ...], counts: dict[str, int]) -> Path:
    """dataset.yaml (JSON is valid YAML, so no YAML library is needed at run time)."""
    present = [s for s in SPLITS if counts.get(s)]
    spec: dict[str, object] = {"path": str(out)}
    for split in SPLITS:
        spec[split] = f"images/{split if split in present else present[-1]}"
    spec["names"] = list(labels)
    path = out / "dataset.yaml"
    path.write_text(json.dumps(spec, indent=1) + "\n")
    return path
