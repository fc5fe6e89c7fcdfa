"""The extractor's data model: a person in an article and an engagement the article reports.

Every extraction module reads and writes these; keeping them here, apart from the rules, is what keeps
etl/extract free of import circles.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from etl.extract.dates import DateSpan

if TYPE_CHECKING:  # the model stays importable without spaCy (make train's features, the loader's records)
    from spacy.tokens import Span


# The rule a companion carries who joined all the visitor's meetings on the trip, not only the travel.
MEETING_COMPANION = "companions.meetings: joined the visitor's meetings"


@dataclass
class Person:
    """One person in one article: the name as first given in full, title and country at the time."""

    name: str
    title: str | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token (start, end) of each mention
    aliases: list[str] = field(default_factory=list)  # 'widely known as Lu Olo'
    companions: list["Person"] = field(default_factory=list, repr=False)  # named as travelling with this person
    rules: list[str] = field(default_factory=list, repr=False)  # which rule filled the name, title or country

    def as_json(self) -> dict:
        return {"name": self.name, "title": self.title, "country": self.country}


@dataclass
class Event:
    """One engagement the text reports, with the sentence that proves it."""

    kind: str
    status: str
    date: DateSpan | None
    city: str | None
    country: str | None
    participants: list[Person]
    evidence: str
    sentence: int
    initiatives: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    confidence: float = 0.6  # until the learned model (etl.extract.learned) scores the candidate
    date_stated: bool = True  # False when the date came from an earlier sentence or the publication date
    rules: list[str] = field(default_factory=list, repr=False)  # 'rule-id: what it matched', in the order applied


@dataclass
class Sentence:
    """One sentence as the sentence rules read it: where it is, what it says, the trigger kinds it holds, the
    people taking part and travelling, and the article's publication date and dateline place."""

    span: "Span"
    text: str
    index: int
    kinds: list[str]
    people: list[Person]
    travelling: list[Person]
    published: dt.date | None
    dateline: tuple[str | None, str | None]
