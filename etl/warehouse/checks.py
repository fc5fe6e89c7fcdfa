"""Contract checks over the views: unique keys, not-null fields, references between views."""
from __future__ import annotations

from dataclasses import dataclass

import re

import duckdb

from etl.warehouse.connection import sql_text

_SECTION = re.compile(r"^-- name: (.+)$", re.M)


@dataclass
class CheckResult:
    """One check: its name, how many rows break it, and whether it passed."""

    check: str
    offending_rows: int
    passed: bool


def _checks() -> dict[str, str]:
    parts = _SECTION.split(sql_text("checks.sql"))
    return {name.strip(): body.strip() for name, body in zip(parts[1::2], parts[2::2])}


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Run every check in checks.sql."""
    results = []
    for name, sql in _checks().items():
        bad = con.execute(sql).fetchone()[0]
        results.append(CheckResult(name, bad, bad == 0))
    return results
