"""``kiosk doctor``: is this kiosk ready to sell? Each part checked the way the kiosk uses it.

Settings load, the model loads, every label the model can report is sold under an active
product, the catalog checks out, someone can open the admin screen and the demo PIN is gone,
there is room on the disk, the clock is not behind the ledger, the receipts and captures
folders take files, receipts carry the store's name and VAT ID, the receipt printer is there,
and the camera gives a usable picture.
Each finding says what to do; ``fail`` means shoppers would meet the problem.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal, TypeVar

from kiosk.config_schema import Settings
from kiosk.errors import KioskError

Level = Literal["ok", "warn", "fail"]
T = TypeVar("T")
DISK_WARN_BYTES = 1_000_000_000
DISK_FAIL_BYTES = 200_000_000
CLOCK_SLACK = timedelta(minutes=5)  # a time server's correction may step the clock back a bit


@dataclass(frozen=True)
class Finding:
    level: Level
    topic: str
    text: str


def _read_catalog(
    settings: Settings,
    read: Callable[[Any], T],
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,),
) -> T | None:
    """``read(db)`` on the catalog, opened without migrating it and closed after; None when
    it cannot be opened or read (a catalog from before what ``read`` looks at, or a damaged
    one: ``check_catalog`` says why)."""
    from catalog.db import connect
    from catalog.errors import CatalogError

    try:
        db = connect(settings.paths.database, migrate=False)
    except CatalogError:
        return None
    try:
        return read(db)
    except (*errors, CatalogError):
        return None
    finally:
        db.conn.close()


def check_settings(config_file: str | None) -> tuple[Settings | None, list[Finding]]:
    from kiosk.config import ConfigError, load_settings

    try:
        settings = load_settings(config_file)
    except ConfigError as exc:
        return None, [Finding("fail", "settings", str(exc))]
    return settings, [Finding("ok", "settings", f"loaded; data in {settings.paths.data_dir}")]


def check_model(settings: Settings) -> tuple[set[str], list[Finding]]:
    """The labels the model can report (empty when it does not load)."""
    from kiosk.config import model_choice
    from kiosk.detector import Detector

    try:
        path, why = model_choice(settings)
        detector = Detector.from_settings(settings.detector, path)
    except KioskError as exc:
        return set(), [Finding("fail", "model", f"{exc}")]
    labels = set(detector.names.values())
    where = ", ".join(detector.providers)
    return labels, [
        Finding("ok", "model", f"{path.name} ({why}) loads: {len(labels)} labels ({where})")
    ]


def check_catalog(database: Path, model_labels: set[str]) -> list[Finding]:
    from catalog.db import connect
    from catalog.demo import DEMO_PIN
    from catalog.errors import CatalogError
    from catalog.products import first_skus, label_coverage, list_products
    from catalog.staff import list_staff, staff_with_pin

    if not database.is_file():
        return [Finding("fail", "catalog", f"no catalog at {database}: run kiosk catalog init")]
    try:
        db = connect(database, migrate=False)
    except CatalogError as exc:
        return [Finding("fail", "catalog", str(exc))]
    try:
        found = [_integrity(db.conn, database)]
        if found[-1].level == "fail":
            return found  # a damaged file: nothing else in it can be trusted
        found.append(_schema(db, database))
        if found[-1].level == "fail":
            return found  # a newer program's catalog: this one must not read on
        products = list_products(db, active_only=True)
        found.append(Finding("ok", "catalog", f"{len(products)} products on sale"))
        coverage = label_coverage(db, model_labels)
        if coverage.unsold:
            found.append(
                Finding(
                    "fail",
                    "catalog",
                    f"the model recognises {', '.join(coverage.unsold)} but no product on sale "
                    "has that label: shoppers would be sent for help. Add the label to a product "
                    "(catalog CSV `labels` column) or put the product back on sale",
                )
            )
        unseen = coverage.unseen if model_labels else ()
        scanned = coverage.scanned if model_labels else ()
        if scanned:
            found.append(
                Finding(
                    "ok",
                    "catalog",
                    f"{len(scanned)} products on sale the camera cannot recognise are sold by "
                    f"their barcode ({first_skus(scanned)}): shoppers scan them (a USB barcode "
                    "scanner)",
                )
            )
        if unseen:
            found.append(
                Finding(
                    "warn",
                    "catalog",
                    f"{len(unseen)} products on sale the camera cannot recognise "
                    f"({first_skus(unseen)}): staff add "
                    "them by hand, or the model needs enrolling with them",
                )
            )
        staff = [m for m in list_staff(db) if m.active]
        if not any(m.role == "manager" for m in staff):
            found.append(
                Finding(
                    "warn",
                    "staff",
                    "no active manager: nobody can change prices or close the kiosk; "
                    "add one with kiosk catalog staff add NAME --role manager",
                )
            )
        demo = staff_with_pin(db, DEMO_PIN)
        if demo is not None:
            found.append(
                Finding(
                    "warn",
                    "staff",
                    f"{demo.name!r} still has the demo PIN {DEMO_PIN}, which anyone can look "
                    f"up: kiosk catalog staff pin {demo.name!r} (or staff disable)",
                )
            )
        elif staff:
            found.append(Finding("ok", "staff", f"{len(staff)} active staff accounts"))
    finally:
        db.conn.close()
    return found


def _schema(db, database: Path) -> Finding:
    from catalog.migrations import LATEST_VERSION, schema_version

    version = schema_version(db)
    if version > LATEST_VERSION:
        return Finding(
            "fail",
            "catalog",
            f"{database} has schema version {version}, written by a newer kiosk program than "
            f"this one (which knows {LATEST_VERSION}): after a rollback, install the newer "
            "version again, or restore the copy taken before the upgrade "
            "(data/backups/before-VERSION-…; sales made since would be lost)",
        )
    if version < LATEST_VERSION:
        return Finding(
            "warn",
            "catalog",
            f"{database} has schema version {version}; the kiosk brings it to "
            f"{LATEST_VERSION} when it starts (or now: kiosk catalog init)",
        )
    return Finding("ok", "catalog", f"schema version {version}")


def _integrity(conn: sqlite3.Connection, database: Path) -> Finding:
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        return Finding(
            "fail",
            "catalog",
            f"{database} is damaged ({result}): close the kiosk and restore the newest copy "
            "from backups/ (kiosk catalog restore COPY)",
        )
    return Finding("ok", "catalog", f"{database} checks out")


def check_disk(settings: Settings) -> list[Finding]:
    paths = settings.paths
    found = []
    folder = paths.data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # not made yet: the disk it will be made on
    free = shutil.disk_usage(folder).free
    if free < DISK_FAIL_BYTES:
        level: Level = "fail"
    elif free < DISK_WARN_BYTES:
        level = "warn"
    else:
        level = "ok"
    found.append(Finding(level, "disk", f"{free / 1e9:.1f} GB free for {paths.data_dir}"))
    try:
        paths.receipts_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=paths.receipts_dir):
            pass
    except OSError as exc:
        found.append(Finding("fail", "disk", f"receipts cannot be written: {exc}"))
    else:
        from kiosk.receipt_files import count_receipts

        files = count_receipts(paths.receipts_dir)
        days = settings.store.receipt_files_days
        kept = f"kept {days} days" if days > 0 else "kept forever (store.receipt_files_days 0)"
        found.append(
            Finding(
                "ok",
                "disk",
                f"receipts folder {paths.receipts_dir} takes files ({files} receipts, {kept})",
            )
        )
    return found


def check_payments(settings: Settings) -> list[Finding]:
    """Payments a crash interrupted that the terminal could not account for: staff must look
    them up in the terminal's journal (each with its amount, time and sale key)."""
    from catalog.intents import unsettled_intents
    from kiosk.pricing import format_money
    from kiosk.storetime import receipt_time, store_zone

    found = _read_catalog(
        settings, lambda db: (unsettled_intents(db, ("unknown",)), unsettled_intents(db, ("open",)))
    )
    if found is None:
        return []  # no catalog, or one from before payment intents: nothing to check yet
    unknown, still_open = found
    zone = store_zone(settings.checkout.timezone)
    findings = [
        Finding(
            "warn",
            "payments",
            f"a payment of {format_money(i.draft.total_cents, i.draft.currency)} at "
            f"{receipt_time(i.created_at, zone)} ended without the terminal saying whether it "
            f"was taken (the kiosk was down, or the terminal stopped answering): look up sale "
            f"key {i.key} in the "
            "terminal's journal, then kiosk payments settle KEY --paid REF (or --not-paid)",
        )
        for i in unknown
    ]
    if still_open:
        findings.append(Finding("warn", "payments", f"{len(still_open)} payment(s) not settled "
                                "yet: the kiosk settles them when it starts"))  # fmt: skip
    return findings or [Finding("ok", "payments", "every payment started is accounted for")]


def check_clock(settings: Settings, now: datetime | None = None) -> list[Finding]:
    """Receipts, the day's takings and the offers' days go by the PC's clock. A clock behind
    the ledger's newest sale or refund (a flat BIOS battery after a power cut, and no network
    to set it) would date today's sales into the past, out of order with the receipts before
    them, and count them on another day."""
    from catalog.db import rows
    from kiosk.storetime import receipt_time, store_zone

    newest_sql = (
        "SELECT MAX(at) AS at FROM (SELECT MAX(created_at) AS at FROM sales"
        " UNION ALL SELECT MAX(created_at) FROM refunds)"
    )
    found = _read_catalog(settings, lambda db: rows(db, newest_sql)[0])
    if found is None:
        return []  # no catalog, or one from before the ledger's refunds: nothing to compare
    newest = found["at"]
    now = now or datetime.now(timezone.utc)
    zone = store_zone(settings.checkout.timezone)
    shown = receipt_time(now.isoformat(), zone)
    if newest is None:
        return [Finding("ok", "clock", f"the clock reads {shown} (no sales yet to compare)")]
    if datetime.fromisoformat(newest) - now > CLOCK_SLACK:
        return [
            Finding(
                "fail",
                "clock",
                f"the clock reads {shown}, before the newest sale or refund in the ledger "
                f"({receipt_time(newest, zone)}): set the date and time (sudo timedatectl "
                "set-time 'YYYY-MM-DD HH:MM', or in the PC's setup) before selling; receipts "
                "and the day's takings go by it",
            )
        ]
    return [Finding("ok", "clock", f"the clock reads {shown}, after the ledger's newest record")]


def check_terminal(settings: Settings) -> list[Finding]:
    """The card terminal: a real one answers through its bridge; a simulated one takes no money."""
    from kiosk.checkout import terminal_for

    terminal = terminal_for(settings)
    status = getattr(terminal, "status", None)
    if status is None:
        return [Finding("warn", "payments", "card payments are simulated and take no money: "
                        "set [payment] terminal to the payment bridge's URL")]  # fmt: skip
    ready, text = status()
    return [Finding("ok" if ready else "fail", "payments", text)]


def check_vouchers(settings: Settings) -> list[Finding]:
    """Bottle vouchers: the layout they are read with, and a tax rate that matches the
    deposits charged (a voucher takes back what a deposit charged, tax included)."""
    from catalog.money import format_bp
    from catalog.products import list_products
    from kiosk.pricing import format_money

    products = _read_catalog(settings, list_products)
    if products is None:
        return []  # the catalog check says why
    rates = sorted({p.tax_rate_bp for p in products if p.deposit_cents > 0 and p.active})
    vouchers = settings.vouchers
    if not vouchers.layout:
        if not rates:
            return []
        text = ("products carry deposits and the kiosk takes no bottle vouchers "
                "(vouchers.layout): shoppers hand theirs in at a staffed till")  # fmt: skip
        return [Finding("ok", "vouchers", text)]
    rate = round(vouchers.tax_rate * 100)
    most = format_money(vouchers.max_cents, settings.checkout.currency)
    if rates and rate not in rates and settings.checkout.tax_inclusive:
        charged = " and ".join(f"{format_bp(r)} %" for r in rates)
        return [Finding("warn", "vouchers", f"vouchers take {format_bp(rate)} % tax off while "
                        f"deposits are charged at {charged}: set vouchers.tax_rate to the rate "
                        "the store books returned deposits at")]  # fmt: skip
    text = f"bottle vouchers read as {vouchers.layout}, {format_bp(rate)} % tax, up to {most}"
    return [Finding("ok", "vouchers", text)]


def check_labels(settings: Settings) -> list[Finding]:
    """Price labels: the layouts, and the products they find (a weighed product without a
    price per kilogram cannot be sold by its labels)."""
    from catalog.products import first_skus, list_products
    from kiosk.price_labels import LabelRules

    rules = LabelRules.from_settings(settings.labels)
    if rules is None:
        return []
    products = _read_catalog(settings, list_products)
    if products is None:
        return []  # the catalog check says why
    found = [(p, rules.sells(p.barcode or "")) for p in products if p.active]
    labelled = [(p, layout) for p, layout in found if layout is not None]
    # A barcode with a label's shape and a price or weight in it: a pack's whole label
    # stored before the store read labels (its packs find nothing), or a number that clashes.
    whole = tuple(
        p.sku for p, layout in found if layout is None and rules.layout_of(p.barcode or "")
    )
    unpriced = tuple(p.sku for p, layout in labelled if "W" in layout and p.price_cents <= 0)
    layouts = ", ".join(rules.layouts)
    if not labelled:
        return [Finding("warn", "labels", f"price labels read as {layouts}, but no product's "
                        "barcode is a label's base number (the label with price, weight and X "
                        "digits 0): `kiosk barcode LABEL` says which number")]  # fmt: skip
    if unpriced:
        return [Finding("fail", "labels", f"weighed products without a price per kg: "
                        f"{first_skus(unpriced)}; their labels cannot be sold")]  # fmt: skip
    if whole:
        return [Finding("warn", "labels", f"barcodes shaped like a scale label with a price or "
                        f"weight in it: {first_skus(whole)}; `kiosk barcode LABEL` gives a "
                        "pack's product number, else renumber the product")]  # fmt: skip
    return [Finding("ok", "labels", f"price labels read as {layouts}: {len(labelled)} products")]


def check_receipt_head(settings: Settings) -> list[Finding]:
    """Whose name the receipts carry: the kiosk's default name, or no VAT ID, is a warning
    (a receipt is the store's, and many countries require both)."""
    from kiosk.receipt import StoreInfo
    from kiosk.store_details import store_info

    store = _read_catalog(settings, lambda db: store_info(settings, db))
    if store is None:
        return []  # the catalog check says why
    missing = []
    if store.name == StoreInfo.name:
        missing.append(f"the name \"{store.name}\" (the kiosk's own, not the store's)")
    if not store.tax_id:
        missing.append("no VAT ID")
    if missing:
        return [Finding("warn", "receipts", f"receipts carry {' and '.join(missing)}: set the "
                        "store's on the admin screen (Store) or with kiosk catalog store --name "
                        "NAME --tax-id ID")]  # fmt: skip
    head = ", ".join([store.name, *store.address, f"VAT ID {store.tax_id}"])
    return [Finding("ok", "receipts", f"receipts are headed {head}")]


def check_language(settings: Settings) -> list[Finding]:
    """The screens' language exists (an unknown one shows English, which a technician
    would only notice on the screen), and which language the paper is in."""
    from kiosk.languages import SCREEN_LANGUAGES, screen_language, system_locale
    from kiosk.receipt_words import receipt_language

    wanted = settings.ui.language
    shown = screen_language(wanted, system_locale())
    paper = receipt_language(settings.store.receipt_language, wanted)
    words = f"receipts in {SCREEN_LANGUAGES.get(paper, paper)}"
    if shown is None:
        known = ", ".join(f"{code} ({name})" for code, name in SCREEN_LANGUAGES.items())
        return [Finding("warn", "language", f"ui.language {wanted!r}: the screens have no "
                        f"texts in it and show English; they speak {known}; {words}")]  # fmt: skip
    return [Finding("ok", "language", f"screens in {SCREEN_LANGUAGES[shown]}, {words}")]


def check_printer(settings: Settings) -> list[Finding]:
    """The receipt printer is there and can be written to (nothing is printed)."""
    import os

    device = settings.printer.device.strip()
    if not device:
        return [Finding("ok", "printer", "no receipt printer: receipts are files only")]
    if device.startswith("cups:"):
        if shutil.which("lp") is None:
            return [Finding("warn", "printer", f"{device}: the lp command is missing "
                            "(sudo apt-get install cups-client)")]  # fmt: skip
        return [Finding("ok", "printer", f"{device} through lp ({settings.printer.mode})")]
    path = Path(device)
    if not path.exists():
        return [Finding("warn", "printer", f"{device} does not exist: is the printer on and "
                        "plugged in? (ls /dev/usb/)")]  # fmt: skip
    if not os.access(path, os.W_OK):
        return [Finding("warn", "printer", f"{device} is not writable for this account: add it "
                        "to the printer's group (sudo usermod -aG lp kiosk)")]  # fmt: skip
    return [Finding("ok", "printer", f"{device} takes receipts ({settings.printer.mode})")]


def check_captures(settings: Settings) -> list[Finding]:
    """The pictures kept when staff correct the camera: a warning at most, never a fail."""
    from kiosk.captures import CaptureStore

    if not settings.captures.enabled:
        return [Finding("ok", "captures", "off: staff corrections keep no pictures")]
    store = CaptureStore(settings.paths.captures_dir, keep=settings.captures.keep)
    try:
        store.root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=store.root, suffix=".tmp"):
            pass
    except OSError as exc:
        return [Finding("warn", "captures", f"{store.root} takes no files: {exc}")]
    found, problems = store.captures()
    findings = [
        Finding(
            "ok",
            "captures",
            f"{len(found)} pictures of staff corrections in {store.root} "
            f"({store.disk_bytes() / 1e6:.0f} MB, up to {store.keep} kept; "
            "kiosk captures export to train on them)",
        )
    ]
    if problems:
        findings.append(
            Finding("warn", "captures", f"{len(problems)} unreadable, e.g. {problems[0].path}")
        )
    return findings


def check_pictures(settings: Settings) -> list[Finding]:
    """The products' pictures on the shoppers' screen: a warning at most (a product is sold
    without its picture), never a fail."""
    from catalog.pictures import PictureStore
    from catalog.products import list_products

    if not settings.paths.database.is_file():
        return []  # the catalog check has said so
    # Any failure: a damaged or newer catalog, which the catalog check has named.
    on_sale = _read_catalog(
        settings, lambda db: list_products(db, active_only=True), errors=(Exception,)
    )
    if on_sale is None:
        return []
    store = PictureStore(settings.paths.pictures_dir)
    with_picture = [p for p in on_sale if p.image]
    broken = [p.sku for p in with_picture if store.load(p.image or "") is None]
    findings = [
        Finding(
            "ok",
            "pictures",
            f"{len(with_picture) - len(broken)} of {len(on_sale)} products on sale show a "
            f"picture ({store.root})",
        )
    ]
    if broken:
        findings.append(
            Finding(
                "warn",
                "pictures",
                f"{len(broken)} pictures missing or unreadable ({', '.join(broken[:5])}"
                f"{', …' if len(broken) > 5 else ''}): those products are shown without one. "
                "Take them again on the admin screen (Products) or import the catalog CSV "
                "with its pictures",
            )
        )
    return findings


def check_speech(settings: Settings) -> list[Finding]:
    """Spoken guidance: whether the kiosk can speak (a warning at most)."""
    from kiosk.speech import speech_program

    if settings.ui.speech == "off":
        return [Finding("ok", "speech", "spoken guidance is off ([ui] speech)")]
    program = speech_program()
    if program is None:
        return [
            Finding(
                "warn",
                "speech",
                "espeak-ng is not installed: shoppers who cannot read the screen get no Voice "
                "button (sudo apt-get install espeak-ng)",
            )
        ]
    how = "for every shopper" if settings.ui.speech == "always" else "on the Voice button"
    return [Finding("ok", "speech", f"spoken guidance through {program}, {how}")]


def check_counter_watch(settings: Settings) -> list[Finding]:
    """Whether things on the counter that the camera cannot name hold up payment."""
    checkout = settings.checkout
    if not checkout.unrecognised_things:
        text = ("checkout.unrecognised_things is off: a product the camera cannot recognise, "
                "put on the counter and not scanned, leaves unpaid")  # fmt: skip
        return [Finding("warn", "counter", text)]
    share = f"{checkout.unrecognised_min_share * 100:g} %"
    text = (f"things on the counter the camera cannot name block payment (the smallest: "
            f"{share} of the picture); clear the counter when the kiosk starts")  # fmt: skip
    return [Finding("ok", "counter", text)]


def check_camera(settings: Settings, seconds: float = 3.0) -> list[Finding]:
    from kiosk.camera_check import check_configured_camera

    try:
        report, _ = check_configured_camera(settings.camera, seconds)
    except KioskError as exc:
        return [Finding("fail", "camera", f"{exc} (is the kiosk itself running and using it?)")]
    problems = report.problems()
    if report.frames == 0:
        return [Finding("fail", "camera", problems[0])]
    found = [
        Finding(
            "ok",
            "camera",
            f"{report.source}: {report.width}x{report.height}, {report.fps:.0f} frames/s",
        )
    ]
    found += [Finding("warn", "camera", problem) for problem in problems]
    return found


def run_checks(config_file: str | None, *, camera: bool = True) -> list[Finding]:
    """Every check, in the order a technician would fix things."""
    settings, findings = check_settings(config_file)
    if settings is None:
        return findings
    labels, model_findings = check_model(settings)
    findings += model_findings
    findings += check_catalog(settings.paths.database, labels)
    findings += check_disk(settings)
    findings += check_clock(settings)
    findings += check_payments(settings)
    findings += check_terminal(settings)
    findings += check_vouchers(settings)
    findings += check_labels(settings)
    findings += check_receipt_head(settings)
    findings += check_language(settings)
    findings += check_printer(settings)
    findings += check_captures(settings)
    findings += check_pictures(settings)
    findings += check_speech(settings)
    findings += check_counter_watch(settings)
    if camera:
        findings += check_camera(settings)
    return findings
