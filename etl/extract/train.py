"""`make train`: rebuild the learned confidence model (etl/extract/data/confidence-model.json) from ../shared/data.

    python -m etl.extract.train [--shared ../shared] [--out PATH] [--check] [--workers N]

The labels are free or already ours, and all come from text we tune on:
- White House releases of 2021-2022 (`wh-briefings`): a readout titled 'X's Call with Y' says the candidate
  pairing X with Y is real, 'X's Travel to A and B' says X's visits to A and B are; every candidate in a
  release whose title announces no engagement (statements, fact sheets, proclamations) is taken for noise;
- the tuned split of the evaluation kit's dev articles and of our hand-labelled releases: a candidate is real
  when a gold engagement of its kind holds two of its people (a visit: its visitor and country).

The 2023-2025 releases, the untouched dev articles and the untouched hand-labelled releases are never read.
Training is deterministic (fixed seed, sorted inputs, rounded weights): --check rebuilds the model and fails
unless it is byte-identical to the committed one. Needs scikit-learn (`pip install 'parley[train]'`).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from etl.extract.document import parse_article
from etl.extract.headlines import ANNOUNCES, HeadlineLabel, parse_headline, same_person
from etl.extract.learned import FEATURES, default_artefact, event_features
from etl.sources.markdown import FrontMatterError, parse_release

SEED = 0
REGULARISATION = 0.5  # scikit-learn's C: smaller is smoother; chosen once on the cross-validated tuned data
MIN_SEEN = 3  # a feature seen in fewer training candidates gets no weight
EXACT_WEIGHT = 3.0  # a hand label counts for this many silver ones
TRAIN_YEARS = (2021, 2022)
FOLDS = 5
PAIR_KINDS = ("call", "meeting", "summit", "dialogue")
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Candidate:
    """What the labeller needs of one candidate: its features, kind, people and place."""

    features: tuple[str, ...]
    kind: str
    names: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class Example:
    """One labelled candidate."""

    features: tuple[str, ...]
    label: int
    weight: float
    group: str  # the document it came from: cross-validation never splits a document


def _candidates_task(chunk: list[tuple[str, str | None, str | None]]) -> list[list[Candidate]]:
    """Candidates of each (text, published ISO date, publisher); module-level so worker processes can run it."""
    import datetime as dt

    from etl.extract.pipeline import candidate_events

    articles = [parse_article(text, dt.date.fromisoformat(day) if day else None, publisher=publisher)
                for text, day, publisher in chunk]
    found = []
    for article, _, events in candidate_events(articles):
        per_sentence: dict[int, int] = {}
        for event in events:
            per_sentence[event.sentence] = per_sentence.get(event.sentence, 0) + 1
        found.append([Candidate(tuple(event_features(e, article.publisher, per_sentence[e.sentence])), e.kind,
                                tuple(p.name for p in e.participants), e.country) for e in events])
    return found


def _read_candidates(texts: list[tuple[str, str | None, str | None]], workers: int | None) -> list[list[Candidate]]:
    from etl.extract.parallel import map_articles

    return list(map_articles(_candidates_task, texts, workers))


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


def _release_text(title: str, body: str) -> str:
    """A release as the loader reads it: its title as the first paragraph, then the body."""
    return f"{title}{'' if title[-1:] in '.!?:' else '.'}\n\n{body}" if title else body


def silver_examples(archive: Path, skip_titles: set[str], workers: int | None,
                    years: tuple[int, ...] = TRAIN_YEARS) -> list[Example]:
    """Candidates from every White House release of the given years (the training ones unless told), labelled
    by their titles."""
    releases = []
    for path in sorted(archive.rglob("*.md")):
        try:
            release = parse_release(path.read_text("utf-8"))
        except (FrontMatterError, UnicodeDecodeError):
            continue
        title = release.title or ""
        if release.published.year in years and title not in skip_titles:
            releases.append((str(path.relative_to(archive)), title, release))
    texts = [(_release_text(title, r.body), r.published.isoformat(), "USA") for _, title, r in releases]
    examples = []
    for (name, title, _), candidates in zip(releases, _read_candidates(texts, workers)):
        label, announces = parse_headline(title), bool(ANNOUNCES.search(title))
        for candidate in candidates:
            if (y := silver_label(candidate, label, announces)) is not None:
                examples.append(Example(candidate.features, y, 1.0, f"wh:{name}"))
    return examples


def gold_examples(golds: list[tuple[str, dict]], publisher: str | None, workers: int | None) -> list[Example]:
    """Candidates from hand-labelled texts in the kit's format, labelled by their gold engagements."""
    texts = [(gold["text"], None, publisher) for _, gold in golds]
    examples = []
    for (name, gold), candidates in zip(golds, _read_candidates(texts, workers)):
        examples += [Example(c.features, gold_label(c, gold["events"]), EXACT_WEIGHT, f"gold:{name}")
                     for c in candidates]
    return examples


def _golds(folder: Path, keep=lambda stem: True) -> list[tuple[str, dict]]:
    return [(path.stem, json.loads(path.read_text("utf-8"))) for path in sorted(folder.glob("*.json")) if keep(path.stem)]


def training_set(shared: Path, workers: int | None = None) -> tuple[list[Example], dict]:
    """Every labelled candidate of the tuned splits, and how many came from each source."""
    splits = json.loads((ROOT / "bench" / "splits.json").read_text("utf-8"))
    dev = _golds(shared / "eval" / "dev", lambda stem: stem not in splits["dev_articles_untouched"])
    releases = _golds(ROOT / "bench" / "labelled-releases" / "tune")
    skip = {gold["text"].split("\n", 1)[0].split(" ", 2)[-1].rstrip(".") for _, gold in releases}
    sources = {"dev articles (tuned split)": gold_examples(dev, None, workers),
               "hand-labelled releases (tuned split)": gold_examples(releases, "USA", workers),
               "White House titles 2021-2022": silver_examples(shared / "data" / "wh-briefings", skip, workers)}
    counts = {name: {"candidates": len(found), "real": sum(e.label for e in found)} for name, found in sources.items()}
    return [e for found in sources.values() for e in found], counts


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


def train(examples: list[Example], counts: dict) -> dict:
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
    body = {"features": FEATURES, "seed": SEED, "regularisation": REGULARISATION, "min_seen": MIN_SEEN,
            "exact_weight": EXACT_WEIGHT, "bias": round(float(model.intercept_[0]), 4),
            "training": {"sources": counts, "candidates": len(examples), "real": sum(y),
                         "cross_validated_auc": auc(y, probabilities)}, "weights": weights}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:10]
    return {"model": "parley-confidence", "version": f"confidence-{digest}", **body}


def serialise(artefact: dict) -> str:
    """The artefact as committed: sorted keys, one weight per line, so a retrain's diff reads."""
    return json.dumps(artefact, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=default_artefact())
    parser.add_argument("--check", action="store_true", help="fail unless the rebuilt model equals the one at --out")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    examples, counts = training_set(args.shared, args.workers)
    text = serialise(train(examples, counts))
    if args.check:
        current = args.out.read_text("utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out}: differs from the model `make train` builds now; run `make train` and commit it",
                  file=sys.stderr)
            return 1
        print(f"{args.out}: reproduced exactly")
        return 0
    args.out.write_text(text, "utf-8")
    artefact = json.loads(text)
    print(f"{args.out}: {artefact['version']}, {len(artefact['weights'])} weights, "
          f"cross-validated AUC {artefact['training']['cross_validated_auc']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
