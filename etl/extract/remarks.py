"""People met, from the Office of the Historian's trip remarks ('Met with Queen Elizabeth II and Prime Minister Brown')."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.extract.gazetteer import country_of_word
from etl.resolve.offices import offices
from etl.resolve.titles import TITLE_WORDS, split_title

_MET_WITH = re.compile(r"\b(?:(?:met|meeting|meetings|talks|discussions|conferred|consultations|dinner|lunch|breakfast|"
                       r"summit[”\"]?|events?|audience)"
                       r"\s+(?:separately\s+|also\s+|privately\s+)?|"
                       # 'Discussed the Middle East peace process with King Hussein': the subject, then whom with
                       r"(?:(?<![\w,] )(?<![\w,]  )(?:discussed|reviewed))\s+[^;.]{1,120}?\s+)"
                       r"with\s+(?P<people>[^;.]+(?:\.\s?[A-Z]\.[^;.]*)*)", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w .'-]+)$")
# Capitalised words, with the lower-case particles names carry between them ('Abdullatif bin Rashid Al Zayani').
_NAME = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+(?:(?:bin|bint|ibn|al|el|de|da|di|du|van|von|der|den|del|la|le|dos|das)"
                   r"\s+)?[A-Z0-9][\w'’.\-]*)*$")
_GENERIC = re.compile(r"^(?:the\s+)?(?:senior|other|local|several|various|leaders|officials|members|heads|representatives)\b",
                      re.I)


@dataclass(frozen=True)
class PersonMet:
    """Someone the traveller met, as the remarks name them."""

    name: str
    title: str | None
    country: str | None
    evidence: str


def people_met(remarks: str | None, host_country: str | None, on: dt.date | None = None) -> list[PersonMet]:
    """Named people the traveller met, each with title and country (the host's unless the remarks say otherwise).

    A person named by title and surname alone ('President Wee') takes the full name of the one holder of that
    office at the trip's date, where the offices table knows them.
    """
    found: list[PersonMet] = []
    for match in _MET_WITH.finditer(remarks or ""):
        clause = match.group(0).strip()
        for item in _SPLIT.split(match["people"]):
            person = _person(item.strip(" ,"), host_country, clause)
            if person and len(person.name.split()) == 1 and (holder := offices().holder(
                    person.name, person.title, on, person.country)):
                person = PersonMet(holder.name, person.title, person.country, person.evidence)
            if person and all(p.name != person.name for p in found):
                found.append(person)
    return found


def _person(item: str, host_country: str | None, evidence: str) -> PersonMet | None:
    item = re.sub(r"^.*?\bwith\s+", "", item)  # 'bilateral events with Singaporean Prime Minister Lee'
    item = re.sub(r"^the\s+", "", item, flags=re.I)
    item = re.sub(r"\s+(?:at|in|during|on|aboard)\s+.*$", "", item)  # 'Pope John Paul II at Castel Gandolfo'
    item = re.sub(r"\s+to\s+(?!the\b)[a-z]+\b.*$", "", item)  # 'President Erdogan to discuss …', not 'Ambassador to the'
    if not item or _GENERIC.match(item):
        return None
    country = host_country
    if of := _OF_COUNTRY.search(item):
        country = country_of_word(of["country"]) or country
        item = item[: of.start()]
        if all(w.lower() in TITLE_WORDS for w in item.split()):
            return None  # 'the Prime Minister of Thailand': an office, nobody named
    words = item.split()
    for size in (2, 1):  # 'Palestinian Authority President Arafat', 'Chinese Premier Li Peng'
        if len(words) > size + 1 and (nationality := country_of_word(" ".join(words[:size]))):
            country, item = nationality, " ".join(words[size:])
            break
    title, name = split_title(item)
    if not title or not name or any(w.lower().endswith("s") and w.lower()[:-1] in TITLE_WORDS for w in name.split()):
        return None  # an office without a name, or a plural ('the Presidents and Prime Ministers')
    if not _NAME.match(name):
        return None
    return PersonMet(name=name, title=title, country=country, evidence=evidence)
