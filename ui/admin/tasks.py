"""Admin work that touches the catalog: run on the worker thread with the session's database.

Plain functions of ``(session, ...)`` so the dialog can hand them to
:meth:`ui.worker.CheckoutWorker.submit`; nothing here touches Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from catalog import search
from catalog.models import Product, Promotion
from catalog.pictures import PictureStore, crop_around
from catalog.products import ProductEdit, edit_product, get_product, list_products
from catalog.promotions import add_promotion, deactivate_promotion, list_promotions
from catalog.reports import sales_summary
from catalog.words import Said
from kiosk.price_labels import LabelRules, base_number, sold_by_label, split_layouts
from kiosk.pricing import minor_units
from kiosk.storetime import store_today, store_zone

# How a role is named in a sentence on the staff screen.
ROLE_WORDS = {
    "cashier": Said("cashier"),
    "supervisor": Said("supervisor"),
    "manager": Said("manager"),
}


def _db(session: Any) -> Any:
    if session is None:
        raise RuntimeError(Said("the kiosk's catalog is not open; restart the kiosk"))
    return session.db


def load_products(session: Any) -> tuple[Product, ...]:
    """Every product, active or not, in sku order; their words folded for staff's search
    here, off the UI thread."""
    products = tuple(sorted(list_products(_db(session)), key=lambda p: p.sku))
    search.prepare(products)
    return products


def addable_products(session: Any) -> tuple[Product, ...]:
    """The products staff may add to a basket by hand (the correction screen): all but those
    sold by their scale's label, whose price or weight only a pack's label holds."""
    labels = LabelRules.from_settings(session.settings.labels)
    return tuple(p for p in load_products(session) if not sold_by_label(labels, p))


def label_layouts(session: Any) -> tuple[str, ...]:
    """The store's scale label layouts (``labels.layouts``): the products list says which
    products their labels sell, and that a weighed one's price is per kilogram."""
    return split_layouts(str(session.settings.labels.layouts))


def save_product(
    session: Any, product: Product, create: bool, actor: str
) -> tuple[ProductEdit, tuple[Product, ...]]:
    """Store the admin form's product, new (``create``) or changed, labels it takes from
    other products included (audited by the catalog); a supervisor or manager only."""
    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager changes products and prices"))
    labels = LabelRules.from_settings(session.settings.labels)
    stored = None if create else get_product(db, product.sku)
    if product.barcode and (stored is None or stored.barcode != product.barcode):
        # A deli pack's label scanned into the form: its product's number. A barcode the
        # product has had all along stays, whatever its shape.
        product = replace(product, barcode=base_number(labels, product.barcode))
    done = edit_product(db, product, actor, create=create)
    _refresh(session)
    return done, load_products(session)


@dataclass(frozen=True)
class TakenPicture:
    """A product picture just taken from the counter camera (stored, not yet the product's)."""

    name: str  # in the picture folder
    picture: np.ndarray  # as stored, for the form to show without reading it back
    what: str  # "cut": cut out against the empty counter; "item": the one item seen;
    # "nearest": the item nearest the middle of several; "middle": the middle of the counter


def take_picture(session: Any, sku: str, actor: str) -> TakenPicture:
    """Store what the counter camera sees now as a picture for ``sku``: cut out against the
    empty counter when *Teach the camera* has noted one (a picture without the counter
    around it); else square around the recognised item (the one nearest the middle when
    there are several), or the middle of the counter when the model knows nothing there (a
    new product). Saving the product makes it its picture."""
    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager changes products and their pictures"))
    frame = _newest_frame(session)
    picture, what = _cut_out_picture(frame, session.empty_counter), "cut"
    if picture is None:
        picture, what = _square_picture(frame, session.last_seen[1])
    store = PictureStore(session.settings.paths.pictures_dir)
    name = store.save(sku or "product", picture)
    stored = store.load(name)
    if stored is None:
        raise RuntimeError(
            Said("the picture {name} was written but cannot be read back", name=name)
        )
    return TakenPicture(name, stored, what)


def _cut_out_picture(frame: np.ndarray, empty: np.ndarray | None) -> np.ndarray | None:
    from kiosk.enrol import EnrolError, cut_out

    if empty is None:
        return None
    try:
        return cut_out(frame, empty)
    except EnrolError:  # the light changed since, or nothing new: a square picture then
        return None


def _square_picture(frame: np.ndarray, seen: Any) -> tuple[np.ndarray, str]:
    height, width = frame.shape[:2]
    if not len(seen):
        return crop_around(frame, None), "middle"
    centres = (seen.xyxy[:, :2] + seen.xyxy[:, 2:]) / 2
    nearest = int(np.argmin(np.hypot(centres[:, 0] - width / 2, centres[:, 1] - height / 2)))
    box = tuple(float(v) for v in seen.xyxy[nearest])
    return crop_around(frame, box), "item" if len(seen) == 1 else "nearest"


def _newest_frame(session: Any) -> Any:
    if session.last_seen is None:
        raise RuntimeError(
            Said("the camera has not delivered a picture yet; try again in a moment")
        )
    return session.last_seen[0]


@dataclass(frozen=True)
class Enrolment:
    """Where a product's views for training stand."""

    sku: str
    label: str
    views: int
    length_mm: float | None
    folder: str
    counter_known: bool  # the empty counter's picture is there to cut views out against
    view: np.ndarray | None = None  # the view just taken (BGRA)
    thumbnails: tuple[tuple[str, np.ndarray], ...] = ()  # every view: file name, small BGRA


def _filed(session: Any, sku: str) -> tuple[Product, str, Any]:
    """The product, the label its views are filed under, and the store of views."""
    from catalog.products import get_product
    from kiosk.enrol import EnrolStore, label_for

    product = get_product(_db(session), sku)
    if product is None:
        raise RuntimeError(Said("no product with sku {sku!r} in the catalog", sku=sku))
    store = EnrolStore(session.settings.paths.enrol_dir)
    return product, label_for(product.name, product.labels), store


def _enrolment(session: Any, sku: str, view: np.ndarray | None = None) -> Enrolment:
    _, label, store = _filed(session, sku)
    thumbnails = tuple(store.thumbnails(label))
    return Enrolment(
        sku,
        label,
        len(thumbnails),
        store.length_mm(label),
        str(store.folder(label)),
        session.empty_counter is not None,
        view,
        thumbnails,
    )


def enrolment(session: Any, sku: str) -> Enrolment:
    """How many views of ``sku`` were taken at the counter, and where they are."""
    return _enrolment(session, sku)


def counter_is_empty(session: Any, sku: str, actor: str) -> Enrolment:
    """Keep the counter's newest picture as the empty counter the views are cut out of."""
    _supervisor(_db(session), actor, Said("a supervisor or manager teaches the camera products"))
    session.empty_counter = _newest_frame(session)
    if getattr(session, "watch", None) is not None:  # the counter watch takes it too
        session.watch.learn(session.empty_counter)
    return _enrolment(session, sku)


def take_view(session: Any, sku: str, length_mm: float, actor: str) -> Enrolment:
    """Store what is on the counter now, cut out against the empty counter, as a view of
    ``sku`` for training. A product without labels is given the one its views are filed
    under (audited): a model trained on them reports it, and is installed only when some
    product has it."""
    import dataclasses

    from kiosk.enrol import cut_out

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager teaches the camera products"))
    if session.empty_counter is None:
        raise RuntimeError(Said("clear the counter and press The counter is empty first"))
    product, label, store = _filed(session, sku)
    cutout = cut_out(_newest_frame(session), session.empty_counter)
    store.add(label, cutout, length_mm)
    if not product.labels:
        edit_product(db, dataclasses.replace(product, labels=(label,)), actor, create=False)
        _refresh(session)
    return _enrolment(session, sku, cutout)


def remove_view(session: Any, sku: str, name: str, actor: str) -> Enrolment:
    """Remove one view of ``sku`` (a hand in it, the wrong product)."""
    _supervisor(_db(session), actor, Said("a supervisor or manager teaches the camera products"))
    _, label, store = _filed(session, sku)
    store.remove(label, name)
    return _enrolment(session, sku)


def forget_views(session: Any, sku: str, actor: str) -> Enrolment:
    """Remove the views of ``sku`` taken so far (to start over)."""
    _supervisor(_db(session), actor, Said("a supervisor or manager teaches the camera products"))
    _, label, store = _filed(session, sku)
    store.forget(label)
    return _enrolment(session, sku)


CSV_PROBLEMS_SHOWN = 8  # rows of a bad file listed on screen; the rest counted


def import_catalog(session: Any, path: str, actor: str) -> tuple[Any, tuple[Product, ...]]:
    """Import a catalog CSV (a price list from a USB stick, say) with its pictures, all rows
    or none; a supervisor or manager only. A bad file's rows are listed in the error."""
    from catalog.errors import CsvImportError
    from catalog.importexport import import_csv

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager imports prices"))
    pictures = PictureStore(session.settings.paths.pictures_dir)
    try:
        labels = LabelRules.from_settings(session.settings.labels)
        barcodes = partial(base_number, labels) if labels else None
        result = import_csv(
            db, path, actor=actor, pictures=pictures, barcodes=barcodes,
            currency_decimals=minor_units(session.settings.checkout.currency),
        )  # fmt: skip
    except CsvImportError as exc:
        shown = [
            Said("line {line}: {reason}", line=line, reason=reason)
            for line, reason in exc.problems[:CSV_PROBLEMS_SHOWN]
        ]
        more = len(exc.problems) - len(shown)
        shown += [Said("and {count} more", count=more)] if more > 0 else []
        raise RuntimeError(
            Said(
                "{file} has {count} bad rows; nothing was imported. {rows}",
                file=Path(path).name,
                count=len(exc.problems),
                rows=Said.joined("; ", shown),
            )
        ) from exc
    _refresh(session)
    return result, load_products(session)


def export_catalog(session: Any, folder: str, actor: str) -> tuple[str, int]:
    """Write the catalog as ``catalog-DAY.csv`` into ``folder`` with its pictures beside it
    (``pictures/``), ready to import into another kiosk; a supervisor or manager only."""
    from catalog.importexport import export_csv

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager exports the catalog"))
    path = Path(folder) / f"catalog-{store_today(_zone(session)).isoformat()}.csv"
    pictures = PictureStore(session.settings.paths.pictures_dir)
    try:
        decimals = minor_units(session.settings.checkout.currency)
        count = export_csv(db, path, pictures=pictures, currency_decimals=decimals)
    except OSError as exc:
        raise RuntimeError(
            Said("cannot write {path}: {problem}", path=path, problem=exc.strerror or exc)
        ) from exc
    return str(path), count


def export_sales(session: Any, folder: str, first: date, last: date, actor: str) -> Any:
    """Write the store days' sales as the bookkeeping CSV files (receipt lines; tax per
    rate) into ``folder``, for the accountant; a supervisor or manager only, audited."""
    from catalog.sales_export import export_sales as write_sales
    from kiosk.pricing import minor_units

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager exports the sales"))
    decimals = minor_units(session.settings.checkout.currency)
    return write_sales(db, Path(folder), first, last, zone=_zone(session), decimals=decimals,
                       actor=actor)  # fmt: skip


def back_up(session: Any, folder: str, actor: str) -> tuple[Any, int]:
    """A checked copy of the catalog and sales ledger in ``folder`` (a USB stick: off the
    kiosk's own disk), with every product picture not there yet in ``folder/pictures``, as
    ``kiosk catalog backup --to`` makes; a supervisor or manager, audited."""
    from catalog.audit import record
    from catalog.backup import BACKED_UP_PICTURES, backup_database
    from catalog.pictures import copy_new

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager backs up the catalog"))
    paths = session.settings.paths
    copy = backup_database(paths.database, folder)
    pictures = copy_new(paths.pictures_dir, Path(folder) / BACKED_UP_PICTURES)
    with db.conn:
        new = {"file": str(copy.path), "sales": copy.sales, "products": copy.products}
        record(db, actor, "catalog.backup", "catalog", None, new)
    return copy, pictures


@dataclass(frozen=True)
class TrainingCopy:
    """What *Copy for training* wrote onto the stick."""

    folder: str
    products: int  # with views taken at the counter
    views: int
    corrections: int  # staff corrections exported as a YOLO dataset (new ones)


def copy_for_training(session: Any, folder: str, actor: str) -> TrainingCopy:
    """What a PC needs to train the next model, into ``folder``: every product's views taken
    at the counter as ``enrol/`` (the layout ``models.build --products`` reads) and the
    pictures kept when staff corrected the camera as ``corrections/`` (``kiosk captures
    export``'s YOLO dataset); a supervisor or manager."""
    import shutil

    from kiosk.captures import CaptureStore
    from kiosk.captures_export import export_captures

    _supervisor(_db(session), actor, Said("a supervisor or manager copies the views"))
    settings = session.settings
    source = settings.paths.enrol_dir
    views = sorted(source.glob("*/*.png")) if source.is_dir() else []
    captures, _ = CaptureStore(settings.paths.captures_dir, keep=settings.captures.keep).captures()
    if not views and not captures:
        raise RuntimeError(Said("nothing to train on yet: no views taken, no corrections kept"))
    target = Path(folder)
    try:
        if views:
            shutil.copytree(source, target / "enrol", dirs_exist_ok=True)
        done = export_captures(
            captures, target / "corrections", accept_conf=settings.detector.accept_conf
        )
    except (OSError, shutil.Error) as exc:
        problem = Said("cannot write {path}: {problem}", path=target, problem=exc)
        raise RuntimeError(problem) from exc
    return TrainingCopy(
        str(target), len({view.parent for view in views}), len(views), len(done.written)
    )


def install_model_file(session: Any, path: str, actor: str) -> Any:
    """A model trained on a PC (from a USB stick), checked against this kiosk and its
    catalog and installed; a manager only. The running kiosk switches to it the next time
    the counter is empty."""
    from kiosk.model_install import install_model

    db = _db(session)
    _require(db, actor, ("manager",), Said("a manager installs recognition models"))
    return install_model(Path(path), session.settings, db, by=actor)


def roll_back_model(session: Any, actor: str) -> tuple[Any, Any]:
    """Back to the model installed before the one in use; a manager only."""
    from kiosk.model_install import roll_back_model as go_back

    db = _db(session)
    _require(db, actor, ("manager",), Said("a manager installs recognition models"))
    return go_back(session.settings, db, by=actor)


def _detector(session: Any) -> Any:
    if session is None:
        raise RuntimeError(Said("the kiosk's checkout is not running; restart the kiosk"))
    return session.pipeline.detector


def model_labels(session: Any) -> tuple[str, ...]:
    """The labels the running recognition model reports, in its class order."""
    names = _detector(session).names
    return tuple(names[i] for i in sorted(names))


def _require(db: Any, actor: str, roles: tuple[str, ...], rule: Said) -> None:
    """``actor`` holds one of ``roles``; otherwise "Bo is a cashier: ``rule``"."""
    from kiosk.refund_desk import staff_member

    member = staff_member(db, actor)
    if member.role not in roles:
        role = ROLE_WORDS.get(member.role, member.role)
        raise PermissionError(Said("{name} is a {role}: {rule}", name=member.name, role=role,
                                   rule=rule))  # fmt: skip


def _supervisor(db: Any, actor: str, rule: Said) -> None:
    from kiosk.refund_desk import SUPERVISOR_ROLES

    _require(db, actor, SUPERVISOR_ROLES, rule)


def _refresh(session: Any) -> None:
    """The running checkout re-reads prices and offers (the basket on the counter too)."""
    refresh = getattr(session, "reload_catalog", None)
    if refresh is not None:
        refresh()


def load_offers(session: Any) -> tuple[tuple[Promotion, ...], tuple[Product, ...], date]:
    """The offers not ended (running or to come), the products, and the store's date."""
    db = _db(session)
    offers = tuple(list_promotions(db, active_only=True))
    return offers, load_products(session), store_today(_zone(session))


def add_offer(session: Any, offer: Promotion, actor: str) -> Any:
    """Add an offer (a supervisor or manager only); the checkout applies it from its day."""
    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager sets up offers"))
    add_promotion(db, offer, actor)
    _refresh(session)
    return load_offers(session)


def end_offer(session: Any, offer_id: int, actor: str) -> Any:
    """End an offer now (kept for the record; a supervisor or manager only)."""
    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager ends offers"))
    deactivate_promotion(db, offer_id, actor)
    _refresh(session)
    return load_offers(session)


def _zone(session: Any) -> Any:
    return store_zone(session.settings.checkout.timezone) if session is not None else None


def today_sales(session: Any, day: date | None = None) -> Any:
    """The store's day's sales summary (count, takings, tax per rate, discounts, per product)."""
    zone = _zone(session)
    return sales_summary(_db(session), day or store_today(zone), tz=zone)


def find_refundable(session: Any, receipt_no: str) -> tuple[Any, tuple[Any, ...]]:
    """The sale with this receipt number and what of it can still be refunded."""
    from kiosk.refund_desk import find_receipt, refundable_lines

    db = _db(session)
    sale = find_receipt(db, receipt_no)
    return sale, refundable_lines(db, sale)


def refund_items(
    session: Any,
    receipt_no: str,
    quantities: dict[str, int],
    reason: str,
    method: str,
    actor: str,
    key: str = "",
) -> Any:
    """Give a refund as the signed-in staff member (a supervisor or manager); the same
    ``key`` again is the refund it recorded (a double tap)."""
    from kiosk.refund_desk import find_receipt, give_refund, staff_member

    db = _db(session)
    sale = find_receipt(db, receipt_no)
    done, _ = give_refund(
        db, session.settings, sale, quantities, staff=staff_member(db, actor), reason=reason,
        method=method, key=key or None,
    )  # fmt: skip
    return done


def print_receipt_copy(session: Any, receipt_no: str) -> tuple[bool, str]:
    """Print a copy of a past receipt on the kiosk's printer (waits at most a few seconds)."""
    from kiosk.refund_desk import find_receipt
    from kiosk.reprint import print_copy

    checkout = _checkout(session)
    sale = find_receipt(_db(session), receipt_no)
    return print_copy(checkout.printer, sale, checkout.store, checkout.zone)


def print_day_report(session: Any, day: date | None = None) -> tuple[bool, str]:
    """Print a store day's report (default today) on the kiosk's receipt printer."""
    from kiosk.reprint import day_report_text, print_text

    checkout = _checkout(session)
    summary = today_sales(session, day)
    settings = session.settings.checkout
    text = day_report_text(summary, checkout.store, settings.currency, settings.timezone)
    return print_text(checkout.printer, text)


def load_waiting_payments(session: Any) -> tuple[tuple[Any, ...], Any]:
    """Payments the terminal could not account for, oldest first, and the store's zone."""
    from kiosk.payment_settle import waiting_payments

    return tuple(waiting_payments(_db(session))), _zone(session)


def settle_waiting_payment(
    session: Any, key: str, paid_ref: str | None, actor: str
) -> tuple[Any, tuple[tuple[Any, ...], Any]]:
    """Staff checked the terminal's journal: the sale was paid (its reference) or not; a
    supervisor or manager only. Returns how it was settled and the payments still waiting."""
    from kiosk.payment_settle import settle_payment

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager settles payments"))
    checkout = session.checkout
    done = settle_payment(
        db, key, paid_ref=paid_ref, staff=actor, receipts_dir=checkout.receipts_dir,
        store=checkout.store, zone=checkout.zone,
    )  # fmt: skip
    return done, load_waiting_payments(session)


@dataclass(frozen=True)
class ModelInUse:
    file: str  # the model recognising now
    labels: int
    next_file: str = ""  # installed, taking over when the counter is next empty
    failed: str = ""  # the installed model did not load here: why, in short (a Said)


def model_in_use(session: Any) -> ModelInUse:
    """The recognition model running now, and the one installed to take over when the counter
    is next empty, or why that one did not load."""
    from kiosk.detector_errors import in_short
    from kiosk.model_install import store_for

    detector = _detector(session)
    running = ModelInUse(Path(detector.model_path).name, len(detector.names))
    watch = session.models
    if watch is None:  # the settings name a model file: installs do not take over
        return running
    if watch.pending is not None:
        return replace(running, next_file=watch.pending.name)
    installed = store_for(session.settings).current()
    if installed is None or installed.file == running.file:
        return running
    failed, error = watch.failed_path, watch.failed_error
    if failed is not None and failed.name == installed.file and error is not None:
        return replace(running, next_file=installed.file, failed=in_short(error))
    return replace(running, next_file=installed.file)  # not seen by the watch yet


def load_store(session: Any) -> Any:
    """The store's details as receipts print them now (a StoreInfo)."""
    return _checkout(session).store


def save_store(session: Any, details: Any, actor: str) -> Any:
    """Keep the store's details for every receipt from now on (a manager only, audited);
    the running checkout prints them at once."""
    from kiosk.store_details import save_store_details

    db = _db(session)
    _require(db, actor, ("manager",), Said("a manager changes the store's details"))
    save_store_details(db, details, actor, _checkout(session).store)
    _refresh(session)
    return _checkout(session).store


def _checkout(session: Any) -> Any:
    checkout = session.checkout if session is not None else None
    if checkout is None:
        raise RuntimeError(Said("the kiosk's checkout is not running; restart the kiosk"))
    return checkout


def _manager(db: Any, actor: str) -> None:
    _require(db, actor, ("manager",), Said("a manager manages staff accounts"))


def load_staff(session: Any) -> tuple[Any, ...]:
    """Every staff account, active or not, by name (never a PIN or its hash)."""
    from catalog.staff import list_staff

    return tuple(list_staff(_db(session)))


def add_staff_member(session: Any, name: str, role: str, pin: str, actor: str) -> tuple[Any, ...]:
    """A new account (a manager only); its PIN opens the staff pad from now on."""
    from catalog.staff import add_staff

    db = _db(session)
    _manager(db, actor)
    add_staff(db, name, pin, role, actor=actor)
    return load_staff(session)


def change_staff_member(
    session: Any,
    name: str,
    *,
    actor: str,
    role: str | None = None,
    active: bool | None = None,
    pin: str | None = None,
) -> tuple[Any, ...]:
    """Another role, disabled or enabled again, or a new PIN (a manager only). The screen
    never leaves the kiosk without an active manager: staff would be locked out of it (a
    technician can still fix that with ``kiosk catalog staff`` at a terminal)."""
    from catalog.staff import list_staff, set_pin, set_role, set_staff_active

    db = _db(session)
    _manager(db, actor)
    members = list_staff(db)
    member = next((m for m in members if m.name == name), None)
    if member is None:
        raise LookupError(Said("no staff account named {name!r}", name=name))
    stays_manager = (role or member.role) == "manager" and (
        member.active if active is None else active
    )
    if member.role == "manager" and member.active and not stays_manager:
        managers = [m for m in members if m.role == "manager" and m.active]
        if len(managers) == 1:
            raise PermissionError(
                Said("{name} is the only active manager: add another manager first", name=name)
            )
    if role is not None and role != member.role:
        set_role(db, name, role, actor=actor)
    if active is not None and active != member.active:
        set_staff_active(db, name, active, actor=actor)
    if pin is not None:
        set_pin(db, name, pin, actor=actor)
    return load_staff(session)


AUDIT_ROWS = 200  # the admin screen's Changes tab shows this many, newest first


def read_changes(session: Any, family: str | None, actor: str) -> tuple[Any, ...]:
    """The newest audit entries (of one ``family``: "product", "staff", ...) in words, newest
    first; a supervisor or manager only."""
    from catalog.audit import list_entries
    from catalog.audit_view import describe
    from kiosk.pricing import minor_units

    db = _db(session)
    _supervisor(db, actor, Said("a supervisor or manager reads the audit log"))
    prefix = f"{family}." if family else None
    entries = list_entries(db, action_prefix=prefix, limit=AUDIT_ROWS)
    decimals = minor_units(session.settings.checkout.currency)
    zone = _zone(session)
    return tuple(describe(e, decimals=decimals, zone=zone) for e in reversed(entries))
