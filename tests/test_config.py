"""Settings: defaults, file, KIOSK_HOME, environment and command-line overrides, validation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.config import (
    ConfigError,
    bundled_model_path,
    default_config_file,
    demo_catalog_path,
    demo_video_path,
    ensure_data_dirs,
    load_settings,
    load_settings_with_sources,
    model_path,
    setting_items,
)
from kiosk.errors import KioskError


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def env_for(home: Path, **extra: str) -> dict[str, str]:
    return {"KIOSK_HOME": str(home), **extra}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_documented_defaults(home: Path) -> None:
    s = load_settings(environ=env_for(home))
    assert s.detector.accept_conf == 0.5
    assert s.detector.doubt_conf == 0.25
    assert s.detector.providers == "auto"
    assert s.detector.model == ""
    assert s.checkout.currency == "EUR"
    assert s.checkout.tax_inclusive is True
    assert s.checkout.rounding == "per_line"
    assert s.checkout.settle_seconds == 0.6
    assert s.checkout.receipt_timeout_seconds == 20
    assert s.camera.source == "0"
    assert s.camera.stall_seconds == 2.0
    assert (s.staff.lockout_attempts, s.staff.lockout_seconds) == (5, 300)
    assert s.ui.fullscreen is False
    assert s.config_file is None


def test_kiosk_home_holds_config_and_data(home: Path) -> None:
    write(home / "kiosk.toml", '[camera]\nsource = "counter.mp4"\n')
    s, sources = load_settings_with_sources(environ=env_for(home))
    assert s.config_file == (home / "kiosk.toml").resolve()
    assert s.camera.source == "counter.mp4"
    assert sources["camera.source"] == str(home.resolve() / "kiosk.toml")
    assert s.paths.data_dir == home.resolve() / "data"
    assert s.paths.database == home.resolve() / "data" / "catalog.sqlite"
    assert s.paths.receipts_dir == home.resolve() / "data" / "receipts"
    assert s.paths.logs_dir == home.resolve() / "data" / "logs"
    assert sources["paths.database"] == "env KIOSK_HOME"
    assert default_config_file(env_for(home)) == home.resolve() / "kiosk.toml"


def test_platform_dirs_without_kiosk_home() -> None:
    s, sources = load_settings_with_sources(environ={})
    assert "vision-checkout-kiosk" in str(s.paths.data_dir)
    assert s.paths.database.name == "catalog.sqlite"
    assert sources["paths.data_dir"] == "default"
    assert default_config_file({}).name == "kiosk.toml"
    assert "vision-checkout-kiosk" in str(default_config_file({}))


def test_explicit_config_file_wins_over_kiosk_home(home: Path, tmp_path: Path) -> None:
    write(home / "kiosk.toml", "[ui]\nfullscreen = true\n")
    other = write(tmp_path / "other.toml", "[ui]\nlanguage = 'de'\n")
    s = load_settings(other, environ=env_for(home))
    assert s.ui.language == "de"
    assert s.ui.fullscreen is False


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match=r"nope\.toml: settings file not found"):
        load_settings(missing, environ={})


def test_config_error_is_a_kiosk_error() -> None:
    assert issubclass(ConfigError, KioskError)


def test_bad_toml_names_file(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", "[camera\nsource = 1\n")
    with pytest.raises(ConfigError, match=r"bad\.toml: not valid TOML"):
        load_settings(bad, environ={})


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[camera]\nfps = 'fast'\n", r"camera\.fps: expected a number, got 'fast'"),
        ("[camera]\nstall_seconds = inf\n", r"camera\.stall_seconds: expected a finite number"),
        ("[camera]\nwidth = 640.5\n", r"camera\.width: expected a whole number"),
        ("[camera]\nloop = 1\n", r"camera\.loop: expected true or false, got 1 \(int\)"),
        ("[camera]\nsource = 0\n", r"camera\.source: expected text, got 0 \(int\)"),
        ("[camera]\nframerate = 30\n", r"unknown setting 'camera\.framerate'.*known keys"),
        ("[kamera]\nsource = '0'\n", r"unknown section \[kamera\]"),
        ("camera = 3\n", r"camera must be a table"),
        (
            "[detector]\naccept_conf = 1.5\n",
            r"detector\.accept_conf = 1\.5 must be between 0 and 1",
        ),
        ("[detector]\ndoubt_conf = -0.1\n", r"detector\.doubt_conf = -0\.1 must be between"),
        (
            "[detector]\naccept_conf = 0.3\ndoubt_conf = 0.4\n",
            r"detector\.doubt_conf \(0\.4\) must not exceed detector\.accept_conf \(0\.3\)",
        ),
        ("[detector]\nproviders = 'gpu'\n", r"detector\.providers.*unknown provider"),
        ("[detector]\nimgsz = 300\n", r"detector\.imgsz = 300 must be 0 .* multiple of 32"),
        ("[checkout]\nrounding = 'per_item'\n", r"checkout\.rounding.*per_line, per_sale"),
        ("[checkout]\ncurrency = 'euro'\n", r"checkout\.currency.*ISO 4217"),
        ("[camera]\nstall_seconds = 0\n", r"camera\.stall_seconds = 0\.0 must be greater than 0"),
        ("[staff]\nlockout_attempts = 0\n", r"staff\.lockout_attempts = 0 must be at least 1"),
    ],
)
def test_bad_values_name_key_and_file(tmp_path: Path, toml: str, message: str) -> None:
    path = write(tmp_path / "kiosk.toml", toml)
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(path, environ={})
    assert str(path) in str(info.value)


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path / "k.toml", "[camera]\nfps = 'x'\nwidth = -1\n[ui]\ncolour = 'red'\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ={})
    assert len(info.value.problems) == 3


def test_valid_file_values_and_int_for_float(tmp_path: Path) -> None:
    path = write(
        tmp_path / "k.toml",
        "[camera]\nsource = 'rtsp://cam/1'\nwidth = 1280\nheight = 720\nfps = 30\n"
        "[detector]\nproviders = 'cuda, cpu'\nimgsz = 416\n[staff]\nlockout_seconds = 60\n",
    )
    s = load_settings(path, environ={})
    assert (s.camera.width, s.camera.height, s.camera.fps) == (1280, 720, 30.0)
    assert isinstance(s.camera.fps, float)
    assert s.detector.imgsz == 416
    assert s.staff.lockout_seconds == 60.0


def test_relative_paths_in_file_are_relative_to_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "k.toml", "[paths]\ndata_dir = 'store'\n")
    s = load_settings(path, environ={})
    assert s.paths.data_dir == tmp_path.resolve() / "conf" / "store"
    assert s.paths.database == s.paths.data_dir / "catalog.sqlite"


def test_database_can_be_placed_on_its_own(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite"
    path = write(tmp_path / "k.toml", f"[paths]\ndatabase = '{db.as_posix()}'\n")
    s = load_settings(path, environ=env_for(tmp_path / "h"))
    assert s.paths.database == db
    assert s.paths.receipts_dir == (tmp_path / "h").resolve() / "data" / "receipts"


def test_environment_overrides_file(tmp_path: Path, home: Path) -> None:
    write(home / "kiosk.toml", "[camera]\nfps = 15\nloop = true\n")
    env = env_for(home, KIOSK_CAMERA_FPS="25", KIOSK_CAMERA_LOOP="no")
    s, sources = load_settings_with_sources(environ=env)
    assert s.camera.fps == 25.0
    assert s.camera.loop is False
    assert sources["camera.fps"] == "env KIOSK_CAMERA_FPS"


def test_bad_environment_value_names_variable() -> None:
    with pytest.raises(ConfigError, match=r"env KIOSK_DETECTOR_THREADS: detector\.threads"):
        load_settings(environ={"KIOSK_DETECTOR_THREADS": "many"})


def test_cli_overrides_win_and_accept_text_or_values(home: Path) -> None:
    env = env_for(home, KIOSK_CAMERA_SOURCE="env.mp4")
    s, sources = load_settings_with_sources(
        environ=env,
        overrides={
            "camera.source": "cli.mp4",
            "detector.accept_conf": "0.7",
            "ui.fullscreen": True,
        },
    )
    assert s.camera.source == "cli.mp4"
    assert s.detector.accept_conf == 0.7
    assert s.ui.fullscreen is True
    assert sources["camera.source"] == "command line"


def test_unknown_cli_override_is_an_error() -> None:
    with pytest.raises(ConfigError, match=r"command line: unknown setting 'camera\.zoom'"):
        load_settings(environ={}, overrides={"camera.zoom": 2})


def test_settings_are_frozen_and_replaceable(home: Path) -> None:
    s = load_settings(environ=env_for(home))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.camera.source = "1"  # type: ignore[misc]
    changed = dataclasses.replace(s, camera=dataclasses.replace(s.camera, source="1"))
    assert changed.camera.source == "1"
    assert s.camera.source == "0"


def test_setting_items_cover_every_section(home: Path) -> None:
    keys = [k for k, _ in setting_items(load_settings(environ=env_for(home)))]
    assert {k.split(".")[0] for k in keys} == {
        "camera",
        "detector",
        "checkout",
        "ui",
        "store",
        "staff",
        "printer",
        "payment",
        "captures",
        "vouchers",
        "labels",
        "paths",
    }
    assert "checkout.kiosk_id" in keys


def test_demo_asset_paths_point_into_models_package() -> None:
    for path, name in [
        (bundled_model_path(), "demo.onnx"),
        (demo_video_path(), "demo_video.mp4"),
        (demo_catalog_path(), "demo_catalog.csv"),
    ]:
        assert path.name == name
        assert path.parent.name == "demo"
        assert path.parent.parent.name == "models"
    assert demo_catalog_path().is_file()


def test_model_path_defaults_to_bundled(home: Path, tmp_path: Path) -> None:
    assert model_path(load_settings(environ=env_for(home))) == bundled_model_path()
    custom = load_settings(environ={}, overrides={"detector.model": str(tmp_path / "m.onnx")})
    assert model_path(custom) == tmp_path / "m.onnx"


def test_ensure_data_dirs_creates_them(home: Path) -> None:
    s = load_settings(environ=env_for(home))
    ensure_data_dirs(s.paths)
    assert s.paths.receipts_dir.is_dir()
    assert s.paths.logs_dir.is_dir()
    assert s.paths.database.parent.is_dir()


def test_with_overrides_checks_like_a_file(home: Path) -> None:
    from kiosk.config import with_overrides

    s = load_settings(environ=env_for(home))
    changed = with_overrides(s, {"camera.source": "demo", "detector.accept_conf": 0.8})
    assert (changed.camera.source, changed.detector.accept_conf) == ("demo", 0.8)
    assert changed.paths == s.paths
    assert s.camera.source == "0"
    with pytest.raises(ConfigError, match=r"detector\.doubt_conf \(0\.9\) must not exceed"):
        with_overrides(s, {"detector.doubt_conf": 0.9})
    with pytest.raises(ConfigError, match=r"camera\.loop: expected true or false"):
        with_overrides(s, {"camera.loop": "maybe"})
