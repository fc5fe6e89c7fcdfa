"""`make train`: rebuild the learned models (etl/extract/data/<name>-model.json) from ../shared/data.

    python -m etl.extract.train [--shared ../shared] [--out-dir DIR] [--check] [--workers N]

The labels are free or already ours, and all come from text we tune on. For the confidence model:
- White House releases of 2021-2022 (`wh-briefings`): a readout titled 'X's Call with Y' says the candidate
  pairing X with Y is real, 'X's Travel to A and B' says X's visits to A and B are; every candidate in a
  release whose title announces no engagement (statements, fact sheets, proclamations) is taken for noise; the
  releases we labelled by hand count by their exact labels instead, not twice;
- the tuned split of the evaluation kit's dev articles and of our hand-labelled releases: a candidate is real
  when a gold engagement of its kind holds two of its people (a visit: its visitor and country).
For the at-home model, the Office of the Historian's record of the same dates: a meeting in a 2021-2022 release
was held at home when a foreign participant was on a recorded visit to the United States that day
(`hsg-visits`), and abroad when an American participant was on a recorded trip abroad (`hsg-travels`).

The 2023-2025 releases, the untouched dev articles and the untouched hand-labelled releases are never read.
Training is deterministic (fixed seed, sorted inputs, rounded weights): --check rebuilds the model and fails
unless it is byte-identical to the committed one. Needs scikit-learn (`pip install 'parley[train]'`).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from etl.extract.document import parse_article
from etl.extract.headlines import ANNOUNCES, HeadlineLabel, parse_headline, same_person
from etl.extract.learned import FEATURES, at_home_candidate, at_home_features, candidate_features, default_artefact
from etl.sources.markdown import readable_releases, release_text

SEED = 0
REGULARISATION = 0.5  # scikit-learn's C: smaller is smoother; chosen once on the cross-validated tuned data
MIN_SEEN = 3  # a feature seen in fewer training candidates gets no weight
EXACT_WEIGHT = 3.0  # a hand label counts for this many silver ones
TRAIN_YEARS = (2021, 2022)
FOLDS = 5
PAIR_KINDS = ("call", "meeting", "summit", "dialogue")
ROOT = Path(__file__).resolve().parents[2]
# Where a hand-labelled release's source note says it came from: '(../shared/data/wh-briefings/<file>.md)'.
_ARCHIVE_FILE = re.compile(r"\(\.\./shared/data/wh-briefings/([^()]+\.md)\)")


@dataclass(frozen=True)
class Candidate:
    """What the labellers need of one candidate: each model's features, its kind, people, place and day."""

    features: tuple[str, ...]
    kind: str
    names: tuple[str, ...]
    country: str | None
    at_home: tuple[str, ...] | None = None  # the at-home model's features, for the meetings it decides on
    countries: tuple[str | None, ...] = ()  # each person's
    day: str | None = None


@dataclass(frozen=True)
class Trip:
    """One recorded stay abroad: who, where, from and to which day (a day's slack either side)."""

    names: tuple[str, ...]
    country: str
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class Example:
    """One labelled candidate."""

    features: tuple[str, ...]
    label: int
    weight: float
    group: str  # the document it came from: cross-validation never splits a document


def _candidates_task(chunk: list[tuple[str, str | None, str | None]]) -> list[list[Candidate]]:
    """Candidates of each (text, published ISO date, publisher); module-level so worker processes can run it."""
    from etl.extract.pipeline import candidate_events

    articles = [parse_article(text, dt.date.fromisoformat(day) if day else None, publisher=publisher)
                for text, day, publisher in chunk]
    found = []
    for article, _, events, places in candidate_events(articles):
        features = candidate_features(events, article.publisher)
        found.append([Candidate(
            tuple(f), e.kind, tuple(p.name for p in e.participants), e.country,
            tuple(at_home_features(e, article.publisher, places)) if at_home_candidate(e, article.publisher) else None,
            tuple(p.country for p in e.participants), e.date.start.isoformat() if e.date else None)
            for e, f in zip(events, features)])
    return found


def _read_candidates(texts: list[tuple[str, str | None, str | None]], workers: int | None) -> list[list[Candidate]]:
    from etl.extract.parallel import Failed, map_articles

    found = list(map_articles(_candidates_task, texts, workers))
    if failures := [f.reason for f in found if isinstance(f, Failed)]:
        raise RuntimeError(f"{len(failures)} training text(s) could not be read: {failures[0]}")
    return found


def _has(names: tuple[str, ...], person: str) -> bool:
    return any(same_person(person, name) for name in names)


def silver_label(candidate: Candidate, label: HeadlineLabel | None, announces: bool) -> int | None:
    """1 when a release's title says the candidate happened, 0 when the title announces nothing, else unknown."""
    if not announces:
        return 0
    if label is None or not _has(candidate.names, label.who.name):
        return None
    if label.kind == "visit":
        return 1 if candidate.kind == "visit" and candidate.country in label.destinations else None
    if candidate.kind in PAIR_KINDS and any(_has(candidate.names, c.name) for c in label.counterparts):
        return 1
    return None


def gold_label(candidate: Candidate, gold_events: list[dict]) -> int:
    """1 when a gold engagement of the candidate's kind holds two of its people (a visit: visitor and country)."""
    for event in gold_events:
        names = [p["name"] for p in event.get("participants") or [] if p.get("name")]
        shared = sum(any(same_person(g, c) for g in names) for c in candidate.names)
        if candidate.kind == "visit":
            if event["kind"] == "visit" and event.get("country") == candidate.country and shared:
                return 1
        elif event["kind"] in PAIR_KINDS and shared >= 2:
            return 1
    return 0


@dataclass(frozen=True)
class Release:
    """A White House release read for training: its file, title and the rules' candidates."""

    name: str
    title: str
    candidates: list[Candidate]


def read_releases(archive: Path, years: tuple[int, ...], workers: int | None) -> list[Release]:
    """Every White House release of the given years, with candidates."""
    releases = [(path.relative_to(archive).as_posix(), release.title or "", release)
                for path, release in readable_releases(archive) if release.published.year in years]
    texts = [(release_text(r), r.published.isoformat(), "USA") for _, _, r in releases]
    return [Release(name, title, candidates)
            for (name, title, _), candidates in zip(releases, _read_candidates(texts, workers))]


def silver_examples(releases: list[Release]) -> list[Example]:
    """The confidence model's examples from releases, labelled by their titles."""
    examples = []
    for release in releases:
        label, announces = parse_headline(release.title), bool(ANNOUNCES.search(release.title))
        for candidate in release.candidates:
            if (y := silver_label(candidate, label, announces)) is not None:
                examples.append(Example(candidate.features, y, 1.0, f"wh:{release.name}"))
    return examples


def read_trips(shared: Path) -> list[Trip]:
    """Every recorded trip: US Presidents' and Secretaries' abroad, and foreign leaders' to the United States."""
    from etl.sources.hsg import iter_xml, parse_travels, parse_visits

    trips = []
    for folder, parse in (("hsg-travels", parse_travels), ("hsg-visits", parse_visits)):
        for path in iter_xml([shared / "data" / folder]):
            for record in parse(path).records:
                e = record.engagement
                if e.kind == "visit" and e.start_date and e.country_iso3:
                    trips.append(Trip(tuple(p.name for p in e.participants), e.country_iso3,
                                      e.start_date - dt.timedelta(days=1),
                                      (e.end_date or e.start_date) + dt.timedelta(days=1)))
    return trips


def _on_trip(name: str, day: str, trips: list[Trip]) -> set[str]:
    """The countries a person was recorded in on a day."""
    date = dt.date.fromisoformat(day)
    return {t.country for t in trips if t.first <= date <= t.last and any(same_person(n, name) for n in t.names)}


def at_home_label(candidate: Candidate, publisher: str, trips: list[Trip]) -> int | None:
    """1 when a foreign participant was recorded visiting the publisher's country that day, 0 when one of the
    publisher's own was recorded abroad, else (or both) unknown."""
    if candidate.at_home is None or candidate.day is None:
        return None
    people = list(zip(candidate.names, candidate.countries))
    home = any(publisher in _on_trip(n, candidate.day, trips) for n, c in people if c and c != publisher)
    away = any(_on_trip(n, candidate.day, trips) - {publisher} for n, c in people if c == publisher)
    return None if home == away else int(home)


def at_home_examples(releases: list[Release], trips: list[Trip]) -> list[Example]:
    """The at-home model's examples from releases, labelled by the recorded trips of their dates."""
    return [Example(c.at_home, y, 1.0, f"wh:{r.name}") for r in releases for c in r.candidates
            if (y := at_home_label(c, "USA", trips)) is not None]


def gold_examples(golds: list[tuple[str, dict]], publisher: str | None, workers: int | None) -> list[Example]:
    """Candidates from hand-labelled texts in the kit's format, labelled by their gold engagements."""
    texts = [(gold["text"], None, publisher) for _, gold in golds]
    examples = []
    for (name, gold), candidates in zip(golds, _read_candidates(texts, workers)):
        examples += [Example(c.features, gold_label(c, gold["events"]), EXACT_WEIGHT, f"gold:{name}")
                     for c in candidates]
    return examples


def labelled_files(golds: list[dict]) -> set[str]:
    """The archive files hand-labelled releases came from, as their source notes give them: their exact labels
    count, so their titles' silver ones are not counted again."""
    return {found[1] for gold in golds if (found := _ARCHIVE_FILE.search(gold.get("source_note", "")))}


def _golds(folder: Path, keep=lambda stem: True) -> list[tuple[str, dict]]:
    return [(path.stem, json.loads(path.read_text("utf-8"))) for path in sorted(folder.glob("*.json")) if keep(path.stem)]


def training_sets(shared: Path, workers: int | None = None) -> dict[str, tuple[list[Example], dict]]:
    """Each model's labelled candidates from the tuned splits, and how many came from each source."""
    splits = json.loads((ROOT / "bench" / "splits.json").read_text("utf-8"))
    dev = _golds(shared / "eval" / "dev", lambda stem: stem not in splits["dev_articles_untouched"])
    labelled = _golds(ROOT / "bench" / "labelled-releases" / "tune")
    releases = read_releases(shared / "data" / "wh-briefings", TRAIN_YEARS, workers)
    exact = labelled_files([gold for _, gold in labelled])
    sources = {
        "confidence": {"dev articles (tuned split)": gold_examples(dev, None, workers),
                       "hand-labelled releases (tuned split)": gold_examples(labelled, "USA", workers),
                       "White House titles 2021-2022": silver_examples([r for r in releases if r.name not in exact])},
        "at-home": {"White House meetings 2021-2022, by the Office of the Historian's trips":
                    at_home_examples(releases, read_trips(shared))}}
    return {model: ([e for found in by_source.values() for e in found],
                    {name: {"candidates": len(found), "positive": sum(e.label for e in found)}
                     for name, found in by_source.items()})
            for model, by_source in sources.items()}


def _vocabulary(examples: list[Example]) -> list[str]:
    seen: dict[str, int] = {}
    for example in examples:
        for feature in set(example.features):
            seen[feature] = seen.get(feature, 0) + 1
    return sorted(f for f, n in seen.items() if n >= MIN_SEEN)


def _matrix(examples: list[Example], vocabulary: list[str]):
    from scipy.sparse import csr_matrix

    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for row, example in enumerate(examples):
        for col in sorted({index[f] for f in example.features if f in index}):
            rows.append(row)
            cols.append(col)
    return csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(examples), len(vocabulary)))


def _fit(x, y, w):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=REGULARISATION, solver="liblinear", random_state=SEED, max_iter=1000).fit(
        x, y, sample_weight=w)


def auc(labels: list[int], scores: list[float]) -> float | None:
    """Area under the ROC curve: the chance a real candidate scores above a noise one."""
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(labels, scores)), 3) if 0 < sum(labels) < len(labels) else None


def train(name: str, examples: list[Example], counts: dict) -> dict:
    """Fit the model, and measure it on probabilities cross-validated by document; returns the artefact."""
    from sklearn.model_selection import GroupKFold

    vocabulary = _vocabulary(examples)
    x = _matrix(examples, vocabulary)
    y = [e.label for e in examples]
    w = [e.weight for e in examples]
    groups = [e.group for e in examples]
    probabilities = [0.0] * len(examples)
    for fit_rows, test_rows in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        model = _fit(x[fit_rows], [y[i] for i in fit_rows], [w[i] for i in fit_rows])
        for row, p in zip(test_rows, model.predict_proba(x[test_rows])[:, 1]):
            probabilities[row] = float(p)
    model = _fit(x, y, w)
    weights = {f: round(float(c), 4) for f, c in zip(vocabulary, model.coef_[0]) if abs(c) >= 1e-4}
    body = {"features": FEATURES[name], "seed": SEED, "regularisation": REGULARISATION, "min_seen": MIN_SEEN,
            "exact_weight": EXACT_WEIGHT, "bias": round(float(model.intercept_[0]), 4),
            "training": {"sources": counts, "candidates": len(examples), "positive": sum(y),
                         "cross_validated_auc": auc(y, probabilities)}, "weights": weights}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:10]
    return {"model": f"parley-{name}", "version": f"{name}-{digest}", **body}


def serialise(artefact: dict) -> str:
    """The artefact as committed: sorted keys, one weight per line, so a retrain's diff reads."""
    return json.dumps(artefact, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out-dir", type=Path, default=default_artefact("confidence").parent)
    parser.add_argument("--check", action="store_true", help="fail unless each rebuilt model equals the committed one")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    failed = 0
    for name, (examples, counts) in training_sets(args.shared, args.workers).items():
        out = args.out_dir / default_artefact(name).name
        text = serialise(train(name, examples, counts))
        if args.check:
            same = out.exists() and out.read_text("utf-8") == text
            print(f"{out}: reproduced exactly" if same else
                  f"{out}: differs from the model `make train` builds now; run `make train` and commit it",
                  file=sys.stdout if same else sys.stderr)
            failed += not same
            continue
        out.write_text(text, "utf-8")
        artefact = json.loads(text)
        print(f"{out}: {artefact['version']}, {len(artefact['weights'])} weights, "
              f"cross-validated AUC {artefact['training']['cross_validated_auc']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
