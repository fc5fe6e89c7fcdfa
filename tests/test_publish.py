"""Refreshes publish atomically: readers are never blocked, failures leave the live warehouse untouched."""
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from etl.cli import app
from etl.load import load
from etl.warehouse.publish import PublishError, staged, writer_lock
from tests.conftest import FIXTURES, load_now

runner = CliRunner()


def _count(path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select count(*) from engagements").fetchone()[0]


def test_load_publishes_while_a_reader_holds_the_file(tmp_path):
    db = tmp_path / "w.duckdb"
    assert runner.invoke(app, ["load", "hsg-travels", str(FIXTURES / "hsg/obama-barack.xml"), "--db", str(db)]).exit_code == 0
    before = _count(db)
    reader = subprocess.Popen([sys.executable, "-c",
                               "import duckdb,sys,time; c=duckdb.connect(sys.argv[1], read_only=True); "
                               "n=c.execute('select count(*) from engagements').fetchone()[0]; print(n, flush=True); "
                               "sys.stdin.readline(); print(c.execute('select count(*) from engagements').fetchone()[0], flush=True)",
                               str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert int(reader.stdout.readline()) == before
    result = runner.invoke(app, ["load", "hsg-travels", str(FIXTURES / "hsg/blinken-antony-j.xml"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    reader.stdin.write("\n")
    reader.stdin.flush()
    assert int(reader.stdout.readline()) == before  # the old reader still sees its own, complete file
    reader.wait(timeout=10)
    assert _count(db) > before


def test_failed_load_leaves_live_warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    before = _count(db)
    with pytest.raises(RuntimeError):
        with staged(db) as con:
            load(con, "hsg-travels", [FIXTURES / "hsg/blinken-antony-j.xml"])
            raise RuntimeError("killed")
    assert _count(db) == before
    assert not (tmp_path / "w.duckdb.next").exists()


def test_failed_refresh_is_recorded_by_the_next_publish(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    with pytest.raises(RuntimeError):
        with staged(db):
            raise RuntimeError("source server timed out")
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/blinken-antony-j.xml"])
    with duckdb.connect(str(db), read_only=True) as con:
        failed = con.execute("select source_kind, message from etl_runs where status = 'failed'").fetchall()
    assert failed == [("refresh", "RuntimeError: source server timed out")]
    assert not (tmp_path / "w.duckdb.failed-runs.jsonl").exists()


def test_failed_checks_block_publishing(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    before = _count(db)
    with pytest.raises(PublishError, match="every engagement has a source"):
        with staged(db) as con:
            con.execute("insert into store.engagement (engagement_id, kind, status, date_precision, participant_key, confidence) "
                        "values ('orphan', 'visit', 'held', 'day', '', 1)")
    assert _count(db) == before


def test_second_refresh_waits_then_gives_up(tmp_path):
    db = tmp_path / "w.duckdb"
    with writer_lock(db):
        with pytest.raises(PublishError, match="another refresh is running"):
            with staged(db, lock_timeout=0.3):
                pass


def _storage_version(path) -> str:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select tags['storage_version'] from duckdb_databases() "
                           "where database_name = current_database()").fetchone()[0]


def test_a_warehouse_in_the_newest_format_is_rewritten_readable_on_publish(tmp_path):
    from etl.config import Settings, SourceConfig
    from etl.refresh import outdated_format, run_refresh
    from etl.warehouse.connection import STORAGE_VERSION, ensure_schema

    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db), config={"storage_compatibility_version": "latest"}) as con:  # as Parley wrote before
        ensure_schema(con)
        load_now(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    assert not _storage_version(db).startswith(STORAGE_VERSION) and outdated_format(db)
    before = _count(db)
    settings = Settings(db_path=db, sources=[SourceConfig("hsg-travels", FIXTURES / "hsg/obama-barack.xml")])
    assert run_refresh(settings).published  # unchanged inputs, but the format alone is reason to publish
    assert _storage_version(db).startswith(STORAGE_VERSION)
    assert _count(db) == before
    assert not run_refresh(settings).published  # and then nothing more to do


def test_a_publish_keeps_its_checks_for_the_data_page(tmp_path):
    from etl.warehouse.checks import run_checks
    from etl.warehouse.safe_sql import connect_read_only
    from etl.warehouse.status import last_checks

    db = tmp_path / "w.duckdb"
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    ro = connect_read_only(db)
    checks, checked_at = last_checks(ro)
    assert [c.check for c in checks] == sorted(c.check for c in run_checks(ro)) and all(c.passed for c in checks)
    assert checked_at is not None
    ro.close()


def test_a_warehouse_built_with_other_view_models_is_republished(tmp_path):
    from etl.config import Settings, SourceConfig
    from etl.refresh import outdated_format, run_refresh
    from etl.warehouse.connection import schema_version

    db = tmp_path / "w.duckdb"
    settings = Settings(db_path=db, sources=[SourceConfig("hsg-travels", FIXTURES / "hsg/obama-barack.xml")])
    assert run_refresh(settings).published and not outdated_format(db)
    with duckdb.connect(str(db)) as con:  # as a Parley whose views or contracts differed left it
        con.execute("update store.meta set value = '6+000000000000' where key = 'schema_version'")
    assert outdated_format(db)
    assert run_refresh(settings).published  # unchanged inputs: the views alone are reason to publish
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select value from store.meta where key = 'schema_version'").fetchone()[0] == schema_version()
    assert not run_refresh(settings).published
