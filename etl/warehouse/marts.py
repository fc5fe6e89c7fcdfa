"""Derived tables the aggregating views read: built in full, or updated for just the engagements a load touched.

Views such as `engagements` and `officials` aggregate evidence and participants; computing that per query is too
slow at a million engagements, so each is kept as a table (`store.<name>`). Each table is defined once, in
`models/store/<name>.sql` (its query) and `<name>.yml` (how it is kept: `refresh`, `order`, `order_by`):

- `per_engagement`: keyed by engagement, recomputed for the engagements a load touched;
- `related`: keyed by engagement, but one engagement's row depends on others (a new visit adopts meetings already
  loaded), so recomputed for every engagement that shares a person with a touched one;
- `whole`: small tables rebuilt in full every time;
- `rollup`: engagement counts by the filters' keys, read from the tables above, recounted by start day.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import duckdb
import yaml

REFRESHES = ("per_engagement", "related", "whole", "rollup")
TOUCHED = "parley_touched_engagements"
_DAYS = "parley_touched_days"
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

    @property
    def definition(self) -> str:
        """The view that defines the table: store.<name>_source, or store.<name>_rows for a rollup."""
        return f"store.{self.name}_{'rows' if self.refresh == 'rollup' else 'source'}"


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
        found.append(Mart(name, entry.read_text("utf-8").strip(), config["refresh"], config["order"],
                          config.get("order_by")))
    return tuple(sorted(found, key=lambda m: m.order))


def _named(refresh: str) -> tuple[str, ...]:
    return tuple(m.name for m in marts() if m.refresh == refresh)


def define_sources(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the views that define each derived table (the rollups' once the tables they read exist)."""
    for name in _RETIRED_VIEWS:
        con.execute(f"drop view if exists store.{name}")
    _define(con, rollups=False)
    if _store_tables(con) >= set(_named("per_engagement")) and lists_countries(con):
        _define(con, rollups=True)  # else the next rebuild defines them, after the tables


def _define(con: duckdb.DuckDBPyConnection, rollups: bool) -> None:
    """Create the defining views of the rollups, or of every other derived table, in build order."""
    for mart in marts():
        if (mart.refresh == "rollup") == rollups:
            con.execute(f"create or replace view {mart.definition} as\n{mart.sql}")


def lists_countries(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the engagement table has the countries column the rollups read (warehouses before it do not)."""
    return con.execute("select count(*) from duckdb_columns() where schema_name = 'store' "
                       "and table_name = 'engagement_mart' and column_name = 'countries'").fetchone()[0] > 0


def _store_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute("select table_name from duckdb_tables() where schema_name = 'store'").fetchall()}


def rebuild_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every derived table from scratch."""
    define_sources(con)
    for mart in marts():
        if mart.refresh == "rollup":
            continue
        order = f" order by {mart.order_by}" if mart.order_by else ""  # names and columns from our own model files
        con.execute(f"create or replace table store.{mart.name} as select * from {mart.definition}{order}")
    _define(con, rollups=True)
    for name in _named("rollup"):
        con.execute(f"create or replace table store.{name} as {_counted(name)}")
    con.execute(f"drop table if exists {TOUCHED}")


def _counted(rollup: str, where: str = "") -> str:
    """The rollup's rows counted by every key but the engagement (where given, of those engagements only)."""
    return (f"select * exclude (engagement_id), count(*)::bigint as engagements from store.{rollup}_rows "
            f"{where} group by all")


def build_missing_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Build the rollups a warehouse made before them lacks, from its derived tables."""
    have = _store_tables(con)
    for name in _named("rollup"):
        if name not in have:
            con.execute(f"create table store.{name} as {_counted(name)}")


def note_touched(con: duckdb.DuckDBPyConnection, engagement_ids: list[str]) -> None:
    """Remember engagements whose derived rows must be recomputed (for this connection's session)."""
    con.execute(f"create temp table if not exists {TOUCHED} (engagement_id varchar)")
    if engagement_ids:
        con.execute(f"insert into {TOUCHED} select unnest(?::varchar[])", [engagement_ids])


def update_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the derived rows of the touched engagements, and the small tables in full."""
    con.execute(f"create temp table if not exists {TOUCHED} (engagement_id varchar)")
    touched = f"(select distinct engagement_id from {TOUCHED})"
    # the days the touched engagements were on before this load, then (below) the days they are on now
    con.execute(f"create or replace temp table {_DAYS} as "
                f"select distinct start_date from store.engagement_mart where engagement_id in {touched}")
    for name in _named("per_engagement"):
        con.execute(f"delete from store.{name} where engagement_id in {touched}")
        con.execute(f"insert into store.{name} select * from store.{name}_source where engagement_id in {touched}")
    # Whose visit a meeting belongs to can change when any engagement of one of its people changes, or its visit goes.
    (parents,) = _named("related")
    related = (f"(select engagement_id from {TOUCHED} union select p2.engagement_id from store.participant p1 "
               f"join store.participant p2 using (official_id) where p1.engagement_id in {touched} "
               f"union select engagement_id from store.{parents} where parent_engagement_id in {touched})")
    con.execute(f"create or replace temp table parley_related as {related}")
    con.execute(f"delete from store.{parents} where engagement_id in (select engagement_id from parley_related)")
    con.execute(f"insert into store.{parents} select * from store.{parents}_source "
                "where engagement_id in (select engagement_id from parley_related)")
    con.execute("drop table parley_related")
    for name in _named("whole"):
        con.execute(f"create or replace table store.{name} as select * from store.{name}_source")
    _update_rollups(con, touched)
    con.execute(f"delete from {TOUCHED}")


def _update_rollups(con: duckdb.DuckDBPyConnection, touched: str) -> None:
    """Recount every rollup row of the days the touched engagements were or are now on."""
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
    con.execute(f"drop table {_DAYS}")
    con.execute(f"drop table {_DAYS}_engagements")
