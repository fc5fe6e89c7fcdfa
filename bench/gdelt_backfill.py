"""A GDELT backfill: days of fifteen-minute exports loaded in published batches, into an empty warehouse and into a
copy of a big one. Prints JSON.

The days are made from the real export in data/sources/gdelt as bench/gdelt_day.py makes one (new event ids per
file, dates moved back), day after day. Each backfill runs as `parley load gdelt DIR` in a process of its own, so
its peak memory (ru_maxrss of the child) is the backfill's alone.

    .venv/bin/python bench/gdelt_backfill.py --days 30 --base bench/out/synth-1m.duckdb
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gdelt_day import build_day  # noqa: E402

PARLEY = Path(sys.executable).parent / "parley"


def run_backfill(exports: Path, db: Path) -> dict:
    """`parley load gdelt` of the exports into db, timed, with the child's peak memory."""
    started = time.perf_counter()
    subprocess.run([str(PARLEY), "load", "gdelt", str(exports), "--db", str(db), "--allow-rejects"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--files-per-day", type=int, default=96)
    parser.add_argument("--base", type=Path, help="big warehouse to backfill into as well (copied, not changed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exports = Path(tmp) / "gdelt"
        exports.mkdir()
        rows = build_day(exports, args.days * args.files_per_day, args.files_per_day)
        report = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                  "days": args.days, "files": args.days * args.files_per_day, "rows": rows}
        empty = run_backfill(exports, Path(tmp) / "empty.duckdb")
        report["empty"] = {**empty, "seconds_per_day": round(empty["seconds"] / args.days, 2)}
        if args.base:
            db = Path(tmp) / "base.duckdb"
            shutil.copyfile(args.base, db)
            based = run_backfill(exports, db)
            report["base"] = {"warehouse": str(args.base), **based,
                              "seconds_per_day": round(based["seconds"] / args.days, 2)}
            report["base_rate_share_of_empty"] = round(empty["seconds"] / based["seconds"], 2)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
