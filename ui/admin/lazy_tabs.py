"""Tab pages built the first time staff look at them.

Building, styling and laying out all nine admin tabs at once held the UI thread 30-45 ms per
step of opening the admin screen, over the shopper's video. A page here is made when its tab
is first shown (or when code first asks for it); what its data loads delivered before then
waits and is handed over when it is made. A tab tapped is made over three turns of the event
loop, each about 5-15 ms: its widgets, then styled in place with its data, then drawn (in
one turn, 18-29 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs:
    """The pages of a ``QTabWidget``, each made by its maker when first needed."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self._pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._unplaced: dict[str, QWidget] = {}  # made, still waiting for its turn to go in
        self._titles: dict[str, str] = {}
        # Per page not made yet: the latest call of each of its methods, in first-call order.
        self._waiting: dict[str, dict[str, tuple[Any, ...]]] = {}
        self._pause_ms: int | None = None  # making the rest in the background, if set
        # Around each step taken later (a tapped tab's, the background's): the staff screens
        # step their idle filter aside there, as they do while a screen is built.
        self.around: Callable[[], AbstractContextManager[object]] = nullcontext
        tabs.currentChanged.connect(self._shown)

    def add(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        """A tab whose page ``make`` builds when it is first shown or asked for."""
        placeholder = QWidget()
        self._placeholders[key] = placeholder
        self._makers[key] = make
        self._titles[key] = title
        self.tabs.addTab(placeholder, title)

    def add_page(self, key: str, title: str, page: QWidget) -> None:
        """A tab whose page is made already."""
        self._pages[key] = page
        self.tabs.addTab(page, title)

    def page(self, key: str) -> QWidget:
        """The page, made now if it was not yet."""
        page = self._pages.get(key)
        if page is None:
            page = self._unplaced.pop(key) if key in self._unplaced else self._makers.pop(key)()
            self._place(key, page)
        return page

    def made(self, key: str) -> bool:
        """Whether the page is in its tab (made when shown or asked for)."""
        return key in self._pages

    def made_pages(self) -> list[QWidget]:
        """Every page made so far, in its tab or still waiting for its turn to go in."""
        return [*self._pages.values(), *self._unplaced.values()]

    def call(self, key: str, method: str, *args: Any) -> None:
        """``page.method(*args)`` now if the page is made, else when it is: only the latest
        call of each method is kept (they set what the page shows, so the last one wins)."""
        page = self._pages.get(key)
        if page is not None:
            getattr(page, method)(*args)
        else:
            self._waiting.setdefault(key, {})[method] = args

    def make_all(self) -> None:
        for key in list(self._placeholders):
            self.page(key)

    def _shown(self, index: int) -> None:
        shown = self.tabs.widget(index)
        keys = [key for key, placeholder in self._placeholders.items() if placeholder is shown]
        if keys and keys[0] in self._makers:
            QTimer.singleShot(0, self.tabs, partial(self._construct, keys[0]))

    def make_rest(self, pause_ms: int = 40) -> None:
        """Make the pages not made yet, one step per turn of the event loop with ``pause_ms``
        between pages, so a tab tapped later only has to be drawn."""
        self._pause_ms = pause_ms
        self._make_next()

    def stop(self) -> None:
        """Make no more pages (the screen is closed): steps already planned find nothing to do
        and no longer step through ``around``, whose owner may be gone by then."""
        self._makers.clear()
        self._pause_ms = None
        self.around = nullcontext

    def _make_next(self) -> None:
        if self._pause_ms is not None and self._makers:
            key = next(iter(self._makers))
            QTimer.singleShot(self._pause_ms, self.tabs, partial(self._construct, key))

    def _construct(self, key: str) -> None:
        maker = self._makers.pop(key, None)
        if maker is not None:  # else made meanwhile
            with self.around():
                self._unplaced[key] = maker()
            QTimer.singleShot(0, self.tabs, partial(self._place_made, key))

    def _place_made(self, key: str) -> None:
        page = self._unplaced.pop(key, None)
        if page is not None:
            with self.around():
                self._place(key, page)
                page.ensurePolished()  # styled now, not when the tab is first shown
        self._make_next()

    def _place(self, key: str, page: QWidget) -> None:
        """The page in its placeholder's stead, given what was kept for it."""
        self._pages[key] = page
        placeholder = self._placeholders.pop(key)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        # Swapping the page in is no change of tab for whoever listens to currentChanged.
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, self._titles.pop(key))
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        for method, args in self._waiting.pop(key, {}).items():
            getattr(page, method)(*args)
