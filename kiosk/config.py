"""Find, read, merge and validate the kiosk's settings.

Precedence, lowest first: defaults, the TOML file, ``KIOSK_<SECTION>_<KEY>`` environment
variables, command-line overrides. The file is ``--config FILE`` when given, else
``$KIOSK_HOME/kiosk.toml`` for a self-contained install, else ``kiosk.toml`` in the platform's
config directory; a missing default file simply means defaults. Every problem is reported
with its dotted key and where the value came from, all at once, so one edit fixes them all.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.config_schema import (
    CHECKS,
    FIELD_TYPES,
    SECTIONS,
    PathSettings,
    Settings,
    coerce,
    cross_field_problems,
)
from kiosk.errors import KioskError
from kiosk.pricing import MoneyStyle, use_money_style

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "APP_NAME",
    "CONFIG_FILENAME",
    "ConfigError",
    "Settings",
    "SettingsFileExists",
    "bundled_model_path",
    "default_config_file",
    "demo_catalog_path",
    "demo_video_path",
    "ensure_data_dirs",
    "load_settings",
    "load_settings_with_sources",
    "model_choice",
    "model_path",
    "setting_items",
    "with_overrides",
]

APP_NAME = "vision-checkout-kiosk"
CONFIG_FILENAME = "kiosk.toml"
DATABASE_FILENAME = "catalog.sqlite"
HOME_ENV = "KIOSK_HOME"
DEFAULT = "default"
CLI = "command line"


class ConfigError(KioskError):
    """The settings file, environment or command line holds a value the kiosk cannot use."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n  ".join(problems)
        super().__init__(f"invalid settings (fix these and start again):\n  {lines}")


class SettingsFileExists(KioskError):
    """``kiosk config init`` would overwrite a settings file someone may have edited."""


def _demo_dir() -> Path:
    return Path(str(resources.files("models.demo")))


def bundled_model_path() -> Path:
    """The demo store's ONNX model shipped inside the ``models`` package."""
    return _demo_dir() / "demo.onnx"


def demo_video_path() -> Path:
    """A short counter video for trying the kiosk without a camera."""
    return _demo_dir() / "demo_video.mp4"


def demo_catalog_path() -> Path:
    """The demo store's products, in the catalog CSV import format."""
    return _demo_dir() / "demo_catalog.csv"


def model_path(settings: Settings) -> Path:
    """The model to load: the configured one; else the one installed with ``kiosk model
    install``; else the bundled demo model."""
    return model_choice(settings)[0]


def model_choice(settings: Settings) -> tuple[Path, str]:
    """The model to load and why that one, in words for staff."""
    if settings.detector.model:
        return Path(settings.detector.model), "named in the settings ([detector] model)"
    from kiosk.model_store import ModelStore

    store = ModelStore.in_data_dir(settings.paths.data_dir)
    installed = store.current()
    if installed is None:
        return bundled_model_path(), "the bundled demo model; none installed"
    when = installed.installed_at[:16].replace("T", " ")
    return store.directory / installed.file, f"installed {when} UTC by {installed.by}"


def _home(environ: Mapping[str, str]) -> Path | None:
    home = environ.get(HOME_ENV, "").strip()
    return Path(home).expanduser().resolve() if home else None


def default_config_file(environ: Mapping[str, str] | None = None) -> Path:
    """Where the kiosk looks for its settings when no ``--config`` is given."""
    home = _home(os.environ if environ is None else environ)
    if home is not None:
        return home / CONFIG_FILENAME
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILENAME


def _default_data_dir(environ: Mapping[str, str]) -> tuple[Path, str]:
    home = _home(environ)
    if home is not None:
        return home / "data", f"env {HOME_ENV}"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)), DEFAULT


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError([f"{path}: settings file not found; check the --config path"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read settings file: {exc}"]) from None


class _Merger:
    """Collects values and where each came from, and every problem found on the way."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.sources: dict[str, str] = {}
        self.problems: list[str] = []

    def put(self, key: str, value: Any, source: str, *, text: bool = False) -> None:
        section, _, name = key.partition(".")
        kind = FIELD_TYPES.get(section, {}).get(name)
        if kind is None:
            self.problems.append(f"{source}: unknown setting {key!r}{_suggest(section, name)}")
            return
        try:
            parsed = coerce(value, kind, text=text)
        except ValueError as exc:
            self.problems.append(f"{source}: {key}: {exc}")
            return
        self.values[key] = parsed
        self.sources[key] = source

    def put_file(self, data: Mapping[str, Any], path: Path) -> None:
        for section, table in data.items():
            if section not in SECTIONS:
                self.problems.append(f"{path}: unknown section [{section}]{_suggest(section)}")
            elif not isinstance(table, dict):
                self.problems.append(f"{path}: {section} must be a table [{section}]")
            else:
                for name, value in table.items():
                    value = _relative_to(path.parent, value) if section == "paths" else value
                    self.put(f"{section}.{name}", value, str(path))


def _relative_to(base: Path, value: Any) -> Any:
    """Paths written in a settings file are relative to that file, not to the working dir."""
    if isinstance(value, str) and value.strip():
        path = Path(value).expanduser()
        return path if path.is_absolute() else base / path
    return value


def _suggest(section: str, name: str | None = None) -> str:
    if name is None:
        return f"; known sections: {', '.join(SECTIONS)}"
    if section not in FIELD_TYPES:
        return f"; known sections: {', '.join(SECTIONS)}"
    return f"; known keys in [{section}]: {', '.join(FIELD_TYPES[section])}"


def _env_overrides(merger: _Merger, environ: Mapping[str, str]) -> None:
    for section, names in FIELD_TYPES.items():
        for name in names:
            var = f"KIOSK_{section}_{name}".upper()
            if var in environ:
                merger.put(f"{section}.{name}", environ[var], f"env {var}", text=True)


def _fill_paths(merger: _Merger, environ: Mapping[str, str]) -> None:
    """Data locations follow ``data_dir`` unless set on their own."""
    if "paths.data_dir" not in merger.values:
        data_dir, source = _default_data_dir(environ)
        merger.values["paths.data_dir"], merger.sources["paths.data_dir"] = data_dir, source
    data_dir = merger.values["paths.data_dir"] = merger.values["paths.data_dir"].absolute()
    derived = {
        "database": DATABASE_FILENAME,
        "receipts_dir": "receipts",
        "logs_dir": "logs",
        "captures_dir": "captures",
        "pictures_dir": "pictures",
        "enrol_dir": "enrol",
    }
    for name, leaf in derived.items():
        key = f"paths.{name}"
        if key not in merger.values:
            merger.values[key] = data_dir / leaf
            merger.sources[key] = merger.sources["paths.data_dir"]
        merger.values[key] = merger.values[key].absolute()


def _build(merger: _Merger, config_file: Path | None) -> Settings:
    sections = {}
    for section, cls in SECTIONS.items():
        given = {
            name: merger.values[f"{section}.{name}"]
            for name in FIELD_TYPES[section]
            if f"{section}.{name}" in merger.values
        }
        sections[section] = cls(**given)
    settings = Settings(**sections, config_file=config_file)
    for key, check in CHECKS.items():
        section, _, name = key.partition(".")
        value = getattr(getattr(settings, section), name)
        problem = check(value)
        if problem:
            source = merger.sources.get(key, DEFAULT)
            merger.problems.append(f"{source}: {key} = {value!r} {problem}")
    for key, problem in cross_field_problems(settings):
        merger.problems.append(f"{merger.sources.get(key, DEFAULT)}: {key} {problem}")
    return settings


def load_settings_with_sources(
    config_file: str | Path | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> tuple[Settings, dict[str, str]]:
    """Load settings and say, per dotted key, where its value came from.

    ``overrides`` maps dotted keys (``"camera.source"``) to values given on the command line,
    either typed or as text. Raises ``ConfigError`` listing every problem found.
    """
    environ = os.environ if environ is None else environ
    merger = _Merger()
    if config_file is not None:
        path: Path | None = Path(config_file).expanduser().resolve()
    else:
        candidate = default_config_file(environ)
        path = candidate if candidate.is_file() else None
    if path is not None:
        merger.put_file(_read_toml(path), path)
    _env_overrides(merger, environ)
    for key, value in (overrides or {}).items():
        merger.put(key, value, CLI, text=isinstance(value, str))
    _fill_paths(merger, environ)
    settings = _build(merger, path)
    if merger.problems:
        raise ConfigError(merger.problems)
    # The store's way of writing money holds for everything this process shows or prints.
    use_money_style(MoneyStyle.parse(settings.checkout.money_format))
    sources = {key: merger.sources.get(key, DEFAULT) for key, _ in setting_items(settings)}
    return settings, sources


def load_settings(
    config_file: str | Path | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """The effective settings; see ``load_settings_with_sources`` for the arguments."""
    return load_settings_with_sources(config_file, overrides=overrides, environ=environ)[0]


def with_overrides(settings: Settings, overrides: Mapping[str, Any]) -> Settings:
    """A copy of ``settings`` with dotted keys changed, checked like a settings file is.

    For the admin screen and command-line options applied after loading; raises
    ``ConfigError`` naming the key when a value is wrong.
    """
    merger = _Merger()
    merger.values.update(setting_items(settings))
    for key, value in overrides.items():
        merger.put(key, value, CLI, text=isinstance(value, str))
    result = _build(merger, settings.config_file)
    if merger.problems:
        raise ConfigError(merger.problems)
    return result


def setting_items(settings: Settings) -> list[tuple[str, Any]]:
    """Every setting as (dotted key, value), in section order."""
    items = []
    for section in SECTIONS:
        values = getattr(settings, section)
        for f in dataclasses.fields(values):
            items.append((f"{section}.{f.name}", getattr(values, f.name)))
    return items


def ensure_data_dirs(paths: PathSettings) -> None:
    """Create the data, receipts and logs directories (and the database's parent)."""
    for directory in (paths.data_dir, paths.receipts_dir, paths.logs_dir, paths.database.parent):
        directory.mkdir(parents=True, exist_ok=True)
