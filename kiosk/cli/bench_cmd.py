"""``kiosk bench`` (speed against session.run and Ultralytics) and ``kiosk quantize`` (INT8)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kiosk.cli.detect_cmd import add_model_arguments, detector_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    bench = subparsers.add_parser(
        "bench", help="detector speed vs raw session.run and Ultralytics, same frames"
    )
    add_model_arguments(bench)
    bench.add_argument("--source", metavar="S", help="video, folder or image (default: synthetic)")
    bench.add_argument("--frames", type=int, default=50, help="frames per round (default 50)")
    bench.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    bench.add_argument("--conf", type=float, default=0.25, help="minimum score (default 0.25)")
    bench.add_argument(
        "--reference", metavar="FP32", help="fp32 model for Ultralytics (default: --model)"
    )
    bench.add_argument("--no-ultralytics", action="store_true", help="skip the Ultralytics run")
    bench.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall time, or process CPU time (steadier on a shared machine; use --threads 1)",
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.set_defaults(func=run_bench_command)

    quantize = subparsers.add_parser(
        "quantize", help="static INT8 quantization calibrated on real frames, with a report"
    )
    quantize.add_argument("model", help="fp32 detection ONNX model")
    quantize.add_argument("--calib", metavar="SOURCE", required=True, help="video/folder of frames")
    quantize.add_argument("--out", metavar="FILE", help="INT8 model (default: MODEL_int8.onnx)")
    quantize.add_argument("--frames", type=int, default=64, help="calibration frames (default 64)")
    quantize.add_argument("--eval-frames", type=int, default=64, help="held-out frames compared")
    quantize.add_argument(
        "--step", type=int, default=15, help="use every Nth frame of the source (default 15)"
    )
    quantize.add_argument("--conf", type=float, default=0.25, help="score for the comparison")
    quantize.add_argument("--json", action="store_true", help="print the report as JSON")
    quantize.set_defaults(func=run_quantize_command)


def run_bench_command(args: argparse.Namespace) -> int:
    from kiosk.bench import format_report, run_bench, source_frames

    detector = detector_from_args(args, args.conf)
    frames = source_frames(args.source, args.frames)
    report = run_bench(
        detector,
        frames,
        reference=Path(args.reference) if args.reference else None,
        rounds=args.rounds,
        use_ultralytics=not args.no_ultralytics,
        clock=args.clock,
    )
    print(json.dumps(report.to_json(), indent=2) if args.json else format_report(report))
    return 0


def run_quantize_command(args: argparse.Namespace) -> int:
    from kiosk.quantize import format_quantize_report, quantize_and_compare

    report = quantize_and_compare(
        Path(args.model),
        args.calib,
        Path(args.out) if args.out else None,
        calib_frames=args.frames,
        eval_frames=args.eval_frames,
        conf=args.conf,
        frame_step=args.step,
    )
    print(json.dumps(report, indent=2) if args.json else format_quantize_report(report))
    return 0
