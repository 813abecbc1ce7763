"""Staff correct the camera's reading on the running kiosk: remove what it read wrongly, add
what it missed, and the sale charges what staff made of it.

Real parts: the kiosk window, its worker thread, the checkout engine and the demo catalog on
disk; the test feeds the detections a model would report (the camera shows nothing).
"""

from __future__ import annotations

from catalog.db import connect
from catalog.sales import get_sale_by_id
from kiosk.checkout_values import CheckoutState
from tests.test_ui_worker import feed, idle_kiosk, type_pin
from ui.app import Kiosk

__all__ = ["idle_kiosk"]  # the running kiosk fixture


def correct(qtbot, window, products: int = 19):
    """Staff sign in through Help and open *Correct the items* (``products`` on sale)."""
    window.help_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.HELP, timeout=5_000)
    window.header.staff.click()
    type_pin(qtbot, window, "1234")
    qtbot.waitUntil(lambda: window.staff.menu is not None, timeout=5_000)
    window.staff.menu.buttons["correct"].click()
    dialog = window.staff.correction
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.products) == products, timeout=5_000)
    return dialog


def test_staff_swap_a_misread_can_and_the_sale_charges_the_right_one(
    qtbot, idle_kiosk: Kiosk
) -> None:
    window = idle_kiosk.window
    feed(idle_kiosk, "cola-can", "cola-can", "apple")  # the second can is really cherry cola
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.view.basket.total_cents == 2 * 129 + 45
    dialog = correct(qtbot, window)
    assert dialog.line_texts() == ["1 × Apple (each)", "2 × Fizz Cola can 330 ml"]
    dialog.remove("1001")
    qtbot.waitUntil(lambda: "1 × Fizz Cola can 330 ml" in dialog.line_texts(), timeout=5_000)
    assert dialog.status.text() == "Demo Manager removed 1 × Fizz Cola can 330 ml (1001)"
    dialog.search.setText("cherry")
    assert dialog.visible_products() == ["1002"]
    dialog.add("1002")
    qtbot.waitUntil(lambda: len(dialog.line_texts()) == 3, timeout=5_000)
    assert "1 × Fizz Cherry Cola can 330 ml (added by staff)" in dialog.line_texts()
    assert window.view.basket.total_cents == 129 + 139 + 45
    dialog.accept()
    assert window.staff.correction is None
    window.staff.menu.buttons["done"].click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    window.pay_button.click()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.RECEIPT, timeout=8_000)
    receipt = window.view.receipt
    assert receipt is not None and receipt.total_cents == 129 + 139 + 45
    db = connect(idle_kiosk.settings.paths.database)
    try:
        sale = get_sale_by_id(db, receipt.sale_id)
    finally:
        db.conn.close()
    assert sorted((line.sku, line.quantity) for line in sale.lines) == [
        ("1001", 1),
        ("1002", 1),
        ("1015", 1),
    ]
    assert list(sale.draft.overrides) == [
        "Demo Manager removed 1 × Fizz Cola can 330 ml (1001)",
        "Demo Manager added 1 × Fizz Cherry Cola can 330 ml (1002)",
    ]


def test_lines_show_their_pictures_and_products_without_a_sale_are_not_offered(
    qtbot, idle_kiosk: Kiosk
) -> None:
    from catalog.products import set_product_active

    db = connect(idle_kiosk.settings.paths.database)
    try:
        set_product_active(db, "1016", False, "test")  # oranges are off the shelf today
    finally:
        db.conn.close()
    window = idle_kiosk.window
    feed(idle_kiosk, "apple")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    dialog = correct(qtbot, window, products=18)
    assert "1016" not in dialog.visible_products()
    picture, _ = dialog._line_pictures["item:1015"]
    qtbot.waitUntil(
        lambda: picture.pixmap() is not None and not picture.pixmap().isNull(), timeout=5_000
    )
    from PySide6.QtCore import Qt

    apple = dialog.found.index(dialog.visible_products().index("1015"), 0)
    qtbot.waitUntil(lambda: apple.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=5_000)


def test_staff_signed_out_for_idleness_closes_the_correction(qtbot, idle_kiosk: Kiosk) -> None:
    window = idle_kiosk.window
    feed(idle_kiosk, "apple")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    correct(qtbot, window)
    window.staff.sign_out_idle()
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    assert window.staff.correction is None and window.staff.menu is None


def test_start_up_warms_the_staff_screens_and_leaves_nothing_behind(
    qtbot, idle_kiosk: Kiosk
) -> None:
    """Each staff screen is built once, unseen, at start-up (build_kiosk): afterwards no
    dialog is left and the staff idle clock is not running, so shopping pays nothing."""
    from PySide6.QtWidgets import QDialog

    window = idle_kiosk.window
    staff = window.staff
    qtbot.waitUntil(lambda: not window.findChildren(QDialog), timeout=2_000)
    staff.warm_up()
    assert len(window.findChildren(QDialog)) == 4  # PIN pad, staff menu, correction, admin
    assert not staff._idle.isActive() and staff.pin_dialog is staff.menu is None
    qtbot.waitUntil(lambda: not window.findChildren(QDialog), timeout=2_000)
    assert staff.correction is None and staff.admin is None


def choose_admin(qtbot, window):
    """Staff sign in on the shown 1280 x 800 window and choose the admin screen: the screen
    as the staff menu made it, before its turns to be shown."""
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.header.staff.click()
    type_pin(qtbot, window, "1234")
    qtbot.waitUntil(lambda: window.staff.menu is not None, timeout=5_000)
    window.staff.act("admin")
    return window.staff.admin


def test_the_admin_screen_opens_in_turns_and_belongs_to_the_kiosk_window(
    qtbot, idle_kiosk: Kiosk
) -> None:
    """Built outside the window, then given to it, then shown (each a turn of the event
    loop): once up it is the window's own dialog, modal over it and sized to it; closed
    before it was shown, it never appears."""
    import shiboken6
    from PySide6.QtCore import Qt

    from ui.admin.panel import AdminDialog

    window = idle_kiosk.window
    staff = window.staff
    admin = choose_admin(qtbot, window)
    assert admin is not None and admin.parent() is None and not admin.isVisible()
    qtbot.waitUntil(lambda: admin.isVisible(), timeout=2_000)
    assert admin.parent() is window and admin.isModal()
    assert admin.windowModality() == Qt.WindowModality.WindowModal
    assert admin.width() == 1200  # as wide as a 1280 px window allows
    admin.accept()
    qtbot.waitUntil(lambda: staff.admin is None, timeout=2_000)

    staff.act("admin")
    early = staff.admin
    early.reject()  # closed before its turn to be shown (staff signed out meanwhile)
    assert staff.admin is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(early), timeout=2_000)  # gone, never shown
    assert not window.findChildren(AdminDialog)


def test_closed_staff_screens_are_gone_not_kept_by_the_window(qtbot, idle_kiosk: Kiosk) -> None:
    """Each sign-in, correction and admin screen used to stay behind as a hidden child of the
    window (an admin screen is nine tabs): a kiosk open for weeks kept every one."""
    from PySide6.QtCore import SIGNAL
    from PySide6.QtWidgets import QDialog

    window = idle_kiosk.window
    staff = window.staff
    qtbot.waitUntil(lambda: not window.findChildren(QDialog), timeout=2_000)
    listeners = window.pictures.receivers(SIGNAL("loaded(QString)"))
    feed(idle_kiosk, "apple")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    for _ in range(3):
        correct(qtbot, window).accept()
        staff.act("admin")
        qtbot.waitUntil(lambda: staff.admin is not None and staff.admin.isVisible(), timeout=5_000)
        assert window.findChildren(QDialog)  # the screens are there while open
        staff.admin.accept()
        staff.menu.buttons["done"].click()
        qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    qtbot.waitUntil(lambda: not window.findChildren(QDialog), timeout=2_000)
    assert window.pictures.receivers(SIGNAL("loaded(QString)")) == listeners


def test_a_closed_admin_screen_goes_a_page_per_turn_after_the_window_is_drawn(
    qtbot, idle_kiosk: Kiosk
) -> None:
    """Deleted at once, in the turn that draws the window again, its nine tabs held the UI
    thread (and the video) 19-21 ms: now nothing goes in that turn, then one page a turn."""
    import itertools
    import time

    import shiboken6

    admin = choose_admin(qtbot, idle_kiosk.window)
    qtbot.waitUntil(lambda: admin.isVisible(), timeout=2_000)
    admin.pages.make_all()
    pages = admin.pages.made_pages()
    assert len(pages) == 9
    gone: list[float] = []
    for page in pages:
        page.destroyed.connect(lambda *_: gone.append(time.perf_counter()))
    closed = time.perf_counter()
    admin.accept()
    qtbot.wait(50)
    assert shiboken6.isValid(admin) and not gone  # nothing deleted while the window redraws
    qtbot.waitUntil(lambda: not shiboken6.isValid(admin), timeout=3_000)
    assert len(gone) == 9 and gone[0] - closed > 0.2
    steps = [later - earlier for earlier, later in itertools.pairwise(gone)]
    assert min(steps) > 0.005  # a page per turn of the event loop, not all in one


def test_the_scripted_shopper_does_not_pay_through_a_staff_screen(qtbot, idle_kiosk: Kiosk) -> None:
    """The soak's shopper pressed Pay behind an open PIN pad (a real shopper cannot: it is
    modal), so the staff member's PIN reached an engine already paying and was refused."""
    from ui.selftest import ScriptedShopper

    window = idle_kiosk.window
    shopper = ScriptedShopper(window, reaction_ms=10)
    window.staff.sign_in()  # between shoppers: the PIN pad checks the PIN itself
    assert window.staff.screens_open
    feed(idle_kiosk, "apple")
    qtbot.waitUntil(lambda: window.view.state is CheckoutState.READY, timeout=5_000)
    qtbot.wait(200)
    assert shopper.presses == 0 and window.view.state is CheckoutState.READY
    window.staff.pin_dialog.reject()
    assert not window.staff.screens_open
    feed(idle_kiosk, "apple", "apple")  # the basket changes: the shopper looks again
    qtbot.waitUntil(lambda: shopper.presses == 1, timeout=5_000)


def test_a_whole_stores_catalog_reads_only_the_pictures_on_screen(qtbot, idle_kiosk: Kiosk) -> None:
    """A store's price list of 2,000 products: the list asks for the pictures of the rows it
    draws, not for all 2,000 (which it read and kept, past the picture cache's limit), and
    the search still finds any of them."""
    import dataclasses
    import shutil

    from catalog.products import list_products
    from ui.admin.correct_dialog import CorrectionDialog

    window = idle_kiosk.window
    window.resize(1280, 800)
    window.show()
    root = window.pictures.store.root
    db = connect(idle_kiosk.settings.paths.database)
    try:
        demo = list_products(db)
    finally:
        db.conn.close()
    picture = next(root / p.image for p in demo if p.image)
    products = []
    for i in range(2000):
        shutil.copy(picture, root / f"p{i}.png")
        products.append(
            dataclasses.replace(demo[0], sku=f"{5000 + i}", name=f"Item {i:04d}", image=f"p{i}.png")
        )
    dialog = CorrectionDialog(window.pictures, window)
    dialog.open()
    dialog.show_products(tuple(products))
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: "p0.png" in window.pictures._icons, timeout=5_000)
    qtbot.wait(300)
    read = [name for name in window.pictures._icons if name.startswith("p")]
    assert 0 < len(read) < 30  # the rows on screen, not 2,000
    dialog.search.setText("item 1999")
    assert dialog.visible_products() == ["6999"]
    qtbot.waitUntil(lambda: "p1999.png" in window.pictures._icons, timeout=5_000)
    dialog.reject()
