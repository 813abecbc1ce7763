"""The store's details on every receipt, as staff set them on the admin screen.

``kiosk.toml``'s ``[store]`` gives them for a PC; what a manager saves on the admin screen (or
with ``kiosk catalog store``) is kept with the catalog, audited, and wins, so a store changes
its receipts without a terminal. A receipt line is 40 characters: longer lines are refused
rather than cut on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from catalog.db import write_transaction
from catalog.settings import list_settings, set_setting
from catalog.words import Said
from kiosk.errors import KioskError
from kiosk.receipt import WIDTH, StoreInfo, split_lines
from kiosk.receipt_words import words_for

NAME, ADDRESS, TAX_ID, FOOTER = "store.name", "store.address", "store.tax_id", "store.footer"
KEYS = (NAME, ADDRESS, TAX_ID, FOOTER)
MAX_LINES = 4  # of the address, and of the foot
MAX_TAX_ID = 30


class StoreDetailsRefused(KioskError):
    """The details would not fit a receipt (nothing was saved)."""


@dataclass(frozen=True)
class StoreDetails:
    """The receipt's head and foot as staff type them (lines one per line)."""

    name: str
    address: str
    tax_id: str
    footer: str

    @classmethod
    def of(cls, store: StoreInfo) -> StoreDetails:
        return cls(store.name, "\n".join(store.address), store.tax_id, "\n".join(store.footer))

    def info(self, language: str) -> StoreInfo:
        """These details as receipts in ``language`` print them (an empty foot: its thanks)."""
        return StoreInfo(
            self.name.strip(),
            split_lines(self.address),
            self.tax_id.strip(),
            split_lines(self.footer) or (words_for(language).thanks,),
            language,
        )

    def problems(self) -> list[Said]:
        """Why these would not make a good receipt head and foot (empty: they would)."""
        found: list[Said] = []
        name = self.name.strip()
        if not name:
            found.append(Said("the store's name is empty"))
        elif len(name) > WIDTH:
            found.append(
                Said(
                    "the name has {n} characters; a receipt line holds {width}",
                    n=len(name), width=WIDTH,
                )
            )  # fmt: skip
        for what, text in ((Said("address"), self.address), (Said("foot"), self.footer)):
            lines = split_lines(text)
            if len(lines) > MAX_LINES:
                found.append(
                    Said(
                        "the {what} has {n} lines; a receipt takes {most}",
                        what=what, n=len(lines), most=MAX_LINES,
                    )
                )  # fmt: skip
            for number, line in enumerate(lines, 1):
                if len(line) > WIDTH:
                    found.append(
                        Said(
                            "line {number} of the {what} has {n} characters; a receipt line "
                            "holds {width}",
                            number=number, what=what, n=len(line), width=WIDTH,
                        )
                    )  # fmt: skip
        if len(self.tax_id.strip()) > MAX_TAX_ID:
            found.append(Said("the VAT ID has more than {most} characters", most=MAX_TAX_ID))
        return found


def stored(db: Any) -> dict[str, str]:
    """The store details saved with the catalog, by key (absent: kiosk.toml's stand)."""
    return {key: value for key, value in list_settings(db).items() if key in KEYS}


def with_stored(base: StoreInfo, values: Mapping[str, str]) -> StoreInfo:
    """``base`` (kiosk.toml's) with the details saved on the admin screen in its place."""
    store = base
    if values.get(NAME, "").strip():
        store = replace(store, name=values[NAME].strip())
    if ADDRESS in values:
        store = replace(store, address=split_lines(values[ADDRESS]))
    if TAX_ID in values:
        store = replace(store, tax_id=values[TAX_ID].strip())
    if FOOTER in values:
        store = replace(store, footer=split_lines(values[FOOTER]) or (store.words.thanks,))
    return store


def store_info(settings: Any, db: Any) -> StoreInfo:
    """Who sells, for a receipt, refund slip or day report printed now."""
    return with_stored(StoreInfo.from_settings(settings.store, settings.ui.language), stored(db))


def save_store_details(db: Any, details: StoreDetails, actor: str, now: StoreInfo) -> StoreInfo:
    """Keep what changed in ``details`` against ``now`` (the details receipts print now) with
    the catalog, all or none, each change audited (``setting.set``); raises
    StoreDetailsRefused, saving nothing, when they would not fit a receipt."""
    problems = details.problems()
    if problems:
        raise StoreDetailsRefused(Said.joined("; ", problems))
    saved = details.info(now.language)
    present = _values(now)
    with write_transaction(db):
        for key, value in _values(saved).items():
            if value != present[key]:
                set_setting(db, key, value, actor)
    return saved


def _values(store: StoreInfo) -> dict[str, str]:
    """A store's details as the catalog keeps them; lines as kiosk.toml writes them ("Main St
    1; 10115 Berlin"), so that a change is one audit line."""
    return {
        NAME: store.name,
        ADDRESS: "; ".join(store.address),
        TAX_ID: store.tax_id,
        FOOTER: "; ".join(store.footer),
    }
