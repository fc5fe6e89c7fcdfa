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


def rolled_sql(name: str) -> str:
    """A page query answered from the filtered rollup rows `r`, `rc`, `rp`, `ro` and `ri`."""
    ctes = {"f": FILTERED, "r": ROLLUP_SQL["rolled"], "rc": ROLLUP_SQL["rolled_countries"],
            "rp": ROLLUP_SQL["rolled_pairs"], "ro": ROLLUP_SQL["rolled_officials"],
            "ri": ROLLUP_SQL["rolled_initiatives"]}
    return _with(ctes, ROLLUP_SQL[name])


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
