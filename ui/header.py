"""The strip across the top: store name, a short hint, language choice and staff sign-in."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from ui.i18n import LANGUAGES, current_language, install_translator
from ui.screens import Translated
from ui.widgets import named


class WholeLineLabel(QLabel):
    """A one-line text shown only where all of it fits, never cut off mid-word: the header's
    hint gives way to the buttons on a narrow screen or in a language with longer words."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    @property
    def fits(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) <= self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.fits:
            super().paintEvent(event)


class Header(Translated):
    """Store name on the left; language and a discreet staff button on the right."""

    staffRequested = Signal()
    largerTextRequested = Signal()
    contrastRequested = Signal()
    speechRequested = Signal()
    shopperTouched = Signal()  # a language or text size chosen: the shopper is still here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = named(QFrame(), "Header")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(bar)
        self._store = named(QLabel(), "StoreName")
        self._hint = named(WholeLineLabel(), "HeaderHint")
        self._clock = named(QLabel(), "HeaderHint")
        self._large = False
        self.language = named(QPushButton(), "LangButton")  # see retranslate
        self.language_menu: QMenu | None = None  # while the shopper picks among several
        self.language.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language.clicked.connect(self.switch_language)
        self.text_size = named(QPushButton("A+"), "LangButton")
        self.text_size.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text_size.clicked.connect(self.largerTextRequested)
        self.text_size.clicked.connect(self.shopperTouched)
        # ◐: high contrast, white and yellow on black (the name says it to a screen reader)
        self.contrast = named(QPushButton("◐"), "LangButton")
        self.contrast.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.contrast.setCheckable(True)
        self.contrast.clicked.connect(self.contrastRequested)
        self.contrast.clicked.connect(self.shopperTouched)
        self.voice = named(QPushButton(), "LangButton")  # spoken guidance, for this shopper
        self.voice.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.voice.setCheckable(True)
        self.voice.setVisible(False)  # shown when the kiosk can speak (espeak-ng installed)
        self.voice.clicked.connect(self.speechRequested)
        self.voice.clicked.connect(self.shopperTouched)
        self.staff = named(QPushButton(), "StaffButton")
        self.staff.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff.clicked.connect(self.staffRequested)
        row = QHBoxLayout(bar)
        self._row = row
        row.addWidget(self._store)
        row.addSpacing(24)
        row.addWidget(self._hint, 1)
        row.addWidget(self._clock)
        row.addSpacing(16)
        row.addWidget(self.voice)
        row.addWidget(self.contrast)
        row.addWidget(self.text_size)
        row.addWidget(self.language)
        row.addWidget(self.staff)
        self._tick = QTimer(self)
        self._tick.setInterval(10_000)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        self._show_time()
        self.retranslate()

    def retranslate(self) -> None:
        self._store.setText(self.tr("Self-checkout"))
        hint = self.tr("No barcodes needed: the camera recognises your items")
        self._hint.setText("" if self._large else hint)  # larger text: room for what matters
        self.staff.setText(self.tr("Staff"))
        self.contrast.setAccessibleName(self.tr("High contrast"))
        self.contrast.setToolTip(self.tr("High contrast"))
        self.text_size.setAccessibleName(self.tr("Larger text"))
        self.voice.setText(self.tr("Voice"))
        self.voice.setAccessibleName(self.tr("Spoken guidance"))
        self.voice.setToolTip(self.tr("Spoken guidance"))
        others = other_languages()
        # Two languages: the button names the other. More: it names the one shown and opens
        # a menu of the others (a language's name is what its reader recognises).
        shown = LANGUAGES.get(current_language(), "English")
        self.language.setText(LANGUAGES[others[0]] if len(others) == 1 else f"{shown} ▾")

    def set_scale(self, scale: float) -> None:
        """Margins grow with the window like the fonts do."""
        self._row.setContentsMargins(*(round(v * scale) for v in (18, 10, 18, 10)))
        self._row.setSpacing(round(10 * scale))

    def show_text_size(self, large: bool) -> None:
        """The button offers the other size: A+ for larger text, A- to go back."""
        self.text_size.setText("A−" if large else "A+")
        self._large = large
        self.retranslate()

    def switch_language(self) -> None:
        """Switch to the other language, or with several others offer them in a menu, each
        in its own words; every widget is told and sets its texts again."""
        others = other_languages()
        if len(others) == 1:
            self.choose_language(others[0])
            return
        menu = named(QMenu(self), "LanguageMenu")
        for code in others:
            action = menu.addAction(LANGUAGES[code])
            action.triggered.connect(lambda _=False, code=code: self.choose_language(code))
        menu.aboutToHide.connect(self._menu_closed)
        self.language_menu = menu
        menu.popup(self.language.mapToGlobal(self.language.rect().bottomLeft()))
        self.shopperTouched.emit()

    def _menu_closed(self) -> None:
        if self.language_menu is not None:
            self.language_menu.deleteLater()  # after the chosen action has run
            self.language_menu = None

    def choose_language(self, code: str) -> None:
        install_translator(code)
        self.shopperTouched.emit()

    def _show_time(self) -> None:
        from datetime import datetime

        self._clock.setText(datetime.now().strftime("%H:%M"))


def other_languages() -> list[str]:
    """The screen's languages other than the one shown, in the order the kiosk lists them."""
    shown = current_language()
    return [code for code in LANGUAGES if code != shown]
