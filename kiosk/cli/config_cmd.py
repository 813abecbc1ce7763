"""``kiosk config show|path|init``: what the kiosk will use, where it keeps things."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("config", help="show settings and where files live")
    commands = parser.add_subparsers(dest="config_command", metavar="ACTION", required=True)

    show = commands.add_parser("show", help="effective settings and where each comes from")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(func=show_settings)

    path = commands.add_parser("path", help="settings file, data, database, receipts, logs")
    path.add_argument("--json", action="store_true", help="print one JSON object")
    path.set_defaults(func=show_paths)

    init = commands.add_parser("init", help="write a commented settings file with the defaults")
    init.add_argument("file", nargs="?", help="where to write it (default: the settings file)")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(func=init_settings)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value))  # a TOML basic string for the texts we hold


def show_settings(args: argparse.Namespace) -> int:
    from kiosk.config import load_settings_with_sources, setting_items

    settings, sources = load_settings_with_sources(args.config)
    items = [(key, _hide_secret(key, value)) for key, value in setting_items(settings)]
    if args.json:
        values = {key: {"value": _jsonable(v), "source": sources[key]} for key, v in items}
        print(json.dumps({"config_file": _jsonable(settings.config_file), "settings": values}))
        return 0
    print(f"# settings file: {settings.config_file or 'none (defaults)'}")
    width = max(len(key) + len(_toml_value(v)) for key, v in items) + 3
    for key, value in items:
        line = f"{key} = {_toml_value(value)}"
        print(f"{line:<{width}}  # {sources[key]}")
    return 0


SECRETS = ("payment.token",)


def _hide_secret(key: str, value: Any) -> Any:
    """A secret is shown as set or not, never as itself (settings get pasted into tickets)."""
    return ("(set)" if value else "") if key in SECRETS else value


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Path) else value


def show_paths(args: argparse.Namespace) -> int:
    from kiosk.config import default_config_file, load_settings

    settings = load_settings(args.config)
    config_file = settings.config_file or (
        Path(args.config) if args.config else default_config_file()
    )
    rows = {
        "config_file": config_file,
        "data_dir": settings.paths.data_dir,
        "database": settings.paths.database,
        "receipts_dir": settings.paths.receipts_dir,
        "logs_dir": settings.paths.logs_dir,
    }
    if args.json:
        print(json.dumps({k: str(v) for k, v in rows.items()}))
        return 0
    for name, path in rows.items():
        note = "" if path.exists() else "  (not created yet)"
        print(f"{name:<13} {path}{note}")
    return 0


def default_toml() -> str:
    """A settings file listing every key, commented out at its default, with its meaning."""
    from kiosk.config_schema import FIELD_DOCS, SECTIONS, Settings

    defaults = Settings()
    lines = [
        "# Vision checkout kiosk settings. Uncomment a line to change it;",
        "# `kiosk config show` prints the effective values and where each comes from.",
    ]
    for section in SECTIONS:
        lines += ["", f"[{section}]"]
        for key, doc in FIELD_DOCS.items():
            prefix, _, name = key.partition(".")
            if prefix != section:
                continue
            value = getattr(getattr(defaults, section), name)
            shown = '"..."' if section == "paths" else _toml_value(value)
            lines += [f"# {doc}", f"# {name} = {shown}"]
    return "\n".join(lines) + "\n"


def init_settings(args: argparse.Namespace) -> int:
    from kiosk.config import SettingsFileExists, default_config_file

    target = Path(args.file or args.config or default_config_file()).expanduser()
    if target.exists() and not args.force:
        raise SettingsFileExists(f"{target} already exists; use --force to overwrite it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(default_toml(), encoding="utf-8")
    print(f"wrote {target}")
    return 0
