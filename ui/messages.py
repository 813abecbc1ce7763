"""The shopper's plain messages for each checkout state, in the shopper's language.

The engine decides *what* is wrong (states, doubt kinds, approval); the words are chosen
here so they go through Qt's translation system like every other text on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from catalog.words import Said
from kiosk.checkout_values import CheckoutState, CheckoutView, DoubtKind

# lupdate files free ``tr()`` calls under the empty context; look them up the same way.
CONTEXT = ""
CORE_CONTEXT = "Core"  # the templates of catalog.words.Said, listed in ui/i18n/core_texts.py

# Sentences the checkout engine puts in ``CheckoutView.message`` / ``block_reasons``, listed
# so lupdate offers them to translators; unknown ones are shown as they are.
ENGINE_TEXTS = (
    QT_TRANSLATE_NOOP("Engine", "Please take your items from the counter."),
    QT_TRANSLATE_NOOP("Engine", "Age-restricted items need a staff check. Please press Help."),
    QT_TRANSLATE_NOOP(
        "Engine", "The items on the counter changed, so payment was cancelled. Please check."
    ),
    QT_TRANSLATE_NOOP("Engine", "Thank you! Please take your items and your receipt."),
    QT_TRANSLATE_NOOP("Engine", "Please follow the instructions on the card terminal."),
    QT_TRANSLATE_NOOP("Engine", "A member of staff is on the way."),
    QT_TRANSLATE_NOOP("Engine", "Cancelling payment…"),
    QT_TRANSLATE_NOOP("Engine", "Payment approved. Saving your receipt…"),
    QT_TRANSLATE_NOOP("Engine", "Payment did not go through."),
    QT_TRANSLATE_NOOP("Engine", "Payment cancelled."),
    QT_TRANSLATE_NOOP("Engine", "The card was declined. Try another card or call for help."),
    QT_TRANSLATE_NOOP("Engine", "The terminal did not answer in time. Please try again."),
    QT_TRANSLATE_NOOP("Engine", "The basket was cancelled. Please take your items."),
    QT_TRANSLATE_NOOP("Engine", "Please turn the marked item label up, or call for help."),
    QT_TRANSLATE_NOOP("Engine", "The marked item is not sold here. Take it away or call for help."),
    QT_TRANSLATE_NOOP("Engine", "Please move the marked items apart."),
    QT_TRANSLATE_NOOP(
        "Engine",
        "Something on the counter is not one of our products. If it is yours, please take it "
        "away; to buy it, scan its barcode or call for help.",
    ),
    QT_TRANSLATE_NOOP(
        "Engine", "The sale could not be prepared, so no money was taken. Please try again."
    ),
    QT_TRANSLATE_NOOP(
        "Engine",
        "The kiosk cannot save sales right now, so no money was taken. Please call for help.",
    ),
    QT_TRANSLATE_NOOP("Engine", "The card terminal is not available. Please call for help."),
    QT_TRANSLATE_NOOP(
        "Engine", "We could not confirm your payment. Please wait here: staff will check it."
    ),
    QT_TRANSLATE_NOOP(
        "Engine", "Now place your items on the counter: the voucher comes off their total."
    ),
    QT_TRANSLATE_NOOP(
        "Engine",
        "The bottle vouchers are worth as much as your items or more. Add items, or press Help.",
    ),
    QT_TRANSLATE_NOOP(
        "Engine",
        "This kiosk does not take bottle vouchers. Please hand it in at a staffed till.",
    ),
    QT_TRANSLATE_NOOP("Engine", "This voucher is already in your basket."),
    QT_TRANSLATE_NOOP("Engine", "This voucher is being used at another checkout right now."),
    QT_TRANSLATE_NOOP(
        "Engine",
        "A voucher in your basket was just used at another checkout. Please take it out, or "
        "press Help.",
    ),
    QT_TRANSLATE_NOOP(
        "Engine", "The voucher could not be checked just now. Please try again, or press Help."
    ),
    QT_TRANSLATE_NOOP(
        "Engine", "This barcode is not one of the store's products. Please press Help."
    ),
)


# Sentences from the engine that are good news, not a warning.
GOOD_NEWS = frozenset(
    {"Bottle voucher taken: {amount} off.", "Added: {name}.", "Added: {name}, {price}."}
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def doubt_message(kind: DoubtKind) -> str:
    """What the shopper should do about one kind of doubt."""
    if kind is DoubtKind.LOW_CONFIDENCE:
        return tr("Please turn the marked item so its label faces up, or call for help.")
    if kind is DoubtKind.OVERLAP:
        return tr("Please move the marked items apart.")
    if kind is DoubtKind.UNKNOWN_LABEL:
        return tr("We do not recognise the marked item. Please call for help.")
    if kind is DoubtKind.UNRECOGNISED:
        return tr(
            "Something on the counter is not one of our products. If it is yours, please take "
            "it away; to buy it, scan its barcode or call for help."
        )
    return tr("The marked item cannot be sold here. Please call for help.")


def doubt_tag(kind: DoubtKind) -> str:
    """The short text over a doubt's outline in the picture."""
    if kind is DoubtKind.OVERLAP:
        return tr("Move apart")
    if kind is DoubtKind.LOW_CONFIDENCE:
        return tr("Turn over?")
    if kind is DoubtKind.UNRECOGNISED:
        return tr("Not recognised")
    return tr("Unknown item")


def engine_text(text: str) -> str:
    """A sentence from the checkout engine, the catalog or a staff task, translated when the
    translations have it: a :class:`~catalog.words.Said` by its template (values filled in
    after), a fixed sentence as it is."""
    if isinstance(text, Said):
        return text.say(lambda template: QCoreApplication.translate(CORE_CONTEXT, template))
    return QCoreApplication.translate("Engine", text.strip()) if text else ""


def shows_good_news(view: CheckoutView) -> bool:
    """The banner carries good news from the engine (a bottle voucher taken, a scanned
    product added)."""
    shopping = view.state in (CheckoutState.SCANNING, CheckoutState.READY)
    return shopping and getattr(view.message, "template", "") in GOOD_NEWS


def banner_for(view: CheckoutView) -> tuple[str, str]:
    """(level, text) for the status banner: level is info, ok, warn or error."""
    state, message = view.state, engine_text(view.message)
    if state is CheckoutState.WELCOME:
        if message:  # e.g. "Please take your items from the counter."
            return "warn", message
        return "info", tr("Place your items on the counter to start.")
    if state is CheckoutState.BLOCKED:
        return "warn", _blocked_text(view)
    if state in (CheckoutState.SCANNING, CheckoutState.READY) and message:
        if shows_good_news(view):
            return "ok", message
        return "warn", message  # e.g. the card was declined, the counter changed
    if state is CheckoutState.SCANNING:
        return "info", tr("Scanning your items… please keep them apart.")
    if state is CheckoutState.READY:
        return "ok", tr("All items recognised. Tap Pay when you are ready.")
    if state is CheckoutState.HELP:
        if view.staff:
            return "info", tr("Staff member %1 is helping you.").replace("%1", view.staff)
        if view.unconfirmed_key:  # the money may be taken: nobody pays again yet
            return "warn", message
        return "info", tr("Help is on the way. A member of staff will be with you shortly.")
    if state is CheckoutState.PAYING:
        return "info", message or tr("Payment in progress. Please follow the card terminal.")
    if state is CheckoutState.RECEIPT:
        return "ok", tr("Payment approved. Please take your items. Thank you!")
    return "info", message


def _blocked_text(view: CheckoutView) -> str:
    if view.basket.doubts:
        return doubt_message(view.basket.doubts[0].kind)
    if view.needs_approval:
        return tr("Age check needed: a member of staff will come to approve.")
    reason = view.block_reasons[0] if view.block_reasons else view.message
    return engine_text(reason) or tr("Please call for help.")


def out_of_service_banner() -> tuple[str, str]:
    return "error", tr("This checkout is closed. Please use another checkout.")


def worker_error_banner() -> tuple[str, str]:
    return "error", tr("Sorry, something went wrong. Please call for help.")
