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
- `total`: a monthly rollup summed over all time (`reads` names it), recounted after it for every `key` (its
  entity: an official, a country pair, ...) the touched engagements had before the load or have after it, in the
  per-engagement table `keys_from` (or, with `keys_from: touched`, the officials or initiatives the writer noted);
- `keyed`: counts of a per-engagement table (`reads`) by its `key` columns, recounted for every key the touched
  engagements had in it before the load or have after it.

A table may read the tables built before it (its `order`), as dbt models `ref()` each other. In a query,
`{engagements:<column>}`, `{officials:<column>}` and `{initiatives:<column>}` mark where an update keeps only the
rows of the engagements, officials or initiatives it recomputes, `{months:<column>}` where it keeps the months it recounts, and `{keys:<alias>}` where a total or keyed table keeps
the keys it recounts, on that alias's key columns (a full build keeps every row): filtering each input before its aggregates is what keeps an
update of a day's engagements from aggregating a million (a filter on the finished query is not pushed through them).
"""
from __future__ import annotations

import duckdb

from etl.warehouse.mart_models import COUNTED, define, marts, named, store_tables
from etl.warehouse.recount import full_build, note_days, note_keys, recount_keys, update_rollups

TOUCHED = "parley_touched_engagements"
TOUCHED_OFFICIALS = "parley_touched_officials"
TOUCHED_INITIATIVES = "parley_touched_initiatives"
# Views the first rollups counted, which a load could not restrict to its engagements: dropped where they remain.
_RETIRED_VIEWS = ("engagement_rollup_source", "country_rollup_source", "pair_rollup_source", "official_rollup_source",
                  "initiative_rollup_source")


def define_sources(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the views that define each derived table, once the tables they read exist (else the next
    rebuild defines each just before it builds the table)."""
    _drop_retired_views(con)
    have = store_tables(con)
    if have >= {m.name for m in marts() if m.refresh not in COUNTED} and lists_countries(con):
        for mart in marts():
            # the monthly tables read the daily ones, the totals the monthly ones
            needs = {"monthly": set(named("rollup")), "total": set(named("monthly"))}.get(mart.refresh, set())
            if have >= needs:
                define(con, mart)


def _drop_retired_views(con: duckdb.DuckDBPyConnection) -> None:
    for name in _RETIRED_VIEWS:
        con.execute(f"drop view if exists store.{name}")


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


def rebuild_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every derived table from scratch."""
    _drop_retired_views(con)
    for mart in marts():  # in build order: each view may read the tables built before it
        define(con, mart)
        con.execute(f"create or replace table store.{mart.name} as {full_build(mart)}")
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
    mentioned = f"(select distinct initiative_id from {TOUCHED_INITIATIVES})"
    # the days the touched engagements were on before this load, then (below) the days they are on now
    note_days(con, touched)
    by_key = [m for m in marts() if m.refresh in ("keyed", "total")]
    noted = {"official_id": TOUCHED_OFFICIALS, "initiative_id": TOUCHED_INITIATIVES}
    note_keys(con, by_key, touched, noted)  # the keys the touched engagements had, then (below) have
    keys = {"per_engagement": ("engagement_id", touched), "per_official": ("official_id", people),
            "per_initiative": ("initiative_id", mentioned)}
    for mart in marts():
        if mart.refresh in keys:
            key, ids = keys[mart.refresh]
            con.execute(f"delete from store.{mart.name} where {key} in {ids}")
            con.execute(f"insert into store.{mart.name} select * from ({mart.query(touched, people, mentioned)}) "
                        f"where {key} in {ids}")
    note_keys(con, by_key, touched, noted)
    for mart in by_key:
        if mart.refresh == "keyed":  # the totals are recounted after the monthly rollups they read
            recount_keys(con, mart)
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
    for name in named("whole"):
        con.execute(f"create or replace table store.{name} as select * from store.{name}_source")
    update_rollups(con, touched)
    con.execute(f"delete from {TOUCHED}")
    con.execute(f"delete from {TOUCHED_OFFICIALS}")
    con.execute(f"delete from {TOUCHED_INITIATIVES}")
