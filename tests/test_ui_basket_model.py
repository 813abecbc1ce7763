"""The basket table model: a stateless Qt adapter over the engine's snapshot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.checkout_values import BasketLine, BasketSnapshot, DepositLine, PromotionLine
from tests.ui_support import demo_settings_in, detections, open_checkout, settle
from ui.basket_model import NAME, QTY, TOTAL, UNIT, BasketModel

COLA = BasketLine("1001", "cola-can", "Fizz Cola can 330 ml", 3, 129, 387, 1900)
CRISPS = BasketLine("1008", "crisps-salted", "Crunch Crisps Salted 150 g", 1, 199, 199, 700)
BEER = BasketLine("1006", "beer-bottle", "Hopfen Lager", 1, 149, 149, 1900, age_restricted=True)
THREE_FOR_TWO = PromotionLine("1001", "3 for 2", 1, -129, 1900)


def snapshot(*lines: BasketLine, promos: tuple[PromotionLine, ...] = ()) -> BasketSnapshot:
    subtotal = sum(x.line_cents for x in lines) + sum(p.line_cents for p in promos)
    return BasketSnapshot(
        lines=lines, promotions=promos, subtotal_cents=subtotal, total_cents=subtotal,
        empty=not lines,
    )  # fmt: skip


def texts(model: BasketModel) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.mark.parametrize(
    "snapshots",
    [
        [snapshot()],
        [snapshot(COLA), snapshot(COLA, CRISPS), snapshot(CRISPS), snapshot()],
        [snapshot(COLA, promos=(THREE_FOR_TWO,)), snapshot(COLA, BEER, promos=(THREE_FOR_TWO,))],
        [
            snapshot(COLA),
            replace(snapshot(COLA, CRISPS), deposits=(DepositLine("1001", "", 3, 25, 75, 1900),)),
            replace(snapshot(COLA), deposits=(DepositLine("1001", "", 3, 25, 75, 1900),)),
            snapshot(CRISPS),
        ],
    ],
)
def test_model_passes_qtmodeltester_through_basket_changes(qtmodeltester, snapshots) -> None:
    model = BasketModel()
    qtmodeltester.check(model, force_py=True)  # re-checks the model on every signal
    for snap in snapshots:
        model.set_snapshot(snap)
    assert model.rowCount() == len(snapshots[-1].rows)


def test_rows_show_items_then_promotions_with_money_formatted() -> None:
    model = BasketModel()
    model.set_snapshot(snapshot(COLA, BEER, promos=(THREE_FOR_TWO,)))
    assert texts(model) == [
        ["Fizz Cola can 330 ml", "3", "€1.29", "€3.87"],
        ["Hopfen Lager  (18+)", "1", "€1.49", "€1.49"],
        ["3 for 2", "", "", "-€1.29"],
    ]
    assert model.data(model.index(0, QTY), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.headerData(UNIT, Qt.Orientation.Horizontal) == "Price"


def test_model_keeps_no_state_of_its_own() -> None:
    model = BasketModel()
    snap = snapshot(COLA, CRISPS)
    model.set_snapshot(snap)
    assert model.snapshot is snap
    own = {name for name in vars(model) if name.startswith("_") and not name.startswith("__")}
    assert own == {"_snapshot"}


def test_a_quantity_change_updates_cells_without_a_reset(qtbot) -> None:
    model = BasketModel()
    model.set_snapshot(snapshot(COLA, CRISPS))
    more = BasketLine("1008", "crisps-salted", CRISPS.name, 2, 199, 398, 700)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        model.set_snapshot(snapshot(COLA, more))
    assert changed.args[0].row() == 1
    assert model.data(model.index(1, TOTAL)) == "€3.98"


def test_a_new_line_resets_the_rows(qtbot) -> None:
    model = BasketModel()
    model.set_snapshot(snapshot(COLA))
    with qtbot.waitSignal(model.modelReset):
        model.set_snapshot(snapshot(COLA, CRISPS))
    assert model.rowCount() == 2


def test_model_shows_the_real_engines_basket(tmp_path: Path) -> None:
    settings = demo_settings_in(tmp_path)
    checkout, db = open_checkout(settings)
    view = settle(checkout, detections("cola-can", "cola-can", "cola-can", "apple"), t=100.0)
    db.conn.close()
    model = BasketModel()
    model.set_snapshot(view.basket)
    rows = texts(model)
    assert ["Fizz Cola can 330 ml", "3", "€1.29", "€3.87"] in rows
    assert ["Apple (each)", "1", "€0.45", "€0.45"] in rows
    assert rows[-1][NAME].startswith("3 for 2") and rows[-1][TOTAL] == "-€1.29"
    assert view.basket.total_cents == 387 + 45 - 129


def test_every_row_is_as_tall_as_the_most_wrapped_name_and_grows_when_the_panel_narrows(
    qtbot,
) -> None:
    """One height for all rows (measured, not sized per cell): tall enough for the longest
    name's wrapped lines, taller again when a narrower panel wraps it onto more lines."""
    from ui.basket_panel import BasketPanel

    long_name = BasketLine(
        "1099", "tea-box", "Earl Grey Tea, organic, fair trade, twenty bags in a tin", 1, 229,
        229, 700,
    )  # fmt: skip
    model = BasketModel()
    panel = BasketPanel(model)
    qtbot.addWidget(panel)
    panel.resize(260, 600)  # unstyled: a name column of about 145 px
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    model.set_snapshot(snapshot(COLA))
    qtbot.wait(20)
    one_line = table.rowHeight(0)
    model.set_snapshot(snapshot(COLA, long_name, CRISPS))
    qtbot.wait(20)
    heights = [table.rowHeight(row) for row in range(3)]
    assert len(set(heights)) == 1
    assert heights[0] >= table.sizeHintForRow(1) > one_line  # the long name fits, wrapped
    panel.resize(200, 600)
    qtbot.waitUntil(lambda: table.rowHeight(0) > heights[0])
    assert table.rowHeight(2) == table.rowHeight(0) >= table.sizeHintForRow(1)


def test_the_numbers_columns_fit_their_widest_texts_and_follow_the_amounts(qtbot) -> None:
    """Measured on the longest texts only, as wide as asking every cell would make them."""
    from ui.basket_panel import BasketPanel

    model = BasketModel()
    panel = BasketPanel(model)
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    qtbot.waitExposed(panel)
    table, header = panel.table, panel.table.horizontalHeader()
    lines = [replace(CRISPS, sku=f"2{i:03d}", name=f"Item {i}") for i in range(8)]

    def fitted() -> bool:
        return all(
            table.columnWidth(column) >= max(table.sizeHintForColumn(column),
                                             header.sectionSizeHint(column))
            for column in (QTY, UNIT, TOTAL)
        )  # fmt: skip

    model.set_snapshot(snapshot(COLA, *lines))
    qtbot.waitUntil(fitted)
    before = table.columnWidth(TOTAL)
    many = replace(COLA, quantity=1200, line_cents=1200 * 129)  # the same lines: no reset
    model.set_snapshot(snapshot(many, *lines))
    qtbot.waitUntil(lambda: table.columnWidth(TOTAL) > before)
    assert fitted()


def test_a_deposit_row_follows_its_product_in_the_muted_colour() -> None:
    cola = replace(COLA, deposit_cents=25)
    deposit = DepositLine("1001", COLA.name, 3, 25, 75, 1900)
    model = BasketModel()
    model.set_snapshot(
        BasketSnapshot(
            lines=(cola, CRISPS), deposits=(deposit,), promotions=(THREE_FOR_TWO,),
            subtotal_cents=387 + 75 + 199 - 129, empty=False,
        )
    )  # fmt: skip
    assert texts(model) == [
        ["Fizz Cola can 330 ml", "3", "€1.29", "€3.87"],
        ["    Deposit", "3", "€0.25", "€0.75"],
        ["Crunch Crisps Salted 150 g", "1", "€1.99", "€1.99"],
        ["3 for 2", "", "", "-€1.29"],
    ]
    muted = model.data(model.index(1, NAME), Qt.ItemDataRole.ForegroundRole)
    assert muted is not None and muted != model.data(
        model.index(3, NAME), Qt.ItemDataRole.ForegroundRole
    )
    assert model.data(model.index(1, NAME), Qt.ItemDataRole.DecorationRole) is None
