"""Pricing: money text, half-up rounding, tax inclusive/exclusive, per line/per sale, offers."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.models import Product, Promotion
from kiosk.config import ConfigError, load_settings
from kiosk.pricing import (
    BadMoneyFormat,
    MoneyStyle,
    PriceBook,
    PricingRules,
    UnknownCurrency,
    best_promotion,
    format_amount,
    format_money,
    make_line,
    price,
    round_half_up,
    use_money_style,
)

COLA = Product("1001", "Fizz Cola can 330 ml", 129, 1900, labels=("cola-can",))
CRISPS = Product("1008", "Crunch Crisps Salted 150 g", 199, 700, labels=("crisps-salted",))
THREE_FOR_TWO = Promotion("1001", "3 for 2", buy_qty=3, pay_qty=2, id=1)


@pytest.mark.parametrize(
    ("cents", "currency", "text"),
    [
        (521, "EUR", "€5.21"),
        (-199, "EUR", "-€1.99"),
        (5, "EUR", "€0.05"),
        (0, "USD", "$0.00"),
        (123456, "GBP", "£1,234.56"),
        (100, "CHF", "CHF 1.00"),
        (521, "JPY", "¥521"),
        (521, "eur", "€5.21"),
    ],
)
def test_format_money(cents: int, currency: str, text: str) -> None:
    assert format_money(cents, currency) == text


def test_unknown_currency_says_which_setting_to_change() -> None:
    with pytest.raises(UnknownCurrency, match=r"'XYZ' is not supported; set checkout.currency"):
        PricingRules(currency="XYZ")


@pytest.mark.parametrize(
    ("value", "rounded"),
    [("0.5", 1), ("1.5", 2), ("2.5", 3), ("2.4999", 2), ("-0.5", -1), ("-2.5", -3), ("-2.4", -2)],
)
def test_round_half_up_goes_away_from_zero_on_ties(value: str, rounded: int) -> None:
    assert round_half_up(Fraction(value)) == rounded


def _lines() -> list:
    return [make_line(COLA, 3, "cola-can"), make_line(CRISPS, 1, "crisps-salted")]


@pytest.mark.parametrize(
    ("inclusive", "rounding", "line_taxes", "promo_tax", "tax", "total"),
    [
        # 387 * 19/119 = 61.79 -> 62; -129 * 19/119 = -20.60 -> -21; 199 * 7/107 = 13.02 -> 13
        (True, "per_line", [62, 13], -21, 54, 457),
        (True, "per_sale", [0, 0], 0, 54, 457),  # 61.79 - 20.60 + 13.02 = 54.21
        # 387 * 0.19 = 73.53 -> 74; -24.51 -> -25; 199 * 0.07 = 13.93 -> 14
        (False, "per_line", [74, 14], -25, 63, 520),
        (False, "per_sale", [0, 0], 0, 63, 520),  # 62.95 -> 63
    ],
)
def test_design_basket_prices_like_the_worked_example(
    inclusive: bool, rounding: str, line_taxes: list, promo_tax: int, tax: int, total: int
) -> None:
    rules = PricingRules("EUR", inclusive, rounding)  # type: ignore[arg-type]
    priced = price(_lines(), {"1001": (THREE_FOR_TWO,)}, rules)
    assert [x.tax_cents for x in priced.lines] == line_taxes
    (promo,) = priced.promotions
    assert (promo.name, promo.times, promo.line_cents, promo.tax_cents) == (
        "3 for 2 (Fizz Cola can 330 ml)", 1, -129, promo_tax,
    )  # fmt: skip
    assert (priced.subtotal_cents, priced.tax_cents, priced.total_cents) == (457, tax, total)


def test_rounding_per_line_and_per_sale_differ_on_halves() -> None:
    a = Product("1", "A", 5, 1000)
    b = Product("2", "B", 5, 1000)  # 5 cents at 10 % is 0.5 cent of tax each
    lines = [make_line(a, 1), make_line(b, 1)]
    assert price(lines, {}, PricingRules("EUR", False, "per_line")).tax_cents == 2
    assert price(lines, {}, PricingRules("EUR", False, "per_sale")).tax_cents == 1


@pytest.mark.parametrize(
    ("offers", "quantity", "unit", "expected"),
    [
        ([THREE_FOR_TWO], 7, 129, ("3 for 2", 2, 258)),
        ([THREE_FOR_TWO], 2, 129, None),
        ([Promotion("x", "2 for 5.00", 2, bundle_cents=500, id=3)], 5, 299, ("2 for 5.00", 2, 196)),
        ([Promotion("x", "2 for 5.00", 2, bundle_cents=500, id=3)], 4, 200, None),  # no saving
        (
            [Promotion("x", "2 for 2.00", 2, bundle_cents=200, id=1), THREE_FOR_TWO],
            6, 129, ("3 for 2", 2, 258),
        ),
        (
            [Promotion("x", "B", 2, pay_qty=1, id=2), Promotion("x", "A", 2, pay_qty=1, id=1)],
            2, 100, ("A", 1, 100),
        ),
    ],
)  # fmt: skip
def test_best_promotion_is_deterministic(
    offers: list, quantity: int, unit: int, expected: tuple | None
) -> None:
    found = best_promotion(offers, quantity, unit)
    got = None if found is None else (found[0].name, found[1], found[2])
    assert got == expected


def test_offer_counts_items_seen_and_added_by_staff_together() -> None:
    lines = [make_line(COLA, 2, "cola-can"), make_line(COLA, 1, "", "manual")]
    priced = price(lines, {"1001": (THREE_FOR_TWO,)}, PricingRules())
    assert [p.line_cents for p in priced.promotions] == [-129]


def test_price_book_maps_labels_and_drops_inactive_offers() -> None:
    off = Promotion("1008", "old", 2, pay_qty=1, active=False)
    book = PriceBook.from_products([COLA, CRISPS], [THREE_FOR_TWO, off])
    assert book.by_label("crisps-salted") == CRISPS
    assert book.by_label("nothing") is None
    assert book.promotions == {"1001": (THREE_FOR_TWO,)}


RATES = st.sampled_from([0, 700, 1000, 1900, 2000, 2500])
PRODUCTS = st.builds(
    lambda sku, cents, rate: Product(str(sku), f"P{sku}", cents, rate),
    st.integers(1, 6),
    st.integers(1, 20_000),
    RATES,
)
OFFERS = st.one_of(
    st.builds(lambda b, p: (b, p, None), st.integers(2, 5), st.integers(1, 4)),
    st.builds(lambda b, c: (b, None, c), st.integers(2, 5), st.integers(0, 40_000)),
)


@given(
    items=st.lists(st.tuples(PRODUCTS, st.integers(1, 12)), min_size=0, max_size=8),
    offers=st.lists(st.tuples(st.integers(1, 6), OFFERS), max_size=4),
    inclusive=st.booleans(),
    rounding=st.sampled_from(["per_line", "per_sale"]),
)
def test_total_is_sum_of_lines_plus_tax(items, offers, inclusive, rounding) -> None:
    products = {p.sku: p for p, _ in items}
    lines = [make_line(products[p.sku], q) for p, q in items]
    promos: dict[str, tuple[Promotion, ...]] = {}
    for n, (sku, (buy, pay, bundle)) in enumerate(offers):
        if pay is not None and pay >= buy:
            continue
        promo = Promotion(str(sku), f"offer{n}", buy, pay_qty=pay, bundle_cents=bundle, id=n)
        promos[str(sku)] = (*promos.get(str(sku), ()), promo)
    rules = PricingRules("EUR", inclusive, rounding)
    priced = price(lines, promos, rules)

    all_lines = [*priced.lines, *priced.promotions]
    assert priced.subtotal_cents == sum(x.line_cents for x in all_lines)
    expected_total = priced.subtotal_cents + (0 if inclusive else priced.tax_cents)
    assert priced.total_cents == expected_total
    assert 0 <= priced.subtotal_cents <= sum(x.line_cents for x in priced.lines)
    exact = sum((rules.exact_tax(x.line_cents, x.tax_rate_bp) for x in all_lines), Fraction(0))
    if rounding == "per_line":
        assert priced.tax_cents == sum(x.tax_cents for x in all_lines)
        assert abs(priced.tax_cents - exact) <= Fraction(len(all_lines), 2)
    else:
        assert abs(priced.tax_cents - exact) <= Fraction(1, 2)
    if inclusive:
        assert 0 <= priced.tax_cents <= priced.total_cents


# -- how the store writes money (checkout.money_format) -----------------------------------


@pytest.mark.parametrize(
    ("example", "amounts"),
    [
        ("€1,234.56", ["€1,234.56", "-€1.99", "¥521", "CHF 5,000.00"]),
        ("1.234,56 €", ["1.234,56 €", "-1,99 €", "521 ¥", "5.000,00 CHF"]),
        ("1 234,56 €", ["1 234,56 €", "-1,99 €", "521 ¥", "5 000,00 CHF"]),
        ("€ 1.234,56", ["€ 1.234,56", "-€ 1,99", "¥ 521", "CHF 5.000,00"]),
        ("CHF 1'234.56", ["€ 1'234.56", "-€ 1.99", "¥ 521", "CHF 5'000.00"]),
        ("1234.56 $", ["1234.56 €", "-1.99 €", "521 ¥", "5000.00 CHF"]),
    ],
)
def test_money_is_written_the_way_the_store_writes_1234_56(
    example: str, amounts: list[str]
) -> None:
    style = MoneyStyle.parse(example)
    cases = ((123456, "EUR"), (-199, "EUR"), (521, "JPY"), (500000, "CHF"))
    assert [format_money(cents, currency, style) for cents, currency in cases] == amounts


@pytest.mark.parametrize(
    ("example", "why"),
    [
        ("1234", "is not 1234.56 written with a currency symbol"),
        ("€1.234.56", "is not 1234.56 written with a currency symbol"),
        ("€12,34.56", "is not 1234.56 written with a currency symbol"),
        ("1,234.56", "needs the currency symbol on one side"),
        ("€1,234.56 €", "needs the currency symbol on one side"),
    ],
)
def test_a_money_format_the_kiosk_cannot_follow_says_how_to_write_it(
    example: str, why: str
) -> None:
    with pytest.raises(BadMoneyFormat, match=why):
        MoneyStyle.parse(example)


def test_the_settings_make_their_money_format_the_whole_process(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[checkout]\nmoney_format = "1.234,56 €"\n', encoding="utf-8")
    load_settings(config, environ={})
    assert format_money(123456, "EUR") == "1.234,56 €"
    config.write_text('[checkout]\nmoney_format = "1.234.56"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"checkout\.money_format"):
        load_settings(config, environ={})
    assert format_money(123456, "EUR") == "1.234,56 €"  # a refused file changes nothing


def test_an_offers_name_writes_its_price_the_stores_way(tmp_path: Path, capsys) -> None:
    """`kiosk catalog promo add --price 3` names the offer "2 for 3,00" in a store that
    writes 1.234,56 €, and "2 for 3.00" in the default style."""
    from catalog.db import connect
    from catalog.promotions import list_promotions
    from kiosk.cli import main

    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[checkout]\nmoney_format = "1.234,56 €"\n',
        encoding="utf-8",
    )
    cli = ["--config", str(config), "catalog"]
    assert main([*cli, "init", "--demo"]) == 0
    assert main([*cli, "promo", "add", "1011", "--buy", "2", "--price", "3"]) == 0
    assert main([*cli, "promo", "add", "1001", "--buy", "3", "--pay", "2"]) == 0
    settings = load_settings(config, environ={})
    names = [p.name for p in list_promotions(connect(settings.paths.database))]
    assert names[-2:] == ["2 for 3,00", "3 for 2"]
    use_money_style(MoneyStyle())
    assert format_amount(300, "EUR") == "3.00" and format_amount(123456, "JPY") == "123,456"
