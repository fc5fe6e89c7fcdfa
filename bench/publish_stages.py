"""Where a GDELT backfill's published batches spend their time, stage by stage, into an empty warehouse or a copy of
a big one. Prints JSON: seconds per stage summed over the batches.

    .venv/bin/python bench/publish_stages.py --days 3 [--base bench/out/synth-1m.duckdb]

The days are made as bench/gdelt_day.py makes one; each batch is one day (96 exports), loaded and published by
etl.backfill as `parley load gdelt DIR` does. The stages are timed by wrapping the functions publish and load call.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import etl.load as load_module  # noqa: E402
import etl.warehouse.checks as checks  # noqa: E402
import etl.warehouse.publish as publish  # noqa: E402
from etl.backfill import backfill  # noqa: E402
from gdelt_day import build_day  # noqa: E402

STAGES = [(publish, "_copy_live", "copy of the live file"), (publish, "connect", "open and ensure the schema"),
          (load_module, "_parse_all", "parse"), (load_module, "write_run", "write"),
          (publish, "update_marts", "derived tables"), (checks, "contract_checks", "contracts"),
          (publish, "run_checks", "checks and contracts"), (publish, "record_checks", "record the checks")]


def _timed(seconds: dict[str, float], module, name: str, label: str) -> None:
    """Replace module.name with a wrapper that adds its run time to seconds[label]."""
    function = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started
    setattr(module, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--base", type=Path, help="big warehouse to load into (copied, not changed)")
    args = parser.parse_args()
    seconds: dict[str, float] = {}
    for module, name, label in STAGES:
        _timed(seconds, module, name, label)
    with tempfile.TemporaryDirectory() as tmp:
        exports = Path(tmp) / "gdelt"
        exports.mkdir()
        rows = build_day(exports, 96 * args.days, 96)
        db = Path(tmp) / "w.duckdb"
        if args.base:
            shutil.copyfile(args.base, db)
        started = time.perf_counter()
        summary = backfill(db, "gdelt", [exports], 96)
        total = time.perf_counter() - started
    named = {label: round(value, 2) for label, value in seconds.items()}
    print(json.dumps({"warehouse": str(args.base or "empty"), "days": args.days, "rows": rows,
                      "batches": summary.batches, "seconds": round(total, 2),
                      "unaccounted (checkpoint, rename, bookkeeping)": round(total - sum(
                          v for k, v in seconds.items() if k != "contracts"), 2), "stages": named}, indent=1))


if __name__ == "__main__":
    main()
