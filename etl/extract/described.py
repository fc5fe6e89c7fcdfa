"""Office holders a text names by office and country alone: 'the President of the French Republic', 'the Prime
Minister of India' are whoever the text itself gives that office, else whoever the offices table says held it at
the publication date."""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from etl.extract.model import Person
from etl.resolve.countries import to_iso3
from etl.resolve.offices import offices, same_person

# Offices one person holds at a time, so that the office and its country name the person.
_OFFICE = re.compile(r"\b[Tt]he (?P<title>(?:Vice |Deputy )?President|(?:Deputy )?Prime Minister|Chancellor|King|"
                     r"Queen|Emir|Crown Prince|Secretary of State|Secretary-General|Secretary General) of "
                     r"(?P<country>(?:the )?[A-Z][\w.'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.'’-]*){0,5})")


# What makes the office part of another's title: 'Advisor to the …', 'Office of the …', 'Envoy for the …'.
_SERVES = re.compile(r"\b(?:to|of|for|from|on behalf of)\s+$")


def _country(words: str) -> tuple[str, str] | None:
    """The ISO3 code of the longest leading run of words that is a country, and that run."""
    pieces = words.split()
    for n in range(len(pieces), 0, -1):
        run = " ".join(pieces[:n])
        if pieces[n - 1] in ("of", "and", "the"):
            continue
        if code := to_iso3(run.removeprefix("the ")):
            return code, run
    return None


def _titled_in_text(people: list[Person], title: str, country: str) -> Person | None:
    """The one person the text itself gives that office of that country ('President of Peru Dina Boluarte')."""
    found = [p for p in people if p.country == country and p.title
             and re.sub(r"\s+of\b.*$", "", p.title).lower() == title.lower()]
    return found[0] if len(found) == 1 else None


def described_holders(doc: Doc, people: list[Person], by_token: dict[int, Person], published: dt.date | None) -> None:
    """Make each 'the <office> of <country>' the text does not follow with a name a mention of its holder (one of
    the text's people when they are the same person), with a rule saying so."""
    if published is None:
        return
    for match in _OFFICE.finditer(doc.text):
        if _SERVES.search(doc.text, max(0, match.start() - 12), match.start()):
            continue  # 'Chief Advisor to the President of Turkey': someone's portfolio, not the President
        found = _country(match["country"])
        if found is None:
            continue
        code, run = found
        end = match.start("country") + len(run)
        span = doc.char_span(match.start(), end, alignment_mode="expand")
        if span is None or any(t.i in by_token for t in span) or span.end in by_token:
            continue  # part of someone's name, or the title of the name that follows
        if titled := _titled_in_text(people, match["title"], code):
            holder_name, why = titled.name, "the text's own"  # the text's names and titles win over the table's
        elif holder := offices().office_holder(match["title"], code, published):
            holder_name, why = holder.name, f"{holder.source}, {holder.start}–{holder.end or 'now'}"
        else:
            continue
        person = titled or next((p for p in people if same_person(p.name, holder_name)), None)
        if person is None:
            person = Person(holder_name, match["title"], code)
            people.append(person)
        person.country = person.country or code
        person.rules.append(f"offices.described: '{doc.text[match.start():end]}' is {holder_name} ({why})")
        person.mentions.append((span.start, span.end))
        person.mentions.sort()
        for token in span:
            by_token[token.i] = person
