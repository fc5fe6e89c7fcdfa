"""The dashboard's one read-only warehouse connection per file version, and query()."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl
import streamlit as st

from etl.config import ConfigError, load_settings
from etl.warehouse.safe_sql import connect_read_only

QUERY_TTL_SECONDS = 300


def warehouse_path() -> Path:
    """The warehouse the dashboard reads: PARLEY_DB, else parley.toml, else data/parley.duckdb."""
    try:
        return load_settings().db_path
    except ConfigError:
        return Path(os.environ.get("PARLEY_DB", "data/parley.duckdb"))


def file_version(path: Path) -> str | None:
    """Identity of the file now at path; it changes when a refresh swaps in a new warehouse."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    return connect_read_only(path)


def connection() -> duckdb.DuckDBPyConnection | None:
    """The read-only connection for the current warehouse file, or None when there is none."""
    path = warehouse_path()
    version = file_version(path)
    if version is None:
        return None
    return _connection(str(path), version)


@st.cache_data(ttl=QUERY_TTL_SECONDS, max_entries=512, show_spinner=False)
def _cached(path: str, version: str, sql: str, params: tuple) -> pl.DataFrame:
    cursor = _connection(path, version).cursor()
    try:
        return cursor.sql(sql, params={k: list(v) if isinstance(v, tuple) else v for k, v in params}).pl()
    finally:
        cursor.close()


def query(sql: str, params: dict | None = None) -> pl.DataFrame:
    """Run one of the dashboard's own parameterised queries; results are cached per warehouse version."""
    path = warehouse_path()
    version = file_version(path)
    if version is None:
        raise FileNotFoundError(str(path))
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (params or {}).items()))
    return _cached(str(path), version, sql, frozen)


def require_warehouse() -> None:
    """Stop the page with the command that builds the warehouse when there is none."""
    if connection() is None:
        st.warning(f"No warehouse at `{warehouse_path()}` yet. Build it with `parley refresh` "
                   "(or `make run`), then reload this page.")
        st.stop()
