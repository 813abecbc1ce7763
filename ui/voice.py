"""Spoken guidance on the shopper's screen: what to say when the checkout changes.

Only the choice of words lives here; :class:`kiosk.speech.Speaker` speaks them off the UI
thread. A shopper who turns it on (*Voice* in the header) hears each item as it is added
with its price (and deposit), each bottle voucher with its amount, and the screen's
instruction whenever it changes, with the total when Pay is possible. Like larger text and
high contrast it lasts one shopper.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.checkout_values import CheckoutState, CheckoutView
from kiosk.speech import Speaker, spoken_money
from ui import messages
from ui.i18n import current_language


class ShopperVoice(QObject):
    """Turns checkout views into sentences for the speaker, while it is on."""

    def __init__(self, speaker: Speaker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speaker = speaker
        self.on = False
        self._quantities: dict[tuple[str, str], int] = {}
        self._vouchers: set[str] = set()
        self._instruction = ""

    @property
    def available(self) -> bool:
        return self.speaker.available

    def set_on(self, on: bool, view: CheckoutView | None) -> None:
        """Turn spoken guidance on (saying where the checkout stands) or off (silence)."""
        self.on = on and self.available
        if not self.on:
            self.speaker.stop()
            return
        self._instruction = ""
        self._quantities = {}
        self._vouchers = set()
        intro = self.tr("Spoken guidance is on.")
        if view is not None:
            self._say(f"{intro} {self._basket(view)} {self._news(view)}")
        else:
            self._say(intro)

    def view_changed(self, view: CheckoutView) -> None:
        """Say what changed since the last view (nothing while off)."""
        if not self.on:
            return  # turning on starts afresh from the basket as it is then
        news = self._news(view)
        if news:
            self._say(news)

    def _news(self, view: CheckoutView) -> str:
        """The items added since the last view, then the instruction if it changed."""
        currency, language = view.basket.currency, current_language()
        parts = []
        quantities = {}
        for line in view.basket.lines:
            key = (line.kind, line.sku)
            quantities[key] = line.quantity
            added = line.quantity - self._quantities.get(key, 0)
            if added > 0 and view.state not in (CheckoutState.PAYING, CheckoutState.RECEIPT):
                price = spoken_money(line.unit_cents, currency, language)
                if line.deposit_cents:  # the total must add up for a shopper who cannot see it
                    text = (
                        self.tr("%1, %2 plus %4 deposit.")
                        if added == 1
                        else self.tr("%3 × %1, %2 each plus %4 deposit each.")
                    )
                    text = text.replace("%4", spoken_money(line.deposit_cents, currency, language))
                else:
                    text = self.tr("%1, %2.") if added == 1 else self.tr("%3 × %1, %2 each.")
                text = text.replace("%1", line.name).replace("%2", price)
                parts.append(text.replace("%3", str(added)))
        self._quantities = quantities
        shopping = view.state not in (CheckoutState.PAYING, CheckoutState.RECEIPT)
        for voucher in view.basket.vouchers:  # with its amount in words, as items are
            if voucher.code not in self._vouchers and shopping:
                amount = spoken_money(-voucher.line_cents, currency, language)
                parts.append(self.tr("Bottle voucher: %1 off.").replace("%1", amount))
        self._vouchers = {voucher.code for voucher in view.basket.vouchers}
        _, instruction = messages.banner_for(view)
        if instruction != self._instruction:
            self._instruction = instruction
            if not messages.shows_good_news(view):  # the voucher taken: said in words above
                parts.append(instruction)
            if view.state is CheckoutState.READY or view.state is CheckoutState.RECEIPT:
                money = spoken_money(view.basket.total_cents, currency, language)
                parts.append(self.tr("Total: %1.").replace("%1", money))
        return " ".join(parts)

    def _basket(self, view: CheckoutView) -> str:
        count = view.basket.item_count
        if not count:
            return ""
        return self.tr("Items in your basket: %1.").replace("%1", str(count))

    def _say(self, text: str) -> None:
        self.speaker.say(text, current_language())
