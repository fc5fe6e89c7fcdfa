"""Learned decisions over the candidates the rules propose, each a logistic model trained by `make train`
(etl/extract/train.py) on labels that real data gives for free.

- confidence: how likely a candidate engagement is one the text really reports. It ranks and does not veto: used
  to drop candidates below a threshold it lowered the untouched splits (docs/extraction.md).
- at-home: whether a meeting a government's release reports with no place was held in that government's country,
  so that its foreign participants travelled there (labelled by the Office of the Historian's visits and trips).

Scoring is a dot product over the weights in a small JSON artefact, so reading text never imports scikit-learn.
"""
from __future__ import annotations

import json
import math
from collections import Counter
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from etl.extract.model import Event
from etl.extract.venues import DocumentPlaces

# Each model's feature version, raised whenever its feature function changes: an artefact trained on others is refused.
FEATURES = {"confidence": "confidence-features/1", "at-home": "at-home-features/1"}
AT_HOME_KINDS = ("meeting", "summit", "dialogue")
AT_HOME_THRESHOLD = 0.5
MAX_CONFIDENCE = 0.99  # text is never as certain as a structured record (confidence 1)

_WORD = re.compile(r"[A-Za-z][a-z'’-]*")
_QUOTE = re.compile("[\"“”]")
_TRIGGER = re.compile(r"^trigger\.\w+: '(.*)'$")


class ModelArtefactError(RuntimeError):
    """The learned model's artefact is missing, unreadable or was trained on other features."""


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """A count as a coarse label: '<=2' for the first edge it does not pass, '>N' past the last."""
    return next((f"<={edge}" for edge in edges if value <= edge), f">{edges[-1]}")


def event_features(event: Event, publisher: str | None, in_sentence: int) -> list[str]:
    """The names of the features a candidate engagement has (the model's input; no weights here).

    Only the event and its own sentence count: kind and status, the rules that made it, its trigger words, how
    many people and sides, whether they carry titles and countries, how many candidates its sentence gave,
    whether it quotes someone, and the sentence's lower-case words (never names, so no one is memorised).
    """
    kind = event.kind
    people = event.participants
    countries = {p.country for p in people if p.country}
    features = [f"kind={kind}", f"{kind}|status={event.status}",
                f"{kind}|people={_bucket(len(people), (1, 2, 3))}",
                f"{kind}|sides={_bucket(len(countries), (0, 1, 2))}",
                f"{kind}|no-country={_bucket(sum(not p.country for p in people), (0, 1))}",
                f"{kind}|untitled={_bucket(sum(not p.title for p in people), (0, 1))}",
                f"{kind}|same-sentence={_bucket(in_sentence, (1, 2))}"]
    for rule in event.rules:
        features.append(f"{kind}|rule={rule.split(':', 1)[0]}")
        if trigger := _TRIGGER.match(rule):
            features += [f"{kind}|trigger={word.lower()}" for word in trigger[1].split()]
    if _QUOTE.search(event.evidence):
        features.append(f"{kind}|quoted")
    words = [w for w in _WORD.findall(event.evidence) if w[0].islower()]
    features += sorted({f"w={w.lower()}" for w in words})
    return features


def at_home_candidate(event: Event, publisher: str | None) -> bool:
    """A held in-person meeting between the publisher's side and another, which the at-home model may place."""
    countries = {p.country for p in event.participants if p.country}
    return bool(publisher) and event.kind in AT_HOME_KINDS and event.status == "held" and publisher in countries \
        and bool(countries - {publisher})


def at_home_features(event: Event, publisher: str, places: DocumentPlaces) -> list[str]:
    """The names of the features for 'was this meeting held in the publisher's country': which countries the
    document's seats of government and places are in, relative to the publisher and the participants, and the
    lower-case words of the meeting's sentence. (The document's words as well scored worse: cross-validated AUC
    0.61 against 0.79 on the 234 labelled meetings.)"""
    visitors = {p.country for p in event.participants if p.country and p.country != publisher}

    def side(country: str) -> str:
        return "publisher" if country == publisher else "participant" if country in visitors else "other"

    features = [f"kind={event.kind}"]
    features += sorted({f"seat={side(c)}" for c in places.seats} | {f"place={side(c)}" for c in places.places})
    if places.places:
        features.append(f"first-place={side(places.places[0])}")
    if event.country is None and not places.places and not places.seats:
        features.append("no-place-named")
    features += sorted({f"s={w.lower()}" for w in _WORD.findall(event.evidence) if w[0].islower()})
    return features


@dataclass(frozen=True)
class LogisticModel:
    """Weights of a logistic model over named features."""

    weights: dict[str, float]
    bias: float
    version: str

    def probability(self, features: list[str]) -> float:
        """How likely the candidate with these features is a reported engagement."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def default_artefact(name: str) -> Path:
    """Where a committed model lives (package data beside the extractor): data/<name>-model.json."""
    return Path(str(resources.files("etl.extract").joinpath("data", f"{name}-model.json")))


def read_model(path: Path, features: str) -> LogisticModel:
    """The model stored at path, trained on the given feature version; a clear error naming the file and field
    when it is missing or broken."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ModelArtefactError(f"{path}: the learned model is missing; rebuild it with `make train`") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelArtefactError(f"{path}: the learned model is not readable JSON ({error}); "
                                 "restore it from git or rebuild it with `make train`") from None
    if not isinstance(data, dict):
        raise ModelArtefactError(f"{path}: the learned model is not a JSON object")
    if data.get("features") != features:
        raise ModelArtefactError(f"{path}: field 'features' is {data.get('features')!r}, but this extractor computes "
                                 f"{features!r}; rebuild the model with `make train`")
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        bias, version = float(data["bias"]), str(data["version"])
    except KeyError as missing:
        raise ModelArtefactError(f"{path}: field {missing} is missing from the learned model") from None
    except (AttributeError, TypeError, ValueError) as error:
        raise ModelArtefactError(f"{path}: a field of the learned model has the wrong type ({error})") from None
    return LogisticModel(weights, bias, version)


@lru_cache(maxsize=None)
def load_model(name: str = "confidence") -> LogisticModel:
    """A committed model ('confidence' or 'at-home'), read once per process."""
    return read_model(default_artefact(name), FEATURES[name])


def candidate_features(events: list[Event], publisher: str | None) -> list[list[str]]:
    """The confidence model's features of each candidate of one document, in order."""
    per_sentence = Counter(event.sentence for event in events)
    return [event_features(e, publisher, per_sentence[e.sentence]) for e in events]


def candidate_scores(events: list[Event], publisher: str | None, model: LogisticModel) -> list[float]:
    """The model's probability for each candidate, in order."""
    return [model.probability(features) for features in candidate_features(events, publisher)]


def score_candidates(events: list[Event], publisher: str | None, model: LogisticModel | None = None) -> None:
    """Each candidate's confidence becomes the model's probability, with a rule saying so."""
    model = model or load_model()
    for event, p in zip(events, candidate_scores(events, publisher, model)):
        event.confidence = min(MAX_CONFIDENCE, max(0.01, round(p, 2)))
        event.rules.append(f"model.confidence: p={p:.2f} ({model.version})")


def place_at_home(events: list[Event], publisher: str | None, places: DocumentPlaces,
                  model: LogisticModel | None = None) -> None:
    """A meeting with no stated place that the at-home model believes was held in the publisher's country is put
    there, with a rule saying so (its foreign participants then get their visits)."""
    if not publisher:
        return
    model = model or load_model("at-home")
    for event in events:
        if event.country is None and at_home_candidate(event, publisher):
            p = model.probability(at_home_features(event, publisher, places))
            if p >= AT_HOME_THRESHOLD:
                event.country = publisher
                event.rules.append(f"model.at-home: p={p:.2f} ({model.version})")
