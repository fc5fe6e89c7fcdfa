"""Integrity checks over storage and views (sql/checks.sql) and every view's contract (etl/warehouse/contracts.py):
run by every publish, which keeps their results for the Data page."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from etl.warehouse.contracts import contract_checks
from etl.warehouse.queries import QUERIES, named_queries


@dataclass
class CheckResult:
    """One check: its name, how many rows break it, and whether it passed."""

    check: str
    offending_rows: int
    passed: bool


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Run every check in checks.sql, then every view's contract (etl/warehouse/models)."""
    found = [(name, con.execute(sql).fetchone()[0]) for name, sql in named_queries("checks.sql").items()]
    return [CheckResult(name, bad, bad == 0) for name, bad in found + contract_checks(con)]


def record_checks(con: duckdb.DuckDBPyConnection, results: list[CheckResult]) -> None:
    """Keep these results as the warehouse's last checks (store.check_result), replacing earlier ones."""
    checked_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(QUERIES["clear_checks"])
    con.executemany(QUERIES["record_check"], [(c.check, c.offending_rows, c.passed, checked_at) for c in results])
