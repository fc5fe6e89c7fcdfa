"""Derived tables the aggregating views read: built in full, or updated for just the engagements a load touched.

Views such as `engagements` and `officials` aggregate evidence and participants; computing that per query is too
slow at a million engagements, so each is kept as a table (`store.<name>`) computed from its definition
(`store.<name>_source`, in sql/mart_sources.sql).
"""
from __future__ import annotations

import duckdb

from etl.warehouse.sqlfiles import sql_text

# Tables keyed by engagement, updated incrementally, in dependency order (country pairs read engagement countries).
PER_ENGAGEMENT = ("engagement_mart", "engagement_country_mart", "country_pair_mart", "encounter_mart")
# Keyed by engagement too, but one engagement's row depends on others: a new visit adopts meetings already loaded.
PARENTS = "engagement_parent_mart"
# Small tables rebuilt in full every time.
WHOLE = ("official_mart", "initiative_mart")
# Engagement counts by the filters' keys, read from the tables above; kept up to date by start day.
ROLLUPS = ("engagement_rollup", "country_rollup", "pair_rollup", "official_rollup", "initiative_rollup")
ORDER_BY = {"engagement_mart": " order by start_date, engagement_id"}  # zone maps then prune date ranges
TOUCHED = "parley_touched_engagements"
_DAYS = "parley_touched_days"


def define_sources(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the views that define each derived table (the rollups' once the tables they read exist)."""
    con.execute(sql_text("mart_sources.sql"))
    if _store_tables(con) >= set(PER_ENGAGEMENT) and lists_countries(con):
        con.execute(sql_text("rollup_sources.sql"))  # else the next rebuild defines them, after the tables


def lists_countries(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the engagement table has the countries column the rollups read (warehouses before it do not)."""
    return con.execute("select count(*) from duckdb_columns() where schema_name = 'store' "
                       "and table_name = 'engagement_mart' and column_name = 'countries'").fetchone()[0] > 0


def _store_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute("select table_name from duckdb_tables() where schema_name = 'store'").fetchall()}


def rebuild_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every derived table from scratch."""
    define_sources(con)
    for name in PER_ENGAGEMENT + (PARENTS,) + WHOLE:
        # name comes from the constants above, never from input
        con.execute(f"create or replace table store.{name} as select * from store.{name}_source{ORDER_BY.get(name, '')}")
    con.execute(sql_text("rollup_sources.sql"))
    for name in ROLLUPS:
        con.execute(f"create or replace table store.{name} as {_counted(name)}")
    con.execute(f"drop table if exists {TOUCHED}")


def _counted(rollup: str, where: str = "") -> str:
    """The rollup's rows counted by every key but the engagement (where given, of those engagements only)."""
    return (f"select * exclude (engagement_id), count(*)::bigint as engagements from store.{rollup}_rows "
            f"{where} group by all")


def build_missing_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Build the rollups a warehouse made before them lacks, from its derived tables."""
    have = _store_tables(con)
    for name in ROLLUPS:
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
    for name in PER_ENGAGEMENT:
        con.execute(f"delete from store.{name} where engagement_id in {touched}")
        con.execute(f"insert into store.{name} select * from store.{name}_source where engagement_id in {touched}")
    # Whose visit a meeting belongs to can change when any engagement of one of its people changes, or its visit goes.
    related = (f"(select engagement_id from {TOUCHED} union select p2.engagement_id from store.participant p1 "
               f"join store.participant p2 using (official_id) where p1.engagement_id in {touched} "
               f"union select engagement_id from store.{PARENTS} where parent_engagement_id in {touched})")
    con.execute(f"create or replace temp table parley_related as {related}")
    con.execute(f"delete from store.{PARENTS} where engagement_id in (select engagement_id from parley_related)")
    con.execute(f"insert into store.{PARENTS} select * from store.{PARENTS}_source "
                "where engagement_id in (select engagement_id from parley_related)")
    con.execute("drop table parley_related")
    for name in WHOLE:
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
    for name in ROLLUPS:
        con.execute(f"delete from store.{name} where {on_days}")
        con.execute(f"insert into store.{name} "
                    + _counted(name, f"where engagement_id in (select engagement_id from {_DAYS}_engagements)"))
    con.execute(f"drop table {_DAYS}")
    con.execute(f"drop table {_DAYS}_engagements")
