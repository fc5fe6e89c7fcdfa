"""The dashboard's named SQL, each page query wrapped in the shared filter CTE `f`, or answered from the rollups
when the filters allow."""
from __future__ import annotations

import re
from importlib import resources

import duckdb
import polars as pl

from dashboard import db
from dashboard.filters import Filters
from etl.warehouse.queries import parse_named_sql

SQL = parse_named_sql(resources.files("dashboard").joinpath("sql", "queries.sql").read_text("utf-8"))
ROLLUP_SQL = parse_named_sql(resources.files("dashboard").joinpath("sql", "rollups.sql").read_text("utf-8"))
FILTERED = SQL["filtered"]
# Page queries the rollups answer (dashboard/sql/rollups.sql) whenever no official or initiative is chosen.
ROLLUPS = frozenset({"kpis", "frequency", "country_counts", "countries_over_time", "pair_counts", "partners",
                     "partners_by_source", "top_officials", "initiative_mentions", "initiative_table"})


def _with(ctes: dict[str, str], body: str) -> str:
    """A statement run after the given CTEs (a body's own CTEs follow them)."""
    code = re.sub(r"^(\s*--[^\n]*\n)*\s*", "", body)  # leading comments do not count
    head = ",\n".join(f"{name} as ({sql})" for name, sql in ctes.items())
    if code[:5].lower() == "with ":
        return f"with {head},\n{code[5:]}"
    return f"with {head}\n{body}"


def filtered_sql(name: str) -> str:
    """A named query run over the filtered engagements `f`."""
    return _with({"f": FILTERED}, SQL[name])


def _rows_kept(name: str) -> str:
    """A rollup's filtered rows, with its conditions written out (rollups.sql names them once: kept, involved)."""
    return ROLLUP_SQL[name].replace("{kept}", f"({ROLLUP_SQL['kept']})").replace("{involved}", f"({ROLLUP_SQL['involved']})")


ROLLED = {"f": FILTERED, "r": _rows_kept("rolled"), "rc": _rows_kept("rolled_countries"),
          "rp": _rows_kept("rolled_pairs"), "ro": _rows_kept("rolled_officials"), "ri": _rows_kept("rolled_initiatives")}


def rolled_sql(name: str) -> str:
    """A page query answered from the filtered rollup rows `r`, `rc`, `rp`, `ro` and `ri`."""
    return _with(ROLLED, ROLLUP_SQL[name])


def uses_rollups(name: str, filters: Filters) -> bool:
    """True when the rollups answer this query under these filters exactly: they hold no officials or initiatives
    by engagement, so those two filters need the detail rows."""
    return name in ROLLUPS and filters.official is None and filters.initiative is None


def run(name: str, filters: Filters, **params: object) -> pl.DataFrame:
    """Run a named query under the sidebar filters, from the rollups when they can answer it."""
    values = {**filters.params(), **params}
    if uses_rollups(name, filters):
        try:
            return db.query(rolled_sql(name), values)
        except duckdb.CatalogException:
            pass  # a warehouse from before the rollups, until its next refresh: the detail rows still answer
    return db.query(filtered_sql(name), values)


def plain(name: str, **params: object) -> pl.DataFrame:
    """Run a named query that does not depend on the filters."""
    return db.query(SQL[name], params)
