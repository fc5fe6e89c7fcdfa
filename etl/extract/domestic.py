"""What is no foreign engagement: meetings among one government's own officials, a 'visit' to one's own country,
and people posted to the country a visit goes to."""
from __future__ import annotations

import re
from collections import Counter

from etl.extract.gazetteer import country_of_word
from etl.extract.model import Event
from etl.extract.publisher import FOREIGN_TITLE


# Territories whose own ISO code hides that they are part of a country a visitor may be from: a US Secretary in
# Puerto Rico or Guam is at home.
SOVEREIGN = {"PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA",
             "GLP": "FRA", "MTQ": "FRA", "GUF": "FRA", "REU": "FRA", "MYT": "FRA"}


def visit_home(event: Event, publisher: str | None = None) -> bool:
    """A 'visit' to the visitor's own country or its territory (known only once countries are inferred) is no visit;
    nor, in a government's release, is travel in its own country by people of no known country ('Each time I
    traveled to Michigan with Carl', 'Rutnya has been leading the effort in Wisconsin'): its own people, at home."""
    if event.kind != "visit" or not event.participants:
        return False
    visitor = event.participants[0].country
    return visitor in (event.country, SOVEREIGN.get(event.country or "", event.country)) or (
        publisher is not None and event.country == publisher and all(p.country is None for p in event.participants))


_POSTED_TO = re.compile(r"\b(?:ambassador|envoy|representative|consul(?: general)?) to (?:the )?(?P<place>[A-Z][\w .-]+)$",
                        re.I)


def without_residents(events: list[Event]) -> list[Event]:
    """Visits without the people posted to the country visited ('US Ambassador to Uzbekistan Daniel Rosenblum'
    joins a delegation in Tashkent, but lives there); a visit left with nobody goes."""
    kept = []
    for event in events:
        if event.kind == "visit":
            posted = [p for p in event.participants if (found := _POSTED_TO.search(p.title or ""))
                      and country_of_word(found["place"]) == event.country]
            if posted:
                event.participants = [p for p in event.participants if p not in posted]
                event.rules.append(f"pass.resident: {', '.join(p.name for p in posted)} is posted there")
            if not event.participants:
                continue
        kept.append(event)
    return kept


_BETWEEN_PEOPLE = ("meeting", "call", "dialogue", "summit")  # a White House summit of its own officials is domestic too


# The other side as an unnamed group: 'met with 16 CEOs', 'convened a bipartisan group of mayors'.
_UNNAMED_GROUP = re.compile(r"\b(?:met|meet|meeting|convened|briefed|hosted)\s+(?:virtually\s+)?(?:with\s+)?"
                            r"(?:(?:a\s+(?:[a-z]+\s+)?group\s+of\s+|\d[\d,]*\s+|several\s+|dozens\s+of\s+)"
                            r"(?:[\w-]+\s+){0,3}?(?:[a-z]+s|CEOs)\b|members\s+of\s+(?:the\s+)?(?-i:[A-Z])(?:[\w-]+\s+){0,4}?"
                            r"(?:Caucus|Congress|Senate|House|Parliament|Assembly|Council|Association|Committee)\b|"
                            # 'met with U.S. forces in Djibouti', 'met with U.S. Embassy officials'
                            r"(?:the\s+)?(?-i:[A-Z])[\w.]+\s+(?:(?-i:[A-Z])[\w-]+\s+)?(?:forces|troops|personnel|officials|"
                            r"staff|service\s*members|diplomats|employees)\b)")


def domestic(event: Event, mentions: Counter, publisher: str | None = None) -> bool:
    """True for a meeting, call or dialogue among officials of one country, in a text that names no other country
    (a President, his Vice President and a group of mayors): domestic politics, not a foreign engagement. When
    another country is named, its side may just go unnamed ('Blinken and Mayorkas met Mexico's delegation'). In a
    government's release naming no other country, people of no known country are taken for that government's."""
    countries = {p.country for p in event.participants}
    known = countries - {None}
    foreign_titled = any(p.country is None and FOREIGN_TITLE.search(p.title or "") for p in event.participants)
    if None in countries and publisher and known == {publisher} and not foreign_titled:
        countries = known  # but a Director-General or a Prime Minister of no stated country is no one's own
    if event.kind not in _BETWEEN_PEOPLE or len(event.participants) < 2 or len(countries) != 1 or None in countries:
        return False
    if (group := _UNNAMED_GROUP.search(event.evidence)) \
            and {c for w in group[0].split() if (c := country_of_word(w))} <= countries:
        return True  # 'Yellen, Raimondo and Sullivan met with 16 CEOs', 'met with U.S. forces': none of another country
    return not any(country not in countries for country in mentions)
