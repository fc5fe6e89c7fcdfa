"""The learned confidence: features from tables of cases, the artefact's loading and errors, labelling, training.

None of this loads spaCy; the last test rebuilds the committed model from ../shared and compares bytes.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.extract.dates import DateSpan
from etl.extract.headlines import parse_headline
from etl.extract.learned import (FEATURES, LogisticModel, ModelArtefactError, at_home_candidate, at_home_features,
                                 default_artefact, event_features, load_model, place_at_home, read_model,
                                 score_candidates)
from etl.extract.model import Event, Person
from etl.extract.train import (Candidate, Example, Trip, at_home_label, gold_label, labelled_files, serialise,
                               silver_label, train)
from etl.extract.venues import DocumentPlaces, document_places

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _event(kind="meeting", people=(("Joseph R. Biden", "President", "USA"), ("Narendra Modi", "Prime Minister", "IND")),
           evidence="President Biden met with Prime Minister Modi today.", rules=("trigger.meeting: 'met with'",),
           status="held", sentence=1) -> Event:
    event = Event(kind, status, DateSpan(__import__("datetime").date(2022, 5, 24), None, "day"), None, None,
                  [Person(n, t, c) for n, t, c in people], evidence, sentence)
    event.rules = list(rules)
    return event


FEATURE_CASES = [
    # what the candidate is, features it must have, features it must not have
    ("a titled bilateral meeting", _event(),
     ["kind=meeting", "meeting|status=held", "meeting|people=<=2", "meeting|sides=<=2", "meeting|no-country=<=0",
      "meeting|rule=trigger.meeting", "meeting|trigger=met", "meeting|trigger=with", "w=met", "w=with", "w=today"],
     ["w=biden", "w=president", "meeting|quoted"]),
    ("a quote's call with an untitled, stateless person",
     _event("call", (("Joe Biden", "President", "USA"), ("Somebody Else", None, None)),
            "“I spoke with him by phone,” Biden said.", ("trigger.call: 'by phone'",)),
     ["call|quoted", "call|untitled=<=1", "call|no-country=<=1", "call|sides=<=1", "call|trigger=phone", "w=spoke"],
     ["call|untitled=<=0", "w=biden"]),
    ("a planned visit by one traveller",
     _event("visit", (("Antony Blinken", "Secretary", "USA"),), "Blinken will travel to India next week.",
            ("trigger.visit: 'travel to'", "status.planned: future words"), status="planned"),
     ["kind=visit", "visit|status=planned", "visit|people=<=1", "visit|rule=status.planned", "w=will"],
     ["w=india", "kind=meeting"]),
]


@pytest.mark.parametrize("case, event, present, absent", FEATURE_CASES, ids=[c[0] for c in FEATURE_CASES])
def test_event_features(case, event, present, absent):
    features = event_features(event, "USA", 1)
    assert set(present) <= set(features), set(present) - set(features)
    assert not set(absent) & set(features)


def test_features_count_candidates_in_the_same_sentence():
    assert "meeting|same-sentence=<=1" in event_features(_event(), None, 1)
    assert "meeting|same-sentence=>2" in event_features(_event(), None, 4)


def test_committed_model_loads_and_scores_every_candidate():
    model = load_model()
    assert model.version.startswith("confidence-") and model.weights
    strong, weak = _event(), _event(people=(("Somebody", None, None), ("Other", None, None)),
                                    evidence="The bill, which the meeting of members would review, has passed and "
                                             "is law.", rules=("trigger.meeting: 'meeting'",), sentence=14)
    score_candidates([strong, weak], "USA", model)
    assert 0.0 < weak.confidence < strong.confidence <= 0.99
    assert strong.rules[-1].startswith("model.confidence: p=") and model.version in strong.rules[-1]


def test_probability_is_the_logistic_of_the_weighted_sum():
    model = LogisticModel({"a": 2.0, "b": -1.0}, bias=-1.0, version="t")
    assert model.probability(["a"]) == pytest.approx(1 / (1 + 2.718281828 ** -1.0))
    assert model.probability(["a", "b", "unknown"]) == pytest.approx(0.5)


def _write(tmp_path: Path, content) -> Path:
    path = tmp_path / "model.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


GOOD = {"features": FEATURES["confidence"], "weights": {"w=met": 1.0}, "bias": 0.1, "version": "confidence-test"}
BROKEN = [
    ("not JSON", "{weights: ", "not readable JSON"),
    ("not an object", [1, 2], "not a JSON object"),
    ("other features", {**GOOD, "features": "confidence-features/0"}, "field 'features'"),
    ("no bias", {k: v for k, v in GOOD.items() if k != "bias"}, "field 'bias' is missing"),
    ("weights not a mapping", {**GOOD, "weights": [1.0]}, "wrong type"),
    ("a weight not a number", {**GOOD, "weights": {"w=met": "high"}}, "wrong type"),
]


@pytest.mark.parametrize("case, content, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_artefact_is_a_clear_error_naming_the_file(tmp_path, case, content, message):
    path = _write(tmp_path, content)
    with pytest.raises(ModelArtefactError, match=message) as error:
        read_model(path, FEATURES["confidence"])
    assert str(path) in str(error.value)


def test_a_missing_artefact_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(ModelArtefactError, match=r"missing; rebuild it with `make train`"):
        read_model(tmp_path / "nowhere.json", FEATURES["confidence"])


def test_a_good_artefact_reads(tmp_path):
    model = read_model(_write(tmp_path, GOOD), FEATURES["confidence"])
    assert model == LogisticModel({"w=met": 1.0}, 0.1, "confidence-test")


def _candidate(kind, names, country=None):
    return Candidate(("kind=" + kind,), kind, tuple(names), country)


CALL_TITLE = parse_headline("Readout of President Joseph R. Biden, Jr. Call with Prime Minister Narendra Modi of India")
TRAVEL_TITLE = parse_headline("Statement from Press Secretary Kirsten Allen on Vice President Harris’s Travel to "
                              "Japan and Republic of Korea")
SILVER_CASES = [
    ("the titled pair", _candidate("call", ["Joe Biden", "Narendra Modi"]), CALL_TITLE, True, 1),
    ("the titled pair, met rather than called", _candidate("meeting", ["Biden", "Modi"]), CALL_TITLE, True, 1),
    ("someone else in a titled readout", _candidate("call", ["Biden", "Fumio Kishida"]), CALL_TITLE, True, None),
    ("a titled destination", _candidate("visit", ["Kamala Harris"], "JPN"), TRAVEL_TITLE, True, 1),
    ("a destination the title does not name", _candidate("visit", ["Kamala Harris"], "CHN"), TRAVEL_TITLE, True, None),
    ("anything in a release announcing nothing", _candidate("meeting", ["Biden", "Modi"]), None, False, 0),
    ("a titled release the parser cannot read", _candidate("meeting", ["Biden", "Modi"]), None, True, None),
]


@pytest.mark.parametrize("case, candidate, label, announces, expected", SILVER_CASES, ids=[c[0] for c in SILVER_CASES])
def test_silver_label(case, candidate, label, announces, expected):
    assert silver_label(candidate, label, announces) == expected


GOLD = [{"kind": "meeting", "participants": [{"name": "Narendra Modi"}, {"name": "Anthony Albanese"}]},
        {"kind": "visit", "country": "AUS", "participants": [{"name": "Narendra Modi"}]}]


@pytest.mark.parametrize("candidate, expected", [
    (_candidate("meeting", ["Modi", "Albanese"]), 1),
    (_candidate("call", ["Narendra Modi", "Anthony Albanese", "Penny Wong"]), 1),
    (_candidate("meeting", ["Modi", "Penny Wong"]), 0),
    (_candidate("visit", ["Modi"], "AUS"), 1),
    (_candidate("visit", ["Modi"], "NZL"), 0),
])
def test_gold_label(candidate, expected):
    assert gold_label(candidate, GOLD) == expected


def _examples() -> list[Example]:
    real = [Example(("kind=call", "w=spoke", f"w=x{i % 3}"), 1, 1.0, f"doc{i}") for i in range(12)]
    noise = [Example(("kind=call", "w=signed", f"w=x{i % 3}"), 0, 1.0, f"doc{20 + i}") for i in range(12)]
    return real + noise


def test_training_is_deterministic_and_learns_the_signal():
    first, second = serialise(train("confidence", _examples(), {})), serialise(train("confidence", _examples(), {}))
    assert first == second
    artefact = json.loads(first)
    assert artefact["weights"]["w=spoke"] > 0 > artefact["weights"]["w=signed"]
    assert artefact["features"] == FEATURES["confidence"] and artefact["training"]["cross_validated_auc"] == 1.0
    assert artefact["version"].startswith("confidence-")


def test_both_committed_models_load():
    for name in FEATURES:
        assert load_model(name).version.startswith(f"{name}-") and load_model(name).weights


def test_an_artefact_of_the_other_model_is_refused():
    with pytest.raises(ModelArtefactError, match="field 'features'"):
        read_model(default_artefact("at-home"), FEATURES["confidence"])


PLACE_CASES = [
    ("President Biden welcomed Prime Minister Kishida to the White House and the Oval Office.", ("USA", "USA"), ()),
    ("The leaders met on the margins of the G20 Summit in Bali, Indonesia.", (), ("IDN",)),
    ("Blinken travelled to New Delhi on Friday, then to Tokyo.", (), ("IND", "JPN")),
    ("Sunak hosted him at 10 Downing Street, then at Chequers.", ("GBR", "GBR"), ()),
    ("The President discussed the Quad with Prime Minister Modi of India.", (), ()),
    # 'to' says where only after a word of travel
    ("They discussed assistance to Ukraine before he returned to Washington.", (), ("USA",)),
]


@pytest.mark.parametrize("text, seats, places", PLACE_CASES)
def test_document_places(text, seats, places):
    assert document_places(text) == DocumentPlaces(seats, places)


US_IN = (("Joseph R. Biden", "President", "USA"), ("Fumio Kishida", "Prime Minister", "JPN"))


def test_at_home_features_are_relative_to_publisher_and_participants():
    meeting = _event(people=US_IN, evidence="President Biden met with Prime Minister Kishida today.")
    features = at_home_features(meeting, "USA", DocumentPlaces(("USA",), ("JPN", "IDN")))
    assert {"seat=publisher", "place=participant", "place=other", "first-place=participant", "s=met"} <= set(features)
    assert "no-place-named" in at_home_features(meeting, "USA", DocumentPlaces((), ()))


@pytest.mark.parametrize("event, publisher, expected", [
    (_event(people=US_IN), "USA", True),
    (_event(people=US_IN), None, False),
    (_event("call", people=US_IN), "USA", False),
    (_event(people=US_IN, status="planned"), "USA", False),
    (_event(people=(("Fumio Kishida", "Prime Minister", "JPN"), ("Yoon Suk Yeol", "President", "KOR"))), "USA", False),
])
def test_at_home_decides_only_held_meetings_between_the_publisher_and_others(event, publisher, expected):
    assert at_home_candidate(event, publisher) is expected


def test_place_at_home_puts_a_placeless_meeting_at_home_when_the_model_says_so():
    sure, unsure = LogisticModel({"seat=publisher": 5.0}, -1.0, "at-home-t"), LogisticModel({}, -1.0, "at-home-t")
    welcomed, margins = _event(people=US_IN), _event(people=US_IN)
    place_at_home([welcomed], "USA", DocumentPlaces(("USA",), ()), sure)
    place_at_home([margins], "USA", DocumentPlaces((), ("IDN",)), unsure)
    assert welcomed.country == "USA" and welcomed.rules[-1].startswith("model.at-home: p=")
    assert margins.country is None
    placed = _event(people=US_IN)
    placed.country = "IDN"
    place_at_home([placed], "USA", DocumentPlaces(("USA",), ()), sure)
    assert placed.country == "IDN"  # a place the text states always wins


DAY = __import__("datetime").date
TRIPS = [Trip(("Fumio Kishida",), "USA", DAY(2022, 5, 1), DAY(2022, 5, 4)),
         Trip(("Joseph R. Biden",), "JPN", DAY(2022, 5, 21), DAY(2022, 5, 25))]


def _meeting(day):
    return Candidate((), "meeting", ("Joe Biden", "Fumio Kishida"), None, ("s=met",), ("USA", "JPN"), day)


@pytest.mark.parametrize("candidate, expected", [
    (_meeting("2022-05-02"), 1),  # Kishida was recorded visiting the United States
    (_meeting("2022-05-23"), 0),  # Biden was recorded in Japan
    (_meeting("2022-07-01"), None),  # no record either way
    (Candidate((), "meeting", ("Joe Biden", "Fumio Kishida"), None, None, ("USA", "JPN"), "2022-05-02"), None),
])
def test_at_home_label(candidate, expected):
    assert at_home_label(candidate, "USA", TRIPS) == expected


@pytest.mark.skipif(not (SHARED / "data" / "wh-briefings").is_dir(), reason="needs ../shared/data")
def test_the_hand_labelled_releases_are_left_out_of_the_silver_labels():
    folder = ROOT / "bench" / "labelled-releases" / "tune"
    labelled = [json.loads(path.read_text("utf-8")) for path in sorted(folder.glob("*.json"))]
    files = labelled_files(labelled)
    assert len(files) == len(labelled)  # each names its archive file, and no two the same
    assert all((SHARED / "data" / "wh-briefings" / name).is_file() for name in files)


@pytest.mark.skipif(not (SHARED / "data" / "wh-briefings").is_dir(), reason="needs ../shared/data")
@pytest.mark.xdist_group("train")
def test_make_train_reproduces_the_committed_model():
    done = subprocess.run([sys.executable, "-m", "etl.extract.train", "--check", "--shared", str(SHARED)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("reproduced exactly") == len(FEATURES)
