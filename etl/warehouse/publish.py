"""Atomic publishing: build the next warehouse beside the live one, check it, then swap it in.

DuckDB allows one writer or many readers per file, so a refresh never writes into the file the dashboard
and users' `duckdb -readonly` sessions hold open: it copies the live file, loads into the copy, brings the
derived tables up to date once for every run of the load, runs the checks and then every view's contract, and
replaces the live file with os.replace. Readers of the old file finish undisturbed. A refresh that
fails is logged beside the warehouse and recorded in etl_runs by the next one that publishes.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from etl.warehouse.checks import record_checks, run_checks
from etl.warehouse.connection import STORAGE_VERSION, connect, rewrite_in_storage_version, storage_version
from etl.warehouse.marts import update_marts
from etl.warehouse.writer import record_failed_run

LOCK_TIMEOUT_SECONDS = 600.0


class PublishError(Exception):
    """The next warehouse failed its checks or another refresh holds the lock; the live one is untouched."""


@contextmanager
def writer_lock(db_path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the warehouse's refresh lock, waiting up to timeout seconds for another refresh to finish."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{db_path}.lock", "w") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PublishError(f"{db_path}: another refresh is running (waited {timeout:g} s)") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def failed_runs_path(db_path: Path) -> Path:
    """Where refreshes that could not publish are logged until the next publish records them in etl_runs."""
    return db_path.with_name(db_path.name + ".failed-runs.jsonl")


def _log_failure(db_path: Path, error: BaseException) -> None:
    entry = {"at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(), "error": f"{type(error).__name__}: {error}"}
    with failed_runs_path(db_path).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


def _record_logged_failures(con: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """Hand the failures logged beside the warehouse to the writer, which records them in etl_runs."""
    log = failed_runs_path(db_path)
    if not log.exists():
        return
    for line in log.read_text("utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a kill
        record_failed_run(con, "refresh", [], entry["error"], at=dt.datetime.fromisoformat(entry["at"]))


def next_path(db_path: Path) -> Path:
    """Where the next warehouse is built."""
    return db_path.with_name(db_path.name + ".next")


def _copy_live(db_path: Path, staging: Path) -> None:
    """Start the next warehouse from the live one, rewritten in STORAGE_VERSION if an older Parley wrote it newer."""
    shutil.copyfile(db_path, staging)
    with duckdb.connect(str(staging), read_only=True) as con:
        written_in = storage_version(con)
    if not written_in.startswith(STORAGE_VERSION):
        rewrite_in_storage_version(db_path, staging)


@contextmanager
def staged(db_path: Path, lock_timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection to a copy of the warehouse, published over the live file if its checks pass."""
    with writer_lock(db_path, lock_timeout):
        staging = next_path(db_path)
        for leftover in (staging, Path(f"{staging}.wal")):
            leftover.unlink(missing_ok=True)  # from a refresh that was killed
        if db_path.exists():
            _copy_live(db_path, staging)
        con = connect(staging)
        published = False
        try:
            _record_logged_failures(con, db_path)
            yield con
            update_marts(con)  # once for every run of the publish, then the checks and contracts read them
            results = run_checks(con)
            failed = [c for c in results if not c.passed]
            if failed:
                raise PublishError("checks failed, live warehouse kept: "
                                   + "; ".join(f"{c.check} ({c.offending_rows} rows)" for c in failed))
            record_checks(con, results)
            con.execute("checkpoint")
            con.close()
            os.replace(staging, db_path)
            published = True
            failed_runs_path(db_path).unlink(missing_ok=True)
        except BaseException as exc:
            _log_failure(db_path, exc)
            raise
        finally:
            con.close()
            if not published:
                staging.unlink(missing_ok=True)
