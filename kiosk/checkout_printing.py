"""Paper receipts in the checkout: when to print, and what the shopper is told.

``printer.mode = "always"`` prints as soon as the sale is saved; ``"ask"`` offers a button on
the receipt screen (many shoppers want none). A print holds the receipt screen until the
printer answers (it gives up after ``printer.timeout_seconds``), and a failed print can be
tried again. The sale is saved before anything is printed, so a printer fault never costs a
sale: the shopper is told the receipt number to ask staff for.
"""

from __future__ import annotations

from dataclasses import replace

from catalog.words import Said
from kiosk.checkout_events import PollPrinter, PrintPressed, PrintReceipt, ReceiptPrinted
from kiosk.checkout_model import CheckoutModel, Result, can_print, ignore
from kiosk.checkout_values import CheckoutState

S = CheckoutState
PRINTING = "Printing your receipt…"
PRINTED = "Please take your receipt from the printer. Thank you!"


def start_printing(model: CheckoutModel) -> Result:
    """Print the saved sale's receipt; the receipt screen stays until the printer answers."""
    assert model.receipt is not None
    model = replace(model, print_state="printing", receipt_since=model.now, message=PRINTING)
    return model, (PrintReceipt(model.receipt.sale_id),)


def after_sale_saved(model: CheckoutModel) -> Result:
    """Entering RECEIPT: print now when the printer is set to print every receipt."""
    if model.config.print_mode == "always" and model.receipt is not None:
        return start_printing(model)
    return model, ()


def on_print_pressed(model: CheckoutModel, event: PrintPressed) -> Result:
    if not can_print(model):
        return ignore(model, event, "no receipt to print now")
    return start_printing(model)


def on_printed(model: CheckoutModel, event: ReceiptPrinted) -> Result:
    if model.print_state != "printing":
        return ignore(model, event, "no receipt is printing")
    if event.ok:
        return replace(model, print_state="printed", message=PRINTED), ()
    receipt = model.receipt.receipt_no if model.receipt is not None else ""
    message = Said(
        "The receipt printer is not working. Please ask staff for receipt {receipt}.",
        receipt=receipt,
    )
    return replace(model, print_state="failed", message=message), ()


def polls(model: CheckoutModel) -> tuple[PollPrinter, ...]:
    """On every tick while printing: ask the printer how it went."""
    return (PollPrinter(),) if model.print_state == "printing" else ()


def holds_receipt_screen(model: CheckoutModel) -> bool:
    """The receipt screen does not time out under a running print."""
    return model.state is S.RECEIPT and model.print_state == "printing"
