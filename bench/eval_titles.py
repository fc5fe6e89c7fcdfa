"""Silver evaluation at scale: what White House release titles say happened, against what the extractor reads.

    .venv/bin/python bench/eval_titles.py [--archive ../shared/data/wh-briefings] [--untitled-every 1] [--workers 2]

Titles are labels for free ('Readout of President Biden's Call with Prime Minister Modi of India': who, how, with
whom and which country; 'X's Travel to A, B and C': a visit to each). Every release is read twice: as loaded, title
first, and from the body alone with the headline withheld. Scores are printed for the split we tune on (releases
of 2021-2022) beside the split we never tune on (2023-2025). Prints JSON.

- titled_recall: calls and meetings a title announces that the extractor finds (both people, any engagement kind);
- kind_accuracy, counterpart_country_accuracy: of those found, the kind and the counterpart's country right;
- title_pair_share: of the pairs extracted from titled readouts, the share that is the title's pair;
- visit_recall: destinations of 'Travel to' titles found as a visit by that traveller;
- noise_per_release: engagements extracted per release whose title announces none (noise_by_kind: by kind).
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extract.document import parse_article  # noqa: E402
from etl.extract.headlines import ANNOUNCES, HeadlineLabel, parse_headline, same_person  # noqa: E402
from etl.sources.markdown import readable_releases, release_text  # noqa: E402

TUNE_YEARS = (2021, 2022)
PAIR_KINDS = ("call", "meeting", "summit", "dialogue")


@dataclass
class Item:
    """One release: its split, its title's label, and the texts to extract."""

    path: str
    split: str
    title: str
    label: HeadlineLabel | None
    announces: bool
    with_title: str
    body_only: str
    published: object


def read_archive(archive: Path, untitled_every: int) -> list[Item]:
    """Every release in the archive (every n-th of those whose title announces nothing)."""
    items, untitled = [], 0
    for path, release in readable_releases(archive):
        title = release.title or ""
        announces = bool(ANNOUNCES.search(title))
        if not announces:
            untitled += 1
            if untitled % untitled_every:
                continue
        split = "tune" if release.published.year in TUNE_YEARS else "untouched"
        with_title = release_text(release)
        items.append(Item(str(path), split, title, parse_headline(title), announces, with_title, release.body,
                          release.published))
    return items


def _extract(chunk: list[tuple[str, object, str | None]]) -> list[list[dict]]:
    from etl.extract.pipeline import event_json, extract_articles

    articles = [parse_article(text, published, publisher=publisher) for text, published, publisher in chunk]
    return [[event_json(e) for e in found.events] for found in extract_articles(articles)]


def _has(event: dict, name: str) -> dict | None:
    """The participant of an event who is the titled person, if any."""
    return next((p for p in event["participants"] if same_person(name, p["name"])), None)


def score(items: list[Item], predictions: list[list[dict]]) -> dict:
    """The silver metrics over one split."""
    titled = found = kind_right = country_known = country_right = 0
    pairs_total = pairs_title = 0
    destinations = destinations_found = 0
    untitled_releases = untitled_events = 0
    noise_kinds: Counter = Counter()
    for item, events in zip(items, predictions):
        label = item.label
        if not item.announces:
            untitled_releases += 1
            untitled_events += len(events)
            noise_kinds.update(e["kind"] for e in events)
        if label is None:
            continue
        who = label.who.name
        if label.kind == "visit":
            for country in label.destinations:
                destinations += 1
                destinations_found += any(e["kind"] == "visit" and e["country"] == country and _has(e, who)
                                          for e in events)
            continue
        for event in events:
            if event["kind"] in PAIR_KINDS:
                names = [p["name"] for p in event["participants"]]
                for i, a in enumerate(names):
                    for b in names[i + 1:]:
                        pairs_total += 1
                        pairs_title += any((same_person(who, a) and same_person(c.name, b)) or
                                           (same_person(who, b) and same_person(c.name, a)) for c in label.counterparts)
        for counterpart in label.counterparts:
            titled += 1
            matches = [e for e in events if e["kind"] in PAIR_KINDS and _has(e, who) and _has(e, counterpart.name)]
            if not matches:
                continue
            found += 1
            kind_right += any(e["kind"] == label.kind for e in matches)
            if counterpart.country:
                country_known += 1
                country_right += any(_has(e, counterpart.name)["country"] == counterpart.country for e in matches)
    ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {"releases": len(items), "titled_engagements": titled, "titled_recall": ratio(found, titled),
            "kind_accuracy": ratio(kind_right, found), "counterpart_country_accuracy": ratio(country_right, country_known),
            "title_pair_share": ratio(pairs_title, pairs_total), "travel_destinations": destinations,
            "visit_recall": ratio(destinations_found, destinations), "untitled_releases": untitled_releases,
            "noise_per_release": ratio(untitled_events, untitled_releases),
            "noise_by_kind": {kind: ratio(n, untitled_releases) for kind, n in sorted(noise_kinds.items())}}


def run(items: list[Item], mode: str, workers: int | None, publisher: str | None) -> tuple[list[list[dict]], float]:
    """Extract every item's text in one mode ('title' or 'body'); returns the predictions and the seconds taken."""
    from etl.extract.parallel import Failed, map_articles

    texts = [(i.with_title if mode == "title" else i.body_only, i.published, publisher) for i in items]
    started = time.perf_counter()
    predictions = list(map_articles(_extract, texts, workers))
    if failures := [p.reason for p in predictions if isinstance(p, Failed)]:
        raise RuntimeError(f"{len(failures)} release(s) could not be read: {failures[0]}")
    return predictions, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", type=Path, default=ROOT.parent / "shared" / "data" / "wh-briefings")
    parser.add_argument("--untitled-every", type=int, default=1,
                        help="score every n-th release whose title announces nothing (1: all of them)")
    parser.add_argument("--modes", default="title,body", help="title, body or both (comma-separated)")
    parser.add_argument("--publisher", default="USA", help="whose releases these are (ISO3), as `publisher =` says")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    from etl.extract.parallel import worker_count

    items = read_archive(args.archive, args.untitled_every)
    report: dict = {"archive": str(args.archive), "machine": f"{platform.machine()} {worker_count(args.workers)} workers",
                    "releases": len(items), "characters": sum(len(i.with_title) for i in items)}
    for mode in args.modes.split(","):
        predictions, seconds = run(items, mode, args.workers, args.publisher)
        chars = sum(len(i.with_title if mode == "title" else i.body_only) for i in items)
        report[mode] = {
            split: score([i for i in items if i.split == split],
                         [p for i, p in zip(items, predictions) if i.split == split])
            for split in ("tune", "untouched")}
        report[mode]["seconds"] = round(seconds, 1)
        report[mode]["chars_per_second_per_core"] = round(chars / seconds / worker_count(args.workers))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
