"""Take the README screenshots of the real kiosk under Xvfb: welcome, scanning, blocked, receipt,
the staff admin screen after that sale (its sales tab, its receipts-and-refunds tab on
that receipt, its offers, products, staff and changes), and two stills of the counter: with part
of it outside the counter region, with a deposit on the cola can, and with a bottle voucher.

Runs the demo (bundled model, demo video, fresh demo catalog) on a virtual X display, waits
for each checkout state to appear on its own, and saves a real screen grab of it. Needs
the ``xvfb`` package (``apt-get install -y xvfb``) unless a display is already set.

    python tools/screenshots.py --out docs/screenshots --size 1280x800
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = (
    "welcome",
    "scanning",
    "blocked",
    "receipt",
    "screen_items",
    "correction",
    "admin_sales",
    "admin_refund",
    "admin_offers",
    "admin_products",
    "admin_product_new",
    "admin_enrol",
    "admin_staff",
    "admin_store",
    "admin_changes",
)


BAG_SKU = "2001"  # the demo store's carrier bag (catalog.demo.CARRIER_BAG)


def start_xvfb(size: str, display: str = ":97") -> subprocess.Popen[bytes]:
    """A virtual screen of ``size`` (e.g. 1280x800); DISPLAY points at it."""
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is not installed: apt-get install -y xvfb")
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.environ["DISPLAY"] = display
    time.sleep(1.0)  # Xvfb has no readiness signal; it starts in well under a second
    if proc.poll() is not None:
        sys.exit(f"Xvfb failed to start on {display}")
    return proc


class Photographer:
    """Watches the window's checkout views and grabs the screen once per wanted state.

    The demo video's first shopper fills the counter step by step: the welcome screen comes
    first, a settled basket of three or more lines is the scanning shot, a doubt (or, if
    the model has none, the age check) is the blocked shot. Then staff approve the age
    check, the shopper pays, and the receipt is the last shot.
    """

    def __init__(self, kiosk, out: Path, suffix: str) -> None:
        self.kiosk = kiosk
        self.out = out
        self.suffix = suffix
        self.taken: dict[str, Path] = {}
        self.pending: set[str] = set()
        self.age_checks_seen = 0
        self.paying = False
        self.receipt_no = ""
        self.bag_asked = False
        kiosk.window.viewShown.connect(self.on_view)

    def on_view(self, view) -> None:
        from kiosk.checkout_values import CheckoutState as S

        state, basket = view.state, view.basket
        if state is S.WELCOME and not basket.items and self.kiosk.window.first_frame_at:
            self.want("welcome")
        elif state is S.READY and len(basket.lines) >= 2 and not self.paying:
            if len(basket.lines) >= 3:
                self.want("scanning")
            if "scanning" in self.taken and self.add_a_bag(basket):
                return
            if {"welcome", "scanning", "blocked"} <= set(self.taken):
                self.paying = True  # everything else is on file: pay for this basket
                self.post("PayPressed")
        elif state is S.BLOCKED and basket.doubts:
            self.want("doubt")  # an extra: the dashed outline of an uncertain item
            if basket.lines:
                self.want("blocked")
        elif state is S.BLOCKED and view.needs_approval and not basket.doubts:
            self.age_check(view)
        elif state is S.READY and self.paying:
            self.post("PayPressed")
        elif state is S.RECEIPT:
            self.receipt_no = view.receipt.receipt_no if view.receipt else ""
            self.want("receipt")

    def add_a_bag(self, basket) -> bool:
        """The shopper adds the demo store's carrier bag on the screen; True until its shot."""
        from kiosk.checkout_events import ShopperAdd

        if "screen_items" in self.taken:
            return False
        if any(line.sku == BAG_SKU for line in basket.lines):
            self.want("screen_items")
        elif not self.bag_asked:
            self.bag_asked = True
            self.kiosk.worker.post(ShopperAdd(BAG_SKU))
        return True

    def age_check(self, view) -> None:
        """Second age check after the other shots: staff approve so the shopper can pay."""
        self.age_checks_seen += 1
        if self.age_checks_seen == 40 and "blocked" not in self.taken:
            self.want("blocked")  # no doubt showed up: the age check is the blocked screen
        ready = {"welcome", "scanning", "blocked"} <= set(self.taken)
        if ready and len(view.basket.lines) >= 4 and not self.paying:
            from PySide6.QtCore import QTimer

            self.paying = True
            self.post("StaffPin")  # staff come: first the correction screen's shot
            QTimer.singleShot(800, self.open_correction)

    def open_correction(self) -> None:
        """Staff open *Correct the items* on this basket (as the staff menu does)."""
        from PySide6.QtCore import QTimer

        staff = self.kiosk.window.staff
        staff.staff_name = "Demo Manager"
        staff._open_correction()
        QTimer.singleShot(1500, lambda: self.grab_correction(staff.correction))

    def grab_correction(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        dialog.search.setText("cola")  # the rows it shows ask for their pictures: let them come
        QTimer.singleShot(500, lambda: self.save_correction(dialog))

    def save_correction(self, dialog) -> None:
        self.save_dialog(dialog, "correction")
        dialog.accept()
        for event in ("StaffApprove", "HelpDone"):
            self.post(event)

    def post(self, name: str) -> None:
        from kiosk import checkout_events

        event_type = getattr(checkout_events, name)
        self.kiosk.worker.post(event_type("1234") if name == "StaffPin" else event_type())

    def want(self, name: str) -> None:
        from PySide6.QtCore import QTimer

        if name in self.taken or name in self.pending:
            return
        self.pending.add(name)
        state = self.kiosk.window.view.state
        QTimer.singleShot(500, lambda: self.grab(name, state))

    def grab(self, name: str, state) -> None:
        """Save the screen if the state still holds after the wait; else wait for it again."""
        from PySide6.QtWidgets import QApplication

        window = self.kiosk.window
        self.pending.discard(name)
        if window.view is None or window.view.state is not state:
            return
        screen = QApplication.primaryScreen()
        pixmap = screen.grabWindow(window.winId()) if screen else window.grab()
        path = self.out / f"{name}{self.suffix}.png"
        pixmap.save(str(path))
        self.taken[name] = path
        print(f"saved {path}", flush=True)
        if name == "receipt":
            self.open_admin()
        if all(shot in self.taken for shot in SHOTS):
            QApplication.quit()

    def open_admin(self) -> None:
        """Staff open the admin screen on today's sales, the sale just paid among them."""
        from PySide6.QtCore import QTimer

        from ui.admin.panel import AdminDialog

        dialog = AdminDialog(self.kiosk.worker, "Demo Manager", self.kiosk.window)
        self.kiosk.window.staff.admin = dialog  # answers routed as the staff menu routes them
        dialog.tabs.setCurrentWidget(dialog.sales)
        dialog.show()
        QTimer.singleShot(1500, lambda: self.grab_dialog(dialog))

    def grab_dialog(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        self.save_dialog(dialog, "admin_sales")
        dialog.tabs.setCurrentWidget(dialog.refunds)  # on the receipt just paid
        dialog.refunds.receipt.setText(self.receipt_no)
        dialog.refunds.find.click()
        QTimer.singleShot(1500, lambda: self.grab_refund(dialog))

    def grab_refund(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        tab = dialog.refunds
        if tab.table.rowCount():
            tab.table.cellWidget(0, 3).setValue(1)
            tab.reason.setText("Dented, shopper brought it back")
        self.save_dialog(dialog, "admin_refund")
        # Offers: a weekly one being set up for next week, beside the demo's two.
        offers = dialog.offers
        dialog.tabs.setCurrentWidget(offers)
        offers.product.setCurrentIndex(offers.product.findData("1011"))
        offers.buy.setValue(2)
        offers.kind.setCurrentIndex(1)
        offers.price.setValue(4.0)
        offers.starts.setDate(offers.starts.date().addDays(7))
        offers.has_end.setChecked(True)
        offers.ends.setDate(offers.starts.date().addDays(6))
        offers.add.click()
        QTimer.singleShot(1500, lambda: self.grab_offers(dialog))

    def grab_offers(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        self.save_dialog(dialog, "admin_offers")
        dialog.tabs.setCurrentWidget(dialog.products)  # its pictures are read meanwhile
        QTimer.singleShot(1000, lambda: self.grab_products(dialog))

    def grab_products(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        # Products: the list, then a new size of a product being added, taking the can's label
        # and its picture from the counter camera.
        products = dialog.products
        self.save_dialog(dialog, "admin_products")
        products.start_new()
        products.sku.setText("1101")
        products.name.setText("Fizz Cola can 500 ml")
        products.price.setValue(1.79)
        products.tax.setValue(19.0)
        products.tick_label("cola-can")
        products.take_picture.click()
        QTimer.singleShot(1500, lambda: self.grab_new_product(dialog))

    def grab_new_product(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        self.save_dialog(dialog, "admin_product_new")
        # Teach the camera: the jam jar chosen, its views not taken yet.
        dialog.tabs.setCurrentWidget(dialog.enrol)
        dialog.enrol.choose("1013")
        dialog.enrol.length.setValue(95.0)
        QTimer.singleShot(1000, lambda: self.grab_enrol(dialog))

    def grab_enrol(self, dialog) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        self.save_dialog(dialog, "admin_enrol")
        # Staff: a new cashier being added (the PIN typed twice, never shown).
        dialog.tabs.setCurrentWidget(dialog.staff)
        dialog.staff.start_new()
        dialog.staff.name.setText("Ana Ruiz")
        dialog.staff.pin.setText("2580")
        dialog.staff.pin_again.setText("2580")
        QApplication.processEvents()
        self.save_dialog(dialog, "admin_staff")
        # Store: the receipt's head and foot being changed, the paper previewed.
        dialog.tabs.setCurrentWidget(dialog.store)
        store = dialog.store
        store.name.setText("Corner Shop")
        store.address.setPlainText("Main St 1\n10115 Berlin")
        store.tax_id.setText("DE123456789")
        store.footer.setPlainText("Thank you!\nReturns within 14 days with this receipt")
        QApplication.processEvents()
        self.save_dialog(dialog, "admin_store")
        dialog.tabs.setCurrentWidget(dialog.changes)  # read when shown: the offer just added
        QTimer.singleShot(1500, lambda: self.grab_changes(dialog))

    def grab_changes(self, dialog) -> None:
        from PySide6.QtWidgets import QApplication

        self.save_dialog(dialog, "admin_changes")
        dialog.close()
        if all(shot in self.taken for shot in SHOTS):
            QApplication.quit()

    def save_dialog(self, dialog, name: str) -> None:
        path = self.out / f"{name}{self.suffix}.png"
        dialog.grab().save(str(path))
        self.taken[name] = path
        print(f"saved {path}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="screen size, e.g. 1920x1080")
    parser.add_argument("--language", default="en")
    parser.add_argument("--suffix", default="", help="added to every file name")
    parser.add_argument(
        "--contrast", action="store_true", help="the shopper's high contrast (◐) turned on"
    )
    parser.add_argument("--timeout", type=float, default=240.0, help="give up after (s)")
    parser.add_argument("--model", type=Path, help="ONNX model (default: the bundled one)")
    args = parser.parse_args(argv)
    xvfb = None if os.environ.get("DISPLAY") else start_xvfb(args.size)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        return shoot(args)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def shoot(args: argparse.Namespace) -> int:
    import onnxruntime  # noqa: F401  # before PySide6, as in the kiosk's entry point

    from kiosk.payment import SimulatedPaymentProvider
    from ui.app import build_kiosk, create_application
    from ui.demo import demo_settings
    from ui.i18n import install_translator

    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    install_translator(args.language)
    settings, model, tmp = demo_settings(model_path=args.model)
    # The store's language too, so receipts and the Store tab's preview speak it.
    ui = dataclasses.replace(settings.ui, language=args.language)
    settings = dataclasses.replace(settings, ui=ui)
    terminal = SimulatedPaymentProvider(delay_seconds=0.6)
    kiosk = build_kiosk(settings, model_path=model, payment=terminal)
    photographer = Photographer(kiosk, args.out, args.suffix)
    if args.contrast:
        kiosk.window.toggle_contrast()
    run_until_quit(app, kiosk, args.timeout, tmp)
    shoot_region(args, app)
    shoot_deposit(args, app)
    shoot_voucher(args, app)
    shoot_scanned(args, app)
    shoot_deli(args, app)
    shoot_unrecognised(args, app)
    missing = [shot for shot in SHOTS if shot not in photographer.taken]
    if missing:
        print(f"not seen within {args.timeout:g} s: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


def run_until_quit(app, kiosk, timeout: float, tmp) -> None:
    """Show the kiosk full screen and run it until a shot quits it or ``timeout`` passes;
    then close it and remove its scratch data (``tmp``, when demo_settings made one)."""
    from PySide6.QtCore import QTimer

    from ui.app import show_full_screen

    show_full_screen(kiosk.window)
    kiosk.start()
    QTimer.singleShot(int(timeout * 1000), app.quit)
    app.exec()
    kiosk.close()
    if tmp is not None:
        tmp.cleanup()


REGION_SECONDS = 16.9  # the demo video's counter holds a cola can, an apple and crisps
REGION = "0.42,0,1,1"  # the counter ends right of the can and the apple


def shoot_region(args: argparse.Namespace, app) -> None:
    """The counter region: one still of the demo video with the counter's left part cut off,
    so the can and the apple lie on the "shelf" beside it (dimmed, not charged)."""
    shoot_still(args, app, "region", region=REGION)


COLA_SKU = "1001"


def deposit_on_cola(database: Path) -> None:
    from catalog.db import connect
    from catalog.products import get_product, upsert_product

    db = connect(database)
    try:
        cola = get_product(db, COLA_SKU)
        upsert_product(db, dataclasses.replace(cola, deposit_cents=25), "screenshots")
    finally:
        db.close()


def shoot_deposit(args: argparse.Namespace, app) -> None:
    """The same still on the whole counter, the cola can carrying a deposit of 0.25: its
    deposit line right under it in the basket."""
    shoot_still(args, app, "deposit", prepare=deposit_on_cola)


def shoot_voucher(args: argparse.Namespace, app) -> None:
    """The deposit still with a bottle voucher of 0.75 handed in (as a scanner types it):
    its row last in the basket, the total less its amount."""
    from kiosk.checkout_events import VoucherScanned
    from kiosk.vouchers import VoucherRules

    code = VoucherRules().code_for(1207, 75)
    shoot_still(args, app, "voucher", prepare=deposit_on_cola, hand_in=VoucherScanned(code))


def shoot_scanned(args: argparse.Namespace, app) -> None:
    """The still with the demo's birthday card scanned (the model does not know it): its
    row in the basket beside the items the camera sees, and in the bar under it."""
    from catalog.demo import BIRTHDAY_CARD
    from kiosk.checkout_events import BarcodeScanned

    def card_in(view) -> bool:
        return any(line.sku == BIRTHDAY_CARD.sku for line in view.basket.lines)

    scan = BarcodeScanned(BIRTHDAY_CARD.barcode)
    shoot_still(args, app, "scanned", hand_in=scan, handed_in=card_in)


def shoot_deli(args: argparse.Namespace, app) -> None:
    """The still with a pack of the demo deli counter's Gouda scanned by its scale's label:
    its weight in the basket's line, its price from the weight."""
    from kiosk.checkout_events import BarcodeScanned
    from ui.demo import demo_cheese_label

    code = demo_cheese_label(254)

    def pack_in(view) -> bool:
        return any(line.code == code for line in view.basket.lines)

    shoot_still(args, app, "deli", hand_in=BarcodeScanned(code), handed_in=pack_in)


def shoot_unrecognised(args: argparse.Namespace, app) -> None:
    """The still with the demo's birthday card laid on the counter and not scanned: the
    camera has never seen one, the counter watch marks it, and payment waits."""
    from kiosk.checkout_values import CheckoutState, DoubtKind

    def with_card(folder: Path, still) -> Path:
        import cv2

        return counter_video(folder, still, card_on(still, cv2.imread(str(CARD_PICTURE), -1)))

    def marked(view) -> bool:
        kinds = {doubt.kind for doubt in view.basket.doubts}
        return view.state is CheckoutState.BLOCKED and DoubtKind.UNRECOGNISED in kinds

    shoot_still(args, app, "unrecognised", camera=with_card, ready=marked)


CARD_PICTURE = ROOT / "models" / "demo" / "pictures" / "2002.png"
CARD_AT, CARD_SIZE = (470, 20), 130  # clear of the can, the apple and the crisps


def card_on(still, picture):
    """The still with the card's picture (BGRA) laid on it."""
    return laid_on(still, picture, CARD_AT, CARD_SIZE)[0]


def laid_on(still, picture, at: tuple[int, int], size: int):
    """``still`` with a BGRA ``picture`` laid on it at ``at`` (x, y), ``size`` pixels square;
    and the box (x1, y1, x2, y2) of the picture's opaque pixels there."""
    import cv2
    import numpy as np

    thing = cv2.resize(picture, (size, size))
    image = still.copy()
    x, y = at
    alpha = thing[:, :, 3:].astype(np.float32) / 255.0
    patch = image[y : y + size, x : x + size].astype(np.float32)
    mixed = alpha * thing[:, :, :3] + (1.0 - alpha) * patch
    image[y : y + size, x : x + size] = mixed.astype(np.uint8)
    ys, xs = np.nonzero(thing[:, :, 3] > 0)
    return image, (x + xs.min(), y + ys.min(), x + xs.max() + 1, y + ys.max() + 1)


def counter_video(folder: Path, still, scene) -> Path:
    """A clip that starts on the empty counter (the watch learns it), then shows ``scene``."""
    import cv2

    from kiosk.config import demo_video_path

    video = cv2.VideoCapture(str(demo_video_path()))
    video.set(cv2.CAP_PROP_POS_MSEC, 2000)  # the demo video opens on the empty counter
    ok, empty = video.read()
    video.release()
    if not ok:
        raise RuntimeError(f"{demo_video_path()} could not be read")
    path = folder / "counter.mp4"
    height, width = still.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 15.0, (width, height))
    for image in [empty] * 45 + [scene] * 900:
        writer.write(image)
    writer.release()
    return path


def shoot_still(
    args: argparse.Namespace,
    app,
    name: str,
    region: str = "",
    prepare=None,
    hand_in=None,
    handed_in=lambda view: bool(view.basket.vouchers),
    camera=None,
    ready=None,
) -> None:
    """A still of the demo video (a cola can, an apple and crisps) as the camera, grabbed
    once the basket is ready; ``prepare`` changes the demo catalog first; ``hand_in`` is a
    voucher handed in (or a barcode scanned) once the basket is ready, grabbed when
    ``handed_in`` says it is in. ``camera`` makes the camera's source from the still (a
    clip), ``ready`` says when to grab instead of a ready basket."""
    import tempfile

    import cv2
    from PySide6.QtCore import QTimer

    from kiosk.checkout_values import CheckoutState
    from kiosk.config import demo_video_path
    from ui.app import build_kiosk
    from ui.demo import demo_settings

    with tempfile.TemporaryDirectory() as folder:
        video = cv2.VideoCapture(str(demo_video_path()))
        video.set(cv2.CAP_PROP_POS_MSEC, REGION_SECONDS * 1000)
        ok, image = video.read()
        video.release()
        still = Path(folder) / "counter.png"
        if not ok or not cv2.imwrite(str(still), image):
            print(f"the demo video could not be read for the {name} shot", file=sys.stderr)
            return
        settings, model, tmp = demo_settings(model_path=args.model)
        if prepare is not None:
            prepare(settings.paths.database)
        source = str(still if camera is None else camera(Path(folder), image))
        camera_settings = dataclasses.replace(settings.camera, source=source, region=region)
        settings = dataclasses.replace(settings, camera=camera_settings)
        kiosk = build_kiosk(settings, model_path=model)
        path = args.out / f"{name}{args.suffix}.png"

        scheduled: list[bool] = []
        posted: list[bool] = []

        def grab_when_ready(view) -> None:
            if hand_in is not None and not handed_in(view):
                if view.state is CheckoutState.READY and not posted:
                    posted.append(True)
                    kiosk.window.worker.post(hand_in)
                return
            # Once: a second pending quit would end the next still's run before its grab.
            grab_now = view.state is CheckoutState.READY if ready is None else ready(view)
            if grab_now and not scheduled:
                scheduled.append(True)
                QTimer.singleShot(800, lambda: (kiosk.window.grab().save(str(path)), app.quit()))

        kiosk.window.viewShown.connect(grab_when_ready)
        run_until_quit(app, kiosk, args.timeout, tmp)
        print(f"saved {path}" if path.exists() else f"{name} shot not taken", flush=True)


if __name__ == "__main__":
    sys.exit(main())
