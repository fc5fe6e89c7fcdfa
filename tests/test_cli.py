"""The parley command: load exit codes, read-only SQL, status, refresh."""
import json
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from etl.cli import app
from etl.warehouse.safe_sql import UnsafeQuery, check_query
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()


def test_sql_works_while_another_process_reads(warehouse_path):
    holder = subprocess.Popen([sys.executable, "-c",
                               "import duckdb,sys,time; c=duckdb.connect(sys.argv[1], read_only=True); "
                               "print('open', flush=True); time.sleep(30)", str(warehouse_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = runner.invoke(app, ["sql", "select kind, count(*) as n from engagements group by 1 order by 1",
                                     "--db", str(warehouse_path), "--format", "json"])
        assert result.exit_code == 0, result.output
        counts = {row["kind"]: row["n"] for row in json.loads(result.stdout)}
        assert counts["visit"] > 7000
    finally:
        holder.kill()


@pytest.mark.parametrize("query", [
    "insert into store.engagement values (1)",
    "delete from engagements",
    "create table x as select 1",
    "attach 'other.db' as o",
    "copy (select 1) to '/tmp/x.csv'",
    "install httpfs",
    "load httpfs",
    "pragma database_list",
    "set threads = 1",
    "select * from read_csv('/etc/passwd')",
    "select * from 'data.csv'",
    "SELECT * FROM READ_PARQUET('x.parquet')",
    "with t as (select * from glob('*')) select * from t",
    "select (select count(*) from read_text('/etc/hostname'))",
    "select 1; drop table store.engagement",
    "select getenv('HOME')",
    "select * from parquet_scan('x')",
    "select * from sqlite_scan('x.db', 't')",
])
def test_unsafe_sql_is_refused(query):
    with pytest.raises(UnsafeQuery):
        check_query(query)


def test_sql_command_refuses_writes_clearly(warehouse_path):
    result = runner.invoke(app, ["sql", "drop view engagements", "--db", str(warehouse_path)])
    assert result.exit_code == 2 and "only SELECT" in result.output


def test_sql_row_cap(warehouse_path):
    result = runner.invoke(app, ["sql", "select engagement_id from engagements", "--db", str(warehouse_path),
                                 "--format", "csv", "--limit", "5"])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 6


def test_read_only_connection_cannot_read_files(warehouse_path):
    from etl.warehouse.safe_sql import connect_read_only
    con = connect_read_only(warehouse_path)
    with pytest.raises(duckdb.Error):
        con.execute("select * from read_csv('/etc/hostname')")


def test_load_exits_nonzero_on_rejects_unless_allowed(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text((FIXTURES / "hsg/obama-barack.xml").read_text().replace('<country id="canada">Canada</country>', '<country id="atlantis">Atlantis</country>', 1))
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["load", "hsg-travels", str(bad), "--db", db])
    assert result.exit_code == 1 and "atlantis" in result.output
    result = runner.invoke(app, ["load", "hsg-travels", str(bad), "--db", db, "--allow-rejects", "--force"])
    assert result.exit_code == 0


def test_load_unknown_kind_and_missing_path(tmp_path):
    db = str(tmp_path / "w.duckdb")
    assert runner.invoke(app, ["load", "nonsense", str(tmp_path), "--db", db]).exit_code == 2
    result = runner.invoke(app, ["load", "table", str(tmp_path / "missing.csv"), "--db", db])
    assert result.exit_code == 2 and "no such file" in result.output


def test_refresh_from_config_then_status(tmp_path):
    config = tmp_path / "parley.toml"
    config.write_text(f'[warehouse]\npath = "w.duckdb"\n[[sources]]\nkind = "table"\npath = "{ROOT / "data/sources/curated"}"\n')
    result = runner.invoke(app, ["refresh", "--config", str(config)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["refresh", "--config", str(config)])
    assert "nothing changed" in again.output
    status = runner.invoke(app, ["status", "--config", str(config)])
    assert status.exit_code == 0 and "engagements" in status.stdout and "fresh" in status.stdout


def test_db_path_precedence(tmp_path, monkeypatch):
    from etl.config import load_settings
    config = tmp_path / "parley.toml"
    config.write_text('[warehouse]\npath = "from-config.duckdb"\n')
    assert load_settings(config).db_path == tmp_path / "from-config.duckdb"
    monkeypatch.setenv("PARLEY_DB", "/x/env.duckdb")
    assert str(load_settings(config).db_path) == "/x/env.duckdb"
    assert str(load_settings(config, tmp_path / "flag.duckdb").db_path) == str(tmp_path / "flag.duckdb")
