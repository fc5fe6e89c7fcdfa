"""One refresh: load every configured source into the next warehouse and publish it, unless nothing changed."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from etl.config import Settings, SourceConfig
from etl.execution import Execution
from etl.load import LoadError, input_files, load
from etl.registry import SOURCE_KINDS
from etl.sources.gdelt_fetch import FetchError, fetch_new_exports
from etl.warehouse.connection import STORAGE_VERSION, schema_version, storage_version
from etl.warehouse.inputs import loaded_inputs, split_changed
from etl.warehouse.publish import LOCK_TIMEOUT_SECONDS, staged
from etl.warehouse.safe_sql import connect_read_only
from etl.warehouse.writer import RunSummary

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


@dataclass
class RefreshResult:
    """What one refresh did."""

    summaries: list[RunSummary] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    published: bool = False
    fetched: int = 0


def changed_inputs(db_path: Path, sources: list[SourceConfig]) -> list[str]:
    """Inputs whose content, or reader, differs from what the live warehouse loaded (all of them when there is none)."""
    loaded: dict[str, tuple[str, str]] = {}
    if db_path.exists():
        with connect_read_only(db_path) as con:
            loaded = loaded_inputs(con)
    changed: list[str] = []
    for source in sources:
        found, _ = split_changed(input_files(source.kind, [source.path]), SOURCE_KINDS[source.kind].version(), loaded)
        changed += found
    return changed


def outdated_format(db_path: Path) -> bool:
    """True when an older Parley wrote the live warehouse: another storage format, or an older schema of views."""
    if not db_path.exists():
        return False
    with connect_read_only(db_path) as con:
        schema = con.execute("select value from store.meta where key = 'schema_version'").fetchone()
        return not storage_version(con).startswith(STORAGE_VERSION) or schema is None or schema[0] != schema_version()


def run_refresh(settings: Settings, force: bool = False, show_progress: bool = False,
                lock_timeout: float = LOCK_TIMEOUT_SECONDS, execution: Execution | None = None) -> RefreshResult:
    """Load new or changed inputs of every source and publish; a no-op when nothing changed."""
    result = RefreshResult()
    _fetch(settings.sources, result)
    # An older warehouse first: its input_files may lack what changed_inputs reads.
    if not force and not outdated_format(settings.db_path) and not changed_inputs(settings.db_path, settings.sources):
        return result
    with staged(settings.db_path, lock_timeout) as con:
        for source in settings.sources:
            try:
                result.summaries.append(load(con, source.kind, [source.path], force=force,
                                             show_progress=show_progress,
                                             options={"publisher": source.publisher}, execution=execution))
            except LoadError as exc:
                result.errors.append(f"{source.kind}: {exc}")
    result.published = True
    return result


def _fetch(sources: list[SourceConfig], result: RefreshResult) -> None:
    """Download new exports for sources with a URL; a failed fetch is an error, the refresh goes on offline."""
    for source in sources:
        if not source.url:
            continue
        try:
            fetched = fetch_new_exports(source.url, source.path)
        except FetchError as exc:
            result.errors.append(f"{source.kind}: {exc}")
            continue
        result.fetched += len(fetched.downloaded)
        result.errors.extend(f"{source.kind}: {failure}" for failure in fetched.failed)


def parse_interval(text: str) -> float:
    """Seconds in '15m', '1h', '30s', '1d' or a bare number of seconds."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"'{text}' is not an interval like 15m, 1h or 30s")
    return float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]]
