"""A backfill of many GDELT exports: batches published one by one, and a killed backfill that resumes without
loading anything twice."""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.backfill import backfill
from etl.sources.gdelt import LAYOUTS
from tests.conftest import FIXTURES

SLICE = FIXTURES / "gdelt" / "20191024143000-first60.export.CSV"
PARLEY = Path(sys.executable).parent / "parley"
VIEWS = ("engagements", "engagement_parties", "coded_events", "sources", "engagement_sources", "rejects",
         "country_pairs", "encounters")


def _exports(folder: Path, files: int) -> Path:
    """Fifteen-minute exports made from the real slice: file i holds its events with new ids, dated i days back."""
    layout = LAYOUTS[61]
    rows = [line.split("\t") for line in SLICE.read_text("utf-8").splitlines()]
    folder.mkdir()
    slot = dt.datetime(2019, 10, 24)
    for i in range(files):
        stamp = (slot + dt.timedelta(minutes=15 * i)).strftime("%Y%m%d%H%M%S")
        out = []
        for values in rows:
            values = list(values)
            values[layout["GLOBALEVENTID"]] = str(int(values[layout["GLOBALEVENTID"]]) + 10_000 * (i + 1))
            day = dt.datetime.strptime(values[layout["SQLDATE"]], "%Y%m%d") - dt.timedelta(days=i)
            values[layout["SQLDATE"]] = day.strftime("%Y%m%d")
            out.append("\t".join(values))
        (folder / f"{stamp}.export.CSV").write_text("\n".join(out) + "\n", "utf-8")
    return folder


def _content(db: Path) -> dict:
    """Every contract view's rows, hashed, without the columns that name a run or the time of loading."""
    with duckdb.connect(str(db), read_only=True) as con:
        digest = {}
        for view in VIEWS:
            columns = [c for (c,) in con.execute("select column_name from information_schema.columns "
                                                 "where table_name = ? and column_name not in ('loaded_at', 'run_id')",
                                                 [view]).fetchall()]
            expr = ", ".join(f'"{c}"' for c in columns)
            digest[view] = con.execute(f"select count(*), bit_xor(hash(({expr}))) from {view}").fetchone()  # noqa: S608
        digest["inputs"] = con.execute("select count(*) from input_files").fetchone()
        return digest


def test_batches_publish_one_by_one_and_keep_every_source_and_reject(tmp_path: Path):
    folder = _exports(tmp_path / "exports", 5)
    batched = backfill(tmp_path / "batched.duckdb", "gdelt", [folder], batch_files=2)
    whole = backfill(tmp_path / "whole.duckdb", "gdelt", [folder], batch_files=5)
    assert (batched.batches, whole.batches) == (3, 1)
    assert batched.inputs_loaded == 5 and batched.records_rejected == whole.records_rejected > 0
    assert batched.records_in == whole.records_in
    batched_content, whole_content = _content(tmp_path / "batched.duckdb"), _content(tmp_path / "whole.duckdb")
    # Reports of one engagement on neighbouring days merge into what is stored: which ones chain depends on
    # where batches end (docs/machine-coded.md), but every source and reject is there once, and every coded event.
    for view in ("sources", "rejects", "inputs"):
        assert batched_content[view] == whole_content[view]
    assert batched_content["coded_events"][0] == whole_content["coded_events"][0]
    with duckdb.connect(str(tmp_path / "batched.duckdb"), read_only=True) as con:
        runs = con.execute("select count(*) from etl_runs where source_kind = 'gdelt' and status = 'ok'").fetchone()[0]
    assert runs == 3  # each batch is a run of its own
    again = backfill(tmp_path / "batched.duckdb", "gdelt", [folder], batch_files=2)
    assert (again.batches, again.inputs_skipped) == (0, 5)  # a rerun changes nothing


def _published_runs(db: Path) -> int:
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("select count(*) from etl_runs where source_kind = 'gdelt' and status = 'ok'").fetchone()[0]
    except (duckdb.Error, OSError):
        return 0  # not published yet, or being replaced


def test_a_killed_backfill_resumes_from_the_last_published_batch_and_loads_nothing_twice(tmp_path: Path):
    folder = _exports(tmp_path / "exports", 6)
    db = tmp_path / "parley.duckdb"
    command = [str(PARLEY), "load", "gdelt", str(folder), "--db", str(db), "--batch-files", "1", "--allow-rejects"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _published_runs(db) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.fail("the backfill finished before it could be killed")  # six batches take seconds, not this
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    published = _published_runs(db)
    assert 2 <= published < 6
    resumed = subprocess.run(command, capture_output=True, text=True, check=True)
    said = resumed.stdout + resumed.stderr
    assert f"{6 - published} input(s) in {6 - published} published batch(es)" in said
    assert f"{published} unchanged input(s) skipped" in said
    clean = tmp_path / "clean.duckdb"
    backfill(clean, "gdelt", [folder], batch_files=1)
    assert _content(db) == _content(clean)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) = count(distinct source_id) from sources").fetchone()[0]
