"""Refunds against recorded sales: amounts from what was charged, never more, once per key.

Real SQLite ledger, sales priced by the kiosk's own pricing engine (offers included), the real
``kiosk refund`` command with a staff PIN.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog import sales
from catalog.db import connect
from catalog.errors import InvalidRefund
from catalog.ledger_csv import write_sale_lines_csv, write_sale_taxes_csv
from catalog.models import Product, Promotion
from catalog.refunds import list_refunds, plan_refund, record_refund, refunds_of, shares_of
from catalog.reports import sales_summary
from catalog.tax import refund_tax_bands, tax_bands_of
from kiosk.checkout_machine import sale_lines
from kiosk.cli import main
from kiosk.pricing import PricingRules, make_line, price
from kiosk.receipt import refund_text
from tests.catalog_fixtures import db_path, draft, fresh_db  # noqa: F401 - fixtures

COLA = Product("1001", "Fizz Cola can 330 ml", 129, 1900)
CRISPS = Product("1008", "Crunch Crisps Salted 150 g", 199, 700)
THREE_FOR_TWO = Promotion("1001", "3 for 2", 3, pay_qty=2, id=1)
ITEMS = st.lists(
    st.tuples(st.integers(1, 5000), st.sampled_from([0, 700, 1900]), st.integers(1, 6)),
    min_size=1,
    max_size=5,
)


def sell(db, items, key="sale-1", rules=None, offers=None):
    """Record a sale of ``items`` [(product, quantity)] priced as the kiosk prices it."""
    rules = rules or PricingRules()
    priced = price([make_line(p, q) for p, q in items], offers or {}, rules)
    lines = sale_lines(priced)
    return sales.record_sale(
        db, draft(key, *lines, tax_inclusive=rules.tax_inclusive, tax=priced.tax_cents)
    )


def refund(db, sale, quantities=None, key="r-1", **kw):
    values = {"staff": "Ann", "reason": "charged wrongly", "method": "card", **kw}
    return record_refund(db, sale, quantities, key=key, **values)


def test_an_offer_is_refunded_at_what_it_cost_and_the_last_item_takes_the_rest(
    fresh_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    sale = sell(fresh_db, [(COLA, 3), (CRISPS, 1)], offers={"1001": (THREE_FOR_TWO,)})
    assert sale.draft.total_cents == 2 * 129 + 199
    first = refund(fresh_db, sale, {"1001": 1})
    assert first.refund_no == f"{sale.receipt_no}-R1" and first.amount_cents == 86  # 2.58 / 3
    second = refund(fresh_db, sale, {"1001": 1}, key="r-2")
    assert second.amount_cents == 86 and second.refund_no.endswith("-R2")
    last = refund(fresh_db, sale, None, key="r-3")  # everything left: 1 cola, the crisps
    assert [(x.sku, x.quantity, x.amount_cents) for x in last.lines] == [
        ("1001", 1, 86),
        ("1008", 1, 199),
    ]
    given_back = sum(r.amount_cents for r in refunds_of(fresh_db, sale.id))
    taxes_back = sum(r.tax_cents for r in refunds_of(fresh_db, sale.id))
    assert (given_back, taxes_back) == (sale.draft.total_cents, sale.draft.tax_cents)
    with pytest.raises(InvalidRefund, match="refunded already"):
        refund(fresh_db, sale, None, key="r-4")


def test_more_than_was_sold_or_an_item_not_on_the_receipt_is_refused(
    fresh_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    sale = sell(fresh_db, [(COLA, 2)])
    with pytest.raises(InvalidRefund, match=r"1001: 3 asked, 2 of 2 left"):
        refund(fresh_db, sale, {"1001": 3})
    with pytest.raises(InvalidRefund, match="9999 is not on receipt"):
        refund(fresh_db, sale, {"9999": 1})
    with pytest.raises(InvalidRefund, match="a refund needs a reason"):
        refund(fresh_db, sale, None, reason="  ")
    assert refunds_of(fresh_db, sale.id) == []  # nothing was written


def test_the_same_key_records_once(fresh_db: sqlite_utils.Database) -> None:  # noqa: F811
    sale = sell(fresh_db, [(COLA, 2)])
    once = refund(fresh_db, sale, {"1001": 1})
    assert refund(fresh_db, sale, {"1001": 1}) == once
    assert len(refunds_of(fresh_db, sale.id)) == 1
    other = sell(fresh_db, [(COLA, 1)], key="sale-2")  # the same refund key: never a no-op
    with pytest.raises(InvalidRefund, match="was used for K1-000001-R1 already"):
        refund(fresh_db, other, None)
    assert refunds_of(fresh_db, other.id) == []


def test_a_whole_refund_gives_back_each_rates_tax_to_the_cent(
    fresh_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    once = PricingRules(rounding="per_sale")  # 19 %: 0.99 + 0.99, 7 %: 1.49; 41 cents of tax
    cheap = [replace(COLA, price_cents=99), replace(COLA, sku="1004", price_cents=99)]
    sale = sell(fresh_db, [(cheap[0], 1), (cheap[1], 1), (replace(CRISPS, price_cents=149), 1)],
                rules=once)  # fmt: skip
    back = refund(fresh_db, sale, None)
    sold = {b.rate_bp: b.tax_cents for b in tax_bands_of(sale)}
    returned = {b.rate_bp: -b.tax_cents for b in refund_tax_bands(back.lines)}
    assert sold == returned == {1900: 31, 700: 10}


def test_refunds_are_append_only(fresh_db: sqlite_utils.Database) -> None:  # noqa: F811
    sale = sell(fresh_db, [(COLA, 1)])
    refund(fresh_db, sale)
    for statement in ("UPDATE refunds SET amount_cents = 1", "DELETE FROM refund_lines"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            fresh_db.conn.execute(statement)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 5000), st.sampled_from([0, 700, 1900]), st.integers(1, 6)),
        min_size=1,
        max_size=5,
    ),
    st.booleans(),
    st.sampled_from(["per_line", "per_sale"]),
    st.data(),
)
def test_refunding_in_any_steps_gives_back_exactly_the_sale(items, inclusive, rounding, data):
    products = [(Product(f"{i:04d}", f"P{i}", cents, rate), q) for i, (cents, rate, q) in
                enumerate(items)]  # fmt: skip
    priced = price([make_line(p, q) for p, q in products], {},
                   PricingRules(tax_inclusive=inclusive, rounding=rounding))  # fmt: skip
    lines = sale_lines(priced)
    recorded = draft("k", *lines, tax_inclusive=inclusive, tax=priced.tax_cents)
    the_sale = sales.Sale(1, "K1-000001", "2026-01-01T00:00:00Z", recorded, lines)
    shares = shares_of(the_sale)
    assert sum(s.amount_cents for s in shares.values()) == the_sale.draft.total_cents
    assert sum(s.tax_cents for s in shares.values()) == the_sale.draft.tax_cents
    done: list = []
    while True:
        left = {sku: s.quantity - sum(x.quantity for r in done for x in r.lines if x.sku == sku)
                for sku, s in shares.items()}  # fmt: skip
        left = {sku: q for sku, q in left.items() if q}
        if not left:
            break
        sku = data.draw(st.sampled_from(sorted(left)))
        qty = data.draw(st.integers(1, left[sku]))
        back = plan_refund(the_sale, done, {sku: qty})
        assert all(x.amount_cents >= 0 and 0 <= x.tax_cents <= x.amount_cents for x in back)
        done.append(replace(refund_stub(), lines=back))
    total = sum(x.amount_cents for r in done for x in r.lines)
    tax = sum(x.tax_cents for r in done for x in r.lines)
    assert (total, tax) == (the_sale.draft.total_cents, the_sale.draft.tax_cents)


def refund_stub():
    from catalog.models import Refund

    return Refund(0, "", 1, "", "", "", "", "", "", "", "EUR", 0, 0)


def test_the_day_report_and_the_csv_net_out_refunds(fresh_db: sqlite_utils.Database) -> None:  # noqa: F811
    sale = sell(fresh_db, [(COLA, 2), (CRISPS, 1)])
    back = refund(fresh_db, sale, {"1001": 1})
    day = sale.created_at[:10]
    summary = sales_summary(fresh_db, day)
    assert (summary.refund_count, summary.refunded_cents) == (1, 129)
    assert summary.net_cents == sale.draft.total_cents - 129
    bands = {b.rate_bp: b for b in summary.tax_bands}
    assert bands[1900].gross_cents == 129 and bands[700].gross_cents == 199
    assert sum(b.tax_cents for b in summary.tax_bands) == sale.draft.tax_cents - back.tax_cents
    out = io.StringIO()
    write_sale_lines_csv([sale], out, refunds=list_refunds(fresh_db))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[-1]["receipt_no"] == back.refund_no and rows[-1]["kind"] == "refund"
    assert rows[-1]["quantity"] == "-1" and rows[-1]["line_total"] == "-1.29"
    out = io.StringIO()
    write_sale_taxes_csv([sale], out, refunds=list_refunds(fresh_db))
    gross = sum(round(float(r["gross"]) * 100) for r in csv.DictReader(io.StringIO(out.getvalue())))
    assert gross == summary.net_cents
    slip = refund_text(back).splitlines()
    assert f"REFUND {back.refund_no}" in slip[1] and any(x.startswith("REFUNDED") for x in slip)
    assert "Staff: Ann" in slip and "Reason: charged wrongly" in slip

    # Tax added on top: the lines' column is before tax for the refund as for the sale.
    added = sell(fresh_db, [(COLA, 3), (CRISPS, 1)], key="sale-2", rules=PricingRules(
        tax_inclusive=False), offers={"1001": (THREE_FOR_TWO,)})  # fmt: skip
    assert added.draft.total_cents == added.draft.subtotal_cents + added.draft.tax_cents
    refund(fresh_db, added, None, key="r-2")
    out = io.StringIO()
    refunds = [r for r in list_refunds(fresh_db) if r.sale_id == added.id]
    write_sale_lines_csv([added], out, refunds=refunds)
    cents = [
        round(float(r["line_total"]) * 100) for r in csv.DictReader(io.StringIO(out.getvalue()))
    ]
    assert sum(cents) == 0 and min(cents) < 0


def test_kiosk_refund_needs_a_supervisor_pin_and_writes_a_slip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "kiosk"))
    assert main(["catalog", "init", "--demo"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n"))
    assert main(["catalog", "staff", "add", "Bo", "--role", "cashier"]) == 0
    db = connect(tmp_path / "kiosk" / "data" / "catalog.sqlite")
    sale = sell(db, [(COLA, 3)], offers={"1001": (THREE_FOR_TWO,)})
    capsys.readouterr()
    argv = ["refund", sale.receipt_no, "1001:1", "--reason", "one can was dented"]
    assert main([*argv, "--dry-run"]) == 0
    assert "refund of receipt K1-000001: €0.86" in capsys.readouterr().out
    assert refunds_of(db, sale.id) == []
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n"))
    assert main(argv) == 1  # a cashier does not refund
    assert "a supervisor or manager refunds" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    assert main(argv) == 1
    assert "Wrong PIN" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main([*argv, "--key", "desk-7"]) == 0
    out = capsys.readouterr().out
    assert "recorded K1-000001-R1: €0.86 back by card" in out
    slip = tmp_path / "kiosk" / "data" / "receipts" / "refund-K1-000001-R1.txt"
    assert slip.is_file() and "one can was dented" in slip.read_text()
    assert main([*argv, "--key", "desk-7"]) == 0  # run again: the refund it recorded
    assert "recorded K1-000001-R1 already with key desk-7: €0.86 back by card" in (
        capsys.readouterr().out
    )
    assert len(refunds_of(db, sale.id)) == 1
    actions = [r[0] for r in db.conn.execute("SELECT action FROM audit_log")]
    assert actions.count("sale.refund") == 1
    other = sell(db, [(COLA, 1)], key="sale-2")  # another receipt's refund key: refused
    assert main(["refund", other.receipt_no, "--reason", "x", "--key", "desk-7"]) == 1
    assert "desk-7 belongs to K1-000001-R1 (another receipt)" in capsys.readouterr().err
    assert refunds_of(db, other.id) == []
    assert main(["refund", "K9-000001", "--reason", "x"]) == 1
    assert "no sale has receipt number" in capsys.readouterr().err
    assert main(["refund", sale.receipt_no, "1001:x", "--reason", "x"]) == 1
    assert "SKU:QUANTITY" in capsys.readouterr().err
    db.conn.close()


def test_the_day_report_counts_refunds_and_tax_net_of_them(
    fresh_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    from kiosk.receipt import StoreInfo
    from kiosk.reprint import day_report_text

    sale = sell(fresh_db, [(COLA, 2), (CRISPS, 1)])
    refund(fresh_db, sale, {"1001": 1})
    summary = sales_summary(fresh_db, sale.created_at[:10])
    lines = day_report_text(summary, StoreInfo("Corner Shop"), "EUR").splitlines()
    assert lines[0].strip() == "Corner Shop" and lines[1].strip() == "DAY REPORT"
    assert lines[4].split() == ["Sales:", "1", "€4.57"]
    assert lines[5].split() == ["Refunds:", "1", "-€1.29"]
    assert lines[6].split() == ["NET", "TAKINGS", "€3.28"]
    # the refund took half the can's 0.41 tax, rounded up (0.21): 0.20 stays
    assert ["19", "%", "€1.09", "€0.20", "€1.29"] in [line.split() for line in lines]
    assert all(len(line) <= 40 for line in lines)


def test_kiosk_catalog_sales_prints_the_days_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "kiosk"))
    assert main(["catalog", "init", "--demo"]) == 0
    db = connect(tmp_path / "kiosk" / "data" / "catalog.sqlite")
    sale = sell(db, [(COLA, 1)])
    db.conn.close()
    day = ["--utc", "--day", sale.created_at[:10]]
    assert main(["catalog", "sales", *day, "--print"]) == 1
    assert "no receipt printer is set up" in capsys.readouterr().err
    device = tmp_path / "lp0"
    device.touch()
    monkeypatch.setenv("KIOSK_PRINTER_DEVICE", str(device))
    assert main(["catalog", "sales", *day, "--print"]) == 0
    assert "DAY REPORT" in device.read_bytes().decode("cp858")
