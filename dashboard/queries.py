"""The dashboard's named SQL, each page query wrapped in the shared filter CTE `f`."""
from __future__ import annotations

from importlib import resources

import polars as pl

from dashboard import db
from dashboard.filters import Filters

_SECTION_MARK = "-- name: "


def _load() -> dict[str, str]:
    text = resources.files("dashboard").joinpath("sql", "queries.sql").read_text("utf-8")
    sections: dict[str, str] = {}
    for chunk in text.split(_SECTION_MARK)[1:]:
        name, _, body = chunk.partition("\n")
        sections[name.strip()] = body.strip().rstrip(";")
    return sections


SQL = _load()
FILTERED = SQL["filtered"]


def filtered_sql(name: str) -> str:
    """A named query run over the filtered engagements."""
    return f"with f as ({FILTERED})\n{SQL[name]}"


def run(name: str, filters: Filters, **params: object) -> pl.DataFrame:
    """Run a named query under the sidebar filters."""
    return db.query(filtered_sql(name), {**filters.params(), **params})


def plain(name: str, **params: object) -> pl.DataFrame:
    """Run a named query that does not depend on the filters."""
    return db.query(SQL[name], params)
