"""The dashboard's named SQL, each page query wrapped in the shared filter CTE `f`."""
from __future__ import annotations

import re
from importlib import resources

import polars as pl

from dashboard import db
from dashboard.filters import Filters
from etl.warehouse.queries import parse_named_sql

SQL = parse_named_sql(resources.files("dashboard").joinpath("sql", "queries.sql").read_text("utf-8"))
FILTERED = SQL["filtered"]


def filtered_sql(name: str) -> str:
    """A named query run over the filtered engagements `f` (a query's own CTEs follow f's)."""
    body = SQL[name]
    code = re.sub(r"^(\s*--[^\n]*\n)*\s*", "", body)  # leading comments do not count
    if code[:5].lower() == "with ":
        return f"with f as ({FILTERED}),\n{code[5:]}"
    return f"with f as ({FILTERED})\n{body}"


def run(name: str, filters: Filters, **params: object) -> pl.DataFrame:
    """Run a named query under the sidebar filters."""
    return db.query(filtered_sql(name), {**filters.params(), **params})


def plain(name: str, **params: object) -> pl.DataFrame:
    """Run a named query that does not depend on the filters."""
    return db.query(SQL[name], params)
