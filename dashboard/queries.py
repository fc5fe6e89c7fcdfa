"""The dashboard's named SQL, each page query wrapped in the shared filter CTE `f`, or answered from the rollups
when the filters allow."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from importlib import resources

import duckdb
import polars as pl

from dashboard import db
from dashboard.filters import Filters
from etl.warehouse.queries import parse_named_sql

SQL = parse_named_sql(resources.files("dashboard").joinpath("sql", "queries.sql").read_text("utf-8"))
ROLLUP_SQL = parse_named_sql(resources.files("dashboard").joinpath("sql", "rollups.sql").read_text("utf-8"))
# Page queries the rollups answer (dashboard/sql/rollups.sql) whenever no official or initiative is chosen.
ROLLUPS = frozenset({"kpis", "frequency", "country_counts", "countries_over_time", "pair_counts", "partners",
                     "partners_by_source", "top_officials", "initiative_mentions", "initiative_table"})
# Page queries a total answers when no filter at all is chosen (rollups.sql: <name>_total), or a total by country
# when one country and nothing else is (<name>_one_total).
UNFILTERED = frozenset({"network_edges", "initiative_countries", "initiative_officials"})
_PARTNERS = frozenset({"partners", "partners_by_source"})
_PARAMETER = re.compile(r"\$([a-z_]+)")
_COMMENT = re.compile(r"--[^\n]*")


def _with(ctes: dict[str, str], body: str) -> str:
    """A statement run after the given CTEs (a body's own CTEs follow them)."""
    code = re.sub(r"^(\s*--[^\n]*\n)*\s*", "", body)  # leading comments do not count
    head = ",\n".join(f"{name} as ({sql})" for name, sql in ctes.items())
    if code[:5].lower() == "with ":
        return f"with {head},\n{code[5:]}"
    return f"with {head}\n{body}"


def filtered(filters: Filters, also: tuple[str, ...] = ()) -> str:
    """The engagements the filters keep: `filtered` with the condition of each filter that is set (and of the
    conditions named in `also`)."""
    conditions = [f"({SQL[f'where_{name}']})" for name in (*filters.active(), *also)]
    return SQL["filtered"] + ("\nwhere " + "\n  and ".join(conditions) if conditions else "")


def filtered_sql(name: str, filters: Filters) -> str:
    """A named query run over the engagements the filters keep, `f`."""
    return _with({"f": filtered(filters)}, SQL[name])


def bind(sql: str, values: dict[str, object]) -> dict[str, object]:
    """The parameters a statement uses, of those given (DuckDB refuses any it does not use)."""
    used = set(_PARAMETER.findall(_COMMENT.sub("", sql)))
    return {name: value for name, value in values.items() if name in used}


_CONDITIONS = ("kept", "involved", "month_kept", "edge", "kinds_kept")  # in this order: kept holds kinds_kept
_ROLLED = ("r", "rc", "rp", "ro", "ri")
# Each scope's variants of the rollup rows, best first (rollups.sql): a CTE without the first reads the next.
_READS = {"all_total": ("all_total", "all", "many"), "one_total": ("one_total", "one", "many"),
          "all": ("all", "many"), "one": ("one", "many"), "many": ("many",)}
# Page queries that count by period: the totals over all time cannot answer them.
DATED = frozenset({"frequency", "countries_over_time", "initiative_mentions"})


def _rows_kept(name: str) -> str:
    """A rollup's filtered rows, with its conditions written out (rollups.sql names each once, as {kept} …)."""
    sql = ROLLUP_SQL[name]
    for condition in _CONDITIONS:
        sql = sql.replace(f"{{{condition}}}", f"({ROLLUP_SQL[condition]})")
    return sql


def rollup_scope(filters: Filters, dated: bool = True) -> str:
    """Which rollup rows answer these filters: `all` (no country or pair chosen) and `one` (one country, no pair)
    read the monthly rollups, or (`all_total`, `one_total`) the totals when no dates are chosen and the query needs
    none; `many` reads the daily ones with their lists of countries."""
    if filters.pair is not None or len(filters.countries) > 1:
        return "many"
    scope = "one" if filters.countries else "all"
    return scope if dated or filters.start or filters.end else f"{scope}_total"


def _rolled(scope: str) -> dict[str, str]:
    """The filtered rollup rows `r`, `rc`, `rp`, `ro` and `ri` of one scope (its own variant, or the next's)."""
    return {name: _rows_kept(next(f"{name}_{s}" for s in _READS[scope] if f"{name}_{s}" in ROLLUP_SQL))
            for name in _ROLLED}


ROLLED = {scope: _rolled(scope) for scope in _READS}


def rolled_sql(name: str, filters: Filters) -> str:
    """A page query answered from the rollup rows the filters' scope reads (`r`, `rc`, `rp`, `ro`, `ri`)."""
    if name in UNFILTERED:
        return ROLLUP_SQL[f"{name}_one_total" if filters.active() else f"{name}_total"]
    return _with(ROLLED[rollup_scope(filters, dated=name in DATED)], ROLLUP_SQL[name])


def uses_rollups(name: str, filters: Filters) -> bool:
    """True when the rollups answer this query under these filters exactly: they hold no officials or initiatives
    by engagement, so those two filters need the detail rows (and the UNFILTERED ones answer no filter at all, or
    one country and nothing else)."""
    if name in UNFILTERED:
        return filters.active() in ([], ["country"])
    return name in ROLLUPS and filters.official is None and filters.initiative is None


def _answering(name: str, filters: Filters, params: dict[str, object]) -> Filters:
    """The filters a query needs: a country's partners under that one country chosen need no country filter (every
    pair with the country involves it), so they read the rollups of no country chosen."""
    if name in _PARTNERS and filters.pair is None and filters.countries == [params.get("country")]:
        return dataclasses.replace(filters, countries=[])
    return filters


def statements(name: str, filters: Filters, **params: object) -> list[tuple[str, dict[str, object]]]:
    """The statements that answer a named query under the filters, best first, each with its parameters: from the
    rollups when they can answer it, and from the detail rows."""
    values = {**filters.params(), **params}
    found = []
    answering = _answering(name, filters, params)
    if uses_rollups(name, answering):
        found.append(rolled_sql(name, answering))
    found.append(filtered_sql(name, filters))
    return [(sql, bind(sql, values)) for sql in found]


def run(name: str, filters: Filters, **params: object) -> pl.DataFrame:
    """Run a named query under the sidebar filters, from the rollups when they can answer it."""
    *rolled, (detail, values) = statements(name, filters, **params)
    for sql, rolled_values in rolled:
        try:
            return db.query(sql, rolled_values)
        except duckdb.CatalogException:
            pass  # a warehouse from before the rollups, until its next refresh: the detail rows still answer
    return db.query(detail, values)


def plain(name: str, **params: object) -> pl.DataFrame:
    """Run a named query that does not depend on the filters."""
    return db.query(SQL[name], params)


# The page queries that list an official's or an initiative's latest engagements, with the id parameter naming
# whose, and the sidebar filter that, set to another, leaves the rollups unable to say from which day.
LATEST = {"official_timeline": ("official", "official_id"), "initiative_engagements": ("initiative", "initiative_id")}


def since_statement(name: str, filters: Filters, subject: str, limit: int) -> tuple[str, dict[str, object]] | None:
    """The rollup query of the day the latest `limit` engagements of one official or initiative (`subject`) under
    the filters begin on, for a LATEST page query; None when the rollups cannot say: another official or initiative
    is chosen (the rollups hold no engagement's people or initiatives)."""
    own, key = LATEST[name]
    chosen = {"official": filters.official, "initiative": filters.initiative}
    if chosen.pop(own) not in (None, subject) or any(value is not None for value in chosen.values()):
        return None
    sql = _with({"r": _rows_kept(f"{own}_since")}, ROLLUP_SQL["since"])
    return sql, bind(sql, {**filters.params(), key: subject, "limit": limit})


def latest_statement(name: str, filters: Filters, subject: str, limit: int,
                     since: dt.date | None) -> tuple[str, dict[str, object]]:
    """A LATEST page query under the filters, of the day `since` on when it is known."""
    sql = _with({"f": filtered(filters, ("since",) if since else ())}, SQL[name])
    return sql, bind(sql, {**filters.params(), LATEST[name][1]: subject, "limit": limit, "since": since})


def latest(name: str, filters: Filters, subject: str, limit: int) -> pl.DataFrame:
    """The latest `limit` engagements of an official or initiative under the filters (a LATEST page query), the
    detail rows read from the day the rollups say those begin on: the busiest official of 10M engagements has
    263,000, and a join of all of them took 0.7 s."""
    since, found = None, since_statement(name, filters, subject, limit)
    if found:
        try:
            since = db.query(*found)["since"][0]
        except duckdb.CatalogException:
            pass  # a warehouse from before the rollups: the detail rows answer alone
    return db.query(*latest_statement(name, filters, subject, limit, since))
