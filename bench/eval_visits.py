"""Foreign leaders' visits the Office of the Historian records, against what the extractor reads in releases.

    .venv/bin/python bench/eval_visits.py [--archive ../shared/data/wh-briefings] [--shared ../shared] [--workers N]

Free labels at scale: every visit of a foreign leader to the United States recorded in `hsg-visits` in
2021-2024 should appear, in the White House releases published during it (a day's slack either side), as a
held visit to the United States by that leader. Scores the split we tune on (visits of 2021-2022) beside the
one we never tune on (2023-2024). Prints JSON:
- recorded: recorded visits with at least one release published during them;
- recall: of those, the share found as a visit to the United States by that person;
- recorded_share: of the held visits to the United States by foreigners the extractor reads in those releases,
  the share that is a recorded visit (the rest are ministers, envoys and others the record leaves out, or errors).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_titles import read_archive, run  # noqa: E402

from etl.extract.headlines import same_person  # noqa: E402
from etl.extract.train import read_trips  # noqa: E402

SPLITS = {"tune": (2021, 2022), "untouched": (2023, 2024)}
HOME = "USA"


def score(visits, items, predictions) -> dict:
    """Recall of recorded visits and the recorded share of extracted ones, over one split's visits."""
    recorded = found = 0
    for visit in visits:
        during = [p for i, p in zip(items, predictions) if visit.first <= i.published <= visit.last]
        if not during:
            continue
        recorded += 1
        found += any(e["kind"] == "visit" and e["status"] == "held" and e["country"] == HOME
                     and any(same_person(n, p["name"]) for n in visit.names for p in e["participants"])
                     for events in during for e in events)
    read = matched = 0
    lo, hi = min(v.first for v in visits), max(v.last for v in visits)
    for item, events in zip(items, predictions):
        if not lo <= item.published <= hi:
            continue
        for e in events:
            if e["kind"] == "visit" and e["status"] == "held" and e["country"] == HOME:
                for p in e["participants"]:
                    if p["country"] and p["country"] != HOME:
                        read += 1
                        matched += any(v.first <= item.published <= v.last and any(same_person(n, p["name"])
                                                                                 for n in v.names) for v in visits)
    ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {"recorded": recorded, "recall": ratio(found, recorded), "extracted": read,
            "recorded_share": ratio(matched, read)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", type=Path, default=ROOT.parent / "shared" / "data" / "wh-briefings")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    trips = [t for t in read_trips(args.shared) if t.country == HOME]
    items = [i for i in read_archive(args.archive, untitled_every=1) if i.published.year <= 2024]
    predictions, seconds = run(items, "title", args.workers, HOME)
    report = {}
    for split, years in SPLITS.items():
        visits = [t for t in trips if dt.date(years[0], 1, 1) <= t.first + dt.timedelta(days=1)
                  <= dt.date(years[-1], 12, 31)]
        report[split] = score(visits, items, predictions)
    report["seconds"] = round(seconds, 1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
