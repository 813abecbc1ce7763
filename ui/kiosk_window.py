"""The shopper's window: live picture with boxes, basket, total, Pay and Help, status banner.

It only draws. Frames come from the source's non-blocking ``latest()`` on a UI timer, so
the preview runs at camera rate whatever the inference rate; checkout views come from the
worker by signal; every shopper or staff action is posted to the worker as an event.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.pictures import PictureStore
from kiosk.checkout_events import (
    BarcodeScanned,
    CancelPressed,
    HelpPressed,
    PayPressed,
    PrintPressed,
    ShopperAdd,
    VoucherRemoved,
    VoucherScanned,
)
from kiosk.checkout_values import CheckoutState, CheckoutView
from kiosk.speech import Speaker
from ui import messages, theme
from ui.basket_model import BasketModel
from ui.basket_panel import BasketPanel
from ui.header import Header
from ui.i18n import current_language, install_translator
from ui.overlay import BoxMark, marks_for
from ui.pictures import PictureCache
from ui.scanner import SCANNER_GAP_S, ScannerKeys
from ui.screen_items import ScreenItemsBar
from ui.screens import (
    OutOfServiceScreen,
    PayingPanel,
    ReceiptPanel,
    StatusBanner,
    WelcomePanel,
)
from ui.staff import PinChecker, StaffFlow, session_pin_checker
from ui.video_view import VideoView
from ui.voice import ShopperVoice
from ui.voucher import VoucherDialog
from ui.widgets import named
from ui.worker import CheckoutWorker, FrameProvider, SourceStatus

log = logging.getLogger(__name__)

PREVIEW_INTERVAL_MS = 8
ERRORS_BEFORE_CLOSING = 3  # failed inference steps in a row before the kiosk closes
LARGER_TEXT = 1.3  # the shopper's A+: text and buttons this much larger
WELCOME_IDLE_MS = 60_000  # the welcome screen untouched this long: the shopper has gone
PICTURE_PX = 44  # product pictures in the basket and the screen items, at scale 1
SCAN_END_MS = round(SCANNER_GAP_S * 1000) + 20  # a burst of digits without Enter has ended
WELCOME, BASKET, PAYING, RECEIPT = range(4)
CHECKOUT_PAGE, CLOSED_PAGE = range(2)
SIDE_PAGE = {
    CheckoutState.WELCOME: WELCOME,
    CheckoutState.PAYING: PAYING,
    CheckoutState.RECEIPT: RECEIPT,
}


class KioskWindow(QWidget):
    """The top-level window; ``start()`` begins the preview and the worker."""

    firstFrameShown = Signal(float)
    viewShown = Signal(object)

    def __init__(
        self,
        worker: CheckoutWorker,
        frames: FrameProvider,
        *,
        kiosk_mode: bool = False,
        pin_checker: PinChecker = session_pin_checker,
        staff_idle_seconds: float = 90.0,
        pictures: PictureStore | None = None,
        speaker: Speaker | None = None,
        speech: str = "button",
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.pictures = PictureCache(pictures, self)
        # No speaker given (tests, tools): silent. The app passes one when the store wants it.
        self.voice = ShopperVoice(speaker or Speaker(program=""), self)
        self.speech = speech if self.voice.available else "off"
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.worker = worker
        self.frames = frames
        self.kiosk_mode = kiosk_mode
        self.allow_close = not kiosk_mode
        self.view: CheckoutView | None = None
        self.out_of_service_reason = ""
        self.started_at = time.monotonic()
        self.first_frame_at: float | None = None
        self._last_frame: Any = None
        self._scale = 0.0
        self._size = (1024, 768)
        # The shopper's own choices (language, larger text) last for that shopper only: back to
        # the store's after a sale, or after the welcome screen has waited a minute untouched.
        self.store_language = current_language()
        self.text_factor = 1.0
        self.high_contrast = False
        theme.use_palette(theme.STANDARD)
        self._errors_in_row = 0
        self._closed_by_errors = False
        self._build()
        self.staff = StaffFlow(self, pin_checker, idle_seconds=staff_idle_seconds)
        self.header.staffRequested.connect(self.staff.sign_in)
        self.header.largerTextRequested.connect(self.toggle_larger_text)
        self.header.contrastRequested.connect(self.toggle_contrast)
        self.header.speechRequested.connect(self.toggle_speech)
        self.header.voice.setVisible(self.speech == "button")
        if self.speech == "always":
            self.voice.set_on(True, None)
        self._welcome_idle = QTimer(self)
        self._welcome_idle.setSingleShot(True)
        self._welcome_idle.setInterval(WELCOME_IDLE_MS)
        self._welcome_idle.timeout.connect(self.reset_shopper_choices)
        self.header.shopperTouched.connect(self._shopper_touched)
        shortcut = QShortcut(QKeySequence("Ctrl+Alt+S"), self)
        shortcut.activated.connect(self.staff.sign_in)
        self._connect_worker()
        self._preview = QTimer(self)
        self._preview.setTimerType(Qt.TimerType.PreciseTimer)
        self._preview.setInterval(PREVIEW_INTERVAL_MS)
        self._preview.timeout.connect(self.pull_frame)
        self.setWindowTitle(self.tr("Self-checkout"))
        self.setMinimumSize(800, 600)
        self._apply_scale(1024, 768)

    def _build(self) -> None:
        self.header = Header(self)
        self.video = VideoView()
        self.banner = StatusBanner()
        left = QVBoxLayout()
        left.addWidget(self.video, 1)
        left.addWidget(self.banner)
        self.model = BasketModel(self, pictures=self.pictures)
        self.basket_panel = BasketPanel(self.model)
        self.paying_panel = PayingPanel()
        self.paying_panel.cancel.clicked.connect(lambda: self.worker.post(CancelPressed()))
        self.receipt_panel = ReceiptPanel()
        self.receipt_panel.print_button.clicked.connect(lambda: self.worker.post(PrintPressed()))
        self.side = QStackedWidget()
        for page in (WelcomePanel(), self.basket_panel, self.paying_panel, self.receipt_panel):
            self.side.addWidget(page)
        self.pay_button = named(QPushButton(), "PayButton")
        self.help_button = named(QPushButton(), "HelpButton")
        self.pay_button.clicked.connect(self.press_pay)
        self.help_button.clicked.connect(self.press_help)
        self.screen_items = ScreenItemsBar(pictures=self.pictures)
        self.screen_items.changeRequested.connect(
            lambda sku, change: self.worker.post(ShopperAdd(sku, change))
        )
        self.voucher_button = named(QPushButton(), "VoucherButton")
        self.voucher_button.setVisible(False)
        self.voucher_button.clicked.connect(self.open_voucher_dialog)
        self.voucher_dialog: VoucherDialog | None = None
        self._scanner = ScannerKeys()
        self._scan_ended = QTimer(self, singleShot=True, interval=SCAN_END_MS)
        self._scan_ended.timeout.connect(self._burst_ended)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pay_button, 3)
        buttons.addWidget(self.help_button, 2)
        card = named(QFrame(), "Card")
        right = QVBoxLayout(card)
        right.addWidget(self.side, 1)
        right.addWidget(self.screen_items)
        right.addWidget(self.voucher_button)
        right.addLayout(buttons)
        checkout = QWidget()
        row = QHBoxLayout(checkout)
        row.addLayout(left, 62)
        row.addWidget(card, 38)
        self._body, self._left, self._right = row, left, right
        self.closed_screen = OutOfServiceScreen()
        self.pages = QStackedWidget()
        self.pages.addWidget(checkout)
        self.pages.addWidget(self.closed_screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        self._retranslate()

    def _connect_worker(self) -> None:
        self.worker.viewChanged.connect(self.show_view)
        self.worker.sourceChanged.connect(self.show_source)
        self.worker.errored.connect(self.show_error)
        self.worker.taskDone.connect(self.staff.task_done)

    def start(self) -> None:
        """Begin drawing frames and start the inference thread."""
        self.started_at = time.monotonic()
        self._warm_up()
        self._preview.start()
        if not self.worker.isRunning():
            self.worker.start()

    def _warm_up(self) -> None:
        """Render every page once, off screen, before the shopper arrives.

        The first paint of a page polishes its style sheet and rasterises its fonts (tens
        of milliseconds); doing it now keeps the first basket from stalling the preview.
        """
        for index in range(self.side.count()):
            self.side.setCurrentIndex(index)
            self.grab()
        self.pages.setCurrentIndex(CLOSED_PAGE)
        self.grab()
        self.pages.setCurrentIndex(CHECKOUT_PAGE)
        self.side.setCurrentIndex(WELCOME)

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Stop the preview, the worker, the picture reads and receipt codes; True when the
        worker's thread ended in time."""
        self._preview.stop()
        stopped = self.worker.stop(timeout_ms)
        self.pictures.stop()
        self.receipt_panel.stop()
        self.voice.speaker.close()
        return stopped

    def pull_frame(self) -> None:
        """Show the source's newest frame if it is new; never waits for the camera."""
        frame = self.frames.latest()
        if frame is None or frame is self._last_frame:
            return
        self._last_frame = frame
        self.video.show_frame(frame.image)
        if self.first_frame_at is None:
            self.first_frame_at = time.monotonic()
            self._fit_split()
            self.firstFrameShown.emit(self.first_frame_at - self.started_at)

    def show_view(self, view: CheckoutView) -> None:
        """Draw one checkout moment: table, sums, boxes, banner, side page, buttons."""
        before = self.view.state if self.view is not None else None
        self.view = view
        if view.state is not before:
            self._state_changed(before, view.state)
        self._errors_in_row = 0
        if self._closed_by_errors:
            self._closed_by_errors = False
            self.show_source(SourceStatus(True))
        self.model.set_snapshot(view.basket)
        self.basket_panel.show_view_sums()
        live = self._last_frame is not None  # the next frame repaints within 1/fps
        self.video.set_marks(self._marks(view), repaint=not live)
        if not self.out_of_service_reason:
            self.banner.show_message(*messages.banner_for(view))
        self.side.setCurrentIndex(SIDE_PAGE.get(view.state, BASKET))
        if view.state is CheckoutState.PAYING:
            self.paying_panel.show_view(view)
        if view.state is CheckoutState.RECEIPT:
            self.receipt_panel.show_view(view)
        self._show_buttons(view)
        self.screen_items.show_choices(view.shopper_choices)
        self.staff.view_changed(view)
        self.voice.view_changed(view)
        self.viewShown.emit(view)

    @staticmethod
    def _marks(view: CheckoutView) -> tuple[BoxMark, ...]:
        """Boxes while shopping only: paying and the receipt show the paid basket, whose
        boxes no longer match the live picture."""
        if view.state in (CheckoutState.PAYING, CheckoutState.RECEIPT):
            return ()
        return marks_for(view.basket, messages.doubt_tag)

    def _show_buttons(self, view: CheckoutView) -> None:
        shopping = view.state not in (CheckoutState.PAYING, CheckoutState.RECEIPT)
        self.pay_button.setVisible(shopping)
        self.help_button.setVisible(shopping and not view.staff_must_end_help)
        self.pay_button.setEnabled(view.can_pay)
        helping = view.state is CheckoutState.HELP
        self.help_button.setText(self.tr("Cancel help") if helping else self.tr("Help"))
        self.voucher_button.setVisible(view.takes_vouchers)
        if self.voucher_dialog is not None and not view.takes_vouchers:
            self.voucher_dialog.reject()  # paying or helped now: the keypad has no place

    def show_source(self, status: SourceStatus) -> None:
        """Camera lost: the closed screen with the reason; camera back: the checkout."""
        if status.ok:
            self.out_of_service_reason = ""
            self.pages.setCurrentIndex(CHECKOUT_PAGE)
            if self.view is not None:
                self.banner.show_message(*messages.banner_for(self.view))
            return
        self.show_out_of_service(status.reason)

    def show_out_of_service(self, reason: str) -> None:
        log.warning("out of service: %s", reason)
        self.out_of_service_reason = reason
        self.closed_screen.show_reason(reason)
        self.pages.setCurrentIndex(CLOSED_PAGE)
        self.video.clear()
        self._set_placeholder()
        self._last_frame = None

    def show_error(self, message: str) -> None:
        """The one place errors arrive: the banner warns; at start-up or when errors keep
        coming the kiosk closes until the worker delivers a view again."""
        log.error("kiosk error: %s", message)
        self._errors_in_row += 1
        if self.view is None or self._errors_in_row >= ERRORS_BEFORE_CLOSING:
            self._closed_by_errors = True
            self.show_out_of_service(message)
        else:
            self.banner.show_message(*messages.worker_error_banner())
            self.banner.setToolTip(message)

    @property
    def out_of_service(self) -> bool:
        return self.pages.currentIndex() == CLOSED_PAGE

    def press_pay(self) -> None:
        if self.view is not None and self.view.can_pay:
            self.worker.post(PayPressed())

    def press_help(self) -> None:
        helping = self.view is not None and self.view.state is CheckoutState.HELP
        self.worker.post(CancelPressed() if helping else HelpPressed())

    def open_voucher_dialog(self) -> None:
        """The keypad for a voucher's number, with the vouchers already in the basket."""
        if self.view is None or not self.view.takes_vouchers or self.voucher_dialog is not None:
            return
        basket = self.view.basket
        dialog = VoucherDialog(basket.vouchers, basket.currency, self)
        dialog.codeEntered.connect(lambda code: self.worker.post(VoucherScanned(code)))
        dialog.removeRequested.connect(lambda code: self.worker.post(VoucherRemoved(code)))
        dialog.finished.connect(self._voucher_dialog_closed)
        self.voucher_dialog = dialog
        dialog.open()

    def _voucher_dialog_closed(self) -> None:
        if self.voucher_dialog is not None:
            self.voucher_dialog.deleteLater()
        self.voucher_dialog = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A barcode scanner's digits and Enter: a product's barcode or a bottle voucher's,
        whenever the shopper may add to the basket."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        code = self._scanner.key(event.text(), enter, time.monotonic())
        if code is not None:
            self._scanned(code)
            return
        if not enter and event.text().isdigit():
            self._scan_ended.start()  # a scanner set to send no Enter: the burst's end says
        super().keyPressEvent(event)

    def _burst_ended(self) -> None:
        code = self._scanner.ended(time.monotonic())
        if code is not None:
            self._scanned(code)

    def _scanned(self, code: str) -> None:
        if self.view is not None and self.view.takes_barcodes:
            self.worker.post(BarcodeScanned(code))

    def _retranslate(self) -> None:
        self.pay_button.setText(self.tr("Pay"))
        self.help_button.setText(self.tr("Help"))
        self.voucher_button.setText(self.tr("Bottle voucher"))
        self.setWindowTitle(self.tr("Self-checkout"))
        self._set_placeholder()
        if self.view is not None:
            self.show_view(self.view)

    def _set_placeholder(self) -> None:
        lost = bool(self.out_of_service_reason)
        self.video.set_placeholder(
            self.tr("No picture from the camera") if lost else self.tr("Starting the camera…")
        )

    def changeEvent(self, event: QEvent) -> None:
        """Set texts again after a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale fonts and buttons with the window so they stay readable at any size."""
        self._apply_scale(event.size().width(), event.size().height())
        self._fit_split()
        super().resizeEvent(event)

    def _fit_split(self) -> None:
        """Side by side on a landscape screen: the picture the width its aspect ratio can use,
        the basket at least 38 % (half the window with larger text, whose names need the
        room). On a portrait screen (many kiosks stand that way) the picture goes on top, as
        wide as the window, and the basket below it: side by side, the picture was a strip
        between two black bands and each product name wrapped over three lines."""
        frame = self._last_frame
        aspect = frame.image.shape[1] / frame.image.shape[0] if frame is not None else 16 / 9
        portrait = self.height() > self.width()
        directions = QBoxLayout.Direction
        direction = directions.TopToBottom if portrait else directions.LeftToRight
        if self._body.direction() != direction:
            self._body.setDirection(direction)
        if portrait:
            below = self.banner.sizeHint().height() + 3 * self._body.spacing()
            body = max(1, self.height() - self.header.height())
            wanted = (self.width() / aspect + below) / body
            share = min(0.5, max(0.3, wanted))
        else:
            wanted = self.video.height() * aspect / max(1, self.width())
            share = 0.5 if self.text_factor > 1.0 else min(0.62, max(0.5, wanted))
        left = round(100 * share)
        if self._body.stretch(0) != left:
            self._body.setStretch(0, left)
            self._body.setStretch(1, 100 - left)

    def _state_changed(self, before: CheckoutState | None, now: CheckoutState) -> None:
        if now is not CheckoutState.WELCOME:
            self._welcome_idle.stop()
            return
        if before is CheckoutState.RECEIPT:  # the sale is done: the next shopper starts fresh
            self.reset_shopper_choices()
        self._welcome_idle.start()

    def _shopper_touched(self) -> None:
        if self._welcome_idle.isActive():
            self._welcome_idle.start()  # restart: a minute from the last touch

    def toggle_larger_text(self) -> None:
        """Larger text and buttons for this shopper (A+ in the header), or back (A−)."""
        self._set_text_factor(1.0 if self.text_factor > 1.0 else LARGER_TEXT)

    def toggle_contrast(self) -> None:
        """White and yellow on black for this shopper (◐ in the header), or back."""
        self._set_contrast(not self.high_contrast)

    def toggle_speech(self) -> None:
        """Spoken guidance for this shopper (Voice in the header), or silence again."""
        self._set_speech(not self.voice.on)

    def _set_speech(self, on: bool) -> None:
        self.header.voice.setChecked(on)
        if on != self.voice.on:
            self.voice.set_on(on, self.view)

    def reset_shopper_choices(self) -> None:
        """The store's language, the normal text size and colours, and silence again."""
        if current_language() != self.store_language:
            install_translator(self.store_language)
        self._set_text_factor(1.0)
        self._set_contrast(False)
        self._set_speech(self.speech == "always")

    def _set_contrast(self, high: bool) -> None:
        self.header.contrast.setChecked(high)
        if high == self.high_contrast:
            return
        self.high_contrast = high
        theme.use_palette(theme.HIGH_CONTRAST if high else theme.STANDARD)
        self._scale = 0.0  # the same size, other colours: the style sheet again
        self._apply_scale(*self._size)
        self.banner.show_message(self.banner.level, self.banner.text)
        self.update()  # the picture's frame and the pictogram paint in the new colours

    def _set_text_factor(self, factor: float) -> None:
        if factor == self.text_factor:
            return
        self.text_factor = factor
        self.header.show_text_size(factor > 1.0)
        self._apply_scale(*self._size)
        self._fit_split()

    def _apply_scale(self, width: int, height: int) -> None:
        self._size = (width, height)
        scale = theme.scale_for(width, height) * self.text_factor
        if abs(scale - self._scale) < 0.05:
            return
        self._scale = scale
        self.setStyleSheet(theme.style_sheet(scale, theme.colours()))
        gap = round(12 * scale)
        self._body.setContentsMargins(gap, gap, gap, gap)
        for layout in (self._body, self._left, self._right):
            layout.setSpacing(gap)
        self._right.setContentsMargins(gap, gap, gap, gap)
        self.header.set_scale(scale)
        self.basket_panel.set_picture_size(round(PICTURE_PX * scale))
        self.screen_items.set_picture_size(round(PICTURE_PX * scale))

    def closeEvent(self, event: QCloseEvent) -> None:
        """In kiosk mode only staff (through the PIN) may close the window."""
        if not self.allow_close:
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)
