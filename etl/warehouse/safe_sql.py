"""Ad-hoc SQL that can only read the warehouse: one SELECT, no files, no network, a row cap and a time limit."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

DEFAULT_ROW_LIMIT = 10_000
DEFAULT_TIMEOUT_SECONDS = 10.0

# Functions that read files, list directories or reach the network, and functions that reveal the host.
_FORBIDDEN_FUNCTIONS = frozenset({
    "glob", "sniff_csv", "read_text", "read_blob", "parquet_metadata", "parquet_schema", "parquet_file_metadata",
    "parquet_kv_metadata", "parquet_bloom_probe", "getenv", "current_setting", "duckdb_settings", "duckdb_extensions",
    "duckdb_secrets", "which_secret", "load_aws_credentials", "query", "query_table", "install_extension",
    "load_extension", "checkpoint", "force_checkpoint",
})
_FORBIDDEN_PREFIXES = ("read_", "http", "s3", "sqlite_", "postgres_", "mysql_", "iceberg_", "delta_", "pragma_")
_FORBIDDEN_SUFFIXES = ("_scan",)


class UnsafeQuery(ValueError):
    """The statement was refused; the message says why, for the user."""


@dataclass
class QueryResult:
    """Column names, rows and whether the row cap cut the result."""

    columns: list[str]
    rows: list[tuple]
    truncated: bool


def connect_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot touch files, the network or extensions, and cannot be reconfigured."""
    if not Path(path).exists():
        raise FileNotFoundError(f"{path}: no warehouse here; build it with `parley refresh`")
    config = {"enable_external_access": False, "autoinstall_known_extensions": False,
              "autoload_known_extensions": False, "lock_configuration": True}
    return duckdb.connect(str(path), read_only=True, config=config)


def _walk(node: object):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _refuse_function(name: str) -> str | None:
    lowered = name.lower()
    if lowered in _FORBIDDEN_FUNCTIONS or lowered.startswith(_FORBIDDEN_PREFIXES) or lowered.endswith(_FORBIDDEN_SUFFIXES):
        return f"the function {name}() reads files, the network or settings and is not allowed here"
    return None


def check_query(sql: str) -> None:
    """Raise UnsafeQuery unless sql is exactly one read-only SELECT over the warehouse."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise UnsafeQuery(f"SQL does not parse: {exc}") from None
    if len(statements) != 1:
        raise UnsafeQuery(f"one statement at a time, please (found {len(statements)})")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise UnsafeQuery(f"only SELECT queries are allowed here, not {kind.name}")
    with duckdb.connect() as parser:
        tree = json.loads(parser.execute("select json_serialize_sql(?)", [sql]).fetchone()[0])
    if tree.get("error"):
        raise UnsafeQuery(f"only plain SELECT queries are allowed here: {tree.get('error_message', 'not a query')}")
    for node in _walk(tree):
        if "function_name" in node and (reason := _refuse_function(str(node["function_name"]))):
            raise UnsafeQuery(reason)
        if node.get("type") == "BASE_TABLE":
            name = str(node.get("table_name", ""))
            if any(ch in name for ch in "./\\:") or str(node.get("catalog_name") or "") not in ("",):
                raise UnsafeQuery(f"'{name}' is not a warehouse view; reading files or other databases is not allowed")


def run_query(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None,
              row_limit: int = DEFAULT_ROW_LIMIT, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> QueryResult:
    """Check and run one SELECT on a cursor of con, returning at most row_limit rows within timeout seconds."""
    check_query(sql)
    cursor = con.cursor()
    timer = threading.Timer(timeout, cursor.interrupt)
    timer.start()
    try:
        cursor.execute(sql, params or [])
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchmany(row_limit + 1)
    except duckdb.InterruptException:
        raise UnsafeQuery(f"the query ran longer than {timeout:g} s and was stopped") from None
    finally:
        timer.cancel()
        cursor.close()
    return QueryResult(columns, rows[:row_limit], len(rows) > row_limit)
