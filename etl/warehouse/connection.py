"""Opening the warehouse and creating its schema and views."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import duckdb

from etl.resolve.countries import country_names
from etl.warehouse.contracts import create_views, models
from etl.warehouse.marts import add_parent_column, define_sources, lists_countries, rebuild_marts
from etl.warehouse.recount import build_missing_rollups
from etl.warehouse.sqlfiles import sql_text

# Raise with every change to tables that needs a migration; views and their contracts are fingerprinted by
# schema_version() instead. Either change makes a refresh publish even with no new input.
SCHEMA_VERSION = "6"
# The on-disk format new warehouses are written in. v1.0.0 (storage version 64) is read by every DuckDB since 1.0:
# the CLI on PyPI (duckdb-cli 1.5), DBeaver's JDBC driver, older notebooks. DuckDB 2.0's default ("latest") would
# lock them all out. What it costs is in docs/warehouse.md ("File format").
STORAGE_VERSION = "v1.0.0"


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A writable connection to the warehouse file, created with its schema if missing. Readers use the one
    read-only connector, etl.warehouse.safe_sql.connect_read_only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    ensure_schema(con)
    return con


@lru_cache(maxsize=1)
def schema_version() -> str:
    """SCHEMA_VERSION plus a fingerprint of the tables' DDL and every view's model and contract."""
    digest = hashlib.sha256(sql_text("schema.sql").encode())
    for model in models().values():
        digest.update(repr(model).encode())
    return f"{SCHEMA_VERSION}+{digest.hexdigest()[:12]}"


def storage_version(con: duckdb.DuckDBPyConnection, database: str | None = None) -> str:
    """The storage format a database file of this connection is written in, such as 'v1.0.0+'."""
    row = con.execute("select tags['storage_version'] from duckdb_databases() where database_name = "
                      "coalesce(?, current_database())", [database]).fetchone()
    return row[0] if row and row[0] else "unknown"


def rewrite_in_storage_version(source: Path, target: Path) -> None:
    """Copy a warehouse file into a new file written in STORAGE_VERSION (for files written by a newer default)."""
    target.unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"attach '{_quoted(source)}' as old_file (read_only)")
        con.execute(f"attach '{_quoted(target)}' as new_file (storage_version '{STORAGE_VERSION}')")
        con.execute("copy from database old_file to new_file")


def _quoted(path: Path) -> str:
    # ATTACH takes no parameters: the path is ours (never user SQL), quoted as a SQL literal.
    return str(path).replace("'", "''")


def _name_countries(con: duckdb.DuckDBPyConnection) -> None:
    """Fill store.country with every code Parley can name (a few hundred rows; names change with pycountry)."""
    names = country_names()
    if con.execute("select country_iso3, country_name from store.country order by 1").fetchall() != names:
        con.execute("delete from store.country")
        con.executemany("insert into store.country values (?, ?)", names)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the storage tables, the derived tables if missing, and (re)create the views from their models."""
    con.execute(sql_text("schema.sql"))
    _name_countries(con)
    add_parent_column(con)
    define_sources(con)
    marts = con.execute("select count(*) from duckdb_tables() where schema_name = 'store' "
                        "and table_name in ('engagement_mart', 'engagement_parent_mart')")
    # a new warehouse, or one from before visits held their meetings or engagements listed their countries
    if marts.fetchone()[0] < 2 or not lists_countries(con):
        rebuild_marts(con)
    else:
        build_missing_rollups(con)  # a warehouse from before the dashboard read rollups
    create_views(con)
    con.execute(
        "insert or replace into store.meta values ('schema_version', ?)", [schema_version()]
    )
