"""``kiosk catalog ...``: create, inspect and change the catalog from a terminal.

The database is ``paths.database`` from the settings (``--config``), or ``--db PATH``.
PINs are read from the terminal (hidden) or from standard input, never from arguments,
so they do not end up in shell history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date, timedelta, timezone, tzinfo
from functools import partial
from pathlib import Path
from typing import Any

from catalog.backup import BACKED_UP_PICTURES
from kiosk.errors import KioskError

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``kiosk catalog`` and its sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="catalog database file (default: settings)")
    parser = subparsers.add_parser("catalog", help="products, offers, staff and sales")
    commands = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    init = commands.add_parser("init", parents=[common], help="create or upgrade the catalog")
    init.add_argument("--demo", action="store_true", help="seed the demo store's products")
    init.set_defaults(func=cmd_init)
    listing = commands.add_parser("list", parents=[common], help="show the products")
    listing.add_argument("--active", action="store_true", help="only products on sale")
    listing.set_defaults(func=cmd_list)
    imp = commands.add_parser("import", parents=[common], help="import products from CSV")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    exp = commands.add_parser("export", parents=[common], help="export products to CSV")
    exp.add_argument("file", help="output file, or - for standard output")
    exp.add_argument(
        "--pictures",
        action="store_true",
        help="also copy the product pictures into pictures/ beside the file (for another kiosk)",
    )
    exp.set_defaults(func=cmd_export)
    _register_promo(commands, common)
    _register_staff(commands, common)
    sales = commands.add_parser(
        "sales", parents=[common], help="takings and tax per rate of a day or days; CSV export"
    )
    sales.add_argument("--day", help="YYYY-MM-DD, the store's day (default: today)")
    sales.add_argument("--from", dest="first", metavar="DAY", help="first day of a range")
    sales.add_argument("--to", dest="last", metavar="DAY", help="last day of a range (included)")
    sales.add_argument("--receipts", action="store_true", help="also list each sale")
    sales.add_argument("--csv", metavar="FILE", help="write every receipt line of the days")
    sales.add_argument(
        "--tax-csv", metavar="FILE", help="write net, tax and gross per sale and tax rate"
    )
    sales.add_argument(
        "--utc", action="store_true", help="days in UTC (default: checkout.timezone, the PC's)"
    )
    sales.add_argument(
        "--print", action="store_true", help="print each day's report on the receipt printer"
    )
    sales.set_defaults(func=cmd_sales)
    backup = commands.add_parser(
        "backup", parents=[common], help="a checked copy of the catalog and sales ledger"
    )
    backup.add_argument(
        "--to", metavar="DIR", help="where (default: backups/ beside the database); a USB stick"
    )
    backup.add_argument("--keep", type=int, default=14, help="newest copies kept (default 14)")
    backup.set_defaults(func=cmd_backup)
    restore = commands.add_parser(
        "restore", parents=[common], help="put a backup copy in place of the catalog"
    )
    restore.add_argument("copy", type=Path, help="a copy made by kiosk catalog backup")
    restore.set_defaults(func=cmd_restore)
    store = commands.add_parser(
        "store",
        parents=[common],
        help="the store's details on every receipt (as the admin screen's Store tab)",
        description="Show the store's name, address, VAT ID and receipt foot as receipts print "
        "them; with options, change them (kept with the catalog, audited; they win over "
        'kiosk.toml\'s [store]). Lines of the address and foot are separated by ";".',
    )
    store.add_argument("--name", help="the store's name")
    store.add_argument("--address", help='address lines, separated by ";"')
    store.add_argument("--tax-id", help='VAT or tax number ("" removes it)')
    store.add_argument("--footer", help='lines at the foot of receipts, separated by ";"')
    store.set_defaults(func=cmd_store)


def _register_promo(commands: Any, common: argparse.ArgumentParser) -> None:
    promo = commands.add_parser("promo", help="multi-buy offers").add_subparsers(
        dest="promo_command", metavar="ACTION", required=True
    )
    add = promo.add_parser("add", parents=[common], help='add "3 for 2" or "2 for 3.00"')
    add.add_argument("sku")
    add.add_argument("--buy", type=int, required=True, metavar="N", help="items in the deal")
    deal = add.add_mutually_exclusive_group(required=True)
    deal.add_argument("--pay", type=int, metavar="M", help='pay for M of N ("3 for 2")')
    deal.add_argument("--price", metavar="X.YY", help='N for this price ("2 for 3.00")')
    add.add_argument("--name", help="text on the receipt (default: from the deal)")
    add.add_argument("--from", dest="starts_on", metavar="YYYY-MM-DD", help="first day it runs")
    add.add_argument("--until", dest="ends_on", metavar="YYYY-MM-DD", help="last day it runs")
    add.set_defaults(func=cmd_promo_add)
    lst = promo.add_parser("list", parents=[common], help="show offers")
    lst.add_argument("--all", action="store_true", help="include ended offers")
    lst.set_defaults(func=cmd_promo_list)
    out = promo.add_parser("export", parents=[common], help="the offers not ended, as CSV")
    out.add_argument("file", nargs="?", default="-", help="output file (default: standard output)")
    out.set_defaults(func=cmd_promo_export)
    imp = promo.add_parser("import", parents=[common], help="add the offers in a CSV file")
    imp.add_argument("file", type=Path, help="columns sku,buy,pay|price[,from,until,name]")
    imp.set_defaults(func=cmd_promo_import)
    end = promo.add_parser("end", parents=[common], help="end (deactivate) an offer")
    end.add_argument("id", type=int)
    end.set_defaults(func=cmd_promo_end)


def _register_staff(commands: Any, common: argparse.ArgumentParser) -> None:
    staff = commands.add_parser("staff", help="staff accounts").add_subparsers(
        dest="staff_command", metavar="ACTION", required=True
    )
    add = staff.add_parser("add", parents=[common], help="add an account (PIN from stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("cashier", "supervisor", "manager"))
    add.set_defaults(func=cmd_staff_add)
    staff.add_parser("list", parents=[common], help="show accounts").set_defaults(
        func=cmd_staff_list
    )
    pin = staff.add_parser("pin", parents=[common], help="give an account a new PIN (stdin)")
    pin.add_argument("name")
    pin.set_defaults(func=cmd_staff_pin)
    for action, active, text in (
        ("disable", False, "refuse an account's PIN (the account stays on record)"),
        ("enable", True, "accept a disabled account's PIN again"),
    ):
        toggle = staff.add_parser(action, parents=[common], help=text)
        toggle.add_argument("name")
        toggle.set_defaults(func=cmd_staff_active, active=active)


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in some containers; the audit still says "cli"
        return "cli"


def _open(args: argparse.Namespace) -> Any:
    from catalog.db import connect

    if args.db:
        return connect(args.db)
    from kiosk.config import load_settings

    return connect(load_settings(args.config).paths.database)


def _pictures(args: argparse.Namespace) -> Any:
    """The product picture folder: beside ``--db``'s file, else the configured one."""
    from catalog.pictures import PictureStore

    if args.db:
        return PictureStore(Path(args.db).parent / "pictures")
    from kiosk.config import load_settings

    return PictureStore(load_settings(args.config).paths.pictures_dir)


def _decimals(args: argparse.Namespace) -> int:
    """Digits after the decimal point in the store's currency (2 for EUR, 0 for JPY): how
    CSV files and ``--price`` write amounts."""
    from kiosk.config import load_settings
    from kiosk.pricing import minor_units

    return minor_units(load_settings(args.config).checkout.currency)


def _base_numbers(args: argparse.Namespace) -> Callable[[str], str] | None:
    """A whole scale label in a barcode cell as its product's base number (the store's
    ``labels.layouts``); None when the store prints no price labels."""
    from kiosk.config import load_settings
    from kiosk.price_labels import LabelRules, base_number

    rules = LabelRules.from_settings(load_settings(args.config).labels)
    return partial(base_number, rules) if rules else None


def cmd_init(args: argparse.Namespace) -> int:
    from catalog.db import database_path
    from catalog.migrations import schema_version
    from catalog.products import list_products

    db = _open(args)
    if args.demo:
        import models.demo
        from catalog.demo import seed_demo

        seed_demo(db, Path(models.demo.__file__).parent / "demo_catalog.csv", _pictures(args))
    count = len(list_products(db))
    print(f"catalog ready: {database_path(db)} (schema {schema_version(db)}, {count} products)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from catalog.money import format_bp, format_cents
    from catalog.products import list_products

    products = list_products(_open(args), active_only=args.active)
    print(f"{'sku':<8} {'name':<32} {'price':>8} {'tax%':>5}  {'flags':<12} {'barcode':<14} labels")
    for p in products:
        flags = ",".join(
            f
            for f, on in (
                ("18+", p.age_restricted),
                ("loose", p.sold_loose),
                ("screen", p.shopper_adds),
                ("off", not p.active),
            )
            if on
        )
        if p.deposit_cents:  # a flag with its amount: "deposit 0.25"
            flags = ",".join(filter(None, (flags, f"deposit {format_cents(p.deposit_cents)}")))
        print(
            f"{p.sku:<8} {p.name[:32]:<32} {format_cents(p.price_cents):>8} "
            f"{format_bp(p.tax_rate_bp):>5}  {flags or '-':<12} {p.barcode or '-':<14} "
            f"{';'.join(p.labels)}"
        )
    print(f"{len(products)} products")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from catalog.importexport import import_csv

    result = import_csv(
        _open(args),
        args.file,
        actor=_actor(),
        pictures=_pictures(args),
        barcodes=_base_numbers(args),
        currency_decimals=_decimals(args),
    )
    print(
        f"imported {args.file}: {result.created} new, {result.updated} updated, "
        f"{result.unchanged} unchanged"
    )
    for line, label, base in result.base_numbers:
        print(
            f"note: line {line}: {label} is a scale label; stored as its product's number "
            f"{base}, which every label of the product starts from"
        )
    if result.encoding != "utf-8":
        print(
            f"note: {args.file} is not UTF-8 and was read as Windows-1252 (Excel's plain CSV): "
            "check the names with accents (`kiosk catalog list`); saved as CSV UTF-8 it needs "
            "no guess"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from catalog.importexport import export_csv, export_csv_text

    db = _open(args)
    if args.file == "-":
        sys.stdout.write(export_csv_text(db, currency_decimals=_decimals(args)))
        return 0
    pictures = _pictures(args) if args.pictures else None
    count = export_csv(db, args.file, pictures=pictures, currency_decimals=_decimals(args))
    also = f" and their pictures to {Path(args.file).parent / 'pictures'}" if pictures else ""
    print(f"exported {count} products to {args.file}{also}", file=sys.stderr)
    return 0


def cmd_promo_add(args: argparse.Namespace) -> int:
    from catalog.models import Promotion, deal_name
    from catalog.money import parse_price
    from catalog.promotions import add_promotion
    from kiosk.config import load_settings
    from kiosk.pricing import format_amount

    try:
        bundle = parse_price(args.price, _decimals(args)) if args.price is not None else None
    except ValueError as exc:
        print(f"kiosk: error: --price: {exc}", file=sys.stderr)
        return 2
    name = args.name or deal_name(
        args.buy, args.pay, format_amount(bundle, load_settings(args.config).checkout.currency)
        if bundle is not None else ""
    )  # fmt: skip
    promo = Promotion(
        sku=args.sku,
        name=name,
        buy_qty=args.buy,
        pay_qty=args.pay,
        bundle_cents=bundle,
        starts_on=args.starts_on,
        ends_on=args.ends_on,
    )
    stored = add_promotion(_open(args), promo, _actor())
    print(f"added offer {stored.id}: {stored.name} on {stored.sku}{_days(stored)}")
    return 0


def _days(promo: Any) -> str:
    """When an offer runs, in words ("" for always)."""
    if promo.starts_on and promo.ends_on:
        return f", {promo.starts_on} to {promo.ends_on}"
    if promo.starts_on:
        return f", from {promo.starts_on}"
    return f", until {promo.ends_on}" if promo.ends_on else ""


def _store_today(args: argparse.Namespace) -> Any:
    """The store's date (its configured time zone; the PC's own with --db and no settings)."""
    from kiosk.storetime import store_today, store_zone

    try:
        from kiosk.config import load_settings

        zone = store_zone(load_settings(args.config).checkout.timezone)
    except KioskError:
        zone = None
    return store_today(zone)


def cmd_promo_export(args: argparse.Namespace) -> int:
    from catalog.offers_csv import export_offers_text

    text = export_offers_text(_open(args), currency_decimals=_decimals(args))
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    Path(args.file).write_text(text, encoding="utf-8")
    print(f"exported {text.count(chr(10)) - 1} offers to {args.file}", file=sys.stderr)
    return 0


def cmd_promo_import(args: argparse.Namespace) -> int:
    from catalog.offers_csv import import_offers

    added = import_offers(_open(args), args.file, actor=_actor(), currency_decimals=_decimals(args))
    for offer in added:
        print(f"added offer {offer.id}: {offer.name} on {offer.sku}{_days(offer)}")
    print(f"imported {args.file}: {len(added)} offers")
    return 0


def cmd_promo_list(args: argparse.Namespace) -> int:
    from catalog.money import format_cents
    from catalog.promotions import list_promotions

    today = _store_today(args)
    for p in list_promotions(_open(args), active_only=not args.all):
        deal = f"pay {p.pay_qty}" if p.pay_qty else f"for {format_cents(p.bundle_cents or 0)}"
        if not p.active:
            state = "  (ended)"
        elif p.starts_on or p.ends_on:
            state = f"  ({p.stage_on(today)}{_days(p)})"
        else:
            state = ""
        print(f"{p.id:>4}  {p.sku:<8} {p.name:<16} buy {p.buy_qty}, {deal}{state}")
    return 0


def cmd_promo_end(args: argparse.Namespace) -> int:
    from catalog.promotions import deactivate_promotion

    promo = deactivate_promotion(_open(args), args.id, _actor())
    print(f"ended offer {promo.id}: {promo.name} on {promo.sku}")
    return 0


def _read_pin() -> str:
    if sys.stdin.isatty():
        pin = getpass.getpass("PIN: ")
        if getpass.getpass("PIN again: ") != pin:
            from catalog.errors import InvalidStaff

            raise InvalidStaff("the two PINs differ; nothing was changed")
        return pin
    return sys.stdin.readline().strip()


def cmd_staff_add(args: argparse.Namespace) -> int:
    from catalog.staff import add_staff

    db = _open(args)
    member = add_staff(db, args.name, _read_pin(), args.role, actor=_actor())
    print(f"added {member.role} {member.name!r}")
    return 0


def cmd_staff_pin(args: argparse.Namespace) -> int:
    from catalog.staff import set_pin

    db = _open(args)
    set_pin(db, args.name, _read_pin(), actor=_actor())
    print(f"new PIN set for {args.name!r}")
    return 0


def cmd_staff_active(args: argparse.Namespace) -> int:
    from catalog.staff import set_staff_active

    member = set_staff_active(_open(args), args.name, args.active, actor=_actor())
    print(f"{member.name!r} {'enabled' if member.active else 'disabled'}")
    return 0


def cmd_staff_list(args: argparse.Namespace) -> int:
    from catalog.staff import list_staff

    for m in list_staff(_open(args)):
        print(f"{m.name:<24} {m.role:<10} {'active' if m.active else 'disabled'}")
    return 0


def _sales_days(args: argparse.Namespace, today: date) -> list[date] | str:
    """The days asked for (today when none), or why they cannot be read."""
    from kiosk.cli.day_args import read_day_span

    try:
        first, last = read_day_span(args)
    except ValueError as exc:
        return str(exc)
    first, last = first or today, last or today
    if last < first:
        return f"--to {last} is before --from {first}"
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def cmd_sales(args: argparse.Namespace) -> int:
    from catalog.money import format_bp, format_cents
    from catalog.reports import sales_summary
    from catalog.sales_export import sales_between
    from catalog.tax import sum_bands
    from kiosk.config import load_settings
    from kiosk.pricing import minor_units
    from kiosk.reprint import day_report_text
    from kiosk.store_details import store_info
    from kiosk.storetime import receipt_time, store_today, store_zone

    settings = load_settings(args.config)
    checkout = settings.checkout
    zone = timezone.utc if args.utc else store_zone(checkout.timezone)
    clock = "UTC" if args.utc else (checkout.timezone or "local time")
    days = _sales_days(args, store_today(zone))
    if isinstance(days, str):
        print(f"kiosk: error: {days}", file=sys.stderr)
        return 2
    decimals = minor_units(checkout.currency)

    def money(cents: int) -> str:
        return format_cents(cents, decimals)

    db = _open(args)
    store = store_info(settings, db)
    reports: list[str] = []
    day_bands = []
    for day in days:
        summary = sales_summary(db, day, tz=zone)
        reports.append(day_report_text(summary, store, checkout.currency, clock))
        day_bands += summary.tax_bands
        _print_day(summary, clock, money, products=len(days) == 1)
    bands = sum_bands(day_bands)  # the days' bands add up: every sale and refund is in one day
    if bands:
        print(f"  {'tax rate':>8} {'net':>11} {'tax':>11} {'gross':>11}")
    for b in bands:
        print(
            f"  {format_bp(b.rate_bp) + ' %':>8} {money(b.net_cents):>11} "
            f"{money(b.tax_cents):>11} {money(b.gross_cents):>11}"
        )
    sales, refunds = sales_between(db, days[0], days[-1], zone)
    if args.receipts:
        for sale in sales:
            when = receipt_time(sale.created_at, zone)
            print(f"  {sale.receipt_no}  {when}  {money(sale.draft.total_cents)}")
        for back in refunds:
            when = receipt_time(back.created_at, zone)
            print(f"  {back.refund_no}  {when}  -{money(back.amount_cents)}  {back.reason}")
    if args.print and not _print_reports(reports, settings.printer):
        return 1
    for path, write in ((args.csv, "lines"), (args.tax_csv, "taxes")):
        if path:
            rows = _write_sales_csv(Path(path), write, (sales, refunds), decimals, zone)
            print(
                f"wrote {rows} rows ({len(sales)} sales, {len(refunds)} refunds) to {path}",
                file=sys.stderr,
            )
    return 0


def _print_day(summary: Any, clock: str, money: Any, *, products: bool) -> None:
    """One day's summary lines (and each product's, for a single day)."""
    print(
        f"{summary.day} ({clock}): {summary.sale_count} sales, total "
        f"{money(summary.total_cents)}, tax {money(summary.tax_cents)}, "
        f"promotions -{money(summary.discount_cents)}"
        + (f", deposits {money(summary.deposit_cents)}" if summary.deposit_cents else "")
        + (
            f", {summary.voucher_count} bottle voucher(s) -{money(summary.voucher_cents)}"
            if summary.voucher_count
            else ""
        )
    )
    if summary.refund_count:
        print(
            f"  {summary.refund_count} refunds -{money(summary.refunded_cents)}, "
            f"net takings {money(summary.net_cents)}"
        )
    for p in summary.per_product if products else ():
        print(f"  {p.sku:<8} {p.name[:32]:<32} {p.quantity:>5} x  {money(p.total_cents):>9}")


def _print_reports(reports: list[str], paper: Any) -> bool:
    """Each day's report on the receipt printer; False (and why) when one did not print."""
    from kiosk.printer import printer_for
    from kiosk.reprint import print_text

    printer = printer_for(paper.device, timeout=float(paper.timeout_seconds), cut=paper.cut)
    for report in reports:
        done, what = print_text(printer, report, wait=float(paper.timeout_seconds) + 1)
        print(f"day report: {what}", file=sys.stderr)
        if not done:
            return False
    return True


def _write_sales_csv(
    path: Path, kind: str, ledger: tuple[list[Any], list[Any]], decimals: int, zone: tzinfo | None
) -> int:
    from catalog.ledger_csv import write_sale_lines_csv, write_sale_taxes_csv
    from catalog.sales_export import write_csv_durably

    write = write_sale_lines_csv if kind == "lines" else write_sale_taxes_csv
    sales, refunds = ledger
    return write_csv_durably(
        path, lambda out: write(sales, out, decimals=decimals, zone=zone, refunds=refunds)
    )


def _database_and_data_dir(args: argparse.Namespace) -> tuple[Path, Path]:
    if args.db:
        return Path(args.db), Path(args.db).parent
    from kiosk.config import load_settings

    paths = load_settings(args.config).paths
    return paths.database, paths.data_dir


def cmd_backup(args: argparse.Namespace) -> int:
    from catalog.backup import backup_database
    from catalog.db import connect
    from catalog.pictures import UNUSED_DAYS, copy_new
    from catalog.products import list_products

    database, _ = _database_and_data_dir(args)
    folder = Path(args.to) if args.to else database.parent / "backups"
    copy = backup_database(database, folder, keep=args.keep)
    store = _pictures(args)
    pictures = copy_new(store.root, folder / BACKED_UP_PICTURES)
    print(
        f"backed up to {copy.path} ({copy.size_bytes / 1e6:.1f} MB: {copy.sales} sales, "
        f"{copy.products} products; integrity checked); {pictures} new product pictures "
        f"to {folder / BACKED_UP_PICTURES}"
    )
    if copy.removed:
        print(f"removed {len(copy.removed)} older copies (--keep {args.keep})")
    # Every picture is in the backup now: those no product names any more can go.
    db = connect(database)
    try:
        in_use = {p.image for p in list_products(db) if p.image}
    finally:
        db.conn.close()
    unused = store.prune_unused(in_use)
    if unused:
        print(
            f"removed {len(unused)} product pictures that no product uses, taken over "
            f"{UNUSED_DAYS} days ago (kept in {folder / BACKED_UP_PICTURES})"
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from catalog.backup import restore_database
    from catalog.pictures import copy_new
    from kiosk.instance import running_kiosk

    database, data_dir = _database_and_data_dir(args)
    pid = running_kiosk(data_dir)
    if pid is not None:
        print(
            f"kiosk: error: the kiosk is running on this catalog (process {pid}): close it first "
            "(sudo systemctl stop vision-checkout-kiosk); nothing was changed",
            file=sys.stderr,
        )
        return 1
    restored = restore_database(args.copy, database)
    print(
        f"restored {args.copy} to {database} ({restored.sales} sales, {restored.products} products)"
    )
    if restored.replaced is not None:
        print(f"the catalog it replaced is kept in {restored.replaced}")
    pictures = _pictures(args).root
    brought = copy_new(Path(args.copy).parent / BACKED_UP_PICTURES, pictures)
    if brought:
        print(f"{brought} product pictures brought back to {pictures}")
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from kiosk.config import load_settings
    from kiosk.store_details import StoreDetails, save_store_details, store_info

    settings = load_settings(args.config)
    db = _open(args)
    now = store_info(settings, db)
    details = StoreDetails.of(now)
    changes = {
        field: value
        for field, value in (
            ("name", args.name),
            ("address", args.address),
            ("tax_id", args.tax_id),
            ("footer", args.footer),
        )
        if value is not None
    }
    if changes:  # lines separated by ";" read as the screen's one per line
        details = replace(details, **changes)
        save_store_details(db, details, _actor(), now)
        print("saved: receipts print these from now on")
    store = store_info(settings, db)
    print(f"name:    {store.name}")
    print(f"address: {'; '.join(store.address) or '-'}")
    print(f"VAT ID:  {store.tax_id or '-'}")
    print(f"foot:    {'; '.join(store.footer)}")
    return 0
