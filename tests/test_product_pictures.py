"""Product pictures: stored normalised and by content, brought in by CSV, seeded for the demo.

Real files in a temporary folder and a real SQLite catalog; the pictures are the demo's own.
"""

from __future__ import annotations

import logging
from pathlib import Path

import cv2
import numpy as np
import pytest
import sqlite_utils

from catalog import audit, products
from catalog.db import connect
from catalog.demo import seed_demo
from catalog.errors import CsvImportError
from catalog.importexport import export_csv, import_csv
from catalog.pictures import MAX_SIDE, PictureError, PictureStore, crop_around
from kiosk.config import demo_catalog_path
from tests.catalog_fixtures import HEADER, db_path, fresh_db, write_csv

__all__ = ["db_path", "fresh_db"]

DEMO_PICTURES = demo_catalog_path().parent / "pictures"


def photo(height: int, width: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 255, (height, width, 3), dtype=np.uint8)


def test_a_picture_is_stored_small_under_a_name_of_its_content(tmp_path: Path) -> None:
    store = PictureStore(tmp_path / "pictures")
    name = store.save("1001", photo(1200, 900))
    assert name.startswith("1001-") and name.endswith(".png")
    stored = store.load(name)
    assert stored is not None and stored.shape == (MAX_SIDE, MAX_SIDE * 3 // 4, 3)
    assert store.save("1001", photo(1200, 900)) == name  # the same picture: the same file
    assert len(list(store.root.iterdir())) == 1
    other = store.save("1001", photo(1200, 900, seed=1))
    assert other != name and len(list(store.root.iterdir())) == 2  # the old one kept
    assert store.save("a/b c", photo(10, 10)).startswith("a_b_c-")  # a sku is no path


def test_transparency_is_kept_and_small_pictures_are_not_enlarged(tmp_path: Path) -> None:
    store = PictureStore(tmp_path)
    name = store.add_file("1001", DEMO_PICTURES / "1001.png")
    stored = store.load(name)
    original = cv2.imread(str(DEMO_PICTURES / "1001.png"), cv2.IMREAD_UNCHANGED)
    assert stored is not None and stored.shape == original.shape and stored.shape[2] == 4
    assert np.array_equal(stored, original)


def test_reading_a_missing_or_broken_picture_gives_none_and_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = PictureStore(tmp_path)
    (tmp_path / "broken.png").write_bytes(b"not a png")
    with caplog.at_level(logging.WARNING):
        assert store.load("gone.png") is None
        assert store.load("gone.png") is None
        assert store.load("broken.png") is None
        assert store.load("../outside.png") is None
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 3 and "'gone.png'" in warned[0] and "'broken.png'" in warned[1]


def test_a_file_that_is_no_picture_is_refused_with_its_name(tmp_path: Path) -> None:
    text = tmp_path / "notes.png"
    text.write_text("hello")
    store = PictureStore(tmp_path / "pictures")
    with pytest.raises(PictureError, match=r"notes\.png: not a picture"):
        store.add_file("1001", text)
    with pytest.raises(PictureError, match=r"cannot read .*missing\.jpg"):
        store.add_file("1001", tmp_path / "missing.jpg")
    assert not store.root.exists()


def test_the_crop_is_a_square_around_the_item_or_the_middle() -> None:
    frame = np.zeros((480, 640, 3), np.uint8)
    frame[200:260, 300:400] = 255  # the item
    item = crop_around(frame, (300, 200, 400, 260))
    assert item.shape == (115, 115, 3)  # its long side and a margin
    assert item.sum() == 255 * 3 * 100 * 60  # all of it
    corner = crop_around(frame, (600, 440, 640, 480))  # at the edge: moved inside, not cut
    assert corner.shape == (46, 46, 3) and corner[-1, -1].sum() == 0
    middle = crop_around(frame, None)
    assert middle.shape == (288, 288, 3)


def test_csv_pictures_next_to_the_file_are_stored_and_named_by_content(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    (tmp_path / "pics").mkdir()
    cv2.imwrite(str(tmp_path / "pics" / "cola.jpg"), photo(600, 400))
    path = write_csv(
        tmp_path / "p.csv",
        "1001,Cola,1.29,19,false,cola-can,pics/cola.jpg",
        "1002,Water,0.69,19,false,water-bottle,",
        header=f"{HEADER},image",
    )
    store = PictureStore(tmp_path / "data" / "pictures")
    import_csv(fresh_db, path, pictures=store)
    cola, water = products.list_products(fresh_db)
    assert cola.image is not None and cola.image.startswith("1001-") and water.image is None
    assert store.load(cola.image).shape == (MAX_SIDE, round(MAX_SIDE * 2 / 3), 3)
    # what export writes (the stored names) imports again unchanged on this kiosk
    exported = tmp_path / "export.csv"
    export_csv(fresh_db, exported)
    assert import_csv(fresh_db, exported, pictures=store).unchanged == 2


def test_a_csv_picture_that_is_not_there_is_a_bad_row_and_nothing_is_imported(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    path = write_csv(
        tmp_path / "p.csv",
        "1001,Cola,1.29,19,false,cola-can,cola.jpg",
        "1002,Water,0.69,19,false,water-bottle,empty.png",
        "1003,Tea,2.29,7,false,tea-box,",
        header=f"{HEADER},image",
    )
    store = PictureStore(tmp_path / "pictures")
    with pytest.raises(CsvImportError) as caught:
        import_csv(fresh_db, path, pictures=store)
    text = str(caught.value)
    assert "line 2: picture 'cola.jpg' not found next to the CSV file" in text
    assert "line 3: " in text and "empty.png: not a picture" in text
    assert products.list_products(fresh_db) == []


def test_the_demo_store_has_a_picture_of_every_product(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    store = PictureStore(tmp_path / "pictures")
    seed_demo(fresh_db, demo_catalog_path(), store)
    everything = products.list_products(fresh_db)
    assert len(everything) == 19
    for product in everything:
        picture = store.load(product.image or "")
        assert picture is not None, product.sku
        assert product.image.startswith(f"{product.sku}-")
    created = audit.list_entries(fresh_db, action="product.create")
    assert {e.new["image"] for e in created} == {p.image for p in everything}
    entries = len(audit.list_entries(fresh_db))
    seed_demo(fresh_db, demo_catalog_path(), store)  # a second time changes nothing
    assert products.list_products(fresh_db) == everything
    assert len(audit.list_entries(fresh_db)) == entries + 1  # the import's own entry
    assert len(list(store.root.iterdir())) == 19


def test_an_export_with_pictures_moves_the_catalog_to_another_kiosk_whole(
    fresh_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    here = PictureStore(tmp_path / "here")
    seed_demo(fresh_db, demo_catalog_path(), here)
    here.path(products.get_product(fresh_db, "1016").image).unlink()  # one lost on this kiosk
    export = tmp_path / "usb" / "catalog.csv"
    export.parent.mkdir()
    export_csv(fresh_db, export, pictures=here)
    assert len(list((export.parent / "pictures").iterdir())) == 18
    there_db = connect(tmp_path / "there.sqlite")
    there = PictureStore(tmp_path / "there")
    import_csv(there_db, export, pictures=there)
    for product in products.list_products(fresh_db):
        moved = products.get_product(there_db, product.sku)
        if product.sku == "1016":
            assert moved.image is None  # exported without its lost picture
        else:
            assert moved == product  # the same picture, under the same name
            assert there.path(moved.image).read_bytes() == here.path(product.image).read_bytes()
