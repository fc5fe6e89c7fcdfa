"""Loading inputs of one source kind: skip unchanged files, parse the rest, write them in one transaction."""
from __future__ import annotations

from pathlib import Path

import duckdb
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from etl.execution import Execution
from etl.records import Batch, Reject
from etl.registry import SOURCE_KINDS
from etl.warehouse.inputs import InputFile, identify, loaded_inputs, split_changed
from etl.warehouse.writer import RunSummary, record_failed_run, record_skipped_run, write_run


class LoadError(Exception):
    """A load could not start: unknown kind or missing input."""


def input_files(kind: str, paths: list[Path]) -> list[Path]:
    """Every file of a source kind under the given paths; LoadError for a path that does not exist."""
    if kind not in SOURCE_KINDS:
        raise LoadError(f"unknown source kind '{kind}' (known: {', '.join(SOURCE_KINDS)})")
    for path in paths:
        if not path.exists():
            raise LoadError(f"{path}: no such file or directory")
    return list(SOURCE_KINDS[kind].files(paths))


class _PerSecond(ProgressColumn):
    """Documents done per second, once there is a rate to show."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} docs/s" if task.speed else "", style="progress.data.speed")


def _parse_all(kind: str, files: dict[str, InputFile], show_progress: bool, options: dict,
               execution: Execution) -> list[Batch]:
    source = SOURCE_KINDS[kind]
    if source.parse_many is not None:
        columns = (TextColumn(f"[bold]{kind}"), BarColumn(), TextColumn("{task.completed} docs"), _PerSecond(),
                   TimeElapsedColumn())
        with Progress(*columns, transient=True, disable=not show_progress) as progress:
            task = progress.add_task(kind, total=None)
            options = {**options, "execution": execution, "progress": lambda n: progress.advance(task, n)}
            return _safe_parse_many(source.parse_many, [Path(key) for key in files], kind, options)
    batches: list[Batch] = []
    columns = (TextColumn(f"[bold]{kind}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[name]}"))
    with Progress(*columns, transient=True, disable=not show_progress) as progress:
        task = progress.add_task(kind, total=len(files), name="")
        for key in files:
            progress.update(task, name=Path(key).name)
            batch = _safe_parse(lambda path: source.parse(path, **options), Path(key), kind)
            batch.path = key
            batches.append(batch)
            progress.advance(task)
    return batches


def _safe_parse_many(parse_many, paths: list[Path], kind: str, options: dict) -> list[Batch]:
    """All inputs at once; should that fail unexpectedly, each input alone, so one bad file rejects only itself."""
    try:
        batches = parse_many(paths, **options)
    except Exception:  # noqa: BLE001 - find the file at fault one by one
        batches = [_safe_parse(lambda path: parse_many([path], **options)[0], path, kind) for path in paths]
    for path, batch in zip(paths, batches):
        batch.path = str(path)
    return batches


def _safe_parse(parse, path: Path, kind: str) -> Batch:
    """Parse one file; an unexpected fault rejects the file instead of stopping the load."""
    try:
        return parse(path)
    except Exception as exc:  # noqa: BLE001 - one bad file must not lose the batch
        reject = Reject(source_kind=kind, locator=str(path), reason=f"could not be read: {type(exc).__name__}: {exc}")
        return Batch(path=str(path), rejects=[reject])


def load(con: duckdb.DuckDBPyConnection, kind: str, paths: list[Path], force: bool = False,
         show_progress: bool = False, options: dict | None = None,
         execution: Execution | None = None) -> RunSummary:
    """Load every new or changed input of one kind under paths as one run; unchanged inputs are skipped.

    The derived tables are brought up to date by the publish the load runs in (etl.warehouse.publish.staged), or
    by etl.warehouse.marts.update_marts for a connection that is not published. options are the kind's
    own settings (SourceKind.options), such as an articles source's publisher; execution says where text is
    extracted (workers, engine), which changes the speed and never the result.
    """
    options = {k: v for k, v in (options or {}).items() if v is not None}
    unknown = set(options) - set(SOURCE_KINDS[kind].options) if kind in SOURCE_KINDS else set()
    if unknown:
        raise LoadError(f"source kind '{kind}' takes no setting {', '.join(sorted(unknown))}")
    files = input_files(kind, paths)
    if not files:
        raise LoadError(f"no {kind} files under {', '.join(map(str, paths))}")
    reader = SOURCE_KINDS[kind].version()
    changed, unchanged = split_changed(files, reader, loaded_inputs(con))
    if force:
        changed.update({k: identify(Path(k), reader) for k in unchanged})
        unchanged = []
    if not changed:
        run_id = record_skipped_run(con, kind, unchanged)
        return RunSummary(run_id=run_id, source_kind=kind, inputs_skipped=len(unchanged), status="unchanged")
    batches = _parse_all(kind, changed, show_progress, options, execution or Execution())
    try:
        summary = write_run(con, kind, batches, changed)
    except Exception as exc:
        record_failed_run(con, kind, sorted(changed), f"{type(exc).__name__}: {exc}")
        raise
    summary.inputs_skipped = len(unchanged)
    return summary
