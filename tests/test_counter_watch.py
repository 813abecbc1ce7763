"""Things on the counter the camera cannot name: the watch, the doubt, and what it blocks.

Real parts: frames of the demo video (its empty counter, its phone), the demo's birthday
card picture (a product the model has never seen) laid on the counter, the bundled model,
the checkout engine on the demo catalog, and the kiosk's worker session on a video.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from catalog.demo import BIRTHDAY_CARD
from kiosk.checkout import Checkout, PayPressed
from kiosk.checkout_events import (
    FrameSeen,
    HelpDone,
    HelpPressed,
    ShopperAdd,
    StaffApprove,
    StaffPin,
)
from kiosk.checkout_machine import COUNTER_CHANGED
from kiosk.checkout_values import CheckoutState, DoubtKind
from kiosk.config import bundled_model_path, demo_video_path
from kiosk.counter_watch import CounterWatch, WatchRules
from kiosk.detections import iou_matrix
from kiosk.detector import Detector
from kiosk.payment import SimulatedPaymentProvider
from kiosk.watchdog import LatestFrameSource
from tests.test_barcodes import CARD, ScanKiosk
from tests.test_captures import run_until
from tests.test_checkout import db, frame  # noqa: F401 - fixture
from tests.ui_support import demo_settings_in
from tools.screenshots import CARD_PICTURE, laid_on
from ui.overlay import MarkKind, marks_for
from ui.session import KioskSession

S = CheckoutState
CARD_SKU = BIRTHDAY_CARD.sku
FPS = 10
NOTHING = np.zeros((0, 4), np.float32)
THING_AT = (420, 300)  # where the card is laid: the counter's lower right, clear of the edges
PHONE = (500, 264, 640, 404)  # where the demo video's phone lies from 90 s on


def video_frame(seconds: float) -> np.ndarray:
    capture = cv2.VideoCapture(str(demo_video_path()))
    capture.set(cv2.CAP_PROP_POS_MSEC, seconds * 1000)
    ok, image = capture.read()
    capture.release()
    assert ok, "the demo video could not be read"
    return image


@pytest.fixture(scope="module")
def empty() -> np.ndarray:
    return video_frame(2.0)  # the demo video opens on the empty counter


def with_card(counter: np.ndarray, at: tuple[int, int] = THING_AT, size: int = 120):
    """The counter with the birthday card laid on it; the card's box (x1, y1, x2, y2)."""
    return laid_on(counter, cv2.imread(str(CARD_PICTURE), cv2.IMREAD_UNCHANGED), at, size)


def feed(watch, image, seconds: float, start: float, covered=NOTHING, idle=True, region=None):
    """The same picture for ``seconds`` at 10 frames a second; what the last frame gave."""
    things = ()
    for n in range(round(seconds * FPS)):
        things = watch.look(image, start + n / FPS, covered, idle, region)
    return things


def overlap(a, b) -> float:
    return float(iou_matrix(np.float32([a]), np.float32([b]))[0, 0])


def learnt(empty: np.ndarray, rules: WatchRules | None = None) -> CounterWatch:
    watch = CounterWatch(rules)
    feed(watch, empty, 2.0, 0.0)
    assert watch.learnt
    return watch


def test_the_empty_counter_is_learnt_when_it_lies_still_with_nothing_bought(empty) -> None:
    watch = CounterWatch()
    feed(watch, empty, 2.0, 0.0, idle=False)  # a basket is being paid: not the empty counter
    assert not watch.learnt
    feed(watch, empty, 1.0, 2.0)
    assert not watch.learnt  # still for 1 s of the 1.5 it needs
    card, _ = with_card(empty)
    feed(watch, card, 3.0, 3.0, covered=np.array([[0, 0, 50, 50]], np.float32))
    assert not watch.learnt  # something the camera recognises lies there
    assert feed(watch, empty, 2.0, 6.0) == () and watch.learnt


def test_staff_saying_the_counter_is_empty_teaches_it_at_once(empty) -> None:
    watch = CounterWatch()
    watch.learn(empty)  # the enrolment's "The counter is empty", pressed by staff
    card, box = with_card(empty)
    (thing,) = feed(watch, card, 1.5, 0.0, idle=False)
    assert overlap(thing, box) > 0.7


def test_a_product_the_model_does_not_know_is_marked_once_it_lies_still(empty) -> None:
    watch = learnt(empty)
    card, box = with_card(empty)
    assert feed(watch, card, 0.8, 10.0) == ()  # just put down (a hand is still about)
    (thing,) = feed(watch, card, 0.5, 10.8)
    assert overlap(thing, box) > 0.7, (thing, box)
    assert feed(watch, empty, 0.1, 12.0) == ()  # taken away: gone at once


def test_a_noisy_camera_marks_nothing_on_an_empty_counter_and_still_sees_a_card(empty) -> None:
    rng = np.random.default_rng(7)

    def noisy(image: np.ndarray) -> np.ndarray:  # a new sensor noise in every frame
        grain = rng.normal(0.0, 10.0, image.shape)
        return np.clip(image + grain, 0, 255).astype(np.uint8)

    watch = CounterWatch()
    for n in range(60):  # six seconds of an empty counter through a grainy camera
        assert watch.look(noisy(empty), n / FPS, NOTHING, True) == ()
    assert watch.learnt
    card, box = with_card(empty)
    things = ()
    for n in range(20):
        things = watch.look(noisy(card), 6.0 + n / FPS, NOTHING, False)
    (thing,) = things
    assert overlap(thing, box) > 0.7


def test_a_hand_moving_over_the_counter_is_not_a_thing(empty) -> None:
    watch = learnt(empty)
    for n in range(30):  # three seconds of something never still: 12 px a frame
        card, _ = with_card(empty, at=(100 + 12 * n, 200))
        assert watch.look(card, 10.0 + n / FPS, NOTHING, True) == ()


def test_what_a_detection_names_is_not_a_thing(empty) -> None:
    watch = learnt(empty)
    card, box = with_card(empty)
    covered = np.array([box], np.float32)
    assert feed(watch, card, 2.0, 10.0, covered=covered, idle=False) == ()
    elsewhere = np.array([[20, 20, 140, 140]], np.float32)  # a detection of something else
    (thing,) = feed(watch, card, 0.2, 12.0, covered=elsewhere, idle=False)
    assert overlap(thing, box) > 0.7
    x1, y1, x2, y2 = box  # a detection holding the card's left third: the rest sticks out
    third = np.array([[x1, y1, x1 + (x2 - x1) / 3, y2]], np.float32)
    (thing,) = feed(watch, card, 0.2, 12.2, covered=third, idle=False)
    assert abs(thing[2] - x2) <= 8 and thing[0] > x1 + (x2 - x1) / 3  # 8 px: 2 of the watch's


def test_pieces_of_a_recognised_item_inside_its_box_are_not_things(empty) -> None:
    watch = learnt(empty)
    card, (x1, y1, x2, y2) = with_card(empty, at=(300, 260), size=120)
    # A second piece apart from the first inside one detection's box: a bottle's neck cut
    # off from its label where the glass is the counter's colour.
    both, (px1, py1, px2, py2) = with_card(card, at=(460, 300), size=50)
    bottle = np.array([[x1 - 4, y1 - 4, px2 + 4, y2 + 4]], np.float32)
    assert py1 >= y1 and py2 <= y2 and px1 > x2 + 10  # apart, and inside the box
    assert feed(watch, both, 2.0, 10.0, covered=bottle, idle=False) == ()
    # The same piece with most of it outside the box is something else lying against it.
    short = np.array([[x1 - 4, y1 - 4, px1 + 10, y2 + 4]], np.float32)
    (thing,) = feed(watch, both, 0.2, 12.0, covered=short, idle=False)
    assert overlap(thing, (px1, py1, px2, py2)) > 0.6


def test_a_full_counter_or_a_shopper_leaning_over_it_is_no_moved_camera(empty) -> None:
    watch = learnt(empty)
    poster = cv2.resize(cv2.imread(str(CARD_PICTURE), cv2.IMREAD_UNCHANGED)[:, :, :3], (640, 480))
    whole = np.array([[0, 0, 640, 480]], np.float32)  # recognised items cover it all
    assert feed(watch, poster, 3.0, 10.0, covered=whole, idle=False) == ()
    assert watch.learnt
    sleeve = np.random.default_rng(0).integers(0, 255, (480, 640, 3), np.uint8)
    sleeve = cv2.resize(cv2.resize(sleeve, (32, 24)), (640, 480))  # a patterned sleeve
    for n in range(30):  # an arm sweeping over most of the picture, never still
        arm = empty.copy()
        reach = 400 + 8 * n
        arm[:, :reach] = np.roll(sleeve, 8 * n, axis=1)[:, :reach]
        assert watch.look(arm, 13.0 + n / FPS, NOTHING, False) == ()
    assert watch.learnt
    card, box = with_card(empty)
    (thing,) = feed(watch, card, 2.0, 16.0, idle=False)  # and it still sees
    assert overlap(thing, box) > 0.7


def test_light_exposure_and_shade_are_not_things(empty) -> None:
    watch = learnt(empty)
    brighter = cv2.convertScaleAbs(empty, alpha=1.2)  # the camera's exposure went up 20 %
    assert feed(watch, brighter, 2.0, 10.0, idle=False) == ()
    shaded = empty.copy()
    shaded[100:300, 150:450] = (shaded[100:300, 150:450] * 0.65).astype(np.uint8)  # a shopper
    assert feed(watch, shaded, 2.0, 12.0, idle=False) == ()
    card, box = with_card(brighter)  # and with the exposure changed, a card still shows
    (thing,) = feed(watch, card, 2.0, 14.0, idle=False)
    assert overlap(thing, box) > 0.7


def test_a_moved_camera_learns_the_empty_counter_again(empty) -> None:
    watch = learnt(empty)
    poster = cv2.imread(str(CARD_PICTURE), cv2.IMREAD_UNCHANGED)[:, :, :3]
    moved = cv2.resize(poster, (640, 480))  # knocked: it looks at a poster on the wall now
    assert feed(watch, moved, 1.5, 10.0) == ()
    assert not watch.learnt  # most of the picture changed, and stays so: it forgets
    feed(watch, moved, 2.0, 11.5)
    assert watch.learnt
    card, box = with_card(moved)
    (thing,) = feed(watch, card, 2.0, 14.0, idle=False)
    assert overlap(thing, box) > 0.7


def test_a_thing_left_alone_on_an_idle_counter_becomes_part_of_it(empty) -> None:
    watch = learnt(empty, WatchRules(absorb_seconds=5.0))
    card, _ = with_card(empty)
    assert len(feed(watch, card, 2.0, 10.0, idle=False)) == 1  # a basket is being bought
    assert len(feed(watch, card, 10.0, 12.0, idle=False)) == 1  # so it stays marked
    assert len(feed(watch, card, 2.0, 22.0)) == 1  # the basket is gone: marked, for now
    assert feed(watch, card, 4.0, 24.0) == ()  # 5 s alone on an idle counter: a mat, a stain
    assert feed(watch, empty, 1.5, 28.0)  # taken away, the counter under it shows: marked
    assert feed(watch, empty, 6.0, 29.5) == ()  # ... until that is the counter again


def test_only_the_counter_region_is_watched(empty) -> None:
    watch = learnt(empty)
    card, _ = with_card(empty)
    left_half = (0, 0, 320, 480)  # the card lies on the right: the bagging shelf
    assert feed(watch, card, 2.0, 10.0, idle=False, region=left_half) == ()
    assert feed(watch, card, 0.1, 12.0, idle=False, region=(0, 0, 640, 480))


def test_the_phone_in_the_demo_video_is_marked_and_its_products_are_not() -> None:
    detector = Detector(bundled_model_path(), conf=0.25)
    watch = CounterWatch()
    capture = cv2.VideoCapture(str(demo_video_path()))
    capture.set(cv2.CAP_PROP_POS_MSEC, 62_000)  # the second shopper: an empty counter first
    marked: dict[float, tuple] = {}
    for n in range(3 * 500):  # 62 - 112 s, every third frame (10 a second)
        ok, image = capture.read()
        if not ok:
            break
        if n % 3:
            continue
        t = round(62.0 + n / 30.0, 2)
        found = detector.detect(image)
        marked[t] = watch.look(image, t, found.xyxy, len(found) == 0)
    capture.release()
    assert watch.learnt
    before_phone = [t for t, things in marked.items() if 64.0 <= t < 90.0 and things]
    assert before_phone == []  # eight products put down, moved and stacked: none is a thing
    with_phone = [t for t, things in marked.items() if t >= 96.0]
    hits = [t for t in with_phone if any(overlap(x, PHONE) > 0.5 for x in marked[t])]
    assert len(hits) >= 0.9 * len(with_phone), (len(hits), len(with_phone))


# The engine: a thing is a doubt that blocks payment, like an item the camera is unsure of.


def show(kiosk, *labels: str, things=(), seconds: float = 1.0):
    for _ in range(int(seconds * 10)):
        kiosk.clock.now = round(kiosk.clock.now + 0.1, 6)
        kiosk.checkout.handle(FrameSeen(frame(*labels), kiosk.clock.now, unrecognised=things))
        view = kiosk.checkout.tick(kiosk.clock.now)
    return view


THING = (400.0, 300.0, 520.0, 420.0)
WALLET = (100.0, 300.0, 200.0, 380.0)


def test_a_thing_the_camera_cannot_name_blocks_payment_until_it_is_gone(db, tmp_path) -> None:  # noqa: F811
    kiosk = ScanKiosk(db, tmp_path)
    view = show(kiosk, "cola-can", things=(THING,))
    assert view.state is S.BLOCKED and not view.can_pay
    (doubt,) = view.basket.doubts
    assert doubt.kind is DoubtKind.UNRECOGNISED and doubt.region == THING
    assert view.block_reasons == (doubt.message,)
    assert "If it is yours, please take it away" in doubt.message
    (_, mark) = marks_for(view.basket, lambda kind: kind.value)
    assert mark.kind is MarkKind.UNKNOWN and (mark.x1, mark.y2) == (400.0, 420.0)
    view = show(kiosk, "cola-can")  # taken off the counter
    assert view.state is S.READY and view.can_pay and view.basket.total_cents == 129


def test_a_scanned_product_is_the_thing_the_camera_cannot_name(db, tmp_path) -> None:  # noqa: F811
    kiosk = ScanKiosk(db, tmp_path)
    show(kiosk, "cola-can", things=(THING,))
    kiosk.scan_code(CARD)  # the birthday card: the model has never seen one
    view = show(kiosk, "cola-can", things=(THING,))
    assert view.state is S.READY and view.basket.doubts == ()
    view = show(kiosk, "cola-can", things=(THING, WALLET))  # a second thing: which is paid?
    assert view.state is S.BLOCKED and len(view.basket.doubts) == 2
    kiosk.scan_code(CARD)  # a second card scanned: both explained
    assert show(kiosk, "cola-can", things=(THING, WALLET)).state is S.READY
    kiosk.checkout.handle(ShopperAdd(CARD_SKU, -1))  # one taken back out with -, still lying
    assert show(kiosk, "cola-can", things=(THING, WALLET)).state is S.BLOCKED


def slow_terminal(kiosk: ScanKiosk, seconds: float) -> ScanKiosk:
    """The kiosk with a card terminal that takes ``seconds`` to approve."""
    kiosk.terminal = SimulatedPaymentProvider(delay_seconds=seconds, clock=kiosk.clock)
    keys = iter(f"key-{n}" for n in range(1, 100))
    kiosk.checkout = Checkout(
        kiosk.checkout.db, provider=kiosk.terminal, receipts_dir=None, new_key=lambda: next(keys)
    )
    return kiosk


def test_staff_accept_the_thing_for_the_shopper(db, tmp_path) -> None:  # noqa: F811
    kiosk = ScanKiosk(db, tmp_path)
    show(kiosk, "cola-can", things=(THING,))
    for event in (HelpPressed(), StaffPin("1234"), StaffApprove()):
        kiosk.checkout.handle(event)  # staff: it is the shopper's own (a flask, a toy)
    kiosk.checkout.handle(HelpDone())
    view = show(kiosk, "cola-can", things=(THING,), seconds=0.3)
    assert view.state is S.READY and view.can_pay
    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING
    view = show(kiosk, "cola-can", things=(THING,), seconds=1.5)
    assert view.state is S.RECEIPT and kiosk.terminal.charged == [("key-1", 129, "EUR")]


def test_a_wallet_put_down_while_paying_cancels_nothing(db, tmp_path) -> None:  # noqa: F811
    kiosk = slow_terminal(ScanKiosk(db, tmp_path), seconds=4.0)
    show(kiosk, "cola-can")
    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING
    assert show(kiosk, "cola-can", seconds=2.0).state is S.PAYING  # the card comes out...
    view = show(kiosk, "cola-can", things=(WALLET,), seconds=2.5)  # ...of the wallet put down
    assert view.state is S.RECEIPT and kiosk.terminal.charged == [("key-1", 129, "EUR")]


def test_a_thing_put_down_just_before_pay_cancels_the_payment(db, tmp_path) -> None:  # noqa: F811
    kiosk = slow_terminal(ScanKiosk(db, tmp_path), seconds=4.0)
    show(kiosk, "cola-can")
    assert kiosk.checkout.handle(PayPressed()).state is S.PAYING
    view = show(kiosk, "cola-can", things=(THING,), seconds=2.0)  # marked 1.5 s after its hand
    assert view.state is not S.PAYING and view.state is not S.RECEIPT
    assert view.message == COUNTER_CHANGED
    assert kiosk.terminal.charged == [] and not view.can_pay


# The kiosk's own worker session: the camera, the model, the watch and the engine together.


def test_the_kiosk_marks_a_product_it_cannot_recognise_and_will_not_sell_past_it(
    tmp_path: Path, empty
) -> None:
    card, box = with_card(empty)
    video = tmp_path / "counter.mp4"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"mp4v"), 15.0, (640, 480))
    for image in [empty] * 45 + [card] * 600:  # 3 s of the empty counter, then the card
        writer.write(image)
    writer.release()
    settings = demo_settings_in(tmp_path, str(video), camera__loop=False)
    source = LatestFrameSource(settings.camera.source, loop=False, fps=15.0).start()
    session = KioskSession.open(settings, model_path=bundled_model_path(), frames=source)
    try:
        view = run_until(session, lambda v: v.state is S.BLOCKED)
        (doubt,) = view.basket.doubts
        assert doubt.kind is DoubtKind.UNRECOGNISED and overlap(doubt.region, box) > 0.6
        assert view.basket.lines == () and not view.can_pay
    finally:
        source.stop()
        session.close()


def test_a_store_may_turn_the_watch_off(tmp_path: Path) -> None:
    from ui.session import counter_watch

    settings = demo_settings_in(tmp_path, "demo", checkout__unrecognised_things=False)
    assert counter_watch(settings) is None
    settings = demo_settings_in(tmp_path, "demo", checkout__unrecognised_min_share=0.01)
    assert counter_watch(settings).rules.min_share == 0.01


def test_on_generated_scenes_most_things_the_model_was_taught_to_ignore_are_marked() -> None:
    from models.watch_check import check

    result = check(scenes=20, independent=False)
    assert result["distractors"] >= 20  # receipts, phones, keys, wallets... drawn big enough
    assert result["marked"] >= 0.5 and result["scenes_with_false_mark"] <= 0.2, result


# Installing: the technician checks that the kiosk can learn the empty counter.


def clip(tmp_path: Path, frames: list[np.ndarray], name: str = "clip.mp4") -> str:
    path = tmp_path / name
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 30.0, (640, 480))
    for image in frames:
        writer.write(image)
    writer.release()
    return str(path)


def test_camera_check_says_whether_the_empty_counter_can_be_learnt(tmp_path: Path, empty) -> None:
    from kiosk.camera_check import check_source

    report, _ = check_source(clip(tmp_path, [empty] * 90), 3.0, watch=CounterWatch())
    assert 1.4 <= report.counter_learnt_s <= 1.7 and report.counter_marked == 0
    assert report.problems() == []
    darker = cv2.convertScaleAbs(empty, alpha=0.75)
    flicker = [empty if n % 4 < 2 else darker for n in range(90)]  # a failing tube light
    report, _ = check_source(clip(tmp_path, flicker, "f.mp4"), 3.0, watch=CounterWatch())
    assert report.counter_learnt_s is None
    assert "the empty counter could not be learnt in 3.0 s" in report.problems()[0]
    card, _ = with_card(empty)  # the counter is not empty after all: a card comes
    report, _ = check_source(
        clip(tmp_path, [empty] * 60 + [card] * 60, "c.mp4"), 4.0, watch=CounterWatch()
    )
    assert report.counter_learnt_s is not None and report.counter_marked > 0
    assert "on the empty counter something was marked in" in report.problems()[0]


def test_kiosk_camera_check_empty_prints_the_watch(tmp_path: Path, empty, capsys) -> None:
    from kiosk.cli import main

    source = clip(tmp_path, [empty] * 90)
    assert main(["camera", "check", source, "--seconds", "3", "--empty"]) == 0
    out = capsys.readouterr().out
    assert "counter watch: learnt the empty counter in 1." in out and "nothing marked" in out
