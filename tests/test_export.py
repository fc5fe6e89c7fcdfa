"""`parley export parquet`: every contract view written as Parquet and read back whole by DuckDB."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from etl.warehouse.export import ExportError, content_hash, contract_views, export_parquet, read_back_hash
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def exported(warehouse_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "parquet"
    export_parquet(warehouse_path, out)
    return out, json.loads((out / "manifest.json").read_text("utf-8"))


def test_every_contract_view_is_exported_and_reads_back_whole(exported, warehouse_path):
    out, manifest = exported
    con = duckdb.connect()
    live = duckdb.connect()
    live.execute("attach ? as w (read_only)", [str(warehouse_path)])
    live.execute("use w")
    views = contract_views(live)
    assert set(manifest["views"]) == set(views) and "engagements" in views and "rejects" in views
    for view in views:
        entry = manifest["views"][view]
        names = [c["name"] for c in entry["columns"]]
        assert entry["content_hash"] == content_hash(live, view, names), view
        assert read_back_hash(con, out, view, manifest) == entry["content_hash"], view
        assert int(entry["content_hash"].split(":")[0]) == entry["rows"]
    assert manifest["views"]["engagements"]["rows"] > 0


def test_views_with_dates_are_partitioned_by_year(exported):
    out, manifest = exported
    assert manifest["views"]["engagements"]["partitioned_by"] == "year"
    assert any(p.name.startswith("year=") for p in (out / "engagements").iterdir())
    assert manifest["views"]["rejects"]["partitioned_by"] is None and (out / "rejects" / "data.parquet").is_file()
    types = {c["name"]: c["type"] for c in manifest["views"]["engagements"]["columns"]}
    assert types["start_date"] == "DATE" and types["engagement_id"] == "VARCHAR"


def test_a_partitioned_view_reads_with_its_year_as_a_column(exported):
    out, _ = exported
    years = duckdb.sql(f"select year, count(*) from read_parquet('{out}/engagements/**/*.parquet', "
                       "hive_partitioning = true) group by year").fetchall()
    assert years and all(year is not None for year, _ in years if year != "NULL")


def test_an_export_never_overwrites_what_is_not_one(tmp_path, warehouse_path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    with pytest.raises(ExportError, match="is not a Parley export"):
        export_parquet(warehouse_path, target)
    assert (target / "notes.txt").read_text() == "keep me"


def test_an_earlier_export_is_replaced_only_when_asked(tmp_path, warehouse_path):
    target = tmp_path / "out"
    export_parquet(warehouse_path, target)
    with pytest.raises(ExportError, match="--overwrite"):
        export_parquet(warehouse_path, target)
    export_parquet(warehouse_path, target, overwrite=True)
    assert (target / "manifest.json").is_file() and not list(tmp_path.glob(".out-*"))


def test_a_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="no warehouse here"):
        export_parquet(tmp_path / "none.duckdb", tmp_path / "out")


def test_the_cli_exports(tmp_path, warehouse_path):
    done = subprocess.run([sys.executable, "-m", "etl.cli", "export", "parquet", str(tmp_path / "x"), "--db",
                           str(warehouse_path)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "exported" in done.stdout and (tmp_path / "x" / "manifest.json").is_file()
