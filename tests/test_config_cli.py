"""``kiosk config show|path|init`` through the real command-line entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_settings
from kiosk.config_schema import FIELD_DOCS


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "kiosk-home"
    monkeypatch.setenv("KIOSK_HOME", str(home))
    for var in ("KIOSK_CAMERA_SOURCE", "KIOSK_CAMERA_FPS"):
        monkeypatch.delenv(var, raising=False)
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_lists_every_setting_with_its_source(home: Path, capsys, monkeypatch) -> None:
    home.mkdir()
    (home / "kiosk.toml").write_text("[camera]\nsource = 'demo'\n")
    monkeypatch.setenv("KIOSK_CAMERA_FPS", "25")
    code, out, _ = run(capsys, "config", "show")
    assert code == 0
    assert f"# settings file: {home.resolve() / 'kiosk.toml'}" in out
    assert 'camera.source = "demo"' in out
    assert f"# {home.resolve() / 'kiosk.toml'}" in out
    assert "camera.fps = 25.0" in out and "# env KIOSK_CAMERA_FPS" in out
    assert "detector.accept_conf = 0.5" in out
    assert "paths.database" in out and "# env KIOSK_HOME" in out


def test_show_json(home: Path, capsys) -> None:
    code, out, _ = run(capsys, "config", "show", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["config_file"] is None
    assert data["settings"]["checkout.currency"] == {"value": "EUR", "source": "default"}
    assert data["settings"]["paths.data_dir"]["value"] == str(home.resolve() / "data")


def test_explicit_config_option(home: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "shop.toml"
    other.write_text("[checkout]\nkiosk_id = 'till-7'\n")
    code, out, _ = run(capsys, "--config", str(other), "config", "show")
    assert code == 0
    assert 'checkout.kiosk_id = "till-7"' in out


def test_bad_settings_exit_nonzero_with_key_and_file(home: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[camera]\nfps = 'fast'\n")
    code, out, err = run(capsys, "--config", str(bad), "config", "show")
    assert code == 1
    assert out == ""
    assert f"{bad}: camera.fps: expected a number, got 'fast'" in err


def test_path_lists_locations(home: Path, capsys) -> None:
    code, out, _ = run(capsys, "config", "path", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["config_file"] == str(home.resolve() / "kiosk.toml")
    assert data["database"] == str(home.resolve() / "data" / "catalog.sqlite")
    assert data["receipts_dir"].endswith("receipts")
    assert data["logs_dir"].endswith("logs")
    code, out, _ = run(capsys, "config", "path")
    assert "database" in out and "(not created yet)" in out


def test_init_writes_a_file_that_loads_as_the_defaults(home: Path, capsys) -> None:
    code, _, _ = run(capsys, "config", "init")
    written = home / "kiosk.toml"
    assert code == 0 and written.is_file()
    text = written.read_text()
    assert "# accept_conf = 0.5" in text
    assert "# a detection at or above this counts as the item" in text
    settings = load_settings(written, environ={"KIOSK_HOME": str(home)})
    assert settings == load_settings(environ={"KIOSK_HOME": str(home)})


def test_init_uncommented_lines_are_valid(tmp_path: Path, home: Path, capsys) -> None:
    target = tmp_path / "full.toml"
    run(capsys, "config", "init", str(target))
    setting = re.compile(r"^# (\w+) = (?!\"\.\.\.\")")  # "# key = value", not the paths
    lines = [line[2:] if setting.match(line) else line for line in target.read_text().splitlines()]
    not_paths = [key for key in FIELD_DOCS if not key.startswith("paths.")]
    assert sum(1 for line in target.read_text().splitlines() if setting.match(line)) == len(
        not_paths
    )
    target.write_text("\n".join(lines))
    assert load_settings(target, environ={}).camera.source == "0"


def test_init_refuses_to_overwrite(home: Path, capsys) -> None:
    run(capsys, "config", "init")
    code, _, err = run(capsys, "config", "init")
    assert code == 1
    assert "already exists; use --force" in err
    code, _, _ = run(capsys, "config", "init", "--force")
    assert code == 0
