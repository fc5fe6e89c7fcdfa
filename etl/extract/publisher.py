"""Article-level passes over people: the offices they held at the date, the publisher's officials, its spokespeople."""
from __future__ import annotations

import datetime as dt
import re

from etl.extract.model import Event, Person
from etl.resolve.offices import offices

# Offices a release's own government holds: unqualified, 'Secretary Blinken' in a State Department release is its own.
# Heads of government, monarchs and ministers are left out: in any release those are as often foreign as not.
GOVERNMENT_TITLE = re.compile(
    r"\b(?:president|secretary|advis[eo]r|envoy|representative|counsel(?:l)?or|ambassador|first lady|"
    r"second gentleman|administrator|senator|governor|chief of staff|coordinator|director|joint chiefs)\b", re.I)
FOREIGN_TITLE = re.compile(r"\b(?:prime minister|minister|king|queen|chancellor|emir|amir|prince|premier|sultan|"
                           r"taoiseach|secretary[- ]general|director[- ]general)\b", re.I)


# Who speaks for the publisher: 'The below is attributable to Spokesperson Ned Price' issues the release.
ISSUER_TITLE = re.compile(r"\b(?:spokes(?:person|man|woman)|press secretary|communications director|"
                          r"director of communications)\b", re.I)


def apply_offices(people: list[Person], published: dt.date | None) -> None:
    """Fill what the text leaves out from who held which office at the date: 'Secretary Blinken' in 2022 is
    Antony John Blinken, of the USA. A name the text gives in full, a title or a country it states, stays."""
    for person in people:
        if person.country and len(person.name.split()) > 1:
            continue  # nothing to fill
        holder = offices().holder(person.name, person.title, published, person.country)
        if holder is None:
            continue
        if len(person.name.split()) == 1:
            person.aliases.append(person.name)
            person.name = holder.name
        person.country = person.country or holder.country
        person.title = person.title or holder.office
        person.rules.append(f"offices: {holder.name}, {holder.office}, {holder.country} "
                            f"({holder.source}, {holder.start}–{holder.end or 'now'})")


def apply_publisher(people: list[Person], publisher: str | None) -> None:
    """People with no country whose title is one of the publishing government's offices are that government's."""
    if not publisher:
        return
    for person in people:
        if not person.country and person.title and GOVERNMENT_TITLE.search(person.title) \
                and not FOREIGN_TITLE.search(person.title):
            person.country = publisher
            person.rules.append(f"publisher: a {person.title} in a {publisher} release is {publisher}'s")


def drop_issuers(events: list[Event]) -> list[Event]:
    """Spokespeople who issue a release are not in the engagements it reports; events left with nobody go too."""
    kept = []
    for event in events:
        issuers = [p for p in event.participants if ISSUER_TITLE.search(p.title or "")]
        if issuers:
            event.rules.append(f"pass.issuer-dropped: {', '.join(p.name for p in issuers)} issued the release")
            dropped = {id(p) for p in issuers}
            event.participants = [p for p in event.participants if id(p) not in dropped]
        if len(event.participants) >= (1 if event.kind == "visit" else 2):
            kept.append(event)
    return kept
