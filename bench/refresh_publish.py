"""Time to publish one new article, one new curated table and one GDELT export into a large warehouse. Prints JSON.

    .venv/bin/python bench/synth_warehouse.py --engagements 1000000 --out bench/out/synth-1m.duckdb
    .venv/bin/python bench/refresh_publish.py --base bench/out/synth-1m.duckdb
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "articles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=Path, required=True, help="warehouse to start from (copied, not changed)")
    args = parser.parse_args()
    from etl.config import load_settings
    from etl.refresh import run_refresh
    from etl.extract.pipeline import load_nlp

    load_nlp()  # model load is a one-off per process, not part of publishing
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copyfile(args.base, project / "parley.duckdb")
        (project / "articles").mkdir()
        shutil.copy(next(SEED.glob("*.txt")), project / "articles")
        shutil.copy(ROOT / "data/sources/curated/engagements.csv", project / "table.csv")
        (project / "gdelt").mkdir()
        shutil.copy(ROOT / "data/sources/gdelt/20191024143000.export.CSV", project / "gdelt")
        (project / "parley.toml").write_text('[warehouse]\npath = "parley.duckdb"\n'
                                             '[[sources]]\nkind = "articles"\npath = "articles"\n'
                                             '[[sources]]\nkind = "table"\npath = "table.csv"\n'
                                             '[[sources]]\nkind = "gdelt"\npath = "gdelt"\n')
        settings = load_settings(project / "parley.toml")
        started = time.perf_counter()
        result = run_refresh(settings)
        publish = time.perf_counter() - started
        started = time.perf_counter()
        noop = run_refresh(settings)
        idle = time.perf_counter() - started
    print(json.dumps({"base": str(args.base), "base_size_mb": round(args.base.stat().st_size / 2**20, 1),
                      "new_inputs": 3, "records_loaded": sum(s.records_loaded for s in result.summaries),
                      "publish_seconds": round(publish, 2), "published": result.published,
                      "nothing_new_seconds": round(idle, 2), "nothing_new_published": noop.published}, indent=1))


if __name__ == "__main__":
    main()
