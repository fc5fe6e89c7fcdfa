"""`parley load` of a press archive against spaCy's pipeline alone on the same texts, both measured in one run.

    .venv/bin/python bench/load_archive.py [--archive ../shared/data/wh-briefings] [--every 1] [--workers 2]

1. spaCy alone: the components Parley loads (load_nlp()), over every release's text as the loader reads it
   (title first, Markdown reduced to text), in one process on one core, cold.
2. `parley load articles ARCHIVE --publisher USA` into an empty warehouse, as a user runs it (every core).

Prints JSON: both times, their ratio (the issue's target is <= 0.4), characters per second per core, and what the
load wrote. --every N takes every N-th release, for a quicker look.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts(files: list[Path]) -> list[str]:
    from etl.sources.articles import read_articles

    return [raw.text for path in files for raw in read_articles(path) if hasattr(raw, "text")]


def spacy_alone(texts: list[str]) -> float:
    """Seconds spaCy's pipeline takes over the texts on one core, in a fresh process (cold)."""
    code = ("import json,sys,time;from etl.extract.pipeline import load_nlp,MAX_CHARS;texts=json.load(sys.stdin);"
            "nlp=load_nlp();t=time.perf_counter();[None for _ in nlp.pipe((x[:MAX_CHARS] for x in texts),batch_size=16)];"
            "print(time.perf_counter()-t)")
    out = subprocess.run(["taskset", "-c", "0", sys.executable, "-c", code], input=json.dumps(texts), text=True,
                         capture_output=True, check=True, cwd=ROOT).stdout
    return float(out.strip())


def parley_load(archive: Path, workers: int | None) -> tuple[float, str]:
    """Seconds `parley load` takes over the archive into an empty warehouse, and its summary line."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PARLEY_CONFIG": str(Path(tmp) / "none.toml")}
        if workers:
            env["PARLEY_WORKERS"] = str(workers)
        started = time.perf_counter()
        done = subprocess.run([str(Path(sys.executable).parent / "parley"), "load", "articles", str(archive),
                               "--publisher", "USA", "--db", str(Path(tmp) / "w.duckdb"), "--allow-rejects"],
                              capture_output=True, text=True, env=env, check=True)
        return time.perf_counter() - started, done.stderr.strip().splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", type=Path, default=ROOT.parent / "shared" / "data" / "wh-briefings")
    parser.add_argument("--every", type=int, default=1, help="take every n-th release (1: all)")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    from etl.extract.parallel import worker_count

    files = sorted(args.archive.rglob("*.md"))[::args.every]
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        archive.mkdir()
        for path in files:
            shutil.copyfile(path, archive / path.name)
        texts = _texts(sorted(archive.glob("*.md")))
        chars = sum(len(t) for t in texts)
        spacy_seconds = spacy_alone(texts)
        load_seconds, summary = parley_load(archive, args.workers)
    workers = worker_count(args.workers)
    print(json.dumps({
        "machine": f"{platform.machine()}, {os.cpu_count()} cores", "releases": len(files), "characters": chars,
        "spacy_alone_one_core_s": round(spacy_seconds, 1), "parley_load_s": round(load_seconds, 1),
        "workers": workers, "load_over_spacy": round(load_seconds / spacy_seconds, 2),
        "spacy_chars_per_s_per_core": round(chars / spacy_seconds),
        "load_chars_per_s_per_core": round(chars / load_seconds / workers), "load": summary}, indent=1))


if __name__ == "__main__":
    main()
