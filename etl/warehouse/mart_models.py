"""The derived tables' models: each table's query (`models/store/<name>.sql`) and how it is kept (`<name>.yml`),
read once; etl/warehouse/marts.py describes the kinds of refresh and builds the tables."""
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
COUNTED = ("rollup", "monthly", "total", "keyed", "per_initiative")
_SCOPE_MARK = re.compile(r"\{(engagements|officials|initiatives|months|keys):([a-z_][a-z0-9_.]*)\}")


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
    keys_from: str | None = None

    @property
    def definition(self) -> str:
        """The view that defines the table: store.<name>_source, or store.<name>_rows for a rollup."""
        return f"store.{self.name}_{'rows' if self.refresh == 'rollup' else 'source'}"

    def query(self, engagements: str | None = None, officials: str | None = None, initiatives: str | None = None,
              months: str | None = None, keys: str | None = None) -> str:
        """The table's query over everything, or over the engagements, officials or initiatives given (subqueries
        of ids), the start months in the table named by `months` (a column `month`, null for undated ones), or the
        `keys` given (a subquery of the table's key columns; `{keys:<alias>}` marks where, on that alias's columns)."""
        scope = {"engagements": engagements, "officials": officials, "initiatives": initiatives, "months": months,
                 "keys": keys}

        def cut(mark: re.Match) -> str:
            if not scope[mark[1]]:
                return "true"
            if mark[1] == "months":
                return in_months(f"date_trunc('month', {mark[2]})::date", scope["months"])
            if mark[1] == "keys":
                return f"({', '.join(f'{mark[2]}.{column}' for column in self.key)}) in {keys}"
            return f"{mark[2]} in {scope[mark[1]]}"
        return _SCOPE_MARK.sub(cut, self.sql)


def in_months(month: str, table: str) -> str:
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
        if config["refresh"] == "total" and config["key"] and not config.get("keys_from"):
            raise ValueError(f"{where}: a total with a key names where its keys come from (keys_from)")
        found.append(Mart(name, entry.read_text("utf-8").strip(), config["refresh"], config["order"],
                          config.get("order_by"), config.get("reads"), tuple(config.get("key") or ()),
                          config.get("keys_from", config.get("reads"))))
    return tuple(sorted(found, key=lambda m: m.order))


def named(refresh: str) -> tuple[str, ...]:
    """The names of the derived tables of one kind of refresh, in build order."""
    return tuple(m.name for m in marts() if m.refresh == refresh)


def define(con: duckdb.DuckDBPyConnection, mart: Mart) -> None:
    """Create the view that defines one derived table."""
    con.execute(f"create or replace view {mart.definition} as\n{mart.query()}")


def store_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables the warehouse's store schema holds."""
    return {name for (name,) in con.execute("select table_name from duckdb_tables() where schema_name = 'store'").fetchall()}
