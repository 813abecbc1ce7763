"""The kiosk's settings as frozen dataclasses, with their defaults and allowed ranges.

Kept apart from ``kiosk.config`` (which finds, reads and merges files) so the shape of the
settings can be read in one screen. Every field's default is its documented default.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PROVIDER_NAMES = ("auto", "cpu", "cuda", "tensorrt", "openvino", "directml", "coreml")
ROUNDING_MODES = ("per_line", "per_sale")
PRINT_MODES = ("always", "ask", "never")
_UNSET = Path()  # placeholder; load_settings always fills in real paths


def _doc(default: Any, doc: str) -> Any:
    """A field with its default and the one-line meaning shown by ``kiosk config init``."""
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class CameraSettings:
    """Where frames come from: a camera index ("0"), a video, a folder, an image or a URL."""

    source: str = _doc("0", 'camera index, video file, image folder, image, URL, or "demo"')
    width: int = _doc(0, "requested camera width in pixels; 0 = the camera's default")
    height: int = _doc(0, "requested camera height in pixels; 0 = the camera's default")
    fps: float = _doc(0.0, "requested camera frame rate; 0 = the camera's default")
    loop: bool = _doc(True, "play files (video, folder, image) again from the start at the end")
    stall_seconds: float = _doc(2.0, "no new frame for this long: reopen the source")
    region: str = _doc(
        "", 'the counter as "left,top,right,bottom" fractions; items outside are ignored'
    )


@dataclass(frozen=True)
class DetectorSettings:
    """Which model runs where, and how confident a detection must be."""

    model: str = _doc(
        "", 'ONNX model file; "" = the one `kiosk model install` put in, else the demo model'
    )
    providers: str = _doc("auto", "auto, or a comma list of cpu, cuda, tensorrt, openvino, ...")
    threads: int = _doc(0, "onnxruntime intra-op threads; 0 = onnxruntime's choice")
    accept_conf: float = _doc(0.5, "a detection at or above this counts as the item")
    doubt_conf: float = _doc(0.25, "from here up to accept_conf an item is uncertain: pay blocks")
    imgsz: int = _doc(0, "model input size (multiple of 32); 0 = from the model's metadata")


@dataclass(frozen=True)
class CheckoutSettings:
    """How a basket is priced and how long a sale waits."""

    currency: str = _doc("EUR", "ISO 4217 currency code of the catalog prices")
    tax_inclusive: bool = _doc(True, "catalog prices already include tax")
    rounding: str = _doc("per_line", "round tax per_line or once per_sale")
    settle_seconds: float = _doc(0.6, "seconds the basket must stay unchanged to count")
    receipt_timeout_seconds: float = _doc(20.0, "seconds the receipt shows before welcome")
    kiosk_id: str = _doc("kiosk-1", "written into every sale to tell kiosks apart")
    timezone: str = _doc(
        "", 'time zone of receipts and sales days, e.g. "Europe/Berlin"; "" = the PC\'s clock'
    )
    receipt_code: bool = _doc(
        True, "show the receipt as a QR code on the screen, for the shopper's phone"
    )
    money_format: str = _doc(
        "€1,234.56", 'how amounts are written: 1234.56 the store\'s way, e.g. "1.234,56 €"'
    )
    unrecognised_things: bool = _doc(
        True,
        "things on the counter the camera cannot name (a product it does not know, keys) "
        "block payment until taken away, scanned or accepted by staff",
    )
    unrecognised_min_share: float = _doc(
        0.003, "the smallest such thing, as a share of the picture (0.003: a key fob)"
    )


@dataclass(frozen=True)
class VoucherSettings:
    """Bottle vouchers from the store's bottle machine, handed in at the kiosk."""

    layout: str = _doc(
        "",
        'the voucher barcode\'s digits, e.g. "98SSSSSAAAAAC" (S serial, A amount, C check); '
        '"" = the kiosk takes no vouchers',
    )
    tax_rate: float = _doc(0.0, "tax rate in percent that a voucher's amount takes off")
    max_cents: int = _doc(5000, "largest voucher, in cents, the kiosk takes without staff")


@dataclass(frozen=True)
class LabelSettings:
    """Price labels from the store's scales (deli, bakery, weighed produce)."""

    layouts: str = _doc(
        "",
        'the label barcodes\' digits, comma-separated, e.g. "22IIIIIPPPPPC, 23IIIIIWWWWWC" '
        '(I item, P price in cents, W weight in grams, X not read, C check); "" = none',
    )
    max_cents: int = _doc(10000, "dearest pack, in cents, the kiosk sells without staff")


@dataclass(frozen=True)
class UiSettings:
    """The shopper's screen."""

    fullscreen: bool = _doc(False, "fill the screen (kiosk mode)")
    hide_cursor: bool = _doc(False, "hide the mouse pointer (touch screens)")
    language: str = _doc("en", "language of the screen texts")
    speech: str = _doc(
        "button",
        'spoken guidance (espeak-ng): "button" offers it to each shopper (Voice), "always" '
        'speaks for everyone, "off"',
    )


@dataclass(frozen=True)
class StoreSettings:
    """Who sells: printed at the head of every receipt, refund slip and day report."""

    name: str = _doc("Vision Checkout", "the store's name")
    address: str = _doc("", 'address lines, separated by ";" (e.g. "Main St 1; 10115 Berlin")')
    tax_id: str = _doc("", "VAT or tax number, printed as VAT ID when set")
    receipt_footer: str = _doc(
        "", 'lines at the foot of every receipt, separated by ";"; "" = a thank-you'
    )
    receipt_language: str = _doc(
        "",
        'language of receipts and reports: "en", "es", "de" or "fr"; "" = ui.language if one of '
        "them",
    )
    receipt_files_days: int = _doc(
        90,
        "receipt files older than this many days are removed (the ledger keeps every sale "
        "and prints copies); 0 keeps them forever",
    )


@dataclass(frozen=True)
class StaffSettings:
    """Staff PIN login."""

    lockout_attempts: int = _doc(5, "wrong PINs in a row before staff login locks")
    lockout_seconds: float = _doc(300.0, "how long the lock lasts, in seconds")
    idle_seconds: float = _doc(90.0, "staff screens close and staff is signed out after this idle")


@dataclass(frozen=True)
class PathSettings:
    """Where the kiosk keeps its data; ``load_settings`` fills these in from the data dir."""

    data_dir: Path = field(
        default=_UNSET,
        metadata={"doc": "data directory; default the platform's, or $KIOSK_HOME/data"},
    )
    database: Path = field(
        default=_UNSET,
        metadata={"doc": "SQLite catalog and sales; default data_dir/catalog.sqlite"},
    )
    receipts_dir: Path = field(
        default=_UNSET, metadata={"doc": "receipt files; default data_dir/receipts"}
    )
    logs_dir: Path = field(default=_UNSET, metadata={"doc": "log files; default data_dir/logs"})
    captures_dir: Path = field(
        default=_UNSET,
        metadata={"doc": "counter pictures of staff corrections; default data_dir/captures"},
    )
    pictures_dir: Path = field(
        default=_UNSET,
        metadata={"doc": "product pictures shown to shoppers; default data_dir/pictures"},
    )
    enrol_dir: Path = field(
        default=_UNSET,
        metadata={"doc": "product views taken at the counter for training; default data_dir/enrol"},
    )


@dataclass(frozen=True)
class PrinterSettings:
    """A paper receipt printer."""

    device: str = _doc("", 'receipt printer: "" none, "/dev/usb/lp0" (ESC/POS), or "cups:QUEUE"')
    mode: str = _doc("ask", "always print, print when the shopper asks (ask), or never")
    timeout_seconds: float = _doc(10.0, "a print not finished by then counts as failed")
    cut: bool = _doc(True, "cut the paper after each receipt (ESC/POS printers)")


@dataclass(frozen=True)
class PaymentSettings:
    """The card terminal: the demo's simulated one, or a real one behind a payment bridge."""

    terminal: str = _doc(
        "simulated",
        '"simulated" (approves after 1.5 s, for demos) or the payment bridge\'s URL, '
        'e.g. "http://127.0.0.1:8750"',
    )
    timeout_seconds: float = _doc(
        180.0, "a card payment still running after this is cancelled at the terminal"
    )
    lost_seconds: float = _doc(
        30.0, "the bridge silent this long during a payment: unconfirmed, staff check it"
    )
    token: str = _doc(
        "", "the bridge's access token, sent as Authorization: Bearer (never shown or logged)"
    )
    ca_file: str = _doc(
        "", 'CA certificate (PEM file) for an https:// bridge; "" = the system\'s certificates'
    )


@dataclass(frozen=True)
class CaptureSettings:
    """Counter pictures kept when staff correct what the camera read, for retraining."""

    enabled: bool = _doc(True, "keep the counter's picture when staff correct the camera")
    keep: int = _doc(500, "the most captures kept; the oldest go first")
    quality: int = _doc(90, "JPEG quality of the pictures, 50-100")


@dataclass(frozen=True)
class Settings:
    camera: CameraSettings = field(default_factory=CameraSettings)
    detector: DetectorSettings = field(default_factory=DetectorSettings)
    checkout: CheckoutSettings = field(default_factory=CheckoutSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    payment: PaymentSettings = field(default_factory=PaymentSettings)
    captures: CaptureSettings = field(default_factory=CaptureSettings)
    vouchers: VoucherSettings = field(default_factory=VoucherSettings)
    labels: LabelSettings = field(default_factory=LabelSettings)
    paths: PathSettings = field(default_factory=PathSettings)
    config_file: Path | None = None  # the TOML file these came from, None = defaults only


SECTIONS: dict[str, type] = {
    "camera": CameraSettings,
    "detector": DetectorSettings,
    "checkout": CheckoutSettings,
    "ui": UiSettings,
    "store": StoreSettings,
    "staff": StaffSettings,
    "printer": PrinterSettings,
    "payment": PaymentSettings,
    "captures": CaptureSettings,
    "vouchers": VoucherSettings,
    "labels": LabelSettings,
    "paths": PathSettings,
}

# Field types by section, taken from the defaults: the annotations are strings.
FIELD_DOCS: dict[str, str] = {
    f"{name}.{f.name}": f.metadata["doc"] for name, cls in SECTIONS.items() for f in fields(cls)
}
FIELD_TYPES: dict[str, dict[str, type]] = {
    name: {f.name: Path if name == "paths" else type(f.default) for f in fields(cls)}
    for name, cls in SECTIONS.items()
}


def _between(low: float, high: float) -> Callable[[Any], str | None]:
    return lambda v: None if low <= v <= high else f"must be between {low:g} and {high:g}"


def _at_least(low: float) -> Callable[[Any], str | None]:
    return lambda v: None if v >= low else f"must be at least {low:g}"


def _above(low: float) -> Callable[[Any], str | None]:
    return lambda v: None if v > low else f"must be greater than {low:g}"


SPEECH_MODES = ("button", "always", "off")


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda v: None if v in choices else f"must be one of {', '.join(choices)}"


def _providers(value: str) -> str | None:
    names = [p.strip().lower() for p in value.split(",")]
    bad = [p for p in names if p not in PROVIDER_NAMES]
    return f"has unknown provider(s) {bad}; use {', '.join(PROVIDER_NAMES)}" if bad else None


def _imgsz(value: int) -> str | None:
    ok = value == 0 or (value >= 32 and value % 32 == 0)
    return None if ok else "must be 0 (from the model) or a positive multiple of 32"


def _currency(value: str) -> str | None:
    ok = re.fullmatch(r"[A-Z]{3}", value)
    return None if ok else "must be a three-letter ISO 4217 code such as EUR"


def _timezone(value: str) -> str | None:
    from kiosk.storetime import zone_problem

    return zone_problem(value)


def _region(value: str) -> str | None:
    from kiosk.counter_region import region_problem

    return region_problem(value)


def _terminal(value: str) -> str | None:
    if value == "simulated" or re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
        return None
    return 'must be "simulated" or the payment bridge\'s URL, e.g. "http://127.0.0.1:8750"'


def _file_or_empty(value: str) -> str | None:
    if not value or Path(value).is_file():
        return None
    return f"names {value!r}, which is not a file"


def _receipt_language(value: str) -> str | None:
    from kiosk.receipt_words import RECEIPT_LANGUAGES

    if not value or value in RECEIPT_LANGUAGES:
        return None
    return f'must be "" (the screen\'s language) or one of {", ".join(RECEIPT_LANGUAGES)}'


def _money_format(value: str) -> str | None:
    from kiosk.pricing import BadMoneyFormat, MoneyStyle

    try:
        MoneyStyle.parse(value)
    except BadMoneyFormat as exc:
        return str(exc)
    return None


def _voucher_layout(value: str) -> str | None:
    from kiosk.vouchers import layout_problem

    return layout_problem(value)


def _label_layouts(value: str) -> str | None:
    from kiosk.price_labels import layouts_problem

    return layouts_problem(value)


def _not_empty(value: str) -> str | None:
    return None if value.strip() else "must not be empty"


CHECKS: dict[str, Callable[[Any], str | None]] = {
    "camera.source": _not_empty,
    "camera.width": _at_least(0),
    "camera.height": _at_least(0),
    "camera.fps": _between(0, 1000),
    "camera.stall_seconds": _above(0),
    "camera.region": _region,
    "detector.providers": _providers,
    "detector.threads": _at_least(0),
    "detector.accept_conf": _between(0, 1),
    "detector.doubt_conf": _between(0, 1),
    "detector.imgsz": _imgsz,
    "checkout.currency": _currency,
    "checkout.rounding": _one_of(ROUNDING_MODES),
    "checkout.settle_seconds": _at_least(0),
    "checkout.receipt_timeout_seconds": _above(0),
    "checkout.kiosk_id": _not_empty,
    "checkout.timezone": _timezone,
    "checkout.money_format": _money_format,
    "checkout.unrecognised_min_share": _between(0.0005, 0.5),
    "ui.language": _not_empty,
    "ui.speech": _one_of(SPEECH_MODES),
    "store.name": _not_empty,
    "store.receipt_language": _receipt_language,
    "staff.lockout_attempts": _at_least(1),
    "staff.lockout_seconds": _at_least(0),
    "staff.idle_seconds": _above(0),
    "printer.mode": _one_of(PRINT_MODES),
    "printer.timeout_seconds": _above(0),
    "payment.terminal": _terminal,
    "payment.timeout_seconds": _above(0),
    "payment.lost_seconds": _above(0),
    "payment.ca_file": _file_or_empty,
    "store.receipt_files_days": _at_least(0),
    "captures.keep": _at_least(1),
    "captures.quality": _between(50, 100),
    "vouchers.layout": _voucher_layout,
    "vouchers.tax_rate": _between(0, 100),
    "vouchers.max_cents": _at_least(1),
    "labels.layouts": _label_layouts,
    "labels.max_cents": _at_least(1),
}


def cross_field_problems(settings: Settings) -> list[tuple[str, str]]:
    """Checks that involve two fields, as (dotted key, problem) pairs."""
    det = settings.detector
    if det.doubt_conf > det.accept_conf:
        return [
            (
                "detector.doubt_conf",
                f"({det.doubt_conf:g}) must not exceed detector.accept_conf ({det.accept_conf:g})",
            )
        ]
    if not settings.checkout.tax_inclusive and settings.vouchers.tax_rate:
        # Tax added on top of prices: a voucher's tax would come off on top of its amount too,
        # and the shopper would get back more than the slip says.
        return [
            (
                "vouchers.tax_rate",
                f"({settings.vouchers.tax_rate:g}) must be 0 where prices are before tax "
                "(checkout.tax_inclusive = false): a voucher pays back its amount as printed",
            )
        ]
    from kiosk.price_labels import layouts_overlapping

    clash = layouts_overlapping(settings.labels.layouts, settings.vouchers.layout)
    if clash:
        return [
            (
                "labels.layouts",
                f"({clash!r}) reads the same numbers as vouchers.layout "
                f"({settings.vouchers.layout!r}): a voucher would be taken for a pack",
            )
        ]
    return []


def _describe(value: Any) -> str:
    return f"{value!r} ({type(value).__name__})"


def _coerce_typed(value: Any, kind: type) -> Any:
    """Accept a TOML/Python value of the field's type; raise ValueError otherwise."""
    if kind is bool:
        if isinstance(value, bool):
            return value
    elif kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif kind is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if math.isfinite(value):
                return float(value)
            raise ValueError(f"expected a finite number, got {value!r}")
    elif kind is Path:
        if isinstance(value, (str, os.PathLike)) and str(value).strip():
            return Path(value).expanduser()
    elif isinstance(value, kind):
        return value
    names = {bool: "true or false", int: "a whole number", float: "a number", Path: "a path"}
    raise ValueError(f"expected {names.get(kind, 'text')}, got {_describe(value)}")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _coerce_text(value: str, kind: type) -> Any:
    """Parse a value given as text (environment variable or command line)."""
    text = value.strip()
    try:
        if kind is bool and text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        if kind in (int, float):
            return kind(text)
    except ValueError:
        pass
    return _coerce_typed(value, kind)  # text fields pass; anything else raises the message


def coerce(value: Any, kind: type, *, text: bool = False) -> Any:
    """``value`` as a field of type ``kind``; ``text`` when it came from the environment or
    the command line. Raises ValueError with a message fit for the user."""
    return _coerce_text(value, kind) if text else _coerce_typed(value, kind)
