"""What the warehouse holds and how fresh each source is."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from etl.warehouse.checks import CheckResult
from etl.warehouse.queries import named_queries

STATUS_QUERIES = named_queries("status.sql")


@dataclass
class SourceFreshness:
    """When a source kind last loaded, and whether that is too long ago."""

    source_kind: str
    last_success: dt.datetime | None
    last_change: dt.datetime | None
    failed_runs: int
    stale: bool


def view_counts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    """Rows in each contract view."""
    return con.execute(STATUS_QUERIES["view_counts"]).fetchall()


def latest_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[tuple]:
    """The most recent ETL runs, newest first."""
    return con.execute(STATUS_QUERIES["latest_runs"], [limit]).fetchall()


def freshness(con: duckdb.DuckDBPyConnection, stale_after: dict[str, float] | None = None,
              now: dt.datetime | None = None) -> list[SourceFreshness]:
    """Per source kind: last successful load and whether it is older than its stale_after days (default 7)."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    result = []
    for kind, last_success, last_change, failed, _ in con.execute(STATUS_QUERIES["freshness"]).fetchall():
        limit = dt.timedelta(days=(stale_after or {}).get(kind, 7.0))
        stale = last_success is None or now - last_success > limit
        result.append(SourceFreshness(kind, last_success, last_change, failed, stale))
    return result


def rejects_by_reason(con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[tuple]:
    """The commonest reject reasons per source kind."""
    return con.execute(STATUS_QUERIES["rejects_by_reason"], [limit]).fetchall()


def last_checks(con: duckdb.DuckDBPyConnection) -> tuple[list[CheckResult], dt.datetime] | None:
    """The checks the last publish recorded and when it ran them (UTC), or None when none were recorded."""
    rows = con.execute(STATUS_QUERIES["last_checks"]).fetchall()
    if not rows:
        return None
    return [CheckResult(name, bad, ok) for name, bad, ok, _ in rows], max(at for *_, at in rows)
