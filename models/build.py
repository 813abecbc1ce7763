"""``python -m models.build --products DIR --out DIR``: enrolled products in, kiosk model out.

Runs the whole pipeline: scenes (``models.synth dataset``), training (``models.train``), ONNX
export (``models.export``), with ``--int8`` a static INT8 copy (``kiosk quantize``), and
evaluation (``models.evaluate``; with an INT8 copy, ``models.compare`` of the two). Each step is
also a module of its own; ``--steps`` picks some, e.g. ``--steps export,evaluate`` after an
interrupted run was resumed by hand. Needs the ``train`` extra for training, export and INT8.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

from models.export import frame_size
from models.synth.scene import TRAIN_STYLE

STEPS = ("dataset", "train", "export", "quantize", "evaluate")
SCENE_FRAME = f"{TRAIN_STYLE.width}x{TRAIN_STYLE.height}"  # the frames models.synth draws


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m models.build", description=__doc__)
    p.add_argument(
        "--products",
        action="append",
        required=True,
        help="one folder of views per product; repeat to add folders (e.g. data/enrol)",
    )
    p.add_argument("--out", required=True, help="work folder: dataset/, runs/, model.onnx")
    p.add_argument("--catalog", default=None, help="catalog CSV whose labels fix class order")
    p.add_argument(
        "--steps",
        default=None,
        help=f"comma list of {', '.join(STEPS)} (default: all; quantize only with --int8)",
    )
    p.add_argument(
        "--render-demo",
        action="store_true",
        help="first render the demo store's products into --products",
    )
    p.add_argument("--train", type=int, default=2400, help="training scenes")
    p.add_argument("--val", type=int, default=150)
    p.add_argument("--test", type=int, default=300)
    p.add_argument("--independent", type=int, default=300)
    p.add_argument("--epochs", type=int, default=25)
    p.add_argument(
        "--model",
        default="yolo26n.yaml",
        help="architecture of a new model; a larger one (yolo26s.yaml) wants --int8 on a CPU",
    )
    p.add_argument(
        "--int8",
        action="store_true",
        help="also write model_int8.onnx (kiosk quantize) and score it beside the fp32 model",
    )
    p.add_argument(
        "--calib",
        default=None,
        help="frames that calibrate INT8: footage of the store's counter (video or folder); "
        "default: the validation scenes",
    )
    p.add_argument("--imgsz", type=int, default=416, help="training size, the input's long side")
    p.add_argument(
        "--frame",
        type=frame_size,
        default=SCENE_FRAME,
        help="WIDTHxHEIGHT of the camera's frames: the exported input takes their shape "
        "(default: the scenes' size)",
    )
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--device", default="cpu", help="cpu, or 0 for the first GPU")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--amp", action="store_true", help="mixed precision on a GPU (--device 0)")
    p.add_argument("--time", type=float, default=None, help="fit training into HOURS")
    p.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="DIR",
        help="also train on this labelled folder of store pictures (kiosk captures export, "
        "labels checked); repeatable",
    )
    p.add_argument("--seed", type=int, default=0)
    return p


def chosen_steps(args: argparse.Namespace) -> list[str]:
    """The steps to run, in pipeline order whatever order they were named in."""
    if args.steps is None:
        return [s for s in STEPS if s != "quantize" or args.int8]
    named = {s.strip() for s in args.steps.split(",") if s.strip()}
    unknown = named - set(STEPS)
    if unknown:
        raise SystemExit(f"unknown step(s) {sorted(unknown)}; choose from {', '.join(STEPS)}")
    return [s for s in STEPS if s in named]


@dataclass(frozen=True)
class BuildPaths:
    """Where each step writes inside ``--out``, and so where the next one reads."""

    out: Path

    @property
    def data(self) -> Path:
        return self.out / "dataset"

    @property
    def run_dir(self) -> Path:
        return self.out / "runs" / "detector"

    @property
    def onnx(self) -> Path:
        return self.out / "model.onnx"

    @property
    def int8(self) -> Path:
        return self.out / "model_int8.onnx"


def scores_int8(args: argparse.Namespace, steps: list[str]) -> bool:
    """Whether the evaluate step scores an INT8 model beside the fp32 one."""
    return args.int8 or "quantize" in steps


def missing_inputs(args: argparse.Namespace, steps: list[str], paths: BuildPaths) -> list[str]:
    """What the chosen steps need from steps that will not run, and is not there: checked
    before the first step, so a mistyped ``--steps`` fails now, not after hours of training."""
    data, onnx = paths.data, paths.onnx
    needs = {  # step: (what it reads, the step that writes it)
        "train": [(data / "dataset.yaml", "dataset")],
        "export": [(paths.run_dir / "weights" / "best.pt", "train")],
        "quantize": [(onnx, "export")]
        + ([] if args.calib else [(data / "images" / "val", "dataset")]),
        "evaluate": [(onnx, "export"), (data / "images" / "test", "dataset")]
        + ([(paths.int8, "quantize")] if scores_int8(args, steps) else []),
    }
    return [
        f"the {step} step needs {path}, which the {maker} step writes: add {maker} to --steps"
        for step in steps
        for path, maker in needs.get(step, [])
        if maker not in steps and not path.exists()
    ]


def run(args: argparse.Namespace) -> dict[str, float]:
    """Run the chosen steps in order; returns seconds per step."""
    steps = chosen_steps(args)
    paths = BuildPaths(Path(args.out).resolve())
    if missing := missing_inputs(args, steps, paths):
        raise SystemExit("\n".join(missing))
    out, data, run_dir, onnx, int8 = paths.out, paths.data, paths.run_dir, paths.onnx, paths.int8
    timings: dict[str, float] = {}
    if args.render_demo:
        from models.synth.products import write_demo_exemplars

        write_demo_exemplars(Path(args.products[0]))
    for step in steps:
        start = time.time()
        if step == "dataset":
            from models.synth.__main__ import main as synth

            argv = ["dataset", *(x for p in args.products for x in ("--products", p))]
            argv += ["--out", str(data)]
            argv += ["--train", str(args.train), "--val", str(args.val), "--test", str(args.test)]
            argv += ["--independent", str(args.independent), "--seed", str(args.seed)]
            argv += ["--workers", str(args.workers)]
            if synth(argv + (["--catalog", args.catalog] if args.catalog else [])):
                raise SystemExit("the dataset step failed (see above); nothing was trained")
        elif step == "train":
            from models.train import build_parser as train_parser
            from models.train import train

            run_dir = train(train_parser().parse_args(train_argv(args, data, run_dir)))
        elif step == "export":
            from models.export import main as export

            export(
                [
                    "--weights",
                    str(run_dir / "weights" / "best.pt"),
                    "--out",
                    str(onnx),
                    "--imgsz",
                    str(args.imgsz),
                    "--frame",
                    "{}x{}".format(*args.frame),
                ]
            )
        elif step == "quantize":
            from kiosk.quantize import format_quantize_report, quantize_and_compare

            calib = args.calib or str(data / "images" / "val")
            every = 15 if Path(calib).is_file() else 1  # a video's next frames look the same
            report = quantize_and_compare(onnx, calib, int8, frame_step=every)
            print(format_quantize_report(report), flush=True)
        else:
            evaluate_models(data, out, [onnx, int8] if scores_int8(args, steps) else [onnx])
        timings[step] = round(time.time() - start, 1)
        print(f"step {step} done in {timings[step] / 60:.1f} min", flush=True)
    (out / "build_times.json").write_text(json.dumps(timings, indent=1) + "\n")
    return timings


def train_argv(args: argparse.Namespace, data: Path, run_dir: Path) -> list[str]:
    """``models.train``'s arguments for the build's training step."""
    argv = ["--data", str(data / "dataset.yaml"), "--model", args.model]
    argv += ["--epochs", str(args.epochs), "--imgsz", str(args.imgsz), "--batch", str(args.batch)]
    argv += ["--device", str(args.device), "--workers", str(args.workers)]
    argv += ["--project", str(run_dir.parent), "--name", run_dir.name]
    argv += ["--time", str(args.time)] if args.time else []
    for extra in args.extra:
        argv += ["--extra", str(extra)]
    return argv + (["--amp"] if args.amp else [])


def evaluate_models(data: Path, out: Path, onnx_files: list[Path]) -> None:
    """Scores each model on the test and independent scenes (``metrics.json``,
    ``metrics_int8.json``); two models are then compared scene by scene."""
    from models.compare import main as compare
    from models.evaluate import main as evaluate

    scene_sets = ["--dataset", str(data), "--dataset", str(data / "independent")]
    for model in onnx_files:
        metrics = out / model.stem.replace("model", "metrics", 1)
        evaluate(["--model", str(model), *scene_sets, "--out", f"{metrics}.json"])
    if len(onnx_files) == 2:
        compare([*map(str, onnx_files), *scene_sets])


def main(argv: list[str] | None = None) -> int:
    run(build_parser().parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
