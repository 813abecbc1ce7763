"""Each checkout state gets its own screen; views come from the real engine and catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from catalog.db import connect
from kiosk.checkout_events import HelpDone, HelpPressed, PayPressed, StaffApprove, StaffPin, Tick
from kiosk.checkout_values import CheckoutState
from tests.ui_support import (
    NoFrames,
    combine,
    demo_settings_in,
    detections,
    open_checkout,
    settle,
)
from ui.kiosk_window import BASKET, PAYING, RECEIPT, WELCOME, KioskWindow
from ui.overlay import MarkKind
from ui.worker import CheckoutWorker, SourceStatus


def _never_started() -> None:
    raise AssertionError("this window's worker must not start")


@pytest.fixture
def window(qtbot) -> KioskWindow:
    win = KioskWindow(CheckoutWorker(_never_started, NoFrames()), NoFrames())
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    return win


@pytest.fixture
def checkout(tmp_path: Path):
    engine, db = open_checkout(demo_settings_in(tmp_path))
    yield engine
    db.conn.close()


def test_welcome_screen_before_any_item(window: KioskWindow, checkout) -> None:
    window.show_view(checkout.view)
    assert window.side.currentIndex() == WELCOME
    assert "Place your items" in window.banner.text
    assert not window.pay_button.isEnabled()


def test_ready_basket_shows_lines_total_and_enables_pay(window: KioskWindow, checkout) -> None:
    view = settle(checkout, detections("cola-can", "crisps-salted"), t=10.0)
    window.show_view(view)
    assert view.state is CheckoutState.READY
    assert window.side.currentIndex() == BASKET
    assert window.model.rowCount() == 2
    assert window.basket_panel.total_value.text() == "€3.28"
    assert window.pay_button.isEnabled() and window.pay_button.isVisible()
    assert [m.text for m in window.video.marks] == [
        "Fizz Cola can 330 ml",
        "Crunch Crisps Salted 150 g",
    ]


def test_blocked_screen_outlines_the_doubt_and_says_what_to_do(window, checkout) -> None:
    unsure = detections("apple", score=0.35)  # between doubt (0.25) and accept (0.5)
    view = settle(checkout, combine(detections("cola-can"), unsure), t=10.0)
    window.show_view(view)
    assert view.state is CheckoutState.BLOCKED
    assert window.banner.level == "warn"
    assert "turn the marked item" in window.banner.text
    assert not window.pay_button.isEnabled()
    kinds = [m.kind for m in window.video.marks]
    assert MarkKind.DOUBT in kinds and MarkKind.ITEM in kinds


def test_staff_approval_screens_from_age_check_to_ready(window, checkout) -> None:
    view = settle(checkout, detections("beer-bottle"), t=10.0)
    window.show_view(view)
    assert view.state is CheckoutState.BLOCKED and view.needs_approval
    assert "Age check" in window.banner.text
    window.show_view(checkout.handle(HelpPressed()))
    assert "Help is on the way" in window.banner.text
    assert window.help_button.text() == "Cancel help"
    view = checkout.handle(StaffPin("1234"))
    window.show_view(view)
    assert view.staff == "Demo Manager"
    assert "Demo Manager is helping you" in window.banner.text
    checkout.handle(StaffApprove())
    view = checkout.handle(HelpDone())
    window.show_view(view)
    assert view.state is CheckoutState.READY
    assert window.pay_button.isEnabled()


def test_paying_then_receipt_screens(window, checkout) -> None:
    view = settle(checkout, detections("cola-can"), t=10.0)
    view = checkout.handle(PayPressed())
    window.show_view(view)
    assert view.state is CheckoutState.PAYING
    assert window.side.currentIndex() == PAYING
    assert window.paying_panel.amount.text() == "€1.29"
    assert not window.pay_button.isVisible() and not window.help_button.isVisible()
    assert window.video.marks == ()  # the paid basket's boxes would not match the live picture
    view = checkout.handle(Tick(12.5))
    window.show_view(view)
    assert view.state is CheckoutState.RECEIPT
    assert window.side.currentIndex() == RECEIPT
    assert view.receipt is not None
    assert view.receipt.receipt_no in window.receipt_panel.number.text()
    assert window.banner.level == "ok"
    assert "You saved" not in window.receipt_panel.lines.text()  # no offer on one can


def test_an_unconfirmed_card_payment_sends_the_shopper_to_staff(window, tmp_path: Path) -> None:
    from kiosk.checkout import Checkout
    from kiosk.payment import SimulatedPaymentProvider

    settings = demo_settings_in(tmp_path)
    lost = SimulatedPaymentProvider(["unknown"], delay_seconds=0)
    checkout = Checkout.from_settings(settings, connect(settings.paths.database), lost)
    settle(checkout, detections("cola-can"), t=10.0)
    checkout.handle(PayPressed())
    view = checkout.handle(Tick(12.5))
    window.show_view(view)
    assert view.state is CheckoutState.HELP
    assert "could not confirm your payment" in window.banner.text
    assert window.banner.level == "warn"
    assert not window.pay_button.isEnabled()  # nobody pays again before staff have looked
    assert not window.help_button.isVisible()  # and only staff end this help
    from ui.admin.staff_menu import StaffMenu

    staff_view = checkout.handle(StaffPin("1234"))
    menu = StaffMenu("Demo Manager", staff_view, False, window)
    assert not menu.unconfirmed.isHidden()
    assert staff_view.unconfirmed_key and staff_view.unconfirmed_key in menu.unconfirmed.text()
    done = checkout.handle(HelpDone())
    assert done.unconfirmed_key is None
    assert StaffMenu("Demo Manager", done, False, window).unconfirmed.isHidden()
    checkout.db.conn.close()


def test_a_carrier_bag_is_added_on_the_screen(window: KioskWindow, checkout, qtbot) -> None:
    from kiosk.checkout_events import ShopperAdd

    posted = []
    window.worker.post = posted.append  # the worker thread is not running here
    view = settle(checkout, detections("cola-can"), t=10.0)
    window.show_view(view)
    bar = window.screen_items
    assert bar.isVisible() and list(bar.rows) == ["2001"]
    less, more = bar.rows["2001"]
    assert bar.counts["2001"].text() == "0" and not less.isEnabled()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert posted == [ShopperAdd("2001", 1)]
    window.show_view(checkout.handle(posted[-1]))
    assert bar.counts["2001"].text() == "1" and less.isEnabled()
    assert window.basket_panel.total_value.text() == "€1.49"
    window.show_view(checkout.handle(PayPressed()))
    assert not bar.isVisible()  # nothing is added while paying


def test_the_receipt_screen_says_what_the_offers_saved(window, checkout) -> None:
    cans = detections("cola-can", "cola-can", "cola-can")  # "3 for 2" on Fizz Cola
    settle(checkout, cans, t=10.0)
    checkout.handle(PayPressed())
    view = checkout.handle(Tick(12.5))
    window.show_view(view)
    assert view.state is CheckoutState.RECEIPT and view.receipt.total_cents == 258
    text = window.receipt_panel.lines.text()
    assert "You saved" in text and "€1.29" in text


def test_out_of_service_screen_and_recovery(window, checkout) -> None:
    window.show_view(checkout.view)
    window.show_source(SourceStatus(False, "camera reconnecting: no new frame for 2.1 s"))
    assert window.out_of_service
    assert "no new frame" in window.closed_screen.reason.text()
    window.show_source(SourceStatus(True))
    assert not window.out_of_service
    assert "Place your items" in window.banner.text


def test_spanish_texts_switch_at_run_time(qtbot, window, checkout) -> None:
    from ui.i18n import install_translator

    window.show_view(checkout.view)
    try:
        assert install_translator("es") == "es"
        qtbot.waitUntil(lambda: window.pay_button.text() == "Pagar")  # LanguageChange is posted
        assert "Coloque sus artículos" in window.banner.text
        assert window.header.language.text() == "Español ▾"
    finally:
        install_translator("en")
    qtbot.waitUntil(lambda: window.pay_button.text() == "Pay")


def test_german_texts_and_the_language_menu_offer_each_language_in_its_own_words(
    qtbot, window, checkout
) -> None:
    """Several languages: the button names the one shown and opens a menu of the others, each
    in its own words; German is complete down to the banner and the basket's title."""
    from ui.i18n import current_language, install_translator

    window.resize(1280, 800)
    window.show_view(checkout.view)
    header = window.header
    assert header.language.text() == "English ▾"
    try:
        qtbot.mouseClick(header.language, Qt.MouseButton.LeftButton)
        menu = header.language_menu
        assert menu is not None and menu.isVisible()
        assert [action.text() for action in menu.actions()] == ["Español", "Deutsch", "Français"]
        german = menu.actions()[1]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(german).center())
        qtbot.waitUntil(lambda: window.pay_button.text() == "Bezahlen")
        assert header.language_menu is None  # closed by the choice
        assert current_language() == "de"
        assert "Legen Sie Ihre Artikel" in window.banner.text
        assert header.language.text() == "Deutsch ▾"
        window.show_view(settle(checkout, detections("cola-can"), t=10.0))
        assert window.basket_panel.model.headerData(0, Qt.Orientation.Horizontal) == "Artikel"
        assert "Ihre Artikel" in window.basket_panel._title.text()
    finally:
        install_translator("en")
    qtbot.waitUntil(lambda: window.pay_button.text() == "Pay")


def test_kiosk_mode_is_frameless_full_screen_without_a_cursor(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.app import show_window

    settings = demo_settings_in(tmp_path, ui__hide_cursor=True)
    win = KioskWindow(CheckoutWorker(_never_started, NoFrames()), NoFrames(), kiosk_mode=True)
    qtbot.addWidget(win)
    try:
        show_window(win, settings, kiosk_mode=True)
        assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert win.isFullScreen()
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
        win.close()
        assert win.isVisible()  # shoppers cannot close it
    finally:
        QApplication.restoreOverrideCursor()
        win.allow_close = True
        win.close()


def test_text_grows_with_the_screen_from_1024x768_to_4k(qtbot, window, checkout) -> None:
    window.show_view(settle(checkout, detections("cola-can"), t=10.0))
    sizes = {}
    for width, height in ((1024, 768), (1920, 1080), (3840, 2160)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: window.size().width() == w)
        window.basket_panel.total_value.ensurePolished()
        sizes[width] = window.basket_panel.total_value.font().pixelSize()
    assert sizes[1024] >= 40  # the total is readable from a metre away
    assert sizes[1024] < sizes[1920] < sizes[3840]
    assert window.pay_button.height() >= 76


def test_a_portrait_screen_puts_the_picture_above_the_basket(qtbot, window, checkout) -> None:
    """Many kiosks stand upright: side by side, the picture was a strip between two black
    bands and each product name wrapped over three lines."""
    import cv2
    from PySide6.QtCore import QPoint, QRect

    from kiosk.config import demo_video_path
    from kiosk.sources import Frame

    video = cv2.VideoCapture(str(demo_video_path()))
    ok, image = video.read()
    video.release()
    assert ok and image.shape[:2] == (480, 640)
    window.frames.latest = lambda: Frame(image, 0, 0.0)  # the camera's 4:3 picture
    window.pull_frame()
    window.show_view(settle(checkout, detections("cola-can"), t=10.0))

    def place(widget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    for width, height in ((1080, 1920), (1920, 1080), (800, 1280)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.size().width() == w)
        qtbot.wait(50)  # the layout settles
        video, basket = place(window.video), place(window.basket_panel)
        if height > width:
            assert video.bottom() < basket.top() and video.width() > 0.9 * width
            picture = window.video.image_rect()
            # About as wide as the screen (at 800 x 1280 the basket keeps half the height
            # and the picture 91 % of the width), with no wide black bands above and below.
            assert picture.width() >= 0.9 * video.width()
            assert picture.height() > 0.9 * video.height()
        else:
            assert video.right() < basket.left()
    from ui.admin.panel import AdminDialog

    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: window.size().width() == 1080)
    admin = AdminDialog(window.worker, "Demo Manager", window, load=False)
    qtbot.addWidget(admin)
    assert (admin.width(), admin.height()) == (1040, 1000)  # the staff's lists get the height


def test_a_name_wider_than_the_picture_is_shortened_not_cut_at_its_start(qapp) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetricsF

    from ui.video_view import VideoView

    font = QFont()
    font.setPixelSize(30)
    metrics = QFontMetricsF(font)
    name = "Crunch Crisps Salted with Sea Salt and Cider Vinegar 150 g"
    narrow = QRect(0, 0, 300, 225)
    shown = VideoView.fitted_name(metrics, name, narrow)
    assert shown.startswith("Crunch") and shown.endswith("…")
    assert metrics.horizontalAdvance(shown) + metrics.height() * 0.6 <= narrow.width()
    assert VideoView.fitted_name(metrics, "Apple", narrow) == "Apple"


def test_larger_text_and_language_last_for_one_shopper(window, checkout, qtbot) -> None:
    from ui.i18n import current_language, install_translator

    window.show_view(checkout.view)  # the welcome screen
    normal = window._scale
    qtbot.mouseClick(window.header.text_size, Qt.MouseButton.LeftButton)
    assert window._scale == pytest.approx(normal * 1.3, rel=0.02)
    assert window.header.text_size.text() == "A−"
    assert f"font-size: {round(17 * window._scale)}px" in window.styleSheet()
    qtbot.mouseClick(window.header.language, Qt.MouseButton.LeftButton)
    window.header.language_menu.actions()[0].trigger()  # Español
    try:
        assert current_language() == "es"
        settle(checkout, detections("cola-can"), t=10.0)
        window.show_view(checkout.handle(PayPressed()))
        view = checkout.handle(Tick(12.5))
        window.show_view(view)
        assert view.state is CheckoutState.RECEIPT and current_language() == "es"
        view = checkout.handle(Tick(12.5 + 30))  # the receipt times out: the next shopper
        window.show_view(view)
        assert view.state is CheckoutState.WELCOME
        assert current_language() == "en" and window.text_factor == 1.0
        assert window._scale == pytest.approx(normal) and window.header.text_size.text() == "A+"
    finally:
        install_translator("en")


def _pixel(widget, x: int, y: int) -> str:
    """The colour a widget is drawn in at (x, y), as "#rrggbb": what the shopper sees."""
    return widget.grab().toImage().pixelColor(x, y).name()


def test_high_contrast_draws_white_and_yellow_on_black_for_one_shopper(
    window, checkout, qtbot
) -> None:
    from ui import theme

    window.resize(1024, 768)
    window.show()
    settle(checkout, detections("cola-can"), t=10.0)
    window.show_view(checkout.view)
    qtbot.waitUntil(lambda: window.pay_button.isEnabled())
    pay, banner, table = window.pay_button, window.banner, window.basket_panel.table
    below_the_lines = (table.width() // 2, table.height() - 10)
    standard = (_pixel(pay, 8, pay.height() // 2), _pixel(table, *below_the_lines))
    assert standard == (theme.STANDARD.brand.lower(), theme.STANDARD.paper.lower())
    qtbot.mouseClick(window.header.contrast, Qt.MouseButton.LeftButton)
    assert window.high_contrast and window.header.contrast.isChecked()
    qtbot.wait(50)
    high = theme.HIGH_CONTRAST
    assert _pixel(pay, 8, pay.height() // 2) == high.brand.lower()  # a yellow Pay button
    assert _pixel(table, *below_the_lines) == high.paper.lower()  # on black
    background, _ = high.banners[banner.level]
    assert _pixel(banner, banner.width() // 2, 4) == background.lower()
    assert window.text_factor == 1.0  # contrast and text size are separate choices
    view = checkout.handle(PayPressed())
    window.show_view(view)
    window.show_view(checkout.handle(Tick(12.5)))
    view = checkout.handle(Tick(12.5 + 30))  # the receipt times out: the next shopper
    window.show_view(view)
    assert view.state is CheckoutState.WELCOME
    assert not window.high_contrast and not window.header.contrast.isChecked()
    assert theme.colours() is theme.STANDARD
    assert _pixel(table, *below_the_lines) == theme.STANDARD.paper.lower()


def test_an_untouched_welcome_screen_goes_back_to_the_store_settings(window, checkout, qtbot):
    window._welcome_idle.setInterval(300)
    window.show_view(checkout.view)
    qtbot.mouseClick(window.header.text_size, Qt.MouseButton.LeftButton)
    assert window.text_factor > 1.0
    qtbot.waitUntil(lambda: window.text_factor == 1.0, timeout=3000)
    settle(checkout, detections("cola-can"), t=10.0)
    qtbot.mouseClick(window.header.text_size, Qt.MouseButton.LeftButton)
    window.show_view(checkout.view)  # shopping: the shopper's choice stays
    qtbot.wait(600)
    assert window.text_factor > 1.0


def test_basket_rows_fit_their_names_at_every_text_size(window, checkout, qtbot) -> None:
    """Rows share one measured height: after A+ (larger fonts and pictures) every row is
    still at least as tall as its own contents ask."""
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_view(settle(checkout, detections("cola-can", "crisps-salted", "wine-bottle"), 10))
    table = window.basket_panel.table

    def fits() -> bool:
        rows = range(window.model.rowCount())
        heights = {table.rowHeight(row) for row in rows}
        return len(heights) == 1 and all(
            table.rowHeight(row) >= table.sizeHintForRow(row) for row in rows
        )

    qtbot.waitUntil(fits)
    before = table.rowHeight(0)
    qtbot.mouseClick(window.header.text_size, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fits() and table.rowHeight(0) > before)


@pytest.mark.parametrize(
    ("size", "language"), [((1280, 800), "de"), ((1024, 768), "es"), ((1024, 768), "fr")]
)
def test_the_header_hint_shows_whole_or_not_at_all_and_the_buttons_keep_their_size(
    window, checkout, qtbot, size, language
) -> None:
    """The hint beside long button texts in a narrow window: never cut mid-word, and never
    squeezing a button the shopper needs."""
    from ui.i18n import install_translator

    header = window.header
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_view(checkout.view)
    try:
        install_translator(language)
        qtbot.waitUntil(lambda: header.language.text().endswith("▾"))
        qtbot.wait(50)
        buttons = (header.voice, header.contrast, header.text_size, header.language, header.staff)
        for button in buttons:
            if button.isVisible():
                assert button.width() >= button.sizeHint().width(), button.text()
        hint = header._hint
        text_width = hint.fontMetrics().horizontalAdvance(hint.text())
        assert hint.fits == (text_width <= hint.contentsRect().width())
        grab = hint.grab().toImage()
        painted = {grab.pixelColor(x, grab.height() // 2).name() for x in range(grab.width())}
        assert (len(painted) > 1) == hint.fits  # text drawn exactly when all of it fits
    finally:
        install_translator("en")
