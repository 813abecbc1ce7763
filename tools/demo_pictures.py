"""Make the demo store's product pictures (``models/demo/pictures/SKU.png``).

Each product's picture is one of its rendered exemplar views (a can lying, so its label
shows; long bottles turned on the diagonal, so they fill a square); the carrier bag, which
the camera never sees, the birthday card, which it has not learnt (shoppers scan it), and
the deli counter's cheese, sold by its scale's label, have no exemplar and are drawn.
``kiosk catalog init --demo`` stores them in the kiosk's picture folder.

    python tools/demo_pictures.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog.demo import BIRTHDAY_CARD, CARRIER_BAG, DELI_CHEESE  # noqa: E402

DEMO = ROOT / "models" / "demo"
VIEW = {"can": 1}  # label suffix -> exemplar view; the rest use view 0 (top down)
LONG = 2.5  # views longer than this (bottles) are turned 45 degrees


def exemplar_picture(folder: Path) -> np.ndarray:
    view = next((v for suffix, v in VIEW.items() if folder.name.endswith(suffix)), 0)
    image = cv2.imread(str(folder / f"{view:02d}.png"), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise SystemExit(f"no view {view} in {folder}")
    height, width = image.shape[:2]
    if max(height, width) / min(height, width) >= LONG:
        side = int(np.ceil(np.hypot(height, width)))
        turn = cv2.getRotationMatrix2D((width / 2, height / 2), 45, 1.0)
        turn[:, 2] += (side - width) / 2, (side - height) / 2
        image = cv2.warpAffine(image, turn, (side, side), flags=cv2.INTER_CUBIC)
    return crop_to_alpha(image)


def crop_to_alpha(image: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(image[:, :, 3] > 8)
    return image[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def carrier_bag(size: int = 160) -> np.ndarray:
    """A paper carrier bag with a handle, drawn (BGRA, transparent around it)."""
    image = np.zeros((size, size, 4), np.uint8)
    body = np.array([[30, 52], [130, 52], [142, 154], [18, 154]], np.int32)
    colour = (92, 160, 205, 255)  # kraft paper
    cv2.fillConvexPoly(image, body, colour, cv2.LINE_AA)
    cv2.polylines(image, [body], True, (40, 90, 130, 255), 3, cv2.LINE_AA)
    cv2.ellipse(image, (80, 52), (28, 36), 0, 180, 360, (40, 90, 130, 255), 7, cv2.LINE_AA)
    cv2.line(image, (30, 70), (130, 70), (60, 120, 165, 255), 2, cv2.LINE_AA)
    cv2.putText(image, "BAG", (43, 124), cv2.FONT_HERSHEY_DUPLEX, 1.25, (255, 255, 255, 255), 3,
                cv2.LINE_AA)  # fmt: skip
    return image


def birthday_card(size: int = 160) -> np.ndarray:
    """A greeting card standing half open, with a balloon on its front (BGRA)."""
    image = np.zeros((size, size, 4), np.uint8)
    back = np.array([[22, 30], [84, 18], [84, 148], [22, 140]], np.int32)
    front = np.array([[84, 18], [138, 34], [138, 150], [84, 148]], np.int32)
    cv2.fillConvexPoly(image, back, (225, 235, 245, 255), cv2.LINE_AA)
    cv2.fillConvexPoly(image, front, (120, 60, 200, 255), cv2.LINE_AA)  # raspberry
    for outline in (back, front):
        cv2.polylines(image, [outline], True, (70, 40, 110, 255), 2, cv2.LINE_AA)
    cv2.ellipse(image, (111, 70), (15, 19), 0, 0, 360, (40, 200, 250, 255), -1, cv2.LINE_AA)
    cv2.line(image, (111, 89), (106, 128), (255, 255, 255, 255), 2, cv2.LINE_AA)
    for row, word in ((40, "HAPPY"), (58, "BIRTH"), (76, "DAY")):
        cv2.putText(image, word, (28, row), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (120, 60, 200, 255), 2,
                    cv2.LINE_AA)  # fmt: skip
    return image


def cheese_pack(size: int = 160) -> np.ndarray:
    """A tray of sliced cheese under film with the scale's label (BGRA)."""
    image = np.zeros((size, size, 4), np.uint8)
    cv2.rectangle(image, (14, 34), (146, 136), (235, 235, 235, 255), -1, cv2.LINE_AA)  # tray
    for i in range(4):  # overlapping slices
        x = 24 + 22 * i
        cv2.rectangle(image, (x, 44), (x + 52, 126), (70, 200, 245, 255), -1, cv2.LINE_AA)
        cv2.rectangle(image, (x, 44), (x + 52, 126), (40, 150, 200, 255), 1, cv2.LINE_AA)
    cv2.rectangle(image, (84, 94), (142, 132), (255, 255, 255, 255), -1)  # the label
    for j in range(10):  # its barcode
        cv2.line(image, (90 + 4 * j, 112), (90 + 4 * j, 128), (0, 0, 0, 255), 1 + j % 2)
    cv2.putText(image, "kg", (92, 106), cv2.FONT_HERSHEY_SIMPLEX, 0.35, (0, 0, 0, 255), 1,
                cv2.LINE_AA)  # fmt: skip
    cv2.rectangle(image, (14, 34), (146, 136), (150, 150, 150, 255), 2, cv2.LINE_AA)
    return image


def main() -> int:
    out = DEMO / "pictures"
    out.mkdir(exist_ok=True)
    with open(DEMO / "demo_catalog.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        label = row["labels"].split(";")[0]
        cv2.imwrite(str(out / f"{row['sku']}.png"), exemplar_picture(DEMO / "exemplars" / label))
    cv2.imwrite(str(out / f"{CARRIER_BAG.sku}.png"), carrier_bag())
    cv2.imwrite(str(out / f"{BIRTHDAY_CARD.sku}.png"), birthday_card())
    cv2.imwrite(str(out / f"{DELI_CHEESE.sku}.png"), cheese_pack())
    print(f"{len(rows) + 3} pictures in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
