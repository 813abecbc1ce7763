"""The receipt: plain text (for a printer or a log) and HTML (for a screen or e-mail).

Rendered only from the recorded :class:`~catalog.models.Sale`, never from the live basket,
so the file always matches the ledger. Files are written atomically (temporary file, then
rename) under ``settings.paths.receipts_dir`` as ``receipt-<receipt_no>.txt`` / ``.html``.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

from catalog.models import Refund, Sale, SaleLine
from catalog.money import format_bp
from catalog.tax import refund_tax_bands, tax_bands_of
from kiosk.atomic_file import write_atomic
from kiosk.errors import KioskError
from kiosk.pricing import format_money
from kiosk.receipt_words import ENGLISH, ReceiptWords, receipt_language, words_for
from kiosk.storetime import receipt_time

WIDTH = 40


THANKS = ENGLISH.thanks


def split_lines(text: str) -> tuple[str, ...]:
    """Lines written one per line or separated by ";" (as kiosk.toml's ``address`` is)."""
    return tuple(line.strip() for line in text.replace(";", "\n").splitlines() if line.strip())


@dataclass(frozen=True)
class StoreInfo:
    """Who sold: the head of every receipt (many countries require name, address, tax id),
    and the lines at its foot (a thank-you, the returns policy)."""

    name: str = "Vision Checkout"
    address: tuple[str, ...] = ()
    tax_id: str = ""
    footer: tuple[str, ...] = (THANKS,)
    language: str = "en"  # of the printed words (kiosk.receipt_words)

    @classmethod
    def from_settings(cls, store: Any, screen_language: str = "") -> StoreInfo:
        language = receipt_language(store.receipt_language, screen_language)
        return cls(
            store.name.strip() or cls.name,
            split_lines(store.address),
            store.tax_id.strip(),
            split_lines(store.receipt_footer) or (words_for(language).thanks,),
            language,
        )

    @property
    def words(self) -> ReceiptWords:
        return words_for(self.language)

    def header(self) -> list[str]:
        """The head lines, centred on the receipt's width."""
        lines = [self.name, *self.address]
        if self.tax_id:
            lines.append(self.words.vat_id.format(id=self.tax_id))
        return [line.center(WIDTH) for line in lines]


DEFAULT_STORE = StoreInfo()
TAX_ROW = "{:>6} {:>10} {:>10} {:>10}"


class ReceiptNotWritten(KioskError):
    """The receipt file could not be written (the sale itself is saved)."""


def row_text(left: str, right: str, width: int = WIDTH) -> str:
    """``left`` and ``right`` on one line of ``width`` (``left`` shortened with … to fit)."""
    room = width - len(right) - 1
    left = left if len(left) <= room else left[: room - 1] + "…"
    return f"{left:<{room}} {right}"


def wrapped_row(left: str, right: str, width: int = WIDTH) -> str:
    """``left`` and ``right`` as :func:`row_text`, but a ``left`` too long for the line goes
    on over more lines, the amount on its last: a product's whole name is on the receipt (a
    weighed pack's weight and price per kg at its end)."""
    room = width - len(right) - 1
    if len(left) <= room:
        return row_text(left, right, width)
    parts = textwrap.wrap(left, room, subsequent_indent="  ", break_on_hyphens=False)
    return "\n".join([*parts[:-1], row_text(parts[-1], right, width)])


def _line_text(line: SaleLine, currency: str, words: ReceiptWords = ENGLISH) -> str:
    if line.kind == "promotion":
        return wrapped_row(f"  {line.name}", format_money(line.line_cents, currency))
    if line.kind in ("deposit", "voucher"):
        return row_text(
            f"  {line_words(line, currency, words)}", format_money(line.line_cents, currency)
        )
    mark = f" {words.added_by_staff}" if line.kind == "manual" else ""
    text = f"{line.quantity} × {line.name}{mark}"
    return wrapped_row(text, format_money(line.line_cents, currency))


def deposit_words(line: SaleLine, currency: str, words: ReceiptWords = ENGLISH) -> str:
    """ "Deposit 3 × €0.25": a deposit line as printed under its item."""
    return words.deposit.format(count=line.quantity, unit=format_money(line.unit_cents, currency))


def line_words(line: SaleLine, currency: str, words: ReceiptWords = ENGLISH) -> str:
    """A deposit's or a voucher's text in the receipt's language; a product's name else."""
    if line.kind == "deposit":
        return deposit_words(line, currency, words)
    if line.kind == "voucher":
        return words.voucher.format(code=line.sku)
    return line.name


def saved_cents(sale: Sale) -> int:
    """What the offers took off this sale (0 when none applied)."""
    lines = sale.lines or sale.draft.lines
    return -sum(line.line_cents for line in lines if line.kind == "promotion")


def _tax_label(sale: Sale, words: ReceiptWords) -> str:
    return words.incl_tax if sale.draft.tax_inclusive else words.tax


def _tax_table(sale: Sale) -> list[tuple[str, str, str, str]]:
    """Rate, net, tax, gross per tax rate (money as the sale's currency shows it)."""
    cur = sale.draft.currency
    return [
        (
            f"{format_bp(band.rate_bp)} %",
            format_money(band.net_cents, cur),
            format_money(band.tax_cents, cur),
            format_money(band.gross_cents, cur),
        )
        for band in tax_bands_of(sale)
    ]


def receipt_text(sale: Sale, store: StoreInfo = DEFAULT_STORE, zone: tzinfo | None = None) -> str:
    """The receipt as fixed-width text; times in ``zone`` (None: the PC's local time)."""
    draft, cur, words = sale.draft, sale.draft.currency, store.words
    rule = "-" * WIDTH
    out = [*store.header(), words.receipt.format(number=sale.receipt_no).center(WIDTH)]
    out += [receipt_time(sale.created_at, zone).center(WIDTH), rule]
    out += [_line_text(line, cur, words) for line in sale.lines or draft.lines]
    out += [rule, row_text(words.subtotal, format_money(draft.subtotal_cents, cur))]
    out.append(row_text(_tax_label(sale, words), format_money(draft.tax_cents, cur)))
    out.append(row_text(words.total, format_money(draft.total_cents, cur)))
    if saved_cents(sale) > 0:
        out.append(row_text(words.saved, format_money(saved_cents(sale), cur)))
    out += [TAX_ROW.format(*row) for row in [words.tax_header, *_tax_table(sale)]]
    paid_by = words.paid_by.format(method=words.method(draft.payment_method))
    out.append(row_text(paid_by, draft.payment_ref or "-"))
    if draft.approved_by:
        out.append(words.age_check.format(name=draft.approved_by))
    for text in draft.overrides:  # a printer's line is WIDTH characters: wrap, do not cut
        out += textwrap.wrap(words.staff.format(text=text), WIDTH, subsequent_indent="  ")
    out += [rule, words.sale.format(kiosk=draft.kiosk_id, id=sale.id), *store.footer]
    return "\n".join(out) + "\n"


PHONE_BYTES = 700  # more makes a code too dense to show at 3 px a module in 320 px


def receipt_for_phone(
    sale: Sale, store: StoreInfo = DEFAULT_STORE, zone: tzinfo | None = None
) -> str:
    """The receipt's text for a QR code the shopper's phone reads off the screen (no internet
    needed: the code holds the text itself): the paper's lines without their padding and
    rules; "" when even that is too long for a code a phone reads well."""
    lines = []
    for line in receipt_text(sale, store, zone).splitlines():
        squeezed = " ".join(line.split())
        if squeezed and set(squeezed) != {"-"}:
            lines.append(squeezed)
    text = "\n".join(lines)
    return text if len(text.encode("utf-8")) <= PHONE_BYTES else ""


def receipt_html(sale: Sale, store: StoreInfo = DEFAULT_STORE, zone: tzinfo | None = None) -> str:
    """The receipt as a small standalone HTML page."""
    draft, cur, words = sale.draft, sale.draft.currency, store.words
    esc = html.escape
    rows = []
    for line in sale.lines or draft.lines:
        qty = "" if line.kind == "promotion" else f"{line.quantity} × "
        plain = line.kind in ("promotion", "item", "manual")
        text = qty + line.name if plain else line_words(line, cur, words)
        rows.append(
            f"<tr class='{esc(line.kind)}'><td>{esc(text)}</td>"
            f"<td class='amount'>{esc(format_money(line.line_cents, cur))}</td></tr>"
        )
    totals = [
        (words.subtotal, draft.subtotal_cents),
        (_tax_label(sale, words), draft.tax_cents),
        (words.total, draft.total_cents),
    ]
    if saved_cents(sale) > 0:
        totals.append((words.saved, saved_cents(sale)))
    rows += [
        f"<tr class='total'><th>{esc(name)}</th><td class='amount'>"
        f"{esc(format_money(cents, cur))}</td></tr>"
        for name, cents in totals
    ]
    taxes = "".join(
        "<tr class='tax'>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>\n"
        for row in _tax_table(sale)
    )
    tax_table = (
        "<table class='taxes'>\n<tr>"
        + "".join(f"<th>{esc(h)}</th>" for h in words.tax_header)
        + "</tr>\n"
        f"{taxes}</table>\n"
    )
    paid_by = words.paid_by.format(method=words.method(draft.payment_method))
    notes = [f"{paid_by} {draft.payment_ref}".strip()]
    if draft.approved_by:
        notes.append(words.age_check.format(name=draft.approved_by))
    notes += [words.staff.format(text=text) for text in draft.overrides]
    seller = "".join(f"<p class='store'>{esc(line.strip())}</p>\n" for line in store.header()[1:])
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{esc(words.receipt.format(number=sale.receipt_no))}</title></head><body>\n"
        f"<h1>{esc(store.name)}</h1>\n{seller}"
        f"<p>{esc(words.receipt.format(number=sale.receipt_no))} · "
        f"{esc(receipt_time(sale.created_at, zone))}</p>\n<table>\n" + "\n".join(rows)
        + "\n</table>\n" + tax_table
        + "".join(f"<p>{esc(n)}</p>\n" for n in notes)
        + f"<p>{esc(words.sale.format(kiosk=draft.kiosk_id, id=sale.id))}</p>\n"
        + "".join(f"<p class='footer'>{esc(line)}</p>\n" for line in store.footer)
        + "</body></html>\n"
    )  # fmt: skip


def write_receipt(
    sale: Sale,
    receipts_dir: Path,
    store: StoreInfo = DEFAULT_STORE,
    zone: tzinfo | None = None,
) -> Path:
    """Write ``receipt-<no>.txt`` and ``.html``; returns the text file's path."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in sale.receipt_no)
    try:
        receipts_dir.mkdir(parents=True, exist_ok=True)
        text_path = receipts_dir / f"receipt-{safe}.txt"
        write_atomic(text_path, receipt_text(sale, store, zone))
        write_atomic(receipts_dir / f"receipt-{safe}.html", receipt_html(sale, store, zone))
    except OSError as exc:
        raise ReceiptNotWritten(
            f"Could not write the receipt for sale {sale.receipt_no} to {receipts_dir}: "
            f"{exc.strerror or exc}. The sale is saved; check the folder's space and rights "
            "(settings.paths.receipts_dir)."
        ) from exc
    return text_path


def refund_text(
    refund: Refund,
    store: StoreInfo = DEFAULT_STORE,
    zone: tzinfo | None = None,
) -> str:
    """The refund slip as fixed-width text: what went back, how, who gave it and why."""
    cur, words = refund.currency, store.words
    rule = "-" * WIDTH
    out = [*store.header(), words.refund.format(number=refund.refund_no).center(WIDTH)]
    out += [words.for_receipt.format(number=refund.receipt_no).center(WIDTH)]
    out += [receipt_time(refund.created_at, zone).center(WIDTH), rule]
    for line in refund.lines:
        back = format_money(-line.amount_cents, cur)
        out.append(row_text(f"{line.quantity} × {line.name}", back))
    out += [rule, row_text(words.refunded, format_money(refund.amount_cents, cur))]
    out.append(row_text(words.incl_tax, format_money(refund.tax_cents, cur)))
    out.append(TAX_ROW.format(*words.tax_header))
    for band in refund_tax_bands(refund.lines):
        money = (format_money(c, cur) for c in (band.net_cents, band.tax_cents, band.gross_cents))
        out.append(TAX_ROW.format(f"{format_bp(band.rate_bp)} %", *money))
    refunded_by = words.refunded_by.format(method=words.method(refund.method))
    out.append(row_text(refunded_by, refund.payment_ref or "-"))
    for text in (words.staff.format(text=refund.staff), words.reason.format(text=refund.reason)):
        out += textwrap.wrap(text, WIDTH, subsequent_indent="  ")
    out += [rule, words.refund_id.format(kiosk=refund.kiosk_id, id=refund.id)]
    return "\n".join(out) + "\n"


def write_refund(
    refund: Refund,
    receipts_dir: Path,
    store: StoreInfo = DEFAULT_STORE,
    zone: tzinfo | None = None,
) -> Path:
    """Write ``refund-<no>.txt`` beside the receipts; returns its path."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in refund.refund_no)
    path = receipts_dir / f"refund-{safe}.txt"
    try:
        receipts_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(path, refund_text(refund, store, zone))
    except OSError as exc:
        raise ReceiptNotWritten(
            f"Could not write the refund slip {refund.refund_no} to {receipts_dir}: "
            f"{exc.strerror or exc}. The refund is saved."
        ) from exc
    return path
