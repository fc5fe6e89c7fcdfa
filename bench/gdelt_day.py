"""Time to load a day of GDELT 2.0 (96 fifteen-minute exports) into a warehouse. Prints JSON.

The day is built from the real export in data/sources/gdelt: file i is that export with event ids and DATEADDED
moved to slot i and every event date moved back i days, so the 96 files hold distinct events of the real mix
(one in four rows meet/consult/visit, many reported twice or mirrored), about 2,100 rows each.

    .venv/bin/python bench/gdelt_day.py                       # into an empty warehouse
    .venv/bin/python bench/gdelt_day.py --base data/parley.duckdb   # into a copy of an existing one

It also times DuckDB alone scanning the same files and keeping the in-scope rows, in the same run, and prints the
ratio (the target of issue 19 is 2.5 or less).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sources" / "gdelt" / "20191024143000.export.CSV"
SLOT = dt.datetime(2019, 10, 24)


def build_day(directory: Path, files: int, files_per_day: int = 1) -> int:
    """Write `files` export files derived from the sample, every `files_per_day` of them dated a day further back;
    the number of rows written."""
    from etl.sources.gdelt import LAYOUTS

    layout = LAYOUTS[61]
    rows = [line.split("\t") for line in SAMPLE.read_text("utf-8").splitlines()]
    written = 0
    for i in range(files):
        stamp = (SLOT + dt.timedelta(minutes=15 * i)).strftime("%Y%m%d%H%M%S")
        out = []
        for values in rows:
            values = list(values)
            values[layout["GLOBALEVENTID"]] = str(int(values[layout["GLOBALEVENTID"]]) + 10_000 * (i + 1))
            day = dt.datetime.strptime(values[layout["SQLDATE"]], "%Y%m%d") - dt.timedelta(days=i // files_per_day)
            values[layout["SQLDATE"]] = day.strftime("%Y%m%d")
            values[layout["DATEADDED"]] = stamp
            out.append("\t".join(values))
        (directory / f"{stamp}.export.CSV").write_text("\n".join(out) + "\n", "utf-8")
        written += len(out)
    return written


# DuckDB alone: scan every export of the day and keep the meet/consult/visit rows (CAMEO 036, 040-046).
RAW_SCAN = """
select count(*) from read_csv(?, delim = '\t', header = false, all_varchar = true, quote = '', escape = '',
                              null_padding = true)
where column27 in ('036', '040', '041', '042', '043', '044', '045', '046')
"""


def raw_scan_seconds(directory: Path) -> tuple[float, int]:
    """DuckDB's own scan-and-filter of the same files, in memory: the floor a loader is measured against."""
    import duckdb

    con = duckdb.connect()
    started = time.perf_counter()
    rows = con.execute(RAW_SCAN, [str(directory / "*.export.CSV")]).fetchone()[0]
    return time.perf_counter() - started, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=96, help="exports in the day (default 96)")
    parser.add_argument("--base", type=Path, help="warehouse to start from (copied, not changed)")
    args = parser.parse_args()
    from etl.load import load
    from etl.warehouse.connection import connect
    from etl.warehouse.marts import update_marts

    with tempfile.TemporaryDirectory() as tmp:
        day = Path(tmp) / "gdelt"
        day.mkdir()
        rows = build_day(day, args.files)
        raw_seconds, raw_rows = raw_scan_seconds(day)
        db = Path(tmp) / "parley.duckdb"
        if args.base:
            shutil.copyfile(args.base, db)
        with connect(db) as con:
            started = time.perf_counter()
            summary = load(con, "gdelt", [day])
            update_marts(con)  # as the publish of `parley load` does
            first = time.perf_counter() - started
            started = time.perf_counter()
            again = load(con, "gdelt", [day])
            update_marts(con)
            second = time.perf_counter() - started
            engagements = con.execute("select count(*) from engagements").fetchone()[0]
    print(json.dumps({
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "base": str(args.base) if args.base else None, "files": args.files, "rows": rows,
        "records_loaded": summary.records_loaded, "records_merged": summary.records_merged,
        "records_rejected": summary.records_rejected, "records_skipped": summary.records_skipped,
        "engagements_after": engagements, "load_seconds": round(first, 2),
        "duckdb_scan_seconds": round(raw_seconds, 2), "duckdb_scan_rows_in_scope": raw_rows,
        "ratio_to_duckdb_scan": round(first / raw_seconds, 2),
        "rows_per_second": round(rows / first), "rerun_seconds": round(second, 2), "rerun_status": again.status,
    }, indent=1))


if __name__ == "__main__":
    main()
