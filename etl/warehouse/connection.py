"""Opening the warehouse and creating its schema and views."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb

SCHEMA_VERSION = "1"


def sql_text(name: str) -> str:
    """The text of one bundled .sql file."""
    return resources.files(__package__).joinpath("sql", name).read_text("utf-8")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file; read-only connections never create it."""
    path = Path(path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no warehouse here; build it with `parley refresh`")
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the storage tables, the derived tables if missing, and (re)create the contract views."""
    from etl.warehouse.marts import define_sources, rebuild_marts

    con.execute(sql_text("schema.sql"))
    define_sources(con)
    marts = con.execute("select count(*) from duckdb_tables() where schema_name = 'store' and table_name = 'engagement_mart'")
    if marts.fetchone()[0] == 0:
        rebuild_marts(con)
    con.execute(sql_text("views.sql"))
    con.execute(
        "insert or replace into store.meta values ('schema_version', ?)", [SCHEMA_VERSION]
    )
