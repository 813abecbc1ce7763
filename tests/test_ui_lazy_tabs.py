"""Admin tabs made when staff first look at them (ui.admin.lazy_tabs), on real Qt widgets."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QTabWidget

from ui.admin.lazy_tabs import LazyTabs


class Page(QLabel):
    """A page that records what it was given, in order."""

    made: ClassVar[list[str]] = []

    def __init__(self, key: str) -> None:
        super().__init__(key)
        Page.made.append(key)
        self.given: list[tuple[str, object]] = []

    def show_rows(self, rows: object) -> None:
        self.given.append(("rows", rows))

    def show_note(self, note: object) -> None:
        self.given.append(("note", note))


def three_tabs(qtbot) -> tuple[QTabWidget, LazyTabs, list[int]]:
    Page.made = []
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    pages = LazyTabs(tabs)
    pages.add_page("first", "First", Page("first"))
    pages.add("second", "Second", lambda: Page("second"))
    pages.add("third", "Third", lambda: Page("third"))
    changes: list[int] = []
    tabs.currentChanged.connect(changes.append)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, pages, changes


def test_a_tab_is_made_only_when_it_is_shown_and_then_holds_its_place(qtbot) -> None:
    tabs, pages, changes = three_tabs(qtbot)
    assert Page.made == ["first"] and not pages.made("second")
    tabs.setCurrentIndex(2)
    assert not pages.made("third")  # made in the turns that follow, not inside the tap
    qtbot.waitUntil(lambda: pages.made("third"), timeout=2_000)
    third = pages.page("third")
    assert tabs.widget(2) is third and tabs.currentWidget() is third
    assert tabs.tabText(2) == "Third" and tabs.count() == 3
    assert changes == [2]  # swapping the page in is not another change of tab
    assert Page.made == ["first", "third"]


def test_answers_wait_for_their_page_and_the_latest_of_each_kind_wins(qtbot) -> None:
    _, pages, _ = three_tabs(qtbot)
    pages.call("second", "show_rows", ("old",))
    pages.call("second", "show_note", "note")
    pages.call("second", "show_rows", ("new",))
    pages.call("first", "show_rows", ("now",))
    assert pages.page("first").given == [("rows", ("now",))]  # made: given at once
    second = pages.page("second")  # asked for: made at once
    assert second.given == [("rows", ("new",)), ("note", "note")]
    pages.call("second", "show_rows", ("later",))
    assert second.given[-1] == ("rows", ("later",))


def test_the_rest_are_made_in_the_background_one_at_a_time(qtbot) -> None:
    tabs, pages, changes = three_tabs(qtbot)
    pages.call("third", "show_note", "kept")
    pages.make_rest(pause_ms=10)
    assert Page.made == ["first"]
    qtbot.waitUntil(lambda: pages.made("second") and pages.made("third"), timeout=2_000)
    assert Page.made == ["first", "second", "third"]
    assert pages.page("third").given == [("note", "kept")]
    assert tabs.currentIndex() == 0 and changes == []  # staff still see the first tab


def test_a_tab_tapped_while_the_background_makes_it_is_made_once(qtbot) -> None:
    tabs, pages, _ = three_tabs(qtbot)
    pages.make_rest(pause_ms=0)
    tabs.setCurrentIndex(1)
    tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: pages.made("third"), timeout=2_000)
    assert sorted(Page.made) == ["first", "second", "third"]
    assert tabs.currentWidget() is pages.page("third")
