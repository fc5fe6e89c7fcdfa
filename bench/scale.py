"""Extraction past one core: one worker against N, and Ray local mode, on White House releases; and the Parquet
export of a warehouse. Prints JSON.

    .venv/bin/python bench/scale.py [--releases 600] [--workers 2] [--no-ray] [--export-db bench/out/synth-1m.duckdb]

Each engine reads the same releases (the first --releases of ../shared/data/wh-briefings, 0 for all of them)
cold: worker processes start and load spaCy inside the timing, as a real `parley load` does. The speed-ups are
ratios measured in one run. Peak memory is the largest resident set of any worker process of the local engine.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.execution import Execution  # noqa: E402
from etl.sources.articles import parse_many_articles  # noqa: E402


def _run(paths: list[Path], execution: Execution) -> tuple[float, int, str]:
    started = time.perf_counter()
    batches = parse_many_articles(paths, "USA", execution)
    seconds = time.perf_counter() - started
    records = sum(len(b.records) for b in batches)
    digest = str(hash(tuple(sorted((r.locator, r.engagement.kind, r.engagement.start_date) for b in batches
                                   for r in b.records))))
    return seconds, records, digest


def _export(db: Path) -> dict:
    from etl.warehouse.export import export_parquet

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        exported = export_parquet(db, Path(tmp) / "parquet")
        seconds = time.perf_counter() - started
        size = sum(p.stat().st_size for p in (Path(tmp) / "parquet").rglob("*.parquet"))
    return {"warehouse": str(db), "views": len(exported), "rows": sum(e.rows for e in exported),
            "engagements": next(e.rows for e in exported if e.name == "engagements"), "seconds": round(seconds, 1),
            "megabytes": round(size / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", type=Path, default=ROOT.parent / "shared" / "data" / "wh-briefings")
    parser.add_argument("--releases", type=int, default=600, help="how many releases (0: the whole archive)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--export-db", type=Path, help="also time `parley export parquet` of this warehouse")
    args = parser.parse_args()
    paths = sorted(args.archive.rglob("*.md"))
    paths = paths[:args.releases] if args.releases else paths
    chars = sum(len(p.read_text("utf-8")) for p in paths)
    report: dict = {"machine": f"{platform.machine()}, {args.workers} workers", "releases": len(paths),
                    "characters": chars}
    one, records, digest = _run(paths, Execution(workers=1))
    report["one_worker"] = {"seconds": round(one, 1), "chars_per_second": round(chars / one)}
    many, _, many_digest = _run(paths, Execution(workers=args.workers))
    report[f"{args.workers}_workers"] = {"seconds": round(many, 1), "speedup": round(one / many, 2),
                                         "same_records": many_digest == digest,
                                         "chars_per_second_per_core": round(chars / many / args.workers)}
    report["peak_worker_megabytes"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    if not args.no_ray:
        ray_seconds, _, ray_digest = _run(paths, Execution(engine="ray", workers=args.workers))
        report["ray_local"] = {"seconds": round(ray_seconds, 1), "speedup": round(one / ray_seconds, 2),
                               "same_records": ray_digest == digest}
    report["records"] = records
    if args.export_db:
        report["export_parquet"] = _export(args.export_db)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
