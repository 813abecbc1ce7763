"""The words printed on receipts, refund slips, copies and day reports, per language.

Paper is the store's, not the shopper's screen: it is printed in the store's language
(``store.receipt_language``, else the screen's ``ui.language`` when receipts know it). The
core has no Qt, so its few dozen words live here rather than in the screen's translations.
Product names, staff notes and reasons are printed as they were written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.languages import screen_language, system_locale


@dataclass(frozen=True)
class ReceiptWords:
    receipt: str = "Receipt {number}"
    subtotal: str = "Subtotal"
    incl_tax: str = "incl. tax"
    tax: str = "Tax"
    total: str = "TOTAL"
    saved: str = "You saved"
    tax_header: tuple[str, str, str, str] = ("Rate", "Net", "Tax", "Gross")
    paid_by: str = "Paid by {method}"
    age_check: str = "Age check approved by {name}"
    staff: str = "Staff: {text}"
    added_by_staff: str = "(staff)"  # after a line staff added by hand
    sale: str = "{kiosk}  sale {id}"
    vat_id: str = "VAT ID {id}"
    thanks: str = "Thank you for shopping with us!"
    refund: str = "REFUND {number}"
    for_receipt: str = "for receipt {number}"
    refunded: str = "REFUNDED"
    refunded_by: str = "Refunded by {method}"
    reason: str = "Reason: {text}"
    refund_id: str = "{kiosk}  refund {id}"
    copy: str = "*** COPY ***"
    day_report: str = "DAY REPORT"
    sales: str = "Sales: {count}"
    refunds: str = "Refunds: {count}"
    net_takings: str = "NET TAKINGS"
    offers_given: str = "Offers given"
    deposit: str = "Deposit {count} × {unit}"  # under the bottles or cans it is charged on
    deposits: str = "Deposits charged"
    voucher: str = "Bottle voucher {code}"  # returned empties taken off the sale
    vouchers: str = "Bottle vouchers taken"
    methods: dict[str, str] = field(default_factory=dict)  # "card" -> the language's word

    def method(self, name: str) -> str:
        return self.methods.get(name, name)


ENGLISH = ReceiptWords()
SPANISH = ReceiptWords(
    receipt="Recibo {number}",
    subtotal="Subtotal",
    incl_tax="IVA incluido",
    tax="IVA",
    total="TOTAL",
    saved="Ha ahorrado",
    tax_header=("Tipo", "Base", "IVA", "Total"),
    paid_by="Pagado con {method}",
    age_check="Edad comprobada por {name}",
    staff="Personal: {text}",
    added_by_staff="(personal)",
    sale="{kiosk}  venta {id}",
    vat_id="NIF {id}",
    thanks="¡Gracias por su compra!",
    refund="DEVOLUCIÓN {number}",
    for_receipt="del recibo {number}",
    refunded="DEVUELTO",
    refunded_by="Devuelto con {method}",
    reason="Motivo: {text}",
    refund_id="{kiosk}  devolución {id}",
    copy="*** COPIA ***",
    day_report="INFORME DEL DÍA",
    sales="Ventas: {count}",
    refunds="Devoluciones: {count}",
    net_takings="INGRESOS NETOS",
    offers_given="Ofertas aplicadas",
    deposit="Depósito {count} × {unit}",
    deposits="Depósitos cobrados",
    voucher="Vale de envases {code}",
    vouchers="Vales de envases canjeados",
    methods={"card": "tarjeta", "cash": "efectivo", "simulated": "simulado"},
)
GERMAN = ReceiptWords(
    receipt="Beleg {number}",
    subtotal="Zwischensumme",
    incl_tax="inkl. MwSt.",
    tax="MwSt.",
    total="SUMME",
    saved="Sie sparen",
    tax_header=("Satz", "Netto", "MwSt.", "Brutto"),
    paid_by="Bezahlt mit {method}",
    age_check="Alter geprüft von {name}",
    staff="Personal: {text}",
    added_by_staff="(Personal)",
    sale="{kiosk}  Verkauf {id}",
    vat_id="USt-IdNr. {id}",
    thanks="Vielen Dank für Ihren Einkauf!",
    refund="ERSTATTUNG {number}",
    for_receipt="zu Beleg {number}",
    refunded="ERSTATTET",
    refunded_by="Erstattet per {method}",
    reason="Grund: {text}",
    refund_id="{kiosk}  Erstattung {id}",
    copy="*** KOPIE ***",
    day_report="TAGESBERICHT",
    sales="Verkäufe: {count}",
    refunds="Erstattungen: {count}",
    net_takings="NETTOEINNAHMEN",
    offers_given="Gewährte Angebote",
    deposit="Pfand {count} × {unit}",
    deposits="Pfand kassiert",
    voucher="Leergutbon {code}",
    vouchers="Leergutbons eingelöst",
    methods={"card": "Karte", "cash": "Bargeld", "simulated": "Simulation"},
)
FRENCH = ReceiptWords(
    receipt="Ticket {number}",
    subtotal="Sous-total",
    incl_tax="TVA incluse",
    tax="TVA",
    total="TOTAL",
    saved="Vous économisez",
    tax_header=("Taux", "HT", "TVA", "TTC"),
    paid_by="Payé par {method}",
    age_check="Âge vérifié par {name}",
    staff="Personnel : {text}",
    added_by_staff="(personnel)",
    sale="{kiosk}  vente {id}",
    vat_id="N° TVA {id}",
    thanks="Merci de votre visite !",
    refund="REMBOURSEMENT {number}",
    for_receipt="du ticket {number}",
    refunded="REMBOURSÉ",
    refunded_by="Remboursé par {method}",
    reason="Motif : {text}",
    refund_id="{kiosk}  remboursement {id}",
    copy="*** DUPLICATA ***",
    day_report="RAPPORT DU JOUR",
    sales="Ventes : {count}",
    refunds="Remboursements : {count}",
    net_takings="RECETTE NETTE",
    offers_given="Remises accordées",
    deposit="Consigne {count} × {unit}",
    deposits="Consignes encaissées",
    voucher="Bon de consigne {code}",
    vouchers="Bons de consigne repris",
    methods={"card": "carte", "cash": "espèces", "simulated": "simulation"},
)
RECEIPT_LANGUAGES: dict[str, ReceiptWords] = {
    "en": ENGLISH,
    "es": SPANISH,
    "de": GERMAN,
    "fr": FRENCH,
}


def receipt_language(wanted: str, screen: str = "") -> str:
    """The language receipts print in: ``wanted`` (``store.receipt_language``), else the
    screen's (``ui.language``; ``"auto"`` is the PC's) when receipts know it, else English."""
    for language in (wanted, screen_language(screen, system_locale()) if screen else ""):
        if language in RECEIPT_LANGUAGES:
            return language
    return "en"


def words_for(language: str) -> ReceiptWords:
    return RECEIPT_LANGUAGES.get(language, ENGLISH)
