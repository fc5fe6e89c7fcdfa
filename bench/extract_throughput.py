"""Extractor throughput on one core: articles per second over the dev texts, repeated; prints JSON.

Steady state: the model, gazetteers and officials dictionary load once per process and are timed apart.

    taskset -c 0 .venv/bin/python bench/extract_throughput.py [--repeat 5] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the dev articles in one round")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the median is reported")
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from etl.extract.document import parse_article
    from etl.extract.pipeline import extract_articles, load_nlp

    texts = [json.loads(p.read_text())["text"] for p in sorted((args.eval / "dev").glob("*.json"))]
    articles = [parse_article(t) for t in texts] * args.repeat
    started = time.perf_counter()
    load_nlp()
    list(extract_articles(articles[:1]))  # one-off loads: gazetteers, the officials dictionary
    loaded = time.perf_counter()
    rounds = []
    for _ in range(args.rounds):
        begin = time.perf_counter()
        events = sum(len(x.events) for x in extract_articles(articles))
        rounds.append(time.perf_counter() - begin)
    finished = loaded + statistics.median(rounds)
    print(json.dumps({
        "articles": len(articles), "characters": sum(len(a.text) for a in articles), "events": events,
        "model_and_gazetteer_load_seconds": round(loaded - started, 2),
        "extract_seconds_median": round(finished - loaded, 2), "rounds": [round(r, 2) for r in rounds],
        "articles_per_second": round(len(articles) / (finished - loaded), 1),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
    }, indent=1))


if __name__ == "__main__":
    main()
