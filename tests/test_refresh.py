"""Scheduled refresh: atomic publishing under concurrent readers, kills at any point, idempotency, schedules."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from etl.cli import app
from etl.config import load_settings
from etl.refresh import parse_interval, run_refresh
from etl.warehouse.checks import run_checks
from tests.conftest import BUNDLED, ROOT, view_digest

runner = CliRunner()
HEADER = "record_id,kind,status,start_date,end_date,city,country,title,participants,initiatives,topics,source_url,evidence,confidence\n"
ROW = "r{n},meeting,held,2024-01-{day:02d},,Paris,France,Meeting {n},Jean Martin{n} | Minister | France | host; Ann Lee{n} | Minister | UK | visitor,,,,,\n"

pytestmark = pytest.mark.xdist_group("refresh")


def _project(tmp_path: Path, with_hsg: bool = False) -> Path:
    """A scratch project: parley.toml, a curated table, optionally the full bundled HSG travels."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/table.csv").write_text(HEADER + ROW.format(n=0, day=1))
    config = '[warehouse]\npath = "data/parley.duckdb"\n[[sources]]\nkind = "table"\npath = "sources/table.csv"\n'
    if with_hsg:
        config += f'[[sources]]\nkind = "hsg-travels"\npath = "{BUNDLED / "hsg-travels"}"\n'
    (tmp_path / "parley.toml").write_text(config)
    return tmp_path


def _add_rows(project: Path, start: int, count: int = 1) -> None:
    with (project / "sources/table.csv").open("a") as handle:
        for n in range(start, start + count):
            handle.write(ROW.format(n=n, day=1 + n % 28))


def _refresh_cmd(project: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "parley"), "refresh", "--config", str(project / "parley.toml")]


def _engagements(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from engagements").fetchone()[0]


def test_refreshing_the_same_inputs_twice_changes_no_view(tmp_path):
    project = _project(tmp_path)
    settings = load_settings(project / "parley.toml")
    run_refresh(settings)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        before = view_digest(con)
    inode = settings.db_path.stat().st_ino
    assert run_refresh(settings).published is False
    assert settings.db_path.stat().st_ino == inode  # nothing changed: the live file is not even rewritten
    assert run_refresh(settings, force=True).published is True
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        assert view_digest(con) == before


READER = r"""
import os, sys, time
from dashboard import db, queries
from dashboard.filters import Filters
deadline, failures, runs, versions = time.time() + float(sys.argv[1]), 0, 0, set()
while time.time() < deadline:
    try:
        versions.add(db.file_version(db.warehouse_path()))
        queries.run("kpis", Filters())
        queries.run("latest", Filters(), limit=5)
        queries.plain("option_officials", limit=100)
        runs += 1
    except Exception as exc:
        failures += 1
        print("FAILED", type(exc).__name__, exc, file=sys.stderr)
print(runs, failures, len(versions))
"""


def test_readers_never_fail_while_refreshes_publish(tmp_path):
    project = _project(tmp_path)
    settings = load_settings(project / "parley.toml")
    run_refresh(settings)
    env = {**os.environ, "PARLEY_DB": str(settings.db_path), "PARLEY_CONFIG": str(project / "none.toml"),
           "PYTHONPATH": str(ROOT)}
    readers = [subprocess.Popen([sys.executable, "-c", READER, "12"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(3)]
    refreshes = 0
    for n in range(1, 7):
        _add_rows(project, n)
        result = run_refresh(settings)
        assert result.published and not result.errors
        refreshes += 1
        time.sleep(0.5)
    outcomes = [reader.communicate(timeout=60) for reader in readers]
    for out, err in outcomes:
        runs, failures, versions = map(int, out.split())
        assert failures == 0, err
        assert runs > 0 and versions >= 2  # each reader moved on to newer warehouses
    assert refreshes == 6 and _engagements(settings.db_path) == 7


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5])
def test_a_killed_refresh_leaves_a_good_warehouse(tmp_path, delay):
    project = _project(tmp_path, with_hsg=True)
    settings = load_settings(project / "parley.toml")
    run_refresh(settings)
    before = _engagements(settings.db_path)
    _add_rows(project, 1, 3)
    process = subprocess.Popen(_refresh_cmd(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        assert all(c.passed for c in run_checks(con))
        assert con.execute("select count(*) from engagements").fetchone()[0] in (before, before + 3)
    completed = subprocess.run(_refresh_cmd(project), capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert _engagements(settings.db_path) == before + 3  # nothing lost, nothing duplicated
    assert not (project / "data/parley.duckdb.next").exists()


def test_schedule_logs_each_run_and_survives_failures(tmp_path):
    project = _project(tmp_path)
    (project / "parley.toml").write_text((project / "parley.toml").read_text() + '[[sources]]\nkind = "table"\npath = "missing"\n')
    result = runner.invoke(app, ["schedule", "--every", "0.1s", "--max-runs", "2", "--config", str(project / "parley.toml")])
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if " refresh " in line]
    assert len(lines) == 2 and all("failed" in line and "no such file" in line for line in lines)


def test_interval_parsing():
    assert parse_interval("15m") == 900 and parse_interval("1h") == 3600 and parse_interval("30") == 30
    with pytest.raises(ValueError):
        parse_interval("soon")


def _scratch_project_with_venv(tmp_path: Path) -> Path:
    project = _project(tmp_path)
    (project / ".venv").symlink_to(ROOT / ".venv") if (ROOT / ".venv").exists() else None
    return project


@pytest.mark.skipif(not (ROOT / ".venv/bin/parley").exists(), reason="needs the project's .venv")
def test_documented_cron_line_runs(tmp_path):
    project = _scratch_project_with_venv(tmp_path)
    line = next(text for text in (ROOT / "docs/scheduling/parley-refresh.cron").read_text().splitlines()
                if text and not text.startswith("#"))
    schedule, command = line.split(None, 5)[:5], line.split(None, 5)[5]
    assert schedule == ["*/15", "*", "*", "*", "*"]
    (project / "data").mkdir()
    subprocess.run(["bash", "-c", command.replace("/opt/parley", str(project))], check=True)
    assert _engagements(project / "data/parley.duckdb") == 1
    assert "published" in (project / "data/refresh.log").read_text()


@pytest.mark.skipif(not (ROOT / ".venv/bin/parley").exists(), reason="needs the project's .venv")
def test_documented_systemd_units_run(tmp_path):
    project = _scratch_project_with_venv(tmp_path)
    service = (ROOT / "docs/scheduling/parley-refresh.service").read_text()
    timer = (ROOT / "docs/scheduling/parley-refresh.timer").read_text()
    assert re.search(r"^OnCalendar=\*:0/15$", timer, re.M) and "WantedBy=timers.target" in timer
    workdir = re.search(r"^WorkingDirectory=(.+)$", service, re.M)[1].replace("/opt/parley", str(project))
    command = re.search(r"^ExecStart=(.+)$", service, re.M)[1].replace("/opt/parley", str(project))
    subprocess.run(command.split(), cwd=workdir, check=True, capture_output=True)
    assert _engagements(project / "data/parley.duckdb") == 1
