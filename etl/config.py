"""Settings from parley.toml and PARLEY_* environment variables, each with its help text."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("data/parley.duckdb")
DEFAULT_CONFIG = Path("parley.toml")

SETTINGS_HELP = {
    "warehouse.path": ("data/parley.duckdb", "The warehouse file. Overridden by PARLEY_DB and by --db."),
    "sources[].kind": ("", "Source kind: hsg-travels, hsg-visits, table, articles, gdelt or icews."),
    "sources[].path": ("", "A file or directory of that kind, relative to the config file."),
    "sources[].url": ("", "gdelt only: GDELT's file list (masterfilelist.txt or lastupdate.txt); every refresh first "
                           "fetches the exports newer than those in `path`."),
    "sources[].stale_after_days": ("7", "parley status warns when a source has not loaded for this long."),
    "sources[].publisher": ("", "articles only: whose releases these are, as a country (\"USA\", \"India\"); their "
                                 "officials named without a country ('Secretary Blinken') are that government's. "
                                 "Else the front matter's `publisher`, else the URL's government domain."),
}


class ConfigError(Exception):
    """The config file is missing, unreadable or wrong; the message says where."""


@dataclass
class SourceConfig:
    """One configured input: a source kind and a file or directory."""

    kind: str
    path: Path
    stale_after_days: float = 7.0
    url: str | None = None
    publisher: str | None = None  # ISO3


@dataclass
class Settings:
    """Everything Parley reads from its config file and environment."""

    db_path: Path = DEFAULT_DB
    sources: list[SourceConfig] = field(default_factory=list)
    config_path: Path | None = None


def load_settings(config: Path | None = None, db: Path | None = None) -> Settings:
    """Settings from the config file (if present), then PARLEY_DB, then --db, each overriding the last."""
    path = config or Path(os.environ.get("PARLEY_CONFIG", DEFAULT_CONFIG))
    settings = Settings()
    if path.exists():
        settings = _read(path)
    elif config is not None:
        raise ConfigError(f"{config}: config file not found")
    if os.environ.get("PARLEY_DB"):
        settings.db_path = Path(os.environ["PARLEY_DB"])
    if db is not None:
        settings.db_path = db
    return settings


def _publisher(path: Path, index: int, source: dict) -> str | None:
    from etl.resolve.publishers import publisher_code

    value = source.get("publisher")
    if not value:
        return None
    if source["kind"] != "articles":
        raise ConfigError(f"{path}: sources #{index}: 'publisher' is only for kind 'articles'")
    code = publisher_code(str(value))
    if code is None:
        raise ConfigError(f"{path}: sources #{index}: publisher '{value}' is not a country")
    return code


def _read(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    base = path.parent
    settings = Settings(config_path=path)
    warehouse = data.get("warehouse", {})
    if "path" in warehouse:
        settings.db_path = base / warehouse["path"]
    for index, source in enumerate(data.get("sources", []), start=1):
        for key in ("kind", "path"):
            if not source.get(key):
                raise ConfigError(f"{path}: sources #{index}: '{key}' is missing")
        if source.get("url") and source["kind"] != "gdelt":
            raise ConfigError(f"{path}: sources #{index}: 'url' is only for kind 'gdelt'")
        settings.sources.append(SourceConfig(source["kind"], base / source["path"],
                                             float(source.get("stale_after_days", 7)), source.get("url") or None,
                                             _publisher(path, index, source)))
    return settings
