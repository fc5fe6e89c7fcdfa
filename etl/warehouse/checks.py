"""Contract checks over the views: unique keys, not-null fields, references between views."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

from etl.warehouse.queries import named_queries


@dataclass
class CheckResult:
    """One check: its name, how many rows break it, and whether it passed."""

    check: str
    offending_rows: int
    passed: bool


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Run every check in checks.sql."""
    results = []
    for name, sql in named_queries("checks.sql").items():
        bad = con.execute(sql).fetchone()[0]
        results.append(CheckResult(name, bad, bad == 0))
    return results
