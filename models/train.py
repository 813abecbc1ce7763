"""``python -m models.train``: train (or resume, or continue) a YOLO26n detector on a scene dataset.

Needs the ``train`` extra (Ultralytics + torch). Runs fully offline: ``YOLO_OFFLINE`` stops
Ultralytics from fetching fonts/assets, plots are off; ``--amp`` (mixed precision, GPU only)
trusts AMP without Ultralytics' self-check, which needs ``yolo26n.pt`` from the hub. Every
epoch writes ``last.pt`` (and ``save_period`` keeps numbered ones), so an interrupted run
continues with ``--resume RUN/weights/last.pt``; a finished model is trained further with
``--weights best.pt``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("YOLO_OFFLINE", "1")
os.environ.setdefault("YOLO_VERBOSE", "True")


def offline_env() -> None:
    """Keep Ultralytics away from the network and from hub/integration callbacks."""
    os.environ["YOLO_OFFLINE"] = "1"
    from ultralytics.utils import SETTINGS

    SETTINGS.update(
        {
            "sync": False,
            "clearml": False,
            "comet": False,
            "dvc": False,
            "mlflow": False,
            "raytune": False,
            "tensorboard": False,
            "wandb": False,
        }
    )


def use_cpu_threads(threads: int) -> None:
    """Let CPU training use ``threads`` cores.

    Ultralytics sets torch to ``cpu_count - 1`` threads when it picks the CPU (one on a
    2-core machine, leaving half of it idle) and loads data in the main process.
    """
    import ultralytics.utils.torch_utils as torch_utils

    torch_utils.NUM_THREADS = max(1, threads)


def _results_csv(trainer: Any) -> dict[str, list[float]]:
    """``BaseTrainer.read_results_csv`` without polars: column -> values, {} when unreadable."""
    try:
        with open(trainer.csv, newline="") as f:
            rows = list(csv.DictReader(f))
        return {key.strip(): [float(r[key]) for r in rows] for key in (rows[0] if rows else {})}
    except (OSError, ValueError):
        return {}


def without_polars() -> None:
    """Ultralytics reads ``results.csv`` back with polars only to store it in each checkpoint;
    where polars is missing (a lean GPU image) read it with the csv module instead."""
    try:
        import polars  # noqa: F401
    except ImportError:
        from ultralytics.engine.trainer import BaseTrainer

        BaseTrainer.read_results_csv = _results_csv


def offline_amp_check() -> None:
    """Ultralytics checks AMP on a GPU against ``yolo26n.pt`` from the hub, which cannot be
    fetched here; on a GPU trust AMP, elsewhere keep its own answer (no AMP on CPU)."""
    import ultralytics.engine.trainer as trainer

    check_amp = trainer.check_amp

    def offline(model: Any) -> bool:
        on_gpu = next(model.parameters()).device.type not in ("cpu", "mps")
        return True if on_gpu else check_amp(model)

    trainer.check_amp = offline


def load_dataset(data_yaml: str | Path) -> dict[str, Any]:
    """A dataset YAML (``models.synth`` and ``kiosk captures export`` write JSON, which YAML
    reads too; a hand-written YAML file needs PyYAML, which the ``train`` extra brings)."""
    text = Path(data_yaml).read_text(encoding="utf-8")
    try:
        return dict(json.loads(text))
    except ValueError:
        import yaml

        return dict(yaml.safe_load(text))


def dataset_names(data_yaml: str | Path) -> list[str]:
    """Class names of a dataset YAML, in class order."""
    names = load_dataset(data_yaml)["names"]
    return [names[k] for k in sorted(names, key=int)] if isinstance(names, dict) else list(names)


def with_extra(data_yaml: str | Path, extras: list[str], repeat: int, out: Path) -> Path:
    """A dataset YAML at ``out`` training on the scenes plus each ``extra`` folder's images.

    An extra folder is a ``kiosk captures export`` (or any YOLO folder with ``data.yaml``,
    ``images/``, ``labels/``) with the same classes in the same order. Its images are listed
    ``repeat`` times: a few hundred store pictures would otherwise drown in thousands of
    scenes. Validation stays on the scenes, so runs remain comparable.
    """
    data_yaml = Path(data_yaml)
    data = load_dataset(data_yaml)
    root = Path(data.get("path") or data_yaml.parent)
    root = root if root.is_absolute() else (data_yaml.parent / root)

    def absolute(entry: str | list[str]) -> list[str]:
        entries = entry if isinstance(entry, list) else [entry]
        return [str(p if Path(p).is_absolute() else (root / p).resolve()) for p in entries]

    names = dataset_names(data_yaml)
    train = absolute(data["train"])
    for extra in map(Path, extras):
        extra_yaml = extra / "data.yaml"
        if not extra_yaml.is_file() or not (extra / "images").is_dir():
            raise SystemExit(
                f"--extra {extra}: no data.yaml and images/ there (make one with "
                "`kiosk captures export --out DIR`)"
            )
        if dataset_names(extra_yaml) != names:
            raise SystemExit(
                f"--extra {extra}: its classes differ from {data_yaml}'s (names and order must "
                "match: export the captures of a kiosk that runs a model of these classes)"
            )
        train += [str((extra / "images").resolve())] * repeat
    merged = {**data, "path": str(root.resolve()), "train": train, "names": names}
    for split in ("val", "test"):
        if split in data:
            merged[split] = absolute(data[split])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    return out


def class_order_problem(model_names: dict[int, str], data_names: list[str]) -> str | None:
    """Why weights cannot be trained further on a dataset, or None when they can.

    Ultralytics keeps the weights and silently takes the dataset's names, so the same products
    numbered in another order (e.g. a dataset written without ``--catalog``) would teach every
    class its neighbour's pictures. Another set of products is fine: then the weights are only
    a starting point that already knows counters, hands and packaging.
    """
    ours = [model_names[k] for k in sorted(model_names)]
    if ours == data_names or sorted(ours) != sorted(data_names):
        return None
    first = next(i for i, (a, b) in enumerate(zip(ours, data_names, strict=True)) if a != b)
    return (
        f"the dataset numbers the model's classes in another order (class {first} is "
        f"'{data_names[first]}' there, '{ours[first]}' in the model): write the dataset with "
        "--catalog set to the catalog the model was trained for"
    )


def time_budget(args: argparse.Namespace) -> dict[str, float]:
    return {"time": args.time} if args.time else {}


def train_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Ultralytics' ``train`` arguments for a new run (from scratch or from ``--weights``)."""
    return {
        "data": str(Path(args.data).resolve()),
        "epochs": args.epochs,
        "imgsz": args.imgsz,
        "batch": args.batch,
        "workers": args.workers,
        "device": args.device,
        "amp": args.amp and args.device != "cpu",
        "cache": args.cache or False,
        "save_period": args.save_period,
        "project": str(args.project),
        "name": args.name,
        "exist_ok": True,
        "plots": False,
        "seed": args.seed,
        "patience": 1000,
        "warmup_epochs": args.warmup_epochs,
        "optimizer": args.optimizer,
        "lr0": args.lr0,
        "lrf": args.lrf,
        "close_mosaic": args.close_mosaic,
        # no flips: printed text must not be mirrored; no turning of the whole frame: the
        # scenes already turn every item, and a turned frame loosens the boxes around them
        "fliplr": 0.0,
        "degrees": 0.0,
        "scale": 0.4,
        "hsv_h": 0.01,
        "pretrained": bool(args.weights),
        "verbose": True,
        **time_budget(args),
    }


def train(args: argparse.Namespace) -> Path:
    """Run training; returns the run directory (weights under ``weights/``)."""
    offline_env()
    from ultralytics import YOLO

    use_cpu_threads(args.threads)
    without_polars()
    offline_amp_check()  # a resumed run takes amp from its checkpoint, so patch for both paths
    started = time.time()
    if args.resume:
        model = YOLO(args.resume)
        model.train(resume=True, workers=args.workers, **time_budget(args))
    else:
        if args.extra:
            merged = Path(args.project) / f"{args.name}-dataset.yaml"
            args.data = str(with_extra(args.data, args.extra, args.extra_repeat, merged))
        model = YOLO(args.weights or args.model)
        if args.weights:
            problem = class_order_problem(model.names, dataset_names(args.data))
            if problem:
                raise SystemExit(f"cannot train {args.weights} on {args.data}: {problem}")
        model.train(**train_settings(args))
    run_dir = Path(model.trainer.save_dir)
    print(f"training finished in {(time.time() - started) / 60:.1f} min: {run_dir}", flush=True)
    return run_dir


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m models.train", description=__doc__)
    p.add_argument("--data", help="dataset.yaml written by python -m models.synth dataset")
    p.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="DIR",
        help="also train on this labelled folder (kiosk captures export, labels checked); "
        "repeatable",
    )
    p.add_argument(
        "--extra-repeat", type=int, default=4, help="list each --extra picture this many times"
    )
    p.add_argument("--model", default="yolo26n.yaml", help="architecture (from scratch)")
    p.add_argument("--weights", default=None, help="start from these weights (.pt) instead")
    p.add_argument("--resume", default=None, help="resume an interrupted run from its last.pt")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--imgsz", type=int, default=416)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--device", default="cpu")
    p.add_argument(
        "--threads", type=int, default=os.cpu_count() or 1, help="torch threads on CPU (all cores)"
    )
    p.add_argument("--amp", action="store_true", help="mixed precision (GPU devices only)")
    p.add_argument("--cache", default="ram", help="ram, disk or '' (none)")
    p.add_argument("--save-period", type=int, default=1)
    p.add_argument("--warmup-epochs", type=float, default=1.0)
    p.add_argument("--close-mosaic", type=int, default=3)
    p.add_argument(
        "--optimizer",
        default="auto",
        help="SGD, AdamW, ... or auto (Ultralytics picks one and its learning rate, ignoring "
        "--lr0): set one with a small --lr0 to train a finished model further gently",
    )
    p.add_argument("--lr0", type=float, default=0.01, help="starting learning rate")
    p.add_argument(
        "--lrf", type=float, default=0.01, help="final learning rate, as a share of --lr0"
    )
    p.add_argument(
        "--time",
        type=float,
        default=None,
        help="hours budget: Ultralytics re-plans the epoch count (and learning-rate schedule) "
        "after every epoch so the run ends in time. With --resume it counts from the resume, "
        "while epochs count from the start: add the hours already spent",
    )
    p.add_argument("--project", default="runs", help="runs are written to PROJECT/NAME")
    p.add_argument("--name", default="demo")
    p.add_argument("--seed", type=int, default=0)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.resume and not args.data:
        raise SystemExit("--data is required unless --resume is given")
    train(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
