"""Start-up pieces: CLI commands, language choice, the self-test verdict, the refcount guard."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kiosk.cli import build_parser
from kiosk.config import bundled_model_path, demo_video_path
from tests.ui_support import ROOT
from ui.i18n import resolve_language
from ui.selftest import SelfTestReport, judge


@pytest.mark.parametrize("command", ["run", "demo", "self-test"])
def test_app_commands_are_registered(command: str) -> None:
    parser = build_parser()
    args = parser.parse_args([command] if command != "run" else ["run", "--kiosk"])
    assert callable(args.func)


def test_run_takes_source_model_and_kiosk_mode() -> None:
    args = build_parser().parse_args(["run", "--source", "1", "--model", "m.onnx", "--kiosk"])
    assert (args.source, args.model, args.kiosk) == ("1", "m.onnx", True)


@pytest.mark.parametrize(
    ("asked", "used"),
    [("es", "es"), ("es_MX", "es"), ("de_AT", "de"), ("EN", "en"), ("it", "en"), ("", "en")],
)
def test_language_falls_back_to_english(asked: str, used: str, monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", lambda: QLocale("en_GB"))
    assert resolve_language(asked) == used


def healthy_report(**changes: object) -> SelfTestReport:
    values: dict[str, object] = {
        "seconds": 5.0, "first_frame_s": 1.1, "preview_frames": 150, "preview_fps": 30.0,
        "inferences": 60, "inference_fps": 12.0, "max_stall_ms": 9.0, "stall_p99_ms": 3.0,
        "total_cents": 129, "total_text": "€1.29", "state": "ready", "rss_mb": 250.0,
        "stop_s": 0.05,
    }  # fmt: skip
    values.update(changes)
    return SelfTestReport(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({}, None),
        ({"first_frame_s": None}, "first frame"),
        ({"first_frame_s": 3.5}, "first frame"),
        ({"preview_fps": 20.0}, "preview 20.0 fps"),
        ({"inferences": 0}, "no inference"),
        ({"max_stall_ms": 45.0}, "stalled 45 ms"),
        ({"rss_mb": 512.0}, "memory 512 MB"),
        ({"out_of_service": "camera failed"}, "out of service: camera failed"),
        ({"stop_s": None}, "did not stop within 1 s"),
        ({"staff": True}, "staff never got through the admin screen"),
        (
            {
                "staff": True,
                "staff_visits": 2,
                "staff_failures": ["the staff menu did not come up"],
            },
            "staff visit: the staff menu did not come up",
        ),
    ],
)
def test_self_test_verdict_names_each_missed_target(changes, problem) -> None:
    problems = judge(healthy_report(**changes))
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on 3.12+")
def test_void_qt_calls_and_emits_do_not_exhaust_singleton_refcounts(qtbot) -> None:
    from PySide6.QtCore import QObject, Signal

    import ui  # noqa: F401  # applies the guard

    class Emitter(QObject):
        ping = Signal()

    emitter = Emitter()
    start_none, start_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20_000):  # more than None's and True's whole count at start-up
        emitter.setObjectName("x")
        emitter.ping.emit()
    assert sys.getrefcount(None) > 1_000_000 and sys.getrefcount(True) > 1_000_000
    assert start_none - sys.getrefcount(None) <= 20_001
    assert start_true - sys.getrefcount(True) <= 20_001


@pytest.mark.skipif(
    not (bundled_model_path().is_file() and demo_video_path().is_file()),
    reason="the demo model is built by the models pipeline",
)
def test_self_test_command_reports_json_and_exit_status(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "self-test", "--seconds", "3", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["inferences"] > 0 and report["preview_frames"] > 0
    assert report["first_frame_s"] is not None and report["rss_mb"] > 0
    assert report["frozen_objects"] > 10_000  # start-up objects kept out of GC pauses
    assert result.returncode == (0 if report["healthy"] else 1)


@pytest.mark.skipif(
    not (bundled_model_path().is_file() and demo_video_path().is_file()),
    reason="the demo model is built by the models pipeline",
)
def test_self_test_shopper_pays_and_every_sale_is_in_the_ledger_once(tmp_path) -> None:
    """The soak's shopper on the real demo: the first basket (a cola can, settled about 6 s
    into the video) is paid at the simulated terminal, and the ledger and the receipt files
    hold exactly the sales the receipt screen showed, for the totals it showed, with the
    bottle voucher the first shopper handed in."""
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "self-test", "--seconds", "14", "--shopper", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    report = json.loads(result.stdout.strip().splitlines()[-1])
    ledger = report["ledger"]
    assert report["shopper"] and report["pay_presses"] >= 1
    assert report["receipts_shown"] >= 1 and report["charged_cents"] >= 129 - 50 + 249
    assert ledger["sales"] == report["receipts_shown"] == ledger["receipt_files"]
    assert ledger["total_cents"] == report["charged_cents"]
    assert ledger["integrity"] == "ok"
    # The first shopper hands in a bottle voucher: in the ledger once, as on the screen.
    assert ledger["vouchers"] == report["vouchers_taken"] >= 1 and ledger["vouchers_twice"] == 0
    # It scans the birthday card too, which the model does not know: sold as scanned.
    assert ledger["cards"] == report["cards_scanned"] >= 1
    # And a pack from the deli counter, by its scale's label: sold at its weight's price.
    assert ledger["packs"] == report["packs_scanned"] >= 1
    # The counter watch learnt the empty counter and marked none of the items brought in.
    assert report["things_marked"] == 0
    assert len(report["memory_trend_mb"]) >= 3
    assert not [p for p in report["problems"] if "ledger" in p or "sales" in p or "pay" in p]


@pytest.mark.skipif(
    not (bundled_model_path().is_file() and demo_video_path().is_file()),
    reason="the demo model is built by the models pipeline",
)
def test_self_test_staff_look_through_the_admin_screen_and_leave_nothing_behind(
    tmp_path,
) -> None:
    """The soak's member of staff on the real demo: signs in on the PIN pad, opens and closes
    the correction screen, opens the admin screen, looks at every tab, closes it and hands
    back, visit after visit."""
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "self-test", "--seconds", "16", "--staff", "1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["staff"] and report["staff_visits"] >= 2, report
    assert report["staff_corrections"] == report["staff_visits"]
    assert report["staff_failures"] == []
    assert not [p for p in report["problems"] if "staff" in p]


def test_ledger_problems_name_every_disagreement_with_what_the_shopper_saw() -> None:
    from ui.selftest import LedgerCheck, ledger_problems

    def report(shown: int, cents: int, ledger: LedgerCheck | None) -> SelfTestReport:
        return SelfTestReport(
            seconds=1, first_frame_s=0.5, preview_frames=30, preview_fps=30.0, inferences=30,
            inference_fps=30.0, max_stall_ms=1.0, stall_p99_ms=1.0, total_cents=0,
            total_text="", state="welcome", rss_mb=200.0, stop_s=0.01, shopper=True,
            receipts_shown=shown,
            charged_cents=cents, ledger=ledger,
        )  # fmt: skip

    assert ledger_problems(report(2, 300, LedgerCheck(2, 300, 2, "ok"))) == []
    assert ledger_problems(report(2, 300, LedgerCheck(1, 129, 1, "ok"))) == [
        "2 sales ended on the receipt screen, the ledger holds 1"
    ]
    assert ledger_problems(report(2, 300, LedgerCheck(2, 299, 2, "ok"))) == [
        "the receipt screens showed 300 cents in all, the ledger holds 299"
    ]
    assert ledger_problems(report(1, 129, LedgerCheck(1, 129, 0, "ok"))) == [
        "1 sales but 0 receipt files"
    ]
    assert ledger_problems(report(0, 0, LedgerCheck(0, 0, 0, "row 3 missing from index"))) == [
        "ledger integrity check: row 3 missing from index",
        "the shopper could not pay for any basket",
    ]
    assert judge(report(1, 129, None)) == ["the ledger could not be read after the run"]
    assert ledger_problems(
        report(1, 129, LedgerCheck(1, 129, 1, "ok", vouchers=2, vouchers_twice=1))
    ) == [
        "0 bottle vouchers on the receipt screens, the ledger holds 2",
        "1 bottle vouchers were redeemed twice",
    ]
    assert ledger_problems(report(1, 129, LedgerCheck(1, 129, 1, "ok", packs=1))) == [
        "0 deli packs on the receipt screens, the ledger holds 1"
    ]


@pytest.mark.parametrize("language", ["es", "de", "fr"])
def test_every_text_is_translated_with_its_placeholders_and_compiled(language: str) -> None:
    """Every screen text has a finished translation that keeps the source's placeholders
    (%1, %n, {name}): a lost one would show a raw "%2" or drop the amount it stands for."""
    import re
    import xml.etree.ElementTree as ET

    from ui.i18n import I18N_DIR, LANGUAGES

    assert language in LANGUAGES
    tree = ET.parse(I18N_DIR / f"kiosk_{language}.ts")
    messages = list(tree.iter("message"))
    translations = [message.find("translation") for message in messages]
    assert len(translations) > 80
    assert not [t for t in translations if t.get("type") in ("unfinished", "vanished")]
    lost = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text]
        for form in forms:
            for pattern in (r"%\d", r"\{[^}]*\}"):
                if sorted(re.findall(pattern, source)) != sorted(re.findall(pattern, form)):
                    lost.append((source, form))
            if "%n" in source and "%n" not in form:
                lost.append((source, form))
    assert not lost
    assert (I18N_DIR / f"kiosk_{language}.qm").stat().st_size > 1000


def test_no_text_to_translate_hides_inside_an_f_string() -> None:
    """lupdate does not read f-strings: a ``tr()`` there stays English in every language
    (the admin's sales summary did until this test)."""
    import ast

    hidden = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "tr":
                        hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 checks are for Linux")
@pytest.mark.parametrize(
    ("environ", "libraries_found", "message"),
    [
        ({}, True, "no display to show the kiosk on"),
        ({"DISPLAY": ":0"}, False, "sudo apt-get install libxcb-cursor0"),
        ({"DISPLAY": ":0"}, True, None),
        ({"QT_QPA_PLATFORM": "offscreen"}, False, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False, None),
        ({"QT_QPA_PLATFORM": "wayland"}, False, "sudo apt-get install libwayland-client0 libway"),
        ({"QT_QPA_PLATFORM": "wayland"}, True, None),
    ],
)
def test_missing_display_or_x11_libraries_are_named_before_qt_aborts(
    monkeypatch, environ, libraries_found, message
) -> None:
    import ctypes.util

    from ui.platform_check import NoDisplay, check_display

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: name if libraries_found else None)
    if message is None:
        check_display(environ)
    else:
        with pytest.raises(NoDisplay, match=message):
            check_display(environ)


def test_stall_meter_percentiles_come_from_a_fixed_size_histogram(qapp) -> None:
    from ui.selftest import StallMeter

    meter = StallMeter()
    size = len(meter.counts)
    for _ in range(990):
        meter.record(0.00104)  # 1.04 ms late
    for _ in range(10):
        meter.record(0.015)
    meter.record(0.25)  # beyond the last bin: kept as the maximum
    assert meter.samples == 1001 and len(meter.counts) == size
    assert meter.percentile_ms(0.5) == pytest.approx(1.1)
    assert meter.percentile_ms(0.99) == pytest.approx(15.1)
    assert meter.percentile_ms(1.0) == pytest.approx(250.0)
    assert meter.max_late_s == 0.25
    for _ in range(100_000):  # an hour's soak grows nothing
        meter.record(0.002)
    assert len(meter.counts) == size


HOLD_LOCK = """
import sys, time
from pathlib import Path
from ui.app import hold_single_instance
lock = hold_single_instance(Path(sys.argv[1]))
print("holding", flush=True)
time.sleep(60)
"""


def test_one_kiosk_per_data_folder_and_a_crashed_one_lets_go(qapp, tmp_path) -> None:
    from ui.app import AlreadyRunning, hold_single_instance

    first = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout.readline().strip() == "holding"
        with pytest.raises(AlreadyRunning, match=f"process {first.pid}"):
            hold_single_instance(tmp_path)
    finally:
        first.kill()  # as a crash would: no unlock
        first.wait()
    lock = hold_single_instance(tmp_path)  # the dead kiosk's lock is taken over
    assert lock.isLocked()
    lock.unlock()


def test_the_ui_thread_waits_for_the_gil_at_most_1_ms(qapp) -> None:
    """The inference thread's Python must not hold the UI thread for Python's default 5 ms."""
    from ui.app import GIL_SWITCH_SECONDS, create_application

    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        assert create_application() is qapp
        assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_SECONDS)
    finally:
        sys.setswitchinterval(before)
