"""``kiosk self-test``: the real app, offscreen, on the bundled model and the demo video.

It measures what a store cares about before opening the kiosk: time to the first picture,
preview rate, inference rate, the longest stall of the UI thread (a timer that measures its
own lateness), the basket total, and memory. Unhealthy numbers give a non-zero exit code.

With a shopper (``--shopper``) it also sells: a scripted shopper pays for the demo's baskets
as they settle, so a long run (``--seconds 3600``, the soak) goes through payments, the
ledger, receipt files and the way back to the welcome screen over and over, and the report
checks every sale against the ledger and the receipt files. With staff (``--staff``) a
member of staff signs in every so often and looks through the admin screen.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from catalog.demo import BIRTHDAY_CARD as CARD
from catalog.demo import DELI_CHEESE as PACKED
from kiosk.checkout_events import BarcodeScanned
from kiosk.checkout_values import CheckoutState, CheckoutView, DoubtKind
from ui.demo import demo_cheese_label
from ui.selftest_staff import ScriptedStaff

if TYPE_CHECKING:
    from ui.kiosk_window import KioskWindow

SOURCE_FPS = 30.0
TARGETS = {
    "first_frame_s": 3.0,
    "preview_fps": 0.95 * SOURCE_FPS,
    "max_stall_ms": 20.0,
    "rss_mb": 400.0,
    "stop_s": 1.0,
}


WARM_UP_MAX_S = 60.0
MEMORY_SAMPLES = 12  # peak memory is noted this many times over the run (the trend)


class StallMeter(QObject):
    """A fast timer on the UI thread; how late it fires is how long the thread was busy.

    Lateness goes into a histogram of 0.1 ms bins, not a list: a one-hour soak beats 720,000
    times, and a growing list would be the memory growth the soak is there to catch.
    """

    BIN_S = 0.0001
    BINS = 1000  # up to 100 ms; later beats share the last bin (the maximum is kept apart)

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval = interval_ms / 1000
        self.max_late_s = 0.0
        self.samples = 0
        self.counts = [0] * (self.BINS + 1)
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def reset(self) -> None:
        self.max_late_s, self.samples, self._last = 0.0, 0, time.monotonic()
        self.counts = [0] * (self.BINS + 1)

    def record(self, late_s: float) -> None:
        self.max_late_s = max(self.max_late_s, late_s)
        self.counts[min(self.BINS, int(late_s / self.BIN_S))] += 1
        self.samples += 1

    def percentile_ms(self, q: float) -> float:
        """The ``q`` quantile (0..1) of the timer's lateness in ms, to the bin's upper edge."""
        if not self.samples:
            return 0.0
        wanted, seen = q * self.samples, 0
        for index, count in enumerate(self.counts):
            seen += count
            if seen >= wanted and count:
                if index == self.BINS:
                    break
                return 1000 * min(self.max_late_s, (index + 1) * self.BIN_S)
        return 1000 * self.max_late_s

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now = time.monotonic()
        self.record(max(0.0, now - self._last - self.interval))
        self._last = now


class CollectorMeter:
    """The longest pause of Python's garbage collector, on whichever thread it ran."""

    def __init__(self) -> None:
        self.max_pause_s = 0.0
        self.collections = 0
        self._began = 0.0

    def start(self) -> None:
        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        gc.callbacks.remove(self._callback)

    def reset(self) -> None:
        self.max_pause_s, self.collections = 0.0, 0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.max_pause_s = max(self.max_pause_s, time.perf_counter() - self._began)
            self.collections += 1


class ScriptedShopper(QObject):
    """Presses Pay on the kiosk window as a shopper would, one basket after another.

    Each shopper waits for a settled basket of at least ``wanted`` articles (1, 2, 3, then 1
    again: the demo video keeps adding items, so baskets of different sizes get sold), looks
    for ``reaction_ms``, and presses Pay if the basket is still ready. The simulated terminal
    approves, or the payment is cancelled when the video changes the counter meanwhile: both
    are what a day at a real counter holds. Every ``VOUCHER_EVERY``-th shopper (the first too)
    hands in a bottle voucher of ``VOUCHER_CENTS`` first (a new number each: the demo takes
    vouchers), as a scanner types it, when the basket is worth more; every ``CARD_EVERY``-th
    (the first too) scans a birthday card, which the demo's model does not know.
    """

    SIZES = (1, 2, 3)
    VOUCHER_EVERY = 3
    VOUCHER_CENTS = 50
    CARD_EVERY = 4

    def __init__(self, window: KioskWindow, reaction_ms: int = 800) -> None:
        super().__init__()
        self.window = window
        self.reaction_ms = reaction_ms
        self.presses = 0
        self.receipts = 0  # sales that reached the receipt screen
        self.charged_cents = 0
        self.vouchers = 0  # vouchers on the baskets that reached the receipt screen
        self.cards = 0  # birthday cards scanned on the baskets that reached the receipt screen
        self.packs = 0  # deli packs scanned by their scale's label, on those baskets
        self._handed_in = -1  # the shopper who last handed in a voucher
        self._scanned = -1  # the shopper who last scanned a card
        self._shopper = 0
        self._waiting = False
        self._state: CheckoutState | None = None
        window.viewShown.connect(self._seen)

    @property
    def wanted(self) -> int:
        return self.SIZES[self._shopper % len(self.SIZES)]

    def _ready(self, view: CheckoutView | None) -> bool:
        return (
            view is not None
            and view.state is CheckoutState.READY
            and view.can_pay
            and view.basket.item_count >= self.wanted
        )

    def _seen(self, view: CheckoutView) -> None:
        if view.state is CheckoutState.RECEIPT and self._state is not CheckoutState.RECEIPT:
            self.receipts += 1
            self.charged_cents += view.basket.total_cents
            self.vouchers += len(view.basket.vouchers)
            self.cards += sum(x.quantity for x in view.basket.lines if x.sku == CARD.sku)
            self.packs += sum(x.quantity for x in view.basket.lines if x.sku == PACKED.sku)
            self._shopper += 1
        self._state = view.state
        if self._ready(view) and not self._waiting:
            self._waiting = True
            QTimer.singleShot(self.reaction_ms, self._pay)

    def _pay(self) -> None:
        self._waiting = False
        # Not through a staff screen: it is modal, a shopper cannot reach Pay behind it (a
        # press here would race the staff member's PIN, which the engine then refuses).
        view = self.window.view
        if not self._ready(view) or self.window.staff.screens_open or view is None:
            return
        if self._owes_voucher(view):
            from kiosk.vouchers import VoucherRules

            self._handed_in = self._shopper  # its view comes back ready: then Pay
            code = VoucherRules().code_for(self._shopper, self.VOUCHER_CENTS)
            self.window.worker.post(BarcodeScanned(code))
            return
        due = self._shopper % self.CARD_EVERY == 0 and self._scanned != self._shopper
        if view.takes_barcodes and due:
            self._scanned = self._shopper  # its view comes back ready (a card more): then Pay
            self.window.worker.post(BarcodeScanned(CARD.barcode))
            # A store whose scales print other labels finds no product by it: none added.
            self.window.worker.post(BarcodeScanned(demo_cheese_label(200 + self._shopper)))
            return
        self.presses += 1
        self.window.press_pay()

    def _owes_voucher(self, view: CheckoutView) -> bool:
        due = self._shopper % self.VOUCHER_EVERY == 0  # the first shopper too
        worth_it = view.basket.total_cents > self.VOUCHER_CENTS and not view.basket.vouchers
        return view.takes_vouchers and due and worth_it and self._handed_in != self._shopper


class MarkedThings(QObject):
    """Counts the times the counter watch marked something on the counter that the camera
    cannot name (the demo video's keys and phone): that the watch is awake."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__()
        self.times = 0
        self._shown = False
        window.viewShown.connect(self._seen)

    def _seen(self, view: CheckoutView) -> None:
        shown = any(d.kind is DoubtKind.UNRECOGNISED for d in view.basket.doubts)
        self.times += shown and not self._shown
        self._shown = shown


@dataclass(frozen=True)
class LedgerCheck:
    """What the ledger and the receipts folder hold after a run with a shopper."""

    sales: int
    total_cents: int
    receipt_files: int
    integrity: str
    vouchers: int = 0  # voucher lines in the ledger
    vouchers_twice: int = 0  # voucher numbers more than one sale took
    cards: int = 0  # scanned birthday cards the ledger's sales sold
    packs: int = 0  # deli packs the ledger's sales sold


def check_ledger(database: Path, receipts_dir: Path) -> LedgerCheck:
    from catalog.db import connect, rows
    from kiosk.receipt_files import count_receipts

    db = connect(database)
    try:
        counted = rows(
            db, "SELECT count(*) AS n, coalesce(sum(total_cents), 0) AS cents FROM sales"
        )
        integrity = rows(db, "PRAGMA integrity_check")[0]["integrity_check"]
        vouchers = rows(
            db,
            "SELECT count(*) AS n, count(DISTINCT sku) AS codes FROM sale_lines"
            " WHERE kind = 'voucher'",
        )[0]
        cards, packs = (
            rows(
                db,
                "SELECT coalesce(sum(quantity), 0) AS n FROM sale_lines"
                " WHERE kind = 'item' AND sku = ?",
                (sku,),
            )[0]["n"]
            for sku in (CARD.sku, PACKED.sku)
        )
    finally:
        db.conn.close()
    return LedgerCheck(
        counted[0]["n"], counted[0]["cents"], count_receipts(receipts_dir), integrity,
        vouchers["n"], vouchers["n"] - vouchers["codes"], cards, packs,
    )  # fmt: skip


def rss_mb() -> float:
    """Resident memory now, in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb() -> float:
    """The highest resident memory so far, in MB (cheap: no memory-map lock, unlike /proc)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes there, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


@dataclass
class SelfTestReport:
    """The measured numbers and whether each meets its target."""

    seconds: float
    first_frame_s: float | None
    preview_frames: int
    preview_fps: float
    inferences: int
    inference_fps: float
    max_stall_ms: float
    stall_p99_ms: float
    total_cents: int | None
    total_text: str
    state: str
    rss_mb: float
    rss_growth_mb: float = 0.0  # peak memory's growth since the warm-up: a leak shows here
    gc_collections: int = 0
    gc_max_ms: float = 0.0  # the longest garbage collection
    frozen_objects: int = 0  # start-up objects kept out of collections
    out_of_service: str = ""
    stop_s: float | None = None  # closing the app until the worker thread ended
    memory_trend_mb: list[float] = field(default_factory=list)  # peak RSS, evenly over the run
    shopper: bool = False
    pay_presses: int = 0
    receipts_shown: int = 0  # sales the shopper saw end on the receipt screen
    charged_cents: int = 0  # their totals, as the receipt screens showed them
    vouchers_taken: int = 0  # bottle vouchers on those sales
    cards_scanned: int = 0  # birthday cards scanned on those sales
    packs_scanned: int = 0  # deli packs scanned by their label on those sales
    ledger: LedgerCheck | None = None
    staff: bool = False
    staff_visits: int = 0  # admin screens staff opened, looked through and closed
    staff_corrections: int = 0  # correction screens staff opened and closed
    staff_failures: list[str] = field(default_factory=list)
    things_marked: int = 0  # times something the camera cannot name was marked
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["healthy"] = self.healthy
        return data

    def lines(self) -> list[str]:
        first = "none" if self.first_frame_s is None else f"{self.first_frame_s:.2f} s"
        stop = "not in time" if self.stop_s is None else f"{self.stop_s * 1000:.0f} ms"
        lines = [
            f"first frame after start:   {first}  (target <= {TARGETS['first_frame_s']:g} s)",
            f"preview frames drawn:      {self.preview_frames} = {self.preview_fps:.1f} fps"
            f"  (target >= {TARGETS['preview_fps']:g} fps)",
            f"inferences done:           {self.inferences} = {self.inference_fps:.1f} per s",
            f"longest UI-thread stall:   {self.max_stall_ms:.1f} ms"
            f"  (target <= {TARGETS['max_stall_ms']:g} ms; 99 % under {self.stall_p99_ms:.1f} ms)",
            f"basket at the end:         {self.total_text} ({self.state})",
            f"memory (RSS):              {self.rss_mb:.0f} MB  (target <= {TARGETS['rss_mb']:g});"
            f" peak {self.rss_growth_mb:+.1f} MB since the warm-up",
            f"garbage collections:       {self.gc_collections}, longest {self.gc_max_ms:.1f} ms"
            f"  ({self.frozen_objects} start-up objects kept out)",
            f"worker stopped in:         {stop}  (target <= {TARGETS['stop_s']:g} s)",
        ]
        if len(self.memory_trend_mb) > 1:
            trend = ", ".join(f"{mb:.0f}" for mb in self.memory_trend_mb)
            lines.append(f"peak memory over the run:  {trend} MB")
        lines.append(
            f"counter watch:             marked something the camera cannot name "
            f"{self.things_marked} times"
        )
        if self.shopper:
            lines.append(
                f"shopper:                   {self.pay_presses} Pay presses, "
                f"{self.receipts_shown} sales ended on the receipt screen, "
                f"{self.vouchers_taken} with a bottle voucher, "
                f"{self.cards_scanned} scanned cards, {self.packs_scanned} deli packs"
            )
        if self.staff:
            lines.append(
                f"staff:                     {self.staff_visits} visits to the admin screen, "
                f"{self.staff_corrections} to the correction screen, "
                f"{len(self.staff_failures)} failed"
            )
        if self.ledger is not None:
            lines.append(
                f"ledger:                    {self.ledger.sales} sales, "
                f"{self.ledger.receipt_files} receipt files, {self.ledger.vouchers} vouchers, "
                f"{self.ledger.cards} cards, {self.ledger.packs} deli packs, "
                f"integrity {self.ledger.integrity}"
            )
        verdict = "HEALTHY" if self.healthy else "UNHEALTHY: " + "; ".join(self.problems)
        return [*lines, verdict]


def judge(report: SelfTestReport) -> list[str]:
    """Every target the report misses, in words."""
    problems = []
    if report.out_of_service:
        problems.append(f"out of service: {report.out_of_service}")
    if report.first_frame_s is None or report.first_frame_s > TARGETS["first_frame_s"]:
        problems.append("first frame too late")
    if report.preview_fps < TARGETS["preview_fps"]:
        problems.append(f"preview {report.preview_fps:.1f} fps is below the camera rate")
    if report.inferences == 0:
        problems.append("no inference ran")
    if report.max_stall_ms > TARGETS["max_stall_ms"]:
        problems.append(f"UI thread stalled {report.max_stall_ms:.0f} ms")
    if report.rss_mb > TARGETS["rss_mb"]:
        problems.append(f"memory {report.rss_mb:.0f} MB")
    if report.stop_s is None or report.stop_s > TARGETS["stop_s"]:
        problems.append(f"the inference thread did not stop within {TARGETS['stop_s']:g} s")
    if report.shopper:
        problems.extend(ledger_problems(report))
    if report.staff:
        problems.extend(f"staff visit: {failure}" for failure in report.staff_failures)
        if not report.staff_visits:
            problems.append("staff never got through the admin screen")
    return problems


def ledger_problems(report: SelfTestReport) -> list[str]:
    """Where the ledger and the receipt files disagree with the sales the shopper saw."""
    ledger = report.ledger
    if ledger is None:
        return ["the ledger could not be read after the run"]
    problems = []
    if ledger.integrity != "ok":
        problems.append(f"ledger integrity check: {ledger.integrity}")
    if report.receipts_shown == 0:
        problems.append("the shopper could not pay for any basket")
    if ledger.sales != report.receipts_shown:
        problems.append(
            f"{report.receipts_shown} sales ended on the receipt screen, the ledger holds "
            f"{ledger.sales}"
        )
    elif ledger.total_cents != report.charged_cents:
        problems.append(
            f"the receipt screens showed {report.charged_cents} cents in all, the ledger holds "
            f"{ledger.total_cents}"
        )
    if ledger.receipt_files != ledger.sales:
        problems.append(f"{ledger.sales} sales but {ledger.receipt_files} receipt files")
    if ledger.vouchers != report.vouchers_taken:
        problems.append(
            f"{report.vouchers_taken} bottle vouchers on the receipt screens, the ledger holds "
            f"{ledger.vouchers}"
        )
    if ledger.vouchers_twice:
        problems.append(f"{ledger.vouchers_twice} bottle vouchers were redeemed twice")
    if ledger.cards != report.cards_scanned:
        problems.append(
            f"{report.cards_scanned} scanned cards on the receipt screens, the ledger holds "
            f"{ledger.cards}"
        )
    if ledger.packs != report.packs_scanned:
        problems.append(
            f"{report.packs_scanned} deli packs on the receipt screens, the ledger holds "
            f"{ledger.packs}"
        )
    return problems


def run_self_test(
    seconds: float,
    config_file: str | None = None,
    *,
    started: float | None = None,
    model_path: Path | None = None,
    shopper: bool = False,
    staff_every_s: float | None = None,
) -> SelfTestReport:
    """Start the demo kiosk offscreen, run it for ``seconds`` after the first frame, measure.

    ``started`` is when the command began (``time.monotonic()``), so start-up time includes
    importing onnxruntime and Qt; ``model_path`` replaces the bundled model; ``shopper``
    pays for baskets (:class:`ScriptedShopper`) and checks the ledger afterwards;
    ``staff_every_s`` has staff look through the admin screen that often
    (:class:`~ui.selftest_staff.ScriptedStaff`).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic() if started is None else started
    from kiosk.pricing import format_money
    from ui.app import build_kiosk, create_application, freeze_start_up_objects
    from ui.demo import demo_settings

    app = create_application()
    settings, model, tmp = demo_settings(config_file, model_path=model_path)
    kiosk = build_kiosk(settings, model_path=model)
    meter = StallMeter()
    window = kiosk.window
    window.resize(1280, 800)
    window.show()
    frozen = freeze_start_up_objects()
    collector = CollectorMeter()
    collector.start()
    kiosk.start()
    window.started_at = started
    meter.start()
    buyer = ScriptedShopper(window) if shopper else None
    things = MarkedThings(window)
    clerk = None if staff_every_s is None else ScriptedStaff(window, int(staff_every_s * 1000))
    measure: dict[str, float] = {}
    trend: list[float] = []

    def note_memory() -> None:
        trend.append(round(peak_rss_mb(), 1))

    sampler = QTimer()
    sampler.timeout.connect(note_memory)

    def first_frame(_: float) -> None:
        measure["t0"] = time.monotonic()
        measure["frames0"] = window.video.frames_drawn
        measure["inf0"] = kiosk.worker.inferences
        meter.reset()
        collector.reset()
        QTimer.singleShot(int(seconds * 1000), app.quit)
        note_memory()
        sampler.start(max(1000, int(seconds * 1000 / MEMORY_SAMPLES)))
        if clerk is not None:
            clerk.start()
        # Arenas, caches and the first inferences settle in the first seconds; growth after
        # that is what a long run would accumulate. The peak from getrusage, not VmRSS:
        # reading /proc/self/status waits for the memory-map lock while onnxruntime
        # allocates, and stalled the UI thread 10-30 ms (the stall meter saw it).
        warm_up_ms = int(1000 * min(WARM_UP_MAX_S, seconds / 4))
        QTimer.singleShot(warm_up_ms, lambda: measure.__setitem__("peak_warm", peak_rss_mb()))

    window.firstFrameShown.connect(first_frame)
    QTimer.singleShot(int((seconds + 10) * 1000), app.quit)  # no picture at all: give up
    app.exec()
    sampler.stop()
    if clerk is not None:
        clerk.stop()
    meter.stop()
    collector.stop()
    elapsed = time.monotonic() - measure.get("t0", time.monotonic())
    frames = window.video.frames_drawn - int(measure.get("frames0", 0))
    inferences = kiosk.worker.inferences - int(measure.get("inf0", 0))
    view = window.view
    memory = rss_mb()
    stopping = time.monotonic()
    stopped_in_time = kiosk.close()
    stop_s = time.monotonic() - stopping
    note_memory()
    ledger = None
    if buyer is not None:
        # A sale the worker finished after the loop ended is still on its way to the window:
        # let it arrive, so the shopper's count and the ledger's are taken at the same point.
        app.processEvents()
        ledger = check_ledger(settings.paths.database, settings.paths.receipts_dir)
    if tmp is not None:
        tmp.cleanup()
    report = SelfTestReport(
        seconds=round(elapsed, 2),
        first_frame_s=None
        if window.first_frame_at is None
        else round(window.first_frame_at - started, 3),
        preview_frames=frames,
        preview_fps=round(frames / elapsed, 1) if elapsed > 0 else 0.0,
        inferences=inferences,
        inference_fps=round(inferences / elapsed, 1) if elapsed > 0 else 0.0,
        max_stall_ms=round(meter.max_late_s * 1000, 1),
        stall_p99_ms=round(meter.percentile_ms(0.99), 1),
        total_cents=None if view is None else view.basket.total_cents,
        total_text="-"
        if view is None
        else format_money(view.basket.total_cents, view.basket.currency),
        state="none" if view is None else view.state.value,
        rss_mb=round(memory, 1),
        rss_growth_mb=round(peak_rss_mb() - measure.get("peak_warm", peak_rss_mb()), 1),
        gc_collections=collector.collections,
        gc_max_ms=round(collector.max_pause_s * 1000, 1),
        frozen_objects=frozen,
        out_of_service=window.out_of_service_reason,
        stop_s=round(stop_s, 3) if stopped_in_time else None,
        things_marked=things.times,
        memory_trend_mb=trend,
        shopper=buyer is not None,
        pay_presses=0 if buyer is None else buyer.presses,
        receipts_shown=0 if buyer is None else buyer.receipts,
        charged_cents=0 if buyer is None else buyer.charged_cents,
        vouchers_taken=0 if buyer is None else buyer.vouchers,
        cards_scanned=0 if buyer is None else buyer.cards,
        packs_scanned=0 if buyer is None else buyer.packs,
        ledger=ledger,
        staff=clerk is not None,
        staff_visits=0 if clerk is None else clerk.visits,
        staff_corrections=0 if clerk is None else clerk.corrections,
        staff_failures=[] if clerk is None else clerk.failures,
    )
    report.problems = judge(report)
    return report
