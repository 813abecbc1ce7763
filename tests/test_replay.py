"""``kiosk replay``: the engine over a recorded detection stream, as a store would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main


def record(path: Path, frames: list[list[tuple[str, int, float, list[float]]]], fps=10) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i, dets in enumerate(frames):
            rows = [{"label": lab, "class_id": c, "score": s, "box": b} for lab, c, s, b in dets]
            row = {"frame": i, "t": round(i / fps, 3), "width": 640, "height": 480}
            out.write(json.dumps({**row, "detections": rows}) + "\n")
    return path


COLA = ("cola-can", 0, 0.9, [10.0, 10.0, 50.0, 50.0])
COLA2 = ("cola-can", 0, 0.88, [70.0, 10.0, 110.0, 50.0])
COLA3 = ("cola-can", 0, 0.91, [130.0, 10.0, 170.0, 50.0])
UNSURE = ("tea-box", 10, 0.3, [300.0, 200.0, 380.0, 260.0])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "home"))
    return tmp_path


def run_json(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> list[dict]:
    assert main(["replay", str(path), "--demo", "--json", *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_last_line_is_the_final_basket(home: Path, capsys) -> None:
    path = record(home / "rec.jsonl", [[COLA, COLA2, COLA3]] * 15)
    *timeline, final = run_json(capsys, path)
    assert final["final"] is True
    assert final["state"] == "ready"
    assert final["lines"] == [
        {"sku": "1001", "label": "cola-can", "name": "Fizz Cola can 330 ml", "quantity": 3,
         "unit_cents": 129, "line_cents": 387},
    ]  # fmt: skip
    assert final["promotions"][0]["line_cents"] == -129
    assert (final["subtotal_cents"], final["tax_cents"], final["total_cents"]) == (258, 41, 258)
    assert final["doubts"] == []
    assert [e["state"] for e in timeline] == ["scanning", "ready"]


def test_flicker_in_the_recording_does_not_reach_the_timeline(home: Path, capsys) -> None:
    frames = [[COLA, COLA2]] * 12 + [[COLA]] + [[COLA, COLA2]] * 12 + [[]] + [[COLA, COLA2]] * 5
    *timeline, final = run_json(capsys, record(home / "rec.jsonl", frames))
    totals = [e["total_cents"] for e in timeline if e["settled"]]
    assert set(totals) == {258}
    assert final["total_cents"] == 258


def test_doubt_is_reported_with_its_region_and_blocks(home: Path, capsys) -> None:
    frames = [[COLA, UNSURE]] * 15
    final = run_json(capsys, record(home / "rec.jsonl", frames))[-1]
    assert final["state"] == "blocked"
    (doubt,) = final["doubts"]
    assert (doubt["kind"], doubt["label"]) == ("low_confidence", "tea-box")
    assert doubt["region"] == [300.0, 200.0, 380.0, 260.0]
    assert final["block_reasons"] == [doubt["message"]]


def test_text_timeline_ends_with_the_final_basket(home: Path, capsys) -> None:
    path = record(home / "rec.jsonl", [[]] * 10 + [[COLA]] * 10 + [[]] * 10)
    assert main(["replay", str(path), "--demo"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("ready" in line and "1 × cola-can" in line and "€1.29" in line for line in lines)
    assert lines[-1].startswith("final:") and "welcome" in lines[-1]


def test_replay_with_a_catalog_file(home: Path, capsys) -> None:
    from catalog.db import connect
    from catalog.demo import seed_demo
    from kiosk.config import demo_catalog_path

    db = connect(home / "c.db")
    seed_demo(db, demo_catalog_path())
    db.close()
    capsys.readouterr()
    path = record(home / "rec.jsonl", [[COLA]] * 12)
    assert main(["replay", str(path), "--db", str(home / "c.db"), "--json"]) == 0
    final = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert final["total_cents"] == 129


def test_missing_catalog_says_what_to_do(home: Path, capsys) -> None:
    path = record(home / "rec.jsonl", [[COLA]])
    assert main(["replay", str(path), "--db", str(home / "none.db")]) == 1
    assert "No catalog at" in capsys.readouterr().err


def test_broken_recording_names_the_line(home: Path, capsys) -> None:
    path = home / "bad.jsonl"
    path.write_text('{"frame": 0, "t": 0, "detections": []}\n{"frame": 1, "t": \n', "utf-8")
    assert main(["replay", str(path), "--demo"]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl, line 2: not a `kiosk detect` frame" in err


def test_empty_recording_is_an_error(home: Path, capsys) -> None:
    path = home / "empty.jsonl"
    path.write_text("", "utf-8")
    assert main(["replay", str(path), "--demo"]) == 1
    assert "holds no frames" in capsys.readouterr().err
