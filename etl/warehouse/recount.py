"""The counts the dashboard reads (rollups by day, by month and over all time, and keyed counts): built from the
derived tables, and recounted by every load for just the days, months and keys it touched."""
from __future__ import annotations

import duckdb

from etl.warehouse.mart_models import COUNTED, Mart, define, in_months, marts, named, store_tables

_DAYS = "parley_touched_days"
_MONTHS = "parley_touched_months"


def counted(rollup: str, where: str = "") -> str:
    """The rollup's rows counted by every key but the engagement (where given, of those engagements only)."""
    return (f"select * exclude (engagement_id), count(*)::bigint as engagements from store.{rollup}_rows "
            f"{where} group by all")


def full_build(mart: Mart) -> str:
    """The query that builds a derived table in full, in its model's order (a rollup counts its rows)."""
    order = f" order by {mart.order_by}" if mart.order_by else ""  # names and columns from our own model files
    return (counted(mart.name) if mart.refresh == "rollup" else f"select * from {mart.definition}") + order


def build_missing_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Build the rollups (daily, monthly, totals) a warehouse made before them lacks, from its derived tables."""
    have = store_tables(con)
    for mart in marts():  # in build order: the monthly ones read the daily ones, the totals the monthly ones
        if mart.refresh in COUNTED and mart.name not in have:
            define(con, mart)
            con.execute(f"create table store.{mart.name} as {full_build(mart)}")


def note_days(con: duckdb.DuckDBPyConnection, touched: str) -> None:
    """Remember the days the touched engagements (a subquery of ids) are on before a load changes them; the
    rollups of those days are recounted after it (update_rollups)."""
    con.execute(f"create or replace temp table {_DAYS} as "
                f"select distinct start_date from store.engagement_mart where engagement_id in {touched}")


def update_rollups(con: duckdb.DuckDBPyConnection, touched: str) -> None:
    """Recount every rollup row of the days the touched engagements were or are now on, then every monthly row of
    those days' months, then every total's rows of the keys noted (note_keys)."""
    con.execute(f"insert into {_DAYS} select distinct start_date from store.engagement_mart "
                f"where engagement_id in {touched}")
    on_days = (f"(start_date in (select start_date from {_DAYS}) "
               f"or (start_date is null and exists (select 1 from {_DAYS} where start_date is null)))")
    # the engagements on those days: counting only their rows keeps a load from re-reading every row of the marts
    con.execute(f"create or replace temp table {_DAYS}_engagements as "
                f"select engagement_id from store.engagement_mart where {on_days}")
    for name in named("rollup"):
        con.execute(f"delete from store.{name} where {on_days}")
        con.execute(f"insert into store.{name} "
                    + counted(name, f"where engagement_id in (select engagement_id from {_DAYS}_engagements)"))
    con.execute(f"create or replace temp table {_MONTHS} as "
                f"select distinct date_trunc('month', start_date)::date as month from {_DAYS}")
    for mart in marts():
        if mart.refresh == "monthly":
            con.execute(f"delete from store.{mart.name} where {in_months('start_month', _MONTHS)}")
            con.execute(f"insert into store.{mart.name} {mart.query(months=_MONTHS)}")
    for mart in marts():
        if mart.refresh == "total":  # their keys noted by the load, before and after (note_keys)
            recount_keys(con, mart)
    con.execute(f"drop table {_DAYS}")
    con.execute(f"drop table {_DAYS}_engagements")
    con.execute(f"drop table {_MONTHS}")


def _keys_table(mart: Mart) -> str:
    return f"parley_keys_{mart.name}"


def note_keys(con: duckdb.DuckDBPyConnection, counted: list[Mart], touched: str, noted: dict[str, str]) -> None:
    """Remember each table's keys that the touched engagements (a subquery of ids) have in its `keys_from` table,
    to recount them; `keys_from: touched` takes the officials or initiatives the writer noted (`noted`, a table per
    key column). A table without a key is recounted whole."""
    for mart in counted:
        if not mart.key:
            continue
        columns = ", ".join(mart.key)  # names from our own model files
        source = (f"{noted[mart.key[0]]}" if mart.keys_from == "touched"
                  else f"store.{mart.keys_from} where engagement_id in {touched}")
        con.execute(f"create temp table if not exists {_keys_table(mart)} as select {columns} from {source} limit 0")
        con.execute(f"insert into {_keys_table(mart)} select distinct {columns} from {source}")


def recount_keys(con: duckdb.DuckDBPyConnection, mart: Mart) -> None:
    """Recount a table's rows of the keys noted (all of them for a table without a key)."""
    if not mart.key:
        con.execute(f"create or replace table store.{mart.name} as select * from {mart.definition}")
        return
    columns = ", ".join(mart.key)
    keys = f"(select distinct {columns} from {_keys_table(mart)})"
    con.execute(f"delete from store.{mart.name} where ({columns}) in {keys}")
    # the key columns are grouped by, so DuckDB applies this before the sum; not through an unnest, where the
    # query marks the place ({keys:<alias>})
    con.execute(f"insert into store.{mart.name} select * from ({mart.query(keys=keys)}) where ({columns}) in {keys}")
    con.execute(f"drop table {_keys_table(mart)}")
