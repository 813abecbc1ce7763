"""``kiosk catalog ...`` as a shop owner uses it: real command, real files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from catalog import products, sales, staff
from catalog.db import connect
from catalog.errors import WrongPin
from catalog.migrations import LATEST_VERSION
from catalog.models import SaleLine
from catalog.products import get_product
from catalog.promotions import list_promotions
from kiosk.cli import main
from tests.catalog_fixtures import DEMO_CSV, draft, item_line, run_kiosk, write_csv


def kiosk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite"
    code, out, _ = kiosk(capsys, "catalog", "init", "--demo", "--db", str(path))
    assert code == 0 and f"(schema {LATEST_VERSION}, 19 products)" in out
    return path


def test_init_demo_then_list_shows_the_demo_store(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = kiosk(capsys, "catalog", "list", "--db", str(demo))
    assert code == 0
    assert "1001     Fizz Cola can 330 ml" in out and "19 products" in out
    assert "2001     Carrier bag" in out and " screen " in out
    assert "loose" in out and "18+" in out


def test_database_path_comes_from_the_settings_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "from-config" / "shop.sqlite"
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[paths]\ndatabase = "{database.as_posix()}"\n', encoding="utf-8")
    code, out, _ = kiosk(capsys, "--config", str(config), "catalog", "init")
    assert code == 0 and str(database) in out
    assert database.exists()


def test_export_then_import_round_trips_through_the_cli(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "out.csv"
    assert kiosk(capsys, "catalog", "export", str(exported), "--db", str(demo))[0] == 0
    empty = tmp_path / "empty.sqlite"
    code, out, _ = kiosk(capsys, "catalog", "import", str(exported), "--db", str(empty))
    assert code == 0 and "19 new, 0 updated" in out
    assert products.list_products(connect(empty)) == products.list_products(connect(demo))


def test_bad_import_exits_non_zero_listing_every_row(demo: Path, tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", "2001,Tea,-2.00,7,no,tea", "2002,Jam,1.999,7,no,jam")
    result = run_kiosk("catalog", "import", str(bad), "--db", str(demo))
    assert result.returncode == 1
    assert "line 2: price '-2.00' is negative" in result.stderr
    assert "line 3: price '1.999' has 3 decimals" in result.stderr
    assert len(products.list_products(connect(demo))) == 19


def test_staff_add_reads_the_pin_from_stdin_not_argv(demo: Path) -> None:
    result = run_kiosk(
        "catalog", "staff", "add", "Ann", "--role", "cashier", "--db", str(demo), stdin="4711\n"
    )
    assert result.returncode == 0, result.stderr
    assert staff.verify_pin(connect(demo), "4711").name == "Ann"


def test_offers_with_first_and_last_days(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo)
    add = ("catalog", "promo", "add", "--db", db)
    code, out, _ = kiosk(
        capsys, *add, "1011", "--buy", "2", "--price", "4.00", "--from", "2099-01-05"
    )
    assert code == 0 and "2 for 4.00 on 1011, from 2099-01-05" in out
    assert kiosk(capsys, *add, "1012", "--buy", "3", "--pay", "2", "--until", "2001-01-07")[0] == 0
    running = ("1005", "--buy", "2", "--pay", "1", "--from", "2001-01-01", "--until", "2099-12-31")
    assert kiosk(capsys, *add, *running)[0] == 0
    code, out, _ = kiosk(capsys, "catalog", "promo", "list", "--db", db)
    assert "(not yet, from 2099-01-05)" in out and "(over, until 2001-01-07)" in out
    assert "(running, 2001-01-01 to 2099-12-31)" in out
    code, _, err = kiosk(capsys, *add, "1011", "--buy", "2", "--pay", "1", "--until", "31/12/2026")
    assert code != 0 and "last day '31/12/2026' is not a date (YYYY-MM-DD)" in err


def test_demo_manager_pin_works(demo: Path) -> None:
    member = staff.verify_pin(connect(demo), "1234")
    assert (member.name, member.role) == ("Demo Manager", "manager")


def test_promo_add_list_and_end(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo)
    code, out, _ = kiosk(
        capsys, "catalog", "promo", "add", "1012", "--buy", "2", "--price", "1.50", "--db", db
    )
    assert code == 0 and "2 for 1.50 on 1012" in out
    code, out, _ = kiosk(capsys, "catalog", "promo", "list", "--db", db)
    assert "3 for 2" in out and "buy 2, for 1.50" in out
    assert kiosk(capsys, "catalog", "promo", "end", "3", "--db", db)[0] == 0
    assert "1012" not in products.active_promotions(connect(demo))


def test_bad_promo_price_is_a_usage_error(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kiosk(
        capsys, "catalog", "promo", "add", "1012", "--buy", "2", "--price", "-1", "--db", str(demo)
    )
    assert code == 2 and "negative" in err


def test_sales_summary_for_a_day(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sale = sales.record_sale(connect(demo), draft("k-1", item_line("1001", 2, 129)))
    day = sale.created_at[:10]
    code, out, _ = kiosk(capsys, "catalog", "sales", "--day", day, "--receipts", "--db", str(demo))
    assert code == 0
    assert f"{day} (local time): 1 sales, total 2.58" in out
    assert "K1-000001" in out
    code, out, _ = kiosk(capsys, "catalog", "sales", "--day", "2000-01-01", "--db", str(demo))
    assert "0 sales" in out


def test_sales_summary_counts_bottle_vouchers(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    voucher = SaleLine("9800042003257", "Bottle voucher", 1, -100, -100, 1900, -16, "voucher")
    sale = sales.record_sale(connect(demo), draft("k-1", item_line("1001", 2, 129), voucher))
    code, out, _ = kiosk(
        capsys, "catalog", "sales", "--day", sale.created_at[:10], "--db", str(demo)
    )
    assert code == 0 and "total 1.58" in out and "1 bottle voucher(s) -1.00" in out


def test_staff_list_and_demo_seed_is_repeatable(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kiosk(capsys, "catalog", "init", "--demo", "--db", str(demo))[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n"))
    assert (
        kiosk(capsys, "catalog", "staff", "add", "Bo", "--role", "manager", "--db", str(demo))[0]
        == 0
    )
    code, out, _ = kiosk(capsys, "catalog", "staff", "list", "--db", str(demo))
    assert code == 0
    assert out.count("Demo Manager") == 1 and "Bo " in out
    assert len(products.list_promotions(connect(demo))) == 2


def test_demo_csv_is_the_shipped_one() -> None:
    assert DEMO_CSV.read_text(encoding="utf-8").startswith("sku,name,price,tax_rate_percent")


def test_staff_pin_change_and_disable(demo: Path) -> None:
    """The demo manager's well-known PIN is replaced, then the account is disabled."""
    db = ["--db", str(demo)]
    changed = run_kiosk("catalog", "staff", "pin", "Demo Manager", *db, stdin="8642\n")
    assert changed.returncode == 0 and "new PIN set" in changed.stdout
    assert staff.verify_pin(connect(demo), "8642").name == "Demo Manager"
    with pytest.raises(WrongPin):
        staff.verify_pin(connect(demo), "1234")

    assert run_kiosk("catalog", "staff", "disable", "Demo Manager", *db).returncode == 0
    with pytest.raises(WrongPin):
        staff.verify_pin(connect(demo), "8642")
    listed = run_kiosk("catalog", "staff", "list", *db).stdout
    assert "Demo Manager" in listed and "disabled" in listed
    assert run_kiosk("catalog", "staff", "enable", "Demo Manager", *db).returncode == 0
    assert staff.verify_pin(connect(demo), "8642").name == "Demo Manager"

    unknown = run_kiosk("catalog", "staff", "pin", "Nobody", *db, stdin="5555\n")
    assert unknown.returncode == 1 and "no staff account named 'Nobody'" in unknown.stderr
    short = run_kiosk("catalog", "staff", "pin", "Demo Manager", *db, stdin="12\n")
    assert short.returncode == 1 and "4 to 8 digits" in short.stderr


def test_offers_import_from_a_csv_all_or_nothing(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo)
    good = tmp_path / "week.csv"
    good.write_text(
        "sku,buy,price,pay,from,until,name\n"
        "1011,2,4.00,,2026-12-07,2026-12-13,\n"
        "\n"
        "1001,4,,3,,,Cola 4 for 3\n"
    )
    code, out, _ = kiosk(capsys, "catalog", "promo", "import", str(good), "--db", db)
    assert code == 0 and "imported" in out and "2 offers" in out
    assert "2 for 4.00 on 1011, 2026-12-07 to 2026-12-13" in out
    stored = [p for p in list_promotions(connect(demo)) if p.id and p.id > 2]
    assert [(p.sku, p.name, p.bundle_cents, p.pay_qty, p.starts_on, p.ends_on) for p in stored] == [
        ("1011", "2 for 4.00", 400, None, "2026-12-07", "2026-12-13"),
        ("1001", "Cola 4 for 3", None, 3, None, None),
    ]

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sku,buy,pay,price,until\n"
        "1012,2,1,,2026-12-13\n"  # fine on its own: not stored, since others are bad
        "9999,2,1,,\n"
        "1001,3,,x,\n"
        "1001,3,2,2.00,\n"
        "1001,3,2,,13/12/2026\n"
        "1008,2,,2,49,\n"  # a decimal comma in a comma file: not 2 for 2.00
        "1001,4,3\n"  # the until cell left out
    )
    code, _, err = kiosk(capsys, "catalog", "promo", "import", str(bad), "--db", db)
    assert code != 0 and "6 bad rows, nothing was imported" in err
    assert "line 7: has 6 values, the header has 5" in err
    assert "line 8: has 3 values, the header has 5" in err
    assert "line 3: no product with sku '9999'" in err
    assert "line 4: price 'x'" in err
    assert "line 5: give either pay (3 for 2) or price (2 for 3.00), not both" in err
    assert "line 6: " in err and "'13/12/2026' is not a date" in err
    assert len(list_promotions(connect(demo))) == 4  # the good row 2 was not stored either

    header = tmp_path / "header.csv"
    for names in ("product,buy,pay", "sku,buy,pay,pay"):  # pay twice: which one counts?
        header.write_text(f"{names}\n1001,3,2,2\n")
        code, _, err = kiosk(capsys, "catalog", "promo", "import", str(header), "--db", db)
        assert code != 0 and "the header must name sku, buy and pay or price" in err
    header.write_text("SKU,Buy,Pay\n1001,4,3\n")  # as a spreadsheet capitalises it
    code, out, _ = kiosk(capsys, "catalog", "promo", "import", str(header), "--db", db)
    assert code == 0 and "1 offers" in out


def test_offers_from_a_semicolon_spreadsheet_with_decimal_commas(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    week = tmp_path / "woche.csv"
    week.write_bytes("\ufeffsku;buy;price;pay\r\n1011;2;4,50;\r\n1001;4;;3\r\n".encode())
    code, out, _ = kiosk(capsys, "catalog", "promo", "import", str(week), "--db", str(demo))
    assert code == 0 and "2 offers" in out
    stored = [p for p in list_promotions(connect(demo)) if p.id and p.id > 2]
    found = [(p.sku, p.bundle_cents, p.pay_qty) for p in stored]
    assert found == [("1011", 450, None), ("1001", None, 3)]


def test_offers_export_then_import_elsewhere_gives_the_same_offers(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ("catalog", "promo", "add", "--db", str(demo))
    assert (
        kiosk(capsys, *add, "1011", "--buy", "2", "--price", "4.00", "--from", "2026-12-07")[0] == 0
    )
    week = tmp_path / "offers.csv"
    code, _, err = kiosk(capsys, "catalog", "promo", "export", str(week), "--db", str(demo))
    assert code == 0 and "exported 3 offers" in err
    assert week.read_text().splitlines()[0] == "sku,buy,pay,price,from,until,name"

    other = tmp_path / "other.sqlite"
    assert kiosk(capsys, "catalog", "init", "--demo", "--db", str(other))[0] == 0
    db = connect(other)
    for offer in list_promotions(db):  # an empty offer list to import into
        products.deactivate_promotion(db, offer.id or 0, "test")
    assert kiosk(capsys, "catalog", "promo", "import", str(week), "--db", str(other))[0] == 0

    def fields(path: Path) -> list[tuple]:
        return [
            (p.sku, p.name, p.buy_qty, p.pay_qty, p.bundle_cents, p.starts_on, p.ends_on)
            for p in list_promotions(connect(path), active_only=True)
        ]

    assert fields(other) == fields(demo) and len(fields(demo)) == 3


def test_a_price_list_and_offers_saved_as_excels_plain_csv_are_read(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices = tmp_path / "preise.csv"
    header = "sku;name;price;tax_rate_percent;age_restricted;labels"
    prices.write_bytes(f"{header}\r\n3001;Grüner Tee;2,29;7;no;\r\n".encode("cp1252"))
    code, out, _ = kiosk(capsys, "catalog", "import", str(prices), "--db", str(demo))
    assert code == 0 and "1 new" in out
    assert "read as Windows-1252" in out  # staff are told to look the names over
    offers = tmp_path / "angebote.csv"
    offers.write_bytes("sku;buy;price;name\r\n3001;2;4,00;2 für 4,00 €\r\n".encode("cp1252"))
    code, out, _ = kiosk(capsys, "catalog", "promo", "import", str(offers), "--db", str(demo))
    assert code == 0
    assert [p.name for p in list_promotions(connect(demo)) if p.sku == "3001"] == ["2 für 4,00 €"]


def test_a_voucher_is_read_and_its_redemption_found(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = ("--layout", "98SSSSSAAAAAC", "--db", str(demo))
    code, out, _ = kiosk(capsys, "voucher", "--make", "42", "3.25", *layout)
    number = out.strip()
    assert code == 0 and number == "9800042003257"
    code, out, _ = kiosk(capsys, "voucher", number, *layout)
    assert code == 0 and out.splitlines() == [
        f"{number}: voucher 00042, worth €3.25",
        "not redeemed",
    ]
    voucher = SaleLine(number, "Bottle voucher", 1, -325, -325, 1900, -52, "voucher")
    sales.record_sale(connect(demo), draft("k-1", item_line("1001", 3, 129), voucher))
    code, out, _ = kiosk(capsys, "voucher", number, *layout)
    assert code == 0 and "redeemed: receipt K1-000001" in out and "kiosk-1" in out
    code, out, _ = kiosk(capsys, "voucher", "9800042003258", *layout)
    assert code == 1 and "did not read correctly" in out
    code, out, _ = kiosk(capsys, "voucher", number, "--db", str(demo))
    assert code == 2 and "vouchers.layout is empty" in out


def test_a_yen_store_writes_and_reads_whole_yen(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CHECKOUT_CURRENCY", "JPY")
    db = str(demo)
    sheet = tmp_path / "menu.csv"
    sheet.write_text(
        "sku,name,price,tax_rate_percent,age_restricted,labels\n3001,Onigiri,150,8,false,\n"
    )
    assert kiosk(capsys, "catalog", "import", str(sheet), "--db", db)[0] == 0
    assert get_product(connect(demo), "3001").price_cents == 150  # ¥150, not ¥15,000
    code, out, _ = kiosk(capsys, "catalog", "export", "-", "--db", db)
    assert code == 0 and "3001,Onigiri,150,8," in out
    args = ("catalog", "promo", "add", "3001", "--buy", "2", "--price", "280", "--db", db)
    assert kiosk(capsys, *args)[0] == 0
    offer = [p for p in list_promotions(connect(demo)) if p.sku == "3001"]
    assert [p.bundle_cents for p in offer] == [280]
    code, out, _ = kiosk(capsys, "catalog", "promo", "export", "-", "--db", db)
    assert code == 0 and "3001,2,,280," in out
