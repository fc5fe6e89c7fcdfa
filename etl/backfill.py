"""Loading thousands of inputs as a backfill: in batches of files, each loaded and published on its own.

A batch is all-or-nothing: its transaction commits and the warehouse is published (etl/warehouse/publish.py)
before the next batch starts, so readers see the backfill advance, memory holds one batch, and a killed
backfill loses at most the batch it was in. Run again, it skips every input already published (the loader's
content hashes) and goes on from there: nothing loads twice.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

from etl.config import SourceConfig
from etl.execution import Execution
from etl.load import input_files, load
from etl.refresh import changed_inputs, outdated_format
from etl.warehouse.publish import staged
from etl.warehouse.writer import RunSummary

MAX_KEPT_REJECTS = 100  # a decade of GDELT rejects millions of rows; they are all in the warehouse's rejects


@dataclass
class BackfillSummary:
    """What a backfill did over all its batches."""

    source_kind: str
    batches: int = 0
    inputs_loaded: int = 0
    inputs_skipped: int = 0
    records_in: int = 0
    records_loaded: int = 0
    records_merged: int = 0
    records_rejected: int = 0
    records_skipped: int = 0
    rejects: list = field(default_factory=list)  # the first MAX_KEPT_REJECTS
    reasons: Counter = field(default_factory=Counter)
    run_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, summary: RunSummary, inputs: int) -> None:
        """Count one batch: published, or found unchanged by the loader's hashes (as after an older warehouse)."""
        self.inputs_skipped += summary.inputs_skipped
        if summary.status == "unchanged":
            return
        self.batches += 1
        self.inputs_loaded += inputs - summary.inputs_skipped
        self.run_ids.append(summary.run_id)
        for name in ("records_in", "records_loaded", "records_merged", "records_rejected", "records_skipped"):
            setattr(self, name, getattr(self, name) + getattr(summary, name))
        self.rejects.extend(summary.rejects[:MAX_KEPT_REJECTS - len(self.rejects)])
        self.reasons.update(r.reason.split(":")[0] for r in summary.rejects)


class _RowsPerSecond(ProgressColumn):
    """Rows read per second so far."""

    def render(self, task) -> Text:
        rows, elapsed = task.fields.get("rows", 0), task.elapsed or 0
        return Text(f"{rows / elapsed:,.0f} rows/s" if rows and elapsed else "", style="progress.data.speed")


def backfill(db_path: Path, kind: str, paths: list[Path], batch_files: int, force: bool = False,
             show_progress: bool = False, options: dict | None = None,
             execution: Execution | None = None) -> BackfillSummary:
    """Load every new or changed input of one kind under paths, batch_files inputs at a time, publishing after
    each batch; inputs the live warehouse already holds unchanged are skipped."""
    started = time.perf_counter()
    files = input_files(kind, paths)  # LoadError for an unknown kind or a missing path
    # A warehouse an older Parley wrote is brought up to date by the first batch; until then its inputs are all
    # candidates, and the loader skips the unchanged ones by their hashes.
    stale = force or outdated_format(db_path)
    todo = [Path(p) for p in (map(str, files) if stale else
                              changed_inputs(db_path, [SourceConfig(kind=kind, path=p) for p in paths]))]
    result = BackfillSummary(source_kind=kind, inputs_skipped=len(files) - len(todo))
    columns = (TextColumn(f"[bold]{kind}"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), _RowsPerSecond(),
               TimeRemainingColumn())
    with Progress(*columns, disable=not show_progress) as progress:
        task = progress.add_task(kind, total=len(todo), rows=0)
        for start in range(0, len(todo), batch_files):
            batch = todo[start:start + batch_files]
            with staged(db_path) as con:
                summary = load(con, kind, batch, force=force, options=options, execution=execution)
            result.add(summary, len(batch))
            progress.update(task, advance=len(batch), rows=result.records_in)
    result.seconds = time.perf_counter() - started
    return result

