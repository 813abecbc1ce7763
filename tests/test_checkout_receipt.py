"""Receipt files: rendered from the recorded sale, text and HTML, written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.models import Sale, SaleDraft, SaleLine
from kiosk.receipt import ReceiptNotWritten, receipt_html, receipt_text, write_receipt


def sale(currency: str = "EUR", inclusive: bool = True, **draft: object) -> Sale:
    lines = (
        SaleLine("1001", "Fizz Cola <can>", 3, 129, 387, 1900, 0, "item"),
        SaleLine("1001", "3 for 2 (Fizz Cola)", 1, -129, -129, 1900, 0, "promotion"),
        SaleLine("1016", "Orange (each)", 2, 55, 110, 700, 0, "manual"),
    )
    tax = 49
    values = dict(
        idempotency_key="key-1", lines=lines, subtotal_cents=368, tax_cents=tax,
        total_cents=368 if inclusive else 368 + tax, currency=currency, tax_inclusive=inclusive,
        payment_ref="SIM-1", kiosk_id="kiosk-1",
    )  # fmt: skip
    values.update(draft)
    return Sale(7, "K1-000007", "2026-11-25T14:00:00Z", SaleDraft(**values), lines)  # type: ignore[arg-type]


def test_text_receipt_lists_lines_offers_tax_and_overrides() -> None:
    text = receipt_text(sale(approved_by="Ann", overrides=("Ann added 2 × Orange (1016)",)))
    lines = text.splitlines()
    assert "Receipt K1-000007" in lines[1]
    assert any(x.startswith("3 × Fizz Cola <can>") and x.endswith("€3.87") for x in lines)
    assert any(x.startswith("  3 for 2") and x.endswith("-€1.29") for x in lines)
    assert any(x.startswith("2 × Orange (each) (staff)") for x in lines)
    assert any(x.startswith("incl. tax") and x.endswith("€0.49") for x in lines)
    assert any(x.startswith("TOTAL") and x.endswith("€3.68") for x in lines)
    assert any(x.startswith("You saved") and x.endswith("€1.29") for x in lines)  # the offer
    assert "Age check approved by Ann" in lines
    assert "Staff: Ann added 2 × Orange (1016)" in lines
    assert all(len(x) <= 40 for x in lines)
    long = "Demo Manager approved the basket (age check: 1 × 1007, 2 × 1006)"
    lines = receipt_text(sale(overrides=(long,))).splitlines()
    at = lines.index("Staff: Demo Manager approved the basket")
    assert lines[at + 1] == "  (age check: 1 × 1007, 2 × 1006)"
    assert all(len(x) <= 40 for x in lines)


def test_a_sale_without_offers_saves_nothing_and_says_nothing() -> None:
    plain = sale(lines=sale().lines[:1], subtotal_cents=387, total_cents=387)
    plain = Sale(plain.id, plain.receipt_no, plain.created_at, plain.draft, plain.draft.lines)
    assert "You saved" not in receipt_text(plain) and "You saved" not in receipt_html(plain)
    assert "<th>You saved</th><td class='amount'>€1.29</td>" in receipt_html(sale())


def test_exclusive_tax_is_added_and_labelled() -> None:
    text = receipt_text(sale(currency="GBP", inclusive=False))
    assert "Tax" in text and "£4.17" in text


def test_html_receipt_escapes_names() -> None:
    page = receipt_html(sale())
    assert "Fizz Cola &lt;can&gt;" in page and "<can>" not in page
    assert "<td class='amount'>-€1.29</td>" in page


def test_both_files_are_written_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = write_receipt(sale(), tmp_path / "receipts")
    assert path.name == "receipt-K1-000007.txt"
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "receipt-K1-000007.html", "receipt-K1-000007.txt",
    ]  # fmt: skip


def test_unwritable_folder_is_reported_with_the_setting_to_check(tmp_path: Path) -> None:
    blocker = tmp_path / "receipts"
    blocker.write_text("a file, not a folder")
    with pytest.raises(ReceiptNotWritten, match=r"K1-000007 .* The sale is saved"):
        write_receipt(sale(), blocker)


def test_the_receipt_names_the_store_its_address_and_tax_id() -> None:
    from kiosk.config import load_settings
    from kiosk.receipt import StoreInfo

    settings = load_settings(
        None,
        overrides={"store.name": "Corner Shop", "store.address": "Main St 1; 10115 Berlin",
                   "store.tax_id": "DE123456789"},
        environ={},
    )  # fmt: skip
    store = StoreInfo.from_settings(settings.store)
    assert store == StoreInfo("Corner Shop", ("Main St 1", "10115 Berlin"), "DE123456789")
    head = [line.strip() for line in receipt_text(sale(), store).splitlines()[:5]]
    assert head == ["Corner Shop", "Main St 1", "10115 Berlin", "VAT ID DE123456789",
                    "Receipt K1-000007"]  # fmt: skip
    page = receipt_html(sale(), store)
    assert "<h1>Corner Shop</h1>" in page and "<p class='store'>VAT ID DE123456789</p>" in page
    assert receipt_text(sale()).splitlines()[0].strip() == "Vision Checkout"  # no settings


def test_receipts_slips_copies_and_reports_print_in_the_stores_language() -> None:
    """store.receipt_language, or the screen's ui.language when receipts know it: a Spanish
    store's paper is Spanish whatever a shopper chose on the screen."""
    from catalog.models import Refund, RefundLine
    from kiosk.config import load_settings
    from kiosk.receipt import StoreInfo, refund_text
    from kiosk.receipt_words import ENGLISH, RECEIPT_LANGUAGES
    from kiosk.reprint import receipt_copy

    settings = load_settings(
        None, overrides={"ui.language": "es", "store.tax_id": "B12345678"}, environ={}
    )
    store = StoreInfo.from_settings(settings.store, settings.ui.language)
    assert store.language == "es" and store.footer == ("¡Gracias por su compra!",)
    text = receipt_text(sale(approved_by="Ana", overrides=("Ana added 2 × Orange (1016)",)), store)
    lines = [line.strip() for line in text.splitlines()]
    assert "NIF B12345678" in lines and "Recibo K1-000007" in lines
    assert any(x.startswith("IVA incluido") and x.endswith("€0.49") for x in lines)
    assert any(x.startswith("2 × Orange (each) (personal)") for x in lines)
    assert any(x.split() == ["Tipo", "Base", "IVA", "Total"] for x in lines)
    assert any(x.startswith("Pagado con tarjeta") for x in lines)
    assert "Edad comprobada por Ana" in lines
    assert "Personal: Ana added 2 × Orange (1016)" in lines  # staff's own words, as written
    assert lines[-2:] == ["kiosk-1  venta 7", "¡Gracias por su compra!"]
    assert receipt_copy(sale(), store).splitlines()[0].strip() == "*** COPIA ***"
    assert "<p>Pagado con tarjeta SIM-1</p>" in receipt_html(sale(), store)

    refund = Refund(
        3, "R1-000003", 7, "K1-000007", "2026-11-25T15:00:00Z", "kiosk-1", "Ana", "roto",
        "card", "", "EUR", 129, 21, (RefundLine("1001", "Fizz Cola <can>", 1, 129, 1900, 21),),
    )  # fmt: skip
    slip = [line.strip() for line in refund_text(refund, store).splitlines()]
    assert "DEVOLUCIÓN R1-000003" in slip and "del recibo K1-000007" in slip
    assert "Motivo: roto" in slip and any(x.startswith("DEVUELTO") for x in slip)

    # German: the screen's language, or store.receipt_language over a Spanish screen.
    german = load_settings(
        None, overrides={"ui.language": "es", "store.receipt_language": "de",
                         "store.tax_id": "DE123456789"}, environ={},
    )  # fmt: skip
    store = StoreInfo.from_settings(german.store, german.ui.language)
    lines = [line.strip() for line in receipt_text(sale(approved_by="Ana"), store).splitlines()]
    assert store.language == "de" and "USt-IdNr. DE123456789" in lines
    assert "Beleg K1-000007" in lines and "Alter geprüft von Ana" in lines
    assert any(x.split() == ["Satz", "Netto", "MwSt.", "Brutto"] for x in lines)
    assert any(x.startswith("Bezahlt mit Karte") for x in lines)
    assert lines[-1] == "Vielen Dank für Ihren Einkauf!"

    # French: the screen's language; the tax table's heads are the French till's.
    french = load_settings(None, overrides={"ui.language": "fr"}, environ={})
    store = StoreInfo.from_settings(french.store, french.ui.language)
    lines = [line.strip() for line in receipt_text(sale(approved_by="Ana"), store).splitlines()]
    assert store.language == "fr" and "Ticket K1-000007" in lines
    assert any(x.split() == ["Taux", "HT", "TVA", "TTC"] for x in lines)
    assert any(x.startswith("Payé par carte") for x in lines)

    # A language receipts do not know prints English; every language says every word.
    italian = load_settings(None, overrides={"ui.language": "it"}, environ={})
    assert StoreInfo.from_settings(italian.store, italian.ui.language).language == "en"
    for words in RECEIPT_LANGUAGES.values():
        assert all(getattr(words, f) for f in vars(ENGLISH) if f != "methods")
