"""`parley export parquet DIR`: every contract view as Parquet, for engines past one machine (Spark, Trino, Ray).

A view with a date is partitioned by its year (Hive style, `engagements/year=2024/…`); the others are one file.
`manifest.json` gives each view's columns, types, row count, partitioning and content hash, the hash that a
reader can recompute to prove it read everything (order-independent, as `content_hash` computes it). The
export is written beside DIR and moved into place at the end, so a reader never sees half of one.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.warehouse.contracts import models

PARTITION = "year"


class ExportError(Exception):
    """The export could not be written (the target is not an earlier export, or the warehouse is missing)."""


@dataclass(frozen=True)
class ViewExport:
    """What the manifest says of one exported view."""

    name: str
    columns: list[dict]
    rows: int
    partitioned_by: str | None
    content_hash: str


def contract_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The views of the warehouse contract present in this warehouse, in the models' order."""
    present = {name for (name,) in con.execute("select view_name from duckdb_views() where not internal "
                                               "and database_name = current_database()").fetchall()}
    return [name for name in models() if name in present]


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[dict]:
    rows = con.execute("select column_name, data_type from information_schema.columns where table_catalog = "
                       "current_database() and table_schema = 'main' and table_name = ? order by ordinal_position",
                       [view]).fetchall()
    return [{"name": name, "type": kind} for name, kind in rows]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    """A path as a SQL string literal (COPY's target cannot be a parameter)."""
    return "'" + str(path).replace("'", "''") + "'"


def content_hash(con: duckdb.DuckDBPyConnection, relation: str, columns: list[str]) -> str:
    """An order-independent hash of a relation's rows over the given columns (a view, or read_parquet(…))."""
    expr = ", ".join(_quoted(c) for c in columns)
    count, digest = con.execute(f"select count(*), bit_xor(hash(({expr}))) from {relation}").fetchone()
    return f"{count}:{digest or 0}"


def _export_view(con: duckdb.DuckDBPyConnection, view: str, target: Path) -> ViewExport:
    columns = _columns(con, view)
    names = [c["name"] for c in columns]
    date_column = next((c["name"] for c in columns if c["type"] == "DATE"), None)
    rows = con.execute(f"select count(*) from {_quoted(view)}").fetchone()[0]
    if date_column:
        query = f"select *, year({_quoted(date_column)}) as {PARTITION} from {_quoted(view)}"
        con.execute(f"copy ({query}) to {_literal(target / view)} (format parquet, partition_by ({PARTITION}), "
                    f"write_partition_columns false)")
    else:
        (target / view).mkdir()
        con.execute(f"copy {_quoted(view)} to {_literal(target / view / 'data.parquet')} (format parquet)")
    return ViewExport(view, columns, rows, PARTITION if date_column else None,
                      content_hash(con, _quoted(view), names))


def _attached(db_path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the warehouse attached read-only as its default database: it can write the
    Parquet files, and it coexists with this process's other connections to the file, whatever their settings."""
    con = duckdb.connect()
    con.execute("attach ? as warehouse (read_only)", [str(db_path)])
    con.execute("use warehouse")
    return con


def export_parquet(db_path: Path, out: Path, overwrite: bool = False) -> list[ViewExport]:
    """Write every contract view of the warehouse at db_path under out, with its manifest; returns what it wrote."""
    if not db_path.exists():
        raise ExportError(f"{db_path}: no warehouse here; run `parley refresh` first")
    if out.exists() and any(out.iterdir()):
        if not (out / "manifest.json").is_file():
            raise ExportError(f"{out}: exists and is not a Parley export; choose an empty or new directory")
        if not overwrite:
            raise ExportError(f"{out}: holds an earlier export; pass --overwrite to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        con = _attached(db_path)
        try:
            exported = [_export_view(con, view, staging) for view in contract_views(con)]
        finally:
            con.close()
        manifest = {"warehouse": str(db_path.resolve()), "exported_at": dt.datetime.now(dt.UTC).isoformat(
            timespec="seconds"), "format": "parquet", "hash": "count:bit_xor(hash(row)) in DuckDB",
            "views": {e.name: {"path": f"{e.name}/", "columns": e.columns, "rows": e.rows,
                               "partitioned_by": e.partitioned_by, "content_hash": e.content_hash}
                      for e in exported}}
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
        if out.exists():
            old = out.with_name(f".{out.name}-old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return exported


def read_back_hash(con: duckdb.DuckDBPyConnection, out: Path, view: str, manifest: dict) -> str:
    """The content hash of one exported view as read from its Parquet files (to check an export against its
    manifest)."""
    entry = manifest["views"][view]
    names = [c["name"] for c in entry["columns"]]
    hive = str(bool(entry["partitioned_by"])).lower()
    relation = f"read_parquet({_literal(out / view)} || '/**/*.parquet', hive_partitioning = {hive})"
    return content_hash(con, relation, names)
