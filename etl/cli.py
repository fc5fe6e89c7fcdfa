"""The `parley` command: load, refresh, schedule, fetch-gdelt, extract, sql, shell, status, config."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from etl.backfill import backfill
from etl.load_report import report_backfill, report_run
from etl.config import SETTINGS_HELP, ConfigError, load_settings
from etl.execution import Execution
from etl.warehouse.export import ExportError, export_parquet
from etl.load import LoadError, load
from etl.refresh import parse_interval, run_refresh
from etl.registry import SOURCE_KINDS
from etl.sources.gdelt_fetch import EXPORTS_PER_DAY, MASTER_LIST_URL, FetchError, fetch_new_exports
from etl.warehouse.publish import PublishError, staged
from etl.warehouse.safe_sql import UnsafeQuery, connect_read_only, run_query
from etl.warehouse.status import freshness, latest_runs, rejects_by_reason, view_counts

app = typer.Typer(help="Parley: foreign-policy engagement analytics.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

DbOption = Annotated[Optional[Path], typer.Option("--db", help="Warehouse file (else PARLEY_DB, the config, data/parley.duckdb).")]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="Config file (default parley.toml).")]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _settings(config: Path | None, db: Path | None):
    try:
        return load_settings(config, db)
    except ConfigError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _publisher_option(value: str | None) -> str | None:
    """--publisher as an ISO3 code; exit 2 with a message when it names no country."""
    from etl.resolve.publishers import publisher_code

    code = publisher_code(value)
    if value and code is None:
        console.print(f"[red]error:[/red] --publisher '{value}' is not a country")
        raise typer.Exit(2)
    return code


WorkersOption = Annotated[Optional[int], typer.Option(
    "--workers", min=1, help="Processes that extract text (default: PARLEY_WORKERS, else every core).")]
EngineOption = Annotated[str, typer.Option(
    "--engine", help="Where text is extracted: 'local' (this machine) or 'ray' (needs pip install 'parley[ray]').")]
RayAddressOption = Annotated[Optional[str], typer.Option(
    "--ray-address", help="With --engine ray: the cluster to join (ray://host:10001, or 'auto'); default a local Ray.")]


def _execution(workers: int | None, engine: str, ray_address: str | None) -> Execution:
    try:
        return Execution(engine=engine, workers=workers, ray_address=ray_address)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command("load")
def load_command(
    kind: Annotated[str, typer.Argument(help=f"Source kind: {', '.join(SOURCE_KINDS)}.")],
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to load.")],
    db: DbOption = None,
    config: ConfigOption = None,
    allow_rejects: Annotated[bool, typer.Option("--allow-rejects", help="Exit 0 even when records were rejected.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Reload inputs even if unchanged.")] = False,
    publisher: Annotated[Optional[str], typer.Option(
        help="articles: whose releases these are, a country ('USA'); else front matter or web domain.")] = None,
    workers: WorkersOption = None,
    engine: EngineOption = "local",
    ray_address: RayAddressOption = None,
    batch_files: Annotated[Optional[int], typer.Option(
        "--batch-files", min=0, help="Load and publish this many inputs at a time, so a killed backfill resumes "
        "where it stopped (default: 96 for gdelt, a day of exports; else 0, all as one).")] = None,
) -> None:
    """Load files of one source kind into the warehouse (unchanged files are skipped)."""
    settings = _settings(config, db)
    code = _publisher_option(publisher)
    execution = _execution(workers, engine, ray_address)
    batch = batch_files if batch_files is not None else (SOURCE_KINDS[kind].batch_files if kind in SOURCE_KINDS else 0)
    try:
        if batch:
            result = backfill(settings.db_path, kind, paths, batch, force=force, show_progress=sys.stderr.isatty(),
                              options={"publisher": code}, execution=execution)
            report_backfill(console, result)
            rejected = result.records_rejected
        else:
            with staged(settings.db_path) as con:
                summary = load(con, kind, paths, force=force, show_progress=sys.stderr.isatty(),
                               options={"publisher": code}, execution=execution)
            report_run(console, summary)
            rejected = summary.records_rejected
    except (LoadError, PublishError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if rejected and not allow_rejects:
        raise typer.Exit(1)


@app.command("fetch-gdelt")
def fetch_gdelt(
    into: Annotated[Path, typer.Argument(help="Directory to save exports in (then `parley load gdelt DIR`).")],
    list_url: Annotated[str, typer.Option("--list-url", help="GDELT file list: masterfilelist.txt or lastupdate.txt.")]
    = MASTER_LIST_URL,
    since: Annotated[Optional[str], typer.Option(help="Only exports after this YYYYMMDDHHMMSS (default: newest in DIR).")]
    = None,
    limit: Annotated[int, typer.Option(help="At most this many of the newest exports (0: all).")] = EXPORTS_PER_DAY,
    timeout: Annotated[float, typer.Option(help="Seconds per request.")] = 30.0,
    retries: Annotated[int, typer.Option(help="Retries per file, with exponential backoff.")] = 3,
) -> None:
    """Download GDELT 2.0 event exports newer than those already in DIR, checking size and MD5."""
    try:
        result = fetch_new_exports(list_url, into, since=since, limit=limit, timeout=timeout, retries=retries)
    except FetchError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(f"gdelt: {len(result.downloaded)} export(s) downloaded into {into}, "
                  f"{result.already_present} already there, {len(result.failed)} failed")
    for failure in result.failed:
        console.print(f"  [red]failed[/red] {failure}", highlight=False)
    if result.failed:
        raise typer.Exit(1)


@app.command()
def refresh(config: ConfigOption = None, db: DbOption = None,
            force: Annotated[bool, typer.Option("--force", help="Reload inputs even if unchanged.")] = False,
            workers: WorkersOption = None, engine: EngineOption = "local",
            ray_address: RayAddressOption = None) -> None:
    """Load every source in the config into the next warehouse and publish it; a no-op when nothing changed."""
    settings = _settings(config, db)
    execution = _execution(workers, engine, ray_address)
    if not settings.sources:
        console.print("[red]error:[/red] no [[sources]] in the config; see README 'Configuration'")
        raise typer.Exit(2)
    try:
        result = run_refresh(settings, force=force, show_progress=sys.stderr.isatty(), execution=execution)
    except (PublishError, LoadError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    for summary in result.summaries:
        report_run(console, summary)
    for error in result.errors:
        console.print(f"[red]error:[/red] {error}")
    console.print(f"warehouse: {settings.db_path} "
                  + ("(published)" if result.published else "(nothing changed; not rewritten)"))
    if result.errors:
        raise typer.Exit(1)


@app.command()
def schedule(
    every: Annotated[str, typer.Option("--every", help="Interval between refreshes: 15m, 1h, 30s.")] = "15m",
    config: ConfigOption = None,
    db: DbOption = None,
    max_runs: Annotated[int, typer.Option("--max-runs", help="Stop after this many refreshes (0: never).")] = 0,
) -> None:
    """Refresh on a fixed interval, logging each run; a failed run is logged and the schedule goes on."""
    try:
        interval = parse_interval(every)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    settings = _settings(config, db)
    runs = 0
    while True:
        started = time.monotonic()
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        try:
            result = run_refresh(settings)
            loaded = sum(s.records_loaded + s.records_merged for s in result.summaries)
            rejected = sum(s.records_rejected for s in result.summaries)
            state = "published" if result.published else "unchanged"
            console.print(f"{stamp} refresh {state}: {loaded} records loaded, {rejected} rejected"
                          + "".join(f"; error: {e}" for e in result.errors), highlight=False)
        except Exception as exc:  # noqa: BLE001 - a failed run must not stop the schedule
            console.print(f"{stamp} refresh failed: {type(exc).__name__}: {exc}", highlight=False)
        runs += 1
        if max_runs and runs >= max_runs:
            return
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SELECT over the warehouse views.")],
    db: DbOption = None,
    config: ConfigOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    limit: Annotated[int, typer.Option(help="Row cap.")] = 10_000,
    timeout: Annotated[float, typer.Option(help="Time limit in seconds.")] = 30.0,
) -> None:
    """Run read-only ad-hoc SQL (one SELECT; no writes, files or network)."""
    settings = _settings(config, db)
    try:
        with connect_read_only(settings.db_path) as con:
            result = run_query(con, query, row_limit=limit, timeout=timeout)
    except (UnsafeQuery, FileNotFoundError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - show DuckDB's message, not a traceback
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    _print_result(result.columns, result.rows, output)
    if result.truncated:
        console.print(f"[yellow]showing the first {limit} rows[/yellow]")


def _print_result(columns: list[str], rows: list[tuple], output: OutputFormat) -> None:
    if output is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif output is OutputFormat.json:
        print(json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1))
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)


@app.command()
def status(db: DbOption = None, config: ConfigOption = None) -> None:
    """Row counts per view, freshness per source, the latest runs and rejects."""
    settings = _settings(config, db)
    try:
        con = connect_read_only(settings.db_path)
    except FileNotFoundError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    with con:
        counts = Table("view", "rows", title=f"Warehouse {settings.db_path}")
        for view, rows in view_counts(con):
            counts.add_row(view, f"{rows:,}")
        out.print(counts)
        stale_after = {s.kind: s.stale_after_days for s in settings.sources}
        fresh = Table("source", "last success", "last change", "failed runs", "state", title="Freshness")
        for f in freshness(con, stale_after):
            fresh.add_row(f.source_kind, str(f.last_success or "never"), str(f.last_change or "never"),
                          str(f.failed_runs), "[yellow]stale[/yellow]" if f.stale else "[green]fresh[/green]")
        out.print(fresh)
        runs = Table("run", "source", "status", "started", "in", "new", "merged", "rejected", "out of scope",
                     title="Latest runs")
        for run_id, kind, state, started, _, n_in, n_new, n_merged, n_rej, n_skip, _ in latest_runs(con, 10):
            runs.add_row(str(run_id), kind, state, f"{started:%Y-%m-%d %H:%M:%S}", str(n_in), str(n_new),
                         str(n_merged), str(n_rej), str(n_skip or 0))
        out.print(runs)
        rejects = rejects_by_reason(con, 10)
        if rejects:
            table = Table("source", "reason", "rejects", title="Rejects by reason")
            for kind, reason, n in rejects:
                table.add_row(kind, reason, str(n))
            out.print(table)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories (text, HTML, JSONL, RSS/Atom).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the evaluation kit's JSON (the default output).")] = True,
    publisher: Annotated[Optional[str], typer.Option(
        help="Whose releases these are, a country ('USA'); else front matter or web domain.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Print each event with the rules that made it.")] = False,
) -> None:
    """Run the text extractor without loading anything, printing one JSON object per document."""
    from etl.extract.document import parse_article
    from etl.extract.explain import explain as explain_event
    from etl.extract.pipeline import event_json, extract_articles
    from etl.sources.articles import iter_articles, publisher_for, read_articles

    code = _publisher_option(publisher)
    output = []
    for path in iter_articles(paths):
        if not path.exists():
            console.print(f"[red]error:[/red] {path}: no such file or directory")
            raise typer.Exit(2)
        raws = [item for item in read_articles(path) if not hasattr(item, "reason")]
        articles = [parse_article(raw.text, raw.published, raw.title, publisher_for(raw, code)) for raw in raws]
        for raw, found in zip(raws, extract_articles(articles)):
            document = str(path) if raw.locator == str(path) else raw.locator
            if explain:
                out.print(f"[bold]{document}[/bold]: {len(found.events)} event(s)", highlight=False)
                for number, event in enumerate(found.events, start=1):
                    print("\n".join(explain_event(event, number)))
                continue
            output.append({"document": document, "events": [event_json(e) for e in found.events]})
    if not explain:
        print(json.dumps(output, ensure_ascii=False, indent=1))


SHELL_HINT = ("Parley warehouse {db}, read-only. `.tables` lists the views; every column is documented in "
              "docs/warehouse.md. `.quit` leaves.")


def duckdb_cli() -> str | None:
    """The DuckDB CLI installed beside this Python (the duckdb-cli package), else the first on PATH."""
    beside = Path(sys.executable).parent / "duckdb"
    return str(beside) if beside.is_file() else shutil.which("duckdb")


@app.command()
def shell(
    db: DbOption = None,
    config: ConfigOption = None,
    cli_args: Annotated[Optional[list[str]], typer.Argument(help="Passed on to the DuckDB CLI, e.g. a query.")] = None,
) -> None:
    """Open the DuckDB CLI on the warehouse, read-only, with the contract views ready."""
    settings = _settings(config, db)
    if not settings.db_path.exists():
        console.print(f"[red]error:[/red] {settings.db_path}: no warehouse here; build it with `parley refresh`")
        raise typer.Exit(2)
    cli = duckdb_cli()
    if cli is None:
        console.print("[red]error:[/red] no DuckDB CLI found: `make install` puts one in .venv/bin (duckdb-cli)")
        raise typer.Exit(2)
    command = [cli, "-readonly", str(settings.db_path)]
    if not cli_args:  # interactive: greet; with a query, print only its result
        command += ["-cmd", ".print '{}'".format(SHELL_HINT.format(db=settings.db_path).replace("'", "''"))]
    command += cli_args or []
    raise typer.Exit(subprocess.call(command))


export_app = typer.Typer(help="Write the warehouse out for other engines.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("parquet")
def export_parquet_command(
    into: Annotated[Path, typer.Argument(help="Directory to write (one folder per view, and manifest.json).")],
    db: DbOption = None,
    config: ConfigOption = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an earlier export in the directory.")] = False,
) -> None:
    """Every contract view as Parquet, partitioned by year where it has a date, with a manifest."""
    settings = _settings(config, db)
    try:
        exported = export_parquet(settings.db_path, into, overwrite=overwrite)
    except ExportError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    rows = sum(e.rows for e in exported)
    out.print(f"exported {len(exported)} views, {rows:,} rows, to {into} (manifest: {into / 'manifest.json'})")


@app.command("config")
def show_config(config: ConfigOption = None, db: DbOption = None) -> None:
    """Print the effective settings and what each one means."""
    settings = _settings(config, db)
    out.print(f"config file: {settings.config_path or '(none)'}")
    out.print(f"warehouse:   {settings.db_path}")
    for source in settings.sources:
        out.print(f"source:      {source.kind:12} {source.path}  (stale after {source.stale_after_days:g} days)")
    table = Table("setting", "default", "meaning", title="Settings")
    for name, (default, meaning) in SETTINGS_HELP.items():
        table.add_row(name, default, meaning)
    out.print(table)


if __name__ == "__main__":
    app()
