"""Derived tables the aggregating views read: built in full, or updated for just the engagements a load touched.

Views such as `engagements` and `officials` aggregate evidence and participants; computing that per query is too
slow at a million engagements, so each is kept as a table (`store.<name>`). Each table is defined once, in
`models/store/<name>.sql` (its query) and `<name>.yml` (how it is kept: `refresh`, `order`, `order_by`):

- `per_engagement`: keyed by engagement, recomputed for the engagements a load touched;
- `per_official`: keyed by official, recomputed for the people of those engagements, before the load and after;
- `per_initiative`: keyed by initiative, recomputed for the initiatives those engagements named, before and after;
- `related`: keyed by engagement, but one engagement's row depends on others (a new visit adopts meetings already
  loaded), so recomputed for every engagement that shares a person with a touched one;
- `whole`: small tables rebuilt in full every time;
- `rollup`: engagement counts by the filters' keys, read from the tables above, recounted by start day;
- `monthly`: a rollup counted again by start and end month, recounted by start month after the rollups;
- `total`: a monthly rollup summed over all time (`reads` names it), recounted for every `key` (its entity: an
  official, a country pair, ...) found in the months a load recounted;
- `keyed`: counts of a per-engagement table (`reads`) by its `key` columns, recounted for every key the touched
  engagements had in it before the load or have after it.

A table may read the tables built before it (its `order`), as dbt models `ref()` each other. In a query,
`{engagements:<column>}`, `{officials:<column>}` and `{initiatives:<column>}` mark where an update keeps only the
rows of the engagements, officials or initiatives it recomputes, and `{months:<column>}` where it keeps the months it recounts (a full build keeps every row): filtering each input before its aggregates is what keeps an
update of a day's engagements from aggregating a million (a filter on the finished query is not pushed through them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import duckdb
import yaml

REFRESHES = ("per_engagement", "per_official", "per_initiative", "related", "whole", "rollup", "monthly", "total",
             "keyed")
# the tables of engagement counts the dashboard reads: built where a warehouse from before them lacks them
_COUNTS = ("rollup", "monthly", "total", "keyed", "per_initiative")
TOUCHED = "parley_touched_engagements"
TOUCHED_OFFICIALS = "parley_touched_officials"
TOUCHED_INITIATIVES = "parley_touched_initiatives"
_DAYS = "parley_touched_days"
_MONTHS = "parley_touched_months"
_SCOPE_MARK = re.compile(r"\{(engagements|officials|initiatives|months):([a-z_][a-z0-9_.]*)\}")
# Views the first rollups counted, which a load could not restrict to its engagements: dropped where they remain.
_RETIRED_VIEWS = ("engagement_rollup_source", "country_rollup_source", "pair_rollup_source", "official_rollup_source",
                  "initiative_rollup_source")


@dataclass(frozen=True)
class Mart:
    """One derived table: its query, how it is kept, and where it comes in the build."""

    name: str
    sql: str
    refresh: str
    order: int
    order_by: str | None = None
    reads: str | None = None
    key: tuple[str, ...] = ()

    @property
    def definition(self) -> str:
        """The view that defines the table: store.<name>_source, or store.<name>_rows for a rollup."""
        return f"store.{self.name}_{'rows' if self.refresh == 'rollup' else 'source'}"

    def query(self, engagements: str | None = None, officials: str | None = None, initiatives: str | None = None,
              months: str | None = None) -> str:
        """The table's query over everything, or over the engagements, officials or initiatives given (subqueries
        of ids), or the start months in the table named by `months` (a column `month`, null for undated ones)."""
        scope = {"engagements": engagements, "officials": officials, "initiatives": initiatives, "months": months}

        def cut(mark: re.Match) -> str:
            if not scope[mark[1]]:
                return "true"
            if mark[1] == "months":
                return _in_months(f"date_trunc('month', {mark[2]})::date", scope["months"])
            return f"{mark[2]} in {scope[mark[1]]}"
        return _SCOPE_MARK.sub(cut, self.sql)


def _in_months(month: str, table: str) -> str:
    """The condition that a month (an SQL expression) is one of a table's, a null month matching a null."""
    return (f"({month} in (select month from {table}) "
            f"or ({month} is null and exists (select 1 from {table} where month is null)))")


@lru_cache(maxsize=1)
def marts() -> tuple[Mart, ...]:
    """Every derived table, in build order."""
    folder = resources.files(__package__).joinpath("models", "store")
    found = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        name = entry.name.removesuffix(".sql")
        where = f"etl/warehouse/models/store/{name}.yml"
        config = yaml.safe_load(folder.joinpath(f"{name}.yml").read_text("utf-8")) or {}
        if config.get("refresh") not in REFRESHES or not isinstance(config.get("order"), int):
            raise ValueError(f"{where}: needs refresh (one of {', '.join(REFRESHES)}) and an integer order")
        if config["refresh"] in ("total", "keyed") and not (isinstance(config.get("reads"), str)
                                                            and isinstance(config.get("key"), list)):
            raise ValueError(f"{where}: a {config['refresh']} table names the table it reads and its key columns")
        found.append(Mart(name, entry.read_text("utf-8").strip(), config["refresh"], config["order"],
                          config.get("order_by"), config.get("reads"), tuple(config.get("key") or ())))
    return tuple(sorted(found, key=lambda m: m.order))


def _named(refresh: str) -> tuple[str, ...]:
    return tuple(m.name for m in marts() if m.refresh == refresh)


def define_sources(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the views that define each derived table, once the tables they read exist (else the next
    rebuild defines each just before it builds the table)."""
    _drop_retired_views(con)
    have = _store_tables(con)
    if have >= {m.name for m in marts() if m.refresh not in _COUNTS} and lists_countries(con):
        for mart in marts():
            # the monthly tables read the daily ones, the totals the monthly ones
            needs = {"monthly": set(_named("rollup")), "total": set(_named("monthly"))}.get(mart.refresh, set())
            if have >= needs:
                _define(con, mart)


def _drop_retired_views(con: duckdb.DuckDBPyConnection) -> None:
    for name in _RETIRED_VIEWS:
        con.execute(f"drop view if exists store.{name}")


def _define(con: duckdb.DuckDBPyConnection, mart: Mart) -> None:
    """Create the view that defines one derived table."""
    con.execute(f"create or replace view {mart.definition} as\n{mart.query()}")


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return con.execute("select count(*) from duckdb_columns() where schema_name = 'store' and table_name = ? "
                       "and column_name = ?", [table, column]).fetchone()[0] > 0


def lists_countries(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the engagement table has the countries column the rollups read (warehouses before it do not)."""
    return _has_column(con, "engagement_mart", "countries")


def add_parent_column(con: duckdb.DuckDBPyConnection) -> None:
    """Give the engagement table of a warehouse from before it held each engagement's visit that column, filled in
    place (a full rebuild of a big warehouse takes minutes)."""
    if lists_countries(con) and not _has_column(con, "engagement_mart", "parent_engagement_id") \
            and _has_column(con, "engagement_parent_mart", "parent_engagement_id"):
        con.execute("alter table store.engagement_mart add column parent_engagement_id varchar")
        (parents,) = (m for m in marts() if m.refresh == "related")
        _copy_parents(con, parents.name)


def _store_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute("select table_name from duckdb_tables() where schema_name = 'store'").fetchall()}


def rebuild_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every derived table from scratch."""
    _drop_retired_views(con)
    for mart in marts():  # in build order: each view may read the tables built before it
        _define(con, mart)
        if mart.refresh == "rollup":
            con.execute(f"create or replace table store.{mart.name} as {_counted(mart.name)}")
            continue
        order = f" order by {mart.order_by}" if mart.order_by else ""  # names and columns from our own model files
        con.execute(f"create or replace table store.{mart.name} as select * from {mart.definition}{order}")
    (parents,) = (m for m in marts() if m.refresh == "related")
    _copy_parents(con, parents.name)
    con.execute(f"drop table if exists {TOUCHED}")
    con.execute(f"drop table if exists {TOUCHED_OFFICIALS}")
    con.execute(f"drop table if exists {TOUCHED_INITIATIVES}")


def _copy_parents(con: duckdb.DuckDBPyConnection, table: str, engagements: str | None = None) -> None:
    """Copy the visit each engagement belongs to from its table into store.engagement_mart (for the engagements
    given, or all): a join of every engagement to them cost each query over `engagements` a fifth of a second at
    10M engagements."""
    scope = f" and engagement_id in {engagements}" if engagements else ""
    con.execute(f"update store.engagement_mart set parent_engagement_id = null "
                f"where parent_engagement_id is not null{scope}")
    con.execute(f"update store.engagement_mart set parent_engagement_id = p.parent_engagement_id "
                f"from (select * from store.{table} where true{scope}) p "
                f"where engagement_mart.engagement_id = p.engagement_id")


def _counted(rollup: str, where: str = "") -> str:
    """The rollup's rows counted by every key but the engagement (where given, of those engagements only)."""
    return (f"select * exclude (engagement_id), count(*)::bigint as engagements from store.{rollup}_rows "
            f"{where} group by all")


def build_missing_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Build the rollups (daily, monthly, totals) a warehouse made before them lacks, from its derived tables."""
    have = _store_tables(con)
    for mart in marts():  # in build order: the monthly ones read the daily ones, the totals the monthly ones
        if mart.refresh in _COUNTS and mart.name not in have:
            _define(con, mart)
            built = _counted(mart.name) if mart.refresh == "rollup" else f"select * from {mart.definition}"
            con.execute(f"create table store.{mart.name} as {built}")


def _touch_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create temp table if not exists {TOUCHED} (engagement_id varchar)")
    con.execute(f"create temp table if not exists {TOUCHED_OFFICIALS} (official_id varchar)")
    con.execute(f"create temp table if not exists {TOUCHED_INITIATIVES} (initiative_id varchar)")


def note_touched(con: duckdb.DuckDBPyConnection, engagement_ids: list[str]) -> None:
    """Remember engagements whose derived rows must be recomputed, and their people and initiatives as of now (for
    this connection's session): the writer notes them before it removes an input's rows and after it adds new ones."""
    _touch_tables(con)
    if engagement_ids:
        con.execute(f"insert into {TOUCHED} select unnest(?::varchar[])", [engagement_ids])
        con.execute(f"insert into {TOUCHED_OFFICIALS} select distinct official_id from store.participant "
                    f"where engagement_id in (select unnest(?::varchar[]))", [engagement_ids])
        con.execute(f"insert into {TOUCHED_INITIATIVES} select distinct initiative_id from store.engagement_initiative "
                    f"where engagement_id in (select unnest(?::varchar[]))", [engagement_ids])


def update_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the derived rows of the touched engagements, and the small tables in full."""
    _touch_tables(con)
    touched = f"(select distinct engagement_id from {TOUCHED})"
    people = f"(select distinct official_id from {TOUCHED_OFFICIALS})"
    named = f"(select distinct initiative_id from {TOUCHED_INITIATIVES})"
    # the days the touched engagements were on before this load, then (below) the days they are on now
    con.execute(f"create or replace temp table {_DAYS} as "
                f"select distinct start_date from store.engagement_mart where engagement_id in {touched}")
    keyed = [m for m in marts() if m.refresh == "keyed"]
    _note_keys(con, keyed, f"engagement_id in {touched}")  # the keys the touched engagements had, then (below) have
    keys = {"per_engagement": ("engagement_id", touched), "per_official": ("official_id", people),
            "per_initiative": ("initiative_id", named)}
    for mart in marts():
        if mart.refresh in keys:
            key, ids = keys[mart.refresh]
            con.execute(f"delete from store.{mart.name} where {key} in {ids}")
            con.execute(f"insert into store.{mart.name} select * from ({mart.query(touched, people, named)}) "
                        f"where {key} in {ids}")
    _note_keys(con, keyed, f"engagement_id in {touched}")
    for mart in keyed:
        _recount_keys(con, mart)
    # Whose visit a meeting belongs to can change when any engagement of one of its people changes, or its visit goes.
    (parents,) = (m for m in marts() if m.refresh == "related")
    related = (f"(select engagement_id from {TOUCHED} union select p2.engagement_id from store.participant p1 "
               f"join store.participant p2 using (official_id) where p1.engagement_id in {touched} "
               f"union select engagement_id from store.{parents.name} where parent_engagement_id in {touched})")
    con.execute(f"create or replace temp table parley_related as {related}")
    recomputed = "(select engagement_id from parley_related)"
    con.execute(f"delete from store.{parents.name} where engagement_id in {recomputed}")
    con.execute(f"insert into store.{parents.name} select * from ({parents.query(recomputed)}) "
                f"where engagement_id in {recomputed}")
    _copy_parents(con, parents.name, recomputed)
    con.execute("drop table parley_related")
    for name in _named("whole"):
        con.execute(f"create or replace table store.{name} as select * from store.{name}_source")
    _update_rollups(con, touched)
    con.execute(f"delete from {TOUCHED}")
    con.execute(f"delete from {TOUCHED_OFFICIALS}")
    con.execute(f"delete from {TOUCHED_INITIATIVES}")


def _update_rollups(con: duckdb.DuckDBPyConnection, touched: str) -> None:
    """Recount every rollup row of the days the touched engagements were or are now on, then every monthly row of
    those days' months."""
    con.execute(f"insert into {_DAYS} select distinct start_date from store.engagement_mart "
                f"where engagement_id in {touched}")
    on_days = (f"(start_date in (select start_date from {_DAYS}) "
               f"or (start_date is null and exists (select 1 from {_DAYS} where start_date is null)))")
    # the engagements on those days: counting only their rows keeps a load from re-reading every row of the marts
    con.execute(f"create or replace temp table {_DAYS}_engagements as "
                f"select engagement_id from store.engagement_mart where {on_days}")
    for name in _named("rollup"):
        con.execute(f"delete from store.{name} where {on_days}")
        con.execute(f"insert into store.{name} "
                    + _counted(name, f"where engagement_id in (select engagement_id from {_DAYS}_engagements)"))
    con.execute(f"create or replace temp table {_MONTHS} as "
                f"select distinct date_trunc('month', start_date)::date as month from {_DAYS}")
    totals = [m for m in marts() if m.refresh == "total"]
    in_months = _in_months("start_month", _MONTHS)
    _note_keys(con, totals, in_months)  # the keys the months held before they are recounted, then (below) after
    for mart in marts():
        if mart.refresh == "monthly":
            con.execute(f"delete from store.{mart.name} where {_in_months('start_month', _MONTHS)}")
            con.execute(f"insert into store.{mart.name} {mart.query(months=_MONTHS)}")
    _note_keys(con, totals, in_months)
    for mart in totals:
        _recount_keys(con, mart)
    con.execute(f"drop table {_DAYS}")
    con.execute(f"drop table {_DAYS}_engagements")
    con.execute(f"drop table {_MONTHS}")


def _keys_table(mart: Mart) -> str:
    return f"parley_keys_{mart.name}"


def _note_keys(con: duckdb.DuckDBPyConnection, counted: list[Mart], where: str) -> None:
    """Remember the keys of the rows of each table's `reads` that a condition keeps, to recount them (a table
    without a key is recounted whole)."""
    for mart in counted:
        if mart.key:
            columns = ", ".join(mart.key)  # names from our own model files
            con.execute(f"create temp table if not exists {_keys_table(mart)} as "
                        f"select {columns} from store.{mart.reads} limit 0")
            con.execute(f"insert into {_keys_table(mart)} select distinct {columns} from store.{mart.reads} "
                        f"where {where}")


def _recount_keys(con: duckdb.DuckDBPyConnection, mart: Mart) -> None:
    """Recount a table's rows of the keys noted (all of them for a table without a key)."""
    if not mart.key:
        con.execute(f"create or replace table store.{mart.name} as select * from {mart.definition}")
        return
    columns = ", ".join(mart.key)
    keys = f"(select distinct {columns} from {_keys_table(mart)})"
    con.execute(f"delete from store.{mart.name} where ({columns}) in {keys}")
    # the key columns are grouped by, so DuckDB applies this before the sum
    con.execute(f"insert into store.{mart.name} select * from {mart.definition} where ({columns}) in {keys}")
    con.execute(f"drop table {_keys_table(mart)}")
