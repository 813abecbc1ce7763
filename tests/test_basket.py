"""Basket tracker: per-frame reading, stabilisation, flicker immunity, settle time, doubts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.basket import BasketTracker, TrackerConfig, read_frame
from kiosk.checkout_values import DoubtKind
from kiosk.detections import Detections

LABELS = ["cola-can", "crisps-salted", "wine-bottle", "apple"]


def frame(*items: tuple[str, tuple[float, float, float, float], float]) -> Detections:
    rows = [
        {"label": label, "class_id": LABELS.index(label), "score": score, "box": list(box)}
        for label, box, score in items
    ]
    return Detections.from_json(rows)


def spot(n: int, y: float = 0.0) -> tuple[float, float, float, float]:
    """The n-th free place on the counter: boxes that never overlap."""
    return (n * 60.0, y, n * 60.0 + 50.0, y + 50.0)


def cans(n: int) -> Detections:
    return frame(*[("cola-can", spot(i), 0.9) for i in range(n)])


def run(tracker: BasketTracker, counts: list[int], fps: float, start: float = 0.0) -> list:
    return [tracker.update(cans(c), start + i / fps, i) for i, c in enumerate(counts)]


@pytest.mark.parametrize(
    ("score", "counted", "doubt"),
    [(0.9, 1, None), (0.5, 1, None), (0.49, 0, DoubtKind.LOW_CONFIDENCE), (0.25, 0,
     DoubtKind.LOW_CONFIDENCE), (0.2, 0, None)],
)  # fmt: skip
def test_reading_sorts_detections_by_confidence(score, counted, doubt) -> None:
    reading = read_frame(frame(("apple", spot(0), score)), 0.0, 0, TrackerConfig())
    assert dict(reading.counts).get("apple", 0) == counted
    assert [d.kind for d in reading.doubts] == ([doubt] if doubt else [])


def test_overlapping_boxes_of_different_products_are_one_doubt_not_two_items() -> None:
    dets = frame(("cola-can", (0, 0, 50, 50), 0.9), ("crisps-salted", (2, 2, 52, 50), 0.8))
    reading = read_frame(dets, 0.0, 0, TrackerConfig())
    assert reading.items == ()
    (doubt,) = reading.doubts
    assert doubt.kind is DoubtKind.OVERLAP
    assert doubt.label == "cola-can / crisps-salted"
    assert doubt.region == (0, 0, 52, 50)
    assert "move the marked items apart" in doubt.message


def test_same_product_duplicate_box_counts_once_but_touching_items_count_twice() -> None:
    dup = frame(("apple", (0, 0, 50, 50), 0.9), ("apple", (1, 1, 50, 50), 0.8))
    touching = frame(("apple", (0, 0, 50, 50), 0.9), ("apple", (40, 0, 90, 50), 0.8))
    cfg = TrackerConfig()
    assert dict(read_frame(dup, 0, 0, cfg).counts) == {"apple": 1}
    assert dict(read_frame(touching, 0, 0, cfg).counts) == {"apple": 2}


def test_unsure_second_guess_on_a_recognised_item_is_not_a_doubt() -> None:
    dets = frame(("cola-can", (0, 0, 50, 50), 0.9), ("crisps-salted", (0, 0, 50, 48), 0.3))
    reading = read_frame(dets, 0.0, 0, TrackerConfig())
    assert dict(reading.counts) == {"cola-can": 1}
    assert reading.doubts == ()


@pytest.mark.parametrize("fps", [10, 15, 30])
def test_total_settles_within_one_second_of_the_last_item(fps: float) -> None:
    tracker = BasketTracker()
    before = int(fps)  # one second of an empty counter
    results = run(tracker, [0] * before + [3] * (2 * int(fps)), fps)
    first = next(i for i, r in enumerate(results) if r.counts == {"cola-can": 3} and r.settled)
    assert 0 < (first - before) / fps <= 1.0
    assert all(r.counts == {"cola-can": 3} for r in results[first:])


def test_slow_inference_still_settles() -> None:
    tracker = BasketTracker()
    results = run(tracker, [2] * 8, fps=3)
    assert results[-1].counts == {"cola-can": 2} and results[-1].settled


@pytest.mark.parametrize("flicker", [0, 1, 3, 5])
def test_single_frame_flicker_never_changes_the_count(flicker: int) -> None:
    tracker = BasketTracker()
    run(tracker, [2] * 20, fps=10)
    results = run(tracker, [2] * 5 + [flicker] + [2] * 10, fps=10, start=2.0)
    assert all(r.counts == {"cola-can": 2} for r in results)
    assert all(r.settled for r in results)


def test_item_taken_away_leaves_the_basket_and_counter_is_empty() -> None:
    tracker = BasketTracker()
    run(tracker, [1] * 15, fps=10)
    results = run(tracker, [0] * 15, fps=10, start=1.5)
    assert results[-1].counts == {}
    assert results[-1].empty


def test_flickering_item_keeps_the_basket_unsettled_instead_of_guessing() -> None:
    tracker = BasketTracker()
    results = run(tracker, [1, 0] * 15, fps=10)
    assert not results[-1].settled


def test_time_going_back_restarts_the_window_but_keeps_the_basket() -> None:
    tracker = BasketTracker()
    run(tracker, [2] * 15, fps=10, start=10.0)
    after = tracker.update(cans(2), 0.0, 0)
    assert after.counts == {"cola-can": 2}
    assert len(tracker.state.history) == 1


def test_doubt_needs_to_persist_and_carries_its_region() -> None:
    tracker = BasketTracker()
    unsure = frame(("apple", (5, 5, 40, 40), 0.3))
    blip = [tracker.update(unsure if i == 5 else cans(0), i / 10) for i in range(15)]
    assert all(r.doubts == () for r in blip)
    steady = [tracker.update(unsure, 1.5 + i / 10) for i in range(10)]
    (doubt,) = steady[-1].doubts
    assert (doubt.kind, doubt.label, doubt.region) == (
        DoubtKind.LOW_CONFIDENCE,
        "apple",
        (5, 5, 40, 40),
    )
    assert not steady[-1].empty


@pytest.mark.parametrize(
    "kwargs", [{"accept_conf": 0.2, "doubt_conf": 0.3}, {"min_frames": 1}, {"agreement": 0.5}]
)
def test_config_refuses_settings_that_would_let_flicker_through(kwargs: dict) -> None:
    with pytest.raises(ValueError, match="need"):
        TrackerConfig(**kwargs)


@settings(max_examples=60, deadline=None)
@given(
    base=st.integers(0, 4),
    fps=st.sampled_from([8, 10, 15, 30]),
    flickers=st.lists(st.tuples(st.integers(6, 200), st.integers(0, 6)), max_size=12),
    length=st.integers(30, 120),
)
def test_isolated_single_frame_flickers_never_change_the_count(base, fps, flickers, length):
    counts = [base] * length
    used: set[int] = set()
    for at, value in flickers:
        if at < length and not ({at - 1, at, at + 1} & used):
            counts[at] = value  # one odd frame, never next to another odd frame
            used.add(at)
    tracker = BasketTracker()
    seen = {r.counts.get("cola-can", 0) for r in run(tracker, counts, fps)}
    assert seen <= {0, base}  # 0 only before the first settle
    final = tracker.update(cans(base), length / fps)
    assert final.counts.get("cola-can", 0) == base


def test_overlapping_unsure_boxes_are_one_doubt() -> None:
    dets = frame(("apple", (0, 0, 50, 50), 0.35), ("crisps-salted", (5, 0, 55, 50), 0.3))
    (doubt,) = read_frame(dets, 0.0, 0, TrackerConfig()).doubts
    assert (doubt.label, doubt.region) == ("apple", (0, 0, 50, 50))


def test_counted_item_whose_score_hovers_below_accept_keeps_counting() -> None:
    tracker = BasketTracker()
    scores = [0.52, 0.49, 0.51, 0.47, 0.5, 0.48] * 4
    results = [tracker.update(frame(("apple", spot(0), s)), i / 10) for i, s in enumerate(scores)]
    assert results[-1].counts == {"apple": 1} and results[-1].doubts == ()
    assert all(r.doubts == () for r in results)


def test_new_item_needs_the_full_accept_score_and_held_ones_drop_below_hold() -> None:
    cfg = TrackerConfig()
    unsure = frame(("apple", spot(0), 0.45))
    assert read_frame(unsure, 0, 0, cfg).items == ()  # nothing before: a doubt
    before = (("apple", spot(0), 0.9),)
    assert len(read_frame(unsure, 0, 0, cfg, before).items) == 1
    elsewhere = (("apple", spot(3), 0.9),)
    assert read_frame(unsure, 0, 0, cfg, elsewhere).items == ()
    other_label = (("crisps-salted", spot(0), 0.9),)
    assert read_frame(unsure, 0, 0, cfg, other_label).items == ()
    too_low = frame(("apple", spot(0), 0.3))
    assert read_frame(too_low, 0, 0, cfg, before).items == ()


@pytest.mark.parametrize(("accept", "doubt", "hold"), [(0.5, 0.25, 0.35), (0.3, 0.2, 0.2)])
def test_thresholds_come_from_the_settings(accept: float, doubt: float, hold: float) -> None:
    from kiosk.basket import config_from_settings
    from kiosk.config_schema import CheckoutSettings, DetectorSettings, Settings

    settings = Settings(
        detector=DetectorSettings(accept_conf=accept, doubt_conf=doubt),
        checkout=CheckoutSettings(settle_seconds=0.8),
    )
    cfg = config_from_settings(settings)
    assert (cfg.accept_conf, cfg.doubt_conf, cfg.settle_seconds) == (accept, doubt, 0.8)
    assert cfg.hold_conf == pytest.approx(hold)


def test_weaker_second_box_on_a_held_item_is_not_a_second_item() -> None:
    before = (("cola-can", (220.0, 167.0, 309.0, 302.0), 0.6),)
    dets = frame(
        ("cola-can", (220.0, 167.2, 308.8, 302.2), 0.6),
        ("cola-can", (227.1, 191.4, 306.3, 296.6), 0.46),
    )  # measured on the demo video: the second box covers 70 % of the first
    reading = read_frame(dets, 0, 0, TrackerConfig(), before)
    assert dict(reading.counts) == {"cola-can": 1}
    assert reading.doubts == ()
