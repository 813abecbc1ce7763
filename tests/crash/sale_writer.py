"""Record random sales (and refund some of them) in a loop until killed: the victim in the
ledger crash test.

Usage: ``python -m tests.crash.sale_writer DB KEYS_FILE SEED``. Before recording each sale
it appends the sale (as JSON, one line) to KEYS_FILE, so whoever kills it knows which sale
may have been interrupted and can retry exactly that draft.
"""

from __future__ import annotations

import os
import random
import sys
import uuid

from catalog.db import connect
from catalog.intents import draft_to_json
from catalog.models import SaleDraft, SaleLine
from catalog.refunds import record_refund
from catalog.sales import record_sale

NAMES = ("Fizz Cola can", "Crisps salted", "Apple (each)", "Red Wine", "Honey 500 g", "Tea box")


def random_draft(rng: random.Random, key: str) -> SaleDraft:
    """A consistent draft with 1-8 lines, sometimes a promotion, tax in or out."""
    lines = []
    for _ in range(rng.randint(1, 8)):
        quantity, unit = rng.randint(1, 5), rng.randint(0, 2000)
        sku = str(rng.randint(1001, 1016))
        name = rng.choice(NAMES)
        lines.append(SaleLine(sku, name, quantity, unit, quantity * unit, rng.choice((700, 1900))))
    if rng.random() < 0.3:
        lines.append(
            SaleLine(
                lines[0].sku,
                "3 for 2",
                1,
                -lines[0].unit_cents,
                -lines[0].unit_cents,
                1900,
                0,
                "promotion",
            )
        )
    subtotal = sum(line.line_cents for line in lines)
    inclusive = rng.random() < 0.5
    tax = rng.randint(0, max(0, subtotal) // 5)
    total = subtotal + (0 if inclusive else tax)
    if total < 0:
        lines = lines[:-1]
        subtotal = total = sum(line.line_cents for line in lines)
        tax, inclusive = 0, True
    return SaleDraft(
        key,
        tuple(lines),
        subtotal,
        tax,
        total,
        "EUR",
        inclusive,
        payment_ref=f"ref-{rng.randint(0, 10**9)}",
        kiosk_id="kiosk-1",
    )


def drop_torn_line(keys_path: str) -> None:
    """Cut off a line the previous writer died writing; its sale was never recorded.

    A SIGKILL can stop a write() between pages, leaving part of a line without its newline,
    and the next line appended would be glued to it.
    """
    if not os.path.exists(keys_path):
        return
    with open(keys_path, "rb+") as keys:
        data = keys.read()
        if data and not data.endswith(b"\n"):
            keys.truncate(data.rfind(b"\n") + 1)


def main(db_path: str, keys_path: str, seed: int) -> int:
    rng = random.Random(seed)
    db = connect(db_path)
    drop_torn_line(keys_path)
    print("ready", flush=True)
    with open(keys_path, "a", encoding="utf-8") as keys:
        while True:
            draft = random_draft(rng, str(uuid.UUID(int=rng.getrandbits(128), version=4)))
            keys.write(draft_to_json(draft) + "\n")
            keys.flush()  # in the page cache now: survives SIGKILL (not a power cut)
            sale = record_sale(db, draft)
            if rng.random() < 0.4 and sale.draft.total_cents > 0:  # a kill may land in a refund
                record_refund(db, sale, None, key=f"{draft.idempotency_key}-back",
                              staff="Ann", reason="crash test", method="card")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
