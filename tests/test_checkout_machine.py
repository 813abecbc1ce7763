"""The pure checkout state machine: every transition, table-driven, plus safety properties."""

from __future__ import annotations

import hypothesis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.models import Product, Promotion
from catalog.sale_checks import draft_problems
from kiosk.checkout_events import (
    Audit,
    CancelPayment,
    CancelPressed,
    CaptureCounter,
    CounterCleared,
    FrameSeen,
    HelpDone,
    HelpPressed,
    Ignored,
    PaymentOutcome,
    PaymentResult,
    PayPressed,
    PinRejected,
    PollPayment,
    RecordSale,
    SaleFailed,
    SaleRecorded,
    StaffAddLine,
    StaffApprove,
    StaffPin,
    StaffRemoveLine,
    StaffSignedIn,
    StaffVoid,
    StartPayment,
    Tick,
    VerifyPin,
)
from kiosk.checkout_machine import COUNTER_CHANGED, sale_draft, transition
from kiosk.checkout_model import (
    AGE_CHECK_REASON,
    TAKE_ITEMS,
    CheckoutConfig,
    CheckoutModel,
    block_reasons,
    open_doubts,
    view_of,
)
from kiosk.checkout_values import CheckoutState, DoubtKind
from kiosk.detections import Detections
from kiosk.pricing import PriceBook

S = CheckoutState
LABELS = ["cola-can", "crisps-salted", "wine-bottle", "old-soda", "free-sample", "mystery"]
BOOK = PriceBook.from_products(
    [
        Product("1001", "Fizz Cola", 129, 1900, labels=("cola-can",)),
        Product("1008", "Crisps", 199, 700, labels=("crisps-salted",)),
        Product("1007", "Red Wine", 699, 1900, age_restricted=True, labels=("wine-bottle",)),
        Product("1099", "Old Soda", 99, 1900, active=False, labels=("old-soda",)),
        Product("1098", "Free Sample", 0, 700, labels=("free-sample",)),
    ],
    [Promotion("1001", "3 for 2", 3, pay_qty=2, id=1)],
)


def frame(*labels: str, score: float = 0.9) -> Detections:
    rows = [
        {"label": label, "class_id": LABELS.index(label), "score": score,
         "box": [i * 60.0, 0.0, i * 60.0 + 50.0, 50.0]}
        for i, label in enumerate(labels)
    ]  # fmt: skip
    return Detections.from_json(rows)


def apply(model: CheckoutModel, *events) -> CheckoutModel:
    for event in events:
        model, _ = transition(model, event)
    return model


def hold(model: CheckoutModel, dets: Detections, seconds: float = 1.0, fps: int = 10):
    for _ in range(int(seconds * fps)):
        model = apply(model, FrameSeen(dets, round(model.now + 1 / fps, 6)))
    return model


def fresh() -> CheckoutModel:
    return CheckoutModel(config=CheckoutConfig(), book=BOOK)


def ready() -> CheckoutModel:
    return hold(fresh(), frame("cola-can", "crisps-salted"))


def in_help_with_staff(base: CheckoutModel | None = None) -> CheckoutModel:
    return apply(base or ready(), HelpPressed(), StaffSignedIn("Ann", "manager"))


def paying() -> CheckoutModel:
    return apply(ready(), PayPressed("key-1"))


def paid() -> CheckoutModel:
    return apply(paying(), PaymentResult(PaymentOutcome.APPROVED, "ref-9"))


def receipt() -> CheckoutModel:
    return apply(paid(), SaleRecorded("K1-000001", 1, "2026-01-01T00:00:00Z", None))


STARTS = {
    "welcome": fresh,
    "welcome (settled)": lambda: hold(fresh(), frame()),
    "scanning": lambda: hold(fresh(), frame("cola-can"), seconds=0.3),
    "ready": ready,
    "blocked": lambda: hold(fresh(), frame("cola-can", "mystery")),
    "help": lambda: apply(ready(), HelpPressed()),
    "help+staff": in_help_with_staff,
    "paying": paying,
    "paid": paid,
    "receipt": receipt,
}

APPROVED = PaymentResult(PaymentOutcome.APPROVED, "ref")
TABLE = [
    # start, event, expected state, expected effect types
    ("welcome", FrameSeen(frame("cola-can"), 0.1), S.SCANNING, []),
    ("welcome (settled)", FrameSeen(frame("cola-can"), 1.1), S.WELCOME, []),
    ("welcome", Tick(5.0), S.WELCOME, []),
    ("welcome", PayPressed("k"), S.WELCOME, [Ignored]),
    ("welcome", HelpPressed(), S.HELP, []),
    ("welcome", StaffPin("1234"), S.HELP, [VerifyPin]),
    ("welcome", CancelPressed(), S.WELCOME, [Ignored]),
    ("welcome", StaffApprove(), S.WELCOME, [Ignored]),
    ("welcome", CounterCleared(), S.WELCOME, [Ignored]),
    ("welcome", APPROVED, S.WELCOME, [Ignored]),
    ("welcome", SaleRecorded("x", 1), S.WELCOME, [Ignored]),
    ("scanning", PayPressed("k"), S.SCANNING, [Ignored]),
    ("scanning", HelpPressed(), S.HELP, []),
    ("scanning", FrameSeen(frame("cola-can"), 0.4), S.SCANNING, []),
    ("ready", PayPressed("k"), S.PAYING, [StartPayment]),
    ("ready", PayPressed(""), S.READY, [Ignored]),
    ("ready", HelpPressed(), S.HELP, []),
    ("ready", StaffVoid(), S.READY, [Ignored]),
    ("ready", Tick(99.0), S.READY, []),
    ("ready", SaleFailed("x"), S.READY, [Ignored]),
    ("blocked", PayPressed("k"), S.BLOCKED, [Ignored]),
    ("blocked", HelpPressed(), S.HELP, []),
    ("blocked", StaffPin("1234"), S.HELP, [VerifyPin]),
    ("help", StaffAddLine("1008"), S.HELP, [Ignored]),
    ("help", StaffPin("1234"), S.HELP, [VerifyPin]),
    ("help", StaffSignedIn("Ann"), S.HELP, []),
    ("help", PinRejected("Wrong PIN, 4 tries left"), S.HELP, []),
    ("help", CancelPressed(), S.READY, []),
    ("help", HelpDone(), S.READY, []),
    ("help", PayPressed("k"), S.HELP, [Ignored]),
    ("help", HelpPressed(), S.HELP, [Ignored]),
    ("help+staff", StaffAddLine("1008"), S.HELP, [Audit, CaptureCounter]),
    ("help+staff", StaffAddLine("1099"), S.HELP, [Ignored]),
    ("help+staff", StaffAddLine("nope"), S.HELP, [Ignored]),
    ("help+staff", StaffAddLine("1008", 0), S.HELP, [Ignored]),
    ("help+staff", StaffRemoveLine("1001"), S.HELP, [Audit, CaptureCounter]),
    ("help+staff", StaffRemoveLine("1007"), S.HELP, [Ignored]),
    ("help+staff", StaffRemoveLine("1001", 5), S.HELP, [Ignored]),
    ("help+staff", StaffApprove(), S.HELP, [Audit]),
    ("help+staff", StaffVoid(), S.WELCOME, [Audit]),
    ("help+staff", HelpDone(), S.READY, []),
    ("paying", Tick(3.0), S.PAYING, [PollPayment]),
    ("paying", APPROVED, S.PAYING, [RecordSale]),
    ("paying", PaymentResult(PaymentOutcome.DECLINED, message="Declined"), S.READY, []),
    ("paying", PaymentResult(PaymentOutcome.TIMEOUT), S.READY, []),
    ("paying", PaymentResult(PaymentOutcome.CANCELLED), S.READY, []),
    ("paying", CancelPressed(), S.PAYING, [CancelPayment]),
    ("paying", PayPressed("k"), S.PAYING, [Ignored]),
    ("paying", HelpPressed(), S.PAYING, [Ignored]),
    ("paying", StaffPin("1234"), S.PAYING, [Ignored]),
    ("paying", SaleRecorded("x", 1), S.PAYING, [Ignored]),
    ("paying", FrameSeen(frame("cola-can", "crisps-salted"), 1.1), S.PAYING, []),
    ("paid", SaleRecorded("K1-1", 1), S.RECEIPT, []),
    ("paid", SaleFailed("database busy"), S.PAYING, []),
    ("paid", CancelPressed(), S.PAYING, [Ignored]),
    ("paid", APPROVED, S.PAYING, [Ignored]),
    ("paid", Tick(3.0), S.PAYING, []),
    ("receipt", Tick(2.0), S.RECEIPT, []),
    ("receipt", Tick(60.0), S.WELCOME, []),
    ("receipt", CounterCleared(), S.WELCOME, []),
    ("receipt", PayPressed("k"), S.RECEIPT, [Ignored]),
    ("receipt", HelpPressed(), S.RECEIPT, [Ignored]),
    ("receipt", FrameSeen(frame("cola-can", "crisps-salted"), 1.1), S.RECEIPT, []),
]


@pytest.mark.parametrize(("start", "event", "state", "effects"), TABLE, ids=lambda x: str(x)[:30])
def test_transition(start: str, event, state: CheckoutState, effects: list[type]) -> None:
    model, produced = transition(STARTS[start](), event)
    assert model.state is state
    assert [type(e) for e in produced] == effects


def test_every_start_is_the_state_it_claims() -> None:
    expected = {"help+staff": S.HELP, "paid": S.PAYING, "welcome (settled)": S.WELCOME}
    for name, make in STARTS.items():
        assert make().state is (expected[name] if name in expected else S(name))


def test_unknown_event_is_ignored_not_raised() -> None:
    model, effects = transition(ready(), object())  # type: ignore[arg-type]
    assert model.state is S.READY
    assert effects == (Ignored("object", "ready", "unknown event"),)


def test_pay_starts_payment_for_the_total_with_the_sale_key() -> None:
    model, effects = transition(ready(), PayPressed("key-1"))
    assert effects == (StartPayment("key-1", 328, "EUR"),)
    assert view_of(model).basket.total_cents == 328


def test_sale_key_is_reused_when_payment_is_retried() -> None:
    model = apply(paying(), PaymentResult(PaymentOutcome.DECLINED, message="Card declined."))
    assert view_of(model).message == "Card declined."
    _, effects = transition(model, PayPressed("key-2"))
    assert effects == (StartPayment("key-1", 328, "EUR"),)


def test_failed_save_is_retried_with_the_same_key_after_a_pause() -> None:
    model = apply(paid(), SaleFailed("database busy"))
    assert "payment went through" in model.message
    _, early = transition(model, Tick(model.now + 0.5))
    later, effects = transition(model, Tick(model.now + 2.5))
    assert early == ()
    (record,) = effects
    assert isinstance(record, RecordSale) and record.draft.idempotency_key == "key-1"
    assert transition(later, Tick(later.now + 0.1))[1] == ()


def test_draft_is_the_paid_basket_and_passes_the_ledger_checks() -> None:
    model = hold(fresh(), frame("cola-can", "cola-can", "cola-can", "crisps-salted"))
    model = apply(model, PayPressed("key-7"), PaymentResult(PaymentOutcome.APPROVED, "ref-1"))
    draft = sale_draft(model)
    assert draft_problems(draft) == []
    assert [(x.sku, x.kind, x.quantity, x.line_cents) for x in draft.lines] == [
        ("1008", "item", 1, 199), ("1001", "item", 3, 387), ("1001", "promotion", 1, -129),
    ]  # fmt: skip
    assert (draft.total_cents, draft.payment_ref, draft.idempotency_key) == (457, "ref-1", "key-7")


def test_receipt_then_new_customer_gets_a_new_session() -> None:
    model = receipt()
    assert view_of(model).receipt.receipt_no == "K1-000001"
    assert view_of(model).basket.total_cents == 328  # the paid basket stays on screen
    model = hold(model, frame(), seconds=1.0)
    assert model.state is S.WELCOME and model.sale_key is None and model.receipt is None
    model = hold(model, frame("crisps-salted"))
    assert model.state is S.READY and model.basket.total_cents == 199


def test_receipt_timeout_with_items_left_waits_for_a_clear_counter() -> None:
    model = apply(receipt(), Tick(100.0))
    assert (model.state, model.message, model.awaiting_clear) == (S.WELCOME, TAKE_ITEMS, True)
    model = hold(model, frame("cola-can", "crisps-salted"))
    assert model.state is S.WELCOME  # the last shopper's items never start a new sale
    model = hold(hold(model, frame()), frame("cola-can"))
    assert model.state is S.READY and model.basket.total_cents == 129


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("mystery", DoubtKind.UNKNOWN_LABEL),
        ("old-soda", DoubtKind.INACTIVE_PRODUCT),
        ("free-sample", DoubtKind.NO_PRICE),
    ],
)
def test_unsellable_items_block_payment_with_their_region(label: str, kind: DoubtKind) -> None:
    model = hold(fresh(), frame("cola-can", label))
    view = view_of(model)
    assert view.state is S.BLOCKED and not view.can_pay
    (doubt,) = view.basket.doubts
    assert (doubt.kind, doubt.label, doubt.region) == (kind, label, (60.0, 0.0, 110.0, 50.0))
    assert view.block_reasons == (doubt.message,)
    assert [x.sku for x in view.basket.lines] == ["1001"]  # never charged for a guess


def test_unsure_item_blocks_until_removed() -> None:
    model = hold(ready(), frame("cola-can", "crisps-salted", "mystery", score=0.3))
    assert model.state is S.BLOCKED
    assert "turn the marked item" in view_of(model).block_reasons[0]
    assert hold(model, frame("cola-can", "crisps-salted")).state is S.READY


def test_age_restricted_item_needs_staff_approval_recorded_on_the_sale() -> None:
    model = hold(fresh(), frame("wine-bottle", "crisps-salted"))
    view = view_of(model)
    assert view.state is S.BLOCKED and view.needs_approval
    assert view.block_reasons == (AGE_CHECK_REASON,)
    model = apply(in_help_with_staff(model), StaffApprove(), HelpDone())
    assert model.state is S.READY and model.approved_by == "Ann"
    model = apply(model, PayPressed("k"), PaymentResult(PaymentOutcome.APPROVED, "r"))
    draft = sale_draft(model)
    assert draft.approved_by == "Ann"
    assert draft.overrides == ("Ann approved the basket (age check: 1 × 1007)",)


def test_approval_does_not_cover_a_second_bottle_put_down_later() -> None:
    model = hold(fresh(), frame("wine-bottle"))
    model = apply(in_help_with_staff(model), StaffApprove(), HelpDone())
    model = hold(model, frame("wine-bottle", "wine-bottle"))
    assert model.state is S.BLOCKED and view_of(model).needs_approval


def test_an_approval_leaves_with_the_bottle_it_was_for() -> None:
    model = hold(fresh(), frame("wine-bottle", "crisps-salted"))
    model = apply(in_help_with_staff(model), StaffApprove(), HelpDone())
    assert model.state is S.READY and model.approved_items == (("1007", 1),)
    model = hold(model, frame("crisps-salted"))  # the bottle taken away: its approval too
    assert model.approved_items == ()
    model = hold(model, frame("wine-bottle", "crisps-salted"))  # another one put down
    assert model.state is S.BLOCKED and view_of(model).needs_approval


def test_staff_accepting_a_doubt_lets_the_sale_go_on_without_charging_it() -> None:
    model = hold(fresh(), frame("cola-can", "mystery"))
    model = apply(in_help_with_staff(model), StaffApprove(), HelpDone())
    assert model.state is S.READY and model.basket.total_cents == 129
    assert model.overrides == ("Ann approved the basket (accepted: 1 × unknown_label mystery)",)


def test_staff_corrections_change_lines_and_are_audited() -> None:
    model, (audit, _capture) = transition(in_help_with_staff(), StaffAddLine("1001", 2))
    assert audit.actor == "Ann" and audit.action == "basket.add_line"
    assert audit.entity == "product:1001"
    lines = {(x.sku, x.kind): x.quantity for x in model.basket.lines}
    assert lines == {("1001", "item"): 1, ("1001", "manual"): 2, ("1008", "item"): 1}
    assert [p.line_cents for p in model.basket.promotions] == [-129]  # 3 for 2 counts both
    model, _ = transition(model, StaffRemoveLine("1008"))
    model, _ = transition(model, StaffRemoveLine("1001", 1))
    lines = {(x.sku, x.kind): x.quantity for x in model.basket.lines}
    assert lines == {("1001", "item"): 1, ("1001", "manual"): 1}
    assert model.overrides == (
        "Ann added 2 × Fizz Cola (1001)", "Ann removed 1 × Crisps (1008)",
        "Ann removed 1 × Fizz Cola (1001)",
    )  # fmt: skip


def test_void_forgets_the_basket_and_waits_for_a_clear_counter() -> None:
    model, (audit,) = transition(in_help_with_staff(), StaffVoid())
    assert audit.action == "basket.void"
    assert (model.state, model.awaiting_clear, model.staff) == (S.WELCOME, True, None)
    assert "Please take your items" in model.message


def test_counter_change_while_paying_cancels_and_rescans() -> None:
    model = paying()
    changed = frame("cola-can", "crisps-salted", "crisps-salted")
    effects: list = []
    for _ in range(10):
        model, produced = transition(model, FrameSeen(changed, model.now + 0.1))
        effects += produced
    assert effects == [CancelPayment()]
    assert model.state is S.PAYING and model.message == COUNTER_CHANGED
    model = apply(model, PaymentResult(PaymentOutcome.CANCELLED, message="Payment cancelled."))
    assert model.state is S.READY and model.message == COUNTER_CHANGED
    assert model.basket.total_cents == 527


def test_approval_that_races_a_cancel_is_still_recorded() -> None:
    model = apply(paying(), CancelPressed())
    model, effects = transition(model, PaymentResult(PaymentOutcome.APPROVED, "r"))
    assert [type(e) for e in effects] == [RecordSale]


def test_shopper_taking_everything_away_returns_to_welcome() -> None:
    model = hold(ready(), frame())
    assert model.state is S.WELCOME and model.basket.empty


def test_manual_line_keeps_basket_open_on_an_empty_counter() -> None:
    empty_counter = hold(fresh(), frame())
    model = apply(in_help_with_staff(empty_counter), StaffAddLine("1008"), HelpDone())
    assert model.state is S.READY and model.basket.total_cents == 199


# Safety: no payment can start while a doubt or an unapproved age-restricted item is present.

SHELF = ["cola-can", "crisps-salted", "cola-can", "wine-bottle", "mystery", "old-soda"]
FRAMES = st.builds(
    lambda labels, low: ("frames", labels, low),
    st.lists(st.sampled_from(SHELF), max_size=4),
    st.sampled_from([False, False, False, True]),
)
PRESSES = st.sampled_from(
    [
        PayPressed("k"), PayPressed("k"), HelpPressed(), CancelPressed(), StaffSignedIn("Ann"),
        StaffApprove(), HelpDone(), HelpDone(), StaffVoid(), StaffAddLine("1007"),
        StaffRemoveLine("1007"), PaymentResult(PaymentOutcome.DECLINED), APPROVED,
        SaleRecorded("K", 1), CounterCleared(),
    ]
)  # fmt: skip
EVENTS = st.one_of(FRAMES, PRESSES, st.just(PayPressed("k")))


@settings(max_examples=300, deadline=None)
@given(st.lists(EVENTS, max_size=30))
def test_no_payment_starts_while_something_is_in_doubt(events) -> None:
    model = fresh()
    for event in events:
        if isinstance(event, tuple):
            _, labels, low = event
            dets = frame(*labels, score=0.3 if low else 0.9)
            steps = [FrameSeen(dets, model.now + 0.1 * (i + 1)) for i in range(8)]
        else:
            steps = [event]
        for step in steps:
            before = model
            model, effects = transition(model, step)
            if any(isinstance(e, StartPayment) for e in effects):
                assert before.state is S.READY and before.basket.settled
                assert block_reasons(before) == ()
                approved = dict(before.approved_items)
                for line in before.basket.age_restricted:
                    assert before.approved_by and line.quantity <= approved[line.sku]
                assert open_doubts(before) == ()
                if before.basket.doubts:  # only a staff approval can let a doubt through
                    assert before.approved_by and before.accepted_doubts
                hypothesis.event("payment started")
            view = view_of(model)
            assert not view.can_pay or (not view.block_reasons and not view.needs_approval)
