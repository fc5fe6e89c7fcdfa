"""Where a document says things happen, as plain string logic: seats of government and places after 'in', 'to', 'at'.

These are what the learned at-home decision reads (etl/extract/learned.py): a readout that names the White House
or 'to Washington' leans a meeting with no stated place towards the publisher's country, 'in Bali' away from it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from etl.extract.gazetteer import country_of_city, country_of_word

# 'to' only after a word of travel: 'traveled to Washington' says where, 'assistance to Ukraine' does not.
_PLACE_AFTER = re.compile(r"(?:\b(?:in|at|from)|\b(?:travel\w*|trip|visit\w*|arriv\w*|welcom\w*|return\w*|came|come|"
                          r"went|flew|journey\w*|head\w*)(?:\s+[\w’'-]+){0,3}?\s+to|,\s+then\s+(?:on\s+)?to)\s+(?:the\s+)?"
                          r"([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})")


@lru_cache(maxsize=1)
def seats() -> dict[str, str]:
    """Seat of government or state venue -> ISO3 (`data/seats.tsv`)."""
    text = resources.files(__package__).joinpath("data", "seats.tsv").read_text("utf-8")
    return {row["venue"]: row["iso3"] for row in csv.DictReader(text.splitlines(), delimiter="\t")}


@lru_cache(maxsize=1)
def _seat_pattern() -> re.Pattern:
    names = sorted(seats(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def seat_met_at(sentence: str) -> str | None:
    """The country of a seat of government a sentence says something happened at ('convened a meeting at the White
    House'), or None."""
    for found in _seat_pattern().finditer(sentence):
        if _AT_OR_IN.search(sentence, 0, found.start()) or _WELCOMED_TO.search(sentence, 0, found.start()):
            return seats()[found[0]]
    return None


_AT_OR_IN = re.compile(r"\b(?:at|in|(?:on|at) the (?:margins|sidelines) of)\s+(?:the\s+)?$")
# 'will welcome Prime Minister Ardern of New Zealand to the White House': where the guest comes to
_WELCOMED_TO = re.compile(r"\bwelcom(?:e|es|ed|ing)\b[^.;:]{1,120}?\bto\s+(?:the\s+)?$")


def _country_of_place(words: str) -> str | None:
    """The country a capitalised run of words names, trying its longest prefix first ('New Delhi on Friday')."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        candidate = " ".join(parts[:size])
        if country := country_of_word(candidate) or country_of_city(candidate):
            return country
    return None


@dataclass(frozen=True)
class DocumentPlaces:
    """The countries a document puts things in."""

    seats: tuple[str, ...]  # ISO3 of each seat of government named, in text order
    places: tuple[str, ...]  # ISO3 of each place named after 'in', 'at', 'from' or a travel word's 'to', in order


NO_PLACES = DocumentPlaces((), ())


def document_places(text: str) -> DocumentPlaces:
    """The seats of government and places a document's text names."""
    table = seats()
    found_seats = tuple(table[m[0]] for m in _seat_pattern().finditer(text))
    places = tuple(c for m in _PLACE_AFTER.finditer(text) if (c := _country_of_place(m[1])))
    return DocumentPlaces(found_seats, places)
